"""Reads of the catalog, with the joins each page needs decided here."""

from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL

from .models import (
    Industry,
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
