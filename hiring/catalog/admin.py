from django import forms
from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportModelAdmin
from modeltranslation.admin import TranslationTabularInline
from modeltranslation.utils import get_translation_fields
from simple_history.admin import SimpleHistoryAdmin

from hiring.common.admin_lists import LabelledListEditableMixin, label_inputs
from hiring.common.imports import LimitedImportMixin
from hiring.common.translated_admin import SideBySideTranslationAdmin
from hiring.quality.forms import fair_wording_form

from . import services
from .models import (
    AssessmentMethod,
    Capability,
    CapabilityCategory,
    ChallengeEffect,
    CoreChallenge,
    Industry,
    Preset,
    PresetItem,
    Priority,
    ScreeningTerm,
)
from .resources import (
    CapabilityResource,
    ChallengeEffectResource,
    CoreChallengeResource,
    PresetItemResource,
    PresetResource,
    ScreeningTermResource,
)


def both_languages(*fields: str) -> list[str]:
    """Admin search over every language's value of `fields`."""
    return get_translation_fields(*fields)


# Every catalog text written per language (translation.py) reaches a sheet, a posting or a
# scorecard, so each admin form checks them all for discriminatory wording where they are
# written, in Chinese and in English (`fair_wording_form`): a preset can never hand HR an
# error it did not write.
CATALOG_ADMIN_BASES = (
    LabelledListEditableMixin,
    LimitedImportMixin,
    ImportExportModelAdmin,
    SimpleHistoryAdmin,
    SideBySideTranslationAdmin,
)


@admin.register(Industry)
class IndustryAdmin(LabelledListEditableMixin, SimpleHistoryAdmin, SideBySideTranslationAdmin):
    form = fair_wording_form(Industry)
    list_display = ["name", "slug", "focus", "order"]
    list_editable = ["order"]
    search_fields = ["slug", *both_languages("name", "focus")]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(CapabilityCategory)
class CapabilityCategoryAdmin(
    LabelledListEditableMixin, SimpleHistoryAdmin, SideBySideTranslationAdmin
):
    form = fair_wording_form(CapabilityCategory)
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["slug", *both_languages("name")]
    ordering = ["order"]


@admin.register(Priority)
class PriorityAdmin(LabelledListEditableMixin, SimpleHistoryAdmin, SideBySideTranslationAdmin):
    form = fair_wording_form(Priority)
    list_display = ["name", "slug", "order", "weight", "is_knockout"]
    list_editable = ["order", "weight", "is_knockout"]
    list_filter = ["is_knockout"]
    search_fields = ["slug", *both_languages("name")]
    ordering = ["order"]


@admin.register(AssessmentMethod)
class AssessmentMethodAdmin(
    LabelledListEditableMixin, SimpleHistoryAdmin, SideBySideTranslationAdmin
):
    form = fair_wording_form(AssessmentMethod)
    list_display = ["name", "slug", "stage", "on_scorecard", "order"]
    list_editable = ["stage", "on_scorecard", "order"]
    list_filter = ["stage", "on_scorecard"]
    search_fields = ["slug", *both_languages("name", "description")]
    ordering = ["order", "name"]


@admin.register(Capability)
class CapabilityAdmin(*CATALOG_ADMIN_BASES):
    resource_classes = [CapabilityResource]
    form = fair_wording_form(Capability)
    list_display = [
        "name",
        "category",
        "default_priority",
        "methods_list",
        "layer",
        "industries_list",
        "is_soft_skill",
        "is_active",
    ]
    list_select_related = ["category", "default_priority"]
    list_filter = [
        "category",
        "default_priority",
        "layer",
        "industries",
        "is_soft_skill",
        "is_active",
        "default_methods",
    ]
    search_fields = ["slug", *both_languages("name", "requirement")]
    ordering = ["category__order", "order", "name"]
    autocomplete_fields = ["default_methods", "industries"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["category", "name", "slug", "requirement", "order", "is_active"]}),
        (
            _("评估"),
            {
                "fields": [
                    "default_priority",
                    "default_methods",
                    "layer",
                    "is_soft_skill",
                    "industries",
                ]
            },
        ),
        (
            _("面试题与评分锚点"),
            {"fields": ["star_prompts", "scenario_prompts", "anchor_1", "anchor_3", "anchor_5"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("default_methods", "industries")

    @admin.display(description=_("默认评估方式"))
    def methods_list(self, obj):
        return "、".join(method.name for method in obj.default_methods.all())

    @admin.display(description=_("适用行业"))
    def industries_list(self, obj):
        return "、".join(industry.name for industry in obj.industries.all()) or _("全部")


class LabelledCellsFormSet(forms.BaseInlineFormSet):
    """A tabular inline shows a field's name only in the column header: each input carries
    it too, for screen readers (the delete box included, which the formset adds last)."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        label_inputs(form.fields.values())


class PresetItemInline(TranslationTabularInline):
    model = PresetItem
    formset = LabelledCellsFormSet
    form = fair_wording_form(PresetItem)
    extra = 0
    autocomplete_fields = ["capability", "methods"]
    fields = ["capability", "requirement", "priority", "methods", "order"]
    ordering = ["capability__category__order", "order"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("capability__category", "priority")
            .prefetch_related("methods")
        )


@admin.register(Preset)
class PresetAdmin(*CATALOG_ADMIN_BASES):
    resource_classes = [PresetResource]
    form = fair_wording_form(Preset)
    list_display = ["name", "industry", "role_title", "item_count", "order", "is_active"]
    list_select_related = ["industry"]
    list_filter = ["industry", "is_active"]
    search_fields = ["slug", *both_languages("name", "role_title", "summary")]
    ordering = ["industry__order", "order", "name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PresetItemInline]
    actions = ["duplicate"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_count=Count("items"))

    @admin.display(description=_("条目数"), ordering="item_count")
    def item_count(self, obj):
        return obj.item_count

    @admin.action(description=_("复制所选行业模板"), permissions=["add"])
    def duplicate(self, request, queryset):
        for preset in queryset:
            services.preset_duplicate(preset=preset)
        count = len(queryset)
        self.message_user(
            request,
            ngettext("已复制 %(count)d 个行业模板。", "已复制 %(count)d 个行业模板。", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(PresetItem)
class PresetItemAdmin(*CATALOG_ADMIN_BASES):
    resource_classes = [PresetItemResource]
    form = fair_wording_form(PresetItem)
    list_display = ["capability", "preset", "priority", "order"]
    list_select_related = ["capability", "preset", "priority"]
    list_filter = ["preset", "priority", "capability__category"]
    search_fields = [
        *(f"capability__{name}" for name in both_languages("name")),
        *(f"preset__{name}" for name in both_languages("name")),
        *both_languages("requirement"),
    ]
    autocomplete_fields = ["preset", "capability", "methods"]
    ordering = ["preset", "capability__category__order", "order"]


class ChallengeEffectInline(TranslationTabularInline):
    model = ChallengeEffect
    formset = LabelledCellsFormSet
    form = fair_wording_form(ChallengeEffect)
    extra = 0
    autocomplete_fields = ["capability", "methods"]
    fields = [
        "capability",
        "priority",
        "add_if_missing",
        "methods",
        "interview_prompts",
        "reason",
        "order",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("capability", "priority")
            .prefetch_related("methods")
        )


@admin.register(CoreChallenge)
class CoreChallengeAdmin(*CATALOG_ADMIN_BASES):
    resource_classes = [CoreChallengeResource]
    form = fair_wording_form(CoreChallenge)
    list_display = ["name", "slug", "description", "effect_count", "order", "is_active"]
    list_editable = ["order", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["slug", *both_languages("name", "description", "screening_question")]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ChallengeEffectInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(effect_count=Count("effects"))

    @admin.display(description=_("调整数"), ordering="effect_count")
    def effect_count(self, obj):
        return obj.effect_count


@admin.register(ChallengeEffect)
class ChallengeEffectAdmin(*CATALOG_ADMIN_BASES):
    resource_classes = [ChallengeEffectResource]
    form = fair_wording_form(ChallengeEffect)
    list_display = ["challenge", "capability", "priority", "add_if_missing", "reason"]
    list_select_related = ["challenge", "capability", "priority"]
    list_filter = ["challenge", "priority", "add_if_missing"]
    search_fields = [
        *(f"challenge__{name}" for name in both_languages("name")),
        *(f"capability__{name}" for name in both_languages("name")),
        *both_languages("reason", "interview_prompts"),
    ]
    autocomplete_fields = ["challenge", "capability", "methods"]
    ordering = ["challenge", "order"]


@admin.register(ScreeningTerm)
class ScreeningTermAdmin(*CATALOG_ADMIN_BASES):
    resource_classes = [ScreeningTermResource]
    form = fair_wording_form(ScreeningTerm)
    list_display = ["name", "group", "slug", "order"]
    list_editable = ["order"]
    list_filter = ["group"]
    search_fields = ["slug", *both_languages("name", "aliases")]
    ordering = ["group", "order", "name"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.site_header = _("客服招聘需求表 · 能力库管理")
admin.site.site_title = _("能力库管理")
admin.site.index_title = _("能力库")
