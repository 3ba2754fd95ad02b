"""Waking workers: one job per message, and a retry that never vanishes."""

from __future__ import annotations

from rq.job import Job, JobStatus

from service.db import Wakeup
from service.models import Lane
from workers.queues import enqueue_sends, send_job_id


def test_a_retry_under_the_same_job_id_does_not_inherit_the_finished_jobs_ttl(redis, worker, db):
    wakeup = Wakeup(4242, Lane.DEFAULT)  # no such row: the job finishes at once as a no-op
    assert enqueue_sends(redis, [wakeup]) == 1
    worker()
    finished = Job.fetch(send_job_id(4242), connection=redis)
    assert finished.get_status() == JobStatus.FINISHED and redis.ttl(finished.key) > 0
    # The ten-minute retry, as tick re-enqueues it.
    assert enqueue_sends(redis, [wakeup]) == 1
    again = Job.fetch(send_job_id(4242), connection=redis)
    assert again.get_status() == JobStatus.QUEUED
    assert redis.ttl(again.key) == -1  # no expiry: it waits as long as the queue does


def test_a_message_already_waiting_is_not_enqueued_twice(redis):
    wakeup = Wakeup(4243, Lane.URGENT)
    assert enqueue_sends(redis, [wakeup]) == 1
    assert enqueue_sends(redis, [wakeup]) == 0
