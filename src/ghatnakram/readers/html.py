"""HTML article pages: body text by trafilatura; author and dates from JSON-LD and meta tags.

trafilatura drops a trailing vowel sign from Hindi author names ("राहुल शर्मा" can lose
its final "ा") and keeps only the day of publication, so the author and the full
publication datetime with its offset are read from the page's JSON-LD (else its
``article:published_time`` meta tags) here.
"""

from __future__ import annotations

import json
from typing import Iterator

import lxml.html

from ..models import Article
from .common import BadInput, make_article

_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle", "LiveBlogPosting"}
MIN_ARTICLE_WORDS = 10  # fewer is a menu, a caption or a login wall, not an article
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datePublished", "publishdate",
    "pubdate", "publish-date", "date",
)


def article_from_html(
    html: str, source: str, *, url: str | None = None, outlet: str | None = None, folder_outlet: str | None = None
) -> Article:
    """Extract one article from an HTML page, or raise :class:`BadInput`.

    The outlet is ``outlet`` if given, else the page's publisher or site name, else
    ``folder_outlet`` (the name of the folder a saved page sits in).
    """
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise BadInput(f"not an HTML page ({exc}): pass an article page saved as HTML") from None
    # Imported here: trafilatura takes 0.15 s to import, which every command and every JSON Lines
    # ingest would pay for pages it never reads.
    import trafilatura

    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None or len((extracted.text or "").split()) < MIN_ARTICLE_WORDS:
        raise BadInput("no article text found in the page: is it an article page, not an index or a login wall?")
    ld = _json_ld_article(tree)
    return make_article(
        article_id=None,
        outlet=outlet or _publisher(ld) or extracted.sitename or extracted.hostname or folder_outlet,
        title=_ld_text(ld.get("headline")) or extracted.title or "",
        text=extracted.text,
        published=_ld_text(ld.get("datePublished")) or _meta_published(tree) or extracted.date,
        url=url or _ld_text(ld.get("url")) or extracted.url,
        author=_author(ld) or extracted.author,
        source=source,
    )


def _json_ld_article(tree) -> dict:
    """The first schema.org article object in the page's JSON-LD, or {}."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except json.JSONDecodeError:
            continue
        for node in _walk_ld(data):
            types = node.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & _ARTICLE_TYPES:
                return node
    return {}


def _walk_ld(data) -> Iterator[dict]:
    if isinstance(data, list):
        for item in data:
            yield from _walk_ld(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk_ld(data["@graph"])


def _ld_text(value) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    return None


def _author(ld: dict) -> str | None:
    value = ld.get("author")
    people = value if isinstance(value, list) else [value]
    names = [_ld_text(person) for person in people]
    return ", ".join(name for name in names if name) or None


def _publisher(ld: dict) -> str | None:
    return _ld_text(ld.get("publisher"))


def _meta_published(tree) -> str | None:
    for key in _PUBLISHED_META:
        for attr in ("property", "name", "itemprop"):
            found = tree.xpath(f'//meta[@{attr}="{key}"]/@content') or tree.xpath(f'//time[@itemprop="{key}"]/@datetime')
            if found and found[0].strip():
                return found[0].strip()
    return None
