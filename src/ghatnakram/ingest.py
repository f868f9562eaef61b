"""Ingest stage: readers' output → cleaned, de-duplicated articles in the store.

Articles are written in batches, one transaction each, and every article inside its
own savepoint: a bad article is reported and leaves no rows; a crash leaves the
store as it was after the last committed batch. Re-ingesting is a no-op.
"""

from __future__ import annotations

import json
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import islice
from typing import Callable, Iterable, Iterator

from .analyze import Analyzer, TextAnalysis, analyze_text, analyze_texts, warm_up
from .clean import MIN_COUNTED_LINE, clean_article, line_key, remove_repeated_lines
from .dedup import THRESHOLD, Fingerprint, fingerprint, similarity
from .events import TextSignature, signature, signature_to_dict, text_signature
from .models import Article, IngestReport, Problem, publication_order
from .normalize import devanagari_share
from .parallel import check_workers, ordered_map
from .readers import BadInput
from .store import Store

BATCH_SIZE = 250
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
    workers: int = 1,
    after_batch: Callable[[int], None] | None = None,
    store_as_read: bool = False,
) -> IngestReport:
    """Store every article in ``items`` with its analysis; collect every problem. Returns what happened.

    :param analyzer: the analysis stage; by default one resolving entities against those in the store.
    :param workers: processes that check and analyse articles ahead of the store writes (see
        :func:`prepared_items`); 1 does everything in this process. The result is the same.
    :param after_batch: called with the number of items read so far after each batch is committed.
    :param store_as_read: store each article as soon as it is read (and analysed) rather than
        reading its whole batch first: with workers this process then stores while they analyse
        the next ones. For inputs that never wait (local files): the batch's transaction stays
        open while the next article is read.
    """
    report = IngestReport()
    analyzer = analyzer or Analyzer.from_entities(store.load_entities())
    with prepared_items(items, store, workers) as (pairs, stored):
        pairs = iter(pairs)
        more = True
        while more:
            # Read the batch first, so that no write lock is held while waiting for input
            # (stdin, URLs), unless the input never waits.
            batch = pairs if store_as_read else iter(list(islice(pairs, batch_size)))
            with store.transaction():
                more = _ingest_batch(batch, batch_size, store, analyzer, report, stored, on_item)
            if after_batch and more:
                after_batch(report.read)
    return report


def _ingest_batch(pairs: Iterator[tuple[Article | Problem, Prepared | None]], batch_size: int, store: Store,
                  analyzer: Analyzer, report: IngestReport, stored: Callable[[Prepared | None], None],
                  on_item: Callable[[], None] | None) -> bool:
    """Store up to ``batch_size`` items (in the caller's transaction); False once the items are used up."""
    touched: dict[str, None] = {}
    count = 0
    for item, prepared in islice(pairs, batch_size):
        _ingest_item(item, prepared, store, analyzer, report, touched)
        stored(prepared)
        count += 1
        if on_item:
            on_item()
    store.save_entities(analyzer.entity_records(touched))
    return count == batch_size


def _ingest_item(item: Article | Problem, prepared: Prepared | None, store: Store, analyzer: Analyzer,
                 report: IngestReport, touched: dict[str, None]) -> None:
    report.read += 1
    if isinstance(item, Problem):
        report.problems.append(item)
        return
    try:
        with store.savepoint():
            outcome, stored_id = ingest_article(item, store, analyzer, prepared, touched)
    except BadInput as exc:
        report.problems.append(Problem(item.source or item.id, str(exc)))
        return
    report.ids[item.id] = stored_id
    if outcome == SKIPPED:
        report.skipped += 1
    else:
        report.stored += 1
        report.duplicates += outcome == DUPLICATE


def ingest_article(article: Article, store: Store, analyzer: Analyzer, prepared: Prepared | None = None,
                   touched: dict[str, None] | None = None) -> tuple[str, str]:
    """Clean, check, analyse and store one article; return (outcome, stored id).

    The outcome is ``skipped`` when the store already has it (same id, same URL, or the
    same content from the same outlet), ``duplicate`` when it is stored but repeats an
    earlier article (exactly or nearly: agency copy), else ``stored``.

    :param prepared: the cleaning, check and text analysis of this article done beforehand
        (see :func:`prepared_items`); used if the text it was done on is the text to store.
    :param touched: collects the canonical ids of the entities the article changed, for the
        caller to save once per batch; without it they are saved here.
    """
    known = store.resolve_id(article.id) or (article.url and store.id_for_url(article.url))
    if known:
        if known != article.id:
            store.add_alias(article.id, known)
        return SKIPPED, known

    counted: list[str] = []
    unrepeated = prepared.ahead.unrepeated if prepared else clean_article(article)
    line_counts = _stored_line_counts(store, article.outlet, unrepeated.text)
    cleaned = replace(unrepeated, text=remove_repeated_lines(unrepeated.text, _repeated_line_check(line_counts, counted)))
    found = prepared.found if prepared and prepared.ahead.text == cleaned.text else None
    if found is None:  # not prepared, or on other text (the outlet's boilerplate turned out otherwise)
        check_text(cleaned)
        prints = fingerprint(cleaned.text)
    elif found.error:
        raise BadInput(found.error)
    else:
        prints = found.prints
    same_content = store.ids_for_content(prints.content_hash)
    same_outlet = next((stored_id for stored_id, outlet in same_content if outlet == cleaned.outlet), None)
    if same_outlet:
        store.add_alias(article.id, same_outlet)
        return SKIPPED, same_outlet

    original = same_content[0][0] if same_content else _near_duplicate_of(prints, store)
    if original:
        original = store.get_article(original).duplicate_of or original
    analysis = analyzer.complete(found.analysis if found else analyze_text(cleaned), cleaned.text)
    stored = replace(cleaned, content_hash=prints.content_hash, duplicate_of=original, analysis=analysis)
    store.add_article(stored)
    canonicals = {m.canonical for m in analysis.entities}
    if touched is None:
        store.save_entities(analyzer.entity_records(canonicals))
    else:
        touched.update(dict.fromkeys(canonicals))
    if prints.signature is not None:
        store.add_signature(article.id, prints.signature_bytes(), prints.buckets)
    store.count_lines(cleaned.outlet, counted)
    sig = signature(stored, found.signature if found else None)
    store.queue_for_events(article.id, publication_order(cleaned.published), json.dumps(signature_to_dict(sig), ensure_ascii=False))
    return (DUPLICATE if original else STORED), article.id


# --- preparing articles ahead, in worker processes ------------------------------------------

@dataclass(frozen=True)
class Ahead:
    """An article cleaned when it is read, before the ones ahead of it are stored.

    ``unrepeated`` has all its lines; ``text`` is its text less the lines the outlet is
    expected to repeat by the time it is stored (``line_keys``: its lines' keys).
    """

    unrepeated: Article
    text: str
    line_keys: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Found:
    """What the check, fingerprint and text analysis give for one text: the pure, costly part."""

    error: str | None = None  # why check_text refused it
    prints: Fingerprint | None = None
    analysis: TextAnalysis | None = None
    signature: TextSignature | None = None


@dataclass(frozen=True)
class Prepared:
    """An article cleaned ahead, and what was found in its expected text (None: nothing, do it all)."""

    ahead: Ahead
    found: Found | None


def find_in_text(ahead: Ahead) -> Found | None:
    """Check, fingerprint and analyse the expected text of an article cleaned ahead (in a worker).

    None when that fails unexpectedly: the ingesting process then does the article itself
    and fails (or not) exactly as it would alone.
    """
    cleaned = replace(ahead.unrepeated, text=ahead.text)
    try:
        why = _refusal(cleaned)
        return Found(why) if why is not None else _found(cleaned, analyze_text(cleaned))
    except Exception:
        return None


def find_in_texts(aheads: list[Ahead]) -> list[Found | None]:
    """:func:`find_in_text` of each article of a worker's chunk, their names tagged together.

    If anything fails unexpectedly, each article is done alone, so that one bad article
    fails (or not) as it would alone and takes none of the others with it.
    """
    cleaned = [replace(ahead.unrepeated, text=ahead.text) for ahead in aheads]
    try:
        refused = [_refusal(article) for article in cleaned]
        to_analyse = [article for article, why in zip(cleaned, refused) if why is None]
        analyses = iter(analyze_texts(to_analyse))
        return [Found(why) if why is not None else _found(article, next(analyses))
                for article, why in zip(cleaned, refused)]
    except Exception:
        return [find_in_text(ahead) for ahead in aheads]


def _refusal(article: Article) -> str | None:
    """Why check_text refuses an article, or None."""
    try:
        check_text(article)
    except BadInput as exc:
        return str(exc)
    return None


def _found(article: Article, analysis: TextAnalysis) -> Found:
    return Found(None, fingerprint(article.text), analysis,
                 text_signature(article.title, article.text, article.published, analysis))


@contextmanager
def prepared_items(items: Iterable[Article | Problem], store: Store, workers: int):
    """``(pairs, stored)``: ``pairs`` gives ``(item, Prepared or None)`` for each item, in order;
    call ``stored(prepared)`` once the item is through :func:`ingest_article`.

    With ``workers`` > 1, each article is cleaned here as it is read, up to
    :data:`~ghatnakram.parallel.LOOKAHEAD` articles ahead, and checked, fingerprinted and
    analysed in ``workers`` forked processes, while this process stores the earlier ones.
    Articles the store already has are not prepared (ingest skips them without cleaning),
    nor those whose cleaning fails here (ingest then cleans them and fails in order). With
    1 worker nothing is prepared: :func:`ingest_article` does all of it.
    """
    check_workers(workers)
    if workers == 1:
        yield ((item, None) for item in items), lambda prepared: None
        return
    warm_up()  # the workers are forked after this: they share the loaded models
    ahead = _CleanAhead(store)
    found = ordered_map(find_in_text, items, workers, task=ahead.clean, chunk_function=find_in_texts)
    pairs = ((item, Prepared(task, result) if task else None) for item, task, result in found)
    try:
        yield pairs, ahead.stored
    finally:
        found.close()  # stops the workers if the caller did not read to the end


class _CleanAhead:
    """Cleans articles as they are read, and foresees which of their lines the store will
    count as the outlet's boilerplate when they are stored: the store's counts so far plus
    the lines of the articles read before them and not yet stored."""

    def __init__(self, store: Store):
        self.store = store
        self.unstored: Counter = Counter()

    def clean(self, item: Article | Problem) -> Ahead | None:
        store = self.store
        if not isinstance(item, Article) or store.resolve_id(item.id) or (item.url and store.id_for_url(item.url)):
            return None
        try:
            unrepeated = clean_article(item)
        except Exception:
            return None
        keys: dict[str, None] = {}
        line_counts = _stored_line_counts(store, item.outlet, unrepeated.text)

        def expected_repeated(line: str) -> bool:  # as ingest_article's check, plus the unstored lines
            if len(line) < MIN_COUNTED_LINE:
                return False
            key = line_key(line)
            keys[key] = None
            return line_counts.get(key, 0) + self.unstored[item.outlet, key] >= REPEATED_LINE_MIN_ARTICLES

        text = remove_repeated_lines(unrepeated.text, expected_repeated)
        line_keys = tuple((unrepeated.outlet, key) for key in keys)  # ingest counts them under the cleaned outlet
        self.unstored.update(line_keys)
        return Ahead(unrepeated, text, line_keys)

    def stored(self, prepared: Prepared | None) -> None:
        if prepared is None:
            return
        for key in prepared.ahead.line_keys:
            left = self.unstored[key] - 1
            if left > 0:
                self.unstored[key] = left
            else:
                del self.unstored[key]


def _stored_line_counts(store: Store, outlet: str, text: str) -> dict[str, int]:
    """In how many stored articles of ``outlet`` each counted line of ``text`` appears (by line key;
    lines in none left out): one query for the article, not one per line."""
    return store.line_counts(outlet, {line_key(line) for line in text.split("\n") if len(line) >= MIN_COUNTED_LINE})


def _repeated_line_check(line_counts: dict[str, int], counted: list[str]) -> Callable[[str], bool]:
    """A predicate for remove_repeated_lines (``line_counts``: see :func:`_stored_line_counts`) that
    also records the lines it saw, to count them later."""

    def is_repeated(line: str) -> bool:
        if len(line) < MIN_COUNTED_LINE:
            return False
        key = line_key(line)
        counted.append(key)
        return line_counts.get(key, 0) >= REPEATED_LINE_MIN_ARTICLES

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
    for stored_id, minhash in store.signatures_sharing_buckets(list(prints.buckets)):
        if similarity(prints.signature, minhash) >= THRESHOLD:
            return stored_id
    return None
