"""Classify the NER tagger's errors on a CoNLL file, by entity type.

Run from the repository root, on a model trained without the file's split (for dev, the
``--select`` model of ``training/train_ner.py``):

    python training/ner_errors.py ../shared/data/ner/il-ner-hindi/Hindi-dev.txt --model /tmp/ner-select \\
        [--train ../shared/data/ner/il-ner-hindi/Hindi-train.txt] [--show 30]

Each gold span the tagger did not find exactly is one of: ``type`` (same tokens, other
type), ``boundary`` (overlaps a guess of its type), ``overlap`` (overlaps a guess of
another type) or ``missed`` (no guess touches it); each wrong guess is likewise
``spurious`` when it touches no gold span. With ``--train``, gold spans are also split by
whether their text occurs as a span in the training file (seen) or not (unseen).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from ghatnakram.ner import ENTITY_TYPES, Tagger, bio_spans, load_tagger, load_tagger_from, read_conll


def span_texts(sentences) -> set[str]:
    """Texts of the PER/LOC/ORG spans of gold sentences."""
    found = set()
    for sentence in sentences:
        for start, end, kind in bio_spans([tag for _, tag in sentence]):
            if kind in ENTITY_TYPES:
                found.add(" ".join(token for token, _ in sentence[start:end]))
    return found


def classify(truth: set, guess: set) -> tuple[list, list]:
    """``(kind, gold span, guess or None)`` for each missed gold span, and each spurious guess."""
    misses, spurious = [], []
    for span in truth - guess:
        touching = [g for g in guess if g[0] < span[1] and span[0] < g[1]]
        same = [g for g in touching if g[2] == span[2]]
        if any(g[:2] == span[:2] for g in touching):
            misses.append(("type", span, next(g for g in touching if g[:2] == span[:2])))
        elif same:
            misses.append(("boundary", span, same[0]))
        elif touching:
            misses.append(("overlap", span, touching[0]))
        else:
            misses.append(("missed", span, None))
    for g in guess - truth:
        if not any(t[0] < g[1] and g[0] < t[1] for t in truth):
            spurious.append(("spurious", None, g))
    return misses, spurious


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("conll", type=Path)
    parser.add_argument("--model", type=Path, help="folder with ner.crfsuite etc. (default: the shipped model)")
    parser.add_argument("--train", type=Path, help="training CoNLL file, to split gold spans into seen/unseen")
    parser.add_argument("--show", type=int, default=20, help="examples shown per (type, error kind)")
    args = parser.parse_args(argv)
    tagger: Tagger = load_tagger_from(args.model) if args.model else load_tagger()
    seen = span_texts(read_conll(args.train, strict=False)) if args.train else None
    counts: Counter = Counter()
    unseen_counts: Counter = Counter()
    examples: dict = defaultdict(list)
    for sentence in read_conll(args.conll, strict=False):
        tokens = [t for t, _ in sentence]
        truth = {s for s in bio_spans([t for _, t in sentence]) if s[2] in ENTITY_TYPES}
        guess = {s for s in bio_spans(tagger.tag(tokens)) if s[2] in ENTITY_TYPES}
        misses, spurious = classify(truth, guess)
        for span in truth:
            text = " ".join(tokens[span[0]:span[1]])
            novelty = "unseen" if seen is not None and text not in seen else "seen"
            unseen_counts[span[2], novelty, "gold"] += 1
            unseen_counts[span[2], novelty, "found"] += span in guess
        for kind, span, g in misses + spurious:
            entity = (span or g)[2]
            counts[entity, kind] += 1
            show = lambda s: f"{' '.join(tokens[s[0]:s[1]])}/{s[2]}" if s else "-"  # noqa: E731
            lo, hi = min(x[0] for x in (span, g) if x), max(x[1] for x in (span, g) if x)
            context = " ".join(tokens[max(0, lo - 3):hi + 3])
            examples[entity, kind].append(f"gold {show(span):<30} guess {show(g):<30} | {context}")
    for entity in ENTITY_TYPES:
        row = "  ".join(f"{kind} {counts[entity, kind]}" for kind in ("missed", "boundary", "type", "overlap", "spurious"))
        print(f"{entity}: {row}")
        if seen is not None:
            for novelty in ("seen", "unseen"):
                gold, hit = unseen_counts[entity, novelty, "gold"], unseen_counts[entity, novelty, "found"]
                print(f"    {novelty}: {hit}/{gold} = {hit / max(gold, 1):.2f}")
    for (entity, kind), lines in sorted(examples.items()):
        print(f"\n== {entity} {kind} ({len(lines)})")
        for line in lines[: args.show]:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
