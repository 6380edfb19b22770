"""CSV / XLSX import and export of the wording lexicon; rows are matched by slug."""

from hiring.common.exports import SafeExportResource

from .models import WordingRule, WordList


class WordingRuleResource(SafeExportResource):
    class Meta:
        model = WordingRule
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "ground",
            "severity",
            "message_zh_hans",
            "message_en",
            "suggestion_zh_hans",
            "suggestion_en",
            "legal_basis_zh_hans",
            "legal_basis_en",
            "order",
            "is_active",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True

        clean_model_instances = True


class WordListResource(SafeExportResource):
    class Meta:
        model = WordList
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "description",
            "kind",
            "ground",
            "act",
            "severity",
            "needs_context",
            "is_active",
            "words",
        ]
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        # Runs WordList.clean(): an imported list must compile like one typed in admin.
        clean_model_instances = True
