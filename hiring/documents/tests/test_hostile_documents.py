"""Generated hostile sheet content through every preview and PDF: never a 5xx, never markup
that reaches a page unescaped, every item still in the PDF as text."""

from django.urls import reverse
from hypothesis import Phase, assume, given, settings
from hypothesis import strategies as st

from hiring.catalog.models import CapabilityCategory, Priority
from hiring.common.tests.hostile import assert_page_is_safe, hostile_settings, shown, text
from hiring.quality.runner import check_sheet
from hiring.sheets import services
from hiring.sheets.models import RequirementSheet

from . import pdfs

KINDS = ["sheet", "posting", "scorecard"]


@settings(hostile_settings, max_examples=8, phases=[Phase.explicit, Phase.generate])
@given(
    name=text,
    requirement=text,
    posting=st.fixed_dictionaries(
        {
            "headline": text,
            "summary": text,
            "responsibilities": text,
            "screening_questions": text,
            "how_to_apply": text,
        }
    ),
    role_title=text,
    gated=st.booleans(),
)
def test_hostile_content_through_every_document(
    client, sheet, hr_alice, manager_bob, caplog, name, requirement, posting, role_title, gated
):
    caplog.clear()
    sheet = RequirementSheet.objects.get(pk=sheet.pk)
    RequirementSheet.objects.filter(pk=sheet.pk).update(
        role_title=shown(role_title).strip()[:80] or "客服"
    )
    marker = f"条目{sheet.version}"
    services.sheet_save_items(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        category_id=CapabilityCategory.objects.get(slug="core").pk,
        items=[
            services.ItemData(
                pk=None,
                name=(marker + shown(name))[:60],
                requirement=shown(requirement)[:2000] or "—",
                priority=Priority.objects.get(slug="must"),
                methods=[],
            )
        ],
        step="core",
    )
    services.sheet_update_posting(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        posting_data={
            field: shown(value)[:120] if field == "headline" else shown(value)[:1000]
            for field, value in posting.items()
        },
        step="posting",
    )
    # Half of the examples also ask for men only, which the quality check always rejects:
    # the posting and the scorecard are then refused with a page listing the errors, and that
    # page must be as safe as the document would have been.
    if gated:
        hard = sheet.items.filter(category__slug="hard").first()
        hard.requirement = "限男性,35岁以下"
        hard.save()
    else:
        # Generated text that itself reads as discriminatory is the quality tests' subject.
        assume(not check_sheet(sheet=RequirementSheet.objects.get(pk=sheet.pk)).has_errors)
    client.force_login(manager_bob)

    for kind in KINDS:
        preview = client.get(reverse(f"documents:{kind}_preview", args=[sheet.pk]))
        assert_page_is_safe(preview)
        if gated and kind != "sheet":
            assert preview.status_code == 409, kind
            assert client.get(reverse(f"documents:{kind}_pdf", args=[sheet.pk])).status_code == 409
            assert "性别" in preview.content.decode(), kind  # the error, and its reason
            continue
        assert preview.status_code == 200, kind
        response = client.get(reverse(f"documents:{kind}_pdf", args=[sheet.pk]))
        assert response.status_code == 200, kind
        assert response.content.startswith(b"%PDF-"), kind
        # A character no installed font has is drawn as .notdef; text extraction of such a
        # PDF is not reliable, so the item is looked for only when every glyph was found.
        if kind == "sheet" and ".notdef" not in caplog.text:
            assert marker in pdfs.text(response.content)
    text_export = client.get(reverse("documents:posting_text", args=[sheet.pk]))
    assert text_export.status_code == (409 if gated else 200)
