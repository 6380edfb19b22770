"""The Content-Security-Policy breaks nothing: real Chromium reports no violation on our
pages, Django admin's change pages or the import page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from hiring.catalog.models import Capability, Preset
from hiring.sheets.tests.factories import make_sheet

# The live server's database is emptied after each browser test; serialized rollback puts
# back what migrations made, so these tests may run in any order.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-admin-password-for-csp"


@pytest.fixture
def browser_page(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_no_page_violates_the_content_security_policy(live_server, catalog, browser_page):
    page = browser_page
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append((page.url, message.text))
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    admin = get_user_model().objects.create_superuser("root_admin", "root@example.com", PASSWORD)
    sheet = make_sheet(owner=admin, manager=admin)
    capability = Capability.objects.first()
    preset = Preset.objects.first()

    page.goto(live_server.url + reverse("accounts:login"))
    page.fill("input[name=username]", "root_admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + reverse("catalog:home"))

    urls = [
        reverse("sheets:list"),
        reverse("sheets:detail", args=[sheet.pk]),
        reverse("sheets:history", args=[sheet.pk]),
        reverse("documents:sheet_preview", args=[sheet.pk]),
        reverse("admin:index"),
        reverse("admin:catalog_capability_changelist"),
        reverse("admin:catalog_capability_change", args=[capability.pk]),
        reverse("admin:catalog_preset_change", args=[preset.pk]),
        reverse("admin:catalog_capability_import"),
        reverse("admin:catalog_capability_export"),
        reverse("admin:axes_accessattempt_changelist"),
    ]
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        assert "Content-Security-Policy" in response.headers or "content-security-policy" in (
            response.headers
        )
        page.wait_for_load_state("load")
    # Scripts still run under the policy: admin's inline-formset "add another" link and
    # the wizard page's progress bar are made by JavaScript.
    page.goto(live_server.url + reverse("admin:catalog_preset_change", args=[preset.pk]))
    assert page.locator(".add-row a").count() >= 1
    page.goto(live_server.url + reverse("sheets:wizard", kwargs={"pk": sheet.pk, "step": "core"}))
    assert page.locator(".progress-bar").evaluate("bar => bar.style.width") != ""
    assert violations == []
