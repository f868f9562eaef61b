"""The Spark job: the single-machine pipeline over an archive too large for one machine.

``ghatnakram spark-run INPUT --out OUT`` reads JSON Lines or Parquet and calls the same library
functions as ``ghatnakram run``, split so that the costly work runs on executors and only small,
inherently ordered state passes through the driver:

1. **read** (executors): each line or row → :class:`~ghatnakram.models.Article` or a
   :class:`~ghatnakram.models.Problem`, with its position in the input;
2. **boilerplate** (shuffle): a line an outlet printed in ``REPEATED_LINE_MIN_ARTICLES`` earlier
   articles is dropped, as ingest does, counted per (outlet, line) in input order;
3. **clean and analyse** (executors, per partition): cleaning, the Hindi check, fingerprints and
   :class:`~ghatnakram.analyze.Analyzer` with one entity resolver per partition (partitions are
   contiguous slices of the input, so each resolver sees its articles in input order);
4. **duplicates** (shuffle): exact copies by content hash, near copies by MinHash LSH bucket,
   each pointing at its earliest original as ingest does;
5. **entities** (driver, small): the partitions' entities are joined in input order by one
   resolver, so a name has one canonical id however the input was split;
6. **signatures and IDF** (executors, shuffle): each article's event signature, and its TF-IDF
   vector with the document frequencies of every article published before it, exactly as the
   online clusterer would have them;
7. **events** (executors, per block): blocks are publication-day windows (``block_days``) that
   also replay the ``overlap_days`` before them, so the clusterer's open events at a block's start
   are those the single-machine run has there; within a block, candidates are found by the
   clusterer's own index of canonical place, actor and word keys, and articles are fed in
   publication order to :class:`~ghatnakram.events.EventClusterer`. The driver stitches blocks:
   an event started by an overlap article continues that article's event of the block before;
8. **storylines** (driver, streamed): storylines span months, so one
   :class:`~ghatnakram.storylines.StorylineLinker` runs over the (small) signatures in publication
   order, as :func:`ghatnakram.pipeline.cluster` does;
9. **write** (executors): the per-article output contract of ``run``, event and storyline
   records (JSON Lines or Parquet), and optionally a store (``--db``, e.g. PostgreSQL) from
   which ``watch`` and ``serve`` continue online.

The module uses absolute imports so that it can be spark-submit's main file
(``spark-submit …/ghatnakram/spark.py INPUT --out OUT``).
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from ghatnakram.analyze import Analyzer, TextAnalysis, analyze_texts
from ghatnakram.canon import STATE_VERSION, EntityResolver
from ghatnakram.clean import MIN_COUNTED_LINE, clean_article, line_key
from ghatnakram.dedup import THRESHOLD, fingerprint, similarity
from ghatnakram.events import EventClusterer, Signature, event_id, signature, signature_from_dict, signature_to_dict
from ghatnakram.ingest import REPEATED_LINE_MIN_ARTICLES, check_text
from ghatnakram.models import Article, IngestReport, Mention, Problem, publication_order
from ghatnakram.pipeline import event_record, output_record, storyline_record
from ghatnakram.readers import BadInput, article_from_record, read_jsonl
from ghatnakram.storylines import StorylineLinker, storyline_id

DEFAULT_MASTER = "local[2]"
DEFAULT_DRIVER_MEMORY = "4g"  # the local-mode heap: 1g ran out at 100,000 articles
BLOCK_DAYS = 28
# Longer than the clusterer's window (3 event days) plus the day gap between reports of one happening
# and the lag of a report behind its event date: a block starts with the open events the stream had.
OVERLAP_DAYS = 7
MIN_PARTITION_ARTICLES = 200  # fewer articles per analysis partition cost more in start-up than they save
NEAR_DUPLICATE_CANDIDATES = 64  # earlier articles compared per bucket, as the store's lookup limit
FORMATS = ("jsonl", "parquet")


class SparkRunError(Exception):
    """A spark-run that cannot start; the message says what to change."""


@dataclass(frozen=True)
class SparkOptions:
    """How the job splits its work and what it writes. The split does not change the pipeline's
    rules; ``overlap_days`` must cover the clusterer's window, or blocks would start without the
    events the stream has open."""

    block_days: int = BLOCK_DAYS
    overlap_days: int = OVERLAP_DAYS
    partitions: int | None = None  # analysis partitions (default: four per core, at least 200 articles each)
    fmt: str = "jsonl"

    def __post_init__(self):
        if self.block_days < 1:
            raise SparkRunError(f"block_days must be at least 1, not {self.block_days}")
        if self.overlap_days < EventClusterer().window_days + 1:
            raise SparkRunError(
                f"overlap_days {self.overlap_days} is shorter than the event window ({EventClusterer().window_days} days) "
                "plus one: blocks would start without the events still open; use at least "
                f"{EventClusterer().window_days + 1} (default {OVERLAP_DAYS})"
            )
        if self.fmt not in FORMATS:
            raise SparkRunError(f"unknown output format {self.fmt!r}: use jsonl or parquet")
        if self.partitions is not None and self.partitions < 1:
            raise SparkRunError(f"partitions must be at least 1, not {self.partitions}")


# --- 1. reading ------------------------------------------------------------------------------


def article_from_line(raw: bytes, where: str) -> Article | Problem:
    """One JSON line as the JSON Lines reader reads it, its problem named ``where`` (file:line)."""
    item = next(read_jsonl(io.BytesIO(raw), where))
    return replace(item, source=where) if isinstance(item, Article) else Problem(where, item.message)


def article_from_row(row: dict, where: str) -> Article | Problem:
    """One Parquet row (columns as the input contract's keys) as an article, or its problem."""
    record = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items() if v is not None}  # date or datetime columns
    try:
        return article_from_record(record, where)
    except BadInput as exc:
        return Problem(where, str(exc))


def skipped_inputs(keys: Iterable[tuple[str, int]]) -> Iterator[tuple[int, int]]:
    """(position, position of the first input with the same key) for every later input sharing a
    key (an id or a URL): ingest stores the first and only aliases the others."""
    groups: dict[str, list[int]] = defaultdict(list)
    for key, position in keys:
        groups[key].append(position)
    for positions in groups.values():
        first, *later = sorted(positions)
        for position in later:
            yield position, first


# --- 2. boilerplate lines --------------------------------------------------------------------


def counted_lines(article: Article) -> set[str]:
    """Keys of the lines of an article that ingest counts to learn its outlet's boilerplate."""
    text = clean_article(article).text
    return {line_key(line) for line in text.split("\n") if len(line) >= MIN_COUNTED_LINE}


def repeated_at(positions: Iterable[int]) -> list[int]:
    """Of the articles (positions) of one outlet printing one line, those from which ingest drops it:
    every one after the first ``REPEATED_LINE_MIN_ARTICLES``."""
    return sorted(positions)[REPEATED_LINE_MIN_ARTICLES:]


# --- 3. cleaning and analysis -------------------------------------------------------------------


@dataclass(frozen=True)
class Analysed:
    """One stored article after cleaning and analysis, with what dedup and the store need."""

    position: int
    article: Article  # cleaned, with analysis and content hash; duplicate_of set later
    partition: int
    minhash: bytes
    buckets: tuple[int, ...]
    lines: tuple[str, ...]  # counted line keys (for the store's boilerplate counts)


ANALYSIS_CHUNK = 16  # articles whose names are tagged together (see analyze.analyze_texts)


def clean_and_check(article: Article, repeated: set[str]) -> Article | Problem:
    """Clean one article (dropping the outlet's repeated lines ``repeated``) and check its text."""
    cleaned = clean_article(article, lambda line: len(line) >= MIN_COUNTED_LINE and line_key(line) in repeated)
    try:
        check_text(cleaned)
    except BadInput as exc:
        return Problem(article.source or article.id, str(exc))
    return cleaned


def analysed(article: Article, cleaned: Article, position: int, found: TextAnalysis, analyzer: Analyzer,
             partition: int) -> Analysed:
    """An article's record once its text analysis ``found`` is complete (entities resolved in input order)."""
    prints = fingerprint(cleaned.text)
    done = replace(cleaned, content_hash=prints.content_hash, analysis=analyzer.complete(found, cleaned.text))
    return Analysed(position, done, partition, prints.signature_bytes(), prints.buckets, tuple(sorted(counted_lines(article))))


def analyse_partition(partition: int, rows: Iterable[tuple[int, tuple[Article, list[str]]]]) -> Iterator[tuple]:
    """Analyse one partition's articles in input order with one resolver; then yield its entities.

    Yields ``("article", Analysed)``, ``("problem", (position, Problem))`` and last
    ``("entities", (partition, [entity state, in creation order]))``. The texts of
    :data:`ANALYSIS_CHUNK` articles at a time are analysed together.
    """
    analyzer = Analyzer()
    ordered = sorted(rows, key=lambda row: row[0])
    for start in range(0, len(ordered), ANALYSIS_CHUNK):
        chunk = [(position, article, clean_and_check(article, set(repeated)))
                 for position, (article, repeated) in ordered[start : start + ANALYSIS_CHUNK]]
        texts = iter(analyze_texts([c for *_, c in chunk if not isinstance(c, Problem)]))
        for position, article, cleaned in chunk:
            if isinstance(cleaned, Problem):
                yield "problem", (position, cleaned)
            else:
                yield "article", analysed(article, cleaned, position, next(texts), analyzer, partition)
    yield "entities", (partition, analyzer.resolver.to_state()["entities"])


# --- 4. duplicates ------------------------------------------------------------------------------


def exact_copies(members: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, int]]:
    """For articles with one content hash ((position, outlet)), each later one as
    (position, "skip" if an earlier one has its outlet else "copy", position of that earlier one)."""
    seen_outlets: dict[str, int] = {}
    first = None
    for position, outlet in sorted(members):
        if outlet in seen_outlets:
            yield position, "skip", seen_outlets[outlet]
            continue
        if first is not None:
            yield position, "copy", first
        else:
            first = position
        seen_outlets[outlet] = position


def near_copies(members: Iterable[tuple[int, bytes, bool]], limit: int = NEAR_DUPLICATE_CANDIDATES) -> Iterator[tuple[int, int]]:
    """For stored articles sharing one LSH bucket ((position, MinHash bytes, looked up?)), (position,
    earliest of the ``limit`` articles before it in the bucket whose text it nearly repeats) for
    those looked up (exact copies already have their original)."""
    import numpy as np

    ordered = sorted(members)
    for i, (position, signature_bytes, looked_up) in enumerate(ordered):
        if not looked_up:
            continue
        signature_ = np.frombuffer(signature_bytes, dtype="<u8")
        for earlier, earlier_bytes, _ in ordered[max(0, i - limit):i]:
            if similarity(signature_, earlier_bytes) >= THRESHOLD:
                yield position, earlier
                break


def originals(copies: dict[int, int], near: dict[int, int]) -> dict[int, int]:
    """position → position of its original (exact copies first, then near ones), following an
    original that is itself a copy to its own original, as ingest does."""
    found: dict[int, int] = {}
    for position in sorted(set(copies) | set(near)):
        original = copies.get(position, near.get(position))
        found[position] = found.get(original, original)
    return found


# --- 5. entities --------------------------------------------------------------------------------


def unify_entities(partitions: list[tuple[int, list[dict]]]) -> tuple[dict[tuple[int, str], str], EntityResolver]:
    """Join the entities each partition's resolver found into one resolver, partitions in input order.

    The first partition's entities stay as they are (its resolver saw what a single run sees); an
    entity of a later partition is resolved as if its spellings (each as often as it was mentioned)
    were one article's mentions, so it joins a known entity or becomes a new one. Returns
    ((partition, local id) → unified id, the unified resolver).
    """
    ordered = sorted(partitions)
    if not ordered:
        return {}, EntityResolver()
    first, first_entities = ordered[0]
    resolver = EntityResolver.from_state({"version": STATE_VERSION, "entities": first_entities})
    mapping = {(first, e["id"]): e["id"] for e in first_entities}
    for partition, entities in ordered[1:]:
        for entity in entities:
            mapping[(partition, entity["id"])] = _unified_id(resolver, entity)
    return mapping, resolver


def _unified_id(resolver: EntityResolver, entity: dict) -> str:
    mentions, offset = [], 0
    for spelling, count in sorted(entity["variants"].items()):
        for _ in range(count):
            mentions.append(Mention(text=spelling, type=entity["type"], start=offset, end=offset + len(spelling), sentence=0))
            offset += len(spelling) + 1
    ids = Counter(m.canonical for m in resolver.resolve(mentions) if m.canonical)
    return min(ids, key=lambda i: (-ids[i], i)) if ids else entity["id"]


def with_unified_entities(article: Article, partition: int, mapping: dict[tuple[int, str], str],
                          names: dict[str, tuple[str, str]]) -> Article:
    """The article with its mentions' (and quote speakers') canonical ids, names and Latin forms unified."""
    analysis = article.analysis
    if analysis is None:
        return article

    def unified(canonical: str | None) -> str | None:
        return mapping.get((partition, canonical), canonical) if canonical else canonical

    mentions = []
    for mention in analysis.entities:
        canonical = unified(mention.canonical)
        name, latin = names.get(canonical, (mention.name, mention.latin))
        mentions.append(replace(mention, canonical=canonical, name=name, latin=latin))
    quotes = tuple(replace(q, speaker_canonical=unified(q.speaker_canonical)) for q in analysis.quotes)
    return replace(article, analysis=replace(analysis, entities=tuple(mentions), quotes=quotes))


# --- 6. signatures and IDF ----------------------------------------------------------------------


def publication_key(sig: dict) -> tuple[str, str]:
    """The order the online assignment feeds articles in (as the store's queue and pipeline.cluster)."""
    return publication_order(sig["published"]), sig["article_id"]


def running_frequencies(ranks: Iterable[int]) -> Iterator[tuple[int, int]]:
    """For the articles (publication ranks) containing one term, (rank, articles up to and including
    it that contain the term): the document frequency the online clusterer has when it reaches it."""
    for count, rank in enumerate(sorted(ranks), start=1):
        yield rank, count


def global_vector(terms: dict[str, int], documents: int, frequencies: dict[str, int]) -> dict[str, float]:
    """The unit TF-IDF vector the online clusterer gives an article as its ``documents``-th, with
    these document frequencies of its terms (the clusterer's own formula)."""
    clusterer = EventClusterer()
    clusterer.documents_ = documents
    clusterer.document_frequency_ = Counter(frequencies)
    return clusterer.unit_vector(terms)


# --- 7. events in blocks --------------------------------------------------------------------------


def blocks_of(day: int | None, first_day: int, options: SparkOptions, event_day: int | None = None, *,
              last_block: int) -> list[tuple[int, bool]]:
    """(block, home?) for an article published on ``day`` (an ordinal): its own block, and every later
    block starting at most ``overlap_days`` after its publication day or its event day (an article
    announcing a later happening keeps its event open until then), which replays it. Undated
    articles come last in publication order: the last block, ``last_block``."""
    if day is None:
        return [(last_block, True)]
    offset = day - first_day
    reach = max(offset, (event_day - first_day) if event_day is not None else offset)
    home = offset // options.block_days
    found = [(home, True)]
    following = home + 1
    while following * options.block_days - reach <= options.overlap_days:
        found.append((following, False))
        following += 1
    return found


class _PresetVectorClusterer(EventClusterer):
    """The event clusterer fed signatures whose vectors carry the whole stream's document
    frequencies (step 6), not the block's: a block then scores articles as the single run does."""

    _preset: dict[str, float] | None = None

    def add(self, sig: Signature):
        self._preset = sig.vector
        return super().add(sig)

    def unit_vector(self, terms: dict[str, int]) -> dict[str, float]:
        preset, self._preset = self._preset, None
        return preset if preset is not None else super().unit_vector(terms)


@dataclass
class BlockResult:
    """What one block found: per article (id, home?, event at assignment, event after the block),
    the article that started each event, and the events still open at the block's end."""

    block: int
    labels: list[tuple[str, bool, str, str]] = field(default_factory=list)
    starters: dict[str, str] = field(default_factory=dict)
    open_events: list[tuple[str, str | None, list[dict]]] = field(default_factory=list)  # (id, last day, members)


def cluster_block(block: int, members: Iterable[tuple[int, dict, bool]], keep_open: bool = False) -> BlockResult:
    """Assign one block's articles ((publication rank, signature dict, home?)) to events in publication
    order; with ``keep_open`` (the last block) also return the events still open at its end."""
    clusterer = _PresetVectorClusterer()
    result = BlockResult(block)
    home_of: dict[str, bool] = {}
    online: dict[str, str] = {}
    for _, sig_dict, home in sorted(members, key=lambda m: m[0]):
        sig = signature_from_dict(sig_dict)
        assignment = clusterer.add(sig)
        home_of[sig.article_id] = home
        online[sig.article_id] = assignment.event_id
        if assignment.event_id == event_id(sig.article_id):  # it started the event (ids come from the first article)
            result.starters[assignment.event_id] = sig.article_id
    final = clusterer.labels()
    result.labels = [(a, home_of[a], online[a], final[a]) for a in online]
    result.open_events = [
        (e.id, e.last_day.isoformat() if e.last_day else None, [signature_to_dict(m) for m in e.members])
        for e in clusterer.open_events_.values()
    ] if keep_open else []
    return result


def stitch_blocks(results: Iterable[BlockResult]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Events across blocks: (article → event, article → event it joined when assigned, block
    event id → stitched id of the last block). A block's event that an overlap article started
    is the event that article has in its own (earlier) block."""
    final: dict[str, str] = {}
    online: dict[str, str] = {}
    stitched: dict[str, str] = {}
    for result in sorted(results, key=lambda r: r.block):
        home = {article for article, is_home, _, _ in result.labels if is_home}

        def stitch(event: str) -> str:
            starter = result.starters.get(event)
            return final.get(starter, event) if starter is not None and starter not in home else event

        stitched = {}
        for article, is_home, joined, event in result.labels:
            stitched[event] = stitch(event)
            if is_home:
                final[article] = stitch(event)
                online[article] = stitch(joined)
        for event, _, _ in result.open_events:
            stitched.setdefault(event, stitch(event))
    return final, online, stitched


# --- 8. storylines ------------------------------------------------------------------------------


def link_storylines(stream: Iterable[tuple[str, dict]]) -> StorylineLinker:
    """Storylines over (event the article joined, signature dict), fed in publication order."""
    linker = StorylineLinker()
    for event, sig_dict in stream:
        linker.add(event, signature_from_dict(sig_dict))
    return linker


# --- 9. records ---------------------------------------------------------------------------------


def article_output(input_id: str, article: Article, labels: tuple[str, str] | None) -> dict:
    """The per-article output contract of ``run`` for one input."""
    record = output_record(input_id, article)
    record["event"], record["storyline"] = labels or (None, None)
    return record


# --- the job --------------------------------------------------------------------------------------


@dataclass
class SparkReport(IngestReport):
    """What a spark-run did: the ingest counts, and how many events, storylines and blocks."""

    events: int = 0
    storylines: int = 0
    blocks: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # wall-clock time of each stage

    def summary(self) -> str:
        return f"{super().summary()}; events {self.events}, storylines {self.storylines} (in {self.blocks} blocks)"



def spill_to_disk():
    """Storage level for the RDDs a job reads more than once: kept in memory, spilled to local disk
    when memory is short. (``cache()`` keeps memory only, and an evicted partition is recomputed:
    on 100,000 articles in local mode that re-ran the whole analysis for every later stage.)"""
    from pyspark import StorageLevel

    return StorageLevel.MEMORY_AND_DISK


def spark_session(master: str | None = None, app_name: str = "ghatnakram", driver_memory: str = DEFAULT_DRIVER_MEMORY):
    """A Spark session: on ``master`` if given; under spark-submit, the one it configured;
    else local mode on two cores (a ``driver_memory`` heap, no UI), with executors running this Python."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # set by spark-submit for the Python driver
    if master or not submitted:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = (builder.master(master or DEFAULT_MASTER)
                   .config("spark.driver.memory", driver_memory)
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.shuffle.partitions", "8"))
    return builder.getOrCreate()


def read_input(spark, input_path: str):
    """RDD of (position, Article | Problem) from JSON Lines (a file, folder or glob) or Parquet
    (``.parquet``, or a folder of Parquet files): blank lines are skipped, as the reader does."""
    sc = spark.sparkContext
    if _is_parquet(input_path):
        rows = spark.read.parquet(input_path).rdd.map(lambda row: row.asDict()).zipWithIndex()
        return rows.map(lambda pair: (pair[1], article_from_row(pair[0], f"{input_path}[{pair[1] + 1}]")))
    lines = sc.textFile(input_path, use_unicode=False).zipWithIndex()
    return (lines.filter(lambda pair: pair[0].strip())
            .map(lambda pair: (pair[1], article_from_line(pair[0], f"{input_path}:{pair[1] + 1}"))))


def _is_parquet(path: str) -> bool:
    local = Path(path)
    if path.endswith(".parquet"):
        return True
    return local.is_dir() and any(local.glob("*.parquet"))


def run_spark(spark, input_path: str, out: str, options: SparkOptions = SparkOptions(), store=None) -> SparkReport:
    """Run the whole job (see the module docstring) and write its output under ``out``:
    ``articles/``, ``events/`` and ``storylines/`` (JSON Lines part files or Parquet); with
    ``store`` (empty), also fill it as ingest and online assignment would have."""
    if store is not None and store.count_articles():
        raise SparkRunError("the store given to spark-run already holds articles: give an empty store "
                            "(spark-run fills it in one go); add to a filled store with 'ghatnakram ingest'")
    job = _Job(spark, spark.sparkContext, options, SparkReport())
    stages = [("read", lambda: job.read(input_path)), ("analyse", job.analyse), ("duplicates", job.find_duplicates),
              ("entities", job.unify_entities), ("signatures", job.sign), ("events", job.cluster_events),
              ("storylines", job.link_storylines), ("write", lambda: job.write(out))]
    if store is not None:
        stages.append(("store", lambda: job.fill_store(store)))
    for name, stage in stages:
        started = time.perf_counter()
        stage()
        job.report.seconds[name] = round(time.perf_counter() - started, 1)
    return job.report


@dataclass
class _Job:
    """The stages of :func:`run_spark` and the data they hand on (RDDs stay on the executors;
    what is kept here on the driver is small: ids, positions, labels)."""

    spark: object
    sc: object
    options: SparkOptions
    report: SparkReport

    def broadcast(self, value):
        return self.sc.broadcast(value)

    def read(self, input_path: str) -> None:
        """Steps 1–2: read, leave out repeated ids and URLs, and find each outlet's boilerplate lines."""
        self.items = read_input(self.spark, input_path).persist(spill_to_disk())
        self.report.read = self.items.count()
        self.problems = self.items.filter(lambda item: isinstance(item[1], Problem)).collect()
        self.articles = self.items.filter(lambda item: isinstance(item[1], Article))
        self.repeated_ids = _collect_skipped(self.articles.map(lambda item: (item[1].id, item[0])))
        repeated_ids = self.broadcast(self.repeated_ids)
        self.repeated_urls = _collect_skipped(
            self.articles.filter(lambda item: item[1].url and item[0] not in repeated_ids.value).map(lambda item: (item[1].url, item[0])))
        not_stored = self.broadcast(set(self.repeated_ids) | set(self.repeated_urls))
        self.kept = self.articles.filter(lambda item: item[0] not in not_stored.value)
        self.drops = (self.kept.flatMap(lambda item: [((item[1].outlet, key), item[0]) for key in counted_lines(item[1])])
                      .groupByKey().flatMap(lambda kv: [(p, kv[0][1]) for p in repeated_at(kv[1])])
                      .groupByKey().mapValues(list))

    def analyse(self) -> None:
        """Step 3: clean and analyse contiguous slices of the input, one resolver per slice."""
        total = max(self.report.read, 1)
        partitions = self.options.partitions or max(1, min(4 * self.sc.defaultParallelism, total // MIN_PARTITION_ARTICLES))
        slices = (self.kept.leftOuterJoin(self.drops).mapValues(lambda pair: (pair[0], pair[1] or []))
                  .partitionBy(partitions, lambda position: min(position * partitions // total, partitions - 1)))
        self.analysed_all = slices.mapPartitionsWithIndex(analyse_partition).persist(spill_to_disk())
        problems = self.problems + self.analysed_all.filter(lambda t: t[0] == "problem").map(lambda t: t[1]).collect()
        self.report.problems = [problem for _, problem in sorted(problems, key=lambda pp: pp[0])]
        self.analysed = self.analysed_all.filter(lambda t: t[0] == "article").map(lambda t: t[1])

    def find_duplicates(self) -> None:
        """Step 4: the same text from the same outlet is not stored again; other copies, exact or
        near, point at their original."""
        exact = (self.analysed.map(lambda a: (a.article.content_hash, (a.position, a.article.outlet)))
                 .groupByKey().flatMap(lambda kv: exact_copies(kv[1])).collect())
        self.same_outlet = {position: earlier for position, kind, earlier in exact if kind == "skip"}
        copies = self.broadcast({position: earlier for position, kind, earlier in exact if kind == "copy"})
        self.same_outlet_b = same_outlet = self.broadcast(self.same_outlet)
        near = dict(self.analysed.filter(lambda a: a.position not in same_outlet.value)
                    .flatMap(lambda a: [(b, (a.position, a.minhash, a.position not in copies.value)) for b in a.buckets])
                    .groupByKey().flatMap(lambda kv: near_copies(kv[1])).reduceByKey(min).collect())
        self.original_of = originals(copies.value, near)

    def unify_entities(self) -> None:
        """Step 5: one canonical id per entity across partitions; duplicates marked."""
        states = self.analysed_all.filter(lambda t: t[0] == "entities").map(lambda t: t[1]).collect()
        mapping, self.resolver = unify_entities(states)
        self.entity_records = Analyzer(self.resolver).entity_records(self.resolver.entities_)
        mapping_b = self.broadcast(mapping)
        names = self.broadcast({r["id"]: (r["name"], r["latin"]) for r in self.entity_records})
        same_outlet = self.same_outlet_b
        stored = (self.analysed.filter(lambda a: a.position not in same_outlet.value)
                  .map(lambda a: replace(a, article=with_unified_entities(a.article, a.partition, mapping_b.value, names.value))))
        self.positions_of = dict(stored.map(lambda a: (a.position, a.article.id)).collect())
        duplicate_of = self.broadcast({self.positions_of[p]: self.positions_of[q] for p, q in self.original_of.items()
                                       if p in self.positions_of and q in self.positions_of})
        self.stored = stored.map(lambda a: replace(a, article=replace(a.article, duplicate_of=duplicate_of.value.get(a.article.id)))).persist(spill_to_disk())
        self.stored.count()  # cached before the analysis it is built from is dropped: never analyse twice
        self.analysed_all.unpersist()
        self.report.stored, self.report.duplicates = len(self.positions_of), len(duplicate_of.value)
        self.report.skipped = len(self.repeated_ids) + len(self.repeated_urls) + len(self.same_outlet)

    def sign(self) -> None:
        """Step 6: signatures in publication order, with the stream's document frequencies before each."""
        ranked = (self.stored.map(lambda a: signature_to_dict(signature(a.article)))
                  .sortBy(publication_key).zipWithIndex().map(lambda pair: (pair[1], pair[0])).persist(spill_to_disk()))
        frequencies = (ranked.flatMap(lambda rs: [(t, rs[0]) for t in rs[1]["terms"]])
                       .groupByKey().flatMap(lambda kv: [(rank, (kv[0], n)) for rank, n in running_frequencies(kv[1])])
                       .groupByKey().mapValues(dict))
        self.signatures = ranked.leftOuterJoin(frequencies).map(
            lambda kv: (kv[0], {**kv[1][0], "vector": global_vector(kv[1][0]["terms"], kv[0] + 1, kv[1][1] or {})})).persist(spill_to_disk())
        self.signatures.count()
        ranked.unpersist()

    def cluster_events(self) -> None:
        """Step 7: events within blocks of publication days, stitched on the driver."""
        options = self.options
        days = self.signatures.map(lambda kv: _published_day(kv[1])).filter(lambda d: d is not None).persist(spill_to_disk())
        first_day, last_day = (days.min(), days.max()) if not days.isEmpty() else (0, 0)
        last = (last_day - first_day) // options.block_days
        self.blocks = (self.signatures.flatMap(lambda kv: [(block, (kv[0], kv[1], home)) for block, home in _blocks(kv[1], first_day, options, last) if block <= last])
                       .groupByKey().map(lambda kv: cluster_block(kv[0], kv[1], keep_open=kv[0] == last)).collect())
        days.unpersist()
        self.final, self.joined, self.stitched = stitch_blocks(self.blocks)
        self.report.blocks = len(self.blocks)

    def link_storylines(self) -> None:
        """Step 8: storylines on the driver over the signatures, streamed in publication order."""
        joined = self.broadcast(self.joined)
        parts = max(1, self.report.stored // 20000)  # few, large pieces: each is one job to fetch
        compact = self.signatures.map(lambda kv: (kv[0], (joined.value[kv[1]["article_id"]], kv[1]))).sortByKey(numPartitions=parts)
        self.linker = link_storylines(pair for _, pair in compact.toLocalIterator(prefetchPartitions=True))
        storylines = self.linker.labels()
        self.labels = {article: (event, storylines.get(event) or storyline_id(event)) for article, event in self.final.items()}
        self.report.events = len(set(self.final.values()))
        self.report.storylines = len({s for _, s in self.labels.values()})

    def write(self, out: str) -> None:
        """Step 9: the per-article output in input order, and the event and storyline records."""
        fmt = self.options.fmt
        self.aliases = {**self.repeated_urls, **self.same_outlet}
        stored_of = {**self.positions_of, **{p: stored_article(p, self.aliases, self.positions_of) for p in self.aliases}}
        stored_b = self.broadcast({p: i for p, i in stored_of.items() if i})
        labels = self.labels_b = self.broadcast(self.labels)
        by_id = self.stored.map(lambda a: (a.article.id, a.article))
        outputs = (self.articles.filter(lambda item: item[0] in stored_b.value)
                   .map(lambda item: (stored_b.value[item[0]], (item[0], item[1].id))).join(by_id)
                   .map(lambda kv: (kv[1][0][0], article_output(kv[1][0][1], kv[1][1], labels.value.get(kv[0]))))
                   .sortByKey().values())
        _write(self.spark, outputs, f"{out}/articles", fmt)
        events = (by_id.map(lambda kv: (labels.value[kv[0]], kv[1]))
                  .groupByKey().map(lambda kv: event_record(kv[0][0], kv[0][1], list(kv[1]))).persist(spill_to_disk()))
        storylines = events.map(lambda e: (e["storyline"], e)).groupByKey().map(lambda kv: storyline_record(kv[0], list(kv[1])))
        _write(self.spark, events.sortBy(lambda e: (e["event_date"] or "", e["id"])), f"{out}/events", fmt)
        _write(self.spark, storylines.sortBy(lambda s: (s["event_date"] or "", s["id"])), f"{out}/storylines", fmt)
        events.unpersist()

    def fill_store(self, store) -> None:
        """Fill an empty store as ingest and online assignment leave it, so that ``ingest``, ``watch``
        and ``serve`` continue from it: articles, aliases, fingerprints, outlet line counts, entities,
        event labels, events (the still open ones with their members' signatures), storyline
        profiles, term frequencies and the assignment state. One writer: the driver, in batches."""
        aliases = self.broadcast(self.aliases)
        alias_ids = self.articles.filter(lambda item: item[0] in aliases.value).map(lambda item: (item[0], item[1].id)).collect()
        labels = self.labels_b
        events = dict(self.signatures.map(lambda kv: (labels.value[kv[1]["article_id"]], (kv[1]["published"], kv[1]["day"])))
                      .reduceByKey(lambda a, b: (min(a[0], b[0]), _latest(a[1], b[1]))).collect())
        terms = self.signatures.flatMap(lambda kv: [(t, 1) for t in kv[1]["terms"]]).reduceByKey(lambda a, b: a + b).collect()
        last_block = max(self.blocks, key=lambda b: b.block, default=None)
        open_events = {self.stitched.get(e, e): members for e, _, members in (last_block.open_events if last_block else [])}
        batch: list[Analysed] = []
        for analysed in self.stored.sortBy(lambda a: a.position).toLocalIterator(prefetchPartitions=True):
            batch.append(analysed)
            if len(batch) == STORE_BATCH:
                _store_articles(store, batch)
                batch = []
        _store_articles(store, batch)
        with store.transaction():
            for position, input_id in alias_ids:
                stored_id = stored_article(position, self.aliases, self.positions_of)
                if stored_id and stored_id != input_id:
                    store.add_alias(input_id, stored_id)
            store.save_entities(self.entity_records)
            store.save_event_labels([(a, e, s) for a, (e, s) in self.labels.items()])
            for (event, storyline), (first_published, last_day) in events.items():
                store.save_event(event, storyline, first_published, last_day)
            for event, members in open_events.items():
                for member in members:
                    store.add_event_member(member["article_id"], event, json.dumps(member, ensure_ascii=False))
            store.close_events([e for e, _ in events if e not in open_events])
            for storyline in self.linker.changed_.values():
                store.save_storyline(storyline.id, _iso(storyline.last_day), json.dumps(storyline.to_dict(), ensure_ascii=False))
            store.add_term_frequencies(dict(terms))
            latest = max((day for _, day in events.values() if day), default=None)
            store.set_state("events.documents", str(self.report.stored))
            store.set_state("events.latest_day", latest or "")
            store.set_state("events.storyline_latest_day", _iso(self.linker.latest_day_) or "")
            store.set_state("events.generation", "1")


STORE_BATCH = 500


def _store_articles(store, batch: list[Analysed]) -> None:
    with store.transaction():
        for analysed in batch:
            article = analysed.article
            store.add_article(article)
            if analysed.minhash:
                store.add_signature(article.id, analysed.minhash, analysed.buckets)
            store.count_lines(article.outlet, analysed.lines)


def _latest(a: str | None, b: str | None) -> str | None:
    return max((d for d in (a, b) if d), default=None)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _collect_skipped(keyed) -> dict[int, int]:
    """position → first position with the same key, for every later input sharing a key."""
    return dict(keyed.groupByKey().flatMap(lambda kv: skipped_inputs((kv[0], p) for p in kv[1])).collect())


def _blocks(sig: dict, first_day: int, options: SparkOptions, last_block: int) -> list[tuple[int, bool]]:
    event_day = date.fromisoformat(sig["day"]).toordinal() if sig["day"] else None
    return blocks_of(_published_day(sig), first_day, options, event_day, last_block=last_block)


def _published_day(sig: dict) -> int | None:
    return date.fromisoformat(sig["published"][:10]).toordinal() if sig["published"] else None


def stored_article(position: int, aliases: dict[int, int], positions_of: dict[int, str]) -> str | None:
    """The id of the stored article an input that was not stored stands for (following aliases)."""
    seen = set()
    while position not in positions_of and position in aliases and position not in seen:
        seen.add(position)
        position = aliases[position]
    return positions_of.get(position)


def _write(spark, records, path: str, fmt: str) -> None:
    """Records as JSON Lines part files (in order), or as Parquet with one text column per field
    (lists and objects as JSON text)."""
    if fmt == "jsonl":
        records.map(lambda r: json.dumps(r, ensure_ascii=False)).saveAsTextFile(path)
        return
    from pyspark.sql.types import StringType, StructField, StructType

    fields = list(records.first().keys()) if not records.isEmpty() else ["id"]
    schema = StructType([StructField(name, StringType()) for name in fields])
    rows = records.map(lambda r: tuple(_as_text(r.get(name)) for name in fields))
    spark.createDataFrame(rows, schema).write.parquet(path)


def _as_text(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


if __name__ == "__main__":  # spark-submit …/ghatnakram/spark.py INPUT --out OUT [options]
    from ghatnakram.cli import main

    main(["spark-run", *sys.argv[1:]])
