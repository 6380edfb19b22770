"""The Celery application: PDF renders run on its workers (`celery -A hiring worker`)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hiring.settings.local")

app = Celery("hiring")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
