"""Erasing what members wrote once a community's retention period has passed.

The words go; the scores, flags and times stay, so trends and alerts keep their history.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.models import Community, InboundMessage, Member, OutboundMessage


def erase_old_bodies(session: Session, now: datetime) -> int:
    erased = 0
    for community_id, days in session.execute(select(Community.id, Community.retention_days)):
        cutoff = now - timedelta(days=days)
        members = select(Member.id).where(Member.community_id == community_id).scalar_subquery()
        erased += session.execute(
            update(InboundMessage)
            .where(InboundMessage.member_id.in_(members), InboundMessage.received_at < cutoff, InboundMessage.body.is_not(None))
            .values(body=None)
            .execution_options(synchronize_session=False)
        ).rowcount
        # Our own texts can quote theirs (a shared reply, a relay): erased on the same terms.
        session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.community_id == community_id, OutboundMessage.created_at < cutoff,
                   OutboundMessage.body.is_not(None))
            .values(body=None, context={})
            .execution_options(synchronize_session=False)
        )
    return erased
