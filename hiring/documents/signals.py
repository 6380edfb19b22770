"""Every saved change of a sheet (wizard steps, approval, revert) renders its documents anew."""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from hiring.common import queue
from hiring.sheets.models import RequirementSheet

logger = logging.getLogger(__name__)


@receiver(post_save, sender=RequirementSheet, dispatch_uid="documents.render_after_save")
def render_after_save(sender, instance: RequirementSheet, raw=False, **kwargs):
    if raw or not settings.DOCUMENTS_RENDER_ON_SAVE:
        return
    from .tasks import render_sheet_documents

    sheet_id = instance.pk

    def send():
        # The change is committed: a queue that cannot be reached must not fail the request.
        # The documents are then rendered when someone asks for them.
        queue.send(
            render_sheet_documents,
            kwargs={"sheet_id": sheet_id},
            countdown=settings.DOCUMENTS_RENDER_DELAY,
            what=f"render of sheet {sheet_id} (rendered on request instead)",
        )

    # A moment later: the saves of one wizard session end up as one render of the last state.
    transaction.on_commit(send)
