"""Reads the recorded history of a sheet, its items and its posting as a readable timeline."""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from hiring.accounts.names import display_name
from hiring.catalog.models import Preset, Priority

from .models import JobPosting, RequirementSheet, SheetItem

SHEET_FIELDS = [
    RequirementSheet._meta.get_field(name).attname
    for name in (*RequirementSheet.BASIC_FIELDS, "status", "preset")
]
ITEM_FIELDS = [
    name for name in SheetItem.CONTENT_FIELDS if name not in ("category_id", "capability_id")
]
POSTING_FIELDS = JobPosting.EDITABLE_FIELDS


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime
    who: str
    what: str
    reason: str = ""
    changes: list[Change] = field(default_factory=list)
    sheet_history_id: int | None = None  # set on entries a draft can be reverted to


def item_methods_by_record(sheet_id: int) -> dict[int, list[str]]:
    """Assessment method names of every recorded item version, in one query."""
    through = apps.get_model("sheets", "HistoricalSheetItem_methods")
    names: dict[int, list[str]] = {}
    rows = (
        through.objects.filter(history__sheet_id=sheet_id)
        .select_related("assessmentmethod")
        .order_by("assessmentmethod__order")
    )
    for row in rows:
        names.setdefault(row.history_id, []).append(row.assessmentmethod.name)
    return names


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name.removesuffix("_id")).verbose_name)


def _display(record, name: str, lookups: dict) -> str:
    value = getattr(record, name)
    if name in lookups:
        return lookups[name].get(value, "—")
    if name in ("status", "salary_period"):
        model_field = RequirementSheet._meta.get_field(name)
        return str(dict(model_field.choices).get(value, value))
    if isinstance(value, bool):
        return _("是") if value else _("否")
    return "—" if value in (None, "") else str(value)


def _diff(model, previous, record, names, lookups) -> list[Change]:
    changes = []
    for name in names:
        old = _display(previous, name, lookups) if previous else "—"
        new = _display(record, name, lookups)
        if previous is None or old != new:
            if previous is None and new == "—":
                continue
            changes.append(Change(_label(model, name), old, new))
    return changes


def _who(record) -> str:
    user = record.history_user
    return display_name(user) or _("系统")


def sheet_timeline(*, sheet: RequirementSheet) -> list[Entry]:
    """Every recorded change, newest first: six queries whatever the length of the history."""
    lookups = {
        "priority_id": {p.pk: p.name for p in Priority.objects.all()},
        "preset_id": {p.pk: p.name for p in Preset.objects.all()},
        "hiring_manager_id": {
            u.pk: display_name(u)
            for u in get_user_model().objects.filter(
                pk__in=sheet.history.values("hiring_manager_id")
            )
        },
    }
    entries: list[Entry] = []

    sheet_records = list(sheet.history.select_related("history_user").order_by("history_date"))
    previous = None
    for record in sheet_records:
        changes = _diff(RequirementSheet, previous, record, SHEET_FIELDS, lookups)
        if changes or previous is None or record.history_change_reason:
            entries.append(
                Entry(
                    when=record.history_date,
                    who=_who(record),
                    what=_("创建需求表") if previous is None else _("修改需求表"),
                    reason=record.history_change_reason or "",
                    changes=changes,
                    sheet_history_id=record.history_id,
                )
            )
        previous = record

    methods = item_methods_by_record(sheet.pk)
    last_item: dict[int, object] = {}
    item_records = SheetItem.history.filter(sheet_id=sheet.pk).select_related("history_user")
    for record in item_records.order_by("history_date", "history_id"):
        before = last_item.get(record.id)
        if record.history_type == "-":
            entries.append(
                Entry(
                    record.history_date,
                    _who(record),
                    _("删除条目「%(name)s」") % {"name": record.name},
                )
            )
            last_item.pop(record.id, None)
            continue
        changes = _diff(SheetItem, before, record, ITEM_FIELDS, lookups)
        old_methods = "、".join(methods.get(before.history_id, [])) if before else ""
        new_methods = "、".join(methods.get(record.history_id, []))
        if before is not None and old_methods != new_methods:
            changes.append(
                Change(_label(SheetItem, "methods"), old_methods or "—", new_methods or "—")
            )
        if before is None:
            what = _("添加条目「%(name)s」") % {"name": record.name}
        else:
            what = _("修改条目「%(name)s」") % {"name": record.name}
        if changes or before is None:
            entries.append(Entry(record.history_date, _who(record), what, changes=changes))
        last_item[record.id] = record

    previous = None
    posting_records = JobPosting.history.filter(sheet_id=sheet.pk).select_related("history_user")
    for record in posting_records.order_by("history_date"):
        changes = _diff(JobPosting, previous, record, POSTING_FIELDS, {})
        if changes and previous is not None:
            entries.append(
                Entry(record.history_date, _who(record), _("修改职位发布"), changes=changes)
            )
        previous = record

    # Merge bursts: an item saved together with its methods makes two records a moment apart.
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
