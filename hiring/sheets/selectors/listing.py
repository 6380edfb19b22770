"""The list of sheets: filters, one page of rows in one query, and the key its rendering is
cached under."""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count, F, IntegerField, Q, QuerySet, Window
from django.db.models.expressions import RawSQL
from django.utils import translation

from hiring.accounts.names import name_from
from hiring.common import versions

from .. import access
from ..models import RequirementSheet, SheetItem

# Far past any real list, and small enough for the database's OFFSET: the last page.
MAX_PAGE_NUMBER = 10_000_000


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


def sheet_rows_page(sheets: QuerySet[RequirementSheet], number, per_page: int) -> Page:
    """One page of `sheets` as `SheetRow`s, in one query: the rows carry the total (a window
    count) and the industries' version (for the filter, see `sheet_list_key`) instead of
    queries of their own.
    A number past the last page shows the last page, as `Paginator.get_page` does."""
    try:
        number = max(int(number), 1)
    except (TypeError, ValueError):
        number = 1
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
