"""Guessing passwords is throttled (django-axes): per user name and per address."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.urls import reverse

from hiring.accounts.tests.factories import PASSWORD


def login(client, username: str, password: str, address: str = "203.0.113.7"):
    return client.post(
        reverse("accounts:login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_twenty_wrong_passwords_lock_the_account_with_a_clear_message(client, hr_alice):
    for _attempt in range(20):
        response = login(client, "hr_alice", "wrong password")
        assert response.status_code in (200, 429)
    assert response.status_code == 429
    assert "登录已暂时锁定" in response.text

    # The right password no longer helps, from this address or any other.
    for address in ["203.0.113.7", "198.51.100.9"]:
        response = login(client, "hr_alice", PASSWORD, address)
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session


def test_the_lockout_message_is_in_english_for_english_users(client, hr_alice):
    client.post(reverse("set_language"), {"language": "en"})
    for _attempt in range(20):
        response = login(client, "hr_alice", "wrong password")
    assert "Login temporarily locked" in response.text


def test_one_address_guessing_many_accounts_is_locked_out(client, hr_alice, hr_carol):
    for n in range(20):
        login(client, f"guess{n}", "wrong password", "192.0.2.50")
    assert login(client, "hr_carol", PASSWORD, "192.0.2.50").status_code == 429
    # Another address is not held responsible.
    response = login(client, "hr_carol", PASSWORD, "192.0.2.51")
    assert response.status_code == 302 and response["Location"] == reverse("catalog:home")


def test_a_few_typos_then_the_right_password_logs_in(client, hr_alice):
    for _attempt in range(3):
        assert login(client, "hr_alice", "typo").status_code == 200
    response = login(client, "hr_alice", PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(hr_alice.pk)


@pytest.mark.django_db
def test_an_admin_unlocks_the_account(client, hr_alice):
    for _attempt in range(20):
        login(client, "hr_alice", "wrong password")
    assert login(client, "hr_alice", PASSWORD).status_code == 429

    admin = get_user_model().objects.create_superuser("root_admin", "root@example.com", "x" * 20)
    admin_client = client.__class__()
    admin_client.force_login(admin)
    listing = admin_client.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200 and "hr_alice" in listing.text
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    response = admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()

    response = login(client, "hr_alice", PASSWORD)
    assert response.status_code == 302


def test_logging_in_as_oneself_does_not_clear_failures_against_another_account(
    client, hr_alice, hr_carol
):
    office = "203.0.113.20"
    for _attempt in range(8):
        assert login(client, "hr_alice", "wrong password", office).status_code == 200
    # carol mistypes, then logs in from the same address: her own failures are forgiven…
    assert login(client, "hr_carol", "typo", office).status_code == 200
    assert login(client, "hr_carol", PASSWORD, office).status_code == 302
    assert not AccessAttempt.objects.filter(username="hr_carol").exists()
    client.post(reverse("accounts:logout"))

    # …the eight guesses at alice's password are not: two more lock her account.
    for _attempt in range(2):
        login(client, "hr_alice", "wrong password", office)
    response = login(client, "hr_alice", PASSWORD, "198.51.100.30")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
