"""Train the headline compressor (:mod:`ghatnakram.headline_compress`) shipped in ``src/ghatnakram/resources/``.

Run from the repository root (python-crfsuite; a few minutes on a loaded 2-core machine):

    python training/train_headline_compressor.py

Pairs as ``training/train_headline.py`` reads them (titled raw newspaper stories, mostly
sub-headlines, and disaster-events documents whose first paragraph is a title), every story
sharing a title or a first lead sentence with a dev story left out. Each pair gives the first
``SENTENCES`` lead sentences through the hand rules and keep/drop labels of their words from a
longest common subsequence with the title (:func:`ghatnakram.headline.deletion_labels`).

The decoder's settings (``max_words``, ``title_words``, ``clause_cost``) are
chosen on a held-out fifth of the pairs (by day or document), then the CRF is trained on all
pairs and written with ``headline_compressor.json``. ``--dev`` only leaves dev stories out: the dev
file is never scored here (``ghatnakram eval-headlines --compressor`` scores it).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_headline import (  # noqa: E402  (a sibling script, not a package)
    DATA,
    DEFAULT_OUT,
    HELD_OUT,
    Pair,
    _clean,
    common_words,
    disaster_pairs,
    raw_pairs,
    train_crf,
    without_dev,
)

from ghatnakram.evaluate import rouge_l  # noqa: E402
from ghatnakram.headline import deletion_labels  # noqa: E402
from ghatnakram.headline_compress import (  # noqa: E402
    COMPRESSOR_MODEL,
    COMPRESSOR_SETTINGS,
    SENTENCES,
    CompressorModel,
    Passage,
    choose_words,
    passage_clauses,
    passage_features,
    read_passage,
    render,
)

import zlib  # noqa: E402

PARAMS = {"c1": 1.0, "c2": 0.1, "max_iterations": 200, "feature.possible_transitions": True}
MAX_WORDS = (14, 16, 20)  # candidates for the longest headline
TITLE_WORDS = (8.0, 12.0, 16.0, 20.0)
CLAUSE_COST = (0.0, 0.03, 0.1)


@dataclass
class Example:
    pair: Pair
    passage: Passage
    labels: list[str]


def make_example(pair: Pair, tag, sentences: int) -> Example | None:
    passage = read_passage(_clean(pair.text), tag, sentences)
    if not passage.words:
        return None
    return Example(pair, passage, deletion_labels(passage.words, pair.title))


def train_model(examples: list[Example], common: frozenset[str], path: Path) -> None:
    train_crf(((passage_features(e.passage, common), e.labels) for e in examples), PARAMS, path)


def held_out(example: Example) -> bool:
    return zlib.crc32(example.pair.group.encode()) % HELD_OUT == 0


def settings_for(common: list[str], sentences: int, max_words: int, title_words: float, clause_cost: float) -> dict:
    return {"sentences": sentences, "max_words": max_words, "title_words": title_words, "clause_cost": clause_cost,
            "common_words": common}


def grid(model_path: Path, common: list[str], sentences: int, examples: list[Example]) -> dict[tuple[int, float, float], float]:
    """Mean ROUGE-L on ``examples`` for each decoder setting (max_words, title_words, clause_cost)."""
    scores = {}
    model = CompressorModel(model_path.read_bytes(), settings_for(common, sentences, 20, 10.0, 0.0))
    probabilities = [model.keep_probability(e.passage) for e in examples]
    clauses = [passage_clauses(e.passage) for e in examples]
    for setting in itertools.product(MAX_WORDS, TITLE_WORDS, CLAUSE_COST):
        total = 0.0
        for e, p, cl in zip(examples, probabilities, clauses):
            total += rouge_l(e.pair.title, render(e.passage, choose_words(p, cl, *setting)))
        scores[setting] = total / len(examples)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=DATA / "newspapers-raw")
    parser.add_argument("--disaster", type=Path, default=DATA / "disaster-events")
    parser.add_argument("--dev", type=Path, default=DATA / "events-dev" / "dev.jsonl", help="stories left out of training")
    parser.add_argument("--sentences", type=int, default=SENTENCES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    from ghatnakram.ner import load_tagger

    started = time.perf_counter()
    tag = load_tagger().tag
    pairs = without_dev(raw_pairs(args.raw) + disaster_pairs(args.disaster), args.dev)
    examples = [e for e in (make_example(p, tag, args.sentences) for p in pairs) if e]
    common = common_words(pairs)
    print(f"pairs: {len(pairs)} after leaving out dev stories ({dict(Counter(p.source for p in pairs))}), "
          f"{len(examples)} with a lead; {len(common)} common words", file=sys.stderr)

    train = [e for e in examples if not held_out(e)]
    test = [e for e in examples if held_out(e)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / COMPRESSOR_MODEL
        train_model(train, frozenset(common), path)
        scores = grid(path, common, args.sentences, test)
    for (m, t, c), v in sorted(scores.items()):
        print(f"held-out max_words={m} title_words={t} clause_cost={c}: {v:.4f}", file=sys.stderr)
    max_words, title_words, clause_cost = max(scores, key=scores.get)

    args.out.mkdir(parents=True, exist_ok=True)
    train_model(examples, frozenset(common), args.out / COMPRESSOR_MODEL)
    settings = json.dumps(settings_for(common, args.sentences, max_words, title_words, clause_cost), ensure_ascii=False, indent=1) + "\n"
    (args.out / COMPRESSOR_SETTINGS).write_text(settings, encoding="utf-8")
    print(f"chosen max_words={max_words} title_words={title_words} clause_cost={clause_cost}; wrote {args.out}; "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
