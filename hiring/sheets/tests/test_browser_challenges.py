"""In headless Chromium, as HR: an 电商 sheet with 新人上手慢 and 转化率低 shows the adjusted
items with their reasons, its screening kit lists keywords and knock-outs, and both survive a
preset change, a revert and a new revision; the sheet PDF prints the reasons. The kit's pages
pass axe-core and fit the screen at 375 and 1280 px."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from hiring.common.tests.accessibility import assert_accessible_on_every_screen
from hiring.documents.tests.pdfs import text as pdf_text
from hiring.sheets import services
from hiring.sheets.models import RequirementSheet, ScreeningKit

from . import test_browser
from .test_browser import journey, log_in, row

# The same Chromium page as the other browser journeys, under a name of its own here.
chromium_page = test_browser.page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RAISED = "因「新人上手慢」提高为极高"


def pick_challenge(page, field_id: str, typed: str, name: str):
    """Types into the searchable challenge picker and takes the option offered."""
    page.locator(f"#{field_id}-ts-control").fill(typed)
    page.locator(".ts-dropdown .option", has_text=name).first.click()


def expect_kit(page, live_server, sheet_pk: int, *, keyword: str, min_score: str):
    page.goto(live_server.url + reverse("sheets:screening", args=[sheet_pk]))
    terms = page.locator("input[name$='-term']").evaluate_all("els => els.map(e => e.value)")
    assert keyword in terms and "CRM" in terms
    questions = page.locator("textarea[name$='-question']").evaluate_all(
        "els => els.map(e => e.value)"
    )
    assert "是否满足「学历」的要求：大专及以上？" in questions
    stress = page.locator("tr.kit-row").filter(
        has=page.locator("select[name$='-method'] option[selected]", has_text="抗压测评")
    )
    expect(stress.locator("input[name$='-min_score']")).to_have_value(min_score)


def test_challenges_and_screening_kit_survive_preset_change_revert_and_revision(
    live_server, catalog, hr_alice, manager_bob, chromium_page
):
    page = chromium_page
    with journey(page) as steps:
        with steps.step("new-with-challenges"):
            log_in(page, live_server, "hr_alice")
            page.goto(live_server.url + reverse("sheets:new") + "?preset=ecommerce")
            page.fill("#id_location", "杭州市余杭区")
            page.fill("#id_salary_min", "6000")
            page.fill("#id_salary_max", "9000")
            page.select_option("#id_hiring_manager", str(manager_bob.pk))
            pick_challenge(page, "id_challenges", "新人", "新人上手慢")
            pick_challenge(page, "id_challenges", "转化", "转化率低")
            page.click("text=创建并继续")
            page.wait_for_url("**/edit/hard/")

        sheet = RequirementSheet.objects.get(owner=hr_alice)
        with steps.step("core-step-shows-reasons"):
            page.goto(live_server.url + reverse("sheets:wizard", args=[sheet.pk, "core"]))
            learning = row(page, "学习与适应")
            expect(learning.locator(".challenge-note")).to_contain_text(RAISED)
            expect(learning.locator("select[name$='-priority'] option[selected]")).to_have_text(
                "极高"
            )
            page.get_by_role("button", name="下一步").click()
            page.wait_for_url("**/edit/value/")
            conversion = row(page, "转化意识")
            expect(conversion.locator(".challenge-note")).to_contain_text(
                "因「转化率低」提高为极高"
            )
            # HR can still change an adjusted item.
            conversion.locator("select[name$='-priority']").select_option(label="高")
            page.get_by_role("button", name="保存草稿").click()
            page.wait_for_url("**/edit/value/")
            expect(
                row(page, "转化意识").locator("select[name$='-priority'] option[selected]")
            ).to_have_text("高")

        with steps.step("sheet-page"):
            page.goto(live_server.url + reverse("sheets:detail", args=[sheet.pk]))
            expect(page.locator(".sheet-challenges")).to_contain_text("新人上手慢")
            expect(page.locator(".sheet-table")).to_contain_text(RAISED)

        with steps.step("kit-refuses-a-protected-keyword"):
            page.get_by_role("link", name="初筛条件").click()
            page.wait_for_url("**/screening/")
            expect(page.locator(".kit-derived")).to_be_visible()
            blank = page.locator("input[name$='-term']").last
            blank.fill("女性")
            page.locator("select[name$='-group']").last.select_option("certificates")
            page.get_by_role("button", name="保存初筛条件").click()
            expect(page.locator(".invalid-feedback")).to_contain_text("不能作为初筛条件")
            assert not ScreeningKit.objects.filter(sheet=sheet).exists()
            assert_accessible_on_every_screen(page)

        with steps.step("kit-saved"):
            page.locator("input[name$='-term']").last.fill("Zendesk")
            page.locator("select[name$='-group']").last.select_option("systems")
            stress = page.locator("tr.kit-row").filter(
                has=page.locator("select[name$='-method'] option[selected]", has_text="抗压测评")
            )
            stress.locator("input[name$='-min_score']").fill("75")
            page.get_by_role("button", name="保存初筛条件").click()
            expect(page.locator(".alert-success")).to_contain_text("初筛条件已保存")
            expect_kit(page, live_server, sheet.pk, keyword="Zendesk", min_score="75")
            assert_accessible_on_every_screen(page)
            page.goto(live_server.url + reverse("sheets:screening_print", args=[sheet.pk]))
            expect(page.locator("body")).to_contain_text("Zendesk")
            assert_accessible_on_every_screen(page)

        with steps.step("preset-change"):
            page.goto(live_server.url + reverse("sheets:wizard", args=[sheet.pk, "basics"]))
            page.select_option("#id_basics-preset", label="通用 · 通用客服")
            page.get_by_role("button", name="下一步").click()
            # The items were edited: asked first.
            page.get_by_label("我确认用新模板的条目替换已编辑的条目").check()
            page.get_by_role("button", name="下一步").click()
            page.wait_for_url("**/edit/hard/")
            page.goto(live_server.url + reverse("sheets:wizard", args=[sheet.pk, "core"]))
            expect(row(page, "学习与适应").locator(".challenge-note")).to_contain_text(RAISED)
            expect_kit(page, live_server, sheet.pk, keyword="Zendesk", min_score="75")

        with steps.step("revert"):
            page.goto(live_server.url + reverse("sheets:history", args=[sheet.pk]))
            page.locator(".history-entry", has_text="修改初筛条件").get_by_role(
                "link", name="恢复到此版本"
            ).click()
            page.get_by_role("button", name="确认恢复").click()
            page.wait_for_url(f"**/sheets/{sheet.pk}/")
            expect(page.locator(".sheet-header")).to_contain_text("电商客服")
            expect(page.locator(".sheet-challenges")).to_contain_text("转化率低")
            expect(page.locator(".sheet-table")).to_contain_text(RAISED)
            expect_kit(page, live_server, sheet.pk, keyword="Zendesk", min_score="75")

        with steps.step("revision"):
            page.goto(live_server.url + reverse("sheets:detail", args=[sheet.pk]))
            page.get_by_role("button", name="提交审批").click()
            expect(page.locator(".alert-success")).to_contain_text("已提交给用人经理审批")
            sheet.refresh_from_db()
            services.sheet_approve(sheet=sheet, actor=manager_bob)
            page.reload()
            page.get_by_role("button", name="创建新修订").click()
            page.wait_for_url("**/edit/basics/")
            revision = RequirementSheet.objects.get(revision_of=sheet)
            expect(page.locator(".ts-wrapper .item", has_text="新人上手慢")).to_be_visible()
            page.goto(live_server.url + reverse("sheets:detail", args=[revision.pk]))
            expect(page.locator(".sheet-table")).to_contain_text(RAISED)
            expect_kit(page, live_server, revision.pk, keyword="Zendesk", min_score="75")

        with steps.step("pdf"):
            page.goto(live_server.url + reverse("sheets:detail", args=[revision.pk]))
            with page.expect_download() as download:
                page.get_by_role("link", name="需求表 PDF").click()
            printed = pdf_text(Path(download.value.path()).read_bytes())
            assert RAISED in printed
            assert "核心挑战" in printed
