"""The reader never raises, whatever a phone sends: any string, any language hint.

Hypothesis builds the replies from arbitrary text, lone surrogates, and the pieces that
trip up readers of numbers, emoji and scripts; every reading must be one the rest of the
service can store and act on.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.reading import read_reply

TRICKY = [
    "\x00", "\u202e", "\ufeff", "\u200d", "\r\n", "\t", "🙂", "😔", "👨\u200d👩\u200d👧", "🏳️\u200d🌈", "1️⃣", "５", "٣",
    "½", "ⅷ", "⁴", "7/10", "0/0", "3/0", "99999999999999999999/5", "-2", "1e999", "NaN", "4.5", "2-3", "10/10",
    "I want to die", "not ok", "no", "STOP", "cuatro", "quiero morirme", "@buddy", "call me", "?", "!!!",
    "not " * 40, "very " * 60, "😔" * 200, "a" * 1600,
]
pieces = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(categories=["Cs"]), max_size=3),  # lone surrogates: a str, if never valid UTF-8
    st.sampled_from(TRICKY),
)
replies = st.lists(pieces, max_size=8).map("".join)
hints = st.one_of(st.none(), st.sampled_from(["en", "es", "", "EN", "es-MX", "xx", "\x00", "español"]), st.text(max_size=8))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(replies, hints)
def test_the_reader_never_raises_on_any_string(text, hint):
    reading = read_reply(text, hint)
    assert reading.score is None or 1 <= reading.score <= 5
    assert reading.action in {"crisis", "ask", "support", "none"}
    assert reading.language in {"en", "es"}
    json.dumps(reading.to_dict())  # what the webhook stores beside the text
