"""The screening kit (初筛条件): derived from the sheet, saved by its author, kept through a
preset change, a revision and a revert, exported as JSON (against the schema in docs/) and CSV,
and never holding a protected attribute."""

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from django.conf import settings
from django.urls import reverse

from hiring.catalog.models import CoreChallenge, Preset
from hiring.sheets import screening, services
from hiring.sheets.models import RequirementSheet, ScreeningKit
from hiring.sheets.reasons import reason_text

SCHEMA = json.loads(
    (Path(settings.BASE_DIR) / "docs" / "screening-kit.schema.json").read_text(encoding="utf-8")
)


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return services.sheet_create_from_preset(
        actor=hr_alice,
        preset=Preset.objects.get(slug="ecommerce"),
        basics={
            "title": "电商客服",
            "role_title": "电商客服专员",
            "location": "杭州",
            "hiring_manager": manager_bob,
        },
        challenges=list(
            CoreChallenge.objects.filter(slug__in=["slow-onboarding", "low-conversion"])
        ),
    )


def export(client, sheet, fmt="json"):
    response = client.get(reverse("sheets:screening_export", args=[sheet.pk, fmt]))
    assert response.status_code == 200
    return response


def keywords_of(document) -> dict[str, dict[str, bool]]:
    return {
        group["group"]: {k["term"]: k["required"] for k in group["keywords"]}
        for group in document["keyword_groups"]
    }


def save_kit(sheet, actor, **changes):
    kit = screening.sheet_kit(sheet=sheet, items=list(sheet.items.with_details()))
    values = {"keywords": kit.keywords, "knockouts": kit.knockouts, "tests": kit.tests}
    values.update(changes)
    return services.sheet_save_screening_kit(
        sheet=sheet, actor=actor, expected_version=sheet.version, **values
    )


def test_the_derived_kit_follows_the_items_priorities(client, hr_alice, sheet):
    client.force_login(hr_alice)
    document = export(client, sheet).json()

    jsonschema.validate(document, SCHEMA)
    keywords = keywords_of(document)
    assert keywords["systems"]["CRM"] is True  # 系统/工具 is 必需
    assert keywords["systems"]["智能客服工具"] is False  # 了解智能客服工具: a plus
    assert keywords["languages"] == {"普通话": True, "英语": False}  # 英语 …者优先: a plus
    assert keywords["certificates"]["大专"] is True
    knockouts = [k["question"] for k in document["knockouts"]]
    assert "是否满足「学历」的要求：大专及以上？" in knockouts
    assert len(knockouts) == 3  # 学历, 语言能力, 系统/工具: the 必需 items
    tests = {t["name"]: t for t in document["tests"]}
    assert tests["学习能力测试"]["sources"] == ["学习与适应"]
    assert tests["抗压测评"]["min_score"] == screening.DEFAULT_MIN_SCORE
    assert any("学会一套新系统" in q for q in document["screening_questions"])
    assert [c["name"] for c in document["challenges"]] == ["转化率低", "新人上手慢"]


def test_a_nice_to_have_keyword_of_a_low_priority_item(client, hr_alice, sheet):
    client.force_login(hr_alice)
    keywords = keywords_of(export(client, sheet).json())
    assert keywords["industry"]["退换货"] is False  # 客服经验 is 中高


def test_a_saved_kit_is_the_sheets_own_and_valid_against_the_schema(client, hr_alice, sheet):
    kit = screening.sheet_kit(sheet=sheet, items=list(sheet.items.with_details()))
    tests = [{**t, "min_score": 75} if t["method"] == "stress-test" else t for t in kit.tests]
    save_kit(
        sheet,
        hr_alice,
        keywords=[*kit.keywords, {"group": "systems", "term": "Zendesk", "required": False}],
        tests=tests,
    )
    client.force_login(hr_alice)
    document = export(client, sheet).json()

    jsonschema.validate(document, SCHEMA)
    assert keywords_of(document)["systems"]["Zendesk"] is False
    assert {t["name"]: t["min_score"] for t in document["tests"]}["抗压测评"] == 75
    assert reason_text(sheet.history.first().history_change_reason) == "修改初筛条件"


def test_the_csv_has_one_row_per_condition_and_neutralises_formulas(client, hr_alice, sheet):
    kit = screening.sheet_kit(sheet=sheet, items=list(sheet.items.with_details()))
    save_kit(
        sheet,
        hr_alice,
        keywords=[{"group": "systems", "term": "=HYPERLINK(1)", "required": True}],
        knockouts=kit.knockouts,
    )
    client.force_login(hr_alice)
    text = export(client, sheet, "csv").content.decode("utf-8")

    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(rows[0]) == screening.CSV_COLUMNS
    assert rows[0]["section"] == "keyword" and rows[0]["text"] == "'=HYPERLINK(1)"
    assert [r["section"] for r in rows].count("knockout") == 3
    assert {"screening_question", "test"} <= {r["section"] for r in rows}


@pytest.mark.parametrize(
    "section, entry",
    [
        ("keywords", {"group": "certificates", "term": "女性", "required": True}),
        ("keywords", {"group": "industry", "term": "35岁以下", "required": True}),
        ("knockouts", {"question": "你是否为女性?"}),
        ("knockouts", {"question": "是否本地户口?"}),
    ],
)
def test_a_protected_attribute_never_becomes_a_condition(hr_alice, sheet, section, entry):
    with pytest.raises(services.KitRefused) as refused:
        save_kit(sheet, hr_alice, **{section: [entry]})

    field = "term" if section == "keywords" else "question"
    assert f"{section}-0-{field}" in refused.value.errors
    assert "不能作为初筛条件" in refused.value.errors[f"{section}-0-{field}"]
    assert not ScreeningKit.objects.filter(sheet=sheet).exists()


def test_the_page_refuses_a_protected_keyword_next_to_the_field(client, hr_alice, sheet):
    client.force_login(hr_alice)
    url = reverse("sheets:screening", args=[sheet.pk])
    data = {
        "sheet_version": sheet.version,
        "keywords-TOTAL_FORMS": 1,
        "keywords-INITIAL_FORMS": 0,
        "keywords-0-group": "languages",
        "keywords-0-term": "已婚已育",
        "keywords-0-required": "on",
        "knockouts-TOTAL_FORMS": 0,
        "knockouts-INITIAL_FORMS": 0,
        "tests-TOTAL_FORMS": 0,
        "tests-INITIAL_FORMS": 0,
    }

    response = client.post(url, data)

    assert response.status_code == 200
    assert (
        response.context["forms"].keywords.forms[0].errors["term"][0].startswith("不能作为初筛条件")
    )
    assert 'value="已婚已育"' in response.content.decode()  # nothing typed is lost
    assert not ScreeningKit.objects.filter(sheet=sheet).exists()


def test_the_kit_survives_a_preset_change_a_revision_and_a_revert(hr_alice, manager_bob, sheet):
    save_kit(sheet, hr_alice, keywords=[{"group": "systems", "term": "Zendesk", "required": True}])
    saved_at = sheet.history.first().history_id

    services.sheet_update_basics(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        preset=Preset.objects.get(slug="general"),
        basics={},
        step="basics",
    )
    assert ScreeningKit.objects.get(sheet=sheet).keywords[0]["term"] == "Zendesk"
    assert sheet.challenge_slugs == ["low-conversion", "slow-onboarding"]

    services.sheet_reset_screening_kit(sheet=sheet, actor=hr_alice, expected_version=sheet.version)
    assert not ScreeningKit.objects.filter(sheet=sheet).exists()
    services.sheet_revert(
        sheet=sheet, actor=hr_alice, history_id=saved_at, expected_version=sheet.version
    )
    sheet.refresh_from_db()
    assert ScreeningKit.objects.get(sheet=sheet).keywords[0]["term"] == "Zendesk"
    assert sheet.preset.slug == "ecommerce"

    services.sheet_submit(sheet=sheet, actor=hr_alice)
    services.sheet_approve(sheet=sheet, actor=manager_bob)
    revision = services.sheet_new_revision(sheet=sheet, actor=hr_alice)
    assert ScreeningKit.objects.get(sheet=revision).keywords[0]["term"] == "Zendesk"
    assert revision.challenge_slugs == ["low-conversion", "slow-onboarding"]
    assert (
        "因「新人上手慢」提高为极高"
        in revision.items.get(capability__slug="learning-agility").challenge_note
    )


def test_a_revert_before_the_kit_was_saved_goes_back_to_the_derived_kit(hr_alice, sheet):
    before = sheet.history.first().history_id
    save_kit(sheet, hr_alice, keywords=[])

    services.sheet_revert(
        sheet=sheet, actor=hr_alice, history_id=before, expected_version=sheet.version
    )

    assert not ScreeningKit.objects.filter(sheet=sheet).exists()


# Who may do what with alice's kit: read = whoever may view the sheet; edit = alice.
KIT_MATRIX = {
    "anonymous": {"page": "login", "json": "login", "edit": "login"},
    "hr_alice": {"page": 200, "json": 200, "edit": 302},
    "hr_carol": {"page": 200, "json": 200, "edit": 403},
    "manager_bob": {"page": 200, "json": 200, "edit": 403},
    "manager_dave": {"page": 404, "json": 404, "edit": 404},
    "admin_amy": {"page": 403, "json": 403, "edit": 403},
    "outsider_eve": {"page": 403, "json": 403, "edit": 403},
}


@pytest.mark.parametrize("who", KIT_MATRIX)
@pytest.mark.parametrize("action", ["page", "json", "edit"])
def test_kit_permissions(client, request, sheet, who, action):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    expected = KIT_MATRIX[who][action]
    page = reverse("sheets:screening", args=[sheet.pk])
    if action == "page":
        response = client.get(page)
    elif action == "json":
        response = client.get(reverse("sheets:screening_export", args=[sheet.pk, "json"]))
    else:
        response = client.post(
            page,
            {
                "sheet_version": sheet.version,
                "keywords-TOTAL_FORMS": 1,
                "keywords-INITIAL_FORMS": 0,
                "keywords-0-group": "systems",
                "keywords-0-term": "Zendesk",
                "knockouts-TOTAL_FORMS": 0,
                "knockouts-INITIAL_FORMS": 0,
                "tests-TOTAL_FORMS": 0,
                "tests-INITIAL_FORMS": 0,
            },
        )

    if expected == "login":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    else:
        assert response.status_code == expected
    saved = ScreeningKit.objects.filter(sheet=sheet).exists()
    assert saved == (action == "edit" and who == "hr_alice")


def test_an_approved_sheets_kit_is_read_only(client, hr_alice, manager_bob, sheet):
    services.sheet_submit(sheet=sheet, actor=hr_alice)
    services.sheet_approve(sheet=sheet, actor=manager_bob)
    client.force_login(hr_alice)

    page = client.get(reverse("sheets:screening", args=[sheet.pk]))
    assert page.status_code == 200
    assert "保存初筛条件" not in page.content.decode()
    assert "kit-keyword" in page.content.decode()
    refused = client.post(reverse("sheets:screening_reset", args=[sheet.pk]))
    assert refused.status_code == 403
    assert RequirementSheet.objects.get(pk=sheet.pk).status == "approved"


def kit_post(**rows) -> dict:
    data = {}
    for section in ("keywords", "knockouts", "tests"):
        entries = rows.get(section, [])
        data[f"{section}-TOTAL_FORMS"] = len(entries)
        data[f"{section}-INITIAL_FORMS"] = 0
        for index, entry in enumerate(entries):
            data.update({f"{section}-{index}-{k}": v for k, v in entry.items()})
    return data


def test_hostile_text_is_kept_as_text_and_an_overlong_keyword_is_refused(client, hr_alice, sheet):
    client.force_login(hr_alice)
    url = reverse("sheets:screening", args=[sheet.pk])
    hostile = '<script>alert("x")</script>'

    refused = client.post(
        url,
        {
            "sheet_version": sheet.version,
            **kit_post(keywords=[{"group": "systems", "term": "词" * 41}]),
        },
    )
    assert "term" in refused.context["forms"].keywords.forms[0].errors
    assert not ScreeningKit.objects.filter(sheet=sheet).exists()

    saved = client.post(
        url,
        {
            "sheet_version": sheet.version,
            **kit_post(
                keywords=[{"group": "systems", "term": hostile}],
                knockouts=[{"question": "是否能接受 <b>夜班</b>?"}],
            ),
        },
    )
    assert saved.status_code == 302
    page = client.get(url).content.decode()
    assert hostile not in page and "&lt;script&gt;" in page
    assert "<b>夜班</b>" not in page
    printed = client.get(reverse("sheets:screening_print", args=[sheet.pk])).content.decode()
    assert hostile not in printed and "&lt;script&gt;" in printed
