"""PDF benchmark: WeasyPrint in process against headless Chromium's page.pdf() on the same HTML.

Run with `make bench` (or `.venv/bin/python bench/pdf.py`). Sets up its own throwaway SQLite
database, builds a 1-page, a 3-page and a 200-item requirement sheet through the services,
renders each several times with both engines (warm: one untimed run first), and prints the
medians, the sizes and the ratios WeasyPrint / Chromium, then the time of a cached export
through the view (logged in, second request). Targets from docs/DESIGN "Targets".

Options: `--only LABEL` (repeatable) times some documents only, `--runs N` overrides the
number of timed runs, `--phases` adds where WeasyPrint's time goes (from its progress log:
set-up before parsing, HTML parsing, CSS cascade, box tree, layout, drawing and writing the
PDF), and `--profile DIR` writes a cProfile of one WeasyPrint render of each document there.
"""

import argparse
import cProfile
import logging
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
from hiring.documents import rendering  # noqa: E402
from hiring.documents.fetcher import find_static  # noqa: E402
from hiring.sheets import services  # noqa: E402
from support.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from support.samples import make_sheet  # noqa: E402

RUNS = {"1-page sheet": 11, "3-page sheet": 5, "200-item sheet": 3}
CACHED_RUNS = 30

# WeasyPrint reports each step of a render on this logger; the first message of each phase.
PHASES = [
    ("parse", "Step 1 "),
    ("cascade", "Step 3 "),
    ("boxes", "Step 4 "),
    ("layout", "Step 5 "),
    ("draw+write", "Step 6 "),
]


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


class PhaseClock(logging.Handler):
    """Times the phases of WeasyPrint renders from its progress messages."""

    def __init__(self):
        super().__init__(level=logging.INFO)
        self.marks: list[tuple[float, str]] = []
        self.renders: dict[str, list[dict[str, float]]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.marks.append((time.perf_counter(), record.getMessage()))

    def around(self, render, label: str):
        """`render`, its phases recorded under `label` on each call."""
        renders = self.renders.setdefault(label, [])

        def timed():
            self.marks = []
            start = time.perf_counter()
            pdf = render()
            end = time.perf_counter()
            starts = [("set-up", start)]
            for name, prefix in PHASES:
                at = next((t for t, message in self.marks if message.startswith(prefix)), None)
                if at is not None:
                    starts.append((name, at))
            stops = [at for _, at in starts[1:]] + [end]
            renders.append(
                {name: (stop - at) * 1000 for (name, at), stop in zip(starts, stops, strict=True)}
            )
            return pdf

        return timed

    @property
    def phases(self) -> dict[str, dict[str, float]]:
        """Median milliseconds per phase, by document."""
        medians = {}
        for label, renders in self.renders.items():
            names = dict.fromkeys(name for render in renders for name in render)
            medians[label] = {
                name: statistics.median(render.get(name, 0) for render in renders) for name in names
            }
        return medians


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


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=list(RUNS), metavar="LABEL")
    parser.add_argument("--runs", type=int, help="timed runs per document (default: by size)")
    parser.add_argument("--phases", action="store_true", help="WeasyPrint time per phase")
    parser.add_argument("--profile", metavar="DIR", help="write a cProfile per document here")
    return parser.parse_args()


def make_sheets(labels: list[str], hr, manager) -> dict:
    """The sheets to time: the e-commerce preset's 15 items, and 40 or 185 more."""
    titles = {
        "1-page sheet": ("电商客服专员 招聘需求", 0),
        "3-page sheet": ("电商客服专员 招聘需求(三页)", 40),
        "200-item sheet": ("电商客服专员 招聘需求(200 项)", 185),
    }
    sheets = {}
    for label in labels:
        title, extra = titles[label]
        sheet = make_sheet(owner=hr, manager=manager, title=title)
        sheets[label] = add_items(sheet, extra) if extra else sheet
    return sheets


def phase_clock() -> PhaseClock:
    """A clock that WeasyPrint's progress reports reach (LOGGING drops them otherwise)."""
    clock = PhaseClock()
    progress = logging.getLogger("weasyprint.progress")
    progress.setLevel(logging.INFO)
    progress.addHandler(clock)
    return clock


def print_phases(phases: dict[str, dict[str, float]]) -> None:
    names = dict.fromkeys(name for timing in phases.values() for name in timing)
    print()
    print("WeasyPrint by phase, ms (medians; from its progress log)")
    print(f"{'document':<15} " + " ".join(f"{name:>10}" for name in names))
    for label, timing in phases.items():
        print(f"{label:<15} " + " ".join(f"{timing.get(name, 0):>10.1f}" for name in names))


def profile(directory: str, label: str, render) -> None:
    os.makedirs(directory, exist_ok=True)
    path = os.path.join(directory, label.replace(" ", "-") + ".prof")
    cProfile.runctx("render()", globals(), {"render": render}, path)


def target_checks(rows: list, cached_ms: float) -> list[tuple[str, float, bool]]:
    """The targets of docs/DESIGN for the documents that were timed."""
    by_label = {row[0]: row for row in rows}
    checks = []
    if one := by_label.get("1-page sheet"):
        checks += [
            ("1-page time ratio W/C <= 1.0", one[3] / one[5], one[3] / one[5] <= 1.0),
            ("1-page size <= 100 KB", len(one[4]) / 1024, len(one[4]) <= 100 * 1024),
            (
                "1-page size ratio W/C <= 1/3",
                len(one[4]) / len(one[6]),
                len(one[4]) * 3 <= len(one[6]),
            ),
        ]
    if three := by_label.get("3-page sheet"):
        checks.append(
            ("3-page time ratio W/C <= 1.0", three[3] / three[5], three[3] / three[5] <= 1.0)
        )
    if many := by_label.get("200-item sheet"):
        checks.append(
            ("200-item time ratio W/C <= 2.0", many[3] / many[5], many[3] / many[5] <= 2.0)
        )
    checks.append(("cached export <= 20 ms", cached_ms, cached_ms <= 20))
    return checks


def main() -> None:
    args = parse_args()
    call_command("migrate", verbosity=0)
    call_command("loaddata", "catalog", "presets", verbosity=0)
    hr = user_create_or_reset(
        username="hr", password="bench-pass-123", display_name="王芳", role=HR
    )
    manager = user_create_or_reset(
        username="manager", password="bench-pass-123", display_name="李强", role=HIRING_MANAGER
    )
    sheets = make_sheets(args.only or list(RUNS), hr, manager)
    clock = phase_clock() if args.phases else None

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

            runs = args.runs or RUNS[label]
            timed = clock.around(weasyprint, label) if clock else weasyprint
            weasy_ms, weasy_pdf, chrome_ms, chrome_pdf = timed_pair(timed, chromium, runs)
            rows.append((label, items, runs, weasy_ms, weasy_pdf, chrome_ms, chrome_pdf))
            if args.profile:
                profile(args.profile, label, weasyprint)
        browser.close()

    setup_test_environment()
    client = Client()
    client.force_login(hr)
    url = reverse("documents:sheet_pdf", args=[next(iter(sheets.values())).pk])
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
    if clock:
        print_phases(clock.phases)
    if args.profile:
        print(f"\nProfiles of one render each: {args.profile}/*.prof")
    print()
    print(
        f"Cached export through the view (2nd request, median of {CACHED_RUNS}): {cached_ms:.1f} ms"
    )

    print()
    print("Targets")
    for name, value, ok in target_checks(rows, cached_ms):
        print(f"  {'met ' if ok else 'MISS'}  {name:<32} {value:.2f}")


if __name__ == "__main__":
    main()
