"""Asking directly, black-box: a reply the reader cannot settle is answered "are you safe right
now?"; SAFE, NOT SAFE, anything else, silence (swept by tick), the community setting, a STOP
in between, quiet hours. Signed webhooks in, the Twilio API out, ``tick --at`` for time.

UNSURE and UNSURE_ES are replies the real reader is unsure of (``unsure_reader`` checks it).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from service import clock
from service.models import (
    Alert,
    AlertKind,
    AlertReason,
    AlertState,
    Community,
    InboundMessage,
    Member,
    MemberStatus,
    OutboundMessage,
    QuestionState,
    SafetyQuestion,
)
from tests.conftest import at
from tests.service.conftest import ALEX, ANA, SAM, UNSURE, UNSURE_CONCERNS, UNSURE_ES

pytestmark = pytest.mark.usefixtures("unsure_reader")

ASKED_AT = at("2026-11-30T16:05:00Z")  # Monday 10:05 in Chicago, five minutes after the check-in


def said(response) -> str:
    return response.get_data(as_text=True)


def alerts(db) -> list[Alert]:
    with db.session() as s:
        return list(s.scalars(select(Alert).order_by(Alert.id)))


def question(db) -> SafetyQuestion | None:
    with db.session() as s:
        return s.scalar(select(SafetyQuestion).order_by(SafetyQuestion.id.desc()).limit(1))


def kinds_sent(db) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(OutboundMessage.kind).order_by(OutboundMessage.id)))


@pytest.fixture
def asked(paired, kinship, twilio, worker, twilio_api):
    """Sam got his Monday check-in and answered with words the reader cannot settle."""
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    worker()
    twilio_api.clear()
    clock.freeze(ASKED_AT)
    return said(twilio.sms(SAM, UNSURE))


def test_an_uncertain_reply_is_answered_by_asking_directly(asked, db, worker, twilio_api):
    assert "Sam" in asked and "are you safe right now?" in asked
    assert "Reply SAFE, or NOT SAFE" in asked
    assert "confidential" not in asked.lower() and "24/7" not in asked
    q = question(db)
    assert q.state == QuestionState.OPEN and q.asked_at == ASKED_AT and q.due_at == ASKED_AT + timedelta(minutes=30)
    # Nothing else yet: no alert, no text to the buddy or the coordinators.
    assert alerts(db) == []
    worker()
    assert twilio_api.sent_to(ALEX) == [] and twilio_api.sent_to(ANA) == []
    with db.session() as s:
        reply = s.scalar(select(InboundMessage).where(InboundMessage.body == UNSURE))
        assert reply.reading["uncertain"] and not reply.awaits_reading  # the question shows it, not Unread replies


@pytest.mark.parametrize("answer", ["SAFE", "safe", "I'm safe", "Yes, safe right now. Thanks!", "yes", "i am safe 🙏"])
def test_safe_closes_the_question_with_a_thank_you(asked, answer, twilio, kinship, worker, twilio_api, db):
    thanked = said(twilio.sms(SAM, answer))
    assert "glad you're safe" in thanked
    assert question(db).state == QuestionState.SAFE
    assert alerts(db) == []
    # The first reply raised nothing, so it waits for a coordinator to read it.
    with db.session() as s:
        assert s.scalar(select(InboundMessage.awaits_reading).where(InboundMessage.body == UNSURE)) is True
    # And the silence sweep has nothing to do.
    assert "unanswered=0" in kinship("tick", "--at", "2026-11-30T17:00:00Z").stdout
    worker()
    assert alerts(db) == [] and twilio_api.sent_to(ANA) == [] and twilio_api.sent_to(ALEX) == []


def test_safe_opens_the_support_the_first_reply_asked_for_on_the_buddy_path(
        paired, kinship, twilio, worker, twilio_api, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    worker()
    assert "are you safe" in said(twilio.sms(SAM, f"2, {UNSURE}"))
    assert alerts(db) == []  # not yet: first, are they safe?
    told = said(twilio.sms(SAM, "safe"))
    assert "Alex" in told  # the buddy will be in touch, as a 2 would have said
    [alert] = alerts(db)
    assert (alert.kind, alert.reason) == (AlertKind.SUPPORT, AlertReason.LOW_SCORE)
    assert "a score of 2" in alert.concerns and UNSURE_CONCERNS[UNSURE] in alert.concerns
    assert question(db).alert_id == alert.id
    worker()
    to_alex = twilio_api.sent_to(ALEX)[-1]
    assert "Sam" in to_alex and "ON IT" in to_alex
    assert twilio_api.sent_to(ANA) == []


@pytest.mark.parametrize("answer, plainly", [("NOT SAFE", True), ("no", True), ("not really", True),
                                             ("idk", False), ("safe for now", False), ("PAUSE", False)])
def test_anything_but_safe_takes_the_crisis_path_with_both_texts_on_the_alert(
        asked, answer, plainly, twilio, worker, twilio_api, db, kinship):
    answered = said(twilio.sms(SAM, answer))
    assert "988" in answered and "741741" in answered  # crisis resources, in the answer itself
    assert question(db).state == QuestionState.NOT_SAFE
    [alert] = alerts(db)
    assert alert.kind == AlertKind.CRISIS and alert.state == AlertState.OPEN
    with db.session() as s:
        alert = s.get(Alert, alert.id)
        q = s.scalar(select(SafetyQuestion))
        assert alert.inbound_message.body == UNSURE
        assert q.alert_id == alert.id and q.answer_message.body == answer
        assert q.answer_message.kind == "safety_answer"
    assert UNSURE_CONCERNS[UNSURE] in alert.concerns
    assert ("said they are not safe" if plainly else "asked whether they are safe, did not say they are") in alert.concerns
    worker()
    [to_ana] = twilio_api.sent_to(ANA)
    assert to_ana.startswith("URGENT") and "Sam Rivera" in to_ana and UNSURE not in to_ana
    # The member's commands did not run on the way: an answer is an answer.
    with db.session() as s:
        assert s.scalar(select(Member.status).where(Member.phone == SAM)) == MemberStatus.ACTIVE
    listed = kinship("alerts", "--open").stdout
    assert UNSURE_CONCERNS[UNSURE] in listed and UNSURE in listed


def test_a_crisis_reply_as_the_answer_is_a_crisis(asked, twilio, db):
    assert "988" in said(twilio.sms(SAM, "no. i have the pills right here and i want to die"))
    [alert] = alerts(db)
    assert alert.kind == AlertKind.CRISIS
    assert "asked whether they are safe, did not say they are" in alert.concerns
    assert "talk of ending their life" in alert.concerns


def test_no_answer_in_30_minutes_alerts_the_coordinators_once_even_after_redis_is_flushed(
        asked, kinship, worker, twilio_api, db, redis):
    redis.flushdb()  # the due time is in the database, not in a queue
    for minute in (10, 20, 34):  # 10:15, 10:25, 10:34: the question is 29 minutes old at most
        assert "unanswered=0" in kinship("tick", "--at", f"2026-11-30T16:{minute:02d}:00Z").stdout
    assert alerts(db) == []
    assert "unanswered=1" in kinship("tick", "--at", "2026-11-30T16:35:00Z").stdout
    [alert] = alerts(db)
    assert (alert.kind, alert.reason) == (AlertKind.SUPPORT, AlertReason.SAFETY_QUESTION)
    assert alert.concerns[0] == "asked whether they are safe, no answer"
    assert UNSURE_CONCERNS[UNSURE] in alert.concerns
    assert question(db).state == QuestionState.UNANSWERED and question(db).alert_id == alert.id
    worker()
    [to_ana] = twilio_api.sent_to(ANA)
    assert "Sam Rivera" in to_ana and "whether they are safe" in to_ana and UNSURE not in to_ana
    # Straight to the coordinators: a buddy is a friend, not a first responder.
    assert twilio_api.sent_to(ALEX) == []
    # Asked exactly once; the alert's own page to the coordinators repeats once, an hour on, if nobody takes it.
    for moment in ("2026-11-30T16:36:00Z", "2026-11-30T17:34:00Z"):
        assert "unanswered=0" in kinship("tick", "--at", moment).stdout
    worker()
    assert len(twilio_api.sent_to(ANA)) == 1 and len(alerts(db)) == 1
    for moment in ("2026-11-30T17:35:00Z", "2026-11-30T18:00:00Z", "2026-11-30T20:00:00Z"):
        assert "unanswered=0" in kinship("tick", "--at", moment).stdout
    worker()
    assert len(twilio_api.sent_to(ANA)) == 2 and len(alerts(db)) == 1


def test_an_answer_after_the_alert_opened_is_read_like_any_text(asked, kinship, twilio, db):
    kinship("tick", "--at", "2026-11-30T16:35:00Z")
    assert "glad you're safe" not in said(twilio.sms(SAM, "safe"))
    assert [a.reason for a in alerts(db)] == [AlertReason.SAFETY_QUESTION]


def test_the_tick_dry_run_names_the_question_and_changes_nothing(asked, kinship, db):
    dry = kinship("tick", "--at", "2026-11-30T16:35:00Z", "--dry-run").stdout
    assert "Sam Rivera: asked whether they are safe at 16:05Z, no answer" in dry
    assert question(db).state == QuestionState.OPEN and alerts(db) == []


def test_stop_while_asked_is_honoured_and_the_coordinators_hear_of_it(asked, twilio, kinship, worker, twilio_api, db):
    stopped = said(twilio.sms(SAM, "STOP"))
    assert "won't get any more texts" in stopped  # the carrier keyword wins
    with db.session() as s:
        assert s.scalar(select(Member.status).where(Member.phone == SAM)) == MemberStatus.OPTED_OUT
    assert question(db).state == QuestionState.STOPPED
    [alert] = alerts(db)
    assert alert.reason == AlertReason.SAFETY_QUESTION
    assert alert.concerns[0] == "asked whether they are safe, then texted STOP"
    worker()
    assert "Sam Rivera" in twilio_api.sent_to(ANA)[-1]
    assert "unanswered=0" in kinship("tick", "--at", "2026-11-30T17:00:00Z").stdout
    worker()
    assert len(twilio_api.sent_to(ANA)) == 1
    assert twilio_api.sent_to(SAM) == []  # nothing more is sent to someone who said STOP


def test_help_while_asked_answers_help_and_the_question_stays_open(asked, twilio, db):
    assert "STOP" in said(twilio.sms(SAM, "HELP"))
    assert question(db).state == QuestionState.OPEN
    assert "glad you're safe" in said(twilio.sms(SAM, "safe"))


def test_a_buddy_answering_on_it_while_asked_is_answering_their_buddy(paired, kinship, twilio, worker, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    twilio.sms(ALEX, "2")  # Sam is asked to reach out to Alex...
    twilio.sms(SAM, UNSURE)  # ...and is asked whether he is safe
    assert "Alex" in said(twilio.sms(SAM, "ON IT"))
    assert question(db).state == QuestionState.OPEN
    [alert] = alerts(db)
    assert alert.acknowledged_by == "Sam Rivera"


def test_quiet_hours_never_hold_the_question_or_the_crisis_answer(paired, twilio, worker, twilio_api, db):
    clock.freeze(at("2026-12-01T09:00:00Z"))  # 03:00 in Chicago
    assert "are you safe right now?" in said(twilio.sms(SAM, UNSURE))
    assert "988" in said(twilio.sms(SAM, "NOT SAFE"))
    worker()
    assert "Sam Rivera" in twilio_api.sent_to(ANA)[-1]


def test_quiet_hours_do_not_hold_the_coordinators_after_silence(paired, twilio, kinship, worker, twilio_api):
    clock.freeze(at("2026-12-01T09:00:00Z"))  # 03:00 in Chicago
    twilio.sms(SAM, UNSURE)
    kinship("tick", "--at", "2026-12-01T09:30:00Z")
    worker()
    assert "Sam Rivera" in twilio_api.sent_to(ANA)[-1]


def test_a_spanish_speaker_is_asked_in_spanish_and_si_means_safe(paired, kinship, twilio, worker, db):
    with db.session() as s:
        s.scalar(select(Member).where(Member.phone == SAM)).language = "es"
    asked_es = said(twilio.sms(SAM, UNSURE_ES))
    assert "a salvo" in asked_es and "Responde SI o NO" in asked_es
    # Safe; "ya decidí" also read as wanting support, so their buddy is asked to reach out.
    assert "Avisamos a Alex" in said(twilio.sms(SAM, "Sí, estoy a salvo"))
    assert question(db).state == QuestionState.SAFE
    twilio.sms(SAM, UNSURE_ES)
    assert "988" in said(twilio.sms(SAM, "no"))
    assert [alert.kind for alert in alerts(db)] == [AlertKind.SUPPORT, AlertKind.CRISIS]


def test_with_asking_turned_off_an_uncertain_reply_opens_a_support_alert_at_once(
        paired, kinship, twilio, worker, twilio_api, db):
    with db.session() as s:
        s.scalar(select(Community)).ask_when_unsure = False
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    told = said(twilio.sms(SAM, UNSURE))
    assert "are you safe" not in told and "Alex" in told
    assert question(db) is None
    [alert] = alerts(db)
    assert (alert.kind, alert.reason) == (AlertKind.SUPPORT, AlertReason.UNCERTAIN)
    assert UNSURE_CONCERNS[UNSURE] in alert.concerns
    worker()
    assert any("ON IT" in text for text in twilio_api.sent_to(ALEX))


def test_a_question_is_asked_once_while_it_is_open(asked, twilio, db):
    # The next text is the answer, even the same words again.
    assert "988" in said(twilio.sms(SAM, UNSURE))
    with db.session() as s:
        assert len(s.scalars(select(SafetyQuestion)).all()) == 1


def test_the_retention_period_erases_the_words_a_question_kept(paired, twilio, kinship, db):
    clock.freeze(ASKED_AT)
    assert "are you safe" in said(twilio.sms(SAM, UNSURE_ES))
    twilio.sms(SAM, "safe")
    assert "'ya decidí'" in str(question(db).reading)  # the reader's reasons quote the member
    kinship("tick", "--at", (ASKED_AT + timedelta(days=181)).isoformat())
    q = question(db)
    assert "'ya decidí'" not in str(q.reading) and q.reading["uncertain"] is True


def test_someone_who_has_not_joined_is_not_asked_but_a_coordinator_hears_of_it(kinship, twilio, worker, twilio_api, db):
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("coordinator", "add", "ana@example.org", "--community", "Harbour Lights", "--phone", ANA,
            "--password-stdin", input="a long enough secret\n")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam Rivera", "--phone", SAM)
    told = said(twilio.sms(SAM, UNSURE))
    assert "are you safe" not in told and "coordinator" in told
    assert question(db) is None
    [alert] = alerts(db)
    assert (alert.kind, alert.reason) == (AlertKind.SUPPORT, AlertReason.UNCERTAIN)
    worker()
    assert "Sam Rivera" in twilio_api.sent_to(ANA)[-1]


def test_a_paused_member_is_asked_too_and_yes_is_an_answer_not_an_opt_in(paired, twilio, db):
    twilio.sms(SAM, "PAUSE 2 weeks")
    assert "are you safe" in said(twilio.sms(SAM, UNSURE))
    assert "glad you're safe" in said(twilio.sms(SAM, "YES"))
    with db.session() as s:
        assert s.scalar(select(Member.status).where(Member.phone == SAM)) == MemberStatus.PAUSED
