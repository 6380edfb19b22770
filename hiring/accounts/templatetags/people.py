"""`{{ user|display_name }}`: the name templates show for a person (see accounts.names)."""

from django import template

from hiring.accounts import names

register = template.Library()


@register.filter
def display_name(user) -> str:
    return names.display_name(user)
