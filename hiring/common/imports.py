"""Admin imports of bounded size: a file too large, or with too many rows, is refused with a
clear message next to the file field before any row is read into the database, so an import
always finishes within a request."""

from functools import cache

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from import_export.forms import ImportForm


class TooManyRows(ValueError):
    def __init__(self, rows: int):
        limit = settings.IMPORT_MAX_ROWS
        super().__init__(
            _("文件有 %(rows)d 行,一次最多导入 %(limit)d 行。请拆成几个文件分批导入。")
            % {"rows": rows, "limit": limit}
        )


class LimitedImportForm(ImportForm):
    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                _("文件太大(%(size)s),一次最多导入 %(limit)s。请拆成几个文件分批导入。")
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


class LimitedImportMixin:
    """For an ImportExportModelAdmin: uploads and their rows are limited (IMPORT_MAX_BYTES,
    IMPORT_MAX_ROWS)."""

    import_form_class = LimitedImportForm

    def get_import_formats(self):
        return [_row_limited(format_class) for format_class in super().get_import_formats()]

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, TooManyRows):
            form.add_error("import_file", str(e))
        else:
            super().add_data_read_fail_error_to_form(form, e)
