import pytest

from hiring.catalog.models import AssessmentMethod, CapabilityCategory, Priority
from hiring.sheets.models import SheetItem
from hiring.sheets.tests.factories import make_sheet


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    """Alice's e-commerce draft, straight from the shipped preset; bob is its manager."""
    return make_sheet(owner=hr_alice, manager=manager_bob)


def add_items(sheet, count: int, *, requirement: str = "能独立处理客户咨询,记录问题并及时跟进。"):
    """Appends `count` custom items named 条目001…; written directly, as bulk data would be."""
    categories = list(CapabilityCategory.objects.order_by("order"))
    priorities = list(Priority.objects.order_by("order"))
    interview = AssessmentMethod.objects.get(slug="interview")
    items = SheetItem.objects.bulk_create(
        SheetItem(
            sheet=sheet,
            category=categories[n * len(categories) // count],
            name=f"条目{n + 1:03d}",
            requirement=f"{requirement}(第 {n + 1} 条)",
            priority=priorities[n % len(priorities)],
            order=1000 + n,
        )
        for n in range(count)
    )
    SheetItem.methods.through.objects.bulk_create(
        SheetItem.methods.through(sheetitem_id=item.pk, assessmentmethod_id=interview.pk)
        for item in items
    )
    return items
