"""Pages under load: gunicorn in front of PostgreSQL, 32 concurrent logged-in clients.

Starts gunicorn on a free loopback port against a throwaway PostgreSQL database, logs in
once per client, then requests the sheet list, a sheet page and the home page for a fixed
time. Prints requests per second, p50 / p95 latency and the number of errors per page.
Not a test: figures depend on the machine.

    .venv/bin/python bench/load.py [--clients 32] [--seconds 20]
"""

import argparse
import http.cookiejar
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "hiring_bench_load"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def prepare(env) -> dict[str, str]:
    subprocess.run(
        ["psql", f"{PG_SERVER}/postgres", "-qc", f'DROP DATABASE IF EXISTS "{DB_NAME}"'],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["psql", f"{PG_SERVER}/postgres", "-qc", f'CREATE DATABASE "{DB_NAME}"'],
        check=True,
        capture_output=True,
    )
    manage(env, "migrate", "--noinput")
    manage(env, "loaddata", "catalog", "presets")
    passwords = dict(line.split()[:2] for line in manage(env, "create_demo_users").splitlines())
    script = (
        "from django.contrib.auth import get_user_model as U\n"
        "from hiring.sheets.tests.factories import make_sheet\n"
        "hr, m = U().objects.get(username='hr'), U().objects.get(username='manager')\n"
        "for slug in ['general','ecommerce','cross-border','saas','finance']*6:\n"
        "    s = make_sheet(owner=hr, manager=m, preset_slug=slug)\n"
        "print(s.pk)\n"
    )
    passwords["sheet"] = manage(env, "shell", "-c", script).strip().splitlines()[-1]
    return passwords


def login(base: str, username: str, password: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(
        f"{base}/accounts/login/", data=data, headers={"Referer": f"{base}/accounts/login/"}
    )
    opener.open(request).read()
    return opener


def run(base: str, password: str, paths: list[str], clients: int, seconds: float) -> dict:
    results: dict[str, list[float]] = {path: [] for path in paths}
    errors: dict[str, int] = {path: 0 for path in paths}
    lock = threading.Lock()
    openers = [login(base, "hr", password) for _ in range(clients)]
    deadline = time.monotonic() + seconds

    def client(opener, offset: int):
        n = offset
        while time.monotonic() < deadline:
            path = paths[n % len(paths)]
            n += 1
            started = time.perf_counter()
            try:
                response = opener.open(base + path, timeout=30)
                response.read()
                ok = response.status == 200
            except Exception:
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    results[path].append(elapsed)
                else:
                    errors[path] += 1

    threads = [threading.Thread(target=client, args=(o, i)) for i, o in enumerate(openers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"results": results, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
    args = parser.parse_args()

    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hiring.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"{PG_SERVER}/{DB_NAME}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "PYTHONPATH": str(ROOT),
    }
    print("Preparing a PostgreSQL database with 30 sheets …", flush=True)
    accounts = prepare(env)
    manage(env, "collectstatic", "--noinput")
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "hiring.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/accounts/login/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        paths = ["/sheets/", f"/sheets/{accounts['sheet']}/", "/"]
        run(base, accounts["hr"], paths, 4, 2)  # warm-up
        print(
            f"{args.clients} clients for {args.seconds:.0f} s against gunicorn "
            f"({args.workers} workers) and PostgreSQL\n"
        )
        outcome = run(base, accounts["hr"], paths, args.clients, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)

    print(f"{'page':<22}{'requests':>10}{'req/s':>10}{'p50 ms':>10}{'p95 ms':>10}{'errors':>8}")
    total = 0
    for path in paths:
        times = sorted(outcome["results"][path])
        total += len(times)
        p50 = statistics.median(times) * 1000 if times else float("nan")
        p95 = times[int(len(times) * 0.95) - 1] * 1000 if times else float("nan")
        print(
            f"{path:<22}{len(times):>10}{len(times) / args.seconds:>10.1f}{p50:>10.1f}"
            f"{p95:>10.1f}{outcome['errors'][path]:>8}"
        )
    print(f"{'all':<22}{total:>10}{total / args.seconds:>10.1f}")


if __name__ == "__main__":
    main()
