"""Online assignment over a store: batch equals online, restarts continue, merges redirect."""

from dataclasses import replace
from datetime import date

import pytest

from ghatnakram import events
from ghatnakram.assign import OnlineAssigner, publication_floors
from ghatnakram.events import EventClusterer, Signature, event_id
from ghatnakram.models import Article, Problem
from ghatnakram.ingest import ingest_items
from ghatnakram.pipeline import assign_events, cluster, event_records, filter_events, storyline_records
from ghatnakram.store import open_store


@pytest.fixture(scope="module")
def batch_labels(demo_store):
    return demo_store.event_labels()


def _labels_one_by_one(path, articles) -> dict:
    """Event labels after ingesting and assigning ``articles`` one at a time, each with a new store
    object (as a new process would: state comes from the store alone)."""
    for article in articles:
        store = open_store(path)
        ingest_items([article], store)
        assign_events(store)
        store.close()
    store = open_store(path)
    labels = store.event_labels()
    store.close()
    return labels


def test_one_batch_equals_articles_arriving_one_by_one_in_new_processes(tmp_path, demo_articles, batch_labels):
    assert _labels_one_by_one(tmp_path / "online.db", demo_articles) == batch_labels


def test_articles_queued_without_a_signature_are_assigned_as_those_queued_with_one(tmp_path, demo_articles, batch_labels):
    store = open_store(tmp_path / "older.db")
    ingest_items(demo_articles, store)
    with store.transaction():  # as a store written before signatures were queued
        store._db.execute("UPDATE event_queue SET signature = NULL")
    assign_events(store)
    assert store.event_labels() == batch_labels
    store.close()


def test_the_store_assignment_equals_the_in_memory_estimators(tmp_path, demo_articles, batch_labels):
    store = open_store(tmp_path / "memory.db")
    ingest_items(demo_articles, store)
    events, storylines = cluster(list(store.iter_articles()))
    store.close()
    assert {a: (events[a], storylines[a]) for a in events} == batch_labels


def test_reassigning_the_same_store_renames_nothing(tmp_path, demo_articles):
    store = open_store(tmp_path / "again.db")
    ingest_items(demo_articles, store)
    assign_events(store)
    before = store.event_labels()
    ingest_items(demo_articles, store)  # already stored: nothing is queued again
    assert assign_events(store) == {}
    assert store.event_labels() == before
    store.close()


def test_articles_stay_queued_when_assignment_fails_and_are_assigned_on_the_next_call(tmp_path, demo_articles, batch_labels):
    store = open_store(tmp_path / "crash.db")
    ingest_items(demo_articles, store)

    def crash(article_id, event_id, storyline_id):
        if len(seen) == 10:
            raise RuntimeError("power cut")
        seen.append(article_id)

    seen: list[str] = []
    with pytest.raises(RuntimeError):
        OnlineAssigner(store).assign_queued(on_article=crash)
    assert store.event_labels() == {}
    assert len(store.queued_for_events()) == len(batch_labels)
    OnlineAssigner(store).assign_queued()
    assert store.event_labels() == batch_labels
    assert store.queued_for_events() == []
    store.close()


def test_events_older_than_the_window_are_closed_and_forget_their_members(tmp_path, demo_articles):
    store = open_store(tmp_path / "window.db")
    ingest_items(demo_articles, store)
    assign_events(store)
    open_ids = {event_id for event_id, _, _ in store.open_events()}
    all_ids = {event_id for event_id, _ in store.event_labels().values()}
    assert open_ids and open_ids < all_ids
    store.close()


def _sig(article_id, terms, published="2020-03-31T10:00"):
    return Signature(article_id, published, date(2020, 3, 31), "state:IN:bihar", frozenset({"state:IN:bihar"}),
                     frozenset(), "count", {t: 1 for t in terms.split()}, frozenset({940.0}), None)


def test_an_article_that_fits_two_events_merges_them_and_the_later_one_redirects():
    clusterer = EventClusterer(threshold=0.9, merge_threshold=0.9)
    first = clusterer.add(_sig("a", "पटना सीवान मरीज", "2020-03-31T08:00"))
    second = clusterer.add(_sig("b", "गया नालंदा मरीज", "2020-03-31T09:00"))
    assert first.event_id != second.event_id
    bridge = clusterer.add(_sig("c", "पटना सीवान गया नालंदा मरीज"))
    assert bridge.event_id == first.event_id and bridge.merged == (second.event_id,)
    assert clusterer.labels()["b"] == first.event_id
    assert clusterer.resolve(second.event_id) == first.event_id


def test_a_merged_event_id_redirects_in_the_store(store):
    store.save_event("ev-a", "sl-a", "2020-03-31", "2020-03-31")
    store.save_event("ev-b", "sl-b", "2020-03-31", "2020-03-31")
    store.merge_event("ev-b", "ev-a", "sl-a")
    assert store.resolve_event("ev-b") == "ev-a"
    assert store.resolve_event("ev-a") == "ev-a"
    assert store.resolve_event("ev-unknown") is None


def test_a_merge_during_assignment_moves_the_articles_and_keeps_a_redirect(tmp_path, demo_articles, monkeypatch):
    import sys

    store = open_store(tmp_path / "merge.db")
    three = demo_articles[:3]
    crafted = dict(zip((a.id for a in three), (
        _sig(three[0].id, "पटना सीवान मरीज", "2020-03-31T08:00"),
        _sig(three[1].id, "गया नालंदा मरीज", "2020-03-31T09:00"),
        _sig(three[2].id, "पटना सीवान गया नालंदा मरीज", "2020-03-31T10:00"),
    )))
    monkeypatch.setattr(sys.modules["ghatnakram.ingest"], "signature", lambda article, text_part=None: crafted[article.id])  # the module, not the function the package exports
    ingest_items(three, store)
    labels = OnlineAssigner(store, clusterer=EventClusterer(threshold=0.9, merge_threshold=0.9)).assign_queued()
    events = {event for event, _ in labels.values()}
    assert len(events) == 1
    survivor = events.pop()
    assert {e for e, _ in store.event_labels().values()} == {survivor}
    absorbed = next(s.article_id for s in crafted.values() if s.published.endswith("09:00"))
    assert store.resolve_event(event_id(absorbed)) == survivor
    assert [record["id"] for record in event_records(store, event_id=event_id(absorbed))] == [survivor]
    store.close()


def test_listing_events_from_the_store_equals_filtering_every_event(demo_store):
    every = event_records(demo_store, limit=None)
    assert {r["id"] for r in every} == {e for e, _ in demo_store.event_labels().values()}
    for filters in ({"since": "2026-01-01"}, {"until": "2025-12-31"}, {"outlet": "Seed outlet B"}, {"entity": "पुतिन"}):
        listed = {r["id"] for r in event_records(demo_store, **filters)}
        assert listed == {r["id"] for r in filter_events(every, **filters)}, filters
        assert listed


def test_an_entity_is_found_by_any_of_its_spellings(demo_store):
    assert {r["id"] for r in event_records(demo_store, entity="अल-शरा")} == {r["id"] for r in event_records(demo_store, entity="अल-शारा")}


def test_event_listing_pages_do_not_overlap(demo_store):
    first, second = event_records(demo_store, limit=3), event_records(demo_store, limit=3, offset=3)
    assert len(first) == len(second) == 3 and not {r["id"] for r in first} & {r["id"] for r in second}


def test_listing_and_redirects_work_the_same_on_every_backend(store, demo_articles, batch_labels):
    ingest_items(demo_articles, store)
    assign_events(store)
    assert store.event_labels() == batch_labels
    every = event_records(store, limit=None)
    for filters in ({"since": "2026-01-01"}, {"outlet": "Seed outlet B"}):
        assert {r["id"] for r in event_records(store, **filters)} == {r["id"] for r in filter_events(every, **filters)} != set()
    assert len(event_records(store, entity="अल-शरा")) == 2  # both seed meetings, whichever spelling they use
    assert len(storyline_records(store, limit=2)) == 2


def test_events_do_not_depend_on_the_process_hash_seed(tmp_path, demo_articles):
    import json
    import os
    import subprocess
    import sys

    source = tmp_path / "demo.jsonl"
    source.write_text("".join(json.dumps({"id": a.id, "outlet": a.outlet, "published": a.published, "title": a.title,
                                          "text": a.text}, ensure_ascii=False) + "\n" for a in demo_articles), encoding="utf-8")
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}.jsonl"
        subprocess.run([sys.executable, "-m", "ghatnakram.cli", "run", str(source), "--out", str(out), "--db", str(tmp_path / f"{seed}.db")],
                       check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append([(r["id"], r["event"], r["storyline"]) for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())])
    assert outputs[0] == outputs[1]


def test_assigning_the_early_articles_first_and_the_rest_later_equals_one_call(tmp_path, demo_articles, batch_labels):
    store = open_store(tmp_path / "ahead.db")
    ingest_items(demo_articles, store)
    days = sorted({a.published for a in demo_articles})
    assigner = OnlineAssigner(store)
    first = assigner.assign_queued(before=days[len(days) // 2])
    published = {a.id: a.published for a in demo_articles}
    assert first and all(published[article_id] < days[len(days) // 2] for article_id in first)
    assert set(assigner.assign_queued()) == set(published) - set(first)
    assert store.event_labels() == batch_labels
    store.close()


def _article(article_id: str, published: str | None) -> Article:
    return Article(id=article_id, outlet="नमूना", title="", text="पाठ", published=published)


def test_publication_floors_are_the_earliest_publication_still_to_come_from_each_block():
    items = [_article("a", "2026-01-03"), Problem("line 2", "bad JSON"), _article("b", "2026-01-05"),
             _article("c", "2026-01-04"), _article("d", "2026-01-06")]
    # Floors are publication_order keys: a bare date is the end of its day.
    assert publication_floors(items, block=2) == ["2026-01-03T24:00", "2026-01-04T24:00", "2026-01-06T24:00"]
    assert publication_floors(items[:2], block=1) == ["2026-01-03T24:00", None]  # nothing follows the problem
    # An article without a date sorts last in the queue: it holds back no dated article.
    assert publication_floors(items + [_article("e", None)], block=2) == ["2026-01-03T24:00", "2026-01-04T24:00", "2026-01-06T24:00"]
    assert publication_floors([_article("e", None)], block=1) == ["~"]
    assert publication_floors([], block=2) == []


def test_an_article_dated_only_by_its_day_waits_for_that_days_timed_articles_and_an_undated_one_for_all(tmp_path):
    store = open_store(tmp_path / "order.db")
    texts = {"undated": "हादसे में घायलों से मिले मंत्री।", "day-only": "रेल हादसे के चश्मदीद बोले।",
             "evening": "हादसे की जांच शुरू हुई।", "morning": "पैसेंजर ट्रेन पटरी से उतरी।", "next": "रेल मार्ग फिर खुला।"}
    published = {"undated": None, "day-only": "2026-04-15", "evening": "2026-04-15T19:00:00+05:30",
                 "morning": "2026-04-15T07:30:00+05:30", "next": "2026-04-16T06:00:00+05:30"}
    ingest_items([replace(_article(i, published[i]), text=text) for i, text in texts.items()], store)
    assert store.queued_for_events() == ["morning", "evening", "day-only", "next", "undated"]
    store.close()


def test_undated_articles_past_the_open_cap_give_the_same_events_in_one_batch_and_one_by_one(tmp_path, monkeypatch):
    monkeypatch.setattr(events, "MAX_UNDATED_OPEN", 2)
    monkeypatch.setattr(events, "UNDATED_SLACK", 1)
    villages = "अमरपुर बेलहा चंदौली दरियापुर एकमा फुलवरिया गोपालपुर".split()
    articles = [Article(id=f"u{i}", outlet=f"o{i % 2}", title=f"{village} गांव में मेला", published=None,
                        text=f"{village} गांव में लगे मेले में हजारों लोग पहुंचे। मेले में {village} की झांकी निकली।")
                for i, village in enumerate(villages)]
    articles.append(Article(id="u9", outlet="o9", title="अमरपुर गांव में मेला", published=None,
                            text="अमरपुर गांव में लगे मेले में हजारों लोग पहुंचे। मेले में अमरपुर की झांकी निकली।"))
    batch = open_store(tmp_path / "batch.db")
    ingest_items(articles, batch)
    assign_events(batch)
    labels = batch.event_labels()
    assert labels["u9"][0] != labels["u0"][0]  # u0's event closed long before its copy came
    batch.close()
    assert _labels_one_by_one(tmp_path / "online.db", articles) == labels
