"""Who sees what: a coordinator of another community reaches nothing of Harbour Lights.

Every dashboard route is tried -- found from the app's own URL map, so a route added later
is tried too -- with Harbour Lights' member, alert, rule and broadcast ids, and with its
community id. Each answers 404 and leaves a "denied" line in the audit log.
"""

from __future__ import annotations

from sqlalchemy import select

from service.care.buddies import add_never_rule
from service.messaging import broadcasts
from service.models import (
    Alert,
    AuditEvent,
    Community,
    Coordinator,
    InboundMessage,
    Member,
    NeverPair,
    OutboundMessage,
)
from tests.service.web.dashboard.conftest import SAM, count, text_of

PUBLIC = {"static", "auth.login_form", "auth.login", "auth.logout", "auth.password", "healthz", "twilio.sms", "twilio.status",
          "metrics"}  # /metrics answers its bearer token, not a coordinator's session


def harbour_things(db, coordinator, twilio, members) -> dict[str, int]:
    twilio.sms(SAM, "I want to end it all")
    with db.session() as s:
        community = s.get(Community, coordinator.community_id)
        dana = s.get(Coordinator, coordinator.id)
        sam, alex = s.get(Member, members["Sam"]), s.get(Member, members["Alex"])
        rule = add_never_rule(s, community, sam, alex, dana, sam.created_at)
        event = broadcasts.send(s, community, dana, "Picnic on Sunday", broadcasts.Audience(), sam.created_at)
        s.flush()
        return {"member_id": sam.id, "alert_id": s.scalar(select(Alert.id)), "rule_id": rule.id, "broadcast_id": event.id,
                "reply_id": s.scalar(select(InboundMessage.id)),
                "message_id": s.scalar(select(OutboundMessage.id).where(OutboundMessage.community_id == community.id))}


def dashboard_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.endpoint not in PUBLIC]


def test_every_route_refuses_another_communitys_things_with_404_and_an_audit_line(
        signed_in, outsider, coordinator, twilio, members, db, app):
    ids = harbour_things(db, coordinator, twilio, members)
    tried = 0
    for rule in dashboard_rules(app):
        values = {name: ids[name] for name in rule.arguments}
        path = rule.build(values, append_unknown=False)[1]
        attempts = [path] if rule.arguments else []
        attempts.append(f"{path}?community={coordinator.community_id}")
        for url in attempts:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                before = count(db, AuditEvent, AuditEvent.action == "denied", AuditEvent.coordinator_id == outsider.account.id)
                if method == "GET":
                    answer = outsider.get(url)
                else:
                    answer = outsider.post(url, {"note": "x", "text": "x", "status": "active", "until": "1 week",
                                                 "buddy_id": str(ids["member_id"]), "a": str(ids["member_id"]),
                                                 "b": str(ids["member_id"]), "name": "Hacked", "seed": "1",
                                                 "reply": str(ids["reply_id"])})
                assert answer.status_code == 404, (method, url, answer.status_code)
                assert "Hacked" not in text_of(answer) and "Sam Rivera" not in text_of(answer), url
                after = count(db, AuditEvent, AuditEvent.action == "denied", AuditEvent.coordinator_id == outsider.account.id)
                assert after == before + 1, (method, url)
                tried += 1
    assert tried >= 30
    with db.session() as s:
        assert s.get(Member, ids["member_id"]).name == "Sam Rivera"
        assert s.get(Alert, ids["alert_id"]).state.value == "open"
        assert s.get(NeverPair, ids["rule_id"]) is not None
        denied = s.scalars(select(AuditEvent).where(AuditEvent.action == "denied")).all()
        assert {e.detail["path"] for e in denied} >= {f"/members/{ids['member_id']}", f"/alerts/{ids['alert_id']}/acknowledge"}


def test_their_own_pages_work_and_never_show_the_other_community(signed_in, outsider, coordinator, members, db):
    for path in ["/", "/members", "/buddies", "/broadcast", "/settings", "/audit"]:
        answer = outsider.get(path)
        assert answer.status_code == 200, path
        assert "Sam Rivera" not in text_of(answer) and "Harbour Lights" not in text_of(answer), path
    assert "Rae Other" in text_of(outsider.get("/members"))


def test_a_buddy_or_a_rule_cannot_reach_across_communities(signed_in, outsider, members, db):
    with db.session() as s:
        rae_id = s.scalar(select(Member.id).where(Member.name == "Rae Other"))
    answer = signed_in.post(f"/members/{members['Sam']}/buddy", {"buddy_id": str(rae_id)})
    assert answer.status_code == 404
    answer = signed_in.post("/buddies/never", {"a": str(members["Sam"]), "b": str(rae_id)})
    assert answer.status_code == 404
    assert count(db, NeverPair) == 0
    assert count(db, AuditEvent, AuditEvent.action == "denied", AuditEvent.target == f"member:{rae_id}") == 2


def test_a_coordinator_of_two_communities_switches_between_them(signed_in, outsider, coordinator, members, db):
    from service import clock
    from service.communities import add_coordinator

    with db.session() as s:
        add_coordinator(s, coordinator.email, "Riverside", "unused password", now=clock.utcnow())
        riverside = s.scalar(select(Community.id).where(Community.name == "Riverside"))
    page = text_of(signed_in.get("/members"))
    assert "Sam Rivera" in page and "Switch" in page
    page = text_of(signed_in.get(f"/members?community={riverside}"))
    assert "Rae Other" in page and "Sam Rivera" not in page
    # The choice is remembered for pages without a community in the URL.
    assert "Rae Other" in text_of(signed_in.get("/members"))
    assert signed_in.get("/members?community=999").status_code == 404
    assert signed_in.get("/members?community=abc").status_code == 404
