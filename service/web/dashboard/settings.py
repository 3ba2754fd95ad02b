"""The community's settings: default schedule, quiet hours, the safety path's knobs (asking
directly included), crisis resources, retention, relay and rotation -- each validated with a
plain message.

``check_settings`` is a plain function over the form's values; the view saves only when
it found no problem, and moves the next check-in of members who follow the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import Blueprint, flash, redirect, render_template, request
from sqlalchemy import select

from service import web
from service.members import schedule_next
from service.messaging.sms_text import render, sms_info
from service.models import Community, Member, MemberStatus
from service.schedules import QuietHours, ScheduleError, describe_schedule, validate_schedule
from service.web.dashboard import schedule_picker, scoping
from service.web.dashboard.auth import require_sign_in
from service.web.dashboard.common import link, now, record

bp = Blueprint("settings", __name__)
bp.before_request(require_sign_in)

MAX_RESOURCES_SEGMENTS = 3
MAX_CONTACT_LINE = 50  # the longest that keeps HELP within two texts in every language


@dataclass(frozen=True)
class Bounds:
    low: int
    high: int
    unit: str


NUMBERS = {
    "escalation_minutes": Bounds(5, 24 * 60, "minutes"),
    "crisis_repage_minutes": Bounds(5, 120, "minutes"),
    "silence_threshold": Bounds(1, 10, "missed check-ins"),
    "retention_days": Bounds(7, 3650, "days"),
    "rotation_weeks": Bounds(1, 52, "weeks"),
}
LABELS = {
    "default_schedule": "Default check-in schedule",
    "quiet_hours": "Quiet hours",
    "escalation_minutes": "Escalation delay",
    "crisis_repage_minutes": "Page again about a crisis every",
    "silence_threshold": "Silence threshold",
    "crisis_resources": "Crisis resources",
    "contact_line": "Contact for HELP",
    "retention_days": "Keep messages for",
    "rotation_weeks": "New buddies every",
}
# Checkboxes: a form without one means it is off, as a browser sends it.
SWITCHES = ("relay_enabled", "ask_when_unsure")
FIELDS = ("default_schedule", "quiet_hours", "escalation_minutes", "crisis_repage_minutes", "silence_threshold",
          "crisis_resources", "contact_line", "retention_days", "rotation_weeks")


def current_values(community: Community) -> dict:
    return {
        "default_schedule": community.default_schedule,
        "quiet_hours": community.quiet_hours,
        "escalation_minutes": community.escalation_minutes,
        "crisis_repage_minutes": community.crisis_repage_minutes,
        "silence_threshold": community.silence_threshold,
        "crisis_resources": community.crisis_resources or "",
        "contact_line": community.contact_line or "",
        "retention_days": community.retention_days,
        "rotation_weeks": community.rotation_weeks,
        "relay_enabled": community.relay_enabled,
        "ask_when_unsure": community.ask_when_unsure,
    }


def check_settings(form: dict, community: Community, now: datetime) -> tuple[dict, dict[str, str]]:
    """(clean values, problems by field): every field is checked, so every problem is shown at once."""
    clean: dict = {}
    problems: dict[str, str] = {}
    schedule = (form.get("default_schedule") or "").strip()
    try:
        validate_schedule(schedule, community.timezone, now)
        clean["default_schedule"] = schedule
    except ScheduleError as error:
        problems["default_schedule"] = _sentence(error)
    try:
        clean["quiet_hours"] = str(QuietHours.parse((form.get("quiet_hours") or "").strip()))
    except ScheduleError as error:
        problems["quiet_hours"] = _sentence(error)
    for name, bounds in NUMBERS.items():
        raw = str(form.get(name) or "").strip()
        try:
            value = int(raw)
        except ValueError:
            problems[name] = f"Write a whole number of {bounds.unit}, from {bounds.low} to {bounds.high}."
            continue
        if not bounds.low <= value <= bounds.high:
            problems[name] = f"Choose from {bounds.low} to {bounds.high} {bounds.unit}."
            continue
        clean[name] = value
    resources = " ".join((form.get("crisis_resources") or "").split())
    if resources and sms_info(resources).segments > MAX_RESOURCES_SEGMENTS:
        problems["crisis_resources"] = (f"Keep the crisis resources to {MAX_RESOURCES_SEGMENTS} texts "
                                        f"(now {sms_info(resources).segments}): a number and a line or two.")
    else:
        clean["crisis_resources"] = resources or None
    contact = " ".join((form.get("contact_line") or "").split())
    problem = _contact_problem(contact, community.name)
    if problem:
        problems["contact_line"] = problem
    else:
        clean["contact_line"] = contact or None
    for name in SWITCHES:
        clean[name] = form.get(name) in ("on", "1", "true", "yes")
    return clean, problems


def _contact_problem(contact: str, community_name: str) -> str | None:
    if not contact:
        return None
    if len(contact) > MAX_CONTACT_LINE:
        return f"Keep the contact to {MAX_CONTACT_LINE} characters (now {len(contact)}): a name and a number or email."
    if sms_info(contact).encoding != "GSM-7":
        return "Use plain letters, digits and punctuation: this character would make every HELP answer cost more."
    for language in ("en", "es"):
        answer = render("help", language, community=community_name, contact=contact, invited=True)
        if sms_info(answer).segments > 2:
            return "Shorten the contact: with this community's name the HELP answer would take three texts."
    return None


def _sentence(error: Exception) -> str:
    text = str(error)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _render(community: Community, values: dict, problems: dict | None = None, status: int = 200, picker=None):
    try:
        schedule_words = describe_schedule(community.default_schedule, "en")
    except ScheduleError:
        schedule_words = ""
    return render_template("settings.html", values=values, problems=problems or {}, labels=LABELS,
                           numbers=NUMBERS, schedule_words=schedule_words, max_contact_line=MAX_CONTACT_LINE,
                           picker=picker or schedule_picker.view_of_rule(community.default_schedule)), status


@bp.post("/settings/_schedule")
def describe():
    """A schedule rule in words as it is typed, or why it can't be used (an htmx partial)."""
    community = scoping.current_community()
    rule = (request.form.get("schedule") if "schedule" in request.form else request.form.get("default_schedule")) or ""
    zone_name = (request.form.get("timezone") or "").strip() or community.timezone
    follows_default = not rule.strip() and "schedule" in request.form
    try:
        validate_schedule(rule.strip() or community.default_schedule if follows_default else rule, zone_name, now())
        words = describe_schedule(rule.strip() or community.default_schedule, "en")
        problem = None
    except ScheduleError as error:
        words, problem = None, _sentence(error)
    return render_template("_schedule_words.html", words=words, problem=problem, follows_default=follows_default,
                           zone=zone_name)


@bp.get("/settings")
def page():
    community = scoping.current_community()
    return _render(community, current_values(community))


@bp.post("/settings")
def save():
    community = scoping.current_community()
    form = request.form.to_dict()
    try:
        form["default_schedule"] = schedule_picker.submitted_rule(request.form, "default_schedule")
        picked_problem = None
    except ScheduleError as error:
        picked_problem = _sentence(error)
    clean, problems = check_settings(form, community, now())
    if picked_problem:
        problems["default_schedule"] = picked_problem
    if problems:
        values = {**current_values(community), **{k: form.get(k, "") for k in FIELDS},
                  **{k: clean[k] for k in SWITCHES}, "default_schedule": request.form.get("default_schedule", "")}
        return _render(community, values, problems, 422, schedule_picker.view_of_form(request.form))
    before = current_values(community)
    for name, value in clean.items():
        setattr(community, name, value)
    after = current_values(community)
    changed = {name: after[name] for name in after if after[name] != before[name]}
    if "default_schedule" in changed or "quiet_hours" in changed:
        _reschedule_followers(community)
    record("settings.update", f"community:{community.id}", {"changed": changed})
    web.session().commit()
    flash("Settings saved." if changed else "Nothing was changed.", "done")
    return redirect(link("settings.page"), 303)


def _reschedule_followers(community: Community) -> None:
    """Members on the community's schedule or quiet hours get their next check-in moved."""
    moment = now()
    members = web.session().scalars(select(Member).where(
        Member.community_id == community.id,
        Member.status.in_([MemberStatus.ACTIVE, MemberStatus.PAUSED]),
        (Member.schedule.is_(None)) | (Member.quiet_hours.is_(None)),
    ))
    for member in members:
        schedule_next(member, max(moment, member.paused_until or moment))
