"""Runs every quality rule over a sheet and scores the result."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from hiring.sheets import selectors

from .findings import Finding, Severity
from .rules import RULES, SheetSnapshot

SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.TIP: 2}


@dataclass(frozen=True)
class QualityReport:
    findings: list[Finding]
    score: int

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == Severity.ERROR]

    @property
    def has_errors(self) -> bool:
        return bool(self.errors)


def score(findings: list[Finding]) -> int:
    penalties = settings.QUALITY_CHECK["penalties"]
    return max(0, 100 - sum(penalties[str(f.severity)] for f in findings))


def check_snapshot(snapshot: SheetSnapshot) -> QualityReport:
    findings = [finding for rule in RULES for finding in rule(snapshot)]
    findings.sort(key=lambda f: SEVERITY_ORDER[f.severity])
    return QualityReport(findings=findings, score=score(findings))


def check_sheet(*, sheet, items=None) -> QualityReport:
    """`items` may be passed when the caller already loaded them (with methods prefetched)."""
    if items is None:
        items = selectors.sheet_items(sheet=sheet, included_only=True)
    snapshot = SheetSnapshot(
        sheet=sheet,
        items=[item for item in items if item.included],
        posting=getattr(sheet, "posting", None),
    )
    return check_snapshot(snapshot)


CACHE_TIMEOUT = 60 * 10


def check_sheet_cached(*, sheet, key: str, items: Callable[[], list]) -> QualityReport:
    """`check_sheet`, kept in the cache under `key`, which must change with anything the check
    reads (see `SheetContent.key`). `items` is called only when the cache has no report."""
    report = cache.get(f"quality:{key}")
    if report is None:
        report = check_sheet(sheet=sheet, items=items())
        cache.set(f"quality:{key}", report, CACHE_TIMEOUT)
    return report
