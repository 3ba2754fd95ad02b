"""The clock's schedule and the tick job, run by a real RQ worker on a real Redis."""

from rq import Queue
from rq.cron import CronScheduler

from workers.queues import URGENT, enqueue_tick


def test_the_clock_runs_tick_every_minute_on_the_urgent_lane(redis):
    scheduler = CronScheduler(connection=redis)
    scheduler.load_config_from_file("workers.clock")
    [job] = scheduler.get_jobs()
    assert job.func_name == "workers.jobs.tick" and job.cron == "* * * * *" and job.queue_name == URGENT


def test_the_tick_job_asks_who_is_due(kinship, twilio, worker, twilio_api, redis, db, now):
    from service import clock
    from tests.conftest import at

    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam", "--phone", "+14155550101")
    twilio.sms("+14155550101", "YES")
    worker()
    clock.freeze(at("2026-11-30T16:00:00Z"))
    enqueue_tick(redis)
    assert Queue(URGENT, connection=redis).count == 1
    worker()  # the tick, then the check-in it queued
    assert "how are you" in twilio_api.sent_to("+14155550101")[-1].lower()
