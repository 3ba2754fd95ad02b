"""What happens to a message after Kinship lets go of it: Twilio's answer and its callbacks.

Carrier errors change the member, not just the message: 21610 means the member stopped at
the carrier; a number that cannot take texts makes the member *unreachable* (visible, never
silently forgotten); a passing failure is tried again later, a bounded number of times.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.members import mark_unreachable, opt_out
from service.models import MessageState, OutboundMessage
from service.twilio_gateway import SendResult

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


def record_send(session: Session, message: OutboundMessage, result: SendResult, now: datetime, retry_limit: int) -> None:
    """Store Twilio's answer to the REST call for a message this worker claimed."""
    if result.accepted:
        message.state = MessageState.SENT
        message.twilio_sid = result.sid
        message.sent_at = message.status_at = now
        return
    message.error_code = result.error_code
    if result.retryable:
        _retry_or_fail(session, message, now, retry_limit)
    else:
        _fail(session, message, result.error_code, now)


def apply_status(session: Session, *, message_sid: str, status: str, error_code: int | None, now: datetime,
                 retry_limit: int) -> OutboundMessage | None:
    """A status callback. Callbacks arrive out of order: a state never moves backwards."""
    message = session.scalar(select(OutboundMessage).where(OutboundMessage.twilio_sid == message_sid))
    new_state = TWILIO_STATUS.get((status or "").lower())
    if message is None or new_state is None or new_state.rank <= message.state.rank:
        return message
    message.state = new_state
    message.status_at = now
    if new_state in (MessageState.UNDELIVERED, MessageState.FAILED):
        message.error_code = error_code
        if error_code in PASSING_FAILURES:
            _retry_or_fail(session, message, now, retry_limit)
        else:
            _fail(session, message, error_code, now)
    return message


def _retry_or_fail(session: Session, message: OutboundMessage, now: datetime, retry_limit: int) -> None:
    if message.attempts >= retry_limit:
        _fail(session, message, message.error_code, now, exhausted=True)
        return
    # Back to the outbox as a fresh attempt: the next tick after the delay wakes a worker.
    message.state = MessageState.QUEUED
    message.twilio_sid = None
    message.not_before = now + RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
    message.enqueued_at = None
    message.status_at = now


def _fail(session: Session, message: OutboundMessage, code: int | None, now: datetime, *, exhausted: bool = False) -> None:
    message.state = MessageState.FAILED if message.state != MessageState.UNDELIVERED else message.state
    message.status_at = now
    member = message.member
    if member is None or code is None:
        return
    if code in STOPPED_AT_CARRIER:
        opt_out(session, member, now, carrier_code=code)
    elif code in NOT_A_TEXTABLE_NUMBER or exhausted:
        mark_unreachable(session, member, code, now)
