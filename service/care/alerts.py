"""Alerts: opening one per episode, telling the coordinators, and closing it by a person's hand.

An alert is never opened twice for the same episode: while a member has an unresolved alert
of a kind, later signals are attached to it (and a unique index guards the race of two
webhooks at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.care import alert_words, timeline
from service.messaging.outbox import queue_message
from service.models import (
    Alert,
    AlertKind,
    AlertNotice,
    AlertReason,
    AlertState,
    Coordinator,
    InboundMessage,
    Lane,
    Member,
)
from service.telemetry import events

# Each reason in plain words, when an alert has nothing better (see ``alert_words``).
REASON_WORDS = alert_words.REASON_WORDS
# The coordinators' text for an alert, when its reason has one of its own.
COORDINATOR_TEMPLATES = {AlertReason.SAFETY_QUESTION: "coordinator_no_answer"}


class AlertError(ValueError):
    """An alert cannot be changed as asked; the message says why."""


@dataclass(frozen=True)
class Opened:
    alert: Alert
    created: bool  # False: the signal joined an alert already open for this episode


def unresolved(session: Session, member: Member, kind: AlertKind) -> Alert | None:
    return session.scalar(
        select(Alert).where(Alert.member_id == member.id, Alert.kind == kind, Alert.state != AlertState.RESOLVED)
    )


def open_alert(session: Session, member: Member, kind: AlertKind, reason: AlertReason, now: datetime, *,
               reading: dict | None = None, inbound: InboundMessage | None = None,
               concerns: list[str] | None = None) -> Opened:
    """``concerns`` says why in plain words; by default, the reading's."""
    concerns = alert_words.unique(concerns if concerns is not None else alert_words.from_reading(reading))
    signal = {"at": now.isoformat(), "reason": reason.value, "reading": reading}
    existing = unresolved(session, member, kind)
    if existing is None:
        alert = Alert(community_id=member.community_id, member_id=member.id, kind=kind, reason=reason,
                      state=AlertState.OPEN, reading=reading, signals=[signal], opened_at=now,
                      inbound_message_id=inbound.id if inbound else None, concerns=concerns)
        try:
            with session.begin_nested():
                session.add(alert)
            events.alert_opened(session, alert, from_reply=inbound is not None)
            timeline.record(session, alert.id, "opened", now, detail=alert_words.why(alert))
            return Opened(alert, True)
        except IntegrityError:
            # Another request opened it a moment ago: join that one.
            existing = unresolved(session, member, kind)
    existing.signals = [*existing.signals, signal]
    existing.concerns = alert_words.unique([*(existing.concerns or ()), *concerns])
    return Opened(existing, False)


def notify_coordinators(session: Session, alert: Alert, now: datetime, dashboard_url: str, *,
                        template: str | None = None, repage: bool = False) -> int:
    """Text every coordinator of the community who has a phone, on the urgent lane, at once.

    Coordinators without a phone still see the alert on the dashboard's Now page. A re-page
    (``repage``) is on the timeline, not a new line of "Told".
    """
    member = alert.member
    template = template or COORDINATOR_TEMPLATES.get(alert.reason) or (
        "coordinator_crisis" if alert.kind == AlertKind.CRISIS else "coordinator_support")
    sent = 0
    for coordinator in member.community.coordinators:
        if not coordinator.phone:
            continue
        if not repage:
            session.add(AlertNotice(alert_id=alert.id, coordinator_id=coordinator.id, role="coordinator", sent_at=now))
        message = queue_message(
            session,
            community=member.community,
            to_phone=coordinator.phone,
            kind=template,
            template=template,
            context={"name": coordinator.first_name, "member": member.name, "phone": member.phone,
                     "community": member.community.name, "reason": alert_words.headline(alert),
                     "url": dashboard_url, "alert_id": alert.id},
            now=now,
            lane=Lane.URGENT,
            coordinator=coordinator,
        )
        timeline.record(session, alert.id, "repaged" if repage else "texted", now, coordinator=coordinator,
                        message=message)
        sent += 1
    return sent


def acknowledge(session: Session, alert: Alert, by: str, now: datetime, *, member: Member | None = None,
                coordinator: Coordinator | None = None) -> Alert:
    """Someone (a buddy by name, or a coordinator by email) said they are on it.

    What comes next (a buddy's follow-up, a coordinator's 24 hours) is set by the escalation.
    """
    if alert.state == AlertState.OPEN:
        alert.state = AlertState.ACKNOWLEDGED
        alert.acknowledged_at = now
        alert.acknowledged_by = by
        alert.acknowledged_member_id = member.id if member else None
        alert.acknowledged_coordinator_id = coordinator.id if coordinator else None
        alert.next_step_at = None
        alert.stale_at = None
    return alert


def resolve(session: Session, alert_id: int, coordinator: Coordinator, note: str, now: datetime) -> Alert:
    alert = session.get(Alert, alert_id)
    if alert is None or alert.community_id not in {c.id for c in coordinator.communities}:
        raise AlertError(f"no alert {alert_id} in your communities")
    if alert.state == AlertState.RESOLVED:
        raise AlertError(f"alert {alert_id} is already resolved")
    if not note.strip():
        raise AlertError("say in a note what was done")
    close(session, alert, now, note.strip(), coordinator=coordinator)
    return alert


def close(session: Session, alert: Alert, now: datetime, note: str, *, coordinator: Coordinator | None = None,
          member: Member | None = None) -> Alert:
    """Resolve ``alert`` with ``note``; every timer on it stops."""
    alert.state = AlertState.RESOLVED
    alert.resolved_at = now
    alert.resolved_by_id = coordinator.id if coordinator else None
    alert.resolution_note = note
    alert.next_step_at = None
    timeline.record(session, alert.id, "resolved", now, coordinator=coordinator, member=member, detail=note)
    return alert


def list_alerts(session: Session, *, community_id: int | None = None, only_open: bool = False) -> list[Alert]:
    query = select(Alert).order_by(Alert.opened_at.desc(), Alert.id.desc())
    if community_id is not None:
        query = query.where(Alert.community_id == community_id)
    if only_open:
        query = query.where(Alert.state != AlertState.RESOLVED)
    return list(session.scalars(query))
