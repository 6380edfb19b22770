"""Page latency while 4 large PDFs render: on Celery workers, and (as before) in the web workers.

Starts gunicorn against a throwaway PostgreSQL database, with Redis (database 3 unless
BENCH_REDIS says otherwise) as the broker and the shared cache, and a Celery worker. Four
clients request the sheet list and a sheet page without pause: first with nothing else
running, then while four 200-item sheets are exported at once. The same again with tasks run
in-process (CELERY_TASK_ALWAYS_EAGER, how `make run` works), where each export holds a web
worker for the length of its render. Prints p50 / p95 / max latency per phase and how long
the four renders took. Not a test: figures depend on the machine.

    .venv/bin/python bench/render_load.py [--workers 5] [--idle-seconds 5]
"""

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import PG_SERVER, PYTHON, ROOT, free_port, login_opener, manage

DB_NAME = "hiring_bench_render"
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/3")
LARGE_SHEETS = 4
ITEMS = 200


def prepare(env) -> dict:
    for sql in (f'DROP DATABASE IF EXISTS "{DB_NAME}"', f'CREATE DATABASE "{DB_NAME}"'):
        subprocess.run(
            ["psql", f"{PG_SERVER}/postgres", "-qc", sql], check=True, capture_output=True
        )
    manage(env, "migrate", "--noinput")
    manage(env, "loaddata", "catalog", "presets")
    passwords = dict(line.split()[:2] for line in manage(env, "create_demo_users").splitlines())
    script = (
        "from django.contrib.auth import get_user_model as U\n"
        "from support.samples import add_items\n"
        "from support.samples import make_sheet\n"
        "hr, m = U().objects.get(username='hr'), U().objects.get(username='manager')\n"
        "small = make_sheet(owner=hr, manager=m)\n"
        f"large = [make_sheet(owner=hr, manager=m) for _ in range({LARGE_SHEETS})]\n"
        f"for s in large: add_items(s, {ITEMS - 15})\n"
        "print(small.pk, *[s.pk for s in large])\n"
    )
    ids = manage(env, "shell", "-c", script).strip().splitlines()[-1].split()
    return {"password": passwords["hr"], "small": ids[0], "large": ids[1:]}


def redis_url() -> tuple[str, subprocess.Popen | None]:
    """BENCH_REDIS if it answers, else a redis-server of this run's own."""
    import redis

    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping()
        return REDIS, None
    except redis.ConnectionError:
        pass
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    for _ in range(100):
        try:
            redis.Redis.from_url(url).ping()
            return url, server
        except redis.ConnectionError:
            time.sleep(0.1)
    raise SystemExit("redis-server did not start")


def start(command: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=env)


def wait_until_up(base: str) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(f"{base}/accounts/login/", timeout=1)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def measure(openers, base, paths, stop: threading.Event) -> list[float]:
    """Latencies (s) of page requests made back to back by logged-in clients until `stop`."""
    latencies: list[float] = []
    lock = threading.Lock()

    def client(opener, offset):
        n = offset
        while not stop.is_set():
            started = time.perf_counter()
            try:
                opener.open(base + paths[n % len(paths)], timeout=60).read()
            except Exception:
                continue
            with lock:
                latencies.append(time.perf_counter() - started)
            n += 1

    threads = [threading.Thread(target=client, args=(o, i)) for i, o in enumerate(openers)]
    for thread in threads:
        thread.start()
    stop.wait()
    for thread in threads:
        thread.join()
    return latencies


def export_all(base, password, sheet_ids) -> float:
    """Exports the large sheets at once; seconds until each has its PDF (202 pages poll)."""
    openers = [login_opener(base, "hr", password) for _ in sheet_ids]
    started = time.perf_counter()

    def export(pk, opener):
        while True:
            response = opener.open(f"{base}/sheets/{pk}/sheet.pdf", timeout=120)
            body = response.read()
            if response.status == 200 and body.startswith(b"%PDF"):
                return
            time.sleep(1)

    threads = [
        threading.Thread(target=export, args=(pk, opener))
        for pk, opener in zip(sheet_ids, openers, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.perf_counter() - started


def phase(base, password, paths, seconds=None, during=None) -> tuple[list[float], float | None]:
    stop = threading.Event()
    result: dict = {}
    openers = [login_opener(base, "hr", password) for _ in range(4)]
    measurer = threading.Thread(
        target=lambda: result.setdefault("latencies", measure(openers, base, paths, stop))
    )
    measurer.start()
    took = None
    if during is not None:
        time.sleep(1)
        took = during()
    else:
        time.sleep(seconds)
    stop.set()
    measurer.join()
    return result["latencies"], took


def summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    if not ordered:
        return f"{0:>9}{'—':>9}{'—':>9}{'—':>9}"
    p50 = statistics.median(ordered) * 1000
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000
    return f"{len(ordered):>9}{p50:>9.0f}{p95:>9.0f}{ordered[-1] * 1000:>9.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
    parser.add_argument("--worker-concurrency", type=int, default=1)
    parser.add_argument("--idle-seconds", type=float, default=5)
    args = parser.parse_args()

    run_id = uuid.uuid4().hex[:8]
    base_env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hiring.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"{PG_SERVER}/{DB_NAME}",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "PYTHONPATH": str(ROOT),
        "DOCUMENTS_RENDER_ON_SAVE": "false",
        "DOCUMENTS_RENDER_TIMEOUT": "60",
    }
    print(f"Preparing a PostgreSQL database with {LARGE_SHEETS} sheets of {ITEMS} items …")
    accounts = prepare({**base_env, "CELERY_TASK_ALWAYS_EAGER": "true"})
    manage(base_env, "collectstatic", "--noinput")
    paths = ["/sheets/", f"/sheets/{accounts['small']}/"]

    rows = []
    redis, own_redis = redis_url()
    for mode in ("queued", "in-process"):
        env = dict(base_env)
        # A cache and a queue of this run's own, so nothing from elsewhere is served or taken.
        env.update(CACHE_URL=redis, CACHE_KEY_PREFIX=f"bench-{run_id}-{mode}")
        if mode == "queued":
            env.update(CELERY_BROKER_URL=redis, CELERY_QUEUE=f"bench-{run_id}")
        else:
            env.update(CELERY_TASK_ALWAYS_EAGER="true")
        port = free_port()
        processes = [
            start(
                [
                    PYTHON,
                    "-m",
                    "gunicorn",
                    "hiring.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    str(args.workers),
                    "--timeout",
                    "120",
                    "--log-level",
                    "warning",
                ],
                env,
            )
        ]
        if mode == "queued":
            processes.append(
                start(
                    [
                        PYTHON,
                        "-m",
                        "celery",
                        "-A",
                        "hiring",
                        "worker",
                        "--loglevel",
                        "WARNING",
                        "--concurrency",
                        str(args.worker_concurrency),
                        "--without-gossip",
                        "--without-mingle",
                        "--without-heartbeat",
                    ],
                    env,
                )
            )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base)
            phase(base, accounts["password"], paths, seconds=1)  # warm-up
            idle, _ = phase(base, accounts["password"], paths, seconds=args.idle_seconds)
            loaded, took = phase(
                base,
                accounts["password"],
                paths,
                during=lambda base=base: export_all(base, accounts["password"], accounts["large"]),
            )
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                process.wait(timeout=30)
        rows.append((mode, "idle", idle, None))
        rows.append((mode, f"{LARGE_SHEETS} renders", loaded, took))

    if own_redis is not None:
        own_redis.terminate()

    print()
    print(
        f"Page latency (sheet list, sheet page; 4 clients) while {LARGE_SHEETS} sheets of "
        f"{ITEMS} items export; gunicorn {args.workers} workers, PostgreSQL, Redis"
    )
    header = (
        f"{'renders run':<12}{'phase':<12}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}"
        f"{'max ms':>9}{'renders s':>11}"
    )
    print(header)
    print("-" * len(header))
    for mode, name, latencies, took in rows:
        done = f"{took:>11.1f}" if took is not None else f"{'':>11}"
        print(f"{mode:<12}{name:<12}{summary(latencies)}{done}")
    print()
    print(
        f"queued: a Celery worker (concurrency {args.worker_concurrency}) renders; the web "
        "workers answer 202 with a page that refreshes until the PDF is cached.\n"
        "in-process: each export holds a web worker for its whole render."
    )


if __name__ == "__main__":
    main()
