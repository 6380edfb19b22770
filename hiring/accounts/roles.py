"""The three roles of the product and what each may do."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

HR = "招聘专员"
HIRING_MANAGER = "用人经理"
CATALOG_ADMIN = "能力库管理员"
ROLES = (HR, HIRING_MANAGER, CATALOG_ADMIN)

# The groups and their catalog permissions are created by migrations/0001_roles.py.


def has_role(user: AbstractBaseUser | AnonymousUser, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    # Cached on the user object: one query per request however many checks a page makes, and
    # none when the authentication backend loaded the roles with the user.
    if not hasattr(user, "_role_names"):
        remember_roles(user, set(user.groups.values_list("name", flat=True)))
    return role in user._role_names


def remember_roles(user: AbstractBaseUser, names: set[str]) -> None:
    user._role_names = names


def is_hr(user) -> bool:
    return has_role(user, HR)
