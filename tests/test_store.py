import json
import sqlite3

import pytest

from ghatnakram.models import Article
from ghatnakram.store import StoreError, open_store
from ghatnakram.store.migrations import MIGRATIONS, POSTGRESQL_MIGRATIONS, postgresql_migration
from ghatnakram.translit import latin_key


def _article(article_id, **fields):
    base = dict(id=article_id, outlet="नमूना", text="खबर का पाठ।", raw_text="खबर का पाठ।", source="t", content_hash="h")
    return Article(**{**base, **fields})


def test_new_store_applies_every_migration_once(store_location):
    store = open_store(store_location)
    assert store.applied_migrations() == [name for name, _ in MIGRATIONS]
    store.close()
    reopened = open_store(store_location)
    assert reopened.applied_migrations() == [name for name, _ in MIGRATIONS]
    reopened.close()


def test_both_backends_have_the_same_migrations_in_the_same_order():
    assert [name for name, _ in POSTGRESQL_MIGRATIONS] == [name for name, _ in MIGRATIONS]


def test_a_postgresql_migration_out_of_order_is_refused():
    def pg_m999_later(cur):
        pass

    with pytest.raises(ValueError, match="must be named pg_None"):
        postgresql_migration(pg_m999_later)


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
    assert store.line_counts("o1", ["k1", "k2", "k3"]) == {"k1": 2, "k2": 1}
    assert store.line_counts("o2", ["k1", "k2"]) == {"k1": 1}
    assert store.line_counts("o1", []) == {}


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "s.db")


def test_postgresql_server_that_does_not_answer_is_a_clear_error_without_the_password():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as error:
        open_store("postgresql://desk:secret@127.0.0.1:1/news")
    assert "secret" not in str(error.value) and "desk:***@127.0.0.1:1/news" in str(error.value)


def test_postgresql_url_without_a_database_is_a_clear_error():
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="names no server or database"):
        open_store("postgresql://")


def test_transactions_nest_into_the_outer_one(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            with store.transaction():
                store.add_article(_article("a"))
            raise RuntimeError("crash after the inner block")
    assert store.count_articles() == 0


def test_articles_are_listed_per_outlet_and_content_oldest_first(store):
    with store.transaction():
        store.add_article(_article("a", outlet="दैनिक", content_hash="same"))
        store.add_article(_article("b", outlet="अमर", content_hash="same"))
        store.add_article(_article("c", outlet="दैनिक", content_hash="other"))
    assert [a.id for a in store.iter_articles(outlet="दैनिक")] == ["a", "c"]
    assert store.ids_for_content("same") == [("a", "दैनिक"), ("b", "अमर")]
    assert store.ids_for_content("none") == []


def test_signatures_sharing_buckets_gives_the_latest_few_oldest_first(store):
    with store.transaction():
        for n in range(5):
            store.add_article(_article(f"a{n}"))
            store.add_signature(f"a{n}", bytes([n]) * 8, [-(2**63) + n, 7] if n % 2 else [2**63 - 1])
    assert store.signatures_sharing_buckets([7]) == [("a1", b"\x01" * 8), ("a3", b"\x03" * 8)]
    assert [i for i, _ in store.signatures_sharing_buckets([7, 2**63 - 1], limit=3)] == ["a2", "a3", "a4"]
    assert store.signatures_sharing_buckets([]) == [] and store.signatures_sharing_buckets([12345]) == []


def test_entities_are_replaced_in_place_and_load_in_first_seen_order(store):
    def entity(canonical, count):
        return {"id": canonical, "type": "PER", "name": "अमित शाह", "latin": "amit shah", "count": count}

    with store.transaction():
        store.save_entities([entity("per:b", 1), entity("per:a", 1)])
        store.save_entities([entity("per:b", 5)])
    assert [(e["id"], e["count"]) for e in store.load_entities()] == [("per:b", 5), ("per:a", 1)]


def test_a_signature_queued_with_an_article_is_read_back_until_the_article_is_labelled(store):
    with store.transaction():
        for article_id in ("a", "b", "c"):
            store.add_article(_article(article_id, published="2026-01-28"))
        store.queue_for_events("a", "2026-01-28", '{"article_id": "a"}')
        store.queue_for_events("b", "2026-01-28")  # queued by an older version: no signature
    assert store.queued_signatures(["a", "b", "c"]) == {"a": '{"article_id": "a"}'}
    with store.transaction():
        store.save_event_labels([("a", "ev-1", "sl-1")])
    assert store.queued_signatures(["a", "b"]) == {}


def test_queued_articles_wait_in_publication_then_byte_order_until_labelled(store):
    with store.transaction():
        for article_id, published in [("b", "2026-01-29"), ("a-2", "2026-01-28"), ("A1", "2026-01-28"), ("a1", "2026-01-28"), ("z", None)]:
            store.add_article(_article(article_id, published=published))
            store.queue_for_events(article_id, published)
        store.queue_for_events("b", "2026-01-29")  # queued again: still once
    assert store.queued_for_events() == ["z", "A1", "a-2", "a1", "b"]
    assert store.queued_for_events(before="2026-01-29") == ["z", "A1", "a-2", "a1"]  # a prefix of that order
    assert store.queued_for_events(before="2026-01-28") == ["z"]
    with store.transaction():
        store.save_event_labels([("A1", "ev-1", "sl-1"), ("a1", "ev-1", "sl-1"), ("b", "ev-2", "sl-1")])
        store.save_event_labels([("b", "ev-3", "sl-2")])  # replaces the earlier label
    assert store.queued_for_events() == ["z", "a-2"]
    assert store.event_labels() == {"A1": ("ev-1", "sl-1"), "a1": ("ev-1", "sl-1"), "b": ("ev-3", "sl-2")}
    assert store.event_of("b") == ("ev-3", "sl-2") and store.event_of("z") is None
    assert _sorted(store.event_members_of(event_id="ev-1")) == {"ev-1": ("sl-1", ["A1", "a1"])}
    assert _sorted(store.event_members_of(storyline_id="sl-1")) == {"ev-1": ("sl-1", ["A1", "a1"])}


def test_open_events_keep_members_oldest_first_and_closed_events_forget_them(store):
    with store.transaction():
        store.save_event("ev-a", "sl-1", "2026-01-28T09:00", "2026-01-28")
        store.save_event("ev-b", "sl-1", "2026-01-28T10:00", None)
        store.add_event_member("x", "ev-a", "sig-x")
        store.add_event_member("y", "ev-a", "sig-y")
        store.add_event_member("z", "ev-b", "sig-z")
        store.add_event_member("x", "ev-a", "sig-x2")  # written again: now the newest
        store.save_event("ev-a", "sl-2", "ignored: the first publication stays", "2026-01-29")
    assert store.open_events() == [("ev-a", "sl-2", ["sig-y", "sig-x2"]), ("ev-b", "sl-1", ["sig-z"])]
    with store.transaction():
        store.close_events(["ev-b"])
    assert store.open_events() == [("ev-a", "sl-2", ["sig-y", "sig-x2"])]


def test_merged_events_redirect_to_the_survivor_through_chains(store):
    with store.transaction():
        store.add_article(_article("x"))
        store.add_article(_article("y"))
        for event in ("ev-a", "ev-b", "ev-c"):
            store.save_event(event, "sl-1", "2026-01-28", "2026-01-28")
        store.save_event_labels([("x", "ev-a", "sl-1"), ("y", "ev-b", "sl-1")])
        store.add_event_member("x", "ev-a", "sig-x")
        store.merge_event("ev-a", "ev-b", "sl-1")
        store.merge_event("ev-b", "ev-c", "sl-2")
    assert (store.resolve_event("ev-a"), store.resolve_event("ev-b"), store.resolve_event("ev-c")) == ("ev-c", "ev-c", "ev-c")
    assert store.event_labels() == {"x": ("ev-c", "sl-2"), "y": ("ev-c", "sl-2")}
    assert store.open_events() == [("ev-c", "sl-1", ["sig-x"])]


def test_merged_storylines_redirect_and_leave_the_active_list(store):
    with store.transaction():
        store.save_storyline("sl-a", "2026-01-20", "{}")
        store.save_storyline("sl-b", "2026-01-28", "{}")
        store.save_storyline("sl-c", None, "{}")
        store.save_storyline("sl-d", "2026-01-29", '{"p": 1}')
        store.add_article(_article("x"))
        store.save_event("ev-1", "sl-a", "2026-01-20", "2026-01-20")
        store.save_event_labels([("x", "ev-1", "sl-a")])
        store.merge_storyline("sl-a", "sl-d")
        store.merge_storyline("sl-d", "sl-b")
    assert (store.resolve_storyline("sl-a"), store.resolve_storyline("sl-d"), store.resolve_storyline("sl-b")) == ("sl-b",) * 3
    assert store.resolve_storyline("sl-unknown") is None
    assert store.event_labels() == {"x": ("ev-1", "sl-b")}
    assert store.storylines_since(None) == [("sl-b", "{}"), ("sl-c", "{}")]
    assert store.storylines_since("2026-01-25") == [("sl-b", "{}"), ("sl-c", "{}")]
    assert store.storylines_since("2026-01-29") == [("sl-c", "{}")]


def test_term_frequencies_add_up_and_state_values_are_replaced(store):
    with store.transaction():
        store.add_term_frequencies({"बाढ़": 1, "पटना": 2})
        store.add_term_frequencies({"बाढ़": 3})
        store.add_term_frequencies({})
        store.set_state("events.generation", "1")
        store.set_state("events.generation", "2")
    assert store.term_frequencies() == {"बाढ़": 4, "पटना": 2}
    assert store.get_state("events.generation") == "2" and store.get_state("missing") is None


def test_the_event_lock_is_taken_inside_a_transaction_only(store):
    with store.transaction():
        store.lock_for_events()
        store.lock_for_events()  # taken again by the same transaction: no wait
    with pytest.raises(StoreError, match="inside store.transaction"):
        store.lock_for_events()


def _sorted(groups):
    return {event: (storyline, sorted(members)) for event, (storyline, members) in groups.items()}


def test_an_entity_is_found_by_another_latin_spelling_of_its_name(store):
    with store.transaction():
        store.save_entities([{"id": "LOC:city:bhubaneswar", "type": "LOC", "name": "भुवनेश्वर", "latin": "Bhubaneswar", "count": 3},
                             {"id": "PER:पुतिन", "type": "PER", "name": "पुतिन", "latin": "Putin", "count": 1}])
    assert store.entities_named("Bhuvaneshwar") == ["LOC:city:bhubaneswar"]
    assert store.entities_named("putin") == ["PER:पुतिन"]
    assert store.entities_named("Pune") == [] and store.entities_named("भुवनेश्वर") == ["LOC:city:bhubaneswar"]


def test_a_short_latin_name_finds_only_an_entity_it_names_whole(store):
    with store.transaction():
        store.save_entities([{"id": "LOC:district:bhopal", "type": "LOC", "name": "भोपाल", "latin": "Bhopal", "count": 2},
                             {"id": "ORG:bo", "type": "ORG", "name": "बो", "latin": "Bo", "count": 1},
                             {"id": "PER:नरेंद्र-मोदी", "type": "PER", "name": "नरेंद्र मोदी", "latin": "Narendra Modi", "count": 5}])
    assert store.entities_named("WHO") == ["ORG:bo"]  # its key "bo" is Bhopal's "bopal" in part only
    assert store.entities_named("Modi") == ["PER:नरेंद्र-मोदी"]  # four letters and more: a part will do


def _store_before(path, migration: str) -> sqlite3.Connection:
    """A SQLite store with every migration before ``migration`` applied and recorded, as an older
    version of the package left it."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, apply in MIGRATIONS:
        if name < migration:
            apply(db.cursor())
            db.execute("INSERT INTO schema_migrations VALUES (?, '2026-01-01')", (name,))
    return db


def test_organisations_stored_before_get_their_english_names(tmp_path):
    path = tmp_path / "older.db"
    db = _store_before(path, "m011")
    db.execute("INSERT INTO entities VALUES ('ORG:who', 'ORG', 'विश्व स्वास्थ्य संगठन', 'Vishwa Swasthya Sangthan', NULL, 5, '{}', 'bisbas')")
    db.execute("INSERT INTO entities VALUES ('ORG:नगर-निगम', 'ORG', 'नगर निगम', 'Nagar Nigam', NULL, 2, '{}', 'nagarnigam')")
    db.commit()
    db.close()
    store = open_store(path)
    assert store.entities_named("WHO") == ["ORG:who"] and store.entities_named("Nagar Nigam") == ["ORG:नगर-निगम"]
    store.close()
    latin = dict(sqlite3.connect(path).execute("SELECT canonical, latin FROM entities"))
    assert latin == {"ORG:who": "WHO", "ORG:नगर-निगम": "Nagar Nigam"}


def test_entities_stored_before_latin_search_keys_get_theirs(tmp_path):
    path = tmp_path / "older.db"
    db = _store_before(path, "m010")
    db.execute("INSERT INTO entities VALUES ('LOC:city:moscow', 'LOC', 'मॉस्को', 'Moscow', 'city:Europe/Moscow', 2, '{}')")
    db.commit()
    db.close()
    store = open_store(path)
    assert store.entities_named("Moskow") == ["LOC:city:moscow"]
    store.close()


def test_entities_stored_before_get_english_words_in_their_latin_names(tmp_path):
    path = tmp_path / "older.db"
    db = _store_before(path, "m012")
    old = "Neshnal Instityut Oph Vairoloji"
    state = json.dumps({"id": "ORG:niv", "type": "ORG", "name": "नेशनल इंस्टीट्यूट ऑफ वायरोलॉजी", "latin": old, "count": 3})
    db.execute("INSERT INTO entities VALUES ('ORG:niv', 'ORG', 'नेशनल इंस्टीट्यूट ऑफ वायरोलॉजी', ?, NULL, 3, ?, ?)",
               (old, state, latin_key(old)))
    db.execute("INSERT INTO entities VALUES ('PER:रिकार्ड-बोवेन', 'PER', 'रिकार्ड बोवेन', 'Rikard Boven', NULL, 1, '{}', 'rikardboben')")
    db.commit()
    db.close()
    store = open_store(path)
    assert store.entities_named("National Institute of Virology") == ["ORG:niv"]
    assert store.load_entities()[0]["latin"] == "National Institute of Virology"  # what the web reads
    store.close()
    latin = dict(sqlite3.connect(path).execute("SELECT canonical, latin FROM entities"))
    assert latin == {"ORG:niv": "National Institute of Virology", "PER:रिकार्ड-बोवेन": "Rikard Boven"}


def test_entities_stored_before_get_their_names_spelled_as_indian_names_are(tmp_path):
    path = tmp_path / "older.db"
    db = _store_before(path, "m013")
    db.execute("INSERT INTO entities VALUES ('PER:लव-अगरवाल', 'PER', 'लव अग्रवाल', 'Lav Agraval', NULL, 4, '{}', 'labagrabal')")
    db.commit()
    db.close()
    store = open_store(path)
    assert store.entities_named("Lav Agrawal") == ["PER:लव-अगरवाल"]
    store.close()
    assert sqlite3.connect(path).execute("SELECT latin FROM entities").fetchone() == ("Lav Agrawal",)


def test_a_store_named_under_older_latin_rules_rewrites_its_latin_names_when_opened(store_location):
    from ghatnakram.translit import LATIN_RULES

    store = open_store(store_location)
    with store.transaction():
        store.save_entities([{"id": "PER:सोनिया-गांधी", "type": "PER", "name": "सोनिया गांधी", "latin": "Soniya Gandhi", "count": 3}])
        store.set_state("latin_rules", "an older edition")
    store.close()
    store = open_store(store_location)
    assert store.load_entities()[0]["latin"] == "Sonia Gandhi"
    assert store.entities_named("Sonia Gandhi") == ["PER:सोनिया-गांधी"]
    assert store.get_state("latin_rules") == LATIN_RULES
    store.close()


def test_a_store_named_under_the_current_latin_rules_is_not_rewritten(store_location):
    store = open_store(store_location)
    with store.transaction():
        store.save_entities([{"id": "PER:सोनिया-गांधी", "type": "PER", "name": "सोनिया गांधी", "latin": "As Stored", "count": 3}])
    store.close()
    store = open_store(store_location)
    assert store.load_entities()[0]["latin"] == "As Stored"
    store.close()


def test_an_entity_is_found_by_an_english_spelling_that_differs_in_its_vowels(store):
    with store.transaction():
        store.save_entities([{"id": "PER:डोनालड-टरंप", "type": "PER", "name": "डोनाल्ड ट्रंप", "latin": "Donald Tramp", "count": 9},
                             {"id": "PER:ममता-बनरजि", "type": "PER", "name": "ममता बनर्जी", "latin": "Mamta Banarji", "count": 4},
                             {"id": "PER:अमित-शरमा", "type": "PER", "name": "अमित शर्मा", "latin": "Amit Sharma", "count": 2},
                             {"id": "PER:मोदि", "type": "PER", "name": "मोदी", "latin": "Modi", "count": 2}])
    assert store.entities_named("Trump") == ["PER:डोनालड-टरंप"]
    assert store.entities_named("Mamata Banerjee") == ["PER:ममता-बनरजि"]
    assert store.entities_named("Amit Shah") == []  # its consonants are not Amit Sharma's
    assert store.entities_named("Mady") == []  # two consonants are too few to search by


def test_a_close_match_hides_matches_by_consonants_alone(store):
    with store.transaction():
        store.save_entities([{"id": "PER:ठाकरे", "type": "PER", "name": "उद्धव ठाकरे", "latin": "Uddhav Thakre", "count": 3},
                             {"id": "PER:ठाकुर", "type": "PER", "name": "अनुराग ठाकुर", "latin": "Anurag Thakur", "count": 3}])
    assert store.entities_named("Thakur") == ["PER:ठाकुर"]
    assert sorted(store.entities_named("Thackeray")) == ["PER:ठाकरे", "PER:ठाकुर"]  # the vowels would tell; they are what is forgiven
