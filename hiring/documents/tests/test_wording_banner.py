"""A requirement sheet with discriminatory wording: its PDF and workbook say so on top."""

from io import BytesIO

import openpyxl
from django.urls import reverse

from hiring.documents import rendering
from hiring.sheets.models import SheetItem

from . import pdfs

BANNER = "措辞检查发现歧视性内容，修正前请勿对外使用这份需求表："


def make_discriminatory(sheet):
    item = SheetItem.objects.filter(sheet=sheet, included=True).first()
    item.requirement = "限女性,35岁以下"
    item.save()
    return item


def test_the_sheet_pdf_lists_the_wording_errors_in_a_banner(sheet):
    assert pdfs.squeeze(BANNER) not in pdfs.text(rendering.render_sheet_pdf(sheet=sheet))
    make_discriminatory(sheet)

    text = pdfs.text(rendering.render_sheet_pdf(sheet=sheet))

    assert pdfs.squeeze(BANNER) in text
    assert pdfs.squeeze("「限女性」是性别限制") in text
    assert pdfs.squeeze("「35岁以下」是年龄限制") in text
    # The banner comes before the table.
    assert text.index(pdfs.squeeze(BANNER)) < text.index("类别关键项具体要求/描述")


def test_the_workbook_lists_the_wording_errors_above_the_table(client, sheet, manager_bob):
    make_discriminatory(sheet)
    client.force_login(manager_bob)

    response = client.get(reverse("documents:sheet_xlsx", args=[sheet.pk]))

    table = openpyxl.load_workbook(BytesIO(response.content)).active
    column_a = [row[0].value for row in table.iter_rows()]
    banner = column_a.index(BANNER)
    header = column_a.index("类别")
    assert banner < header
    messages = " ".join(str(value) for value in column_a[banner + 1 : header] if value)
    assert "「限女性」是性别限制" in messages and "「35岁以下」是年龄限制" in messages
    assert table.cell(row=banner + 1, column=1).font.color.rgb.endswith("B42318")


def test_a_clean_workbook_has_no_banner(client, sheet, manager_bob):
    client.force_login(manager_bob)
    response = client.get(reverse("documents:sheet_xlsx", args=[sheet.pk]))
    table = openpyxl.load_workbook(BytesIO(response.content)).active
    assert BANNER not in [row[0].value for row in table.iter_rows()]
