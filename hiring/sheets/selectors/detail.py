"""What the sheet page shows: the sheet with what its cache key needs, and each part of its
content loaded only when the page is not in the cache."""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery, TextField, Value
from django.db.models.functions import Concat
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation

from hiring.catalog.models import CapabilityCategory, PresetItem
from hiring.common import versions
from hiring.common.translated import content_language

from .. import access
from ..models import RequirementSheet, SheetItem
from .posting import posting_view
from .sheets import items_by_category, sheet_items, sheet_reviews


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
    def differences(self) -> list[PresetDifference]:
        return preset_differences(sheet=self.sheet, items=self.items)

    @cached_property
    def reviews(self) -> list:
        return list(sheet_reviews(sheet=self.sheet))
