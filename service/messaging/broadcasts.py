"""Broadcasts: one message to a community, or to part of it, sent under the usual rules.

Each recipient's text is queued with ``queue_for_member`` (kind and template "broadcast"),
so opted-out, invited and unreachable members are skipped, quiet hours hold the text until
the member's morning, and the workers pace the sending. A broadcast is recorded as an audit
line ("broadcast.send"); that line's id is the broadcast's id, kept in each message's
context, and its progress is the count of those messages by delivery state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service import audit
from service.messaging.outbox import may_receive, queue_for_member
from service.messaging.sms_text import LANGUAGES, render, sms_info
from service.models import AuditEvent, Community, Coordinator, Member, MemberStatus, MessageState, OutboundMessage

KIND = "broadcast"
ACTION = "broadcast.send"
MAX_SEGMENTS = 4  # a broadcast is a note, not a newsletter: four segments is ~600 characters
# Who a broadcast may be addressed to: only these statuses can receive one at all.
STATUSES = (MemberStatus.ACTIVE, MemberStatus.PAUSED)


class BroadcastError(ValueError):
    """A broadcast cannot be sent as written; the message says why."""


@dataclass(frozen=True)
class Audience:
    """Which members: by status (active, paused or both) and language (None: every language)."""

    statuses: tuple[MemberStatus, ...] = STATUSES
    language: str | None = None

    @classmethod
    def parse(cls, statuses: list[str] | tuple[str, ...], language: str | None) -> Audience:
        chosen = []
        for value in statuses:
            try:
                status = MemberStatus(value)
            except ValueError:
                raise BroadcastError(f"{value!r} is not a member status") from None
            if status not in STATUSES:
                raise BroadcastError(f"members who are {status.value.replace('_', ' ')} cannot get a broadcast")
            chosen.append(status)
        if not chosen:
            raise BroadcastError("choose who gets it: active members, paused members, or both")
        language = (language or "").strip().lower() or None
        if language is not None and language not in LANGUAGES:
            raise BroadcastError(f"unsupported language {language!r} (use one of {', '.join(LANGUAGES)})")
        return cls(tuple(dict.fromkeys(chosen)), language)

    def to_dict(self) -> dict:
        return {"statuses": [s.value for s in self.statuses], "language": self.language}


@dataclass(frozen=True)
class Preview:
    text: str  # as a member will read it, with the community's name in front
    encoding: str
    segments: int
    characters: int
    remaining_in_segment: int
    recipients: int


@dataclass
class Progress:
    total: int = 0
    by_state: dict[str, int] = field(default_factory=dict)
    held: int = 0  # queued, waiting for quiet hours to end

    def count(self, *states: MessageState) -> int:
        return sum(self.by_state.get(state.value, 0) for state in states)

    @property
    def waiting(self) -> int:
        return self.count(MessageState.QUEUED, MessageState.SENDING)

    @property
    def sent(self) -> int:
        return self.count(MessageState.SENT, MessageState.DELIVERED)

    @property
    def delivered(self) -> int:
        return self.count(MessageState.DELIVERED)

    @property
    def failed(self) -> int:
        return self.count(MessageState.FAILED, MessageState.UNDELIVERED)

    @property
    def cancelled(self) -> int:
        return self.count(MessageState.CANCELLED)

    @property
    def finished(self) -> bool:
        return self.waiting == 0


def recipients(session: Session, community: Community, audience: Audience) -> list[Member]:
    query = select(Member).where(Member.community_id == community.id, Member.status.in_(audience.statuses))
    if audience.language:
        query = query.where(Member.language == audience.language)
    return [m for m in session.scalars(query.order_by(Member.id)) if may_receive(m, KIND)]


def _as_sent(community: Community, text: str, language: str = "en") -> str:
    return render("broadcast", language, community=community.name, text=text)


def preview(session: Session, community: Community, text: str, audience: Audience) -> Preview:
    sent = _as_sent(community, text) if text.strip() else ""
    info = sms_info(sent)
    return Preview(sent, info.encoding, info.segments, info.characters, info.remaining_in_segment,
                   len(recipients(session, community, audience)))


def check_text(community: Community, text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise BroadcastError("write the message first")
    segments = sms_info(_as_sent(community, text)).segments
    if segments > MAX_SEGMENTS:
        raise BroadcastError(f"the message is {segments} texts long; keep it to {MAX_SEGMENTS} or fewer")
    return text


def send(session: Session, community: Community, coordinator: Coordinator, text: str, audience: Audience,
         now: datetime, *, address: str | None = None) -> AuditEvent:
    """Queue the broadcast for every member of ``audience``; returns its record (id = broadcast id)."""
    text = check_text(community, text)
    members = recipients(session, community, audience)
    if not members:
        raise BroadcastError("nobody in this community matches: no broadcast was sent")
    event = audit.record(session, coordinator, ACTION, f"community:{community.id}",
                         {"text": text, "audience": audience.to_dict(), "recipients": len(members)},
                         address, now, community_id=community.id)
    session.flush()
    for member in members:
        queue_for_member(session, member, KIND, "broadcast",
                         {"community": community.name, "text": text, "broadcast": event.id}, now)
    return event


def find(session: Session, community: Community, broadcast_id: int) -> AuditEvent | None:
    event = session.get(AuditEvent, broadcast_id)
    if event is None or event.action != ACTION or event.community_id != community.id:
        return None
    return event


def history(session: Session, community: Community, limit: int = 20) -> list[AuditEvent]:
    return list(session.scalars(
        select(AuditEvent).where(AuditEvent.community_id == community.id, AuditEvent.action == ACTION)
        .order_by(AuditEvent.id.desc()).limit(limit)
    ))


def progress(session: Session, broadcast: AuditEvent, now: datetime) -> Progress:
    """Counts of the broadcast's messages by delivery state, and how many wait for the morning."""
    mine = (
        OutboundMessage.community_id == broadcast.community_id,
        OutboundMessage.kind == KIND,
        OutboundMessage.context["broadcast"].as_integer() == broadcast.id,
    )
    result = Progress()
    for state, count in session.execute(select(OutboundMessage.state, func.count()).where(*mine).group_by(OutboundMessage.state)):
        result.by_state[MessageState(state).value] = count
        result.total += count
    result.held = session.scalar(
        select(func.count()).select_from(OutboundMessage).where(
            *mine, OutboundMessage.state == MessageState.QUEUED, OutboundMessage.not_before > now)
    ) or 0
    return result
