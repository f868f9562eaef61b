"""Evaluation against labelled files shaped like events-dev: one JSON object per story with
``id, outlet, published, title, text`` and ``gold: {event, storyline, event_date}``.

The measures follow the project's reference scorer (shared/tools/score_events.py):
B-cubed and pairwise precision/recall/F1 for events, B-cubed for storylines, event-date
accuracy over the stories whose gold date is known, and headline ROUGE-L F1 over
whitespace tokens after NFC (punctuation other than Devanagari and word characters
removed, lower-cased).
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Iterator

from .models import Problem


class BadGoldFile(ValueError):
    """A labelled file that cannot be scored; the message names the file and line."""


def read_gold(path: Path, skipped: list[str] | None = None, labels: tuple[str, ...] = ("event", "storyline")) -> list[dict]:
    """The labelled stories of ``path``, checked for the fields evaluation needs.

    A line that is no JSON object with an ``id`` and a ``gold`` object holding ``labels``
    raises BadGoldFile naming the file and line; given a ``skipped`` list, it is left out
    instead and its message appended. A file with no labelled story is an error either way.
    """
    rows = []
    with path.open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            row = _gold_row(line, labels)
            if isinstance(row, str):  # what is wrong with the line
                if skipped is None:
                    raise BadGoldFile(f"{path}:{number}: {row}")
                skipped.append(f"{path}:{number}: {row}")
                continue
            rows.append(row)
    if not rows:
        raise BadGoldFile(f"{path}: no labelled stories")
    return rows


def _gold_row(line: str, labels: tuple[str, ...]) -> dict | str:
    """A labelled story read from one line, or what is wrong with the line."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return f"malformed JSON ({exc.msg}); fix or remove the line"
    if not isinstance(row, dict) or "id" not in row or not isinstance(row.get("gold"), dict) \
            or not set(labels) <= row["gold"].keys():
        return "needs 'id' and a 'gold' object with event, storyline, event_date"
    return row


def input_records(rows: list[dict]) -> Iterator[dict]:
    """The stories as pipeline input: the gold labels removed."""
    for row in rows:
        yield {key: value for key, value in row.items() if key != "gold"}


# --- measures ---------------------------------------------------------------

def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of ``pred`` against ``gold`` (both id → cluster label)."""
    gold_members, pred_members = _members(gold), _members(pred)
    precision = recall = 0.0
    for item in gold:
        g, p = gold_members[gold[item]], pred_members[pred[item]]
        shared = len(g & p)
        precision += shared / len(p)
        recall += shared / len(g)
    precision, recall = precision / len(gold), recall / len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall, F1 over pairs of items put in one cluster."""
    gold_pairs, pred_pairs = _pairs(gold), _pairs(pred)
    shared = len(gold_pairs & pred_pairs)
    precision = shared / len(pred_pairs) if pred_pairs else 1.0
    recall = shared / len(gold_pairs) if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def rouge_l(reference: str, hypothesis: str) -> float:
    """ROUGE-L F1 between two strings over the tokens of :func:`rouge_tokens`."""
    ref, hyp = rouge_tokens(reference), rouge_tokens(hypothesis)
    if not ref or not hyp:
        return 0.0
    lcs = _lcs_length(ref, hyp)
    return _f1(lcs / len(hyp), lcs / len(ref)) if lcs else 0.0


_NON_WORD = re.compile(r"[^\w\u0900-\u097F]+")


def rouge_tokens(text: str) -> list[str]:
    """NFC, punctuation (other than word and Devanagari characters) to spaces, lower case, split."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFC", text or "")).lower().split()


def _lcs_length(a: list[str], b: list[str]) -> int:
    row = [0] * (len(b) + 1)
    for x in a:
        previous = 0
        for j, y in enumerate(b, 1):
            current = row[j]
            row[j] = previous + 1 if x == y else max(row[j], row[j - 1])
            previous = current
    return row[-1]


def _members(labels: dict[str, str]) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for item, label in labels.items():
        members[label].add(item)
    return members


def _pairs(labels: dict[str, str]) -> set[tuple[str, str]]:
    return {pair for group in _members(labels).values() for pair in itertools.combinations(sorted(group), 2)}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(gold_rows: list[dict], predictions: dict[str, dict]) -> dict:
    """Score predictions (id → output record of ``run``) against labelled stories.

    A story without a prediction counts as a wrong singleton, as in the reference scorer.
    """
    out: dict = {"articles": len(gold_rows)}
    ids = [row["id"] for row in gold_rows]
    gold = {row["id"]: row for row in gold_rows}
    out["missing"] = sum(1 for i in ids if i not in predictions)
    gold_events = {i: gold[i]["gold"]["event"] for i in ids}
    pred_events = {i: str(predictions[i].get("event")) if i in predictions else f"__missing__{i}" for i in ids}
    out["event_bcubed_p"], out["event_bcubed_r"], out["event_bcubed_f1"] = bcubed(gold_events, pred_events)
    out["event_pair_p"], out["event_pair_r"], out["event_pair_f1"] = pairwise(gold_events, pred_events)
    predicted = [i for i in ids if i in predictions]
    if predicted and all("storyline" in predictions[i] for i in predicted):
        gold_lines = {i: gold[i]["gold"]["storyline"] for i in predicted}
        pred_lines = {i: str(predictions[i]["storyline"]) for i in predicted}
        out["storyline_bcubed_p"], out["storyline_bcubed_r"], out["storyline_bcubed_f1"] = bcubed(gold_lines, pred_lines)
    dated = [i for i in predicted if gold[i]["gold"].get("event_date")]
    if dated and any("event_date" in predictions[i] for i in predicted):
        right = sum(1 for i in dated if str(predictions[i].get("event_date") or "")[:10] == gold[i]["gold"]["event_date"])
        out["event_date_acc"] = right / len(dated)
    if any(predictions[i].get("headline") for i in predicted):
        total = sum(rouge_l(gold[i].get("title", ""), predictions[i].get("headline") or "") for i in predicted)
        out["headline_rouge_l"] = total / len(predicted)
    return out


def evaluate_file(path: Path, skipped: list[str] | None = None, failed: list[str] | None = None) -> dict:
    """Run the pipeline on a labelled file in a fresh temporary store and score its output
    (``skipped``: see :func:`read_gold`). A story the pipeline refuses (a publication date in the
    future, a text with no Hindi) is scored as missing, and ``failed`` gets what was wrong with it,
    by its id."""
    import tempfile

    rows = read_gold(path, skipped)
    with tempfile.TemporaryDirectory(prefix="ghatnakram-eval-") as folder:
        predictions, problems = run_stories(rows, Path(folder))
    if failed is not None:
        failed += [_refused_story(problem, rows, path) for problem in problems]
    return score(rows, predictions)


def run_stories(rows: list[dict], folder: Path) -> tuple[dict[str, dict], list[Problem]]:
    """Run the pipeline on labelled stories (their labels unread) in a fresh store in ``folder``:
    the output record of each story it took, by id, and the problems of those it refused (each
    naming the story's line among ``rows``)."""
    import io

    from .pipeline import run
    from .store import open_store

    source = folder / "input.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in input_records(rows)), encoding="utf-8")
    db = folder / "eval.db"
    db.unlink(missing_ok=True)
    store = open_store(db)
    out = io.StringIO()
    try:
        report = run(source, out, store)
    finally:
        store.close()
    return {record["id"]: record for record in map(json.loads, out.getvalue().splitlines())}, report.problems


def _refused_story(problem: Problem, rows: list[dict], path: Path) -> str:
    """What the pipeline found wrong with a story of ``path``, named by the story's id (the
    problem names a line of the temporary input, one story per line)."""
    line = problem.where.rsplit(":", 1)[-1]
    story = rows[int(line) - 1]["id"] if line.isdigit() and 0 < int(line) <= len(rows) else "?"
    return f"{path}: story {story}: {problem.message}; scored as missing"


def format_scores(scores: dict, width: int = 22) -> str:
    """One line per measure, as the reference scorer prints them."""
    return "\n".join(f"{k:{width}s} {v:.4f}" if isinstance(v, float) else f"{k:{width}s} {v}" for k, v in scores.items())
