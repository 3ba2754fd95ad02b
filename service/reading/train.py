"""Train the learned second opinion on the labelled replies and write `model.npz`.

    python -m service.reading.train [tests/data/replies.csv]

A logistic regression (two outputs: crisis; any alert) over the hashed features of
`service.reading.features`, fitted by full-batch gradient descent with numpy alone:
no random start, no shuffling, so the same rows give the same weights. Classes are
weighted so a rare crisis counts as much as the many calm replies.

The thresholds are set on replies the model was not trained on: the batches are split
into three groups, a model is trained on two and scores the third, and each threshold
is the one those held-out scores meet a target with (crisis precision and recall,
false alerts on calm replies). `bench/replies.py` calls `train` once per left-out batch.
"""

from __future__ import annotations

import csv
import functools
import sys
from pathlib import Path

import numpy as np

from service.reading.features import DIMENSIONS, features
from service.reading.model import MODEL_PATH, Model

EPOCHS = 120
STEP = 0.5
L2 = 1e-4
# Targets the thresholds are set for, on held-out batches.
CRISIS_PRECISION = 0.86   # a model-only crisis must usually be one
CALM_FALSE_ALERTS = 0.04  # the model's own share of calm replies it sends to a person
ASK_CALM_FALSE_ALERTS = 0.015  # the calm replies asked "are you safe?" below the crisis threshold


def _label(row: dict) -> str:
    if "label" in row:
        return row["label"]
    return "crisis" if row["crisis"] in ("1", True) else "support" if row["wants_support"] in ("1", True) else "calm"


@functools.lru_cache(maxsize=32768)
def _features(text: str, lang: str) -> tuple[int, ...]:
    return tuple(features(text, lang))  # each row is fitted many times over in leave-one-batch-out


def _matrix(rows) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR-like (indptr, indices, scale per row) of the rows' features."""
    lists = [_features(r["text"], r["language"]) for r in rows]
    indptr = np.zeros(len(lists) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(x) for x in lists])
    indices = np.fromiter((i for x in lists for i in x), dtype=np.int64, count=int(indptr[-1]))
    scale = 1.0 / np.sqrt(np.diff(indptr).astype(np.float64))
    return indptr, indices, scale


def _fit(matrix, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    indptr, indices, scale = matrix
    n, k = targets.shape
    row_of = np.repeat(np.arange(n), np.diff(indptr))
    pos = targets.sum(axis=0)
    # balanced class weights, per output
    weight = np.where(targets == 1, n / (2 * np.maximum(pos, 1)), n / (2 * np.maximum(n - pos, 1)))
    w = np.zeros((DIMENSIONS, k))
    b = np.zeros(k)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for epoch in range(1, EPOCHS + 1):
        z = np.add.reduceat(w[indices], indptr[:-1], axis=0) * scale[:, None] + b
        p = 1.0 / (1.0 + np.exp(-z))
        r = (p - targets) * weight / n                      # (n, k)
        contrib = r[row_of] * scale[row_of, None]            # (nnz, k)
        grad = np.zeros_like(w)
        for j in range(k):
            grad[:, j] = np.bincount(indices, weights=contrib[:, j], minlength=DIMENSIONS)
        grad += L2 * w
        b -= STEP * r.sum(axis=0)
        # Adam, so rare n-grams move as fast as common ones
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad * grad
        w -= STEP * 0.1 * (m / (1 - 0.9 ** epoch)) / (np.sqrt(v / (1 - 0.999 ** epoch)) + 1e-8)
    return w.astype(np.float32), b.astype(np.float32)


def _scores(w, b, matrix) -> np.ndarray:
    indptr, indices, scale = matrix
    z = np.add.reduceat(w[indices].astype(np.float64), indptr[:-1], axis=0) * scale[:, None] + b
    return 1.0 / (1.0 + np.exp(-z))


def _thresholds(scores: np.ndarray, labels: list[str]) -> tuple[float, float, float]:
    labels_arr = np.array(labels)
    crisis, calm = labels_arr == "crisis", labels_arr == "calm"
    grid = np.linspace(0.05, 0.99, 95)
    crisis_at = 0.99
    for t in grid:  # the lowest threshold whose crisis calls are still mostly right
        called = scores[:, 0] >= t
        if called.sum() and (called & crisis).sum() / called.sum() >= CRISIS_PRECISION:
            crisis_at = float(t)
            break
    in_band = lambda t: ((scores[calm, 0] >= t) & (scores[calm, 0] < crisis_at)).mean()  # noqa: E731
    ask_at = next((float(t) for t in grid if t < crisis_at and in_band(t) <= ASK_CALM_FALSE_ALERTS), crisis_at)
    alert_at = next((float(t) for t in grid if (scores[calm, 1] >= t).mean() <= CALM_FALSE_ALERTS), 0.99)
    return crisis_at, min(ask_at, crisis_at), alert_at


def train(rows, folds: int = 3) -> Model:
    """A model trained on `rows` (dicts with text, language and a label or the csv flags)."""
    rows = list(rows)
    labels = [_label(r) for r in rows]
    targets = np.array([[lab == "crisis", lab != "calm"] for lab in labels], dtype=np.float64)
    batches = sorted({r.get("batch") or "b00" for r in rows})
    held = np.zeros((len(rows), 2))
    for f in range(folds):  # scores each row by a model that did not see its batch
        out = {b for i, b in enumerate(batches) if i % folds == f}
        test = [i for i, r in enumerate(rows) if (r.get("batch") or "b00") in out]
        fit = [i for i, r in enumerate(rows) if (r.get("batch") or "b00") not in out]
        if not test or not fit:
            continue
        w, b = _fit(_matrix([rows[i] for i in fit]), targets[fit])
        held[test] = _scores(w, b, _matrix([rows[i] for i in test]))
    crisis_at, ask_at, alert_at = _thresholds(held, labels)
    w, b = _fit(_matrix(rows), targets)
    return Model(w, b, crisis_at, ask_at, alert_at)


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2] / "tests" / "data" / "replies.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    model = train(rows)
    model.save(MODEL_PATH)
    print(f"trained on {len(rows)} replies; crisis at {model.crisis_at:.2f}, ask at {model.ask_at:.2f},"
          f" alert at {model.alert_at:.2f}; wrote {MODEL_PATH.name} ({MODEL_PATH.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
