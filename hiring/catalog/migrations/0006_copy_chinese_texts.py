"""The catalog's texts so far were Chinese: they become the Chinese value of each translated
field (0005 added a column per language); English stays empty and reads as Chinese."""

from django.db import migrations
from django.db.models import F

TRANSLATED = {
    "industry": ("name", "focus", "description"),
    "capabilitycategory": ("name", "description"),
    "priority": ("name", "description"),
    "assessmentmethod": ("name", "description"),
    "capability": (
        "name",
        "requirement",
        "star_prompts",
        "scenario_prompts",
        "anchor_1",
        "anchor_3",
        "anchor_5",
    ),
    "preset": ("name", "role_title", "summary", "responsibilities", "screening_questions"),
    "presetitem": ("requirement",),
    "corechallenge": ("name", "description", "screening_question", "screening_question_reason"),
    "challengeeffect": ("interview_prompts", "reason"),
    "screeningterm": ("name", "aliases"),
}


def copy_to_chinese(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        # The rows and their recorded history alike, so a restored version keeps its text.
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("catalog", name)
            model._base_manager.update(**{f"{field}_zh_hans": F(field) for field in fields})


def copy_back(apps, schema_editor):
    for model_name, fields in TRANSLATED.items():
        for name in (model_name, f"historical{model_name}"):
            model = apps.get_model("catalog", name)
            model._base_manager.filter(**{f"{fields[0]}_zh_hans__isnull": False}).update(
                **{field: F(f"{field}_zh_hans") for field in fields}
            )


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_translated_texts")]

    operations = [migrations.RunPython(copy_to_chinese, copy_back)]
