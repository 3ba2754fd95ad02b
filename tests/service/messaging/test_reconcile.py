"""Texts in limbo: a claim is stamped, a row left in ``sending`` is looked up at Twilio by the
clock, settled if found, sent once if Twilio never had it, and otherwise shown to a person."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from service import clock
from service.members import heed_carrier
from service.messaging import sending
from service.messaging.reconcile import SAFE_WINDOW
from service.messaging.twilio_gateway import TwilioGateway
from service.models import MessageState, OutboundMessage
from tests.conftest import at
from tests.service.messaging.conftest import invite_row
from workers.queues import enqueue_tick

SAM = "+14155550101"


class Killed(Exception):
    """Stands for kill -9 of the worker at that point."""


class DiesAfterTwilioAccepts(TwilioGateway):
    def send(self, **kwargs):
        super().send(**kwargs)
        raise Killed


class DiesBeforeTheRequest(TwilioGateway):
    def send(self, **kwargs):
        raise Killed


def send_with(gateway_class, settings, db) -> None:
    with pytest.raises(Killed):
        sending.send_message(db, gateway_class(settings), invite_row(db).id, now=clock.utcnow, pace=lambda *_: None,
                             retry_limit=3, heed=heed_carrier)


def tick_at(moment, redis, worker) -> None:
    clock.freeze(moment)
    enqueue_tick(redis)
    worker()


def test_a_claim_records_when_it_happened(invited, settings, db, now):
    send_with(DiesAfterTwilioAccepts, settings, db)
    row = invite_row(db)
    assert row.state == MessageState.SENDING and row.claimed_at == now and row.twilio_sid is None


def test_a_text_twilio_accepted_is_found_and_recorded_never_sent_again(invited, settings, db, redis, worker,
                                                                       twilio_api, now):
    send_with(DiesAfterTwilioAccepts, settings, db)
    assert len(twilio_api.sent_to(SAM)) == 1
    tick_at(now + timedelta(minutes=3), redis, worker)
    row = invite_row(db)
    assert row.state == MessageState.SENT and row.twilio_sid == twilio_api.messages[0].sid
    tick_at(now + SAFE_WINDOW + timedelta(minutes=5), redis, worker)
    assert len(twilio_api.sent_to(SAM)) == 1


def test_a_text_twilio_never_had_waits_out_the_window_then_goes_once(invited, settings, db, redis, worker,
                                                                      twilio_api, now, kinship):
    send_with(DiesBeforeTheRequest, settings, db)
    tick_at(now + timedelta(minutes=3), redis, worker)
    assert invite_row(db).state == MessageState.SENDING
    # Past ten minutes and still unknown: listed for a person.
    clock.freeze(now + timedelta(minutes=11))
    listed = kinship("messages", "--stuck").stdout.splitlines()
    assert len(listed) == 1 and listed[0].startswith(f"message {invite_row(db).id} invite") and "may or may not" in listed[0]
    tick_at(now + SAFE_WINDOW, redis, worker)
    tick_at(now + SAFE_WINDOW + timedelta(minutes=1), redis, worker)
    assert invite_row(db).state == MessageState.SENT and invite_row(db).attempts == 1
    assert len(twilio_api.sent_to(SAM)) == 1
    assert kinship("messages", "--stuck").stdout == ""


def test_twilio_unreachable_leaves_the_row_for_the_next_pass(invited, settings, db, redis, worker, twilio_api, now):
    send_with(DiesBeforeTheRequest, settings, db)
    broken = dataclasses.replace(settings, twilio_api_base_url="http://127.0.0.1:9")
    from workers import context

    context.configure(broken)
    clock.freeze(now + SAFE_WINDOW + timedelta(minutes=1))
    enqueue_tick(redis)
    from rq import SimpleWorker

    from workers.queues import QUEUE_NAMES
    SimpleWorker(list(QUEUE_NAMES), connection=redis).work(burst=True, with_scheduler=False)
    assert invite_row(db).state == MessageState.SENDING
    context.reset()


def test_messages_needs_to_be_told_what_to_list(kinship):
    result = kinship("messages")
    assert result.exit_code == 1 and "--stuck" in result.output


def test_a_late_answer_never_overwrites_a_settled_row(invited, settings, db, now):
    from service.messaging.twilio_gateway import SendResult

    send_with(DiesBeforeTheRequest, settings, db)
    with db.session() as s:
        message = s.get(OutboundMessage, invite_row(db).id)
        message.state = MessageState.QUEUED  # reconciled meanwhile
    with db.session() as s:
        message = s.get(OutboundMessage, invite_row(db).id)
        assert sending.settle(s, message, SendResult(sid="SM" + "1" * 32), now, retry_limit=3,
                              checkin_grace=timedelta(hours=2), heed=heed_carrier) == "settled-elsewhere"
    assert invite_row(db).state == MessageState.QUEUED and invite_row(db).twilio_sid is None


def test_no_answer_from_twilio_leaves_the_text_for_reconciliation_not_failed(invited, settings, db, now):
    from service.messaging.twilio_gateway import SendResult

    class NoAnswer(TwilioGateway):
        def send(self, **kwargs):
            return SendResult(error="no answer from Twilio, may have been sent", unknown=True)

    outcome = sending.send_message(db, NoAnswer(settings), invite_row(db).id, now=clock.utcnow,
                                   pace=lambda *_: None, retry_limit=3, heed=heed_carrier)
    assert outcome == "unknown"
    row = invite_row(db)
    assert row.state == MessageState.SENDING and row.claimed_at == now
