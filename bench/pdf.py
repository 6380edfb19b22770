"""PDF benchmark: WeasyPrint in process against headless Chromium's page.pdf() on the same HTML.

Run with `make bench` (or `.venv/bin/python bench/pdf.py`). Sets up its own throwaway SQLite
database, builds a 1-page, a 3-page and a 200-item requirement sheet through the services,
renders each several times with both engines (warm: one untimed run first), and prints the
medians, the sizes and the ratios WeasyPrint / Chromium, then the time of a cached export
through the view (logged in, second request). Targets from docs/DESIGN "Targets".
"""

import os
import statistics
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TMP = tempfile.TemporaryDirectory(prefix="bench-pdf-")
os.environ["DJANGO_SETTINGS_MODULE"] = "hiring.settings.test"
os.environ["DATABASE_URL"] = f"sqlite:///{TMP.name}/bench.sqlite3"
os.environ["CACHE_URL"] = "locmemcache://"
# Playwright's sync API runs an event loop in this thread; the ORM calls here are synchronous.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from hiring.accounts.roles import HIRING_MANAGER, HR  # noqa: E402
from hiring.accounts.services import user_create_or_reset  # noqa: E402
from hiring.catalog.models import (  # noqa: E402
    AssessmentMethod,
    Capability,
    CapabilityCategory,
    Priority,
)
from hiring.common.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from hiring.documents import rendering  # noqa: E402
from hiring.documents.fetcher import find_static  # noqa: E402
from hiring.sheets import services  # noqa: E402
from hiring.sheets.tests.factories import make_sheet  # noqa: E402

RUNS = {"1-page sheet": 11, "3-page sheet": 5, "200-item sheet": 3}
CACHED_RUNS = 30


def add_items(sheet, count: int):
    """Adds `count` custom items, their texts taken round-robin from the capability library."""
    capabilities = list(Capability.objects.order_by("pk"))
    priorities = list(Priority.objects.order_by("order"))
    methods = list(AssessmentMethod.objects.order_by("order"))
    categories = list(CapabilityCategory.objects.order_by("order"))
    for category in categories:
        share = count // len(categories) + (1 if category.order <= count % len(categories) else 0)
        items = []
        for n in range(share):
            capability = capabilities[(n * len(categories) + category.order) % len(capabilities)]
            items.append(
                services.ItemData(
                    pk=None,
                    name=f"{capability.name}{n + 1}"[:60],
                    requirement=capability.requirement,
                    priority=priorities[n % len(priorities)],
                    methods=[methods[n % len(methods)], methods[(n + 9) % len(methods)]],
                    order=100 + n,
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
    return sheet


def chromium_html(html: str) -> str:
    """The same document for Chromium: WeasyPrint gets print.css passed in, Chromium inline."""
    css = Path(find_static(rendering.STYLESHEET)).read_text(encoding="utf-8")
    assert "</head>" in html
    return html.replace("</head>", f"<style>{css}</style></head>", 1)


def timed_pair(first, second, runs: int) -> tuple[float, bytes, float, bytes]:
    """Medians in ms of two renderers, alternating run by run so that load from other
    processes on the machine falls on both alike; one untimed warm-up run each."""
    first_result, second_result = first(), second()
    first_times, second_times = [], []
    for _ in range(runs):
        for function, times in ((first, first_times), (second, second_times)):
            start = time.perf_counter()
            result = function()
            times.append(time.perf_counter() - start)
            if function is first:
                first_result = result
            else:
                second_result = result
    return (
        statistics.median(first_times) * 1000,
        first_result,
        statistics.median(second_times) * 1000,
        second_result,
    )


def pages(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("loaddata", "catalog", "presets", verbosity=0)
    hr = user_create_or_reset(
        username="hr", password="bench-pass-123", display_name="王芳", role=HR
    )
    manager = user_create_or_reset(
        username="manager", password="bench-pass-123", display_name="李强", role=HIRING_MANAGER
    )
    sheets = {
        "1-page sheet": make_sheet(owner=hr, manager=manager, title="电商客服专员 招聘需求"),
        "3-page sheet": add_items(
            make_sheet(owner=hr, manager=manager, title="电商客服专员 招聘需求(三页)"), 40
        ),
        "200-item sheet": add_items(
            make_sheet(owner=hr, manager=manager, title="电商客服专员 招聘需求(200 项)"), 185
        ),
    }

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for label, sheet in sheets.items():
            html = rendering.sheet_html(sheet=sheet)
            items = sheet.items.filter(included=True).count()
            html_for_chromium = chromium_html(html)

            def chromium(html=html_for_chromium):
                page.set_content(html, wait_until="load")
                return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)

            def weasyprint(html=html):
                return rendering.html_to_pdf(html)

            runs = RUNS[label]
            weasy_ms, weasy_pdf, chrome_ms, chrome_pdf = timed_pair(weasyprint, chromium, runs)
            rows.append((label, items, runs, weasy_ms, weasy_pdf, chrome_ms, chrome_pdf))
        browser.close()

    setup_test_environment()
    client = Client()
    client.force_login(hr)
    url = reverse("documents:sheet_pdf", args=[sheets["1-page sheet"].pk])
    first = client.get(url)
    assert first.status_code == 200, first.status_code
    cached = []
    for _ in range(CACHED_RUNS):
        start = time.perf_counter()
        response = client.get(url)
        cached.append((time.perf_counter() - start) * 1000)
        assert response.content == first.content
    cached_ms = statistics.median(cached)

    print()
    print("Requirement sheet PDF: WeasyPrint (in process) vs Chromium page.pdf(), warm, medians")
    header = (
        f"{'document':<15} {'items':>5} {'runs':>4} | {'WeasyPrint':>10} {'KB':>7} {'pages':>5} | "
        f"{'Chromium':>9} {'KB':>7} {'pages':>5} | {'time W/C':>8} {'size W/C':>8}"
    )
    print(header)
    print("-" * len(header))
    for label, items, runs, weasy_ms, weasy_pdf, chrome_ms, chrome_pdf in rows:
        print(
            f"{label:<15} {items:>5} {runs:>4} | {weasy_ms:>8.0f}ms {len(weasy_pdf) / 1024:>7.1f} "
            f"{pages(weasy_pdf):>5} | {chrome_ms:>7.0f}ms {len(chrome_pdf) / 1024:>7.1f} "
            f"{pages(chrome_pdf):>5} | {weasy_ms / chrome_ms:>8.2f} "
            f"{len(weasy_pdf) / len(chrome_pdf):>8.2f}"
        )
    print()
    print(
        f"Cached export through the view (2nd request, median of {CACHED_RUNS}): {cached_ms:.1f} ms"
    )

    one, three, many = rows
    checks = [
        ("1-page time ratio W/C <= 1.0", one[3] / one[5], one[3] / one[5] <= 1.0),
        ("3-page time ratio W/C <= 1.0", three[3] / three[5], three[3] / three[5] <= 1.0),
        ("200-item time ratio W/C <= 2.0", many[3] / many[5], many[3] / many[5] <= 2.0),
        ("1-page size <= 100 KB", len(one[4]) / 1024, len(one[4]) <= 100 * 1024),
        ("1-page size ratio W/C <= 1/3", len(one[4]) / len(one[6]), len(one[4]) * 3 <= len(one[6])),
        ("cached export <= 20 ms", cached_ms, cached_ms <= 20),
    ]
    print()
    print("Targets")
    for name, value, ok in checks:
        print(f"  {'met ' if ok else 'MISS'}  {name:<32} {value:.2f}")


if __name__ == "__main__":
    main()
