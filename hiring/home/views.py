from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from hiring.catalog.selectors import industry_list_with_presets
from hiring.common import versions
from hiring.sheets import access

from .selectors import hr_home, hr_home_version, manager_home

PRESETS_CACHE_TIMEOUT = 60 * 10
# A name changed elsewhere (the hiring manager's) shows after this at the latest.
LISTS_CACHE_TIMEOUT = 60 * 10
CATALOG_CHANGE = access.CATALOG_CHANGE


# Login, the permissions (access.VIEW or CATALOG_CHANGE) and no-store: hiring/urls.py.
def home(request):
    """Each role starts from what it works on: HR from its sheets and the presets, a hiring
    manager from the sheets waiting for a decision, a catalog admin from the library."""
    user = request.user
    is_hr = access.writes_sheets.test(user)
    is_manager = access.reviews_sheets.test(user)
    is_catalog_admin = user.has_perm(CATALOG_CHANGE)
    context = {"is_hr": is_hr, "is_manager": is_manager, "is_catalog_admin": is_catalog_admin}
    if is_hr:
        # The lists are cached under the versions of what they show: read only on a miss.
        context.update(hr_home_version(user=user))
        context["lists_version"] = versions.template_version("catalog/home.html")
        context["hr_lists"] = SimpleLazyObject(lambda: hr_home(user=user))
        context["lists_timeout"] = LISTS_CACHE_TIMEOUT
    if is_manager:
        context.update(manager_home(user=user))
    if is_hr or is_catalog_admin:
        # Read only when the presets are not cached under the catalog version at hand.
        context["industries"] = SimpleLazyObject(industry_list_with_presets)
        context["presets_timeout"] = PRESETS_CACHE_TIMEOUT
    return render(request, "catalog/home.html", context)
