"""The sheet endpoints: what a person can do in the browser, with a token, and nothing more."""

import pytest
from django import forms
from django.urls import reverse

from hiring.sheets.models import RequirementSheet, Review

from .conftest import token_for


def url(name, *args):
    return reverse(f"api:{name}", args=args)


def test_a_sheet_reads_with_its_items_posting_quality_reviews_and_documents(api, sheet, hr_alice):
    response = api.as_(hr_alice).get(url("sheet-detail", sheet.pk))
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == sheet.title and data["status"] == "draft"
    assert data["owner"]["username"] == "hr_alice"
    item = data["items"][0]
    assert {
        "category",
        "key_item",
        "requirement",
        "priority",
        "methods",
        "prompts",
        "anchors",
    } <= set(item)
    must = [i for i in data["items"] if i["priority"]["slug"] == "must"]
    assert must and all(i["priority"]["knock_out"] for i in must)
    assert all(isinstance(i["priority"]["weight"], int) for i in data["items"])
    assert data["posting"]["headline"] == sheet.posting.headline
    assert 0 <= data["quality"]["score"] <= 100
    assert data["documents"]["sheet_pdf"].endswith(f"/sheets/{sheet.pk}/sheet.pdf")
    assert data["reviews"] == []


# Who may do what with alice's draft through the API, as on the pages (sheets/tests/
# test_views.py): 401 = no credentials, 403 = refused, 404 = not told the sheet exists,
# 409 = allowed to try, refused by the sheet's state (a draft cannot be approved).
MATRIX = {
    "anonymous": {"list": 401, "detail": 401, "edit": 401, "submit": 401, "approve": 401},
    "hr_alice": {"list": 200, "detail": 200, "edit": 200, "submit": 200, "approve": 403},
    "hr_carol": {"list": 200, "detail": 200, "edit": 403, "submit": 403, "approve": 403},
    "manager_bob": {"list": 200, "detail": 200, "edit": 403, "submit": 403, "approve": 409},
    "manager_dave": {"list": 200, "detail": 404, "edit": 403, "submit": 403, "approve": 404},
    "admin_amy": {"list": 403, "detail": 403, "edit": 403, "submit": 403, "approve": 403},
    "outsider_eve": {"list": 403, "detail": 403, "edit": 403, "submit": 403, "approve": 403},
}


def call(api, sheet, action):
    if action == "list":
        return api.get(url("sheet-list"))
    if action == "detail":
        return api.get(url("sheet-detail", sheet.pk))
    if action == "edit":
        return api.patch(
            url("sheet-detail", sheet.pk),
            {"version": sheet.version, "department": "新部门"},
            format="json",
        )
    if action == "submit":
        return api.post(url("sheet-submit", sheet.pk))
    return api.post(url("sheet-approve", sheet.pk), {"version": sheet.version}, format="json")


@pytest.mark.parametrize("who", MATRIX)
@pytest.mark.parametrize("action", ["list", "detail", "edit", "submit", "approve"])
def test_permission_matrix(api, sheet, request, who, action):
    if who != "anonymous":
        api.as_(request.getfixturevalue(who))
    before = RequirementSheet.objects.values("status", "department", "version").get(pk=sheet.pk)

    response = call(api, sheet, action)

    assert response.status_code == MATRIX[who][action], response.content
    if response.status_code >= 400:
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["status"] == response.status_code
        assert sheet.title not in response.content.decode()
        after = RequirementSheet.objects.values("status", "department", "version").get(pk=sheet.pk)
        assert after == before


def test_the_list_shows_each_person_only_what_they_may_see(
    api, catalog, hr_alice, hr_carol, manager_bob, manager_dave
):
    from hiring.sheets.tests.factories import make_sheet

    mine = make_sheet(owner=hr_alice, manager=manager_bob, title="鲍勃的表")
    theirs = make_sheet(owner=hr_carol, manager=manager_dave, title="戴夫的表")
    for user, visible in [
        (hr_carol, {mine.pk, theirs.pk}),
        (manager_bob, {mine.pk}),
        (manager_dave, {theirs.pk}),
    ]:
        data = api.as_(user).get(url("sheet-list")).json()
        assert {row["id"] for row in data["results"]} == visible
        assert data["count"] == len(visible)


def test_the_list_filters_by_status_industry_owner_and_change_time(
    api, catalog, hr_alice, hr_carol, manager_bob
):
    from django.utils import timezone

    from hiring.sheets.tests.factories import make_sheet

    ecommerce = make_sheet(owner=hr_alice, manager=manager_bob, preset_slug="ecommerce")
    finance = make_sheet(owner=hr_carol, manager=manager_bob, preset_slug="finance")
    RequirementSheet.objects.filter(pk=finance.pk).update(status="approved")
    old = timezone.now() - timezone.timedelta(days=3)
    RequirementSheet.objects.filter(pk=ecommerce.pk).update(updated_at=old)
    api.as_(hr_alice)

    def ids(**params):
        return {row["id"] for row in api.get(url("sheet-list"), params).json()["results"]}

    assert ids(industry="finance") == {finance.pk}
    assert ids(status="approved") == {finance.pk}
    assert ids(owner="hr_alice") == {ecommerce.pk}
    assert ids(changed_since=(old + timezone.timedelta(days=1)).isoformat()) == {finance.pk}
    bad = api.get(url("sheet-list"), {"status": "nonsense", "changed_since": "yesterday"})
    assert bad.status_code == 400
    assert set(bad.json()["errors"]) == {"status", "changed_since"}


def test_the_list_is_paginated_with_a_total(api, catalog, hr_alice, manager_bob):
    from hiring.sheets.tests.factories import make_sheet

    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    for n in range(24):
        sheet.pk = None
        sheet.title = f"表{n}"
        sheet.save()
    api.as_(hr_alice)
    first = api.get(url("sheet-list")).json()
    second = api.get(first["next"]).json()
    assert first["count"] == second["count"] == 25
    assert len(first["results"]) == 20 and len(second["results"]) == 5


def test_create_from_a_preset_update_submit_and_approve(api, catalog, hr_alice, manager_bob):
    api.as_(hr_alice)
    created = api.post(
        url("sheet-list"),
        {
            "preset": "saas",
            "title": "SaaS 客服 2 名",
            "role_title": "SaaS 客户成功专员",
            "location": "上海市",
            "salary_min": 8000,
            "salary_max": 12000,
            "hiring_manager": "manager_bob",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    data = created.json()
    assert created["Location"] == data["url"]
    assert data["preset"] == "saas" and data["items"] and data["status"] == "draft"
    sheet_url = data["url"]

    patched = api.patch(sheet_url, {"version": data["version"], "headcount": 3}, format="json")
    assert patched.status_code == 200 and patched.json()["headcount"] == 3
    stale = api.patch(sheet_url, {"version": data["version"], "headcount": 4}, format="json")
    assert stale.status_code == 409
    assert stale.json()["detail"] == "需求表在你打开本页之后已被修改，请刷新后重试。"

    version = patched.json()["version"]
    posting = api.patch(
        url("sheet-posting", data["id"]),
        {"version": version, "benefits": "五险一金\n带薪年假"},
        format="json",
    )
    assert posting.status_code == 200
    assert posting.json()["posting"]["benefits"] == ["五险一金", "带薪年假"]

    submitted = api.post(url("sheet-submit", data["id"]))
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"

    api.as_(manager_bob)
    approved = api.post(
        url("sheet-approve", data["id"]),
        {"version": submitted.json()["version"], "comment": "同意"},
        format="json",
    )
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    assert approved.json()["reviews"][0]["action"] == "approved"
    assert Review.objects.filter(sheet_id=data["id"], actor=manager_bob, action="approved").exists()


def test_bad_input_gets_the_pages_messages_in_the_users_language(
    api, catalog, hr_alice, manager_bob
):
    body = {
        "preset": "no-such-preset",
        "title": "",
        "role_title": "客服",
        "location": "杭州",
        "salary_min": 9000,
        "salary_max": 6000,
        "hiring_manager": "manager_bob",
    }
    api.as_(hr_alice)
    response = api.post(url("sheet-list"), body, format="json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert errors["title"] == [str(forms.Field.default_error_messages["required"])]
    assert "preset" in errors
    body["preset"] = "saas"
    errors = api.post(url("sheet-list"), body, format="json").json()["errors"]
    assert errors["salary_max"] == ["薪资上限不能低于下限。"]
    english = api.post(url("sheet-list"), body, format="json", HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["title"] == "Invalid input"
    assert english["errors"]["salary_max"] != ["薪资上限不能低于下限。"]
    assert not RequirementSheet.objects.exists()


def test_return_needs_a_comment_as_on_the_page(api, sheet, hr_alice, manager_bob):
    api.as_(hr_alice).post(url("sheet-submit", sheet.pk))
    sheet.refresh_from_db()
    api.as_(manager_bob)
    response = api.post(url("sheet-return", sheet.pk), {"version": sheet.version}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"]["comment"] == ["退回时请写明需要修改的地方。"]
    response = api.post(
        url("sheet-return", sheet.pk),
        {"version": sheet.version, "comment": "薪资再议"},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "returned"


def test_a_read_only_token_reads_but_changes_nothing(api, sheet, hr_alice):
    api.as_(hr_alice, scope="read")
    assert api.get(url("sheet-detail", sheet.pk)).status_code == 200
    response = api.post(url("sheet-submit", sheet.pk))
    assert response.status_code == 403
    assert response.json()["detail"] == "这个令牌是只读的，不能修改数据。"
    assert RequirementSheet.objects.get(pk=sheet.pk).status == "draft"


def test_revoked_expired_and_unknown_tokens_are_refused(api, sheet, hr_alice):
    from django.utils import timezone

    from hiring.api.models import AccessToken

    raw = token_for(hr_alice)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get(url("sheet-list")).status_code == 200
    token = AccessToken.objects.get()
    assert token.last_used_at is not None
    assert raw not in str(AccessToken.objects.values_list())  # only the hash is kept

    AccessToken.objects.update(expires_at=timezone.now() - timezone.timedelta(seconds=1))
    response = api.get(url("sheet-list"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    AccessToken.objects.update(expires_at=None, revoked_at=timezone.now())
    assert api.get(url("sheet-list")).status_code == 401
    api.credentials(HTTP_AUTHORIZATION="Bearer hrs_not-a-token")
    assert api.get(url("sheet-list")).json()["detail"] == "令牌无效、已过期或已被撤销。"


def test_requests_are_throttled_per_token(api, sheet, hr_alice, hr_carol, settings):
    settings.API_THROTTLE_RATE = "3/min"
    api.as_(hr_alice)
    codes = [api.get(url("sheet-list")).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    limited = api.get(url("sheet-list"))
    assert limited["Content-Type"] == "application/problem+json" and int(limited["Retry-After"]) > 0
    # Another token has its own budget.
    assert api.as_(hr_carol).get(url("sheet-list")).status_code == 200


def test_the_browser_session_works_and_csrf_is_enforced(sheet, hr_alice):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(hr_alice)
    assert client.get(url("sheet-detail", sheet.pk)).status_code == 200
    response = client.post(url("sheet-submit", sheet.pk))
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert RequirementSheet.objects.get(pk=sheet.pk).status == "draft"


def test_the_catalog_reads_for_every_role_and_nobody_else(api, catalog, hr_alice, outsider_eve):
    api.as_(hr_alice)
    for name in ["capabilities", "presets", "priorities", "methods"]:
        response = api.get(url(name))
        assert response.status_code == 200 and response.json(), name
        assert api.post(url(name), {}, format="json").status_code == 405
    must = next(p for p in api.get(url("priorities")).json() if p["slug"] == "must")
    assert must["knock_out"] is True
    assert api.as_(outsider_eve).get(url("presets")).status_code == 403


def test_a_sheet_created_with_core_challenges_has_its_items_adjusted_with_reasons(
    api, catalog, hr_alice, manager_bob
):
    api.as_(hr_alice)
    body = {
        "preset": "ecommerce",
        "title": "电商客服",
        "role_title": "电商客服专员",
        "location": "杭州",
        "hiring_manager": "manager_bob",
        "challenges": ["slow-onboarding", "low-conversion"],
    }
    created = api.post(url("sheet-list"), body, format="json")
    assert created.status_code == 201, created.content
    data = created.json()
    assert sorted(data["challenges"]) == ["low-conversion", "slow-onboarding"]
    notes = [note for item in data["items"] for note in item["challenge_notes"]]
    assert any("新人上手慢" in note for note in notes)
    assert any("转化率低" in note for note in notes)

    for bad in (["no-such-challenge"], "slow-onboarding", [1]):
        refused = api.post(url("sheet-list"), {**body, "challenges": bad}, format="json")
        assert refused.status_code == 400
        assert "challenges" in refused.json()["errors"]
    assert RequirementSheet.objects.count() == 1


def test_a_sheet_created_in_english_keeps_english_content_for_every_reader(
    api, catalog, hr_alice, manager_bob
):
    api.as_(hr_alice)
    created = api.post(
        url("sheet-list"),
        {
            "preset": "finance",
            "title": "Finance customer service",
            "role_title": "Customer service specialist",
            "location": "Shanghai",
            "salary_min": 8000,
            "salary_max": 12000,
            "hiring_manager": "manager_bob",
        },
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert created.status_code == 201, created.content
    assert created.json()["language"] == "en"

    read_in_chinese = api.get(created.json()["url"], HTTP_ACCEPT_LANGUAGE="zh-hans").json()

    assert read_in_chinese["language"] == "en"
    priorities = {item["priority"]["name"] for item in read_in_chinese["items"]}
    assert "Must-have" in priorities and "必需" not in priorities
    categories = {item["category"]["name"] for item in read_in_chinese["items"]}
    assert "Hard requirements" in categories
    assert "Empathy" in {item["key_item"] for item in read_in_chinese["items"]}
