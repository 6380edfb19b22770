"""A sheet keeps the language it was created in for its own content: its items, posting and
the catalog names it shows (category, priority, method) stay in that language, while the
pages' and documents' own text follows whoever reads them."""

import pytest
from django.urls import reverse
from django.utils import translation

from hiring.catalog.models import Capability, Preset, PresetItem, Priority
from hiring.documents.tests import pdfs
from hiring.sheets.forms import preset_title
from hiring.sheets.models import RequirementSheet

pytestmark = pytest.mark.django_db

ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}
CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-hans"}


def create_sheet(client, manager, preset: Preset, headers: dict) -> RequirementSheet:
    """Through the page that creates a sheet, as its author would, in their language."""
    form = client.get(reverse("sheets:new"), {"preset": preset.slug}, **headers).context["form"]
    response = client.post(
        reverse("sheets:new"),
        {
            "title": form.initial["title"],
            "preset": preset.pk,
            "role_title": form.initial["role_title"],
            "headcount": 2,
            "location": "Hangzhou",
            "salary_min": 6000,
            "salary_max": 9000,
            "salary_period": "month",
            "hiring_manager": manager.pk,
            "challenges": ["escalations"],
        },
        **headers,
    )
    assert response.status_code == 302, response.context["form"].errors
    return RequirementSheet.objects.latest("pk")


def sheet_pdf_text(client, sheet, headers: dict) -> str:
    response = client.get(reverse("documents:sheet_pdf", args=[sheet.pk]), **headers)
    assert response.status_code == 200
    return pdfs.text(response.content)


def test_an_english_author_gets_an_english_sheet_with_english_priorities_in_its_pdf(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    preset = Preset.objects.get(slug="ecommerce")

    sheet = create_sheet(client, manager_bob, preset, ENGLISH)

    assert sheet.language == "en"
    assert sheet.title == "E-commerce Customer Service Specialist hiring requirements"
    empathy = sheet.items.get(capability__slug="empathy")
    source = PresetItem.objects.get(preset=preset, capability__slug="empathy")
    assert empathy.name == "Empathy"
    assert empathy.requirement == source.requirement_en
    assert empathy.anchor_5 == Capability.objects.get(slug="empathy").anchor_5_en
    # The challenge's note is content too: in English, with the challenge's English reason.
    notes = "\n".join(sheet.items.values_list("challenge_note", flat=True))
    assert "Because of “Frequent escalations" in notes
    posting = sheet.posting
    assert posting.summary == preset.summary_en
    assert posting.process_steps.splitlines()[0] == "CV screening"

    english_reader = sheet_pdf_text(client, sheet, ENGLISH)
    chinese_reader = sheet_pdf_text(client, sheet, CHINESE)

    for text in (english_reader, chinese_reader):
        assert pdfs.squeeze("Must-have") in text
        assert pdfs.squeeze("Hard requirements") in text
        assert "Empathy" in text
        for chinese in ("必需", "极高", "硬性条件", "共情能力"):
            assert chinese not in text
    # The document's own labels follow its reader.
    assert "Priority" in english_reader and "优先级" not in english_reader
    assert "优先级" in chinese_reader


def test_a_chinese_author_gets_the_seed_text_verbatim(client, catalog, hr_alice, manager_bob):
    client.force_login(hr_alice)
    preset = Preset.objects.get(slug="general")

    sheet = create_sheet(client, manager_bob, preset, CHINESE)

    assert sheet.language == "zh-hans"
    assert sheet.title == "客服专员 招聘需求"
    empathy = sheet.items.get(capability__slug="empathy")
    assert empathy.name == "共情能力"
    assert empathy.requirement == "准确识别客户情绪,展现理解与尊重,化解对立"
    assert sheet.posting.process_steps.splitlines()[0] == "简历筛选"
    # An English reader of the Chinese sheet: English labels, the sheet's Chinese names.
    english_reader = sheet_pdf_text(client, sheet, ENGLISH)
    assert "必需" in english_reader and "共情能力" in english_reader
    assert "Priority" in english_reader and "Must-have" not in english_reader


def test_an_empty_english_value_reads_as_the_chinese_one(client, catalog, hr_alice, manager_bob):
    Priority.objects.filter(slug="very-high").update(name_en=None)
    client.force_login(hr_alice)

    with translation.override("en"):
        assert Priority.objects.get(slug="very-high").name == "极高"
        assert Priority.objects.get(slug="must").name == "Must-have"
    sheet = create_sheet(client, manager_bob, Preset.objects.get(slug="ecommerce"), ENGLISH)
    text = sheet_pdf_text(client, sheet, ENGLISH)
    assert "极高" in text and "Must-have" in text


def test_the_wizard_offers_the_catalog_in_the_readers_language_and_rows_in_the_sheets(
    client, catalog, hr_alice, manager_bob
):
    client.force_login(hr_alice)
    sheet = create_sheet(client, manager_bob, Preset.objects.get(slug="ecommerce"), ENGLISH)
    sheet.items.filter(capability__slug="data-awareness").delete()
    step = reverse("sheets:wizard", args=[sheet.pk, "bonus"])

    as_chinese_reader = client.get(step, **CHINESE).text

    # Rows: the English sheet's own priority names. Picker: the reader's capability names.
    assert ">Must-have</option>" in as_chinese_reader
    assert ">必需</option>" not in as_chinese_reader
    assert "+ 数据分析意识" in as_chinese_reader
    assert "从能力库添加" in as_chinese_reader

    as_english_reader = client.get(step, **ENGLISH).text
    assert "+ Data awareness" in as_english_reader
    assert ">Must-have</option>" in as_english_reader


def test_the_suggested_title_reads_in_the_sheets_language(catalog):
    preset = Preset.objects.get(slug="saas")
    with translation.override("en"):
        assert preset_title(preset) == "Customer Success Specialist hiring requirements"
    assert preset_title(preset) == "客户成功专员 招聘需求"


@pytest.mark.parametrize("preset_slug", ["general", "ecommerce", "cross-border", "saas", "finance"])
def test_an_english_sheet_meets_its_industry_as_the_chinese_one_does(
    catalog, hr_alice, manager_bob, preset_slug
):
    from hiring.quality.runner import check_sheet
    from support.samples import make_sheet

    with translation.override("en"):
        sheet = make_sheet(owner=hr_alice, manager=manager_bob, preset_slug=preset_slug)
    assert sheet.language == "en"

    rules = {finding.rule for finding in check_sheet(sheet=sheet).findings}

    # What the industry expects (compliance in finance, English cross-border …) is found in
    # the English text too, and nothing blocks submission.
    assert "industry_fit" not in rules
    assert not check_sheet(sheet=sheet).has_errors
