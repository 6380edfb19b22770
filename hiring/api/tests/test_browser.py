"""In headless Chromium: a person makes a token (seen once) and revokes it; the author of an
approved sheet opens its public page, which carries JSON-LD, then closes it. The API docs load
under the site's CSP. Each page passes axe-core and fits the screen at 375 and 1280 px;
screenshots go to API_SCREENSHOTS when it is set."""

import os

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from hiring.api.models import AccessToken, PublicPosting
from hiring.common.tests.accessibility import assert_accessible_on_every_screen
from hiring.sheets.models import RequirementSheet
from hiring.sheets.tests.factories import make_sheet
from hiring.sheets.tests.test_browser import log_in, page  # noqa: F401  (the Chromium fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def check_screens(page, name: str):  # noqa: F811
    assert_accessible_on_every_screen(
        page, screenshots=os.environ.get("API_SCREENSHOTS"), name=name
    )


def test_a_token_is_shown_once_and_can_be_revoked(live_server, catalog, hr_alice, page):  # noqa: F811
    log_in(page, live_server, "hr_alice")
    page.get_by_role("link", name="访问令牌").first.click()
    page.fill("#id_name", "招聘系统同步")
    page.get_by_label("读写").check()
    page.get_by_role("button", name="创建令牌").click()

    shown = page.locator("#new-token").input_value()
    assert shown.startswith("hrs_")
    token = AccessToken.objects.get()
    assert token.scope == "write" and shown not in token.digest
    check_screens(page, "tokens")

    page.reload()
    expect(page.locator("#new-token")).to_have_count(0)
    expect(page.locator(".tokens")).to_contain_text("招聘系统同步")
    page.get_by_role("button", name="撤销").click()
    expect(page.locator(".tokens")).to_contain_text("已撤销")
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_author_opens_and_closes_the_public_page(
    live_server,
    catalog,
    hr_alice,
    manager_bob,
    page,  # noqa: F811
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="approved")
    log_in(page, live_server, "hr_alice")
    page.goto(live_server.url + reverse("sheets:detail", args=[sheet.pk]))
    page.get_by_label("用工类型").select_option("PART_TIME")
    page.get_by_role("button", name="开启公开招聘页").click()
    expect(page.locator("#public-url")).to_be_visible()
    check_screens(page, "sheet-public")

    public_url = page.locator("#public-url").input_value()
    page.context.clear_cookies()
    page.goto(public_url)
    expect(page.locator("article.posting")).to_contain_text(sheet.posting.headline)
    assert "JobPosting" in page.locator('script[type="application/ld+json"]').text_content()
    check_screens(page, "public-posting")

    log_in(page, live_server, "hr_alice")
    page.goto(live_server.url + reverse("sheets:detail", args=[sheet.pk]))
    page.get_by_role("button", name="撤销公开链接").click()
    expect(page.get_by_role("button", name="开启公开招聘页")).to_be_visible()
    assert not PublicPosting.objects.filter(revoked_at__isnull=True).exists()
    response = page.goto(public_url)
    assert response.status == 404


def test_the_api_docs_render_under_the_sites_csp(live_server, hr_alice, page):  # noqa: F811
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    log_in(page, live_server, "hr_alice")
    page.goto(live_server.url + reverse("api:docs"))
    expect(page.locator(".swagger-ui .opblock").first).to_be_visible()
    expect(page.locator(".swagger-ui")).to_contain_text("/api/v1/sheets/")
    check_screens(page, "api-docs")
    assert violations == []
