"""Event type of a news article: one of 28 incident types, or ``"other"``.

Two checks, both learned from the annotated incident corpus:

1. a multinomial logistic regression over word unigrams and bigrams (keys from
   :func:`ghatnakram.normalize.word_keys`), the title's words again, and character
   3-/4-grams of every word gives a probability per type;
2. the corpus has no articles that are *not* incidents, so a type is accepted only with
   *evidence*: its event words ("triggers", e.g. बाढ़, भूकंप, टक्कर, गोलीबारी), learned from
   the annotated event spans, must occur in the lead at least ``min_evidence`` times
   (the title counts only without a body: headlines use disasters as metaphors), and
   the type's probability must be at least ``min_probability``.

The best of the three most probable types that passes both is the answer; if none
does, the article is ``"other"`` (politics, sport, economy, health counts...). The
thresholds are calibrated on news that is not about incidents; see
``training/train_event_type.py``, which also writes the model::

    python training/train_event_type.py

>>> classify_event_type("असम में बाढ़ से हालात बिगड़े", "असम में बाढ़ से दो लाख लोग प्रभावित हैं। कई गांव बाढ़ के पानी में डूबे।")
'FLOODS'
>>> classify_event_type("उपचुनाव में वर्मा जीते", "चंदनपुर उपचुनाव में मोहनलाल वर्मा 8412 वोटों से जीते।")
'other'
"""

from __future__ import annotations

import base64
import json
import math
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import Callable

import numpy as np

from .normalize import _INVISIBLE, word_keys

OTHER = "other"
MODEL_FILE = "event_type.json"
MODEL_FORMAT = 1
TRAIN_COMMAND = "python training/train_event_type.py"

EVENT_TYPES: tuple[str, ...] = (
    "ARMED_CONFLICTS", "AVALANCHES", "AVIATION_HAZARD", "BLIZZARD", "COLD_WAVE", "CYCLONE",
    "DROUGHT", "EARTHQUAKE", "FIRE", "FLOODS", "FOREST_FIRE", "HAIL_STORMS", "HEAT_WAVE",
    "HURRICANE", "INDUSTRIAL_ACCIDENT", "LAND_SLIDE", "NORMAL_BOMBING", "RIOTS", "SHOOT_OUT",
    "STORM", "SUICIDE_ATTACK", "TERRORIST_ATTACK", "TORNADO", "TRAIN_COLLISION",
    "TRANSPORT_HAZARDS", "TSUNAMI", "VEHICULAR_COLLISION", "VOLCANO",
)
"""The 28 event types of the training corpus, in alphabetical order."""

# Types that one running story may pass through: a cyclone's storm, its floods and its landslides
# are one thread; an earthquake and a riot in one state are two, however much else they share.
INCIDENT_FAMILIES: dict[str, tuple[str, ...]] = {
    "weather": ("AVALANCHES", "BLIZZARD", "COLD_WAVE", "CYCLONE", "FLOODS", "HAIL_STORMS", "HURRICANE",
                "LAND_SLIDE", "STORM", "TORNADO"),
    "heat": ("DROUGHT", "HEAT_WAVE"),
    "quake": ("EARTHQUAKE", "TSUNAMI", "VOLCANO"),
    "violence": ("ARMED_CONFLICTS", "NORMAL_BOMBING", "RIOTS", "SHOOT_OUT", "SUICIDE_ATTACK", "TERRORIST_ATTACK"),
    "accident": ("AVIATION_HAZARD", "TRAIN_COLLISION", "TRANSPORT_HAZARDS", "VEHICULAR_COLLISION"),
    "fire": ("FIRE", "FOREST_FIRE", "INDUSTRIAL_ACCIDENT"),
}
_FAMILY_OF = {event_type: family for family, types in INCIDENT_FAMILIES.items() for event_type in types}

LEAD_CHARS = 1500  # only title and lead are read: in cross-validation as accurate as the whole text
NUMBER = "<n>"  # every number is this one token
TITLE_PREFIX = "t:"
CHAR_PREFIX = "c:"
CHAR_NGRAMS = (3, 4)
MAX_MENTIONS = 3  # mentions of one trigger word counted as evidence, at most
CANDIDATES = 3  # how many of the most probable types may be accepted
WORD_CACHE_SIZE = 200_000


class ModelMissing(FileNotFoundError):
    """The trained model file is not in the package."""


# --- features (the training script uses these same functions) -----------------


def lead(text: str, limit: int = LEAD_CHARS) -> str:
    """The first ``limit`` characters of ``text``, cut at a space: the main event is told there."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > 0 else limit]


def article_keys(title: str, text: str) -> tuple[list[str], list[str]]:
    """Word keys of the title and of the body's lead; numbers become ``<n>``."""
    return _keys(title or ""), _keys(lead(text or ""))


def _keys(text: str) -> list[str]:
    # Of normalize_text only what changes word keys: NFC (nukta letters) and dropping
    # invisible characters; the rest (quotes, spacing, dandas) costs more than the lookup.
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return [NUMBER if key[0].isdigit() else key for key in word_keys(text)]


@lru_cache(maxsize=100_000)
def char_ngrams(key: str) -> tuple[str, ...]:
    """Character 3- and 4-grams of a word key, ``<`` and ``>`` marking its ends: ``c:<बा``."""
    if key == NUMBER:
        return ()
    marked = f"<{key}>"
    return tuple(f"{CHAR_PREFIX}{marked[i : i + n]}" for n in CHAR_NGRAMS for i in range(len(marked) - n + 1))


def features_of(title_keys: list[str], body_keys: list[str]) -> Counter:
    """Feature counts: word unigrams and bigrams of title and body, the title's again
    marked ``t:`` (a headline names the event), and character n-grams of every word
    (they join inflected forms: बाढ़/बाढ़ों, भूकंप/भूकंपों)."""
    counts = Counter(title_keys)
    counts.update(body_keys)
    for keys in (title_keys, body_keys):
        counts.update([f"{a} {b}" for a, b in zip(keys, keys[1:])])
    counts.update([TITLE_PREFIX + k for k in title_keys])
    counts.update([f"{TITLE_PREFIX}{a} {b}" for a, b in zip(title_keys, title_keys[1:])])
    for key in title_keys + body_keys:
        counts.update(char_ngrams(key))
    return counts


# Plural and oblique endings folded when counting trigger words: भूकंपों → भूकंप, गोलियां → गोली.
_ENDINGS = (("ियों", "ी"), ("ियां", "ी"), ("ियाँ", "ी"), ("ाओं", "ा"), ("ों", ""), ("ें", ""))


@lru_cache(maxsize=100_000)
def trigger_form(key: str) -> str:
    """A word key with a plural or oblique ending folded (at least two letters stay)."""
    for ending, replacement in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 2:
            return key[: -len(ending)] + replacement
    return key


def mentions_of(title_keys: list[str], body_keys: list[str]) -> Counter:
    """How often each trigger form occurs in the lead: what trigger evidence counts.

    Headlines are where events are used as metaphors ("रनों की सुनामी", "शेयर बाजार में
    भूचाल"), so the title counts only when there is no body.
    """
    return Counter(map(trigger_form, body_keys or title_keys))


def article_features(title: str, text: str) -> Counter:
    """Feature counts of an article (see :func:`features_of`)."""
    return features_of(*article_keys(title, text))


def article_mentions(title: str, text: str) -> Counter:
    """Trigger-form counts of an article (see :func:`mentions_of`)."""
    return mentions_of(*article_keys(title, text))


# --- model -------------------------------------------------------------------


@dataclass(frozen=True)
class EventTypeModel:
    """A trained model: linear weights over features, and trigger words per type.

    ``weights`` has one row per feature in ``vocabulary`` and one column per type in
    ``types``. A type is accepted when its probability is at least ``min_probability``
    and its trigger words (``triggers[type]``) occur at least ``min_evidence`` times.
    """

    types: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray
    bias: np.ndarray
    triggers: dict[str, frozenset[str]]
    min_evidence: float
    min_probability: float
    _word_rows: dict[str, np.ndarray] = field(default_factory=dict, init=False, repr=False, compare=False)

    def probabilities(self, features: Counter) -> np.ndarray:
        """Softmax over ``types`` for one article's feature counts (the reference path; see :meth:`predict`)."""
        rows, values = [], []
        for feature, count in features.items():
            row = self.vocabulary.get(feature)
            if row is not None:
                rows.append(row)
                values.append(1.0 + math.log(count))
        if not rows:
            return softmax(self.bias)
        x = np.asarray(values)
        x /= math.sqrt(x @ x)
        return softmax(self.bias + x @ self.weights[rows])

    def evidence(self, mentions: Counter, event_type: str) -> int:
        """Mentions of the type's trigger words (as :func:`trigger_form`), each counted at most ``MAX_MENTIONS`` times."""
        return sum(min(mentions[word], MAX_MENTIONS) for word in self.triggers.get(event_type, ()) if word in mentions)

    def decide(self, probabilities: np.ndarray, evidence: Callable[[str], float]) -> str:
        """The most probable of the top ``CANDIDATES`` types that passes both thresholds, or ``"other"``."""
        for index in np.argsort(-probabilities, kind="stable")[:CANDIDATES]:
            if probabilities[index] < self.min_probability:
                break
            if evidence(self.types[index]) >= self.min_evidence:
                return self.types[index]
        return OTHER

    def predict(self, title: str, text: str) -> str:
        """The event type of one article, or ``"other"``."""
        title_keys, body_keys = article_keys(title, text)
        mentions = mentions_of(title_keys, body_keys)
        if self.min_evidence > 0 and self.any_trigger.isdisjoint(mentions):
            return OTHER  # no type can pass the evidence check, whatever the probabilities (most news)
        probabilities = self.probabilities_of_keys(title_keys, body_keys)
        return self.decide(probabilities, lambda event_type: self.evidence(mentions, event_type))

    @cached_property
    def any_trigger(self) -> frozenset[str]:
        """The trigger words of all types together."""
        return frozenset().union(*self.triggers.values())

    def probabilities_of_keys(self, title_keys: list[str], body_keys: list[str]) -> np.ndarray:
        """As ``probabilities(features_of(title_keys, body_keys))``, faster: a word's feature rows are cached."""
        get = self.vocabulary.get
        cache = self._word_rows
        parts = [cache.get(key) if key in cache else self._cache_word(key) for key in title_keys + body_keys]
        others = [f"{a} {b}" for keys in (title_keys, body_keys) for a, b in zip(keys, keys[1:])]
        others += [TITLE_PREFIX + k for k in title_keys]
        others += [f"{TITLE_PREFIX}{a} {b}" for a, b in zip(title_keys, title_keys[1:])]
        parts.append(np.array([row for row in map(get, others) if row is not None], dtype=np.int64))
        counts = np.bincount(np.concatenate(parts), minlength=len(self.vocabulary))
        present = np.flatnonzero(counts)
        if not len(present):
            return softmax(self.bias)
        x = 1.0 + np.log(counts[present])
        x /= math.sqrt(x @ x)
        return softmax(self.bias + x @ self.weights[present])

    def _cache_word(self, key: str) -> np.ndarray:
        """Vocabulary rows of a word's own features: the word and its character n-grams."""
        if len(self._word_rows) > WORD_CACHE_SIZE:
            self._word_rows.clear()
        rows = [row for row in map(self.vocabulary.get, (key, *char_ngrams(key))) if row is not None]
        self._word_rows[key] = np.array(rows, dtype=np.int64)
        return self._word_rows[key]

    def to_json(self) -> dict:
        """A JSON-ready dict; weights as little-endian float16, base64-encoded, rows in vocabulary order."""
        return {
            "format": MODEL_FORMAT,
            "types": list(self.types),
            "min_evidence": self.min_evidence,
            "min_probability": self.min_probability,
            "triggers": {t: sorted(words) for t, words in self.triggers.items()},
            "bias": [float(b) for b in self.bias],
            "vocabulary": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
            "weights_float16": base64.b64encode(self.weights.astype("<f2").tobytes()).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: dict) -> "EventTypeModel":
        """The model :meth:`to_json` wrote; ValueError if the file is of another format."""
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(
                f"event type model has format {data.get('format')!r}, this version reads {MODEL_FORMAT}; "
                f"retrain it with `{TRAIN_COMMAND}`"
            )
        types = tuple(data["types"])
        vocabulary = {feature: row for row, feature in enumerate(data["vocabulary"])}
        raw = base64.b64decode(data["weights_float16"])
        weights = np.frombuffer(raw, dtype="<f2").astype(np.float64).reshape(len(vocabulary), len(types))
        return cls(
            types=types,
            vocabulary=vocabulary,
            weights=weights,
            bias=np.asarray(data["bias"], dtype=np.float64),
            triggers={t: frozenset(words) for t, words in data["triggers"].items()},
            min_evidence=float(data["min_evidence"]),
            min_probability=float(data["min_probability"]),
        )


def softmax(scores: np.ndarray) -> np.ndarray:
    """Softmax along the last axis."""
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


@lru_cache(maxsize=2)
def load_model(name: str = MODEL_FILE) -> EventTypeModel:
    """A model from the package's ``resources`` folder, read once."""
    resource = resources.files("ghatnakram").joinpath("resources").joinpath(name)
    try:
        data = json.loads(resource.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelMissing(
            f"event type model ghatnakram/resources/{name} is missing; "
            f"train it with `{TRAIN_COMMAND}` from the repository root"
        ) from None
    return EventTypeModel.from_json(data)


def incident_family(event_type: str) -> str | None:
    """The family of an incident type (``"FLOODS"`` → ``"weather"``), None for ``"other"``."""
    return _FAMILY_OF.get(event_type)


def classify_event_type(title: str, text: str) -> str:
    """The main event type of a Hindi news article (e.g. ``"FLOODS"``), or ``"other"``.

    :param title: the headline (may be empty).
    :param text: the body; only its first ``LEAD_CHARS`` characters are read.
    """
    return load_model().predict(title, text)
