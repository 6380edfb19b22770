"""Authentication that loads the permissions pages check with the user: one query per request
for both."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL

# What the sheet pages and the home page ask on every request. Any other permission (the
# admin's) is answered by Django's model backend as usual.
from .permissions import CHECKED_PERMISSIONS


def _permissions_mask() -> RawSQL:
    """The CHECKED_PERMISSIONS the user holds, directly or through a group, as bits (1 << their
    position), from one small subquery.

    Written as SQL: the same subquery built with the ORM costs more CPU to compile on every
    request than the separate queries it saves."""
    quote = connection.ops.quote_name
    User = get_user_model()
    users = User._meta
    memberships = User.groups.through._meta
    direct = User.user_permissions.through._meta
    granted = Group.permissions.through._meta
    types = ContentType._meta
    cases = " ".join(f"WHEN %s THEN {1 << n}" for n in range(len(CHECKED_PERMISSIONS)))
    user_id = f"{quote(users.db_table)}.{quote(users.pk.column)}"
    sql = (
        f"SELECT COALESCE(SUM(CASE (t.{quote('app_label')} || '.' || p.{quote('codename')}) "
        f"{cases} ELSE 0 END), 0) "
        f"FROM {quote(Permission._meta.db_table)} p "
        f"JOIN {quote(types.db_table)} t ON t.{quote('id')} = p.{quote('content_type_id')} "
        f"WHERE p.{quote('id')} IN ("
        f"SELECT g.{quote('permission_id')} FROM {quote(granted.db_table)} g "
        f"JOIN {quote(memberships.db_table)} m ON m.{quote('group_id')} = g.{quote('group_id')} "
        f"WHERE m.{quote('user_id')} = {user_id}) "
        f"OR p.{quote('id')} IN ("
        f"SELECT d.{quote('permission_id')} FROM {quote(direct.db_table)} d "
        f"WHERE d.{quote('user_id')} = {user_id})"
    )
    return RawSQL(sql, CHECKED_PERMISSIONS, output_field=IntegerField())


class RoleModelBackend(ModelBackend):
    """Django's model backend; the user it returns for a session already knows which of the
    checked permissions it holds."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.filter(pk=user_id)
        user = users.annotate(permissions_mask=_permissions_mask()).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        user._checked_permissions = {
            perm for n, perm in enumerate(CHECKED_PERMISSIONS) if user.permissions_mask & (1 << n)
        }
        return user

    def has_perm(self, user_obj, perm, obj=None):
        held = getattr(user_obj, "_checked_permissions", None)
        if held is not None and obj is None and perm in CHECKED_PERMISSIONS:
            return user_obj.is_active and perm in held
        return super().has_perm(user_obj, perm, obj)
