"""Online assignment: new articles join events and storylines, continuing from the store.

The store keeps what assignment needs to go on where it stopped — the open events' latest
members, the open storylines' profiles, term document frequencies, the latest day seen —
so a new article costs the same whether the archive holds a thousand articles or a
million: nothing older than the open windows is read. Articles wait in the store's queue
from the moment they are stored until they are assigned, so a crash between the two loses
nothing. Assigning the queue in publication order in one call equals assigning the same
articles one call at a time.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from typing import Callable, Iterable, Iterator

from .events import EventClusterer, OpenEvent, Signature, signature, signature_from_dict, signature_order, signature_to_dict
from .models import Article, publication_order
from .store import Store
from .storylines import Storyline, StorylineLinker

BATCH = 500  # articles assigned per transaction
STATE_KEY = "events"


class OnlineAssigner:
    """Event and storyline assignment over one store.

    Keep one per store in a long-running process (a server, a feed watcher): it loads the
    open state once and then costs only the new articles. :meth:`assign_queued` reloads
    first if another process has assigned articles in the meantime.
    """

    def __init__(self, store: Store, clusterer: EventClusterer | None = None, linker: StorylineLinker | None = None):
        self.store = store
        self.clusterer = clusterer or EventClusterer()
        self.linker = linker or StorylineLinker()
        self._generation: str | None = None
        self._load()

    def assign_queued(self, on_article: Callable[[str, str, str], None] | None = None, *,
                      before: str | None = None) -> dict[str, tuple[str, str]]:
        """Assign every queued article, in publication order; (event, storyline) of each.

        :param before: assign only the articles published before this (a :func:`~.models.publication_order` key): a caller
            that knows no article published earlier is still to come can assign those now and
            the rest later, in the order one call would have taken.
        """
        assigned: dict[str, tuple[str, str]] = {}
        self._merged = False
        queued = self.store.queued_for_events(before)
        while queued:
            try:
                with self.store.transaction():
                    # Under the lock, another process's assignments are committed: reload them
                    # and take what is still queued, so no article is assigned twice.
                    self.store.lock_for_events()
                    if self.store.get_state(f"{STATE_KEY}.generation") != self._generation:
                        self._load()
                        queued = self.store.queued_for_events(before)
                    batch, queued = queued[:BATCH], queued[BATCH:]
                    if not batch:
                        break
                    for sig in self._signatures(batch):
                        assigned[sig.article_id] = self._assign(sig)
                        if on_article:
                            on_article(sig.article_id, *assigned[sig.article_id])
                    self._save_batch_state()
            except BaseException:
                self._load()  # memory ran ahead of the rolled-back store
                raise
        if not self._merged:
            return assigned
        # A later article merged events or storylines: read the labels as they stand now.
        return {article_id: self.store.event_of(article_id) or labels for article_id, labels in assigned.items()}

    # -- one article --
    def _assign(self, sig: Signature) -> tuple[str, str]:
        placed = self.clusterer.add(sig)
        storyline_id = self.linker.add(placed.event_id, placed.signature)
        event = self.clusterer.open_events_[placed.event_id]
        store = self.store
        self._merged = self._merged or bool(self.linker.merged_ or placed.merged)
        for old, new in self.linker.merged_:
            store.merge_storyline(old, new)
        self.linker.merged_.clear()
        for old in placed.merged:
            store.merge_event(old, placed.event_id, storyline_id)
            self.linker.labels_.pop(old, None)
        store.save_event(placed.event_id, storyline_id, event.members[0].published, _iso(event.last_day))
        store.add_event_member(sig.article_id, placed.event_id, json.dumps(signature_to_dict(placed.signature), ensure_ascii=False))
        store.save_event_labels([(sig.article_id, placed.event_id, storyline_id)])
        self._new_terms.update(sig.terms.keys())
        if self.clusterer.closed_:
            store.close_events(self.clusterer.closed_)
            for closed in self.clusterer.closed_:
                self.linker.labels_.pop(closed, None)
            self.clusterer.closed_.clear()
        self.clusterer.labels_.pop(sig.article_id, None)
        return placed.event_id, storyline_id

    # -- state --
    def _load(self) -> None:
        store = self.store
        latest = _day(store.get_state(f"{STATE_KEY}.latest_day"))
        storyline_latest = _day(store.get_state(f"{STATE_KEY}.storyline_latest_day"))
        open_events, storyline_of = [], {}
        for event_id, storyline_id, members in store.open_events():
            signatures = sorted((signature_from_dict(json.loads(m)) for m in members), key=signature_order)
            signatures = signatures[-self.clusterer.max_members :]
            days = [s.day for s in signatures if s.day]
            open_events.append(OpenEvent(event_id, signatures, max(days) if days else None))
            storyline_of[event_id] = storyline_id
        self.clusterer.load(open_events, store.term_frequencies(), int(store.get_state(f"{STATE_KEY}.documents") or 0), latest)
        since = _iso(storyline_latest - timedelta(days=self.linker.window_days)) if storyline_latest else None
        storylines = [Storyline.from_dict(i, json.loads(p)) for i, p in store.storylines_since(since)]
        self.linker.load(storylines, storyline_of, storyline_latest)
        self._new_terms: Counter = Counter()
        self._generation = store.get_state(f"{STATE_KEY}.generation")

    def _save_batch_state(self) -> None:
        store = self.store
        store.add_term_frequencies(self._new_terms)
        self._new_terms = Counter()
        for storyline in self.linker.changed_.values():
            store.save_storyline(storyline.id, _iso(storyline.last_day), json.dumps(storyline.to_dict(), ensure_ascii=False))
        self.linker.changed_.clear()
        store.set_state(f"{STATE_KEY}.documents", str(self.clusterer.documents_))
        store.set_state(f"{STATE_KEY}.latest_day", _iso(self.clusterer.latest_day_) or "")
        store.set_state(f"{STATE_KEY}.storyline_latest_day", _iso(self.linker.latest_day_) or "")
        self._generation = str(int(self._generation or 0) + 1)
        store.set_state(f"{STATE_KEY}.generation", self._generation)

    def _signatures(self, ids: list[str]) -> Iterator[Signature]:
        """The queued articles' signatures: as queued with them, else computed from the stored article."""
        queued = self.store.queued_signatures(ids)
        for article_id in ids:
            if article_id in queued:
                yield signature_from_dict(json.loads(queued[article_id]))
            elif (article := self.store.get_article(article_id)) is not None:
                yield signature(article)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def publication_floors(items: Iterable[object], block: int) -> list[str | None]:
    """For each block of ``block`` items of a reader: the earliest publication (a
    :func:`~.models.publication_order` key) of the articles in that block and after it, None
    where no article follows.

    After the first k blocks are stored, every article published before ``floors[k]`` can be
    assigned: none published earlier is still to come, so the assignment order is the one a
    single call at the end would take.
    """
    minima: list[str | None] = []
    for index, item in enumerate(items):
        if index % block == 0:
            minima.append(None)
        if isinstance(item, Article):
            published = publication_order(item.published)
            if minima[-1] is None or published < minima[-1]:
                minima[-1] = published
    floors: list[str | None] = []
    floor: str | None = None
    for minimum in reversed(minima):
        if minimum is not None and (floor is None or minimum < floor):
            floor = minimum
        floors.append(floor)
    return floors[::-1]
