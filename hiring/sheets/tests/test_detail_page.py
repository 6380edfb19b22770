"""What the sheet page tells its reader beyond the sheet itself: which exports are refused and
why, the posting preview's status, and why a hard requirement is listed as a plus."""

import pytest
from django.urls import reverse

from hiring.sheets import services
from hiring.sheets.models import SheetItem

from .factories import make_sheet


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


def detail(client, sheet) -> str:
    return client.get(reverse("sheets:detail", args=[sheet.pk])).text


def test_posting_and_scorecard_buttons_are_disabled_while_the_check_has_errors(
    client, sheet, hr_alice
):
    client.force_login(hr_alice)
    posting_pdf = reverse("documents:posting_pdf", args=[sheet.pk])
    assert f'href="{posting_pdf}"' in detail(client, sheet)

    item = sheet.items.filter(category__slug="hard").first()
    SheetItem.objects.filter(pk=item.pk).update(requirement="限女性")
    services.sheet_touch_step(
        sheet=sheet, actor=hr_alice, expected_version=sheet.version, step="review"
    )
    page = detail(client, sheet)

    assert f'href="{posting_pdf}"' not in page
    assert 'aria-disabled="true">职位发布 PDF' in page
    assert "修正后才能导出职位发布和面试评分表" in page
    assert f'href="{reverse("documents:sheet_pdf", args=[sheet.pk])}"' in page  # not gated


def test_the_posting_preview_shows_the_sheets_own_status(client, sheet, hr_alice):
    services.sheet_submit(sheet=sheet, actor=hr_alice)
    client.force_login(hr_alice)
    page = detail(client, sheet)
    preview = page[page.index('<article class="posting">') :]
    assert "待审批" in preview[:400] and "草稿" not in preview[:400]


def test_the_preview_says_why_a_hard_requirement_is_only_a_plus(client, sheet, hr_alice):
    hard = sheet.items.filter(category__slug="hard", included=True)
    low = hard.exclude(priority__slug__in=["must", "very-high", "high"]).first()
    assert low is not None  # the shipped preset has one
    client.force_login(hr_alice)
    page = detail(client, sheet)
    note = page[page.index('class="small text-body-secondary posting-moved"') :][:400]
    assert low.name in note and "加分项" in note
