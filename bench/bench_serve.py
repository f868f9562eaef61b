"""Requests per second and latency of `ghatnakram serve`, measured with wrk on loopback.

The server runs as users run it (`ghatnakram serve --db DB --port P`, one uvicorn process);
wrk (Debian package `wrk`) drives it from the same machine. Each target is first fetched
once, so the records snapshot is built before timing starts.

Stores:

* ``--demo`` (default): the bundled demo corpus, loaded into a fresh store.
* ``--synthetic N``: N articles made from the raw newspaper corpus in ../shared (1,624
  stories, ingested and analysed once); the stories are then stored again with new ids,
  their publication and event dates moved by whole weeks, until the store holds N articles;
  then events and storylines are assigned over the whole store. The data has no
  redistribution licence, so the store is built in a temp dir (or ``--workdir``).
* ``--db PATH``: an existing store.

    python bench/bench_serve.py --demo
    python bench/bench_serve.py --synthetic 100000 --workdir /tmp/bench-serve
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import raw_to_jsonl  # noqa: E402

from ghatnakram import pipeline  # noqa: E402
from ghatnakram.ingest import ingest_items  # noqa: E402
from ghatnakram.models import Analysis, Article  # noqa: E402
from ghatnakram.readers import read_jsonl  # noqa: E402
from ghatnakram.store import open_store  # noqa: E402

BATCH = 5000


# --- stores -----------------------------------------------------------------------------

def demo_store(db: Path) -> None:
    store = open_store(db)
    try:
        pipeline.demo(store)
    finally:
        store.close()


def shift_day(day: str | None, weeks: int) -> str | None:
    if not day:
        return day
    if len(day) == 10:
        return (date.fromisoformat(day) + timedelta(weeks=weeks)).isoformat()
    return (datetime.fromisoformat(day) + timedelta(weeks=weeks)).isoformat()


def shifted(article: Article, round_no: int) -> Article:
    """A copy of ``article`` as if the same story ran ``round_no`` weeks later."""
    analysis = article.analysis or Analysis()
    analysis = replace(analysis, event_date=shift_day(analysis.event_date, round_no),
                       dates=tuple(replace(d, day=shift_day(d.day, round_no)) for d in analysis.dates))
    return replace(article, id=f"{article.id}~w{round_no}", published=shift_day(article.published, round_no),
                   url=f"{article.url}#w{round_no}" if article.url else None, analysis=analysis)


def synthetic_store(db: Path, size: int, raw_dir: Path, workdir: Path) -> dict:
    """Build an N-article store from the raw corpus (see the module docstring); return timings."""
    jsonl = workdir / "raw.jsonl"
    raw_to_jsonl.convert(raw_dir, jsonl)
    store = open_store(db)
    timings = {}
    try:
        started = time.perf_counter()
        with jsonl.open("rb") as stream:
            ingest_items(read_jsonl(stream, str(jsonl)), store)
        timings["ingest_base_s"] = time.perf_counter() - started
        base = list(store.iter_articles())
        started = time.perf_counter()
        count, round_no = len(base), 0
        while count < size:
            round_no += 1
            with store.transaction():
                for article in base[: size - count]:
                    store.add_article(shifted(article, round_no))
            count = min(size, count + len(base))
        timings["copy_s"] = time.perf_counter() - started
        started = time.perf_counter()
        pipeline.assign_events(store)
        timings["assign_events_s"] = time.perf_counter() - started
        timings["articles"] = store.count_articles()
    finally:
        store.close()
    return timings


# --- server and load --------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "ghatnakram.cli", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=600).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def fetch_json(url: str):
    with urllib.request.urlopen(url, timeout=600) as answer:
        return json.loads(answer.read())


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def wrk(url: str, seconds: int, connections: int) -> dict:
    """Run wrk once and read its requests/s and latency percentiles (ms)."""
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for pct in ("50", "90", "99"):
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M).groups()
        result[f"p{pct}_ms"] = float(value) * _UNITS[unit]
    result["non_2xx"] = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    return result


def targets(base: str) -> dict[str, str]:
    """The event page and event API for the newest event with the most outlets, and the events API."""
    events = fetch_json(base + "/api/events?limit=500")["items"]
    widest = max(events, key=lambda e: (len(e["outlets"]), len(e["articles"])))
    event_id = urllib.request.quote(widest["id"], safe="")
    outlet, since = urllib.request.quote(widest["outlets"][0]), widest["event_date"] or "1900-01-01"
    size = f"{len(widest['outlets'])} outlets, {len(widest['articles'])} articles"
    return {
        f"event page `/events/{{id}}` ({size})": f"{base}/events/{event_id}",
        f"event API `/api/events/{{id}}` ({size})": f"{base}/api/events/{event_id}",
        "events API `/api/events` (first page, 50)": f"{base}/api/events",
        "events API `/api/events?outlet=…&since=…`": f"{base}/api/events?outlet={outlet}&since={since}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--demo", action="store_true", help="the demo corpus (default)")
    source.add_argument("--synthetic", type=int, metavar="N", help="an N-article store built from the raw corpus")
    source.add_argument("--db", type=Path, help="an existing store")
    parser.add_argument("--raw-dir", type=Path, default=raw_to_jsonl.DEFAULT_RAW_DIR)
    parser.add_argument("--workdir", type=Path, help="where to build the store (default: a temp dir, removed)")
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per target")
    parser.add_argument("--connections", type=int, default=8, help="concurrent keep-alive connections")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-serve-"))
    workdir.mkdir(parents=True, exist_ok=True)
    result = {"store": "demo", "build": {}}
    db = args.db
    if db is None:
        db = workdir / "serve.db"
        if args.synthetic:
            result["store"] = f"synthetic {args.synthetic}"
            if not db.exists():
                result["build"] = synthetic_store(db, args.synthetic, args.raw_dir, workdir)
        elif not db.exists():
            demo_store(db)
    else:
        result["store"] = str(db)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    server = start_server(db, port)
    try:
        status = fetch_json(base + "/api/status")  # builds the records snapshot
        result["first_request_s"] = time.perf_counter() - started
        result["status"] = status
        urls = targets(base)
        for url in urls.values():
            urllib.request.urlopen(url, timeout=600).read()  # warm
        result["runs"] = {name: wrk(url, args.seconds, args.connections) for name, url in urls.items()}
        result["server_rss_mb"] = _rss_mb(server.pid)
    finally:
        server.terminate()
        server.wait(10)
    if not args.workdir and not args.db:
        shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    print()
    print("| target | requests/s | p50 ms | p90 ms | p99 ms | non-2xx |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, run in result["runs"].items():
        print(f"| {name} | {run['rps']:.0f} | {run['p50_ms']:.1f} | {run['p90_ms']:.1f} | {run['p99_ms']:.1f} | {run['non_2xx']} |")
    return 0


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
