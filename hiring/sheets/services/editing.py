"""Building and editing a sheet: from a preset, step by step in the wizard, as a copy."""

import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max, Sum
from django.db.models.functions import Length
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from hiring.catalog.models import (
    AssessmentMethod,
    Capability,
    CoreChallenge,
    Industry,
    Preset,
    Priority,
    split_lines,
)
from hiring.common.translated import content_language, language_code

from .. import access, reasons
from ..challenges import (
    ChallengeChange,
    PlannedItem,
    challenges_by_slugs,
    plan_changes,
    plan_items,
    screening_questions,
)
from ..models import JobPosting, RequirementSheet, ScreeningKit, SheetItem
from .base import (
    SheetNotEditable,
    SheetTooLarge,
    TransitionRefused,
    WizardStateTooLarge,
    assign,
    claim_version,
    create_items,
    delete_item,
    ensure_author,
    item_state,
    record_history,
    save_item,
    save_posting,
    save_sheet_quietly,
)

# Content of a new posting, translated into the sheet's language when it is written.
DEFAULT_PROCESS_STEPS = [
    gettext_noop("简历筛选"),
    gettext_noop("面试"),
    gettext_noop("情景模拟"),
    gettext_noop("背景调查"),
    gettext_noop("录用"),
]
DEFAULT_SCREENING_QUESTION = gettext_noop("请描述一次你成功安抚极度不满客户并解决问题的经历")
BASIC_FIELDS = RequirementSheet.BASIC_FIELDS
SCORECARD_FIELDS = ("interview_prompts", "anchor_1", "anchor_3", "anchor_5")
TEXT_FIELDS = ("name", "requirement", *SCORECARD_FIELDS)


def check_sheet_size(*, sheet: RequirementSheet) -> None:
    """Raises SheetTooLarge when the sheet, as saved in this transaction, holds more items or
    item text than SHEET_MAX_ITEMS / SHEET_MAX_CHARS allow."""
    totals = sheet.items.aggregate(
        count=Count("pk"),
        chars=Sum(sum((Length(name) for name in TEXT_FIELDS[1:]), Length("name"))),
    )
    count, chars = totals["count"], totals["chars"] or 0
    if count > settings.SHEET_MAX_ITEMS:
        raise SheetTooLarge(
            _("一份需求表最多 %(limit)d 个条目，保存后会有 %(count)d 个。请删去一些条目再保存。")
            % {"limit": settings.SHEET_MAX_ITEMS, "count": count}
        )
    if chars > settings.SHEET_MAX_CHARS:
        raise SheetTooLarge(
            _(
                "一份需求表的条目文字最多 %(limit)d 字，保存后会有 %(count)d 字。"
                "请缩短要求、面试问题或评分描述再保存。"
            )
            % {"limit": settings.SHEET_MAX_CHARS, "count": chars}
        )


# What `sheet_edited_since_preset` compares of an item with the plan (methods aside).
EDIT_FIELDS = ("requirement", "priority_id", "order", *SCORECARD_FIELDS, "challenge_note")


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
    deleted: bool = False  # a custom item taken off the sheet; library items are switched off
    # Scorecard text (SheetItem fields of the same names); None leaves the item's own as is.
    interview_prompts: str | None = None
    anchor_1: str | None = None
    anchor_3: str | None = None
    anchor_5: str | None = None


def generic_scorecard() -> dict[str, str]:
    """The rating scale of a custom item until its author writes a better one, in the active
    language (a sheet's content language where it is written into a sheet)."""
    return {
        "interview_prompts": "",
        "anchor_1": _("明显达不到要求：举不出相关经历或做法，或做法有明显问题。"),
        "anchor_3": _("基本达到要求：能举出相关经历，做法合理，但不够完整或需要提示。"),
        "anchor_5": _("超出要求：经历具体、结果可验证，能讲清思路并主动改进。"),
    }


def capability_scorecard(
    *, capability: Capability, industry: Industry, industry_names: list[str] | None = None
) -> dict[str, str]:
    """The capability's prompts and anchors for the industry; generic anchors where it has none."""
    if industry_names is None:
        industry_names = list(Industry.objects.values_list("name", flat=True))
    fields = capability.scorecard_text(industry=industry, industry_names=industry_names)
    generic = generic_scorecard()
    for name in ("anchor_1", "anchor_3", "anchor_5"):
        fields[name] = fields[name] or generic[name]
    return fields


def _scorecard_source(industry: Industry):
    """`capability_scorecard` for one industry, the industry names read once."""
    industry_names = list(Industry.objects.values_list("name", flat=True))
    return lambda capability: capability_scorecard(
        capability=capability, industry=industry, industry_names=industry_names
    )


def sheet_plan(
    *, sheet: RequirementSheet, preset: Preset | None = None, challenge_slugs=None
) -> dict[int, PlannedItem]:
    """The items the sheet's preset and challenges (or the ones given) make, by capability,
    in the sheet's language: catalog texts and the challenges' notes alike."""
    preset = sheet.preset if preset is None else preset
    slugs = sheet.challenge_slugs if challenge_slugs is None else challenge_slugs
    with content_language(sheet.language):
        return plan_items(
            preset=preset,
            challenges=challenges_by_slugs(slugs),
            industry=preset.industry if preset is not None else sheet.industry,
            scorecard_for=_scorecard_source(preset.industry if preset else sheet.industry),
        )


def write_planned_item(planned: PlannedItem, *, sheet: RequirementSheet, actor, item=None) -> bool:
    """Writes `planned` into `item` (a new item of the sheet when None); True if it changed."""
    loaded_state = None
    if item is None:
        item = SheetItem(sheet=sheet)
    else:
        loaded_state = item_state(item, [m.pk for m in item.methods.all()])
    item.category_id = planned.category_id
    item.capability_id = planned.capability_id
    item.name = planned.name
    item.requirement = planned.requirement
    item.priority_id = planned.priority_id
    item.included = True
    item.order = planned.order
    item.challenge_note = planned.challenge_note
    for name in SCORECARD_FIELDS:
        setattr(item, name, planned.scorecard[name])
    return save_item(item, planned.method_ids, actor=actor, loaded_state=loaded_state)


def _items_from_preset(*, sheet: RequirementSheet, preset: Preset, actor) -> None:
    """The preset's items, adjusted by the sheet's challenges, on a sheet that has none yet."""
    create_items(
        [
            (
                SheetItem(
                    sheet=sheet,
                    category_id=planned.category_id,
                    capability_id=planned.capability_id,
                    name=planned.name,
                    requirement=planned.requirement,
                    priority_id=planned.priority_id,
                    order=planned.order,
                    challenge_note=planned.challenge_note,
                    **{name: planned.scorecard[name] for name in SCORECARD_FIELDS},
                ),
                planned.method_ids,
            )
            for planned in sheet_plan(sheet=sheet, preset=preset).values()
        ],
        actor=actor,
    )


def _new_posting(*, sheet: RequirementSheet, preset: Preset | None, actor) -> JobPosting:
    with content_language(sheet.language):
        posting = JobPosting(
            sheet=sheet,
            headline=sheet.role_title,
            summary=preset.summary if preset else "",
            responsibilities=preset.responsibilities if preset else "",
            process_steps="\n".join(_(step) for step in DEFAULT_PROCESS_STEPS),
            screening_questions=(
                preset.screening_questions
                if preset and preset.screening_questions
                else _(DEFAULT_SCREENING_QUESTION)
            ),
        )
        posting.screening_questions = with_challenge_questions(
            posting.screening_questions, old=[], new=challenges_by_slugs(sheet.challenge_slugs)
        )
    save_posting(posting, actor=actor)
    return posting


@transaction.atomic
def sheet_create_from_preset(
    *,
    actor,
    preset: Preset,
    basics: dict,
    challenges: Iterable[CoreChallenge] = (),
    language: str | None = None,
) -> RequirementSheet:
    """A new draft owned by `actor`, with the preset's items and posting text, adjusted by
    the `challenges`, in `language` (by default the active one, the author's): the sheet
    keeps it for its own content whoever reads it later."""
    if not actor.has_perm(access.CREATE):
        raise PermissionDenied
    sheet = RequirementSheet(
        owner=actor,
        language=language_code(language or translation.get_language()),
        preset=preset,
        industry=preset.industry,
        preset_applied_at=timezone.now(),
        last_step="hard",
        challenge_slugs=checked_challenge_slugs(challenges),
        **{field: basics[field] for field in BASIC_FIELDS if field in basics},
    )
    save_sheet_quietly(sheet)
    _items_from_preset(sheet=sheet, preset=preset, actor=actor)
    _new_posting(sheet=sheet, preset=preset, actor=actor)
    record_history(sheet, actor=actor, reason=reasons.CREATED_FROM_PRESET)
    return sheet


def sheet_edited_since_preset(*, sheet: RequirementSheet) -> bool:
    """True when items (text, priority, methods, order, choice, interview questions and
    anchors, the challenges' notes) or the posting's preset text no longer match what the
    preset and the sheet's challenges make: changing the preset would then overwrite
    someone's work."""
    if sheet.preset_id is None:
        return sheet.items.exists()
    preset = sheet.preset
    posting = JobPosting.objects.filter(sheet=sheet).first()
    with content_language(sheet.language):
        preset_text = (preset.summary, preset.responsibilities)
    if posting and (posting.summary, posting.responsibilities) != preset_text:
        return True

    def state(values: dict, method_ids) -> tuple:
        return (*(values[name] for name in EDIT_FIELDS), frozenset(method_ids))

    planned = {
        pk: state({**vars(p), **p.scorecard, "challenge_note": p.challenge_note}, p.method_ids)
        for pk, p in sheet_plan(sheet=sheet).items()
    }
    sheet_items = {}
    for item in sheet.items.prefetch_related("methods"):
        if item.capability_id is None or not item.included:
            return True
        sheet_items[item.capability_id] = state(
            {name: getattr(item, name) for name in EDIT_FIELDS},
            [m.pk for m in item.methods.all()],
        )
    return sheet_items != planned


def checked_challenge_slugs(challenges: Iterable[CoreChallenge]) -> list[str]:
    """The slugs of `challenges` in the catalog's order; more than a sheet may name is refused."""
    challenges = sorted(set(challenges), key=lambda c: (c.order, c.name))
    if len(challenges) > CoreChallenge.MAX_PER_SHEET:
        raise TransitionRefused(
            _("最多选择 %(count)d 个核心挑战。") % {"count": CoreChallenge.MAX_PER_SHEET}
        )
    return [challenge.slug for challenge in challenges]


def with_challenge_questions(text: str, *, old: list, new: list) -> str:
    """The posting's screening questions with those of the `old` challenges taken out (where
    unchanged) and those of the `new` ones added."""
    keep = set(screening_questions(new))
    lines = [
        line for line in split_lines(text) if line in keep or line not in screening_questions(old)
    ]
    lines.extend(q for q in screening_questions(new) if q not in lines)
    return "\n".join(lines)


def sheet_challenge_changes(
    *, sheet: RequirementSheet, challenges: Iterable[CoreChallenge]
) -> list[ChallengeChange]:
    """What picking `challenges` instead of the sheet's present ones would change, item by item,
    and which of the affected items were edited since (their edits would be replaced)."""
    slugs = checked_challenge_slugs(challenges)
    if slugs == list(sheet.challenge_slugs) or sheet.preset_id is None:
        return []
    items = {
        item.capability_id: item
        for item in sheet.items.filter(capability__isnull=False).prefetch_related("methods")
    }
    return plan_changes(
        before=sheet_plan(sheet=sheet),
        after=sheet_plan(sheet=sheet, challenge_slugs=slugs),
        items=items,
    )


def _apply_challenge_change(*, sheet: RequirementSheet, old_slugs: list, actor) -> None:
    """Moves the items affected by the change of challenges to what the new ones make;
    items the change does not touch keep their edits."""
    before = sheet_plan(sheet=sheet, challenge_slugs=old_slugs)
    after = sheet_plan(sheet=sheet)
    items = {
        item.capability_id: item
        for item in sheet.items.filter(capability__isnull=False).prefetch_related("methods")
    }
    for capability_id in {*before, *after}:
        old, new = before.get(capability_id), after.get(capability_id)
        if old is not None and new is not None and old.state() == new.state():
            continue
        item = items.get(capability_id)
        if new is None:
            if item is not None:
                delete_item(item, actor=actor)
            continue
        if item is not None:
            new.order = item.order  # where the author put it
        write_planned_item(new, sheet=sheet, actor=actor, item=item)
    posting = JobPosting.objects.filter(sheet=sheet).first()
    if posting is not None:
        with content_language(sheet.language):
            questions = with_challenge_questions(
                posting.screening_questions,
                old=challenges_by_slugs(old_slugs),
                new=challenges_by_slugs(sheet.challenge_slugs),
            )
        fields = assign(posting, {"screening_questions": questions}, ["screening_questions"])
        if fields:
            save_posting(posting, actor=actor, fields=fields)


@transaction.atomic
def sheet_update_basics(
    *,
    sheet: RequirementSheet,
    actor,
    expected_version: int,
    preset: Preset,
    basics: dict,
    step: str,
    challenges: Iterable[CoreChallenge] | None = None,
) -> RequirementSheet:
    """Saves the basics step. A new preset replaces the items (adjusted by the challenges);
    new `challenges` (None: unchanged) adjust only the items they affect."""
    claim_version(sheet=sheet, actor=actor, expected_version=expected_version, last_step=step)
    changed = assign(sheet, basics, BASIC_FIELDS)
    preset_changed = preset.pk != sheet.preset_id
    old_slugs = list(sheet.challenge_slugs)
    if challenges is not None:
        sheet.challenge_slugs = checked_challenge_slugs(challenges)
    challenges_changed = sheet.challenge_slugs != old_slugs
    if preset_changed:
        sheet.preset = preset
        sheet.industry = preset.industry
        sheet.preset_applied_at = timezone.now()
    if not (changed or preset_changed or challenges_changed):
        return sheet
    save_sheet_quietly(sheet)
    if preset_changed:
        # Unsaved wizard input belongs to the old items; it would no longer fit.
        sheet.wizard_state = {}
        RequirementSheet.objects.filter(pk=sheet.pk).update(wizard_state={})
        for item in sheet.items.all():
            delete_item(item, actor=actor)
        _items_from_preset(sheet=sheet, preset=preset, actor=actor)
        posting = JobPosting.objects.get(sheet=sheet)
        with content_language(sheet.language):
            preset_text = {
                "summary": preset.summary,
                "responsibilities": preset.responsibilities,
                "screening_questions": with_challenge_questions(
                    posting.screening_questions,
                    old=challenges_by_slugs(old_slugs),
                    new=challenges_by_slugs(sheet.challenge_slugs),
                ),
            }
        fields = assign(posting, preset_text, list(preset_text))
        if fields:
            save_posting(posting, actor=actor, fields=fields)
    elif challenges_changed:
        sheet.wizard_state = {}
        RequirementSheet.objects.filter(pk=sheet.pk).update(wizard_state={})
        _apply_challenge_change(sheet=sheet, old_slugs=old_slugs, actor=actor)
    if preset_changed:
        reason = reasons.PRESET_CHANGED
    elif challenges_changed:
        reason = reasons.CHALLENGES_CHANGED
    else:
        reason = reasons.BASICS_CHANGED
    record_history(sheet, actor=actor, reason=reason)
    return sheet


@transaction.atomic
def sheet_save_items(
    *,
    sheet: RequirementSheet,
    actor,
    expected_version: int,
    category_id: int,
    items: list[ItemData],
    step: str,
) -> RequirementSheet:
    """Saves one category's items: edits the existing ones, adds new (custom) ones."""
    claim_version(sheet=sheet, actor=actor, expected_version=expected_version, last_step=step)
    existing = {
        item.pk: item
        for item in sheet.items.filter(category_id=category_id).prefetch_related("methods")
    }
    changed = False
    for data in items:
        item = existing.get(data.pk) if data.pk else None
        if data.pk and item is None:
            continue  # an item of another sheet or category: never touched from here
        if item is not None and data.deleted and item.capability_id is None:
            item.delete()
            changed = True
            continue
        loaded_state = None
        if item is None:
            with content_language(sheet.language):
                item = SheetItem(sheet=sheet, category_id=category_id, **generic_scorecard())
        else:
            loaded_state = item_state(item, [m.pk for m in item.methods.all()])
        item.name = data.name
        item.requirement = data.requirement
        item.priority_id = data.priority.pk
        item.included = data.included
        item.order = data.order
        for name in SCORECARD_FIELDS:
            value = getattr(data, name)
            if value is not None:
                setattr(item, name, value)
        method_ids = [m.pk for m in data.methods]
        changed |= save_item(item, method_ids, actor=actor, loaded_state=loaded_state)
    if changed:
        check_sheet_size(sheet=sheet)
        record_history(sheet, actor=actor)
    return sheet


@transaction.atomic
def sheet_add_capability(
    *, sheet: RequirementSheet, actor, expected_version: int, capability: Capability, step: str
) -> SheetItem:
    ensure_author(sheet=sheet, actor=actor)
    if not capability.is_active or sheet.items.filter(capability=capability).exists():
        raise TransitionRefused(
            _("「%(name)s」已在需求表中或已停用，不能再添加。") % {"name": capability.name}
        )
    industries = capability.industries.all()
    if industries and sheet.industry not in industries:
        raise TransitionRefused(
            _("「%(name)s」只适用于%(industries)s，不适用于「%(industry)s」的需求表。")
            % {
                "name": capability.name,
                "industries": "、".join(industry.name for industry in industries),
                "industry": sheet.industry.name,
            }
        )
    claim_version(sheet=sheet, actor=actor, expected_version=expected_version, last_step=step)
    last = sheet.items.filter(category_id=capability.category_id).aggregate(m=Max("order"))["m"]
    with content_language(sheet.language):
        item = SheetItem(
            sheet=sheet,
            category_id=capability.category_id,
            capability=capability,
            name=capability.name,
            requirement=capability.requirement,
            priority_id=capability.default_priority_id,
            order=(last or 0) + 1,
            **capability_scorecard(capability=capability, industry=sheet.industry),
        )
    save_item(item, [m.pk for m in capability.default_methods.all()], actor=actor)
    check_sheet_size(sheet=sheet)
    record_history(sheet, actor=actor)
    return item


@transaction.atomic
def sheet_update_posting(
    *, sheet: RequirementSheet, actor, expected_version: int, posting_data: dict, step: str
) -> JobPosting:
    claim_version(sheet=sheet, actor=actor, expected_version=expected_version, last_step=step)
    # Read again: a form bound to the sheet's own posting has written its input into it.
    posting = JobPosting.objects.filter(sheet=sheet).first() or JobPosting(sheet=sheet)
    fields = assign(posting, posting_data, JobPosting.EDITABLE_FIELDS)
    if fields or posting.pk is None:
        save_posting(posting, actor=actor, fields=fields if posting.pk else None)
        record_history(sheet, actor=actor)
    return posting


@transaction.atomic
def sheet_touch_step(*, sheet: RequirementSheet, actor, expected_version: int, step: str) -> None:
    """Records the step reached when a step has nothing to save (the review step)."""
    claim_version(sheet=sheet, actor=actor, expected_version=expected_version, last_step=step)


def _json_size(state: dict) -> int:
    return len(json.dumps(state, ensure_ascii=False).encode())


def check_wizard_state_size(state: dict, *, kept: dict | None = None) -> None:
    """Refuses unsaved input larger than settings.WIZARD_STATE_MAX_BYTES (as stored JSON),
    unless it is no larger than what is `kept` already (dropping a step always works)."""
    limit = settings.WIZARD_STATE_MAX_BYTES
    size = _json_size(state)
    if size > limit and (kept is None or size > _json_size(kept)):
        raise WizardStateTooLarge(
            _(
                "未完成的输入太多（超过 %(size)d KB），无法暂存。"
                "请先修正下面标出的错误、删去过长的内容，保存本步骤后再离开。"
            )
            % {"size": limit // 1024}
        )


def sheet_set_wizard_state(*, sheet: RequirementSheet, actor, state: dict) -> None:
    """Keeps input that could not be saved yet (invalid, left with Back) for the return."""
    if state != sheet.wizard_state:
        ensure_author(sheet=sheet, actor=actor)
        check_wizard_state_size(state, kept=sheet.wizard_state)
        sheet.wizard_state = state
        RequirementSheet.objects.filter(pk=sheet.pk).update(wizard_state=state)


@transaction.atomic
def sheet_duplicate(
    *,
    sheet: RequirementSheet,
    actor,
    title: str,
    revision_of: RequirementSheet | None = None,
) -> RequirementSheet:
    """A new draft owned by `actor` with the sheet's basics, items and posting."""
    if not (actor.has_perm(access.CREATE) and access.may_view.test(actor, sheet)):
        raise PermissionDenied
    items = list(sheet.items.prefetch_related("methods"))
    copy = RequirementSheet(
        owner=actor,
        title=title[:120],
        language=sheet.language,
        preset=sheet.preset,
        preset_applied_at=sheet.preset_applied_at,
        industry=sheet.industry,
        revision_of=revision_of,
        last_step="basics",
        challenge_slugs=list(sheet.challenge_slugs),
        **{field: getattr(sheet, field) for field in BASIC_FIELDS if field != "title"},
    )
    save_sheet_quietly(copy)
    copies = []
    for item in items:
        method_ids = [m.pk for m in item.methods.all()]
        item.pk = None
        item._state.adding = True
        item.sheet = copy
        copies.append((item, method_ids))
    create_items(copies, actor=actor)
    posting = JobPosting.objects.filter(sheet=sheet).first()
    if posting is not None:
        posting.pk = None
        posting._state.adding = True
        posting.sheet = copy
        save_posting(posting, actor=actor)
    else:
        _new_posting(sheet=copy, preset=sheet.preset, actor=actor)
    kit = ScreeningKit.objects.filter(sheet=sheet).first()
    if kit is not None:
        kit.pk = None
        kit._state.adding = True
        kit.sheet = copy
        kit.full_clean()
        kit._history_user = actor
        kit.save()
    record_history(copy, actor=actor, reason=reasons.reason(reasons.DUPLICATED, sheet.title))
    return copy


@transaction.atomic
def sheet_delete(*, sheet: RequirementSheet, actor) -> None:
    ensure_author(sheet=sheet, actor=actor)
    if not access.may_delete.test(actor, sheet):
        raise SheetNotEditable
    sheet._history_user = actor
    sheet.delete()
