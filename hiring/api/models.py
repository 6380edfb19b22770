"""Machine access and events: personal access tokens, webhook endpoints and their deliveries,
and the public page of an approved sheet's job posting."""

import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hiring.common.models import TimeStampedModel
from hiring.sheets.models import RequirementSheet

from .targets import check_target_url

TOKEN_PREFIX = "hrs_"


def hash_token(token: str) -> str:
    """Tokens are long random strings, so one round of SHA-256 is enough to keep them
    unreadable at rest while staying a single indexed lookup per request."""
    return hashlib.sha256(token.encode()).hexdigest()


class AccessTokenQuerySet(models.QuerySet):
    def active(self) -> "AccessTokenQuerySet":
        now = timezone.now()
        return self.filter(revoked_at__isnull=True).filter(
            Q(expires_at__isnull=True) | Q(expires_at__gt=now)
        )


class AccessToken(TimeStampedModel):
    """A personal access token: acts as its user, limited to its scope, until it expires or
    is revoked. Only a hash is kept; the token itself is shown once, when it is made."""

    class Scope(models.TextChoices):
        READ = "read", _("只读")
        WRITE = "write", _("读写")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.CASCADE,
        related_name="access_tokens",
    )
    name = models.CharField(_("名称"), max_length=80)
    # The first characters of the token, so that its owner can tell their tokens apart.
    prefix = models.CharField(_("前缀"), max_length=16)
    digest = models.CharField(_("摘要"), max_length=64, unique=True, editable=False)
    scope = models.CharField(_("权限范围"), max_length=10, choices=Scope.choices)
    expires_at = models.DateTimeField(_("过期时间"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("最后使用时间"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)

    objects = AccessTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("访问令牌")
        verbose_name_plural = _("访问令牌")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def generate() -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)

    @property
    def is_active(self) -> bool:
        if self.revoked_at is not None:
            return False
        return self.expires_at is None or self.expires_at > timezone.now()

    @property
    def may_write(self) -> bool:
        return self.scope == self.Scope.WRITE


class WebhookEvent(models.TextChoices):
    SUBMITTED = "sheet.submitted", _("需求表已提交审批")
    APPROVED = "sheet.approved", _("需求表已批准")
    RETURNED = "sheet.returned", _("需求表已退回")
    REVISED = "sheet.revised", _("已批准的需求表创建了新修订")


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class WebhookEndpoint(TimeStampedModel):
    """Where events go: each delivery is signed with the endpoint's secret."""

    name = models.CharField(_("名称"), max_length=80)
    url = models.URLField(_("接收地址"), max_length=500)
    secret = models.CharField(
        _("签名密钥"),
        max_length=200,
        default=new_secret,
        help_text=_("接收方用它校验 HMAC-SHA256 签名；请只告诉接收方。"),
    )
    events = models.JSONField(_("事件"), default=list)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("Webhook 接收端")
        verbose_name_plural = _("Webhook 接收端")

    def __str__(self):
        return self.name

    def clean(self):
        check_target_url(self.url)
        unknown = set(self.events or []) - set(WebhookEvent.values)
        if unknown:
            from django.core.exceptions import ValidationError

            raise ValidationError({"events": _("未知的事件。")})


class WebhookDelivery(TimeStampedModel):
    """One event sent (or to be sent) to one endpoint, with what happened to it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待发送")
        RETRYING = "retrying", _("等待重试")
        DELIVERED = "delivered", _("已送达")
        FAILED = "failed", _("失败")

    uid = models.UUIDField(_("投递编号"), default=uuid.uuid4, unique=True, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint,
        verbose_name=_("接收端"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.CharField(_("事件"), max_length=40, choices=WebhookEvent.choices)
    sheet = models.ForeignKey(
        RequirementSheet,
        verbose_name=_("需求表"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The exact bytes sent, as text: every attempt and every resend signs the same body.
    body = models.TextField(_("内容"))
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("尝试次数"), default=0)
    response_code = models.PositiveSmallIntegerField(_("响应状态码"), null=True, blank=True)
    last_error = models.CharField(_("最近的错误"), max_length=500, blank=True)
    last_attempt_at = models.DateTimeField(_("最近尝试时间"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("送达时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Webhook 投递")
        verbose_name_plural = _("Webhook 投递")

    def __str__(self):
        return f"{self.get_event_display()} → {self.endpoint}"


class PublicPostingQuerySet(models.QuerySet):
    def live(self) -> "PublicPostingQuerySet":
        """Pages anyone may open: not revoked, and of a sheet that is approved now."""
        return self.filter(revoked_at__isnull=True, sheet__status=RequirementSheet.Status.APPROVED)


def new_public_token() -> str:
    return secrets.token_urlsafe(24)


class PublicPosting(TimeStampedModel):
    """The opt-in public page of an approved sheet's job posting, at an unguessable address."""

    class EmploymentType(models.TextChoices):
        # schema.org JobPosting employmentType values, as search engines read them.
        FULL_TIME = "FULL_TIME", _("全职")
        PART_TIME = "PART_TIME", _("兼职")
        CONTRACTOR = "CONTRACTOR", _("合同工")
        TEMPORARY = "TEMPORARY", _("临时")
        INTERN = "INTERN", _("实习")

    sheet = models.ForeignKey(
        RequirementSheet,
        verbose_name=_("需求表"),
        on_delete=models.CASCADE,
        related_name="public_postings",
    )
    token = models.CharField(
        _("链接令牌"), max_length=64, unique=True, default=new_public_token, editable=False
    )
    employment_type = models.CharField(
        _("用工类型"),
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.FULL_TIME,
    )
    valid_through = models.DateField(_("招聘截止日期"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)

    objects = PublicPostingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("公开招聘页")
        verbose_name_plural = _("公开招聘页")
        constraints = [
            models.UniqueConstraint(
                fields=["sheet"],
                condition=Q(revoked_at__isnull=True),
                name="publicposting_one_open_per_sheet",
            ),
        ]

    def __str__(self):
        return str(self.sheet)
