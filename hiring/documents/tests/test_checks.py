import logging

import pytest
from django.core.checks import Error
from django.core.checks.registry import registry
from weasyprint.pdf import fonts as weasyprint_fonts

from hiring.documents import checks


class FakeHarfBuzz:
    def __init__(self, version: tuple[int, int, int]):
        self.version = version

    def hb_version_atleast(self, major, minor, micro):
        return self.version >= (major, minor, micro)


def test_no_subset_library_means_fonttools():
    problem = checks.harfbuzz_subset_problem(
        subset_library=None, harfbuzz_library=FakeHarfBuzz((8, 0, 0))
    )
    assert "libharfbuzz-subset" in problem


def test_an_old_harfbuzz_means_fonttools_too():
    problem = checks.harfbuzz_subset_problem(
        subset_library=object(), harfbuzz_library=FakeHarfBuzz((4, 0, 9))
    )
    assert "4.1.0" in problem


def test_a_recent_harfbuzz_with_subset_is_fine():
    problem = checks.harfbuzz_subset_problem(
        subset_library=object(), harfbuzz_library=FakeHarfBuzz((4, 1, 0))
    )
    assert problem is None


def test_this_machine_passes_and_the_check_is_registered():
    assert checks.check_pdf_renderer in registry.get_checks()
    assert checks.check_pdf_renderer() == []


@pytest.fixture
def no_harfbuzz_subset(monkeypatch):
    """As if libharfbuzz-subset.so.0 had failed to load (WeasyPrint then keeps None)."""
    monkeypatch.setattr(weasyprint_fonts, "harfbuzz_subset", None)


def test_fails_with_the_fix_when_weasyprint_would_fall_back(no_harfbuzz_subset):
    messages = checks.check_pdf_renderer()

    assert [message.id for message in messages] == ["documents.E002"]
    (error,) = messages
    assert isinstance(error, Error)
    assert "fontTools" in error.msg
    assert "apt-get install libharfbuzz-subset0" in error.hint


def test_fails_when_logging_no_longer_lets_renders_stop_at_their_deadline(monkeypatch):
    # As if a deployment had replaced LOGGING and dropped the progress logger's entry.
    progress = logging.getLogger("weasyprint.progress")
    monkeypatch.setattr(progress, "handlers", [])
    monkeypatch.setattr(progress, "propagate", True)

    messages = checks.check_pdf_renderer()

    assert [message.id for message in messages] == ["documents.E004"]
    assert "no time limit" in messages[0].msg
