"""Sample sheets for tests and benchmarks, written through the same services as the wizard."""

from hiring.catalog.models import AssessmentMethod, CapabilityCategory, Preset, Priority
from hiring.sheets import services
from hiring.sheets.models import SheetItem


def make_sheet(*, owner, manager, preset_slug: str = "ecommerce", **basics):
    """A sheet made the way the wizard makes one: from a shipped preset."""
    preset = Preset.objects.get(slug=preset_slug)
    values = {
        "title": f"{preset.role_title} 招聘需求",
        "role_title": preset.role_title,
        "department": "客户服务部",
        "headcount": 2,
        "location": "杭州市余杭区",
        "schedule": "做五休二,09:00-18:00",
        "salary_min": 6000,
        "salary_max": 9000,
        "salary_period": "month",
        "hiring_manager": manager,
    }
    values.update(basics)
    return services.sheet_create_from_preset(actor=owner, preset=preset, basics=values)


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
