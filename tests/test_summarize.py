from dataclasses import replace

import pytest

from ghatnakram.analyze import Analyzer
from ghatnakram.clean import clean_article
from ghatnakram.models import Article
from ghatnakram.pipeline import event_record
from ghatnakram.summarize import event_headline, event_summary, storyline_title, summary_text, tells_background, timeline


def _article(id, outlet, text, title="", published="2026-04-15", duplicate_of=None):
    return Article(id=id, outlet=outlet, text=text, title=title, published=published, duplicate_of=duplicate_of)


TRAIN = [
    _article("a", "पहला अखबार",
             "भुवनेश्वर, 15 अप्रैल (भाषा)। ओडिशा में भुवनेश्वर के पास मंगलवार रात पैसेंजर ट्रेन के पांच डिब्बे पटरी से उतर गए। "
             "हादसे में नौ यात्रियों की मौत हो गई और 38 लोग घायल हुए। उन्होंने कहा कि जांच होगी।",
             title="भुवनेश्वर के पास ट्रेन के पांच डिब्बे पटरी से उतरे, नौ की मौत"),
    _article("b", "दूसरा अखबार",
             "ओडिशा में पुरी से कटक जा रही पैसेंजर ट्रेन के पांच डिब्बे मंगलवार रात पटरी से उतर गए, जिसमें नौ लोगों की जान गई। "
             "रेल मंत्री ने मृतकों के परिजनों को 10 लाख रुपये मुआवजा देने की घोषणा की।",
             title="ट्रेन हादसा: रेल मंत्री ने की मुआवजे की घोषणा", published="2026-04-15T09:00:00+05:30"),
    _article("c", "तीसरा अखबार",
             "सरीपुर गांव के लोगों ने बताया कि रात में धमाके जैसी आवाज आई और लोग घरों से बाहर निकल आए। "
             "गांव के युवकों ने घायलों को डिब्बों से निकालने में मदद की।",
             title="चश्मदीद बोले: धमाके जैसी आवाज आई", published="2026-04-15T12:00:00+05:30"),
]


def test_event_headline_is_the_one_most_articles_share():
    assert event_headline(TRAIN) == "भुवनेश्वर के पास ट्रेन के पांच डिब्बे पटरी से उतरे, नौ की मौत"


def test_event_headline_of_untitled_articles_is_written_from_a_lead():
    untitled = [_article(a.id, a.outlet, a.text, published=a.published) for a in TRAIN[:1]]
    # the headline model may leave out "भुवनेश्वर के पास": the lead's place and what happened stay
    headline = event_headline(untitled)
    assert headline.startswith("ओडिशा में") and "पटरी से उतर" in headline


def test_summary_has_two_to_four_sentences_each_traceable_and_none_repeated():
    summary = event_summary(TRAIN)
    assert 2 <= len(summary) <= 4
    texts = {a.id: a.text for a in TRAIN}
    for sentence in summary:
        assert sentence["text"] in texts[sentence["article"]]
        assert sentence["outlet"] == next(a.outlet for a in TRAIN if a.id == sentence["article"])
    # both leads say the coaches derailed: only one of them is kept
    derailed = [s for s in summary if "पटरी से उतर गए" in s["text"]]
    assert len(derailed) == 1
    # no dateline, and no sentence that leans on the one before it ("उन्होंने कहा …")
    assert not any(s["text"].startswith(("भुवनेश्वर, 15 अप्रैल", "उन्होंने")) for s in summary)
    assert summary_text(summary) == " ".join(s["text"] for s in summary)


def test_a_storylines_title_names_the_place_most_of_its_events_are_about():
    bihar = {"canonical": "LOC:state:IN:bihar", "name": "बिहार", "articles": 1}
    events = [
        {"headline": "कोरोना वायरस अपडेट", "articles": ["a", "b", "c"], "entities": [bihar]},
        {"headline": "बिहार में कोरोना के 12 नए मरीज मिले, संख्या 61 हुई", "articles": ["d"], "entities": [bihar]},
        {"headline": "कोरोना वायरस के मरीजों की संख्या बढ़कर 64 हुई", "articles": ["e"], "entities": [bihar]},
    ]
    assert storyline_title(events) == "बिहार में कोरोना के 12 नए मरीज मिले, संख्या 61 हुई"


def test_a_state_storylines_title_names_the_state_though_most_events_name_its_districts():
    up = {"canonical": "LOC:state:IN:uttar-pradesh", "name": "उत्तर प्रदेश", "articles": 1}
    district = [{"canonical": f"LOC:district:IN:uttar-pradesh:{d}", "name": d, "articles": 1} for d in ("lucknow", "agra")]
    events = [
        {"headline": "अमरोहा में मिला कोरोना संदिग्ध मरीज, जांच के लिए नमूने भेजे", "articles": ["a"], "entities": district[:1]},
        {"headline": "आगरा में कोरोना के दो और मरीज मिले, संख्या आठ हुई", "articles": ["b"], "entities": district[1:]},
        {"headline": "यूपी में कोरोना के मरीजों की संख्या बढ़कर 12 हुई", "articles": ["c"], "entities": [up]},
    ]
    assert storyline_title(events) == "यूपी में कोरोना के मरीजों की संख्या बढ़कर 12 हुई"


def test_a_state_storylines_title_names_a_place_in_the_state_when_none_names_the_state():
    bihar_districts = [{"canonical": f"LOC:district:IN:bihar:{d}", "name": d, "articles": 1} for d in ("patna", "munger", "siwan")]
    events = [
        {"headline": "एक अन्य महिला की मौत, जांच जारी", "articles": ["a", "b"], "entities": bihar_districts[:1]},
        {"headline": "मुंगेर की महिला व बच्चे की जांच रिपोर्ट पॉजिटिव आई", "articles": ["c"], "entities": bihar_districts[1:2]},
        {"headline": "महिला की जांच रिपोर्ट का इंतजार, परिजन परेशान", "articles": ["d"], "entities": bihar_districts[2:]},
    ]
    assert storyline_title(events) == "मुंगेर की महिला व बच्चे की जांच रिपोर्ट पॉजिटिव आई"


def test_summary_skips_agency_copies():
    copy = _article("d", "चौथा अखबार", TRAIN[0].text, duplicate_of="a")
    assert all(s["article"] != "d" for s in event_summary(TRAIN + [copy]))


def test_storyline_title_and_one_timeline_line_per_event():
    events = [
        {"id": "ev-1", "event_date": "2026-04-14", "headline": "भुवनेश्वर के पास ट्रेन हादसा, नौ की मौत", "articles": ["a"], "outlets": ["पहला अखबार", "दूसरा अखबार"]},
        {"id": "ev-2", "event_date": "2026-04-16", "headline": "भुवनेश्वर ट्रेन हादसे की जांच रेल संरक्षा आयुक्त करेंगे", "articles": ["d"], "outlets": ["पहला अखबार"]},
        {"id": "ev-3", "event_date": "2026-05-19", "headline": "रिपोर्ट: वेल्डिंग की खामी से पटरी टूटी", "articles": ["e", "f", "g"], "outlets": ["तीसरा अखबार"]},
    ]
    # the first event's words (भुवनेश्वर, ट्रेन, हादसा) run through the others; the biggest event's do not
    assert storyline_title(events) == "भुवनेश्वर के पास ट्रेन हादसा, नौ की मौत"
    assert timeline(events) == [
        "2026-04-14 · भुवनेश्वर के पास ट्रेन हादसा, नौ की मौत [पहला अखबार, दूसरा अखबार]",
        "2026-04-16 · भुवनेश्वर ट्रेन हादसे की जांच रेल संरक्षा आयुक्त करेंगे [पहला अखबार]",
        "2026-05-19 · रिपोर्ट: वेल्डिंग की खामी से पटरी टूटी [तीसरा अखबार]",
    ]


@pytest.fixture(scope="module")
def analyzed():
    analyzer = Analyzer()

    def run(id, text, published, outlet="पहला अखबार"):
        article = clean_article(Article(id=id, outlet=outlet, text=text, published=published))
        return replace(article, analysis=analyzer.analyze(article))

    return run


def test_summary_prefers_a_sentence_stating_a_count_to_one_that_only_restates_the_topic(analyzed):
    articles = [analyzed("a", "असम में बाढ़ से हालात लगातार बिगड़ते जा रहे हैं।", "2026-06-16T08:00:00+05:30"),
                analyzed("b", "असम में बाढ़ से अब तक 12 लोगों की मौत हो चुकी है।", "2026-06-16T09:00:00+05:30",
                         outlet="दूसरा अखबार")]
    assert [s["text"] for s in event_summary(articles, max_sentences=1)] == ["असम में बाढ़ से अब तक 12 लोगों की मौत हो चुकी है।"]


def _two_outlets(first: str, second: str) -> list[Article]:
    """Two outlets' reports of one event, the second an hour later."""
    return [_article("a", "पहला अखबार", first), _article("b", "दूसरा अखबार", second, published="2026-04-15T10:00:00+05:30")]


def test_summary_leaves_out_background_and_wire_slugs():
    articles = _two_outlets("असम में बाढ़ से 12 लोगों की मौत हो चुकी है। बता दें कि राज्य में हर साल बाढ़ से लोग परेशान रहते "
                            "हैं। दि28 बाढ़ असम लीड राज्य में राहत शिविरों में हजारों लोग रह रहे हैं।",
                            "असम में बाढ़ से मरने वालों की संख्या 12 हो गई है। राहत शिविरों में लोगों को भोजन दिया जा रहा है।")
    texts = [s["text"] for s in event_summary(articles)]
    assert texts and not any(t.startswith("बता दें") or "दि28" in t for t in texts)


@pytest.mark.parametrize(
    "first, second, leaning",
    [
        # a relative or a pronoun ("जिसके बाद …", "वह …")
        ("दिल्ली में शनिवार को कोरोना के 224 नए मामले सामने आए। जिसके बाद राजधानी में संक्रमितों की कुल संख्या बढ़कर 6542 "
         "हो गई है। अस्पतालों में बिस्तरों की संख्या बढ़ाई जा रही है।",
         "राजधानी दिल्ली में कोरोना संक्रमितों की संख्या 6542 पहुंच गई है। वह पिछले हफ्ते अस्पताल में भर्ती हुए थे और अब ठीक हैं।",
         ("जिसके", "वह")),
        # a connective ("जबकि, इससे …", "हालांकि …")
        ("बिहार में रविवार को चार और लोगों में कोरोना संक्रमण की पुष्टि हुई। जबकि, इससे शनिवार को एक मरीज की मौत हो गई थी। "
         "राज्य में संक्रमितों की संख्या 15 हो गई है।",
         "बिहार में कोरोना संक्रमितों की संख्या बढ़कर 15 हो गई है। हालांकि तीन मरीजों की हालत में सुधार बताया जा रहा है। "
         "पटना में जांच केंद्र बढ़ाए जा रहे हैं।",
         ("जबकि", "हालांकि")),
    ],
)
def test_summary_takes_a_sentence_leaning_on_the_one_before_only_right_after_it(first, second, leaning):
    texts = [s["text"] for s in event_summary(_two_outlets(first, second))]
    assert len(texts) >= 2
    for before, text in zip([""] + texts, texts):
        if text.startswith(leaning):
            article = first if first.find(text) >= 0 else second
            assert before and article.find(before) >= 0 and article[article.find(before) + len(before):article.find(text)].strip() == ""


@pytest.mark.parametrize("leaning", ["ऐसे में सरकार को चिंता सता रही है कि कहीं हम यह जंग हार न जाएं।",
                                     "इसी बीच रेलवे ने सभी यात्री ट्रेनें 17 मई तक रद्द कर दीं।",
                                     "अभी यह तीसरे चरण यानी कम्युनिटी ट्रांसमिशन स्टेज में नहीं पहुंचा है।"])
def test_summary_leaves_out_a_sentence_leaning_on_one_it_does_not_take(leaning):
    first = ("बता दें कि बीते दो माह में करीब 15 लाख लोग विदेश की यात्रा कर भारत लौटे हैं। " + leaning
             + " गृह मंत्रालय ने शुक्रवार को राज्यों को विदेश से लौटे लोगों की निगरानी बढ़ाने को कहा।")
    second = ("केंद्र सरकार ने शुक्रवार को सभी राज्यों को विदेश से लौटे यात्रियों की जांच कराने का निर्देश दिया। "
              "राज्यों से रोज की रिपोर्ट मंत्रालय को भेजने को कहा गया है।")
    texts = [s["text"] for s in event_summary(_two_outlets(first, second))]
    assert len(texts) >= 2 and leaning not in texts


def test_summary_takes_a_leaning_sentence_when_too_few_stand_alone():
    articles = [_article("a", "पहला अखबार", "दिल्ली में शनिवार को कोरोना के 224 नए मामले सामने आए। उन्होंने बताया कि "
                         "राजधानी में संक्रमितों की कुल संख्या बढ़कर 6542 हो गई है।")]
    assert [s["text"] for s in event_summary(articles)] == [
        "दिल्ली में शनिवार को कोरोना के 224 नए मामले सामने आए।",
        "उन्होंने बताया कि राजधानी में संक्रमितों की कुल संख्या बढ़कर 6542 हो गई है।"]


def test_summary_sentences_lose_a_list_items_bullet():
    articles = [_article("a", "पहला अखबार", "- अब तक COVID-19 के 724 मामलों की पुष्टि हो चुकी है, कुल 17 मौतें हुई हैं।\n"
                         "- पिछले 24 घंटों में 75 नए पॉजिटिव मामले और 4 नई मौतें हुई हैं।")]
    assert [s["text"][:5] for s in event_summary(articles)] == ["अब तक", "पिछले"]


def test_summary_sentences_lose_a_list_mark_written_close_up_but_keep_a_minus_sign():
    articles = [_article("a", "पहला अखबार", "-डेढ़ से तीन रुपये में बिकने वाला मास्क अब 30 से 50 रुपये में बेचा जा रहा है।\n"
                         "-5 डिग्री तक गिरे पारे के बीच जिले में मास्क की मांग दोगुनी हो गई है।")]
    assert [s["text"][:5] for s in event_summary(articles)] == ["डेढ़ ", "-5 डि"]


def test_event_headline_is_not_a_title_too_short_to_tell_the_event():
    articles = [_article("a", "पहला अखबार", TRAIN[0].text, title="ट्रेन हादसा अपडेट"),
                _article("b", "दूसरा अखबार", TRAIN[1].text, title=TRAIN[1].title),
                _article("c", "तीसरा अखबार", TRAIN[0].text, title="ट्रेन हादसा अपडेट")]
    assert event_headline(articles) == TRAIN[1].title


def test_event_headline_is_not_a_section_head_told_in_the_pluperfect():
    # A live blog's section head tells what led up to the event ("… मिले थे …"); the other
    # outlet's title reports the event, though it shares fewer words with the rest.
    background = _article("a", "पहला अखबार", TRAIN[0].text, title="मंगलवार रात पटरी से उतरे थे ट्रेन के पांच डिब्बे, नौ की मौत")
    report = _article("b", "दूसरा अखबार", TRAIN[1].text, title="ट्रेन हादसा: रेल मंत्री ने की मुआवजे की घोषणा")
    assert event_headline([background, report]) == report.title
    assert event_headline([background]) == background.title


@pytest.mark.parametrize("headline, background", [
    ("शनिवार को 41 लोग मिले थे संक्रमित", True),
    ("8 मार्च को कनाडा से लखनऊ आई थी महिला डॉक्टर", True),
    ("केंद्र ने दी थी यह छूट", True),
    ("कापसहेड़ा की इमारत में 41 लोग संक्रमित मिले", False),
    ("21 मार्च तक मरकज में थे 1746 लोग : गृह मंत्रालय", False),
])
def test_a_pluperfect_headline_tells_background(headline, background):
    assert tells_background(headline) is background


def test_the_sentence_that_best_says_what_happened_opens_the_summary(analyzed):
    early = analyzed("a", "हादसे में 9 यात्रियों की मौत हो गई, जबकि 38 लोग घायल हुए हैं। रेल मंत्रालय ने मृतकों के परिजनों "
                     "को 10 लाख रुपये देने की घोषणा की है।", "2026-04-15T07:30:00+05:30")
    later = analyzed("b", "ओडिशा में सरीपुर हॉल्ट के पास मंगलवार रात पुरी से कटक जा रही पैसेंजर ट्रेन के पांच डिब्बे पटरी "
                     "से उतर गए। इस हादसे में नौ यात्रियों की जान चली गई।", "2026-04-15T10:00:00+05:30", "दूसरा अखबार")
    third = analyzed("c", "ओडिशा में पुरी से कटक जा रही पैसेंजर ट्रेन के पांच डिब्बे सरीपुर हॉल्ट के पास पटरी से उतर गए।",
                     "2026-04-15T11:00:00+05:30", "तीसरा अखबार")
    summary = event_summary([early, later, third])
    assert "पटरी से उतर गए" in summary[0]["text"] and summary[0]["article"] != "a"
    assert [s["article"] for s in summary[1:]] == sorted(s["article"] for s in summary[1:])


def test_summary_does_not_say_the_same_count_twice_but_keeps_a_sentence_with_a_count_of_its_own(analyzed):
    articles = [
        analyzed("a", "कोरोना वायरस के कारण चीन में और 42 लोगों की मौत के साथ ही दुनियाभर में मरने वालों की संख्या 3,000 के पार "
                      "पहुंच गई है। राष्ट्रीय स्वास्थ्य आयोग ने कहा कि सभी 42 लोगों की मौत हुबेई प्रांत में हुई है।",
                 "2020-03-02"),
        analyzed("b", "चीन में कोरोनावायरस से 42 और लोगों की मौत होने की सूचना है। अस्पतालों में भर्ती मरीजों की संख्या घट रही है।",
                 "2020-03-02", outlet="दूसरा अखबार"),
    ]
    texts = [s["text"] for s in event_summary(articles)]
    only_the_42 = ["राष्ट्रीय स्वास्थ्य आयोग ने कहा कि सभी 42 लोगों की मौत हुबेई प्रांत में हुई है।",
                   "चीन में कोरोनावायरस से 42 और लोगों की मौत होने की सूचना है।"]
    assert sum(text in texts for text in only_the_42) == 1
    assert any("3,000" in text for text in texts)  # the world's toll is new, though the sentence also gives the 42


def test_an_events_entities_leave_out_the_place_its_dateline_files_from(analyzed):
    articles = [analyzed("a", "नई दिल्ली, एजेंसी । केरल में कोरोना के छह नए मामले सामने आए हैं।", "2020-03-10"),
                analyzed("b", "तिरुवनंतपुरम, 10 मार्च (भाषा) केरल में संक्रमितों की संख्या 12 हो गई है।", "2020-03-10",
                         outlet="दूसरा अखबार")]
    names = {e["name"] for e in event_record("ev-1", "sl-1", articles)["entities"]}
    assert "केरल" in names and not names & {"नई दिल्ली", "तिरुवनंतपुरम"}


def test_a_summary_sentence_that_a_line_break_ended_gets_a_danda_before_the_next():
    summary = [{"text": "पिछले 24 घंटों में 75 नए मामले सामने आए: लव अग्रवाल, संयुक्त सचिव"},
               {"text": "सभी राज्यों से होटल खुले रखने को कहा गया है।"}]
    assert summary_text(summary) == "पिछले 24 घंटों में 75 नए मामले सामने आए: लव अग्रवाल, संयुक्त सचिव। सभी राज्यों से होटल खुले रखने को कहा गया है।"


def test_an_event_whose_only_titles_label_the_page_is_headlined_from_a_lead():
    articles = [_article("a", "पहला अखबार", TRAIN[0].text, title="ताजा अपडेट")]
    headline = event_headline(articles)
    assert headline != "ताजा अपडेट"
    assert "पटरी से उतर" in headline


def test_a_short_title_that_tells_a_happening_stays_the_events_headline():
    articles = [_article("a", "पहला अखबार", TRAIN[0].text, title="ओडिशा में ट्रेन हादसा")]
    assert event_headline(articles) == "ओडिशा में ट्रेन हादसा"


def test_a_wire_digest_keeps_its_short_title_rather_than_a_headline_that_announces_a_list():
    digest = _article("a", "पहला अखबार", "नयी दिल्ली, 12 मई (भाषा) कोरोना वायरस संकट पर भारत तथा दुनिया के अन्य हिस्सों से "
                      "मंगलवार को भाषा की विभिन्न फाइलों से जारी मुख्य समाचार इस प्रकार हैं : मृतकों की संख्या बढ़ी।",
                      title="कोरोना वायरस अपडेट")
    assert event_headline([digest]) == "कोरोना वायरस अपडेट"


def test_summary_takes_a_leaning_sentence_right_after_the_sentence_it_leans_on():
    first = ("दिल्ली में शनिवार को कोरोना के 224 नए मामले सामने आए। जिसके बाद राजधानी में संक्रमितों की कुल संख्या बढ़कर 6542 "
             "हो गई है। अस्पतालों में बिस्तरों की संख्या बढ़ाई जा रही है।")
    second = "दिल्ली सरकार ने शनिवार को राजधानी में 12 नए कंटेनमेंट जोन बनाने का आदेश दिया। इनमें बाजार बंद रहेंगे।"
    texts = [s["text"] for s in event_summary(_two_outlets(first, second))]
    leaning = texts.index("जिसके बाद राजधानी में संक्रमितों की कुल संख्या बढ़कर 6542 हो गई है।")
    assert texts[leaning - 1] == "दिल्ली में शनिवार को कोरोना के 224 नए मामले सामने आए।"
