"""The home page, "Now": who needs someone right now, and the buttons to act on it.

Open alerts come first -- crisis, then not yet acknowledged, then acknowledged, the
longest-waiting first within each -- each with why in plain words and the member's own
words, who was told and what became of each text, a crisis paged again marked overdue, a
taken alert left a day marked stale, and the alert's timeline behind it; then the members Kinship asked whether they are safe and who have not answered yet;
then Unread replies (free text that raised no alert, until a coordinator marks it read);
then members with no reachable buddy, members whose number cannot get texts, members whose
texts are not getting through, members silent for two check-ins or more, and texts that may
or may not have been sent (left in ``sending`` and not settled by the clock), each with
buttons to mark it sent or send it again. The page polls its own partial (``_now``) with htmx, so
it stays current without a reload.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import Blueprint, flash, redirect, render_template, request
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from service import web
from service.care import escalation, timeline, unread
from service.care.alerts import AlertError, resolve
from service.care.buddies import orphans
from service.messaging import reconcile
from service.models import (
    Alert,
    AlertKind,
    AlertNotice,
    AlertState,
    Community,
    InboundMessage,
    Member,
    MemberStatus,
    OutboundMessage,
    QuestionState,
    SafetyQuestion,
)
from service.web.dashboard import scoping
from service.web.dashboard.auth import require_sign_in
from service.web.dashboard.common import link, now, record
from service.web.dashboard.redirects import local_target

bp = Blueprint("now", __name__)
bp.before_request(require_sign_in)

SILENT_AFTER = 2  # missed check-ins in a row
UNREAD_SHOWN = 100  # the longest-waiting unread replies on the page; the count says how many in all


@dataclass
class Board:
    alerts: list[Alert]
    notices: dict[int, list[AlertNotice]]
    orphans: list[Member]
    unreachable: list[Member]
    silent: list[Member]
    questions: list[SafetyQuestion]  # asked whether they are safe, no answer yet
    answered: dict[int, SafetyQuestion]  # by alert id: the question an alert came from
    unread: list[InboundMessage]
    unread_count: int
    not_getting_through: list[Member] = field(default_factory=list)
    unknown: list[OutboundMessage] = field(default_factory=list)  # may or may not have been sent
    timelines: dict[int, list[timeline.Line]] = field(default_factory=dict)

    @property
    def calm(self) -> bool:
        return not (self.alerts or self.questions or self.unread or self.orphans or self.unreachable or self.silent
                    or self.not_getting_through or self.unknown)


def alert_order(alert: Alert) -> tuple:
    return (alert.kind != AlertKind.CRISIS, alert.state == AlertState.ACKNOWLEDGED, alert.opened_at, alert.id)


def open_alerts(community: Community) -> list[Alert]:
    session = web.session()
    alerts = session.scalars(
        select(Alert).where(Alert.community_id == community.id, Alert.state != AlertState.RESOLVED)
        .options(selectinload(Alert.member), selectinload(Alert.inbound_message))
    ).all()
    return sorted(alerts, key=alert_order)


def notices_for(alerts: list[Alert]) -> dict[int, list[AlertNotice]]:
    if not alerts:
        return {}
    rows = web.session().scalars(
        select(AlertNotice).where(AlertNotice.alert_id.in_([a.id for a in alerts]))
        .options(selectinload(AlertNotice.member), selectinload(AlertNotice.coordinator))
        .order_by(AlertNotice.sent_at, AlertNotice.id)
    )
    grouped: dict[int, list[AlertNotice]] = {}
    for notice in rows:
        grouped.setdefault(notice.alert_id, []).append(notice)
    return grouped


def open_questions(community: Community) -> list[SafetyQuestion]:
    return list(web.session().scalars(
        select(SafetyQuestion).where(SafetyQuestion.community_id == community.id, SafetyQuestion.state == QuestionState.OPEN)
        .options(selectinload(SafetyQuestion.member), selectinload(SafetyQuestion.inbound_message))
        .order_by(SafetyQuestion.asked_at, SafetyQuestion.id)
    ))


def questions_behind(alerts: list[Alert]) -> dict[int, SafetyQuestion]:
    """The safety question each alert came from, if any, with the member's answer."""
    if not alerts:
        return {}
    rows = web.session().scalars(
        select(SafetyQuestion).where(SafetyQuestion.alert_id.in_([a.id for a in alerts]))
        .options(selectinload(SafetyQuestion.answer_message)).order_by(SafetyQuestion.id)
    )
    return {question.alert_id: question for question in rows}


def board(community: Community) -> Board:
    session = web.session()
    alerts = open_alerts(community)
    lonely = orphans(session, community)
    members = select(Member).where(Member.community_id == community.id).order_by(Member.name, Member.id)
    unreachable = list(session.scalars(members.where(Member.status == MemberStatus.UNREACHABLE)))
    silent = list(session.scalars(
        members.where(Member.status == MemberStatus.ACTIVE, Member.consecutive_missed >= SILENT_AFTER)
    ))
    failing = list(session.scalars(members.where(Member.texts_failing_since.is_not(None),
                                                 Member.status.not_in((MemberStatus.UNREACHABLE, MemberStatus.OPTED_OUT)))))
    return Board(alerts, notices_for(alerts), lonely, unreachable, silent, open_questions(community),
                 questions_behind(alerts), unread.waiting(session, community, UNREAD_SHOWN),
                 unread.count_waiting(session, community), failing,
                 reconcile.still_unknown(session, now(), community.id),
                 timelines=timeline.lines_for(session, [a.id for a in alerts]))


def _context(community: Community) -> dict:
    return {"board": board(community), "now": now()}


@bp.get("/")
def page():
    community = scoping.current_community()
    return render_template("now.html", **_context(community))


@bp.get("/_now")
def partial():
    community = scoping.current_community()
    # The menu's count of open alerts is updated along with the board (an out-of-band swap).
    return render_template("_now.html", oob_count=True, **_context(community))


@bp.post("/alerts/<int:alert_id>/acknowledge")
def acknowledge_alert(alert_id: int):
    alert = scoping.alert_or_404(alert_id)
    coordinator = scoping.coordinator()
    if alert.state == AlertState.OPEN:
        escalation.coordinator_takes(web.session(), alert, coordinator, now())
        record("alert.acknowledge", f"alert:{alert.id}", {"member_id": alert.member_id, "kind": alert.kind.value})
        web.session().commit()
        flash(f"Noted: you are on it for {alert.member.name}. Resolve the alert when they are OK.", "done")
    elif alert.state == AlertState.ACKNOWLEDGED:
        flash(f"{alert.acknowledged_by} is already on it.", "info")
    return redirect(_back(), 303)


@bp.post("/alerts/<int:alert_id>/resolve")
def resolve_alert(alert_id: int):
    alert = scoping.alert_or_404(alert_id)
    note = (request.form.get("note") or "").strip()
    if not note:
        flash(f"To resolve the alert for {alert.member.name}, write a note saying what was done.", "error")
        return redirect(_back(), 303)
    try:
        resolve(web.session(), alert.id, scoping.coordinator(), note[:2000], now())
    except AlertError as error:
        web.session().rollback()
        flash(f"Could not resolve it: {error}.", "error")
        return redirect(_back(), 303)
    record("alert.resolve", f"alert:{alert.id}", {"member_id": alert.member_id, "note": note[:2000]})
    web.session().commit()
    flash(f"Resolved the alert for {alert.member.name}. Thank you.", "done")
    return redirect(_back(), 303)


@bp.post("/messages/<int:message_id>/mark-sent")
def mark_message_sent(message_id: int):
    """The coordinator knows it went (they answered it, say): settled without a second text."""
    return _settle_stuck(message_id, reconcile.mark_sent, "message.mark_sent",
                         "Marked as sent. Nothing more goes out for it.")


@bp.post("/messages/<int:message_id>/send-again")
def send_message_again(message_id: int):
    """Asked for: the text goes out once more, even though the first may have arrived."""
    return _settle_stuck(message_id, reconcile.send_again, "message.send_again", "Sending it again now.")


def _settle_stuck(message_id: int, settle, action: str, done: str):
    """A text whose fate is unknown, settled as the coordinator chose, once, and audited."""
    message = scoping.outbound_or_404(message_id)
    if settle(web.session(), message, now()):
        record(action, f"message:{message.id}", {"member_id": message.member_id, "kind": message.kind})
        web.session().commit()
        flash(done, "done")
    else:
        flash("That text was settled meanwhile; nothing changed.", "info")
    return redirect(_back(), 303)


def _back() -> str:
    """Back where the button was pressed: the Now page or the member's page."""
    return local_target(request.form.get("back")) or link("now.page")
