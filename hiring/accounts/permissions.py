"""Access checks for views: anonymous users go to login, users without the permission get 403.

The permissions pages check, each written once: roles grant them (migrations), views and
predicates (`hiring.sheets.access`) ask for them, and the authentication backend loads them
with the user (`CHECKED_PERMISSIONS`).
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

VIEW_SHEETS = "sheets.view_requirementsheet"
CREATE_SHEETS = "sheets.add_requirementsheet"
CHANGE_SHEETS = "sheets.change_requirementsheet"
DELETE_SHEETS = "sheets.delete_requirementsheet"
REVIEW_SHEETS = "sheets.review_requirementsheet"
# Held by catalog admins, who maintain the library in Django admin.
CHANGE_CATALOG = "catalog.change_capability"

# What the sheet pages and the home page ask on every request.
CHECKED_PERMISSIONS = (
    VIEW_SHEETS,
    CREATE_SHEETS,
    CHANGE_SHEETS,
    DELETE_SHEETS,
    REVIEW_SHEETS,
    CHANGE_CATALOG,
)


def any_permission_required(*perms: str):
    """The view is for users holding at least one of `perms` (one per role that uses it)."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, *args, **kwargs):
            if not any(request.user.has_perm(perm) for perm in perms):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
