"""Safety first: what may never lower a crisis reading, and what good news needs.

Properties over crisis replies from the labelled set that the reader reads as crisis:
appending thanks, a laugh or a number never lowers the reading; a reply with a sign of
risk is never read as good.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from service.reading import read_reply
from service.reading.model import Opinion

CSV_PATH = Path(__file__).resolve().parents[2] / "data" / "replies.csv"
RANK = {"none": 0, "support": 1, "ask": 2, "crisis": 3}


@functools.cache
def crisis_replies() -> list[tuple[str, str]]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["crisis"] == "1"]
    return [(r["text"], r["language"]) for r in rows[::7] if read_reply(r["text"], r["language"]).crisis]


TAILS = st.sampled_from([
    "thanks", "thank you!", "thanks!!", "gracias", "muchas gracias", "ty", "lol", "haha", "jajaja", "lmao",
    "😂", "🤣", "5", "4", "5/5", "10/10", "5!",
])


@settings(max_examples=300, deadline=None)
@given(st.data(), st.lists(TAILS, min_size=1, max_size=3), st.sampled_from([" ", ", ", ". ", " - ", "\n"]))
def test_thanks_a_laugh_or_a_number_never_lower_a_crisis(data, tails, joiner):
    text, language = data.draw(st.sampled_from(crisis_replies()))
    reading = read_reply(joiner.join([text, *tails]), language)
    assert reading.crisis, (text, tails, reading.reasons)
    assert not reading.positive


@settings(max_examples=200, deadline=None)
@given(st.data(), st.lists(TAILS, min_size=1, max_size=2))
def test_a_number_or_thanks_first_never_lowers_a_crisis(data, heads):
    text, language = data.draw(st.sampled_from(crisis_replies()))
    assert read_reply(" ".join([*heads, text]), language).crisis


def test_good_news_needs_no_sign_of_risk():
    for text in ("5 but the pills are right here", "bien, ya tengo las pastillas juntas", "thanks for everything. bye"):
        reading = read_reply(text)
        assert not reading.positive and reading.action != "none", reading.reasons


def test_free_text_with_a_sign_of_risk_reaches_a_person():
    for text in ("i'm done", "been thinking about the bridge", "ya no aguanto"):
        assert read_reply(text).action != "none", text


def test_the_model_only_ever_raises_a_reading():
    for text, language in crisis_replies()[:40]:
        assert RANK[read_reply(text, language).action] >= RANK[read_reply(text, language, model=None).action]


class _SureOfACrisis:
    """A second opinion that hears a crisis in everything."""
    crisis_at, ask_at, alert_at = 0.5, 0.45, 0.7

    def opinion(self, text, lang, evidence=()):
        return Opinion(0.9, 0.9)


def test_a_symptom_explains_the_models_crisis_only_beside_a_medicine():
    sure = _SureOfACrisis()
    # "sleep" and "back" name no symptom here: the model's call stands
    assert read_reply("i just want to go to sleep and not come back", "en", model=sure).crisis
    # a medicine taken for a symptom: the member is asked instead
    reading = read_reply("took a paracetamol for my headache, better now", "en", model=sure)
    assert not reading.crisis and reading.action == "ask", reading.reasons
