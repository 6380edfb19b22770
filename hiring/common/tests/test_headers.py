"""Response headers: a strict Content-Security-Policy, a Permissions-Policy, and sheet
content that no browser or proxy cache keeps."""

import pytest
from django.urls import reverse

from hiring.documents import rendering
from hiring.sheets.tests.factories import make_sheet


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


def test_every_page_carries_the_policies(client, sheet, hr_alice):
    for url in [reverse("accounts:login"), reverse("catalog:home"), reverse("sheets:list")]:
        if url != reverse("accounts:login"):
            client.force_login(hr_alice)
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]


def test_pages_have_no_inline_script_or_style(client, sheet, hr_alice):
    client.force_login(hr_alice)
    for url in [
        reverse("sheets:detail", args=[sheet.pk]),
        reverse("sheets:wizard", kwargs={"pk": sheet.pk, "step": "basics"}),
        reverse("sheets:wizard", kwargs={"pk": sheet.pk, "step": "core"}),
        reverse("sheets:wizard", kwargs={"pk": sheet.pk, "step": "review"}),
        reverse("sheets:history", args=[sheet.pk]),
        reverse("sheets:new"),
        reverse("sheets:list"),
        *[reverse(f"documents:{kind}_preview", args=[sheet.pk]) for kind in ["sheet", "posting"]],
        reverse("documents:scorecard_preview", args=[sheet.pk]),
    ]:
        page = client.get(url).text
        assert " style=" not in page and "<style" not in page, url
        assert " onchange=" not in page and " onclick=" not in page, url
        for tag in page.split("<script")[1:]:
            assert tag.lstrip().startswith("src="), (url, tag[:80])


@pytest.fixture
def stub_pdfs(monkeypatch):
    for kind in ("sheet", "posting", "scorecard"):
        monkeypatch.setitem(rendering.PDF_RENDERERS, kind, lambda *, sheet: b"%PDF-1.7 stub")


def test_sheet_content_is_never_cached(client, sheet, manager_bob, stub_pdfs):
    client.force_login(manager_bob)
    urls = [
        reverse("catalog:home"),
        reverse("sheets:list"),
        reverse("sheets:detail", args=[sheet.pk]),
        reverse("sheets:history", args=[sheet.pk]),
        reverse("documents:posting_text", args=[sheet.pk]),
    ]
    for kind in ["sheet", "posting", "scorecard"]:
        urls += [
            reverse(f"documents:{kind}_preview", args=[sheet.pk]),
            reverse(f"documents:{kind}_pdf", args=[sheet.pk]),
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control, url


def test_the_wizard_is_never_cached(client, sheet, hr_alice):
    client.force_login(hr_alice)
    response = client.get(reverse("sheets:wizard", kwargs={"pk": sheet.pk, "step": "core"}))
    assert {"private", "no-store"} <= {p.strip() for p in response["Cache-Control"].split(",")}
