"""The contact form with the production cache (Redis) really going down: a visitor's message is
stored and they reach the thank-you page, never a 500."""

from __future__ import annotations

import logging
import runpy
import threading

import pytest
import redis
from django.core import mail
from django.test import RequestFactory

from apps.care.models import ContactRequest
from apps.core.clients import client_hash
from center_portal.settings import base as base_settings
from tests.care.factories import ContactPointFactory
from tests.factories import SiteSettingsFactory
from tests.redis_server import ping

pytestmark = pytest.mark.django_db


def _production_caches(monkeypatch, url):
    """CACHES exactly as production builds it from REDIS_URL (center_portal/settings/base.py)."""
    monkeypatch.setenv("REDIS_URL", url)
    monkeypatch.delenv("CACHE_KEY_PREFIX", raising=False)
    caches_setting = runpy.run_path(base_settings.__file__)["CACHES"]
    assert caches_setting["default"]["BACKEND"] == "apps.core.cache.ResilientRedisCache"
    assert caches_setting["default"]["LOCATION"] == url
    return caches_setting


@pytest.fixture
def topic():
    SiteSettingsFactory()
    return ContactPointFactory(name_fr="Rendez-vous", email="rdv@example.org")


def _data(point, message):
    return {
        "name": "Jeanne Martin",
        "email": "jeanne@example.org",
        "phone": "06 12 34 56 78",
        "topic": point.pk,
        "message": message,
        "consent": "on",
        "hp_extra": "",
    }


def _submit(client, topic, message, capture):
    with capture(execute=True):
        response = client.post("/fr/contact/", _data(topic, message), follow=True)
    assert response.redirect_chain == [("/fr/contact/merci/", 302)]
    assert response.status_code == 200
    assert "<h1>Merci, votre message a bien été envoyé</h1>" in response.content.decode()
    stored = ContactRequest.objects.get(message=message)
    assert (stored.name, stored.email, stored.phone) == (
        "Jeanne Martin",
        "jeanne@example.org",
        "06 12 34 56 78",
    )
    assert stored.topic == topic and stored.language == "fr"
    return stored


def test_contact_form_keeps_every_message_when_redis_goes_down(
    client,
    settings,
    monkeypatch,
    redis_server,
    topic,
    caplog,
    django_capture_on_commit_callbacks,
):
    settings.CACHES = _production_caches(monkeypatch, redis_server.url)
    raw = redis.Redis.from_url(redis_server.url)
    sender = client_hash(RequestFactory().post("/fr/contact/", REMOTE_ADDR="127.0.0.1"))

    # Redis up: the message is stored and sent, and counted for the rate limit by its stored
    # row (the page cache may use Redis; the rate limit does not depend on it).
    first = _submit(
        client, topic, "Premier message, Redis en marche.", django_capture_on_commit_callbacks
    )
    assert raw.ping()
    raw.close()
    assert first.is_sent and first.client_hash == sender

    # Redis really gone: the visitor notices nothing and nothing is lost.
    redis_server.kill()
    assert not ping(redis_server.port)
    caplog.set_level(logging.WARNING, logger="apps.core.cache")
    assert client.get("/fr/contact/").status_code == 200
    second = _submit(
        client, topic, "Second message, Redis arrêté.", django_capture_on_commit_callbacks
    )
    assert second.is_sent
    assert list(ContactRequest.objects.order_by("pk")) == [first, second]
    assert [m.to for m in mail.outbox] == [["rdv@example.org"], ["jeanne@example.org"]] * 2
    assert "Second message, Redis arrêté." in mail.outbox[2].body
    assert any(r.getMessage() == "cache unavailable, skipping it" for r in caplog.records)


def test_simultaneous_submissions_respect_the_limit(transactional_db, topic):
    """Eight submissions at once from one client, limit 3: exactly 3 stored (the count and the
    insert happen under one lock per client, so none slips between them)."""
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection

    from apps.care.services import ContactRateLimited, contact_request_submit

    barrier = threading.Barrier(8)

    def submit(index):
        barrier.wait()
        try:
            contact_request_submit(
                topic=topic,
                name="Jeanne",
                email="jeanne@example.org",
                phone="",
                message=f"Message {index}",
                language="fr",
                client_hash="0123456789abcdef0123456789abcdef",
                rate_limit=3,
            )
            return "stored"
        except ContactRateLimited:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(submit, range(8)))
    assert sorted(results) == ["refused"] * 5 + ["stored"] * 3
    assert ContactRequest.objects.count() == 3
