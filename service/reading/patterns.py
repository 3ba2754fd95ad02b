"""The reply word lists compiled into regular expressions, and mood-phrase lookup.

`service.reading.lexicon` writes its phrases as patterns over the normalised reply
(see `service.reading.text`), with `<MACRO>` placeholders; this module expands the
macros and compiles each list once, at import, into a pattern that only matches
whole words. `mood_entry` says which mood phrase a matched span is, and with what
score. `service.reading` explains how the patterns are used.
"""

from __future__ import annotations

import functools
import re

from service.reading import lexicon as lex
from service.reading.anchors import AnchoredPatterns


def _expand(p: str) -> str:
    while "<" in p and (q := re.sub(r"<([A-Z][A-Z0-9]*)>", lambda m: lex.MACROS[m.group(1)], p)) != p:
        p = q  # macros may use macros
    return p


def _compile(patterns) -> re.Pattern:
    return re.compile(r"(?<!\S)(?:" + "|".join(_expand(p) for p in patterns) + r")(?!\S)")


# The crisis lists and the idioms are long and read in every reply: each is tried only at the
# words its phrases can start with (`service.reading.anchors`). CRISIS holds (label, veto) in
# the lexicon's order; CRISIS_PHRASES finds list n under the key "n".
CRISIS = [(label, veto) for label, veto, _ in lex.CRISIS]
CRISIS_PHRASES = AnchoredPatterns({str(n): "|".join(_expand(p) for p in ps)
                                   for n, (_, _, ps) in enumerate(lex.CRISIS)})
CONTEXT_VETO = {k: _compile(v) for k, v in lex.CONTEXT_VETO.items()}
_FIGURATIVE = AnchoredPatterns({"idiom": "|".join(_expand(p) for p in lex.FIGURATIVE)})


def idiom_spans(norm: str) -> list[tuple[int, int]]:
    """Where the idioms are in `norm` ("this movie killed me")."""
    return _FIGURATIVE.spans(norm).get("idiom", [])


ROUTINE_MEDICATION = _compile(lex.ROUTINE_MEDICATION)
AMOUNT = _compile([r"<QTY>"])
MEDICINE = _compile([r"<PILLS>", r"<DRUGS>"])
LAUGH_FIGURATIVE = _compile(lex.LAUGH_FIGURATIVE)
LAUGHTER = re.compile(r"(?:" + "|".join(lex.LAUGHTER) + r")\Z")
SUPPORT = _compile(lex.SUPPORT)
SUPPORT_VETO = _compile(lex.SUPPORT_VETO)
WORRY = _compile(lex.WORRY)
GRATITUDE = _compile(lex.GRATITUDE)
SERVICE_QUESTION = re.compile("(?:" + "|".join(_expand(p) for p in lex.SERVICE_QUESTION) + ")")
SOCIAL = _compile(lex.SOCIAL)

# Mood entries: (fullmatch pattern, score, kind). Longest first, so a phrase wins
# over the words inside it ("not the best" before "best ...", "muy bien" before "bien").
_MOOD_ENTRIES = sorted(
    [(p, s, "plain") for s, ps in lex.MOOD.items() for p in ps]
    + [(p, s, "fixed") for p, s in lex.MOOD_FIXED.items()]
    + [(p, s, "es") for p, s in lex.MOOD_ES_ONLY.items()]
    + [(p, s, "framed") for p, s in lex.MOOD_FRAMED.items()]
    + [(p, s, "framed_es") for p, s in lex.MOOD_FRAMED_ES.items()]
    + [(p, None, "stop") for p in lex.MOOD_STOP],
    key=lambda e: -len(e[0]))
MOOD = _compile(p for p, _, _ in _MOOD_ENTRIES)
_MOOD_FULL = [(re.compile(_expand(p)), s, k) for p, s, k in _MOOD_ENTRIES]


@functools.lru_cache(maxsize=2048)
def mood_entry(matched: str) -> tuple[int | None, str]:
    """(score, kind) of the mood phrase `matched` (a span `MOOD` found); kind
    "stop" when it is no mood phrase at all."""
    for rx, score, kind in _MOOD_FULL:
        if rx.fullmatch(matched):
            return score, kind
    return None, "stop"
