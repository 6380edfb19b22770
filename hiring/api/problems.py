"""Errors as RFC 9457 problem details (application/problem+json), in the user's language."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"


class Conflict(exceptions.APIException):
    """The request does not fit the sheet's current state (its status or version)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = gettext_lazy("与需求表的当前状态冲突。")
    default_code = "conflict"


def _titles() -> dict[int, str]:
    return {
        400: _("请求的内容有误"),
        401: _("需要身份验证"),
        403: _("没有权限"),
        404: _("未找到"),
        405: _("不支持的请求方法"),
        406: _("无法提供所要求的格式"),
        409: _("与当前状态冲突"),
        415: _("不支持的内容类型"),
        429: _("请求过于频繁"),
    }


def _flatten(errors) -> dict[str, list[str]]:
    """Field errors as {field: [message, …]}; errors of the whole input under "non_field_errors"."""
    if isinstance(errors, list):
        return {"non_field_errors": [str(e) for e in errors]}
    flat = {}
    for name, messages in errors.items():
        if isinstance(messages, dict):
            for inner, inner_messages in _flatten(messages).items():
                flat[f"{name}.{inner}"] = inner_messages
        elif isinstance(messages, list):
            flat[name] = [str(m) for m in messages]
        else:
            flat[name] = [str(messages)]
    return flat


def problem_exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    problem = {
        "type": "about:blank",
        "title": _titles().get(code, response.status_text),
        "status": code,
    }
    if isinstance(exc, exceptions.ValidationError):
        problem["detail"] = _("请修正下列字段中的错误。")
        problem["errors"] = _flatten(exc.detail)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else ""
        problem["detail"] = str(detail)
    request = context.get("request")
    if request is not None:
        problem["instance"] = request.get_full_path()
    headers = {
        name: value
        for name, value in response.items()
        if name in ("WWW-Authenticate", "Retry-After", "Allow")
    }
    return Response(problem, status=code, headers=headers, content_type=PROBLEM_CONTENT_TYPE)
