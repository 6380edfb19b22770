"""/api/v1/: what a person may do with sheets in the browser, a machine may do with their token.

Every view checks access as the matching page does (the role first, then `access` on the sheet,
through the same selectors and services) and validates input with the page's own form, so the
API answers with the same messages and can do nothing the person could not.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from hiring.catalog.models import Preset
from hiring.common.input import clean_value
from hiring.sheets import access, services
from hiring.sheets.access import CATALOG_CHANGE
from hiring.sheets.forms import BasicsForm, PostingForm, ReviewDecisionForm
from hiring.sheets.models import JobPosting, RequirementSheet
from hiring.sheets.selectors.sheets import sheet_get

from . import serializers
from .problems import Conflict
from .selectors import api_sheet_list, capability_list, method_list, preset_list, priority_list


def require_any_perm(request, *perms: str) -> None:
    """The role check of `any_permission_required`, for the API (401 comes earlier)."""
    if not any(request.user.has_perm(perm) for perm in perms):
        raise PermissionDenied


class SheetPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class SheetFilterForm(forms.Form):
    """The list's query string; unlike the page's filter, a value it cannot use is an error."""

    status = forms.ChoiceField(choices=RequirementSheet.Status.choices, required=False)
    industry = forms.SlugField(max_length=64, required=False)
    owner = forms.CharField(max_length=150, required=False)
    changed_since = forms.DateTimeField(required=False)


def form_errors(form: forms.BaseForm, rename: dict | None = None) -> ValidationError:
    rename = rename or {}
    errors = {
        rename.get(name, name): [str(message) for message in messages]
        for name, messages in form.errors.items()
    }
    if "__all__" in errors:
        errors["non_field_errors"] = errors.pop("__all__")
    return ValidationError(errors)


def body(request, names) -> dict:
    """The JSON object sent, as the strings a form reads; only `names` are kept."""
    data = request.data
    if not isinstance(data, dict):
        raise ValidationError({"non_field_errors": [_("请求体应为一个 JSON 对象。")]})
    values = {}
    for name in names:
        if name not in data:
            continue
        value = data[name]
        if isinstance(value, (list, dict)):
            raise ValidationError({name: [_("请输入一个值，而不是列表或对象。")]})
        values[name] = "" if value is None else clean_value(str(value))
    return values


def version_from(request) -> int:
    data = request.data if isinstance(request.data, dict) else {}
    value = data.get("version")
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError({"version": [_("请提供你读取时需求表的版本号（version，整数）。")]})
    return value


def _pk_or_invalid(value: str, queryset, field: str) -> str:
    """A slug or user name as the primary key a form field takes; an unknown one as a value
    the field refuses with its own message."""
    pk = queryset.filter(**{field: value}).values_list("pk", flat=True).first()
    return str(pk) if pk is not None else "-"


def basics_form_data(values: dict) -> dict:
    if "preset" in values:
        values["preset"] = _pk_or_invalid(
            values["preset"], Preset.objects.filter(is_active=True), "slug"
        )
    if "hiring_manager" in values:
        values["hiring_manager"] = _pk_or_invalid(
            values["hiring_manager"], get_user_model().objects.all(), "username"
        )
    return values


def challenge_slugs(request) -> list[str]:
    """The core challenges sent with a new sheet: a list of slugs, checked by the form."""
    slugs = request.data.get("challenges") or []
    if not isinstance(slugs, list) or not all(isinstance(slug, str) for slug in slugs):
        raise ValidationError({"challenges": [_("核心挑战应为标识的列表。")]})
    return [clean_value(slug) for slug in slugs]


def sheet_for(request, pk: int) -> RequirementSheet:
    return sheet_get(user=request.user, pk=pk)


def detail_response(request, sheet: RequirementSheet, code=status.HTTP_200_OK, **kwargs):
    data = serializers.sheet_representation(sheet=sheet, request=request)
    return Response(data, status=code, **kwargs)


def refusals(call, sheet: RequirementSheet | None = None):
    """Runs a service call, answering its refusals as the pages word them."""
    try:
        return call()
    except services.SheetConflict:
        raise Conflict(_("需求表在你打开本页之后已被修改，请刷新后重试。")) from None
    except services.SheetNotEditable:
        raise Conflict(
            _("这张需求表处于「%(status)s」状态，不能再编辑。")
            % {"status": sheet.get_status_display() if sheet else ""}
        ) from None
    except services.TransitionRefused as refused:
        raise Conflict(str(refused)) from None
    except DjangoValidationError as error:
        raise ValidationError(
            error.message_dict if hasattr(error, "error_dict") else error.messages
        ) from None


BASIC_INPUT = ("preset", *RequirementSheet.BASIC_FIELDS)


class SheetListView(generics.GenericAPIView):
    serializer_class = serializers.SheetSummarySerializer
    pagination_class = SheetPagination

    @extend_schema(
        operation_id="sheets_list",
        summary="Sheets visible to the caller",
        responses={200: serializers.SheetSummarySerializer(many=True)},
        parameters=[
            OpenApiParameter("status", str, enum=RequirementSheet.Status.values),
            OpenApiParameter("industry", str, description="Industry slug"),
            OpenApiParameter("owner", str, description="Owner's username"),
            OpenApiParameter(
                "changed_since", OpenApiTypes.DATETIME, description="Changed at or after (ISO 8601)"
            ),
        ],
    )
    def get(self, request):
        require_any_perm(request, access.VIEW)
        filters = SheetFilterForm(request.query_params)
        if not filters.is_valid():
            raise form_errors(filters)
        sheets = api_sheet_list(user=request.user, **filters.cleaned_data)
        page = self.paginate_queryset(sheets)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    @extend_schema(
        operation_id="sheets_create",
        summary="Create a draft from a preset",
        request=serializers.SheetCreateInput,
        responses={201: serializers.SheetDetailSerializer},
    )
    def post(self, request):
        require_any_perm(request, access.CREATE)
        # What the basics form shows filled in already, the API takes as given when left out.
        defaults = {"headcount": "1", "salary_period": RequirementSheet.SalaryPeriod.MONTH}
        data = {**defaults, **basics_form_data(body(request, BASIC_INPUT))}
        data["challenges"] = challenge_slugs(request)
        form = BasicsForm(data)
        if not form.is_valid():
            raise form_errors(form)
        sheet = refusals(
            lambda: services.sheet_create_from_preset(
                actor=request.user,
                preset=form.cleaned_data["preset"],
                basics=form.cleaned_data,
                challenges=form.cleaned_data["challenges"],
            )
        )
        location = reverse("api:sheet-detail", args=[sheet.pk], request=request)
        return detail_response(
            request, sheet, status.HTTP_201_CREATED, headers={"Location": location}
        )


class SheetDetailView(APIView):
    @extend_schema(
        operation_id="sheets_retrieve",
        summary="One sheet with its items, posting, quality check, reviews and documents",
        responses={200: serializers.SheetDetailSerializer},
    )
    def get(self, request, pk: int):
        require_any_perm(request, access.VIEW)
        return detail_response(request, sheet_for(request, pk))

    @extend_schema(
        operation_id="sheets_update_basics",
        summary="Update the basics of a draft or returned sheet",
        request=serializers.SheetUpdateInput,
        responses={200: serializers.SheetDetailSerializer},
    )
    def patch(self, request, pk: int):
        require_any_perm(request, access.CHANGE)
        sheet = sheet_for(request, pk)
        # Who may change it is checked before the input, so its errors tell nobody else anything.
        if not access.is_author.test(request.user, sheet):
            raise PermissionDenied
        expected = version_from(request)
        current = {
            "preset": str(sheet.preset_id or ""),
            **{
                name: "" if getattr(sheet, f.attname) is None else str(getattr(sheet, f.attname))
                for name in RequirementSheet.BASIC_FIELDS
                for f in [RequirementSheet._meta.get_field(name)]
            },
        }
        sent = basics_form_data(body(request, (*BASIC_INPUT, "replace_items", "retitle")))
        changes_preset = "preset" in sent and sent["preset"] != current["preset"]
        form = BasicsForm(
            {**current, **sent},
            instance=sheet,
            items_edited=changes_preset and services.sheet_edited_since_preset(sheet=sheet),
        )
        if not form.is_valid():
            raise form_errors(form)
        refusals(
            lambda: services.sheet_update_basics(
                sheet=sheet,
                actor=request.user,
                expected_version=expected,
                preset=form.cleaned_data["preset"],
                basics=form.cleaned_data,
                step=sheet.last_step,
            ),
            sheet,
        )
        return detail_response(request, sheet)


class SheetPostingView(APIView):
    @extend_schema(
        operation_id="sheets_update_posting",
        summary="Update the job posting of a draft or returned sheet",
        request=serializers.PostingUpdateInput,
        responses={200: serializers.SheetDetailSerializer},
    )
    def patch(self, request, pk: int):
        require_any_perm(request, access.CHANGE)
        sheet = sheet_for(request, pk)
        if not access.is_author.test(request.user, sheet):
            raise PermissionDenied
        expected = version_from(request)
        posting = getattr(sheet, "posting", None) or JobPosting(sheet=sheet)
        current = {name: getattr(posting, name) for name in JobPosting.EDITABLE_FIELDS}
        form = PostingForm(
            {**current, **body(request, JobPosting.EDITABLE_FIELDS)}, instance=posting
        )
        if not form.is_valid():
            raise form_errors(form)
        refusals(
            lambda: services.sheet_update_posting(
                sheet=sheet,
                actor=request.user,
                expected_version=expected,
                posting_data=form.cleaned_data,
                step=sheet.last_step,
            ),
            sheet,
        )
        return detail_response(request, sheet)


class SheetSubmitView(APIView):
    @extend_schema(
        operation_id="sheets_submit",
        summary="Submit to the hiring manager",
        request=None,
        responses={200: serializers.SheetDetailSerializer},
    )
    def post(self, request, pk: int):
        require_any_perm(request, access.CHANGE)
        sheet = sheet_for(request, pk)
        refusals(lambda: services.sheet_submit(sheet=sheet, actor=request.user))
        return detail_response(request, sheet)


class DecisionView(APIView):
    decision = ""

    def post(self, request, pk: int):
        require_any_perm(request, access.VIEW)
        sheet = sheet_for(request, pk)
        # As on the page: checked before the form, so nobody else learns from its errors.
        if not access.is_reviewer.test(request.user, sheet):
            raise PermissionDenied
        data = request.data if isinstance(request.data, dict) else {}
        form = ReviewDecisionForm(
            {
                **body(request, ["comment"]),
                "decision": self.decision,
                "sheet_version": ""
                if isinstance(data.get("version"), bool)
                else data.get("version", ""),
            }
        )
        if not form.is_valid():
            raise form_errors(form, rename={"sheet_version": "version"})
        service = services.sheet_approve if self.decision == "approve" else services.sheet_return
        refusals(
            lambda: service(
                sheet=sheet,
                actor=request.user,
                comment=form.cleaned_data["comment"],
                expected_version=form.cleaned_data["sheet_version"],
            )
        )
        return detail_response(request, sheet)


class SheetApproveView(DecisionView):
    decision = "approve"

    @extend_schema(
        operation_id="sheets_approve",
        summary="Approve a submitted sheet (its hiring manager)",
        request=serializers.DecisionInput,
        responses={200: serializers.SheetDetailSerializer},
    )
    def post(self, request, pk: int):
        return super().post(request, pk)


class SheetReturnView(DecisionView):
    decision = "return"

    @extend_schema(
        operation_id="sheets_return",
        summary="Return a submitted sheet to its owner with a comment (its hiring manager)",
        request=serializers.DecisionInput,
        responses={200: serializers.SheetDetailSerializer},
    )
    def post(self, request, pk: int):
        return super().post(request, pk)


class CatalogView(generics.ListAPIView):
    pagination_class = None

    def list(self, request, *args, **kwargs):
        require_any_perm(request, access.VIEW, access.CREATE, CATALOG_CHANGE)
        return super().list(request, *args, **kwargs)


class CapabilityListView(CatalogView):
    serializer_class = serializers.CapabilitySerializer

    def get_queryset(self):
        return capability_list()


class PresetListView(CatalogView):
    serializer_class = serializers.PresetSerializer

    def get_queryset(self):
        return preset_list()


class PriorityListView(CatalogView):
    serializer_class = serializers.PrioritySerializer

    def get_queryset(self):
        return priority_list()


class MethodListView(CatalogView):
    serializer_class = serializers.MethodSerializer

    def get_queryset(self):
        return method_list()


class NotFoundView(APIView):
    """Any other address under /api/v1/ (a sheet id that is not a number, a typo): a problem,
    not the site's HTML page."""

    permission_classes = []

    @extend_schema(exclude=True)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise NotFound
