"""Broadcast: a live counter, sending under the usual rules, and progress by state."""

from __future__ import annotations

from sqlalchemy import select

from service import clock
from service.models import AuditEvent, Member, MemberStatus, OutboundMessage
from tests.service.web.dashboard.conftest import count, text_of


def test_the_counter_counts_characters_texts_encoding_and_recipients(signed_in, members):
    answer = signed_in.post("/broadcast/_counter", {"text": "Picnic on Sunday!", "status": ["active"]},
                            headers={"HX-Request": "true"})
    words = text_of(answer)
    assert "<html" not in answer.get_data(as_text=True)
    assert "33 characters" in words and "1 text" in words and "GSM-7" in words  # "Harbour Lights: " + 17
    assert "Goes to 4 members" in words
    long = signed_in.post("/broadcast/_counter", {"text": "é" * 10 + "🙂" * 40, "status": ["active", "paused"], "language": "es"})
    words = text_of(long)
    assert "Unicode" in words and "2 texts" in words and "Goes to 1 member." in words
    nobody = signed_in.post("/broadcast/_counter", {"text": "x"})
    assert "choose who gets it" in text_of(nobody).lower()


def test_the_page_wires_the_counter_through_htmx_without_inline_script(signed_in):
    html = signed_in.get("/broadcast").get_data(as_text=True)
    assert 'hx-post="/broadcast/_counter?community=' in html
    assert 'hx-trigger="input changed delay:300ms from:#text, change"' in html


def test_a_broadcast_skips_who_cannot_get_it_and_reports_progress(signed_in, members, db, worker):
    with db.session() as s:
        s.get(Member, members["Jordan"]).status = MemberStatus.OPTED_OUT
        s.get(Member, members["Alex"]).status = MemberStatus.PAUSED
    answer = signed_in.post("/broadcast", {"text": "Picnic on Sunday at noon.", "status": ["active", "paused"]})
    assert answer.status_code == 303
    with db.session() as s:
        sent = s.scalars(select(OutboundMessage).where(OutboundMessage.kind == "broadcast")).all()
        assert sorted(m.member_id for m in sent) == sorted([members["Sam"], members["Alex"], members["Maria"]])
        broadcast_id = s.scalar(select(AuditEvent.id).where(AuditEvent.action == "broadcast.send"))
    assert answer.headers["Location"].startswith(f"/broadcast/{broadcast_id}")
    assert "0 of 3 sent" in text_of(signed_in.get(f"/broadcast/{broadcast_id}"))
    assert 'hx-trigger="every 5s"' in signed_in.get(f"/broadcast/{broadcast_id}/_progress").get_data(as_text=True)
    worker()
    progress = signed_in.get(f"/broadcast/{broadcast_id}/_progress")
    assert "3 of 3 sent" in text_of(progress) and "Done." in text_of(progress)
    assert "hx-trigger" not in progress.get_data(as_text=True)  # finished: it stops polling
    with db.session() as s:
        bodies = s.scalars(select(OutboundMessage.body).where(OutboundMessage.kind == "broadcast")).all()
        assert bodies == ["Harbour Lights: Picnic on Sunday at noon."] * 3


def test_a_broadcast_waits_for_quiet_hours(signed_in, members, db, now):
    clock.freeze(now.replace(hour=4))  # 22:00 in Chicago
    signed_in.post("/broadcast", {"text": "Good morning, all.", "status": ["active"], "language": "en"})
    with db.session() as s:
        held = s.scalars(select(OutboundMessage).where(OutboundMessage.kind == "broadcast")).all()
        assert len(held) == 3 and all(m.not_before is not None and m.not_before > now.replace(hour=4) for m in held)
        broadcast_id = s.scalar(select(AuditEvent.id).where(AuditEvent.action == "broadcast.send"))
    words = text_of(signed_in.get(f"/broadcast/{broadcast_id}"))
    assert "Held for quiet hours (sent in their morning): 3" in words


def test_a_bad_broadcast_is_refused_and_sends_nothing(signed_in, members, db):
    cases = [({"text": "", "status": ["active"]}, "Write the message first"),
             ({"text": "x" * 700, "status": ["active"]}, "keep it to 4 or fewer"),
             ({"text": "Hello", "status": []}, "Choose who gets it"),
             ({"text": "Hello", "status": ["opted_out"]}, "cannot get a broadcast"),
             ({"text": "Hello", "status": ["active"], "language": "fr"}, "unsupported language"),
             ({"text": "Hello", "status": ["paused"]}, "Nobody in this community matches")]
    for form, words in cases:
        answer = signed_in.post("/broadcast", form)
        assert answer.status_code == 422, form
        assert "Not sent." in text_of(answer) and words.lower() in text_of(answer).lower(), form
        if form["text"]:
            assert form["text"] in answer.get_data(as_text=True)  # the text is kept
    assert count(db, OutboundMessage, OutboundMessage.kind == "broadcast") == 0
    assert count(db, AuditEvent, AuditEvent.action == "broadcast.send") == 0


def test_an_unknown_broadcast_is_not_found(signed_in, members):
    assert signed_in.get("/broadcast/4242").status_code == 404
