"""MC21 pages for the harness."""

from apps.core.pagetypes import PageType, register_page_type
from apps.mc21.models import Connection, Milestone, Supporter
from tests.factories import PageFactory, SiteSettingsFactory, make_image
from tests.news.factories import CategoryFactory, NewsArticleFactory
from tests.teams.factories import TeamFactory


def _root():
    from apps.pages.models import Page

    root = Page.objects.filter(kind="mc21").first()
    return root or PageFactory(kind="mc21", slug_fr="mc21", slug_en="mc21", title_fr="MC21")


def _populate_landing(size):
    settings_row = SiteSettingsFactory()
    settings_row.donation_url_fr = "/fr/nous-soutenir/"
    settings_row.donation_url_en = "/en/support-us/"
    settings_row.save()
    root = _root()
    PageFactory(parent=root)
    logo = make_image("Logo", 300, 150)
    article = NewsArticleFactory(category=CategoryFactory(slug="mc21-news"))
    for index in range(size):
        Milestone.objects.create(
            year=1909 + index,
            title_fr=f"Étape {index}",
            title_en=f"Milestone {index}",
            status="published",
            article=article if index % 2 else None,
            page=root if index % 3 == 0 else None,
        )
        Supporter.objects.create(
            name_fr=f"Soutien {index}",
            name_en=f"Supporter {index}",
            logo=logo,
            url="https://example.org/",
            status="published",
        )
    connection, _ = Connection.objects.get_or_create(pk=1)
    connection.news_category = article.category
    connection.save()
    connection.teams.add(*[TeamFactory() for _ in range(min(size, 10))])
    return root


def _populate_subpage(size):
    SiteSettingsFactory()
    root = _root()
    page = PageFactory(parent=root)
    for _ in range(size):
        PageFactory(parent=page)
    return page


def _landing_path(data, lang):
    return f"/{lang}/mc21/"


def _subpage_path(data, lang):
    from django.utils import translation

    with translation.override(lang):
        return data.get_absolute_url()


register_page_type(PageType("mc21:landing", _landing_path, _populate_landing, small=3, large=40))
register_page_type(PageType("mc21:page", _subpage_path, _populate_subpage, small=3, large=40))


def _populate_home_with_mc21(size):
    from tests.pages.pagetypes import _populate as populate_home

    populate_home(2)
    return _populate_landing(size)


register_page_type(
    PageType(
        "mc21:home-with-mc21",
        lambda data, lang: f"/{lang}/",
        _populate_home_with_mc21,
        small=2,
        large=20,
    )
)
