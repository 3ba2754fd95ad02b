"""How well, and how fast, `service.reading.read_reply` reads the labelled replies.

Run from the repository root:  python bench/replies.py [path/to/replies.csv]

Prints precision and recall for the crisis and wants-support alerts, the score
exact-match rate where the set gives a score, every miss (so the word lists can be
improved), and the median time to read one reply. Always exits 0: it reports,
the floors are enforced by tests/service/test_replies.py.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.reading import read_reply  # noqa: E402

DEFAULT_CSV = ROOT / "tests" / "data" / "replies.csv"
REPEATS = 5


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["score"] = int(row["score"]) if row["score"].strip() else None
        row["wants_support"] = row["wants_support"] == "1"
        row["crisis"] = row["crisis"] == "1"
    return rows


def precision_recall(rows, readings, flag):
    tp = sum(1 for r, g in zip(rows, readings) if r[flag] and getattr(g, flag))
    fp = sum(1 for r, g in zip(rows, readings) if not r[flag] and getattr(g, flag))
    fn = sum(1 for r, g in zip(rows, readings) if r[flag] and not getattr(g, flag))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def time_per_reply_us(texts) -> tuple[float, float]:
    """Median and 95th percentile time to read one reply, in microseconds, over
    REPEATS timed readings of every reply in the set."""
    read_reply("warm up")  # the first call builds the VADER analyser once
    samples = []
    for _ in range(REPEATS):
        for text, language in texts:
            start = time.perf_counter_ns()
            read_reply(text, language)
            samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95)]


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_CSV
    rows = load(path)
    readings = [read_reply(r["text"], r["language"]) for r in rows]
    print(f"{len(rows)} replies from {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
          f" ({sum(r['language'] == 'es' for r in rows)} Spanish, {sum(r['crisis'] for r in rows)} crisis)")
    print()
    print(f"{'flag':<15}{'precision':>10}{'recall':>10}{'tp':>6}{'fp':>6}{'fn':>6}")
    for flag in ("crisis", "wants_support"):
        p, r, tp, fp, fn = precision_recall(rows, readings, flag)
        print(f"{flag:<15}{p:>10.1%}{r:>10.1%}{tp:>6}{fp:>6}{fn:>6}")

    scored = [(r, g) for r, g in zip(rows, readings) if r["score"] is not None]
    exact = sum(1 for r, g in scored if g.score == r["score"])
    within = sum(1 for r, g in scored if g.score is not None and abs(g.score - r["score"]) <= 1)
    unscored = [(r, g) for r, g in zip(rows, readings) if r["score"] is None]
    spurious = sum(1 for r, g in unscored if g.score is not None)
    print()
    print(f"score exact match   {exact / len(scored):.1%} ({exact}/{len(scored)} labelled)")
    print(f"score within one    {within / len(scored):.1%}")
    print(f"score where none    {spurious}/{len(unscored)} unlabelled rows were given a score")
    detect = [(r, read_reply(r["text"])) for r in rows if any(c.isalpha() for c in r["text"])]
    agree = sum(1 for r, g in detect if g.language == r["language"])
    print(f"language, no hint   {agree / len(detect):.1%} ({agree}/{len(detect)} rows with words)")

    print()
    print("misses (label -> reading):")
    misses = 0
    for r, g in zip(rows, readings):
        wrong = []
        for flag in ("crisis", "wants_support"):
            if r[flag] != getattr(g, flag):
                wrong.append(f"{flag} {int(r[flag])}->{int(getattr(g, flag))}")
        if r["score"] is not None and g.score != r["score"]:
            wrong.append(f"score {r['score']}->{g.score}")
        if wrong:
            misses += 1
            print(f"  [{r['language']}] {r['text']!r}: {'; '.join(wrong)}")
            print(f"       reasons: {list(g.reasons)}")
    if not misses:
        print("  none")
    print()
    print("given a score where the set has none (often fine, worth a look):")
    for r, g in unscored:
        if g.score is not None:
            print(f"  [{r['language']}] {r['text']!r}: score {g.score} ({g.reasons[0]})")

    median_us, p95_us = time_per_reply_us([(r["text"], r["language"]) for r in rows])
    long_text = ("Honestly it has been a long week and I am tired but fine. " * 200)[:10_000]
    start = time.perf_counter_ns()
    read_reply(long_text)
    long_ms = (time.perf_counter_ns() - start) / 1e6
    print()
    print(f"time per reply         median {median_us:.0f} \u00b5s, 95th percentile {p95_us:.0f} \u00b5s"
          f" ({REPEATS} x {len(rows)} readings)")
    print(f"one 10,000-char reply  {long_ms:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
