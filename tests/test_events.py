"""Event clustering: the estimator contract and the hard rules (issue 4 builds on this)."""

from datetime import date

import dataclasses
import itertools

import pytest

from ghatnakram.analyze import Analyzer
from ghatnakram.events import (
    HEADLINE_KINDS_DIFFER,
    EventClusterer,
    Signature,
    event_id,
    diseases_named,
    news_beat,
    event_kind,
    headline_kind,
    places_in,
    signature,
    signature_from_dict,
    signature_to_dict,
)
from ghatnakram import events
from ghatnakram.events import _lead_places
from ghatnakram.models import Article
from ghatnakram.normalize import word_keys


def _sig(article_id, day, terms, place="state:IN:bihar", ordinal=None, kind="count"):
    return Signature(article_id=article_id, published=day, day=date.fromisoformat(day), place=place,
                     places=frozenset({place}), actors=frozenset(), kind=kind,
                     terms={t: 1 for t in terms.split()}, numbers=frozenset(), ordinal=ordinal)


STREAM = [
    _sig("a1", "2020-03-31", "बिहार नए मामले पटना सीवान"),
    _sig("a2", "2020-03-31", "बिहार मामले सीवान पटना संख्या"),
    _sig("a3", "2020-03-31", "पंजाब कर्फ्यू आदेश", place="state:IN:punjab", kind="order"),
    _sig("a4", "2020-04-01", "बिहार नए मामले पटना सीवान"),
    _sig("a5", "2020-04-05", "बिहार नए मामले पटना सीवान"),
]


def test_one_fit_equals_partial_fit_article_by_article():
    batch = EventClusterer().fit(STREAM)
    online = EventClusterer()
    for sig in STREAM:
        online.partial_fit([sig])
    assert batch.labels_ == online.labels_


def test_the_same_report_joins_and_another_state_does_not():
    labels = EventClusterer().fit(STREAM).labels_
    assert labels["a1"] == labels["a2"]
    assert labels["a3"] != labels["a1"]


def test_event_dates_days_apart_are_different_events():
    labels = EventClusterer().fit(STREAM).labels_
    assert labels["a5"] != labels["a1"]


def test_a_topic_reported_day_after_day_does_not_chain_into_one_event():
    # Delhi's preparations on the 3rd, 4th and 5th: the 4th may join the 3rd, the 5th is two days from it.
    days = [_sig(f"d{n}", f"2020-03-0{n}", "दिल्ली कोरोना तैयारी अस्पताल आइसोलेशन वार्ड", place="state:IN:delhi", kind="other")
            for n in (3, 4, 5)]
    labels = EventClusterer().fit(days).labels_
    assert labels["d4"] == labels["d3"]
    assert labels["d5"] != labels["d3"]


def test_count_reports_of_one_place_and_day_are_one_event_in_whatever_order_they_come():
    # a and b share no word, c shares half of each: c bridges them however the three arrive.
    a = _sig("a", "2020-03-31", "बिहार नए मामले पटना सीवान")
    b = _sig("b", "2020-03-31", "संक्रमित गया भागलपुर मुंगेर")
    c = _sig("c", "2020-03-31", "बिहार मामले गया भागलपुर रिपोर्ट जांच")
    for order in itertools.permutations([a, b, c]):
        assert len(set(EventClusterer().fit(order).labels().values())) == 1, [s.article_id for s in order]
    # Of another kind (an order, not a count), b is another happening even where c fits it too.
    order_b = dataclasses.replace(b, kind="order")
    labels = EventClusterer().fit([a, order_b, c]).labels()
    assert labels["a"] == labels["c"] != labels["b"]


def test_an_article_of_no_known_day_joins_only_on_a_closer_likeness():
    report = _sig("r1", "2020-03-31", "बिहार नए मामले पटना सीवान")
    alike = _sig("r2", "2020-03-31", "बिहार नए गया भागलपुर")  # half its words: one happening when both are dated
    undated = dataclasses.replace(alike, published=None, day=None)
    same_words = dataclasses.replace(report, article_id="r3", published=None, day=None)
    reports_event = event_id("r1")
    assert EventClusterer().fit([report, alike]).labels_["r2"] == reports_event
    assert EventClusterer().fit([report, undated]).labels_["r2"] != reports_event
    assert EventClusterer().fit([report, same_words]).labels_["r3"] == reports_event


def test_first_and_second_meeting_are_two_events_however_alike():
    first = _sig("m1", "2026-01-28", "अल-शारा पुतिन मॉस्को मुलाकात", ordinal=1, kind="meeting")
    second = _sig("m2", "2026-01-28", "अल-शारा पुतिन मॉस्को मुलाकात", ordinal=2, kind="meeting")
    labels = EventClusterer().fit([first, second]).labels_
    assert labels["m1"] != labels["m2"]


def test_event_ids_are_stable_across_runs():
    assert EventClusterer().fit(STREAM).labels_ == EventClusterer().fit(STREAM).labels_


def test_kind_of_happening_from_its_words():
    assert event_kind("बिहार में संक्रमितों की संख्या बढ़कर 39") == "count"
    assert event_kind("पंजाब सरकार ने कर्फ्यू का आदेश दिया") == "order"
    assert event_kind("पुतिन से मुलाकात") == "meeting"


def test_an_accident_told_in_oblique_forms_is_an_incident():
    assert event_kind("हादसे में 9 यात्रियों की मौत हो गई, जबकि 38 लोग घायल हुए हैं") == "incident"


def test_postponements_are_decisions_and_brawls_are_incidents():
    assert event_kind("कोरोना के कारण आईपीएल स्थगित, टूर्नामेंट 15 अप्रैल तक टला") == "order"
    assert event_kind("क्वारंटाइन सेंटर पर प्रवासी मजदूरों का हंगामा, पुलिस से झड़प") == "incident"


def test_a_reported_death_is_a_count_unless_an_accident_is_told():
    assert event_kind("भारत में कोरोना वायरस से एक और मौत") == "count"
    assert event_kind("कोरोना के कारण भारत में दर्ज हुई तीसरी मौत") == "count"
    assert event_kind("सड़क हादसे में दो की मौत") == "incident"


def test_a_place_someone_came_from_does_not_place_the_story():
    assert places_in("मुंबई से लौटे तीन मजदूर दरभंगा में कोरोना पॉजिटिव") == ["district:IN:bihar:darbhanga"]
    assert places_in("चीन से लौटे छात्रों की जांच") == []  # the lead says where they are


def test_a_wire_titles_trailing_capital_dateline_does_not_place_the_story():
    sig = signature(Article(id="w", outlet="o", published="2020-03-23",
                            title="केंद्र ने राज्य सरकारों से बंद का सख्ती से अनुपालन कराने को कहा : आधिकारिक बयान नयी दिल्ली",
                            text="केंद्र ने सोमवार को राज्य सरकारों से बंद का सख्ती से अनुपालन कराने को कहा।"))
    assert sig.headline_place is None
    assert places_in("नई दिल्ली में कोरोना के पांच नए मामले") == ["district:IN:delhi:new-delhi"]


def test_a_train_named_after_a_place_is_not_there():
    assert places_in("एर्नाकुलम एक्सप्रेस से बक्सर में उतरे पांच सौ यात्री") == ["district:IN:bihar:buxar"]


def test_a_place_a_train_or_traveller_was_heading_for_is_not_where_the_news_is():
    text = "आजमगढ़ से दिल्ली जा रही कैफियत एक्सप्रेस औरैया जिले में एक डंपर से टकरा गई।"
    assert places_in(text) == ["district:IN:uttar-pradesh:auraiya"]
    assert places_in("पुणे की ओर जाने वाली बस इंदौर में पलटी") == ["district:IN:madhya-pradesh:indore"]
    assert places_in("पटना की ओर से भेजी गई राहत सामग्री बांटी गई") == ["district:IN:bihar:patna"]  # on Patna's behalf


def test_a_place_distances_are_measured_from_is_where_the_news_is():
    assert places_in("मनाली से एक किलोमीटर दूर भूस्खलन से राजमार्ग बंद") == ["city:IN:manali"]


def test_a_national_highway_or_average_is_no_news_of_the_whole_country(analyzer):
    road = _analysed(analyzer, "नजीबाबाद (बिजनौर): मेरठ-पौड़ी राष्ट्रीय राजमार्ग पर खड़े कंटेनर में घुसने से तीन युवकों की मौत हो गई।")
    average = _analysed(analyzer, "राज्य में मृत्यु दर राष्ट्रीय औसत से चार गुना है।", title="प. बंगाल में मृत्यु दर राष्ट्रीय औसत के 4 गुना")
    assert signature(road).place == "state:IN:uttar-pradesh"
    assert signature(average).places == {"state:IN:west-bengal"}


def test_a_city_abroad_is_its_countrys_news_unless_the_country_has_states_of_its_own(analyzer):
    dhaka = _analysed(analyzer, "ढाका में एक इमारत में आग लगने से 12 लोगों की मौत हो गई।")
    beijing = _analysed(analyzer, "बीजिंग में कोरोना के 20 नए मामले सामने आए हैं।")
    assert signature(dhaka).place == "country:BD"
    assert signature(beijing).place == "city:CN:beijing"  # China's provinces are states; Beijing is one of that size


def test_a_dateline_abroad_says_which_country_the_country_is(analyzer):
    abroad = _analysed(analyzer, "काठमांडू, पीटीआइ । स्वास्थ्य मंत्रालय ने बताया कि देश में 16 नए मामले दर्ज किए गए हैं।")
    desk = _analysed(analyzer, "नई दिल्ली, पीटीआइ । स्वास्थ्य मंत्रालय ने बताया कि देश में 16 नए मामले दर्ज किए गए हैं।")
    assert signature(abroad).place == "country:NP"
    assert signature(desk).place == "country:IN"


def test_a_place_a_count_was_found_in_places_the_story():
    assert places_in("पलामू से मिले 5 नये कोरोना पॉजिटिव") == ["district:IN:jharkhand:palamu"]
    assert places_in("पंजाब से 38 मामले सामने आए") == ["state:IN:punjab"]


def test_a_place_the_news_is_set_against_does_not_place_the_story():
    assert places_in("चीन के बाद ईरान में सबसे ज्यादा मौतें") == ["country:IR"]
    assert places_in("अब चीन के बाहर ज्यादा घातक हुआ वायरस") == []


def test_a_place_name_that_is_a_common_word_places_the_story_only_where_marked_as_a_place():
    assert places_in("कोरोना संदिग्ध को जांच के लिए भेजा गया") == []
    assert places_in("बाजार में चार गुना दाम पर बिके मास्क") == []
    assert places_in("लॉकडाउन बढ़ाया गया, गया में सख्ती") == ["district:IN:bihar:gaya"]
    assert places_in("गया : दो नए मरीज मिले") == ["district:IN:bihar:gaya"]
    assert places_in("कोरोना पर फेक न्यूज फैलाने वाले पर केस") == []


def test_places_in_titles_in_hindi_and_english():
    assert places_in("पटना / Bihar Corona News Update : बिहार में मामले") == ["district:IN:bihar:patna", "state:IN:bihar", "state:IN:bihar"]


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


def _analysed(analyzer, text, title="", published="2020-05-13"):
    article = Article(id="t", outlet="o", text=text, title=title, published=published)
    return dataclasses.replace(article, analysis=analyzer.analyze(article))


def test_an_acronym_in_latin_and_in_hindi_letter_names_is_one_term(analyzer):
    latin = _analysed(analyzer, "परिषद की बैठक में बीमा प्रीमियम कर-मुक्त हुआ।", title="GST Council Meeting: हेल्थ इंश्योरेंस पर अब जीरो टैक्स")
    hindi = _analysed(analyzer, "परिषद ने 12 वस्तुओं पर दर घटाई।", title="जीएसटी परिषद: स्वास्थ्य बीमा प्रीमियम कर-मुक्त")
    assert "gst" in signature(latin).terms and "gst" in signature(hindi).terms


def test_an_english_news_word_of_a_latin_headline_is_the_hindi_word_of_another(analyzer):
    latin = _analysed(analyzer, "नंगरहार प्रांत में भारी तबाही हुई।", title="Afghanistan Earthquake: भारी तबाही, 250 की मौत")
    hindi = _analysed(analyzer, "नंगरहार प्रांत में झटके महसूस हुए।", title="अफगानिस्तान में 6.2 तीव्रता का भूकंप")
    assert "भूकंप" in signature(latin).terms and "भूकंप" in signature(hindi).terms
    assert "earthquake" not in signature(latin).terms


def test_a_latin_word_with_no_hindi_counterpart_stays_as_written(analyzer):
    article = _analysed(analyzer, "वीडियो वायरल हुआ।", title="Viral Video: सड़क पर हंगामा")
    assert {"viral", "video"} <= set(signature(article).terms)


def test_two_letter_acronyms_stay_as_written_in_the_terms(analyzer):
    article = _analysed(analyzer, "यूपी में पीएम की रैली हुई।", title="यूपी में पीएम की रैली")
    assert {"यूपी", "पीएम"} <= set(signature(article).terms)


def test_a_dateline_city_is_not_where_a_national_count_happened(analyzer):
    article = _analysed(analyzer, "नई दिल्ली, जागरण संवाददाता । देश में कोरोना संक्रमितों की संख्या बढ़कर 74281 हो गई है।",
                        title="कोरोना के मामले 74 हजार के पार")
    assert signature(article).place == "country:IN"


def test_a_dateline_city_is_the_place_when_the_story_names_no_other(analyzer):
    article = _analysed(analyzer, "पटना : शहर के एक अस्पताल में बुधवार को एक महिला की मौत हो गई।")
    assert signature(article).place == "state:IN:bihar"


@pytest.mark.parametrize("dateline", ["नई दिल्ली, जेएनएन ।", "NEW DELHI:"])
def test_an_incident_filed_from_new_delhi_in_either_script_happened_in_delhi(analyzer, dateline):
    fire = _analysed(analyzer, dateline + " एक गोदाम में बुधवार रात भीषण आग लग गई, जिसमें तीन मजदूरों की जलकर मौत हो गई।",
                     title="गोदाम में आग, तीन मजदूरों की मौत")
    assert fire.analysis.event_type == "FIRE"
    assert signature(fire).place == "state:IN:delhi"


def test_a_new_delhi_dateline_inside_the_lead_is_not_where_it_happened(analyzer):
    text = ("कुछ जगहों पर गेंद के आकार के ओले पड़े, जिसमें दो लोगों की मौत हो गई।\nनई दिल्ली। महाराष्ट्र के मराठवाड़ा "
            "इलाके में रविवार को हुई बेमौसम बारिश और ओलावृष्टि में दो लोगों की मौत हो गई।")
    assert signature(_analysed(analyzer, text)).place == "state:IN:maharashtra"


@pytest.mark.parametrize("text, title", [
    ("संगठन ने अपनी सदस्य कंपनियों से छंटनी न करने का आग्रह किया है।\nनई दिल्ली\nकंपनियों के संगठन ने सरकार से भी मदद की अपील की है।",
     "कोरोना वायरस: उद्योग संगठन ने कहा, छंटनी न करें कंपनियां"),  # a national desk's dateline on a line of its own
    ("लोगों को डर है कि उनके शहर की हालत वुहान जैसी हो सकती है, इसलिए वे घरों में अनाज जमा करने लगे हैं।",
     "लोगों में खौफ, घरों में अनाज जमा कर रहे लोग"),  # a place the news is likened to
], ids=["national-desk-line", "likened-to"])
def test_a_place_the_tagger_finds_only_as_a_desk_or_a_likeness_places_nothing_even_as_a_last_resort(analyzer, text, title):
    article = _analysed(analyzer, text, title=title)
    assert any(m.place for m in article.analysis.entities)
    assert signature(article).place is None


def test_a_dateline_in_latin_letters_places_the_story(analyzer):
    article = _analysed(analyzer, "JAMSHEDPUR: शहर के सबसे बड़े सरकारी अस्पताल में बेड की कमी के कारण मरीजों को फर्श पर लिटाया जा रहा है।")
    assert signature(article).place == "state:IN:jharkhand"


def test_a_national_desks_dateline_in_latin_letters_is_not_where_a_story_happened(analyzer):
    article = _analysed(analyzer, "NEW DELHI: बॉलीवुड सिंगर कनिका कपूर की चौथी जांच रिपोर्ट भी पॉजिटिव आई है।",
                        title="गायिका का चौथा टेस्ट भी पॉजिटिव")
    assert signature(article).place is None


def test_a_desks_city_the_tagger_misses_in_the_dateline_but_names_later_places_the_story(analyzer):
    text = ("फीरोजाबाद, जेएनएन । जिले में एक साथ 13 लोग संक्रमित मिले हैं। अब संक्रमितों का आंकड़ा 122 पर पहुंच गया है।\n"
            "फीरोजाबाद के स्वास्थ्य विभाग ने सभी को अस्पताल में भर्ती कराया है।")
    article = _analysed(analyzer, text, title="फिर फूटा कोरोना बम, 13 नये केस के साथ आंकड़ा हुआ 122")
    later = [m for m in article.analysis.entities if m.place and m.start > 0]
    assert later, "the tagger finds the city in the text"
    missed = dataclasses.replace(article.analysis, entities=[m for m in article.analysis.entities if m.start > 0])
    assert signature(dataclasses.replace(article, analysis=missed)).place == "state:IN:uttar-pradesh"


def test_a_desks_city_in_india_outweighs_the_country_words_of_its_lead(analyzer):
    article = _analysed(analyzer, "रांची : देशभर में कोरोना वायरस के बढ़ते खतरे को देखते हुए एक दुकानदार दस रुपये में मास्क दे रहा है।",
                        title="दस रुपये में मास्क दे रहा दुकानदार")
    assert signature(article).place == "state:IN:jharkhand"


@pytest.mark.parametrize("dateline", ["नई दिल्ली, जेएनएन ।", "नई दिल्\u200dली ।"])
def test_a_national_desks_new_delhi_dateline_is_not_where_a_story_happened(analyzer, dateline):
    article = _analysed(analyzer, dateline + " बॉलीवुड सिंगर कनिका कपूर की चौथी जांच रिपोर्ट भी पॉजिटिव आई है।",
                        title="गायिका का चौथा टेस्ट भी पॉजिटिव")
    assert any(m.place and m.start == 0 for m in article.analysis.entities)  # the tagger sees the desk
    assert signature(article).place is None


def test_a_lead_place_the_tagger_misses_still_places_the_story(analyzer):
    lead = "भुबनेश्वर रेल मंडल के अधिकारियों ने पिछले महीने हुए हादसे की जांच रिपोर्ट में लापरवाही मानी है।"
    article = _analysed(analyzer, lead, title="सरीपुर ट्रेन हादसा: सीआरएस रिपोर्ट में लापरवाही उजागर", published="2026-05-20")
    assert not [m for m in article.analysis.entities if m.place]  # the tagger finds no place here
    assert signature(article).place == "state:IN:odisha"


def test_the_gazetteers_reading_of_the_lead_skips_a_wires_capital_dateline():
    text = "केंद्र ने राज्यों से बंद का पालन कराने को कहा : आधिकारिक बयान नयी दिल्ली, केंद्र ने कहा है कि बिहार में बंद का पालन हो।"
    assert _lead_places(text) == ("state:IN:bihar",)


def test_a_village_or_constituency_no_gazetteer_knows_is_named_like_an_actor(analyzer):
    text = "प्रयागराज जिले की चंदनपुर विधानसभा सीट पर गुरुवार को उपचुनाव के लिए मतदान हुआ।"
    first = signature(_analysed(analyzer, text, published="2026-03-05"))
    again = signature(_analysed(analyzer, "चंदनपुर विधानसभा सीट पर 61 फीसदी वोट पड़े।", published="2026-03-05"))
    assert [a for a in first.actors if a.startswith("LOC:")] == [a for a in again.actors if a.startswith("LOC:")]
    assert first.actors and not any("allahabad" in a for a in first.actors)  # a known district is a place, not an actor


def test_the_world_is_a_scope_of_its_own(analyzer):
    article = _analysed(analyzer, "कोरोना वायरस से दुनियाभर में मरने वालों की संख्या 3825 हो गई है।", title="कोरोना से 3,825 की मौत")
    assert signature(article).place == "world"


def test_an_actor_named_in_the_title_is_an_actor_though_the_lead_does_not_name_them(analyzer):
    text = ("राज्य में कोरोना से निपटने की तैयारियों की समीक्षा की गई। अस्पतालों में बेड बढ़ाने को कहा गया। "
            "बैठक में मुख्यमंत्री हेमंत सोरेन ने अधिकारियों को निर्देश दिए। उपायुक्त भी मौजूद थे।")
    named = _analysed(analyzer, text, title="कोरोना पर हेमंत सोरेन ने की उच्चस्तरीय बैठक")
    unnamed = _analysed(analyzer, text, title="कोरोना पर उच्चस्तरीय बैठक")
    assert any("सोरेन" in actor for actor in signature(named).actors)
    assert not any("सोरेन" in actor for actor in signature(unnamed).actors)


def test_an_ordinal_of_a_tally_is_no_recurrence_of_the_happening(analyzer):
    state = _analysed(analyzer, "नवांशहर के एक बुजुर्ग की बुधवार को मौत हो गई।", title="पंजाब में कोरोना वायरस से पहली मौत")
    country = _analysed(analyzer, "पंजाब के नवांशहर में बुधवार को एक मरीज की मौत हो गई।", title="देश में कोरोना वायरस से चौथी मौत")
    meeting = _analysed(analyzer, "दोनों नेता बुधवार को मॉस्को में मिले।", title="पुतिन और अल-शरा की दूसरी मुलाकात")
    assert signature(state).ordinal is None and signature(country).ordinal is None
    assert signature(meeting).ordinal == 2


def test_a_place_the_lead_tells_someone_came_from_does_not_place_the_story(analyzer):
    article = _analysed(analyzer, "दुबई से लौटे एक युवक में मेरठ में कोरोना की पुष्टि हुई है। उसे अस्पताल में भर्ती कराया गया है।",
                        title="युवक में कोरोना की पुष्टि", published="2020-03-10")
    assert signature(article).places == {"state:IN:uttar-pradesh"}


def test_countries_counted_are_not_the_country_and_a_world_count_naming_india_later_is_the_worlds(analyzer):
    countries = _analysed(analyzer, "दुनिया भर में संक्रमितों की संख्या एक लाख के पार हो गई है।",
                          title="24 घंटे में 9 और देश प्रभावित, दुनियाभर में एक लाख से अधिक लोग संक्रमित")
    world = _analysed(analyzer, "दुनिया में कोरोना से मरने वालों की संख्या तीन लाख के पार हो गई है।",
                      title="दुनिया में कोरोना से मरने वालों की संख्या 3 लाख पार, जानिए लिस्ट में भारत कहां")
    assert signature(countries).place == "world"
    assert signature(world).place == "country:IN" and signature(world).thread_place == "world"


def test_the_world_or_country_a_superlative_is_measured_against_is_no_scope(analyzer):
    volcano = _analysed(analyzer, "अमेरिका के हवाई आइलैंड पर मौजूद किलुआ में गुरुवार को ज्वालामुखी फटा।",
                        title="दुनिया का सबसे बड़ा ज्वालामुखी फटा, 30 हजार फीट की ऊंचाई तक उछला लावा")
    state = _analysed(analyzer, "राज्य में मंगलवार को 1,008 नए मामले सामने आए।", title="देश में सबसे ज्यादा प्रभावित राज्य में हालात गंभीर")
    assert signature(volcano).place == "country:US"
    assert signature(state).headline_place is None


def test_a_desk_label_before_the_title_is_no_scope(analyzer):
    article = _analysed(analyzer, "मुंबई में शनिवार को कोरोना से संक्रमित 20 मरीज ठीक होकर घर लौटे।",
                        title="देश / Covid 19 : कोरोना को मात देकर 20 मरीज घर लौटे")
    assert signature(article).headline_place is None


def test_a_place_the_news_is_likened_to_is_not_where_it_happens():
    assert places_in("पटना में वुहान जैसी हालत का डर, लोग जमा कर रहे अनाज") == ["district:IN:bihar:patna"]


def test_numbers_of_the_title_count_and_spans_of_time_do_not(analyzer):
    article = _analysed(analyzer, "पिछले 24 घंटे में राज्य में नए मरीज मिले हैं।", title="बिहार में कोरोना मरीजों की संख्या 940 हुई")
    assert 940.0 in signature(article).numbers
    assert 24.0 not in signature(article).numbers


def test_a_world_count_headline_is_the_worlds_even_when_the_lead_names_china_first(analyzer):
    article = _analysed(analyzer, "चीन के बाद अब इटली और ईरान में भी कोरोना वायरस तेजी से फैल रहा है।",
                        title="दुनियाभर में मरने वालों की संख्या 3,000 के पार")
    assert signature(article).place == "world"


def test_a_district_headline_is_the_districts_news_and_a_desk_dateline_is_not(analyzer):
    district = _analysed(analyzer, "जिले में रविवार को तीन नए मरीज मिले।", title="मथुरा में कोरोना के 3 नये मरीज मिले, अब तक 31 संक्रमित")
    state = _analysed(analyzer, "राज्य में आज 61 नए मामले मिले।", title="पटना / बिहार में आज मिले 61 नये मामले")
    both = _analysed(analyzer, "सीवान में चार नए मरीज मिले।", title="सीवान में मिले कोरोना के चार नए मामले, बिहार में संख्या 15")
    assert signature(district).locality == "district:IN:uttar-pradesh:mathura"
    assert signature(state).locality is None and signature(state).headline_place == "state:IN:bihar"
    assert signature(both).locality is None  # a headline naming the state reports the state's count


def test_a_count_the_headline_asks_about_or_forecasts_is_an_outlook():
    assert event_kind("जून में पीक पर होगा कोरोना के मामलों का आंकड़ा", "जून में पीक पर होगा कोरोना") == "outlook"
    assert event_kind("क्या इन तीन कारणों से कम हैं भारत में मामले?", "क्या इन तीन कारणों से कम हैं भारत में मामले?") == "outlook"
    assert event_kind("बिहार में संक्रमितों की संख्या बढ़कर 39", "बिहार में संक्रमितों की संख्या बढ़कर 39") == "count"


def _report(article_id, terms, headline_place="state:IN:bihar", locality=None, kind="count", day="2020-05-13"):
    sig = _sig(article_id, day, terms, kind=kind)
    return dataclasses.replace(sig, headline_place=headline_place, locality=locality)


def test_two_count_reports_of_one_state_for_one_day_are_one_happening_in_other_words():
    clusterer = EventClusterer()
    clusterer.fit([_report("r1", "आज मिले 61 नये मामले एनएमसीएच"), _report("r2", "संक्रमितों की संख्या 932 पहुंची मामले")])
    one_day = clusterer.pair_score(_report("x1", "आज मिले 61 नये मामले"), _report("x2", "संक्रमितों की संख्या 932 पहुंची"))
    next_day = clusterer.pair_score(_report("x1", "आज मिले 61 नये मामले"), _report("x2", "संक्रमितों की संख्या 932 पहुंची", day="2020-05-14"))
    assert one_day > next_day


def test_two_districts_of_one_state_are_two_happenings():
    clusterer = EventClusterer().fit(STREAM)
    mathura = _report("d1", "कोरोना नये मरीज मिले संक्रमित", locality="district:IN:uttar-pradesh:mathura", headline_place="state:IN:uttar-pradesh")
    gonda = _report("d2", "कोरोना नये मरीज मिले संक्रमित", locality="district:IN:uttar-pradesh:gonda", headline_place="state:IN:uttar-pradesh")
    mathura_again = dataclasses.replace(mathura, article_id="d3")
    assert clusterer.pair_score(mathura, gonda) < clusterer.pair_score(mathura, mathura_again)


def test_a_states_counts_of_two_days_are_two_events_though_they_share_a_number():
    today = dataclasses.replace(_report("c1", "बिहार में आज मिले 61 नये मामले पटना"), numbers=frozenset({32.0, 251.0}))
    tomorrow = dataclasses.replace(_report("c2", "बिहार में संक्रमितों की संख्या 283 पहुंची", day="2020-05-14"),
                                   numbers=frozenset({32.0, 283.0}))
    labels = EventClusterer().fit(STREAM + [today, tomorrow]).labels_
    assert labels["c1"] != labels["c2"]


def test_a_places_counts_of_two_days_part_though_alike_but_an_incidents_toll_of_two_days_is_one_event():
    today = dataclasses.replace(_report("t1", "बिहार कोरोना संक्रमित पटना मामले"), numbers=frozenset({32.0, 251.0}))
    tomorrow = dataclasses.replace(_report("t2", "बिहार कोरोना मरीज भागलपुर मुंगेर", day="2020-05-14"),
                                   numbers=frozenset({32.0, 283.0}))
    labels = EventClusterer().fit([today, tomorrow]).labels_
    assert labels["t1"] != labels["t2"]
    flood = [dataclasses.replace(report, incident="weather") for report in (today, tomorrow)]
    labels = EventClusterer().fit(flood).labels_
    assert labels["t1"] == labels["t2"]


def test_a_shared_exact_figure_says_more_than_a_shared_round_one():
    india = _sig("r1", "2020-05-03", "डबलिंग रेट मरीज ठीक", place="country:IN")
    russia = _sig("r2", "2020-05-03", "तेजी संक्रमण मामले", place="country:RU")
    clusterer = EventClusterer().fit([])
    apart = clusterer.pair_score(india, russia)
    round_figure = clusterer.pair_score(dataclasses.replace(india, numbers=frozenset({10000.0})),
                                        dataclasses.replace(russia, numbers=frozenset({10000.0})))
    exact_figure = clusterer.pair_score(dataclasses.replace(india, numbers=frozenset({10817.0})),
                                        dataclasses.replace(russia, numbers=frozenset({10817.0})))
    assert apart < round_figure < exact_figure
    assert exact_figure - apart > 2 * (round_figure - apart)


def test_a_small_figure_ending_in_zero_is_as_weak_a_tie_as_a_round_thousand():
    # "छपरा में … गुरुवार को 10 मरीज मिले" and "भागलपुर में … गुरुवार को भी 10 मरीज मिले": two districts' counts
    saran = _sig("s1", "2020-05-14", "छपरा पुलिस जवान पॉजिटिव मिले", place="state:IN:bihar")
    bhagalpur = _sig("s2", "2020-05-14", "भागलपुर संक्रमितों संख्या पार", place="state:IN:bihar")
    clusterer = EventClusterer().fit([])

    def with_figure(value):
        return clusterer.pair_score(dataclasses.replace(saran, numbers=frozenset({value})),
                                    dataclasses.replace(bhagalpur, numbers=frozenset({value})))

    assert with_figure(10.0) == with_figure(1000.0) < with_figure(13.0)


@pytest.mark.parametrize(
    "title, diseases",
    [
        ("यूपी के दो शहरों में स्वाइन फ्लू ने पसारे पांव", {"swine-flu"}),
        ("बिहार में बर्ड फ़्लू की आशंका", {"bird-flu"}),
        ("कोरोनावायरस: आज ही उठाएं ये 10 कदम", {"covid"}),
        ("COVID-19: कोविड-19 के मामले बढ़े", {"covid"}),
        ("कोरोना के बीच डेंगू का खतरा", {"covid", "dengue"}),
        ("Coronavirus ही नहीं चार राज्यों में Bird Flu व Swine Flu का खतरा", {"covid", "bird-flu", "swine-flu"}),
        ("केरल में दो जगह बर्ड फ्लू (H5N1 Virus) की पुष्टि", {"bird-flu"}),
        ("महाराष्ट्र में 19 संक्रमित", set()),
    ],
)
def test_the_diseases_a_headline_names_are_read_whatever_the_spelling(title, diseases):
    assert diseases_named(word_keys(title)) == diseases


@pytest.mark.parametrize(
    "title, beat",
    [
        ("रिसर्च में बड़ा खुलासा, कोरोना के लक्षण दिखने में लग सकते हैं 5 दिन", "research"),
        ("कोरोना वैक्सीन बनाने के करीब 7 से 8 संस्थाएं, WHO चीफ ने किया खुलासा", "research"),
        ("कोविड-19 संक्रमण कैसे बनता है मौत का कारण: वैज्ञानिकों ने लगाया पता", "research"),
        ("कोरोना के कहर से शेयर बाज़ार में भूचाल, सेंसेक्स 3124 अंक लुढ़का", "markets"),
        ("वैक्सीन की खबर से उछला सेंसेक्स", "markets"),
        ("मुख्यमंत्री ने वीडियो शेयर कर लोगों से घर में रहने की अपील की", None),
        ("बिहार में कोरोना के 12 नए मरीज", None),
    ],
)
def test_a_headline_of_a_news_beat_is_known_by_its_words(title, beat):
    assert news_beat(word_keys(title)) == beat


def test_reports_of_two_diseases_are_two_happenings_though_place_day_and_words_agree(analyzer):
    swine = _analysed(analyzer, "बिहार में आठ दिन में स्वाइन फ्लू के छह मरीज मिले हैं।", title="बिहार में 8 दिन में स्वाइन फ्लू के 6 मरीज मिले",
                      published="2020-03-15")
    bird = _analysed(analyzer, "बिहार में बर्ड फ्लू की आशंका से मुर्गियों के मरीज मिले।", title="बिहार में बर्ड फ्लू की आशंका",
                     published="2020-03-15")
    both = _analysed(analyzer, "बिहार में स्वाइन फ्लू और बर्ड फ्लू के मरीज मिले।", title="बिहार में स्वाइन फ्लू और बर्ड फ्लू",
                     published="2020-03-15")
    clusterer = EventClusterer().fit([])
    a, b, c = signature(swine), signature(bird), signature(both)
    assert (a.diseases, b.diseases) == ({"swine-flu"}, {"bird-flu"})
    assert clusterer.pair_score(a, b) == -1.0
    assert clusterer.pair_score(a, c) > -1.0 and clusterer.pair_score(b, c) > -1.0
    assert signature_from_dict(signature_to_dict(a)).diseases == a.diseases


def test_two_stories_of_one_outlet_weigh_a_little_less_as_one_happening_than_two_outlets():
    clusterer = EventClusterer().fit([])
    a = dataclasses.replace(_sig("o1", "2020-03-21", "भारत मामले 251 विदेशी"), outlet="अखबार क")
    same = dataclasses.replace(_sig("o2", "2020-03-21", "भारत मामले अपडेट"), outlet="अखबार क")
    other = dataclasses.replace(same, article_id="o3", outlet="अखबार ख")
    assert clusterer.pair_score(a, same) < clusterer.pair_score(a, other)
    assert signature_from_dict(signature_to_dict(a)).outlet == "अखबार क"


def test_reports_naming_the_same_three_people_are_likelier_one_happening_than_those_sharing_one():
    # "वसुंधरा राजे से ओ'ब्रायन तक, इन नेताओं ने लिया एकांतवास" and "कनिका कपूर की पार्टी में आई वसुंधरा राजे और दुष्यंत सिंह"
    people = frozenset({"PER:कनिका-कपुर", "PER:वसुंधरा-राजे", "PER:दुशयंत-सिंह"})
    a = dataclasses.replace(_sig("k1", "2020-03-20", "एकांतवास नेताओं पार्टी", kind="other"), actors=people)
    three = dataclasses.replace(_sig("k2", "2020-03-20", "पार्टी गायिका आइसोलेट", kind="other"), actors=people)
    one = dataclasses.replace(three, article_id="k3", actors=frozenset({"PER:वसुंधरा-राजे"}))
    clusterer = EventClusterer().fit([])
    assert clusterer.pair_score(a, three) - clusterer.pair_score(a, one) == pytest.approx(0.1)


def test_an_article_that_one_member_contradicts_does_not_join_through_another():
    kerala = _sig("k1", "2020-03-14", "केरल मामले पुष्टि विधानसभा सत्र", place="state:IN:kerala")
    roundup = dataclasses.replace(
        _sig("k2", "2020-03-14", "केरल मामले पुष्टि विधानसभा देश कुल संख्या", place="country:IN"),
        places=frozenset({"country:IN", "state:IN:kerala"}))
    national = _sig("n1", "2020-03-14", "देश कुल संख्या मंत्रालय", place="country:IN")
    clusterer = EventClusterer().fit([kerala, roundup, national])
    assert clusterer.labels_["k2"] == clusterer.labels_["k1"]
    assert clusterer.pair_score(national, roundup) >= 0.5 and clusterer.pair_score(national, kerala) < 0
    assert clusterer.labels_["n1"] != clusterer.labels_["k1"]


@pytest.mark.parametrize("title, kind", [
    ("इटली में 107 लोगों की मौत", "count"),
    ("इटली में स्कूल, विश्वविद्यालय 15 मार्च तक के लिए बंद", "order"),
    ("डोर टू डोर सर्वे के दौरान आशा कार्यकर्ता से मारपीट", "incident"),
    ("राजस्थान में भी सबकुछ बंद, तीन मरीज", None),  # one order word, one count word: no plain kind
    ("आशा की बदौलत बचा पूरा गांव", None),
])
def test_a_headline_reports_a_kind_of_happening_when_its_words_plainly_say_one(title, kind):
    assert headline_kind(word_keys(title)) == kind


def _two_outlets_reports(analyzer, first, second, published):
    """The signatures of two outlets' reports, each given as (text, title)."""
    one = signature(_analysed(analyzer, first[0], title=first[1], published=published))
    other = signature(_analysed(analyzer, second[0], title=second[1], published=published))
    return one, dataclasses.replace(other, article_id="t2", outlet="o2")


def test_headlines_of_a_count_and_an_order_are_two_happenings_though_place_day_and_figure_agree(analyzer):
    deaths, schools = _two_outlets_reports(
        analyzer, ("इटली में कोरोना वायरस से अब तक 107 लोगों की मौत हो चुकी है।", "इटली में 107 लोगों की मौत"),
        ("इटली में कोरोना वायरस से 107 लोगों की मौत के बाद सरकार ने सभी स्कूल और विश्वविद्यालय 15 मार्च तक बंद कर दिए।",
         "इटली में स्कूल, विश्वविद्यालय 15 मार्च तक के लिए बंद"), "2020-03-05")
    assert (deaths.headline_kind, schools.headline_kind) == ("count", "order")
    clusterer = EventClusterer().fit([deaths, schools])
    assert clusterer.labels_["t"] != clusterer.labels_["t2"]
    same_kind = dataclasses.replace(schools, headline_kind="count")
    assert clusterer.pair_score(deaths, same_kind) - clusterer.pair_score(deaths, schools) == pytest.approx(HEADLINE_KINDS_DIFFER)
    assert signature_from_dict(signature_to_dict(schools)).headline_kind == "order"


def test_two_incidents_of_different_families_in_one_place_and_day_are_two_happenings():
    # "उड़ीसा में नक्सली हमला" and "उड़ीसा में चक्रवाती तूफान" on one day share place, day and words.
    clusterer = EventClusterer().fit([])
    attack = dataclasses.replace(_sig("i1", "2009-04-01", "उड़ीसा हमला मौत घायल", place="state:IN:odisha", kind="incident"), incident="violence")
    storm = dataclasses.replace(attack, article_id="i2", incident="weather")
    untold = dataclasses.replace(attack, article_id="i3", incident=None)
    assert clusterer.pair_score(attack, storm) == -1.0
    assert clusterer.pair_score(attack, untold) > -1.0
    assert signature_from_dict(signature_to_dict(storm)).incident == "weather"


def test_an_analysed_articles_signature_carries_its_incident_family(analyzer):
    flood = _analysed(analyzer, "असम में बाढ़ से दो लाख लोग प्रभावित हैं। कई गांव बाढ़ के पानी में डूबे।", title="असम में बाढ़ से हालात बिगड़े")
    assert signature(flood).incident == "weather"


def test_a_fires_toll_and_the_fire_are_one_happening_though_their_headlines_are_a_count_and_an_incident(analyzer):
    fire, toll = _two_outlets_reports(
        analyzer, ("भिवाड़ी के औद्योगिक क्षेत्र में सोमवार रात एक इत्र फैक्टरी में भीषण आग लग गई। दमकल की 12 गाड़ियों ने आग बुझाई।",
                   "भिवाड़ी की इत्र फैक्टरी में भीषण आग, मजदूर फंसे"),
        ("भिवाड़ी की इत्र फैक्टरी में लगी आग में सात मजदूरों की मौत हो गई। आग सोमवार रात लगी थी।",
         "इत्र फैक्टरी अग्निकांड में 7 मजदूरों की मौत"), "2025-08-12")
    assert (fire.incident, toll.incident) == ("fire", "fire")
    assert {fire.headline_kind, toll.headline_kind} == {"incident", "count"}
    clusterer = EventClusterer().fit([])
    apart = dataclasses.replace(toll, incident=None)  # the same headlines with no incident told: the rule's cost
    assert clusterer.pair_score(fire, toll) - clusterer.pair_score(fire, apart) == pytest.approx(HEADLINE_KINDS_DIFFER)


def test_words_no_other_article_has_used_bring_two_reports_of_one_happening_together(monkeypatch):
    # Two leads written apart share few words; "डाकबंगला" and "लाठीचार्ज" no other report has used.
    def report(article_id, terms, outlet):
        return dataclasses.replace(_sig(article_id, "2025-09-12", terms, place="district:IN:bihar:patna", kind="other"), outlet=outlet)

    background = [report(f"b{i}", f"पटना बिहार परीक्षा छात्र शहर खबर{i} सड़क पुलिस", f"o{i}") for i in range(6)]
    first = report("r1", "डाकबंगला लाठीचार्ज अभ्यर्थी घायल मार्च बैरिकेडिंग भिखना पहाड़ी", "x")
    second = report("r2", "डाकबंगला लाठीचार्ज छात्र पुलिस नाराज भांजीं अशोक राजपथ", "y")
    other = report("r3", "गांधी मैदान अभ्यर्थी छात्र पुलिस जुलूस रैली", "z")  # one such word ("अभ्यर्थी") is not enough

    def labels():
        clusterer = EventClusterer().fit(background + [first, second, other])
        return clusterer.labels_["r1"], clusterer.labels_["r2"], clusterer.labels_["r3"]

    one, two, three = labels()
    assert one == two != three
    monkeypatch.setattr(events, "ONLY_THEIR_WORD", 0.0)
    one, two, three = labels()
    assert len({one, two, three}) == 3


def test_undated_events_beyond_the_cap_close_least_recently_joined_first(monkeypatch):
    monkeypatch.setattr(events, "MAX_UNDATED_OPEN", 3)
    monkeypatch.setattr(events, "UNDATED_SLACK", 1)

    def undated(article_id, terms):
        return dataclasses.replace(_sig(article_id, "2026-01-01", terms, kind="other"), published=None, day=None)

    villages = "अमरपुर बेलहा चंदौली दरियापुर एकमा फुलवरिया गोपालपुर"
    clusterer = EventClusterer()
    for i, village in enumerate(villages.split()):
        clusterer.add(undated(f"u{i}", f"{village} गांव मेला उत्सव{i}"))
    open_undated = [e for e in clusterer.open_events_.values() if e.last_day is None]
    # Past 3 + 1 open, the oldest close down to 3: after the fifth article two, after the seventh two more.
    assert clusterer.closed_ == [clusterer.labels_[f"u{i}"] for i in range(4)]
    assert {e.members[-1].article_id for e in open_undated} == {"u4", "u5", "u6"}
    clusterer.add(_sig("d1", "2026-01-01", "अमरपुर गांव मेला"))  # a dated article neither counts nor closes any
    assert len([e for e in clusterer.open_events_.values() if e.last_day is None]) == 3
    assert len(clusterer.closed_) == 4


def test_vehicles_are_named_by_kind_and_a_compound_by_its_parts():
    assert events.vehicles_named(word_keys("बाराबंकी में ट्रक-टेंपो की टक्कर")) == {"truck", "tempo"}
    assert events.vehicles_named(word_keys("एक्सप्रेसवे पर पलटी डबल डेकर बस")) == {"bus"}
    assert events.vehicles_named(word_keys("मुख्यमंत्री ने बैठक की")) == frozenset()


def _crash(article_id, vehicles, terms="बाराबंकी हादसा मौत घायल सोमवार"):
    return dataclasses.replace(_sig(article_id, "2025-08-18", terms, place="state:IN:uttar-pradesh", kind="incident"),
                               incident="accident", vehicles=frozenset(vehicles), outlet=article_id)


def test_two_crashes_of_one_day_whose_reports_name_no_vehicle_in_common_are_two_events():
    bus = _crash("a", {"bus"}, "बाराबंकी मौत एक्सप्रेसवे पलटी डबल डेकर")
    tempo = _crash("b", {"truck", "tempo"}, "बाराबंकी मौत राजमार्ग टक्कर चालक फरार")
    clusterer = EventClusterer().fit([bus, tempo])
    assert clusterer.labels_["a"] != clusterer.labels_["b"]
    with_a_bus = dataclasses.replace(tempo, vehicles=frozenset({"bus", "truck"}))
    assert clusterer.pair_score(bus, with_a_bus) > clusterer.threshold  # the same reports naming a bus in common join


def test_a_crash_reported_with_one_vehicle_in_common_stays_one_event():
    labels = EventClusterer().fit([_crash("a", {"bus"}), _crash("b", {"bus", "truck"})]).labels_
    assert labels["a"] == labels["b"]


def test_vehicles_survive_the_signatures_round_trip():
    crash = _crash("a", {"bus", "truck"})
    assert signature_from_dict(signature_to_dict(crash)).vehicles == {"bus", "truck"}
