"""How the event and storyline scores hold up when a labelled file's input fields change shape.

``ghatnakram eval`` scores one file as given. Data it has not seen may differ in ways that have
nothing to do with the news: stories timed to the minute instead of dated to the day (so a day's
stories reach the online assignment in another order), some or all stories without a
publication date, or without a title. Each variant below is the labelled file (default
../shared/data/events-dev/dev.jsonl) with one such change, written under ``--workdir`` (never
into the repository: dev has no licence) and scored as ``ghatnakram eval`` scores it:

- ``as given``;
- ``times of day, seed k``: each story published at a random minute between 05:00 and 22:59 IST
  of its own day (seeds 1 to ``--orders``), the day's stories then assigned in that order;
- ``undated 10%``: the publication date left out of about one story in ten (seed 7);
- ``no publication dates``: left out of every story;
- ``no titles``: every title left out (a headline is written from the text);
- ``with distractors`` (given ``--distractors FILE``): run together with unlabelled stories of the
  same days, such as ``bench/raw_to_jsonl.py`` writes from the raw newspaper files, the labelled
  stories alone scored. A distractor whose title, or whose text's first 80 characters, equals a
  labelled story's is that story, and is left out. For dev, what is left (1,077 items) is no
  other news: every one is a piece of a dev story's own text, cut at a sub-heading.

    python bench/bench_perturb.py --workdir /tmp/perturb [--orders 5] [--only times]
    python bench/raw_to_jsonl.py -o /tmp/raw.jsonl
    python bench/bench_perturb.py --workdir /tmp/perturb --only distractors --distractors /tmp/raw.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Iterable

from ghatnakram.evaluate import evaluate_file, read_gold, run_stories, score

DEFAULT_EVENTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "events-dev" / "dev.jsonl"
MEASURES = ("event_bcubed_f1", "event_pair_p", "event_pair_r", "event_pair_f1", "storyline_bcubed_f1", "event_date_acc")


def write_jsonl(path: Path, rows: Iterable[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def timed(rows: list[dict], seed: int) -> list[dict]:
    """The stories published at a random minute of their day (05:00–22:59 IST)."""
    rnd = random.Random(seed)
    out = []
    for row in rows:
        minute = rnd.randrange(5 * 60, 23 * 60)
        published = row.get("published")
        timed_row = dict(row)
        if published and len(published) == len("2020-03-01"):
            timed_row["published"] = f"{published}T{minute // 60:02d}:{minute % 60:02d}:00+05:30"
        out.append(timed_row)
    return out


def undated(rows: list[dict], share: float, seed: int) -> list[dict]:
    rnd = random.Random(seed)
    return [{k: v for k, v in row.items() if k != "published"} if rnd.random() < share else row for row in rows]


def untitled(rows: list[dict]) -> list[dict]:
    return [{**row, "title": ""} for row in rows]


def _same_story_key(row: dict) -> tuple[str, str]:
    return " ".join((row.get("title") or "").split()), " ".join(row.get("text", "").split())[:80]


def new_distractors(rows: list[dict], distractors: list[dict]) -> list[dict]:
    """The distractors that are not one of the labelled stories (by title or opening text)."""
    keys = [_same_story_key(row) for row in rows]
    titles, openings = {title for title, _ in keys} - {""}, {opening for _, opening in keys}
    return [d for d in distractors if not ((key := _same_story_key(d))[0] in titles or key[1] in openings)]


def score_among(rows: list[dict], distractors: list[dict], workdir: Path) -> dict:
    """Scores of the labelled ``rows`` run together with ``distractors`` (their labels unread)."""
    predictions, _ = run_stories(rows + distractors, workdir)
    labelled = {row["id"] for row in rows}
    return score(rows, {story: record for story, record in predictions.items() if story in labelled})


def variants(rows: list[dict], orders: int) -> dict[str, list[dict]]:
    found = {"as given": rows}
    found.update({f"times of day, seed {seed}": timed(rows, seed) for seed in range(1, orders + 1)})
    found["undated 10%"] = undated(rows, 0.1, seed=7)
    found["no publication dates"] = undated(rows, 1.0, seed=7)
    found["no titles"] = untitled(rows)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=Path, default=DEFAULT_EVENTS)
    parser.add_argument("--workdir", type=Path, required=True)
    parser.add_argument("--orders", type=int, default=5, help="how many random times-of-day variants")
    parser.add_argument("--only", help="score only the variants whose name contains this")
    parser.add_argument("--distractors", type=Path, help="unlabelled stories of the same days to run the labelled ones among")
    args = parser.parse_args(argv)
    rows = read_gold(args.events)
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(f"{'variant':28s} " + " ".join(f"{m:>19s}" for m in MEASURES))
    timed_pairs = []
    for name, variant in variants(rows, args.orders).items():
        if args.only and args.only not in name:
            continue
        path = write_jsonl(args.workdir / (name.replace(" ", "_").replace(",", "").replace("%", "pct") + ".jsonl"), variant)
        scores = evaluate_file(path)
        if name.startswith("times of day"):
            timed_pairs.append(scores["event_pair_f1"])
        print(f"{name:28s} " + " ".join(f"{scores[m]:19.4f}" for m in MEASURES), flush=True)
    if args.distractors and (not args.only or args.only in "with distractors"):
        read = [json.loads(line) for line in args.distractors.read_text(encoding="utf-8").splitlines() if line.strip()]
        distractors = new_distractors(rows, read)
        scores = score_among(rows, distractors, args.workdir)
        name = f"with {len(distractors)} distractors"
        print(f"{name:28s} " + " ".join(f"{scores[m]:19.4f}" for m in MEASURES), flush=True)
    if timed_pairs:
        print(f"times of day: pairwise F1 mean {sum(timed_pairs) / len(timed_pairs):.4f}, "
              f"min {min(timed_pairs):.4f}, max {max(timed_pairs):.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
