"""Reads of sheets; who may see which sheet is decided in `access`."""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    Window,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Concat, RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation

from hiring.accounts.names import name_from
from hiring.catalog.models import Capability, CapabilityCategory, Preset, PresetItem
from hiring.common import versions
from hiring.common.translated import content_language

from . import access
from .models import RequirementSheet, Review, SheetItem


def _included_item_count() -> RawSQL:
    """How many items of the sheet are kept. A subquery rather than a join, so it is counted
    for the rows of one page only; written as SQL, which costs less CPU to build per request."""
    quote = connection.ops.quote_name
    items, sheets = SheetItem._meta, RequirementSheet._meta
    sql = (
        f"SELECT COUNT(*) FROM {quote(items.db_table)} i "
        f"WHERE i.{quote('sheet_id')} = {quote(sheets.db_table)}.{quote(sheets.pk.column)} "
        f"AND i.{quote('included')}"
    )
    return RawSQL(sql, (), output_field=IntegerField())


def sheet_list(
    *, user, status: str = "", industry: str = "", query: str = ""
) -> QuerySet[RequirementSheet]:
    qs = (
        access.visible_sheets(user)
        .select_related("industry", "owner", "hiring_manager")
        .defer("wizard_state")
        .annotate(item_count=_included_item_count())
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
    qs = sheet.items.with_details()
    if included_only:
        qs = qs.filter(included=True)
    return qs.order_by("category__order", "order", "pk")


def sheet_get(*, user, pk: int) -> RequirementSheet:
    """The sheet with its people and posting; 404 if missing or not the user's to see, alike,
    so that ids of others' sheets cannot be told from ids that do not exist."""
    return get_object_or_404(
        access.visible_sheets(user)
        .select_related("industry", "owner", "hiring_manager", "preset", "posting")
        .defer("wizard_state"),
        pk=pk,
    )


def _person_stamp(column: str) -> Subquery:
    """Everything of the user in `column` that a page shows, as one string."""
    names = Concat(
        "username", Value(":"), "first_name", Value(":"), "last_name", output_field=TextField()
    )
    person = get_user_model()._base_manager.filter(pk=OuterRef(column)).values(stamp=names)
    return Subquery(person, output_field=TextField())


def sheet_get_for_page(*, user, pk: int) -> RequirementSheet:
    """The sheet alone, with what `SheetContent.key` needs (its people's names, the catalog's
    version) as annotations, so that a page served from the cache joins nothing; the sheet's
    people, industry, preset and posting load when a page not in the cache needs them."""
    sheet = get_object_or_404(
        RequirementSheet.objects.defer("wizard_state").annotate(
            owner_stamp=_person_stamp("owner_id"),
            hiring_manager_stamp=_person_stamp("hiring_manager_id"),
            **versions.catalog_version("sheet"),
        ),
        pk=pk,
    )
    if not access.may_view.test(user, sheet):
        raise Http404
    return sheet


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
    requirements, preferred, moved = [], [], []
    for item in items:
        if not item.included:
            continue
        line = f"{item.name}:{item.requirement}"
        if item.category.slug != "bonus" and item.priority.slug in required_slugs:
            requirements.append(line)
        else:
            preferred.append(line)
            if item.category.slug == "hard":
                moved.append(item.name)
    return {
        "headline": posting.headline or sheet.role_title,
        "employer": settings.EMPLOYER_NAME,
        "summary": posting.summary,
        "responsibilities": posting.responsibility_list,
        "requirements": requirements,
        "preferred": preferred,
        # Hard requirements of a priority too low to be required: told to HR, not to candidates.
        "moved_to_preferred": moved,
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
    # The preset's texts in the sheet's language, the language its items were copied in.
    with content_language(sheet.language):
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


@dataclass(frozen=True)
class SheetRow:
    """A sheet as a row of a list shows it: plain values, cheaper than a model instance."""

    pk: int
    title: str
    role_title: str
    industry: str
    item_count: int
    owner: str
    hiring_manager: str
    status: str
    updated_at: datetime

    @property
    def status_label(self) -> str:
        return RequirementSheet.Status(self.status).label


PEOPLE_VALUES = {
    f"{person}_{field}": F(f"{person}__{field}")
    for person in ("owner", "hiring_manager")
    for field in ("username", "first_name", "last_name")
}


def sheet_row_values(sheets: QuerySet[RequirementSheet]) -> QuerySet:
    """What `sheet_rows` needs of each sheet of `sheet_list`, as values."""
    return sheets.values(
        "pk",
        "title",
        "role_title",
        "item_count",
        "status",
        "updated_at",
        industry_name=F("industry__name"),
        **PEOPLE_VALUES,
    )


def sheet_rows(values) -> list[SheetRow]:
    return [
        SheetRow(
            pk=row["pk"],
            title=row["title"],
            role_title=row["role_title"],
            industry=row["industry_name"],
            item_count=row["item_count"],
            owner=name_from(
                username=row["owner_username"],
                first_name=row["owner_first_name"],
                last_name=row["owner_last_name"],
            ),
            hiring_manager=name_from(
                username=row["hiring_manager_username"],
                first_name=row["hiring_manager_first_name"],
                last_name=row["hiring_manager_last_name"],
            ),
            status=row["status"],
            updated_at=row["updated_at"],
        )
        for row in values
    ]


MAX_PAGE_NUMBER = 10_000_000


def sheet_rows_page(sheets: QuerySet[RequirementSheet], number, per_page: int) -> Page:
    """One page of `sheets` as `SheetRow`s, in one query: the rows carry the total (a window
    count) and the industries' version (for the filter, see `sheet_list_key`) instead of
    queries of their own.
    A number past the last page shows the last page, as `Paginator.get_page` does."""
    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
    # Far past any real list, and small enough for the database's OFFSET: the last page.
    number = min(number, MAX_PAGE_NUMBER)
    values = sheet_row_values(sheets)
    bottom = (number - 1) * per_page
    found = list(
        values.annotate(total=Window(Count("pk")), **versions.catalog_version("sheet_list"))[
            bottom : bottom + per_page
        ]
    )
    paginator = Paginator(values, per_page)
    if found:
        paginator.count = found[0]["total"]  # what the paginator would count, already known
        page = paginator.page(number)
        page.catalog_version = found[0]["catalog_version"]
    else:
        page = paginator.get_page(number)
        page.catalog_version = None
    page.object_list = sheet_rows(found if found else page.object_list)
    return page


def sheet_list_key(*, page: Page, filters: dict) -> str | None:
    """Everything the list shows below its title, and the language: a key for its rendering;
    None when the page has no rows (and so no catalog version)."""
    if page.catalog_version is None:
        return None
    parts = [
        translation.get_language(),
        versions.template_version("sheets/list.html"),
        sorted(filters.items()),
        page.number,
        page.paginator.count,
        page.catalog_version,
        page.object_list,
    ]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


class SheetContent:
    """What the sheet page shows of a sheet's content, each part loaded on first use.

    The page caches what it renders from these under `key`, so a page served from the
    cache loads none of them. `sheet` must come from `sheet_get_for_page`, which annotates
    what `key` reads.
    """

    def __init__(self, *, sheet: RequirementSheet):
        self.sheet = sheet

    @cached_property
    def key(self) -> str:
        """Changes with every saved change of the sheet, its items, posting and reviews (each
        moves the sheet to a new version), of its people's names, of the catalog, and with the
        language and the code."""
        sheet = self.sheet
        parts = [
            sheet.pk,
            sheet.version,
            sheet.status,
            sheet.updated_at.isoformat(),
            sheet.owner_stamp,
            sheet.hiring_manager_stamp,
            sheet.catalog_version,
            translation.get_language() or "",
            versions.template_version("sheets/detail.html"),
            # The quality report on the page: its rules write the messages.
            versions.code_version("hiring.quality", "QUALITY_CHECK"),
        ]
        digest = hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]
        return f"{sheet.pk}:{digest}"

    @cached_property
    def items(self) -> list[SheetItem]:
        return list(sheet_items(sheet=self.sheet))

    @cached_property
    def included(self) -> list[SheetItem]:
        return [item for item in self.items if item.included]

    @cached_property
    def dropped(self) -> list[SheetItem]:
        return [item for item in self.items if not item.included]

    @cached_property
    def groups(self) -> list[tuple[CapabilityCategory, list[SheetItem]]]:
        return items_by_category(self.included)

    @cached_property
    def posting_view(self) -> dict:
        return posting_view(sheet=self.sheet, items=self.included)

    @cached_property
    def differences(self) -> list["PresetDifference"]:
        return preset_differences(sheet=self.sheet, items=self.items)

    @cached_property
    def reviews(self) -> list:
        return list(sheet_reviews(sheet=self.sheet))
