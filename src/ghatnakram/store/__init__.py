"""Storage behind one small interface: SQLite by default (PostgreSQL to follow, same interface)."""

from __future__ import annotations

from pathlib import Path

from .base import Store, StoreError
from .sqlite import SQLiteStore

DEFAULT_DB = "ghatnakram.db"

__all__ = ["DEFAULT_DB", "SQLiteStore", "Store", "StoreError", "open_store"]


def open_store(location: str | Path = DEFAULT_DB) -> Store:
    """Open (creating if needed) the store at ``location``: a SQLite file path."""
    location = str(location)
    if location.startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{location}: PostgreSQL stores are not supported yet; use a SQLite file path with --db")
    parent = Path(location).expanduser().resolve().parent
    if not parent.is_dir():
        raise StoreError(f"{location}: folder {parent} does not exist; create it or choose another --db path")
    return SQLiteStore(Path(location).expanduser())
