"""A Redis cache that steps aside when Redis is down.

Django's RedisCache raises when the server cannot be reached. Here every call catches Redis's
errors (connection, time-out, a refused command), logs them (at most once a minute per process)
and behaves as a cache miss, so pages keep rendering from the database. redis-py reconnects by
itself, so the cache is used again as soon as Redis answers.
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("apps.core.cache")

# Any failure of Redis: unreachable, too slow, or refusing (out of memory, read-only replica).
_FAILURES = (RedisError, OSError)
_LOG_EVERY_SECONDS = 60.0


def _resilient(default):
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
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


class ResilientRedisCache(RedisCache):
    _down_since: float | None = None
    _last_log: float = 0.0

    def _report_failure(self, operation: str, exc: Exception) -> None:
        now = time.monotonic()
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
