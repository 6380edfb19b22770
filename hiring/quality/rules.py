"""The quality check (需求体检): one small function per rule, each returning findings.

Every rule reads a `SheetSnapshot` (the sheet, its included items, its posting) that the
sheet builds once (`RequirementSheet.quality_snapshot`), so the rules themselves never query
the database and this app needs nothing from the sheets app.
"""

import re
from collections.abc import Callable
from dataclasses import replace

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .findings import Finding, Severity
from .lexicon import current_lexicon
from .snapshot import SheetSnapshot
from .wording import check_wording


def _limits() -> dict:
    return settings.QUALITY_CHECK


# 1. Over-demanding ------------------------------------------------------------------------


def over_demanding(snap: SheetSnapshot) -> list[Finding]:
    limits = _limits()
    items = snap.items
    must = [i for i in items if i.priority.slug == "must"]
    very_high = [i for i in items if i.priority.slug == "very-high"]
    findings = []
    if len(items) >= limits["all_must_min_items"] and len(must) == len(items):
        findings.append(
            Finding(
                rule="over_demanding.all_must",
                severity=Severity.ERROR,
                message=_("所有条目都是「必需」，等于没有重点，也会把大多数合适的人挡在门外。"),
                suggestion=_("只把不满足就一定不能胜任的条件设为必需，其余降为高或中。"),
                field="items",
                step="hard",
            )
        )
    elif len(must) > limits["max_must"]:
        findings.append(
            Finding(
                rule="over_demanding.too_many_must",
                severity=Severity.WARNING,
                message=_("有 %(count)d 项「必需」条件，超过建议的 %(limit)d 项，要求可能过高。")
                % {"count": len(must), "limit": limits["max_must"]},
                suggestion=_("根据岗位实际情况合理设定标准，避免“一刀切”：保留真正的硬门槛。"),
                field="items",
                step="hard",
            )
        )
    if len(very_high) > limits["max_very_high"]:
        findings.append(
            Finding(
                rule="over_demanding.too_many_very_high",
                severity=Severity.WARNING,
                message=_("有 %(count)d 项「极高」优先级，超过建议的 %(limit)d 项，面试难以聚焦。")
                % {"count": len(very_high), "limit": limits["max_very_high"]},
                suggestion=_("挑出对岗位成败影响最大的两三项设为极高，其余设为高或中高。"),
                field="items",
                step="core",
            )
        )
    return findings


# 2. Vague ---------------------------------------------------------------------------------

VAGUE_WORDS = re.compile(
    r"良好|较强|较好|优秀|一定的?|相关|熟悉|了解|具备.{0,6}能力|能力强|强烈的?|"
    r"good|strong|excellent|familiar"
)
CHECKABLE = re.compile(
    r"\d|[一二三四五六七八九十两]\s*(?:年|个月|级|种)|[A-Za-z]{2,}|证书|等级|"
    r"大专|本科|硕士|高中|中专|普通话|英语|Office|Excel|CRM|Zendesk|如[::]|例如|包括"
)


def vague(snap: SheetSnapshot) -> list[Finding]:
    findings = []
    for item in snap.items:
        text = item.requirement
        if VAGUE_WORDS.search(text) and not CHECKABLE.search(text):
            hard = item.category.slug == "hard"
            findings.append(
                Finding(
                    rule="vague",
                    severity=Severity.WARNING if hard else Severity.TIP,
                    message=_("「%(name)s」的要求没有可以检验的标准。") % {"name": item.name},
                    suggestion=_(
                        "写出可量化或可核对的标准，例如年限（1年以上客服经验）、"
                        "速度（打字每分钟60字）或具体工具（熟练使用Zendesk）。"
                    ),
                    field="requirement",
                    item_id=item.pk,
                    step=item.category.slug,
                )
            )
    return findings


# 3. Missing essentials ----------------------------------------------------------------------


def missing_essentials(snap: SheetSnapshot) -> list[Finding]:
    sheet, posting = snap.sheet, snap.posting
    checks = [
        (
            not (posting and posting.responsibility_list),
            "responsibilities",
            "posting",
            Severity.ERROR,
            _("没有写岗位职责，应聘者无法了解岗位内容。"),
            _("在“职位发布与流程”一步列出 4–6 条主要职责。"),
        ),
        (
            not sheet.location,
            "location",
            "basics",
            Severity.ERROR,
            _("没有写工作地点。"),
            _("写明城市和区域，例如“杭州市余杭区”或“远程”。"),
        ),
        (
            sheet.salary_min is None or sheet.salary_max is None,
            "salary_min",
            "basics",
            Severity.WARNING,
            _("没有写完整的薪资范围，会降低合适人选的投递意愿。"),
            _("填写薪资下限和上限，例如 6000–9000 元/月。"),
        ),
        (
            not sheet.schedule,
            "schedule",
            "basics",
            Severity.WARNING,
            _("没有写工作时间或班次。"),
            _("写明班次安排，例如“做五休二，早晚班轮换”。"),
        ),
        (
            not (posting and posting.process_step_list),
            "process_steps",
            "posting",
            Severity.WARNING,
            _("没有写招聘流程，流程不透明会让应聘者产生疑虑。"),
            _("列出各环节，例如：简历筛选 → 面试 → 情景模拟 → 背景调查 → 录用。"),
        ),
    ]
    return [
        Finding(
            rule=f"missing.{name}",
            severity=severity,
            message=message,
            suggestion=suggestion,
            field=name,
            step=step,
        )
        for missing, name, step, severity, message, suggestion in checks
        if missing
    ]


# 4. Unassessed ----------------------------------------------------------------------------

# Chinese and English (a sheet's items are in the language it was written in).
SOFT_SKILL_WORDS = re.compile(
    r"共情|抗压|沟通|情绪|协作|服务意识|主动|应变|耐心|"
    r"empath|resilien|communicat|emotion|teamwork|collaborat|service mindset|proactive|"
    r"adaptab|patien",
    re.IGNORECASE,
)


def is_soft_skill(item) -> bool:
    if item.capability_id and item.capability.is_soft_skill:
        return True
    return bool(SOFT_SKILL_WORDS.search(item.name))


def unassessed(snap: SheetSnapshot) -> list[Finding]:
    important = set(_limits()["must_assess_priorities"])
    paper_only = set(_limits()["paper_methods"])
    findings = []
    for item in snap.items:
        methods = snap.methods(item)
        if not methods and item.priority.slug in important:
            findings.append(
                Finding(
                    rule="unassessed.no_method",
                    severity=Severity.ERROR,
                    message=_("「%(name)s」优先级为%(priority)s，却没有评估方式。")
                    % {"name": item.name, "priority": item.priority.name},
                    suggestion=_("至少选择一种评估方式，例如面试、情景模拟或上机测试。"),
                    field="methods",
                    item_id=item.pk,
                    step=item.category.slug,
                )
            )
        elif methods and is_soft_skill(item) and {m.slug for m in methods} <= paper_only:
            findings.append(
                Finding(
                    rule="unassessed.soft_skill_on_paper",
                    severity=Severity.WARNING,
                    message=_("「%(name)s」是软技能，只靠证书或简历无法判断。")
                    % {"name": item.name},
                    suggestion=_("加入行为面试（STAR）或情景模拟，观察候选人的实际表现。"),
                    field="methods",
                    item_id=item.pk,
                    step=item.category.slug,
                )
            )
    return findings


# 5. Discriminatory or unlawful wording ------------------------------------------------------


def _scorecard_texts(item, methods) -> list[tuple[str, str]]:
    """The interview questions and rating anchors the scorecard prints for an item (only
    items assessed on the scorecard appear there): the item's own once sheet items carry
    them, otherwise those of the capability it came from."""
    if not any(method.on_scorecard for method in methods):
        return []
    source = item if hasattr(item, "interview_prompts") else item.capability
    if source is None:
        return []
    prompts = (
        source.interview_prompts
        if hasattr(source, "interview_prompts")
        else "\n".join(source.prompts)
    )
    anchors = "\n".join(getattr(source, f"anchor_{n}", "") or "" for n in (1, 3, 5))
    return [(prompts, "interview_prompts"), (anchors, "anchors")]


def discriminatory(snap: SheetSnapshot) -> list[Finding]:
    """Everywhere text leaves the system: sheet, items, posting (screening questions
    included) and the interview questions on the scorecard."""
    sheet, posting = snap.sheet, snap.posting
    texts: list[tuple[str, str, int | None, str]] = [
        (sheet.title, "title", None, "basics"),
        (sheet.role_title, "role_title", None, "basics"),
        (sheet.schedule, "schedule", None, "basics"),
    ]
    for item in snap.items:
        step = item.category.slug
        texts.append((f"{item.name} {item.requirement}", "requirement", item.pk, step))
        for text, field_name in _scorecard_texts(item, snap.methods(item)):
            texts.append((text, field_name, item.pk, step))
    if posting:
        for name in [
            "headline",
            "summary",
            "responsibilities",
            "benefits",
            "how_to_apply",
            "screening_questions",
        ]:
            texts.append((getattr(posting, name), name, None, "posting"))
    lexicon = current_lexicon()  # one look-up for the whole sheet
    findings = []
    for text, field_name, item_id, step in texts:
        for finding in check_wording(text or "", lexicon=lexicon):
            findings.append(replace(finding, field=field_name, item_id=item_id, step=step))
    return findings


# 6. Industry fit ----------------------------------------------------------------------------

# industry slug → (a pattern some item must match, in Chinese or English, message, suggestion,
# step, severity)
INDUSTRY_EXPECTATIONS: dict[str, list[tuple[str, str, str, str, Severity]]] = {
    "cross-border": [
        (
            r"英语|英文|English|外语|双语",
            gettext_lazy("跨境电商客服需要外语沟通，需求表里没有英语要求。"),
            gettext_lazy(
                "在硬性条件中加入语言能力：英语读写流畅，口语可沟通（如 CET-6 或同等水平）。"
            ),
            "hard",
            Severity.WARNING,
        )
    ],
    "finance": [
        (
            r"合规|风控|风险|complian|risk",
            gettext_lazy("金融客服重在风控合规，需求表里没有合规或风控要求。"),
            gettext_lazy("加入「合规与风控意识」，例如熟悉金融消费者权益保护相关规定。"),
            "core",
            Severity.WARNING,
        )
    ],
    "saas": [
        (
            r"技术|API|软件|系统|technical|technolog|software|system",
            gettext_lazy("SaaS 客户成功需要理解产品技术，需求表里没有技术理解要求。"),
            gettext_lazy("加入「技术理解能力」，例如能看懂 API 文档、复现并描述问题。"),
            "core",
            Severity.TIP,
        )
    ],
    "ecommerce": [
        (
            r"抗压|高压|高峰|快速|转化|pressure|peak|quick|fast|conversion",
            gettext_lazy("电商客服侧重高压快反与转化意识，需求表里没有相应要求。"),
            gettext_lazy("加入情绪管理与抗压、快速反应或转化意识等条目。"),
            "core",
            Severity.TIP,
        )
    ],
}


def industry_fit(snap: SheetSnapshot) -> list[Finding]:
    slug = snap.sheet.industry.slug
    corpus = " ".join(f"{i.name} {i.requirement}" for i in snap.items)
    return [
        Finding(
            rule="industry_fit",
            severity=severity,
            message=str(message),
            suggestion=str(suggestion),
            field="items",
            step=step,
        )
        for pattern, message, suggestion, step, severity in INDUSTRY_EXPECTATIONS.get(slug, [])
        if not re.search(pattern, corpus, re.IGNORECASE)
    ]


# 7. Very-high soft skills without a screening question ---------------------------------------


def soft_skills_unscreened(snap: SheetSnapshot) -> list[Finding]:
    soft = [i for i in snap.items if i.priority.slug == "very-high" and is_soft_skill(i)]
    if not soft or (snap.posting and snap.posting.screening_question_list):
        return []
    return [
        Finding(
            rule="soft_skills_unscreened",
            severity=Severity.WARNING,
            message=_("「%(names)s」是极高优先级的软技能，但职位发布里没有必答题。")
            % {"names": "、".join(i.name for i in soft)},
            suggestion=_(
                "加一道必答题初筛，例如“请描述一次你成功安抚极度不满客户并解决问题的经历”。"
            ),
            field="screening_questions",
            step="posting",
        )
    ]


RULES: list[Callable[[SheetSnapshot], list[Finding]]] = [
    discriminatory,
    over_demanding,
    unassessed,
    missing_essentials,
    industry_fit,
    soft_skills_unscreened,
    vague,
]
