"""News and events pages for the harness: lists from 10 to 2,000 articles."""

import datetime
import itertools

from django.urls import reverse
from django.utils import timezone, translation

from apps.core.pagetypes import PageType, register_page_type
from apps.news.models import Event, NewsArticle
from tests.factories import LONG_WORD, SiteSettingsFactory, make_image
from tests.news.factories import CategoryFactory, EventFactory, NewsArticleFactory
from tests.teams.factories import PersonFactory, TeamFactory

_counter = itertools.count()


def _articles(count, **extra):
    start = next(_counter) * 100_000
    today = timezone.localdate()
    return NewsArticle.objects.bulk_create(
        NewsArticle(
            title_fr=f"Actualité {start + i} : {LONG_WORD}",
            title_en=f"News {start + i}: {LONG_WORD}",
            slug_fr=f"n-{start + i}",  # bulk_create: no save fills the slugs
            slug_en=f"n-{start + i}-en",
            lead_fr="Chapô.",
            lead_en="Lead.",
            body_fr="<p>x</p>",
            body_en="<p>x</p>",
            date=today - datetime.timedelta(days=i % 900),
            status="published",
            **extra,
        )
        for i in range(count)
    )


def _events(count, *, past=False, **extra):
    start = next(_counter) * 100_000
    now = timezone.now()
    sign = -1 if past else 1
    return Event.objects.bulk_create(
        Event(
            title_fr=f"Événement {start + i} : {LONG_WORD}",
            title_en=f"Event {start + i}: {LONG_WORD}",
            slug_fr=f"e-{start + i}",
            slug_en=f"e-{start + i}-en",
            start=now + sign * datetime.timedelta(days=1 + i),
            end=now + sign * datetime.timedelta(days=1 + i) + datetime.timedelta(hours=2),
            summary_fr="Résumé.",
            summary_en="Summary.",
            status="published",
            **extra,
        )
        for i in range(count)
    )


def _populate_list(size):
    SiteSettingsFactory()
    category = CategoryFactory(slug="recherche")
    image = make_image("News")
    NewsArticleFactory(featured=True, image=image, category=category)
    _articles(size, category=category, image=image)


def _populate_detail(size):
    SiteSettingsFactory()
    _articles(2)
    article = NewsArticleFactory(image=make_image("News"), category=CategoryFactory())
    article.teams.set([TeamFactory() for _ in range(min(size, 20))])
    article.people.set([PersonFactory() for _ in range(min(size, 20))])
    return article


def _populate_events(size):
    SiteSettingsFactory()
    _events(size)
    _events(size, past=True)


def _populate_event_detail(size):
    SiteSettingsFactory()
    event = EventFactory(
        image=make_image("Event"),
        online_url="https://example.org/live",
        registration_url="https://example.org/register",
    )
    event.teams.set([TeamFactory() for _ in range(min(size, 20))])
    return event


def _populate_home(size):
    from tests.pages.pagetypes import _populate as populate_home

    populate_home(2)
    _articles(size)
    _events(size)


def _populate_team_with_news(size):
    team = TeamFactory(slug="team-with-news")
    for article in _articles(size):
        article.teams.add(team)
    for event in _events(size):
        event.teams.add(team)
    SiteSettingsFactory()
    return team


def _path(name, with_slug=False, query=""):
    def build(data, lang):
        with translation.override(lang):
            url = reverse(name, kwargs={"slug": data.slug}) if with_slug else reverse(name)
        return url + query

    return build


register_page_type(
    PageType("news:article-list", _path("news:article-list"), _populate_list, small=10, large=2000)
)
register_page_type(
    PageType(
        "news:article-list-filtered",
        _path("news:article-list", query="?category=recherche"),
        _populate_list,
        small=10,
        large=300,
    )
)
register_page_type(
    PageType(
        "news:article-detail",
        _path("news:article-detail", True),
        _populate_detail,
        small=2,
        large=20,
    )
)
register_page_type(
    PageType("news:event-list", _path("news:event-list"), _populate_events, small=5, large=100)
)
register_page_type(
    PageType(
        "news:event-list-past",
        _path("news:event-list", query="?when=past"),
        _populate_events,
        small=5,
        large=100,
    )
)
register_page_type(
    PageType(
        "news:event-detail",
        _path("news:event-detail", True),
        _populate_event_detail,
        small=2,
        large=20,
    )
)
register_page_type(
    PageType(
        "news:home-with-news", lambda data, lang: f"/{lang}/", _populate_home, small=3, large=30
    )
)
register_page_type(
    PageType(
        "news:team-with-news",
        _path("teams:team-detail", True),
        _populate_team_with_news,
        small=2,
        large=30,
    )
)


def _populate_person_with_news(size):
    SiteSettingsFactory()
    person = PersonFactory(slug="person-with-news")
    for article in _articles(size):
        article.people.add(person)
    return person


register_page_type(
    PageType(
        "news:person-with-news",
        _path("teams:person-detail", True),
        _populate_person_with_news,
        small=2,
        large=30,
    )
)


# Filtered lists, second pages, empty lists and a staff preview ------------------------------------
def _populate_drafts_only(size):
    SiteSettingsFactory()
    drafts = _articles(size)
    NewsArticle.objects.filter(pk__in=[a.pk for a in drafts]).update(status="draft")
    drafts = _events(size)
    Event.objects.filter(pk__in=[e.pk for e in drafts]).update(status="draft")


def _populate_events_of_kinds(size):
    SiteSettingsFactory()
    _events(size, kind="seminar")
    _events(size, kind="conference")


def _populate_upcoming_only(size):
    SiteSettingsFactory()
    _events(size)


def _populate_list_and_empty_category(size):
    _populate_list(size)
    CategoryFactory(slug="vide")


def _populate_past_events_only(size):
    SiteSettingsFactory()
    _events(size, past=True)


for name, view, query, populate, small, large in [
    ("news:article-list-page-2", "news:article-list", "?page=2", _populate_list, 14, 300),
    ("news:article-list-empty", "news:article-list", "", _populate_drafts_only, 2, 20),
    (
        "news:article-list-category-no-result",
        "news:article-list",
        "?category=vide",
        _populate_list_and_empty_category,
        10,
        300,
    ),
    ("news:event-list-kind", "news:event-list", "?kind=seminar", _populate_events_of_kinds, 3, 40),
    (
        "news:event-list-kind-no-result",
        "news:event-list",
        "?kind=patient_day",
        _populate_events_of_kinds,
        3,
        40,
    ),
    ("news:event-list-page-2", "news:event-list", "?page=2", _populate_events, 14, 60),
    (
        "news:event-list-past-page-2",
        "news:event-list",
        "?when=past&page=2",
        _populate_events,
        14,
        60,
    ),
    ("news:event-list-empty", "news:event-list", "", _populate_past_events_only, 2, 20),
    ("news:event-list-past-empty", "news:event-list", "?when=past", _populate_upcoming_only, 2, 20),
]:
    register_page_type(PageType(name, _path(view, query=query), populate, small=small, large=large))


def _populate_draft_article(size):
    article = _populate_detail(size)
    article.status = "draft"
    article.save()
    return article


def _staff(data):
    from tests.factories import SiteEditorFactory

    return SiteEditorFactory()


register_page_type(
    PageType(
        "news:article-preview",
        _path("news:article-detail", True),
        _populate_draft_article,
        small=2,
        large=20,
        user=_staff,
    )
)
