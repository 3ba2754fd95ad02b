"""The audit log: every action, who and when, and every reading of a member's messages."""

from __future__ import annotations

from service import audit, clock
from service.models import AuditEvent
from tests.service.web.dashboard.conftest import count, text_of


def test_actions_and_views_are_listed_newest_first(signed_in, members, db):
    signed_in.post(f"/members/{members['Sam']}/pause", {"until": "3 days"})
    signed_in.get(f"/members/{members['Alex']}")
    words = text_of(signed_in.get("/audit"))
    assert words.index("read a member's messages") < words.index("paused a member's check-ins") < words.index("signed in")
    assert "dana@example.org" in words and "Alex Chen" in words and "Sam Rivera" in words
    only = text_of(signed_in.get("/audit?action=member.view_messages"))
    assert "read a member's messages" in only and "paused a member's check-ins" not in only


def test_a_denied_attempt_shows_in_the_log_of_its_coordinators_community(signed_in, outsider, members, db):
    outsider.get(f"/members/{members['Sam']}")
    words = text_of(outsider.get("/audit"))
    assert "was refused a page outside their communities" in words and f"/members/{members['Sam']}" in words
    assert "was refused" not in text_of(signed_in.get("/audit"))


def test_record_adds_one_line_to_the_callers_session(db, coordinator):
    from service.models import Coordinator

    with db.session() as s:
        dana = s.get(Coordinator, coordinator.id)
        event = audit.record(s, dana, "member.view_messages", "member:1", {"why": "test"}, "10.0.0.1", clock.utcnow(),
                             community_id=coordinator.community_id)
        s.flush()
        assert event.id is not None
    assert count(db, AuditEvent, AuditEvent.address == "10.0.0.1") == 1


def test_the_log_pages_back(signed_in, db, coordinator):
    from service.models import Coordinator

    with db.session() as s:
        dana = s.get(Coordinator, coordinator.id)
        for index in range(130):
            audit.record(s, dana, "member.export", f"community:{coordinator.community_id}", {}, None, clock.utcnow(),
                         community_id=coordinator.community_id)
    first = signed_in.get("/audit").get_data(as_text=True)
    assert "Older" in first
    assert signed_in.get("/audit?before=50").status_code == 200
    assert signed_in.get("/audit?before=x").status_code == 200
