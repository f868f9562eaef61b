import hashlib
import json
from importlib import resources
from pathlib import Path

import pytest

from ghatnakram.canon import ORGANISATION_NAMES, latin_of_name
from ghatnakram.places import all_places
from ghatnakram.translit import LATIN_RULES, hindi_news_word, latin_key, spelled_alike, to_latin

LATIN_RULES_FINGERPRINT = Path(__file__).parent / "fixtures" / "latin_rules.json"


@pytest.mark.parametrize(
    "name, latin",
    [
        ("अहमद अल-शरा", "Ahmad al-Shara"),
        ("व्लादिमीर पुतिन", "Vladimir Putin"),
        ("उत्तर प्रदेश", "Uttar Pradesh"),
        ("मॉस्को", "Mosko"),
        ("नरेंद्र मोदी", "Narendra Modi"),  # a final conjunct keeps its vowel
        ("योगी आदित्यनाथ", "Yogi Adityanath"),
        ("अरविंद केजरीवाल", "Arvind Kejriwal"),  # medial a dropped: केजरीवाल
        ("पटना", "Patna"),
        ("लखनऊ", "Lakhnau"),
        ("जयपुर", "Jaipur"),
        ("शिवराज सिंह चौहान", "Shivraj Singh Chauhan"),
        ("डोनाल्ड ट्रंप", "Donald Tramp"),
        ("अमिताभ बच्चन", "Amitabh Bachchan"),
        ("मध्य प्रदेश", "Madhya Pradesh"),
        ("कृष्ण", "Krishna"),
        ("स्वामी", "Swami"),  # व after a consonant is w
        ("ज़रदारी", "Zardari"),  # nukta letters
        ("चंपारण", "Champaran"),  # anusvara before p is m
        ("दुःख", "Duhkh"),
    ],
)
def test_names_are_written_in_readable_latin(name, latin):
    assert to_latin(name, gazetteer=False) == latin


@pytest.mark.parametrize(
    "name, latin",
    [("लव अग्रवाल", "Lav Agrawal"), ("राजेंद्र तिवारी", "Rajendra Tiwari"), ("रामविलास पासवान", "Ramvilas Paswan"),
     ("अजीत पवार", "Ajit Pawar"), ("आदार पूनावाला", "Adar Punawala"), ("जवाहर", "Jawahar"), ("भगवान", "Bhagwan"),
     ("छत्रपति शिवाजी", "Chhatrapti Shivaji"), ("अमित श्रीवास्तव", "Amit Shrivastav"), ("यादव", "Yadav"),
     ("विजय", "Vijay"), ("वर्षा", "Varsha")],
)
def test_wa_is_spelled_as_in_indian_names_and_va_after_i_or_at_the_start(name, latin):
    assert to_latin(name, gazetteer=False) == latin


@pytest.mark.parametrize("name, latin", [("सोनिया गांधी", "Sonia Gandhi"), ("लुधियाना", "Ludhiana"), ("राम मनोहर लोहिया", "Ram Manohar Lohia"),
                                         ("प्रिया", "Priya"), ("सुप्रिया", "Supriya"), ("रमेश पोखरियाल", "Ramesh Pokhriyal"),
                                         ("स्वच्छता अभियान", "Swachchhata Abhiyan")])
def test_a_glide_after_i_past_the_first_syllable_is_spelled_ia(name, latin):
    assert to_latin(name, gazetteer=False, loanwords=False) == latin


@pytest.mark.parametrize("name, latin", [("गांधीनगर", "Gandhinagar"), ("शास्त्रीनगर", "Shastrinagar"), ("नगर निगम", "Nagar Nigam")])
def test_a_compound_ending_in_nagar_keeps_its_stem_and_nagar_whole(name, latin):
    assert to_latin(name, gazetteer=False, loanwords=False) == latin


@pytest.mark.parametrize("name, latin", [("राष्ट्रीय", "Rashtriya"), ("केंद्रीय विद्यालय", "Kendriya Vidyalaya"), ("मेघालय", "Meghalaya"),
                                         ("स्वास्थ्य मंत्रालय", "Swasthya Mantralaya"), ("विजय", "Vijay"), ("प्रलय", "Pralay")])
def test_sanskrit_endings_iya_and_alaya_keep_their_last_a(name, latin):
    assert to_latin(name, gazetteer=False, loanwords=False) == latin


@pytest.mark.parametrize("name, latin", [("गांव", "Gaon"), ("नयागांव", "Nayagaon"), ("बोंगईगांव", "Bongaigaon"), ("पांव", "Paon")])
def test_a_nasal_a_before_a_final_va_is_spelled_aon(name, latin):
    assert to_latin(name, gazetteer=False) == latin


@pytest.mark.parametrize("name, latin", [("अशरफ गनी", "Ashraf Gani"), ("मुजफ्फर हुसैन", "Mujaffar Husain"), ("रफ्तार", "Raftar"),
                                         ("फिरोज", "Phiroj"), ("स्फूर्ति", "Sphurti"), ("प्रफुल्ल", "Praphulla")])
def test_pha_closing_a_syllable_is_the_persian_f(name, latin):
    assert to_latin(name, gazetteer=False, loanwords=False) == latin


@pytest.mark.parametrize("name, latin", [("के चंद्रशेखर राव", "K Chandrashekhar Rao"), ("जगन मोहन रेड्डी", "Jagan Mohan Reddy"),
                                         ("संगारेड्डी", "Sangareddy"), ("हड्डी", "Haddi"), ("रावत", "Ravat")])
def test_the_names_rao_and_reddy_are_written_as_their_bearers_write_them(name, latin):
    assert to_latin(name, gazetteer=False, loanwords=False) == latin


@pytest.mark.parametrize("name, latin", [("नंद किशोर", "Nand Kishore"), ("वेल्लोर", "Vellore"), ("सोपोर", "Sopore"),
                                         ("शोर", "Shor"), ("सिंहमोड़", "Sinhmor")])
def test_ore_closing_a_longer_name_is_written_ore(name, latin):
    assert to_latin(name, gazetteer=False, loanwords=False) == latin


@pytest.mark.parametrize(
    "name, english",
    [("मॉस्को", "Moscow"), ("मास्को", "Moscow"), ("लखनऊ", "Lucknow"), ("भारत", "India"), ("दिल्ली", "Delhi")],
)
def test_places_the_gazetteer_knows_get_their_english_name(name, english):
    assert to_latin(name) == english


def test_people_are_not_looked_up_in_the_gazetteer():
    assert to_latin("आनंद", gazetteer=False) == "Anand"
    assert to_latin("भारत", gazetteer=False) == "Bharat"


@pytest.mark.parametrize("name, latin", [("डब्ल्यूएचओ", "WHO"), ("बीजेपी", "BJP"), ("आईआईटी कानपुर", "IIT Kanpur"),
                                         ("यूपी बोर्ड", "UP Board"), ("सीएम योगी", "CM Yogi"), ("के सी चक्रवर्ती", "K C Chakravarti")])
def test_an_acronym_spelled_with_letter_names_is_written_in_its_letters(name, latin):
    assert to_latin(name, gazetteer=False) == latin


def test_a_word_that_only_looks_like_letter_names_is_transliterated():
    assert to_latin("सिटी", gazetteer=False, loanwords=False) == "Siti" and to_latin("भाजपा", gazetteer=False) == "Bhajpa"
    assert to_latin("मोदी जी", gazetteer=False) == "Modi Ji"  # a name's last word is never an initial


def test_latin_letters_and_digits_are_kept():
    assert to_latin("कोविड-१९", gazetteer=False) == "Kovid-19"
    assert to_latin("WHO प्रमुख", gazetteer=False) == "WHO Pramukh"


@pytest.mark.parametrize("name", ["गाँधी", "क़तर", "हैदराबाद", "श्रीमती सोनिया गांधी", "ऑस्ट्रेलिया"])
def test_devanagari_names_become_plain_ascii(name):
    latin = to_latin(name, gazetteer=False)
    assert latin.isascii() and latin.replace(" ", "").isalpha()


def test_transliteration_is_deterministic_and_nfc_insensitive():
    assert to_latin("\u095b\u0930\u0926\u093e\u0930\u0940", gazetteer=False) == to_latin("ज़रदारी", gazetteer=False)


@pytest.mark.parametrize("spellings", [("Bhubaneswar", "Bhubaneshwar", "Bhuvaneshwar"), ("Al-Shara", "al Sharaa", "ALSHARA"),
                                       ("Moscow", "Moskow"), ("Kejriwal", "Kejrival"), ("Ghaziabad", "Gaziabad"),
                                       ("Chhattisgarh", "Chattisgarh"), ("Tartus", "Tartous"), ("Neeraj", "Niraj")])
def test_latin_spellings_of_one_name_share_a_search_key(spellings):
    assert len({latin_key(s) for s in spellings}) == 1


@pytest.mark.parametrize("a, b", [("Iran", "Iraq"), ("Amit Shah", "Amit Sharma"), ("Rahul Gandhi", "Rajiv Gandhi"), ("Putin", "Pune")])
def test_different_names_keep_different_search_keys(a, b):
    assert latin_key(a) != latin_key(b)


def test_text_without_latin_letters_has_no_search_key():
    assert latin_key("मॉस्को") == "" and latin_key("2026") == ""


@pytest.mark.parametrize("name, latin", [
    ("नेशनल इंस्टीट्यूट ऑफ वायरोलॉजी", "National Institute of Virology"),
    ("नैशनल इंस्टिट्यूट ऑफ वायरोलॉजी", "National Institute of Virology"),  # other spellings of the same words
    ("एयर इंडिया", "Air India"),
    ("मोतीलाल नेहरू मेडिकल कॉलेज", "Motilal Nehru Medical College"),
    ("द हिंदू", "The Hindu"),
    ("तेग बहादुर रोड", "Teg Bahadur Road"),
    ("राम मनोहर लोहिया अस्पताल", "Ram Manohar Lohia Hospital"),  # the hospital's name in English
    ("रेड जोन", "Red Zone"),
    ("इंग्लैंड लायंस", "England Lions"),
])
def test_english_words_in_a_name_are_spelled_in_english(name, latin):
    assert to_latin(name) == latin


def test_a_persons_name_is_only_transliterated():
    assert to_latin("रिकार्ड बोवेन", gazetteer=False, loanwords=False) == "Rikard Boven"


@pytest.mark.parametrize("name, latin", [
    ("दिल्ली स्कूल ऑफ इकोनॉमिक्स", "Delhi School of Economics"),
    ("आईआईटी दिल्ली", "IIT Delhi"),
    ("बनारस हिंदू विश्वविद्यालय", "Banaras Hindu Vishwavidyalaya"),  # not Varanasi's: the name keeps its word
    ("मद्रास हाईकोर्ट", "Madras High Court"),  # not Chennai's
])
def test_a_places_word_in_a_longer_name_takes_the_places_spelling_only_when_it_is_the_same_word(name, latin):
    assert to_latin(name) == latin


@pytest.mark.parametrize("query, latin", [
    ("Trump", "Donald Tramp"), ("Uddhav Thackeray", "Uddhav Thakre"), ("Naveen Patnaik", "Navin Patnayak"),
    ("Nitin Gadkari", "Nitin Gadakri"), ("Boris Johnson", "Boris Jonsan"), ("Mike Pence", "Maik Pens"),
    ("Lav Agarwal", "Lav Agraval"), ("Delhi government", "Government of Delhi"), ("Harsh Vardhan", "Harshavardhan"),
    ("Xi Jinping", "Shi Jinping"),  # pinyin x
])
def test_an_english_spelling_with_other_vowels_is_spelled_alike(query, latin):
    assert spelled_alike(query)(latin)


@pytest.mark.parametrize("query, latin", [("Amit Shah", "Amit Sharma"), ("Modi Ji", "Ahmad Ji"), ("Iran", "Iraq"),
                                          ("Rahul Gandhi", "Rajiv Gandhi")])
def test_names_with_other_consonants_are_not_spelled_alike(query, latin):
    assert not spelled_alike(query)(latin)


def _latin_fingerprint() -> str:
    """A digest of the Latin names a store would hold for names of every kind the rules touch: the
    gazetteer's Hindi names read as a person, a place and an organisation, the loanwords, and the
    organisations known by English names."""
    loanwords = resources.files("ghatnakram").joinpath("resources/loanwords.tsv").read_text(encoding="utf-8")
    names = sorted({name for place in all_places() for name in (place.hi, *place.aliases) if name}
                   | {line.split("\t")[0] for line in loanwords.splitlines() if line and not line.startswith("#")}
                   | {name for _, forms in ORGANISATION_NAMES for name in forms})
    latin = [latin_of_name(name, kind, None) for name in names for kind in ("PER", "LOC", "ORG")]
    return hashlib.sha256("\n".join(latin).encode("utf-8")).hexdigest()


def test_a_change_in_how_names_are_spelled_comes_with_a_new_edition_of_the_latin_rules():
    # Stores rewrite their entities' Latin names only when translit.LATIN_RULES changes: a rule,
    # loanword or organisation name that changes a spelling under the same edition would leave
    # stored names spelled the old way.
    recorded = json.loads(LATIN_RULES_FINGERPRINT.read_text(encoding="utf-8"))
    fingerprint = _latin_fingerprint()
    if recorded["edition"] != LATIN_RULES:
        pytest.fail(f"new Latin rules {LATIN_RULES!r}: record them in {LATIN_RULES_FINGERPRINT.name} as "
                    f'{{"edition": "{LATIN_RULES}", "fingerprint": "{fingerprint}"}}')
    assert fingerprint == recorded["fingerprint"], (
        "Latin spellings changed under the same edition of the rules: give translit.LATIN_RULES a new "
        f"edition (stores then rewrite their entities' Latin names) and record it in {LATIN_RULES_FINGERPRINT.name}")


def test_english_news_words_of_latin_headlines_have_their_hindi_words():
    assert hindi_news_word("Flood") == hindi_news_word("floods") == "बाढ़"
    assert hindi_news_word("Earthquake") == "भूकंप"
    assert hindi_news_word("video") is None


def test_every_english_news_word_maps_to_one_devanagari_word():
    text = resources.files("ghatnakram").joinpath("resources/english_news_words.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert rows and all(len(row) == 2 and row[0] == row[0].lower() and row[0].isascii() for row in rows)
    assert all(len(row[1].split()) == 1 and all("\u0900" <= c <= "\u097f" for c in row[1]) for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
