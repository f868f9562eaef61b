"""Events: articles about one happening, grouped online in publication order.

In one topic most articles share vocabulary, so topic similarity alone merges
everything. An article's *signature* says what happened where and when: the event date,
the primary place (rolled up to its state or country), the kind of happening (a count
report, an order, an incident, a statement, a meeting), who acts, the numbers it
reports, and its recurrence cue. Structure decides; TF-IDF similarity over the title and
lead breaks ties.

:class:`EventClusterer` follows estimator rules: parameters in ``__init__``, learned
state in attributes ending in ``_``, ``fit`` resets, ``partial_fit`` continues, so one
``fit`` over a batch equals ``partial_fit`` article by article in the same order.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable

from .facts import find_quantities
from .models import Article
from .normalize import split_sentences, tokenize, word_keys
from .places import all_places, get_place, parents, resolve_place

# Words that say what kind of happening an article reports (title and lead).
KIND_WORDS = {
    "count": "संख्या मामले मामलों केस संक्रमित पॉजिटिव पॉजीटिव मरीज मरीजों आंकड़ा आंकड़े बढ़कर मौतें मृतकों टैली",
    "order": "आदेश निर्देश फैसला निर्णय घोषणा लॉकडाउन रोक प्रतिबंध बंद अनुमति मंजूरी नियम गाइडलाइन दिशा-निर्देश लागू पैकेज",
    "incident": "हादसा दुर्घटना आग हमला गिरफ्तार हत्या फायरिंग विस्फोट टक्कर डूबे डूबा बेपटरी",
    "statement": "कहा बोले बोलीं आरोप अपील चेतावनी बयान दावा निशाना सलाह",
    "meeting": "बैठक मुलाकात वार्ता बातचीत सम्मेलन दौरा समीक्षा",
}
_KIND_OF = {word: kind for kind, words in KIND_WORDS.items() for word in words.split()}
# Function words and the words of every story in a topic carry no signal of which happening.
STOP_WORDS = frozenset(
    "के का की में से को ने और है हैं था थी थे पर भी यह वह इस उस एक लिए कि तो ही हो गया गई गए किया कर "
    "रहे रहा रही जा साथ बाद तक अब नहीं सकता सकते होगा हुआ हुई हुए दिया दी वाले वाली लेकर बताया जो जब "
    "अपने अपनी उनके उन्होंने इसके लिये गयी गये वहीं बीच दौरान".split()
)
LEAD_SENTENCES = 2
# A dateline names where the reporter files from ("नई दिल्ली, जागरण संवाददाता ।", "पटना :",
# "वाशिंगटनः"): often not where the happening is, so it is the place of last resort.
DATELINE = re.compile(r"^\s*[^\n।:ः,|(]{2,40}?(?:\s*[,/]\s*[^\n।:ः|(]{0,40}?)?\s*(?:[।:ः|\n]|\(\s*[^)]{1,20}\)\s*[।:ः]?)")
# Where no place is named, "देश में" reports the country and "दुनियाभर में" the world.
SCOPE_WORDS = {
    "country:IN": "देश देशभर देश-भर राष्ट्रीय राष्ट्रव्यापी",
    "world": "दुनिया दुनियाभर दुनिया-भर विश्व विश्वभर वैश्विक",
}
DURATIONS = frozenset({"decades", "years", "months", "weeks", "days", "hours", "minutes"})
_SCOPE_OF = {word: scope for scope, words in SCOPE_WORDS.items() for word in words.split()}
MAX_POSTING = 50  # events a word may index before it is too common to find candidates by


@dataclass(frozen=True)
class Signature:
    """What an article says happened, where, when and by whom."""

    article_id: str
    published: str
    day: date | None  # event date, else publication day
    place: str | None  # primary place: the first place of the title, else of the lead
    places: frozenset[str]
    actors: frozenset[str]  # canonical PER/ORG entities of title and lead
    kind: str
    terms: dict[str, int]
    numbers: frozenset[float]
    ordinal: int | None


def signature(article: Article) -> Signature:
    """The signature of an analysed article."""
    analysis = article.analysis
    lead_sentences = split_sentences(article.text)[:LEAD_SENTENCES]
    lead_end = sum(len(s) for s in lead_sentences) + len(lead_sentences)
    lead = " ".join(lead_sentences)
    mentions = [m for m in (analysis.entities if analysis else ()) if m.canonical]
    early = [m for m in mentions if m.start <= lead_end]
    dateline_end = _dateline_end(article.text)
    places = [_rolled_up(m.place) for m in early if m.place and m.start >= dateline_end]
    title_places = [_rolled_up(p) for p in places_in(article.title)]
    if not places and not title_places:
        places = _scopes(f"{article.title} {lead}") or [_rolled_up(m.place) for m in early if m.place]
    words = [w for w in word_keys(f"{article.title} {article.title} {lead}") if w not in STOP_WORDS and len(w) > 1]
    day = analysis.event_date if analysis and analysis.event_date else (article.published or "")[:10] or None
    lead_quantities = [q for q in (analysis.quantities if analysis else ()) if q.sentence < LEAD_SENTENCES]
    numbers = {q.value for q in lead_quantities + find_quantities(article.title) if _is_reported_count(q)}
    recurrence = analysis.recurrence if analysis else None
    return Signature(
        article_id=article.id,
        published=article.published or "",
        day=date.fromisoformat(day) if day else None,
        place=(title_places or places or [None])[0],
        places=frozenset(places + title_places),
        actors=frozenset(m.canonical for m in early if m.type in ("PER", "ORG")),
        kind=event_kind(f"{article.title} {lead}"),
        terms=dict(Counter(words)),
        numbers=frozenset(numbers),
        ordinal=recurrence.ordinal if recurrence else None,
    )


def _is_reported_count(quantity) -> bool:
    """A number that tells one report from another: not a small one, not a span of time ("24 घंटे में")."""
    return quantity.value >= 10 and quantity.unit not in DURATIONS


def _dateline_end(text: str) -> int:
    """Where the dateline at the head of ``text`` ends, or 0 if there is none."""
    match = DATELINE.match(text)
    if not match or len(tokenize(text[: match.end()])) > 8:
        return 0
    place = re.split(r"[,/:ः।|(\n]", text[: match.end()], maxsplit=1)[0]
    return match.end() if len(place.split()) <= 3 else 0


def _scopes(text: str) -> list[str]:
    """"country:IN" or "world" for the scope words of ``text``, in order."""
    return [_SCOPE_OF[w] for w in word_keys(text) if w in _SCOPE_OF]


def places_in(text: str, longest: int = 3) -> list[str]:
    """Gazetteer places named in a short text (a title), in order: Hindi names, and English ones as titles mix them."""
    words = [t for t in tokenize(text) if t[0].isalnum() or "\u0900" <= t[0] <= "\u097f"]
    found, i = [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            name = " ".join(words[i : i + n])
            place = _english_places().get(name.lower()) if name.isascii() else resolve_place(name)
            if place and len(name) > 2:
                found.append(place.id)
                i += n
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=1)
def _english_places() -> dict:
    return {p.en.lower(): p for p in all_places() if p.en}


def event_kind(text: str) -> str:
    """The kind of happening the words of ``text`` report most: count, order, incident, statement, meeting, or other."""
    kinds = Counter(_KIND_OF[w] for w in word_keys(text) if w in _KIND_OF)
    return kinds.most_common(1)[0][0] if kinds else "other"


def _rolled_up(place_id: str) -> str:
    """A district or city to its state; a state or country stays as it is."""
    place = get_place(place_id)
    if place is None or place.kind in ("state", "country", "region"):
        return place_id
    for parent in parents(place_id):
        if parent.kind == "state":
            return parent.id
    return place_id


@dataclass
class _Event:
    id: str
    members: list[Signature] = field(default_factory=list)
    last_day: date | None = None


class EventClusterer:
    """Online event assignment.

    :param threshold: score an article needs with an event's closest member to join it.
    :param max_day_gap: event dates further apart than this never share an event.
    :param window_days: events whose last article is older than this (in event days) are closed.
    :param max_members: members compared per event (the latest ones).
    """

    def __init__(self, threshold: float = 0.5, max_day_gap: int = 1, window_days: int = 3, max_members: int = 20):
        self.threshold = threshold
        self.max_day_gap = max_day_gap
        self.window_days = window_days
        self.max_members = max_members

    def fit(self, signatures: Iterable[Signature]) -> "EventClusterer":
        self._reset()
        return self.partial_fit(signatures)

    def partial_fit(self, signatures: Iterable[Signature]) -> "EventClusterer":
        if not hasattr(self, "labels_"):
            self._reset()
        for sig in signatures:
            self._add(sig)
        return self

    # -- learned state --
    def _reset(self) -> None:
        self.labels_: dict[str, str] = {}
        self.events_: dict[str, _Event] = {}
        self.document_frequency_: Counter = Counter()
        self.documents_ = 0
        self._index: dict[str, set[str]] = defaultdict(set)  # term / place / actor → open event ids

    def _add(self, sig: Signature) -> None:
        self.documents_ += 1
        self.document_frequency_.update(sig.terms.keys())
        best, best_score = None, self.threshold
        for event in self._candidates(sig):
            score = max(self.pair_score(sig, member) for member in event.members[-self.max_members :])
            if score > best_score:
                best, best_score = event, score
        if best is None:
            best = _Event(id=event_id(sig.article_id))
            self.events_[best.id] = best
        best.members.append(sig)
        if sig.day and (best.last_day is None or sig.day > best.last_day):
            best.last_day = sig.day
        self.labels_[sig.article_id] = best.id
        for key in _index_keys(sig):
            self._index[key].add(best.id)

    def _candidates(self, sig: Signature) -> list[_Event]:
        ids: set[str] = set()
        for key in _index_keys(sig):
            posting = self._index.get(key, ())
            if len(posting) <= MAX_POSTING or not key.startswith("t:"):  # a word in every event finds nothing
                ids.update(posting)
        open_events = []
        for event_id_ in sorted(ids):
            event = self.events_[event_id_]
            if sig.day and event.last_day and (sig.day - event.last_day).days > self.window_days:
                continue
            open_events.append(event)
        return open_events

    # -- scoring --
    def pair_score(self, a: Signature, b: Signature) -> float:
        """How strongly two articles look like reports of one happening."""
        if a.day and b.day and abs((a.day - b.day).days) > self.max_day_gap:
            return -1.0
        if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
            return -1.0  # "the first meeting" and "the second meeting" are two happenings
        score = self._cosine(a.terms, b.terms)
        if a.place and b.place:
            if a.place == b.place:
                score += 0.15
            elif not a.places & b.places:
                score -= 0.25
        if a.kind == b.kind and a.kind != "other":
            score += 0.1
        if a.numbers & b.numbers:
            score += 0.25
        if a.actors & b.actors:
            score += 0.1
        if a.day and b.day and a.day == b.day:
            score += 0.05
        return score

    def _cosine(self, a: dict[str, int], b: dict[str, int]) -> float:
        va, vb = self._weights(a), self._weights(b)
        dot = sum(w * vb.get(t, 0.0) for t, w in va.items())
        norm = math.sqrt(sum(w * w for w in va.values()) * sum(w * w for w in vb.values()))
        return dot / norm if norm else 0.0

    def _weights(self, terms: dict[str, int]) -> dict[str, float]:
        n = max(self.documents_, 1)
        # Smoothed IDF (+1, as scikit-learn's smooth_idf): early in a stream every term is rare.
        return {t: (1 + math.log(c)) * (math.log((n + 1) / (self.document_frequency_.get(t, 0) + 1)) + 1) for t, c in terms.items()}


def _index_keys(sig: Signature) -> list[str]:
    return [f"t:{t}" for t in sig.terms] + [f"p:{p}" for p in sig.places] + [f"a:{a}" for a in sig.actors]


def event_id(first_article_id: str) -> str:
    """A stable event id from the id of the article that started it."""
    return "ev-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]
