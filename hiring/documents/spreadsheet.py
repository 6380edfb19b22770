"""The requirement sheet as an Excel workbook: the header block, then the same table as the PDF."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from hiring.accounts.names import display_name
from hiring.common.exports import is_formula_like
from hiring.common.templatetags.content_language import name_in, names_in
from hiring.sheets.models import RequirementSheet
from hiring.sheets.selectors.sheets import items_by_category, sheet_items

from .rendering import document_date, is_draft, sheet_wording_errors

COLUMN_WIDTHS = (12, 18, 60, 10, 24)  # in characters: 类别, 关键项, 具体要求, 优先级, 评估方式
HEADER_FILL = PatternFill("solid", fgColor="1D4E89")
LABEL_FILL = PatternFill("solid", fgColor="F3F5F8")
THIN = Side(style="thin", color="9AA4B1")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")


def _put(sheet, row: int, column: int, value, **style):
    """Writes a value as data, never as a formula: text that starts like one is quoted."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # openpyxl would take "=…" for a formula
        cell.quotePrefix = is_formula_like(cell.value)
    else:
        cell.value = value
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _person(user) -> str:
    return display_name(user) or "—"


def sheet_xlsx(*, sheet: RequirementSheet) -> bytes:
    """The workbook's bytes: title and facts above, the items table below (header frozen)."""
    book = Workbook()
    table = book.active
    table.title = _("需求表")[:31]
    for column, width in enumerate(COLUMN_WIDTHS, start=1):
        table.column_dimensions[chr(ord("A") + column - 1)].width = width

    _put(table, 1, 1, sheet.title, font=Font(size=14, bold=True, color="1D4E89"))
    if is_draft(sheet):
        _put(table, 1, 5, _("草稿"), font=Font(bold=True, color="B42318"))
    facts = [
        (_("岗位"), sheet.role_title),
        (_("部门"), sheet.department or "—"),
        (_("招聘人数"), sheet.headcount),
        (_("工作地点"), sheet.location or "—"),
        (_("工作时间"), sheet.schedule or "—"),
        (_("薪资"), sheet.salary_display or "—"),
        (_("状态"), sheet.get_status_display()),
        (_("负责人"), _person(sheet.owner)),
        (_("用人经理"), _person(sheet.hiring_manager)),
        (_("日期"), document_date(sheet).isoformat()),
    ]
    row = 2
    for label, value in facts:
        _put(table, row, 1, label, fill=LABEL_FILL, border=BORDER)
        _put(table, row, 2, value, border=BORDER, alignment=Alignment(horizontal="left"))
        row += 1

    items = list(sheet_items(sheet=sheet, included_only=True))
    errors = sheet_wording_errors(sheet, items)
    if errors:
        # The same banner as the PDF: discriminatory wording stands out before the table.
        row += 1
        banner = Font(bold=True, color="B42318")
        _put(
            table, row, 1, _("措辞检查发现歧视性内容，修正前请勿对外使用这份需求表："), font=banner
        )
        for finding in errors:
            row += 1
            _put(table, row, 1, finding.message, font=Font(color="B42318"))
            table.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
            table.cell(row=row, column=1).alignment = WRAP

    row += 1
    header_row = row
    headers = [_("类别"), _("关键项"), _("具体要求/描述"), _("优先级"), _("评估方式")]
    for column, label in enumerate(headers, start=1):
        _put(table, row, column, label, font=Font(bold=True, color="FFFFFF"))
        table.cell(row=row, column=column).fill = HEADER_FILL
        table.cell(row=row, column=column).border = BORDER
    for category, category_items in items_by_category(items):
        for item in category_items:
            row += 1
            # Catalog names in the sheet's language, as the sheet's own text is.
            language = sheet.language
            values = [
                name_in(category, language),
                item.name,
                item.requirement,
                name_in(item.priority, language),
                names_in(item.methods.all(), language),
            ]
            for column, value in enumerate(values, start=1):
                _put(table, row, column, value, border=BORDER, alignment=WRAP)

    table.freeze_panes = table.cell(row=header_row + 1, column=1)
    table.print_title_rows = f"{header_row}:{header_row}"
    table.page_setup.paperSize = table.PAPERSIZE_A4
    table.page_setup.fitToWidth = 1
    output = BytesIO()
    book.save(output)
    return output.getvalue()
