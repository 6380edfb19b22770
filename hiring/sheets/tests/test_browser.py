"""People's journeys in real headless Chromium: HR builds and submits a sheet with the item
editor; HR submits a sheet, its hiring manager approves it from 待我审批 and downloads the
PDF; HR reverts a draft to an earlier version after confirming."""

import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from hiring.accounts.tests.factories import PASSWORD
from hiring.sheets import services
from hiring.sheets.models import RequirementSheet

from .factories import make_sheet

# Browser tests need a live server, so the database is flushed after each; serialized rollback
# brings back what migrations put there (the role groups).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="zh-CN", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert not errors, errors  # no script on any page may fail


class Steps:
    """Keeps the page's HTML after every step and a screenshot of the step that failed; keeps
    them only when the test fails. With `every_screenshot`, every step is photographed (to be
    looked at by eye): a full-page screenshot costs more than most steps."""

    def __init__(self, page, every_screenshot: bool = False):
        self.page = page
        self.folder = Path(tempfile.mkdtemp(prefix="browser-e2e-"))
        self.count = 0
        self.every_screenshot = every_screenshot

    @contextmanager
    def step(self, name: str):
        self.count += 1
        shot = f"{self.count:02d}-{name}"
        try:
            yield
        except BaseException:
            self.keep(shot, screenshot=True)
            raise
        self.keep(shot, screenshot=self.every_screenshot)

    def keep(self, shot: str, screenshot: bool):
        # A page still navigating has no content to give yet: that is no failure of the test.
        try:
            (self.folder / f"{shot}.html").write_text(self.page.content(), encoding="utf-8")
            if screenshot:
                self.page.screenshot(path=self.folder / f"{shot}.png", full_page=True)
        except PlaywrightError as error:
            (self.folder / f"{shot}.txt").write_text(str(error), encoding="utf-8")

    def done(self, failed: bool):
        if failed:
            print(f"\nEach step's page, and a screenshot of the failing one: {self.folder}")
            return
        for shot in self.folder.iterdir():
            shot.unlink()
        self.folder.rmdir()


@contextmanager
def journey(page):
    steps = Steps(page)
    try:
        yield steps
    except BaseException:
        steps.done(failed=True)
        raise
    steps.done(failed=False)


def log_in(page, live_server, username: str):
    page.context.clear_cookies()  # whoever was logged in before
    page.goto(live_server.url + reverse("accounts:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("catalog:home"))


def row(page, name: str):
    """The item row whose key-item field holds `name`."""
    return page.locator("#items > .item-row").filter(
        has=page.locator(f"input[name$='-name'][value='{name}']")
    )


def row_names(page) -> list[str]:
    return page.locator("#items > .item-row input[name$='-name']").evaluate_all(
        "inputs => inputs.map(input => input.value)"
    )


def drag(page, source, target):
    """Drags a row by its handle onto another row, with the mouse, as a person does."""
    handle = source.locator(".drag-handle").bounding_box()
    onto = target.bounding_box()
    page.mouse.move(handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2)
    page.mouse.down()
    page.mouse.move(onto["x"] + 20, onto["y"] + 5, steps=12)
    page.mouse.move(onto["x"] + 20, onto["y"] + 3, steps=3)
    page.mouse.up()


def pick_method(page, item_row, label: str):
    item_row.locator(".item-methods .ts-control").click()
    item_row.locator(".ts-dropdown .option", has_text=label).first.click()
    page.keyboard.press("Escape")


def test_hr_builds_reorders_and_submits_an_ecommerce_sheet(
    live_server, catalog, hr_alice, manager_bob, page
):
    with journey(page) as steps:
        with steps.step("login"):
            log_in(page, live_server, "hr_alice")

        with steps.step("choose-preset"):
            page.locator(".preset-card[data-preset=ecommerce] a", has_text="用此模板新建").click()
            page.wait_for_url("**/sheets/new/**")

        with steps.step("basics"):
            assert page.input_value("#id_role_title") == "电商客服专员"
            page.fill("#id_location", "杭州市余杭区")
            page.fill("#id_salary_min", "6000")
            page.fill("#id_salary_max", "9000")
            page.select_option("#id_hiring_manager", str(manager_bob.pk))
            page.click("text=创建并继续")
            page.wait_for_url("**/edit/hard/")

        with steps.step("reorder-hard"):
            before = row_names(page)
            assert len(before) >= 3
            # Drag the last row to the top, then move the (new) second row up with 上移.
            drag(page, row(page, before[-1]), row(page, before[0]))
            dragged = [before[-1], *before[:-1]]
            assert row_names(page) == dragged
            row(page, dragged[1]).get_by_role("button", name="上移").click()
            expected = [dragged[1], dragged[0], *dragged[2:]]
            assert row_names(page) == expected
            row(page, expected[0]).locator("textarea[name$='-requirement']").fill(
                "大专及以上,优秀者可放宽至高中"
            )
            page.get_by_role("button", name="下一步").click()
            page.wait_for_url("**/edit/core/")

        with steps.step("order-kept-after-reload"):
            page.get_by_role("button", name="1. 基本信息与模板").wait_for()
            page.goto(page.url.replace("/core/", "/hard/"))
            assert row_names(page) == expected
            assert row(page, expected[0]).locator(
                "textarea[name$='-requirement']"
            ).input_value() == ("大专及以上,优秀者可放宽至高中")

        with steps.step("core-reorder-then-library"):
            page.get_by_role("button", name="下一步").click()
            page.wait_for_url("**/edit/core/")
            core_before = row_names(page)
            row(page, core_before[1]).get_by_role("button", name="上移").click()
            # An untouched custom row stays out of the way of everything else.
            page.get_by_role("button", name="+ 添加自定义条目").click()
            library = page.locator("#capability-list button").first
            added = library.locator("strong").inner_text().lstrip("+ ").strip()
            library.click()
            page.wait_for_url("**/edit/core/")
            expect(page.locator(".alert-success")).to_contain_text(f"已添加「{added}」")
            assert row_names(page) == [core_before[1], core_before[0], *core_before[2:], added]

        with steps.step("custom-rows"):
            page.get_by_role("button", name="+ 添加自定义条目").click()
            doomed = page.locator("#items > .item-row").nth(len(row_names(page)) - 1)
            doomed.locator("input[name$='-name']").fill("会被删掉的行")
            page.get_by_role("button", name="+ 添加自定义条目").click()
            custom = page.locator("#items > .item-row").last
            custom.locator("input[name$='-name']").fill("直播间客服经验")
            custom.locator("textarea[name$='-requirement']").fill("有 3 个月以上直播间弹幕答疑经验")
            custom.locator("select[name$='-priority']").select_option(label="中")
            pick_method(page, custom, "情景模拟")
            custom.get_by_text("面试题与评分锚点").click()
            anchor_1 = custom.get_by_label("1分表现")
            assert anchor_1.input_value()  # a custom item starts with a generic scale
            custom.get_by_label("面试问题").fill("请讲一次你在直播间同时回答多位观众提问的经历")
            doomed.get_by_role("button", name="删除此行").click()
            assert "会被删掉的行" not in row_names(page)
            page.get_by_role("button", name="保存草稿").click()
            page.wait_for_url("**/edit/core/")
            saved = row(page, "直播间客服经验")
            assert (
                saved.locator("textarea[name$='-requirement']").input_value()
                == "有 3 个月以上直播间弹幕答疑经验"
            )
            chosen = saved.locator("select[name$='-methods'] option:checked")
            assert chosen.all_inner_texts() == ["情景模拟"]
            expect(saved.locator(".ts-control .item")).to_contain_text(["情景模拟"])
            assert "会被删掉的行" not in row_names(page)
            assert saved.get_by_label("面试问题", exact=False).input_value() == (
                "请讲一次你在直播间同时回答多位观众提问的经历"
            )

        with steps.step("finish-and-submit"):
            for next_step in ["value", "bonus", "posting", "review"]:
                page.get_by_role("button", name="下一步").click()
                page.wait_for_url(f"**/edit/{next_step}/")
            page.get_by_role("button", name="提交审批").click()
            page.wait_for_url("**/sheets/*/")
            expect(page.locator(".alert-success")).to_contain_text("已提交给用人经理审批")

        sheet = RequirementSheet.objects.get()
        assert sheet.status == RequirementSheet.Status.SUBMITTED
        table = page.locator("table.sheet-table")
        assert table.locator("td", has_text="大专及以上,优秀者可放宽至高中").count() == 1
        assert table.locator("td", has_text="直播间客服经验").count() == 1
        hard = [item.name for item in sheet.items.filter(category__slug="hard", included=True)]
        assert hard == expected


def test_errors_are_summarised_at_the_top_and_link_to_their_fields(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    with journey(page) as steps:
        with steps.step("login"):
            log_in(page, live_server, "hr_alice")
            page.goto(live_server.url + reverse("sheets:wizard", args=[sheet.pk, "hard"]))

        with steps.step("half-typed-row"):
            page.get_by_role("button", name="+ 添加自定义条目").click()
            page.locator("#items > .item-row").last.locator("input[name$='-name']").fill("普通话")
            page.get_by_role("button", name="下一步").click()
            page.wait_for_load_state()

        with steps.step("summary"):
            summary = page.locator("#error-summary")
            expect(summary).to_be_focused()
            expect(summary.locator("li")).to_have_count(2)
            summary.get_by_role("link", name="第 5 条「普通话」 · 具体要求").click()
            requirement = page.locator("#items > .item-row").last.locator(
                "textarea[name$='-requirement']"
            )
            assert requirement.evaluate("field => field.id") in page.url
            expect(requirement).to_have_class("form-control form-control-sm is-invalid")
            # The rows the user did not touch carry no error.
            expect(page.locator("#items > .item-row.item-invalid")).to_have_count(1)


def test_leaving_a_step_with_unsaved_edits_asks_first(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    step_url = live_server.url + reverse("sheets:wizard", args=[sheet.pk, "core"])
    with journey(page) as steps:
        with steps.step("login"):
            log_in(page, live_server, "hr_alice")
            page.goto(step_url)

        with steps.step("clean-page-leaves-freely"):
            page.get_by_role("link", name="查看需求表").click()
            page.wait_for_url("**/sheets/*/")
            page.goto(step_url)

        with steps.step("typed-then-leave"):
            asked = []

            def answer(dialog):
                asked.append(dialog.type)
                dialog.dismiss()

            page.on("dialog", answer)
            page.locator("#items textarea[name$='-requirement']").first.fill(
                "有耐心,能同时处理 5 个以上会话"
            )
            page.get_by_role("link", name="查看需求表").click()
            page.wait_for_timeout(500)
            assert asked == ["beforeunload"]
            assert page.url == step_url
            assert page.locator("#items textarea[name$='-requirement']").first.input_value() == (
                "有耐心,能同时处理 5 个以上会话"
            )

        with steps.step("saving-does-not-ask"):
            page.get_by_role("button", name="保存草稿").click()
            page.wait_for_url(step_url)
            page.get_by_role("link", name="查看需求表").click()
            page.wait_for_url("**/sheets/*/")
            assert asked == ["beforeunload"]


def test_hr_submits_a_manager_approves_from_waiting_for_me_and_downloads_the_pdf(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, title="电商客服 春季招聘")
    with journey(page) as steps:
        with steps.step("submit"):
            log_in(page, live_server, "hr_alice")
            page.goto(live_server.url + reverse("sheets:detail", args=[sheet.pk]))
            page.get_by_role("button", name="提交审批").click()
            page.wait_for_url(f"**/sheets/{sheet.pk}/")
            expect(page.locator(".alert-success")).to_contain_text("已提交给用人经理审批")
            expect(page.get_by_role("button", name="提交审批")).to_have_count(0)

        with steps.step("home"):
            log_in(page, live_server, "manager_bob")
            pending = page.locator("section[aria-labelledby=pending-heading]")
            expect(pending.locator("[data-count=pending]")).to_have_text("1")
            expect(page.get_by_text("用此模板新建")).to_have_count(0)

        with steps.step("approve"):
            pending.get_by_role("link", name="电商客服 春季招聘").click()
            page.wait_for_url(f"**/sheets/{sheet.pk}/")
            page.get_by_label("批准").check()
            page.get_by_role("button", name="提交审批结果").click()
            page.wait_for_url(f"**/sheets/{sheet.pk}/")
            expect(page.locator(".alert-success")).to_contain_text("已批准")

        with steps.step("home-after"):
            page.goto(live_server.url + reverse("catalog:home"))
            expect(page.locator("[data-count=pending]")).to_have_text("0")
            decided = page.locator(".decided-list")
            expect(decided).to_contain_text("电商客服 春季招聘")
            expect(decided).to_contain_text("批准")

        with steps.step("pdf"):
            page.goto(live_server.url + reverse("sheets:detail", args=[sheet.pk]))
            with page.expect_download() as download:
                page.get_by_role("link", name="需求表 PDF").click()
            assert Path(download.value.path()).read_bytes().startswith(b"%PDF")

    sheet.refresh_from_db()
    assert sheet.status == RequirementSheet.Status.APPROVED
    actions = list(sheet.reviews.order_by("created_at").values_list("action", "actor__username"))
    assert actions == [("submitted", "hr_alice"), ("approved", "manager_bob")]


def test_hr_reverts_a_draft_to_an_earlier_version_after_confirming(
    live_server, catalog, hr_alice, manager_bob, page
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, location="杭州市余杭区")
    basics = {"location": "上海市浦东新区"}
    services.sheet_update_basics(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        preset=sheet.preset,
        basics=basics,
        step="basics",
    )
    with journey(page) as steps:
        with steps.step("history"):
            log_in(page, live_server, "hr_alice")
            page.goto(live_server.url + reverse("sheets:history", args=[sheet.pk]))
            changed = page.locator(".history-entry", has_text="上海市浦东新区")
            expect(changed.locator("ins")).to_have_text("上海市浦东新区")
            created = page.locator(".history-entry", has_text="创建需求表")
            created.get_by_role("link", name="恢复到此版本").click()
            page.wait_for_url("**/revert/")

        with steps.step("confirm"):
            # Asked first: nothing has changed yet.
            expect(page.locator("h1")).to_contain_text("恢复到早先版本")
            assert RequirementSheet.objects.get(pk=sheet.pk).location == "上海市浦东新区"
            page.get_by_role("button", name="确认恢复").click()
            page.wait_for_url(f"**/sheets/{sheet.pk}/")
            expect(page.locator(".alert-success")).to_contain_text("已恢复到所选版本")
            expect(page.locator(".sheet-header")).to_contain_text("杭州市余杭区")

    assert RequirementSheet.objects.get(pk=sheet.pk).location == "杭州市余杭区"
