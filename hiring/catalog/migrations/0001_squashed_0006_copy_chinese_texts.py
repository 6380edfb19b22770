"""The catalog's tables as 0001-0006 left them, made in one step for a new database.

Reading 0005 on its own (a column per language for every translated field, added one at a
time) took longer than every other migration together. 0006 copied the texts of existing rows
into their Chinese columns: a new database has no rows, so it has no part here. The roles'
permissions on the core-challenge models are given at the end, as 0004 gave them.
"""

from importlib import import_module

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

_permissions = import_module("hiring.catalog.migrations.0004_challenge_role_permissions")


class Migration(migrations.Migration):
    replaces = [
        ("catalog", "0001_initial"),
        ("catalog", "0002_historicalassessmentmethod_and_more"),
        ("catalog", "0003_core_challenges"),
        ("catalog", "0004_challenge_role_permissions"),
        ("catalog", "0005_translated_texts"),
        ("catalog", "0006_copy_chinese_texts"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="AssessmentMethod",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("slug", models.SlugField(max_length=64, unique=True, verbose_name="标识")),
                ("name", models.CharField(max_length=30, unique=True, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(max_length=30, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=30, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "stage",
                    models.CharField(
                        choices=[
                            ("screening", "初筛"),
                            ("test", "测评"),
                            ("interview", "面试"),
                            ("pre_offer", "录用前"),
                        ],
                        max_length=20,
                        verbose_name="招聘环节",
                    ),
                ),
                (
                    "on_scorecard",
                    models.BooleanField(
                        default=False,
                        help_text="用此方式评估的条目由面试官打分。",
                        verbose_name="列入面试评分表",
                    ),
                ),
                ("description", models.CharField(blank=True, max_length=200, verbose_name="说明")),
                (
                    "description_zh_hans",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="说明"
                    ),
                ),
                (
                    "description_en",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="说明"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
            ],
            options={
                "verbose_name": "评估方式",
                "verbose_name_plural": "评估方式",
                "ordering": ["order", "name"],
            },
        ),
        migrations.CreateModel(
            name="CapabilityCategory",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("slug", models.SlugField(max_length=64, unique=True, verbose_name="标识")),
                ("name", models.CharField(max_length=50, unique=True, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(max_length=50, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=50, null=True, unique=True, verbose_name="名称"),
                ),
                ("description", models.TextField(blank=True, verbose_name="说明")),
                (
                    "description_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="说明"),
                ),
                (
                    "description_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="说明"),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
            ],
            options={
                "verbose_name": "能力类别",
                "verbose_name_plural": "能力类别",
                "ordering": ["order", "name"],
            },
        ),
        migrations.CreateModel(
            name="CoreChallenge",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("slug", models.SlugField(max_length=64, unique=True, verbose_name="标识")),
                ("name", models.CharField(max_length=40, unique=True, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(max_length=40, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=80, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "description",
                    models.CharField(
                        blank=True,
                        help_text="一句话说明这个挑战意味着什么。",
                        max_length=200,
                        verbose_name="说明",
                    ),
                ),
                (
                    "description_zh_hans",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="一句话说明这个挑战意味着什么。",
                        max_length=200,
                        null=True,
                        verbose_name="说明",
                    ),
                ),
                (
                    "description_en",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="一句话说明这个挑战意味着什么。",
                        max_length=200,
                        null=True,
                        verbose_name="说明",
                    ),
                ),
                (
                    "screening_question",
                    models.CharField(
                        blank=True,
                        help_text="加入职位发布的必答题，用于初筛。",
                        max_length=200,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_question_zh_hans",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="加入职位发布的必答题，用于初筛。",
                        max_length=200,
                        null=True,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_question_en",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="加入职位发布的必答题，用于初筛。",
                        max_length=200,
                        null=True,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_question_reason",
                    models.CharField(
                        blank=True,
                        help_text="一句话说明为什么问这道题。",
                        max_length=200,
                        verbose_name="必答题理由",
                    ),
                ),
                (
                    "screening_question_reason_zh_hans",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="一句话说明为什么问这道题。",
                        max_length=200,
                        null=True,
                        verbose_name="必答题理由",
                    ),
                ),
                (
                    "screening_question_reason_en",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="一句话说明为什么问这道题。",
                        max_length=200,
                        null=True,
                        verbose_name="必答题理由",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
            ],
            options={
                "verbose_name": "核心挑战",
                "verbose_name_plural": "核心挑战",
                "ordering": ["order", "name"],
            },
        ),
        migrations.CreateModel(
            name="Industry",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("slug", models.SlugField(max_length=64, unique=True, verbose_name="标识")),
                ("name", models.CharField(max_length=50, unique=True, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(max_length=50, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=50, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "focus",
                    models.CharField(
                        blank=True,
                        help_text="该行业对客服最看重的方面。",
                        max_length=200,
                        verbose_name="行业侧重",
                    ),
                ),
                (
                    "focus_zh_hans",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="该行业对客服最看重的方面。",
                        max_length=200,
                        null=True,
                        verbose_name="行业侧重",
                    ),
                ),
                (
                    "focus_en",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="该行业对客服最看重的方面。",
                        max_length=200,
                        null=True,
                        verbose_name="行业侧重",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="说明")),
                (
                    "description_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="说明"),
                ),
                (
                    "description_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="说明"),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
            ],
            options={
                "verbose_name": "行业",
                "verbose_name_plural": "行业",
                "ordering": ["order", "name"],
            },
        ),
        migrations.CreateModel(
            name="ScreeningTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("slug", models.SlugField(max_length=64, unique=True, verbose_name="标识")),
                (
                    "group",
                    models.CharField(
                        choices=[
                            ("systems", "系统与工具"),
                            ("industry", "行业术语"),
                            ("languages", "语言"),
                            ("certificates", "证书与学历"),
                        ],
                        max_length=20,
                        verbose_name="分组",
                    ),
                ),
                ("name", models.CharField(max_length=40, unique=True, verbose_name="关键词")),
                (
                    "name_zh_hans",
                    models.CharField(max_length=40, null=True, unique=True, verbose_name="关键词"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=40, null=True, unique=True, verbose_name="关键词"),
                ),
                (
                    "aliases",
                    models.TextField(
                        blank=True,
                        help_text="需求文字中出现其中任何一个，也算出现了这个关键词。每行一个。",
                        verbose_name="同义写法",
                    ),
                ),
                (
                    "aliases_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="需求文字中出现其中任何一个，也算出现了这个关键词。每行一个。",
                        null=True,
                        verbose_name="同义写法",
                    ),
                ),
                (
                    "aliases_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="需求文字中出现其中任何一个，也算出现了这个关键词。每行一个。",
                        null=True,
                        verbose_name="同义写法",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
            ],
            options={
                "verbose_name": "初筛关键词",
                "verbose_name_plural": "初筛关键词",
                "ordering": ["group", "order", "name"],
            },
        ),
        migrations.CreateModel(
            name="Capability",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("slug", models.SlugField(max_length=64, unique=True, verbose_name="标识")),
                ("name", models.CharField(max_length=50, unique=True, verbose_name="关键项")),
                (
                    "name_zh_hans",
                    models.CharField(max_length=50, null=True, unique=True, verbose_name="关键项"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=50, null=True, unique=True, verbose_name="关键项"),
                ),
                ("requirement", models.TextField(verbose_name="具体要求")),
                (
                    "requirement_zh_hans",
                    models.TextField(default="", null=True, verbose_name="具体要求"),
                ),
                (
                    "requirement_en",
                    models.TextField(default="", null=True, verbose_name="具体要求"),
                ),
                (
                    "layer",
                    models.CharField(
                        choices=[("basic", "基础层"), ("core", "核心层"), ("value", "价值层")],
                        max_length=10,
                        verbose_name="指标层级",
                    ),
                ),
                (
                    "is_soft_skill",
                    models.BooleanField(
                        default=False,
                        help_text="软技能无法仅凭证书或简历证明。",
                        verbose_name="软技能",
                    ),
                ),
                (
                    "star_prompts",
                    models.TextField(
                        blank=True, help_text="每行一个问题。", verbose_name="行为面试问题（STAR）"
                    ),
                ),
                (
                    "star_prompts_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个问题。",
                        null=True,
                        verbose_name="行为面试问题（STAR）",
                    ),
                ),
                (
                    "star_prompts_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个问题。",
                        null=True,
                        verbose_name="行为面试问题（STAR）",
                    ),
                ),
                (
                    "scenario_prompts",
                    models.TextField(
                        blank=True, help_text="每行一个情景。", verbose_name="情景模拟题"
                    ),
                ),
                (
                    "scenario_prompts_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个情景。",
                        null=True,
                        verbose_name="情景模拟题",
                    ),
                ),
                (
                    "scenario_prompts_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个情景。",
                        null=True,
                        verbose_name="情景模拟题",
                    ),
                ),
                ("anchor_1", models.TextField(blank=True, verbose_name="1分表现")),
                (
                    "anchor_1_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="1分表现"),
                ),
                (
                    "anchor_1_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="1分表现"),
                ),
                ("anchor_3", models.TextField(blank=True, verbose_name="3分表现")),
                (
                    "anchor_3_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="3分表现"),
                ),
                (
                    "anchor_3_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="3分表现"),
                ),
                ("anchor_5", models.TextField(blank=True, verbose_name="5分表现")),
                (
                    "anchor_5_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="5分表现"),
                ),
                (
                    "anchor_5_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="5分表现"),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
                (
                    "default_methods",
                    models.ManyToManyField(
                        blank=True,
                        related_name="capabilities",
                        to="catalog.assessmentmethod",
                        verbose_name="默认评估方式",
                    ),
                ),
                (
                    "category",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="capabilities",
                        to="catalog.capabilitycategory",
                        verbose_name="类别",
                    ),
                ),
                (
                    "industries",
                    models.ManyToManyField(
                        blank=True,
                        help_text="留空表示适用于所有行业。",
                        related_name="capabilities",
                        to="catalog.industry",
                        verbose_name="行业",
                    ),
                ),
            ],
            options={
                "verbose_name": "能力项",
                "verbose_name_plural": "能力项",
                "ordering": ["category__order", "order", "name"],
            },
        ),
        migrations.CreateModel(
            name="ChallengeEffect",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                (
                    "add_if_missing",
                    models.BooleanField(
                        default=False,
                        help_text="模板中没有这一项时，从能力库加入（只加入适用于该行业的能力项）。",
                        verbose_name="需求表没有时添加",
                    ),
                ),
                (
                    "interview_prompts",
                    models.TextField(
                        blank=True, help_text="每行一个问题。", verbose_name="追加的面试问题"
                    ),
                ),
                (
                    "interview_prompts_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个问题。",
                        null=True,
                        verbose_name="追加的面试问题",
                    ),
                ),
                (
                    "interview_prompts_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个问题。",
                        null=True,
                        verbose_name="追加的面试问题",
                    ),
                ),
                (
                    "reason",
                    models.CharField(
                        help_text="一句话说明为什么这样调整，会显示给HR。",
                        max_length=200,
                        verbose_name="理由",
                    ),
                ),
                (
                    "reason_zh_hans",
                    models.CharField(
                        default="",
                        help_text="一句话说明为什么这样调整，会显示给HR。",
                        max_length=200,
                        null=True,
                        verbose_name="理由",
                    ),
                ),
                (
                    "reason_en",
                    models.CharField(
                        default="",
                        help_text="一句话说明为什么这样调整，会显示给HR。",
                        max_length=200,
                        null=True,
                        verbose_name="理由",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                (
                    "capability",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="catalog.capability",
                        verbose_name="能力项",
                    ),
                ),
                (
                    "methods",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to="catalog.assessmentmethod",
                        verbose_name="增加或强调的评估方式",
                    ),
                ),
                (
                    "challenge",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="effects",
                        to="catalog.corechallenge",
                        verbose_name="核心挑战",
                    ),
                ),
            ],
            options={
                "verbose_name": "挑战调整",
                "verbose_name_plural": "挑战调整",
                "ordering": ["challenge", "order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAssessmentMethod",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("slug", models.SlugField(max_length=64, verbose_name="标识")),
                ("name", models.CharField(db_index=True, max_length=30, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(db_index=True, max_length=30, null=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(db_index=True, max_length=30, null=True, verbose_name="名称"),
                ),
                (
                    "stage",
                    models.CharField(
                        choices=[
                            ("screening", "初筛"),
                            ("test", "测评"),
                            ("interview", "面试"),
                            ("pre_offer", "录用前"),
                        ],
                        max_length=20,
                        verbose_name="招聘环节",
                    ),
                ),
                (
                    "on_scorecard",
                    models.BooleanField(
                        default=False,
                        help_text="用此方式评估的条目由面试官打分。",
                        verbose_name="列入面试评分表",
                    ),
                ),
                ("description", models.CharField(blank=True, max_length=200, verbose_name="说明")),
                (
                    "description_zh_hans",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="说明"
                    ),
                ),
                (
                    "description_en",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="说明"
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 评估方式",
                "verbose_name_plural": "historical 评估方式",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCapability",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("slug", models.SlugField(max_length=64, verbose_name="标识")),
                ("name", models.CharField(db_index=True, max_length=50, verbose_name="关键项")),
                (
                    "name_zh_hans",
                    models.CharField(
                        db_index=True, max_length=50, null=True, verbose_name="关键项"
                    ),
                ),
                (
                    "name_en",
                    models.CharField(
                        db_index=True, max_length=50, null=True, verbose_name="关键项"
                    ),
                ),
                ("requirement", models.TextField(verbose_name="具体要求")),
                (
                    "requirement_zh_hans",
                    models.TextField(default="", null=True, verbose_name="具体要求"),
                ),
                (
                    "requirement_en",
                    models.TextField(default="", null=True, verbose_name="具体要求"),
                ),
                (
                    "layer",
                    models.CharField(
                        choices=[("basic", "基础层"), ("core", "核心层"), ("value", "价值层")],
                        max_length=10,
                        verbose_name="指标层级",
                    ),
                ),
                (
                    "is_soft_skill",
                    models.BooleanField(
                        default=False,
                        help_text="软技能无法仅凭证书或简历证明。",
                        verbose_name="软技能",
                    ),
                ),
                (
                    "star_prompts",
                    models.TextField(
                        blank=True, help_text="每行一个问题。", verbose_name="行为面试问题（STAR）"
                    ),
                ),
                (
                    "star_prompts_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个问题。",
                        null=True,
                        verbose_name="行为面试问题（STAR）",
                    ),
                ),
                (
                    "star_prompts_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个问题。",
                        null=True,
                        verbose_name="行为面试问题（STAR）",
                    ),
                ),
                (
                    "scenario_prompts",
                    models.TextField(
                        blank=True, help_text="每行一个情景。", verbose_name="情景模拟题"
                    ),
                ),
                (
                    "scenario_prompts_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个情景。",
                        null=True,
                        verbose_name="情景模拟题",
                    ),
                ),
                (
                    "scenario_prompts_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个情景。",
                        null=True,
                        verbose_name="情景模拟题",
                    ),
                ),
                ("anchor_1", models.TextField(blank=True, verbose_name="1分表现")),
                (
                    "anchor_1_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="1分表现"),
                ),
                (
                    "anchor_1_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="1分表现"),
                ),
                ("anchor_3", models.TextField(blank=True, verbose_name="3分表现")),
                (
                    "anchor_3_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="3分表现"),
                ),
                (
                    "anchor_3_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="3分表现"),
                ),
                ("anchor_5", models.TextField(blank=True, verbose_name="5分表现")),
                (
                    "anchor_5_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="5分表现"),
                ),
                (
                    "anchor_5_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="5分表现"),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "category",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.capabilitycategory",
                        verbose_name="类别",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 能力项",
                "verbose_name_plural": "historical 能力项",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCapability_default_methods",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "assessmentmethod",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.assessmentmethod",
                    ),
                ),
                (
                    "capability",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.capability",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="catalog.historicalcapability",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalCapability_default_methods",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCapabilityCategory",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("slug", models.SlugField(max_length=64, verbose_name="标识")),
                ("name", models.CharField(db_index=True, max_length=50, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(db_index=True, max_length=50, null=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(db_index=True, max_length=50, null=True, verbose_name="名称"),
                ),
                ("description", models.TextField(blank=True, verbose_name="说明")),
                (
                    "description_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="说明"),
                ),
                (
                    "description_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="说明"),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 能力类别",
                "verbose_name_plural": "historical 能力类别",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalChallengeEffect",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                (
                    "add_if_missing",
                    models.BooleanField(
                        default=False,
                        help_text="模板中没有这一项时，从能力库加入（只加入适用于该行业的能力项）。",
                        verbose_name="需求表没有时添加",
                    ),
                ),
                (
                    "interview_prompts",
                    models.TextField(
                        blank=True, help_text="每行一个问题。", verbose_name="追加的面试问题"
                    ),
                ),
                (
                    "interview_prompts_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个问题。",
                        null=True,
                        verbose_name="追加的面试问题",
                    ),
                ),
                (
                    "interview_prompts_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一个问题。",
                        null=True,
                        verbose_name="追加的面试问题",
                    ),
                ),
                (
                    "reason",
                    models.CharField(
                        help_text="一句话说明为什么这样调整，会显示给HR。",
                        max_length=200,
                        verbose_name="理由",
                    ),
                ),
                (
                    "reason_zh_hans",
                    models.CharField(
                        default="",
                        help_text="一句话说明为什么这样调整，会显示给HR。",
                        max_length=200,
                        null=True,
                        verbose_name="理由",
                    ),
                ),
                (
                    "reason_en",
                    models.CharField(
                        default="",
                        help_text="一句话说明为什么这样调整，会显示给HR。",
                        max_length=200,
                        null=True,
                        verbose_name="理由",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "capability",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.capability",
                        verbose_name="能力项",
                    ),
                ),
                (
                    "challenge",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.corechallenge",
                        verbose_name="核心挑战",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 挑战调整",
                "verbose_name_plural": "historical 挑战调整",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalChallengeEffect_methods",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "assessmentmethod",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.assessmentmethod",
                    ),
                ),
                (
                    "challengeeffect",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.challengeeffect",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="catalog.historicalchallengeeffect",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalChallengeEffect_methods",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCoreChallenge",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("slug", models.SlugField(max_length=64, verbose_name="标识")),
                ("name", models.CharField(db_index=True, max_length=40, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(db_index=True, max_length=40, null=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(db_index=True, max_length=80, null=True, verbose_name="名称"),
                ),
                (
                    "description",
                    models.CharField(
                        blank=True,
                        help_text="一句话说明这个挑战意味着什么。",
                        max_length=200,
                        verbose_name="说明",
                    ),
                ),
                (
                    "description_zh_hans",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="一句话说明这个挑战意味着什么。",
                        max_length=200,
                        null=True,
                        verbose_name="说明",
                    ),
                ),
                (
                    "description_en",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="一句话说明这个挑战意味着什么。",
                        max_length=200,
                        null=True,
                        verbose_name="说明",
                    ),
                ),
                (
                    "screening_question",
                    models.CharField(
                        blank=True,
                        help_text="加入职位发布的必答题，用于初筛。",
                        max_length=200,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_question_zh_hans",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="加入职位发布的必答题，用于初筛。",
                        max_length=200,
                        null=True,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_question_en",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="加入职位发布的必答题，用于初筛。",
                        max_length=200,
                        null=True,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_question_reason",
                    models.CharField(
                        blank=True,
                        help_text="一句话说明为什么问这道题。",
                        max_length=200,
                        verbose_name="必答题理由",
                    ),
                ),
                (
                    "screening_question_reason_zh_hans",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="一句话说明为什么问这道题。",
                        max_length=200,
                        null=True,
                        verbose_name="必答题理由",
                    ),
                ),
                (
                    "screening_question_reason_en",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="一句话说明为什么问这道题。",
                        max_length=200,
                        null=True,
                        verbose_name="必答题理由",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 核心挑战",
                "verbose_name_plural": "historical 核心挑战",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalIndustry",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("slug", models.SlugField(max_length=64, verbose_name="标识")),
                ("name", models.CharField(db_index=True, max_length=50, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(db_index=True, max_length=50, null=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(db_index=True, max_length=50, null=True, verbose_name="名称"),
                ),
                (
                    "focus",
                    models.CharField(
                        blank=True,
                        help_text="该行业对客服最看重的方面。",
                        max_length=200,
                        verbose_name="行业侧重",
                    ),
                ),
                (
                    "focus_zh_hans",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="该行业对客服最看重的方面。",
                        max_length=200,
                        null=True,
                        verbose_name="行业侧重",
                    ),
                ),
                (
                    "focus_en",
                    models.CharField(
                        blank=True,
                        default="",
                        help_text="该行业对客服最看重的方面。",
                        max_length=200,
                        null=True,
                        verbose_name="行业侧重",
                    ),
                ),
                ("description", models.TextField(blank=True, verbose_name="说明")),
                (
                    "description_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="说明"),
                ),
                (
                    "description_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="说明"),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 行业",
                "verbose_name_plural": "historical 行业",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPriority",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("slug", models.SlugField(max_length=64, verbose_name="标识")),
                ("name", models.CharField(db_index=True, max_length=20, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(db_index=True, max_length=20, null=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(db_index=True, max_length=20, null=True, verbose_name="名称"),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="数字越小越重要。", verbose_name="排序"
                    ),
                ),
                (
                    "weight",
                    models.PositiveSmallIntegerField(
                        default=1, help_text="该项在面试评分表中的权重。", verbose_name="权重"
                    ),
                ),
                (
                    "is_knockout",
                    models.BooleanField(
                        default=False,
                        help_text="不满足即淘汰，其他条件再好也不录用。",
                        verbose_name="一票否决",
                    ),
                ),
                ("description", models.CharField(blank=True, max_length=200, verbose_name="说明")),
                (
                    "description_zh_hans",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="说明"
                    ),
                ),
                (
                    "description_en",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="说明"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 优先级",
                "verbose_name_plural": "historical 优先级",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalScreeningTerm",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("slug", models.SlugField(max_length=64, verbose_name="标识")),
                (
                    "group",
                    models.CharField(
                        choices=[
                            ("systems", "系统与工具"),
                            ("industry", "行业术语"),
                            ("languages", "语言"),
                            ("certificates", "证书与学历"),
                        ],
                        max_length=20,
                        verbose_name="分组",
                    ),
                ),
                ("name", models.CharField(db_index=True, max_length=40, verbose_name="关键词")),
                (
                    "name_zh_hans",
                    models.CharField(
                        db_index=True, max_length=40, null=True, verbose_name="关键词"
                    ),
                ),
                (
                    "name_en",
                    models.CharField(
                        db_index=True, max_length=40, null=True, verbose_name="关键词"
                    ),
                ),
                (
                    "aliases",
                    models.TextField(
                        blank=True,
                        help_text="需求文字中出现其中任何一个，也算出现了这个关键词。每行一个。",
                        verbose_name="同义写法",
                    ),
                ),
                (
                    "aliases_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="需求文字中出现其中任何一个，也算出现了这个关键词。每行一个。",
                        null=True,
                        verbose_name="同义写法",
                    ),
                ),
                (
                    "aliases_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="需求文字中出现其中任何一个，也算出现了这个关键词。每行一个。",
                        null=True,
                        verbose_name="同义写法",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 初筛关键词",
                "verbose_name_plural": "historical 初筛关键词",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPreset",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("slug", models.SlugField(max_length=64, verbose_name="标识")),
                ("name", models.CharField(db_index=True, max_length=80, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(db_index=True, max_length=80, null=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(db_index=True, max_length=80, null=True, verbose_name="名称"),
                ),
                ("role_title", models.CharField(max_length=80, verbose_name="岗位名称")),
                (
                    "role_title_zh_hans",
                    models.CharField(default="", max_length=80, null=True, verbose_name="岗位名称"),
                ),
                (
                    "role_title_en",
                    models.CharField(default="", max_length=80, null=True, verbose_name="岗位名称"),
                ),
                ("summary", models.TextField(blank=True, verbose_name="岗位概述")),
                (
                    "summary_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="岗位概述"),
                ),
                (
                    "summary_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="岗位概述"),
                ),
                (
                    "responsibilities",
                    models.TextField(
                        blank=True, help_text="每行一条职责。", verbose_name="岗位职责"
                    ),
                ),
                (
                    "responsibilities_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一条职责。",
                        null=True,
                        verbose_name="岗位职责",
                    ),
                ),
                (
                    "responsibilities_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一条职责。",
                        null=True,
                        verbose_name="岗位职责",
                    ),
                ),
                (
                    "screening_questions",
                    models.TextField(
                        blank=True,
                        help_text="每位应聘者必须回答的问题，每行一个。",
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_questions_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每位应聘者必须回答的问题，每行一个。",
                        null=True,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_questions_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每位应聘者必须回答的问题，每行一个。",
                        null=True,
                        verbose_name="必答题",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "industry",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.industry",
                        verbose_name="行业",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 行业模板",
                "verbose_name_plural": "historical 行业模板",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCapability_industries",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "capability",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.capability",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="catalog.historicalcapability",
                    ),
                ),
                (
                    "industry",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.industry",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalCapability_industries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Preset",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("slug", models.SlugField(max_length=64, unique=True, verbose_name="标识")),
                ("name", models.CharField(max_length=80, unique=True, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(max_length=80, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=80, null=True, unique=True, verbose_name="名称"),
                ),
                ("role_title", models.CharField(max_length=80, verbose_name="岗位名称")),
                (
                    "role_title_zh_hans",
                    models.CharField(default="", max_length=80, null=True, verbose_name="岗位名称"),
                ),
                (
                    "role_title_en",
                    models.CharField(default="", max_length=80, null=True, verbose_name="岗位名称"),
                ),
                ("summary", models.TextField(blank=True, verbose_name="岗位概述")),
                (
                    "summary_zh_hans",
                    models.TextField(blank=True, default="", null=True, verbose_name="岗位概述"),
                ),
                (
                    "summary_en",
                    models.TextField(blank=True, default="", null=True, verbose_name="岗位概述"),
                ),
                (
                    "responsibilities",
                    models.TextField(
                        blank=True, help_text="每行一条职责。", verbose_name="岗位职责"
                    ),
                ),
                (
                    "responsibilities_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一条职责。",
                        null=True,
                        verbose_name="岗位职责",
                    ),
                ),
                (
                    "responsibilities_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每行一条职责。",
                        null=True,
                        verbose_name="岗位职责",
                    ),
                ),
                (
                    "screening_questions",
                    models.TextField(
                        blank=True,
                        help_text="每位应聘者必须回答的问题，每行一个。",
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_questions_zh_hans",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每位应聘者必须回答的问题，每行一个。",
                        null=True,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "screening_questions_en",
                    models.TextField(
                        blank=True,
                        default="",
                        help_text="每位应聘者必须回答的问题，每行一个。",
                        null=True,
                        verbose_name="必答题",
                    ),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
                (
                    "industry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="presets",
                        to="catalog.industry",
                        verbose_name="行业",
                    ),
                ),
            ],
            options={
                "verbose_name": "行业模板",
                "verbose_name_plural": "行业模板",
                "ordering": ["industry__order", "order", "name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPresetItem",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="创建时间"),
                ),
                (
                    "updated_at",
                    models.DateTimeField(blank=True, editable=False, verbose_name="更新时间"),
                ),
                ("requirement", models.TextField(verbose_name="具体要求")),
                (
                    "requirement_zh_hans",
                    models.TextField(default="", null=True, verbose_name="具体要求"),
                ),
                (
                    "requirement_en",
                    models.TextField(default="", null=True, verbose_name="具体要求"),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "capability",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.capability",
                        verbose_name="能力项",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "preset",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.preset",
                        verbose_name="行业模板",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 模板条目",
                "verbose_name_plural": "historical 模板条目",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PresetItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("requirement", models.TextField(verbose_name="具体要求")),
                (
                    "requirement_zh_hans",
                    models.TextField(default="", null=True, verbose_name="具体要求"),
                ),
                (
                    "requirement_en",
                    models.TextField(default="", null=True, verbose_name="具体要求"),
                ),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                (
                    "capability",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="catalog.capability",
                        verbose_name="能力项",
                    ),
                ),
                (
                    "methods",
                    models.ManyToManyField(
                        blank=True,
                        related_name="+",
                        to="catalog.assessmentmethod",
                        verbose_name="评估方式",
                    ),
                ),
                (
                    "preset",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="catalog.preset",
                        verbose_name="行业模板",
                    ),
                ),
            ],
            options={
                "verbose_name": "模板条目",
                "verbose_name_plural": "模板条目",
                "ordering": ["preset", "capability__category__order", "order"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPresetItem_methods",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "assessmentmethod",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.assessmentmethod",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="catalog.historicalpresetitem",
                    ),
                ),
                (
                    "presetitem",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.presetitem",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPresetItem_methods",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Priority",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("slug", models.SlugField(max_length=64, unique=True, verbose_name="标识")),
                ("name", models.CharField(max_length=20, unique=True, verbose_name="名称")),
                (
                    "name_zh_hans",
                    models.CharField(max_length=20, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "name_en",
                    models.CharField(max_length=20, null=True, unique=True, verbose_name="名称"),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="数字越小越重要。", verbose_name="排序"
                    ),
                ),
                (
                    "weight",
                    models.PositiveSmallIntegerField(
                        default=1, help_text="该项在面试评分表中的权重。", verbose_name="权重"
                    ),
                ),
                (
                    "is_knockout",
                    models.BooleanField(
                        default=False,
                        help_text="不满足即淘汰，其他条件再好也不录用。",
                        verbose_name="一票否决",
                    ),
                ),
                ("description", models.CharField(blank=True, max_length=200, verbose_name="说明")),
                (
                    "description_zh_hans",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="说明"
                    ),
                ),
                (
                    "description_en",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="说明"
                    ),
                ),
            ],
            options={
                "verbose_name": "优先级",
                "verbose_name_plural": "优先级",
                "ordering": ["order", "name"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("weight__gte", 0), ("weight__lte", 100)),
                        name="priority_weight_0_100",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="presetitem",
            name="priority",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="catalog.priority",
                verbose_name="优先级",
            ),
        ),
        migrations.AddField(
            model_name="historicalpresetitem",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="catalog.priority",
                verbose_name="优先级",
            ),
        ),
        migrations.AddField(
            model_name="historicalchallengeeffect",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="留空表示不改优先级；比原来重要为提高，否则为降低。",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="catalog.priority",
                verbose_name="调整为优先级",
            ),
        ),
        migrations.AddField(
            model_name="historicalcapability",
            name="default_priority",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="catalog.priority",
                verbose_name="默认优先级",
            ),
        ),
        migrations.AddField(
            model_name="challengeeffect",
            name="priority",
            field=models.ForeignKey(
                blank=True,
                help_text="留空表示不改优先级；比原来重要为提高，否则为降低。",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="catalog.priority",
                verbose_name="调整为优先级",
            ),
        ),
        migrations.AddField(
            model_name="capability",
            name="default_priority",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="catalog.priority",
                verbose_name="默认优先级",
            ),
        ),
        migrations.AddConstraint(
            model_name="presetitem",
            constraint=models.UniqueConstraint(
                fields=("preset", "capability"), name="presetitem_one_per_capability"
            ),
        ),
        migrations.AddConstraint(
            model_name="challengeeffect",
            constraint=models.UniqueConstraint(
                fields=("challenge", "capability"), name="challengeeffect_one_per_capability"
            ),
        ),
        migrations.RunPython(_permissions.grant, _permissions.revoke),
    ]
