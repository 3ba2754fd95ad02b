"""One member: details and schedule, the conversation, scores, alerts, buddies, and actions.

Showing this page shows the member's messages, so every view is written to the audit log
("member.view_messages"). Changes go through the domain: ``check_member`` validates the
details, ``member_commands`` pauses and resumes, ``buddies.change_buddy`` pairs by hand and
``queue_for_member`` sends a one-off text under the usual rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import available_timezones

from flask import Blueprint, flash, redirect, render_template, request
from jinja2 import UndefinedError
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from service import web
from service.care.buddies import buddies_of, candidates
from service.care.buddies import change_buddy as pair_by_hand
from service.care import timeline
from service.care.questions import open_question
from service.conversation import member_commands
from service.members import MemberError, check_member, schedule_next
from service.messaging.outbox import queue_for_member, quiet_hours_for
from service.messaging.sms_text import LANGUAGES, UnknownTemplate, render, sms_info
from service.models import (
    Alert,
    BuddyGroup,
    CheckIn,
    CheckInStatus,
    InboundMessage,
    Member,
    MemberStatus,
    OutboundMessage,
    buddy_group_members,
)
from service.schedules import (
    QuietHours,
    ScheduleError,
    describe_schedule,
    format_local_day,
    parse_pause,
    upcoming_slots,
)
from service.web.dashboard import schedule_picker, scoping
from service.web.dashboard.auth import require_sign_in
from service.web.dashboard.charts import score_chart
from service.web.dashboard.common import link, now, record
from service.web.dashboard.now import notices_for, questions_behind
from service.web.database_ids import form_id

bp = Blueprint("member", __name__)
bp.before_request(require_sign_in)

CONVERSATION_LIMIT = 50
CHART_DAYS = 120
MESSAGE_MAX_SEGMENTS = 4


@dataclass(frozen=True)
class Line:
    """One text in the conversation, either way."""

    at: datetime
    incoming: bool
    text: str | None
    kind: str
    state: str | None = None
    error_code: int | None = None
    score: int | None = None
    pending: bool = False  # not rendered yet: shown as it will read


def conversation(member: Member, limit: int = CONVERSATION_LIMIT) -> list[Line]:
    session = web.session()
    inbound = session.scalars(
        select(InboundMessage).where(InboundMessage.member_id == member.id)
        .order_by(InboundMessage.received_at.desc(), InboundMessage.id.desc()).limit(limit)
    )
    outbound = session.scalars(
        select(OutboundMessage).where(OutboundMessage.member_id == member.id)
        .order_by(OutboundMessage.created_at.desc(), OutboundMessage.id.desc()).limit(limit)
    )
    lines = [Line(m.received_at, True, m.body, m.kind, score=m.score) for m in inbound]
    for message in outbound:
        text, pending = message.body, False
        if text is None and message.context:
            try:
                text, pending = render(message.template, message.language, variant=message.id, **message.context), True
            except (UnknownTemplate, UndefinedError):  # shown by its kind alone
                text = None
        lines.append(Line(message.sent_at or message.created_at, False, text, message.kind, message.state.value,
                          message.error_code, pending=pending))
    lines.sort(key=lambda line: line.at, reverse=True)
    return lines[:limit]


def score_points(member: Member) -> list[tuple[datetime, int | None]]:
    since = now() - timedelta(days=CHART_DAYS)
    rows = web.session().execute(
        select(CheckIn.scheduled_for, CheckIn.status, CheckIn.score)
        .where(CheckIn.member_id == member.id, CheckIn.scheduled_for >= since,
               CheckIn.status.in_([CheckInStatus.ANSWERED, CheckInStatus.MISSED]))
        .order_by(CheckIn.scheduled_for)
    )
    return [(at, score if status == CheckInStatus.ANSWERED else None) for at, status, score in rows
            if status == CheckInStatus.MISSED or score is not None]


def member_alerts(member: Member) -> list[Alert]:
    return list(web.session().scalars(
        select(Alert).where(Alert.member_id == member.id)
        .options(selectinload(Alert.resolved_by), selectinload(Alert.inbound_message))
        .order_by(Alert.opened_at.desc(), Alert.id.desc()).limit(20)
    ))


def pairing_history(member: Member) -> list[BuddyGroup]:
    return list(web.session().scalars(
        select(BuddyGroup).join(buddy_group_members, buddy_group_members.c.group_id == BuddyGroup.id)
        .where(buddy_group_members.c.member_id == member.id)
        .options(selectinload(BuddyGroup.round), selectinload(BuddyGroup.members))
        .order_by(BuddyGroup.id.desc()).limit(20)
    ))


def buddy_choices(member: Member) -> tuple[list[Member], list[Member]]:
    """(possible new buddies, current buddies)."""
    session = web.session()
    return [m for m in candidates(session, member.community) if m.id != member.id], buddies_of(session, member)


def upcoming(member: Member) -> list:
    if member.status not in (MemberStatus.ACTIVE, MemberStatus.PAUSED):
        return []
    after = max(now(), member.paused_until or now())
    try:
        return upcoming_slots(member.effective_schedule, member.zone, quiet_hours_for(member), after, 3)
    except ScheduleError:
        return []


def _describe(rule: str) -> str:
    try:
        return describe_schedule(rule, "en")
    except ScheduleError:
        return "a schedule that can no longer be read"


def _details(member: Member) -> dict:
    return {"name": member.name, "timezone": member.timezone or "", "language": member.language,
            "schedule": member.schedule or "", "quiet_hours": member.quiet_hours or ""}


def render_member(member: Member, *, status: int = 200, errors: dict | None = None, values: dict | None = None):
    choices, current_buddies = buddy_choices(member)
    record("member.view_messages", f"member:{member.id}", {"name": member.name})
    web.session().commit()
    alerts = member_alerts(member)
    return render_template(
        "member.html",
        member=member,
        details={**_details(member), **(values or {}).get("details", {})},
        values=values or {},
        errors=errors or {},
        lines=conversation(member),
        chart=score_chart(score_points(member), lambda moment: format_local_day(moment, member.zone, "en")),
        alerts=alerts,
        answered=questions_behind([alert for alert in alerts if alert.is_open]),
        notices=notices_for([alert for alert in alerts if alert.is_open]),
        timelines=timeline.lines_for(web.session(), [alert.id for alert in alerts]),
        question=open_question(web.session(), member),
        history=pairing_history(member),
        choices=choices,
        current_buddies=current_buddies,
        slots=upcoming(member),
        schedule_words=_describe(member.effective_schedule),
        picker=(schedule_picker.view_of_form(request.form) if "pick_days" in request.form
                else schedule_picker.view_of_rule(member.schedule, member.community.default_schedule)),
        community_schedule_words=_describe(member.community.default_schedule),
        languages=LANGUAGES,
        zones=sorted(available_timezones()),
        community=member.community,
    ), status


@bp.get("/members/<int:member_id>")
def page(member_id: int):
    return render_member(scoping.member_or_404(member_id))


def _failed(member: Member, form: str, message: str, values: dict | None = None):
    web.session().rollback()
    return render_member(member, status=422, errors={form: message}, values={form: values or {}})


@bp.post("/members/<int:member_id>/details")
def details(member_id: int):
    member = scoping.member_or_404(member_id)
    values = {key: (request.form.get(key) or "").strip() for key in ("name", "timezone", "language", "schedule", "quiet_hours")}
    try:
        schedule = schedule_picker.submitted_rule(request.form, "schedule")
        draft = check_member(member.community, name=values["name"], phone=member.phone, timezone=values["timezone"],
                             language=values["language"], schedule=schedule, now=now())
        quiet = str(QuietHours.parse(values["quiet_hours"])) if values["quiet_hours"] else None
    except (MemberError, ScheduleError) as error:
        return _failed(member, "details", str(error), values)
    before = _details(member)
    member.name, member.timezone, member.language, member.schedule = draft.name, draft.timezone, draft.language, draft.schedule
    member.quiet_hours = quiet
    if member.status in (MemberStatus.ACTIVE, MemberStatus.PAUSED):
        schedule_next(member, max(now(), member.paused_until or now()))
    changed = {key: value for key, value in _details(member).items() if before[key] != value}
    record("member.edit", f"member:{member.id}", {"changed": changed})
    web.session().commit()
    flash(f"Saved {member.name}'s details." if changed else "Nothing was changed.", "done")
    return redirect(link("member.page", member_id=member.id), 303)


@bp.post("/members/<int:member_id>/pause")
def pause(member_id: int):
    member = scoping.member_or_404(member_id)
    argument = (request.form.get("until") or "").strip()
    if member.status not in (MemberStatus.ACTIVE, MemberStatus.PAUSED):
        return _failed(member, "pause", f"Only an active member can be paused; {member.first_name} is {member.status.value.replace('_', ' ')}.")
    try:
        parse_pause(argument, now(), member.zone)
    except ScheduleError as error:
        return _failed(member, "pause", f"{str(error)[0].upper()}{str(error)[1:]}.", {"until": argument})
    template, context = member_commands.pause(member, argument, now())
    queue_for_member(web.session(), member, template, template, context, now())
    record("member.pause", f"member:{member.id}", {"until": member.paused_until.isoformat() if member.paused_until else None})
    web.session().commit()
    flash(f"{member.first_name}'s check-ins are paused until {format_local_day(member.paused_until, member.zone, 'en')}. "
          "They got a text saying so.", "done")
    return redirect(link("member.page", member_id=member.id), 303)


@bp.post("/members/<int:member_id>/resume")
def resume(member_id: int):
    member = scoping.member_or_404(member_id)
    if member.status != MemberStatus.PAUSED:
        return _failed(member, "pause", f"{member.first_name}'s check-ins are not paused.")
    template, context = member_commands.back(member, now())
    queue_for_member(web.session(), member, template, template, context, now())
    record("member.resume", f"member:{member.id}", {})
    web.session().commit()
    flash(f"{member.first_name}'s check-ins are on again. They got a text saying so.", "done")
    return redirect(link("member.page", member_id=member.id), 303)


@bp.post("/members/<int:member_id>/buddy")
def change_buddy(member_id: int):
    member = scoping.member_or_404(member_id)
    choices, _ = buddy_choices(member)
    buddy_id = form_id(request.form.get("buddy_id"))
    if buddy_id is None:
        return _failed(member, "buddy", "Choose a new buddy from the list.")
    buddy = next((m for m in choices if m.id == buddy_id), None)
    if buddy is None:
        # Not a choice: another community's member is refused as such; anyone else is just not possible.
        other = web.session().get(Member, buddy_id)
        if other is not None and other.community_id not in scoping.community_ids():
            scoping.deny(f"member:{buddy_id}", community_id=other.community_id)
        return _failed(member, "buddy", "That member can't be a buddy now: only active members in the buddy system can.")
    try:
        pair_by_hand(web.session(), member, buddy, now())
    except MemberError as error:
        return _failed(member, "buddy", f"{error}.")
    record("member.change_buddy", f"member:{member.id}", {"buddy_id": buddy.id, "buddy": buddy.name})
    web.session().commit()
    flash(f"{member.first_name} and {buddy.first_name} are now buddies. Both got a text introducing them.", "done")
    return redirect(link("member.page", member_id=member.id), 303)


def message_preview(member: Member, text: str):
    sent = render("broadcast", member.language, community=member.community.name, text=text) if text.strip() else ""
    return sent, sms_info(sent)


@bp.post("/members/<int:member_id>/message")
def message(member_id: int):
    member = scoping.member_or_404(member_id)
    text = (request.form.get("text") or "").strip()
    if not text:
        return _failed(member, "message", "Write the message first.", {"text": text})
    _, info = message_preview(member, text)
    if info.segments > MESSAGE_MAX_SEGMENTS:
        return _failed(member, "message", f"The message is {info.segments} texts long; keep it to {MESSAGE_MAX_SEGMENTS} or fewer.", {"text": text})
    sent = queue_for_member(web.session(), member, "coordinator_message", "broadcast",
                            {"community": member.community.name, "text": text}, now())
    if sent is None:
        return _failed(member, "message", f"Kinship can't text {member.first_name}: they are {member.status.value.replace('_', ' ')}.", {"text": text})
    record("member.message", f"member:{member.id}", {"text": text})
    web.session().commit()
    flash(f"Your message to {member.first_name} is on its way.", "done")
    return redirect(link("member.page", member_id=member.id), 303)


@bp.post("/members/<int:member_id>/_counter")
def counter(member_id: int):
    member = scoping.member_or_404(member_id)
    text = request.form.get("text") or ""
    sent, info = message_preview(member, text)
    return render_template("_counter.html", info=info, sent=sent, max_segments=MESSAGE_MAX_SEGMENTS, recipients=None)
