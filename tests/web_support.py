"""What the API, page and browser tests share: the fixture store, a comparison, an httpx client for the app."""

from __future__ import annotations

from pathlib import Path

import anyio
import httpx

from ghatnakram import pipeline
from ghatnakram.readers import read_jsonl
from ghatnakram.store import open_store
from ghatnakram.watch import ingest_online
from ghatnakram.web import create_app

from conftest import FIXTURES

WEB_ARTICLES = FIXTURES / "web" / "articles.jsonl"
PRABHAT, LOK = "प्रभात संवाद (नमूना)", "लोक दर्पण (नमूना)"
BRIDGE_ARTICLES = ["web-bridge-a", "web-bridge-b"]  # one happening, two outlets
INQUIRY_ARTICLE = "web-bridge-inquiry"  # the next event of the same storyline
XSS_ARTICLE = "web-xss"

def build_store(path: Path) -> Path:
    """A store with the web fixture articles ingested online (events and storylines assigned)."""
    store = open_store(path)
    try:
        with WEB_ARTICLES.open("rb") as stream:
            result = ingest_online(read_jsonl(stream, str(WEB_ARTICLES)), store)
        assert result.report.failed == 0, result.report.problems
    finally:
        store.close()
    return path


def bridge_comparison(db: Path) -> dict:
    """The library's outlet comparison of the bridge event: two outlets that disagree on the toll."""
    store = open_store(db)
    try:
        comparison = bridge_event(pipeline.event_records(store, limit=None))["comparison"]
    finally:
        store.close()
    assert comparison and comparison["conflicts"], "the bridge fixture must give a conflict"
    return comparison


def bridge_event(records: list[dict]) -> dict:
    return next(r for r in records if set(BRIDGE_ARTICLES) <= set(r["articles"]))


class AppClient:
    """Requests to the ASGI app through httpx (no server, no network)."""

    def __init__(self, app):
        self.app = app

    def request(self, method: str, url: str, **kwargs) -> httpx.Response:
        async def send():
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, url, **kwargs)

        return anyio.run(send)

    def get(self, url: str, **kwargs) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs) -> httpx.Response:
        return self.request("POST", url, **kwargs)


def app_client(db: Path, **options) -> AppClient:
    return AppClient(create_app(db, **options))
