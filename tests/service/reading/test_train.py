"""Training the learned second opinion: deterministic, and its thresholds leave room for the rules."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from service.reading import train

CSV_PATH = Path(__file__).resolve().parents[2] / "data" / "replies.csv"


def _rows() -> list[dict]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["batch"] in ("b01", "b02", "b03")]
    return rows[::8]  # every kind of reply, from three batches


def test_the_same_rows_give_the_same_model():
    rows = _rows()
    a, b = train.train(rows), train.train(list(rows))
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias)
    assert (a.crisis_at, a.ask_at, a.alert_at) == (b.crisis_at, b.ask_at, b.alert_at)


def test_thresholds_count_the_rules_calls_against_the_targets():
    labels = ["calm"] * 90 + ["support"] * 10
    scores = np.zeros((100, 2))
    scores[:, 1] = np.linspace(0.0, 1.0, 100)
    quiet = np.zeros((100, 2), dtype=bool)
    busy = quiet.copy()
    busy[:9, 1] = True  # the rules already alert on 10% of the calm replies
    alone = train._thresholds(scores, labels, quiet)[2]
    together = train._thresholds(scores, labels, busy)[2]
    assert together > alone  # the model gets only what the rules leave of the budget
