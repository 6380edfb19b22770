"""Reads of the catalog, with the joins each page needs decided here."""

from django.db.models import Count, Prefetch, QuerySet

from .models import Capability, Industry, Preset, PresetItem


def industry_list_with_presets() -> QuerySet[Industry]:
    """Industries that have active presets, each preset with its item count."""
    presets = Preset.objects.filter(is_active=True).annotate(item_count=Count("items"))
    return (
        Industry.objects.filter(presets__is_active=True)
        .distinct()
        .prefetch_related(Prefetch("presets", queryset=presets, to_attr="active_presets"))
    )


def preset_items(*, preset: Preset) -> QuerySet[PresetItem]:
    return (
        preset.items.select_related("capability__category", "priority")
        .prefetch_related("methods")
        .order_by("capability__category__order", "order")
    )


def capability_list(*, category_slug: str | None = None) -> QuerySet[Capability]:
    qs = (
        Capability.objects.filter(is_active=True)
        .select_related("category", "default_priority")
        .prefetch_related("default_methods", "industries")
    )
    if category_slug:
        qs = qs.filter(category__slug=category_slug)
    return qs
