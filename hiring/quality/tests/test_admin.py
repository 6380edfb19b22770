"""The lexicon in Django admin: edit with history, import/export, and the 试一试 box."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from hiring.quality.models import WordingRule
from hiring.quality.wording import check_wording

pytestmark = pytest.mark.django_db

TRY = reverse("admin:quality_wordingrule_try")


@pytest.fixture
def lexicon_rows(db):
    call_command("loaddata", "wording", verbosity=0)


def test_admin_opens_list_change_history_and_export(client, lexicon_rows, admin_amy):
    client.force_login(admin_amy)
    rule = WordingRule.objects.get(slug="gender-zh-prefer")
    for url in [
        reverse("admin:quality_wordingrule_changelist"),
        reverse("admin:quality_wordingrule_changelist") + "?ground__exact=age&q=young",
        reverse("admin:quality_wordingrule_change", args=[rule.pk]),
        reverse("admin:quality_wordingrule_history", args=[rule.pk]),
        reverse("admin:quality_wordingrule_export"),
        reverse("admin:quality_wordlist_changelist"),
    ]:
        assert client.get(url).status_code == 200, url
    assert TRY in client.get(reverse("admin:quality_wordingrule_changelist")).text


def test_a_term_added_in_admin_is_used_by_the_next_quality_check(client, lexicon_rows, admin_amy):
    text = "欢迎丁克家庭的伙伴加入"
    assert not check_wording(text)

    client.force_login(admin_amy)
    response = client.post(
        reverse("admin:quality_wordingrule_add"),
        {
            "slug": "marital-dink",
            "ground": "marital",
            "language": "zh",
            "severity": "error",
            "is_active": "on",
            "order": "0",
            "pattern": "丁克",
            "exceptions": "",
            "message": "{wording}是婚育状况限制。",
            "message_en": "",
            "suggestion": "删除{wording}。",
            "suggestion_en": "",
            "legal_basis": "《妇女权益保障法》第四十三条",
            "legal_basis_en": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert WordingRule.objects.get(slug="marital-dink").history.count() == 1

    (finding,) = check_wording(text)
    assert finding.rule == "wording.marital" and finding.severity == "error"
    assert finding.message == "「丁克」是婚育状况限制。"


def test_a_broken_pattern_is_refused_in_admin_with_the_error_beside_it(
    client, lexicon_rows, admin_amy
):
    client.force_login(admin_amy)
    rule = WordingRule.objects.get(slug="zodiac-zh")
    url = reverse("admin:quality_wordingrule_change", args=[rule.pk])
    data = {
        name: getattr(rule, name)
        for name in [
            "slug",
            "ground",
            "language",
            "severity",
            "order",
            "pattern",
            "exceptions",
            "message",
            "message_en",
            "suggestion",
            "suggestion_en",
            "legal_basis",
            "legal_basis_en",
        ]
    }
    data.update(is_active="on", pattern="属(虎")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "pattern" in response.context["adminform"].form.errors
    rule.refresh_from_db()
    assert rule.pattern != "属(虎"


def test_try_box_shows_the_findings_for_a_pasted_text(client, lexicon_rows, admin_amy):
    client.force_login(admin_amy)
    assert client.get(TRY).status_code == 200

    response = client.post(TRY, {"text": "年龄\u200b35岁以下，<b>限女性</b>，加入年轻的团队"})

    assert response.status_code == 200
    html = response.text
    assert 'data-rule="wording.age" data-severity="error"' in html
    assert 'data-rule="wording.gender" data-severity="error"' in html
    assert "&lt;b&gt;限女性&lt;/b&gt;" in html or "限女性&lt;/b&gt;" in html  # escaped
    assert "<b>限女性" not in html
    assert "年龄35岁以下" in html  # the normalized text the rules saw


def test_try_box_reports_a_clean_text_and_refuses_an_empty_one(client, lexicon_rows, admin_amy):
    client.force_login(admin_amy)
    assert "没有发现歧视性措辞" in client.post(TRY, {"text": "3年以上客服经验"}).text
    response = client.post(TRY, {"text": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["text"]


def test_try_box_is_for_lexicon_admins_only(client, lexicon_rows, hr_alice):
    response = client.get(TRY)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(hr_alice)
    response = client.post(TRY, {"text": "限女性"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_the_lexicon_permission_is_refused(client, lexicon_rows, hr_alice):
    hr_alice.is_staff = True
    hr_alice.save(update_fields=["is_staff"])
    client.force_login(hr_alice)
    assert client.post(TRY, {"text": "限女性"}).status_code == 403
