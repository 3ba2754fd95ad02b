"""A worker process's own thread for the urgent lane, so an alert never waits behind a batch.

The process's main worker takes urgent jobs first whenever it picks its next job, but a batch
of texts it has started (50 texts on 8 threads) runs to its end first. Beside it, this thread
runs a second, in-process RQ worker that listens on the urgent queue alone: a buddy's alert
or a crisis reply enqueued in the middle of a fan-out is picked up at once, on its own
database connection, while the batch goes on. Both share the process's context (engine,
Redis, twilio client), built once.

Signals belong to the main thread: its worker takes SIGTERM, and the process then stops
this one, which finishes the job it is running. RQ's job timeout is an alarm signal, which
only the main thread receives; here it is a timer that raises in this thread instead.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import uuid4

from redis import Redis
from rq import SimpleWorker
from rq.timeouts import TimerDeathPenalty

from workers.queues import URGENT
from workers.resilience import keep_running

# The urgent lane's RQ worker is named for it: ``kinship doctor`` counts processes, not lanes.
LANE_SUFFIX = "-urgent-lane"
# How often an idle urgent worker looks up from the queue to see whether the process is stopping.
WAKE_EVERY = 1


class UrgentWorker(SimpleWorker):
    death_penalty_class = TimerDeathPenalty
    stopping: threading.Event

    def _install_signal_handlers(self) -> None:
        pass  # SIGTERM and SIGINT are the main thread's; it sets ``stopping``

    def dequeue_job_and_maintain_ttl(self, timeout, max_idle_time=None):
        # RQ blocks on the queue for minutes at a time; wake every second to see whether
        # the process is stopping. Returning None ends the worker's loop.
        while not self.stopping.is_set():
            found = super().dequeue_job_and_maintain_ttl(WAKE_EVERY, max_idle_time=WAKE_EVERY)
            if found is not None:
                return found
        return None


@contextmanager
def urgent_lane(redis: Redis, logging_level: str | None = None) -> Iterator[threading.Thread]:
    """Run an urgent-only worker on a thread of this process while the block runs; on the
    way out, stop it once its current job (if any) has finished."""
    stopping = threading.Event()

    def start() -> bool:
        worker = UrgentWorker([URGENT], connection=redis, name=uuid4().hex + LANE_SUFFIX)
        worker.stopping = stopping
        worker.work(burst=False, with_scheduler=False, logging_level=logging_level)
        return stopping.is_set()

    thread = threading.Thread(target=keep_running, args=(start,), kwargs={"what": "urgent lane", "sleep": stopping.wait},
                              name="urgent-lane", daemon=True)
    thread.start()
    try:
        yield thread
    finally:
        stopping.set()
        thread.join()
