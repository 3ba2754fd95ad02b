"""The queues and the one place that enqueues: job ids, lanes, timeouts, all explicit.

Redis only wakes workers up; the rows are the truth. Urgent texts (crisis replies, buddy
alerts, escalations) go one job each on the urgent lane, so none waits behind another;
everything else goes in batch jobs of up to ``BATCH_SIZE`` messages from one sender. Each
message remembers which job carries it, so waking a worker twice for one message (a tick
that thought the job lost) costs a no-op while that job is still waiting or running.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from redis import Redis
from rq import Queue
from rq.exceptions import InvalidJobOperation
from rq.job import Job, JobStatus, get_current_job

from service.db import Wakeup
from service.messaging.sending import BATCH_SIZE

URGENT = "urgent"
DEFAULT = "default"
QUEUE_NAMES = (URGENT, DEFAULT)  # workers drain them in this order
SEND_TIMEOUT = 60
# A batch at a long code's 1 text a second takes its whole size in seconds, plus the API's.
BATCH_TIMEOUT = 300
TICK_TIMEOUT = 300
_LIVE = {JobStatus.QUEUED, JobStatus.STARTED, JobStatus.SCHEDULED, JobStatus.DEFERRED}
# How long Redis remembers which job carries a message: longer than any job waits.
_CARRIER_TTL = 24 * 3600


def connect(url: str) -> Redis:
    return Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5, health_check_interval=30)


def queue(redis: Redis, name: str) -> Queue:
    return Queue(name, connection=redis)


def send_job_id(message_id: int) -> str:
    return f"send-message-{message_id}"


def batch_job_id(message_ids: list[int]) -> str:
    digest = hashlib.sha1(",".join(map(str, message_ids)).encode()).hexdigest()[:16]
    return f"send-batch-{message_ids[0]}-{digest}"


def _carrier_key(message_id: int) -> str:
    return f"kinship:send-job:{message_id}"


def _waiting(redis: Redis, wakeups: list[Wakeup]) -> set[int]:
    """The messages among ``wakeups`` whose job is still waiting or running (and not dead)."""
    carriers = redis.mget([_carrier_key(w.message_id) for w in wakeups])
    job_ids = sorted({c.decode() for c in carriers if c is not None})
    jobs = {job.id: job for job in Job.fetch_many(job_ids, connection=redis) if job is not None} if job_ids else {}
    waiting = set()
    for wakeup, carrier in zip(wakeups, carriers, strict=True):
        job = jobs.get(carrier.decode()) if carrier is not None else None
        if job is not None and job.get_status(refresh=False) in _LIVE and not _abandoned(job, wakeup):
            waiting.add(wakeup.message_id)
    return waiting


def _abandoned(job: Job, wakeup: Wakeup) -> bool:
    """A send job "started" whose worker died (kill -9, a lost host): nothing will finish it,
    and RQ notices only at its next registry sweep. Either tick found the row still queued
    long after its wake-up, or the job has run past its own timeout. (Waking a message whose
    job is in fact alive costs a no-op: the claim lets one of them send it.)"""
    if job.get_status(refresh=False) != JobStatus.STARTED:
        return False
    if wakeup.lost or job.started_at is None:
        return True
    started = job.started_at if job.started_at.tzinfo else job.started_at.replace(tzinfo=UTC)
    return datetime.now(UTC) - started > timedelta(seconds=2 * (job.timeout or SEND_TIMEOUT))


def _clear_finished(redis: Redis, jobs: list) -> None:
    """A finished or failed job under an id about to be reused carries its result TTL on its
    key, and enqueuing over it keeps that TTL: the retry would vanish from the queue when it
    ran out (issue 14, item 10). Such jobs are deleted first, and so is one left started by a
    dead worker. A job queued under the id is another wake-up's, enqueued since this one looked
    (two webhooks at once): it is kept, and so is one a concurrent enqueue is rewriting."""
    if not jobs:
        return
    for old in Job.fetch_many([job.job_id for job in jobs], connection=redis):
        if old is None or old.get_status(refresh=False) in (JobStatus.QUEUED, None):
            continue
        try:
            old.delete(remove_from_queue=False)
        except InvalidJobOperation:  # deleted or rewritten by a concurrent enqueue meanwhile
            continue


def enqueue_sends(redis: Redis, wakeups: Iterable[Wakeup]) -> int:
    """Enqueue the send jobs for messages whose job is not already waiting or running.

    One ``enqueue_many`` per lane: urgent messages one job each, the rest in batches by sender.
    """
    wakeups = list({w.message_id: w for w in wakeups}.values())
    if not wakeups:
        return 0
    waiting = _waiting(redis, wakeups)
    urgent: list = []
    batches: dict[str | None, list[int]] = {}
    carriers: dict[str, str] = {}
    for wakeup in wakeups:
        if wakeup.message_id in waiting:
            continue
        if wakeup.lane.value == URGENT:
            job_id = send_job_id(wakeup.message_id)
            urgent.append(Queue.prepare_data("workers.jobs.send_message", args=(wakeup.message_id,), job_id=job_id,
                                             timeout=SEND_TIMEOUT, result_ttl=600, failure_ttl=7 * 24 * 3600))
            carriers[_carrier_key(wakeup.message_id)] = job_id
        else:
            batches.setdefault(wakeup.sender, []).append(wakeup.message_id)
    default: list = []
    for ids in batches.values():
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start:start + BATCH_SIZE]
            job_id = batch_job_id(chunk)
            default.append(Queue.prepare_data("workers.jobs.send_batch", args=(chunk,), job_id=job_id,
                                              timeout=BATCH_TIMEOUT, result_ttl=600, failure_ttl=7 * 24 * 3600))
            carriers.update({_carrier_key(message_id): job_id for message_id in chunk})
    pipe = redis.pipeline(transaction=False)
    for key, job_id in carriers.items():
        pipe.set(key, job_id, ex=_CARRIER_TTL)
    pipe.execute()
    _clear_finished(redis, urgent + default)
    if urgent:
        queue(redis, URGENT).enqueue_many(urgent)
    if default:
        queue(redis, DEFAULT).enqueue_many(default)
    return len(urgent) + sum(len(job.args[0]) for job in default)


def enqueue_tick(redis: Redis) -> Job:
    return queue(redis, URGENT).enqueue("workers.jobs.tick", job_timeout=TICK_TIMEOUT, result_ttl=600)


def current_job_fields() -> dict[str, str | None]:
    """The running job's id, for every log line written while it runs."""
    job = get_current_job()
    return {"job_id": job.id if job is not None else None}
