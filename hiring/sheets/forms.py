import copy

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MaxValueValidator
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hiring.accounts.names import display_name
from hiring.accounts.permissions import REVIEW_SHEETS
from hiring.catalog.models import (
    AssessmentMethod,
    CoreChallenge,
    Industry,
    Preset,
    Priority,
    ScreeningTerm,
)
from hiring.common.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from hiring.common.models import max_length
from hiring.common.translated import content_language

from .models import SALARY_IN_ORDER, JobPosting, RequirementSheet, Review, SheetItem
from .screening import protected_findings, protected_message
from .services import SCORECARD_FIELDS, generic_scorecard
from .services.screening import QUESTION_MAX, TERM_MAX


class PresetChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.industry.name} · {obj.name}"


class ManagerChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


def preset_title(preset: Preset) -> str:
    """The sheet title a preset suggests, in the active language (the sheet's)."""
    return _("%(role)s 招聘需求") % {"role": preset.role_title}


# The largest value of a PositiveIntegerField column on PostgreSQL; checked on every database.
INTEGER_MAX = 2_147_483_647
# An item's position in its step, as the order field offers it.
ORDER_MAX = 999
# Openings of one sheet.
HEADCOUNT_MAX = 999


class ChallengeChoiceField(BoundedModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} · {obj.description}" if obj.description else obj.name

    def clean(self, value):
        challenges = super().clean(value)
        if len(challenges) > CoreChallenge.MAX_PER_SHEET:
            raise forms.ValidationError(
                _("最多选择 %(count)d 个核心挑战。"),
                code="too_many",
                params={"count": CoreChallenge.MAX_PER_SHEET},
            )
        return challenges


class BasicsForm(forms.ModelForm):
    preset = PresetChoiceField(
        label=pgettext_lazy("one", "行业模板"),
        queryset=Preset.objects.filter(is_active=True).select_related("industry"),
        empty_label=None,
    )
    challenges = ChallengeChoiceField(
        label=_("核心挑战"),
        queryset=CoreChallenge.objects.filter(is_active=True),
        to_field_name="slug",
        required=False,
        help_text=_("可选，最多 3 个：团队当前最头疼的问题，需求表会据此调整条目并写明理由。"),
        widget=forms.SelectMultiple(
            attrs={
                "class": "challenge-select",
                # The picker points the <label> at its own input: the hidden select keeps a name.
                "aria-label": _("核心挑战"),
                "data-max-items": CoreChallenge.MAX_PER_SHEET,
                "data-placeholder": _("搜索或选择核心挑战"),
            }
        ),
    )
    confirm_challenges = forms.BooleanField(
        label=_("我确认按新的核心挑战调整上面列出的条目（已编辑的内容会被替换）"),
        required=False,
    )
    headcount = forms.IntegerField(
        label=_("招聘人数"), min_value=1, max_value=HEADCOUNT_MAX, initial=1
    )
    hiring_manager = ManagerChoiceField(
        label=_("用人经理"),
        # Whoever holds the review permission, directly or through the role.
        queryset=get_user_model().objects.with_perm(
            REVIEW_SHEETS,
            include_superusers=False,
            backend="django.contrib.auth.backends.ModelBackend",
        ),
        help_text=_("提交后由这位经理审批。"),
    )
    replace_items = forms.BooleanField(
        label=_("我确认用新模板的条目替换已编辑的条目"),
        required=False,
    )
    retitle = forms.ChoiceField(
        label=_("标题和岗位名称"),
        choices=[
            ("keep", _("保留我填写的标题和岗位名称")),
            ("replace", _("换成新模板的标题和岗位名称")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )

    class Meta:
        model = RequirementSheet
        fields = ["title", "preset", "challenges", *RequirementSheet.BASIC_FIELDS[1:]]
        widgets = {
            "schedule": forms.TextInput(attrs={"placeholder": _("如：做六休一，早晚班轮换")}),
            "location": forms.TextInput(attrs={"placeholder": _("如：杭州市余杭区")}),
        }

    def __init__(self, *args, items_edited: bool = False, challenge_changes=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Model validation writes the posted values into the instance: keep the caller's
        # sheet as saved, so the service still sees which preset it had.
        self.instance = copy.copy(self.instance)
        self.items_edited = items_edited
        self.fields["location"].required = True
        for name in ["salary_min", "salary_max"]:
            self.fields[name].validators.append(MaxValueValidator(INTEGER_MAX))
            self.fields[name].widget.attrs["max"] = INTEGER_MAX
        managers = list(self.fields["hiring_manager"].queryset[:2])
        if not self.instance.pk and len(managers) == 1:
            self.fields["hiring_manager"].initial = managers[0].pk
        if not (self.instance.pk and items_edited):
            del self.fields["replace_items"]
        elif not self._changes_preset():
            # Asked only once another preset is picked: site.js shows it then.
            self.fields["replace_items"].widget.attrs["data-shown-if-preset-is-not"] = str(
                self.instance.preset_id or ""
            )
        if not self._changes_preset():
            del self.fields["retitle"]
        # What new challenges would change, for the page that asks first: a callable of the
        # picked challenges (see `services.sheet_challenge_changes`), for a saved sheet only.
        self.challenge_changes = challenge_changes
        self.challenge_preview = []
        if not self._preview_challenges():
            del self.fields["confirm_challenges"]

    def _preview_challenges(self) -> bool:
        """Lists what the posted challenges would change; True when an affected item was
        edited, so the author must confirm."""
        if not (self.is_bound and self.instance.pk and self.challenge_changes):
            return False
        if self._changes_preset():
            return False  # a new preset rebuilds every item, and asks on its own
        field = self.fields["challenges"]
        slugs = self.data.getlist(self.add_prefix("challenges"))
        try:
            challenges = field.clean(slugs)
        except forms.ValidationError:
            return False
        self.challenge_preview = self.challenge_changes(list(challenges))
        return any(change.edited for change in self.challenge_preview)

    def _changes_preset(self) -> bool:
        if not (self.is_bound and self.instance.pk and self.instance.preset_id):
            return False
        return self.data.get(self.add_prefix("preset")) != str(self.instance.preset_id)

    def _follow_preset_titles(self, cleaned: dict, preset: Preset) -> None:
        """Title and role still as the old preset suggested follow the new preset; ones the
        user wrote are replaced only when they say so."""
        old = self.instance.preset
        # What each preset suggests for a sheet in this sheet's language.
        with content_language(self.instance.language):
            suggested_before = {"title": preset_title(old), "role_title": old.role_title}
            suggested_now = {"title": preset_title(preset), "role_title": preset.role_title}
        edited = [
            name
            for name in suggested_now
            if cleaned.get(name) not in (suggested_before[name], suggested_now[name])
        ]
        choice = cleaned.get("retitle")
        if edited and not choice:
            self.add_error(
                "retitle",
                _("你改过标题或岗位名称。更换为「%(preset)s」后，请选择保留还是换成新模板的。")
                % {"preset": preset.name},
            )
            return
        for name, value in suggested_now.items():
            if name not in edited or choice == "replace":
                cleaned[name] = value

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("salary_min"), cleaned.get("salary_max")
        if (
            low is not None
            and high is not None
            and not SALARY_IN_ORDER.check({"salary_min": low, "salary_max": high})
        ):
            self.add_error("salary_max", _("薪资上限不能低于下限。"))
        preset = cleaned.get("preset")
        if (
            self.instance.pk
            and self.items_edited
            and preset is not None
            and preset.pk != self.instance.preset_id
            and not cleaned.get("replace_items")
        ):
            self.add_error(
                "replace_items",
                _("更换模板会用「%(preset)s」的条目替换你已编辑的条目。确认替换请勾选此项。")
                % {"preset": preset.name},
            )
        if "retitle" in self.fields and preset is not None:
            self._follow_preset_titles(cleaned, preset)
        if "confirm_challenges" in self.fields and not cleaned.get("confirm_challenges"):
            self.add_error(
                "confirm_challenges",
                _("新的核心挑战会调整上面列出的条目，其中有你编辑过的。确认调整请勾选此项。"),
            )
        return cleaned


class SheetItemForm(forms.ModelForm):
    """One item row of a category step; rows added on the page are custom items.

    The page renders these fields by hand (a compact row each) and sets `order` itself when
    rows are dragged or moved, so `order` and the keep box never make a row count as typed in.
    """

    # What makes a new row an item: the page fills `order` and ticks `included` by itself.
    TYPED_FIELDS = ("name", "requirement", "priority", "methods")

    methods = BoundedModelMultipleChoiceField(
        label=_("评估方式"), queryset=AssessmentMethod.objects.all(), required=False
    )
    # Set by the row's 删除此行 button on a saved custom item (library items are switched off).
    delete = forms.BooleanField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = SheetItem
        fields = [
            "included",
            "name",
            "requirement",
            "priority",
            "methods",
            "order",
            *SCORECARD_FIELDS,
        ]
        widgets = {"order": forms.HiddenInput}
        field_classes = {"priority": BoundedModelChoiceField}

    def __init__(self, *args, method_choices=None, priority_choices=None, language=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices are computed once per formset, not once per row.
        if method_choices is not None:
            self.fields["methods"].choices = method_choices
        if priority_choices is not None:
            self.fields["priority"].choices = priority_choices
        self.fields["order"].required = False
        if self.instance.pk is None:
            self.fields["included"].initial = True
            # A custom item starts with a generic rating scale that its author can rewrite,
            # in the sheet's language.
            with content_language(language or translation.get_language()):
                scorecard = generic_scorecard()
            for name, text in scorecard.items():
                self.initial.setdefault(name, text)
        self.fields["order"].validators.append(MaxValueValidator(ORDER_MAX))

    def has_changed(self):
        if self.instance.pk is None:
            return any(name in self.changed_data for name in self.TYPED_FIELDS)
        return super().has_changed()

    def clean_order(self):
        return self.cleaned_data.get("order") or 0

    @property
    def selected_methods(self) -> set[str]:
        return {str(value) for value in self["methods"].value() or ()}

    @property
    def anchor_fields(self) -> list:
        return [self["anchor_1"], self["anchor_3"], self["anchor_5"]]

    @property
    def is_kept(self) -> bool:
        return bool(self["included"].value())


class BaseItemFormSet(forms.BaseModelFormSet):
    """The rows of one category step of a sheet whose content is in `language`: the priority
    and method names its rows offer are in that language, as the sheet shows them."""

    def __init__(self, *args, language: str, **kwargs):
        self.language = language
        super().__init__(*args, **kwargs)

    # Read on first use, once per formset, not once per row: a step page served from the
    # cache never builds its rows, so it never reads these.
    @cached_property
    def method_choices(self) -> list[tuple[str, str]]:
        with content_language(self.language):
            return [(str(m.pk), m.name) for m in AssessmentMethod.objects.all()]

    @cached_property
    def priority_choices(self) -> list[tuple[str, str]]:
        with content_language(self.language):
            return [(str(p.pk), p.name) for p in Priority.objects.all()]

    def get_form_kwargs(self, index):
        return {
            **super().get_form_kwargs(index),
            "method_choices": self.method_choices,
            "priority_choices": [("", "---------"), *self.priority_choices],
            "language": self.language,
        }

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # Only rows of this sheet and step may be posted back; a foreign id is an error.
        form.fields["id"].queryset = self.get_queryset()


# No blank row is rendered: "添加自定义条目" on the page inserts one from the empty form.
# A posted row count past max_num is refused with no more rows built than that (Django would
# otherwise build, check and show up to a thousand more before refusing it).
ItemFormSet = forms.modelformset_factory(
    SheetItem,
    form=SheetItemForm,
    formset=BaseItemFormSet,
    extra=0,
    max_num=300,
    absolute_max=300,
)


def category_step_form(category_slug: str) -> type:
    """A formset class per category step, so formtools can tell the steps apart."""
    return type(f"ItemFormSet_{category_slug}", (ItemFormSet,), {"category_slug": category_slug})


class PostingForm(forms.ModelForm):
    class Meta:
        model = JobPosting
        fields = JobPosting.EDITABLE_FIELDS
        widgets = {
            field: forms.Textarea(attrs={"rows": rows})
            for field, rows in [
                ("summary", 3),
                ("responsibilities", 6),
                ("process_steps", 5),
                ("screening_questions", 3),
                ("benefits", 4),
                ("how_to_apply", 2),
            ]
        }


class ReviewForm(forms.Form):
    """The review step has nothing to type; finishing it completes the wizard."""


class DuplicateForm(forms.Form):
    title = forms.CharField(
        label=_("新需求表标题"), max_length=max_length(RequirementSheet, "title")
    )


class ReviewDecisionForm(forms.Form):
    # The version the reviewer read: a decision never applies to content they did not see.
    sheet_version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("审批结果"),
        choices=[("approve", _("批准")), ("return", _("退回修改"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("意见"),
        required=False,
        max_length=max_length(Review, "comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "return" and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("退回时请写明需要修改的地方。"))
        return cleaned


class SheetFilterForm(forms.Form):
    """The sheet list's query string; a value it cannot use is left out, never an error."""

    status = forms.ChoiceField(choices=RequirementSheet.Status.choices, required=False)
    industry = forms.SlugField(max_length=max_length(Industry, "slug"), required=False)
    q = forms.CharField(required=False)

    def filters(self) -> dict:
        self.is_valid()
        filters = {
            name: "" if name in self.errors else self.cleaned_data.get(name) or ""
            for name in ["status", "industry", "q"]
        }
        filters["q"] = filters["q"][:100]
        return filters


# --- the screening kit (初筛条件) ------------------------------------------------------------


def _refuse_protected(value: str) -> None:
    if findings := protected_findings(value):
        raise forms.ValidationError(protected_message(findings), code="protected")


SMALL_SELECT = {"class": "form-select form-select-sm"}
SMALL_INPUT = {"class": "form-control form-control-sm"}


class KitKeywordForm(forms.Form):
    group = forms.ChoiceField(
        label=_("分组"),
        choices=ScreeningTerm.Group.choices,
        widget=forms.Select(attrs=SMALL_SELECT),
    )
    term = forms.CharField(
        label=_("关键词"),
        max_length=TERM_MAX,
        validators=[_refuse_protected],
        widget=forms.TextInput(attrs=SMALL_INPUT),
    )
    required = forms.BooleanField(label=_("必须具备"), required=False)


class KitKnockoutForm(forms.Form):
    question = forms.CharField(
        label=_("一票否决问题（是/否）"),
        max_length=QUESTION_MAX,
        validators=[_refuse_protected],
        widget=forms.Textarea(attrs={"rows": 2, **SMALL_INPUT}),
    )


class KitTestForm(forms.Form):
    method = forms.ChoiceField(label=_("测评"), widget=forms.Select(attrs=SMALL_SELECT))
    min_score = forms.IntegerField(
        label=_("达标分数（满分100）"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs=SMALL_INPUT),
    )

    def __init__(self, *args, method_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = method_choices


class KitFormSet(forms.BaseFormSet):
    """Rows carry where they came from (`sources`) as initial data, kept when saved."""

    def entry_forms(self) -> list:
        """The rows that are entries: filled in, not deleted."""
        return [
            form
            for form in self.forms
            if (form.has_changed() or form.initial)
            and not (self.can_delete and self._should_delete_form(form))
        ]

    def entries(self) -> list[dict]:
        rows = []
        for form in self.entry_forms():
            row = {**form.cleaned_data, "sources": form.initial.get("sources", [])}
            row.pop("DELETE", None)
            rows.append(row)
        return rows


KeywordFormSet = forms.formset_factory(
    KitKeywordForm, formset=KitFormSet, extra=1, can_delete=True, max_num=100
)
KnockoutFormSet = forms.formset_factory(
    KitKnockoutForm, formset=KitFormSet, extra=1, can_delete=True, max_num=50
)
TestFormSet = forms.formset_factory(
    KitTestForm, formset=KitFormSet, extra=1, can_delete=True, max_num=20
)


class ScreeningKitForms:
    """The kit page's three formsets, bound or filled from a kit."""

    def __init__(self, *, kit, data=None):
        methods = AssessmentMethod.objects.filter(stage=AssessmentMethod.Stage.TEST)
        method_choices = [("", "---------"), *[(m.slug, m.name) for m in methods]]
        self.keywords = KeywordFormSet(data, prefix="keywords", initial=kit.keywords)
        self.knockouts = KnockoutFormSet(data, prefix="knockouts", initial=kit.knockouts)
        self.tests = TestFormSet(
            data,
            prefix="tests",
            initial=kit.tests,
            form_kwargs={"method_choices": method_choices},
        )

    @property
    def formsets(self):
        return [self.keywords, self.knockouts, self.tests]

    def is_valid(self) -> bool:
        return all([formset.is_valid() for formset in self.formsets])

    def error_list(self) -> list[tuple[str, str, str]]:
        """(label, message, field id) of every error, for the summary at the top."""
        entries = []
        for formset in self.formsets:
            if not formset.is_bound:
                continue
            for form in formset.forms:
                for name, messages in form.errors.items():
                    field = form[name] if name in form.fields else None
                    label = str(field.label) if field is not None else ""
                    anchor = field.auto_id if field is not None else ""
                    entries.extend((label, str(message), anchor) for message in messages)
        return entries

    def add_errors(self, errors: dict[str, str]) -> None:
        """Puts the service's refusals ("section-index-field") next to their fields."""
        for key, message in errors.items():
            section, index, field = key.split("-", 2)
            getattr(self, section).entry_forms()[int(index)].add_error(field, message)
