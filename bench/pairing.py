"""Buddy pairing at 100, 1,000 and 5,000 members: time and quality, sparse graph vs complete.

Run ``python bench/pairing.py``.  Each community is synthetic but shaped like a real one:
70% English and 30% Spanish speakers, UTC offsets spread over US and European zones
(Spanish speakers more often in Spain, California, Texas, Florida and Puerto Rico), a
never-pair rule for about 1% of members (between members who would otherwise make likely
buddies, which is where such rules bite), and three previous rounds made by ``pair`` itself
so that repeats have to be avoided.  The figures are for the fourth round.

For 100 members it also pairs with the complete graph (``neighbours=None``: every allowed
pair is an edge, one matching), to show what the sparse graph costs in score; that comparison
is repeated over several communities because one community's difference is mostly noise.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from service.care import pairing
from service.care.pairing import Candidate, Pairing, pair

# (UTC offset in minutes, weight): standard-time offsets of the zones members live in.
ENGLISH_ZONES = [
    (-600, 1), (-540, 1), (-480, 20), (-420, 8), (-360, 20), (-300, 30), (-240, 2), (-210, 1),
    (0, 14), (60, 25), (120, 5),
]
SPANISH_ZONES = [(-480, 20), (-420, 3), (-360, 20), (-300, 15), (-240, 10), (0, 2), (60, 30)]
SIZES = {100: 7, 1_000: 5, 5_000: 3}  # members: timed runs
ROUNDS_BEFORE = 3
DENSE_COMMUNITIES = 20


def community(size: int, seed: int) -> tuple[list[Candidate], list[frozenset[int]]]:
    rng = random.Random(seed)
    members = []
    for member_id in range(1, size + 1):
        language, zones = ("en", ENGLISH_ZONES) if rng.random() < 0.7 else ("es", SPANISH_ZONES)
        offset = rng.choices([z for z, _ in zones], weights=[w for _, w in zones])[0]
        members.append(Candidate(member_id, language, offset))
    rules: set[frozenset[int]] = set()
    while len(rules) < max(1, size // 100):
        member = rng.choice(members)
        alike = [
            m for m in members
            if m.id != member.id and m.language == member.language
            and abs(m.utc_offset_minutes - member.utc_offset_minutes) <= 60
        ]
        if alike:
            rules.add(frozenset({member.id, rng.choice(alike).id}))
    return members, sorted(rules, key=sorted)


def history_for(members, rules, **options) -> list[list[frozenset[int]]]:
    rounds: list[list[frozenset[int]]] = []
    for round_seed in range(1, ROUNDS_BEFORE + 1):
        made = pair(members, history=rounds, never=rules, seed=round_seed, **options)
        rounds.append([frozenset(group) for group in made.groups])
    return rounds


def shares(members: list[Candidate], made: Pairing, max_offset_hours: float = 3.0) -> tuple[float, float]:
    by_id = {m.id: m for m in members}
    same = near = 0
    for group in made.groups:
        same += len({by_id[m].language for m in group}) == 1
        offsets = [by_id[m].utc_offset_minutes for m in group]
        near += max(offsets) - min(offsets) <= max_offset_hours * 60
    count = len(made.groups) or 1
    return same / count, near / count


def timed(runs: int, make) -> tuple[float, float, Pairing]:
    """Median wall and CPU seconds; CPU time is the steadier figure on a busy machine."""
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        made = make()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(wall), statistics.median(cpu), made


def main() -> int:
    print(f"sparse graph: {pairing.NEIGHBOURS} neighbours, blocks of {pairing.BLOCK_SIZE}, "
          f"seams of {pairing.SEAM} either side of a cut, "
          f"mending with the {pairing.MEND_NEIGHBOURS} nearest either side in each language")
    print(f"{'members':>8} {'runs':>4} {'median s':>9} {'cpu s':>6} {'score':>6} {'repeats':>7} "
          f"{'same lang':>9} {'within 3 h':>10} {'unpaired':>8}  summary")
    for size, runs in SIZES.items():
        members, rules = community(size, seed=size)
        rounds = history_for(members, rules)
        seconds, cpu, made = timed(runs, lambda: pair(members, history=rounds, never=rules, seed=ROUNDS_BEFORE + 1))
        same, near = shares(members, made)
        print(f"{size:>8,} {runs:>4} {seconds:>9.3f} {cpu:>6.2f} {made.score:>6.1f} {made.repeats:>7} "
              f"{same:>9.1%} {near:>10.1%} {len(made.unpaired):>8}  {made.summary}")

    print()
    print(f"100 members, complete graph vs sparse, same history, {DENSE_COMMUNITIES} communities:")
    losses, dense_seconds, sparse_seconds = [], [], []
    for index in range(DENSE_COMMUNITIES):
        members, rules = community(100, seed=1_000 + index)
        rounds = history_for(members, rules)
        results = {}
        for name, neighbours, seconds in (
            ("dense", None, dense_seconds),
            ("sparse", pairing.NEIGHBOURS, sparse_seconds),
        ):
            started = time.perf_counter()
            results[name] = pairing._pair(
                members, history=rounds, never=rules, seed=ROUNDS_BEFORE + 1, neighbours=neighbours
            )
            seconds.append(time.perf_counter() - started)
        losses.append(results["dense"].score - results["sparse"].score)
        if index == 0:
            for name, made in results.items():
                print(f"  {name:>6}: {made.summary}")
    print(f"  median time: dense {statistics.median(dense_seconds):.3f} s, "
          f"sparse {statistics.median(sparse_seconds):.3f} s")
    print(f"  score lost by the sparse graph: mean {statistics.mean(losses):.2f}, "
          f"worst {max(losses):.2f} points of 100; "
          f"{sum(loss <= 0.005 for loss in losses)} of {DENSE_COMMUNITIES} identical in score")
    return 0


if __name__ == "__main__":
    sys.exit(main())
