"""The whole HR → manager → revision journey, in Chinese on a phone and in English on a
desktop: every page it visits passes axe-core (no critical or serious finding) and nothing is
wider than the screen, on a phone and on a desktop alike, in both languages."""

import os
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from hiring.common.tests.accessibility import assert_accessible_on_every_screen
from hiring.sheets.models import RequirementSheet

from .test_browser import journey, log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Where a test must name a control by its text, in the two interface languages.
TEXT = {
    "zh-hans": {
        "new": "用此模板新建",
        "create": "创建并继续",
        "next": "下一步",
        "submit": "提交审批",
        "decide": "提交审批结果",
        "approve": "批准",
        "return": "退回修改",
        "revise": "创建新修订",
        "history": "修改历史",
    },
    "en": {
        "new": "New sheet from this preset",
        "create": "Create and continue",
        "next": "Next",
        "submit": "Submit for approval",
        "decide": "Submit decision",
        "approve": "Approve",
        "return": "Return for changes",
        "revise": "Create new revision",
        "history": "Change history",
    },
}


PHONE, DESKTOP = 375, 1280


@pytest.fixture
def screen(browser, width, language):
    context = browser.new_context(
        locale="zh-CN" if language == "zh-hans" else "en-US",
        viewport={"width": width, "height": 900},
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: message.type == "error" and errors.append(message.text),
    )
    yield page
    context.close()
    assert not errors, errors  # no script error, no CSP violation, no missing file


def check(page, widths=None):
    """The page passes on a phone and on a desktop (or at `widths`), and is left at the width
    it was used at.

    Our scripts fetch nothing once a page has loaded: what axe-core and the width check see is
    final at the load event (waiting for the network to be idle cost 0.5 s a page)."""
    page.wait_for_load_state("load")
    width = page.viewport_size["width"]
    other = DESKTOP if width == PHONE else PHONE
    assert_accessible_on_every_screen(page, widths=widths or (other, width))


# Each language is clicked through at one width and checked at both: the journey's clicks are
# the same in both languages, and running it four times cost a minute of every test run.
@pytest.mark.parametrize(
    "language, width", [("zh-hans", PHONE), ("en", DESKTOP)], ids=["phone-zh-hans", "desktop-en"]
)
def test_hr_manager_and_revision_on_every_screen(
    live_server, catalog, hr_alice, manager_bob, screen, language, width
):
    page, text = screen, TEXT[language]
    url = live_server.url
    with journey(page) as steps:
        keep = os.environ.get("REACH_SCREENSHOTS")
        if keep:
            steps.folder = Path(keep) / f"{language}-{width}"
            steps.folder.mkdir(parents=True, exist_ok=True)
            steps.done = lambda failed: None  # kept to be looked at
            steps.every_screenshot = True
        with steps.step("home"):
            log_in(page, live_server, "hr_alice")
            check(page)
            page.locator(".preset-card[data-preset=ecommerce] a", has_text=text["new"]).click()
            page.wait_for_url("**/sheets/new/**")
        with steps.step("basics"):
            check(page)
            page.fill("#id_location", "杭州市余杭区")
            page.fill("#id_salary_min", "6000")
            page.fill("#id_salary_max", "9000")
            page.select_option("#id_hiring_manager", str(manager_bob.pk))
            page.get_by_role("button", name=text["create"]).click()
            page.wait_for_url("**/edit/hard/")
        for step in ["core", "value", "bonus", "posting", "review"]:
            with steps.step(f"before-{step}"):
                check(page)
                page.get_by_role("button", name=text["next"], exact=True).click()
                page.wait_for_url(f"**/edit/{step}/")
        with steps.step("review"):
            check(page)
            page.get_by_role("button", name=text["submit"], exact=True).click()
            page.wait_for_url("**/sheets/*/")
        sheet = RequirementSheet.objects.get()
        assert sheet.language == language  # the author's language, kept for the content
        with steps.step("detail-submitted"):
            check(page)
            # The sheet's own content, catalog names included, is in the author's language.
            table = page.locator(".sheet-table").inner_text()
            if language == "en":
                assert "Must-have" in table and "Empathy" in table
                for chinese in ("必需", "极高", "硬性条件", "共情能力"):
                    assert chinese not in table
            else:
                assert "必需" in table and "共情能力" in table
                assert "Must-have" not in table
        for name in ["sheets:list", "sheets:history"]:
            with steps.step(name.split(":")[1]):
                page.goto(url + reverse(name, args=[] if name == "sheets:list" else [sheet.pk]))
                check(page)
        for kind in ["sheet", "posting", "scorecard"]:
            with steps.step(f"{kind}-preview"):
                page.goto(url + reverse(f"documents:{kind}_preview", args=[sheet.pk]))
                check(page)

        with steps.step("manager-returns"):
            log_in(page, live_server, "manager_bob")
            check(page)
            page.goto(url + reverse("sheets:detail", args=[sheet.pk]))
            check(page)
            page.get_by_label(text["return"]).check()
            page.locator("textarea[name=comment]").fill("请补充夜班安排")
            page.get_by_role("button", name=text["decide"]).click()
            page.wait_for_url(f"**/sheets/{sheet.pk}/")
            check(page)

        with steps.step("hr-fixes"):
            log_in(page, live_server, "hr_alice")
            check(page)
            page.goto(url + reverse("sheets:wizard", args=[sheet.pk, "review"]))
            check(page)
            expect(page.locator(".return-comment")).to_contain_text("请补充夜班安排")
            page.get_by_role("button", name=text["submit"], exact=True).click()
            page.wait_for_url("**/sheets/*/")

        with steps.step("manager-approves"):
            log_in(page, live_server, "manager_bob")
            page.goto(url + reverse("sheets:detail", args=[sheet.pk]))
            page.get_by_label(text["approve"], exact=True).check()
            page.get_by_role("button", name=text["decide"]).click()
            page.wait_for_url(f"**/sheets/{sheet.pk}/")
            check(page)

        with steps.step("revision"):
            log_in(page, live_server, "hr_alice")
            page.goto(url + reverse("sheets:detail", args=[sheet.pk]))
            page.get_by_role("button", name=text["revise"]).click()
            page.wait_for_url("**/edit/**")
            check(page)
            revision = RequirementSheet.objects.exclude(pk=sheet.pk).get()
            assert revision.title != sheet.title  # two rows in the list tell them apart
            page.goto(url + reverse("sheets:history", args=[revision.pk]))
            check(page)
            page.goto(url + reverse("sheets:list"))
            check(page)


@pytest.mark.parametrize("width, language", [(320, "zh-hans")])
def test_nothing_overflows_at_320_px(live_server, catalog, hr_alice, manager_bob, screen):
    from hiring.sheets import services

    from .factories import make_sheet

    page, url = screen, live_server.url
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    services.sheet_update_basics(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        preset=sheet.preset,
        basics={"location": "上海市浦东新区"},
        step="basics",
    )
    log_in(page, live_server, "hr_alice")
    for path in [
        reverse("sheets:detail", args=[sheet.pk]),
        reverse("sheets:wizard", args=[sheet.pk, "hard"]),
        reverse("sheets:wizard", args=[sheet.pk, "review"]),
        reverse("sheets:list"),
        reverse("sheets:history", args=[sheet.pk]),
    ]:
        page.goto(url + path)
        check(page, widths=(320,))
        if os.environ.get("REACH_SCREENSHOTS"):  # to look at by eye
            name = path.strip("/").replace("/", "-")
            page.screenshot(path=Path(os.environ["REACH_SCREENSHOTS"]) / f"320-{name}.png")
    # 恢复到此版本 stays inside its entry's card.
    entry = page.locator(".history-entry", has=page.get_by_role("link", name="恢复到此版本")).first
    button = entry.get_by_role("link", name="恢复到此版本").bounding_box()
    card = entry.bounding_box()
    assert card["x"] <= button["x"] and button["x"] + button["width"] <= card["x"] + card["width"]
