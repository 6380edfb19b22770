"""A finding's texts so far were Chinese, with a hand-made English column beside each: the
Chinese become the Chinese value of each translated field (0004); the English stay."""

from django.db import migrations
from django.db.models import F

FIELDS = ("message", "suggestion", "legal_basis")


def copy_to_chinese(apps, schema_editor):
    for name in ("wordingrule", "historicalwordingrule"):
        model = apps.get_model("quality", name)
        model._base_manager.update(**{f"{field}_zh_hans": F(field) for field in FIELDS})


def copy_back(apps, schema_editor):
    for name in ("wordingrule", "historicalwordingrule"):
        model = apps.get_model("quality", name)
        model._base_manager.filter(message_zh_hans__isnull=False).update(
            **{field: F(f"{field}_zh_hans") for field in FIELDS}
        )


class Migration(migrations.Migration):
    dependencies = [("quality", "0004_translated_messages")]

    operations = [migrations.RunPython(copy_to_chinese, copy_back)]
