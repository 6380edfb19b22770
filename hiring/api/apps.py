from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "hiring.api"
    label = "api"
    verbose_name = _("接口与事件")

    def ready(self):
        # webhooks connects the review signal; tasks registers the delivery task by its name.
        from . import tasks, webhooks  # noqa: F401
