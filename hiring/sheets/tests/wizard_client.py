"""Drives the sheet wizard through the Django test client the way a browser does."""

from django import forms
from django.urls import reverse


def _field_values(form) -> dict:
    data = {}
    for bound in form:
        value = bound.value()
        if isinstance(bound.field.widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
            continue
        if value is None:
            if getattr(bound.field.widget, "allow_multiple_selected", False):
                continue
            value = ""
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(v.pk if hasattr(v, "pk") else v) for v in value]
        else:
            data[bound.html_name] = str(value.pk if hasattr(value, "pk") else value)
    return data


def form_data(form) -> dict:
    """What the browser would send for a form (or formset) as the page shows it."""
    if isinstance(form, forms.BaseFormSet):
        data = _field_values(form.management_form)
        for row in form.forms:
            data.update(_field_values(row))
        return data
    return _field_values(form)


class WizardClient:
    def __init__(self, client, sheet_pk: int):
        self.client = client
        self.pk = sheet_pk

    def url(self, step: str) -> str:
        return reverse("sheets:wizard", kwargs={"pk": self.pk, "step": step})

    def open(self, step: str):
        response = self.client.get(self.url(step))
        assert response.status_code == 200, response.status_code
        return response

    def page_data(self, step: str, response=None) -> dict:
        """The POST a browser would send from the step page, unchanged."""
        response = response or self.open(step)
        context = response.context
        data = form_data(context["wizard"]["form"])
        data[f"sheet_wizard_{self.pk}-current_step"] = step
        data["sheet_version"] = str(context["sheet_version"])  # as the page carries it
        return data

    def post(self, step: str, data: dict, action: str = "next", goto: str = ""):
        data = dict(data)
        if action == "save":
            data["wizard_save"] = "1"
        elif action == "goto":
            data["wizard_goto_step"] = goto
        return self.client.post(self.url(step), data)

    def rows(self, response) -> list:
        return list(response.context["wizard"]["form"].forms)


def add_row(data: dict, step: str) -> str:
    """What "添加自定义条目" does on the page: one more row; returns its form prefix."""
    total = int(data[f"{step}-TOTAL_FORMS"])
    data[f"{step}-TOTAL_FORMS"] = str(total + 1)
    return f"{step}-{total}"
