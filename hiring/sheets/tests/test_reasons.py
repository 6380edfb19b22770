"""Why each version of a sheet was made is shown in the reader's language, whoever made it
and whatever language they used; reasons stored as text before are converted to codes."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from hiring.sheets import services
from hiring.sheets.models import RequirementSheet

from .factories import make_sheet

codes = importlib.import_module("hiring.sheets.migrations.0006_history_reason_codes")


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, title="电商客服 春季招聘")
    services.sheet_submit(sheet=sheet, actor=hr_alice)
    return sheet


def history(client, sheet, language: str) -> str:
    return client.get(
        reverse("sheets:history", args=[sheet.pk]), HTTP_ACCEPT_LANGUAGE=language
    ).text


def test_reasons_follow_the_readers_language(client, sheet, hr_alice):
    client.force_login(hr_alice)

    chinese, english = history(client, sheet, "zh-hans"), history(client, sheet, "en")

    assert "从行业模板创建" in chinese and "提交审批" in chinese
    assert "Created from an industry preset" in english and "Submit for approval" in english
    assert "从行业模板创建" not in english and "提交审批" not in english


def test_reasons_stored_as_text_become_codes(client, sheet, hr_alice):
    records = RequirementSheet.history.filter(id=sheet.pk).order_by("history_date")
    created, submitted = records.exclude(history_change_reason="")[:2]
    created.history_change_reason = "Created from an industry preset"  # written in English
    created.save(update_fields=["history_change_reason"])
    submitted.history_change_reason = "提交审批"  # and in Chinese
    submitted.save(update_fields=["history_change_reason"])

    codes.reasons_to_codes(apps, None)

    created.refresh_from_db()
    submitted.refresh_from_db()
    assert created.history_change_reason == "created-from-preset"
    assert submitted.history_change_reason == "review:submitted"
    client.force_login(hr_alice)
    assert "Submit for approval" in history(client, sheet, "en")
    assert "提交审批" in history(client, sheet, "zh-hans")


@pytest.mark.parametrize(
    "stored, code",
    [
        ("复制自「电商客服」", "duplicated|电商客服"),
        ("Copied from “电商客服”", "duplicated|电商客服"),
        ("恢复到 2026-01-02 09:30:00 的版本", "reverted|2026-01-02 09:30:00"),
        ("Reverted to the version of 2026-01-02 09:30:00", "reverted|2026-01-02 09:30:00"),
        ("批准", "review:approved"),
        ("an old note nobody can map", None),
    ],
)
def test_each_kind_of_stored_text_maps_to_its_code(stored, code):
    assert codes.to_code(stored) == code


def test_a_changed_preset_is_labelled_as_one_preset_in_english(client, sheet, hr_alice):
    client.force_login(hr_alice)
    page = history(client, sheet, "en")
    assert ">Industry preset</td>" in page and ">Industry presets</td>" not in page
