"""A pairing round in a coordinator's words: who gets a new buddy, who keeps theirs, and who
is left without one and why -- for the Buddies page's preview and ``kinship pair``.

A plain function over plain data (no database): ``service.care.buddies.explain`` gathers the
people, the current groups and the never-pair rules, and hands them here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
# Why someone is not in the round at all, by their status (an active member is left out only
# by BUDDY OFF, or by the round itself).
NOT_IN_THE_ROUND = {
    "invited": "has not said YES yet",
    "paused": "paused",
    "opted_out": "opted out (said STOP)",
    "unreachable": "their number cannot be reached",
}


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    language: str
    status: str  # MemberStatus's value: "active", "paused", ...
    buddy_opt_in: bool


@dataclass(frozen=True)
class Group:
    names: tuple[str, ...]
    kept: bool  # exactly the same people as now
    note: str | None = None  # a language they do not share, in words

    @property
    def line(self) -> str:
        together = _and(self.names)
        if self.kept:
            said = f"{together} keep each other" if len(self.names) > 2 else f"{together} keep each other as buddies"
        else:
            said = f"{together}: new buddies" + (" (a trio)" if len(self.names) == 3 else "")
        return said + (f" — {self.note}" if self.note else "")


@dataclass(frozen=True)
class Without:
    name: str
    why: str

    @property
    def line(self) -> str:
        return f"{self.name}: {self.why}"


@dataclass(frozen=True)
class PairingWords:
    groups: tuple[Group, ...]
    without: tuple[Without, ...]
    new_count: int  # members who get a buddy they do not have now
    kept_count: int  # members who keep exactly the buddies they have

    @property
    def headline(self) -> str:
        parts = [f"{self.new_count} {_people(self.new_count)} get{'s' if self.new_count == 1 else ''} a new buddy",
                 f"{self.kept_count} keep{'s' if self.kept_count == 1 else ''} theirs"]
        if self.without:
            count = len(self.without)
            parts.append(f"{count} {'is' if count == 1 else 'are'} left without one")
        return ", ".join(parts) + "."


def describe_pairing(groups: Sequence[Sequence[int]], unpaired: Iterable[int], people: Iterable[Person],
                     current: Iterable[Iterable[int]], never: Iterable[Iterable[int]]) -> PairingWords:
    """``groups`` and ``unpaired`` from ``pair``; ``people``: every member of the community;
    ``current``: the groups now in place; ``never``: the coordinators' never-pair rules."""
    by_id = {p.id: p for p in people}
    now_with = {}
    for group in current:
        ids = frozenset(group)
        for member_id in ids:
            now_with[member_id] = ids
    described, new_count, kept_count = [], 0, 0
    for group in groups:
        ids = frozenset(group)
        for member_id in ids:
            if now_with.get(member_id) == ids:
                kept_count += 1
            else:
                new_count += 1
        names = tuple(by_id[i].name for i in group)
        described.append(Group(names, all(now_with.get(i) == ids for i in ids), _language_note([by_id[i] for i in group])))
    ruled_out = {member_id for rule in never for member_id in rule}
    without = [Without(by_id[i].name, "never-pair rules leave nobody to pair them with" if i in ruled_out
                       else "nobody else is free to pair with") for i in unpaired]
    placed = {i for group in groups for i in group} | set(unpaired)
    for person in sorted(by_id.values(), key=lambda p: p.name):
        if person.id in placed:
            continue
        why = NOT_IN_THE_ROUND.get(person.status) or ("said BUDDY OFF" if not person.buddy_opt_in else None)
        if why:
            without.append(Without(person.name, why))
    return PairingWords(tuple(described), tuple(without), new_count, kept_count)


def _language_note(group: list[Person]) -> str | None:
    languages = {p.language for p in group}
    if len(languages) == 1:
        return None
    # Pairing keeps languages together whenever it can; a mixed group means nobody else was free.
    spoken = [f"{p.name.split()[0]} texts in {LANGUAGE_NAMES.get(p.language, p.language)}" for p in group]
    return _and(spoken) + ": nobody free shares a language"


def _and(items: Sequence[str]) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _people(count: int) -> str:
    return "member" if count == 1 else "members"
