"""Ingest throughput benchmark (issues 2 and 4).

Builds JSON Lines from the raw newspaper files (bench/raw_to_jsonl.py) into a temp
dir, then ingests them in-process with the library API (``pipeline.ingest``, as
``ghatnakram ingest --workers N`` does) into a fresh SQLite store in a temp dir, and reports:

* articles/s for the whole ingest: reading and parsing the JSON, normalisation,
  boilerplate cleaning, exact and near-duplicate checks, analysis, storing, and the
  assignment to events and storylines; and, apart, when the first article was done (the
  startup: models, the workers) and the rate after it;
* CPU seconds of this process and of its worker processes (``--workers``), which
  depend less on what else the machine runs than the wall clock does, and the load
  average before and after;
* peak resident memory (getrusage ru_maxrss, of this process and of the largest
  worker) and the resident memory (VmRSS) after each 25% of the articles, to show
  memory stays flat as the store grows.

``--repeat N`` ingests the corpus N times into the same store. Rounds 2..N get ids
suffixed with the round (``-r2``) and a Hindi round-marker sentence appended to the
text, so they are new articles, not skipped as already stored (same id or same
content). Near-duplicate detection flags them as copies of round 1, which exercises
the LSH candidate path. With the default ``--marker end`` only the last paragraph
changes, so every other line recurs once per round; ingest learns lines that occur
in 5 articles of an outlet as boilerplate, so from round 6 on most of each story
would be stripped as boilerplate and the workload would shrink. For N > 5 use
``--marker paragraph`` (the marker after every paragraph: no line recurs, ~17% more
words per article).

The raw data has no redistribution licence: everything generated goes to a temp
dir (or --workdir, e.g. bench/out/), never into the repository.

    python bench/bench_ingest.py
    python bench/bench_ingest.py --repeat 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import raw_to_jsonl  # noqa: E402

import ghatnakram  # noqa: E402
from ghatnakram.parallel import default_workers  # noqa: E402
from ghatnakram.pipeline import ingest  # noqa: E402

CHECKPOINTS = (25, 50, 75, 100)
ROUND_MARKER = " यह बेंचमार्क के दौर {round} की प्रति है ।"


def vm_rss_mb() -> float:
    """Current resident set size in MB, from /proc/self/status."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds() -> tuple[float, float]:
    """CPU seconds (user + system) used so far by this process, and by its finished worker processes."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def write_round(base: Path, out: Path, round_no: int, marker_at: str = "end") -> int:
    """Write round ``round_no`` of the corpus to ``out``: round 1 as is, later rounds made unique.

    ``marker_at`` is ``end`` (marker sentence after the last paragraph) or ``paragraph`` (after each).
    """
    count = 0
    marker = ROUND_MARKER.format(round=round_no)
    with base.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            if round_no > 1:
                record["id"] = f"{record['id']}-r{round_no}"
                if marker_at == "paragraph":
                    record["text"] = "\n".join(p + marker if p.strip() else p for p in record["text"].split("\n"))
                else:
                    record["text"] = record["text"].rstrip() + marker
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


class Progress:
    """on_item callback: counts articles and samples VmRSS at each checkpoint share of ``total``."""

    def __init__(self, total: int, start: float):
        self.total = total
        self.start = start
        self.done = 0
        self.first = self.last = 0.0
        self.marks = [(pct, max(1, round(total * pct / 100))) for pct in CHECKPOINTS]
        self.samples: list[dict] = []

    def __call__(self) -> None:
        self.done += 1
        if self.done == 1:
            self.first = time.perf_counter() - self.start  # models loaded, workers started, first chunk done
        self.last = time.perf_counter() - self.start
        while self.marks and self.done >= self.marks[0][1]:
            pct, _ = self.marks.pop(0)
            self.samples.append({
                "pct": pct, "articles": self.done, "seconds": round(time.perf_counter() - self.start, 2),
                "rss_mb": round(vm_rss_mb(), 1),
            })


def run(args: argparse.Namespace, workdir: Path) -> dict:
    base = workdir / "corpus.jsonl"
    counts = raw_to_jsonl.convert(args.raw_dir, base)
    rounds = []
    for round_no in range(1, args.repeat + 1):
        path = workdir / f"round{round_no}.jsonl"
        rounds.append((path, write_round(base, path, round_no, args.marker)))
    total = sum(n for _, n in rounds)
    print(f"corpus: {counts['stories']} stories from {counts['files']} raw files; "
          f"{args.repeat} round(s), {total} articles to ingest")

    db = workdir / "bench.db"
    store = ghatnakram.open_store(db)
    rss_before = vm_rss_mb()
    load_before = os.getloadavg()
    cpu_before = cpu_seconds()
    start = time.perf_counter()
    progress = Progress(total, start)
    per_round = []
    totals = {"read": 0, "stored": 0, "duplicates": 0, "skipped": 0, "failed": 0}
    for round_no, (path, n) in enumerate(rounds, start=1):
        round_start = time.perf_counter()
        report = ingest([str(path)], store, on_item=progress, workers=args.workers)
        seconds = time.perf_counter() - round_start
        row = {"round": round_no, "articles": n, "seconds": round(seconds, 2), "articles_per_s": round(n / seconds, 1),
               "read": report.read, "stored": report.stored, "duplicates": report.duplicates,
               "skipped": report.skipped, "failed": report.failed}
        per_round.append(row)
        for key in totals:
            totals[key] += row[key]
    elapsed = time.perf_counter() - start
    cpu_main, cpu_workers = (after - before for after, before in zip(cpu_seconds(), cpu_before))
    load_after = os.getloadavg()
    stored_articles = store.count_articles()
    store.close()
    db_mb = sum(p.stat().st_size for p in workdir.glob("bench.db*")) / 1e6

    return {
        "benchmark": "ingest",
        "date": datetime.now(timezone.utc).date().isoformat(),
        "python": platform.python_version(),
        "nproc": os.cpu_count(),
        "ghatnakram": ghatnakram.__version__,
        "workers": args.workers,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "repeat": args.repeat,
        "marker": args.marker if args.repeat > 1 else None,
        "articles": total,
        "seconds": round(elapsed, 2),
        "articles_per_s": round(total / elapsed, 1),
        # Startup (loading the models, starting the workers) is paid once per
        # run; the rate after the first article is what a long ingest approaches.
        "first_article_s": round(progress.first, 2),
        "articles_per_s_after_first": round((progress.done - 1) / (progress.last - progress.first), 1)
        if progress.done > 1 and progress.last > progress.first else None,
        "cpu_main_s": round(cpu_main, 2),
        "cpu_workers_s": round(cpu_workers, 2),
        "cpu_ms_per_article": round(1000 * (cpu_main + cpu_workers) / total, 2),
        **totals,
        "stored_in_db": stored_articles,
        "db_mb": round(db_mb, 1),
        "rss_before_ingest_mb": round(rss_before, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_worker_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "rss_mb": {f"{s['pct']}%": s["rss_mb"] for s in progress.samples},
        "checkpoints": progress.samples,
        "rounds": per_round,
    }


def print_table(result: dict) -> None:
    print()
    print(f"{'round':>5} {'articles':>8} {'seconds':>8} {'art/s':>8} {'stored':>7} {'dups':>6} {'skipped':>7} {'failed':>6}")
    for r in result["rounds"]:
        print(f"{r['round']:>5} {r['articles']:>8} {r['seconds']:>8.2f} {r['articles_per_s']:>8.1f} "
              f"{r['stored']:>7} {r['duplicates']:>6} {r['skipped']:>7} {r['failed']:>6}")
    print(f"{'all':>5} {result['articles']:>8} {result['seconds']:>8.2f} {result['articles_per_s']:>8.1f} "
          f"{result['stored']:>7} {result['duplicates']:>6} {result['skipped']:>7} {result['failed']:>6}")
    print()
    print(f"{'done':>5} {'articles':>8} {'seconds':>8} {'VmRSS MB':>9}")
    print(f"{'0%':>5} {0:>8} {0:>8.2f} {result['rss_before_ingest_mb']:>9.1f}")
    for s in result["checkpoints"]:
        print(f"{str(s['pct']) + '%':>5} {s['articles']:>8} {s['seconds']:>8.2f} {s['rss_mb']:>9.1f}")
    print(f"peak RSS (ru_maxrss) {result['peak_rss_mb']:.1f} MB, largest worker {result['peak_worker_rss_mb']:.1f} MB; store {result['stored_in_db']} articles, "
          f"{result['db_mb']:.1f} MB on disk")
    print(f"first article after {result['first_article_s']:.2f} s; after it "
          f"{result['articles_per_s_after_first']} articles/s")
    print(f"workers {result['workers']}; CPU {result['cpu_main_s']:.2f} s main + {result['cpu_workers_s']:.2f} s workers "
          f"= {result['cpu_ms_per_article']:.2f} ms per article; load average (1, 5, 15 min) "
          f"{result['load_average_before']} before, {result['load_average_after']} after")
    print()


def _maybe_profiled(args: argparse.Namespace, workdir: Path) -> dict:
    if not args.profile:
        return run(args, workdir)
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    result = profiler.runcall(run, args, workdir)
    profiler.dump_stats(args.profile)
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(20)
    stats.sort_stats("cumulative").print_stats(r"ghatnakram|sqlite3", 30)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw-dir", type=Path, default=raw_to_jsonl.DEFAULT_RAW_DIR,
                        help="folder of raw newspaper files (default: %(default)s)")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="ingest the corpus N times, rounds 2..N made unique (default: %(default)s)")
    parser.add_argument("--marker", choices=("end", "paragraph"), default="end",
                        help="where rounds 2..N get their round-marker sentence: after the text (default) "
                             "or after every paragraph (use for N > 5, see above)")
    parser.add_argument("--workers", type=int, default=default_workers(), metavar="N",
                        help="processes cleaning and analysing articles, as `ghatnakram ingest --workers` "
                             "(default: the number of cores, %(default)s; 1 = all in one process)")
    parser.add_argument("--workdir", type=Path,
                        help="keep the JSONL and the store here (e.g. bench/out/) instead of a temp dir deleted at the end")
    parser.add_argument("--json-out", type=Path, help="also write the full result as JSON to this file")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="run under cProfile, write the stats to FILE and print the top functions "
                             "(slows the run: do not quote its throughput)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.repeat > 5 and args.marker == "end":
        print("warning: with --repeat > 5 and --marker end, rounds 6+ lose most lines as learned boilerplate; "
              "use --marker paragraph", file=sys.stderr)

    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        for stale in args.workdir.glob("bench.db*"):
            stale.unlink()
        result = _maybe_profiled(args, args.workdir)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="ghatnakram-bench-"))
        try:
            result = _maybe_profiled(args, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)

    print_table(result)
    summary = {k: v for k, v in result.items() if k not in ("checkpoints", "rounds")}
    print(json.dumps(summary, ensure_ascii=False))
    if args.json_out:
        args.json_out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
