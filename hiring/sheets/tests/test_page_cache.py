"""The sheet page and the sheet list keep their rendering in the cache: whatever changes what
they show must show at once, and a page served from the cache runs no query per item."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hiring.accounts.roles import HR
from hiring.catalog.models import AssessmentMethod, CapabilityCategory, Industry, Priority
from hiring.sheets import services
from hiring.sheets.models import SheetItem

from .factories import make_sheet


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


def detail(client, sheet):
    response = client.get(reverse("sheets:detail", args=[sheet.pk]))
    assert response.status_code == 200
    return response.text


def test_a_saved_posting_change_shows_on_the_sheet_page_at_once(client, sheet, hr_alice):
    client.force_login(hr_alice)
    before = detail(client, sheet)
    assert "wording.gender" not in before

    services.sheet_update_posting(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        posting_data={"headline": "夜班客服主管", "summary": "仅限女性,形象好"},
        step="posting",
    )
    after = detail(client, sheet)

    assert "夜班客服主管" in after and "仅限女性" in after
    assert 'data-rule="wording.gender"' in after  # the quality check ran again


def test_a_catalog_change_shows_on_the_sheet_page_at_once(client, sheet, hr_alice):
    client.force_login(hr_alice)
    assert "硬门槛" not in detail(client, sheet)

    must = Priority.objects.get(slug="must")
    must.name = "硬门槛"
    must.save()

    assert "硬门槛" in detail(client, sheet)


def test_a_renamed_manager_shows_on_the_sheet_page_at_once(client, sheet, hr_alice, manager_bob):
    client.force_login(hr_alice)
    detail(client, sheet)
    manager_bob.first_name = "鲍勃"
    manager_bob.save()

    assert "鲍勃" in detail(client, sheet)


def test_the_sheet_page_is_cached_per_language(client, sheet, hr_alice):
    client.force_login(hr_alice)
    assert "职位发布预览" in detail(client, sheet)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = detail(client, sheet)

    assert "Job posting preview" in english and "职位发布预览" not in english


def test_fix_links_of_the_quality_check_only_for_the_owner(client, sheet, hr_alice, hr_carol):
    services.sheet_update_posting(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        posting_data={"summary": "仅限男性"},
        step="posting",
    )
    client.force_login(hr_alice)
    assert "去修改" in detail(client, sheet)
    client.force_login(hr_carol)
    assert "去修改" not in detail(client, sheet)


def add_items(sheet, count: int) -> None:
    category = CapabilityCategory.objects.get(slug="bonus")
    priority = Priority.objects.get(slug="medium")
    methods = list(AssessmentMethod.objects.all()[:3])
    for n in range(count):
        item = SheetItem.objects.create(
            sheet=sheet, category=category, name=f"附加{n}", requirement="要求", priority=priority
        )
        item.methods.set(methods)


def cached_page_queries(client, sheet) -> int:
    detail(client, sheet)
    with CaptureQueriesContext(connection) as queries:
        detail(client, sheet)
    return len(queries)


def test_a_cached_sheet_page_runs_the_same_queries_for_n_or_2n_items(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    small = make_sheet(owner=hr_alice, manager=manager_bob)
    big = make_sheet(owner=hr_alice, manager=manager_bob)
    add_items(small, 10)
    add_items(big, 20)
    assert cached_page_queries(client, small) == cached_page_queries(client, big)


def test_list_rows_show_a_changed_title_and_industry_at_once(client, sheet, hr_alice):
    client.force_login(hr_alice)
    assert "零售电商" not in client.get(reverse("sheets:list")).text

    type(sheet).objects.filter(pk=sheet.pk).update(title="改过的标题")
    Industry.objects.filter(pk=sheet.industry_id).update(name="零售电商")
    page = client.get(reverse("sheets:list")).text

    assert "改过的标题" in page and "零售电商" in page


def test_a_role_taken_away_applies_on_the_next_request(client, sheet, hr_alice):
    client.force_login(hr_alice)
    assert client.get(reverse("sheets:list")).status_code == 200

    hr_alice.groups.remove(Group.objects.get(name=HR))

    assert client.get(reverse("sheets:list")).status_code == 403
