"""A reply's words brought back to their lemmas, with typos of concept words repaired.

The concepts in `service.reading.concepts` are written once per lemma ("cut", "cortar");
this module maps what a member typed onto them: every inflected form a dictionary knows
("cutting", "cortándome" -> "cut", "cortar"), Spanish pronouns glued to a verb
("matarme" -> "matar me"), and near misses of a concept word that are no real word
("brigde", "pastiyas", "sucidarme") found with rapidfuzz. The forms come from
`words.json`, built from simplemma's dictionaries by `build_words.py`, so reading needs
neither simplemma nor its 120 MB of dictionaries.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from service.reading.text import ReplyText, Token

_CLITICS = ("selo", "sela", "melo", "mela", "nos", "me", "te", "se", "lo", "la", "le", "los", "las", "les")


@functools.cache
def _words() -> dict:
    return json.loads(Path(__file__).with_name("words.json").read_text(encoding="ascii"))


@functools.cache
def _targets(lang: str) -> tuple[str, ...]:
    return tuple(sorted(f for f in _words()["forms"][lang] if len(f) >= 4))


@functools.cache
def _real(lang: str) -> frozenset[str]:
    return frozenset(_words()["real"][lang])


_SOUNDS = (("ll", "y"), ("ce", "se"), ("ci", "si"), ("z", "s"), ("v", "b"), ("qu", "k"), ("ca", "ka"),
           ("co", "ko"), ("cu", "ku"), ("h", ""), ("x", "s"), ("rr", "r"))


def _sound(word: str) -> str:
    """How a Spanish word sounds, near enough: "pastiyas" and "pastillas" sound alike."""
    for written, said in _SOUNDS:
        word = word.replace(written, said)
    return word


@functools.cache
def _by_sound() -> dict[str, str]:
    sounds: dict[str, str] = {}
    for form in sorted(_words()["forms"]["es"]):
        sounds.setdefault(_sound(form), form)
    return sounds


@functools.lru_cache(maxsize=16384)
def lemma(word: str, lang: str) -> str:
    """The concept lemma of a folded word (or the word itself), perhaps with a clitic pronoun."""
    forms = _words()["forms"][lang]
    if word in forms:
        return forms[word]
    if lang == "es" and word.endswith("ao") and (full := word[:-2] + "ado") in forms:
        return forms[full]  # Andalusian and Caribbean speech drops the d: "intentao", "le ha dao"
    if lang == "es":
        for clitic in _CLITICS:  # "matarme", "cortandome", "despedirme"
            stem = word[: -len(clitic)]
            if word.endswith(clitic) and len(stem) >= 3 and stem[-1] in "rdo" and stem in forms:
                return f"{forms[stem]} {clitic}"
    if len(word) < 4 or word in _real(lang) or not word.isalpha():
        return word
    if lang == "es" and (same := _by_sound().get(_sound(word))):
        return lemma(same, lang)
    # Transpositions count once ("brigde"); among equals, keep the one with the same first letter.
    found = process.extract(word, _targets(lang), scorer=OSA.distance, limit=5,
                            score_cutoff=1 if len(word) < 8 else 2)
    if not found:
        return word
    best = min(found, key=lambda f: (f[1], f[0][0] != word[0], f[2]))
    return lemma(best[0], lang)


_APOSTROPHE = ("'", "\u2019")


def lemma_text(t: ReplyText, lang: str) -> ReplyText:
    """The same reply with each word as its lemma; spans still quote the member's words."""
    tokens = []
    for tok in t.tokens:
        word = tok.norm
        if lang == "es" and word[-1:] in "aeiou" and t.text[tok.end:tok.end + 1] in _APOSTROPHE:
            word += "s"  # Caribbean speech drops a final s and writes it: "la' pastilla'", "estamo'"
        norm = lemma(word, lang) if tok.kind == "word" and "'" not in word else tok.norm
        tokens.append(Token(tok.kind, tok.raw, norm, tok.start, tok.end, tok.caps))
    return ReplyText(t.text, tokens)
