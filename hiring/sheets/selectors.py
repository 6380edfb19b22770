"""Reads of sheets; who may see what is decided here and in `access`."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.shortcuts import get_object_or_404

from hiring.accounts.roles import HIRING_MANAGER, HR, has_role
from hiring.catalog.models import Capability, CapabilityCategory, Preset, PresetItem

from .models import RequirementSheet, Review, SheetItem


def sheets_visible_to(user) -> QuerySet[RequirementSheet]:
    if user.is_superuser or has_role(user, HR):
        return RequirementSheet.objects.all()
    if has_role(user, HIRING_MANAGER):
        return RequirementSheet.objects.filter(hiring_manager=user)
    return RequirementSheet.objects.none()


def may_use_sheets(user) -> bool:
    return user.is_superuser or has_role(user, HR) or has_role(user, HIRING_MANAGER)


def may_edit(user, sheet: RequirementSheet) -> bool:
    return sheet.owner_id == user.pk and (user.is_superuser or has_role(user, HR))


def sheet_list(
    *, user, status: str = "", industry: str = "", query: str = ""
) -> QuerySet[RequirementSheet]:
    qs = (
        sheets_visible_to(user)
        .select_related("industry", "owner", "hiring_manager", "preset")
        .annotate(item_count=Count("items", filter=Q(items__included=True)))
        .defer("wizard_state")  # unsaved input can be large and the list never shows it
        .order_by("-updated_at", "-pk")
    )
    if status:
        qs = qs.filter(status=status)
    if industry:
        qs = qs.filter(industry__slug=industry)
    if query:
        qs = qs.filter(Q(title__icontains=query) | Q(role_title__icontains=query))
    return qs


def sheet_items(*, sheet: RequirementSheet, included_only: bool = False) -> QuerySet[SheetItem]:
    qs = sheet.items.select_related("category", "priority", "capability").prefetch_related(
        "methods"
    )
    if included_only:
        qs = qs.filter(included=True)
    return qs.order_by("category__order", "order", "pk")


def sheet_get(*, user, pk: int) -> RequirementSheet:
    """The sheet with its people and posting; 404 if missing or not the user's to see, alike,
    so that ids of others' sheets cannot be told from ids that do not exist."""
    return get_object_or_404(
        sheets_visible_to(user).select_related(
            "industry", "owner", "hiring_manager", "preset", "posting"
        ),
        pk=pk,
    )


def items_by_category(items) -> list[tuple[CapabilityCategory, list[SheetItem]]]:
    """Groups items (already ordered by category) as the sheet table shows them."""
    groups: list[tuple[CapabilityCategory, list[SheetItem]]] = []
    for item in items:
        if not groups or groups[-1][0].pk != item.category_id:
            groups.append((item.category, []))
        groups[-1][1].append(item)
    return groups


def capabilities_to_add(*, sheet: RequirementSheet, category: CapabilityCategory):
    """Catalog capabilities of a category that the sheet does not hold yet, from its own
    industry or from none in particular (a capability without industries applies to all)."""
    used = sheet.items.filter(capability__isnull=False).values("capability_id")
    for_industry = Q(industries__isnull=True) | Q(industries=sheet.industry_id)
    return (
        Capability.objects.filter(for_industry, is_active=True, category=category)
        .exclude(pk__in=used)
        .distinct()
        .order_by("order", "name")
    )


def presets_with_items() -> QuerySet[Preset]:
    """Active presets with their industry and item names, for the preset picker."""
    return (
        Preset.objects.filter(is_active=True)
        .select_related("industry")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=PresetItem.objects.select_related("capability", "priority").order_by(
                    "capability__category__order", "order"
                ),
            )
        )
    )


def posting_view(*, sheet: RequirementSheet, items: list[SheetItem]) -> dict:
    """The public content of the job posting: no priorities, methods or internal notes."""
    required_slugs = set(settings.POSTING_REQUIRED_PRIORITIES)
    posting = sheet.posting
    requirements, preferred = [], []
    for item in items:
        if not item.included:
            continue
        line = f"{item.name}:{item.requirement}"
        if item.category.slug != "bonus" and item.priority.slug in required_slugs:
            requirements.append(line)
        else:
            preferred.append(line)
    return {
        "headline": posting.headline or sheet.role_title,
        "summary": posting.summary,
        "responsibilities": posting.responsibility_list,
        "requirements": requirements,
        "preferred": preferred,
        "salary": sheet.salary_display,
        "benefits": posting.benefit_list,
        "location": sheet.location,
        "schedule": sheet.schedule,
        "headcount": sheet.headcount,
        "process_steps": posting.process_step_list,
        "screening_questions": posting.screening_question_list,
        "how_to_apply": posting.how_to_apply,
    }


@dataclass(frozen=True)
class PresetDifference:
    kind: str  # "changed", "dropped", "missing", "custom"
    name: str
    fields: tuple[str, ...] = ()


def preset_differences(
    *, sheet: RequirementSheet, items: list[SheetItem]
) -> list[PresetDifference]:
    """How the sheet's items now differ from the current version of its preset."""
    if sheet.preset_id is None:
        return []
    preset_items = {
        item.capability_id: item
        for item in PresetItem.objects.filter(preset_id=sheet.preset_id)
        .select_related("capability", "priority")
        .prefetch_related("methods")
    }
    labels = {
        "requirement": str(SheetItem._meta.get_field("requirement").verbose_name),
        "priority": str(SheetItem._meta.get_field("priority").verbose_name),
        "methods": str(SheetItem._meta.get_field("methods").verbose_name),
    }
    differences = []
    for item in items:
        if item.capability_id is None:
            differences.append(PresetDifference("custom", item.name))
            continue
        source = preset_items.pop(item.capability_id, None)
        if source is None:
            differences.append(PresetDifference("custom", item.name))
            continue
        if not item.included:
            differences.append(PresetDifference("dropped", item.name))
            continue
        changed = [
            labels[name]
            for name, differs in [
                ("requirement", item.requirement != source.requirement),
                ("priority", item.priority_id != source.priority_id),
                (
                    "methods",
                    {m.pk for m in item.methods.all()} != {m.pk for m in source.methods.all()},
                ),
            ]
            if differs
        ]
        if changed:
            differences.append(PresetDifference("changed", item.name, tuple(changed)))
    differences.extend(
        PresetDifference("missing", source.capability.name) for source in preset_items.values()
    )
    return differences


def sheet_reviews(*, sheet: RequirementSheet):
    return sheet.reviews.select_related("actor")


HOME_LIST_SIZE = 10


def _latest_review_comment(action: str) -> Subquery:
    latest = Review.objects.filter(sheet=OuterRef("pk"), action=action).order_by("-created_at")
    return Subquery(latest.values("comment")[:1])


def hr_home(*, user) -> dict:
    """What an HR user works on next: their drafts, returned sheets and sheets in review."""
    mine = (
        RequirementSheet.objects.filter(owner=user)
        .select_related("industry", "hiring_manager")
        .defer("wizard_state")
        .order_by("-updated_at", "-pk")
    )
    Status = RequirementSheet.Status
    return {
        "drafts": list(mine.filter(status=Status.DRAFT)[:HOME_LIST_SIZE]),
        "returned": list(
            mine.filter(status=Status.RETURNED).annotate(
                return_comment=_latest_review_comment(Review.Action.RETURNED)
            )[:HOME_LIST_SIZE]
        ),
        "waiting": list(mine.filter(status=Status.SUBMITTED)[:HOME_LIST_SIZE]),
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
