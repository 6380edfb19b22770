from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template

from hiring.accounts.names import display_name
from hiring.accounts.tests.factories import UserFactory


def render(user) -> str:
    return Template("{% load people %}{{ person|display_name }}").render(Context({"person": user}))


def test_a_person_is_named_by_full_name_or_else_user_name(db):
    named = UserFactory(username="wang", first_name="王", last_name="芳")
    unnamed = UserFactory(username="li_lei", first_name="")
    assert display_name(named) == render(named) == "王 芳"
    assert display_name(unnamed) == render(unnamed) == "li_lei"
    assert display_name(None) == render(None) == ""
    assert render(AnonymousUser()) == ""
