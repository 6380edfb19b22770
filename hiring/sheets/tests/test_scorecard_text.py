"""Each sheet item carries its own interview prompts and 1/3/5 anchors."""

import pytest

from hiring.catalog.models import AssessmentMethod, Capability, Priority, text_for_industry
from hiring.documents import rendering
from hiring.documents.tests import pdfs
from hiring.sheets import services
from hiring.sheets.models import SheetItem
from hiring.sheets.selectors.history import sheet_timeline

from .factories import make_sheet

INDUSTRIES = ["通用", "电商", "跨境电商", "SaaS", "金融"]


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    """Alice's e-commerce draft from the shipped preset."""
    return make_sheet(owner=hr_alice, manager=manager_bob)


def add_from_library(sheet, slug: str) -> SheetItem:
    sheet.refresh_from_db()
    return services.sheet_add_capability(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        capability=Capability.objects.get(slug=slug),
        step="hard",
    )


def test_text_for_another_industry_is_left_out():
    text = "\n".join(
        [
            "通用问题",
            "(金融)存款和基金的区别",
            "(SaaS)订阅能否退款",
            "【内容型】写一段通知;【电商】说明预售规则",
        ]
    )

    kept = text_for_industry(text, industry_name="电商", industry_names=INDUSTRIES)

    assert kept.splitlines() == ["通用问题", "【内容型】写一段通知;【电商】说明预售规则"]
    finance = text_for_industry(text, industry_name="金融", industry_names=INDUSTRIES)
    assert "(金融)存款和基金的区别" in finance and "订阅" not in finance and "预售" not in finance


def test_an_item_added_from_the_library_asks_only_its_industrys_questions(
    catalog, hr_alice, manager_bob
):
    # 行业知识 serves 金融 and SaaS sheets only; a SaaS sheet gets no 金融 question.
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, preset_slug="saas")
    sheet.items.filter(capability__slug="industry-knowledge").delete()
    item = add_from_library(sheet, "industry-knowledge")

    capability = item.capability
    assert item.prompt_list  # the general STAR question stays
    assert any(line.startswith("(SaaS)") for line in item.prompt_list)
    assert all(not line.startswith("(金融)") for line in item.prompt_list)
    assert set(item.prompt_list) < set(capability.prompts)
    assert (item.anchor_1, item.anchor_3, item.anchor_5) == (
        capability.anchor_1,
        capability.anchor_3,
        capability.anchor_5,
    )

    text = pdfs.text(rendering.render_scorecard_pdf(sheet=sheet))
    assert pdfs.squeeze(item.prompt_list[0]) in text
    assert "定期存款" not in text and "按年订阅" in text


def test_the_finance_preset_keeps_its_own_questions(catalog, hr_alice, manager_bob):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob, preset_slug="finance")

    item = sheet.items.get(capability__slug="industry-knowledge")

    assert any(line.startswith("(金融)") for line in item.prompt_list)
    assert not any(line.startswith("(SaaS)") for line in item.prompt_list)


def test_edited_questions_and_anchors_are_what_the_scorecard_prints(sheet, hr_alice):
    item = sheet.items.filter(methods__on_scorecard=True).first()
    data = services.ItemData(
        pk=item.pk,
        name=item.name,
        requirement=item.requirement,
        priority=item.priority,
        methods=list(item.methods.all()),
        order=item.order,
        interview_prompts="请讲一次你在大促当天同时处理三十个会话的经历",
        anchor_5="同时处理三十个会话仍零差评",
    )

    services.sheet_save_items(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        category_id=item.category_id,
        items=[data],
        step="hard",
    )

    item.refresh_from_db()
    assert item.prompt_list == ["请讲一次你在大促当天同时处理三十个会话的经历"]
    text = pdfs.text(rendering.render_scorecard_pdf(sheet=sheet))
    assert "请讲一次你在大促当天同时处理三十个会话的经历" in text
    assert "同时处理三十个会话仍零差评" in text
    changes = [change for entry in sheet_timeline(sheet=sheet) for change in entry.changes]
    assert ("5分表现", "同时处理三十个会话仍零差评") in [(c.label, c.new) for c in changes]


def test_a_custom_item_gets_a_generic_scale_and_revert_restores_edited_anchors(sheet, hr_alice):
    interview = AssessmentMethod.objects.get(slug="interview")
    category = sheet.items.first().category
    custom = services.ItemData(
        pk=None,
        name="售后话术",
        requirement="能用规范话术解释退换货政策",
        priority=Priority.objects.get(slug="high"),
        methods=[interview],
        order=99,
    )
    services.sheet_save_items(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        category_id=category.pk,
        items=[custom],
        step="hard",
    )
    item = sheet.items.get(name="售后话术")
    generic = services.generic_scorecard()
    assert (item.anchor_1, item.anchor_3, item.anchor_5) == (
        generic["anchor_1"],
        generic["anchor_3"],
        generic["anchor_5"],
    )
    text = pdfs.text(rendering.render_scorecard_pdf(sheet=sheet))
    for anchor in (item.anchor_1, item.anchor_3, item.anchor_5):
        assert pdfs.squeeze(anchor) in text

    before = sheet.history.order_by("-history_date").first()
    sheet.refresh_from_db()
    edited = services.ItemData(
        pk=item.pk,
        name=item.name,
        requirement=item.requirement,
        priority=item.priority,
        methods=[interview],
        order=item.order,
        anchor_1="把退货说成不能退",
    )
    services.sheet_save_items(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        category_id=category.pk,
        items=[edited],
        step="hard",
    )
    item.refresh_from_db()
    assert item.anchor_1 == "把退货说成不能退"

    sheet.refresh_from_db()
    services.sheet_revert(
        sheet=sheet, actor=hr_alice, history_id=before.history_id, expected_version=sheet.version
    )

    item.refresh_from_db()
    assert item.anchor_1 == generic["anchor_1"]


def test_edited_interview_questions_count_as_work_a_preset_change_would_overwrite(sheet):
    assert not services.sheet_edited_since_preset(sheet=sheet)

    item = sheet.items.exclude(capability=None).first()
    item.interview_prompts = "请讲一次你处理差评的经历"
    item.save()

    assert services.sheet_edited_since_preset(sheet=sheet)
