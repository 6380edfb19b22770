"""The wording lexicon: the rules of the discriminatory-wording check, maintained in admin.

A rule's pattern is a regular expression over the *normalized* text (lowercase, simplified
characters, half-width forms, Arabic numerals, invisible characters and spacing between
Chinese characters removed; see ``hiring.quality.normalize``). ``{name}`` inside a
pattern stands for the word list of that name, so a list of place names or of words that
turn a mention into a restriction is written once and shared.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hiring.common.models import SlugNaturalKeyModel

from .findings import Severity
from .patterns import PatternError, compile_words, split_alternatives
from .shipped import shipped_word_lists


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


class Kind(models.TextChoices):
    """What a word list is to the check."""

    GROUP = "group", _("受保护群体")
    TOPIC = "topic", _("受保护事项")
    PHRASE = "phrase", _("自成限制的说法")
    ACT = "act", _("限制行为")
    FRAME = "frame", _("合法语境（紧邻）")
    LAWFUL = "lawful", _("合法语境（整句）")
    FRAGMENT = "fragment", _("片段")


class Act(models.TextChoices):
    EXCLUDE = "exclude", _("排除")
    PREFER = "prefer", _("偏好")
    REQUIRE = "require", _("要求")
    ASK = "ask", _("询问")
    EVALUATE = "evaluate", _("评价")
    NOTE = "note", _("评语或结论（整段适用）")
    FAIR = "fair", _("评语声明与此无关（整段不适用）")


LIST_SEVERITIES = [(Severity.ERROR.value, _("错误")), (Severity.WARNING.value, _("警告"))]


class WordList(SlugNaturalKeyModel):
    """A list of words (or regular-expression fragments) with its part in the check.

    A finding is a protected group or topic and an act on it in the same clause, in
    either order; a lawful frame next to the group (customers, products) or anywhere in
    the clause (negation, equal opportunity, benefits, accommodation) suppresses it.
    Phrases are findings on their own ("五官端正"). Fragments are only referred to as
    {slug} from other lists.
    """

    description = models.CharField(_("说明"), max_length=200, blank=True)
    kind = models.CharField(_("作用"), max_length=10, choices=Kind.choices, default=Kind.FRAGMENT)
    ground = models.CharField(
        _("保护事由"),
        max_length=20,
        choices=Ground.choices,
        blank=True,
        help_text=_("群体、事项和说法必填；合法语境留空表示对所有事由都适用。"),
    )
    act = models.CharField(
        _("行为"), max_length=10, choices=Act.choices, blank=True, help_text=_("仅用于限制行为。")
    )
    severity = models.CharField(
        _("严重程度"),
        max_length=10,
        choices=LIST_SEVERITIES,
        default=Severity.ERROR.value,
        help_text=_("限制或偏好某一保护事由是错误；只是间接信号（如“年轻的团队”）是警告。"),
    )
    words = models.TextField(
        _("词语"),
        help_text=_(
            "每行一个词语或正则表达式片段（RE2 语法，匹配时间与文本长度成正比），"
            "匹配规范化后的文本：小写、简体、半角、阿拉伯数字。以字母或数字开头或结尾的词"
            "按整词匹配。{标识} 引用片段。"
        ),
    )
    needs_context = models.BooleanField(
        _("仅在语境中算作群体"),
        default=False,
        help_text=_(
            "用于也有别的意思的词（“男”“先生”“black”）：只有紧挨着限制行为（“限男”“男优先”）"
            "或后接指人的词（“男的”“black candidates”）时才算作群体。"
        ),
    )
    is_active = models.BooleanField(_("启用"), default=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "ground", "slug"]
        verbose_name = _("词表")
        verbose_name_plural = _("词表")

    def __str__(self):
        return self.slug

    def clean(self):
        super().clean()
        errors = {}
        if self.kind in (Kind.GROUP, Kind.TOPIC, Kind.PHRASE) and not self.ground:
            errors["ground"] = _("群体、事项和说法须选择保护事由。")
        if self.kind == Kind.ACT and not self.act:
            errors["act"] = _("限制行为须选择行为。")
        # Shipped word lists, overridden by those in the database, and this one as edited.
        lists = shipped_word_lists()
        lists.update({wl.slug: split_alternatives(wl.words) for wl in WordList.objects.all()})
        lists[self.slug] = split_alternatives(self.words)
        try:
            compile_words(split_alternatives(self.words), lists=lists)
        except PatternError as error:
            errors["words"] = _("无法识别的模式：%(error)s") % {"error": error}
        if errors:
            raise ValidationError(errors)


class WordingRule(SlugNaturalKeyModel):
    """What a finding on a ground says: message, suggestion and legal basis, in Chinese and
    English (an English finding shows the Chinese text where the English one is empty)."""

    ground = models.CharField(_("保护事由"), max_length=20, choices=Ground.choices)
    severity = models.CharField(
        _("严重程度"),
        max_length=10,
        choices=[(s.value, s.label) for s in Severity],
        default=Severity.ERROR.value,
    )
    message = models.CharField(
        _("提示"),
        max_length=300,
        help_text=_("{wording} 处填入用户的原话。"),
    )
    suggestion = models.CharField(_("修改建议"), max_length=300, blank=True)
    legal_basis = models.CharField(_("法律依据"), max_length=200, blank=True)
    is_active = models.BooleanField(_("启用"), default=True)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    # message, suggestion and legal_basis have a value per language, and the row its history:
    # see translation.py.

    class Meta:
        ordering = ["ground", "order", "slug"]
        verbose_name = _("措辞提示")
        verbose_name_plural = _("措辞提示")

    def __str__(self):
        return f"{self.get_ground_display()} · {self.slug}"
