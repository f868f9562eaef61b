"""A rough check of the NER tagger on news text it was not trained on: disaster-event places.

Run from the repository root (reads ../shared/data/disaster-events/train, never copied):

    python training/ner_news_check.py [--model FOLDER] [--data ../shared/data/disaster-events/train]

The disaster-event corpus marks the place where each incident happened (``PLACE-ARG``) in
Hindi news stories. Its places are not all names (संसद, घर, "सड़क पर"), so the recall of
one- and two-word place arguments found exactly as LOC mentions is only a proxy, useful to
compare two models on news rather than as a score. A place argument counts as found when a LOC
mention lies inside it ("बागेश्वर जिले" by बागेश्वर; the corpus leaves punctuation on words). Also printed: PER/LOC/ORG mentions per
1,000 tokens, a guard against a model that buys recall by tagging everything.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from ghatnakram.ner import find_mentions, load_tagger, load_tagger_from

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "disaster-events" / "train"

_PARAGRAPH = re.compile(r"<P>(.*?)</P>", re.S)
_PIECE = re.compile(r"<PLACE-ARG[^>]*>|</PLACE-ARG>|<W>\s*(.*?)\s*</W>", re.S)


def document_text(xml: str) -> tuple[str, list[tuple[int, int]]]:
    """The story's words joined by spaces (a line per paragraph) and the character span of each place argument."""
    lines: list[str] = []
    places: list[tuple[int, int]] = []
    offset = 0
    for paragraph in _PARAGRAPH.findall(xml):
        words: list[str] = []
        length, opened = 0, None
        for match in _PIECE.finditer(paragraph):
            piece = match.group(0)
            if piece.startswith("<PLACE-ARG"):
                opened = offset + length + (1 if words else 0)
            elif piece == "</PLACE-ARG>":
                if opened is not None and offset + length > opened:
                    places.append((opened, offset + length))
                opened = None
            elif match.group(1):
                length += len(match.group(1)) + (1 if words else 0)
                words.append(match.group(1))
        line = " ".join(words)
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), places


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="folder with the NER model files (default: the shipped model)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", type=int, default=0, help="print this many missed places")
    args = parser.parse_args(argv)
    tagger = load_tagger_from(args.model) if args.model else load_tagger()
    counts: Counter = Counter()
    missed: list[str] = []
    for path in sorted(args.data.glob("*.xml")):
        text, places = document_text(path.read_text(encoding="utf-8", errors="replace"))
        mentions = find_mentions(text, tagger)
        counts["tokens"] += len(text.split())
        counts.update(m.type for m in mentions)
        found = [(m.start, m.end) for m in mentions if m.type == "LOC"]
        for start, end in places:
            if len(text[start:end].split()) > 2:
                continue
            hit = any(start <= a and b <= end for a, b in found)
            counts["places"] += 1
            counts["found"] += hit
            if not hit:
                missed.append(text[start:end])
    print(f"short place arguments with a LOC mention inside: {counts['found']}/{counts['places']} = "
          f"{counts['found'] / max(counts['places'], 1):.3f}")
    per_k = {kind: 1000 * counts[kind] / max(counts["tokens"], 1) for kind in ("PER", "LOC", "ORG")}
    print("mentions per 1,000 tokens: " + "  ".join(f"{k} {v:.1f}" for k, v in per_k.items()))
    for text in missed[: args.show]:
        print("  missed:", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
