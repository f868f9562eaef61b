"""Store access for the web app: a pool of read connections, one writer, and a snapshot of records.

SQLite in WAL mode lets readers run while one writer writes, so each request reads
through a connection of its own, taken from a pool and given back, and writes go
through one connection behind a lock (as Datasette does). Event, storyline and entity records are built once by the library
calls and kept in a :class:`Snapshot` until the store changes: the file's modification
stamps are checked on each request, so articles a separate ``ghatnakram watch`` adds
show up as soon as the records are rebuilt (in the background; see :meth:`StoreAccess.snapshot`).
"""

from __future__ import annotations

import gc
import os
import queue
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterator

from .. import pipeline
from ..store import Store, open_store
from ..translit import latin_key

RecordLoader = Callable[[Store], list[dict]]


@dataclass(frozen=True)
class Snapshot:
    """Event, storyline and entity records of one state of the store, indexed by id."""

    version: object
    events: list[dict]
    storylines: list[dict]
    entities: dict[str, dict]
    events_by_id: dict[str, dict] = field(default_factory=dict)
    storylines_by_id: dict[str, dict] = field(default_factory=dict)
    event_of_article: dict[str, str] = field(default_factory=dict)
    events_by_outlet: dict[str, list[dict]] = field(default_factory=dict)

    @classmethod
    def build(cls, version: object, events: list[dict], storylines: list[dict], entities: list[dict]) -> "Snapshot":
        event_of_article = {article: event["id"] for event in events for article in event["articles"]}
        events_by_outlet: dict[str, list[dict]] = {}
        for event in events:  # newest first, as in ``events``
            for outlet in event["outlets"]:
                events_by_outlet.setdefault(outlet, []).append(event)
        return cls(
            version=version,
            events=events,
            storylines=storylines,
            entities={entity["id"]: entity for entity in entities},
            events_by_id={event["id"]: event for event in events},
            storylines_by_id={storyline["id"]: storyline for storyline in storylines},
            event_of_article=event_of_article,
            events_by_outlet=events_by_outlet,
        )

    @cached_property
    def entity_search(self) -> dict[str, tuple[str, str]]:
        """For each entity, what a search compares the query with: its id, name, Latin form and
        spellings normalised into one text (:func:`~ghatnakram.web.queries.searchable`), and its Latin
        form's key (:func:`~ghatnakram.translit.latin_key`). Worked out at the first search of this
        snapshot, not at each (at 80,000 entities that took a search 1.3–3.9 s)."""
        from .queries import searchable  # queries reads snapshots

        return {entity_id: (searchable(entity["id"], entity["name"], entity.get("latin"), *(entity.get("variants") or {})),
                            latin_key(entity.get("latin") or ""))
                for entity_id, entity in self.entities.items()}

    @cached_property
    def event_search(self) -> dict[str, str]:
        """For each event, its headline, summary and entities' names normalised into the one text a
        search looks in, worked out at the first search of this snapshot (as :attr:`entity_search`)."""
        from .queries import searchable

        return {event["id"]: searchable(event["headline"], event.get("summary"), *(e["name"] for e in event["entities"]))
                for event in self.events}


def store_version(store: Store) -> object:
    """A value that changes whenever anything commits to the store.

    For a SQLite file: the size and modification time of the file and its WAL, which
    every commit touches. Otherwise the article count (misses re-assignments only).
    """
    paths = (store.location, store.location + "-wal")
    stamps = tuple((s.st_size, s.st_mtime_ns) for s in (_stat(p) for p in paths) if s)
    return stamps or store.count_articles()


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


class StoreAccess:
    """Pooled readers, one locked writer, and the current :class:`Snapshot`.

    :param location: the store (a SQLite file path); it is opened, and migrated, once here.
    :param load_events: how event records are read (default :func:`pipeline.event_records`).
    :param load_storylines: how storyline records are read (default :func:`pipeline.storyline_records`).
    """

    def __init__(self, location: str, *, load_events: RecordLoader | None = None,
                 load_storylines: RecordLoader | None = None):
        self.location = location
        self._load_events = load_events or pipeline.event_records
        self._load_storylines = load_storylines or pipeline.storyline_records
        self._writer = open_store(location)
        self._write_lock = threading.Lock()
        self._snapshot_lock = threading.Lock()
        self._idle: queue.SimpleQueue[Store] = queue.SimpleQueue()
        self._opened: list[Store] = [self._writer]
        self._snapshot: Snapshot | None = None
        self._refresh_lock = threading.Lock()
        self.refreshing: threading.Thread | None = None  # the background rebuild, while one runs

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A read connection for one request (the pool grows to the number of concurrent requests)."""
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = open_store(self.location)
            self._opened.append(store)
        try:
            yield store
        finally:
            self._idle.put(store)

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """The one write connection, held by one request at a time."""
        with self._write_lock:
            yield self._writer
        with self._snapshot_lock:  # waits for a background rebuild that may have missed this write
            self._snapshot = None

    def snapshot(self, store: Store) -> Snapshot:
        """The records of the store as it is now (read through ``store``).

        They are rebuilt only when the store changed. After a write through :meth:`writer`
        the next request rebuilds them; after a write by another process (``watch``,
        ``ingest``) the previous records are served while a background thread rebuilds
        them, so no request waits for a rebuild of a large store.
        """
        version = store_version(store)
        current = self._snapshot
        if current is not None and current.version == version:
            return current
        if current is not None:
            self._refresh_in_background()
            return current
        with self._snapshot_lock:
            current = self._snapshot
            if current is None or current.version != version:
                current = self._snapshot = self._build(store)
        return current

    def _build(self, store: Store) -> Snapshot:
        version = store_version(store)  # taken first: a write during the build triggers another
        snapshot = Snapshot.build(version, self._load_events(store), self._load_storylines(store), store.load_entities())
        # The records live until the next rebuild; keep full garbage collections from walking
        # millions of their objects (hundreds of ms each on a 100k-article store) while serving.
        gc.freeze()
        return snapshot

    def _refresh_in_background(self) -> None:
        with self._refresh_lock:
            if self.refreshing is not None and self.refreshing.is_alive():
                return
            self.refreshing = threading.Thread(target=self._refresh, name="ghatnakram-records", daemon=True)
            self.refreshing.start()

    def _refresh(self) -> None:
        with self.reading() as store, self._snapshot_lock:
            self._snapshot = self._build(store)

    def close(self) -> None:
        if self.refreshing is not None:
            self.refreshing.join()
        for store in self._opened:
            store.close()
        self._opened.clear()
