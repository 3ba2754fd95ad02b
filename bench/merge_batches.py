"""Merge independently written batches of labelled replies into tests/data/replies.csv.

Run from the repository root:  python bench/merge_batches.py /path/to/batches/b*.csv

Each batch file has the columns ``text,language,label,score`` (label: crisis, support or
calm; score 1-5 or empty), written blind to the lexicon by one writer. A batch is named
after its file ("b07.csv" -> "b07"); merging it again replaces its rows, so the merge can
be re-run as batches arrive. The texts and labels are kept as written, with one exception
that follows from the columns' meaning: a reply that gives a score of 1 or 2 wants
support whatever its label says, because the service opens a support alert for it.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "tests" / "data" / "replies.csv"
COLUMNS = ["text", "language", "score", "wants_support", "crisis", "batch"]
LABELS = {"crisis": ("1", "1"), "support": ("1", "0"), "calm": ("0", "0")}


def batch_rows(path: Path) -> tuple[list[dict], list[str]]:
    """The rows of one batch in the merged columns, and what was refused or changed."""
    notes, rows = [], []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = [f.strip().lower() for f in reader.fieldnames or []]
        if not {"text", "language", "label"} <= set(fields):
            return [], [f"{path.name}: header {reader.fieldnames} lacks text, language, label"]
        for n, raw in enumerate(reader, start=2):
            raw = {(k or "").strip().lower(): (v or "") for k, v in raw.items()}
            text, language = raw["text"].strip(), raw["language"].strip().lower()[:2]
            label, score = raw["label"].strip().lower(), (raw.get("score") or "").strip()
            if not text or language not in ("en", "es") or label not in LABELS:
                notes.append(f"{path.name}:{n}: skipped ({language!r}, {label!r})")
                continue
            if score not in ("", "1", "2", "3", "4", "5"):
                notes.append(f"{path.name}:{n}: score {score!r} dropped")
                score = ""
            wants, crisis = LABELS[label]
            if score in ("1", "2") and wants == "0":
                notes.append(f"{path.name}:{n}: a score of {score} wants support (was {label})")
                wants = "1"
            rows.append({"text": text, "language": language, "score": score,
                         "wants_support": wants, "crisis": crisis, "batch": path.stem})
    return rows, notes


def main(argv: list[str]) -> int:
    with TARGET.open(encoding="utf-8", newline="") as fh:
        existing = list(csv.DictReader(fh))
    for row in existing:
        row.setdefault("batch", "b00")
        row["batch"] = row["batch"] or "b00"
    incoming = [Path(p) for p in argv[1:]]
    names = {p.stem for p in incoming}
    kept = [row for row in existing if row["batch"] not in names]
    for path in sorted(incoming):
        rows, notes = batch_rows(path)
        for note in notes:
            print(note)
        print(f"{path.stem}: {len(rows)} rows ({sum(r['language'] == 'es' for r in rows)} Spanish,"
              f" {sum(r['crisis'] == '1' for r in rows)} crisis)")
        kept += rows
    with TARGET.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: row[k] for k in COLUMNS} for row in kept)
    batches = sorted({row["batch"] for row in kept})
    print(f"{len(kept)} rows in {len(batches)} batches, {sum(r['language'] == 'es' for r in kept)} Spanish")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
