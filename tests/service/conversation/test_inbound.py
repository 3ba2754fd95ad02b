"""An incoming text, counted: what a reply to a check-in costs the database, and that a
text delivered twice (one after the other, or both at once) is read and answered once."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event, func, select

from service.models import CheckIn, CheckInStatus, InboundMessage, Member, OutboundMessage
from tests.conftest import ACCOUNT_SID, FROM_NUMBER

SAM = "+14155550101"
REPLY = "good thanks, a 4 today"


@pytest.fixture
def asked(kinship, twilio, worker):
    """Sam has joined and was just asked how he is: a check-in is open."""
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam Rivera", "--phone", SAM)
    twilio.sms(SAM, "YES")
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    worker()


@pytest.fixture
def statements(app):
    """Every SQL statement the app's engine runs from now on (savepoints aside)."""
    seen: list[str] = []

    def note(_connection, _cursor, statement, *_args) -> None:
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE")):
            seen.append(" ".join(statement.split()))

    engine = app.extensions["kinship"].db.engine
    event.listen(engine, "before_cursor_execute", note)
    yield seen
    event.remove(engine, "before_cursor_execute", note)


def verbs(seen: list[str]) -> list[str]:
    return [f"{s.split()[0]} {s.split()[2] if s.startswith(('INSERT', 'DELETE')) else s.split()[1]}" for s in seen]


def test_a_reply_to_a_check_in_costs_at_most_five_statements(asked, twilio, statements, db):
    answer = twilio.sms(SAM, REPLY)
    assert "<Message>" in answer.get_data(as_text=True)
    # Who and what is open for them, in one query; then the text, the check-in, the member
    # and the answer, each written once with its final values. PostgreSQL answers the
    # check-in and notes it on the member in one statement.
    answered = (["WITH answered"] if db.engine.dialect.name == "postgresql"
                else ["UPDATE checkins", "UPDATE members"])
    assert sorted(verbs(statements)) == sorted([
        "SELECT communities.id,", "INSERT inbound_messages", *answered, "INSERT outbound_messages"]), statements
    with db.session() as s:
        checkin = s.scalar(select(CheckIn))
        text = s.scalar(select(InboundMessage).where(InboundMessage.body == REPLY))
        member = s.scalar(select(Member))
        assert (checkin.status, checkin.score) == (CheckInStatus.ANSWERED, 4)
        assert (text.kind, text.score, text.checkin_id, text.awaits_reading) == ("reply", 4, checkin.id, True)
        assert (member.last_score, member.consecutive_missed) == (4, 0)
        assert member.last_checkin_at is not None
        assert s.scalar(select(func.count()).select_from(OutboundMessage).where(OutboundMessage.kind == "thanks")) == 1


def test_a_repeated_reply_is_acknowledged_without_writing_anything(asked, twilio, statements, db):
    twilio.sms(SAM, REPLY, sid="SM" + "a" * 32)
    statements.clear()
    again = twilio.sms(SAM, REPLY, sid="SM" + "a" * 32)
    assert again.status_code == 200 and "<Message>" not in again.get_data(as_text=True)
    assert verbs(statements) == ["SELECT communities.id,", "INSERT inbound_messages"]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(InboundMessage).where(InboundMessage.body == REPLY)) == 1
        assert s.scalar(select(func.count()).select_from(OutboundMessage).where(OutboundMessage.kind == "thanks")) == 1


def test_a_stranger_costs_one_statement(asked, twilio, statements):
    assert "<Message>" in twilio.sms("+14155550177", "hello?").get_data(as_text=True)
    assert len(statements) == 1


@pytest.mark.parametrize("body, answered_kind", [(REPLY, "thanks"), ("2, rough week", "support_coordinator"),
                                                 ("STOP", "stop_confirm")])
def test_the_same_webhook_twice_at_once_is_read_and_answered_once(asked, app, twilio, db, body, answered_kind):
    # Both requests have looked the member up before either writes: the closest race there is.
    both_read = threading.Barrier(2, timeout=30)
    lookups = iter(range(2))
    lock = threading.Lock()

    def after_lookup(_connection, _cursor, statement, *_args) -> None:
        if "FROM members JOIN communities" in statement:
            with lock:
                first_two = next(lookups, None) is not None
            if first_two:
                both_read.wait()

    engine = app.extensions["kinship"].db.engine
    event.listen(engine, "after_cursor_execute", after_lookup)
    answers: list[str] = []

    params = {"MessageSid": "SM" + "b" * 32, "AccountSid": ACCOUNT_SID, "From": SAM, "To": FROM_NUMBER, "Body": body}

    def deliver() -> None:
        answer = app.test_client().post("/twilio/sms", data=params, headers=twilio.sign("/twilio/sms", params))
        assert answer.status_code == 200
        answers.append(answer.get_data(as_text=True))

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        event.remove(engine, "after_cursor_execute", after_lookup)
    assert len(answers) == 2
    assert sorted("<Message>" in answer for answer in answers) == [False, True]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(InboundMessage).where(InboundMessage.message_sid == "SM" + "b" * 32)) == 1
        assert s.scalar(select(func.count()).select_from(OutboundMessage).where(OutboundMessage.kind == answered_kind)) == 1
