from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SheetsConfig(AppConfig):
    name = "hiring.sheets"
    verbose_name = _("招聘需求表")
