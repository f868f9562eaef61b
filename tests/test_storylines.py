"""Storylines on the demo corpus: the two seed meetings are one storyline of two events."""

import dataclasses
from datetime import date, timedelta

from ghatnakram.events import Signature, signature, signature_from_dict, signature_order, signature_to_dict
from ghatnakram.models import Article
from ghatnakram.pipeline import cluster
from ghatnakram.storylines import PROFILE_TERMS, Storyline, StorylineLinker, followed_thread, timeline

SEED_A, SEED_B = "000_666c9d8fc3af1f4a", "002_a1b31033bad5e4bd"


def test_the_two_seed_meetings_are_two_events_of_one_storyline(demo_store):
    events, storylines = cluster(list(demo_store.iter_articles()))
    assert events[SEED_A] != events[SEED_B]
    assert storylines[SEED_A] == storylines[SEED_B]


def test_nothing_unrelated_joins_the_seeds(demo_store):
    events, storylines = cluster(list(demo_store.iter_articles()))
    with_seeds = {a for a, s in storylines.items() if s == storylines[SEED_A]}
    assert with_seeds == {SEED_A, SEED_B}


def test_the_first_meeting_comes_first_on_the_timeline(demo_store):
    a, b = (signature(demo_store.get_article(i)) for i in (SEED_A, SEED_B))
    assert timeline([("second", [b]), ("first", [a])]) == ["first", "second"]
    assert (a.day, b.day) == (date(2025, 10, 15), date(2026, 1, 28))


def test_recurrence_breaks_a_tie_of_dates_on_the_timeline():
    def sig(article_id, ordinal):
        return Signature(article_id, "2026-01-29", date(2026, 1, 28), None, frozenset(), frozenset(), "meeting", {}, frozenset(), ordinal)

    assert timeline([("e2", [sig("b", 2)]), ("e1", [sig("a", 1)])]) == ["e1", "e2"]


def test_the_first_meeting_of_no_known_day_comes_before_the_dated_second_one():
    def sig(article_id, day, ordinal):
        return Signature(article_id, "", day, None, frozenset(), frozenset(), "meeting", {}, frozenset(), ordinal)

    first, second, other = sig("a", None, 1), sig("b", date(2026, 1, 28), 2), sig("c", date(2025, 12, 1), None)
    assert timeline([("second", [second]), ("first", [first]), ("other", [other])]) == ["other", "first", "second"]
    assert timeline([("undated", [sig("d", None, None)]), ("second", [second])]) == ["second", "undated"]


def test_the_seeds_read_as_undated_text_files_keep_their_meetings_in_order(tmp_path):
    from conftest import SEED_000, SEED_002
    from ghatnakram.pipeline import assign_events, ingest, storyline_records
    from ghatnakram.store import open_store

    store = open_store(tmp_path / "seeds.db")
    try:
        ingest([str(SEED_002), str(SEED_000)], store)  # no --published: seed 000 names no date of its own
        assign_events(store)
        (storyline,) = storyline_records(store)
        assert [e["event_date"] for e in storyline["events"]] == [None, "2026-01-28"]
        assert "पहली बार" in storyline["timeline"][0]
    finally:
        store.close()


def test_an_article_known_only_by_its_day_comes_after_that_days_timed_report_on_the_timeline():
    def sig(article_id, published):
        return Signature(article_id, published, date(2026, 4, 15), None, frozenset(), frozenset(), "incident", {}, frozenset(), None)

    bare, timed = sig("a", "2026-04-15"), sig("b", "2026-04-15T07:30:00+05:30")
    assert timeline([("bare", [bare]), ("timed", [timed])]) == ["timed", "bare"]


def test_storyline_ids_are_stable_across_runs(demo_store):
    first = cluster(list(demo_store.iter_articles()))
    again = cluster(list(demo_store.iter_articles()))
    assert first == again


def test_linker_fit_equals_partial_fit_article_by_article(demo_store):
    events, _ = cluster(list(demo_store.iter_articles()))
    sigs = sorted((signature(a) for a in demo_store.iter_articles()), key=signature_order)
    items = [(events[s.article_id], s) for s in sigs]
    batch = StorylineLinker().fit(items).labels_
    online = StorylineLinker()
    for item in items:
        online.partial_fit([item])
    assert batch == online.labels_


def test_a_storyline_profile_keeps_its_most_frequent_words_only():
    storyline = Storyline("sl")
    for n in range(100):
        storyline.add(Signature(f"a{n}", "2026-01-29", date(2026, 1, 28), None, frozenset(), frozenset(), "other",
                                {f"w{n}": 1, "पुतिन": 2}, frozenset(), None))
    assert len(storyline.terms) == PROFILE_TERMS
    assert storyline.terms["पुतिन"] == 200


def test_a_storyline_quiet_for_longer_than_the_window_takes_no_new_event():
    def sig(article_id, day):
        return Signature(article_id, day, date.fromisoformat(day), "country:SY", frozenset({"country:SY"}),
                         frozenset({"per:putin"}), "meeting", {"पुतिन": 1, "मुलाकात": 1}, frozenset(), None)

    linker = StorylineLinker(window_days=30)
    first = linker.add("e1", sig("a", "2026-01-01"))
    assert linker.add("e2", sig("b", "2026-01-20")) == first
    assert linker.add("e3", sig("c", "2026-03-01")) != first


def _statement(article_id, published, terms, *places):
    """A statement's signature: its words (each twice, as a title's are) and the places it names."""
    return Signature(article_id, published, date.fromisoformat(published[:10]), places[0], frozenset(places),
                     frozenset(), "statement", {t: 2 for t in terms.split()}, frozenset(), None)


def test_an_event_that_fits_two_storylines_merges_them_and_the_later_one_redirects():
    linker = StorylineLinker(threshold=0.45, merge_threshold=0.6)
    first = linker.add("e1", _statement("a", "2020-03-01", "वुहान वायरस उत्पत्ति जांच", "country:CN"))
    second = linker.add("e2", _statement("b", "2020-03-02", "ट्रंप चीनी वायरस आरोप", "country:US"))
    assert first != second
    bridge = linker.add("e3", _statement("c", "2020-03-03", "वुहान वायरस उत्पत्ति जांच ट्रंप चीनी वायरस आरोप", "country:CN", "country:US"))
    assert bridge == first
    assert linker.labels()["e2"] == first and linker.resolve(second) == first
    assert linker.merged_ == [(second, first)]


def test_of_two_merged_storylines_the_one_whose_first_report_is_timed_earlier_that_day_survives():
    linker = StorylineLinker(threshold=0.45, merge_threshold=0.6)
    known_by_day = linker.add("e1", _statement("a", "2020-03-01", "वुहान वायरस उत्पत्ति जांच", "country:CN"))
    timed = linker.add("e2", _statement("b", "2020-03-01T08:00:00+05:30", "ट्रंप चीनी वायरस आरोप", "country:US"))
    linker.add("e3", _statement("c", "2020-03-03", "वुहान वायरस उत्पत्ति जांच ट्रंप चीनी वायरस आरोप", "country:CN", "country:US"))
    assert linker.merged_ == [(known_by_day, timed)]
    assert linker.storylines_[timed].started == "2020-03-01T08:00:00+05:30"


def _report(article_id, day, kind, terms, headline_place=None, place=None):
    """A signature as a Hindi report's title and lead would give it."""
    place = place or headline_place
    return Signature(article_id, f"{day}T09:00:00+05:30", date.fromisoformat(day), place,
                     frozenset({place} if place else ()), frozenset(), kind, {t: 1 for t in terms.split()},
                     frozenset(), None, headline_place=headline_place)


def test_a_states_count_reports_and_orders_join_its_thread():
    # "बिहार में कोरोना के 12 नए मरीज" and, days later, "बिहार में सभी स्कूल 31 मार्च तक बंद"
    linker = StorylineLinker()
    count = linker.add("e1", _report("a", "2020-03-20", "count", "बिहार कोरोना नए मरीज", "state:IN:bihar"))
    order = linker.add("e2", _report("b", "2020-03-23", "order", "बिहार सभी स्कूल मार्च बंद", "state:IN:bihar"))
    assert count == order


def test_a_states_happening_that_shares_no_word_with_its_thread_starts_a_storyline_but_a_count_follows_it():
    linker = StorylineLinker()
    outbreak = linker.add("e1", _report("a", "2020-03-20", "count", "बिहार कोरोना नए मरीज", "state:IN:bihar"))
    fair = linker.add("e2", _report("b", "2020-03-21", "other", "पटना पुस्तक मेले शुरुआत", "state:IN:bihar"))
    tally = linker.add("e3", _report("c", "2020-03-22", "count", "संख्या बढ़कर पहुंची", "state:IN:bihar"))
    assert fair != outbreak and tally == outbreak


def test_an_event_that_follows_no_place_does_not_join_a_places_thread_by_its_words():
    # the country's count thread, then an expert's statement about the country in the same words
    linker = StorylineLinker()
    country = linker.add("e1", _report("a", "2020-03-20", "count", "देश कोरोना मामले अस्पताल", "country:IN"))
    statement = linker.add("e2", _report("b", "2020-03-21", "statement", "देश कोरोना मामले अस्पताल", "country:IN"))
    assert statement != country


def test_two_states_count_reports_are_two_threads_however_alike_their_words():
    linker = StorylineLinker()
    bihar = linker.add("e1", _report("a", "2020-05-10", "count", "कोरोना संक्रमितों संख्या बढ़कर पहुंची", "state:IN:bihar"))
    jharkhand = linker.add("e2", _report("b", "2020-05-10", "count", "कोरोना संक्रमितों संख्या बढ़कर पहुंची", "state:IN:jharkhand"))
    assert bihar != jharkhand


def test_a_count_report_filed_from_new_delhi_without_a_place_in_its_headline_is_the_countrys():
    # "कोरोना के 24 घंटे में 3900 नए मामले" under "नई दिल्ली, एजेंसी ।" is the national count.
    national = _report("a", "2020-05-05", "count", "कोरोना नए मामले", "country:IN")
    datelined = _report("b", "2020-05-06", "count", "मामले बढ़कर हुए", place="state:IN:delhi")
    delhis_own = _report("c", "2020-05-06", "count", "दिल्ली नए मामले", "state:IN:delhi")
    assert followed_thread(datelined) == "country:IN"
    assert followed_thread(delhis_own) == "state:IN:delhi"
    linker = StorylineLinker()
    assert linker.add("e1", national) == linker.add("e2", datelined) != linker.add("e3", delhis_own)


def test_an_event_first_reported_without_a_place_joins_its_places_thread_when_a_later_report_names_it():
    # "रिकवरी दर 27.41 प्रतिशत" names no place; the same day's "देश में 24 घंटे में रेकॉर्ड मामले" does
    linker = StorylineLinker()
    thread = linker.add("e1", _report("a", "2020-05-04", "count", "देश कोरोना नए मामले", "country:IN"))
    placeless = linker.add("e2", _report("b", "2020-05-05", "count", "मरीज ठीक रिकवरी दर प्रतिशत"))
    assert placeless != thread
    assert linker.add("e2", _report("c", "2020-05-05", "count", "देश नए मामले रिकवरी दर", "country:IN")) == thread
    assert linker.merged_ == [(placeless, thread)]
    assert linker.labels()["e2"] == thread


def test_an_event_that_named_a_place_keeps_its_storyline_when_a_later_report_follows_a_thread():
    # a projection for the country ("मई तक 13 लाख केस") stays its own thread when one outlet words it as a count
    linker = StorylineLinker()
    thread = linker.add("e1", _report("a", "2020-03-24", "count", "देश कोरोना नए मामले", "country:IN"))
    projection = linker.add("e2", _report("b", "2020-03-25", "outlook", "मई तक लाख केस अनुमान", "country:IN"))
    assert linker.add("e2", _report("c", "2020-03-26", "count", "देश मई तक लाख केस", "country:IN")) == projection != thread


def test_an_event_joins_a_thread_late_only_while_it_is_alone_in_its_storyline():
    linker = StorylineLinker()
    thread = linker.add("e1", _report("a", "2020-05-04", "count", "देश कोरोना नए मामले", "country:IN"))
    research = linker.add("e2", _report("b", "2020-05-05", "statement", "वैक्सीन परीक्षण शोध"))
    assert linker.add("e3", _report("c", "2020-05-06", "statement", "वैक्सीन परीक्षण शोध नतीजे")) == research
    assert linker.add("e2", _report("d", "2020-05-06", "count", "देश वैक्सीन परीक्षण", "country:IN")) == research != thread


def test_a_storylines_count_of_events_survives_saving_and_loading():
    linker = StorylineLinker()
    linker.add("e1", _report("a", "2020-05-04", "count", "देश कोरोना नए मामले", "country:IN"))
    placeless = linker.add("e2", _report("b", "2020-05-05", "count", "मरीज ठीक रिकवरी दर प्रतिशत"))
    saved = {i: s.to_dict() for i, s in linker.storylines_.items()}
    resumed = StorylineLinker().load([Storyline.from_dict(i, d) for i, d in saved.items()], dict(linker.labels_), date(2020, 5, 5))
    assert resumed.storylines_[placeless].events == 1
    assert Storyline.from_dict("old", {k: v for k, v in saved[placeless].items() if k != "events"}).events == 0


def test_a_statement_abroad_follows_no_place_thread():
    # "इस्राइल का दावा- कोरोना की दवा कुछ हफ्ते में तैयार" is research news, not Israel's outbreak.
    claim = _report("a", "2020-03-14", "statement", "इस्राइल दावा दवा हफ्ते तैयार", "country:IL")
    tally = _report("b", "2020-03-14", "count", "इटली मौतें संख्या पार", "country:IT")
    assert followed_thread(claim) is None
    assert followed_thread(tally) == "country:IT"


def test_a_place_thread_survives_saving_and_loading_the_linker():
    linker = StorylineLinker()
    thread = linker.add("e1", _report("a", "2020-03-20", "count", "पंजाब नए मरीज", "state:IN:punjab"))
    saved = {i: s.to_dict() for i, s in linker.storylines_.items()}
    resumed = StorylineLinker().load([Storyline.from_dict(i, d) for i, d in saved.items()], {}, date(2020, 3, 20))
    assert resumed.add("e2", _report("b", "2020-03-22", "order", "पंजाब कर्फ्यू लागू", "state:IN:punjab")) == thread


def test_a_quiet_place_thread_closes_and_the_place_starts_a_new_one():
    linker = StorylineLinker(window_days=30)
    first = linker.add("e1", _report("a", "2020-03-01", "count", "केरल नए मामले", "state:IN:kerala"))
    later = linker.add("e2", _report("b", "2020-05-15", "count", "केरल नए मामले", "state:IN:kerala"))
    assert later != first
    assert linker.add("e3", _report("c", "2020-05-16", "count", "केरल मरीज ठीक", "state:IN:kerala")) == later


def test_a_merged_storyline_id_redirects_in_the_store(store):
    store.save_storyline("sl-a", "2020-03-01", "{}")
    store.save_storyline("sl-b", "2020-03-02", "{}")
    store.merge_storyline("sl-b", "sl-a")
    assert store.resolve_storyline("sl-b") == "sl-a"
    assert [i for i, _ in store.storylines_since(None)] == ["sl-a"]


def test_a_tie_between_a_storylines_places_is_broken_the_same_way_whatever_their_order():
    from collections import Counter

    event = Storyline("e", places=Counter({"state:IN:bihar": 1}))
    one = Storyline("s", places=Counter({"state:IN:bihar": 2, "state:IN:jharkhand": 2}))
    other = Storyline("s", places=Counter({"state:IN:jharkhand": 2, "state:IN:bihar": 2}))
    assert StorylineLinker.score(event, one) == StorylineLinker.score(event, other)


def _count_report(published, title, text):
    """The signature of a sample count report (text analysis left out: title and lead decide)."""
    return signature(Article(id=f"count-{title[:10]}", outlet="नमूना", published=published, title=title, text=text))


def test_a_country_count_that_names_one_state_follows_the_country_while_its_event_keeps_the_state():
    sig = _count_report("2020-03-03", "देश में मिले कोरोना के तीन नए मरीज, एक दिल्ली में",
                        "देश में कोरोना वायरस के तीन नए मामले सामने आए हैं। इनमें एक मरीज दिल्ली का है।")
    assert sig.place == "state:IN:delhi" and sig.kind == "count"
    assert followed_thread(sig) == "country:IN"
    assert signature_from_dict(signature_to_dict(sig)).thread_place == "country:IN"


def test_a_count_across_several_states_follows_the_country():
    sig = _count_report("2020-03-22", "राजस्थान, बंगाल, गुजरात में लॉकडाउन शुरू, कुल मामले हुए 315",
                        "कोरोना वायरस संक्रमण के 60 से अधिक नए मामले सामने आने के साथ यह संख्या बढ़ कर 315 हो गई।")
    assert sig.place == "state:IN:rajasthan" and sig.kind == "count"
    assert followed_thread(sig) == "country:IN"


def test_a_count_of_two_states_follows_its_first():
    sig = _count_report("2020-03-22", "बिहार और झारखंड में कोरोना के 12 नए मामले",
                        "बिहार में कोरोना वायरस के 10 और झारखंड में दो नए मामले सामने आए हैं।")
    assert followed_thread(sig) == "state:IN:bihar"


def test_an_event_that_names_no_place_may_join_a_places_thread_by_its_words():
    def sig(article_id, day, place, terms, actors=()):
        return Signature(article_id, day, date.fromisoformat(day), place, frozenset([place] if place else []),
                         frozenset(actors), "other", {t: 1 for t in terms.split()}, frozenset(), None)

    nomination = sig("n", "2026-02-16", "state:IN:uttar-pradesh", "चंदनपुर उपचुनाव नामांकन मोहनलाल सुनीता",
                     ["PER:मोहनलाल-वरमा", "PER:सुनिता-यादव"])
    result = sig("r", "2026-03-08", None, "चंदनपुर उपचुनाव नतीजा मोहनलाल सुनीता जीत", ["PER:मोहनलाल-वरमा", "PER:सुनिता-यादव"])
    flood = sig("f", "2026-03-09", None, "असम बाढ़ ब्रह्मपुत्र खतरे निशान")
    linker = StorylineLinker()
    thread = linker.add("e1", nomination)
    assert linker.storylines_[thread].thread == "state:IN:uttar-pradesh"
    assert linker.add("e2", result) == thread
    assert linker.add("e3", flood) != thread


def _book_fair_then_by_election(linker):
    """A state's book fair, then its by-election's nomination: (fair's storyline, nomination's)."""
    fair = linker.add("e1", _report("a", "2026-02-10", "other", "लखनऊ पुस्तक मेले शुरुआत पहले दिन पहुंचे करीब पाठक",
                                    "state:IN:uttar-pradesh"))
    nomination = linker.add("e2", _report("b", "2026-02-16", "other", "चंदनपुर उपचुनाव नामांकन आखिरी दिन पर्चा",
                                          "state:IN:uttar-pradesh"))
    return fair, nomination


def test_a_states_news_on_another_topic_starts_another_thread_of_the_state_that_its_sequel_follows():
    linker = StorylineLinker()
    fair, nomination = _book_fair_then_by_election(linker)
    polling = linker.add("e3", _report("c", "2026-03-05", "other", "चंदनपुर उपचुनाव मतदान प्रतिशत", "state:IN:uttar-pradesh"))
    assert fair != nomination
    assert linker.storylines_[nomination].thread == "state:IN:uttar-pradesh"
    assert polling == nomination


def test_words_of_any_story_such_as_day_and_about_are_no_shared_topic():
    # "पहले दिन पहुंचे करीब 20 हजार पाठक" and "नामांकन के आखिरी दिन" share only दिन.
    fair, nomination = _book_fair_then_by_election(StorylineLinker())
    assert fair != nomination


def test_a_states_two_threads_survive_saving_and_loading_the_linker():
    linker = StorylineLinker()
    fair, nomination = _book_fair_then_by_election(linker)
    saved = {i: s.to_dict() for i, s in linker.storylines_.items()}
    resumed = StorylineLinker().load([Storyline.from_dict(i, d) for i, d in saved.items()], {}, date(2026, 2, 16))
    assert resumed.add("e3", _report("c", "2026-03-05", "other", "चंदनपुर उपचुनाव मतदान", "state:IN:uttar-pradesh")) == nomination
    assert resumed.add("e4", _report("d", "2026-02-12", "other", "पुस्तक मेले पाठक", "state:IN:uttar-pradesh")) == fair


def test_a_state_with_more_threads_than_are_scored_still_finds_its_recently_active_one():
    linker = StorylineLinker()
    days = [(date(2026, 1, 1) + timedelta(days=n)).isoformat() for n in range(40)]
    ids = [linker.add(f"e{n}", _report(f"a{n}", day, "other", f"विषय{n} घटना{n}", "state:IN:bihar")) for n, day in enumerate(days)]
    assert len(set(ids)) == 40
    assert linker.add("e-next", _report("b", "2026-02-10", "other", "विषय39 घटना39 आगे", "state:IN:bihar")) == ids[39]


def _incident(article_id, day, terms, incident, state="state:IN:gujarat"):
    return dataclasses.replace(_report(article_id, day, "incident", terms, state), incident=incident)


def test_a_states_incident_of_another_family_starts_its_own_thread_however_much_they_share():
    # A year after the earthquake "गुजरात में भूकंप", then "गुजरात दंगों पर दुख": one state, two threads.
    linker = StorylineLinker()
    quake = linker.add("e1", _incident("a", "2002-01-02", "गुजरात भूकंप साल बाद लोग", "quake"))
    riots = linker.add("e2", _incident("b", "2002-02-11", "गुजरात दंगों लोग दुख", "violence"))
    assert quake != riots
    assert linker.storylines_[riots].thread == "state:IN:gujarat"


def test_a_cyclones_storm_and_floods_are_one_thread_and_news_that_tells_no_incident_may_join_it():
    linker = StorylineLinker()
    storm = linker.add("e1", _incident("a", "2003-12-15", "आंध्र तूफान तबाही", "weather", "state:IN:andhra-pradesh"))
    floods = linker.add("e2", _incident("b", "2003-12-18", "आंध्र तूफान बाढ़ राहत", "weather", "state:IN:andhra-pradesh"))
    relief = linker.add("e3", _incident("c", "2003-12-20", "आंध्र तूफान राहत पैकेज", None, "state:IN:andhra-pradesh"))
    assert storm == floods == relief


def test_a_storylines_incident_family_survives_saving_and_loading():
    linker = StorylineLinker()
    quake = linker.add("e1", _incident("a", "2002-01-02", "गुजरात भूकंप", "quake"))
    saved = {i: s.to_dict() for i, s in linker.storylines_.items()}
    resumed = StorylineLinker().load([Storyline.from_dict(i, d) for i, d in saved.items()], {}, date(2002, 1, 2))
    assert resumed.storylines_[quake].incident == "quake"
    assert resumed.add("e2", _incident("b", "2002-02-11", "गुजरात भूकंप दंगों", "violence")) != quake


def test_an_incident_follows_a_thread_that_told_of_none_only_by_a_shared_topic_not_as_a_count():
    # "गया में गोलीबारी, एक की मौत" is a count of a kind, but not of Bihar's outbreak.
    linker = StorylineLinker()
    outbreak = linker.add("e1", _report("a", "2020-03-08", "count", "बिहार कोरोना संदिग्ध मरीज मौत जांच", "state:IN:bihar"))
    shooting = dataclasses.replace(_report("b", "2020-03-10", "count", "गया वर्चस्व लड़ाई गोलीबारी मौत", "state:IN:bihar"), incident="violence")
    assert linker.add("e2", shooting) != outbreak
    alert = linker.add("e3", _report("c", "2026-06-09", "other", "असम भारी बारिश रेड अलर्ट ब्रह्मपुत्र जिलों", "state:IN:assam"))
    floods = dataclasses.replace(_report("d", "2026-06-12", "count", "असम बाढ़ ब्रह्मपुत्र भारी बारिश जिलों", "state:IN:assam"), incident="weather")
    assert linker.add("e4", floods) == alert


def _disease_report(article_id, day, terms, diseases, state="state:IN:kerala"):
    return dataclasses.replace(_report(article_id, day, "count", terms, state), diseases=frozenset(diseases))


def test_a_states_covid_thread_does_not_take_its_bird_flu_news():
    # "केरल में कोरोना के 17 मामले", "केरल में कोरोना के 19 मामले", then "केरल में दो जगह बर्ड फ्लू की पुष्टि".
    linker = StorylineLinker()
    covid = linker.add("e1", _disease_report("a", "2020-03-13", "केरल कोरोना मामले पुष्टि", {"covid"}))
    assert linker.add("e2", _disease_report("b", "2020-03-14", "केरल कोरोना मामले", {"covid"})) == covid
    flu = linker.add("e3", _disease_report("c", "2020-03-15", "केरल बर्ड फ्लू पुष्टि", {"bird-flu"}))
    assert flu != covid and linker.storylines_[flu].thread == "state:IN:kerala"
    assert linker.add("e4", _disease_report("d", "2020-03-16", "केरल मामले", set())) == covid


def test_one_report_of_another_disease_does_not_turn_a_thread_to_it():
    # A thread whose reports named no disease takes a bird-flu story, and its COVID-19 news still follows it.
    linker = StorylineLinker()
    thread = linker.add("e1", _disease_report("a", "2020-03-12", "बिहार संदिग्ध मरीज जांच", set(), "state:IN:bihar"))
    assert linker.add("e2", _disease_report("b", "2020-03-15", "बिहार बर्ड फ्लू मरीज", {"bird-flu"}, "state:IN:bihar")) == thread
    assert linker.add("e3", _disease_report("c", "2020-03-16", "बिहार कोरोना मरीज", {"covid"}, "state:IN:bihar")) == thread


def test_a_storylines_diseases_survive_saving_and_loading():
    linker = StorylineLinker()
    covid = linker.add("e1", _disease_report("a", "2020-03-13", "केरल कोरोना मामले", {"covid"}))
    linker.add("e1", _disease_report("b", "2020-03-13", "केरल कोरोना मामले पुष्टि", {"covid"}))
    saved = {i: s.to_dict() for i, s in linker.storylines_.items()}
    resumed = StorylineLinker().load([Storyline.from_dict(i, d) for i, d in saved.items()], {}, date(2020, 3, 13))
    assert resumed.storylines_[covid].diseases == {"covid": 2}
    assert resumed.add("e2", _disease_report("c", "2020-03-14", "केरल बर्ड फ्लू", {"bird-flu"})) != covid


def _beat_news(article_id, day, kind, terms, beat, headline_place=None):
    return dataclasses.replace(_report(article_id, day, kind, terms, headline_place), beat=beat)


def test_news_of_one_beat_is_one_thread_wherever_it_happens():
    # "नई रिसर्च से खुलासा, चीन से बाहर हो सकता है कोरोना का केंद्र", then two months later
    # "पीजीआई में एमडब्ल्यू वैक्सीन का पहला फेज सफल": research done in two countries, one running story.
    linker = StorylineLinker()
    study = linker.add("e1", _beat_news("a", "2020-03-01", "other", "नई रिसर्च खुलासा चीन बाहर कोरोना केंद्र", "research", "country:CN"))
    trial = linker.add("e2", _beat_news("b", "2020-05-03", "other", "पीजीआई कोरोना वैक्सीन पहला फेज सफल", "research"))
    assert study == trial
    assert linker.storylines_[study].thread == "beat:research"
    # A study of another topic shares no word with the beat's thread: it starts another thread of the beat.
    other = linker.add("e3", _beat_news("c", "2020-05-04", "other", "मधुमेह मरीजों अध्ययन नतीजे", "research"))
    assert other != study and linker.storylines_[other].thread == "beat:research"
    assert followed_thread(_beat_news("c", "2020-03-12", "other", "सेंसेक्स लुढ़का", "markets")) == "beat:markets"


def test_a_states_news_and_a_count_report_follow_their_place_not_their_beat():
    assert followed_thread(_beat_news("a", "2020-05-03", "other", "बिहार वैक्सीन शोध", "research", "state:IN:bihar")) == "state:IN:bihar"
    assert followed_thread(_beat_news("b", "2020-05-03", "count", "वैक्सीन ट्रायल संक्रमित", "research")) is None


def test_an_actor_named_across_many_storylines_pulls_an_event_less_than_one_named_in_a_single_storyline():
    from collections import Counter

    event = Storyline("e", actors=Counter({"PER:हरशवरधन": 1}))
    thread = Storyline("s", actors=Counter({"PER:हरशवरधन": 2}))
    everywhere = Counter({"PER:हरशवरधन": 20})  # the minister in twenty articles of the open storylines
    only_here = Counter({"PER:हरशवरधन": 2})
    assert StorylineLinker.score(event, thread, everywhere) < StorylineLinker.score(event, thread, only_here)
    assert StorylineLinker.score(event, thread, only_here) == StorylineLinker.score(event, thread)


def test_the_linker_counts_an_actors_presence_over_its_open_storylines():
    from collections import Counter

    linker = StorylineLinker()
    linker._reset()
    for name, actors in (("s1", {"PER:पुतिन": 3, "PER:अलशरा": 1}), ("s2", {"PER:पुतिन": 1})):
        storyline = Storyline(name, actors=Counter(actors))
        linker.storylines_[name] = storyline
        linker._index_storyline(storyline)
    event = Storyline("e", actors=Counter({"PER:पुतिन": 1, "PER:अलशरा": 1}))
    assert linker._actor_presence(event) == Counter({"PER:पुतिन": 4, "PER:अलशरा": 1})


def test_news_that_shares_about_as_little_with_each_of_its_places_threads_joins_the_longer_running_one():
    # a state's COVID-19 thread of four reports and a one-off crime report; then a report of
    # migrants under watch in one of its districts shares one word with each (जिले, पुलिस)
    linker = StorylineLinker()
    state = "state:IN:jharkhand"
    outbreak = [linker.add(f"e{i}", _report(f"b{i}", f"2020-03-1{i}", "count", words, state))
                for i, words in enumerate(("संदिग्ध मरीज विदेश लौटा जांच", "नमूने भेजे रिपोर्ट आई निगेटिव",
                                           "क्वारेंटाइन सेंटर बनाए गए बिस्तर", "जिले सीमाएं सील वाहनों रोक"))]
    crime = linker.add("e4", _report("a", "2020-03-14", "other", "प्रेमी युगल पंचायत जबरन शादी थाना पुलिस मामला दर्ज "
                                     "ग्रामीणों बिरनी उपकेंद्र पकड़ाए वीडियो वायरल आरोपी फरार", state))
    watch = linker.add("e9", _report("c", "2020-03-19", "other", "प्रवासी जिले पुलिस सर्विलांस", state))
    assert crime != outbreak[0]
    assert watch == outbreak[0]


def _weighed(sig, words):
    """The signature with the unit TF-IDF vector the event clusterer would give it, over ``words``."""
    return dataclasses.replace(sig, vector={w: 1 / len(words.split()) ** 0.5 for w in words.split()})


def _package_news(article_id, day, words, place):
    return _weighed(_statement(article_id, day, words, place), words)


def test_news_that_fits_no_storyline_joins_one_active_in_the_last_days_that_shares_its_distinctive_words():
    # "20 लाख करोड़ के आर्थिक पैकेज के साथ आत्मनिर्भर भारत अभियान", then the next day's reaction from abroad.
    linker = StorylineLinker()
    package = linker.add("e1", _package_news("a", "2020-05-12", "आर्थिक पैकेज आत्मनिर्भर भारत अभियान घोषणा", "country:IN"))
    reaction = linker.add("e2", _package_news("b", "2020-05-13", "आर्थिक पैकेज सराहना अमेरिकी उद्योग", "country:US"))
    assert reaction == package


def test_a_storyline_quiet_for_more_than_a_few_days_takes_no_news_by_its_words_alone():
    linker = StorylineLinker()
    package = linker.add("e1", _package_news("a", "2020-05-12", "आर्थिक पैकेज आत्मनिर्भर भारत अभियान घोषणा", "country:IN"))
    later = linker.add("e2", _package_news("b", "2020-05-20", "आर्थिक पैकेज सराहना अमेरिकी उद्योग", "country:US"))
    assert later != package


def test_words_of_any_story_link_no_news_to_a_recent_storyline():
    linker = StorylineLinker()
    first = linker.add("e1", _package_news("a", "2020-05-12", "दिन करीब पहले बाद", "country:IN"))
    assert linker.add("e2", _package_news("b", "2020-05-13", "दिन करीब पहले बाद", "country:US")) != first


def test_a_storylines_topic_survives_saving_and_loading():
    linker = StorylineLinker()
    package = linker.add("e1", _package_news("a", "2020-05-12", "आर्थिक पैकेज आत्मनिर्भर भारत अभियान घोषणा", "country:IN"))
    saved = {i: s.to_dict() for i, s in linker.storylines_.items()}
    resumed = StorylineLinker().load([Storyline.from_dict(i, d) for i, d in saved.items()], {}, date(2020, 5, 12))
    assert resumed.storylines_[package].topic == linker.storylines_[package].topic
    assert resumed.add("e2", _package_news("b", "2020-05-13", "आर्थिक पैकेज सराहना अमेरिकी उद्योग", "country:US")) == package
    assert Storyline.from_dict("old", {k: v for k, v in saved[package].items() if k != "topic"}).topic == {}


def test_news_of_another_incident_family_does_not_join_a_recent_storyline_by_its_words():
    linker = StorylineLinker()
    riot = linker.add("e1", dataclasses.replace(_package_news("a", "2020-05-12", "हिंसा शहर कर्फ्यू तनाव", "country:IN"),
                                                incident="violence"))
    storm = dataclasses.replace(_package_news("b", "2020-05-13", "शहर कर्फ्यू तूफान तनाव", "country:BD"), incident="weather")
    assert linker.add("e2", storm) != riot


def test_a_states_other_news_follows_one_of_its_threads_only_by_more_shared_words_than_its_outbreaks_news_needs():
    # A waterlogged Patna shares one word ("अभ्यर्थी") with Bihar's exam-leak thread: a thread of its own.
    linker = StorylineLinker()
    leak = linker.add("e1", _report("a", "2025-09-07", "other", "बिहार लिपिक परीक्षा पेपर लीक टेलीग्राम वायरल आयोग जांच अभ्यर्थी हंगामा", "state:IN:bihar"))
    assert linker.add("e2", _report("b", "2025-09-10", "order", "बिहार लिपिक परीक्षा रद्द आयोग अभ्यर्थी पुनर्परीक्षा घोषणा", "state:IN:bihar")) == leak
    rain = linker.add("e3", _report("c", "2025-09-12", "other", "पटना मूसलाधार बारिश मोहल्लों पानी नगर निगम दावे अभ्यर्थी लॉज "
                                                                 "डूबे घुटनों जलजमाव राजेंद्र कंकड़बाग नालों उड़ाही पंप", "state:IN:bihar"))
    assert rain != leak and linker.storylines_[rain].thread == "state:IN:bihar"
    # Bihar's outbreak takes its order that shares as little: a state's orders and alarms are its outbreak's story.
    linker = StorylineLinker()

    def outbreak_report(article_id, day, kind, terms):
        return dataclasses.replace(_report(article_id, day, kind, terms, "state:IN:bihar"), diseases=frozenset({"covid"}))

    outbreak = linker.add("e1", outbreak_report("a", "2020-03-20", "count", "बिहार कोरोना संक्रमित मरीज पटना जांच अस्पताल भर्ती रिपोर्ट पॉजिटिव"))
    assert linker.add("e2", outbreak_report("b", "2020-03-22", "count", "बिहार कोरोना मरीज संख्या सीवान रिपोर्ट पॉजिटिव जांच")) == outbreak
    order = outbreak_report("c", "2020-03-23", "order", "दुकानें बंद बाजार सन्नाटा सड़कों पुलिस गश्त जरूरी सामान कोरोना लोगों घरों "
                                                         "मास्क दूरी चौराहों प्रशासन अपील घोषणा")
    assert linker.add("e3", order) == outbreak
