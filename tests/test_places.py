from pathlib import Path

import pytest

from ghatnakram.places import (KINDS, all_places, get_place, has_states, lies_within, may_name_a_place, parents,
                               places_named, resolve_place, resolve_place_among)
from ghatnakram.translit import to_latin

RESOURCES = Path(__file__).resolve().parents[1] / "src" / "ghatnakram" / "resources"


@pytest.mark.parametrize(
    "name, place_id",
    [
        ("मास्को", "city:Europe/Moscow"),
        ("मॉस्को", "city:Europe/Moscow"),
        ("दिल्ली", "state:IN:delhi"),
        ("दिल्\u200dली", "state:IN:delhi"),
        ("नई दिल्ली", "district:IN:delhi:new-delhi"),
        ("लखनऊ", "district:IN:uttar-pradesh:lucknow"),
        ("उत्तर प्रदेश", "state:IN:uttar-pradesh"),
        ("उत्तरप्रदेश", "state:IN:uttar-pradesh"),
        ("गोरखपुर", "district:IN:uttar-pradesh:gorakhpur"),
        ("गाजियाबाद", "district:IN:uttar-pradesh:ghaziabad"),  # the source writes गाज़ियाबाद
        ("पूर्वी सिंहभूम", "district:IN:jharkhand:purbi-singhbhum"),
        ("भारत", "country:IN"),
        ("अमेरिका", "country:US"),
        ("यूएसए", "country:US"),
        ("संयुक्त राज्य अमेरिका", "country:US"),
        ("ब्रिटेन", "country:GB"),
        ("ऑस्ट्रिया", "country:AT"),
        ("ऑस्ट्रेलिया", "country:AU"),
        ("अफगानिस्तान", "country:AF"),  # CLDR writes अफ़गानिस्तान
        ("एशिया", "region:142"),
        ("जम्मू-कश्मीर", "state:IN:jammu-and-kashmir"),
        ("प्रयागराज", "district:IN:uttar-pradesh:allahabad"),
        ("गुरुग्राम", "district:IN:haryana:gurugram"),  # left in Latin letters by the source
        ("ठाणे", "district:IN:maharashtra:thane"),  # mistranslated as थाइन by the source
        ("सोलन", "district:IN:himachal-pradesh:solan"),
    ],
)
def test_place_names_and_their_spellings_resolve_to_one_id(name, place_id):
    assert resolve_place(name).id == place_id


@pytest.mark.parametrize(
    "name, place_id",
    [
        ("दिल्ली में", "state:IN:delhi"),
        ("उत्तर प्रदेश के", "state:IN:uttar-pradesh"),
        ("लखनऊ जिले में", "district:IN:uttar-pradesh:lucknow"),
        ("गोरखपुरः", "district:IN:uttar-pradesh:gorakhpur"),
        ("भारत देश", "country:IN"),
    ],
)
def test_trailing_postpositions_and_place_words_are_ignored(name, place_id):
    assert resolve_place(name).id == place_id


@pytest.mark.parametrize(
    "name, place_id",
    [
        ("यूपी", "state:IN:uttar-pradesh"),
        ("उ.प्र.", "state:IN:uttar-pradesh"),
        ("एमपी", "state:IN:madhya-pradesh"),
        ("मप्र", "state:IN:madhya-pradesh"),
        ("बंगाल", "state:IN:west-bengal"),
        ("हिमाचल", "state:IN:himachal-pradesh"),
        ("नोएडा", "district:IN:uttar-pradesh:gautam-buddha-nagar"),
        ("बनारस", "district:IN:uttar-pradesh:varanasi"),
        ("हाथरस", "district:IN:uttar-pradesh:mahamaya-nagar"),  # the source's Census-2011 name
        ("जमशेदपुर", "district:IN:jharkhand:purbi-singhbhum"),  # a city by its district
        ("नयी दिल्ली", "district:IN:delhi:new-delhi"),
        ("इंडिया", "country:IN"),
    ],
)
def test_the_short_names_of_hindi_headlines_are_their_states_and_districts(name, place_id):
    assert resolve_place(name).id == place_id


@pytest.mark.parametrize(
    "name, place_id",
    [
        ("पौड़ी", "district:IN:uttarakhand:garhwal"),  # the source's "Garhwal", by its headquarters
        ("टिहरी", "district:IN:uttarakhand:tehri-garhwal"),
        ("हाजीपुर", "district:IN:bihar:vaishali"),
        ("अंडमान", "state:IN:andaman-and-nicobar-islands"),
        ("पठानकोट", "district:IN:punjab:pathankot"),  # a district formed after the 2011 census
        ("इंफाल", "city:IN:imphal"),  # the capital of two districts
        ("खगड़िया", "district:IN:bihar:khagaria"),  # the source writes खगरिया
        ("इजरायल", "country:IL"),
        ("गंगानगर", "district:IN:rajasthan:sri-ganganagar"),
        ("लाहौल-स्पीति", "district:IN:himachal-pradesh:lahul-and-spiti"),
    ],
)
def test_short_and_headquarters_names_resolve_to_their_state_or_district(name, place_id):
    assert resolve_place(name).id == place_id


@pytest.mark.parametrize(
    "name, place_id",
    [
        ("बंबई", "district:IN:maharashtra:mumbai"),
        ("बम्बई", "district:IN:maharashtra:mumbai"),
        ("पूना", "district:IN:maharashtra:pune"),
        ("गौहाटी", "district:IN:assam:kamrup-metropolitan"),
        ("बंगलौर", "district:IN:karnataka:bengaluru"),
        ("कालीकट", "district:IN:kerala:kozhikode"),
        ("बड़ौदा", "district:IN:gujarat:vadodara"),
        ("गुलबर्गा", "district:IN:karnataka:kalaburagi"),
        ("उत्तरांचल", "state:IN:uttarakhand"),
        ("सिमला", "district:IN:himachal-pradesh:shimla"),
    ],
)
def test_a_place_is_found_by_its_name_from_before_a_renaming(name, place_id):
    assert resolve_place(name).id == place_id


@pytest.mark.parametrize(
    "name, district",
    [
        ("ऋषिकेश", "district:IN:uttarakhand:dehradun"),
        ("सिलीगुड़ी", "district:IN:west-bengal:darjiling"),
        ("सिवकासी", "district:IN:tamil-nadu:virudhunagar"),
        ("नवी मुंबई", "district:IN:maharashtra:thane"),
        ("मालेगांव", "district:IN:maharashtra:nashik"),
        ("हल्द्वानी", "district:IN:uttarakhand:nainital"),
        ("भिलाई", "district:IN:chhattisgarh:durg"),
    ],
)
def test_a_town_that_is_not_its_districts_headquarters_is_a_city_inside_it(name, district):
    town = resolve_place(name)
    assert town.kind == "city" and town.parent == district
    assert get_place(town.id).en != get_place(district).en  # shown by its own name: Rishikesh, not Dehradun


def test_places_no_source_has_are_added_with_their_state_and_country():
    assert [p.id for p in parents(resolve_place("वुहान").id)] == ["state:CN:hubei", "country:CN"]
    assert resolve_place("बीजिंग").parent == "country:CN"


def test_district_lists_its_state_and_country_as_parents():
    assert [p.id for p in parents("district:IN:uttar-pradesh:lucknow")] == ["state:IN:uttar-pradesh", "country:IN"]
    assert get_place("district:IN:uttar-pradesh:lucknow").en == "Lucknow"


def test_a_world_city_lies_in_the_country_the_time_zone_database_puts_it_in():
    assert resolve_place("ढाका").parent == "country:BD"
    assert lies_within(resolve_place("न्यूयॉर्क").id, "country:US")
    assert lies_within("city:Asia/Katmandu", "country:NP")  # CLDR's old zone id, a link in the tz database
    assert not any(p.kind == "city" and not p.parent for p in all_places())


def test_countries_with_states_are_those_whose_states_the_gazetteer_knows():
    assert has_states("country:IN") and has_states("country:CN")
    assert not has_states("country:BD")


def test_name_of_two_districts_is_ambiguous():
    assert resolve_place("औरंगाबाद") is None
    assert {p.parent for p in places_named("औरंगाबाद")} == {"state:IN:bihar", "state:IN:maharashtra"}


def test_higher_kind_wins_when_a_state_and_a_district_share_a_name():
    assert resolve_place("चंडीगढ़").id == "state:IN:chandigarh"


@pytest.mark.parametrize("word", ["पूरी", "कतार", "सोमवार", "एक प्रकार का हंस", "तब मैं", "बोली", "थाइन", "पंच"])
def test_common_words_and_source_mistranslations_are_not_places(word):
    assert resolve_place(word) is None


def test_short_names_keep_their_vowel_length():
    assert resolve_place("पुरी").id == "district:IN:odisha:puri"
    assert resolve_place("पूरी") is None  # "whole", not Puri


@pytest.mark.parametrize("name", ["", "फुजियान", "कोरोना", "नरेंद्र मोदी"])
def test_unknown_names_resolve_to_nothing(name):
    assert resolve_place(name) is None


def test_gazetteer_ids_are_unique_and_parents_exist():
    places = all_places()
    ids = [p.id for p in places]
    assert len(ids) == len(set(ids))
    assert all(p.kind in KINDS for p in places)
    assert all(get_place(p.parent) for p in places if p.parent)
    assert all(p.parent.startswith("state:IN:") for p in places if p.kind == "district")


def test_gazetteer_has_every_kind_of_place():
    counts = {kind: sum(p.kind == kind for p in all_places()) for kind in KINDS}
    assert counts["country"] >= 240 and counts["state"] >= 30 and counts["district"] >= 600
    assert counts["city"] >= 300 and counts["region"] >= 20


def test_gazetteer_is_small_and_built_only_from_licensed_sources():
    table = RESOURCES / "places.tsv"
    assert table.stat().st_size < 300_000
    sources = {part for p in all_places() for part in p.source.split("; ")}
    assert sources <= {"cldr37-territories", "cldr37-timezone-cities", "i18n-iso-countries",
                       "covid19india-district-names-hi", "ghatnakram"}


def test_gazetteer_ships_its_attribution_and_licence_notices():
    notice = (RESOURCES / "PLACES_SOURCES.md").read_text(encoding="utf-8")
    assert "UNICODE, INC. LICENSE AGREEMENT - DATA FILES AND SOFTWARE" in notice
    assert "widdix GmbH" in notice and "Jeremy Philemon" in notice


def test_a_word_run_is_ruled_out_as_a_place_only_where_no_place_can_be_found():
    runs = [name.split() for place in all_places()[::7] for name in place.names]
    runs += [words + ["जिले", "में"] for words in runs[:300]]  # names with what may trail them
    runs += [["अल", "शरा"], ["नई", "दिल्ली", "में"], ["नईदिल्ली"], ["ख़मीमिम"], ["मॉस्को", "शहर"]]
    for words in runs:
        if places_named(" ".join(words)):
            assert may_name_a_place(words), words
    ordinary = [["सरकार", "ने"], ["कोरोना", "वायरस"], ["मरीजों", "की", "संख्या"], ["बैठक"]]
    assert not any(may_name_a_place(words) for words in ordinary)


def test_a_town_name_many_states_share_is_not_one_districts():
    # रामनगर is a town in Uttarakhand, Uttar Pradesh, Bihar and Punjab; Karnataka's district is रामनगरा.
    assert resolve_place("रामनगर") is None
    assert resolve_place("रामनगरा").id == "district:IN:karnataka:ramanagara"


def test_korea_alone_is_the_country_and_lakhimpur_alone_is_two_districts():
    assert resolve_place("कोरिया").id == resolve_place("द. कोरिया").id == "country:KR"
    assert resolve_place("लखीमपुर") is None  # Assam's district, and Uttar Pradesh's लखीमपुर खीरी
    assert resolve_place("लखीमपुर खीरी").id == "district:IN:uttar-pradesh:lakhimpur-kheri"


@pytest.mark.parametrize("name, place_id, english", [
    ("भुवनेश्वर", "district:IN:odisha:khordha", "Bhubaneswar"),
    ("भुबनेश्वर", "district:IN:odisha:khordha", "Bhubaneswar"),
    ("खोर्धा", "district:IN:odisha:khordha", "Khordha"),
    ("नोएडा", "district:IN:uttar-pradesh:gautam-buddha-nagar", "Noida"),
])
def test_a_district_called_by_its_headquarters_town_is_shown_by_the_towns_english_name(name, place_id, english):
    place = resolve_place(name)
    assert place.id == place_id
    assert place.english(name) == english == to_latin(name)
    assert resolve_place(english).id == place_id  # and found by it


@pytest.mark.parametrize("named, expected", [
    ({"state:IN:bihar", "country:IN"}, "district:IN:bihar:aurangabad"),
    ({"state:IN:maharashtra", "country:IN"}, "district:IN:maharashtra:aurangabad"),
    ({"district:IN:uttar-pradesh:lucknow", "state:IN:uttar-pradesh"}, None),  # a state with no औरंगाबाद
    ({"country:IN"}, None),  # both are India's: the country tells nothing
    (set(), None),
])
def test_a_name_two_districts_share_is_the_one_inside_a_place_the_story_names(named, expected):
    place = resolve_place_among("औरंगाबाद", frozenset(named))
    assert (place.id if place else None) == expected


def test_an_unambiguous_name_resolves_whatever_else_the_story_names():
    assert resolve_place_among("लखनऊ", frozenset({"state:IN:bihar"})).id == "district:IN:uttar-pradesh:lucknow"


@pytest.mark.parametrize(
    "name, place_id",
    [
        ("पालघर", "district:IN:maharashtra:palghar"),
        ("सुकमा", "district:IN:chhattisgarh:sukma"),
        ("मोरबी", "district:IN:gujarat:morbi"),
        ("चरखी दादरी", "district:IN:haryana:charkhi-dadri"),
        ("तेनकासी", "district:IN:tamil-nadu:tenkasi"),
        ("दमन और दीव", "state:IN:dadra-and-nagar-haveli-and-daman-and-diu"),
    ],
)
def test_districts_formed_after_the_2011_census_and_the_merged_union_territory_resolve(name, place_id):
    assert resolve_place(name).id == place_id


def test_a_district_name_a_new_district_shares_is_read_by_the_state_the_story_names():
    assert resolve_place("बलरामपुर") is None
    assert resolve_place_among("बलरामपुर", frozenset({"state:IN:chhattisgarh"})).id == "district:IN:chhattisgarh:balrampur"
    assert resolve_place_among("बलरामपुर", frozenset({"state:IN:uttar-pradesh"})).id == "district:IN:uttar-pradesh:balrampur"


@pytest.mark.parametrize(
    "name, place, within",
    [
        ("भिवाड़ी", "city:IN:bhiwadi", "state:IN:rajasthan"),
        ("बिहारशरीफ", "city:IN:bihar-sharif", "district:IN:bihar:nalanda"),
        ("बिहार शरीफ", "city:IN:bihar-sharif", "district:IN:bihar:nalanda"),
        ("श्रीहरिकोटा", "city:IN:sriharikota", "state:IN:andhra-pradesh"),
        ("गोपेश्वर", "city:IN:gopeshwar", "district:IN:uttarakhand:chamoli"),
        ("मैहर", "city:IN:maihar", "state:IN:madhya-pradesh"),
        ("गयाजी", "district:IN:bihar:gaya", "state:IN:bihar"),
        ("जामतारा", "district:IN:jharkhand:jamtara", "state:IN:jharkhand"),
    ],
)
def test_towns_of_the_news_and_their_other_names_resolve_inside_their_district(name, place, within):
    found = resolve_place(name)
    assert found is not None and found.id == place and lies_within(place, within)
