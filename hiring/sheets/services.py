"""Every write to a requirement sheet goes through one of these functions."""

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hiring.accounts.names import display_name
from hiring.catalog.models import AssessmentMethod, Capability, Industry, Preset, Priority
from hiring.quality.runner import check_sheet

from .models import JobPosting, RequirementSheet, Review, SheetItem

DEFAULT_PROCESS_STEPS = ["简历筛选", "面试", "情景模拟", "背景调查", "录用"]
DEFAULT_SCREENING_QUESTION = "请描述一次你成功安抚极度不满客户并解决问题的经历"

logger = logging.getLogger(__name__)


class SheetConflict(Exception):
    """The sheet was saved elsewhere after the page that sends this change was loaded."""


class SheetNotEditable(Exception):
    pass


class WizardStateTooLarge(Exception):
    """Unsaved input beyond what one sheet may keep; the message says so, for the user."""


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
    # Scorecard text (SheetItem fields of the same names); None leaves the item's own as is.
    interview_prompts: str | None = None
    anchor_1: str | None = None
    anchor_3: str | None = None
    anchor_5: str | None = None


SCORECARD_FIELDS = ("interview_prompts", "anchor_1", "anchor_3", "anchor_5")


def generic_scorecard() -> dict[str, str]:
    """The rating scale of a custom item until its author writes a better one."""
    return {
        "interview_prompts": "",
        "anchor_1": _("明显达不到要求:举不出相关经历或做法,或做法有明显问题。"),
        "anchor_3": _("基本达到要求:能举出相关经历,做法合理,但不够完整或需要提示。"),
        "anchor_5": _("超出要求:经历具体、结果可验证,能讲清思路并主动改进。"),
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


def _save_quietly(obj) -> None:
    """Saves without a history record; the caller records one when the whole change is done."""
    obj.skip_history_when_saving = True
    try:
        obj.full_clean(exclude=["sheet", "wizard_state"], validate_unique=False)
        obj.save()
    finally:
        del obj.skip_history_when_saving


def _item_state(item: SheetItem, method_ids) -> tuple:
    return (tuple(getattr(item, name) for name in ITEM_FIELDS), frozenset(method_ids))


def _save_item(item: SheetItem, methods, *, loaded_state: tuple | None = None) -> None:
    """Saves an item and its methods as one history record.

    With `loaded_state` (the item as read before the edit), nothing is written when the
    edit changed nothing.
    """
    method_ids = {m.pk for m in methods}
    if loaded_state is not None and _item_state(item, method_ids) == loaded_state:
        return
    item.skip_history_when_saving = True
    try:
        item.full_clean(exclude=["sheet"], validate_unique=False)
        item.save()
        # A prefetched list belongs to the row this item was loaded as (a copy has a new pk).
        getattr(item, "_prefetched_objects_cache", {}).pop("methods", None)
        item.methods.set(method_ids)
    finally:
        del item.skip_history_when_saving
    item.save(update_fields=["updated_at"])


ITEM_FIELDS = SheetItem.CONTENT_FIELDS


def _record_history(sheet: RequirementSheet, reason: str) -> None:
    # The version bump above is a queryset update, which history does not see.
    sheet.refresh_from_db()
    sheet._change_reason = reason
    sheet.save(update_fields=["updated_at"])


def _items_from_preset(*, sheet: RequirementSheet, preset: Preset) -> None:
    items = preset.items.select_related("capability").prefetch_related("methods")
    industry_names = list(Industry.objects.values_list("name", flat=True))
    for item in items:
        scorecard = capability_scorecard(
            capability=item.capability, industry=sheet.industry, industry_names=industry_names
        )
        sheet_item = SheetItem(
            sheet=sheet,
            category_id=item.capability.category_id,
            capability_id=item.capability_id,
            name=item.capability.name,
            requirement=item.requirement,
            priority_id=item.priority_id,
            order=item.order,
            **scorecard,
        )
        _save_item(sheet_item, item.methods.all())


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


BASIC_FIELDS = RequirementSheet.BASIC_FIELDS


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
    _save_quietly(sheet)
    _items_from_preset(sheet=sheet, preset=preset)
    _posting_from_preset(sheet=sheet, preset=preset)
    _record_history(sheet, _("从行业模板创建"))
    return sheet


def sheet_edited_since_preset(*, sheet: RequirementSheet) -> bool:
    """True when items (text, priority, methods, order, choice, interview questions and
    anchors) or the posting's preset text no longer match the preset: changing the preset
    would then overwrite someone's work."""
    if sheet.preset_id is None:
        return sheet.items.exists()
    preset = sheet.preset
    posting = JobPosting.objects.filter(sheet=sheet).first()
    if posting and (
        posting.summary != preset.summary or posting.responsibilities != preset.responsibilities
    ):
        return True

    def state(item, scorecard: dict):
        methods = frozenset(m.pk for m in item.methods.all())
        scorecard = tuple(scorecard[name] for name in SCORECARD_FIELDS)
        return (item.requirement, item.priority_id, methods, item.order, scorecard)

    names = list(Industry.objects.values_list("name", flat=True))
    preset_items = {
        i.capability_id: state(
            i,
            capability_scorecard(
                capability=i.capability, industry=sheet.industry, industry_names=names
            ),
        )
        for i in preset.items.select_related("capability").prefetch_related("methods")
    }
    sheet_items = {}
    for item in sheet.items.prefetch_related("methods"):
        if item.capability_id is None or not item.included:
            return True
        sheet_items[item.capability_id] = state(
            item, {name: getattr(item, name) for name in SCORECARD_FIELDS}
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
    _save_quietly(sheet)
    if preset_changed:
        # Unsaved wizard input belongs to the old items; it would no longer fit.
        sheet.wizard_state = {}
        RequirementSheet.objects.filter(pk=sheet.pk).update(wizard_state={})
        sheet.items.all().delete()
        _items_from_preset(sheet=sheet, preset=preset)
        posting = JobPosting.objects.get(sheet=sheet)
        posting.summary = preset.summary
        posting.responsibilities = preset.responsibilities
        posting.save(update_fields=["summary", "responsibilities", "updated_at"])
    _record_history(sheet, _("更换行业模板") if preset_changed else _("修改基本信息"))
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
    existing = {
        item.pk: item
        for item in sheet.items.filter(category_id=category_id).prefetch_related("methods")
    }
    for data in items:
        item = existing.get(data.pk) if data.pk else None
        if data.pk and item is None:
            continue  # an item of another sheet or category: never touched from here
        loaded_state = None
        if item is None:
            item = SheetItem(sheet=sheet, category_id=category_id, **generic_scorecard())
        else:
            loaded_state = _item_state(item, [m.pk for m in item.methods.all()])
        item.name = data.name
        item.requirement = data.requirement
        item.priority_id = data.priority.pk
        item.included = data.included
        item.order = data.order
        for name in SCORECARD_FIELDS:
            value = getattr(data, name)
            if value is not None:
                setattr(item, name, value)
        _save_item(item, data.methods, loaded_state=loaded_state)
    _record_history(sheet, _("修改条目"))
    return sheet


@transaction.atomic
def sheet_add_capability(
    *, sheet: RequirementSheet, expected_version: int, capability: Capability, step: str
) -> SheetItem:
    if not capability.is_active or sheet.items.filter(capability=capability).exists():
        raise TransitionRefused(
            _("「%(name)s」已在需求表中或已停用,不能再添加。") % {"name": capability.name}
        )
    industries = capability.industries.all()
    if industries and sheet.industry not in industries:
        raise TransitionRefused(
            _("「%(name)s」只适用于%(industries)s,不适用于「%(industry)s」的需求表。")
            % {
                "name": capability.name,
                "industries": "、".join(industry.name for industry in industries),
                "industry": sheet.industry.name,
            }
        )
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
        **capability_scorecard(capability=capability, industry=sheet.industry),
    )
    _save_item(item, capability.default_methods.all())
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
                "未完成的输入太多(超过 %(size)d KB),无法暂存。"
                "请先修正下面标出的错误、删去过长的内容,保存本步骤后再离开。"
            )
            % {"size": limit // 1024}
        )


def sheet_set_wizard_state(*, sheet: RequirementSheet, state: dict) -> None:
    """Keeps input that could not be saved yet (invalid, left with Back) for the return."""
    if state != sheet.wizard_state:
        check_wizard_state_size(state, kept=sheet.wizard_state)
        sheet.wizard_state = state
        RequirementSheet.objects.filter(pk=sheet.pk).update(wizard_state=state)


@transaction.atomic
def sheet_duplicate(
    *, sheet: RequirementSheet, owner, title: str, revision_of: RequirementSheet | None = None
) -> RequirementSheet:
    items = list(sheet.items.prefetch_related("methods"))
    copy = RequirementSheet(
        owner=owner,
        title=title[:120],
        preset=sheet.preset,
        preset_applied_at=sheet.preset_applied_at,
        industry=sheet.industry,
        revision_of=revision_of,
        last_step="basics",
        **{field: getattr(sheet, field) for field in BASIC_FIELDS if field != "title"},
    )
    _save_quietly(copy)
    for item in items:
        methods = list(item.methods.all())
        item.pk = None
        item.sheet = copy
        _save_item(item, methods)
    posting = getattr(sheet, "posting", None)
    if posting is not None:
        posting.pk = None
        posting.sheet = copy
        posting.save()
    else:
        _posting_from_preset(sheet=copy, preset=sheet.preset)
    _record_history(copy, _("复制自「%(title)s」") % {"title": sheet.title})
    return copy


@transaction.atomic
def sheet_delete(*, sheet: RequirementSheet) -> None:
    if sheet.status != RequirementSheet.Status.DRAFT:
        raise SheetNotEditable
    sheet.delete()


# --- approval ------------------------------------------------------------------------------


class TransitionRefused(Exception):
    """An approval step that is not allowed; the message says why, for the user."""


def _locked(sheet: RequirementSheet) -> RequirementSheet:
    """Re-reads the sheet under a row lock so two reviewers cannot act at once."""
    return RequirementSheet.objects.select_for_update().get(pk=sheet.pk)


def _record_review(*, sheet: RequirementSheet, actor, action: str, comment: str = "") -> None:
    review = Review(sheet=sheet, actor=actor, action=action, comment=comment)
    review.full_clean()
    review.save()


def _move(
    *,
    current: RequirementSheet,
    sheet: RequirementSheet,
    actor,
    to_status: str,
    action: str,
    comment: str = "",
) -> RequirementSheet:
    """Moves `current` (the row as locked by the caller) to a new status, and `sheet` with it."""
    current.status = to_status
    current.version += 1
    current.full_clean(exclude=["wizard_state"])
    current._change_reason = str(Review.Action(action).label)
    current.save(update_fields=["status", "version", "updated_at"])
    _record_review(sheet=current, actor=actor, action=action, comment=comment)
    sheet.status, sheet.version = current.status, current.version
    return current


def _notify(*, user, subject: str, body: str, sheet: RequirementSheet) -> None:
    """Mails `user` once the change is committed; a mail that fails is logged, never raised:
    the change it reports has happened already."""
    if not user or not user.email:
        return
    # A title may hold line breaks; a mail header may not.
    subject = " ".join(subject.split())[:200]
    link = f"{settings.SITE_URL}{reverse('sheets:detail', args=[sheet.pk])}"
    recipient = user.email

    def send():
        try:
            send_mail(subject, f"{body}\n\n{link}\n", None, [recipient])
        except Exception:
            logger.exception("Notification mail about sheet %s to %s failed", sheet.pk, recipient)

    transaction.on_commit(send)


@transaction.atomic
def sheet_submit(*, sheet: RequirementSheet, actor) -> RequirementSheet:
    current = _locked(sheet)
    if current.owner_id != actor.pk:
        raise TransitionRefused(_("只有需求表的负责人可以提交审批。"))
    if current.status not in RequirementSheet.EDITABLE_STATUSES:
        raise TransitionRefused(
            _("「%(status)s」状态的需求表不能提交。") % {"status": current.get_status_display()}
        )
    if current.hiring_manager_id is None:
        raise TransitionRefused(_("请先在基本信息中指定用人经理。"))
    report = check_sheet(sheet=current)
    if report.has_errors:
        raise TransitionRefused(
            _("需求体检发现 %(count)d 个错误,修正后才能提交。") % {"count": len(report.errors)}
        )
    moved = _move(
        current=current,
        sheet=sheet,
        actor=actor,
        to_status=RequirementSheet.Status.SUBMITTED,
        action=Review.Action.SUBMITTED,
    )
    _notify(
        user=moved.hiring_manager,
        subject=_("待审批:%(title)s") % {"title": moved.title},
        body=_("%(who)s 提交了需求表「%(title)s」,请审批。")
        % {"who": display_name(actor), "title": moved.title},
        sheet=moved,
    )
    return moved


def _check_reviewer(current: RequirementSheet, actor, expected_version: int | None) -> None:
    if current.owner_id == actor.pk:
        raise TransitionRefused(_("不能审批自己负责的需求表。"))
    if current.hiring_manager_id != actor.pk:
        raise TransitionRefused(_("只有指定的用人经理可以审批这张需求表。"))
    if current.status != RequirementSheet.Status.SUBMITTED:
        raise TransitionRefused(
            _("只有待审批的需求表可以批准或退回,这张表当前是「%(status)s」。")
            % {"status": current.get_status_display()}
        )
    if expected_version is not None and expected_version != current.version:
        raise TransitionRefused(
            _("需求表在你打开本页之后又被修改并重新提交了,请查看最新内容后再审批。")
        )


@transaction.atomic
def sheet_approve(
    *, sheet: RequirementSheet, actor, comment: str = "", expected_version: int | None = None
) -> RequirementSheet:
    """Approves a submitted sheet; an approved revision supersedes (archives) its original."""
    current = _locked(sheet)
    _check_reviewer(current, actor, expected_version)
    moved = _move(
        current=current,
        sheet=sheet,
        actor=actor,
        to_status=RequirementSheet.Status.APPROVED,
        action=Review.Action.APPROVED,
        comment=comment,
    )
    _notify(
        user=moved.owner,
        subject=_("已批准:%(title)s") % {"title": moved.title},
        body=_("%(who)s 批准了需求表「%(title)s」。%(comment)s")
        % {"who": display_name(actor), "title": moved.title, "comment": comment},
        sheet=moved,
    )
    original = moved.revision_of
    if original is not None and original.status == RequirementSheet.Status.APPROVED:
        _move(
            current=_locked(original),
            sheet=original,
            actor=actor,
            to_status=RequirementSheet.Status.ARCHIVED,
            action=Review.Action.ARCHIVED,
            comment=_("已被修订 #%(pk)d 取代。") % {"pk": moved.pk},
        )
    return moved


@transaction.atomic
def sheet_return(
    *, sheet: RequirementSheet, actor, comment: str, expected_version: int | None = None
) -> RequirementSheet:
    if not comment.strip():
        raise TransitionRefused(_("退回时请写明需要修改的地方。"))
    current = _locked(sheet)
    _check_reviewer(current, actor, expected_version)
    moved = _move(
        current=current,
        sheet=sheet,
        actor=actor,
        to_status=RequirementSheet.Status.RETURNED,
        action=Review.Action.RETURNED,
        comment=comment,
    )
    _notify(
        user=moved.owner,
        subject=_("需修改:%(title)s") % {"title": moved.title},
        body=_("%(who)s 退回了需求表「%(title)s」:%(comment)s")
        % {"who": display_name(actor), "title": moved.title, "comment": comment},
        sheet=moved,
    )
    return moved


@transaction.atomic
def sheet_new_revision(*, sheet: RequirementSheet, actor) -> RequirementSheet:
    current = _locked(sheet)
    if current.owner_id != actor.pk:
        raise TransitionRefused(_("只有需求表的负责人可以创建新修订;其他人可以复制它。"))
    if current.status != RequirementSheet.Status.APPROVED:
        raise TransitionRefused(_("只有已批准的需求表可以创建新修订;草稿请直接编辑。"))
    open_revision = current.revisions.exclude(
        status__in=[RequirementSheet.Status.APPROVED, RequirementSheet.Status.ARCHIVED]
    ).first()
    if open_revision is not None:
        raise TransitionRefused(
            _("这张表已有一份进行中的修订(#%(pk)d),请在那份上继续。") % {"pk": open_revision.pk}
        )
    revision = sheet_duplicate(sheet=current, owner=actor, title=current.title, revision_of=current)
    _record_review(sheet=current, actor=actor, action=Review.Action.REVISION)
    return revision


# --- history -------------------------------------------------------------------------------


@transaction.atomic
def sheet_revert(
    *, sheet: RequirementSheet, actor, history_id: int, expected_version: int
) -> RequirementSheet:
    """Puts a draft back as it was at one of its recorded versions: fields, items, posting."""
    if sheet.owner_id != actor.pk:
        raise TransitionRefused(_("只有需求表的负责人可以恢复早先版本。"))
    target = sheet.history.filter(history_id=history_id).first()
    if target is None:
        raise TransitionRefused(_("找不到这个版本。"))
    when = target.history_date
    _claim_version(sheet=sheet, expected_version=expected_version, last_step="basics")

    sheet.wizard_state = {}
    for name in [*BASIC_FIELDS, "preset", "industry", "preset_applied_at"]:
        attname = RequirementSheet._meta.get_field(name).attname
        setattr(sheet, attname, getattr(target, attname))
    _save_quietly(sheet)

    from .history import item_methods_by_record

    latest = {}
    for record in SheetItem.history.filter(sheet_id=sheet.pk, history_date__lte=when).order_by(
        "history_date", "history_id"
    ):
        latest[record.id] = record
    alive = {pk: record for pk, record in latest.items() if record.history_type != "-"}
    methods_of = item_methods_by_record(sheet.pk)

    sheet.items.exclude(pk__in=alive).delete()
    for pk, record in alive.items():
        item = SheetItem.objects.filter(pk=pk, sheet=sheet).first() or SheetItem(pk=pk, sheet=sheet)
        for name in ITEM_FIELDS:
            setattr(item, name, getattr(record, name))
        names = methods_of.get(record.history_id, [])
        _save_item(item, AssessmentMethod.objects.filter(name__in=names))

    posting_record = (
        JobPosting.history.filter(sheet_id=sheet.pk, history_date__lte=when)
        .order_by("-history_date")
        .first()
    )
    if posting_record is not None and posting_record.history_type != "-":
        posting = JobPosting.objects.get(sheet=sheet)
        for name in JobPosting.EDITABLE_FIELDS:
            setattr(posting, name, getattr(posting_record, name))
        posting.save()

    _record_history(
        sheet,
        _("恢复到 %(when)s 的版本")
        % {"when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M:%S")},
    )
    _record_review(sheet=sheet, actor=actor, action=Review.Action.REVERTED)
    return sheet
