"""The Twilio webhooks as Twilio sees them: signatures, dedupe, TwiML, status callbacks."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from service.models import InboundMessage, Member, MemberStatus, MessageState, OutboundMessage
from tests.conftest import ACCOUNT_SID

SAM = "+14155550123"


@pytest.fixture
def sam(kinship, twilio, worker):
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam Rivera", "--phone", SAM)
    twilio.sms(SAM, "YES")
    return SAM


def count(db, model) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_an_unsigned_request_is_refused_and_changes_nothing(client, sam, db):
    before = count(db, InboundMessage)
    response = client.post("/twilio/sms", data={"MessageSid": "SMx", "From": sam, "Body": "STOP"})
    assert response.status_code == 403
    assert count(db, InboundMessage) == before
    with db.session() as s:
        assert s.scalar(select(Member.status)) == MemberStatus.ACTIVE


def test_a_wrong_signature_or_a_tampered_body_is_refused(client, twilio, sam, db):
    params = {"MessageSid": "SM1", "From": sam, "To": "+15005550006", "Body": "fine"}
    headers = twilio.sign("/twilio/sms", params)
    tampered = {**params, "Body": "STOP"}
    assert client.post("/twilio/sms", data=tampered, headers=headers).status_code == 403
    assert client.post("/twilio/sms", data=params, headers={"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"}).status_code == 403
    # Signed for another host: the signature is checked against PUBLIC_URL, not the request.
    from twilio.request_validator import RequestValidator

    from tests.conftest import AUTH_TOKEN

    elsewhere = RequestValidator(AUTH_TOKEN).compute_signature("https://evil.example/twilio/sms", params)
    assert client.post("/twilio/sms", data=params, headers={"X-Twilio-Signature": elsewhere}).status_code == 403
    with db.session() as s:
        assert s.scalar(select(Member.status)) == MemberStatus.ACTIVE


def test_a_replayed_message_sid_is_acknowledged_once(twilio, sam, db):
    first = twilio.sms(sam, "STOP", sid="SM" + "a" * 32)
    again = twilio.sms(sam, "STOP", sid="SM" + "a" * 32)
    assert "<Message>" in first.get_data(as_text=True)
    assert again.status_code == 200 and "<Message>" not in again.get_data(as_text=True)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(InboundMessage).where(InboundMessage.message_sid == "SM" + "a" * 32)) == 1
        assert s.scalar(select(func.count()).select_from(OutboundMessage).where(OutboundMessage.kind == "stop_confirm")) == 1


def test_a_stranger_gets_a_polite_answer_and_leaves_no_trace(twilio, sam, db):
    before = count(db, InboundMessage), count(db, OutboundMessage), count(db, Member)
    answer = twilio.sms("+12025550143", "hello?")
    assert answer.status_code == 200 and "<Message>" in answer.get_data(as_text=True)
    assert (count(db, InboundMessage), count(db, OutboundMessage), count(db, Member)) == before


@pytest.mark.parametrize("body", ["", "   ", "x" * 5000, "Ça va, merci 🙂 — très bien", "😔😔😔", "<b>&amp;</b>"])
def test_odd_bodies_are_stored_and_answered(twilio, sam, db, body):
    answer = twilio.sms(sam, body)
    assert answer.status_code == 200 and answer.mimetype == "text/xml"
    with db.session() as s:
        stored = s.scalar(select(InboundMessage).order_by(InboundMessage.id.desc()).limit(1))
        assert stored.body == body[:1600]


@pytest.mark.parametrize("word", ["STOP", "stop", "Stop.", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "please stop texting me"])
def test_every_stop_word_opts_out_with_one_confirmation(twilio, sam, db, word):
    answer = twilio.sms(sam, word)
    assert "<Message>" in answer.get_data(as_text=True)
    assert "<Message>" not in twilio.sms(sam, "STOP").get_data(as_text=True)
    with db.session() as s:
        assert s.scalar(select(Member.status)) == MemberStatus.OPTED_OUT


def test_start_after_stop_opts_back_in_and_help_explains(twilio, sam, db):
    twilio.sms(sam, "STOP")
    assert "<Message>" in twilio.sms(sam, "START").get_data(as_text=True)
    with db.session() as s:
        member = s.scalar(select(Member))
        assert member.status == MemberStatus.ACTIVE and member.next_checkin_at is not None
    help_text = twilio.sms(sam, "HELP").get_data(as_text=True)
    assert "STOP" in help_text and "Harbour Lights" in help_text


def test_an_invited_member_is_only_reminded_how_to_join(kinship, twilio, db):
    kinship("community", "add", "Harbour Lights")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Kim", "--phone", "+14155550188")
    answer = twilio.sms("+14155550188", "what is this?").get_data(as_text=True)
    assert "YES" in answer
    with db.session() as s:
        assert s.scalar(select(Member.status)) == MemberStatus.INVITED


def test_status_callbacks_move_forward_only(kinship, twilio, worker, twilio_api, db, sam):
    worker()
    with db.session() as s:
        sid = s.scalar(select(OutboundMessage.twilio_sid).where(OutboundMessage.kind == "invite"))
    assert twilio.status(sid, "delivered").status_code == 204
    assert twilio.status(sid, "sent").status_code == 204  # late, out of order
    with db.session() as s:
        assert s.scalar(select(OutboundMessage.state).where(OutboundMessage.twilio_sid == sid)) == MessageState.DELIVERED


def test_an_unsigned_status_callback_is_refused(client, db):
    response = client.post("/twilio/status", data={"MessageSid": "SMx", "MessageStatus": "failed", "AccountSid": ACCOUNT_SID})
    assert response.status_code == 403


def test_healthz_reports_database_and_redis(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok", "database": "ok", "redis": "ok"}
