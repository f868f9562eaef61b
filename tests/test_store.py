import sqlite3

import pytest

from ghatnakram.models import Article
from ghatnakram.store import StoreError, open_store
from ghatnakram.store.migrations import MIGRATIONS


def _article(article_id, **fields):
    base = dict(id=article_id, outlet="नमूना", text="खबर का पाठ।", raw_text="खबर का पाठ।", source="t", content_hash="h")
    return Article(**{**base, **fields})


def test_new_store_applies_every_migration_once(tmp_path):
    path = tmp_path / "s.db"
    store = open_store(path)
    assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    store.close()
    reopened = open_store(path)
    assert reopened.applied_migrations() == [name for name, _ in MIGRATIONS]
    reopened.close()


def test_store_uses_write_ahead_logging(tmp_path):
    open_store(tmp_path / "s.db").close()
    mode = sqlite3.connect(tmp_path / "s.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_articles_round_trip_in_insertion_order(store):
    with store.transaction():
        store.add_article(_article("b", title="शीर्षक", published="2026-01-28T10:15:00+05:30", url="https://x.example/b"))
        store.add_article(_article("a"))
    assert [a.id for a in store.iter_articles()] == ["b", "a"]
    stored = store.get_article("b")
    assert (stored.title, stored.published, stored.url) == ("शीर्षक", "2026-01-28T10:15:00+05:30", "https://x.example/b")
    assert store.id_for_url("https://x.example/b") == "b"


def test_a_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_article(_article("a"))
            raise RuntimeError("crash")
    assert store.count_articles() == 0


def test_savepoint_undoes_only_its_own_writes(store):
    with store.transaction():
        store.add_article(_article("a"))
        with pytest.raises(RuntimeError):
            with store.savepoint():
                store.add_article(_article("b"))
                raise RuntimeError("bad article")
    assert [a.id for a in store.iter_articles()] == ["a"]


def test_aliases_resolve_to_the_stored_article(store):
    with store.transaction():
        store.add_article(_article("a"))
        store.add_alias("a-copy", "a")
    assert store.resolve_id("a-copy") == "a"
    assert store.get_article("a-copy").id == "a"
    assert store.resolve_id("missing") is None


def test_line_counts_grow_per_outlet(store):
    with store.transaction():
        store.count_lines("o1", ["k1", "k2"])
        store.count_lines("o1", ["k1", "k1"])
        store.count_lines("o2", ["k1"])
    assert (store.line_count("o1", "k1"), store.line_count("o1", "k2"), store.line_count("o2", "k1")) == (2, 1, 1)


def test_missing_folder_and_postgres_urls_are_clear_errors(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "s.db")
    with pytest.raises(StoreError, match="PostgreSQL"):
        open_store("postgresql://user@localhost/db")
