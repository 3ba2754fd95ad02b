"""Buddies, black-box: pair, introduce, alert, ON IT / PASS / silence, escalation, all clear."""

from __future__ import annotations

from sqlalchemy import select

from service import clock
from service.models import Alert, AlertState, Community, Member, OutboundMessage
from tests.conftest import at
from tests.service.conftest import ALEX, ANA, SAM

PRIYA = "+14155550103"


def last(twilio_api, phone) -> str:
    sent = twilio_api.sent_to(phone)
    return sent[-1] if sent else ""


def alert(db) -> Alert:
    with db.session() as s:
        return s.scalar(select(Alert))


def test_pairing_introduces_buddies_and_a_dry_run_changes_nothing(kinship, twilio, worker, twilio_api, db):
    kinship("community", "add", "Harbour Lights", "--timezone", "America/Chicago")
    for name, phone in (("Sam Rivera", SAM), ("Alex Chen", ALEX), ("Priya Nair", PRIYA)):
        kinship("member", "add", "--community", "Harbour Lights", "--name", name, "--phone", phone)
        twilio.sms(phone, "YES")
    dry = kinship("pair", "--community", "Harbour Lights", "--dry-run")
    assert dry.exit_code == 0 and "Sam Rivera" in dry.stdout and "score" not in dry.stdout.lower()
    assert "3 members get a new buddy, 0 keep theirs." in dry.stdout and "new buddies (a trio)" in dry.stdout
    with db.session() as s:
        assert s.scalar(select(OutboundMessage.id).where(OutboundMessage.kind == "intro")) is None
    kinship("pair", "--community", "Harbour Lights")
    worker()
    # Three members: one trio, nobody left out; each hears the first names of the others.
    assert "Alex" in last(twilio_api, SAM) and "Priya" in last(twilio_api, SAM)


def test_a_low_reply_alerts_the_buddy_without_their_words(paired, kinship, twilio, worker, twilio_api):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    worker()
    told = twilio.sms(SAM, "1 - my mum is in hospital").get_data(as_text=True)
    assert "Alex" in told
    worker()
    to_alex = last(twilio_api, ALEX)
    assert "Sam" in to_alex and "ON IT" in to_alex and "PASS" in to_alex
    assert "hospital" not in to_alex and "mum" not in to_alex


def test_on_it_tells_the_member_and_a_good_checkin_sends_the_all_clear(paired, kinship, twilio, worker, twilio_api, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    worker()
    twilio.sms(SAM, "2")
    worker()
    ack = twilio.sms(ALEX, "ON IT").get_data(as_text=True)
    assert "<Message>" in ack
    worker()
    assert "Alex" in last(twilio_api, SAM)
    assert alert(db).state == AlertState.ACKNOWLEDGED and alert(db).acknowledged_by == "Alex Chen"
    # Acknowledged alerts do not escalate.
    kinship("tick", "--at", "2026-11-30T17:00:00Z")
    assert twilio_api.sent_to(ANA) == []
    kinship("tick", "--at", "2026-12-03T16:00:00Z")
    worker()
    twilio.sms(SAM, "4")
    worker()
    assert "Sam" in last(twilio_api, ALEX)
    assert alert(db).state == AlertState.RESOLVED


def test_pass_hands_the_alert_to_the_coordinators(paired, kinship, twilio, worker, twilio_api, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    twilio.sms(SAM, "2")
    assert "<Message>" in twilio.sms(ALEX, "PASS").get_data(as_text=True)
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)


def test_no_answer_gets_one_reminder_then_the_coordinators(paired, kinship, twilio, worker, twilio_api, db):
    clock.freeze(at("2026-11-30T16:00:00Z"))
    kinship("tick")
    twilio.sms(SAM, "can someone call me?")
    worker()
    alerted = len(twilio_api.sent_to(ALEX))
    assert "escalated=0" in kinship("tick", "--at", "2026-11-30T16:10:00Z").stdout
    assert "escalated=1" in kinship("tick", "--at", "2026-11-30T16:15:00Z").stdout
    worker()
    assert len(twilio_api.sent_to(ALEX)) == alerted + 1
    assert twilio_api.sent_to(ANA) == []
    assert "escalated=1" in kinship("tick", "--at", "2026-11-30T16:30:00Z").stdout
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)
    # Handed to the coordinators and not taken within an hour: paged again, once.
    assert "escalated=0" in kinship("tick", "--at", "2026-11-30T17:29:00Z").stdout
    assert "escalated=1" in kinship("tick", "--at", "2026-11-30T17:30:00Z").stdout
    worker()
    assert len(twilio_api.sent_to(ANA)) == 2 and "STILL NOBODY ON IT" in last(twilio_api, ANA)
    assert "escalated=0" in kinship("tick", "--at", "2026-11-30T19:30:00Z").stdout


def test_an_orphan_goes_straight_to_a_coordinator(paired, kinship, twilio, worker, twilio_api, db):
    twilio.sms(ALEX, "STOP")
    told = twilio.sms(SAM, "not doing well, need to talk").get_data(as_text=True)
    assert "coordinator" in told.lower()
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)


def test_a_crisis_skips_the_buddy(paired, twilio, worker, twilio_api):
    twilio.sms(SAM, "I want to kill myself")
    worker()
    to_alex = last(twilio_api, ALEX)
    assert "Sam" in to_alex and "ON IT" not in to_alex and "kill" not in to_alex
    assert "Sam Rivera" in last(twilio_api, ANA)


def test_a_buddy_texting_1_is_a_member_with_a_score_of_1(paired, kinship, twilio, db):
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    twilio.sms(SAM, "2")  # Alex now has an alert to answer...
    twilio.sms(ALEX, "1")  # ...but "1" is Alex's own check-in reply
    with db.session() as s:
        alex = s.scalar(select(Member).where(Member.phone == ALEX))
        assert alex.last_score == 1
        assert len(list(s.scalars(select(Alert)))) == 2


def test_a_member_who_shares_lets_their_buddy_see_their_words(paired, kinship, twilio, worker, twilio_api):
    twilio.sms(SAM, "SHARE ON")
    kinship("tick", "--at", "2026-11-30T16:00:00Z")
    worker()
    twilio.sms(SAM, "2 - bad news from the doctor")
    worker()
    assert "bad news from the doctor" in last(twilio_api, ALEX)


def test_buddy_alerts_wait_for_the_buddys_morning(paired, twilio, worker, twilio_api, db):
    clock.freeze(at("2026-12-01T08:00:00Z"))  # 02:00 in Chicago
    twilio.sms(SAM, "can someone call me")
    worker()
    assert twilio_api.sent_to(ALEX) == []
    # The escalation clock only starts when the buddy's alert can go out.
    assert alert(db).next_step_at == at("2026-12-01T14:15:00Z")


def test_relay_is_off_by_default_and_respects_the_setting(paired, twilio, worker, twilio_api, db):
    twilio.sms(SAM, "@buddy fancy a walk on Saturday?")
    worker()
    assert twilio_api.sent_to(ALEX) == []
    with db.session() as s:
        s.scalar(select(Community)).relay_enabled = True
    twilio.sms(SAM, "@Alex fancy a walk on Saturday?")
    worker()
    assert "fancy a walk" in last(twilio_api, ALEX) and "Sam" in last(twilio_api, ALEX)
    assert SAM not in last(twilio_api, ALEX)


def test_pairs_rotate_through_tick_after_the_communitys_period(paired, kinship, twilio, worker, twilio_api, db):
    kinship("member", "add", "--community", "Harbour Lights", "--name", "Priya Nair", "--phone", PRIYA)
    twilio.sms(PRIYA, "YES")
    assert "paired=0" in kinship("tick", "--at", "2026-12-27T15:00:00Z").stdout
    assert "paired=1" in kinship("tick", "--at", "2026-12-28T15:00:00Z").stdout
    assert "paired=0" in kinship("tick", "--at", "2026-12-28T15:01:00Z").stdout
    worker()
    assert "Priya" in last(twilio_api, SAM) or "Priya" in last(twilio_api, ALEX)
