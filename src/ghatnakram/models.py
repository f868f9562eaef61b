"""The data model shared by every stage: plain frozen dataclasses, no database rows."""

from __future__ import annotations

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

    def to_dict(self) -> dict:
        return asdict(self)


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
