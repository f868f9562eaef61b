"""Train the event-type classifier and write src/ghatnakram/resources/event_type.json.

Usage (from the repository root)::

    python training/train_event_type.py [DATA_DIR] [--folds 5] [--seed 13] [--no-write]

DATA_DIR holds the annotated Hindi incident-news XML files (default:
../shared/data/disaster-events/train relative to the repository root). Stages:

1. read every document: its words, its event spans and their TYPEs;
2. label a document with its main event: the most frequent TYPE, ties to the first event;
3. stratified 5-fold cross-validation (near-duplicate documents kept in one fold):
   accuracy and macro-F1 of the classifier alone;
4. calibrate the rejection ("other"): out-of-fold evidence of the training documents
   against news that is not about incidents (the demo samples, the seed articles and the
   COVID-19 dev set, minus the few that are incidents, listed below);
5. train on everything and write the model (weights as float16, vocabulary, trigger words).

Documents are never copied into the repository; the model holds only weights and
word statistics. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from lxml import etree

from ghatnakram.event_type import (
    EVENT_TYPES,
    MAX_COUNT,
    MODEL_FILE,
    OTHER,
    EventTypeModel,
    article_features,
    softmax,
    trigger_counts,
)
from ghatnakram.normalize import normalize_text, word_keys

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "disaster-events" / "train"
DEV_FILE = REPO.parent / "shared" / "data" / "events-dev" / "dev.jsonl"
SAMPLES_FILE = REPO / "src" / "ghatnakram" / "demo" / "samples.jsonl"
SEEDS_DIR = REPO / "tests" / "fixtures" / "seeds"
OUT_FILE = REPO / "src" / "ghatnakram" / "resources" / MODEL_FILE

EVENT_TAGS = {"MAN_MADE_EVENT", "NATURAL_EVENT"}
TITLE_MAX_WORDS = 30

# Negative pool for calibration: articles read by hand that ARE incidents of one of the 28
# types are left out of it (id → why). Everything else in the pool is "other".
POOL_INCIDENTS = {
    "sample-019": "passenger train derailment",
    "sample-020": "passenger train derailment",
    "sample-021": "train derailment eyewitnesses",
    "sample-022": "derailment inquiry",
    "sample-023": "derailment inquiry",
    "sample-024": "derailment inquiry",
    "sample-027": "heat wave",
    "sample-028": "derailment inquiry report",
    "sample-029": "derailment inquiry report",
    "sample-033": "heavy rain red alert",
    "sample-034": "heavy rain red alert",
    "sample-035": "floods",
    "sample-036": "floods",
    "sample-037": "floods",
    "sample-038": "floods",
    "sample-039": "floods",
    "sample-040": "floods",
    "sample-041": "flood relief package",
    "sample-042": "flood compensation",
    "sample-043": "floods",
    "sample-044": "floods",
}

# Training hyper-parameters.
MIN_DF = 2
L2 = 1e-3
EPOCHS = 300
LEARNING_RATE = 0.05
TRIGGER_MIN_COUNT = 2
TRIGGER_MIN_WEIGHT = 0.15
TRIGGER_SMOOTHING = 2.0


@dataclass(frozen=True)
class Document:
    name: str
    title: str
    text: str
    types: tuple[str, ...]  # TYPE of every event span, in document order
    triggers: tuple[tuple[str, tuple[str, ...]], ...]  # (TYPE, word keys of the span)

    @property
    def label(self) -> str:
        return main_type(self.types)


def main_type(types: tuple[str, ...]) -> str:
    """The most frequent event type; a tie goes to the type whose first event comes first."""
    counts = Counter(types)
    best = max(counts.values())
    return next(t for t in types if counts[t] == best)


# --- reading -------------------------------------------------------------------

_HAS_DEVANAGARI = re.compile("[\u0900-\u097f]")


def read_document(path: Path) -> Document | None:
    """One annotated XML file (any name or suffix); None when it has no event span."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, huge_tree=True)
    root = etree.fromstring(path.read_bytes(), parser=parser)
    if root is None:
        return None
    paragraphs = []
    for p in root.iter("P"):
        words = [w.text.strip() for w in p.iter("W") if w.text and w.text.strip()]
        line = " ".join(words)
        if _HAS_DEVANAGARI.search(line):  # drops the file-name paragraphs
            paragraphs.append(line)
    types, triggers = [], []
    for element in root.iter(*EVENT_TAGS):
        event_type = (element.get("TYPE") or "").strip().upper()
        if event_type not in EVENT_TYPES:
            continue
        types.append(event_type)
        span = " ".join(w.text for w in element.iter("W") if w.text)
        triggers.append((event_type, tuple(word_keys(normalize_text(span)))))
    if not types or not paragraphs:
        return None
    first = paragraphs[0]
    if len(first.split()) <= TITLE_MAX_WORDS and len(paragraphs) > 1:
        title, body = first, "\n".join(paragraphs[1:])
    else:
        title, body = "", "\n".join(paragraphs)
    return Document(path.name, title, body, tuple(types), tuple(triggers))


def read_corpus(folder: Path) -> list[Document]:
    docs = []
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        doc = read_document(path)
        if doc is not None:
            docs.append(doc)
    return docs


def duplicate_groups(docs: list[Document], threshold: float = 0.7) -> list[int]:
    """A group id per document; documents whose word sets overlap ≥ ``threshold`` (Jaccard) share one."""
    sets = [set(word_keys(d.title + " " + d.text)) for d in docs]
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            a, b = sets[i], sets[j]
            if len(a & b) >= threshold * len(a | b):
                parent[find(j)] = find(i)
    return [find(i) for i in range(len(docs))]


def stratified_group_folds(labels: list[str], groups: list[int], k: int, seed: int) -> list[int]:
    """A fold number per document: groups dealt out label by label, in seeded random order."""
    rng = np.random.default_rng(seed)
    group_label: dict[int, str] = {}
    for label, group in zip(labels, groups):
        group_label.setdefault(group, label)
    by_label: dict[str, list[int]] = defaultdict(list)
    for group, label in sorted(group_label.items()):
        by_label[label].append(group)
    fold_of_group, next_fold = {}, 0
    for label in sorted(by_label):
        members = by_label[label]
        for index in rng.permutation(len(members)):
            fold_of_group[members[index]] = next_fold % k
            next_fold += 1
    return [fold_of_group[g] for g in groups]


# --- features and model --------------------------------------------------------


def build_vocabulary(feature_counts: list[Counter], min_df: int) -> dict[str, int]:
    df = Counter()
    for counts in feature_counts:
        df.update(counts.keys())
    kept = sorted(f for f, n in df.items() if n >= min_df)
    return {f: i for i, f in enumerate(kept)}


def vectorise(feature_counts: list[Counter], vocabulary: dict[str, int]) -> np.ndarray:
    """Rows of 1 + log(count), L2-normalised (as EventTypeModel.scores does)."""
    X = np.zeros((len(feature_counts), len(vocabulary)), dtype=np.float32)
    for i, counts in enumerate(feature_counts):
        for feature, count in counts.items():
            j = vocabulary.get(feature)
            if j is not None:
                X[i, j] = 1.0 + np.log(count)
        norm = np.linalg.norm(X[i])
        if norm:
            X[i] /= norm
    return X


def fit_logistic(X: np.ndarray, Y: np.ndarray, l2: float, epochs: int, lr: float) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, full-batch Adam on mean cross-entropy + l2/2·|W|²."""
    n, d = X.shape
    W = np.zeros((d, Y.shape[1]), dtype=np.float64)
    b = np.zeros(Y.shape[1])
    m = [np.zeros_like(W), np.zeros_like(b)]
    v = [np.zeros_like(W), np.zeros_like(b)]
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        P = softmax(X @ W + b)
        G = (P - Y) / n
        grads = [X.T @ G + l2 * W, G.sum(axis=0)]
        for k, (param, grad) in enumerate(zip((W, b), grads)):
            m[k] = beta1 * m[k] + (1 - beta1) * grad
            v[k] = beta2 * v[k] + (1 - beta2) * grad * grad
            param -= lr * (m[k] / (1 - beta1**step)) / (np.sqrt(v[k] / (1 - beta2**step)) + eps)
    return W, b


def learn_triggers(docs: list[Document]) -> dict[str, dict[str, float]]:
    """Per type, word keys that mark its events: weight = share of the word's occurrences inside a span of that type."""
    inside: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for event_type, keys in doc.triggers:
            inside[event_type].update(k for k in keys if not k[0].isdigit())
    total = Counter()
    for doc in docs:
        total.update(word_keys(doc.title + "\n" + doc.text))
    triggers = {}
    for event_type in sorted(inside):
        words = {}
        for word, n in inside[event_type].items():
            weight = n / (total[word] + TRIGGER_SMOOTHING)
            if n >= TRIGGER_MIN_COUNT and weight >= TRIGGER_MIN_WEIGHT:
                words[word] = round(min(weight, 1.0), 3)
        triggers[event_type] = dict(sorted(words.items(), key=lambda kv: -kv[1]))
    return triggers


def train(docs: list[Document], types: tuple[str, ...], min_evidence: float = 0.0, min_probability: float = 0.0) -> EventTypeModel:
    features = [article_features(d.title, d.text) for d in docs]
    vocabulary = build_vocabulary(features, MIN_DF)
    X = vectorise(features, vocabulary)
    Y = np.zeros((len(docs), len(types)))
    index = {t: i for i, t in enumerate(types)}
    for row, doc in enumerate(docs):
        Y[row, index[doc.label]] = 1.0
    W, b = fit_logistic(X, Y, L2, EPOCHS, LEARNING_RATE)
    return EventTypeModel(
        types=types,
        vocabulary=vocabulary,
        weights=W.astype(np.float16).astype(np.float64),
        bias=b,
        triggers=learn_triggers(docs),
        min_evidence=min_evidence,
        min_probability=min_probability,
    )


# --- evaluation ----------------------------------------------------------------


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    labels = sorted(set(gold))
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


@dataclass
class Scored:
    """One article as the rejection sees it: best type, its probability and its evidence."""

    key: str
    top: str
    probability: float
    evidence: float


def score(model: EventTypeModel, key: str, title: str, text: str) -> Scored:
    probs = model.probabilities(article_features(title, text))
    best = int(np.argmax(probs))
    evidence = model.evidence(trigger_counts(title, text), model.types[best])
    return Scored(key, model.types[best], float(probs[best]), evidence)


def cross_validate(docs: list[Document], types: tuple[str, ...], k: int, seed: int) -> list[Scored]:
    labels = [d.label for d in docs]
    folds = stratified_group_folds(labels, duplicate_groups(docs), k, seed)
    out: list[Scored | None] = [None] * len(docs)
    for fold in range(k):
        train_docs = [d for d, f in zip(docs, folds) if f != fold]
        model = train(train_docs, types)
        for i, (doc, f) in enumerate(zip(docs, folds)):
            if f == fold:
                out[i] = score(model, doc.name, doc.title, doc.text)
    return out  # type: ignore[return-value]


def negative_pool() -> dict[str, list[tuple[str, str, str]]]:
    """Articles that are (nearly all) not incidents: (id, title, text) by source."""
    pool: dict[str, list[tuple[str, str, str]]] = {}
    for name, path in (("samples", SAMPLES_FILE), ("dev", DEV_FILE)):
        if path.exists():
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            pool[name] = [(r["id"], r.get("title") or "", r["text"]) for r in rows]
    if SEEDS_DIR.exists():
        pool["seeds"] = []
        for path in sorted(SEEDS_DIR.glob("*.txt")):
            lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            pool["seeds"].append((path.stem, lines[0] if len(lines[0]) < 200 else lines[-1], "\n".join(lines)))
    return pool


def accepted(s: Scored, min_evidence: float, min_probability: float) -> bool:
    return s.evidence >= min_evidence and s.probability >= min_probability


def calibrate(oof: list[Scored], negatives: list[Scored]) -> tuple[float, float]:
    """Thresholds minimising the balanced error: rejected incidents + accepted non-incidents, each as a share."""
    best = None
    for min_evidence in np.arange(0.0, 6.01, 0.1):
        for min_probability in np.arange(0.0, 0.61, 0.05):
            missed = np.mean([not accepted(s, min_evidence, min_probability) for s in oof])
            false = np.mean([accepted(s, min_evidence, min_probability) for s in negatives])
            cost = (missed + false, -min_evidence, -min_probability)
            if best is None or cost < best[0]:
                best = (cost, round(float(min_evidence), 2), round(float(min_probability), 2))
    return best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help=f"annotated XML folder (default: {DEFAULT_DATA})")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default: 5)")
    parser.add_argument("--seed", type=int, default=13, help="random seed for the folds (default: 13)")
    parser.add_argument("--out", type=Path, default=OUT_FILE, help=f"model file to write (default: {OUT_FILE})")
    parser.add_argument("--no-write", action="store_true", help="evaluate only; do not write the model")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"data folder {args.data} not found; pass the folder of annotated XML files")

    started = time.time()
    docs = read_corpus(args.data)
    labels = Counter(d.label for d in docs)
    print(f"documents: {len(docs)} with events; main-event labels: {len(labels)} types")
    print("  " + ", ".join(f"{t} {n}" for t, n in labels.most_common()))

    oof = cross_validate(docs, EVENT_TYPES, args.folds, args.seed)
    gold = [d.label for d in docs]
    predicted = [s.top for s in oof]
    accuracy = float(np.mean([g == p for g, p in zip(gold, predicted)]))
    print(f"{args.folds}-fold CV (seed {args.seed}), classifier alone: accuracy {accuracy:.3f}, macro-F1 {macro_f1(gold, predicted):.3f}")

    pool = negative_pool()
    full = train(docs, EVENT_TYPES)
    scored_pool = {name: [score(full, *item) for item in items] for name, items in pool.items()}
    negatives = [s for items in scored_pool.values() for s in items if s.key not in POOL_INCIDENTS]
    min_evidence, min_probability = calibrate(oof, negatives)
    print(f"rejection: min_evidence {min_evidence}, min_probability {min_probability}")
    kept = [accepted(s, min_evidence, min_probability) for s in oof]
    with_rejection = [s.top if k else OTHER for s, k in zip(oof, kept)]
    accuracy_r = float(np.mean([g == p for g, p in zip(gold, with_rejection)]))
    print(f"  CV with rejection: accuracy {accuracy_r:.3f}, macro-F1 {macro_f1(gold, with_rejection):.3f}, "
          f"incidents called other {1 - np.mean(kept):.3f}")
    for name, items in scored_pool.items():
        flagged = [s for s in items if accepted(s, min_evidence, min_probability)]
        print(f"  {name}: {len(flagged)}/{len(items)} labelled non-other")
        for s in flagged:
            mark = "" if s.key in POOL_INCIDENTS else "  (pool: other)"
            print(f"    {s.key} {s.top} p={s.probability:.2f} evidence={s.evidence:.1f}{mark}")

    model = EventTypeModel(**{**full.__dict__, "min_evidence": min_evidence, "min_probability": min_probability})
    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(model.vocabulary)} features)")
    print(f"done in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
