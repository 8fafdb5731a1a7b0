"""Whole pages kept for anonymous visitors (apps.core.page_cache): stored once, answered from the
cache, forgotten when content changes or a scheduled time comes, never shared with staff or
with a visitor who holds a session, a form's token, a preview or a POST."""

from __future__ import annotations

import datetime
import io

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from apps.core import page_cache
from apps.core.models import Publishable
from apps.news.models import NewsArticle
from tests.care.factories import ContactPointFactory
from tests.factories import HomePageFactory, SiteEditorFactory, SiteSettingsFactory
from tests.news.factories import EventFactory, NewsArticleFactory
from tests.redis_server import free_port

pytestmark = pytest.mark.django_db

NEWS = "/fr/actualites/"


@pytest.fixture(autouse=True)
def cached(settings):
    settings.PAGE_CACHE_SECONDS = 600
    SiteSettingsFactory()
    HomePageFactory()


def state(response) -> str:
    return response.headers.get(page_cache.HEADER, "")


def test_an_anonymous_page_is_built_once_then_answered_from_the_cache_without_a_query(client):
    NewsArticleFactory(title_fr="Une découverte")
    first = client.get(NEWS)
    assert state(first) == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(NEWS)
    assert state(second) == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "Une découverte" in second.content.decode()
    # Each language, address, query string and encoding is a page of its own.
    assert state(client.get("/en/news/")) == "miss"
    assert state(client.get(NEWS, {"page": "1"})) == "miss"
    zipped = client.get(NEWS, HTTP_ACCEPT_ENCODING="gzip")
    assert state(zipped) == "miss" and zipped["Content-Encoding"] == "gzip"
    again = client.get(NEWS, HTTP_ACCEPT_ENCODING="gzip, br")
    assert state(again) == "hit" and again["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in again["Vary"]


def test_a_saved_change_and_a_deletion_show_on_the_next_request(client, transactional_db):
    article = NewsArticleFactory(title_fr="Titre d'origine")
    assert state(client.get(NEWS)) == "miss"
    assert state(client.get(NEWS)) == "hit"
    with transaction.atomic():
        article.title_fr = "Titre corrigé"
        article.save()
        during = client.get(NEWS)
    assert state(during) == "hit", "not committed yet: nobody else sees the change"
    after_edit = client.get(NEWS)
    assert state(after_edit) == "miss"
    assert "Titre corrigé" in after_edit.content.decode()
    assert state(client.get(NEWS)) == "hit"
    article.delete()
    after_delete = client.get(NEWS)
    assert state(after_delete) == "miss"
    assert "Titre corrigé" not in after_delete.content.decode()


def test_a_change_made_through_another_app_server_is_seen_here(client):
    """Another process drops the generation in the shared cache: nothing but the cache tells
    this one."""
    NewsArticleFactory(title_fr="Avant")
    assert state(client.get(NEWS)) == "miss"
    NewsArticle.objects.filter(title_fr="Avant").update(title_fr="Après")  # no signal here
    assert "Avant" in client.get(NEWS).content.decode(), "kept while nothing said it changed"
    caches["default"].delete(page_cache.STATE_KEY)  # what the other server's save does
    fresh = client.get(NEWS)
    assert state(fresh) == "miss" and "Après" in fresh.content.decode()


# A morning in Paris: no midnight in the hours the tests below move through.
MORNING = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=datetime.UTC)


def test_a_scheduled_article_appears_at_its_time_from_a_warm_cache(client, settings):
    settings.PAGE_CACHE_SECONDS = 6 * 3600  # so that only the scheduled time ends the pages
    now = MORNING
    NewsArticleFactory(title_fr="Annonce programmée", publish_at=now + datetime.timedelta(hours=2))
    with time_machine.travel(now, tick=False):
        assert "Annonce programmée" not in client.get(NEWS).content.decode()
        assert state(client.get(NEWS)) == "hit"
    with time_machine.travel(now + datetime.timedelta(hours=1, minutes=59), tick=False):
        assert state(client.get(NEWS)) == "hit"
    with time_machine.travel(now + datetime.timedelta(hours=2, seconds=1), tick=False):
        shown = client.get(NEWS)
        assert state(shown) == "miss"
        assert "Annonce programmée" in shown.content.decode()


def test_an_unpublish_time_and_an_event_ending_end_the_pages_kept_before_them(client, settings):
    settings.PAGE_CACHE_SECONDS = 6 * 3600
    now = MORNING
    NewsArticleFactory(title_fr="Offre limitée", unpublish_at=now + datetime.timedelta(hours=3))
    EventFactory(
        title_fr="Séminaire du jour",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=1),
    )
    with time_machine.travel(now, tick=False):
        assert "Séminaire du jour" in client.get("/fr/evenements/").content.decode()
        assert state(client.get("/fr/evenements/")) == "hit"
        client.get(NEWS)
    with time_machine.travel(now + datetime.timedelta(hours=1, seconds=1), tick=False):
        events = client.get("/fr/evenements/")
        assert state(events) == "miss", "the event ended: the list is built again"
        client.get(NEWS)
    with time_machine.travel(now + datetime.timedelta(hours=3, seconds=1), tick=False):
        news = client.get(NEWS)
        assert state(news) == "miss"
        assert "Offre limitée" not in news.content.decode()


def test_a_page_that_says_open_now_is_not_kept_past_the_closing_time(client, settings):
    settings.PAGE_CACHE_SECONDS = 6 * 3600
    ContactPointFactory(name_fr="Accueil des patients", weekdays=True)
    # A Wednesday at 16:30 in Paris: open until 17:00.
    wednesday = datetime.datetime(2026, 12, 2, 16, 30, tzinfo=timezone.get_default_timezone())
    with time_machine.travel(wednesday, tick=False):
        assert state(client.get("/fr/patients/")) == "miss"
        assert state(client.get("/fr/patients/")) == "hit"
    with time_machine.travel(wednesday + datetime.timedelta(minutes=29), tick=False):
        assert state(client.get("/fr/patients/")) == "hit"
    with time_machine.travel(wednesday + datetime.timedelta(minutes=31), tick=False):
        assert state(client.get("/fr/patients/")) == "miss"


def test_a_logged_in_editor_never_gets_a_stored_page_and_never_fills_one(client):
    NewsArticleFactory(title_fr="Publié", status=Publishable.Status.PUBLISHED)
    NewsArticleFactory(title_fr="Brouillon visible du personnel", status=Publishable.Status.DRAFT)
    assert state(client.get(NEWS)) == "miss"
    editor = Client()
    editor.force_login(SiteEditorFactory(username="claire"))
    for _ in range(2):
        staff_view = editor.get(NEWS)
        assert staff_view.status_code == 200
        assert state(staff_view) == "", "staff pass the cache by"
    # And the reverse: what staff were shown was not kept for visitors.
    visitor = client.get(NEWS)
    assert state(visitor) == "hit"
    assert "Brouillon visible du personnel" not in visitor.content.decode()


def test_a_visitor_with_a_session_cookie_passes_the_cache_by(client, settings):
    client.get(NEWS)
    client.cookies[settings.SESSION_COOKIE_NAME] = "anything"
    assert state(client.get(NEWS)) == ""


def test_form_pages_posts_and_errors_are_never_stored(client):
    first = client.get("/fr/contact/")
    second = client.get("/fr/contact/")
    assert first.status_code == second.status_code == 200
    assert state(first) == state(second) == "bypass", "the form's token is the visitor's own"
    assert client.post(NEWS).status_code == 405
    assert state(client.post(NEWS)) == ""
    missing = client.get("/fr/actualites/rien-ici/")
    assert missing.status_code == 404 and state(missing) == "bypass"


def test_odd_addresses_are_answered_and_not_stored(client):
    for query in ("q=%00", "q=" + "é" * 3000, "page=abc", "page=-1"):
        response = client.get(f"{NEWS}?{query}")
        assert response.status_code in (200, 400, 404), query
        assert state(response) in ("miss", "bypass", ""), query
    assert state(client.get(f"{NEWS}?q={'x' * 2000}")) == "", "a long query is not stored"
    bad_host = client.get(NEWS, HTTP_HOST="evil.example")
    assert bad_host.status_code == 400


def test_conditional_get_answers_304_before_and_after_the_page_is_stored(client):
    NewsArticleFactory()
    first = client.get(NEWS)
    etag = first["ETag"]
    assert etag
    not_modified = client.get(NEWS, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and state(not_modified) == "hit"
    assert not_modified["ETag"] == etag
    assert client.get(NEWS, HTTP_IF_NONE_MATCH='"other"').status_code == 200
    # Without the page cache, ConditionalGetMiddleware answers the same.
    client.get("/fr/evenements/")
    caches["default"].clear()
    events = client.get("/fr/evenements/")
    assert client.get("/fr/evenements/", HTTP_IF_NONE_MATCH=events["ETag"]).status_code == 304


def test_the_wsgi_front_answers_stored_pages_before_django(client):
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    from center_portal.wsgi import application

    # As the test client does: the test's transaction stays open across these requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _wsgi_front(client, application)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _wsgi_front(client, application):
    NewsArticleFactory(title_fr="Par le serveur")
    client.get(NEWS)
    seen = {}

    def start_response(status, headers):
        seen["status"], seen["headers"] = status, dict(headers)

    def environ(**extra):
        return {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": NEWS,
            "QUERY_STRING": "",
            "SERVER_NAME": "testserver",
            "SERVER_PORT": "80",
            "HTTP_HOST": "testserver",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "SERVER_PROTOCOL": "HTTP/1.1",
            **extra,
        }

    with CaptureQueriesContext(connection) as queries:
        body = b"".join(application(environ(), start_response))
    assert seen["status"] == "200 OK" and seen["headers"][page_cache.HEADER] == "hit"
    assert "Par le serveur" in body.decode() and len(queries) == 0
    etag = seen["headers"]["ETag"]
    assert b"".join(application(environ(HTTP_IF_NONE_MATCH=etag), start_response)) == b""
    assert seen["status"] == "304 Not Modified"
    assert b"".join(application(environ(REQUEST_METHOD="HEAD"), start_response)) == b""
    assert seen["status"] == "200 OK"
    # With a session cookie, Django answers.
    cookie = "sessionid=abc"
    b"".join(application(environ(HTTP_COOKIE=cookie), start_response))
    assert page_cache.HEADER not in seen["headers"]


def test_pages_are_built_uncached_when_redis_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    NewsArticleFactory(title_fr="Sans cache")
    for _ in range(3):
        response = client.get(NEWS)
        assert response.status_code == 200
        assert "Sans cache" in response.content.decode()
        assert state(response) in ("off", "")


def test_with_redis_an_edit_is_seen_through_another_process_cache(
    client, settings, redis_server, transactional_db
):
    """Two app servers are two cache clients of one Redis: a save through one drops the
    generation that the other reads."""
    from django.core.cache.backends.redis import RedisCache

    settings.CACHES = {
        "default": {"BACKEND": "apps.core.cache.ResilientRedisCache", "LOCATION": redis_server.url}
    }
    article = NewsArticleFactory(title_fr="Version une")
    assert state(client.get(NEWS)) == "miss"
    assert state(client.get(NEWS)) == "hit"
    other_server = RedisCache(redis_server.url, {})
    assert other_server.get(page_cache.STATE_KEY) is not None
    article.title_fr = "Version deux"
    article.save()
    assert other_server.get(page_cache.STATE_KEY) is None
    shown = client.get(NEWS)
    assert state(shown) == "miss" and "Version deux" in shown.content.decode()


def test_an_invalidation_missed_while_redis_was_out_of_reach_is_made_when_it_answers(
    client, settings, redis_server, monkeypatch, transactional_db
):
    """A save while this server cannot reach Redis (which keeps its pages): the generation is
    dropped as soon as Redis answers again, before a stored page is served."""
    from django.core.cache.backends.redis import RedisCacheClient
    from redis.exceptions import ConnectionError as RedisConnectionError

    settings.CACHES = {
        "default": {"BACKEND": "apps.core.cache.ResilientRedisCache", "LOCATION": redis_server.url}
    }
    article = NewsArticleFactory(title_fr="Ancien titre")
    client.get(NEWS)
    assert state(client.get(NEWS)) == "hit"

    def unreachable(self, key):
        raise RedisConnectionError("no route to host")

    with monkeypatch.context() as patch:
        patch.setattr(RedisCacheClient, "delete", unreachable)
        article.title_fr = "Nouveau titre"
        article.save()
    cache = caches["default"]
    assert not cache.available
    assert state(client.get(NEWS)) in ("off", ""), "skipped for a moment after a failure"
    cache._last_failure = -100.0  # the moment has passed
    shown = client.get(NEWS)
    assert state(shown) == "miss"
    assert "Nouveau titre" in shown.content.decode()


def test_a_preview_of_unsaved_changes_is_never_stored_nor_served_to_visitors(client):
    from tests.core.test_preview import frame, preview

    article = NewsArticleFactory(title_fr="Titre publié")
    url = article.get_absolute_url()
    assert state(client.get(url)) == "miss"
    editor = Client(HTTP_ACCEPT_LANGUAGE="fr")
    editor.force_login(SiteEditorFactory(username="claire"))
    show = preview(
        editor,
        f"/admin/news/newsarticle/{article.pk}/change/",
        "newsarticle_form",
        title_fr="Titre pas encore enregistré",
    )
    assert "Titre pas encore enregistré" in frame(editor, show)
    for _ in range(2):
        visitor = client.get(url)
        assert state(visitor) == "hit", "a rolled-back preview drops no stored page"
        assert "Titre publié" in visitor.content.decode()
        assert "Titre pas encore enregistré" not in visitor.content.decode()
