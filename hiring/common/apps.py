from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "hiring.common"
    verbose_name = _("通用")

    def ready(self):
        # Registers the import task, which imports.py sends by its name.
        from . import tasks  # noqa: F401
