import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hiring.catalog.models import AssessmentMethod, CapabilityCategory, Priority
from hiring.sheets.models import RequirementSheet, SheetItem

from .factories import make_sheet
from .wizard_client import WizardClient


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob)


def urls(sheet) -> dict[str, str]:
    return {
        "list": reverse("sheets:list"),
        "detail": reverse("sheets:detail", args=[sheet.pk]),
        "edit": reverse("sheets:wizard", args=[sheet.pk, "core"]),
        "delete": reverse("sheets:delete", args=[sheet.pk]),
    }


# Who may do what with alice's draft: 200 = allowed, 403 = refused, "login" = sent to log in,
# 404 = not told the sheet exists (the same answer as for a missing id).
MATRIX = {
    "anonymous": {"list": "login", "detail": "login", "edit": "login", "delete": "login"},
    "hr_alice": {"list": 200, "detail": 200, "edit": 200, "delete": 200},
    "hr_carol": {"list": 200, "detail": 200, "edit": 403, "delete": 403},
    "manager_bob": {"list": 200, "detail": 200, "edit": 403, "delete": 403},
    "manager_dave": {"list": 200, "detail": 404, "edit": 404, "delete": 403},
    "admin_amy": {"list": 403, "detail": 403, "edit": 403, "delete": 403},
    "outsider_eve": {"list": 403, "detail": 403, "edit": 403, "delete": 403},
}


@pytest.mark.parametrize("who", MATRIX)
@pytest.mark.parametrize("page", ["list", "detail", "edit", "delete"])
def test_permission_matrix(client, sheet, request, who, page):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    url = urls(sheet)[page]
    expected = MATRIX[who][page]

    response = client.get(url)

    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected
    if page == "delete":
        client.post(url)
        assert RequirementSheet.objects.filter(pk=sheet.pk).exists() == (who != "hr_alice")


def test_the_list_shows_each_person_only_what_they_may_see(
    client, catalog, hr_alice, hr_carol, manager_bob, manager_dave
):
    mine = make_sheet(owner=hr_alice, manager=manager_bob, title="鲍勃的表")
    theirs = make_sheet(owner=hr_carol, manager=manager_dave, title="戴夫的表")
    for user, visible, hidden in [
        (hr_carol, [mine, theirs], []),
        (manager_bob, [mine], [theirs]),
        (manager_dave, [theirs], [mine]),
    ]:
        client.force_login(user)
        text = client.get(reverse("sheets:list")).text
        assert all(s.title in text for s in visible)
        assert not any(s.title in text for s in hidden)


def test_changing_the_id_in_a_url_reveals_nothing(client, sheet, manager_dave):
    client.force_login(manager_dave)
    for url in urls(sheet).values():
        response = client.get(url)
        assert sheet.title not in response.text
    assert client.get(reverse("sheets:detail", args=[sheet.pk + 1000])).status_code == 404


def test_list_filters_by_status_and_industry_and_searches_titles(
    client, catalog, hr_alice, manager_bob
):
    make_sheet(owner=hr_alice, manager=manager_bob, title="杭州电商客服", preset_slug="ecommerce")
    make_sheet(owner=hr_alice, manager=manager_bob, title="上海金融客服", preset_slug="finance")
    approved = make_sheet(owner=hr_alice, manager=manager_bob, title="已批准的表")
    RequirementSheet.objects.filter(pk=approved.pk).update(status="approved")
    client.force_login(hr_alice)

    def titles(**params):
        page = client.get(reverse("sheets:list"), params).context["page"]
        return {sheet.title for sheet in page}

    assert titles(industry="finance") == {"上海金融客服"}
    assert titles(status="approved") == {"已批准的表"}
    assert titles(q="杭州") == {"杭州电商客服"}
    assert titles(q="<script>") == set()


def test_list_is_paginated(client, catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    for n in range(24):
        sheet.pk = None
        sheet.title = f"表{n}"
        sheet.save()
    client.force_login(hr_alice)
    first = client.get(reverse("sheets:list"))
    second = client.get(reverse("sheets:list"), {"page": 2})
    assert len(first.context["page"]) == 20 and len(second.context["page"]) == 5
    assert "第 1 / 2 页" in first.text


def add_items(sheet, count: int) -> None:
    category = CapabilityCategory.objects.get(slug="bonus")
    priority = Priority.objects.get(slug="medium")
    methods = list(AssessmentMethod.objects.all()[:3])
    for n in range(count):
        item = SheetItem.objects.create(
            sheet=sheet, category=category, name=f"附加{n}", requirement="要求", priority=priority
        )
        item.methods.set(methods)


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 20, [q["sql"] for q in queries.captured_queries]
    return len(queries)


@pytest.mark.parametrize("page", ["detail", "wizard-core", "wizard-bonus", "wizard-review"])
def test_sheet_pages_run_the_same_queries_for_5_or_50_items(
    client, catalog, hr_alice, manager_bob, page
):
    client.force_login(hr_alice)
    small = make_sheet(owner=hr_alice, manager=manager_bob)
    big = make_sheet(owner=hr_alice, manager=manager_bob)
    add_items(small, 5)
    add_items(big, 50)

    def url(sheet):
        if page == "detail":
            return reverse("sheets:detail", args=[sheet.pk])
        return WizardClient(client, sheet.pk).url(page.split("-")[1])

    assert count_queries(client, url(small)) == count_queries(client, url(big))


def test_the_list_runs_the_same_queries_for_3_or_30_sheets(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    for _n in range(3):
        make_sheet(owner=hr_alice, manager=manager_bob)
    few = count_queries(client, reverse("sheets:list"))
    for _n in range(27):
        make_sheet(owner=hr_alice, manager=manager_bob)
    many = count_queries(client, reverse("sheets:list"))
    assert few == many


def test_duplicate_makes_an_own_draft_with_every_item(client, sheet, hr_carol):
    client.force_login(hr_carol)
    response = client.post(reverse("sheets:duplicate", args=[sheet.pk]), {"title": "复制的表"})
    copy = RequirementSheet.objects.get(title="复制的表")
    assert response["Location"] == reverse("sheets:wizard", args=[copy.pk, "basics"])
    assert copy.owner == hr_carol and copy.status == "draft"

    def content(s):
        return [
            (i.name, i.requirement, i.priority_id, sorted(m.pk for m in i.methods.all()))
            for i in s.items.all()
        ]

    assert content(copy) == content(sheet)
    assert copy.posting.responsibilities == sheet.posting.responsibilities


def test_delete_asks_first_and_only_drafts_can_go(client, sheet, hr_alice):
    client.force_login(hr_alice)
    page = client.get(reverse("sheets:delete", args=[sheet.pk]))
    assert "确认删除" in page.text and RequirementSheet.objects.filter(pk=sheet.pk).exists()

    RequirementSheet.objects.filter(pk=sheet.pk).update(status="submitted")
    client.post(reverse("sheets:delete", args=[sheet.pk]))
    assert RequirementSheet.objects.filter(pk=sheet.pk).exists()

    RequirementSheet.objects.filter(pk=sheet.pk).update(status="draft")
    response = client.post(reverse("sheets:delete", args=[sheet.pk]))
    assert response["Location"] == reverse("sheets:list")
    assert not RequirementSheet.objects.filter(pk=sheet.pk).exists()


def test_a_submitted_sheet_cannot_be_edited(client, sheet, hr_alice):
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="submitted")
    client.force_login(hr_alice)
    response = client.get(reverse("sheets:wizard", args=[sheet.pk, "core"]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("sheets:detail", args=[sheet.pk])
    assert "不能再编辑" in response.text


def test_a_sheet_one_may_not_see_looks_exactly_like_a_missing_one(
    client, catalog, hr_alice, manager_bob, manager_dave
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    missing = sheet.pk + 1000
    client.force_login(manager_dave)
    for name, kwargs in [
        ("sheets:detail", {}),
        ("sheets:history", {}),
        ("sheets:wizard", {"step": "basics"}),
        ("documents:sheet_preview", {}),
        ("documents:sheet_pdf", {}),
        ("documents:posting_text", {}),
    ]:
        existing = client.get(reverse(name, kwargs={"pk": sheet.pk, **kwargs}))
        absent = client.get(reverse(name, kwargs={"pk": missing, **kwargs}))
        assert existing.status_code == absent.status_code == 404, name
        assert sheet.title not in existing.text
    response = client.post(reverse("sheets:review", args=[sheet.pk]), {"decision": "approve"})
    assert response.status_code == 404
