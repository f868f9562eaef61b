"""Schema migrations: plain named functions, applied in order, recorded in a table.

Each migration receives a DB-API cursor. It has a SQLite form (``@migration``) and a
PostgreSQL form of the same name (``@postgresql_migration`` on ``pg_<name>``) right
after it, so both backends record the same names in ``schema_migrations``. Add new ones
at the end; never edit one that has shipped.
"""

from __future__ import annotations

import json
from typing import Callable

from ..translit import latin_key

Migration = Callable[[object], None]
MIGRATIONS: list[tuple[str, Migration]] = []
POSTGRESQL_MIGRATIONS: list[tuple[str, Migration]] = []
_POSTGRESQL_PREFIX = "pg_"


def migration(fn: Migration) -> Migration:
    """Register ``fn`` as the next migration, under its function name."""
    MIGRATIONS.append((fn.__name__, fn))
    return fn


def postgresql_migration(fn: Migration) -> Migration:
    """Register ``fn`` (named ``pg_<name>``) as the PostgreSQL form of the SQLite migration ``<name>``."""
    name = fn.__name__.removeprefix(_POSTGRESQL_PREFIX)
    expected = MIGRATIONS[len(POSTGRESQL_MIGRATIONS)][0] if len(POSTGRESQL_MIGRATIONS) < len(MIGRATIONS) else None
    if not fn.__name__.startswith(_POSTGRESQL_PREFIX) or name != expected:
        raise ValueError(
            f"PostgreSQL migration {fn.__name__!r} must be named {_POSTGRESQL_PREFIX}{expected} and follow "
            "its SQLite form, so that both backends apply the same migrations in the same order"
        )
    POSTGRESQL_MIGRATIONS.append((name, fn))
    return fn


@migration
def m001_articles(cur) -> None:
    cur.execute(
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            seq INTEGER NOT NULL UNIQUE,
            outlet TEXT NOT NULL,
            published TEXT,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            url TEXT,
            author TEXT,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            ingested_at TEXT NOT NULL
        )
        """
    )
    cur.execute("CREATE UNIQUE INDEX articles_url ON articles(url)")
    cur.execute("CREATE INDEX articles_content_hash ON articles(content_hash)")
    cur.execute("CREATE INDEX articles_outlet_published ON articles(outlet, published)")
    cur.execute("CREATE INDEX articles_published ON articles(published)")
    # Other ids under which an already stored article arrived again (same URL or same content).
    cur.execute("CREATE TABLE article_aliases (alias TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id))")


@postgresql_migration
def pg_m001_articles(cur) -> None:
    # seq comes from an identity column: concurrent writers never draw the same number.
    cur.execute(
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
            outlet TEXT NOT NULL,
            published TEXT,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            raw_text TEXT NOT NULL,
            url TEXT,
            author TEXT,
            source TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            duplicate_of TEXT REFERENCES articles(id),
            ingested_at TEXT NOT NULL
        )
        """
    )
    cur.execute("CREATE UNIQUE INDEX articles_url ON articles(url)")
    cur.execute("CREATE INDEX articles_content_hash ON articles(content_hash)")
    cur.execute("CREATE INDEX articles_outlet_published ON articles(outlet, published)")
    cur.execute("CREATE INDEX articles_published ON articles(published)")
    cur.execute("CREATE TABLE article_aliases (alias TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id))")


@migration
def m002_near_duplicates(cur) -> None:
    # MinHash signature per article, and its LSH band keys for candidate lookup on disk,
    # so that memory stays flat however large the store grows.
    cur.execute("CREATE TABLE minhash_signatures (article_id TEXT PRIMARY KEY REFERENCES articles(id), signature BLOB NOT NULL)")
    # A bucket is one LSH band's hash, the band number mixed in.
    cur.execute("CREATE TABLE minhash_buckets (bucket INTEGER NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id))")
    cur.execute("CREATE INDEX minhash_buckets_lookup ON minhash_buckets(bucket)")


@postgresql_migration
def pg_m002_near_duplicates(cur) -> None:
    cur.execute("CREATE TABLE minhash_signatures (article_id TEXT PRIMARY KEY REFERENCES articles(id), signature BYTEA NOT NULL)")
    cur.execute("CREATE TABLE minhash_buckets (bucket BIGINT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id))")
    cur.execute("CREATE INDEX minhash_buckets_lookup ON minhash_buckets(bucket)")


@migration
def m003_outlet_lines(cur) -> None:
    # How many articles of an outlet carry a given line: lines repeated everywhere are boilerplate.
    cur.execute(
        """
        CREATE TABLE outlet_lines (
            outlet TEXT NOT NULL,
            line_key TEXT NOT NULL,
            articles INTEGER NOT NULL,
            PRIMARY KEY (outlet, line_key)
        )
        """
    )


@postgresql_migration
def pg_m003_outlet_lines(cur) -> None:
    m003_outlet_lines(cur)  # portable SQL


@migration
def m004_analysis(cur) -> None:
    # What the analysis stage found (entities, dates, quotes, numbers, recurrence, type), as JSON.
    cur.execute("ALTER TABLE articles ADD COLUMN analysis TEXT")
    # The canonical entities all spellings resolve to, and which articles mention them.
    cur.execute(
        """
        CREATE TABLE entities (
            canonical TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            latin TEXT NOT NULL,
            place TEXT,
            mentions INTEGER NOT NULL,
            state TEXT NOT NULL
        )
        """
    )
    cur.execute(
        """
        CREATE TABLE article_entities (
            article_id TEXT NOT NULL REFERENCES articles(id),
            canonical TEXT NOT NULL,
            PRIMARY KEY (article_id, canonical)
        )
        """
    )
    cur.execute("CREATE INDEX article_entities_canonical ON article_entities(canonical)")


@postgresql_migration
def pg_m004_analysis(cur) -> None:
    cur.execute("ALTER TABLE articles ADD COLUMN analysis TEXT")
    # position keeps insertion order, as SQLite's rowid does (an update keeps it).
    cur.execute(
        """
        CREATE TABLE entities (
            canonical TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            name TEXT NOT NULL,
            latin TEXT NOT NULL,
            place TEXT,
            mentions INTEGER NOT NULL,
            state TEXT NOT NULL,
            position BIGINT GENERATED ALWAYS AS IDENTITY
        )
        """
    )
    cur.execute(
        """
        CREATE TABLE article_entities (
            article_id TEXT NOT NULL REFERENCES articles(id),
            canonical TEXT NOT NULL,
            PRIMARY KEY (article_id, canonical)
        )
        """
    )
    cur.execute("CREATE INDEX article_entities_canonical ON article_entities(canonical)")


@migration
def m005_events(cur) -> None:
    # Which event and storyline each article belongs to (written by the clustering stage).
    cur.execute(
        """
        CREATE TABLE article_events (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            event_id TEXT NOT NULL,
            storyline_id TEXT NOT NULL
        )
        """
    )
    cur.execute("CREATE INDEX article_events_event ON article_events(event_id)")
    cur.execute("CREATE INDEX article_events_storyline ON article_events(storyline_id)")


@postgresql_migration
def pg_m005_events(cur) -> None:
    m005_events(cur)  # portable SQL


@migration
def m006_online_events(cur) -> None:
    # Online event assignment continues from saved state instead of re-reading the archive:
    # articles waiting for assignment, the open events' latest members, storyline profiles,
    # term document frequencies, and redirects of merged events. Labels written before this
    # migration were not made online: every article is queued again and relabelled once.
    cur.execute("CREATE TABLE event_queue (article_id TEXT PRIMARY KEY REFERENCES articles(id), published TEXT NOT NULL)")
    cur.execute("CREATE INDEX event_queue_order ON event_queue(published, article_id)")
    cur.execute("INSERT INTO event_queue SELECT id, COALESCE(published, '') FROM articles")
    cur.execute("DELETE FROM article_events")
    cur.execute(
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            storyline_id TEXT NOT NULL,
            first_published TEXT NOT NULL,
            last_day TEXT,
            is_open INTEGER NOT NULL DEFAULT 1,
            merged_into TEXT
        )
        """
    )
    cur.execute("CREATE INDEX events_open ON events(is_open)")
    cur.execute("CREATE INDEX events_storyline ON events(storyline_id)")
    cur.execute("CREATE INDEX events_last_day ON events(last_day)")
    cur.execute("CREATE TABLE event_members (article_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, signature TEXT NOT NULL)")
    cur.execute("CREATE INDEX event_members_event ON event_members(event_id)")
    cur.execute("CREATE TABLE storylines (id TEXT PRIMARY KEY, last_day TEXT, profile TEXT NOT NULL)")
    cur.execute("CREATE INDEX storylines_last_day ON storylines(last_day)")
    cur.execute("CREATE TABLE term_frequencies (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID")
    cur.execute("CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@postgresql_migration
def pg_m006_online_events(cur) -> None:
    cur.execute("CREATE TABLE event_queue (article_id TEXT PRIMARY KEY REFERENCES articles(id), published TEXT NOT NULL)")
    cur.execute("CREATE INDEX event_queue_order ON event_queue(published, article_id)")
    cur.execute("INSERT INTO event_queue SELECT id, COALESCE(published, '') FROM articles")
    cur.execute("DELETE FROM article_events")
    cur.execute(
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            storyline_id TEXT NOT NULL,
            first_published TEXT NOT NULL,
            last_day TEXT,
            is_open INTEGER NOT NULL DEFAULT 1,
            merged_into TEXT
        )
        """
    )
    cur.execute("CREATE INDEX events_open ON events(is_open)")
    cur.execute("CREATE INDEX events_storyline ON events(storyline_id)")
    cur.execute("CREATE INDEX events_last_day ON events(last_day)")
    # position orders members as SQLite's rowid does: a replaced member moves to the end.
    cur.execute("CREATE SEQUENCE event_members_position")
    cur.execute(
        "CREATE TABLE event_members (article_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, signature TEXT NOT NULL, "
        "position BIGINT NOT NULL DEFAULT nextval('event_members_position'))"
    )
    cur.execute("CREATE INDEX event_members_event ON event_members(event_id)")
    cur.execute("CREATE TABLE storylines (id TEXT PRIMARY KEY, last_day TEXT, profile TEXT NOT NULL)")
    cur.execute("CREATE INDEX storylines_last_day ON storylines(last_day)")
    cur.execute("CREATE TABLE term_frequencies (term TEXT PRIMARY KEY, documents INTEGER NOT NULL)")
    cur.execute("CREATE TABLE store_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migration
def m007_storyline_merges(cur) -> None:
    # A storyline merged into another keeps its row as a redirect.
    cur.execute("ALTER TABLE storylines ADD COLUMN merged_into TEXT")


@postgresql_migration
def pg_m007_storyline_merges(cur) -> None:
    m007_storyline_merges(cur)  # portable SQL


@migration
def m008_bucket_order(cur) -> None:
    # Near-duplicate lookup reads only the latest articles of each LSH bucket. In SQLite the
    # bucket index already orders a bucket's rows by rowid (insertion order): nothing to add.
    pass


@postgresql_migration
def pg_m008_bucket_order(cur) -> None:
    # PostgreSQL rows have no insertion order: an identity column (filled for existing rows)
    # and an index on (bucket, it) give the latest rows of a bucket without reading all of them.
    cur.execute("ALTER TABLE minhash_buckets ADD COLUMN position BIGINT GENERATED ALWAYS AS IDENTITY")
    cur.execute("CREATE INDEX minhash_buckets_latest ON minhash_buckets(bucket, position)")


@migration
def m009_queued_signatures(cur) -> None:
    # The event signature is computed when the article is stored (while worker processes still
    # analyse the next ones) and waits in the queue with it, so assignment need not re-read
    # the article. NULL for articles queued before: assignment computes theirs from the article.
    cur.execute("ALTER TABLE event_queue ADD COLUMN signature TEXT")


@postgresql_migration
def pg_m009_queued_signatures(cur) -> None:
    m009_queued_signatures(cur)  # portable SQL


@migration
def m010_entity_latin_keys(cur) -> None:
    # Search by a Latin name finds its other Latin spellings (Bhuvaneshwar, Bhubaneswar) through a
    # folded key of each entity's Latin name (translit.latin_key), filled here for entities stored before.
    cur.execute("ALTER TABLE entities ADD COLUMN latin_key TEXT NOT NULL DEFAULT ''")
    _fill_latin_keys(cur, "UPDATE entities SET latin_key = ? WHERE canonical = ?")


@postgresql_migration
def pg_m010_entity_latin_keys(cur) -> None:
    cur.execute("ALTER TABLE entities ADD COLUMN latin_key TEXT NOT NULL DEFAULT ''")
    _fill_latin_keys(cur, "UPDATE entities SET latin_key = %s WHERE canonical = %s")


def _fill_latin_keys(cur, update: str) -> None:
    cur.execute("SELECT canonical, latin FROM entities")
    cur.executemany(update, [(latin_key(latin), canonical) for canonical, latin in cur.fetchall()])


@migration
def m011_organisation_english_names(cur) -> None:
    # Well-known organisations are shown and searched by their English names (canon.ORGANISATION_NAMES):
    # entities stored before get theirs ("विश्व स्वास्थ्य संगठन" was "Vishwa Swasthya Sangthan", now WHO).
    _fill_organisation_names(cur, "UPDATE entities SET latin = ?, latin_key = ? WHERE canonical = ?")


@postgresql_migration
def pg_m011_organisation_english_names(cur) -> None:
    _fill_organisation_names(cur, "UPDATE entities SET latin = %s, latin_key = %s WHERE canonical = %s")


def _fill_organisation_names(cur, update: str) -> None:
    from ..canon import organisation_english  # the store package reads no analysis module otherwise

    cur.execute("SELECT canonical, name FROM entities WHERE type = 'ORG'")
    named = [(canonical, organisation_english(name)) for canonical, name in cur.fetchall()]
    cur.executemany(update, [(english, latin_key(english), canonical) for canonical, english in named if english])


@migration
def m012_entity_latin_names_again(cur) -> None:
    # Latin names now spell English words and places' words in English (translit.loanword_english:
    # "Neshnal Instityut Oph Vairoloji" is National Institute of Virology, "Dilli Sarkar" Government of
    # Delhi); entities stored before get theirs, in the column, its search key and the stored state.
    refresh_latin_names(cur, SQLITE_LATIN_UPDATE)


@postgresql_migration
def pg_m012_entity_latin_names_again(cur) -> None:
    refresh_latin_names(cur, POSTGRESQL_LATIN_UPDATE)


@migration
def m013_entity_latin_names_as_indian_names_are_spelled(cur) -> None:
    # वा is "wa" after a, o or e and in endings such as -वाल and -वारी, -ांव is "aon" (Agraval is
    # Agrawal, Tivari Tiwari, Nayaganv Nayagaon): entities stored before get their new Latin names.
    # (Later changes of the rules need no migration: see refresh_latin_names.)
    refresh_latin_names(cur, SQLITE_LATIN_UPDATE)


@postgresql_migration
def pg_m013_entity_latin_names_as_indian_names_are_spelled(cur) -> None:
    refresh_latin_names(cur, POSTGRESQL_LATIN_UPDATE)


SQLITE_LATIN_UPDATE = "UPDATE entities SET latin = ?, latin_key = ?, state = ? WHERE canonical = ?"
POSTGRESQL_LATIN_UPDATE = "UPDATE entities SET latin = %s, latin_key = %s, state = %s WHERE canonical = %s"
LATIN_RULES_STATE = "latin_rules"  # the store_state key of the translit.LATIN_RULES its entities were named under


def refresh_latin_names(cur, update: str) -> None:
    """Give every stored entity the Latin name the current rules write: the column, its search key
    and the stored state (which the web reads). Stores run it when they open under rules of another
    edition than their entities were named under (translit.LATIN_RULES)."""
    from ..canon import latin_of_name  # the store package reads no analysis module otherwise

    cur.execute("SELECT canonical, type, name, place, latin, state FROM entities")
    changed = []
    for canonical, entity_type, name, place, latin, state in cur.fetchall():
        fresh = latin_of_name(name, entity_type, place)
        record = json.loads(state)
        if fresh == latin and record.get("latin", fresh) == fresh:
            continue
        if "latin" in record:
            record["latin"] = fresh
        changed.append((fresh, latin_key(fresh), json.dumps(record, ensure_ascii=False), canonical))
    cur.executemany(update, changed)
