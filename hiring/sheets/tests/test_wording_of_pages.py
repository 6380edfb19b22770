"""Punctuation and names around labels, as each language writes them."""

import re

import pytest
from django.urls import reverse

from .factories import make_sheet


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    # No work schedule: the quality check suggests one, so the page has a 建议 line.
    return make_sheet(owner=hr_alice, manager=manager_bob, schedule="")


def test_labels_end_in_each_languages_colon(client, sheet, hr_alice):
    client.force_login(hr_alice)
    url = reverse("sheets:detail", args=[sheet.pk])

    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").text
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").text

    assert "Suggestion: " in english
    assert not re.search(r"Suggestion:\S", english)
    assert "建议：" in chinese and "建议:" not in chinese


def test_the_wizard_links_to_the_one_sheet_it_edits(client, sheet, hr_alice):
    client.force_login(hr_alice)
    page = client.get(
        reverse("sheets:wizard", args=[sheet.pk, "hard"]), HTTP_ACCEPT_LANGUAGE="en"
    ).text
    assert ">View sheet</a>" in page
