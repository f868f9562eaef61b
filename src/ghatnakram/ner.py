"""Named-entity recognition for Hindi news: people, places and organisations.

A linear-chain CRF (python-crfsuite) trained by ``training/train_ner.py`` on the training
and dev splits of IL-NER Hindi (Bahad et al., NAACL-SRW 2024; CC-BY-4.0). The model ships
as ``resources/ner.crfsuite`` with its gazetteer ``resources/ner_gazetteer.tsv``: place
names from Unicode CLDR 37, i18n-iso-countries and covid19india (see the notice at the top
of that file) and name/organisation words learned from IL-NER; and with
``resources/ner_clusters.tsv``, word clusters learned without labels from raw Hindi text by
``training/build_word_clusters.py`` (:class:`WordClusters`), so that names never seen in
training share features with the ones that were.

The CRF predicts BIO tags for PER, LOC, ORG, NUM and TIME; :func:`find_mentions` keeps
PER/LOC/ORG (numbers and times belong to the quantities and dates stages).

This module is the only place where features are defined: the training script imports
:class:`FeatureExtractor` from here, so training and run time cannot drift apart.

Public API:

* :func:`load_tagger` – the shipped model (cached); :meth:`Tagger.tag` tags a token list and
  :meth:`Tagger.tag_sentences` a text's sentences together (CRF, then :func:`repair_tags`: no
  titles or case markers at a name's edges).
* :func:`find_mentions` – PER/LOC/ORG mentions with character offsets into cleaned text;
  names found with confidence are also tagged where they recur (:func:`propagate_names`).
* :func:`score_conll` / :func:`format_scores` – exact-span scores on a CoNLL file.

Speed: word-level features are built once per word type, filtered to the attributes the
model knows, and their weights summed once per word type (:mod:`.crf` decodes with them);
tagging an article's sentences together runs at 120–150k tokens/s warm on one core of the
(slow) development machine, one sentence at a time at about 30k (BENCHMARKS.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Protocol, Sequence

import numpy as np

from .crf import marginals, read_crfsuite_model, viterbi
from .facts import NUMBER_WORDS, PERSON_NOUNS
from .models import Mention
from .normalize import LETTER_NAMES, VISARGA, WORD_CHARS, ZWJ, ZWNJ, ascii_digits, sentence_offsets, token_spans

__all__ = [
    "ENTITY_TYPES",
    "bio_spans",
    "canonical_tag",
    "FeatureExtractor",
    "find_mentions",
    "find_mentions_in_texts",
    "format_scores",
    "Gazetteer",
    "WordClusters",
    "load_tagger",
    "load_tagger_from",
    "loose_key",
    "ModelMissingError",
    "PARTY_NAMES",
    "propagate_names",
    "read_conll",
    "repair_tags",
    "score_conll",
    "score_sentences",
    "Tagger",
    "WordFacts",
    "word_facts",
]

ENTITY_TYPES = ("PER", "LOC", "ORG")
MODEL_TYPES = ("PER", "LOC", "ORG", "NUM", "TIME")
MODEL_FILE = "ner.crfsuite"
GAZETTEER_FILE = "ner_gazetteer.tsv"
CLUSTER_FILE = "ner_clusters.tsv"
CLUSTER_SIZES = (64, 256, 1024)  # k-means sizes of training/build_word_clusters.py, coarse to fine
TRAINING_COMMAND = "python training/train_ner.py"

# --- labels -------------------------------------------------------------------------

# Entity type names as different corpora write them → ours. Other types are ignored (O).
_TYPE_ALIASES = {
    "NEP": "PER", "PER": "PER", "PERSON": "PER",
    "NEL": "LOC", "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "NEO": "ORG", "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "NEN": "NUM", "NUM": "NUM",
    "NETI": "TIME", "TIME": "TIME",
}
_BEGIN_PREFIXES = frozenset("BSU")  # B-, and S-/U- (single-token spans in BIOES/BILOU)
_INSIDE_PREFIXES = frozenset("IEL")  # I-, and E-/L- (span ends in BIOES/BILOU)


def canonical_tag(tag: str, previous: str = "O") -> str:
    """Map one corpus tag to ours (``B-PER`` … ``I-TIME`` or ``O``).

    ``previous`` is the already mapped tag of the token before, used for IL-NER's few tags
    written without their B/I prefix: ``-NEP`` continues a PER span before it or begins
    one; a bare ``-`` continues the span before it, else is O.

    >>> canonical_tag("B-NEP"), canonical_tag("I-LOCATION", "B-LOC"), canonical_tag("B-NEAR")
    ('B-PER', 'I-LOC', 'O')
    >>> canonical_tag("-", "B-ORG"), canonical_tag("-NEL", "O")
    ('I-ORG', 'B-LOC')
    """
    tag = tag.strip()
    previous_type = previous[2:] if previous != "O" else ""
    if tag in ("", "O"):
        return "O"
    if tag == "-":
        return f"I-{previous_type}" if previous_type else "O"
    prefix, sep, name = tag.partition("-")
    if not sep:  # IO style: a bare type name
        prefix, name = "", tag
    entity = _TYPE_ALIASES.get(name.upper())
    if entity is None:
        return "O"
    if prefix.upper() in _INSIDE_PREFIXES or (not prefix and entity == previous_type):
        return f"I-{entity}"
    if prefix.upper() in _BEGIN_PREFIXES or not prefix:
        return f"B-{entity}"
    return "O"


def read_conll(path: str | Path, *, strict: bool = True, skipped: list[str] | None = None) -> list[list[tuple[str, str]]]:
    """Read a CoNLL file (``token<TAB>tag``, blank line between sentences).

    Tags are mapped with :func:`canonical_tag`; with several columns the first is the
    token and the last the tag. Lines without a tab are split at spaces; ``-DOCSTART-``
    lines separate sentences. With ``strict`` a line without a tag, an empty token or
    tag, or a file without tokens raises ValueError naming ``file:line``; without it such
    lines are skipped (training reads IL-NER, which has one such line), each with its
    ``file:line`` message appended to ``skipped`` when a list is given. A file without
    any token is an error either way.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    previous = "O"
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            if current:
                sentences.append(current)
            current, previous = [], "O"
            continue
        columns = line.split("\t") if "\t" in line else line.split()  # some corpora separate by spaces
        token, tag = columns[0].strip(), columns[-1].strip()
        if "\t" not in line and not _TAG_SHAPE.fullmatch(tag):
            tag = ""  # a line of prose, not "token tag"
        if token == "-DOCSTART-":  # CoNLL-2003's document marker: a boundary, not a token
            if current:
                sentences.append(current)
            current, previous = [], "O"
            continue
        if len(columns) < 2 or not token or not tag:
            if strict:
                raise ValueError(_bad_line_message(path, number, line))
            if skipped is not None:
                skipped.append(_bad_line_message(path, number, line))
            continue
        previous = canonical_tag(tag, previous)
        current.append((unicodedata.normalize("NFC", token), previous))
    if current:
        sentences.append(current)
    if not sentences:
        raise ValueError(
            f"{path}: no tokens found; expected lines 'token<TAB>tag' (BIO tags such as B-PER, I-LOC, O) "
            "with a blank line between sentences"
        )
    return sentences


_TAG_SHAPE = re.compile(r"O|-|(?:[A-Za-z]-)?[A-Za-z_]+|-[A-Za-z_]+")


def _bad_line_message(path: Path, number: int, line: str) -> str:
    if "\t" not in line:
        problem = "no tag after the token"
    else:
        problem = "empty token or tag"
    return (
        f"{path}:{number}: {problem} in {line.strip()[:60]!r}; "
        "write each token as 'token<TAB>tag' (e.g. 'पुतिन\\tB-PER') and separate sentences with a blank line"
    )


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(start, end, type)`` of a BIO tag sequence, ``end`` exclusive.

    An ``I-`` tag that does not continue a span of its type begins a new one.

    >>> bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC'), (5, 6, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    start, current = 0, ""
    for index, tag in enumerate(tags):
        if tag == "O":  # most tags: only ends a span
            if current:
                spans.append((start, index, current))
                current = ""
            continue
        prefix, kind = tag[0], tag[2:]
        if current and (prefix != "I" or kind != current):
            spans.append((start, index, current))
            current = ""
        if prefix in ("B", "I") and not current:
            start, current = index, kind
    if current:
        spans.append((start, len(tags), current))
    return spans


# --- word forms -----------------------------------------------------------------------

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "`": "'"})
# A nasal consonant + virama inside a word, before a stop or nasal (न्द, म्ब), is written ं too.
_NASAL_BEFORE_CONSONANT = re.compile(
    "(?<=[\u0900-\u0963\u0966-\u097f])[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u092e])"
)
# nukta dropped; chandrabindu → anusvara; ॉ/ऑ → ा/आ (मॉस्को = मास्को).
_LOOSE = str.maketrans({"\u093c": None, "\u0901": "\u0902", "\u0949": "\u093e", "\u0911": "\u0906"})
_NUMBER = re.compile(r"^\d+(?:[.,:/]\d+)*%?$")
_DEVANAGARI = re.compile("[\u0900-\u0963\u0966-\u097f\ua8e0-\ua8ff]")  # not the dandas
_LATIN = re.compile("[A-Za-z]")


def word_key(token: str) -> str:
    """The form a token is looked up by: NFC, lower case, ASCII digits, no ZWJ/ZWNJ, straight quotes.

    >>> word_key("२०२६"), word_key("“")
    ('2026', '"')
    """
    key = unicodedata.normalize("NFC", token).lower()
    return ascii_digits(key).replace(ZWJ, "").replace(ZWNJ, "").translate(_QUOTES)


def loose_key(token: str) -> str:
    """A spelling-tolerant form: no nukta, anusvara for chandrabindu and nasal + virama, ा for ॉ.

    >>> loose_key("मॉस्को") == loose_key("मास्को"), loose_key("हिन्दी") == loose_key("हिंदी")
    (True, True)
    >>> loose_key("ग़ाज़ियाबाद") == loose_key("गाजियाबाद"), loose_key("म्यांमार"), loose_key("अम्बाला")
    (True, 'म्यांमार', 'अंबाला')
    """
    return _loose_of_key(word_key(token))


def _loose_of_key(key: str) -> str:
    """:func:`loose_key` of a token already in :func:`word_key` form."""
    return _NASAL_BEFORE_CONSONANT.sub("\u0902", key.translate(_LOOSE))


# Vowel signs, virama, nasal marks, nukta and visarga: what spellings of one foreign name disagree on.
_SKELETON_DROP = str.maketrans({ch: None for ch in "\u0900\u0901\u0902\u0903\u093a\u093b\u093c\u093e\u093f"
                                "\u0940\u0941\u0942\u0943\u0944\u0945\u0946\u0947\u0948\u0949\u094a"
                                "\u094b\u094c\u094d\u094e\u094f\u0962\u0963"})
_INITIAL_VOWELS = frozenset("\u0905\u0906\u0907\u0908\u0909\u090a\u090f\u0910\u0911\u0913\u0914")


def consonant_skeleton(token: str) -> str:
    """The consonants of a Devanagari word, for spellings that differ in vowels and conjuncts.

    An initial vowel letter stays as अ; other vowel letters are dropped.

    >>> consonant_skeleton("नॉरवे") == consonant_skeleton("नॉर्वे"), consonant_skeleton("बेलजियम")
    (True, 'बलजयम')
    >>> consonant_skeleton("इसराइल")
    'असरल'
    """
    return _skeleton_of_loose(loose_key(token))


def _skeleton_of_loose(loose: str) -> str:
    """:func:`consonant_skeleton` of a word already in :func:`loose_key` form."""
    key = loose.translate(_SKELETON_DROP)
    head = "\u0905" if key[:1] in _INITIAL_VOWELS else key[:1]
    return head + "".join(ch for ch in key[1:] if ch not in _INITIAL_VOWELS)


def word_shape(token: str) -> str:
    """Character classes with runs collapsed: d Devanagari, 0 digit, A/a Latin, others as is.

    >>> word_shape("अल-शरा"), word_shape("1,50,000"), word_shape("BJP"), word_shape("डॉ.")
    ('d-d', '0,0,0', 'A', 'd.')
    """
    shape: list[str] = []
    for ch in token:
        if ch in (ZWJ, ZWNJ):
            continue
        if ch.isdigit():
            cls = "0"
        elif ("\u0900" <= ch <= "\u097f" and ch not in "\u0964\u0965") or "\ua8e0" <= ch <= "\ua8ff":
            cls = "d"
        elif ch.isalpha():
            cls = "A" if ch.isupper() else "a"
        else:
            cls = ch
        if not shape or shape[-1] != cls:
            shape.append(cls)
    return "".join(shape)


def script_class(token: str) -> str:
    """DEV, LAT, NUM, PUNCT or MIX: the coarse kind of a token.

    >>> [script_class(t) for t in ("पुतिन", "BJP", "२०२६", "।", "कोविड19")]
    ['DEV', 'LAT', 'NUM', 'PUNCT', 'MIX']
    """
    return _script_of_key(word_key(token))


def _script_of_key(key: str) -> str:
    """:func:`script_class` of a token already in :func:`word_key` form."""
    if _NUMBER.match(key):
        return "NUM"
    dev, lat = bool(_DEVANAGARI.search(key)), bool(_LATIN.search(key))
    if dev and not lat and not any(ch.isdigit() for ch in key):
        return "DEV"
    if lat and not dev and not any(ch.isdigit() for ch in key):
        return "LAT"
    if not dev and not lat and not any(ch.isalnum() for ch in key):
        return "PUNCT"
    return "MIX"


def _letter_name_pattern() -> re.Pattern:
    names = {loose_key(n) for n in LETTER_NAMES} | {loose_key(n) for n in ("आइ", "डब्लू", "ज़ेड", "क्यू")}
    alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(f"^(?:{alternatives}){{2,}}$")


_SPELLED_LETTERS = _letter_name_pattern()


def is_spelled_acronym(token: str) -> bool:
    """True for an acronym written as English letter names: एनसीडीसी, आईएमए, बीएचयू.

    >>> is_spelled_acronym("आरबीआई"), is_spelled_acronym("भाजपा"), is_spelled_acronym("सी")
    (True, False, False)
    """
    return bool(_SPELLED_LETTERS.match(loose_key(token)))


# --- cue words ------------------------------------------------------------------------
# Closed-class Hindi news vocabulary around names (general language, not names).

_CUE_WORDS = {
    # Titles, roles and ages written before a person's name (never part of it).
    "title": """श्री श्रीमान श्रीमती सुश्री कुमारी डॉ डॉ. डा. प्रो. प्रोफेसर राष्ट्रपति उपराष्ट्रपति
        प्रधानमंत्री मुख्यमंत्री उपमुख्यमंत्री मंत्री राज्यमंत्री सांसद विधायक पार्षद राज्यपाल उपराज्यपाल
        नेता प्रवक्ता अध्यक्ष उपाध्यक्ष सचिव महासचिव सभापति महापौर मेयर जिलाधिकारी कलेक्टर आयुक्त
        अधीक्षक निरीक्षक थानाध्यक्ष थानेदार दरोगा प्रभारी न्यायाधीश न्यायमूर्ति जज अधिवक्ता वकील कप्तान
        कोच अभिनेता अभिनेत्री निदेशक प्रबंधक संस्थापक चेयरमैन प्राचार्य कुलपति पीएम सीएम डीएम एसपी
        एसएसपी डीजीपी आईजी डीआईजी एसडीएम एसएचओ डीसीपी बीडीओ सीओ इंस्पेक्टर जनरल कर्नल मेजर कैप्टन
        लेफ्टिनेंट ब्रिगेडियर स्व. स्वर्गीय दिवंगत प्रत्याशी उम्मीदवार सलाहकार राजदूत वर्षीय वर्षीया
        गायक गायिका लेखक लेखिका कवि कवयित्री पत्रकार डॉक्टर चिकित्सक शिक्षक शिक्षिका
        व्यापारी कारोबारी उद्योगपति खिलाड़ी क्रिकेटर बल्लेबाज गेंदबाज आरोपी अभियुक्त मरीज पीड़ित
        अधिकारी कर्मचारी सिपाही चालक ड्राइवर""",
    # Honorifics that are often written as part of a name: "महात्मा गांधी", "स्वामी विवेकानंद".
    "honorific": "महात्मा स्वामी संत सरदार बाबा पंडित पं. मौलाना शेख हजरत राजा रानी सम्राट सुल्तान महंत साध्वी शहीद",
    # Months, weekdays and parts of the day: "तीन मार्च", "बुधवार को".
    "time": """जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर
        दिसंबर दिसम्बर सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार सुबह दोपहर शाम रात""",
    # Kin and acquaintances: "पत्नी सुनीता", "बेटे राहुल".
    "kin": """पत्नी पति बेटा बेटे बेटी पुत्र पुत्री भाई बहन पिता मां माता दादा दादी नाना नानी चाचा
        भतीजे भतीजा भांजे दोस्त मित्र साथी""",
    # "गांव निवासी रामू" (a person after), "गाजीपुर निवासी" (a place before).
    "resident": "निवासी वासी",
    # Speech and report verbs: "पुतिन ने कहा".
    "speech": "कहा कहना कहते बताया बोले बोली बोला पूछा दावा आरोप",
    # Place nouns after a place name: "आगरा जिले", "नई दिल्ली स्थित".
    "place": """जिले जिला जिलों जनपद शहर शहरों राज्य राज्यों नगर महानगर गांव गाँव ग्राम प्रदेश क्षेत्र इलाके
        इलाका थाना थाने थानाक्षेत्र प्रखंड ब्लॉक तहसील कस्बे कस्बा मोहल्ला मोहल्ले कॉलोनी देश देशों
        राजधानी नदी द्वीप पहाड़ी स्थित सीमा महाद्वीप""",
    # Organisation heads: "भारतीय जनता पार्टी", "वित्त मंत्रालय".
    "org": """पार्टी मंत्रालय विभाग विश्वविद्यालय यूनिवर्सिटी कंपनी बैंक संघ आयोग परिषद समिति कमेटी
        पुलिस सरकार संगठन संस्थान संस्था बोर्ड निगम प्राधिकरण कॉलेज महाविद्यालय विद्यालय स्कूल
        अस्पताल न्यायालय कोर्ट अदालत सेना मोर्चा दल ट्रस्ट फाउंडेशन एसोसिएशन लिमिटेड लि. क्लब मंडल
        ब्यूरो एजेंसी सभा मिशन कार्यालय निदेशालय सचिवालय अकादमी प्रकोष्ठ कांग्रेस लीग फोरम सोसाइटी
        इंस्टीट्यूट कॉरपोरेशन""",
    # Postpositions and case markers right after a noun phrase.
    "post": "ने के की का में से को पर तक द्वारा वाले वाली वाला समेत सहित जैसे",
    "conj": "और व एवं या तथा",
}
CUE_CLASSES: dict[str, str] = {
    loose_key(word): cls for cls, words in _CUE_WORDS.items() for word in words.split()
}


# --- gazetteer ------------------------------------------------------------------------

GAZETTEER_KINDS = ("place", "first", "last", "orgword", "common")


@dataclass(frozen=True)
class Gazetteer:
    """Name lists used as features; entries are :func:`loose_key` token tuples.

    ``place`` holds multi-token phrases matched in running text; ``first``/``last``
    (person name parts) and ``orgword`` (words of organisation names) are single words.
    """

    place: frozenset[tuple[str, ...]] = frozenset()
    first: frozenset[str] = frozenset()
    last: frozenset[str] = frozenset()
    orgword: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()
    _longest: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    _skeletons: set[str] = field(default_factory=set, compare=False, repr=False)

    def __post_init__(self) -> None:
        for phrase in self.place:
            self._longest[phrase[0]] = max(self._longest.get(phrase[0], 0), len(phrase))
            if len(phrase) == 1 and script_class(phrase[0]) == "DEV":
                self._skeletons.add(consonant_skeleton(phrase[0]))

    def spelled_like_place(self, key: str) -> bool:
        """True for a word (loose key) not in the lists that has the consonants of a one-word place.

        "नॉरवे", "बेलजियम": spellings of नॉर्वे, बेल्जियम the sources do not have.
        """
        if (key,) in self.place or key in self.common or len(key) < 4:
            return False
        skeleton = _skeleton_of_loose(key)  # key is a loose key already
        return len(skeleton) >= 3 and skeleton in self._skeletons

    @classmethod
    def from_tsv(cls, text: str, where: str = GAZETTEER_FILE) -> "Gazetteer":
        """Read ``kind<TAB>entry`` lines (``#`` starts a comment line)."""
        entries: dict[str, set] = {kind: set() for kind in GAZETTEER_KINDS}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            kind, _, entry = line.partition("\t")
            if kind not in entries or not entry.strip():
                raise ValueError(
                    f"{where}:{number}: expected 'kind<TAB>entry' with kind one of {', '.join(GAZETTEER_KINDS)}; "
                    f"found {line[:60]!r}. Re-create the file with: {TRAINING_COMMAND}"
                )
            words = tuple(entry.split())
            entries[kind].add(words if kind == "place" else words[0])
        return cls(**{kind: frozenset(values) for kind, values in entries.items()})

    def to_tsv(self, header: str = "") -> str:
        """The gazetteer as sorted ``kind<TAB>entry`` lines, after ``header`` comment lines."""
        lines = [f"# {line}".rstrip() for line in header.splitlines()]
        lines += [f"place\t{' '.join(p)}" for p in sorted(self.place)]
        for kind in ("first", "last", "orgword", "common"):
            lines += [f"{kind}\t{word}" for word in sorted(getattr(self, kind))]
        return "\n".join(lines) + "\n"

    def word_lists(self, key: str) -> tuple[str, ...]:
        """Which single-word lists ``key`` (a loose key) is in."""
        return tuple(kind for kind in ("first", "last", "orgword", "common") if key in getattr(self, kind))

    def place_marks(self, keys: Sequence[str]) -> list[str]:
        """Per token: "B"/"I" inside the longest place phrase found there, else ""."""
        marks = [""] * len(keys)
        longest, places = self._longest, self.place
        n, free = len(keys), 0  # tokens before `free` are inside a phrase already marked
        for i in [i for i, key in enumerate(keys) if key in longest]:  # where a place phrase may begin
            if i < free:
                continue
            width = min(longest[keys[i]], n - i)
            while width and tuple(keys[i : i + width]) not in places:
                width -= 1
            if width:
                marks[i] = "B"
                for j in range(i + 1, i + width):
                    marks[j] = "I"
                free = i + width
        return marks


# --- word clusters --------------------------------------------------------------------


@dataclass(frozen=True)
class WordClusters:
    """Cluster ids of words (by :func:`loose_key`), one per size in :data:`CLUSTER_SIZES`.

    Learned without labels from raw Hindi text by ``training/build_word_clusters.py``:
    words used in the same contexts share ids, so a name unseen in training still looks
    like the names that were.
    """

    ids: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_tsv(cls, text: str, where: str = CLUSTER_FILE) -> "WordClusters":
        """Read ``word<TAB>id<TAB>id…`` lines (``#`` starts a comment line)."""
        ids: dict[str, tuple[str, ...]] = {}
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            word, *found = line.split("\t")
            if len(found) != len(CLUSTER_SIZES) or not word:
                raise ValueError(
                    f"{where}:{number}: expected a word and {len(CLUSTER_SIZES)} cluster ids separated by tabs; "
                    f"found {line[:60]!r}. Re-create the file with: python training/build_word_clusters.py"
                )
            ids[word] = tuple(found)
        return cls(ids)

    def of(self, key: str) -> tuple[str, ...]:
        """The cluster ids of a loose key, or () for a word not clustered."""
        return self.ids.get(key, ())


# --- features -------------------------------------------------------------------------
# Features are UTF-8 bytes: crfsuite reads bytes as they are, while str would be encoded
# again on every call.

_OFFSETS = ("-2", "-1", "+1", "+2")
_EDGE_VIEWS = {  # what a position outside the sentence looks like from inside it
    "-2": (b"w-2=<s>",), "-1": (b"w-1=<s>",), "+1": (b"w+1=</s>",), "+2": (b"w+2=</s>",),
}
_NON_NAME_CUES = frozenset({"post", "conj", "speech"})


@dataclass(frozen=True, slots=True)
class WordFacts:
    """What is known about one word type before looking at its context."""

    key: str  # word_key
    loose: str  # loose_key
    shape: str  # word_shape
    script: str  # script_class
    cue: str  # cue class ("" if none)
    acronym: bool  # spelled with letter names
    lists: tuple[str, ...]  # gazetteer word lists it is in
    place: bool = False  # a one-word place name of the gazetteer
    place_like: bool = False  # spelled with the consonants of a one-word place name
    clusters: tuple[str, ...] = ()  # word-cluster ids, coarse to fine ("" = not clustered)
    content: bool = field(init=False)  # can be part of a name: not punctuation or a function word
    joins: bool = field(init=False)  # a comma or conjunction, which joins the items of a list
    number: bool = field(init=False)  # digits, or number words ("दो", "एक-एक")

    def __post_init__(self) -> None:
        # Read for every token of every sentence: computed once per word type.
        object.__setattr__(self, "content", self.cue not in _NON_NAME_CUES and self.script in ("DEV", "LAT", "MIX"))
        object.__setattr__(self, "joins", self.key == "," or self.cue == "conj")
        object.__setattr__(self, "number", self.script == "NUM" or all(part in NUMBER_WORDS for part in self.key.split("-")))


def word_facts(token: str, gazetteer: Gazetteer, clusters: WordClusters | None = None) -> WordFacts:
    """Compute :class:`WordFacts` for ``token``."""
    key = word_key(token)
    loose = _loose_of_key(key)
    cue = CUE_CLASSES.get(loose, "")
    script = _script_of_key(key)
    return WordFacts(
        key=key,
        loose=loose,
        shape=word_shape(token),
        script=script,
        cue=cue,
        acronym=not cue and bool(_SPELLED_LETTERS.match(loose)),  # is_spelled_acronym, loose key at hand
        lists=gazetteer.word_lists(loose),
        place=(loose,) in gazetteer.place,
        place_like=not cue and script == "DEV" and gazetteer.spelled_like_place(loose),
        clusters=clusters.of(loose) if clusters else (),
    )


def word_features(facts: WordFacts) -> list[str]:
    """Features of a word on its own: identity, loose form, affixes, shape, cues, lists, letter trigrams.

    >>> feats = word_features(word_facts("अल-शरा", Gazetteer()))
    >>> "l=अल-शरा" in feats and "hy0=अल" in feats and "hy1=शरा" in feats and "s2=रा" in feats
    True
    """
    key, loose = facts.key, facts.loose
    feats = [f"l={loose}", f"sh={facts.shape}", f"t={facts.script}"]
    if key != loose:  # the exact spelling, where it differs from the loose form
        feats.append(f"w={key}")
    if len(key) > 1:
        feats += [f"p{n}={key[:n]}" for n in range(1, min(4, len(key) - 1) + 1)]
        feats += [f"s{n}={key[-n:]}" for n in range(1, min(4, len(key) - 1) + 1)]
    if facts.script == "NUM":
        feats.append("num")
    if "-" in key[1:-1]:
        parts = key.split("-")
        feats += ["hy", f"hy0={parts[0]}", f"hy1={parts[-1]}"]
    if key.endswith(".") and len(key) > 1:
        feats.append("abbr")
    if facts.cue:
        feats.append(f"c={facts.cue}")
    if facts.acronym:
        feats.append("acro")
    feats += [f"n={kind}" for kind in facts.lists]
    feats += [f"k{size}={cid}" for size, cid in zip(CLUSTER_SIZES, facts.clusters)]
    if facts.place_like:
        feats.append("gs=place")
    if not facts.cue and len(loose) > 3 and facts.script in ("DEV", "LAT"):
        padded = f"<{loose}>"
        feats += [f"g3={padded[i:i + 3]}" for i in range(len(padded) - 2)]
    return feats


def neighbour_features(facts: WordFacts, offset: str) -> list[str]:
    """Features a word lends to the token ``offset`` positions away ("-1": it comes just before)."""
    feats = [f"w{offset}={facts.key}"]
    if facts.cue:
        feats.append(f"c{offset}={facts.cue}")
    if offset in ("-1", "+1"):
        feats.append(f"t{offset}={facts.script}")
        feats += [f"n{offset}={kind}" for kind in facts.lists]
        if facts.acronym:
            feats.append(f"acro{offset}")
        feats += [f"k{size}{offset}={cid}" for size, cid in zip(CLUSTER_SIZES[:2], facts.clusters)]
    return feats


@dataclass(frozen=True, slots=True)
class _WordView:
    """A word type's encoded features, as the current token and as each neighbour."""

    own: tuple[bytes, ...]
    as_neighbour: dict[str, tuple[bytes, ...]]
    facts: WordFacts


# Sentence-level features: inside a gazetteer place phrase, and how far a cue word is.
_PLACE_MARKS = {"B": b"gB=place", "I": b"gI=place"}
_PLACE_AFTER = {"B": b"g+1B=place", "I": b"g+1I=place"}
_PLACE_BEFORE = b"g-1=place"
_CUE_REACH = {"org": ("oa", 4, 1), "place": ("pa", 2, 1), "title": ("ta", 3, -1)}
_DISTANCE_FEATURES = {
    (cue, d): f"{name}={d}".encode() for cue, (name, reach, _) in _CUE_REACH.items() for d in range(1, reach + 1)
}
_CONTEXT_FEATURES = (*_PLACE_MARKS.values(), _PLACE_BEFORE, *_PLACE_AFTER.values(), *_DISTANCE_FEATURES.values())


class FeatureExtractor:
    """Turns token lists into CRF feature lists (UTF-8 bytes).

    Everything that depends on one word only is computed once per word type and kept
    (up to ``max_cached`` types); per token only the context is put together. A word's
    :class:`WordFacts` are kept apart from its encoded features (:meth:`facts`), which a
    tagger that sums them once does not need to keep.
    ``known`` (the model's attribute names), when given, drops features the model never
    saw, so the CRF reads shorter lists.
    """

    def __init__(
        self,
        gazetteer: Gazetteer,
        known: frozenset[str] | None = None,
        max_cached: int = 300_000,
        clusters: WordClusters | None = None,
    ):
        self.gazetteer = gazetteer
        self.clusters = clusters
        self.known = known
        self.max_cached = max_cached
        self._views: dict[str, _WordView] = {}
        self._facts: dict[str, WordFacts] = {}

    def facts(self, token: str) -> WordFacts:
        """The cached :class:`WordFacts` of ``token``."""
        cached = self._facts.get(token)
        if cached is None:
            if len(self._facts) >= self.max_cached:
                self._facts.clear()
            cached = self._facts[token] = word_facts(token, self.gazetteer, self.clusters)
        return cached

    def facts_of(self, tokens: Sequence[str]) -> list[WordFacts]:
        """:meth:`facts` of each token (most are cached: looked up without a call per token)."""
        cached = self._facts
        return [cached[token] if token in cached else self.facts(token) for token in tokens]

    def view(self, token: str) -> _WordView:
        """The cached :class:`_WordView` of ``token``."""
        cached = self._views.get(token)
        if cached is None:
            if len(self._views) >= self.max_cached:
                self._views.clear()
            facts = self.facts(token)
            around = {offset: self._encode(neighbour_features(facts, offset)) for offset in _OFFSETS}
            cached = self._views[token] = _WordView(self._encode(word_features(facts)), around, facts)
        return cached

    def _encode(self, feats: Iterable[str]) -> tuple[bytes, ...]:
        known = self.known
        if known is None:
            return tuple([f.encode() for f in feats])
        return tuple([f.encode() for f in feats if f in known])

    def sentence_features(self, tokens: Sequence[str]) -> list[list[bytes]]:
        """One feature list per token of a sentence: its word's own, its neighbours', and its place in the sentence."""
        views = [self.view(token) for token in tokens]
        n = len(views)
        out: list[list[bytes]] = []
        for i, (view, context) in enumerate(zip(views, self.context_features([v.facts for v in views]))):
            feats = list(view.own)
            feats += views[i - 2].as_neighbour["-2"] if i >= 2 else _EDGE_VIEWS["-2"]
            feats += views[i - 1].as_neighbour["-1"] if i >= 1 else _EDGE_VIEWS["-1"]
            feats += views[i + 1].as_neighbour["+1"] if i + 1 < n else _EDGE_VIEWS["+1"]
            feats += views[i + 2].as_neighbour["+2"] if i + 2 < n else _EDGE_VIEWS["+2"]
            out.append(feats + context)
        return out

    def context_features(self, facts: Sequence[WordFacts]) -> list[list[bytes]]:
        """The features of each token that no word type has alone: inside or beside a gazetteer
        place phrase, and how far a cue word is."""
        out: list[list[bytes]] = [[] for _ in facts]
        for i, feature in self.context_features_at(facts):
            out[i].append(feature)
        return out

    def context_features_at(self, facts: Sequence[WordFacts]) -> list[tuple[int, bytes]]:
        """:meth:`context_features` as (token index, feature) pairs: most tokens have none, so
        a tagger that only sums their weights need not build a list for every token."""
        found: list[tuple[int, bytes]] = []
        marks = self.gazetteer.place_marks([f.loose for f in facts])
        if any(marks):  # two sentences in three have no place phrase
            _add_place_marks(marks, found)
        _add_cue_distances(facts, found)
        return found


def _add_place_marks(marks: Sequence[str], found: list[tuple[int, bytes]]) -> None:
    """Mark the tokens inside a gazetteer place phrase (:meth:`Gazetteer.place_marks`) and those beside one."""
    n = len(marks)
    for i, mark in enumerate(marks):
        if mark:
            found.append((i, _PLACE_MARKS[mark]))
        if i and marks[i - 1]:
            found.append((i, _PLACE_BEFORE))
        if i + 1 < n and marks[i + 1]:
            found.append((i, _PLACE_AFTER[marks[i + 1]]))


def _add_cue_distances(facts: Sequence[WordFacts], found: list[tuple[int, bytes]]) -> None:
    """Mark content words that lead up to an organisation/place head word or follow a title.

    "भारतीय उद्योग परिसंघ": भारतीय gets ``oa=2`` (an org word two content words ahead);
    "राष्ट्रपति व्लादिमीर पुतिन": पुतिन gets ``ta=2``. A chain stops at any non-content word.
    """
    n = len(facts)
    present = {fact.cue for fact in facts}
    for cue, (_, reach, step) in _CUE_REACH.items():
        if cue not in present:  # no chain starts: most sentences have no cue word of a class
            continue
        order = range(n - 1, -1, -1) if step == 1 else range(n)
        distance = 0  # to the nearest cue word in the look direction; 0 = none in reach
        for i in order:
            fact = facts[i]
            if distance and not fact.cue and fact.content:
                found.append((i, _DISTANCE_FEATURES[cue, distance]))
            if fact.cue == cue:
                distance = 1
            elif distance and fact.content and distance < reach:
                distance += 1
            else:
                distance = 0


# --- repairs ----------------------------------------------------------------------------

# Words that never begin or end a name: roles, kin, "निवासी", months, case markers, verbs of saying.
NEVER_AT_EDGE = frozenset({"title", "kin", "resident", "time", "post", "conj", "speech"})
# Case markers that never stand inside a name ("के/की/का" can: "बंगाल की खाड़ी").
_NEVER_INSIDE = frozenset(loose_key(w) for w in "ने से को में पर तक द्वारा".split())


def repair_tags(tags: Sequence[str], facts: Sequence[WordFacts]) -> list[str]:
    """Tidy PER/LOC/ORG spans of a tagged sentence.

    * Drop punctuation and words in :data:`NEVER_AT_EDGE` cue classes at either end
      ("निवासी रिंकेश कुमार" → "रिंकेश कुमार").
    * End a name at a case marker inside it ("पुतिन से मुलाकात" → "पुतिन"); a person's
      name also ends at any function word or punctuation.
    * A number or a direction alone is no name, nor is a kind of person alone ("50 वर्षीय दंपति
      ने", "एक बुजुर्ग की"); an acronym alone read as a person is an organisation ("केजीएमयू");
      a person span that ends in a local unit is the place before it ("चंदनपुर उपचुनाव").
    * Join person spans that touch ("केशव प्रसाद" + "मौर्य" → "केशव प्रसाद मौर्य"); two
      places or organisations side by side are left apart ("उत्तर प्रदेश" "झारखण्ड").
    * A full name followed by a known place is two names: "व्लादिमीर पुतिन मास्को
      पहुंचे" → PER "व्लादिमीर पुतिन", LOC "मास्को"; not when a surname that is also a place
      ends the name of one who acts or is acted on ("हरदीप सिंह पुरी ने", "… पुरी से").
    * A role word inside a person span separates two people (:func:`_split_people_at_roles`);
      a comma, or a "(" the span does not close, separates two names
      (:func:`_split_at_commas_and_open_brackets`).
    * An acronym in brackets after an organisation or place takes its type
      (:func:`_bracketed_acronyms`); a party's short name (:data:`PARTY_NAMES`) is an
      organisation.
    * An untagged item of a list of names of one type is a name of that type too
      (:func:`coordinated_names`).
    * Untagged name words before a title and ने are a person, before निवासी or a local unit
      (गांव, प्रखंड, थाना, "विधानसभा सीट") a place (:func:`_agents_after_titles`,
      :func:`_places_of_residents`, :func:`_with_local_places`); a word the gazetteer knows as
      one place, alone before a postposition or as an item of a list, is that place
      (:func:`_known_places_standing_alone`),
      and so is a one-word person or organisation span of such a word before "में", or before another
      postposition or a list's mark when the word is no name (:func:`_a_place_read_as_a_name`).
    """
    out = list(tags)
    spans: list[tuple[int, int, str]] = []
    found = bio_spans(tags)
    for start, end, kind in found:
        if kind in ENTITY_TYPES:
            out[start:end] = ["O"] * (end - start)
    split = _split_after_governments(_split_at_commas_and_open_brackets(_split_people_at_roles(found, facts), facts), facts)
    for start, end, kind in split:
        if kind not in ENTITY_TYPES:
            continue
        while start < end and _never_at_edge(facts[start]):
            start += 1
        end = next((i for i in range(start + 1, end) if _breaks_name(facts[i], kind)), end)
        while end > start and _never_at_edge(facts[end - 1]):
            end -= 1
        if end - start > 1 and facts[start].number and facts[start + 1].place:
            start, kind = start + 1, "LOC"  # "… पांच, दो दिल्ली में": a list's count, then the place
        if kind == "PER" and end - start > 1 and facts[end - 1].loose in _LOCAL_UNITS:
            kind, end = "LOC", end - 1  # "चंदनपुर उपचुनाव", "इब्राहिमपुर गांव": a place and its unit, no one's name
        if kind == "PER" and end - start > 1 and facts[end - 1].loose in _KINDS_OF_INSTITUTIONS:
            kind = "ORG"  # "लोकसेवा आयोग", "सदर अस्पताल": an institution, no one's name
        if kind == "PER" and facts[end - 1].loose in _SETTLEMENT_ENDINGS:
            kind = "LOC"  # "नेहरू नगर", "मयूर विहार", "दिनकर चौक": a colony or a square named after someone
            if end - start == 1 and start > 0 and _free_name_word(start - 1, _covered(spans), out, facts):
                start -= 1  # "शांति विहार", of which the model found विहार alone
        if start == end or (kind == "PER" and end - start == 1 and facts[start].key in _KINDS_OF_PEOPLE):
            continue  # "50 वर्षीय दंपति ने", "एक बुजुर्ग की": a kind of person, no one's name
        if end - start == 1 and facts[start].loose in _KINDS_OF_INSTITUTIONS:
            continue  # "स्कूल", "कार्यालय", "सरकार" alone: a kind of institution, no one's name
        if kind == "LOC" and end - start == 1 and not facts[start].place and _is_demonym(facts[start].key):
            continue  # "ईरानी नागरिकों", "जापानी कंपनी": of a country, not the country
        if kind == "PER" and end - start == 1 and facts[start].acronym:
            kind = "ORG"  # "केजीएमयू", "पीएमसीएच": an acronym alone names an organisation, not a person
        if kind in ("PER", "ORG") and end - start == 1 and _a_place_read_as_a_name(start, facts):
            kind = "LOC"  # "बांदा में मंगलवार को दस …", "नालंदा (15)": a district the tagger took for a name
        if all(facts[i].number or facts[i].key in _COMPASS_WORDS for i in range(start, end)):
            continue  # "पश्चिम बंगाल (19)", "दो जून की रोटी", "उत्तर-पूर्वी": a count or a direction, no name
        if kind == "LOC" and _a_side_letter_after(end, out, facts):
            kind, end = "ORG", end + 1  # "भारत ए ने …": a country's second team, not the country
        if kind == "PER" and spans and spans[-1][1] == start and spans[-1][2] == kind:
            start = spans.pop()[0]
        if kind == "PER" and end - start >= 3 and facts[end - 1].place and not facts[end - 2].place \
                and not _surname_of_an_agent(facts, end):
            spans += [(start, end - 1, "PER"), (end - 1, end, "LOC")]
            continue
        spans.append((start, end, kind))
    spans = _named_after_people(spans, facts)
    spans += _bracketed_acronyms(spans, out, facts)
    spans += _party_names(out, facts, spans)
    spans += _agents_after_titles(spans, out, facts) + _places_of_residents(spans, out, facts)
    spans = _with_local_places(spans, out, facts)
    spans = _with_opening_words(spans, out, facts)
    spans += _known_places_standing_alone(spans, out, facts)
    spans = coordinated_names(sorted(spans), out, facts)
    for start, end, kind in spans:
        out[start] = f"B-{kind}"
        for i in range(start + 1, end):
            out[i] = f"I-{kind}"
    return out


# Places whose name opens with a word that is no name alone: "नई दिल्ली" is New Delhi, not "नई" before Delhi.
_OPENING_WORDS = {tuple(loose_key(w) for w in name.split()) for name in ("नई दिल्ली", "नयी दिल्ली", "नवी मुंबई", "ग्रेटर नोएडा")}


def _with_opening_words(spans: list[tuple[int, int, str]], out: list[str], facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """Place spans with the untagged opening word of their name put back: the tagger read only
    "दिल्ली" of "नयी दिल्ली" (the capital's desk and the state are two places to the signature)."""
    covered = _covered(spans)
    return [(start - 1, end, kind) if kind == "LOC" and start > 0 and out[start - 1] == "O" and start - 1 not in covered
            and (facts[start - 1].loose, facts[start].loose) in _OPENING_WORDS else (start, end, kind)
            for start, end, kind in spans]


# People after whom Indian hospitals, colleges, roads, airports and stadiums are named. Read as a
# person only when the name is followed by such a place's or institution's word: "राम मनोहर लोहिया
# अस्पताल", "इंदिरा गांधी अंतरराष्ट्रीय हवाई अड्डे". A living person's name before the same words
# is not one ("कनिका कपूर अस्पताल में भर्ती"), so the names are listed, not guessed.
EPONYMS = tuple(
    tuple(loose_key(w) for w in name.split())
    for name in """महात्मा गांधी|गांधी|जवाहरलाल नेहरू|जवाहर लाल नेहरू|नेहरू|इंदिरा गांधी|राजीव गांधी|संजय गांधी|
        सरदार पटेल|सरदार वल्लभभाई पटेल|वल्लभभाई पटेल|राम मनोहर लोहिया|राममनोहर लोहिया|लोहिया|
        जयप्रकाश नारायण|लोकनायक जयप्रकाश|लोकनायक|दीनदयाल उपाध्याय|पंडित दीनदयाल उपाध्याय|
        श्यामा प्रसाद मुखर्जी|सुभाष चंद्र बोस|नेताजी सुभाष चंद्र बोस|नेताजी सुभाष|भीमराव आंबेडकर|
        भीमराव अंबेडकर|बाबा साहेब आंबेडकर|बाबा साहेब अंबेडकर|बाबासाहेब आंबेडकर|आंबेडकर|अंबेडकर|
        अटल बिहारी वाजपेयी|लाल बहादुर शास्त्री|मदन मोहन मालवीय|छत्रपति शिवाजी|शिवाजी|
        रवींद्रनाथ टैगोर|स्वामी विवेकानंद|विवेकानंद|शहीद भगत सिंह|भगत सिंह|चंद्रशेखर आजाद|
        मौलाना आजाद|मौलाना अबुल कलाम आजाद|एपीजे अब्दुल कलाम|सावित्रीबाई फुले|ज्योतिबा फुले|
        बिरसा मुंडा|राजेंद्र प्रसाद|लाला लाजपत राय|बाल गंगाधर तिलक|गोविंद बल्लभ पंत|चौधरी चरण सिंह|
        कर्पूरी ठाकुर|श्रीकृष्ण सिंह|अनुग्रह नारायण सिंह|वीर कुंवर सिंह|अहिल्याबाई होलकर|
        रानी लक्ष्मीबाई|महाराणा प्रताप|गुरु नानक|गुरु गोबिंद सिंह|संत कबीर|गौतम बुद्ध|महर्षि वाल्मीकि|
        किंग जॉर्ज|लाल बहादुर|मोतीलाल नेहरू|सफदरजंग""".replace("\n", " ").split("|")
)
_INSTITUTION_WORDS = frozenset(loose_key(w) for w in """अस्पताल हॉस्पिटल चिकित्सालय कॉलेज कालेज महाविद्यालय
    विश्वविद्यालय यूनिवर्सिटी संस्थान इंस्टीट्यूट इंस्टिट्यूट अकादमी स्कूल विद्यालय""".split())
# Kinds of institutions, which alone name none (IL-NER tags them alone 6 times in 1,158).
_KINDS_OF_INSTITUTIONS = _INSTITUTION_WORDS | frozenset(loose_key(w) for w in """कार्यालय विभाग मंत्रालय कंपनी सरकार
    आयोग प्रशासन अदालत न्यायालय निगम समिति परिषद""".split())
# Words an organisation's name ends with: IL-NER's ORG spans end in सरकार 197 times and go on after it 2
# times, in मंत्रालय 132 and 1 (a bracketed acronym, which is split off apart).
_ENDS_AN_ORGANISATION = frozenset(loose_key(w) for w in "सरकार मंत्रालय".split())
_PLACE_WORDS = frozenset(loose_key(w) for w in """मार्ग रोड चौक स्टेडियम अड्डा अड्डे एयरपोर्ट स्टेशन टर्मिनस
    पार्क उद्यान सेतु मैदान""".split())
MAX_NAME_AFTER = 3  # words between a person's name and the institution's word ("अंतरराष्ट्रीय हवाई")


def _named_after_people(spans: list[tuple[int, int, str]], facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """A person's span that opens with one of :data:`EPONYMS` and is followed by an institution's
    or a place's word, with at most :data:`MAX_NAME_AFTER` name words between, is that
    institution (ORG) or place (LOC), whatever the tagger made of the words after it: "राम मनोहर"
    + "लोहिया अस्पताल" → ORG "राम मनोहर लोहिया अस्पताल"; "महात्मा गांधी मार्ग" → LOC."""
    out = []
    for start, end, kind in sorted(spans):
        if out and start < out[-1][1]:
            # Only a span an institution's name was stretched over overlaps: the name runs on into
            # what the tagger took for another ("… इंस्टीट्यूट" + "ऑफ मेडिकल साइंसेज").
            out[-1] = (out[-1][0], max(out[-1][1], end), out[-1][2])
            continue
        if kind == "PER" and _opens_with_eponym(facts, start):
            for j in range(end, min(end + MAX_NAME_AFTER + 1, len(facts))):
                word = facts[j].loose
                if word in _INSTITUTION_WORDS or word in _PLACE_WORDS:
                    end, kind = j + 1, "ORG" if word in _INSTITUTION_WORDS else "LOC"
                    break
                if not _uncued_content(facts[j]):  # a case marker, a verb of saying, punctuation
                    break
        out.append((start, end, kind))
    return out


_EPONYM_FIRST_WORDS = frozenset(name[0] for name in EPONYMS)


def _opens_with_eponym(facts: Sequence[WordFacts], start: int) -> bool:
    if facts[start].loose not in _EPONYM_FIRST_WORDS:  # most names: no need to compare with each
        return False
    words = tuple(fact.loose for fact in facts[start : start + 5])
    return any(words[: len(name)] == name for name in EPONYMS)


# Indian political parties and alliances by the short names news uses; a party is an
# organisation wherever it stands. Ambiguous short forms (आप "you", एसपी "police chief") are left out.
PARTY_NAMES = frozenset(
    loose_key(w)
    for w in """भाजपा बीजेपी कांग्रेस सपा बसपा बीएसपी राजद आरजेडी जदयू जेडीयू शिवसेना राकांपा एनसीपी
        टीएमसी तृणमूल माकपा भाकपा सीपीआई सीपीएम द्रमुक डीएमके अन्नाद्रमुक एआईएडीएमके बीजद बीजेडी
        टीडीपी तेदेपा टीआरएस बीआरएस वाईएसआरसीपी इनेलो जजपा लोजपा रालोद झामुमो जेएमएम एआईएमआईएम
        एनडीए यूपीए""".split()
)


def _surname_of_an_agent(facts: Sequence[WordFacts], end: int) -> bool:
    """Whether a name's last word, a surname that is also a place, ends the name of one who acts or
    is acted on: "मंत्री हरदीप सिंह पुरी ने / से / की" is one person, where "व्लादिमीर पुतिन मास्को पहुंचे"
    is a person and a place, and so is "… पुरी में" (no one is "in" a person)."""
    return (end < len(facts) and facts[end].key in _CASE_MARKERS_AFTER_A_NAME
            and "last" in facts[end - 1].lists)


def _party_names(tags: Sequence[str], facts: Sequence[WordFacts], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Untagged runs of party names ("भाजपा", "तृणमूल कांग्रेस") as ORG spans."""
    hits = [i for i, fact in enumerate(facts) if fact.loose in PARTY_NAMES]
    if not hits:
        return []
    taken = _covered(spans)
    found: list[tuple[int, int, str]] = []
    for i in hits:
        if i in taken or tags[i] != "O":
            continue
        if found and found[-1][1] == i:
            found[-1] = (found[-1][0], i + 1, "ORG")
        else:
            found.append((i, i + 1, "ORG"))
    return found


def _covered(spans: list[tuple[int, int, str]]) -> set[int]:
    """Token positions inside ``spans``."""
    return {i for start, end, _ in spans for i in range(start, end)}


def _free_name_word(i: int, taken: set[int], tags: Sequence[str], facts: Sequence[WordFacts]) -> bool:
    """Whether token ``i`` is outside every span and could be a word of a name no cue word marks."""
    return i not in taken and _uncued_content(facts[i]) and _may_be_a_name_word(tags[i], facts[i])


def _uncued_content(fact: WordFacts) -> bool:
    """A word that can be part of a name and that no cue class marks (not a title, role, case marker …)."""
    return fact.content and not fact.cue


MAX_TITLED_NAME = 3  # words between a title and "ne" that are read as the titled person's name
# "पीड़ित शख्स ने", "50 वर्षीय दंपति ने": a kind of person, not a name.
_KINDS_OF_PEOPLE = frozenset(" ".join(PERSON_NOUNS.values()).split()) | {"शख्स", "शख़्स", "दंपति", "दंपती", "बुजुर्ग", "परिवार"}


def _agents_after_titles(spans: list[tuple[int, int, str]], tags: Sequence[str],
                         facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """Untagged name words between a title and the agent marker ने as a person: "मंत्री गडकरी ने",
    "प्रधानमंत्री ग्यूसेप कोंते ने" (on IL-NER's training text the pattern is a person 65 times in 68)."""
    titles = [i for i, fact in enumerate(facts[:-2]) if fact.cue == "title"]
    if not titles:
        return []
    taken = _covered(spans)
    found = []
    for i in titles:
        end = i + 1
        while (end < len(facts) and end - i <= MAX_TITLED_NAME and _free_name_word(end, taken, tags, facts)
               and facts[end].key not in _KINDS_OF_PEOPLE):
            end += 1
        if end > i + 1 and end < len(facts) and facts[end].key == "ने":
            found.append((i + 1, end, "PER"))
    return found


MAX_RESIDENT_PLACE = 2  # words before निवासी read as the place one lives in


def _places_of_residents(spans: list[tuple[int, int, str]], tags: Sequence[str],
                         facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """Untagged name words right before निवासी as a place: "फुलवारीशरीफ निवासी", "मयूर विहार
    निवासी" (local news names villages and wards no gazetteer has). After a kin word the name is
    the father's: "पुत्र जगराम निवासी ककरहवा"."""
    residents = [j for j, fact in enumerate(facts) if fact.cue == "resident"]
    if not residents:
        return []
    taken = _covered(spans)
    found = []
    for j in residents:
        start = _place_words_before(j, taken, tags, facts)
        if start is not None:
            found.append((start, j, "LOC"))
    return found


def _place_words_before(j: int, taken: set[int], tags: Sequence[str], facts: Sequence[WordFacts],
                        may_name: Callable[[WordFacts], bool] = lambda fact: True) -> int | None:
    """Where the untagged name words (at most :data:`MAX_RESIDENT_PLACE`, each one ``may_name``
    accepts) right before token ``j`` begin; None when there are none, or when a kin word comes
    before them: then they name a person ("पुत्र जगराम निवासी ककरहवा")."""
    start = j
    while (start > 0 and j - start < MAX_RESIDENT_PLACE and _free_name_word(start - 1, taken, tags, facts)
           and may_name(facts[start - 1])):
        start -= 1
    if start == j or (start > 0 and facts[start - 1].cue == "kin"):
        return None
    return start


# Local units a village, ward, police station, halt, port, base or constituency is named before:
# "इब्राहिमपुर गांव", "कोतवाली थाना क्षेत्र", "हमैमिम एयरबेस", "चंदनपुर विधानसभा सीट" (names no gazetteer has).
_LOCAL_UNITS = frozenset(loose_key(w) for w in "गांव गाँव कस्बे कस्बा मोहल्ला मोहल्ले थाना थाने थानाक्षेत्र प्रखंड तहसील हॉल्ट एयरबेस बंदरगाह उपचुनाव".split())
# Last words of a colony's, square's or road's name: "नेहरू नगर", "मयूर विहार", "दिनकर चौक".
_SETTLEMENT_ENDINGS = frozenset(loose_key(w) for w in "नगर विहार कॉलोनी कालोनी एन्क्लेव एंक्लेव पुरम चौक रोड मार्ग".split())
_CONSTITUENCIES = frozenset(loose_key(w) for w in "विधानसभा लोकसभा".split())
_SEATS = frozenset(loose_key(w) for w in "सीट क्षेत्र चुनाव उपचुनाव".split())
_BASE_KINDS = frozenset(loose_key(w) for w in "नौसैनिक सैन्य".split())  # "टार्टस नौसैनिक अड्डा"
_BASES = frozenset(loose_key(w) for w in "अड्डा अड्डे अड्डों".split())


def _with_local_places(spans: list[tuple[int, int, str]], tags: Sequence[str],
                       facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """``spans`` with untagged name words (at most two) right before a local unit as a place:
    "इब्राहिमपुर गांव", "चंदनपुर विधानसभा सीट". Right after a place they end its name ("रामनगर
    कलां गांव" is one village, not रामनगर); after a kin word they are a person's ("पुत्र रामू गांव …")."""
    units = [j for j, fact in enumerate(facts) if fact.loose in _LOCAL_UNITS
             or (fact.loose in _CONSTITUENCIES and j + 1 < len(facts) and facts[j + 1].loose in _SEATS)
             or (fact.loose in _BASE_KINDS and j + 1 < len(facts) and facts[j + 1].loose in _BASES)]
    if not units:
        return spans
    spans = list(spans)
    taken = _covered(spans)
    for j in units:
        start = _place_words_before(j, taken, tags, facts, _may_name_a_local_place)
        if start is None:
            continue
        place_before = next((span for span in spans if span[1] == start and span[2] == "LOC"), None)
        if place_before:
            spans.remove(place_before)
            start = place_before[0]
        spans.append((start, j, "LOC"))
        taken.update(range(start, j))
    return spans


_POSTPOSITIONS = frozenset("में से के की का को पर तक".split())
# What may follow a place standing alone: a postposition, or "जैसे" ("पुद्दूचेरी जैसे केंद्र शासित प्रदेश").
_BEFORE_A_STANDING_PLACE = _POSTPOSITIONS | {"जैसे", "जैसी", "जैसा"}
# After a person's name: ने, and every postposition but में (no one is "in" a person).
_CASE_MARKERS_AFTER_A_NAME = _POSTPOSITIONS - {"में"} | {"ने"}


def _known_places_standing_alone(spans: list[tuple[int, int, str]], tags: Sequence[str],
                                 facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """A word the gazetteer knows as one place, standing untagged and alone before a postposition or
    as an item of a list, as a place: "मंगलवार को सीवान से चार लोगों", "दो लोग पुणे में हैं", "मुंबई,
    पुणे, ठाणे, पालघर", "वैशाली एवं सीतामढी जिले में" (:func:`_a_list_item`). Not a place name that is
    also a common word ("गया", "सागर") or a given name or surname, and not the last word of a longer
    name ("एअर इंडिया से", "बार काउंसिल ऑफ इंडिया के")."""
    # _one_known_place takes Devanagari words only: that cheap test first
    candidates = [i for i in range(len(facts) - 1) if facts[i].script == "DEV"
                  and (facts[i + 1].key in _BEFORE_A_STANDING_PLACE or _a_list_item(i, facts))]
    if not candidates:
        return []
    taken = _covered(spans)
    found = []
    for i in candidates:
        fact = facts[i]
        if not _free_name_word(i, taken, tags, facts):
            continue
        if i > 0 and _free_name_word(i - 1, taken, tags, facts):
            continue
        if not _a_name_word(fact) and _one_known_place(fact):
            found.append((i, i + 1, "LOC"))
    return found


def _a_list_item(i: int, facts: Sequence[WordFacts]) -> bool:
    """Whether word ``i`` stands between the marks of a list ("मुंबई, पुणे, ठाणे,", "रोहतास, वैशाली एवं",
    "और नासिक ।"), or opens one before another known place ("भारत - अमेरिका", "पेरू , पुर्तगाल"). Not a
    dateline's "पानीपत, जेएनएन ।", whose comma leads to the reporter, not to another item."""
    before = facts[i - 1].key if i > 0 else ""
    after = facts[i + 1].key if i + 1 < len(facts) else ""
    if before in _ITEM_MARKS:
        return after in _ITEM_MARKS or after in _SENTENCE_ENDS
    return after in _ITEM_MARKS and i + 2 < len(facts) and _one_known_place(facts[i + 2])


def _a_place_read_as_a_name(i: int, facts: Sequence[WordFacts]) -> bool:
    """Whether word ``i`` is one the gazetteer knows as one place, not a common word, followed by
    "में" ("बांदा में": no one is "in" a person), or by another postposition, a conjunction or a
    bracket of a list when it is no given name or surname either ("सीवान से", "खड़गपुर और हरियाणा
    से", "नालंदा (15)"; not "पुरी से", a surname too)."""
    fact = facts[i]
    after = facts[i + 1].key if i + 1 < len(facts) else ""
    if not (after in _POSTPOSITIONS or after in _LIST_MARKS):
        return False  # not before ने either: "दिल्ली ने …" acts, a government or a team
    if after != "में" and _a_name_word(fact):
        return False
    return _one_known_place(fact)


def _one_known_place(fact: WordFacts) -> bool:
    """Whether a Devanagari word is a name the gazetteer knows as one place and no common word ("गया", "सागर")."""
    from .places import COMMON_WORD_PLACES, resolve_place  # places reads canon, which reads this module

    return fact.script == "DEV" and fact.key not in COMMON_WORD_PLACES and resolve_place(fact.key) is not None


def _a_name_word(fact: WordFacts) -> bool:
    """Whether a word is among the given names or surnames the training data holds."""
    return "first" in fact.lists or "last" in fact.lists


_LIST_MARKS = frozenset({"और", "व", "एवं", "तथा", ",", "(", ")"})  # "खड़गपुर और हरियाणा से", "नालंदा (15)"
_ITEM_MARKS = _LIST_MARKS | {"-"}  # what stands between the items of a list: "भारत - अमेरिका" too
_SENTENCE_ENDS = frozenset({"।", ".", "?", "!"})


def _may_name_a_local_place(fact: WordFacts) -> bool:
    """Not a kind of person ("युवती बिजटी गांव"), a word saying which or when ("पिछले विधानसभा
    चुनाव", "11 बजे गांव पहुंचे"), a verb's -कर form ("आवाज सुनकर गांव में") or a -वाले participle
    ("होनेवाले बिहार विधानसभा चुनाव"), which stand before a local unit as often as its name."""
    return (fact.key not in _KINDS_OF_PEOPLE and fact.key not in _NOT_LOCAL_NAMES
            and not fact.key.endswith(_PARTICIPLE_ENDINGS) and not (fact.key.endswith("कर") and not fact.place_like))


_PARTICIPLE_ENDINGS = ("नेवाले", "नेवाली", "नेवाला")  # "होनेवाले"; कोतवाली is a name
# Words that say which or when of a unit, not its name: "पिछले विधानसभा चुनाव", "हर गांव", "11 बजे गांव",
# "सदर थाना" (the headquarters' station; सदर alone is no place: "सदर अस्पताल").
_NOT_LOCAL_NAMES = frozenset(
    "बजे पिछले पिछली पिछला अगले अगली अगला आगामी बीते गत इस उस इसी उसी हर प्रत्येक पूरे पूरी सभी कई आम सदर "
    "स्थानीय नजदीकी पड़ोसी पास दूसरे दूसरी पहले पहली अपने अपनी उनके उनकी राज्यसभा निकाय पंचायत".split())


MAX_LIST_ITEM = 3  # words of one item of a list that a neighbour's type may name


def coordinated_names(spans: list[tuple[int, int, str]], tags: Sequence[str],
                       facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """``spans`` with the untagged items of a list of names of one type tagged as that type.

    Items of a list are runs of name words joined by one comma or conjunction. An item between
    two names of one type is one too ("आयरलैंड , इसराइल , इटली"), and so is a last item after
    two of them ("चंद्रपुर , भंडारा और नासिक") and the one word a conjunction joins to the name
    that ends a list of two ("दुबई और कुवैत में"). Items with a common word or a number ("गुजरात
    में सात , केरल में दो") are no names.

    >>> words = "चंद्रपुर , गढ़चिरौली , भंडारा और नासिक".split()
    >>> facts = [load_tagger().features.facts(w) for w in words]
    >>> coordinated_names([(0, 1, "LOC"), (4, 5, "LOC")], ["O"] * len(words), facts)
    [(0, 1, 'LOC'), (2, 3, 'LOC'), (4, 5, 'LOC'), (6, 7, 'LOC')]
    """
    if not spans or not any(fact.joins for fact in facts):
        return spans
    items = _list_items(facts)
    kind_of = {(start, end): kind for start, end, kind in spans}
    taken = _covered(spans)
    added = []
    for n, (start, end) in enumerate(items):
        if end - start > MAX_LIST_ITEM or not all(i not in taken and _may_be_a_name_word(tags[i], facts[i])
                                                   for i in range(start, end)):
            continue
        before = []
        for m in (n - 1, n - 2):
            if m < 0 or not _joined(items[m], items[m + 1], facts):
                break
            before.append(kind_of.get(items[m]))
        if not before and _first_of_a_pair(n, items, facts, kind_of):
            added.append((start, end, kind_of[items[n + 1]]))
            kind_of[start, end] = kind_of[items[n + 1]]
            continue
        if not before or before[0] is None:
            continue
        if n + 1 < len(items) and _joined(items[n], items[n + 1], facts):
            same = kind_of.get(items[n + 1]) == before[0]
        else:
            same = before[1:] == before[:1]
        if same:
            added.append((start, end, before[0]))
            kind_of[start, end] = before[0]
    return sorted(spans + added)


def _first_of_a_pair(n: int, items: list[tuple[int, int]], facts: Sequence[WordFacts],
                     kind_of: dict[tuple[int, int], str]) -> bool:
    """Whether item ``n`` is one word joined by a conjunction to a name that ends a list of two:
    "दुबई और कुवैत में". Not after a number, where it is what is counted ("5 मरीज और फरीदाबाद से 1")."""
    start, end = items[n]
    if end - start != 1 or n + 1 >= len(items) or items[n + 1] not in kind_of:
        return False
    if not _joined(items[n], items[n + 1], facts) or facts[end].key == ",":
        return False
    if not _uncued_content(facts[start]) or (start > 0 and facts[start - 1].number):
        return False
    return not (n + 2 < len(items) and _joined(items[n + 1], items[n + 2], facts))


def _may_be_a_name_word(tag: str, fact: WordFacts) -> bool:
    """Untagged, and no common word, number or future verb: what the list, title and निवासी rules may tag."""
    return tag == "O" and not fact.number and "common" not in fact.lists and not fact.key.endswith(_FUTURE_ENDINGS)


# Directions that name no place alone ("उत्तर-पूर्वी सीरिया" names Syria, and "उत्तर-पूर्वी" nothing).
_COMPASS_WORDS = frozenset("उत्तरी दक्षिणी पूर्वी पश्चिमी उत्तर-पूर्वी दक्षिण-पूर्वी उत्तर-पश्चिमी दक्षिण-पश्चिमी".split())


_SIDE_LETTERS = frozenset(("ए", "बी", "a", "b"))


def _a_side_letter_after(end: int, tags: Sequence[str], facts: Sequence[WordFacts]) -> bool:
    """Whether a place name ending at ``end`` is followed by the letter of a team ("भारत ए",
    "इंडिया बी"); not when another letter follows, the first of a run of initials ("… ए बी सिंह")."""
    if end >= len(facts) or tags[end] != "O" or facts[end].key not in _SIDE_LETTERS or not facts[end - 1].place:
        return False
    after = facts[end + 1] if end + 1 < len(facts) else None
    return after is None or not (after.key in _SIDE_LETTERS or _SPELLED_LETTERS.fullmatch(after.loose) or len(after.key) == 1)


_FUTURE_ENDINGS = ("ेंगे", "ेंगी", "ेगा", "ेगी", "ूंगा", "ूंगी")  # "… और कोच्चि पहुंचेंगे": a verb ends the list


def _list_items(facts: Sequence[WordFacts]) -> list[tuple[int, int]]:
    """(start, end) of each run of words that can be part of a name."""
    items, start = [], None
    for i, fact in enumerate(facts):
        if fact.content and start is None:
            start = i
        elif not fact.content and start is not None:
            items.append((start, i))
            start = None
    if start is not None:
        items.append((start, len(facts)))
    return items


def _joined(first: tuple[int, int], second: tuple[int, int], facts: Sequence[WordFacts]) -> bool:
    """True when one comma or conjunction stands between two items."""
    return second[0] - first[1] == 1 and facts[first[1]].joins


def _split_people_at_roles(spans: list[tuple[int, int, str]], facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """Cut a person span at a role or kin word inside it: two people, not one.

    "दुष्यंत सिंह गायिका कनिका कपूर" names दुष्यंत सिंह and कनिका कपूर; the role word
    itself is dropped later as an edge word.
    """
    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        cuts = [i for i in range(start + 1, end - 1) if kind == "PER" and facts[i].cue in ("title", "kin")]
        for cut in cuts:
            out.append((start, cut, kind))
            start = cut
        out.append((start, end, kind))
    return out


def _split_after_governments(spans: list[tuple[int, int, str]], facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """Cut an organisation's span after a government or a ministry (:data:`_ENDS_AN_ORGANISATION`):
    "दिल्ली सरकार | केंद्र", "सरकारी विमानन कंपनी एअर इंडिया" read on from "… सरकार"."""
    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        if kind == "ORG":
            for i in range(start, end - 1):
                if facts[i].loose in _ENDS_AN_ORGANISATION:
                    out.append((start, i + 1, kind))
                    start = i + 1
        out.append((start, end, kind))
    return out


def _split_at_commas_and_open_brackets(
    spans: list[tuple[int, int, str]], facts: Sequence[WordFacts]
) -> list[tuple[int, int, str]]:
    """Cut a span at a comma, or at a "(" that the span does not close: two names, not one.

    "राष्ट्रीय विषाणु विज्ञान संस्थान , पुणे" is an institute and a city; "भारतीय उद्योग परिसंघ
    ( सीआईआई" is a name and the start of its acronym in brackets. A span that closes its
    bracket ("राष्ट्रीय भर्ती एजेंसी ( एनआरए )") is left whole.
    """
    out: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        keys = [facts[i].key for i in range(start, end)]
        cuts = [start + j for j, key in enumerate(keys) if key == "," or (key == "(" and ")" not in keys[j + 1 :])]
        for cut in cuts:
            if cut > start:
                out.append((start, cut, kind))
            start = cut + 1
        if start < end:
            out.append((start, end, kind))
    return out


def _bracketed_acronyms(
    spans: list[tuple[int, int, str]], tags: Sequence[str], facts: Sequence[WordFacts]
) -> list[tuple[int, int, str]]:
    """An acronym in brackets right after an organisation or place names it too.

    "भारतीय उद्योग परिसंघ ( सीआईआई )" → ORG सीआईआई; "संयुक्त अरब अमीरात ( यूएई )" → LOC.
    """
    found = []
    for _, end, kind in spans:
        if kind == "PER" or end + 2 >= len(facts) or tags[end + 1] != "O":
            continue
        opening, inside, closing = facts[end], facts[end + 1], facts[end + 2]
        if opening.key == "(" and closing.key == ")" and (inside.acronym or inside.shape == "A"):
            if all(s[0] != end + 1 for s in spans):
                found.append((end + 1, end + 2, kind))
    return found


def _never_at_edge(fact: WordFacts) -> bool:
    return fact.script == "PUNCT" or fact.cue in NEVER_AT_EDGE


def _breaks_name(fact: WordFacts, kind: str) -> bool:
    """A word that ends the name before it: a case marker, or for a person any function word."""
    if fact.loose in _NEVER_INSIDE:
        return True
    return kind == "PER" and (fact.cue in ("post", "conj", "speech") or fact.script == "PUNCT")


# --- the tagger -----------------------------------------------------------------------


class ModelMissingError(FileNotFoundError):
    """The shipped NER model or its gazetteer is not in the package."""


class Tagger:
    """A trained CRF and the feature extractor it was trained with.

    Tagging reads the model's weights (:mod:`.crf`) rather than asking crfsuite: each word
    type's feature weights are summed once, as the word itself and as each neighbour, so a
    token costs a few vector additions, and a text's sentences are decoded together. The
    tags are crfsuite's own (``tests/test_ner.py`` checks them against it).
    """

    def __init__(self, model: bytes, gazetteer: Gazetteer, clusters: WordClusters | None = None):
        self.model = read_crfsuite_model(model)
        self.features = FeatureExtractor(gazetteer, frozenset(self.model.attributes), clusters=clusters)
        self._label_ids = {label: i for i, label in enumerate(self.model.labels)}
        self._edges = [self.model.score(_EDGE_VIEWS[offset]) for offset in _OFFSETS]
        self._ids: dict[str, int] = {}  # word type → its row in _table and _facts
        self._facts: list[WordFacts] = []
        self._table = np.empty((1024, 1 + len(_OFFSETS), len(self.model.labels)))
        # The few features of a token's place in its sentence (context_features), scored once.
        self._context = {feature: self.model.score([feature]) for feature in _CONTEXT_FEATURES}

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (PER, LOC, ORG, NUM, TIME) for one sentence's tokens.

        >>> load_tagger().tag(["व्लादिमीर", "पुतिन", "ने", "कहा"])
        ['B-PER', 'I-PER', 'O', 'O']
        """
        return self.tag_sentences([tokens])[0]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """:meth:`tag` for each sentence, decoded together (faster than one by one).

        A token with punctuation on it, as a corpus split at spaces writes them ("दिल्ली,",
        "(भाजपा)", "है।"), is read as the tokens :func:`~.normalize.tokenize` makes of it, and
        takes the tag of its first word.
        """
        pieces = [[_pieces(token) for token in tokens] for tokens in sentences]
        if all(len(p) == 1 for sentence in pieces for p in sentence):
            return _in_batches_by_length(sentences, lambda batch: self._decode(batch)[0])
        flat = [[piece for token in sentence for piece in token] for sentence in pieces]
        tagged = _in_batches_by_length(flat, lambda batch: self._decode(batch)[0])
        return [_tags_of_tokens(sentence, tags) for sentence, tags in zip(pieces, tagged)]

    def tag_with_confidence(self, tokens: list[str]) -> tuple[list[str], list[float]]:
        """:meth:`tag`, plus for each token the model's probability of its tag (1.0 outside spans)."""
        return self.tag_sentences_with_confidence([tokens])[0]

    def tag_sentences_with_confidence(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        """:meth:`tag_with_confidence` for each sentence, decoded together."""
        return _in_batches_by_length(sentences, self._tag_batch_with_confidence)

    def _tag_batch_with_confidence(self, sentences: Sequence[Sequence[str]]) -> list[tuple[list[str], list[float]]]:
        tagged, scores = self._decode(sentences)
        lengths = [len(tokens) for tokens in sentences]
        tagged_any = any(tag != "O" for tags in tagged for tag in tags)
        probability = marginals(scores, lengths, self.model.transition) if tagged_any else None
        out, offset = [], 0
        labels = self.model.labels
        for tags in tagged:
            confidence = [1.0] * len(tags)
            for start, end, kind in bio_spans(tags):
                rows = probability[offset + start : offset + end]
                if kind != "PER" and all(labels[j][2:] != kind for j in rows.argmax(axis=1)):
                    # a place or organisation the repair rules found or retyped where the model saw
                    # none of that kind ("केजीएमयू" read as a person): as sure as the rules are
                    continue
                for i in range(start, end):
                    confidence[i] = float(probability[offset + i, self._label_ids[tags[i]]])
            out.append((tags, confidence))
            offset += len(tags)
        return out

    def _decode(self, sentences: Sequence[Sequence[str]]) -> tuple[list[list[str]], np.ndarray]:
        """The repaired best tags of each sentence, and the state scores of all their tokens."""
        if len(self._ids) >= self.features.max_cached:  # forget word types between batches, never within one
            self._ids.clear()
            self._facts.clear()
        new_words: list[WordFacts] = []
        ids = [self._word_ids(tokens, new_words) for tokens in sentences]
        self._add_to_table(new_words)
        facts = [[self._facts[i] for i in sentence_ids] for sentence_ids in ids]
        scores = self._state_scores(ids, facts)
        lengths = [len(tokens) for tokens in sentences]
        labels = self.model.labels
        best = viterbi(scores, lengths, self.model.transition).tolist() if scores.size else []
        tagged, offset = [], 0
        for sentence_facts in facts:
            tags = [labels[i] for i in best[offset : offset + len(sentence_facts)]]
            tagged.append(repair_tags(tags, sentence_facts) if tags else [])
            offset += len(sentence_facts)
        return tagged, scores

    def _word_ids(self, tokens: Sequence[str], new_words: list[WordFacts]) -> list[int]:
        """:meth:`_word_id` of each token (most are known: looked up without a call per token)."""
        known = self._ids
        return [known[token] if token in known else self._word_id(token, new_words) for token in tokens]

    def _word_id(self, token: str, new_words: list[WordFacts]) -> int:
        """The row of a word type in the table of summed feature weights; a new word's facts are
        added to ``new_words``, and its row filled by :meth:`_add_to_table`."""
        word_id = self._ids.get(token)
        if word_id is None:
            facts = self.features.facts(token)
            word_id = self._ids[token] = len(self._facts)
            self._facts.append(facts)
            new_words.append(facts)
        return word_id

    def _add_to_table(self, words: list[WordFacts]) -> None:
        """Sum the weights of the words last added to the table, all at once: the features of
        :meth:`FeatureExtractor.view`, summed by name (they need no encoding to be summed once)."""
        if not words:
            return
        while len(self._table) < len(self._facts):
            self._table = np.concatenate([self._table, np.empty_like(self._table)])
        groups = [group for facts in words
                  for group in (word_features(facts), *(neighbour_features(facts, o) for o in _OFFSETS))]
        rows = self.model.score_named_groups(groups).reshape(len(words), 1 + len(_OFFSETS), -1)
        self._table[len(self._facts) - len(words) : len(self._facts)] = rows

    def _state_scores(self, ids: Sequence[Sequence[int]], facts: Sequence[Sequence[WordFacts]]) -> np.ndarray:
        """The state score of every label at every token of the sentences (their word ids and
        facts): the sum of the weights of its features (those of
        :meth:`FeatureExtractor.sentence_features`, grouped by the word they come from)."""
        flat = np.fromiter((i for sentence in ids for i in sentence), dtype=np.intp)
        lengths = np.array([len(sentence) for sentence in ids], dtype=np.intp)
        words = self._table[flat]  # (tokens, own / 2 before / 1 before / 1 after / 2 after, labels)
        position = np.arange(len(flat)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        after = np.repeat(lengths, lengths) - position - 1  # tokens after each in its sentence
        scores = words[:, 0].copy()
        for row, shift, inside, edge in ((1, 2, position >= 2, 0), (2, 1, position >= 1, 1),
                                         (3, -1, after >= 1, 2), (4, -2, after >= 2, 3)):
            lent = _shifted(words[:, row], shift)  # what the word `shift` places away lends
            scores += np.where(inside[:, None], lent, self._edges[edge])
        at, features, offset = [], [], 0
        for sentence_facts in facts:
            found = self.features.context_features_at(sentence_facts)
            at += [offset + i for i, _ in found]
            features += [feature for _, feature in found]
            offset += len(sentence_facts)
        if features:
            np.add.at(scores, at, [self._context[feature] for feature in features])
        return scores


# A character that may part a token in two: anything but a letter, a sign, a digit, a hyphen or an
# apostrophe (hyphenated names, numbers and "डॉ." are looked at, and stay whole).
_MAY_SPLIT = re.compile(rf"[^{WORD_CHARS}'’-]")
_WORD_START = re.compile(rf"[{WORD_CHARS}]")


def _pieces(token: str) -> list[str]:
    """The tokens the tagger reads for one given token: itself, or its word and punctuation apart."""
    if not _MAY_SPLIT.search(token):
        return [token]
    return [_as_tagged(token[start:end]) for start, end in token_spans(token)] or [token]


def _tags_of_tokens(pieces: Sequence[Sequence[str]], tags: Sequence[str]) -> list[str]:
    """One tag per given token from its pieces' tags: its first word's (else its first piece's),
    an ``I-`` that continues no span of its type turned ``B-``."""
    out: list[str] = []
    at = 0
    for token in pieces:
        word = next((i for i, piece in enumerate(token) if _WORD_START.match(piece)), 0)
        tag = tags[at + word]
        if tag.startswith("I-") and (not out or out[-1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        at += len(token)
    return out


def _shifted(rows: np.ndarray, shift: int) -> np.ndarray:
    """``rows`` moved ``shift`` places down (up if negative), zeros where none moved in: a copy
    that, unlike ``np.roll``, does not wrap around (the rows it would wrap are never used)."""
    out = np.zeros_like(rows)
    if shift > 0:
        out[shift:] = rows[:-shift]
    else:
        out[:shift] = rows[-shift:]
    return out


DECODE_BATCH = 64  # sentences decoded at once, of similar lengths: their scores are padded to the longest


def _in_batches_by_length(sentences: Sequence[Sequence[str]], tag_batch: Callable[[list], list]) -> list:
    """``tag_batch`` over batches of sentences of similar length, its results in the sentences' order."""
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    results: list = [None] * len(sentences)
    for start in range(0, len(order), DECODE_BATCH):
        batch = order[start : start + DECODE_BATCH]
        for i, result in zip(batch, tag_batch([sentences[i] for i in batch])):
            results[i] = result
    return results


@cache
def load_tagger() -> Tagger:
    """The NER model shipped in ``ghatnakram/resources`` (loaded once per process).

    Raises :class:`ModelMissingError` naming the missing file and the training command.
    """
    return load_tagger_from(resources.files("ghatnakram").joinpath("resources"))


def load_tagger_from(folder) -> Tagger:
    """Load ``ner.crfsuite``, ``ner_gazetteer.tsv`` and ``ner_clusters.tsv`` from ``folder`` (a path or a package resource)."""
    folder = Path(folder) if isinstance(folder, str) else folder
    model, gazetteer, clusters = (folder.joinpath(name) for name in (MODEL_FILE, GAZETTEER_FILE, CLUSTER_FILE))
    for needed in (model, gazetteer, clusters):
        if not needed.is_file():
            raise ModelMissingError(
                f"NER model file missing: {needed}. Train it from the repository root with: "
                f"{TRAINING_COMMAND} (reads IL-NER Hindi from ../shared/data/ner/il-ner-hindi)"
            )
    return Tagger(
        model.read_bytes(),
        Gazetteer.from_tsv(gazetteer.read_text(encoding="utf-8"), str(gazetteer)),
        WordClusters.from_tsv(clusters.read_text(encoding="utf-8"), str(clusters)),
    )


# --- mentions in text -----------------------------------------------------------------


def find_mentions(text: str, tagger: Tagger | None = None) -> list[Mention]:
    """PER, LOC and ORG mentions in cleaned article text, in text order.

    ``start``/``end`` are offsets into ``text`` (``text[m.start:m.end] == m.text``) and
    ``sentence`` indexes :func:`normalize.split_sentences`. Canonical names are left to
    the entities stage.

    >>> [(m.text, m.type) for m in find_mentions("रूसी राष्ट्रपति व्लादिमीर पुतिन मास्को पहुंचे।")]
    [('व्लादिमीर पुतिन', 'PER'), ('मास्को', 'LOC')]
    """
    return find_mentions_in_texts([text], tagger)[0]


def find_mentions_in_texts(texts: Sequence[str], tagger: Tagger | None = None) -> list[list[Mention]]:
    """:func:`find_mentions` of each text, their sentences tagged together (faster than one by one)."""
    tagger = tagger or load_tagger()
    texts_sentences = [sentence_offsets(text) for text in texts]
    texts_spans = [[token_spans(sentence) for _, sentence in sentences] for sentences in texts_sentences]
    texts_tokens = [[_tokens_as_tagged(sentence, where) for (_, sentence), where in zip(sentences, spans)]
                    for sentences, spans in zip(texts_sentences, texts_spans)]
    tagged = iter(tagger.tag_sentences_with_confidence([tokens for text in texts_tokens for tokens in text]))
    return [_mentions(text, sentences, spans, tokens, [next(tagged) for _ in tokens], tagger)
            for text, sentences, spans, tokens in zip(texts, texts_sentences, texts_spans, texts_tokens)]


def _tokens_as_tagged(sentence: str, spans: Sequence[tuple[int, int]]) -> list[str]:
    """The tokens of a sentence at ``spans``, as the tagger reads them (:func:`_as_tagged`)."""
    tokens = [sentence[start:end] for start, end in spans]
    return [_as_tagged(token) for token in tokens] if VISARGA in sentence else tokens


def _as_tagged(token: str) -> str:
    """The token the tagger reads: a visarga split off as a colon ("पटनाः") is the colon it stands for."""
    return ":" if token == VISARGA else token


def _mentions(text: str, sentences, spans, tokens, tagged, tagger: Tagger) -> list[Mention]:
    """The mentions of one text from its tagged sentences, names propagated."""
    tags = propagate_names(tokens, [t for t, _ in tagged], tagger.features, [c for _, c in tagged])
    mentions: list[Mention] = []
    for index, ((offset, _), where, sentence_tags) in enumerate(zip(sentences, spans, tags)):
        for first, last, kind in bio_spans(sentence_tags):
            if kind in ENTITY_TYPES:
                start, end = offset + where[first][0], offset + where[last - 1][1]
                if kind == "PER" and last - first > 1 and _names_a_known_place(text[start:end]):
                    kind = "LOC"
                mentions.append(Mention(text=text[start:end], type=kind, start=start, end=end, sentence=index))
    return mentions


def _is_demonym(word: str) -> bool:
    """Whether ``word`` is what a country's people or things are called: ईरान → ईरानी, जापान →
    जापानी, अमेरिका → अमेरिकी (and no place of that name itself). Not of a town: सुल्तानपुरी is a
    place of its own."""
    from .places import places_of_adjective  # places reads the name keys of canon, which reads this module

    return any(place.kind == "country" for place in places_of_adjective(word))


def _names_a_known_place(name: str) -> bool:
    """Whether a name of two or more words is a gazetteer place: "प्रयाग राज" read as a person's
    first and last name is the city. One word may be both ("आनंद"), so it stays as tagged."""
    from .places import resolve_place  # places reads the name keys of canon, which reads this module

    return resolve_place(name) is not None


PROPAGATE_CONFIDENCE = 0.9


def propagate_names(
    tokens: Sequence[Sequence[str]],
    tags: Sequence[Sequence[str]],
    features: FeatureExtractor,
    confidence: Sequence[Sequence[float]] | None = None,
) -> list[list[str]]:
    """Tag later mentions of names the tagger found elsewhere in the same article.

    News names a person in full once ("व्लादिमीर पुतिन") and then by surname ("पुतिन
    ने कहा"). Every PER/LOC/ORG span found with confidence ≥ ``PROPAGATE_CONFIDENCE``
    (each token's tag probability, when ``confidence`` is given), and the last word of a
    person's full name, is tagged wherever it recurs untagged, unless a word of it is a
    cue or ordinary word. A list item that a name found again now names ("तर्तूस और खमाइमिम
    में") is tagged too (:func:`coordinated_names`), and found again in the sentences after it.
    """
    names: dict[tuple[str, ...], Counter] = {}
    for index, (sentence, sentence_tags) in enumerate(zip(tokens, tags)):
        for start, end, kind in bio_spans(sentence_tags):
            if kind not in ENTITY_TYPES:
                continue
            if confidence is not None and min(confidence[index][start:end]) < PROPAGATE_CONFIDENCE:
                continue
            facts = features.facts_of(sentence[start:end])
            candidates = [facts] + ([facts[-1:]] if kind == "PER" and len(facts) > 1 else [])
            for words in candidates:
                if all(_can_propagate(f, features.gazetteer) for f in words):
                    names.setdefault(tuple(f.loose for f in words), Counter())[kind] += 1
    out = [list(t) for t in tags]
    if not names:
        return out
    longest = max(len(name) for name in names)
    first_words = {name[0] for name in names}
    for sentence, sentence_tags in zip(tokens, out):
        facts = features.facts_of(sentence)
        keys = [fact.loose for fact in facts]
        found_here = False
        free = 0  # tokens before `free` are in a name tagged here already
        for i in [i for i, key in enumerate(keys) if key in first_words]:  # where a name may start
            if i < free:
                continue
            for width in range(min(longest, len(keys) - i), 0, -1):
                name = tuple(keys[i : i + width])
                if name in names and all(tag == "O" for tag in sentence_tags[i : i + width]):
                    kind = names[name].most_common(1)[0][0]
                    sentence_tags[i : i + width] = [f"B-{kind}"] + [f"I-{kind}"] * (width - 1)
                    found_here = True
                    free = i + width
                    break
        if not found_here:
            continue
        for start, end, kind in _list_items_named(sentence_tags, facts):
            sentence_tags[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
            if all(_can_propagate(f, features.gazetteer) for f in facts[start:end]):
                name = tuple(keys[start:end])  # found again in the sentences that follow
                names.setdefault(name, Counter())[kind] += 1
                longest, first_words = max(longest, len(name)), first_words | {name[0]}
    return out


def _list_items_named(tags: list[str], facts: Sequence[WordFacts]) -> list[tuple[int, int, str]]:
    """The untagged items of lists that a propagated name now belongs to, as
    :func:`coordinated_names` tags them: "तर्तूस और खमाइमिम में" once खमाइमिम is known as a place."""
    spans = [span for span in bio_spans(tags) if span[2] in ENTITY_TYPES]
    untagged = ["O" if tag.endswith(ENTITY_TYPES) else tag for tag in tags]
    return sorted(set(coordinated_names(spans, untagged, facts)) - set(spans))


def _can_propagate(fact: WordFacts, gazetteer: Gazetteer) -> bool:
    return _uncued_content(fact) and len(fact.loose) > 1 and fact.loose not in gazetteer.common


# --- scoring --------------------------------------------------------------------------


class SentenceTagger(Protocol):
    """What scoring needs of a tagger: :class:`Tagger`, or an experiment's."""

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]: ...


def score_sentences(
    gold: Iterable[Sequence[tuple[str, str]]], tagger: SentenceTagger | None = None
) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 of the tagger on gold ``(token, tag)`` sentences.

    Returns ``{"micro": {...}, "PER": {...}, "LOC": {...}, "ORG": {...}}``, each with
    precision, recall, f1 and the counts gold, predicted, correct (micro over PER/LOC/ORG).
    """
    tagger = tagger or load_tagger()
    counts = {kind: [0, 0, 0] for kind in ENTITY_TYPES}  # gold, predicted, correct
    gold = list(gold)
    sentences = [[token for token, _ in sentence] for sentence in gold]
    tagged = tagger.tag_sentences(sentences)
    for sentence, tags in zip(gold, tagged):
        truth = {s for s in bio_spans([tag for _, tag in sentence]) if s[2] in ENTITY_TYPES}
        guess = {s for s in bio_spans(tags) if s[2] in ENTITY_TYPES}
        for kind in ENTITY_TYPES:
            counts[kind][0] += sum(1 for s in truth if s[2] == kind)
            counts[kind][1] += sum(1 for s in guess if s[2] == kind)
            counts[kind][2] += sum(1 for s in truth & guess if s[2] == kind)
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    scores = {"micro": _prf(*totals)}
    scores.update({kind: _prf(*counts[kind]) for kind in ENTITY_TYPES})
    return scores


def _prf(gold: int, predicted: int, correct: int) -> dict[str, float]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold": gold, "predicted": predicted, "correct": correct}


def score_conll(path: str | Path, tagger: Tagger | None = None, skipped: list[str] | None = None) -> dict[str, dict[str, float]]:
    """Score the tagger on a CoNLL file (``token<TAB>tag``, BIO) by exact span match.

    Entity labels may be written NEP/NEL/NEO, PER/LOC/ORG or PERSON/LOCATION/ORGANIZATION;
    other types are ignored. Raises ValueError (``file:line`` and the fix) for a malformed
    or empty file; given a ``skipped`` list, malformed lines are left out instead, each
    with its message appended, and the rest is scored. See :func:`score_sentences` for the result.
    """
    return score_sentences(read_conll(path, strict=skipped is None, skipped=skipped), tagger)


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    """A readable table of :func:`score_conll` results, one row per type and micro last."""
    header = f"{'type':<6}{'precision':>10}{'recall':>8}{'f1':>8}{'gold':>7}{'predicted':>10}{'correct':>8}"
    rows = [header]
    for kind in (*ENTITY_TYPES, "micro"):
        s = scores[kind]
        counts = "".join(f"{int(s[k]):>{w}}" for k, w in (("gold", 7), ("predicted", 10), ("correct", 8)) if k in s)
        rows.append(f"{kind:<6}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{counts}")
    return "\n".join(rows)
