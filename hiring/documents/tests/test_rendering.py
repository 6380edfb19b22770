"""What the PDFs contain; each test renders as few documents as it can (0.2–2 s each)."""

import gc
import re
from html.parser import HTMLParser
from io import BytesIO

import pytest
import tinycss2
from django.test import override_settings
from fontTools.ttLib import TTFont
from weasyprint import html as weasyprint_html

from hiring.catalog.models import AssessmentMethod, Priority
from hiring.documents import cache, fonts, rendering
from hiring.documents.fonts import DOCUMENT_FAMILY
from hiring.sheets.models import JobPosting, RequirementSheet, SheetItem
from hiring.sheets.selectors.posting import posting_view
from hiring.sheets.selectors.sheets import sheet_items

from . import pdfs
from .conftest import add_items

HEADER_ROW = "类别关键项具体要求/描述优先级评估方式"


def included_items(sheet):
    return list(sheet_items(sheet=sheet, included_only=True))


def test_the_sheet_pdf_holds_every_item_in_real_text(sheet):
    SheetItem.objects.filter(sheet=sheet, name="数据分析意识").update(included=False)

    pdf = rendering.render_sheet_pdf(sheet=sheet)

    pages = pdfs.page_texts(pdf)
    text = "".join(pages)
    assert len(pages) == 1
    for item in included_items(sheet):
        assert pdfs.squeeze(item.name) in text
        assert pdfs.squeeze(item.requirement) in text
        assert pdfs.squeeze(item.priority.name) in text
    assert "数据分析意识" not in text  # dropped items stay out
    assert HEADER_ROW in text
    for fact in [sheet.role_title, "客户服务部", "杭州市余杭区", "6,000–9,000元/月", "hr_alice"]:
        assert pdfs.squeeze(fact) in text
    assert "1/1" in pages[0]
    assert len(pdf) <= 100 * 1024


def test_a_render_again_reuses_the_font_configuration_and_gives_the_same_text(sheet):
    html = rendering.sheet_html(sheet=sheet)

    first = rendering.html_to_pdf(html)
    second = rendering.html_to_pdf(html)

    assert pdfs.text(first) == pdfs.text(second)
    assert len(fonts.font_configurations._entries) >= 1


def test_the_fonts_are_one_embedded_subset_of_noto_sans_cjk_never_type3(sheet):
    pdf = rendering.render_sheet_pdf(sheet=sheet)

    fonts = pdfs.fonts(pdf)
    assert fonts
    for font in fonts:
        assert font["/Subtype"] != "/Type3"
        assert pdfs.font_file(font) is not None, font["/BaseFont"]
        # "ABCDEF+" marks a subset; the family is the per-document cut of Noto Sans CJK SC.
        family = DOCUMENT_FAMILY.replace(" ", "-")
        assert re.fullmatch(rf"/[A-Z]{{6}}\+{family}", font["/BaseFont"]), font["/BaseFont"]
    # One face: nothing in the document fell back to another font for a missing glyph.
    assert len(fonts) == 1

    # Viewers that follow the specification (Acrobat, pdf.js) find a glyph by looking its code
    # up as a CID in the CFF charset: each glyph written must carry its own number as CID.
    (font,) = fonts
    program = TTFont(BytesIO(pdfs.font_file(font).get_data()))
    names = program.getGlyphOrder()
    used = pdfs.used_glyphs(font)
    assert len(used) > 200
    assert [code for code in used if names[code] != f"cid{code:05d}"] == []


def test_fonttools_numbers_the_cids_where_harfbuzz_cannot(sheet, monkeypatch):
    monkeypatch.setattr(fonts, "IDENTITY_CHARSET_FLAG", None)
    monkeypatch.setattr(fonts, "font_configurations", fonts._FontConfigurations())

    pdf = rendering.render_sheet_pdf(sheet=sheet)

    (font,) = pdfs.fonts(pdf)
    names = TTFont(BytesIO(pdfs.font_file(font).get_data())).getGlyphOrder()
    used = pdfs.used_glyphs(font)
    assert len(used) > 200
    assert [code for code in used if names[code] != f"cid{code:05d}"] == []
    assert len(pdf) <= 100 * 1024


def test_without_harfbuzz_cuts_the_system_font_is_embedded_instead(sheet, monkeypatch):
    monkeypatch.setattr(fonts._subsetter, "subset", lambda characters: None)
    monkeypatch.setattr(fonts, "font_configurations", fonts._FontConfigurations())

    pdf = rendering.render_sheet_pdf(sheet=sheet)

    (font,) = pdfs.fonts(pdf)
    assert font["/BaseFont"].endswith("+Noto-Sans-CJK-SC")
    assert pdfs.font_file(font) is not None
    assert all(pdfs.squeeze(item.requirement) in pdfs.text(pdf) for item in included_items(sheet))


def test_a_draft_carries_the_watermark_on_every_page_and_an_approved_sheet_none(sheet):
    add_items(sheet, 60)

    pages = pdfs.page_texts(rendering.render_sheet_pdf(sheet=sheet))

    assert len(pages) >= 3
    assert all("草稿" in page for page in pages)  # past page 1 only the watermark says so
    assert HEADER_ROW in pages[1]  # the header row repeats
    assert f"1/{len(pages)}" in pages[0]
    assert f"{len(pages)}/{len(pages)}" in pages[-1]
    names = [item.name for item in included_items(sheet)]
    assert all(name in "".join(pages) for name in names)

    RequirementSheet.objects.filter(pk=sheet.pk).update(status=RequirementSheet.Status.APPROVED)
    sheet.refresh_from_db()
    approved = pdfs.text(rendering.render_sheet_pdf(sheet=sheet))
    assert "草稿" not in approved
    assert "已批准" in approved


def test_a_200_item_sheet_renders_every_row(sheet):
    SheetItem.objects.filter(sheet=sheet).delete()
    items = add_items(sheet, 200)

    pages = pdfs.page_texts(rendering.render_sheet_pdf(sheet=sheet))

    text = "".join(pages)
    assert all(item.name in text for item in items)
    assert all(HEADER_ROW in page for page in pages)


def public_text(posting: dict) -> str:
    values = []
    for value in posting.values():
        values += value if isinstance(value, list) else [str(value)]
    return "".join(values)


def test_the_posting_shows_no_priorities_and_no_assessment_methods(sheet):
    # The hiring process steps are public and name some stages (面试 …): take them out here so
    # that every method name that appears could only have come from the items.
    JobPosting.objects.filter(sheet=sheet).update(process_steps="投递简历\n电话沟通\n入职")
    sheet.refresh_from_db()
    public = pdfs.squeeze(public_text(posting_view(sheet=sheet, items=included_items(sheet))))
    priority_names = [p.name for p in Priority.objects.all() if len(p.name) >= 2]
    method_names = [m.name for m in AssessmentMethod.objects.all() if m.name not in public]
    assert len(priority_names) >= 4
    assert len(method_names) >= 10  # the rest occur in the requirement texts themselves

    for kind, text in [
        ("pdf", pdfs.text(rendering.render_posting_pdf(sheet=sheet))),
        ("txt", pdfs.squeeze(rendering.posting_text(sheet=sheet))),
    ]:
        assert "优先级" not in text and "评估方式" not in text, kind
        assert [name for name in priority_names if name in text] == [], kind
        assert [name for name in method_names if name in text] == [], kind
        assert "请描述一次你成功安抚极度不满客户并解决问题的经历" in text, kind
        for item in included_items(sheet):
            assert pdfs.squeeze(item.requirement) in text, (kind, item.name)


def test_the_scorecard_lists_interview_items_with_prompts_anchors_and_weights(sheet):
    items = included_items(sheet)
    interview = AssessmentMethod.objects.get(slug="interview")
    custom = SheetItem.objects.create(
        sheet=sheet,
        category=items[0].category,
        name="自定义沟通项",
        requirement="能说清楚退款规则",
        priority=Priority.objects.get(slug="high"),
        order=99,
    )
    custom.methods.set([interview])
    written_test = AssessmentMethod.objects.get(slug="written-test")
    written_only = items[-1]
    written_only.methods.set([written_test])

    text = pdfs.text(rendering.render_scorecard_pdf(sheet=sheet))

    scored = [
        item
        for item in included_items(sheet)
        if any(method.on_scorecard for method in item.methods.all())
    ]
    assert custom in scored and written_only not in scored
    for item in scored:
        assert pdfs.squeeze(item.name) in text
        if item.capability:
            assert item.prompt_list
            for prompt in item.prompt_list:
                assert pdfs.squeeze(prompt) in text
            for anchor in (item.anchor_1, item.anchor_3, item.anchor_5):
                assert anchor and pdfs.squeeze(anchor) in text
    assert pdfs.squeeze(written_only.requirement) not in text
    assert "自定义条目：请在此写下面试问题" in text
    total_weight = sum(item.priority.weight for item in scored)
    assert f"÷{total_weight}=" in text
    for label in ["1分", "3分", "5分", "权重", "一票否决", "记录", "面试官", "日期", "签名"]:
        assert label in text


def test_oversized_input_fails_with_a_clear_error_before_rendering(sheet):
    with override_settings(DOCUMENTS_MAX_ITEMS=5):
        with pytest.raises(rendering.DocumentTooLarge) as error:
            rendering.render_sheet_pdf(sheet=sheet)
        assert "条目或文字太多" in str(error.value)

    # Forms cap texts at 2 000 characters; rows written by other means are not capped.
    SheetItem.objects.filter(sheet=sheet).update(requirement="超长文本" * 200_000)
    for render in (rendering.render_sheet_pdf, rendering.render_posting_pdf):
        with pytest.raises(rendering.DocumentTooLarge):
            render(sheet=sheet)


def test_the_cycle_collector_is_back_after_every_render_and_a_callers_pause_is_kept(sheet):
    html = rendering.sheet_html(sheet=sheet)
    assert gc.isenabled()

    rendering.html_to_pdf(html)
    assert gc.isenabled()

    with override_settings(DOCUMENTS_RENDER_TIMEOUT=0), pytest.raises(rendering.DocumentTimeout):
        rendering.html_to_pdf(html)
    assert gc.isenabled()

    gc.disable()
    try:
        rendering.html_to_pdf(html)
        assert not gc.isenabled()
    finally:
        gc.enable()


@override_settings(DOCUMENTS_RENDER_TIMEOUT=0)
def test_a_render_past_its_time_limit_stops(sheet):
    with pytest.raises(rendering.DocumentTimeout) as error:
        rendering.render_sheet_pdf(sheet=sheet)
    assert "超时" in str(error.value)
    # The deadline belongs to that render only.
    with override_settings(DOCUMENTS_RENDER_TIMEOUT=60):
        assert rendering.render_posting_pdf(sheet=sheet).startswith(b"%PDF")


def test_a_row_taller_than_the_space_left_breaks_inside_itself(sheet):
    item = included_items(sheet)[4]
    sentence = "能够在高峰期同时处理多个会话,准确记录客户问题并在规定时间内跟进反馈。"
    item.requirement = (sentence * 60)[:2000]
    item.save()

    pages = pdfs.page_texts(rendering.render_sheet_pdf(sheet=sheet))

    # The row starts on page 1 right after the rows before it and fills it, instead of
    # moving to page 2 and leaving page 1 mostly empty; it goes on under the repeated header.
    squeezed = pdfs.squeeze(sentence)
    assert pdfs.squeeze(item.name) in pages[0]
    assert pages[0].count(squeezed) >= 10
    assert pages[1].split(HEADER_ROW, 1)[1].count(squeezed) >= 10
    # Every copy is there (one may be cut by the page break, between footer and header).
    assert "".join(pages).count(squeezed) >= 2000 // len(sentence) - 1


def display_by_tag(css: str) -> dict[str, str]:
    """The `display` that each plain tag selector of a stylesheet gives (the last one wins)."""
    displays = {}
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        declarations = tinycss2.parse_declaration_list(rule.content, True, True)
        display = [d for d in declarations if d.type == "declaration" and d.name == "display"]
        if display:
            value = tinycss2.serialize(display[-1].value).strip()
            for selector in tinycss2.serialize(rule.prelude).split(","):
                if re.fullmatch(r"[a-z0-9]+", selector.strip()):
                    displays[selector.strip()] = value
    return displays


class TagNames(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names = set()

    def handle_starttag(self, tag, attrs):
        self.names.add(tag)


def test_the_documents_user_agent_stylesheet_displays_their_elements_as_weasyprints_does(sheet):
    tags = TagNames()
    for kind in ("sheet", "posting", "scorecard"):
        for preview in (False, True):
            tags.feed(rendering.document_html(kind=kind, sheet=sheet, preview=preview))
    ours = display_by_tag(rendering.USER_AGENT_STYLESHEET.read_text(encoding="utf-8"))
    weasyprints = display_by_tag(weasyprint_html.UA)
    assert {"table", "td", "li", "h1", "p"} <= tags.names <= set(ours) | {"a", "span"}
    assert {tag: ours.get(tag) for tag in tags.names} == {
        tag: weasyprints.get(tag) for tag in tags.names
    }


def test_a_scorecard_entry_is_never_split_from_its_heading(sheet):
    # Entries of varied lengths, so some reach a page's foot: each must move whole to the next.
    SheetItem.objects.filter(sheet=sheet).update(included=False)
    add_items(sheet, 18, requirement="能独立处理客户咨询,及时跟进。")
    for n, item in enumerate(SheetItem.objects.filter(sheet=sheet, included=True)):
        item.requirement = "能独立处理客户咨询,及时跟进。" * (1 + n % 4 * 3)
        item.interview_prompts = "\n".join(f"请举例说明第 {k} 种情况" for k in range(n % 3))
        item.save(update_fields=["requirement", "interview_prompts"])
    names = [item.name for item in included_items(sheet)]

    pages = pdfs.page_texts(rendering.render_scorecard_pdf(sheet=sheet))

    assert len(pages) > 3
    # The page of each entry's heading, and the page of each entry's notes box (记录), its
    # last part: the same list when no entry runs over a page break.
    heading_pages = [next(i for i, page in enumerate(pages) if name in page) for name in names]
    notes_pages = [i for i, page in enumerate(pages) for _ in range(page.count("记录"))]
    assert notes_pages == heading_pages


def test_a_library_item_without_questions_is_not_called_custom(sheet):
    item = included_items(sheet)[0]
    item.methods.set([AssessmentMethod.objects.get(slug="interview")])
    SheetItem.objects.filter(pk=item.pk).update(interview_prompts="")
    assert item.capability_id

    text = pdfs.text(rendering.render_scorecard_pdf(sheet=sheet))

    assert "能力库中此项没有面试问题" in text
    assert "自定义条目" not in text


def test_the_sheet_pdf_ends_with_a_sign_off_for_its_author_and_approver(sheet):
    text = pdfs.page_texts(rendering.render_sheet_pdf(sheet=sheet))[-1]
    assert "编制人hr_alice签名日期" in text
    assert "审批人manager_bob签名日期" in text


def test_the_posting_names_the_employer(sheet):
    with override_settings(EMPLOYER_NAME="杭州示例科技有限公司"):
        pdf_text = pdfs.text(rendering.render_posting_pdf(sheet=sheet))
    assert "杭州示例科技有限公司" in pdf_text


@pytest.fixture
def restart():
    """What a restart does to the documents' fingerprint of templates, fonts and settings."""
    yield cache._code_fingerprint.cache_clear
    cache._code_fingerprint.cache_clear()


def test_a_new_employer_name_is_not_served_a_posting_cached_under_the_old_one(
    sheet, settings, restart
):
    # Rendered PDFs outlive the process in a shared cache; the employer comes from the
    # environment, read at start.
    settings.EMPLOYER_NAME = "甲示例公司"
    restart()
    before = pdfs.text(cache.cached_pdf(kind="posting", sheet=sheet))
    settings.EMPLOYER_NAME = "乙示例公司"
    restart()
    after = pdfs.text(cache.cached_pdf(kind="posting", sheet=sheet))
    assert "甲示例公司" in before
    assert "乙示例公司" in after and "甲示例公司" not in after
