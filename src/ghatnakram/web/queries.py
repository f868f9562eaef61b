"""What the API and the pages ask of the records: filters, search, pages of results, views.

Every function here takes records (from :mod:`ghatnakram.pipeline`) or a store and
returns plain dicts; the JSON routes return them and the HTML pages render them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Iterable, Iterator

from .. import pipeline
from ..headline import headline_for
from ..models import Article
from ..normalize import normalize_line
from ..store import Store
from ..store.base import entities_spelled_alike
from ..translit import latin_key
from .state import Snapshot

ARTICLE_SUMMARY_FIELDS = ("id", "outlet", "published", "headline", "url", "duplicate_of")


@dataclass(frozen=True)
class Filters:
    """What a listing is narrowed to: event dates (or publication dates for articles), outlet, entity, text."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    entity: str | None = None
    q: str | None = None

    @property
    def query(self) -> str:
        """The text query normalised as stored text is (NFC, nukta, quotes), lower-cased for Latin letters."""
        return normalize_line(self.q or "").casefold()


def page(items: list, limit: int, offset: int) -> dict:
    """One page of ``items`` with the total, as every listing returns it."""
    return {"total": len(items), "limit": limit, "offset": offset, "items": items[offset:offset + limit]}


def _contains(query: str, *texts: str | None) -> bool:
    """Every word of the (normalised) query is in one of ``texts``: "जांच समिति" finds "जांच के लिए समिति"."""
    return _found_in(query, searchable(*texts))


def searchable(*texts: str | None) -> str:
    """``texts`` as a query is looked for in them: normalised, case folded, one per line."""
    return "\n".join(normalize_line(text).casefold() for text in texts if text)


def _found_in(query: str, haystack: str) -> bool:
    return all(word in haystack for word in query.split())


# --- events and storylines --------------------------------------------------------------

def event_matches_text(snapshot: Snapshot, event: dict, query: str) -> bool:
    """The query (already normalised) is in the event's headline, summary or an entity's name."""
    return not query or _found_in(query, snapshot.event_search[event["id"]])


def find_events(snapshot: Snapshot, filters: Filters) -> list[dict]:
    """Events (newest first) in the date range, covered by the outlet, naming the entity, matching the text."""
    events = snapshot.events_by_outlet.get(filters.outlet, []) if filters.outlet else snapshot.events
    if filters.since or filters.until or filters.outlet or filters.entity:
        events = pipeline.filter_events(
            events, since=filters.since, until=filters.until, outlet=filters.outlet, entity=filters.entity
        )
    query = filters.query
    return [event for event in events if event_matches_text(snapshot, event, query)] if query else events


def find_storylines(snapshot: Snapshot, filters: Filters) -> list[dict]:
    """Storylines (latest activity first) with at least one event that passes ``filters``.

    The text query matches an event (headline, summary, entities) or the storyline's own headline.
    """
    if filters == Filters():
        return snapshot.storylines
    query = filters.query
    passing = find_events(snapshot, Filters(filters.since, filters.until, filters.outlet, filters.entity))
    by_event_text = {e["storyline"] for e in passing if event_matches_text(snapshot, e, query)}
    with_any_event = {e["storyline"] for e in passing}
    return [
        s for s in snapshot.storylines
        if s["id"] in by_event_text or (s["id"] in with_any_event and _contains(query, s["headline"]))
    ]


def storyline_view(snapshot: Snapshot, storyline: dict) -> dict:
    """A storyline with its full event records, in timeline order."""
    events = [snapshot.events_by_id[e["id"]] for e in storyline["events"] if e["id"] in snapshot.events_by_id]
    return {**storyline, "events": events}


def home_view(snapshot: Snapshot, *, limit: int, offset: int, latest: int = 3) -> dict:
    """The active storylines (latest activity first), each with its latest events, newest first."""
    listing = page(snapshot.storylines, limit, offset)
    listing["items"] = [
        {**s, "latest": [snapshot.events_by_id[e["id"]] for e in reversed(s["events"][-latest:]) if e["id"] in snapshot.events_by_id]}
        for s in listing["items"]
    ]
    return listing


# --- one event ------------------------------------------------------------------------

def event_view(store: Store, event: dict) -> dict:
    """An event record with its articles, grouped by outlet (outlets side by side)."""
    articles = [pipeline.article_record(a) for a in _articles(store, event["articles"])]
    by_outlet: dict[str, list[dict]] = {}
    for record in articles:
        by_outlet.setdefault(record["outlet"], []).append(record)
    return {**event, "coverage": [{"outlet": outlet, "articles": items} for outlet, items in by_outlet.items()]}


def comparison_view(event: dict) -> dict:
    """The outlet comparison of an event: shared facts, each outlet's own, and conflicting claims."""
    return {"event": event["id"], "headline": event["headline"], "outlets": event["outlets"],
            "comparison": event.get("comparison")}


def _articles(store: Store, ids: Iterable[str]) -> Iterator[Article]:
    for article_id in ids:
        article = store.get_article(article_id)
        if article is not None:
            yield article


# --- entities -------------------------------------------------------------------------

def entity_summary(entity: dict) -> dict:
    """The public fields of a stored entity, its spellings most used first."""
    variants = sorted((entity.get("variants") or {}).items(), key=lambda kv: (-kv[1], kv[0]))
    return {
        "id": entity["id"], "type": entity["type"], "name": entity["name"], "latin": entity.get("latin"),
        "place": entity.get("place"), "mentions": entity.get("count", 0),
        "variants": [{"text": text, "count": count} for text, count in variants],
    }


def find_entities(snapshot: Snapshot, q: str | None) -> list[dict]:
    """Entities whose name, Latin form or a spelling contains ``q`` (all if none), or whose Latin
    form is ``q`` spelled another way ("Bhuvaneshwar" finds Bhubaneswar), most mentioned first; if
    none, those whose Latin form is ``q`` with other vowels ("Trump" finds Donald Tramp)."""
    query = normalize_line(q or "").casefold()
    key = latin_key(query)
    search = snapshot.entity_search
    found = [
        e for e in snapshot.entities.values()
        if not query or _found_in(query, search[e["id"]][0]) or (key and key in search[e["id"]][1])
    ]
    if not found and query:
        alike = set(entities_spelled_alike(query, ((e["id"], e.get("latin") or "") for e in snapshot.entities.values())))
        found = [e for e in snapshot.entities.values() if e["id"] in alike]
    return [entity_summary(e) for e in sorted(found, key=lambda e: (-e.get("count", 0), e["id"]))]


def entity_view(snapshot: Snapshot, entity: dict) -> dict:
    """An entity with its spellings and every event (newest first) that names it."""
    events = [e for e in snapshot.events if any(x["canonical"] == entity["id"] for x in e["entities"])]
    return {**entity_summary(entity), "events": events}


# --- articles -------------------------------------------------------------------------

def article_matches(article: Article, filters: Filters, query: str) -> bool:
    """The article was published in the range, names the entity, and contains the text."""
    day = (article.published or "")[:10]
    if filters.since and day < filters.since or filters.until and day > filters.until:
        return False
    if filters.entity and not _names_entity(article, filters.entity):
        return False
    return not query or _contains(query, article.title, article.text)


def _names_entity(article: Article, entity: str) -> bool:
    mentions = article.analysis.entities if article.analysis else ()
    return any(entity in (m.canonical, m.name, m.text) for m in mentions)


def find_articles(store: Store, snapshot: Snapshot, filters: Filters, *, limit: int, offset: int) -> dict:
    """A page of stored articles (in store order) that pass ``filters``.

    Articles are streamed from the store and the scan stops at the end of the page, so
    ``total`` is known only when the scan reached the end (else it is None).
    """
    query = filters.query
    matching = (a for a in store.iter_articles(filters.outlet) if article_matches(a, filters, query))
    window = list(islice(matching, offset, offset + limit + 1))
    items = [article_summary(a, snapshot) for a in window[:limit]]
    total = offset + len(window) if len(window) <= limit else None
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def article_summary(article: Article, snapshot: Snapshot) -> dict:
    """The listing fields of an article, with its event and storyline."""
    record = {name: headline_for(article) if name == "headline" else getattr(article, name) for name in ARTICLE_SUMMARY_FIELDS}
    return {**record, **_labels(article.id, snapshot)}


def article_view(article: Article, snapshot: Snapshot) -> dict:
    """The full article record (text and analysis) with its event and storyline."""
    return {**pipeline.article_record(article), **_labels(article.id, snapshot)}


def _labels(article_id: str, snapshot: Snapshot) -> dict:
    event_id = snapshot.event_of_article.get(article_id)
    event = snapshot.events_by_id.get(event_id) if event_id else None
    return {"event": event_id, "storyline": event["storyline"] if event else None}
