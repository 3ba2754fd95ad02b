"""Waking workers: one job per message, and a retry that never vanishes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rq.job import Job, JobStatus

from service.db import Wakeup
from service.models import Lane
from workers.queues import batch_job_id, enqueue_sends, send_job_id


@pytest.mark.parametrize("lane, job_id", [(Lane.URGENT, send_job_id(4242)), (Lane.DEFAULT, batch_job_id([4242]))])
def test_a_retry_under_the_same_job_id_does_not_inherit_the_finished_jobs_ttl(redis, worker, db, lane, job_id):
    wakeup = Wakeup(4242, lane)  # no such row: the job finishes at once as a no-op
    assert enqueue_sends(redis, [wakeup]) == 1
    worker()
    finished = Job.fetch(job_id, connection=redis)
    assert finished.get_status() == JobStatus.FINISHED and redis.ttl(finished.key) > 0
    # The ten-minute retry, as tick re-enqueues it.
    assert enqueue_sends(redis, [wakeup]) == 1
    again = Job.fetch(job_id, connection=redis)
    assert again.get_status() == JobStatus.QUEUED
    assert redis.ttl(again.key) == -1  # no expiry: it waits as long as the queue does


def test_two_wake_ups_at_once_for_one_message_both_enqueue_without_error(redis, monkeypatch):
    # Two webhooks at once: the second looked before the first enqueued, and finds its job
    # half written (no status yet) when it enqueues in turn.
    wakeup = Wakeup(4245, Lane.URGENT)
    monkeypatch.setattr("workers.queues._waiting", lambda redis, wakeups: set())
    assert enqueue_sends(redis, [wakeup]) == 1
    redis.hdel(Job.key_for(send_job_id(4245)), "status")
    assert enqueue_sends(redis, [wakeup]) == 1
    assert Job.fetch(send_job_id(4245), connection=redis).get_status() == JobStatus.QUEUED


def test_a_message_already_waiting_is_not_enqueued_twice(redis):
    wakeup = Wakeup(4243, Lane.URGENT)
    assert enqueue_sends(redis, [wakeup]) == 1
    assert enqueue_sends(redis, [wakeup]) == 0


def test_a_job_left_started_by_a_dead_worker_does_not_block_the_next_wake_up(redis):
    wakeup = Wakeup(4244, Lane.URGENT)
    enqueue_sends(redis, [wakeup])
    job = Job.fetch(send_job_id(4244), connection=redis)
    job.started_at = datetime.now(UTC)
    job.save()
    job.set_status(JobStatus.STARTED)  # as kill -9 mid-job leaves it
    assert enqueue_sends(redis, [wakeup]) == 0  # a live job: waited for
    assert enqueue_sends(redis, [Wakeup(4244, Lane.URGENT, lost=True)]) == 1  # tick found the row still queued
