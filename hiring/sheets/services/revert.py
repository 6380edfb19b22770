"""Going back to an earlier recorded version of a draft."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hiring.catalog.models import AssessmentMethod

from .. import reasons
from ..models import JobPosting, RequirementSheet, Review, ScreeningKit, SheetItem
from ..selectors.history import item_method_ids_by_record
from . import base
from .approval import record_review

# What a revert puts back of the sheet itself; status, owner and version stay as they are.
REVERTED_SHEET_FIELDS = [
    *RequirementSheet.BASIC_FIELDS,
    "preset",
    "industry",
    "preset_applied_at",
    "challenge_slugs",
]


@transaction.atomic
def sheet_revert(
    *, sheet: RequirementSheet, actor, history_id: int, expected_version: int
) -> RequirementSheet:
    """Puts a draft back as it was at one of its recorded versions: fields, items, posting.
    Only what differs from that version is written, each change in the actor's name."""
    base.ensure_author(sheet=sheet, actor=actor)
    target = sheet.history.filter(history_id=history_id).first()
    if target is None:
        raise base.TransitionRefused(_("找不到这个版本。"))
    when = target.history_date
    base.claim_version(
        sheet=sheet, actor=actor, expected_version=expected_version, last_step="basics"
    )

    values = {}
    for name in REVERTED_SHEET_FIELDS:
        attname = RequirementSheet._meta.get_field(name).attname
        values[attname] = getattr(target, attname)
    changed = [name for name, value in values.items() if getattr(sheet, name) != value]
    for name in changed:
        setattr(sheet, name, values[name])
    sheet.wizard_state = {}
    base.save_sheet_quietly(sheet)

    latest = {}
    records = SheetItem.history.filter(sheet_id=sheet.pk, history_date__lte=when)
    for record in records.order_by("history_date", "history_id"):
        latest[record.id] = record
    alive = {pk: record for pk, record in latest.items() if record.history_type != "-"}
    method_ids = item_method_ids_by_record(sheet.pk)
    # A method deleted from the catalog since cannot be put back.
    known = set(
        AssessmentMethod.objects.filter(
            pk__in={pk for ids in method_ids.values() for pk in ids}
        ).values_list("pk", flat=True)
    )
    current = {item.pk: item for item in sheet.items.prefetch_related("methods")}
    for pk, item in current.items():
        if pk not in alive:
            base.delete_item(item, actor=actor)
            changed.append(pk)
    for pk, record in alive.items():
        item = current.get(pk)
        loaded_state = None
        if item is None:
            item = SheetItem(pk=pk, sheet=sheet)
        else:
            loaded_state = base.item_state(item, [m.pk for m in item.methods.all()])
        for name in SheetItem.CONTENT_FIELDS:
            setattr(item, name, getattr(record, name))
        ids = [m for m in method_ids.get(record.history_id, []) if m in known]
        if base.save_item(item, ids, actor=actor, loaded_state=loaded_state):
            changed.append(pk)

    posting_record = (
        JobPosting.history.filter(sheet_id=sheet.pk, history_date__lte=when)
        .order_by("-history_date", "-history_id")
        .first()
    )
    if posting_record is not None and posting_record.history_type != "-":
        posting = JobPosting.objects.get(sheet=sheet)
        fields = base.assign(
            posting,
            {name: getattr(posting_record, name) for name in JobPosting.EDITABLE_FIELDS},
            JobPosting.EDITABLE_FIELDS,
        )
        if fields:
            base.save_posting(posting, actor=actor, fields=fields)
            changed.extend(fields)

    changed.extend(_revert_kit(sheet=sheet, when=when, actor=actor))

    if changed:
        base.record_history(
            sheet,
            actor=actor,
            reason=reasons.reason(
                reasons.REVERTED, timezone.localtime(when).strftime("%Y-%m-%d %H:%M:%S")
            ),
        )
    record_review(sheet=sheet, actor=actor, action=Review.Action.REVERTED)
    return sheet


def _revert_kit(*, sheet: RequirementSheet, when, actor) -> list[str]:
    """Puts the screening kit back as it was at `when`: as saved then, or derived from the
    sheet (no saved kit) if none was saved yet. Returns the fields that changed."""
    record = (
        ScreeningKit.history.filter(sheet_id=sheet.pk, history_date__lte=when)
        .order_by("-history_date", "-history_id")
        .first()
    )
    kit = ScreeningKit.objects.filter(sheet=sheet).first()
    if record is None or record.history_type == "-":
        if kit is None:
            return []
        kit._history_user = actor
        kit.delete()
        return ["screening_kit"]
    kit = kit or ScreeningKit(sheet=sheet)
    fields = [
        name
        for name in ScreeningKit.CONTENT_FIELDS
        if kit.pk is None or getattr(kit, name) != getattr(record, name)
    ]
    if not fields:
        return []
    for name in ScreeningKit.CONTENT_FIELDS:
        setattr(kit, name, getattr(record, name))
    kit.full_clean()
    kit._history_user = actor
    kit.save()
    return fields
