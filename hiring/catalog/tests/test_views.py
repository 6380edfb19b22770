import pytest
from django.urls import reverse

from hiring.catalog.models import Preset


def test_home_sends_anonymous_users_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_home_refuses_users_without_a_role(client, catalog, outsider_eve):
    client.force_login(outsider_eve)
    assert client.get(reverse("home")).status_code == 403


@pytest.mark.parametrize("user", ["hr_alice", "manager_bob", "admin_amy"])
def test_home_lists_the_five_presets_by_industry(client, catalog, user, request):
    client.force_login(request.getfixturevalue(user))
    response = client.get(reverse("home"))
    assert response.status_code == 200
    for preset in Preset.objects.select_related("industry"):
        assert preset.name in response.text
        assert preset.industry.focus in response.text
    assert Preset.objects.count() == 5


def test_home_queries_do_not_grow_with_presets(
    client, catalog, hr_alice, django_assert_max_num_queries
):
    client.force_login(hr_alice)
    with django_assert_max_num_queries(8):
        client.get(reverse("home"))


def test_login_page_logs_in_and_out(client, catalog, hr_alice):
    from hiring.accounts.tests.factories import PASSWORD

    response = client.post(reverse("login"), {"username": "hr_alice", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 200
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


def test_wrong_password_shows_an_error(client, catalog, hr_alice):
    response = client.post(reverse("login"), {"username": "hr_alice", "password": "nope"})
    assert response.status_code == 200
    assert "用户名和密码" in response.text or "正确的用户名" in response.text


def test_bootstrap_is_served_by_the_app(client, db):
    response = client.get("/static/vendor/bootstrap/css/bootstrap.min.css")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Bootstrap" in body[:500]
