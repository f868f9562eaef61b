from pathlib import Path

import pytest

from ghatnakram.store import open_store

FIXTURES = Path(__file__).parent / "fixtures"
SEED_000 = FIXTURES / "seeds" / "000_666c9d8fc3af1f4a.txt"
SEED_002 = FIXTURES / "seeds" / "002_a1b31033bad5e4bd.txt"


@pytest.fixture
def store(tmp_path):
    opened = open_store(tmp_path / "test.db")
    yield opened
    opened.close()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES
