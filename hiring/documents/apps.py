from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "hiring.documents"
    verbose_name = _("文档")

    def ready(self):
        # Register the system checks, the receivers and the tasks (cache.py sends renders by
        # the task's name).
        from . import checks, signals, tasks  # noqa: F401
