import pytest
from django.db import IntegrityError, transaction

from hiring.catalog.models import Capability, Industry, Preset, PresetItem, Priority

pytestmark = pytest.mark.django_db


def test_duplicate_slug_is_refused():
    Industry.objects.create(slug="retail", name="零售")
    with pytest.raises(IntegrityError), transaction.atomic():
        Industry.objects.create(slug="retail", name="零售二")


def test_weight_out_of_range_is_refused():
    with pytest.raises(IntegrityError), transaction.atomic():
        Priority.objects.create(slug="silly", name="离谱", weight=101)


def test_negative_weight_is_refused():
    # The column is unsigned on every backend; negative values never reach the table.
    with pytest.raises(IntegrityError), transaction.atomic():
        Priority.objects.create(slug="negative", name="负数", weight=-1)


def test_a_preset_holds_a_capability_once(catalog):
    preset = Preset.objects.get(slug="general")
    item = preset.items.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        PresetItem.objects.create(
            preset=preset,
            capability=item.capability,
            requirement="重复",
            priority=item.priority,
        )


def test_prompts_are_split_per_line(catalog):
    empathy = Capability.objects.get(slug="empathy")
    assert len(empathy.prompts) >= 2
    assert all(prompt == prompt.strip() and prompt for prompt in empathy.prompts)
