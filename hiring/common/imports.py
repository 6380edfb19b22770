"""Admin imports of bounded size, the long ones in the background.

A file too large, or with too many rows, is refused with a clear message next to the file
field before any row is read into the database (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS). A
confirmed import of more than IMPORT_BACKGROUND_ROWS rows becomes an ImportJob that a task
worker runs (in-process where there is no task queue, or it cannot be reached); its page shows
the result when it is done.
"""

import logging
import time
from functools import cache

from celery import current_app
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.forms import ImportForm

from . import queue
from .models import ImportJob

IMPORT_TASK = "common.run_import_job"

logger = logging.getLogger(__name__)
# Errors listed on a job's page; the rest are counted.
JOB_ERRORS_SHOWN = 50


class TooManyRows(ValueError):
    def __init__(self, rows: int):
        limit = settings.IMPORT_MAX_ROWS
        super().__init__(
            _("文件有 %(rows)d 行，一次最多导入 %(limit)d 行。请拆成几个文件分批导入。")
            % {"rows": rows, "limit": limit}
        )


class LimitedImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("文件太大（%(size)s），一次最多导入 %(limit)s。请拆成几个文件分批导入。")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.IMPORT_MAX_BYTES),
                }
            )
        return upload


@cache
def _row_limited(format_class):
    def create_dataset(self, in_stream, **kwargs):
        dataset = format_class.create_dataset(self, in_stream, **kwargs)
        if len(dataset) > settings.IMPORT_MAX_ROWS:
            raise TooManyRows(len(dataset))
        return dataset

    return type(format_class.__name__, (format_class,), {"create_dataset": create_dataset})


def _model_admin(label: str):
    for model, model_admin in admin.site._registry.items():
        if model._meta.label_lower == label:
            return model_admin
    raise LookupError(label)


@transaction.atomic
def import_job_create(
    *, actor, model_admin, data: bytes, file_name: str, format_index: int, resource_index: int
) -> ImportJob:
    """Records the confirmed import and sends it to a task worker once committed."""
    input_format = model_admin.get_import_formats()[format_index]()
    dataset = input_format.create_dataset(
        data if input_format.is_binary() else data.decode(model_admin.from_encoding)
    )
    job = ImportJob(
        owner=actor,
        model=model_admin.model._meta.label_lower,
        format_index=format_index,
        resource_index=resource_index,
        file_name=file_name[:255],
        data=data,
        rows=len(dataset),
    )
    job.full_clean()
    job.save()
    transaction.on_commit(lambda: _send(job.pk))
    return job


def _send(job_id: int) -> None:
    # The task by its name: tasks.py imports this module, not the other way round.
    task = current_app.tasks[IMPORT_TASK]
    if not queue.send(task, kwargs={"job_id": job_id}, what=f"import {job_id}"):
        # Nothing else would run it: the admin who uploaded it waits for it here instead.
        import_job_run(job_id=job_id)


def import_job_run(*, job_id: int) -> None:
    """Runs a queued job once (a second delivery of its task finds it taken and stops)."""
    with transaction.atomic():
        claimed = ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
            status=ImportJob.Status.RUNNING
        )
    if not claimed:
        return
    job = ImportJob.objects.select_related("owner").get(pk=job_id)
    try:
        model_admin = _model_admin(job.model)
        input_format = model_admin.get_import_formats()[job.format_index]()
        data = bytes(job.data)
        dataset = input_format.create_dataset(
            data if input_format.is_binary() else data.decode(model_admin.from_encoding)
        )
        resource = model_admin.get_import_resource_classes(None)[job.resource_index]()
        result = resource.import_data(
            dataset, dry_run=False, raise_errors=False, user=job.owner, file_name=job.file_name
        )
    except Exception:
        logger.exception("Import %s failed", job_id)
        job.status, job.errors = ImportJob.Status.FAILED, [_("导入时发生意外错误，未导入任何行。")]
    else:
        errors = [str(error.error) for error in result.base_errors]
        for number, row_errors in result.row_errors():
            errors += [
                _("第 %(row)s 行：%(error)s") % {"row": number, "error": e.error}
                for e in row_errors
            ]
        for invalid in result.invalid_rows:
            for field, field_errors in invalid.error_dict.items():
                for message in field_errors:
                    errors.append(
                        _("第 %(row)s 行：%(error)s")
                        % {"row": invalid.number, "error": f"{field}: {message}"}
                    )
        job.totals = {key: value for key, value in result.totals.items() if value}
        job.errors = errors[:JOB_ERRORS_SHOWN]
        job.status = ImportJob.Status.FAILED if errors else ImportJob.Status.DONE
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "totals", "errors", "finished_at"])


class LimitedImportMixin:
    """For an ImportExportModelAdmin: uploads and their rows are limited (IMPORT_MAX_BYTES,
    IMPORT_MAX_ROWS), and a long confirmed import runs as an ImportJob."""

    import_form_class = LimitedImportForm

    def get_urls(self):
        info = self.get_model_info()
        job = path(
            "import/job/<int:job_id>/",
            self.admin_site.admin_view(self.import_job_view),
            name=f"{info[0]}_{info[1]}_import_job",
        )
        return [job, *super().get_urls()]

    def process_import(self, request, **kwargs):
        if not self.has_import_permission(request):
            raise PermissionDenied
        confirm_form = self.create_confirm_form(request)
        if not confirm_form.is_valid():
            return super().process_import(request, **kwargs)
        format_index = int(confirm_form.cleaned_data["format"])
        input_format = self.get_import_formats()[format_index](encoding=self.from_encoding)
        tmp_storage = self.get_tmp_storage_class()(
            name=confirm_form.cleaned_data["import_file_name"],
            encoding=None if input_format.is_binary() else self.from_encoding,
            read_mode=input_format.get_read_mode(),
            **self.get_tmp_storage_class_kwargs(),
        )
        data = tmp_storage.read()
        if len(input_format.create_dataset(data)) <= settings.IMPORT_BACKGROUND_ROWS:
            return super().process_import(request, **kwargs)
        job = import_job_create(
            actor=request.user,
            model_admin=self,
            data=data if isinstance(data, bytes) else data.encode(self.from_encoding),
            file_name=confirm_form.cleaned_data["original_file_name"],
            format_index=format_index,
            resource_index=self.get_resource_index(confirm_form),
        )
        tmp_storage.remove()
        messages.info(request, _("导入已开始，在后台进行；完成后本页显示结果。"))
        app_label, model_name = self.get_model_info()
        return redirect(f"admin:{app_label}_{model_name}_import_job", job_id=job.pk)

    def import_job_view(self, request, job_id: int):
        if not self.has_import_permission(request):
            raise PermissionDenied
        job = get_object_or_404(
            ImportJob, pk=job_id, owner=request.user, model=self.model._meta.label_lower
        )
        waited = time.time() - job.created_at.timestamp()
        app_label, model_name = self.get_model_info()
        context = {
            **self.admin_site.each_context(request),
            "title": _("导入结果"),
            "opts": self.model._meta,
            "job": job,
            "refresh": not job.finished and waited < settings.IMPORT_WAIT,
            "gave_up": not job.finished and waited >= settings.IMPORT_WAIT,
            "changelist": reverse(f"admin:{app_label}_{model_name}_changelist"),
        }
        response = TemplateResponse(request, "admin/import_job.html", context)
        response["Cache-Control"] = "no-store"
        return response

    def get_import_formats(self):
        return [_row_limited(format_class) for format_class in super().get_import_formats()]

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, TooManyRows):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)
