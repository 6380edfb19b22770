"""The policies of hiring/urls.py reach every view, including one added later: the whole
URLconf is walked, and every page outside the public ones is asked for as a stranger would."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

# Pages that anyone may open (logging in, switching the language, a published job posting),
# Django admin, which checks staff access itself, and the JSON API, which authenticates
# tokens itself and answers a stranger with a problem document (hiring/api/tests); everything
# else is private.
PUBLIC_NAMESPACES = {"accounts", "admin", "api", "public"}
PUBLIC_PREFIXES = ("i18n/", "favicon.ico")
# A value for each kind of URL parameter: the ids need not exist, since a stranger is
# turned away before any lookup.
SAMPLE_VALUES = {"int": 1, "string": "basics"}


def _private_urls(patterns=None, namespace: str = "", prefix: str = ""):
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            if inner in PUBLIC_NAMESPACES or route.startswith(PUBLIC_PREFIXES):
                continue
            name = f"{namespace}{inner}:" if inner else namespace
            yield from _private_urls(pattern.url_patterns, name, route)
        elif isinstance(pattern, URLPattern):
            if route.startswith(PUBLIC_PREFIXES):
                continue
            assert pattern.name, f"{route} has no name, so it cannot be checked"
            kwargs = {
                key: SAMPLE_VALUES[type(converter).__name__.removesuffix("Converter").lower()]
                for key, converter in pattern.pattern.converters.items()
            }
            yield (
                pattern,
                reverse(f"{namespace}{pattern.name}", kwargs={**pattern.default_args, **kwargs}),
            )


PRIVATE = list(_private_urls())


def test_the_walk_finds_the_pages():
    urls = {url for _pattern, url in PRIVATE}
    assert reverse("sheets:list") in urls and reverse("documents:sheet_xlsx", args=[1]) in urls
    assert reverse("catalog:home") in urls and reverse("accounts:login") not in urls


@pytest.mark.parametrize(("pattern", "url"), PRIVATE, ids=[url for _p, url in PRIVATE])
def test_every_private_page_sends_strangers_to_login_and_is_never_stored(client, db, url, pattern):
    response = client.get(url)
    assert response.status_code == 302, url
    assert response["Location"].startswith(reverse("accounts:login")), url
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control, url
    assert getattr(pattern.callback, "private_page", False), url


@pytest.mark.parametrize(("pattern", "url"), PRIVATE, ids=[url for _p, url in PRIVATE])
def test_a_logged_in_user_without_a_role_is_refused_everywhere(client, outsider_eve, url, pattern):
    client.force_login(outsider_eve)
    response = client.get(url)
    assert response.status_code == 403, url


def test_inline_exceptions_of_the_policy_hold_on_admin_pages_only(client, sheet_admin):
    client.force_login(sheet_admin)
    admin_page = client.get(reverse("admin:catalog_capability_export"))
    assert admin_page.status_code == 200
    assert "script-src-attr 'unsafe-hashes'" in admin_page["Content-Security-Policy"]
    own_page = client.get(reverse("sheets:list"))
    assert own_page.status_code == 200
    assert "unsafe-hashes" not in own_page["Content-Security-Policy"]


@pytest.fixture
def sheet_admin(db):
    return get_user_model().objects.create_superuser("root_policies", "root@example.com", "pw")
