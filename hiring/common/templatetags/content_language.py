"""Catalog names as a sheet's content shows them: in the sheet's language, whoever reads the
page (its headings, labels and buttons follow the reader).

    {% load content_language %}
    {{ item.priority|name_in:sheet.language }}
    {{ item.methods.all|names_in:sheet.language }}
"""

from django import template
from django.utils.translation import gettext as _

from hiring.common.translated import content_language, text_in

register = template.Library()


@register.filter
def name_in(obj, language: str) -> str:
    """The name of a catalog row (category, priority, method …) in `language`."""
    if obj is None:
        return ""
    return text_in(obj, "name", language)


@register.filter
def names_in(objects, language: str) -> str:
    """The names of catalog rows in `language`, listed as that language lists them."""
    with content_language(language):
        separator = _("、")
    return separator.join(text_in(obj, "name", language) for obj in objects)
