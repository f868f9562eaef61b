"""Event type of a news article: one of 28 disaster/incident types, or ``"other"``.

A multinomial logistic regression over word unigrams and bigrams (normalised with
:func:`ghatnakram.normalize.word_keys`) picks the most likely type. Because the
training corpus holds only incident reports, the answer is ``"other"`` unless the
article also carries *evidence* for that type: event words ("trigger" words such as
भूकंप, बाढ़, टक्कर) learned from the annotated event spans of the corpus, weighted by how
often the word marks an event of that type. The evidence must reach a threshold
calibrated on news that is not about incidents (see ``training/train_event_type.py``).

The model is ``resources/event_type.json``, trained by::

    python training/train_event_type.py

>>> classify_event_type("असम में बाढ़ से हालात बिगड़े", "असम में बाढ़ से दो लाख लोग प्रभावित हैं।")
'FLOODS'
"""

from __future__ import annotations

import base64
import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .normalize import normalize_line, normalize_text, word_keys

OTHER = "other"
MODEL_FILE = "event_type.json"
TRAIN_COMMAND = "python training/train_event_type.py"

EVENT_TYPES: tuple[str, ...] = (
    "ARMED_CONFLICTS", "AVALANCHES", "AVIATION_HAZARD", "BLIZZARD", "COLD_WAVE", "CYCLONE",
    "DROUGHT", "EARTHQUAKE", "FIRE", "FLOODS", "FOREST_FIRE", "HAIL_STORMS", "HEAT_WAVE",
    "HURRICANE", "INDUSTRIAL_ACCIDENT", "LAND_SLIDE", "NORMAL_BOMBING", "RIOTS", "SHOOT_OUT",
    "STORM", "SUICIDE_ATTACK", "TERRORIST_ATTACK", "TORNADO", "TRAIN_COLLISION",
    "TRANSPORT_HAZARDS", "TSUNAMI", "VEHICULAR_COLLISION", "VOLCANO",
)
"""The 28 event types of the training corpus, in alphabetical order."""

NUMBER = "<n>"
TITLE_PREFIX = "t:"
MAX_COUNT = 3  # occurrences of one trigger word counted as evidence, at most


class ModelMissing(FileNotFoundError):
    """The trained model file is not in the package."""


# --- features (the training script uses these same functions) -----------------


def _keys(text: str) -> list[str]:
    """Word keys with every number folded to one token."""
    return [NUMBER if key[0].isdigit() else key for key in word_keys(text)]


def _ngrams(keys: list[str], prefix: str = "") -> list[str]:
    bigrams = [f"{a} {b}" for a, b in zip(keys, keys[1:])]
    return [prefix + k for k in keys + bigrams]


def article_keys(title: str, text: str) -> tuple[list[str], list[str]]:
    """Normalised word keys of the title and of the body."""
    return _keys(normalize_line(title or "")), _keys(normalize_text(text or ""))


def article_features(title: str, text: str) -> Counter:
    """Feature counts of an article: unigrams and bigrams of title and body, plus the title's again marked ``t:``."""
    title_keys, body_keys = article_keys(title, text)
    counts = Counter(_ngrams(title_keys))
    counts.update(_ngrams(body_keys))
    counts.update(_ngrams(title_keys, TITLE_PREFIX))
    return counts


def trigger_counts(title: str, text: str) -> Counter:
    """Word-key counts used as evidence; a title word counts twice (headlines name the event)."""
    title_keys, body_keys = article_keys(title, text)
    counts = Counter(body_keys)
    for key in title_keys:
        counts[key] += 2
    return counts


# --- model -------------------------------------------------------------------


@dataclass(frozen=True)
class EventTypeModel:
    """A trained model: linear weights over features and per-type trigger words.

    ``weights`` has one row per feature in ``vocabulary`` and one column per type in
    ``types``; ``triggers`` maps a type to ``{word key: weight}``; a type is returned
    only when the article's trigger evidence for it is at least ``min_evidence`` and
    the type's probability is at least ``min_probability``.
    """

    types: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    triggers: dict[str, dict[str, float]]
    min_evidence: float
    min_probability: float

    def probabilities(self, features: Counter) -> np.ndarray:
        """Softmax over types for one article's feature counts."""
        return softmax(self.scores(features))

    def scores(self, features: Counter) -> np.ndarray:
        rows, values = [], []
        for feature, count in features.items():
            row = self.vocabulary.get(feature)
            if row is not None:
                rows.append(row)
                values.append(1.0 + math.log(count))
        if not rows:
            return self.bias.copy()
        x = np.asarray(values)
        x /= np.sqrt(x @ x)
        return self.bias + x @ self.weights[rows]

    def evidence(self, counts: Counter, event_type: str) -> float:
        """Trigger evidence for ``event_type``: Σ weight(word) × min(count, MAX_COUNT)."""
        words = self.triggers.get(event_type, {})
        return sum(weight * min(counts[word], MAX_COUNT) for word, weight in words.items() if word in counts)

    def predict(self, title: str, text: str) -> str:
        """The event type of one article, or ``"other"``."""
        probs = self.probabilities(article_features(title, text))
        counts = trigger_counts(title, text)
        for index in np.argsort(-probs)[:3]:
            event_type = self.types[index]
            if probs[index] < self.min_probability:
                break
            if self.evidence(counts, event_type) >= self.min_evidence:
                return event_type
        return OTHER

    def to_json(self) -> dict:
        vocabulary = sorted(self.vocabulary, key=self.vocabulary.get)
        return {
            "format": 1,
            "types": list(self.types),
            "vocabulary": vocabulary,
            "weights_float16_base64": base64.b64encode(self.weights.astype("<f2").tobytes()).decode("ascii"),
            "bias": [round(float(b), 5) for b in self.bias],
            "triggers": {t: {w: round(v, 3) for w, v in words.items()} for t, words in self.triggers.items()},
            "min_evidence": self.min_evidence,
            "min_probability": self.min_probability,
        }

    @classmethod
    def from_json(cls, data: dict) -> "EventTypeModel":
        types = tuple(data["types"])
        vocabulary = {feature: row for row, feature in enumerate(data["vocabulary"])}
        raw = base64.b64decode(data["weights_float16_base64"])
        weights = np.frombuffer(raw, dtype="<f2").astype(np.float64).reshape(len(vocabulary), len(types))
        return cls(
            types=types,
            vocabulary=vocabulary,
            weights=weights,
            bias=np.asarray(data["bias"], dtype=np.float64),
            triggers=data["triggers"],
            min_evidence=float(data["min_evidence"]),
            min_probability=float(data["min_probability"]),
        )


def softmax(scores: np.ndarray) -> np.ndarray:
    """Softmax along the last axis."""
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


@lru_cache(maxsize=1)
def load_model() -> EventTypeModel:
    """The packaged model, read once."""
    resource = resources.files("ghatnakram").joinpath("resources").joinpath(MODEL_FILE)
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelMissing(
            f"event type model ghatnakram/resources/{MODEL_FILE} is missing; "
            f"train it with `{TRAIN_COMMAND}` from the repository root"
        ) from None
    return EventTypeModel.from_json(data)


def classify_event_type(title: str, text: str) -> str:
    """The main event type of a Hindi news article (e.g. ``"FLOODS"``), or ``"other"``.

    :param title: the headline (may be empty).
    :param text: the body.
    """
    return load_model().predict(title, text)
