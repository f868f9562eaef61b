"""Analysis stage: the structured facts events, storylines and outlet comparison are built from.

For one cleaned article: named entities (trained CRF) joined to canonical entities across
spellings and articles, resolved dates and the event date, attributed quotes, numbers
with what they count, the recurrence cue of the main event, and its event type.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from .canon import EntityResolver, latin_name
from .dates import event_date, find_dates
from .event_type import classify_event_type
from .facts import find_quantities, find_quotes, find_recurrence
from .models import Analysis, Article, DateMention, Mention, Quantity, Quote, Recurrence
from .ner import find_mentions, find_mentions_in_texts, load_tagger
from .places import load_indexes as load_place_indexes


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
        return self.complete(analyze_text(article), article.text)

    def complete(self, found: "TextAnalysis", text: str) -> Analysis:
        """The analysis of an article from what its text alone gave: entities resolved, quotes linked.

        This is the step that learns from every article (the resolver), so it runs in
        article order; :func:`analyze_text` may run anywhere beforehand.
        """
        mentions = self.resolver.resolve(found.mentions, text)
        return Analysis(
            entities=tuple(mentions),
            dates=found.dates,
            event_date=found.event_date,
            quotes=tuple(attribute_quotes(list(found.quotes), mentions)),
            quantities=found.quantities,
            recurrence=found.recurrence,
            event_type=found.event_type,
        )

    def entity_records(self, canonicals: Iterable[str]) -> list[dict]:
        """The resolver's plain-data form of these entities, with name and Latin form, for storing."""
        records = []
        for canonical in canonicals:
            entity = self.resolver.entities_.get(canonical)
            if entity is not None:
                records.append({**entity.to_dict(), "name": entity.name, "latin": latin_name(entity)})
        return records


@dataclass(frozen=True)
class TextAnalysis:
    """What the analysis finds in one article's text alone, before entities are resolved
    against the others: a pure function of the article, so it can run in another process."""

    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    event_date: str | None
    quotes: tuple[Quote, ...]
    quantities: tuple[Quantity, ...]
    recurrence: Recurrence | None
    event_type: str


def analyze_text(article: Article) -> TextAnalysis:
    """Named entities (unresolved), dates and the event date, quotes, numbers, recurrence, event type."""
    return _analysis_of_text(article, find_mentions(article.text))


def analyze_texts(articles: Sequence[Article]) -> list[TextAnalysis]:
    """:func:`analyze_text` of each article, their sentences tagged for names together (faster)."""
    found = find_mentions_in_texts([article.text for article in articles])
    return [_analysis_of_text(article, mentions) for article, mentions in zip(articles, found)]


def _analysis_of_text(article: Article, mentions: list[Mention]) -> TextAnalysis:
    text = article.text
    return TextAnalysis(
        mentions=tuple(mentions),
        dates=tuple(find_dates(text, article.published)),
        event_date=event_date(text, article.published, article.title),
        quotes=tuple(find_quotes(text)),
        quantities=tuple(find_quantities(text)),
        recurrence=find_recurrence(text, article.title),
        event_type=classify_event_type(article.title, text),
    )


WARM_UP_TEXT = "लखनऊ में बुधवार को नगर निगम ने 12 सड़कों की मरम्मत के लिए नया अभियान शुरू किया।"


def warm_up() -> None:
    """Load every model and table the text analysis reads, by analysing one short article.

    Processes forked afterwards share them instead of each loading its own copy.
    """
    analyze_text(Article(id="warm-up", outlet="", title="नगर निगम का अभियान", text=WARM_UP_TEXT, published="2026-01-28"))
    load_place_indexes()  # built lazily: the warm-up text looks up no name in them


def attribute_quotes(quotes: list[Quote], mentions: list[Mention]) -> list[Quote]:
    """Link each quote's speaker to the canonical entity named in it, preferring a person, then the longest name."""
    if not quotes:
        return []  # most articles quote no one: their mentions need no ranking
    preferred = sorted((m for m in mentions if m.canonical), key=lambda m: (m.type != "PER", -len(m.text)))
    names: dict[str, str] = {}  # each name once (a story names its people many times), in order of preference
    for mention in preferred:
        names.setdefault(mention.text, mention.canonical)
    linked = []
    for quote in quotes:
        canonical = next((canonical for name, canonical in names.items() if name in quote.speaker), None)
        linked.append(replace(quote, speaker_canonical=canonical) if canonical else quote)
    return linked
