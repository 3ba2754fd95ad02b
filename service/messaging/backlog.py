"""Texts not gone yet: how long the oldest has waited, and which are stuck mid-send.

Read by ``kinship doctor`` and ``GET /metrics``. A text stuck in ``sending`` was claimed by a
worker that never recorded Twilio's answer (it died, or the database failed after the send):
it may or may not have been sent. The clock looks such rows up at Twilio
(``service.messaging.reconcile``); what is still here after ``STUCK_AFTER`` is for a person.
"Stuck" is judged from the claim's time (rows claimed before claims were stamped: from the
row's last recorded change).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from service.clock import as_utc
from service.models import Lane, MessageState, OutboundMessage

STUCK_AFTER = timedelta(minutes=10)


def last_change(message: OutboundMessage) -> datetime:
    """The last moment the row records anything happening to it: for a row in ``sending``, its claim."""
    if message.claimed_at is not None:
        return as_utc(message.claimed_at)
    return max(as_utc(t) for t in (message.created_at, message.enqueued_at, message.status_at, message.sent_at) if t)


def stuck_in_sending(session: Session, now: datetime, older_than: timedelta = STUCK_AFTER) -> list[OutboundMessage]:
    """Rows in ``sending`` whose last change is older than ``older_than`` (the state is indexed: few rows)."""
    sending = session.scalars(select(OutboundMessage).where(OutboundMessage.state == MessageState.SENDING)
                              .order_by(OutboundMessage.id))
    return [m for m in sending if now - last_change(m) > older_than]


def waiting(session: Session, now: datetime) -> dict[Lane, tuple[int, datetime | None]]:
    """Per lane: how many queued texts are due now, and since when the oldest has been due."""
    due_since = func.coalesce(OutboundMessage.not_before, OutboundMessage.created_at)
    rows = session.execute(
        select(OutboundMessage.lane, func.count(), func.min(due_since))
        .where(OutboundMessage.state == MessageState.QUEUED,
               or_(OutboundMessage.not_before.is_(None), OutboundMessage.not_before <= now))
        .group_by(OutboundMessage.lane)
    ).all()
    found = {lane: (0, None) for lane in Lane}
    for lane, count, oldest in rows:
        found[Lane(lane)] = (count, _as_datetime(oldest))
    return found


def _as_datetime(value) -> datetime | None:
    # min() over a coalesce loses the column type: SQLite hands back its text.
    if value is None or isinstance(value, datetime):
        return as_utc(value)
    return as_utc(datetime.fromisoformat(str(value)))
