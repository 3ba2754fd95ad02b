"""Sending and delivery: never twice, retried when Twilio stumbles, stopped when the carrier says so."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.models import Member, MemberStatus, MessageState
from workers.pacing import Pacer
from tests.service.messaging.conftest import invite_row
from workers.queues import QUEUE_NAMES, queue, send_job_id

SAM = "+14155550101"


def member(db) -> Member:
    with db.session() as s:
        return s.scalar(select(Member))


def test_a_message_woken_twice_is_sent_once(invited, redis, worker, twilio_api, db):
    message_id = invite_row(db).id
    # A second wake-up under another job id (say, a tick that thought the first was lost).
    queue(redis, "default").enqueue("workers.jobs.send_message", message_id, job_id=send_job_id(message_id) + "-again")
    worker()
    assert len(twilio_api.sent_to(SAM)) == 1
    sent = invite_row(db)
    assert sent.state == MessageState.SENT and sent.attempts == 1
    assert sent.from_number is None and twilio_api.messages[0].from_ == "+15005550006"
    assert twilio_api.messages[0].status_callback == "https://kinship.example.org/twilio/status"


def test_a_twilio_outage_is_retried_later_by_tick(invited, kinship, worker, twilio_api, db):
    twilio_api.fail_next(status=503)
    worker()
    waiting = invite_row(db)
    # An outage never reached the member: it is not one of their attempts.
    assert waiting.state == MessageState.QUEUED and waiting.attempts == 0 and waiting.not_before is not None
    assert "released=0" in kinship("tick", "--at", "2026-11-30T15:00:30Z").stdout
    assert "released=1" in kinship("tick", "--at", "2026-11-30T15:01:00Z").stdout
    worker()
    assert invite_row(db).state == MessageState.SENT and invite_row(db).attempts == 1
    assert len(twilio_api.sent_to(SAM)) == 1


def test_a_refused_number_is_not_retried_and_the_member_is_unreachable(invited, kinship, worker, twilio_api, db):
    twilio_api.reject(SAM, code=21211)
    worker()
    failed = invite_row(db)
    assert failed.state == MessageState.FAILED and failed.error_code == 21211 and failed.attempts == 1
    assert member(db).status == MemberStatus.UNREACHABLE
    assert "released=0" in kinship("tick", "--at", "2026-11-30T17:00:00Z").stdout
    assert ",unreachable," in kinship("members", "export", "--community", "Harbour Lights").stdout


def test_21610_means_the_member_stopped_at_the_carrier(invited, worker, twilio_api, db):
    twilio_api.reject(SAM, code=21610)
    worker()
    assert member(db).status == MemberStatus.OPTED_OUT


@pytest.mark.parametrize("code", [30005, 30006, 21614])
def test_a_number_that_cannot_take_texts_makes_the_member_unreachable(invited, twilio, worker, db, code):
    worker()
    twilio.status(invite_row(db).twilio_sid, "undelivered", code)
    assert member(db).status == MemberStatus.UNREACHABLE and member(db).unreachable_code == code


def test_a_passing_failure_is_retried_a_bounded_number_of_times(invited, kinship, twilio, worker, twilio_api, db):
    times = ["2026-11-30T15:02:00Z", "2026-11-30T15:15:00Z", "2026-11-30T16:20:00Z"]
    worker()
    for attempt, moment in enumerate(times, start=1):
        row = invite_row(db)
        twilio.status(row.twilio_sid, "undelivered", 30003)
        row = invite_row(db)
        if attempt < 3:
            assert row.state == MessageState.QUEUED and member(db).status == MemberStatus.INVITED
            kinship("tick", "--at", moment)
            worker()
    assert invite_row(db).state == MessageState.UNDELIVERED and invite_row(db).attempts == 3
    # Passing failures are not unreachability: the member keeps their status, flagged.
    assert member(db).status == MemberStatus.INVITED
    assert member(db).texts_failing_since is not None
    assert len(twilio_api.sent_to(SAM)) == 3


def test_a_member_who_stops_before_the_worker_runs_gets_nothing(invited, twilio, worker, twilio_api, db):
    twilio.sms(SAM, "STOP")
    worker()
    assert twilio_api.sent_to(SAM) == []
    assert invite_row(db).state == MessageState.CANCELLED


def test_a_member_who_joins_before_the_worker_runs_is_not_asked_to_join(invited, twilio, worker, twilio_api, db):
    welcome = twilio.sms(SAM, "YES").get_data(as_text=True)
    assert "<Message>" in welcome
    worker()
    assert not any("Reply YES" in m.body for m in twilio_api.sent_to(SAM))
    assert invite_row(db).state == MessageState.CANCELLED
    assert member(db).status == MemberStatus.ACTIVE


@pytest.mark.parametrize("status", list(MemberStatus))
def test_only_an_invited_member_may_be_invited(status):
    from service.messaging.outbox import may_receive

    assert may_receive(Member(status=status), "invite") == (status == MemberStatus.INVITED)


def test_the_pacer_spaces_sends_per_sender(redis):
    pacer = Pacer(redis, per_second=2)
    waits = [pacer.reserve("+15005550006") for _ in range(4)]
    assert waits[0] == pytest.approx(0, abs=0.05)
    assert waits[3] == pytest.approx(1.5, abs=0.1)
    assert pacer.reserve("+15005550007") == pytest.approx(0, abs=0.05)


def test_workers_drain_the_urgent_queue_first():
    assert QUEUE_NAMES[0] == "urgent"


def test_if_pacing_fails_the_message_stays_queued_for_the_next_tick(invited, settings, db):
    from redis.exceptions import ConnectionError as RedisConnectionError

    from service.clock import utcnow
    from service.messaging import sending

    def broken_pace(*_):
        raise RedisConnectionError("Redis went away")

    with pytest.raises(RedisConnectionError):
        sending.send_message(db, None, invite_row(db).id, now=utcnow, pace=broken_pace, retry_limit=3,
                             heed=lambda *_: None)
    row = invite_row(db)
    assert row.state == MessageState.QUEUED and row.attempts == 0
