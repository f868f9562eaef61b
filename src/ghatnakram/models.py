"""The data model shared by every stage: plain frozen dataclasses, no database rows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as it travels through the pipeline.

    ``published`` is an ISO 8601 string: a date (``2026-01-28``) or a datetime with
    its offset (``2026-01-28T10:15:00+05:30``), or None when the source gave none.
    ``raw_text`` is the body as read; ``text`` is the cleaned body (set by the clean stage).
    ``source`` names where the article was read from, e.g. ``feeds/today.jsonl:12``.
    """

    id: str
    outlet: str
    text: str
    title: str = ""
    published: str | None = None
    url: str | None = None
    author: str | None = None
    raw_text: str = ""
    source: str = ""
    content_hash: str = ""
    duplicate_of: str | None = None
    analysis: "Analysis | None" = None

    def to_dict(self) -> dict:
        return asdict(self)


# Sorts after every ISO 8601 date: an article whose publication is unknown is assigned after the
# dated ones, as an online stream meets it (when it arrives), and cannot open an event they join.
UNKNOWN_PUBLICATION = "~"


def publication_order(published: str | None) -> str:
    """A text key that sorts publications in time (:data:`UNKNOWN_PUBLICATION` last). A bare date
    is the end of its day (ISO 8601's "T24:00"), after that day's timed articles: an article known
    only to its day is assigned to an event once the day's timed reports are, and meets them all.

    >>> sorted([None, "2026-04-15", "2026-04-15T07:30:00+05:30", "2026-04-14"], key=publication_order)
    ['2026-04-14', '2026-04-15T07:30:00+05:30', '2026-04-15', None]
    """
    if not published:
        return UNKNOWN_PUBLICATION
    return published + "T24:00" if len(published) == len("2026-04-15") else published


def in_publication_order(articles: Iterable[Article]) -> list[Article]:
    """Articles sorted by :func:`publication_order`, ties by id: the order they are assigned in."""
    return sorted(articles, key=lambda a: (publication_order(a.published), a.id))


@dataclass(frozen=True)
class Problem:
    """A bad input: where it is, what is wrong, and what to do about it."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class IngestReport:
    """What one ingest call did. ``ids`` maps each input's id to the stored article id."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def failed(self) -> int:
        return len(self.problems)

    def summary(self) -> str:
        return (
            f"read {self.read}, stored {self.stored}, duplicates {self.duplicates}, "
            f"already stored {self.skipped}, failed {self.failed}"
        )


# --- analysis (issue 3): what the analysis stage finds in an article ---------------

@dataclass(frozen=True)
class Mention:
    """A named entity as written in an article.

    ``start``/``end`` are character offsets into the article's cleaned ``text``;
    ``sentence`` is the index of the sentence it is in (see normalize.split_sentences).
    ``canonical`` is the id of the entity all its spellings share, ``name`` its preferred form,
    ``latin`` that form in Latin letters, ``place`` a gazetteer place id for places it knows.
    """

    text: str
    type: str  # PER | LOC | ORG (NUM and TIME spans are kept apart, in quantities and dates)
    start: int
    end: int
    sentence: int
    canonical: str = ""
    name: str = ""
    latin: str = ""
    place: str | None = None


@dataclass(frozen=True)
class DateMention:
    """A date expression resolved to a day: "28 जनवरी 2026", "बुधवार को", "कल … था"."""

    text: str
    day: str  # YYYY-MM-DD
    start: int
    end: int
    sentence: int
    kind: str  # absolute | weekday | relative | numeric
    time: str | None = None  # HH:MM+05:30 when a time of day was given


@dataclass(frozen=True)
class Quote:
    """An attributed quotation: who said it, what, and the sentence as evidence."""

    speaker: str  # as written ("पुतिन", "क्रेमलिन के प्रवक्ता दिमित्री पेस्कोव"); "" if not attributed
    text: str
    sentence: int
    speaker_canonical: str = ""
    direct: bool = False  # the speaker's own words, in quotation marks; else reported ("… ने कहा कि …", "… के मुताबिक")


@dataclass(frozen=True)
class Quantity:
    """A number with what it counts: 12 deaths, 1.5 लाख people, 250 करोड़ rupees."""

    value: float
    text: str  # as written: "1.5 लाख", "डेढ़ लाख", "12"
    unit: str  # what it counts: deaths, injured, cases, people, rupees, years, percent, ... or "" if unknown
    sentence: int


@dataclass(frozen=True)
class Recurrence:
    """An ordinal cue of the main event: "पहली बार" → 1, "दूसरी मुलाकात" → 2, "एक बार फिर" → again."""

    ordinal: int | None  # 1, 2, 3 … or None for "again" without a number
    text: str
    noun: str  # what recurs: "मुलाकात", "बार", "बैठक" …
    sentence: int


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis stage found in one article."""

    entities: tuple[Mention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    event_date: str | None = None
    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    recurrence: Recurrence | None = None
    event_type: str = "other"

    def to_dict(self) -> dict:
        """Plain data for JSON (a shallow walk: dataclasses.asdict deep-copies and is slow here)."""
        return {
            "entities": [dict(vars(m)) for m in self.entities],
            "dates": [dict(vars(d)) for d in self.dates],
            "event_date": self.event_date,
            "quotes": [dict(vars(q)) for q in self.quotes],
            "quantities": [dict(vars(q)) for q in self.quantities],
            "recurrence": dict(vars(self.recurrence)) if self.recurrence else None,
            "event_type": self.event_type,
        }

    @classmethod
    def from_dict(cls, data: dict) -> "Analysis":
        """Rebuild an Analysis from :meth:`to_dict` output (as stored as JSON)."""
        recurrence = data.get("recurrence")
        return cls(
            entities=tuple(Mention(**m) for m in data.get("entities", ())),
            dates=tuple(DateMention(**d) for d in data.get("dates", ())),
            event_date=data.get("event_date"),
            quotes=tuple(Quote(**q) for q in data.get("quotes", ())),
            quantities=tuple(Quantity(**q) for q in data.get("quantities", ())),
            recurrence=Recurrence(**recurrence) if recurrence else None,
            event_type=data.get("event_type", "other"),
        )
