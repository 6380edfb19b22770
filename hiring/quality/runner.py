"""Runs every quality rule over a sheet and scores the result."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.cache import cache

from .findings import Finding, Severity
from .rules import RULES, SheetSnapshot


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


def wording_errors(report: QualityReport) -> list[Finding]:
    """The discriminatory-wording errors of a report: what a document of the sheet must show
    in a banner while they stand."""
    return [f for f in report.errors if f.rule.startswith("wording.")]


def score(findings: list[Finding]) -> int:
    penalties = settings.QUALITY_CHECK["penalties"]
    return max(0, 100 - sum(penalties[str(f.severity)] for f in findings))


def check_snapshot(snapshot: SheetSnapshot) -> QualityReport:
    findings = [finding for rule in RULES for finding in rule(snapshot)]
    findings.sort(key=lambda f: Severity(f.severity).rank)
    return QualityReport(findings=findings, score=score(findings))


class Checkable(Protocol):
    """Anything the check can read: it builds its own snapshot (a requirement sheet does)."""

    def quality_snapshot(self, items: Iterable | None = None) -> SheetSnapshot: ...


def check_sheet(*, sheet: Checkable, items: Iterable | None = None) -> QualityReport:
    """Checks `sheet` as it stands; `items` may be passed when the caller already loaded them
    (with methods prefetched)."""
    return check_snapshot(sheet.quality_snapshot(items=items))


CACHE_TIMEOUT = 60 * 10


def check_sheet_cached(*, sheet, key: str, items: Callable[[], list]) -> QualityReport:
    """`check_sheet`, kept in the cache under `key`, which must change with anything the check
    reads (see `SheetContent.key`). `items` is called only when the cache has no report."""
    report = cache.get(f"quality:{key}")
    if report is None:
        report = check_sheet(sheet=sheet, items=items())
        cache.set(f"quality:{key}", report, CACHE_TIMEOUT)
    return report
