"""Every spreadsheet the admin hands out is safe to open, and every import it takes is bounded."""

import pytest
import tablib
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from import_export.admin import ExportMixin, ImportMixin

from hiring.common.exports import SafeExportResource
from hiring.common.imports import LimitedImportMixin
from hiring.quality.models import WordList

pytestmark = pytest.mark.django_db


def admins_with(mixin):
    registered = admin.site._registry.values()
    return [model_admin for model_admin in registered if isinstance(model_admin, mixin)]


def test_every_admin_export_neutralises_formulas_and_every_import_is_limited():
    exporting = admins_with(ExportMixin)
    assert len(exporting) >= 5  # the catalog's three, the lexicon's two
    for model_admin in exporting:
        for resource in model_admin.get_export_resource_classes(None):
            assert issubclass(resource, SafeExportResource), (model_admin, resource)
    importing = admins_with(ImportMixin)
    assert importing
    for model_admin in importing:
        assert isinstance(model_admin, LimitedImportMixin), model_admin
        for resource in model_admin.get_import_resource_classes(None):
            assert issubclass(resource, SafeExportResource), (model_admin, resource)


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root_admin", "r@example.com"))
    return client


def test_a_word_list_exports_a_formula_as_text(superuser_client):
    call_command("loaddata", "wording", verbosity=0)
    WordList.objects.filter(pk=WordList.objects.first().pk).update(
        description='=HYPERLINK("http://example.com/x","点我")'
    )
    url = reverse("admin:quality_wordlist_export")
    form = superuser_client.get(url).context["form"]
    data = {"format": "0", "resource": "0"}
    data.update({name: "on" for name, field in form.fields.items() if field.initial is True})
    content = superuser_client.post(url, data).content.decode("utf-8-sig")
    descriptions = [row["description"] for row in tablib.Dataset().load(content, format="csv").dict]
    assert '\'=HYPERLINK("http://example.com/x","点我")' in descriptions
    assert not any(text.startswith("=") for text in descriptions)


def upload(client, rows: int):
    lines = ["slug,description,words"] + [f"list-{n},说明,词{n}" for n in range(rows)]
    file = SimpleUploadedFile("lists.csv", "\n".join(lines).encode(), content_type="text/csv")
    return client.post(
        reverse("admin:quality_wordlist_import"),
        {"import_file": file, "format": "0", "resource": "0"},
    )


@override_settings(IMPORT_MAX_ROWS=20)
def test_an_import_with_too_many_rows_is_refused_with_a_clear_message(superuser_client):
    response = upload(superuser_client, 21)
    assert response.status_code == 200
    assert "文件有 21 行，一次最多导入 20 行" in response.text
    assert not WordList.objects.exists()

    response = upload(superuser_client, 20)
    assert "一次最多导入" not in response.text
    assert response.context["result"].totals["new"] == 20  # the dry run, ready to confirm


@override_settings(IMPORT_MAX_BYTES=1024)
def test_an_import_file_too_large_is_refused_with_a_clear_message(superuser_client):
    response = upload(superuser_client, 200)
    assert response.status_code == 200
    assert "文件太大" in response.text and "一次最多导入 1.0" in response.text
    assert not WordList.objects.exists()


def confirm(client, dry_run):
    form = dry_run.context["confirm_form"]
    data = {name: form[name].value() for name in form.fields}
    return client.post(reverse("admin:quality_wordlist_process_import"), data)


@override_settings(IMPORT_BACKGROUND_ROWS=5)
def test_a_long_import_runs_in_the_background_and_shows_its_result(
    superuser_client, django_capture_on_commit_callbacks, django_user_model
):
    dry_run = upload(superuser_client, 8)
    # No task queue in tests: the job runs in-process once its row is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(superuser_client, dry_run)
    assert response.status_code == 302
    job_page = superuser_client.get(response["Location"])
    assert job_page.status_code == 200
    assert 'data-status="done"' in job_page.text and "共 8 行" in job_page.text
    assert job_page.context["job"].totals["new"] == 8
    assert '<meta http-equiv="refresh"' not in job_page.text
    assert WordList.objects.count() == 8

    # Only its owner sees it.
    other = django_user_model.objects.create_superuser("other_admin", "o@example.com")
    superuser_client.force_login(other)
    assert superuser_client.get(response["Location"]).status_code == 404


@override_settings(IMPORT_BACKGROUND_ROWS=5, IMPORT_WAIT=60)
def test_a_queued_import_page_refreshes_until_its_result_is_there(
    superuser_client, django_user_model
):
    dry_run = upload(superuser_client, 8)
    response = confirm(superuser_client, dry_run)  # not committed: the job stays queued
    job_page = superuser_client.get(response["Location"])
    assert 'data-status="queued"' in job_page.text
    assert '<meta http-equiv="refresh" content="3">' in job_page.text
    assert not WordList.objects.exists()
