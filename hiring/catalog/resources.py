"""CSV / XLSX import and export of the catalog; rows are matched by slug. Each translated
text has a column per language (`name_zh_hans`, `name_en`), so a file means the same whatever
language the admin who imports it reads."""

from import_export import fields
from import_export.widgets import ForeignKeyWidget, ManyToManyWidget
from modeltranslation.utils import get_translation_fields

from hiring.common.exports import SafeExportResource

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


class CapabilityResource(SafeExportResource):
    category = fields.Field(
        attribute="category",
        column_name="category",
        widget=ForeignKeyWidget(CapabilityCategory, field="slug"),
    )
    default_priority = fields.Field(
        attribute="default_priority",
        column_name="default_priority",
        widget=ForeignKeyWidget(Priority, field="slug"),
    )
    default_methods = fields.Field(
        attribute="default_methods",
        column_name="default_methods",
        widget=ManyToManyWidget(AssessmentMethod, field="slug", separator="|"),
    )
    industries = fields.Field(
        attribute="industries",
        column_name="industries",
        widget=ManyToManyWidget(Industry, field="slug", separator="|"),
    )

    class Meta:
        model = Capability
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "category",
            *get_translation_fields("name"),
            *get_translation_fields("requirement"),
            "default_priority",
            "default_methods",
            "layer",
            "industries",
            "is_soft_skill",
            *get_translation_fields("star_prompts"),
            *get_translation_fields("scenario_prompts"),
            *get_translation_fields("anchor_1"),
            *get_translation_fields("anchor_3"),
            *get_translation_fields("anchor_5"),
            "order",
            "is_active",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True


class PresetResource(SafeExportResource):
    industry = fields.Field(
        attribute="industry",
        column_name="industry",
        widget=ForeignKeyWidget(Industry, field="slug"),
    )

    class Meta:
        model = Preset
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "industry",
            *get_translation_fields("name"),
            *get_translation_fields("role_title"),
            *get_translation_fields("summary"),
            *get_translation_fields("responsibilities"),
            *get_translation_fields("screening_questions"),
            "order",
            "is_active",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True


class PresetItemResource(SafeExportResource):
    preset = fields.Field(
        attribute="preset", column_name="preset", widget=ForeignKeyWidget(Preset, field="slug")
    )
    capability = fields.Field(
        attribute="capability",
        column_name="capability",
        widget=ForeignKeyWidget(Capability, field="slug"),
    )
    priority = fields.Field(
        attribute="priority",
        column_name="priority",
        widget=ForeignKeyWidget(Priority, field="slug"),
    )
    methods = fields.Field(
        attribute="methods",
        column_name="methods",
        widget=ManyToManyWidget(AssessmentMethod, field="slug", separator="|"),
    )

    class Meta:
        model = PresetItem
        import_id_fields = ["preset", "capability"]
        fields = [
            "preset",
            "capability",
            *get_translation_fields("requirement"),
            "priority",
            "methods",
            "order",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True


class CoreChallengeResource(SafeExportResource):
    class Meta:
        model = CoreChallenge
        import_id_fields = ["slug"]
        fields = [
            "slug",
            *get_translation_fields("name"),
            *get_translation_fields("description"),
            *get_translation_fields("screening_question"),
            *get_translation_fields("screening_question_reason"),
            "order",
            "is_active",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True


class ChallengeEffectResource(SafeExportResource):
    challenge = fields.Field(
        attribute="challenge",
        column_name="challenge",
        widget=ForeignKeyWidget(CoreChallenge, field="slug"),
    )
    capability = fields.Field(
        attribute="capability",
        column_name="capability",
        widget=ForeignKeyWidget(Capability, field="slug"),
    )
    priority = fields.Field(
        attribute="priority",
        column_name="priority",
        widget=ForeignKeyWidget(Priority, field="slug"),
    )
    methods = fields.Field(
        attribute="methods",
        column_name="methods",
        widget=ManyToManyWidget(AssessmentMethod, field="slug", separator="|"),
    )

    class Meta:
        model = ChallengeEffect
        import_id_fields = ["challenge", "capability"]
        fields = [
            "challenge",
            "capability",
            "priority",
            "add_if_missing",
            "methods",
            *get_translation_fields("interview_prompts"),
            *get_translation_fields("reason"),
            "order",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True


class ScreeningTermResource(SafeExportResource):
    class Meta:
        model = ScreeningTerm
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "group",
            *get_translation_fields("name"),
            *get_translation_fields("aliases"),
            "order",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True
