"""Users' data: requirement sheets, their items and the job posting derived from them."""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from hiring.catalog.models import (
    AssessmentMethod,
    Capability,
    CapabilityCategory,
    Industry,
    Preset,
    Priority,
    split_lines,
)
from hiring.common.models import TimeStampedModel
from hiring.quality.snapshot import SheetSnapshot

from .challenges import ChallengeSnapshot, challenges_by_slugs

# The salary rule, stated once: the database enforces it and the form checks it with it.
SALARY_IN_ORDER = (
    Q(salary_min__isnull=True) | Q(salary_max__isnull=True) | Q(salary_min__lte=F("salary_max"))
)


PERIOD_UNITS = {"month": _("月"), "year": _("年"), "day": _("天"), "hour": _("小时")}


class RequirementSheet(TimeStampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("待审批")
        APPROVED = "approved", _("已批准")
        RETURNED = "returned", _("已退回")
        ARCHIVED = "archived", _("已归档")

    class SalaryPeriod(models.TextChoices):
        MONTH = "month", _("每月")
        YEAR = "year", _("每年")
        DAY = "day", _("每天")
        HOUR = "hour", _("每小时")

    EDITABLE_STATUSES = (Status.DRAFT, Status.RETURNED)
    # What the basics step edits, in the order the form shows it (less the preset).
    BASIC_FIELDS = (
        "title",
        "role_title",
        "department",
        "headcount",
        "location",
        "schedule",
        "salary_min",
        "salary_max",
        "salary_period",
        "hiring_manager",
    )

    title = models.CharField(_("标题"), max_length=120)
    # The language of the sheet's own content (items, posting, the catalog names it shows):
    # its author's when it was created, whoever reads it later.
    language = models.CharField(
        _("内容语言"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        editable=False,
    )
    preset = models.ForeignKey(
        Preset,
        # One preset (the same Chinese word names the list of them in English: "presets").
        verbose_name=pgettext_lazy("one", "行业模板"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sheets",
    )
    preset_applied_at = models.DateTimeField(_("模板应用时间"), null=True, blank=True)
    industry = models.ForeignKey(
        Industry, verbose_name=_("行业"), on_delete=models.PROTECT, related_name="sheets"
    )
    role_title = models.CharField(_("岗位名称"), max_length=80)
    department = models.CharField(_("部门"), max_length=80, blank=True)
    headcount = models.PositiveSmallIntegerField(_("招聘人数"), default=1)
    location = models.CharField(_("工作地点"), max_length=120, blank=True)
    schedule = models.CharField(_("工作时间"), max_length=200, blank=True)
    salary_min = models.PositiveIntegerField(_("薪资下限"), null=True, blank=True)
    salary_max = models.PositiveIntegerField(_("薪资上限"), null=True, blank=True)
    salary_period = models.CharField(
        _("薪资周期"), max_length=10, choices=SalaryPeriod.choices, default=SalaryPeriod.MONTH
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("负责人"),
        on_delete=models.PROTECT,
        related_name="sheets_owned",
    )
    hiring_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用人经理"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sheets_to_review",
    )
    status = models.CharField(
        _("状态"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    version = models.PositiveIntegerField(_("版本号"), default=1)
    last_step = models.CharField(_("最后编辑步骤"), max_length=20, default="basics")
    wizard_state = models.JSONField(_("向导未完成的输入"), default=dict, blank=True)
    # The core challenges (核心挑战) picked for the sheet, as catalog slugs: a plain field, so
    # history, revisions and reverts carry them like the sheet's other fields.
    challenge_slugs = models.JSONField(_("核心挑战"), default=list, blank=True)
    revision_of = models.ForeignKey(
        "self",
        verbose_name=_("修订自"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
    )

    history = HistoricalRecords(excluded_fields=["wizard_state"])

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("招聘需求表")
        verbose_name_plural = _("招聘需求表")
        # Hiring managers hold it; HR staff hold the model's change permission.
        permissions = [("review_requirementsheet", "Can review (approve or return) sheets")]
        constraints = [
            models.CheckConstraint(condition=SALARY_IN_ORDER, name="sheet_salary_min_lte_max"),
            models.CheckConstraint(condition=Q(headcount__gte=1), name="sheet_headcount_gte_1"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def salary_display(self) -> str:
        if self.salary_min is None and self.salary_max is None:
            return ""
        if self.salary_min is not None and self.salary_max is not None:
            amount = f"{self.salary_min:,}–{self.salary_max:,}"
        elif self.salary_min is not None:
            amount = _("%(amount)s 起") % {"amount": f"{self.salary_min:,}"}
        else:
            amount = _("最高 %(amount)s") % {"amount": f"{self.salary_max:,}"}
        return _("%(amount)s 元/%(period)s") % {
            "amount": amount,
            "period": PERIOD_UNITS[self.salary_period],
        }

    @cached_property
    def challenges(self) -> list:
        """The sheet's core challenges that the catalog still has, in the catalog's order."""
        return challenges_by_slugs(self.challenge_slugs)

    def quality_snapshot(self, items: Iterable["SheetItem"] | None = None) -> SheetSnapshot:
        """What the quality check reads of this sheet: its kept items (`items` when the caller
        loaded them already, methods prefetched) and its posting."""
        if items is None:
            items = self.items.with_details().filter(included=True)
        return ChallengeSnapshot(
            sheet=self,
            items=[item for item in items if item.included],
            posting=getattr(self, "posting", None),
            challenges=self.challenges,
        )


class SheetItemQuerySet(models.QuerySet):
    def with_details(self) -> "SheetItemQuerySet":
        """With the category, priority, capability and methods that pages, documents and the
        quality check show of each item, loaded in two queries for any number of items."""
        return self.select_related("category", "priority", "capability").prefetch_related("methods")


class SheetItem(TimeStampedModel):
    sheet = models.ForeignKey(
        RequirementSheet, verbose_name=_("需求表"), on_delete=models.CASCADE, related_name="items"
    )
    category = models.ForeignKey(
        CapabilityCategory, verbose_name=_("类别"), on_delete=models.PROTECT, related_name="+"
    )
    capability = models.ForeignKey(
        Capability,
        verbose_name=_("来源能力项"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("留空表示自定义条目。"),
    )
    name = models.CharField(_("关键项"), max_length=60)
    requirement = models.TextField(_("具体要求"), max_length=2000)
    priority = models.ForeignKey(
        Priority, verbose_name=_("优先级"), on_delete=models.PROTECT, related_name="+"
    )
    methods = models.ManyToManyField(
        AssessmentMethod, verbose_name=_("评估方式"), blank=True, related_name="+"
    )
    included = models.BooleanField(_("保留"), default=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    # The scorecard's questions and rating anchors for this item: copied from the capability
    # (only what fits the sheet's industry) when the item is added, then the sheet's own.
    interview_prompts = models.TextField(
        _("面试问题"), max_length=4000, blank=True, help_text=_("每行一个问题。")
    )
    anchor_1 = models.TextField(_("1分表现"), max_length=1000, blank=True)
    anchor_3 = models.TextField(_("3分表现"), max_length=1000, blank=True)
    anchor_5 = models.TextField(_("5分表现"), max_length=1000, blank=True)
    # What the sheet's core challenges did to this item and why, one line per challenge.
    challenge_note = models.TextField(_("核心挑战调整"), max_length=2000, blank=True)

    history = HistoricalRecords(m2m_fields=[methods])

    objects = SheetItemQuerySet.as_manager()

    # An item's content as attnames, for comparing, copying and restoring it (methods aside).
    CONTENT_FIELDS = (
        "category_id",
        "capability_id",
        "name",
        "requirement",
        "priority_id",
        "included",
        "order",
        "interview_prompts",
        "anchor_1",
        "anchor_3",
        "anchor_5",
        "challenge_note",
    )

    class Meta:
        ordering = ["category__order", "order", "pk"]
        verbose_name = _("需求条目")
        verbose_name_plural = _("需求条目")
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "capability"],
                condition=Q(capability__isnull=False),
                name="sheetitem_one_per_capability",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def prompt_list(self) -> list[str]:
        return split_lines(self.interview_prompts)

    @property
    def challenge_notes(self) -> list[str]:
        return split_lines(self.challenge_note)


class JobPosting(TimeStampedModel):
    """The public text derived from a sheet; requirements come from the items at render time."""

    sheet = models.OneToOneField(
        RequirementSheet, verbose_name=_("需求表"), on_delete=models.CASCADE, related_name="posting"
    )
    headline = models.CharField(_("职位标题"), max_length=120, blank=True)
    summary = models.TextField(_("职位概述"), max_length=2000, blank=True)
    responsibilities = models.TextField(
        _("岗位职责"), max_length=5000, blank=True, help_text=_("每行一条。")
    )
    benefits = models.TextField(
        _("薪资福利"), max_length=2000, blank=True, help_text=_("每行一条。")
    )
    process_steps = models.TextField(
        _("招聘流程"), max_length=1000, blank=True, help_text=_("每行一个环节，按先后顺序。")
    )
    screening_questions = models.TextField(
        _("必答题"), max_length=2000, blank=True, help_text=_("每行一个问题。")
    )
    how_to_apply = models.TextField(_("应聘方式"), max_length=1000, blank=True)

    history = HistoricalRecords()

    EDITABLE_FIELDS = (
        "headline",
        "summary",
        "responsibilities",
        "process_steps",
        "screening_questions",
        "benefits",
        "how_to_apply",
    )

    class Meta:
        verbose_name = _("职位发布")
        verbose_name_plural = _("职位发布")

    def __str__(self):
        return self.headline or str(self.sheet)

    @property
    def responsibility_list(self) -> list[str]:
        return split_lines(self.responsibilities)

    @property
    def benefit_list(self) -> list[str]:
        return split_lines(self.benefits)

    @property
    def process_step_list(self) -> list[str]:
        return split_lines(self.process_steps)

    @property
    def screening_question_list(self) -> list[str]:
        return split_lines(self.screening_questions)


class Review(TimeStampedModel):
    """One step of the approval workflow: who moved the sheet, when, and what they said."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("提交审批")
        APPROVED = "approved", _("批准")
        RETURNED = "returned", _("退回修改")
        REVISION = "revision", _("创建新修订")
        REVERTED = "reverted", _("恢复到早先版本")
        ARCHIVED = "archived", _("归档")

    sheet = models.ForeignKey(
        RequirementSheet, verbose_name=_("需求表"), on_delete=models.CASCADE, related_name="reviews"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("操作"), max_length=20, choices=Action.choices)
    comment = models.TextField(_("意见"), max_length=2000, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("审批记录")
        verbose_name_plural = _("审批记录")

    def __str__(self):
        return f"{self.sheet} · {self.get_action_display()}"


class ScreeningKit(TimeStampedModel):
    """The sheet's first filter (初筛条件) as the sheet's owner saved it; until then, the kit
    is derived from the sheet each time it is shown (see `screening.derive_kit`). The
    screening questions are the posting's, so they have one owner."""

    sheet = models.OneToOneField(
        RequirementSheet,
        verbose_name=_("需求表"),
        on_delete=models.CASCADE,
        related_name="screening_kit",
    )
    # Lists of plain objects, laid out as docs/screening-kit.schema.json describes.
    keywords = models.JSONField(_("关键词"), default=list, blank=True)
    knockouts = models.JSONField(_("一票否决问题"), default=list, blank=True)
    tests = models.JSONField(_("须通过的测评"), default=list, blank=True)

    history = HistoricalRecords()

    CONTENT_FIELDS = ("keywords", "knockouts", "tests")

    class Meta:
        verbose_name = _("初筛条件")
        verbose_name_plural = _("初筛条件")

    def __str__(self):
        return str(self.sheet)
