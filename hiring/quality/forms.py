from django import forms
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from .findings import Severity
from .lexicon import current_lexicon
from .wording import check_wording


class TryWordingForm(forms.Form):
    text = forms.CharField(
        label=_("要检查的文本"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_("粘贴需求条目、职位描述或面试问题，查看措辞检查的结果。不会保存。"),
    )


def wording_errors(text: str) -> list[str]:
    """The messages of the discriminatory-wording errors in `text` (warnings pass)."""
    return [
        finding.message
        for finding in check_wording(text or "", lexicon=current_lexicon())
        if finding.severity == Severity.ERROR
    ]


class FairWordingFormMixin:
    """A model form that refuses discriminatory wording in `wording_fields`: each field
    with an error gets the reason next to it, and the row is not saved."""

    wording_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned_data = super().clean()
        for name in self.wording_fields:
            if name not in self.fields or name in self.errors:
                continue
            for message in wording_errors(str(cleaned_data.get(name) or "")):
                self.add_error(name, message)
        return cleaned_data


def with_translations(model, fields: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """`fields` (by default every text of `model` written per language, as registered in
    hiring/common/translated.py) and, for those translated, the field of each language: an
    admin form edits `name_zh_hans` and `name_en` rather than `name`."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return fields or ()
    names = []
    for name in options.all_fields if fields is None else fields:
        names.append(name)
        names.extend(field.name for field in options.all_fields.get(name, ()))
    return tuple(names)


def fair_wording_form(model, fields: tuple[str, ...] | None = None) -> type[forms.ModelForm]:
    """A ModelForm class for `model` that checks the wording of `fields` (by default every
    text of the model written per language), in every language (for admin's `form = …`; admin
    still chooses which fields it shows)."""
    # `exclude` rather than `fields = "__all__"`: modeltranslation's admin would take the
    # latter for the list of fields to show.
    meta = type("Meta", (), {"model": model, "exclude": ()})
    return type(
        f"FairWording{model.__name__}Form",
        (FairWordingFormMixin, forms.ModelForm),
        {"Meta": meta, "wording_fields": with_translations(model, fields)},
    )
