"""Spreadsheet exports that Excel opens correctly and that cannot run anything in it.

A cell whose text starts with = + - @ (or a tab or carriage return) is read by Excel and
LibreOffice as a formula, which can fetch URLs or run commands on the reader's machine. Such
text is written with a leading apostrophe in CSV, and as quoted text in XLSX files we build
ourselves. CSV files start with a UTF-8 byte order mark, without which Excel on Windows reads
them in the local code page and garbles the Chinese text.
"""

from import_export import resources
from import_export.formats import base_formats

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def is_formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def neutralise(value):
    """The value as a spreadsheet shows it as text: risky text gets a leading apostrophe."""
    return f"'{value}" if is_formula_like(value) else value


def restore(value):
    """What `neutralise` was given: a file exported here imports back unchanged."""
    if isinstance(value, str) and value.startswith("'") and is_formula_like(value[1:]):
        return value[1:]
    return value


class SafeExportResource(resources.ModelResource):
    """Exports every text value neutralised (see `neutralise`), in any file format; imports
    take the apostrophe off again."""

    def export_resource(self, instance, selected_fields=None, **kwargs):
        return [
            neutralise(value)
            for value in super().export_resource(instance, selected_fields, **kwargs)
        ]

    def before_import_row(self, row, **kwargs):
        for key, value in row.items():
            row[key] = restore(value)
        super().before_import_row(row, **kwargs)


class ExcelCSV(base_formats.CSV):
    """CSV with a UTF-8 byte order mark; imports accept files with or without one."""

    def export_data(self, dataset, **kwargs):
        return BOM + super().export_data(dataset, **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.removeprefix(BOM.encode())
        elif isinstance(in_stream, str):
            in_stream = in_stream.removeprefix(BOM)
        return super().create_dataset(in_stream, **kwargs)
