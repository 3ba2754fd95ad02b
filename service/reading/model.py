"""The learned second opinion: a small logistic regression over `features`, run with numpy.

Two outputs per reply: how like a crisis reply it is, and how like a reply that needed
any alert. `service.reading` lets them only *raise* a reading (to support, to asking
directly, to crisis), never lower one. The weights ship as `model.npz`, written by
`python -m service.reading.train` from tests/data/replies.csv; the thresholds in it were
set on replies the model had not been trained on (see `train.py`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from service.reading.features import features

MODEL_PATH = Path(__file__).with_name("model.npz")


@dataclass(frozen=True)
class Opinion:
    crisis: float  # 0..1
    alert: float   # 0..1


@dataclass(frozen=True, eq=False)
class Model:
    weights: np.ndarray  # (DIMENSIONS, 2): crisis, alert
    bias: np.ndarray     # (2,)
    crisis_at: float     # at or above: crisis
    ask_at: float        # at or above (and below crisis_at): ask directly
    alert_at: float      # at or above: at least a support alert

    def opinion(self, text: str, lang: str, evidence: tuple[str, ...] = ()) -> Opinion:
        """`evidence`: what the rules found (`service.reading.evidence.names`)."""
        idx = features(text, lang, evidence)
        z = self.weights[idx].astype(np.float32).sum(axis=0) / np.sqrt(len(idx)) + self.bias
        p = 1.0 / (1.0 + np.exp(-z))
        return Opinion(float(p[0]), float(p[1]))

    def save(self, path: Path = MODEL_PATH) -> None:
        np.savez_compressed(path, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32),
                            thresholds=np.array([self.crisis_at, self.ask_at, self.alert_at], dtype=np.float32))


@functools.cache
def shipped() -> Model | None:
    """The model in the package, or None if it was never trained (the rules then read alone)."""
    if not MODEL_PATH.exists():
        return None
    with np.load(MODEL_PATH) as data:
        crisis_at, ask_at, alert_at = (float(x) for x in data["thresholds"])
        return Model(data["weights"], data["bias"], crisis_at, ask_at, alert_at)
