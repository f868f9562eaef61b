from dataclasses import replace

import pytest

from ghatnakram.analyze import Analyzer
from ghatnakram.clean import clean_article
from ghatnakram.compare import compare_outlets, format_comparison, sources_of
from ghatnakram.models import Article
from ghatnakram.readers.text import split_headline

from conftest import SEED_000, SEED_002


@pytest.fixture(scope="module")
def analyze():
    analyzer = Analyzer()

    def run(article: Article) -> Article:
        article = clean_article(article)
        return replace(article, analysis=analyzer.analyze(article))

    return run


def _article(id, outlet, text, title="", published="2026-06-16"):
    return Article(id=id, outlet=outlet, text=text, title=title, published=published)


FLOOD_A = ("असम में बाढ़ से मरने वालों की संख्या बढ़कर 12 हो गई है। राज्य में करीब 3.2 लाख लोग बाढ़ से प्रभावित हैं।\n"
           "राहत शिविरों में लोगों को भोजन और दवाइयां दी जा रही हैं।")
FLOOD_B = ("असम में बाढ़ से हुई मौतों का आंकड़ा बढ़कर 14 हो गया है। धेमाजी जिले में बचाव दल ने नदी किनारे से शव बरामद किए।\n"
           "प्रभावित लोगों की संख्या 320000 तक पहुंच गई है।")
FLOOD_C = ("असम में बाढ़ से अब तक 12 लोगों की मौत हुई है। प्रभावित लोगों की संख्या 3.2 लाख है।\n"
           "सेना को तैयार रहने को कहा गया है।")


def test_two_outlets_giving_different_death_tolls_are_a_conflict_with_both_sentences(analyze):
    articles = [analyze(_article("a", "पहला अखबार", FLOOD_A)), analyze(_article("b", "दूसरा अखबार", FLOOD_B))]
    conflicts = compare_outlets(articles).conflicts
    deaths = [c for c in conflicts if c["about"].startswith("मौतें")]
    assert len(deaths) == 1
    claims = {c["outlet"]: (c["value"], c["sentence"]) for c in deaths[0]["claims"]}
    assert claims == {
        "पहला अखबार": ("12", "असम में बाढ़ से मरने वालों की संख्या बढ़कर 12 हो गई है।"),
        "दूसरा अखबार": ("14", "असम में बाढ़ से हुई मौतों का आंकड़ा बढ़कर 14 हो गया है।"),
    }


def test_equal_numbers_written_differently_are_shared_not_in_conflict(analyze):
    articles = [analyze(_article("a", "पहला अखबार", FLOOD_A)), analyze(_article("b", "दूसरा अखबार", FLOOD_B)),
                analyze(_article("c", "तीसरा अखबार", FLOOD_C))]
    comparison = compare_outlets(articles)
    people = [f for f in comparison.shared if f["about"].startswith("लोग")]
    assert len(people) == 1
    assert people[0]["outlets"] == ["तीसरा अखबार", "दूसरा अखबार", "पहला अखबार"]
    assert {e["sentence"] for e in people[0]["evidence"]} >= {"प्रभावित लोगों की संख्या 320000 तक पहुंच गई है।"}
    assert not [c for c in comparison.conflicts if c["about"].startswith("लोग")]
    # 12 is said by two outlets; the conflict lists each outlet once, with its own sentence
    deaths = next(c for c in comparison.conflicts if c["about"].startswith("मौतें"))
    assert [c["value"] for c in deaths["claims"]] == ["12", "14", "12"]


def test_a_bound_is_compatible_with_a_larger_number(analyze):
    first = analyze(_article("a", "पहला अखबार", "ओडिशा में ट्रेन हादसे में नौ लोगों की मौत हुई है और 40 से अधिक यात्री घायल हैं।"))
    second = analyze(_article("b", "दूसरा अखबार", "ओडिशा में ट्रेन हादसे में नौ यात्रियों की जान चली गई और 45 लोग घायल हो गए।"))
    comparison = compare_outlets([first, second])
    assert comparison.conflicts == []
    assert any(f["about"].startswith("मौतें") for f in comparison.shared)


def test_an_amount_before_and_is_a_total_and_a_speed_is_no_distance(analyze):
    first = analyze(_article("a", "पहला अखबार", "रेल मंत्रालय ने मृतकों के परिजनों को 10 लाख रुपये और घायलों को "
                                               "2.5 लाख रुपये देने की घोषणा की। ट्रेन 70 किलोमीटर प्रति घंटे की रफ्तार से चल रही थी।"))
    second = analyze(_article("b", "दूसरा अखबार", "रेल मंत्रालय ने मृतकों के परिजनों को 10 लाख रुपये देने की घोषणा की।"))
    comparison = compare_outlets([first, second])
    about = [f["about"] for f in comparison.shared + [f for facts in comparison.unique.values() for f in facts]]
    assert "रुपये" in about and not [a for a in about if "बढ़ोतरी" in a]
    assert "किमी/घंटा" in about and "किमी" not in about


def test_reported_speech_is_not_shown_as_a_quotation(analyze):
    first = analyze(_article("a", "पहला अखबार", "प्रवक्ता विश्वजीत महापात्रा के मुताबिक ट्रेन करीब 70 किलोमीटर प्रति घंटे की रफ्तार से चल रही थी।"))
    second = analyze(_article("b", "दूसरा अखबार", "महापात्रा ने कहा, “राहत और बचाव का काम पूरा कर लिया गया है।”"))
    about = [f["about"] for facts in compare_outlets([first, second]).unique.values() for f in facts]
    assert any(a.startswith("किसके मुताबिक: ट्रेन करीब 70") for a in about)
    assert any(a.startswith("“राहत और बचाव") and a.endswith("किसने कहा") for a in about)


# Pairs of sentences from two outlets that state no incompatible counts, each for one rule of
# which place and which kind of count a number is.
NOT_CONFLICTS = {
    "a number counts for the place named before it in its clause": (
        "महाराष्ट्र में अब तक कुल मिलाकर 52 मामले, केरल की स्थिति बेहतर है।",
        "केरल में कोरोना के 40 मामले हैं।"),
    "a university is not the world": (
        "इटली में मरने वालों की संख्या 107 तक पहुंचने के साथ ही सभी स्कूलों और विश्वविद्यालयों को बंद कर दिया गया।",
        "इटली में 107 लोगों की मौत हो चुकी है। दुनियाभर में मरने वालों की संख्या 3,123 हो गई है।"),
    "a dateline city is not the place of a national count, nor its date a count": (
        "नयी दिल्ली, दो मार्च (भाषा) देश में संक्रमितों की संख्या 28 हो गई है।",
        "दिल्ली में कोरोना के 6 मामले हैं। भारत में संक्रमितों की संख्या 28 हो गई है।"),
    "and before a number makes it an increment": (
        "केरल में और दो मामले मिले।",
        "केरल में कोरोना के 19 मामले हैं।"),
    "a day's count is not a total": (
        "इटली में एक दिन में संक्रमण के 1,492 मामले सामने आए।",
        "इटली में संक्रमण के 7,375 मामले सामने आए हैं।"),
    "a part of a count is not a total": (
        "मरीजों में विदेशी नागरिक भी हैं। इनमें से 826 मरीज भारत के हैं।",
        "भारत में संक्रमितों की संख्या 873 हो गई है।"),
    "a part of the injured is not their count": (
        "हादसे में 45 लोग घायल हो गए। घायलों में से छह की हालत गंभीर है।",
        "हादसे में 45 लोग घायल हुए हैं।"),
    "a place someone came from is not where they are counted": (
        "दिल्ली से लौटे 12 लोग बहराइच में संक्रमित पाए गए।",
        "दिल्ली में संक्रमितों की संख्या 40 हो गई है।"),
    "a forecast is not a count": (
        "वैज्ञानिकों ने कहा कि भारत में मई तक 13 लाख मामले आ सकते हैं।",
        "भारत में संक्रमण के एक लाख मामले हो सकते हैं।"),
    "a round figure is approximate": (
        "ईरान में सात हजार लोग संक्रमित पाए गए हैं।",
        "ईरान में संक्रमण के 6,566 मामलों की पुष्टि हुई है।"),
    "एक before a noun is an article, not a count": (
        "मुंगेर में एक मरीज के संपर्क में आई महिला भी संक्रमित पाई गई।",
        "मुंगेर में अब तक 10 लोग संक्रमित हो चुके हैं।"),
    "देश is the country named a sentence or two before": (
        "चीन में कोरोना का असर कम हो रहा है। चीन के बाद ईरान दूसरा देश है जहां इतनी मौतें हुई हैं। "
        "प्रवक्ता ने बताया कि 385 नए मामले सामने आए हैं। देश में संक्रमण के मामलों की संख्या 978 पहुंच गई है।",
        "चीन में संक्रमण के मामलों की संख्या 80,026 हो गई है।"),
    "cases still being treated are not the cases so far": (
        "भारत में अबतक 52,952 कोरोना संक्रमित मरीज हैं।",
        "मंत्रालय ने कहा कि भारत में अब भी कुल 35,902 संक्रमित हैं।"),
    "patients still infected are not the cases so far": (
        "बिहार में अब तक 574 मामले आए हैं।",
        "बिहार में अभी तक पांच मरीजों ने जान गंवायी है और 307 लोग अब भी संक्रमित हैं।"),
    "a sentence naming no place after another country's count goes on about that country": (
        "चीन में अब कोरोना का असर कम हो रहा है। इसके बाद जर्मनी में 902 मामले सामने आए हैं। "
        "क्रूज पर 696 मामले सामने आए हैं।",
        "चीन में संक्रमण के 80,735 मामले हैं।"),
    "देश in a story about another country is that country": (
        "चीन में कोरोना का कहर जारी है। देश में मरने वालों की संख्या 2,912 हो गई है।",
        "चीन में कोरोना वायरस से 2,912 लोगों की मौत हो चुकी है।"),
}


@pytest.mark.parametrize("text_a, text_b", NOT_CONFLICTS.values(), ids=NOT_CONFLICTS.keys())
def test_counts_of_other_places_or_kinds_are_not_conflicts(analyze, text_a, text_b):
    articles = [analyze(_article("a", "पहला अखबार", text_a)), analyze(_article("b", "दूसरा अखबार", text_b))]
    assert compare_outlets(articles).conflicts == []


def test_a_count_told_in_a_list_still_conflicts_with_another_outlets_count_of_that_place(analyze):
    articles = [analyze(_article("a", "पहला अखबार", "महाराष्ट्र में अब तक 52 मामले, केरल में 40 मामले सामने आए हैं।")),
                analyze(_article("b", "दूसरा अखबार", "महाराष्ट्र में सबसे अधिक 63 मामले सामने आए हैं।"))]
    conflicts = compare_outlets(articles).conflicts
    assert [(c["about"], sorted(x["value"] for x in c["claims"])) for c in conflicts] == [("मामले (महाराष्ट्र)", ["52", "63"])]


def test_and_between_two_clauses_leaves_the_count_after_it_a_total(analyze):
    articles = [analyze(_article("a", "पहला अखबार", "ओडिशा में हादसे में नौ यात्रियों की जान चली गई और 45 लोग घायल हो गए।")),
                analyze(_article("b", "दूसरा अखबार", "ओडिशा में हादसे में 9 यात्रियों की मौत हो गई, जबकि 38 लोग घायल हुए हैं।"))]
    comparison = compare_outlets(articles)
    assert [sorted(x["value"] for x in c["claims"]) for c in comparison.conflicts] == [["38", "45"]]
    assert "मौतें" in [f["about"] for f in comparison.shared]  # a crash's toll is the crash's, not a place's


def test_a_round_figure_is_shown_as_written(analyze):
    article = analyze(_article("a", "पहला अखबार", "रेल मंत्रालय ने मृतकों के परिजनों को 10 लाख रुपये देने की घोषणा की।"))
    facts = compare_outlets([article]).unique["पहला अखबार"]
    assert [f["value"] for f in facts if f["about"].startswith("रुपये")] == ["10 लाख"]


def test_agency_copy_counts_once(analyze):
    wire = ("नई दिल्ली, 16 अप्रैल (भाषा)। रेल मंत्रालय ने गुरुवार को ओडिशा ट्रेन हादसे की जांच रेल संरक्षा आयुक्त को सौंप दी। "
            "हादसे में नौ लोगों की मौत हुई थी और आयुक्त 30 दिन में अपनी रिपोर्ट देंगे। मंत्रालय ने कहा कि दोषियों पर कार्रवाई होगी।")
    original = analyze(_article("a", "पहला अखबार", wire))
    copy = analyze(_article("b", "दूसरा अखबार", wire + " और पढ़ें: रेलवे की और खबरें"))
    assert len(set(sources_of([original, copy]).values())) == 1
    comparison = compare_outlets([original, copy])
    assert comparison.shared == []  # one source, however many outlets print it
    unique = [f for facts in comparison.unique.values() for f in facts]
    deaths = next(f for f in unique if f["about"].startswith("मौतें"))
    assert deaths["outlets"] == ["दूसरा अखबार", "पहला अखबार"]


def test_the_city_a_dateline_files_from_is_no_shared_fact(analyze):
    articles = [analyze(_article("a", "पहला अखबार", "नई दिल्ली, एजेंसी । केरल में कोरोना के छह नए मामले सामने आए हैं।")),
                analyze(_article("b", "दूसरा अखबार", "नई दिल्ली, 10 मार्च (भाषा) केरल में कोरोना के छह नए मामले मिले हैं।"))]
    shared = {f["about"] for f in compare_outlets(articles).shared}
    assert any("केरल" in about for about in shared) and not any("दिल्ली" in about for about in shared)


def test_different_ordinals_conflict(analyze):
    first = analyze(_article("a", "पहला अखबार", "जोरहाट में ब्रह्मपुत्र नदी ने इस मानसून में पहली बार खतरे का निशान पार किया। पानी तेजी से बढ़ रहा है।"))
    second = analyze(_article("b", "दूसरा अखबार", "जोरहाट के नेमाटीघाट पर ब्रह्मपुत्र का जलस्तर दूसरी बार लाल निशान के ऊपर पहुंचा। प्रशासन ने लोगों से ऊंचे स्थानों पर जाने को कहा।"))
    conflicts = compare_outlets([first, second]).conflicts
    assert [c["kind"] for c in conflicts] == ["ordinal"]
    assert [c["value"] for c in conflicts[0]["claims"]] == ["पहली बार", "दूसरी बार"]


def test_ordinals_of_different_places_do_not_conflict(analyze):
    state = analyze(_article("a", "पहला अखबार", "पंजाब में कोरोना वायरस से पहली मौत सामने आई है। मरीज 70 साल का था।"))
    country = analyze(_article("b", "दूसरा अखबार", "भारत में कोरोना वायरस संक्रमण से गुरुवार को चौथी मौत हुई। मंत्रालय ने जानकारी दी।"))
    assert compare_outlets([state, country]).conflicts == []


def _seed(path, outlet, published):
    title, body = split_headline(path.read_text(encoding="utf-8"))
    return Article(id=path.stem, outlet=outlet, title=title, text=body, raw_text=body, published=published)


def test_the_seeds_produce_no_conflict(analyze):
    seeds = [analyze(_seed(SEED_000, "Seed outlet A", "2025-10-16")), analyze(_seed(SEED_002, "Seed outlet B", "2026-01-28"))]
    # each seed is its own event; compared alone or (wrongly) together, nothing conflicts:
    # "पहली बार" and "दूसरी मुलाकात" are two meetings, and only one seed states an ordinal
    for event in ([seeds[0]], [seeds[1]]):
        assert compare_outlets(event).conflicts == []


def test_format_comparison_prints_conflicts_with_outlet_and_sentence(analyze):
    articles = [analyze(_article("a", "पहला अखबार", FLOOD_A)), analyze(_article("b", "दूसरा अखबार", FLOOD_B))]
    lines = format_comparison(compare_outlets(articles).to_dict())
    assert lines[0].startswith("conflict: मौतें")
    assert "दूसरा अखबार: 14 — असम में बाढ़ से हुई मौतों का आंकड़ा बढ़कर 14 हो गया है।" in lines[1:3][1]


# --- as users see it: export, show and the demo ------------------------------------------------

@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from click.testing import CliRunner

    from ghatnakram.cli import main

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = CliRunner().invoke(main, ["demo", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0
    return db, result.stdout


def _cli(*args):
    from click.testing import CliRunner

    from ghatnakram.cli import main

    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_exported_events_carry_the_comparison_contract(demo_db):
    import json

    db, _ = demo_db
    events = [json.loads(line) for line in _cli("export", "events", "--db", db).stdout.splitlines()]
    flood = next(e for e in events if "sample-039" in e["articles"])
    assert set(flood["comparison"]) == {"shared", "unique", "conflicts"}
    toll = next(c for c in flood["comparison"]["conflicts"] if c["about"].startswith("मौतें"))
    by_article = {c["article"]: c["value"] for c in toll["claims"]}
    assert by_article["sample-039"] == "14" and "12" in by_article.values()
    assert all(set(c) >= {"outlet", "value", "sentence"} and c["sentence"] for c in toll["claims"])
    assert 2 <= len(flood["summary_sentences"]) <= 4
    single = [e for e in events if len(e["outlets"]) == 1]
    assert single and all(e["comparison"] is None for e in single)
    seeds = [e for e in events if {"000_666c9d8fc3af1f4a", "002_a1b31033bad5e4bd"} & set(e["articles"])]
    assert all(not (e["comparison"] or {}).get("conflicts") for e in seeds)


def test_show_event_prints_summary_and_outlet_comparison(demo_db):
    import json

    db, _ = demo_db
    events = [json.loads(line) for line in _cli("events", "--json", "--db", db).stdout.splitlines()]
    flood = next(e for e in events if "sample-039" in e["articles"])
    shown = _cli("show", flood["id"], "--db", db).stdout
    assert flood["summary"] in shown
    assert "outlet comparison:" in shown and "conflict: मौतें" in shown
    assert "असम में बाढ़ से हुई मौतों का आंकड़ा बढ़कर 14 हो गया है।" in shown


def test_demo_prints_one_storyline_timeline_and_one_event_comparison(demo_db):
    _, stdout = demo_db
    assert "One storyline, one line per event:" in stdout
    assert "One event, outlet by outlet:" in stdout
    close_up = stdout.split("One event, outlet by outlet:")[1]
    assert "conflict:" in close_up and "shared:" in close_up


def test_every_unit_the_analysis_knows_has_a_hindi_label():
    from ghatnakram.compare import UNIT_LABELS
    from ghatnakram.facts import PERSON_NOUNS, STATE_CUES, UNIT_NOUNS

    assert set(UNIT_NOUNS) | set(PERSON_NOUNS) | set(STATE_CUES) | {"km/h"} <= set(UNIT_LABELS)


def test_a_number_named_without_its_place_is_shared_with_the_same_number_at_the_events_place(analyze):
    first = analyze(_article("a", "पहला अखबार", "असम में मंत्रिमंडल ने बाढ़ राहत के लिए 250 करोड़ रुपये मंज़ूर किए।"))
    second = analyze(_article("b", "दूसरा अखबार", "मंत्रिमंडल ने राहत के लिए ढाई सौ करोड़ रुपये की राशि मंज़ूर की।"))
    shared = [f for f in compare_outlets([first, second]).shared if f["about"].startswith("रुपये")]
    assert len(shared) == 1 and shared[0]["outlets"] == ["दूसरा अखबार", "पहला अखबार"]


def test_a_number_at_a_halt_no_gazetteer_knows_is_shared_with_the_same_number_at_the_events_place(analyze):
    first = analyze(_article("a", "पहला अखबार", "ओडिशा में भुवनेश्वर के पास पैसेंजर ट्रेन के पांच डिब्बे पटरी से उतर गए।"))
    second = analyze(_article("b", "दूसरा अखबार", "ओडिशा में सरीपुर हॉल्ट के पास ट्रेन के पांच डिब्बे पटरी से उतरे।"))
    comparison = compare_outlets([first, second])
    coaches = [f for f in comparison.shared if f["about"].startswith("डिब्बे")]
    assert len(coaches) == 1 and coaches[0]["outlets"] == ["दूसरा अखबार", "पहला अखबार"]
    assert not [f for facts in comparison.unique.values() for f in facts if f["kind"] == "number"]


def test_a_districts_number_is_not_moved_to_its_state_however_equal(analyze):
    first = analyze(_article("a", "पहला अखबार", "महाराष्ट्र में कोरोना के दो नए मामले मिले।"))
    second = analyze(_article("b", "दूसरा अखबार", "महाराष्ट्र के पुणे में कोरोना के दो नए मामले मिले।"))
    shared = [f["about"] for f in compare_outlets([first, second]).shared if f["about"].startswith("मामले")]
    assert all("पुणे" not in about for about in shared) and not any("महाराष्ट्र" in a for a in shared)


def test_an_event_date_is_shown_with_its_weekday_however_the_outlet_wrote_it(analyze):
    first = analyze(_article("a", "पहला अखबार", "असम में बाढ़ से कल 12 लोगों की मौत हो गई।", published="2026-06-16"))
    second = analyze(_article("b", "दूसरा अखबार", "असम में बाढ़ से सोमवार को 12 लोगों की मौत हो गई।", published="2026-06-16"))
    dates = [f for f in compare_outlets([first, second]).shared if f["about"] == "घटना की तारीख"]
    assert [f["value"] for f in dates] == ["2026-06-15 (सोमवार)"]


def test_the_country_a_lead_says_is_the_scope_of_its_numbers_not_a_place_in_a_line_glued_to_its_end(analyze):
    # A story cut from a page may end with the next story's headline, which names another country.
    a = analyze(_article("a", "पहला अखबार",
                         "स्वास्थ्य मंत्रालय के अनुसार देश में अब तक 49,391 लोग कोरोना वायरस से संक्रमित हो चुके हैं। "
                         "इनमें से 14,182 लोग ठीक होकर घर जा चुके हैं।\nहर्ड इम्यूनिटी: स्वीडन की राह चल सकता है भारत?"))
    b = analyze(_article("b", "दूसरा अखबार", "देश में इस समय कोरोना से 49391 लोग संक्रमित हो चुके हैं और 1694 लोगों की मौत भी हो चुकी है।"))
    shared = {f["about"] for f in compare_outlets([a, b]).shared}
    assert "मामले (भारत)" in shared
    assert not any("स्वीडन" in about for about in shared)


def test_a_figure_rounded_as_another_outlet_writes_it_is_shared_but_two_exact_figures_that_differ_are_not(analyze):
    rounded = analyze(_article("a", "पहला अखबार", "असम में बाढ़ से करीब 1.5 लाख लोग प्रभावित हैं और 12 लोगों की मौत हुई है।"))
    exact = analyze(_article("b", "दूसरा अखबार", "असम में बाढ़ से 1,49,912 लोग प्रभावित हैं और 13 लोगों की मौत हुई है।"))
    people = [f for f in compare_outlets([rounded, exact]).shared if f["about"].startswith("लोग")]
    assert [f["outlets"] for f in people] == [["दूसरा अखबार", "पहला अखबार"]]
    one_off = analyze(_article("c", "तीसरा अखबार", "असम में बाढ़ से 1,49,913 लोग प्रभावित हैं और 12 लोगों की मौत हुई है।"))
    comparison = compare_outlets([exact, one_off])
    assert not [f for f in comparison.shared if f["about"].startswith("लोग")]


def test_two_stories_of_one_outlet_stating_a_fact_are_that_outlets_word_not_a_shared_fact(analyze):
    morning = analyze(_article("a", "पहला अखबार", "असम में बाढ़ से मरने वालों की संख्या बढ़कर 12 हो गई है।"))
    evening = analyze(_article("b", "पहला अखबार", "असम में राहत शिविरों में भोजन बांटा गया। बाढ़ से अब तक 12 लोगों की मौत हुई है।"))
    comparison = compare_outlets([morning, evening])
    assert comparison.shared == []
    assert any(f["about"].startswith("मौतें") for f in comparison.unique["पहला अखबार"])


BUS_CRASH_A = ("कन्नौज, 31 दिसंबर। आगरा-लखनऊ एक्सप्रेसवे पर बुधवार तड़के घने कोहरे में एक बस ट्रक से टकरा गई। "
               "हादसे में पांच लोगों की मौत हो गई और 18 लोग घायल हो गए।")
BUS_CRASH_B = ("संवाददाता, कन्नौज : एक्सप्रेसवे पर कोहरे के कारण बस और ट्रक की भीषण टक्कर हो गई। "
               "हादसे में पांच लोगों की मौत हो गई और 19 घायल हुए। घायलों को मेडिकल कॉलेज भेजा गया।")


def test_an_incidents_toll_told_without_its_place_conflicts_between_outlets(analyze):
    articles = [analyze(_article("a", "पहला अखबार", BUS_CRASH_A, "एक्सप्रेसवे पर बस-ट्रक की टक्कर, पांच की मौत")),
                analyze(_article("b", "दूसरा अखबार", BUS_CRASH_B, "कोहरे में बस ट्रक से टकराई, पांच यात्रियों की मौत"))]
    comparison = compare_outlets(articles)
    assert [(c["about"], sorted(x["value"] for x in c["claims"])) for c in comparison.conflicts] == [("घायल", ["18", "19"])]
    assert any(f["about"] == "मौतें" and f["value"] == "पांच" for f in comparison.shared)


def test_the_remaining_dead_are_a_part_of_the_toll_not_another_toll(analyze):
    rest = ("संवाददाता, कन्नौज : एक्सप्रेसवे पर कोहरे के कारण बस और ट्रक की भीषण टक्कर हो गई। मारे गए लोगों में से दो की "
            "पहचान हो गई है। शेष तीन मृतकों की शिनाख्त नहीं हो सकी है।")
    articles = [analyze(_article("a", "पहला अखबार", BUS_CRASH_A, "एक्सप्रेसवे पर बस-ट्रक की टक्कर, पांच की मौत")),
                analyze(_article("b", "दूसरा अखबार", rest, "कोहरे में बस ट्रक से टकराई"))]
    assert [c["about"] for c in compare_outlets(articles).conflicts] == []


def test_counts_told_without_a_place_in_news_of_no_incident_do_not_conflict(analyze):
    # Two outlets' counts of cases at different hours, neither naming where: no incident's toll.
    articles = [analyze(_article("a", "पहला अखबार", "स्वास्थ्य विभाग ने बताया कि अब तक 40 लोगों की मौत हुई है।")),
                analyze(_article("b", "दूसरा अखबार", "स्वास्थ्य विभाग के अनुसार अब तक 52 लोगों की मौत हुई है।"))]
    assert compare_outlets(articles).conflicts == []


def _event(analyze, *texts):
    return [analyze(_article(f"a{i}", f"अखबार {i}", text)) for i, text in enumerate(texts)]


def test_two_outlets_budgets_of_one_event_are_a_conflict(analyze):
    articles = _event(analyze,
                      "लखनऊ नगर निगम के सदन ने बुधवार को 3,482 करोड़ रुपये का बजट पास कर दिया। इसमें सड़कों पर जोर है।",
                      "लखनऊ नगर-निगम सदन ने बुधवार को 3,842 करोड़ रुपये का बजट ध्वनिमत से पारित कर दिया। पार्षद निधि बढ़ी।")
    budgets = [c for c in compare_outlets(articles).conflicts if c["about"].startswith("बजट")]
    assert [sorted(c["value"] for c in b["claims"]) for b in budgets] == [["3,482 करोड़", "3,842 करोड़"]]


def test_one_budget_written_in_crore_and_in_arab_is_shared(analyze):
    articles = _event(analyze,
                      "लखनऊ नगर निगम के सदन ने बुधवार को 3,800 करोड़ रुपये का बजट पास कर दिया।",
                      "लखनऊ नगर निगम सदन ने बुधवार को 38 अरब रुपये का बजट पारित कर दिया।")
    comparison = compare_outlets(articles)
    assert not comparison.conflicts
    assert [f["about"] for f in comparison.shared if f["kind"] == "number"] == ["बजट, रुपये"]


def test_aid_amounts_for_different_receivers_are_not_compared(analyze):
    articles = _event(analyze,
                      "भागलपुर में बस पलटने से छह यात्रियों की मौत हो गई। मृतकों के परिजनों को चार लाख रुपये की सहायता दी जाएगी।",
                      "भागलपुर में बस पलटने से छह यात्रियों की मौत हो गई। घायलों को 50 हजार रुपये की सहायता मिलेगी।")
    assert not [c for c in compare_outlets(articles).conflicts if "रुपये" in c["about"]]


def test_a_crash_toll_given_at_places_within_the_event_is_one_toll(analyze):
    articles = _event(analyze,
                      "बिहार के भागलपुर जिले में कहलगांव स्टेशन के पास शुक्रवार तड़के इंटरसिटी एक्सप्रेस के पांच डिब्बे "
                      "पटरी से उतर गए, जिससे 12 यात्री घायल हो गए।",
                      "भागलपुर में शुक्रवार तड़के इंटरसिटी एक्सप्रेस ट्रेन के पांच डिब्बे पटरी से उतर गए, जिसमें 15 यात्री घायल हुए हैं।")
    assert all(a.analysis.event_type in ("TRAIN_COLLISION", "TRANSPORT_HAZARDS") for a in articles)
    injured = [c for c in compare_outlets(articles).conflicts if c["about"].startswith("घायल")]
    assert [sorted(c["value"] for c in i["claims"]) for i in injured] == [["12", "15"]]


def test_a_floods_district_tolls_are_not_one_toll(analyze):
    articles = _event(analyze,
                      "बिहार में बाढ़ से भागलपुर जिले में पांच लोगों की मौत हो गई। कई गांव डूबे।",
                      "बिहार में बाढ़ से पूर्णिया जिले में तीन लोगों की मौत हो गई। राहत कार्य जारी है।")
    assert not [c for c in compare_outlets(articles).conflicts if c["about"].startswith("मौतें")]


def test_the_places_a_train_is_named_after_are_not_where_its_numbers_are(analyze):
    (article,) = _event(analyze, "कहलगांव स्टेशन के पास मालदा टाउन-भागलपुर इंटरसिटी एक्सप्रेस के पांच डिब्बे पटरी से उतर गए।")
    comparison = compare_outlets([article])
    coaches = [f for facts in comparison.unique.values() for f in facts if f["about"].startswith("डिब्बे")]
    assert coaches and "मालदा" not in coaches[0]["about"]


def test_a_dateline_day_is_not_a_date_the_event_happened_on(analyze):
    articles = [analyze(_article("a", "पहला अखबार", "भोपाल, 20 जुलाई। सिटी बस कर्मचारियों ने वेतन न मिलने पर फिर हड़ताल शुरू कर दी।",
                                 published="2026-07-20")),
                analyze(_article("b", "दूसरा अखबार", "भोपाल में सिटी बस कर्मचारियों ने 18 जुलाई को फिर हड़ताल शुरू कर दी।",
                                 published="2026-07-20"))]
    assert not [c for c in compare_outlets(articles).conflicts if c["kind"] == "date"]


def test_the_dead_identified_so_far_are_a_part_of_the_toll_not_another_toll(analyze):
    # from two stories of bench/data/general-news-4.jsonl (written for the project)
    articles = _event(analyze,
                      "उत्तर प्रदेश के गोंडा जिले में गुरुवार दोपहर एक दर्दनाक सड़क हादसा हो गया। हाईवे पर रोडवेज बस और एक ट्रक "
                      "की आमने-सामने टक्कर हो गई।\nटक्कर इतनी जोरदार थी कि बस का अगला हिस्सा पूरी तरह पिचक गया। "
                      "6 यात्रियों की मौके पर ही मौत हो गई, जबकि करीब 20 यात्री घायल बताए जा रहे हैं।",
                      "उत्तर प्रदेश के गोंडा जिले में बृहस्पतिवार को एक बस और ट्रक की आमने-सामने की टक्कर में छह यात्रियों की "
                      "मौत हो गई तथा 22 अन्य घायल हो गए। पुलिस ने यह जानकारी दी।\nहादसा अपराह्न करीब तीन बजे हुआ। "
                      "ट्रक बस से टकरा गया। मृतकों में दो महिलाएं और एक बच्चा शामिल हैं, पांच मृतकों की पहचान हो चुकी है।")
    assert not [c for c in compare_outlets(articles).conflicts if c["about"].startswith("मौतें")]
