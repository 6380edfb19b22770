import pytest
from rest_framework.test import APIClient

from hiring.api import services
from hiring.sheets.tests.factories import make_sheet


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    """Alice's draft, assigned to Bob."""
    return make_sheet(owner=hr_alice, manager=manager_bob)


def token_for(user, scope: str = "write") -> str:
    _row, raw = services.token_create(user=user, name="test", scope=scope, expires_in_days=30)
    return raw


@pytest.fixture
def api():
    """An API client; `api.as_(user)` sends that user's read-write token from then on."""

    class Client(APIClient):
        def as_(self, user, scope: str = "write"):
            self.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user, scope)}")
            return self

    return Client()
