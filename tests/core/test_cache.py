"""The cache: Redis when REDIS_URL is set; pages still render when Redis is down."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches

from tests.factories import HomePageFactory, SiteSettingsFactory

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_cache_settings(url):
    return {
        "default": {
            "BACKEND": "apps.core.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def _start_redis(port, workdir):
    process = subprocess.Popen(
        [
            REDIS_SERVER,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("redis-server did not start")


@pytest.fixture
def site():
    SiteSettingsFactory()
    HomePageFactory()


def test_pages_render_when_redis_is_unreachable(client, settings, site, caplog):
    settings.CACHES = _redis_cache_settings(f"redis://127.0.0.1:{_free_port()}/0")
    cache = caches["default"]
    assert cache.get("anything") is None
    cache.set("anything", 1)  # no exception
    response = client.get("/fr/")
    assert response.status_code == 200
    assert "Centre d&#x27;immunothérapie des cancers" in response.content.decode()
    assert any("cache unavailable" in record.getMessage() for record in caplog.records)


@pytest.mark.skipif(
    REDIS_SERVER is None, reason="redis-server is not installed (make test installs it)"
)
def test_redis_used_skipped_while_down_and_used_again(client, settings, site, tmp_path):
    port = _free_port()
    settings.CACHES = _redis_cache_settings(f"redis://127.0.0.1:{port}/0")
    server = _start_redis(port, tmp_path)
    try:
        cache = caches["default"]
        cache.set("key", "value")
        assert cache.get("key") == "value"
        assert client.get("/fr/").status_code == 200

        server.terminate()
        server.wait(timeout=10)
        assert cache.get("key") is None
        assert client.get("/fr/").status_code == 200
        assert client.get("/en/").status_code == 200

        server = _start_redis(port, tmp_path)
        cache.set("key", "again")
        assert cache.get("key") == "again"
        assert client.get("/fr/").status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=10)


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
