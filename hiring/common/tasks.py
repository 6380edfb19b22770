"""Background work of the admin: imports too long for one request (see imports.py)."""

from celery import shared_task

from .imports import IMPORT_TASK, import_job_run


@shared_task(name=IMPORT_TASK)
def run_import_job(*, job_id: int) -> None:
    import_job_run(job_id=job_id)
