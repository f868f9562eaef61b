"""Scale benchmark (issue 4): the cost of one more article as the archive grows to 10k, 100k, 1M.

The archive is synthetic, made from the labelled dev stories (../shared/data/events-dev/dev.jsonl,
read in place, never copied): copy ``c`` of every story is re-dated ``c * --spread`` days later
(711 stories over 76 days, a copy every 3 days: about 240 stories a day, a million stories
over 11 years, fed in publication order), gets a new id, and carries a marker sentence
naming its copy after every paragraph, so that no copy is the same text as another and no line
repeats (ingest would learn repeated lines as boilerplate). Near-duplicate detection still finds
earlier copies of a story, which keeps the LSH lookup busy as a worst case.

Building the archive runs the real ingest and online assignment, except for the analysis stage:
each story is analysed once and its analysis re-dated for every copy (NER on a million copies
would take hours and measures nothing new). Measuring runs everything, analysis included: at each
size a fresh process opens the store, loads the analyser and the assignment state (timed as
start-up), then ingests ``--measure`` further stories one at a time, each followed by its online
assignment, and reports per-article time (mean, p50, p99), the assignment's own latency (p50,
p99) and resident memory.

    python bench/bench_scale.py --sizes 10000 100000 1000000 --workdir /tmp/scale
"""

from __future__ import annotations

import argparse
import importlib
import json
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator
from unittest import mock

from ghatnakram.analyze import Analyzer, TextAnalysis, analyze_text
from ghatnakram.ingest import ingest_items
from ghatnakram.models import Article
from ghatnakram.pipeline import assign_events
from ghatnakram.readers.jsonl import read_jsonl
from ghatnakram.store import open_store

INGEST = importlib.import_module("ghatnakram.ingest")  # the package's `ingest` is the function
DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev" / "dev.jsonl"
MARKER = " इस खबर की यह प्रति{copy} बेंचमार्क के लिए बनाई गई है।"
LETTERS = "कखगघचछजझटठडढतथदधनपफबभमयरलवशसह"  # copy numbers as words: content hashes ignore digits
CHUNK = 2000
COMMIT_EVERY = 50_000


def vm_rss_mb(field: str = "VmRSS") -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


# --- the synthetic stream ------------------------------------------------------------------

def base_stories(path: Path) -> list[Article]:
    with path.open("rb") as stream:
        return [item for item in read_jsonl(stream, str(path)) if isinstance(item, Article)]


def stream(bases: list[Article], spread: int, start: int = 0) -> Iterator[tuple[Article, int]]:
    """(copy of a story, its copy number), in publication order, without end; the first ``start``
    are skipped (and yielded as ``None`` placeholders, so that positions stay countable)."""
    first = min(_day(b) for b in bases)
    by_offset: dict[int, list[Article]] = defaultdict(list)
    for story in sorted(bases, key=lambda b: (b.published or "", b.id)):
        by_offset[(_day(story) - first).days].append(story)
    span = max(by_offset) + 1
    day = 0
    while True:
        for copy in range(max(0, (day - span) // spread), day // spread + 1):
            for story in by_offset.get(day - copy * spread, ()):
                yield (make_copy(story, copy, spread) if start <= 0 else None), copy
                start -= 1
        day += 1


def make_copy(story: Article, copy: int, spread: int) -> Article:
    marker = MARKER.format(copy=_letters(copy))
    text = "\n".join(p + marker if p.strip() else p for p in story.text.split("\n"))
    return replace(story, id=f"{story.id}~{copy}", text=text, raw_text=None, published=_shift(story.published, copy * spread))


def _letters(number: int) -> str:
    word = LETTERS[number % len(LETTERS)]
    while number := number // len(LETTERS):
        word = LETTERS[number % len(LETTERS)] + word
    return word + "ा"


def _day(story: Article) -> date:
    return date.fromisoformat(story.published[:10])


def _shift(published: str | None, days: int) -> str | None:
    if not published:
        return published
    if len(published) == 10:
        return (date.fromisoformat(published) + timedelta(days=days)).isoformat()
    return (datetime.fromisoformat(published) + timedelta(days=days)).isoformat()


class ReusedTextAnalysis:
    """The text analysis for copies (in place of ``analyze_text``): each story analysed once,
    its dates moved with the copy. Entities are still resolved for every copy."""

    def __init__(self, spread: int):
        self.spread = spread
        self.cache: dict[str, TextAnalysis] = {}

    def __call__(self, article: Article) -> TextAnalysis:
        story, copy = article.id.rsplit("~", 1)
        if story not in self.cache:
            self.cache[story] = analyze_text(replace(article, published=_shift(article.published, -int(copy) * self.spread)))
        found = self.cache[story]
        days = int(copy) * self.spread
        return replace(
            found,
            event_date=_shift(found.event_date, days),
            dates=tuple(replace(d, day=_shift(d.day, days)) for d in found.dates),
        )


# --- phases ---------------------------------------------------------------------------------

POSITION = "bench.position"  # how many stories of the stream the archive has consumed


def _position(store) -> int:
    return int(store.get_state(POSITION) or 0)


def _set_position(store, position: int) -> None:
    with store.transaction():
        store.set_state(POSITION, str(position))


def build(db: Path, bases: list[Article], size: int, spread: int) -> dict:
    """Grow the archive at ``db`` to ``size`` stories (continuing where it stands)."""
    store = open_store(db)
    have, stored = _position(store), store.count_articles()
    analysis = ReusedTextAnalysis(spread)
    analyzer = Analyzer.from_entities(store.load_entities())
    started = time.perf_counter()
    chunk: list[Article] = []
    for n, (article, _) in enumerate(stream(bases, spread, start=have)):
        if n < have:
            continue
        if n >= size:
            break
        chunk.append(article)
        if len(chunk) == CHUNK:
            _ingest_and_assign(chunk, store, analyzer, analysis)
            chunk = []
    if chunk:
        _ingest_and_assign(chunk, store, analyzer, analysis)
    _set_position(store, max(have, size))
    seconds = time.perf_counter() - started
    added = store.count_articles() - stored
    store.close()
    return {"size": size, "added": added, "seconds": round(seconds, 1), "articles_per_s": round(added / seconds, 1) if seconds else None}


def bulk_fill(db: Path, bases: list[Article], size: int, spread: int, warm: int) -> dict:
    """Grow the archive to ``size`` fast: rows cloned from the stored copy of each story, then the last
    ``warm`` stories through the real ingest and assignment, so the open windows are real.

    Cloned copies get what real ones would leave in every growing table — the article with its
    re-dated analysis, MinHash signature and buckets, entity links, a closed event, a storyline
    row per story per 180 days, term document frequencies — and the vocabulary and the entity
    table grow as in real news (Heaps' law, ``V = k * N^0.6``), so that the state loaded at start-up
    and kept in memory is as large as a real archive's.
    """
    import sqlite3

    store = open_store(db)
    have = _position(store)
    store.close()
    target = size - warm
    started = time.perf_counter()
    if target > have:
        _clone_rows(db, bases, have, target, spread)
        store = open_store(db)
        _set_position(store, target)
        store.close()
    cloned = time.perf_counter() - started
    built = build(db, bases, size, spread)
    sqlite3.connect(db).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    return {**built, "cloned": max(0, target - have), "clone_seconds": round(cloned, 1)}


def _clone_rows(db: Path, bases: list[Article], start: int, stop: int, spread: int) -> None:
    import hashlib
    import sqlite3

    from ghatnakram.events import signature

    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    # A big page cache, and a commit every COMMIT_EVERY articles: one huge transaction would
    # spill the same index pages to the WAL again and again.
    con.execute("PRAGMA cache_size=-4000000")
    prototypes: dict[str, dict] = {}
    seq = con.execute("SELECT COALESCE(MAX(seq), 0) FROM articles").fetchone()[0]
    documents = int(con.execute("SELECT COALESCE((SELECT value FROM store_state WHERE key = 'events.documents'), 0)").fetchone()[0])
    terms: Counter = Counter()
    entity_count = con.execute("SELECT COUNT(*) FROM entities").fetchone()[0]
    template = json.loads(con.execute("SELECT state FROM entities WHERE type = 'PER' LIMIT 1").fetchone()[0])
    rows = defaultdict(list)
    con.execute("BEGIN")
    for n, (article, copy) in enumerate(stream(bases, spread)):
        if n < start:
            continue
        if n >= stop:
            break
        story = article.id.rsplit("~", 1)[0]
        proto = prototypes.get(story) or prototypes.setdefault(story, _prototype(con, story, signature))
        if proto is None:
            continue
        days = (date.fromisoformat(article.published[:10]) - proto["day"]).days
        seq += 1
        analysis = dict(proto["analysis"], event_date=_shift(proto["analysis"]["event_date"], days),
                        dates=[dict(d, day=_shift(d["day"], days)) for d in proto["analysis"]["dates"]])
        rows["articles"].append((article.id, seq, article.outlet, article.published, article.title, article.text, article.text,
                                 None, None, "bench", hashlib.sha1(article.id.encode()).hexdigest(), None, "bench",
                                 json.dumps(analysis, ensure_ascii=False)))
        rows["signatures"].append((article.id, proto["signature"]))
        rows["buckets"].extend((b, article.id) for b in proto["buckets"])
        rows["entities"].extend((article.id, c) for c in proto["canonicals"])
        event = "ev-" + hashlib.sha1(article.id.encode()).hexdigest()[:12]
        storyline = f"sl-bulk-{story}-{copy * spread // 180}"
        day = _shift(proto["day"].isoformat(), days)
        rows["labels"].append((article.id, event, storyline))
        rows["events"].append((event, storyline, article.published, day))
        rows["storylines"].append((storyline, day, proto["profile"]))
        terms.update(proto["terms"])
        documents += 1
        new_terms = int(40 * (n + 1) ** 0.6) - int(40 * n ** 0.6)
        terms.update(f"शब्द{_letters(n)}{i}" for i in range(new_terms))
        new_entities = int(20 * (n + 1) ** 0.6) - int(20 * n ** 0.6)
        for i in range(new_entities):
            entity_count += 1
            name = f"{template['name']} {_letters(entity_count)}"
            rows["entity_rows"].append((f"PER:bench-{entity_count}", "PER", name, name, None, 1,
                                        json.dumps(dict(template, id=f"PER:bench-{entity_count}", name=name, variants={name: 1}, count=1),
                                                   ensure_ascii=False)))
        if len(rows["articles"]) >= 5000:
            _flush(con, rows)
            if (n + 1 - start) % COMMIT_EVERY < 5000:
                con.execute("COMMIT")
                con.execute("BEGIN")
    _flush(con, rows)
    con.executemany("INSERT INTO term_frequencies VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents",
                    list(terms.items()))
    con.execute("INSERT OR REPLACE INTO store_state VALUES ('events.documents', ?)", (str(documents),))
    con.execute("COMMIT")
    con.close()


def _prototype(con, story: str, signature) -> dict | None:
    """What the stored copy of ``story`` left in the store, to clone."""
    from ghatnakram.store.sqlite import _article

    row = con.execute(
        "SELECT id, outlet, published, title, text, raw_text, url, author, source, content_hash, duplicate_of, analysis "
        "FROM articles WHERE id > ? AND id < ? ORDER BY seq DESC LIMIT 1", (story + "~", story + "~\x7f")
    ).fetchone()
    if row is None:
        return None
    article = _article(row)
    sig = signature(article)
    labels = con.execute("SELECT storyline_id FROM article_events WHERE article_id = ?", (article.id,)).fetchone()
    profile = con.execute("SELECT profile FROM storylines WHERE id = ?", (labels[0],)).fetchone() if labels else None
    signature_row = con.execute("SELECT signature FROM minhash_signatures WHERE article_id = ?", (article.id,)).fetchone()
    return {
        "day": date.fromisoformat(article.published[:10]),
        "analysis": json.loads(row[-1]),
        "signature": signature_row[0] if signature_row else b"",
        "buckets": [b for (b,) in con.execute("SELECT bucket FROM minhash_buckets WHERE article_id = ?", (article.id,))],
        "canonicals": [c for (c,) in con.execute("SELECT canonical FROM article_entities WHERE article_id = ?", (article.id,))],
        "terms": list(sig.terms),
        "profile": profile[0] if profile else "{}",
    }


def _flush(con, rows: dict) -> None:
    con.executemany("INSERT INTO articles (id, seq, outlet, published, title, text, raw_text, url, author, source, "
                    "content_hash, duplicate_of, ingested_at, analysis) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["articles"])
    con.executemany("INSERT INTO minhash_signatures VALUES (?, ?)", rows["signatures"])
    con.executemany("INSERT INTO minhash_buckets VALUES (?, ?)", rows["buckets"])
    con.executemany("INSERT OR IGNORE INTO article_entities VALUES (?, ?)", rows["entities"])
    con.executemany("INSERT INTO article_events VALUES (?, ?, ?)", rows["labels"])
    con.executemany("INSERT OR IGNORE INTO events (id, storyline_id, first_published, last_day, is_open) VALUES (?, ?, ?, ?, 0)", rows["events"])
    con.executemany("INSERT OR REPLACE INTO storylines (id, last_day, profile) VALUES (?, ?, ?)", rows["storylines"])
    con.executemany("INSERT OR IGNORE INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)", rows["entity_rows"])
    rows.clear()


def _ingest_and_assign(chunk: list[Article], store, analyzer: Analyzer, analysis: ReusedTextAnalysis) -> None:
    with mock.patch.object(INGEST, "analyze_text", analysis):  # ingest analyses in one process here
        report = ingest_items(chunk, store, analyzer=analyzer)
    if report.problems:
        raise SystemExit(f"building the archive failed: {report.problems[0]}")
    assign_events(store)


def measure(db: Path, bases: list[Article], count: int, spread: int) -> dict:
    """Ingest ``count`` new stories one at a time, each followed by its online assignment."""
    started = time.perf_counter()
    store = open_store(db)
    size = _position(store)
    analyzer = Analyzer.from_entities(store.load_entities())
    assign_events(store)  # loads the assignment state (the queue is empty)
    startup = time.perf_counter() - started
    totals, assignment = [], []
    for n, (article, _) in enumerate(stream(bases, spread, start=size)):
        if n < size:
            continue
        if len(totals) == count:
            break
        t0 = time.perf_counter()
        ingest_items([article], store, analyzer=analyzer)
        t1 = time.perf_counter()
        assign_events(store)
        t2 = time.perf_counter()
        totals.append(t2 - t0)
        assignment.append(t2 - t1)
    _set_position(store, size + count)
    archive = store.count_articles()
    store.close()
    return {
        "archive": archive,
        "startup_s": round(startup, 2),
        "per_article_ms": _stats(totals),
        "assignment_ms": _stats(assignment),
        "rss_mb": round(vm_rss_mb(), 1),
        "peak_rss_mb": round(vm_rss_mb("VmHWM"), 1),
    }


def _stats(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    return {
        "mean": round(statistics.fmean(ms), 2),
        "p50": round(ms[len(ms) // 2], 2),
        "p99": round(ms[min(len(ms) - 1, int(len(ms) * 0.99))], 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="labelled dev stories to copy (default: ../shared)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--measure", type=int, default=300, help="stories ingested one by one at each size")
    parser.add_argument("--spread", type=int, default=3, help="days between two copies of a story")
    parser.add_argument("--workdir", type=Path, required=True, help="where the archive database goes (not the repo)")
    parser.add_argument("--fill", choices=["real", "clone"], default="real",
                        help="real: every story through ingest (slow); clone: rows cloned, the last --warm stories real")
    parser.add_argument("--warm", type=int, default=3000, help="with --fill clone: stories ingested for real before measuring")
    parser.add_argument("--phase", choices=["all", "measure"], default="all", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    bases = base_stories(args.dev)
    db = args.workdir / "archive.db"
    if args.phase == "measure":
        print(json.dumps(measure(db, bases, args.measure, args.spread)))
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    for size in sorted(args.sizes):
        if args.fill == "clone":
            built = bulk_fill(db, bases, size, args.spread, args.warm)
        else:
            built = build(db, bases, size, args.spread)
        print(json.dumps({"built": built}), flush=True)
        # Measured in a fresh process, so its memory is that of a server opening this archive.
        out = subprocess.run(
            [sys.executable, __file__, "--phase", "measure", "--workdir", str(args.workdir), "--dev", str(args.dev),
             "--measure", str(args.measure), "--spread", str(args.spread)],
            check=True, capture_output=True, text=True,
        ).stdout
        print(json.dumps({"measured": json.loads(out.strip().splitlines()[-1]), "db_mb": round(db.stat().st_size / 2**20)}), flush=True)
        # The measured stories are now part of the archive; the next build continues after them.
    return 0


if __name__ == "__main__":
    sys.exit(main())
