"""The urgent lane's own thread: an alert goes while a batch is still being sent, not after it."""

from __future__ import annotations

import threading

from service.db import Wakeup
from service.models import Lane
from tests.service.messaging.test_batches import PHONES, fan_out
from workers import context as worker_context
from workers.queues import enqueue_sends
from workers.urgent_lane import urgent_lane

ALERT_TO = "+14155559001"
# Only a guard against hanging: the batch's texts wait for the alert, which comes or not.
HANG = 30


def test_an_alert_raised_mid_batch_is_sent_before_the_rest_of_that_batch(db, redis, worker, twilio_api, monkeypatch):
    ids = fan_out(db)  # one batch of twelve
    enqueue_sends(redis, [Wakeup(i, Lane.DEFAULT) for i in ids])
    alert_id = fan_out(db, [ALERT_TO], lane=Lane.URGENT)[0]
    gateway = worker_context.current().gateway
    real_send = gateway.send
    raised, alert_sent = threading.Event(), threading.Event()
    lock = threading.Lock()

    def send(**text):
        if text["to"] == ALERT_TO:
            result = real_send(**text)
            alert_sent.set()
            return result
        with lock:
            if not raised.is_set():
                # The batch has begun: a member's reply raises an alert now.
                raised.set()
                enqueue_sends(redis, [Wakeup(alert_id, Lane.URGENT)])
        # No text of the running batch leaves until the alert has: only another thread can send it.
        if not alert_sent.wait(HANG):
            raise AssertionError("the alert waited for the batch")
        return real_send(**text)

    monkeypatch.setattr(gateway, "send", send)
    with urgent_lane(redis):
        worker()  # the process's main worker: takes the batch and sends it
    order = [m.to for m in twilio_api.messages]
    assert order[0] == ALERT_TO and sorted(order[1:]) == sorted(PHONES)


def test_the_lane_stops_with_the_process_and_leaves_no_worker_registered(redis):
    from rq import Worker

    with urgent_lane(redis) as thread:
        pass
    assert not thread.is_alive()
    assert Worker.count(connection=redis) == 0


def test_the_doctor_counts_worker_processes_not_their_urgent_lanes(redis):
    from rq import SimpleWorker, Worker

    from workers import inspection
    from workers.urgent_lane import LANE_SUFFIX, UrgentWorker

    process = SimpleWorker(["urgent", "default"], connection=redis)
    lane = UrgentWorker(["urgent"], connection=redis, name="a" + LANE_SUFFIX)
    for worker in (process, lane):
        worker.register_birth()
    try:
        assert Worker.count(connection=redis) == 2
        assert inspection.workers_alive(redis) == 1
        assert inspection.processes(redis).workers_on_every_queue == len(inspection.processes(redis).workers) == 1
    finally:
        for worker in (process, lane):
            worker.register_death()
