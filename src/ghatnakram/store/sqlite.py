"""SQLite backend: one file, WAL journal, one transaction per batch."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from ..models import Analysis, Article
from ..translit import LATIN_RULES, latin_key
from .base import StoreError, entities_spelled_alike, entity_name_filter, event_filter
from .migrations import LATIN_RULES_STATE, MIGRATIONS, SQLITE_LATIN_UPDATE, refresh_latin_names

_ARTICLE_COLUMNS = (
    "id", "outlet", "published", "title", "text", "raw_text", "url", "author", "source",
    "content_hash", "duplicate_of",
)
_SELECT_ARTICLE = f"SELECT {', '.join(_ARTICLE_COLUMNS)}, analysis FROM articles"


class SQLiteStore:
    """The default store. Open it with :func:`ghatnakram.store.open_store`.

    :param path: the database file; created, with its schema, if missing.
    """

    def __init__(self, path: str | Path):
        self.location = str(path)
        self._depth = 0
        try:
            self._db = sqlite3.connect(self.location, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.location}: cannot open as a ghatnakram SQLite store ({exc}); "
                "pass --db with a new file name or a ghatnakram database"
            ) from exc

    # -- schema --
    def _migrate(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = {row[0] for row in self._db.execute("SELECT name FROM schema_migrations")}
        for name, apply in MIGRATIONS:
            if name in done:
                continue
            with self.transaction():
                cur = self._db.cursor()
                apply(cur)
                cur.execute("INSERT INTO schema_migrations VALUES (?, ?)", (name, _now()))
        if self.get_state(LATIN_RULES_STATE) != LATIN_RULES:
            with self.transaction():
                refresh_latin_names(self._db.cursor(), SQLITE_LATIN_UPDATE)
                self.set_state(LATIN_RULES_STATE, LATIN_RULES)

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    # -- transactions --
    @contextmanager
    def transaction(self):
        """Run the block in one transaction; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    @contextmanager
    def savepoint(self):
        """Undo only the block's writes if it fails, keeping the rest of the transaction."""
        self._db.execute("SAVEPOINT article")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK TO article")
            self._db.execute("RELEASE article")
            raise
        else:
            self._db.execute("RELEASE article")

    def lock_for_events(self) -> None:
        """Nothing to take: BEGIN IMMEDIATE already lets one writer in at a time."""
        if not self._depth:
            raise StoreError(f"{self.location}: lock_for_events() must be called inside store.transaction()")

    def close(self) -> None:
        self._db.close()

    # -- articles --
    def resolve_id(self, article_id: str) -> str | None:
        row = self._db.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row:
            return row[0]
        row = self._db.execute("SELECT article_id FROM article_aliases WHERE alias = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def id_for_url(self, url: str) -> str | None:
        row = self._db.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        return row[0] if row else None

    def ids_for_content(self, content_hash: str) -> list[tuple[str, str]]:
        rows = self._db.execute(
            "SELECT id, outlet FROM articles WHERE content_hash = ? ORDER BY seq", (content_hash,)
        )
        return [(r[0], r[1]) for r in rows]

    def add_article(self, article: Article) -> None:
        seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM articles").fetchone()[0]
        values = [getattr(article, name) for name in _ARTICLE_COLUMNS]
        analysis = json.dumps(article.analysis.to_dict(), ensure_ascii=False) if article.analysis else None
        self._db.execute(
            f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, analysis, seq, ingested_at) "
            f"VALUES ({', '.join('?' * (len(_ARTICLE_COLUMNS) + 3))})",
            (*values, analysis, seq, _now()),
        )
        if article.analysis:
            canonicals = {m.canonical for m in article.analysis.entities if m.canonical}
            self._db.executemany("INSERT INTO article_entities VALUES (?, ?)", [(article.id, c) for c in canonicals])

    def add_alias(self, alias: str, article_id: str) -> None:
        self._db.execute("INSERT OR IGNORE INTO article_aliases VALUES (?, ?)", (alias, article_id))

    def get_article(self, article_id: str) -> Article | None:
        stored = self.resolve_id(article_id)
        if stored is None:
            return None
        row = self._db.execute(f"{_SELECT_ARTICLE} WHERE id = ?", (stored,)).fetchone()
        return _article(row)

    def iter_articles(self, outlet: str | None = None) -> Iterator[Article]:
        if outlet is None:
            rows = self._db.execute(f"{_SELECT_ARTICLE} ORDER BY seq")
        else:
            rows = self._db.execute(f"{_SELECT_ARTICLE} WHERE outlet = ? ORDER BY seq", (outlet,))
        for row in rows:
            yield _article(row)

    def count_articles(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # -- near-duplicates --
    def add_signature(self, article_id: str, signature: bytes, buckets: Iterable[int]) -> None:
        self._db.execute("INSERT INTO minhash_signatures VALUES (?, ?)", (article_id, signature))
        self._db.executemany("INSERT INTO minhash_buckets VALUES (?, ?)", [(b, article_id) for b in buckets])

    def signatures_sharing_buckets(self, buckets: list[int], limit: int = 64) -> list[tuple[str, bytes]]:
        """(id, signature) of the ``limit`` latest stored articles sharing an LSH bucket, oldest first.

        The limit keeps the lookup flat when a text is copied many times (only the latest
        ``limit`` rows of each bucket are read): a copy of a copy still finds its original
        through ``duplicate_of``.
        """
        if not buckets:
            return []
        latest_per_bucket = " UNION ".join(
            ["SELECT article_id FROM (SELECT article_id FROM minhash_buckets WHERE bucket = ? ORDER BY rowid DESC LIMIT ?)"] * len(buckets)
        )
        rows = self._db.execute(
            f"""SELECT id, signature FROM (
                    SELECT s.article_id AS id, s.signature AS signature, a.seq AS seq FROM minhash_signatures s
                    JOIN articles a ON a.id = s.article_id
                    WHERE s.article_id IN ({latest_per_bucket})
                    ORDER BY a.seq DESC LIMIT ?)
                ORDER BY seq""",
            (*[v for bucket in buckets for v in (bucket, limit)], limit),
        )
        return [(r[0], r[1]) for r in rows]

    # -- entities --
    def save_entities(self, entities: Iterable[dict]) -> None:
        """Insert or replace known entities, each the plain-data form the resolver keeps."""
        self._db.executemany(
            "INSERT INTO entities (canonical, type, name, latin, place, mentions, state, latin_key) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (canonical) DO UPDATE SET "
            "name = excluded.name, latin = excluded.latin, place = excluded.place, "
            "mentions = excluded.mentions, state = excluded.state, latin_key = excluded.latin_key",
            [_entity_row(e) for e in entities],
        )

    def load_entities(self) -> list[dict]:
        return [json.loads(row[0]) for row in self._db.execute("SELECT state FROM entities ORDER BY rowid")]

    # -- events --
    def queue_for_events(self, article_id: str, published: str | None, signature: str | None = None) -> None:
        self._db.execute("INSERT OR IGNORE INTO event_queue VALUES (?, ?, ?)", (article_id, published or "", signature))

    def queued_signatures(self, article_ids: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(article_ids), 500):  # under SQLite's limit on bound parameters
            chunk = article_ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT article_id, signature FROM event_queue WHERE signature IS NOT NULL AND article_id IN ({marks})"
            found.update(self._db.execute(query, chunk).fetchall())
        return found

    def queued_for_events(self, before: str | None = None) -> list[str]:
        if before is None:
            rows = self._db.execute("SELECT article_id FROM event_queue ORDER BY published, article_id")
        else:
            rows = self._db.execute("SELECT article_id FROM event_queue WHERE published < ? ORDER BY published, article_id", (before,))
        return [row[0] for row in rows]

    def save_event_labels(self, labels: Iterable[tuple[str, str, str]]) -> None:
        """Record (article id, event id, storyline id) triples, replacing earlier ones; they leave the queue."""
        labels = list(labels)
        self._db.executemany(
            "INSERT INTO article_events VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
            "event_id = excluded.event_id, storyline_id = excluded.storyline_id",
            labels,
        )
        self._db.executemany("DELETE FROM event_queue WHERE article_id = ?", [(label[0],) for label in labels])

    def event_labels(self) -> dict[str, tuple[str, str]]:
        """article id → (event id, storyline id)."""
        return {row[0]: (row[1], row[2]) for row in self._db.execute("SELECT article_id, event_id, storyline_id FROM article_events")}

    def event_members_of(self, *, event_id: str | None = None, storyline_id: str | None = None) -> dict[str, tuple[str, list[str]]]:
        """event id → (storyline id, article ids) for one event, or the events of one storyline."""
        if event_id is not None:
            rows = self._db.execute("SELECT article_id, event_id, storyline_id FROM article_events WHERE event_id = ?", (event_id,))
        else:
            rows = self._db.execute("SELECT article_id, event_id, storyline_id FROM article_events WHERE storyline_id = ?", (storyline_id,))
        groups: dict[str, tuple[str, list[str]]] = {}
        for article_id, event, storyline in rows:
            groups.setdefault(event, (storyline, []))[1].append(article_id)
        return groups

    def find_events(self, *, since: str | None = None, until: str | None = None, outlet: str | None = None,
                    canonicals: list[str] | None = None, limit: int | None = 100, offset: int = 0) -> list[tuple[str, str]]:
        """(event id, storyline id) of events whose last day is in [since, until], covered by ``outlet``,
        naming one of ``canonicals``; latest first."""
        where, params = event_filter("?", since=since, until=until, outlet=outlet, canonicals=canonicals)
        rows = self._db.execute(
            f"SELECT id, storyline_id FROM events WHERE {where} ORDER BY last_day DESC, id DESC LIMIT ? OFFSET ?",
            (*params, -1 if limit is None else limit, offset),
        )
        return [(r[0], r[1]) for r in rows]

    def find_storylines(self, *, limit: int | None = 100, offset: int = 0) -> list[str]:
        """Ids of storylines (not merged away), latest activity first."""
        rows = self._db.execute(
            "SELECT id FROM storylines WHERE merged_into IS NULL ORDER BY last_day DESC, id DESC LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
        return [r[0] for r in rows]

    def entities_named(self, name: str) -> list[str]:
        """Canonical ids of entities with this id, or with ``name`` in their name, a spelling or a key,
        or whose Latin name is ``name`` spelled another way (see :func:`~ghatnakram.translit.latin_key`
        and :func:`.base.entity_name_filter`); if none, those whose Latin name is ``name`` with other
        vowels (:func:`.base.entities_spelled_alike`)."""
        where, params = entity_name_filter("?", "instr", name)
        found = [r[0] for r in self._db.execute(f"SELECT canonical FROM entities WHERE {where}", params)]
        return found or entities_spelled_alike(name, self._db.execute("SELECT canonical, latin FROM entities"))

    def event_of(self, article_id: str) -> tuple[str, str] | None:
        row = self._db.execute("SELECT event_id, storyline_id FROM article_events WHERE article_id = ?", (article_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def save_event(self, event_id: str, storyline_id: str, first_published: str, last_day: str | None) -> None:
        self._db.execute(
            "INSERT INTO events (id, storyline_id, first_published, last_day) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET storyline_id = excluded.storyline_id, last_day = excluded.last_day",
            (event_id, storyline_id, first_published, last_day),
        )

    def add_event_member(self, article_id: str, event_id: str, signature: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO event_members VALUES (?, ?, ?)", (article_id, event_id, signature))

    def close_events(self, event_ids: Iterable[str]) -> None:
        """Closed events take no new articles: their members' signatures are no longer kept."""
        ids = [(e,) for e in event_ids]
        self._db.executemany("UPDATE events SET is_open = 0 WHERE id = ?", ids)
        self._db.executemany("DELETE FROM event_members WHERE event_id = ?", ids)

    def merge_event(self, old_id: str, new_id: str, storyline_id: str) -> None:
        """Move ``old_id``'s articles to ``new_id`` and keep ``old_id`` as a redirect."""
        self._db.execute("UPDATE article_events SET event_id = ?, storyline_id = ? WHERE event_id = ?", (new_id, storyline_id, old_id))
        self._db.execute("UPDATE event_members SET event_id = ? WHERE event_id = ?", (new_id, old_id))
        self._db.execute("UPDATE events SET is_open = 0, merged_into = ? WHERE id = ?", (new_id, old_id))
        self._db.execute("UPDATE events SET merged_into = ? WHERE merged_into = ?", (new_id, old_id))

    def resolve_event(self, event_id: str) -> str | None:
        """The event ``event_id`` is now: itself, or the event it was merged into; None if unknown."""
        row = self._db.execute("SELECT merged_into FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        return row[0] or event_id

    def open_events(self) -> list[tuple[str, str, list[str]]]:
        """(event id, storyline id, member signatures oldest first) of the open events."""
        members: dict[str, list[str]] = {}
        for event_id, signature in self._db.execute(
            "SELECT m.event_id, m.signature FROM event_members m JOIN events e ON e.id = m.event_id "
            "WHERE e.is_open = 1 ORDER BY m.event_id, m.rowid"
        ):
            members.setdefault(event_id, []).append(signature)
        rows = self._db.execute("SELECT id, storyline_id FROM events WHERE is_open = 1 ORDER BY id")
        return [(event_id, storyline_id, members.get(event_id, [])) for event_id, storyline_id in rows]

    def save_storyline(self, storyline_id: str, last_day: str | None, profile: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO storylines (id, last_day, profile) VALUES (?, ?, ?)", (storyline_id, last_day, profile))

    def merge_storyline(self, old_id: str, new_id: str) -> None:
        """Move ``old_id``'s events to ``new_id`` and keep ``old_id`` as a redirect."""
        self._db.execute("UPDATE article_events SET storyline_id = ? WHERE storyline_id = ?", (new_id, old_id))
        self._db.execute("UPDATE events SET storyline_id = ? WHERE storyline_id = ?", (new_id, old_id))
        self._db.execute("UPDATE storylines SET merged_into = ? WHERE id = ? OR merged_into = ?", (new_id, old_id, old_id))

    def resolve_storyline(self, storyline_id: str) -> str | None:
        row = self._db.execute("SELECT merged_into FROM storylines WHERE id = ?", (storyline_id,)).fetchone()
        if row is None:
            return None
        return row[0] or storyline_id

    def storylines_since(self, day: str | None) -> list[tuple[str, str]]:
        """(id, profile) of storylines active on or after ``day`` (all if None)."""
        if day is None:
            return list(self._db.execute("SELECT id, profile FROM storylines WHERE merged_into IS NULL ORDER BY id"))
        return list(self._db.execute(
            "SELECT id, profile FROM storylines WHERE merged_into IS NULL AND (last_day >= ? OR last_day IS NULL) ORDER BY id", (day,)
        ))

    def term_frequencies(self) -> dict[str, int]:
        return dict(self._db.execute("SELECT term, documents FROM term_frequencies"))

    def add_term_frequencies(self, counts: dict[str, int]) -> None:
        self._db.executemany(
            "INSERT INTO term_frequencies VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents",
            list(counts.items()),
        )

    def get_state(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM store_state WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_state(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO store_state VALUES (?, ?)", (key, value))

    # -- repeated lines --
    def line_counts(self, outlet: str, keys: Iterable[str]) -> dict[str, int]:
        keys = list(keys)
        found: dict[str, int] = {}
        for start in range(0, len(keys), 500):  # under SQLite's limit on bound parameters
            chunk = keys[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT line_key, articles FROM outlet_lines WHERE outlet = ? AND line_key IN ({marks})"
            found.update(self._db.execute(query, (outlet, *chunk)).fetchall())
        return found

    def count_lines(self, outlet: str, keys: Iterable[str]) -> None:
        self._db.executemany(
            "INSERT INTO outlet_lines VALUES (?, ?, 1) "
            "ON CONFLICT (outlet, line_key) DO UPDATE SET articles = articles + 1",
            [(outlet, key) for key in set(keys)],
        )


def _article(row) -> Article:
    fields = dict(zip(_ARTICLE_COLUMNS, row))
    analysis = row[len(_ARTICLE_COLUMNS)]
    return Article(**fields, analysis=Analysis.from_dict(json.loads(analysis)) if analysis else None)


def _entity_row(entity: dict) -> tuple:
    """An entity's row of the entities table (both backends): canonical, type, name, latin, place,
    mentions, its whole state as JSON, and the search key of its Latin name."""
    return (entity["id"], entity["type"], entity["name"], entity["latin"], entity.get("place"), entity["count"],
            json.dumps(entity, ensure_ascii=False), latin_key(entity["latin"]))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
