"""Writes to the catalog. Admin actions and commands call these; nothing else writes."""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname, get_translation_fields

from .models import Preset, PresetItem


def _free_slug(base: str) -> str:
    slug, n = base, 2
    while Preset.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _free_name(base: str, *, field: str = "name") -> str:
    name, n = base, 2
    while Preset.objects.filter(**{field: name}).exists():
        name, n = f"{base} {n}", n + 1
    return name


@transaction.atomic
def preset_duplicate(*, preset: Preset) -> Preset:
    """Copies a preset with all its items, every language's text included; the copy starts
    inactive so users do not see it yet. Its name says it is a copy, in each language."""
    items = list(preset.items.prefetch_related("methods"))
    texts = {}
    for language in settings.MODELTRANSLATION_LANGUAGES:
        for name in ("name", "role_title", "summary", "responsibilities", "screening_questions"):
            field = build_localized_fieldname(name, language)
            texts[field] = getattr(preset, field)
        field = build_localized_fieldname("name", language)
        if texts[field]:
            with translation.override(language):
                label = _("（副本）")
            texts[field] = _free_name(f"{texts[field]} {label}"[:76], field=field)
    copy = Preset(
        slug=_free_slug(slugify(f"{preset.slug}-copy")[:60]),
        industry=preset.industry,
        order=preset.order,
        is_active=False,
        **texts,
    )
    copy.full_clean()
    copy.save()
    for item in items:
        new_item = PresetItem(
            preset=copy,
            capability_id=item.capability_id,
            priority_id=item.priority_id,
            order=item.order,
            **{field: getattr(item, field) for field in get_translation_fields("requirement")},
        )
        new_item.full_clean()
        new_item.save()
        new_item.methods.set(item.methods.all())
    return copy
