"""Keep the store current from RSS/Atom feeds: poll, fetch new article pages, ingest them online.

One round (:meth:`Watcher.poll`) asks each feed for what changed (conditional GET with
ETag / Last-Modified), passes over entries the store already has (same id or URL),
fetches each new entry's page, extracts the article (trafilatura, see
:mod:`ghatnakram.readers.html`) and ingests the new articles in one batch, which gives
each its event and storyline. A feed or page that fails is logged and tried again
later, waiting twice as long after each failure (up to ``max_backoff``); a page that
keeps failing is given up after ``max_page_attempts``. Only http and https are fetched,
with a timeout and a size cap; the network sits behind an injectable ``fetch``.
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import urlparse

import feedparser

from . import pipeline
from .clean import html_fragment_text
from .ingest import ingest_items
from .models import Article, IngestReport, Problem
from .readers import decode_html
from .readers.common import MAX_DOCUMENT_BYTES, BadInput, derived_id, make_article, parse_published
from .readers.feed import FETCH_TIMEOUT, USER_AGENT
from .readers.html import article_from_html
from .store import Store

log = logging.getLogger("ghatnakram.watch")

DEFAULT_INTERVAL = 300.0  # seconds between rounds
MAX_BACKOFF = 3600.0
MAX_PAGE_ATTEMPTS = 5
HTTP_SCHEMES = ("http", "https")


class FetchError(Exception):
    """A feed or page could not be fetched; the message says why."""


@dataclass(frozen=True)
class Response:
    """What an http(s) GET answered: status (200, or 304 Not Modified), body and headers (lower-case names)."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Fetch = Callable[[str, dict[str, str]], Response]


# --- feeds file -----------------------------------------------------------------------------

@dataclass(frozen=True)
class FeedSource:
    """A feed to watch, and the outlet its articles belong to (default: the feed's title)."""

    url: str
    outlet: str | None = None


def read_feeds_file(path: Path) -> list[FeedSource]:
    """Feeds from a text file: one ``URL [outlet name]`` per line; blank lines and ``#`` comments are passed over.

    Raises :class:`BadInput` naming the line of a URL that is not http(s).
    """
    feeds = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        url, _, outlet = line.partition(" ")
        if urlparse(url).scheme not in HTTP_SCHEMES or not urlparse(url).netloc:
            raise BadInput(f"{path}:{number}: {url!r} is not an http(s) URL: write one feed URL per line, then its outlet")
        feeds.append(FeedSource(url, outlet.strip() or None))
    if not feeds:
        raise BadInput(f"{path}: no feed URLs: write one feed URL per line, optionally followed by the outlet's name")
    return feeds


# --- fetching -------------------------------------------------------------------------------

class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlparse(newurl).scheme not in HTTP_SCHEMES:
            raise FetchError(f"redirected to {newurl!r}: only http and https are followed")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def http_get(url: str, headers: dict[str, str] | None = None, *, timeout: float = FETCH_TIMEOUT,
             max_bytes: int = MAX_DOCUMENT_BYTES) -> Response:
    """GET an http(s) URL with a timeout and a size cap; 304 is an answer, other errors raise :class:`FetchError`."""
    if urlparse(url).scheme not in HTTP_SCHEMES:
        raise FetchError(f"only http and https URLs are fetched, not {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, **(headers or {})})
    try:
        with _OPENER.open(request, timeout=timeout) as answer:
            body = answer.read(max_bytes + 1)
            answer_headers = {k.lower(): v for k, v in answer.headers.items()}
            status = answer.status
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return Response(304, b"", {k.lower(): v for k, v in exc.headers.items()})
        if 300 <= exc.code < 400:  # urllib refuses redirects to file:// and the like itself
            raise FetchError(f"redirect not followed ({exc.reason}): only http and https are followed") from None
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except (OSError, ValueError) as exc:  # URLError, timeouts, resets, bad URLs
        raise FetchError(f"cannot fetch ({getattr(exc, 'reason', None) or exc})") from None
    if len(body) > max_bytes:
        raise FetchError(f"response larger than {max_bytes / 1e6:.1f} MB: not a feed or article page")
    return Response(status, body, answer_headers)


# --- feed entries ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: its id, link, title, date and text (the summary or content, often short)."""

    id: str
    url: str | None
    title: str
    published: str | None
    text: str
    where: str


def feed_entries(data: bytes, name: str) -> tuple[str | None, list[FeedEntry]]:
    """The feed's title and its entries, or :class:`BadInput` when ``data`` has no entries."""
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise BadInput(f"no feed entries found{f' ({reason})' if reason else ''}: is the URL an RSS or Atom feed?")
    entries = []
    for number, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip() or None
        contents = entry.get("content") or []
        html = contents[0].get("value") if contents else entry.get("summary", "")
        entries.append(FeedEntry(
            id=(entry.get("id") or "").strip() or derived_id(link, entry.get("title")),
            url=link,
            title=entry.get("title", ""),
            published=entry.get("published") or entry.get("updated"),
            text=html_fragment_text(html or ""),
            where=f"{name}#{number}",
        ))
    return parsed.feed.get("title"), entries


def entry_article(entry: FeedEntry, page: bytes | None, outlet: str | None) -> Article:
    """The article of a feed entry: extracted from its page when there is one, else the entry's own text.

    The entry's id is kept (so the next round knows it); its title and date fill in what the page lacks.
    Raises :class:`BadInput` when there is no article text.
    """
    if page is None:
        return make_article(article_id=entry.id, outlet=outlet, title=entry.title, text=entry.text,
                            published=_published_or_none(entry.published), url=entry.url, source=entry.where)
    article = article_from_html(decode_html(page), entry.url or entry.where, url=entry.url, outlet=outlet)
    return replace(article, id=entry.id, title=article.title or entry.title,
                   published=article.published or _published_or_none(entry.published))


def _published_or_none(value: str | None) -> str | None:
    try:
        return parse_published(value)
    except BadInput:
        return None


# --- online ingest --------------------------------------------------------------------------

@dataclass(frozen=True)
class OnlineResult:
    """An ingest and, for each input article, its stored id, event and storyline."""

    report: IngestReport
    assignments: list[dict]


def ingest_online(items: Iterable[Article | Problem], store: Store) -> OnlineResult:
    """Ingest articles as they arrive and assign them to events and storylines."""
    report = ingest_items(items, store)
    if report.ids:
        pipeline.assign_events(store)
    labels = {stored_id: store.event_of(stored_id) or (None, None) for stored_id in set(report.ids.values())}
    assignments = [
        {"id": input_id, "stored_id": stored_id, "event": labels[stored_id][0], "storyline": labels[stored_id][1]}
        for input_id, stored_id in report.ids.items()
    ]
    return OnlineResult(report, assignments)


# --- the watcher ----------------------------------------------------------------------------

@dataclass
class Backoff:
    """Failures of one feed or page so far, and when it may be tried again."""

    failures: int = 0
    next_try: float = 0.0

    def failed(self, now: float, interval: float, max_backoff: float) -> float:
        """Record a failure; return the seconds until the next try (doubling, capped)."""
        self.failures += 1
        delay = min(interval * 2 ** (self.failures - 1), max_backoff)
        self.next_try = now + delay
        return delay


@dataclass
class FeedState(Backoff):
    etag: str | None = None
    last_modified: str | None = None

    def conditional_headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass
class PollReport:
    """What one round did."""

    feeds: int = 0
    not_modified: int = 0
    failed_feeds: int = 0
    entries: int = 0
    known: int = 0
    new: int = 0
    failed_pages: int = 0
    waiting: int = 0
    ingest: IngestReport = field(default_factory=IngestReport)

    def summary(self) -> str:
        return (f"{self.feeds} feed(s): {self.not_modified} unchanged, {self.failed_feeds} failed; "
                f"{self.entries} entries: {self.known} known, {self.new} new, {self.failed_pages} failed, "
                f"{self.waiting} waiting to retry; stored {self.ingest.stored}, failed {self.ingest.failed}")


@dataclass
class PendingPage(Backoff):
    """A new entry whose page is still to be fetched (again, after a failure)."""

    entry: FeedEntry | None = None
    outlet: str | None = None


class Watcher:
    """Polls feeds and ingests their new articles into ``store``.

    New entries wait in :attr:`pending` until their page is fetched and extracted, so a
    page that failed is tried again even when its feed answers 304 Not Modified.

    :param feeds: the feeds to watch.
    :param fetch: ``(url, headers) -> Response``; :func:`http_get` by default.
    :param interval: seconds between rounds, and the first wait after a failure.
    :param max_backoff: the longest wait after repeated failures.
    :param max_page_attempts: tries before a page that keeps failing is given up.
    :param clock: monotonic seconds (injectable for tests).
    """

    def __init__(self, feeds: list[FeedSource], store: Store, *, fetch: Fetch = http_get,
                 interval: float = DEFAULT_INTERVAL, max_backoff: float = MAX_BACKOFF,
                 max_page_attempts: int = MAX_PAGE_ATTEMPTS, clock: Callable[[], float] = time.monotonic):
        if interval <= 0:
            raise ValueError(f"interval must be positive seconds, got {interval}")
        if max_page_attempts < 1:
            raise ValueError(f"max_page_attempts must be at least 1, got {max_page_attempts}")
        self.feeds = feeds
        self.store = store
        self.fetch = fetch
        self.interval = interval
        self.max_backoff = max(max_backoff, interval)
        self.max_page_attempts = max_page_attempts
        self.clock = clock
        self.feed_states = {feed.url: FeedState() for feed in feeds}
        self.pending: dict[str, PendingPage] = {}
        self.given_up: set[str] = set()

    def poll(self) -> PollReport:
        """One round: every due feed, then every due pending page; ingest what is new. Never raises for a bad feed or page."""
        report = PollReport()
        for feed in self.feeds:
            state = self.feed_states[feed.url]
            if self.clock() >= state.next_try:
                report.feeds += 1
                self._queue(self._new_entries(feed, state, report), report)
        new = {key: article for key in list(self.pending) if (article := self._article_of(key, report))}
        report.new = len(new)
        if new:
            report.ingest = ingest_online(new.values(), self.store).report
            for problem in report.ingest.problems:
                log.warning("not stored: %s", problem)
            # An article the store refused (not Hindi, no text left) would be refused again: do not refetch it.
            self.given_up.update(key for key, article in new.items() if article.id not in report.ingest.ids)
        log.info("watch round: %s", report.summary())
        return report

    def _new_entries(self, feed: FeedSource, state: FeedState, report: PollReport) -> list[tuple[FeedEntry, str | None]]:
        """Entries of the feed the store does not have yet (none when unchanged or failing)."""
        try:
            answer = self.fetch(feed.url, state.conditional_headers())
            if answer.status == 304:
                report.not_modified += 1
                state.failures = 0
                return []
            title, entries = feed_entries(answer.body, feed.url)
        except (FetchError, BadInput) as exc:
            report.failed_feeds += 1
            delay = state.failed(self.clock(), self.interval, self.max_backoff)
            log.warning("feed %s failed (%s); trying again in %.0f s", feed.url, exc, delay)
            return []
        state.failures, state.next_try = 0, 0.0
        state.etag = answer.headers.get("etag")
        state.last_modified = answer.headers.get("last-modified")
        report.entries += len(entries)
        return [(entry, feed.outlet or title) for entry in entries]

    def _queue(self, entries: list[tuple[FeedEntry, str | None]], report: PollReport) -> None:
        """Add entries that are neither stored, pending nor given up (the same item in two feeds counts once)."""
        for entry, outlet in entries:
            key = entry.url or entry.id
            if key in self.pending or key in self.given_up or self._stored(entry):
                report.known += 1
            else:
                self.pending[key] = PendingPage(entry=entry, outlet=outlet)

    def _stored(self, entry: FeedEntry) -> bool:
        return bool(self.store.resolve_id(entry.id) or (entry.url and self.store.id_for_url(entry.url)))

    def _article_of(self, key: str, report: PollReport) -> Article | None:
        """The pending entry's article (and it leaves the queue), or None when its page failed or must wait."""
        pending = self.pending[key]
        if self.clock() < pending.next_try:
            report.waiting += 1
            return None
        try:
            page = self.fetch(pending.entry.url, {}).body if pending.entry.url else None
            article = entry_article(pending.entry, page, pending.outlet)
        except (FetchError, BadInput) as exc:
            report.failed_pages += 1
            delay = pending.failed(self.clock(), self.interval, self.max_backoff)
            if pending.failures >= self.max_page_attempts:
                log.warning("page %s failed %d times (%s); giving it up", key, pending.failures, exc)
                del self.pending[key]
                self.given_up.add(key)
            else:
                log.warning("page %s failed (%s); trying again in %.0f s", key, exc, delay)
            return None
        del self.pending[key]
        return article

    def run(self, *, rounds: int | None = None, sleep: Callable[[float], None] = time.sleep) -> None:
        """Poll every ``interval`` seconds, ``rounds`` times (forever when None)."""
        done = 0
        while rounds is None or done < rounds:
            started = self.clock()
            self.poll()
            done += 1
            if rounds is None or done < rounds:
                sleep(max(0.0, self.interval - (self.clock() - started)))
