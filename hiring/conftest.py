import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation

from hiring.accounts.roles import CATALOG_ADMIN, HIRING_MANAGER, HR
from hiring.accounts.tests.factories import UserFactory


@pytest.fixture
def catalog(db):
    """The shipped catalog, loaded the way `make run` loads it."""
    call_command("loaddata", "catalog", "presets", "challenges", verbosity=0)


# The cast, as in every test: who may do what is stated once here.
@pytest.fixture
def hr_alice(db):
    """HR staff: builds sheets; owns the sheets made in tests unless stated otherwise."""
    return UserFactory(username="hr_alice", role=HR)


@pytest.fixture
def hr_carol(db):
    """HR staff too, but owns none of alice's sheets: may see them, never change them."""
    return UserFactory(username="hr_carol", role=HR)


@pytest.fixture
def manager_bob(db):
    """Hiring manager assigned to alice's sheets: reviews and approves them."""
    return UserFactory(username="manager_bob", role=HIRING_MANAGER)


@pytest.fixture
def manager_dave(db):
    """Hiring manager of another team: assigned to none of alice's sheets."""
    return UserFactory(username="manager_dave", role=HIRING_MANAGER)


@pytest.fixture
def admin_amy(db):
    """Catalog admin: maintains the capability library in Django admin; no sheets."""
    user = UserFactory(username="admin_amy", role=CATALOG_ADMIN)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def outsider_eve(db):
    """Logged in, but with no role at all: refused everywhere."""
    return UserFactory(username="outsider_eve")


@pytest.fixture(autouse=True)
def default_language():
    """A request in English leaves English active in this thread; each test starts in Chinese."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache():
    """Pages, quality reports and PDFs are cached under keys that a flushed database reuses
    (the same sheet id and version): every test starts without any."""
    cache.clear()
    yield
    cache.clear()
