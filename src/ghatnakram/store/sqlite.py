"""SQLite backend: one file, WAL journal, one transaction per batch."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from ..models import Analysis, Article
from .base import StoreError
from .migrations import MIGRATIONS

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

    def signatures_sharing_buckets(self, buckets: list[int]) -> list[tuple[str, bytes]]:
        if not buckets:
            return []
        marks = ", ".join("?" * len(buckets))
        rows = self._db.execute(
            f"""SELECT s.article_id, s.signature FROM minhash_signatures s
                JOIN articles a ON a.id = s.article_id
                WHERE s.article_id IN (SELECT article_id FROM minhash_buckets WHERE bucket IN ({marks}))
                ORDER BY a.seq""",
            buckets,
        )
        return [(r[0], r[1]) for r in rows]

    # -- entities --
    def save_entities(self, entities: Iterable[dict]) -> None:
        """Insert or replace known entities, each the plain-data form the resolver keeps."""
        self._db.executemany(
            "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (canonical) DO UPDATE SET "
            "name = excluded.name, latin = excluded.latin, place = excluded.place, "
            "mentions = excluded.mentions, state = excluded.state",
            [
                (e["id"], e["type"], e["name"], e["latin"], e.get("place"), e["count"], json.dumps(e, ensure_ascii=False))
                for e in entities
            ],
        )

    def load_entities(self) -> list[dict]:
        return [json.loads(row[0]) for row in self._db.execute("SELECT state FROM entities ORDER BY rowid")]

    # -- events --
    def save_event_labels(self, labels: Iterable[tuple[str, str, str]]) -> None:
        """Record (article id, event id, storyline id) triples, replacing earlier ones."""
        self._db.executemany(
            "INSERT INTO article_events VALUES (?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET "
            "event_id = excluded.event_id, storyline_id = excluded.storyline_id",
            list(labels),
        )

    def event_labels(self) -> dict[str, tuple[str, str]]:
        """article id → (event id, storyline id)."""
        return {row[0]: (row[1], row[2]) for row in self._db.execute("SELECT article_id, event_id, storyline_id FROM article_events")}

    # -- repeated lines --
    def line_count(self, outlet: str, key: str) -> int:
        row = self._db.execute(
            "SELECT articles FROM outlet_lines WHERE outlet = ? AND line_key = ?", (outlet, key)
        ).fetchone()
        return row[0] if row else 0

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


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
