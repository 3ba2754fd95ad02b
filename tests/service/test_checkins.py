"""The set-based ``ask_due`` writes exactly what asking members one by one wrote, batch or no batch."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from service import checkins
from service.checkins import _close_open, _closes_at, _Plan, ask_due, close_missed
from service.members import next_key
from service.messaging.outbox import queue_for_member
from service.models import Base, CheckIn, CheckInStatus, Community, Member, MemberStatus, OutboundMessage
from tests.conftest import at

NOW = at("2026-11-30T16:00:00Z")
GRACE = timedelta(minutes=120)
SCHEDULES = [None, "FREQ=DAILY;BYHOUR=10;BYMINUTE=0", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9;BYMINUTE=30",
             "FREQ=DAILY;BYHOUR=22;BYMINUTE=15", "FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0"]
STATUSES = [MemberStatus.ACTIVE, MemberStatus.ACTIVE, MemberStatus.PAUSED, MemberStatus.INVITED, MemberStatus.OPTED_OUT]


# --- the one-by-one pass, as tick asked before it worked in batches: the reference --------

def _claim_one(session: Session, member: Member, seen_at: datetime, after: datetime) -> bool:
    send_at, slot = next_key(member, after)
    claimed = session.execute(
        update(Member).where(Member.id == member.id, Member.next_checkin_at == seen_at)
        .values(next_checkin_at=send_at, next_slot_at=slot)
    ).rowcount == 1
    if not claimed:
        session.refresh(member)
    return claimed


def _ask_one(session, member, now, grace, missed):
    seen_at, slot = member.next_checkin_at, member.next_slot_at
    if member.status == MemberStatus.PAUSED:
        if member.paused_until and member.paused_until > now:
            _claim_one(session, member, seen_at, member.paused_until)
            return None
        member.status = MemberStatus.ACTIVE
        member.paused_until = None
    if member.status != MemberStatus.ACTIVE:
        session.execute(update(Member).where(Member.id == member.id).values(next_checkin_at=None, next_slot_at=None))
        return None
    if now - seen_at > grace:
        if not _claim_one(session, member, seen_at, now - grace):
            return None
        session.add(CheckIn(member=member, scheduled_for=slot, status=CheckInStatus.SKIPPED, created_at=now))
        if member.next_checkin_at is not None and member.next_checkin_at <= now:
            return _ask_one(session, member, now, grace, missed)
        return (member.id, None, slot)
    if not _claim_one(session, member, seen_at, max(now, seen_at)):
        return None
    _close_open(session, [member], now, missed)
    checkin = CheckIn(member=member, scheduled_for=slot, status=CheckInStatus.OPEN, created_at=now,
                      closes_at=_closes_at(member, now))
    session.add(checkin)
    session.flush()
    queue_for_member(session, member, "checkin", "checkin", {}, now, checkin_id=checkin.id)
    return (member.id, checkin.scheduled_for, slot)


def one_by_one(session: Session, now: datetime, grace: timedelta, missed: list) -> list:
    asked = []
    for member in session.scalars(select(Member).where(Member.next_checkin_at <= now).order_by(Member.id)).all():
        outcome = _ask_one(session, member, now, grace, missed)
        if outcome is not None:
            asked.append(outcome)
    return asked


# --- a randomised community -----------------------------------------------------------------

member_shapes = st.lists(
    st.tuples(
        st.sampled_from(STATUSES),
        st.sampled_from(SCHEDULES),
        # minutes from now to the member's next check-in: due, a little late, stale, not yet due
        st.sampled_from([0, -1, -30, -119, -121, -600, -3000, 5, 60]),
        st.sampled_from([None, -60, 60, 600]),  # paused until (minutes from now)
        st.booleans(),  # an open check-in from before
        st.sampled_from([None, "22:00-07:00", "09:30-11:00"]),  # their own quiet hours
    ),
    min_size=1, max_size=12,
)


def populate(db, shapes, missed_after_hours) -> None:
    with db.session() as s:
        for table in reversed(Base.metadata.sorted_tables):
            s.execute(table.delete())
        community = Community(name="Harbour Lights", timezone="America/Chicago", created_at=NOW,
                              missed_after_hours=missed_after_hours)
        s.add(community)
        s.flush()
        for i, (status, schedule, due_in, paused_for, has_open, quiet) in enumerate(shapes):
            due = NOW + timedelta(minutes=due_in)
            member_id = s.execute(insert(Member).returning(Member.id), [{
                "community_id": community.id, "name": f"Member {i}", "phone": f"+1415555{i:04d}",
                "language": "en", "status": status, "schedule": schedule, "quiet_hours": quiet,
                "next_checkin_at": due, "next_slot_at": due - timedelta(minutes=i % 3),
                "paused_until": None if paused_for is None else NOW + timedelta(minutes=paused_for),
                "consecutive_missed": i % 2, "buddy_opt_in": True, "share_with_buddy": False, "created_at": NOW,
            }]).scalar_one()
            if has_open:
                s.add(CheckIn(member_id=member_id, scheduled_for=due - timedelta(days=3), status=CheckInStatus.OPEN,
                              created_at=NOW, closes_at=NOW + timedelta(days=1)))


def snapshot(session: Session) -> dict:
    session.flush()
    session.expire_all()
    checkin_slots = {c.id: (c.member_id, c.scheduled_for) for c in session.scalars(select(CheckIn))}
    return {
        "members": sorted((m.id, m.status, m.next_checkin_at, m.next_slot_at, m.paused_until, m.consecutive_missed)
                          for m in session.scalars(select(Member))),
        "checkins": sorted((c.member_id, c.scheduled_for, c.status, c.closes_at) for c in session.scalars(select(CheckIn))),
        "texts": sorted((t.member_id, t.kind, t.state, checkin_slots.get(t.checkin_id), t.not_before, t.enqueued_at)
                        for t in session.scalars(select(OutboundMessage))),
    }


def run_pass(db, how) -> tuple[dict, list, list]:
    session = db.sessions()
    try:
        missed = close_missed(session, NOW)
        asked = [a if isinstance(a, tuple) else (a.member.id, a.checkin.scheduled_for if a.checkin else None, a.slot)
                 for a in how(session, NOW, GRACE, missed)]
        return snapshot(session), asked, sorted(c.id for c in missed)
    finally:
        session.rollback()
        session.close()


@hypothesis_settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(shapes=member_shapes, batch=st.sampled_from([1, 3, 500]), missed_after_hours=st.sampled_from([None, 12]))
def test_the_set_based_pass_writes_what_one_by_one_wrote(db, monkeypatch, shapes, batch, missed_after_hours):
    monkeypatch.setattr(checkins, "BATCH", batch)
    populate(db, shapes, missed_after_hours)
    expected, asked_before, missed_before = run_pass(db, one_by_one)
    got, asked_now, missed_now = run_pass(db, ask_due)
    assert got == expected
    assert missed_now == missed_before
    assert asked_now == asked_before


def test_a_member_another_pass_moved_first_is_left_alone_and_the_rest_are_claimed(db):
    populate(db, [(MemberStatus.ACTIVE, None, 0, None, False, None)] * 3, None)
    session = db.sessions()
    try:
        members = session.scalars(select(Member).order_by(Member.id)).all()
        plans = [checkins._plan(m, NOW, GRACE) for m in members]
        # Another pass moved the second member's key after this one read it.
        moved = NOW + timedelta(days=2)
        session.execute(update(Member.__table__).where(Member.__table__.c.id == members[1].id)
                        .values(next_checkin_at=moved))
        claimed = checkins._claim(session, plans)
        assert [p.member.id for p in claimed] == [members[0].id, members[2].id]
        assert members[1].next_checkin_at == moved
        assert all(p.member.next_checkin_at == p.send_at > NOW for p in claimed)
    finally:
        session.rollback()
        session.close()


def test_a_pass_committed_in_batches_asks_everyone_once(db, monkeypatch):
    monkeypatch.setattr(checkins, "BATCH", 2)
    populate(db, [(MemberStatus.ACTIVE, None, 0, None, False, None)] * 5, None)
    commits = []
    with db.session() as session:
        from service import tick
        from service.settings import Settings

        session.commit = (lambda original: lambda: (commits.append(1), original())[1])(session.commit)
        report = tick.run(session, NOW, Settings(), commit_batches=True)
    # Three batches of at most two, each committed; the fourth commit is the caller's own.
    assert sum(1 for a in report.asked if a.checkin) == 5 and len(commits) == 4
    with db.session() as s:
        assert len(s.scalars(select(CheckIn)).all()) == 5 and len(s.scalars(select(OutboundMessage)).all()) == 5
