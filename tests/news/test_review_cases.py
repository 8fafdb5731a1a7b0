"""Cases found in review of the news app."""

import datetime
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.utils import timezone
from icalendar import Calendar

from apps.news.models import NewsArticle
from tests.factories import SiteSettingsFactory, UserFactory
from tests.news.factories import CategoryFactory, EventFactory, NewsArticleFactory, paris

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


@pytest.mark.parametrize("status", ["draft", "scheduled"])
def test_hidden_category_is_named_nowhere(client, status):
    extra = (
        {"status": "draft"}
        if status == "draft"
        else {"publish_at": timezone.now() + datetime.timedelta(days=3)}
    )
    category = CategoryFactory(name_fr="CatSecrete", name_en="SecretCat", slug="secrete", **extra)
    article = NewsArticleFactory(category=category, featured=True)
    NewsArticleFactory(category=category)
    for url in (
        "/fr/actualites/",
        f"/fr/actualites/{article.slug}/",
        "/fr/actualites/flux/rss/",
        "/fr/actualites/flux/atom/",
        "/en/news/",
    ):
        body = client.get(url).content.decode()
        assert "CatSecrete" not in body and "SecretCat" not in body, url
        assert "secrete" not in body, url


def test_all_day_event_is_upcoming_all_through_its_day(client):
    today = timezone.localdate()
    event = EventFactory(
        title_fr="Journée entière",
        all_day=True,
        start=datetime.datetime.combine(today, datetime.time(0), tzinfo=paris(2030, 1, 1).tzinfo),
        end=datetime.datetime.combine(today, datetime.time(0), tzinfo=paris(2030, 1, 1).tzinfo),
    )
    event.refresh_from_db()
    assert timezone.localtime(event.end).time() == datetime.time.max
    midday = datetime.datetime.combine(today, datetime.time(12), tzinfo=paris(2030, 1, 1).tzinfo)
    with mock.patch("django.utils.timezone.now", return_value=midday):
        assert "Journée entière" in client.get("/fr/evenements/").content.decode()
        assert "Journée entière" not in client.get("/fr/evenements/?when=past").content.decode()
        page = client.get(f"/fr/evenements/{event.slug}/").content.decode()
        assert f'href="/fr/evenements/{event.slug}.ics"' in page
        calendar = Calendar.from_ical(client.get("/fr/evenements/calendrier.ics").content)
        (vevent,) = calendar.walk("VEVENT")
        assert vevent.decoded("DTSTART") == today
        assert vevent.decoded("DTEND") == today + datetime.timedelta(days=1)


def test_publish_action_makes_items_visible_and_keeps_history(client):
    future = timezone.now() + datetime.timedelta(days=5)
    past = timezone.now() - datetime.timedelta(days=1)
    scheduled = NewsArticleFactory(status="draft", publish_at=future)
    expired = NewsArticleFactory(status="draft", unpublish_at=past)
    client.force_login(UserFactory(username="chief", is_staff=True, is_superuser=True))
    response = client.post(
        "/admin/news/newsarticle/",
        {"action": "publish_now", "_selected_action": [scheduled.pk, expired.pk]},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="fr",
    )
    assert NewsArticle.objects.published().count() == 2
    assert '<li class="success">2 éléments publiés.</li>' in response.content.decode()
    from reversion.models import Version

    versions = Version.objects.get_for_object(scheduled)
    assert versions.count() == 1, "the action's change is kept as a version"
    assert versions.get().field_dict["status"] == "published"


def test_view_only_staff_cannot_run_publish_actions(client):
    article = NewsArticleFactory(status="draft")
    user = UserFactory(username="viewer", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_newsarticle"))
    client.force_login(user)
    client.post(
        "/admin/news/newsarticle/", {"action": "publish_now", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.status == "draft"


def test_site_editors_may_edit_news():
    from django.contrib.auth.models import Group

    from apps.core.roles import SITE_EDITORS, ensure_roles

    ensure_roles()
    codes = set(Group.objects.get(name=SITE_EDITORS).permissions.values_list("codename", flat=True))
    assert {"change_newsarticle", "add_event", "change_category"} <= codes


def test_atom_entries_have_tag_ids_and_an_author(client):
    NewsArticleFactory()
    body = client.get("/en/news/feed/atom/").content.decode()
    ids = re.findall(r"<entry>.*?<id>([^<]+)</id>", body, re.S)
    assert ids and all(i.startswith("tag:curie.fr,2026:news-article-") for i in ids)
    assert "<author><name>Institut Curie</name></author>" in body


def test_feed_dates_are_never_in_the_future(client):
    import feedparser

    NewsArticleFactory(date=timezone.localdate())
    feed = feedparser.parse(client.get("/en/news/feed/rss/").content)
    published = datetime.datetime(*feed.entries[0].published_parsed[:6], tzinfo=datetime.UTC)
    assert published <= timezone.now()


@pytest.mark.parametrize("url", ["/fr/evenements/calendrier.ics", "/fr/evenements/{slug}.ics"])
def test_head_on_calendars(client, url):
    event = EventFactory()
    assert client.head(url.format(slug=event.slug)).status_code == 200


def test_uid_does_not_depend_on_the_host(client, settings):
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    event = EventFactory()
    uids = set()
    for host in ("a.example", "b.example"):
        calendar = Calendar.from_ical(
            client.get(f"/fr/evenements/{event.slug}.ics", HTTP_HOST=host).content
        )
        uids.add(str(calendar.walk("VEVENT")[0]["UID"]))
    assert uids == {f"event-{event.pk}@curie.fr"}


@pytest.mark.parametrize("slug", ["calendar", "calendrier", "Calendrier"])
def test_calendar_slugs_are_reserved(slug):
    event = EventFactory.build(slug=slug)
    with pytest.raises(ValidationError) as info:
        event.full_clean()
    assert "slug" in info.value.message_dict


def test_recent_past_events_stay_in_the_subscribed_calendar(client):
    now = timezone.now()
    EventFactory(
        title_fr="Hier",
        start=now - datetime.timedelta(days=1),
        end=now - datetime.timedelta(days=1, hours=-1),
    )
    EventFactory(
        title_fr="Il y a un an",
        start=now - datetime.timedelta(days=365),
        end=now - datetime.timedelta(days=365, hours=-1),
    )
    calendar = Calendar.from_ical(client.get("/fr/evenements/calendrier.ics").content)
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == ["Hier"]
