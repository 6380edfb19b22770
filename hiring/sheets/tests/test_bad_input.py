import pytest
from django.urls import reverse
from django.utils.html import escape

from hiring.catalog.models import Preset
from hiring.sheets.models import RequirementSheet

from .factories import make_sheet
from .wizard_client import WizardClient, add_row

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)> & <b>粗体</b>'
MIXED = "客服🎧 Ünïcode عربى 한국어 ‮reversed‬ 𠀀"


@pytest.fixture
def basics(catalog, manager_bob):
    return {
        "title": "电商客服招聘",
        "preset": Preset.objects.get(slug="ecommerce").pk,
        "role_title": "电商客服专员",
        "headcount": 2,
        "location": "杭州",
        "salary_min": 6000,
        "salary_max": 9000,
        "salary_period": "month",
        "hiring_manager": manager_bob.pk,
    }


@pytest.mark.parametrize(
    "change, field, message",
    [
        ({"salary_min": 9000, "salary_max": 6000}, "salary_max", "薪资上限不能低于下限"),
        ({"headcount": 0}, "headcount", "大于或等于1"),
        ({"title": ""}, "title", "必填"),
        ({"location": ""}, "location", "必填"),
        ({"title": "长" * 10_000}, "title", "不超过 120 字符"),
        ({"salary_min": -5}, "salary_min", "大于或等于0"),
        ({"hiring_manager": 999999}, "hiring_manager", "选择一个有效的选项"),
    ],
)
def test_bad_basics_get_an_error_next_to_the_field(
    client, hr_alice, basics, change, field, message
):
    client.force_login(hr_alice)
    response = client.post(reverse("sheets:new"), {**basics, **change})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors and len(errors[field]) == 1 and message in errors[field][0]
    assert f'id="error_1_id_{field}"' in response.text  # rendered beside the field
    assert not RequirementSheet.objects.exists()


def test_errors_are_in_english_for_english_users(client, hr_alice, basics):
    client.force_login(hr_alice)
    client.post(reverse("set_language"), {"language": "en"})
    response = client.post(reverse("sheets:new"), {**basics, "headcount": 0})
    assert "greater than or equal to 1" in " ".join(response.context["form"].errors["headcount"])


def test_a_bad_save_keeps_what_was_saved_before(client, catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    data = wizard.page_data("core")
    name_key = next(k for k, v in data.items() if k.endswith("-requirement"))
    data[name_key] = "长" * 10_000

    response = wizard.post("core", data)

    assert response.status_code == 200
    assert "2000" in str(response.context["wizard"]["form"].errors)
    sheet.refresh_from_db()
    assert all(len(item.requirement) < 2000 for item in sheet.items.all())


def test_hostile_and_odd_text_is_stored_verbatim_and_shown_as_text(
    client, catalog, hr_alice, manager_bob
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, title=HOSTILE[:120])
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)

    basics = wizard.page_data("basics")
    for field in ["department", "location", "schedule"]:
        basics[f"basics-{field}"] = MIXED
    basics["basics-role_title"] = HOSTILE[:80]
    assert wizard.post("basics", basics).status_code == 302

    data = wizard.page_data("hard")
    extra = add_row(data, "hard")
    data.update(
        {
            f"{extra}-included": "on",
            f"{extra}-name": HOSTILE[:60],
            f"{extra}-requirement": HOSTILE + MIXED,
            f"{extra}-priority": str(sheet.items.first().priority_id),
            f"{extra}-order": "1",
        }
    )
    assert wizard.post("hard", data).status_code == 302

    posting = wizard.page_data("posting")
    for field in ["summary", "responsibilities", "benefits", "how_to_apply"]:
        posting[f"posting-{field}"] = HOSTILE + MIXED
    assert wizard.post("posting", posting).status_code == 302

    sheet.refresh_from_db()
    assert sheet.department == MIXED
    assert sheet.items.get(name=HOSTILE[:60]).requirement == HOSTILE + MIXED
    for url in [
        reverse("sheets:detail", args=[sheet.pk]),
        reverse("sheets:list"),
        wizard.url("hard"),
        wizard.url("review"),
    ]:
        page = client.get(url).text
        assert "<script>alert" not in page and "<img src=x" not in page
        assert escape(HOSTILE[:60]) in page or escape(HOSTILE[:80]) in page
    assert MIXED in client.get(reverse("sheets:detail", args=[sheet.pk])).text
