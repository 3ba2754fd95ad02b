"""The human net: replies in words that raised no alert wait until a coordinator reads them.

No reader catches everything a person would: indirect talk has no fixed list of phrases. So
every free-text reply (words, not only a number) that opened no alert is kept on the Now page
with the member's own words until a coordinator marks it read -- one at a time or all at
once -- and each marking goes to the audit log (by the dashboard, which knows who and where).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from service.models import Community, Coordinator, InboundMessage, Member

# A reply made only of these says a number, not something a person needs to read.
NUMBER_WORDS = frozenset({
    "one", "two", "three", "four", "five", "out", "of",
    "uno", "dos", "tres", "cuatro", "cinco", "de",
})
_WORD = re.compile(r"[^\W\d_]+")


def is_free_text(body: str | None) -> bool:
    """Whether a reply has words in it ("4, long day"), not only a number ("4", "3/5", "cuatro")."""
    folded = unicodedata.normalize("NFKD", body or "").lower()
    return any(word not in NUMBER_WORDS for word in _WORD.findall(folded))


def keep_for_reading(reply: InboundMessage) -> bool:
    """Put a reply that raised no alert on the Unread list, if it has words; True if it is there."""
    if is_free_text(reply.body) and reply.read_at is None:
        reply.awaits_reading = True
    return reply.awaits_reading


def _unread(community: Community):
    return (select(InboundMessage).join(Member, Member.id == InboundMessage.member_id)
            .where(Member.community_id == community.id, InboundMessage.awaits_reading.is_(True)))


def waiting(session: Session, community: Community, limit: int | None = None) -> list[InboundMessage]:
    """The community's unread replies, the longest-waiting first (the first ``limit`` of them)."""
    return list(session.scalars(
        _unread(community).options(selectinload(InboundMessage.member))
        .order_by(InboundMessage.received_at, InboundMessage.id).limit(limit)
    ))


def count_waiting(session: Session, community: Community) -> int:
    return session.scalar(select(func.count()).select_from(_unread(community).subquery()))


def mark_read(replies: Iterable[InboundMessage], coordinator: Coordinator, now: datetime) -> list[InboundMessage]:
    """Mark ``replies`` read by ``coordinator``; returns those that were still unread."""
    marked = []
    for reply in replies:
        if reply.awaits_reading:
            reply.awaits_reading = False
            reply.read_at = now
            reply.read_by_id = coordinator.id
            marked.append(reply)
    return marked
