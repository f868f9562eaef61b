import logging
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from ghatnakram.cli import main
from ghatnakram.readers.common import BadInput
from ghatnakram.store import open_store
from ghatnakram.watch import (
    Backoff, FeedSource, FetchError, Watcher, feed_entries, http_get, ingest_online, read_feeds_file,
)
from ghatnakram.models import Article

from conftest import FIXTURES

FEEDS = FIXTURES / "feeds"
PAGES = FEEDS / "pages"
NEW_IDS = {"desk-bhopal-cycle-track", "desk-nagpur-santra", "urn:region:dehradun-pushp"}
KNOWN_ID = "known-kanpur-bus"


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    location: str | None = None


class FeedServer:
    """A local HTTP server answering from ``routes``; it records each request's path and headers."""

    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                time.sleep(route.delay)
                if route.status != 200:
                    self.send_response(route.status)
                    if route.location:
                        self.send_header("Location", route.location)
                    self.end_headers()
                    return
                if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                        route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified):
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(route.body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                if route.last_modified:
                    self.send_header("Last-Modified", route.last_modified)
                self.end_headers()
                try:
                    self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the timeout test)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def fixture(self, name: str) -> bytes:
        return (FEEDS / name).read_text(encoding="utf-8").replace("{base}", self.base).encode("utf-8")

    def fetched(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)


@pytest.fixture
def server():
    feed_server = FeedServer()
    feed_server.routes.update({
        "/feeds/desk.rss": Route(feed_server.fixture("desk.rss"), etag='"desk-v1"'),
        "/feeds/region.atom": Route(feed_server.fixture("region.atom"), last_modified="Tue, 10 Mar 2026 08:30:00 GMT"),
        "/feeds/broken.xml": Route(feed_server.fixture("broken.xml")),
        "/feeds/down.rss": Route(status=500),
    })
    for page in PAGES.iterdir():
        if page.name != "missing.html":
            feed_server.routes[f"/pages/{page.name}"] = Route(page.read_bytes())
    feed_server.thread.start()
    yield feed_server
    feed_server.httpd.shutdown()
    feed_server.httpd.server_close()


@pytest.fixture
def store_with_known(store, server):
    """The store already has the Kanpur bus story (same URL as a desk.rss item, another id)."""
    known = Article(id=KNOWN_ID, outlet="डेस्क समाचार (नमूना)", published="2026-03-09",
                    title="कानपुर में बीस नई इलेक्ट्रिक बसें सड़कों पर उतरीं", url=f"{server.base}/pages/kanpur-bus.html",
                    text="कानपुर में सोमवार से बीस नई इलेक्ट्रिक बसों का संचालन शुरू हो गया। ये बसें शहर के पांच प्रमुख "
                         "मार्गों पर चलेंगी और किराया पहले जैसा ही रहेगा।")
    assert ingest_online([known], store).report.stored == 1
    return store


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _feeds(server, *names):
    return [FeedSource(f"{server.base}/feeds/{name}") for name in names]


def _stored_ids(store):
    return {a.id for a in store.iter_articles()}


# --- the watcher against a local server -----------------------------------------------------

def test_store_ends_with_exactly_the_new_articles(server, store_with_known):
    watcher = Watcher(_feeds(server, "desk.rss", "region.atom", "broken.xml", "down.rss"), store_with_known,
                      clock=Clock())
    report = watcher.poll()
    assert _stored_ids(store_with_known) == NEW_IDS | {KNOWN_ID}
    assert (report.feeds, report.failed_feeds, report.new, report.failed_pages) == (4, 2, 3, 2)
    assert report.known == 2  # the stored Kanpur story, and the Bhopal story repeated in region.atom
    assert server.fetched("/pages/kanpur-bus.html") == 0 and server.fetched("/pages/bhopal-cycle-track.html") == 1


def test_new_articles_get_events_storylines_and_the_page_text(server, store):
    Watcher(_feeds(server, "desk.rss"), store, clock=Clock()).poll()
    article = store.get_article("desk-bhopal-cycle-track")
    assert article.author == "अनुराधा मिश्र" and article.published == "2026-03-10T09:45:00+05:30"
    assert "आठ किलोमीटर लंबे साइकिल ट्रैक" in article.text and article.outlet == "डेस्क समाचार (नमूना)"
    labels = store.event_labels()
    assert {"desk-bhopal-cycle-track", "desk-nagpur-santra"} <= set(labels)


def test_unchanged_feeds_are_asked_with_etag_and_last_modified_and_not_read_again(server, store):
    clock = Clock()
    watcher = Watcher(_feeds(server, "desk.rss", "region.atom"), store, clock=clock, interval=60)
    watcher.poll()
    before = _stored_ids(store)
    clock.now += 60
    report = watcher.poll()
    assert report.not_modified == 2 and report.new == 0 and _stored_ids(store) == before
    desk_headers = [h for p, h in server.requests if p == "/feeds/desk.rss"][-1]
    region_headers = [h for p, h in server.requests if p == "/feeds/region.atom"][-1]
    assert desk_headers["If-None-Match"] == '"desk-v1"'
    assert region_headers["If-Modified-Since"] == "Tue, 10 Mar 2026 08:30:00 GMT"


def test_a_failed_page_is_retried_after_a_growing_wait_until_it_works(server, store):
    clock = Clock()
    watcher = Watcher(_feeds(server, "desk.rss"), store, clock=clock, interval=60)
    watcher.poll()
    assert server.fetched("/pages/missing.html") == 1
    clock.now += 30
    assert watcher.poll().waiting == 2 and server.fetched("/pages/missing.html") == 1  # not yet due
    clock.now += 30
    watcher.poll()  # due after 60 s: fails again, now waits 120 s
    assert server.fetched("/pages/missing.html") == 2
    clock.now += 60
    watcher.poll()
    assert server.fetched("/pages/missing.html") == 2
    server.routes["/pages/missing.html"] = Route((PAGES / "nagpur-santra.html").read_bytes().replace(
        "नागपुर".encode(), "अमरावती".encode()))
    clock.now += 60
    report = watcher.poll()  # the feed answers 304, but the pending page is fetched again
    assert report.not_modified == 1 and "desk-missing" in _stored_ids(store)


def test_a_page_that_keeps_failing_is_given_up(server, store):
    clock = Clock()
    watcher = Watcher(_feeds(server, "desk.rss"), store, clock=clock, interval=60, max_page_attempts=2)
    for _ in range(6):
        watcher.poll()
        clock.now += 3600
    assert server.fetched("/pages/missing.html") == 2
    assert f"{server.base}/pages/missing.html" in watcher.given_up


def test_a_failing_feed_waits_longer_after_each_failure(server, store):
    clock = Clock()
    watcher = Watcher(_feeds(server, "down.rss"), store, clock=clock, interval=60, max_backoff=200)
    waits = []
    for _ in range(4):
        watcher.poll()
        state = watcher.feed_states[f"{server.base}/feeds/down.rss"]
        waits.append(state.next_try - clock.now)
        clock.now = state.next_try
    assert waits == [60, 120, 200, 200]
    assert server.fetched("/feeds/down.rss") == 4


def test_failures_are_logged_and_the_round_goes_on(server, store, caplog):
    with caplog.at_level(logging.WARNING, logger="ghatnakram.watch"):
        report = Watcher(_feeds(server, "down.rss", "broken.xml", "region.atom"), store, clock=Clock()).poll()
    assert report.new == 2
    messages = "\n".join(r.getMessage() for r in caplog.records)
    assert "down.rss failed (HTTP 500" in messages and "broken.xml failed (no feed entries found" in messages


def test_watch_command_polls_once_and_stores_the_new_articles(server, tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# desk\n{server.base}/feeds/desk.rss डेस्क समाचार\n\n{server.base}/feeds/region.atom\n",
                     encoding="utf-8")
    db = tmp_path / "watch.db"
    result = CliRunner().invoke(main, ["watch", str(feeds), "--once", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    store = open_store(db)
    try:
        ids = _stored_ids(store)
        assert ids == NEW_IDS | {"desk-kanpur-bus"}
        assert store.get_article("desk-nagpur-santra").outlet == "डेस्क समाचार"
    finally:
        store.close()


# --- fetching -------------------------------------------------------------------------------

def test_fetch_gives_up_after_its_timeout(server):
    server.routes["/slow"] = Route(b"late", delay=1.5)
    started = time.monotonic()
    with pytest.raises(FetchError, match="cannot fetch"):
        http_get(f"{server.base}/slow", timeout=0.3)
    assert time.monotonic() - started < 1.4


def test_fetch_refuses_a_response_over_the_size_cap(server):
    server.routes["/big"] = Route(b"x" * 5000)
    with pytest.raises(FetchError, match="larger than"):
        http_get(f"{server.base}/big", max_bytes=1000)
    assert http_get(f"{server.base}/big", max_bytes=5000).body == b"x" * 5000


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.invalid/feed.xml", "data:,hello"])
def test_fetch_reads_only_http_and_https(url):
    with pytest.raises(FetchError, match="only http and https"):
        http_get(url)


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.invalid/feed.xml"])
def test_fetch_does_not_follow_a_redirect_out_of_http(server, target):
    server.routes["/away"] = Route(status=302, location=target)
    with pytest.raises(FetchError, match="only http and https"):
        http_get(f"{server.base}/away")


def test_fetch_follows_a_redirect_to_another_http_url(server):
    server.routes["/old"] = Route(status=301, location=f"{server.base}/new")
    server.routes["/new"] = Route(b"<rss/>")
    assert http_get(f"{server.base}/old").body == b"<rss/>"


def test_fetch_answers_304_for_an_unchanged_resource(server):
    server.routes["/feed"] = Route(b"<rss/>", etag='"v7"')
    assert http_get(f"{server.base}/feed", {"If-None-Match": '"v7"'}).status == 304
    assert http_get(f"{server.base}/feed").headers["etag"] == '"v7"'


# --- feeds file, entries, backoff -----------------------------------------------------------

def test_feeds_file_lists_urls_with_optional_outlets(tmp_path):
    path = tmp_path / "feeds.txt"
    path.write_text("# अख़बार\nhttps://a.example/rss  दैनिक नमूना\n\nhttp://b.example/atom.xml\n", encoding="utf-8")
    assert read_feeds_file(path) == [FeedSource("https://a.example/rss", "दैनिक नमूना"),
                                     FeedSource("http://b.example/atom.xml", None)]


@pytest.mark.parametrize("content, message", [
    ("file:///etc/feed.xml\n", "feeds.txt:1: 'file:///etc/feed.xml' is not an http(s) URL"),
    ("# only a comment\n", "no feed URLs"),
])
def test_feeds_file_with_no_usable_url_is_refused(tmp_path, content, message):
    path = tmp_path / "feeds.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_feeds_file(path)


def test_feed_entries_keep_links_of_items_without_a_description():
    data = (FEEDS / "desk.rss").read_text(encoding="utf-8").replace("{base}", "http://h").encode()
    title, entries = feed_entries(data, "desk.rss")
    nagpur = next(e for e in entries if e.id == "desk-nagpur-santra")
    assert title == "डेस्क समाचार (नमूना)" and nagpur.url == "http://h/pages/nagpur-santra.html" and nagpur.text == ""


def test_backoff_doubles_up_to_its_cap():
    backoff = Backoff()
    assert [backoff.failed(0, 60, 300) for _ in range(5)] == [60, 120, 240, 300, 300]


@pytest.mark.parametrize("options", [{"interval": 0}, {"max_page_attempts": 0}])
def test_watcher_rejects_bad_settings(store, options):
    with pytest.raises(ValueError):
        Watcher([FeedSource("https://a.example/rss")], store, **options)
