"""Why an alert opened, in a coordinator's words: never an internal label."""

from __future__ import annotations

import pytest

from service.care import alert_words
from service.care.alert_words import concerns_of, from_reading, shorten
from service.care.unread import is_free_text
from service.models import Alert, AlertKind, AlertReason
from service.reading import read_reply


def test_a_readings_concerns_are_its_words():
    assert from_reading({"concerns": ["said they want to end their life"], "reasons": ["crisis: x 'y'"]}) == [
        "said they want to end their life"]


@pytest.mark.parametrize("reply, words", [
    ("2", ["a score of 2"]),
    ("1, could someone call me", ["a score of 1", "asked for support"]),
    ("I want to end it all", ["talk of ending their life"]),
    ("im going to hurt myself tonight", ["talk of hurting themselves"]),
    ("5! but my mum is in hospital", ["worried about someone else"]),
    ("3. landlord gave us an eviction notice", ["shared hard news"]),
    ("3, long day", []),
    ("4 good", []),
])
def test_readings_from_before_concerns_are_put_into_words(reply, words):
    assert from_reading(read_reply(reply).to_dict()) == words


def test_the_safety_paths_own_words():
    assert alert_words.silence(3) == "no reply to the last 3 check-ins"
    assert alert_words.trend([2, 2, 1]) == "scores going down: 2, 2, 1"


@pytest.mark.parametrize("reason", list(AlertReason))
def test_every_alert_has_plain_words_even_with_nothing_stored(reason):
    alert = Alert(kind=AlertKind.SUPPORT, reason=reason, reading=None, concerns=[])
    [words] = concerns_of(alert)
    assert " " in words and "_" not in words and words != reason.value


def test_shortened_at_a_word_with_an_ellipsis():
    text = "word " * 40
    short = shorten(text, 20)
    assert short == "word word word word…"
    assert shorten("short", 20) == "short"


@pytest.mark.parametrize("body, free", [
    ("4", False), ("3/5", False), ("4 out of 5", False), ("cuatro", False), ("two", False), ("😊", False), ("", False),
    (None, False), ("4, long day", True), ("ok", True), ("meh", True), ("bien, gracias", True), ("café", True),
])
def test_free_text_is_words_not_only_a_number(body, free):
    assert is_free_text(body) is free
