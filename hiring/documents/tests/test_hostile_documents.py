"""Generated hostile sheet content through every preview and PDF: never a 5xx, never markup
that reaches a page unescaped, every item still in the PDF as text."""

from django.urls import reverse
from hypothesis import Phase, example, given, settings
from hypothesis import strategies as st

from hiring.catalog.models import AssessmentMethod, CapabilityCategory, Priority
from hiring.common.tests.hostile import assert_page_is_safe, hostile_settings, shown, text
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
# Characters no installed font has (an unassigned code point, an emoji): drawn as .notdef,
# and the item must still be found in the PDF's text.
@example(
    name="\u0378 🎧",
    requirement="a\u0378b\U000e0001c",
    posting=dict.fromkeys(
        ["headline", "summary", "responsibilities", "screening_questions", "how_to_apply"], "🎧"
    ),
    role_title="\u0378",
    gated=False,
)
def test_hostile_content_through_every_document(
    client, sheet, hr_alice, manager_bob, name, requirement, posting, role_title, gated
):
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
                # Assessed, as a must-have item has to be for the sheet to pass its check.
                methods=[AssessmentMethod.objects.get(slug="interview")],
            )
        ],
        step="core",
    )
    services.sheet_update_posting(
        sheet=sheet,
        actor=sheet.owner,
        expected_version=sheet.version,
        posting_data={
            **{
                field: shown(value)[:120] if field == "headline" else shown(value)[:1000]
                for field, value in posting.items()
            },
            # A posting must list responsibilities for the sheet to pass its check.
            "responsibilities": "处理客户咨询\n" + shown(posting["responsibilities"])[:1000],
        },
        step="posting",
    )
    # The sheet as made here passes the quality check: the preset's items, the generated
    # items assessed, the posting's responsibilities listed. Half of the examples ask for men
    # only in a hard requirement, which the check always rejects: the posting and the
    # scorecard are then refused with a page listing the errors, and that page must be as
    # safe as the document would have been. The examples share the sheet, so the other half
    # writes a lawful requirement there. (Generated noise read as discriminatory would be a
    # false alarm of the wording check, and fail here.)
    hard = sheet.items.filter(category__slug="hard").first()
    hard.requirement = "限男性,35岁以下" if gated else "熟练使用电脑,每分钟打字 60 字以上"
    hard.save()
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
        if kind == "sheet":
            assert marker in pdfs.text(response.content)  # the item, whatever its name holds
    text_export = client.get(reverse("documents:posting_text", args=[sheet.pk]))
    assert text_export.status_code == (409 if gated else 200)
