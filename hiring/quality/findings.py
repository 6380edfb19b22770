"""What every quality rule reports."""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    TIP = "tip"

    @property
    def label(self) -> str:
        return str(SEVERITY_LABELS[self])

    @property
    def rank(self) -> int:
        """0 for the most severe: findings are listed, and grounds reported, by this."""
        return list(Severity).index(self)


SEVERITY_LABELS = {
    Severity.ERROR: _("错误"),
    Severity.WARNING: _("警告"),
    Severity.TIP: _("建议"),
}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    suggestion: str = ""
    field: str = ""
    item_id: int | None = None
    step: str = ""
    basis: str = ""  # the law or regulation behind the finding, when there is one
