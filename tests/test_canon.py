import json
import random
import unicodedata

import pytest

import ghatnakram.canon as canon
from ghatnakram.canon import EntityResolver, canonical_names, name_key, same_entity, without_titles
from ghatnakram.models import Mention


def mentions(*items: tuple[str, str]) -> list[Mention]:
    """Mentions of one article, one per (text, type), laid out one after another."""
    out, offset = [], 0
    for i, (text, type) in enumerate(items):
        out.append(Mention(text=text, type=type, start=offset, end=offset + len(text), sentence=i))
        offset += len(text) + 1
    return out


def known_ids_and_later(known: list[str], later: str, type: str) -> tuple[set[str], str]:
    """The canonical ids of names resolved one article each, then that of ``later`` in the next article."""
    resolver = EntityResolver()
    ids = {resolver.resolve(mentions((name, type)))[0].canonical for name in known}
    return ids, resolver.resolve(mentions((later, type)))[0].canonical


# --- name_key -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b, type",
    [
        ("मॉस्को", "मास्को", "LOC"),  # ॉ → ा
        ("ऑस्ट्रिया", "आस्ट्रिया", "LOC"),  # ऑ → आ
        ("दिल्ली", "दिल्\u200dली", "LOC"),  # ZWJ
        ("गाज़ियाबाद", "गाजियाबाद", "LOC"),  # nukta
        ("रेवाड़ी", "रेवाडी", "LOC"),  # nukta on ड़
        ("गांधी", "गान्धी", "PER"),  # half nasal before a consonant
        ("गाँधी", "गांधी", "PER"),  # chandrabindu
        ("चम्पारण", "चंपारण", "LOC"),
        ("नरेन्द्र मोदी", "नरेंद्र मोदी", "PER"),
        ("अनीता", "अनिता", "PER"),  # vowel length ी/ि
        ("शुरू", "शुरु", "ORG"),  # ू/ु
        ("ईरान", "इरान", "LOC"),  # ई/इ
        ("तर्तूस", "तरतुस", "LOC"),  # halant and length
        ("अब्दुल्ला", "अब्दुला", "PER"),  # doubled consonant
        ("आशीष", "आशीश", "PER"),  # ष/श
        ("कृष्ण", "क्रिष्ण", "PER"),  # ृ = ्रि
        ("अल-शरा", "अल शरा", "PER"),  # hyphen = space
        ("अल-शरा", "अलशरा", "PER"),  # the article अल is glued to its noun
        ("डॉ. हर्षवर्धन", "हर्षवर्धन", "PER"),  # title dropped
        ("राष्ट्रपति व्लादिमीर पुतिन", "व्लादिमीर पुतिन", "PER"),
        ("मोदी जी", "मोदी", "PER"),
        ("रेलमंत्री पीयूष गोयल", "पीयूष गोयल", "PER"),
        ("अपर मुख्य सचिव गृह आमिर सुबहानी", "आमिर सुबहानी", "PER"),  # rank, title and department
        ("पूर्व मुख्यमंत्री लालू प्रसाद", "लालू प्रसाद", "PER"),
        ("हर्षवर्द्धन", "हर्षवर्धन", "PER"),  # a consonant before its own aspirate
        ("मंगल पाण्डेय", "मंगल पांडे", "PER"),  # a surname's Sanskrit and Hindi forms
        ("पी. के. मिश्र", "पी. के. मिश्रा", "PER"),
        ("स्वास्थ्य एवं परिवार कल्याण मंत्रालय", "स्वास्थ्य और परिवार कल्याण मंत्रालय", "ORG"),
        ("राम मनोहर लोहिया हॉस्पिटल", "राम मनोहर लोहिया अस्पताल", "ORG"),  # the kind in English or Hindi
        ("पिनरायी विजयन", "पिनराई विजयन", "PER"),  # a vowel after a vowel, with or without य
        ("नयी दिल्ली", "नई दिल्ली", "LOC"),
        ("केेंद्र सरकार", "केंद्र सरकार", "ORG"),  # a vowel sign typed twice
        ("अऱविंद केजरीवाल", "अरविंद केजरीवाल", "PER"),  # ऱ, a nukta letter NFC keeps whole
        ("इंडियन काउंसिल फॉर मेडिकल रिसर्च", "इंडियन काउंसिल ऑफ मेडिकल रिसर्च", "ORG"),
        ("गोरखपुरः", "गोरखपुर", "LOC"),  # visarga used as a colon
        ("यू॰के॰", "यूके", "LOC"),
        ("कोविड-१९", "कोविड-19", "ORG"),  # Devanagari digits
    ],
)
def test_spelling_variants_of_one_name_share_a_key(a, b, type):
    assert name_key(a, type) == name_key(b, type)


@pytest.mark.parametrize(
    "a, b, type",
    [
        ("भारत", "भरत", "PER"),  # ā is not folded
        ("ईरान", "इराक", "LOC"),
        ("अमित शाह", "अमित साह", "PER"),  # श/स only under the fuzzy guard, not in the key
        ("पटेल", "पाटील", "PER"),
        ("सिंह", "सिन्हा", "PER"),
        ("डॉ. हर्षवर्धन", "हर्षवर्धन", "LOC"),  # titles are dropped for people only
    ],
)
def test_distinct_names_keep_distinct_keys(a, b, type):
    assert name_key(a, type) != name_key(b, type)


def test_key_is_the_same_for_precomposed_and_decomposed_nukta():
    precomposed = "\u095b\u0930\u0926\u093e\u0930\u0940"  # ज़रदारी with U+095B
    decomposed = unicodedata.normalize("NFD", precomposed)
    assert name_key(precomposed, "PER") == name_key(decomposed, "PER") == "जरदारि"


def test_key_joins_words_with_one_hyphen():
    assert name_key("  अहमद   अल-शरा ", "PER") == "अहमद-अलशरा"
    assert name_key("न्यू यॉर्क", "LOC") == name_key("न्यू-यॉर्क", "LOC") == "नयु-यारक"


def test_word_initial_half_nasal_is_not_an_anusvara():
    assert name_key("न्यायालय", "ORG") == "नयायालय"


def test_empty_or_punctuation_only_name_has_an_empty_key():
    assert name_key("", "PER") == ""
    assert name_key(" - । ", "PER") == ""


# --- same_entity ----------------------------------------------------------------------

JOINS = [
    ("अल-शरा", "अल-शारा", "PER"),
    ("अल-शरा", "अल शरा", "PER"),
    ("अल-शारा", "अल शरा", "PER"),
    ("अहमद अल-शरा", "अहमद अल शारा", "PER"),
    ("मास्को", "मॉस्को", "LOC"),
    ("तर्तूस", "टार्टस", "LOC"),
    ("तर्तूस", "तरतुस", "LOC"),
    ("टार्टस", "तरतुस", "LOC"),
    ("खमाइमिम", "हमैमिम", "LOC"),
    ("खमाइमिम", "खमीमिम", "LOC"),
    ("हमैमिम", "खमीमिम", "LOC"),
    ("भुवनेश्वर", "भुबनेश्वर", "LOC"),
    ("व्लादिमीर पुतिन", "व्लादिमिर पुटिन", "PER"),
    ("जो बाइडेन", "जो बिडेन", "PER"),
    ("शिन्हुआ", "सिन्हुआ", "ORG"),
    ("राम नाथ कोविंद", "रामनाथ कोविंद", "PER"),
    ("हांगकांग", "हॉन्ग कॉन्ग", "LOC"),
    ("नीतीश कुमार", "नितिश कुमार", "PER"),
    ("डोनाल्ड ट्रंप", "डोनल्ड ट्रम्प", "PER"),
    ("टेड्रोस", "टैड्रोस", "PER"),
    ("बिस्वजीत महापात्र", "विश्वजीत महापात्रा", "PER"),  # a surname ending in a conjunct, with or without ा
    ("अनिल गुप्त", "अनिल गुप्ता", "PER"),
]
APART = [
    ("ईरान", "इराक", "LOC"),
    ("ऑस्ट्रिया", "ऑस्ट्रेलिया", "LOC"),
    ("ऑस्ट्रिया", "ऑस्ट्रेलिया", "ORG"),  # apart without the gazetteer too
    ("अमित शाह", "अमित शर्मा", "PER"),
    ("राहुल गांधी", "राजीव गांधी", "PER"),
    ("भारत", "भरत", "LOC"),
    ("भारत", "भरत", "PER"),
    ("इमरान", "उमरान", "PER"),  # different first vowel
    ("कोविड", "कोविंद", "PER"),  # a nasal is a consonant
    ("बारिश", "बोरिस", "PER"),  # ā/o is not a usual swap
    ("करुणा", "करोना", "PER"),  # nor u/o
    ("प्रसाद", "पार्षद", "PER"),  # a/ā swapped twice
    ("तुलसी", "तलाशी", "PER"),  # a vowel moved to the next syllable
    ("नीतीश", "नितेश", "PER"),  # i/e in the last syllable
    ("अमरिंदर सिंह", "अमरेंद्र सिंह", "PER"),  # i/e before a nasal
    ("पुतिन", "व्लादिमीर पुतिन", "PER"),  # a surname alone is not the full name here
    ("दिल्ली", "नई दिल्ली", "LOC"),
    ("उत्तर कोरिया", "दक्षिण कोरिया", "LOC"),
    ("अमित शाह", "", "PER"),
    ("राम सिंह", "राम सिंहा", "PER"),  # a final ा after ं makes another name
    ("कमल", "कमला", "PER"),  # and so it does in a first name
]


GAZETTEER_JOINS = [("अमेरिका", "यूएसए", "LOC"), ("ब्रिटेन", "यूनाइटेड किंगडम", "LOC"), ("फैजाबाद", "अयोध्या", "LOC")]


@pytest.mark.parametrize("a, b, type", JOINS + GAZETTEER_JOINS)
def test_spellings_of_one_entity_join(a, b, type):
    assert same_entity(a, b, type)
    assert same_entity(b, a, type)


@pytest.mark.parametrize("a, b, type", APART)
def test_distinct_entities_stay_apart(a, b, type):
    assert not same_entity(a, b, type)
    assert not same_entity(b, a, type)


@pytest.mark.parametrize("a, b, type", JOINS)
def test_names_joined_by_spelling_share_a_block(a, b, type):
    assert canon.block_of(name_key(a, type)) == canon.block_of(name_key(b, type))


@pytest.mark.parametrize("a, b, type", GAZETTEER_JOINS)
def test_names_of_one_place_join_across_articles_through_the_place(a, b, type):
    resolver = EntityResolver()
    (first,) = resolver.resolve(mentions((a, type)))
    (second,) = resolver.resolve(mentions((b, type)))
    assert first.canonical == second.canonical == "LOC:" + first.place


# --- EntityResolver: one article ------------------------------------------------------


def test_surname_joins_the_one_full_name_in_the_story():
    out = EntityResolver().resolve(mentions(("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER"), ("पुतिन", "PER")))
    assert {m.canonical for m in out} == {"PER:वलादिमिर-पुतिन"}
    assert {m.name for m in out} == {"व्लादिमीर पुतिन"}
    assert {m.latin for m in out} == {"Vladimir Putin"}


def test_partial_arabic_name_joins_the_full_name():
    out = EntityResolver().resolve(mentions(("अहमद अल-शरा", "PER"), ("अल-शरा", "PER"), ("अल शारा", "PER")))
    assert len({m.canonical for m in out}) == 1
    assert out[0].latin == "Ahmad al-Shara"


def test_surname_without_its_arabic_article_joins_the_full_name():
    out = EntityResolver().resolve(mentions(("अहमद अल-शरा", "PER"), ("शरा", "PER")))
    assert out[0].canonical == out[1].canonical == "PER:अहमद-अलशरा"


def test_surname_shared_by_two_people_in_the_story_stays_apart():
    out = EntityResolver().resolve(mentions(("राहुल गांधी", "PER"), ("सोनिया गांधी", "PER"), ("गांधी", "PER")))
    assert len({m.canonical for m in out}) == 3


def test_partial_name_joins_the_longest_name_it_is_part_of():
    out = EntityResolver().resolve(
        mentions(("व्लादिमीर व्लादिमीरोविच पुतिन", "PER"), ("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER"))
    )
    assert len({m.canonical for m in out}) == 1


def test_places_do_not_join_a_longer_place_that_contains_them():
    out = EntityResolver().resolve(mentions(("नई दिल्ली", "LOC"), ("दिल्ली", "LOC")))
    assert [m.place for m in out] == ["district:IN:delhi:new-delhi", "state:IN:delhi"]
    assert out[0].canonical != out[1].canonical


def test_preferred_name_is_the_most_frequent_spelling():
    out = EntityResolver().resolve(mentions(("मॉस्को", "LOC"), ("मास्को", "LOC"), ("मास्को", "LOC")))
    assert {m.name for m in out} == {"मास्को"}
    assert {m.canonical for m in out} == {"LOC:city:Europe/Moscow"}
    assert {m.latin for m in out} == {"Moscow"}
    assert {m.place for m in out} == {"city:Europe/Moscow"}


def test_same_entity_names_of_different_types_stay_apart():
    out = EntityResolver().resolve(mentions(("भारत", "LOC"), ("भारत", "PER")))
    assert out[0].canonical == "LOC:country:IN"
    assert out[1].canonical == "PER:भारत"


def test_person_mention_gets_no_place_and_a_plain_transliteration():
    (out,) = EntityResolver().resolve(mentions(("आनंद", "PER")))
    assert out.place is None and out.latin == "Anand"


def test_mentions_of_other_types_are_returned_unchanged():
    mention = Mention(text="12", type="NUM", start=0, end=2, sentence=0)
    assert EntityResolver().resolve([mention]) == [mention]


def test_resolving_one_article_does_not_depend_on_mention_order():
    items = [("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER"), ("मॉस्को", "LOC"), ("मास्को", "LOC"),
             ("अहमद अल-शरा", "PER"), ("अल-शारा", "PER"), ("अल शरा", "PER"), ("तर्तूस", "LOC"), ("टार्टस", "LOC")]
    base = EntityResolver().resolve(mentions(*items))
    expected = {(m.text, m.type): (m.canonical, m.name) for m in base}
    rng = random.Random(7)
    for _ in range(5):
        shuffled = mentions(*rng.sample(items, len(items)))
        got = {(m.text, m.type): (m.canonical, m.name) for m in EntityResolver().resolve(shuffled)}
        assert got == expected


# --- EntityResolver: across articles --------------------------------------------------


def test_spellings_in_different_articles_join_one_entity():
    resolver = EntityResolver()
    first = resolver.resolve(mentions(("अहमद अल-शरा", "PER"), ("मास्को", "LOC")))
    second = resolver.resolve(mentions(("अहमद अल शारा", "PER"), ("मॉस्को", "LOC")))
    assert [m.canonical for m in first] == [m.canonical for m in second]
    assert len(resolver.entities_) == 2


def test_surname_alone_later_joins_the_person_it_was_seen_with():
    resolver = EntityResolver()
    (full, _) = resolver.resolve(mentions(("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER")))
    (later,) = resolver.resolve(mentions(("पुतिन", "PER")))
    assert later.canonical == full.canonical
    assert later.name == "व्लादिमीर पुतिन"


def test_surname_seen_with_two_people_later_joins_neither():
    resolver = EntityResolver()
    rahul = resolver.resolve(mentions(("राहुल गांधी", "PER"), ("गांधी", "PER")))[0].canonical
    sonia = resolver.resolve(mentions(("सोनिया गांधी", "PER"), ("गांधी", "PER")))[0].canonical
    (later,) = resolver.resolve(mentions(("गांधी", "PER")))
    assert later.canonical not in {rahul, sonia}


def test_surname_alone_does_not_join_when_another_known_person_has_it():
    resolver = EntityResolver()
    narendra = resolver.resolve(mentions(("नरेंद्र मोदी", "PER"), ("मोदी", "PER")))[0].canonical
    resolver.resolve(mentions(("नीरव मोदी", "PER")))
    (later,) = resolver.resolve(mentions(("मोदी", "PER")))
    assert later.canonical != narendra


@pytest.mark.parametrize("known, later", [
    (["मोहम्मद अजमल कसाब"], "मोहम्मद अजमल आमिर कसाब"),
    (["मोहम्मद अजमल आमिर कसाब"], "मोहम्मद अजमल कसाब"),
    (["मोहम्मद अजमल कसाब", "मोहम्मद अजमल आमिर कसाब"], "मोहम्मद आमिर अजमल कसाब"),
    (["रमन गंगाखेडकर"], "रमन आर. गंगाखेडकर"),
    (["जॉर्ज डब्ल्यू. बुश"], "जॉर्ज बुश"),
    (["के. विजय राघवन"], "विजय राघवन"),  # a leading initial
])
def test_a_full_name_with_middle_names_left_out_or_reordered_joins_across_articles(known, later):
    ids, later_id = known_ids_and_later(known, later, "PER")
    assert ids == {later_id}


@pytest.mark.parametrize("known, later", [
    (["विजय यादव"], "विजय कुमार यादव"),  # a first and a last name alone are too common
    (["राम कुमार सिंह"], "राम प्रसाद सिंह"),
    (["आमिर कसाब"], "मोहम्मद अजमल आमिर कसाब"),  # the first name differs
    (["आर. गंगाखेडकर"], "रमन आर. गंगाखेडकर"),  # a left-out first name is no initial
    (["मोहम्मद अजमल कसाब", "मोहम्मद अली कसाब"], "मोहम्मद अजमल अली कसाब"),  # two known people fit
])
def test_names_that_differ_in_more_than_middle_names_stay_apart_across_articles(known, later):
    ids, later_id = known_ids_and_later(known, later, "PER")
    assert later_id not in ids


def test_a_middle_name_joins_only_a_person_whose_every_full_name_it_fits():
    resolver = EntityResolver()
    ram = resolver.resolve(mentions(("राम कुमार शर्मा सिंह", "PER")))[0].canonical
    assert resolver.resolve(mentions(("राम कुमार सिंह", "PER")))[0].canonical == ram
    assert resolver.resolve(mentions(("राम प्रसाद कुमार सिंह", "PER")))[0].canonical != ram


@pytest.mark.parametrize("first, later", [
    ("सफदरजंग अस्पताल", "सफदरजंग अस्पताल, दिल्ली"),
    ("नेशनल इंस्टीट्यूट ऑफ वायरोलॉजी पुणे", "नेशनल इंस्टीट्यूट ऑफ वायरोलॉजी"),
])
def test_an_organisation_with_and_without_its_place_written_after_it_is_one(first, later):
    resolver = EntityResolver()
    (known,) = resolver.resolve(mentions((first, "ORG")))
    (mention,) = resolver.resolve(mentions((later, "ORG")))
    assert mention.canonical == known.canonical


@pytest.mark.parametrize("known, later", [
    (["एम्स पटना"], "एम्स ऋषिकेश"),  # branches: one word would be left of the name
    (["एम्स"], "एम्स पटना"),
    (["भारतीय प्रौद्योगिकी संस्थान कानपुर"], "भारतीय प्रौद्योगिकी संस्थान दिल्ली"),
    (["भारतीय प्रौद्योगिकी संस्थान कानपुर", "भारतीय प्रौद्योगिकी संस्थान दिल्ली"], "भारतीय प्रौद्योगिकी संस्थान"),
    (["बैंक ऑफ इंडिया"], "बैंक ऑफ बड़ौदा"),  # the place is part of the name
])
def test_organisations_told_apart_by_their_place_stay_apart(known, later):
    ids, later_id = known_ids_and_later(known, later, "ORG")
    assert later_id not in ids


def test_canonical_ids_do_not_change_as_spellings_are_learned():
    resolver = EntityResolver()
    first = resolver.resolve(mentions(("मॉस्को", "LOC"), ("अल-शरा", "PER")))
    for _ in range(3):
        resolver.resolve(mentions(("मास्को", "LOC"), ("अल-शारा", "PER")))
    again = resolver.resolve(mentions(("मास्को", "LOC"), ("अल-शारा", "PER")))
    assert [m.canonical for m in again] == [m.canonical for m in first]
    assert again[1].name == "अल-शारा"  # the most frequent spelling is now preferred


def test_resolvers_fed_the_same_articles_give_the_same_ids():
    articles = [
        [("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER")],
        [("मॉस्को", "LOC"), ("व्लादिमिर पुटिन", "PER")],
        [("अमित शाह", "PER"), ("अमित शर्मा", "PER")],
    ]
    runs = []
    for _ in range(2):
        resolver = EntityResolver()
        runs.append([[m.canonical for m in resolver.resolve(mentions(*a))] for a in articles])
    assert runs[0] == runs[1]


def test_saved_state_resolves_like_the_live_resolver():
    live = EntityResolver()
    live.resolve(mentions(("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER"), ("मॉस्को", "LOC")))
    restored = EntityResolver.from_state(json.loads(json.dumps(live.to_state(), ensure_ascii=False)))
    later = mentions(("पुतिन", "PER"), ("मास्को", "LOC"), ("व्लादिमिर पुटिन", "PER"))
    assert restored.resolve(later) == live.resolve(later)
    assert restored.to_state() == live.to_state()


def test_state_of_another_version_is_refused_with_the_fix():
    with pytest.raises(ValueError, match="version 99 .*rebuild"):
        EntityResolver.from_state({"version": 99, "entities": []})


def test_resolution_looks_only_at_entities_in_the_same_block(monkeypatch):
    resolver = EntityResolver()
    resolver.resolve(mentions(*[(f"व्यक्ति {i}", "PER") for i in range(300)]))
    resolver.resolve(mentions(("व्लादिमीर पुतिन", "PER")))
    calls = []
    original = canon.keys_match
    monkeypatch.setattr(canon, "keys_match", lambda a, b: calls.append((a, b)) or original(a, b))
    resolver.resolve(mentions(("व्लादिमिर पुटिन", "PER")))
    assert 0 < len(calls) <= 2


# --- canonical_names ------------------------------------------------------------------


def test_names_of_one_entity_print_the_same_canonical_key():
    names = [("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER"), ("मास्को", "LOC"), ("मॉस्को", "LOC"),
             ("ईरान", "LOC"), ("इराक", "LOC")]
    ids = canonical_names(names)
    assert ids[0] == ids[1] == "PER:वलादिमिर-पुतिन"
    assert ids[2] == ids[3] == "LOC:city:Europe/Moscow"
    assert ids[4:] == ["LOC:country:IR", "LOC:country:IQ"]


def test_canonical_names_accepts_lower_case_types():
    assert canonical_names([("अमित शाह", "per")]) == ["PER:अमित-शाह"]


# --- surnames across articles ----------------------------------------------------------


def test_surname_seen_first_later_joins_the_one_full_name_it_is_the_surname_of():
    resolver = EntityResolver()
    resolver.resolve(mentions(("मोदी", "PER")))  # an article that names only the surname
    (full,) = resolver.resolve(mentions(("नरेंद्र मोदी", "PER")))
    (later,) = resolver.resolve(mentions(("प्रधानमंत्री मोदी", "PER")))
    assert later.canonical == full.canonical == "PER:नरेंदर-मोदि"
    assert later.name == "नरेंद्र मोदी"


def test_surname_alone_joins_a_full_name_never_seen_with_it():
    resolver = EntityResolver()
    (full,) = resolver.resolve(mentions(("अमित शाह", "PER")))
    (later,) = resolver.resolve(mentions(("शाह", "PER")))
    assert later.canonical == full.canonical


def test_surname_alone_joins_no_one_when_two_known_people_have_it():
    resolver = EntityResolver()
    rahul = resolver.resolve(mentions(("राहुल गांधी", "PER")))[0].canonical
    sonia = resolver.resolve(mentions(("सोनिया गांधी", "PER")))[0].canonical
    (later,) = resolver.resolve(mentions(("गांधी", "PER")))
    assert later.canonical not in {rahul, sonia}


def test_a_first_name_alone_is_not_taken_for_a_surname():
    resolver = EntityResolver()
    (full,) = resolver.resolve(mentions(("अमित शाह", "PER")))
    (later,) = resolver.resolve(mentions(("अमित", "PER")))
    assert later.canonical != full.canonical


# --- acronyms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "a, b",
    [
        ("डब्ल्यूएचओ", "डब्लूएचओ"),
        ("डब्ल्यूएचओ", "WHO"),
        ("डब्लूएचओ", "W.H.O."),
        ("आईसीएमआर", "ICMR"),
        ("एनडीआरएफ", "एन.डी.आर.एफ."),
        ("पीटीआई", "पीटीआइ"),
    ],
)
def test_an_acronym_in_hindi_letter_names_and_in_latin_letters_join(a, b):
    assert same_entity(a, b, "ORG")
    assert canon.block_of(name_key(a, "ORG")) == canon.block_of(name_key(b, "ORG"))


@pytest.mark.parametrize(
    "a, b",
    [
        ("डब्ल्यूएचओ", "डब्ल्यूटीओ"),  # WHO, WTO
        ("आईसीसी", "आईसीएमआर"),
        ("सीबीआई", "सीबीएसई"),
        ("सिटी", "सीटी"),  # a word with a short i is no spelled-out CT
    ],
)
def test_different_acronyms_stay_apart(a, b):
    assert not same_entity(a, b, "ORG")


def test_ordinary_words_are_not_read_as_letter_names():
    assert canon.acronym_letters("भाजपा") is None
    assert canon.acronym_letters("इसी") is None
    assert canon.acronym_letters("who") is None  # lower-case Latin is a word, not an acronym


def test_titles_written_as_acronyms_are_still_dropped_from_names():
    assert name_key("पीएम मोदी", "PER") == name_key("मोदी", "PER")
    assert name_key("डीएम सुहास", "PER") == name_key("सुहास", "PER")


def spans(text: str, *names: tuple[str, str]) -> list[Mention]:
    """Mentions of ``names`` at their first places in ``text`` (one sentence)."""
    out = []
    for name, type in names:
        start = text.index(name)
        out.append(Mention(text=name, type=type, start=start, end=start + len(name), sentence=0))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "विश्व स्वास्थ्य संगठन (डब्ल्यूएचओ) ने महामारी घोषित की।",
        "डब्ल्यूएचओ (विश्व स्वास्थ्य संगठन) ने महामारी घोषित की।",
    ],
)
def test_an_acronym_in_brackets_next_to_the_name_joins_it_and_both_are_learned(text):
    resolver = EntityResolver()
    full, short = sorted(
        resolver.resolve(spans(text, ("विश्व स्वास्थ्य संगठन", "ORG"), ("डब्ल्यूएचओ", "ORG")), text),
        key=lambda m: -len(m.text),
    )
    assert full.canonical == short.canonical
    (later,) = resolver.resolve(mentions(("डब्लूएचओ", "ORG")))
    (spelled,) = resolver.resolve(mentions(("विश्व स्वास्थ्य संगठन", "ORG")))
    assert later.canonical == spelled.canonical == full.canonical


def test_an_acronym_after_a_comma_is_not_the_name_before_it():
    # The institute of agricultural sciences of BHU: a part of the university, not its name.
    text = "कृषि विज्ञान संस्थान, बीएचयू के निदेशक ने जांच की बात कही।"
    out = EntityResolver().resolve(spans(text, ("कृषि विज्ञान संस्थान", "ORG"), ("बीएचयू", "ORG")), text)
    assert out[0].canonical != out[1].canonical


def test_an_acronym_joins_a_name_only_when_it_stands_right_next_to_it():
    text = "राष्ट्रीय रोग नियंत्रण केंद्र ने चेतावनी दी। बाद में (एनसीडीसी) प्रमुख ने बयान दिया।"
    out = EntityResolver().resolve(spans(text, ("राष्ट्रीय रोग नियंत्रण केंद्र", "ORG"), ("एनसीडीसी", "ORG")), text)
    assert out[0].canonical != out[1].canonical


def test_a_bracketed_acronym_with_another_number_of_letters_is_not_the_name():
    # BJP has three letters, समाजवादी पार्टी two words.
    text = "समाजवादी पार्टी (बीजेपी के साथ) चुनाव लड़ेगी।"
    out = EntityResolver().resolve(spans(text, ("समाजवादी पार्टी", "ORG"), ("बीजेपी", "ORG")), text)
    assert out[0].canonical != out[1].canonical


def test_without_the_text_an_acronym_joins_only_its_own_spellings():
    text = "राष्ट्रीय रोग नियंत्रण केंद्र (एनसीडीसी) ने चेतावनी दी।"
    out = EntityResolver().resolve(spans(text, ("राष्ट्रीय रोग नियंत्रण केंद्र", "ORG"), ("एनसीडीसी", "ORG")))
    assert out[0].canonical != out[1].canonical


# --- diseases --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, type",
    [("कोरोना", "PER"), ("कोविड-19", "LOC"), ("कोरोनावायरस", "ORG"), ("नोवेल कोरोना वायरस", "PER"), ("COVID-19", "ORG")],
)
def test_a_disease_is_not_a_person_place_or_organisation(text, type):
    out = EntityResolver().resolve(mentions((text, type), ("लखनऊ", "LOC")))
    assert [m.text for m in out] == ["लखनऊ"]


def test_names_that_only_contain_a_disease_word_stay_entities():
    out = EntityResolver().resolve(mentions(("कोरोना वॉरियर्स फाउंडेशन", "ORG")))
    assert out[0].canonical


def test_state_written_before_acronym_keys_still_loads_and_joins():
    # A version-1 state as earlier releases wrote it: ids made from the old keys.
    old = {"version": 1, "entities": [
        {"id": "ORG:डबलयुएचओ", "type": "ORG", "variants": {"डब्ल्यूएचओ": 3}, "partials": [], "count": 3, "place": None},
        {"id": "PER:नरेंदर-मोदि", "type": "PER", "variants": {"नरेंद्र मोदी": 2}, "partials": [], "count": 2, "place": None},
    ]}
    resolver = EntityResolver.from_state(old)
    out = resolver.resolve(mentions(("WHO", "ORG"), ("मोदी", "PER")))
    assert [m.canonical for m in out] == ["ORG:डबलयुएचओ", "PER:नरेंदर-मोदि"]


def test_canonical_names_keep_their_places_when_a_disease_is_left_out():
    assert canonical_names([("कोरोना", "PER"), ("अमित शाह", "PER")]) == ["", "PER:अमित-शाह"]


@pytest.mark.parametrize("type, spellings", [
    ("LOC", ["अमेरिका", "यूएसए", "मास्को", "मॉस्को", "ईरान", "इराक", "ऑस्ट्रिया", "ऑस्ट्रेलिया", "तर्तूस", "टार्टस"]),
    ("PER", ["अल-शरा", "अल शारा", "अल-शारा", "अमित शाह", "अमित शर्मा", "राहुल गांधी", "राजीव गांधी", "पुतिन"]),
])
def test_an_articles_spellings_group_the_same_when_only_those_sharing_a_block_are_compared(type, spellings):
    from ghatnakram.canon import _blocks_of_spelling, _union_find, same_entity

    def same(a, b):
        return same_entity(a, b, type)

    by_block = _union_find(spellings, same, lambda s: _blocks_of_spelling(s, type, set()))
    assert by_block == _union_find(spellings, same)
    assert len(by_block) < len(spellings)


def test_a_district_name_two_states_share_is_read_by_the_state_its_story_names():
    resolver = EntityResolver()
    bihar = resolver.resolve(mentions(("औरंगाबाद", "LOC"), ("बिहार", "LOC")))[0]
    maharashtra = resolver.resolve(mentions(("औरंगाबाद", "LOC"), ("महाराष्ट्र", "LOC")))[0]
    assert (bihar.place, maharashtra.place) == ("district:IN:bihar:aurangabad", "district:IN:maharashtra:aurangabad")
    assert bihar.canonical != maharashtra.canonical


@pytest.mark.parametrize("name, place", [
    ("उत्तरी इटली", "country:IT"),  # a part of a place, named by a direction
    ("राजधानी दिल्ली", "state:IN:delhi"),
    ("केंद्र शासित प्रदेश लद्दाख", "state:IN:ladakh"),
    ("उत्तरी आयरलैंड", "state:GB:northern-ireland"),  # a place of its own, not Ireland's north
])
def test_a_direction_or_the_word_capital_before_a_place_names_that_place(name, place):
    assert EntityResolver().resolve(mentions((name, "LOC")))[0].place == place


def test_words_other_than_a_direction_before_a_place_leave_the_span_unresolved():
    assert EntityResolver().resolve(mentions(("मोदी नयी दिल्ली", "LOC")))[0].place is None
    assert EntityResolver().resolve(mentions(("गल्ला मंडी", "LOC")))[0].place is None


@pytest.mark.parametrize("first, later", [
    ("आईसीएमआर", "इंडियन काउंसिल ऑफ मेडिकल रिसर्च"),
    ("इंडियन काउंसिल ऑफ मेडिकल रिसर्च", "ICMR"),
    ("सेंटर फॉर मॉनिटरिंग इंडियन इकोनॉमी", "सीएमआईई"),  # C of Centre (से), of left out
])
def test_an_acronym_and_the_name_it_abbreviates_join_across_articles(first, later):
    resolver = EntityResolver()
    (known,) = resolver.resolve(mentions((first, "ORG")))
    assert resolver.resolve(mentions((later, "ORG")))[0].canonical == known.canonical


@pytest.mark.parametrize("known, later", [
    (["सीबीआई"], "सेंट्रल ब्यूरो ऑफ इन्वेस्टिगेशन"),  # three letters stand for too many names
    (["बीसीसीआई"], "भारतीय क्रिकेट कंट्रोल बोर्ड"),  # a Hindi name: other initials
    (["आईसीएमआर", "इंडियन कौंसिल फॉर मेडिकल रिसर्च"], "इंटरनेशनल सेंटर फॉर मरीन रिसर्च"),  # the known name differs
    (["आईसीएमआर"], "एनसीडीसी"),
])
def test_acronyms_and_names_that_do_not_abbreviate_each_other_stay_apart(known, later):
    ids, later_id = known_ids_and_later(known, later, "ORG")
    assert later_id not in ids


def test_a_persons_display_name_leaves_out_the_titles_before_it():
    resolver = EntityResolver()
    (mention,) = resolver.resolve(mentions(("रेलमंत्री पीयूष गोयल", "PER")))
    assert mention.name == "पीयूष गोयल"
    assert without_titles("अपर मुख्य सचिव गृह आमिर सुबहानी") == "आमिर सुबहानी"
    assert without_titles("श्री") == "श्री"  # a title alone is left as it is


def test_in_a_long_name_a_short_word_with_or_without_its_long_a_is_the_same_name():
    assert same_entity("मोहम्मद अजमल आमिर कसाब", "मोहम्मद अजमल आमिर कसब", "PER")
    assert not same_entity("कसाब", "कसब", "PER")  # alone, too short to tell
    assert not same_entity("राम लाल", "राम लल", "PER")  # two words vouch too little
    assert not same_entity("मोहम्मद अजमल आमिर कसाब", "मोहम्मद अजमल आमिर कसम", "PER")
    assert not same_entity("रविन्द्र कुमार सिंह", "रविन्द्र कुमार सिंहा", "PER")  # at the end it makes another name


def test_an_organisation_named_by_its_place_joins_whichever_way_the_place_is_called():
    resolver = EntityResolver()
    up = resolver.resolve(mentions(("उत्तर प्रदेश सरकार", "ORG")))[0].canonical
    assert resolver.resolve(mentions(("यूपी सरकार", "ORG")))[0].canonical == up
    assert resolver.resolve(mentions(("बिहार सरकार", "ORG")))[0].canonical != up
    assert resolver.resolve(mentions(("उत्तर प्रदेश पुलिस", "ORG")))[0].canonical != up


def test_a_resolved_mention_is_the_mention_with_its_entity_filled_in():
    from dataclasses import replace

    mention = Mention(text="पुतिन", type="PER", start=3, end=8, sentence=1)
    assert canon._resolved(mention, "PER:पुतिन", "पुतिन", "Putin", None) == replace(
        mention, canonical="PER:पुतिन", name="पुतिन", latin="Putin", place=None)
    # every field is written out: a new field of Mention must be added to _resolved too
    filled = canon._resolved(mention, "c", "n", "l", "p")
    assert [getattr(filled, f) for f in ("canonical", "name", "latin", "place")] == ["c", "n", "l", "p"]
    assert len(Mention.__dataclass_fields__) == 9


# --- organisations by their other names ------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ("भाजपा", "बीजेपी", "भारतीय जनता पार्टी"),
        ("विश्व स्वास्थ्य संगठन", "डब्ल्यूएचओ", "WHO"),
        ("सुप्रीम कोर्ट", "उच्चतम न्यायालय", "सर्वोच्च न्यायालय"),
        ("केंद्र सरकार", "भारत सरकार"),
        ("केंद्रीय स्वास्थ्य मंत्रालय", "स्वास्थ्य मंत्रालय", "स्वास्थ्य एवं परिवार कल्याण मंत्रालय"),
        ("केंद्रीय गृह मंत्रालय", "गृह मंत्रालय"),
        ("रिजर्व बैंक", "भारतीय रिजर्व बैंक", "आरबीआई", "RBI"),
    ],
)
def test_an_organisation_is_one_entity_by_its_hindi_name_its_acronym_and_its_english_one(names):
    assert len({name_key(name, "ORG") for name in names}) == 1


def test_organisations_named_alike_stay_apart():
    assert name_key("एम्स", "ORG") != name_key("एम्स पटना", "ORG")
    assert name_key("केंद्रीय अन्वेषण ब्यूरो", "ORG") != name_key("केंद्रीय माध्यमिक शिक्षा बोर्ड", "ORG")
    assert name_key("स्वास्थ्य मंत्रालय", "ORG") != name_key("गृह मंत्रालय", "ORG")
    out = EntityResolver().resolve(mentions(("भाजपा", "ORG"), ("भारतीय जनता पार्टी", "ORG"), ("कांग्रेस", "ORG")))
    assert out[0].canonical == out[1].canonical != out[2].canonical


def test_a_known_organisation_is_shown_by_its_english_name_and_a_person_by_a_transliteration():
    from ghatnakram.canon import latin_name

    resolver = EntityResolver()
    out = resolver.resolve(mentions(("विश्व स्वास्थ्य संगठन", "ORG"), ("उच्चतम न्यायालय", "ORG"), ("दिल्ली", "ORG"),
                                    ("इसराइल", "PER")))
    assert [m.latin for m in out] == ["WHO", "Supreme Court", "Delhi", "Israil"]
    # the entity record stored for search has the same Latin name as its mentions
    assert [latin_name(resolver.entities_[m.canonical]) for m in out] == [m.latin for m in out]


@pytest.mark.parametrize("name, latin", [
    ("बिहार सरकार", "Government of Bihar"),
    ("दिल्ली सरकार", "Government of Delhi"),
    ("उत्तर प्रदेश सरकार", "Government of Uttar Pradesh"),
    ("चीनी सरकार", "Government of China"),  # the country's adjective
    ("अमेरिकी सरकार", "Government of the United States"),
    ("राज्य सरकार", "State Government"),
    ("मोदी सरकार", "Modi Sarkar"),  # named after its head, not a place: left as it is said
])
def test_a_places_government_is_named_in_english(name, latin):
    from ghatnakram.canon import latin_of_name

    assert latin_of_name(name, "ORG", None) == latin


def test_a_person_called_sarkar_is_no_government():
    from ghatnakram.canon import latin_of_name

    assert latin_of_name("सोनू सरकार", "PER", None) == "Sonu Sarkar"
    assert latin_of_name("सोनू सरकार", "ORG", None) == "Sonu Sarkar"


@pytest.mark.parametrize("name, english", [("केंद्रीय गृह मंत्रालय", "Ministry of Home Affairs"), ("रेल मंत्रालय", "Ministry of Railways"),
                                           ("विश्व बैंक", "World Bank"), ("नीति आयोग", "NITI Aayog")])
def test_a_well_known_organisation_named_in_hindi_is_shown_by_its_english_name(name, english):
    from ghatnakram.canon import organisation_english

    assert organisation_english(name) == english
