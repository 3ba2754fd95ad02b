"""Sending outbound messages: claim the row, render, pace, send, record -- one, or a batch.

The claim is a compare-and-set from ``queued`` to ``sending`` committed before Twilio is
called, so a message is sent at most once however many jobs wake up for it. A worker that
dies after the claim leaves the row in ``sending`` for a coordinator to see: a text that
may have gone is never sent a second time.

A batch is the same thing for many rows at once: each row is claimed and sent on its own
(one row failing, cancelled or taken by another worker changes nothing for the others),
through a bounded pool of threads sharing one HTTP session, each paced by the sender's
shared limiter. Sending is waiting on the network; threads overlap the waits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from datetime import datetime
from typing import Protocol

from sqlalchemy import select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from service.db import Database
from service.messaging.delivery import Undelivered, record_send
from service.messaging.outbox import HELD_IN_QUIET_HOURS, may_receive, quiet_hours_for
from service.messaging.sms_text import render
from service.messaging.twilio_gateway import SendResult
from service.models import Community, Member, MessageState, OutboundMessage
from service.schedules import in_quiet_hours, quiet_hours_end

# How many texts a batch job carries, and how many of them are in flight at once.
BATCH_SIZE = 50
CONCURRENCY = 8


class Gateway(Protocol):
    def send(self, *, to: str, body: str, from_number: str | None) -> SendResult: ...


# Waits for the sender's next slot: (sender, texts a second, None for the default rate).
Pace = Callable[[str, float | None], None]


def claim(session: Session | Connection, message_id: int, body: str) -> bool:
    """The compare-and-set every send goes through: ``queued`` → ``sending``, or nothing.

    Of two workers holding the same message exactly one update matches; the loser sends
    nothing. Committed by the caller before Twilio is called.
    """
    return session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.id == message_id, OutboundMessage.state == MessageState.QUEUED)
        .values(state=MessageState.SENDING, body=body, attempts=OutboundMessage.attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount == 1


def _loaded(session: Session, message_ids: list[int]) -> list[tuple[OutboundMessage, float | None]]:
    """The messages, their members and communities in one statement, with each sender's rate:
    the member's zone and quiet hours, and the pacing, are all read from it."""
    return list(session.execute(
        select(OutboundMessage, Community.send_rate_per_second)
        .join(Community, Community.id == OutboundMessage.community_id)
        .options(joinedload(OutboundMessage.member).joinedload(Member.community))
        .where(OutboundMessage.id.in_(message_ids))
        .order_by(OutboundMessage.id)
    ).unique().all())


def _turn_away(message: OutboundMessage, moment: datetime) -> str | None:
    """Why a queued message must not go now (and the row changed to say so), or None to send it."""
    member = message.member
    if member is not None and not may_receive(member, message.kind):
        message.state = MessageState.CANCELLED
        message.status_at = moment
        return "cancelled"
    if member is not None and message.kind in HELD_IN_QUIET_HOURS and in_quiet_hours(moment, member.zone, quiet_hours_for(member)):
        # A backlog pushed it into the member's night: it waits for the morning instead.
        message.not_before = quiet_hours_end(moment, member.zone, quiet_hours_for(member))
        message.enqueued_at = None
        return "held"
    return None


def _body(message: OutboundMessage) -> str:
    return message.body or render(message.template, message.language, variant=message.id, **message.context)


def _record(db: Database, message_id: int, result: SendResult, *, now: Callable[[], datetime], retry_limit: int,
            heed: Callable[[Session, Undelivered, datetime], None], claimed: OutboundMessage | None = None) -> str:
    """Store Twilio's answer. ``claimed``, a detached copy of the row as the claim left it,
    saves reading the row again when the text was accepted."""
    with db.session() as session:
        if claimed is not None and result.accepted:
            message = session.merge(claimed, load=False)
        else:
            message = session.get(OutboundMessage, message_id)
        moment = now()
        undelivered = record_send(session, message, result, moment, retry_limit)
        if undelivered is not None:
            heed(session, undelivered, moment)
    return "sent" if result.accepted else f"error {result.error_code or result.error}"


def send_message(db: Database, gateway: Gateway, message_id: int, *, now: Callable[[], datetime],
                 pace: Pace, retry_limit: int,
                 heed: Callable[[Session, Undelivered, datetime], None]) -> str:
    """Send message ``message_id`` if it is still waiting; return what happened, in a word.

    ``heed`` decides, in the same transaction, what a text that will not arrive means for
    the person (``service.members.heed_carrier``).
    """
    with db.session() as session:
        loaded = _loaded(session, [message_id])
        if not loaded or loaded[0][0].state != MessageState.QUEUED:
            return "not-queued"
        message, rate = loaded[0]
        turned_away = _turn_away(message, now())
        if turned_away is not None:
            return turned_away
        body = _body(message)
        # Wait for this sender's slot before claiming: if Redis fails here the row is still
        # queued for the next tick, rather than stuck in ``sending``.
        pace(message.from_number or "default", rate)
        if not claim(session, message_id, body):
            return "not-queued"
        to, from_number = message.to_phone, message.from_number
    result = gateway.send(to=to, body=body, from_number=from_number)
    return _record(db, message_id, result, now=now, retry_limit=retry_limit, heed=heed)


def _send_prepared(db: Database, gateway: Gateway, message: OutboundMessage, body: str, rate: float | None, *,
                   now: Callable[[], datetime], pace: Pace, retry_limit: int,
                   heed: Callable[[Session, Undelivered, datetime], None]) -> str:
    """One row of a batch, already read and found sendable: pace, claim, send, record."""
    pace(message.from_number or "default", rate)
    # The claim is one statement, committed on its own: one round trip, not a transaction's three.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if not claim(connection, message.id, body):
            return "not-queued"
    # What the claim wrote, on the detached copy, so the answer is recorded without reading it back.
    set_committed_value(message, "state", MessageState.SENDING)
    set_committed_value(message, "body", body)
    set_committed_value(message, "attempts", (message.attempts or 0) + 1)
    result = gateway.send(to=message.to_phone, body=body, from_number=message.from_number)
    return _record(db, message.id, result, now=now, retry_limit=retry_limit, heed=heed, claimed=message)


def send_batch(db: Database, gateway: Gateway, message_ids: Iterable[int], *, pool: Executor,
               now: Callable[[], datetime], pace: Pace, retry_limit: int,
               heed: Callable[[Session, Undelivered, datetime], None]) -> dict[int, str]:
    """Send each message of a batch that is still waiting, ``pool``'s threads at a time.

    The batch is read, and its cancelled or night-held rows set aside, in one transaction;
    then each row is claimed and sent on its own. Returns what happened to each, in a word.
    A row's failure is recorded on the row like a single send's; an exception (the database
    or Redis gone) is raised once all have ended, so the job fails visibly and the rows it
    did not claim stay queued for the next tick.
    """
    ids = list(dict.fromkeys(message_ids))
    outcomes: dict[int, str] = dict.fromkeys(ids, "not-queued")
    sendable: list[tuple[OutboundMessage, str, float | None]] = []
    with db.session() as session:
        moment = now()
        for message, rate in _loaded(session, ids):
            if message.state != MessageState.QUEUED:
                continue
            turned_away = _turn_away(message, moment)
            if turned_away is not None:
                outcomes[message.id] = turned_away
            else:
                sendable.append((message, _body(message), rate))
    futures = [(message.id, pool.submit(_send_prepared, db, gateway, message, body, rate, now=now, pace=pace,
                                         retry_limit=retry_limit, heed=heed))
               for message, body, rate in sendable]
    failure: BaseException | None = None
    for message_id, future in futures:
        error = future.exception()
        if error is None:
            outcomes[message_id] = future.result()
        else:
            failure = failure or error
    if failure is not None:
        raise failure
    return outcomes
