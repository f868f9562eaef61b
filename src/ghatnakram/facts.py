"""Facts the outlet comparison is built from: quotes, quantities and the recurrence cue.

Three pure, table-driven functions over cleaned article text (see :mod:`ghatnakram.clean`):

* :func:`find_quotes` — who said what: "पुतिन ने कहा, “…”", "X ने बताया कि …",
  "“…”, X ने कहा।", "X के मुताबिक, …", "उन्होंने कहा …";
* :func:`find_quantities` — numbers and what they count: "12 लोगों की मौत" → 12 deaths,
  "डेढ़ लाख लोग प्रभावित" → 150000 people, "250 करोड़ रुपये" → 2.5e9 rupees;
* :func:`find_recurrence` — whether the main event is a first, second … or repeated one:
  "पहली बार" → 1, "दूसरी मुलाकात" → 2, "एक बार फिर" → again.

Sentence indices are those of :func:`ghatnakram.normalize.split_sentences` on the same text.
Every word table is NFC-normalised at import, so the nukta letters (ड़, ज़) and ZWJ spellings
(उन्‍होंने) of cleaned text match. All regular expressions are compiled at import.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from itertools import islice

from .models import Quantity, Quote, Recurrence
from .normalize import ABBREVIATIONS, CARDINALS, WORD_CHARS, ZWJ, ZWNJ, ascii_digits, is_dateline, sentence_offsets
from .places import resolve_place

__all__ = ["find_quotes", "find_quantities", "find_recurrence"]


def _nfc(text: str) -> str:
    """``text`` in NFC, the form normalize_text gives."""
    return unicodedata.normalize("NFC", text)


def _words(spaced: str) -> frozenset[str]:
    """A set of NFC words from a space-separated string."""
    return frozenset(_nfc(w) for w in spaced.split())


def _alt(words) -> str:
    """A regex matching any of ``words``, longest first; ``_`` in a word stands for whitespace."""
    return _trie(words, bounded=False)


def _trie(words, bounded: bool = True, word_start: bool = False) -> str:
    """A regex for ``words`` arranged as a trie ("दस|दसवीं" → "दस(?:वीं|)").

    A position that starts no word fails at its first letter instead of trying every word.
    With ``bounded`` a word must end at a word boundary, unless it ends in ``*``: a stem that
    may run on ("दम_तोड़*" matches "दम तोड़ा"). With ``word_start`` a match must begin a word;
    that check follows the first letter, so the engine still skips quickly to the letters
    that start some word.
    """
    root: dict = {}
    for word in words:
        stem = word.endswith("*")
        node = root
        for ch in _nfc(word.rstrip("*")):
            node = node.setdefault(ch, {})
        if node.get("") != "stem":
            node[""] = "stem" if stem or not bounded else "word"
    return _trie_node(root, word_start)


def _trie_node(node: dict, word_start: bool = False) -> str:
    """The regex for one trie node: its letters in turn, then stopping here if a word ends."""
    branches = []
    for ch in sorted(c for c in node if c):
        piece = r"\s+" if ch == "_" else re.escape(ch)
        if word_start:
            piece += "".join(f"(?<!{chars}.)" for chars in _W_CLASSES)
        branches.append(piece + _trie_node(node[ch]))
    end = node.get("")
    if end is not None:
        branches.append("" if end == "stem" else _END)  # stopping here comes after the longer words
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _key(word: str) -> str:
    """A word as compared with the tables: no ZWJ/ZWNJ."""
    return word.replace(ZWJ, "").replace(ZWNJ, "")


_W = WORD_CHARS
# The same as two classes, each checked in turn at a word's edge: re compiles one class of them all into
# a 64K-character table, again for each of the ~800 word edges the tries hold.
_W_CLASSES = ("[\u0900-\u0963\u0966-\u097f]", "[\\w\u200c\u200d]")
_START = "".join(f"(?<!{chars})" for chars in _W_CLASSES)
_END = "".join(f"(?!{chars})" for chars in _W_CLASSES)
_WORD = re.compile(f"[{_W}]+(?:[.-][{_W}]+)*")
_DIGIT = re.compile("[0-9०-९]")
_DIGIT_RUN = re.compile("[0-9०-९]+")
_DIGIT_CHARS = frozenset("0123456789०१२३४५६७८९")
_JOINERS = frozenset((ZWJ, ZWNJ))
_PUNCTUATION = "()[],;:“”‘’\"'।॥?!-–—"


# Precomposed nukta letters (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़): the one difference NFC makes to most Hindi text.
_PRECOMPOSED = re.compile("[\u0958-\u095f]")


def _prepare(text: str) -> str:
    """``text`` in NFC; cleaned text already is, so only the cheap check runs."""
    return _nfc(text) if _PRECOMPOSED.search(text) else text


# =============================================================================================
# Quantities
# =============================================================================================

NUMBER_WORDS: dict[str, float] = {word: float(value) for word, value in CARDINALS.items()}
# Fractions that stand for a whole number: डेढ़ लाख = 1.5 लाख.
FRACTIONS: dict[str, float] = {
    _nfc(k): v for k, v in {"डेढ़": 1.5, "ढाई": 2.5, "आधा": 0.5, "आधी": 0.5, "आधे": 0.5}.items()
}
# Words that shift the number after them: साढ़े तीन = 3.5, सवा दो = 2.25, पौने दो = 1.75.
PREFIXES: dict[str, float] = {_nfc(k): v for k, v in {"साढ़े": 0.5, "सवा": 0.25, "पौने": -0.25}.items()}
SCALES: dict[str, float] = {
    _nfc(k): v
    for k, v in {
        "दर्जन": 12, "सौ": 1e2, "हजार": 1e3, "हज़ार": 1e3, "लाख": 1e5, "करोड़": 1e7, "करोड": 1e7, "अरब": 1e9, "खरब": 1e11,
        "मिलियन": 1e6, "बिलियन": 1e9, "ट्रिलियन": 1e12, "million": 1e6, "billion": 1e9,
    }.items()
}
# "एक" and "आधा" are often articles or idioms ("एक बड़ी बाधा"): kept only with a unit that is no duration.
_WEAK_WORDS = _words("एक आधा आधी आधे")

_DIGITS = r"[0-9०-९]+(?:[.,][0-9०-९]+)*"
_NUM_WORD = rf"(?:{_alt(NUMBER_WORDS.keys() | FRACTIONS.keys() | {'सौ'})}){_END}"
_BASE = rf"(?:(?:{_alt(PREFIXES)})\s+)?(?:{_DIGITS}|{_NUM_WORD})"
_SCALE = rf"(?:{_alt(SCALES)}){_END}"
_SCALE_END = "[रखबन]"  # last letters of हजार, लाख, अरब, मिलियन: "12 हजार 864" = 12864
_QUANTITY = re.compile(
    rf"(?P<cur>₹\s?|{_START}(?:रु\.|रू\.|Rs\.?|INR)\s?)?"
    rf"{_START}(?P<num>{_BASE}(?P<range>[-–](?:{_DIGITS}|{_NUM_WORD}))?(?:\s?{_SCALE})*"
    rf"(?:\s{_BASE}\s?{_SCALE}(?:\s?{_SCALE})*)*"
    rf"(?:(?<={_SCALE_END})\s[0-9०-९]{{1,3}}(?![0-9०-९.,]))?)"  # "12 हजार 864"
    rf"(?P<pct>\s?%)?"
)
# Where a quantity can start: a digit or ₹, or a number word or रु./Rs after a space. Its first
# character is a plain class, so the regex engine skips the other positions quickly.
_CANDIDATE = re.compile(
    rf"[0-9०-९₹]+|[\s(“‘\"'।॥]"
    rf"(?:{_alt(NUMBER_WORDS.keys() | FRACTIONS.keys() | PREFIXES.keys() | {'सौ', 'रु.', 'रू.', 'Rs', 'INR'})})"
)
_OPENING_CHARS = frozenset(w[0] for w in NUMBER_WORDS.keys() | FRACTIONS.keys() | PREFIXES.keys() | {"सौ", "रु", "रू"})
_PIECE = re.compile(rf"{_DIGITS}|[^\s0-9०-९]+")
_BIG_SCALE = re.compile(rf"{_alt(k for k, v in SCALES.items() if v >= 1e5)}")

# --- what a number counts -------------------------------------------------------------------
# Nouns that name the unit when they follow the number ("45 घायल", "250 करोड़ रुपये").
# A trailing * marks a stem that may be followed by more letters ("दम तोड़ा", "जान गंवाई").
UNIT_NOUNS: dict[str, str] = {
    "deaths": "मौत मौतें मौतों मृत्यु मृतक मृतकों शव शवों लाश लाशें लाशों",
    "injured": "घायल घायलों जख्मी ज़ख्मी जख्मियों चोटिल",
    "cases": "मामले मामला मामलों केस केसों संक्रमित संक्रमितों पॉजिटिव पॉज़िटिव पॉजीटिव पोजिटिव पोजीटिव "
    "positive कोरोना_पॉजिटिव कोरोना_संक्रमित इन्फैक्टेड इंफेक्टेड इनफेक्टेड",
    "recovered": "ठीक स्वस्थ डिस्चार्ज रिकवर",
    "tests": "जांच जाँच टेस्ट टेस्टों सैंपल सैंपलों सैम्पल नमूने नमूनों नमूना",
    "rupees": "रुपये रुपए रुपया रुपयों रूपये रूपए रु रु. रू. Rs",
    "dollars": "डॉलर डालर",
    "percent": "प्रतिशत फीसदी फ़ीसदी फीसद पर्सेंट परसेंट",
    "years": "साल सालों वर्ष वर्षों वर्षीय साला बरस",
    "months": "महीने महीना महीनों माह",
    "weeks": "हफ्ते हफ्तों हफ़्ते सप्ताह",
    "days": "दिन दिनों",
    "decades": "दशक दशकों",
    "hours": "घंटे घंटों घंटा",
    "minutes": "मिनट मिनटों",
    "km": "किमी किलोमीटर km",
    "votes": "वोट वोटों मत मतों",
    "seats": "सीट सीटें सीटों",
    "runs": "रन रनों",
    "wickets": "विकेट विकेटों",
    "trains": "ट्रेन ट्रेनें ट्रेनों रेलगाड़ियां रेलगाड़ियों",
    "coaches": "डिब्बे डिब्बों कोच",
    "flights": "उड़ान उड़ानें उड़ानों फ्लाइट फ्लाइटों",
    "beds": "बेड बेडों बिस्तर बिस्तरों",
    "tonnes": "टन",
    "kg": "किलो किलोग्राम",
    "families": "परिवार परिवारों",
    "villages": "गांव गांवों गाँव गाँवों",
    "districts": "जिलों जिले ज़िलों ज़िले",
    "countries": "देश देशों",
    "suspected": "संदिग्ध संदिग्धों",
    "states": "राज्य राज्यों",
    "cities": "शहर शहरों",
    "hospitals": "अस्पताल अस्पतालों",
    "ventilators": "वेंटिलेटर वेंटीलेटर वेंटिलेटरों",
    "points": "अंक अंकों",
    "times": "गुना",
    "liters": "लीटर",
    "degrees": "डिग्री",
    "people": "आबादी",
}
# Nouns for people: the clause's verb decides ("12 लोगों की मौत"), else their own unit.
PERSON_NOUNS: dict[str, str] = {
    "people": "लोग लोगों व्यक्ति व्यक्तियों यात्री यात्रियों नागरिक नागरिकों श्रमिक श्रमिकों मजदूर मजदूरों "
    "महिलाएं महिलाओं पुरुष पुरुषों बच्चे बच्चों छात्र छात्रों जवान जवानों कर्मचारी कर्मचारियों डॉक्टर "
    "डॉक्टरों पुलिसकर्मी पुलिसकर्मियों भारतीय भारतीयों विदेशी विदेशियों सदस्य सदस्यों प्रवासी प्रवासियों "
    "जमाती जमातियों स्वास्थ्यकर्मी स्वास्थ्यकर्मियों कैदी कैदियों पर्यटक पर्यटकों पीड़ित पीड़ितों महिला "
    "युवक युवकों युवती युवतियों लड़का लड़के लड़की लड़कियों बच्चा बच्ची जने जनें जना",
    "cases": "मरीज मरीजों मरीज़ मरीज़ों रोगी रोगियों पेशेंट पेशेंट्स",
}
# What happened to them: searched in the rest of the clause ("45 लोग … घायल हुए").
STATE_CUES: dict[str, str] = {
    "deaths": "मौत* मृत्यु मारे_गए मारे_गये मारे_जा* मरे मरने मर_गए मर_चुके मृत जान_गई जान_गयी जान_गंवा* जान_गँवा* "
    "जान_गवां* जान_चली जान_से_हाथ_धो* दम_तोड़* निधन शव शवों लाश लाशें लाशों",
    "injured": "घायल जख्मी ज़ख्मी चोटिल चोट*",
    "cases": "टेस्ट_पॉजिटिव* जांच_में_पॉजिटिव* जांच_रिपोर्ट_पॉजिटिव* रिपोर्ट_पॉजिटिव* संक्रमित* संक्रमण "
    "पॉजिटिव पॉज़िटिव पॉजीटिव पोजिटिव पोजीटिव पुष्टि इन्फैक्टेड इंफेक्टेड इनफेक्टेड",
    "recovered": "ठीक स्वस्थ डिस्चार्ज रिकवर* सही_हो* से_छुट्टी छुट्टी_दे* छुट्टी_मिल* मात_दे* संक्रमण_को_मात* "
    "कोरोना_को_मात* जंग_जीत* मुक्ति संक्रमण_मुक्त*",
    "tests": "जांच जाँच टेस्ट टेस्टिंग सैंपल नमूने",
    "negative": "जांच_रिपोर्ट_निगेटिव* रिपोर्ट_निगेटिव* जांच_में_निगेटिव* टेस्ट_निगेटिव* निगेटिव* नेगेटिव*",  # people whose test came back negative are no count of tests
    "people": "प्रभावित",
    "missing": "लापता",
    "arrested": "गिरफ्तार गिरफ़्तार",
    "quarantined": "क्वारंटाइन* क्वारंटीन* क्वारेंटाइन* आइसोलेशन आइसोलेट*",
}
# Words between a number and its noun that say nothing about the unit ("5 से अधिक नए मामले").
_MODIFIERS = _words(
    "से अधिक ज्यादा ज़्यादा कम करीब लगभग तक ही भी की के का नए नये नई नयी नया और अन्य कुल कोरोना "
    "कोरोनावायरस कोविड कोविड-19 वायरस सक्रिय एक्टिव ताजा ताज़ा केवल सिर्फ महज मात्र"
)
# Verbs the noun may come after ("15 मिले कोरोना पॉजिटिव").
_TRANSPARENT = _words("मिले मिला मिली आए आये आई हुए हुई पाए पाये पाई सामने")
DURATIONS = frozenset({"decades", "years", "months", "weeks", "days", "hours", "minutes"})  # units that are spans of time
HARM_WITHIN_WORDS = 4  # "दो अन्य गंभीर रूप से घायल": the words between a toll and the harm it names


def _cue_words(*tables: dict[str, str]) -> list[str]:
    """All words of the given unit tables, stems with their trailing *."""
    return [word for table in tables for spaced in table.values() for word in spaced.split()]


def _cue_labels(*tables: tuple[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Cue text → (kind, unit): n unit noun, p person noun, s state, t verb; later tables win."""
    labels = {}
    for kind, table in tables:
        for unit, spaced in table.items():
            for word in spaced.split():
                labels[_nfc(word.rstrip("*").replace("_", " "))] = (kind, unit)
    return labels


_CUE_LABELS = _cue_labels(
    ("t", {"": " ".join(_TRANSPARENT)}), ("s", STATE_CUES), ("p", PERSON_NOUNS), ("n", UNIT_NOUNS)
)
# The first word after the number (past modifiers): a unit noun, a person noun, a state or a verb.
_LEAD = re.compile(
    rf"\s*(?:(?:{_alt(_MODIFIERS)}){_END}\s*)*"
    rf"(?P<cue>{_trie(_cue_words(UNIT_NOUNS, PERSON_NOUNS, STATE_CUES) + sorted(_TRANSPARENT))})"
)
_STATE = re.compile(_trie(_cue_words(STATE_CUES), word_start=True))
_PERSON_NEXT = re.compile(rf"\s*(?:{_trie(_cue_words(PERSON_NOUNS))})")
_ANY_CUE = re.compile(_trie(_cue_words(UNIT_NOUNS, PERSON_NOUNS, STATE_CUES), word_start=True))


def _label(text: str) -> tuple[str, str]:
    """(kind, unit) of a matched cue, whatever whitespace it was written with."""
    return _CUE_LABELS[" ".join(text.split())]


def _state_unit(window: str, pos: int = 0) -> str:
    """The unit of the first state named in ``window`` from ``pos`` ("… की मौत हो गई" → deaths)."""
    state = _STATE.search(window, pos)
    return _state_named(state.group()) if state else ""


def _state_named(cue: str) -> str:
    """The unit of a state cue as matched, whatever whitespace it was written with ("मारे  गए" → deaths)."""
    return _STATE_LABELS[" ".join(cue.split())][1]


_STATE_LABELS = _cue_labels(("s", STATE_CUES))

# Words that make the number before them a total of what precedes: "मरने वालों की संख्या 17 है".
_AGGREGATE = re.compile(
    _trie(
        _words("संख्या आंकड़ा आंकड़े आंकड़ों आँकड़ा आंकडा आंकडे तादाद कुल टैली बढ़कर घटकर में_से बढ़_कर घट_कर"),
        word_start=True,
    )
)
# Places name where, not what: "जिले में कुल मरीजों की संख्या" counts patients.
_PLACES = frozenset({"districts", "countries", "villages", "states", "cities", "hospitals"})
_POSTPOSITION_FIRST = re.compile(rf"\s*(?:को|ने){_END}")
# "141 करोड़ के टेंडर" is money; "12 लाख के पार" is not.
_MONEY_OF = re.compile(
    rf"\s*(?:के|की|का)\s+(?!(?:{_alt(_words('पार करीब आसपास ऊपर नीचे लगभग बीच पास बराबर'))}){_END})"
)
_CLAUSE_MARKS = ",;:।॥?!()“”‘’\"–—"
_CLAUSE_END = re.compile(f"[{re.escape(_CLAUSE_MARKS)}]")
_LAST_CLAUSE_END = re.compile(f".*[{re.escape(_CLAUSE_MARKS)}]", re.DOTALL)
_LIST_JOIN = re.compile(
    rf"\s*(?:,|[-–]|(?:{_alt(_words('और व या तथा एवं से से_लेकर से_बढ़कर से_बढ़_कर से_घटकर बढ़कर बढ़_कर घटकर घट_कर'))}){_END})\s*"
)
_PERCENT_CHANGE_TO = re.compile(r"\s*(?:फीसदी|फीसद|प्रतिशत|%)\s+(?:बढ़|घट|गिर|चढ़)\s?कर\s*")
_PER_HOUR = re.compile(r"\s*(?:प्रति\s+घंटे|प्रति\s+घंटा|/\s*घंटा|प्रतिघंटा)")  # "70 किलोमीटर प्रति घंटे": a speed
_CALL = re.compile(r"\s+पर\s+(?:फोन|कॉल|संपर्क)")  # "1075 पर फोन करें": a number to dial
# Things a person noun can describe: "56 श्रमिक स्पेशल ट्रेनें" counts trains.
_THINGS = frozenset(
    {"trains", "coaches", "flights", "beds", "ventilators", "tonnes", "kg", "liters", "rupees", "dollars"}
)
_NEXT_THING = re.compile(
    rf"\s*(?:[{_W}]+\s+)?(?P<cue>{_trie(_cue_words({k: v for k, v in UNIT_NOUNS.items() if k in _THINGS}))})"
)

# --- numbers that are not quantities ----------------------------------------------------------
MONTHS = _words(
    "जनवरी फरवरी फ़रवरी मार्च अप्रैल अप्रेल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर "
    "दिसंबर दिसम्बर january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_TIME_AFTER = _words("बजे बजकर बज am pm a.m p.m hrs")
_TIME_BEFORE = _words("सुबह शाम रात दोपहर तड़के")
# Words before a number that make it a label, not an amount: "धारा 144", "लॉकडाउन 3.0".
_LABEL_BEFORE = _words(
    "धारा अनुच्छेद नंबर नं नं. क्रमांक वार्ड सेक्टर कक्षा हेल्पलाइन फोन मोबाइल पिन कोड गेट प्लेटफॉर्म "
    "प्लेटफार्म पेज पृष्ठ रूट फेज स्टेज लेवल वर्जन संस्करण सीजन लॉकडाउन एनएच NH No No."
)
_RATE_BEFORE = _words("प्रति हर")
_YEAR_BEFORE = _words("साल वर्ष सन सन् ईस्वी")  # "वर्ष 2020": a year; "पिछले साल 500 लोग": a count
_LABEL_AFTER = _words("वीं वें वां वी वे वा th st nd rd नंबर नं")
_NOT_AFTER_INFINITIVE = _words("दो")  # "जाने दो", "होने दो": a verb, not a number
_YEAR = re.compile(r"(?:19|20)\d\d")


def find_quantities(text: str) -> list[Quantity]:
    """Numbers in ``text`` with what they count, in reading order.

    Reads Latin and Devanagari digits ("1,50,000", "१२", "1.5"), number words ("बारह",
    "डेढ़", "साढ़े तीन"), scales ("एक लाख बीस हज़ार" = 120000, "ढाई सौ करोड़" = 2.5e9) and
    percentages ("61%", "58.6 प्रतिशत"). ``unit`` comes from the noun after the number and the
    clause's verb ("12 लोगों की मौत" → deaths, "45 लोग घायल" → injured), else from a total
    named before it ("मरने वालों की संख्या 17" → deaths), else "". Dates ("28 जनवरी 2026"),
    calendar years ("2015 में"), times ("10 बजे"), labels ("धारा 144", "कोविड-19", "G20") and
    ordinals ("12वीं") are left out.

    >>> [(q.value, q.unit) for q in find_quantities("हादसे में 12 लोगों की मौत हो गई और डेढ़ सौ घायल हुए।")]
    [(12.0, 'deaths'), (150.0, 'injured')]
    """
    text = _prepare(text)
    sentences = sentence_offsets(text)
    offsets = [start for start, _ in sentences]
    starts: dict[int, list[int]] = {}  # sentence index → where a quantity may start in it
    if text[:1] in _OPENING_CHARS:
        starts[0] = [0]
    for candidate in _CANDIDATE.finditer(text):
        first = candidate.group()[0]
        pos = candidate.start() + (0 if first in _DIGIT_CHARS or first == "₹" else 1)
        index = bisect_right(offsets, pos) - 1
        if index >= 0:
            starts.setdefault(index, []).append(pos - offsets[index])
    found: list[Quantity] = []
    for index, positions in starts.items():
        found.extend(_sentence_quantities(sentences[index][1], index, positions))
    return found


def _sentence_quantities(sentence: str, index: int, starts: list[int]) -> list[Quantity]:
    """The quantities of one sentence: match, drop non-quantities, find units, share them in lists."""
    matches = _quantity_matches(sentence, starts)
    if not matches:
        return []
    skip = [_is_not_a_quantity(sentence, m) for m in matches]
    for i in range(len(matches) - 2, -1, -1):  # "7 से 11 बजे", "5 से 10 मई": the first end of a time range
        if skip[i + 1] and _LIST_JOIN.fullmatch(sentence[matches[i].end() : matches[i + 1].start()]):
            skip[i] = True
    matches = [m for m, skipped in zip(matches, skip) if not skipped]
    kept: list[tuple[re.Match, str]] = []
    for i, match in enumerate(matches):
        next_start = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        prev_end = matches[i - 1].end() if i else 0
        kept.append((match, _unit(sentence, match, prev_end, next_start)))
    units = _share_units_in_lists(sentence, kept) if len(kept) > 1 else [unit for _, unit in kept]
    out = []
    for (match, _), unit in zip(kept, units):
        value = _value(match)
        if value is None or not _worth_keeping(match, unit):
            continue
        out.append(Quantity(value=value, text=match.group().strip(), unit=unit, sentence=index))
    return out


def _quantity_matches(sentence: str, starts: list[int]) -> list[re.Match]:
    """The matches of ``_QUANTITY`` at the candidate ``starts``, without overlaps."""
    matches: list[re.Match] = []
    end = 0
    for pos in starts:
        if pos < end:
            continue
        match = _QUANTITY.match(sentence, pos)
        if match and match.group():
            matches.append(match)
            end = match.end()
    return matches


def _value(match: re.Match) -> float | None:
    """The number a quantity match stands for; a range counts as its lower bound."""
    num = match.group("num")
    if " " not in num and not match.group("range") and (num[-1] in _DIGIT_CHARS or num in NUMBER_WORDS):
        return _base_value(num)  # the common case: "12", "1,024", "बारह"
    if match.group("range"):
        offset = match.start("num")
        num = num[: match.start("range") - offset] + num[match.end("range") - offset :]
    total, group, bump, last_big = 0.0, None, 0.0, float("inf")
    for piece in _PIECE.findall(num):
        if piece in PREFIXES:
            bump = PREFIXES[piece]
        elif piece in SCALES:
            scale = SCALES[piece]
            if scale < 1e3:
                group = (1.0 if group is None else group) * scale
            elif scale < last_big:
                total += (1.0 if group is None else group) * scale
                group, last_big = None, scale
            else:
                total = (total + (group or 0.0)) * scale
                group, last_big = None, scale
        else:
            base = _base_value(piece)
            if base is None:
                return None
            group, bump = base + bump, 0.0
    total += group or 0.0
    return float(f"{total:.12g}")


def _base_value(piece: str) -> float | None:
    """One number: "12", "1,50,000", "१.५", "बारह", "डेढ़"; None for "28.01.2026"."""
    if piece in NUMBER_WORDS:
        return NUMBER_WORDS[piece]
    if piece in FRACTIONS:
        return FRACTIONS[piece]
    if piece == "सौ":
        return 100.0
    plain = ascii_digits(piece)
    if plain.count(".") > 1:
        return None
    if plain.isdigit():
        return float(plain)
    try:
        return float(plain.replace(",", ""))
    except ValueError:
        return None


def _is_not_a_quantity(sentence: str, match: re.Match) -> bool:
    """Dates, times, years after a month, labels, codes and ordinals."""
    start, end = match.start("num"), match.end()
    num = match.group("num")
    before = sentence[start - 1] if start else " "
    before2 = sentence[start - 2] if start > 1 else " "
    after = sentence[end] if end < len(sentence) else " "
    after2 = sentence[end + 1] if end + 1 < len(sentence) else " "
    if num.count(".") > 1:  # 28.01.2026
        return True
    span = match.group("range")
    if span and span[1:] == num[: match.start("range") - start]:  # एक-एक
        return True
    if before == "-" and _is_word_char(before2) or before in ":/" and before2.isdigit():  # कोविड-19, 10:30
        return True
    if after != " ":
        if after in "-/:" and _is_word_char(after2):  # 28-MAR-2020, 10:30, 1/2
            return True
        if num[-1] in _DIGIT_CHARS and _is_word_char(after):  # 12वीं, 8I, 5G
            return True
        next_word = ""
    else:
        found = _WORD.match(sentence, end + 1)
        next_word = found.group() if found else ""
    prev_word = _last_word(sentence, start)
    next_lower, prev_lower = next_word.lower(), prev_word.lower()
    if next_lower in MONTHS or prev_lower in MONTHS:
        return True
    if next_lower.rstrip(".") in _TIME_AFTER or next_word in _LABEL_AFTER:
        return True
    if next_word == "पर" and _CALL.match(sentence, end):
        return True
    if prev_word in _TIME_BEFORE or prev_word in _LABEL_BEFORE and not match.group("cur"):
        return True
    if prev_word in _RATE_BEFORE:  # "प्रति 1000 व्यक्ति बेड", "हर 10 लाख की आबादी पर": a rate's base, not a count
        return True
    if num[0] not in _DIGIT_CHARS:
        if num in _NOT_AFTER_INFINITIVE and (prev_word.endswith("ने") or not next_word):  # "जाने दो"
            return True
        if not next_word and " " not in num:  # a number word before punctuation: "दो।" is an imperative
            return True
        return False
    plain = ascii_digits(num)
    if prev_word in _YEAR_BEFORE and _YEAR.fullmatch(plain):
        return True
    if plain.isdigit() and (len(plain) >= 7 or (plain[0] == "0" and len(plain) > 1)):  # phone numbers, codes
        return True
    return not sentence[:start].strip() and after in ".)"  # "3." heading a list item


def _is_word_char(ch: str) -> bool:
    """True for a letter, digit, Devanagari sign (not danda) or ZWJ/ZWNJ."""
    return ch.isalnum() or ch in _JOINERS or ("\u0900" <= ch <= "\u097f" and ch not in "।॥")


def _last_word(text: str, end: int) -> str:
    """The word just before ``end``, without punctuation around it."""
    words = text[max(0, end - 40) : end].split()
    return words[-1].strip(_PUNCTUATION) if words else ""


def _unit(sentence: str, match: re.Match, prev_end: int, next_start: int) -> str:
    """What the number counts, from the words after it, then a total named before it."""
    if match.group("pct"):
        return "percent"
    if match.group("cur"):
        return "rupees"
    window = _clause_after(sentence, match.end(), next_start)
    lead = _LEAD.match(window)
    if not lead and _POSTPOSITION_FIRST.match(window):  # "1,256 को अस्पताल से छुट्टी मिली"
        unit = _state_unit(window)
        if unit:
            return unit
    if not lead:
        unit = _harm_right_after(window)
        if unit:
            return unit
    if lead:
        kind, unit = _label(lead.group("cue"))
        if unit == "cases" and kind != "p":  # "33 पॉजिटिव मरीजों के स्वस्थ होने" → recovered
            person = _PERSON_NEXT.match(window, lead.end())
            state = _state_unit(window, person.end()) if person else ""
            if state and state not in ("cases", "tests"):
                return state
        if kind in ("n", "s"):
            return "km/h" if unit == "km" and _PER_HOUR.match(window, lead.end()) else unit
        if kind == "p":
            thing = _NEXT_THING.match(window, lead.end())
            if thing:
                return _label(thing.group("cue"))[1]
        state = _state_unit(window, lead.end())
        if state:
            return state
        if kind == "p":
            harmed = _HARMED_BEFORE.search(sentence, max(prev_end, match.start() - 30), match.start())
            return _state_named(harmed.group("harm")) if harmed else unit
    unit = _unit_named_before(sentence, match.start(), prev_end)
    if unit:
        return unit
    if _BIG_SCALE.search(match.group("num")) and _MONEY_OF.match(window):
        return "rupees"
    return ""


def _harm_right_after(window: str) -> str:
    """Deaths or injured when the words right after a number whose noun is not one of ours say so:
    whoever they were, a toll ("12 प्रशिक्षुओं की मौत", "60 चरमपंथी मारे गए", "दो अन्य गंभीर रूप से
    घायल", "एक गाइड की कोरोना से मौत"); not a death sentence ("तीन दोषियों की मौत की सजा")."""
    more = _MORE_THAN.match(window)
    start = more.end() if more else 0
    state = _STATE.search(window, start)
    if not state:
        return ""
    unit = _state_named(state.group())
    if unit not in ("deaths", "injured") or (unit == "deaths" and _DEATH_PENALTY.match(window, state.end())):
        return ""
    words = window[start : state.start()].split()
    return unit if len(words) <= HARM_WITHIN_WORDS and _names_whose_harm(words) else ""


def _names_whose_harm(words: list[str]) -> bool:
    """Whether the words between a toll and its harm only say who was harmed: nouns and adjectives,
    then की/के/को right before the harm, or की and a cause or a day ("की कोरोना से", "की गुरुवार
    को"); no new clause ("… पहुंच गई है और मौत के मामले …") and no place or cause of their own ("एक
    मकान के ढहने से मारे गए", "वे एक ऐसी बीमारी से मरे")."""
    words = [word for word in words if word not in _PARTICLES]  # "की भी मौत", "की ही मौत"
    for i, word in enumerate(words):
        if word in _CLAUSE_JOINS:
            return False
        if word in _GENITIVES:
            rest = words[i + 1 :]
            return not rest or (word == "की" and len(rest) <= 2 and rest[-1] in ("से", "को"))
        if word in _POSTPOSITIONS and not (word == "से" and i and words[i - 1] in _MANNER):
            return False
    return True


# People counted after the harm that befell them: "मारे गए थे 90 लोग", "घायल सात जवानों को".
_HARMED_BEFORE = re.compile(
    rf"{_START}(?P<harm>मारे\s+(?:गए|गये)|घायल|जख्मी|ज़ख्मी|मृत)(?:\s+(?:थे|हैं|हुए))?\s+(?:(?:करीब|लगभग|कुल){_END}\s*)?$"
)
_MORE_THAN = re.compile(r"\s*(?:से\s+(?:अधिक|ज्यादा|ज़्यादा)|और|अन्य)(?=\s)")  # "56,700 और माताओं", "50 से अधिक मवेशी"
_DEATH_PENALTY = re.compile(r"\s*की\s+सज़?ा")
_CLAUSE_JOINS = _words("और तथा जबकि व एवं लेकिन मगर परंतु")
_GENITIVES = _words("की के को")
_PARTICLES = _words("भी ही")
_POSTPOSITIONS = _words("से में पर ने तक द्वारा")
_MANNER = _words("रूप तरह")  # "गंभीर रूप से घायल"


def _clause_after(sentence: str, start: int, limit: int) -> str:
    """The words after a number up to the clause's end, the next number or 80 characters."""
    window = sentence[start : min(limit, start + 80)]
    cut = _CLAUSE_END.search(window)
    if cut:
        window = window[: cut.start()]
    return _key(window) if ZWJ in window or ZWNJ in window else window


def _unit_named_before(sentence: str, start: int, prev_end: int) -> str:
    """"संक्रमितों की संख्या बढ़कर 39 हो गई" → cases: the cue closest before a total word."""
    window = sentence[max(prev_end, start - 120) : start]
    if ZWJ in window or ZWNJ in window:
        window = _key(window)
    if not _AGGREGATE.search(window):
        return ""  # the common case: no total named before the number
    if prev_end and _PERCENT_CHANGE_TO.fullmatch(window):
        return ""  # "सेंसेक्स 2 फीसदी बढ़कर 40,000 पर": the level a percentage change reached, no percentage
    cut = _LAST_CLAUSE_END.match(window)
    if cut:
        window = window[cut.end() :]
    totals = list(_AGGREGATE.finditer(window))
    if not totals:
        return ""
    last = totals[-1]
    return _closest_cue(window[: last.start()]) or _closest_cue(window[last.end() :])


def _closest_cue(window: str) -> str:
    """The unit of the cue closest to the end of ``window``.

    A person noun takes a cue named before it ("संक्रमित लोगों" → cases), else its own unit.
    """
    cues = [label for label in map(_label, _ANY_CUE.findall(window)) if label[1] not in DURATIONS | _PLACES]
    if not cues:
        return ""
    kind, unit = cues[-1]
    if kind != "p":
        return unit
    named = [u for k, u in cues[:-1] if k != "p"]
    return named[-1] if named else unit


def _share_units_in_lists(sentence: str, kept: list[tuple[re.Match, str]]) -> list[str]:
    """"30, 36 और 57 वर्ष" and "10 से 15 लोग" share the last unit; "536 से 11,487" and "एक लाख से लेकर
    13 लाख" the first."""
    units = [unit for _, unit in kept]
    joined = [
        bool(_LIST_JOIN.fullmatch(sentence[kept[i][0].end() : kept[i + 1][0].start()]))
        for i in range(len(kept) - 1)
    ]
    for i in range(len(kept) - 2, -1, -1):
        if joined[i] and not units[i]:
            units[i] = units[i + 1]
    for i in range(len(kept) - 1):
        if joined[i] and not units[i + 1]:
            units[i + 1] = units[i]
    return units


def _worth_keeping(match: re.Match, unit: str) -> bool:
    """Calendar years and a bare "एक" are kept only when they plainly count something."""
    if unit and unit != "people" and unit not in DURATIONS:
        return True
    num = match.group("num").strip()
    if _YEAR.fullmatch(ascii_digits(num)) and (not unit or unit in DURATIONS):
        return False
    first = _PIECE.match(num).group()
    if first in _WEAK_WORDS and num == first and (not unit or unit == "people" or unit in DURATIONS):
        return False
    return True


# =============================================================================================
# Quotes
# =============================================================================================

# Verbs that report speech after "X ने": "कहा", "दावा किया", "उम्मीद जताई".
SAY_VERBS = (
    "कहा बताया जताया जताई लिखा पूछा माना जोड़ा दोहराया दावा_किया आरोप_लगाया आरोप_लगाए घोषणा_की ऐलान_किया "
    "स्पष्ट_किया साफ_किया भरोसा_दिलाया आश्वासन_दिया चेतावनी_दी जानकारी_दी ट्वीट_किया अपील_की कहना_था"
).split()
SPOKE_VERBS = "बोले बोलीं बोली बोला".split()
_AUX = r"(?:\s+(?:है|हैं|था|थी|थे))?"
_NE = rf"ने(?<![{_W}]ने){_END}"  # the literal first, so the engine can search for it fast
_NOT_NE = rf"(?:(?!{_NE})[^।“”‘’\"'?!,])"
_OPEN_QUOTE = "“‘'\""
_QUOTE_PAIRS = {"“": "”", "‘": "’", "'": "'", '"': '"'}
# After the verb: a separator, "कि" or an opening quote, at least one of them ("… को महान सफलता
# बताया।" reports no words).
_TAIL = (
    rf"(?=\s*(?:[,:\-–—{_OPEN_QUOTE}]|कि{_END}))"
    rf"\s*(?P<sep>[,:\-–—])?\s*(?P<ki>कि{_END}\s*,?)?\s*(?P<open>[{_OPEN_QUOTE}])?"
)
# Pronoun subjects, also as some outlets write them with a ZWJ after the virama (उन्‍होंने).
_AGENT_PRONOUNS = "उन्होंने उन्होने इन्होंने उसने इसने"
_PRONOUN_ALT = _alt(_words(_AGENT_PRONOUNS) | {w.replace("्", "्" + ZWJ) for w in _words(_AGENT_PRONOUNS)})
PRONOUNS = _words(_AGENT_PRONOUNS + " उनके इनके उनका इनका")

_SAID = re.compile(rf"{_NE}\s+{_NOT_NE}{{0,90}}?{_START}(?P<verb>{_alt(SAY_VERBS)}){_END}{_AUX}{_TAIL}")
_PRONOUN_SAID = re.compile(
    rf"{_START}(?P<pron>{_PRONOUN_ALT}){_END}\s+{_NOT_NE}{{0,90}}?"
    rf"{_START}(?P<verb>{_alt(SAY_VERBS)}){_END}{_AUX}{_TAIL}"
)
_SPOKE = re.compile(rf"{_START}(?P<verb>{_alt(SPOKE_VERBS)}){_END}{_TAIL}")
_SAYING = re.compile(rf"{_START}(?:(?P<pron>उनका|इनका)|का|की)\s+कहना\s+(?:है|था|हैं){_TAIL}")
_ACCORDING = re.compile(rf"{_START}(?:के\s+)?(?:मुताबिक|मुताबिक़|अनुसार){_END}\s*,?\s*")
_ZERO_SUBJECT = re.compile(rf"^(?P<verb>{_alt(SAY_VERBS)}){_END}{_AUX}(?=\s*[,:]?\s*कि{_END}){_TAIL}")
# "“…”, पुतिन ने कहा।" — attribution right after a closing quote.
_AFTER_QUOTE = re.compile(
    rf"[\s,—–-]*(?:(?P<pron>{_PRONOUN_ALT})|(?P<spk>{_NOT_NE}{{1,80}}?)\s+ने)"
    rf"\s+(?:{_NOT_NE}{{0,40}}?\s)?(?:{_alt(SAY_VERBS)}){_END}{_AUX}\s*(?:[।.!]|$)"
    rf"|[\s,—–-]*(?P<spk2>[^।“”,]{{1,80}}?)\s+(?:{_alt(SPOKE_VERBS)}){_END}\s*(?:[।.!]|$)"
)
_QUOTED = re.compile("“([^“”\n]{1,800})”|‘([^‘’\n]{1,400})’")
# Words after which the words before "ने" are no longer the speaker: "बैठक में पुतिन ने".
_CUT_AFTER = _words(
    "में को पर बाद दौरान बीच पहले तो लेकिन मगर किंतु परंतु जबकि हालांकि हालाँकि वहीं वहीँ उधर इधर तब फिर "
    "अब आज कल इसलिए क्योंकि जब बल्कि यहां यहाँ वहां वहाँ ही कि अतः अलावा मुताबिक अनुसार लेकर जानकारी पुष्टि साथ"
)
_LEADING = _words("और व तथा एवं वहीं")
# What a cut after "में" leaves of a participle before the name: "शिविर में रह रहीं …", "… में काम करने वाले …".
_PARTICIPLE_BEFORE_NAME = _words(  # not गया: it is also the city
    "रह रहीं रही रहे रहा रहने रहते रहती कर करने करते करती करता गए गई गये गयी हुए हुई हुआ वाले वाली वाला"
)
_AGE = _words("वर्षीय")  # "62 वर्षीय जोनाली गोगोई": an age before the name, not a number as speaker
_NOT_A_SOURCE = _words(
    "जानकारी खबर खबरों परिभाषा प्रोटोकॉल नियम नियमों निर्देश निर्देशों दिशा-निर्देश दिशा-निर्देशों दिशानिर्देश "
    "दिशानिर्देशों मानक मानकों गाइडलाइन गाइडलाइंस योजना कार्यक्रम "
    "हिसाब तरीके समय शेड्यूल परंपरा उम्मीद अनुमान इसके जिसके जिनके उसके मुताबिक "
    "हालात स्थिति परिस्थिति परिस्थितियों जरूरत जरूरतों आवश्यकता मांग लाइन अधिनियम कानून रुपये डॉलर"  # "जरूरत के मुताबिक": as needed
)
_SENTENCE_FINAL = _words("है हैं था थी थे थीं गया गई गए गये दी दिया किया की रहे रही रहा हुआ हुई हुए")
_MAX_SPEAKER_WORDS = 10
_PRONOUN_REACH = 2
# Up to the last clause mark, a list item's dash, or an agency's dateline ("दो मार्च (भाषा) केंद्रीय …").
_SPEAKER_CUT = re.compile(_nfc(
    r".*(?:[,;:“”‘’\"'।?!—–]|\s-\s|^\s*-\s*|\((?:भाषा|वार्ता|एजेंसी|एजेंसियां|आईएएनएस|आइएएनएस|पीटीआई|पीटीआइ|एएनआई|एएनआइ|यूएनआई|[^()]{0,20}संवाददाता)\))"),
    re.DOTALL)
_MIN_UNATTRIBUTED_WORDS = 4
_MAX_QUOTE_CHARS = 1200  # a quotation closes within its paragraph and this many characters
_POSTPOSITIONS_AFTER_NAME = _words("ने में के की का को पर से जैसे नामक नाम शीर्षक")
_FINITE = _words("है हैं था थी थे हो हूं हूँ")
_FINITE_ENDINGS = tuple(_nfc(e) for e in ("गा", "गी", "गे", "एं", "ें", "ो"))
_TRAILING = "।॥.,;: "


# Each attribution pattern with a substring every match contains: a cheap test before the regex.
_ATTRIBUTIONS = (
    (_SAID, re.compile("ने ")),
    (_PRONOUN_SAID, re.compile("होंने|होने|सने")),
    (_SAYING, re.compile("कहना")),
    (_SPOKE, re.compile("बोल")),
    (_ZERO_SUBJECT, None),
)


def find_quotes(text: str) -> list[Quote]:
    """Attributed quotations in ``text``, in reading order.

    Handles "X ने कहा, “…”" and "X ने कहा कि …" (the indirect quote runs from कि to the end
    of the sentence), "“…”, X ने कहा।", "X के मुताबिक/अनुसार, …", "X का कहना है कि …",
    "X बोले, …" and the verbs of :data:`SAY_VERBS`. The speaker is the noun phrase before
    ने with leading connectives and adverbials cut ("बैठक में पुतिन" → "पुतिन").

    "उन्होंने" (also "उनका कहना है", "उनके मुताबिक", or a sentence opening with "कहा कि")
    takes the subject of one of the two sentences before when that is obvious (see
    :func:`_antecedent`), else stays as written ("" for "कहा कि"). A quotation in quote
    marks with no attribution gets speaker "" when it reads as speech: four words or
    more, ending like a clause, not a name followed by a postposition ("‘…’ में").

    >>> [(q.speaker, q.text) for q in find_quotes("बैठक में पुतिन ने कहा कि रूस तैयार है।")]
    [('पुतिन', 'रूस तैयार है')]
    """
    text = _prepare(text)
    sentences = sentence_offsets(text)
    starts = [start for start, _ in sentences]
    found: list[tuple[int, Quote]] = []
    taken: list[tuple[int, int]] = []  # the spans of the attributions found
    open_spans: list[tuple[int, int]] = []  # those that may still cover a sentence to come
    agents: list[str | None] = []
    for index, (offset, sentence) in enumerate(sentences):
        named = _named_agent(sentence)
        open_spans = [span for span in open_spans if span[1] > offset]  # one that ended before this sentence covers no later one
        if any(start <= offset for start, _ in open_spans):
            agents.append(named)
            continue
        previous = _antecedent(sentences, agents, index)
        attribution = _attribution(text, offset, sentence, previous)
        if attribution:
            position, speaker, quote_text, span, direct = attribution
            if quote_text:
                found.append((position, Quote(speaker=speaker, text=quote_text, sentence=index, direct=direct)))
                taken.append(span)
                open_spans.append(span)
            if speaker and _key(speaker) not in PRONOUNS:
                named = named or speaker
        agents.append(named if named else (previous if _starts_with_pronoun(sentence) else None))
    for match in _outside(taken, _QUOTED.finditer(text)):
        inner = (match.group(1) or match.group(2)).strip()
        index = bisect_right(starts, match.start()) - 1
        speaker = _speaker_after_quote(text, match.end(), agents, index)
        if speaker is None:
            if not _looks_like_speech(inner, text[match.end() : match.end() + 20]):
                continue
            speaker = ""
        found.append((match.start(), Quote(speaker=speaker, text=_clean_quote(inner), sentence=max(index, 0), direct=True)))
    return [quote for _, quote in sorted(found, key=lambda item: item[0])]


def _outside(spans: list[tuple[int, int]], matches):
    """The ``matches`` (in text order) that start in none of ``spans`` (start, end)."""
    spans = sorted(spans)
    next_span, reach = 0, -1  # reach: the furthest end of the spans that start before the match
    for match in matches:
        while next_span < len(spans) and spans[next_span][0] <= match.start():
            reach = max(reach, spans[next_span][1])
            next_span += 1
        if reach <= match.start():
            yield match


def _antecedent(sentences, agents: list[str | None], index: int) -> str | None:
    """Who "उन्होंने" in sentence ``index`` is: the subject of one of the two sentences before.

    Up to :data:`_PRONOUN_REACH` - 1 sentences without a subject may come between, as long
    as none of them names that subject in another role ("… अल-शारा की पुतिन से मुलाकात थी"):
    then the reference is no longer obvious and the pronoun stays.
    """
    for j in range(index - 1, max(-1, index - 1 - _PRONOUN_REACH), -1):
        candidate = agents[j]
        if candidate:
            last = candidate.split()[-1]
            between = (sentences[k][1] for k in range(j + 1, index))
            return None if any(last in sentence for sentence in between) else candidate
    return None


def _attribution(text: str, offset: int, sentence: str, previous: str | None):
    """(position, speaker, quote text, taken span, direct) of the first attribution in a sentence."""
    for pattern, hint in _ATTRIBUTIONS:
        if hint and not hint.search(sentence):
            continue
        for match in pattern.finditer(sentence):
            quoted = _quoted_after(text, offset, sentence, match)
            if quoted is None:
                continue
            pronoun = match.groupdict().get("pron")
            if pattern is _ZERO_SUBJECT:
                speaker = previous or ""
            elif pronoun:
                speaker = previous or pronoun
            else:
                speaker = _speaker(sentence[: match.start()])
                if not speaker:
                    continue
                if _key(speaker) in PRONOUNS:
                    speaker = previous or speaker
            return offset + match.start(), speaker, *quoted
    return _according_to(offset, sentence, previous)


def _quoted_after(text: str, offset: int, sentence: str, match: re.Match) -> tuple[str, tuple[int, int], bool] | None:
    """The words reported after an attribution verb, the span of text they take, and whether
    they are the speaker's own words (in quotation marks).

    A quotation that opens after the verb runs to its closing mark (possibly in a later
    sentence); after "कि", ",", ":" or a dash the rest of the sentence is the quote.
    """
    end = offset + len(sentence)
    if match.group("open"):
        opener = match.group("open")
        start = offset + match.end()
        limit = text.find("\n", start, start + _MAX_QUOTE_CHARS)  # a quotation closes within its paragraph
        close = text.find(_QUOTE_PAIRS[opener], start, limit if limit >= 0 else start + _MAX_QUOTE_CHARS)
        if opener in "'\"" and (close < 0 or close > end):
            close = -1
        stop = close if close >= 0 else end
        quote = _clean_quote(text[start:stop])
        return (quote, (offset + match.start(), max(stop + 1, end)), True) if quote else None
    if not (match.group("ki") or match.group("sep")):
        return None
    clause = sentence[match.end() :]
    if len(clause.split()) < 2:
        return None
    return _clean_quote(clause), (offset + match.start(), end), _in_quotation_marks(clause)


def _according_to(offset: int, sentence: str, previous: str | None):
    """"स्वास्थ्य विभाग के मुताबिक, …": the source and the rest of the sentence."""
    if "मुताबिक" not in sentence and "अनुसार" not in sentence:
        return None
    match = _ACCORDING.search(sentence)
    if not match:
        return None
    before = sentence[: match.start()]
    words = before.split()
    if words and _key(words[-1]) in PRONOUNS:
        speaker = previous or words[-1]
    else:
        speaker = _speaker(before)
        if not speaker or _key(speaker.split()[-1]) in _NOT_A_SOURCE:
            return None
    clause = sentence[match.end() :]
    if len(clause.split()) < 2:
        return None
    span = (offset + match.start(), offset + len(sentence))
    return offset + match.start(), speaker, _clean_quote(clause), span, _in_quotation_marks(clause)


def _in_quotation_marks(clause: str) -> bool:
    """Whether a reported clause is given in quotation marks: "कहा कि “हम तैयार हैं”"."""
    clause = clause.strip()
    return bool(clause) and clause[0] in _QUOTE_PAIRS and _QUOTE_PAIRS[clause[0]] in clause[1:]


def _speaker(before: str) -> str:
    """The noun phrase that ends ``before``: "इसी बीच, अमेरिका के राष्ट्रपति ट्रंप" → "अमेरिका के राष्ट्रपति ट्रंप"."""
    cut = _SPEAKER_CUT.match(before)
    words = (before[cut.end() :] if cut else before).split()
    for i in range(len(words) - 2, -1, -1):  # a full stop split_sentences kept: "… दी है. मुख्यमंत्री"
        if words[i].endswith(".") and _ends_sentence(words[i][:-1]):
            words = words[i + 1 :]
            break
    for i in range(len(words) - 1, -1, -1):
        if _key(words[i]) in _CUT_AFTER or _ends_a_clause(words, i):
            words = words[i + 1 :]
            break
    while words and _key(words[0]) in _LEADING | _PARTICIPLE_BEFORE_NAME:
        words = words[1:]
    if len(words) > 2 and _DIGIT_RUN.fullmatch(words[0]) and _key(words[1]) in _AGE:
        words = words[2:]
    if words and _DIGIT.match(words[0]):
        return ""
    return " ".join(words[-_MAX_SPEAKER_WORDS:])


def _ends_a_clause(words: list[str], i: int) -> bool:
    """Whether word ``i`` closes a clause before the speaker: a finite verb ("… आदेश नहीं है और
    समाजशास्त्रियों ने कहा") or an adverbial participle ("निशाना साधते हुए उपमुख्यमंत्री सुशील मोदी ने
    कहा"). A speaker's noun phrase holds neither."""
    word = _key(words[i])
    if word in _PERFECTIVES and i + 1 < len(words) and _key(words[i + 1]) in _AND:
        return True  # "… कोई भी मामला सामने नहीं आया और | राज्य सरकार के अधिकारियों ने कहा"
    return word in _FINITE or (word == _nfc("हुए") and i > 0 and _key(words[i - 1]).endswith(_nfc("ते")))


_PERFECTIVES = _words("आया आई आए आये गया गई गए गये किया किए किये हुआ हुई दिया दिए दिये लिया लिए लिये")
_AND = _words("और तथा एवं")


def _ends_sentence(word: str) -> bool:
    """True for a word before a full stop that is no abbreviation or initial ("है", "गई", "विभाग")."""
    if word in _SENTENCE_FINAL:
        return True
    return len(word) > 3 and word not in ABBREVIATIONS and "." not in word


def _named_agent(sentence: str) -> str | None:
    """The named subject of a sentence's first "X ने", for resolving a later "उन्होंने"."""
    match = _NE_RE.search(sentence) if " ने " in sentence else None
    if not match:
        return None
    pronoun = _PRONOUN_ANY.search(sentence, 0, match.start())
    if pronoun:
        return None
    speaker = _speaker(sentence[: match.start()])
    if not speaker or len(speaker.split()) > 8 or _key(speaker) in PRONOUNS:
        return None
    return speaker


_NE_RE = re.compile(_NE)
_PRONOUN_ANY = re.compile(rf"{_START}(?:{_PRONOUN_ALT}){_END}")


def _starts_with_pronoun(sentence: str) -> bool:
    """A sentence whose subject is "उन्होंने" (or none: "कहा कि …") keeps the previous subject."""
    return bool(_PRONOUN_ANY.search(_key(sentence[:40]))) or bool(_ZERO_SUBJECT.match(sentence))


def _speaker_after_quote(text: str, end: int, agents: list[str | None], index: int) -> str | None:
    """"“…”, पुतिन ने कहा।" → "पुतिन"; None when no attribution follows the quote."""
    match = _AFTER_QUOTE.match(text, end, min(len(text), end + 160))
    if not match:
        return None
    if match.group("pron"):
        sentences = sentence_offsets(text)
        return _antecedent(sentences, agents, min(index, len(agents))) or match.group("pron")
    speaker = _speaker(match.group("spk") or match.group("spk2") or "")
    return speaker or None


def _clean_quote(text: str) -> str:
    """A quotation without its closing danda and unmatched quote marks.

    "…हुई है।”" with its opening mark elsewhere → "…हुई है"; a quote mark that pairs with
    one inside stays: "हालात “काफी अच्छे” हैं".
    """
    text = text.strip(" " + _TRAILING)
    while text and text[0] in "“‘'\"" and _unmatched_opening(text):
        text = text[1:].lstrip(" " + _TRAILING)
    while text and text[-1] in "”’'\"" and _unmatched_closing(text):
        text = text[:-1].rstrip(" " + _TRAILING)
    return text


def _unmatched_opening(text: str) -> bool:
    """True when the leading quote mark of ``text`` closes nowhere in it."""
    return text.count("“") + text.count("‘") > text.count("”") + text.count("’") or text[0] in "'\""


def _unmatched_closing(text: str) -> bool:
    """True when the trailing quote mark of ``text`` opens nowhere in it."""
    return text.count("”") + text.count("’") > text.count("“") + text.count("‘") or text[-1] in "'\""


def _looks_like_speech(inner: str, after: str) -> bool:
    """An unattributed quotation is speech, not a name or a title ("‘फ्रंटियर्स इन पब्लिक हेल्थ’ में").

    It has enough words, is not followed by a postposition, and ends like a clause: with a
    sentence mark or a finite verb.
    """
    words = inner.split()
    if len(words) < _MIN_UNATTRIBUTED_WORDS:
        return False
    following = _WORD.match(after.lstrip())
    if following and following.group() in _POSTPOSITIONS_AFTER_NAME:
        return False
    last = words[-1].rstrip("”’'\"")
    return last[-1:] in "।?!." or last.rstrip("।?!.") in _FINITE or last.endswith(_FINITE_ENDINGS)


# =============================================================================================
# Recurrence
# =============================================================================================

ORDINALS: dict[str, int] = {
    _nfc(word): value
    for value, spellings in enumerate(
        [
            "", "पहली पहला पहले", "दूसरी दूसरा दूसरे", "तीसरी तीसरा तीसरे", "चौथी चौथा चौथे",
            "पांचवीं पांचवी पांचवां पांचवें पाँचवीं पाँचवां पाँचवें", "छठी छठा छठे", "सातवीं सातवां सातवें",
            "आठवीं आठवां आठवें", "नौवीं नौवां नौवें नवीं नवां नवें", "दसवीं दसवां दसवें",
        ]
    )
    for word in spellings.split()
}
# What can recur. Durations count only after "लगातार" ("लगातार दूसरे दिन").
RECURRING_NOUNS = _words(
    "बार मुलाकात मुलाक़ात भेंट बैठक यात्रा दौरा दौरे दौर लहर वार्ता बातचीत सम्मेलन हमला हमले घटना मैच जीत "
    "खिताब कार्यकाल चरण मौका संबोधन लॉकडाउन मामला मामले मौत"
)
_CONSECUTIVE_NOUNS = _words("दिन साल वर्ष सप्ताह हफ्ते महीने बार")
_AGAIN = (
    "एक_बार_फिर_से एक_बार_फिर फिर_एक_बार एक_बार_और फिर_से दोबारा दुबारा पुनः पहली_बार_नहीं"
).split()
_ORDINAL = rf"(?:{_alt(ORDINALS)}|[0-9०-९]+\s?(?:वीं|वां|वें|वी)|[0-9]+(?:st|nd|rd|th)){_END}"
_RECURRENCE = re.compile(
    rf"{_START}(?:(?P<again>{_alt(_AGAIN)}){_END}"
    rf"|लगातार\s+(?P<cord>{_ORDINAL})\s+(?P<cnoun>{_alt(_CONSECUTIVE_NOUNS)}){_END}"
    rf"|(?P<ord>{_ORDINAL})\s+(?:(?P<adj>[{_W}]+(?:-[{_W}]+)?)\s+)??(?P<noun>{_alt(RECURRING_NOUNS)}){_END})"
)
# Pieces every cue contains; a sentence without any is skipped before the full regex.
_RECURRENCE_HINT = re.compile(
    "पहल|दूसर|तीसर|चौथ|पांचव|पाँचव|छठ|सातव|आठव|नौव|नव|दसव|[0-9०-९]\\s?व|[0-9](?:st|nd|rd|th)|फिर|बारा|पुनः"
)
# A participle that makes "पहली बार … गए" describe a noun after it ("पहली बार रूस गए नेता").
_PARTICIPLES = _words(
    "गए गई गया गये आए आई आया आये हुए हुई हुआ बने बनी बना पहुंचे पहुंची पहुंचा किए की किया मिले मिली मिला"
)
_AUXILIARIES = _words("है हैं था थी थे थीं हो रहे रही रहा गए गई गया गये चुके चुकी चुका हुए हुई")
_NOT_ORDINAL_BEFORE = _words("इससे उससे इसके उसके के से दिन दिनों साल वर्ष महीने हफ्ते घंटे सप्ताह सबसे कुछ बहुत काफी")
_POSTPOSITIONS = _words("का की के में से को पर ने ही भी तो")
_PAST_CONTEXT = re.compile(rf"{_START}(?:इससे\s+पहले|पिछली\s+बार|पिछले\s+साल|पिछले\s+वर्ष){_END}")
_CLAUSE_BREAK = re.compile(rf"[,;:।?!]|{_START}(?:और|लेकिन|मगर|जबकि|तो|इसलिए|ताकि|क्योंकि){_END}")
_SUPPOSING = re.compile(rf"{_START}(?:अगर|यदि){_END}")
_THEN = re.compile(rf"{_START}तो{_END}")
_PAST_COPULA = _words("था थी थे थीं")
# Participles a pluperfect is made of ("खत्म हुआ था", "मिले थे", "कर चुके थे"); "दूसरा मौका था" is a copula.
_PERFECT_PARTICIPLES = _PARTICIPLES | _words(
    "हुईं गईं चुका चुकी चुके दिया दी दिए दिये लिया ली लिए लिये चला चली चले लगा लगी लगे"
)
# A verb in the future tense: "होगी", "करेंगे", "जाएगा", "पहुंचेंगे".
_FUTURE_VERB = re.compile(r"[\u0900-\u097f]*(?:े|ें|ो|ों|ए|एं|ये|यें|ूं|ऊं)(?:गा|गी|गे|गीं)")
LEAD_SENTENCES = 3
# A body cue counts only within this many sentences after the lead, in a sentence that shares
# at least _MIN_SHARED_WORDS content words with the title and lead (it is about the same event).
BODY_REACH = 12
_MIN_SHARED_WORDS = 2
_FUNCTION_WORDS = _words(
    "में की के का से को पर और है हैं था थी थे ने भी ही यह ये वह वे इस उस इन उन एक लिए बाद साथ तक कहा "
    "किया गया गई गए हुई हुआ हुए रहा रही रहे करने होने कर हो जो कि अपने अपनी बार फिर दौरान बीच लेकर "
    "इसके उसके उनके उनकी इसकी सभी कुछ अब तो भी नहीं दोनों करते करता करती वाले वाली"
)


def find_recurrence(text: str, title: str = "") -> Recurrence | None:
    """The ordinal cue of the article's main event, or None.

    Looks in the title, then the lead (first :data:`LEAD_SENTENCES` sentences), then the
    body, and takes the first cue that describes the main event: "पहली बार" → 1,
    "दूसरी मुलाकात" → 2, "लगातार तीसरे दिन" → 3, "एक बार फिर" / "फिर से" / "दोबारा" /
    "पहली बार नहीं" → ordinal None (again). Cues that modify a noun ("पहली बार रूस गए
    नेता"), sit in a sentence about an earlier time ("इससे पहले …") or in a pluperfect clause
    ("… पहला दौर खाली हाथ खत्म हुआ था") are ignored, and so, in the body, are cues of a future or
    supposed happening ("… तीसरे दौर की बातचीत होगी") and cues inside quotation marks. A cue
    found in the title reports the sentence where the text repeats it, else -1.

    >>> find_recurrence("गंगा दो हफ्ते में दूसरी बार उफनी।").ordinal
    2
    """
    text = _prepare(text)
    sentences = [sentence for _, sentence in sentence_offsets(text)]
    if title:
        cue = _first_cue(_prepare(title), -1)
        if cue:
            for index, sentence in enumerate(sentences):
                again = _first_cue(sentence, index)
                if again and (again.ordinal, again.noun) == (cue.ordinal, cue.noun):
                    return again
            return cue
    lead = list(islice((i for i, sentence in enumerate(sentences) if not _is_dateline_line(sentence)), LEAD_SENTENCES))
    for index in lead:
        cue = _first_cue(sentences[index], index)
        if cue:
            return cue
    topic = _content_words(" ".join([title, *(sentences[index] for index in lead)]))
    body = lead[-1] + 1 if lead else 0
    for index in range(body, min(len(sentences), body + BODY_REACH)):
        cue = _first_cue(sentences[index], index, in_body=True)
        if cue and len(_content_words(sentences[index]) & topic) >= _MIN_SHARED_WORDS:
            return cue
    return None


def _is_dateline_line(sentence: str) -> bool:
    """A line that only says where the story was filed: "मुंबई, एएनआइ ।", "नई दिल्ली" (no sentence of the lead)."""
    if not is_dateline(sentence):
        return False
    words = re.split(r"[\s,:।(]+", sentence.strip())
    return any(resolve_place(" ".join(words[:n])) for n in (1, 2))


def _content_words(text: str) -> set[str]:
    """Words of three letters or more that are not function words, as comparison keys."""
    return {key for key in (_key(w) for w in _WORD.findall(text)) if len(key) >= 3 and key not in _FUNCTION_WORDS}


def _first_cue(sentence: str, index: int, in_body: bool = False) -> Recurrence | None:
    """The first cue in ``sentence`` that can describe the main event.

    A body sentence also tells of other happenings than the main one: a cue there in a clause
    about the future ("… तो तीसरे दौर की बातचीत होगी") or inside someone's quoted words is not the
    main event's."""
    if not _RECURRENCE_HINT.search(sentence):
        return None
    for match in _RECURRENCE.finditer(sentence):
        if _tells_an_earlier_happening(sentence, match):
            continue
        if in_body and (_inside_quotation(sentence, match.start()) or _tells_a_later_happening(sentence, match)):
            continue
        cue = _cue(sentence, match, index)
        if cue:
            return cue
    return None


def _clause_around(sentence: str, match: re.Match) -> str:
    """The stretch of ``sentence`` between the clause breaks (punctuation, "और", "तो", …) around ``match``."""
    breaks = [(b.start(), b.end()) for b in _CLAUSE_BREAK.finditer(sentence)]
    start = max((end for begin, end in breaks if end <= match.start()), default=0)
    end = min((begin for begin, _ in breaks if begin >= match.end()), default=len(sentence))
    return sentence[start:end]


def _tells_an_earlier_happening(sentence: str, match: re.Match) -> bool:
    """True when the cue's clause ends in a pluperfect: "… चला पहला दौर खाली हाथ खत्म हुआ था"."""
    words = _WORD.findall(_clause_around(sentence, match))
    return len(words) >= 2 and words[-1] in _PAST_COPULA and words[-2] in _PERFECT_PARTICIPLES


def _tells_a_later_happening(sentence: str, match: re.Match) -> bool:
    """True when the cue's clause has a verb in the future tense ("होगी", "करेंगे", "जाएगा") or
    supposes ("अगर … तीसरे चरण में पहुंचा")."""
    if any(_FUTURE_VERB.fullmatch(word) for word in _WORD.findall(_clause_around(sentence, match))):
        return True
    supposing = _SUPPOSING.search(sentence, 0, match.start())
    return bool(supposing) and not _THEN.search(sentence, supposing.end(), match.start())


def _inside_quotation(sentence: str, position: int) -> bool:
    """True when ``position`` stands inside quotation marks opened before it in ``sentence``."""
    before = sentence[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _cue(sentence: str, match: re.Match, index: int) -> Recurrence | None:
    """The recurrence a cue match stands for, or None when it describes something else."""
    if _PAST_CONTEXT.search(sentence, 0, match.end()):
        return None
    if match.group("again"):
        again = match.group("again")
        noun = "बार" if "बार" in again.split() else ""
        return Recurrence(ordinal=None, text=again, noun=noun, sentence=index)
    ordinal_text = match.group("cord") or match.group("ord")
    noun = match.group("cnoun") or match.group("noun")
    ordinal = _ordinal_value(ordinal_text)
    if ordinal is None:
        return None
    adjective = match.group("adj") if match.group("ord") else None
    if adjective and (adjective in _POSTPOSITIONS or adjective.endswith(("ों", "ओं")) or noun == "बार"):
        return None
    if ordinal_text == "पहले" and _last_word(sentence, match.start()) in _NOT_ORDINAL_BEFORE:
        return None
    if noun == "बार" and _describes_a_noun(sentence[match.end() :]):
        return None
    return Recurrence(ordinal=ordinal, text=match.group().strip(), noun=noun, sentence=index)


def _ordinal_value(text: str) -> int | None:
    """"दूसरी" → 2, "19वां" → 19, "2nd" → 2."""
    if text in ORDINALS:
        return ORDINALS[text]
    digits = _DIGIT_RUN.match(text)
    return int(ascii_digits(digits.group())) if digits else None


def _describes_a_noun(after: str) -> bool:
    """True when a participle within four words is followed by a noun, not an auxiliary."""
    words = _WORD.findall(after[:80].split("।")[0])
    for i, word in enumerate(words[:4]):
        if word in _PARTICIPLES:
            following = words[i + 1] if i + 1 < len(words) else ""
            rest = after[after.find(word) + len(word) :].lstrip()
            if not following or rest[:1] in ",;:।?!" or following in _AUXILIARIES:
                return False
            return True
    return False
