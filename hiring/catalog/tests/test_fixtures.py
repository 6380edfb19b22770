"""The shipped catalog fixtures (fixtures/catalog.json, fixtures/presets.json)."""

import json
import re
from collections import Counter

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from modeltranslation.translator import translator

from hiring.catalog.models import (
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
from hiring.quality.forms import wording_errors

CATALOG_MODELS = [
    Industry,
    CapabilityCategory,
    Priority,
    AssessmentMethod,
    Capability,
    Preset,
    PresetItem,
]
M2M_THROUGH = [
    Capability.default_methods.through,
    Capability.industries.through,
    PresetItem.methods.through,
]

# The reference table of the seed article (类别 | 关键项 | 具体要求/描述 | 优先级 | 评估方式),
# copied character for character. Priority None stands for the seed's "行业".
SEED_TABLE = [
    ("硬性条件", "学历", "大专及以上", "必需", ["学历证明"]),
    (
        "硬性条件",
        "语言能力",
        "普通话标准;【电商/跨境】英语读写流畅,口语可沟通",
        "必需",
        ["测试", "面试"],
    ),
    (
        "硬性条件",
        "系统/工具",
        "熟练使用Office;熟练使用CRM系统(如XX);了解智能客服工具",
        "必需",
        ["上机测试", "情景模拟"],
    ),
    (
        "硬性条件",
        "行业知识",
        "【金融】了解基础金融产品与风控;【SaaS】理解软件服务模式",
        None,
        ["笔试", "面试"],
    ),
    ("核心能力", "沟通表达", "清晰、简洁、有逻辑,具备倾听能力", "高", ["面试", "情景模拟"]),
    (
        "核心能力",
        "共情能力",
        "准确识别客户情绪,展现理解与尊重,化解对立",
        "极高",
        ["深度情景模拟", "行为面试"],
    ),
    (
        "核心能力",
        "问题分析与解决",
        "独立拆解复杂问题,整合信息,提出有效解决方案",
        "极高",
        ["案例解决演练", "行为面试"],
    ),
    (
        "核心能力",
        "情绪管理与抗压",
        "高强度及负面情绪冲击下保持专业稳定",
        "高",
        ["抗压测评", "情景模拟", "背景调查"],
    ),
    (
        "核心能力",
        "学习与适应",
        "快速掌握新产品、新政策、新流程、新工具",
        "高",
        ["学习能力测试", "过往经历"],
    ),
    (
        "高价值素质",
        "主动服务意识",
        "预见客户潜在需求,主动提供信息或解决方案",
        "中高",
        ["行为面试", "情景模拟"],
    ),
    (
        "高价值素质",
        "客户体验导向",
        "深刻理解服务对客户留存与口碑的价值,驱动自我优化",
        "中高",
        ["行为面试", "价值观考察"],
    ),
    (
        "高价值素质",
        "团队协作与知识分享",
        "高效跨团队协作解决问题,主动沉淀经验赋能团队",
        "中",
        ["行为面试", "背景调查"],
    ),
    (
        "加分项",
        "特定技能/经验",
        "型】基础内容创作/编辑;【技术型】API/数据库基础认知",
        "视岗位",
        ["作品/测试", "面试"],
    ),
    ("加分项", "数据分析意识", "基础服务数据(如响应时长、解决率)解读能力", "中", ["面试"]),
]

PRIORITIES = [
    # slug, name, order, weight, is_knockout
    ("must", "必需", 1, 5, True),
    ("very-high", "极高", 2, 5, False),
    ("high", "高", 3, 4, False),
    ("medium-high", "中高", 4, 3, False),
    ("medium", "中", 5, 2, False),
    ("role-dependent", "视岗位", 6, 1, False),
]

METHODS = {
    # slug: (name, stage, on_scorecard)
    "diploma": ("学历证明", "screening", False),
    "written-test": ("笔试", "test", False),
    "test": ("测试", "test", False),
    "computer-test": ("上机测试", "test", False),
    "interview": ("面试", "interview", True),
    "simulation": ("情景模拟", "interview", True),
    "deep-simulation": ("深度情景模拟", "interview", True),
    "behavioral-interview": ("行为面试", "interview", True),
    "case-exercise": ("案例解决演练", "interview", True),
    "stress-test": ("抗压测评", "test", False),
    "learning-test": ("学习能力测试", "test", False),
    "past-experience": ("过往经历", "screening", False),
    "background-check": ("背景调查", "pre_offer", False),
    "values-interview": ("价值观考察", "interview", True),
    "portfolio-test": ("作品/测试", "test", False),
    "resume-screening": ("简历筛选", "screening", False),
}

INDUSTRIES = {
    # slug: (name, focus, order)
    "general": ("通用", "服务意识与沟通解决", 0),
    "ecommerce": ("电商", "高压快反与转化意识", 1),
    "cross-border": ("跨境电商", "双语沟通与跨文化服务", 2),
    "saas": ("SaaS", "技术理解与客户成功", 3),
    "finance": ("金融", "风控合规与精准表达", 4),
}

PRESETS = {
    # slug: (industry slug, name, role_title)
    "general": ("general", "通用客服", "客服专员"),
    "ecommerce": ("ecommerce", "电商客服", "电商客服专员"),
    "cross-border": ("cross-border", "跨境电商客服", "跨境电商客服专员"),
    "saas": ("saas", "SaaS 客户成功 / 技术支持", "客户成功专员"),
    "finance": ("finance", "金融客服", "金融客服专员"),
}

MUST_ANSWER = "请描述一次你成功安抚极度不满客户并解决问题的经历"

DISCRIMINATORY = re.compile(
    r"性别|男性|女性|限男|限女|年龄|周岁|岁以下|岁以上|婚|生育|民族|户口|户籍|籍贯|本地人"
    r"|形象|相貌|五官|身高|体重|体检|身体健康|年轻"
)


def _counts():
    counts = {model._meta.label: model.objects.count() for model in CATALOG_MODELS}
    counts.update({model._meta.label: model.objects.count() for model in M2M_THROUGH})
    return counts


def _method_slugs(queryset):
    return {m.slug for m in queryset}


def test_fixture_files_use_natural_keys_only():
    for name in ("catalog.json", "presets.json"):
        path = settings.BASE_DIR / "fixtures" / name
        for row in json.loads(path.read_text(encoding="utf-8")):
            assert "pk" not in row, row
            assert row["model"].startswith("catalog."), row


def test_loading_twice_creates_no_duplicates(db):
    call_command("loaddata", "catalog", "presets", verbosity=0)
    first = _counts()
    call_command("loaddata", "catalog", "presets", verbosity=0)
    assert _counts() == first
    assert first["catalog.Capability"] >= len(SEED_TABLE)
    for model in CATALOG_MODELS:
        assert model.objects.count() > 0, model
        if model is PresetItem:
            pairs = Counter(model.objects.values_list("preset_id", "capability_id"))
            assert max(pairs.values()) == 1
        else:
            names = Counter(model.objects.values_list("name", flat=True))
            assert max(names.values()) == 1, names.most_common(1)
            slugs = Counter(model.objects.values_list("slug", flat=True))
            assert max(slugs.values()) == 1, slugs.most_common(1)


@pytest.mark.parametrize(
    ("category", "name", "requirement", "priority", "methods"),
    SEED_TABLE,
    ids=[row[1] for row in SEED_TABLE],
)
def test_seed_row_is_in_catalog(catalog, category, name, requirement, priority, methods):
    # The Chinese values, whatever language the reader has: English ones sit beside them.
    with translation.override("en"):
        capability = Capability.objects.get(name_zh_hans=name)
        assert capability.category.name_zh_hans == category
        assert capability.requirement_zh_hans == requirement
        assert capability.is_active
        assert sorted(m.name_zh_hans for m in capability.default_methods.all()) == sorted(methods)
        if priority is None:  # "行业": applies to some industries only
            assert capability.default_priority.slug == "high"
            assert capability.industries.exists()
        else:
            assert capability.default_priority.name_zh_hans == priority


def test_industry_knowledge_applies_to_finance_and_saas(catalog):
    capability = Capability.objects.get(slug="industry-knowledge")
    assert {i.slug for i in capability.industries.all()} == {"finance", "saas"}
    language = Capability.objects.get(slug="language")
    assert language.default_priority.slug == "must"
    assert not language.industries.exists()


def test_categories_are_ordered(catalog):
    assert list(CapabilityCategory.objects.values_list("slug", "name")) == [
        ("hard", "硬性条件"),
        ("core", "核心能力"),
        ("value", "高价值素质"),
        ("bonus", "加分项"),
    ]


def test_priorities_and_seed_methods_exist(catalog):
    assert [
        (p.slug, p.name, p.order, p.weight, p.is_knockout) for p in Priority.objects.all()
    ] == PRIORITIES
    method_names = set(AssessmentMethod.objects.values_list("name", flat=True))
    for *_row, methods in SEED_TABLE:
        assert set(methods) <= method_names
    for slug, (name, stage, on_scorecard) in METHODS.items():
        method = AssessmentMethod.objects.get(slug=slug)
        assert (method.name, method.stage, method.on_scorecard) == (name, stage, on_scorecard)
    assert "STAR" in AssessmentMethod.objects.get(slug="behavioral-interview").description


def test_industries(catalog):
    assert {i.slug: (i.name, i.focus, i.order) for i in Industry.objects.all()} == INDUSTRIES


def test_capabilities_have_layer_and_order(catalog):
    layers = set(Capability.Layer.values)
    for capability in Capability.objects.all():
        assert capability.layer in layers, capability
        assert capability.order > 0, capability
        assert capability.requirement.strip(), capability
    for category in CapabilityCategory.objects.all():
        orders = list(category.capabilities.values_list("order", flat=True))
        assert len(orders) == len(set(orders)), category


def test_presets(catalog):
    assert set(Preset.objects.values_list("slug", flat=True)) == set(PRESETS)
    categories = set(CapabilityCategory.objects.values_list("slug", flat=True))
    for slug, (industry, name, role_title) in PRESETS.items():
        preset = Preset.objects.get(slug=slug)
        assert (preset.industry.slug, preset.name, preset.role_title) == (
            industry,
            name,
            role_title,
        )
        assert preset.industry.focus == INDUSTRIES[industry][1]
        assert preset.is_active
        assert preset.summary.strip()
        assert 5 <= len(preset.responsibility_list) <= 7, slug
        questions = [q.strip() for q in preset.screening_questions.splitlines() if q.strip()]
        assert MUST_ANSWER in questions, slug
        assert 10 <= preset.items.count() <= 16, slug
        assert {i.capability.category.slug for i in preset.items.all()} == categories, slug


def test_presets_pass_the_quality_rules(catalog):
    for preset in Preset.objects.all():
        items = list(preset.items.select_related("priority", "capability"))
        priorities = Counter(item.priority.slug for item in items)
        assert priorities["must"] <= 3, preset
        assert priorities["very-high"] <= 3, preset
        for item in items:
            methods = list(item.methods.all())
            assert item.requirement.strip(), item
            assert "XX" not in item.requirement, item  # the seed's placeholder
            if item.priority.slug in ("must", "very-high", "high"):
                assert methods, item
            if item.capability.is_soft_skill:
                assert any(m.stage == "interview" for m in methods), item
            industries = set(item.capability.industries.values_list("slug", flat=True))
            assert not industries or preset.industry.slug in industries, item


def test_industry_specific_preset_items(catalog):
    def item(preset, capability):
        return PresetItem.objects.get(preset__slug=preset, capability__slug=capability)

    cross_border_language = item("cross-border", "language")
    assert cross_border_language.priority.slug == "must"
    assert "英语" in cross_border_language.requirement
    assert "普通话标准" in cross_border_language.requirement
    assert item("general", "language").requirement == "普通话标准"
    assert "【金融】" in item("finance", "industry-knowledge").requirement
    assert "理解软件服务模式" in item("saas", "industry-knowledge").requirement
    item("finance", "compliance-awareness")
    item("saas", "technical-understanding")
    item("ecommerce", "conversion-awareness")
    item("ecommerce", "quick-response")


def test_on_scorecard_capabilities_have_prompts_and_anchors(catalog):
    checked = 0
    for capability in Capability.objects.prefetch_related("default_methods"):
        if not any(m.on_scorecard for m in capability.default_methods.all()):
            continue
        checked += 1
        assert capability.star_prompts.strip(), capability
        assert capability.scenario_prompts.strip(), capability
        assert 1 <= len(capability.star_prompts.strip().splitlines()) <= 3, capability
        assert 1 <= len(capability.scenario_prompts.strip().splitlines()) <= 2, capability
        assert capability.prompts, capability
        for anchor in (capability.anchor_1, capability.anchor_3, capability.anchor_5):
            assert anchor.strip(), capability
    assert checked >= 11


def test_scenarios_cover_the_seed_situations(catalog):
    scenarios = "\n".join(Capability.objects.values_list("scenario_prompts", flat=True))
    for situation in ("突发投诉", "复杂咨询", "情绪崩溃的客户"):
        assert situation in scenarios


def test_no_discriminatory_requirements(catalog):
    texts = []
    for capability in Capability.objects.all():
        texts += [
            capability.name,
            capability.requirement,
            capability.star_prompts,
            capability.scenario_prompts,
        ]
    for preset in Preset.objects.all():
        texts += [preset.summary, preset.responsibilities, preset.screening_questions]
    texts += list(PresetItem.objects.values_list("requirement", flat=True))
    for text in texts:
        assert not DISCRIMINATORY.search(text), text


TRANSLATED_MODELS = [
    *CATALOG_MODELS,
    CoreChallenge,
    ChallengeEffect,
    ScreeningTerm,
]


def test_every_shipped_text_has_an_english_value(catalog):
    for model in TRANSLATED_MODELS:
        fields = translator.get_options_for_model(model).fields
        for row in model.objects.all():
            for name in fields:
                if getattr(row, f"{name}_zh_hans"):
                    english = getattr(row, f"{name}_en")
                    assert english and english.strip(), (model.__name__, row.pk, name)
                    assert not re.search(r"[\u4e00-\u9fff]", english), (row, name, english)
                    # One line of English for each line of Chinese: lists stay lists.
                    chinese = getattr(row, f"{name}_zh_hans")
                    assert english.count("\n") == chinese.count("\n"), (row, name)


def test_english_names_are_unique_and_read_in_english(catalog):
    with translation.override("en"):
        for model in TRANSLATED_MODELS:
            if "name" not in translator.get_options_for_model(model).fields:
                continue
            names = Counter(row.name for row in model.objects.all())
            assert max(names.values()) == 1, names.most_common(1)
        assert [p.name for p in Priority.objects.all()] == [
            "Must-have",
            "Very high",
            "High",
            "Medium-high",
            "Medium",
            "Depends on role",
        ]


def test_english_texts_pass_the_wording_check(catalog):
    for model in TRANSLATED_MODELS:
        fields = translator.get_options_for_model(model).fields
        for row in model.objects.all():
            for name in fields:
                text = getattr(row, f"{name}_en") or ""
                assert not wording_errors(text), (model.__name__, row.pk, name, text)
