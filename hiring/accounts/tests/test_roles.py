import io

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory

from hiring.accounts.roles import CATALOG_ADMIN, HIRING_MANAGER, HR


@pytest.mark.django_db
def test_migrations_create_the_three_roles_with_catalog_permissions():
    assert set(Group.objects.values_list("name", flat=True)) >= {HR, HIRING_MANAGER, CATALOG_ADMIN}
    admin_perms = set(
        Group.objects.get(name=CATALOG_ADMIN).permissions.values_list("codename", flat=True)
    )
    assert {"add_capability", "change_preset", "delete_presetitem"} <= admin_perms
    hr_perms = set(Group.objects.get(name=HR).permissions.values_list("codename", flat=True))
    assert "view_capability" in hr_perms and "change_capability" not in hr_perms


def _demo_passwords() -> dict[str, str]:
    out = io.StringIO()
    call_command("create_demo_users", stdout=out)
    return {line.split()[0]: line.split()[1] for line in out.getvalue().splitlines()}


@pytest.mark.django_db
def test_demo_users_log_in_with_printed_passwords_which_change_each_run():
    first = _demo_passwords()
    second = _demo_passwords()
    assert set(first) == {"hr", "manager", "admin"}
    # Login throttling needs the request a login comes with.
    request = RequestFactory().post("/accounts/login/")
    for username, password in second.items():
        assert password != first[username]
        user = authenticate(request, username=username, password=password)
        assert user is not None
        assert authenticate(request, username=username, password=first[username]) is None
    admin = authenticate(request, username="admin", password=second["admin"])
    assert admin.is_staff and admin.groups.filter(name=CATALOG_ADMIN).exists()
