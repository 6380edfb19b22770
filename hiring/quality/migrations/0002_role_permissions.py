from django.contrib.auth.management import create_permissions
from django.db import migrations

CATALOG_ADMIN = "能力库管理员"
MODELS = ["wordingrule", "wordlist"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the group needs them now.
    app_config = apps.get_app_config("quality")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=CATALOG_ADMIN)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="quality",
            codename__in=[
                f"{action}_{model}"
                for model in MODELS
                for action in ("add", "change", "delete", "view")
            ],
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=CATALOG_ADMIN):
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="quality")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("quality", "0001_wording_lexicon"),
        ("accounts", "0001_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
