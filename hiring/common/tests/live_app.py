"""The app as it runs in production, for fault tests: gunicorn (and a Celery worker where a
test asks for one) in processes of their own, on a database file of their own, with the
cache and the task queue wherever the test points them: at Redis, or at a dead port.

`LiveApp.client(username)` is a logged-in HTTP session (requests) that reads and submits
forms the way a browser does.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import redis
import requests

ROOT = Path(__file__).resolve().parents[3]
PASSWORD = "fault-test-pass-2026"
USERS = ("hr", "manager", "admin")

SEED = f"""
from django.core.management import call_command

call_command("migrate", interactive=False, verbosity=0)
call_command("loaddata", "catalog", "presets", "wording", verbosity=0)

from hiring.accounts.roles import CATALOG_ADMIN, HIRING_MANAGER, HR
from hiring.accounts.services import user_create_or_reset
from hiring.sheets.tests.factories import make_sheet

hr = user_create_or_reset(username="hr", password="{PASSWORD}", display_name="招聘专员", role=HR)
manager = user_create_or_reset(
    username="manager", password="{PASSWORD}", display_name="用人经理", role=HIRING_MANAGER
)
user_create_or_reset(
    username="admin", password="{PASSWORD}", display_name="管理员", role=CATALOG_ADMIN,
    is_staff=True,
)
print(make_sheet(owner=hr, manager=manager, title="故障演练需求表").pk)
"""


def free_port() -> int:
    """A port nothing listens on: bound, then closed at once (a "dead" server)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.ConnectionError:
        return False


def base_env(database: Path, **overrides: str) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hiring.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "CACHE_URL": "locmemcache://",
        "CELERY_BROKER_URL": "",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("CELERY_TASK_ALWAYS_EAGER", None)
    env.pop("DOCUMENTS_RENDER_ON_SAVE", None)
    env.update(overrides)
    return env


def seed_database(directory: Path) -> tuple[Path, int]:
    """A migrated database with the shipped catalog, three users and one sheet; its sheet id.
    Made in one process, as `migrate`, `loaddata` and a shell would, one after the other."""
    database = directory / "seed.sqlite3"
    seeded = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", SEED],
        env=base_env(database),
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return database, int(seeded.stdout.split()[-1])


class _Forms(HTMLParser):
    """The fields of every form of a page, as a browser would send them (no button pressed)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._select = None
        self._option = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "fields": []})
            return
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            fields.append([name, attrs.get("value", "on" if kind == "checkbox" else "")])
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
            fields.append(self._textarea)
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "first": None}
            self._select["chosen"] = []
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "selected" in attrs, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data
        if self._option is not None:
            self._option[2] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value, selected, text = self._option
            value = text.strip() if value is None else value
            if self._select["first"] is None:
                self._select["first"] = value
            if selected:
                self._select["chosen"].append(value)
            self._option = None
        elif tag == "select" and self._select is not None:
            chosen = self._select["chosen"]
            if not chosen and not self._select["multiple"] and self._select["first"] is not None:
                chosen = [self._select["first"]]
            self.forms[-1]["fields"] += [[self._select["name"], value] for value in chosen]
            self._select = None


def page_forms(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


class Client(requests.Session):
    def __init__(self, base: str):
        super().__init__()
        self.base = base

    def get(self, path, **kwargs):
        kwargs.setdefault("timeout", 60)
        return super().get(urljoin(self.base, path), **kwargs)

    def post(self, path, data=None, **kwargs):
        kwargs.setdefault("timeout", 60)
        kwargs.setdefault("allow_redirects", False)
        url = urljoin(self.base, path)
        headers = {"Referer": url, "X-CSRFToken": self.cookies.get("csrftoken", "")}
        return super().post(url, data=data, headers=headers, **kwargs)

    def submit(self, path: str, *, action: str = "", changes: dict | None = None, press=None):
        """Loads `path`, takes its form whose action ends with `action` (or else the first that
        has every field of `changes`), fills it as shown, applies `changes`, presses button
        `press` (a (name, value) pair) and posts it to the form's action."""
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code)
        changes = changes or {}

        def fits(form) -> bool:
            if action:
                return form["action"].endswith(action)
            names = {name for name, _value in form["fields"]}
            return set(changes) <= names and "csrfmiddlewaretoken" in names

        form = next(form for form in page_forms(page.text) if fits(form))
        fields = [(name, value) for name, value in form["fields"] if name not in changes]
        fields += list(changes.items())
        if press:
            fields.append(press)
        return self.post(urljoin(page.url, form["action"] or page.url), data=fields)


class LiveApp:
    def __init__(self, tmp: Path, seed: tuple[Path, int], **env: str):
        database = tmp / "app.sqlite3"
        shutil.copyfile(seed[0], database)
        self.sheet_id = seed[1]
        self.env = base_env(database, **env)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = tmp / "app.log"
        self.worker_log = tmp / "worker.log"
        self.server = None
        self.worker = None

    def start(self) -> "LiveApp":
        self.server = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "hiring.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--timeout", "60"),
            ],
            env=self.env,
            cwd=ROOT,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            assert self.server.poll() is None, self.log.read_text()
            try:
                if requests.get(f"{self.base}/accounts/login/", timeout=30).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.2)

    def start_worker(self) -> subprocess.Popen:
        log = self.worker_log.open("ab")
        self.worker = subprocess.Popen(
            [
                *(sys.executable, "-m", "celery", "-A", "hiring", "worker", "--pool", "solo"),
                *("--loglevel", "INFO", "--without-gossip", "--without-mingle"),
                *("--without-heartbeat", "--queues", self.env["CELERY_QUEUE"]),
            ],
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return self.worker

    def kill_worker(self) -> None:
        """As the machine would: SIGKILL, no chance to hand the task back."""
        self.worker.send_signal(signal.SIGKILL)
        self.worker.wait(timeout=10)

    def wait_in_worker_log(self, text: str, seconds: float, start: int = 0) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.worker_log.read_text(errors="replace")[start:]:
            assert self.worker.poll() is None, self.worker_log.read_text(errors="replace")
            assert time.monotonic() < deadline, self.worker_log.read_text(errors="replace")
            time.sleep(0.05)

    def stop(self) -> None:
        for process in (self.worker, self.server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    def client(self, username: str) -> Client:
        client = Client(self.base)
        client.get("/accounts/login/")
        response = client.post(
            "/accounts/login/",
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": client.cookies["csrftoken"],
            },
        )
        assert response.status_code == 302, (response.status_code, response.text[:2000])
        return client

    def server_log(self) -> str:
        return self.log.read_text(errors="replace")
