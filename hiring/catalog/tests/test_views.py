import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hiring.catalog.models import Preset
from hiring.sheets.services import sheet_approve, sheet_return, sheet_submit
from hiring.sheets.tests.factories import make_sheet


def test_home_sends_anonymous_users_to_login(client, db):
    response = client.get(reverse("catalog:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_home_refuses_users_without_a_role(client, catalog, outsider_eve):
    client.force_login(outsider_eve)
    assert client.get(reverse("catalog:home")).status_code == 403


@pytest.mark.parametrize("user", ["hr_alice", "admin_amy"])
def test_home_lists_the_five_presets_by_industry(client, catalog, user, request):
    client.force_login(request.getfixturevalue(user))
    response = client.get(reverse("catalog:home"))
    assert response.status_code == 200
    for preset in Preset.objects.select_related("industry"):
        assert preset.name in response.text
        assert preset.industry.focus in response.text
    assert Preset.objects.count() == 5
    assert ("用此模板新建" in response.text) is (user == "hr_alice")


def test_hr_home_shows_drafts_returned_sheets_with_the_comment_and_sheets_in_review(
    client, catalog, hr_alice, hr_carol, manager_bob
):
    draft = make_sheet(owner=hr_alice, manager=manager_bob, title="草稿中的需求表")
    returned = make_sheet(owner=hr_alice, manager=manager_bob, title="被退回的需求表")
    sheet_submit(sheet=returned, actor=hr_alice)
    sheet_return(
        sheet=returned, actor=manager_bob, comment="薪资上限请与财务确认", expected_version=None
    )
    waiting = make_sheet(owner=hr_alice, manager=manager_bob, title="审批中的需求表")
    sheet_submit(sheet=waiting, actor=hr_alice)
    make_sheet(owner=hr_carol, manager=manager_bob, title="别人的草稿")

    client.force_login(hr_alice)
    page = client.get(reverse("catalog:home")).text

    drafts = page[page.index('id="drafts-heading"') : page.index('id="waiting-heading"')]
    assert draft.title in drafts and "别人的草稿" not in page
    returned_part = page[page.index('id="returned-heading"') : page.index('id="drafts-heading"')]
    assert returned.title in returned_part and "薪资上限请与财务确认" in returned_part
    assert waiting.title in page[page.index('id="waiting-heading"') :]
    assert "待我审批" not in page


def test_hr_home_follows_each_change_to_the_sheets_it_lists(client, catalog, hr_alice, manager_bob):
    """The lists are kept between visits; every change to one of the user's sheets shows on
    the next visit."""
    client.force_login(hr_alice)

    def part(heading: str, next_heading: str | None) -> str:
        page = client.get(reverse("catalog:home")).text
        start = page.index(f'id="{heading}"')
        return page[start : page.index(f'id="{next_heading}"')] if next_heading else page[start:]

    assert "没有草稿" in part("drafts-heading", "waiting-heading")
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, title="第一张需求表")
    assert "第一张需求表" in part("drafts-heading", "waiting-heading")

    sheet_submit(sheet=sheet, actor=hr_alice)
    assert "第一张需求表" not in part("drafts-heading", "waiting-heading")
    assert "第一张需求表" in part("waiting-heading", None)

    sheet_return(sheet=sheet, actor=manager_bob, comment="请补充薪资", expected_version=None)
    returned = part("returned-heading", "drafts-heading")
    assert "第一张需求表" in returned and "请补充薪资" in returned

    sheet.delete()
    assert "第一张需求表" not in client.get(reverse("catalog:home")).text


def test_hr_home_lists_only_the_users_own_sheets_when_kept(
    client, catalog, hr_alice, hr_carol, manager_bob
):
    make_sheet(owner=hr_alice, manager=manager_bob, title="爱丽丝的草稿")
    client.force_login(hr_alice)
    assert "爱丽丝的草稿" in client.get(reverse("catalog:home")).text
    client.force_login(hr_carol)
    assert "爱丽丝的草稿" not in client.get(reverse("catalog:home")).text


def test_manager_home_shows_pending_sheets_with_a_count_and_recent_decisions(
    client, catalog, hr_alice, manager_bob, manager_dave
):
    pending = [make_sheet(owner=hr_alice, manager=manager_bob, title=f"待审 {n}") for n in (1, 2)]
    for sheet in pending:
        sheet_submit(sheet=sheet, actor=hr_alice)
    decided = make_sheet(owner=hr_alice, manager=manager_bob, title="已批准的需求表")
    sheet_submit(sheet=decided, actor=hr_alice)
    sheet_approve(sheet=decided, actor=manager_bob, comment="", expected_version=None)
    other = make_sheet(owner=hr_alice, manager=manager_dave, title="别的经理的需求表")
    sheet_submit(sheet=other, actor=hr_alice)

    client.force_login(manager_bob)
    response = client.get(reverse("catalog:home"))
    page = response.text

    assert response.context["pending_count"] == 2
    assert '<span class="badge text-bg-primary rounded-pill" data-count="pending">2</span>' in page
    pending_part = page[page.index('id="pending-heading"') : page.index('id="decided-heading"')]
    assert "待审 1" in pending_part and "待审 2" in pending_part
    assert "已批准的需求表" in page[page.index('id="decided-heading"') :]
    assert "别的经理的需求表" not in page
    # Nothing to create from here: no presets, no create buttons.
    assert "用此模板新建" not in page and "新建需求表" not in page
    assert "新建需求表" not in client.get(reverse("sheets:list")).text


def test_catalog_admin_home_links_to_the_library(client, catalog, admin_amy):
    client.force_login(admin_amy)
    page = client.get(reverse("catalog:home")).text
    assert reverse("admin:catalog_capability_changelist") in page


@pytest.mark.parametrize("user", ["hr_alice", "manager_bob"])
def test_home_queries_do_not_grow_with_sheets(
    client, catalog, hr_alice, manager_bob, user, request
):
    def fill(count):
        for n in range(count):
            for status_change in (None, "submit", "return"):
                sheet = make_sheet(owner=hr_alice, manager=manager_bob, title=f"表 {n}")
                if status_change:
                    sheet_submit(sheet=sheet, actor=hr_alice)
                if status_change == "return":
                    sheet_return(sheet=sheet, actor=manager_bob, comment="改")

    client.force_login(request.getfixturevalue(user))
    fill(2)
    few = home_queries(client)
    fill(2)
    assert home_queries(client) == few


def home_queries(client) -> int:
    """Queries of a home page built from scratch, nothing kept from an earlier visit."""
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("catalog:home")).status_code == 200
    return len(queries)


def test_home_runs_the_same_queries_for_n_or_2n_presets(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    make_sheet(owner=hr_alice, manager=manager_bob)
    shipped = list(Preset.objects.prefetch_related("items"))
    copies = [f"{preset.name} 副本" for preset in shipped]
    few = home_queries(client)
    for preset in shipped:
        items = list(preset.items.all())
        preset.pk, preset.slug, preset.name = None, f"{preset.slug}-copy", f"{preset.name} 副本"
        preset.name_en = f"{preset.name_en} (copy)"
        preset.save()
        for item in items:
            item.pk, item.preset = None, preset
            item.save()
    page = client.get(reverse("catalog:home")).text

    assert home_queries(client) == few
    assert Preset.objects.count() == 2 * len(shipped)
    assert all(name in page for name in copies)


def test_login_page_logs_in_and_out(client, catalog, hr_alice):
    from hiring.accounts.tests.factories import PASSWORD

    response = client.post(
        reverse("accounts:login"), {"username": "hr_alice", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("catalog:home")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("catalog:home")).status_code == 302


def test_wrong_password_shows_an_error(client, catalog, hr_alice):
    response = client.post(reverse("accounts:login"), {"username": "hr_alice", "password": "nope"})
    assert response.status_code == 200
    assert "用户名和密码" in response.text or "正确的用户名" in response.text


@pytest.mark.parametrize(
    "path, marker",
    [
        ("vendor/bootstrap/css/bootstrap.min.css", b"Bootstrap"),
        ("vendor/sortablejs/Sortable.min.js", b"Sortable"),
        ("vendor/tom-select/js/tom-select.complete.min.js", b"Tom Select"),
        ("vendor/tom-select/css/tom-select.bootstrap5.min.css", b".ts-control"),
    ],
)
def test_front_end_libraries_are_served_by_the_app(client, db, path, marker):
    response = client.get(f"/static/{path}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert marker in body[:500]


def test_hr_home_shows_a_renamed_preset_at_once(client, catalog, hr_alice, manager_bob):
    make_sheet(owner=hr_alice, manager=manager_bob)
    client.force_login(hr_alice)
    assert "电商客服" in client.get(reverse("catalog:home")).text
    preset = Preset.objects.get(slug="ecommerce")
    preset.name = "电商客服(大促版)"
    preset.save()
    assert "电商客服(大促版)" in client.get(reverse("catalog:home")).text
