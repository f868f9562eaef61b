import importlib.util
import random
from pathlib import Path

import pytest

from ghatnakram.evaluate import BadGoldFile, bcubed, pairwise, read_gold, rouge_l, score

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_events.py"


def test_one_cluster_per_item_has_perfect_bcubed_precision_and_no_pairs():
    gold = {"a": "e1", "b": "e1", "c": "e2"}
    singletons = {"a": "1", "b": "2", "c": "3"}
    assert bcubed(gold, singletons)[0] == 1.0
    assert pairwise(gold, singletons) == (1.0, 0.0, 0.0)


def test_a_perfect_clustering_scores_one_everywhere():
    gold = {"a": "e1", "b": "e1", "c": "e2"}
    assert bcubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    assert pairwise(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)


def test_rouge_l_ignores_punctuation_and_counts_the_longest_common_subsequence():
    assert rouge_l("असम में बाढ़: 12 की मौत", "असम में बाढ़ से 12 की मौत") == pytest.approx(2 * 6 / 13)
    assert rouge_l("", "कुछ") == 0.0


def test_malformed_gold_file_names_the_line(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text('{"id": "a", "gold": {"event": "e", "storyline": "s"}}\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(BadGoldFile, match=r"g.jsonl:2: needs 'id' and a 'gold' object"):
        read_gold(path)


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/tools/score_events.py is not beside the repository")
def test_scores_equal_the_reference_scorer_on_random_labelings():
    spec = importlib.util.spec_from_file_location("score_events", REFERENCE)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    rng = random.Random(3)
    gold_rows = [
        {"id": f"s{i}", "title": f"खबर {i % 7} शीर्षक", "gold": {"event": f"e{i % 9}", "storyline": f"l{i % 4}",
                                                             "event_date": None if i % 5 == 0 else f"2020-03-{1 + i % 9:02d}"}}
        for i in range(60)
    ]
    predictions = {
        f"s{i}": {"id": f"s{i}", "event": f"p{rng.randrange(12)}", "storyline": f"q{rng.randrange(5)}",
                  "event_date": f"2020-03-{1 + rng.randrange(9):02d}", "headline": f"खबर {rng.randrange(7)} शीर्षक"}
        for i in range(60) if i != 17
    }
    ours = score(gold_rows, predictions)
    theirs = reference.score({r["id"]: r for r in gold_rows}, predictions)
    assert ours.keys() == theirs.keys()
    for key, value in theirs.items():
        assert ours[key] == pytest.approx(value), key


# Measured on the labelled demo corpus (general news, not COVID-19); raise them as quality improves.
DEMO_FLOORS = {"event_bcubed_f1": 0.98, "event_pair_f1": 0.96, "storyline_bcubed_f1": 0.97, "event_date_acc": 0.93}


def test_the_demo_corpus_keeps_to_the_events_and_storylines_it_is_labelled_with():
    from importlib import resources

    from ghatnakram.evaluate import evaluate_file
    from ghatnakram.pipeline import DEMO_PACKAGE, SAMPLES_FILE

    samples = Path(str(resources.files(DEMO_PACKAGE).joinpath(SAMPLES_FILE)))
    scores = evaluate_file(samples)
    assert scores["articles"] == 44 and scores["missing"] == 0
    below = {name: round(scores[name], 4) for name, floor in DEMO_FLOORS.items() if scores[name] < floor}
    assert not below, f"below the demo floors {DEMO_FLOORS}: {below}"
