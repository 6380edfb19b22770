"""Reads the recorded history of a sheet, its items and its posting as a readable timeline."""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from hiring.accounts.names import display_name
from hiring.catalog.models import AssessmentMethod, Preset, Priority

from .models import JobPosting, RequirementSheet, SheetItem
from .reasons import reason_text

SHEET_FIELDS = [
    RequirementSheet._meta.get_field(name).attname
    for name in (*RequirementSheet.BASIC_FIELDS, "status", "preset")
]
# An item's category and source never change after it is added: the timeline leaves them out.
SHOWN_ITEM_FIELDS = [
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
    # What one operation (creating from a preset, a revert, a copy) did to items and the
    # posting: listed under it instead of as entries of their own.
    parts: list["Entry"] = field(default_factory=list)


def item_method_ids_by_record(sheet_id: int) -> dict[int, list[int]]:
    """Assessment method ids of every recorded item version of the sheet, in one query."""
    through = apps.get_model("sheets", "HistoricalSheetItem_methods")
    ids: dict[int, list[int]] = {}
    rows = through.objects.filter(history__sheet_id=sheet_id).order_by(
        "assessmentmethod__order", "assessmentmethod_id"
    )
    for history_id, method_id in rows.values_list("history_id", "assessmentmethod_id"):
        ids.setdefault(history_id, []).append(method_id)
    return ids


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
    if isinstance(value, str):
        # Browsers send line breaks as CRLF: text saved before input kept only LF is the same.
        value = value.replace("\r\n", "\n")
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
    """Every recorded change, newest first: eight queries whatever the length of the history."""
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
    # Records that mark a change to items or the posting (the versions a revert goes back
    # to), each with the time of the record before it: the change's own entries show it.
    marks: list[tuple[datetime, object]] = []
    # Named operations, each with the time of the record before it and its own entry.
    operations: list[tuple[datetime | None, datetime, Entry]] = []
    previous = None
    for record in sheet_records:
        changes = _diff(RequirementSheet, previous, record, SHEET_FIELDS, lookups)
        reason = reason_text(record.history_change_reason)
        if previous is not None and not changes and not reason:
            marks.append((previous.history_date, record))
        else:
            if previous is None:
                what = _("创建需求表")
            elif changes:
                what = _("修改需求表")
            else:
                what, reason = reason, ""
            entry = Entry(
                when=record.history_date,
                who=_who(record),
                what=what,
                reason=reason,
                changes=changes,
                sheet_history_id=record.history_id,
            )
            entries.append(entry)
            if record.history_change_reason:
                since = previous.history_date if previous is not None else None
                operations.append((since, record.history_date, entry))
        previous = record

    method_names = dict(AssessmentMethod.objects.values_list("pk", "name"))
    method_ids = item_method_ids_by_record(sheet.pk)

    def methods(record) -> str:
        names = [
            method_names[pk] for pk in method_ids.get(record.history_id, ()) if pk in method_names
        ]
        return "、".join(names)

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
        changes = _diff(SheetItem, before, record, SHOWN_ITEM_FIELDS, lookups)
        old_methods = methods(before) if before else ""
        new_methods = methods(record)
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

    for since, record in marks:
        own = [e for e in entries if since < e.when <= record.history_date]
        if own:
            max(own, key=lambda e: e.when).sheet_history_id = record.history_id
    for since, until, operation in operations:
        operation.parts = sorted(
            (
                e
                for e in entries
                if e is not operation
                and e.sheet_history_id is None
                and (since is None or since < e.when)
                and e.when <= until
            ),
            key=lambda e: e.when,
        )
    folded = {id(part) for _since, _until, operation in operations for part in operation.parts}
    entries = [e for e in entries if id(e) not in folded]
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def revert_target(*, sheet: RequirementSheet, history_id: int) -> Entry | None:
    """The recorded version of the sheet a revert would go back to, as the page names it."""
    record = sheet.history.filter(history_id=history_id).select_related("history_user").first()
    if record is None:
        return None
    return Entry(
        when=record.history_date,
        who=_who(record),
        what=reason_text(record.history_change_reason),
        sheet_history_id=record.history_id,
    )
