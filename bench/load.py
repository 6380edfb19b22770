"""Logged-in pages under load, side by side with a bare Django page, in one run.

Starts gunicorn (production settings plus the bench-only bare page of `bench/urls.py`) on a
loopback port against a throwaway PostgreSQL database, logs in once as the demo HR user and
drives each page with wrk: 32 connections sending the session and CSRF cookies, for a fixed
time. The pages take turns in rounds (the order reversed every other round), so the bare
page and ours share whatever else the machine is doing. Meanwhile it reads the CPU time the
gunicorn workers and their PostgreSQL backends use per page. Then the server is stopped and
each page's time inside Django is measured in-process with the test client.

Prints, per page: requests per second, p50 and p99 latency, errors (socket errors and
HTTP status >= 400), the ratio to the bare page, CPU per request and its ratio, the server
time and the number of database queries. Targets (docs: DESIGN "Targets"): every page
>= 50 % of the bare page, no errors; a wizard category step <= 30 ms on the server.
Figures depend on the machine; compare ratios.

    .venv/bin/python bench/load.py [--seconds 12] [--rounds 4] [--connections 32] [--port 0]
"""

import argparse
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DATABASE", "hiring_bench_load")
SHEETS_PER_PRESET = 6
PEER = "bare Django page"
PAGE_TARGET = 0.5
STEP_TARGET_MS = 30

# Counts status >= 400 and socket errors as errors; prints one JSON line at the end.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


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


def psql(command: str) -> None:
    subprocess.run(
        ["psql", f"{PG_SERVER}/postgres", "-qc", command], check=True, capture_output=True
    )


def prepare(env) -> tuple[str, dict[str, str]]:
    """A fresh database with the shipped catalog, the demo users and 30 sheets."""
    psql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{DB_NAME}"')
    manage(env, "migrate", "--noinput")
    manage(env, "loaddata", "catalog", "presets")
    manage(env, "collectstatic", "--noinput")
    password = next(
        line.split()[1]
        for line in manage(env, "create_demo_users").splitlines()
        if line.startswith("hr ")
    )
    # Sheets made the way the wizard makes them, from every shipped preset; the e-commerce
    # sheet (15 items, 6 of them 核心能力) is the one whose pages are measured.
    script = (
        "from django.contrib.auth import get_user_model as U\n"
        "from support.samples import make_sheet\n"
        "hr, m = U().objects.get(username='hr'), U().objects.get(username='manager')\n"
        f"for slug in ['general', 'cross-border', 'saas', 'finance'] * {SHEETS_PER_PRESET}:\n"
        "    make_sheet(owner=hr, manager=m, preset_slug=slug)\n"
        f"for n in range({SHEETS_PER_PRESET}):\n"
        "    sheet = make_sheet(owner=hr, manager=m, preset_slug='ecommerce')\n"
        "core = sheet.items.filter(category__slug='core').count()\n"
        "print('SHEET', sheet.pk, sheet.items.count(), core)\n"
    )
    output = manage(env, "shell", "--verbosity", "0", "-c", script)
    pk, items, core = output.split("SHEET")[-1].split()
    sheet_path = f"/sheets/{pk}/"
    pages = {
        PEER: "/bench/peer/",
        "home": "/",
        "sheet list": "/sheets/",
        f"sheet page ({items} items)": sheet_path,
        f"wizard 核心能力 ({core} items)": f"{sheet_path}edit/core/",
    }
    return password, pages


def login_opener(base: str, username: str, password: str) -> urllib.request.OpenerDirector:
    """Logs in through the login form as a browser would; returns an opener that keeps the
    session and the CSRF cookie."""
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
    opener.cookie_jar = jar
    return opener


def login(base: str, password: str) -> str:
    """The cookies a browser would send after logging in as the demo HR user."""
    jar = login_opener(base, "hr", password).cookie_jar
    return "; ".join(f"{c.name}={c.value}" for c in jar)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check_pages(base: str, cookie: str, pages: dict[str, str]) -> None:
    """Every page must answer 200 to the logged-in user: a redirect to login is no page."""
    opener = urllib.request.build_opener(NoRedirect)
    for name, path in pages.items():
        request = urllib.request.Request(base + path, headers={"Cookie": cookie})
        try:
            status = opener.open(request, timeout=30).status
        except urllib.error.HTTPError as error:
            status = error.code
        if status != 200:
            sys.exit(f"{name} ({path}) answered {status}, not 200: the benchmark would be void")


def settle(base: str, cookie: str) -> None:
    """Waits until the server has answered what the last run left queued (wrk stops sending,
    but requests already sent are still served): the next page starts on an idle server."""
    request = urllib.request.Request(f"{base}/bench/peer/", headers={"Cookie": cookie})
    urllib.request.urlopen(request, timeout=60).read()


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) the processes have used so far."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def server_pids(server: subprocess.Popen) -> list[int]:
    """gunicorn's workers and the PostgreSQL backends serving the benchmark's database."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    backends = subprocess.run(
        [
            "psql",
            f"{PG_SERVER}/postgres",
            "-tAc",
            f"SELECT pid FROM pg_stat_activity WHERE datname = '{DB_NAME}'",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return [int(pid) for pid in [*children, *backends]]


def wrk(url: str, cookie: str, seconds: float, connections: int, threads: int, script) -> dict:
    output = subprocess.run(
        [
            "wrk",
            f"--threads={threads}",
            f"--connections={connections}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=10s",
            f"--script={script}",
            f"--header=Cookie: {cookie}",
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.split("WRK ", 1)[1])


def server_times(env, pages: dict[str, str], runs: int) -> dict:
    output = subprocess.run(
        [PYTHON, str(ROOT / "bench" / "server_time.py"), "--runs", str(runs), *pages.values()],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=12, help="load time per page")
    parser.add_argument("--rounds", type=int, default=4, help="turns the load time is split in")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
    parser.add_argument("--port", type=int, default=0, help="loopback port; 0 picks a free one")
    parser.add_argument("--runs", type=int, default=50, help="requests per server-time median")
    parser.add_argument("--verbose", action="store_true", help="print every wrk run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: run `make bench`, which installs it (Debian package wrk)")

    port = args.port or free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"{PG_SERVER}/{DB_NAME}",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "PYTHONPATH": str(ROOT),
    }
    print(f"Preparing the PostgreSQL database {DB_NAME} …", flush=True)
    password, pages = prepare(env)
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "hiring.wsgi",
            f"--bind=127.0.0.1:{port}",
            f"--workers={args.workers}",
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    slot = args.seconds / args.rounds
    runs: dict[str, list[dict]] = {name: [] for name in pages}
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/accounts/login/", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        cookie = login(base, password)
        check_pages(base, cookie, pages)
        print(
            f"wrk: {args.connections} connections, {args.seconds:g} s per page in "
            f"{args.rounds} rounds; gunicorn: {args.workers} sync workers; PostgreSQL\n",
            flush=True,
        )
        with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
            script.write(WRK_SCRIPT)
            script.flush()
            for path in pages.values():  # warm-up: every worker loads code and templates
                wrk(base + path, cookie, 1, args.connections, args.threads, script.name)
                settle(base, cookie)
            order = list(pages)
            for round_number in range(args.rounds):
                for name in order if round_number % 2 == 0 else reversed(order):
                    pids = server_pids(server)
                    cpu_before = cpu_seconds(pids)
                    result = wrk(
                        base + pages[name],
                        cookie,
                        slot,
                        args.connections,
                        args.threads,
                        script.name,
                    )
                    settle(base, cookie)
                    # What the server used for this page, requests still queued when wrk
                    # stopped (at most one per connection) included.
                    result["cpu_s"] = cpu_seconds(pids) - cpu_before
                    result["served"] = result["requests"] + args.connections
                    runs[name].append(result)
                    if args.verbose:
                        print(f"  round {round_number + 1}: {name}: {result}", flush=True)
        check_pages(base, cookie, pages)
    finally:
        server.terminate()
        server.wait(timeout=10)

    timings = server_times(env, pages, args.runs)
    rates = {
        name: sum(r["requests"] for r in rs) / (sum(r["duration_us"] for r in rs) / 1e6)
        for name, rs in runs.items()
    }
    peer_rate = rates[PEER]
    cpu_ms = {
        name: 1000 * sum(r["cpu_s"] for r in rs) / sum(r["served"] for r in rs)
        for name, rs in runs.items()
    }
    width = max(display_width(name) for name in pages) + 2
    print(
        f"{pad('page', width)}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'errors':>8}"
        f"{'vs bare':>9}{'CPU ms':>8}{'vs bare':>9}{'server ms':>11}{'queries':>9}"
    )
    failures = []
    for name, rs in runs.items():
        ratio = rates[name] / peer_rate
        errors = sum(r["errors"] for r in rs)
        timing = timings[pages[name]]
        print(
            f"{pad(name, width)}{rates[name]:>8.0f}"
            f"{statistics.median([r['p50_us'] for r in rs if r['requests']] or [0]) / 1000:>8.1f}"
            f"{max(r['p99_us'] for r in rs) / 1000:>8.1f}{errors:>8}{ratio:>8.0%} "
            f"{cpu_ms[name]:>8.2f}{cpu_ms[PEER] / cpu_ms[name]:>8.0%} "
            f"{timing['median_ms']:>10.1f}{timing['queries']:>9}"
        )
        if errors:
            failures.append(f"{name}: {errors} errors")
        if name != PEER and ratio < PAGE_TARGET:
            failures.append(f"{name}: {ratio:.0%} of the bare page (target ≥ {PAGE_TARGET:.0%})")
        if name.startswith("wizard") and timing["median_ms"] > STEP_TARGET_MS:
            failures.append(
                f"{name}: {timing['median_ms']:.1f} ms on the server (target ≤ {STEP_TARGET_MS} ms)"
            )
    print(
        "\nreq/s over all rounds; p50 the median and p99 the worst of the rounds.\n"
        "CPU ms: CPU time of the gunicorn workers and their PostgreSQL backends per request;\n"
        "its 'vs bare' (bare CPU / page CPU) is what req/s would show on an otherwise idle\n"
        "machine, and holds when other work shares the cores.\n"
        f"server ms: median of {args.runs} requests through the test client, in process, after"
        " the load."
    )
    print("Below target: " + "; ".join(failures) if failures else "Every target met.")


if __name__ == "__main__":
    main()
