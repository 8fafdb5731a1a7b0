"""Search result pages for the harness: results, filtered by type, no result, empty query."""

import itertools
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation

from apps.core.pagetypes import PageType, register_page_type
from apps.news.models import NewsArticle
from apps.search.indexing import rebuild
from apps.teams.models import Person
from tests.factories import LONG_WORD, PageFactory, SiteSettingsFactory
from tests.teams.factories import MembershipFactory, TeamFactory

_counter = itertools.count()


def _populate(size):
    """`size` people and articles about immunotherapy, a team, a page; all indexed."""
    SiteSettingsFactory()
    start = next(_counter) * 100_000
    Person.objects.bulk_create(
        Person(
            first_name="Hélène",
            last_name=f"Chevalier{start + i}",
            slug=f"search-person-{start + i}",
            title="Dr",
            position_fr="Chercheuse en immunothérapie",
            position_en="Immunotherapy researcher",
            bio_fr=f"Travaille sur l'immunothérapie des cancers. {LONG_WORD}",
            status="published",
        )
        for i in range(size)
    )
    NewsArticle.objects.bulk_create(
        NewsArticle(
            title_fr=f"L'immunothérapie progresse {start + i} : {LONG_WORD}",
            title_en=f"Immunotherapy advances {start + i}: {LONG_WORD}",
            slug_fr=f"search-news-{start + i}",  # bulk_create: no save fills the slugs
            slug_en=f"search-news-{start + i}-en",
            lead_fr="Une avancée en immunothérapie <b>&</b> biomarqueurs.",
            lead_en="An advance in immunotherapy <b>&</b> biomarkers.",
            body_fr="<p>Immunothérapie des cancers.</p>",
            body_en="<p>Cancer immunotherapy.</p>",
            status="published",
        )
        for i in range(size)
    )
    team = TeamFactory(name_fr="Immunothérapie des tumeurs", name_en="Tumour immunotherapy")
    MembershipFactory(team=team, role="head")
    PageFactory(title_fr="L'immunothérapie", title_en="Immunotherapy", slug_fr=f"imm-{start}")
    rebuild()


def _path(**query):
    def build(data, lang):
        with translation.override(lang):
            url = reverse("search:results")
        words = {"fr": "immunothérapie", "en": "immunotherapy"}
        params = {k: (words[lang] if v is None else v) for k, v in query.items()}
        return url + ("?" + urlencode(params) if params else "")

    return build


register_page_type(PageType("search:results", _path(q=None), _populate, small=3, large=60))
register_page_type(
    PageType("search:results-by-type", _path(q=None, type="article"), _populate, small=3, large=60)
)
register_page_type(
    PageType(
        "search:results-page-2",
        _path(q=None, type="person", page="2"),
        _populate,
        small=25,
        large=60,
    )
)
register_page_type(
    PageType("search:no-result", _path(q="zzxqwv kkjjhh"), _populate, small=3, large=30)
)
register_page_type(PageType("search:empty", _path(), _populate, small=2, large=20))
