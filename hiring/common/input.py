"""Input cleaning shared by every form and query-string filter of the site.

Text from a browser never legitimately holds control characters other than tab and line
breaks. PostgreSQL refuses NUL in text and JSON, PDFs and e-mail headers choke on the
rest, so they are dropped once, here, before any view, form or filter sees the request.
Line breaks are kept as the catalog and the services write them, LF: a browser sends a
textarea's as CRLF, which would make a text typed back unchanged differ from the saved one.
Bodies in a charset other than UTF-8 are refused with a 400 page: our pages are UTF-8,
so only a hand-made request sends anything else.
"""

import re

from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.http import QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

# C0 and C1 control characters, DEL, less tab (\t), line feed (\n) and carriage return (\r).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
UTF8_NAMES = {"utf-8", "utf8"}


def strip_control_characters(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value)


def clean_value(value: str) -> str:
    return strip_control_characters(value).replace("\r\n", "\n")


def _needs_cleaning(value: str) -> bool:
    return "\r\n" in value or CONTROL_CHARACTERS.search(value) is not None


def cleaned_querydict(data: QueryDict) -> QueryDict:
    """A copy of `data` without control characters in any key or value, line breaks as LF."""
    if not any(CONTROL_CHARACTERS.search(key) for key in data) and not any(
        _needs_cleaning(value) for values in data.lists() for value in values[1]
    ):
        return data
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        cleaned.setlist(strip_control_characters(key), [clean_value(v) for v in values])
    cleaned._mutable = False
    return cleaned


class InputCleaningMiddleware:
    """Refuses undecodable request bodies (400) and strips control characters from input."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.encoding and request.encoding.lower() not in UTF8_NAMES:
            self._forget_body(request)
            raise BadRequest(_("请求的字符编码无法识别，请使用 UTF-8 提交。"))
        request.GET = cleaned_querydict(request.GET)
        if request.method == "POST":
            try:
                post = request.POST
            except (RequestDataTooBig, TooManyFieldsSent):
                raise  # Django answers these with its own 400
            except (BadRequest, MultiPartParserError, UnicodeDecodeError) as error:
                self._forget_body(request)
                raise BadRequest(_("提交的数据无法解析。")) from error
            request.POST = cleaned_querydict(post)
        return self.get_response(request)

    @staticmethod
    def _forget_body(request) -> None:
        # The 400 page runs the CSRF check, which reads the body again: it must find it
        # empty, not fail a second time and turn the 400 into a 500.
        request._mark_post_parse_error()
