from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "hiring.documents"
    verbose_name = _("文档")

    def ready(self):
        from . import checks, signals  # noqa: F401  (register the system checks and receivers)
