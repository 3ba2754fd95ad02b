"""Batch sends: every row of a batch goes exactly once, whatever else happens to the batch or its rows."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from service import clock
from service.clock import utcnow
from service.db import Wakeup
from service.members import heed_carrier
from service.messaging import sending
from service.messaging.outbox import queue_message
from service.models import Community, Lane, Member, MemberStatus, MessageState, OutboundMessage
from workers import context as worker_context
from tests.conftest import at
from workers.queues import enqueue_sends, queue

PHONES = [f"+1415555{i:04d}" for i in range(12)]
# Unpaced rows are claimed together in one statement; paced ones one by one after their slot.
PACING = pytest.mark.parametrize("rate", [0, 1000], ids=["unpaced", "paced"])


def fan_out(db, phones=PHONES, lane=Lane.DEFAULT) -> list[int]:
    """Active members, and a check-in text queued for each; returns the message ids."""
    with db.session() as s:
        community = s.scalar(select(Community)) or Community(name="Harbour Lights", timezone="America/Chicago")
        s.add(community)
        s.flush()
        messages = []
        for i, phone in enumerate(phones):
            member = s.scalar(select(Member).where(Member.phone == phone)) or Member(
                community=community, name=f"Member {i}", phone=phone, status=MemberStatus.ACTIVE)
            s.add(member)
            s.flush()
            messages.append(queue_message(s, community=community, to_phone=phone, kind="checkin", template="checkin",
                                          context={"name": "Sam"}, now=utcnow(), member=member, lane=lane))
        s.flush()
        return [m.id for m in messages]


def rows(db) -> dict[str, OutboundMessage]:
    with db.session() as s:
        return {m.to_phone: m for m in s.scalars(select(OutboundMessage))}


def send(ctx, ids):
    return sending.send_batch(ctx.db, ctx.gateway, ids, pool=ctx.pool, now=utcnow, pace=ctx.pacer,
                              retry_limit=3, heed=heed_carrier)


@PACING
def test_two_workers_with_the_same_batch_send_each_row_once(settings, db, twilio_api, rate):
    ids = fan_out(db)
    ctx = worker_context.configure(settings.with_(send_rate_per_second=rate))
    barrier = threading.Barrier(2)
    outcomes: list[dict] = []

    def worker():
        barrier.wait()
        outcomes.append(send(ctx, ids))

    try:
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        worker_context.reset()
    assert all(len(twilio_api.sent_to(phone)) == 1 for phone in PHONES)
    assert all(m.state == MessageState.SENT and m.attempts == 1 for m in rows(db).values())
    # Between them, each row was sent by exactly one of the two.
    assert sorted(o[i] for o in outcomes for i in ids).count("sent") == len(ids)


@PACING
def test_a_row_cancelled_or_stopped_meanwhile_is_not_sent_and_the_rest_are(settings, db, twilio_api, rate):
    ids = fan_out(db)
    cancelled, stopped = PHONES[3], PHONES[7]
    with db.session() as s:
        s.execute(update(OutboundMessage).where(OutboundMessage.to_phone == cancelled)
                  .values(state=MessageState.CANCELLED))
        s.execute(update(Member).where(Member.phone == stopped).values(status=MemberStatus.OPTED_OUT))
    ctx = worker_context.configure(settings.with_(send_rate_per_second=rate))
    try:
        outcomes = send(ctx, ids)
    finally:
        worker_context.reset()
    after = rows(db)
    assert twilio_api.sent_to(cancelled) == [] and twilio_api.sent_to(stopped) == []
    assert after[cancelled].state == after[stopped].state == MessageState.CANCELLED
    others = [p for p in PHONES if p not in (cancelled, stopped)]
    assert all(len(twilio_api.sent_to(p)) == 1 and after[p].state == MessageState.SENT for p in others)
    assert list(outcomes.values()).count("sent") == len(others)


@PACING
def test_when_the_api_refuses_one_row_the_others_are_sent_once(settings, db, twilio_api, rate):
    ids = fan_out(db)
    refused = PHONES[5]
    twilio_api.reject(refused, code=21211)
    ctx = worker_context.configure(settings.with_(send_rate_per_second=rate))
    try:
        send(ctx, ids)
    finally:
        worker_context.reset()
    after = rows(db)
    assert after[refused].state == MessageState.FAILED and after[refused].error_code == 21211
    assert all(len(twilio_api.sent_to(p)) == 1 and after[p].state == MessageState.SENT
               for p in PHONES if p != refused)


def test_a_fan_out_goes_in_batch_jobs_and_urgent_texts_one_job_each(db, redis):
    ids = fan_out(db)
    urgent = fan_out(db, ["+14155559001", "+14155559002"], lane=Lane.URGENT)
    waking = [Wakeup(i, Lane.DEFAULT) for i in ids] + [Wakeup(i, Lane.URGENT) for i in urgent]
    assert enqueue_sends(redis, waking) == len(ids) + len(urgent)
    assert [job.args for job in queue(redis, "urgent").jobs] == [(urgent[0],), (urgent[1],)]
    assert [job.args for job in queue(redis, "default").jobs] == [(ids,)]
    # Woken again while those jobs wait (a tick that thought them lost): nothing more is queued.
    assert enqueue_sends(redis, waking) == 0


def test_an_urgent_text_overtakes_a_fan_out_already_running(settings, db, redis, worker, twilio_api, monkeypatch):
    monkeypatch.setattr(sending, "BATCH_SIZE", 4)
    monkeypatch.setattr("workers.queues.BATCH_SIZE", 4)
    ids = fan_out(db)  # three batches of four
    enqueue_sends(redis, [Wakeup(i, Lane.DEFAULT) for i in ids])
    alert_id = fan_out(db, ["+14155559001"], lane=Lane.URGENT)[0]
    gateway = worker_context.current().gateway
    real_send = gateway.send

    raised = threading.Lock()  # taken once, never given back

    def send_and_raise_the_alarm(**text):
        # While the first batch is being sent, a member's reply raises an alert -- once, though
        # the batch's sends run on several threads at a time.
        if raised.acquire(blocking=False):
            enqueue_sends(redis, [Wakeup(alert_id, Lane.URGENT)])
        return real_send(**text)

    monkeypatch.setattr(gateway, "send", send_and_raise_the_alarm)
    worker()
    order = [m.to for m in twilio_api.messages]
    first_batch, later = set(PHONES[:4]), set(PHONES[4:])
    alert_at = order.index("+14155559001")
    # The alert waits only for the batch that was running, never for the fan-out's rest.
    assert set(order[:alert_at]) == first_batch and set(order[alert_at + 1:]) == later


def test_a_community_carries_its_senders_rate_and_refuses_a_negative_one(kinship, db):
    kinship("community", "add", "Short Code Network", "--send-rate", "100")
    with db.session() as s:
        assert s.scalar(select(Community.send_rate_per_second)) == 100
    refused = kinship("community", "add", "Odd", "--send-rate", "-1")
    assert refused.exit_code == 1 and "from 0" in refused.output


def test_a_paced_check_in_whose_turn_comes_in_the_members_quiet_hours_waits_for_the_morning(settings, db,
                                                                                             twilio_api):
    # 21:59:58 in Chicago; quiet hours from 22:00. Each sender's slot takes a second.
    clock.freeze(at("2026-12-02T03:59:58Z"))
    ids = fan_out(db)
    with db.session() as s:
        s.execute(update(Community).values(quiet_hours="22:00-08:00"))
    lock = threading.Lock()

    def slow_pace(sender, rate):
        with lock:
            clock.freeze(clock.utcnow() + timedelta(seconds=1))

    ctx = worker_context.configure(settings)
    try:
        sending.send_batch(ctx.db, ctx.gateway, ids, pool=ctx.pool, now=utcnow, pace=slow_pace, retry_limit=3,
                           heed=heed_carrier)
    finally:
        worker_context.reset()
    ten_pm, morning = at("2026-12-02T04:00:00Z"), at("2026-12-02T14:00:00Z")
    after = rows(db)
    sent = [p for p in PHONES if after[p].state == MessageState.SENT]
    held = [p for p in PHONES if after[p].state == MessageState.QUEUED]
    assert sorted(sent + held) == sorted(PHONES) and len(held) >= len(PHONES) - 2
    assert all(after[p].claimed_at < ten_pm for p in sent)
    assert all(after[p].not_before == morning and twilio_api.sent_to(p) == [] for p in held)
