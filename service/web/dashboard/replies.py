"""Unread replies on the Now page: marking a member's words read, one at a time or all at once.

"All at once" marks the replies the coordinator had on their screen (their ids come with
the form), never one that arrived after the page was drawn: a reply nobody saw is never
marked read. Every marking is an audit line.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request

from service import web
from service.care.unread import mark_read
from service.web.dashboard import scoping
from service.web.dashboard.auth import require_sign_in
from service.web.dashboard.common import link, now, record

bp = Blueprint("replies", __name__)
bp.before_request(require_sign_in)

MAX_AT_ONCE = 500


@bp.post("/replies/<int:reply_id>/read")
def mark_one(reply_id: int):
    reply = scoping.reply_or_404(reply_id)
    if not mark_read([reply], scoping.coordinator(), now()):
        flash(f"{reply.member.name}'s reply was already marked read.", "info")
        return redirect(link("now.page"), 303)
    record("reply.read", f"member:{reply.member_id}", {"reply_id": reply.id, "member": reply.member.name})
    web.session().commit()
    flash(f"Marked {reply.member.name}'s reply read.", "done")
    return redirect(link("now.page"), 303)


@bp.post("/replies/read")
def mark_all():
    community = scoping.current_community()
    try:
        ids = sorted({int(value) for value in request.form.getlist("reply")})
    except ValueError:
        flash("Those replies could not be marked read: reload the page and try again.", "error")
        return redirect(link("now.page"), 303)
    if not ids or len(ids) > MAX_AT_ONCE:
        flash("There were no replies to mark read." if not ids else "Too many at once: reload the page and try again.",
              "info" if not ids else "error")
        return redirect(link("now.page"), 303)
    replies = scoping.replies_of(community, ids)
    marked = mark_read(replies, scoping.coordinator(), now())
    if marked:
        record("reply.read_all", f"community:{community.id}",
               {"count": len(marked), "reply_ids": [r.id for r in marked], "member_ids": sorted({r.member_id for r in marked})},
               community_id=community.id)
        web.session().commit()
    flash(f"Marked {len(marked)} repl{'y' if len(marked) == 1 else 'ies'} read." if marked
          else "Those replies were already marked read.", "done" if marked else "info")
    return redirect(link("now.page"), 303)
