"""The Now page: who needs someone right now, in the order that matters, and acting on it."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from service import clock
from service.models import Alert, AlertKind, AlertState, AuditEvent, Member, MemberStatus
from tests.service.web.dashboard.conftest import ALEX, JORDAN, MARIA, SAM, count, text_of


def alert_of(db, member_id) -> Alert:
    with db.session() as s:
        return s.scalar(select(Alert).where(Alert.member_id == member_id))


def order_on_page(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'id="alert-(\d+)"', html)]


def later(now, minutes):
    clock.freeze(now + timedelta(minutes=minutes))


def test_crisis_first_then_waiting_then_acknowledged(signed_in, twilio, members, db, now):
    twilio.sms(JORDAN, "2")                     # support, will be acknowledged
    later(now, 1); twilio.sms(ALEX, "2")        # support, waiting
    later(now, 2); twilio.sms(MARIA, "quiero morirme")  # crisis, will be acknowledged
    later(now, 3); twilio.sms(SAM, "I want to end it all")  # crisis, waiting, newest of all
    jordan, alex, maria, sam = (alert_of(db, members[n]) for n in ("Jordan", "Alex", "Maria", "Sam"))
    assert maria.kind == sam.kind == AlertKind.CRISIS and jordan.kind == alex.kind == AlertKind.SUPPORT
    for alert in (jordan, maria):
        assert signed_in.post(f"/alerts/{alert.id}/acknowledge").status_code == 303
    page = signed_in.get("/")
    assert order_on_page(page.get_data(as_text=True)) == [sam.id, maria.id, alex.id, jordan.id]
    assert order_on_page(signed_in.get("/_now").get_data(as_text=True)) == [sam.id, maria.id, alex.id, jordan.id]


def test_an_alert_shows_who_why_and_who_was_told(signed_in, twilio, members, db):
    twilio.sms(SAM, "I want to end it all")
    words = text_of(signed_in.get("/"))
    assert "Crisis" in words and "Sam Rivera" in words
    assert "talk of ending their life" in words  # the reading's reasons
    assert "Told: dana@example.org (coordinator)" in words
    assert "Nobody on it yet" in words
    assert "I'm on it" in words and "Resolve" in words


def test_the_partial_polls_itself_and_needs_no_reload(signed_in, members):
    page = signed_in.get("/").get_data(as_text=True)
    assert re.search(r'<div id="now" hx-get="/_now\?community=\d+" hx-trigger="every 15s" hx-swap="outerHTML">', page)
    partial = signed_in.get("/_now", headers={"HX-Request": "true"}).get_data(as_text=True)
    assert partial.lstrip().startswith('<div id="now"') and "<html" not in partial


def test_a_calm_community_says_so(signed_in):
    words = text_of(signed_in.get("/"))
    assert "No open alerts" in words and "all calm" in words


def test_no_alerts_is_said_first_even_when_members_need_a_buddy(signed_in, members):
    words = text_of(signed_in.get("/"))
    assert "No open alerts" in words and "all calm" not in words
    assert words.index("No open alerts") < words.index("No buddy to turn to")


def test_im_on_it_acknowledges_in_the_coordinators_name(signed_in, twilio, members, db, coordinator):
    twilio.sms(SAM, "I want to end it all")
    alert = alert_of(db, members["Sam"])
    answer = signed_in.post(f"/alerts/{alert.id}/acknowledge")
    assert answer.status_code == 303 and answer.headers["Location"].startswith("/")
    alert = alert_of(db, members["Sam"])
    assert alert.state == AlertState.ACKNOWLEDGED and alert.acknowledged_by == coordinator.email
    words = text_of(signed_in.get("/"))
    assert f"On it: {coordinator.email}" in words
    assert count(db, AuditEvent, AuditEvent.action == "alert.acknowledge", AuditEvent.target == f"alert:{alert.id}") == 1
    # Pressing it again changes nothing and says who is on it.
    signed_in.post(f"/alerts/{alert.id}/acknowledge")
    assert count(db, AuditEvent, AuditEvent.action == "alert.acknowledge") == 1


def test_resolve_needs_a_note_and_then_closes_the_alert(signed_in, twilio, members, db, coordinator):
    twilio.sms(ALEX, "2")
    alert = alert_of(db, members["Alex"])
    refused = signed_in.post(f"/alerts/{alert.id}/resolve", {"note": "   "}, follow_redirects=True)
    assert "write a note saying what was done" in text_of(refused)
    assert alert_of(db, members["Alex"]).state == AlertState.OPEN
    answer = signed_in.post(f"/alerts/{alert.id}/resolve", {"note": "Called Alex; they are OK, seeing a friend tonight."})
    assert answer.status_code == 303
    alert = alert_of(db, members["Alex"])
    assert alert.state == AlertState.RESOLVED and alert.resolved_by_id == coordinator.id
    assert alert.resolution_note.startswith("Called Alex")
    words = text_of(signed_in.get("/"))
    assert "Resolved the alert for Alex Chen" in words
    assert "Open alerts" not in words
    again = signed_in.post(f"/alerts/{alert.id}/resolve", {"note": "twice"}, follow_redirects=True)
    assert "already resolved" in text_of(again)


def test_resolving_from_the_member_page_returns_there(signed_in, twilio, members, db):
    twilio.sms(ALEX, "2")
    alert = alert_of(db, members["Alex"])
    back = f"/members/{members['Alex']}"
    answer = signed_in.post(f"/alerts/{alert.id}/resolve", {"note": "ok", "back": back})
    assert answer.headers["Location"] == back
    answer = signed_in.post(f"/alerts/{alert.id}/acknowledge", {"back": "https://evil.example/"})
    assert not answer.headers["Location"].startswith("https://evil")


def test_unreachable_and_silent_members_are_listed(signed_in, members, db):
    with db.session() as s:
        sam = s.get(Member, members["Sam"])
        sam.status, sam.unreachable_code = MemberStatus.UNREACHABLE, 30003
        s.get(Member, members["Alex"]).consecutive_missed = 3
        s.get(Member, members["Jordan"]).consecutive_missed = 1
    words = text_of(signed_in.get("/"))
    assert "Can't get texts" in words and "carrier error 30003" in words
    assert "Silent" in words and "Alex Chen missed 3 in a row" in words
    assert "Jordan Blake missed" not in words


def test_members_without_a_reachable_buddy_are_listed(signed_in, members, db):
    words = text_of(signed_in.get("/"))
    assert "No buddy to turn to" in words
    for name in ("Sam Rivera", "Alex Chen", "Maria Lopez", "Jordan Blake"):
        assert name in words
    assert "Kim Walker" not in words  # only invited: not in the buddy system yet
