"""Buddies: the current pairs and trios, a preview of a new pairing and applying it, and
the coordinators' "never pair" rules. The pairing itself is ``service.care.buddies``."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request
from sqlalchemy import select

from service import web
from service.care import buddies
from service.members import MemberError
from service.models import Community, Member, NeverPair
from service.web.dashboard import scoping
from service.web.dashboard.auth import require_sign_in
from service.web.dashboard.common import link, now, record
from service.web.database_ids import form_id

bp = Blueprint("buddies", __name__)
bp.before_request(require_sign_in)

MAX_SEED = 10_000


def _rules(community: Community) -> list[tuple[NeverPair, Member, Member]]:
    session = web.session()
    rules = session.scalars(select(NeverPair).where(NeverPair.community_id == community.id).order_by(NeverPair.id)).all()
    people = {m.id: m for m in session.scalars(
        select(Member).where(Member.id.in_({r.member_a_id for r in rules} | {r.member_b_id for r in rules})))}
    return [(r, people[r.member_a_id], people[r.member_b_id]) for r in rules]


def _seed() -> int:
    try:
        seed = int(request.values.get("seed") or 0)
    except ValueError:
        seed = 0
    return max(0, min(seed, MAX_SEED))


def _render(community: Community, *, proposal=None, seed: int = 0, error: str | None = None, status: int = 200,
            values: dict | None = None, words=None):
    session = web.session()
    members = list(session.scalars(select(Member).where(Member.community_id == community.id).order_by(Member.name)))
    return render_template(
        "buddies.html", proposal=proposal, words=words, seed=seed, error=error, members=members, by_id={m.id: m for m in members},
        rules=_rules(community), values=values or {}, groups=buddies.current_groups(session, community),
        orphans=buddies.orphans(session, community), candidates=buddies.candidates(session, community),
    ), status


@bp.get("/buddies")
def page():
    return _render(scoping.current_community())


@bp.get("/buddies/preview")
def preview():
    community = scoping.current_community()
    seed = _seed()
    proposal = buddies.preview(web.session(), community, now(), seed)
    return _render(community, proposal=proposal, seed=seed, words=buddies.explain(web.session(), community, proposal))


@bp.post("/buddies/apply")
def apply():
    community = scoping.current_community()
    seed = _seed()
    if not buddies.candidates(web.session(), community):
        return _render(community, error="Nobody can be paired yet: buddies are active members who have not said BUDDY OFF.",
                       status=422)
    words = buddies.explain(web.session(), community, buddies.preview(web.session(), community, now(), seed))
    new_round = buddies.apply(web.session(), community, now(), seed)
    record("buddies.apply", f"round:{new_round.id}", {"seed": seed, "score": new_round.score, "summary": new_round.summary})
    web.session().commit()
    flash(f"New buddies are made: {words.headline} Everyone got a text introducing their buddy.", "done")
    return redirect(link("buddies.page"), 303)


@bp.post("/buddies/never")
def add_rule():
    community = scoping.current_community()
    values = {"a": request.form.get("a") or "", "b": request.form.get("b") or ""}
    ids = [form_id(values["a"]), form_id(values["b"])]
    if None in ids:
        return _render(community, error="Choose two members for the rule.", status=422, values=values)
    if ids[0] == ids[1]:
        return _render(community, error="Choose two different members.", status=422, values=values)
    a, b = scoping.members_of(community, ids)
    try:
        rule = buddies.add_never_rule(web.session(), community, a, b, scoping.coordinator(), now())
    except MemberError as error:
        web.session().rollback()
        return _render(community, error=f"{str(error)[0].upper()}{str(error)[1:]}.", status=422, values=values)
    web.session().flush()
    record("buddies.never_add", f"never_pair:{rule.id}", {"a": a.name, "b": b.name})
    web.session().commit()
    flash(f"{a.name} and {b.name} will never be paired.", "done")
    return redirect(link("buddies.page"), 303)


@bp.post("/buddies/never/<int:rule_id>/remove")
def remove_rule(rule_id: int):
    rule = scoping.rule_or_404(rule_id)
    community = scoping.current_community()
    names = {m.id: m.name for m in web.session().scalars(select(Member).where(Member.id.in_([rule.member_a_id, rule.member_b_id])))}
    buddies.remove_never_rule(web.session(), rule.id, community)
    record("buddies.never_remove", f"never_pair:{rule_id}", {"a": names.get(rule.member_a_id), "b": names.get(rule.member_b_id)})
    web.session().commit()
    flash("The rule is removed: they may be paired in a future round.", "done")
    return redirect(link("buddies.page"), 303)
