"""Single process (``ghatnakram run``) against Spark (``ghatnakram spark-run``, local mode): articles/s,
and how far the two labelings agree (B-cubed F1 between them, events and storylines).

The input is a JSON Lines file (``--input``), or the first ``--articles`` stories of the synthetic
archive of ``bench_scale.py`` (copies of the dev stories re-dated every ``--spread`` days, each with
a marker sentence so no two copies are the same text), written under ``--workdir`` (never into the
repository: the dev stories have no licence). Each command runs in a fresh process, as a user runs
it, so the times include start-up (models; for Spark also the JVM): wall-clock seconds.

    python bench/bench_spark.py --input ../shared/data/events-dev/dev.jsonl --workdir /tmp/spark-bench
    python bench/bench_spark.py --articles 10000 --workdir /tmp/spark-bench --master 'local[2]'
"""

from __future__ import annotations

import argparse
import glob
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import DEV, base_stories, stream  # noqa: E402

from ghatnakram.evaluate import bcubed  # noqa: E402


def write_synthetic(path: Path, size: int, spread: int) -> Path:
    """The first ``size`` stories of the synthetic archive as JSON Lines in the input contract."""
    with path.open("w", encoding="utf-8") as out:
        for n, (article, _) in enumerate(stream(base_stories(DEV), spread)):
            if n >= size:
                break
            record = {"id": article.id, "outlet": article.outlet, "published": article.published,
                      "title": article.title, "text": article.text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def timed(command: list[str]) -> tuple[float, list[str]]:
    """Wall-clock seconds of a command, and its summary lines on stderr."""
    started = time.perf_counter()
    done = subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines = [line for line in done.stderr.splitlines() if line.startswith(("read ", "seconds per stage"))]
    return time.perf_counter() - started, lines


def read_records(path: Path) -> list[dict]:
    files = sorted(glob.glob(str(path / "part-*"))) if path.is_dir() else [str(path)]
    return [json.loads(line) for name in files for line in open(name, encoding="utf-8") if line.strip()]


def agreement(a: list[dict], b: list[dict], key: str) -> float:
    return bcubed({r["id"]: r[key] for r in a}, {r["id"]: r[key] for r in b})[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, help="a JSON Lines file (default: the synthetic archive)")
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic stories to generate")
    parser.add_argument("--spread", type=int, default=3, help="days between copies of the synthetic archive")
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--spark-only", action="store_true", help="skip the single-process run (reuse its output)")
    parser.add_argument("spark_args", nargs="*", help="extra spark-run options after --")
    args = parser.parse_args(argv)

    args.workdir.mkdir(parents=True, exist_ok=True)
    source = args.input or write_synthetic(args.workdir / f"synthetic-{args.articles}.jsonl", args.articles, args.spread)
    articles = sum(1 for line in source.open(encoding="utf-8") if line.strip())
    cli = [sys.executable, "-m", "ghatnakram.cli"]
    single_out, db = args.workdir / "single.jsonl", args.workdir / "single.db"
    if not args.spark_only:
        db.unlink(missing_ok=True)
        single, lines = timed(cli + ["run", str(source), "--out", str(single_out), "--db", str(db), "--no-progress"])
        print(f"single process: {articles} articles in {single:.1f} s = {articles / single:.1f} articles/s", *lines, sep="\n  ", flush=True)
        # spark-run also writes event and storyline records: the same from the single run's store
        records = sum(timed(cli + ["export", what, "--db", str(db), "--out", str(args.workdir / f"{what}.jsonl")])[0]
                      for what in ("events", "storylines"))
        total = single + records
        print(f"single process with export events and storylines: {total:.1f} s = {articles / total:.1f} articles/s", flush=True)
    spark_out = args.workdir / "spark"
    shutil.rmtree(spark_out, ignore_errors=True)
    seconds, lines = timed(cli + ["spark-run", str(source), "--out", str(spark_out), "--master", args.master, *args.spark_args])
    print(f"spark {args.master}: {articles} articles in {seconds:.1f} s = {articles / seconds:.1f} articles/s", *lines, sep="\n  ", flush=True)
    reference, records = read_records(single_out), read_records(spark_out / "articles")
    same_order = [r["id"] for r in reference] == [r["id"] for r in records]
    print(f"agreement (B-cubed F1 between the labelings): events {agreement(reference, records, 'event'):.4f}, "
          f"storylines {agreement(reference, records, 'storyline'):.4f}; same ids in the same order: {same_order}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
