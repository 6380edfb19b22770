"""The pages the journeys pass by, in headless Chromium on a phone and on a desktop: the login
page, copying, deleting and restoring a sheet (each confirmed with a click), and the pages for
a forbidden and a missing sheet. Each passes axe-core and nothing is wider than the screen."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from hiring.common.tests.accessibility import assert_accessible_on_every_screen
from hiring.sheets import services
from hiring.sheets.models import RequirementSheet

from .factories import make_sheet
from .test_browser import log_in, page  # noqa: F401  (the Chromium fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_login_copy_delete_restore_and_error_pages(
    live_server,
    catalog,
    hr_alice,
    manager_bob,
    page,  # noqa: F811
):
    url = live_server.url
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    services.sheet_update_basics(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        preset=sheet.preset,
        basics={"location": "上海市浦东新区"},
        step="basics",
    )

    page.goto(url + reverse("accounts:login"))
    assert_accessible_on_every_screen(page)
    log_in(page, live_server, "hr_alice")

    page.goto(url + reverse("sheets:history", args=[sheet.pk]))
    page.get_by_role("link", name="恢复到此版本").first.click()
    page.wait_for_url("**/revert/")
    assert_accessible_on_every_screen(page)
    page.get_by_role("button", name="确认恢复").click()
    page.wait_for_url(f"**/sheets/{sheet.pk}/")
    expect(page.locator(".sheet-header")).to_contain_text("杭州市余杭区")

    page.get_by_role("link", name="复制").click()
    page.wait_for_url("**/duplicate/")
    assert_accessible_on_every_screen(page)
    page.get_by_role("button", name="复制").click()
    page.wait_for_url("**/edit/**")
    copy = RequirementSheet.objects.exclude(pk=sheet.pk).get()

    page.goto(url + reverse("sheets:detail", args=[copy.pk]))
    page.get_by_role("link", name="删除").click()
    page.wait_for_url("**/delete/")
    assert_accessible_on_every_screen(page)
    page.get_by_role("button", name="确认删除").click()
    page.wait_for_url(url + reverse("sheets:list"))
    assert not RequirementSheet.objects.filter(pk=copy.pk).exists()

    response = page.goto(url + reverse("sheets:detail", args=[copy.pk]))
    assert response.status == 404
    assert_accessible_on_every_screen(page)

    log_in(page, live_server, "manager_bob")
    response = page.goto(url + reverse("sheets:new"))
    assert response.status == 403
    assert_accessible_on_every_screen(page)
