"""The job posting as plain text, word for word: what HR pastes into job boards."""

import pytest
from django.utils import translation

from hiring.catalog.models import AssessmentMethod, CapabilityCategory, Priority
from hiring.documents import rendering
from hiring.sheets.models import JobPosting, RequirementSheet, SheetItem


@pytest.fixture
def posting_sheet(sheet):
    """Alice's draft with items and a posting of our own, every section filled in."""
    SheetItem.objects.filter(sheet=sheet).delete()
    categories = {category.slug: category for category in CapabilityCategory.objects.all()}
    priorities = {priority.slug: priority for priority in Priority.objects.all()}
    interview = AssessmentMethod.objects.get(slug="interview")
    for order, (category, name, requirement, priority) in enumerate(
        [
            ("hard", "学历", "大专及以上", "must"),
            ("core", "沟通表达", "清晰、简洁 & 有逻辑 <能倾听>", "high"),
            ("core", "数据意识", "能读懂响应时长", "medium"),
            ("bonus", "英语", '能处理 "英文" 邮件', "must"),
        ]
    ):
        item = SheetItem.objects.create(
            sheet=sheet,
            category=categories[category],
            name=name,
            requirement=requirement,
            priority=priorities[priority],
            order=order,
        )
        item.methods.set([interview])
    JobPosting.objects.filter(sheet=sheet).update(
        headline="电商客服 <夜班> & 周末",
        summary="负责售前咨询。\n大促期间轮班。",
        responsibilities="接待咨询\n\n  处理售后  \n",
        benefits="五险一金\n年终奖",
        process_steps="简历筛选\n面试\n录用",
        screening_questions="请描述一次你成功安抚极度不满客户并解决问题的经历",
        how_to_apply="邮件:jobs@example.com\n注明「客服」  ",
    )
    return RequirementSheet.objects.get(pk=sheet.pk)


def test_a_draft_posting_reads_exactly_so(posting_sheet):
    assert rendering.posting_text(sheet=posting_sheet) == (
        "【草稿】需求表尚未批准，请勿发布。\n"
        "\n"
        "电商客服 <夜班> & 周末\n"
        "杭州市余杭区 · 6,000–9,000 元/月 · 招 2 人\n"
        "\n"
        "负责售前咨询。\n"
        "大促期间轮班。\n"
        "\n"
        "【岗位职责】\n"
        "1. 接待咨询\n"
        "2. 处理售后\n"
        "\n"
        "【任职要求】\n"
        "1. 学历:大专及以上\n"
        "2. 沟通表达:清晰、简洁 & 有逻辑 <能倾听>\n"
        "\n"
        "【加分项】\n"
        "· 数据意识:能读懂响应时长\n"
        '· 英语:能处理 "英文" 邮件\n'
        "\n"
        "【薪资福利】\n"
        "· 6,000–9,000 元/月\n"
        "· 五险一金\n"
        "· 年终奖\n"
        "\n"
        "【地点与工作时间】\n"
        "· 杭州市余杭区\n"
        "· 做五休二,09:00-18:00\n"
        "\n"
        "【招聘流程】\n"
        "简历筛选 → 面试 → 录用\n"
        "\n"
        "【必答题】\n"
        "1. 请描述一次你成功安抚极度不满客户并解决问题的经历\n"
        "\n"
        "【应聘方式】\n"
        "邮件:jobs@example.com\n"
        "注明「客服」\n"
    )


def test_an_approved_posting_has_no_draft_line_and_leaves_out_what_is_empty(posting_sheet):
    JobPosting.objects.filter(sheet=posting_sheet).update(
        summary="", benefits="", process_steps="", screening_questions=""
    )
    RequirementSheet.objects.filter(pk=posting_sheet.pk).update(
        status=RequirementSheet.Status.APPROVED,
        schedule="",
        salary_min=None,
        salary_max=None,
        headcount=1,
    )
    sheet = RequirementSheet.objects.get(pk=posting_sheet.pk)

    assert rendering.posting_text(sheet=sheet) == (
        "电商客服 <夜班> & 周末\n"
        "杭州市余杭区 · 招 1 人\n"
        "\n"
        "【岗位职责】\n"
        "1. 接待咨询\n"
        "2. 处理售后\n"
        "\n"
        "【任职要求】\n"
        "1. 学历:大专及以上\n"
        "2. 沟通表达:清晰、简洁 & 有逻辑 <能倾听>\n"
        "\n"
        "【加分项】\n"
        "· 数据意识:能读懂响应时长\n"
        '· 英语:能处理 "英文" 邮件\n'
        "\n"
        "【地点与工作时间】\n"
        "· 杭州市余杭区\n"
        "\n"
        "【应聘方式】\n"
        "邮件:jobs@example.com\n"
        "注明「客服」\n"
    )


def test_the_posting_text_is_in_the_readers_language(posting_sheet):
    with translation.override("en"):
        text = rendering.posting_text(sheet=posting_sheet)

    lines = text.splitlines()
    assert lines[0] == "[DRAFT] The requirement sheet is not approved yet; do not publish."
    assert lines[3] == "杭州市余杭区 · 6,000–9,000 CNY/month · 2 openings"
    for heading in (
        "Responsibilities",
        "Requirements",
        "Bonus items",
        "Pay and benefits",
        "Location and hours",
        "Hiring process",
        "Screening questions",
        "How to apply",
    ):
        assert f"【{heading}】" in lines
