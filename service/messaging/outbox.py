"""Putting messages in the outbox: a row first, a worker woken after commit.

Every text Kinship sends goes through ``queue_message`` (or ``record_answer`` for an answer
given in the webhook's own TwiML), so the rules about who may receive what live here once.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache, lru_cache

from sqlalchemy import Insert, insert, or_, select, update
from sqlalchemy.orm import Session, make_transient_to_detached

from service.db import register_wakeup
from service.models import Community, Coordinator, Lane, Member, MemberStatus, MessageState, OutboundMessage
from service.schedules import QuietHours, quiet_hours_end
from service.telemetry import events

# Texts that wait for the recipient's quiet hours to end: a buddy is a friend, not a first
# responder, and is not woken at night. Answers to the member's own text, crisis replies and
# texts to coordinators are not in this list, and go at once.
HELD_IN_QUIET_HOURS = frozenset({
    "invite", "checkin", "broadcast", "intro", "nudge", "relay",
    "buddy_alert", "buddy_alert_shared", "buddy_reminder", "buddy_crisis_notice", "all_clear", "member_buddy_on_it",
    # A coordinator's texts from the dashboard wait too (the webhook's own answers do not).
    "coordinator_message", "pause_confirm", "back_confirm",
})
# A wake-up older than this with the row still queued means the job was lost.
LOST_JOB_AFTER = timedelta(minutes=5)


def may_receive(member: Member, kind: str) -> bool:
    """Whether ``member`` may be sent a text of ``kind`` now: the carrier rules, in one place."""
    if member.status == MemberStatus.INVITED or kind == "invite":
        # An invitation is for someone who has not joined, and is the only text they may get:
        # a member who said YES before the worker ran is not asked to join again.
        return member.status == MemberStatus.INVITED and kind == "invite"
    return member.status in (MemberStatus.ACTIVE, MemberStatus.PAUSED)


def quiet_hours_for(member: Member) -> QuietHours:
    return QuietHours.parse(member.effective_quiet_hours)


@lru_cache(maxsize=1024)
def _quiet_hours_end(now: datetime, zone: str, quiet: str) -> datetime:
    # A tick queues thousands of texts for the same moment, zone and quiet hours.
    return quiet_hours_end(now, zone, QuietHours.parse(quiet))


def queue_message(
    session: Session,
    *,
    community: Community,
    to_phone: str,
    kind: str,
    template: str,
    context: dict,
    now: datetime,
    language: str = "en",
    lane: Lane = Lane.DEFAULT,
    member: Member | None = None,
    coordinator: Coordinator | None = None,
    checkin_id: int | None = None,
    not_before: datetime | None = None,
) -> OutboundMessage:
    if member is not None and kind in HELD_IN_QUIET_HOURS:
        opens = _quiet_hours_end(now, member.zone, member.effective_quiet_hours)
        if opens > now:
            not_before = max(not_before or opens, opens)
    due_now = not_before is None or not_before <= now
    message = OutboundMessage(
        community_id=community.id,
        member_id=member.id if member else None,
        coordinator_id=coordinator.id if coordinator else None,
        checkin_id=checkin_id,
        to_phone=to_phone,
        from_number=community.from_number,
        kind=kind,
        template=template,
        context=context,
        language=language,
        lane=lane,
        state=MessageState.QUEUED,
        not_before=not_before,
        enqueued_at=now if due_now else None,
        created_at=now,
    )
    session.add(message)
    events.text_queued(session, message)
    return message


def queue_for_member(session: Session, member: Member, kind: str, template: str, context: dict, now: datetime, *, lane: Lane = Lane.DEFAULT, checkin_id: int | None = None) -> OutboundMessage | None:
    """Queue a text to a member, or nothing when the carrier rules say they may not get it."""
    if not may_receive(member, kind):
        return None
    return queue_message(
        session,
        community=member.community,
        to_phone=member.phone,
        kind=kind,
        template=template,
        context={"name": member.first_name, **context},
        now=now,
        language=member.language,
        lane=lane,
        member=member,
        checkin_id=checkin_id,
    )


def record_answer(session: Session, member: Member, kind: str, body: str, now: datetime) -> OutboundMessage:
    """Keep the answer given in the webhook's TwiML, so the conversation reads whole."""
    message = OutboundMessage(
        community_id=member.community_id, member_id=member.id, coordinator_id=None, checkin_id=None,
        to_phone=member.phone, from_number=member.community.from_number, kind=kind, template=kind, context={},
        language=member.language, body=body, lane=Lane.DEFAULT, state=MessageState.REPLIED, not_before=None,
        enqueued_at=None, attempts=0, claimed_at=None, twilio_sid=None, error_code=None, sent_at=now,
        status_at=now, created_at=now,
    )
    # Every column is set above, so the row goes in with one Core insert, not through the
    # session's flush: on the webhook's hottest path the unit of work costs more than the insert.
    values = {key: getattr(message, key) for key in _ANSWER_COLUMNS}
    message.id = session.connection().execute(_insert_answer(), values).scalar_one()
    make_transient_to_detached(message)
    session.add(message)
    events.text_answered(session, message)
    return message


_ANSWER_COLUMNS = tuple(column.key for column in OutboundMessage.__table__.columns if column.key != "id")


@cache
def _insert_answer() -> Insert:
    table = OutboundMessage.__table__
    return insert(table).returning(table.c.id)


def cancel_pending(session: Session, member: Member, now: datetime) -> int:
    """Stop everything still waiting for ``member`` (they said STOP, or cannot be reached)."""
    result = session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.member_id == member.id, OutboundMessage.state == MessageState.QUEUED)
        .values(state=MessageState.CANCELLED, status_at=now)
    )
    return result.rowcount


def pending_for(session: Session, member: Member, kind: str) -> OutboundMessage | None:
    """The newest text of ``kind`` still waiting to go to ``member``."""
    return session.scalar(
        select(OutboundMessage)
        .where(OutboundMessage.member_id == member.id, OutboundMessage.kind == kind,
               OutboundMessage.state == MessageState.QUEUED)
        .order_by(OutboundMessage.id.desc()).limit(1)
    )


def release_due(session: Session, now: datetime, limit: int = 5000) -> list[OutboundMessage]:
    """Wake the workers for held messages whose time has come and for jobs that were lost."""
    due = session.scalars(
        select(OutboundMessage)
        .where(
            OutboundMessage.state == MessageState.QUEUED,
            or_(OutboundMessage.not_before.is_(None), OutboundMessage.not_before <= now),
            or_(OutboundMessage.enqueued_at.is_(None), OutboundMessage.enqueued_at <= now - LOST_JOB_AFTER),
        )
        .order_by(OutboundMessage.lane.desc(), OutboundMessage.id)
        .limit(limit)
    ).all()
    for message in due:
        lost = message.enqueued_at is not None
        message.enqueued_at = now
        register_wakeup(session, message, lost=lost)
    return list(due)
