"""The three documents of a sheet: one template each, rendered as an HTML preview or a PDF.

`sheet_html`, `posting_html` and `scorecard_html` build the HTML that both the preview page and
the PDF use; `render_*_pdf` turn it into PDF bytes with WeasyPrint. Rendering is bounded: too
many items or too much text (`DOCUMENTS_MAX_ITEMS`, `DOCUMENTS_MAX_HTML_CHARS`) fails with
`DocumentTooLarge` before WeasyPrint starts, and a render that runs past
`DOCUMENTS_RENDER_TIMEOUT` seconds stops with `DocumentTimeout` (see deadline.py).
"""

import gc
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.translation import gettext_lazy
from weasyprint.css.counters import CounterStyle

from hiring.catalog.models import AssessmentMethod
from hiring.quality.runner import QualityReport, check_sheet, wording_errors
from hiring.sheets.models import RequirementSheet, SheetItem
from hiring.sheets.selectors.posting import posting_view
from hiring.sheets.selectors.sheets import items_by_category, sheet_items

from . import deadline, fonts
from .fetcher import StaticOnlyURLFetcher, find_static, static_uri

STYLESHEET = "css/print.css"


@dataclass(frozen=True)
class Document:
    """A kind of document: its template, the name its file is downloaded under, the context
    its template reads (a function of the sheet and its items), and whether it leaves the
    team or faces candidates (`gated`): a sheet with quality errors (discriminatory wording,
    …) gets none of those."""

    template: str
    title: str
    context: Callable[..., dict]
    gated: bool = False


def render_timeout() -> float:
    """Seconds a PDF may take; below gunicorn's 30 s worker timeout, so a worker is never killed."""
    return float(settings.DOCUMENTS_RENDER_TIMEOUT)


class DocumentError(Exception):
    status = 500
    message = gettext_lazy("文档生成失败。")

    def __str__(self):
        return str(self.message)


class DocumentTooLarge(DocumentError):
    status = 413
    message = gettext_lazy("这份需求表的条目或文字太多，无法生成文档。请删减条目或缩短描述后重试。")


class DocumentTimeout(DocumentError):
    status = 503
    message = gettext_lazy("文档生成超时，请稍后重试；如仍失败，请删减条目或缩短描述。")


class DocumentsUnavailable(DocumentError):
    """The renders cannot be made now (the task queue or its workers are away); a retry later
    may succeed. Shown as a page with a retry button, not as a server error."""

    status = 200
    message = gettext_lazy("后台生成服务当前不可用。需求表已保存，请稍后点「重试」。")


class DocumentBlocked(DocumentError):
    """The quality check finds errors: the sheet's public and interview documents stay in."""

    status = 409
    message = gettext_lazy("需求体检发现错误，修正后才能导出这份文档。")

    def __init__(self, report: QualityReport):
        super().__init__()
        self.report = report


def check_release(
    *, kind: str, sheet: RequirementSheet, items: list[SheetItem] | None = None
) -> None:
    """Raises DocumentBlocked when `kind` may not be produced for the sheet as it stands;
    `items` are its included items when the caller loaded them already.

    A sheet too large for any document gets DocumentTooLarge first: the quality check reads
    every character, which for megabytes of text written past the forms takes minutes.
    """
    if DOCUMENTS[kind].gated:
        report = check_sheet(sheet=sheet, items=_items(sheet) if items is None else items)
        if report.has_errors:
            raise DocumentBlocked(report)


def is_draft(sheet: RequirementSheet) -> bool:
    """Anything but an approved sheet gives documents marked 草稿."""
    return sheet.status != RequirementSheet.Status.APPROVED


# --- Time limit -------------------------------------------------------------------------


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    try:
        with deadline.time_limit(seconds):
            yield
    except deadline.PastDeadline:
        raise DocumentTimeout from None


# --- Context ----------------------------------------------------------------------------


@dataclass
class ScorecardEntry:
    item: SheetItem
    methods: list[AssessmentMethod]  # those assessed in the interview
    prompts: list[str]
    anchors: list[tuple[int, str]]

    @property
    def weight(self) -> int:
        return self.item.priority.weight


def _items(sheet: RequirementSheet) -> list[SheetItem]:
    items = list(sheet_items(sheet=sheet, included_only=True))
    if len(items) > settings.DOCUMENTS_MAX_ITEMS:
        raise DocumentTooLarge
    # Forms cap each text at 2 000 characters, but rows written by other means are not;
    # refuse before the template engine copies megabytes around.
    text_length = sum(len(item.name) + len(item.requirement) for item in items)
    if text_length > settings.DOCUMENTS_MAX_HTML_CHARS:
        raise DocumentTooLarge
    return items


def document_date(sheet: RequirementSheet):
    """The date a document carries: the day the sheet last changed, so a cached copy stays true."""
    return timezone.localdate(sheet.updated_at)


def _base_context(*, kind: str, sheet: RequirementSheet, preview: bool) -> dict:
    return {
        "kind": kind,
        "sheet": sheet,
        "date": document_date(sheet),
        "preview": preview,
        "watermark": is_draft(sheet),
        # The PDF renderer gets print.css parsed in advance (see html_to_pdf); browsers link it.
        "stylesheet": static(STYLESHEET) if preview else None,
    }


def sheet_wording_errors(sheet: RequirementSheet, items: list[SheetItem]) -> list:
    """Discriminatory-wording errors the sheet's PDF and workbook list in a banner."""
    return wording_errors(check_sheet(sheet=sheet, items=items))


def _sheet_context(sheet: RequirementSheet, items: list[SheetItem]) -> dict:
    return {
        "groups": items_by_category(items),
        "wording_errors": sheet_wording_errors(sheet, items),
    }


def _posting_context(sheet: RequirementSheet, items: list[SheetItem]) -> dict:
    return {"posting": posting_view(sheet=sheet, items=items)}


def _scorecard_context(sheet: RequirementSheet, items: list[SheetItem]) -> dict:
    entries = []
    for item in items:
        methods = [method for method in item.methods.all() if method.on_scorecard]
        if not methods:
            continue
        # The sheet's own copies: filtered to its industry when added, then edited by HR.
        entries.append(
            ScorecardEntry(
                item=item,
                methods=methods,
                prompts=item.prompt_list,
                anchors=[
                    (1, item.anchor_1),
                    (2, ""),
                    (3, item.anchor_3),
                    (4, ""),
                    (5, item.anchor_5),
                ],
            )
        )
    total_weight = sum(entry.weight for entry in entries)
    return {"entries": entries, "total_weight": total_weight, "max_score": total_weight * 5}


# The documents a sheet has, in the order pages list them: the one list of kinds.
DOCUMENTS = {
    "sheet": Document("documents/sheet.html", gettext_lazy("需求表"), _sheet_context),
    "posting": Document(
        "documents/posting.html", gettext_lazy("职位发布"), _posting_context, gated=True
    ),
    "scorecard": Document(
        "documents/scorecard.html", gettext_lazy("面试评分表"), _scorecard_context, gated=True
    ),
}
KINDS = tuple(DOCUMENTS)
TEXT_TEMPLATES = {"posting": "documents/posting.txt"}


def document_html(*, kind: str, sheet: RequirementSheet, preview: bool = False) -> str:
    """The HTML of one document; `preview` links the browser stylesheet and a toolbar."""
    items = _items(sheet)
    check_release(kind=kind, sheet=sheet, items=items)
    context = _base_context(kind=kind, sheet=sheet, preview=preview)
    context.update(DOCUMENTS[kind].context(sheet, items))
    html = render_to_string(DOCUMENTS[kind].template, context)
    if len(html) > settings.DOCUMENTS_MAX_HTML_CHARS:
        raise DocumentTooLarge
    return html


def sheet_html(*, sheet: RequirementSheet, preview: bool = False) -> str:
    return document_html(kind="sheet", sheet=sheet, preview=preview)


def posting_html(*, sheet: RequirementSheet, preview: bool = False) -> str:
    return document_html(kind="posting", sheet=sheet, preview=preview)


def scorecard_html(*, sheet: RequirementSheet, preview: bool = False) -> str:
    return document_html(kind="scorecard", sheet=sheet, preview=preview)


# --- PDF --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stylesheet:
    path: str
    mtime_ns: int
    css: weasyprint.CSS
    text: str


_stylesheet: _Stylesheet | None = None


def _print_stylesheet() -> _Stylesheet:
    """print.css, parsed once per process (and again when the file changes).

    Parsing it and compiling its selectors on every render would cost a tenth of the time of
    a one-page PDF. It has no @font-face rules: the document font comes from fonts.py.
    """
    global _stylesheet
    path = find_static(STYLESHEET)
    mtime_ns = os.stat(path).st_mtime_ns
    current = _stylesheet
    if current is None or current.path != path or current.mtime_ns != mtime_ns:
        with open(path, encoding="utf-8") as file:
            text = file.read()
        css = weasyprint.CSS(url=static_uri(STYLESHEET), url_fetcher=StaticOnlyURLFetcher())
        current = _stylesheet = _Stylesheet(path=path, mtime_ns=mtime_ns, css=css, text=text)
    return current


# The documents' user-agent stylesheet: WeasyPrint's defaults for the elements the templates
# use and nothing else (see the file). Its own sheet is 190 rules for every HTML element, forms
# and right-to-left text included, and the cascade tries each against each element.
USER_AGENT_STYLESHEET = Path(__file__).with_name("user_agent.css")


@cache
def _user_agent_stylesheet() -> weasyprint.CSS:
    # WeasyPrint's @counter-style rules (decimal, disc …) come with UA_COUNTER_STYLE, which
    # every document copies; this sheet has none of its own.
    text = USER_AGENT_STYLESHEET.read_text(encoding="utf-8")
    return weasyprint.CSS(string=text, counter_style=CounterStyle())


class _DocumentHTML(weasyprint.HTML):
    """An HTML document with the documents' user-agent stylesheet."""

    def _ua_stylesheets(self, forms=False):
        return [_user_agent_stylesheet()]


class _CollectorPause:
    """Python's cycle collector off while renders run, and the young garbage collected after.

    A render allocates millions of short-lived objects (boxes, styles, text layouts). They set
    off collections all through it, the full ones scanning every object of the process: about
    one per 200-item render, 50-70 ms each, a tenth of its time. Paused, the render's objects
    are freed as they go out of use all the same, and one collection of the young generations
    when the last render of the process ends takes the cycles they left (3 ms after a 3-page
    sheet, 15-20 ms after a 200-item one).
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._renders = 0
        self._resume = False

    @contextmanager
    def __call__(self) -> Iterator[None]:
        with self._lock:
            if self._renders == 0:
                self._resume = gc.isenabled()  # someone else's pause stays theirs
                gc.disable()
            self._renders += 1
        try:
            yield
        finally:
            with self._lock:
                self._renders -= 1
                resume = self._renders == 0 and self._resume
                if resume:
                    gc.enable()
            if resume:
                gc.collect(1)


_collector_paused = _CollectorPause()


def html_to_pdf(html: str) -> bytes:
    """PDF bytes of a document's HTML; fetches nothing but data: URIs and static files."""
    if len(html) > settings.DOCUMENTS_MAX_HTML_CHARS:
        raise DocumentTooLarge
    fetcher = StaticOnlyURLFetcher()
    stylesheet = _print_stylesheet()
    # The stylesheet's characters count too: its generated content ends up in the text.
    text = html + stylesheet.text
    with (
        _collector_paused(),
        fonts.font_configurations.use(text=text, url_fetcher=fetcher) as font_config,
        _time_limit(render_timeout()),
    ):
        return _DocumentHTML(string=html, url_fetcher=fetcher).write_pdf(
            stylesheets=[stylesheet.css],
            font_config=font_config,
            presentational_hints=False,
        )


def render_pdf(*, kind: str, sheet: RequirementSheet) -> bytes:
    return html_to_pdf(document_html(kind=kind, sheet=sheet))


def render_sheet_pdf(*, sheet: RequirementSheet) -> bytes:
    return render_pdf(kind="sheet", sheet=sheet)


def render_posting_pdf(*, sheet: RequirementSheet) -> bytes:
    return render_pdf(kind="posting", sheet=sheet)


def render_scorecard_pdf(*, sheet: RequirementSheet) -> bytes:
    return render_pdf(kind="scorecard", sheet=sheet)


#: The PDF renderer of each kind of document, by the kind's name in URLs and cache keys (one
#: entry per kind of `DOCUMENTS`; tests put a stub in its place).
PDF_RENDERERS: dict[str, Callable[..., bytes]] = {
    kind: partial(render_pdf, kind=kind) for kind in DOCUMENTS
}


# --- Plain text -------------------------------------------------------------------------


def posting_text(*, sheet: RequirementSheet) -> str:
    """The job posting as plain text to paste into job boards; public fields only.

    A sheet that is not approved yet gives a text whose first line says it is a draft.
    """
    items = _items(sheet)
    check_release(kind="posting", sheet=sheet, items=items)
    context = {
        "posting": posting_view(sheet=sheet, items=items),
        "draft": is_draft(sheet),
    }
    return render_to_string(TEXT_TEMPLATES["posting"], context).strip() + "\n"
