"""Production settings plus one page that exists only for the load benchmark.

The bare page (`/bench/peer/`) is what every logged-in page is compared with: the same
middleware, session and authentication, 20 rows from the database and a small template.
It is never part of the app: only `bench/load.py` starts a server with these settings.
"""

from hiring.settings.production import *  # noqa: F403
from hiring.settings.production import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
