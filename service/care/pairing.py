"""Buddy pairing: who looks out for whom in a community's next round.

This module holds one pure function, ``pair``, which takes the members who
want a buddy and returns pairs -- and exactly one trio when the count is odd --
plus ``score_groups``, which scores any grouping (a coordinator's own pairs
included) on the same 0..100 scale.  No I/O, no clock, no database: callers
pass the members, past rounds and the coordinator's rules in, and store what
comes back.

What a good round is, in order of importance (each tier outweighs everything
below it put together):

1. Never-pair rules from a coordinator are absolute: two such members never
   share a group, pair or trio.  Someone who cannot be placed without breaking
   a rule is left out and named in ``Pairing.unpaired``.
2. Everyone else is placed: pairs, plus one trio when the count is odd.
3. A member's buddy speaks their language.  (A buddy they cannot talk to is no
   buddy, so a small language group may see the same pairs again rather than
   be split across languages.)
4. No repeats: two members who were together in the last ``avoid_rounds``
   rounds are kept apart whenever another way exists; when it does not, an
   older meeting is repeated before a recent one.
5. Nearby time zones: within ``max_offset_hours`` is preferred, closer is
   better, and beyond it closer is still better.
6. The seed breaks whatever ties are left.

How it is solved: a maximum-weight matching (networkx's blossom algorithm,
with ``maxcardinality=True`` so that tier 2 holds) on a graph whose edge
weights encode the tiers above.  The complete graph is far too big for the
blossom algorithm beyond a couple of hundred members, and its running time
grows with the square of a component's size, so the graph is sparse and cut
into blocks:

* Members are bucketed by language and sorted by UTC offset; each bucket is
  cut into blocks of at most ``BLOCK_SIZE`` members (even-sized, cut where
  neighbouring offsets are furthest apart).  Inside a block each member is
  joined to the next ``NEIGHBOURS`` members in offset order whom they have
  not met recently (so about twice that many in all); the blocks are the
  graph's components and are matched one at a time.
* Where two blocks meet, the ``SEAM`` members either side of the cut and
  their buddies are matched again together, so a cut costs (almost) nothing.
* Whoever a block leaves over (odd blocks, never-pair rules) is mended in a
  second, complete matching together with the members nearest them in offset
  from every language bucket (``MEND_NEIGHBOURS`` either side) and those
  members' current buddies: these are the cross-language edges that keep
  everyone matchable, and they exist only where they are needed.
* Anyone still left is fitted in by swapping through an existing pair, and
  the last one joins the pair where they fit best as the round's trio.  A
  community of a dozen or fewer that still leaves someone out (never-pair
  rules) tries every possible trio instead.

The tiers are exact on the complete graph; the sparse one can miss a better
arrangement that spans blocks, which ``bench/pairing.py`` measures against the
complete graph (a small fraction of a score point at 100 members).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

__all__ = ["Candidate", "Pairing", "pair", "score_groups", "LANGUAGE_POINTS", "ZONE_POINTS"]

# Score scale, per pair: a shared language is worth more than the best time
# zone match, mirroring tier 3 above tier 5.
LANGUAGE_POINTS = 60.0
ZONE_POINTS = 40.0
# Beyond the preferred window a pair keeps a little credit that fades to nothing
# over half a day, so 5 h apart still beats 11 h apart.
_FAR_ZONE_POINTS = 10.0
_FAR_ZONE_FADE_MINUTES = 12 * 60

# Sparse graph shape; bench/pairing.py measures what these cost in quality.
NEIGHBOURS = 10
BLOCK_SIZE = 60
MEND_NEIGHBOURS = 6
SEAM = 6
# The mending graph is complete up to this many members; it is normally a few
# dozen, and only many never-pair rules can make it bigger.
_MEND_DENSE_LIMIT = 200

# A small community that still leaves someone out is checked against every
# possible trio: with many never-pair rules, which trio is what decides.
_EXHAUSTIVE_LIMIT = 12

# Jitter is below one hundredth of a score point summed over a whole round, so
# the seed only ever decides between equally good rounds.
_JITTER = 64
_ZONE_STEPS = 4000  # zone points kept to hundredths
_MASK = (1 << 64) - 1


@dataclass(frozen=True)
class Candidate:
    """A member who wants a buddy this round."""

    id: int
    language: str
    utc_offset_minutes: int


@dataclass(frozen=True)
class Pairing:
    """A round of buddies.

    ``groups``: pairs, and at most one trio; each group's ids sorted, groups sorted.
    ``score``: ``score_groups`` of the groups, 0..100 (higher is better).
    ``repeats``: groups holding two members who met within the last ``avoid_rounds``.
    ``summary``: one line for a coordinator.
    ``unpaired``: members who could not be placed (alone, or never-pair rules), sorted.
    """

    groups: tuple[tuple[int, ...], ...]
    score: float
    repeats: int
    summary: str
    unpaired: tuple[int, ...] = ()


def pair(
    candidates: Sequence[Candidate],
    *,
    history: Sequence[Iterable[frozenset[int]]] = (),
    never: Iterable[frozenset[int]] = (),
    avoid_rounds: int = 3,
    max_offset_hours: float = 3.0,
    seed: int = 0,
) -> Pairing:
    """Pair ``candidates`` into buddies for the next round.

    ``history`` holds past rounds, most recent last, each an iterable of groups
    (sets of member ids); only the last ``avoid_rounds`` count.  ``never`` holds
    a coordinator's never-pair rules as two-member sets.  Members named in the
    history or rules but not among the candidates are ignored.

    The result depends only on the members, history, rules and ``seed``, not on
    the order anything is given in.  Raises ValueError for two candidates with
    the same id, a rule that does not name two members, or negative settings.
    """
    return _pair(
        candidates,
        history=history,
        never=never,
        avoid_rounds=avoid_rounds,
        max_offset_hours=max_offset_hours,
        seed=seed,
    )


def score_groups(
    groups: Iterable[Iterable[int]],
    candidates: Sequence[Candidate],
    history: Sequence[Iterable[frozenset[int]]] = (),
    avoid_rounds: int = 3,
    max_offset_hours: float = 3.0,
) -> float:
    """How good a grouping is, 0..100: the mean over groups of each group's score.

    A pair scores ``LANGUAGE_POINTS`` (60) for a shared language plus up to
    ``ZONE_POINTS`` (40) for time zones: 40 at the same offset falling to 20 at
    ``max_offset_hours`` apart, then from 10 down to 0 over the next 12 hours.
    Two members who met within the last ``avoid_rounds`` rounds score 0.  A
    trio (or any larger group) scores the mean of its pairs.  No groups score 0.

    Raises ValueError for a group of fewer than two members or an id that is
    not among ``candidates``.
    """
    members = _by_id(candidates)
    met = _recent_meetings(history, avoid_rounds)
    window = _window_minutes(max_offset_hours)
    scores = []
    for group in groups:
        ids = sorted(set(group))
        if len(ids) < 2:
            raise ValueError(f"a group needs at least two members: {ids}")
        for member_id in ids:
            if member_id not in members:
                raise ValueError(f"member {member_id} is not among the candidates")
        points = [
            0.0 if (a, b) in met else _pair_points(members[a], members[b], window)
            for a, b in itertools.combinations(ids, 2)
        ]
        scores.append(sum(points) / len(points))
    return sum(scores) / len(scores) if scores else 0.0


def _pair(
    candidates: Sequence[Candidate],
    *,
    neighbours: int | None = NEIGHBOURS,
    block_size: int = BLOCK_SIZE,
    **options,
) -> Pairing:
    """``pair(candidates, **options)`` with the graph's shape exposed; ``neighbours=None``
    uses the complete graph."""
    # pair's own defaults, so they are written once, in its signature.
    options = {**pair.__kwdefaults__, **options}
    history = [list(past) for past in options.pop("history")]
    community = _Community(candidates, history, **options)
    if neighbours is None:
        mates = _match(_complete_graph(community, community.ids))
    else:
        mates = {}
        for blocks in community.blocks(block_size):
            for block in blocks:
                mates.update(_match(community.block_graph(block, neighbours)))
            for before, after in itertools.pairwise(blocks):
                _rematch(community, mates, before[-SEAM:] + after[:SEAM])
        left = [m for m in community.ids if m not in mates]
        if left:
            _mend(community, mates, left, neighbours)
    groups, unpaired = _fit_in_the_rest(community, mates)
    if unpaired and len(community.ids) <= _EXHAUSTIVE_LIMIT:
        groups, unpaired = _try_every_trio(community, groups, unpaired)
    return _result(community, groups, unpaired, history)


class _Community:
    """The members of one call and everything pairing asks about two of them."""

    def __init__(self, candidates, history, never, avoid_rounds, max_offset_hours, seed):
        if avoid_rounds < 0:
            raise ValueError("avoid_rounds cannot be negative")
        if max_offset_hours < 0:
            raise ValueError("max_offset_hours cannot be negative")
        self.members = _by_id(candidates)
        self.ids = sorted(self.members)
        self.seed = seed
        self.avoid_rounds = avoid_rounds
        self.max_offset_hours = max_offset_hours
        self.window = _window_minutes(max_offset_hours)
        self.met = _recent_meetings(history, avoid_rounds)
        self.never = set()
        for rule in never:
            ids = sorted(set(rule))
            if len(ids) != 2:
                raise ValueError(f"a never-pair rule names two members: {ids}")
            self.never.add((ids[0], ids[1]))
        # Ties between members at the same offset go by a seeded shuffle, so a
        # new seed also draws new blocks and neighbours.
        self.tie = {m: _mix(seed, m) for m in self.ids}
        self.buckets: dict[str, list[int]] = {}
        for m in sorted(self.ids, key=lambda m: (self.members[m].utc_offset_minutes, self.tie[m])):
            self.buckets.setdefault(self.members[m].language, []).append(m)
        self.bucket_offsets = {
            language: [self.members[m].utc_offset_minutes for m in ids]
            for language, ids in self.buckets.items()
        }
        self._weights_for(len(self.ids))

    def _weights_for(self, n: int) -> None:
        # Each tier's unit exceeds the largest sum the tiers below it can reach
        # over one round (n // 2 + 1 groups), which makes the blossom algorithm's
        # single weight a lexicographic order.  Integer weights keep it exact.
        groups = n // 2 + 2
        self.zone_unit = _JITTER * (n + 1)
        zone_total = self.zone_unit * (_ZONE_STEPS + 1) * groups
        recency_unit = zone_total
        repeat_unit = recency_unit * (self.avoid_rounds + 1) * groups
        self.penalty = {
            age: repeat_unit + recency_unit * (self.avoid_rounds + 1 - age)
            for age in range(1, self.avoid_rounds + 1)
        }
        self.fresh = repeat_unit + recency_unit * (self.avoid_rounds + 1)
        self.language_unit = (self.fresh + zone_total) * groups

    def allowed(self, a: int, b: int) -> bool:
        return (a, b) not in self.never if a < b else (b, a) not in self.never

    def is_repeat(self, a: int, b: int) -> bool:
        return (min(a, b), max(a, b)) in self.met

    def weight(self, a: int, b: int) -> int:
        if a > b:
            a, b = b, a
        ma, mb = self.members[a], self.members[b]
        zone = round(_zone_points(abs(ma.utc_offset_minutes - mb.utc_offset_minutes), self.window) * 100)
        age = self.met.get((a, b))
        return (
            (self.language_unit if ma.language == mb.language else 0)
            + self.fresh
            - (self.penalty[age] if age else 0)
            + self.zone_unit * zone
            + _mix(self.seed, a, b) % _JITTER
        )

    def blocks(self, size: int) -> list[list[list[int]]]:
        """Each language's blocks, in offset order."""
        return [
            _cut(self.buckets[language], self.bucket_offsets[language], size)
            for language in sorted(self.buckets)
        ]

    def block_graph(self, block: list[int], neighbours: int) -> nx.Graph:
        graph = nx.Graph()
        graph.add_nodes_from(block)
        for i, a in enumerate(block):
            fresh = 0
            for b in itertools.islice(block, i + 1, None):
                if fresh >= neighbours:
                    break
                if not self.allowed(a, b):
                    continue
                graph.add_edge(a, b, weight=self.weight(a, b))
                # Recent buddies are kept as edges (a repeat beats leaving
                # someone out) but do not use up the member's neighbours.
                if not self.is_repeat(a, b):
                    fresh += 1
        return graph

    def nearest(self, member_id: int, per_language: int) -> set[int]:
        """The members nearest in offset to ``member_id`` in every language bucket."""
        offset = self.members[member_id].utc_offset_minutes
        near = set()
        for language, ids in self.buckets.items():
            offsets = self.bucket_offsets[language]
            at = bisect.bisect_left(offsets, offset)
            near.update(ids[max(0, at - per_language):at + per_language])
        return near


def _cut(ids: list[int], offsets: list[int], size: int) -> list[list[int]]:
    """Cut one language bucket, sorted by offset, into blocks of at most ``size``."""
    size = max(2, size - size % 2)
    blocks = []
    start = 0
    while len(ids) - start > size:
        remaining = len(ids) - start
        target = remaining / math.ceil(remaining / size)
        lengths = [
            length for length in range(2, size + 1, 2)
            if 0.75 * target <= length <= 1.25 * target
        ] or [size]
        # Cut where neighbours are furthest apart: a pair across a wide gap is a
        # poor pair anyway, so the cut costs least there.
        length = max(lengths, key=lambda n: (offsets[start + n] - offsets[start + n - 1], -abs(n - target)))
        blocks.append(ids[start:start + length])
        start += length
    blocks.append(ids[start:])
    return blocks


def _complete_graph(community: _Community, ids: Iterable[int]) -> nx.Graph:
    ids = sorted(ids)
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    for a, b in itertools.combinations(ids, 2):
        if community.allowed(a, b):
            graph.add_edge(a, b, weight=community.weight(a, b))
    return graph


def _match(graph: nx.Graph) -> dict[int, int]:
    mates = {}
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        mates[a] = b
        mates[b] = a
    return mates


def _rematch(community: _Community, mates: dict[int, int], members: list[int]) -> None:
    """Match ``members`` and their buddies again, on the complete graph among them."""
    nodes = set(members) | {mates[m] for m in members if m in mates}
    for m in nodes:
        mates.pop(m, None)
    mates.update(_match(_complete_graph(community, nodes)))


def _mend(community: _Community, mates: dict[int, int], left: list[int], neighbours: int) -> None:
    """Rematch the members the blocks left over together with those nearest them."""
    nodes = set(left)
    for member_id in left:
        nodes |= community.nearest(member_id, MEND_NEIGHBOURS)
    nodes |= {mates[m] for m in nodes if m in mates}
    previous = {(a, mates[a]) for a in nodes if a in mates and a < mates[a]}
    for m in nodes:
        mates.pop(m, None)
    if len(nodes) <= _MEND_DENSE_LIMIT:
        graph = _complete_graph(community, nodes)
    else:
        graph = nx.Graph()
        ordered = sorted(nodes, key=lambda m: (community.members[m].utc_offset_minutes, community.tie[m]))
        graph.add_nodes_from(ordered)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:i + 1 + 2 * neighbours]:
                if community.allowed(a, b):
                    graph.add_edge(a, b, weight=community.weight(a, b))
        # The old pairs stay possible, so mending never places fewer members.
        for a, b in sorted(previous):
            graph.add_edge(a, b, weight=community.weight(a, b))
    mates.update(_match(graph))


def _fit_in_the_rest(community: _Community, mates: dict[int, int]) -> tuple[list[tuple[int, ...]], list[int]]:
    """Place whoever the matching left out: swaps through a pair, then the trio."""
    pairs = sorted({(min(a, b), max(a, b)) for a, b in mates.items()})
    left = [m for m in community.ids if m not in mates]
    weight, allowed = community.weight, community.allowed

    # Two left-over members who may not meet can still both be placed if a pair
    # x-y splits into u-x and y-v.
    while len(left) >= 2:
        best = None
        for u, v in itertools.combinations(left, 2):
            if allowed(u, v):
                gain = weight(u, v)
                if best is None or gain > best[0]:
                    best = (gain, u, v, None, None, None)
            for index, (x, y) in enumerate(pairs):
                for x, y in ((x, y), (y, x)):
                    if allowed(u, x) and allowed(y, v):
                        gain = weight(u, x) + weight(y, v) - weight(x, y)
                        if best is None or gain > best[0]:
                            best = (gain, u, v, index, x, y)
        if best is None:
            break
        _, u, v, index, x, y = best
        if index is None:
            pairs.append((min(u, v), max(u, v)))
        else:
            pairs[index:index + 1] = [(min(u, x), max(u, x)), (min(y, v), max(y, v))]
        left = [m for m in left if m not in (u, v)]

    trio = None
    best = None
    for u in left:
        for index, (a, b) in enumerate(pairs):
            if allowed(u, a) and allowed(u, b):
                gain = weight(u, a) + weight(u, b)
                if best is None or gain > best[0]:
                    best = (gain, u, index)
    if best is not None:
        _, u, index = best
        trio = tuple(sorted((*pairs.pop(index), u)))
        left.remove(u)
    elif left and pairs:
        # Nobody left over may join any pair as it stands; one may still take a
        # pair member's place if that member can join another pair instead.
        for u in left:
            for index, (a, b) in enumerate(pairs):
                for stay, move in ((a, b), (b, a)):
                    if not allowed(u, stay):
                        continue
                    for other, (c, d) in enumerate(pairs):
                        if other != index and allowed(move, c) and allowed(move, d):
                            gain = weight(u, stay) + weight(move, c) + weight(move, d) - weight(a, b)
                            if best is None or gain > best[0]:
                                best = (gain, u, index, stay, move, other)
        if best is not None:
            _, u, index, stay, move, other = best
            trio = tuple(sorted((*pairs[other], move)))
            pairs[index] = (min(u, stay), max(u, stay))
            del pairs[other]
            left.remove(u)

    groups = list(pairs) + ([trio] if trio else [])
    return sorted(groups), sorted(left)


def _try_every_trio(community: _Community, groups, unpaired) -> tuple[list[tuple[int, ...]], list[int]]:
    def rank(groups):
        placed = sum(len(g) for g in groups)
        return placed, sum(community.weight(a, b) for g in groups for a, b in itertools.combinations(g, 2))

    def round_of(trio: tuple[int, ...]):
        rest = [m for m in community.ids if m not in trio]
        pairs = sorted((min(a, b), max(a, b)) for a, b in _match(_complete_graph(community, rest)).items() if a < b)
        return sorted(pairs + ([trio] if trio else []))

    best_rank, best = rank(groups), groups
    for trio in itertools.chain([()], itertools.combinations(community.ids, 3)):
        if not all(community.allowed(a, b) for a, b in itertools.combinations(trio, 2)):
            continue
        candidate = round_of(trio)
        if rank(candidate) > best_rank:
            best_rank, best = rank(candidate), candidate
    placed = {m for g in best for m in g}
    return best, [m for m in community.ids if m not in placed]


def _result(community: _Community, groups, unpaired, history) -> Pairing:
    candidates = list(community.members.values())
    score = score_groups(groups, candidates, history, community.avoid_rounds, community.max_offset_hours)
    repeats = sum(
        1 for group in groups
        if any(community.is_repeat(a, b) for a, b in itertools.combinations(group, 2))
    )
    return Pairing(
        groups=tuple(groups),
        score=score,
        repeats=repeats,
        summary=_summary(community, groups, unpaired, score, repeats),
        unpaired=tuple(unpaired),
    )


def _summary(community: _Community, groups, unpaired, score: float, repeats: int) -> str:
    members = community.members
    trios = sum(1 for g in groups if len(g) == 3)
    pairs = len(groups) - trios
    if not groups:
        line = "no members to pair" if not unpaired else "no pairs"
    else:
        same = sum(1 for g in groups if len({members[m].language for m in g}) == 1)
        near = sum(
            1 for g in groups
            if _spread(members, g) <= community.window
        )
        line = (
            f"{pairs} pair{'' if pairs == 1 else 's'}, {trios} trio; "
            if trios else f"{pairs} pair{'' if pairs == 1 else 's'}, no trio; "
        ) + (
            f"same language {_percent(same, len(groups))}, "
            f"within {community.max_offset_hours:g} h {_percent(near, len(groups))}, "
            f"repeats {repeats}; score {score:.1f}"
        )
    if unpaired:
        shown = ", ".join(str(m) for m in unpaired[:10])
        more = f" and {len(unpaired) - 10} more" if len(unpaired) > 10 else ""
        line += f"; {len(unpaired)} unpaired (member{'' if len(unpaired) == 1 else 's'} {shown}{more})"
    return line


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%"


def _spread(members, group) -> int:
    offsets = [members[m].utc_offset_minutes for m in group]
    return max(offsets) - min(offsets)


def _by_id(candidates: Sequence[Candidate]) -> dict[int, Candidate]:
    members: dict[int, Candidate] = {}
    for candidate in candidates:
        if candidate.id in members:
            raise ValueError(f"member {candidate.id} is a candidate twice")
        members[candidate.id] = candidate
    return members


def _recent_meetings(history, avoid_rounds: int) -> dict[tuple[int, int], int]:
    """Pairs who met in the last ``avoid_rounds`` rounds, and how many rounds ago (1 = last)."""
    rounds = list(history)[-avoid_rounds:] if avoid_rounds else []
    met: dict[tuple[int, int], int] = {}
    for age, past in enumerate(reversed(rounds), start=1):
        for group in past:
            for a, b in itertools.combinations(sorted(set(group)), 2):
                met.setdefault((a, b), age)
    return met


def _window_minutes(max_offset_hours: float) -> float:
    return max_offset_hours * 60


def _zone_points(apart_minutes: int, window_minutes: float) -> float:
    if apart_minutes <= window_minutes:
        if window_minutes == 0:
            return ZONE_POINTS
        return ZONE_POINTS * (1 - 0.5 * apart_minutes / window_minutes)
    beyond = apart_minutes - window_minutes
    return max(0.0, _FAR_ZONE_POINTS * (1 - beyond / _FAR_ZONE_FADE_MINUTES))


def _pair_points(a: Candidate, b: Candidate, window_minutes: float) -> float:
    return (LANGUAGE_POINTS if a.language == b.language else 0.0) + _zone_points(
        abs(a.utc_offset_minutes - b.utc_offset_minutes), window_minutes
    )


def _mix(*values: int) -> int:
    """A 64-bit hash of integers (splitmix64 steps), the same in every process."""
    x = 0x9E3779B97F4A7C15
    for value in values:
        x = (x ^ (value & _MASK)) + 0x9E3779B97F4A7C15 & _MASK
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB & _MASK
        x ^= x >> 31
    return x
