"""Ingest throughput, SQLite vs PostgreSQL (issue 7).

Ingests one JSON Lines file with the library API (``ghatnakram.pipeline.ingest``: reading,
cleaning, de-duplication, analysis, storing, and event assignment) into

1. a fresh SQLite store in a temp dir;
2. a fresh schema of a PostgreSQL database (``--pg URL``), one writer;
3. the same, with two writer processes ingesting the two halves at once (the writer
   lock lets one transaction in at a time, so this shows what sharing a store costs).

Models are loaded before timing (a warm-up ingest of the first article into a throwaway
SQLite store). By default the input is the bundled demo corpus; pass ``--input`` for a
larger file, e.g. the newspapers corpus built by ``bench/raw_to_jsonl.py``.

    python bench/bench_store.py --pg postgresql://postgres@127.0.0.1:5432/bench
    python bench/bench_store.py --pg URL --input bench/out/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import uuid
from importlib import resources
from pathlib import Path

import psycopg

from ghatnakram.pipeline import ingest
from ghatnakram.store import open_store

CHILD = """
import sys, time
from ghatnakram.pipeline import ingest
from ghatnakram.store import open_store
url, path, warm, go = sys.argv[1:5]
warm_store = open_store(warm)
ingest([path.replace('.jsonl', '.first.jsonl')], warm_store)  # load the models before timing
warm_store.close()
store = open_store(url)
print('ready', flush=True)
sys.stdin.readline()  # the parent says go
start = time.time()
report = ingest([path], store)
print(start, time.time(), report.read, flush=True)
store.close()
"""


def timed_ingest(location: str, path: Path) -> dict:
    store = open_store(location)
    start = time.perf_counter()
    report = ingest([str(path)], store)
    seconds = time.perf_counter() - start
    stored = store.count_articles()
    store.close()
    return {"articles": report.read, "stored": stored, "seconds": round(seconds, 2), "articles_per_s": round(report.read / seconds, 1)}


def two_writers(url: str, halves: list[Path], workdir: Path) -> dict:
    procs = []
    for n, half in enumerate(halves):
        half.with_suffix(".first.jsonl").write_text(half.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
        procs.append(subprocess.Popen(
            [sys.executable, "-c", CHILD, url, str(half), str(workdir / f"warm{n}.db"), "go"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        ))
    for proc in procs:
        assert proc.stdout.readline().strip() == "ready"
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    spans = []
    for proc in procs:
        start, end, read = proc.stdout.readline().split()
        spans.append((float(start), float(end), int(read)))
        proc.wait()
    seconds = max(e for _, e, _ in spans) - min(s for s, _, _ in spans)
    read = sum(r for _, _, r in spans)
    store = open_store(url)
    stored = store.count_articles()
    store.close()
    return {"articles": read, "stored": stored, "seconds": round(seconds, 2), "articles_per_s": round(read / seconds, 1)}


def fresh_schema(url: str) -> tuple[str, str]:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    return schema, f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def drop_schema(url: str, schema: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", required=True, help="postgresql:// URL of a database the benchmark may create schemas in")
    parser.add_argument("--input", type=Path, help="JSON Lines to ingest (default: the bundled demo samples)")
    args = parser.parse_args()
    source = args.input or Path(str(resources.files("ghatnakram.demo").joinpath("samples.jsonl")))
    lines = source.read_text(encoding="utf-8").splitlines()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        corpus = workdir / "corpus.jsonl"
        corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
        halves = [workdir / "half1.jsonl", workdir / "half2.jsonl"]
        halves[0].write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
        halves[1].write_text("\n".join(lines[len(lines) // 2 :]) + "\n", encoding="utf-8")
        warm = workdir / "warm.jsonl"
        warm.write_text(lines[0] + "\n", encoding="utf-8")
        warm_store = open_store(workdir / "warm.db")
        ingest([str(warm)], warm_store)
        warm_store.close()

        results = {"input": str(source), "sqlite": timed_ingest(str(workdir / "bench.db"), corpus)}
        schema, url = fresh_schema(args.pg)
        try:
            results["postgresql"] = timed_ingest(url, corpus)
        finally:
            drop_schema(args.pg, schema)
        schema, url = fresh_schema(args.pg)
        try:
            results["postgresql_two_writers"] = two_writers(url, halves, workdir)
        finally:
            drop_schema(args.pg, schema)
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
