"""Article headlines: the outlet's own title, or one taken from the lead when there is none."""

from __future__ import annotations

import re

from .models import Article
from .normalize import split_sentences

MAX_WORDS = 20
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
# Clause boundaries at which a long lead sentence can be cut and still read as a headline.
_CLAUSE_BREAK = re.compile(r"[,;:—–]\s|\s(?:और|लेकिन|जबकि|क्योंकि|ताकि)\s")
_TRAILING = re.compile(r"[\s।॥.,;:!?—–-]+$")


def headline_for(article: Article) -> str:
    """The article's title if it has one; else its lead sentence, cut at a clause break to at most 20 words."""
    if article.title:
        return article.title
    sentences = split_sentences(article.text)
    return lead_headline(sentences[0]) if sentences else ""


def lead_headline(sentence: str) -> str:
    """A headline-length form of a lead sentence, without its closing danda.

    >>> lead_headline("राष्ट्रपति ने बुधवार को मॉस्को में पुतिन से मुलाकात की, जिसमें कई मुद्दों पर बातचीत हुई।")
    'राष्ट्रपति ने बुधवार को मॉस्को में पुतिन से मुलाकात की'
    """
    sentence = _TRAILING.sub("", _PARENTHESES.sub("", sentence))
    words = sentence.split()
    if len(words) <= MAX_WORDS:
        return sentence
    cut = " ".join(words[:MAX_WORDS])
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(cut) if len(cut[: m.start()].split()) >= 5]
    return _TRAILING.sub("", cut[: breaks[-1]] if breaks else cut)
