import json

import pytest

from ghatnakram.clean import clean_article
from ghatnakram.evaluate import rouge_l
from ghatnakram.headline import (
    compress,
    generate_headline,
    headline_for,
    is_dateline,
    lead_sentences,
    rule_headline,
    score_headlines,
    strip_dateline,
)
from ghatnakram.models import Article
from ghatnakram.readers.text import split_headline

from conftest import SEED_000, SEED_002


def _seed(path):
    title, body = split_headline(path.read_text(encoding="utf-8"))
    return clean_article(Article(id=path.stem, outlet="seed", title=title, text=body, raw_text=body))


@pytest.mark.parametrize(
    "sentence, rest",
    [
        ("नई दिल्ली, 28 मार्च (भाषा)। देश में कोरोना के 34 मामले हैं।", "देश में कोरोना के 34 मामले हैं।"),
        ("पटना : बिहार में एक और मौत हो गयी है.", "बिहार में एक और मौत हो गयी है."),
        ("लखनऊ, जेएनएन। प्रदेश में स्कूल बंद रहेंगे।", "प्रदेश में स्कूल बंद रहेंगे।"),
        ("Coronavirus in Delhi: दिल्ली में 224 नए मामले आए।", "दिल्ली में 224 नए मामले आए।"),
        ("बिहार में कोरोना से एक और मौत हुई।", "बिहार में कोरोना से एक और मौत हुई।"),
    ],
)
def test_dateline_and_byline_are_dropped_from_the_lead(sentence, rest):
    assert strip_dateline(sentence) == rest


@pytest.mark.parametrize("line, expected", [("नई दिल्ली", True), ("दुर्गेश नंदन झा, नई दिल्ली", True),
                                            ("दो लोगों की मौत हुई", False)])
def test_a_lead_line_without_a_verb_is_a_dateline(line, expected):
    assert is_dateline(line) is expected


@pytest.mark.parametrize(
    "lead, headline",
    [
        # the weekday and the closing auxiliary go; "हो गयी" becomes the headline's "हुई"
        ("पटना : बिहार में कोरोना वायरस के संक्रमण से शनिवार को एक और मौत हो गयी है.",
         "बिहार में कोरोना वायरस के संक्रमण से एक और मौत हुई"),
        # reported speech becomes "X: …", and "सामने आए हैं" is left to the reader
        ("स्वास्थ्य मंत्रालय ने सोमवार को बताया कि देश में कोरोना के 34 नए मामले सामने आए हैं।",
         "स्वास्थ्य मंत्रालय: देश में कोरोना के 34 नए मामले"),
        # an apposition and a bracketed gloss go
        ("देश की राजधानी दिल्ली में सफदरजंग अस्पताल (वीएमएमसी) ने सभी तय ऑपरेशन टाल दिए हैं।",
         "दिल्ली में सफदरजंग अस्पताल ने सभी तय ऑपरेशन टाल दिए"),
        # a relative clause after the news goes
        ("दिल्ली में आज कोरोना के 448 नए मामले सामने आए, जिसके कारण मरीजों की कुल संख्या 5980 पर पहुंच गई।",
         "दिल्ली में कोरोना के 448 नए मामले"),
    ],
)
def test_lead_sentence_is_compressed_to_headline_register(lead, headline):
    assert compress(lead) == headline


def test_long_lead_is_cut_at_a_clause_break_to_headline_length():
    lead = ("केंद्र सरकार ने पश्चिम बंगाल के 10 जिलों को रेड जोन की सूची में रखा है, इस तरह से देश में 130 क्षेत्र "
            "रेड जोन की सूची में शामिल हो गए हैं और कई जिलों में सख्ती बढ़ाने के आदेश जारी किए गए हैं।")
    headline = compress(lead)
    assert headline == "केंद्र सरकार ने पश्चिम बंगाल के 10 जिलों को रेड जोन की सूची में रखा"
    assert 8 <= len(headline.split()) <= 16


def test_headline_skips_a_dateline_line_and_a_question():
    text = "नई दिल्ली\nहुआ क्या है?\nनोएडा के एक स्कूल में कुछ बच्चों में कोरोना के लक्षण पाए जाने की खबर फैली।"
    assert lead_sentences(text, 1) == ["नोएडा के एक स्कूल में कुछ बच्चों में कोरोना के लक्षण पाए जाने की खबर फैली।"]
    headline = generate_headline(text)
    assert headline.startswith("नोएडा") and "स्कूल" in headline and "?" not in headline


def test_sentences_glued_without_a_space_are_split_before_choosing_the_lead():
    text = ("बिहार सरकार ने कोरोना संक्रमण को लेकर कुछ जरूरी सूचनाएं जारी की है.जिसमें हर ग्रामीण परिवार को "
            "साबुन मिलेगा। डॉ. ए.के. शर्मा ने कहा कि सब ठीक है।")
    assert lead_sentences(text, 3) == [
        "बिहार सरकार ने कोरोना संक्रमण को लेकर कुछ जरूरी सूचनाएं जारी की है।",
        "जिसमें हर ग्रामीण परिवार को साबुन मिलेगा।",
        "डॉ. ए.के. शर्मा ने कहा कि सब ठीक है।",
    ]


def test_seed_without_a_title_gets_a_headline_from_its_lead():
    seed = _seed(SEED_002)
    untitled = Article(id=seed.id, outlet=seed.outlet, text=seed.text)
    headline = headline_for(untitled)
    assert 5 <= len(headline.split()) <= 16
    assert "अल-शारा" in headline and "पुतिन" in headline
    assert not headline.endswith(("।", "है", "हैं"))


def test_seed_with_a_title_keeps_it():
    seed = _seed(SEED_000)
    assert headline_for(seed) == seed.title
    assert "अल-शरा" in generate_headline(seed.text)


def _events_file(tmp_path, rows):
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


_TITLED = {"id": "a", "outlet": "o", "title": "बिहार में कोरोना से एक और मौत",
           "text": "पटना : बिहार में कोरोना वायरस के संक्रमण से शनिवार को एक और मौत हो गयी है. मरीज 60 साल का था.",
           "gold": {"event": "e1", "storyline": "s1", "event_date": None}}


def test_score_headlines_compares_with_the_removed_titles(tmp_path):
    untitled = {"id": "b", "outlet": "o", "title": "", "text": "बिना शीर्षक की खबर।",
                "gold": {"event": "e2", "storyline": "s2", "event_date": None}}
    scores = score_headlines(_events_file(tmp_path, [_TITLED, untitled]), generate=rule_headline)
    assert scores["stories"] == 1
    # rules give "बिहार में कोरोना वायरस के संक्रमण से एक और मौत हुई": 7 of its 11 tokens, all 7 of the title's
    assert scores["headline_rouge_l"] == pytest.approx(2 * 7 / (11 + 7))
    assert scores["headline_rouge_l"] > scores["first_sentence_20_words_rouge_l"]


def test_score_headlines_uses_the_trained_model_by_default(tmp_path):
    scores = score_headlines(_events_file(tmp_path, [_TITLED]))
    expected = rouge_l(_TITLED["title"], generate_headline(clean_article(Article(id="a", outlet="o", text=_TITLED["text"])).text))
    assert scores["headline_rouge_l"] == pytest.approx(expected)
    assert scores["headline_rouge_l"] > scores["first_sentence_20_words_rouge_l"]


def test_eval_headlines_command_prints_rouge_and_json(tmp_path):
    from click.testing import CliRunner

    from ghatnakram.cli import main

    path = _events_file(tmp_path, [_TITLED])
    text = CliRunner().invoke(main, ["eval-headlines", str(path)])
    assert text.exit_code == 0 and "headline_rouge_l" in text.stdout
    scores = json.loads(CliRunner().invoke(main, ["eval-headlines", str(path), "--json"]).stdout)
    assert scores == score_headlines(path)
    untitled = _events_file(tmp_path, [{**_TITLED, "title": ""}])
    failed = CliRunner().invoke(main, ["eval-headlines", str(untitled)])
    assert failed.exit_code == 1 and "no story has a title" in failed.stderr
