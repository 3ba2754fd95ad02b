"""Faults, with the real processes: every due member gets exactly one check-in, every row ends
true to what Twilio accepted, every alert reaches a person, no inbound text is lost.

Each scenario: a community of 40 members all due at once, two ``kinship worker`` processes
(forking, as in production), a fault in the middle of the fan-out, then the clock's passes
(``kinship tick``) until nothing is left, and the invariants (``Rig.check``).
"""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select
from twilio.request_validator import RequestValidator

from service.models import Alert, InboundMessage
from tests.conftest import AUTH_TOKEN, FROM_NUMBER
from tests.faults.conftest import MEMBERS, inbound_count



def fan_out(rig, workers: int = 2) -> list:
    started = [rig.start("worker", "--simple") for _ in range(workers)]
    rig.tick()
    return started


def test_kill_9_of_a_worker_mid_fan_out(rig):
    rig.populate()
    first, _second = fan_out(rig)
    rig.wait_for(lambda: rig.sent_count() >= MEMBERS // 3)
    rig.kill9(first)
    rig.start("worker", "--simple")  # what the process supervisor does
    rig.settle()
    rig.check()


def test_kill_9_right_after_twilio_accepted_is_settled_by_reconciliation(rig, twilio_api):
    rig.populate()
    victims = []

    def kill_the_sender(_message):
        # The request is in and stored; the answer never gets back to the worker.
        if not victims and rig.sent_count() >= 10:
            victims.append(True)
            for process in list(rig.processes[:2]):
                rig.kill9(process)

    twilio_api.on_accept = kill_the_sender
    fan_out(rig)
    rig.wait_for(lambda: bool(victims))
    twilio_api.on_accept = None
    rig.start("worker", "--simple")
    rig.start("worker", "--simple")
    rig.settle()
    rig.check()
    assert victims


def test_redis_restarted_empty_mid_fan_out_workers_stay_up(rig, redis_server):
    rig.populate()
    workers = fan_out(rig)
    rig.wait_for(lambda: rig.sent_count() >= MEMBERS // 4)
    redis_server.restart()
    rig.settle()
    assert all(w.poll() is None for w in workers), "a worker exited when Redis went away"
    rig.check()


def test_redis_flushed_mid_fan_out_workers_stay_up(rig, redis):
    rig.populate()
    workers = fan_out(rig)
    rig.wait_for(lambda: rig.sent_count() >= MEMBERS // 4)
    redis.flushall()
    rig.settle()
    assert all(w.poll() is None for w in workers)
    rig.check()


def test_every_fifth_call_503_and_bursts_of_429(rig, twilio_api):
    rig.populate()
    twilio_api.fail_every(5, status=503)
    twilio_api.fail_next(status=429, times=8)
    fan_out(rig)
    rig.wait_for(lambda: rig.sent_count() >= MEMBERS // 2)
    twilio_api.fail_next(status=429, times=8)
    rig.settle(rounds=8)
    rig.check()


def test_the_clock_down_three_hours_then_back_and_two_clocks_at_once(rig):
    # Slots three hours old are inside a four-hour grace: every member is still due (with
    # the default two hours they are skipped, by design: no burst of stale check-ins).
    rig.env["KINSHIP_CHECKIN_GRACE_MINUTES"] = "240"
    rig.populate(due_ago=timedelta(hours=3))
    rig.start("worker", "--simple")
    rig.start("worker", "--simple")
    # Two clocks at once (a deploy overlapping the old one): rq cron fires on the minute.
    rig.start("clock")
    rig.start("clock")
    rig.wait_for(lambda: rig.sent_count() >= MEMBERS, limit=150)
    rig.settle()
    rig.check()


def test_the_same_inbound_webhook_delivered_twice_at_once(rig, live_server):
    phones = rig.populate(count=40)
    rig.start("worker", "--simple")
    rig.start("worker", "--simple")
    rig.tick()
    rig.wait_for(lambda: rig.sent_count() >= 40)
    import requests

    validator = RequestValidator(AUTH_TOKEN)
    url = f"{live_server}/twilio/sms"  # the live server's app is built with it as PUBLIC_URL
    replies = {phone: ("I want to end it all" if i % 10 == 0 else "good today, 8") for i, phone in enumerate(phones)}

    def deliver(index: int, phone: str) -> None:
        form = {"MessageSid": f"SM{index:032x}", "AccountSid": "AC" + "0" * 32, "From": phone, "To": FROM_NUMBER,
                "Body": replies[phone], "NumMedia": "0"}
        headers = {"X-Twilio-Signature": validator.compute_signature(url, form)}
        barrier.wait()
        answer = requests.post(url, data=form, headers=headers, timeout=60)
        assert answer.status_code == 200

    for index, phone in enumerate(phones):
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=deliver, args=(index, phone)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert inbound_count(rig.db) == len(phones)
    rig.settle()
    rig.check()
    with rig.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Alert)) == len([p for p in replies.values() if "end it" in p])
        assert s.scalar(select(func.count(func.distinct(InboundMessage.message_sid)))) == len(phones)
