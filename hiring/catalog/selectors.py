"""Reads of the catalog, with the joins each page needs decided here."""

from django.db import connection
from django.db.models import Count, Max, Prefetch, QuerySet, TextField
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


def industry_list_with_presets() -> QuerySet[Industry]:
    """Industries that have active presets, each preset with its item count."""
    presets = Preset.objects.filter(is_active=True).annotate(item_count=Count("items"))
    return (
        Industry.objects.filter(presets__is_active=True)
        .distinct()
        .prefetch_related(Prefetch("presets", queryset=presets, to_attr="active_presets"))
    )


def catalog_stamp() -> str:
    """Changes whenever a capability, priority, method or category changes: for cache keys."""
    stamps = [
        model.objects.aggregate(last=Max("updated_at"), count=Count("pk"))
        for model in (Capability, CapabilityCategory, Priority, AssessmentMethod)
    ]
    return ";".join(f"{s['last'].isoformat() if s['last'] else ''}/{s['count']}" for s in stamps)


def catalog_version_annotations() -> dict[str, RawSQL]:
    """The catalog's last change and size, as one annotation for a query a page runs anyway.

    The catalog tables are small, so the subqueries cost less than a round trip of their own;
    `catalog_version(row)` reads the annotated value, a string meant for cache keys.
    """
    quote = connection.ops.quote_name
    parts = [
        f"(SELECT COALESCE(CAST(MAX({quote('updated_at')}) AS TEXT), '') || '/' || "
        f"CAST(COUNT(*) AS TEXT) FROM {quote(model._meta.db_table)})"
        for model in CATALOG_MODELS
    ]
    return {"catalog_version": RawSQL(" || ';' || ".join(parts), (), output_field=TextField())}


def catalog_version(row) -> str:
    """What `catalog_version_annotations` put on `row`."""
    return row.catalog_version
