"""Convert the dated documents of the disaster-events corpus into JSON Lines in the input contract.

News of another kind than dev's COVID-19 stories: storms, earthquakes, attacks and accidents
that Navbharat Times reported in 2002–2010. Only a document whose file name carries its date
(``navbharat_YYYY_M_D_<id>``) is written; the others have none. A document is its paragraphs,
one line each (the words of the annotated files, the text of the unannotated ones); it has no
title. Running the pipeline on it shows what events and storylines look like on general news
(read them: the corpus has no cross-document labels).

The data has no redistribution licence: write the output only under /tmp or bench/out/
(git-ignored), never into the repository.

    python bench/disaster_to_jsonl.py -o /tmp/disaster.jsonl
    ghatnakram run /tmp/disaster.jsonl --db /tmp/disaster.db --out /tmp/disaster.out
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "disaster-events"
ANNOTATED_DIR = DEFAULT_DIR / "train"  # the annotated documents the benches check the analysis against
_DATED = re.compile(r"navbharat_(\d{4})_(\d{1,2})_(\d{1,2})_(\d+)")
_PARAGRAPH = re.compile(r"<P>(.*?)</P>", re.S)
_WORD = re.compile(r"<W>\s*(.*?)\s*</W>", re.S)
_TAG = re.compile(r"<[^>]+>")


def document_text(xml: str) -> str:
    """The paragraphs of one document, a line each, entities unescaped."""
    lines = []
    for paragraph in _PARAGRAPH.findall(xml):
        words = _WORD.findall(paragraph)
        line = " ".join(html.unescape(" ".join(words) if words else _TAG.sub(" ", paragraph)).split())
        if line:
            lines.append(line)
    return "\n".join(lines)


def annotated_arguments(folder: Path, tag: str):
    """For each annotated document of ``folder`` (its *.xml files, in name order; one that does not
    parse is passed over): its path, its text (its paragraphs' words, a line each) and the texts of
    its ``tag`` arguments (CASUALTIES-ARG, TIME-ARG …)."""
    for path in sorted(folder.glob("*.xml")):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        yield path, "\n".join(_words_of(p) for p in root.iter("P")), [_words_of(a) for a in root.iter(tag)]


def write_misses(path: Path, misses: list[dict]) -> None:
    """A bench's misses as JSON Lines, to read them (under /tmp or bench/out/: they quote the corpus)."""
    path.write_text("\n".join(json.dumps(m, ensure_ascii=False) for m in misses) + "\n", encoding="utf-8")


def _words_of(element) -> str:
    return " ".join(w.text.strip() for w in element.iter("W") if w.text and w.text.strip())


def dated_documents(folder: Path) -> list[dict]:
    """One input record per dated document of ``folder``'s train/ and unannotated/, by id."""
    records: dict[str, dict] = {}
    for path in sorted(p for sub in ("train", "unannotated") for p in (folder / sub).glob("*") if p.is_file()):
        match = _DATED.search(path.name)
        if not match:
            continue
        year, month, day, number = match.groups()
        published = f"{year}-{int(month):02d}-{int(day):02d}"
        text = document_text(path.read_text(encoding="utf-8", errors="replace"))
        if text:  # the two folders share some documents: one record per id
            records.setdefault(f"nbt-{published}-{number}", {
                "id": f"nbt-{published}-{number}", "outlet": "Navbharat Times", "published": published, "text": text})
    return list(records.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("-o", "--out", type=Path, required=True, help="JSONL to write (under /tmp or bench/out/)")
    args = parser.parse_args(argv)
    records = dated_documents(args.folder)
    with args.out.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {len(records)} dated documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
