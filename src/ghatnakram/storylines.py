"""Storylines: events of one thread, linked over weeks to months and ordered on a timeline.

Two kinds of thread. A place's outbreak (or any running story of one place) is followed
by its place: a count report of a state, the country or the world, and any happening
whose headline names a state, joins the open storyline of that place — its *thread* — whose
topic it shares, or starts one: a state may run several threads at once (its outbreak, its
by-election), and words of any story ("दिन", "करीब") are no topic. A news beat is followed the
same way wherever its news happens: studies and vaccine trials are the research beat's thread,
the markets' falls the markets'. Incidents of two families
(an earthquake and a riot; see event_type.INCIDENT_FAMILIES) never share a storyline, nor does a
storyline of one disease take news of another (a state's bird flu and its COVID-19 outbreak), and an
incident follows a thread that told of none only by a shared topic. Every other event joins
the storyline whose profile it fits best — the same primary place, the same actors, and the
same vocabulary — among the storylines active within a window that are no place's thread;
else one active in the last few days whose distinctive words (TF-IDF) it shares; otherwise it
starts one. Two meetings of the same leaders months apart share
their actors and place, so they are one storyline of two events. The timeline orders
events by event date, with the recurrence ordinal ("first" before "second") breaking ties.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from .events import Signature, count_hits, diseases_agree, incidents_agree, most_hits_first
from .models import publication_order


# A place's running story: the state, country or world whose thread a happening follows.
THREAD_PLACE_PREFIXES = ("state:", "country:", "world")
BEAT_THREAD = "beat:"  # a news beat's running story, wherever its news happens (see events.news_beat)
# The capital named in a lead whose headline names no place is mostly the country's news told there
# ("स्वास्थ्य मंत्रालय ने आज दिल्ली में मीडिया को जानकारी दी"); a national desk's own dateline is no place
# at all (events.signature).
CAPITAL = "state:IN:delhi"
PROFILE_TERMS = 40  # terms a storyline keeps: its vocabulary, not every word of every article
PROFILE_NAMES = 20  # places and actors a storyline keeps, the most frequent
MAX_POSTING = 200  # storylines a key may index before it is too common to find candidates by
MAX_CANDIDATES = 30  # storylines scored per new event: those sharing the most keys with it
UNKNOWN_PLACE = 0.5  # place credit of an event that names no place: unknown, not elsewhere
THREAD_LENGTH_CREDIT = 0.01  # per e-fold of a thread's events, when a new event picks among its place's threads
THREAD_TOPIC_COSINE = 0.05  # words a happening must share with its place's outbreak to follow it (counts always do)
# A place's other threads (its exam leak, its floods, its seat talks) are many at once: a happening
# follows one only by sharing more of its words than an outbreak's every order and alarm shares.
OTHER_THREAD_TOPIC_COSINE = 0.09
ESTABLISHED_DISEASE = 2  # articles naming a disease before a storyline is that disease's news
INCIDENT_TOPIC_COSINE = 0.2  # the same, when one of them tells of an incident and the other of none
# A new event that follows no place or beat and fits no storyline still joins one active in the last
# few days whose distinctive words it shares: the TF-IDF cosine of its first article with the
# storyline's articles (a day's package announcements and the next day's reactions to it).
RECENT_TOPIC_DAYS = 3
RECENT_TOPIC_COSINE = 0.2
# Words of any story, whatever it is about: when, how much, how new. Two stories sharing only
# these ("दिन", "करीब", "पहुंचे") share no topic: a book fair and a by-election of one state.
NO_TOPIC_WORDS = frozenset(
    "दिन दिनों सप्ताह हफ्ते महीने महीना साल वर्ष सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार "
    "आज कल सुबह शाम रात पहले बाद करीब लगभग पहुंचे पहुंचा पहुंची कई सभी लोग लोगों बड़ा बड़ी बड़े "
    "नया नई नए शुरू शुरुआत दौर जारी".split()
)


@dataclass
class Storyline:
    """A storyline's profile: the places, actors and words of its articles, and its last event day."""

    id: str
    places: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    terms: Counter = field(default_factory=Counter)
    last_day: date | None = None
    started: str = ""  # publication time of its first article (compare with models.publication_order)
    norm: float = 0.0  # length of the term vector, kept up to date as terms are added
    thread: str | None = None  # the place whose running story this is, when it follows one
    events: int = 0  # events it holds (0 for a storyline stored before this was counted: unknown)
    incident: str | None = None  # the incident family of its first event that told of one
    diseases: Counter = field(default_factory=Counter)  # articles naming each disease
    topic: Counter = field(default_factory=Counter)  # the sum of its articles' TF-IDF vectors over topic words

    def add(self, sig: Signature) -> None:
        self.started = _earlier(self.started, sig.published)
        self.places.update(sig.places)
        if sig.place:
            self.places[sig.place] += 1  # the primary place counts twice
        self.actors.update(sig.actors)
        self.terms.update(sig.terms)
        self.topic.update(topic_vector(sig))
        self.keep_top()
        self.incident = self.incident or sig.incident
        self.diseases.update(sig.diseases)
        if sig.day and (self.last_day is None or sig.day > self.last_day):
            self.last_day = sig.day

    def keep_top(self) -> None:
        """Keep the most frequent places, actors and words only (:data:`PROFILE_NAMES`,
        :data:`PROFILE_TERMS`; the heaviest topic words), and the term vector's length up to date."""
        self.places, self.actors = _top(self.places, PROFILE_NAMES), _top(self.actors, PROFILE_NAMES)
        self.terms, self.topic = _top(self.terms, PROFILE_TERMS), _top(self.topic, PROFILE_TERMS)
        self.norm = _norm(self.terms)

    def keys(self) -> set[str]:
        return {f"p:{p}" for p in self.places} | {f"a:{a}" for a in self.actors} | {f"t:{t}" for t in self.terms}

    def to_dict(self) -> dict:
        return {"places": dict(self.places), "actors": dict(self.actors), "terms": dict(self.terms),
                "last_day": self.last_day.isoformat() if self.last_day else None, "started": self.started,
                "thread": self.thread, "events": self.events, "incident": self.incident, "diseases": dict(self.diseases),
                "topic": dict(self.topic)}

    @classmethod
    def from_dict(cls, storyline_id_: str, data: dict) -> "Storyline":
        storyline = cls(storyline_id_, Counter(data["places"]), Counter(data["actors"]), Counter(data["terms"]),
                        date.fromisoformat(data["last_day"]) if data["last_day"] else None, data.get("started", ""),
                        thread=data.get("thread"), events=data.get("events", 0), incident=data.get("incident"),
                        diseases=Counter(data.get("diseases", {})), topic=Counter(data.get("topic", {})))
        storyline.norm = _norm(storyline.terms)
        return storyline


class StorylineLinker:
    """Online storyline assignment, article by article in publication order.

    A new event joins the thread of the place or beat it follows (see :func:`followed_thread`),
    else the storyline its first article fits best, else starts one; every article of an
    event then adds to its storyline's profile.

    :param threshold: score a new event that follows no place needs to join a storyline. A
        shared place alone (0.35) is not enough: the place's running story is its thread.
    :param window_days: storylines quiet for longer than this (in event days) are closed to new events.
    :param merge_threshold: a new event scoring at least this with two storylines shows they are
        one thread: the later storyline merges into the earlier one (its id redirects). A
        place's thread never merges: it is already the one storyline of its place.
    """

    def __init__(self, threshold: float = 0.65, window_days: int = 180, merge_threshold: float = 0.65):
        self.threshold = threshold
        self.window_days = window_days
        self.merge_threshold = merge_threshold

    def fit(self, items: Iterable[tuple[str, Signature]]) -> "StorylineLinker":
        self._reset()
        return self.partial_fit(items)

    def partial_fit(self, items: Iterable[tuple[str, Signature]]) -> "StorylineLinker":
        """Link each (event id, signature of an article just assigned to that event), in order."""
        for event_id, sig in items:
            self.add(event_id, sig)
        return self

    def add(self, event_id: str, sig: Signature) -> str:
        """The storyline of ``event_id`` after its article ``sig`` (starting or joining one if the event is new)."""
        if not hasattr(self, "labels_"):
            self._reset()
        storyline = self.storylines_.get(self.resolve(self.labels_.get(event_id, "")))
        if storyline is None:
            storyline = self._storyline_for_new_event(event_id, sig)
            storyline.events += 1
            self.labels_[event_id] = storyline.id
        elif storyline.thread is None and storyline.events == 1 and not storyline.places:
            storyline = self._follow_late(storyline, sig)
        self._unindex(storyline)
        storyline.add(sig)
        self._index_storyline(storyline)
        self.changed_[storyline.id] = storyline
        self._close_old_storylines(sig.day)
        return storyline.id

    def _storyline_for_new_event(self, event_id: str, sig: Signature) -> Storyline:
        """The storyline a new event with first article ``sig`` joins or starts: the thread of the
        place or beat it follows whose topic it shares, else the storyline it fits best, else a new one
        (a new thread of its place, when it follows one: a state's by-election and its book fair
        are two threads of one state)."""
        thread = followed_thread(sig)
        profile = _profile(sig)
        if thread:
            known = self._thread_of(thread, sig, profile)
            if known is not None:
                return known
        candidates = [s for s in self._candidates(profile, sig.day) if _may_share_a_thread(s, profile)]
        fitting = self._fitting_storylines(profile, candidates)
        bridged = [s for score, s in fitting if score >= self.merge_threshold and s.thread is None]
        if len(bridged) > 1:  # an event that fits two storylines shows they are one thread
            return self._merge(bridged)
        if fitting:
            return fitting[0][1]
        recent = None if thread else _recent_topic(candidates, sig)
        return recent or self._start(storyline_id(event_id), thread)

    def _follow_late(self, storyline: Storyline, sig: Signature) -> Storyline:
        """An event alone in its storyline whose later article shows the place (or beat) it follows
        (its first named none) joins that thread: a national count first reported without "देश"."""
        followed = followed_thread(sig)
        if followed is None:
            return storyline
        thread = self._thread_of(followed, sig, _profile(sig))
        if thread is None:
            return storyline
        return self._merge([thread, storyline], survivor=thread)

    def _thread_of(self, followed: str, sig: Signature, profile: Storyline) -> Storyline | None:
        """The open thread of ``followed`` (a place or a beat: see :func:`followed_thread`) whose
        topic the new event shares most, among those of an agreeing incident family; a count report
        joins the place's thread of counts however few words it shares, unless one of them tells of
        an incident and the other not (see :func:`_topic_needed`)."""
        open_threads = (t for t in map(self.storylines_.get, self.threads_.get(followed, ()))
                        if not self._quiet(t, sig.day) and _may_share_a_thread(t, profile))
        # A busy state may run many threads over the window: the most recently active are scored.
        threads = heapq.nlargest(MAX_CANDIDATES, open_threads, key=lambda s: (s.last_day or date.min, publication_order(s.started), s.id))
        if not threads:
            return None
        topic = _topic_words(profile)
        scored = ((_cosine(topic, _topic_words(t)), t) for t in threads)
        joinable = [(cosine, t) for cosine, t in scored if cosine >= _topic_needed(t, sig)]
        return min(joinable, key=lambda x: (-_thread_fit(*x), publication_order(x[1].started), x[1].id))[1] if joinable else None

    def load(self, storylines: Iterable[Storyline], labels: dict[str, str], latest_day: date | None) -> "StorylineLinker":
        """Continue from saved state: the open storylines, the storyline of each open event, the latest day seen."""
        self._reset()
        self.labels_.update(labels)
        self.latest_day_ = latest_day
        for storyline in storylines:
            self.storylines_[storyline.id] = storyline
            self._index_storyline(storyline)
            if storyline.thread:
                self.threads_[storyline.thread].append(storyline.id)
        return self

    def _reset(self) -> None:
        self.labels_: dict[str, str] = {}  # event id → storyline id
        self.storylines_: dict[str, Storyline] = {}  # open storylines
        self.threads_: dict[str, list[str]] = defaultdict(list)  # place → its open threads' storyline ids
        self.changed_: dict[str, Storyline] = {}  # storylines changed since the caller last cleared this
        self.latest_day_: date | None = None
        self._index: dict[str, set[str]] = defaultdict(set)
        self.redirects_: dict[str, str] = {}
        self.merged_: list[tuple[str, str]] = []  # (old, new) merges since the caller last cleared this

    def _start(self, storyline_id_: str, thread: str | None = None) -> Storyline:
        storyline = Storyline(id=storyline_id_, thread=thread)
        self.storylines_[storyline.id] = storyline
        if thread:
            self.threads_[thread].append(storyline.id)
        return storyline

    def _fitting_storylines(self, profile: Storyline, candidates: list[Storyline]) -> list[tuple[float, Storyline]]:
        """(score, storyline) of the ``candidates`` a new event (``profile``: that of its first article) fits, best first."""
        presence = self._actor_presence(profile)
        scored = [(self.score(profile, s, presence), s) for s in candidates]
        return sorted(((score, s) for score, s in scored if score > self.threshold), key=lambda x: (-x[0], x[1].id))

    def _actor_presence(self, profile: Storyline) -> Counter:
        """How many articles of the open storylines name each of ``profile``'s actors."""
        return Counter({actor: sum(self.storylines_[s].actors[actor] for s in self._index.get("a:" + actor, ()))
                        for actor in profile.actors})

    def resolve(self, storyline_id_: str) -> str:
        while storyline_id_ in self.redirects_:
            storyline_id_ = self.redirects_[storyline_id_]
        return storyline_id_

    def labels(self) -> dict[str, str]:
        """Storyline of every event seen, following merges."""
        return {event: self.resolve(storyline) for event, storyline in self.labels_.items()}

    def _merge(self, storylines: list[Storyline], survivor: Storyline | None = None) -> Storyline:
        """Merge storylines into ``survivor``, by default the one that started first; the others redirect to it."""
        survivor = survivor or min(storylines, key=lambda s: (publication_order(s.started), s.id))
        for other in storylines:
            if other is survivor:
                continue
            self._unindex(other)
            self._unindex(survivor)
            survivor.places.update(other.places)
            survivor.actors.update(other.actors)
            survivor.terms.update(other.terms)
            survivor.topic.update(other.topic)
            survivor.keep_top()
            survivor.last_day = max((d for d in (survivor.last_day, other.last_day) if d), default=None)
            survivor.started = _earlier(survivor.started, other.started)
            survivor.events += other.events
            survivor.incident = survivor.incident or other.incident
            survivor.diseases.update(other.diseases)
            self._index_storyline(survivor)
            del self.storylines_[other.id]
            self.changed_.pop(other.id, None)
            self.redirects_[other.id] = survivor.id
            self.merged_.append((other.id, survivor.id))
        return survivor

    def _candidates(self, profile: Storyline, day: date | None) -> list[Storyline]:
        """The open storylines sharing the most keys with ``profile``; not a place's thread, which
        takes only what follows its place, unless the event names no place at all: then its words
        may show it is part of a place's running story ("मतदान 61.4%" of a by-election)."""
        found = []
        for storyline_id_ in most_hits_first(count_hits(self._index, profile.keys(), MAX_POSTING)):
            storyline = self.storylines_[storyline_id_]
            if (storyline.thread is None or not profile.places) and not self._quiet(storyline, day):
                found.append(storyline)
                if len(found) == MAX_CANDIDATES:
                    break
        return found

    def _quiet(self, storyline: Storyline, day: date | None) -> bool:
        """Whether ``storyline`` has had no event for longer than the window before ``day``."""
        return bool(day and storyline.last_day and (day - storyline.last_day).days > self.window_days)

    def _index_storyline(self, storyline: Storyline) -> None:
        for key in storyline.keys():
            self._index[key].add(storyline.id)

    def _unindex(self, storyline: Storyline) -> None:
        for key in storyline.keys():
            posting = self._index.get(key)
            if posting is not None:
                posting.discard(storyline.id)
                if not posting:
                    del self._index[key]

    def _close_old_storylines(self, day: date | None) -> None:
        if day is None or (self.latest_day_ is not None and day <= self.latest_day_):
            return
        self.latest_day_ = day
        for storyline in [s for s in self.storylines_.values() if self._quiet(s, day)]:
            self._unindex(storyline)
            del self.storylines_[storyline.id]
            if storyline.thread:
                self.threads_[storyline.thread].remove(storyline.id)

    @staticmethod
    def score(event: Storyline, storyline: Storyline, presence: Counter | None = None) -> float:
        """Shared place, shared actors and shared vocabulary between an event and a storyline
        (``presence``: see :func:`_shared_actors`)."""
        place = UNKNOWN_PLACE if not event.places else 0.0
        if event.places and storyline.places:
            top = min((-count, name) for name, count in storyline.places.items())[1]  # ties by name, not set order
            place = 1.0 if top in event.places else (0.5 if event.places.keys() & storyline.places.keys() else -0.5)
        # Actors come from the tagger and are often missed or wrong: they weigh less than words.
        return 0.35 * place + 0.2 * _shared_actors(event, storyline, presence) + 0.6 * _cosine(event, storyline)


def _recent_topic(candidates: list[Storyline], sig: Signature) -> Storyline | None:
    """The candidate storyline (no place's thread) active in the last :data:`RECENT_TOPIC_DAYS` whose
    distinctive words the new event's article shares most, at :data:`RECENT_TOPIC_COSINE` or more."""
    vector = topic_vector(sig)
    recent = [s for s in candidates if s.thread is None and s.topic
              and not (sig.day and s.last_day and (sig.day - s.last_day).days > RECENT_TOPIC_DAYS)]
    scored = [(_weighted_cosine(vector, s.topic), s) for s in recent]
    best = min(((c, s) for c, s in scored if c >= RECENT_TOPIC_COSINE), key=lambda x: (-x[0], x[1].id), default=None)
    return best[1] if best else None


def _thread_fit(cosine: float, thread: Storyline) -> float:
    """How well a new event fits one of its place's threads: the words they share, and a little
    for the thread's length, so that news sharing next to nothing with any of them joins the
    place's long-running story rather than a one-off (a district's COVID-19 news, not its crime report)."""
    return cosine + THREAD_LENGTH_CREDIT * math.log(max(thread.events, 1))


def _may_share_a_thread(storyline: Storyline, new: Storyline) -> bool:
    """Whether a new event (``new``: its profile) may join ``storyline``: not an incident of another
    family (an earthquake and a riot), nor news of another disease than the storyline's own (a
    state's bird flu and its COVID-19 outbreak; see :func:`_its_diseases`)."""
    return incidents_agree(storyline.incident, new.incident) and diseases_agree(_its_diseases(storyline), frozenset(new.diseases))


def _its_diseases(storyline: Storyline) -> frozenset[str]:
    """The disease a storyline is about: the one most of its articles name, once two or more do
    (one story of bird flu does not make a state's COVID-19 thread a bird-flu thread)."""
    if not storyline.diseases:
        return frozenset()
    top = max(storyline.diseases.values())
    return frozenset(d for d, n in storyline.diseases.items() if n == top) if top >= ESTABLISHED_DISEASE else frozenset()


def _shared_actors(event: Storyline, storyline: Storyline, presence: Counter | None) -> float:
    """The share of the event's actors that the storyline names, each weighed by the storyline's
    part of that actor's ``presence`` (articles naming it across the open storylines; None: full
    weight). A health minister named in every thread of an outbreak tells little of which one a
    statement of his belongs to; two leaders named only in one storyline's meetings tell a lot."""
    if not event.actors:
        return 0.0
    shared = set(event.actors) & set(storyline.actors)
    if presence is None:
        return len(shared) / len(event.actors)
    return sum(storyline.actors[a] / max(presence[a], storyline.actors[a]) for a in shared) / len(event.actors)


def followed_thread(sig: Signature) -> str | None:
    """The place or beat whose running story an event follows, or None when it is a thread of its own kind.

    A count report follows its place (a state's, the country's or the world's tally is one
    running story), and so does any happening whose headline names a state: a state's
    orders, cases and alarms are its outbreak's story. A place named only in the lead is
    weaker, and the capital named there stands for the country (see :data:`CAPITAL`).
    Any other happening whose headline is of a news beat follows the beat: studies and
    vaccine trials wherever they are done, the markets' falls.
    """
    place = _followed_place(sig)
    if place is None and sig.beat and sig.kind != "count":
        return BEAT_THREAD + sig.beat
    return place


def _followed_place(sig: Signature) -> str | None:
    place = sig.thread_place or sig.headline_place
    if place is None:
        place = "country:IN" if sig.place == CAPITAL else sig.place
    if not place or not place.startswith(THREAD_PLACE_PREFIXES):
        return None
    return place if sig.kind == "count" or place.startswith("state:") else None


def _topic_needed(thread: Storyline, sig: Signature) -> float:
    """The topic cosine an event needs to follow ``thread``: none for a count report of the thread's
    own subject, a little for any news of a disease's outbreak (see :func:`_its_diseases`), more for
    a place's other threads, and more for an incident in a thread that told of none, or the reverse
    (a shooting in a state's outbreak, the state's case count in its floods)."""
    if thread.incident != sig.incident:
        return INCIDENT_TOPIC_COSINE
    if sig.kind == "count":
        return 0.0
    return THREAD_TOPIC_COSINE if _its_diseases(thread) else OTHER_THREAD_TOPIC_COSINE


def _profile(sig: Signature) -> Storyline:
    """A new event's profile: that of its first article alone."""
    profile = Storyline(id="")
    profile.add(sig)
    return profile


def _topic_words(storyline: Storyline) -> Storyline:
    """A profile's words without those of any story (:data:`NO_TOPIC_WORDS`)."""
    topical = Storyline(id=storyline.id, terms=Counter({t: c for t, c in storyline.terms.items() if t not in NO_TOPIC_WORDS}))
    topical.norm = _norm(topical.terms)
    return topical


def topic_vector(sig: Signature) -> dict[str, float]:
    """The article's TF-IDF vector (:attr:`~.events.Signature.vector`) over its topic words (not
    :data:`NO_TOPIC_WORDS`), of unit length; empty for a signature the event clusterer has not weighed."""
    weights = {t: w for t, w in (sig.vector or {}).items() if t not in NO_TOPIC_WORDS}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def _weighted_cosine(vector: dict[str, float], topic: Counter) -> float:
    norm = math.sqrt(sum(w * w for w in topic.values()))
    return sum(w * topic[t] for t, w in vector.items() if t in topic) / norm if norm else 0.0


def _earlier(started: str, published: str) -> str:
    """The earlier of two publication times ("" for none yet); a bare date is the end of its day."""
    return min(started, published, key=publication_order) if started else published


def _top(counts: Counter, n: int) -> Counter:
    """The ``n`` most frequent keys (ties by key, so that the cut is the same on every run)."""
    if len(counts) <= n:
        return counts
    return Counter(dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]))


def _norm(terms: Counter) -> float:
    """Length of a term-count vector (kept on a storyline as ``norm`` for :func:`_cosine`)."""
    return math.sqrt(sum(c * c for c in terms.values()))


def _cosine(a: Storyline, b: Storyline) -> float:
    dot = sum(a.terms[t] * b.terms[t] for t in a.terms.keys() & b.terms.keys())  # whole counts: any order
    return dot / (a.norm * b.norm) if a.norm and b.norm else 0.0


def storyline_id(first_event_id: str) -> str:
    """A stable storyline id from the id of the event that started it."""
    return "sl-" + hashlib.sha1(first_event_id.encode("utf-8")).hexdigest()[:12]


def timeline_key(day: date | str | None, ordinal: int | None, published: str) -> tuple[str, int, str]:
    """Where an event stands on a timeline: its date, then its recurrence ordinal ("first" before
    "second"), then its first publication. Undated events go last."""
    return (str(day) if day else "9999-12-31", ordinal or 0, publication_order(published))


def timeline_keys(events: list[tuple[date | str | None, int | None, str]]) -> list[tuple[str, int, str]]:
    """The :func:`timeline_key` of each of one storyline's events, given as (date, recurrence
    ordinal, first publication). An undated event with an ordinal stands just before the earliest
    dated event of a higher ordinal: the first meeting, of no known day, before the second, dated."""
    dated = [(str(day), ordinal) for day, ordinal, _ in events if day and ordinal]
    keys = []
    for day, ordinal, published in events:
        if not day and ordinal:
            day = min((later_day for later_day, later in dated if later > ordinal), default=None)
        keys.append(timeline_key(day, ordinal, published))
    return keys


def in_timeline_order(items: list, whens: list[tuple[date | str | None, int | None, str]]) -> list:
    """``items`` (one storyline's events, in any form) sorted by their :func:`timeline_keys`,
    given each one's (date, recurrence ordinal, first publication) in ``whens``."""
    keys = timeline_keys(whens)
    return [item for _, item in sorted(zip(keys, items), key=lambda pair: pair[0])]


def timeline(events: list[tuple[str, list[Signature]]]) -> list[str]:
    """Event ids in timeline order (see :func:`timeline_keys`)."""

    def when(members: list[Signature]) -> tuple[date | None, int | None, str]:
        return (min((m.day for m in members if m.day), default=None), min((m.ordinal for m in members if m.ordinal), default=None),
                min((m.published for m in members), key=publication_order))

    return [event_id for event_id, _ in in_timeline_order(events, [when(members) for _, members in events])]
