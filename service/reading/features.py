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


def features(text: str, lang: str, evidence: tuple[str, ...] = ()) -> list[int]:
    """The distinct feature buckets of one reply, with what the rules found in it (`evidence`)."""
    folded = fold((text or "")[:_MAX_CHARS])
    words = _kept(_WORD.findall(folded))
    lemmas = [lemma(w, lang) if w.isalpha() else w for w in words]
    feats = {"bias"}
    feats.update("w:" + w for w in words)
    feats.update("l:" + w for w in lemmas)
    feats.update(f"b:{a} {b}" for a, b in zip(words, words[1:]))
    feats.update(f"lb:{a} {b}" for a, b in zip(lemmas, lemmas[1:]))
    padded = " " + " ".join(words) + " "
    for n in (3, 4, 5):
        feats.update("c:" + padded[i:i + n] for i in range(len(padded) - n + 1))
    feats.update(evidence)
    return sorted({_bucket(f) for f in feats})
