"""One canonical entity for the spellings of one name, across articles and outlets.

Three layers, cheapest first:

* :func:`name_key` – a deterministic, conservative comparison key. Spellings that are
  plainly the same name (मास्को/मॉस्को, गांधी/गान्धी/गाँधी, अल-शरा/अल शरा) get the same key;
  an acronym spelled in Hindi letter names is keyed by its letters (डब्ल्यूएचओ = डब्लूएचओ
  = WHO → ``who``), and a well-known organisation's other names by its first
  (:data:`ORGANISATION_NAMES`: विश्व स्वास्थ्य संगठन → ``who``).
* :func:`same_entity` – key equality, else a guarded fuzzy match word by word on a
  *looser* key (foreign-name folds: ट/त, श/स, व/ब, ऐ/ए, initial ख/ह …). A fuzzy match
  needs words of five or more letters with the same consonants (ं included), the same
  first vowel and last letter, only the usual vowel swaps (a/ā, a/u, i/e) and a high
  similarity, so ईरान/इराक, भारत/भरत and ऑस्ट्रिया/ऑस्ट्रेलिया stay apart. Two places the
  gazetteer knows are the same only if they are the same place.
* :class:`EntityResolver` – fills ``canonical``, ``name``, ``latin`` and ``place`` on the
  mentions of one article: in-article clustering (with an organisation's bracketed acronym),
  surname → full name, then joining known entities found through a blocking index (type +
  consonant skeleton), never a full scan. A surname alone joins the one known person whose
  full name ends in it; diseases tagged as names (कोरोना, कोविड-19) are dropped.

>>> name_key("मॉस्को", "LOC") == name_key("मास्को", "LOC")
True
>>> same_entity("तर्तूस", "टार्टस", "LOC"), same_entity("ईरान", "इराक", "LOC")
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from rapidfuzz.distance import Indel

from .models import Mention
from .translit import to_latin

TYPES = ("PER", "LOC", "ORG")
STATE_VERSION = 1

# --- the strict key -----------------------------------------------------------------

_VIRAMA, _NUKTA, _ANUSVARA = "\u094d", "\u093c", "\u0902"
_CONSONANT = "\u0915-\u0939\u0958-\u095f"
_MARKS = "\u0900-\u0903\u093a-\u094f\u0955-\u0957\u0962\u0963"

# One character to one string, applied after NFC (which splits क़ → क + ़).
_STRICT_CHARS = str.maketrans(
    {
        _NUKTA: None,  # ज़→ज, फ़→फ, ड़→ड, क़→क
        "\u0929": "\u0928",  # ऩ → न (the nukta letters NFC keeps whole)
        "\u0931": "\u0930",  # ऱ → र (अऱविंद, a typing slip for अरविंद)
        "\u0934": "\u0933",  # ऴ → ळ
        "\u0901": _ANUSVARA,  # chandrabindu ँ → anusvara ं
        "\u0903": None,  # visarga ः
        "\u093d": None,  # avagraha ऽ
        "\u0970": None,  # abbreviation sign ॰ (यू॰के॰)
        "\u0949": "\u093e",  # ॉ → ा
        "\u0911": "\u0906",  # ऑ → आ
        "\u0945": "\u0947",  # ॅ → े
        "\u090d": "\u090f",  # ऍ → ए
        "\u0946": "\u0947",  # ॆ → े
        "\u090e": "\u090f",  # ऎ → ए
        "\u094a": "\u094b",  # ॊ → ो
        "\u0912": "\u0913",  # ऒ → ओ
        "\u0940": "\u093f",  # ी → ि
        "\u0908": "\u0907",  # ई → इ
        "\u0942": "\u0941",  # ू → ु
        "\u090a": "\u0909",  # ऊ → उ
        "\u0943": "\u094d\u0930\u093f",  # ृ → ्रि (कृष्ण = क्रिष्ण)
        "\u0944": "\u094d\u0930\u093f",  # ॄ
        "\u090b": "\u0930\u093f",  # ऋ → रि
        "\u0960": "\u0930\u093f",  # ॠ
        "\u0937": "\u0936",  # ष → श (आशीष/आशीश)
        "\u200c": None,  # ZWNJ
        "\u200d": None,  # ZWJ
        ".": None,
        "'": None,
        "\u2019": None,
        "\u2018": None,
    }
)
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
# A doubled consonant written with virama collapses: अब्दुल्ला = अब्दुला, कन्नौज = कनौज.
_GEMINATE = re.compile(rf"([{_CONSONANT}])\u094d\1")
# A vowel sign typed twice: केेंद्र = केंद्र.
_DOUBLED_SIGN = re.compile("([\u093e-\u094c])\\1")
# A vowel after a vowel written with य or without: पिनरायी = पिनराई, नयी = नई, गये = गए (after the
# length fold ी → ि, so यि stands for यी as well).
_Y_GLIDE = re.compile(rf"([{_CONSONANT}\u093e-\u094c])य([\u093f\u0947])")
_GLIDE_VOWELS = {"\u093f": "\u0907", "\u0947": "\u090f"}
# An unaspirated consonant written before its own aspirate is often left out: हर्षवर्द्धन = हर्षवर्धन.
_ASPIRATE_GEMINATE = re.compile("|".join(f"{plain}\u094d{aspirate}" for plain, aspirate in zip("कगचजटडतदपब", "खघछझठढथधफभ")))
# A nasal consonant with virama before a consonant is an anusvara: गान्धी = गांधी, चम्पा = चंपा
# (not at the start of a word: न्यायालय).
_HALF_NASAL = re.compile(rf"(?<=[\u0900-\u097f])[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[{_CONSONANT}])")
# Word separators: space, hyphens and dashes, slash, comma, underscore.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015/,_]+")
_NOT_NAME = re.compile(rf"[^\w{_MARKS}]")

# Honorifics and titles that precede a person's name, and words that follow it.
_PER_PREFIX_WORDS = (
    """श्री श्रीमती सुश्री श्रीमान कुमारी डॉ डा डॉक्टर प्रो प्रोफेसर प्रोफ़ेसर पं पंडित
    मिस्टर मिसेज़ मिसेज स्व स्वर्गीय दिवंगत राष्ट्रपति उपराष्ट्रपति प्रधानमंत्री मुख्यमंत्री
    उपमुख्यमंत्री मंत्री राज्यमंत्री राज्यपाल उपराज्यपाल सांसद विधायक पार्षद महापौर मेयर
    अध्यक्ष महासचिव सचिव प्रवक्ता राजदूत न्यायमूर्ति जस्टिस जनरल कर्नल मेजर कैप्टन
    जिलाधिकारी डीएम एसपी एसएसपी डीजीपी आईजी कलेक्टर कमिश्नर आयुक्त इंस्पेक्टर दरोगा
    सीएम पीएम सीईओ निदेशक चेयरमैन अभिनेता अभिनेत्री गायक गायिका सिंगर
    रेलमंत्री गृहमंत्री वित्तमंत्री स्वास्थ्यमंत्री मंडलायुक्त उपायुक्त मजिस्ट्रेट डायरेक्टर
    बिजनेसमैन पुरातत्वविद् राष्ट्रपिता पूर्व वरिष्ठ अपर अतिरिक्त उप संयुक्त मुख्य प्रधान""".split()
    # the department after a secretary's title: "अपर मुख्य सचिव गृह आमिर सुबहानी"
    + "गृह कृषि योजना वित्त विभाग".split()
)
_PER_SUFFIXES = frozenset(name.translate(_STRICT_CHARS) for name in "जी साहब साहेब".split())
# The Arabic article is glued to the word after it: अल-शरा = अल शरा = अलशरा.
_ARTICLES = frozenset(["अल"])


# English letters as Hindi writes their names, for acronyms: डब्ल्यूएचओ = डब्लूएचओ = WHO.
LETTER_NAMES: dict[str, tuple[str, ...]] = {
    "a": ("ए",), "b": ("बी",), "c": ("सी",), "d": ("डी",), "e": ("ई",), "f": ("एफ", "एफ़"),
    "g": ("जी",), "h": ("एच", "ऐच"), "i": ("आई", "आइ"), "j": ("जे",), "k": ("के",), "l": ("एल",),
    "m": ("एम",), "n": ("एन",), "o": ("ओ",), "p": ("पी",), "q": ("क्यू",), "r": ("आर",),
    "s": ("एस",), "t": ("टी",), "u": ("यू",), "v": ("वी",),
    "w": ("डब्ल्यू", "डब्लू", "डबल्यू", "डबलू", "डब्ल्यु"), "x": ("एक्स",), "y": ("वाई", "वाय"),
    "z": ("जेड", "ज़ेड"),
}
MIN_ACRONYM_LETTERS = 2
# What an acronym's letters are compared without: nukta, ZWJ/ZWNJ, stops (डी.एम., यू॰के॰).
_LETTER_MARKS = re.compile("[\u093c\u200c\u200d\u0970.]")
_LETTER_SPELLINGS = tuple(
    sorted(
        {(_LETTER_MARKS.sub("", unicodedata.normalize("NFC", spelling)), letter)
         for letter, spellings in LETTER_NAMES.items() for spelling in spellings},
        key=lambda pair: (-len(pair[0]), pair),
    )
)
# The same by their first character, in the same order: a word's next letter name starts with its next character.
_LETTER_SPELLINGS_FROM: dict[str, tuple[tuple[str, str], ...]] = {
    first: tuple(pair for pair in _LETTER_SPELLINGS if pair[0][0] == first)
    for first in {spelling[0] for spelling, _ in _LETTER_SPELLINGS}
}


@lru_cache(maxsize=100_000)
def name_key(name: str, type: str = "PER") -> str:
    """The comparison key of a name: words of folded Devanagari joined by ``-``.

    Folds (for every type): NFC; ZWJ/ZWNJ, nukta, visarga, ``॰`` and full stops dropped;
    ँ → ं; ॉ/ऑ → ा/आ; ॅ ॆ ॊ → े ए ो; vowel length ि=ी, ु=ू, इ=ई, उ=ऊ; ृ/ऋ → रि; ष → श;
    a doubled consonant with virama → one (अब्दुल्ला = अब्दुला); a nasal with virama before
    a consonant → ं (गान्धी = गांधी); every remaining virama dropped (तर्तूस = तरतुस);
    hyphen, dash, comma and space → one ``-``; the article अल glued to the next word
    (अल-शरा = अल शरा = अलशरा); Latin lower-cased; Devanagari digits → ASCII; a word that is
    wholly English letter names as Hindi writes them (with their long vowels) → those
    letters (डब्ल्यूएचओ, डब्लूएचओ → ``who``, like WHO; सिटी stays a word).
    For ``PER`` leading titles (श्री, डॉ., राष्ट्रपति …) and a trailing जी are dropped.
    Folds that could join distinct names (ट/त, श/स, व/ब, ऐ/ए …) are *not* here; they are
    used only by :func:`same_entity`'s guarded fuzzy match.

    >>> name_key("अल-शारा", "PER"), name_key("गान्धी", "PER")
    ('अलशारा', 'गांधि')
    """
    key = _folded_key(name, type)
    return _organisation_key(key) if type == "ORG" else key


def _folded_key(name: str, type: str) -> str:
    """:func:`name_key` before an organisation's other names are read as its first."""
    text = unicodedata.normalize("NFC", name).lower().translate(_DIGITS)
    words = [w for w in (_word_form(w) for w in _SEPARATORS.split(text)) if w]
    if type == "PER":
        words = _strip_titles(words)
    folded = [_fold_word(w) for w in _glue_articles(words)]
    forms = _WORD_FORMS.get(type)
    return "-".join(forms.get(w, w) for w in folded) if forms else "-".join(folded)


def _organisation_key(key: str) -> str:
    """One key for an organisation's names (:data:`ORGANISATION_NAMES`); a Union ministry with or
    without "केंद्रीय" (केंद्रीय गृह मंत्रालय = गृह मंत्रालय: India's ministries are the Union's)."""
    if key.startswith(_UNION) and key.endswith(_MINISTRY):
        key = key[len(_UNION):]
    return _ORGANISATION_KEYS.get(key, key)


@lru_cache(maxsize=100_000)
def _word_form(word: str) -> str:
    """One word of a name before the last folds: an acronym spelled in Hindi letter names
    (डब्ल्यूएचओ, डब्लूएचओ) as its English letters (``who``), else the strictly folded word."""
    letters = _spelled_letters(_LETTER_MARKS.sub("", word))
    if letters and len(letters) >= MIN_ACRONYM_LETTERS:
        return letters
    return _NOT_NAME.sub("", word.translate(_STRICT_CHARS))


@lru_cache(maxsize=100_000)
def _spelled_letters(word: str) -> str | None:
    """The English letters a word spells out by their Hindi names (as written, long ी and ू
    kept: सिटी is no acronym), or None if it is not wholly letter names (भाजपा, कोरोना)."""
    if not word or word.isascii():
        return None
    # best[i]: the letters spelling word[:i], or None if it cannot be spelled
    best: list[str | None] = [""] + [None] * len(word)
    for i in range(len(word)):
        if best[i] is None:
            continue
        for spelling, letter in _LETTER_SPELLINGS_FROM.get(word[i], ()):
            if word.startswith(spelling, i) and best[i + len(spelling)] is None:
                best[i + len(spelling)] = best[i] + letter
    return best[-1]


_PER_PREFIXES = frozenset(_word_form(w) for w in _PER_PREFIX_WORDS)


def without_titles(name: str) -> str:
    """A person's name as written, less the honorifics and titles before it that its key drops:
    "डॉ. हर्षवर्धन" → "हर्षवर्धन", "अपर मुख्य सचिव गृह आमिर सुबहानी" → "आमिर सुबहानी". Latin capitals
    are kept ("PM CARES": a fund the tagger took for a person)."""
    words = name.split()
    forms = ["" if word.isascii() else _word_form(unicodedata.normalize("NFC", word)) for word in words]
    return " ".join(words[_leading_titles(forms):])


def _leading_titles(forms: list[str]) -> int:
    """How many of a name's first words (as :func:`_word_form` gives them) are honorifics or
    titles, leaving at least one word."""
    n = 0
    while n < len(forms) - 1 and forms[n] in _PER_PREFIXES:
        n += 1
    return n


def _strip_titles(words: list[str]) -> list[str]:
    """Drop leading honorifics and a trailing जी, keeping at least one word."""
    words = words[_leading_titles(words):]
    while len(words) > 1 and words[-1] in _PER_SUFFIXES:
        words = words[:-1]
    return words


def _glue_articles(words: list[str]) -> list[str]:
    out: list[str] = []
    for word in words:
        if out and out[-1] in _ARTICLES:
            out[-1] += word
        else:
            out.append(word)
    return out


@lru_cache(maxsize=100_000)
def _fold_word(word: str) -> str:
    word = _DOUBLED_SIGN.sub(r"\1", word)
    word = _Y_GLIDE.sub(lambda match: match.group(1) + _GLIDE_VOWELS[match.group(2)], word)
    word = _GEMINATE.sub(r"\1", word)
    word = _ASPIRATE_GEMINATE.sub(lambda match: match.group(0)[-1], word)
    word = _HALF_NASAL.sub(_ANUSVARA, word)
    return word.replace(_VIRAMA, "")


def _forms(pairs: str) -> dict[str, str]:
    """``"a:b c:d"`` → the folded key word of each spelling to the folded key word of its form."""
    return {_fold_word(_word_form(a)): _fold_word(_word_form(b)) for a, b in (pair.split(":") for pair in pairs.split())}


# Words one name is written with either way: the connectives and "of/for" of an institution's
# name (स्वास्थ्य एवं परिवार कल्याण मंत्रालय = स्वास्थ्य और परिवार कल्याण मंत्रालय, इंडियन
# काउंसिल फॉर/ऑफ मेडिकल रिसर्च) and its kind in English or Hindi (राम मनोहर लोहिया हॉस्पिटल /
# अस्पताल), and surnames with a Sanskrit and a Hindi form (पांडेय / पांडे).
_WORD_FORMS = {
    "ORG": _forms("एवं:और व:और तथा:और एंड:और and:और फॉर:ऑफ for:ऑफ of:ऑफ "
                  "हॉस्पिटल:अस्पताल यूनिवर्सिटी:विश्वविद्यालय इंस्टीट्यूट:संस्थान इंस्टिट्यूट:संस्थान "
                  "मिनिस्ट्री:मंत्रालय डिपार्टमेंट:विभाग"),
    "PER": _forms("पांडेय:पांडे पाण्डेय:पांडे मिश्र:मिश्रा शुक्ल:शुक्ला"),
}

# The names an organisation of Indian news goes by: its Hindi name, its Hindi acronym and its
# English one, and the English name shown for it. Each row is one organisation, and every name of it
# keys as its first: the name a Hindi headline writes it by, where that is one word
# (headline.HEADLINE_SHORT_FORMS reads it so). Not "आप" (also "you") for the Aam Aadmi Party.
ORGANISATION_NAMES = (
    ("BJP", ("भाजपा", "बीजेपी", "भारतीय जनता पार्टी")),
    ("Congress", ("कांग्रेस", "कांग्रेस पार्टी", "भारतीय राष्ट्रीय कांग्रेस", "इंडियन नेशनल कांग्रेस")),
    ("BSP", ("बसपा", "बीएसपी", "बहुजन समाज पार्टी")),
    ("Samajwadi Party", ("सपा", "समाजवादी पार्टी")),
    ("RJD", ("राजद", "आरजेडी", "राष्ट्रीय जनता दल")),
    ("JD(U)", ("जदयू", "जेडीयू", "जनता दल यूनाइटेड", "जनता दल (यूनाइटेड)")),
    ("Aam Aadmi Party", ("आम आदमी पार्टी", "एएपी")),
    ("WHO", ("डब्ल्यूएचओ", "विश्व स्वास्थ्य संगठन")),
    ("UNICEF", ("यूनिसेफ", "संयुक्त राष्ट्र बाल कोष")),
    ("ICMR", ("आईसीएमआर", "भारतीय आयुर्विज्ञान अनुसंधान परिषद")),
    ("AIIMS", ("एम्स", "अखिल भारतीय आयुर्विज्ञान संस्थान")),
    ("United Nations", ("संयुक्त राष्ट्र", "संयुक्त राष्ट्र संघ", "यूएन")),
    ("Reserve Bank of India", ("रिजर्व बैंक", "भारतीय रिजर्व बैंक", "आरबीआई")),
    ("State Bank of India", ("स्टेट बैंक", "भारतीय स्टेट बैंक", "स्टेट बैंक ऑफ इंडिया", "एसबीआई")),
    ("CBI", ("सीबीआई", "केंद्रीय अन्वेषण ब्यूरो")),
    ("NIA", ("एनआईए", "राष्ट्रीय जांच एजेंसी")),
    ("NDRF", ("एनडीआरएफ", "राष्ट्रीय आपदा मोचन बल")),
    ("CBSE", ("सीबीएसई", "केंद्रीय माध्यमिक शिक्षा बोर्ड")),
    ("Supreme Court", ("सुप्रीम कोर्ट", "उच्चतम न्यायालय", "सर्वोच्च न्यायालय", "शीर्ष अदालत")),
    ("Government of India", ("केंद्र सरकार", "भारत सरकार")),
    ("Ministry of Health and Family Welfare", ("स्वास्थ्य मंत्रालय", "स्वास्थ्य एवं परिवार कल्याण मंत्रालय")),
    ("Election Commission", ("चुनाव आयोग", "निर्वाचन आयोग", "भारत निर्वाचन आयोग")),
    ("Ministry of Home Affairs", ("गृह मंत्रालय",)),
    ("Ministry of External Affairs", ("विदेश मंत्रालय",)),
    ("Ministry of Finance", ("वित्त मंत्रालय",)),
    ("Ministry of Railways", ("रेल मंत्रालय",)),
    ("Ministry of Defence", ("रक्षा मंत्रालय",)),
    ("Ministry of Civil Aviation", ("नागरिक उड्डयन मंत्रालय",)),
    ("Ministry of Labour and Employment", ("श्रम मंत्रालय",)),
    ("Ministry of Human Resource Development", ("मानव संसाधन विकास मंत्रालय",)),
    ("NITI Aayog", ("नीति आयोग",)),
    ("World Bank", ("विश्व बैंक",)),
    ("Indian Railways", ("भारतीय रेलवे",)),
    ("Indian Army", ("भारतीय सेना",)),
    ("Lok Sabha", ("लोकसभा",)),
    ("Rajya Sabha", ("राज्यसभा",)),
)
_UNION, _MINISTRY = _folded_key("केंद्रीय", "ORG") + "-", "-" + _folded_key("मंत्रालय", "ORG")
_ORGANISATION_KEYS = {_folded_key(name, "ORG"): _folded_key(names[0], "ORG") for _, names in ORGANISATION_NAMES for name in names}
_ORGANISATION_ENGLISH = {_folded_key(names[0], "ORG"): english for english, names in ORGANISATION_NAMES}


# --- the loose key and the guarded fuzzy match -----------------------------------

# Folds usual in transliterated (mostly foreign) names, used only under the fuzzy guard.
_LOOSE_PAIRS = (
    ("\u093e\u0907", "\u0947"),  # ाइ → े  (खमाइमिम ~ हमैमिम)
    ("\u093e\u0909", "\u094b"),  # ाउ → ो
    ("\u0948", "\u0947"),  # ै → े
    ("\u094c", "\u094b"),  # ौ → ो
    ("\u0910", "\u090f"),  # ऐ → ए
    ("\u0914", "\u0913"),  # औ → ओ
)
_LOOSE_CHARS = str.maketrans(
    {
        "\u091f": "\u0924",  # ट → त
        "\u0920": "\u0925",  # ठ → थ
        "\u0921": "\u0926",  # ड → द
        "\u0922": "\u0927",  # ढ → ध
        "\u0936": "\u0938",  # श → स
        "\u0923": "\u0928",  # ण → न
        "\u0935": "\u092c",  # व → ब (भुवनेश्वर/भुबनेश्वर)
    }
)
_UNIT = re.compile(rf"[{_CONSONANT}\u0902]|[^{_CONSONANT}\u0902]+")
_VOWEL_SIGNS = str.maketrans(
    {"\u0906": "\u093e", "\u0907": "\u093f", "\u0909": "\u0941", "\u090f": "\u0947", "\u0913": "\u094b"}
)
# Vowels that transliterations swap without changing the name: a/ā (अल-शरा/अल-शारा),
# a/u (Tartus: तरतुस/टार्टस), i/e (हमैमिम/खमीमिम, बाइडेन/बिडेन). Each swap may occur once in
# a word (प्रसाद/पार्षद swap a/ā twice), never in two neighbouring syllables (a vowel that
# moves makes another word: तुलसी/तलाशी, बल्लूपुर/बालपुर), and i/e neither in the last
# syllable (नीतीश/नितेश are two names) nor before ं (अमरिंदर/अमरेंद्र). Any other change
# (ā/o बारिस/बोरिस, a/i कराया/किराया, u/o करुणा/करोना) keeps two words apart.
_SWAP_AA, _SWAP_U, _SWAP_IE = (frozenset(p) for p in (("", "\u093e"), ("", "\u0941"), ("\u093f", "\u0947")))
MIN_FUZZY_LETTERS = 5  # shorter words must have equal strict keys
MIN_FUZZY_SIMILARITY = 0.8


@lru_cache(maxsize=100_000)
def _loose_word(word: str) -> str:
    """A strict key word with the foreign-name folds applied (and initial ख → ह)."""
    for old, new in _LOOSE_PAIRS:
        word = word.replace(old, new)
    word = word.translate(_LOOSE_CHARS)
    if word.startswith("\u0916"):
        word = "\u0939" + word[1:]
    if word.endswith(_ANUSVARA):
        word = word[:-1] + "\u0928"
    return word


def _slots(word: str) -> tuple[list[str], list[str]]:
    """A loose word as consonants (ं counts as one) and the vowels before, between and after them.

    ``vowels[0]`` is an initial independent vowel (or ""), ``vowels[i + 1]`` follows consonant i.
    """
    consonants, vowels = [], [""]
    for unit in _UNIT.findall(word):
        if len(unit) == 1 and ("\u0915" <= unit <= "\u0939" or unit == _ANUSVARA):
            consonants.append(unit)
            vowels.append("")
        else:
            vowels[-1] += unit.translate(_VOWEL_SIGNS)
    return consonants, vowels


# Everything but consonants (ं included), Latin letters and digits.
_BLOCK_DROPS = re.compile(rf"[^{_CONSONANT}\u0902a-z0-9]")


@lru_cache(maxsize=200_000)
def words_match(a: str, b: str) -> bool:
    """Whether two strict key words spell one name.

    Equal keys match. Otherwise both words need at least five letters, and their loose
    forms must be equal, or have the same consonants (ं included), the same initial vowel
    and last letter, differ only by usual vowel swaps (a/ā, a/u, i/e: see ``_SWAP_*``) and be
    at least 80% similar (Indel): तरतुस ~ टारटस, अलशरा ~ अलशारा, हमैमिम ~ खमिमिम; not
    इमरान ~ उमरान, कोविड ~ कोविंद, बारिस ~ बोरिस, प्रसाद ~ पार्षद, नीतीश ~ नितेश.
    """
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_FUZZY_LETTERS:
        return False
    la, lb = _loose_word(a), _loose_word(b)
    if la == lb:
        return True
    (ca, va), (cb, vb) = _slots(la), _slots(lb)
    return (
        ca == cb
        and la[-1] == lb[-1]
        and va[0] == vb[0]
        and _usual_vowel_swaps(va, vb, ca)
        and Indel.normalized_similarity(la, lb) >= MIN_FUZZY_SIMILARITY
    )


def _usual_vowel_swaps(va: list[str], vb: list[str], consonants: list[str]) -> bool:
    """Whether two aligned vowel lists differ only by usual transliteration swaps (see _SWAP_*).

    ``va[i]`` stands before ``consonants[i]`` (``va[0]`` is the initial vowel).
    """
    used: set[frozenset] = set()
    last = len(va) - 2  # the vowel of the last syllable: after the next-to-last consonant
    previous = -2
    for i, (x, y) in enumerate(zip(va, vb)):
        if x == y:
            continue
        swap = frozenset((x, y))
        if swap not in (_SWAP_AA, _SWAP_U, _SWAP_IE) or swap in used or i == previous + 1:
            return False
        if swap == _SWAP_IE and (i >= last or consonants[i] == _ANUSVARA):
            return False
        used.add(swap)
        previous = i
    return True


@lru_cache(maxsize=200_000)
def block_of(key: str) -> str:
    """The blocking key of a name key: its loose consonant skeleton without separators.

    Every pair :func:`same_entity` can join shares it, so candidates are found by lookup.
    Latin letters and digits count as consonants (an acronym's letters ``who``, the 19 of
    कोविड-19): words of them join only when equal.
    """
    return "".join(_BLOCK_DROPS.sub("", _loose_word(word)) for word in key.split("-") if word)


@lru_cache(maxsize=200_000)
def same_entity(a: str, b: str, type: str) -> bool:
    """Whether ``a`` and ``b`` name the same entity of ``type`` (PER, LOC or ORG).

    Equal keys (also ignoring word breaks: राम नाथ = रामनाथ) join. Two places the gazetteer
    resolves are the same only if they resolve to the same place (अमेरिका = यूएसए,
    ऑस्ट्रिया ≠ ऑस्ट्रेलिया). Otherwise both names need the same number of words and every
    word must match (:func:`words_match`); a surname alone never equals a full name here.

    >>> same_entity("अल-शरा", "अल शारा", "PER"), same_entity("अमित शाह", "अमित शर्मा", "PER")
    (True, False)
    """
    ka, kb = name_key(a, type), name_key(b, type)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if type == "LOC":
        pa, pb = _place_id(a), _place_id(b)
        if pa and pb:
            return pa == pb
    return keys_match(ka, kb)


def keys_match(ka: str, kb: str) -> bool:
    """:func:`same_entity` on two name keys, without the gazetteer check."""
    if ka == kb or ka.replace("-", "") == kb.replace("-", ""):
        return True
    wa, wb = ka.split("-"), kb.split("-")
    if len(wa) != len(wb):
        return False
    last = len(wa) - 1
    unmatched = [i for i, (x, y) in enumerate(zip(wa, wb))
                 if not (words_match(x, y) or (0 < i == last and _surname_with_or_without_aa(x, y)))]
    # In a name of three or more words the others vouch for a short word written with or without
    # its long ā (मोहम्मद अजमल आमिर कसाब = … कसब), which alone is too short to match by spelling.
    return not unmatched or (len(unmatched) == 1 and _same_word(wa[unmatched[0]], wb[unmatched[0]], len(wa)))


def _same_word(a: str, b: str, words: int) -> bool:
    """:func:`words_match`, or in a name of three or more words, :func:`_differ_in_aa`."""
    return words_match(a, b) or (words >= 3 and _differ_in_aa(a, b))


def _surname_with_or_without_aa(a: str, b: str) -> bool:
    """Whether two key words differ only in a final ा after two consonants, as a surname ending
    in a conjunct is written both ways (मिश्र / मिश्रा, गुप्त / गुप्ता, महापात्र / महापात्रा); not
    after a vowel sign or ं (सिंह / सिंहा, कुमार / कुमारा)."""
    short, long = sorted((a, b), key=len)
    return long == short + "\u093e" and bool(_ENDS_IN_TWO_CONSONANTS.search(short))


_ENDS_IN_TWO_CONSONANTS = re.compile(rf"[{_CONSONANT}]{{2}}$")


def _differ_in_aa(a: str, b: str) -> bool:
    """Whether two key words differ only in one ा written or left out inside the word (कसाब / कसब);
    not at its end, where it makes another name (सिंह / सिंहा, सलिल / सलिला)."""
    short, long = sorted((a, b), key=len)
    return len(long) == len(short) + 1 and any(
        long[:i] + long[i + 1:] == short for i, ch in enumerate(long[:-1]) if ch == "\u093e")


def _place_id(name: str) -> str | None:
    from .places import resolve_place  # places imports this module

    place = resolve_place(name)
    return place.id if place else None


def is_part_of(part: str, full: str) -> bool:
    """Whether the words of key ``part`` match, in order, a proper subset of the words of ``full``.

    पुतिन is part of व्लादिमीर पुतिन; लालू यादव of लालू प्रसाद यादव; शरा (without its article)
    of अहमद अल-शरा.
    """
    pw, fw = part.split("-"), full.split("-")
    if not part or len(pw) > len(fw) or pw == fw:
        return False
    i = 0
    for word in fw:
        if i < len(pw) and (words_match(pw[i], word) or _without_article(word) == pw[i]):
            i += 1
    return i == len(pw) and (len(pw) < len(fw) or any(_without_article(w) != w for w in fw))


# A middle name that is an initial: आर, डब्ल्यू (as name keys fold them).
_NAME_INITIALS = frozenset(name_key(spelling, "ORG") for spellings in LETTER_NAMES.values() for spelling in spellings)


def differ_in_middle_names(ka: str, kb: str) -> bool:
    """Whether two person-name keys share the last name and differ only in initials left out, or
    in middle names put in another order or left out under the same first name: मोहम्मद अजमल आमिर
    कसाब, मोहम्मद आमिर अजमल कसाब and मोहम्मद अजमल कसाब; रमन आर. गंगाखेडकर and रमन गंगाखेडकर;
    के. विजय राघवन and विजय राघवन.

    A first and a last name alone are too common for a left-out middle name other than an
    initial: विजय यादव (a worker) is not विजय कुमार यादव (a district's medical officer).
    """
    wa, wb = sorted((ka.split("-"), kb.split("-")), key=len)
    if len(wa) < 2 or not _same_word(wa[-1], wb[-1], len(wa)):
        return False
    same_first = _same_word(wa[0], wb[0], len(wa))
    if len(wa) == len(wb):
        return same_first and all(_same_word(x, y, len(wa)) for x, y in zip(sorted(wa), sorted(wb)))
    initials_left_out = sum(w in _NAME_INITIALS for w in wb[:-1]) - sum(w in _NAME_INITIALS for w in wa[:-1])
    return is_part_of("-".join(wa), "-".join(wb)) and (
        initials_left_out == len(wb) - len(wa) or (same_first and len(wa) >= 3)
    )


# Words after which a place is part of an organisation's name: बैंक ऑफ इंडिया, … के लिए.
_NAME_GOES_ON = frozenset(["ऑफ", "फॉर", "of", "for", "के", "की", "का", "एवं", "और", "व"])


@lru_cache(maxsize=100_000)
def organisation_and_place(spelling: str) -> tuple[str, str | None]:
    """The key of an organisation's name without the place written after it, and that place's
    gazetteer id: "सफदरजंग अस्पताल, दिल्ली" → (key of सफदरजंग अस्पताल, "state:IN:delhi"). The name
    keeps its place (None returned) when less than two words would be left (एम्स पटना is a branch,
    not एम्स) or when the place ends a phrase of the name (बैंक ऑफ इंडिया)."""
    words = _words_of(spelling)
    for size in (2, 1):
        rest, tail = words[:-size], words[-size:]
        if len(rest) >= 2 and rest[-1] not in _NAME_GOES_ON:
            place = _known_place(tail)
            if place:
                return name_key(" ".join(rest), "ORG"), place
    return name_key(spelling, "ORG"), None


def _words_of(spelling: str) -> list[str]:
    """A spelling's words as written, split where a name key splits them (space, hyphen, comma …)."""
    return [w for w in _SEPARATORS.split(unicodedata.normalize("NFC", spelling)) if w]


def _known_place(words: list[str]) -> str | None:
    """The gazetteer id of the place ``words`` name, or None (most word runs are ruled out cheaply)."""
    from .places import may_name_a_place  # places imports this module

    return _place_id(" ".join(words)) if may_name_a_place(words) else None


@lru_cache(maxsize=100_000)
def place_and_organisation(spelling: str) -> str | None:
    """An organisation named by a place and what it is of that place, as the place's gazetteer id
    and the key of the rest: "यूपी सरकार" and "उत्तर प्रदेश सरकार" → "state:IN:uttar-pradesh:सरकार";
    None when the name does not open with a place the gazetteer knows."""
    words = _words_of(spelling)
    for size in (2, 1):
        if len(words) > size:
            place = _known_place(words[:size])
            if place:
                return f"{place}:{name_key(' '.join(words[size:]), 'ORG')}"
    return None


def _without_article(word: str) -> str:
    """A key word less a glued article: अलशरा → शरा."""
    for article in _ARTICLES:
        if word.startswith(article) and len(word) > len(article) + 1:
            return word[len(article):]
    return word


# --- the resolver -------------------------------------------------------------------


@dataclass
class Entity:
    """A known entity: its id, type, spellings seen (with counts) and partial names."""

    id: str
    type: str
    variants: Counter = field(default_factory=Counter)  # full spellings → mentions
    partials: set[str] = field(default_factory=set)  # keys of surnames/partial names seen with it
    count: int = 0
    place: str | None = None

    @property
    def name(self) -> str:
        """The preferred form: the most frequent full spelling (see :func:`_preferred`), for a
        person without the titles before it ("रेलमंत्री पीयूष गोयल" → "पीयूष गोयल")."""
        name = _preferred(self.variants)
        return without_titles(name) if self.type == "PER" else name

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "variants": dict(self.variants),
            "partials": sorted(self.partials),
            "count": self.count,
            "place": self.place,
        }


@dataclass
class _Cluster:
    """The spellings of one entity within one article. They are fixed once the cluster is made (a
    surname that joins a host is added to its ``partial``), so their keys are worked out once."""

    type: str
    spellings: Counter  # spelling → mentions in the article
    partial: Counter = field(default_factory=Counter)  # surname/partial spellings merged in
    named: frozenset[str] = frozenset()  # the places the article names, and what contains them

    def __post_init__(self) -> None:
        # Asked for again and again while an article's clusters are merged and matched.
        self._keys = sorted({name_key(s, self.type) for s in self.spellings})
        self._words = max((len(k.split("-")) for k in self._keys), default=0)

    def keys(self) -> list[str]:
        return self._keys

    def preferred(self) -> str:
        return _preferred(self.spellings)

    def words(self) -> int:
        return self._words


class EntityResolver:
    """Known entities and how new mentions join them.

    ``resolve`` takes the mentions of one article and returns them with ``canonical``,
    ``name``, ``latin`` and ``place`` filled, learning new spellings as it goes. Canonical ids
    are ``TYPE:`` + the name key of the preferred spelling in the article that introduced the
    entity (``PER:अहमद-अलशरा``), or ``LOC:`` + a gazetteer place id (``LOC:city:Europe/Moscow``)
    for places it knows. Ids never change once given, and do not depend on the order of the
    mentions within an article. Learned state (``entities_``) is plain data: see :meth:`to_state`.

    A surname alone (मोदी) joins the one known person whose full name ends in it (नरेंद्र
    मोदी), also when an earlier article knew only the surname; with two such people known
    (राहुल गांधी, सोनिया गांधी) it joins neither.
    """

    def __init__(self) -> None:
        self.entities_: dict[str, Entity] = {}
        self._blocks: dict[tuple[str, str], set[str]] = {}
        self._partials: dict[tuple[str, str], set[str]] = {}
        self._surnames: dict[tuple[str, str], set[str]] = {}

    # -- persistence --

    def to_state(self) -> dict:
        """Plain data (JSON-ready) holding every known entity."""
        return {"version": STATE_VERSION, "entities": [e.to_dict() for e in self.entities_.values()]}

    @classmethod
    def from_state(cls, state: dict) -> "EntityResolver":
        """A resolver holding the entities of :meth:`to_state`."""
        if state.get("version") != STATE_VERSION:
            raise ValueError(
                f"entity state version {state.get('version')!r} is not {STATE_VERSION}; rebuild it with this version"
            )
        resolver = cls()
        for row in state["entities"]:
            entity = Entity(
                id=row["id"],
                type=row["type"],
                variants=Counter(row["variants"]),
                partials=set(row["partials"]),
                count=row["count"],
                place=row.get("place"),
            )
            resolver.entities_[entity.id] = entity
            resolver._index(entity)
        return resolver

    # -- resolution --

    def resolve(self, mentions: Iterable[Mention], text: str | None = None) -> list[Mention]:
        """Fill ``canonical``, ``name``, ``latin`` and ``place`` on the mentions of ONE article.

        :param text: the article text the mentions' offsets point into. With it, an
            organisation's acronym in brackets right after its name ("विश्व स्वास्थ्य संगठन
            (डब्ल्यूएचओ)") joins the name; without it, acronyms join only their own spellings.

        A disease tagged as a person, place or organisation (कोरोना, कोविड-19: see
        :func:`is_disease_name`) is no entity: it is left out of the result.
        """
        mentions = [m for m in mentions if not (m.type in TYPES and is_disease_name(m.text))]
        assigned: dict[tuple[str, str], Entity] = {}
        for type in sorted({m.type for m in mentions if m.type in TYPES}):
            clusters = self._clusters([m for m in mentions if m.type == type], type, text)
            if type == "LOC":
                named = _places_named_in(clusters)
                for cluster in clusters:
                    cluster.named = named
            for cluster in clusters:
                entity, partial = self._match(cluster)
                if entity is None:
                    entity = self._create(cluster)
                elif partial:  # a surname alone: remember it as a partial name, not a spelling
                    cluster = _Cluster(type, Counter(), cluster.spellings + cluster.partial)
                self._learn(entity, cluster)
                for spelling in list(cluster.spellings) + list(cluster.partial):
                    assigned[(type, spelling)] = entity
        return self._filled(mentions, assigned)

    def canonical_names(self, names: list[tuple[str, str]]) -> list[str]:
        """Canonical ids of ``(name, type)`` pairs taken as co-occurring in one story
        ("" for a name that is no entity, such as a disease)."""
        mentions, offset = [], 0
        for text, type in names:
            mentions.append(Mention(text=text, type=type.upper(), start=offset, end=offset + len(text), sentence=0))
            offset += len(text) + 1
        resolved = {m.start: m.canonical for m in self.resolve(mentions)}
        return [resolved.get(m.start, "") for m in mentions]

    def _clusters(self, mentions: list[Mention], type: str, text: str | None = None) -> list[_Cluster]:
        """Group one type's mentions of an article: same entity, then partial → full name."""
        counts: Counter = Counter()
        for mention in mentions:
            spelling = _clean(mention.text)
            if spelling and name_key(spelling, type):
                counts[spelling] += 1
        spellings = sorted(counts, key=lambda s: (name_key(s, type), s))
        spelled_out = _acronym_appositions(mentions, text) if type == "ORG" and text else set()
        groups = _union_find(spellings, lambda a, b: frozenset((a, b)) in spelled_out or same_entity(a, b, type),
                             lambda s: _blocks_of_spelling(s, type, spelled_out))
        clusters = [_Cluster(type, Counter({s: counts[s] for s in g})) for g in groups]
        return _merge_partials(clusters) if type == "PER" else clusters

    def _match(self, cluster: _Cluster) -> tuple[Entity | None, bool]:
        """The known entity this cluster belongs to (or None), and whether only as a partial name."""
        type, found = cluster.type, set()
        if type == "PER" and cluster.words() == 1 and not cluster.partial:
            hosts = self._surname_hosts(cluster)
            if len(hosts) == 1:
                return self.entities_[hosts.pop()], True
        for key in cluster.keys():
            for eid in self._blocks.get((type, block_of(key)), ()):
                entity = self.entities_[eid]
                if any(keys_match(key, name_key(v, type)) for v in entity.variants):
                    found.add(eid)
        place = _cluster_place(cluster)
        if place:
            found = {eid for eid in found if self.entities_[eid].place in (None, place)}
            found |= self._blocks.get((type, "place:" + place), set())
        if not found and type == "PER":
            found = self._same_but_middle_names(cluster)
        if not found and type == "ORG":
            found = self._same_but_its_place(cluster) or self._same_place_other_name(cluster) or self._acronym_and_name(cluster)
        partial = False
        if not found and type == "PER":
            found, partial = self._partial_match(cluster), True
        if not found:
            return None, False
        return min((self.entities_[eid] for eid in found), key=lambda e: (-e.count, e.id)), partial

    def _surname_hosts(self, cluster: _Cluster) -> set[str]:
        """The known people whose full name ends in this one-word name (the surname alone)."""
        hosts: set[str] = set()
        for key in cluster.keys():
            hosts |= self._surnames.get((cluster.type, key), set())
        return hosts

    def _same_but_middle_names(self, cluster: _Cluster) -> set[str]:
        """The one known person whose every full name differs from this cluster's only in initials
        or middle names (:func:`differ_in_middle_names`): मोहम्मद अजमल कसाब = मोहम्मद आमिर अजमल कसाब."""
        found: set[str] = set()
        for key in cluster.keys():
            if "-" not in key:
                continue
            for eid in self._surnames.get((cluster.type, key.split("-")[-1]), ()):
                known = [name_key(v, cluster.type) for v in self.entities_[eid].variants]
                if all(differ_in_middle_names(key, k) for k in known if "-" in k):
                    found.add(eid)
        return found if len(found) == 1 else set()

    def _same_but_its_place(self, cluster: _Cluster) -> set[str]:
        """The one known organisation whose every name is this cluster's but for the place written
        after it: सफदरजंग अस्पताल = सफदरजंग अस्पताल दिल्ली; not एम्स पटना = एम्स ऋषिकेश."""
        found: set[str] = set()
        for spelling in cluster.spellings:
            name, place = organisation_and_place(spelling)
            for eid in self._blocks.get((cluster.type, block_of(name)), ()):
                known = [organisation_and_place(v) for v in self.entities_[eid].variants]
                if all(keys_match(name, other) and (place is None or where is None or place == where) for other, where in known):
                    found.add(eid)
        return found if len(found) == 1 else set()

    def _same_place_other_name(self, cluster: _Cluster) -> set[str]:
        """The one known organisation whose every name is this cluster's with its place called
        another way: यूपी सरकार = उत्तर प्रदेश सरकार (see :func:`place_and_organisation`)."""
        found: set[str] = set()
        for spelling in cluster.spellings:
            placed = place_and_organisation(spelling)
            for eid in self._blocks.get((cluster.type, "placed:" + placed), ()) if placed else ():
                if all(place_and_organisation(v) == placed for v in self.entities_[eid].variants):
                    found.add(eid)
        return found if len(found) == 1 else set()

    def _acronym_and_name(self, cluster: _Cluster) -> set[str]:
        """The one known organisation that this cluster's acronym abbreviates, or whose acronym
        abbreviates this cluster's name: आईसीएमआर = इंडियन काउंसिल ऑफ मेडिकल रिसर्च. Only acronyms of
        :data:`MIN_JOINED_ACRONYM` letters or more: shorter ones stand for too many names."""
        found: set[str] = set()
        for spelling in cluster.spellings:
            for initials in initials_keys(spelling):
                for eid in self._blocks.get((cluster.type, "initials:" + initials), ()):
                    if all(_may_be_one_organisation(spelling, v) for v in self.entities_[eid].variants):
                        found.add(eid)
        return found if len(found) == 1 else set()

    def _partial_match(self, cluster: _Cluster) -> set[str]:
        """A known full name this partial name was seen with, if that is unambiguous."""
        if cluster.partial:
            return set()
        found: set[str] = set()
        for key in cluster.keys():
            learned = self._partials.get((cluster.type, key), set())
            others = self._surnames.get((cluster.type, key.split("-")[-1]), set())
            if len(learned) == 1 and others <= learned:
                found |= learned
        return found if len(found) == 1 else set()

    def _create(self, cluster: _Cluster) -> Entity:
        place = _cluster_place(cluster)
        base = f"{cluster.type}:" + (place or name_key(cluster.preferred(), cluster.type))
        eid, n = base, 2
        while eid in self.entities_:
            eid, n = f"{base}~{n}", n + 1
        entity = Entity(id=eid, type=cluster.type, place=place)
        self.entities_[eid] = entity
        return entity

    def _learn(self, entity: Entity, cluster: _Cluster) -> None:
        entity.variants.update(cluster.spellings)
        entity.count += sum(cluster.spellings.values()) + sum(cluster.partial.values())
        entity.partials.update(name_key(s, entity.type) for s in cluster.partial)
        if entity.place is None:
            entity.place = _cluster_place(cluster)
        self._index(entity, cluster.spellings)

    def _index(self, entity: Entity, spellings: Iterable[str] | None = None) -> None:
        """Index ``entity`` by its place, partial names and ``spellings``: by default all its
        variants; after it learns, the spellings just learned (the others are indexed already)."""
        for spelling in entity.variants if spellings is None else spellings:
            key = name_key(spelling, entity.type)
            self._blocks.setdefault((entity.type, block_of(key)), set()).add(entity.id)
            words = key.split("-")
            if entity.type == "ORG":
                name, place = organisation_and_place(spelling)
                if place:
                    self._blocks.setdefault((entity.type, block_of(name)), set()).add(entity.id)
                placed = place_and_organisation(spelling)
                if placed:
                    self._blocks.setdefault((entity.type, "placed:" + placed), set()).add(entity.id)
                for initials in initials_keys(spelling):
                    self._blocks.setdefault((entity.type, "initials:" + initials), set()).add(entity.id)
            if entity.type == "PER" and len(words) > 1:
                self._surnames.setdefault((entity.type, words[-1]), set()).add(entity.id)
        if entity.place:
            self._blocks.setdefault((entity.type, "place:" + entity.place), set()).add(entity.id)
        for key in entity.partials:
            self._partials.setdefault((entity.type, key), set()).add(entity.id)

    @staticmethod
    def _filled(mentions: list[Mention], assigned: dict[tuple[str, str], Entity]) -> list[Mention]:
        """The mentions with their entities' ids, names, Latin names and places (each entity's
        name worked out once: an article names one entity many times)."""
        forms: dict[str, tuple[str, str]] = {}
        filled = []
        for mention in mentions:
            entity = assigned.get((mention.type, _clean(mention.text)))
            if entity is None:
                filled.append(mention)
                continue
            if entity.id not in forms:
                forms[entity.id] = entity.name, latin_name(entity)
            name, latin = forms[entity.id]
            filled.append(_resolved(mention, entity.id, name, latin, entity.place))
        return filled


def _resolved(mention: Mention, canonical: str, name: str, latin: str, place: str | None) -> Mention:
    """``replace(mention, canonical=…, name=…, latin=…, place=…)``, written out: dataclasses.replace
    looks up every field at every call, and the ingesting process resolves every mention."""
    return Mention(text=mention.text, type=mention.type, start=mention.start, end=mention.end,
                   sentence=mention.sentence, canonical=canonical, name=name, latin=latin, place=place)


def latin_name(entity: Entity) -> str:
    """An entity's name in Latin letters: a known place's English name, a known organisation's
    (:data:`ORGANISATION_NAMES`), a place's government's ("Government of Bihar"), else its preferred
    name transliterated, English words spelled in English except in a person's name
    (:func:`~ghatnakram.translit.to_latin`); an organisation named after a place keeps the place's
    English name ("दिल्ली" as Delhi's government: Delhi), a person does not ("इसराइल" is Israil)."""
    return latin_of_name(entity.name, entity.type, entity.place)


@lru_cache(maxsize=65_536)
def latin_of_name(name: str, entity_type: str, place_id: str | None) -> str:
    """:func:`latin_name` by what it depends on: the same names recur in article after article."""
    from .places import get_place  # places imports this module

    place = get_place(place_id) if place_id else None
    if place:
        return place.english(name)
    if entity_type == "PER":
        return to_latin(name, gazetteer=False, loanwords=False)
    if entity_type != "ORG":
        return to_latin(name, gazetteer=False)
    return organisation_english(name) or _government_latin(name) or to_latin(name)


_STATE_WORDS = frozenset(["राज्य", "प्रदेश"])


def _government_latin(name: str) -> str | None:
    """A government named by its place in English: "Government of Bihar" (बिहार सरकार), "Government
    of China" (चीनी सरकार: the country's adjective), "State Government" (राज्य सरकार); None for any
    other name (मोदी सरकार stays Modi Sarkar, and so does a person called सरकार)."""
    from .places import places_of_adjective, resolve_place  # places imports this module

    words = name.split()
    if len(words) < 2 or words[-1] != "सरकार":
        return None
    whose = " ".join(words[:-1])
    if whose in _STATE_WORDS:
        return "State Government"
    place = resolve_place(whose) or next(iter(places_of_adjective(whose)), None)
    if not place:
        return None
    english = place.english(whose)
    return f"Government of {'the ' if english.startswith('United ') else ''}{english}"


def organisation_english(name: str) -> str | None:
    """The English name of a well-known organisation by any of its names (:data:`ORGANISATION_NAMES`), or None.

    >>> organisation_english("उच्चतम न्यायालय"), organisation_english("नगर निगम")
    ('Supreme Court', None)
    """
    return _ORGANISATION_ENGLISH.get(name_key(name, "ORG"))


def canonical_names(names: list[tuple[str, str]], resolver: EntityResolver | None = None) -> list[str]:
    """Canonical ids of ``(name, type)`` pairs taken as co-occurring in one story.

    Names that resolve to one entity get the same id (what ``ghatnakram canon`` prints).

    >>> canonical_names([("व्लादिमीर पुतिन", "PER"), ("पुतिन", "PER")])
    ['PER:वलादिमिर-पुतिन', 'PER:वलादिमिर-पुतिन']
    """
    return (resolver or EntityResolver()).canonical_names(names)


def _preferred(counts: Counter) -> str:
    """The most frequent spelling; ties → the longest, then the first in Unicode order.

    Never the first *seen*, so the choice does not depend on the order of mentions or articles.
    """
    return min(counts, key=lambda s: (-counts[s], -len(s), s))


def _clean(text: str) -> str:
    """A mention's text as one line of NFC with single spaces."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _cluster_place(cluster: _Cluster) -> str | None:
    """The gazetteer place of a LOC cluster's preferred spelling (else any spelling), if known; a
    name two places share is the one inside a place the article names (``cluster.named``)."""
    if cluster.type != "LOC":
        return None
    from .places import resolve_place_among  # places imports this module

    spellings = [cluster.preferred(), *sorted(cluster.spellings)]
    for spelling in spellings:
        place = resolve_place_among(spelling, cluster.named)
        if place:
            return place.id
    # A part of a place, named by a direction or as the capital: "उत्तरी इटली", "राजधानी दिल्ली".
    for spelling in spellings:
        words = spelling.split()
        for size in (2, 1):
            if len(words) > size and all(word in _PART_OF_A_PLACE for word in words[:-size]):
                place = resolve_place_among(" ".join(words[-size:]), cluster.named)
                if place:
                    return place.id
    return None


_PART_OF_A_PLACE = frozenset("""उत्तर दक्षिण पूर्व पश्चिम पूर्वोत्तर उत्तर-पूर्व दक्षिण-पूर्व उत्तर-पश्चिम
    दक्षिण-पश्चिम मध्य उत्तरी दक्षिणी पूर्वी पश्चिमी पूर्वोत्तरी मध्यवर्ती राजधानी केंद्र शासित प्रदेश
    ग्रामीण शहरी""".split())


def _places_named_in(clusters: list[_Cluster]) -> frozenset[str]:
    """The places an article's LOC clusters name without doubt, and the places containing them."""
    from .places import parents  # places imports this module

    found = {place for place in map(_cluster_place, clusters) if place}
    return frozenset(found.union(*({outer.id for outer in parents(place)} for place in found)))


# What stands between a name and the acronym (or name) in brackets after it.
_OPENING_BRACKET = re.compile(r"[ \u00a0]*[(\[][ \u00a0]*")


def _acronym_appositions(mentions: list[Mention], text: str) -> set[frozenset]:
    """Pairs of spellings where an organisation's name is followed by its acronym in brackets,
    or the acronym by the name: "विश्व स्वास्थ्य संगठन (डब्ल्यूएचओ)", "WHO (विश्व स्वास्थ्य संगठन)".

    Only brackets: "कृषि विज्ञान संस्थान, बीएचयू" names an institute and the university it
    belongs to. The acronym must also have as many letters as the name has words.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    pairs: set[frozenset] = set()
    for a, b in zip(ordered, ordered[1:]):
        if not _OPENING_BRACKET.fullmatch(text, a.end, b.start):
            continue
        first, second = _clean(a.text), _clean(b.text)
        if _spells_out(first, second) or _spells_out(second, first):
            pairs.add(frozenset((first, second)))
    return pairs


MIN_JOINED_ACRONYM = 4  # letters of an acronym that joins its name across articles
MAX_ACRONYM_READINGS = 81
# The first letter of a name's word, as an acronym's letter could stand for it (क, ख → k; स, श → s).
_INITIAL_CLASSES = {
    **dict.fromkeys("अआ", "a"), **dict.fromkeys("इई", "i"), **dict.fromkeys("उऊ", "u"), **dict.fromkeys("एऐ", "e"),
    **dict.fromkeys("ओऔऑ", "o"), **dict.fromkeys("कखक़ख़", "k"), **dict.fromkeys("गघग़", "g"), **dict.fromkeys("चछ", "c"),
    **dict.fromkeys("जझज़", "j"), **dict.fromkeys("टठतथ", "t"), **dict.fromkeys("डढदधड़ढ़", "d"), **dict.fromkeys("णन", "n"),
    "प": "p", **dict.fromkeys("फफ़", "f"), **dict.fromkeys("बभ", "b"), "म": "m", "य": "y", "र": "r", "ल": "l", "व": "v",
    **dict.fromkeys("शषस", "s"), "ह": "h",
}
# What each letter of an acronym may be the first sound of: C of Council (का) or Centre (से), A of
# All (ऑल) or Air (एयर), U of University (यू).
_LETTER_CLASSES = {
    "a": "aeo", "c": "ksc", "e": "eia", "g": "gj", "i": "iea", "j": "jg", "o": "oa", "q": "k", "u": "uya",
    "w": "v", "x": "e", "z": "j",
}
# Words an acronym leaves out: ऑफ, फॉर (folded to ऑफ), और / एंड / एवं (folded to और), द, in.
_NOT_IN_ACRONYMS = frozenset(["आफ", "और", "द", "the", "इन", "in"])


def _initials(spelling: str) -> str | None:
    """The initial classes (see :data:`_INITIAL_CLASSES`) of a full name's words, leaving out
    :data:`_NOT_IN_ACRONYMS`; None for an acronym, or for fewer than :data:`MIN_JOINED_ACRONYM` words."""
    if acronym_letters(spelling):
        return None
    words = [w for w in name_key(spelling, "ORG").split("-") if w and w not in _NOT_IN_ACRONYMS]
    if len(words) < MIN_JOINED_ACRONYM:
        return None
    classes = [_INITIAL_CLASSES.get(w[0], w[0] if w[0].isascii() else "") for w in words]
    return "".join(classes) if all(classes) else None


@lru_cache(maxsize=50_000)
def initials_keys(spelling: str) -> tuple[str, ...]:
    """The index keys by which an organisation's acronym and its full name find each other: a
    full name's initials (:func:`_initials`), or every reading of an acronym's letters."""
    initials = _initials(spelling)
    if initials:
        return (initials,)
    letters = acronym_letters(spelling, MIN_JOINED_ACRONYM)
    if not letters or not letters.isalpha():
        return ()
    readings = [""]
    for letter in letters:
        readings = [r + c for r in readings for c in _LETTER_CLASSES.get(letter, letter)]
        if len(readings) > MAX_ACRONYM_READINGS:
            return ()  # "AEIOU…": too many readings to index; such an acronym joins by spelling only
    return tuple(readings)


def _may_be_one_organisation(a: str, b: str) -> bool:
    """Whether two spellings may name one organisation: the same name, or an acronym and a name
    it abbreviates (see :func:`initials_keys`); two different acronyms, or two names, may not."""
    if keys_match(name_key(a, "ORG"), name_key(b, "ORG")):
        return True
    name, acronym = (a, b) if _initials(a) else (b, a)
    initials = _initials(name)
    return bool(initials) and not _initials(acronym) and initials in initials_keys(acronym)


def _spells_out(name: str, acronym: str) -> bool:
    """Whether ``acronym`` could stand for ``name``: one letter per word of the name."""
    letters = acronym_letters(acronym)
    words = name_key(name, "ORG").split("-")
    return bool(letters) and not acronym_letters(name) and len(words) == len(letters) >= MIN_ACRONYM_LETTERS


def acronym_letters(name: str, min_letters: int = MIN_ACRONYM_LETTERS) -> str | None:
    """The letters of an acronym (``who``) written in Hindi letter names (डब्ल्यूएचओ) or in
    Latin capitals (WHO, W.H.O.), at least ``min_letters`` of them (1: an initial, "के"); None
    for anything else.

    >>> acronym_letters("डब्लूएचओ"), acronym_letters("WHO"), acronym_letters("भाजपा")
    ('who', 'who', None)
    """
    raw = _LETTER_MARKS.sub("", _clean(name))
    if raw.isascii():
        return raw.lower() if raw.isalpha() and raw.isupper() and len(raw) >= min_letters else None
    letters = _spelled_letters(raw)
    return letters if letters and len(letters) >= min_letters else None


# Diseases and their viruses: never a person, place or organisation, whatever a tagger says.
DISEASE_NAMES = (
    "कोरोना", "कोविड", "कोव", "सार्स", "मर्स", "इबोला", "डेंगू", "मलेरिया", "निपाह", "जीका", "ज़ीका",
    "चिकनगुनिया", "इन्फ्लुएंजा", "इंफ्लुएंजा", "एचआईवी", "एड्स", "टीबी", "तपेदिक", "हैजा", "प्लेग",
    "पोलियो", "खसरा", "चेचक", "फ्लू", "corona", "coronavirus", "covid", "sars", "cov", "ebola", "dengue",
    "malaria", "nipah", "zika", "influenza", "hiv", "aids", "polio", "flu",
)
# Words that may stand with a disease's name in it: "नोवेल कोरोना वायरस", "कोविड-19", "स्वाइन फ्लू".
DISEASE_WORDS = (
    "वायरस", "वाइरस", "विषाणु", "संक्रमण", "महामारी", "बीमारी", "रोग", "नोवेल", "नोवल", "स्वाइन",
    "बर्ड", "virus", "novel", "swine", "bird",
)


@lru_cache(maxsize=100_000)
def is_disease_name(name: str) -> bool:
    """Whether ``name`` names a disease or its virus (कोरोना, कोविड-19, कोरोनावायरस, स्वाइन फ्लू).

    >>> is_disease_name("नोवेल कोरोना वायरस"), is_disease_name("कोरोना वॉरियर्स")
    (True, False)
    """
    words = [w for w in name_key(name, "ORG").split("-") if w and not w.isdigit()]
    words = [_without_disease_suffix(w) for w in words]
    return (
        any(w in _DISEASE_KEYS for w in words)
        and all(w in _DISEASE_KEYS or w in _DISEASE_WORD_KEYS for w in words)
    )


def _without_disease_suffix(word: str) -> str:
    """कोरोनावायरस → कोरोना: a disease's name written together with वायरस."""
    for suffix in _DISEASE_WORD_KEYS:
        if word.endswith(suffix) and word[: -len(suffix)] in _DISEASE_KEYS:
            return word[: -len(suffix)]
    return word


_DISEASE_KEYS = frozenset(name_key(n, "ORG") for n in DISEASE_NAMES)
_DISEASE_WORD_KEYS = frozenset(name_key(n, "ORG") for n in DISEASE_WORDS)


def _blocks_of_spelling(spelling: str, type: str, spelled_out: set[frozenset[str]]) -> list[str]:
    """Keys two spellings of one article share if :func:`same_entity` (or an acronym in brackets
    after its name) may join them: the blocking key, a place's gazetteer id, the apposition."""
    return [*_name_blocks(spelling, type), *("a:" + "|".join(sorted(pair)) for pair in spelled_out if spelling in pair)]


@lru_cache(maxsize=200_000)
def _name_blocks(spelling: str, type: str) -> tuple[str, ...]:
    place = _place_id(spelling) if type == "LOC" else None
    key = "b:" + block_of(name_key(spelling, type))
    return (key, "p:" + place) if place else (key,)  # अमेरिका = यूएसए: one place, two skeletons


def _union_find(items: list[str], same: Callable[[str, str], bool],
                blocks: Callable[[str], Iterable[str]] | None = None) -> list[list[str]]:
    """Group ``items`` by the transitive closure of ``same``; groups keep the items' order.

    With ``blocks``, only items that share a block are compared: ``same`` must never join two
    that share none.
    """
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in _pairs(items, blocks):
        if root(i) != root(j) and same(items[i], items[j]):
            parent[root(j)] = root(i)
    groups: dict[int, list[str]] = {}
    for i, item in enumerate(items):
        groups.setdefault(root(i), []).append(item)
    return list(groups.values())


def _pairs(items: list[str], blocks: Callable[[str], Iterable[str]] | None) -> Iterable[tuple[int, int]]:
    """Index pairs (i < j) to compare, in order: all of them, or those sharing a block."""
    if blocks is None:
        return ((i, j) for i in range(len(items)) for j in range(i + 1, len(items)))
    members: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        for block in blocks(item):
            members.setdefault(block, []).append(i)
    return sorted({(i, j) for group in members.values() for k, i in enumerate(group) for j in group[k + 1:]})


def _merge_partials(clusters: list[_Cluster]) -> list[_Cluster]:
    """Merge a person's surname or partial name into the one full name in the article it is part of.

    पुतिन joins व्लादिमीर पुतिन when no other full name in the article contains पुतिन;
    गांधी next to both राहुल गांधी and सोनिया गांधी stays on its own. Longer partial names
    are merged first, so पुतिन still finds its host when व्लादिमीर पुतिन is itself part of
    व्लादिमीर व्लादिमीरोविच पुतिन.
    """
    merged: set[int] = set()
    for i in sorted(range(len(clusters)), key=lambda i: -clusters[i].words()):
        part = clusters[i]
        hosts = [
            j
            for j, full in enumerate(clusters)
            if j != i and j not in merged and full.words() >= part.words() and _contains(full, part)
        ]
        # A host that is itself part of another host is not a separate person.
        hosts = [j for j in hosts if not any(k != j and _contains(clusters[k], clusters[j]) for k in hosts)]
        if len(hosts) == 1:
            host = clusters[hosts[0]]
            host.partial.update(part.spellings)
            host.partial.update(part.partial)
            merged.add(i)
    return [c for i, c in enumerate(clusters) if i not in merged]


def _contains(full: _Cluster, part: _Cluster) -> bool:
    """Whether every spelling of ``part`` is part of some spelling of ``full``."""
    return all(any(is_part_of(pk, fk) for fk in full.keys()) for pk in part.keys())
