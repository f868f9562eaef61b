"""JSON Lines reader: one article object per line, as in the input contract of DESIGN.md."""

from __future__ import annotations

import json
from typing import BinaryIO, Iterator

from ..models import Article, Problem
from .common import MAX_RECORD_BYTES, BadInput, decode_utf8, make_article, problem

REQUIRED = ("id", "outlet", "text")


def read_jsonl(stream: BinaryIO, name: str) -> Iterator[Article | Problem]:
    """Yield one Article (or one Problem naming ``name:line``) per non-blank line of ``stream``."""
    seen_any = False
    for number, raw in enumerate(stream, start=1):
        where = f"{name}:{number}"
        if not raw.strip():
            continue
        if not seen_any and b"\x00" in raw[:8192]:
            yield Problem(name, "binary data, not JSON Lines: pass UTF-8 text with one JSON object per line")
            return  # one line for the whole file, not one per chunk of binary
        seen_any = True
        try:
            yield article_from_record(_parse_line(raw), where)
        except BadInput as exc:
            yield problem(where, exc)
    if not seen_any:
        yield Problem(name, "empty file: no JSON lines to read; remove it or fill it")


def _parse_line(raw: bytes) -> dict:
    if len(raw) > MAX_RECORD_BYTES:
        raise BadInput(f"line too long ({len(raw) / 1e6:.1f} MB > {MAX_RECORD_BYTES / 1e6:.0f} MB): one article per line")
    text = decode_utf8(raw)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"malformed JSON ({exc.msg} at column {exc.colno}): fix or remove this line") from None
    if not isinstance(record, dict):
        raise BadInput(f"expected a JSON object per line, got {type(record).__name__}: wrap the article in {{...}}")
    return record


def article_from_record(record: dict, where: str) -> Article:
    """An Article from a dict in the input contract, or :class:`BadInput` saying which field is wrong."""
    missing = [key for key in REQUIRED if record.get(key) in (None, "")]
    if missing == ["text"] and isinstance(record.get("title"), str) and record["title"].strip():
        missing = []  # a headline-only story (a brief) is still news: its title is its text
    if missing:
        raise BadInput(f"missing field(s) {', '.join(missing)}: every line needs id, outlet and text (or a title)")
    for key in ("outlet", "text", "title", "url"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise BadInput(f"field '{key}' must be a string, not {type(record[key]).__name__}")
    if not isinstance(record["id"], (str, int)) or isinstance(record["id"], bool):
        raise BadInput(f"field 'id' must be a string, not {type(record['id']).__name__}")
    return make_article(
        article_id=str(record["id"]).strip(),
        outlet=record["outlet"],
        text=record.get("text") or record["title"],
        title=record.get("title") or "",
        published=record.get("published"),
        url=record.get("url"),
        author=record.get("author") if isinstance(record.get("author"), str) else None,
        source=where,
    )
