"""Measure learned *selection* for article headlines (issue 5): not shipped, see BENCHMARKS.md.

Run from the repository root (numpy, python-crfsuite; about 5 minutes on a loaded 2-core machine):

    python training/headline_selection.py

The question: does a trained scorer that picks, among headline candidates built from the first
three lead sentences, the one likeliest to match a real title beat the shipped headline (the
first lead sentence through the rules and the word CRF, :meth:`HeadlineModel.headline`)?

1. Training pairs as ``train_headline.py`` reads them (raw newspaper stories and titled
   disaster-events documents, dev stories left out). Dev is only scored, never fitted.
2. Candidates per story, three designs (:func:`candidates`):
   ``sentence``: the shipped decoding of each of lead sentences 1–3;
   ``clause``: the same, or cut at a clause break (comma, "और", "जबकि", …);
   ``phrase``: as ``clause``, starting at any phrase boundary before the actor/speaker/verb
   (the opening drops the shipped decoder makes only when the CRF is confident).
3. Features of a candidate (:func:`candidate_features`): which sentence, length, whether it
   is the shipped headline, starts the sentence, ends it or a clause, was cut to 16 words, the
   word CRF's mean log-odds of the kept words and summed log-odds of the dropped opening and
   tail, entity and number counts, how often the article repeats its words, an anaphoric start
   ("उन्होंने", "इसके", …). Non-first sentences get their own copy of each feature.
4. A linear softmax ranker (numpy, full-batch gradient descent from zero: deterministic)
   trained towards the candidates' ROUGE-L against the title (soft targets, temperature
   ``TAU``). The word-CRF log-odds of a training pair come from a CRF trained on the other
   four folds (by day/document), so the ranker does not learn from in-sample marginals.
5. Scores: five-fold gain over the shipped headline on the training pairs, and on dev (whole,
   March, May, with the standard error of the per-story difference); the oracle of each
   candidate set. Rankers are trained on all pairs and on pairs whose title has ≥ 8 tokens
   (main-headline length, since most raw titles are sub-headlines of 8 tokens).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

from ghatnakram.evaluate import rouge_l, rouge_tokens
from ghatnakram.headline import (
    WORD_MODEL,
    HeadlineModel,
    Lead,
    _cut,
    deletion_labels,
    kept_words,
    lead_sentences,
    load_headline_model,
    needs_what_follows,
    prepare_lead,
    required_units,
    tidy,
    word_core,
    word_features,
    word_units,
)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
FOLDS = 5
SENTENCES = 3
TAU = 0.05  # temperature of the soft targets
L2 = 1.0
ITERATIONS = 300
MAIN_HEADLINE_TOKENS = 8
DESIGNS = ("sentence", "clause", "phrase")
_ANAPHORA = frozenset(
    "वह वे यह ये इस उस इसके उसके इसमें उसमें उन्होंने उन्हें इन उन ऐसे इसी उसी वहां यहां वहीं इससे उससे इनमें उनमें "
    "इनके उनके इन्हें इसे उसे".split()
)
_BREAK_BEFORE = frozenset("और लेकिन जबकि क्योंकि ताकि जिससे जिसके जिसमें जहां जो".split())
_DIGIT = re.compile("[0-9०-९]")


def _train_headline():
    spec = importlib.util.spec_from_file_location("train_headline", REPO / "training" / "train_headline.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def read_leads(text: str, tag) -> list[Lead]:
    """The first SENTENCES lead sentences of cleaned ``text`` as the word CRF reads them."""
    counts = Counter(word_core(w) for w in text.split())
    leads = []
    for sentence in lead_sentences(text, SENTENCES):
        words = prepare_lead(sentence)
        leads.append(Lead(words, tag([word_core(w) or w for w in words]) if words else [], counts))
    return leads


def _log_odds(p: list[float], drop_below: float) -> list[float]:
    shift = math.log(drop_below / (1 - drop_below))
    return [math.log(max(x, 1e-6) / max(1 - x, 1e-6)) - shift for x in p]


def shipped_headline(lead: Lead, p: list[float], drop_below: float) -> str:
    """:meth:`HeadlineModel.headline` from given keep probabilities."""
    units = word_units(lead.words, lead.tags)
    kept = kept_words(p, units, required_units(lead.words, units), needs_what_follows(lead.words, units), drop_below)
    text = tidy([lead.words[i] for i in kept], ends_sentence=bool(kept) and kept[-1] == len(lead.words) - 1)
    cut = _cut(text)
    return cut if cut == text else tidy(cut.split())


def candidates(design: str, lead: Lead, p: list[float], drop_below: float) -> list[tuple[str, int, int, bool]]:
    """(headline, first word, end, cut to length) for one lead sentence under ``design``."""
    words, n = lead.words, len(lead.words)
    if not n:
        return []
    units = word_units(words, lead.tags)
    required, leads_on = required_units(words, units), needs_what_follows(words, units)
    kept = kept_words(p, units, required, leads_on, drop_below)
    starts = [kept[0] if kept else 0]
    if design == "phrase":
        for u in range(1, len(units)):
            if required[u - 1]:
                break
            if not leads_on[u - 1]:
                starts.append(units[u][0])
    ends = [n]
    if design != "sentence":
        ends += [j + 1 for j in range(n - 1) if words[j][-1:] in ",;" or word_core(words[j + 1]) in _BREAK_BEFORE]
    out: dict[str, tuple[str, int, int, bool]] = {}
    for start in sorted(set(starts)):
        for end in ends:
            if end - start < 4:
                continue
            text = tidy(words[start:end], ends_sentence=end == n)
            cut = _cut(text)
            if cut != text:
                cut = tidy(cut.split())
            if len(cut.split()) >= 4 and cut not in out:
                out[cut] = (cut, start, end, cut != text)
    return list(out.values())


def _bucket(n: int, edges: tuple[int, ...], name: str) -> str:
    return next((f"{name}<={e}" for e in edges if n <= e), f"{name}>{edges[-1]}")


def candidate_features(sentence: int, lead: Lead, log_odds: list[float], candidate, shipped: str) -> dict[str, float]:
    text, start, end, was_cut = candidate
    words, tags, n = lead.words, lead.tags, len(lead.words)
    k = len(text.split())
    stop = min(end, start + k)
    cores = [word_core(w) for w in words[start:stop]]
    content = [c for c in cores if len(c) > 2]
    f = {
        _bucket(k, (6, 9, 12, 14, 16), "len"): 1.0,
        "shipped": float(text == shipped),
        "start0": float(start == 0),
        "opening": min(start, 10) / 10,
        "whole": float(end == n and not was_cut),
        "clause": float(end < n and not was_cut),
        "cut": float(was_cut),
        "kept_log_odds": sum(log_odds[start:stop]) / max(k, 1),
        "opening_log_odds": -sum(log_odds[:start]) / 10,
        "tail_log_odds": -sum(log_odds[stop:]) / 10,
        "opening_name": float(any(t != "O" for t in tags[:start])),
        "opening_number": float(any(_DIGIT.search(w) for w in words[:start])),
        "kept_names": sum(t.startswith("B") for t in tags[start:stop]) / 3,
        "tail_names": sum(t.startswith("B") for t in tags[stop:]) / 3,
        "central": sum(math.log1p(max(lead.counts[c] - 1, 0)) for c in content) / max(len(content), 1),
        "anaphora": float(bool(cores) and cores[0] in _ANAPHORA),
    }
    if sentence:
        f = {f"{key}|later": value for key, value in f.items()} | {key: value for key, value in f.items() if key == "shipped"}
    f[f"sentence{sentence}"] = 1.0
    return f


def story_group(design, title, leads, probabilities, drop_below):
    """(features, ROUGE-L of each candidate, ROUGE-L of the shipped headline) for one story."""
    if not leads or not leads[0].words:
        return [], np.zeros(0), 0.0
    shipped = shipped_headline(leads[0], probabilities[0], drop_below)
    feats, scores = [], []
    for s, (lead, p) in enumerate(zip(leads, probabilities)):
        log_odds = _log_odds(p, drop_below)
        for candidate in candidates(design, lead, p, drop_below):
            feats.append(candidate_features(s, lead, log_odds, candidate, shipped))
            scores.append(rouge_l(title, candidate[0]))
    return feats, np.array(scores), rouge_l(title, shipped)


def to_matrix(feats: list[dict[str, float]], index: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(feats), len(index)))
    for row, f in enumerate(feats):
        for key, value in f.items():
            if key in index:
                x[row, index[key]] = value
    return x


def train_ranker(groups: list[tuple[np.ndarray, np.ndarray]], dim: int) -> np.ndarray:
    """Weights of a linear softmax ranker fitted to soft targets softmax(ROUGE-L / TAU)."""
    weights = np.zeros(dim)
    groups = [(x, r) for x, r in groups if len(r)]
    for _ in range(ITERATIONS):
        grad = L2 * weights / len(groups)
        for x, r in groups:
            s = x @ weights
            p = np.exp(s - s.max())
            q = np.exp((r - r.max()) / TAU)
            grad += x.T @ (p / p.sum() - q / q.sum()) / len(groups)
        weights -= grad
    return weights


def gains(groups, shipped_scores, weights) -> np.ndarray:
    """Per story: ROUGE-L of the ranker's pick less that of the shipped headline."""
    return np.array([(r[int(np.argmax(x @ weights))] if len(r) else 0.0) - b for (x, r), b in zip(groups, shipped_scores)])


def out_of_fold_probabilities(examples, folds, settings, train_headline):
    """Keep probabilities of every lead sentence of each training story from a word CRF
    trained on the other folds' first lead sentences."""
    common = frozenset(settings["common_words"])
    out = [None] * len(examples)
    for k in range(FOLDS):
        train = [(leads[0], deletion_labels(leads[0].words, title)) for (title, leads), f in zip(examples, folds)
                 if f != k and leads and leads[0].words]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / WORD_MODEL
            train_headline.train_crf(((word_features(l.words, l.tags, l.counts, common), y) for l, y in train),
                                     train_headline.WORD_PARAMS, path)
            model = HeadlineModel(path.read_bytes(), settings)
        for i, ((title, leads), f) in enumerate(zip(examples, folds)):
            if f == k:
                out[i] = [model.keep_probability(lead) if lead.words else [] for lead in leads]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--raw", type=Path, default=DATA / "newspapers-raw")
    parser.add_argument("--disaster", type=Path, default=DATA / "disaster-events")
    parser.add_argument("--dev", type=Path, default=DATA / "events-dev" / "dev.jsonl")
    args = parser.parse_args(argv)

    from ghatnakram.ner import load_tagger

    th = _train_headline()
    tag = load_tagger().tag
    model = load_headline_model()
    settings = {"common_words": sorted(model.common), "drop_below": model.drop_below}
    pairs = th.without_dev(th.raw_pairs(args.raw) + th.disaster_pairs(args.disaster), args.dev)
    train = [(p.title, read_leads(th._clean(p.text), tag)) for p in pairs]
    folds = [zlib.crc32(p.group.encode()) % FOLDS for p in pairs]
    train_probs = out_of_fold_probabilities(train, folds, settings, th)
    rows = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("title")]
    dev = [(r["title"], read_leads(th._clean(r["text"]), tag)) for r in rows]
    dev_probs = [[model.keep_probability(lead) if lead.words else [] for lead in leads] for _, leads in dev]
    month = np.array([r["published"][:7] for r in rows])
    main_length = [len(rouge_tokens(title)) >= MAIN_HEADLINE_TOKENS for title, _ in train]

    for design in DESIGNS:
        built = [story_group(design, t, leads, p, model.drop_below) for (t, leads), p in zip(train, train_probs)]
        built_dev = [story_group(design, t, leads, p, model.drop_below) for (t, leads), p in zip(dev, dev_probs)]
        index = {key: i for i, key in enumerate(sorted({k for feats, _, _ in built for f in feats for k in f}))}
        groups = [(to_matrix(feats, index), r) for feats, r, _ in built]
        dev_groups = [(to_matrix(feats, index), r) for feats, r, _ in built_dev]
        shipped, dev_shipped = [b for _, _, b in built], np.array([b for _, _, b in built_dev])
        oracle = np.mean([r.max() if len(r) else 0.0 for _, r in dev_groups])
        print(f"{design}: {np.mean([len(r) for _, r in groups]):.1f} candidates a story; dev shipped "
              f"{dev_shipped.mean():.4f}, oracle of the candidates {oracle:.4f}")
        for name, use in (("all pairs", [True] * len(train)), (f"titles >= {MAIN_HEADLINE_TOKENS} tokens", main_length)):
            fold_gain = []
            for k in range(FOLDS):
                weights = train_ranker([g for g, f, u in zip(groups, folds, use) if f != k and u], len(index))
                test = [i for i, (f, u) in enumerate(zip(folds, use)) if f == k and u]
                fold_gain += list(gains([groups[i] for i in test], [shipped[i] for i in test], weights))
            weights = train_ranker([g for g, u in zip(groups, use) if u], len(index))
            d = gains(dev_groups, dev_shipped, weights)
            halves = ", ".join(f"{m} {dev_shipped[month == m].mean():.4f}→{(dev_shipped + d)[month == m].mean():.4f}"
                               for m in sorted(set(month)))
            print(f"  ranker on {name}: 5-fold gain {np.mean(fold_gain):+.4f}; dev {dev_shipped.mean():.4f}→"
                  f"{(dev_shipped + d).mean():.4f} (gain {d.mean():+.4f} ± {d.std() / math.sqrt(len(d)):.4f} s.e.; "
                  f"{np.mean(d != 0):.0%} changed); {halves}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
