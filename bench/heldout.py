"""Read batches that are not in the set, once, with the shipped reader, and print the figures.

Run from the repository root:  python bench/heldout.py /path/to/batches/h*.csv

The batches are in the writers' format (``text,language,label,score``, as
``bench/merge_batches.py`` takes them) and stay out of the repository: a held-out batch is
read once, after the work it measures, and nothing is changed because of what it shows.
The figures are those of ``bench/replies.py``, per language and per batch.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from merge_batches import batch_rows  # noqa: E402
from replies import figures, per_language, print_table, read_reply  # noqa: E402


def main(argv: list[str]) -> int:
    pairs = []
    for path in sorted(Path(p) for p in argv[1:]):
        rows, notes = batch_rows(path)
        for note in notes:
            print(note)
        got = []
        for row in rows:
            row["label"] = "crisis" if row["crisis"] == "1" else "support" if row["wants_support"] == "1" else "calm"
            row["crisis"] = row["crisis"] == "1"
            got.append((row, read_reply(row["text"], row["language"])))
        figs = figures(got)
        print(f"{path.stem}: {len(rows)} replies, crisis recall {_share(figs['crisis recall'])},"
              f" support {_share(figs['support, any alert'])}, calm false alerts {_share(figs['calm, false alerts'])}")
        pairs += got
    if not pairs:
        print("no rows: give the batch files as arguments")
        return 1
    print()
    print_table(f"held out: {len(pairs)} replies read once by the shipped reader", per_language(pairs))
    return 0


def _share(pair: tuple[int, int]) -> str:
    hit, total = pair
    return f"{hit / total:.1%}" if total else "-"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
