from django.shortcuts import render

from hiring.accounts.permissions import role_required
from hiring.accounts.roles import CATALOG_ADMIN, HIRING_MANAGER, HR, is_hr

from . import selectors


@role_required(HR, HIRING_MANAGER, CATALOG_ADMIN)
def home(request):
    return render(
        request,
        "catalog/home.html",
        {"industries": selectors.industry_list_with_presets(), "is_hr": is_hr(request.user)},
    )
