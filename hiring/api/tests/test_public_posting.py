"""The opt-in public page of an approved sheet's posting, with schema.org JobPosting JSON-LD."""

import json
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hiring.api.models import PublicPosting
from hiring.sheets.models import JobPosting, RequirementSheet

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def approve(sheet):
    RequirementSheet.objects.filter(pk=sheet.pk).update(status="approved")
    sheet.refresh_from_db()


def publish(client, sheet, **data):
    data = {
        "employment_type": "FULL_TIME",
        "valid_through": (timezone.localdate() + timedelta(days=30)).isoformat(),
        **data,
    }
    return client.post(reverse("integrations:publish", args=[sheet.pk]), data)


def json_ld(response) -> list[dict]:
    return [json.loads(block) for block in LD_JSON.findall(response.text)]


def test_an_approved_sheet_published_by_its_author_has_a_page_with_valid_job_posting(
    client, sheet, hr_alice
):
    approve(sheet)
    client.force_login(hr_alice)
    publish(client, sheet)
    page = PublicPosting.objects.get(sheet=sheet)
    assert len(page.token) >= 32
    client.logout()

    response = client.get(reverse("public:posting", args=[page.token]))

    assert response.status_code == 200
    [data] = json_ld(response)
    assert data["@context"] == "https://schema.org/" and data["@type"] == "JobPosting"
    # Required by job search, then recommended.
    for name in ["title", "description", "datePosted", "hiringOrganization", "jobLocation"]:
        assert data[name], name
    for name in ["validThrough", "employmentType", "baseSalary", "identifier"]:
        assert data[name], name
    assert data["title"] == sheet.posting.headline
    assert data["hiringOrganization"]["@type"] == "Organization"
    assert data["hiringOrganization"]["name"]
    assert data["jobLocation"]["address"]["addressLocality"] == "杭州市余杭区"
    assert data["jobLocation"]["address"]["addressCountry"] == "CN"
    assert data["employmentType"] == "FULL_TIME"
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "CNY",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 6000,
            "maxValue": 9000,
            "unitText": "MONTH",
        },
    }
    assert data["validThrough"].startswith(page.valid_through.isoformat())
    assert data["datePosted"] == timezone.localdate().isoformat()


def test_the_public_page_shows_only_what_the_posting_shows(client, sheet, hr_alice):
    approve(sheet)
    client.force_login(hr_alice)
    publish(client, sheet)
    client.logout()
    page = PublicPosting.objects.get()
    text = client.get(reverse("public:posting", args=[page.token])).text
    for internal in ["必需", "评估方式", "hr_alice", "manager_bob", "面试问题"]:
        assert internal not in text, internal
    assert sheet.posting.headline in text


def test_a_draft_has_no_public_page(client, sheet, hr_alice):
    client.force_login(hr_alice)
    response = publish(client, sheet)
    assert response.status_code == 403
    assert not PublicPosting.objects.exists()
    # Even a page made for a sheet that is no longer approved answers as missing.
    page = PublicPosting.objects.create(
        sheet=sheet, published_by=hr_alice, valid_through=timezone.localdate()
    )
    response = client.get(reverse("public:posting", args=[page.token]))
    assert response.status_code == 404
    assert json_ld(response) == []


def test_a_revoked_page_is_gone_and_publishing_again_makes_a_new_address(client, sheet, hr_alice):
    approve(sheet)
    client.force_login(hr_alice)
    publish(client, sheet)
    old = PublicPosting.objects.get().token
    client.post(reverse("integrations:unpublish", args=[sheet.pk]))
    assert client.get(reverse("public:posting", args=[old])).status_code == 404
    publish(client, sheet)
    new = PublicPosting.objects.get(revoked_at__isnull=True).token
    assert new != old
    assert client.get(reverse("public:posting", args=[new])).status_code == 200


def test_a_page_past_its_closing_date_is_gone(client, sheet, hr_alice):
    approve(sheet)
    page = PublicPosting.objects.create(
        sheet=sheet, published_by=hr_alice, valid_through=timezone.localdate() - timedelta(days=1)
    )
    assert client.get(reverse("public:posting", args=[page.token])).status_code == 404


@pytest.mark.parametrize("who", ["hr_carol", "manager_bob", "outsider_eve"])
def test_only_the_author_publishes_or_revokes(client, sheet, hr_alice, request, who):
    approve(sheet)
    client.force_login(request.getfixturevalue(who))
    assert publish(client, sheet).status_code == 403
    page = PublicPosting.objects.create(
        sheet=sheet, published_by=hr_alice, valid_through=timezone.localdate()
    )
    assert client.post(reverse("integrations:unpublish", args=[sheet.pk])).status_code in (403, 404)
    page.refresh_from_db()
    assert page.revoked_at is None


def test_script_in_the_posting_cannot_break_out_of_the_json_ld(client, sheet, hr_alice):
    hostile = "</script><script>alert(1)</script><!-- & \u2028"
    JobPosting.objects.filter(sheet=sheet).update(headline=hostile, summary=hostile)
    approve(sheet)
    client.force_login(hr_alice)
    publish(client, sheet)
    page = PublicPosting.objects.get()
    response = client.get(reverse("public:posting", args=[page.token]))
    assert "<script>alert(1)" not in response.text
    [data] = json_ld(response)
    assert data["title"] == hostile
    assert "&lt;/script&gt;" in data["description"]


def test_the_sheet_page_offers_publishing_to_its_author_once_approved(
    client, sheet, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    detail = reverse("sheets:detail", args=[sheet.pk])
    assert "开启公开招聘页" not in client.get(detail).text
    approve(sheet)
    assert "开启公开招聘页" in client.get(detail).text
    publish(client, sheet)
    page = PublicPosting.objects.get()
    assert reverse("public:posting", args=[page.token]) in client.get(detail).text
    client.force_login(manager_bob)
    text = client.get(detail).text
    assert reverse("public:posting", args=[page.token]) in text and "撤销公开链接" not in text


def test_a_closing_date_in_the_past_is_refused(client, sheet, hr_alice):
    approve(sheet)
    client.force_login(hr_alice)
    response = publish(client, sheet, valid_through="2000-01-01")
    assert response.status_code == 302
    assert not PublicPosting.objects.exists()
    assert "截止日期不能早于今天。" in client.get(response["Location"]).text
