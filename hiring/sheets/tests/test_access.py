"""Who may do what is decided by permissions, whatever a group is called."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from hiring.accounts.roles import HIRING_MANAGER
from hiring.accounts.tests.factories import UserFactory
from hiring.sheets.models import RequirementSheet

from .factories import make_sheet


@pytest.fixture
def reviewer_without_role(db):
    """Holds the sheet permissions of a hiring manager directly, in no role group."""
    user = UserFactory(username="reviewer_rita")
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="sheets",
            codename__in=["view_requirementsheet", "review_requirementsheet"],
        )
    )
    return user


def test_the_review_permission_alone_lets_the_assigned_person_approve(
    client, catalog, hr_alice, reviewer_without_role
):
    sheet = make_sheet(owner=hr_alice, manager=reviewer_without_role)
    client.force_login(hr_alice)
    client.post(reverse("sheets:submit", args=[sheet.pk]))

    client.force_login(reviewer_without_role)
    page = client.get(reverse("sheets:detail", args=[sheet.pk]))
    assert page.status_code == 200 and page.context["may_review"]
    sheet.refresh_from_db()
    client.post(
        reverse("sheets:review", args=[sheet.pk]),
        {"decision": "approve", "comment": "", "sheet_version": sheet.version},
    )
    assert RequirementSheet.objects.get(pk=sheet.pk).status == "approved"


def test_the_role_group_grants_nothing_once_its_permissions_are_gone(
    client, catalog, hr_alice, manager_bob
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    client.force_login(manager_bob)
    assert client.get(reverse("sheets:detail", args=[sheet.pk])).status_code == 200

    Group.objects.get(name=HIRING_MANAGER).permissions.clear()

    assert manager_bob.groups.filter(name=HIRING_MANAGER).exists()  # still in the group
    assert client.get(reverse("sheets:detail", args=[sheet.pk])).status_code == 403


def test_buttons_follow_the_same_predicates_the_services_enforce(
    client, catalog, hr_alice, hr_carol, manager_bob
):
    sheet = make_sheet(owner=hr_alice, manager=manager_bob)
    expected = {
        # The author: edits, submits and deletes the draft; does not decide it.
        "hr_alice": {"may_edit": True, "may_submit": True, "may_delete": True, "may_review": False},
        # A colleague: sees it, may copy it, changes nothing.
        "hr_carol": {"may_edit": False, "may_submit": False, "may_delete": False},
        # The manager: nothing to decide on a draft.
        "manager_bob": {"may_edit": False, "may_delete": False, "may_review": False},
    }
    for user in [hr_alice, hr_carol, manager_bob]:
        client.force_login(user)
        context = client.get(reverse("sheets:detail", args=[sheet.pk])).context
        for flag, value in expected[user.username].items():
            assert context[flag] is value, (user.username, flag)
