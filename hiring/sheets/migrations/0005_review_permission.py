"""The review permission, and the sheet permissions granted to the role groups: pages and
services check permissions, and the groups stay the way a role is given to a person."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = [
    ("招聘专员", "view_requirementsheet"),
    ("招聘专员", "add_requirementsheet"),
    ("招聘专员", "change_requirementsheet"),
    ("招聘专员", "delete_requirementsheet"),
    ("用人经理", "view_requirementsheet"),
    ("用人经理", "review_requirementsheet"),
]


def _grant_rows(apps):
    """The group–permission rows of GRANTS; the groups are made by accounts' 0001_roles."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    through = Group.permissions.through
    groups = {group.name: group for group in Group.objects.filter(name__in={g for g, _ in GRANTS})}
    permissions = {
        permission.codename: permission
        for permission in Permission.objects.filter(content_type__app_label="sheets")
    }
    return through, [
        through(group=groups[name], permission=permissions[codename])
        for name, codename in GRANTS
        if name in groups
    ]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; the grants need them now.
    sheets = apps.get_app_config("sheets")
    sheets.models_module = True
    create_permissions(sheets, apps=apps, verbosity=0)
    sheets.models_module = None
    through, rows = _grant_rows(apps)
    through.objects.bulk_create(rows, ignore_conflicts=True)


def revoke(apps, schema_editor):
    through, rows = _grant_rows(apps)
    for row in rows:
        through.objects.filter(group=row.group, permission=row.permission).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_roles"),
        ("sheets", "0004_sheetitem_scorecard_text"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="requirementsheet",
            options={
                "ordering": ["-updated_at", "-pk"],
                "permissions": [
                    ("review_requirementsheet", "Can review (approve or return) sheets")
                ],
                "verbose_name": "招聘需求表",
                "verbose_name_plural": "招聘需求表",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
