"""RSS and Atom feeds (feedparser), from a file or an http(s) URL."""

from __future__ import annotations

import urllib.request
from typing import Iterator
from urllib.parse import urlparse

from ..clean import html_fragment_text
from ..models import Article, Problem
from .common import MAX_DOCUMENT_BYTES, BadInput, make_article, problem

FETCH_TIMEOUT = 20.0
USER_AGENT = "ghatnakram/0.1 (+https://example.invalid/ghatnakram)"


def fetch_url(url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_DOCUMENT_BYTES) -> bytes:
    """GET an http(s) URL with a timeout and a size cap, or raise :class:`BadInput`."""
    if urlparse(url).scheme not in ("http", "https"):
        raise BadInput(f"only http and https URLs are read, not {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except OSError as exc:
        raise BadInput(f"cannot fetch ({exc}): check the URL and the network") from None
    if len(data) > max_bytes:
        raise BadInput(f"response larger than {max_bytes / 1e6:.0f} MB: not a feed or article page")
    return data


def read_feed(data: bytes, name: str, *, outlet: str | None = None) -> Iterator[Article | Problem]:
    """Yield one Article per feed entry (text from its content, else its summary)."""
    import feedparser  # imported here, as trafilatura is: only feeds need it

    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        yield Problem(name, f"no feed entries found{f' ({reason})' if reason else ''}: pass an RSS or Atom feed")
        return
    feed_outlet = outlet or parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{name}#{number}"
        try:
            yield _entry_article(entry, where, feed_outlet)
        except BadInput as exc:
            yield problem(where, exc)


def _entry_article(entry, where: str, outlet: str | None) -> Article:
    contents = entry.get("content") or []
    html = contents[0].get("value") if contents else entry.get("summary", "")
    return make_article(
        article_id=entry.get("id") or None,
        outlet=outlet,
        title=entry.get("title", ""),
        text=html_fragment_text(html or ""),
        published=entry.get("published") or entry.get("updated"),
        url=entry.get("link"),
        author=entry.get("author"),
        source=where,
    )

