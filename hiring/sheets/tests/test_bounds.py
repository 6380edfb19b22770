"""Storage has bounds: unsaved wizard input is limited, and the list never reads it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hiring.sheets.models import RequirementSheet

from .factories import make_sheet
from .wizard_client import WizardClient


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


def _unfinished(wizard, size: int) -> dict:
    """The core step with one requirement far too long (so it cannot be saved) and a blank name."""
    data = wizard.page_data("core")
    data[next(k for k in data if k.endswith("-requirement"))] = "长" * size
    data[next(k for k in data if k.endswith("-name"))] = ""
    return data


def test_unsaved_input_over_the_limit_is_not_kept_and_the_user_is_told(
    client, sheet, hr_alice, settings
):
    settings.WIZARD_STATE_MAX_BYTES = 64 * 1024
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)

    response = wizard.post("core", _unfinished(wizard, 30_000), action="goto", goto="basics")

    # Not left: the page comes back with the input as typed, its errors and the reason.
    assert response.status_code == 200
    assert "无法暂存" in response.text and "64 KB" in response.text
    assert "长" * 30_000 in response.text
    assert response.context["wizard"]["form"].errors
    sheet.refresh_from_db()
    assert sheet.wizard_state == {} or "core" not in sheet.wizard_state.get("step_data", {})


def test_unsaved_input_under_the_limit_is_kept(client, sheet, hr_alice, settings):
    settings.WIZARD_STATE_MAX_BYTES = 64 * 1024
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)

    response = wizard.post("core", _unfinished(wizard, 3_000), action="goto", goto="basics")

    assert response.status_code == 302
    sheet.refresh_from_db()
    assert "core" in sheet.wizard_state["step_data"]


def test_the_list_never_loads_the_unsaved_input(client, sheet, hr_alice):
    RequirementSheet.objects.filter(pk=sheet.pk).update(
        wizard_state={"step_data": {"core": {"x": ["y" * 100_000]}}}
    )
    client.force_login(hr_alice)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("sheets:list"))
    assert response.status_code == 200 and sheet.title in response.text
    sheet_queries = [q["sql"] for q in queries if "sheets_requirementsheet" in q["sql"]]
    assert sheet_queries and not any("wizard_state" in sql for sql in sheet_queries)


def test_input_kept_before_the_limit_was_lowered_can_still_be_dropped(
    client, sheet, hr_alice, settings
):
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)
    assert (
        wizard.post("core", _unfinished(wizard, 3_000), action="goto", goto="basics").status_code
        == 302
    )
    settings.WIZARD_STATE_MAX_BYTES = 1024

    # Saving the step again, valid this time, drops the kept input: no error on the way.
    data = wizard.page_data("core")
    data[next(k for k in data if k.endswith("-requirement"))] = "能清楚表达"
    data[next(k for k in data if k.endswith("-name"))] = "沟通能力"
    response = wizard.post("core", data)

    assert response.status_code == 302
    sheet.refresh_from_db()
    assert "core" not in sheet.wizard_state.get("step_data", {})
