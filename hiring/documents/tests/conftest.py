import pytest

from support.samples import add_items, make_sheet

__all__ = ["add_items", "sheet"]


@pytest.fixture
def sheet(catalog, hr_alice, manager_bob):
    """Alice's e-commerce draft, straight from the shipped preset; bob is its manager."""
    return make_sheet(owner=hr_alice, manager=manager_bob)
