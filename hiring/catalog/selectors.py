"""Reads of the catalog, with the joins each page needs decided here."""

from django.db import connection
from django.db.models import Count, IntegerField, Max, TextField
from django.db.models.expressions import RawSQL

from .models import (
    AssessmentMethod,
    Capability,
    CapabilityCategory,
    Industry,
    Preset,
    PresetItem,
    Priority,
)

# Every table whose rows a sheet page shows or checks against.
CATALOG_MODELS = (
    Industry,
    CapabilityCategory,
    Priority,
    AssessmentMethod,
    Capability,
    Preset,
    PresetItem,
)


def industry_list_with_presets() -> list[Industry]:
    """Industries that have active presets, each with them (item counts included) as
    `active_presets`: one query, presets with their industry, grouped here."""
    quote = connection.ops.quote_name
    items, presets = PresetItem._meta, Preset._meta
    item_count = RawSQL(
        f"SELECT COUNT(*) FROM {quote(items.db_table)} i "
        f"WHERE i.{quote('preset_id')} = {quote(presets.db_table)}.{quote(presets.pk.column)}",
        (),
        output_field=IntegerField(),
    )
    industries: dict[int, Industry] = {}
    for preset in (
        Preset.objects.filter(is_active=True)
        .select_related("industry")
        .annotate(item_count=item_count)
        .order_by("industry__order", "industry__name", "order", "name")
    ):
        industry = industries.setdefault(preset.industry_id, preset.industry)
        if not hasattr(industry, "active_presets"):
            industry.active_presets = []
        industry.active_presets.append(preset)
    return list(industries.values())


def catalog_stamp() -> str:
    """Changes whenever a capability, priority, method or category changes: for cache keys."""
    stamps = [
        model.objects.aggregate(last=Max("updated_at"), count=Count("pk"))
        for model in (Capability, CapabilityCategory, Priority, AssessmentMethod)
    ]
    return ";".join(f"{s['last'].isoformat() if s['last'] else ''}/{s['count']}" for s in stamps)


def change_stamp_sql(table: str, *, alias: str = "s", where: str = "") -> str:
    """A SELECT giving the last `updated_at` and the number of rows of `table` (those matching
    `where`, written against `alias`) as one text, "<time>/<count>": it changes with every
    insert, update or delete, so it serves as a version in cache keys."""
    quote = connection.ops.quote_name
    sql = (
        f"SELECT COALESCE(CAST(MAX({alias}.{quote('updated_at')}) AS TEXT), '') || '/' || "
        f"CAST(COUNT(*) AS TEXT) FROM {quote(table)} {alias}"
    )
    return f"{sql} WHERE {where}" if where else sql


def catalog_version_annotations(models=CATALOG_MODELS) -> dict[str, RawSQL]:
    """The catalog's last change and size, as one annotation for a query a page runs anyway.

    The catalog tables are small, so the subqueries cost less than a round trip of their own;
    `catalog_version(row)` reads the annotated value, a string meant for cache keys.
    """
    parts = [f"({change_stamp_sql(model._meta.db_table)})" for model in models]
    return {"catalog_version": RawSQL(" || ';' || ".join(parts), (), output_field=TextField())}


def catalog_version(row) -> str:
    """What `catalog_version_annotations` put on `row`."""
    return row.catalog_version
