from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["corechallenge", "challengeeffect", "screeningterm"]
ROLES = {
    "招聘专员": [f"view_{model}" for model in MODELS],
    "用人经理": [f"view_{model}" for model in MODELS],
    "能力库管理员": [
        f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")
    ],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("catalog")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="catalog", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="catalog", content_type__model__in=MODELS
    )
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    # No dependency on the migration that makes the role groups: `grant` makes any that are
    # missing, and the squashed 0001 (which inherits this migration's dependencies) could not
    # come before it, as that migration needs the catalog's first tables.
    dependencies = [("catalog", "0003_core_challenges")]

    operations = [migrations.RunPython(grant, revoke)]
