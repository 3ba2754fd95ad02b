"""Reading a member's reply to a check-in: a score, the alerts it raises, and why.

`read_reply(text, language=None) -> Reading` is a pure function (no database, no
network, no clock); the word lists it uses live in `service.reply_lexicon`.

How a reply is read
  1. The text is folded (lower case, accents dropped, typos and elongations
     repaired) and split into tokens; spans always map back to the member's own
     words, which are what `reasons` quote to the coordinator.
  2. Crisis language, requests for support and worries are matched as phrases,
     after setting aside idioms ("this movie killed me", "me muero de risa").
  3. The score comes from the first of: a number the member gave ("2/5", "a 3",
     "cuatro"); crisis language (1); mood words and emoji; VADER sentiment.

What a caller must know
  * `score` is the member's own number when they gave one, even beside crisis
    language ("5 lol i want to die" -> score 5, crisis). With several numbers the
    lower is kept ("2 or 3" -> 2), so a doubtful reply reaches a buddy. Crisis
    language without a number scores 1, so trends show it. Free text with only a
    faint feeling, a bare question or a request for a call has no score (None).
  * `wants_support` = asked for contact or help, described not coping, any score
    1-2, or crisis. A worry about someone else ("5! but my mum is in hospital")
    is *not* wants_support on its own: the score stands, `positive` is False and
    a "worry: ..." reason lets the coordinator view show it.
  * `crisis` errs towards alerting: negated crisis talk still alerts ("I'm not
    going to hurt myself"), so does talk about suicide in general ("the film was
    about suicide"), and named painkillers alert unless a symptom explains them.
  * `language` is the detected language when the words make it clear, otherwise
    the hint, otherwise "en". Spanish-only words ("fatal", "regular") count only
    when the reply is read as Spanish; VADER is only used on English.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
import unicodedata
from dataclasses import dataclass

from service import reply_lexicon as lex

LANGUAGES = ("en", "es")
_VADER_MAX_CHARS = 2000  # enough for any real reply; bounds the cost of a pasted essay
_QUOTE_MAX = 60


@dataclass(frozen=True)
class Reading:
    score: int | None
    wants_support: bool
    crisis: bool
    positive: bool
    question: bool
    reasons: tuple[str, ...]
    language: str

    def __post_init__(self) -> None:
        if self.score is not None and (type(self.score) is not int or not 1 <= self.score <= 5):
            raise ValueError(f"score must be 1..5 or None, not {self.score!r}")
        if self.language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {self.language!r}")
        object.__setattr__(self, "reasons", tuple(self.reasons))

    def to_dict(self) -> dict:
        return {"score": self.score, "wants_support": self.wants_support, "crisis": self.crisis,
                "positive": self.positive, "question": self.question,
                "reasons": list(self.reasons), "language": self.language}

    @classmethod
    def from_dict(cls, d: dict) -> "Reading":
        return cls(score=d.get("score"), wants_support=bool(d.get("wants_support")),
                   crisis=bool(d.get("crisis")), positive=bool(d.get("positive")),
                   question=bool(d.get("question")), reasons=tuple(d.get("reasons") or ()),
                   language=d.get("language") or "en")


# --- Folding and tokens ------------------------------------------------------------

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[0]  # "é" -> "e", "ñ" -> "n", fullwidth "４" -> "4"
    return base if base.isascii() and (base.isalnum() or base in "!?.,'/:-%") else ch


def _fold(text: str) -> str:
    """Lower-case and strip accents while keeping one character per character,
    so offsets in the folded text are offsets in the member's text."""
    low = text.translate(_APOSTROPHES).lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_APOSTROPHES))
    if low.isascii():
        return low
    return "".join(c if c.isascii() else _fold_char(c) for c in low)


_EMOJI_CHAR = r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]"
_EMOJI_MOD = r"[\uFE0F\U0001F3FB-\U0001F3FF]"
_TOKEN = re.compile(
    r"(?P<emo>(?<!\S)(?:[:;=][-']?[()\[\]dpo/|*]|[()][-']?[:;=]|</?3|xd)(?!\S))"
    r"|(?P<num>\d+(?:[.,]\d+)?)"
    r"|(?P<word>[^\W\d_][^\W_]*(?:['\-][^\W_]+)*)"
    rf"|(?P<pict>{_EMOJI_CHAR}{_EMOJI_MOD}*(?:\u200d{_EMOJI_CHAR}{_EMOJI_MOD}*)*)"
    r"|(?P<punct>[!?\u00a1\u00bf]+|\.{2,}|\u2026|\n|[.,;:\-\u2013\u2014/&%$\u00a3\u20ac#+*()\"])"
)


class _Token:
    __slots__ = ("kind", "raw", "norm", "start", "end", "caps")

    def __init__(self, kind, raw, norm, start, end, caps=False):
        self.kind, self.raw, self.norm, self.start, self.end, self.caps = kind, raw, norm, start, end, caps


def _words_in(patterns) -> set[str]:
    return {w for p in patterns for w in re.findall(r"[a-z][a-z']+", p)}


_MOOD_WORDS = frozenset(
    _words_in(p for ps in lex.MOOD.values() for p in ps)
    | _words_in(list(lex.MOOD_FIXED) + list(lex.MOOD_ES_ONLY) + list(lex.MOOD_FRAMED) + list(lex.MOOD_FRAMED_ES))
    | set(lex.TYPOS.values()))
_KNOWN = frozenset(
    _MOOD_WORDS | lex.INTENSIFIERS | lex.DOWNTONERS | lex.NEGATORS | lex.SPANISH_CUES | lex.ENGLISH_CUES
    | lex.UNITS | lex.FRAMES_BEFORE | lex.FRAMES_AFTER | set(lex.NUMBER_WORDS)
    | _words_in(p for _, _, ps in lex.CRISIS for p in ps)
    | _words_in(lex.SUPPORT + lex.WORRY + lex.SOCIAL + lex.FIGURATIVE + lex.MOOD_STOP))


@functools.lru_cache(maxsize=8192)
def _norm_word(w: str) -> str:
    if w in lex.TYPOS:
        return lex.TYPOS[w]
    if re.search(r"(.)\1\1", w):  # "sooo", "goooood", "meeeh"
        doubled = re.sub(r"(.)\1{2,}", r"\1\1", w)
        single = re.sub(r"(.)\1+", r"\1", doubled)
        for cand in (doubled, single):
            if cand in lex.TYPOS:
                return lex.TYPOS[cand]
            if cand in _KNOWN:
                return cand
        return doubled
    if w not in _KNOWN:  # "tristee", "fiine": only when that lands on a mood word
        single = re.sub(r"(.)\1+", r"\1", w)
        if single in lex.TYPOS:
            return lex.TYPOS[single]
        if single in _MOOD_WORDS:
            return single
        sup = re.fullmatch(r"(\w{3,}?)isim([oa])s?", w)  # "cansadísima" is "muy cansada"
        if sup:
            for base in (sup[1] + sup[2], sup[1] + "e"):
                if _mood_entry(base)[1] != "stop":
                    return "muy " + base
        dim = re.fullmatch(r"(\w{3,}?)(?:c?it|ill)([oa])s?", w)  # "cansadilla", "tristecita"
        if dim:
            for base in (dim[1] + dim[2], dim[1] + "e", dim[1]):
                if _mood_entry(base)[1] != "stop":
                    return base
        ish = re.fullmatch(r"(\w+?)-?ish", w)  # "ok-ish", "goodish"
        if ish and _mood_entry(_norm_word(ish[1]))[1] != "stop":
            return _norm_word(ish[1])
    return w


def _punct_norm(raw: str) -> str:
    if "?" in raw:
        return "?"
    if "!" in raw:
        return "!!" if raw.count("!") > 1 else "!"
    if raw == "\u2026" or raw.startswith(".."):
        return "..."
    return "." if raw == "\n" else raw


def _tokenise(text: str, folded: str) -> list[_Token]:
    tokens: list[_Token] = []
    for m in _TOKEN.finditer(folded):
        kind, raw, start, end = m.lastgroup, m.group(), m.start(), m.end()
        if kind == "word":
            if tokens and tokens[-1].kind == "num" and tokens[-1].end == start:
                tokens.append(_Token("unit", raw, raw, start, end))  # "5k", "3pm", "2nd"
                continue
            original = text[start:end]
            caps = len(original) > 1 and original.isupper()
            # a repaired word may be several ("masomenos"): each keeps the original span
            tokens.extend(_Token("word", raw, part, start, end, caps) for part in _norm_word(raw).split())
        elif kind == "num":
            tokens.append(_Token("num", raw, raw.replace(",", "."), start, end))
        elif kind == "emo":
            tokens.append(_Token("pict", raw, lex.EMOTICONS.get(raw, raw), start, end))
        elif kind == "pict":
            tokens.append(_Token("pict", raw, raw[0], start, end))
        else:
            tokens.append(_Token("punct", raw, _punct_norm(raw), start, end))
    return tokens


class _Text:
    """The folded reply as one space-separated string, plus the way back to the original."""

    def __init__(self, text: str, tokens: list[_Token]):
        self.text, self.tokens = text, tokens
        self.starts, pos = [], 0
        for t in tokens:
            self.starts.append(pos)
            pos += len(t.norm) + 1
        self.norm = " ".join(t.norm for t in tokens)

    def token_range(self, s: int, e: int) -> tuple[int, int]:
        return bisect.bisect_right(self.starts, s) - 1, bisect.bisect_right(self.starts, max(s, e - 1)) - 1

    def quote(self, first: int, last: int) -> str:
        q = " ".join(self.text[self.tokens[first].start:self.tokens[last].end].split())
        return q if len(q) <= _QUOTE_MAX else q[:_QUOTE_MAX - 1] + "\u2026"

    def quote_span(self, s: int, e: int) -> str:
        return self.quote(*self.token_range(s, e))

    def original_span(self, s: int, e: int) -> tuple[int, int]:
        a, b = self.token_range(s, e)
        return self.tokens[a].start, self.tokens[b].end


# --- Compiled patterns ---------------------------------------------------------------

def _expand(p: str) -> str:
    while "<" in p and (q := re.sub(r"<([A-Z][A-Z0-9]*)>", lambda m: lex.MACROS[m.group(1)], p)) != p:
        p = q  # macros may use macros
    return p


def _compile(patterns) -> re.Pattern:
    return re.compile(r"(?<!\S)(?:" + "|".join(_expand(p) for p in patterns) + r")(?!\S)")


_CRISIS = [(label, veto, _compile(ps)) for label, veto, ps in lex.CRISIS]
_CONTEXT_VETO = {k: _compile(v) for k, v in lex.CONTEXT_VETO.items()}
_FIGURATIVE = _compile(lex.FIGURATIVE)
_LAUGH_FIGURATIVE = _compile(lex.LAUGH_FIGURATIVE)
_LAUGHTER = re.compile(r"(?:" + "|".join(lex.LAUGHTER) + r")\Z")
_SUPPORT = _compile(lex.SUPPORT)
_SUPPORT_VETO = _compile(lex.SUPPORT_VETO)
_WORRY = _compile(lex.WORRY)
_GRATITUDE = _compile(lex.GRATITUDE)
_SOCIAL = _compile(lex.SOCIAL)

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
_MOOD = _compile(p for p, _, _ in _MOOD_ENTRIES)
_MOOD_FULL = [(re.compile(_expand(p)), s, k) for p, s, k in _MOOD_ENTRIES]


@functools.lru_cache(maxsize=2048)
def _mood_entry(matched: str) -> tuple[int | None, str]:
    for rx, score, kind in _MOOD_FULL:
        if rx.fullmatch(matched):
            return score, kind
    return None, "stop"


@functools.cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    return SentimentIntensityAnalyzer()


def _overlaps(s: int, e: int, spans) -> bool:
    return any(a < e and s < b for a, b in spans)


# --- The reader --------------------------------------------------------------------

def read_reply(text: str, language: str | None = None) -> Reading:
    """Read one SMS reply. `language` is the member's language, used when the words
    themselves do not settle it."""
    text = text or ""
    hint = (language or "").strip().lower()[:2]
    hint = hint if hint in LANGUAGES else None
    tokens = _tokenise(text, _fold(text))
    if not tokens:
        return Reading(None, False, False, False, False, (), hint or "en")
    t = _Text(text, tokens)
    lang = _language(text, tokens, hint)
    laughing = any(tok.kind in ("word", "pict") and _LAUGHTER.match(tok.norm) for tok in tokens)
    figurative = [m.span() for m in _FIGURATIVE.finditer(t.norm)]
    if laughing:
        figurative += [m.span() for m in _LAUGH_FIGURATIVE.finditer(t.norm)]

    crisis, crisis_spans = _crisis(t, figurative)
    support = _support(t, laughing)
    worries = [t.quote_span(*m.span()) for m in _WORRY.finditer(t.norm)
               if not _overlaps(*m.span(), figurative + crisis_spans)]
    asked = _question(tokens)

    reasons: list[str] = []
    score = _score(t, lang, crisis, bool(support), figurative, reasons)
    reasons += [f"crisis: {label} {quotes}" for label, quotes in crisis]
    wants = bool(support or crisis or (score is not None and score <= 2))
    reasons += [f"wants support: '{q}'" for q in support]
    if crisis:
        reasons.append("wants support: crisis")
    elif score is not None and score <= 2:
        reasons.append(f"wants support: score {score}")
    if worries:
        reasons.append(f"worry: {_quotes(worries)} (not an alert on its own)")
    if asked:
        reasons.append(f"question: '{asked}'")
    positive = False
    if not (wants or worries):
        if score is not None and score >= 4:
            positive, why = True, f"score {score}"
        elif score is None and (m := _GRATITUDE.search(t.norm)):
            positive, why = True, f"'{t.quote_span(*m.span())}'"  # "thanks!" carries no mood but is good news
        if positive:
            reasons.append(f"positive: {why}")
    return Reading(score, wants, bool(crisis), positive, bool(asked), tuple(reasons), lang)


def _quotes(items) -> str:
    items = list(dict.fromkeys(items))
    kept = [q for q in items if not any(q != other and q in other for other in items)]  # "tylenol" in "tylenol ready"
    return ", ".join(f"'{q}'" for q in kept)


def _language(text: str, tokens: list[_Token], hint: str | None) -> str:
    es = en = 0
    for tok in tokens:
        if tok.kind == "word":
            es += tok.norm in lex.SPANISH_CUES
            en += tok.norm in lex.ENGLISH_CUES
    if re.search("[\u00f1\u00bf\u00a1\u00e1\u00e9\u00ed\u00f3\u00fa]", text.lower()):
        es += 2
    detected = "es" if es > en else "en" if en > es else None
    if detected and (hint is None or abs(es - en) >= 2):
        return detected
    return hint or "en"


def _crisis(t: _Text, figurative) -> tuple[list[tuple[str, str]], list[tuple[int, int]]]:
    """(reason label, quotes) per kind of crisis language, and where it was found."""
    found: dict[str, list[str]] = {}
    spans = []
    for label, veto, rx in _CRISIS:
        if veto and _CONTEXT_VETO[veto].search(t.norm):
            continue
        for m in rx.finditer(t.norm):
            if not _overlaps(*m.span(), figurative):
                found.setdefault(label, []).append(t.quote_span(*m.span()))
                spans.append(m.span())
    return [(label, _quotes(q)) for label, q in found.items()], spans


def _support(t: _Text, laughing: bool) -> list[str]:
    words = " ".join(tok.norm for tok in t.tokens if tok.kind in ("word", "pict"))
    if words in lex.SUPPORT_WHOLE:
        return [t.quote(0, len(t.tokens) - 1)]
    vetoes = [m.span() for m in _SUPPORT_VETO.finditer(t.norm)]
    found = []
    for m in _SUPPORT.finditer(t.norm):
        if _overlaps(*m.span(), vetoes) or (laughing and m.group() in lex.SUPPORT_LAUGHABLE):
            continue
        found.append(t.quote_span(*m.span()))
    return list(dict.fromkeys(found))


def _question(tokens: list[_Token]) -> str | None:
    if any(tok.kind == "punct" and tok.norm in ("?", "\u00bf") for tok in tokens):
        return "?"
    words = [tok for tok in tokens if tok.kind == "word"]
    if len(words) >= 3:
        first, second = words[0].norm, words[1].norm
        if (first in lex.QUESTION_WH and second not in ("a", "an")) or (
                first in lex.QUESTION_AUX and second in lex.QUESTION_SUBJECT):
            return f"{words[0].raw} {words[1].raw}"
    return None


# --- Scores --------------------------------------------------------------------------

def _score(t: _Text, lang: str, crisis, support: bool, figurative, reasons: list[str]) -> int | None:
    given = _numbers(t)
    if given:
        score = min(s for s, _ in given)
        reasons.append(f"score {score} from {_quotes(q for _, q in given)}")
        if len({s for s, _ in given}) > 1:
            reasons.append(f"several scores given ({', '.join(str(s) for s, _ in given)}); kept the lower")
        return score
    if crisis:
        reasons.append("score 1 from crisis language")
        return 1
    hits = _mood_hits(t, lang)
    if hits:
        total = sum(w for _, w, _ in hits)
        mean = sum(s * w for s, w, _ in hits) / total
        score = max(1, min(5, math.ceil(mean - 0.5)))  # halves round down: the safer side
        reasons.append(f"score {score} from {_quotes(q for _, _, q in hits)}")
        return score
    if lang != "en" or support:
        return None  # a request for a call says nothing about mood ("I'd love a call")
    compound = _sentiment(t, figurative)
    if compound is None:
        return None
    # VADER's compound runs from -1 to +1. Free text only gives a direction: clearly
    # positive (>= 0.5) reads as 4, clearly negative (<= -0.4, the lower bar because a
    # missed low is worse than a spare buddy text) as 2, very negative (<= -0.8) as 1;
    # anything weaker is left unscored rather than guessed as 3.
    score = 4 if compound >= 0.5 else 1 if compound <= -0.8 else 2 if compound <= -0.4 else None
    if score is not None:
        reasons.append(f"score {score} from overall sentiment (VADER {compound:+.2f})")
    return score


def _number_value(tok: _Token) -> float | None:
    if tok.kind == "num":
        return float(tok.norm)
    if tok.kind == "word":
        return lex.NUMBER_WORDS.get(tok.norm)
    return None


def _numbers(t: _Text) -> list[tuple[int, str]]:
    """Scores the member gave as numbers, with the words they used."""
    toks, found, used = t.tokens, [], set()
    first_word = next((i for i, tok in enumerate(toks) if tok.kind in ("word", "num")), None)
    for i, tok in enumerate(toks):
        value = _number_value(tok)
        if value is None or i in used:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        prev = toks[i - 1] if i else None
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
                    and nxt.norm not in lex.NOT_PLURAL and nxt.norm not in _MOOD_WORDS)):
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
            ok = partner or (prev is not None and prev.norm in lex.SCORE_BEFORE) or (
                prev is not None and prev.kind == "punct" and prev.norm not in ("$", "#", "/", ":")
                and standalone)
        if not ok:
            continue
        if value == 0 and len([x for x in toks if x.kind != "punct"]) > 1:
            continue  # a lone "0" is a very low score; elsewhere 0 is a count
        found.append((max(1, math.floor(value)), t.quote(i, i)))
    return found


def _fraction(toks: list[_Token], i: int) -> tuple[int, int] | None:
    """'3/5', '4 of 5', 'three out of five', '3 de 5', '7/10' -> (index, denominator)."""
    j = i + 1
    if j < len(toks) and toks[j].norm == "out" and j + 1 < len(toks) and toks[j + 1].norm == "of":
        j += 1
    if j + 1 < len(toks) and (toks[j].norm == "/" or toks[j].norm in lex.FRACTION_WORDS):
        d = _number_value(toks[j + 1])
        if d in (5, 10):
            return j + 1, int(d)
    return None


def _mood_hits(t: _Text, lang: str) -> list[tuple[int, float, str]]:
    """Mood words and emoji as (score, weight, quote)."""
    toks = t.tokens
    contrast = max((i for i, tok in enumerate(toks) if tok.norm in lex.CONTRAST), default=-1)
    shout = any(c.islower() for c in t.text)  # capitals only emphasise in mixed-case text
    raw: list[tuple[int, int, int | None, str]] = []
    for m in _MOOD.finditer(t.norm):
        score, kind = _mood_entry(m.group())
        first, last = t.token_range(*m.span())
        if kind == "stop" or (kind in ("es", "framed_es") and lang != "es"):
            continue
        if kind.startswith("framed") and not _framed(toks, first, last):
            continue
        raw.append((first, last, score, kind))
    laughing = any(_LAUGHTER.match(tok.norm) for tok in toks if tok.kind in ("word", "pict"))
    for i, tok in enumerate(toks):
        if tok.kind == "pict" and tok.norm in lex.EMOJI:
            if i and toks[i - 1].norm == tok.norm:
                continue  # "😢😢😢" is one feeling
            if tok.norm == "\U0001F62D" and laughing:
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


def _framed(toks: list[_Token], first: int, last: int) -> bool:
    words = [tok for tok in toks if tok.kind == "word"]
    if len(words) == 1:
        return True
    before = toks[first - 1].norm if first else None
    after = toks[last + 1] if last + 1 < len(toks) else None
    if before in lex.FRAMES_BEFORE or (after is not None and after.norm in lex.FRAMES_AFTER):
        return True
    # "contenta pero sola", "tired and low": closing a clause after "but"/"and"
    return before in lex.CONTRAST | {"and", "y"} and (after is None or after.kind == "punct")


def _modifiers(toks: list[_Token], i: int) -> tuple[int | None, bool, bool, int]:
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


def _sentiment(t: _Text, figurative) -> float | None:
    """VADER compound for the member's own words, leaving out idioms, greetings,
    thanks and questions, which say nothing about how they are."""
    blank = [t.original_span(*span) for span in figurative]
    blank += [t.original_span(*m.span()) for m in _SOCIAL.finditer(t.norm)]
    toks, clause_start = t.tokens, 0
    for i, tok in enumerate(toks):
        if tok.kind == "punct" and tok.norm in (".", "!", "!!", "...", "?"):
            if tok.norm == "?":
                blank.append((toks[clause_start].start, tok.end))
            clause_start = i + 1
    left = [tok for tok in toks if tok.kind == "word" and not _overlaps(tok.start, tok.end, blank)]
    if len(left) < 2:
        return None
    chars = list(t.text[:_VADER_MAX_CHARS])
    for a, b in blank:
        chars[a:b] = " " * len(chars[a:b])
    return _vader().polarity_scores("".join(chars))["compound"]
