"""List the event-date errors on a labelled JSONL file (events-dev shape), for reading.

For each story whose predicted event_date differs from the gold one: gold, predicted,
publication day, outlet, title, the lead sentences, and every date mention with its vote
and why it did (not) vote. Usage:

    PYTHONPATH=src python bench/date_errors.py ../shared/data/events-dev/dev.jsonl [--all] [--lead N]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from datetime import date

from ghatnakram import dates
from ghatnakram.normalize import split_sentences


def why(found, in_title, pub) -> str:
    reasons = []
    if not found.exact:
        reasons.append("not-exact")
    if found.anchor:
        reasons.append("anchor")
    if found.pluperfect:
        reasons.append("pluperfect")
    if found.dateline:
        reasons.append("dateline")
    if pub is not None:
        before = (pub - date.fromisoformat(found.mention.day)).days
        if not 0 <= before <= dates.EVENT_WINDOW_DAYS:
            reasons.append(f"out-of-window({before})")
    if found.at_day:
        reasons.append("at-day")
    if in_title:
        reasons.append("title")
    return ",".join(reasons)


def describe(story: dict, lead: int) -> str:
    text, title, published = story.get("text") or "", story.get("title") or "", story.get("published")
    pub = dates.publication_day(published)
    gold = story["gold"]["event_date"]
    predicted = dates.event_date(text, published, title)
    lines = [
        f"== {story['id']} {story['outlet']}  pub={published}  gold={gold}  pred={predicted}"
        f"  gold-pub={(pub - date.fromisoformat(gold)).days if pub and gold else None}",
        f"   T: {title}",
    ]
    for i, sentence in enumerate(split_sentences(text)[:lead]):
        lines.append(f"   {i}: {sentence[:300]}")
    for found, in_title in dates._event_candidates(text, title, published):
        m = found.mention
        vote = dates._vote(found, in_title, pub)
        mark = "*" if m.day == gold else " "
        context = (title if in_title else text)[max(m.start - 30, 0) : m.end + 40].replace("\n", " ")
        lines.append(f"   {mark} s{m.sentence:<3} {m.kind:8} {m.text!r:16} {m.day} vote={vote:.2f} [{why(found, in_title, pub)}]  …{context}…")
    return "\n".join(lines)


def error_class(story: dict, predicted: str | None) -> str:
    """Why a story's event date is wrong, in the classes BENCHMARKS.md reports."""
    text, title, published = story.get("text") or "", story.get("title") or "", story.get("published")
    pub = dates.publication_day(published)
    gold = story["gold"]["event_date"]
    found = [(f, t) for f, t in dates._event_candidates(text, title, published) if f.mention.day == gold]
    voting = [(f, t) for f, t in found if dates._vote(f, t, pub) > 0]
    if pub is not None and gold == pub.isoformat():
        return "gold is the publication day, another day won"
    if not found:
        return "gold day never mentioned" + (" (day before publication)" if pub and (pub - date.fromisoformat(gold)).days == 1 else "")
    return "gold day mentioned and voting, outvoted" if voting else "gold day mentioned, excluded"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--all", action="store_true", help="list right answers too")
    parser.add_argument("--lead", type=int, default=4)
    args = parser.parse_args()
    stories = {}
    with open(args.path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                story = json.loads(line)
                stories[story["id"]] = story
    lags, classes = Counter(), Counter()
    wrong = 0
    for story in stories.values():
        gold = story["gold"].get("event_date")
        if not gold:
            continue
        predicted = dates.event_date(story.get("text") or "", story.get("published"), story.get("title") or "")
        if predicted == gold and not args.all:
            continue
        wrong += predicted != gold
        if predicted != gold:
            classes[error_class(story, predicted)] += 1
        pub = dates.publication_day(story.get("published"))
        lags[(pub - date.fromisoformat(gold)).days] += 1
        print(describe(story, args.lead))
        print()
    print(f"# {wrong} wrong; gold lag (pub - gold) among listed: {sorted(lags.items())}")
    for name, count in classes.most_common():
        print(f"# {count:4d}  {name}")


if __name__ == "__main__":
    main()
