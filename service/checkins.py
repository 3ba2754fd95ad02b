"""The check-in lifecycle: asking members who are due, and closing what they answer or miss.

``ask_due`` is the heart of ``tick``. It costs in proportion to who is due (an index range on
``members.next_checkin_at``), and it is safe to run twice for the same moment or twice at
once: a member's sweep key is moved with a compare-and-set, and the check-in's slot is unique.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from service.members import next_key
from service.messaging.outbox import queue_for_member
from service.models import CheckIn, CheckInStatus, Member, MemberStatus, MessageState, OutboundMessage

BATCH = 500


@dataclass(frozen=True)
class Asked:
    member: Member
    checkin: CheckIn | None  # None when the slot was too stale and skipped
    slot: datetime


def _claim(session: Session, member: Member, seen_at: datetime, after: datetime) -> bool:
    """Move the member's sweep key past this slot, unless another tick already has.

    A compare-and-set on the key itself: of two ticks racing for one member, exactly one
    update matches, on SQLite (writes are serialised) as on PostgreSQL (the row is locked).
    """
    send_at, slot = next_key(member, after)
    claimed = session.execute(
        update(Member)
        .where(Member.id == member.id, Member.next_checkin_at == seen_at)
        .values(next_checkin_at=send_at, next_slot_at=slot)
    ).rowcount == 1
    if not claimed:
        session.refresh(member)
    return claimed


def _close_open(session: Session, member: Member, closed_at: datetime, missed: list[CheckIn]) -> None:
    """A check-in still open when the next one is asked is missed."""
    for checkin in session.scalars(
        select(CheckIn).where(CheckIn.member_id == member.id, CheckIn.status == CheckInStatus.OPEN)
    ):
        mark_missed(checkin, closed_at)
        missed.append(checkin)


def mark_missed(checkin: CheckIn, _now: datetime) -> None:
    checkin.status = CheckInStatus.MISSED
    checkin.closes_at = None
    member = checkin.member
    if member.status == MemberStatus.ACTIVE:
        member.consecutive_missed += 1


def ask_due(session: Session, now: datetime, grace: timedelta, missed: list[CheckIn]) -> list[Asked]:
    """Write a check-in and its message for every member due at ``now``; skip slots older than ``grace``.

    Open check-ins closed on the way (the member never answered) are added to ``missed``.
    """
    asked: list[Asked] = []
    last_id = 0
    while True:
        due = session.scalars(
            select(Member)
            .where(Member.next_checkin_at <= now, Member.id > last_id)
            .order_by(Member.id)
            .limit(BATCH)
        ).all()
        if not due:
            return asked
        for member in due:
            last_id = member.id
            outcome = _ask_one(session, member, now, grace, missed)
            if outcome is not None:
                asked.append(outcome)


def _ask_one(session: Session, member: Member, now: datetime, grace: timedelta, missed: list[CheckIn]) -> Asked | None:
    seen_at, slot = member.next_checkin_at, member.next_slot_at
    if member.status == MemberStatus.PAUSED:
        if member.paused_until and member.paused_until > now:
            _claim(session, member, seen_at, member.paused_until)
            return None
        member.status = MemberStatus.ACTIVE
        member.paused_until = None
    if member.status != MemberStatus.ACTIVE:
        session.execute(update(Member).where(Member.id == member.id).values(next_checkin_at=None, next_slot_at=None))
        return None
    if now - seen_at > grace:
        # After downtime nobody gets a burst of stale check-ins: the slot is recorded, not
        # sent, and the member moves on to their first slot inside the grace period.
        if not _claim(session, member, seen_at, now - grace):
            return None
        session.add(CheckIn(member=member, scheduled_for=slot, status=CheckInStatus.SKIPPED, created_at=now))
        if member.next_checkin_at is not None and member.next_checkin_at <= now:
            return _ask_one(session, member, now, grace, missed)
        return Asked(member, None, slot)
    if not _claim(session, member, seen_at, max(now, seen_at)):
        return None
    _close_open(session, member, now, missed)
    checkin = CheckIn(member=member, scheduled_for=slot, status=CheckInStatus.OPEN, created_at=now,
                      closes_at=_closes_at(member, now))
    session.add(checkin)
    session.flush()
    queue_for_member(session, member, "checkin", "checkin", {}, now, checkin_id=checkin.id)
    return Asked(member, checkin, slot)


def _closes_at(member: Member, now: datetime) -> datetime | None:
    """When an unanswered check-in counts as missed: the community's window, else the next check-in."""
    hours = member.community.missed_after_hours
    if hours:
        return now + timedelta(hours=hours)
    return member.next_checkin_at


def close_missed(session: Session, now: datetime) -> list[CheckIn]:
    """Open check-ins whose window has closed become missed; the member's silence count grows.

    A check-in whose text an outage kept from leaving (Twilio refused it every time) was never
    asked: it is skipped, with its text, and counts against nobody.
    """
    closing = session.scalars(
        select(CheckIn).where(CheckIn.status == CheckInStatus.OPEN, CheckIn.closes_at <= now).order_by(CheckIn.id)
    ).all()
    never_sent = _never_sent(session, [c.id for c in closing])
    missed = []
    for checkin in closing:
        if checkin.id in never_sent:
            checkin.status = CheckInStatus.SKIPPED
            checkin.closes_at = None
            continue
        mark_missed(checkin, now)
        missed.append(checkin)
    if never_sent:
        session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.checkin_id.in_(never_sent), OutboundMessage.state == MessageState.QUEUED)
            .values(state=MessageState.SKIPPED, status_at=now)
        )
    return missed


def _never_sent(session: Session, checkin_ids: list[int]) -> set[int]:
    if not checkin_ids:
        return set()
    return set(session.scalars(
        select(OutboundMessage.checkin_id)
        .where(OutboundMessage.checkin_id.in_(checkin_ids), OutboundMessage.kind == "checkin",
               or_(OutboundMessage.state == MessageState.SKIPPED,
                   # Still waiting out an outage: Twilio refused it every time so far.
                   and_(OutboundMessage.state == MessageState.QUEUED, OutboundMessage.attempts == 0,
                        OutboundMessage.error_code.is_not(None))))
    ))


def open_checkin(session: Session, member: Member) -> CheckIn | None:
    return session.scalar(
        select(CheckIn)
        .where(CheckIn.member_id == member.id, CheckIn.status == CheckInStatus.OPEN)
        .order_by(CheckIn.scheduled_for.desc())
        .limit(1)
    )


def answer(checkin: CheckIn, score: int | None, reading: dict, now: datetime) -> None:
    member = checkin.member
    checkin.status = CheckInStatus.ANSWERED
    checkin.answered_at = now
    checkin.closes_at = None
    checkin.score = score
    checkin.reading = reading
    member.consecutive_missed = 0
    member.last_checkin_at = now
    if score is not None:
        member.last_score = score
