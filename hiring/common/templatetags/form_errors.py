"""`{% error_summary form %}`: every error of a form or formset at the top of the page, each
linked to its field, while the field keeps its own message."""

from dataclasses import dataclass

from django import template
from django.forms import BaseForm, BaseFormSet
from django.forms.forms import NON_FIELD_ERRORS
from django.utils.translation import gettext as _

register = template.Library()


@dataclass(frozen=True)
class FieldError:
    label: str
    message: str
    anchor: str  # the id to jump to; empty for errors of the whole form


def _form_errors(form: BaseForm, prefix: str = "", row_anchor: str = "") -> list[FieldError]:
    entries = []
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            label, anchor = prefix or _("整个表单"), row_anchor
        else:
            field = form[name]
            label = f"{prefix} · {field.label}" if prefix else str(field.label)
            anchor = row_anchor if field.is_hidden else field.auto_id
        entries.extend(FieldError(label, str(message), anchor) for message in messages)
    return entries


def errors_of(form) -> list[FieldError]:
    if isinstance(form, BaseFormSet):
        entries = [FieldError(_("整个步骤"), str(m), "") for m in form.non_form_errors()]
        for number, row in enumerate(form.forms, 1):
            if not row.errors:
                continue
            name = row["name"].value() if "name" in row.fields else ""
            prefix = (
                _("第 %(number)d 条「%(name)s」") % {"number": number, "name": name}
                if name
                else _("第 %(number)d 条") % {"number": number}
            )
            anchor = f"item-{row.instance.pk}" if row.instance.pk else ""
            entries.extend(_form_errors(row, prefix, anchor))
        return entries
    if isinstance(form, BaseForm):
        return _form_errors(form)
    return []


@register.inclusion_tag("_error_summary.html")
def error_summary(form):
    return {"errors": errors_of(form) if form is not None and form.is_bound else []}
