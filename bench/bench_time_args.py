"""Day expressions found in incident news, checked against the disaster-events annotation.

The disaster-events corpus (../shared/data/disaster-events/train, never copied into the
repository) marks each incident's TIME argument ("मंगलवार रात", "3 फरवरी", "पिछले शुक्रवार",
"दोपहर 12 बजे"). This takes those that name a day (a weekday, a day of a month, आज / कल /
परसों, पिछले or अगले with a weekday) and asks whether :func:`ghatnakram.dates.find_dates`, run on
the whole document, finds a date mention overlapping the argument. It checks finding, not the day
resolved: the documents carry no publication date, so every document is read as published on
:data:`REFERENCE_DAY`. Arguments that name only a time of day, a year or a span are left out.

    python bench/bench_time_args.py [--corpus DIR] [--misses FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from ghatnakram.dates import find_dates

sys.path.insert(0, str(Path(__file__).resolve().parent))
from disaster_to_jsonl import ANNOTATED_DIR, annotated_arguments, write_misses  # noqa: E402

REFERENCE_DAY = "2020-06-30"

_WEEKDAY = r"(?:सोमवार|मंगलवार|बुधवार|बृहस्पतिवार|गुरुवार|शुक्रवार|शनिवार|रविवार)"
_MONTH = (r"(?:जनवरी|फरवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|"
          r"नवंबर|नवम्बर|दिसंबर|दिसम्बर)")
_NAMES_A_DAY = re.compile(rf"{_WEEKDAY}|[0-9०-९]{{1,2}}\s*{_MONTH}|{_MONTH}\s*[0-9०-९]{{1,2}}(?![0-9०-९])|(?<!\S)(?:आज|कल|परसों)(?!\S)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ANNOTATED_DIR)
    parser.add_argument("--misses", type=Path)
    args = parser.parse_args()
    tally, misses = Counter(), []
    for path, text, arguments in annotated_arguments(args.corpus, "TIME-ARG"):
        mentions = None
        for argument in arguments:
            start = text.find(argument)
            if not _NAMES_A_DAY.search(argument) or start < 0:
                continue
            if mentions is None:
                mentions = find_dates(text, REFERENCE_DAY)
            end = start + len(argument)
            found = any(m.start < end and start < m.end for m in mentions)
            tally["found" if found else "missed"] += 1
            if not found:
                line = next((ln for ln in text.split("\n") if argument in ln), "")
                misses.append({"file": path.name, "argument": argument, "line": line[:300]})
    total = sum(tally.values())
    print(f"day-naming TIME arguments: {total}; found {tally['found']} ({tally['found'] / max(total, 1):.3f}), "
          f"missed {tally['missed']}")
    if args.misses:
        write_misses(args.misses, misses)


if __name__ == "__main__":
    main()
