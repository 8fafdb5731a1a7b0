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


def _populate_site_map(size):
    """Content in every section of the site map: a page tree, legal pages, MC21 pages, teams,
    people (not listed: the directory is linked), news categories, consultations."""
    from apps.pages.models import Page
    from tests.care.factories import ConsultationFactory
    from tests.factories import PageFactory
    from tests.news.factories import CategoryFactory
    from tests.teams.factories import PersonFactory, TeamFactory

    SiteSettingsFactory()
    root = PageFactory()
    for index in range(size):
        PageFactory(parent=root if index % 2 else None, title_en="")  # French title on /en/
    for kind in (Page.Kind.LEGAL, Page.Kind.PRIVACY, Page.Kind.ACCESSIBILITY):
        if not Page.objects.filter(kind=kind).exists():
            PageFactory(kind=kind)
    mc21 = Page.objects.filter(kind=Page.Kind.MC21).first() or PageFactory(
        kind=Page.Kind.MC21, slug_fr="mc21", slug_en="mc21", title_fr="MC21", title_en="MC21"
    )
    for _index in range(size):
        TeamFactory()
        PersonFactory()
        CategoryFactory()
        ConsultationFactory()
        PageFactory(parent=mc21)


register_page_type(
    PageType(
        name="core:site-map",
        path=lambda data, lang: "/fr/plan-du-site/" if lang == "fr" else "/en/site-map/",
        populate=_populate_site_map,
    )
)
