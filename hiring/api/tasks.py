"""Sending webhook deliveries, with retries and exponential back-off."""

import logging
import time

import requests
from celery import shared_task
from django.conf import settings
from django.utils import timezone

from .models import WebhookDelivery
from .targets import check_target_url
from .webhooks import (
    DELIVER_TASK,
    DELIVERY_HEADER,
    EVENT_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    sign,
)

logger = logging.getLogger(__name__)


class DeliveryFailed(Exception):
    pass


def attempt(delivery: WebhookDelivery) -> None:
    """Sends the delivery once and records the outcome; raises DeliveryFailed when the
    receiver did not answer with a 2xx."""
    endpoint = delivery.endpoint
    body = delivery.body.encode()
    timestamp = str(int(timezone.now().timestamp()))
    delivery.attempts += 1
    delivery.last_attempt_at = timezone.now()
    error, code = "", None
    try:
        # Checked again at send time: the name may resolve elsewhere than when it was saved.
        check_target_url(endpoint.url)
        response = requests.post(
            endpoint.url,
            data=body,
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": "hiring-webhooks/1",
                EVENT_HEADER: delivery.event,
                DELIVERY_HEADER: str(delivery.uid),
                TIMESTAMP_HEADER: timestamp,
                SIGNATURE_HEADER: sign(secret=endpoint.secret, timestamp=timestamp, body=body),
            },
            timeout=settings.WEBHOOK_TIMEOUT,
            allow_redirects=False,
        )
        code = response.status_code
        if not 200 <= code < 300:
            error = f"HTTP {code}"
    except Exception as exc:  # a refused address, DNS, TLS, timeout …: all worth a retry
        error = f"{type(exc).__name__}: {exc}"[:500]
    delivery.response_code = code
    delivery.last_error = error
    if error:
        delivery.status = WebhookDelivery.Status.RETRYING
    else:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
    delivery.save(
        update_fields=[
            "attempts",
            "last_attempt_at",
            "response_code",
            "last_error",
            "status",
            "delivered_at",
            "updated_at",
        ]
    )
    if error:
        raise DeliveryFailed(error)


@shared_task(bind=True, name=DELIVER_TASK, max_retries=None)
def deliver_webhook(self, *, delivery_id: int) -> None:
    """One attempt, then a retry after WEBHOOK_RETRY_DELAY × 2^n seconds, up to
    WEBHOOK_MAX_RETRIES. Run in-process (no broker), the retries follow at once, as there is no
    worker to come back later, but only for about one WEBHOOK_TIMEOUT: the request that sent it
    waits for them, and a receiver that is down leaves the delivery to be re-sent from admin."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.status == WebhookDelivery.Status.DELIVERED:
        return
    retries = self.request.retries or 0
    started = time.monotonic()
    while True:
        try:
            attempt(delivery)
            return
        except DeliveryFailed as exc:
            if retries >= settings.WEBHOOK_MAX_RETRIES:
                WebhookDelivery.objects.filter(pk=delivery.pk).update(
                    status=WebhookDelivery.Status.FAILED
                )
                logger.warning("Webhook delivery %s failed for good: %s", delivery.pk, exc)
                return
            if self.request.is_eager:
                if time.monotonic() - started > settings.WEBHOOK_TIMEOUT:
                    logger.warning("Webhook delivery %s left for a resend: %s", delivery.pk, exc)
                    return
                retries += 1
                continue
            countdown = settings.WEBHOOK_RETRY_DELAY * 2**retries
            raise self.retry(countdown=countdown, exc=exc) from exc
