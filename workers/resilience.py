"""Long-running processes that ride out a Redis outage instead of exiting.

RQ's worker quits its loop on any Redis error outside the dequeue ("found an unhandled
exception, quitting…"), and rq cron's loop has no error path at all: a dropped connection in
the middle of a fan-out would leave it stalled until someone restarted the process by hand.
``keep_running`` starts the loop again, with a fresh worker or scheduler, after a back-off
that grows to ``MAX_BACKOFF`` seconds. Nothing is lost meanwhile: the rows are the truth,
and the next tick re-enqueues whatever Redis forgot.

``start`` returns True when the process is done (a burst worker with nothing left, a stop
asked for by SIGTERM) and False when its loop gave up on its own (RQ's worker breaks out
of its loop on an error and returns as if done). Any error that is not Redis's ends it. The deployment files still restart a process that
exits (``restart: unless-stopped``, ``Restart=always``), for everything else.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from redis.exceptions import RedisError
from rq.exceptions import StopRequested

log = logging.getLogger(__name__)

FIRST_BACKOFF = 1.0
MAX_BACKOFF = 30.0


def keep_running(start: Callable[[], bool], *, what: str, sleep: Callable[[float], None] = time.sleep) -> None:
    """Call ``start`` until it says it is done, starting it again after each Redis error."""
    backoff = FIRST_BACKOFF
    while True:
        began = time.monotonic()
        try:
            if start():
                return
            reason = "its loop stopped"
        except StopRequested:
            return
        except RedisError as error:
            reason = f"{type(error).__name__}: {error}"
        if time.monotonic() - began > MAX_BACKOFF:
            backoff = FIRST_BACKOFF  # it ran well for a while: this is a new outage
        log.warning("%s lost Redis (%s); starting again in %.0f s", what, reason, backoff)
        try:
            sleep(backoff)
        except StopRequested:
            return
        backoff = min(backoff * 2, MAX_BACKOFF)
