from django import forms
from django.utils.translation import gettext_lazy as _

from .findings import Severity
from .lexicon import current_lexicon
from .wording import check_wording


class TryWordingForm(forms.Form):
    text = forms.CharField(
        label=_("要检查的文本"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_("粘贴需求条目、职位描述或面试问题,查看措辞检查的结果。不会保存。"),
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


def fair_wording_form(model, fields: tuple[str, ...]) -> type[forms.ModelForm]:
    """A ModelForm class for `model` that checks the wording of `fields` (for admin's
    `form = …`; admin still chooses which fields it shows)."""
    meta = type("Meta", (), {"model": model, "fields": "__all__"})
    return type(
        f"FairWording{model.__name__}Form",
        (FairWordingFormMixin, forms.ModelForm),
        {"Meta": meta, "wording_fields": fields},
    )
