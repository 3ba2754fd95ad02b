"""The answer to "are you safe right now?": only a clear SAFE closes the question gently.

Clear means the whole text says so and nothing else: "SAFE", "I'm safe", "yes, safe right
now, thanks", "estoy a salvo", "segura", "sí". NOT SAFE, "no", and every text we cannot be
sure of ("safe for now", "idk", "👍", a typo) take the crisis path: a person should call to
be sure, and the cost of that call is small. Whether the member said plainly that they are
not safe only changes the words the coordinators read.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from datetime import datetime

from sqlalchemy.orm import Session

from service.care import questions
from service.models import InboundMessage, Member, SafetyQuestion
from service.reading import Reading


class Verdict(enum.StrEnum):
    SAFE = "safe"
    NOT_SAFE = "not_safe"  # said so plainly: "NOT SAFE", "no", "no estoy a salvo"
    UNCLEAR = "unclear"  # anything else


# Words that say "safe" (or "yes" to "are you safe?") on their own.
SAFE_WORDS = frozenset({
    "safe", "yes", "yeah", "yep", "yup", "yea",
    "si", "sip", "salvo", "salva", "seguro", "segura",
})
NEGATIONS = frozenset({
    "not", "no", "nope", "nah", "dont", "isnt", "arent", "never", "unsafe",
    "nunca", "ni", "tampoco", "inseguro", "insegura",
})
# Words that may come with them without changing what they say.
ALONGSIDE = frozenset({
    "i", "im", "am", "we", "feel", "now", "right", "currently", "ok", "okay", "k", "and", "sound",
    "thanks", "thank", "you", "thx", "ty", "so", "much", "very", "totally", "completely", "really",
    "estoy", "me", "siento", "encuentro", "a", "ahora", "mismo", "en", "este", "momento", "y", "sano", "sana",
    "gracias", "muchas", "claro", "totalmente", "de", "verdad", "lo",
})
_TOKEN = re.compile(r"[a-z0-9]+")


def verdict(body: str | None) -> Verdict:
    words = _words(body)
    if not words or not words <= SAFE_WORDS | NEGATIONS | ALONGSIDE:
        return Verdict.UNCLEAR
    if words & NEGATIONS:
        return Verdict.NOT_SAFE
    return Verdict.SAFE if words & SAFE_WORDS else Verdict.UNCLEAR


def _words(body: str | None) -> set[str]:
    text = unicodedata.normalize("NFKD", body or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['\u2019\u02bc`]", "", text)  # "I'm" is "im"
    return set(_TOKEN.findall(text))


def answer(session: Session, member: Member, question: SafetyQuestion, inbound: InboundMessage, reading: Reading,
           now: datetime, dashboard_url: str) -> tuple[str | None, dict]:
    """The member's text while asked: SAFE, or the crisis path."""
    inbound.kind = "safety_answer"
    inbound.reading = reading.to_dict()
    said = verdict(inbound.body)
    if said == Verdict.SAFE and not reading.crisis:
        return questions.safe(session, question, inbound, now, dashboard_url)
    return questions.not_safe(session, question, inbound, reading, now, dashboard_url,
                              said_not_safe=said == Verdict.NOT_SAFE)
