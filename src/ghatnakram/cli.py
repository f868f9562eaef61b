"""The ``ghatnakram`` command: a thin layer over :mod:`ghatnakram.pipeline`.

Each command opens the store, calls one library function and turns named errors
into one line on stderr with exit code 1.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import click
from tqdm import tqdm

from . import pipeline
from .models import IngestReport
from .parallel import default_workers
from .spark import DEFAULT_DRIVER_MEMORY
from .store import DEFAULT_DB, StoreError, open_store

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="GHATNAKRAM_DB",
    help="Store: a SQLite file path (created if missing).",
)

workers_option = click.option(
    "--workers", type=click.IntRange(min=1), default=default_workers, show_default="the number of cores",
    help="Processes that clean and analyse articles while this one stores them (1: all in one process; "
         "the result is the same).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ghatnakram")
def main() -> None:
    """ghatnakram (घटनाक्रम): Hindi news into events, storylines and outlet comparison."""


@contextmanager
def _store(db: str):
    try:
        store = open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    try:
        yield store
    finally:
        store.close()


@contextmanager
def _progress(enabled: bool):
    """A progress bar on stderr for long runs (only when stderr is a terminal)."""
    bar = tqdm(unit=" articles", file=sys.stderr, disable=None if enabled else True, mininterval=0.5)
    try:
        yield bar.update
    finally:
        bar.close()


@contextmanager
def _open_output(path: str):
    """A UTF-8 text file to write (``-`` for stdout), newline-neutral for CSV."""
    if path == "-":
        sys.stdout.reconfigure(encoding="utf-8")
        yield sys.stdout
        return
    try:
        out = open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot write ({exc.strerror}); choose another --out path") from None
    with out:
        yield out


def _finish(report: IngestReport) -> None:
    for problem in report.problems:
        click.echo(f"error: {problem}", err=True)
    click.echo(report.summary(), err=True)
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--outlet", help="Outlet for inputs that do not name one (text files; default: the folder name).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that carry none (text files).")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on a terminal.")
@workers_option
@db_option
def ingest(sources: tuple[str, ...], outlet: str | None, published: str | None, progress: bool, workers: int, db: str) -> None:
    """Read articles from SOURCES into the store.

    SOURCES are JSON Lines (.jsonl), text (.txt), HTML pages (.html), RSS/Atom feeds
    (.xml/.rss/.atom), folders (read recursively), http(s) URLs of feeds or pages,
    or - for stdin. Prints one line per bad input and a summary; exits 1 if any failed.
    """
    with _store(db) as store, _progress(progress) as tick:
        report = pipeline.ingest(sources, store, outlet=outlet, published=published, on_item=tick, workers=workers)
    _finish(report)


@main.command()
@click.argument("input_path", metavar="INPUT.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write one JSON line per input article (- for stdout).")
@click.option("--progress/--no-progress", default=True, help="Show a progress bar on a terminal.")
@workers_option
@db_option
def run(input_path: Path, out_path: Path, progress: bool, workers: int, db: str) -> None:
    """Ingest INPUT.jsonl and write the per-article output (event, storyline, headline, entities)."""
    with _store(db) as store, _progress(progress) as tick, _open_output(str(out_path)) as out:
        report = pipeline.run(input_path, out, store, on_item=tick, workers=workers)
    _finish(report)


@main.command()
@click.argument("article_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print the article as JSON.")
@db_option
def show(article_id: str, as_json: bool, db: str) -> None:
    """Show the stored article, event (ev-…) or storyline (sl-…) ID."""
    with _store(db) as store:
        article = store.get_article(article_id)
        if article is None and article_id.startswith(("ev-", "sl-")):
            if article_id.startswith("ev-"):
                records = pipeline.event_records(store, event_id=article_id)
            else:
                records = pipeline.storyline_records(store, storyline_id=article_id)
            if records:
                _show_group(records[0], as_json)
                return
    if article is None:
        raise click.ClickException(
            f"no article, event or storyline with id {article_id!r} in {db}: "
            "list ids with 'ghatnakram export articles', 'ghatnakram events' or 'ghatnakram storylines'"
        )
    record = pipeline.article_record(article)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(record["title"] or record["headline"])
    meta = " · ".join(str(record[k]) for k in ("outlet", "published", "author", "url") if record[k])
    click.echo(meta)
    if record["duplicate_of"]:
        click.echo(f"duplicate of {record['duplicate_of']}")
    click.echo("")
    click.echo(record["text"])


def _show_group(record: dict, as_json: bool) -> None:
    """Print an event or a storyline record."""
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    from .compare import format_comparison

    click.echo(record["headline"])
    click.echo(f"{record['id']} · {record['event_date'] or '—'} · {', '.join(record['outlets'])}")
    if "events" in record:
        for event in record["events"]:
            click.echo(f"  {event['event_date'] or '—':<10}  {event['headline']}  [{', '.join(event['outlets'])}]  {event['id']}")
        return
    click.echo(f"storyline {record['storyline']}")
    if record.get("summary"):
        click.echo("")
        click.echo(record["summary"])
    click.echo("")
    click.echo("entities: " + ", ".join(e["name"] for e in record["entities"]))
    for article_id in record["articles"]:
        click.echo(f"  {article_id}")
    if record.get("comparison"):
        click.echo("")
        click.echo("outlet comparison:")
        for line in format_comparison(record["comparison"]):
            click.echo(f"  {line}")


@main.command()
@click.option("--since", help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--outlet", help="Only events this outlet covered.")
@click.option("--entity", help="Only events naming this entity (canonical id, name, spelling or part of a name, or its Latin name spelled any usual way).")
@click.option("--limit", default=100, show_default=True, help="At most this many events (0: all).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
def events(since: str | None, until: str | None, outlet: str | None, entity: str | None, limit: int, as_json: bool, db: str) -> None:
    """List events (latest first): date, outlets, headline, id."""
    with _store(db) as store:
        records = pipeline.event_records(store, since=since, until=until, outlet=outlet, entity=entity, limit=limit or None)
    for record in records:
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(f"{record['event_date'] or '—':<10}  {len(record['outlets'])} outlet(s)  {record['headline'][:80]}  {record['id']}")


@main.command()
@click.option("--limit", default=100, show_default=True, help="At most this many storylines (0: all).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@db_option
def storylines(limit: int, as_json: bool, db: str) -> None:
    """List storylines (latest activity first) with their events in timeline order."""
    with _store(db) as store:
        records = pipeline.storyline_records(store, limit=limit or None)
    for record in records:
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
            continue
        click.echo(f"{record['headline'][:90]}  {record['id']}")
        for event in record["events"]:
            click.echo(f"    {event['event_date'] or '—':<10}  {event['headline'][:80]}  {event['id']}")


@main.command()
@click.argument("what", type=click.Choice(["articles", "events", "storylines"]))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--out", "out_path", default="-", help="Output file (default: stdout).")
@db_option
def export(what: str, fmt: str, out_path: str, db: str) -> None:
    """Export stored articles (JSON Lines or CSV), events or storylines (JSON Lines)."""
    with _store(db) as store, _open_output(out_path) as out:
        if what == "articles":
            count = pipeline.export_articles(store, out, fmt)
        elif fmt != "jsonl":
            raise click.ClickException(f"{what} export as {fmt} is not supported: use --format jsonl")
        else:
            records = pipeline.event_records(store) if what == "events" else pipeline.storyline_records(store)
            for record in records:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count = len(records)
    click.echo(f"exported {count} {what}", err=True)


@main.command()
@db_option
def demo(db: str) -> None:
    """Load the bundled demo corpus (sample articles plus the two seeds) and show what was found."""
    with _store(db) as store:
        result = pipeline.demo(store)
        storylines = [s for s in pipeline.storyline_records(store) if len(s["events"]) > 1]
        events = pipeline.event_records(store)
    click.echo(f"Demo corpus into {db}: {result.report.summary()}")
    click.echo("Sample articles were written for the project (fictional outlets); the two seeds are real articles.")
    click.echo("")
    click.echo("Outlets:")
    for outlet, count in result.outlets.items():
        click.echo(f"  {outlet}: {count} article{'' if count == 1 else 's'}")
    click.echo("")
    click.echo("Headlines (title as given, or taken from the lead):")
    for article in result.articles:
        click.echo(f"  {article.published or '—':<10.10}  {article.outlet:<22.22}  {pipeline.article_record(article)['headline']}")
    if result.duplicates:
        click.echo("")
        click.echo("Duplicates (stored once as themselves, marked as copies):")
        for article in result.duplicates:
            click.echo(f"  {article.id} ({article.outlet}) repeats {article.duplicate_of}")
    click.echo("")
    click.echo("One entity, several spellings (across articles and outlets):")
    for entity in result.variant_entities[:10]:
        click.echo(f"  {entity['type']}  {entity['latin']:<24.24} {' / '.join(sorted(entity['variants']))}")
    click.echo("")
    click.echo("Storylines (events in timeline order; outlets per event):")
    for storyline in storylines:
        click.echo(f"  ▸ {storyline['headline']}")
        for event in storyline["events"]:
            click.echo(f"      {event['event_date'] or '—':<10.10}  {event['headline'][:70]}  [{', '.join(event['outlets'])}]")
    click.echo("")
    _demo_story(storylines, events)
    click.echo("")
    click.echo(f"Next: ghatnakram show {result.articles[0].id} --db {db}")
    click.echo(f"Read it in a browser: ghatnakram serve --db {db}  then open http://127.0.0.1:{SERVE_PORT}/")
    for problem in result.report.problems:
        click.echo(f"error: {problem}", err=True)
    if result.report.failed:
        sys.exit(1)


def _demo_story(storylines: list[dict], events: list[dict]) -> None:
    """The demo's close-up: one storyline's timeline and one event's outlet comparison."""
    from .compare import format_comparison

    if storylines:
        longest = max(storylines, key=lambda s: (len(s["events"]), s["id"]))
        click.echo(f"One storyline, one line per event: {longest['headline']}")
        for line in longest["timeline"]:
            click.echo(f"  {line}")
        click.echo("")
    compared = [e for e in events if e["comparison"]]
    if compared:
        event = max(compared, key=lambda e: (len(e["comparison"]["conflicts"]), len(e["outlets"]), e["id"]))
        click.echo(f"One event, outlet by outlet: {event['headline']} ({event['id']})")
        click.echo(f"  summary: {event['summary']}")
        for line in format_comparison(event["comparison"]):
            click.echo(f"  {line}")


SERVE_PORT = 8000


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", default=SERVE_PORT, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--api-token", envvar="GHATNAKRAM_API_TOKEN",
              help="Open POST /api/articles (online ingest) to requests with 'Authorization: Bearer TOKEN'; "
                   "without a token ingest is off. Also $GHATNAKRAM_API_TOKEN.")
@db_option
def serve(host: str, port: int, api_token: str | None, db: str) -> None:
    """Serve the web reader (/) and the JSON API (/api, documented at /docs) over the store."""
    import uvicorn

    from .web import create_app

    try:
        app = create_app(db, api_token=api_token)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    ingest_state = "on (token required)" if api_token else "off (start with --api-token to open it)"
    click.echo(f"ghatnakram: reader http://{host}:{port}/ · API docs http://{host}:{port}/docs · "
               f"store {db} · ingest {ingest_state}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


@main.command()
@click.argument("feeds_file", metavar="FEEDS_FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--interval", default=300.0, show_default=True, type=click.FloatRange(min=1),
              help="Seconds between polls; also the first wait after a failure (doubling up to an hour).")
@click.option("--once", is_flag=True, help="Poll every feed once, ingest what is new, and exit.")
@db_option
def watch(feeds_file: Path, interval: float, once: bool, db: str) -> None:
    """Poll the RSS/Atom feeds listed in FEEDS_FILE and ingest new articles as they appear.

    FEEDS_FILE has one feed per line: its http(s) URL, then optionally the outlet's name
    (default: the feed's title); blank lines and lines starting with # are passed over.
    Each new entry's page is fetched and extracted; failures are logged and retried.
    """
    import logging

    from .readers.common import BadInput
    from .watch import Watcher, read_feeds_file

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    try:
        feeds = read_feeds_file(feeds_file)
    except BadInput as exc:
        raise click.ClickException(str(exc)) from None
    with _store(db) as store:
        try:
            Watcher(feeds, store, interval=interval).run(rounds=1 if once else None)
        except KeyboardInterrupt:
            click.echo("watch: stopped", err=True)


@main.command("eval-ner")
@click.argument("path", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="End with one JSON line of the scores.")
def eval_ner(path: Path, as_json: bool) -> None:
    """Score the shipped NER model on a CoNLL FILE (token<TAB>tag, BIO).

    Tags may be NEP/NEL/NEO, PER/LOC/ORG or PERSON/LOCATION/ORGANIZATION. Prints precision,
    recall and F1 per type and micro-averaged over PER/LOC/ORG. A malformed line is left out
    with a warning naming it; the rest is scored.
    """
    from .ner import format_scores, score_conll

    scores = _score_leaving_out_bad_lines(score_conll, path, ValueError)
    click.echo(format_scores(scores))
    if as_json:
        click.echo(json.dumps(scores))


def _score_leaving_out_bad_lines(score_file, path: Path, refused: type[Exception], shown: int = 20) -> dict:
    """``score_file(path, skipped=…)`` with the lines it leaves out reported on stderr as warnings
    (the first ``shown`` of them, then how many more), and a file it refuses (``refused``) as an
    error naming it."""
    skipped: list[str] = []
    try:
        return score_file(path, skipped=skipped)
    except refused as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        _warn_each([f"{message}; line left out" for message in skipped], "{} more malformed lines left out", shown)


def _warn_each(messages: list[str], more: str, shown: int = 20) -> None:
    """The first ``shown`` messages as warnings on stderr, then how many more (``more``: "{} more …")."""
    for message in messages[:shown]:
        click.echo(f"warning: {message}", err=True)
    if len(messages) > shown:
        click.echo(f"warning: {more.format(len(messages) - shown)}", err=True)


@main.command("eval-dates")
@click.argument("path", metavar="FILE.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON line.")
def eval_dates(path: Path, as_json: bool) -> None:
    """Score event dates against gold.event_date in a labelled FILE.jsonl (shaped like events-dev)."""
    from .dates import score_event_dates
    from .evaluate import format_scores

    scores = _score_leaving_out_bad_lines(score_event_dates, path, ValueError)
    click.echo(json.dumps(scores) if as_json else format_scores(scores))


@main.command("eval-headlines")
@click.argument("path", metavar="EVENTS.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON line.")
def eval_headlines(path: Path, as_json: bool) -> None:
    """Score headlines generated from text alone against the titles of a labelled EVENTS.jsonl.

    Each story's title is removed, a headline is written from its text, and the mean ROUGE-L F1
    against the removed titles is printed (tokens: NFC, punctuation to spaces, lower case,
    whitespace split), with the first sentence cut to 20 words as a baseline.
    """
    from .evaluate import format_scores
    from .headline import score_headlines

    scores = _score_leaving_out_bad_lines(score_headlines, path, ValueError)  # BadGoldFile is a ValueError
    click.echo(json.dumps(scores) if as_json else format_scores(scores, width=32))


@main.command("eval")
@click.argument("path", metavar="EVENTS.jsonl", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON line.")
def eval_events(path: Path, as_json: bool) -> None:
    """Run the pipeline on a labelled EVENTS.jsonl (gold ignored as input) in a fresh temporary store.

    Prints event B-cubed and pairwise precision/recall/F1, storyline B-cubed F1, event-date
    accuracy and headline ROUGE-L, as the reference scorer computes them.
    """
    from .evaluate import BadGoldFile, evaluate_file, format_scores

    failed: list[str] = []
    scores = _score_leaving_out_bad_lines(partial(evaluate_file, failed=failed), path, BadGoldFile)
    _warn_each(failed, "{} more stories the pipeline refused (scored as missing)")
    click.echo(json.dumps(scores) if as_json else format_scores(scores))


@main.command()
@click.argument("names", metavar="NAME...", nargs=-1, required=True)
@click.option("--type", "entity_type", type=click.Choice(["PER", "LOC", "ORG"], case_sensitive=False), default="PER",
              show_default=True, help="Entity type of the names.")
def canon(names: tuple[str, ...], entity_type: str) -> None:
    """Print each NAME and its canonical entity key, tab-separated.

    The names are taken as mentioned in one story, so a surname joins the full name
    given with it; spellings of one entity print the same key.
    """
    from .canon import canonical_names
    from .normalize import normalize_line

    cleaned = [normalize_line(name) for name in names]
    for name, key in zip(names, canonical_names([(n, entity_type.upper()) for n in cleaned])):
        click.echo(f"{name}\t{key}")


# --- spark-run (issue 7): the pipeline on Spark, for archives; PySpark is the optional [spark] extra ---

@main.command("spark-run")
@click.argument("input_path", metavar="INPUT")
@click.option("--out", "out", required=True,
              help="Folder to create with articles/, events/ and storylines/ (a local path or a URL Spark can write).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True,
              help="Output format of the three record sets.")
@click.option("--db", default=None, help="Also fill this empty store (SQLite path or postgresql:// URL), as ingest would.")
@click.option("--master", default=None, help="Spark master URL (default: spark-submit's, else local[2]).")
@click.option("--block-days", type=int, default=28, show_default=True, help="Publication days per event-clustering block.")
@click.option("--overlap-days", type=int, default=7, show_default=True,
              help="Days before each block it replays, so that events still open carry on across blocks.")
@click.option("--partitions", type=int, default=None, help="Analysis partitions (default: four per core, at least 200 articles each).")
@click.option("--driver-memory", default=DEFAULT_DRIVER_MEMORY, show_default=True,
              help="Java heap of the local-mode driver, which also runs the tasks (spark-submit sets its own).")
def spark_run(input_path: str, out: str, fmt: str, db: str | None, master: str | None, block_days: int,
              overlap_days: int, partitions: int | None, driver_memory: str) -> None:
    """Run the pipeline on Spark over INPUT (JSON Lines or Parquet: a file, folder or glob).

    Writes the per-article output of 'run' and the event and storyline records under --out,
    as one single-machine run would; prints one line per bad input and a summary.
    """
    from importlib.util import find_spec

    if find_spec("pyspark") is None:
        raise click.ClickException("spark-run needs PySpark: pip install 'ghatnakram[spark]' (and Java 17)")
    from .spark import SparkOptions, SparkRunError, run_spark, spark_session

    if "://" not in out and Path(out).exists():
        raise click.ClickException(f"{out} already exists: spark-run creates its --out folder; give a new path or remove it")
    try:
        options = SparkOptions(block_days=block_days, overlap_days=overlap_days, partitions=partitions, fmt=fmt)
    except SparkRunError as exc:
        raise click.ClickException(str(exc)) from None
    spark = spark_session(master, driver_memory=driver_memory)
    try:
        if db:
            with _store(db) as store:
                report = run_spark(spark, input_path, out, options, store=store)
        else:
            report = run_spark(spark, input_path, out, options)
    except SparkRunError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        spark.stop()
    click.echo("seconds per stage: " + ", ".join(f"{name} {seconds}" for name, seconds in report.seconds.items()), err=True)
    _finish(report)
# --- end spark-run ---


if __name__ == "__main__":
    main()
