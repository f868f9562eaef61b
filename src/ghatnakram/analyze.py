"""Analysis stage: the structured facts events, storylines and outlet comparison are built from.

For one cleaned article: named entities (trained CRF) joined to canonical entities across
spellings and articles, resolved dates and the event date, attributed quotes, numbers
with what they count, the recurrence cue of the main event, and its event type.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .canon import EntityResolver
from .dates import event_date, find_dates
from .event_type import classify_event_type
from .facts import find_quantities, find_quotes, find_recurrence
from .models import Analysis, Article, Mention, Quote
from .ner import find_mentions, load_tagger


class Analyzer:
    """Runs every analysis step on an article; holds the entity resolver across articles.

    :param resolver: known entities to resolve against (default: none yet).
    """

    def __init__(self, resolver: EntityResolver | None = None):
        self.resolver = resolver or EntityResolver()
        load_tagger()  # fail at start, not on the first article, if the model is missing

    @classmethod
    def from_entities(cls, entities: Iterable[dict]) -> "Analyzer":
        """An analyzer resolving against stored entities (as :meth:`entity_records` gives them)."""
        from .canon import STATE_VERSION

        return cls(EntityResolver.from_state({"version": STATE_VERSION, "entities": list(entities)}))

    def analyze(self, article: Article) -> Analysis:
        text = article.text
        mentions = self.resolver.resolve(find_mentions(text), text)
        return Analysis(
            entities=tuple(mentions),
            dates=tuple(find_dates(text, article.published)),
            event_date=event_date(text, article.published, article.title),
            quotes=tuple(attribute_quotes(find_quotes(text), mentions)),
            quantities=tuple(find_quantities(text)),
            recurrence=find_recurrence(text, article.title),
            event_type=classify_event_type(article.title, text),
        )

    def entity_records(self, canonicals: Iterable[str]) -> list[dict]:
        """The resolver's plain-data form of these entities, with name and Latin form, for storing."""
        records = []
        for canonical in canonicals:
            entity = self.resolver.entities_.get(canonical)
            if entity is not None:
                records.append({**entity.to_dict(), "name": entity.name, "latin": _latin(entity)})
        return records


def _latin(entity) -> str:
    from .translit import to_latin

    return to_latin(entity.name)


def attribute_quotes(quotes: list[Quote], mentions: list[Mention]) -> list[Quote]:
    """Link each quote's speaker to the canonical entity named in it, preferring a person."""
    linked = []
    for quote in quotes:
        named = [m for m in mentions if m.canonical and m.text in quote.speaker]
        named.sort(key=lambda m: (m.type != "PER", -len(m.text)))
        linked.append(replace(quote, speaker_canonical=named[0].canonical) if named else quote)
    return linked
