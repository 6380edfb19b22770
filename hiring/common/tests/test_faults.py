"""Degraded, never down: the app in gunicorn with its cache, its task queue or its worker gone.

Each test starts the real parts in processes of their own (see live_app.py): the cache and the
broker on a port where nothing listens, or on the Redis at 127.0.0.1:6379 (databases 5-7), and
a Celery worker that is killed with SIGKILL in the middle of a render. Every page must answer
without a server error, and what was saved must stay saved.
"""

import fcntl
import json
import os
import re
import sqlite3
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from support.chromium import CHROMIUM, CHROMIUM_ARGS

from .live_app import PASSWORD, LiveApp, free_port, page_forms, redis_answers, seed_database

pytestmark = pytest.mark.slow

REDIS = os.environ.get("FAULTS_REDIS_URL", "redis://127.0.0.1:6379")
WIZARD_STEPS = ["basics", "hard", "core", "value", "bonus", "posting", "review"]
REFRESH = re.compile(r'<meta http-equiv="refresh" content="\d+;url=([^"]+)">')
RETRY = re.compile(r'<a class="btn btn-primary" href="([^"]+)" data-role="retry">')


@pytest.fixture(scope="session")
def seed(tmp_path_factory, worker_id):
    """The seeded database every app of these tests starts from a copy of: made once per test
    run, by the first pytest-xdist worker to need it, and read by the others."""
    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        root = root.parent  # the run's folder, above each worker's own
    folder = root / "faults-seed"
    folder.mkdir(exist_ok=True)
    with open(folder / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = folder / "seed.json"
        if not made.exists():
            database, sheet_id = seed_database(folder)
            made.write_text(json.dumps([str(database), sheet_id]))
        database, sheet_id = json.loads(made.read_text())
    return Path(database), sheet_id


@pytest.fixture
def live_app(tmp_path, seed):
    apps = []

    def start(**env) -> LiveApp:
        directory = tmp_path / f"app{len(apps)}"
        directory.mkdir()
        env.setdefault("CACHE_KEY_PREFIX", f"faults-{uuid.uuid4().hex}")
        app = LiveApp(directory, seed, **env)
        apps.append(app)
        return app.start()

    yield start
    for app in apps:
        app.stop()


@pytest.fixture
def redis_db():
    """The URL of one of the Redis databases these tests may use, emptied of their keys."""
    if not redis_answers(f"{REDIS}/5"):
        pytest.fail(f"Redis is needed at {REDIS} (apt-get install redis-server; make test does)")
    return lambda number: f"{REDIS}/{number}"


def dead(number: int = 5) -> str:
    return f"redis://127.0.0.1:{free_port()}/{number}"


def every_page(app: LiveApp) -> dict[str, list[str]]:
    pk = app.sheet_id
    sheet = f"/sheets/{pk}"
    hr = ["/", "/sheets/", "/sheets/?page=99999999999999999999", "/sheets/new/"]
    hr += [f"{sheet}/", f"{sheet}/history/", f"{sheet}/edit/"]
    hr += [f"{sheet}/edit/{step}/" for step in WIZARD_STEPS]
    documents = [f"{sheet}/{kind}/" for kind in ("sheet", "posting", "scorecard")]
    documents += [f"{sheet}/posting.txt", f"{sheet}/sheet.xlsx", f"{sheet}/sheet.pdf"]
    admin = ["/", "/admin/", "/admin/catalog/capability/", "/admin/quality/wordingrule/"]
    admin += ["/admin/catalog/capability/export/", "/admin/quality/wordlist/import/"]
    return {
        "hr": hr + documents,
        "manager": ["/", "/sheets/", f"{sheet}/", f"{sheet}/history/", *documents],
        "admin": admin,
    }


def assert_every_page_answers(app: LiveApp) -> dict:
    clients = {}
    for username, paths in every_page(app).items():
        client = clients[username] = app.client(username)
        for path in paths:
            response = client.get(path)
            assert response.status_code < 500, (username, path, response.status_code)
    assert "Traceback" not in app.server_log()
    return clients


def save_a_requirement(app: LiveApp, client, text: str) -> None:
    """Changes the first requirement of the hard-conditions step and saves the draft."""
    path = f"/sheets/{app.sheet_id}/edit/hard/"
    page = client.get(path)
    field = re.search(r'name="(hard-\d+-requirement)"', page.text).group(1)
    response = client.submit(path, changes={field: text}, press=("wizard_save", "1"))
    assert response.status_code == 302, response.text[:3000]
    assert text in client.get(f"/sheets/{app.sheet_id}/").text


def submit_and_approve(app: LiveApp, clients: dict) -> None:
    sheet = f"/sheets/{app.sheet_id}/"
    response = clients["hr"].submit(sheet, action="submit/")
    assert response.status_code == 302
    manager = clients["manager"]
    response = manager.submit(sheet, action="review/", changes={"decision": "approve"})
    assert response.status_code == 302, response.text[:3000]
    assert "已批准" in manager.get(sheet).text


def test_with_cache_and_broker_on_dead_ports_every_page_answers_and_saves_hold(live_app):
    app = live_app(CACHE_URL=dead(5), CELERY_BROKER_URL=dead(5))

    clients = assert_every_page_answers(app)
    save_a_requirement(app, clients["hr"], "断线期间保存的要求：熟练使用工单系统")
    submit_and_approve(app, clients)

    # No cache to carry a worker's PDF back: the download is rendered in the request.
    response = clients["manager"].get(f"/sheets/{app.sheet_id}/sheet.pdf")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf"
    assert_every_page_answers(app)
    # The outage is logged once per process, not once per request.
    assert app.server_log().count("Cache server unreachable") <= 2


def import_word_lists_in_the_background(app: LiveApp, client, rows: int) -> str:
    """Uploads a word list file in admin, confirms it; returns the import job's page."""
    path = "/admin/quality/wordlist/import/"
    page = client.get(path)
    form = next(f for f in page_forms(page.text) if "format" in dict(f["fields"]))
    fields = {**dict(form["fields"]), "format": "0", "resource": "0"}
    lines = ["slug,description,words"] + [f"faults-{n},说明,词语{n}" for n in range(rows)]
    upload = ("lists.csv", "\n".join(lines).encode(), "text/csv")
    dry_run = client.post(path, data=fields, files={"import_file": upload})
    assert dry_run.status_code == 200, dry_run.text[:2000]
    confirm = next(f for f in page_forms(dry_run.text) if f["action"].endswith("process_import/"))
    response = client.post(confirm["action"], data=confirm["fields"])
    assert response.status_code == 302, response.text[:2000]
    return client.get(response.headers["Location"]).text


def test_with_the_broker_on_a_dead_port_documents_say_so_with_a_retry(live_app, redis_db):
    app = live_app(
        CACHE_URL=redis_db(6),
        CELERY_BROKER_URL=dead(7),
        CELERY_QUEUE=f"faults-{uuid.uuid4()}",
        IMPORT_BACKGROUND_ROWS="5",
    )

    clients = assert_every_page_answers(app)
    save_a_requirement(app, clients["hr"], "队列不可用时保存的要求")
    submit_and_approve(app, clients)

    response = clients["manager"].get(f"/sheets/{app.sheet_id}/sheet.pdf")
    assert response.status_code == 200
    assert "文档暂时无法生成" in response.text and "需求表已保存" in response.text
    assert 'data-role="retry"' in response.text
    assert not REFRESH.search(response.text)  # says so once, does not refresh for ever

    # A long import cannot be queued either: it runs in the web process, and its page says so.
    job_page = import_word_lists_in_the_background(app, clients["admin"], 12)
    assert 'data-status="done"' in job_page and "共 12 行" in job_page


def poll_download(client, path: str, seconds: float, until) -> list:
    """Follows the waiting page's refreshes like a browser, and its retry button like a
    patient user, until `until(response)`."""
    responses = []
    deadline = time.monotonic() + seconds
    while True:
        response = client.get(path)
        responses.append(response)
        assert response.status_code < 500, (path, response.status_code)
        if until(response):
            return responses
        refresh = REFRESH.search(response.text) or RETRY.search(response.text)
        assert refresh, response.text[:2000]
        path = refresh.group(1).replace("&amp;", "&")
        assert time.monotonic() < deadline, f"still waiting after {seconds} s"
        time.sleep(1)


def is_pdf(response) -> bool:
    return response.headers.get("Content-Type") == "application/pdf"


def test_a_worker_killed_mid_render_is_replaced_and_the_download_arrives(live_app, redis_db):
    app = live_app(
        CACHE_URL=redis_db(6),
        CELERY_BROKER_URL=redis_db(7),
        CELERY_QUEUE=f"faults-{uuid.uuid4()}",
        DOCUMENTS_RENDER_TIMEOUT="5",  # a dead render's marker expires after 15 s
        DOCUMENTS_RENDER_WAIT="8",
        CELERY_VISIBILITY_TIMEOUT="10",
    )
    manager = app.client("manager")
    pdf = f"/sheets/{app.sheet_id}/sheet.pdf"

    # No worker at all: the waiting page gives up after DOCUMENTS_RENDER_WAIT, plainly.
    responses = poll_download(manager, pdf, 30, lambda r: "文档迟迟没有生成出来" in r.text)
    assert responses[0].status_code == 202
    assert 'data-role="retry"' in responses[-1].text and not REFRESH.search(responses[-1].text)

    # A worker takes the queued render and dies in the middle of it.
    app.start_worker()
    app.wait_in_worker_log("documents.render_document", 60)
    app.kill_worker()
    waiting = manager.get(pdf)
    assert waiting.status_code == 202, "the render finished before the worker was killed"

    # Another worker comes up: the render is made again and the download arrives.
    app.start_worker()
    responses = poll_download(manager, pdf, 90, is_pdf)
    assert responses[-1].content.startswith(b"%PDF")
    assert "Traceback" not in app.server_log()


@pytest.mark.browser
def test_in_chromium_a_user_retries_documents_and_meets_the_sheet_limit(live_app, redis_db, seed):
    with sqlite3.connect(seed[0]) as database:
        (items,) = database.execute(
            "SELECT COUNT(*) FROM sheets_sheetitem WHERE sheet_id = ?", (seed[1],)
        ).fetchone()
    app = live_app(
        CACHE_URL=redis_db(6),
        CELERY_BROKER_URL=dead(7),
        CELERY_QUEUE=f"faults-{uuid.uuid4()}",
        SHEET_MAX_ITEMS=str(items),  # full: not one item more
    )
    with chromium_page() as page:
        page.goto(f"{app.base}/accounts/login/")
        page.fill("#id_username", "hr")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{app.base}/")

        # Documents cannot be made: said once, with a retry that asks again.
        pdf = f"{app.base}/sheets/{app.sheet_id}/sheet.pdf"
        page.goto(pdf)
        expect(page.get_by_role("alert")).to_contain_text("文档暂时无法生成")
        page.get_by_role("link", name="重试").click()
        page.wait_for_load_state()
        assert page.url == pdf
        expect(page.get_by_role("alert")).to_contain_text("需求表已保存")
        page.get_by_role("link", name="返回需求表").click()
        page.wait_for_url(f"{app.base}/sheets/{app.sheet_id}/")

        # One item more than a sheet may hold: refused next to the buttons, input kept.
        page.goto(f"{app.base}/sheets/{app.sheet_id}/edit/core/")
        page.get_by_role("button", name="+ 添加自定义条目").click()
        custom = page.locator("#items > .item-row").last
        custom.locator("input[name$='-name']").fill("超出上限的条目")
        custom.locator("textarea[name$='-requirement']").fill("能同时处理三个会话")
        custom.locator("select[name$='-priority']").select_option(label="中")
        with page.expect_navigation():
            page.get_by_role("button", name="保存草稿").click()
        expect(page.locator("#size-error")).to_contain_text(f"一份需求表最多 {items} 个条目")
        names = page.locator("#items > .item-row input[name$='-name']")
        expect(names.last).to_have_value("超出上限的条目")
    with sqlite3.connect(app.env["DATABASE_URL"].removeprefix("sqlite:///")) as database:
        (after,) = database.execute(
            "SELECT COUNT(*) FROM sheets_sheetitem WHERE sheet_id = ?", (seed[1],)
        ).fetchone()
    assert after == items


@contextmanager
def chromium_page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 900})
        page.set_default_timeout(20_000)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        try:
            yield page
        finally:
            browser.close()
        assert not errors, errors
