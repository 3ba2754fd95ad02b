"""``kinship tick``: due check-ins once and only once, stale slots skipped, dry runs harmless."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from service import tick as scheduler
from service.models import CheckIn, CheckInStatus, Member, OutboundMessage
from tests.conftest import at

SAM, ALEX = "+14155550101", "+14155550102"


def checkin_messages(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(OutboundMessage.id)).where(OutboundMessage.kind == "checkin"))


def test_ticking_twice_for_the_same_moment_asks_once(kinship, joined, worker, twilio_api, db):
    assert "checkins=2" in kinship("tick", "--at", "2026-11-30T16:00:00Z").stdout
    assert "checkins=0" in kinship("tick", "--at", "2026-11-30T16:00:00Z").stdout
    assert "checkins=0" in kinship("tick", "--at", "2026-11-30T16:01:00Z").stdout
    worker()
    assert checkin_messages(db) == 2
    with db.session() as s:
        bodies = set(s.scalars(select(OutboundMessage.body).where(OutboundMessage.kind == "checkin")))
    assert sum(m.body in bodies for m in twilio_api.messages) == 2


def two_passes_at_once(db, settings, moment: str) -> None:
    """Two scheduler passes racing in two threads, each with its own session and connection."""
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def one_pass():
        try:
            barrier.wait()
            with db.session() as session:
                scheduler.run(session, at(moment), settings)
        except BaseException as error:  # the assertion below reports it
            errors.append(error)

    threads = [threading.Thread(target=one_pass) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_two_ticks_at_once_ask_once(settings, joined, db):
    two_passes_at_once(db, settings, "2026-11-30T16:00:00Z")
    assert checkin_messages(db) == 2
    with db.session() as s:
        assert s.scalar(select(func.count(CheckIn.id))) == 2


def test_a_dry_run_lists_who_is_due_in_local_time_and_changes_nothing(kinship, joined, db):
    result = kinship("tick", "--at", "2026-11-30T16:00:00Z", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Sam Rivera" in result.stdout and "Alex Chen" in result.stdout
    assert "10:00" in result.stdout and "America/Chicago" in result.stdout
    assert checkin_messages(db) == 0
    with db.session() as s:
        assert s.scalar(select(func.count(CheckIn.id))) == 0
        assert {m.next_checkin_at for m in s.scalars(select(Member))} == {at("2026-11-30T16:00:00Z")}


def test_after_downtime_stale_slots_are_skipped_not_sent(kinship, joined, worker, twilio_api, db):
    # The clock was down from Monday 10:00 until Monday 13:00 local (over the 2 hour grace).
    result = kinship("tick", "--at", "2026-11-30T19:00:00Z")
    assert "checkins=0" in result.stdout and "skipped=2" in result.stdout
    worker()
    assert checkin_messages(db) == 0
    with db.session() as s:
        assert {c.status for c in s.scalars(select(CheckIn))} == {CheckInStatus.SKIPPED}
        # ...and the next check-in is Thursday's.
        assert {m.next_checkin_at for m in s.scalars(select(Member))} == {at("2026-12-03T16:00:00Z")}


def test_a_slot_missed_by_less_than_the_grace_is_caught_up(kinship, joined, db):
    assert "checkins=2" in kinship("tick", "--at", "2026-11-30T17:30:00Z").stdout


def test_a_lost_job_is_sent_by_a_later_tick(kinship, joined, worker, twilio_api, redis, db):
    worker()  # the invitations
    sent_before = len(twilio_api.messages)
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    redis.flushdb()  # Redis lost everything: the rows are still the truth
    worker()
    assert checkin_messages(db) == 2 and len(twilio_api.messages) == sent_before
    assert "released=0" in kinship("tick", "--at", "2026-11-30T16:02:00Z").stdout  # not yet: it may be on its way
    result = kinship("tick", "--at", "2026-11-30T16:06:00Z")
    assert "released=2" in result.stdout
    worker()
    assert len(twilio_api.messages) == sent_before + 2


def test_an_unanswered_checkin_is_missed_when_the_next_is_asked(kinship, joined, twilio, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    twilio.sms(ALEX, "4")
    kinship("tick", "--at", "2026-12-03T16:00:00Z")
    with db.session() as s:
        sam = s.scalar(select(Member).where(Member.phone == SAM))
        alex = s.scalar(select(Member).where(Member.phone == ALEX))
        assert (sam.consecutive_missed, alex.consecutive_missed) == (1, 0)
        statuses = [c.status for c in s.scalars(select(CheckIn).where(CheckIn.member_id == sam.id).order_by(CheckIn.id))]
        assert statuses == [CheckInStatus.MISSED, CheckInStatus.OPEN]


def test_twice_a_day_the_morning_check_in_is_missed_when_the_evening_one_is_asked(kinship, joined, db):
    from service.members import schedule_next

    with db.session() as s:
        sam = s.scalar(select(Member).where(Member.phone == SAM))
        sam.schedule = "FREQ=DAILY;BYHOUR=10,18;BYMINUTE=0"  # Chicago
        schedule_next(sam, at("2026-11-30T15:00:00Z"))
        s.commit()
    kinship("tick", "--at", "2026-11-30T16:00:00Z")  # 10:00
    kinship("tick", "--at", "2026-12-01T00:00:00Z")  # 18:00, the same day
    with db.session() as s:
        sam = s.scalar(select(Member).where(Member.phone == SAM))
        checkins = list(s.scalars(select(CheckIn).where(CheckIn.member_id == sam.id).order_by(CheckIn.id)))
        assert [(c.scheduled_for, c.status) for c in checkins] == [
            (at("2026-11-30T16:00:00Z"), CheckInStatus.MISSED), (at("2026-12-01T00:00:00Z"), CheckInStatus.OPEN)]
        assert sam.consecutive_missed == 1 and sam.next_checkin_at == at("2026-12-01T16:00:00Z")


def test_after_downtime_a_slot_still_inside_the_grace_is_sent(kinship, joined, db):
    # Down from before Monday 10:00 until Thursday 10:30 in Chicago: Monday is skipped, Thursday is sent.
    result = kinship("tick", "--at", "2026-12-03T16:30:00Z")
    assert "checkins=2" in result.stdout and "skipped=0" in result.stdout
    with db.session() as s:
        statuses = sorted(c.status.value for c in s.scalars(select(CheckIn)))
        assert statuses == ["open", "open", "skipped", "skipped"]


def test_two_passes_at_once_count_a_missed_checkin_once(settings, kinship, joined, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    two_passes_at_once(db, settings, "2026-12-03T16:00:00Z")
    with db.session() as s:
        assert {m.consecutive_missed for m in s.scalars(select(Member))} == {1}
        assert s.scalar(select(func.count(CheckIn.id))) == 4
