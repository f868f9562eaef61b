"""PostgreSQL backend: one store shared by a desk, over psycopg 3 and a connection pool.

Same interface and the same semantics as the SQLite store (the storage tests run against
both). Several processes may write one store at once (``watch`` and ``serve``, two
``ingest`` runs): each write transaction first takes the store's writer lock, a
transaction-scoped advisory lock, so writers take turns one transaction at a time as
they do on SQLite (``BEGIN IMMEDIATE``), while readers never wait. On top of that, an
article stored twice is stored once (``ON CONFLICT DO NOTHING``) and ``seq`` comes from
an identity column, so no write can collide even outside the lock.

Choose the schema with the URL's ``options`` parameter, as libpq does:
``postgresql://user@host/db?options=-csearch_path%3Dnews``.
"""

from __future__ import annotations

import json
import re
import threading
import zlib
from contextlib import contextmanager
from typing import Iterable, Iterator

import psycopg
from psycopg_pool import ConnectionPool

from ..models import Article
from ..translit import LATIN_RULES
from .base import StoreError, entities_spelled_alike, entity_name_filter, event_filter
from .migrations import LATIN_RULES_STATE, POSTGRESQL_LATIN_UPDATE, POSTGRESQL_MIGRATIONS, refresh_latin_names
from .sqlite import _ARTICLE_COLUMNS, _article, _entity_row, _now

POOL_SIZE = 4  # connections per process: a transaction, a reader, and room for a few threads
CONNECT_TIMEOUT = 10  # seconds
ITER_CHUNK = 500  # articles fetched per round trip by iter_articles

_SELECT_ARTICLE = f"SELECT {', '.join(_ARTICLE_COLUMNS)}, analysis FROM articles"
_SELECT_ARTICLE_SEQ = f"SELECT {', '.join(_ARTICLE_COLUMNS)}, analysis, seq FROM articles"
_INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, analysis, ingested_at) "
    f"VALUES ({', '.join(['%s'] * (len(_ARTICLE_COLUMNS) + 2))}) ON CONFLICT DO NOTHING"
)


def _lock_class(name: str) -> int:
    """A signed 32-bit advisory-lock class for one purpose, the same in every process."""
    return _int4(zlib.crc32(f"ghatnakram.{name}".encode()))


def _int4(value: int) -> int:
    return value - (1 << 32) if value >= 1 << 31 else value


WRITER_LOCK = _lock_class("writer")
EVENTS_LOCK = _lock_class("events")


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


class PostgresStore:
    """A store in a PostgreSQL database. Open it with :func:`ghatnakram.store.open_store`.

    :param url: a ``postgresql://`` URL; the schema is created (migrated) if needed.
    :param pool_size: at most this many connections from this process.
    """

    def __init__(self, url: str, *, pool_size: int = POOL_SIZE):
        if pool_size < 2:
            raise ValueError(f"pool_size={pool_size}: need at least 2 connections (one may be held by a transaction)")
        self.location = redact(url)
        self._local = threading.local()
        schema = self._check_server(url)
        self._lock_key = _int4(zlib.crc32(schema.encode()))
        self._pool = ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            kwargs={"autocommit": True, "connect_timeout": CONNECT_TIMEOUT},
            check=ConnectionPool.check_connection,
            name="ghatnakram",
            open=True,
        )
        try:
            self._migrate()
        except psycopg.Error as exc:
            self._pool.close()
            raise StoreError(f"{self.location}: cannot prepare the ghatnakram schema ({_first_line(exc)})") from exc

    def _check_server(self, url: str) -> str:
        """Connect once to give a clear error for a wrong URL, server or database; the schema to use."""
        try:
            with psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT, autocommit=True) as conn:
                schema, encoding = conn.execute("SELECT current_schema(), current_setting('server_encoding')").fetchone()
        except psycopg.Error as exc:
            raise StoreError(
                f"{self.location}: cannot connect to PostgreSQL ({_first_line(exc)}); "
                "check that the server runs and that --db names a database you may use"
            ) from exc
        if schema is None:
            raise StoreError(
                f"{self.location}: no schema of the search_path exists; create it (CREATE SCHEMA …) "
                "or change options=-csearch_path in the URL"
            )
        if encoding != "UTF8":
            raise StoreError(f"{self.location}: the database's encoding is {encoding}; Hindi text needs a UTF8 database (createdb -E UTF8)")
        return schema

    # -- schema --
    def _migrate(self) -> None:
        for name, apply in POSTGRESQL_MIGRATIONS:
            with self.transaction():  # under the writer lock: processes opening a new store migrate it once
                self._run("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
                if name in self.applied_migrations():
                    continue
                with self._connection() as conn, conn.cursor() as cur:
                    apply(cur)
                    cur.execute("INSERT INTO schema_migrations VALUES (%s, %s)", (name, _now()))
        with self.transaction():
            if self.get_state(LATIN_RULES_STATE) != LATIN_RULES:
                with self._connection() as conn, conn.cursor() as cur:
                    refresh_latin_names(cur, POSTGRESQL_LATIN_UPDATE)
                self.set_state(LATIN_RULES_STATE, LATIN_RULES)

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self._all('SELECT name FROM schema_migrations ORDER BY name COLLATE "C"')]

    # -- transactions --
    @contextmanager
    def transaction(self):
        """Run the block in one transaction, holding the store's writer lock; nested calls join the outer one."""
        local = self._local
        if getattr(local, "depth", 0):
            local.depth += 1
            try:
                yield
            finally:
                local.depth -= 1
            return
        with self._pool.connection() as conn:
            local.conn, local.depth = conn, 1
            try:
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s, %s)", (WRITER_LOCK, self._lock_key))
                    yield
            finally:
                local.conn, local.depth = None, 0

    @contextmanager
    def savepoint(self):
        """Undo only the block's writes if it fails, keeping the rest of the transaction."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            with self.transaction():
                yield
            return
        with conn.transaction():  # nested: a SAVEPOINT
            yield

    def lock_for_events(self) -> None:
        """Hold the store's event-assignment lock until the current transaction ends."""
        if getattr(self._local, "conn", None) is None:
            raise StoreError(f"{self.location}: lock_for_events() must be called inside store.transaction()")
        self._run("SELECT pg_advisory_xact_lock(%s, %s)", (EVENTS_LOCK, self._lock_key))

    def close(self) -> None:
        self._pool.close()

    # -- plumbing --
    @contextmanager
    def _connection(self):
        """This thread's transaction connection, else one from the pool (autocommit)."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            yield conn
            return
        with self._pool.connection() as conn:
            yield conn

    def _run(self, sql: str, params: tuple | list = ()) -> int:
        with self._connection() as conn:
            return conn.execute(sql, params).rowcount

    def _one(self, sql: str, params: tuple | list = ()):
        with self._connection() as conn:
            return conn.execute(sql, params).fetchone()

    def _all(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        with self._connection() as conn:
            return conn.execute(sql, params).fetchall()

    def _many(self, sql: str, rows: list) -> None:
        if not rows:
            return
        with self._connection() as conn, conn.cursor() as cur:
            cur.executemany(sql, rows)

    # -- articles --
    def resolve_id(self, article_id: str) -> str | None:
        row = self._one("SELECT id FROM articles WHERE id = %s", (article_id,))
        if row:
            return row[0]
        row = self._one("SELECT article_id FROM article_aliases WHERE alias = %s", (article_id,))
        return row[0] if row else None

    def id_for_url(self, url: str) -> str | None:
        row = self._one("SELECT id FROM articles WHERE url = %s", (url,))
        return row[0] if row else None

    def ids_for_content(self, content_hash: str) -> list[tuple[str, str]]:
        return self._all("SELECT id, outlet FROM articles WHERE content_hash = %s ORDER BY seq", (content_hash,))

    def add_article(self, article: Article) -> None:
        """Store ``article``; an article already stored (same id or URL) is left as it is."""
        values = [getattr(article, name) for name in _ARTICLE_COLUMNS]
        analysis = json.dumps(article.analysis.to_dict(), ensure_ascii=False) if article.analysis else None
        if not self._run(_INSERT_ARTICLE, (*values, analysis, _now())):
            return
        if article.analysis:
            canonicals = {m.canonical for m in article.analysis.entities if m.canonical}
            self._many(
                "INSERT INTO article_entities VALUES (%s, %s) ON CONFLICT DO NOTHING",
                [(article.id, c) for c in sorted(canonicals)],
            )

    def add_alias(self, alias: str, article_id: str) -> None:
        self._run("INSERT INTO article_aliases VALUES (%s, %s) ON CONFLICT DO NOTHING", (alias, article_id))

    def get_article(self, article_id: str) -> Article | None:
        stored = self.resolve_id(article_id)
        if stored is None:
            return None
        return _article(self._one(f"{_SELECT_ARTICLE} WHERE id = %s", (stored,)))

    def iter_articles(self, outlet: str | None = None) -> Iterator[Article]:
        """Stored articles in insertion order, fetched a chunk at a time (no connection is held between chunks)."""
        after = 0
        while True:
            if outlet is None:
                rows = self._all(f"{_SELECT_ARTICLE_SEQ} WHERE seq > %s ORDER BY seq LIMIT %s", (after, ITER_CHUNK))
            else:
                rows = self._all(
                    f"{_SELECT_ARTICLE_SEQ} WHERE outlet = %s AND seq > %s ORDER BY seq LIMIT %s", (outlet, after, ITER_CHUNK)
                )
            for row in rows:
                yield _article(row[:-1])
            if len(rows) < ITER_CHUNK:
                return
            after = rows[-1][-1]

    def count_articles(self) -> int:
        return self._one("SELECT COUNT(*) FROM articles")[0]

    # -- near-duplicates --
    def add_signature(self, article_id: str, signature: bytes, buckets: Iterable[int]) -> None:
        if not self._run("INSERT INTO minhash_signatures VALUES (%s, %s) ON CONFLICT DO NOTHING", (article_id, signature)):
            return  # already stored, with its buckets
        self._many("INSERT INTO minhash_buckets VALUES (%s, %s)", [(b, article_id) for b in buckets])

    def signatures_sharing_buckets(self, buckets: list[int], limit: int = 64) -> list[tuple[str, bytes]]:
        """(id, signature) of the ``limit`` latest stored articles sharing an LSH bucket, oldest first.

        The limit keeps the lookup flat when a text is copied many times: a copy of a copy
        still finds its original through ``duplicate_of``.
        """
        if not buckets:
            return []
        rows = self._all(
            """SELECT id, signature FROM (
                   SELECT s.article_id AS id, s.signature AS signature, a.seq AS seq FROM minhash_signatures s
                   JOIN articles a ON a.id = s.article_id
                   WHERE s.article_id IN (
                       SELECT latest.article_id FROM unnest(%s::bigint[]) AS wanted(bucket)
                       CROSS JOIN LATERAL (SELECT article_id FROM minhash_buckets b WHERE b.bucket = wanted.bucket
                                           ORDER BY b.position DESC LIMIT %s) AS latest)
                   ORDER BY a.seq DESC LIMIT %s) AS latest
               ORDER BY seq""",
            (list(buckets), limit, limit),
        )
        return [(r[0], bytes(r[1])) for r in rows]

    # -- entities --
    def save_entities(self, entities: Iterable[dict]) -> None:
        """Insert or replace known entities, each the plain-data form the resolver keeps."""
        self._many(
            "INSERT INTO entities (canonical, type, name, latin, place, mentions, state, latin_key) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (canonical) DO UPDATE SET name = excluded.name, "
            "latin = excluded.latin, place = excluded.place, mentions = excluded.mentions, state = excluded.state, "
            "latin_key = excluded.latin_key",
            [_entity_row(e) for e in entities],
        )

    def load_entities(self) -> list[dict]:
        return [json.loads(row[0]) for row in self._all("SELECT state FROM entities ORDER BY position")]

    # -- events --
    def queue_for_events(self, article_id: str, published: str | None, signature: str | None = None) -> None:
        self._run("INSERT INTO event_queue VALUES (%s, %s, %s) ON CONFLICT DO NOTHING", (article_id, published or "", signature))

    def queued_signatures(self, article_ids: list[str]) -> dict[str, str]:
        query = "SELECT article_id, signature FROM event_queue WHERE signature IS NOT NULL AND article_id = ANY(%s)"
        return dict(self._all(query, (list(article_ids),)))

    def queued_for_events(self, before: str | None = None) -> list[str]:
        # Byte order ("C"), as SQLite compares text: both backends assign in the same order.
        order = 'ORDER BY published COLLATE "C", article_id COLLATE "C"'
        if before is None:
            return [row[0] for row in self._all(f"SELECT article_id FROM event_queue {order}")]
        return [row[0] for row in self._all(f'SELECT article_id FROM event_queue WHERE published COLLATE "C" < %s {order}', (before,))]

    def save_event_labels(self, labels: Iterable[tuple[str, str, str]]) -> None:
        """Record (article id, event id, storyline id) triples, replacing earlier ones; they leave the queue."""
        labels = list(labels)
        self._many(
            "INSERT INTO article_events VALUES (%s, %s, %s) ON CONFLICT (article_id) DO UPDATE SET "
            "event_id = excluded.event_id, storyline_id = excluded.storyline_id",
            labels,
        )
        self._many("DELETE FROM event_queue WHERE article_id = %s", [(label[0],) for label in labels])

    def event_labels(self) -> dict[str, tuple[str, str]]:
        """article id → (event id, storyline id)."""
        return {row[0]: (row[1], row[2]) for row in self._all("SELECT article_id, event_id, storyline_id FROM article_events")}

    def event_members_of(self, *, event_id: str | None = None, storyline_id: str | None = None) -> dict[str, tuple[str, list[str]]]:
        """event id → (storyline id, article ids) for one event, or the events of one storyline."""
        column, value = ("event_id", event_id) if event_id is not None else ("storyline_id", storyline_id)
        rows = self._all(f"SELECT article_id, event_id, storyline_id FROM article_events WHERE {column} = %s", (value,))
        groups: dict[str, tuple[str, list[str]]] = {}
        for article_id, event, storyline in rows:
            groups.setdefault(event, (storyline, []))[1].append(article_id)
        return groups

    def find_events(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                    canonicals: list[str] | None = None, limit: int | None = 100, offset: int = 0) -> list[tuple[str, str]]:
        """(event id, storyline id) of events whose last day is in [since, until], covered by ``outlet``,
        naming one of ``canonicals``; latest first."""
        where, params = event_filter("%s", since=since, until=until, outlet=outlet, canonicals=canonicals)
        rows = self._all(
            f"SELECT id, storyline_id FROM events WHERE {where} "
            "ORDER BY last_day DESC NULLS LAST, id DESC LIMIT %s OFFSET %s",
            (*params, limit, offset),
        )
        return [(r[0], r[1]) for r in rows]

    def find_storylines(self, *, limit: int | None = 100, offset: int = 0) -> list[str]:
        """Ids of storylines (not merged away), latest activity first."""
        rows = self._all(
            "SELECT id FROM storylines WHERE merged_into IS NULL ORDER BY last_day DESC NULLS LAST, id DESC LIMIT %s OFFSET %s",
            (limit, offset),
        )
        return [r[0] for r in rows]

    def entities_named(self, name: str) -> list[str]:
        """Canonical ids of entities with this id, or with ``name`` in their name, a spelling or a key,
        or whose Latin name is ``name`` spelled another way (see :func:`~ghatnakram.translit.latin_key`
        and :func:`.base.entity_name_filter`); if none, those whose Latin name is ``name`` with other
        vowels (:func:`.base.entities_spelled_alike`)."""
        where, params = entity_name_filter("%s", "strpos", name)
        found = [r[0] for r in self._all(f"SELECT canonical FROM entities WHERE {where}", params)]
        return found or entities_spelled_alike(name, self._all("SELECT canonical, latin FROM entities"))

    def event_of(self, article_id: str) -> tuple[str, str] | None:
        row = self._one("SELECT event_id, storyline_id FROM article_events WHERE article_id = %s", (article_id,))
        return (row[0], row[1]) if row else None

    def save_event(self, event_id: str, storyline_id: str, first_published: str, last_day: str | None) -> None:
        self._run(
            "INSERT INTO events (id, storyline_id, first_published, last_day) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET storyline_id = excluded.storyline_id, last_day = excluded.last_day",
            (event_id, storyline_id, first_published, last_day),
        )

    def add_event_member(self, article_id: str, event_id: str, signature: str) -> None:
        # A replaced member moves to the end, as with SQLite's INSERT OR REPLACE.
        self._run(
            "INSERT INTO event_members (article_id, event_id, signature) VALUES (%s, %s, %s) "
            "ON CONFLICT (article_id) DO UPDATE SET event_id = excluded.event_id, signature = excluded.signature, "
            "position = nextval('event_members_position')",
            (article_id, event_id, signature),
        )

    def close_events(self, event_ids: Iterable[str]) -> None:
        """Closed events take no new articles: their members' signatures are no longer kept."""
        ids = [(e,) for e in event_ids]
        self._many("UPDATE events SET is_open = 0 WHERE id = %s", ids)
        self._many("DELETE FROM event_members WHERE event_id = %s", ids)

    def merge_event(self, old_id: str, new_id: str, storyline_id: str) -> None:
        """Move ``old_id``'s articles to ``new_id`` and keep ``old_id`` as a redirect."""
        self._run("UPDATE article_events SET event_id = %s, storyline_id = %s WHERE event_id = %s", (new_id, storyline_id, old_id))
        self._run("UPDATE event_members SET event_id = %s WHERE event_id = %s", (new_id, old_id))
        self._run("UPDATE events SET is_open = 0, merged_into = %s WHERE id = %s", (new_id, old_id))
        self._run("UPDATE events SET merged_into = %s WHERE merged_into = %s", (new_id, old_id))

    def resolve_event(self, event_id: str) -> str | None:
        """The event ``event_id`` is now: itself, or the event it was merged into; None if unknown."""
        row = self._one("SELECT merged_into FROM events WHERE id = %s", (event_id,))
        if row is None:
            return None
        return row[0] or event_id

    def open_events(self) -> list[tuple[str, str, list[str]]]:
        """(event id, storyline id, member signatures oldest first) of the open events."""
        members: dict[str, list[str]] = {}
        for event_id, signature in self._all(
            "SELECT m.event_id, m.signature FROM event_members m JOIN events e ON e.id = m.event_id "
            'WHERE e.is_open = 1 ORDER BY m.event_id COLLATE "C", m.position'
        ):
            members.setdefault(event_id, []).append(signature)
        rows = self._all('SELECT id, storyline_id FROM events WHERE is_open = 1 ORDER BY id COLLATE "C"')
        return [(event_id, storyline_id, members.get(event_id, [])) for event_id, storyline_id in rows]

    def save_storyline(self, storyline_id: str, last_day: str | None, profile: str) -> None:
        # Replaces the whole row, as SQLite's INSERT OR REPLACE does (merged_into included).
        self._run(
            "INSERT INTO storylines (id, last_day, profile) VALUES (%s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET last_day = excluded.last_day, profile = excluded.profile, merged_into = NULL",
            (storyline_id, last_day, profile),
        )

    def merge_storyline(self, old_id: str, new_id: str) -> None:
        """Move ``old_id``'s events to ``new_id`` and keep ``old_id`` as a redirect."""
        self._run("UPDATE article_events SET storyline_id = %s WHERE storyline_id = %s", (new_id, old_id))
        self._run("UPDATE events SET storyline_id = %s WHERE storyline_id = %s", (new_id, old_id))
        self._run("UPDATE storylines SET merged_into = %s WHERE id = %s OR merged_into = %s", (new_id, old_id, old_id))

    def resolve_storyline(self, storyline_id: str) -> str | None:
        row = self._one("SELECT merged_into FROM storylines WHERE id = %s", (storyline_id,))
        if row is None:
            return None
        return row[0] or storyline_id

    def storylines_since(self, day: str | None) -> list[tuple[str, str]]:
        """(id, profile) of storylines active on or after ``day`` (all if None)."""
        if day is None:
            return self._all('SELECT id, profile FROM storylines WHERE merged_into IS NULL ORDER BY id COLLATE "C"')
        return self._all(
            'SELECT id, profile FROM storylines WHERE merged_into IS NULL AND (last_day COLLATE "C" >= %s OR last_day IS NULL) '
            'ORDER BY id COLLATE "C"',
            (day,),
        )

    def term_frequencies(self) -> dict[str, int]:
        return dict(self._all("SELECT term, documents FROM term_frequencies"))

    def add_term_frequencies(self, counts: dict[str, int]) -> None:
        self._many(
            "INSERT INTO term_frequencies VALUES (%s, %s) "
            "ON CONFLICT (term) DO UPDATE SET documents = term_frequencies.documents + excluded.documents",
            sorted(counts.items()),  # one order in every writer: no deadlock between row locks
        )

    def get_state(self, key: str) -> str | None:
        row = self._one("SELECT value FROM store_state WHERE key = %s", (key,))
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        self._run(
            "INSERT INTO store_state VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value)
        )

    # -- repeated lines --
    def line_counts(self, outlet: str, keys: Iterable[str]) -> dict[str, int]:
        query = "SELECT line_key, articles FROM outlet_lines WHERE outlet = %s AND line_key = ANY(%s)"
        return dict(self._all(query, (outlet, list(keys))))

    def count_lines(self, outlet: str, keys: Iterable[str]) -> None:
        self._many(
            "INSERT INTO outlet_lines VALUES (%s, %s, 1) "
            "ON CONFLICT (outlet, line_key) DO UPDATE SET articles = outlet_lines.articles + 1",
            [(outlet, key) for key in sorted(set(keys))],
        )


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
