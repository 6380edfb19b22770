"""A Redis cache that the site can do without: when Redis cannot be reached, every read is a
miss and every write is dropped, so pages are slower for a while but never fail.

The first failure of an outage is logged once; after it the server is left alone for
`RETRY_SECONDS` (an option of the cache), so requests during the outage do not each wait for
a connection that will fail. The next try after that either finds the server back (logged
once too) or starts another quiet wait.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)


class TolerantRedisCache(RedisCache):
    """Django's Redis cache backend, with a missing server treated as an empty cache."""

    def __init__(self, server, params):
        params = {**params, "OPTIONS": dict(params.get("OPTIONS") or {})}
        options = params["OPTIONS"]
        self.retry_seconds = float(options.pop("RETRY_SECONDS", 15))
        # A server that does not answer costs a request this long at most, once per retry.
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 2)
        super().__init__(server, params)
        self._lock = threading.Lock()
        self._down_until = 0.0  # monotonic time before which the server is not tried
        self._in_outage = False

    @property
    def available(self) -> bool:
        """False while the server is known to be unreachable (between two tries)."""
        return time.monotonic() >= self._down_until

    def _call(self, method, fallback, *args, **kwargs):
        if not self.available:
            return fallback
        try:
            result = method(*args, **kwargs)
        except UNREACHABLE as error:
            with self._lock:
                self._down_until = time.monotonic() + self.retry_seconds
                first = not self._in_outage
                self._in_outage = True
            if first:
                logger.error(
                    "Cache server unreachable (%s); serving without the cache, "
                    "trying again every %g s.",
                    error,
                    self.retry_seconds,
                )
            return fallback
        if self._in_outage:
            with self._lock:
                was_out, self._in_outage = self._in_outage, False
            if was_out:
                logger.warning("Cache server reachable again.")
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, False, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, {}, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call(super().incr, missing, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (the cache cannot be reached).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, None, keys, version)

    def clear(self):
        return self._call(super().clear, False)


def cache_available(cache) -> bool:
    """Whether `cache` can be expected to keep what is stored in it right now."""
    return getattr(cache, "available", True)
