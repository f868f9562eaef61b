"""PostgreSQL as a shared store: same results as SQLite, writers taking turns, the CLI on a URL.

Every test here needs a server: set GHATNAKRAM_TEST_PG (see conftest.py); the storage tests
that run on both backends are in test_store.py.
"""

import json
import os
import subprocess
import sys
import textwrap
import threading
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

import ghatnakram
from ghatnakram.cli import main
from ghatnakram.ingest import ingest_items
from ghatnakram.pipeline import assign_events, event_records
from ghatnakram.store import StoreError, open_store

from conftest import NO_PG_REASON, TEST_PG, with_schema

pytestmark = pytest.mark.skipif(not TEST_PG, reason=NO_PG_REASON)

SAMPLES = resources.files("ghatnakram.demo").joinpath("samples.jsonl")
SOURCE_ROOT = Path(ghatnakram.__file__).resolve().parents[1]


def _article(article_id, **fields):
    from ghatnakram.models import Article

    base = dict(id=article_id, outlet="नमूना", text="खबर का पाठ।", raw_text="खबर का पाठ।", source="t", content_hash="h")
    return Article(**{**base, **fields})


def test_the_demo_corpus_gives_the_same_store_on_postgresql_as_on_sqlite(pg_url, demo_articles, demo_store):
    store = open_store(pg_url)
    ingest_items(demo_articles, store)
    assign_events(store)
    assert [a.to_dict() for a in store.iter_articles()] == [a.to_dict() for a in demo_store.iter_articles()]
    assert store.load_entities() == demo_store.load_entities()
    assert store.event_labels() == demo_store.event_labels()
    assert store.open_events() == demo_store.open_events()
    assert store.term_frequencies() == demo_store.term_frequencies()
    assert event_records(store) == event_records(demo_store)
    store.close()


def test_an_article_stored_twice_is_stored_once_without_error(pg_url):
    store = open_store(pg_url)
    with store.transaction():
        store.add_article(_article("a", title="पहला"))
        store.add_article(_article("a", title="दूसरा"))
        store.add_signature("a", b"\x01" * 8, [5, 6])
        store.add_signature("a", b"\x02" * 8, [5, 6])
    assert store.count_articles() == 1 and store.get_article("a").title == "पहला"
    assert store.signatures_sharing_buckets([5]) == [("a", b"\x01" * 8)]
    store.close()


def test_articles_are_read_back_in_chunks_in_insertion_order(pg_url, monkeypatch):
    import ghatnakram.store.postgres as postgres

    monkeypatch.setattr(postgres, "ITER_CHUNK", 2)
    store = open_store(pg_url)
    ids = ["e", "d", "c", "b", "a"]
    with store.transaction():
        for article_id in ids:
            store.add_article(_article(article_id, outlet="दैनिक" if article_id in "ace" else "अमर"))
    assert [a.id for a in store.iter_articles()] == ids
    assert [a.id for a in store.iter_articles(outlet="दैनिक")] == ["e", "c", "a"]
    store.close()


def test_a_second_writer_waits_until_the_first_commits(pg_url):
    first, second = open_store(pg_url), open_store(pg_url)
    entered = threading.Event()

    def write_second():
        with second.transaction():
            entered.set()
            second.add_article(_article("b"))

    with first.transaction():
        first.add_article(_article("a"))
        writer = threading.Thread(target=write_second)
        writer.start()
        assert not entered.wait(0.5), "the second writer got in while the first held the store"
        assert second.count_articles() == 0  # readers never wait, and see only committed rows
    writer.join(10)
    assert entered.is_set() and [a.id for a in second.iter_articles()] == ["a", "b"]
    first.close()
    second.close()


def test_threads_sharing_one_store_each_get_their_own_transaction(pg_url):
    store = open_store(pg_url)
    errors: list[BaseException] = []

    def write(prefix):
        try:
            for n in range(5):
                with store.transaction():
                    store.add_article(_article(f"{prefix}{n}"))
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(p,)) for p in "xy"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == [] and store.count_articles() == 10
    store.close()


def test_a_search_path_naming_no_schema_is_a_clear_error():
    with pytest.raises(StoreError, match="no schema of the search_path exists"):
        open_store(with_schema(TEST_PG, "schema_that_was_never_created"))


def test_a_missing_database_is_a_clear_error():
    url = TEST_PG.rsplit("/", 1)[0] + "/no_such_ghatnakram_db"
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL.*no_such_ghatnakram_db"):
        open_store(url)


def test_the_cli_runs_and_exports_with_a_postgresql_url(pg_url, fixtures, tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["run", str(fixtures / "articles.jsonl"), "--out", str(out), "--db", pg_url])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 3 and all(r["event"] and r["storyline"] for r in records)
    exported = CliRunner().invoke(main, ["export", "events", "--db", pg_url])
    assert exported.exit_code == 0
    assert {a for line in exported.stdout.splitlines() for a in json.loads(line)["articles"]} == {r["id"] for r in records}


WRITER = """
import sys
from ghatnakram.ingest import ingest_items
from ghatnakram.pipeline import assign_events
from ghatnakram.readers import read_jsonl
from ghatnakram.store import open_store

url, path = sys.argv[1:3]
store = open_store(url)  # both writers open the new store at once: it must be migrated once
with open(path, "rb") as stream:
    items = list(read_jsonl(stream, path))
for start in range(0, len(items), 3):  # small transactions, as a feed watcher writes
    report = ingest_items(items[start : start + 3], store, batch_size=1)
    if report.problems:
        sys.exit(f"problems: {report.problems}")
    assign_events(store)
store.close()
"""

READER = """
import os, sys
from ghatnakram.pipeline import event_records, storyline_records
from ghatnakram.store import open_store

url, stop = sys.argv[1:3]
store = open_store(url)
reads = 0
while not os.path.exists(stop) or reads < 3:
    for record in event_records(store):
        assert record["articles"], record
    storyline_records(store)
    store.count_articles()
    reads += 1
print(reads)
"""


def test_two_writers_and_a_reader_leave_each_article_once_and_every_article_assigned(pg_url, tmp_path):
    lines = SAMPLES.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:30]) + "\n", encoding="utf-8")
    second.write_text("\n".join(reversed(lines[14:])) + "\n", encoding="utf-8")  # 16 articles in both
    stop = tmp_path / "stop"
    env = {**os.environ, "PYTHONPATH": str(SOURCE_ROOT)}

    def start(script, *args):
        return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), pg_url, *map(str, args)],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    reader = start(READER, stop)
    writers = [start(WRITER, first), start(WRITER, second)]
    results = [writer.communicate(timeout=600) + (writer.returncode,) for writer in writers]
    stop.touch()
    reads, reader_errors = reader.communicate(timeout=120)
    assert [code for *_, code in results] == [0, 0], [err for _, err, _ in results]
    assert reader.returncode == 0, reader_errors
    assert int(reads) >= 3

    sequential = open_store(tmp_path / "sequential.db")  # the same articles, one writer, SQLite
    with first.open("rb") as a, second.open("rb") as b:
        from ghatnakram.readers import read_jsonl

        ingest_items(list(read_jsonl(a, "first")) + list(read_jsonl(b, "second")), sequential)
    assign_events(sequential)
    store = open_store(pg_url)
    stored = [a.id for a in store.iter_articles()]
    assert len(stored) == len(set(stored)) == sequential.count_articles()
    assert all(store.resolve_id(json.loads(line)["id"]) for line in lines)
    assert store.queued_for_events() == []
    assert set(store.event_labels()) == set(stored)
    assert store.get_state("events.documents") == str(len(stored))  # each article assigned once
    assert store.term_frequencies() == sequential.term_frequencies()
    assert _rows(pg_url, "SELECT outlet, line_key, articles FROM outlet_lines") == _sqlite_rows(
        sequential, "SELECT outlet, line_key, articles FROM outlet_lines")
    assert _rows(pg_url, "SELECT count(*) FROM (SELECT 1 FROM minhash_buckets GROUP BY bucket, article_id HAVING count(*) > 1) AS d") == [(0,)]
    assert _rows(pg_url, "SELECT name FROM schema_migrations ORDER BY name") == [(n,) for n in store.applied_migrations()]
    store.close()
    sequential.close()


def _rows(url: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as conn:
        return sorted(conn.execute(sql).fetchall())


def _sqlite_rows(store, sql: str) -> list[tuple]:
    return sorted(store._db.execute(sql).fetchall())

