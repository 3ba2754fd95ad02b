"""Sending one outbound message: claim the row, render, pace, send, record.

The claim is a compare-and-set from ``queued`` to ``sending`` committed before Twilio is
called, so a message is sent at most once however many jobs wake up for it. The claim
records when it happened (``claimed_at``): a worker that dies after the claim, or a database
that fails after the send, leaves the row in ``sending``, and the clock looks it up at
Twilio (``service.messaging.reconcile``) instead of guessing.

``claim`` and ``settle`` are the two halves around the REST call, small enough for a
batch sender to use as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import update
from sqlalchemy.orm import Session

from service.db import Database
from service.messaging.delivery import DEFAULT_CHECKIN_GRACE, Undelivered, record_send
from service.messaging.outbox import HELD_IN_QUIET_HOURS, may_receive, quiet_hours_for
from service.messaging.sms_text import render
from service.messaging.twilio_gateway import SendResult
from service.models import MessageState, OutboundMessage
from service.schedules import in_quiet_hours, quiet_hours_end


class Gateway(Protocol):
    def send(self, *, to: str, body: str, from_number: str | None) -> SendResult: ...


def claim(session: Session, message_id: int, body: str, now: datetime) -> bool:
    """Move the row from ``queued`` to ``sending``, once: True for the one caller that did."""
    return session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.id == message_id, OutboundMessage.state == MessageState.QUEUED)
        .values(state=MessageState.SENDING, body=body, attempts=OutboundMessage.attempts + 1, claimed_at=now)
    ).rowcount == 1


def settle(session: Session, message_id: int, result: SendResult, now: datetime, *, retry_limit: int,
           checkin_grace: timedelta, heed: Callable[[Session, Undelivered, datetime], None]) -> str:
    """Record Twilio's answer for a row this worker claimed; return what happened, in a word."""
    message = session.get(OutboundMessage, message_id)
    if message is None or message.state != MessageState.SENDING:
        return "settled-elsewhere"
    undelivered = record_send(session, message, result, now, retry_limit, checkin_grace)
    if undelivered is not None:
        heed(session, undelivered, now)
    if result.accepted:
        return "sent"
    if result.unknown:
        return "unknown"
    return message.state.value if message.state == MessageState.SKIPPED else f"error {result.error_code or result.error}"


def send_message(db: Database, gateway: Gateway, message_id: int, *, now: Callable[[], datetime],
                 pace: Callable[[str], None], retry_limit: int,
                 heed: Callable[[Session, Undelivered, datetime], None],
                 checkin_grace: timedelta = DEFAULT_CHECKIN_GRACE) -> str:
    """Send message ``message_id`` if it is still waiting; return what happened, in a word.

    ``heed`` decides, in the same transaction, what a text that will not arrive means for
    the person (``service.members.heed_carrier``).
    """
    with db.session() as session:
        message = session.get(OutboundMessage, message_id)
        if message is None or message.state != MessageState.QUEUED:
            return "not-queued"
        moment = now()
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
        body = message.body or render(message.template, message.language, variant=message.id, **message.context)
        # Wait for this sender's slot before claiming: if Redis fails here the row is still
        # queued for the next tick, rather than stuck in ``sending``.
        pace(message.from_number or "default")
        if not claim(session, message_id, body, now()):
            return "not-queued"
        to, from_number = message.to_phone, message.from_number
    result = gateway.send(to=to, body=body, from_number=from_number)
    with db.session() as session:
        return settle(session, message_id, result, now(), retry_limit=retry_limit, checkin_grace=checkin_grace,
                      heed=heed)
