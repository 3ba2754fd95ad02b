"""Trying a long pattern only where it can begin.

A concept, a crisis phrase list or the list of idioms is a long alternation ("lost my
job|laid off|me corrieron|..."). Scanned with `finditer`, every alternative is tried at every
word of every reply, and that was most of the time it took to read one. Here each alternative
is filed under the words a match of it can start with, learned once from the pattern itself
(the standard library's own regex parser): "lost my job" under "lost", "(?:me|nos) corrieron"
under "me" and "nos", "quem\\w*" under every word that starts with "quem". A reply is then
tried only at its own words, and only with the alternatives filed under them; an alternative
that can start with any word at all ("(?:\\S+ ){0,3}?me mata") keeps being scanned as before.

`AnchoredPatterns({name: pattern}).spans(norm)` gives, for each name, the matches of scanning
`(?<!\\S)(?:pattern)(?!\\S)` over `norm` with `finditer`, except that matches starting at
one word from alternatives filed under different keys ("burned" under "burn…" and
"burned") are all kept, where `finditer` keeps the first. Concepts only ask whether a
kind of talk occurs, and where, so one span more changes nothing they decide.
"""

from __future__ import annotations

import re
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

_MAX_SPELLINGS = 400  # first words an alternative may have, past which it is scanned rather than filed


class AnchoredPatterns:
    """Named patterns, each alternative filed under the words its matches can start with."""

    def __init__(self, patterns: dict[str, str]):
        exact: dict[str, dict[str, list[str]]] = {}
        prefixes: dict[str, dict[str, list[str]]] = {}
        self._scanned: dict[str, re.Pattern] = {}
        for name, pattern in patterns.items():
            scanned = []
            for alternative in top_level_alternatives(pattern):
                starts = first_words(alternative)
                if starts is None:
                    scanned.append(alternative)
                    continue
                for word, is_prefix in starts:
                    alternatives = (prefixes if is_prefix else exact).setdefault(word, {}).setdefault(name, [])
                    if alternative not in alternatives:
                        alternatives.append(alternative)
            if scanned:
                self._scanned[name] = re.compile(r"(?<!\S)(?:" + "|".join(scanned) + r")(?!\S)")

        def compiled(by_name: dict[str, list[str]]) -> tuple[tuple[str, re.Pattern], ...]:
            # the alternatives keep the order they have in the pattern, as they would in one scan
            return tuple((name, re.compile("(?:" + "|".join(alts) + r")(?!\S)")) for name, alts in by_name.items())

        self._exact = {word: compiled(by_name) for word, by_name in exact.items()}
        self._prefixes = {word: compiled(by_name) for word, by_name in prefixes.items()}
        self._prefix_lengths = sorted({len(word) for word in prefixes})

    def spans(self, norm: str) -> dict[str, list[tuple[int, int]]]:
        """Where each pattern matches in `norm` (space-separated words), in order of start."""
        found: dict[str, list[tuple[int, int]]] = {}
        ends: dict[str, int] = {}  # like one scan, a match starts after the one before it
        exact, prefixes, lengths = self._exact, self._prefixes, self._prefix_lengths
        start = 0
        for word in norm.split(" "):
            tries = exact.get(word, ())
            for length in lengths:
                if length > len(word):
                    break
                more = prefixes.get(word[:length])
                if more:
                    tries = tries + more
            for name, rx in tries:
                if start >= ends.get(name, 0) and (m := rx.match(norm, start)):
                    found.setdefault(name, []).append(m.span())
                    ends[name] = max(ends.get(name, 0), m.end())
            start += len(word) + 1
        for name, rx in self._scanned.items():
            spans = [m.span() for m in rx.finditer(norm)]
            if spans:
                found[name] = sorted(found.get(name, []) + spans)
        return found


def top_level_alternatives(pattern: str) -> list[str]:
    """The alternatives of `pattern` at its top level, as source text; an outer "(?:...)"
    around the whole pattern is looked through."""
    parts = _split_bars(pattern)
    while len(parts) == 1 and pattern.startswith("(?:") and _closes_at_end(pattern):
        pattern = pattern[3:-1]
        parts = _split_bars(pattern)
    return parts


def first_words(alternative: str) -> set[tuple[str, bool]] | None:
    """Every word a match of `alternative` can start with, as (word, is_prefix): the whole word,
    or ("quem", True) any word that begins so. None when it can start with any word (a wildcard
    comes first) or with too many to list."""
    try:
        items = list(sre_parse.parse(alternative))
    except re.error:
        return None
    done, open_ = _walk(items, {""})
    if done is None:
        return None
    done |= {(p, False) for p in open_}  # the match ends here, and so does its first word
    if any(word == "" for word, _ in done) or len(done) > _MAX_SPELLINGS:
        return None
    return done


def _walk(items, open_: set[str]) -> tuple[set[tuple[str, bool]] | None, set[str]]:
    """Read `items` from the words begun in `open_`: the first words completed, and those still open."""
    done: set[tuple[str, bool]] = set()
    for op, arg in items:
        if not open_:
            break
        if op is sre_c.LITERAL:
            ch = chr(arg)
            if ch == " ":
                done |= {(p, False) for p in open_}
                open_ = set()
            else:
                open_ = {p + ch for p in open_}
        elif op is sre_c.IN and all(o is sre_c.LITERAL for o, _ in arg) and len(arg) <= 8:
            chars = {chr(a) for _, a in arg}
            if " " in chars:  # "self[- ]harm": the word may end here
                done |= {(p, False) for p in open_}
            open_ = {p + ch for p in open_ for ch in chars - {" "}}
        elif op is sre_c.SUBPATTERN:
            sub_done, open_ = _walk(list(arg[-1]), open_)
            if sub_done is None:
                return None, set()
            done |= sub_done
        elif op is sre_c.BRANCH:
            branch_open: set[str] = set()
            for branch in arg[1]:
                sub_done, sub_open = _walk(list(branch), set(open_))
                if sub_done is None:
                    return None, set()
                done |= sub_done
                branch_open |= sub_open
            open_ = branch_open
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
            low, high, body = arg
            once_done, once_open = _walk(list(body), set(open_))
            if once_done is None:
                return None, set()
            if high == 1:
                done |= once_done
                open_ = (open_ if low == 0 else set()) | once_open
            else:  # repeated: the word goes on in ways not worth listing, so keep what is known as a prefix
                done |= once_done | {(p, True) for p in once_open}
                if low > 0:
                    open_ = set()
                else:
                    done |= {(p, True) for p in open_}
                    open_ = set()
        elif op in (sre_c.ASSERT, sre_c.ASSERT_NOT, sre_c.AT):
            continue  # takes no characters: the word is still being read
        else:  # any character, a class of characters, a back reference: nothing more is known
            if "" in open_:
                return None, set()
            done |= {(p, True) for p in open_}
            open_ = set()
        if len(open_) + len(done) > _MAX_SPELLINGS:
            return None, set()
    return done, open_


def _split_bars(pattern: str) -> list[str]:
    parts, depth, current, i = [], 0, [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch in "\\[":
            j = i + 2 if ch == "\\" else _class_end(pattern, i)
            current.append(pattern[i:j])
            i = j
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def _closes_at_end(pattern: str) -> bool:
    """Whether the group opened at the start of `pattern` is closed by its last character."""
    depth, i = 0, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch in "\\[":
            i = i + 2 if ch == "\\" else _class_end(pattern, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i == len(pattern) - 1
        i += 1
    return False


def _class_end(pattern: str, i: int) -> int:
    """The index just past the character class that opens at `i` ("[^\\s.!?]", "[]a]")."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    j += 1  # a "]" first in a class is a literal
    while pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1
