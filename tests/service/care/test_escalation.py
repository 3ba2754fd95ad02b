"""Nobody left alone, black-box: failed texts move an alert on, unanswered pages repeat and climb,
hand-offs that go quiet are followed up, a buddy who leaves hands on at once, newcomers get a
buddy, and every step is on the alert's timeline. Driven by signed webhooks, status callbacks
and ``tick`` at chosen times, on each database."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service import clock
from service.care import escalation
from service.models import (
    Alert,
    AlertKind,
    AlertState,
    BuddyGroup,
    Member,
    MemberStatus,
    MessageState,
    OutboundMessage,
)
from service.members import heed_carrier
from service.messaging import sending
from service.messaging.twilio_gateway import TwilioGateway
from tests.conftest import DashboardClient, at, make_coordinator
from tests.service.conftest import ALEX, ANA, SAM
from workers.queues import enqueue_tick

PRIYA = "+14155550103"
DANA = "+14155550199"


def last(twilio_api, phone) -> str:
    sent = twilio_api.sent_to(phone)
    return sent[-1] if sent else ""


def the_alert(db, kind: AlertKind | None = None) -> Alert:
    with db.session() as s:
        query = select(Alert).order_by(Alert.id.desc())
        if kind is not None:
            query = query.where(Alert.kind == kind)
        return s.scalar(query)


def about_sam(twilio_api, phone) -> list[str]:
    return [body for body in twilio_api.sent_to(phone) if "Sam" in body]


def sid_of_last_text_to(twilio_api, phone) -> str:
    return [m for m in twilio_api.messages if m.to == phone][-1].sid


def member(db, phone) -> Member:
    with db.session() as s:
        return s.scalar(select(Member).where(Member.phone == phone))


def tick(kinship, moment: str) -> str:
    result = kinship("tick", "--at", moment)
    assert result.exit_code == 0, result.output
    return result.stdout


def dana(db, client) -> DashboardClient:
    """Dana, a second coordinator of Harbour Lights, signed in to the dashboard (with a phone)."""
    account = make_coordinator(db, "Harbour Lights", "dana@example.org", phone=DANA)
    dashboard = DashboardClient(client, account)
    assert dashboard.sign_in().status_code == 303
    return dashboard


def low_reply_at_10(kinship, twilio, worker, text: str = "2") -> None:
    """Monday 10:00 in Chicago: Sam's check-in, and a low reply; Alex is alerted."""
    clock.freeze(at("2026-11-30T16:00:00Z"))
    tick(kinship, "2026-11-30T16:00:00Z")
    worker()
    twilio.sms(SAM, text)
    worker()


# --- a failed text is an event ------------------------------------------------------------


def test_an_undelivered_buddy_alert_goes_to_the_coordinators_at_once_and_never_to_that_buddy_again(
        paired, kinship, twilio, worker, twilio_api, db):
    low_reply_at_10(kinship, twilio, worker)
    assert "ON IT" in last(twilio_api, ALEX) and twilio_api.sent_to(ANA) == []
    # 10:04: the phone is off. A passing failure, but Sam needs someone now, not after the retries.
    clock.freeze(at("2026-11-30T16:04:00Z"))
    assert twilio.status(sid_of_last_text_to(twilio_api, ALEX), "undelivered", 30003).status_code == 204
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)
    texts_to_alex = len(twilio_api.sent_to(ALEX))
    # No reminder, no retry, no hand-off text again: nothing more to Alex about it, ever.
    for moment in ("2026-11-30T16:05:00Z", "2026-11-30T16:15:00Z", "2026-11-30T16:34:00Z",
                   "2026-11-30T17:10:00Z", "2026-11-30T17:11:00Z", "2026-11-30T19:00:00Z"):
        tick(kinship, moment)
        worker()
    assert len(twilio_api.sent_to(ALEX)) == texts_to_alex
    with db.session() as s:
        alert_text = s.scalar(select(OutboundMessage).where(OutboundMessage.kind == "buddy_alert"))
        assert alert_text.state == MessageState.CANCELLED and alert_text.error_code == 30003
        # A passing failure does not make the buddy unreachable.
        assert s.scalar(select(Member).where(Member.phone == ALEX)).status == MemberStatus.ACTIVE
    # The same callback again changes nothing.
    twilio.status(sid_of_last_text_to(twilio_api, ALEX), "undelivered", 30003)
    worker()
    assert len([t for t in twilio_api.sent_to(ANA) if "Sam Rivera" in t]) == 2  # the page, and one re-page at 11:04


def test_the_card_says_not_delivered_and_why_and_the_timeline_has_every_step(
        paired, kinship, twilio, worker, twilio_api, db, client):
    low_reply_at_10(kinship, twilio, worker)
    twilio.status(sid_of_last_text_to(twilio_api, ALEX), "undelivered", 30003)
    worker()
    board = dana(db, client)
    page = board.get("/").get_data(as_text=True)
    assert "not delivered</strong>: the phone is off or out of range" in page
    alert = the_alert(db)
    profile = board.get(f"/members/{alert.member_id}").get_data(as_text=True)
    assert "times in America/Chicago" in profile
    for step in ("Opened", "Texted Alex Chen", "Not delivered to Alex Chen: the phone is off or out of range",
                 "Handed to the coordinators", "Texted ana@example.org"):
        assert step in profile, step


def test_a_send_twilio_refuses_moves_the_alert_on_too(paired, kinship, twilio, worker, twilio_api, db):
    clock.freeze(at("2026-11-30T16:00:00Z"))
    twilio_api.fail_next(503, times=1)
    twilio.sms(SAM, "2")
    worker()  # Alex's alert is refused; the alert moves on in the job's next transaction
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)
    assert about_sam(twilio_api, ALEX) == []
    tick(kinship, "2026-11-30T16:20:00Z")
    worker()
    assert about_sam(twilio_api, ALEX) == []


def test_in_a_trio_one_failed_buddy_leaves_the_other_and_both_failing_reach_the_coordinators(
        paired, kinship, twilio, worker, twilio_api, db):
    kinship("member", "add", "--community", paired, "--name", "Priya Nair", "--phone", PRIYA)
    twilio.sms(PRIYA, "YES")  # joins Sam and Alex as the third
    worker()
    twilio_api.clear()
    low_reply_at_10(kinship, twilio, worker)
    twilio.status(sid_of_last_text_to(twilio_api, ALEX), "undelivered", 30003)
    worker()
    assert twilio_api.sent_to(ANA) == []  # Priya still has it
    tick(kinship, "2026-11-30T16:15:00Z")
    worker()
    assert "reminder" in last(twilio_api, PRIYA) and len(about_sam(twilio_api, ALEX)) == 1
    twilio.status(sid_of_last_text_to(twilio_api, PRIYA), "failed", 30005)
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)


class Killed(Exception):
    """Stands for kill -9 of the worker just after Twilio accepted the text."""


class DiesAfterTwilioAccepts(TwilioGateway):
    def send(self, **kwargs):
        super().send(**kwargs)
        raise Killed


def test_a_buddy_alert_that_reconciliation_finds_undelivered_moves_on_at_once(
        paired, kinship, twilio, worker, twilio_api, db, redis, settings):
    clock.freeze(at("2026-11-30T16:00:00Z"))
    twilio.sms(SAM, "2")
    with db.session() as s:
        alert_text = s.scalar(select(OutboundMessage.id).where(OutboundMessage.kind == "buddy_alert"))
    # The worker dies after Twilio took Alex's alert; its status callback never comes.
    with pytest.raises(Killed):
        sending.send_message(db, DiesAfterTwilioAccepts(settings), alert_text, now=clock.utcnow,
                             pace=lambda *_: None, retry_limit=3, heed=heed_carrier)
    twilio_api.settle(sid_of_last_text_to(twilio_api, ALEX), "undelivered", 30003)
    worker()
    assert twilio_api.sent_to(ANA) == []
    # 10:03: the clock looks the text up, finds it undelivered, and the alert moves on in that pass.
    clock.freeze(at("2026-11-30T16:03:00Z"))
    enqueue_tick(redis)
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)
    assert len(about_sam(twilio_api, ALEX)) == 1


# --- unanswered pages repeat and climb ----------------------------------------------------


def test_an_untaken_crisis_is_paged_again_at_10_and_20_minutes_not_before_and_not_more(
        paired, kinship, twilio, worker, twilio_api, db, client):
    clock.freeze(at("2026-11-30T16:00:00Z"))
    twilio.sms(SAM, "I want to kill myself")
    worker()
    assert len(twilio_api.sent_to(ANA)) == 1
    # The buddy hears only that the coordinators were alerted, not that one is in touch.
    assert "have been alerted" in last(twilio_api, ALEX) and "in touch" not in last(twilio_api, ALEX)
    for moment, pages in (("16:09", 1), ("16:10", 2), ("16:10", 2), ("16:19", 2), ("16:20", 3), ("16:21", 3),
                          ("16:30", 3), ("18:00", 3)):
        tick(kinship, f"2026-11-30T{moment}:00Z")
        worker()
        assert len(twilio_api.sent_to(ANA)) == pages, moment
    assert "STILL NOBODY ON IT" in last(twilio_api, ANA)
    board = dana(db, client)
    assert "Overdue: paged 3 times" in board.get("/").get_data(as_text=True)
    assert kinship("alerts", "--open").stdout.rstrip().endswith("OVERDUE")


def test_a_coordinator_taking_a_crisis_stops_the_pages_and_only_then_is_the_buddy_told_someone_is_in_touch(
        paired, kinship, twilio, worker, twilio_api, db, client):
    board = dana(db, client)
    clock.freeze(at("2026-11-30T16:00:00Z"))
    twilio.sms(SAM, "I want to kill myself")
    worker()
    alert = the_alert(db)
    clock.freeze(at("2026-11-30T16:05:00Z"))
    assert board.post(f"/alerts/{alert.id}/acknowledge").status_code == 303
    worker()
    assert "coordinator is now in touch" in last(twilio_api, ALEX)
    for moment in ("16:10", "16:20", "17:00"):
        tick(kinship, f"2026-11-30T{moment}:00Z")
    worker()
    assert len(twilio_api.sent_to(ANA)) == 1
    card = board.get("/").get_data(as_text=True)
    assert "dana@example.org is on it" in card and "took it" in card
    assert "no answer yet" not in card


def test_a_taken_alert_left_open_a_day_goes_stale_with_one_reminder(paired, kinship, twilio, worker, twilio_api, db,
                                                                     client):
    board = dana(db, client)
    clock.freeze(at("2026-11-30T16:00:00Z"))
    twilio.sms(SAM, "I want to kill myself")
    worker()
    board.post(f"/alerts/{the_alert(db).id}/acknowledge")
    worker()
    before = len(twilio_api.sent_to(DANA))
    tick(kinship, "2026-12-01T15:59:00Z")
    worker()
    assert len(twilio_api.sent_to(DANA)) == before
    tick(kinship, "2026-12-01T16:00:00Z")
    tick(kinship, "2026-12-01T16:00:00Z")
    tick(kinship, "2026-12-02T16:00:00Z")
    worker()
    assert len(twilio_api.sent_to(DANA)) == before + 1 and "still open" in last(twilio_api, DANA)
    clock.freeze(at("2026-12-01T16:01:00Z"))
    assert "Stale: taken" in board.get("/").get_data(as_text=True)
    assert kinship("alerts", "--open").stdout.rstrip().endswith("STALE")


# --- hand-offs that go quiet --------------------------------------------------------------


def test_on_it_then_silence_gets_a_morning_follow_up_in_the_buddys_zone_then_the_coordinators(
        paired, kinship, twilio, worker, twilio_api, db):
    with db.session() as s:
        s.scalar(select(Member).where(Member.phone == ALEX)).timezone = "America/New_York"
    low_reply_at_10(kinship, twilio, worker)
    twilio.sms(ALEX, "ON IT")
    worker()
    texts_to_alex = len(twilio_api.sent_to(ALEX))
    # 09:00 the next morning in New York is 14:00 UTC.
    tick(kinship, "2026-12-01T13:59:00Z")
    worker()
    assert len(twilio_api.sent_to(ALEX)) == texts_to_alex
    tick(kinship, "2026-12-01T14:00:00Z")
    tick(kinship, "2026-12-01T14:00:00Z")
    worker()
    assert len(twilio_api.sent_to(ALEX)) == texts_to_alex + 1
    assert "reach Sam" in last(twilio_api, ALEX) and "DONE" in last(twilio_api, ALEX)
    # No DONE by 18:00 in New York (23:00 UTC): the coordinators take over.
    tick(kinship, "2026-12-01T22:59:00Z")
    worker()
    assert twilio_api.sent_to(ANA) == []
    tick(kinship, "2026-12-01T23:00:00Z")
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)
    assert the_alert(db).state == AlertState.OPEN and the_alert(db).escalation_step == escalation.HANDED_OFF


def test_done_resolves_the_alert_with_a_note(paired, kinship, twilio, worker, twilio_api, db):
    low_reply_at_10(kinship, twilio, worker)
    twilio.sms(ALEX, "ON IT")
    tick(kinship, "2026-12-01T15:00:00Z")  # 09:00 in Chicago
    worker()
    assert "DONE" in last(twilio_api, ALEX)
    answer = twilio.sms(ALEX, "done").get_data(as_text=True)
    assert "Thank you" in answer
    alert = the_alert(db)
    assert alert.state == AlertState.RESOLVED and "Alex Chen said DONE" in alert.resolution_note
    tick(kinship, "2026-12-02T00:00:00Z")
    worker()
    assert twilio_api.sent_to(ANA) == []


def test_help_to_the_follow_up_hands_the_alert_to_the_coordinators(paired, kinship, twilio, worker, twilio_api, db):
    low_reply_at_10(kinship, twilio, worker)
    twilio.sms(ALEX, "ON IT")
    tick(kinship, "2026-12-01T15:00:00Z")
    worker()
    answer = twilio.sms(ALEX, "HELP").get_data(as_text=True)
    assert "coordinator" in answer and "STOP" in answer
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)


def test_a_buddys_stop_while_on_it_moves_the_alert_on_in_the_same_webhook(paired, kinship, twilio, worker, twilio_api,
                                                                          db):
    low_reply_at_10(kinship, twilio, worker)
    twilio.sms(ALEX, "ON IT")
    worker()
    twilio.sms(ALEX, "STOP")
    # Committed by the webhook itself, before any worker or tick runs.
    alert = the_alert(db)
    assert alert.state == AlertState.OPEN and alert.escalation_step == escalation.HANDED_OFF
    with db.session() as s:
        assert s.scalar(select(OutboundMessage).where(OutboundMessage.to_phone == ANA,
                                                      OutboundMessage.state == MessageState.QUEUED)) is not None
        # And Sam has nobody to turn to now.
        assert s.scalar(select(BuddyGroup).where(BuddyGroup.active.is_(True))) is None
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)


def test_a_buddy_who_pauses_while_asked_hands_the_alert_on_and_keeps_their_buddy(paired, kinship, twilio, worker,
                                                                                 twilio_api, db):
    low_reply_at_10(kinship, twilio, worker)
    twilio.sms(ALEX, "PAUSE 3 days")
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)
    with db.session() as s:
        assert s.scalar(select(BuddyGroup).where(BuddyGroup.active.is_(True))) is not None


def test_a_buddy_whose_number_dies_while_on_it_hands_the_alert_on(paired, kinship, twilio, worker, twilio_api, db):
    low_reply_at_10(kinship, twilio, worker)
    twilio.sms(ALEX, "ON IT")
    worker()
    tick(kinship, "2026-12-01T15:00:00Z")
    worker()
    twilio.status(sid_of_last_text_to(twilio_api, ALEX), "undelivered", 30006)
    worker()
    assert "Sam Rivera" in last(twilio_api, ANA)
    assert member(db, ALEX).status == MemberStatus.UNREACHABLE


# --- newcomers get a buddy ----------------------------------------------------------------


def test_a_newcomer_joins_a_pair_as_the_third_and_everyone_is_introduced(paired, kinship, twilio, worker, twilio_api):
    kinship("member", "add", "--community", paired, "--name", "Priya Nair", "--phone", PRIYA)
    welcome = twilio.sms(PRIYA, "YES").get_data(as_text=True)
    assert "You have a buddy" in welcome
    worker()
    assert "Sam" in last(twilio_api, PRIYA) and "Alex" in last(twilio_api, PRIYA)
    assert "Priya" in last(twilio_api, SAM) and "Priya" in last(twilio_api, ALEX)


def test_a_newcomer_is_paired_with_an_orphan(paired, kinship, twilio, worker, twilio_api, db):
    twilio.sms(ALEX, "BUDDY OFF")  # Sam has nobody now
    kinship("member", "add", "--community", paired, "--name", "Priya Nair", "--phone", PRIYA)
    twilio.sms(PRIYA, "YES")
    worker()
    assert "Sam" in last(twilio_api, PRIYA) and "Priya" in last(twilio_api, SAM)
    assert twilio_api.sent_to(ALEX) == [] or "Priya" not in last(twilio_api, ALEX)


def test_a_newcomer_nobody_can_take_is_promised_no_buddy_and_listed(paired, kinship, twilio, worker, twilio_api, db,
                                                                    client):
    kinship("member", "add", "--community", paired, "--name", "Priya Nair", "--phone", PRIYA, "--language", "es")
    welcome = twilio.sms(PRIYA, "SI").get_data(as_text=True)
    assert "compañero/a" not in welcome and "APOYO NO" not in welcome
    worker()
    assert twilio_api.sent_to(SAM) == [] and twilio_api.sent_to(ALEX) == []
    page = dana(db, client).get("/").get_data(as_text=True)
    section = page[page.index("No buddy to turn to"):]
    assert "Priya Nair" in section[:2000]
