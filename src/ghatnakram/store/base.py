"""The storage interface every backend implements, and its errors."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Iterable, Iterator, Protocol

from ..models import Article
from ..translit import latin_key, spelled_alike


class StoreError(Exception):
    """The store cannot be opened or used; the message says which store and what to do."""


class Store(Protocol):
    """A small interface: articles in, articles out, plus the indexes ingest needs.

    Writes happen inside :meth:`transaction` (one per batch); :meth:`savepoint` scopes
    one article inside it, so that a failing article leaves no partial rows.
    """

    location: str

    def transaction(self) -> AbstractContextManager[None]: ...

    def savepoint(self) -> AbstractContextManager[None]: ...

    def lock_for_events(self) -> None:
        """Inside :meth:`transaction`: hold the store's event-assignment lock until it ends, so that
        one process at a time assigns events (a no-op where writers are serialised already)."""

    def close(self) -> None: ...

    # -- articles --
    def resolve_id(self, article_id: str) -> str | None:
        """The stored id for ``article_id`` (itself, or the article it is an alias of)."""

    def id_for_url(self, url: str) -> str | None: ...

    def ids_for_content(self, content_hash: str) -> list[tuple[str, str]]:
        """(id, outlet) of stored articles with this content hash, oldest first."""

    def add_article(self, article: Article) -> None: ...

    def add_alias(self, alias: str, article_id: str) -> None: ...

    def get_article(self, article_id: str) -> Article | None: ...

    def iter_articles(self, outlet: str | None = None) -> Iterator[Article]: ...

    def count_articles(self) -> int: ...

    # -- near-duplicates --
    def add_signature(self, article_id: str, signature: bytes, buckets: Iterable[int]) -> None: ...

    def signatures_sharing_buckets(self, buckets: list[int], limit: int = 64) -> list[tuple[str, bytes]]:
        """(id, signature) of the ``limit`` latest stored articles sharing an LSH bucket, oldest first."""

    # -- entities --
    def save_entities(self, entities: Iterable[dict]) -> None:
        """Insert or replace entities (dicts with id, type, name, latin, place, count and the resolver's state)."""

    def load_entities(self) -> list[dict]: ...

    # -- events (state of online assignment: see ghatnakram.assign) --
    def queue_for_events(self, article_id: str, published: str | None, signature: str | None = None) -> None:
        """An article waits for event assignment (written in the same transaction as the article),
        with its event signature as JSON when the caller has computed it. ``published`` is the
        article's :func:`~ghatnakram.models.publication_order` key."""

    def queued_signatures(self, article_ids: list[str]) -> dict[str, str]:
        """The signatures (JSON) queued with these articles, for those queued with one."""

    def queued_for_events(self, before: str | None = None) -> list[str]:
        """Ids of articles waiting for assignment, in publication order (text order of the
        queued keys); with ``before`` (a key), only those published before it."""

    def save_event_labels(self, labels: Iterable[tuple[str, str, str]]) -> None:
        """Record (article id, event id, storyline id) triples, replacing earlier ones; they leave the queue."""

    def event_labels(self) -> dict[str, tuple[str, str]]: ...

    def event_members_of(self, *, event_id: str | None = None, storyline_id: str | None = None) -> dict[str, tuple[str, list[str]]]:
        """event id → (storyline id, article ids) for one event, or the events of one storyline."""

    def find_events(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                    canonicals: list[str] | None = None, limit: int | None = 100, offset: int = 0) -> list[tuple[str, str]]:
        """(event id, storyline id) of events whose last day is in [since, until], covered by ``outlet``,
        naming one of ``canonicals``; latest first."""

    def find_storylines(self, *, limit: int | None = 100, offset: int = 0) -> list[str]:
        """Ids of storylines (not merged away), latest activity first."""

    def entities_named(self, name: str) -> list[str]:
        """Canonical ids of entities with this id, or with ``name`` in their name, a spelling or a key,
        or whose Latin name is ``name`` spelled another way (see :func:`~ghatnakram.translit.latin_key`);
        if none, those whose Latin name is ``name`` with other vowels (:func:`entities_spelled_alike`)."""

    def event_of(self, article_id: str) -> tuple[str, str] | None:
        """(event id, storyline id) of an article, or None if it is not assigned yet."""

    def save_event(self, event_id: str, storyline_id: str, first_published: str, last_day: str | None) -> None: ...

    def add_event_member(self, article_id: str, event_id: str, signature: str) -> None: ...

    def close_events(self, event_ids: Iterable[str]) -> None: ...

    def merge_event(self, old_id: str, new_id: str, storyline_id: str) -> None:
        """Move ``old_id``'s articles to ``new_id`` and keep ``old_id`` as a redirect."""

    def resolve_event(self, event_id: str) -> str | None:
        """The event ``event_id`` is now (itself, or the one it merged into); None if unknown."""

    def open_events(self) -> list[tuple[str, str, list[str]]]:
        """(event id, storyline id, member signatures) of the open events."""

    def save_storyline(self, storyline_id: str, last_day: str | None, profile: str) -> None: ...

    def merge_storyline(self, old_id: str, new_id: str) -> None:
        """Move ``old_id``'s events to ``new_id`` and keep ``old_id`` as a redirect."""

    def resolve_storyline(self, storyline_id: str) -> str | None:
        """The storyline ``storyline_id`` is now (itself, or the one it merged into); None if unknown."""

    def storylines_since(self, day: str | None) -> list[tuple[str, str]]:
        """(id, profile) of storylines not merged away and active on or after ``day`` (all if None)."""

    def term_frequencies(self) -> dict[str, int]: ...

    def add_term_frequencies(self, counts: dict[str, int]) -> None: ...

    def get_state(self, key: str) -> str | None: ...

    def set_state(self, key: str, value: str) -> None: ...

    # -- repeated lines --
    def line_counts(self, outlet: str, keys: Iterable[str]) -> dict[str, int]:
        """In how many stored articles of ``outlet`` each line key of ``keys`` appears (those in none: left out)."""

    def count_lines(self, outlet: str, keys: Iterable[str]) -> None: ...


# A Latin search key shorter than this finds an entity only as its whole key: a short one is
# part of too many names ("WHO" keys as "bo", inside "bopal", Bhopal, and "jemsbond").
MIN_LATIN_PART = 4


def entity_name_filter(mark: str, find: str, name: str) -> tuple[str, tuple]:
    """The WHERE clause and parameters of ``entities_named`` for a backend whose placeholder is
    ``mark`` and whose substring position function is ``find`` (``instr`` or ``strpos``): this id,
    ``name`` in the entity's name, a spelling or a key, or ``name``'s Latin key as the entity's, or
    as a part of it of at least MIN_LATIN_PART letters."""
    key = latin_key(name)
    where = (f"canonical = {mark} OR {find}(name, {mark}) > 0 OR {find}(state, {mark}) > 0 "
             f"OR ({mark} <> '' AND (latin_key = {mark} OR ({mark} AND {find}(latin_key, {mark}) > 0)))")
    return where, (name, name, name, key, key, len(key) >= MIN_LATIN_PART, key)


def entities_spelled_alike(name: str, latin_names: Iterable[tuple[str, str]]) -> list[str]:
    """Canonical ids, of ``(canonical, latin)`` pairs, whose Latin name is ``name`` with other vowels
    (:func:`~ghatnakram.translit.spelled_alike`: "Trump" finds Donald Tramp). ``entities_named`` falls
    back on this when nothing matches more closely."""
    alike = spelled_alike(name)
    return [canonical for canonical, latin in latin_names if alike(latin)] if alike else []


def event_filter(mark: str, *, since: str | None, until: str | None, outlet: str | None,
                 canonicals: list[str] | None) -> tuple[str, list]:
    """The WHERE clause and parameters of ``find_events`` for a backend whose placeholder is ``mark``."""
    where, params = ["merged_into IS NULL"], []
    if since:
        where.append(f"last_day >= {mark}")
        params.append(since)
    if until:
        where.append(f"last_day <= {mark}")
        params.append(until)
    if outlet:
        where.append("EXISTS (SELECT 1 FROM article_events ae JOIN articles a ON a.id = ae.article_id "
                     f"WHERE ae.event_id = events.id AND a.outlet = {mark})")
        params.append(outlet)
    if canonicals is not None:
        marks = ", ".join([mark] * len(canonicals)) or "NULL"
        where.append("EXISTS (SELECT 1 FROM article_events ae JOIN article_entities x ON x.article_id = ae.article_id "
                     f"WHERE ae.event_id = events.id AND x.canonical IN ({marks}))")
        params.extend(canonicals)
    return " AND ".join(where), params
