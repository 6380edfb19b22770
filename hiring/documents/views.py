"""Previews and downloads of a sheet's documents; visible to whoever may see the sheet."""

import time
from urllib.parse import quote

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from hiring.accounts.permissions import any_permission_required
from hiring.sheets import access
from hiring.sheets.models import RequirementSheet
from hiring.sheets.selectors.sheets import sheet_get

from . import rendering, spreadsheet
from .cache import requested_pdf

# Seconds between two looks of the waiting page at a render in progress.
REFRESH_SECONDS = 2


def _filename(kind: str, sheet: RequirementSheet) -> tuple[str, str]:
    """The file name to show (translated, with the role) and its ASCII fallback."""
    date = rendering.document_date(sheet).isoformat()
    role = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in sheet.role_title)
    return (
        f"{rendering.DOCUMENTS[kind].title}-{role.strip()[:60]}-{date}",
        f"{kind}-{sheet.pk}-{date}",
    )


def _disposition(disposition: str, name: str, fallback: str) -> str:
    """RFC 6266: an ASCII `filename` for old clients, the real name as UTF-8 `filename*`."""
    return f"{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def _error(request, error: rendering.DocumentError, sheet: RequirementSheet) -> HttpResponse:
    if isinstance(error, rendering.DocumentBlocked):
        return render(
            request,
            "documents/blocked.html",
            {
                "sheet": sheet,
                "message": error.message,
                "errors": error.report.errors,
                "fix_links": access.may_edit.test(request.user, sheet),
            },
            status=error.status,
        )
    if isinstance(error, rendering.DocumentsUnavailable):
        return _unavailable(request, sheet, error.message)
    return render(request, "documents/error.html", {"message": error.message}, status=error.status)


def _unavailable(request, sheet: RequirementSheet, message: str) -> HttpResponse:
    """Documents cannot be made now: said plainly, with a retry; the page does not refresh."""
    response = render(request, "documents/unavailable.html", {"sheet": sheet, "message": message})
    response["Cache-Control"] = "no-store"
    return response


def _waiting_since(request) -> int:
    """When the waiting page first looked (carried in its refresh address), or now."""
    now = int(time.time())
    try:
        since = int(request.GET.get("waiting", now))
    except ValueError:
        return now
    return since if 0 < now - since <= 24 * 60 * 60 else now


@any_permission_required(access.VIEW)
def document_pdf(request, pk: int, kind: str) -> HttpResponse:
    sheet = sheet_get(user=request.user, pk=pk)
    try:
        rendering.check_release(kind=kind, sheet=sheet)
        pdf = requested_pdf(kind=kind, sheet=sheet)
    except rendering.DocumentError as error:
        return _error(request, error, sheet)
    if pdf is None:
        since = _waiting_since(request)
        if time.time() - since > settings.DOCUMENTS_RENDER_WAIT:
            return _unavailable(
                request,
                sheet,
                _(
                    "文档迟迟没有生成出来，后台生成服务可能暂时出了问题。需求表已保存，请稍后点「重试」。"
                ),
            )
        # A worker is rendering it: this page says so and looks again in a moment.
        response = render(
            request,
            "documents/rendering.html",
            {
                "sheet": sheet,
                "kind": kind,
                "refresh_seconds": REFRESH_SECONDS,
                "refresh_url": f"{request.path}?waiting={since}",
            },
            status=202,
        )
        response["Cache-Control"] = "no-store"
        return response
    name, fallback = _filename(kind, sheet)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = _disposition("attachment", f"{name}.pdf", f"{fallback}.pdf")
    return response


@any_permission_required(access.VIEW)
def document_preview(request, pk: int, kind: str) -> HttpResponse:
    sheet = sheet_get(user=request.user, pk=pk)
    try:
        html = rendering.document_html(kind=kind, sheet=sheet, preview=True)
    except rendering.DocumentError as error:
        return _error(request, error, sheet)
    return HttpResponse(html)


@any_permission_required(access.VIEW)
def posting_text(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    try:
        text = rendering.posting_text(sheet=sheet)
    except rendering.DocumentError as error:
        return _error(request, error, sheet)
    name, fallback = _filename("posting", sheet)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = _disposition("inline", f"{name}.txt", f"{fallback}.txt")
    return response


@any_permission_required(access.VIEW)
def sheet_xlsx(request, pk: int) -> HttpResponse:
    sheet = sheet_get(user=request.user, pk=pk)
    name, fallback = _filename("sheet", sheet)
    response = HttpResponse(
        spreadsheet.sheet_xlsx(sheet=sheet),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = _disposition("attachment", f"{name}.xlsx", f"{fallback}.xlsx")
    return response
