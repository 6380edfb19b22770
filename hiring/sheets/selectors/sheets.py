"""One sheet that the user may see, with its items and reviews."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from hiring.catalog.models import CapabilityCategory

from .. import access
from ..models import RequirementSheet, Review, SheetItem


def sheet_get(*, user, pk: int) -> RequirementSheet:
    """The sheet with its people and posting; 404 if missing or not the user's to see, alike,
    so that ids of others' sheets cannot be told from ids that do not exist."""
    return get_object_or_404(
        access.visible_sheets(user)
        .select_related("industry", "owner", "hiring_manager", "preset", "posting")
        .defer("wizard_state"),
        pk=pk,
    )


def sheet_items(*, sheet: RequirementSheet, included_only: bool = False) -> QuerySet[SheetItem]:
    qs = sheet.items.with_details()
    if included_only:
        qs = qs.filter(included=True)
    return qs.order_by("category__order", "order", "pk")


def items_by_category(items) -> list[tuple[CapabilityCategory, list[SheetItem]]]:
    """Groups items (already ordered by category) as the sheet table shows them."""
    groups: list[tuple[CapabilityCategory, list[SheetItem]]] = []
    for item in items:
        if not groups or groups[-1][0].pk != item.category_id:
            groups.append((item.category, []))
        groups[-1][1].append(item)
    return groups


def sheet_reviews(*, sheet: RequirementSheet):
    return sheet.reviews.select_related("actor")


def latest_return(*, sheet: RequirementSheet) -> Review | None:
    """The manager's return that a returned sheet is being fixed for, shown while editing."""
    if sheet.status != RequirementSheet.Status.RETURNED:
        return None
    return (
        sheet.reviews.filter(action=Review.Action.RETURNED)
        .select_related("actor")
        .order_by("-created_at", "-pk")
        .first()
    )
