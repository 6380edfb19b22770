"""Handing work to the task queue without letting a queue that is down fail a request.

Every caller has already committed what the user did; what it sends (a render, an import, a
webhook delivery) can wait or happen another way, and each caller says which.
"""

import logging
import time

from celery import Task
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)

# Seconds the task queue is left alone after it could not be reached, so that the requests of
# an outage do not each wait for a connection that will fail.
RETRY_AFTER_SECONDS = 15
_down_until = 0.0


def send(task: Task, *, kwargs: dict, countdown: float | None = None, what: str) -> bool:
    """Queues `task`; False, with one log line per attempt at reaching it, when the queue is down.

    `what` names the work in that log line ("render of sheet 7").
    """
    global _down_until

    if time.monotonic() < _down_until:
        return False
    try:
        task.apply_async(kwargs=kwargs, countdown=countdown or None)
    except (OperationalError, OSError) as error:
        _down_until = time.monotonic() + RETRY_AFTER_SECONDS
        logger.error("Task queue unreachable (%s): %s not queued.", error, what)
        return False
    return True
