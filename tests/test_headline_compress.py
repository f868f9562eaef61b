import json

from click.testing import CliRunner

from ghatnakram.cli import main
from ghatnakram.headline_compress import (
    choose_words,
    compressed_headline,
    passage_clauses,
    passage_features,
    read_passage,
    render,
)


def _no_entities(words):
    return ["O"] * len(words)


SCHOOLS = ("पटना में कोरोना के चलते सभी स्कूल बंद कर दिए गए हैं। "
           "राज्य सरकार ने दसवीं की परीक्षाएं भी टाल दी हैं। इससे बच्चों की पढ़ाई पर असर पड़ेगा।")


def _kept_text(passage, kept):
    return " ".join(passage.words[i] for i in kept)


def test_passage_reads_the_first_lead_sentences_through_the_hand_rules():
    passage = read_passage(SCHOOLS, _no_entities, count=2)
    assert [lead.words for lead in passage.sentences] == [
        "पटना में कोरोना के चलते सभी स्कूल बंद किए गए".split(),
        "राज्य सरकार ने दसवीं की परीक्षाएं भी टाल दी".split(),
    ]


def test_a_kept_clause_keeps_its_actor_and_its_verb():
    passage = read_passage(SCHOOLS, _no_entities, count=2)
    clauses = passage_clauses(passage)
    # the model wants only the object of the second sentence: the actor and the verb come with it
    wanted = {passage.words.index("परीक्षाएं")}
    probabilities = [0.95 if i in wanted else 0.05 for i in range(len(passage.words))]
    kept = choose_words(probabilities, clauses, max_words=20, title_words=6.0, clause_cost=0.0)
    assert _kept_text(passage, kept) == "राज्य सरकार ने दसवीं की परीक्षाएं भी टाल दी"


def test_a_clause_opening_with_a_relative_word_is_never_kept():
    passage = read_passage("दिल्ली में तीन नए मरीज मिले हैं, जो हाल में दुबई से लौटे थे।", _no_entities, count=1)
    relative = [clause for clause in passage_clauses(passage) if clause.leans_back]
    assert [passage.words[i] for i in relative[0].words][0] == "जो"
    kept = choose_words([0.9] * len(passage.words), passage_clauses(passage), 20, 12.0, 0.0)
    assert _kept_text(passage, kept) == "दिल्ली में तीन नए मरीज मिले हैं,"


def test_the_length_budget_drops_a_whole_sentence_not_part_of_a_phrase():
    passage = read_passage(SCHOOLS, _no_entities, count=2)
    kept = choose_words([0.9] * len(passage.words), passage_clauses(passage), 12, 12.0, 0.0)
    assert _kept_text(passage, kept) in ("पटना में कोरोना के चलते सभी स्कूल बंद किए गए", "कोरोना के चलते सभी स्कूल बंद किए गए")


def test_clauses_of_two_sentences_are_joined_by_a_comma():
    passage = read_passage(SCHOOLS, _no_entities, count=2)
    kept = choose_words([0.9] * len(passage.words), passage_clauses(passage), 20, 12.0, 0.0)
    assert render(passage, kept) == "पटना में कोरोना के चलते सभी स्कूल बंद किए गए, राज्य सरकार ने दसवीं की परीक्षाएं भी टाल दी"


def test_an_auxiliary_closing_a_clause_inside_the_headline_is_left_out():
    passage = read_passage("दिल्ली में कोरोना के दस मामले हो गए हैं, जबकि एम्स ने लोगों से घर पर रहने की अपील की है।",
                           _no_entities, count=1)
    kept = [i for i, word in enumerate(passage.words) if word != "जबकि"]
    assert render(passage, kept) == "दिल्ली में कोरोना के दस मामले हुए, एम्स ने लोगों से घर पर रहने की अपील की"


def test_features_tell_the_sentence_and_the_phrase_of_each_word():
    passage = read_passage(SCHOOLS, _no_entities, count=2)
    features = passage_features(passage, frozenset({"ने", "में"}))
    assert len(features) == len(passage.words)
    assert "sent=0" in features[0] and "sent=1" in features[-1]
    assert "ph=B" in features[0] and "phend=में" in features[0]


def test_shipped_compressor_writes_a_headline_from_the_lead():
    headline = compressed_headline("पटना : बिहार में कोरोना वायरस के संक्रमण से शनिवार को एक और मौत हो गयी है. "
                                   "मृतक की उम्र 60 साल थी.")
    assert "मौत" in headline and "शनिवार" not in headline and not headline.endswith("है")


def test_eval_headlines_scores_the_compressor_on_request(tmp_path):
    path = tmp_path / "dev.jsonl"
    gold = {"event": "e1", "storyline": "s1", "event_date": "2020-03-28"}
    path.write_text(json.dumps({"id": "1", "title": "बिहार में कोरोना से एक और मौत", "gold": gold,
                                "text": "पटना : बिहार में कोरोना वायरस के संक्रमण से शनिवार को एक और मौत हो गयी है."},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    scores = json.loads(CliRunner().invoke(main, ["eval-headlines", str(path), "--json", "--compressor"]).stdout)
    assert scores["stories"] == 1 and 0.5 < scores["headline_rouge_l"] <= 1.0
