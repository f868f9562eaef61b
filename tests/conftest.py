import os
import uuid
from pathlib import Path

import pytest

from ghatnakram.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
SEED_000 = FIXTURES / "seeds" / "000_666c9d8fc3af1f4a.txt"
SEED_002 = FIXTURES / "seeds" / "002_a1b31033bad5e4bd.txt"

# A PostgreSQL database the tests may create schemas in, e.g.
# postgresql://postgres@127.0.0.1:5432/ghatnakram_test (.ci/run starts a server and sets it).
TEST_PG = os.environ.get("GHATNAKRAM_TEST_PG", "")
NO_PG_REASON = (
    "PostgreSQL variant not run: GHATNAKRAM_TEST_PG is unset; set it to a postgresql:// URL of a "
    "test database (.ci/run starts one on loopback and sets it)"
)


def with_schema(url: str, schema: str) -> str:
    """``url`` with its search_path set to ``schema``, as libpq's ``options`` parameter does."""
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_url():
    """The URL of a fresh, empty PostgreSQL schema for one test; dropped afterwards."""
    if not TEST_PG:
        pytest.skip(NO_PG_REASON)
    import psycopg

    schema = f"test_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(TEST_PG, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield with_schema(TEST_PG, schema)
    with psycopg.connect(TEST_PG, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request, tmp_path) -> str:
    """Where a fresh store for one test lives: a SQLite file, or a PostgreSQL schema."""
    if request.param == "sqlite":
        return str(tmp_path / "test.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(store_location):
    opened = open_store(store_location)
    yield opened
    opened.close()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def demo_articles():
    """The demo corpus (sample articles and seeds) as read, in publication order."""
    from ghatnakram.models import Problem, in_publication_order
    from ghatnakram.pipeline import demo_items

    return in_publication_order(item for item in demo_items() if not isinstance(item, Problem))


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory, demo_articles):
    """The demo corpus ingested and assigned in one SQLite store, shared read-only by the tests."""
    from ghatnakram.ingest import ingest_items
    from ghatnakram.pipeline import assign_events

    opened = open_store(tmp_path_factory.mktemp("demo-store") / "demo.db")
    ingest_items(demo_articles, opened)
    assign_events(opened)
    yield opened
    opened.close()
