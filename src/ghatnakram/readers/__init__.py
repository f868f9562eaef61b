"""Readers: every source (JSON Lines, text, HTML, RSS/Atom, folders, stdin, URLs) → Article records.

Each reader yields :class:`~ghatnakram.models.Article` or, for an input it cannot read,
a :class:`~ghatnakram.models.Problem` naming the input and what to do, and goes on
with the rest.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from ..models import Article, Problem
from .common import MAX_DOCUMENT_BYTES, BadInput, check_size, decode_utf8, problem
from .feed import fetch_url, read_feed
from .html import article_from_html
from .jsonl import article_from_record, read_jsonl
from .text import article_from_text, split_headline

__all__ = [
    "BadInput", "article_from_html", "article_from_record", "article_from_text", "read_feed",
    "read_jsonl", "read_path", "read_sources", "read_stream", "split_headline",
]

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
KNOWN_SUFFIXES = JSONL_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES


def read_sources(
    sources: Iterable[str], *, outlet: str | None = None, published: str | None = None
) -> Iterator[Article | Problem]:
    """Read files, folders (recursively), http(s) feed or page URLs, and ``-`` for stdin."""
    for source in sources:
        if source == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", outlet=outlet, published=published)
        elif source.startswith(("http://", "https://")):
            yield from _read_url(source, outlet=outlet)
        else:
            yield from read_path(Path(source), outlet=outlet, published=published)


def read_path(path: Path, *, outlet: str | None = None, published: str | None = None) -> Iterator[Article | Problem]:
    """Read one file, or every file of a known kind under a folder, in name order.

    In folders, hidden files and files whose suffix is not one of :data:`KNOWN_SUFFIXES`
    (images, scripts) are passed over; a file named directly is read whatever its suffix.
    """
    if path.is_dir():
        children = (p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES)
        for child in sorted(c for c in children if not _hidden(c, path)):
            yield from read_path(child, outlet=outlet, published=published)
        return
    if not path.exists():
        yield Problem(str(path), "no such file or folder: check the path")
        return
    if path.suffix.lower() == ".json" and _is_json_document(path):
        yield from read_json_document(path)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        with path.open("rb") as stream:
            yield from read_jsonl(stream, str(path))
        return
    try:
        check_size(path.stat().st_size, MAX_DOCUMENT_BYTES, "file")
        data = path.read_bytes()
    except (BadInput, OSError) as exc:
        yield problem(str(path), exc)
        return
    yield from _read_document(data, str(path), path=path, outlet=outlet, published=published)


def _is_json_document(path: Path) -> bool:
    """True when a .json file holds one JSON array (or a pretty-printed object), not JSON Lines."""
    with path.open("rb") as stream:
        start = stream.read(1024).lstrip()
    return start.startswith(b"[") or start.startswith(b"{\n") or start.startswith(b"{\r\n")


def read_json_document(path: Path) -> Iterator[Article | Problem]:
    """Read a .json file holding an array of article objects (or one object)."""
    try:
        check_size(path.stat().st_size, MAX_DOCUMENT_BYTES, "file")
        data = json.loads(decode_utf8(path.read_bytes()))
    except json.JSONDecodeError as exc:
        yield Problem(str(path), f"malformed JSON ({exc.msg} at line {exc.lineno}): fix the file, or use JSON Lines")
        return
    except (BadInput, OSError) as exc:
        yield problem(str(path), exc)
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        where = f"{path}[{number}]"
        try:
            if not isinstance(record, dict):
                raise BadInput(f"expected an article object, got {type(record).__name__}")
            yield article_from_record(record, where)
        except BadInput as exc:
            yield problem(where, exc)


def read_stream(
    stream: BinaryIO, name: str, *, outlet: str | None = None, published: str | None = None
) -> Iterator[Article | Problem]:
    """Read a stream whose kind is sniffed from its content (JSON Lines, feed, HTML or text)."""
    head = stream.read(4096)
    rest = io.BufferedReader(_Prefixed(head, stream))
    if head.lstrip()[:1] == b"{":
        yield from read_jsonl(rest, name)
        return
    data = rest.read(MAX_DOCUMENT_BYTES + 1)
    try:
        check_size(len(data), MAX_DOCUMENT_BYTES, "input")
    except BadInput as exc:
        yield problem(name, exc)
        return
    yield from _read_document(data, name, path=Path("stdin.txt"), outlet=outlet, published=published)


def _read_document(
    data: bytes, name: str, *, path: Path, outlet: str | None, published: str | None
) -> Iterator[Article | Problem]:
    kind = _kind(path.suffix.lower(), data)
    try:
        if kind == "feed":
            yield from read_feed(data, name, outlet=outlet)
        elif kind == "html":
            yield article_from_html(decode_html(data), name, outlet=outlet, folder_outlet=path.resolve().parent.name)
        elif kind == "jsonl":
            yield from read_jsonl(io.BytesIO(data), name)
        else:
            yield article_from_text(decode_utf8(data), path, outlet=outlet, published=published)
    except BadInput as exc:
        yield problem(name, exc)


def _read_url(url: str, *, outlet: str | None) -> Iterator[Article | Problem]:
    try:
        data = fetch_url(url)
        if _kind("", data) == "feed":
            yield from read_feed(data, url, outlet=outlet)
        else:
            yield article_from_html(decode_html(data), url, url=url, outlet=outlet)
    except BadInput as exc:
        yield problem(url, exc)


def _kind(suffix: str, data: bytes) -> str:
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    start = data.lstrip()[:512].lower()
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed")):
        return "feed" if (b"<rss" in start or b"<feed" in start or b"<rdf" in start) else "html"
    if start.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def decode_html(data: bytes) -> str:
    """HTML bytes to text: UTF-8 unless the page declares another charset."""
    if b"\x00" in data[:8192]:
        raise BadInput("binary data, not an HTML page")
    head = data[:2048].lower()
    for marker in (b"charset=", b'charset="'):
        at = head.find(marker)
        if at >= 0:
            charset = head[at + len(marker):].split(b'"')[0].split(b";")[0].split(b">")[0].strip(b"'\" /")
            if charset and charset not in (b"utf-8", b"utf8"):
                try:
                    return data.decode(charset.decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    break
    return decode_utf8(data)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


class _Prefixed(io.RawIOBase):
    """A raw stream that yields ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO):
        self._head, self._stream = head, stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n], self._head = self._head[:n], self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)
