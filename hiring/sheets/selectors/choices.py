"""What the editing pages offer: presets to start from, capabilities to add."""

from django.db.models import Prefetch, Q, QuerySet

from hiring.catalog.models import Capability, CapabilityCategory, Preset, PresetItem

from ..models import RequirementSheet


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
