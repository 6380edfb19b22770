"""Rough edges of the item editor and the review form, clicked through in real Chromium: the
method picker and the keyboard, a switched-off row, 去修改 into a row's fold, the cursor after
adding a library item, and a refused return reloaded."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from hiring.common.tests.accessibility import assert_accessible
from hiring.sheets.models import SheetItem

from .factories import make_sheet
from .test_browser import log_in
from .test_browser import page as page  # the fixture

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def chosen_methods(item_row) -> list[str]:
    return item_row.locator("select[name$='-methods'] option:checked").all_inner_texts()


def test_the_method_picker_keeps_enter_to_itself(live_server, catalog, hr_alice, manager_bob, page):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    step_url = live_server.url + reverse("sheets:wizard", args=[sheet.pk, "core"])
    log_in(page, live_server, "hr_alice")
    page.goto(step_url)
    first = page.locator("#items > .item-row").first
    before = chosen_methods(first)
    assert before

    # Enter on a chip: nothing is submitted, nothing is lost.
    first.locator(".ts-control .item").first.click()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.url == step_url
    assert chosen_methods(first) == before

    # Typing and Enter at once picks the option that matches what was typed.
    missing = first.locator("select[name$='-methods'] option:not(:checked)").first.inner_text()
    first.locator(".ts-control").click()
    page.keyboard.type(missing[:2])
    page.keyboard.press("Enter")
    assert missing in chosen_methods(first)
    assert page.url == step_url


def test_a_switched_off_row_reads_well_and_its_picker_opens_on_top(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    log_in(page, live_server, "hr_alice")
    page.goto(live_server.url + reverse("sheets:wizard", args=[sheet.pk, "core"]))
    rows = page.locator("#items > .item-row")
    for index in (0, 1, 2):
        rows.nth(index).get_by_role("switch").uncheck()
    assert_accessible(page)  # contrast of greyed rows included

    rows.nth(0).locator(".ts-control").click()
    dropdown = rows.nth(0).locator(".ts-dropdown")
    expect(dropdown).to_be_visible()
    option = dropdown.locator(".option").last
    option.scroll_into_view_if_needed()
    box = option.bounding_box()
    # What is drawn at the option's centre is the option, not the row below; fully opaque.
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('.ts-dropdown') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top
    opacity = dropdown.evaluate(
        """el => { let o = 1; for (; el; el = el.parentElement)
             o *= Number(getComputedStyle(el).opacity); return o; }"""
    )
    assert opacity == 1


def test_fix_link_for_an_interview_question_opens_the_fold_at_the_field(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    item = sheet.items.filter(category__slug="core", included=True).first()
    SheetItem.objects.filter(pk=item.pk).update(interview_prompts="你是否已婚?只招未婚女性")
    log_in(page, live_server, "hr_alice")
    page.goto(live_server.url + reverse("sheets:detail", args=[sheet.pk]))
    page.locator(".quality-report a[href*='interview_prompts']").first.click()
    page.wait_for_url("**/edit/core/#item-*")

    row = page.locator(f"#item-{item.pk}")
    expect(row.locator("details.item-scorecard")).to_have_attribute("open", "")
    expect(row.locator("textarea[name$='-interview_prompts']")).to_be_focused()


def test_after_adding_a_library_item_the_cursor_is_in_its_row(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    log_in(page, live_server, "hr_alice")
    page.goto(live_server.url + reverse("sheets:wizard", args=[sheet.pk, "core"]))
    page.locator("#capability-list button").first.click()
    page.wait_for_url("**/edit/core/#item-*")

    added = page.locator("#items > .item-row").last
    expect(added.locator("textarea[name$='-requirement']")).to_be_focused()


def test_a_refused_return_survives_a_reload_and_a_language_switch(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, title="电商客服 春季招聘")
    from hiring.sheets import services

    services.sheet_submit(sheet=sheet, actor=hr_alice)
    log_in(page, live_server, "manager_bob")
    page.goto(live_server.url + reverse("sheets:detail", args=[sheet.pk]))
    page.get_by_label("退回修改").check()
    page.get_by_role("button", name="提交审批结果").click()  # no comment: refused
    page.wait_for_url(f"**/sheets/{sheet.pk}/review/")
    expect(page.locator(".invalid-feedback, .alert-danger").first).to_be_visible()

    page.locator("select[name=language]").select_option("en")
    page.wait_for_load_state()
    expect(page.locator("h1")).to_contain_text("电商客服 春季招聘")
    expect(page.get_by_role("button", name="Submit decision")).to_be_visible()

    page.goto(live_server.url + reverse("sheets:review", args=[sheet.pk]))
    expect(page.locator("h1")).to_contain_text("电商客服 春季招聘")


def test_replace_edited_items_is_asked_only_once_the_preset_changes(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    item = sheet.items.filter(category__slug="core").first()
    SheetItem.objects.filter(pk=item.pk).update(requirement="改过的要求")
    log_in(page, live_server, "hr_alice")
    page.goto(live_server.url + reverse("sheets:wizard", args=[sheet.pk, "basics"]))
    replace = page.locator("input[name$='-replace_items']")
    expect(replace).to_be_hidden()

    page.locator("select[name$='-preset']").select_option(label="通用 · 通用客服")
    expect(replace).to_be_visible()
    page.locator("select[name$='-preset']").select_option(str(sheet.preset_id))
    expect(replace).to_be_hidden()


def test_a_saved_custom_item_can_be_deleted(live_server, catalog, hr_alice, manager_bob, page):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    library = sheet.items.filter(category__slug="core").first()
    custom = SheetItem.objects.create(
        sheet=sheet,
        category=library.category,
        name="直播间客服经验",
        requirement="有直播间答疑经验",
        priority=library.priority,
        order=99,
    )
    log_in(page, live_server, "hr_alice")
    page.goto(live_server.url + reverse("sheets:wizard", args=[sheet.pk, "core"]))
    # Library items are switched off, not deleted: they have no delete button.
    expect(
        page.locator(f"#item-{library.pk}").get_by_role("button", name="删除此行")
    ).to_have_count(0)
    page.locator(f"#item-{custom.pk}").get_by_role("button", name="删除此行").click()
    expect(page.locator(f"#item-{custom.pk}")).to_be_hidden()
    page.get_by_role("button", name="保存草稿").click()
    page.wait_for_load_state()

    expect(page.locator(".alert-success")).to_contain_text("草稿已保存")
    assert not SheetItem.objects.filter(pk=custom.pk).exists()
    assert SheetItem.objects.filter(pk=library.pk).exists()
    expect(page.locator(f"#item-{custom.pk}")).to_have_count(0)
