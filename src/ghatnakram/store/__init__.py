"""Storage behind one small interface: SQLite by default, PostgreSQL for a shared store."""

from __future__ import annotations

from pathlib import Path

from .base import Store, StoreError
from .sqlite import SQLiteStore

DEFAULT_DB = "ghatnakram.db"
POSTGRESQL_SCHEMES = ("postgresql://", "postgres://")

__all__ = ["DEFAULT_DB", "SQLiteStore", "Store", "StoreError", "is_postgresql_url", "open_store"]


def is_postgresql_url(location: str | Path) -> bool:
    """Whether ``location`` names a PostgreSQL database rather than a SQLite file."""
    return str(location).startswith(POSTGRESQL_SCHEMES)


def open_store(location: str | Path = DEFAULT_DB) -> Store:
    """Open (creating if needed) the store at ``location``: a SQLite file path or a ``postgresql://`` URL."""
    location = str(location)
    if is_postgresql_url(location):
        return _open_postgresql(location)
    parent = Path(location).expanduser().resolve().parent
    if not parent.is_dir():
        raise StoreError(f"{location}: folder {parent} does not exist; create it or choose another --db path")
    return SQLiteStore(Path(location).expanduser())


def _open_postgresql(url: str) -> Store:
    try:  # psycopg is needed only for PostgreSQL stores
        from .postgres import PostgresStore, redact
    except ImportError as exc:
        raise StoreError(
            f"PostgreSQL stores need psycopg ({exc}); install them with: pip install 'ghatnakram[postgres]'"
        ) from exc
    if not url.split("://", 1)[1].split("?", 1)[0].strip("/"):
        raise StoreError(f"{redact(url)}: the URL names no server or database; use postgresql://user@host/database")
    return PostgresStore(url)
