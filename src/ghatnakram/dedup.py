"""Duplicate detection: exact (content hash) and near-duplicate (MinHash LSH).

The content hash ignores spacing, punctuation and the script of digits, so the same
text re-published with other line breaks or quotes is an exact duplicate. Near-
duplicates (agency copy lightly edited by several papers) are found with MinHash
over word 3-shingles; the LSH band buckets live in the store, so memory stays flat
however large the archive grows, and candidates are verified on the signatures.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .normalize import word_keys

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.6  # estimated Jaccard of word 3-shingles above which two texts are one story
MIN_WORDS = 25  # shorter texts share too many shingles by chance to call them copies
_SEED = 7


@dataclass(frozen=True)
class Fingerprint:
    content_hash: str
    signature: np.ndarray | None  # None for texts too short to compare
    buckets: tuple[int, ...]

    def signature_bytes(self) -> bytes:
        return self.signature.astype("<u8").tobytes() if self.signature is not None else b""


def fingerprint(text: str) -> Fingerprint:
    """Content hash, MinHash signature and LSH buckets of a cleaned text."""
    words = word_keys(text)
    content_hash = hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()
    if len(words) < MIN_WORDS:
        return Fingerprint(content_hash, None, ())
    signature = minhash_signature(_shingle_hashes(words)).astype(np.uint64)
    return Fingerprint(content_hash, signature, _buckets(signature))


def minhash_signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash of a set of 32-bit hashes: for each of :data:`NUM_PERM` affine permutations, the least
    permuted hash.

    These are the values of datasketch's ``MinHash(num_perm=64, seed=7, scheme="affine32")`` fed the same
    hashes (each pre-mixed with the MurmurHash3 finalizer, then ``a·h + b mod 2³²`` with ``a`` odd), so
    signatures stored by earlier versions stay comparable. Written out here because importing datasketch
    imports SciPy's integrators for its LSH, 0.7 s at the start of every ingest, and the LSH is the store's.
    """
    h = hashes.astype(np.uint32).reshape(-1, 1)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    a, b = _permutations()
    return (h * a + b).min(axis=0)


@lru_cache(maxsize=1)
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The multipliers (odd) and offsets of the affine permutations, drawn as datasketch draws them."""
    draw = np.random.RandomState(_SEED)
    a = draw.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = draw.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


@lru_cache(maxsize=500_000)
def _word_hash(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _shingle_hashes(words: list[str]) -> np.ndarray:
    """32-bit hashes of the distinct word 3-shingles, combined from cached per-word hashes.

    Hashing each word once and mixing three word hashes with numpy is several times
    faster than hashing every shingle string, and as good for MinHash.
    """
    h = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    mixed = (h[:-2] * np.uint64(0x9E3779B1)) ^ (h[1:-1] * np.uint64(0x85EBCA77)) ^ h[2:]
    return np.unique(mixed & np.uint64(0xFFFFFFFF))


def _buckets(signature: np.ndarray) -> tuple[int, ...]:
    buckets = []
    for band in range(BANDS):
        rows = signature[band * ROWS : (band + 1) * ROWS].astype("<u8").tobytes()
        digest = hashlib.blake2b(bytes([band]) + rows, digest_size=8).digest()
        buckets.append(struct.unpack("<q", digest)[0])  # signed: fits an SQL INTEGER
    return tuple(buckets)


def similarity(signature: np.ndarray, stored: bytes) -> float:
    """Estimated Jaccard similarity between a signature and a stored one."""
    other = np.frombuffer(stored, dtype="<u8")
    return float(np.mean(signature == other)) if len(other) == len(signature) else 0.0
