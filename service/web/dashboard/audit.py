"""The audit log page: who did what and when, including every reading of a member's messages."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy import select

from service import audit, web
from service.models import Coordinator, Member
from service.web.dashboard import scoping
from service.web.dashboard.auth import require_sign_in
from service.web.database_ids import form_id

bp = Blueprint("audit", __name__)
bp.before_request(require_sign_in)

PAGE = 100


@bp.get("/audit")
def page():
    community = scoping.current_community()
    before = form_id(request.args.get("before"))
    action = request.args.get("action") or None
    if action not in audit.ACTION_WORDS:
        action = None
    events = audit.events_for(web.session(), community, before_id=before, limit=PAGE + 1, action=action)
    session = web.session()
    who = {c.id: c.email for c in session.scalars(
        select(Coordinator).where(Coordinator.id.in_({e.coordinator_id for e in events if e.coordinator_id})))}
    member_ids = {int(e.target.split(":", 1)[1]) for e in events
                  if e.target and e.target.startswith("member:") and e.target.split(":", 1)[1].isdigit()}
    member_ids |= {e.detail["member_id"] for e in events if isinstance(e.detail.get("member_id"), int)}
    members = {m.id: m for m in session.scalars(
        select(Member).where(Member.id.in_(member_ids), Member.community_id == community.id))}
    return render_template("audit.html", events=events[:PAGE], more=len(events) > PAGE, who=who, members=members,
                           action=action, actions=audit.ACTION_WORDS)
