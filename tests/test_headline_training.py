import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "training" / "train_headline.py"


def _load_script(path: Path):
    """A training script as a module (the scripts are not part of the package)."""
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def train_headline():
    return _load_script(SCRIPT)


def _xml(*paragraphs: str) -> str:
    body = "".join(f"<P>{''.join(f'<W> {w} </W>' for w in p.split())}</P>" for p in paragraphs)
    return f"<DOCUMENT>{body}</DOCUMENT>"


def test_disaster_document_gives_a_pair_only_when_its_first_paragraph_is_a_title(train_headline, tmp_path):
    folder = tmp_path / "train"
    folder.mkdir()
    (folder / "titled.xml").write_text(_xml("गोरखपुर के पास दो ट्रेनों की टक्कर में 12 की मौत",
                                            "गोरखपुर में बुधवार को दो ट्रेनों की टक्कर में 12 लोगों की मौत हो गई।"), encoding="utf-8")
    (folder / "untitled.xml").write_text(_xml("गोरखपुर। उत्तर प्रदेश में बुधवार को दो ट्रेनें टकरा गईं।",
                                              "हादसे में 12 लोगों की मौत हो गई।"), encoding="utf-8")
    pairs = train_headline.disaster_pairs(tmp_path)
    assert [(p.group, p.title) for p in pairs] == [("titled.xml", "गोरखपुर के पास दो ट्रेनों की टक्कर में 12 की मौत")]
    assert pairs[0].text.startswith("गोरखपुर में बुधवार को")


def test_common_words_must_be_common_in_every_source(train_headline):
    Pair = train_headline.Pair
    pairs = [Pair("raw", "d1", "t", "कोरोना के मामले में बढ़ोतरी"), Pair("raw", "d2", "t", "कोरोना के नए मामले"),
             Pair("disaster", "x", "t", "बाढ़ के कारण मौत"), Pair("disaster", "y", "t", "भूकंप के झटके")]
    assert train_headline.common_words(pairs) == ["के"]


def test_stories_sharing_a_title_or_lead_with_dev_are_left_out(train_headline, tmp_path):
    Pair = train_headline.Pair
    dev = tmp_path / "dev.jsonl"
    dev.write_text(json.dumps({"id": "a", "title": "बिहार में कोरोना से एक और मौत",
                               "text": "पटना : बिहार में कोरोना वायरस के संक्रमण से एक और मौत हो गयी है."},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    same_title = Pair("raw", "d", "बिहार में कोरोना से एक और मौत!", "कोई और खबर जिसकी पहली पंक्ति अलग है और लंबी भी है।")
    same_lead = Pair("raw", "d", "दूसरा शीर्षक", "बिहार में कोरोना वायरस के संक्रमण से एक और मौत हो गयी है. मरीज 60 साल का था.")
    other = Pair("raw", "d", "दिल्ली में स्कूल बंद", "दिल्ली सरकार ने कोरोना के चलते सभी स्कूल 31 मार्च तक बंद कर दिए हैं।")
    assert train_headline.without_dev([same_title, same_lead, other], dev) == [other]


SELECTION = Path(__file__).resolve().parents[1] / "training" / "headline_selection.py"


@pytest.fixture(scope="module")
def headline_selection():
    return _load_script(SELECTION)


def _lead(sentence: str):
    from collections import Counter

    from ghatnakram.headline import Lead

    words = sentence.split()
    return Lead(words, ["O"] * len(words), Counter()), [0.5] * len(words)


def test_clause_candidates_add_the_main_clause_without_what_follows_jabki(headline_selection):
    lead, p = _lead("दिल्ली सरकार ने सभी स्कूल 31 मार्च तक बंद किए, जबकि बोर्ड की परीक्षाएं जारी रहेंगी")
    whole = "दिल्ली सरकार ने सभी स्कूल 31 मार्च तक बंद किए, जबकि बोर्ड की परीक्षाएं जारी रहेंगी"
    assert [c[0] for c in headline_selection.candidates("sentence", lead, p, 0.07)] == [whole]
    assert [c[0] for c in headline_selection.candidates("clause", lead, p, 0.07)] == [whole, "दिल्ली सरकार ने सभी स्कूल 31 मार्च तक बंद किए"]


def test_phrase_candidates_may_start_after_the_opening_circumstance_but_not_after_the_actor(headline_selection):
    lead, p = _lead("कोरोना संक्रमण के बढ़ते खतरे के मद्देनजर बिहार सरकार ने सभी स्कूल बंद किए")
    texts = [c[0] for c in headline_selection.candidates("phrase", lead, p, 0.07)]
    assert texts == ["कोरोना संक्रमण के बढ़ते खतरे के मद्देनजर बिहार सरकार ने सभी स्कूल बंद किए", "बिहार सरकार ने सभी स्कूल बंद किए"]


def test_ranker_learns_to_prefer_the_candidate_closer_to_the_title(headline_selection):
    import numpy as np

    # feature 0: "is the short candidate"; the short one always matches the title better
    groups = [(np.array([[1.0], [0.0]]), np.array([0.6, 0.2])) for _ in range(5)]
    weights = headline_selection.train_ranker(groups, 1)
    assert weights[0] > 0
    assert list(headline_selection.gains(groups, [0.2] * 5, weights)) == pytest.approx([0.4] * 5)
