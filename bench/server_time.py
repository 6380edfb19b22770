"""Time inside Django for a few pages, logged in as the demo HR user: median of many requests.

Run by `bench/load.py` with its settings and database (after the load, with no server
running); prints JSON: {path: {"median_ms": …, "queries": …}}. Goes through the whole
middleware stack with Django's test client, so it is the server's share of a request
without the network and the WSGI server.

    .venv/bin/python bench/server_time.py [--runs 50] PATH …
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

WARM_UP = 3


def measure(client: Client, path: str, runs: int) -> dict:
    for _ in range(WARM_UP):
        response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}, not 200")
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    count = len(queries)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        client.get(path)
        times.append(time.perf_counter() - started)
    return {"median_ms": statistics.median(times) * 1000, "queries": count}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(username="hr"))
    print(json.dumps({path: measure(client, path, args.runs) for path in args.paths}))


if __name__ == "__main__":
    main()
