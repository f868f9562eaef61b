"""Ingest stage: readers' output → cleaned, de-duplicated articles in the store.

Articles are written in batches, one transaction each, and every article inside its
own savepoint: a bad article is reported and leaves no rows; a crash leaves the
store as it was after the last committed batch. Re-ingesting is a no-op.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice
from typing import Callable, Iterable

from .analyze import Analyzer
from .clean import MIN_COUNTED_LINE, clean_article, line_key
from .dedup import THRESHOLD, Fingerprint, fingerprint, similarity
from .models import Article, IngestReport, Problem
from .normalize import devanagari_share
from .readers import BadInput
from .store import Store

BATCH_SIZE = 500
REPEATED_LINE_MIN_ARTICLES = 5  # a line in this many articles of one outlet is its boilerplate
MIN_HINDI_SHARE = 0.3  # of letters in Devanagari; English words are common in Hindi news

STORED, DUPLICATE, SKIPPED = "stored", "duplicate", "skipped"


def ingest_items(
    items: Iterable[Article | Problem],
    store: Store,
    *,
    batch_size: int = BATCH_SIZE,
    on_item: Callable[[], None] | None = None,
    analyzer: Analyzer | None = None,
) -> IngestReport:
    """Store every article in ``items`` with its analysis; collect every problem. Returns what happened.

    :param analyzer: the analysis stage; by default one resolving entities against those in the store.
    """
    report = IngestReport()
    analyzer = analyzer or Analyzer.from_entities(store.load_entities())
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        with store.transaction():
            for item in batch:
                _ingest_item(item, store, analyzer, report)
                if on_item:
                    on_item()
    return report


def _ingest_item(item: Article | Problem, store: Store, analyzer: Analyzer, report: IngestReport) -> None:
    report.read += 1
    if isinstance(item, Problem):
        report.problems.append(item)
        return
    try:
        with store.savepoint():
            outcome, stored_id = ingest_article(item, store, analyzer)
    except BadInput as exc:
        report.problems.append(Problem(item.source or item.id, str(exc)))
        return
    report.ids[item.id] = stored_id
    if outcome == SKIPPED:
        report.skipped += 1
    else:
        report.stored += 1
        report.duplicates += outcome == DUPLICATE


def ingest_article(article: Article, store: Store, analyzer: Analyzer) -> tuple[str, str]:
    """Clean, check, analyse and store one article; return (outcome, stored id).

    The outcome is ``skipped`` when the store already has it (same id, same URL, or the
    same content from the same outlet), ``duplicate`` when it is stored but repeats an
    earlier article (exactly or nearly: agency copy), else ``stored``.
    """
    known = store.resolve_id(article.id) or (article.url and store.id_for_url(article.url))
    if known:
        if known != article.id:
            store.add_alias(article.id, known)
        return SKIPPED, known

    counted: list[str] = []
    cleaned = clean_article(article, _repeated_line_check(store, article.outlet, counted))
    check_text(cleaned)
    prints = fingerprint(cleaned.text)
    same_content = store.ids_for_content(prints.content_hash)
    same_outlet = next((stored_id for stored_id, outlet in same_content if outlet == cleaned.outlet), None)
    if same_outlet:
        store.add_alias(article.id, same_outlet)
        return SKIPPED, same_outlet

    original = same_content[0][0] if same_content else _near_duplicate_of(prints, store)
    if original:
        original = store.get_article(original).duplicate_of or original
    analysis = analyzer.analyze(cleaned)
    store.add_article(replace(cleaned, content_hash=prints.content_hash, duplicate_of=original, analysis=analysis))
    store.save_entities(analyzer.entity_records({m.canonical for m in analysis.entities}))
    if prints.signature is not None:
        store.add_signature(article.id, prints.signature_bytes(), prints.buckets)
    store.count_lines(cleaned.outlet, counted)
    store.queue_for_events(article.id, cleaned.published)
    return (DUPLICATE if original else STORED), article.id


def _repeated_line_check(store: Store, outlet: str, counted: list[str]) -> Callable[[str], bool]:
    """A predicate for clean_article that also records the lines it saw, to count them later."""

    def is_repeated(line: str) -> bool:
        if len(line) < MIN_COUNTED_LINE:
            return False
        key = line_key(line)
        counted.append(key)
        return store.line_count(outlet, key) >= REPEATED_LINE_MIN_ARTICLES

    return is_repeated


def check_text(article: Article) -> None:
    """Refuse a cleaned article with no text left, or too little Hindi (BadInput says which and what to do)."""
    if not article.text:
        raise BadInput("no article text left after removing boilerplate: is this a promo or index page?")
    share = devanagari_share(article.text)
    if share < MIN_HINDI_SHARE:
        raise BadInput(
            f"not Hindi text (only {share:.0%} of letters are Devanagari): "
            "ghatnakram reads Hindi news; remove it or check its encoding"
        )


def _near_duplicate_of(prints: Fingerprint, store: Store) -> str | None:
    if prints.signature is None:
        return None
    for stored_id, signature in store.signatures_sharing_buckets(list(prints.buckets)):
        if similarity(prints.signature, signature) >= THRESHOLD:
            return stored_id
    return None
