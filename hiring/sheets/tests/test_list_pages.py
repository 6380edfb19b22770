"""Page numbers of the sheet list: anything past the end shows the last page."""

import pytest
from django.urls import reverse

from hiring.sheets.tests.factories import make_sheet

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("number", ["3", "99999999999999999999", "9" * 400])
def test_a_page_number_past_the_end_shows_the_last_page(
    client, catalog, hr_alice, manager_bob, number
):
    make_sheet(owner=hr_alice, manager=manager_bob, title="唯一的需求表")
    client.force_login(hr_alice)
    response = client.get(reverse("sheets:list"), {"page": number})
    assert response.status_code == 200
    assert "唯一的需求表" in response.text
