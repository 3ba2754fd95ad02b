"""The check-in lifecycle: asking members who are due, and closing what they answer or miss.

``ask_due`` is the heart of ``tick``. It costs in proportion to who is due (an index range on
``members.next_checkin_at``), and it is safe to run twice for the same moment or twice at
once: a member's sweep key is moved with a compare-and-set, and the check-in's slot is unique.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, bindparam, func, or_, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from service.db import assign_ids
from service.schedules import QuietHours, next_slot
from service.messaging.outbox import queue_for_member
from service.models import CheckIn, CheckInStatus, Member, MemberStatus, MessageState, OutboundMessage

# Members asked per transaction: the first texts leave once the first batch commits.
BATCH = 500


@dataclass(frozen=True)
class Asked:
    member: Member
    checkin: CheckIn | None  # None when the slot was too stale and skipped
    slot: datetime


@dataclass
class _Plan:
    """What one due member's turn will write, worked out in Python before any statement."""

    member: Member
    seen_at: datetime
    send_at: datetime | None = None  # the sweep key after this pass (None: no more check-ins)
    slot_at: datetime | None = None
    skipped_slot: datetime | None = None  # a stale slot, recorded as skipped
    asked_slot: datetime | None = None  # the slot asked now: a check-in and its text
    reported: bool = True  # whether the pass's report lists it


def _next_key(member: Member, after: datetime) -> tuple[datetime | None, datetime | None]:
    """``service.members.next_key``, from a cache: the members due in one pass mostly share a
    schedule, a zone and quiet hours, and expanding the same rule from the same moment
    thousands of times was a third of a large pass."""
    return _next_send_and_slot(member.effective_schedule, member.zone, member.effective_quiet_hours, after)


@lru_cache(maxsize=4096)
def _next_send_and_slot(rule: str, zone: str, quiet: str, after: datetime) -> tuple[datetime | None, datetime | None]:
    slot = next_slot(rule, zone, QuietHours.parse(quiet), after)
    return (slot.send_at, slot.scheduled_for) if slot else (None, None)


def _plan(member: Member, now: datetime, grace: timedelta) -> _Plan:
    """One member's turn: paused, no longer active, stale, or due. Nothing is written here."""
    seen_at, slot = member.next_checkin_at, member.next_slot_at
    plan = _Plan(member, seen_at)
    if member.status == MemberStatus.PAUSED:
        if member.paused_until and member.paused_until > now:
            plan.send_at, plan.slot_at = _next_key(member, member.paused_until)
            plan.reported = False
            return plan
        member.status = MemberStatus.ACTIVE
        member.paused_until = None
    if member.status != MemberStatus.ACTIVE:
        plan.reported = False
        return plan
    if now - seen_at > grace:
        # After downtime nobody gets a burst of stale check-ins: the slot is recorded, not
        # sent, and the member moves on to their first slot inside the grace period.
        plan.skipped_slot = slot
        seen_at, slot = _next_key(member, now - grace)
        if seen_at is None or seen_at > now:
            plan.send_at, plan.slot_at = seen_at, slot
            return plan
    plan.asked_slot = slot
    plan.send_at, plan.slot_at = _next_key(member, max(now, seen_at))
    return plan


_members = Member.__table__
# One member's compare-and-set on its sweep key; with RETURNING, it says whether it matched.
_CLAIM_ONE = (
    update(_members)
    .where(_members.c.id == bindparam("b_id"), _members.c.next_checkin_at == bindparam("b_seen"))
    .values(next_checkin_at=bindparam("b_send"), next_slot_at=bindparam("b_slot"))
)
# The same compare-and-set for a whole batch on PostgreSQL: its values sent as four arrays and
# unnested into rows, one statement and one plan, returning the members it moved.
_CLAIM_MANY = text(
    "UPDATE members SET next_checkin_at = claims.send_at, next_slot_at = claims.slot_at"
    " FROM unnest(CAST(:ids AS integer[]), CAST(:seen AS timestamptz[]), CAST(:send_at AS timestamptz[]),"
    " CAST(:slot_at AS timestamptz[])) AS claims (id, seen, send_at, slot_at)"
    " WHERE members.id = claims.id AND members.next_checkin_at = claims.seen"
    " RETURNING members.id"
)


def _claim(session: Session, plans: list[_Plan]) -> list[_Plan]:
    """Move each member's sweep key past this pass, unless another pass already has.

    A compare-and-set per member on the key itself: of two passes racing for one member
    exactly one update matches, on SQLite (writes are serialised) as on PostgreSQL (the row
    is locked, and the loser's condition is checked again against the winner's row). On
    PostgreSQL the batch is one ``UPDATE ... FROM unnest(...) RETURNING``: one round trip
    that names the members this pass now holds. SQLite runs in this process, where a
    statement per member costs no round trip. Members another pass moved first are left
    alone, whatever became of the rest of the batch.
    """
    if not plans:
        return []
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        moved = set(connection.scalars(_CLAIM_MANY, {
            "ids": [p.member.id for p in plans], "seen": [p.seen_at for p in plans],
            "send_at": [p.send_at for p in plans], "slot_at": [p.slot_at for p in plans],
        }))
    else:
        moved = {p.member.id for p in plans
                 if connection.execute(_CLAIM_ONE, {"b_id": p.member.id, "b_seen": p.seen_at, "b_send": p.send_at,
                                                    "b_slot": p.slot_at}).rowcount == 1}
    claimed = []
    for plan in plans:
        if plan.member.id in moved:
            # The statement bypassed the ORM: tell the loaded member what the row now holds.
            set_committed_value(plan.member, "next_checkin_at", plan.send_at)
            set_committed_value(plan.member, "next_slot_at", plan.slot_at)
            claimed.append(plan)
        else:
            session.refresh(plan.member)
    return claimed


def _close_open(session: Session, members: list[Member], closed_at: datetime, missed: list[CheckIn]) -> None:
    """A check-in still open when the next one is asked is missed."""
    if not members:
        return
    for checkin in session.scalars(
        select(CheckIn)
        .where(CheckIn.member_id.in_([m.id for m in members]), CheckIn.status == CheckInStatus.OPEN)
        .order_by(CheckIn.member_id, CheckIn.id)
    ):
        mark_missed(checkin, closed_at)
        missed.append(checkin)


def mark_missed(checkin: CheckIn, _now: datetime) -> None:
    checkin.status = CheckInStatus.MISSED
    checkin.closes_at = None
    member = checkin.member
    if member.status == MemberStatus.ACTIVE:
        member.consecutive_missed += 1


def due_members(session: Session, now: datetime, after_id: int, limit: int) -> list[Member]:
    """The next ``limit`` members due at ``now``, by id, read through the due-time index."""
    # ``id + 0``: SQLite would rather walk the primary key in id order than read the index
    # range and sort what it finds, and at a million members that walk reads the whole table.
    # Hiding the id from the planner leaves it the due-time index alone.
    by_id = Member.id + 0
    return list(session.scalars(
        select(Member).where(Member.next_checkin_at <= now, by_id > after_id).order_by(by_id).limit(limit)
    ).all())


def ask_due(session: Session, now: datetime, grace: timedelta, missed: list[CheckIn],
            commit: Callable[[], None] | None = None) -> list[Asked]:
    """Write a check-in and its message for every member due at ``now``; skip slots older than ``grace``.

    Set-based: per batch of members, one query finds them, one batch of compare-and-sets
    claims them, one query closes their open check-ins, and the new rows go in bulk at the
    flush. With ``commit``, each batch is committed (and its texts wake the workers) before
    the next is read. Open check-ins closed on the way are added to ``missed``.
    """
    with _collector_paused():
        return _ask_batches(session, now, grace, missed, commit)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector walks every live object, and a pass keeps tens of thousands of
    rows loaded: left running, it walks them dozens of times (at 10,000 due, most of the
    pass). Paused, the pass makes no garbage it needs; what it leaves is collected after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _ask_batches(session: Session, now: datetime, grace: timedelta, missed: list[CheckIn],
                 commit: Callable[[], None] | None) -> list[Asked]:
    asked: list[Asked] = []
    last_id = 0
    while True:
        due = due_members(session, now, last_id, BATCH)
        if not due:
            return asked
        last_id = due[-1].id
        plans = _claim(session, [_plan(member, now, grace) for member in due])
        asking = [p for p in plans if p.asked_slot is not None]
        _close_open(session, [p.member for p in asking], now, missed)
        checkins: dict[int, CheckIn] = {}
        for plan in plans:
            member = plan.member
            if plan.skipped_slot is not None:
                session.add(CheckIn(member=member, scheduled_for=plan.skipped_slot, status=CheckInStatus.SKIPPED,
                                    created_at=now))
            if plan.asked_slot is not None:
                checkins[id(plan)] = CheckIn(member=member, scheduled_for=plan.asked_slot, status=CheckInStatus.OPEN,
                                             created_at=now, closes_at=_closes_at(member, now))
                session.add(checkins[id(plan)])
        assign_ids(session, list(checkins.values()))
        session.flush()  # the check-ins in bulk: their ids name the texts
        texts = []
        for plan in plans:
            checkin = checkins.get(id(plan))
            if checkin is not None:
                texts.append(queue_for_member(session, plan.member, "checkin", "checkin", {}, now, checkin_id=checkin.id))
                asked.append(Asked(plan.member, checkin, plan.asked_slot))
            elif plan.reported:
                asked.append(Asked(plan.member, None, plan.skipped_slot))
        assign_ids(session, [t for t in texts if t is not None])
        session.flush()
        if commit is not None:
            commit()


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


def answer(session: Session, checkin: CheckIn, score: int | None, reading: dict, now: datetime) -> None:
    """The check-in answered and the member's last answer noted, written at once.

    Core updates by primary key (one statement on PostgreSQL, two on SQLite, which has no
    updates in a common table expression and no round trip to save), then the loaded rows
    told what they now hold: on the webhook's hottest path the session's unit of work cost
    more than the statements themselves (``bench/webhook.py``)."""
    member = checkin.member
    connection = session.connection()
    values = {"b_id": checkin.id, "b_member_id": member.id, "b_at": now, "b_score": score, "b_reading": reading}
    if connection.dialect.name == "postgresql":
        connection.execute(_ANSWER_BOTH, values)  # one round trip
    else:
        connection.execute(_ANSWER_CHECKIN, values)
        connection.execute(_ANSWER_MEMBER, values)
    for key, value in (("status", CheckInStatus.ANSWERED), ("answered_at", now), ("closes_at", None),
                       ("score", score), ("reading", reading)):
        set_committed_value(checkin, key, value)
    set_committed_value(member, "consecutive_missed", 0)
    set_committed_value(member, "last_checkin_at", now)
    if score is not None:
        set_committed_value(member, "last_score", score)


_checkins = CheckIn.__table__
_ANSWER_CHECKIN = (
    update(_checkins)
    .where(_checkins.c.id == bindparam("b_id"))
    .values(status=CheckInStatus.ANSWERED, answered_at=bindparam("b_at"), closes_at=None,
            score=bindparam("b_score"), reading=bindparam("b_reading", type_=_checkins.c.reading.type))
)
# A reply with no number leaves the last score as it was.
_ANSWER_MEMBER = (
    update(_members)
    .values(consecutive_missed=0, last_checkin_at=bindparam("b_at"),
            last_score=func.coalesce(bindparam("b_score", type_=_members.c.last_score.type), _members.c.last_score))
    .where(_members.c.id == bindparam("b_member_id"))
)
# Both in one statement on PostgreSQL, the check-in's update a common table expression.
_ANSWERED = _ANSWER_CHECKIN.returning(_checkins.c.member_id).cte("answered")
_ANSWER_BOTH = _ANSWER_MEMBER.where(_members.c.id == _ANSWERED.c.member_id)
