import pytest
from django import forms
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hiring.catalog.models import AssessmentMethod, Capability, Preset, Priority
from hiring.sheets.forms import preset_title
from hiring.sheets.models import RequirementSheet

from .factories import make_sheet
from .wizard_client import WizardClient, add_row

CATEGORY_STEPS = ["hard", "core", "value", "bonus"]


def start_sheet(client, preset: Preset, manager, title: str = "") -> WizardClient:
    response = client.post(
        reverse("sheets:new"),
        {
            "title": title or f"{preset.role_title} 2026 春招",
            "preset": preset.pk,
            "role_title": preset.role_title,
            "department": "客户服务部",
            "headcount": 3,
            "location": "杭州市余杭区",
            "schedule": "做五休二,早晚班轮换",
            "salary_min": 6000,
            "salary_max": 9000,
            "salary_period": "month",
            "hiring_manager": manager.pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    sheet = RequirementSheet.objects.latest("pk")
    assert response["Location"] == reverse("sheets:wizard", args=[sheet.pk, "hard"])
    return WizardClient(client, sheet.pk)


def row_index(data: dict, name: str) -> str:
    """The form prefix of the row showing item `name` in posted step data."""
    for key, value in data.items():
        if key.endswith("-name") and value == name:
            return key[: -len("-name")]
    raise AssertionError(f"no row named {name}")


def put_in_order(data: dict, names: list[str]) -> None:
    """What dragging rows does on the page: numbers the named rows 1, 2, 3 … in that order."""
    for position, name in enumerate(names, start=1):
        data[f"{row_index(data, name)}-order"] = str(position)


@pytest.mark.parametrize("preset_slug", ["general", "ecommerce", "cross-border", "saas", "finance"])
def test_a_whole_wizard_run_saves_the_choices_made(
    client, catalog, hr_alice, manager_bob, preset_slug
):
    client.force_login(hr_alice)
    preset = Preset.objects.get(slug=preset_slug)
    wizard = start_sheet(client, preset, manager_bob)
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    assert sheet.items.count() == preset.items.count()

    medium = Priority.objects.get(slug="medium")
    expected = {}
    for step in CATEGORY_STEPS:
        data = wizard.page_data(step)
        names = [v for k, v in data.items() if k.endswith("-name") and v]
        if names:
            first = row_index(data, names[0])
            data[f"{first}-requirement"] = f"{step}:改写后的要求,至少 2 年经验"
            data[f"{first}-priority"] = str(medium.pk)
            expected[names[0]] = (f"{step}:改写后的要求,至少 2 年经验", "中", True)
        if len(names) > 1:
            data.pop(f"{row_index(data, names[-1])}-included", None)
            expected[names[-1]] = (None, None, False)
        new = add_row(data, step)
        data.update(
            {
                f"{new}-included": "on",
                f"{new}-name": f"自定义{step}",
                f"{new}-requirement": "能使用企业微信与客户沟通",
                f"{new}-priority": str(medium.pk),
                f"{new}-order": "99",
            }
        )
        expected[f"自定义{step}"] = ("能使用企业微信与客户沟通", "中", True)
        response = wizard.post(step, data)
        assert response.status_code == 302, response.context["wizard"]["form"].errors

    data = wizard.page_data("posting")
    data["posting-benefits"] = "五险一金\n带薪年假"
    assert wizard.post("posting", data).status_code == 302
    response = wizard.post("review", wizard.page_data("review"))
    assert response["Location"] == reverse("sheets:detail", args=[wizard.pk])

    sheet.refresh_from_db()
    items = {item.name: item for item in sheet.items.select_related("priority")}
    for name, (requirement, priority, included) in expected.items():
        assert items[name].included is included, name
        if requirement:
            assert items[name].requirement == requirement
            assert items[name].priority.name == priority
    assert sheet.posting.benefits == "五险一金\n带薪年假"
    assert sheet.last_step == "review"
    detail = client.get(reverse("sheets:detail", args=[sheet.pk]))
    kept = {item.name for _category, items in detail.context["groups"] for item in items}
    dropped = {item.name for item in detail.context["dropped"]}
    for name, (_req, _prio, included) in expected.items():
        assert (name in kept, name in dropped) == (included, not included), name


def test_a_plain_get_of_the_wizard_resets_nothing(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    data = wizard.page_data("hard")
    data[f"{row_index(data, '学历')}-requirement"] = "高中及以上,有客服经验者可放宽"
    wizard.post("hard", data)

    # A plain GET of the wizard URL (no step) resumes where the sheet was left.
    response = client.get(reverse("sheets:wizard", args=[wizard.pk, "nonsense"]))
    assert response["Location"] == wizard.url("core")
    response = client.get(reverse("sheets:edit", args=[wizard.pk]))
    assert response["Location"] == wizard.url("core")
    for step in ["basics", "hard", "core"]:
        wizard.open(step)
    assert "高中及以上,有客服经验者可放宽" in wizard.open("hard").text


def test_an_expired_session_loses_nothing_and_resumes_at_the_last_step(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="saas"), manager_bob)
    for step in ["hard", "core"]:
        wizard.post(step, wizard.page_data(step))
    data = wizard.page_data("value")
    data[f"{row_index(data, '主动服务意识')}-requirement"] = "每月至少提出 2 条改进建议"
    wizard.post("value", data, action="save")

    client.session.flush()  # the session is gone: expired, or the server restarted
    client.force_login(hr_alice)

    response = client.get(reverse("sheets:edit", args=[wizard.pk]))
    assert response["Location"] == wizard.url("value")
    assert "每月至少提出 2 条改进建议" in wizard.open("value").text
    # Finishing from a fresh session completes the sheet instead of restarting at step one.
    for step in ["value", "bonus", "posting", "review"]:
        response = wizard.post(step, wizard.page_data(step))
        assert response.status_code == 302
    assert response["Location"] == reverse("sheets:detail", args=[wizard.pk])


def test_two_sheets_in_two_tabs_keep_their_own_wizard_state(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    first = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    second = start_sheet(client, Preset.objects.get(slug="finance"), manager_bob)

    # Tab one leaves unfinished input on its core step; tab two works on its own core step.
    data = first.page_data("core")
    data[f"{row_index(data, '共情能力')}-name"] = ""
    data[f"{row_index(data, '沟通表达')}-requirement"] = "第一张表的草稿文字"
    first.post("core", data, action="goto", goto="hard")
    second_core = second.open("core")
    assert "第一张表的草稿文字" not in second_core.text
    second.post("core", second.page_data("core", second_core))

    # Back in tab one, its unfinished input is there, with the error next to the field.
    response = first.open("core")
    assert "第一张表的草稿文字" in response.text
    assert response.context["wizard"]["form"].total_error_count() == 1
    assert RequirementSheet.objects.get(pk=second.pk).last_step == "value"


def test_back_saves_what_was_typed_on_the_current_step(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="general"), manager_bob)
    wizard.post("hard", wizard.page_data("hard"))
    data = wizard.page_data("core")
    data[f"{row_index(data, '沟通表达')}-requirement"] = "普通话二级甲等,表达清晰"

    response = wizard.post("core", data, action="goto", goto="hard")

    assert response["Location"] == wizard.url("hard")
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    assert sheet.items.get(name="沟通表达").requirement == "普通话二级甲等,表达清晰"
    assert "普通话二级甲等,表达清晰" in wizard.open("core").text


def test_refreshing_a_page_does_not_repost_an_earlier_step(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    stale = wizard.page_data("hard")
    stale[f"{row_index(stale, '学历')}-requirement"] = "第一次提交"
    wizard.post("hard", stale)
    newer = wizard.page_data("hard")
    newer[f"{row_index(newer, '学历')}-requirement"] = "后来改成这样"
    wizard.post("hard", newer)

    response = wizard.post("hard", stale)  # the browser re-sends the first POST

    assert response.status_code == 409
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    assert sheet.items.get(name="学历").requirement == "后来改成这样"


def test_a_save_from_an_older_page_is_refused_and_overwrites_nothing(
    catalog, hr_alice, manager_bob
):
    tab_one, tab_two = Client(), Client()
    tab_one.force_login(hr_alice)
    tab_two.force_login(hr_alice)
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    one, two = WizardClient(tab_one, sheet.pk), WizardClient(tab_two, sheet.pk)
    data_one, data_two = one.page_data("core"), two.page_data("core")
    data_one[f"{row_index(data_one, '共情能力')}-requirement"] = "窗口一的修改"
    data_two[f"{row_index(data_two, '共情能力')}-requirement"] = "窗口二的修改"

    assert one.post("core", data_one, action="save").status_code == 302
    response = two.post("core", data_two, action="save")

    assert response.status_code == 409
    assert "没有保存" in response.text
    assert "窗口二的修改" in response.text  # what was typed is still on the page
    assert sheet.items.get(name="共情能力").requirement == "窗口一的修改"


def test_changing_the_preset_after_edits_asks_before_replacing_items(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    data = wizard.page_data("hard")
    data[f"{row_index(data, '学历')}-requirement"] = "已编辑"
    wizard.post("hard", data)
    finance = Preset.objects.get(slug="finance")

    basics = wizard.page_data("basics")
    basics["basics-preset"] = str(finance.pk)
    basics["basics-retitle"] = "keep"
    response = wizard.post("basics", basics)
    assert response.status_code == 200
    assert "replace_items" in response.context["wizard"]["form"].errors
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    assert sheet.preset.slug == "ecommerce"
    assert sheet.items.get(name="学历").requirement == "已编辑"

    basics["basics-replace_items"] = "on"
    assert wizard.post("basics", basics).status_code == 302
    sheet.refresh_from_db()
    assert sheet.preset == finance and sheet.industry == finance.industry
    assert {i.capability_id for i in sheet.items.all()} == {
        i.capability_id for i in finance.items.all()
    }


def test_an_unedited_sheet_changes_preset_without_asking(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    ecommerce = Preset.objects.get(slug="ecommerce")
    wizard = start_sheet(client, ecommerce, manager_bob, title=preset_title(ecommerce))
    basics = wizard.page_data("basics")
    assert "basics-replace_items" not in basics
    saas = Preset.objects.get(slug="saas")
    basics["basics-preset"] = str(saas.pk)
    assert wizard.post("basics", basics).status_code == 302
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    assert sheet.preset == saas and sheet.industry == saas.industry
    # Title and role as the old preset suggested them follow the new one.
    assert (sheet.title, sheet.role_title) == (preset_title(saas), saas.role_title)


@pytest.mark.parametrize("choice", ["keep", "replace"])
def test_changing_the_preset_asks_before_replacing_a_title_the_user_wrote(
    client, catalog, hr_alice, manager_bob, choice
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="cross-border"), manager_bob)
    finance = Preset.objects.get(slug="finance")
    basics = wizard.page_data("basics")
    basics["basics-preset"] = str(finance.pk)
    response = wizard.post("basics", basics)
    assert response.status_code == 200
    assert "retitle" in response.context["wizard"]["form"].errors
    assert RequirementSheet.objects.get(pk=wizard.pk).preset.slug == "cross-border"

    basics["basics-retitle"] = choice
    assert wizard.post("basics", basics).status_code == 302
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    assert sheet.preset == finance
    if choice == "keep":
        assert sheet.title == "跨境电商客服专员 2026 春招"
    else:
        assert sheet.title == preset_title(finance)
    # The role was not edited: it follows the preset either way.
    assert sheet.role_title == finance.role_title


def test_a_catalog_capability_can_be_added_to_its_step(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="general"), manager_bob)
    response = wizard.open("bonus")
    addable = list(response.context["addable"])
    assert addable and all(c.category.slug == "bonus" for c in addable)
    capability = addable[0]

    data = wizard.page_data("bonus", response)
    data["add_capability"] = capability.slug
    response = wizard.post("bonus", data)

    item = RequirementSheet.objects.get(pk=wizard.pk).items.get(capability=capability)
    # Back at the step, with the cursor in the new row.
    assert response["Location"] == wizard.url("bonus") + f"#item-{item.pk}-requirement"
    assert item.requirement == capability.requirement
    assert set(item.methods.all()) == set(capability.default_methods.all())
    assert capability not in wizard.open("bonus").context["addable"]


def test_a_capability_of_another_category_cannot_be_added(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="general"), manager_bob)
    data = wizard.page_data("bonus")
    data["add_capability"] = Capability.objects.get(slug="empathy").slug
    assert wizard.post("bonus", data).status_code == 404


def test_items_are_reordered_by_their_order_numbers(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    data = wizard.page_data("core")
    names = [v for k, v in data.items() if k.endswith("-name") and v]
    put_in_order(data, list(reversed(names)))
    wizard.post("core", data)

    rows = wizard.rows(wizard.open("core"))
    assert [row.instance.name for row in rows if row.instance.pk] == list(reversed(names))


def test_an_item_of_another_sheet_cannot_be_edited_through_the_form(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    mine = make_sheet(owner=hr_alice, manager=manager_bob)
    other = make_sheet(owner=hr_alice, manager=manager_bob, preset_slug="finance")
    foreign = other.items.filter(category__slug="core").first()
    wizard = WizardClient(client, mine.pk)
    data = wizard.page_data("core")
    first = row_index(data, mine.items.filter(category__slug="core").first().name)
    data[f"{first}-id"] = str(foreign.pk)
    data[f"{first}-requirement"] = "篡改"

    count = mine.items.count()

    response = wizard.post("core", data)

    assert response.status_code == 200  # the row is refused with an error
    foreign.refresh_from_db()
    assert foreign.requirement != "篡改"
    assert mine.items.count() == count


def test_unsaved_input_is_dropped_when_the_preset_replaces_the_items(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    data = wizard.page_data("core")
    data[f"{row_index(data, '共情能力')}-name"] = ""
    wizard.post("core", data, action="goto", goto="basics")
    basics = wizard.page_data("basics")
    basics["basics-preset"] = str(Preset.objects.get(slug="finance").pk)
    basics["basics-replace_items"] = "on"
    basics["basics-retitle"] = "keep"
    assert wizard.post("basics", basics).status_code == 302

    page = wizard.open("core")
    assert not page.context["has_unsaved_input"]
    assert page.context["wizard"]["form"].is_bound is False
    assert wizard.post("core", wizard.page_data("core", page)).status_code == 302


def test_unsaved_input_can_be_discarded(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="general"), manager_bob)
    data = wizard.page_data("core")
    data[f"{row_index(data, '沟通表达')}-name"] = ""
    wizard.post("core", data, action="goto", goto="hard")
    assert wizard.open("core").context["has_unsaved_input"]

    response = wizard.post(
        "core", {f"sheet_wizard_{wizard.pk}-current_step": "core", "wizard_discard": "1"}
    )

    assert response["Location"] == wizard.url("core")
    page = wizard.open("core")
    assert not page.context["has_unsaved_input"] and "沟通表达" in page.text


def test_sending_a_refused_page_again_is_refused_again(catalog, hr_alice, manager_bob):
    tab_one, tab_two = Client(), Client()
    tab_one.force_login(hr_alice)
    tab_two.force_login(hr_alice)
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    one, two = WizardClient(tab_one, sheet.pk), WizardClient(tab_two, sheet.pk)
    data_one, data_two = one.page_data("posting"), two.page_data("posting")
    data_one["posting-headline"] = "窗口一"
    data_two["posting-headline"] = "窗口二"
    one.post("posting", data_one, action="save")

    refused = two.post("posting", data_two, action="save")
    again = two.page_data("posting", refused)  # what the 409 page would send
    again["wizard_save"] = "1"

    assert tab_two.post(two.url("posting"), again).status_code == 409
    sheet.posting.refresh_from_db()
    assert sheet.posting.headline == "窗口一"


@pytest.mark.parametrize("edit", ["posting", "order"])
def test_changing_the_preset_asks_when_posting_or_order_was_edited(
    client, catalog, hr_alice, manager_bob, edit
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    if edit == "posting":
        data = wizard.page_data("posting")
        data["posting-summary"] = "我们自己写的概述"
        wizard.post("posting", data)
    else:
        data = wizard.page_data("core")
        data[f"{row_index(data, '共情能力')}-order"] = "99"
        wizard.post("core", data)
    basics = wizard.page_data("basics")
    basics["basics-preset"] = str(Preset.objects.get(slug="saas").pk)

    response = wizard.post("basics", basics)

    assert response.status_code == 200
    assert "replace_items" in response.context["wizard"]["form"].errors


def test_adding_a_capability_already_on_the_sheet_is_refused_cleanly(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="general"), manager_bob)
    data = wizard.page_data("core")
    data[f"{row_index(data, '共情能力')}-requirement"] = "不应保存"
    data["add_capability"] = "empathy"

    response = client.post(wizard.url("core"), data, follow=True)

    assert "已在需求表中" in response.text
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    assert sheet.items.filter(capability__slug="empathy").count() == 1
    assert sheet.items.get(capability__slug="empathy").requirement != "不应保存"


def test_the_library_offers_only_capabilities_of_the_sheets_industry(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    ecommerce = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    offered = {c.slug for c in ecommerce.open("hard").context["addable"]}
    assert "industry-knowledge" not in offered  # 金融 and SaaS only
    assert offered  # general capabilities are still offered

    finance = start_sheet(client, Preset.objects.get(slug="finance"), manager_bob)
    finance_sheet = RequirementSheet.objects.get(pk=finance.pk)
    finance_sheet.items.filter(capability__slug="industry-knowledge").delete()
    assert "industry-knowledge" in {c.slug for c in finance.open("hard").context["addable"]}


def test_a_capability_of_another_industry_is_refused_with_a_message(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    data = wizard.page_data("hard")
    data["add_capability"] = "industry-knowledge"
    response = wizard.post("hard", data)
    assert response["Location"] == wizard.url("hard")
    page = client.get(wizard.url("hard")).content.decode()
    assert "不适用于「电商」的需求表" in page
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    assert not sheet.items.filter(capability__slug="industry-knowledge").exists()


def test_an_untouched_new_row_is_never_validated_or_saved(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    before = sheet.items.count()
    data = wizard.page_data("hard")
    names = [v for k, v in data.items() if k.endswith("-name") and v]
    new = add_row(data, "hard")
    # The page numbers every row after a move, the new one included, and ticks its keep box.
    put_in_order(data, list(reversed(names)))
    data[f"{new}-order"] = str(len(names) + 1)
    data[f"{new}-included"] = "on"

    response = wizard.post("hard", data)

    assert response.status_code == 302 and response["Location"] == wizard.url("core")
    assert sheet.items.count() == before
    rows = wizard.rows(wizard.open("hard"))
    assert [row.instance.name for row in rows] == list(reversed(names))


def test_adding_from_the_library_after_reordering_keeps_what_was_typed(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    response = wizard.open("core")
    capability = list(response.context["addable"])[0]
    data = wizard.page_data("core", response)
    names = [v for k, v in data.items() if k.endswith("-name") and v]
    put_in_order(data, list(reversed(names)))
    data[f"{row_index(data, names[0])}-requirement"] = "能同时处理 5 个以上会话"
    new = add_row(data, "core")
    data[f"{new}-order"] = str(len(names) + 1)
    data["add_capability"] = capability.slug

    assert wizard.post("core", data)["Location"].startswith(wizard.url("core") + "#item-")

    rows = [row.instance for row in wizard.rows(wizard.open("core"))]
    assert [item.name for item in rows] == [*reversed(names), capability.name]
    assert rows[len(names) - 1].requirement == "能同时处理 5 个以上会话"


def test_step_errors_are_listed_at_the_top_with_links_to_the_fields(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    data = wizard.page_data("core")
    new = add_row(data, "core")
    data[f"{new}-name"] = "直播间客服经验"  # no requirement, no priority yet

    response = wizard.post("core", data)

    assert response.status_code == 200
    page = response.content.decode()
    summary = page[page.index('id="error-summary"') : page.index('id="items"')]
    assert f'href="#id_{new}-requirement"' in summary
    assert f'href="#id_{new}-priority"' in summary
    assert "直播间客服经验" in summary
    # Each field keeps its own message as well.
    assert page.count(str(forms.Field.default_error_messages["required"])) >= 4


def test_the_review_step_submits_for_approval(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    response = wizard.open("review")
    assert not response.context["quality"].has_errors
    assert 'name="wizard_submit"' in response.content.decode()

    data = wizard.page_data("review", response)
    data["wizard_submit"] = "1"
    response = wizard.post("review", data)

    assert response["Location"] == reverse("sheets:detail", args=[wizard.pk])
    assert RequirementSheet.objects.get(pk=wizard.pk).status == "submitted"


def test_the_review_step_does_not_submit_a_sheet_with_errors(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    data = wizard.page_data("hard")
    data[f"{row_index(data, '学历')}-requirement"] = "限男性,35岁以下"
    wizard.post("hard", data)
    response = wizard.open("review")
    assert response.context["quality"].has_errors
    assert 'name="wizard_submit"' not in response.content.decode()

    data = wizard.page_data("review", response)
    data["wizard_submit"] = "1"
    wizard.post("review", data)
    assert RequirementSheet.objects.get(pk=wizard.pk).status == "draft"


def test_a_category_step_makes_the_same_queries_for_twice_the_items(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)

    def add_custom_items(count):
        data = wizard.page_data("core")
        for n in range(count):
            new = add_row(data, "core")
            data[f"{new}-name"] = f"自定义 {n}"
            data[f"{new}-requirement"] = "能在 30 秒内回复客户"
            data[f"{new}-priority"] = str(Priority.objects.get(slug="medium").pk)
            data[f"{new}-methods"] = [str(m.pk) for m in AssessmentMethod.objects.all()[:3]]
        assert wizard.post("core", data, action="save").status_code == 302

    add_custom_items(4)
    with CaptureQueriesContext(connection) as few:
        response = wizard.open("core")
    rows = len(wizard.rows(response))
    add_custom_items(rows)
    with CaptureQueriesContext(connection) as many:
        response = wizard.open("core")
    assert len(wizard.rows(response)) == 2 * rows
    assert len(many) == len(few)


def test_interview_questions_and_anchors_are_edited_in_the_step(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)
    data = wizard.page_data("core")
    row = row_index(data, "共情能力")
    data[f"{row}-interview_prompts"] = (
        "请讲一次你安抚情绪激动的客户的经历\n客户连发三条差评时你怎么回复"
    )
    data[f"{row}-anchor_5"] = "能复述客户情绪并给出具体补救方案"
    new = add_row(data, "core")
    response = wizard.open("core")
    empty = response.context["wizard"]["form"].empty_form
    assert empty["anchor_1"].value()  # a new row shows a generic scale to start from
    data.update(
        {
            f"{new}-name": "直播间客服经验",
            f"{new}-requirement": "有 3 个月以上直播间弹幕答疑经验",
            f"{new}-priority": str(Priority.objects.get(slug="medium").pk),
            f"{new}-anchor_1": empty["anchor_1"].value(),
        }
    )

    assert wizard.post("core", data).status_code == 302

    sheet = RequirementSheet.objects.get(pk=wizard.pk)
    empathy = sheet.items.get(name="共情能力")
    assert empathy.prompt_list == [
        "请讲一次你安抚情绪激动的客户的经历",
        "客户连发三条差评时你怎么回复",
    ]
    assert empathy.anchor_5 == "能复述客户情绪并给出具体补救方案"
    assert sheet.items.get(name="直播间客服经验").anchor_1 == empty["anchor_1"].value()


def test_a_category_step_from_the_cache_shows_catalog_changes_at_once(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    wizard = start_sheet(client, Preset.objects.get(slug="ecommerce"), manager_bob)

    def rows(response) -> str:
        page = response.content.decode()
        return page[page.index('id="items"') : page.index("</ol>")]

    first = wizard.open("core")
    with CaptureQueriesContext(connection) as again:
        assert rows(wizard.open("core")) == rows(first)  # served from the cache
    with CaptureQueriesContext(connection) as rendered:
        wizard.open("value")
    assert len(again) < len(rendered)

    method = AssessmentMethod.objects.get(slug="interview")
    method.name = "结构化面试"
    method.save()

    assert "结构化面试" in wizard.open("core").content.decode()
