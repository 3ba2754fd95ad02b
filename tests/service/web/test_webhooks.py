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


@pytest.fixture
def sent_invite(kinship, worker, db) -> str:
    """Kim, invited, and the Twilio SID of the invitation the worker sent her."""
    kinship("community", "add", "Harbour Lights")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Kim", "--phone", "+14155550188")
    worker()
    with db.session() as s:
        return s.scalar(select(OutboundMessage.twilio_sid).where(OutboundMessage.kind == "invite"))


def test_status_callbacks_move_forward_only(twilio, db, sent_invite):
    sid = sent_invite
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


# --- strict fields: what a signature cannot vouch for on its own --------------------------

TO = "+15005550006"


def signed_post(client, path: str, params: dict, **headers):
    from twilio.request_validator import RequestValidator

    from tests.conftest import AUTH_TOKEN, PUBLIC_URL

    signature = RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_URL + path, params)
    return client.post(path, data=params, headers={"X-Twilio-Signature": signature, **headers})


def personal_data_logged(caplog, *secrets: str) -> list[str]:
    lines = [record.getMessage() + (record.exc_text or "") for record in caplog.records]
    return [line for line in lines if any(secret in line for secret in secrets)]


def test_a_signature_recut_into_another_message_sid_is_refused(client, twilio, sam, db):
    """Twilio signs names and values run together, so MessageSid=<sid>NumMedia0 without
    NumMedia carries the same signature as the original: it must not pass as a new text."""
    sid = "SM" + "b" * 32
    params = {"MessageSid": sid, "AccountSid": ACCOUNT_SID, "From": sam, "To": TO, "Body": "2", "NumMedia": "0"}
    headers = twilio.sign("/twilio/sms", params)
    assert client.post("/twilio/sms", data=params, headers=headers).status_code == 200
    recut = {key: value for key, value in params.items() if key != "NumMedia"} | {"MessageSid": sid + "NumMedia0"}
    assert twilio.sign("/twilio/sms", recut) == headers  # the signature alone cannot tell them apart
    answer = client.post("/twilio/sms", data=recut, headers=headers)
    assert answer.status_code == 400
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(InboundMessage)) == 2  # YES, and the first "2"
        assert s.scalar(select(func.count()).select_from(OutboundMessage).where(OutboundMessage.kind == "thanks")) <= 1


def test_a_retry_with_twilios_idempotency_token_is_acknowledged_once(client, sam, db):
    token = "b6f3b0a2-6f8e-4a57-9c1e-2c5d1e7a9f10"
    first = {"MessageSid": "SM" + "c" * 32, "AccountSid": ACCOUNT_SID, "From": sam, "To": TO, "Body": "2"}
    again = {**first, "MessageSid": "SM" + "d" * 32}
    assert "<Message>" in signed_post(client, "/twilio/sms", first, **{"I-Twilio-Idempotency-Token": token}).get_data(as_text=True)
    answer = signed_post(client, "/twilio/sms", again, **{"I-Twilio-Idempotency-Token": token})
    assert answer.status_code == 200 and "<Message>" not in answer.get_data(as_text=True)
    with db.session() as s:
        bodies = s.scalars(select(InboundMessage.body).order_by(InboundMessage.id)).all()
    assert bodies == ["YES", "2"]


def test_without_the_token_the_message_sid_still_dedupes(client, sam, db):
    params = {"MessageSid": "SM" + "e" * 32, "AccountSid": ACCOUNT_SID, "From": sam, "To": TO, "Body": "4"}
    assert signed_post(client, "/twilio/sms", params).status_code == 200
    assert "<Message>" not in signed_post(client, "/twilio/sms", params, **{"I-Twilio-Idempotency-Token": "fresh"}).get_data(as_text=True)
    assert count(db, InboundMessage) == 2


GOOD_SMS = {"MessageSid": "SM" + "f" * 32, "AccountSid": ACCOUNT_SID, "From": SAM, "To": TO, "Body": "feeling low, 2"}


@pytest.mark.parametrize("field, value", [
    ("MessageSid", "SM" + "a" * 70),                 # over the column's 64 characters
    ("MessageSid", "SM" + "a" * 31),
    ("MessageSid", "XX" + "a" * 32),
    ("MessageSid", "SM" + "g" * 32),
    ("MessageSid", ""),
    ("AccountSid", "AC" + "0" * 33),
    ("AccountSid", ""),
    ("To", "+1" + "5" * 40),                         # over the column's 32 characters
    ("To", "15005550006"),
    ("From", SAM + "0" * 20),
    ("From", "Sam"),
    ("From", SAM + "\x00"),
])
def test_a_signed_sms_with_a_bad_field_gets_a_400_and_a_log_line_without_personal_data(client, sam, db, caplog,
                                                                                        field, value):
    before = count(db, InboundMessage), count(db, OutboundMessage)
    caplog.set_level("DEBUG")
    answer = signed_post(client, "/twilio/sms", {**GOOD_SMS, field: value})
    assert answer.status_code == 400
    assert (count(db, InboundMessage), count(db, OutboundMessage)) == before
    assert any(field in record.getMessage() for record in caplog.records if record.levelname == "WARNING")
    assert not personal_data_logged(caplog, SAM, SAM.removeprefix("+"), "feeling low", value[:12] if field == "From" else SAM)


def test_a_field_given_twice_gets_a_400(client, sam, db):
    from werkzeug.datastructures import MultiDict

    from tests.conftest import AUTH_TOKEN, PUBLIC_URL

    params = MultiDict(list(GOOD_SMS.items()) + [("MessageSid", "SM" + "0" * 32)])
    from twilio.request_validator import RequestValidator

    signature = RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_URL + "/twilio/sms", params)
    assert client.post("/twilio/sms", data=params, headers={"X-Twilio-Signature": signature}).status_code == 400
    assert count(db, InboundMessage) == 1


def test_a_nul_in_the_body_is_stripped_and_the_reply_kept(client, sam, db, caplog):
    caplog.set_level("DEBUG")
    answer = signed_post(client, "/twilio/sms", {**GOOD_SMS, "Body": "feeling low\x00, 2"})
    assert answer.status_code == 200 and "<Message>" in answer.get_data(as_text=True)
    with db.session() as s:
        stored = s.scalar(select(InboundMessage).order_by(InboundMessage.id.desc()).limit(1))
        assert stored.body == "feeling low, 2" and stored.score == 2
    assert not personal_data_logged(caplog, SAM, "feeling low")


@pytest.mark.parametrize("field, value", [
    ("ErrorCode", "99999999999"),
    ("ErrorCode", "-1"),
    ("ErrorCode", "3000three"),
    ("MessageSid", "SM" + "a" * 70),
    ("MessageSid", "SMx"),
    ("MessageStatus", "undelivered" * 10),
    ("MessageStatus", "Undelivered; DROP"),
    ("AccountSid", "ACx"),
    ("To", "+1" + "4" * 40),
])
def test_a_signed_status_callback_with_a_bad_field_gets_a_400_and_changes_nothing(client, sent_invite, db, caplog,
                                                                                  field, value):
    caplog.set_level("DEBUG")
    params = {"MessageSid": sent_invite, "MessageStatus": "undelivered", "ErrorCode": "30005",
              "AccountSid": ACCOUNT_SID, "To": "+14155550188", "From": TO, field: value}
    answer = signed_post(client, "/twilio/status", params)
    assert answer.status_code == 400
    with db.session() as s:
        message = s.scalar(select(OutboundMessage).where(OutboundMessage.kind == "invite"))
        assert message.state == MessageState.SENT and message.error_code is None
        assert s.scalar(select(Member.status)) == MemberStatus.INVITED
    assert any(field in record.getMessage() for record in caplog.records if record.levelname == "WARNING")
    assert not personal_data_logged(caplog, "+14155550188", "14155550188")


def test_a_status_callback_without_an_error_code_still_counts(client, sent_invite, db):
    params = {"MessageSid": sent_invite, "MessageStatus": "delivered", "AccountSid": ACCOUNT_SID, "ErrorCode": ""}
    assert signed_post(client, "/twilio/status", params).status_code == 204
    with db.session() as s:
        assert s.scalar(select(OutboundMessage.state).where(OutboundMessage.kind == "invite")) == MessageState.DELIVERED


@pytest.mark.parametrize("text", [None, "", "Thanks, Sam.", "a & b < c > d \"q\" 's' é ñ 🙂\n x\r\t", "&amp;]]>"])
def test_the_answer_is_the_twiml_twilios_library_writes(text):
    from twilio.twiml.messaging_response import MessagingResponse

    from service.web.webhooks import twiml

    expected = MessagingResponse()
    if text:
        expected.message(text)
    response = twiml(text)
    assert response.get_data(as_text=True) == str(expected)
    assert response.mimetype == "text/xml"
