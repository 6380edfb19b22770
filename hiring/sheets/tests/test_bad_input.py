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


@pytest.mark.parametrize(
    "change, field",
    [
        ({"salary_max": 3_000_000_000}, "salary_max"),
        ({"salary_min": 2_147_483_648, "salary_max": None}, "salary_min"),
        ({"headcount": 32768}, "headcount"),
        ({"salary_period": "fortnight"}, "salary_period"),
        ({"role_title": "岗" * 81}, "role_title"),
    ],
)
def test_values_beyond_the_columns_are_refused_at_the_form(client, hr_alice, basics, change, field):
    client.force_login(hr_alice)
    data = {k: "" if v is None else v for k, v in {**basics, **change}.items()}
    response = client.post(reverse("sheets:new"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'id="error_1_id_{field}"' in response.text
    assert not RequirementSheet.objects.exists()


def test_a_salary_beyond_the_column_on_a_wizard_save_keeps_the_input(
    client, catalog, hr_alice, manager_bob
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    data = wizard.page_data("basics")
    data["basics-salary_min"] = "2147483648"
    data["basics-department"] = "新部门"

    response = wizard.post("basics", data, action="save")

    assert response.status_code == 200
    form = response.context["wizard"]["form"]
    assert "2147483647" in form.errors["salary_min"][0]
    assert 'value="2147483648"' in response.text and 'value="新部门"' in response.text
    sheet.refresh_from_db()
    assert sheet.salary_min == 6000 and sheet.department == "客户服务部"


@pytest.mark.parametrize("order", ["1000", "32768", "-1"])
def test_an_item_order_outside_the_widget_range_is_an_error_beside_it(
    client, catalog, hr_alice, manager_bob, order
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    data = wizard.page_data("core")
    key = next(k for k in data if k.endswith("-order"))
    data[key] = order
    before = list(sheet.items.values_list("order", flat=True))

    response = wizard.post("core", data)

    assert response.status_code == 200
    row = next(r for r in wizard.rows(response) if r["order"].html_name == key)
    assert row.errors["order"]
    assert f'value="{order}"' in response.text
    assert list(sheet.items.values_list("order", flat=True)) == before


def test_a_preset_change_still_replaces_the_items(client, catalog, hr_alice, manager_bob):
    """The form validates against a copy of the sheet: the service still sees the old preset."""
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    data = wizard.page_data("basics")
    data["basics-preset"] = str(Preset.objects.get(slug="saas").pk)

    assert wizard.post("basics", data).status_code == 302

    sheet.refresh_from_db()
    assert sheet.preset.slug == "saas"
    saas = set(Preset.objects.get(slug="saas").items.values_list("capability_id", flat=True))
    assert set(sheet.items.values_list("capability_id", flat=True)) == saas
