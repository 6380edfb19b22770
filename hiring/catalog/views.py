from django.shortcuts import render

from hiring.accounts.permissions import role_required
from hiring.accounts.roles import CATALOG_ADMIN, HIRING_MANAGER, HR, has_role
from hiring.sheets import selectors as sheet_selectors

from . import selectors


@role_required(HR, HIRING_MANAGER, CATALOG_ADMIN)
def home(request):
    """Each role starts from what it works on: HR from its sheets and the presets, a hiring
    manager from the sheets waiting for a decision, a catalog admin from the library."""
    user = request.user
    is_hr = has_role(user, HR)
    is_manager = has_role(user, HIRING_MANAGER)
    is_catalog_admin = has_role(user, CATALOG_ADMIN)
    context = {"is_hr": is_hr, "is_manager": is_manager, "is_catalog_admin": is_catalog_admin}
    if is_hr:
        context.update(sheet_selectors.hr_home(user=user))
    if is_manager:
        context.update(sheet_selectors.manager_home(user=user))
    if is_hr or is_catalog_admin:
        context["industries"] = selectors.industry_list_with_presets()
    return render(request, "catalog/home.html", context)
