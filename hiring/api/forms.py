from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import AccessToken, PublicPosting

EXPIRY_CHOICES = [
    ("30", _("30 天")),
    ("90", _("90 天")),
    ("365", _("一年")),
    ("", _("永不过期")),
]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("名称"),
        max_length=80,
        help_text=_("用来认出这个令牌，如：招聘系统同步。"),
    )
    scope = forms.ChoiceField(
        label=_("权限范围"),
        choices=AccessToken.Scope.choices,
        initial=AccessToken.Scope.READ,
        widget=forms.RadioSelect,
    )
    expires_in = forms.ChoiceField(
        label=_("有效期"), choices=EXPIRY_CHOICES, initial="90", required=False
    )

    def expires_in_days(self) -> int | None:
        value = self.cleaned_data.get("expires_in")
        return int(value) if value else None


class PublishForm(forms.Form):
    employment_type = forms.ChoiceField(
        label=_("用工类型"),
        choices=PublicPosting.EmploymentType.choices,
        initial=PublicPosting.EmploymentType.FULL_TIME,
    )
    valid_through = forms.DateField(
        label=_("招聘截止日期"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["valid_through"].initial = timezone.localdate() + timedelta(days=30)

    def clean_valid_through(self):
        value = self.cleaned_data["valid_through"]
        today = timezone.localdate()
        if value < today:
            raise forms.ValidationError(_("截止日期不能早于今天。"))
        if value > today + timedelta(days=366):
            raise forms.ValidationError(_("截止日期最多在一年之后。"))
        return value
