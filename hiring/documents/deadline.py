"""The time limit of a PDF render, checked at every step and page WeasyPrint reports.

WeasyPrint has no way to cancel a render, but it reports each step and each page it lays out
on its "weasyprint.progress" logger. The project's LOGGING setting sends those reports to
`RenderDeadline` (and nowhere else: they are not worth keeping), which stops a render whose
thread is past its deadline. No signals (they only reach the main thread) and no extra process,
so it works in a web worker's thread as well as on a task worker.

This module is loaded while logging is configured, before the apps are: standard library only.
"""

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

PROGRESS_LOGGER = "weasyprint.progress"

_deadline = threading.local()


class PastDeadline(Exception):
    """The render of this thread ran past its time limit; see `time_limit`."""


class RenderDeadline(logging.Handler):
    """Ends the current thread's render at a progress report made after its deadline."""

    def emit(self, record: logging.LogRecord) -> None:
        deadline = getattr(_deadline, "at", None)
        if deadline is not None and time.monotonic() > deadline:
            raise PastDeadline


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Renders of this thread within the block stop with `PastDeadline` after `seconds`."""
    _deadline.at = time.monotonic() + seconds
    try:
        yield
    finally:
        _deadline.at = None


def is_enforced() -> bool:
    """Whether WeasyPrint's progress reports reach a RenderDeadline (see LOGGING)."""
    progress = logging.getLogger(PROGRESS_LOGGER)
    if not progress.isEnabledFor(logging.INFO):
        return False
    logger: logging.Logger | None = progress
    while logger is not None:
        if any(isinstance(handler, RenderDeadline) for handler in logger.handlers):
            return True
        logger = logger.parent if logger.propagate else None
    return False
