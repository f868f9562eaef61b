"""Train the Hindi NER model shipped in ``src/ghatnakram/resources/``.

Run from the repository root (python-crfsuite must be installed; about 3 minutes):

    python training/build_word_clusters.py   # only if the raw text or the cluster method changed
    python training/train_ner.py

which is the same as

    python training/train_ner.py --data ../shared/data/ner/il-ner-hindi \\
        --gazetteers ../shared/data/gazetteers --clusters src/ghatnakram/resources/ner_clusters.tsv \\
        --out src/ghatnakram/resources

This trains the shipped model on TRAIN+DEV with the parameters in ``CHOSEN`` and prints
test scores. The shipped ``ner.crfsuite`` (SHA-1 82d67fca…) was trained at commit e1e932a and is
rebuilt byte for byte there (``git worktree add /tmp/ner e1e932a && cd /tmp/ner && python
training/train_ner.py``); ``places.tsv`` has gained towns since, and a model trained at a later
commit reads them as gazetteer entries and differs (see BENCHMARKS.md, session 22). How those were chosen (TRAIN only, scored on dev; about 10 minutes for the grid):

    python training/train_ner.py --select --dev-only --out /tmp/ner-select

Dev has only 678 PER/LOC/ORG spans, and the masking seed alone moves its F1 by ±0.012; to
judge a feature, cross-validate over TRAIN+DEV instead (3 folds, about 10 minutes; folds
interleave because the IL-NER files are sorted by the entity types a sentence contains):

    python training/train_ner.py --cv 3

Steps (each a function below):

1. Read IL-NER Hindi train/dev/test (CoNLL, BIO). NEP→PER, NEL→LOC, NEO→ORG, NEN→NUM,
   NETI→TIME; other types → O. The few malformed tags are repaired by
   :func:`ghatnakram.ner.canonical_tag`; the one line without a tab is skipped.
2. Training sentences whose "A - B" words the project's tokenizer would keep as one
   token ("अल-शरा") are added a second time in that form, so run-time tokens look familiar.
3. Gazetteer: place names from CLDR 37 (territories, time-zone cities), i18n-iso-countries
   and covid19india (states, districts; machine-translation howlers removed), and every name
   and alias of the project's place table ``places.tsv`` (built from the same sources, with the
   short and common names news uses: यूपी, हिमाचल, ब्रिटेन, भुवनेश्वर); person first
   names, surnames and organisation words learned from the TRAINING split only. Place
   names that are mostly common words in the training text (गया "went") are dropped.
   Training features use name lists built without the sentence's own fold (5 folds), so
   the CRF learns how much a list entry is worth on names it has not seen. 15% of the
   ordinary words outside names, and ``NAME_MASK_SHARE`` of the words inside names, are
   trained without their identity (seeded), so words IL-NER never saw do not read as
   parts of names, and names it never saw are found by lists, word clusters
   (``ner_clusters.tsv``, see ``training/build_word_clusters.py``), affixes and context.
4. CRF (lbfgs). With ``--select``: for each (c1, c2) in a fixed grid, trained on TRAIN and
   chosen by micro F1 (PER/LOC/ORG) on DEV. Without it: one model on TRAIN+DEV with
   ``CHOSEN``, scored on TEST. The model is written with the gazetteer and the clusters.
   Nothing from the data files is copied into the repo except the learned name lists in
   ``ner_gazetteer.tsv`` and the word-cluster ids.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from ghatnakram.ner import (
    CUE_CLASSES,
    CLUSTER_FILE,
    ENTITY_TYPES,
    GAZETTEER_FILE,
    MODEL_FILE,
    NEVER_AT_EDGE,
    FeatureExtractor,
    Gazetteer,
    Tagger,
    WordClusters,
    bio_spans,
    format_scores,
    load_tagger_from,
    loose_key,
    read_conll,
    score_sentences,
    script_class,
)
from ghatnakram.normalize import tokenize
from ghatnakram.places import all_places

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner" / "il-ner-hindi"
DEFAULT_GAZETTEERS = REPO.parent / "shared" / "data" / "gazetteers"
DEFAULT_OUT = REPO / "src" / "ghatnakram" / "resources"

GRID = [(c1, c2) for c1 in (0.05, 0.15) for c2 in (0.01, 0.05)]
CHOSEN = (0.15, 0.01)  # c1, c2 chosen on dev with --select; the shipped model is trained with these
CRF_PARAMS = {
    "max_iterations": 200,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
    "epsilon": 1e-5,
    "period": 10,
    "delta": 1e-5,
}
FOLDS = 5
SEED = 13
MASK_SHARE = 0.15  # of ordinary words outside names, trained as if unseen
NAME_MASK_SHARE = 0.0  # of words inside names trained as if unseen; 0.3 cost ~0.01 dev F1 for +0.005 news LOC recall
MIN_ORGWORD_COUNT = 2

# covid19india values that are machine-translation errors, not place names (see its SOURCE.md).
COVID_HOWLERS = {"एक प्रकार का हंस", "सोमवार", "तब मैं", "बोली", "थाइन", "संपूर्ण"}
CLDR_NOT_PLACES = {"001", "EU", "EZ", "UN", "QO", "ZZ"}  # World, EU, Eurozone, UN …

NOTICE = """ghatnakram NER gazetteer: written by training/train_ner.py; do not edit by hand.
kind<TAB>entry; entries are ghatnakram.ner.loose_key forms, tokens separated by spaces.
place: ghatnakram's places.tsv (see PLACES_SOURCES.md) and the sources it is built from:
  Unicode CLDR 37 territory and time-zone city names (Copyright (c) 1991-2020 Unicode, Inc.
  All rights reserved. Distributed under the Terms of Use in https://www.unicode.org/copyright.html;
  Unicode License Agreement - Data Files and Software), i18n-iso-countries (MIT, Copyright (c) 2016
  widdix GmbH), covid19india-react hi.json (MIT, Copyright (c) 2020 Jeremy Philemon).
first/last/orgword: learned from the IL-NER Hindi training split (github.com/ltrc/IL-NER,
  CC-BY-4.0, Bahad et al., NAACL-SRW 2024)."""


# --- data ---------------------------------------------------------------------------


def read_split(folder: Path, name: str) -> list[list[tuple[str, str]]]:
    """One IL-NER split (``Hindi-<name>.txt``) as sentences of (token, tag)."""
    return read_conll(folder / f"Hindi-{name}.txt", strict=False)


def join_spaced_hyphens(sentence: list[tuple[str, str]]) -> list[tuple[str, str]] | None:
    """The sentence with "A - B" as one token "A-B" where the project tokenizer keeps it whole.

    Only joins when the three tags agree (all O, or one span continuing through the
    hyphen). Returns None when nothing was joined.
    """
    out: list[tuple[str, str]] = []
    joined = False
    i = 0
    while i < len(sentence):
        if i + 2 < len(sentence) and sentence[i + 1][0] == "-":
            (a, ta), (_, th), (b, tb) = sentence[i], sentence[i + 1], sentence[i + 2]
            word = f"{a}-{b}"
            same_span = th != "O" and th[2:] == ta[2:] and tb == th
            if tokenize(word) == [word] and ((ta == th == tb == "O") or same_span):
                out.append((word, ta))
                i += 3
                joined = True
                continue
        out.append(sentence[i])
        i += 1
    return out if joined else None


def trim_span_edges(sentence: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop punctuation, case markers, titles and the like at the edges of PER/LOC/ORG spans.

    IL-NER has a few spans like "पम्पा के", "श्री नरेन्द्र मोदी" or "संगठन )"; the run-time
    convention (:func:`ghatnakram.ner.repair_tags`) keeps such words outside names.
    """
    tags = [tag for _, tag in sentence]
    for start, end, kind in bio_spans(tags):
        if kind not in ("PER", "LOC", "ORG"):
            continue
        inside = [i for i in range(start, end) if not _is_edge_word(sentence[i][0])]
        first, last = (inside[0], inside[-1]) if inside else (end, end - 1)
        for i in range(start, end):
            tags[i] = "O" if not first <= i <= last else (f"B-{kind}" if i == first else f"I-{kind}")
    return [(token, tag) for (token, _), tag in zip(sentence, tags)]


def _is_edge_word(token: str) -> bool:
    return script_class(token) == "PUNCT" or CUE_CLASSES.get(loose_key(token)) in NEVER_AT_EDGE


def with_joined_hyphens(sentences: list[list[tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    """``sentences`` plus a joined-hyphen copy of each sentence that has one."""
    extra = [j for j in (join_spaced_hyphens(s) for s in sentences) if j is not None]
    return sentences + extra


# --- gazetteer ----------------------------------------------------------------------


def phrase_key(name: str) -> tuple[str, ...]:
    """A place name as a tuple of loose token keys."""
    return tuple(loose_key(t) for t in tokenize(name))


def place_variants(name: str) -> set[tuple[str, ...]]:
    """The name as tokens, plus its hyphenated words split ("जम्मू-कश्मीर" → "जम्मू - कश्मीर", "जम्मू कश्मीर")."""
    variants = {phrase_key(name)}
    if "-" in name:
        variants.add(phrase_key(name.replace("-", " - ")))
        variants.add(phrase_key(name.replace("-", " ")))
    return {v for v in variants if v}


def read_place_names(folder: Path) -> set[str]:
    """Hindi place names from the shippable gazetteers (CLDR, i18n-iso-countries, covid19india),
    and every name and alias of the project's place table (``places.tsv``, built from the same
    sources by ``training/build_places.py`` with the names news uses: यूपी, हिमाचल, ब्रिटेन,
    भुवनेश्वर, गुरुग्राम …), so that the tagger knows every place the places stage resolves."""
    names: set[str] = {name for place in all_places() for name in place.names}
    cldr = json.loads((folder / "cldr37-territories/main/hi/territories.json").read_text(encoding="utf-8"))
    for code, name in cldr["main"]["hi"]["localeDisplayNames"]["territories"].items():
        if code.split("-")[0] not in CLDR_NOT_PLACES:
            names.add(name)
    zones = json.loads((folder / "cldr37-timezone-cities/main/hi/timeZoneNames.json").read_text(encoding="utf-8"))
    names.update(_exemplar_cities(zones["main"]["hi"]["dates"]["timeZoneNames"]["zone"]))
    iso = json.loads((folder / "i18n-iso-countries/hi.json").read_text(encoding="utf-8"))
    for name in iso["countries"].values():
        for part in name.replace(")", "(").split("("):  # "यूएसए (संयुक्त राज्य अमेरिका)"
            names.add(part.replace("_", " "))
    covid = json.loads((folder / "covid19india-district-names-hi/hi.json").read_text(encoding="utf-8"))
    names.update(_covid_places(covid))
    names = {" ".join(n.split()) for n in names}
    return {n for n in names if n and script_class(n.split()[0]) == "DEV" and n not in COVID_HOWLERS}


def _exemplar_cities(zone: dict) -> list[str]:
    found: list[str] = []
    for key, value in zone.items():
        if key == "exemplarCity" and isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            found.extend(_exemplar_cities(value))
    return found


def _covid_places(data: dict) -> list[str]:
    found = [data["country"]["India"]["title"]]
    for state, districts in data["state"].items():
        if state == "Total" or not isinstance(districts, dict):
            continue
        for key, value in districts.items():
            if isinstance(value, str) and "निर्वाचन" not in value:
                found.append(value.removesuffix(" जिला"))
    return found


def common_words(sentences: list[list[tuple[str, str]]], min_count: int = 5, max_entity_share: float = 0.1) -> set[str]:
    """Loose keys seen ≥ ``min_count`` times in the training text, rarely inside an entity."""
    seen, in_entity = Counter(), Counter()
    for sentence in sentences:
        for token, tag in sentence:
            key = loose_key(token)
            seen[key] += 1
            in_entity[key] += tag != "O" and tag[2:] in ("PER", "LOC", "ORG")
    return {k for k, n in seen.items() if n >= min_count and in_entity[k] / n < max_entity_share}


def place_phrases(names: set[str], common: set[str]) -> frozenset[tuple[str, ...]]:
    """Token-key phrases of the place names, without one-word names that are common words."""
    phrases = set()
    for name in names:
        phrases.update(place_variants(name))
    return frozenset(p for p in phrases if not (len(p) == 1 and p[0] in common))


def learned_name_lists(sentences: list[list[tuple[str, str]]], common: set[str]) -> dict[str, frozenset[str]]:
    """First names, surnames and organisation words seen in PER/ORG spans of ``sentences``.

    First names are the first word of multi-word PER spans, surnames the last word
    (one-word PER spans count as surnames: "मोदी"); organisation words are words seen at
    least ``MIN_ORGWORD_COUNT`` times inside ORG spans. Common words, cue words and
    non-Devanagari tokens are left out.
    """
    first, last, org = Counter(), Counter(), Counter()
    for sentence in sentences:
        tags = [tag for _, tag in sentence]
        for start, end, kind in bio_spans(tags):
            words = [loose_key(t) for t, _ in sentence[start:end] if script_class(t) in ("DEV", "LAT")]
            if not words:
                continue
            if kind == "PER":
                if len(words) > 1:
                    first[words[0]] += 1
                last[words[-1]] += 1
            elif kind == "ORG":
                org.update(set(words))

    def clean(counter: Counter, min_count: int = 1) -> frozenset[str]:
        return frozenset(w for w, n in counter.items() if n >= min_count and w not in common and len(w) > 1)

    lists = {"first": clean(first), "last": clean(last), "orgword": clean(org, MIN_ORGWORD_COUNT)}
    lists["common"] = frozenset(ordinary_words(sentences))
    return lists


def ordinary_words(sentences: list[list[tuple[str, str]]], min_count: int = 3, max_entity_share: float = 0.2) -> set[str]:
    """Loose keys of Devanagari/Latin words seen ≥ ``min_count`` times, rarely inside an entity."""
    seen, in_entity = Counter(), Counter()
    for sentence in sentences:
        for token, tag in sentence:
            if script_class(token) in ("DEV", "LAT"):
                key = loose_key(token)
                seen[key] += 1
                in_entity[key] += tag != "O"
    return {k for k, n in seen.items() if n >= min_count and in_entity[k] / n <= max_entity_share}


def build_gazetteer(places: frozenset, sentences: list[list[tuple[str, str]]], common: set[str]) -> Gazetteer:
    """Places plus the name lists learned from ``sentences``."""
    return Gazetteer(place=places, **learned_name_lists(sentences, common))


# --- features and training --------------------------------------------------------------


def training_features(
    sentences: list[list[tuple[str, str]]],
    places: frozenset,
    common: set[str],
    clusters: WordClusters,
    seed: int = SEED,
    name_share: float = NAME_MASK_SHARE,
) -> list[list[list[bytes]]]:
    """Features of the training sentences, name lists built without each sentence's own fold.

    Some ordinary words then lose their identity (:func:`mask_unknown_words`).
    """
    folds = [sentences[k::FOLDS] for k in range(FOLDS)]
    features: list[list[list[bytes]] | None] = [None] * len(sentences)
    rng = random.Random(seed)
    for k in range(FOLDS):
        others = [s for j, fold in enumerate(folds) if j != k for s in fold]
        extractor = FeatureExtractor(build_gazetteer(places, others, common), clusters=clusters)
        for index in range(k, len(sentences), FOLDS):
            tokens = [t for t, _ in sentences[index]]
            features[index] = extractor.sentence_features(tokens)
    for sentence, sentence_features in zip(sentences, features):
        mask_unknown_words(sentence, sentence_features, rng, name_share)  # type: ignore[arg-type]
    return features  # type: ignore[return-value]


# Features that carry a word's identity: the word's own, and what it lends to its neighbours.
_IDENTITY = {
    0: (b"l=", b"w=", b"n=common"),
    -1: (b"w+1=", b"n+1=common"),
    1: (b"w-1=", b"n-1=common"),
    -2: (b"w+2=",),
    2: (b"w-2=",),
}


def mask_unknown_words(
    sentence: list[tuple[str, str]], features: list[list[bytes]], rng: random.Random, name_share: float = NAME_MASK_SHARE
) -> None:
    """Make ``MASK_SHARE`` of the ordinary words outside names, and ``name_share`` of the
    words inside PER/LOC/ORG names, look like words never seen.

    IL-NER knows few news words (मरीज, लॉकडाउन); unmasked, the CRF learns that an unknown
    word next to a place is part of it ("सैंपल पुणे"). Names are masked so that the CRF
    also learns what a name it has never seen looks like (gazetteer, clusters, affixes,
    context) instead of leaning on the identity of the names it knows: unmasked, "पेशावर
    में" was left untagged. Masking drops the word's identity features, its own and those
    it lends to its neighbours; affixes, shape, lists and clusters stay.
    """
    for i, (token, tag) in enumerate(sentence):
        if script_class(token) != "DEV" or CUE_CLASSES.get(loose_key(token)):
            continue
        if tag == "O":
            share = MASK_SHARE
        elif tag[2:] in ("PER", "LOC", "ORG") and name_share > 0:
            share = name_share
        else:
            continue
        if rng.random() >= share:
            continue
        for offset, prefixes in _IDENTITY.items():
            j = i + offset
            if 0 <= j < len(features):
                features[j] = [f for f in features[j] if not f.startswith(prefixes)]


_TRAIN: dict = {}  # features shared with forked grid workers


def train_model(c1: float, c2: float, folder: str) -> str:
    """Train one CRF on the shared training features; return the model path."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for xseq, yseq in zip(_TRAIN["x"], _TRAIN["y"]):
        trainer.append(xseq, yseq)
    trainer.set_params({**CRF_PARAMS, "c1": c1, "c2": c2})
    path = os.path.join(folder, f"ner-c1={c1}-c2={c2}.crfsuite")
    trainer.train(path)
    return path


def _grid_job(args: tuple) -> tuple[float, float, str, dict, float]:
    c1, c2, folder = args
    started = time.time()
    path = train_model(c1, c2, folder)
    tagger = Tagger(Path(path).read_bytes(), _TRAIN["gazetteer"], _TRAIN["clusters"])
    scores = score_sentences(_TRAIN["dev"], tagger) if _TRAIN["dev"] else None
    return c1, c2, path, scores, time.time() - started


def parse_grid(text: str) -> list[tuple[float, float]]:
    """``"0.15:0.01,0.05:0.05"`` → ``[(0.15, 0.01), (0.05, 0.05)]``."""
    pairs = []
    for item in text.split(","):
        c1, sep, c2 = item.partition(":")
        if not sep:
            raise argparse.ArgumentTypeError(f"grid point {item!r} is not c1:c2 (e.g. 0.15:0.01)")
        pairs.append((float(c1), float(c2)))
    return pairs


def prepare_training(train: list[list[tuple[str, str]]], args: argparse.Namespace, clusters: WordClusters) -> None:
    """Fill ``_TRAIN`` with the features and tags of ``train`` and the resources a tagger needs."""
    common = common_words(train)
    places = place_phrases(read_place_names(args.gazetteers), common)
    gazetteer = build_gazetteer(places, train, common)
    print(
        f"gazetteer: {len(places)} place phrases, {len(gazetteer.first)} first names, "
        f"{len(gazetteer.last)} surnames, {len(gazetteer.orgword)} organisation words"
    )
    _TRAIN.update(
        x=training_features(train, places, common, clusters, args.seed, args.name_mask),
        y=[[tag for _, tag in s] for s in train],
        gazetteer=gazetteer,
        clusters=clusters,
    )


def prf(gold: int, predicted: int, correct: int) -> dict[str, float]:
    """Precision, recall and F1 from span counts, in the shape :func:`format_scores` reads."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": gold, "predicted": predicted, "correct": correct}


def cross_validate(sentences: list[list[tuple[str, str]]], args: argparse.Namespace) -> int:
    """Train on all but every ``args.cv``-th sentence and score those, for each of the ``args.cv`` offsets.

    Folds interleave rather than cut contiguous blocks because IL-NER's files are sorted
    by which entity types a sentence has (sentences with a person first, then with a time,
    a number, a place, an organisation, then none): a contiguous block would leave a fold's
    training data without people. Prints each fold's micro F1 and the pooled scores.
    """
    (c1, c2), = args.grid
    clusters = WordClusters.from_tsv(args.clusters.read_text(encoding="utf-8"), str(args.clusters))
    pooled = {kind: [0, 0, 0] for kind in ENTITY_TYPES}
    for k in range(args.cv):
        started = time.time()
        held = sentences[k :: args.cv]
        rest = [s for i, s in enumerate(sentences) if i % args.cv != k]
        prepare_training(with_joined_hyphens([trim_span_edges(s) for s in rest]), args, clusters)
        with tempfile.TemporaryDirectory() as folder:
            path = train_model(c1, c2, folder)
            tagger = Tagger(Path(path).read_bytes(), _TRAIN["gazetteer"], clusters)
        scores = score_sentences(held, tagger)
        for kind in ENTITY_TYPES:
            for i, field in enumerate(("gold", "predicted", "correct")):
                pooled[kind][i] += int(scores[kind][field])
        print(f"fold {k + 1}/{args.cv}: micro F1 {scores['micro']['f1']:.4f}  ({time.time() - started:.0f}s)", flush=True)
    totals = [sum(c[i] for c in pooled.values()) for i in range(3)]
    result = {"micro": prf(*totals), **{kind: prf(*pooled[kind]) for kind in ENTITY_TYPES}}
    print(f"\n{args.cv}-fold cross-validation over TRAIN+DEV, c1={c1} c2={c2}, seed {args.seed}:\n{format_scores(result)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Train the ghatnakram Hindi NER model (CRF on IL-NER Hindi) and write it to the package.",
        epilog="Example (from the repository root): python training/train_ner.py",
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"IL-NER Hindi folder (default {DEFAULT_DATA})")
    parser.add_argument(
        "--gazetteers", type=Path, default=DEFAULT_GAZETTEERS, help=f"gazetteers folder (default {DEFAULT_GAZETTEERS})"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where to write the model (default {DEFAULT_OUT})")
    parser.add_argument(
        "--clusters",
        type=Path,
        default=DEFAULT_OUT / CLUSTER_FILE,
        help=f"word clusters from training/build_word_clusters.py (default {DEFAULT_OUT / CLUSTER_FILE})",
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"seed for masking words (default {SEED})")
    parser.add_argument(
        "--name-mask", type=float, default=NAME_MASK_SHARE, help=f"share of name words masked (default {NAME_MASK_SHARE})"
    )
    parser.add_argument("--dev-only", action="store_true", help="score the written model on dev only (while choosing features)")
    parser.add_argument(
        "--select",
        action="store_true",
        help="train on TRAIN only and choose c1/c2 from --grid by dev F1 (how features and parameters were chosen); "
        "without it the shipped model is trained on TRAIN+DEV with the chosen parameters",
    )
    parser.add_argument("--jobs", type=int, default=2, help="grid points trained in parallel (default 2)")
    parser.add_argument(
        "--cv",
        type=int,
        default=0,
        metavar="K",
        help="instead of training: K-fold cross-validation over TRAIN+DEV, interleaved folds (one c1:c2), "
        "scores pooled over the folds; steadier than dev alone for judging features",
    )
    parser.add_argument(
        "--grid", type=parse_grid, default=None, help="c1:c2 pairs to try, comma-separated (default: the fixed grid)"
    )
    args = parser.parse_args(argv)
    if args.grid is None:
        args.grid = GRID if args.select else [CHOSEN]
    if not args.select and len(args.grid) > 1:
        parser.error("without --select nothing is held out to choose by: give one c1:c2 in --grid")

    started = time.time()
    train, dev, test = (read_split(args.data, name) for name in ("train", "dev", "test"))
    if args.cv:
        return cross_validate(train + dev, args)
    if not args.select:
        train = train + dev
    train = with_joined_hyphens([trim_span_edges(s) for s in train])
    what = "train" if args.select else "train+dev"
    print(f"read {what} {len(train)} sentences (with joined-hyphen copies), dev {len(dev)}, test {len(test)}")

    clusters_text = args.clusters.read_text(encoding="utf-8")
    prepare_training(train, args, WordClusters.from_tsv(clusters_text, str(args.clusters)))
    _TRAIN["dev"] = dev if args.select else None
    print(f"features ready in {time.time() - started:.0f}s; grid {args.grid}")

    with tempfile.TemporaryDirectory() as folder:
        jobs = [(c1, c2, folder) for c1, c2 in args.grid]
        with multiprocessing.get_context("fork").Pool(max(1, args.jobs)) as pool:
            results = pool.map(_grid_job, jobs, chunksize=1)
        for c1, c2, _, scores, seconds in results:
            score = f"dev micro F1 {scores['micro']['f1']:.4f}" if scores else "trained on dev too"
            print(f"  c1={c1:<5} c2={c2:<5} {score}  ({seconds:.0f}s)")
        c1, c2, best_path, _, _ = max(results, key=lambda r: r[3]["micro"]["f1"] if r[3] else 0)  # first best on ties
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / MODEL_FILE).write_bytes(Path(best_path).read_bytes())
    (args.out / GAZETTEER_FILE).write_text(_TRAIN["gazetteer"].to_tsv(NOTICE), encoding="utf-8")
    if args.clusters.resolve() != (args.out / CLUSTER_FILE).resolve():
        (args.out / CLUSTER_FILE).write_text(clusters_text, encoding="utf-8")

    tagger = load_tagger_from(args.out)
    size = (args.out / MODEL_FILE).stat().st_size / 1e6
    print(f"\nchosen c1={c1} c2={c2}; wrote {args.out / MODEL_FILE} ({size:.1f} MB) and {GAZETTEER_FILE}")
    splits = ((("dev", dev),) if args.select else ()) + ((("test", test),) if not args.dev_only else ())
    for name, sentences in splits:
        print(f"\n{name} (IL-NER Hindi, exact spans):\n{format_scores(score_sentences(sentences, tagger))}")
    print(f"\ndone in {time.time() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
