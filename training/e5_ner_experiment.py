"""EXPERIMENT (not shipped): does a contextual multilingual-e5-small word vector lift the CRF NER?

Reads the word vectors that ``training/e5_context.py encode`` cached (npz, one row per IL-NER
word, layers 4/8/12) and trains variants of the project's CRF exactly as
``training/train_ner.py --select`` does (TRAIN only, same features, masking, name lists,
joined-hyphen copies, c1/c2 = ``CHOSEN``), scoring DEV and TEST with
:func:`ghatnakram.ner.score_sentences` (what ``ghatnakram eval-ner`` uses):

    base        the existing CRF (no contextual features)
    dense       + the word's contextual vector, PCA-whitened to --dims, as float attributes
    kmeans      + k-means cluster ids of the contextual vector (--clusters, comma-separated k)
    softmax     no CRF: a multinomial logistic head on the contextual vectors alone
    mlp         no CRF: a one-hidden-layer MLP on the vectors of the word and its two neighbours
    stack       + the MLP's label probabilities as float attributes (cross-fitted on TRAIN)

    python training/e5_ner_experiment.py base dense --layers 8 --dims 64
    python training/e5_ner_experiment.py softmax --layers 8 12

``--train-dev`` trains on TRAIN+DEV (like the shipped model) and scores TEST only; ``--cv 3``
cross-validates over TRAIN+DEV with the folds of ``train_ner.py --cv``.

Measured (micro F1 over PER/LOC/ORG, exact spans; vectors = mean of the word's pieces):

    variant                               TRAIN→dev  TRAIN→test  TRAIN+DEV→test  3-fold CV
    base (the existing CRF)                 0.737      0.762        0.775         0.762
    dense, layer 8, PCA 64                  0.743      0.780        0.781         0.772
    dense, layers 4+8, PCA 128              0.740      0.780
    kmeans ids (64/256/1024), layer 8       0.731      0.773
    stack (MLP probabilities), layers 4+8+12  0.747    0.776
    softmax alone, layer 4 / 8 / 12         0.608 / 0.656 / 0.552 (dev), 0.602 / 0.670 / 0.549 (test)
    MLP alone, window ±1, layers 4+8+12     0.638      0.687

The contextual vectors lift PER (CV 0.766 → 0.810) and nothing else (LOC 0.849 → 0.850,
ORG 0.606 → 0.605): about +0.01 micro, far from 0.85. The encoder runs at ~500 words/s
on one core (``e5_context.py speed``), 200 times short of 100,000 words/s.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_ner  # noqa: E402
from ghatnakram.ner import (  # noqa: E402
    ENTITY_TYPES,
    FeatureExtractor,
    WordClusters,
    format_scores,
    repair_tags,
    score_sentences,
)

Sentence = list[tuple[str, str]]


# --- vectors -------------------------------------------------------------------------------


def load_vectors(folder: Path, split: str, sentences: list[Sentence], layers: tuple[int, ...]) -> list[np.ndarray]:
    """Per sentence (words, dims): the cached vectors of ``layers``, concatenated."""
    cached = np.load(folder / f"{split}.npz")
    stored = [int(n) for n in cached["layers"]]
    picks = [stored.index(n) for n in layers]
    lengths = cached["lengths"]
    if len(lengths) != len(sentences) or any(int(n) != len(s) for n, s in zip(lengths, sentences)):
        raise SystemExit(f"{folder}/{split}.npz does not match the IL-NER {split} split; run e5_context.py encode again")
    flat = cached["vectors"][:, picks].astype(np.float32).reshape(len(cached["vectors"]), -1)
    return np.split(flat, np.cumsum(lengths)[:-1])


def joined_vectors(original: Sentence, joined: Sentence, vectors: np.ndarray) -> np.ndarray:
    """Vectors of a joined-hyphen copy: "A-B" gets the mean of the vectors of "A", "-", "B"."""
    out, i = [], 0
    for token, _ in joined:
        width = 1 if token == original[i][0] else 3
        out.append(vectors[i : i + width].mean(axis=0))
        i += width
    return np.stack(out)


def training_set(train: list[Sentence], vectors: list[np.ndarray]) -> tuple[list[Sentence], list[np.ndarray]]:
    """What train_ner.py trains on (span edges trimmed, joined-hyphen copies added), with vectors."""
    trimmed = [train_ner.trim_span_edges(s) for s in train]
    sentences, matched = list(trimmed), list(vectors)
    for sentence, vector in zip(trimmed, vectors):
        joined = train_ner.join_spaced_hyphens(sentence)
        if joined is not None:
            sentences.append(joined)
            matched.append(joined_vectors(sentence, joined, vector))
    return sentences, matched


class Whitener:
    """PCA to ``dims`` components, scaled to unit variance, fitted on training words."""

    def __init__(self, sample: np.ndarray, dims: int):
        self.mean = sample.mean(axis=0)
        _, singular, rows = np.linalg.svd(sample - self.mean, full_matrices=False)
        self.basis = rows[:dims].T / (singular[:dims] / np.sqrt(len(sample)))[None, :]

    def __call__(self, vectors: np.ndarray) -> np.ndarray:
        return (vectors - self.mean) @ self.basis


def kmeans(points: np.ndarray, k: int, seed: int = 13, rounds: int = 25) -> np.ndarray:
    """k-means centres (Lloyd's algorithm from k random points)."""
    rng = np.random.default_rng(seed)
    centres = points[rng.choice(len(points), k, replace=False)].copy()
    for _ in range(rounds):
        nearest = nearest_centre(points, centres)
        for c in range(k):
            members = points[nearest == c]
            if len(members):
                centres[c] = members.mean(axis=0)
    return centres


def nearest_centre(points: np.ndarray, centres: np.ndarray) -> np.ndarray:
    out = np.empty(len(points), dtype=np.int64)
    squared = (centres * centres).sum(axis=1)
    for at in range(0, len(points), 20000):
        chunk = points[at : at + 20000]
        out[at : at + 20000] = np.argmin(squared[None, :] - 2 * chunk @ centres.T, axis=1)
    return out


# --- features --------------------------------------------------------------------------------


class ContextFeatures:
    """Float attributes ``e<i>`` (whitened PCA) and/or cluster ids ``k<k>=<id>`` of a word's vector."""

    def __init__(self, train_vectors: list[np.ndarray], dims: int, cluster_sizes: tuple[int, ...], seed: int = 13):
        flat = np.concatenate(train_vectors)
        rng = np.random.default_rng(seed)
        sample = flat[rng.choice(len(flat), min(len(flat), 60000), replace=False)]
        self.dims = dims
        self.whiten = Whitener(sample, max(dims, 64))
        reduced = self.whiten(sample)
        self.centres = {k: kmeans(reduced, k, seed) for k in cluster_sizes}
        self.names = [f"e{i}" for i in range(dims)]

    def of(self, vectors: np.ndarray) -> list[dict[str, float]]:
        reduced = self.whiten(vectors)
        rows: list[dict[str, float]] = [{} for _ in range(len(vectors))]
        if self.dims:
            for row, values in zip(rows, reduced[:, : self.dims].tolist()):
                row.update(zip(self.names, values))
        for k, centres in self.centres.items():
            for row, c in zip(rows, nearest_centre(reduced, centres).tolist()):
                row[f"k{k}={c}"] = 1.0
        return rows


def with_context(features: list[list[bytes]], context: list[dict[str, float]]) -> list[dict[str, float]]:
    out = []
    for feats, extra in zip(features, context):
        item = {name.decode(): float(n) for name, n in Counter(feats).items()}
        item.update(extra)
        out.append(item)
    return out


class ContextTagger:
    """The project's CRF tagging plus contextual attributes; ``tag`` and ``tag_sentences`` as :class:`ghatnakram.ner.Tagger`."""

    def __init__(self, model_path: str, gazetteer, clusters, context: ContextFeatures | None,
                 vectors: dict[tuple[str, ...], np.ndarray]):
        import pycrfsuite

        self.crf = pycrfsuite.Tagger()
        self.crf.open(model_path)
        known = frozenset(a for a, _ in self.crf.info().state_features)
        self.features = FeatureExtractor(gazetteer, known, clusters=clusters)
        self.context, self.vectors = context, vectors

    def tag(self, tokens: list[str]) -> list[str]:
        if not tokens:
            return []
        feats = self.features.sentence_features(tokens)
        if self.context is not None:
            feats = with_context(feats, self.context.of(self.vectors[tuple(tokens)]))
        tags = self.crf.tag(feats)
        return repair_tags(tags, [self.features.view(t).facts for t in tokens])

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        return [self.tag(tokens) for tokens in sentences]


def train_crf(xs, ys, folder: str) -> str:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for x, y in zip(xs, ys):
        trainer.append(x, y)
    c1, c2 = train_ner.CHOSEN
    trainer.set_params({**train_ner.CRF_PARAMS, "c1": c1, "c2": c2})
    path = f"{folder}/model.crfsuite"
    trainer.train(path)
    return path


def run_crf(name: str, args, train, train_vectors, evals) -> dict[str, dict]:
    started = time.time()
    clusters = WordClusters.from_tsv(args.clusters.read_text(encoding="utf-8"), str(args.clusters))
    sentences, vectors = training_set(train, train_vectors)
    ns = argparse.Namespace(gazetteers=args.gazetteers, seed=train_ner.SEED, name_mask=train_ner.NAME_MASK_SHARE)
    train_ner._TRAIN.clear()
    train_ner.prepare_training(sentences, ns, clusters)
    xs = train_ner._TRAIN["x"]
    context = None
    if name == "stack":
        context = StackedFeatures(args, train, train_vectors)
        held = [context.held[i] for i in range(len(train))]
        held += [joined_vectors(o, j, v) for o, v in zip(train, held)
                 for j in [train_ner.join_spaced_hyphens(train_ner.trim_span_edges(o))] if j is not None]
        xs = [with_context(x, context.rows(p)) for x, p in zip(xs, held)]
    elif name != "base":
        sizes = tuple(args.kmeans) if name == "kmeans" else ()
        context = ContextFeatures(train_vectors, args.dims if name == "dense" else 0, sizes)
        xs = [with_context(x, context.of(v)) for x, v in zip(xs, vectors)]
    with tempfile.TemporaryDirectory() as folder:
        path = train_crf(xs, train_ner._TRAIN["y"], folder)
        results = {}
        for split, gold, gold_vectors in evals:
            lookup = {tuple(t for t, _ in s): v for s, v in zip(gold, gold_vectors)}
            tagger = ContextTagger(path, train_ner._TRAIN["gazetteer"], clusters, context, lookup)
            results[split] = score_sentences(gold, tagger)
    print(f"[{name}] trained and scored in {time.time() - started:.0f}s", flush=True)
    return results


# --- softmax head on the vectors alone -----------------------------------------------------------

LABELS = ["O"] + [f"{p}-{k}" for k in ("PER", "LOC", "ORG", "NUM", "TIME") for p in "BI"]


def run_softmax(args, train, train_vectors, evals, l2: float = 1e-4) -> dict[str, dict]:
    """Multinomial logistic regression, word vector → BIO tag, L-BFGS; tags read with bio_spans."""
    from scipy.optimize import minimize

    started = time.time()
    x = np.concatenate(train_vectors)
    mean, std = x.mean(axis=0), x.std(axis=0) + 1e-6
    x = np.hstack([(x - mean) / std, np.ones((len(x), 1), np.float32)])
    index = {label: i for i, label in enumerate(LABELS)}
    y = np.array([index.get(tag, 0) for s in train for _, tag in s])
    onehot = np.eye(len(LABELS), dtype=np.float32)[y]
    shape = (x.shape[1], len(LABELS))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        w = w.reshape(shape).astype(np.float32)
        logits = x @ w
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        value = -np.log(p[np.arange(len(y)), y] + 1e-12).mean() + l2 * (w[:-1] ** 2).sum()
        grad = x.T @ (p - onehot) / len(y)
        grad[:-1] += 2 * l2 * w[:-1]
        return float(value), grad.astype(np.float64).ravel()

    fitted = minimize(loss, np.zeros(shape).ravel(), jac=True, method="L-BFGS-B", options={"maxiter": 300})
    w = fitted.x.reshape(shape).astype(np.float32)
    results = {}
    for split, gold, gold_vectors in evals:
        lookup = {tuple(t for t, _ in s): v for s, v in zip(gold, gold_vectors)}

        class Head:
            def tag(self, tokens: list[str]) -> list[str]:
                v = (lookup[tuple(tokens)] - mean) / std
                return [LABELS[i] for i in np.argmax(v @ w[:-1] + w[-1], axis=1)]

        results[split] = score_sentences(gold, Head())
    print(f"[softmax] {fitted.nit} iterations, loss {fitted.fun:.4f}, {time.time() - started:.0f}s", flush=True)
    return results


# --- a small MLP head on a window of contextual vectors, alone or stacked into the CRF -----------


def windowed(vectors: np.ndarray) -> np.ndarray:
    """Each word's vector beside its left and right neighbours' (zeros past the edges)."""
    pad = np.zeros((1, vectors.shape[1]), dtype=vectors.dtype)
    padded = np.vstack([pad, vectors, pad])
    return np.hstack([padded[:-2], padded[1:-1], padded[2:]])


class MLPHead:
    """word window (3 × whitened PCA) → 256 ReLU → BIO label, Adam on cross-entropy."""

    def __init__(self, whiten: Whitener, hidden: int = 256, epochs: int = 6, seed: int = 13):
        self.whiten, self.hidden, self.epochs, self.seed = whiten, hidden, epochs, seed

    def inputs(self, sentences_vectors: list[np.ndarray]) -> np.ndarray:
        return np.concatenate([windowed(self.whiten(v).astype(np.float32)) for v in sentences_vectors])

    def fit(self, sentences: list[Sentence], sentences_vectors: list[np.ndarray]) -> "MLPHead":
        x = self.inputs(sentences_vectors)
        index = {label: i for i, label in enumerate(LABELS)}
        y = np.array([index.get(tag, 0) for s in sentences for _, tag in s])
        rng = np.random.default_rng(self.seed)
        n_in, n_out = x.shape[1], len(LABELS)
        params = [rng.normal(0, np.sqrt(2 / n_in), (n_in, self.hidden)).astype(np.float32), np.zeros(self.hidden, np.float32),
                  rng.normal(0, np.sqrt(1 / self.hidden), (self.hidden, n_out)).astype(np.float32), np.zeros(n_out, np.float32)]
        moments = [[np.zeros_like(p), np.zeros_like(p)] for p in params]
        step, rate, decay = 0, 1e-3, 1e-5
        for _ in range(self.epochs):
            order = rng.permutation(len(x))
            for at in range(0, len(order), 256):
                batch = order[at : at + 256]
                xb, yb = x[batch], y[batch]
                w1, b1, w2, b2 = params
                h = np.maximum(xb @ w1 + b1, 0)
                logits = h @ w2 + b2
                logits -= logits.max(axis=1, keepdims=True)
                p = np.exp(logits)
                p /= p.sum(axis=1, keepdims=True)
                p[np.arange(len(yb)), yb] -= 1
                p /= len(yb)
                dh = (p @ w2.T) * (h > 0)
                grads = [xb.T @ dh + decay * w1, dh.sum(axis=0), h.T @ p + decay * w2, p.sum(axis=0)]
                step += 1
                for param, grad, (m, v) in zip(params, grads, moments):
                    m *= 0.9
                    m += 0.1 * grad
                    v *= 0.999
                    v += 0.001 * grad * grad
                    param -= rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
        self.params = params
        return self

    def probabilities(self, vectors: np.ndarray) -> np.ndarray:
        w1, b1, w2, b2 = self.params
        logits = np.maximum(windowed(self.whiten(vectors).astype(np.float32)) @ w1 + b1, 0) @ w2 + b2
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)


def mlp_whitener(train_vectors: list[np.ndarray], dims: int, seed: int = 13) -> Whitener:
    flat = np.concatenate(train_vectors)
    sample = flat[np.random.default_rng(seed).choice(len(flat), min(len(flat), 60000), replace=False)]
    return Whitener(sample, dims)


def run_mlp(args, train, train_vectors, evals) -> dict[str, dict]:
    started = time.time()
    head = MLPHead(mlp_whitener(train_vectors, args.dims)).fit(train, train_vectors)
    results = {}
    for split, gold, gold_vectors in evals:
        lookup = {tuple(t for t, _ in s): v for s, v in zip(gold, gold_vectors)}

        class Head:
            def tag(self, tokens: list[str]) -> list[str]:
                return [LABELS[i] for i in np.argmax(head.probabilities(lookup[tuple(tokens)]), axis=1)]

        results[split] = score_sentences(gold, Head())
    print(f"[mlp] {time.time() - started:.0f}s", flush=True)
    return results


class StackedFeatures:
    """The MLP head's label probabilities as float attributes ``p=<label>``.

    Training sentences get probabilities from heads trained without their own fold
    (``folds``), so the CRF learns how far to trust the head on words it has not seen.
    """

    def __init__(self, args, train: list[Sentence], train_vectors: list[np.ndarray], folds: int = 5):
        whiten = mlp_whitener(train_vectors, args.dims)
        self.full = MLPHead(whiten).fit(train, train_vectors)
        self.held: dict[int, np.ndarray] = {}
        for k in range(folds):
            rest = [i for i in range(len(train)) if i % folds != k]
            head = MLPHead(whiten).fit([train[i] for i in rest], [train_vectors[i] for i in rest])
            for i in range(k, len(train), folds):
                self.held[i] = head.probabilities(train_vectors[i])
            print(f"  stacking fold {k + 1}/{folds} done", flush=True)
        self.names = [f"p={label}" for label in LABELS]

    def rows(self, probabilities: np.ndarray) -> list[dict[str, float]]:
        return [dict(zip(self.names, row)) for row in probabilities.tolist()]

    def of(self, vectors: np.ndarray) -> list[dict[str, float]]:
        return self.rows(self.full.probabilities(vectors))


def cross_validate(args, sentences: list[Sentence], vectors: list[np.ndarray], layers: tuple[int, ...]) -> int:
    """Each variant trained on all but every K-th sentence and scored on those; counts pooled over folds."""
    for variant in args.variants:
        pooled = {kind: [0, 0, 0] for kind in ENTITY_TYPES}
        for k in range(args.cv):
            held = [(sentences[i], vectors[i]) for i in range(k, len(sentences), args.cv)]
            rest = [i for i in range(len(sentences)) if i % args.cv != k]
            evals = [("fold", [s for s, _ in held], [v for _, v in held])]
            train, train_vectors = [sentences[i] for i in rest], [vectors[i] for i in rest]
            runner = {"softmax": run_softmax, "mlp": run_mlp}.get(variant)
            results = runner(args, train, train_vectors, evals) if runner else run_crf(variant, args, train, train_vectors, evals)
            scores = results["fold"]
            print(f"{variant} fold {k + 1}/{args.cv}: micro F1 {scores['micro']['f1']:.4f}", flush=True)
            for kind in ENTITY_TYPES:
                for i, field in enumerate(("gold", "predicted", "correct")):
                    pooled[kind][i] += int(scores[kind][field])
        totals = [sum(c[i] for c in pooled.values()) for i in range(3)]
        result = {"micro": train_ner.prf(*totals), **{kind: train_ner.prf(*pooled[kind]) for kind in ENTITY_TYPES}}
        row = " ".join(f"{k} {result[k]['f1']:.3f}" for k in ENTITY_TYPES)
        print(f"RESULT {variant} layers={layers} {args.cv}-fold CV over TRAIN+DEV | micro {result['micro']['f1']:.4f} | {row}")
        print(format_scores(result), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("variants", nargs="+", choices=("base", "dense", "kmeans", "softmax", "mlp", "stack"))
    parser.add_argument("--vectors", type=Path, default=Path("/tmp/e5ctx"))
    parser.add_argument("--layers", type=int, nargs="+", default=[8])
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--kmeans", type=lambda s: [int(k) for k in s.split(",")], default=[64, 256, 1024])
    parser.add_argument("--train-dev", action="store_true", help="train on TRAIN+DEV and score TEST only")
    parser.add_argument("--cv", type=int, default=0, metavar="K",
                        help="K-fold cross-validation over TRAIN+DEV, interleaved folds as train_ner.py --cv; pooled scores")
    parser.add_argument("--data", type=Path, default=train_ner.DEFAULT_DATA)
    parser.add_argument("--gazetteers", type=Path, default=train_ner.DEFAULT_GAZETTEERS)
    parser.add_argument("--clusters", type=Path, default=train_ner.DEFAULT_OUT / "ner_clusters.tsv")
    args = parser.parse_args(argv)
    layers = tuple(args.layers)
    splits = {name: train_ner.read_split(args.data, name) for name in ("train", "dev", "test")}
    vectors = {name: load_vectors(args.vectors, name, s, layers) for name, s in splits.items()}
    train, train_vectors = splits["train"], vectors["train"]
    evals = [(name, splits[name], vectors[name]) for name in ("dev", "test")]
    if args.train_dev:
        train, train_vectors = train + splits["dev"], train_vectors + vectors["dev"]
        evals = evals[1:]
    what = "TRAIN+DEV" if args.train_dev else "TRAIN"
    if args.cv:
        return cross_validate(args, splits["train"] + splits["dev"], vectors["train"] + vectors["dev"], layers)
    for variant in args.variants:
        if variant == "softmax":
            results = run_softmax(args, train, train_vectors, evals)
        elif variant == "mlp":
            results = run_mlp(args, train, train_vectors, evals)
        else:
            results = run_crf(variant, args, train, train_vectors, evals)
        detail = {"dense": f" dims={args.dims}", "kmeans": f" k={args.kmeans}"}.get(variant, "")
        for split, scores in results.items():
            row = " ".join(f"{k} {scores[k]['f1']:.3f}" for k in ENTITY_TYPES)
            print(f"RESULT {variant}{detail} layers={layers} trained on {what} | {split} micro {scores['micro']['f1']:.4f} | {row}")
            print(format_scores(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
