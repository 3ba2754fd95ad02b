"""How well, and how fast, `service.reading.read_reply` reads the labelled replies.

Run from the repository root:  python bench/replies.py [--misses] [path/to/replies.csv]

The honest figures are the leave-one-batch-out ones: each batch in the set was written by
a different hand, blind to the word lists, so for each batch the learned second opinion is
trained (and its thresholds tuned) on the other batches only, and the batch is read as the
service would read it. The all-in figures, with the shipped model trained on every batch,
are printed beside them; the gap between the two is how much the set flatters the reader.

Per language: crisis recall and precision, crisis replies that reached a person at all
(crisis, or asked directly), support recall (any alert: support, ask or crisis), false
alerts on calm replies (any alert), and crisis replies read as *good* (must be 0). Then
the median time to read one reply and the web process's extra memory. Always exits 0:
it reports; tests/service/reading/test_reading.py enforces the floors.
"""

from __future__ import annotations

import csv
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.reading import read_reply  # noqa: E402

DEFAULT_CSV = ROOT / "tests" / "data" / "replies.csv"
REPEATS = 3


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["score"] = int(row["score"]) if row["score"].strip() else None
        row["wants_support"] = row["wants_support"] == "1"
        row["crisis"] = row["crisis"] == "1"
        row["label"] = "crisis" if row["crisis"] else "support" if row["wants_support"] else "calm"
        row["batch"] = row.get("batch") or "b00"
    return rows


def figures(pairs) -> dict:
    """The figures for (row, reading) pairs."""
    def share(hits, of):
        return (sum(hits), len(of))
    crisis_rows = [g for r, g in pairs if r["label"] == "crisis"]
    read_crisis = [r for r, g in pairs if g.crisis]
    support_rows = [g for r, g in pairs if r["label"] == "support"]
    calm_rows = [g for r, g in pairs if r["label"] == "calm"]
    return {
        "crisis recall": share([g.crisis for g in crisis_rows], crisis_rows),
        "crisis precision": share([r["crisis"] for r in read_crisis], read_crisis),
        "crisis reached (crisis or ask)": share([g.action in ("crisis", "ask") for g in crisis_rows], crisis_rows),
        "support, any alert": share([g.action != "none" for g in support_rows], support_rows),
        "calm, false alerts": share([g.action != "none" for g in calm_rows], calm_rows),
        "crisis read as good": share([g.positive for g in crisis_rows], crisis_rows),
    }


def print_table(title: str, by_language: dict[str, dict]) -> None:
    print(title)
    names = list(next(iter(by_language.values())))
    print(f"  {'':<32}" + "".join(f"{lang:>18}" for lang in by_language))
    for name in names:
        cells = []
        for figs in by_language.values():
            hit, total = figs[name]
            cells.append(f"{hit / total:>8.1%} {hit:>4}/{total:<4}" if total else f"{'-':>18}")
        print(f"  {name:<32}" + "".join(f"{c:>18}" for c in cells))
    print()


def per_language(pairs) -> dict[str, dict]:
    return {"all": figures(pairs), "en": figures([p for p in pairs if p[0]["language"] == "en"]),
            "es": figures([p for p in pairs if p[0]["language"] == "es"])}


def leave_one_batch_out(rows) -> tuple[list, dict[str, dict]]:
    """Each batch read by a reader whose model never saw it."""
    try:
        from service.reading import train
    except ImportError:  # no learned second opinion yet: the rules alone
        train = None
    by_batch = defaultdict(list)
    for row in rows:
        by_batch[row["batch"]].append(row)
    pairs, per_batch = [], {}
    for batch, held_out in sorted(by_batch.items()):
        model = train.train([r for r in rows if r["batch"] != batch]) if train else None
        kwargs = {"model": model} if train else {}
        got = [(r, read_reply(r["text"], r["language"], **kwargs)) for r in held_out]
        pairs += got
        per_batch[batch] = figures(got)
    return pairs, per_batch


def time_per_reply_us(texts) -> tuple[float, float]:
    read_reply("warm up")
    samples = []
    for _ in range(REPEATS):
        for text, language in texts:
            start = time.perf_counter_ns()
            read_reply(text, language)
            samples.append((time.perf_counter_ns() - start) / 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95)]


MEMORY_PROBE = """
import resource, sys
sys.path.insert(0, {root!r})
def rss_mb():
    with open('/proc/self/status') as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith('VmRSS')) / 1024
before = rss_mb()
from service.reading import read_reply
for text in ("I want to die", "bien gracias", "my ex said he would kill me", "4", "used again, whatever happens"):
    read_reply(text, "en"); read_reply(text, "es")
print(f"{{rss_mb() - before:.0f}}")
"""


def extra_memory_mb() -> str:
    """What importing the reader and reading in both languages adds to a fresh process."""
    out = subprocess.run([sys.executable, "-c", MEMORY_PROBE.format(root=str(ROOT))],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main(argv: list[str]) -> int:
    show_misses = "--misses" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT_CSV
    rows = load(path)
    batches = sorted({r["batch"] for r in rows})
    print(f"{len(rows)} replies in {len(batches)} batches from"
          f" {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
          f" ({sum(r['language'] == 'es' for r in rows)} Spanish; {sum(r['label'] == 'crisis' for r in rows)} crisis,"
          f" {sum(r['label'] == 'support' for r in rows)} support, {sum(r['label'] == 'calm' for r in rows)} calm)")
    print()

    lobo_pairs, per_batch = leave_one_batch_out(rows)
    print_table("leave-one-batch-out (the honest figures: each batch read by a model that never saw it)",
                per_language(lobo_pairs))
    all_in = [(r, read_reply(r["text"], r["language"])) for r in rows]
    print_table("all in (the shipped model, trained on every batch)", per_language(all_in))

    print("leave-one-batch-out, per batch: crisis recall, precision, support any alert, calm false alerts")
    for batch, figs in per_batch.items():
        cells = []
        for name in ("crisis recall", "crisis precision", "support, any alert", "calm, false alerts"):
            hit, total = figs[name]
            cells.append(f"{hit / total:6.1%}" if total else f"{'-':>6}")
        print(f"  {batch}: " + "  ".join(cells))
    print()

    scored = [(r, g) for r, g in all_in if r["score"] is not None]
    if scored:
        exact = sum(1 for r, g in scored if g.score == r["score"])
        print(f"score exact match      {exact / len(scored):.1%} ({exact}/{len(scored)} rows with a score)")

    if show_misses:
        print("\nmisses, leave-one-batch-out (label -> action):")
        for r, g in lobo_pairs:
            wrong = (r["label"] == "crisis" and not g.crisis) or (r["label"] == "support" and g.action == "none") \
                or (r["label"] == "calm" and g.action != "none") or (r["label"] != "crisis" and g.crisis)
            if wrong:
                print(f"  {r['batch']} [{r['language']}] {r['label']} -> {g.action}: {r['text']!r}")
                print(f"       reasons: {list(g.reasons)}")

    median_us, p95_us = time_per_reply_us([(r["text"], r["language"]) for r in rows])
    long_text = ("Honestly it has been a long week and I am tired but fine. " * 200)[:10_000]
    start = time.perf_counter_ns()
    read_reply(long_text)
    long_ms = (time.perf_counter_ns() - start) / 1e6
    print(f"time per reply         median {median_us:.0f} \u00b5s, 95th percentile {p95_us:.0f} \u00b5s"
          f" ({REPEATS} x {len(rows)} readings)")
    print(f"one 10,000-char reply  {long_ms:.1f} ms")
    print(f"extra memory           {extra_memory_mb()} MB (importing the reader and reading both languages)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
