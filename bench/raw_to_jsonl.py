"""Convert the raw Hindi newspaper files into JSON Lines in the input contract.

The raw files (``<YYYY-MM-DD>_<CODE>.txt``, one per outlet per day) hold several
stories each with no separators. A story starts at a *headline*: a short line
(at most ``--max-headline-words`` words) that does not end like a sentence
(danda, full stop, ?, !, quote), that starts a block (first line of the file or
after a blank line) and is followed either by a blank line or directly by a long
body line that ends like a sentence. The body is every following line up to the
next headline. Headlines with no body (related-story links) are dropped; text
before the first headline becomes a story whose title is its first line if that
line is short (a headline ending in ? or !), else a story without a title.

The data has no redistribution licence: write the output only under /tmp or
bench/out/ (git-ignored), never into the repository.

    python bench/raw_to_jsonl.py [RAW_DIR] -o /tmp/raw.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

# ../shared beside the repository, as on the development machines and in CI.
DEFAULT_RAW_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "newspapers-raw"
OUTLETS = {
    "AU": "Amar Ujala",
    "DH": "Dainik Hindustan",
    "DJ": "Dainik Jagran",
    "NT": "Navbharat Times",
    "PK": "Prabhat Khabar",
}
MAX_HEADLINE_WORDS = 25
MIN_BODY_LINE_WORDS = 20  # a body line directly under a headline (no blank between) is at least this long
_FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})_([A-Z]{2})\.txt$")
_SENTENCE_END = ("।", "॥", ".", "?", "!", ":", '"', "”", "'", "’", "|")


@dataclass
class Story:
    title: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Body paragraphs, one per line; runs of blank lines collapse to one paragraph break."""
        paragraphs = [line.strip() for line in self.lines if line.strip()]
        return "\n".join(paragraphs)


def _ends_like_sentence(line: str) -> bool:
    return line.rstrip().endswith(_SENTENCE_END)


def is_headline(lines: list[str], i: int, max_words: int = MAX_HEADLINE_WORDS) -> bool:
    """True when ``lines[i]`` looks like a story headline (see the module docstring)."""
    line = lines[i].strip()
    if not line or len(line.split()) > max_words or _ends_like_sentence(line):
        return False
    if i > 0 and lines[i - 1].strip():
        return False  # inside a block: a sub-heading, dateline or caption
    following = lines[i + 1].strip() if i + 1 < len(lines) else ""
    if not following:
        return True
    return len(following.split()) >= MIN_BODY_LINE_WORDS and _ends_like_sentence(following)


def split_stories(text: str, max_words: int = MAX_HEADLINE_WORDS) -> list[Story]:
    """Split one raw file into stories; stories with an empty body are dropped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    stories: list[Story] = []
    current = Story("")
    for i, line in enumerate(lines):
        if is_headline(lines, i, max_words):
            stories.append(current)
            current = Story(line.strip())
        else:
            current.lines.append(line)
    stories.append(current)
    lead = stories[0]
    first = next((line.strip() for line in lead.lines if line.strip()), "")
    if first and len(first.split()) <= max_words:
        # A file that opens with a headline ending in ? or ! (or a dateline): take it as the title.
        lead.title = first
        lead.lines = lead.lines[lead.lines.index(next(l for l in lead.lines if l.strip())) + 1 :]
    return [story for story in stories if story.text]


def records_for_file(path: Path, max_words: int = MAX_HEADLINE_WORDS) -> list[dict]:
    match = _FILE_NAME.match(path.name)
    if not match:
        raise ValueError(f"{path.name}: expected <YYYY-MM-DD>_<CODE>.txt")
    day, code = match.groups()
    outlet = OUTLETS[code]
    stories = split_stories(path.read_text(encoding="utf-8"), max_words)
    return [
        {"id": f"{day}-{code}-{n:03d}", "outlet": outlet, "published": day, "title": story.title, "text": story.text}
        for n, story in enumerate(stories, start=1)
    ]


def raw_files(raw_dir: Path) -> list[Path]:
    return sorted(p for p in raw_dir.iterdir() if _FILE_NAME.match(p.name))


def convert(raw_dir: Path, out_path: Path, max_words: int = MAX_HEADLINE_WORDS) -> dict:
    """Write every story of ``raw_dir`` to ``out_path``; return counts (files, stories, per outlet)."""
    files = raw_files(raw_dir)
    per_outlet: dict[str, int] = {}
    stories = 0
    untitled = 0
    with out_path.open("w", encoding="utf-8") as out:
        for path in files:
            for record in records_for_file(path, max_words):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                stories += 1
                untitled += not record["title"]
                per_outlet[record["outlet"]] = per_outlet.get(record["outlet"], 0) + 1
    return {"files": len(files), "stories": stories, "untitled": untitled, "per_outlet": per_outlet}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raw_dir", nargs="?", type=Path, default=DEFAULT_RAW_DIR, help="folder of raw files (default: %(default)s)")
    parser.add_argument("-o", "--output", type=Path, default=Path("/tmp/ghatnakram-raw.jsonl"),
                        help="JSON Lines file to write (default: %(default)s); keep it out of the repository")
    parser.add_argument("--max-headline-words", type=int, default=MAX_HEADLINE_WORDS,
                        help="longest line taken as a headline, in words (default: %(default)s)")
    parser.add_argument("--show", metavar="FILE", help="print the stories found in one raw file (by name) and exit")
    args = parser.parse_args(argv)

    if args.show:
        for record in records_for_file(args.raw_dir / args.show, args.max_headline_words):
            words = len(record["text"].split())
            print(f"--- {record['id']} ({words} words) | {record['title']}")
            print("    " + record["text"][:160].replace("\n", " / ") + ("…" if len(record["text"]) > 160 else ""))
        return 0

    counts = convert(args.raw_dir, args.output, args.max_headline_words)
    outlets = ", ".join(f"{name} {n}" for name, n in sorted(counts["per_outlet"].items()))
    print(f"{counts['stories']} stories from {counts['files']} files ({counts['untitled']} without a title) "
          f"-> {args.output}\n  per outlet: {outlets}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
