"""Rendered PDFs in Django's cache, so exporting an unchanged sheet again costs a cache read.

The key holds everything a document is made of: the sheet's version, last change and status,
the posting's last change, the language, the catalog's last change, and a fingerprint of the
templates, the print stylesheet, the WeasyPrint version and the font. Any change to one of
them is a new key; old entries simply expire.
"""

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import weasyprint
from django.conf import settings
from django.core.cache import cache as django_cache
from django.template.loader import get_template
from django.utils import translation

from hiring.catalog.selectors import catalog_stamp
from hiring.sheets.models import RequirementSheet

from . import fonts, rendering
from .fetcher import find_static

TIMEOUT = getattr(settings, "DOCUMENTS_CACHE_TIMEOUT", 60 * 60 * 24)


@cache
def _code_fingerprint() -> str:
    """Templates, renderer and font as of this process (a change to them restarts it)."""
    digest = hashlib.sha256(weasyprint.__version__.encode())
    names = [*rendering.TEMPLATES.values(), "documents/base.html"]
    for name in names:
        digest.update(Path(get_template(name).origin.name).read_bytes())
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
        catalog_stamp(),  # names, prompts and anchors come from the catalog
        fingerprint(),
    ]
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).hexdigest()[:32]
    return f"documents:{kind}:{sheet.pk}:{digest}"


def cached_pdf(*, kind: str, sheet: RequirementSheet) -> bytes:
    """The PDF of one document of the sheet, rendered only if the cache has no current copy."""
    key = document_key(kind=kind, sheet=sheet)
    pdf = django_cache.get(key)
    if pdf is None:
        render: Callable[..., bytes] = getattr(rendering, f"render_{kind}_pdf")
        pdf = render(sheet=sheet)
        django_cache.set(key, pdf, TIMEOUT)
    return pdf
