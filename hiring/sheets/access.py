"""Who may do what with a requirement sheet: one set of predicates (django-rules) that the
services enforce and the pages read to show only the buttons that will work.

Roles are granted as Django permissions, through the role groups
(sheets/migrations/0005_review_permission.py): HR staff may change sheets, hiring managers
may review them. What a person may do with one sheet adds who they are to it (owner,
assigned hiring manager) and where the sheet stands (draft, submitted, approved).
"""

import rules
from django.db.models import QuerySet

from hiring.accounts.permissions import CHANGE_CATALOG as CATALOG_CHANGE
from hiring.accounts.permissions import CHANGE_SHEETS as CHANGE
from hiring.accounts.permissions import CREATE_SHEETS as CREATE
from hiring.accounts.permissions import REVIEW_SHEETS as REVIEW
from hiring.accounts.permissions import VIEW_SHEETS as VIEW

from .models import RequirementSheet

__all__ = ["CATALOG_CHANGE", "CHANGE", "CREATE", "REVIEW", "VIEW"]


# --- roles ---------------------------------------------------------------------------------


@rules.predicate
def writes_sheets(user) -> bool:
    """HR staff: build sheets, and see every sheet of the team."""
    return user.has_perm(CHANGE)


@rules.predicate
def reviews_sheets(user) -> bool:
    """Hiring managers: see and decide the sheets assigned to them."""
    return user.has_perm(REVIEW)


# --- the person's place on one sheet, and the sheet's state --------------------------------


@rules.predicate
def owns(user, sheet: RequirementSheet) -> bool:
    return sheet.owner_id == user.pk


@rules.predicate
def is_assigned_manager(user, sheet: RequirementSheet) -> bool:
    return sheet.hiring_manager_id == user.pk


@rules.predicate
def is_editable(user, sheet: RequirementSheet) -> bool:
    return sheet.is_editable


@rules.predicate
def is_draft(user, sheet: RequirementSheet) -> bool:
    return sheet.status == RequirementSheet.Status.DRAFT


@rules.predicate
def is_submitted(user, sheet: RequirementSheet) -> bool:
    return sheet.status == RequirementSheet.Status.SUBMITTED


@rules.predicate
def is_approved(user, sheet: RequirementSheet) -> bool:
    return sheet.status == RequirementSheet.Status.APPROVED


# --- what may be done with one sheet --------------------------------------------------------

may_view = writes_sheets | (reviews_sheets & is_assigned_manager)
# The author's own sheet, whatever its state; what they may do with it depends on the state.
is_author = writes_sheets & owns
may_edit = is_author & is_editable
may_submit = may_edit
may_revert = may_edit
may_delete = is_author & is_draft
may_revise = is_author & is_approved
# Someone other than the author decides: nobody approves their own sheet.
is_reviewer = reviews_sheets & is_assigned_manager & ~owns
may_review = is_reviewer & is_submitted
# The author opens (or closes) the public page of the job posting of an approved sheet.
may_publish = is_author & is_approved


def visible_sheets(user) -> QuerySet[RequirementSheet]:
    """`may_view` as a queryset: the sheets `user` may open."""
    if writes_sheets.test(user):
        return RequirementSheet.objects.all()
    if reviews_sheets.test(user):
        return RequirementSheet.objects.filter(hiring_manager=user)
    return RequirementSheet.objects.none()
