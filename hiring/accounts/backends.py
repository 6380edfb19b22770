"""Authentication that loads a user's roles with the user: one query per request for both."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from .roles import ROLES, remember_roles


class RoleModelBackend(ModelBackend):
    """Django's model backend; the user it returns for a session already knows its roles."""

    def get_user(self, user_id):
        annotations = {
            f"has_role_{n}": Exists(Group.objects.filter(user=OuterRef("pk"), name=role))
            for n, role in enumerate(ROLES)
        }
        user = get_user_model()._default_manager.filter(pk=user_id).annotate(**annotations).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        remember_roles(
            user, {role for n, role in enumerate(ROLES) if getattr(user, f"has_role_{n}")}
        )
        return user
