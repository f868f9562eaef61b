"""Named-entity recognition for Hindi news: people, places and organisations.

A linear-chain CRF (python-crfsuite) trained by ``training/train_ner.py`` on the training
split of IL-NER Hindi (Bahad et al., NAACL-SRW 2024; CC-BY-4.0). The model ships as
``resources/ner.crfsuite`` with its gazetteer ``resources/ner_gazetteer.tsv``: place names
from Unicode CLDR 37, i18n-iso-countries and covid19india (see the notice at the top of
that file) and name/organisation words learned from the IL-NER training split.

The CRF predicts BIO tags for PER, LOC, ORG, NUM and TIME; :func:`find_mentions` keeps
PER/LOC/ORG (numbers and times belong to the quantities and dates stages).

This module is the only place where features are defined: the training script imports
:class:`FeatureExtractor` from here, so training and run time cannot drift apart.

Public API:

* :func:`load_tagger` – the shipped model (cached); :meth:`Tagger.tag` tags a token list.
* :func:`find_mentions` – PER/LOC/ORG mentions with character offsets into cleaned text.
* :func:`score_conll` / :func:`format_scores` – exact-span scores on a CoNLL file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .models import Mention
from .normalize import LETTER_NAMES, ZWJ, ZWNJ, ascii_digits, split_sentences, tokenize

__all__ = [
    "ENTITY_TYPES",
    "FeatureExtractor",
    "Gazetteer",
    "ModelMissingError",
    "Tagger",
    "bio_spans",
    "find_mentions",
    "format_scores",
    "load_tagger",
    "read_conll",
    "score_conll",
    "score_sentences",
]

ENTITY_TYPES = ("PER", "LOC", "ORG")
MODEL_TYPES = ("PER", "LOC", "ORG", "NUM", "TIME")
MODEL_FILE = "ner.crfsuite"
GAZETTEER_FILE = "ner_gazetteer.tsv"
TRAINING_COMMAND = "python training/train_ner.py"

# --- labels -------------------------------------------------------------------------

# Entity type names as different corpora write them → ours. Other types are ignored (O).
_TYPE_ALIASES = {
    "NEP": "PER", "PER": "PER", "PERSON": "PER",
    "NEL": "LOC", "LOC": "LOC", "LOCATION": "LOC",
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


def read_conll(path: str | Path, *, strict: bool = True) -> list[list[tuple[str, str]]]:
    """Read a CoNLL file (``token<TAB>tag``, blank line between sentences).

    Tags are mapped with :func:`canonical_tag`; with several columns the first is the
    token and the last the tag. With ``strict`` a line without a tab, an empty token or
    tag, or a file without tokens raises ValueError naming ``file:line``; without it such
    lines are skipped (training reads IL-NER, which has one such line).
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
        columns = line.split("\t")
        token, tag = columns[0].strip(), columns[-1].strip()
        if len(columns) < 2 or not token or not tag:
            if strict:
                raise ValueError(_bad_line_message(path, number, line))
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


def _bad_line_message(path: Path, number: int, line: str) -> str:
    if "\t" not in line:
        problem = "no tab between token and tag"
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
        prefix, kind = (tag[0], tag[2:]) if tag != "O" else ("O", "")
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
_NASAL_BEFORE_CONSONANT = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")
# nukta dropped; chandrabindu → anusvara; ॉ/ऑ → ा/आ (मॉस्को = मास्को).
_LOOSE = str.maketrans({"\u093c": None, "\u0901": "\u0902", "\u0949": "\u093e", "\u0911": "\u0906"})
_NUMBER = re.compile(r"^\d+(?:[.,:/]\d+)*%?$")
_DEVANAGARI = re.compile("[\u0900-\u097f\ua8e0-\ua8ff]")
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
    >>> loose_key("ग़ाज़ियाबाद") == loose_key("गाजियाबाद")
    True
    """
    key = word_key(token).translate(_LOOSE)
    return _NASAL_BEFORE_CONSONANT.sub("\u0902", key)


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
        elif "\u0900" <= ch <= "\u097f" or "\ua8e0" <= ch <= "\ua8ff":
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
    key = word_key(token)
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
    # Titles and roles written before a person's name.
    "title": """श्री श्रीमान श्रीमती सुश्री कुमारी डॉ डॉ. डा. प्रो. प्रोफेसर राष्ट्रपति उपराष्ट्रपति
        प्रधानमंत्री मुख्यमंत्री उपमुख्यमंत्री मंत्री राज्यमंत्री सांसद विधायक पार्षद राज्यपाल उपराज्यपाल
        नेता प्रवक्ता अध्यक्ष उपाध्यक्ष सचिव महासचिव सभापति महापौर मेयर जिलाधिकारी कलेक्टर आयुक्त
        अधीक्षक निरीक्षक थानाध्यक्ष थानेदार दरोगा प्रभारी न्यायाधीश न्यायमूर्ति जज अधिवक्ता वकील कप्तान
        कोच अभिनेता अभिनेत्री निदेशक प्रबंधक संस्थापक चेयरमैन प्राचार्य कुलपति पीएम सीएम डीएम एसपी
        एसएसपी डीजीपी आईजी डीआईजी एसडीएम एसएचओ डीसीपी बीडीओ सीओ इंस्पेक्टर महात्मा स्वामी संत
        पंडित पं. मौलाना शेख जनरल कर्नल मेजर कैप्टन लेफ्टिनेंट ब्रिगेडियर शहीद स्व. स्वर्गीय दिवंगत
        सरदार साध्वी महंत बाबा राजा रानी सम्राट सुल्तान प्रत्याशी उम्मीदवार सलाहकार राजदूत""",
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

GAZETTEER_KINDS = ("place", "first", "last", "orgword")


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
    _longest: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for phrase in self.place:
            self._longest[phrase[0]] = max(self._longest.get(phrase[0], 0), len(phrase))

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
        for kind in ("first", "last", "orgword"):
            lines += [f"{kind}\t{word}" for word in sorted(getattr(self, kind))]
        return "\n".join(lines) + "\n"

    def word_lists(self, key: str) -> tuple[str, ...]:
        """Which single-word lists ``key`` (a loose key) is in."""
        return tuple(kind for kind in ("first", "last", "orgword") if key in getattr(self, kind))

    def place_marks(self, keys: Sequence[str]) -> list[str]:
        """Per token: "B"/"I" inside the longest place phrase found there, else ""."""
        marks = [""] * len(keys)
        longest, places = self._longest, self.place
        i, n = 0, len(keys)
        while i < n:
            width = min(longest.get(keys[i], 0), n - i)
            while width and tuple(keys[i : i + width]) not in places:
                width -= 1
            if width:
                marks[i] = "B"
                for j in range(i + 1, i + width):
                    marks[j] = "I"
                i += width
            else:
                i += 1
        return marks


# --- features -------------------------------------------------------------------------

_OFFSETS = ("-2", "-1", "+1", "+2")
_EDGE_VIEWS = {  # what a position outside the sentence looks like from inside it
    "-2": ("w-2=<s>",), "-1": ("w-1=<s>",), "+1": ("w+1=</s>",), "+2": ("w+2=</s>",),
}


@dataclass(frozen=True, slots=True)
class _WordView:
    """A word's features: as the current token, and as each neighbour; its loose key."""

    own: tuple[str, ...]
    as_neighbour: dict[str, tuple[str, ...]]
    loose: str


def word_features(token: str, gazetteer: Gazetteer) -> list[str]:
    """Features of a token on its own (no context).

    >>> feats = word_features("अल-शरा", Gazetteer())
    >>> "w=अल-शरा" in feats and "hy0=अल" in feats and "hy1=शरा" in feats and "s2=रा" in feats
    True
    """
    key, loose = word_key(token), loose_key(token)
    feats = [f"w={key}", f"l={loose}", f"sh={word_shape(token)}", f"t={script_class(token)}"]
    if len(key) > 1:
        feats += [f"p{n}={key[:n]}" for n in range(1, min(4, len(key) - 1) + 1)]
        feats += [f"s{n}={key[-n:]}" for n in range(1, min(4, len(key) - 1) + 1)]
    if _NUMBER.match(key):
        feats.append("num")
    if "-" in key[1:-1]:
        parts = key.split("-")
        feats += ["hy", f"hy0={parts[0]}", f"hy1={parts[-1]}"]
    if key.endswith(".") and len(key) > 1:
        feats.append("abbr")
    cue = CUE_CLASSES.get(loose)
    if cue:
        feats.append(f"c={cue}")
    elif is_spelled_acronym(token):
        feats.append("acro")
    feats += [f"n={kind}" for kind in gazetteer.word_lists(loose)]
    return feats


def neighbour_features(token: str, offset: str, gazetteer: Gazetteer) -> list[str]:
    """Features a token lends to the token ``offset`` positions away ("-1" = it comes just before)."""
    key, loose = word_key(token), loose_key(token)
    feats = [f"w{offset}={key}"]
    cue = CUE_CLASSES.get(loose)
    if cue:
        feats.append(f"c{offset}={cue}")
    if offset in ("-1", "+1"):
        feats.append(f"t{offset}={script_class(token)}")
        feats += [f"n{offset}={kind}" for kind in gazetteer.word_lists(loose)]
        if not cue and is_spelled_acronym(token):
            feats.append(f"acro{offset}")
    return feats


class FeatureExtractor:
    """Turns token lists into CRF feature lists.

    Everything that depends on one word only is computed once per word type and kept
    (up to ``max_cached`` types); per token only the context is put together.
    ``known`` (the model's attribute names), when given, drops features the model never
    saw, so the CRF gets shorter lists.
    """

    def __init__(self, gazetteer: Gazetteer, known: frozenset[str] | None = None, max_cached: int = 300_000):
        self.gazetteer = gazetteer
        self.known = known
        self.max_cached = max_cached
        self._views: dict[str, _WordView] = {}

    def view(self, token: str) -> _WordView:
        """The cached :class:`_WordView` of ``token``."""
        cached = self._views.get(token)
        if cached is None:
            if len(self._views) >= self.max_cached:
                self._views.clear()
            cached = self._views[token] = self._make_view(token)
        return cached

    def _make_view(self, token: str) -> _WordView:
        keep = self._keep
        own = keep(word_features(token, self.gazetteer))
        around = {off: keep(neighbour_features(token, off, self.gazetteer)) for off in _OFFSETS}
        return _WordView(own, around, loose_key(token))

    def _keep(self, feats: Iterable[str]) -> tuple[str, ...]:
        if self.known is None:
            return tuple(feats)
        return tuple(f for f in feats if f in self.known)

    def sentence_features(self, tokens: Sequence[str]) -> list[list[str]]:
        """One feature list per token of a sentence."""
        views = [self.view(token) for token in tokens]
        marks = self.gazetteer.place_marks([v.loose for v in views])
        n = len(views)
        out: list[list[str]] = []
        for i, view in enumerate(views):
            feats = list(view.own)
            feats += views[i - 2].as_neighbour["-2"] if i >= 2 else _EDGE_VIEWS["-2"]
            feats += views[i - 1].as_neighbour["-1"] if i >= 1 else _EDGE_VIEWS["-1"]
            feats += views[i + 1].as_neighbour["+1"] if i + 1 < n else _EDGE_VIEWS["+1"]
            feats += views[i + 2].as_neighbour["+2"] if i + 2 < n else _EDGE_VIEWS["+2"]
            if marks[i]:
                feats.append(f"g{marks[i]}=place")
            if i and marks[i - 1]:
                feats.append("g-1=place")
            if i + 1 < n and marks[i + 1]:
                feats.append(f"g+1{marks[i + 1]}=place")
            out.append(feats)
        return out


# --- the tagger -----------------------------------------------------------------------


class ModelMissingError(FileNotFoundError):
    """The shipped NER model or its gazetteer is not in the package."""


class Tagger:
    """A trained CRF and the feature extractor it was trained with."""

    def __init__(self, model: bytes, gazetteer: Gazetteer):
        import pycrfsuite

        self._model = model  # crfsuite reads the model in place: keep the bytes alive
        self._crf = pycrfsuite.Tagger()
        self._crf.open_inmemory(model)
        self.features = FeatureExtractor(gazetteer)

    @classmethod
    def from_files(cls, model_path: str | Path, gazetteer_path: str | Path) -> "Tagger":
        """Load a model file and its gazetteer TSV."""
        gazetteer_path = Path(gazetteer_path)
        gazetteer = Gazetteer.from_tsv(gazetteer_path.read_text(encoding="utf-8"), str(gazetteer_path))
        return cls(Path(model_path).read_bytes(), gazetteer)

    def tag(self, tokens: list[str]) -> list[str]:
        """BIO tags (PER, LOC, ORG, NUM, TIME) for one sentence's tokens.

        >>> load_tagger().tag(["व्लादिमीर", "पुतिन", "ने", "कहा"])
        ['B-PER', 'I-PER', 'O', 'O']
        """
        if not tokens:
            return []
        return self._crf.tag(self.features.sentence_features(tokens))


@cache
def load_tagger() -> Tagger:
    """The NER model shipped in ``ghatnakram/resources`` (loaded once per process)."""
    folder = resources.files("ghatnakram").joinpath("resources")
    model, gazetteer = folder.joinpath(MODEL_FILE), folder.joinpath(GAZETTEER_FILE)
    for needed in (model, gazetteer):
        if not needed.is_file():
            raise ModelMissingError(
                f"NER model file missing: {needed}. Train it from the repository root with: "
                f"{TRAINING_COMMAND} (reads IL-NER Hindi from ../shared/data/ner/il-ner-hindi)"
            )
    return Tagger(model.read_bytes(), Gazetteer.from_tsv(gazetteer.read_text(encoding="utf-8"), str(gazetteer)))


# --- mentions in text -----------------------------------------------------------------


def find_mentions(text: str, tagger: Tagger | None = None) -> list[Mention]:
    """PER, LOC and ORG mentions in cleaned article text, in text order.

    ``start``/``end`` are offsets into ``text`` (``text[m.start:m.end] == m.text``) and
    ``sentence`` indexes :func:`normalize.split_sentences`. Canonical names are left to
    the entities stage.

    >>> [(m.text, m.type) for m in find_mentions("रूसी राष्ट्रपति व्लादिमीर पुतिन मास्को पहुंचे।")]
    [('व्लादिमीर पुतिन', 'PER'), ('मास्को', 'LOC')]
    """
    tagger = tagger or load_tagger()
    mentions: list[Mention] = []
    for index, (offset, sentence) in enumerate(_sentence_offsets(text)):
        spans = _token_offsets(sentence)
        tags = tagger.tag([sentence[a:b] for a, b in spans])
        for first, last, kind in bio_spans(tags):
            if kind not in ENTITY_TYPES:
                continue
            first, last = _trim_punctuation(sentence, spans, first, last)
            if first < last:
                start, end = offset + spans[first][0], offset + spans[last - 1][1]
                mentions.append(Mention(text=text[start:end], type=kind, start=start, end=end, sentence=index))
    return mentions


def _sentence_offsets(text: str) -> list[tuple[int, str]]:
    """Each sentence of :func:`split_sentences` with where it starts in ``text``."""
    found: list[tuple[int, str]] = []
    cursor = 0
    for sentence in split_sentences(text):
        start = text.find(sentence, cursor)
        if start < 0:  # cannot happen for split_sentences output; keep going rather than misplace
            continue
        found.append((start, sentence))
        cursor = start + len(sentence)
    return found


def _token_offsets(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each :func:`tokenize` token in ``sentence``."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for token in tokenize(sentence):
        start = sentence.find(token, cursor)
        spans.append((start, start + len(token)))
        cursor = start + len(token)
    return spans


def _trim_punctuation(sentence: str, spans: list[tuple[int, int]], first: int, last: int) -> tuple[int, int]:
    """Drop punctuation tokens at either end of a span."""
    def is_punct(i: int) -> bool:
        return script_class(sentence[spans[i][0] : spans[i][1]]) == "PUNCT"

    while first < last and is_punct(first):
        first += 1
    while last > first and is_punct(last - 1):
        last -= 1
    return first, last


# --- scoring --------------------------------------------------------------------------


def score_sentences(
    gold: Iterable[Sequence[tuple[str, str]]], tagger: Tagger | None = None
) -> dict[str, dict[str, float]]:
    """Exact-span precision/recall/F1 of the tagger on gold ``(token, tag)`` sentences.

    Returns ``{"micro": {...}, "PER": {...}, "LOC": {...}, "ORG": {...}}``, each with
    precision, recall, f1 and the counts gold, predicted, correct (micro over PER/LOC/ORG).
    """
    tagger = tagger or load_tagger()
    counts = {kind: [0, 0, 0] for kind in ENTITY_TYPES}  # gold, predicted, correct
    for sentence in gold:
        tokens = [token for token, _ in sentence]
        truth = {s for s in bio_spans([tag for _, tag in sentence]) if s[2] in ENTITY_TYPES}
        guess = {s for s in bio_spans(tagger.tag(tokens)) if s[2] in ENTITY_TYPES}
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


def score_conll(path: str | Path, tagger: Tagger | None = None) -> dict[str, dict[str, float]]:
    """Score the tagger on a CoNLL file (``token<TAB>tag``, BIO) by exact span match.

    Entity labels may be written NEP/NEL/NEO, PER/LOC/ORG or PERSON/LOCATION/ORGANIZATION;
    other types are ignored. Raises ValueError (``file:line`` and the fix) for a malformed
    or empty file. See :func:`score_sentences` for the result.
    """
    return score_sentences(read_conll(path, strict=True), tagger)


def format_scores(scores: dict[str, dict[str, float]]) -> str:
    """A readable table of :func:`score_conll` results, one row per type and micro last."""
    header = f"{'type':<6}{'precision':>10}{'recall':>8}{'f1':>8}{'gold':>7}{'predicted':>10}{'correct':>8}"
    rows = [header]
    for kind in (*ENTITY_TYPES, "micro"):
        s = scores[kind]
        counts = "".join(f"{int(s[k]):>{w}}" for k, w in (("gold", 7), ("predicted", 10), ("correct", 8)) if k in s)
        rows.append(f"{kind:<6}{s['precision']:>10.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}{counts}")
    return "\n".join(rows)
