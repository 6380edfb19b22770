from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "hiring.documents"
    verbose_name = _("文档")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
