"""Member commands and quiet hours, as a member meets them: by text, answered in local time."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service import clock
from service.models import Member, MemberStatus, OutboundMessage
from tests.conftest import at

SAM = "+14155550101"


@pytest.fixture
def sam(kinship, twilio):
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam Rivera", "--phone", SAM)
    twilio.sms(SAM, "YES")
    return SAM


def answer(response) -> str:
    return response.get_data(as_text=True)


def member(db) -> Member:
    with db.session() as s:
        return s.scalar(select(Member))


def test_pause_for_three_days_confirms_the_day_checkins_resume(twilio, sam, kinship, db):
    text = answer(twilio.sms(SAM, "PAUSE 3 days"))  # Monday 09:00 in Chicago
    assert "Thu 3 Dec" in text
    paused = member(db)
    assert paused.status == MemberStatus.PAUSED
    assert paused.paused_until == at("2026-12-03T06:00:00Z")  # Thursday 00:00 Chicago
    # Monday's check-in does not go out, and a paused member is not silent.
    assert "checkins=0" in kinship("tick", "--at", "2026-11-30T16:00:00Z").stdout
    assert "checkins=1" in kinship("tick", "--at", "2026-12-03T16:00:00Z").stdout
    assert member(db).status == MemberStatus.ACTIVE and member(db).consecutive_missed == 0


def test_away_until_friday_then_back(twilio, sam, db):
    assert "Fri 4 Dec" in answer(twilio.sms(SAM, "away until friday"))
    text = answer(twilio.sms(SAM, "BACK"))
    assert member(db).status == MemberStatus.ACTIVE
    assert "Mon 30 Nov, 10:00" in text


@pytest.mark.parametrize("text", ["AWAY", "AWAY until friday", "TIME 7:30pm please", "time 23:00"])
def test_a_command_is_a_command_not_news_the_model_reads(twilio, sam, text):
    # read by the rules alone: the model, which never saw a command, hears "away" as a farewell
    said = answer(twilio.sms(SAM, text))
    assert "are you safe" not in said and "988" not in said


def test_a_pause_we_cannot_read_gets_examples_and_changes_nothing(twilio, sam, db):
    assert "PAUSE" in answer(twilio.sms(SAM, "PAUSE until the cows come home"))
    assert member(db).status == MemberStatus.ACTIVE


def test_time_moves_the_checkin_and_states_the_next_one(twilio, sam, db):
    text = answer(twilio.sms(SAM, "TIME 6:30pm"))
    assert "Mon 30 Nov, 18:30" in text
    moved = member(db)
    assert "BYHOUR=18" in moved.schedule and "BYMINUTE=30" in moved.schedule
    assert moved.next_checkin_at == at("2026-12-01T00:30:00Z")


def test_time_inside_quiet_hours_is_refused_with_the_reason(twilio, sam, db):
    text = answer(twilio.sms(SAM, "TIME 23:00"))
    assert "21:00-08:00" in text
    assert member(db).schedule is None


def twice_a_day(db, rule: str = "FREQ=DAILY;BYHOUR=9,18;BYMINUTE=0") -> None:
    with db.session() as s:
        s.scalar(select(Member)).schedule = rule
        s.commit()


def test_time_on_a_twice_a_day_schedule_moves_the_first_time_and_says_both(twilio, sam, db):
    twice_a_day(db)
    text = answer(twilio.sms(SAM, "TIME 8:30am"))
    assert "08:30 and 18:30" in text  # both times said: the second one stayed
    assert "Mon 30 Nov, 18:30" in text
    assert "BYHOUR=8,18;BYMINUTE=30" in member(db).schedule


def test_time_too_close_to_the_other_check_in_gets_examples_and_changes_nothing(twilio, sam, db):
    twice_a_day(db)
    assert "TIME" in answer(twilio.sms(SAM, "TIME 4pm"))  # 16:00 and 18:00: under 4 hours apart
    assert member(db).schedule == "FREQ=DAILY;BYHOUR=9,18;BYMINUTE=0"


def test_time_keeping_the_other_check_in_inside_quiet_hours_is_refused(twilio, sam, db):
    twice_a_day(db, "FREQ=DAILY;BYHOUR=10,22;BYMINUTE=0")
    assert "21:00-08:00" in answer(twilio.sms(SAM, "TIME 9am"))
    assert member(db).schedule == "FREQ=DAILY;BYHOUR=10,22;BYMINUTE=0"


def test_time_we_cannot_read_gets_examples(twilio, sam, db):
    assert "TIME" in answer(twilio.sms(SAM, "TIME whenever"))
    assert member(db).schedule is None


def test_carrier_keywords_win_over_commands(twilio, sam, db):
    twilio.sms(SAM, "PAUSE")
    twilio.sms(SAM, "STOP")
    assert member(db).status == MemberStatus.OPTED_OUT


def test_buddy_and_share_settings(twilio, sam, db):
    twilio.sms(SAM, "BUDDY OFF")
    twilio.sms(SAM, "share on")
    m = member(db)
    assert (m.buddy_opt_in, m.share_with_buddy) == (False, True)


def test_a_checkin_inside_quiet_hours_waits_for_morning(kinship, twilio, worker, twilio_api, db):
    kinship("community", "add", "Night Owls", "--timezone", "America/Chicago",
            "--schedule", "FREQ=DAILY;BYHOUR=22;BYMINUTE=0")
    kinship("member", "add", "--community", "Night Owls", "--name", "Sam", "--phone", SAM)
    twilio.sms(SAM, "YES")
    # 22:00 in Chicago is inside 21:00-08:00: the check-in goes out at 08:00 the next morning.
    assert member(db).next_checkin_at == at("2026-12-01T14:00:00Z")


def test_an_invitation_added_at_night_waits_for_morning(kinship, worker, twilio_api, db):
    clock.freeze(at("2026-11-30T05:00:00Z"))  # 23:00 in Chicago
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Sam", "--phone", SAM)
    worker()
    assert twilio_api.sent_to(SAM) == []
    assert "released=0" in kinship("tick", "--at", "2026-11-30T13:59:00Z").stdout
    clock.freeze(at("2026-11-30T14:00:00Z"))
    assert "released=1" in kinship("tick").stdout
    worker()
    assert len(twilio_api.sent_to(SAM)) == 1


def test_help_is_answered_even_at_night(twilio, sam):
    clock.freeze(at("2026-11-30T08:00:00Z"))  # 02:00 in Chicago
    assert "STOP" in answer(twilio.sms(SAM, "HELP"))


def test_spanish_members_get_spanish_answers(kinship, twilio, db):
    kinship("community", "add", "Comunidad", "--timezone", "America/Mexico_City", "--country", "MX")
    kinship("member", "add", "--community", "Comunidad", "--name", "Maria", "--phone", "+525512345678", "--language", "es")
    text = answer(twilio.sms("+525512345678", "SI"))
    assert "Maria" in text
    with db.session() as s:
        welcome = s.scalar(select(OutboundMessage).where(OutboundMessage.kind.in_(("welcome", "welcome_no_buddy"))))
        assert welcome.language == "es"
