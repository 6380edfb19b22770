"""Background renders: a PDF is made on a task worker and left in the cache for the web."""

import logging

from celery import shared_task
from django.conf import settings
from django.utils import translation

from hiring.sheets.models import RequirementSheet

from . import rendering
from .cache import RENDER_TASK, cached_pdf

logger = logging.getLogger(__name__)

KINDS = rendering.KINDS


@shared_task(name=RENDER_TASK)
def render_document(*, sheet_id: int, kind: str, language: str) -> None:
    """Renders one document of the sheet as it is now (a later save may have changed it)."""
    sheet = (
        RequirementSheet.objects.select_related("owner", "hiring_manager", "industry", "posting")
        .filter(pk=sheet_id)
        .first()
    )
    if sheet is None:
        return
    with translation.override(language):
        try:
            cached_pdf(kind=kind, sheet=sheet)
        except rendering.DocumentBlocked:
            pass  # the download page lists the quality errors instead
        except rendering.DocumentError as error:
            # Recorded in the cache for the waiting page; nothing to retry.
            logger.warning("Rendering %s of sheet %s failed: %s", kind, sheet_id, error)


@shared_task(name="documents.render_sheet_documents")
def render_sheet_documents(*, sheet_id: int) -> None:
    """Renders every document of the sheet that it may yield (after a saved change)."""
    for kind in KINDS:
        render_document(sheet_id=sheet_id, kind=kind, language=settings.LANGUAGE_CODE)
