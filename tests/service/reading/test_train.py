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


def test_the_models_support_voice_keeps_a_budget_when_the_rules_spent_the_whole_one():
    labels = ["calm"] * 90 + ["support"] * 10
    scores = np.zeros((100, 2))
    scores[:90, 1] = np.linspace(0.0, 0.9, 90)  # calm replies, some sounding like support
    scores[90:, 1] = 0.95
    rules = np.zeros((100, 2), dtype=bool)
    rules[:18, 1] = True  # the rules alone alert on a fifth of the calm replies
    alert_at = train._thresholds(scores, labels, rules)[2]
    assert alert_at < 0.95  # heard: without a budget of its own it would be 0.99, never
    calm_alerted = (rules[:90, 1] | (scores[:90, 1] >= alert_at)).mean()
    assert calm_alerted <= rules[:90, 1].mean() + train.MODEL_ALERT_BUDGET + 1e-9
