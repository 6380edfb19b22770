import re
import socket
from contextlib import contextmanager
from unittest import mock
from urllib.parse import unquote

import pytest
from django.db import connection
from django.db.models import F
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hiring.documents import rendering
from hiring.sheets.models import JobPosting, RequirementSheet, SheetItem

from . import pdfs
from .conftest import add_items

PDF_URLS = ["sheet_pdf", "posting_pdf", "scorecard_pdf"]
PAGE_URLS = ["sheet_preview", "posting_preview", "posting_text", "scorecard_preview"]
FILE_URLS = ["sheet_xlsx"]


def url(name: str, sheet) -> str:
    return reverse(f"documents:{name}", args=[sheet.pk])


# Who may see alice's documents: the same people as her sheet's detail page.
ACCESS = {
    "anonymous": "login",
    "outsider_eve": 403,
    "admin_amy": 403,
    "manager_dave": 404,  # not his sheet: answered as if it did not exist
    "manager_bob": 200,
    "hr_carol": 200,
    "hr_alice": 200,
}


@pytest.fixture
def stub_pdfs(monkeypatch):
    """Access rules do not depend on the PDF, so skip WeasyPrint where only access is tested."""
    for kind in ("sheet", "posting", "scorecard"):
        monkeypatch.setitem(rendering.PDF_RENDERERS, kind, lambda *, sheet: b"%PDF-1.7 stub")


def test_documents_are_shown_to_whoever_may_see_the_sheet(client, sheet, request, stub_pdfs):
    # One test for the whole cast: each user costs a login, the sheet and catalog cost seconds.
    for who, expected in ACCESS.items():
        client.logout()
        if who != "anonymous":
            client.force_login(request.getfixturevalue(who))
        for name in PDF_URLS + PAGE_URLS + FILE_URLS:
            response = client.get(url(name, sheet))
            if expected == "login":
                assert response.status_code == 302, (who, name)
                assert response["Location"].startswith(reverse("accounts:login")), (who, name)
            else:
                assert response.status_code == expected, (who, name)
                if expected in (403, 404):
                    assert sheet.role_title.encode() not in response.content, (who, name)
            if who == "hr_carol":
                missing = reverse(f"documents:{name}", args=[sheet.pk + 1000])
                assert client.get(missing).status_code == 404, name


def test_the_sheet_page_links_every_document(client, sheet, manager_bob):
    client.force_login(manager_bob)

    page = client.get(reverse("sheets:detail", args=[sheet.pk])).content.decode()

    for name in PDF_URLS + PAGE_URLS + FILE_URLS:
        assert f'href="{url(name, sheet)}"' in page, name


def test_the_pdf_download_has_a_chinese_name_and_an_ascii_fallback(client, sheet, hr_carol):
    client.force_login(hr_carol)

    response = client.get(url("sheet_pdf", sheet))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert pdfs.reader(response.content).pages
    date = rendering.document_date(sheet).isoformat()
    disposition = response["Content-Disposition"]
    disposition.encode("ascii")  # a header value must be ASCII
    match = re.fullmatch(r'attachment; filename="([ -~]+)"; filename\*=UTF-8\'\'(\S+)', disposition)
    assert match, disposition
    assert match[1] == f"sheet-{sheet.pk}-{date}.pdf"
    assert unquote(match[2], encoding="utf-8", errors="strict") == f"需求表-电商客服专员-{date}.pdf"


def test_an_unchanged_sheet_is_served_from_the_cache_and_a_change_renders_again(
    client, sheet, manager_bob
):
    client.force_login(manager_bob)
    render = mock.Mock(wraps=rendering.render_sheet_pdf)
    with mock.patch.dict(rendering.PDF_RENDERERS, sheet=render):
        first = client.get(url("sheet_pdf", sheet))
        second = client.get(url("sheet_pdf", sheet))
        assert render.call_count == 1
        assert second.content == first.content

        RequirementSheet.objects.filter(pk=sheet.pk).update(version=F("version") + 1)
        third = client.get(url("sheet_pdf", sheet))
        assert render.call_count == 2
        assert third.status_code == 200


def test_queries_do_not_grow_with_the_items(client, sheet, hr_carol):
    client.force_login(hr_carol)
    names = ["sheet_preview", "posting_preview", "posting_text", "scorecard_preview"]

    def queries() -> dict[str, int]:
        counts = {}
        for name in names:
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url(name, sheet)).status_code == 200
            counts[name] = len(captured)
        return counts

    queries()  # the quality check loads its word lists once per process: not part of a page
    few = queries()
    add_items(sheet, 40)
    assert queries() == few


def test_the_posting_text_is_plain_utf8(client, sheet, hr_carol):
    client.force_login(hr_carol)

    response = client.get(url("posting_text", sheet))

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode("utf-8")
    # Alice's sheet is a draft: the first line says so, the posting follows.
    first, blank, headline = text.splitlines()[:3]
    assert "草稿" in first and not blank and headline == sheet.posting.headline
    assert "【任职要求】" in text
    assert "<" not in text


def test_previews_use_the_print_template_with_the_browser_stylesheet(client, sheet, hr_carol):
    client.force_login(hr_carol)
    for name in ("sheet_preview", "posting_preview", "scorecard_preview"):
        page = client.get(url(name, sheet)).content.decode()
        assert 'href="/static/css/print.css"' in page, name
        assert sheet.role_title in page, name
        assert f'href="{url(name.replace("_preview", "_pdf"), sheet)}"' in page, name


def test_too_large_a_sheet_gets_a_clear_413_page(client, sheet, hr_carol):
    SheetItem.objects.filter(sheet=sheet).update(requirement="超长文本" * 200_000)
    client.force_login(hr_carol)
    for name in PDF_URLS + ["sheet_preview", "posting_text"]:
        response = client.get(url(name, sheet))
        assert response.status_code == 413, name
        assert "条目或文字太多" in response.content.decode(), name


@override_settings(DOCUMENTS_RENDER_TIMEOUT=0)
def test_a_render_past_its_time_limit_gets_a_clear_503_page(client, sheet, hr_carol):
    client.force_login(hr_carol)

    response = client.get(url("sheet_pdf", sheet))

    assert response.status_code == 503
    assert "文档生成超时" in response.content.decode()


# --- Hostile content ----------------------------------------------------------------------


@contextmanager
def listening_socket():
    """A TCP port on 127.0.0.1 that records whether anything connected to it."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.setblocking(False)
    try:
        yield server
    finally:
        server.close()


def connections(server) -> int:
    count = 0
    while True:
        try:
            connection, _ = server.accept()
        except BlockingIOError:
            return count
        connection.close()
        count += 1


@pytest.fixture
def secret_file(tmp_path):
    """A file only an attack could put into a PDF, with a marker no PDF contains by chance."""
    path = tmp_path / "secret.txt"
    path.write_text("SECRET-7f3a9c1e-documents-test")
    return path


def hostile(port: int, secret_file) -> str:
    return (
        '<img src="file:///etc/passwd"><link rel="attachment" href="file:///etc/hostname">'
        f'<link rel="attachment" href="file://{secret_file}"><img src="file://{secret_file}">'
        f"<style>@import url(http://127.0.0.1:{port}/y); body {{ background: "
        f"url(http://127.0.0.1:{port}/x) }}</style>"
        f'<img src="http://127.0.0.1:{port}/img.png">'
        '<a rel="attachment" href="file:///etc/passwd">x</a>'
    )


def assert_no_secrets(pdf: bytes, secret_file) -> None:
    content = pdfs.decoded(pdf)
    assert b"root:x:0:0" not in content
    assert secret_file.read_bytes() not in content
    hostname = open("/etc/hostname").read().strip()
    assert hostname not in pdfs.text(pdf)  # too short a name to look for in binary data
    assert pdfs.attachments(pdf) == {}


def test_hostile_field_content_stays_harmless_text(client, sheet, hr_alice, secret_file):
    with listening_socket() as server:
        payload = hostile(server.getsockname()[1], secret_file)
        RequirementSheet.objects.filter(pk=sheet.pk).update(title=payload[:120], role_title="客服")
        SheetItem.objects.filter(sheet=sheet).update(requirement=payload)
        JobPosting.objects.filter(sheet=sheet).update(summary=payload, headline=payload[:120])
        sheet.refresh_from_db()
        client.force_login(hr_alice)

        documents = [client.get(url(name, sheet)) for name in PDF_URLS]
        pages = [client.get(url(name, sheet)) for name in PAGE_URLS]

        assert connections(server) == 0
    for response in documents:
        assert response.status_code == 200
        assert "<imgsrc=" in pdfs.text(response.content)  # shown as text, not loaded
        assert_no_secrets(response.content, secret_file)
    for response in pages:
        body = response.content.decode()
        assert "SECRET-" not in body and "root:x:0:0" not in body
        if response["Content-Type"].startswith("text/plain"):
            # Plain text shows the characters as typed; browsers must not sniff it as HTML.
            assert response["X-Content-Type-Options"] == "nosniff"
        else:
            assert "<img src" not in body and '<link rel="attachment"' not in body
            assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in body


def test_the_renderer_itself_loads_nothing_from_disk_or_network(secret_file, caplog):
    # Defence in depth: even markup that bypassed autoescaping fetches nothing.
    with listening_socket() as server:
        port = server.getsockname()[1]
        markup = hostile(port, secret_file)
        pdf = rendering.html_to_pdf(f"<html><body><p>内容</p>{markup}</body></html>")
        assert connections(server) == 0
    assert "内容" in pdfs.text(pdf)
    assert_no_secrets(pdf, secret_file)
    # WeasyPrint did ask for each of them, and the fetcher said no.
    refused = [r.getMessage() for r in caplog.records if "URLRefused" in r.getMessage()]
    for target in [
        "file:///etc/passwd",
        "file:///etc/hostname",
        f"http://127.0.0.1:{port}/y",
        f"http://127.0.0.1:{port}/x",
        f"http://127.0.0.1:{port}/img.png",
    ]:
        assert any(target in message for message in refused), target
