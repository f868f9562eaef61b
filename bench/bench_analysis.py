"""Analysis cost per article (issue 3): time of each analysis step on real Hindi news.

Runs the analysis stage (ghatnakram.analyze.Analyzer) over the stories of a labelled
events file (default ../shared/data/events-dev/dev.jsonl, which is never copied into the
repository), after the same cleaning ingest does, and prints mean / median / p95
milliseconds per article for each step and for the whole stage, plus NER tokens/s.

    python bench/bench_analysis.py [--events FILE] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from ghatnakram.analyze import attribute_quotes
from ghatnakram.canon import EntityResolver
from ghatnakram.clean import clean_article
from ghatnakram.dates import event_date, find_dates
from ghatnakram.event_type import classify_event_type
from ghatnakram.facts import find_quantities, find_quotes, find_recurrence
from ghatnakram.models import Article
from ghatnakram.ner import find_mentions, load_tagger
from ghatnakram.normalize import split_sentences, tokenize

DEFAULT_EVENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev" / "dev.jsonl"


def load_articles(path: Path) -> list[Article]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        raw = Article(id=row["id"], outlet=row["outlet"], title=row.get("title") or "", text=row["text"],
                      raw_text=row["text"], published=row.get("published"))
        articles.append(clean_article(raw))
    return articles


def time_steps(articles: list[Article]) -> dict[str, list[float]]:
    resolver = EntityResolver()
    steps: dict[str, list[float]] = {name: [] for name in
                                     ("ner", "entities", "dates", "event_date", "quotes", "quantities", "recurrence", "event_type", "total")}
    for article in articles:
        text, start = article.text, time.perf_counter()
        marks = [start]
        mentions = find_mentions(text); marks.append(time.perf_counter())
        mentions = resolver.resolve(mentions); marks.append(time.perf_counter())
        find_dates(text, article.published); marks.append(time.perf_counter())
        event_date(text, article.published, article.title); marks.append(time.perf_counter())
        attribute_quotes(find_quotes(text), mentions); marks.append(time.perf_counter())
        find_quantities(text); marks.append(time.perf_counter())
        find_recurrence(text, article.title); marks.append(time.perf_counter())
        classify_event_type(article.title, text); marks.append(time.perf_counter())
        for name, begin, end in zip(steps, marks, marks[1:]):
            steps[name].append((end - begin) * 1000)
        steps["total"].append((marks[-1] - start) * 1000)
    return steps


def ner_tokens_per_second(articles: list[Article], passes: int = 3) -> dict[str, float]:
    """Warm tagging speed, best of ``passes``: each article's sentences tagged together (as
    ``find_mentions`` does), and one sentence at a time."""
    tagger = load_tagger()
    documents = [[tokenize(s) for s in split_sentences(a.text)] for a in articles]
    tokens = sum(len(s) for d in documents for s in d)
    ways = {"per_article": lambda: [tagger.tag_sentences(d) for d in documents],
            "per_sentence": lambda: [tagger.tag(s) for d in documents for s in d]}
    speed = {}
    for name, tag_all in ways.items():
        seconds = []
        for _ in range(passes):
            start = time.perf_counter()
            tag_all()
            seconds.append(time.perf_counter() - start)
        speed[name] = tokens / min(seconds)
    return speed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=Path, default=DEFAULT_EVENTS, help="labelled events JSONL (default: %(default)s)")
    parser.add_argument("--json-out", type=Path, help="also write the summary here")
    args = parser.parse_args()
    articles = load_articles(args.events)
    load_tagger()
    time_steps(articles[:50])  # warm caches and lazy loads
    steps = time_steps(articles)
    summary = {"articles": len(articles)}
    print(f"{'step':12s} {'mean ms':>8s} {'median':>8s} {'p95':>8s}")
    for name, values in steps.items():
        values = sorted(values)
        row = {"mean": statistics.fmean(values), "median": statistics.median(values), "p95": values[int(0.95 * (len(values) - 1))]}
        summary[name] = {k: round(v, 3) for k, v in row.items()}
        print(f"{name:12s} {row['mean']:8.2f} {row['median']:8.2f} {row['p95']:8.2f}")
    speed = ner_tokens_per_second(articles)
    summary["ner_tokens_per_s"] = round(speed["per_article"])
    summary["ner_tokens_per_s_one_sentence_at_a_time"] = round(speed["per_sentence"])
    print(f"NER tagging, pre-tokenised, best of 3 warm passes: {speed['per_article']:,.0f} tokens/s with each article's "
          f"sentences tagged together (Tagger.tag_sentences), {speed['per_sentence']:,.0f} one sentence at a time (Tagger.tag)")
    print(json.dumps(summary))
    if args.json_out:
        args.json_out.write_text(json.dumps(summary, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
