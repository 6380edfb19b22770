"""The quality tables as 0001-0007 left them, made in one step for a new database.

0005 copied the messages of existing rules into their Chinese columns: a new database has no
rows, so it has no part here. The roles' permissions are given at the end, as 0002 gave them.
"""

from importlib import import_module

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

_permissions = import_module("hiring.quality.migrations.0002_role_permissions")


class Migration(migrations.Migration):
    replaces = [
        ("quality", "0001_wording_lexicon"),
        ("quality", "0002_role_permissions"),
        ("quality", "0003_lexicon_acts_and_frames"),
        ("quality", "0004_translated_messages"),
        ("quality", "0005_copy_chinese_messages"),
        ("quality", "0006_wordlist_needs_context"),
        ("quality", "0007_needs_context_help_text"),
    ]

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="WordingRule",
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
                    "ground",
                    models.CharField(
                        choices=[
                            ("gender", "性别"),
                            ("gender_identity", "性别认同"),
                            ("orientation", "性取向"),
                            ("marital", "婚育状况"),
                            ("age", "年龄"),
                            ("ethnicity", "民族或种族"),
                            ("religion", "宗教信仰"),
                            ("origin", "户籍或地域"),
                            ("appearance", "外貌"),
                            ("health", "健康状况"),
                            ("disability", "残疾状况"),
                            ("genetic", "遗传信息"),
                            ("zodiac", "属相、星座或血型"),
                        ],
                        max_length=20,
                        verbose_name="保护事由",
                    ),
                ),
                (
                    "severity",
                    models.CharField(
                        choices=[("error", "错误"), ("warning", "警告"), ("tip", "建议")],
                        default="error",
                        max_length=10,
                        verbose_name="严重程度",
                    ),
                ),
                (
                    "message",
                    models.CharField(
                        help_text="{wording} 处填入用户的原话。",
                        max_length=300,
                        verbose_name="提示",
                    ),
                ),
                (
                    "message_zh_hans",
                    models.CharField(
                        default="",
                        help_text="{wording} 处填入用户的原话。",
                        max_length=300,
                        null=True,
                        verbose_name="提示",
                    ),
                ),
                (
                    "message_en",
                    models.CharField(
                        default="",
                        help_text="{wording} 处填入用户的原话。",
                        max_length=300,
                        null=True,
                        verbose_name="提示",
                    ),
                ),
                (
                    "suggestion",
                    models.CharField(blank=True, max_length=300, verbose_name="修改建议"),
                ),
                (
                    "suggestion_zh_hans",
                    models.CharField(
                        blank=True, default="", max_length=300, null=True, verbose_name="修改建议"
                    ),
                ),
                (
                    "suggestion_en",
                    models.CharField(
                        blank=True, default="", max_length=300, null=True, verbose_name="修改建议"
                    ),
                ),
                (
                    "legal_basis",
                    models.CharField(blank=True, max_length=200, verbose_name="法律依据"),
                ),
                (
                    "legal_basis_zh_hans",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="法律依据"
                    ),
                ),
                (
                    "legal_basis_en",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="法律依据"
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="排序")),
            ],
            options={
                "verbose_name": "措辞提示",
                "verbose_name_plural": "措辞提示",
                "ordering": ["ground", "order", "slug"],
            },
        ),
        migrations.CreateModel(
            name="WordList",
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
                ("description", models.CharField(blank=True, max_length=200, verbose_name="说明")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("group", "受保护群体"),
                            ("topic", "受保护事项"),
                            ("phrase", "自成限制的说法"),
                            ("act", "限制行为"),
                            ("frame", "合法语境（紧邻）"),
                            ("lawful", "合法语境（整句）"),
                            ("fragment", "片段"),
                        ],
                        default="fragment",
                        max_length=10,
                        verbose_name="作用",
                    ),
                ),
                (
                    "ground",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("gender", "性别"),
                            ("gender_identity", "性别认同"),
                            ("orientation", "性取向"),
                            ("marital", "婚育状况"),
                            ("age", "年龄"),
                            ("ethnicity", "民族或种族"),
                            ("religion", "宗教信仰"),
                            ("origin", "户籍或地域"),
                            ("appearance", "外貌"),
                            ("health", "健康状况"),
                            ("disability", "残疾状况"),
                            ("genetic", "遗传信息"),
                            ("zodiac", "属相、星座或血型"),
                        ],
                        help_text="群体、事项和说法必填；合法语境留空表示对所有事由都适用。",
                        max_length=20,
                        verbose_name="保护事由",
                    ),
                ),
                (
                    "act",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("exclude", "排除"),
                            ("prefer", "偏好"),
                            ("require", "要求"),
                            ("ask", "询问"),
                            ("evaluate", "评价"),
                            ("note", "评语或结论（整段适用）"),
                            ("fair", "评语声明与此无关（整段不适用）"),
                        ],
                        help_text="仅用于限制行为。",
                        max_length=10,
                        verbose_name="行为",
                    ),
                ),
                (
                    "severity",
                    models.CharField(
                        choices=[("error", "错误"), ("warning", "警告")],
                        default="error",
                        help_text="限制或偏好某一保护事由是错误；只是间接信号（如“年轻的团队”）是警告。",
                        max_length=10,
                        verbose_name="严重程度",
                    ),
                ),
                (
                    "words",
                    models.TextField(
                        help_text="每行一个词语或正则表达式片段（RE2 语法，匹配时间与文本长度成正比），匹配规范化后的文本：小写、简体、半角、阿拉伯数字。以字母或数字开头或结尾的词按整词匹配。{标识} 引用片段。",
                        verbose_name="词语",
                    ),
                ),
                (
                    "needs_context",
                    models.BooleanField(
                        default=False,
                        help_text="用于也有别的意思的词（“男”“先生”“black”）：只有紧挨着限制行为（“限男”“男优先”）或后接指人的词（“男的”“black candidates”）时才算作群体。",
                        verbose_name="仅在语境中算作群体",
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
            ],
            options={
                "verbose_name": "词表",
                "verbose_name_plural": "词表",
                "ordering": ["kind", "ground", "slug"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalWordingRule",
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
                    "ground",
                    models.CharField(
                        choices=[
                            ("gender", "性别"),
                            ("gender_identity", "性别认同"),
                            ("orientation", "性取向"),
                            ("marital", "婚育状况"),
                            ("age", "年龄"),
                            ("ethnicity", "民族或种族"),
                            ("religion", "宗教信仰"),
                            ("origin", "户籍或地域"),
                            ("appearance", "外貌"),
                            ("health", "健康状况"),
                            ("disability", "残疾状况"),
                            ("genetic", "遗传信息"),
                            ("zodiac", "属相、星座或血型"),
                        ],
                        max_length=20,
                        verbose_name="保护事由",
                    ),
                ),
                (
                    "severity",
                    models.CharField(
                        choices=[("error", "错误"), ("warning", "警告"), ("tip", "建议")],
                        default="error",
                        max_length=10,
                        verbose_name="严重程度",
                    ),
                ),
                (
                    "message",
                    models.CharField(
                        help_text="{wording} 处填入用户的原话。",
                        max_length=300,
                        verbose_name="提示",
                    ),
                ),
                (
                    "message_zh_hans",
                    models.CharField(
                        default="",
                        help_text="{wording} 处填入用户的原话。",
                        max_length=300,
                        null=True,
                        verbose_name="提示",
                    ),
                ),
                (
                    "message_en",
                    models.CharField(
                        default="",
                        help_text="{wording} 处填入用户的原话。",
                        max_length=300,
                        null=True,
                        verbose_name="提示",
                    ),
                ),
                (
                    "suggestion",
                    models.CharField(blank=True, max_length=300, verbose_name="修改建议"),
                ),
                (
                    "suggestion_zh_hans",
                    models.CharField(
                        blank=True, default="", max_length=300, null=True, verbose_name="修改建议"
                    ),
                ),
                (
                    "suggestion_en",
                    models.CharField(
                        blank=True, default="", max_length=300, null=True, verbose_name="修改建议"
                    ),
                ),
                (
                    "legal_basis",
                    models.CharField(blank=True, max_length=200, verbose_name="法律依据"),
                ),
                (
                    "legal_basis_zh_hans",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="法律依据"
                    ),
                ),
                (
                    "legal_basis_en",
                    models.CharField(
                        blank=True, default="", max_length=200, null=True, verbose_name="法律依据"
                    ),
                ),
                ("is_active", models.BooleanField(default=True, verbose_name="启用")),
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
                "verbose_name": "historical 措辞提示",
                "verbose_name_plural": "historical 措辞提示",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalWordList",
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
                ("description", models.CharField(blank=True, max_length=200, verbose_name="说明")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("group", "受保护群体"),
                            ("topic", "受保护事项"),
                            ("phrase", "自成限制的说法"),
                            ("act", "限制行为"),
                            ("frame", "合法语境（紧邻）"),
                            ("lawful", "合法语境（整句）"),
                            ("fragment", "片段"),
                        ],
                        default="fragment",
                        max_length=10,
                        verbose_name="作用",
                    ),
                ),
                (
                    "ground",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("gender", "性别"),
                            ("gender_identity", "性别认同"),
                            ("orientation", "性取向"),
                            ("marital", "婚育状况"),
                            ("age", "年龄"),
                            ("ethnicity", "民族或种族"),
                            ("religion", "宗教信仰"),
                            ("origin", "户籍或地域"),
                            ("appearance", "外貌"),
                            ("health", "健康状况"),
                            ("disability", "残疾状况"),
                            ("genetic", "遗传信息"),
                            ("zodiac", "属相、星座或血型"),
                        ],
                        help_text="群体、事项和说法必填；合法语境留空表示对所有事由都适用。",
                        max_length=20,
                        verbose_name="保护事由",
                    ),
                ),
                (
                    "act",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("exclude", "排除"),
                            ("prefer", "偏好"),
                            ("require", "要求"),
                            ("ask", "询问"),
                            ("evaluate", "评价"),
                            ("note", "评语或结论（整段适用）"),
                            ("fair", "评语声明与此无关（整段不适用）"),
                        ],
                        help_text="仅用于限制行为。",
                        max_length=10,
                        verbose_name="行为",
                    ),
                ),
                (
                    "severity",
                    models.CharField(
                        choices=[("error", "错误"), ("warning", "警告")],
                        default="error",
                        help_text="限制或偏好某一保护事由是错误；只是间接信号（如“年轻的团队”）是警告。",
                        max_length=10,
                        verbose_name="严重程度",
                    ),
                ),
                (
                    "words",
                    models.TextField(
                        help_text="每行一个词语或正则表达式片段（RE2 语法，匹配时间与文本长度成正比），匹配规范化后的文本：小写、简体、半角、阿拉伯数字。以字母或数字开头或结尾的词按整词匹配。{标识} 引用片段。",
                        verbose_name="词语",
                    ),
                ),
                (
                    "needs_context",
                    models.BooleanField(
                        default=False,
                        help_text="用于也有别的意思的词（“男”“先生”“black”）：只有紧挨着限制行为（“限男”“男优先”）或后接指人的词（“男的”“black candidates”）时才算作群体。",
                        verbose_name="仅在语境中算作群体",
                    ),
                ),
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
                "verbose_name": "historical 词表",
                "verbose_name_plural": "historical 词表",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(_permissions.grant, _permissions.revoke),
    ]
