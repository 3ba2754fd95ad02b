"""What in a reply calls for a person: crisis language, requests for support,
worries about someone else, and questions; and the idioms set aside first.

Each function takes the `ReplyText` of one reply and returns the member's own
words it found, for `service.reading` to turn into a `Reading` and its reasons.
"""

from __future__ import annotations

from service.reading import lexicon as lex
from service.reading.patterns import (
    CONTEXT_VETO,
    CRISIS,
    CRISIS_PHRASES,
    LAUGH_FIGURATIVE,
    SUPPORT,
    SUPPORT_VETO,
    WORRY,
    idiom_spans,
)
from service.reading.text import ReplyText, Token, overlaps, quotes


def idioms(t: ReplyText, laughing: bool) -> list[tuple[int, int]]:
    """Spans of figurative talk ("this movie killed me"; "me muero" only beside laughter)."""
    spans = idiom_spans(t.norm)
    if laughing:
        spans += [m.span() for m in LAUGH_FIGURATIVE.finditer(t.norm)]
    return spans


def crisis(t: ReplyText, figurative,
           typed: ReplyText | None = None) -> tuple[list[tuple[str, str]], list[tuple[int, int]]]:
    """(reason label, quotes) per kind of crisis language, and where it was found. When `t` is the
    reply over lemmas, `typed` is the reply as written: a context that vetoes a kind is looked for
    in both ("me voy a Guate" is a trip, though its lemmas read "me ir a guate")."""
    found: dict[str, list[str]] = {}
    spans = []
    texts = (t.norm,) if typed is None else (t.norm, typed.norm)
    matched = CRISIS_PHRASES.spans(t.norm)
    for n, (label, veto) in enumerate(CRISIS):
        spans_n = matched.get(str(n))
        if not spans_n or (veto and any(CONTEXT_VETO[veto].search(norm) for norm in texts)):
            continue
        for span in spans_n:
            if not overlaps(*span, figurative):
                found.setdefault(label, []).append(t.quote_span(*span))
                spans.append(span)
    return [(label, quotes(q)) for label, q in found.items()], spans


def support(t: ReplyText, laughing: bool) -> list[str]:
    """The member's words asking for contact or help, or saying they are not coping."""
    words = " ".join(tok.norm for tok in t.tokens if tok.kind in ("word", "pict"))
    if words in lex.SUPPORT_WHOLE:
        return [t.quote(0, len(t.tokens) - 1)]
    vetoes = [m.span() for m in SUPPORT_VETO.finditer(t.norm)]
    found = []
    for m in SUPPORT.finditer(t.norm):
        if overlaps(*m.span(), vetoes) or (laughing and m.group() in lex.SUPPORT_LAUGHABLE):
            continue
        found.append(t.quote_span(*m.span()))
    return list(dict.fromkeys(found))


def worries(t: ReplyText, set_aside) -> list[str]:
    """Worries about someone else, outside the spans `set_aside` (idioms, crisis language)."""
    return [t.quote_span(*m.span()) for m in WORRY.finditer(t.norm) if not overlaps(*m.span(), set_aside)]


def question(tokens: list[Token]) -> str | None:
    """"?" for a question mark, or the opening words of an unmarked question."""
    if any(tok.kind == "punct" and tok.norm in ("?", "\u00bf") for tok in tokens):
        return "?"
    words = [tok for tok in tokens if tok.kind == "word"]
    if len(words) >= 3:
        first, second = words[0].norm, words[1].norm
        if (first in lex.QUESTION_WH and second not in ("a", "an")) or (
                first in lex.QUESTION_AUX and second in lex.QUESTION_SUBJECT):
            return f"{words[0].raw} {words[1].raw}"
    return None
