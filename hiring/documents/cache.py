"""Rendered PDFs in Django's cache, so exporting an unchanged sheet again costs a cache read.

The key holds everything a document is made of: the sheet's version, last change and status,
the posting's last change, the language, the catalog's last change, and a fingerprint of the
templates, the print stylesheet, the WeasyPrint version and the font. Any change to one of
them is a new key; old entries simply expire.
"""

import hashlib
import logging
from functools import cache
from pathlib import Path

import weasyprint
from celery import current_app
from django.conf import settings
from django.core.cache import cache as django_cache
from django.utils import translation

from hiring.common import queue, versions
from hiring.common.cache import cache_available
from hiring.sheets.models import RequirementSheet

from . import fonts, rendering
from .fetcher import find_static

logger = logging.getLogger(__name__)
RENDER_TASK = "documents.render_document"


@cache
def _code_fingerprint() -> str:
    """Templates, renderer, font and the employer named in postings, as of this process (a
    change to them restarts it; the cache outlives the process)."""
    digest = hashlib.sha256(weasyprint.__version__.encode())
    digest.update(settings.EMPLOYER_NAME.encode())
    digest.update(
        versions.template_version(*(d.template for d in rendering.DOCUMENTS.values())).encode()
    )
    font = fonts.system_font()
    if font:
        stat = Path(font.path).stat()
        digest.update(f"{font.path}:{font.index}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def fingerprint() -> str:
    """What the documents look like: the above, and print.css, which changes without a restart."""
    stylesheet = Path(find_static(rendering.STYLESHEET)).stat()
    return f"{_code_fingerprint()}:{stylesheet.st_size}:{stylesheet.st_mtime_ns}"


def document_key(*, kind: str, sheet: RequirementSheet) -> str:
    posting = getattr(sheet, "posting", None)
    parts = [
        sheet.version,
        sheet.updated_at.isoformat(),
        sheet.status,
        posting.updated_at.isoformat() if posting else "",
        translation.get_language() or "",
        versions.catalog_version_now("documents"),  # names, prompts and anchors
        fingerprint(),
    ]
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:32]
    return f"documents:{kind}:{sheet.pk}:{digest}"


# What a waiting download page finds when the render failed: the error, for a few minutes.
ERRORS = {
    error.__name__: error
    for error in (rendering.DocumentError, rendering.DocumentTooLarge, rendering.DocumentTimeout)
}
ERROR_TIMEOUT = 5 * 60


def _pending_key(key: str) -> str:
    return f"{key}:rendering"


def _error_key(key: str) -> str:
    return f"{key}:error"


def cached_pdf(*, kind: str, sheet: RequirementSheet) -> bytes:
    """The PDF of one document of the sheet, rendered here only if the cache has no current copy.

    Runs on a task worker (see tasks.py); web requests use `requested_pdf` instead.
    """
    key = document_key(kind=kind, sheet=sheet)
    pdf = django_cache.get(key)
    if pdf is None:
        try:
            pdf = rendering.PDF_RENDERERS[kind](sheet=sheet)
        except rendering.DocumentBlocked:
            raise
        except rendering.DocumentError as error:
            django_cache.set(_error_key(key), type(error).__name__, ERROR_TIMEOUT)
            raise
        finally:
            django_cache.delete(_pending_key(key))
        django_cache.set(key, pdf, settings.DOCUMENTS_CACHE_TIMEOUT)
    return pdf


def _raise_recorded_error(key: str) -> None:
    name = django_cache.get(_error_key(key))
    if name is not None:
        raise ERRORS.get(name, rendering.DocumentError)()


def _send_render(*, kind: str, sheet: RequirementSheet, countdown: float) -> None:
    """Queues the render, or raises DocumentsUnavailable when the task queue cannot be reached."""
    # The task by its name: tasks.py imports this module, not the other way round.
    sent = queue.send(
        current_app.tasks[RENDER_TASK],
        kwargs={
            "sheet_id": sheet.pk,
            "kind": kind,
            "language": translation.get_language() or settings.LANGUAGE_CODE,
        },
        countdown=countdown,
        what=f"{kind} of sheet {sheet.pk}",
    )
    if not sent:
        raise rendering.DocumentsUnavailable()


def marker_timeout(countdown: float = 0) -> int:
    """Seconds a render stays marked as on its way: a little longer than a render may last, so
    a render whose worker died is sent again by the next look of the waiting page."""
    return int(countdown + rendering.render_timeout() + 10)


def queue_render(*, kind: str, sheet: RequirementSheet, countdown: float = 0) -> None:
    """Sends one render to the task queue unless one for the same content is on its way.

    Raises DocumentsUnavailable when the task queue cannot be reached.
    """
    key = document_key(kind=kind, sheet=sheet)
    if django_cache.get(key) is not None:
        return
    if django_cache.add(_pending_key(key), True, marker_timeout(countdown)):
        try:
            _send_render(kind=kind, sheet=sheet, countdown=countdown)
        except rendering.DocumentsUnavailable:
            django_cache.delete(_pending_key(key))
            raise


def requested_pdf(*, kind: str, sheet: RequirementSheet) -> bytes | None:
    """The cached PDF, or None while a worker renders it (the render is queued if need be).

    Raises the DocumentError of a render that failed, and DocumentsUnavailable when the task
    queue cannot be reached. With tasks run in-process (`make run`, tests) the render happens
    here and its PDF is returned at once; so it does while the cache cannot be reached, as a
    worker's PDF would have no way back.
    """
    key = document_key(kind=kind, sheet=sheet)
    pdf = django_cache.get(key)
    if pdf is not None:
        return pdf
    if not cache_available(django_cache):
        return cached_pdf(kind=kind, sheet=sheet)
    _raise_recorded_error(key)
    queue_render(kind=kind, sheet=sheet)
    pdf = django_cache.get(key)
    if pdf is None:
        _raise_recorded_error(key)
    return pdf
