"""The library API the CLI, the HTTP layer and the Spark job all call.

``ingest`` reads sources into a store; ``run`` ingests a JSON Lines file and writes the
per-article output contract; ``article_record`` and ``export_articles`` give stored
articles back; ``demo`` loads the bundled demo corpus.
"""

from __future__ import annotations

import csv
import json
import weakref
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from datetime import date, timedelta
from itertools import islice
from typing import Callable, Iterable, Iterator, TextIO

from .assign import OnlineAssigner, publication_floors
from .canon import name_key
from .compare import compare_outlets
from .events import EventClusterer, signature
from .headline import generate_headline, load_headline_model
from .ingest import BATCH_SIZE, ingest_items
from .models import Analysis, Article, IngestReport, Problem, in_publication_order, publication_order
from .normalize import dateline_end
from .parallel import ordered_map
from .readers import JSONL_SUFFIXES, article_from_text, read_jsonl, read_sources
from .readers.common import BadInput
from .store import Store
from .storylines import StorylineLinker, in_timeline_order
from .summarize import event_headline, event_summary, storyline_title, summary_text, timeline

FLOOR_BLOCK = 50  # input items per earliest-publication-to-come entry (see _assigning_ahead)
ARTICLE_FIELDS = ("id", "outlet", "published", "title", "headline", "text", "url", "author", "duplicate_of", "source")
ANALYSIS_FIELDS = ("event_date", "event_type", "entities", "recurrence", "quotes", "quantities", "dates")


def ingest(
    sources: Iterable[str],
    store: Store,
    *,
    outlet: str | None = None,
    published: str | None = None,
    on_item: Callable[[], None] | None = None,
    workers: int = 1,
) -> IngestReport:
    """Read ``sources`` (paths, folders, URLs, ``-``) and store their articles.

    :param outlet: outlet for inputs that do not name one (text files; default: their folder's name).
    :param published: publication date for inputs that carry none (text files).
    :param workers: processes cleaning and analysing articles (1: all in this process; same result).
    """
    sources = list(sources)

    def read() -> Iterable[Article | Problem]:
        return read_sources(sources, outlet=outlet, published=published)

    if sources and all(_is_jsonl_file(source) for source in sources):  # cheap to read twice
        report = _ingest_assigning_ahead(read, store, on_item=on_item, workers=workers)
    else:
        report = ingest_items(read(), store, on_item=on_item, workers=workers)
    assign_events(store)
    return report


def run(input_path: Path, out: TextIO, store: Store, *, on_item: Callable[[], None] | None = None,
        workers: int = 1) -> IngestReport:
    """Ingest a JSON Lines file and write one output record per readable input line, in input order.

    Lines that cannot be read are reported in the returned report, not written.

    :param workers: processes cleaning and analysing articles (1: all in this process; same result).
    """
    report = _ingest_assigning_ahead(lambda: _jsonl_items(input_path), store, on_item=on_item, workers=workers)
    assign_events(store)
    if workers > 1:
        load_headline_model()  # before the workers fork: they share it
    # A bounded window of stored articles in memory however long the file; the headlines are
    # written in the workers.
    records = ordered_map(_output_record_of, report.ids.items(), workers,
                          task=lambda ids: (ids[0], store.get_article(ids[1])))
    for (_, stored_id), _, record in records:
        record["event"], record["storyline"] = store.event_of(stored_id) or (None, None)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return report


def _output_record_of(stored: tuple[str, Article]) -> dict:
    return output_record(*stored)


def assign_events(store: Store) -> dict[str, tuple[str, str]]:
    """Assign the articles waiting in the store to events and storylines, online in publication
    order, continuing from the state the store keeps; (event, storyline) of each."""
    return _assigner(store).assign_queued()


def _assigner(store: Store) -> OnlineAssigner:
    assigner = _ASSIGNERS.get(store)
    if assigner is None:
        assigner = _ASSIGNERS[store] = OnlineAssigner(store)
    return assigner


def _ingest_assigning_ahead(read: Callable[[], Iterable[Article | Problem]], store: Store, *,
                            on_item: Callable[[], None] | None, workers: int) -> IngestReport:
    """:func:`ingest_items` over ``read()`` (an input that never waits: local files), assigning,
    while the rest is still read and analysed, the stored articles published before any still
    to come. The input is read once first, without analysis, to learn that. The events are the
    same as assigning everything at the end; the two cores are busy meanwhile instead of one after."""
    floors = publication_floors(read(), FLOOR_BLOCK)
    return ingest_items(read(), store, batch_size=BATCH_SIZE, on_item=on_item, workers=workers,
                        after_batch=_assigning_ahead(store, floors), store_as_read=True)


def _jsonl_items(path: Path) -> Iterator[Article | Problem]:
    with path.open("rb") as stream:
        yield from read_jsonl(stream, str(path))


def _assigning_ahead(store: Store, floors: list[str | None]) -> Callable[[int], None]:
    """An ``after_batch`` that assigns the articles published before ``floors`` says any still to
    come is (:func:`publication_floors` of the same input)."""

    def assign_what_is_settled(read: int) -> None:
        # floors[k] is the earliest publication from item k*FLOOR_BLOCK on: it covers every
        # item not read yet wherever the batch ended.
        block = read // FLOOR_BLOCK
        if block < len(floors) and floors[block] is not None:
            _assigner(store).assign_queued(before=floors[block])

    return assign_what_is_settled


def _is_jsonl_file(source: str) -> bool:
    path = Path(source)
    return source != "-" and not source.startswith(("http://", "https://")) and path.suffix.lower() in JSONL_SUFFIXES and path.is_file()


_ASSIGNERS: "weakref.WeakKeyDictionary[Store, OnlineAssigner]" = weakref.WeakKeyDictionary()


def cluster(articles: list[Article]) -> tuple[dict[str, str], dict[str, str]]:
    """Event and storyline id of each article, assigned in publication order.

    The assignment is online (each article joins an event or starts one, each new event
    joins a storyline or starts one), so running it over a batch equals feeding the same
    articles one by one in publication order.
    """
    ordered = in_publication_order(articles)
    events, linker = EventClusterer(), StorylineLinker()
    for article in ordered:
        sig = signature(article)
        assignment = events.add(sig)
        linker.add(assignment.event_id, assignment.signature)
    event_of, storyline_of = events.labels(), linker.labels()
    return event_of, {article_id: storyline_of[event] for article_id, event in event_of.items()}


def output_record(input_id: str, article: Article) -> dict:
    """The per-article output contract of DESIGN.md for an input id and its stored article.

    Event and storyline are filled by :func:`run` from :func:`cluster`.
    """
    duplicate_of = article.duplicate_of if input_id == article.id else article.id
    analysis = article.analysis or Analysis()
    return {
        "id": input_id,
        "event": None,
        "storyline": None,
        "event_date": analysis.event_date,
        "headline": generate_headline(article.text) or article.title,  # the contract: generated, even beside a title
        "entities": entity_list(analysis),
        "duplicate_of": duplicate_of,
    }


def entity_list(analysis: Analysis, start: int = 0) -> list[dict]:
    """Each distinct (spelling, entity) of an article once, in order of first mention (of those
    mentioned from offset ``start`` on)."""
    seen: dict[tuple[str, str], dict] = {}
    for mention in analysis.entities:
        if mention.start < start:
            continue
        key = (mention.text, mention.canonical)
        if key not in seen:
            seen[key] = {"text": mention.text, "type": mention.type, "canonical": mention.canonical,
                         "name": mention.name, "latin": mention.latin, "place": mention.place}
    return list(seen.values())


def article_record(article: Article) -> dict:
    """A stored article as shown and exported: cleaned title and text, its headline, and its analysis."""
    record = {name: getattr(article, name, None) for name in ARTICLE_FIELDS if name != "headline"}
    record["headline"] = generate_headline(article.text) or article.title
    analysis = (article.analysis or Analysis()).to_dict()
    record.update({name: analysis[name] for name in ANALYSIS_FIELDS if name != "entities"})
    record["entities"] = entity_list(article.analysis or Analysis())
    return {name: record[name] for name in ARTICLE_FIELDS + ANALYSIS_FIELDS}


def export_articles(store: Store, out: TextIO, fmt: str = "jsonl") -> int:
    """Write every stored article to ``out`` as JSON Lines or CSV; return how many."""
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown export format {fmt!r}: use jsonl or csv")
    writer = csv.DictWriter(out, fieldnames=ARTICLE_FIELDS + ANALYSIS_FIELDS) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    count = 0
    for article in store.iter_articles():
        record = article_record(article)
        if writer:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in record.items()})
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


# --- demo -------------------------------------------------------------------

DEMO_PACKAGE = "ghatnakram.demo"
SAMPLES_FILE = "samples.jsonl"
SEEDS_FILE = "seeds.json"


@dataclass
class DemoResult:
    report: IngestReport
    articles: list[Article] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)

    @property
    def outlets(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for article in self.articles:
            counts[article.outlet] = counts.get(article.outlet, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

    @property
    def duplicates(self) -> list[Article]:
        return [a for a in self.articles if a.duplicate_of]

    @property
    def variant_entities(self) -> list[dict]:
        """Entities seen under more than one spelling, most mentioned first."""
        several = [e for e in self.entities if len(e["variants"]) > 1]
        return sorted(several, key=lambda e: -e["count"])


def demo(store: Store) -> DemoResult:
    """Ingest the bundled demo corpus (sample articles written for the project, plus the two seeds)."""
    items = sorted(demo_items(), key=_publication_order)
    report = ingest_items(items, store)
    articles = [store.get_article(stored_id) for stored_id in dict.fromkeys(report.ids.values())]
    assign_events(store)
    return DemoResult(report, articles, store.load_entities())


def _publication_order(item: Article | Problem) -> str:
    return publication_order(item.published) if isinstance(item, Article) else ""


def demo_items() -> Iterable[Article | Problem]:
    """The demo corpus as reader output: the seed text files first, then the sample JSON Lines."""
    folder = resources.files(DEMO_PACKAGE)
    seeds = json.loads(folder.joinpath(SEEDS_FILE).read_text(encoding="utf-8"))
    for name, meta in seeds.items():
        path = Path(str(folder.joinpath(name)))
        try:
            yield article_from_text(path.read_text(encoding="utf-8"), path, outlet=meta["outlet"], published=meta["published"])
        except BadInput as exc:
            yield Problem(name, str(exc))
    with folder.joinpath(SAMPLES_FILE).open("rb") as stream:
        yield from read_jsonl(stream, SAMPLES_FILE)


# --- events and storylines as records -------------------------------------------------

def event_records(store: Store, *, event_id: str | None = None, storyline_id: str | None = None,
                  since: str | None = None, until: str | None = None, outlet: str | None = None,
                  entity: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Event records: one event (an id merged into another gives that other event), the events of one
    storyline, or events by date range, outlet and entity (canonical id, name, spelling or part of a
    name), latest first, ``limit`` of them after skipping ``offset``. Only the chosen events are read."""
    if event_id is not None or storyline_id is not None:
        if event_id is not None:
            event_id = store.resolve_event(event_id) or event_id
        groups = store.event_members_of(event_id=event_id, storyline_id=storyline_id)
        records = [event_record(e, sl, [store.get_article(a) for a in members]) for e, (sl, members) in groups.items()]
        records = filter_events(records, since=since, until=until, outlet=outlet, entity=entity)
        records.sort(key=lambda r: (r["event_date"] or "", r["id"]), reverse=True)
        return records[offset:][:limit] if limit is not None else records[offset:]
    return list(islice(_matching_events(store, since, until, outlet, entity), offset, None if limit is None else offset + limit))


def _matching_events(store: Store, since, until, outlet, entity) -> Iterator[dict]:
    """Events matching the filters, latest first, read a page at a time."""
    canonicals = sorted(set(store.entities_named(entity)) | set(store.entities_named(name_key(entity)))) if entity else None
    # The store filters on an event's last day; its event date (the day most of its articles
    # give) is on or before it, and at most a few days before: the exact filter is applied after.
    upper = (date.fromisoformat(until) + timedelta(days=EVENT_SPAN_DAYS)).isoformat() if until else None
    position = 0
    while page := store.find_events(since=since, until=upper, outlet=outlet, canonicals=canonicals, limit=PAGE, offset=position):
        position += len(page)
        for event, storyline in page:
            members = store.event_members_of(event_id=event).get(event, (storyline, []))[1]
            record = event_record(event, storyline, [store.get_article(a) for a in members])
            if filter_events([record], since=since, until=until, outlet=outlet, entity=None if canonicals is not None else entity):
                yield record


PAGE = 200
EVENT_SPAN_DAYS = 30


def event_record(event_id: str, storyline_id: str, members: list[Article]) -> dict:
    """An event's record (DESIGN.md) from its member articles: headline, summary, outlets, entities, comparison."""
    members = in_publication_order(members)
    dates = Counter(a.analysis.event_date for a in members if a.analysis and a.analysis.event_date)
    entities = Counter()
    names: dict[str, str] = {}
    for article in members:
        # The dateline names where a desk files from ("नई दिल्ली, एजेंसी।"), not who or where the event is.
        for entity in entity_list(article.analysis or Analysis(), start=dateline_end(article.text)):
            entities[entity["canonical"]] += 1
            names.setdefault(entity["canonical"], entity["name"])
    summary = event_summary(members)
    outlets = sorted({a.outlet for a in members})
    ordinals = [a.analysis.recurrence.ordinal for a in members if a.analysis and a.analysis.recurrence]
    return {
        "id": event_id,
        "storyline": storyline_id,
        "headline": event_headline(members),
        "summary": summary_text(summary),
        "summary_sentences": summary,
        "event_date": dates.most_common(1)[0][0] if dates else None,
        "articles": [a.id for a in members],
        "outlets": outlets,
        "entities": [{"canonical": c, "name": names[c], "articles": n} for c, n in entities.most_common(12)],
        "comparison": compare_outlets(members).to_dict() if len(outlets) > 1 else None,
        "ordinal": min((o for o in ordinals if o), default=None),
        "published": members[0].published or "",
    }


def storyline_records(store: Store, *, storyline_id: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Storylines (one, or ``limit`` of them after ``offset``, latest activity first) with their events in
    timeline order; the id of a storyline merged into another gives that other storyline."""
    if storyline_id is None:
        ids = store.find_storylines(limit=limit, offset=offset)
        return [record for sid in ids for record in storyline_records(store, storyline_id=sid)]
    storyline_id = store.resolve_storyline(storyline_id) or storyline_id
    events = event_records(store, storyline_id=storyline_id)
    by_storyline: dict[str, list[dict]] = {}
    for event in events:
        by_storyline.setdefault(event["storyline"], []).append(event)
    records = [storyline_record(storyline_id, members) for storyline_id, members in by_storyline.items()]
    return sorted(records, key=lambda r: (r["event_date"] or "", r["id"]), reverse=True)


def storyline_record(storyline_id: str, events: list[dict]) -> dict:
    """A storyline's record from the records of its events (see :func:`event_record`), in timeline order."""
    members = in_timeline_order(events, [(e["event_date"], e["ordinal"], e["published"]) for e in events])
    entities = Counter()
    for event in members:
        entities.update({e["name"]: e["articles"] for e in event["entities"]})
    return {
        "id": storyline_id,
        "headline": storyline_title(members),
        "timeline": timeline(members),
        "events": [{"id": e["id"], "event_date": e["event_date"], "headline": e["headline"], "outlets": e["outlets"]} for e in members],
        "event_date": members[-1]["event_date"],
        "articles": [a for e in members for a in e["articles"]],
        "outlets": sorted({o for e in members for o in e["outlets"]}),
        "entities": [name for name, _ in entities.most_common(12)],
    }


def filter_events(events: list[dict], *, since: str | None = None, until: str | None = None,
                  outlet: str | None = None, entity: str | None = None) -> list[dict]:
    """Events in a date range, covered by an outlet, or naming an entity (by canonical id, name or spelling)."""
    def keep(event: dict) -> bool:
        day = event["event_date"] or ""
        if since and day < since or until and day > until:
            return False
        if outlet and outlet not in event["outlets"]:
            return False
        if entity and not any(entity in (e["canonical"], e["name"]) or entity in e["name"] for e in event["entities"]):
            return False
        return True

    return [event for event in events if keep(event)]
