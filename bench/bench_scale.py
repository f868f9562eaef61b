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
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Iterator

from ghatnakram.analyze import Analyzer
from ghatnakram.ingest import ingest_items
from ghatnakram.models import Analysis, Article
from ghatnakram.pipeline import assign_events
from ghatnakram.readers.jsonl import read_jsonl
from ghatnakram.store import open_store

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev" / "dev.jsonl"
MARKER = " इस खबर की यह प्रति{copy} बेंचमार्क के लिए बनाई गई है।"
LETTERS = "कखगघचछजझटठडढतथदधनपफबभमयरलवशसह"  # copy numbers as words: content hashes ignore digits
CHUNK = 2000


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


def stream(bases: list[Article], spread: int) -> Iterator[tuple[Article, int]]:
    """(copy of a story, its copy number), in publication order, without end."""
    first = min(_day(b) for b in bases)
    by_offset: dict[int, list[Article]] = defaultdict(list)
    for story in sorted(bases, key=lambda b: (b.published or "", b.id)):
        by_offset[(_day(story) - first).days].append(story)
    span = max(by_offset) + 1
    day = 0
    while True:
        for copy in range(max(0, (day - span) // spread), day // spread + 1):
            for story in by_offset.get(day - copy * spread, ()):
                yield make_copy(story, copy, spread), copy
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


class ReusedAnalysis:
    """The analysis stage for copies: each story analysed once, its dates moved with the copy."""

    def __init__(self, analyzer: Analyzer, spread: int):
        self.analyzer = analyzer
        self.spread = spread
        self.cache: dict[str, Analysis] = {}

    def analyze(self, article: Article) -> Analysis:
        story, copy = article.id.rsplit("~", 1)
        if story not in self.cache:
            self.cache[story] = self.analyzer.analyze(replace(article, published=_shift(article.published, -int(copy) * self.spread)))
        analysis = self.cache[story]
        days = int(copy) * self.spread
        return replace(
            analysis,
            event_date=_shift(analysis.event_date, days),
            dates=tuple(replace(d, day=_shift(d.day, days)) for d in analysis.dates),
        )

    def entity_records(self, canonicals):
        return self.analyzer.entity_records(canonicals)


# --- phases ---------------------------------------------------------------------------------

def build(db: Path, bases: list[Article], size: int, spread: int) -> dict:
    """Grow the archive at ``db`` to ``size`` stories (continuing where it stands)."""
    store = open_store(db)
    have = store.count_articles()
    analysis = ReusedAnalysis(Analyzer.from_entities(store.load_entities()), spread)
    started = time.perf_counter()
    chunk: list[Article] = []
    for n, (article, _) in enumerate(stream(bases, spread)):
        if n < have:
            continue
        if n >= size:
            break
        chunk.append(article)
        if len(chunk) == CHUNK:
            _ingest_and_assign(chunk, store, analysis)
            chunk = []
    if chunk:
        _ingest_and_assign(chunk, store, analysis)
    seconds = time.perf_counter() - started
    added = store.count_articles() - have
    store.close()
    return {"size": size, "added": added, "seconds": round(seconds, 1), "articles_per_s": round(added / seconds, 1) if seconds else None}


def _ingest_and_assign(chunk: list[Article], store, analysis: ReusedAnalysis) -> None:
    report = ingest_items(chunk, store, analyzer=analysis)
    if report.problems:
        raise SystemExit(f"building the archive failed: {report.problems[0]}")
    assign_events(store)


def measure(db: Path, bases: list[Article], count: int, spread: int) -> dict:
    """Ingest ``count`` new stories one at a time, each followed by its online assignment."""
    started = time.perf_counter()
    store = open_store(db)
    size = store.count_articles()
    analyzer = Analyzer.from_entities(store.load_entities())
    assign_events(store)  # loads the assignment state (the queue is empty)
    startup = time.perf_counter() - started
    totals, assignment = [], []
    for n, (article, _) in enumerate(stream(bases, spread)):
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
    store.close()
    return {
        "archive": size,
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
    parser.add_argument("--phase", choices=["all", "measure"], default="all", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    bases = base_stories(args.dev)
    db = args.workdir / "archive.db"
    if args.phase == "measure":
        print(json.dumps(measure(db, bases, args.measure, args.spread)))
        return 0
    args.workdir.mkdir(parents=True, exist_ok=True)
    for size in sorted(args.sizes):
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
