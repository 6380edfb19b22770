from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from hiring.common.admin_lists import LabelledListEditableMixin
from hiring.common.imports import LimitedImportMixin
from hiring.common.translated_admin import SideBySideTranslationAdmin

from .forms import TryWordingForm
from .lexicon import current_lexicon
from .models import Ground, WordingRule, WordList
from .normalize import normalize
from .resources import WordingRuleResource, WordListResource
from .wording import check_wording


@admin.register(WordList)
class WordListAdmin(
    LabelledListEditableMixin, LimitedImportMixin, ImportExportModelAdmin, SimpleHistoryAdmin
):
    """Vocabularies (groups, topics, phrases), acts and lawful frames: one list per row."""

    resource_classes = [WordListResource]
    change_list_template = "admin/quality/wordlist/change_list.html"
    list_display = ["slug", "kind", "ground", "act", "severity", "is_active", "updated_at"]
    list_editable = ["is_active"]
    list_filter = ["kind", "ground", "act", "severity", "needs_context", "is_active"]
    search_fields = ["slug", "description", "words"]
    ordering = ["kind", "ground", "slug"]
    fields = WordListResource.Meta.fields  # the same fields, in the same order, as import

    def get_urls(self):
        try_url = path(
            "try/",
            self.admin_site.admin_view(self.try_view),
            name="quality_wordlist_try",
        )
        return [try_url, *super().get_urls()]

    def try_view(self, request):
        return try_wording(self, request)


def try_wording(model_admin, request):
    """试一试: the findings the current lexicon gives for a pasted text; nothing is saved."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = TryWordingForm(request.POST or None)
    findings = normalized = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        findings = [
            (finding, Ground(finding.rule.removeprefix("wording.")).label)
            for finding in check_wording(text, lexicon=current_lexicon())
        ]
        normalized = normalize(text)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("试一试措辞检查"),
        "form": form,
        "findings": findings,
        "normalized": normalized,
    }
    return TemplateResponse(request, "admin/quality/wordingrule/try.html", context)


@admin.register(WordingRule)
class WordingRuleAdmin(
    LabelledListEditableMixin,
    LimitedImportMixin,
    ImportExportModelAdmin,
    SimpleHistoryAdmin,
    SideBySideTranslationAdmin,
):
    """What a finding on a ground says."""

    resource_classes = [WordingRuleResource]
    change_list_template = "admin/quality/wordingrule/change_list.html"
    list_display = ["slug", "ground", "severity", "is_active", "order", "updated_at"]
    list_editable = ["is_active"]
    list_filter = ["ground", "severity", "is_active"]
    search_fields = ["slug", "message_zh_hans", "message_en", "legal_basis_zh_hans"]
    ordering = ["ground", "order", "slug"]
    fieldsets = [
        (None, {"fields": ["slug", "ground", "severity", "is_active", "order"]}),
        (
            _("提示与依据"),
            {
                # Each becomes its Chinese and English fields, side by side.
                "fields": ["message", "suggestion", "legal_basis"]
            },
        ),
    ]

    def get_urls(self):
        try_url = path(
            "try/",
            self.admin_site.admin_view(self.try_view),
            name="quality_wordingrule_try",
        )
        return [try_url, *super().get_urls()]

    def try_view(self, request):
        return try_wording(self, request)
