"""Nothing stuck out of sight: a text that may or may not have gone is on the Now page, and a
coordinator settles it without a second text unless they ask for one."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from service.models import AuditEvent, Member, MessageState, OutboundMessage
from tests.service.web.dashboard.conftest import SAM, text_of


def stuck_text(db, member_id: int, now, minutes_ago: int) -> int:
    """A check-in claimed by a worker that then died: as the database is left by kill -9."""
    with db.session() as s:
        member = s.get(Member, member_id)
        message = OutboundMessage(community_id=member.community_id, member_id=member.id, to_phone=member.phone,
                                  kind="checkin", template="checkin", context={}, body="How are you today?",
                                  state=MessageState.SENDING, attempts=1, created_at=now - timedelta(minutes=minutes_ago),
                                  claimed_at=now - timedelta(minutes=minutes_ago))
        s.add(message)
        s.flush()
        return message.id


def state_of(db, message_id: int) -> OutboundMessage:
    with db.session() as s:
        return s.get(OutboundMessage, message_id)


def test_a_text_in_sending_for_eleven_minutes_is_listed_and_marked_sent_without_a_text(signed_in, members, db, now,
                                                                                       twilio_api):
    message_id = stuck_text(db, members["Sam"], now, 11)
    fresh = stuck_text(db, members["Alex"], now, 5)
    page = text_of(signed_in.get("/"))
    assert "May or may not have been sent" in page and "Sam Rivera" in page
    assert f'id="message-{message_id}"' in signed_in.get("/").get_data(as_text=True)
    assert f'id="message-{fresh}"' not in signed_in.get("/").get_data(as_text=True)
    answer = signed_in.post(f"/messages/{message_id}/mark-sent")
    assert answer.status_code == 303
    assert state_of(db, message_id).state == MessageState.SENT
    assert twilio_api.sent_to(SAM) == []
    assert f'id="message-{message_id}"' not in signed_in.get("/").get_data(as_text=True)
    with db.session() as s:
        assert s.scalar(select(AuditEvent).where(AuditEvent.action == "message.mark_sent")) is not None


def test_send_again_queues_it_once_when_asked(signed_in, members, db, now, worker, twilio_api):
    message_id = stuck_text(db, members["Sam"], now, 11)
    signed_in.post(f"/messages/{message_id}/send-again")
    worker()
    assert state_of(db, message_id).state == MessageState.SENT
    assert twilio_api.sent_to(SAM) == ["How are you today?"]
    # A second press after it was settled changes nothing.
    signed_in.post(f"/messages/{message_id}/send-again")
    worker()
    assert twilio_api.sent_to(SAM) == ["How are you today?"]


def test_another_communitys_coordinator_cannot_touch_it(signed_in, members, outsider, db, now):
    message_id = stuck_text(db, members["Sam"], now, 11)
    assert outsider.post(f"/messages/{message_id}/mark-sent").status_code == 404
    assert outsider.post(f"/messages/{message_id}/send-again").status_code == 404
    assert state_of(db, message_id).state == MessageState.SENDING


def test_texts_not_getting_through_show_on_the_member_and_the_now_page(signed_in, members, db, now):
    with db.session() as s:
        s.get(Member, members["Sam"]).texts_failing_since = now - timedelta(hours=1)
    assert "texts are not getting through" in text_of(signed_in.get(f"/members/{members['Sam']}"))
    assert "Texts are not getting through" in text_of(signed_in.get("/"))
