"""What WeasyPrint may load: `data:` URIs and the project's own static files, nothing else.

Every fetch of a render goes through `StaticOnlyURLFetcher`: the HTML's stylesheets, @import,
images, fonts and `<link rel="attachment">` files alike. There is no network and no
file-system access beyond the static files that django.contrib.staticfiles finds, so a
hostile URL that slipped into a document can neither read /etc/passwd nor make a request
(no redirects either, as nothing is fetched over HTTP).
"""

import base64
import mimetypes
import posixpath
from urllib.parse import unquote, unquote_to_bytes

from django.contrib.staticfiles import finders
from weasyprint import URLFetcher
from weasyprint.urls import URLFetcherResponse

#: Static files are addressed as `hiring-static:css/print.css` in the documents.
STATIC_SCHEME = "hiring-static"
MAX_STATIC_BYTES = 5 * 1024 * 1024
MAX_DATA_URI_CHARS = 30 * 1024 * 1024


class URLRefused(ValueError):
    """The renderer asked for something outside data: URIs and the static files."""


def static_uri(path: str) -> str:
    """The address of a static file as the PDF renderer sees it."""
    return f"{STATIC_SCHEME}:{path}"


def find_static(path: str) -> str:
    """The file-system path of a static file, refusing anything that climbs out of static."""
    path = unquote(path)
    if (
        not path
        or "\\" in path
        or "\x00" in path
        or path.startswith("/")
        or posixpath.isabs(path)
        or ".." in path.split("/")
    ):
        raise URLRefused(f"Not a static file path: {path!r}")
    normalized = posixpath.normpath(path)
    found = finders.find(normalized)
    if not found:
        raise URLRefused(f"No such static file: {path!r}")
    return found[0] if isinstance(found, list) else found


class StaticOnlyURLFetcher(URLFetcher):
    """A WeasyPrint fetcher that serves `data:` URIs and `hiring-static:` paths only."""

    def __init__(self):
        super().__init__(allowed_protocols=("data", STATIC_SCHEME), allow_redirects=False)

    def fetch(self, url, headers=None):
        scheme, _, rest = url.partition(":")
        scheme = scheme.lower()
        if scheme == "data":
            return self._data(url, rest)
        if scheme == STATIC_SCHEME:
            return self._static(url, rest.split("?")[0].split("#")[0])
        raise URLRefused(f"Refused to fetch {url[:200]!r}: only data: and static files")

    def _data(self, url: str, rest: str) -> URLFetcherResponse:
        if len(url) > MAX_DATA_URI_CHARS:
            raise URLRefused("data: URI too large")
        media_type, comma, payload = rest.partition(",")
        if not comma:
            raise URLRefused("Malformed data: URI")
        is_base64 = media_type.lower().endswith(";base64")
        if is_base64:
            media_type = media_type[: -len(";base64")]
        body = base64.b64decode(payload) if is_base64 else unquote_to_bytes(payload)
        return URLFetcherResponse(
            url, body, headers={"Content-Type": media_type or "text/plain;charset=US-ASCII"}
        )

    def _static(self, url: str, path: str) -> URLFetcherResponse:
        found = find_static(path)
        with open(found, "rb") as file:
            body = file.read(MAX_STATIC_BYTES + 1)
        if len(body) > MAX_STATIC_BYTES:
            raise URLRefused(f"Static file too large: {path!r}")
        content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        if content_type.startswith("text/"):
            content_type += "; charset=utf-8"
        return URLFetcherResponse(url, body, headers={"Content-Type": content_type})
