"""Webhooks to a real HTTP receiver on 127.0.0.1: signed, retried after a failure, sent only
for committed changes, refused for private addresses unless the setting allows them."""

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from hiring.api import services
from hiring.api.models import WebhookDelivery, WebhookEndpoint
from hiring.api.targets import check_target_url
from hiring.sheets import services as sheet_services
from hiring.sheets.models import RequirementSheet

SECRET = "s3cret-for-tests"


class Receiver:
    """Records every request; answers with the next of `statuses` (then 200), after `delay`
    seconds."""

    def __init__(self):
        self.requests = []
        self.statuses = []
        self.delay = 0.0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                time.sleep(receiver.delay)
                code = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(code)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    server = Receiver()
    yield server
    server.close()


@pytest.fixture
def endpoint(receiver, db):
    return WebhookEndpoint.objects.create(
        name="ATS",
        url=receiver.url,
        secret=SECRET,
        events=["sheet.submitted", "sheet.approved", "sheet.returned", "sheet.revised"],
    )


def verify(headers: dict, body: bytes) -> bool:
    """What a receiver does: recompute the signature over timestamp + "." + body."""
    message = headers["X-Hiring-Timestamp"].encode() + b"." + body
    expected = "sha256=" + hmac.new(SECRET.encode(), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, headers["X-Hiring-Signature"])


def test_submit_and_approve_reach_the_receiver_signed(
    sheet, hr_alice, manager_bob, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sheet_services.sheet_submit(sheet=sheet, actor=hr_alice)
    with django_capture_on_commit_callbacks(execute=True):
        sheet_services.sheet_approve(
            sheet=sheet, actor=manager_bob, comment="好", expected_version=sheet.version
        )

    events = [headers["X-Hiring-Event"] for headers, _body in receiver.requests]
    assert events == ["sheet.submitted", "sheet.approved"]
    headers, body = receiver.requests[-1]
    assert verify(headers, body)
    assert not verify({**headers, "X-Hiring-Timestamp": "1"}, body)
    payload = json.loads(body)
    assert payload["event"] == "sheet.approved"
    assert payload["id"] == headers["X-Hiring-Delivery"]
    assert payload["sheet"]["id"] == sheet.pk and payload["sheet"]["status"] == "approved"
    assert payload["sheet"]["items"] and payload["sheet"]["reviews"][0]["comment"] == "好"
    delivery = WebhookDelivery.objects.get(event="sheet.approved")
    assert (delivery.status, delivery.response_code, delivery.attempts) == ("delivered", 200, 1)


def test_a_failed_delivery_is_retried(
    sheet, hr_alice, endpoint, receiver, django_capture_on_commit_callbacks
):
    receiver.statuses = [500, 500]
    with django_capture_on_commit_callbacks(execute=True):
        sheet_services.sheet_submit(sheet=sheet, actor=hr_alice)

    assert len(receiver.requests) == 3
    bodies = {body for _headers, body in receiver.requests}
    assert len(bodies) == 1  # every attempt sends the same body, signed anew
    assert all(verify(headers, body) for headers, body in receiver.requests)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_code, delivery.attempts) == ("delivered", 200, 3)


def test_a_delivery_that_keeps_failing_is_recorded_and_can_be_resent(
    sheet, hr_alice, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_MAX_RETRIES = 2
    receiver.statuses = [500, 502, 503]
    with django_capture_on_commit_callbacks(execute=True):
        sheet_services.sheet_submit(sheet=sheet, actor=hr_alice)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_code, delivery.attempts) == ("failed", 503, 3)
    assert RequirementSheet.objects.get(pk=sheet.pk).status == "submitted"

    with django_capture_on_commit_callbacks(execute=True):
        services.webhook_delivery_resend(delivery=delivery)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_code, delivery.attempts) == ("delivered", 200, 4)
    assert receiver.requests[0][1] == receiver.requests[-1][1]


def test_without_a_broker_a_receiver_that_hangs_holds_the_request_about_one_timeout(
    sheet, hr_alice, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    # No worker will come back later, so retries run at once, in the request that submitted
    # the sheet; a receiver that never answers in time must not keep that user waiting for
    # every retry: the delivery is left for a resend from admin.
    settings.WEBHOOK_TIMEOUT = 0.2
    settings.WEBHOOK_MAX_RETRIES = 5
    receiver.delay = 0.5
    with django_capture_on_commit_callbacks(execute=True):
        sheet_services.sheet_submit(sheet=sheet, actor=hr_alice)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "retrying" and "Timeout" in delivery.last_error
    assert delivery.attempts == 1  # it took the whole timeout: no retry in this request
    assert RequirementSheet.objects.get(pk=sheet.pk).status == "submitted"

    receiver.delay = 0
    with django_capture_on_commit_callbacks(execute=True):
        services.webhook_delivery_resend(delivery=delivery)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_code) == ("delivered", 200)


def test_no_delivery_for_a_change_that_is_rolled_back(
    sheet, hr_alice, endpoint, receiver, django_capture_on_commit_callbacks
):
    class Abandon(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(Abandon), transaction.atomic():
            sheet_services.sheet_submit(sheet=sheet, actor=hr_alice)
            raise Abandon

    assert callbacks == []
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_only_the_events_an_endpoint_wants_are_sent(
    sheet, hr_alice, endpoint, receiver, django_capture_on_commit_callbacks
):
    endpoint.events = ["sheet.approved"]
    endpoint.save()
    with django_capture_on_commit_callbacks(execute=True):
        sheet_services.sheet_submit(sheet=sheet, actor=hr_alice)
    assert receiver.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://10.1.2.3/hook",
        "http://192.168.0.10/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://0.0.0.0/hook",
        "file:///etc/passwd",
    ],
)
def test_loopback_and_private_addresses_are_refused(url, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    with pytest.raises(ValidationError):
        check_target_url(url)


def test_a_public_address_is_accepted(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    check_target_url("https://93.184.215.14/hook")


def test_a_saved_endpoint_is_checked_again_when_sending(
    sheet, hr_alice, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_MAX_RETRIES = 0
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    with django_capture_on_commit_callbacks(execute=True):
        sheet_services.sheet_submit(sheet=sheet, actor=hr_alice)
    assert receiver.requests == []
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "failed" and "ValidationError" in delivery.last_error


def test_admin_refuses_a_private_endpoint_and_resends_deliveries(
    client, db, settings, endpoint, receiver, sheet, hr_alice, django_capture_on_commit_callbacks
):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    admin = get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-123")
    client.force_login(admin)
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = False
    response = client.post(
        reverse("admin:api_webhookendpoint_add"),
        {
            "name": "内网",
            "url": "http://127.0.0.1:9/x",
            "secret": "x",
            "events": ["sheet.approved"],
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "这个地址指向本机或内网，不能用作接收端。" in response.text
    assert WebhookEndpoint.objects.count() == 1

    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS = True
    with django_capture_on_commit_callbacks(execute=True):
        sheet_services.sheet_submit(sheet=sheet, actor=hr_alice)
    delivery = WebhookDelivery.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("admin:api_webhookdelivery_changelist"),
            {"action": "resend", "_selected_action": [delivery.pk]},
        )
    assert len(receiver.requests) == 2
    delivery.refresh_from_db()
    assert delivery.attempts == 2
