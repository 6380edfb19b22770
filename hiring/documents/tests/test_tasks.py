"""The real queued path: a Celery worker takes renders from Redis and leaves PDFs in the cache.

Elsewhere tests run tasks in-process (CELERY_TASK_ALWAYS_EAGER). Here the web side only
queues: the worker (a thread of this process, consuming from Redis like a `celery worker`)
renders, and the download page waits for it. Redis is the one on 127.0.0.1:6379 (database
from TEST_REDIS_URL, 3 by default); where none answers, the test starts its own redis-server.
"""

import fcntl
import os
import re
import shutil
import socket
import subprocess
import time
import uuid

import pytest
import redis
from celery import Celery
from celery.contrib.testing.worker import start_worker
from celery.signals import task_postrun
from django.core.cache import cache
from django.db import connections
from django.test import override_settings
from django.urls import reverse

from hiring.celery import app
from hiring.documents import tasks
from hiring.documents.cache import document_key
from hiring.sheets import services
from hiring.sheets.models import RequirementSheet
from hiring.sheets.tests.factories import make_sheet

from . import pdfs

WAIT_SECONDS = 90


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        return False


@pytest.fixture(scope="module")
def redis_url():
    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
    if _answers(url):
        yield url
        return
    server = shutil.which("redis-server")
    assert server, "Redis is needed: apt-get install redis-server (the Makefile does)"
    port = _free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while not _answers(url):
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def one_worker_at_a_time(tmp_path_factory, worker_id):
    """Two Celery workers of two test processes started at once do not get their renders done
    in time: these tests take turns, whichever pytest-xdist workers run them."""
    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        root = root.parent  # the run's folder, above each worker's own
    with open(root / "celery-worker.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.fixture
def worker(one_worker_at_a_time, redis_url):
    """A worker on a queue of its own; PDFs cached in Redis under a prefix of its own.

    A Celery app of its own too, made current for the test: the project's app keeps the
    in-process setting (and whatever it set up for it) for the other tests.
    """
    queue = f"test-documents-{uuid.uuid4().hex[:8]}"
    queued = Celery("hiring-queued", set_as_current=False)
    queued.config_from_object("django.conf:settings", namespace="CELERY")
    queued.conf.update(broker_url=redis_url, task_always_eager=False, task_default_queue=queue)
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": queue,
        }
    }
    queued.set_current()
    assert tasks.render_document.name in queued.tasks  # shared tasks join every new app

    def close_connections(**kwargs):
        # In the worker's thread: an open connection would keep the test database alive.
        connections.close_all()

    task_postrun.connect(close_connections, weak=False)
    try:
        with override_settings(CACHES=caches):
            with start_worker(queued, pool="solo", perform_ping_check=False, queues=[queue]):
                yield
    finally:
        task_postrun.disconnect(close_connections)
        # The worker made its app the default too, which other threads (a live server) use.
        app.set_current()
        app.set_default()
        queued.close()
        # This test's queue, its binding and its PDFs; nothing of any other test.
        own = redis.Redis.from_url(redis_url)
        own.delete(queue, *own.scan_iter(f"{queue}:*"), *own.scan_iter(f"_kombu.binding*.{queue}"))


@pytest.fixture
def migrated_rows_back(django_db_setup, django_db_blocker):
    """Puts back, after the test, the rows migrations made (the role groups, …).

    A worker in another thread only sees committed data, so these tests commit, and the
    database is emptied after them; later tests expect it as migrated. Requested before
    `transactional_db`, this runs after its emptying.
    """
    yield
    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


def wait_for(condition, what: str):
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        result = condition()
        if result:
            return result
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def test_a_worker_renders_the_pdf_while_the_download_page_waits(
    migrated_rows_back,
    django_db_serialized_rollback,
    transactional_db,
    client,
    catalog,
    hr_alice,
    manager_bob,
    worker,
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    client.force_login(hr_alice)
    url = reverse("documents:sheet_pdf", args=[sheet.pk])

    first = client.get(url)

    # The web side only queued the render: a page that says so and looks again by itself.
    assert first.status_code == 202
    assert first["Content-Type"].startswith("text/html")
    # It looks again in 2 s, carrying when it started waiting (it gives up after a bound).
    assert re.search(r'<meta http-equiv="refresh" content="2;url=[^"]+\?waiting=\d+">', first.text)
    assert "正在后台生成" in first.text
    assert not re.search(r"<script(?![^>]*\bsrc=)", first.text)  # no inline script (CSP)

    response = wait_for(lambda: (r := client.get(url)).status_code == 200 and r, "the PDF")
    assert response["Content-Type"] == "application/pdf"
    text = pdfs.text(response.content)
    assert pdfs.squeeze(sheet.title) in text and "草稿" in text


def test_approval_renders_the_documents_before_anyone_asks(
    migrated_rows_back,
    django_db_serialized_rollback,
    transactional_db,
    client,
    catalog,
    hr_alice,
    manager_bob,
    worker,
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    services.sheet_submit(sheet=sheet, actor=hr_alice)

    with override_settings(DOCUMENTS_RENDER_ON_SAVE=True, DOCUMENTS_RENDER_DELAY=0):
        services.sheet_approve(sheet=sheet, actor=manager_bob)

    sheet = RequirementSheet.objects.get(pk=sheet.pk)
    keys = [document_key(kind=kind, sheet=sheet) for kind in ("sheet", "posting", "scorecard")]
    wait_for(lambda: all(cache.get(key) is not None for key in keys), "three rendered PDFs")

    client.force_login(manager_bob)
    response = client.get(reverse("documents:posting_pdf", args=[sheet.pk]))
    assert response.status_code == 200
    text = pdfs.text(response.content)
    assert pdfs.squeeze(sheet.posting.headline) in text and "草稿" not in text
