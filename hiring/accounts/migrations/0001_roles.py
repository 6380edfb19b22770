from django.contrib.auth.management import create_permissions
from django.db import migrations

CATALOG_MODELS = [
    "industry",
    "capabilitycategory",
    "priority",
    "assessmentmethod",
    "capability",
    "preset",
    "presetitem",
]
ROLES = {
    "招聘专员": [f"view_{model}" for model in CATALOG_MODELS],
    "用人经理": [f"view_{model}" for model in CATALOG_MODELS],
    "能力库管理员": [
        f"{action}_{model}"
        for model in CATALOG_MODELS
        for action in ("add", "change", "delete", "view")
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
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


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("catalog", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
