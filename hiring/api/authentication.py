"""Machines authenticate with a personal access token; browsers with their session."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions, permissions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.throttling import SimpleRateThrottle

from .models import AccessToken, hash_token

# last_used_at is written at most this often per token: reads stay free of writes.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class TokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer <token>`; a token that is unknown, expired or revoked is refused."""

    keyword = b"bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Authorization 头的格式应为 “Bearer <令牌>”。"))
        try:
            raw = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed(_("令牌无效、已过期或已被撤销。")) from None
        token = AccessToken.objects.select_related("user").filter(digest=hash_token(raw)).first()
        if token is None or not token.is_active or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("令牌无效、已过期或已被撤销。"))
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
            AccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
            token.last_used_at = now
        return token.user, token

    def authenticate_header(self, request):
        return 'Bearer realm="api"'


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = TokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "description": "Personal access token"}


class TokenScope(permissions.BasePermission):
    """A read-only token may read; changing anything needs a read-write token."""

    message = _("这个令牌是只读的，不能修改数据。")

    def has_permission(self, request, view):
        token = request.auth
        if isinstance(token, AccessToken) and not token.may_write:
            return request.method in permissions.SAFE_METHODS
        return True


class CallerRateThrottle(SimpleRateThrottle):
    """One budget per token (or per logged-in user, or per address when anonymous)."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view):
        if isinstance(request.auth, AccessToken):
            ident = f"token-{request.auth.pk}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"addr-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception:
            # A cache that is down must not take the API with it: unthrottled until it is back.
            return True

    def wait(self):
        wait = super().wait()
        return None if wait is None else max(1, int(wait))
