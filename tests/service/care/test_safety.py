"""The safety path, black-box: signed webhooks in, the Twilio API out, the CLI to look."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from service import clock
from service.models import (
    Alert,
    AlertKind,
    AlertReason,
    AlertState,
    InboundMessage,
    Member,
    MessageState,
    OutboundMessage,
)
from service.care.safety import TREND_WINDOW, may_end_a_trend, trend_in
from tests.conftest import at

SAM = "+14155550101"
ANA_PHONE = "+14155550999"


@pytest.fixture
def community(kinship, twilio, worker):
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("coordinator", "add", "ana@example.org", "--community", "Harbour Lights", "--phone", ANA_PHONE,
            "--password-stdin", input="a long enough secret\n")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam Rivera", "--phone", SAM)
    twilio.sms(SAM, "YES")
    worker()
    return "Harbour Lights"


def alerts(db) -> list[Alert]:
    with db.session() as s:
        return list(s.scalars(select(Alert).order_by(Alert.id)))


def answer(response) -> str:
    return response.get_data(as_text=True)


def test_a_low_reply_opens_a_support_alert_and_tells_a_coordinator(community, kinship, twilio, worker, twilio_api, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    text = answer(twilio.sms(SAM, "2, rough week"))
    assert "coordinator" in text.lower()
    [alert] = alerts(db)
    assert (alert.kind, alert.reason, alert.state) == (AlertKind.SUPPORT, AlertReason.LOW_SCORE, AlertState.OPEN)
    assert alert.reading["score"] == 2 and alert.reading["reasons"]
    worker()
    [to_ana] = twilio_api.sent_to(ANA_PHONE)
    assert "Sam Rivera" in to_ana and "rough week" not in to_ana
    listed = kinship("alerts", "--open", "--community", community).stdout
    # The dashboard's words, and theirs: never an internal label.
    assert "Sam Rivera" in listed and "a score of 2" in listed and '"2, rough week"' in listed
    assert "low_score" not in listed and "score 2 from" not in listed


def test_a_crisis_gets_resources_at_once_even_at_night_and_an_urgent_coordinator_text(community, kinship, twilio, worker, twilio_api, redis, db):
    clock.freeze(at("2026-12-01T09:00:00Z"))  # 03:00 in Chicago, deep in quiet hours
    text = answer(twilio.sms(SAM, "i took all my pills, i just want it to be over"))
    assert "988" in text and "741741" in text and "911" in text
    assert "confidential" not in text.lower() and "24/7" not in text
    [alert] = alerts(db)
    assert alert.kind == AlertKind.CRISIS
    from rq import Queue

    assert Queue("urgent", connection=redis).count == 1
    worker()
    [to_ana] = twilio_api.sent_to(ANA_PHONE)
    assert "Sam Rivera" in to_ana and "pills" not in to_ana
    # It stays open until a coordinator resolves it.
    kinship("tick", "--at", "2026-12-02T09:00:00Z")
    assert alerts(db)[0].state == AlertState.OPEN
    refused = kinship("alerts", "resolve", str(alert.id), "--by", "ana@example.org", "--note", " ")
    assert refused.exit_code != 0 and "note" in refused.stderr
    assert kinship("alerts", "resolve", str(alert.id), "--by", "ana@example.org", "--note", "Called Sam; he is with his sister").exit_code == 0
    assert alerts(db)[0].state == AlertState.RESOLVED


def test_a_second_crisis_text_gets_resources_again_but_opens_no_second_alert(community, twilio, worker, twilio_api, db):
    assert "988" in answer(twilio.sms(SAM, "I want to kill myself"))
    assert "988" in answer(twilio.sms(SAM, "i mean it, i want to die"))
    [alert] = alerts(db)
    assert len(alert.signals) == 2
    worker()
    assert len(twilio_api.sent_to(ANA_PHONE)) == 1


def test_concurrent_low_signals_open_one_alert(community, kinship, twilio, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    twilio.sms(SAM, "1")
    twilio.sms(SAM, "can someone call me?")
    [alert] = alerts(db)
    assert [s["reason"] for s in alert.signals] == ["low_score", "wants_support"]


def test_asking_for_support_without_a_checkin_is_read_and_recorded_as_unprompted(community, twilio, db):
    twilio.sms(SAM, "not doing well today, could someone call me")
    [alert] = alerts(db)
    assert alert.reason == AlertReason.WANTS_SUPPORT
    with db.session() as s:
        assert s.scalar(select(InboundMessage.kind).order_by(InboundMessage.id.desc()).limit(1)) == "unprompted"


def test_a_good_reply_is_thanked_and_opens_nothing(community, kinship, twilio, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    assert "<Message>" in answer(twilio.sms(SAM, "4, pretty good week"))
    assert alerts(db) == []


def test_silence_nudges_once_then_opens_an_alert(community, kinship, worker, twilio_api, db):
    # Mondays and Thursdays at 10:00 Chicago; Sam never answers.
    for moment in ("2026-11-30T16:00:00Z", "2026-12-03T16:00:00Z", "2026-12-07T16:00:00Z"):
        kinship("tick", "--at", moment)
    with db.session() as s:
        assert s.scalar(select(Member.consecutive_missed)) == 2
        assert s.scalar(select(OutboundMessage.id).where(OutboundMessage.kind == "nudge")) is not None
    assert alerts(db) == []
    kinship("tick", "--at", "2026-12-10T16:00:00Z")
    [alert] = alerts(db)
    assert alert.reason == AlertReason.SILENCE
    kinship("tick", "--at", "2026-12-14T16:00:00Z")
    with db.session() as s:
        assert len(list(s.scalars(select(OutboundMessage).where(OutboundMessage.kind == "nudge")))) == 1


def test_a_paused_member_is_never_silent(community, kinship, twilio, db):
    twilio.sms(SAM, "PAUSE 2 weeks")
    for moment in ("2026-11-30T16:00:00Z", "2026-12-03T16:00:00Z", "2026-12-07T16:00:00Z", "2026-12-10T16:00:00Z"):
        kinship("tick", "--at", moment)
    with db.session() as s:
        assert s.scalar(select(Member.consecutive_missed)) == 0
    assert alerts(db) == []


def test_a_drop_below_the_members_own_average_opens_a_trend_alert(community, kinship, twilio, db):
    for moment, reply in (("2026-11-30T16:00:00Z", "5"), ("2026-12-03T16:00:00Z", "5"),
                          ("2026-12-07T16:00:00Z", "5"), ("2026-12-10T16:00:00Z", "3")):
        kinship("tick", "--at", moment)
        twilio.sms(SAM, reply)
    [alert] = alerts(db)
    assert alert.reason == AlertReason.TREND


def test_old_message_bodies_are_erased_and_scores_kept(community, kinship, twilio, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    twilio.sms(SAM, "3, my back hurts")
    later = at("2026-11-30T15:00:00Z") + timedelta(days=181)
    result = kinship("tick", "--at", later.isoformat())
    assert "erased=" in result.stdout
    with db.session() as s:
        inbound = s.scalars(select(InboundMessage).order_by(InboundMessage.id)).all()
        assert all(m.body is None for m in inbound)
        assert inbound[-1].score == 3 and inbound[-1].reading["score"] == 3
        # The reasons quote the member's words, so they go too.
        assert "back hurts" not in str(inbound[-1].reading)
        assert s.scalar(select(Member.last_score)) == 3


def test_message_states_survive_a_crisis_at_night(community, twilio, worker, db):
    clock.freeze(at("2026-12-01T09:00:00Z"))
    twilio.sms(SAM, "i'm going to end it tonight")
    worker()
    with db.session() as s:
        crisis = s.scalar(select(OutboundMessage).where(OutboundMessage.kind == "crisis"))
        assert crisis.state == MessageState.REPLIED
        to_coordinator = s.scalar(select(OutboundMessage).where(OutboundMessage.kind == "coordinator_crisis"))
        assert to_coordinator.state == MessageState.SENT and to_coordinator.lane.value == "urgent"


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=TREND_WINDOW + 1))
def test_a_trend_never_ends_on_a_score_the_webhook_does_not_look_at(scores):
    # The webhook reads a member's history only when the new score may end a trend.
    if not may_end_a_trend(scores[0]):
        assert trend_in(scores) == []
