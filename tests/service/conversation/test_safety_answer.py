"""What counts as a clear SAFE: the whole text says so, in English or Spanish, and nothing else."""

from __future__ import annotations

import re

import pytest

from service.conversation.commands import parse
from service.conversation.safety_answer import Verdict, verdict
from service.messaging.sms_text import LANGUAGES, render

SAFE = ["SAFE", "safe", "Safe.", "I'm safe", "I’m safe", "im safe", "i am safe right now", "yes", "Yes, safe. Thanks!",
        "yeah I'm safe, thank you", "ok safe", "safe and sound", "safe 🙏",
        "si", "Sí", "sí, estoy a salvo", "estoy a salvo", "a salvo", "segura", "Estoy segura", "seguro, gracias",
        "me encuentro a salvo ahora mismo"]
NOT_SAFE = ["NOT SAFE", "not safe", "no", "No.", "nope", "I'm not safe", "not really", "unsafe", "no estoy a salvo",
            "no me siento segura", "NO"]
UNCLEAR = ["", "🙏", "idk", "safe for now", "i think so", "saef", "ok", "fine", "I'm fine", "estoy bien", "maybe",
           "safe but i have the pills here", "PAUSE", "ON IT", "4", "not sure", "who is this?", "yes and no but mostly no"]


@pytest.mark.parametrize("text", SAFE)
def test_clear_safe(text):
    assert verdict(text) == Verdict.SAFE


@pytest.mark.parametrize("text", NOT_SAFE)
def test_plainly_not_safe(text):
    assert verdict(text) == Verdict.NOT_SAFE


@pytest.mark.parametrize("text", UNCLEAR)
def test_anything_else_is_not_a_safe(text):
    assert verdict(text) != Verdict.SAFE


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_words_the_question_asks_for_are_understood(language):
    asked = render("ask_safe", language, name="Sam")
    wanted = {"en": {"SAFE": Verdict.SAFE, "NOT SAFE": Verdict.NOT_SAFE},
              "es": {"SI": Verdict.SAFE, "NO": Verdict.NOT_SAFE}}[language]
    for word, meaning in wanted.items():
        assert re.search(rf"(?<!\w){word}(?!\w)", asked), f"{language}: the question never says {word}"
        assert verdict(word) == meaning


def test_no_answer_word_is_a_carrier_keyword_that_would_stop_or_help():
    for word in ("SAFE", "NOT SAFE", "NO", "safe"):
        assert parse(word).command is None
