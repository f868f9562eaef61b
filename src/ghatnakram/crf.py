"""A trained CRFsuite model read into numpy, to tag with scores cached per word type.

The NER tagger is trained with python-crfsuite. To tag, crfsuite wants every token's
feature strings and looks each one up in its attribute table: for ~20 features a token,
that lookup costs as much as building the lists. A linear-chain CRF's score of a label at
a token is the sum of its features' weights, and most features belong to one word type (its
own, or as a neighbour). So the tagger sums each word type's weights once
(:meth:`CrfModel.score`), adds a sentence's few per-token vectors, and decodes here with the
same rules as crfsuite: first-order transitions, no start or end transition, ties to the
lowest label index.

The model file is read as crfsuite writes it (``crf1d`` "FOMC", little-endian): a header,
a feature chunk of (type, source, destination, weight) records, and two constant quark
databases ("CQDB") holding the label and attribute names.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Sequence

import numpy as np

_MAGIC, _MODEL_TYPE = b"lCRF", b"FOMC"
_HEADER = struct.Struct("<4sI4s9I")
_FEATURE = np.dtype([("kind", "<u4"), ("source", "<u4"), ("destination", "<u4"), ("weight", "<f8")])  # kind 0: state, 1: transition
_STATE, _TRANSITION = 0, 1


class CrfModelError(ValueError):
    """The bytes are not a first-order CRFsuite model."""


@dataclass(frozen=True)
class CrfModel:
    """Labels, attribute ids and weights of a first-order CRF.

    ``state[a, y]`` is the weight of attribute ``a`` for label ``y``; ``transition[y, z]``
    that of label ``z`` following label ``y``.
    """

    labels: tuple[str, ...]
    attributes: dict[str, int]
    state: np.ndarray
    transition: np.ndarray

    def score(self, features: Iterable[bytes]) -> np.ndarray:
        """The summed state weights of ``features`` (UTF-8 attribute names) for every label."""
        return self.score_groups([features])[0]

    def score_groups(self, groups: Sequence[Iterable[bytes]]) -> np.ndarray:
        """:meth:`score` of each group of features, as rows (features the model never saw add nothing)."""
        return self._summed(groups, self._ids)

    def score_named_groups(self, groups: Sequence[Iterable[str]]) -> np.ndarray:
        """:meth:`score_groups` of features given by name (str), as :attr:`attributes` holds them."""
        return self._summed(groups, self.attributes)

    def _summed(self, groups: Sequence[Iterable], ids_of: dict) -> np.ndarray:
        ids, starts = [], []
        for features in groups:
            starts.append(len(ids))
            ids.append(self._zero_row)  # no group is empty: numpy's reduceat would not sum an empty one to 0
            ids += [i for i in map(ids_of.get, features) if i is not None]
        return np.add.reduceat(self._state_and_zero[ids], starts, axis=0)

    @cached_property
    def _ids(self) -> dict[bytes, int]:
        return {name.encode("utf-8"): i for name, i in self.attributes.items()}

    @cached_property
    def _state_and_zero(self) -> np.ndarray:
        return np.vstack([self.state, np.zeros((1, self.state.shape[1]))])

    @property
    def _zero_row(self) -> int:
        return len(self.state)


def read_crfsuite_model(data: bytes) -> CrfModel:
    """Read a model file written by crfsuite's ``crf1d`` trainer.

    >>> read_crfsuite_model(b"not a model")
    Traceback (most recent call last):
    ...
    ghatnakram.crf.CrfModelError: not a CRFsuite model: it does not start with b'lCRF'
    """
    if len(data) < _HEADER.size or data[:4] != _MAGIC:
        raise CrfModelError(f"not a CRFsuite model: it does not start with {_MAGIC!r}")
    _, _, model_type, _, _, num_labels, num_attrs, off_features, off_labels, off_attrs, *_ = _HEADER.unpack_from(data)
    if model_type != _MODEL_TYPE:
        raise CrfModelError(f"not a first-order CRFsuite model: its type is {model_type!r}, not {_MODEL_TYPE!r}")
    try:
        labels = _quarks(data, off_labels)
        attributes = _quarks(data, off_attrs)
        features = _features(data, off_features)
    except (struct.error, ValueError, UnicodeDecodeError) as error:  # offsets past the end: a cut file
        raise CrfModelError(f"CRFsuite model damaged or cut short ({error}): train it again") from error
    if len(labels) != num_labels or len(attributes) != num_attrs:
        raise CrfModelError("CRFsuite model damaged: its label or attribute table does not match its header")
    state = np.zeros((len(attributes), len(labels)))
    transition = np.zeros((len(labels), len(labels)))
    for table, kind in ((state, _STATE), (transition, _TRANSITION)):
        chosen = features[features["kind"] == kind]
        table[chosen["source"], chosen["destination"]] = chosen["weight"]
    return CrfModel(tuple(labels), {name: i for i, name in enumerate(attributes)}, state, transition)


def _features(data: bytes, offset: int) -> np.ndarray:
    chunk, _, count = struct.unpack_from("<4sII", data, offset)
    if chunk != b"FEAT":
        raise CrfModelError("CRFsuite model damaged: no feature chunk where the header points")
    return np.frombuffer(data, dtype=_FEATURE, count=count, offset=offset + 12)


def _quarks(data: bytes, offset: int) -> list[str]:
    """The strings of a constant quark database, in id order (its backward array)."""
    chunk, _, _, _, count, backward = struct.unpack_from("<4s5I", data, offset)
    if chunk != b"CQDB":
        raise CrfModelError("CRFsuite model damaged: no string table where the header points")
    names = []
    for record in struct.unpack_from(f"<{count}I", data, offset + backward):
        _, size = struct.unpack_from("<iI", data, offset + record)
        start = offset + record + 8
        names.append(data[start : start + size - 1].decode("utf-8"))  # size counts the closing NUL
    return names


def viterbi(scores: np.ndarray, lengths: Sequence[int], transition: np.ndarray) -> np.ndarray:
    """The best label of every token: ``scores`` are the state scores (tokens × labels) of
    sentences of ``lengths`` tokens, one after the other.

    The sentences are decoded together, one step per token position, as crfsuite decodes one:
    the best score of each label from the previous position's, ties to the lowest label.
    Back-pointers are found while tracing back, only for the labels on the path.
    """
    batch = _Batch(scores, lengths)
    best = batch.padded  # best[t, s, y]: the best score of a path through label y at token t of sentence s
    to_from = transition.T  # [label, previous label]
    going = batch.going
    steps = np.empty((going[0], *to_from.shape))  # one step's sums, reused: a loop of small arrays
    for t in range(1, batch.positions):
        k = going[t]
        step = np.add(best[t - 1, :k, None, :], to_from, out=steps[:k])
        best[t, :k] += np.maximum.reduce(step, axis=2)
    labels = np.empty(best.shape[:2], dtype=np.intp)
    label = np.zeros(len(batch.order), dtype=np.intp)
    for t in range(batch.positions - 1, -1, -1):
        k, ended = going[t], going[t + 1]
        if ended < k:  # sentences ended..k end at this token: their best last label
            label[ended:k] = best[t, ended:k].argmax(axis=1)
        labels[t, :k] = label[:k]
        if t:
            label[:k] = (best[t - 1, :k] + to_from[label[:k]]).argmax(axis=1)
    return batch.unpadded(labels)


def marginals(scores: np.ndarray, lengths: Sequence[int], transition: np.ndarray) -> np.ndarray:
    """P(label at token | its sentence) for every token (forward-backward; arguments as :func:`viterbi`)."""
    batch = _Batch(scores, lengths)
    state = np.exp(batch.padded - batch.padded.max(axis=2, keepdims=True))  # the best label of a token: 1
    trans = np.exp(transition)
    # A step scales the sums by at most e^(±largest weight) · labels, so they are rescaled only
    # every few steps, long before float64 could overflow (1e308) or underflow.
    every = max(1, int(600 / (np.abs(transition).max() + np.log(len(transition)) + 1)))
    going = batch.going
    forward, backward = state.copy(), np.ones_like(state)
    for t in range(1, batch.positions):
        k = going[t]
        forward[t, :k] = (forward[t - 1, :k] @ trans) * state[t, :k]
        if t % every == 0:
            forward[t, :k] /= forward[t, :k].sum(axis=1, keepdims=True)
    for t in range(batch.positions - 2, -1, -1):
        k = going[t + 1]  # sentences with a token after t
        backward[t, :k] = (state[t + 1, :k] * backward[t + 1, :k]) @ trans.T
        if t % every == 0:
            backward[t, :k] /= backward[t, :k].sum(axis=1, keepdims=True)
    joint = forward * backward
    return batch.unpadded(joint / joint.sum(axis=2, keepdims=True))


class _Batch:
    """Sentences laid side by side, longest first, so that those still going at a position are a
    prefix; position first, so that one position of all of them is one contiguous block."""

    def __init__(self, scores: np.ndarray, lengths: Sequence[int]):
        lengths = np.asarray(lengths, dtype=np.intp)
        self.order = np.argsort(-lengths, kind="stable")
        sorted_lengths = lengths[self.order]
        self.positions = int(sorted_lengths[0]) if len(lengths) else 0
        # going[t]: how many sentences have a token at position t (going[positions] = 0)
        self.going = (sorted_lengths[None, :] > np.arange(self.positions + 1)[:, None]).sum(axis=1).tolist()
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.intp)
        rank = np.empty_like(self.order)
        rank[self.order] = np.arange(len(self.order))
        self._rows = np.repeat(rank, lengths)
        self._columns = np.arange(len(scores)) - np.repeat(starts, lengths)
        self.padded = np.zeros((self.positions, len(lengths)) + scores.shape[1:], dtype=scores.dtype)
        self.padded[self._columns, self._rows] = scores

    def unpadded(self, padded: np.ndarray) -> np.ndarray:
        return padded[self._columns, self._rows]
