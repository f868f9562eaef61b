"""Build the word clusters the Hindi NER uses as features (``resources/ner_clusters.tsv``).

Run from the repository root (numpy and scipy; about a minute on one core):

    python training/build_word_clusters.py

which is the same as

    python training/build_word_clusters.py --data ../shared/data --out src/ghatnakram/resources/ner_clusters.tsv

Why: a CRF trained on IL-NER alone knows only the names and words of its training split
(recall on unseen names was 0.2–0.4). Words that occur in the same contexts in raw Hindi
text (country names, surnames, ministries, verbs of saying) fall into the same cluster, so a
name never seen in training still shares features with names that were.

Steps (each a function below), deterministic for a given input (fixed seeds):

1. Raw Hindi text, no labels used: the newspaper files in ``newspapers-raw/``, the
   ``<W>`` words of the disaster-event XML files (train and unannotated), and the tokens of
   the IL-NER Hindi TRAINING split only (dev and test text is not read). Each line is split
   into sentences and tokens with the project's tokenizer; tokens are looked up by
   :func:`ghatnakram.ner.loose_key`; numbers become one token.
2. Words seen at least ``MIN_COUNT`` times are described by positive pointwise mutual
   information with the ``CONTEXTS`` most frequent words at offsets −2, −1, +1, +2
   (context counts smoothed with exponent 0.75), reduced to ``DIMENSIONS`` by a truncated
   SVD (scipy ``svds`` with a fixed start vector), rows scaled to unit length.
3. k-means (k-means++ start, fixed seed) at several sizes (``SIZES``); a coarse and a fine
   cluster id per word, used like the prefixes of a Brown-cluster path.

The output lists word keys and cluster numbers only, no text.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ghatnakram.ner import CLUSTER_SIZES, loose_key, read_conll, script_class
from ghatnakram.normalize import normalize_text, split_sentences, tokenize

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "src" / "ghatnakram" / "resources" / "ner_clusters.tsv"

MIN_COUNT = 3
CONTEXTS = 2000
OFFSETS = (-2, -1, 1, 2)
DIMENSIONS = 100
SIZES = CLUSTER_SIZES
KMEANS_ITERATIONS = 40
SEED = 13
NUMBER = "<num>"
EDGE = "<s>"

_W_ELEMENT = re.compile(r"<W>\s*(.*?)\s*</W>", re.S)


# --- text ---------------------------------------------------------------------------


def newspaper_sentences(folder: Path) -> list[list[str]]:
    """Token lists of every sentence in the raw newspaper files."""
    out: list[list[str]] = []
    for path in sorted(folder.glob("*.txt")):
        out += text_sentences(path.read_text(encoding="utf-8", errors="replace"))
    return out


def disaster_sentences(folder: Path) -> list[list[str]]:
    """Token lists of the ``<W>`` words of the disaster-event XML files, one list per paragraph."""
    out: list[list[str]] = []
    for path in sorted(folder.glob("*/*.xml")):
        xml = path.read_text(encoding="utf-8", errors="replace")
        for paragraph in re.split(r"</P>", xml):
            words = " ".join(_W_ELEMENT.findall(paragraph))
            out += text_sentences(words)
    return out


def text_sentences(text: str) -> list[list[str]]:
    """Sentences of ``text`` as token lists (project normalisation and tokenizer)."""
    out = []
    for line in normalize_text(text).splitlines():
        out += [tokenize(s) for s in split_sentences(line) if s.strip()]
    return [s for s in out if s]


def il_ner_training_sentences(folder: Path) -> list[list[str]]:
    """Tokens of the IL-NER Hindi training split (tags ignored)."""
    return [[token for token, _ in s] for s in read_conll(folder / "Hindi-train.txt", strict=False)]


def cluster_key(token: str) -> str:
    """The form a token is clustered by: its loose key, or one symbol for any number."""
    return NUMBER if script_class(token) == "NUM" else loose_key(token)


# --- vectors ------------------------------------------------------------------------


def count_words(sentences: list[list[str]]) -> Counter:
    return Counter(key for s in sentences for key in s)


def cooccurrence(sentences: list[list[str]], vocab: dict[str, int], contexts: dict[str, int]):
    """Sparse counts: rows = vocabulary words, columns = (offset, context word)."""
    from scipy.sparse import coo_matrix

    rows, cols = [], []
    width = len(contexts)
    for sentence in sentences:
        padded = [EDGE, EDGE, *sentence, EDGE, EDGE]
        for i in range(2, len(padded) - 2):
            row = vocab.get(padded[i])
            if row is None:
                continue
            for block, offset in enumerate(OFFSETS):
                col = contexts.get(padded[i + offset])
                if col is not None:
                    rows.append(row)
                    cols.append(block * width + col)
    data = np.ones(len(rows), dtype=np.float64)
    shape = (len(vocab), width * len(OFFSETS))
    matrix = coo_matrix((data, (np.array(rows), np.array(cols))), shape=shape).tocsr()
    matrix.sum_duplicates()
    return matrix


def ppmi(matrix, alpha: float = 0.75):
    """Positive PMI of a sparse count matrix, context counts raised to ``alpha``."""
    matrix = matrix.tocoo()
    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_counts = np.asarray(matrix.sum(axis=0)).ravel() ** alpha
    col_probs = col_counts / col_counts.sum()
    pmi = np.log(matrix.data * 1.0 / total) - np.log(row_sums[matrix.row] / total) - np.log(col_probs[matrix.col])
    keep = pmi > 0
    from scipy.sparse import csr_matrix

    return csr_matrix((pmi[keep], (matrix.row[keep], matrix.col[keep])), shape=matrix.shape)


def word_vectors(matrix, dimensions: int) -> np.ndarray:
    """Unit-length rows of the truncated SVD (singular values to the power 0.5)."""
    from scipy.sparse.linalg import svds

    start = np.random.default_rng(SEED).standard_normal(min(matrix.shape))
    u, s, _ = svds(matrix, k=dimensions, v0=start)
    vectors = u * np.sqrt(s)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def kmeans(vectors: np.ndarray, k: int, seed: int = SEED, iterations: int = KMEANS_ITERATIONS) -> np.ndarray:
    """Cluster numbers (0…k-1) of unit vectors: k-means++ start, cosine assignment."""
    rng = np.random.default_rng(seed)
    n = len(vectors)
    centres = np.empty((k, vectors.shape[1]))
    centres[0] = vectors[rng.integers(n)]
    closest = 1 - vectors @ centres[0]
    for j in range(1, k):
        weights = np.maximum(closest, 0) ** 2
        centres[j] = vectors[rng.choice(n, p=weights / weights.sum())]
        closest = np.minimum(closest, 1 - vectors @ centres[j])
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        labels = np.argmax(vectors @ centres.T, axis=1)
        for j in range(k):
            members = vectors[labels == j]
            if len(members):
                centre = members.sum(axis=0)
                centres[j] = centre / max(np.linalg.norm(centre), 1e-12)
    return labels


# --- main ---------------------------------------------------------------------------


def cluster_table(sentences: list[list[str]]) -> list[tuple[str, ...]]:
    """``(word, cluster at each size…)`` rows for the words seen ≥ ``MIN_COUNT`` times."""
    keyed = [[cluster_key(t) for t in s] for s in sentences]
    counts = count_words(keyed)
    words = sorted(w for w, n in counts.items() if n >= MIN_COUNT and w != NUMBER and script_class(w) != "PUNCT")
    vocab = {w: i for i, w in enumerate(words)}
    frequent = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:CONTEXTS]]
    contexts = {w: i for i, w in enumerate(frequent + [EDGE])}
    vectors = word_vectors(ppmi(cooccurrence(keyed, vocab, contexts)), DIMENSIONS)
    labels = [kmeans(vectors, k) for k in SIZES]
    return [(w, *(str(int(lab[i])) for lab in labels)) for i, w in enumerate(words)]


HEADER = """ghatnakram NER word clusters: written by training/build_word_clusters.py; do not edit by hand.
word (ghatnakram.ner.loose_key form)<TAB>cluster id at each size of ner.CLUSTER_SIZES; ids are arbitrary numbers.
Learned without labels from word contexts in raw Hindi news text and the IL-NER Hindi training split."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the NER word-cluster resource from raw Hindi text.")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"shared data folder (default {DEFAULT_DATA})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output TSV (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    started = time.time()
    sentences = (
        newspaper_sentences(args.data / "newspapers-raw")
        + disaster_sentences(args.data / "disaster-events")
        + il_ner_training_sentences(args.data / "ner" / "il-ner-hindi")
    )
    print(f"{len(sentences)} sentences, {sum(map(len, sentences))} tokens")
    rows = cluster_table(sentences)
    lines = [f"# {line}" for line in HEADER.splitlines()]
    lines += ["\t".join(row) for row in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    size = args.out.stat().st_size / 1e6
    print(f"wrote {len(rows)} words to {args.out} ({size:.1f} MB) in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
