"""Who sees what: a coordinator sees and acts on their own communities only.

Every lookup of a member, an alert, a rule or a broadcast goes through here. Anything
outside the coordinator's communities -- or that does not exist -- answers 404, the same
either way, and an attempt to reach another community's thing is written to the audit log
as "denied" (in its own transaction, so nothing the view had begun is committed with it).
"""

from __future__ import annotations

from typing import NoReturn

from flask import abort, g, request
from flask import session as cookie
from sqlalchemy import select

from service import audit, clock, web
from service.messaging import broadcasts
from service.models import Alert, AuditEvent, Community, Coordinator, InboundMessage, Member, NeverPair, OutboundMessage


def coordinator() -> Coordinator:
    return g.coordinator


def community_ids() -> set[int]:
    return {c.id for c in coordinator().communities}


def communities() -> list[Community]:
    return sorted(coordinator().communities, key=lambda c: c.name.lower())


def client_address() -> str | None:
    return request.remote_addr


def deny(target: str, **detail) -> NoReturn:
    """Write "denied" to the audit log and answer 404, as if the thing did not exist."""
    with web.context().db.session() as separate:
        audit.record(separate, separate.get(Coordinator, coordinator().id), "denied", target,
                     {"path": request.path, "method": request.method, **detail}, client_address(), clock.utcnow())
    abort(404)


def _use(community: Community) -> Community:
    g.community = community
    cookie["community_id"] = community.id
    return community


def current_community() -> Community:
    """The community this request is about: ?community=ID if given (and theirs), else the last one used."""
    if "community" in g:
        return g.community
    mine = {c.id: c for c in coordinator().communities}
    asked = request.args.get("community")
    if asked is not None:
        try:
            wanted = int(asked)
        except ValueError:
            deny(f"community:{asked[:40]}")
        if wanted not in mine:
            deny(f"community:{wanted}")
        return _use(mine[wanted])
    remembered = cookie.get("community_id")
    if remembered in mine:
        return _use(mine[remembered])
    if not mine:
        abort(404)
    return _use(communities()[0])


def _scoped(thing, name: str, thing_id: int):
    """``thing`` if it is in one of the coordinator's communities (which becomes the current one)."""
    if thing is None:
        abort(404)
    if thing.community_id not in community_ids():
        deny(f"{name}:{thing_id}", community_id=thing.community_id)
    _use(web.session().get(Community, thing.community_id))
    return thing


def member_or_404(member_id: int) -> Member:
    return _scoped(web.session().get(Member, member_id), "member", member_id)


def alert_or_404(alert_id: int) -> Alert:
    return _scoped(web.session().get(Alert, alert_id), "alert", alert_id)


def outbound_or_404(message_id: int) -> OutboundMessage:
    return _scoped(web.session().get(OutboundMessage, message_id), "message", message_id)


def reply_or_404(reply_id: int) -> InboundMessage:
    """A member's text, if the member is in one of the coordinator's communities."""
    reply = web.session().get(InboundMessage, reply_id)
    _scoped(reply.member if reply is not None else None, "reply", reply_id)
    return reply


def rule_or_404(rule_id: int) -> NeverPair:
    return _scoped(web.session().get(NeverPair, rule_id), "never_pair", rule_id)


def broadcast_or_404(broadcast_id: int) -> AuditEvent:
    event = web.session().get(AuditEvent, broadcast_id)
    if event is not None and (event.action != broadcasts.ACTION or event.community_id is None):
        event = None
    return _scoped(event, "broadcast", broadcast_id)


def replies_of(community: Community, ids: list[int]) -> list[InboundMessage]:
    """The members' texts with these ids, all of ``community``; anything else is denied."""
    return _all_of(community, InboundMessage, ids, "reply", lambda reply: reply.member.community_id)


def members_of(community: Community, ids: list[int]) -> list[Member]:
    """The members with these ids, all of ``community``; anything else is denied."""
    return _all_of(community, Member, ids, "member", lambda member: member.community_id)


def _all_of(community: Community, model, ids: list[int], name: str, community_of) -> list:
    found = {thing.id: thing for thing in web.session().scalars(select(model).where(model.id.in_(ids)))}
    for thing_id in ids:
        thing = found.get(thing_id)
        if thing is None:
            abort(404)
        if community_of(thing) != community.id:
            deny(f"{name}:{thing_id}", community_id=community_of(thing))
    return [found[i] for i in ids]
