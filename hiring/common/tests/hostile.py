"""Hypothesis strategies for hostile input: odd text, numbers that do not fit, made-up ids."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from hiring.common.input import clean_value

# Markup that must only ever reach a page escaped: finding it raw means something was not.
MARK = "<x-h>"

SAMPLES = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    "\x00",
    "a\x00b",
    "\x01\x02\x1b[31m\x7f\x85",
    "‮reversed‬",
    "𠀀🎧 Ünïcode عربى 한국어",
    "' OR 1=1 --",
    "{{ 7*7 }}{% debug %}",
    "%(title)s %s {0}",
    "\r\n\r\nBcc: x@example.com",
    "../../etc/passwd",
    "file:///etc/passwd",
    "url(http://127.0.0.1/)",
    "长" * 3000,
    " ",
    "",
]

text = st.one_of(
    st.sampled_from(SAMPLES),
    st.text(max_size=120),
    st.builds(lambda a, b: a + MARK + b, st.text(max_size=40), st.sampled_from(SAMPLES)),
)

numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(
        ["2147483647", "2147483648", "3000000000", "32767", "32768", "999", "1000", "-1", "0"]
    ),
    st.sampled_from(["", " 5 ", "1e9", "0x10", "١٢", "１２", "NaN", "inf", "-0", "1.5", "\x00"]),
    text,
)

ids = st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(str), numbers)

# Each test sends a few dozen requests per example; enough to find a 500, still quick.
hostile_settings = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def shown(value: str) -> str:
    """What a page shows of typed `value` once the site-wide input cleaning has run."""
    return clean_value(value)


def assert_page_is_safe(response) -> None:
    assert response.status_code < 500, response.status_code
    if response.get("Content-Type", "").startswith("text/html"):
        assert MARK not in response.content.decode(), "unescaped input in the page"
