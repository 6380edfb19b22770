"""The sheets' tables as 0001-0008 left them, made in one step for a new database.

0004 filled the scorecard text of existing items and 0006 turned the history reasons of
existing records into codes: a new database has no rows, so they have no part here. The
permission to review is given at the end, as 0005 gave it.
"""

from importlib import import_module

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

_permissions = import_module("hiring.sheets.migrations.0005_review_permission")


class Migration(migrations.Migration):
    replaces = [
        ("sheets", "0001_initial"),
        ("sheets", "0002_historicalrequirementsheet_revision_of_and_more"),
        ("sheets", "0003_alter_review_action"),
        ("sheets", "0004_sheetitem_scorecard_text"),
        ("sheets", "0005_review_permission"),
        ("sheets", "0006_history_reason_codes"),
        ("sheets", "0007_challenges_and_screening_kit"),
        ("sheets", "0008_sheet_language"),
    ]

    initial = True

    dependencies = [
        ("catalog", "0001_squashed_0006_copy_chinese_texts"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="RequirementSheet",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("title", models.CharField(max_length=120, verbose_name="标题")),
                (
                    "language",
                    models.CharField(
                        choices=[("zh-hans", "简体中文"), ("en", "英文")],
                        default="zh-hans",
                        editable=False,
                        max_length=10,
                        verbose_name="内容语言",
                    ),
                ),
                (
                    "preset_applied_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="模板应用时间"),
                ),
                ("role_title", models.CharField(max_length=80, verbose_name="岗位名称")),
                ("department", models.CharField(blank=True, max_length=80, verbose_name="部门")),
                ("headcount", models.PositiveSmallIntegerField(default=1, verbose_name="招聘人数")),
                ("location", models.CharField(blank=True, max_length=120, verbose_name="工作地点")),
                ("schedule", models.CharField(blank=True, max_length=200, verbose_name="工作时间")),
                (
                    "salary_min",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="薪资下限"),
                ),
                (
                    "salary_max",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="薪资上限"),
                ),
                (
                    "salary_period",
                    models.CharField(
                        choices=[
                            ("month", "每月"),
                            ("year", "每年"),
                            ("day", "每天"),
                            ("hour", "每小时"),
                        ],
                        default="month",
                        max_length=10,
                        verbose_name="薪资周期",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "草稿"),
                            ("submitted", "待审批"),
                            ("approved", "已批准"),
                            ("returned", "已退回"),
                            ("archived", "已归档"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=20,
                        verbose_name="状态",
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, verbose_name="版本号")),
                (
                    "last_step",
                    models.CharField(default="basics", max_length=20, verbose_name="最后编辑步骤"),
                ),
                (
                    "wizard_state",
                    models.JSONField(blank=True, default=dict, verbose_name="向导未完成的输入"),
                ),
                (
                    "challenge_slugs",
                    models.JSONField(blank=True, default=list, verbose_name="核心挑战"),
                ),
                (
                    "hiring_manager",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="sheets_to_review",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="用人经理",
                    ),
                ),
                (
                    "industry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sheets",
                        to="catalog.industry",
                        verbose_name="行业",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="sheets_owned",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="负责人",
                    ),
                ),
                (
                    "preset",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="sheets",
                        to="catalog.preset",
                        verbose_name="行业模板",
                    ),
                ),
                (
                    "revision_of",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="revisions",
                        to="sheets.requirementsheet",
                        verbose_name="修订自",
                    ),
                ),
            ],
            options={
                "verbose_name": "招聘需求表",
                "verbose_name_plural": "招聘需求表",
                "ordering": ["-updated_at", "-pk"],
                "permissions": [
                    ("review_requirementsheet", "Can review (approve or return) sheets")
                ],
            },
        ),
        migrations.CreateModel(
            name="JobPosting",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("headline", models.CharField(blank=True, max_length=120, verbose_name="职位标题")),
                ("summary", models.TextField(blank=True, max_length=2000, verbose_name="职位概述")),
                (
                    "responsibilities",
                    models.TextField(
                        blank=True, help_text="每行一条。", max_length=5000, verbose_name="岗位职责"
                    ),
                ),
                (
                    "benefits",
                    models.TextField(
                        blank=True, help_text="每行一条。", max_length=2000, verbose_name="薪资福利"
                    ),
                ),
                (
                    "process_steps",
                    models.TextField(
                        blank=True,
                        help_text="每行一个环节，按先后顺序。",
                        max_length=1000,
                        verbose_name="招聘流程",
                    ),
                ),
                (
                    "screening_questions",
                    models.TextField(
                        blank=True,
                        help_text="每行一个问题。",
                        max_length=2000,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "how_to_apply",
                    models.TextField(blank=True, max_length=1000, verbose_name="应聘方式"),
                ),
                (
                    "sheet",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="posting",
                        to="sheets.requirementsheet",
                        verbose_name="需求表",
                    ),
                ),
            ],
            options={
                "verbose_name": "职位发布",
                "verbose_name_plural": "职位发布",
            },
        ),
        migrations.CreateModel(
            name="HistoricalSheetItem",
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
                ("name", models.CharField(max_length=60, verbose_name="关键项")),
                ("requirement", models.TextField(max_length=2000, verbose_name="具体要求")),
                ("included", models.BooleanField(default=True, verbose_name="保留")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                (
                    "interview_prompts",
                    models.TextField(
                        blank=True,
                        help_text="每行一个问题。",
                        max_length=4000,
                        verbose_name="面试问题",
                    ),
                ),
                ("anchor_1", models.TextField(blank=True, max_length=1000, verbose_name="1分表现")),
                ("anchor_3", models.TextField(blank=True, max_length=1000, verbose_name="3分表现")),
                ("anchor_5", models.TextField(blank=True, max_length=1000, verbose_name="5分表现")),
                (
                    "challenge_note",
                    models.TextField(blank=True, max_length=2000, verbose_name="核心挑战调整"),
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
                    "capability",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="留空表示自定义条目。",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.capability",
                        verbose_name="来源能力项",
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
                (
                    "priority",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="catalog.priority",
                        verbose_name="优先级",
                    ),
                ),
                (
                    "sheet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="sheets.requirementsheet",
                        verbose_name="需求表",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 需求条目",
                "verbose_name_plural": "historical 需求条目",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalScreeningKit",
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
                ("keywords", models.JSONField(blank=True, default=list, verbose_name="关键词")),
                (
                    "knockouts",
                    models.JSONField(blank=True, default=list, verbose_name="一票否决问题"),
                ),
                ("tests", models.JSONField(blank=True, default=list, verbose_name="须通过的测评")),
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
                    "sheet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="sheets.requirementsheet",
                        verbose_name="需求表",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 初筛条件",
                "verbose_name_plural": "historical 初筛条件",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalRequirementSheet",
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
                ("title", models.CharField(max_length=120, verbose_name="标题")),
                (
                    "language",
                    models.CharField(
                        choices=[("zh-hans", "简体中文"), ("en", "英文")],
                        default="zh-hans",
                        editable=False,
                        max_length=10,
                        verbose_name="内容语言",
                    ),
                ),
                (
                    "preset_applied_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="模板应用时间"),
                ),
                ("role_title", models.CharField(max_length=80, verbose_name="岗位名称")),
                ("department", models.CharField(blank=True, max_length=80, verbose_name="部门")),
                ("headcount", models.PositiveSmallIntegerField(default=1, verbose_name="招聘人数")),
                ("location", models.CharField(blank=True, max_length=120, verbose_name="工作地点")),
                ("schedule", models.CharField(blank=True, max_length=200, verbose_name="工作时间")),
                (
                    "salary_min",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="薪资下限"),
                ),
                (
                    "salary_max",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="薪资上限"),
                ),
                (
                    "salary_period",
                    models.CharField(
                        choices=[
                            ("month", "每月"),
                            ("year", "每年"),
                            ("day", "每天"),
                            ("hour", "每小时"),
                        ],
                        default="month",
                        max_length=10,
                        verbose_name="薪资周期",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "草稿"),
                            ("submitted", "待审批"),
                            ("approved", "已批准"),
                            ("returned", "已退回"),
                            ("archived", "已归档"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=20,
                        verbose_name="状态",
                    ),
                ),
                ("version", models.PositiveIntegerField(default=1, verbose_name="版本号")),
                (
                    "last_step",
                    models.CharField(default="basics", max_length=20, verbose_name="最后编辑步骤"),
                ),
                (
                    "challenge_slugs",
                    models.JSONField(blank=True, default=list, verbose_name="核心挑战"),
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
                    "hiring_manager",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="用人经理",
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
                (
                    "owner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="负责人",
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
                (
                    "revision_of",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="sheets.requirementsheet",
                        verbose_name="修订自",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 招聘需求表",
                "verbose_name_plural": "historical 招聘需求表",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalJobPosting",
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
                ("headline", models.CharField(blank=True, max_length=120, verbose_name="职位标题")),
                ("summary", models.TextField(blank=True, max_length=2000, verbose_name="职位概述")),
                (
                    "responsibilities",
                    models.TextField(
                        blank=True, help_text="每行一条。", max_length=5000, verbose_name="岗位职责"
                    ),
                ),
                (
                    "benefits",
                    models.TextField(
                        blank=True, help_text="每行一条。", max_length=2000, verbose_name="薪资福利"
                    ),
                ),
                (
                    "process_steps",
                    models.TextField(
                        blank=True,
                        help_text="每行一个环节，按先后顺序。",
                        max_length=1000,
                        verbose_name="招聘流程",
                    ),
                ),
                (
                    "screening_questions",
                    models.TextField(
                        blank=True,
                        help_text="每行一个问题。",
                        max_length=2000,
                        verbose_name="必答题",
                    ),
                ),
                (
                    "how_to_apply",
                    models.TextField(blank=True, max_length=1000, verbose_name="应聘方式"),
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
                (
                    "sheet",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="sheets.requirementsheet",
                        verbose_name="需求表",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical 职位发布",
                "verbose_name_plural": "historical 职位发布",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Review",
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
                    "action",
                    models.CharField(
                        choices=[
                            ("submitted", "提交审批"),
                            ("approved", "批准"),
                            ("returned", "退回修改"),
                            ("revision", "创建新修订"),
                            ("reverted", "恢复到早先版本"),
                            ("archived", "归档"),
                        ],
                        max_length=20,
                        verbose_name="操作",
                    ),
                ),
                ("comment", models.TextField(blank=True, max_length=2000, verbose_name="意见")),
                (
                    "actor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="操作人",
                    ),
                ),
                (
                    "sheet",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reviews",
                        to="sheets.requirementsheet",
                        verbose_name="需求表",
                    ),
                ),
            ],
            options={
                "verbose_name": "审批记录",
                "verbose_name_plural": "审批记录",
                "ordering": ["-created_at", "-pk"],
            },
        ),
        migrations.CreateModel(
            name="ScreeningKit",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("keywords", models.JSONField(blank=True, default=list, verbose_name="关键词")),
                (
                    "knockouts",
                    models.JSONField(blank=True, default=list, verbose_name="一票否决问题"),
                ),
                ("tests", models.JSONField(blank=True, default=list, verbose_name="须通过的测评")),
                (
                    "sheet",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="screening_kit",
                        to="sheets.requirementsheet",
                        verbose_name="需求表",
                    ),
                ),
            ],
            options={
                "verbose_name": "初筛条件",
                "verbose_name_plural": "初筛条件",
            },
        ),
        migrations.CreateModel(
            name="SheetItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="创建时间")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="更新时间")),
                ("name", models.CharField(max_length=60, verbose_name="关键项")),
                ("requirement", models.TextField(max_length=2000, verbose_name="具体要求")),
                ("included", models.BooleanField(default=True, verbose_name="保留")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
                (
                    "interview_prompts",
                    models.TextField(
                        blank=True,
                        help_text="每行一个问题。",
                        max_length=4000,
                        verbose_name="面试问题",
                    ),
                ),
                ("anchor_1", models.TextField(blank=True, max_length=1000, verbose_name="1分表现")),
                ("anchor_3", models.TextField(blank=True, max_length=1000, verbose_name="3分表现")),
                ("anchor_5", models.TextField(blank=True, max_length=1000, verbose_name="5分表现")),
                (
                    "challenge_note",
                    models.TextField(blank=True, max_length=2000, verbose_name="核心挑战调整"),
                ),
                (
                    "capability",
                    models.ForeignKey(
                        blank=True,
                        help_text="留空表示自定义条目。",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="catalog.capability",
                        verbose_name="来源能力项",
                    ),
                ),
                (
                    "category",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="catalog.capabilitycategory",
                        verbose_name="类别",
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
                    "priority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="catalog.priority",
                        verbose_name="优先级",
                    ),
                ),
                (
                    "sheet",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="sheets.requirementsheet",
                        verbose_name="需求表",
                    ),
                ),
            ],
            options={
                "verbose_name": "需求条目",
                "verbose_name_plural": "需求条目",
                "ordering": ["category__order", "order", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalSheetItem_methods",
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
                        to="sheets.historicalsheetitem",
                    ),
                ),
                (
                    "sheetitem",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="sheets.sheetitem",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalSheetItem_methods",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddConstraint(
            model_name="requirementsheet",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("salary_min__isnull", True),
                    ("salary_max__isnull", True),
                    ("salary_min__lte", models.F("salary_max")),
                    _connector="OR",
                ),
                name="sheet_salary_min_lte_max",
            ),
        ),
        migrations.AddConstraint(
            model_name="requirementsheet",
            constraint=models.CheckConstraint(
                condition=models.Q(("headcount__gte", 1)), name="sheet_headcount_gte_1"
            ),
        ),
        migrations.AddConstraint(
            model_name="sheetitem",
            constraint=models.UniqueConstraint(
                condition=models.Q(("capability__isnull", False)),
                fields=("sheet", "capability"),
                name="sheetitem_one_per_capability",
            ),
        ),
        migrations.RunPython(_permissions.grant, _permissions.revoke),
    ]
