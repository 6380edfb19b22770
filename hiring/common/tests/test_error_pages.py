"""Refusals and failures look like the rest of the site, in the user's language."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse


def test_a_manager_opening_the_new_sheet_page_gets_a_styled_403(client, catalog, manager_bob):
    client.force_login(manager_bob)
    response = client.get(reverse("sheets:new"))
    assert response.status_code == 403
    page = response.text
    assert "没有权限" in page and "navbar" in page and reverse("catalog:home") in page


def test_a_missing_page_gets_a_styled_404_in_english_too(client, catalog, hr_alice):
    client.force_login(hr_alice)
    client.cookies["django_language"] = "en"
    response = client.get("/sheets/999999/")
    assert response.status_code == 404
    assert "Page not found" in response.text and "navbar" in response.text


@pytest.mark.parametrize("template", ["500.html", "400.html"])
def test_error_pages_render_without_a_request(template):
    # Django renders 500.html with no context at all: the layout must not need one.
    page = render_to_string(template)
    assert "navbar" in page and "/static/" in page
