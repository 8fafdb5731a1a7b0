"""Page types the foundation adds: the 404 page (every other app's pages register beside it)."""

from apps.core.pagetypes import PageType, register_page_type
from tests.factories import SiteSettingsFactory


def _populate(size):
    SiteSettingsFactory()


register_page_type(
    PageType(
        name="core:404",
        path=lambda data, lang: f"/{lang}/cette-page-n-existe-pas/",
        populate=_populate,
        status=404,
    )
)
