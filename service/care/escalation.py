"""An alert's steps and their timeouts: alert the buddy, remind, hand off, page again, follow up.

The promise to members: when you say you are not OK, a person who knows you hears about it
within a minute, and if they cannot come, someone else does. Each step is a due time on the
alert row (``next_step_at``), swept by ``tick``, so an escalation survives any restart; a
sweep moves each due alert one step and sets its next due time in the same transaction, so
a second pass at the same moment finds nothing due and sends nothing more.

| step         | when it is due                         | what the sweep does                           |
|--------------|----------------------------------------|-----------------------------------------------|
| ALERTED      | half the community's delay             | reminds each buddy still waiting               |
| REMINDED     | the other half                         | hands the alert to the coordinators            |
| HANDED_OFF   | crisis: every N min (twice); support: 1 h (once) | pages the coordinators again       |
| FOLLOW_UP    | 09:00 next morning, buddy's own clock  | asks the buddy who said ON IT: DONE or HELP?   |
| FOLLOWED_UP  | 18:00 that evening, buddy's own clock  | hands the alert to the coordinators            |
| TAKEN        | 24 h after a coordinator took it       | marks it stale and reminds that coordinator once |

``ON IT`` from a buddy or *I'm on it* from a coordinator stops the paging; ``PASS``, a text that
cannot reach the buddy (``failed_texts``) or a buddy who leaves (``leaving``) moves it on at once.
The buddies' delay counts from when their alert could go out: a buddy is not woken at night.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.care import alert_words, timeline
from service.care.alerts import acknowledge, close, notify_coordinators
from service.care.buddies import first_names, reachable_buddies
from service.messaging.outbox import queue_for_member, queue_message, quiet_hours_for
from service.models import Alert, AlertKind, AlertNotice, AlertState, Coordinator, Lane, Member, OutboundMessage
from service.schedules import quiet_hours_end, zone

ALERTED, REMINDED, HANDED_OFF, FOLLOW_UP, FOLLOWED_UP, TAKEN = 0, 1, 2, 3, 4, 5
SHARED_REPLY_CHARS = 80
CRISIS_REPAGES = 2
SUPPORT_REPAGE_AFTER = timedelta(hours=1)
SUPPORT_REPAGES = 1
TAKEN_GOES_STALE = timedelta(hours=24)
FOLLOW_UP_AT = time(9, 0)  # the buddy's morning
HAND_OFF_AT = time(18, 0)  # the buddy's evening: no DONE by then and the coordinators take over
FOLLOW_UP_AT_LEAST = timedelta(hours=8)  # ON IT at 01:00 is followed up at 09:00, at 10:00 the next day
# Texts a buddy is asked to act on: when one cannot reach them, the alert moves past them.
ASKING_KINDS = frozenset({"buddy_alert", "buddy_alert_shared", "buddy_reminder", "buddy_follow_up"})

Answer = tuple[str | None, dict]


def _text_buddy(session: Session, alert: Alert, buddy: Member, template: str, context: dict, now: datetime,
                step: str) -> OutboundMessage | None:
    message = queue_for_member(session, buddy, template, template, context, now, lane=Lane.URGENT)
    timeline.record(session, alert.id, step, now, member=buddy, message=message)
    return message


def start(session: Session, alert: Alert, reply_text: str | None, now: datetime, dashboard_url: str) -> Answer:
    """A new support alert: to the buddies when there are any, else straight to the coordinators."""
    member = alert.member
    buddies = reachable_buddies(session, member)
    if not buddies:
        # An orphan: nobody to ask first, so no waiting.
        hand_off(session, alert, now, dashboard_url, why="no buddy to ask")
        return "support_coordinator", {"community": member.community.name}
    shared = reply_text and member.share_with_buddy
    first_send = now
    for buddy in buddies:
        session.add(AlertNotice(alert_id=alert.id, member_id=buddy.id, role="buddy", sent_at=now))
        context = {"member": member.first_name, "alert_id": alert.id}
        if shared:
            context["reply"] = reply_text[:SHARED_REPLY_CHARS]
        _text_buddy(session, alert, buddy, "buddy_alert_shared" if shared else "buddy_alert", context, now, "texted")
        first_send = max(first_send, quiet_hours_end(now, buddy.zone, quiet_hours_for(buddy)))
    delay = timedelta(minutes=member.community.escalation_minutes)
    alert.escalation_step = ALERTED
    alert.next_step_at = first_send + delay / 2
    return "support_buddy", {"buddy": first_names(buddies)}


def inform_buddies_of_crisis(session: Session, alert: Alert, now: datetime) -> None:
    """A crisis goes to coordinators, not buddies; a buddy hears only that the coordinators were alerted."""
    member = alert.member
    for buddy in reachable_buddies(session, member):
        session.add(AlertNotice(alert_id=alert.id, member_id=buddy.id, role="informed", sent_at=now))
        _text_buddy(session, alert, buddy, "buddy_crisis_notice", {"member": member.first_name}, now, "informed")


def _repage_interval(alert: Alert) -> timedelta:
    if alert.kind == AlertKind.CRISIS:
        return timedelta(minutes=alert.member.community.crisis_repage_minutes)
    return SUPPORT_REPAGE_AFTER


def _repages_allowed(alert: Alert) -> int:
    return CRISIS_REPAGES if alert.kind == AlertKind.CRISIS else SUPPORT_REPAGES


def hand_off(session: Session, alert: Alert, now: datetime, dashboard_url: str, *, why: str | None = None) -> None:
    """The coordinators have it now: every one with a phone is texted, and paged again if nobody takes it."""
    alert.state = AlertState.OPEN
    alert.acknowledged_at = alert.acknowledged_by = None
    alert.acknowledged_member_id = alert.acknowledged_coordinator_id = None
    alert.escalation_step = HANDED_OFF
    alert.repages = 0
    alert.next_step_at = now + _repage_interval(alert)
    timeline.record(session, alert.id, "handed_off", now, detail=why)
    notify_coordinators(session, alert, now, dashboard_url)


def _repage(session: Session, alert: Alert, now: datetime, dashboard_url: str) -> None:
    alert.repages += 1
    # On the grid of the first page (10 and 20 minutes), however late the tick that sends it.
    alert.next_step_at = alert.next_step_at + _repage_interval(alert) if alert.repages < _repages_allowed(alert) else None
    notify_coordinators(session, alert, now, dashboard_url, template="coordinator_repage", repage=True)


def _remind(session: Session, alert: Alert, now: datetime, dashboard_url: str) -> None:
    waiting = _waiting_notices(session, alert)
    if not waiting:
        # Everyone asked has passed, left or could not be reached: nobody to remind.
        hand_off(session, alert, now, dashboard_url, why="no buddy answered")
        return
    for notice in waiting:
        notice.reminded_at = now
        _text_buddy(session, alert, notice.member, "buddy_reminder", {"member": alert.member.first_name}, now, "reminded")
    alert.escalation_step = REMINDED
    alert.next_step_at = now + timedelta(minutes=alert.member.community.escalation_minutes) / 2


def _follow_up(session: Session, alert: Alert, now: datetime, dashboard_url: str) -> None:
    buddy = session.get(Member, alert.acknowledged_member_id) if alert.acknowledged_member_id else None
    if buddy is None:
        hand_off(session, alert, now, dashboard_url, why="the buddy on it is gone")
        return
    _text_buddy(session, alert, buddy, "buddy_follow_up", {"member": alert.member.first_name}, now, "follow_up")
    alert.escalation_step = FOLLOWED_UP
    alert.next_step_at = evening_after(now, buddy)


def _stale(session: Session, alert: Alert, now: datetime) -> None:
    alert.stale_at = now
    alert.next_step_at = None
    coordinator = session.get(Coordinator, alert.acknowledged_coordinator_id) if alert.acknowledged_coordinator_id else None
    message = None
    if coordinator is not None and coordinator.phone:
        member = alert.member
        message = queue_message(session, community=member.community, to_phone=coordinator.phone, kind="coordinator_stale",
                                template="coordinator_stale",
                                context={"name": coordinator.first_name, "member": member.name,
                                         "reason": alert_words.headline(alert)},
                                now=now, lane=Lane.URGENT, coordinator=coordinator)
    timeline.record(session, alert.id, "stale", now, coordinator=coordinator, message=message)


def sweep(session: Session, now: datetime, dashboard_url: str) -> list[Alert]:
    """Take every alert whose next step is due one step on (tick)."""
    due = list(session.scalars(
        select(Alert).where(Alert.state != AlertState.RESOLVED, Alert.next_step_at <= now)
        .order_by(Alert.next_step_at, Alert.id)
    ))
    for alert in due:
        step = alert.escalation_step
        if step == ALERTED:
            _remind(session, alert, now, dashboard_url)
        elif step == REMINDED:
            hand_off(session, alert, now, dashboard_url, why="no buddy said ON IT in time")
        elif step == HANDED_OFF and alert.state == AlertState.OPEN:
            _repage(session, alert, now, dashboard_url)
        elif step == FOLLOW_UP:
            _follow_up(session, alert, now, dashboard_url)
        elif step == FOLLOWED_UP:
            hand_off(session, alert, now, dashboard_url, why="the buddy did not say DONE by the evening")
        elif step == TAKEN:
            _stale(session, alert, now)
        else:
            alert.next_step_at = None
    return due


def _local_at(day, at: time, tz_name: str) -> datetime:
    return datetime.combine(day, at, tzinfo=zone(tz_name))


def morning_after(now: datetime, buddy: Member) -> datetime:
    """The buddy's next morning (09:00 their time, or when their quiet hours end), at least 8 hours away."""
    local = now.astimezone(zone(buddy.zone))
    morning = _local_at(local.date(), FOLLOW_UP_AT, buddy.zone)
    if morning - now < FOLLOW_UP_AT_LEAST:
        morning = _local_at(local.date() + timedelta(days=1), FOLLOW_UP_AT, buddy.zone)
    return quiet_hours_end(morning, buddy.zone, quiet_hours_for(buddy))


def evening_after(moment: datetime, buddy: Member) -> datetime:
    """18:00 on the buddy's clock the same day, or three hours on when that has passed."""
    evening = _local_at(moment.astimezone(zone(buddy.zone)).date(), HAND_OFF_AT, buddy.zone)
    return max(evening, moment + timedelta(hours=3))


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


def on_it_for(session: Session, buddy: Member) -> Alert | None:
    """The newest alert this buddy said ON IT to and that is still open."""
    return session.scalar(
        select(Alert).where(Alert.acknowledged_member_id == buddy.id, Alert.state == AlertState.ACKNOWLEDGED)
        .order_by(Alert.acknowledged_at.desc(), Alert.id.desc()).limit(1)
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
    timeline.record(session, alert.id, notice.answer, now, member=buddy)
    if on_it:
        acknowledge(session, alert, buddy.name, now, member=buddy)
        alert.escalation_step = FOLLOW_UP
        alert.next_step_at = morning_after(now, buddy)
        _text_member(session, alert, member, "member_buddy_on_it", {"buddy": buddy.first_name}, now)
        return "buddy_ack", {"member": member.first_name}
    if not _waiting_notices(session, alert) and alert.escalation_step != HANDED_OFF:
        hand_off(session, alert, now, dashboard_url, why=f"{buddy.first_name} said PASS")
    return "buddy_pass_ack", {"member": member.first_name}


def _text_member(session: Session, alert: Alert, member: Member, template: str, context: dict, now: datetime) -> None:
    message = queue_for_member(session, member, template, template, context, now, lane=Lane.URGENT)
    if message is not None:
        timeline.record(session, alert.id, "texted", now, member=member, message=message)


def buddy_done(session: Session, buddy: Member, now: datetime) -> Answer | None:
    """DONE from a buddy on an alert: it is resolved, with a note saying so."""
    alert = on_it_for(session, buddy)
    if alert is None:
        return None
    member = alert.member
    timeline.record(session, alert.id, "done", now, member=buddy)
    close(session, alert, now, f"{buddy.name} said DONE: they reached {member.first_name}", member=buddy)
    return "buddy_done_thanks", {"member": member.first_name}


def buddy_needs_help(session: Session, buddy: Member, now: datetime, dashboard_url: str) -> Answer | None:
    """HELP from a buddy who was asked whether they reached the member: the coordinators take over."""
    alert = on_it_for(session, buddy)
    if alert is None or alert.escalation_step != FOLLOWED_UP:
        return None
    timeline.record(session, alert.id, "help", now, member=buddy)
    hand_off(session, alert, now, dashboard_url, why=f"{buddy.first_name} asked for help")
    return "buddy_help_handoff", {"member": alert.member.first_name, "community": alert.member.community.name}


def coordinator_takes(session: Session, alert: Alert, coordinator: Coordinator, now: datetime) -> None:
    """*I'm on it* from the dashboard: the paging stops, the 24 hours start, and those told hear so."""
    if alert.state != AlertState.OPEN:
        return
    acknowledge(session, alert, coordinator.email, now, coordinator=coordinator)
    alert.escalation_step = TAKEN
    alert.next_step_at = now + TAKEN_GOES_STALE
    timeline.record(session, alert.id, "taken", now, coordinator=coordinator)
    for notice in session.scalars(select(AlertNotice).where(AlertNotice.alert_id == alert.id)):
        if notice.coordinator_id == coordinator.id and notice.answer is None:
            notice.answer, notice.answered_at = "on_it", now
        elif notice.role == "informed" and notice.member is not None and alert.kind == AlertKind.CRISIS:
            # Only now is it true that a coordinator is in touch.
            _text_buddy(session, alert, notice.member, "buddy_crisis_taken", {"member": alert.member.first_name}, now,
                        "texted")


def all_clear(session: Session, member: Member, alert: Alert | None, now: datetime) -> Alert | None:
    """The member checked in with a good reading: close their support alert (``alert``, the
    unresolved one, loaded with their text) and tell everyone alerted."""
    if alert is None:
        return None
    close(session, alert, now, f"all clear: {member.first_name} checked in and is doing better")
    for notice in session.scalars(select(AlertNotice).where(AlertNotice.alert_id == alert.id)):
        if notice.member is not None and notice.role == "buddy":
            if notice.answer in ("undelivered", "left"):
                continue  # moved past them: nothing more about it
            _text_buddy(session, alert, notice.member, "all_clear", {"member": member.first_name}, now, "texted")
        elif notice.coordinator is not None and notice.coordinator.phone:
            queue_message(session, community=member.community, to_phone=notice.coordinator.phone, kind="all_clear",
                          template="all_clear", context={"name": notice.coordinator.first_name, "member": member.name},
                          now=now, lane=Lane.URGENT, coordinator=notice.coordinator)
    return alert
