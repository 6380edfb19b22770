"""Core challenges adjust a sheet built from a preset: each kind of effect, the notes that say
why, changing them later, and what the quality check makes of them. The catalog stays as is."""

import pytest
from django.core.management import call_command

from hiring.catalog.models import (
    AssessmentMethod,
    Capability,
    ChallengeEffect,
    CoreChallenge,
    Preset,
    PresetItem,
    Priority,
)
from hiring.quality.runner import check_sheet
from hiring.sheets import services
from hiring.sheets.models import SheetItem

from .factories import make_sheet


def challenges(*slugs):
    return list(CoreChallenge.objects.filter(slug__in=slugs))


def item(sheet, capability_slug) -> SheetItem:
    return sheet.items.get(capability__slug=capability_slug)


def method_names(sheet_item) -> set[str]:
    return {m.name for m in sheet_item.methods.all()}


@pytest.fixture
def shop_sheet(catalog, hr_alice, manager_bob):
    """An 电商 sheet with 新人上手慢 and 转化率低, as the wizard's first step makes it."""
    return services.sheet_create_from_preset(
        actor=hr_alice,
        preset=Preset.objects.get(slug="ecommerce"),
        basics={"title": "电商客服", "role_title": "电商客服专员", "hiring_manager": manager_bob},
        challenges=challenges("slow-onboarding", "low-conversion"),
    )


def test_shipped_challenges_reload_without_duplicates(catalog):
    names = set(CoreChallenge.objects.values_list("name", flat=True))
    assert {
        "转化率低",
        "投诉升级多/情绪冲突",
        "新人上手慢",
        "人员流失高",
        "多语种/跨境咨询",
        "合规风险高",
        "智能客服转型",
        "预算有限的小团队",
    } <= names
    count = ChallengeEffect.objects.count()
    call_command("loaddata", "challenges", verbosity=0)
    assert ChallengeEffect.objects.count() == count
    assert all(effect.reason for effect in ChallengeEffect.objects.all())


def test_raising_a_priority_says_which_challenge_and_why(shop_sheet):
    learning = item(shop_sheet, "learning-agility")

    assert learning.priority.slug == "very-high"  # 高 in the 电商 preset
    assert "因「新人上手慢」提高为极高" in learning.challenge_note
    assert "理由：" in learning.challenge_note
    conversion = item(shop_sheet, "conversion-awareness")
    assert conversion.priority.slug == "very-high"
    assert "因「转化率低」提高为极高" in conversion.challenge_note


def test_lowering_a_priority(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    services.sheet_update_basics(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        preset=sheet.preset,
        basics={},
        step="basics",
        challenges=challenges("small-budget"),
    )

    data = item(sheet, "data-awareness")
    assert data.priority.slug == "role-dependent"  # 中 in the preset
    assert "因「预算有限的小团队」降低为视岗位" in data.challenge_note


def test_adding_a_capability_the_preset_lacks(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    assert not sheet.items.filter(capability__slug="cx-orientation").exists()

    services.sheet_update_basics(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        preset=sheet.preset,
        basics={},
        step="basics",
        challenges=challenges("high-turnover"),
    )

    added = item(sheet, "cx-orientation")
    assert added.priority.slug == "high"
    assert "价值观考察" in method_names(added)
    assert "因「人员流失高」新增此项" in added.challenge_note


def test_a_capability_for_another_industry_is_not_added(catalog, hr_alice, manager_bob):
    # 合规与风控意识 is for 金融 only: 合规风险高 on an 电商 sheet leaves it out.
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    services.sheet_update_basics(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        preset=sheet.preset,
        basics={},
        step="basics",
        challenges=challenges("compliance"),
    )

    assert not sheet.items.filter(capability__slug="compliance-awareness").exists()
    assert "因「合规风险高」新增此项" in item(sheet, "professional-ethics").challenge_note


def test_adding_and_emphasising_methods_and_prompts(shop_sheet):
    learning = item(shop_sheet, "learning-agility")
    assert "学习能力测试" in method_names(learning)
    assert "重点考察「学习能力测试」" in learning.challenge_note  # the preset has it already
    assert "如何快速掌握陌生领域知识或一套新系统" in learning.interview_prompts
    assert "增加面试追问" in learning.challenge_note

    data = item(shop_sheet, "data-awareness")
    assert "看哪些数据判断自己的询单转化情况" in data.interview_prompts


def test_adding_a_method_the_item_lacks(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    empathy = item(sheet, "empathy")
    assert "深度情景模拟" in method_names(empathy)
    services.sheet_update_basics(
        sheet=sheet,
        actor=hr_alice,
        expected_version=sheet.version,
        preset=sheet.preset,
        basics={},
        step="basics",
        challenges=challenges("multilingual"),
    )
    omnichannel = item(sheet, "omnichannel")  # added by 多语种/跨境咨询
    assert omnichannel.priority.slug == "high"
    language = item(sheet, "language")
    assert "重点考察「测试」" in language.challenge_note


def test_screening_questions_join_the_posting_and_leave_with_their_challenge(
    catalog, hr_alice, manager_bob, shop_sheet
):
    questions = shop_sheet.posting.screening_question_list
    assert "请举一个你把犹豫不决的咨询转化为订单的例子" in questions[-2]
    assert "学会一套新系统" in questions[-1]

    services.sheet_update_basics(
        sheet=shop_sheet,
        actor=hr_alice,
        expected_version=shop_sheet.version,
        preset=shop_sheet.preset,
        basics={},
        step="basics",
        challenges=challenges("slow-onboarding"),
    )

    shop_sheet.posting.refresh_from_db()
    assert not any("犹豫不决" in q for q in shop_sheet.posting.screening_question_list)
    assert any("学会一套新系统" in q for q in shop_sheet.posting.screening_question_list)


def test_the_catalog_rows_stay_as_they_are(catalog, hr_alice, manager_bob, shop_sheet):
    learning = Capability.objects.get(slug="learning-agility")
    assert learning.default_priority.slug == "high"
    assert learning.requirement == "快速掌握新产品、新政策、新流程、新工具"
    preset_item = PresetItem.objects.get(preset__slug="ecommerce", capability=learning)
    assert preset_item.priority.slug == "high"
    assert {m.slug for m in preset_item.methods.all()} == {"learning-test", "interview"}


def test_more_than_three_challenges_are_refused(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    with pytest.raises(services.TransitionRefused, match="最多选择 3 个核心挑战"):
        services.sheet_update_basics(
            sheet=sheet,
            actor=hr_alice,
            expected_version=sheet.version,
            preset=sheet.preset,
            basics={},
            step="basics",
            challenges=list(CoreChallenge.objects.all()[:4]),
        )


def test_changing_challenges_keeps_edits_of_items_they_do_not_touch(
    catalog, hr_alice, manager_bob, shop_sheet
):
    comm = item(shop_sheet, "communication")
    comm.requirement = "普通话二级甲等,表达清晰"
    comm.save()

    services.sheet_update_basics(
        sheet=shop_sheet,
        actor=hr_alice,
        expected_version=shop_sheet.version,
        preset=shop_sheet.preset,
        basics={},
        step="basics",
        challenges=challenges("slow-onboarding"),
    )

    assert item(shop_sheet, "communication").requirement == "普通话二级甲等,表达清晰"
    conversion = item(shop_sheet, "conversion-awareness")
    assert conversion.priority.slug == "high"  # back to the preset's
    assert conversion.challenge_note == ""
    assert item(shop_sheet, "learning-agility").priority.slug == "very-high"


def test_the_preview_lists_affected_items_and_which_were_edited(shop_sheet):
    learning = item(shop_sheet, "learning-agility")
    learning.requirement = "一周内能独立操作新系统"
    learning.save()

    changes = services.sheet_challenge_changes(
        sheet=shop_sheet, challenges=challenges("low-conversion")
    )

    by_name = {change.name: change for change in changes}
    assert by_name["学习与适应"].edited
    assert by_name["学习与适应"].notes == ("恢复为行业模板的设置",)
    assert not by_name["团队协作与知识分享"].edited
    assert "转化意识" not in by_name  # 转化率低 stays: its items do not change


def test_a_sheet_as_the_challenges_made_it_counts_as_not_edited(shop_sheet):
    assert not services.sheet_edited_since_preset(sheet=shop_sheet)
    learning = item(shop_sheet, "learning-agility")
    learning.priority = Priority.objects.get(slug="medium")
    learning.save()
    assert services.sheet_edited_since_preset(sheet=shop_sheet)


def test_a_preset_change_applies_the_challenges_to_the_new_items(catalog, hr_alice, shop_sheet):
    general = Preset.objects.get(slug="general")
    services.sheet_update_basics(
        sheet=shop_sheet,
        actor=hr_alice,
        expected_version=shop_sheet.version,
        preset=general,
        basics={},
        step="basics",
    )

    assert shop_sheet.challenge_slugs == ["low-conversion", "slow-onboarding"]
    learning = item(shop_sheet, "learning-agility")
    assert "因「新人上手慢」提高为极高" in learning.challenge_note
    # 转化意识 is for 电商 and 跨境电商 only: not added to a 通用 sheet.
    assert not shop_sheet.items.filter(capability__slug="conversion-awareness").exists()


def test_the_quality_check_warns_when_a_challenge_method_is_missing(shop_sheet):
    assert not [f for f in check_sheet(sheet=shop_sheet).findings if f.rule.startswith("challenge")]
    learning = item(shop_sheet, "learning-agility")
    learning.methods.remove(AssessmentMethod.objects.get(slug="learning-test"))

    findings = [
        f for f in check_sheet(sheet=shop_sheet).findings if f.rule == "challenge.missing_method"
    ]

    assert len(findings) == 1
    assert findings[0].severity == "warning"
    assert "新人上手慢" in findings[0].message
    assert "学习能力测试" in findings[0].message
    assert findings[0].item_id == learning.pk


def test_the_quality_check_suggests_the_challenge_priority(shop_sheet):
    learning = item(shop_sheet, "learning-agility")
    learning.priority = Priority.objects.get(slug="medium")
    learning.save()

    findings = [f for f in check_sheet(sheet=shop_sheet).findings if f.rule == "challenge.priority"]

    assert [f.item_id for f in findings] == [learning.pk]
    assert "极高" in findings[0].message
