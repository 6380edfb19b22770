from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SheetsConfig(AppConfig):
    name = "hiring.sheets"
    verbose_name = _("招聘需求表")

    def ready(self):
        # The quality app reads sheets through snapshots and knows nothing of the sheets app;
        # the check of a sheet's core challenges is contributed from here.
        from hiring.quality.rules import RULES

        from .challenges import challenge_fit

        if challenge_fit not in RULES:
            RULES.append(challenge_fit)
