"""An alert's timeline: every step it took, written as it happens, read back in plain words.

Each step is an ``AlertEvent``; a text sent about the alert is one too, linked to its
outbound message, so the timeline shows what became of it (delivered, not delivered and
why) and a failed delivery finds the alert it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from service.care.carrier_words import carrier_reason
from service.models import AlertEvent, Coordinator, Member, MessageState, OutboundMessage

# What each delivery state means on a timeline line.
DELIVERY_WORDS = {
    MessageState.QUEUED: "waiting to send",
    MessageState.SENDING: "sending",
    MessageState.SENT: "sent",
    MessageState.DELIVERED: "delivered",
    MessageState.UNDELIVERED: "not delivered",
    MessageState.FAILED: "not delivered",
    MessageState.REPLIED: "answered at once",
    MessageState.CANCELLED: "not sent",
}
STEP_WORDS = {
    "opened": "Opened",
    "texted": "Texted",
    "informed": "Told (no action needed)",
    "reminded": "Reminded",
    "follow_up": "Followed up",
    "undelivered": "Not delivered to",
    "on_it": "ON IT from",
    "taken": "Taken by",
    "pass": "PASS from",
    "done": "DONE from",
    "help": "HELP from",
    "left": "Moved on from",
    "handed_off": "Handed to the coordinators",
    "repaged": "Coordinators paged again",
    "stale": "Stale: reminded",
    "resolved": "Resolved",
}


def record(session: Session, alert_id: int, what: str, now: datetime, *, member: Member | None = None,
           coordinator: Coordinator | None = None, message: OutboundMessage | None = None,
           detail: str | None = None) -> AlertEvent:
    event = AlertEvent(alert_id=alert_id, what=what, at=now, member_id=member.id if member else None,
                       coordinator_id=coordinator.id if coordinator else None, message=message, detail=detail)
    session.add(event)
    return event


@dataclass(frozen=True)
class Line:
    at: datetime
    what: str
    words: str  # "Texted Alex Chen (buddy): not delivered — the phone is off or out of range"


def _who(event: AlertEvent) -> str:
    if event.member is not None:
        return event.member.name
    if event.coordinator is not None:
        return event.coordinator.email
    return ""


def _delivery(message: OutboundMessage | None) -> str:
    if message is None:
        return ""
    words = DELIVERY_WORDS.get(message.state, str(message.state))
    if message.state in (MessageState.UNDELIVERED, MessageState.FAILED) or (
            message.state == MessageState.CANCELLED and message.error_code):
        words += f": {carrier_reason(message.error_code)}"
    elif message.state == MessageState.QUEUED and message.error_code:
        words = f"trying again ({carrier_reason(message.error_code)})"
    return words


def describe(event: AlertEvent) -> str:
    head = STEP_WORDS.get(event.what, event.what)
    who = _who(event)
    text = f"{head} {who}".strip()
    if event.detail:
        text += f": {event.detail}"
    delivery = _delivery(event.message)
    if delivery:
        text += f" — {delivery}"
    return text


def lines_for(session: Session, alert_ids: list[int]) -> dict[int, list[Line]]:
    """Each alert's timeline, oldest first."""
    if not alert_ids:
        return {}
    events = session.scalars(
        select(AlertEvent).where(AlertEvent.alert_id.in_(alert_ids))
        .options(selectinload(AlertEvent.member), selectinload(AlertEvent.coordinator), selectinload(AlertEvent.message))
        .order_by(AlertEvent.at, AlertEvent.id)
    )
    grouped: dict[int, list[Line]] = {}
    for event in events:
        grouped.setdefault(event.alert_id, []).append(Line(event.at, event.what, describe(event)))
    return grouped
