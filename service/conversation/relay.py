"""Relay: a member texts their buddy through the service number, without sharing numbers.

A text starting with ``@buddy`` (or ``@`` and the buddy's first name) goes to the buddy with
the sender's first name; the buddy answers the same way. Off by default per community:
carriers treat person-to-person traffic on an application number differently (it is no
longer purely the program the member opted in to), so a community turns it on knowingly.
It respects STOP (only reachable buddies), quiet hours (relayed texts wait for morning) and
a buddy's PASS on an open alert about the sender.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.care.buddies import reachable_buddies
from service.messaging.outbox import queue_for_member
from service.models import Alert, AlertNotice, AlertState, Member

MAX_RELAY_CHARS = 200


def _passed_on(session: Session, buddy: Member, member: Member) -> bool:
    return session.scalar(
        select(AlertNotice.id).join(Alert, Alert.id == AlertNotice.alert_id)
        .where(AlertNotice.member_id == buddy.id, AlertNotice.answer == "pass", Alert.member_id == member.id,
               Alert.state != AlertState.RESOLVED)
    ) is not None


def addressed_to_a_buddy(member: Member, body: str | None) -> bool:
    """Whether ``body`` is written as a relay ("@buddy ...") in a community that relays."""
    return member.community.relay_enabled and (body or "").strip().startswith("@")


def relay(session: Session, member: Member, body: str, now: datetime) -> bool:
    """Relay ``body`` if it is addressed to a buddy and the community allows it; True if relayed."""
    if not addressed_to_a_buddy(member, body):
        return False
    address, _, message = (body or "").strip()[1:].partition(" ")
    message = message.strip()
    if not message:
        return False
    buddies = [b for b in reachable_buddies(session, member) if not _passed_on(session, b, member)]
    if address.lower() != "buddy":
        buddies = [b for b in buddies if b.first_name.lower() == address.lower()]
    for buddy in buddies:
        queue_for_member(session, buddy, "relay", "relay",
                         {"sender": member.first_name, "text": message[:MAX_RELAY_CHARS]}, now)
    return bool(buddies)
