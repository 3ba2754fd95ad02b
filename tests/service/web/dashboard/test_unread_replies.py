"""Unread replies on the Now page: every reply in words that raised no alert waits there, with
the member's own words, until a coordinator marks it read -- and each marking is audited."""

from __future__ import annotations

import re

from sqlalchemy import select

from service.models import AuditEvent, InboundMessage
from tests.service.web.dashboard.conftest import ALEX, JORDAN, MARIA, SAM, count, text_of

CALM = "walked the dog by the river, saw an old friend"


def reply_id(db, body: str) -> int:
    with db.session() as s:
        return s.scalar(select(InboundMessage.id).where(InboundMessage.body == body))


def unread_ids(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'id="reply-(\d+)"', html)]


def test_a_calm_reply_in_words_waits_with_the_members_own_words(signed_in, twilio, members, db):
    twilio.sms(SAM, CALM)
    twilio.sms(ALEX, "4")  # a number alone: nothing to read
    twilio.sms(JORDAN, "2, rough week")  # an alert: its card shows the words
    twilio.sms(MARIA, "3/5")
    page = signed_in.get("/").get_data(as_text=True)
    words = text_of(signed_in.get("/"))
    assert "Unread replies 1" in words
    assert f"Sam Rivera · just now (Mon 30 Nov, 09:00) “{CALM}”" in words
    assert unread_ids(page) == [reply_id(db, CALM)]
    assert "Mark read" in words and "Mark all" not in words  # one reply: one button


def test_marking_a_reply_read_takes_it_off_the_list_and_is_audited(signed_in, twilio, members, db, coordinator):
    twilio.sms(SAM, CALM)
    calm = reply_id(db, CALM)
    answer = signed_in.post(f"/replies/{calm}/read")
    assert answer.status_code == 303
    words = text_of(signed_in.get("/"))
    assert "Marked Sam Rivera's reply read." in words
    assert "Unread replies" not in words and CALM not in words
    with db.session() as s:
        reply = s.get(InboundMessage, calm)
        assert not reply.awaits_reading and reply.read_by_id == coordinator.id and reply.read_at is not None
        [event] = s.scalars(select(AuditEvent).where(AuditEvent.action == "reply.read")).all()
        assert event.target == f"member:{members['Sam']}" and event.detail["reply_id"] == calm
    assert "marked a reply read" in text_of(signed_in.get("/audit"))
    # Twice is once.
    again = signed_in.post(f"/replies/{calm}/read", follow_redirects=True)
    assert "already marked read" in text_of(again)
    assert count(db, AuditEvent, AuditEvent.action == "reply.read") == 1


def test_mark_all_marks_the_replies_on_screen_and_never_one_that_came_later(signed_in, twilio, members, db):
    twilio.sms(SAM, CALM)
    twilio.sms(ALEX, "long shift but we got it done")
    shown = unread_ids(signed_in.get("/").get_data(as_text=True))
    assert len(shown) == 2 and "Mark all 2 read" in text_of(signed_in.get("/"))
    twilio.sms(MARIA, "todo tranquilo, cocinando con mi hija")  # arrives after the page was drawn
    answer = signed_in.post("/replies/read", {"reply": [str(i) for i in shown]}, follow_redirects=True)
    words = text_of(answer)
    assert "Marked 2 replies read." in words
    assert unread_ids(answer.get_data(as_text=True)) == [reply_id(db, "todo tranquilo, cocinando con mi hija")]
    with db.session() as s:
        [event] = s.scalars(select(AuditEvent).where(AuditEvent.action == "reply.read_all")).all()
        assert event.detail["count"] == 2 and sorted(event.detail["reply_ids"]) == sorted(shown)
    assert "marked unread replies read" in text_of(signed_in.get("/audit"))


def test_a_bad_mark_all_changes_nothing(signed_in, twilio, members, db):
    twilio.sms(SAM, CALM)
    answer = signed_in.post("/replies/read", {"reply": "abc"}, follow_redirects=True)
    assert "could not be marked read" in text_of(answer)
    answer = signed_in.post("/replies/read", {}, follow_redirects=True)
    assert "no replies to mark read" in text_of(answer)
    assert signed_in.post("/replies/999999/read").status_code == 404
    assert count(db, InboundMessage, InboundMessage.awaits_reading.is_(True)) == 1
    assert count(db, AuditEvent, AuditEvent.action.like("reply.%")) == 0


def test_another_communitys_coordinator_never_sees_or_marks_them(signed_in, outsider, twilio, members, db):
    twilio.sms(SAM, CALM)
    calm = reply_id(db, CALM)
    assert CALM not in text_of(outsider.get("/"))
    assert outsider.post(f"/replies/{calm}/read").status_code == 404
    assert outsider.post("/replies/read", {"reply": str(calm)}).status_code == 404
    assert count(db, InboundMessage, InboundMessage.awaits_reading.is_(True)) == 1
    assert count(db, AuditEvent, AuditEvent.action == "denied", AuditEvent.target == f"reply:{calm}") == 2
    assert CALM in text_of(signed_in.get("/"))


def test_a_reply_that_opened_or_joined_an_alert_is_not_unread(signed_in, twilio, members, db):
    twilio.sms(SAM, "2, rough week")
    twilio.sms(SAM, "still rough, could someone call me")
    twilio.sms(ALEX, "I want to end it all")
    assert count(db, InboundMessage, InboundMessage.awaits_reading.is_(True)) == 0


def test_a_long_list_shows_the_longest_waiting_and_counts_them_all(signed_in, members, db, now):
    from datetime import timedelta

    with db.session() as s:
        for index in range(103):
            s.add(InboundMessage(message_sid=f"SMold{index:04d}", member_id=members["Sam"], from_phone=SAM, to_phone="",
                                 body=f"note number {index}", kind="unprompted", awaits_reading=True,
                                 received_at=now - timedelta(minutes=200 - index)))
    page = signed_in.get("/").get_data(as_text=True)
    words = text_of(signed_in.get("/"))
    assert "Unread replies 103" in words and "Here are the 100 that have waited longest." in words
    assert len(unread_ids(page)) == 100 and "note number 0”" in words and "note number 102" not in words
