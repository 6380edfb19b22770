"""The API's representation of sheets and the catalog. Input is validated by the same Django
forms the pages use (see views.py); the input serializers here describe it for the schema."""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hiring.accounts.names import display_name
from hiring.catalog.models import (
    AssessmentMethod,
    Capability,
    CapabilityCategory,
    CoreChallenge,
    Industry,
    Preset,
    PresetItem,
    Priority,
)
from hiring.common.models import max_length
from hiring.common.translated import content_language
from hiring.quality.findings import Severity
from hiring.quality.runner import check_sheet
from hiring.sheets.forms import HEADCOUNT_MAX
from hiring.sheets.models import JobPosting, RequirementSheet, Review, SheetItem
from hiring.sheets.selectors.sheets import sheet_items, sheet_reviews

DOCUMENT_URLS = {
    "sheet_pdf": "documents:sheet_pdf",
    "sheet_html": "documents:sheet_preview",
    "posting_pdf": "documents:posting_pdf",
    "posting_html": "documents:posting_preview",
    "posting_text": "documents:posting_text",
    "scorecard_pdf": "documents:scorecard_pdf",
    "scorecard_html": "documents:scorecard_preview",
    "sheet_xlsx": "documents:sheet_xlsx",
}


def absolute(path: str, request=None) -> str:
    return request.build_absolute_uri(path) if request is not None else settings.SITE_URL + path


# --- catalog -------------------------------------------------------------------------------


class IndustrySerializer(serializers.ModelSerializer):
    class Meta:
        model = Industry
        fields = ["slug", "name", "focus"]


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = CapabilityCategory
        fields = ["slug", "name", "order"]


class PrioritySerializer(serializers.ModelSerializer):
    knock_out = serializers.BooleanField(source="is_knockout")

    class Meta:
        model = Priority
        fields = ["slug", "name", "order", "weight", "knock_out", "description"]


class MethodSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentMethod
        fields = ["slug", "name", "stage", "on_scorecard", "description"]


class MethodRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = AssessmentMethod
        fields = ["slug", "name"]


class CapabilitySerializer(serializers.ModelSerializer):
    category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    default_priority = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    default_methods = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    industries = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    prompts = serializers.ListField(child=serializers.CharField(), read_only=True)
    anchors = serializers.SerializerMethodField()

    class Meta:
        model = Capability
        fields = [
            "slug",
            "name",
            "category",
            "requirement",
            "default_priority",
            "default_methods",
            "layer",
            "industries",
            "is_soft_skill",
            "prompts",
            "anchors",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "example": {"1": "", "3": "", "5": ""},
        }
    )
    def get_anchors(self, obj) -> dict:
        return {"1": obj.anchor_1, "3": obj.anchor_3, "5": obj.anchor_5}


class PresetItemSerializer(serializers.ModelSerializer):
    capability = serializers.CharField(source="capability.slug")
    name = serializers.CharField(source="capability.name")
    category = serializers.CharField(source="capability.category.slug")
    priority = serializers.CharField(source="priority.slug")
    methods = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = PresetItem
        fields = ["capability", "name", "category", "requirement", "priority", "methods"]


class PresetSerializer(serializers.ModelSerializer):
    industry = IndustrySerializer()
    responsibilities = serializers.ListField(
        child=serializers.CharField(), source="responsibility_list"
    )
    items = PresetItemSerializer(many=True)

    class Meta:
        model = Preset
        fields = ["slug", "name", "industry", "role_title", "summary", "responsibilities", "items"]


# --- sheets --------------------------------------------------------------------------------


class PersonSerializer(serializers.Serializer):
    username = serializers.CharField()
    name = serializers.SerializerMethodField()

    def get_name(self, obj) -> str:
        return display_name(obj)


class ItemSerializer(serializers.ModelSerializer):
    category = CategorySerializer()
    capability = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    key_item = serializers.CharField(source="name")
    priority = PrioritySerializer()
    methods = MethodRefSerializer(many=True)
    prompts = serializers.ListField(child=serializers.CharField(), source="prompt_list")
    anchors = serializers.SerializerMethodField()
    challenge_notes = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = SheetItem
        fields = [
            "id",
            "category",
            "capability",
            "key_item",
            "requirement",
            "priority",
            "methods",
            "included",
            "order",
            "prompts",
            "anchors",
            "challenge_notes",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "example": {"1": "", "3": "", "5": ""},
        }
    )
    def get_anchors(self, obj) -> dict:
        return {"1": obj.anchor_1, "3": obj.anchor_3, "5": obj.anchor_5}

    def to_representation(self, instance):
        # Category, priority and method names as the sheet's content has them: in the
        # sheet's language, whatever language the request asks for.
        with content_language(instance.sheet.language):
            return super().to_representation(instance)


class PostingSerializer(serializers.ModelSerializer):
    responsibilities = serializers.ListField(
        child=serializers.CharField(), source="responsibility_list"
    )
    benefits = serializers.ListField(child=serializers.CharField(), source="benefit_list")
    process_steps = serializers.ListField(child=serializers.CharField(), source="process_step_list")
    screening_questions = serializers.ListField(
        child=serializers.CharField(), source="screening_question_list"
    )

    class Meta:
        model = JobPosting
        fields = [
            "headline",
            "summary",
            "responsibilities",
            "benefits",
            "process_steps",
            "screening_questions",
            "how_to_apply",
        ]


class FindingSerializer(serializers.Serializer):
    rule = serializers.CharField()
    severity = serializers.ChoiceField(choices=[severity.value for severity in Severity])
    message = serializers.CharField()
    suggestion = serializers.CharField()
    field = serializers.CharField()
    item_id = serializers.IntegerField(allow_null=True)
    step = serializers.CharField()
    basis = serializers.CharField()


class QualitySerializer(serializers.Serializer):
    score = serializers.IntegerField(min_value=0, max_value=100)
    has_errors = serializers.BooleanField()
    findings = FindingSerializer(many=True)


class ReviewSerializer(serializers.ModelSerializer):
    actor = PersonSerializer()

    class Meta:
        model = Review
        fields = ["action", "actor", "comment", "created_at"]


class SheetSummarySerializer(serializers.ModelSerializer):
    industry = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    preset = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    owner = PersonSerializer()
    hiring_manager = PersonSerializer(allow_null=True)
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    class Meta:
        model = RequirementSheet
        fields = [
            "id",
            "url",
            "html_url",
            "title",
            "language",
            "status",
            "version",
            "industry",
            "preset",
            "role_title",
            "department",
            "headcount",
            "location",
            "schedule",
            "salary_min",
            "salary_max",
            "salary_period",
            "owner",
            "hiring_manager",
            "revision_of",
            "created_at",
            "updated_at",
        ]

    def get_url(self, obj) -> str:
        path = reverse("api:sheet-detail", args=[obj.pk])
        return absolute(path, self.context.get("request"))

    def get_html_url(self, obj) -> str:
        return absolute(reverse("sheets:detail", args=[obj.pk]), self.context.get("request"))


class DocumentLinksSerializer(serializers.Serializer):
    sheet_pdf = serializers.URLField()
    sheet_html = serializers.URLField()
    posting_pdf = serializers.URLField()
    posting_html = serializers.URLField()
    posting_text = serializers.URLField()
    scorecard_pdf = serializers.URLField()
    scorecard_html = serializers.URLField()
    sheet_xlsx = serializers.URLField()


class SheetDetailSerializer(SheetSummarySerializer):
    challenges = serializers.ListField(
        child=serializers.CharField(), source="challenge_slugs", read_only=True
    )
    items = serializers.SerializerMethodField()
    posting = serializers.SerializerMethodField()
    quality = serializers.SerializerMethodField()
    reviews = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()

    class Meta(SheetSummarySerializer.Meta):
        fields = [
            *SheetSummarySerializer.Meta.fields,
            "challenges",
            "items",
            "posting",
            "quality",
            "reviews",
            "documents",
        ]

    def _items(self, obj) -> list[SheetItem]:
        # Loaded once (methods prefetched) for the item list and the quality check.
        if not hasattr(obj, "_api_items"):
            obj._api_items = list(sheet_items(sheet=obj))
        return obj._api_items

    @extend_schema_field(ItemSerializer(many=True))
    def get_items(self, obj):
        return ItemSerializer(self._items(obj), many=True).data

    @extend_schema_field(PostingSerializer(allow_null=True))
    def get_posting(self, obj):
        posting = getattr(obj, "posting", None)
        return PostingSerializer(posting).data if posting is not None else None

    @extend_schema_field(QualitySerializer)
    def get_quality(self, obj):
        report = check_sheet(sheet=obj, items=self._items(obj))
        return {
            "score": report.score,
            "has_errors": report.has_errors,
            "findings": [
                {
                    "rule": f.rule,
                    "severity": str(f.severity),
                    "message": str(f.message),
                    "suggestion": str(f.suggestion),
                    "field": f.field,
                    "item_id": f.item_id,
                    "step": f.step,
                    "basis": str(f.basis),
                }
                for f in report.findings
            ],
        }

    @extend_schema_field(ReviewSerializer(many=True))
    def get_reviews(self, obj):
        return ReviewSerializer(sheet_reviews(sheet=obj), many=True).data

    @extend_schema_field(DocumentLinksSerializer)
    def get_documents(self, obj):
        request = self.context.get("request")
        return {
            name: absolute(reverse(url_name, args=[obj.pk]), request)
            for name, url_name in DOCUMENT_URLS.items()
        }


def sheet_representation(*, sheet: RequirementSheet, request=None) -> dict:
    """A sheet as the API shows it: the body of GET /api/v1/sheets/{id}/ and of every webhook."""
    sheet = (
        RequirementSheet.objects.select_related(
            "industry", "owner", "hiring_manager", "preset", "posting"
        )
        .defer("wizard_state")
        .get(pk=sheet.pk)
    )
    return SheetDetailSerializer(sheet, context={"request": request}).data


# --- input (described for the schema; validated by the pages' forms) -------------------------


class SheetBasicsInput(serializers.Serializer):
    title = serializers.CharField(max_length=max_length(RequirementSheet, "title"))
    role_title = serializers.CharField(max_length=max_length(RequirementSheet, "role_title"))
    department = serializers.CharField(
        max_length=max_length(RequirementSheet, "department"), required=False, allow_blank=True
    )
    headcount = serializers.IntegerField(min_value=1, max_value=HEADCOUNT_MAX, required=False)
    location = serializers.CharField(max_length=max_length(RequirementSheet, "location"))
    schedule = serializers.CharField(
        max_length=max_length(RequirementSheet, "schedule"), required=False, allow_blank=True
    )
    salary_min = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    salary_max = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    salary_period = serializers.ChoiceField(
        choices=RequirementSheet.SalaryPeriod.choices, required=False
    )
    hiring_manager = serializers.CharField(help_text="The manager's username.")


class SheetCreateInput(SheetBasicsInput):
    preset = serializers.CharField(help_text="The slug of an active preset.")
    challenges = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        max_length=CoreChallenge.MAX_PER_SHEET,
        help_text=f"Slugs of up to {CoreChallenge.MAX_PER_SHEET} core challenges; "
        "the items are adjusted for them.",
    )


class SheetUpdateInput(serializers.Serializer):
    version = serializers.IntegerField(help_text="The sheet's version as last read.")
    preset = serializers.CharField(required=False)
    title = serializers.CharField(max_length=max_length(RequirementSheet, "title"), required=False)
    role_title = serializers.CharField(
        max_length=max_length(RequirementSheet, "role_title"), required=False
    )
    department = serializers.CharField(
        max_length=max_length(RequirementSheet, "department"), required=False, allow_blank=True
    )
    headcount = serializers.IntegerField(min_value=1, max_value=HEADCOUNT_MAX, required=False)
    location = serializers.CharField(
        max_length=max_length(RequirementSheet, "location"), required=False
    )
    schedule = serializers.CharField(
        max_length=max_length(RequirementSheet, "schedule"), required=False, allow_blank=True
    )
    salary_min = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    salary_max = serializers.IntegerField(min_value=0, required=False, allow_null=True)
    salary_period = serializers.ChoiceField(
        choices=RequirementSheet.SalaryPeriod.choices, required=False
    )
    hiring_manager = serializers.CharField(required=False)
    replace_items = serializers.BooleanField(required=False)
    retitle = serializers.ChoiceField(choices=["keep", "replace"], required=False)


class PostingUpdateInput(serializers.Serializer):
    version = serializers.IntegerField(help_text="The sheet's version as last read.")
    headline = serializers.CharField(
        max_length=max_length(JobPosting, "headline"), required=False, allow_blank=True
    )
    summary = serializers.CharField(
        max_length=max_length(JobPosting, "summary"), required=False, allow_blank=True
    )
    responsibilities = serializers.CharField(
        max_length=max_length(JobPosting, "responsibilities"),
        required=False,
        allow_blank=True,
        help_text="One per line.",
    )
    process_steps = serializers.CharField(
        max_length=max_length(JobPosting, "process_steps"), required=False, allow_blank=True
    )
    screening_questions = serializers.CharField(
        max_length=max_length(JobPosting, "screening_questions"), required=False, allow_blank=True
    )
    benefits = serializers.CharField(
        max_length=max_length(JobPosting, "benefits"), required=False, allow_blank=True
    )
    how_to_apply = serializers.CharField(
        max_length=max_length(JobPosting, "how_to_apply"), required=False, allow_blank=True
    )


class DecisionInput(serializers.Serializer):
    version = serializers.IntegerField(help_text="The sheet's version the reviewer read.")
    comment = serializers.CharField(
        max_length=max_length(Review, "comment"), required=False, allow_blank=True
    )


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField(required=False)
    instance = serializers.CharField(required=False)
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False
    )
