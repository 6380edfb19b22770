"""Grants the sheet permissions to the role groups: pages and services check permissions, and
the groups stay the way a role is given to a person."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "招聘专员": [
        "view_requirementsheet",
        "add_requirementsheet",
        "change_requirementsheet",
        "delete_requirementsheet",
    ],
    "用人经理": ["view_requirementsheet", "review_requirementsheet"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the grants need them now.
    sheets = apps.get_app_config("sheets")
    sheets.models_module = True
    create_permissions(sheets, apps=apps, verbosity=0)
    sheets.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="sheets", codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="sheets", codename__in=GRANTS[group.name]
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_roles"),
        ("sheets", "0005_review_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
