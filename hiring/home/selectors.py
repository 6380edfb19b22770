"""What the home page reads: each role's sheets, the latest few of each kind."""

from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber

from hiring.common import versions
from hiring.sheets.models import RequirementSheet, Review

HOME_LIST_SIZE = 10


def _latest_review_comment(action: str) -> Subquery:
    latest = Review.objects.filter(sheet=OuterRef("pk"), action=action).order_by("-created_at")
    return Subquery(latest.values("comment")[:1])


def hr_home_version(*, user) -> dict:
    """What HR's home shows, as versions for cache keys, in one small query that always
    returns a row: the last change and the number of the user's sheets (a submit, return or
    approval changes the sheet too), and the catalog's version (the presets below the lists)."""
    owned = RequirementSheet.objects.filter(owner=OuterRef("pk"))
    return (
        get_user_model()
        ._base_manager.filter(pk=user.pk)
        .values(
            sheets_version=versions.rows_version(owned),
            presets_version=versions.catalog_version("home_presets")["catalog_version"],
        )
        .get()
    )


def hr_home(*, user) -> dict:
    """What an HR user works on next: their drafts, returned sheets and sheets in review, the
    latest of each, in one query."""
    Status = RequirementSheet.Status
    newest_first = [F("updated_at").desc(), F("pk").desc()]
    rows = list(
        RequirementSheet.objects.filter(
            owner=user, status__in=[Status.DRAFT, Status.RETURNED, Status.SUBMITTED]
        )
        .select_related("industry", "hiring_manager")
        .defer("wizard_state")
        .annotate(
            rank=Window(RowNumber(), partition_by=[F("status")], order_by=newest_first),
            return_comment=_latest_review_comment(Review.Action.RETURNED),
        )
        .filter(rank__lte=HOME_LIST_SIZE)
        .order_by(*newest_first)
    )
    return {
        "drafts": [sheet for sheet in rows if sheet.status == Status.DRAFT],
        "returned": [sheet for sheet in rows if sheet.status == Status.RETURNED],
        "waiting": [sheet for sheet in rows if sheet.status == Status.SUBMITTED],
    }


def manager_home(*, user) -> dict:
    """Sheets waiting for this manager's decision, and the ones they decided lately."""
    pending = (
        RequirementSheet.objects.filter(
            hiring_manager=user, status=RequirementSheet.Status.SUBMITTED
        )
        .select_related("industry", "owner")
        .defer("wizard_state")
        .order_by("updated_at", "pk")
    )
    decided = (
        Review.objects.filter(
            actor=user, action__in=[Review.Action.APPROVED, Review.Action.RETURNED]
        )
        .select_related("sheet__industry")
        .defer("sheet__wizard_state")
        .order_by("-created_at", "-pk")
    )
    return {
        "pending": list(pending[:HOME_LIST_SIZE]),
        "pending_count": pending.count(),
        "decided": list(decided[:HOME_LIST_SIZE]),
    }
