"""What happens to a message after Kinship lets go of it: Twilio's answer and its callbacks.

Two kinds of trouble, kept apart:

- **An outage is ours to wait out.** Twilio answering 5xx or 429, or not being reachable at
  all, says nothing about the member: the text is tried again with a growing back-off until
  it is too old to matter (``too_old_after``), then *skipped*, and the member is untouched.
- **The carrier's word about the phone.** A passing failure (30003 phone off, 30008…) is
  tried again a bounded number of times; when those run out the message is failed and the
  member's texts are "not getting through" (still active). Only a permanent code
  (30005/30006/21211/21614: the number cannot take texts; 21610: stopped at the carrier)
  says something lasting about the number.

A text that will not arrive is returned as ``Undelivered``; what it means for the member is
decided above messaging, by ``service.members.heed_carrier``: this package knows messages,
not people (the one exception: a delivered text clears "not getting through").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.clock import as_utc
from service.messaging.twilio_gateway import SendResult
from service.models import CheckIn, CheckInStatus, Lane, MessageState, OutboundMessage
from service.telemetry import events

STOPPED_AT_CARRIER = frozenset({21610})
NOT_A_TEXTABLE_NUMBER = frozenset({30005, 30006, 21211, 21614})
# 30001: Twilio's queue overflowed (or the validity period ran out) before sending; 30017:
# carrier congestion. Like a phone that is off, they pass.
PASSING_FAILURES = frozenset({30001, 30003, 30008, 30017})
# Back-off between attempts: a phone that is off now is often on within the hour.
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=10), timedelta(minutes=60))

# Through an outage a text is tried again after a third of its age, between these bounds:
# quickly at first (most blips last a minute), then every quarter hour, never in lockstep.
OUTAGE_BACKOFF_MIN = timedelta(minutes=1)
OUTAGE_BACKOFF_MAX = timedelta(minutes=15)
DEFAULT_CHECKIN_GRACE = timedelta(minutes=120)
# How long an outage may delay a text before it is skipped: a check-in no longer asks
# anything once its grace has passed, a broadcast or an introduction is stale by the next
# day, and what concerns someone's safety (the urgent lane) keeps trying for three days.
CHECKIN_KINDS = frozenset({"checkin", "nudge"})
DEFAULT_TOO_OLD = timedelta(days=1)
URGENT_TOO_OLD = timedelta(days=3)

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

    @property
    def not_getting_through(self) -> bool:
        """Passing failures outlasted every retry: the phone may be fine tomorrow."""
        return self.exhausted and not (self.stopped_at_carrier or self.number_cannot_take_texts)


def too_old_after(message: OutboundMessage, checkin_grace: timedelta = DEFAULT_CHECKIN_GRACE) -> timedelta:
    """How long after it was queued an outage may still delay ``message`` before it is skipped."""
    if message.lane == Lane.URGENT:
        return URGENT_TOO_OLD
    if message.kind in CHECKIN_KINDS:
        return checkin_grace
    return DEFAULT_TOO_OLD


def record_send(session: Session, message: OutboundMessage, result: SendResult, now: datetime,
                retry_limit: int, checkin_grace: timedelta = DEFAULT_CHECKIN_GRACE) -> Undelivered | None:
    """Store Twilio's answer to the REST call for a message this worker claimed."""
    if message.state != MessageState.SENDING:
        # Settled meanwhile (reconciled, or marked by a coordinator): the row already says
        # what happened, and a late answer must not overwrite it.
        return None
    if result.accepted:
        message.state = MessageState.SENT
        message.twilio_sid = result.sid
        message.sent_at = message.status_at = now
        events.text_sent(session, message)
        return None
    if result.unknown:
        # The request may have reached Twilio: the row stays in ``sending`` and the clock's
        # reconciliation looks it up, rather than guessing and texting twice.
        events.text_not_sent(session, message, error_code=None, error=result.error, retrying=False)
        return None
    message.error_code = result.error_code
    if result.retryable:
        _wait_out_outage(session, message, result, now, checkin_grace)
        return None
    undelivered = _fail(message, result.error_code, now)
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
    if new_state == MessageState.DELIVERED and message.member is not None:
        # A text got through: whatever "not getting through" said is over.
        message.member.texts_failing_since = None
    if new_state not in (MessageState.UNDELIVERED, MessageState.FAILED):
        events.text_status(session, message, status)
        return None
    message.error_code = error_code
    undelivered = _retry_or_fail(message, now, retry_limit) if error_code in PASSING_FAILURES else _fail(message, error_code, now)
    events.text_not_sent(session, message, error_code=error_code, error=status,
                         retrying=message.state == MessageState.QUEUED)
    return undelivered


def _wait_out_outage(session: Session, message: OutboundMessage, result: SendResult, now: datetime,
                     checkin_grace: timedelta) -> None:
    # An outage never reached the member, so it is not one of their attempts.
    message.attempts = max((message.attempts or 1) - 1, 0)
    message.twilio_sid = None
    message.claimed_at = None
    message.status_at = now
    age = now - as_utc(message.created_at or now)
    retry_at = now + min(max(age / 3, OUTAGE_BACKOFF_MIN), OUTAGE_BACKOFF_MAX)
    if retry_at - as_utc(message.created_at or now) > too_old_after(message, checkin_grace):
        message.state = MessageState.SKIPPED
        if message.checkin_id is not None:
            # A check-in never asked is not one the member missed.
            session.execute(update(CheckIn).where(CheckIn.id == message.checkin_id, CheckIn.status == CheckInStatus.OPEN)
                            .values(status=CheckInStatus.SKIPPED, closes_at=None))
        events.text_skipped(session, message, error_code=result.error_code, error=result.error)
        return
    message.state = MessageState.QUEUED
    message.not_before = retry_at
    message.enqueued_at = None
    events.text_not_sent(session, message, error_code=result.error_code, error=result.error, retrying=True)


def _retry_or_fail(message: OutboundMessage, now: datetime, retry_limit: int) -> Undelivered | None:
    if message.attempts >= retry_limit:
        return _fail(message, message.error_code, now, exhausted=True)
    # Back to the outbox as a fresh attempt: the next tick after the delay wakes a worker.
    message.state = MessageState.QUEUED
    message.twilio_sid = None
    message.claimed_at = None
    message.not_before = now + RETRY_DELAYS[min(message.attempts, len(RETRY_DELAYS)) - 1]
    message.enqueued_at = None
    message.status_at = now
    return None


def _fail(message: OutboundMessage, code: int | None, now: datetime, *, exhausted: bool = False) -> Undelivered:
    message.state = MessageState.FAILED if message.state != MessageState.UNDELIVERED else message.state
    message.status_at = now
    return Undelivered(message, code, exhausted)
