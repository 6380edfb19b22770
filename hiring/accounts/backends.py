"""Authentication that loads a user's roles with the user: one query per request for both."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import IntegerField
from django.db.models.expressions import RawSQL

from .roles import ROLES, remember_roles


def _roles_mask() -> RawSQL:
    """The user's roles as bits (1 << position in ROLES), from one small subquery.

    Written as SQL: the same subquery built with the ORM costs more CPU to compile on every
    request than the separate query it saves."""
    quote = connection.ops.quote_name
    User = get_user_model()
    memberships = User.groups.through._meta
    cases = " ".join(f"WHEN %s THEN {1 << n}" for n in range(len(ROLES)))
    sql = (
        f"SELECT COALESCE(SUM(CASE g.{quote('name')} {cases} ELSE 0 END), 0) "
        f"FROM {quote(memberships.db_table)} m "
        f"JOIN {quote(Group._meta.db_table)} g ON g.{quote('id')} = m.{quote('group_id')} "
        f"WHERE m.{quote('user_id')} = {quote(User._meta.db_table)}.{quote(User._meta.pk.column)}"
    )
    return RawSQL(sql, ROLES, output_field=IntegerField())


class RoleModelBackend(ModelBackend):
    """Django's model backend; the user it returns for a session already knows its roles."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.filter(pk=user_id)
        user = users.annotate(roles_mask=_roles_mask()).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        remember_roles(user, {role for n, role in enumerate(ROLES) if user.roles_mask & (1 << n)})
        return user
