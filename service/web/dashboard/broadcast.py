"""Broadcast: one message to the community or part of it, a live counter, and progress.

The counter works without inline script: the form posts itself to ``_counter`` through
htmx as the coordinator types, and the partial shows characters, texts (segments), the
encoding and how many members it will reach.
"""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, request

from service import web
from service.messaging import broadcasts
from service.messaging.broadcasts import Audience, BroadcastError
from service.messaging.sms_text import LANGUAGES
from service.models import Community
from service.web.dashboard import scoping
from service.web.dashboard.auth import require_sign_in
from service.web.dashboard.common import link, now

bp = Blueprint("broadcast", __name__)
bp.before_request(require_sign_in)


def _form() -> tuple[str, list[str], str]:
    return (request.form.get("text") or "", request.form.getlist("status"), request.form.get("language") or "")


def _page(community: Community, *, text: str = "", statuses: list[str] | None = None, language: str = "",
          error: str | None = None, status: int = 200):
    statuses = ["active"] if statuses is None else statuses
    try:
        audience = Audience.parse(statuses, language)
    except BroadcastError:
        audience = Audience()
    return render_template(
        "broadcast.html", text=text, statuses=statuses, language=language, languages=LANGUAGES, error=error,
        preview=broadcasts.preview(web.session(), community, text, audience),
        max_segments=broadcasts.MAX_SEGMENTS, history=broadcasts.history(web.session(), community),
    ), status


@bp.get("/broadcast")
def page():
    return _page(scoping.current_community())


@bp.post("/broadcast/_counter")
def counter():
    community = scoping.current_community()
    text, statuses, language = _form()
    try:
        audience = Audience.parse(statuses, language)
        problem = None
    except BroadcastError as error:
        audience, problem = None, str(error)
    info = broadcasts.preview(web.session(), community, text, audience or Audience())
    return render_template("_counter.html", info=info, sent=info.text, max_segments=broadcasts.MAX_SEGMENTS,
                           recipients=None if audience is None else info.recipients, problem=problem)


@bp.post("/broadcast")
def send():
    community = scoping.current_community()
    text, statuses, language = _form()
    session = web.session()
    try:
        audience = Audience.parse(statuses, language)
        event = broadcasts.send(session, community, scoping.coordinator(), text, audience, now(),
                                address=scoping.client_address())
    except BroadcastError as error:
        session.rollback()
        message = str(error)
        return _page(community, text=text, statuses=statuses, language=language,
                     error=message[0].upper() + message[1:] + ".", status=422)
    session.commit()
    return redirect(link("broadcast.sent", broadcast_id=event.id), 303)


def _progress_context(broadcast_id: int) -> dict:
    event = scoping.broadcast_or_404(broadcast_id)
    return {"broadcast": event, "progress": broadcasts.progress(web.session(), event, now())}


@bp.get("/broadcast/<int:broadcast_id>")
def sent(broadcast_id: int):
    return render_template("broadcast_sent.html", **_progress_context(broadcast_id))


@bp.get("/broadcast/<int:broadcast_id>/_progress")
def progress(broadcast_id: int):
    return render_template("_progress.html", **_progress_context(broadcast_id))
