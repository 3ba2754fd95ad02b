"""Sending one outbound message: claim the row, render, pace, send, record.

The claim is a compare-and-set from ``queued`` to ``sending`` committed before Twilio is
called, so a message is sent at most once however many jobs wake up for it. A worker that
dies after the claim leaves the row in ``sending`` for a coordinator to see: a text that
may have gone is never sent a second time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from sqlalchemy import update
from sqlalchemy.orm import Session

from service.db import Database
from service.messaging.delivery import Undelivered, record_send
from service.messaging.outbox import HELD_IN_QUIET_HOURS, may_receive, quiet_hours_for
from service.messaging.sms_text import render
from service.messaging.twilio_gateway import SendResult
from service.models import MessageState, OutboundMessage
from service.schedules import in_quiet_hours, quiet_hours_end


class Gateway(Protocol):
    def send(self, *, to: str, body: str, from_number: str | None) -> SendResult: ...


def send_message(db: Database, gateway: Gateway, message_id: int, *, now: Callable[[], datetime],
                 pace: Callable[[str], None], retry_limit: int,
                 heed: Callable[[Session, Undelivered, datetime], None]) -> str:
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
        claimed = session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.id == message_id, OutboundMessage.state == MessageState.QUEUED)
            .values(state=MessageState.SENDING, body=body, attempts=OutboundMessage.attempts + 1)
        ).rowcount == 1
        if not claimed:
            return "not-queued"
        to, from_number = message.to_phone, message.from_number
    result = gateway.send(to=to, body=body, from_number=from_number)
    with db.session() as session:
        message = session.get(OutboundMessage, message_id)
        moment = now()
        undelivered = record_send(session, message, result, moment, retry_limit)
        if undelivered is not None:
            heed(session, undelivered, moment)
        return "sent" if result.accepted else f"error {result.error_code or result.error}"
