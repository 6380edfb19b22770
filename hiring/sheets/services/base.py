"""What every sheet service shares: the refusals, the access check, the version claim, and
saving with one history record per real change, in the actor's name."""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.utils import timezone

from .. import access
from ..models import JobPosting, RequirementSheet, SheetItem


class SheetConflict(Exception):
    """The sheet was saved elsewhere after the page that sends this change was loaded."""


class SheetNotEditable(Exception):
    """The sheet is past editing (submitted, approved or archived)."""


class TransitionRefused(Exception):
    """A step that is not allowed now; the message says why, for the user."""


class SheetTooLarge(TransitionRefused):
    """A save would take the sheet past SHEET_MAX_ITEMS or SHEET_MAX_CHARS; nothing is saved."""


class WizardStateTooLarge(Exception):
    """Unsaved input beyond what one sheet may keep; the message says so, for the user."""


def ensure_author(*, sheet: RequirementSheet, actor) -> None:
    """Only the sheet's author changes it; anyone else is refused outright (403)."""
    if not access.is_author.test(actor, sheet):
        raise PermissionDenied


def claim_version(*, sheet: RequirementSheet, actor, expected_version: int, last_step: str) -> None:
    """Moves the sheet to the next version, or fails if someone else got there first.

    The compare-and-set happens in one UPDATE, so two concurrent saves cannot both win.
    """
    ensure_author(sheet=sheet, actor=actor)
    if not access.may_edit.test(actor, sheet):
        raise SheetNotEditable
    updated = RequirementSheet.objects.filter(pk=sheet.pk, version=expected_version).update(
        version=F("version") + 1, last_step=last_step, updated_at=timezone.now()
    )
    if not updated:
        raise SheetConflict
    sheet.version = expected_version + 1
    sheet.last_step = last_step


def assign(obj, values: dict, names) -> list[str]:
    """Sets those of `names` that `values` holds on `obj`; returns the ones whose value changed."""
    changed = []
    for name in names:
        if name not in values:
            continue
        field = obj._meta.get_field(name)
        value = values[name]
        raw = value.pk if field.is_relation and value is not None else value
        if getattr(obj, field.attname) != raw:
            setattr(obj, name, value)
            changed.append(name)
    return changed


def save_sheet_quietly(sheet: RequirementSheet) -> None:
    """Saves without a history record; `record_history` records one when the change is done."""
    sheet.full_clean()
    sheet.save_without_historical_record()


def record_history(sheet: RequirementSheet, *, actor, reason: str = "") -> None:
    """One sheet record for a change to the sheet, its items or its posting: the version a
    revert goes back to. Called only when something changed. Without a `reason`, the timeline
    shows the change by the item and posting records it made."""
    # The version bump of `claim_version` is a queryset update, which history does not see.
    sheet.refresh_from_db()
    sheet._history_user = actor
    sheet._change_reason = reason
    sheet.save(update_fields=["updated_at"])


def item_state(item: SheetItem, method_ids) -> tuple:
    return (tuple(getattr(item, name) for name in SheetItem.CONTENT_FIELDS), frozenset(method_ids))


def save_item(item: SheetItem, method_ids, *, actor, loaded_state: tuple | None = None) -> bool:
    """Saves an item and its methods (given as ids) as one history record, in a fixed number
    of queries. With `loaded_state` (the item as read before the edit), nothing is written when
    the edit changed nothing. Returns whether anything was written."""
    method_ids = set(method_ids)
    if loaded_state is not None and item_state(item, method_ids) == loaded_state:
        return False
    item.full_clean()
    item.save_without_historical_record()
    # A prefetched list belongs to the row this item was loaded as (a copy has a new pk).
    getattr(item, "_prefetched_objects_cache", {}).pop("methods", None)
    item.skip_history_when_saving = True
    try:
        item.methods.set(method_ids)
    finally:
        del item.skip_history_when_saving
    # The record is written once the methods are in place, so it holds them too.
    item._history_user = actor
    item.save(update_fields=["updated_at"])
    return True


def create_items(items: list[tuple[SheetItem, list[int]]], *, actor) -> None:
    """Inserts new items with their methods (given as ids), each with the one history record
    `save_item` would write (methods included), in a fixed number of queries for any number
    of items: a new sheet's items from its preset, or a copy's.

    Their sheet and the catalog rows they point to were read in this transaction, and no
    capability comes twice, so `full_clean` leaves out the lookups it would make per item to
    check the keys and the one-per-capability constraint (the database holds both)."""
    relations = [field.name for field in SheetItem._meta.concrete_fields if field.is_relation]
    for item, _method_ids in items:
        item.full_clean(exclude=relations, validate_constraints=False)
    new_items = SheetItem.objects.bulk_create([item for item, _method_ids in items])
    Methods = SheetItem.methods.through
    links = Methods.objects.bulk_create(
        Methods(sheetitem_id=item.pk, assessmentmethod_id=method_id)
        for item, method_ids in items
        for method_id in set(method_ids)
    )
    records = SheetItem.history.bulk_history_create(
        new_items, update=True, default_user=actor, default_change_reason=None
    )
    record_of_item = {record.id: record for record in records}
    HistoricalMethods = apps.get_model("sheets", "HistoricalSheetItem_methods")
    HistoricalMethods.objects.bulk_create(
        HistoricalMethods(
            history=record_of_item[link.sheetitem_id],
            id=link.pk,
            sheetitem_id=link.sheetitem_id,
            assessmentmethod_id=link.assessmentmethod_id,
        )
        for link in links
    )


def delete_item(item: SheetItem, *, actor) -> None:
    item._history_user = actor
    item.delete()


def save_posting(posting: JobPosting, *, actor, fields: list[str] | None = None) -> None:
    """Saves the posting (only `fields` when given), with its history record."""
    posting.full_clean()
    posting._history_user = actor
    posting.save(update_fields=[*fields, "updated_at"] if fields else None)
