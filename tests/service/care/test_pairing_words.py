"""A pairing round in words: new buddies, kept buddies, and who is left without one and why."""

from __future__ import annotations

from service.care.pairing_words import Person, describe_pairing

PEOPLE = [
    Person(1, "Sam Rivera", "en", "active", True), Person(2, "Alex Chen", "en", "active", True),
    Person(3, "Maria Lopez", "es", "active", True), Person(4, "Jordan Blake", "en", "active", True),
    Person(5, "Kim Walker", "en", "invited", True), Person(6, "Priya Nair", "en", "paused", True),
    Person(7, "Lee Park", "en", "opted_out", True), Person(8, "Robin Hart", "en", "active", False),
    Person(9, "Dana Cole", "en", "active", True), Person(10, "Ola Berg", "en", "unreachable", True),
]


def test_who_gets_a_new_buddy_who_keeps_theirs_and_who_is_left_without_and_why():
    words = describe_pairing(groups=[(1, 2), (3, 4)], unpaired=[9], people=PEOPLE,
                             current=[(1, 2), (3, 9)], never=[(9, 4)])
    assert [g.line for g in words.groups] == [
        "Sam Rivera and Alex Chen keep each other as buddies",
        "Maria Lopez and Jordan Blake: new buddies — Maria texts in Spanish and Jordan texts in English: "
        "nobody free shares a language",
    ]
    assert [w.line for w in words.without] == [
        "Dana Cole: never-pair rules leave nobody to pair them with",
        "Kim Walker: has not said YES yet",
        "Lee Park: opted out (said STOP)",
        "Ola Berg: their number cannot be reached",
        "Priya Nair: paused",
        "Robin Hart: said BUDDY OFF",
    ]
    assert words.headline == "2 members get a new buddy, 2 keep theirs, 6 are left without one."
    assert "score" not in words.headline and "%" not in words.headline


def test_a_trio_and_the_first_round():
    words = describe_pairing(groups=[(1, 2, 4)], unpaired=[], people=[PEOPLE[i] for i in (0, 1, 3)], current=[],
                             never=[])
    assert [g.line for g in words.groups] == ["Sam Rivera, Alex Chen and Jordan Blake: new buddies (a trio)"]
    assert words.headline == "3 members get a new buddy, 0 keep theirs."
    assert words.without == ()
