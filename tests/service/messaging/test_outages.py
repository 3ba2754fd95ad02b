"""An outage is never the member's fault: 5xx, 429 and lost connections are waited out, and a
text they outlast is skipped, not blamed on anyone. Passing carrier failures are not
unreachability either."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.conftest import at
from service.messaging.delivery import DEFAULT_TOO_OLD, URGENT_TOO_OLD, too_old_after
from service import clock
from service.models import CheckIn, CheckInStatus, Lane, Member, MemberStatus, MessageState, OutboundMessage

SAM, ALEX = "+14155550101", "+14155550102"


def step(kinship, worker, moment: str) -> None:
    """The clock moves to ``moment`` for everyone (tick and worker), a pass runs, the worker drains."""
    clock.freeze(at(moment))
    kinship("tick")
    worker()


def rows(db, kind: str) -> list[OutboundMessage]:
    with db.session() as s:
        return list(s.scalars(select(OutboundMessage).where(OutboundMessage.kind == kind).order_by(OutboundMessage.id)))


def members(db) -> list[Member]:
    with db.session() as s:
        return list(s.scalars(select(Member).order_by(Member.id)))


@pytest.mark.parametrize("status", [503, 429, 500])
def test_an_outage_longer_than_the_grace_skips_the_checkin_and_blames_nobody(joined, kinship, worker, twilio_api, db,
                                                                             status):
    twilio_api.fail_next(status=status, times=10_000)
    for moment in ("16:00", "16:01", "16:03", "16:10", "16:30", "17:00", "17:30", "18:00", "18:30", "19:00"):
        step(kinship, worker, f"2026-11-30T{moment}:00Z")
    assert [m.state for m in rows(db, "checkin")] == [MessageState.SKIPPED] * 2
    assert all(m.status == MemberStatus.ACTIVE and m.consecutive_missed == 0 and m.texts_failing_since is None
               for m in members(db))
    with db.session() as s:
        assert set(s.scalars(select(CheckIn.status))) == {CheckInStatus.SKIPPED}
    # Twilio is back: Thursday's check-in goes to both, once each.
    twilio_api.clear()
    step(kinship, worker, "2026-12-03T16:00:00Z")
    assert sorted(m.to for m in twilio_api.messages) == sorted([SAM, ALEX])


def test_an_outage_shorter_than_the_grace_only_delays_the_checkin(joined, kinship, worker, twilio_api, db):
    twilio_api.fail_next(status=503, times=4)  # two failed rounds for the two members
    for moment in ("16:00", "16:01", "16:02", "16:03", "16:05"):
        step(kinship, worker, f"2026-11-30T{moment}:00Z")
    assert [m.state for m in rows(db, "checkin")] == [MessageState.SENT] * 2
    assert all(m.attempts == 1 for m in rows(db, "checkin"))
    assert sorted(m.to for m in twilio_api.messages) == sorted([SAM, ALEX])


def test_how_long_a_text_may_wait_out_an_outage():
    grace = timedelta(minutes=90)
    assert too_old_after(OutboundMessage(kind="checkin", lane=Lane.DEFAULT), grace) == grace
    assert too_old_after(OutboundMessage(kind="broadcast", lane=Lane.DEFAULT), grace) == DEFAULT_TOO_OLD
    assert too_old_after(OutboundMessage(kind="buddy_alert", lane=Lane.URGENT), grace) == URGENT_TOO_OLD
    assert URGENT_TOO_OLD > DEFAULT_TOO_OLD >= timedelta(days=1)


def test_exhausted_passing_failures_fail_the_text_and_clear_on_the_next_delivery(joined, kinship, twilio, worker, db):
    step(kinship, worker, "2026-11-30T16:00:00Z")
    for moment in ("2026-11-30T16:02:00Z", "2026-11-30T16:15:00Z", None):
        sam = next(m for m in rows(db, "checkin") if m.to_phone == SAM)
        twilio.status(sam.twilio_sid, "undelivered", 30003)
        if moment:
            step(kinship, worker, moment)
    sam_row = next(m for m in rows(db, "checkin") if m.to_phone == SAM)
    assert sam_row.state == MessageState.UNDELIVERED and sam_row.attempts == 3
    sam = next(m for m in members(db) if m.phone == SAM)
    assert sam.status == MemberStatus.ACTIVE and sam.texts_failing_since is not None
    # Thursday's check-in is delivered: the flag clears.
    step(kinship, worker, "2026-12-03T16:00:00Z")
    newest = [m for m in rows(db, "checkin") if m.to_phone == SAM][-1]
    twilio.status(newest.twilio_sid, "delivered")
    assert next(m for m in members(db) if m.phone == SAM).texts_failing_since is None


def test_a_permanent_code_still_makes_the_member_unreachable(joined, kinship, twilio, worker, db):
    step(kinship, worker, "2026-11-30T16:00:00Z")
    sam = next(m for m in rows(db, "checkin") if m.to_phone == SAM)
    twilio.status(sam.twilio_sid, "undelivered", 30006)
    assert next(m for m in members(db) if m.phone == SAM).status == MemberStatus.UNREACHABLE
