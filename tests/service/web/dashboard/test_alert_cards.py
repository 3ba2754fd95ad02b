"""Alert cards say why in plain words and show the member's own words -- on the Now page, the
member page and ``kinship alerts`` alike -- and the Now page shows who was asked whether they
are safe. Never an internal label."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from service import clock
from service.models import Alert, Community
from tests.service.conftest import UNSURE, UNSURE_CONCERNS
from tests.service.web.dashboard.conftest import ALEX, SAM, text_of

INTERNAL = ("low_score", "wants_support", "score 2 from", "wants support:", "crisis:", "safety_question", "Low score.")


def now_page(signed_in) -> str:
    return text_of(signed_in.get("/"))


def assert_plain(words: str) -> None:
    for label in INTERNAL:
        assert label not in words, label


def alert_line(kinship) -> str:
    return kinship("alerts", "--open").stdout


def test_a_low_score_says_so_with_their_words(signed_in, twilio, members, kinship):
    twilio.sms(ALEX, "2, rough week")
    words = now_page(signed_in)
    assert "Why: a score of 2 They wrote: “2, rough week”" in words
    assert_plain(words)
    member = text_of(signed_in.get(f"/members/{members['Alex']}"))
    assert "Why: a score of 2" in member and "a score of 2, Mon 30 Nov, 09:00 — open" in member
    assert_plain(member)
    line = alert_line(kinship)
    assert 'Alex Chen (+14155550102) — a score of 2 — "2, rough week"' in line
    assert_plain(line)


def test_a_crisis_says_what_was_heard(signed_in, twilio, members):
    twilio.sms(SAM, "I want to end it all")
    words = now_page(signed_in)
    assert "Why: talk of ending their life They wrote: “I want to end it all”" in words
    assert_plain(words)


def test_long_words_are_shortened_on_the_card_and_whole_on_the_member_page(signed_in, twilio, members, db):
    long = "2. " + "the week was long and tiring at work and at home, " * 6 + "and the end of this sentence is here"
    twilio.sms(SAM, long)
    words = now_page(signed_in)
    assert "the end of this sentence is here" not in words and "at work…” full text" in words
    with db.session() as s:
        alert_id = s.scalar(select(Alert.id))
    assert f'href="/members/{members["Sam"]}?community=' in signed_in.get("/").get_data(as_text=True)
    assert f"#alert-{alert_id}" in signed_in.get("/").get_data(as_text=True)
    member = signed_in.get(f"/members/{members['Sam']}").get_data(as_text=True)
    assert f'id="alert-{alert_id}"' in member and "the end of this sentence is here" in text_of(signed_in.get(f"/members/{members['Sam']}"))


def test_silence_counts_the_missed_check_ins(signed_in, members, kinship):
    # Mondays and Thursdays at 10:00 in Chicago; nobody answers.
    for moment in ("2026-11-30T16:00:00Z", "2026-12-03T16:00:00Z", "2026-12-07T16:00:00Z", "2026-12-10T16:00:00Z"):
        kinship("tick", "--at", moment)
    words = now_page(signed_in)
    assert "Why: no reply to the last 3 check-ins" in words
    assert "silence" not in words.lower().split("why:")[1][:40]
    assert "no reply to the last 3 check-ins" in alert_line(kinship)


def test_a_downward_trend_lists_the_scores(signed_in, twilio, members, kinship):
    for moment, reply in (("2026-11-30T16:00:00Z", "5"), ("2026-12-03T16:00:00Z", "5"),
                          ("2026-12-07T16:00:00Z", "5"), ("2026-12-10T16:00:00Z", "3")):
        kinship("tick", "--at", moment)
        clock.freeze(clock.parse_instant(moment) + timedelta(minutes=5))
        twilio.sms(SAM, reply)
    assert "Why: scores going down: 5, 5, 5, 3" in now_page(signed_in)
    assert "scores going down: 5, 5, 5, 3" in alert_line(kinship)


@pytest.mark.usefixtures("unsure_reader")
def test_a_question_shows_while_open_then_its_alert_says_no_answer(signed_in, twilio, members, kinship, now):
    twilio.sms(SAM, UNSURE)
    clock.freeze(now + timedelta(minutes=12))
    words = now_page(signed_in)
    assert "Asked whether they are safe 1" in words
    assert "Asked Sam Rivera whether they are safe, 12 min ago." in words
    assert "an alert opens in 18 min (Mon 30 Nov, 09:30)" in words and f"They wrote: “{UNSURE}”" in words
    assert "No open alerts" in words
    member = text_of(signed_in.get(f"/members/{members['Sam']}"))
    assert "Kinship asked Sam whether they are safe 12 min ago (Mon 30 Nov, 09:00)" in member
    kinship("tick", "--at", (now + timedelta(minutes=30)).isoformat())
    words = now_page(signed_in)
    assert "Asked Sam Rivera whether they are safe" not in words
    assert f"Why: asked whether they are safe, no answer; {UNSURE_CONCERNS[UNSURE]} They wrote: “{UNSURE}”" in words
    assert_plain(words)


@pytest.mark.usefixtures("unsure_reader")
def test_not_safe_shows_the_first_reply_and_the_answer(signed_in, twilio, members):
    twilio.sms(SAM, UNSURE)
    twilio.sms(SAM, "no")
    words = now_page(signed_in)
    assert f"They wrote: “{UNSURE}” Asked whether they are safe, they answered: “no”" in words
    assert "said they are not safe" in words
    member = text_of(signed_in.get(f"/members/{members['Sam']}"))
    assert "Asked whether they are safe, they answered: “no”" in member


def test_asking_directly_is_a_community_setting_on_by_default(signed_in, db):
    page = signed_in.get("/settings").get_data(as_text=True)
    assert 'name="ask_when_unsure" aria-describedby="ask-hint" checked' in page
    with db.session() as s:
        assert s.scalar(select(Community.ask_when_unsure)) is True
