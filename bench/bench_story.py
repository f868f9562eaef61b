"""Event summaries and outlet comparison on the multi-outlet events of events-dev (issue 5).

Groups the stories of a labelled events file (default ../shared/data/events-dev/dev.jsonl,
never copied into the repository) by their gold event, analyses every story as ingest does
(cleaning, then the analysis stage with one entity resolver, in publication order), and for
each event with two or more outlets times the event headline, summary and outlet comparison.
Prints milliseconds per event and the number of conflicts; with ``--conflicts FILE`` writes
every conflict (outlets, values, sentences) as readable text for checking by hand.

    python bench/bench_story.py [--events FILE] [--conflicts FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import replace
from pathlib import Path

from ghatnakram.analyze import Analyzer
from ghatnakram.clean import clean_article
from ghatnakram.compare import compare_outlets
from ghatnakram.models import Article
from ghatnakram.summarize import event_headline, event_summary

DEFAULT_EVENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev" / "dev.jsonl"


def load_events(path: Path) -> dict[str, list[Article]]:
    """Gold event → its analysed articles, analysed in publication order with one resolver."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows.sort(key=lambda r: (r.get("published") or "", r["id"]))
    analyzer = Analyzer()
    events: dict[str, list[Article]] = {}
    for row in rows:
        article = clean_article(Article(id=row["id"], outlet=row["outlet"], title=row.get("title") or "",
                                        text=row["text"], raw_text=row["text"], published=row.get("published")))
        events.setdefault(row["gold"]["event"], []).append(replace(article, analysis=analyzer.analyze(article)))
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=Path, default=DEFAULT_EVENTS)
    parser.add_argument("--conflicts", type=Path, help="write every conflict here for reading")
    args = parser.parse_args()
    events = {e: a for e, a in load_events(args.events).items() if len({x.outlet for x in a}) > 1}
    summary_ms, compare_ms, conflicts = [], [], []
    for event, articles in events.items():
        start = time.perf_counter()
        event_headline(articles)
        event_summary(articles)
        summary_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        comparison = compare_outlets(articles)
        compare_ms.append((time.perf_counter() - start) * 1000)
        conflicts += [(event, c) for c in comparison.conflicts]
    kinds: dict[str, int] = {}
    for _, conflict in conflicts:
        kinds[conflict["kind"]] = kinds.get(conflict["kind"], 0) + 1
    print(f"multi-outlet events: {len(events)} ({sum(len(a) for a in events.values())} stories)")
    for name, values in (("headline + summary", summary_ms), ("comparison", compare_ms)):
        print(f"{name:20s} ms/event mean {statistics.mean(values):.2f}  median {statistics.median(values):.2f}  "
              f"p95 {sorted(values)[int(0.95 * (len(values) - 1))]:.2f}")
    print(f"conflicts: {len(conflicts)} in {len({e for e, _ in conflicts})} events; by kind {kinds}")
    if args.conflicts:
        with args.conflicts.open("w", encoding="utf-8") as out:
            for number, (event, conflict) in enumerate(conflicts, 1):
                out.write(f"#{number} {event} · {conflict['about']}\n")
                for claim in conflict["claims"]:
                    out.write(f"    {claim['outlet']} [{claim['article']}]: {claim['value']} — {claim['sentence']}\n")
                out.write("\n")


if __name__ == "__main__":
    main()
