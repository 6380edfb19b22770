"""Reads of the catalog, with the joins each page needs decided here."""

from django.db.models import Count, Max, Prefetch, QuerySet

from .models import AssessmentMethod, Capability, CapabilityCategory, Industry, Preset, Priority


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
