"""A text arrives: who sent it and what is open for them, in one query; the text stored once.

``arrive`` loads the member with their community and the check-in their text answers, and
whether they were asked a question or have an unresolved support alert, in one statement,
so the common reply reads nothing more before it writes. ``store`` inserts the text with
``INSERT ... ON CONFLICT DO NOTHING`` on its MessageSid and Twilio's retry token: of two
identical webhooks, however close together, exactly one gets a row and goes on; the other
is a duplicate (``Duplicate``), acknowledged and not read again.

The store comes as late as the path allows: a plain reply decides first and stores the text
once, every field final, before its answer is written; every other path stores it before
anything else, since what follows names it. A duplicate found late rolls back what was done.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Insert, Select, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, contains_eager, make_transient_to_detached

from service.messaging.phones import PhoneError, parse_phone
from service.models import (
    Alert,
    AlertKind,
    AlertState,
    CheckIn,
    CheckInStatus,
    InboundMessage,
    Member,
    QuestionState,
    SafetyQuestion,
)


class Duplicate(Exception):
    """This MessageSid (or retry token) is already stored: the text was received before."""


@dataclass(frozen=True)
class Arrival:
    member: Member  # with their community loaded
    checkin: CheckIn | None  # the open check-in a reply answers (the newest; the tick closes older ones)
    question_id: int | None  # asked whether they are safe, not yet answered
    support_alert_id: int | None  # their unresolved support alert, which a good reply clears

    # Most texts come with neither: the rows themselves are read only when one is there.
    def question(self, session: Session) -> SafetyQuestion | None:
        return session.get(SafetyQuestion, self.question_id) if self.question_id is not None else None

    def support_alert(self, session: Session) -> Alert | None:
        return session.get(Alert, self.support_alert_id) if self.support_alert_id is not None else None


def arrive(session: Session, from_phone: str) -> Arrival | None:
    """The member texting from ``from_phone`` and what is open for them; None for a stranger."""
    try:
        phone = parse_phone(from_phone, "US")
    except PhoneError:
        return None
    row = session.execute(_arrival_query(), {"phone": phone}).one_or_none()
    return None if row is None else Arrival(*row)


@functools.cache
def _arrival_query() -> Select:
    # Built once: the statement and its cache key cost more than running it.
    newest_open = (
        select(CheckIn.id)
        .where(CheckIn.member_id == Member.id, CheckIn.status == CheckInStatus.OPEN)
        .order_by(CheckIn.scheduled_for.desc())
        .limit(1)
        .correlate(Member)
        .scalar_subquery()
    )
    # A unique index allows one open question, and one unresolved alert of a kind, per member.
    open_question = (
        select(SafetyQuestion.id)
        .where(SafetyQuestion.member_id == Member.id, SafetyQuestion.state == QuestionState.OPEN)
        .correlate(Member)
        .scalar_subquery()
    )
    support_alert = (
        select(Alert.id)
        .where(Alert.member_id == Member.id, Alert.kind == AlertKind.SUPPORT, Alert.state != AlertState.RESOLVED)
        .correlate(Member)
        .scalar_subquery()
    )
    return (
        select(Member, CheckIn, open_question, support_alert)
        .join(Member.community)
        .options(contains_eager(Member.community))
        .outerjoin(CheckIn, CheckIn.id == newest_open)
        .where(Member.phone == bindparam("phone"))
    )


def new_text(member: Member, *, message_sid: str, idempotency_token: str | None, to_phone: str, body: str,
             kind: str, received_at: datetime) -> InboundMessage:
    """The text as a row not yet stored; every column is set, so storing it loads nothing back."""
    return InboundMessage(
        message_sid=message_sid, idempotency_token=idempotency_token, member_id=member.id, checkin_id=None,
        from_phone=member.phone, to_phone=to_phone, body=body, kind=kind, score=None, reading=None,
        received_at=received_at, awaits_reading=False, read_at=None, read_by_id=None,
    )


_COLUMNS = tuple(column.key for column in InboundMessage.__table__.columns if column.key != "id")


@functools.cache
def _insert_once(dialect: str) -> Insert:
    table = InboundMessage.__table__
    # No conflict target: either unique column (MessageSid, retry token) makes it a repeat.
    return (postgresql if dialect == "postgresql" else sqlite).insert(table).on_conflict_do_nothing().returning(table.c.id)


def is_stored(inbound: InboundMessage) -> bool:
    return inbound.id is not None


def store(session: Session, inbound: InboundMessage) -> InboundMessage:
    """Insert ``inbound`` as it is now, unless its MessageSid or retry token is already stored
    (``Duplicate``); from then on it is an ordinary row of the session. Idempotent."""
    if is_stored(inbound):
        return inbound
    values = {key: getattr(inbound, key) for key in _COLUMNS}
    # On the connection, not flushing the session first: a duplicate then waits on the other
    # request's insert alone, holding no row lock of its own while it waits.
    connection = session.connection()
    inbound_id = connection.execute(_insert_once(connection.dialect.name), values).scalar()
    if inbound_id is None:
        raise Duplicate(inbound.message_sid)
    inbound.id = inbound_id
    make_transient_to_detached(inbound)
    session.add(inbound)
    return inbound
