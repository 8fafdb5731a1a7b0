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


# A request with more query parameters than DATA_UPLOAD_MAX_NUMBER_FIELDS is refused with 400.
_TOO_MANY_FIELDS = "&".join(f"f{i}=1" for i in range(1100))

register_page_type(
    PageType(
        name="core:400",
        path=lambda data, lang: (
            f"/{lang}/{'equipes' if lang == 'fr' else 'teams'}/?" + _TOO_MANY_FIELDS
        ),
        populate=_populate,
        status=400,
    )
)
register_page_type(
    PageType(
        name="core:500",
        path=lambda data, lang: f"/{lang}/failing/",
        populate=_populate,
        status=500,
        settings={"ROOT_URLCONF": "tests.testapp.urls"},
    )
)
