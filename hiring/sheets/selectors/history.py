"""The recorded history of a sheet, its items and its posting, as a readable timeline.

The timeline is built in steps, each a function below: entries from the sheet's records,
from its items' and from its posting's; then the sheet records that only mark a change of
items or posting (the versions a revert goes back to) are put on the entries of that change;
then what a named operation (created from a preset, a revert, a copy) did to items and the
posting is folded under the operation's own entry.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from hiring.accounts.names import display_name
from hiring.catalog.models import AssessmentMethod, Preset, Priority

from ..models import JobPosting, RequirementSheet, SheetItem
from ..reasons import reason_text

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


@dataclass(frozen=True)
class RevertPoint:
    """A sheet record with no change of its own: the version saved by a change to items or
    the posting, whose entries fall after `since` (the time of the record before it)."""

    since: datetime
    record: object


@dataclass(frozen=True)
class Operation:
    """The entry of a named operation; what it did to items and the posting falls after
    `since` (the time of the sheet record before it; None for the first)."""

    since: datetime | None
    entry: Entry


def sheet_timeline(*, sheet: RequirementSheet) -> list[Entry]:
    """Every recorded change, newest first: eight queries whatever the length of the history."""
    lookups = _lookups(sheet)
    sheet_entries, revert_points, operations = _sheet_entries(sheet, lookups)
    entries = [*sheet_entries, *_item_entries(sheet, lookups), *_posting_entries(sheet)]
    _offer_reverts(entries, revert_points)
    entries = _fold_operations(entries, operations)
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


# --- the steps of the timeline ----------------------------------------------------------


def _lookups(sheet: RequirementSheet) -> dict[str, dict]:
    """Names for the ids that records hold, by field."""
    return {
        "priority_id": {p.pk: p.name for p in Priority.objects.all()},
        "preset_id": {p.pk: p.name for p in Preset.objects.all()},
        "hiring_manager_id": {
            u.pk: display_name(u)
            for u in get_user_model().objects.filter(
                pk__in=sheet.history.values("hiring_manager_id")
            )
        },
    }


def _sheet_entries(
    sheet: RequirementSheet, lookups: dict
) -> tuple[list[Entry], list[RevertPoint], list[Operation]]:
    """An entry for each sheet record that changed the sheet or names what was done; the
    records that only mark a change elsewhere become revert points."""
    entries: list[Entry] = []
    revert_points: list[RevertPoint] = []
    operations: list[Operation] = []
    previous = None
    for record in sheet.history.select_related("history_user").order_by("history_date"):
        changes = _diff(RequirementSheet, previous, record, SHEET_FIELDS, lookups)
        reason = reason_text(record.history_change_reason)
        if previous is not None and not changes and not reason:
            revert_points.append(RevertPoint(since=previous.history_date, record=record))
        else:
            entry = _sheet_entry(record, first=previous is None, changes=changes, reason=reason)
            entries.append(entry)
            if record.history_change_reason:
                since = previous.history_date if previous is not None else None
                operations.append(Operation(since=since, entry=entry))
        previous = record
    return entries, revert_points, operations


def _sheet_entry(record, *, first: bool, changes: list[Change], reason: str) -> Entry:
    if first:
        what = _("创建需求表")
    elif changes:
        what = _("修改需求表")
    else:
        # Nothing of the sheet changed: the reason (a revert, a copy …) is what happened.
        what, reason = reason, ""
    return Entry(
        when=record.history_date,
        who=_who(record),
        what=what,
        reason=reason,
        changes=changes,
        sheet_history_id=record.history_id,
    )


def _item_entries(sheet: RequirementSheet, lookups: dict) -> list[Entry]:
    """An entry for each item added or deleted, and for each change of one."""
    methods = _item_methods(sheet.pk)
    entries: list[Entry] = []
    last: dict[int, object] = {}  # the latest record of each item still on the sheet
    records = SheetItem.history.filter(sheet_id=sheet.pk).select_related("history_user")
    for record in records.order_by("history_date", "history_id"):
        if record.history_type == "-":
            what = _("删除条目「%(name)s」") % {"name": record.name}
            entries.append(Entry(record.history_date, _who(record), what))
            last.pop(record.id, None)
            continue
        before = last.get(record.id)
        last[record.id] = record
        changes = _item_changes(before, record, lookups, methods)
        if before is None:
            what = _("添加条目「%(name)s」") % {"name": record.name}
        elif changes:
            what = _("修改条目「%(name)s」") % {"name": record.name}
        else:
            continue
        entries.append(Entry(record.history_date, _who(record), what, changes=changes))
    return entries


def _item_methods(sheet_id: int) -> dict[int, str]:
    """The assessment methods of every recorded item version, as the timeline writes them."""
    names = dict(AssessmentMethod.objects.values_list("pk", "name"))
    return {
        history_id: "、".join(names[pk] for pk in ids if pk in names)
        for history_id, ids in item_method_ids_by_record(sheet_id).items()
    }


def _item_changes(before, record, lookups: dict, methods: dict[int, str]) -> list[Change]:
    changes = _diff(SheetItem, before, record, SHOWN_ITEM_FIELDS, lookups)
    if before is not None:
        old = methods.get(before.history_id, "")
        new = methods.get(record.history_id, "")
        if old != new:
            changes.append(Change(_label(SheetItem, "methods"), old or "—", new or "—"))
    return changes


def _posting_entries(sheet: RequirementSheet) -> list[Entry]:
    """An entry for each change of the posting after it was made with the sheet."""
    entries: list[Entry] = []
    previous = None
    records = JobPosting.history.filter(sheet_id=sheet.pk).select_related("history_user")
    for record in records.order_by("history_date"):
        if previous is not None:
            changes = _diff(JobPosting, previous, record, POSTING_FIELDS, {})
            if changes:
                entries.append(
                    Entry(record.history_date, _who(record), _("修改职位发布"), changes=changes)
                )
        previous = record
    return entries


def _offer_reverts(entries: list[Entry], revert_points: list[RevertPoint]) -> None:
    """The last entry of the change a revert point saved is where the page offers it."""
    for point in revert_points:
        own = [e for e in entries if point.since < e.when <= point.record.history_date]
        if own:
            max(own, key=lambda e: e.when).sheet_history_id = point.record.history_id


def _fold_operations(entries: list[Entry], operations: list[Operation]) -> list[Entry]:
    """Moves the entries of what each operation did under its entry, as its parts."""
    for operation in operations:
        until = operation.entry.when
        operation.entry.parts = sorted(
            (
                e
                for e in entries
                if e is not operation.entry
                and e.sheet_history_id is None
                and (operation.since is None or operation.since < e.when)
                and e.when <= until
            ),
            key=lambda e: e.when,
        )
    folded = {id(part) for operation in operations for part in operation.entry.parts}
    return [e for e in entries if id(e) not in folded]


# --- how a record reads ---------------------------------------------------------------


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
