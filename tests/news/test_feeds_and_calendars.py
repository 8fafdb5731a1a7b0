"""Feeds and calendars checked with real parsers: feedparser and icalendar."""

import datetime
import zoneinfo

import feedparser
import pytest
from icalendar import Calendar

from tests.factories import SiteSettingsFactory
from tests.news.factories import CategoryFactory, EventFactory, NewsArticleFactory, paris

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.fixture(autouse=True)
def _site():
    SiteSettingsFactory()


@pytest.fixture
def articles():
    research = CategoryFactory(slug="recherche", name_fr="Recherche", name_en="Research")
    a = NewsArticleFactory(
        title_fr="Premier", title_en="First", date=datetime.date(2025, 3, 1), category=research
    )
    b = NewsArticleFactory(title_fr="Second", title_en="Second one", date=datetime.date(2025, 4, 1))
    NewsArticleFactory(title_fr="Caché", status="draft")
    return a, b


@pytest.mark.parametrize(
    ("url", "version"),
    [
        ("/fr/actualites/flux/rss/", "rss20"),
        ("/fr/actualites/flux/atom/", "atom10"),
        ("/en/news/feed/rss/", "rss20"),
        ("/en/news/feed/atom/", "atom10"),
    ],
)
def test_feeds_are_valid_and_complete(client, articles, url, version):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    lang = url.split("/")[1]
    titles = [entry.title for entry in feed.entries]
    assert titles == (["Second", "Premier"] if lang == "fr" else ["Second one", "First"])
    first = feed.entries[0]
    assert first.link == f"http://testserver{articles[1].get_absolute_url()}".replace(
        "/fr/", f"/{lang}/"
    ) or first.link.endswith(f"/{articles[1].slug}/")
    published = first.get("published_parsed") or first.get("updated_parsed")
    assert published[:3] == (2025, 4, 1)


def test_category_feed_and_unknown_category(client, articles):
    feed = feedparser.parse(client.get("/en/news/feed/atom/recherche/").content)
    assert [entry.title for entry in feed.entries] == ["First"]
    assert "Research" in feed.feed.title
    assert client.get("/en/news/feed/atom/nope/").status_code == 404


def test_pages_link_their_feeds(client, articles):
    html = client.get("/fr/actualites/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/fr/actualites/flux/atom/"' in html


def _calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_event_ics_keeps_paris_time(client):
    event = EventFactory(
        title_fr="Séminaire", start=paris(2030, 6, 10, 14), end=paris(2030, 6, 10, 16)
    )
    calendar = _calendar(client, f"/fr/evenements/{event.slug}.ics")
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Séminaire"
    start = vevent.decoded("DTSTART")
    assert start == datetime.datetime(2030, 6, 10, 14, tzinfo=PARIS)
    assert start.tzinfo.key == "Europe/Paris"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert calendar.walk("VTIMEZONE"), "the calendar carries its time zone"


def test_event_across_daylight_saving_change_keeps_its_local_time(client):
    # Clocks go forward in Paris on 31 March 2030: a weekly seminar at 10:00 stays at 10:00.
    before = EventFactory(start=paris(2030, 3, 29, 10), end=paris(2030, 3, 29, 11))
    after = EventFactory(start=paris(2030, 4, 5, 10), end=paris(2030, 4, 5, 11))
    starts = {}
    for event in (before, after):
        (vevent,) = _calendar(client, f"/en/events/{event.slug_en}.ics").walk("VEVENT")
        starts[event.pk] = vevent.decoded("DTSTART")
    assert starts[before.pk].hour == starts[after.pk].hour == 10
    assert starts[before.pk].utcoffset() == datetime.timedelta(hours=1)
    assert starts[after.pk].utcoffset() == datetime.timedelta(hours=2)
    # An event running across the change keeps both wall-clock times.
    across = EventFactory(start=paris(2030, 3, 30, 20), end=paris(2030, 3, 31, 8))
    (vevent,) = _calendar(client, f"/en/events/{across.slug_en}.ics").walk("VEVENT")
    assert vevent.decoded("DTSTART").hour == 20 and vevent.decoded("DTEND").hour == 8
    utc = datetime.UTC
    duration = vevent.decoded("DTEND").astimezone(utc) - vevent.decoded("DTSTART").astimezone(utc)
    assert duration == datetime.timedelta(hours=11)  # one hour is lost that night


def test_all_day_event_uses_dates(client):
    event = EventFactory(all_day=True, start=paris(2030, 5, 2, 0), end=paris(2030, 5, 3, 23))
    (vevent,) = _calendar(client, f"/fr/evenements/{event.slug}.ics").walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime.date(2030, 5, 2)
    assert vevent.decoded("DTEND") == datetime.date(2030, 5, 4)


def test_calendar_feed_lists_upcoming_published_events(client):
    EventFactory(title_fr="À venir")
    EventFactory(title_fr="Annulé", cancelled=True)
    EventFactory(title_fr="Brouillon", status="draft")
    EventFactory(title_fr="Passé", start=paris(2020, 1, 1, 10), end=paris(2020, 1, 1, 11))
    calendar = _calendar(client, "/fr/evenements/calendrier.ics")
    events = {str(v["SUMMARY"]): str(v["STATUS"]) for v in calendar.walk("VEVENT")}
    assert events == {"À venir": "CONFIRMED", "Annulé": "CANCELLED"}
    assert len({str(v["UID"]) for v in calendar.walk("VEVENT")}) == 2


def test_unknown_or_draft_event_ics_is_404(client):
    draft = EventFactory(status="draft")
    assert client.get("/fr/evenements/nope.ics").status_code == 404
    assert client.get(f"/fr/evenements/{draft.slug}.ics").status_code == 404
    assert client.post("/fr/evenements/calendrier.ics").status_code == 405


def test_event_ics_with_line_breaks_in_title_and_place(client):
    """A title or place holding CR/LF (pasted text, an import) gives a valid calendar."""
    event = EventFactory(title_fr="Séminaire\r\nBcc: x", place_fr="Amphithéâtre\nBâtiment 2")
    response = client.get(f"/fr/evenements/{event.slug}.ics")
    assert response.status_code == 200
    (vevent,) = _calendar(client, f"/fr/evenements/{event.slug}.ics").walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Séminaire Bcc: x"
    assert str(vevent["LOCATION"]) == "Amphithéâtre Bâtiment 2"
    calendar = _calendar(client, "/fr/evenements/calendrier.ics")
    assert [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")] == ["Séminaire Bcc: x"]
