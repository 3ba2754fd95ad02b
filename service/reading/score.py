"""Finding a reply's 1-5 score: a number the member gave, mood words and emoji, or
VADER sentiment.

`score` tries them in that order (crisis language in between scores 1) and adds
a reason naming the member's words it scored from. The order, and why a doubtful
reply scores low, is set out in `service.reading`.
"""

from __future__ import annotations

import functools
import math

from service.reading import lexicon as lex
from service.reading.patterns import LAUGHTER, MOOD, SOCIAL, mood_entry
from service.reading.text import MOOD_WORDS, ReplyText, Token, laughing, overlaps, quotes

_VADER_MAX_CHARS = 2000  # enough for any real reply; bounds the cost of a pasted essay


@functools.cache
def _vader():
    # Imported on first use: reading a reply must stay light to import.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def find_score(t: ReplyText, lang: str, crisis, support: bool, figurative,
               reasons: list[str]) -> tuple[int | None, str | None]:
    """The reply's score 1-5 (or None) and what it came from: "number", "crisis", "mood" or
    "sentiment"; appends to `reasons` the member's words it was found from."""
    given = _numbers(t)
    if given:
        score = min(s for s, _ in given)
        reasons.append(f"score {score} from {quotes(q for _, q in given)}")
        if len({s for s, _ in given}) > 1:
            reasons.append(f"several scores given ({', '.join(str(s) for s, _ in given)}); kept the lower")
        return score, "number"
    if crisis:
        reasons.append("score 1 from crisis language")
        return 1, "crisis"
    hits = _mood_hits(t, lang)
    if hits:
        total = sum(w for _, w, _ in hits)
        mean = sum(s * w for s, w, _ in hits) / total
        score = max(1, min(5, math.ceil(mean - 0.5)))  # halves round down: the safer side
        reasons.append(f"score {score} from {quotes(q for _, _, q in hits)}")
        return score, "mood"
    if lang != "en" or support:
        return None, None  # a request for a call says nothing about mood ("I'd love a call")
    compound = _sentiment(t, figurative)
    if compound is None:
        return None, None
    # VADER's compound runs from -1 to +1. Free text only gives a direction: clearly
    # positive (>= 0.5) reads as 4, clearly negative (<= -0.4, the lower bar because a
    # missed low is worse than a spare buddy text) as 2, very negative (<= -0.8) as 1;
    # anything weaker is left unscored rather than guessed as 3.
    score = 4 if compound >= 0.5 else 1 if compound <= -0.8 else 2 if compound <= -0.4 else None
    if score is not None:
        reasons.append(f"score {score} from overall sentiment (VADER {compound:+.2f})")
    return score, "sentiment" if score is not None else None


def _number_value(tok: Token) -> float | None:
    if tok.kind == "num":
        return float(tok.norm)
    if tok.kind == "word":
        return lex.NUMBER_WORDS.get(tok.norm)
    return None


def _numbers(t: ReplyText) -> list[tuple[int, str]]:
    """Scores the member gave as numbers, with the words they used."""
    toks, found, used = t.tokens, [], set()
    first_word = next((i for i, tok in enumerate(toks) if tok.kind in ("word", "num")), None)
    for i, tok in enumerate(toks):
        value = _number_value(tok)
        if value is None or i in used:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = toks[i - 1] if i else None
        if _measures_something_else(toks, i):
            continue  # "pain 7/10", "dolor de 8": a pain scale, not how they are
        denom = _fraction(toks, i)
        if denom:
            j, d = denom
            used.add(j)
            # out of 5 it is the member's number (3.5 -> 3); out of 10 it is rescaled
            score = math.floor(value) if d == 5 else math.floor(1 + 4 * value / d + 0.5)
            found.append((max(1, min(5, score)), t.quote(i, j)))
            continue
        if not 0 <= value <= 5:
            continue
        if nxt is not None and nxt.kind in ("word", "unit") and (
                nxt.norm in lex.UNITS or nxt.raw in lex.UNITS
                or (nxt.kind == "word" and len(nxt.norm) > 3 and nxt.norm.endswith("s")
                    and nxt.norm not in lex.NOT_PLURAL and nxt.norm not in MOOD_WORDS)):
            continue  # "3 hours", "5 days", "2 kids"
        if nxt is not None and (nxt.norm in (":", "%") or (
                nxt.norm == "/" and i + 2 < len(toks) and toks[i + 2].kind == "num")):
            continue  # "7:30", "2%", "1/2", "3/4" (a date)
        if " ".join(x.norm for x in toks[i + 1:i + 4]).startswith(("and a half", "y media", "y cuarto")):
            continue  # "2 and a half hours"
        if prev is not None and (prev.norm in lex.NOT_SCORE_BEFORE or prev.norm in ("$", "\u00a3", "\u20ac", "#")):
            continue  # "at 5", "slept 3", "las 6"
        standalone = nxt is None or nxt.kind in ("punct", "pict") or nxt.norm in lex.SCORE_AFTER
        partner = (prev is not None and prev.norm in ("-", "or", "o", "to", "and", "y")
                   and i >= 2 and _number_value(toks[i - 2]) is not None)
        if i == first_word:
            ok = tok.kind == "num" or standalone
        else:
            # after punctuation or a laugh, a number standing alone is a score ("jajaja 4", "lol 2")
            ok = partner or (prev is not None and prev.norm in lex.SCORE_BEFORE) or (
                prev is not None and standalone and (
                    (prev.kind == "punct" and prev.norm not in ("$", "#", "/", ":"))
                    or (prev.kind in ("word", "pict") and LAUGHTER.match(prev.norm))))
        if not ok:
            continue
        if value == 0 and len([x for x in toks if x.kind != "punct"]) > 1:
            continue  # a lone "0" is a very low score; elsewhere 0 is a count
        found.append((max(1, math.floor(value)), t.quote(i, i)))
    return found


def _measures_something_else(toks: list[Token], i: int) -> bool:
    """A number that follows a word naming another scale, within two words ("pain's 9/10")."""
    before = [tok.norm for tok in toks[max(0, i - 3):i] if tok.kind == "word"][-2:]
    return any(w in lex.OTHER_SCALES for w in before)


def _fraction(toks: list[Token], i: int) -> tuple[int, int] | None:
    """'3/5', '4 of 5', 'three out of five', '3 de 5', '7/10' -> (index, denominator)."""
    j = i + 1
    if j < len(toks) and toks[j].norm == "out" and j + 1 < len(toks) and toks[j + 1].norm == "of":
        j += 1
    if j + 1 < len(toks) and (toks[j].norm == "/" or toks[j].norm in lex.FRACTION_WORDS):
        d = _number_value(toks[j + 1])
        if d in (5, 10):
            return j + 1, int(d)
    return None


def _mood_hits(t: ReplyText, lang: str) -> list[tuple[int, float, str]]:
    """Mood words and emoji as (score, weight, quote)."""
    toks = t.tokens
    contrast = max((i for i, tok in enumerate(toks) if tok.norm in lex.CONTRAST), default=-1)
    shout = any(c.islower() for c in t.text)  # capitals only emphasise in mixed-case text
    raw: list[tuple[int, int, int | None, str]] = []
    for m in MOOD.finditer(t.norm):
        score, kind = mood_entry(m.group())
        first, last = t.token_range(*m.span())
        if kind == "stop" or (kind in ("es", "framed_es") and lang != "es"):
            continue
        if kind.startswith("framed") and not _framed(toks, first, last):
            continue
        raw.append((first, last, score, kind))
    laughs = laughing(toks)
    for i, tok in enumerate(toks):
        if tok.kind == "pict" and tok.norm in lex.EMOJI:
            if i and toks[i - 1].norm == tok.norm:
                continue  # "😢😢😢" is one feeling
            if tok.norm == "\U0001F62D" and laughs:
                continue  # 😭 next to 😂 / "lol" is crying with laughter
            raw.append((i, i, lex.EMOJI[tok.norm], "emoji"))
    raw.sort()
    hits, boost_next = [], False
    for n, (first, last, score, kind) in enumerate(raw):
        words = " ".join(tok.norm for tok in toks[first:last + 1])
        following = raw[n + 1][0] if n + 1 < len(raw) else None
        if words in lex.MOOD_AS_INTENSIFIER and following == last + 1:
            boost_next = True  # "bien cansada", "so so happy"
            continue
        if words == "bien" and lang == "es" and _very(toks, first, last):
            continue  # "very" before a word that is no mood: "ando bien ahuevado", "me puse bien pedo"
        neg, intens, down, from_tok = _modifiers(toks, first) if kind != "emoji" else (None, False, False, first)
        intens = intens or boost_next or (shout and any(
            tok.caps and tok.norm != "ok" for tok in toks[first:last + 1]))
        after = " ".join(tok.norm for tok in toks[last + 1:last + 3])
        if kind != "emoji" and (after.startswith("!!") or after.split(" ")[0] in lex.POST_INTENSIFIERS
                                or after in lex.POST_INTENSIFIERS):
            intens = True
        boost_next = False
        if intens:
            score = {4: 5, 2: 1}.get(score, score)
        if down and score > 3:
            score -= 1  # "a bit better"; "a bit down" stays low on purpose
        if neg is not None and kind != "fixed":
            score = 3 if score <= 2 else 2
        weight = (2.0 if first > contrast >= 0 else 1.0) * (1.5 if score <= 2 else 1.0)
        hits.append((score, weight, t.quote(min(from_tok, first), last)))
    return hits


def _very(toks: list[Token], first: int, last: int) -> bool:
    """Whether "bien" at toks[first:last + 1] means "very": after being or getting, before a word."""
    return 0 < first and last + 1 < len(toks) and toks[last + 1].kind == "word" \
        and toks[first - 1].norm in lex.BEFORE_VERY_BIEN and toks[last + 1].norm not in lex.AFTER_BIEN


def _framed(toks: list[Token], first: int, last: int) -> bool:
    words = [tok for tok in toks if tok.kind == "word"]
    if len(words) == 1:
        return True
    before = toks[first - 1].norm if first else None
    after = toks[last + 1] if last + 1 < len(toks) else None
    if before in lex.FRAMES_BEFORE or (after is not None and after.norm in lex.FRAMES_AFTER):
        return True
    # "contenta pero sola", "tired and low": closing a clause after "but"/"and"
    return before in lex.CONTRAST | {"and", "y"} and (after is None or after.kind == "punct")


def _modifiers(toks: list[Token], i: int) -> tuple[int | None, bool, bool, int]:
    """Negator (within three words), intensifier or downtoner (within two) before token i."""
    neg, intens, down, start = None, False, False, i
    for j in range(i - 1, max(i - 4, -1), -1):
        tok = toks[j]
        if tok.kind != "word" or tok.norm in lex.CONTRAST:
            break
        if tok.norm in lex.NEGATORS or tok.norm.endswith("n't"):
            neg = start = j
            break
    for j in range(i - 1, max(i - 3, -1), -1):
        tok = toks[j]
        if tok.kind != "word" or (neg is not None and j <= neg):
            break
        if tok.norm in lex.INTENSIFIERS:
            intens, start = True, min(start, j)
        elif tok.norm in lex.DOWNTONERS:
            down, start = True, min(start, j)
    return neg, intens, down, start


def _sentiment(t: ReplyText, figurative) -> float | None:
    """VADER compound for the member's own words, leaving out idioms, greetings,
    thanks and questions, which say nothing about how they are."""
    blank = [t.original_span(*span) for span in figurative]
    blank += [t.original_span(*m.span()) for m in SOCIAL.finditer(t.norm)]
    toks, clause_start = t.tokens, 0
    for i, tok in enumerate(toks):
        if tok.kind == "punct" and tok.norm in (".", "!", "!!", "...", "?"):
            if tok.norm == "?":
                blank.append((toks[clause_start].start, tok.end))
            clause_start = i + 1
    left = [tok for tok in toks if tok.kind == "word" and not overlaps(tok.start, tok.end, blank)]
    if len(left) < 2:
        return None
    chars = list(t.text[:_VADER_MAX_CHARS])
    for a, b in blank:
        chars[a:b] = " " * len(chars[a:b])
    return _vader().polarity_scores("".join(chars))["compound"]
