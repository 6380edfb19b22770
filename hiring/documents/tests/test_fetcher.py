import base64
from pathlib import Path

import pytest
from django.conf import settings
from weasyprint.urls import URLFetchingError, fetch

from hiring.documents.fetcher import StaticOnlyURLFetcher, URLRefused, static_uri


@pytest.fixture
def fetcher():
    return StaticOnlyURLFetcher()


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "FILE:///etc/passwd",
        "http://127.0.0.1:9/x",
        "https://example.com/print.css",
        "ftp://example.com/x",
        "//example.com/x",
        "../../etc/passwd",
        "/etc/passwd",
        "static/css/print.css",
        "hiring-static:../../etc/passwd",
        "hiring-static:css/../../../../etc/passwd",
        "hiring-static:%2e%2e/%2e%2e/etc/passwd",
        "hiring-static:/etc/passwd",
        "hiring-static://etc/passwd",
        "hiring-static:css\\..\\..\\etc\\passwd",
        "hiring-static:css/no-such-file.css",
        "javascript:alert(1)",
    ],
)
def test_refuses_everything_but_data_and_static_files(fetcher, url):
    with pytest.raises(URLRefused):
        fetcher.fetch(url)


def test_refusals_reach_weasyprint_as_ordinary_fetch_errors(fetcher):
    # Ordinary errors make WeasyPrint skip the resource; a fatal one would abort the render.
    with pytest.raises(URLFetchingError), fetch(fetcher, "file:///etc/passwd"):
        pass


def test_serves_data_uris(fetcher):
    encoded = base64.b64encode(b"\x89PNG fake").decode()
    response = fetcher.fetch(f"data:image/png;base64,{encoded}")
    assert response.read() == b"\x89PNG fake"
    assert response.content_type == "image/png"

    response = fetcher.fetch("data:text/css,body%7Bcolor:red%7D")
    assert response.read() == b"body{color:red}"
    assert response.content_type == "text/css"


def test_serves_the_projects_static_files(fetcher):
    response = fetcher.fetch(static_uri("css/print.css"))
    expected = (Path(settings.BASE_DIR) / "static/css/print.css").read_bytes()
    assert response.read() == expected
    assert response.content_type == "text/css"  # WeasyPrint ignores stylesheets of other types


def test_is_what_weasyprint_calls(fetcher):
    # WeasyPrint calls the fetcher itself (and urllib-style open()) for every resource.
    assert fetcher(static_uri("css/print.css")).read()
    with pytest.raises(URLRefused):
        fetcher("file:///etc/passwd")
    with pytest.raises(URLRefused):
        fetcher.open("http://127.0.0.1:9/")
