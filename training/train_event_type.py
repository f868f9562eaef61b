"""Train the event-type classifier and write src/ghatnakram/resources/event_type.json.

Usage (from the repository root)::

    python training/train_event_type.py [DATA_DIR] [--folds 5] [--seed 13] [--no-write]

DATA_DIR holds the annotated Hindi incident-news XML files (default:
../shared/data/disaster-events/train next to the repository). Stages:

1. read every document (lxml, recovering from broken markup): its words, its event
   spans and their TYPEs; the first short paragraph is the title;
2. label a document with its main event: the most frequent TYPE, ties to the first event;
3. stratified k-fold cross-validation, near-duplicate documents kept in one fold:
   accuracy and macro-F1 of the classifier alone, then with the rejection;
4. calibrate the rejection ("other"): the two thresholds (trigger mentions, probability)
   with the least expected error on a news stream of which ``INCIDENT_PRIOR`` are
   incidents, measured on the out-of-fold training documents (incidents) and on news
   that is not about incidents (demo samples, seed articles, COVID-19 dev set, minus the
   few incidents listed in ``POOL_INCIDENTS``);
5. train on everything and write the model: float16 weights, vocabulary, trigger words.

Documents are never copied into the repository; the model holds only weights and
word lists. Deterministic for a given seed. Takes about three minutes.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from lxml import etree

from ghatnakram.event_type import (
    EVENT_TYPES,
    MODEL_FILE,
    OTHER,
    EventTypeModel,
    article_features,
    article_mentions,
    softmax,
    trigger_form,
)
from ghatnakram.normalize import normalize_text, word_keys
from ghatnakram.readers import split_headline

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
    "2020-03-01-AU-02": "hailstorm damaging crops",
    "2020-03-01-DH-03": "man falls from an express train and dies",
    "2020-03-10-PK-03": "firing in Gaya, one dead",
}

# Training hyper-parameters.
MIN_DF = 2
MAX_DF = 0.3  # features in more documents are function words and house style, not topic
TOP_FEATURES = 12_000  # by document frequency
L2 = 3e-5
EPOCHS = 400
LEARNING_RATE = 0.05
TRIGGER_MIN_COUNT = 2  # a trigger word marks events of its type at least this often
TRIGGER_MIN_SHARE = 0.2  # ... and at least this share of its occurrences are inside an event span
TRIGGER_SMOOTHING = 2  # added to a word's occurrences: a rare word needs more than one span to count
INCIDENT_PRIOR = 0.1  # share of incident reports assumed in a news stream (most news is not), for calibration
EVIDENCE_GRID = (1, 2, 3, 4)
PROBABILITY_GRID = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4)


@dataclass(frozen=True)
class Document:
    """One annotated article: its text and the TYPE of every event span."""

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


def build_vocabulary(feature_counts: list[Counter], min_df: int, max_df: float, top: int) -> dict[str, int]:
    """The ``top`` features in most documents, in sorted order: in at least ``min_df``
    documents and at most a share ``max_df`` of them."""
    df = Counter()
    for counts in feature_counts:
        df.update(counts.keys())
    most = max_df * len(feature_counts)
    frequent = sorted((f for f, n in df.items() if min_df <= n <= most), key=lambda f: (-df[f], f))
    kept = sorted(frequent[:top])
    return {f: i for i, f in enumerate(kept)}


def vectorise(feature_counts: list[Counter], vocabulary: dict[str, int]) -> np.ndarray:
    """Rows of 1 + log(count), L2-normalised, as EventTypeModel.probabilities reads an article."""
    X = np.zeros((len(feature_counts), len(vocabulary)))
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


def learn_triggers(docs: list[Document]) -> dict[str, frozenset[str]]:
    """Per type, the word keys that mark its events in the annotated spans.

    A word is a trigger of a type when it is inside spans of that type at least
    ``TRIGGER_MIN_COUNT`` times and at least ``TRIGGER_MIN_SHARE`` of all its occurrences
    are inside event spans (this keeps बाढ़, टक्कर and drops में, जिले).
    """
    inside: dict[str, Counter] = defaultdict(Counter)
    in_any_span, total = Counter(), Counter()
    for doc in docs:
        for event_type, keys in doc.triggers:
            words = [trigger_form(k) for k in keys if not k[0].isdigit()]
            inside[event_type].update(words)
            in_any_span.update(words)
        total.update(map(trigger_form, word_keys(normalize_text(doc.title + "\n" + doc.text))))
    triggers = {}
    for event_type in EVENT_TYPES:
        triggers[event_type] = frozenset(
            word
            for word, n in inside[event_type].items()
            if n >= TRIGGER_MIN_COUNT
            and in_any_span[word] >= TRIGGER_MIN_SHARE * (total[word] + TRIGGER_SMOOTHING)
            and (_HAS_DEVANAGARI.search(word) or len(word) >= 3)
        )
    return triggers


def train(docs: list[Document], min_evidence: float = 1, min_probability: float = 0.0) -> EventTypeModel:
    """Fit the classifier and learn the trigger words on ``docs`` (thresholds are set by the caller)."""
    features = [article_features(d.title, d.text) for d in docs]
    vocabulary = build_vocabulary(features, MIN_DF, MAX_DF, TOP_FEATURES)
    X = vectorise(features, vocabulary)
    Y = np.zeros((len(docs), len(EVENT_TYPES)))
    for row, doc in enumerate(docs):
        Y[row, EVENT_TYPES.index(doc.label)] = 1.0
    W, b = fit_logistic(X, Y, L2, EPOCHS, LEARNING_RATE)
    return EventTypeModel(
        types=EVENT_TYPES,
        vocabulary=vocabulary,
        weights=W.astype(np.float16).astype(np.float64),  # as shipped
        bias=b,
        triggers=learn_triggers(docs),
        min_evidence=min_evidence,
        min_probability=min_probability,
    )


# --- evaluation and calibration ---------------------------------------------------


def macro_f1(gold: list[str], predicted: list[str]) -> float:
    """Mean F1 over the gold labels."""
    scores = []
    for label in sorted(set(gold)):
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label != g for g, p in zip(gold, predicted))
        fn = sum(g == label != p for g, p in zip(gold, predicted))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))


@dataclass
class Scored:
    """One article as a model sees it: probability and trigger evidence of every type."""

    key: str
    title: str
    probabilities: np.ndarray
    evidence: np.ndarray

    def decide(self, model: EventTypeModel, min_evidence: float, min_probability: float) -> str:
        thresholds = replace(model, min_evidence=min_evidence, min_probability=min_probability)
        return thresholds.decide(self.probabilities, lambda t: self.evidence[EVENT_TYPES.index(t)])

    @property
    def top(self) -> str:
        return EVENT_TYPES[int(np.argmax(self.probabilities))]


def score(model: EventTypeModel, key: str, title: str, text: str) -> Scored:
    mentions = article_mentions(title, text)
    evidence = np.array([model.evidence(mentions, t) for t in EVENT_TYPES], dtype=float)
    return Scored(key, title, model.probabilities(article_features(title, text)), evidence)


def cross_validate(docs: list[Document], k: int, seed: int) -> list[Scored]:
    """Out-of-fold scores of every document (stratified folds, near-duplicates kept together)."""
    folds = stratified_group_folds([d.label for d in docs], duplicate_groups(docs), k, seed)
    out: list[Scored | None] = [None] * len(docs)
    for fold in range(k):
        model = train([d for d, f in zip(docs, folds) if f != fold])
        for i, (doc, f) in enumerate(zip(docs, folds)):
            if f == fold:
                out[i] = score(model, doc.name, doc.title, doc.text)
    return out  # type: ignore[return-value]


def negative_pool() -> dict[str, list[tuple[str, str, str]]]:
    """News that is (nearly all) not about incidents, as (id, title, text) by source."""
    pool: dict[str, list[tuple[str, str, str]]] = {}
    for name, path in (("demo samples", SAMPLES_FILE), ("seeds", SEEDS_DIR), ("events-dev", DEV_FILE)):
        if path.is_dir():
            pool[name] = [(p.stem, *split_headline(p.read_text(encoding="utf-8"))) for p in sorted(path.glob("*.txt"))]
        elif path.exists():
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            pool[name] = [(r["id"], r.get("title") or "", r["text"]) for r in rows]
        else:
            print(f"warning: {path} not found; calibrating without it", file=sys.stderr)
    return pool


def calibrate(model: EventTypeModel, incidents: list[Scored], others: list[Scored]) -> list[tuple[float, float, float, float, float]]:
    """Every threshold pair scored by its expected error on a news stream with ``INCIDENT_PRIOR`` incidents.

    Error = prior × (share of incidents called other) + (1 − prior) × (share of other news
    given a type). Returns (error, min_evidence, min_probability, missed, false), best
    first; ties go to the stricter thresholds.
    """
    table = []
    for min_evidence in EVIDENCE_GRID:
        for min_probability in PROBABILITY_GRID:
            missed = float(np.mean([s.decide(model, min_evidence, min_probability) == OTHER for s in incidents]))
            false = float(np.mean([s.decide(model, min_evidence, min_probability) != OTHER for s in others]))
            error = INCIDENT_PRIOR * missed + (1 - INCIDENT_PRIOR) * false
            table.append((round(error, 6), min_evidence, min_probability, missed, false))
    return sorted(table, key=lambda row: (row[0], -row[1], -row[2]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="train_event_type.py",
        description="Train the event-type classifier on the annotated Hindi incident corpus and write the model.",
    )
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA, help=f"folder of annotated XML files (default: {DEFAULT_DATA})")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (default: 5)")
    parser.add_argument("--seed", type=int, default=13, help="seed of the fold assignment (default: 13)")
    parser.add_argument("--out", type=Path, default=OUT_FILE, help=f"model file to write (default: {OUT_FILE})")
    parser.add_argument("--no-write", action="store_true", help="evaluate and calibrate only; write nothing")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"data folder {args.data} not found; pass the folder of annotated XML files")
    if args.folds < 2:
        parser.error(f"--folds {args.folds}: need at least 2")

    started = time.time()
    docs = read_corpus(args.data)
    labels = Counter(d.label for d in docs)
    print(f"documents: {len(docs)} with events; main-event labels: {len(labels)} of {len(EVENT_TYPES)} types")
    print("  " + ", ".join(f"{t} {n}" for t, n in labels.most_common()))

    oof = cross_validate(docs, args.folds, args.seed)
    gold = [d.label for d in docs]
    top = [s.top for s in oof]
    print(f"{args.folds}-fold CV (seed {args.seed}), classifier alone: "
          f"accuracy {_accuracy(gold, top):.3f}, macro-F1 {macro_f1(gold, top):.3f}")

    model = train(docs)
    pool = {name: [score(model, *item) for item in items] for name, items in negative_pool().items()}
    others = [s for scored in pool.values() for s in scored if s.key not in POOL_INCIDENTS]
    table = calibrate(model, oof, others)
    for error, evidence, probability, missed, false in table[:5]:
        print(f"  min_evidence {evidence}, min_probability {probability:.2f}: expected error {error:.4f} "
              f"(incidents called other {missed:.3f}, other news given a type {false:.3f})")
    _, min_evidence, min_probability, missed, false = table[0]
    model = replace(model, min_evidence=min_evidence, min_probability=min_probability)
    decided = [s.decide(model, min_evidence, min_probability) for s in oof]
    print(f"rejection: min_evidence {min_evidence}, min_probability {min_probability} "
          f"(incidents called other {missed:.3f}, other news given a type {false:.3f})")
    print(f"  CV with rejection: accuracy {_accuracy(gold, decided):.3f}, macro-F1 {macro_f1(gold, decided):.3f}")
    for name, scored in pool.items():
        _report_pool(name, scored, model)

    if not args.no_write:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(model.to_json(), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(model.vocabulary)} features, "
              f"{sum(map(len, model.triggers.values()))} trigger words)")
    print(f"done in {time.time() - started:.0f}s")
    return 0


def _report_pool(name: str, scored: list[Scored], model: EventTypeModel) -> None:
    """How many articles of one calibration source got a type; each of them, and each incident missed."""
    decided = {s.key: s.decide(model, model.min_evidence, model.min_probability) for s in scored}
    typed = {key for key, event_type in decided.items() if event_type != OTHER}
    print(f"  {name}: {len(typed)}/{len(scored)} ({len(typed) / max(len(scored), 1):.1%}) given a type")
    for s in scored:
        if s.key in POOL_INCIDENTS:
            note = ("incident: " if s.key in typed else "MISSED incident: ") + POOL_INCIDENTS[s.key]
        elif s.key in typed:
            note = "FALSE: read by hand as other"
        else:
            continue
        print(f"    {s.key} {decided[s.key]} [{note}] {s.title[:70]}")


def _accuracy(gold: list[str], predicted: list[str]) -> float:
    return float(np.mean([g == p for g, p in zip(gold, predicted)]))


if __name__ == "__main__":
    sys.exit(main())
