"""Sending outbound messages: claim the row, render, pace, send, record -- one, or a batch.

The claim is a compare-and-set from ``queued`` to ``sending`` committed before Twilio is
called, so a message is sent at most once however many jobs wake up for it. The claim
records when it happened (``claimed_at``): a worker that dies after the claim, or a database
that fails after the send, leaves the row in ``sending``, and the clock looks it up at
Twilio (``service.messaging.reconcile``) instead of guessing.

A batch is the same thing for many rows at once: each row is claimed and sent on its own
(one row failing, cancelled or taken by another worker changes nothing for the others),
through a bounded pool of threads sharing one HTTP session, each paced by the sender's
shared limiter. Sending is waiting on the network; threads overlap the waits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Executor, Future, wait
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.attributes import set_committed_value

from service.db import Database
from service.messaging.delivery import DEFAULT_CHECKIN_GRACE, Undelivered, record_send
from service.messaging.outbox import HELD_IN_QUIET_HOURS, may_receive, quiet_hours_for
from service.messaging.sms_text import render
from service.messaging.twilio_gateway import SendResult
from service.models import Community, Member, MessageState, OutboundMessage
from service.schedules import in_quiet_hours, quiet_hours_end

# How many texts are in flight at once in a batch, and how many a batch job carries: whole
# rounds of the threads, so the last round of a batch keeps them all busy (with 50 on 8
# threads, the seventh round ran two and left six idle, a tenth of a fan-out's time), and
# enough rounds that reading and claiming the batch is paid once for many texts. An alert
# does not wait for a batch: it has its own thread in every worker (workers.urgent_lane).
CONCURRENCY = 8
BATCH_SIZE = 8 * CONCURRENCY
# Seconds a batch gathers the API's answers before recording them together.
RECORD_EVERY = 0.25


class Gateway(Protocol):
    def send(self, *, to: str, body: str, from_number: str | None) -> SendResult: ...


# Waits for the sender's next slot: (sender, texts a second, None for the default rate).
Pace = Callable[[str, float | None], None]


def claim(session: Session | Connection, message_id: int, body: str, now: datetime) -> bool:
    """The compare-and-set every send goes through: ``queued`` → ``sending``, or nothing.

    Of two workers holding the same message exactly one update matches; the loser sends
    nothing. Committed by the caller before Twilio is called, stamped with when it happened.
    """
    return session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.id == message_id, OutboundMessage.state == MessageState.QUEUED)
        .values(state=MessageState.SENDING, body=body, attempts=OutboundMessage.attempts + 1, claimed_at=now)
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
    if _night_fell(message, moment):
        # A backlog pushed it into the member's night: it waits for the morning instead.
        message.not_before = quiet_hours_end(moment, member.zone, quiet_hours_for(member))
        message.enqueued_at = None
        return "held"
    return None


def _night_fell(message: OutboundMessage, moment: datetime) -> bool:
    member = message.member
    return (member is not None and message.kind in HELD_IN_QUIET_HOURS
            and in_quiet_hours(moment, member.zone, quiet_hours_for(member)))


def _hold(connection: Connection, message: OutboundMessage, moment: datetime) -> None:
    """What ``_turn_away`` does for a night-held row, as one compare-and-set on a queued row."""
    member = message.member
    connection.execute(
        update(OutboundMessage)
        .where(OutboundMessage.id == message.id, OutboundMessage.state == MessageState.QUEUED)
        .values(not_before=quiet_hours_end(moment, member.zone, quiet_hours_for(member)), enqueued_at=None)
        .execution_options(synchronize_session=False)
    )


def _body(message: OutboundMessage) -> str:
    return message.body or render(message.template, message.language, variant=message.id, **message.context)


def settle(session: Session, message: OutboundMessage | None, result: SendResult, now: datetime, *, retry_limit: int,
           checkin_grace: timedelta, heed: Callable[[Session, Undelivered, datetime], None]) -> str:
    """Record Twilio's answer for a row this worker claimed; return what happened, in a word."""
    if message is None or message.state != MessageState.SENDING:
        return "settled-elsewhere"  # reconciled, or settled by a coordinator, meanwhile
    undelivered = record_send(session, message, result, now, retry_limit, checkin_grace)
    if undelivered is not None:
        heed(session, undelivered, now)
    if result.accepted:
        return "sent"
    if result.unknown:
        return "unknown"
    return "skipped" if message.state == MessageState.SKIPPED else f"error {result.error_code or result.error}"


def _record(db: Database, message_id: int, result: SendResult, *, now: Callable[[], datetime], retry_limit: int,
            heed: Callable[[Session, Undelivered, datetime], None], claimed: OutboundMessage | None = None,
            checkin_grace: timedelta = DEFAULT_CHECKIN_GRACE) -> str:
    """Store Twilio's answer. ``claimed``, a detached copy of the row as the claim left it,
    saves reading the row again when the text was accepted (seconds after the claim: nothing
    else settles a row that young)."""
    with db.session() as session:
        if claimed is not None and result.accepted:
            message = session.merge(claimed, load=False)
        else:
            message = session.get(OutboundMessage, message_id)
        return settle(session, message, result, now(), retry_limit=retry_limit, checkin_grace=checkin_grace,
                      heed=heed)


def send_message(db: Database, gateway: Gateway, message_id: int, *, now: Callable[[], datetime],
                 pace: Pace, retry_limit: int,
                 heed: Callable[[Session, Undelivered, datetime], None],
                 checkin_grace: timedelta = DEFAULT_CHECKIN_GRACE) -> str:
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
        if not claim(session, message_id, body, now()):
            return "not-queued"
        to, from_number = message.to_phone, message.from_number
    result = gateway.send(to=to, body=body, from_number=from_number)
    return _record(db, message_id, result, now=now, retry_limit=retry_limit, heed=heed, checkin_grace=checkin_grace)


def claim_many(session: Session, bodies: dict[int, str], now: datetime) -> set[int]:
    """``claim`` for many rows at once: the same compare-and-set on each row, in one statement,
    stamped with when it happened; returns the ids this worker now holds. Used only where no
    pacing waits between sends."""
    if not bodies:
        return set()
    claimed = set(session.scalars(
        update(OutboundMessage)
        .where(OutboundMessage.id.in_(list(bodies)), OutboundMessage.state == MessageState.QUEUED)
        .values(state=MessageState.SENDING, attempts=OutboundMessage.attempts + 1, claimed_at=now)
        .returning(OutboundMessage.id)
        .execution_options(synchronize_session=False)
    ))
    if claimed:
        session.connection().execute(
            update(OutboundMessage.__table__)
            .where(OutboundMessage.__table__.c.id == bindparam("b_id"))
            .values(body=bindparam("b_body")),
            [{"b_id": message_id, "b_body": bodies[message_id]} for message_id in claimed],
        )
    return claimed


def _mark_claimed(message: OutboundMessage, body: str, claimed_at: datetime) -> None:
    # What the claim wrote, on the detached copy, so the answer is recorded without reading it back.
    set_committed_value(message, "state", MessageState.SENDING)
    set_committed_value(message, "body", body)
    set_committed_value(message, "attempts", (message.attempts or 0) + 1)
    set_committed_value(message, "claimed_at", claimed_at)


def _paced_send(db: Database, gateway: Gateway, message: OutboundMessage, body: str, rate: float | None,
                pace: Pace, now: Callable[[], datetime]) -> SendResult | None:
    """One paced row: wait for the sender's slot, claim, send; None if another worker had it."""
    pace(message.from_number or "default", rate)
    claimed_at = now()
    # The claim is one statement, committed on its own: one round trip, not a transaction's three.
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        if _night_fell(message, claimed_at):
            # The wait for this sender's slot carried the text into the member's quiet hours.
            _hold(connection, message, claimed_at)
            return None
        if not claim(connection, message.id, body, claimed_at):
            return None
    _mark_claimed(message, body, claimed_at)
    return gateway.send(to=message.to_phone, body=body, from_number=message.from_number)


def _unpaced(rate: float | None, pace: Pace) -> bool:
    """No wait between this sender's texts: a rate of 0 (a Messaging Service paces them)."""
    return (rate if rate is not None else getattr(pace, "per_second", None)) == 0


def _record_many(db: Database, done: list[tuple[OutboundMessage, SendResult]], *, now: Callable[[], datetime],
                 retry_limit: int, checkin_grace: timedelta,
                 heed: Callable[[Session, Undelivered, datetime], None]) -> dict[int, str]:
    """Store Twilio's answers for the rows whose sends have ended, in one transaction. An
    accepted row is merged from the copy the claim left (seconds old: nothing else settles a
    row that young); any other is read again."""
    outcomes: dict[int, str] = {}
    with db.session() as session:
        moment = now()
        for claimed, result in done:
            if result.accepted:
                message = session.merge(claimed, load=False)
            else:
                message = session.get(OutboundMessage, claimed.id)
            outcomes[claimed.id] = settle(session, message, result, moment, retry_limit=retry_limit,
                                          checkin_grace=checkin_grace, heed=heed)
    return outcomes


def send_batch(db: Database, gateway: Gateway, message_ids: Iterable[int], *, pool: Executor,
               now: Callable[[], datetime], pace: Pace, retry_limit: int,
               heed: Callable[[Session, Undelivered, datetime], None],
               checkin_grace: timedelta = DEFAULT_CHECKIN_GRACE) -> dict[int, str]:
    """Send each message of a batch that is still waiting, ``pool``'s threads at a time.

    One transaction reads the batch, sets aside its cancelled and night-held rows and, for
    senders with no pacing, claims the rest in one statement. Paced rows are claimed one by
    one after their slot, as a single send is. The threads do the waiting (on the API, on the
    pace); the answers are gathered for ``RECORD_EVERY`` seconds and recorded together, in
    one transaction. Returns what happened to each row, in a word. An exception (the database or
    Redis gone) is raised once every send has ended, so the job fails visibly and the rows
    it did not claim stay queued for the next tick.
    """
    ids = list(dict.fromkeys(message_ids))
    outcomes: dict[int, str] = dict.fromkeys(ids, "not-queued")
    paced: list[tuple[OutboundMessage, str, float | None]] = []
    unpaced: dict[int, tuple[OutboundMessage, str]] = {}
    with db.session() as session:
        moment = now()
        for message, rate in _loaded(session, ids):
            if message.state != MessageState.QUEUED:
                continue
            turned_away = _turn_away(message, moment)
            if turned_away is not None:
                outcomes[message.id] = turned_away
            elif _unpaced(rate, pace):
                unpaced[message.id] = (message, _body(message))
            else:
                paced.append((message, _body(message), rate))
        session.flush()
        moment = now()
        claimed = claim_many(session, {message_id: body for message_id, (_, body) in unpaced.items()}, moment)
    running: dict[Future, OutboundMessage] = {}
    for message_id in sorted(claimed):
        message, body = unpaced[message_id]
        _mark_claimed(message, body, moment)
        running[pool.submit(gateway.send, to=message.to_phone, body=body, from_number=message.from_number)] = message
    for message, body, rate in paced:
        running[pool.submit(_paced_send, db, gateway, message, body, rate, pace, now)] = message
    failure: BaseException | None = None
    while running:
        # Answers are gathered for a moment before they are recorded: one transaction for a
        # handful of texts, rather than one for every two or three, leaves the threads more
        # of the interpreter for sending.
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        if running.keys() - finished:
            finished, _ = wait(running, timeout=RECORD_EVERY, return_when=ALL_COMPLETED)
        done = []
        for future in finished:
            message = running.pop(future)
            if future.exception() is not None:
                failure = failure or future.exception()
            elif future.result() is not None:
                done.append((message, future.result()))
        if done:
            outcomes.update(_record_many(db, done, now=now, retry_limit=retry_limit, checkin_grace=checkin_grace,
                                         heed=heed))
    if failure is not None:
        raise failure
    return outcomes
