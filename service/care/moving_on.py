"""Moving an alert past a buddy who cannot help with it: their text failed, or they left.

Once an alert has moved past a buddy, nothing more is sent to them about it: their notice
is answered ("undelivered" or "left"), texts still waiting to reach them about it are
cancelled, and the alert goes to its next step at once (the other buddies of a trio, then
the coordinators).

A buddy who *leaves* (STOP, BUDDY OFF, a number that cannot take texts) also leaves their
group, so their partner is an orphan at once and is paired anew at the next opportunity
(another orphan joining, or the next rotation). A buddy who pauses keeps their group.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.care import buddies, escalation, timeline
from service.care.carrier_words import carrier_reason
from service.models import Alert, AlertEvent, AlertNotice, AlertState, Member, MemberStatus, MessageState, OutboundMessage

LEFT_WORDS = {
    "stop": "they texted STOP",
    "buddy_off": "they texted BUDDY OFF",
    "pause": "they paused their check-ins",
    "unreachable": "their number cannot take texts",
    "opted_out": "they stopped at the carrier",
}


def move_past(session: Session, alert: Alert, buddy: Member, answer: str, now: datetime, dashboard_url: str, *,
              code: int | None = None, why: str) -> bool:
    """Take ``alert`` past ``buddy``; True when it moved to its next step."""
    # Two buddies' texts failing at once (two workers, or a worker and its urgent lane) must not
    # each see the other still waiting and both leave the alert where it is: one at a time.
    session.flush()
    session.refresh(alert, with_for_update=True)
    for notice in session.scalars(select(AlertNotice).where(AlertNotice.alert_id == alert.id,
                                                           AlertNotice.member_id == buddy.id,
                                                           AlertNotice.answer.is_(None))):
        notice.answer, notice.answered_at, notice.undelivered_code = answer, now, code
    _cancel_waiting_texts(session, alert, buddy, now)
    if alert.state == AlertState.ACKNOWLEDGED and alert.acknowledged_member_id == buddy.id:
        escalation.hand_off(session, alert, now, dashboard_url, why=why)
        return True
    if alert.state == AlertState.OPEN and alert.escalation_step in (escalation.ALERTED, escalation.REMINDED):
        still_waiting = session.scalar(select(AlertNotice.id).where(
            AlertNotice.alert_id == alert.id, AlertNotice.role == "buddy", AlertNotice.answer.is_(None)).limit(1))
        if still_waiting is None:
            escalation.hand_off(session, alert, now, dashboard_url, why=why)
            return True
    return False


def _cancel_waiting_texts(session: Session, alert: Alert, buddy: Member, now: datetime) -> None:
    about_it = select(AlertEvent.message_id).where(AlertEvent.alert_id == alert.id, AlertEvent.member_id == buddy.id,
                                                   AlertEvent.message_id.is_not(None))
    session.execute(
        update(OutboundMessage)
        .where(OutboundMessage.id.in_(about_it), OutboundMessage.state == MessageState.QUEUED)
        .values(state=MessageState.CANCELLED, status_at=now)
        .execution_options(synchronize_session=False)
    )


def text_failed(session: Session, message: OutboundMessage, now: datetime, dashboard_url: str) -> Alert | None:
    """A text about an alert did not reach its buddy: a step of its own, and the alert moves on.

    Called for every failure a carrier reports, the passing ones too (a phone that is off now
    may be on within the hour, but the member needs someone now). Idempotent per message.
    """
    sent_as = session.scalar(select(AlertEvent).where(AlertEvent.message_id == message.id,
                                                      AlertEvent.member_id.is_not(None)).limit(1))
    if sent_as is None or sent_as.member is None:
        return None
    already = session.scalar(select(AlertEvent.id).where(AlertEvent.message_id == message.id,
                                                         AlertEvent.what == "undelivered").limit(1))
    if already is not None:
        return None
    alert = session.get(Alert, sent_as.alert_id)
    buddy = sent_as.member
    reason = carrier_reason(message.error_code)
    timeline.record(session, alert.id, "undelivered", now, member=buddy, message=message, detail=reason)
    if message.kind not in escalation.ASKING_KINDS:
        return alert
    if message.state == MessageState.QUEUED:
        # A retry is pending, but the alert has moved on: the buddy is not asked about it again.
        message.state = MessageState.CANCELLED
        message.status_at = now
    if alert.is_open:
        move_past(session, alert, buddy, "undelivered", now, dashboard_url, code=message.error_code,
                  why=f"the text to {buddy.first_name} was not delivered ({reason})")
    return alert


def after_failure(session: Session, message_id: int, now: datetime, dashboard_url: str) -> None:
    """After a send or a status callback failed: the alert it was about moves on, and a member
    the carrier says cannot take texts (or stopped) leaves the buddies they were helping."""
    message = session.get(OutboundMessage, message_id)
    if message is None or message.error_code is None:
        return
    if message.state in (MessageState.QUEUED, MessageState.FAILED, MessageState.UNDELIVERED, MessageState.CANCELLED):
        text_failed(session, message, now, dashboard_url)
    member = message.member
    if member is not None and member.status in (MemberStatus.UNREACHABLE, MemberStatus.OPTED_OUT):
        member_left(session, member, now, dashboard_url,
                    "unreachable" if member.status == MemberStatus.UNREACHABLE else "opted_out")


def member_left(session: Session, member: Member, now: datetime, dashboard_url: str, how: str) -> None:
    """``member`` stopped, paused, turned buddies off or cannot be reached: every alert they were
    asked about or on moves on now, and (unless they only paused) their partner is an orphan."""
    why = f"{member.first_name}: {LEFT_WORDS.get(how, how)}"
    asked = select(AlertNotice.alert_id).where(AlertNotice.member_id == member.id, AlertNotice.role == "buddy",
                                               AlertNotice.answer.is_(None))
    alerts = session.scalars(
        select(Alert).where(Alert.state != AlertState.RESOLVED,
                            (Alert.id.in_(asked)) | (Alert.acknowledged_member_id == member.id))
        .order_by(Alert.id)
    ).all()
    for alert in alerts:
        timeline.record(session, alert.id, "left", now, member=member, detail=LEFT_WORDS.get(how, how))
        move_past(session, alert, member, "left", now, dashboard_url, why=why)
    if how != "pause":
        buddies.leave_groups(session, member, now)
