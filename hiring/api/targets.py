"""Where a webhook may be sent: public addresses only. Knows no model, so the endpoint model
validates its URL with it and the delivery task checks it again before each attempt."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if getattr(ip, "ipv4_mapped", None):
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_target_url(url: str) -> None:
    """Refuses a URL whose host is, or resolves to, a loopback, private, link-local or other
    non-public address (every address the name has), unless
    settings.WEBHOOK_ALLOW_PRIVATE_TARGETS allows it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValidationError({"url": _("只能使用 http 或 https 地址。")})
    if settings.WEBHOOK_ALLOW_PRIVATE_TARGETS:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError, UnicodeError):
        raise ValidationError({"url": _("无法解析这个地址的主机名。")}) from None
    if not infos or not all(_is_public(info[4][0]) for info in infos):
        raise ValidationError({"url": _("这个地址指向本机或内网，不能用作接收端。")})
