"""The wording lexicon: the rules of the discriminatory-wording check, maintained in admin.

A rule's pattern is a regular expression over the *normalized* text (lowercase, simplified
characters, half-width forms, Arabic numerals, invisible characters and spacing between
Chinese characters removed; see ``hiring.quality.normalize``). ``{name}`` inside a
pattern stands for the word list of that name, so a list of place names or of words that
turn a mention into a restriction is written once and shared.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hiring.common.models import SlugNaturalKeyModel

from .findings import Severity


def split_alternatives(text: str) -> list[str]:
    """One alternative per line; blank lines and lines starting with "#" are notes."""
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


class Ground(models.TextChoices):
    """Protected grounds of the PRC employment laws and of US and UK equality law."""

    GENDER = "gender", _("性别")
    GENDER_IDENTITY = "gender_identity", _("性别认同")
    ORIENTATION = "orientation", _("性取向")
    MARITAL = "marital", _("婚育状况")
    AGE = "age", _("年龄")
    ETHNICITY = "ethnicity", _("民族或种族")
    RELIGION = "religion", _("宗教信仰")
    ORIGIN = "origin", _("户籍或地域")
    APPEARANCE = "appearance", _("外貌")
    HEALTH = "health", _("健康状况")
    DISABILITY = "disability", _("残疾状况")
    GENETIC = "genetic", _("遗传信息")
    ZODIAC = "zodiac", _("属相、星座或血型")


class Language(models.TextChoices):
    ZH = "zh", _("中文")
    EN = "en", _("英文")


class WordList(SlugNaturalKeyModel):
    """A named list of words or regex fragments that rule patterns refer to as {slug}."""

    description = models.CharField(_("说明"), max_length=200, blank=True)
    words = models.TextField(
        _("词语"),
        help_text=_("每行一个词语或正则表达式片段,规则中用 {标识} 引用整个列表。"),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("词表")
        verbose_name_plural = _("词表")

    def __str__(self):
        return self.slug

    def clean(self):
        super().clean()
        from .lexicon import compile_alternatives, load_word_lists

        lists = load_word_lists()
        lists[self.slug] = split_alternatives(self.words)
        try:
            compile_alternatives([f"{{{self.slug}}}"], lists=lists)
        except (re.error, KeyError) as error:
            raise ValidationError(
                {"words": _("无法识别的模式:%(error)s") % {"error": error}}
            ) from error


SLUG_REFERENCE = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class WordingRule(SlugNaturalKeyModel):
    ground = models.CharField(_("保护事由"), max_length=20, choices=Ground.choices)
    language = models.CharField(_("语言"), max_length=2, choices=Language.choices)
    severity = models.CharField(
        _("严重程度"),
        max_length=10,
        choices=[(s.value, s.label) for s in Severity],
        default=Severity.ERROR.value,
        help_text=_("限制或偏好某一保护事由是错误;只是间接信号(如“年轻的团队”)是警告。"),
    )
    pattern = models.TextField(
        _("匹配模式"),
        help_text=_(
            "每行一种写法(正则表达式),匹配规范化后的文本:小写、简体、半角、阿拉伯数字、"
            "已去掉不可见字符和汉字间的空格。{标识} 引用词表。英文规则按整词匹配,"
            "并自动包括复数形式。"
        ),
    )
    exceptions = models.TextField(
        _("合法例外"),
        blank=True,
        help_text=_("每行一种合法的相似写法,匹配前先排除,例如“性别不限”“老年客户”。"),
    )
    message = models.CharField(
        _("提示"),
        max_length=300,
        help_text=_("{wording} 处填入用户的原话。"),
    )
    message_en = models.CharField(_("提示(英文)"), max_length=300, blank=True)
    suggestion = models.CharField(_("修改建议"), max_length=300, blank=True)
    suggestion_en = models.CharField(_("修改建议(英文)"), max_length=300, blank=True)
    legal_basis = models.CharField(_("法律依据"), max_length=200, blank=True)
    legal_basis_en = models.CharField(_("法律依据(英文)"), max_length=200, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["ground", "order", "slug"]
        verbose_name = _("措辞规则")
        verbose_name_plural = _("措辞规则")

    def __str__(self):
        return f"{self.get_ground_display()} · {self.slug}"

    def clean(self):
        super().clean()
        from .lexicon import compile_alternatives, load_word_lists

        lists = load_word_lists()
        errors = {}
        for name in ("pattern", "exceptions"):
            text = getattr(self, name)
            if not text:
                continue
            try:
                compile_alternatives(split_alternatives(text), lists=lists)
            except (re.error, KeyError) as error:
                errors[name] = _("无法识别的模式:%(error)s") % {"error": error}
        if errors:
            raise ValidationError(errors)
