import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hiring.accounts.permissions import any_permission_required
from hiring.catalog.models import Industry, Preset
from hiring.quality.runner import check_sheet_cached

from . import access, screening, services
from .forms import (
    BasicsForm,
    DuplicateForm,
    ReviewDecisionForm,
    ScreeningKitForms,
    SheetFilterForm,
    preset_title,
)
from .models import RequirementSheet
from .selectors import listing
from .selectors.choices import presets_with_items
from .selectors.detail import SheetContent, sheet_get_for_page
from .selectors.history import revert_target, sheet_timeline
from .selectors.sheets import sheet_get, sheet_items

PAGE_SIZE = 20
CONTENT_CACHE_TIMEOUT = 60 * 10


@any_permission_required(access.VIEW)
def sheet_list(request):
    filters = SheetFilterForm(request.GET).filters()
    sheets = listing.sheet_list(
        user=request.user,
        status=filters["status"],
        industry=filters["industry"],
        query=filters["q"],
    )
    page = listing.sheet_rows_page(sheets, request.GET.get("page"), PAGE_SIZE)
    return render(
        request,
        "sheets/list.html",
        {
            "page": page,
            # The list below the title is cached under list_key: the industries are read
            # only when the cache has no copy.
            "list_key": listing.sheet_list_key(page=page, filters=filters),
            "list_timeout": CONTENT_CACHE_TIMEOUT,
            "statuses": RequirementSheet.Status.choices,
            "industries": SimpleLazyObject(lambda: list(Industry.objects.values("slug", "name"))),
            "filters": filters,
            "may_create": request.user.has_perm(access.CREATE),
        },
    )


@any_permission_required(access.CREATE)
@require_http_methods(["GET", "POST"])
def sheet_new(request):
    preset = Preset.objects.filter(is_active=True, slug=request.GET.get("preset", "")).first()
    if request.method == "POST":
        form = BasicsForm(request.POST)
        if form.is_valid():
            sheet = services.sheet_create_from_preset(
                actor=request.user,
                preset=form.cleaned_data["preset"],
                basics=form.cleaned_data,
                challenges=form.cleaned_data["challenges"],
            )
            messages.success(request, _("需求表已创建，草稿会在每一步自动保存。"))
            return redirect("sheets:wizard", pk=sheet.pk, step="hard")
    else:
        initial = {}
        if preset:
            initial = {
                "preset": preset.pk,
                "role_title": preset.role_title,
                "title": preset_title(preset),
            }
        form = BasicsForm(initial=initial)
    return render(
        request,
        "sheets/new.html",
        {"form": form, "presets": presets_with_items(), "selected_preset": preset},
    )


@any_permission_required(access.VIEW)
def sheet_detail(request, pk: int, review_form=None):
    sheet = sheet_get_for_page(user=request.user, pk=pk)
    # The page caches what it shows of the content under content.key: each part below is
    # loaded only when the cache has no copy, or when the page needs it outside the cache.
    content = SheetContent(sheet=sheet)
    user = request.user
    may_review = access.may_review.test(user, sheet)
    return render(
        request,
        "sheets/detail.html",
        {
            "sheet": sheet,
            "content_key": content.key,
            "content_timeout": CONTENT_CACHE_TIMEOUT,
            "groups": SimpleLazyObject(lambda: content.groups),
            "dropped": SimpleLazyObject(lambda: content.dropped),
            "posting_view": SimpleLazyObject(lambda: content.posting_view),
            "quality": SimpleLazyObject(
                lambda: check_sheet_cached(
                    sheet=sheet, key=content.key, items=lambda: content.included
                )
            ),
            "reviews": SimpleLazyObject(lambda: content.reviews),
            "differences": SimpleLazyObject(lambda: content.differences),
            "may_submit": access.may_submit.test(user, sheet),
            "may_review": may_review,
            "review_form": review_form
            or (
                ReviewDecisionForm(initial={"sheet_version": sheet.version}) if may_review else None
            ),
            "may_revise": access.may_revise.test(user, sheet),
            "may_edit": access.may_edit.test(user, sheet),
            "may_duplicate": user.has_perm(access.CREATE),
            "may_delete": access.may_delete.test(user, sheet),
        },
    )


@any_permission_required(access.CHANGE)
def sheet_edit(request, pk: int):
    """Opens the wizard at the step where this draft was left."""
    sheet = sheet_get(user=request.user, pk=pk)
    return redirect("sheets:wizard", pk=sheet.pk, step=sheet.last_step)


@any_permission_required(access.CREATE)
@require_http_methods(["GET", "POST"])
def sheet_duplicate(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    form = DuplicateForm(
        request.POST or None, initial={"title": _("%(title)s（副本）") % {"title": sheet.title}}
    )
    if request.method == "POST" and form.is_valid():
        copy = services.sheet_duplicate(
            sheet=sheet, actor=request.user, title=form.cleaned_data["title"]
        )
        messages.success(request, _("已复制为新的草稿。"))
        return redirect("sheets:wizard", pk=copy.pk, step="basics")
    return render(request, "sheets/duplicate.html", {"sheet": sheet, "form": form})


@any_permission_required(access.CHANGE)
@require_http_methods(["GET", "POST"])
def sheet_delete(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    if not access.is_author.test(request.user, sheet):
        raise PermissionDenied
    if not access.may_delete.test(request.user, sheet):
        messages.error(request, _("只有草稿可以删除。"))
        return redirect("sheets:detail", pk=sheet.pk)
    if request.method == "POST":
        title = sheet.title
        services.sheet_delete(sheet=sheet, actor=request.user)
        messages.success(request, _("已删除「%(title)s」。") % {"title": title})
        return redirect("sheets:list")
    return render(request, "sheets/delete.html", {"sheet": sheet})


def _refused(request, sheet, error: services.TransitionRefused):
    messages.error(request, str(error))
    return redirect("sheets:detail", pk=sheet.pk)


@any_permission_required(access.CHANGE)
@require_POST
def sheet_submit(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    try:
        services.sheet_submit(sheet=sheet, actor=request.user)
    except services.TransitionRefused as error:
        return _refused(request, sheet, error)
    messages.success(request, _("已提交给用人经理审批。"))
    return redirect("sheets:detail", pk=sheet.pk)


@any_permission_required(access.VIEW)
@require_http_methods(["GET", "POST"])
def sheet_review(request, pk: int):
    # A refused decision is shown at this address: reloading it or switching the language
    # asks for it again with GET, which leads back to the sheet rather than to a bare 405.
    if request.method == "GET":
        return redirect("sheets:detail", pk=pk)
    sheet = sheet_get(user=request.user, pk=pk)
    # Checked before the form, so that nobody else learns anything from its errors.
    if not access.is_reviewer.test(request.user, sheet):
        raise PermissionDenied
    form = ReviewDecisionForm(request.POST)
    if not form.is_valid():
        return sheet_detail(request, pk=pk, review_form=form)
    comment = form.cleaned_data["comment"]
    version = form.cleaned_data["sheet_version"]
    try:
        if form.cleaned_data["decision"] == "approve":
            services.sheet_approve(
                sheet=sheet, actor=request.user, comment=comment, expected_version=version
            )
            messages.success(request, _("已批准。"))
        else:
            services.sheet_return(
                sheet=sheet, actor=request.user, comment=comment, expected_version=version
            )
            messages.success(request, _("已退回给负责人修改。"))
    except services.TransitionRefused as error:
        return _refused(request, sheet, error)
    return redirect("sheets:detail", pk=sheet.pk)


@any_permission_required(access.CHANGE)
@require_POST
def sheet_new_revision(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    try:
        revision = services.sheet_new_revision(sheet=sheet, actor=request.user)
    except services.TransitionRefused as error:
        return _refused(request, sheet, error)
    messages.success(request, _("已创建可编辑的新修订。"))
    return redirect("sheets:wizard", pk=revision.pk, step="basics")


@any_permission_required(access.VIEW)
def sheet_history(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    return render(
        request,
        "sheets/history.html",
        {
            "sheet": sheet,
            "entries": sheet_timeline(sheet=sheet),
            "may_revert": access.may_revert.test(request.user, sheet),
        },
    )


@any_permission_required(access.CHANGE)
@require_http_methods(["GET", "POST"])
def sheet_revert(request, pk: int, history_id: int):
    """Asks first (GET), then puts the draft back as it was at that version (POST)."""
    sheet = sheet_get(user=request.user, pk=pk)
    if not access.is_author.test(request.user, sheet):
        raise PermissionDenied
    if request.method == "GET":
        version = revert_target(sheet=sheet, history_id=history_id)
        if version is None:
            raise Http404
        return render(
            request,
            "sheets/revert.html",
            {
                "sheet": sheet,
                "version": version,
                "may_revert": access.may_revert.test(request.user, sheet),
            },
        )
    try:
        expected = int(request.POST.get("sheet_version", ""))
    except ValueError:
        expected = -1
    try:
        services.sheet_revert(
            sheet=sheet, actor=request.user, history_id=history_id, expected_version=expected
        )
    except services.SheetNotEditable:
        messages.error(request, _("只有草稿或被退回的需求表可以恢复早先版本。"))
        return redirect("sheets:history", pk=sheet.pk)
    except services.SheetConflict:
        messages.error(request, _("需求表在你打开本页之后已被修改，请刷新后重试。"))
        return redirect("sheets:history", pk=sheet.pk)
    except services.TransitionRefused as error:
        return _refused(request, sheet, error)
    messages.success(request, _("已恢复到所选版本。"))
    return redirect("sheets:detail", pk=sheet.pk)


# --- the screening kit (初筛条件) ------------------------------------------------------------


def _kit_context(request, sheet) -> dict:
    items = list(sheet_items(sheet=sheet, included_only=True))
    kit = screening.sheet_kit(sheet=sheet, items=items)
    return {
        "sheet": sheet,
        "kit": kit,
        "document": screening.kit_document(sheet=sheet, kit=kit),
        "may_edit": access.may_edit.test(request.user, sheet),
    }


@any_permission_required(access.VIEW)
@require_http_methods(["GET", "POST"])
def sheet_screening(request, pk: int):
    """The sheet's screening kit: read by whoever may see the sheet, edited by its author
    while the sheet is editable."""
    sheet = sheet_get(user=request.user, pk=pk)
    context = _kit_context(request, sheet)
    if request.method == "POST" and not context["may_edit"]:
        raise PermissionDenied
    forms = ScreeningKitForms(kit=context["kit"], data=request.POST or None)
    if request.method == "POST" and forms.is_valid():
        try:
            services.sheet_save_screening_kit(
                sheet=sheet,
                actor=request.user,
                expected_version=_posted_version(request),
                keywords=forms.keywords.entries(),
                knockouts=forms.knockouts.entries(),
                tests=forms.tests.entries(),
            )
        except services.KitRefused as refused:
            forms.add_errors(refused.errors)
        except services.SheetConflict:
            messages.error(request, _("需求表在你打开本页之后已被修改，请刷新后重试。"))
        else:
            messages.success(request, _("初筛条件已保存。"))
            return redirect("sheets:screening", pk=sheet.pk)
    return render(request, "sheets/screening.html", {**context, "forms": forms})


def _posted_version(request) -> int:
    try:
        return int(request.POST.get("sheet_version", ""))
    except ValueError:
        return -1


@any_permission_required(access.CHANGE)
@require_POST
def sheet_screening_reset(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    if not access.may_edit.test(request.user, sheet):
        raise PermissionDenied
    try:
        services.sheet_reset_screening_kit(
            sheet=sheet, actor=request.user, expected_version=_posted_version(request)
        )
    except services.SheetConflict:
        messages.error(request, _("需求表在你打开本页之后已被修改，请刷新后重试。"))
    else:
        messages.success(request, _("初筛条件已按需求表重新生成。"))
    return redirect("sheets:screening", pk=sheet.pk)


@any_permission_required(access.VIEW)
def sheet_screening_print(request, pk: int):
    sheet = sheet_get(user=request.user, pk=pk)
    # Laid out as the sheet's documents are, with their print stylesheet.
    context = {"kind": "screening", "preview": True, "stylesheet": static("css/print.css")}
    return render(
        request, "sheets/screening_print.html", {**_kit_context(request, sheet), **context}
    )


@any_permission_required(access.VIEW)
def sheet_screening_export(request, pk: int, fmt: str):
    """The kit as JSON or CSV, laid out as docs/screening-kit.md describes."""
    if fmt not in ("json", "csv"):
        raise Http404
    sheet = sheet_get(user=request.user, pk=pk)
    document = _kit_context(request, sheet)["document"]
    if fmt == "json":
        body = json.dumps(document, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(screening.kit_csv(document), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="screening-kit-{sheet.pk}.{fmt}"'
    return response
