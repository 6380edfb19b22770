"""The requirement sheet as XLSX: header block, the PDF's columns, no formula cells."""

from io import BytesIO
from urllib.parse import unquote

import openpyxl
from django.urls import reverse

from hiring.sheets.models import SheetItem
from hiring.sheets.selectors.sheets import sheet_items

HEADERS = ["类别", "关键项", "具体要求/描述", "优先级", "评估方式"]


def test_the_sheet_exports_as_a_workbook_with_the_pdf_columns(client, sheet, manager_bob):
    hostile = SheetItem.objects.filter(sheet=sheet, included=True).first()
    hostile.requirement = '=HYPERLINK("http://evil.example","点我")'
    hostile.name = "@SUM(A1)"
    hostile.save()
    client.force_login(manager_bob)

    response = client.get(reverse("documents:sheet_xlsx", args=[sheet.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert ".xlsx" in unquote(response["Content-Disposition"])
    table = openpyxl.load_workbook(BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in table.iter_rows()]
    # The header block: title, draft mark, facts.
    assert rows[0][0] == sheet.title and "草稿" in rows[0]
    facts = {row[0]: row[1] for row in rows[1:12] if row[0]}
    assert facts["岗位"] == sheet.role_title
    assert facts["薪资"] == "6,000–9,000 元/月"
    assert facts["负责人"] == "hr_alice"
    # The table: the same columns and rows as the PDF, in the same order.
    start = rows.index(HEADERS)
    items = list(sheet_items(sheet=sheet, included_only=True))
    body = rows[start + 1 :]
    assert len(body) == len(items)
    for values, item in zip(body, items, strict=True):
        methods = "、".join(m.name for m in item.methods.all())
        assert values == [
            item.category.name,
            item.name,
            item.requirement,
            item.priority.name,
            methods,
        ]
    # Formula-like text stays text: no formula cells, shown with a quote prefix.
    cells = [cell for row in table.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    quoted = [cell for cell in cells if cell.value in (hostile.requirement, hostile.name)]
    assert len(quoted) == 2 and all(cell.quotePrefix for cell in quoted)
