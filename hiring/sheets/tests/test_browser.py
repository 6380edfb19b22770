"""HR builds a sheet in real headless Chromium, as a person would."""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import sync_playwright

from hiring.accounts.tests.factories import PASSWORD
from hiring.common.chromium import CHROMIUM, CHROMIUM_ARGS
from hiring.sheets.models import RequirementSheet

pytestmark = pytest.mark.browser


@pytest.fixture
def page():
    # Playwright runs an event loop in this thread; the test's ORM calls are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


class Steps:
    """Takes a screenshot of every step; keeps them only when the test fails."""

    def __init__(self, page):
        self.page = page
        self.folder = Path(tempfile.mkdtemp(prefix="wizard-e2e-"))
        self.count = 0

    @contextmanager
    def step(self, name: str):
        self.count += 1
        try:
            yield
        finally:
            self.page.screenshot(path=self.folder / f"{self.count:02d}-{name}.png", full_page=True)


def card(page, item_name: str):
    return page.locator("fieldset.item-row").filter(has=page.locator("legend", has_text=item_name))


def test_hr_builds_an_ecommerce_sheet_in_the_browser(
    live_server, catalog, hr_alice, manager_bob, page
):
    steps = Steps(page)
    try:
        with steps.step("login"):
            page.goto(live_server.url + reverse("login"))
            page.fill("#id_username", "hr_alice")
            page.fill("#id_password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(live_server.url + reverse("home"))

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

        with steps.step("edit-hard"):
            education = card(page, "学历").locator("textarea")
            education.fill("大专及以上,优秀者可放宽至高中")
            page.click("button:has-text('下一步')")
            page.wait_for_url("**/edit/core/")

        with steps.step("custom-core"):
            new = card(page, "添加自定义条目")
            new.locator("input[name$='-name']").fill("直播间客服经验")
            new.locator("textarea").fill("有 3 个月以上直播间弹幕答疑经验")
            new.locator("select[name$='-priority']").select_option(label="中")
            new.get_by_label("情景模拟", exact=True).check()
            page.click("button:has-text('上一步')")
            page.wait_for_url("**/edit/hard/")

        with steps.step("back-kept"):
            assert (
                card(page, "学历").locator("textarea").input_value()
                == "大专及以上,优秀者可放宽至高中"
            )
            page.click("button:has-text('下一步')")
            page.wait_for_url("**/edit/core/")
            custom = card(page, "直播间客服经验")
            assert custom.locator("textarea").input_value() == "有 3 个月以上直播间弹幕答疑经验"

        with steps.step("reload-kept"):
            page.reload()
            custom = card(page, "直播间客服经验")
            assert custom.locator("textarea").input_value() == "有 3 个月以上直播间弹幕答疑经验"
            assert custom.get_by_label("情景模拟", exact=True).is_checked()

        with steps.step("finish"):
            for next_step in ["value", "bonus", "posting", "review"]:
                page.click("button:has-text('下一步')")
                page.wait_for_url(f"**/edit/{next_step}/")
            page.click("button:has-text('完成')")
            page.wait_for_url("**/sheets/*/")

        with steps.step("detail"):
            sheet = RequirementSheet.objects.get()
            table = page.locator("table.sheet-table")
            for item in sheet.items.filter(included=True):
                assert table.locator("td", has_text=item.name).count() >= 1, item.name
            assert table.locator("td", has_text="大专及以上,优秀者可放宽至高中").count() == 1
            assert table.locator("td", has_text="直播间客服经验").count() == 1
    except Exception:
        print(f"\nScreenshots of each step: {steps.folder}")
        raise
    else:
        for shot in steps.folder.iterdir():
            shot.unlink()
        steps.folder.rmdir()
