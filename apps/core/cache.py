"""A Redis cache that steps aside when Redis is down.

Django's RedisCache raises when the server cannot be reached. Here every call catches Redis's
errors (connection, time-out, a refused command), logs them (at most once a minute per process)
and behaves as a cache miss, so pages keep rendering from the database. For two seconds after a
failure calls do not try Redis at all (no time-out per call during an outage); then redis-py
reconnects by itself, and the cache is used again as soon as Redis answers.
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("apps.core.cache")

# Any failure of Redis: unreachable, too slow, or refusing (out of memory, read-only replica).
_FAILURES = (RedisError, OSError)
_LOG_EVERY_SECONDS = 60.0
# After a failure every call skips Redis this long (a miss, a write not made) before trying
# again, so an outage costs no time-out per call; the page cache reads `available` too.
_RETRY_AFTER_SECONDS = 2.0


def _resilient(default):
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if not self.available:
                # Failed a moment ago: no time-out per call while Redis is away (a page makes a
                # dozen cache calls); tried again once the moment has passed.
                return default(*args, **kwargs) if callable(default) else default
            try:
                result = method(self, *args, **kwargs)
            except _FAILURES as exc:
                self._report_failure(method.__name__, exc)
                return default(*args, **kwargs) if callable(default) else default
            self._report_recovery()
            return result

        return wrapper

    return decorator


def _get_default(key, default=None, *args, **kwargs):
    return default


class ReusingRedisCacheClient(RedisCacheClient):
    """Django builds a new redis-py client object for every cache call, which costs more than
    the round trip to Redis (it fills a table of reply parsers each time): half the time of a
    page answered from the cache. A client is safe to share between threads, so one is kept per
    connection pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients.setdefault(id(pool), self._client(connection_pool=pool))
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def validate_key(self, key):
        """Django checks every key, character by character, for what memcached refuses and warns
        about it; Redis takes any key, and this check is a tenth of a cached page's time."""

    _down_since: float | None = None
    _last_log: float = 0.0
    _last_failure: float = -_RETRY_AFTER_SECONDS

    @property
    def available(self) -> bool:
        """False for a moment after a failure."""
        return time.monotonic() - self._last_failure >= _RETRY_AFTER_SECONDS

    def _report_failure(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        self._last_failure = now
        if self._down_since is None:
            self._down_since = now
        if now - self._last_log >= _LOG_EVERY_SECONDS:
            self._last_log = now
            logger.warning(
                "cache unavailable, skipping it",
                extra={"operation": operation, "error": str(exc)},
            )

    def _report_recovery(self) -> None:
        if self._down_since is not None:
            self._down_since = None
            self._last_log = 0.0
            logger.info("cache available again")

    get = _resilient(_get_default)(RedisCache.get)
    set = _resilient(None)(RedisCache.set)
    add = _resilient(False)(RedisCache.add)
    touch = _resilient(False)(RedisCache.touch)
    delete = _resilient(False)(RedisCache.delete)
    get_many = _resilient(lambda *a, **k: {})(RedisCache.get_many)
    set_many = _resilient(lambda *a, **k: [])(RedisCache.set_many)
    delete_many = _resilient(None)(RedisCache.delete_many)
    has_key = _resilient(False)(RedisCache.has_key)
    clear = _resilient(False)(RedisCache.clear)

    def get_or_set(self, key, default, timeout=None, version=None):
        value = self.get(key, version=version)
        if value is None:
            value = default() if callable(default) else default
            if value is not None:
                self.add(key, value, timeout=timeout, version=version)
        return value

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except _FAILURES as exc:
            self._report_failure("incr", exc)
            raise ValueError("cache unavailable") from exc
