"""Writes of the API app: tokens, public posting pages, webhook resends."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from hiring.sheets import access
from hiring.sheets.models import RequirementSheet

from .models import AccessToken, PublicPosting, WebhookDelivery, hash_token
from .webhooks import enqueue


@transaction.atomic
def token_create(
    *, user, name: str, scope: str, expires_in_days: int | None
) -> tuple[AccessToken, str]:
    """A new token for `user`; returns the row and the token itself, which is not kept."""
    raw = AccessToken.generate()
    token = AccessToken(
        user=user,
        name=name,
        scope=scope,
        prefix=raw[:12],
        digest=hash_token(raw),
        expires_at=timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None,
    )
    token.full_clean()
    token.save()
    return token, raw


@transaction.atomic
def token_revoke(*, token: AccessToken, actor) -> None:
    if token.user_id != actor.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])


@transaction.atomic
def public_posting_open(
    *, sheet: RequirementSheet, actor, employment_type: str, valid_through: date
) -> PublicPosting:
    """Publishes the approved sheet's posting at a new unguessable address."""
    sheet = RequirementSheet.objects.select_for_update().get(pk=sheet.pk)
    if not access.may_publish.test(actor, sheet):
        raise PermissionDenied
    existing = PublicPosting.objects.filter(sheet=sheet, revoked_at__isnull=True).first()
    if existing is not None:
        return existing
    page = PublicPosting(
        sheet=sheet,
        employment_type=employment_type,
        valid_through=valid_through,
        published_by=actor,
    )
    page.full_clean()
    page.save()
    return page


@transaction.atomic
def public_posting_revoke(*, sheet: RequirementSheet, actor) -> None:
    """Closes the public address for good; publishing again makes a new one."""
    if not access.is_author.test(actor, sheet):
        raise PermissionDenied
    PublicPosting.objects.filter(sheet=sheet, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), updated_at=timezone.now()
    )


@transaction.atomic
def webhook_delivery_resend(*, delivery: WebhookDelivery) -> None:
    """Sends the same signed body again, with a fresh retry budget, once this commits."""
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDelivery.Status.PENDING, updated_at=timezone.now()
    )
    pk = delivery.pk
    transaction.on_commit(lambda: enqueue([pk]))
