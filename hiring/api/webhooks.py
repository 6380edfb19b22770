"""Events of the approval workflow, sent to the endpoints admins registered.

A review record (submitted, approved, returned, new revision) is the event. Its deliveries are
written in the same transaction, so an event that is rolled back has none, and are handed to
the task queue only once that transaction commits.
"""

import hashlib
import hmac
import json
import logging

from celery import current_app
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from hiring.common import queue
from hiring.sheets.models import RequirementSheet, Review

from .models import WebhookDelivery, WebhookEndpoint, WebhookEvent

logger = logging.getLogger(__name__)

EVENT_OF_ACTION = {
    Review.Action.SUBMITTED: WebhookEvent.SUBMITTED,
    Review.Action.APPROVED: WebhookEvent.APPROVED,
    Review.Action.RETURNED: WebhookEvent.RETURNED,
    Review.Action.REVISION: WebhookEvent.REVISED,
}

SIGNATURE_HEADER = "X-Hiring-Signature"
TIMESTAMP_HEADER = "X-Hiring-Timestamp"
EVENT_HEADER = "X-Hiring-Event"
DELIVERY_HEADER = "X-Hiring-Delivery"
DELIVER_TASK = "api.deliver_webhook"


def sign(*, secret: str, timestamp: str, body: bytes) -> str:
    """HMAC-SHA256 over "<timestamp>.<body>", hex, as the signature header carries it."""
    message = timestamp.encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def event_body(*, delivery_uid: str, event: str, sheet: RequirementSheet) -> str:
    from .serializers import sheet_representation

    payload = {
        "id": delivery_uid,
        "event": event,
        "created_at": timezone.now(),
        "sheet": sheet_representation(sheet=sheet),
    }
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False)


def enqueue(delivery_ids: list[int]) -> None:
    """Hands deliveries to the task queue; a queue that is down leaves them pending, to be
    re-sent from admin, and never fails the change that caused them."""
    # The task by its name: tasks.py imports this module, not the other way round.
    deliver = current_app.tasks[DELIVER_TASK]
    for delivery_id in delivery_ids:
        queue.send(
            deliver,
            kwargs={"delivery_id": delivery_id},
            what=f"webhook delivery {delivery_id} (left pending)",
        )


def record_event(*, event: str, sheet: RequirementSheet) -> list[WebhookDelivery]:
    """One pending delivery per active endpoint that wants `event`, queued on commit."""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(is_active=True)
        if event in (endpoint.events or [])
    ]
    if not endpoints:
        return []
    deliveries = []
    for endpoint in endpoints:
        delivery = WebhookDelivery(endpoint=endpoint, event=event, sheet=sheet)
        delivery.body = event_body(delivery_uid=str(delivery.uid), event=event, sheet=sheet)
        delivery.save()
        deliveries.append(delivery)
    ids = [d.pk for d in deliveries]
    transaction.on_commit(lambda: enqueue(ids))
    return deliveries


@receiver(post_save, sender=Review, dispatch_uid="api.webhooks.review_event")
def review_event(sender, instance: Review, created: bool, **kwargs) -> None:
    event = EVENT_OF_ACTION.get(instance.action)
    if not created or event is None:
        return
    sheet = instance.sheet
    if event == WebhookEvent.REVISED:
        # The review is recorded on the approved original; the event carries the new draft.
        sheet = sheet.revisions.order_by("-pk").first() or sheet
    record_event(event=event, sheet=sheet)
