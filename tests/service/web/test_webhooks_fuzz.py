"""Twilio's webhooks under fuzz: Hypothesis writes the forms, signed and unsigned.

Whatever the form, the answer is never a 5xx. Unsigned or wrongly signed, it is a 403 and
nothing changes. Signed, a form whose fields are not Twilio's (by the formats the webhook
promises: SIDs, E.164 numbers, error codes) is a 400 and nothing changes; a valid one is
answered. The examples are derandomised so CI runs the same ones every time.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from service.models import Base, OutboundMessage
from tests.conftest import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_URL

SAM = "+14155550123"
FUZZ = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# What the webhook promises to accept, written out here as the specification.
SID = re.compile(r"(SM|MM)[0-9a-fA-F]{32}")
ACCOUNT = re.compile(r"AC[0-9a-fA-F]{32}")
E164 = re.compile(r"\+[1-9][0-9]{1,14}")

odd_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "\x00", "\n", "\r\n", "%00", "SM", "AC", "+", "+1", "null", "None", "-1", "0",
                     "99999999999", "9" * 400, "é" * 70, "<Response>", "' OR 1=1 --", "${jndi:ldap://x}"]),
)


def sid_like(prefix: str) -> st.SearchStrategy[str]:
    mixed = st.text("0123456789abcdefABCDEF", min_size=32, max_size=32)
    recut = st.builds(lambda h, tail: prefix + h + tail, mixed, st.sampled_from(["NumMedia0", "0", "x", " "]))
    return st.one_of(mixed.map(lambda h: prefix + h), recut, odd_text, st.sampled_from(["SM", "MM"]).map(lambda p: p + "0" * 31))


phones = st.one_of(st.just(SAM), st.just(FROM_NUMBER), st.from_regex(r"\+[1-9][0-9]{1,14}", fullmatch=True),
                   st.sampled_from([SAM + "0" * 30, SAM[1:], SAM + "\x00", "+0123", "whatsapp:" + SAM]), odd_text)
bodies = st.one_of(st.text(max_size=200), st.sampled_from(["2", "STOP", "YES", "I want to end it all", "a\x00b",
                                                           "x" * 2000, "PAUSE 3 days", "@buddy hi"]))


def form(valid: dict[str, st.SearchStrategy[str]], odd: dict[str, st.SearchStrategy[str]]):
    """Twilio's own form, the same with one field spoilt or dropped, or anything at all."""
    extra = st.dictionaries(st.sampled_from(["NumMedia", "SmsSid", "ApiVersion", "Foo", "messagesid"]), odd_text,
                            max_size=2)
    good = st.fixed_dictionaries(valid)

    def spoil(params: dict, name: str, value: str | None) -> dict:
        params = {k: v for k, v in params.items() if k != name}
        return params if value is None else {**params, name: value}

    spoilt = st.builds(spoil, good, st.sampled_from(sorted(valid)), st.one_of(st.none(), odd_text))
    anything = st.fixed_dictionaries({}, optional=odd)
    return st.builds(lambda params, more: {**more, **params}, st.one_of(good, spoilt, anything), extra)


hex32 = st.text("0123456789abcdef", min_size=32, max_size=32)
sms_forms = form(
    {"MessageSid": hex32.map(lambda h: "SM" + h), "AccountSid": st.just(ACCOUNT_SID),
     "From": st.one_of(st.just(SAM), st.from_regex(r"\+1[2-9][0-9]{9}", fullmatch=True)), "To": st.just(FROM_NUMBER),
     "Body": bodies},
    {"MessageSid": sid_like("SM"), "AccountSid": sid_like("AC"), "From": phones, "To": phones, "Body": bodies},
)
statuses = st.sampled_from(["delivered", "undelivered", "failed", "sent", "read", "canceled", "queued",
                            "partially_delivered"])
status_forms = form(
    {"MessageSid": st.one_of(st.just("invite"), hex32.map(lambda h: "SM" + h)), "AccountSid": st.just(ACCOUNT_SID),
     "MessageStatus": statuses, "ErrorCode": st.sampled_from(["30003", "30005", "21610", "21211", "", "0"]),
     "To": st.just("+14155550188"), "From": st.just(FROM_NUMBER)},
    {"MessageSid": st.one_of(st.just("invite"), sid_like("SM")), "AccountSid": sid_like("AC"),
     "MessageStatus": st.one_of(statuses, odd_text), "ErrorCode": odd_text, "To": phones, "From": phones},
)


# A header is one line of Latin-1: no HTTP client can send anything else.
header_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=140)
tokens = st.one_of(st.none(), st.sampled_from(["tok-1", "tok-2"]), header_text)


def snapshot(db) -> tuple:
    """Every row of every table: what 'nothing changed' means."""
    with db.session() as s:
        return tuple(tuple(sorted(map(repr, s.execute(select(table)).all()))) for table in Base.metadata.sorted_tables)


def sign(path: str, params: dict) -> str:
    from twilio.request_validator import RequestValidator

    return RequestValidator(AUTH_TOKEN).compute_signature(PUBLIC_URL + path, params)


def valid_sms(params: dict) -> bool:
    return (bool(SID.fullmatch(params.get("MessageSid", ""))) and bool(ACCOUNT.fullmatch(params.get("AccountSid", "")))
            and all(E164.fullmatch(params.get(name, "")) for name in ("From", "To")))


def valid_status(params: dict) -> bool:
    return (bool(SID.fullmatch(params.get("MessageSid", ""))) and bool(ACCOUNT.fullmatch(params.get("AccountSid", "")))
            and bool(re.fullmatch(r"[a-z_]{1,32}", params.get("MessageStatus", "")))
            and all(E164.fullmatch(params[name]) for name in ("From", "To") if name in params)
            and bool(re.fullmatch(r"[0-9]{0,6}", params.get("ErrorCode", ""))))


@pytest.fixture
def sam(kinship, twilio, worker, db) -> str:
    """Sam has joined; Kim is invited, and her invitation's SID is what status callbacks aim at."""
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam Rivera", "--phone", SAM)
    twilio.sms(SAM, "YES")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Kim", "--phone", "+14155550188")
    worker()
    with db.session() as s:
        return s.scalar(select(OutboundMessage.twilio_sid).where(OutboundMessage.kind == "invite",
                                                                 OutboundMessage.twilio_sid.is_not(None)))


@FUZZ
@given(path=st.sampled_from(["/twilio/sms", "/twilio/status"]), params=st.one_of(sms_forms, status_forms),
       signature=st.one_of(st.none(), header_text, st.just("bm90IGEgc2lnbmF0dXJl")), token=tokens)
def test_an_unsigned_or_wrongly_signed_form_is_refused_and_changes_nothing(client, sam, db, path, params, signature, token):
    before = snapshot(db)
    headers = {} if signature is None else {"X-Twilio-Signature": signature}
    if token is not None:
        headers["I-Twilio-Idempotency-Token"] = token
    answer = client.post(path, data=params, headers=headers)
    assert answer.status_code == 403
    assert snapshot(db) == before


@FUZZ
@given(params=sms_forms, token=tokens)
def test_a_signed_sms_form_is_answered_or_refused_never_a_5xx(client, sam, db, params, token):
    before = snapshot(db)
    headers = {"X-Twilio-Signature": sign("/twilio/sms", params)}
    if token is not None:
        headers["I-Twilio-Idempotency-Token"] = token
    answer = client.post("/twilio/sms", data=params, headers=headers)
    event(f"answered {answer.status_code}")
    assert answer.status_code < 500
    if valid_sms(params):
        assert answer.status_code == 200 and answer.mimetype == "text/xml"
    else:
        assert answer.status_code == 400
        assert snapshot(db) == before


@FUZZ
@given(params=status_forms)
def test_a_signed_status_callback_is_applied_or_refused_never_a_5xx(client, sam, db, params):
    if params.get("MessageSid") == "invite":
        params = {**params, "MessageSid": sam}
    before = snapshot(db)
    answer = client.post("/twilio/status", data=params, headers={"X-Twilio-Signature": sign("/twilio/status", params)})
    event(f"answered {answer.status_code}")
    assert answer.status_code < 500
    if valid_status(params):
        assert answer.status_code == 204
    else:
        assert answer.status_code == 400
        assert snapshot(db) == before
