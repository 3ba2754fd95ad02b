"""Erasing what members wrote once a community's retention period has passed.

The words go — message bodies, and the reasons of a reading, which quote them — while the
scores, flags and times stay, so trends and alerts keep their history.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.models import Alert, CheckIn, Community, InboundMessage, Member, OutboundMessage, SafetyQuestion

ERASED = "(erased after the retention period)"


def without_words(reading: dict | None) -> dict | None:
    """A reading with its quoting reasons replaced: score and flags are kept."""
    if not reading or "reasons" not in reading:
        return reading
    return {**reading, "reasons": [ERASED]}


def erase_old_bodies(session: Session, now: datetime) -> int:
    erased = 0
    for community_id, days in session.execute(select(Community.id, Community.retention_days)):
        cutoff = now - timedelta(days=days)
        # A join, not ``member_id IN (the community's members)``: SQLite builds that list from
        # every member of the community on every tick, a hundred thousand ids to find none.
        old = session.scalars(
            select(InboundMessage)
            .join(Member, Member.id == InboundMessage.member_id)
            .where(Member.community_id == community_id, InboundMessage.received_at < cutoff,
                   InboundMessage.body.is_not(None))
        ).all()
        for message in old:
            message.body = None
            message.reading = without_words(message.reading)
        checkin_ids = [m.checkin_id for m in old if m.checkin_id is not None]
        for checkin in session.scalars(select(CheckIn).where(CheckIn.id.in_(checkin_ids))):
            checkin.reading = without_words(checkin.reading)
        for alert in session.scalars(select(Alert).where(Alert.community_id == community_id, Alert.opened_at < cutoff)):
            if alert.reading and alert.reading.get("reasons") != [ERASED]:
                alert.reading = without_words(alert.reading)
                alert.signals = [{**signal, "reading": without_words(signal.get("reading"))} for signal in alert.signals]
        for question in session.scalars(select(SafetyQuestion).where(SafetyQuestion.community_id == community_id,
                                                                      SafetyQuestion.asked_at < cutoff)):
            if question.reading and question.reading.get("reasons") != [ERASED]:
                question.reading = without_words(question.reading)
        erased += len(old)
        # Our own texts can quote theirs (a shared reply, a relay): erased on the same terms.
        session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.community_id == community_id, OutboundMessage.created_at < cutoff,
                   OutboundMessage.body.is_not(None))
            .values(body=None, context={})
            .execution_options(synchronize_session=False)
        )
    return erased
