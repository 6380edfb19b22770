"""Form fields shared by the apps' forms."""

from django import forms

# The largest value of a 64-bit database integer. SQLite raises on a number past it, where
# other databases merely find no row; a choice by id past it is no choice on every database.
ID_MAX = 2**63 - 1


def _too_large(value) -> bool:
    text = str(value).strip()
    return text.lstrip("+-").isdigit() and abs(int(text)) > ID_MAX


class BoundedModelChoiceField(forms.ModelChoiceField):
    """A choice of one row by id; an id no database integer can hold is an invalid choice."""

    def to_python(self, value):
        if value not in self.empty_values and _too_large(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of rows by id; an id no database integer can hold is an invalid choice."""

    def _check_values(self, value):
        for pk in value:
            if _too_large(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": str(pk)[:40]},
                )
        return super()._check_values(value)
