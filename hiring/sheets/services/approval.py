"""The approval workflow: submit, approve or return, start a new revision of an approved sheet."""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hiring.accounts.names import display_name
from hiring.quality.runner import check_sheet

from .. import access, reasons
from ..models import RequirementSheet, Review
from .base import TransitionRefused, ensure_author
from .editing import sheet_duplicate

logger = logging.getLogger(__name__)


def _locked(sheet: RequirementSheet) -> RequirementSheet:
    """Re-reads the sheet under a row lock so two reviewers cannot act at once."""
    return RequirementSheet.objects.select_for_update().get(pk=sheet.pk)


def record_review(*, sheet: RequirementSheet, actor, action: str, comment: str = "") -> None:
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
    current.full_clean()
    current._history_user = actor
    current._change_reason = reasons.review_reason(action)
    current.save(update_fields=["status", "version", "updated_at"])
    record_review(sheet=current, actor=actor, action=action, comment=comment)
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
    ensure_author(sheet=current, actor=actor)
    if not access.may_submit.test(actor, current):
        raise TransitionRefused(
            _("「%(status)s」状态的需求表不能提交。") % {"status": current.get_status_display()}
        )
    if current.hiring_manager_id is None:
        raise TransitionRefused(_("请先在基本信息中指定用人经理。"))
    report = check_sheet(sheet=current)
    if report.has_errors:
        raise TransitionRefused(
            _("需求体检发现 %(count)d 个错误，修正后才能提交。") % {"count": len(report.errors)}
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
        subject=_("待审批：%(title)s") % {"title": moved.title},
        body=_("%(who)s 提交了需求表「%(title)s」，请审批。")
        % {"who": display_name(actor), "title": moved.title},
        sheet=moved,
    )
    return moved


def _check_reviewer(current: RequirementSheet, actor, expected_version: int | None) -> None:
    if access.owns.test(actor, current):
        raise TransitionRefused(_("不能审批自己负责的需求表。"))
    if not access.is_reviewer.test(actor, current):
        raise PermissionDenied
    if not access.may_review.test(actor, current):
        raise TransitionRefused(
            _("只有待审批的需求表可以批准或退回，这张表当前是「%(status)s」。")
            % {"status": current.get_status_display()}
        )
    if expected_version is not None and expected_version != current.version:
        raise TransitionRefused(
            _("需求表在你打开本页之后又被修改并重新提交了，请查看最新内容后再审批。")
        )


@dataclass(frozen=True)
class _Decision:
    to_status: str
    action: str
    # Mail to the owner; formats that take the title, the reviewer's name and the comment.
    subject: str
    body: str


APPROVAL = _Decision(
    RequirementSheet.Status.APPROVED,
    Review.Action.APPROVED,
    gettext_lazy("已批准：%(title)s"),
    gettext_lazy("%(who)s 批准了需求表「%(title)s」。%(comment)s"),
)
RETURN = _Decision(
    RequirementSheet.Status.RETURNED,
    Review.Action.RETURNED,
    gettext_lazy("需修改：%(title)s"),
    gettext_lazy("%(who)s 退回了需求表「%(title)s」：%(comment)s"),
)


def _decide(
    sheet: RequirementSheet, actor, decision: _Decision, comment: str, version: int | None
) -> RequirementSheet:
    """The reviewer's decision: checked, recorded, and mailed to the sheet's owner."""
    current = _locked(sheet)
    _check_reviewer(current, actor, version)
    moved = _move(
        current=current,
        sheet=sheet,
        actor=actor,
        to_status=decision.to_status,
        action=decision.action,
        comment=comment,
    )
    values = {"who": display_name(actor), "title": moved.title, "comment": comment}
    _notify(
        user=moved.owner,
        subject=str(decision.subject) % values,
        body=str(decision.body) % values,
        sheet=moved,
    )
    return moved


@transaction.atomic
def sheet_approve(
    *, sheet: RequirementSheet, actor, comment: str = "", expected_version: int | None = None
) -> RequirementSheet:
    """Approves a submitted sheet; an approved revision supersedes (archives) its original."""
    moved = _decide(sheet, actor, APPROVAL, comment, expected_version)
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
    """Sends a submitted sheet back to its owner, with what to change."""
    if not comment.strip():
        raise TransitionRefused(_("退回时请写明需要修改的地方。"))
    return _decide(sheet, actor, RETURN, comment, expected_version)


REVISION_SUFFIX = re.compile(r"\s*(（修订\d+）|\(revision \d+\))$")


def revision_title(sheet: RequirementSheet) -> str:
    """The original's title marked with the revision's number, so the two rows in a list
    differ: 电商客服 招聘需求 → 电商客服 招聘需求（修订2） → …（修订3）."""
    number, earlier = 2, sheet
    while earlier.revision_of_id is not None:
        number += 1
        earlier = RequirementSheet.objects.only("revision_of").get(pk=earlier.revision_of_id)
    base = REVISION_SUFFIX.sub("", sheet.title)
    suffix = _("（修订%(number)d）") % {"number": number}
    limit = RequirementSheet._meta.get_field("title").max_length - len(suffix)
    return base[:limit] + suffix


@transaction.atomic
def sheet_new_revision(*, sheet: RequirementSheet, actor) -> RequirementSheet:
    """An editable copy of an approved sheet, by its author; approving it archives the original."""
    current = _locked(sheet)
    ensure_author(sheet=current, actor=actor)
    if not access.may_revise.test(actor, current):
        raise TransitionRefused(_("只有已批准的需求表可以创建新修订；草稿请直接编辑。"))
    open_revision = current.revisions.exclude(
        status__in=[RequirementSheet.Status.APPROVED, RequirementSheet.Status.ARCHIVED]
    ).first()
    if open_revision is not None:
        raise TransitionRefused(
            _("这张表已有一份进行中的修订（#%(pk)d），请在那份上继续。") % {"pk": open_revision.pk}
        )
    revision = sheet_duplicate(
        sheet=current, actor=actor, title=revision_title(current), revision_of=current
    )
    record_review(sheet=current, actor=actor, action=Review.Action.REVISION)
    return revision
