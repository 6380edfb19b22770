from django import forms
from django.utils.translation import gettext_lazy as _


class TryWordingForm(forms.Form):
    text = forms.CharField(
        label=_("要检查的文本"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_("粘贴需求条目、职位描述或面试问题,查看措辞检查的结果。不会保存。"),
    )
