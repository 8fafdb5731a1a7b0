import datetime
import json
import re
from unittest import mock

import pytest
from django.utils import timezone

from tests.factories import SiteEditorFactory, SiteSettingsFactory, UserFactory
from tests.news.factories import CategoryFactory, EventFactory, NewsArticleFactory
from tests.teams.factories import PersonFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


def _titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)', html)


def test_news_list_newest_first_with_featured_on_top(client):
    today = timezone.localdate()
    NewsArticleFactory(title_fr="Ancienne", date=today - datetime.timedelta(days=30))
    NewsArticleFactory(title_fr="Récente", date=today)
    NewsArticleFactory(title_fr="À la une", featured=True, date=today - datetime.timedelta(days=9))
    NewsArticleFactory(title_fr="Brouillon", status="draft")
    html = client.get("/fr/actualites/").content.decode()
    assert html.index("À la une") < html.index("Récente") < html.index("Ancienne")
    assert _titles(html) == ["Récente", "Ancienne"]
    assert "Brouillon" not in html


def test_the_featured_article_is_the_latest_one_marked(client):
    """An article featured years ago does not stay above newer ones once a newer one is marked."""
    today = timezone.localdate()
    NewsArticleFactory(title_fr="Ouverture", featured=True, date=datetime.date(2018, 1, 15))
    NewsArticleFactory(title_fr="Nouvel essai", featured=True, date=today - datetime.timedelta(20))
    NewsArticleFactory(title_fr="Séminaire", date=today - datetime.timedelta(days=12))
    NewsArticleFactory(title_fr="À venir", featured=True, status="draft", date=today)
    html = client.get("/fr/actualites/").content.decode()
    featured = html.split('class="featured-article"')[1].split("</article>")[0]
    assert "Nouvel essai" in featured and "Ouverture" not in featured
    assert _titles(html) == ["Séminaire", "Ouverture"]


def test_news_filters_by_category_and_year(client):
    research = CategoryFactory(slug="recherche")
    NewsArticleFactory(title_fr="Science", category=research, date=datetime.date(2024, 5, 1))
    NewsArticleFactory(title_fr="Vie", date=datetime.date(2025, 5, 1))
    assert _titles(client.get("/fr/actualites/?category=recherche").content.decode()) == ["Science"]
    assert _titles(client.get("/fr/actualites/?year=2025").content.decode()) == ["Vie"]
    html = client.get("/fr/actualites/?category=recherche").content.decode()
    assert 'href="/fr/actualites/flux/rss/recherche/"' in html


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "year=99999",
        "category=nope",
        "year=abc",
        "page=-1",
        "page=99999",
        "year=%00",
        "category=" + "x" * 3000,
    ],
)
def test_bad_news_parameters_never_fail(client, query):
    NewsArticleFactory(title_fr="Seule")
    response = client.get(f"/fr/actualites/?{query}")
    assert response.status_code == 200
    assert "Seule" in response.content.decode()


def test_article_page(client):
    team = TeamFactory(name_fr="Équipe liée")
    person = PersonFactory(first_name="Ada", last_name="Liée")
    older = NewsArticleFactory(title_fr="Plus vieille", date=datetime.date(2024, 1, 1))
    article = NewsArticleFactory(
        title_fr="Le sujet",
        date=datetime.date(2024, 6, 1),
        category=CategoryFactory(name_fr="Recherche"),
    )
    article.teams.add(team)
    article.people.add(person)
    html = client.get(f"/fr/actualites/{article.slug}/").content.decode()
    assert "<h1>Le sujet</h1>" in html
    assert "Équipe liée" in html and "Ada Liée" in html
    assert f'href="{older.get_absolute_url()}" rel="prev"' in html
    assert (
        "linkedin.com/sharing/share-offsite/?url=http%3A%2F%2Ftestserver%2Ffr%2Factualites" in html
    )
    assert '<time datetime="2024-06-01">1 juin 2024</time>' in html
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "NewsArticle" and data["headline"] == "Le sujet"
    en = client.get(f"/en/news/{article.slug_en}/").content.decode()
    assert '<time datetime="2024-06-01">June 1, 2024</time>' in en


def test_unknown_or_draft_article_is_404_and_staff_preview(client):
    draft = NewsArticleFactory(status="draft")
    assert client.get("/fr/actualites/nope/").status_code == 404
    assert client.get(f"/fr/actualites/{draft.slug}/").status_code == 404
    client.force_login(SiteEditorFactory())
    assert client.get(f"/fr/actualites/{draft.slug}/").status_code == 200


def test_scheduled_article_appears_exactly_when_its_time_comes(client):
    now = timezone.now()
    article = NewsArticleFactory(
        title_fr="Programmée", publish_at=now + datetime.timedelta(hours=1)
    )
    before = now + datetime.timedelta(minutes=59)
    after = now + datetime.timedelta(hours=1, seconds=1)
    # What each address shows of the article once it is out: its title, or (the sitemap) its
    # address.
    urls = {
        "/fr/actualites/": "Programmée",
        "/fr/actualites/flux/rss/": "Programmée",
        "/fr/actualites/flux/atom/": "Programmée",
        "/sitemap.xml": f"http://testserver/fr/actualites/{article.slug}/",
        "/fr/": "Programmée",
    }
    with mock.patch("django.utils.timezone.now", return_value=before):
        assert client.get(f"/fr/actualites/{article.slug}/").status_code == 404
        for url in urls:
            assert (
                "Programm" not in client.get(url).content.decode()
                and article.slug not in client.get(url).content.decode()
            ), url
    with mock.patch("django.utils.timezone.now", return_value=after):
        from django.core.cache import cache

        cache.clear()  # the sitemap is cached for 60 s at most
        assert client.get(f"/fr/actualites/{article.slug}/").status_code == 200
        for url, shown in urls.items():
            assert shown in client.get(url).content.decode(), url


def test_events_upcoming_and_past(client):
    now = timezone.now()
    EventFactory(title_fr="Bientôt", start=now + datetime.timedelta(days=1))
    EventFactory(title_fr="Plus tard", start=now + datetime.timedelta(days=10))
    EventFactory(
        title_fr="Hier",
        start=now - datetime.timedelta(days=1),
        end=now - datetime.timedelta(days=1) + datetime.timedelta(hours=1),
    )
    EventFactory(
        title_fr="Avant-hier",
        start=now - datetime.timedelta(days=2),
        end=now - datetime.timedelta(days=2) + datetime.timedelta(hours=1),
    )
    assert _titles(client.get("/fr/evenements/").content.decode()) == ["Bientôt", "Plus tard"]
    assert _titles(client.get("/fr/evenements/?when=past").content.decode()) == [
        "Hier",
        "Avant-hier",
    ]


def test_events_filter_by_kind_and_bad_values(client):
    EventFactory(title_fr="Un séminaire", kind="seminar")
    EventFactory(title_fr="Un colloque", kind="conference")
    assert _titles(client.get("/fr/evenements/?kind=conference").content.decode()) == [
        "Un colloque"
    ]
    for query in ("kind=zzz", "when=future", "page=x", "when=%00"):
        assert client.get(f"/fr/evenements/?{query}").status_code == 200


def test_cancelled_event_keeps_its_page_and_says_so(client):
    event = EventFactory(title_fr="Annulé", cancelled=True)
    html = client.get(f"/fr/evenements/{event.slug}/").content.decode()
    assert "<strong>Cet événement est annulé.</strong>" in html
    en = client.get(f"/en/events/{event.slug_en}/").content.decode()
    assert "<strong>This event is cancelled.</strong>" in en
    data = json.loads(re.search(r'ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_event_page_shows_local_time_in_each_language(client):
    from tests.news.factories import paris

    event = EventFactory(start=paris(2030, 3, 12, 14, 0), end=paris(2030, 3, 12, 16, 30))
    fr = client.get(f"/fr/evenements/{event.slug}/").content.decode()
    en = client.get(f"/en/events/{event.slug_en}/").content.decode()
    assert '<time datetime="2030-03-12T14:00+0100">12 mars 2030, 14:00</time>' in fr
    assert '<time datetime="2030-03-12T16:30+0100">16:30</time>' in fr
    assert '<time datetime="2030-03-12T14:00+0100">March 12, 2030, 2 p.m.</time>' in en
    assert '<time datetime="2030-03-12T16:30+0100">4:30 p.m.</time>' in en


def test_home_team_and_profile_show_their_news(client):
    from tests.factories import HomePageFactory

    HomePageFactory()
    team = TeamFactory()
    person = PersonFactory()
    article = NewsArticleFactory(title_fr="Nouvelle de l'équipe")
    article.teams.add(team)
    article.people.add(person)
    event = EventFactory(title_fr="Rendez-vous de l'équipe")
    event.teams.add(team)
    home = client.get("/fr/").content.decode()
    assert "Nouvelle de l&#x27;équipe" in home and "Rendez-vous de l&#x27;équipe" in home
    team_page = client.get(f"/fr/equipes/{team.slug}/").content.decode()
    assert "Nouvelle de l&#x27;équipe" in team_page and "Rendez-vous de l&#x27;équipe" in team_page
    profile = client.get(f"/fr/personnes/{person.slug}/").content.decode()
    assert "Nouvelle de l&#x27;équipe" in profile


def test_admin_publish_and_unpublish_actions(client):
    drafts = [NewsArticleFactory(status="draft") for _ in range(3)]
    client.force_login(UserFactory(username="chief", is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/news/newsarticle/",
        {"action": "publish_now", "_selected_action": [a.pk for a in drafts]},
    )
    assert response.status_code == 302
    from apps.news.models import NewsArticle

    assert NewsArticle.objects.published().count() == 3
    client.post(
        "/admin/news/newsarticle/", {"action": "unpublish", "_selected_action": [drafts[0].pk]}
    )
    assert NewsArticle.objects.published().count() == 2
    for url in (
        "/admin/news/newsarticle/",
        "/admin/news/event/",
        "/admin/news/category/",
        f"/admin/news/newsarticle/{drafts[0].pk}/change/",
        "/admin/news/event/add/",
        "/admin/news/newsarticle/?date__year=2024",
    ):
        assert client.get(url).status_code == 200, url
    # An id that cannot exist ends in a 404, never an error.
    assert client.get("/admin/news/newsarticle/abc/change/", follow=True).status_code == 404


def test_event_end_before_start_is_refused():
    from django.db import IntegrityError

    now = timezone.now()
    with pytest.raises(IntegrityError):
        EventFactory(start=now, end=now - datetime.timedelta(hours=1))
