"""The simulator page: phones, the demo clock, the guided scenario, and what their buttons do.

Every button is a form that works without JavaScript (POST, then 303 back to the page); with
htmx it answers the live partial instead. The partial is polled every two seconds and answers
204 when nothing changed, so a reply half-typed or a conversation scrolled back is left alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict
from datetime import datetime

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request, session, url_for
from markupsafe import Markup, escape
from sqlalchemy import select

from service import clock, web
from service.demo.seed import COORDINATOR_EMAIL, COORDINATOR_PASSWORD
from service.demo.simulator.client import Handsets, SimulatorClient, SimulatorUnavailable
from service.demo.simulator.clock_bar import JUMPS, clock_bar, next_checkin_at, place, star_checkin_at
from service.demo.simulator.guide import guide
from service.demo.simulator.phones import demo_community, local_day, local_time, phones
from service.demo.simulator.reset import reset_demo
from service.demo.simulator.time_travel import jump_to
from service.models import OutboundMessage

bp = Blueprint("simulator", __name__, template_folder="templates", static_folder="static")
NOTICE = "simulator_notice"
GUIDE_HIDDEN = "simulator_guide_hidden"
MAX_REPLY = 1600
_LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")


@bp.app_template_filter("sim_linked")
def linked(text: str) -> Markup:
    """A text's body with its links clickable, as a phone shows them (the dashboard opens beside)."""
    return Markup(_LINK.sub(lambda m: f'<a href="{m.group(0)}" target="kinship-dashboard">{m.group(0)}</a>',
                            str(escape(text))))


def _client() -> SimulatorClient:
    return SimulatorClient(web.settings())


def _live_context(focus: str | None = None) -> dict:
    problem = None
    db_session = web.session()
    # Asked before the phones: a text reaches the simulated Twilio before its row gets a SID,
    # so a text sent between the two questions can never look like one the phones forgot.
    sent_before = _texts_were_sent(db_session)
    try:
        handsets = _client().handsets()
    except SimulatorUnavailable as error:
        handsets, problem = Handsets([], {}), str(error)
    now = clock.utcnow()
    community = demo_community(db_session)
    state = {
        "phones": phones(db_session, handsets, now),
        "guide": guide(db_session),
        "clock": clock_bar(db_session, community, now),
        "notice": session.get(NOTICE),
        "guide_hidden": bool(session.get(GUIDE_HIDDEN)),
        "problem": problem,
        "forgotten": problem is None and not handsets.messages and sent_before,
    }
    # What the visitor sees, as data: the poll answers 204 while it stays the same.
    version = hashlib.sha1(json.dumps(_plain(state), sort_keys=True, default=str).encode()).hexdigest()[:16]
    return {**state, "version": version, "focus": focus, "community": community}


def _texts_were_sent(db_session) -> bool:
    """Texts went out before the simulated Twilio (in memory) was restarted with the demo."""
    return db_session.scalar(select(OutboundMessage.id).where(OutboundMessage.twilio_sid.is_not(None)).limit(1)) is not None


def _plain(value):
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


@bp.get("")
def page() -> str:
    return render_template("simulator/page.html", sign_in=(COORDINATOR_EMAIL, COORDINATOR_PASSWORD), **_live_context())


@bp.get("/live")
def live() -> Response | str:
    context = _live_context()
    if request.args.get("v") == context["version"]:
        return Response(status=204)  # nothing changed: htmx leaves the page alone
    return render_template("simulator/_live.html", **context)


def _answer(notice: str | None, focus: str | None = None):
    """After a button: the live partial for htmx, else back to the page (POST, then 303)."""
    session[NOTICE] = notice
    web.session().close()  # read afresh: the webhook, the tick and the workers wrote meanwhile
    if request.headers.get("HX-Request") == "true":
        return render_template("simulator/_live.html", **_live_context(focus))
    return redirect(url_for("simulator.page"), code=303)


def _phone_or_404(number: str):
    for phone in phones(web.session(), Handsets([], {}), clock.utcnow()):
        if phone.number == number:
            return phone
    abort(404)


@bp.post("/phones/<number>/reply")
def reply(number: str):
    phone = _phone_or_404(number)
    body = (request.form.get("body") or "").strip()[:MAX_REPLY]
    if not body:
        return _answer(f"Type a text on {phone.first_name}'s phone first.")
    settings = web.settings()
    community = demo_community(web.session())
    to = (community.from_number if community else None) or settings.twilio_from_number or ""
    try:
        delivered = _client().text_in(settings.public_url + "/twilio/sms", from_=phone.number, to=to, body=body)
    except SimulatorUnavailable as error:
        return _answer(f"The text did not go: {error}")
    if delivered.status_code != 200:
        return _answer(f"Kinship's webhook answered HTTP {delivered.status_code} to {phone.first_name}'s text "
                       f"(Twilio would log error {delivered.error_code}).", focus=phone.key)
    return _answer(None, focus=phone.key)


@bp.post("/phones/<number>/signal")
def signal(number: str):
    phone = _phone_or_404(number)
    on = request.form.get("signal") == "on"
    try:
        _client().set_reachable(phone.number, on)
    except SimulatorUnavailable as error:
        return _answer(f"Could not switch the phone: {error}")
    if on:
        return _answer(f"{phone.first_name}'s phone is back on. Texts Kinship tries again from now on will arrive.")
    return _answer(f"{phone.first_name}'s phone is off: texts to it fail (Twilio error 30003, unreachable handset). "
                   "Kinship tries again after 1, 10 and 60 minutes, then marks the number unreachable. "
                   "Try +1 hour and look at the dashboard.")


@bp.post("/clock")
def travel():
    db_session = web.session()
    now = clock.utcnow()
    where = request.form.get("to", "")
    if where in JUMPS:
        target = now + JUMPS[where]
    elif where == "next":
        community = demo_community(db_session)
        target = next_checkin_at(db_session, community, now) if community else None
    elif where == "star":
        target = star_checkin_at(db_session, now)
    else:
        abort(400)
    db_session.close()  # the jump opens its own sessions, one per stop
    if target is None:
        return _answer("Nobody has a check-in coming: there is no one to jump to.")
    context = web.context()
    jump = jump_to(context.db, context.settings, target,
                   settle_seconds=float(current_app.config.get("SIMULATOR_SETTLE_SECONDS", 5.0)))
    return _answer(_jump_words(jump.end, jump.totals))


def _jump_words(end: datetime, totals: dict) -> str:
    community = demo_community(web.session())
    zone = community.timezone if community else "UTC"
    words = {"checkins": ("check-in", "check-ins"), "missed": ("missed check-in", "missed check-ins"),
             "escalated": ("alert moved on", "alerts moved on"), "released": ("held text sent", "held texts sent"),
             "silent": ("silence noticed", "silences noticed"), "paired": ("new buddy round", "new buddy rounds")}
    happened = [f"{totals[key]} {one if totals[key] == 1 else many}" for key, (one, many) in words.items()
                if totals.get(key)]
    summary = ", ".join(happened) if happened else "nothing was due"
    return f"The clock is now {local_day(end, zone)}, {local_time(end, zone)} in {place(zone)}: {summary}."


@bp.post("/guide")
def show_guide():
    session[GUIDE_HIDDEN] = request.form.get("show") != "1"
    return _answer(session.get(NOTICE))


@bp.post("/reset")
def reset():
    try:
        reset_demo(web.context(), _client())
    except SimulatorUnavailable as error:
        return _answer(f"Could not reset the phones: {error}")
    return _answer("Started again: the seeded community, empty phones, and the real time.")
