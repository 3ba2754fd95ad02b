"""The safety path: what a reading, a silence or a trend sets in motion.

- **Crisis**: resources in the webhook's own answer, whatever the hour; an urgent alert and
  an SMS to every coordinator at once, repeated while nobody takes it. Crisis alerts never go
  to buddies: a buddy only hears that the coordinators were alerted (and, once one takes it,
  that a coordinator is in touch).
- **Support** (a score of 1-2, or asking for support): a support alert on the buddy path
  (``service.care.escalation``); the member is told who will be in touch.
- **Silence**: after N missed check-ins in a row one gentle nudge; after one more, an alert.
- **Trend**: three low scores in a row, or a drop of two points below the member's own
  recent average, opens a support alert without alarming the member.
- **All clear**: a good reading closes the member's support alert and tells everyone alerted.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.care import alert_words, escalation
from service.care.alerts import open_alert
from service.care.buddies import first_names, reachable_buddies
from service.clock import as_utc
from service.messaging.outbox import queue_for_member
from service.messaging.sms_text import render
from service.models import (
    Alert,
    AlertKind,
    AlertNotice,
    AlertReason,
    AlertState,
    CheckIn,
    CheckInStatus,
    InboundMessage,
    Member,
    MemberStatus,
)
from service.reading import Reading

Answer = tuple[str | None, dict]
TREND_WINDOW = 5
CRISIS_RENOTIFY_AFTER = timedelta(hours=1)


def crisis_resources(member: Member) -> str:
    return member.community.crisis_resources or render("crisis_resources", member.language)


def on_crisis(session: Session, member: Member, inbound: InboundMessage, reading: Reading, now: datetime,
              dashboard_url: str, *, concerns: list[str] | None = None) -> Answer:
    opened = open_alert(session, member, AlertKind.CRISIS, AlertReason.CRISIS, now, reading=reading.to_dict(), inbound=inbound,
                        concerns=concerns)
    if opened.created:
        escalation.hand_off(session, opened.alert, now, dashboard_url, why="a crisis goes to the coordinators")
        escalation.inform_buddies_of_crisis(session, opened.alert, now)
    elif needs_new_notice(session, opened.alert, now):
        # A new crisis text on an alert someone already took, or told of a while ago: tell them again.
        escalation.hand_off(session, opened.alert, now, dashboard_url, why="another crisis text")
    # The resources go back every time: someone in crisis is never met with silence.
    return "crisis", {"resources": crisis_resources(member)}


def needs_new_notice(session: Session, alert: Alert, now: datetime) -> bool:
    if alert.state == AlertState.ACKNOWLEDGED:
        return True
    last = session.scalar(
        select(func.max(AlertNotice.sent_at)).where(AlertNotice.alert_id == alert.id, AlertNotice.role == "coordinator")
    )
    return last is None or as_utc(last) <= now - CRISIS_RENOTIFY_AFTER


def on_support(session: Session, member: Member, inbound: InboundMessage | None, reading: dict | None,
               reason: AlertReason, now: datetime, dashboard_url: str, *, concerns: list[str] | None = None) -> Answer:
    opened = open_alert(session, member, AlertKind.SUPPORT, reason, now, reading=reading, inbound=inbound,
                        concerns=concerns)
    if opened.created:
        return escalation.start(session, opened.alert, inbound.body if inbound else None, now, dashboard_url)
    # The same episode: the alert is already on its way; say again who will be in touch.
    buddies = reachable_buddies(session, member)
    if buddies and opened.alert.escalation_step not in (escalation.HANDED_OFF, escalation.TAKEN):
        return "support_buddy", {"buddy": first_names(buddies)}
    return "support_coordinator", {"community": member.community.name}


def support_reason(reading: Reading) -> AlertReason | None:
    """Asking in words comes first; the reader also flags every score of 1-2 as wanting support."""
    if any(reason.startswith("wants support: '") for reason in reading.reasons):
        return AlertReason.WANTS_SUPPORT
    if reading.score is not None and reading.score <= 2:
        return AlertReason.LOW_SCORE
    if reading.wants_support:
        return AlertReason.WANTS_SUPPORT
    return None


def is_good(reading: Reading) -> bool:
    return reading.score is not None and reading.score >= 3 and not (reading.wants_support or reading.crisis)


def may_end_a_trend(latest: int) -> bool:
    """Whether a trend can end on this score at all, before its history is read: three in a
    row at 2 or below end at 2 or below, and two points below an average of scores that are
    at most 5 is at most 3."""
    return latest <= 3


def trending_down(session: Session, member: Member) -> list[int]:
    """Three answered check-ins in a row at 2 or below, or the latest two points below the recent
    average: the scores that show it, oldest first (empty when there is no such trend)."""
    return trend_in(list(session.scalars(
        select(CheckIn.score)
        .where(CheckIn.member_id == member.id, CheckIn.status == CheckInStatus.ANSWERED, CheckIn.score.is_not(None))
        .order_by(CheckIn.scheduled_for.desc())
        .limit(TREND_WINDOW + 1)
    )))


def trend_in(scores: list[int]) -> list[int]:
    """``trending_down`` over answered scores, newest first."""
    if len(scores) >= 3 and all(score <= 2 for score in scores[:3]):
        return scores[2::-1]
    if len(scores) >= 3:
        latest, earlier = scores[0], scores[1:]
        if sum(earlier) / len(earlier) - latest >= 2:
            return scores[::-1]
    return []


def on_trend(session: Session, member: Member, inbound: InboundMessage, scores: list[int], now: datetime,
             dashboard_url: str) -> Answer:
    return on_support(session, member, inbound, inbound.reading, AlertReason.TREND, now, dashboard_url,
                      concerns=[alert_words.trend(scores)])


def sweep_silence(session: Session, missed: list[CheckIn], now: datetime, dashboard_url: str) -> list[Member]:
    """After the tick closed ``missed`` check-ins: nudge at the threshold, alert one miss later."""
    acted = []
    for member in {checkin.member for checkin in missed}:
        if member.status != MemberStatus.ACTIVE:
            continue  # paused members are never silent
        threshold = member.community.silence_threshold
        if member.consecutive_missed == threshold:
            queue_for_member(session, member, "nudge", "nudge", {}, now)
            acted.append(member)
        elif member.consecutive_missed == threshold + 1:
            on_support(session, member, None, None, AlertReason.SILENCE, now, dashboard_url,
                       concerns=[alert_words.silence(member.consecutive_missed)])
            acted.append(member)
    return acted
