"""A reply's text made readable: folded, repaired, split into tokens, and quoted back.

* `fold` lower-cases and drops accents one character for one, so offsets in the
  folded text are offsets in the member's text.
* `tokenise` splits it into words, numbers, emoji and punctuation, repairing
  typos, elongations ("sooo") and Spanish diminutives on the way (`Token.norm`).
* `ReplyText` joins the tokens into the one space-separated string the patterns
  in `service.reading.patterns` run over, and maps a match back to the member's
  own words (`quote_span`), which is what reasons quote to the coordinator.
* `language` (English or Spanish), `laughing`, `quotes` and `overlaps` are the
  small questions the reader asks of the tokens and spans.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata

from service.reading import lexicon as lex
from service.reading.patterns import LAUGHTER, mood_entry

_QUOTE_MAX = 60

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = unicodedata.normalize("NFKD", ch)[0]  # "é" -> "e", "ñ" -> "n", fullwidth "４" -> "4"
    return base if base.isascii() and (base.isalnum() or base in "!?.,'/:-%") else ch


def fold(text: str) -> str:
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


class Token:
    """One word, number, unit, emoji or punctuation mark: as typed (`raw`), as
    read (`norm`), and where it is in the member's text (`start`, `end`)."""

    __slots__ = ("kind", "raw", "norm", "start", "end", "caps")

    def __init__(self, kind, raw, norm, start, end, caps=False):
        self.kind, self.raw, self.norm, self.start, self.end, self.caps = kind, raw, norm, start, end, caps


def _words_in(patterns) -> set[str]:
    return {w for p in patterns for w in re.findall(r"[a-z][a-z']+", p)}


MOOD_WORDS = frozenset(
    _words_in(p for ps in lex.MOOD.values() for p in ps)
    | _words_in(list(lex.MOOD_FIXED) + list(lex.MOOD_ES_ONLY) + list(lex.MOOD_FRAMED) + list(lex.MOOD_FRAMED_ES))
    | set(lex.TYPOS.values()))
_KNOWN = frozenset(
    MOOD_WORDS | lex.INTENSIFIERS | lex.DOWNTONERS | lex.NEGATORS | lex.SPANISH_CUES | lex.ENGLISH_CUES
    | lex.UNITS | lex.FRAMES_BEFORE | lex.FRAMES_AFTER | set(lex.NUMBER_WORDS)
    | _words_in(p for _, _, ps in lex.CRISIS for p in ps)
    | _words_in(lex.SUPPORT + lex.WORRY + lex.SOCIAL + lex.FIGURATIVE + lex.MOOD_STOP))


# Digits typed for letters ("k1ll mys3lf", "su1c1de"), read back only when that makes a known word.
_AS_LETTERS = (str.maketrans("013457", "oieast"), str.maketrans("013457", "oleast"))


@functools.lru_cache(maxsize=8192)
def _norm_word(w: str) -> str:
    if not w.isalpha() and any(c.isdigit() for c in w):
        w = next((c for c in (w.translate(t) for t in _AS_LETTERS) if c in _KNOWN or c in lex.TYPOS), w)
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
        if single in MOOD_WORDS:
            return single
        sup = re.fullmatch(r"(\w{3,}?)isim([oa])s?", w)  # "cansadísima" is "muy cansada"
        if sup:
            for base in (sup[1] + sup[2], sup[1] + "e"):
                if mood_entry(base)[1] != "stop":
                    return "muy " + base
        dim = re.fullmatch(r"(\w{3,}?)(?:c?it|ill)([oa])s?", w)  # "cansadilla", "tristecita"
        if dim:
            for base in (dim[1] + dim[2], dim[1] + "e", dim[1]):
                if mood_entry(base)[1] != "stop":
                    return base
        ish = re.fullmatch(r"(\w+?)-?ish", w)  # "ok-ish", "goodish"
        if ish and mood_entry(_norm_word(ish[1]))[1] != "stop":
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


def tokenise(text: str, folded: str) -> list[Token]:
    """The tokens of `folded` (which is `fold(text)`); spans index into `text`."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(folded):
        kind, raw, start, end = m.lastgroup, m.group(), m.start(), m.end()
        if kind == "word":
            if tokens and tokens[-1].kind == "num" and tokens[-1].end == start:
                tokens.append(Token("unit", raw, raw, start, end))  # "5k", "3pm", "2nd"
                continue
            original = text[start:end]
            caps = len(original) > 1 and original.isupper()
            # a repaired word may be several ("masomenos"): each keeps the original span
            tokens.extend(Token("word", raw, part, start, end, caps) for part in _norm_word(raw).split())
        elif kind == "num":
            tokens.append(Token("num", raw, raw.replace(",", "."), start, end))
        elif kind == "emo":
            tokens.append(Token("pict", raw, lex.EMOTICONS.get(raw, raw), start, end))
        elif kind == "pict":
            tokens.append(Token("pict", raw, raw[0], start, end))
        else:
            tokens.append(Token("punct", raw, _punct_norm(raw), start, end))
    return tokens


def without_asides(tokens: list[Token]) -> list[Token]:
    """The tokens without an ellipsis or an opening bracket that falls between two words, so
    the words after it are read with the words before: "ready to go... to bingo" as "ready to
    go to bingo", "want to die (of embarrassment)" as "want to die of embarrassment"."""
    return [tok for i, tok in enumerate(tokens)
            if not (tok.kind == "punct" and tok.norm in ("...", "(") and 0 < i < len(tokens) - 1
                    and tokens[i - 1].kind == "word" and tokens[i + 1].kind == "word")]


class ReplyText:
    """The folded reply as one space-separated string, plus the way back to the original."""

    def __init__(self, text: str, tokens: list[Token]):
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

    def same_words(self, other: "ReplyText", span: tuple[int, int]) -> tuple[int, int]:
        """A span of this text as the span of the same tokens in `other` (the same reply, read another way)."""
        first, last = self.token_range(*span)
        return other.starts[first], other.starts[last] + len(other.tokens[last].norm)


def language(text: str, tokens: list[Token], hint: str | None) -> str:
    """"es" or "en" when the words make it clear, otherwise the hint, otherwise "en"."""
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


def latin_script(text: str) -> bool:
    """Whether the reply's letters are mostly Latin ones. The reader knows English and Spanish
    only; the learned second opinion has seen no other script, and its opinion of one would be
    its bias alone ("Привет, всё хорошо" would read as a crisis)."""
    letters = [ch for ch in text[:600] if ch.isalpha()]
    return not letters or sum(ord(ch) < 0x250 for ch in letters) * 2 >= len(letters)


def laughing(tokens: list[Token]) -> bool:
    return any(tok.kind in ("word", "pict") and LAUGHTER.match(tok.norm) for tok in tokens)


def overlaps(s: int, e: int, spans) -> bool:
    return any(a < e and s < b for a, b in spans)


def quotes(items) -> str:
    """The quoted words, once each, joined for a reason."""
    items = list(dict.fromkeys(items))
    kept = [q for q in items if not any(q != other and q in other for other in items)]  # "tylenol" in "tylenol ready"
    return ", ".join(f"'{q}'" for q in kept)
