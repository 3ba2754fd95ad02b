"""The safety path's edges: crisis words inside commands and relays, members who have not
joined or have stopped, crisis texts on an alert someone already took."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.models import Alert, AlertKind, AlertState, Community, Member, MemberStatus
from tests.conftest import at
from tests.service.conftest import ALEX, ANA, SAM

KIM = "+14155550106"


def crisis_alerts(db) -> list[Alert]:
    with db.session() as s:
        return list(s.scalars(select(Alert).where(Alert.kind == AlertKind.CRISIS)))


@pytest.mark.parametrize("text", ["time to end it all", "Away. Going to take all my pills tonight", "pause. i want to die"])
def test_crisis_words_win_over_a_command_they_start_like(paired, twilio, worker, twilio_api, db, text):
    answer = twilio.sms(SAM, text).get_data(as_text=True)
    assert "988" in answer
    assert len(crisis_alerts(db)) == 1
    with db.session() as s:
        assert s.scalar(select(Member.status).where(Member.phone == SAM)) == MemberStatus.ACTIVE
    worker()
    assert "Sam Rivera" in twilio_api.sent_to(ANA)[-1]


def test_a_crisis_is_not_relayed_but_answered(paired, twilio, worker, twilio_api, db):
    with db.session() as s:
        s.scalar(select(Community)).relay_enabled = True
    answer = twilio.sms(SAM, "@buddy I want to kill myself tonight, goodbye").get_data(as_text=True)
    assert "988" in answer
    worker()
    assert not any("kill" in body for body in twilio_api.sent_to(ALEX))
    assert len(crisis_alerts(db)) == 1


def test_an_invited_member_in_crisis_gets_resources_and_a_coordinator(paired, kinship, twilio, worker, twilio_api, db):
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Kim Walker", "--phone", KIM)
    answer = twilio.sms(KIM, "i dont want to be alive anymore").get_data(as_text=True)
    assert "988" in answer
    worker()
    assert "Kim Walker" in twilio_api.sent_to(ANA)[-1]
    with db.session() as s:
        assert s.scalar(select(Member.status).where(Member.phone == KIM)) == MemberStatus.INVITED


def test_a_member_who_stopped_is_not_texted_but_the_coordinators_hear(paired, twilio, worker, twilio_api, db):
    twilio.sms(SAM, "STOP")
    answer = twilio.sms(SAM, "i am going to kill myself").get_data(as_text=True)
    assert "<Message>" not in answer
    worker()
    assert "Sam Rivera" in twilio_api.sent_to(ANA)[-1]
    assert len(twilio_api.sent_to(SAM)) == 0


def test_a_new_crisis_text_on_a_taken_alert_tells_the_coordinators_again(paired, twilio, worker, twilio_api, db):
    twilio.sms(SAM, "I want to kill myself")
    worker()
    with db.session() as s:
        alert = s.scalar(select(Alert))
        alert.state = AlertState.ACKNOWLEDGED
    twilio.sms(SAM, "i mean it, i want to die tonight")
    worker()
    assert len(twilio_api.sent_to(ANA)) == 2
    [alert] = crisis_alerts(db)
    assert alert.state == AlertState.OPEN and len(alert.signals) == 2


def test_coordinator_texts_from_the_dashboard_wait_for_the_members_morning(paired, db):
    from service.messaging.outbox import queue_for_member

    with db.session() as s:
        sam = s.scalar(select(Member).where(Member.phone == SAM))
        night = at("2026-12-01T09:00:00Z")  # 03:00 in Chicago
        message = queue_for_member(s, sam, "coordinator_message", "broadcast", {"community": "Harbour Lights", "text": "hi"}, night)
        assert message.not_before == at("2026-12-01T14:00:00Z") and message.enqueued_at is None
