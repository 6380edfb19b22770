"""Deleting items from a step: custom items go, library items are only ever switched off."""

import pytest

from hiring.sheets import services
from hiring.sheets.models import SheetItem

from .factories import make_sheet


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


def as_data(item, **changes) -> services.ItemData:
    values = dict(
        pk=item.pk,
        name=item.name,
        requirement=item.requirement,
        priority=item.priority,
        methods=list(item.methods.all()),
        included=item.included,
        order=item.order,
    )
    return services.ItemData(**(values | changes))


def test_only_custom_items_are_deleted(sheet, hr_alice):
    library = sheet.items.filter(category__slug="core").first()
    custom = SheetItem.objects.create(
        sheet=sheet,
        category=library.category,
        name="直播间客服经验",
        requirement="有直播间答疑经验",
        priority=library.priority,
        order=99,
    )

    services.sheet_save_items(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        category_id=library.category_id,
        items=[as_data(library, deleted=True), as_data(custom, deleted=True)],
        step="core",
    )

    assert SheetItem.objects.filter(pk=library.pk).exists()
    assert not SheetItem.objects.filter(pk=custom.pk).exists()
    assert sheet.history.first().history_type == "~"  # the deletion is a recorded version
