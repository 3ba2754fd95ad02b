"""The audit log: every coordinator action, and every time one read a member's messages.

``record`` adds one row to the caller's session, so an action and its audit line commit (or
roll back) together. Actions are dotted words ("alert.resolve", "member.view_messages");
"denied" is an attempt to reach another community's member, alert or page.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from service.models import AuditEvent, Community, Coordinator
from service.models.community import coordinator_communities
from service.telemetry import events

MAX_TARGET = 120
MAX_ADDRESS = 64

# What each action means, in the dashboard's words.
ACTION_WORDS = {
    "auth.sign_in": "signed in",
    "auth.sign_in_failed": "failed to sign in",
    "auth.sign_out": "signed out",
    "auth.password_change": "changed their password",
    "alert.acknowledge": "said they are on an alert",
    "alert.resolve": "resolved an alert",
    "reply.read": "marked a reply read",
    "reply.read_all": "marked unread replies read",
    "member.add": "added a member",
    "member.import": "imported members",
    "member.export": "exported the member list",
    "member.edit": "changed a member's details",
    "member.pause": "paused a member's check-ins",
    "member.resume": "resumed a member's check-ins",
    "member.change_buddy": "changed a member's buddy",
    "member.message": "texted a member",
    "member.view_messages": "read a member's messages",
    "buddies.apply": "made new buddy pairs",
    "buddies.never_add": "added a never-pair rule",
    "buddies.never_remove": "removed a never-pair rule",
    "broadcast.send": "sent a broadcast",
    "settings.update": "changed the community settings",
    "denied": "was refused a page outside their communities",
}


def record(session: Session, coordinator: Coordinator | None, action: str, target: str | None, detail: dict | None,
           address: str | None, now: datetime, *, community_id: int | None = None) -> AuditEvent:
    """Add one audit line to ``session``; it commits with the action it describes."""
    event = AuditEvent(
        coordinator_id=coordinator.id if coordinator is not None else None,
        community_id=community_id,
        action=action,
        target=target[:MAX_TARGET] if target else None,
        detail=detail or {},
        address=address[:MAX_ADDRESS] if address else None,
        at=now,
    )
    session.add(event)
    events.audited(session, event)
    return event


def events_for(session: Session, community: Community, *, before_id: int | None = None, limit: int = 100,
               action: str | None = None) -> list[AuditEvent]:
    """The community's audit lines, newest first: its own, and its coordinators' sign-ins and refusals."""
    coordinators = select(coordinator_communities.c.coordinator_id).where(
        coordinator_communities.c.community_id == community.id
    )
    query = (
        select(AuditEvent)
        .where(or_(AuditEvent.community_id == community.id,
                   AuditEvent.community_id.is_(None) & AuditEvent.coordinator_id.in_(coordinators)))
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    )
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    if action:
        query = query.where(AuditEvent.action == action)
    return list(session.scalars(query))


def describe(action: str) -> str:
    return ACTION_WORDS.get(action, action.replace(".", " ").replace("_", " "))
