"""Browser pages of the API app: one's own access tokens, and publishing a posting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hiring.accounts.permissions import any_permission_required
from hiring.common.decorators import private_page
from hiring.sheets import access
from hiring.sheets.selectors.sheets import sheet_get

from . import services
from .forms import PublishForm, TokenForm
from .models import AccessToken
from .selectors import user_tokens

NEW_TOKEN_KEY = "api_new_token"


@private_page
@login_required
@require_http_methods(["GET", "POST"])
def token_list(request):
    """The person's tokens. A new one is kept in the session only until the page after the
    POST shows it, once: reloading that page does not make another token or show it again."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _row, raw = services.token_create(
            user=request.user,
            name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"],
            expires_in_days=form.expires_in_days(),
        )
        request.session[NEW_TOKEN_KEY] = raw
        return redirect("integrations:tokens")
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "new_token": request.session.pop(NEW_TOKEN_KEY, None),
            "tokens": user_tokens(user=request.user),
        },
    )


@login_required
@require_POST
def token_revoke(request, pk: int):
    # Another person's token is answered as a missing one.
    token = get_object_or_404(AccessToken, pk=pk, user=request.user)
    services.token_revoke(token=token, actor=request.user)
    messages.success(request, _("已撤销令牌「%(name)s」。") % {"name": token.name})
    return redirect("integrations:tokens")


@any_permission_required(access.CHANGE)
@require_POST
def publish(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    if not access.may_publish.test(request.user, sheet):
        raise PermissionDenied
    form = PublishForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("sheets:detail", pk=sheet.pk)
    services.public_posting_open(
        sheet=sheet,
        actor=request.user,
        employment_type=form.cleaned_data["employment_type"],
        valid_through=form.cleaned_data["valid_through"],
    )
    messages.success(request, _("已开启公开招聘页。"))
    return redirect("sheets:detail", pk=sheet.pk)


@any_permission_required(access.CHANGE)
@require_POST
def unpublish(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    services.public_posting_revoke(sheet=sheet, actor=request.user)
    messages.success(request, _("已撤销公开招聘页，原链接不再可用。"))
    return redirect("sheets:detail", pk=sheet.pk)
