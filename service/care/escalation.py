"""The buddy path of a support alert: alert the buddy, remind once, hand off, all clear.

The promise to members: when you say you are not OK, a person who knows you hears about it
within a minute, and if they cannot come, someone else does. Each step is a due time on the
alert row (``next_step_at``), swept by ``tick``, so an escalation survives any restart.

Steps: 0 buddy alerted → (half the delay) 1 buddy reminded → (the delay) 2 handed to the
coordinators. ``ON IT`` stops the clock; ``PASS`` hands off at once. The delay counts from
when the buddy's alert could go out: a buddy is not woken in their quiet hours.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.care.alerts import acknowledge, notify_coordinators
from service.care.buddies import first_names, reachable_buddies
from service.messaging.outbox import queue_for_member, queue_message, quiet_hours_for
from service.models import Alert, AlertKind, AlertNotice, AlertState, Lane, Member
from service.schedules import quiet_hours_end

ALERTED, REMINDED, HANDED_OFF = 0, 1, 2
SHARED_REPLY_CHARS = 80

Answer = tuple[str | None, dict]


def _queue_urgent(session: Session, member: Member, template: str, context: dict, now: datetime) -> None:
    queue_for_member(session, member, template, template, context, now, lane=Lane.URGENT)


def start(session: Session, alert: Alert, reply_text: str | None, now: datetime, dashboard_url: str) -> Answer:
    """A new support alert: to the buddies when there are any, else straight to the coordinators."""
    member = alert.member
    buddies = reachable_buddies(session, member)
    if not buddies:
        # An orphan: nobody to ask first, so no waiting.
        hand_off(session, alert, now, dashboard_url)
        return "support_coordinator", {"community": member.community.name}
    shared = reply_text and member.share_with_buddy
    first_send = now
    for buddy in buddies:
        session.add(AlertNotice(alert_id=alert.id, member_id=buddy.id, role="buddy", sent_at=now))
        context = {"member": member.first_name, "alert_id": alert.id}
        if shared:
            context["reply"] = reply_text[:SHARED_REPLY_CHARS]
        _queue_urgent(session, buddy, "buddy_alert_shared" if shared else "buddy_alert", context, now)
        first_send = max(first_send, quiet_hours_end(now, buddy.zone, quiet_hours_for(buddy)))
    delay = timedelta(minutes=member.community.escalation_minutes)
    alert.escalation_step = ALERTED
    alert.next_step_at = first_send + delay / 2
    return "support_buddy", {"buddy": first_names(buddies)}


def inform_buddies_of_crisis(session: Session, alert: Alert, now: datetime) -> None:
    """A crisis goes to coordinators, not buddies; the buddy only hears that someone is in touch."""
    member = alert.member
    for buddy in reachable_buddies(session, member):
        session.add(AlertNotice(alert_id=alert.id, member_id=buddy.id, role="informed", sent_at=now))
        _queue_urgent(session, buddy, "buddy_crisis_notice", {"member": member.first_name}, now)


def hand_off(session: Session, alert: Alert, now: datetime, dashboard_url: str) -> None:
    alert.escalation_step = HANDED_OFF
    alert.next_step_at = None
    notify_coordinators(session, alert, now, dashboard_url)


def sweep(session: Session, now: datetime, dashboard_url: str) -> list[Alert]:
    """Take every alert whose next step is due one step on (tick)."""
    due = list(session.scalars(
        select(Alert).where(Alert.state == AlertState.OPEN, Alert.next_step_at <= now).order_by(Alert.next_step_at)
    ))
    for alert in due:
        if alert.escalation_step == ALERTED:
            for notice in _waiting_notices(session, alert):
                notice.reminded_at = now
                _queue_urgent(session, notice.member, "buddy_reminder", {"member": alert.member.first_name}, now)
            alert.escalation_step = REMINDED
            alert.next_step_at = now + timedelta(minutes=alert.member.community.escalation_minutes) / 2
        else:
            hand_off(session, alert, now, dashboard_url)
    return due


def _waiting_notices(session: Session, alert: Alert) -> list[AlertNotice]:
    return list(session.scalars(
        select(AlertNotice).where(AlertNotice.alert_id == alert.id, AlertNotice.role == "buddy", AlertNotice.answer.is_(None))
    ))


def waiting_notice_for(session: Session, buddy: Member) -> AlertNotice | None:
    """The newest alert this buddy was asked about and has not answered, if any."""
    return session.scalar(
        select(AlertNotice).join(Alert, Alert.id == AlertNotice.alert_id)
        .where(AlertNotice.member_id == buddy.id, AlertNotice.role == "buddy", AlertNotice.answer.is_(None),
               Alert.state == AlertState.OPEN, Alert.kind == AlertKind.SUPPORT)
        .order_by(AlertNotice.sent_at.desc(), AlertNotice.id.desc()).limit(1)
    )


def buddy_answers(session: Session, buddy: Member, on_it: bool, now: datetime, dashboard_url: str) -> Answer | None:
    """ON IT or PASS from a buddy with an alert to answer; None when they have none."""
    notice = waiting_notice_for(session, buddy)
    if notice is None:
        return None
    alert = session.get(Alert, notice.alert_id)
    member = alert.member
    notice.answer = "on_it" if on_it else "pass"
    notice.answered_at = now
    if on_it:
        acknowledge(session, alert, buddy.name, now)
        _queue_urgent(session, member, "member_buddy_on_it", {"buddy": buddy.first_name}, now)
        return "buddy_ack", {"member": member.first_name}
    if not _waiting_notices(session, alert) and alert.escalation_step != HANDED_OFF:
        hand_off(session, alert, now, dashboard_url)
    return "buddy_pass_ack", {"member": member.first_name}


def all_clear(session: Session, member: Member, now: datetime) -> Alert | None:
    """The member checked in with a good reading: close their support alert and tell everyone alerted."""
    alert = session.scalar(
        select(Alert).where(Alert.member_id == member.id, Alert.kind == AlertKind.SUPPORT, Alert.state != AlertState.RESOLVED)
    )
    if alert is None:
        return None
    alert.state = AlertState.RESOLVED
    alert.resolved_at = now
    alert.next_step_at = None
    alert.resolution_note = f"all clear: {member.first_name} checked in and is doing better"
    for notice in session.scalars(select(AlertNotice).where(AlertNotice.alert_id == alert.id)):
        if notice.member is not None and notice.role == "buddy":
            _queue_urgent(session, notice.member, "all_clear", {"member": member.first_name}, now)
        elif notice.coordinator is not None and notice.coordinator.phone:
            queue_message(session, community=member.community, to_phone=notice.coordinator.phone, kind="all_clear",
                          template="all_clear", context={"name": notice.coordinator.first_name, "member": member.name},
                          now=now, lane=Lane.URGENT, coordinator=notice.coordinator)
    return alert
