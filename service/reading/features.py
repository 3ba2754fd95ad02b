"""What the learned second opinion sees of a reply: hashed word, lemma and character n-grams,
and the names of the concepts and rules that fired (`service.reading.evidence`).

Pure Python and deterministic (crc32, not Python's salted `hash`), shared by the training
script and the reader, so a model trained today reads the same way in every process.
"""

from __future__ import annotations

import re
import zlib

from service.reading.lemmas import lemma
from service.reading.patterns import LAUGHTER
from service.reading.text import fold

DIMENSIONS = 1 << 18
_WORD = re.compile(r"[^\W\d_]+|\d+|[\U0001F000-\U0001FAFF\u2600-\u27BF]")
_MAX_CHARS = 600  # a reply's opening is what it says; bounds the cost of a pasted essay
# Unseen by the model, so thanks, a laugh or a number added to a reply can never lower it.
_THANKS = {"thanks", "thank", "thx", "ty", "tysm", "gracias", "muchas", "mil"}


def _kept(words: list[str]) -> list[str]:
    out = []
    for w in words:
        if w.isdigit() or w in _THANKS or LAUGHTER.match(w) or not w.isalpha() or (
                w in ("you", "u") and out and out[-1] == "thank"):
            if w in ("thank",):
                out.append(w)  # only to recognise "thank you"; dropped below
            continue
        out.append(w)
    return [w for w in out if w != "thank"]


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8", "surrogatepass")) & (DIMENSIONS - 1)


# crc32 runs on: the bucket of "w:" + word is crc32(word, crc32("w:")), so the prefixed
# strings are never built. The buckets are those of `_bucket` on the prefixed feature.
_SEEDS = {kind: zlib.crc32(kind.encode()) for kind in ("w:", "l:", "b:", "lb:", "c:")}


def _buckets(kind: str, items) -> set[int]:
    seed, crc, mask = _SEEDS[kind], zlib.crc32, DIMENSIONS - 1
    return {crc(item.encode("utf-8", "surrogatepass"), seed) & mask for item in items}


def _char_buckets(padded: str) -> set[int]:
    """The buckets of the reply's character 3-, 4- and 5-grams."""
    seed, crc, mask = _SEEDS["c:"], zlib.crc32, DIMENSIONS - 1
    if not padded.isascii():  # a byte slice is a character slice only in ASCII
        return _buckets("c:", {padded[i:i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1)})
    raw = padded.encode("ascii")
    return {crc(raw[i:i + n], seed) & mask for n in (3, 4, 5) for i in range(len(raw) - n + 1)}


def features(text: str, lang: str, evidence: tuple[str, ...] = ()) -> list[int]:
    """The distinct feature buckets of one reply, with what the rules found in it (`evidence`)."""
    folded = fold((text or "")[:_MAX_CHARS])
    words = _kept(_WORD.findall(folded))
    lemmas = [lemma(w, lang) if w.isalpha() else w for w in words]
    buckets = {_bucket("bias")} | {_bucket(name) for name in evidence}
    buckets |= _buckets("w:", words) | _buckets("l:", lemmas)
    buckets |= _buckets("b:", [f"{a} {b}" for a, b in zip(words, words[1:])])
    buckets |= _buckets("lb:", [f"{a} {b}" for a, b in zip(lemmas, lemmas[1:])])
    buckets |= _char_buckets(" " + " ".join(words) + " ")
    return sorted(buckets)
