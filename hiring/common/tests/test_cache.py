"""The Redis cache backend the site can do without (hiring/common/cache.py), against a port
where nothing listens and against a redis-server that stops and starts again."""

import logging
import shutil
import subprocess
import time
import uuid

import pytest

from hiring.common.cache import TolerantRedisCache, cache_available

from .live_app import free_port, redis_answers


def make_cache(url: str, retry_seconds: float = 60) -> TolerantRedisCache:
    return TolerantRedisCache(
        url, {"OPTIONS": {"RETRY_SECONDS": retry_seconds}, "KEY_PREFIX": uuid.uuid4().hex}
    )


def test_an_unreachable_server_is_an_empty_cache_and_is_logged_once(caplog):
    cache = make_cache(f"redis://127.0.0.1:{free_port()}/5")
    with caplog.at_level(logging.WARNING, logger="hiring.common.cache"):
        for _request in range(20):
            cache.set("page", "html")
            assert cache.get("page") is None
            assert cache.get("page", "fallback") == "fallback"
            assert cache.get_many(["page", "other"]) == {}
            assert cache.add("marker", True) is False
            assert cache.get_or_set("report", lambda: "computed") == "computed"
            assert cache.has_key("page") is False
            cache.delete("page")
            cache.delete_many(["page"])
            assert cache.set_many({"a": 1}) == ["a"]
            with pytest.raises(ValueError):
                cache.incr("count")
    assert [r.message for r in caplog.records].count(caplog.records[0].message) == 1
    assert "Cache server unreachable" in caplog.records[0].message
    assert not cache_available(cache)


@pytest.fixture
def own_redis():
    """A redis-server of this test's own, which the test stops and starts again."""
    server = shutil.which("redis-server")
    assert server, "redis-server is needed (apt-get install redis-server; make test does)"
    port = free_port()
    url = f"redis://127.0.0.1:{port}/5"
    processes = []

    def start():
        process = subprocess.Popen(
            [
                server,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        processes.append(process)
        deadline = time.monotonic() + 10
        while not redis_answers(url):
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def stop():
        processes[-1].terminate()
        processes[-1].wait(timeout=10)

    yield url, start, stop
    for process in processes:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=10)


def test_a_cache_server_that_goes_away_and_comes_back(own_redis, caplog):
    url, start, stop = own_redis
    start()
    cache = make_cache(url, retry_seconds=0.5)
    cache.set("page", "html")
    assert cache.get("page") == "html"

    with caplog.at_level(logging.WARNING, logger="hiring.common.cache"):
        stop()
        for _request in range(10):
            assert cache.get("page") is None
        start()  # an empty Redis again, as after a restart
        # Left alone for the pause, then tried again and used.
        assert cache.get("page") is None
        time.sleep(0.6)
        cache.set("page", "html again")
        assert cache.get("page") == "html again"
    messages = [record.message for record in caplog.records]
    assert sum("unreachable" in m for m in messages) == 1
    assert messages[-1] == "Cache server reachable again."
