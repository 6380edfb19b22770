"""Writes to the catalog. Admin actions and commands call these; nothing else writes."""

from django.db import transaction
from django.utils.text import slugify

from .models import Preset, PresetItem


def _free_slug(base: str) -> str:
    slug, n = base, 2
    while Preset.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _free_name(base: str) -> str:
    name, n = base, 2
    while Preset.objects.filter(name=name).exists():
        name, n = f"{base} {n}", n + 1
    return name


@transaction.atomic
def preset_duplicate(*, preset: Preset, copy_label: str) -> Preset:
    """Copies a preset with all its items; the copy starts inactive so users do not see it yet."""
    items = list(preset.items.prefetch_related("methods"))
    copy = Preset(
        slug=_free_slug(slugify(f"{preset.slug}-copy")[:60]),
        name=_free_name(f"{preset.name} {copy_label}"[:76]),
        industry=preset.industry,
        role_title=preset.role_title,
        summary=preset.summary,
        responsibilities=preset.responsibilities,
        screening_questions=preset.screening_questions,
        order=preset.order,
        is_active=False,
    )
    copy.full_clean()
    copy.save()
    for item in items:
        new_item = PresetItem(
            preset=copy,
            capability_id=item.capability_id,
            requirement=item.requirement,
            priority_id=item.priority_id,
            order=item.order,
        )
        new_item.full_clean()
        new_item.save()
        new_item.methods.set(item.methods.all())
    return copy
