import os
import subprocess
import threading

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connections, models, router, transaction
from django.utils import translation

from hiring.accounts.roles import CATALOG_ADMIN, HIRING_MANAGER, HR
from hiring.accounts.tests.factories import UserFactory

# The catalog's rows as `loaddata` first made them in this test process, ready to be written
# again: parsing the fixtures again for every test that needs them cost more than most tests
# themselves, and so did building model instances to write them back (`bulk_create`).
_catalog_rows: list[tuple[type[models.Model], str, list[tuple]]] = []


def _catalog_models() -> list[type[models.Model]]:
    """Every table of the catalog app: its models, their history and many-to-many rows."""
    return list(apps.get_app_config("catalog").get_models(include_auto_created=True))


def _insert_statement(model: type[models.Model], connection) -> tuple[list, str]:
    fields = model._meta.concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    return fields, f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"


@pytest.fixture
def catalog(db):
    """The shipped catalog, loaded the way `make run` loads it (`loaddata`), once per test
    process; later tests get the same rows back, primary keys and timestamps included."""
    using = router.db_for_write(_catalog_models()[0])
    connection = connections[using]
    if not _catalog_rows:
        # The fixtures' untranslated fields hold the Chinese text, read as the active
        # language's: load them in Chinese, as `make db` does.
        with translation.override(settings.LANGUAGE_CODE):
            call_command("loaddata", "catalog", "presets", "challenges", verbosity=0)
        for model in _catalog_models():
            fields, sql = _insert_statement(model, connection)
            rows = [
                tuple(
                    field.get_db_prep_save(getattr(row, field.attname), connection)
                    for field in fields
                )
                for row in model._base_manager.using(using).order_by("pk")
            ]
            if rows:
                _catalog_rows.append((model, sql, rows))
        return
    # Foreign keys are checked at commit (Django makes them deferrable), so the order of the
    # tables does not matter.
    with transaction.atomic(using=using), connection.cursor() as cursor:
        for _model, sql, rows in _catalog_rows:
            cursor.executemany(sql, rows)
    # As loaddata does: the next row a test creates gets a key after the loaded ones.
    statements = connection.ops.sequence_reset_sql(
        no_style(), [model for model, _sql, _rows in _catalog_rows]
    )
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


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


@pytest.fixture(scope="session")
def chromium_endpoint(tmp_path_factory):
    """One headless Chromium for the whole test run (per pytest-xdist worker), started on
    first use; tests reach it over the DevTools protocol."""
    from support.chromium import CHROMIUM, CHROMIUM_ARGS

    process = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--remote-debugging-port=0",
            f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
            *CHROMIUM_ARGS,
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in process.stderr:
            if line.startswith("DevTools listening on "):
                endpoint = line.split(" on ", 1)[1].strip()
                break
        else:
            raise RuntimeError("Chromium did not start")
        # Chromium keeps writing to stderr: read it on, or it blocks once the pipe is full.
        threading.Thread(target=process.stderr.read, daemon=True).start()
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def browser(chromium_endpoint):
    """The test run's Chromium; each test opens a context of its own
    (`browser.new_context()`), so no cookie or storage passes from one test to the next.

    Playwright itself starts for each test: once started, it runs an event loop in this
    thread, which would change the database connection Django hands to later tests."""
    from playwright.sync_api import sync_playwright

    # The tests' ORM calls are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.connect_over_cdp(chromium_endpoint)
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
