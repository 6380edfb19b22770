"""One sheet holds at most SHEET_MAX_ITEMS items and SHEET_MAX_CHARS characters of item text:
the wizard refuses a save past either, says why next to the buttons, and keeps the input."""

import pytest
from django.urls import reverse

from hiring.catalog.models import Priority
from hiring.sheets.models import SheetItem

from .factories import make_sheet
from .wizard_client import WizardClient, add_row


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


def with_new_rows(wizard, step: str, count: int, requirement: str = "能使用企业微信与客户沟通"):
    data = wizard.page_data(step)
    medium = Priority.objects.get(slug="medium")
    for n in range(count):
        new = add_row(data, step)
        data.update(
            {
                f"{new}-included": "on",
                f"{new}-name": f"新增条目{n}",
                f"{new}-requirement": requirement,
                f"{new}-priority": str(medium.pk),
                f"{new}-order": str(90 + n),
            }
        )
    return data


def test_a_save_past_the_item_limit_is_refused_next_to_the_buttons(
    client, sheet, hr_alice, settings
):
    before = SheetItem.objects.filter(sheet=sheet).count()
    settings.SHEET_MAX_ITEMS = before + 1
    client.force_login(hr_alice)
    wizard = WizardClient(client, sheet.pk)

    response = wizard.post("core", with_new_rows(wizard, "core", 2), action="save")

    assert response.status_code == 200
    assert f"一份需求表最多 {before + 1} 个条目，保存后会有 {before + 2} 个" in response.text
    assert response.text.index('id="size-error"') > response.text.index("新增条目1")
    assert SheetItem.objects.filter(sheet=sheet).count() == before
    sheet.refresh_from_db()
    # The page carries the version as saved, so one row fewer saves from it at once.
    assert response.context["sheet_version"] == sheet.version
    response = wizard.post("core", with_new_rows(wizard, "core", 1), action="save")
    assert response.status_code == 302
    assert SheetItem.objects.filter(sheet=sheet).count() == before + 1


def test_a_save_past_the_text_limit_is_refused_in_english_too(client, sheet, hr_alice, settings):
    settings.SHEET_MAX_CHARS = 20_000
    client.force_login(hr_alice)
    client.post(reverse("set_language"), {"language": "en"})
    wizard = WizardClient(client, sheet.pk)

    response = wizard.post("core", with_new_rows(wizard, "core", 12, "长" * 2000), action="save")

    assert response.status_code == 200
    assert "20000 characters of item text" in response.text
    assert not SheetItem.objects.filter(sheet=sheet, name__startswith="新增条目").exists()
