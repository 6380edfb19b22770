"""Policies applied where URLs are included, so that a view added later cannot miss them.

- `private_pages`: every view of an app's URLconf asks for a login and one of the given
  permissions (anonymous → login page, no permission → 403) and is sent `no-store`, so no
  browser or proxy cache keeps sheet content. Views may check more (their own permission,
  the sheet's owner); they cannot check less.
- `with_csp`: a Content-Security-Policy exception for the views of a URLconf only (Django
  admin's import/export pages), instead of for the whole site.

`hiring/common/tests/test_policies.py` walks the URLconf: a view reachable without these
fails it.
"""

from importlib import import_module

from csp.decorators import csp_update
from django.urls import URLPattern, URLResolver, include

from hiring.accounts.permissions import any_permission_required
from hiring.common.decorators import private_page


def _wrap_all(patterns, decorator, marker: str) -> None:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            _wrap_all(pattern.url_patterns, decorator, marker)
        elif isinstance(pattern, URLPattern):
            view = decorator(pattern.callback)
            setattr(view, marker, True)
            pattern.callback = view


def private_pages(urlconf: str, *, permissions: tuple[str, ...]):
    """`include(urlconf)`, every view of it private and behind `permissions` (any one)."""
    module = import_module(urlconf)
    patterns = list(module.urlpatterns)

    def guard(view):
        return private_page(any_permission_required(*permissions)(view))

    _wrap_all(patterns, guard, "private_page")
    return include((patterns, module.app_name))


def with_csp(urls: tuple, update: dict):
    """`urls` (an `include()`-able tuple such as `admin.site.urls`) with `update` added to
    the Content-Security-Policy of each of its views' responses."""
    patterns, app_name, namespace = urls
    _wrap_all(patterns, csp_update(update), "csp_exception")
    return (patterns, app_name, namespace)
