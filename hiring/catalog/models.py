"""The capability library that admins maintain and that every sheet starts from."""

import re
from collections.abc import Iterable

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hiring.common.models import SlugNaturalKeyModel, TimeStampedModel


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# A part of a prompt or anchor meant for one industry starts with its name in brackets:
# "(金融)客户询问…", "【SaaS】理解…". Several such parts may share a line, separated by ";".
_TAG = re.compile(r"^\s*[(（【\[]\s*([^)）】\]]{1,20}?)\s*[)）】\]]")
_PART_SEPARATOR = re.compile(r"[;；]\s*(?=[(（【\[])")


def text_for_industry(text: str, *, industry_name: str, industry_names: Iterable[str]) -> str:
    """`text` without the lines and parts tagged for another industry.

    Only tags naming a known industry count: "【内容型】" is part of the text, not a filter.
    """
    others = {name.casefold() for name in industry_names} - {industry_name.casefold()}
    lines = []
    for line in text.splitlines():
        if not line.strip():
            continue
        parts = [
            part
            for part in _PART_SEPARATOR.split(line.strip())
            if not ((tag := _TAG.match(part)) and tag.group(1).casefold() in others)
        ]
        if parts:
            lines.append(";".join(parts))
    return "\n".join(lines)


class Industry(SlugNaturalKeyModel):
    name = models.CharField(_("名称"), max_length=50, unique=True)
    focus = models.CharField(
        _("行业侧重"),
        max_length=200,
        blank=True,
        help_text=_("该行业对客服最看重的方面。"),
    )
    description = models.TextField(_("说明"), blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("行业")
        verbose_name_plural = _("行业")

    def __str__(self):
        return self.name


class CapabilityCategory(SlugNaturalKeyModel):
    name = models.CharField(_("名称"), max_length=50, unique=True)
    description = models.TextField(_("说明"), blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("能力类别")
        verbose_name_plural = _("能力类别")

    def __str__(self):
        return self.name


class Priority(SlugNaturalKeyModel):
    name = models.CharField(_("名称"), max_length=20, unique=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0, help_text=_("数字越小越重要。"))
    weight = models.PositiveSmallIntegerField(
        _("权重"), default=1, help_text=_("该项在面试评分表中的权重。")
    )
    is_knockout = models.BooleanField(
        _("一票否决"),
        default=False,
        help_text=_("不满足即淘汰，其他条件再好也不录用。"),
    )
    description = models.CharField(_("说明"), max_length=200, blank=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("优先级")
        verbose_name_plural = _("优先级")
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=0) & Q(weight__lte=100),
                name="priority_weight_0_100",
            ),
        ]

    def __str__(self):
        return self.name


class AssessmentMethod(SlugNaturalKeyModel):
    class Stage(models.TextChoices):
        SCREENING = "screening", _("初筛")
        TEST = "test", _("测评")
        INTERVIEW = "interview", _("面试")
        PRE_OFFER = "pre_offer", _("录用前")

    name = models.CharField(_("名称"), max_length=30, unique=True)
    stage = models.CharField(_("招聘环节"), max_length=20, choices=Stage.choices)
    on_scorecard = models.BooleanField(
        _("列入面试评分表"),
        default=False,
        help_text=_("用此方式评估的条目由面试官打分。"),
    )
    description = models.CharField(_("说明"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("评估方式")
        verbose_name_plural = _("评估方式")

    def __str__(self):
        return self.name


class Capability(SlugNaturalKeyModel):
    class Layer(models.TextChoices):
        BASIC = "basic", _("基础层")
        CORE = "core", _("核心层")
        VALUE = "value", _("价值层")

    category = models.ForeignKey(
        CapabilityCategory,
        verbose_name=_("类别"),
        on_delete=models.PROTECT,
        related_name="capabilities",
    )
    name = models.CharField(_("关键项"), max_length=50, unique=True)
    requirement = models.TextField(_("具体要求"))
    default_priority = models.ForeignKey(
        Priority,
        verbose_name=_("默认优先级"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    default_methods = models.ManyToManyField(
        AssessmentMethod,
        verbose_name=_("默认评估方式"),
        blank=True,
        related_name="capabilities",
    )
    layer = models.CharField(_("指标层级"), max_length=10, choices=Layer.choices)
    industries = models.ManyToManyField(
        Industry,
        verbose_name=_("行业"),
        blank=True,
        related_name="capabilities",
        help_text=_("留空表示适用于所有行业。"),
    )
    is_soft_skill = models.BooleanField(
        _("软技能"),
        default=False,
        help_text=_("软技能无法仅凭证书或简历证明。"),
    )
    star_prompts = models.TextField(
        _("行为面试问题（STAR）"), blank=True, help_text=_("每行一个问题。")
    )
    scenario_prompts = models.TextField(_("情景模拟题"), blank=True, help_text=_("每行一个情景。"))
    anchor_1 = models.TextField(_("1分表现"), blank=True)
    anchor_3 = models.TextField(_("3分表现"), blank=True)
    anchor_5 = models.TextField(_("5分表现"), blank=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["category__order", "order", "name"]
        verbose_name = _("能力项")
        verbose_name_plural = _("能力项")

    def __str__(self):
        return self.name

    @property
    def prompts(self) -> list[str]:
        return split_lines(self.star_prompts) + split_lines(self.scenario_prompts)

    def scorecard_text(self, *, industry: Industry, industry_names: Iterable[str]) -> dict:
        """Interview prompts and anchors for a sheet of `industry`, as SheetItem fields."""
        names = list(industry_names)

        def fit(text: str) -> str:
            return text_for_industry(text, industry_name=industry.name, industry_names=names)

        return {
            "interview_prompts": fit("\n".join(self.prompts)),
            "anchor_1": fit(self.anchor_1),
            "anchor_3": fit(self.anchor_3),
            "anchor_5": fit(self.anchor_5),
        }


class Preset(SlugNaturalKeyModel):
    industry = models.ForeignKey(
        Industry, verbose_name=_("行业"), on_delete=models.PROTECT, related_name="presets"
    )
    name = models.CharField(_("名称"), max_length=80, unique=True)
    role_title = models.CharField(_("岗位名称"), max_length=80)
    summary = models.TextField(_("岗位概述"), blank=True)
    responsibilities = models.TextField(_("岗位职责"), blank=True, help_text=_("每行一条职责。"))
    screening_questions = models.TextField(
        _("必答题"),
        blank=True,
        help_text=_("每位应聘者必须回答的问题，每行一个。"),
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["industry__order", "order", "name"]
        verbose_name = _("行业模板")
        verbose_name_plural = _("行业模板")

    def __str__(self):
        return self.name

    @property
    def responsibility_list(self) -> list[str]:
        return split_lines(self.responsibilities)


class PresetItemManager(models.Manager):
    def get_by_natural_key(self, preset_slug, capability_slug):
        return self.get(preset__slug=preset_slug, capability__slug=capability_slug)


class PresetItem(TimeStampedModel):
    preset = models.ForeignKey(
        Preset, verbose_name=_("行业模板"), on_delete=models.CASCADE, related_name="items"
    )
    capability = models.ForeignKey(
        Capability, verbose_name=_("能力项"), on_delete=models.PROTECT, related_name="+"
    )
    requirement = models.TextField(_("具体要求"))
    priority = models.ForeignKey(
        Priority, verbose_name=_("优先级"), on_delete=models.PROTECT, related_name="+"
    )
    methods = models.ManyToManyField(
        AssessmentMethod, verbose_name=_("评估方式"), blank=True, related_name="+"
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    objects = PresetItemManager()

    class Meta:
        ordering = ["preset", "capability__category__order", "order"]
        verbose_name = _("模板条目")
        verbose_name_plural = _("模板条目")
        constraints = [
            models.UniqueConstraint(
                fields=["preset", "capability"], name="presetitem_one_per_capability"
            ),
        ]

    def __str__(self):
        return f"{self.preset} · {self.capability}"

    def natural_key(self):
        return (self.preset.slug, self.capability.slug)

    natural_key.dependencies = ["catalog.preset", "catalog.capability"]


class CoreChallenge(SlugNaturalKeyModel):
    """What troubles a team (新人上手慢, 转化率低 …): picked for a sheet next to its preset, it
    adjusts the sheet's items through its effects. It never changes a catalog row."""

    # How many a sheet may name: more would pull the sheet in too many directions.
    MAX_PER_SHEET = 3

    name = models.CharField(_("名称"), max_length=40, unique=True)
    description = models.CharField(
        _("说明"), max_length=200, blank=True, help_text=_("一句话说明这个挑战意味着什么。")
    )
    screening_question = models.CharField(
        _("必答题"),
        max_length=200,
        blank=True,
        help_text=_("加入职位发布的必答题，用于初筛。"),
    )
    screening_question_reason = models.CharField(
        _("必答题理由"), max_length=200, blank=True, help_text=_("一句话说明为什么问这道题。")
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("核心挑战")
        verbose_name_plural = _("核心挑战")

    def __str__(self):
        return self.name


class ChallengeEffectManager(models.Manager):
    def get_by_natural_key(self, challenge_slug, capability_slug):
        return self.get(challenge__slug=challenge_slug, capability__slug=capability_slug)


class ChallengeEffect(TimeStampedModel):
    """What a challenge does to one capability of a sheet, and why (one sentence)."""

    challenge = models.ForeignKey(
        CoreChallenge,
        verbose_name=_("核心挑战"),
        on_delete=models.CASCADE,
        related_name="effects",
    )
    capability = models.ForeignKey(
        Capability, verbose_name=_("能力项"), on_delete=models.PROTECT, related_name="+"
    )
    priority = models.ForeignKey(
        Priority,
        verbose_name=_("调整为优先级"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("留空表示不改优先级；比原来重要为提高，否则为降低。"),
    )
    add_if_missing = models.BooleanField(
        _("需求表没有时添加"),
        default=False,
        help_text=_("模板中没有这一项时，从能力库加入（只加入适用于该行业的能力项）。"),
    )
    methods = models.ManyToManyField(
        AssessmentMethod,
        verbose_name=_("增加或强调的评估方式"),
        blank=True,
        related_name="+",
    )
    interview_prompts = models.TextField(
        _("追加的面试问题"), blank=True, help_text=_("每行一个问题。")
    )
    reason = models.CharField(
        _("理由"), max_length=200, help_text=_("一句话说明为什么这样调整，会显示给HR。")
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    objects = ChallengeEffectManager()

    class Meta:
        ordering = ["challenge", "order", "pk"]
        verbose_name = _("挑战调整")
        verbose_name_plural = _("挑战调整")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "capability"], name="challengeeffect_one_per_capability"
            ),
        ]

    def __str__(self):
        return f"{self.challenge} · {self.capability}"

    def natural_key(self):
        return (self.challenge.slug, self.capability.slug)

    natural_key.dependencies = ["catalog.corechallenge", "catalog.capability"]

    @property
    def prompt_list(self) -> list[str]:
        return split_lines(self.interview_prompts)


class ScreeningTerm(SlugNaturalKeyModel):
    """A word a résumé filter looks for: found in a sheet's item, it becomes a keyword of the
    sheet's screening kit, must-have or nice-to-have as the item's priority says."""

    class Group(models.TextChoices):
        SYSTEMS = "systems", _("系统与工具")
        INDUSTRY = "industry", _("行业术语")
        LANGUAGES = "languages", _("语言")
        CERTIFICATES = "certificates", _("证书与学历")

    group = models.CharField(_("分组"), max_length=20, choices=Group.choices)
    name = models.CharField(_("关键词"), max_length=40, unique=True)
    aliases = models.TextField(
        _("同义写法"),
        blank=True,
        help_text=_("需求文字中出现其中任何一个，也算出现了这个关键词。每行一个。"),
    )
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["group", "order", "name"]
        verbose_name = _("初筛关键词")
        verbose_name_plural = _("初筛关键词")

    def __str__(self):
        return self.name

    @property
    def spellings(self) -> list[str]:
        return [self.name, *split_lines(self.aliases)]
