import itertools
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from ghatnakram.crf import CrfModelError, marginals, read_crfsuite_model, viterbi

MODEL = Path(str(resources.files("ghatnakram").joinpath("resources"))) / "ner.crfsuite"


def path_scores(scores: np.ndarray, transition: np.ndarray) -> dict[tuple[int, ...], float]:
    """Every label path of one sentence and its score, by brute force."""
    n, labels = scores.shape
    return {path: sum(scores[t, y] for t, y in enumerate(path)) + sum(transition[a, b] for a, b in zip(path, path[1:]))
            for path in itertools.product(range(labels), repeat=n)}


def each_sentence(lengths: list[int]) -> list[slice]:
    """Where each sentence's tokens stand in the scores of sentences laid one after the other."""
    ends = np.cumsum(lengths)
    return [slice(end - n, end) for n, end in zip(lengths, ends)]


@pytest.fixture
def sentences():
    rng = np.random.default_rng(7)
    lengths = [4, 1, 3, 4, 2]
    return rng.normal(size=(sum(lengths), 3)), lengths, rng.normal(size=(3, 3))


def test_viterbi_finds_the_path_that_trying_every_path_finds(sentences):
    scores, lengths, transition = sentences
    best = viterbi(scores, lengths, transition)
    for sentence in each_sentence(lengths):
        every = path_scores(scores[sentence], transition)
        assert tuple(best[sentence]) == max(every, key=every.get)


def test_marginals_are_each_labels_share_of_the_probability_of_all_paths(sentences):
    scores, lengths, transition = sentences
    found = marginals(scores, lengths, transition)
    for sentence in each_sentence(lengths):
        every = path_scores(scores[sentence], transition)
        total = sum(np.exp(s) for s in every.values())
        for t, probabilities in enumerate(found[sentence]):
            for label, probability in enumerate(probabilities):
                mass = sum(np.exp(s) for path, s in every.items() if path[t] == label)
                assert probability == pytest.approx(mass / total)


def test_a_sentence_decodes_the_same_alone_and_among_longer_and_shorter_ones(sentences):
    scores, lengths, transition = sentences
    together = viterbi(scores, lengths, transition)
    for sentence, n in zip(each_sentence(lengths), lengths):
        assert list(viterbi(scores[sentence], [n], transition)) == list(together[sentence])


def test_long_sentences_keep_their_marginals_finite():
    rng = np.random.default_rng(1)
    scores = rng.normal(scale=8, size=(400, 5))
    found = marginals(scores, [400], rng.normal(scale=6, size=(5, 5)))
    assert np.isfinite(found).all() and np.allclose(found.sum(axis=1), 1)


def test_the_shipped_model_is_read_with_its_labels_attributes_and_weights():
    model = read_crfsuite_model(MODEL.read_bytes())
    assert {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"} <= set(model.labels)
    assert model.state.shape == (len(model.attributes), len(model.labels))
    assert model.transition.shape == (len(model.labels), len(model.labels))
    inside, outside = model.labels.index("I-PER"), model.labels.index("O")
    assert model.transition[model.labels.index("B-PER"), inside] > model.transition[outside, inside]
    assert model.score([b"no such feature"]).tolist() == [0.0] * len(model.labels)


def test_features_summed_by_name_score_as_their_encoded_bytes_do():
    model = read_crfsuite_model(MODEL.read_bytes())
    named = [sorted(model.attributes)[:3], sorted(model.attributes)[-2:] + ["no such feature"], []]
    by_name = model.score_named_groups(named)
    by_bytes = model.score_groups([[name.encode("utf-8") for name in group] for group in named])
    assert np.array_equal(by_name, by_bytes)
    assert by_name[0].any() and not by_name[2].any()


@pytest.mark.parametrize("data, message", [
    (b"", "not a CRFsuite model"),
    (b"<html>not found</html>" * 5, "not a CRFsuite model"),
    (b"lCRF" + b"\0" * 4 + b"TREE" + b"\0" * 40, "not a first-order CRFsuite model"),
    (MODEL.read_bytes()[:5000], "damaged or cut short"),
])
def test_bytes_that_are_not_a_first_order_model_are_refused_saying_so(data, message):
    with pytest.raises(CrfModelError, match=message):
        read_crfsuite_model(data)
