"""Outlet comparison for one event: which facts outlets share, which one outlet alone reports,
and where they disagree.

Facts come from each article's analysis (see :mod:`ghatnakram.facts`): numbers with what
they count, the event's date and time, the recurrence ordinal, attributed quotes and named
entities. Each fact sits in a *slot* (what it is about: "deaths in असम", "event date",
"who said “…”") and has a value; every fact keeps its outlet, article and sentence as evidence.

* shared — two or more independent sources state the same value (equal numbers however
  written: 1.5 लाख = डेढ़ लाख = 150000; entities by canonical id, so spellings do not matter);
* unique — only one source states it (listed under its outlet);
* conflicts — two outlets fill one slot with incompatible values (12 vs 14 deaths, 10:55 vs
  11:40 pm, "दूसरी बार" vs "तीसरी बार", one quote given to two speakers, a budget of 3,482 vs
  3,842 करोड़ रुपये). A crash's or a fire's toll is the incident's, whichever place within the
  event's an outlet gives for it; an amount is compared when its sentence says what it is of
  ("… रुपये का बजट", "… के गबन"), not aid or compensation, which differ by who receives them.

Agency copy counts once: articles marked ``duplicate_of`` one another, or whose texts are
near-identical (word 3-shingle Jaccard ≥ 0.6, or ≥ 0.35 when both credit the same wire
agency), form one *source*. Only articles of one event are compared: the caller passes them.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import combinations
from typing import NamedTuple

from .dates import WEEKDAYS
from .event_type import incident_family
from .models import Analysis, Article, DateMention, Mention, Quantity
from .normalize import dateline_end, is_dateline, split_sentences, word_keys
from .places import get_place, lies_within

# Counts a reader compares between outlets; other units (ages, distances) are shared or unique only, and
# money only where its sentence says what it is of (see _MONEY_NOUNS).
CONFLICT_UNITS = frozenset({"deaths", "injured", "missing", "arrested", "cases", "recovered", "tests", "suspected",
                            "coaches"})
# An incident's toll, told with no place ("हादसे में पांच की मौत", "छह लोगों की मौत"), is the incident's own
# count: where the event's articles tell of one incident, two outlets' tolls of it can conflict.
TOLL_UNITS = frozenset({"deaths", "injured", "missing", "coaches"})  # coaches: a derailment's
# Incidents at one spot (a crash, a derailment, a fire): their toll is the incident's, whichever
# place within the event's an outlet names for it. A flood's or a riot's may be a district's.
POINT_INCIDENTS = frozenset({"accident", "fire"})
TOLL_LEAD_SENTENCES = 3  # the toll an outlet leads with; one told further on may be a district's or a part
UNIT_LABELS = {
    "deaths": "मौतें", "injured": "घायल", "missing": "लापता", "arrested": "गिरफ्तार", "cases": "मामले",
    "recovered": "ठीक हुए", "quarantined": "क्वारंटाइन", "tests": "जांच", "negative": "निगेटिव", "suspected": "संदिग्ध", "people": "लोग", "rupees": "रुपये",
    "percent": "प्रतिशत", "votes": "वोट", "seats": "सीटें", "trains": "ट्रेनें", "coaches": "डिब्बे",
    "years": "साल", "days": "दिन", "km": "किमी", "km/h": "किमी/घंटा", "districts": "जिले", "villages": "गांव",
    "dollars": "डॉलर", "months": "महीने", "weeks": "हफ्ते", "decades": "दशक", "hours": "घंटे", "minutes": "मिनट",
    "runs": "रन", "wickets": "विकेट", "flights": "उड़ानें", "beds": "बेड", "tonnes": "टन", "kg": "किलो",
    "families": "परिवार", "countries": "देश", "states": "राज्य", "cities": "शहर", "hospitals": "अस्पताल",
    "ventilators": "वेंटिलेटर", "points": "अंक", "times": "गुना", "liters": "लीटर", "degrees": "डिग्री",
}
NEAR_DUPLICATE = 0.6
AGENCY_NEAR_DUPLICATE = 0.35
TIME_TOLERANCE_MINUTES = 15

_NFC = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
_AGENCY = re.compile(
    _NFC(r"[(\[,]\s*(भाषा|पीटीआई|पीटीआइ|आईएएनएस|आइएएनएस|एएनआई|एएनआइ|वार्ता|यूएनआई|यूएनआइ|PTI|IANS|ANI|UNI)\s*[)\]।]")
)
# Words right after a number that make it an increment, not a total: "34 नए मामले", "दो और शव"
# (a count's), "5 फीसदी की बढ़ोतरी" (any number's). An amount or a measure is never "N more":
# in "10 लाख रुपये और …" the और joins two clauses.
_NOT_A_VERB = r"^\s*(?:(?!(?:है|हैं|था|थी|थे|हो|हुए|हुई|हुआ|गए|गई|गया)\s)\S+\s+)?"  # "33514 है और" joins clauses
_INCREMENT = re.compile(_NFC(_NOT_A_VERB + r"(?:और|नए|नये|नई|नयी|अन्य)(?![\u0900-\u097f])"))
_RISE = re.compile(_NFC(_NOT_A_VERB + r"(?:का\s+इजाफा|की\s+बढ़ोतरी|की\s+वृद्धि)(?![\u0900-\u097f])"))
MEASURES = frozenset({"rupees", "dollars", "percent", "km", "km/h", "years", "months", "weeks", "days", "decades",
                      "hours", "minutes", "tonnes", "kg", "liters"})
# ... or right before it, after a place or a day: "केरल में और दो मामले" (not "… गई और 45 लोग घायल").
_INCREMENT_BEFORE = re.compile(_NFC(r"(?<![\u0900-\u097f])(?:में|से|को)\s+(?:और|अन्य)\s+$"))
# A day's count is not a total: "एक दिन में 1,492 मामले", "24 घंटे में 250 मरीज".
_DAILY = re.compile(_NFC(r"(?<![\u0900-\u097f])(?:एक\s+(?:ही\s+)?दिन|24\s+घंटे|चौबीस\s+घंटे)"))
# A part of a count said before it: "इनमें से 826 मरीज भारत के हैं", "घायलों में से छह".
_PART_BEFORE = re.compile(_NFC(r"(?<![\u0900-\u097f])(?:(?:इनमें|जिनमें|इसमें|उनमें|जिसमें|में)\s+से\s+(?:\S+\s+){0,3}|(?:शेष|बाकी|बाक़ी)\s+)$"))
# Patients still in hospital are not the cases so far: "71 मरीजों का अस्पताल में इलाज चल रहा है",
# "एक्टिव मामलों की संख्या 33514", "अब भी कुल 35,902 संक्रमित हैं", "307 लोग अब भी संक्रमित हैं".
_ACTIVE_BEFORE = re.compile(_NFC(r"(?<![\u0900-\u097f])(?:एक्टिव|ऐक्टिव|सक्रिय|अब\s+भी|अभी\s+भी)\s+(?:\S+\s+){0,4}$"))
_ACTIVE_AFTER = re.compile(_NFC(
    r"^\s*(?:\S+\s+){0,2}?(?:(?:का|की|के)\s+)?(?:अस्पताल\s+में\s+)?"
    r"(?:इलाज\s+चल|भर्ती|सक्रिय|एक्टिव|उपचाराधीन|इलाजरत|(?:अब|अभी)\s+भी\s+(?:संक्रमित|भर्ती|अस्पताल|इलाज))"))
# A forecast is no report: "मई तक 13 लाख मामले आ सकते हैं".
_FORECAST_AFTER = re.compile(_NFC(r"(?<![\u0900-\u097f])(?:सकत[ाीे]|आशंका|अनुमान|संभावना)(?![\u0900-\u097f])"))
# Words around a number that make it approximate or a bound: "40 से अधिक", "करीब 3.2 लाख".
_BOUND_AFTER = re.compile(_NFC(r"^\s*(?:\S+\s+){0,3}?(?:से\s+(?:अधिक|ज्यादा|ज़्यादा|ऊपर)|(?:के|को)\s+पार|पार\s+कर)"))
_APPROX_BEFORE = re.compile(_NFC(r"(?:करीब|लगभग|तकरीबन|क़रीब|कोई)\s+$"))
# A place told as elsewhere counts nothing here: where someone or something came from ("पुरी से
# कटक जा रही ट्रेन के पांच डिब्बे", "दिल्ली से लौटे 12 लोग"), "चीन के बाद", "चीन के बाहर".
_ELSEWHERE = re.compile(_NFC(
    r"\s*(?:से(?=\s+(?:\S+\s+){0,2}(?:आए|आये|आई|आयी|आने|आकर|लौट|जा\s+रह|जाने|पहुं|निकल|चल))"  # not "पंजाब से 38 मामले"
    r"|के\s+बाद|के\s+बाहर)(?![\u0900-\u097f])"))
MONEY = frozenset({"rupees", "dollars"})
# What an amount may be of, one figure per event (each form to its direct form): two outlets' budgets or
# frauds of one event can conflict. Not aid, compensation or relief, which differ by who receives them.
_MONEY_NOUNS = {form: base for base, forms in {
    "बजट": "बजट", "गबन": "गबन", "घोटाला": "घोटाला घोटाले", "किराया": "किराया किराए किराये", "पैकेज": "पैकेज",
    "निवेश": "निवेश", "कर्ज": "कर्ज कर्जे ऋण", "जुर्माना": "जुर्माना जुर्माने", "इनाम": "इनाम", "मुनाफा": "मुनाफा मुनाफे",
    "घाटा": "घाटा घाटे", "राजस्व": "राजस्व", "ठगी": "ठगी", "धोखाधड़ी": "धोखाधड़ी", "रिश्वत": "रिश्वत", "बकाया": "बकाया",
    "सौदा": "सौदा सौदे",
}.items() for form in forms.split()}
_MONEY_WORD = "|".join(sorted(_MONEY_NOUNS, key=len, reverse=True))
_MONEY_OF_AFTER = re.compile(_NFC(
    rf"\s*(?:रुपये|रुपए|रुपया|रूपये|डॉलर)?\s*(?:का|की|के)\s+(?:[\u0900-\u097f]+\s+)?(?P<what>{_MONEY_WORD})(?![\u0900-\u097f])"))
_MONEY_OF_BEFORE = re.compile(_NFC(rf"(?<![\u0900-\u097f])(?P<what>{_MONEY_WORD})\s*[:-]?\s*(?:रु\.?\s*)?$"))
# A place that names a train ("मालदा टाउन-भागलपुर इंटरसिटी", "पटना राजधानी एक्सप्रेस") is not where its numbers are.
_TRAIN_NAMED_AFTER = re.compile(_NFC(
    r"(?:\s+टाउन)?(?:\s*[-–]\s*[\u0900-\u097f]+(?:\s+(?:टाउन|जंक्शन|सिटी))?)?"
    r"\s+(?:इंटरसिटी|एक्सप्रेस|एक्स्प्रेस|मेल|पैसेंजर|सुपरफास्ट|राजधानी|शताब्दी|जनशताब्दी|दुरंतो|स्पेशल)"
    r"(?![\u0900-\u097f])"))
# A number in a date or a time is not a count: "दो मार्च", "सुबह 9.30 बजे".
_DATE_AFTER = re.compile(_NFC(r"\s*(?:जनवरी|फरवरी|मार्च|अप्रैल|अप्रेल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर|बजे)"))
# A count said to be among or of another: "बिहार के तीन मरीजों में शामिल", "चार मामलों में से".
_AMONG_AFTER = re.compile(_NFC(r"\s*(?:\S+\s+){0,3}?में\s+(?:से|शामिल)(?![\u0900-\u097f])"))
# The dead identified so far are a part of the toll: "पांच मृतकों की पहचान हो चुकी है".
_IDENTIFIED_AFTER = re.compile(_NFC(r"\s*(?:\S+\s+)?(?:की|का|के)\s+(?:पहचान|शिनाख्त)(?![\u0900-\u097f])"))
# Where a sentence's clauses part: a number's place is named in its own clause.
_CLAUSE_BREAK = re.compile(_NFC(r"[,;:।]|\s(?:जबकि|वहीं|तो|और|तथा|एवं)\s"))
# Words that stand for a place named before them: "देश में" (the country just named, else the
# event's), "राज्य में" (the state last named), "यहां" (the place just named), and the world.
_PLACE_WORD = re.compile(_NFC(r"(?<![\u0900-\u097f])(दुनिया(?:भर)?|विश्व(?:भर)?|वैश्विक|देश(?:भर)?|राज्य|प्रदेश|यहां|यहाँ|वहां|वहाँ)(?![\u0900-\u097f])"))
_WORLD = ("world", "दुनिया")
LEAD_SENTENCES = 2  # the sentences that give a story's scope, after any dateline
RECENT_SENTENCES = 2  # how far back "देश" and "यहां" look for the place they refer to
_INDIA = ("LOC:country:IN", "भारत")
# How a count that is not a total is labelled: "मामले (केरल), बढ़ोतरी".
KIND_LABELS = {"increment": "बढ़ोतरी", "part": "इनमें से", "active": "इलाजरत", "forecast": "अनुमान"}
_UNTIL = re.compile(_NFC(r"बजे\s+तक"))
DURATIONS = ("days", "hours", "minutes", "weeks", "months", "decades")


# --- the data --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Claim:
    """One source's value for a slot, with the sentence that says it."""

    slot: tuple
    about: str
    value: object  # number, date string, minutes, ordinal, quote text, entity id
    shown: str  # the value as a reader sees it
    outlet: str
    article: str
    sentence: str
    source: int
    bound: str = ""  # "" exact, "approx", "at least", "indefinite" (the article "एक": any count)
    index: int = -1  # the sentence's place in its article (-1: the title)


@dataclass
class Comparison:
    shared: list[dict] = field(default_factory=list)
    unique: dict[str, list[dict]] = field(default_factory=dict)
    conflicts: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"shared": self.shared, "unique": self.unique, "conflicts": self.conflicts}


# --- sources: agency copy counts once --------------------------------------------------------

def sources_of(articles: list[Article]) -> dict[str, int]:
    """Article id → source number; copies of one text (``duplicate_of``, near-identical) share one."""
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = {a.id: i for i, a in enumerate(articles)}
    shingles = [_shingles(a.text) for a in articles]
    credits = [_agency_credit(a.text) for a in articles]
    for i, article in enumerate(articles):
        if article.duplicate_of in index:
            parent[root(i)] = root(index[article.duplicate_of])
    for i, j in combinations(range(len(articles)), 2):
        threshold = AGENCY_NEAR_DUPLICATE if credits[i] and credits[i] == credits[j] else NEAR_DUPLICATE
        if _jaccard(shingles[i], shingles[j]) >= threshold:
            parent[root(i)] = root(j)
    return {a.id: root(i) for i, a in enumerate(articles)}


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = word_keys(text)
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _agency_credit(text: str) -> str:
    """The wire agency credited in the dateline ("नई दिल्ली, 28 मार्च (भाषा)"), or ""."""
    match = _AGENCY.search(text[:160])
    return match.group(1) if match else ""


# --- claims from one article -----------------------------------------------------------------

class _Reading(NamedTuple):
    """What the comparison reads of one article, read once: its sentences, where its dateline
    ends, and the places it names after the dateline (where a desk files from is no fact of the event)."""

    article: Article
    analysis: Analysis
    sentences: list[str]
    dateline: int
    places: list[Mention]


def _read(article: Article) -> _Reading:
    analysis = article.analysis or Analysis()
    dateline = dateline_end(article.text)
    places = [m for m in analysis.entities if m.type == "LOC" and m.start >= dateline]
    return _Reading(article, analysis, split_sentences(article.text), dateline, places)


def article_claims(reading: _Reading, source: int, event_place: tuple[str, str] = ("", "")) -> list[Claim]:
    """Every comparable fact one article states.

    :param event_place: (id, name) of the event's main place: the scope of numbers whose
        sentence names no place.
    """
    article, analysis, sentences = reading.article, reading.analysis, reading.sentences

    def claim(slot: tuple, about: str, value, shown: str, index: int, bound: str = "") -> Claim:
        sentence = sentences[index] if 0 <= index < len(sentences) else ""
        return Claim(slot, about, value, shown, article.outlet, article.id, sentence, source, bound, index)

    claims = number_claims(analysis, sentences, reading.places, claim, event_place)
    claims += date_claims(analysis, sentences, claim, reading.dateline)
    claims += ordinal_claims(analysis, sentences, claim)
    claims += quote_claims(analysis, claim)
    claims += entity_claims(analysis, claim, reading.dateline)
    return claims


def number_claims(analysis: Analysis, sentences: list[str], places: list[Mention], claim,
                  event_place: tuple[str, str]) -> list[Claim]:
    """Each number with what it counts, once per value, in a slot of (what it counts, the place
    its clause names, total or increment or another kind): "पांच मौतें लखीमपुर में" is not the
    state's toll, and "दो और शव" not a total. ``places``: the article's place mentions after its dateline."""
    out, seen = [], set()
    said = _PlacesSaid(sentences, places, analysis.entities, event_place)
    for quantity in analysis.quantities:
        if quantity.unit in ("", *DURATIONS) or quantity.sentence >= len(sentences):
            continue
        sentence = sentences[quantity.sentence]
        at = _number_at(sentence, quantity.text)
        place = said.place_of(quantity.sentence, at, len(quantity.text)) if at >= 0 else None
        if place is None:  # a sentence naming no place speaks of the event's, if the lead names it
            known = _lead_names(places, event_place[0]) and not said.other_place_before(quantity.sentence)
            place = event_place if known else ("", "")
        kind, bound = _number_context(quantity, sentence, at)
        unit = quantity.unit
        if unit in MONEY and at >= 0 and (what := _money_for(sentence, at, len(quantity.text))):
            # "3,482 करोड़ रुपये का बजट": the event's budget, wherever the sentence places it
            unit, place = f"{unit}:{what}", ("", "")
        slot = ("number", unit, place[0], kind)
        if (slot, quantity.value) in seen:
            continue
        seen.add((slot, quantity.value))
        about = _number_about(unit, place[1], kind)
        out.append(claim(slot, about, quantity.value, _shown_number(quantity, bound), quantity.sentence, bound))
    return out


def _number_about(unit: str, place: str, kind: str) -> str:
    base, _, what = unit.partition(":")
    label = f"{what}, {UNIT_LABELS.get(base, base)}" if what else UNIT_LABELS.get(unit, unit)
    label = f"{label} ({place})" if place else label
    return f"{label}, {KIND_LABELS[kind]}" if kind in KIND_LABELS else label



def _shown_number(quantity: Quantity, bound: str) -> str:
    prefix = {"approx": "करीब ", "at least": "कम से कम "}.get(bound, "")
    return f"{prefix}{quantity.text}"


def _number_context(quantity: Quantity, sentence: str, at: int) -> tuple[str, str]:
    """(kind, bound) from the words around the number. Kind: "total", "increment" (new cases,
    a day's count), "part" (of a count said before), "active" (still in hospital) or
    "forecast"; bound: "", "approx", "at least" or "indefinite" ("एक मरीज" is "a patient")."""
    if at < 0:
        return "total", ""
    before, after = sentence[:at], sentence[at + len(quantity.text):]
    clause_before = _CLAUSE_BREAK.split(before)[-1]
    clause_after = _CLAUSE_BREAK.split(after, maxsplit=1)[0]
    if _PART_BEFORE.search(before) or _AMONG_AFTER.match(after) or _IDENTIFIED_AFTER.match(after):
        kind = "part"
    elif _FORECAST_AFTER.search(clause_after):
        kind = "forecast"
    elif _ACTIVE_AFTER.match(after) or _ACTIVE_BEFORE.search(clause_before):
        kind = "active"
    elif (_RISE.match(after) or _DAILY.search(clause_before)
          or (quantity.unit not in MEASURES and (_INCREMENT.match(after) or _INCREMENT_BEFORE.search(before)))):
        kind = "increment"
    else:
        kind = "total"
    if quantity.text == "एक":
        return kind, "indefinite"
    if _BOUND_AFTER.match(after):
        return kind, "at least"
    return kind, "approx" if _APPROX_BEFORE.search(before) else ""


def _money_for(sentence: str, at: int, length: int) -> str | None:
    """What an amount is of, when the sentence says so next to it: "3,482 करोड़ रुपये का बजट",
    "64 करोड़ रुपये के गबन", "शुरुआती किराया 4,599 रुपये" → बजट, गबन, किराया; else None."""
    after = _MONEY_OF_AFTER.match(sentence, at + length)
    before = _MONEY_OF_BEFORE.search(sentence, 0, at)
    found = after or before
    return _MONEY_NOUNS[found.group("what")] if found else None


def _is_round(value: float) -> bool:
    """A count of one significant figure, in the thousands or more ("3000", "सात हजार"): a
    rounded figure, not an exact toll."""
    if value < 1000 or value != int(value):
        return False
    digits = str(int(value))
    return digits.rstrip("0") == digits[0]


def _number_at(sentence: str, text: str) -> int:
    """Where a number stands in its sentence: not inside a date ("दो मार्च") or a time; -1 if nowhere."""
    at = sentence.find(text)
    while at >= 0 and _DATE_AFTER.match(sentence, at + len(text)):
        at = sentence.find(text, at + len(text))
    return at if at >= 0 else sentence.find(text)


class _PlacesSaid:
    """The places an article's sentences name or refer to, for finding the place of a number."""

    def __init__(self, sentences: list[str], places: list[Mention], entities: tuple[Mention, ...],
                 event_place: tuple[str, str]):
        self.sentences, self.places, self.entities = sentences, places, entities
        self._place_ids = {id(m) for m in places}
        self.event_place = event_place
        self.country = _country_of(event_place[0])
        self._spots: dict[int, list[tuple[int, tuple[str, str]]]] = {}

    def place_of(self, index: int, at: int, length: int) -> tuple[str, str] | None:
        """The place a number at ``at`` in sentence ``index`` counts for: the one named last
        before it in its clause ("महाराष्ट्र में 52, केरल में 40"), else after it in its clause,
        else before it in its sentence; or None."""
        sentence = self.sentences[index]
        spots = self.spots(index)
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)), default=0)
        following = _CLAUSE_BREAK.search(sentence, at + length)
        clause_end = following.start() if following else len(sentence)
        before = [place for pos, place in spots if pos < at]
        if before and max(pos for pos, _ in spots if pos < at) >= clause_start:
            return before[-1]
        whole = _AMONG_AFTER.match(sentence, at + length)  # "चार मामलों में से मुंगेर का एक": Munger's is the one
        after = [place for pos, place in spots if at < pos < clause_end]
        if after and not whole:
            return after[0]
        return before[-1] if before else None

    def other_place_before(self, index: int) -> bool:
        """Whether the sentences just before ``index`` name a known place outside the event's: then
        a sentence naming none may go on about that place ("इसके बाद फ्रांस में 1,116 मामले … 410
        नए मामले"), so its numbers are not the event place's. A place inside it (a state of the
        country's roundup) leaves them the event's."""
        earlier = range(max(index - RECENT_SENTENCES, 0), index)
        return any(not _unknown_place(place[0]) and not _within(place[0], self.event_place[0])
                   for k in earlier for _, place in self.spots(k))

    def spots(self, index: int) -> list[tuple[int, tuple[str, str]]]:
        """(position, (id, name)) of the places sentence ``index`` names or refers to, in order."""
        if index not in self._spots:
            self._spots[index] = self._find_spots(index)
        return self._spots[index]

    def _find_spots(self, index: int) -> list[tuple[int, tuple[str, str]]]:
        sentence = self.sentences[index]
        spots, spans = [], []
        for m in self.entities:
            if m.sentence == index and (pos := sentence.find(m.text)) >= 0:
                spans.append((pos, pos + len(m.text)))
                if (id(m) in self._place_ids and not _ELSEWHERE.match(sentence, pos + len(m.text))
                        and not _TRAIN_NAMED_AFTER.match(sentence, pos + len(m.text))):
                    spots.append((pos, (m.canonical or m.text, m.name or m.text)))
        for match in _PLACE_WORD.finditer(sentence):
            if any(start <= match.start() < end for start, end in spans):
                continue  # part of a name: "उत्तर प्रदेश", "विश्व स्वास्थ्य संगठन"
            earlier = [place for k in range(max(index - RECENT_SENTENCES, 0), index) for _, place in self.spots(k)]
            recent = earlier + [place for pos, place in spots if pos < match.start()]
            place = self._referred_place(match.group(1), recent, index)
            if place:
                spots.append((match.start(), place))
        return sorted(spots)

    def _referred_place(self, word: str, recent: list[tuple[str, str]], index: int) -> tuple[str, str] | None:
        """The place a place word stands for. "देश" is the country named last in this sentence or
        the few before, else the event's country ("देशभर" always the event's); "राज्य" the state
        last named; "यहां" the place named last in this sentence or the few before."""
        if word.startswith(("दुनिया", "विश्व", "वैश्विक")):
            return _WORLD
        if word.startswith("देश"):
            named = [p for p in recent if p[0].startswith("LOC:country:")] if word == "देश" else []
            return named[-1] if named else self.country
        if word in ("राज्य", "प्रदेश"):
            earlier = [m for m in self.places if m.sentence <= index and (m.canonical or "").startswith("LOC:state:")]
            return (earlier[-1].canonical, earlier[-1].name or earlier[-1].text) if earlier else None
        return recent[-1] if recent else None


def _country_of(place_id: str) -> tuple[str, str]:
    """The country of a canonical place id ("LOC:state:IN:bihar" → India); India if unknown."""
    parts = place_id.split(":")
    if len(parts) >= 3 and parts[0] == "LOC" and parts[1] in ("country", "state", "district", "city") and len(parts[2]) == 2:
        country = get_place(f"country:{parts[2]}")
        if country is not None:
            return f"LOC:country:{parts[2]}", country.hi
    return _INDIA


def _lead_names(entities: tuple[Mention, ...], place: str) -> bool:
    return bool(place) and any(m.sentence <= 1 and (m.canonical or m.text) == place for m in entities)


def event_place(readings: list[_Reading]) -> tuple[str, str]:
    """The place most of the event's leads name first, then the place the articles name most (a
    lead names the story's scope; a district named often further down is a detail; a dateline is
    where the desk files from): (id, name), or ("", "")."""
    leads: dict[str, int] = {}
    mentions: dict[str, int] = {}
    names: dict[str, str] = {}
    for reading in readings:
        for mention in reading.places:
            key = mention.canonical or mention.text
            mentions[key] = mentions.get(key, 0) + 1
            names.setdefault(key, mention.name or mention.text)
        lead = _lead_place(reading.sentences, reading.places, reading.analysis.entities)
        if lead:
            leads[lead[0]] = leads.get(lead[0], 0) + 1
            mentions.setdefault(lead[0], 0)
            names.setdefault(*lead)
    if not mentions:
        return "", ""
    best = max(mentions, key=lambda k: (leads.get(k, 0), mentions[k], k))
    return best, names[best]


def _lead_place(sentences: list[str], places: list[Mention], entities: tuple[Mention, ...]) -> tuple[str, str] | None:
    """The first place an article names, if its lead names it; else the scope its lead gives
    ("देश में": India, the outlet's country, when no country is named before it). A place first
    named further down, as in a line of the next story glued to the end, is no scope."""
    lead = [i for i, sentence in enumerate(sentences) if not is_dateline(sentence)][:LEAD_SENTENCES]
    if places and places[0].sentence <= max(lead, default=-1):
        return places[0].canonical or places[0].text, places[0].name or places[0].text
    said = _PlacesSaid(sentences, places, entities, ("", ""))
    return next((spots[0][1] for index in lead if (spots := said.spots(index))), None)


def date_claims(analysis: Analysis, sentences: list[str], claim, dateline: int = 0) -> list[Claim]:
    """The event date where a sentence states it, and the time of day the lead gives for it
    (not a deadline: "शाम पांच बजे तक"). A dateline ("भोपाल, 20 जुलाई।") says when the story was
    filed, not when it happened."""
    if not analysis.event_date:
        return []
    stated = [d for d in analysis.dates if d.day == analysis.event_date and d.start >= dateline]
    if not stated:
        return []
    first = stated[0]
    claims = [claim(("date", first.kind == "absolute"), "घटना की तारीख", analysis.event_date,
                    f"{analysis.event_date} ({_weekday(analysis.event_date)})", first.sentence)]
    timed = next((d for d in stated if d.time and d.sentence <= 1 and not _UNTIL.search(sentences[d.sentence])), None)
    if timed:
        claims.append(claim(("time",), "घटना का समय", _minutes(timed), timed.time[:5], timed.sentence))
    return claims


_WEEKDAY_NAMES = {day: name for name, day in reversed(WEEKDAYS.items())}  # each day's first, usual spelling


def _weekday(day: str) -> str:
    """The Hindi weekday of an ISO date: how a reader checks "कल" or "आज" of an outlet against the date."""
    return _WEEKDAY_NAMES[date.fromisoformat(day[:10]).weekday()]


def _minutes(mention: DateMention) -> int:
    hours, minutes = mention.time[:5].split(":")
    return int(hours) * 60 + int(minutes)


def ordinal_claims(analysis: Analysis, sentences: list[str], claim) -> list[Claim]:
    """The recurrence ordinal, in a slot of the place its sentence names: "पंजाब में पहली मौत" and
    "देश में चौथी मौत" count different things."""
    recurrence = analysis.recurrence
    if not recurrence or not recurrence.ordinal:
        return []
    places = sorted({m.canonical or m.text for m in analysis.entities if m.type == "LOC" and m.sentence == recurrence.sentence})
    return [claim(("ordinal", tuple(places)), "कौन-सी बार", recurrence.ordinal, recurrence.text, recurrence.sentence)]


def quote_claims(analysis: Analysis, claim) -> list[Claim]:
    """Attributed quotes: the slot is the quote's words, the value who said them."""
    out = []
    for quote in analysis.quotes:
        if not quote.speaker or quote.speaker in _PRONOUNS or len(quote.text.split()) < 4:
            continue
        words = frozenset(word_keys(quote.text))
        speaker = quote.speaker_canonical or " ".join(word_keys(quote.speaker))
        # Quotation marks only for the speaker's own words; reported speech is told as whose account it is.
        about = f"“{_short(quote.text)}” किसने कहा" if quote.direct else f"किसके मुताबिक: {_short(quote.text)}"
        out.append(claim(("quote", words), about, speaker, quote.speaker, quote.sentence))
    return out


def entity_claims(analysis: Analysis, claim, dateline: int = 0) -> list[Claim]:
    """Each named entity once, at its first mention after the dateline (the city a desk files
    from is no fact of the event)."""
    seen: dict[str, Mention] = {}
    for mention in analysis.entities:
        if mention.start < dateline:
            continue
        key = mention.canonical or mention.text
        seen.setdefault(key, mention)
    return [claim(("entity", key), f"{m.type}: {m.name or m.text}", key, m.text, m.sentence) for key, m in seen.items()]


_PRONOUNS = frozenset(_NFC(w) for w in "उन्होंने उसने उनका उनके उनकी उन्हें उसका उसके उसकी वह वे इन्होंने".split())


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# --- comparing ---------------------------------------------------------------------------------

def compare_outlets(articles: list[Article]) -> Comparison:
    """Shared, unique and conflicting facts among the articles of one event.

    :param articles: the articles of ONE event (facts of different events are never compared).
    """
    sources = sources_of(articles)
    readings = [_read(a) for a in articles]
    place = event_place(readings)
    claims = _placed_where_others_agree([c for r in readings for c in article_claims(r, sources[r.article.id], place)], place)
    incident = told_incident(articles)
    if incident in POINT_INCIDENTS and place[0]:
        claims = [_as_the_incidents_toll(c, place) for c in claims]
    result = Comparison()
    for group in _group_by_slot(claims):
        agreeing = _agreeing_sets(group)
        conflict = _conflict(group, agreeing, incident)
        if conflict:
            result.conflicts.append(conflict)
            continue
        for members in agreeing:
            fact = _fact(members)
            if len({c.source for c in members}) >= 2 and len({c.outlet for c in members}) >= 2:
                result.shared.append(fact)  # two stories of one outlet are still one outlet's word
            else:
                result.unique.setdefault(members[0].outlet, []).append(fact)
    return result


def _placed_where_others_agree(claims: list[Claim], place: tuple[str, str]) -> list[Claim]:
    """A number whose article names no place for it, moved to the event's place when another
    source states the same number there: "ढाई सौ करोड़ रुपये" of a story that names Assam only in
    its title agrees with "असम … 250 करोड़ रुपये". A number at a place the gazetteer does not
    know moves there too, or to a known place inside a state's or district's event: "सरीपुर
    हॉल्ट के पास … पांच डिब्बे" agrees with "भुवनेश्वर के पास … पांच डिब्बे". Only equal values
    move, so no conflict is made."""
    if not place[0]:
        return claims
    local = _is_local(place[0])  # a country's event has too many states for a number to pick one
    homes = [c for c in claims if c.slot[0] == "number" and c.slot[2]
             and (c.slot[2] == place[0] or (local and _within(c.slot[2], place[0])))]

    def moved(c: Claim) -> Claim:
        if c.slot[0] != "number" or (c.slot[2] and not _unknown_place(c.slot[2])):
            return c
        # A placeless number speaks of the event's place; one at an unknown place may be at any of its places.
        targets = homes if c.slot[2] else [o for o in homes if o.slot[2] == place[0]]
        agreeing = {o.slot: o for o in targets
                    if o.slot[1] == c.slot[1] and o.slot[3] == c.slot[3] and o.source != c.source and _same_value(o, c)}
        home = agreeing.get(("number", c.slot[1], place[0], c.slot[3]))
        if home is None and len(agreeing) == 1:
            home = next(iter(agreeing.values()))
        return replace(c, slot=home.slot, about=home.about) if home else c

    return [moved(c) for c in claims]


def _as_the_incidents_toll(c: Claim, place: tuple[str, str]) -> Claim:
    """A toll a lead gives at a place within the event's (or at one the gazetteer does not know),
    as the toll of the event's one incident: "कहलगांव के पास … 12 घायल" and "भागलपुर में … 15
    घायल" count one derailment's injured."""
    if c.slot[0] != "number" or c.slot[1] not in TOLL_UNITS:
        return c
    if c.slot[2] and (c.index >= TOLL_LEAD_SENTENCES or not (_unknown_place(c.slot[2]) or _within(c.slot[2], place[0]))):
        return c
    return replace(c, slot=("number", c.slot[1], "", c.slot[3]), about=_number_about(c.slot[1], "", c.slot[3]))


def _gazetteer_id(place_id: str) -> str:
    """The gazetteer id of a place's canonical id ("LOC:state:IN:odisha" → "state:IN:odisha")."""
    return place_id.removeprefix("LOC:")


def _unknown_place(place_id: str) -> bool:
    """A place (a canonical id) the gazetteer does not know: a village, a halt, a ward. A number
    there that equals one stated for a known place of the event is most likely the same fact,
    where a district's or a state's number is its own ("पुणे में एक" is not India's one)."""
    return get_place(_gazetteer_id(place_id)) is None


def _is_local(place_id: str) -> bool:
    """A state, district or city, not a country or a region of the world."""
    place = get_place(_gazetteer_id(place_id))
    return place is not None and place.kind in ("state", "district", "city")


def _within(place_id: str, outer_id: str) -> bool:
    """Whether a place (a canonical id) is ``outer_id`` or lies inside it by the gazetteer."""
    return lies_within(_gazetteer_id(place_id), _gazetteer_id(outer_id))


def _group_by_slot(claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped by slot; quotes join when their words mostly overlap."""
    groups: dict[tuple, list[Claim]] = {}
    quote_groups: list[list[Claim]] = []
    for c in claims:
        if c.slot[0] == "quote":
            home = next((g for g in quote_groups if _same_quote(g[0].slot[1], c.slot[1])), None)
            if home is None:
                quote_groups.append([c])
            else:
                home.append(c)
        else:
            groups.setdefault(c.slot, []).append(c)
    return list(groups.values()) + quote_groups


def _same_quote(a: frozenset, b: frozenset) -> bool:
    return len(a & b) / min(len(a), len(b)) >= 0.6 if a and b else False


def _agreeing_sets(group: list[Claim]) -> list[list[Claim]]:
    """The claims of one slot split into sets that state the same value (each the same as every
    other of its set: "3,100" rounds both 3,123 and 3,140, which are not one figure)."""
    sets: list[list[Claim]] = []
    for c in group:
        home = next((s for s in sets if all(_same_value(m, c) for m in s)), None)
        if home is None:
            sets.append([c])
        else:
            home.append(c)
    return sets


def _same_value(a: Claim, b: Claim) -> bool:
    kind = a.slot[0]
    if kind == "number":
        return _same_number(a, b)
    if kind == "time":
        return abs(a.value - b.value) <= TIME_TOLERANCE_MINUTES
    if kind == "quote":
        return a.value == b.value or _same_speaker(a.shown, b.shown)
    return a.value == b.value


CLOSE_COUNTS = 0.005  # of the larger: counts this close are taken at different hours, not contradicted


def _same_number(a: Claim, b: Claim) -> bool:
    """Equal, or equal once the more precise figure is rounded as the other is written: "1.5 लाख"
    is 1,49,900's figure, "2.3 करोड़" 2,30,45,000's; 14,182 and 14,183 are two figures."""
    if a.value == b.value:
        return True
    if "indefinite" in (a.bound, b.bound):
        return False
    if "at least" in (a.bound, b.bound):  # "2,900 से ज्यादा" and 2,912 say one figure; "3000 के पार" and 2,981 do not
        low, high = sorted((a, b), key=lambda c: (c.bound != "at least", c.value))
        return low.bound == "at least" and low.value <= high.value <= low.value * (1 + CLOSE_COUNTS)
    digits = min(_significant_digits(a), _significant_digits(b))
    if digits < 2 and "approx" not in (a.bound, b.bound):
        return False  # "सात हजार" is a figure of its own beside 6,566 unless written as a round one ("करीब")
    return _rounded(a.value, digits) == _rounded(b.value, digits)


_WRITTEN_DIGITS = re.compile(r"[0-9०-९][0-9०-९,.]*")


def _significant_digits(c: Claim) -> int:
    """How many significant digits a figure is written with: "1.5 लाख" 2, "14,182" 5, "3000" 1,
    "180" 3; a figure in words ("तीन", "डेढ़ लाख") as many as its value has."""
    written = _WRITTEN_DIGITS.search(c.shown)
    if written:
        digits = written.group().replace(",", "").rstrip(".")
    else:
        digits = str(int(c.value)) if c.value == int(c.value) else str(c.value)
    if "." not in digits and c.value >= 1000:  # "3000" is a round figure, "180 मामले" an exact count
        digits = digits.rstrip("0०") or "0"
    return max(len(digits.replace(".", "").lstrip("0०")), 1)


def _rounded(value: float, digits: int) -> float:
    if not value:
        return 0.0
    return round(value, digits - 1 - math.floor(math.log10(abs(value))))


def _same_speaker(a: str, b: str) -> bool:
    """Two speaker phrases for one person: the same surname (a designation comes first: "नीति
    आयोग के सदस्य वी के पॉल" = "समूह के प्रमुख पॉल"), or mostly the same words."""
    ka, kb = word_keys(a), word_keys(b)
    if not ka or not kb:
        return False
    return ka[-1] == kb[-1] or len(set(ka) & set(kb)) / min(len(set(ka)), len(set(kb))) >= 0.5


def _compatible(a: Claim, b: Claim) -> bool:
    """Whether two values of one slot can both be true: equal, within a stated bound, or two
    counts so close (80,270 and 80,409 of China's cases) that each is its outlet's count at its
    own hour: a reader sees both, neither shared nor in conflict."""
    if _same_value(a, b):
        return True
    if a.slot[0] != "number":
        return False
    if "indefinite" in (a.bound, b.bound) or abs(a.value - b.value) <= CLOSE_COUNTS * max(a.value, b.value):
        return True
    for x, y in ((a, b), (b, a)):
        if x.bound == "at least" and y.value >= x.value:
            return True
        if (x.bound == "approx" or (not x.bound and _is_round(x.value))) and abs(x.value - y.value) <= 0.15 * max(x.value, y.value):
            return True
    return False


def told_incident(articles: list[Article]) -> str | None:
    """The incident family (see :func:`~.event_type.incident_family`) at least half of an event's
    articles tell of, if one is: a fire, an accident, a flood."""
    families = Counter(incident_family(a.analysis.event_type) for a in articles if a.analysis)
    families.pop(None, None)
    family, count = max(families.items(), key=lambda item: (item[1], item[0]), default=(None, 0))
    return family if count * 2 >= len(articles) else None


def _conflict(group: list[Claim], agreeing: list[list[Claim]], incident: str | None = None) -> dict | None:
    """A conflict record when two outlets fill this slot with values that cannot both be true."""
    if len(agreeing) < 2 or not _conflicts_allowed(group, incident):
        return None
    if group[0].slot[0] == "number" and not group[0].slot[2] and not _money_of_something(group[0]):
        # an incident's toll told with no place: as the leads give it
        group = [c for c in group if c.index < TOLL_LEAD_SENTENCES]
        if len({c.outlet for c in group}) < 2:
            return None
    by_outlet: dict[str, list[Claim]] = {}
    for c in group:
        by_outlet.setdefault(c.outlet, []).append(c)
    if group[0].slot[0] == "number":
        # an outlet's largest number of a slot is its total; smaller ones may be earlier counts
        shown = {o: [max(cs, key=lambda c: c.value)] for o, cs in by_outlet.items()}
    else:
        shown = {o: cs[-1:] for o, cs in by_outlet.items()}
    clash = any(
        not any(_compatible(x, y) for x in shown[o1] for y in by_outlet[o2])
        and not any(_compatible(x, y) for x in by_outlet[o1] for y in shown[o2])
        for o1, o2 in combinations(by_outlet, 2)
        if {c.source for c in by_outlet[o1]} != {c.source for c in by_outlet[o2]}
    )
    if not clash:
        return None
    return {
        "about": group[0].about,
        "kind": group[0].slot[0],
        "claims": [_claim_record(cs[0]) for cs in shown.values()],
    }


def _conflicts_allowed(group: list[Claim], incident: str | None = None) -> bool:
    c = group[0]
    kind = c.slot[0]
    if kind == "number":  # totals of a named place, or an incident's toll; increments depend on when each outlet counted
        if _money_of_something(c):
            return c.slot[3] == "total"
        placed = bool(c.slot[2]) or (incident is not None and c.slot[1] in TOLL_UNITS)
        return c.slot[1] in CONFLICT_UNITS and placed and c.slot[3] == "total"
    if kind == "date":
        return c.slot[1]  # only dates both outlets write out ("14 अप्रैल"), not ones inferred from "कल"
    if kind == "quote":  # a quote given to two named people, not two documents "के अनुसार"
        return all(str(c.value).startswith("PER:") for c in group)
    return kind in ("time", "ordinal")


def _money_of_something(c: Claim) -> bool:
    """An amount whose sentence says what it is of ("… रुपये का बजट"): see :func:`_money_for`."""
    return ":" in c.slot[1]


def _latest_per_outlet(group: list[Claim]) -> list[Claim]:
    """One claim per outlet (its last article's), in order of first appearance."""
    last: dict[str, Claim] = {}
    for c in group:
        last[c.outlet] = c
    return list(last.values())


def _claim_record(c: Claim) -> dict:
    return {"outlet": c.outlet, "value": c.shown, "sentence": c.sentence, "article": c.article}


def _fact(members: list[Claim]) -> dict:
    first = members[0]
    return {
        "about": first.about,
        "kind": first.slot[0],
        "value": _most_precise(members).shown,
        "outlets": sorted({c.outlet for c in members}),
        "evidence": [_claim_record(c) for c in _latest_per_outlet(members)],
    }


def _most_precise(members: list[Claim]) -> Claim:
    """The claim that states a shared value most exactly: 1,49,912 of "1.5 लाख" and 1,49,912."""
    if members[0].slot[0] != "number":
        return members[0]
    return max(members, key=lambda c: (not c.bound, _significant_digits(c)))


def format_comparison(comparison: dict) -> list[str]:
    """Readable lines for a comparison record (as stored in an event record)."""
    lines = []
    for conflict in comparison["conflicts"]:
        lines.append(f"conflict: {conflict['about']}")
        for c in conflict["claims"]:
            lines.append(f"    {c['outlet']}: {c['value']} — {c['sentence']}")
    numbers = [f for f in comparison["shared"] if f["kind"] != "entity"]
    entities = [f for f in comparison["shared"] if f["kind"] == "entity"]
    for fact in numbers:
        lines.append(f"shared: {fact['about']} = {fact['value']}  [{', '.join(fact['outlets'])}]")
    if entities:
        lines.append("shared names: " + ", ".join(f["about"].split(": ", 1)[-1] for f in entities))
    for outlet, facts in comparison["unique"].items():
        own = [f"{f['about']} = {f['value']}" for f in facts if f["kind"] not in ("entity",)]
        if own:
            lines.append(f"only {outlet}: " + "; ".join(own))
    return lines

