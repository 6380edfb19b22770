"""Every saved change of a sheet (wizard steps, approval, revert) renders its documents anew."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from hiring.sheets.models import RequirementSheet


@receiver(post_save, sender=RequirementSheet, dispatch_uid="documents.render_after_save")
def render_after_save(sender, instance: RequirementSheet, raw=False, **kwargs):
    if raw or not settings.DOCUMENTS_RENDER_ON_SAVE:
        return
    from .tasks import render_sheet_documents

    sheet_id = instance.pk
    # A moment later: the saves of one wizard session end up as one render of the last state.
    transaction.on_commit(
        lambda: render_sheet_documents.apply_async(
            kwargs={"sheet_id": sheet_id}, countdown=settings.DOCUMENTS_RENDER_DELAY
        )
    )
