"""Admin change lists whose editable columns a screen reader can name."""


class LabelledListEditableMixin:
    """A change list shows an editable column's name only in its header: each input carries
    it too (admin's related-field wrappers included: the inner widget is labelled)."""

    def get_changelist_formset(self, request, **kwargs):
        formset = super().get_changelist_formset(request, **kwargs)
        for field in formset.form.base_fields.values():
            widget = getattr(field.widget, "widget", field.widget)
            widget.attrs.setdefault("aria-label", str(field.label))
        return formset
