"""What happens to a message after Kinship lets go of it: Twilio's answer and its callbacks.

A passing failure is tried again later, a bounded number of times. A text that will not
arrive is returned as ``Undelivered`` with what the carrier's code says about the number
(21610: the person stopped at the carrier; 30005/30006/21211/21614: the number cannot take
texts). What that means for the member is decided above messaging, by
``service.members.heed_carrier``: this package knows messages, not people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.messaging.twilio_gateway import SendResult
from service.models import MessageState, OutboundMessage
from service.telemetry import events

STOPPED_AT_CARRIER = frozenset({21610})
NOT_A_TEXTABLE_NUMBER = frozenset({30005, 30006, 21211, 21614})
PASSING_FAILURES = frozenset({30003, 30008})
# Back-off between attempts: a phone that is off now is often on within the hour.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=10), timedelta(minutes=60))

# Twilio's statuses, as the message states they move ours to.
TWILIO_STATUS = {
    "sending": MessageState.SENT,
    "sent": MessageState.SENT,
    "delivered": MessageState.DELIVERED,
    "read": MessageState.DELIVERED,
    "undelivered": MessageState.UNDELIVERED,
    "failed": MessageState.FAILED,
    "canceled": MessageState.CANCELLED,
}


@dataclass(frozen=True)
class Undelivered:
    """A text that will not arrive: the message, the carrier's code, and whether we gave up retrying."""

    message: OutboundMessage
    code: int | None
    exhausted: bool = False

    @property
    def stopped_at_carrier(self) -> bool:
        return self.code in STOPPED_AT_CARRIER

    @property
    def number_cannot_take_texts(self) -> bool:
        return self.code in NOT_A_TEXTABLE_NUMBER


def record_send(session: Session, message: OutboundMessage, result: SendResult, now: datetime,
                retry_limit: int) -> Undelivered | None:
    """Store Twilio's answer to the REST call for a message this worker claimed."""
    if result.accepted:
        message.state = MessageState.SENT
        message.twilio_sid = result.sid
        message.sent_at = message.status_at = now
        events.text_sent(session, message)
        return None
    message.error_code = result.error_code
    undelivered = _retry_or_fail(message, now, retry_limit) if result.retryable else _fail(message, result.error_code, now)
    events.text_not_sent(session, message, error_code=result.error_code, error=result.error,
                         retrying=message.state == MessageState.QUEUED)
    return undelivered


def apply_status(session: Session, *, message_sid: str, status: str, error_code: int | None, now: datetime,
                 retry_limit: int) -> Undelivered | None:
    """A status callback. Callbacks arrive out of order: a state never moves backwards."""
    message = session.scalar(select(OutboundMessage).where(OutboundMessage.twilio_sid == message_sid))
    new_state = TWILIO_STATUS.get((status or "").lower())
    if message is None or new_state is None or new_state.rank <= message.state.rank:
        return None
    message.state = new_state
    message.status_at = now
    if new_state not in (MessageState.UNDELIVERED, MessageState.FAILED):
        events.text_status(session, message, status)
        return None
    message.error_code = error_code
    undelivered = _retry_or_fail(message, now, retry_limit) if error_code in PASSING_FAILURES else _fail(message, error_code, now)
    events.text_not_sent(session, message, error_code=error_code, error=status,
                         retrying=message.state == MessageState.QUEUED)
    return undelivered


def _retry_or_fail(message: OutboundMessage, now: datetime, retry_limit: int) -> Undelivered | None:
    if message.attempts >= retry_limit:
        return _fail(message, message.error_code, now, exhausted=True)
    # Back to the outbox as a fresh attempt: the next tick after the delay wakes a worker.
    message.state = MessageState.QUEUED
    message.twilio_sid = None
    message.not_before = now + RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
    message.enqueued_at = None
    message.status_at = now
    return None


def _fail(message: OutboundMessage, code: int | None, now: datetime, *, exhausted: bool = False) -> Undelivered:
    message.state = MessageState.FAILED if message.state != MessageState.UNDELIVERED else message.state
    message.status_at = now
    return Undelivered(message, code, exhausted)
