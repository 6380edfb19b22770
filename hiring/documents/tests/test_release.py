"""Only an approved sheet yields a clean job posting; a sheet with quality errors yields none."""

from django.urls import reverse

from hiring.documents import rendering
from hiring.sheets import services

from . import pdfs

GATED_URLS = [
    "posting_pdf",
    "posting_preview",
    "posting_text",
    "scorecard_pdf",
    "scorecard_preview",
]


def url(name: str, sheet) -> str:
    return reverse(f"documents:{name}", args=[sheet.pk])


def make_discriminatory(sheet):
    item = sheet.items.filter(category__slug="hard").first()
    item.requirement = "限男性,35岁以下"
    item.save()
    return item


def test_a_sheet_with_quality_errors_gives_an_error_list_instead_of_a_posting(
    client, sheet, hr_alice, manager_bob
):
    item = make_discriminatory(sheet)
    client.force_login(hr_alice)

    for name in GATED_URLS:
        response = client.get(url(name, sheet))
        assert response.status_code == 409, name
        assert response["Content-Type"].startswith("text/html"), name
        assert "Content-Disposition" not in response, name
        page = response.text
        assert sheet.posting.summary[:20] not in page, name  # no posting text at all
        assert "性别" in page, name  # the finding and its reason
        # The owner gets a link to the step and item to fix.
        fix = reverse("sheets:wizard", args=[sheet.pk, "hard"]) + f"#item-{item.pk}"
        assert f'href="{fix}"' in page, name

    client.force_login(manager_bob)
    page = client.get(url("posting_pdf", sheet)).text
    assert "性别" in page and "去修改" not in page  # bob may not edit alice's sheet

    # The internal requirement sheet still exports, marked as a draft.
    text = pdfs.text(client.get(url("sheet_pdf", sheet)).content)
    assert "限男性" in text and "草稿" in text


def test_a_posting_of_a_sheet_not_yet_approved_is_marked_as_a_draft(client, sheet, hr_alice):
    client.force_login(hr_alice)

    text = client.get(url("posting_text", sheet)).content.decode()
    pdf_text = pdfs.text(client.get(url("posting_pdf", sheet)).content)

    assert text.splitlines()[0].startswith("【草稿】")
    assert "草稿" in pdf_text


def test_an_approved_sheet_gives_a_clean_posting(client, sheet, hr_alice, manager_bob):
    services.sheet_submit(sheet=sheet, actor=hr_alice)
    services.sheet_approve(sheet=sheet, actor=manager_bob)
    client.force_login(manager_bob)

    text = client.get(url("posting_text", sheet)).content.decode()
    pdf_text = pdfs.text(client.get(url("posting_pdf", sheet)).content)

    assert text.startswith(sheet.posting.headline)
    assert "草稿" not in text
    assert pdfs.squeeze(sheet.posting.headline) in pdf_text
    assert "草稿" not in pdf_text


def test_no_render_path_produces_a_blocked_document(sheet):
    make_discriminatory(sheet)

    for render in (rendering.render_posting_pdf, rendering.posting_text):
        try:
            render(sheet=sheet)
        except rendering.DocumentBlocked as blocked:
            assert blocked.report.has_errors
        else:
            raise AssertionError(f"{render.__name__} rendered a sheet with quality errors")
