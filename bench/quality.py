"""Quality check benchmark: the check (需求体检) of the largest sheet the wizard accepts.

Run with `make bench` (or `.venv/bin/python bench/quality.py`). Sets up its own throwaway
SQLite database and builds, through the services, a sheet of SHEET_MAX_ITEMS items holding
SHEET_MAX_CHARS characters of item text, and a preset-sized sheet for comparison. It times
the bare check of each (no cache) and, as the peer in the same run, a logged-in request for
the large sheet's page served from the cache, and prints medians and ratios. The check runs
inside the wizard's and the sheet page's requests, so it has to stay well below a request's
budget (gunicorn's 30 s worker timeout; docs/DESIGN "Targets").
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.TemporaryDirectory(prefix="bench-quality-")
os.environ["DJANGO_SETTINGS_MODULE"] = "hiring.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{TMP.name}/bench.sqlite3"
os.environ["CACHE_URL"] = "locmemcache://"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from hiring.accounts.roles import HIRING_MANAGER, HR  # noqa: E402
from hiring.accounts.services import user_create_or_reset  # noqa: E402
from hiring.catalog.models import (  # noqa: E402
    AssessmentMethod,
    Capability,
    CapabilityCategory,
    Priority,
)
from hiring.documents import rendering  # noqa: E402
from hiring.quality.runner import check_sheet  # noqa: E402
from hiring.sheets import services  # noqa: E402
from support.samples import make_sheet  # noqa: E402

RUNS = 5
REQUEST_BUDGET = 30.0  # seconds: gunicorn's worker timeout


def fill(text: str, length: int) -> str:
    """`text` repeated (with a line per copy) to exactly `length` characters."""
    copies = "\n".join([text] * (length // max(len(text), 1) + 1))
    return copies[:length]


def add_largest_items(sheet) -> None:
    """Brings the sheet to SHEET_MAX_ITEMS items and SHEET_MAX_CHARS characters of item text,
    in custom items whose texts come from the capability library (as a user would paste)."""
    capabilities = list(Capability.objects.order_by("pk"))
    priorities = list(Priority.objects.order_by("order"))
    methods = list(AssessmentMethod.objects.order_by("order"))
    categories = list(CapabilityCategory.objects.order_by("order"))
    existing = sheet.items.count()
    used = sum(
        len(item.name + item.requirement + item.interview_prompts)
        + len(item.anchor_1 + item.anchor_3 + item.anchor_5)
        for item in sheet.items.all()
    )
    count = settings.SHEET_MAX_ITEMS - existing
    per_item = (settings.SHEET_MAX_CHARS - used) // count
    for index, category in enumerate(categories):
        share = count // len(categories) + (1 if index < count % len(categories) else 0)
        items = []
        for n in range(share):
            capability = capabilities[(n * len(categories) + index) % len(capabilities)]
            name = f"{capability.name}{n + 1}"[:60]
            anchors = (per_item - len(name)) // 5
            rest = per_item - len(name) - 3 * anchors
            items.append(
                services.ItemData(
                    pk=None,
                    name=name,
                    requirement=fill(capability.requirement, rest // 2),
                    priority=priorities[n % len(priorities)],
                    methods=[methods[n % len(methods)], methods[(n + 9) % len(methods)]],
                    order=100 + n,
                    interview_prompts=fill(capability.requirement, rest - rest // 2),
                    anchor_1=fill("举不出相关经历", anchors),
                    anchor_3=fill("能举出相关经历,做法合理", anchors),
                    anchor_5=fill("经历具体、结果可验证", anchors),
                )
            )
        sheet.refresh_from_db()
        services.sheet_save_items(
            sheet=sheet,
            actor=sheet.owner,
            expected_version=sheet.version,
            category_id=category.pk,
            items=items,
            step=category.slug,
        )
    sheet.refresh_from_db()


def median_seconds(action, runs: int = RUNS) -> float:
    action()  # warm: imports, compiled patterns, templates
    times = []
    for _run in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("loaddata", "catalog", "presets", "wording", verbosity=0)
    hr = user_create_or_reset(
        username="bench_hr", password="bench-only-pass", display_name="HR", role=HR
    )
    manager = user_create_or_reset(
        username="bench_manager",
        password="bench-only-pass",
        display_name="经理",
        role=HIRING_MANAGER,
    )
    usual = make_sheet(owner=hr, manager=manager, title="常规需求表")
    largest = make_sheet(owner=hr, manager=manager, title="最大需求表")
    add_largest_items(largest)
    items = largest.items.count()
    chars = sum(
        len(i.name + i.requirement + i.interview_prompts + i.anchor_1 + i.anchor_3 + i.anchor_5)
        for i in largest.items.all()
    )

    check_usual = median_seconds(lambda: check_sheet(sheet=usual))
    check_largest = median_seconds(lambda: check_sheet(sheet=largest))

    client = Client()
    client.force_login(manager)
    url = reverse("sheets:detail", args=[largest.pk])
    assert client.get(url).status_code == 200  # fills the cache
    page = median_seconds(lambda: client.get(url))

    print(f"Quality check, median of {RUNS} runs (SHEET_MAX_ITEMS={settings.SHEET_MAX_ITEMS}, ")
    print(f"SHEET_MAX_CHARS={settings.SHEET_MAX_CHARS}):")
    print(f"  usual sheet ({usual.items.count()} items)            {check_usual * 1000:8.1f} ms")
    print(f"  largest sheet ({items} items, {chars} chars) {check_largest * 1000:8.1f} ms")
    print(f"  peer: its sheet page from the cache      {page * 1000:8.1f} ms")
    print(f"  largest check / usual check      {check_largest / check_usual:6.1f}x")
    print(f"  largest check / cached page      {check_largest / page:6.1f}x")
    print(f"  largest check / request budget   {check_largest / REQUEST_BUDGET:6.1%}")
    # The same sheet is one that documents accept: each document's HTML within their limit.
    for kind in ("sheet", "posting", "scorecard"):
        with override_settings(DOCUMENTS_MAX_HTML_CHARS=10**9):
            html = rendering.document_html(kind=kind, sheet=largest, preview=False)
        share = len(html) / settings.DOCUMENTS_MAX_HTML_CHARS
        print(f"  {kind} HTML of the largest sheet / DOCUMENTS_MAX_HTML_CHARS {share:6.1%}")


if __name__ == "__main__":
    main()
