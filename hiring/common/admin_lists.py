"""Admin tables (change lists, tabular inlines) whose inputs a screen reader can name."""


def label_inputs(fields) -> None:
    """A table shows a field's name only in its column header: each input carries it too
    (admin's related-field wrappers included: the inner widget is labelled)."""
    for field in fields:
        widget = getattr(field.widget, "widget", field.widget)
        widget.attrs.setdefault("aria-label", str(field.label))


class LabelledListEditableMixin:
    """A change list whose editable columns' inputs are labelled (see `label_inputs`)."""

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        label_inputs(formset.form.base_fields.values())
        return formset
