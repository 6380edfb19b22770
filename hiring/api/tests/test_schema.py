"""Schemathesis against the OpenAPI document, through the WSGI app: for generated input on
every operation, no server error, and every answer matches the document (status, content type,
body schema). Bounded: a fixed number of examples per operation, derandomized."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hiring.sheets.tests.factories import make_sheet

from .conftest import token_for

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


# Loaded when the module is collected (schemathesis' fixture-based loader relies on a pytest
# internal that pytest 9 no longer has); building the document reads no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def connection_kept_open():
    """The WSGI app is called directly, not through Django's test client: as the test client
    does, keep the request signals from closing the connection that holds the test's
    transaction (on PostgreSQL the next request would find it closed)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(catalog, hr_alice, manager_bob, settings):
    """Alice's token, with one sheet of hers to read, and no throttling in the way."""
    settings.API_THROTTLE_RATE = "100000/min"
    make_sheet(owner=hr_alice, manager=manager_bob)
    return token_for(hr_alice)


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)
