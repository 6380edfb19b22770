from hiring.catalog.models import Preset
from hiring.sheets import services


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
