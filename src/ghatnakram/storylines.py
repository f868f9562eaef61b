"""Storylines: events of one thread, linked over weeks to months and ordered on a timeline.

An event joins the storyline whose profile it fits best — the same primary place, the
same actors, and the same vocabulary — among storylines active within a window;
otherwise it starts one. Two meetings of the same leaders months apart share their
actors and place, so they are one storyline of two events. The timeline orders events by
event date, with the recurrence ordinal ("first" before "second") breaking ties.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from .events import Signature


@dataclass
class _Storyline:
    id: str
    places: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    terms: Counter = field(default_factory=Counter)
    last_day: date | None = None
    events: list[str] = field(default_factory=list)
    norm: float = 0.0  # length of the term vector, kept up to date as terms are added

    def add_terms(self, terms: Counter) -> None:
        self.terms.update(terms)
        self.norm = math.sqrt(sum(c * c for c in self.terms.values()))


class StorylineLinker:
    """Online storyline assignment of events.

    :param threshold: score an event needs to join a storyline.
    :param window_days: storylines quiet for longer than this are closed to new events.
    """

    def __init__(self, threshold: float = 0.45, window_days: int = 180):
        self.threshold = threshold
        self.window_days = window_days

    def fit(self, events: Iterable[tuple[str, list[Signature]]]) -> "StorylineLinker":
        self.labels_: dict[str, str] = {}
        self.storylines_: dict[str, _Storyline] = {}
        return self.partial_fit(events)

    def partial_fit(self, events: Iterable[tuple[str, list[Signature]]]) -> "StorylineLinker":
        """Link each (event id, member signatures) in order of the events' first articles."""
        if not hasattr(self, "labels_"):
            self.labels_, self.storylines_ = {}, {}
        for event_id, members in events:
            self._add(event_id, members)
        return self

    def _add(self, event_id: str, members: list[Signature]) -> None:
        profile = _profile(members)
        day = max((m.day for m in members if m.day), default=None)
        best, best_score = None, self.threshold
        for storyline in self.storylines_.values():
            if day and storyline.last_day and (day - storyline.last_day).days > self.window_days:
                continue
            score = self.score(profile, storyline)
            if score > best_score:
                best, best_score = storyline, score
        if best is None:
            best = _Storyline(id=storyline_id(event_id))
            self.storylines_[best.id] = best
        best.places.update(profile.places)
        best.actors.update(profile.actors)
        best.add_terms(profile.terms)
        best.events.append(event_id)
        if day and (best.last_day is None or day > best.last_day):
            best.last_day = day
        self.labels_[event_id] = best.id

    @staticmethod
    def score(event: _Storyline, storyline: _Storyline) -> float:
        """Shared place, shared actors and shared vocabulary between an event and a storyline."""
        place = 0.0
        if event.places and storyline.places:
            top = storyline.places.most_common(1)[0][0]
            place = 1.0 if top in event.places else (0.5 if set(event.places) & set(storyline.places) else -0.5)
        actors = len(set(event.actors) & set(storyline.actors)) / max(len(event.actors), 1) if event.actors else 0.0
        return 0.35 * place + 0.35 * min(actors, 1.0) + 0.5 * _cosine(event, storyline)


def _profile(members: list[Signature]) -> _Storyline:
    profile = _Storyline(id="")
    for sig in members:
        profile.places.update(sig.places)
        if sig.place:
            profile.places[sig.place] += 1  # the primary place counts twice
        profile.actors.update(sig.actors)
        profile.add_terms(Counter(sig.terms))
    return profile


def _cosine(a: _Storyline, b: _Storyline) -> float:
    small, large = (a, b) if len(a.terms) <= len(b.terms) else (b, a)
    dot = sum(c * large.terms.get(t, 0) for t, c in small.terms.items())
    return dot / (a.norm * b.norm) if a.norm and b.norm else 0.0


def storyline_id(first_event_id: str) -> str:
    """A stable storyline id from the id of the event that started it."""
    return "sl-" + hashlib.sha1(first_event_id.encode("utf-8")).hexdigest()[:12]


def timeline_key(day: date | str | None, ordinal: int | None, published: str) -> tuple[str, int, str]:
    """Where an event stands on a timeline: its date, then its recurrence ordinal ("first" before
    "second"), then its first publication. Undated events go last."""
    return (str(day) if day else "9999-12-31", ordinal or 0, published)


def timeline(events: list[tuple[str, list[Signature]]]) -> list[str]:
    """Event ids in timeline order (see :func:`timeline_key`)."""

    def key(item: tuple[str, list[Signature]]):
        _, members = item
        day = min((m.day for m in members if m.day), default=None)
        ordinal = min((m.ordinal for m in members if m.ordinal), default=None)
        return timeline_key(day, ordinal, min(m.published for m in members))

    return [event_id for event_id, _ in sorted(events, key=key)]
