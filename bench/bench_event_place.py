"""Where an incident happened, as the event signature reads it, checked against the disaster-events annotation.

The disaster-events corpus (../shared/data/disaster-events/train, never copied into the
repository) marks the place of each incident (``PLACE-ARG``: "औरेया जिले में दिल्ली-हावड़ा रेल
ट्रैक", "बांग्लादेश की मेघना नदी") in Hindi news of many kinds and places. Events are told apart
by where they happened, so this asks whether the place of an article's signature
(:func:`ghatnakram.events.signature`, the state or country it is rolled up to) is one of the
places its annotated arguments name, rolled up the same way. A document's first paragraph is
its title when it is short and has no danda; documents whose arguments name no place the
gazetteer knows (संसद, "घर", a village) are left out. A rough check: an argument may name a
second place ("लखनऊ से दिल्ली"), and opinion pieces name several.

    python bench/bench_event_place.py [--corpus DIR] [--misses FILE]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from ghatnakram.analyze import Analyzer
from ghatnakram.events import places_in, rolled_up, signature
from ghatnakram.models import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from disaster_to_jsonl import ANNOTATED_DIR, annotated_arguments, write_misses  # noqa: E402

REFERENCE_DAY = "2020-06-30"
TITLE_WORDS = 16


def article_of(name: str, text: str) -> Article:
    """The document as an article: its first paragraph is the title when it reads as one."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    title = ""
    if len(paragraphs) > 1 and len(paragraphs[0].split()) <= TITLE_WORDS and "।" not in paragraphs[0]:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    return Article(id=name, outlet="disaster-events", text="\n".join(paragraphs), title=title, published=REFERENCE_DAY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ANNOTATED_DIR)
    parser.add_argument("--misses", type=Path)
    args = parser.parse_args()
    analyzer = Analyzer()
    tally, misses = Counter(), []
    for path, text, arguments in annotated_arguments(args.corpus, "PLACE-ARG"):
        annotated = {rolled_up(place) for argument in arguments for place in places_in(argument)}
        if not annotated or not text.strip():
            continue
        article = article_of(path.stem, text)
        place = signature(replace(article, analysis=analyzer.analyze(article))).place
        outcome = "right" if place in annotated else "none" if place is None else "wrong"
        tally[outcome] += 1
        if outcome != "right":
            misses.append({"file": path.name, "place": place, "annotated": sorted(annotated),
                           "arguments": arguments[:6], "title": article.title, "lead": article.text[:300]})
    total = sum(tally.values())
    print(f"documents with a known annotated place: {total}; signature place among them {tally['right']} "
          f"({tally['right'] / max(total, 1):.3f}), another place {tally['wrong']}, none {tally['none']}")
    if args.misses:
        write_misses(args.misses, misses)


if __name__ == "__main__":
    main()
