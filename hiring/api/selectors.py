"""Reads for the API and the public posting page."""

from datetime import datetime

from django.db.models import QuerySet
from django.utils import timezone

from hiring.catalog.models import AssessmentMethod, Capability, Preset, PresetItem, Priority
from hiring.sheets import access
from hiring.sheets.models import RequirementSheet

from .models import AccessToken, PublicPosting


def api_sheet_list(
    *,
    user,
    status: str = "",
    industry: str = "",
    owner: str = "",
    changed_since: datetime | None = None,
) -> QuerySet[RequirementSheet]:
    """The sheets `user` may see (`access.visible_sheets`), newest change first."""
    qs = (
        access.visible_sheets(user)
        .select_related("industry", "preset", "owner", "hiring_manager")
        .defer("wizard_state")
        .order_by("-updated_at", "-pk")
    )
    if status:
        qs = qs.filter(status=status)
    if industry:
        qs = qs.filter(industry__slug=industry)
    if owner:
        qs = qs.filter(owner__username=owner)
    if changed_since is not None:
        qs = qs.filter(updated_at__gte=changed_since)
    return qs


def capability_list() -> QuerySet[Capability]:
    return (
        Capability.objects.filter(is_active=True)
        .select_related("category", "default_priority")
        .prefetch_related("default_methods", "industries")
        .order_by("category__order", "order", "pk")
    )


def preset_list() -> QuerySet[Preset]:
    from django.db.models import Prefetch

    return (
        Preset.objects.filter(is_active=True)
        .select_related("industry")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=PresetItem.objects.select_related("capability__category", "priority")
                .prefetch_related("methods")
                .order_by("capability__category__order", "order"),
            )
        )
        .order_by("industry__order", "order", "pk")
    )


def priority_list() -> QuerySet[Priority]:
    return Priority.objects.order_by("order", "pk")


def method_list() -> QuerySet[AssessmentMethod]:
    return AssessmentMethod.objects.order_by("order", "pk")


def user_tokens(*, user) -> QuerySet[AccessToken]:
    return AccessToken.objects.filter(user=user).order_by("-created_at", "-pk")


def open_public_posting(*, sheet: RequirementSheet) -> PublicPosting | None:
    return PublicPosting.objects.filter(sheet=sheet, revoked_at__isnull=True).first()


def live_public_posting(*, token: str) -> PublicPosting | None:
    """The page behind a public link, if the link is open, not past its closing date, and its
    sheet approved."""
    return (
        PublicPosting.objects.live()
        .filter(valid_through__gte=timezone.localdate())
        .select_related("sheet__posting", "sheet__industry")
        .filter(token=token)
        .first()
    )
