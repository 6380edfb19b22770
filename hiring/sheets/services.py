"""Every write to a requirement sheet goes through one of these functions."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from hiring.catalog.models import AssessmentMethod, Capability, Preset, Priority

from .models import JobPosting, RequirementSheet, SheetItem

DEFAULT_PROCESS_STEPS = ["简历筛选", "面试", "情景模拟", "背景调查", "录用"]
DEFAULT_SCREENING_QUESTION = "请描述一次你成功安抚极度不满客户并解决问题的经历"


class SheetConflict(Exception):
    """The sheet was saved elsewhere after the page that sends this change was loaded."""


class SheetNotEditable(Exception):
    pass


@dataclass
class ItemData:
    """One item as edited in the wizard; `pk` is None for a new item."""

    pk: int | None
    name: str
    requirement: str
    priority: Priority
    methods: Iterable[AssessmentMethod]
    included: bool = True
    order: int = 0


def _claim_version(*, sheet: RequirementSheet, expected_version: int, last_step: str) -> None:
    """Moves the sheet to the next version, or fails if someone else got there first.

    The compare-and-set happens in one UPDATE, so two concurrent saves cannot both win.
    """
    if not sheet.is_editable:
        raise SheetNotEditable
    updated = RequirementSheet.objects.filter(pk=sheet.pk, version=expected_version).update(
        version=F("version") + 1, last_step=last_step, updated_at=timezone.now()
    )
    if not updated:
        raise SheetConflict
    sheet.version = expected_version + 1
    sheet.last_step = last_step


def _record_history(sheet: RequirementSheet, reason: str) -> None:
    # The version bump above is a queryset update, which history does not see.
    sheet.refresh_from_db()
    sheet._change_reason = reason
    sheet.save(update_fields=["updated_at"])


def _items_from_preset(*, sheet: RequirementSheet, preset: Preset) -> None:
    items = preset.items.select_related("capability").prefetch_related("methods")
    for item in items:
        sheet_item = SheetItem(
            sheet=sheet,
            category_id=item.capability.category_id,
            capability_id=item.capability_id,
            name=item.capability.name,
            requirement=item.requirement,
            priority_id=item.priority_id,
            order=item.order,
        )
        sheet_item.full_clean(exclude=["sheet"])
        sheet_item.save()
        sheet_item.methods.set(item.methods.all())


def _posting_from_preset(*, sheet: RequirementSheet, preset: Preset | None) -> None:
    JobPosting.objects.update_or_create(
        sheet=sheet,
        defaults={
            "headline": sheet.role_title,
            "summary": preset.summary if preset else "",
            "responsibilities": preset.responsibilities if preset else "",
            "process_steps": "\n".join(DEFAULT_PROCESS_STEPS),
            "screening_questions": (
                preset.screening_questions
                if preset and preset.screening_questions
                else DEFAULT_SCREENING_QUESTION
            ),
        },
    )


BASIC_FIELDS = [
    "title",
    "role_title",
    "department",
    "headcount",
    "location",
    "schedule",
    "salary_min",
    "salary_max",
    "salary_period",
    "hiring_manager",
]


@transaction.atomic
def sheet_create_from_preset(*, owner, preset: Preset, basics: dict) -> RequirementSheet:
    sheet = RequirementSheet(
        owner=owner,
        preset=preset,
        industry=preset.industry,
        preset_applied_at=timezone.now(),
        last_step="hard",
        **{field: basics[field] for field in BASIC_FIELDS if field in basics},
    )
    sheet.full_clean()
    sheet._change_reason = _("从行业模板创建")
    sheet.save()
    _items_from_preset(sheet=sheet, preset=preset)
    _posting_from_preset(sheet=sheet, preset=preset)
    return sheet


def sheet_items_edited(*, sheet: RequirementSheet) -> bool:
    """True when the items no longer match the preset they came from."""
    if sheet.preset_id is None:
        return sheet.items.exists()
    preset_items = {
        item.capability_id: (item.requirement, item.priority_id, {m.pk for m in item.methods.all()})
        for item in sheet.preset.items.prefetch_related("methods")
    }
    sheet_items = {}
    for item in sheet.items.prefetch_related("methods"):
        if item.capability_id is None or not item.included:
            return True
        sheet_items[item.capability_id] = (
            item.requirement,
            item.priority_id,
            {m.pk for m in item.methods.all()},
        )
    return sheet_items != preset_items


@transaction.atomic
def sheet_update_basics(
    *, sheet: RequirementSheet, expected_version: int, preset: Preset, basics: dict, step: str
) -> RequirementSheet:
    _claim_version(sheet=sheet, expected_version=expected_version, last_step=step)
    for field in BASIC_FIELDS:
        if field in basics:
            setattr(sheet, field, basics[field])
    preset_changed = preset.pk != sheet.preset_id
    if preset_changed:
        sheet.preset = preset
        sheet.industry = preset.industry
        sheet.preset_applied_at = timezone.now()
    sheet.full_clean(exclude=["wizard_state"])
    sheet._change_reason = _("更换行业模板") if preset_changed else _("修改基本信息")
    sheet.save()
    if preset_changed:
        sheet.items.all().delete()
        _items_from_preset(sheet=sheet, preset=preset)
        posting = JobPosting.objects.get(sheet=sheet)
        posting.summary = preset.summary
        posting.responsibilities = preset.responsibilities
        posting.save(update_fields=["summary", "responsibilities", "updated_at"])
    return sheet


@transaction.atomic
def sheet_save_items(
    *,
    sheet: RequirementSheet,
    expected_version: int,
    category_id: int,
    items: list[ItemData],
    step: str,
) -> RequirementSheet:
    """Saves one category's items: edits the existing ones, adds new (custom) ones."""
    _claim_version(sheet=sheet, expected_version=expected_version, last_step=step)
    existing = {item.pk: item for item in sheet.items.filter(category_id=category_id)}
    for data in items:
        item = existing.get(data.pk) if data.pk else None
        if data.pk and item is None:
            continue  # an item of another sheet or category: never touched from here
        if item is None:
            item = SheetItem(sheet=sheet, category_id=category_id)
        item.name = data.name
        item.requirement = data.requirement
        item.priority = data.priority
        item.included = data.included
        item.order = data.order
        item.full_clean(exclude=["sheet"])
        item.save()
        item.methods.set(list(data.methods))
    _record_history(sheet, _("修改条目"))
    return sheet


@transaction.atomic
def sheet_add_capability(
    *, sheet: RequirementSheet, expected_version: int, capability: Capability, step: str
) -> SheetItem:
    _claim_version(sheet=sheet, expected_version=expected_version, last_step=step)
    last = sheet.items.filter(category_id=capability.category_id).aggregate(m=Max("order"))["m"]
    item = SheetItem(
        sheet=sheet,
        category_id=capability.category_id,
        capability=capability,
        name=capability.name,
        requirement=capability.requirement,
        priority_id=capability.default_priority_id,
        order=(last or 0) + 1,
    )
    item.full_clean(exclude=["sheet"])
    item.save()
    item.methods.set(capability.default_methods.all())
    _record_history(sheet, _("从能力库添加条目"))
    return item


@transaction.atomic
def sheet_update_posting(
    *, sheet: RequirementSheet, expected_version: int, posting_data: dict, step: str
) -> JobPosting:
    _claim_version(sheet=sheet, expected_version=expected_version, last_step=step)
    posting, _created = JobPosting.objects.get_or_create(sheet=sheet)
    for field, value in posting_data.items():
        setattr(posting, field, value)
    posting.full_clean()
    posting.save()
    _record_history(sheet, _("修改职位发布"))
    return posting


@transaction.atomic
def sheet_touch_step(*, sheet: RequirementSheet, expected_version: int, step: str) -> None:
    """Records the step reached when a step has nothing to save (the review step)."""
    _claim_version(sheet=sheet, expected_version=expected_version, last_step=step)


def sheet_set_wizard_state(*, sheet: RequirementSheet, state: dict) -> None:
    """Keeps input that could not be saved yet (invalid, left with Back) for the return."""
    if state != sheet.wizard_state:
        sheet.wizard_state = state
        RequirementSheet.objects.filter(pk=sheet.pk).update(wizard_state=state)


@transaction.atomic
def sheet_duplicate(*, sheet: RequirementSheet, owner, title: str) -> RequirementSheet:
    items = list(sheet.items.prefetch_related("methods"))
    copy = RequirementSheet(
        owner=owner,
        title=title[:120],
        preset=sheet.preset,
        preset_applied_at=sheet.preset_applied_at,
        industry=sheet.industry,
        last_step="basics",
        **{field: getattr(sheet, field) for field in BASIC_FIELDS if field != "title"},
    )
    copy.full_clean()
    copy._change_reason = _("复制自「%(title)s」") % {"title": sheet.title}
    copy.save()
    for item in items:
        methods = list(item.methods.all())
        item.pk = None
        item.sheet = copy
        item.save()
        item.methods.set(methods)
    posting = getattr(sheet, "posting", None)
    if posting is not None:
        posting.pk = None
        posting.sheet = copy
        posting.save()
    else:
        _posting_from_preset(sheet=copy, preset=sheet.preset)
    return copy


@transaction.atomic
def sheet_delete(*, sheet: RequirementSheet) -> None:
    if sheet.status != RequirementSheet.Status.DRAFT:
        raise SheetNotEditable
    sheet.delete()
