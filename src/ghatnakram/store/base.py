"""The storage interface every backend implements, and its errors."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Iterable, Iterator, Protocol

from ..models import Article


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

    def signatures_sharing_buckets(self, buckets: list[int]) -> list[tuple[str, bytes]]:
        """(id, signature) of stored articles that share at least one LSH bucket, oldest first."""

    # -- entities --
    def save_entities(self, entities: Iterable[dict]) -> None:
        """Insert or replace entities (dicts with id, type, name, latin, place, count and the resolver's state)."""

    def load_entities(self) -> list[dict]: ...

    # -- events --
    def save_event_labels(self, labels: Iterable[tuple[str, str, str]]) -> None:
        """Record (article id, event id, storyline id) triples, replacing earlier ones."""

    def event_labels(self) -> dict[str, tuple[str, str]]: ...

    # -- repeated lines --
    def line_count(self, outlet: str, key: str) -> int:
        """In how many stored articles of ``outlet`` the line with ``key`` appears."""

    def count_lines(self, outlet: str, keys: Iterable[str]) -> None: ...
