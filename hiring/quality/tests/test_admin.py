"""The lexicon in Django admin: edit with history, import/export, and the 试一试 box."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from hiring.quality.models import WordingRule, WordList
from hiring.quality.wording import check_wording

pytestmark = pytest.mark.django_db

TRY = reverse("admin:quality_wordingrule_try")
TRY_LISTS = reverse("admin:quality_wordlist_try")


@pytest.fixture
def lexicon_rows(db):
    call_command("loaddata", "wording", verbosity=0)


def test_admin_opens_list_change_history_and_export(client, lexicon_rows, admin_amy):
    client.force_login(admin_amy)
    rule = WordingRule.objects.get(slug="gender")
    word_list = WordList.objects.get(slug="gender-groups")
    for url in [
        reverse("admin:quality_wordingrule_changelist"),
        reverse("admin:quality_wordingrule_changelist") + "?ground__exact=age&q=年龄",
        reverse("admin:quality_wordingrule_change", args=[rule.pk]),
        reverse("admin:quality_wordingrule_history", args=[rule.pk]),
        reverse("admin:quality_wordingrule_export"),
        reverse("admin:quality_wordlist_changelist"),
        reverse("admin:quality_wordlist_changelist") + "?kind__exact=act",
        reverse("admin:quality_wordlist_change", args=[word_list.pk]),
        reverse("admin:quality_wordlist_history", args=[word_list.pk]),
        reverse("admin:quality_wordlist_export"),
    ]:
        assert client.get(url).status_code == 200, url
    assert TRY in client.get(reverse("admin:quality_wordingrule_changelist")).text
    assert TRY_LISTS in client.get(reverse("admin:quality_wordlist_changelist")).text


def list_data(word_list, **changes):
    data = {
        name: getattr(word_list, name)
        for name in ["slug", "description", "kind", "ground", "act", "severity", "words"]
    }
    data["is_active"] = "on"
    data.update(changes)
    return data


def test_a_word_added_in_admin_is_used_by_the_next_quality_check(client, lexicon_rows, admin_amy):
    text = "协议婚人士勿扰"
    assert not check_wording(text)

    client.force_login(admin_amy)
    response = client.post(
        reverse("admin:quality_wordlist_add"),
        {
            "slug": "marital-sham",
            "description": "",
            "kind": "group",
            "ground": "marital",
            "act": "",
            "severity": "error",
            "is_active": "on",
            "words": "协议婚",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert WordList.objects.get(slug="marital-sham").history.count() == 1

    (finding,) = check_wording(text)
    assert finding.rule == "wording.marital" and finding.severity == "error"
    assert "协议婚人士勿扰" in finding.message


def test_a_broken_pattern_is_refused_in_admin_with_the_error_beside_it(
    client, lexicon_rows, admin_amy
):
    client.force_login(admin_amy)
    word_list = WordList.objects.get(slug="zodiac-groups")
    url = reverse("admin:quality_wordlist_change", args=[word_list.pk])
    response = client.post(url, list_data(word_list, words="属(虎"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "words" in errors and "无法识别的模式" in str(errors["words"])
    word_list.refresh_from_db()
    assert word_list.words != "属(虎"


def test_a_lookbehind_is_refused_with_the_reason(client, lexicon_rows, admin_amy):
    """Patterns run on RE2 (linear time): constructs it does not have are refused on save."""
    client.force_login(admin_amy)
    word_list = WordList.objects.get(slug="zodiac-groups")
    url = reverse("admin:quality_wordlist_change", args=[word_list.pk])
    response = client.post(url, list_data(word_list, words="(?<!不)属虎"))
    assert response.status_code == 200
    assert "words" in response.context["adminform"].form.errors


def test_an_imported_list_with_a_broken_pattern_is_refused(lexicon_rows):
    import tablib

    from hiring.quality.resources import WordListResource

    dataset = tablib.Dataset(
        headers=["slug", "description", "kind", "ground", "act", "severity", "is_active", "words"]
    )
    dataset.append(["imported", "", "group", "gender", "", "error", "1", "限(女"])
    result = WordListResource().import_data(dataset, dry_run=True)
    assert result.has_validation_errors()
    assert not WordList.objects.filter(slug="imported").exists()


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
