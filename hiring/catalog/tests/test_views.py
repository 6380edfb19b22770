import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
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


def home_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return len(queries)


def test_home_runs_the_same_queries_for_n_or_2n_presets(client, catalog, hr_alice):
    client.force_login(hr_alice)
    shipped = list(Preset.objects.prefetch_related("items"))
    copies = [f"{preset.name} 副本" for preset in shipped]
    few = home_queries(client)
    for preset in shipped:
        items = list(preset.items.all())
        preset.pk, preset.slug, preset.name = None, f"{preset.slug}-copy", f"{preset.name} 副本"
        preset.save()
        for item in items:
            item.pk, item.preset = None, preset
            item.save()
    page = client.get(reverse("home")).text

    assert home_queries(client) == few
    assert Preset.objects.count() == 2 * len(shipped)
    assert all(name in page for name in copies)


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
