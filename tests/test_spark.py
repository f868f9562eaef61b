"""The Spark job: its pieces as plain functions, and whole runs in local mode that must agree
with the single-machine run (``ghatnakram run``) on the demo corpus."""

import glob
import json
import os
from datetime import date
from importlib.util import find_spec
from pathlib import Path

import pytest
from click.testing import CliRunner

from ghatnakram.canon import EntityResolver
from ghatnakram.cli import main
from ghatnakram.evaluate import bcubed
from ghatnakram.events import EventClusterer, Signature, event_id, signature_to_dict
from ghatnakram.models import Article, Problem, publication_order
from ghatnakram.pipeline import demo_items, event_records, ingest, run
from ghatnakram.spark import (
    SparkOptions, SparkRunError, blocks_of, cluster_block, exact_copies, global_vector, originals,
    repeated_at, running_frequencies, skipped_inputs, stitch_blocks, unify_entities,
)
from ghatnakram.store import open_store

NO_SPARK_REASON = "PySpark is not installed: pip install 'ghatnakram[spark]' (the test extra includes it) and Java 17"


# --- pieces ---------------------------------------------------------------------------------------

def test_a_line_is_boilerplate_from_the_sixth_article_of_an_outlet_that_prints_it():
    assert repeated_at([40, 3, 7, 12, 9, 21, 30]) == [30, 40]
    assert repeated_at([1, 2, 3]) == []


def test_a_repeated_id_is_stored_once_and_points_at_its_first_input():
    keys = [("dj-101", 0), ("au-7", 1), ("dj-101", 5), ("dj-101", 3)]
    assert sorted(skipped_inputs(keys)) == [(3, 0), (5, 0)]


def test_the_same_text_from_its_own_outlet_is_skipped_and_from_another_is_a_copy():
    found = sorted(exact_copies([(4, "अमर उजाला"), (0, "दैनिक जागरण"), (2, "दैनिक जागरण")]))
    assert found == [(2, "skip", 0), (4, "copy", 0)]


def test_a_copy_of_a_copy_points_at_the_first_original():
    assert originals({3: 1}, {1: 0, 7: 3}) == {1: 0, 3: 0, 7: 0}


def test_document_frequencies_count_the_articles_up_to_each_one():
    assert sorted(running_frequencies([9, 2, 5])) == [(2, 1), (5, 2), (9, 3)]


def test_a_block_replays_the_days_before_it():
    options = SparkOptions(block_days=28, overlap_days=7)
    assert blocks_of(100 + 10, 100, options, last_block=1) == [(0, True)]
    assert blocks_of(100 + 25, 100, options, last_block=1) == [(0, True), (1, False)]
    assert blocks_of(None, 100, options, last_block=3) == [(3, True)]  # undated: after every dated article
    short = SparkOptions(block_days=3, overlap_days=7)
    assert blocks_of(100 + 1, 100, short, last_block=2) == [(0, True), (1, False), (2, False)]


def test_an_article_announcing_a_later_happening_is_replayed_until_then():
    options = SparkOptions(block_days=28, overlap_days=7)
    assert blocks_of(100 + 5, 100, options, event_day=100 + 40, last_block=1) == [(0, True), (1, False)]


def test_blocks_too_short_to_replay_the_open_events_are_refused():
    with pytest.raises(SparkRunError, match="overlap_days 2 is shorter than the event window"):
        SparkOptions(overlap_days=2)
    with pytest.raises(SparkRunError, match="unknown output format 'csv'"):
        SparkOptions(fmt="csv")


def _signatures(terms_by_article: list[tuple[str, str, dict]]) -> list[Signature]:
    return [
        Signature(article_id=a, published=p, day=date.fromisoformat(p[:10]), place="state:IN-UP",
                  places=frozenset({"state:IN-UP"}), actors=frozenset(), kind="incident", terms=t,
                  numbers=frozenset(), ordinal=None)
        for a, p, t in terms_by_article
    ]


ACCIDENT = {"लखनऊ": 1, "बस": 2, "हादसा": 1, "यात्री": 1, "घायल": 1}
MEETING = {"कैबिनेट": 2, "बैठक": 1, "गन्ना": 1, "मूल्य": 1}


def test_vectors_from_the_whole_streams_frequencies_equal_those_the_online_clusterer_gives():
    sigs = _signatures([("a", "2026-03-01", ACCIDENT), ("b", "2026-03-01", MEETING), ("c", "2026-03-02", {**ACCIDENT, "मौत": 1})])
    clusterer = EventClusterer()
    online = [clusterer.add(sig).signature.vector for sig in sigs]
    seen: dict[str, int] = {}
    for rank, sig in enumerate(sigs):
        seen.update({t: seen.get(t, 0) + 1 for t in sig.terms})
        assert global_vector(sig.terms, rank + 1, {t: seen[t] for t in sig.terms}) == pytest.approx(online[rank])


def _with_vectors(sigs: list[Signature]) -> list[dict]:
    seen: dict[str, int] = {}
    rows = []
    for rank, sig in enumerate(sigs):
        seen.update({t: seen.get(t, 0) + 1 for t in sig.terms})
        rows.append({**signature_to_dict(sig), "vector": global_vector(sig.terms, rank + 1, dict(seen))})
    return rows


def test_an_event_started_in_one_block_continues_in_the_next():
    sigs = _with_vectors(_signatures([("a", "2026-03-28", ACCIDENT), ("b", "2026-03-29", ACCIDENT), ("c", "2026-03-29", MEETING)]))
    first = cluster_block(0, [(0, sigs[0], True)])
    second = cluster_block(1, [(0, sigs[0], False), (1, sigs[1], True), (2, sigs[2], True)])
    final, joined, _ = stitch_blocks([second, first])
    assert final == {"a": event_id("a"), "b": event_id("a"), "c": event_id("c")}
    assert joined["b"] == event_id("a")


def test_a_surname_in_a_later_partition_joins_the_full_name_an_earlier_one_knew():
    earlier, later = EntityResolver(), EntityResolver()
    full = earlier.canonical_names([("नरेंद्र मोदी", "PER")])[0]
    surname, newcomer = later.canonical_names([("मोदी", "PER"), ("अखिलेश यादव", "PER")])
    mapping, resolver = unify_entities([(1, later.to_state()["entities"]), (0, earlier.to_state()["entities"])])
    assert mapping[(0, full)] == full
    assert mapping[(1, surname)] == full
    assert mapping[(1, newcomer)] == newcomer and newcomer in resolver.entities_


# --- whole runs in local mode ---------------------------------------------------------------------

needs_spark = pytest.mark.skipif(find_spec("pyspark") is None, reason=NO_SPARK_REASON)


@pytest.fixture(scope="module")
def spark():
    if find_spec("pyspark") is None:
        pytest.skip(NO_SPARK_REASON)
    from ghatnakram.spark import spark_session

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    session = spark_session("local[2]", app_name="ghatnakram-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _record(article: Article) -> dict:
    return {"id": article.id, "outlet": article.outlet, "published": article.published, "title": article.title, "text": article.text}


@pytest.fixture(scope="module")
def demo_input(tmp_path_factory) -> Path:
    """The demo corpus (seeds and samples) as JSON Lines, with a broken line and the same text
    posted twice by one outlet under two ids."""
    articles = [item for item in demo_items() if isinstance(item, Article)]
    lines = [json.dumps(_record(a), ensure_ascii=False) for a in articles]
    lines.insert(5, '{"id": "टूटी-पंक्ति", "outlet": "नमूना"')
    lines.append(json.dumps({**_record(articles[3]), "id": "repost-of-" + articles[3].id}, ensure_ascii=False))
    path = tmp_path_factory.mktemp("input") / "demo.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def single(tmp_path_factory, demo_input) -> list[dict]:
    folder = tmp_path_factory.mktemp("single")
    store = open_store(folder / "single.db")
    with (folder / "out.jsonl").open("w", encoding="utf-8") as out:
        run(demo_input, out, store)
    store.close()
    return _read_lines(folder / "out.jsonl")


@pytest.fixture(scope="module")
def spark_run(spark, tmp_path_factory, demo_input):
    """One run in small blocks over three partitions, so that blocks are stitched and entities joined."""
    from ghatnakram.spark import run_spark

    folder = tmp_path_factory.mktemp("spark")
    store = open_store(folder / "spark.db")
    report = run_spark(spark, str(demo_input), str(folder / "out"), SparkOptions(block_days=2, overlap_days=4, partitions=3), store=store)
    store.close()
    return report, folder


def _read_lines(path: Path) -> list[dict]:
    files = sorted(glob.glob(str(path / "part-*"))) if path.is_dir() else [str(path)]
    return [json.loads(line) for name in files for line in open(name, encoding="utf-8") if line.strip()]


def _agreement(a: list[dict], b: list[dict], key: str) -> float:
    return bcubed({r["id"]: r[key] for r in a}, {r["id"]: r[key] for r in b})[2]


@needs_spark
def test_spark_events_and_storylines_agree_with_the_single_machine_run(single, spark_run):
    report, folder = spark_run
    records = _read_lines(folder / "out" / "articles")
    assert report.blocks > 10
    assert [r["id"] for r in records] == [r["id"] for r in single]
    assert _agreement(single, records, "event") >= 0.98
    assert _agreement(single, records, "storyline") >= 0.98


@needs_spark
def test_spark_writes_the_per_article_contract_with_duplicates_and_reports_bad_lines(single, spark_run):
    report, folder = spark_run
    records = {r["id"]: r for r in _read_lines(folder / "out" / "articles")}
    for reference in single:
        record = records[reference["id"]]
        assert set(record) == {"id", "event", "storyline", "event_date", "headline", "entities", "duplicate_of"}
        assert (record["duplicate_of"], record["event_date"], record["headline"]) == (
            reference["duplicate_of"], reference["event_date"], reference["headline"])
    repost = next(r for r in records if r.startswith("repost-of-"))
    assert records[repost]["duplicate_of"] == repost.removeprefix("repost-of-")
    assert len(report.problems) == 1 and report.problems[0].where.endswith("demo.jsonl:6") and "malformed JSON" in report.problems[0].message
    assert (report.read, report.skipped, report.failed) == (len(single) + 1, 1, 1)


@needs_spark
def test_spark_writes_event_and_storyline_records_for_every_label(spark_run):
    _, folder = spark_run
    articles = _read_lines(folder / "out" / "articles")
    events = _read_lines(folder / "out" / "events")
    storylines = _read_lines(folder / "out" / "storylines")
    assert {e["id"] for e in events} == {r["event"] for r in articles}
    assert {s["id"] for s in storylines} == {r["storyline"] for r in articles}
    assert all(e["headline"] and e["summary"] for e in events)


@needs_spark
def test_a_store_filled_by_spark_lists_its_events_and_takes_new_articles_online(spark_run, tmp_path):
    _, folder = spark_run
    articles = _read_lines(folder / "out" / "articles")
    store = open_store(folder / "spark.db")
    try:
        assert {e["id"] for e in event_records(store)} == {r["event"] for r in articles}
        latest = max((a for a in demo_items() if isinstance(a, Article)), key=lambda a: publication_order(a.published))
        follow_up = tmp_path / "follow-up.jsonl"
        follow_up.write_text(json.dumps({**_record(latest), "id": "follow-up", "outlet": "दूसरा अख़बार (नमूना)"},
                                        ensure_ascii=False) + "\n", encoding="utf-8")
        ingest([str(follow_up)], store)
        assert store.event_of("follow-up") == store.event_of(latest.id)
        assert store.get_article("follow-up").duplicate_of == latest.id
    finally:
        store.close()


@needs_spark
def test_spark_fills_a_postgresql_store_with_the_same_events(spark, pg_url, demo_input, spark_run, tmp_path):
    from ghatnakram.spark import run_spark

    store = open_store(pg_url)
    try:
        run_spark(spark, str(demo_input), str(tmp_path / "out"), SparkOptions(block_days=2, overlap_days=4, partitions=3), store=store)
        labels = {r["id"]: r["event"] for r in _read_lines(spark_run[1] / "out" / "articles")}
        assert {e["id"] for e in event_records(store)} == set(labels.values())
        assert {a: e for a, (e, _) in store.event_labels().items()} == {a: labels[a] for a in store.event_labels()}
    finally:
        store.close()


@needs_spark
def test_spark_reads_and_writes_parquet_with_the_same_labels(spark, tmp_path, demo_input, spark_run):
    from ghatnakram.spark import run_spark

    rows = [json.loads(line) for line in demo_input.read_text(encoding="utf-8").splitlines() if line.endswith("}")]
    spark.createDataFrame(rows).coalesce(1).write.parquet(str(tmp_path / "demo.parquet"))
    run_spark(spark, str(tmp_path / "demo.parquet"), str(tmp_path / "out"), SparkOptions(fmt="parquet"))
    parquet = {r["id"]: r for r in (row.asDict() for row in spark.read.parquet(str(tmp_path / "out" / "articles")).collect())}
    jsonl = _read_lines(spark_run[1] / "out" / "articles")
    assert set(parquet) == {r["id"] for r in jsonl}
    assert _agreement(jsonl, list(parquet.values()), "event") >= 0.98
    assert [e["text"] for e in json.loads(parquet[jsonl[0]["id"]]["entities"])] == [e["text"] for e in jsonl[0]["entities"]]


def test_spark_run_refuses_an_output_folder_that_exists(tmp_path, demo_input):
    (tmp_path / "out").mkdir()
    result = CliRunner().invoke(main, ["spark-run", str(demo_input), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "already exists: spark-run creates its --out folder" in result.output


def test_problems_name_the_line_they_are_on():
    from ghatnakram.spark import article_from_line

    problem = article_from_line(b'{"id": 1, "outlet": "x"}', "archive.jsonl:17")
    assert isinstance(problem, Problem) and problem.where == "archive.jsonl:17"
