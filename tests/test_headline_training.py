import importlib.util
import json
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "training" / "train_headline.py"


@pytest.fixture(scope="module")
def train_headline():
    spec = importlib.util.spec_from_file_location("train_headline", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


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
