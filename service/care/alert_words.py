"""Why an alert opened, in the words a coordinator reads: "a score of 2", "no reply to the last
3 check-ins", "asked whether they are safe, no answer" -- never an internal label such as
``low_score`` or ``score 2 from '2'``.

A reply's alert takes the reading's ``concerns`` (plain phrases the reader writes for
coordinators). Readings stored before the reader wrote concerns are put into words here from
their reasons, so old alerts read the same way. The safety path's own alerts (silence, a
downward trend, an unanswered question) get their words where they open.

The same words go on the Now page, the member page, ``kinship alerts`` and the coordinators'
texts, which is why they never quote the member: their own words are shown beside the
reason on the dashboard, never inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from service.models import Alert, AlertReason

# What each kind of crisis language the reader names means to a coordinator.
CRISIS_WORDS = {
    "talk of ending their life": "talk of ending their life",
    "self-harm": "talk of hurting themselves",
    "feeling unsafe": "said they do not feel safe",
    "goodbye message": "sounded like a goodbye",
    "method words": "talk of pills or other means",
}
# When nothing better is known (an alert from before concerns were kept, with no reading).
REASON_WORDS = {
    AlertReason.LOW_SCORE: "a low score",
    AlertReason.WANTS_SUPPORT: "asked for support",
    AlertReason.CRISIS: "sounded like a crisis",
    AlertReason.SILENCE: "no reply to several check-ins",
    AlertReason.TREND: "scores going down",
    AlertReason.UNCERTAIN: "a reply that may mean they are not safe",
    AlertReason.SAFETY_QUESTION: "asked whether they are safe, no answer",
}
ASKED_NO_ANSWER = "asked whether they are safe, no answer"
ASKED_THEN_STOP = "asked whether they are safe, then texted STOP"
SAID_NOT_SAFE = "said they are not safe"
ASKED_NOT_SAFE = "asked whether they are safe, did not say they are"

# How much of a member's words an alert card shows; the member page has them whole.
SHORT_WORDS = 140

_CRISIS_REASON = re.compile(r"^crisis: (?P<label>.+?)(?: '.*)?$")
# A low score the member gave or the reader inferred (a 3 or more is no concern; a 1 from
# crisis language is the crisis itself).
_SCORE_REASON = re.compile(r"^score (?P<score>[12]) from (?!crisis language)")


def from_reading(reading: dict | None) -> list[str]:
    """The plain words for a stored reading: its concerns, or its reasons put into words."""
    if not reading:
        return []
    if reading.get("concerns"):
        return list(reading["concerns"])
    words: list[str] = []
    for reason in reading.get("reasons") or ():
        if match := _CRISIS_REASON.match(reason):
            words.append(CRISIS_WORDS.get(match["label"], match["label"]))
        elif match := _SCORE_REASON.match(reason):
            words.append(f"a score of {match['score']}")
        elif reason.startswith("wants support: '"):
            words.append("asked for support")
        elif reason.startswith("wants support: hard news"):
            words.append("shared hard news")
        elif reason.startswith("worry: "):
            words.append("worried about someone else")
    return unique(words)


def silence(missed: int) -> str:
    return f"no reply to the last {missed} check-ins"


def trend(scores_oldest_first: Iterable[int]) -> str:
    return "scores going down: " + ", ".join(str(score) for score in scores_oldest_first)


def unique(words: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(word for word in words if word))


def concerns_of(alert: Alert) -> list[str]:
    """Every reason the alert is open, in plain words, the first one first."""
    return list(alert.concerns or ()) or from_reading(alert.reading) or [REASON_WORDS[alert.reason]]


def why(alert: Alert) -> str:
    """One line: "a score of 2; asked for support"."""
    return "; ".join(concerns_of(alert))


def headline(alert: Alert) -> str:
    """The first reason alone, short enough for a coordinator's text."""
    return concerns_of(alert)[0]


def shorten(text: str, length: int = SHORT_WORDS) -> str:
    """A member's words cut at a word boundary, marked with an ellipsis when cut."""
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0] or text[:length]
    return cut.rstrip(" ,.;:") + "…"
