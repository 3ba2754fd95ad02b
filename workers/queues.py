"""The queues and the one place that enqueues: job ids, lanes, timeouts, all explicit.

Redis only wakes workers up; the rows are the truth. A send job is keyed by its message id,
so waking a worker twice for one message costs a no-op, never a second text.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from redis import Redis
from rq import Queue
from rq.job import Job, JobStatus, get_current_job

from service.db import Wakeup

URGENT = "urgent"
DEFAULT = "default"
QUEUE_NAMES = (URGENT, DEFAULT)  # workers drain them in this order
SEND_TIMEOUT = 60
TICK_TIMEOUT = 300
_LIVE = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}


def connect(url: str) -> Redis:
    return Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5, health_check_interval=30)


def queue(redis: Redis, name: str) -> Queue:
    return Queue(name, connection=redis)


def send_job_id(message_id: int) -> str:
    return f"send-message-{message_id}"


def enqueue_sends(redis: Redis, wakeups: Iterable[Wakeup]) -> int:
    """Enqueue one send job per message whose job is not already waiting or running."""
    wakeups = list(wakeups)
    job_ids = [send_job_id(w.message_id) for w in wakeups]
    existing = Job.fetch_many(job_ids, connection=redis) if job_ids else []
    by_lane: dict[str, list] = {URGENT: [], DEFAULT: []}
    for wakeup, job_id, job in zip(wakeups, job_ids, existing, strict=True):
        if job is not None and job.get_status(refresh=False) in _LIVE and not _abandoned(job, wakeup):
            continue
        if job is not None:
            # A finished or failed job under this id carries its result TTL on the key, and
            # enqueuing over it keeps that TTL: the retry would vanish when it ran out.
            job.delete(remove_from_queue=False)
        by_lane[wakeup.lane.value].append(
            Queue.prepare_data("workers.jobs.send_message", args=(wakeup.message_id,), job_id=job_id,
                               timeout=SEND_TIMEOUT, result_ttl=600, failure_ttl=7 * 24 * 3600)
        )
    count = 0
    for lane, jobs in by_lane.items():
        if jobs:
            queue(redis, lane).enqueue_many(jobs)
            count += len(jobs)
    return count


def _abandoned(job: Job, wakeup: Wakeup) -> bool:
    """A send job "started" whose worker died (kill -9, a lost host): nothing will finish it,
    and RQ notices only at its next registry sweep. Either tick found the row still queued
    long after its wake-up, or the job has run longer than any send may."""
    if job.get_status(refresh=False) != JobStatus.STARTED:
        return False
    if wakeup.lost or job.started_at is None:
        return True
    started = job.started_at if job.started_at.tzinfo else job.started_at.replace(tzinfo=UTC)
    return datetime.now(UTC) - started > timedelta(seconds=2 * SEND_TIMEOUT)


def enqueue_tick(redis: Redis) -> Job:
    return queue(redis, URGENT).enqueue("workers.jobs.tick", job_timeout=TICK_TIMEOUT, result_ttl=600)


def current_job_fields() -> dict[str, str | None]:
    """The running job's id, for every log line written while it runs."""
    job = get_current_job()
    return {"job_id": job.id if job is not None else None}
