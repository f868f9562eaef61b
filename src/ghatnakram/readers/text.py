"""Plain text reader: one article per file, headline on the first or the last line."""

from __future__ import annotations

import re
from pathlib import Path

from ..clean import is_promo_line
from ..models import Article
from ..normalize import DANDA, DOUBLE_DANDA, normalize_text
from .common import make_article

HEADLINE_MAX_WORDS = 30
_SENTENCE_FINAL = (DANDA, DOUBLE_DANDA, ".", "?", "!", "…", "\u201d", '"')


def looks_like_headline(line: str) -> bool:
    """A headline is short, one line, and does not end like a sentence of running text.

    >>> looks_like_headline("सीरियाई नेता अल-शरा ने पुतिन से मुलाकात की:दोनों नेता पहली बार आमने-सामने आए")
    True
    >>> looks_like_headline("सीरिया के राष्ट्रपति ने मॉस्को में पुतिन से मुलाकात की।")
    False
    """
    line = line.strip()
    words = line.split()
    return 2 <= len(words) <= HEADLINE_MAX_WORDS and not line.endswith(_SENTENCE_FINAL) and not is_promo_line(line)


def split_headline(text: str) -> tuple[str, str]:
    """Split ``(headline, body)`` from a text file's content.

    The first line is the headline if it looks like one and more lines follow; else
    the last line (after promo lines are set aside), as some outlets print it there.
    Without either, the headline is empty and a later stage writes one.
    """
    lines = [line for line in normalize_text(text).split("\n") if line.strip()]
    if len(lines) < 2:
        return "", "\n".join(lines)
    if looks_like_headline(lines[0]):
        return lines[0], "\n".join(lines[1:])
    story = [line for line in lines if not is_promo_line(line)]
    if len(story) >= 2 and looks_like_headline(story[-1]) and len(story[-1]) < len(max(story, key=len)):
        last = len(lines) - 1 - lines[::-1].index(story[-1])
        return story[-1], "\n".join(lines[:last] + lines[last + 1 :])
    return "", "\n".join(lines)


def article_from_text(
    content: str, path: Path, *, outlet: str | None = None, published: str | None = None
) -> Article:
    """An Article from a text file: id from the file name, outlet from ``outlet`` or the folder name."""
    title, body = split_headline(content)
    return make_article(
        article_id=re.sub(r"\s+", "_", path.stem),
        outlet=outlet or path.resolve().parent.name,
        title=title,
        text=body,
        published=published,
        source=str(path),
    )
