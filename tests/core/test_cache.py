"""The cache: Redis when REDIS_URL is set; pages still render when Redis is down."""

import pytest
from django.core.cache import caches

from tests.factories import HomePageFactory, SiteSettingsFactory
from tests.redis_server import free_port

pytestmark = pytest.mark.django_db


def _redis_cache_settings(url):
    return {
        "default": {
            "BACKEND": "apps.core.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


@pytest.fixture
def site():
    SiteSettingsFactory()
    HomePageFactory()


def test_pages_render_when_redis_is_unreachable(client, settings, site, caplog):
    settings.CACHES = _redis_cache_settings(f"redis://127.0.0.1:{free_port()}/0")
    cache = caches["default"]
    assert cache.get("anything") is None
    cache.set("anything", 1)  # no exception
    response = client.get("/fr/")
    assert response.status_code == 200
    assert "Centre d&#x27;immunothérapie des cancers" in response.content.decode()
    assert any("cache unavailable" in record.getMessage() for record in caplog.records)


def test_redis_used_skipped_while_down_and_used_again(client, settings, site, redis_server):
    settings.CACHES = _redis_cache_settings(redis_server.url)
    cache = caches["default"]
    cache.set("key", "value")
    assert cache.get("key") == "value"
    assert client.get("/fr/").status_code == 200

    redis_server.kill()
    assert cache.get("key") is None
    assert client.get("/fr/").status_code == 200
    assert client.get("/en/").status_code == 200

    redis_server.start()
    # After a failure the cache is skipped for a moment (no time-out per call while Redis is
    # away), then used again: the moment is made to pass here rather than waited for.
    cache.set("key", "skipped")
    assert cache.get("key") is None
    cache._last_failure = -100.0
    cache.set("key", "again")
    assert cache.get("key") == "again"
    assert client.get("/fr/").status_code == 200


def test_redis_refusing_writes_is_a_miss_not_an_error(client, settings, site, tmp_path, caplog):
    """Redis out of memory answers writes with an error: the site goes on without the cache."""
    from tests.redis_server import RedisServer

    server = RedisServer(tmp_path, "--maxmemory", "1", "--maxmemory-policy", "noeviction")
    try:
        settings.CACHES = _redis_cache_settings(server.url)
        cache = caches["default"]
        cache.set("key", "value")  # refused by Redis (OOM), not raised
        assert cache.get("key") is None
        assert cache.add("other", 1) is False
        assert client.get("/fr/").status_code == 200
        assert any("cache unavailable" in r.getMessage() for r in caplog.records)
    finally:
        server.kill()


def test_site_settings_are_cached_and_invalidated(django_assert_num_queries, settings):
    from apps.core.models import SiteSettings

    settings_row = SiteSettingsFactory()
    caches["default"].clear()
    with django_assert_num_queries(1):
        SiteSettings.load()
    with django_assert_num_queries(0):
        assert SiteSettings.load().phone_main == settings_row.phone_main
    settings_row.phone_main = "01 02 03 04 05"
    settings_row.save()
    assert SiteSettings.load().phone_main == "01 02 03 04 05"
