"""Trying a pattern only at the words it can start with finds what scanning it finds."""

import csv
import re
from pathlib import Path

import pytest

from service.reading import concepts
from service.reading import lexicon as lex
from service.reading.anchors import AnchoredPatterns, first_words, top_level_alternatives
from service.reading.evidence import look
from service.reading.patterns import _expand

REPLIES = Path(__file__).resolve().parents[2] / "data" / "replies.csv"


@pytest.mark.parametrize("alternative, expected", [
    ("lost my job", {("lost", False)}),
    ("(?:me|nos) corrieron", {("me", False), ("nos", False)}),
    ("(?:i )?set a date", {("i", False), ("set", False)}),
    ("quem\\w* (?:\\S+ )?brazo", {("quem", True)}),
    ("nuestr[oa] casa", {("nuestro", False), ("nuestra", False)}),
    ("self[- ]harm\\w*", {("self", False), ("self-harm", True)}),
    ("(?<!me )regalar", {("regalar", False)}),
    ("fly(?:ing)? home", {("fly", False), ("flying", False)}),
])
def test_the_words_an_alternative_can_start_with(alternative, expected):
    assert first_words(alternative) == expected


@pytest.mark.parametrize("alternative", ["(?:\\S+ ){0,3}?me mata", "\\d+ days", ".* bridge", "\\w+ in order"])
def test_an_alternative_that_can_start_with_any_word_is_scanned(alternative):
    assert first_words(alternative) is None


def test_alternatives_are_split_at_the_top_level_only():
    assert top_level_alternatives("(?:a|b (?:c|d))") == ["a", "b (?:c|d)"]
    assert top_level_alternatives("x[|]y|z") == ["x[|]y", "z"]
    assert top_level_alternatives("(?:a)|(?:b)") == ["(?:a)", "(?:b)"]


def test_a_match_is_found_at_the_word_it_starts_with_and_after_the_one_before_it():
    patterns = AnchoredPatterns({"p": "lost (?:my|the) job|job|(?:\\S+ )?fired", "q": "self[- ]harm\\w*"})
    assert patterns.spans("i lost my job and got fired") == {"p": [(2, 13), (18, 27)]}
    assert patterns.spans("been self harming again") == {"q": [(5, 17)]}
    assert patterns.spans("nothing here") == {}


def _sample():
    with REPLIES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return rows[::25]


def test_every_concept_and_crisis_list_is_found_where_a_scan_finds_it():
    named = {name: concepts._expand(p) for name, p in concepts.GROUPS.items()}
    named |= {f"crisis {n}": "|".join(_expand(p) for p in ps) for n, (_, _, ps) in enumerate(lex.CRISIS)}
    named["idioms"] = "|".join(_expand(p) for p in lex.FIGURATIVE)
    anchored = AnchoredPatterns(named)
    scans = {name: re.compile(r"(?<!\S)(?:" + p + r")(?!\S)") for name, p in named.items()}
    for row in _sample():
        seen = look(row["text"], row["language"])
        if seen is None:
            continue
        for norm in {seen.t.norm, seen.lt.norm}:
            found = anchored.spans(norm)
            scanned = {name for name, rx in scans.items() if rx.search(norm)}
            assert set(found) == scanned, (norm, set(found) ^ scanned)
