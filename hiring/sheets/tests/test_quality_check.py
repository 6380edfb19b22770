"""The quality check (需求体检) of real sheets, rule by rule: the sheet builds the snapshot the
rules read (`RequirementSheet.quality_snapshot`), so these tests live with the sheets."""

import re

import pytest
from django.test import override_settings

from hiring.catalog.models import AssessmentMethod, Capability, CapabilityCategory, Priority
from hiring.quality.findings import Finding, Severity
from hiring.quality.rules import SOFT_SKILL_WORDS
from hiring.quality.runner import check_sheet, score
from hiring.sheets.models import JobPosting, RequirementSheet, SheetItem

from .factories import make_sheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    return make_sheet(owner=hr_alice, manager=manager_bob, preset_slug="ecommerce")


def rules(sheet) -> set[str]:
    return {f.rule for f in check_sheet(sheet=RequirementSheet.objects.get(pk=sheet.pk)).findings}


def add_item(
    sheet,
    *,
    name="自定义",
    requirement="要求",
    priority="medium",
    category="core",
    methods=(),
    capability=None,
):
    item = SheetItem.objects.create(
        sheet=sheet,
        category=CapabilityCategory.objects.get(slug=category),
        capability=capability,
        name=name,
        requirement=requirement,
        priority=Priority.objects.get(slug=priority),
    )
    item.methods.set(AssessmentMethod.objects.filter(slug__in=methods))
    return item


def test_every_shipped_preset_passes_without_errors(catalog, hr_alice, manager_bob):
    for slug in ["general", "ecommerce", "cross-border", "saas", "finance"]:
        report = check_sheet(
            sheet=make_sheet(owner=hr_alice, manager=manager_bob, preset_slug=slug)
        )
        assert not report.has_errors, (slug, report.errors)
        assert report.score >= 80, (slug, report.findings)


# 1. Over-demanding


def test_too_many_must_have_items_is_a_warning(sheet):
    for n in range(4):
        add_item(
            sheet,
            name=f"必需{n}",
            priority="must",
            methods=["interview"],
            requirement="3年以上经验",
        )
    report = check_sheet(sheet=sheet)
    finding = next(f for f in report.findings if f.rule == "over_demanding.too_many_must")
    assert finding.severity == Severity.WARNING


def test_everything_must_have_is_an_error(sheet):
    sheet.items.update(priority=Priority.objects.get(slug="must"))
    assert "over_demanding.all_must" in rules(sheet)


def test_too_many_very_high_items(sheet):
    assert "over_demanding.too_many_very_high" not in rules(sheet)
    for n in range(4):
        add_item(sheet, name=f"极高{n}", priority="very-high", methods=["interview"])
    assert "over_demanding.too_many_very_high" in rules(sheet)


@override_settings(
    QUALITY_CHECK={
        "max_must": 10,
        "max_very_high": 10,
        "all_must_min_items": 4,
        "must_assess_priorities": ["must"],
        "paper_methods": ["diploma"],
        "penalties": {"error": 25, "warning": 8, "tip": 2},
    }
)
def test_thresholds_come_from_settings(sheet):
    for n in range(4):
        add_item(sheet, name=f"必需{n}", priority="must", methods=["interview"])
    assert "over_demanding.too_many_must" not in rules(sheet)


# 2. Vague


@pytest.mark.parametrize(
    "requirement, vague",
    [
        ("具备良好的沟通能力", True),
        ("较强的抗压能力", True),
        ("good communication skills", False),  # English words name things too often to judge
        ("1年以上客服经验", False),
        ("打字速度每分钟60字以上", False),
        ("熟练使用Zendesk和企业微信", False),
        ("普通话二级甲等", False),
        ("善于倾听,回复前先复述客户诉求", False),
    ],
)
def test_vague_requirements_get_a_suggestion_to_name_a_criterion(sheet, requirement, vague):
    item = add_item(sheet, name="待检", requirement=requirement, methods=["interview"])
    found = [
        f for f in check_sheet(sheet=sheet).findings if f.rule == "vague" and f.item_id == item.pk
    ]
    assert bool(found) == vague
    if found:
        assert "例如" in found[0].suggestion


def test_a_vague_hard_requirement_is_a_warning_elsewhere_a_tip(sheet):
    hard = add_item(
        sheet, name="硬", requirement="良好的学历背景", category="hard", methods=["diploma"]
    )
    soft = add_item(
        sheet, name="软", requirement="良好的心态", category="value", methods=["interview"]
    )
    by_item = {f.item_id: f for f in check_sheet(sheet=sheet).findings if f.rule == "vague"}
    assert by_item[hard.pk].severity == Severity.WARNING
    assert by_item[soft.pk].severity == Severity.TIP


# 3. Missing essentials


@pytest.mark.parametrize(
    "change, rule, severity",
    [
        ({"location": ""}, "missing.location", Severity.ERROR),
        ({"salary_min": None}, "missing.salary_min", Severity.WARNING),
        ({"schedule": ""}, "missing.schedule", Severity.WARNING),
    ],
)
def test_missing_basics(sheet, change, rule, severity):
    assert rule not in rules(sheet)
    RequirementSheet.objects.filter(pk=sheet.pk).update(**change)
    found = [
        f
        for f in check_sheet(sheet=RequirementSheet.objects.get(pk=sheet.pk)).findings
        if f.rule == rule
    ]
    assert found and found[0].severity == severity and found[0].step == "basics"


@pytest.mark.parametrize(
    "field, rule",
    [("responsibilities", "missing.responsibilities"), ("process_steps", "missing.process_steps")],
)
def test_missing_posting_parts(sheet, field, rule):
    assert rule not in rules(sheet)
    JobPosting.objects.filter(sheet=sheet).update(**{field: "  \n "})
    assert rule in rules(sheet)


# 4. Unassessed


def test_an_important_item_without_methods_is_an_error(sheet):
    item = add_item(sheet, name="无评估", priority="high", requirement="3年经验")
    finding = next(f for f in check_sheet(sheet=sheet).findings if f.item_id == item.pk)
    assert finding.rule == "unassessed.no_method" and finding.severity == Severity.ERROR
    assert finding.step == "core"


def test_a_medium_item_without_methods_is_fine(sheet):
    item = add_item(sheet, name="中等", priority="medium", requirement="3年经验")
    assert not [f for f in check_sheet(sheet=sheet).findings if f.item_id == item.pk]


def test_a_soft_skill_assessed_only_on_paper_is_a_warning(sheet):
    empathy = sheet.items.get(capability__slug="empathy")
    empathy.methods.set(AssessmentMethod.objects.filter(slug__in=["diploma", "resume-screening"]))
    assert "unassessed.soft_skill_on_paper" in rules(sheet)
    empathy.methods.add(AssessmentMethod.objects.get(slug="deep-simulation"))
    assert "unassessed.soft_skill_on_paper" not in rules(sheet)


def test_a_custom_soft_skill_is_recognised_by_its_name(sheet):
    add_item(sheet, name="抗压表现", requirement="3年", methods=["background-check"])
    assert "unassessed.soft_skill_on_paper" in rules(sheet)


# 5. Discriminatory wording, wherever it is written


def test_unlawful_wording_in_an_item_is_an_error_with_its_reason(sheet):
    item = add_item(sheet, name="其他", requirement="限女性,35岁以下", methods=["interview"])
    report = check_sheet(sheet=sheet)
    found = {f.rule: f for f in report.findings if f.item_id == item.pk}
    assert {"wording.gender", "wording.age"} <= set(found)
    assert "限女性" in found["wording.gender"].message
    assert report.has_errors


def test_unlawful_wording_in_the_posting_and_title_is_found(sheet):
    JobPosting.objects.filter(sheet=sheet).update(benefits="已婚已育优先")
    RequirementSheet.objects.filter(pk=sheet.pk).update(title="招聘客服(限本地户口)")
    found = {
        (f.rule, f.field)
        for f in check_sheet(sheet=RequirementSheet.objects.get(pk=sheet.pk)).findings
    }
    assert ("wording.marital", "benefits") in found
    assert ("wording.origin", "title") in found


def test_lawful_look_alikes_pass(sheet):
    add_item(
        sheet,
        name="客群",
        requirement="为母婴用品店的宝妈客户和老年客户提供耐心服务,性别不限",
        methods=["interview"],
    )
    assert not [r for r in rules(sheet) if r.startswith("wording.")]


def test_a_screening_question_about_marriage_is_an_error(sheet):
    JobPosting.objects.filter(sheet=sheet).update(
        screening_questions="请描述一次你安抚不满客户的经历\n你结婚了吗？近期有生育计划吗？"
    )
    report = check_sheet(sheet=RequirementSheet.objects.get(pk=sheet.pk))
    (finding,) = [f for f in report.findings if f.rule == "wording.marital"]
    assert finding.field == "screening_questions"
    assert finding.severity == Severity.ERROR
    assert report.has_errors


@pytest.mark.parametrize(
    ("question", "ground"),
    [
        ("你今年多大了？", "wording.age"),
        ("Do you plan to have children soon?", "wording.marital"),
        ("你是哪里人？老家在哪里？", "wording.origin"),
        ("Are you pregnant?", "wording.marital"),
    ],
)
def test_an_interview_question_on_the_scorecard_is_checked(sheet, question, ground):
    item = next(
        i
        for i in sheet.items.filter(included=True)
        if i.capability_id and any(m.on_scorecard for m in i.methods.all())
    )
    if hasattr(item, "interview_prompts"):
        item.interview_prompts = f"{item.interview_prompts}\n{question}"
        item.save()
    else:
        Capability.objects.filter(pk=item.capability_id).update(star_prompts=question)
    report = check_sheet(sheet=RequirementSheet.objects.get(pk=sheet.pk))
    (finding,) = [f for f in report.findings if f.rule == ground]
    assert (finding.item_id, finding.field) == (item.pk, "interview_prompts")
    assert finding.step == item.category.slug
    assert report.has_errors


def test_questions_of_items_not_on_the_scorecard_are_not_printed_so_not_checked(sheet):
    capability = Capability.objects.exclude(
        pk__in=sheet.items.exclude(capability=None).values("capability_id")
    ).first()
    Capability.objects.filter(pk=capability.pk).update(star_prompts="你今年多大了？")
    item = add_item(
        sheet, name="学历", requirement="大专及以上", methods=["diploma"], capability=capability
    )
    if hasattr(item, "interview_prompts"):
        item.interview_prompts = "你今年多大了？"
        item.save()
    assert not AssessmentMethod.objects.get(slug="diploma").on_scorecard
    found = [f for f in check_sheet(sheet=sheet).findings if f.item_id == item.pk]
    assert not [f for f in found if f.field == "interview_prompts"]


def test_text_split_by_a_zero_width_space_still_blocks_submission(sheet, hr_alice):
    from hiring.sheets.services import TransitionRefused, sheet_submit

    assert not check_sheet(sheet=sheet).has_errors
    add_item(sheet, name="年龄", requirement="年龄\u200b35岁以下", methods=["interview"])
    JobPosting.objects.filter(sheet=sheet).update(summary="Applicants under\u200b 35 preferred")
    sheet = RequirementSheet.objects.get(pk=sheet.pk)
    report = check_sheet(sheet=sheet)
    ages = [f for f in report.findings if f.rule == "wording.age"]
    assert {f.field for f in ages} == {"requirement", "summary"}
    assert any("年龄\u200b35岁以下" in f.message for f in ages)  # quotes what was written

    with pytest.raises(TransitionRefused):
        sheet_submit(sheet=sheet, actor=hr_alice)
    assert RequirementSheet.objects.get(pk=sheet.pk).status == RequirementSheet.Status.DRAFT


# 6. Industry fit


def test_cross_border_without_english_is_flagged(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, preset_slug="cross-border")
    assert "industry_fit" not in rules(sheet)
    for item in sheet.items.all():
        if re.search("英语|英文|English|外语|双语", item.requirement):
            item.included = False
            item.save()
    assert "industry_fit" in rules(sheet)


def test_finance_without_compliance_is_flagged(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, preset_slug="finance")
    assert "industry_fit" not in rules(sheet)
    for item in sheet.items.all():
        if any(word in item.name + item.requirement for word in ["合规", "风控", "风险"]):
            item.included = False
            item.save()
    assert "industry_fit" in rules(sheet)


def test_general_industry_expects_nothing_special(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, preset_slug="general")
    sheet.items.all().delete()
    assert "industry_fit" not in rules(sheet)


# 7. Very-high soft skills need a screening question


def test_very_high_soft_skills_without_screening_question(sheet):
    assert sheet.items.filter(priority__slug="very-high", capability__is_soft_skill=True).exists()
    assert "soft_skills_unscreened" not in rules(sheet)
    JobPosting.objects.filter(sheet=sheet).update(screening_questions="")
    assert "soft_skills_unscreened" in rules(sheet)


# Score and blocking


def test_score_subtracts_per_severity_and_never_goes_below_zero():
    def finding(severity):
        return Finding(rule="r", severity=severity, message="m")

    assert score([]) == 100
    assert score([finding(Severity.ERROR), finding(Severity.WARNING), finding(Severity.TIP)]) == 65
    assert score([finding(Severity.ERROR)] * 5) == 0


def test_only_errors_block_and_findings_are_sorted_errors_first(sheet):
    add_item(sheet, name="软", requirement="良好的心态", category="value", methods=["interview"])
    report = check_sheet(sheet=sheet)
    assert not report.has_errors and report.findings
    add_item(sheet, name="硬", requirement="男性优先", methods=["interview"])
    report = check_sheet(sheet=sheet)
    assert report.has_errors
    assert report.findings[0].severity == Severity.ERROR
    severities = [f.severity for f in report.findings]
    assert severities == sorted(severities, key=["error", "warning", "tip"].index)


def test_dropped_items_are_not_checked(sheet):
    item = add_item(sheet, name="旧条目", requirement="限男性", methods=["interview"])
    item.included = False
    item.save()
    assert not [r for r in rules(sheet) if r.startswith("wording.")]


def test_a_capability_flagged_as_soft_skill_is_one_whatever_its_name(sheet):
    capability = Capability.objects.get(slug="problem-solving")
    assert not SOFT_SKILL_WORDS.search(capability.name)  # only the flag can make it soft
    item = sheet.items.filter(capability=capability).first() or add_item(
        sheet, name=capability.name, requirement="3年", capability=capability
    )
    item.methods.set(AssessmentMethod.objects.filter(slug__in=["diploma", "resume-screening"]))

    def item_rules() -> set[str]:
        report = check_sheet(sheet=RequirementSheet.objects.get(pk=sheet.pk))
        return {f.rule for f in report.findings if f.item_id == item.pk}

    assert "unassessed.soft_skill_on_paper" in item_rules()
    Capability.objects.filter(pk=capability.pk).update(is_soft_skill=False)
    assert "unassessed.soft_skill_on_paper" not in item_rules()


def test_the_report_names_the_legal_basis_of_a_wording_finding(sheet):
    from django.template.loader import render_to_string

    add_item(sheet, name="其他", requirement="限女性", methods=["interview"])
    report = check_sheet(sheet=sheet)
    (finding,) = [f for f in report.findings if f.rule == "wording.gender"]
    assert "妇女权益保障法" in finding.basis
    html = render_to_string("quality/_report.html", {"quality": report, "sheet": sheet})
    assert finding.basis in html
