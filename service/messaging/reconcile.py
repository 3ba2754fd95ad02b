"""Texts whose fate is unknown: rows left in ``sending``, settled by asking Twilio.

A row stays in ``sending`` when the worker that claimed it died after Twilio accepted the
text, the database failed after the send, or Twilio never answered the request. Each pass
of the clock looks such rows up once they have sat for ``SETTLE_AFTER``: Twilio's Messages
list, filtered by the number, our sender and the date sent since the claim, with the body
matched.

- **Found**: the SID and Twilio's status are recorded, exactly as if the worker had lived;
  the status callbacks that follow then find the row.
- **Not found after ``SAFE_WINDOW``**: the row goes back to ``queued`` and is sent once.
  The window is safe because every text is created with a validity period
  (``twilio_gateway.VALIDITY_PERIOD``, 15 minutes): a text Twilio accepted but has not
  sent by then is dropped by Twilio, never sent late, and one it sent shows in the list.
  The claim happens just before the REST call (whose timeout is 15 seconds), so 15 minutes
  of validity plus 5 of margin for the list to catch up is 20 minutes after the claim.
- **Not found yet, or Twilio cannot be asked**: left for the next pass; after ``STUCK_AFTER``
  (10 minutes) it is listed on the Now page and by ``kinship messages --stuck``, where a
  coordinator may mark it sent or send it again.

Every change is a compare-and-set on (state, claimed_at), so two clocks, or a clock and a
coordinator, settle a row once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from service.clock import as_utc
from service.db import register_wakeup
from service.messaging.backlog import STUCK_AFTER, last_change, stuck_in_sending
from service.messaging.delivery import TWILIO_STATUS, Undelivered, apply_status
from service.messaging.twilio_gateway import VALIDITY_PERIOD, FoundMessage, LookupFailed
from service.models import MessageState, OutboundMessage
from service.telemetry import events

SETTLE_AFTER = timedelta(minutes=2)
SAFE_WINDOW = VALIDITY_PERIOD + timedelta(minutes=5)
# Our clock and Twilio's may differ by a little: look a minute before the claim.
CLOCK_SLACK = timedelta(minutes=1)
PER_PASS = 100

__all__ = ["STUCK_AFTER", "SAFE_WINDOW", "SETTLE_AFTER", "reconcile", "mark_sent", "send_again", "stuck_in_sending"]


class Lookup(Protocol):
    def find_sent(self, *, to: str, from_number: str | None, since: datetime, body: str,
                  exclude: frozenset[str] = frozenset()) -> FoundMessage | None: ...


@dataclass
class Reconciled:
    found: list[int] = field(default_factory=list)
    requeued: list[int] = field(default_factory=list)
    unsettled: list[int] = field(default_factory=list)
    # Found at Twilio as undelivered or failed: an alert such a text was about must move on.
    failed: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {"reconciled": len(self.found), "requeued": len(self.requeued), "unsettled": len(self.unsettled)}


def claimed_at(message: OutboundMessage) -> datetime:
    """When the row was claimed (rows claimed before claims were stamped: their last change)."""
    return as_utc(message.claimed_at) if message.claimed_at else last_change(message)


def reconcile(session: Session, lookup: Lookup, now: datetime, *, retry_limit: int,
              heed: Callable[[Session, Undelivered, datetime], None]) -> Reconciled:
    """Look up every row that has sat in ``sending`` for ``SETTLE_AFTER``; settle what Twilio knows."""
    report = Reconciled()
    rows = session.scalars(
        select(OutboundMessage)
        .where(OutboundMessage.state == MessageState.SENDING,
               or_(OutboundMessage.claimed_at.is_(None), OutboundMessage.claimed_at <= now - SETTLE_AFTER))
        .order_by(OutboundMessage.id).limit(PER_PASS)
    ).all()
    for message in rows:
        since = claimed_at(message) - CLOCK_SLACK
        try:
            found = lookup.find_sent(to=message.to_phone, from_number=message.from_number, since=since,
                                     body=message.body or "", exclude=_known_sids(session, message, since))
        except LookupFailed:
            report.unsettled.append(message.id)
            continue
        if found is not None:
            if _record_found(session, message, found, now, retry_limit, heed):
                report.found.append(message.id)
                if message.state in (MessageState.FAILED, MessageState.UNDELIVERED, MessageState.QUEUED) \
                        and message.error_code is not None:
                    report.failed.append(message.id)
        elif now - claimed_at(message) >= SAFE_WINDOW:
            if send_again(session, message, now):
                report.requeued.append(message.id)
        else:
            report.unsettled.append(message.id)
    return report


def mark_sent(session: Session, message: OutboundMessage, now: datetime) -> bool:
    """A coordinator knows it went (the member answered it, say): settle it without a text."""
    settled = _settle(session, message, state=MessageState.SENT, sent_at=claimed_at(message), status_at=now)
    if settled:
        events.text_reconciled(session, message, found=True)
    return settled


def send_again(session: Session, message: OutboundMessage, now: datetime) -> bool:
    """Back to ``queued``, and a worker woken: sent once more (Twilio never had it, or a coordinator asked)."""
    settled = _settle(session, message, state=MessageState.QUEUED, claimed_at=None, not_before=None,
                      enqueued_at=now, status_at=now, twilio_sid=None,
                      # That claim never reached the member; the retry budget is theirs.
                      attempts=max((message.attempts or 1) - 1, 0))
    if settled:
        register_wakeup(session, message)
        events.text_reconciled(session, message, found=False)
    return settled


def _record_found(session: Session, message: OutboundMessage, found: FoundMessage, now: datetime,
                  retry_limit: int, heed: Callable[[Session, Undelivered, datetime], None]) -> bool:
    if not _settle(session, message, state=MessageState.SENT, twilio_sid=found.sid,
                   sent_at=claimed_at(message), status_at=now):
        return False
    events.text_reconciled(session, message, found=True)
    if TWILIO_STATUS.get((found.status or "").lower(), MessageState.SENT).rank > MessageState.SENT.rank:
        # Twilio is already further on (delivered, undelivered…): the same path as a callback.
        undelivered = apply_status(session, message_sid=found.sid, status=found.status,
                                   error_code=found.error_code, now=now, retry_limit=retry_limit)
        if undelivered is not None:
            heed(session, undelivered, now)
    return True


def _settle(session: Session, message: OutboundMessage, **values) -> bool:
    """Move a row out of ``sending`` if nobody else has since it was read."""
    claim = message.claimed_at
    moved = session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.id == message.id, OutboundMessage.state == MessageState.SENDING,
               OutboundMessage.claimed_at.is_(None) if claim is None else OutboundMessage.claimed_at == claim)
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    if moved:
        session.refresh(message)
    return moved


def _known_sids(session: Session, message: OutboundMessage, since: datetime) -> frozenset[str]:
    """SIDs already on other rows to this number: the same words sent twice match the right one."""
    return frozenset(session.scalars(
        select(OutboundMessage.twilio_sid)
        .where(OutboundMessage.to_phone == message.to_phone, OutboundMessage.id != message.id,
               OutboundMessage.twilio_sid.is_not(None), OutboundMessage.created_at >= since - timedelta(days=1))
    ))


def still_unknown(session: Session, now: datetime, community_id: int | None = None) -> list[OutboundMessage]:
    """Rows the clock has not settled for ``STUCK_AFTER``: for a person to look at."""
    rows = stuck_in_sending(session, now)
    return [m for m in rows if community_id is None or m.community_id == community_id]
