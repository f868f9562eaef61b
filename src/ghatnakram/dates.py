"""Dates in Hindi news: find date expressions, resolve them to days, pick the event date.

Pure, table-driven functions; every regex is compiled at import. dateparser is not
used: it reads कल always as tomorrow, IST as Israel time, and finds dates in "14 वर्षों"
and "8 दशक से". The hand-written resolver here is more correct and much faster
(about 0.5 ms for an average article).

What :func:`find_dates` understands, each resolved against the publication day:

* absolute dates: "28 जनवरी 2026", "28 जनवरी, 2026", "जनवरी 28, 2026", "२८ जनवरी",
  "एक मार्च", "11-12 फरवरी", Hindi and English month names with their spelling
  variants (फरवरी/फ़रवरी, सितंबर/सितम्बर, अक्टूबर/अक्तूबर …). A month without a year takes
  the year that puts it nearest the publication day (a day in the future counts double);
* numeric dates, day first: "28/01/2026", "28.01.2026", "28-01-2026";
* weekdays: "बुधवार को", "सोमवार देर रात", "पिछले सोमवार", "अगले शुक्रवार"; a weekday next
  to a written date is that date ("रविवार आठ मार्च", "17 अप्रैल- शुक्रवार को");
* आज, कल, परसों (कल and परसों by the tense of the verb that follows them); बीती रात, गत दिवस,
  बीते दिन (the day before);
* "दो दिन पहले", "10 दिन बाद", "एक हफ्ते पहले";
* periods: "पिछले हफ्ते", "अगले महीने" (kind ``relative``; the day is the period's first day);
* times of day: "सुबह 10 बजे", "रात 11:40 बजे", "10:15 IST" (IST is +05:30).

These are never dates: durations and counts ("14 वर्षों", "8 दशक से", "24 घंटे", "28 लोग"),
percentages, a month and year without a day ("दिसंबर 2024 में"), and a year alone ("2015 में").

:func:`event_date` weighs the dates of the title and the lead to find the day of the
article's main happening. :func:`score_event_dates` measures it on a labelled JSONL file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from .models import DateMention
from .normalize import BACKGROUND_OPENER, CARDINALS, WORD_CHARS, ascii_digits, sentence_offsets

__all__ = ["find_dates", "event_date", "score_event_dates", "publication_day", "IST"]

IST = timezone(timedelta(hours=5, minutes=30), "IST")

# --- tables -----------------------------------------------------------------------

MONTH_NAMES: dict[str, int] = {
    "जनवरी": 1,
    "फरवरी": 2, "फ़रवरी": 2, "फ़र्वरी": 2,
    "मार्च": 3,
    "अप्रैल": 4, "अप्रेल": 4, "एप्रिल": 4,
    "मई": 5,
    "जून": 6,
    "जुलाई": 7,
    "अगस्त": 8,
    "सितंबर": 9, "सितम्बर": 9, "सेप्टेम्बर": 9,
    "अक्टूबर": 10, "अक्तूबर": 10, "अक्टुबर": 10, "अक्तुबर": 10,
    "नवंबर": 11, "नवम्बर": 11,
    "दिसंबर": 12, "दिसम्बर": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}

# Monday is 0, as in date.weekday().
WEEKDAYS: dict[str, int] = {
    "सोमवार": 0, "मंगलवार": 1, "बुधवार": 2, "गुरुवार": 3, "गुरूवार": 3, "बृहस्पतिवार": 3,
    "वीरवार": 3, "शुक्रवार": 4, "शनिवार": 5, "रविवार": 6, "इतवार": 6,
}

# The days of a month in words ("पांच मार्च"), and छ: as छः is often typed.
NUMBER_WORDS: dict[str, int] = {**{word: value for word, value in CARDINALS.items() if value <= 31}, "छ:": 6}

# Words that shift a weekday or a period: -1 the last one, +1 the next one, 0 this one.
DIRECTIONS: dict[str, int] = {
    "पिछले": -1, "पिछली": -1, "पिछला": -1, "बीते": -1, "गत": -1,
    "अगले": 1, "अगली": 1, "अगला": 1, "आगामी": 1, "आने वाले": 1, "आने वाली": 1,
    "इस": 0, "इसी": 0,
}

# "N <unit> पहले/बाद": the unit in days (0: calendar months).
AGO_UNITS: dict[str, int] = {
    "दिन": 1, "दिनों": 1,
    "हफ्ते": 7, "हफ़्ते": 7, "हफ्ता": 7, "हफ़्ता": 7, "हफ्तों": 7, "हफ़्तों": 7, "सप्ताह": 7,
    "महीने": 0, "महीनों": 0, "माह": 0,
}
AGO_DIRECTIONS: dict[str, int] = {"पहले": -1, "पूर्व": -1, "बाद": 1}

# "पिछले हफ्ते", "अगले महीने": the period a direction word points at.
PERIODS: dict[str, str] = {
    "हफ्ते": "week", "हफ़्ते": "week", "हफ्ता": "week", "हफ़्ता": "week", "सप्ताह": "week",
    "महीने": "month", "महीना": "month", "माह": "month",
    "साल": "year", "वर्ष": "year", "बरस": "year",
}

# Parts of the day: how a clock hour said after them maps to the 24-hour clock.
DAYPARTS: dict[str, str] = {
    "सुबह": "am", "सवेरे": "am", "प्रातः": "am", "प्रात:": "am", "तड़के": "am", "भोर": "am",
    "दोपहर": "pm", "शाम": "pm", "देर शाम": "pm", "सायं": "pm",
    "रात": "night", "देर रात": "night", "आधी रात": "night",
}
# Said before a clock hour: "साढ़े 10 बजे" is 10:30, "सवा 10" 10:15, "पौने 11" 10:45.
CLOCK_FRACTIONS: dict[str, int] = {"साढ़े": 30, "सवा": 15, "पौने": -15}
ZONES: dict[str, str] = {"IST": "+05:30", "GMT": "+00:00", "UTC": "+00:00"}

# The tense of the verb after कल/परसों (or a weekday) decides its direction.
PAST_WORDS = frozenset(
    "था थी थे थीं गया गई गयी गए गये गईं गयीं हुआ हुई हुए हुईं हुयी किया किए किये दिया दिए दिये "
    "लिया ली रहा रही कहा बताया पाया आया आई आए आये".split()
)
FUTURE_WORDS = frozenset(
    "होगा होगी होंगे होंगी सकता सकती सकते रहेगा रहेगी रहेंगे जाएगा जाएगी जाएंगे जायेगा जायेगी "
    "जायेंगे करेगा करेगी करेंगे".split()
)

# --- the event-date rule ------------------------------------------------------------
# Each date of the title and the text votes for its day; the day with the most support
# wins. Measured on the events dev set (see score_event_dates), kept few and general.

EVENT_WINDOW_DAYS = 3  # a daily report's event is 0–3 days before publication; later dates are plans
SENTENCE_DECAY = 0.3  # a date in sentence i weighs 1 / (1 + 0.3 i): the lead counts most
TITLE_WEIGHT = 1.5  # a date in the title
AT_DAY_WEIGHT = 1.5  # "बुधवार को", "सोमवार देर रात": the day something happened
TODAY_WEIGHT = 2.0  # आज names the publication day outright
MIN_SUPPORT = 0.3  # below this (a lone date deep in the text) the fallback wins
HEADLINE_FIGURE_WEIGHT = 2.0  # a date in a sentence that gives the headline's figure ("… 20 नए केस"): its happening
# Fallback, with no dated lead: the publication day (or the dateline's day). On the
# dev set the event of such stories was the publication day 169 times, the day before 79.

# --- regex building blocks -----------------------------------------------------------

_WORDCH = WORD_CHARS
_START = rf"(?<![{_WORDCH}])"
_END = rf"(?![{_WORDCH}])"
_NUKTA_LETTERS = {
    "क": "\u0958", "ख": "\u0959", "ग": "\u095a", "ज": "\u095b",
    "ड": "\u095c", "ढ": "\u095d", "फ": "\u095e", "य": "\u095f",
}


def _flex(word: str) -> str:
    """A regex for ``word`` however it is typed: nukta precomposed, decomposed or left
    out, ZWJ/ZWNJ after a virama, Latin letters in any case."""
    word = unicodedata.normalize("NFC", word)
    out: list[str] = []
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch == "\u093c":
            out.append("\u093c?")
        elif nxt == "\u093c" and ch in _NUKTA_LETTERS:
            out.append(f"(?:{ch}|{_NUKTA_LETTERS[ch]})")
        elif ch == "\u094d":
            out.append("\u094d[\u200c\u200d]?")
        elif ch == " ":
            out.append(r"\s+")
        elif ch.isascii() and ch.isalpha():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alternation(words) -> str:
    """One regex group matching any of ``words`` (longest first)."""
    return "(?:" + "|".join(_flex(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=4096)
def _key(word: str) -> str:
    """The lookup form of a matched word: NFC, no nukta, no ZWJ/ZWNJ, single spaces, lower case."""
    word = unicodedata.normalize("NFC", word).replace("\u093c", "")
    return " ".join(word.replace("\u200c", "").replace("\u200d", "").lower().split())


def _keyed(table: dict) -> dict:
    return {_key(word): value for word, value in table.items()}


_MONTHS = _keyed(MONTH_NAMES)
_WEEKDAYS = _keyed(WEEKDAYS)
_NUMBERS = _keyed(NUMBER_WORDS)
_DIRECTIONS = _keyed(DIRECTIONS)
_AGO_UNITS = _keyed(AGO_UNITS)
_PERIODS = _keyed(PERIODS)
_DAYPARTS = _keyed(DAYPARTS)
_FRACTIONS = _keyed(CLOCK_FRACTIONS)

_DIGITS = "[0-9०-९]"
_SP = "[ \u00a0]"  # a space inside a date; a tab or a line break ends it (tables, lists)
_NUMBER_WORD = _alternation(NUMBER_WORDS)
_DAY_NUM = rf"(?:{_DIGITS}{{1,2}}(?:st|nd|rd|th)?|{_NUMBER_WORD})"
_YEAR = r"(?:(?:19|20)[0-9]{2}|(?:१९|२०)[०-९]{2})"
_MONTH = rf"{_alternation(MONTH_NAMES)}\.?"
_DIRECTION = _alternation(DIRECTIONS)
_DAYPART = _alternation(DAYPARTS)
_ZONE = r"(?:IST|GMT|UTC)"
_RANGE_JOIN = rf"{_SP}*(?:-|–|से|व|और|,){_SP}*"

# --- patterns ----------------------------------------------------------------------

# "28 जनवरी 2026", "28 जनवरी, 2026", "11-12 फरवरी", "15 से 19 अप्रैल", "२८ जनवरी"
_DAY_MONTH = re.compile(
    rf"{_START}(?P<day>{_DAY_NUM})(?:{_RANGE_JOIN}{_DAY_NUM})*{_SP}*(?P<month>{_MONTH}){_END}"
    rf"(?:{_SP}*,?{_SP}*(?P<year>{_YEAR}){_END})?"
)
# "जनवरी 28, 2026", "March 28, 2020", "जनवरी 28 को"
_MONTH_DAY = re.compile(
    rf"{_START}(?P<month>{_MONTH}){_SP}+(?P<day>{_DIGITS}{{1,2}})(?:st|nd|rd|th)?{_END}"
    rf"(?:{_SP}*,{_SP}*(?P<year>{_YEAR}){_END}|(?={_SP}+को{_END}))"
)
# "28/01/2026", "28.01.2026", "28-01-2026": day first, as written in India.
_NUMERIC = re.compile(
    rf"(?<![\w.,/-])(?P<day>{_DIGITS}{{1,2}})(?P<sep>[/.-])(?P<month>{_DIGITS}{{1,2}})(?P=sep)"
    rf"(?P<year>{_YEAR})(?![\w/-]|\.\d)"
)
_WEEKDAY = re.compile(rf"{_START}(?:(?P<dir>{_DIRECTION})\s+)?(?P<weekday>{_alternation(WEEKDAYS)}){_END}")
# आज, कल, परसों; not "आज-कल", "कल-कारखाने", nor "आज तक" (so far; also a channel's name).
_DEICTIC = re.compile(rf"{_START}(?<!-)(?P<word>आज|कल|परसों)(?![{_WORDCH}-])(?!\s+तक{_END})")
# "बीती रात", "पिछली रात", "गत दिवस", "बीते दिन": the day before (not "बीते दिनों", lately).
_LAST_DAY = re.compile(rf"{_START}(?:(?:बीती|पिछली|गत)\s+रात|(?:गत|बीते)\s+(?:दिवस|दिन)){_END}")
# "दो दिन पहले", "10 दिन बाद"; not "परीक्षा से दो दिन पहले", "चुनाव के दो दिन बाद"
# (counted from something else, not from the publication day).
_AGO = re.compile(
    rf"{_START}(?<!से )(?<!के )(?P<count>{_DIGITS}{{1,3}}|{_NUMBER_WORD})\s+"
    rf"(?P<unit>{_alternation(AGO_UNITS)})\s+(?P<dir>पहले|पूर्व|बाद){_END}"
)
# "पिछले हफ्ते", "अगले महीने", "इस सप्ताह"
_PERIOD = re.compile(rf"{_START}(?P<dir>{_DIRECTION})\s+(?P<unit>{_alternation(PERIODS)}){_END}")
# "सुबह 10 बजे", "रात 11:40 बजे", "साढ़े दस बजे", "10:15 IST", "11 बजकर 40 मिनट", "5.30 PM"
_TIME = re.compile(
    rf"{_START}(?:(?P<part>{_DAYPART})\s+(?:के\s+|में\s+)?(?:करीब\s+|लगभग\s+)?)?"
    rf"(?:(?P<frac>{_alternation(CLOCK_FRACTIONS)})\s+)?"
    rf"(?P<hour>{_DIGITS}{{1,2}}|{_NUMBER_WORD})"
    rf"(?:(?:\s*बजे|\s*बजकर\s*(?P<bm>{_DIGITS}{{1,2}})\s*मिनट)(?:\s*(?P<zone1>{_ZONE}))?"
    rf"|[:.](?P<minute>{_DIGITS}{{2}})\s*(?:बजे(?:\s*(?P<zone2>{_ZONE}))?|(?P<zone3>{_ZONE})"
    rf"|(?P<ampm>[AaPp]\.?[Mm]\.?)))"
    rf"(?!\w)"
)
# What may stand between a date and the word after it: a closing bracket, a short parenthesis.
_AFTER_DATE = r"\s*(?:[)\]]\s*)?(?:\([^()]{0,40}\)\s*)?"
# After a date: को (also typed क़ो), a part of the day or a clock time marks the day
# something happened.
_AT_DAY = re.compile(
    _AFTER_DATE
    + rf"(?:{_flex('क़ो')}|की\s+{_DAYPART}|{_DAYPART}|{_DIGITS}{{1,2}}\s*बजे){_END}"
)
# After a date: a starting point or a bound, not the happening ("19 अप्रैल से",
# "शुक्रवार आधी रात से", "31 मार्च तक", "… के बाद").
_ANCHOR = re.compile(
    _AFTER_DATE
    + rf"(?:(?:की\s+)?{_DAYPART}\s+)?(?:[0-9०-९:.]{{1,5}}\s*बजे\s+)?"
    rf"(?:से|तक|के\s+बाद|के\s+पहले|के\s+बीच|के\s+दौरान|के\s+लिए|के\s+अंत|के\s+आखिर){_END}"
)
# A clause that ends in था/थी/थे after a date is a pluperfect: background
# ("22 मार्च को उसकी मौत हुई थी"). The clause ends at punctuation, a conjunction, or कि
# that opens a reported clause ("सोमवार को बताया कि … हुई थी": the telling is not background).
_CLAUSE_END = re.compile(
    r"[।॥?!;]|,(?![0-9०-९])|(?<![0-9])\.(?=\s)|\n|\s(?:और|लेकिन|जबकि|वहीं|तथा|कि)\s"
)
# Not a pluperfect: the past progressive ("संबोधित कर रहे थे" tells the happening itself), nor a
# copula after a noun ("असहज क्षण था": a participle ends in a vowel) or a negation ("अंदाजा नहीं
# था"), except in "… भरे भी नहीं थे कि …" (had not yet … when …).
_WAS = rf"{_START}(?:था|थी|थे|थीं){_END}"
_PLUPERFECT = re.compile(rf"(?<!रहा )(?<!रही )(?<!रहे )(?<!नहीं )(?<=[ािीुूेैोौंएईआ] ){_WAS}")
_NOT_YET = re.compile(rf"नहीं\s+{_WAS}\s*$")
_WHEN = re.compile(rf"\s+कि{_END}")
# A dateline: the place and day a story was filed, then its source or the first sentence's start
# ("नयी दिल्ली, तीन मई (भाषा)", "पटना, 12 सितंबर (जागरण ब्यूरो)।", "लखनऊ, 24 अक्टूबर।").
_DATELINE = re.compile(
    rf"^\s*[^\n,।(]{{2,40}},\s*(?P<date>{_DAY_NUM}\s+{_MONTH}(?:\s+{_YEAR})?)\s*(?:\(|[।|:–-])"
)
# "बुधवार (28 जनवरी 2026)", "आज यानी 16 मार्च", "कल यानी शनिवार"
_APPOSITION = re.compile(r"\s*(?:[(\[]\s*|,?\s*(?:यानी|यानि|अर्थात|याने)\s+)")
# What may stand between a weekday and the date it names.
_NEXT_TO = re.compile(r"[ \u00a0]*[,\-–]?[ \u00a0]*")
_WORD = re.compile(rf"[{_WORDCH}]+")
_SENTENCE_END = re.compile(r"[।॥?!]|(?<![0-9])\.(?=\s)|\n")
# How far around a date its clause and sentence are read (characters): further than any sentence
# of news, and a text with no sentence break (one scraped line) costs no more per date than that.
SENTENCE_REACH = 600
# Future verb endings: होगा, करेंगी, जाएंगी, जायेंगे, करूंगा, आओगे.
_FUTURE_ENDING = re.compile(
    r"(?:ेगा|ेगी|ेंगे|ेंगी|ेँगे|ेँगी|एगा|एगी|एंगे|एंगी|एँगे|एँगी|येगा|येगी|येंगे|येंगी|ूंगा|ूंगी|ूँगा|ूँगी|ोगे|ोगी)$"
)
# "की" is a verb ("मुलाकात की") only at the end of a clause or before an auxiliary.
_KI_VERB_NEXT = frozenset(["", "है", "हैं", "थी", "थीं", "गई", "गयी"])


# --- public API ------------------------------------------------------------------------


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved to a day, in text order.

    :param text: cleaned article text.
    :param published: the publication date or datetime (ISO 8601, offset kept) or None.
        Relative expressions count from it (or from a dated dateline's day); without it
        only dates that carry their year are resolved.
    :returns: one :class:`DateMention` per expression. ``kind`` is ``absolute``,
        ``numeric``, ``weekday``, ``relative`` (आज, कल, "दो दिन पहले"; "पिछले हफ्ते" and
        "अगले महीने" give the period's first day) or ``time`` (a clock time with no date in
        its sentence, on the day last mentioned). ``time`` is ``HH:MM+05:30``.

    >>> [(m.text, m.day) for m in find_dates("बुधवार को बैठक हुई।", "2025-10-16")]
    [('बुधवार', '2025-10-15')]
    """
    return [found.mention for found in _find(text, published)]


def event_date(text: str, published: str | None, title: str = "") -> str | None:
    """The day (YYYY-MM-DD) the article's main happening took place, or None.

    Every date of the title and the text votes for its day: a date in the title or the
    lead weighs most, a date attached to the day something happened ("बुधवार को",
    "सोमवार देर रात") more, आज more still. Dates that cannot be the happening do not vote:
    periods, plans after publication or more than :data:`EVENT_WINDOW_DAYS` before it,
    bounds ("31 मार्च तक", "सोमवार से"), pluperfect background ("… को लौटा था"), sentences
    a reporter opens as background ("गौरतलब है कि", "बता दें कि", "इससे पहले") and the
    dateline. With no date that votes enough, the publication day (or the dateline's
    day) is the answer; with neither, None.

    >>> event_date("राष्ट्रपति ने बुधवार को पुतिन से मुलाकात की।", "2025-10-16")
    '2025-10-15'
    """
    pub = publication_day(published)
    support: dict[str, float] = {}  # insertion order breaks ties: the earlier mention wins
    headline_figures = _figures(title)
    for found, in_title in _event_candidates(text, title, published):
        weight = _vote(found, in_title, pub)
        if weight > 0 and headline_figures and not in_title and _sentence_figures(text, found.mention.sentence) & headline_figures:
            weight *= HEADLINE_FIGURE_WEIGHT
        if weight > 0:
            day = found.mention.day
            support[day] = support.get(day, 0.0) + weight
    if support:
        best = max(support, key=support.__getitem__)
        if support[best] >= MIN_SUPPORT:
            return best
    reference, _ = _reference_day(text, pub)
    return reference.isoformat() if reference else None


def score_event_dates(path: str | Path, skipped: list[str] | None = None) -> dict:
    """Event-date accuracy of :func:`event_date` on a labelled JSONL file.

    Each line has ``id``, ``published``, ``title``, ``text`` and ``gold.event_date``.
    Counted as the reference scorer (``score_events.py``) counts: one story per id (a later
    line replaces an earlier one), only stories whose gold date is set, a prediction right
    when its first ten characters equal the gold date.

    :returns: ``{"accuracy", "n", "correct", "baseline_published"}``: the share of stories
        right, how many were scored, how many were right, and the accuracy of answering
        with the publication day alone.
    :raises ValueError: naming the file and line of a line that is not a JSON object with
        an id and a gold event_date (given a ``skipped`` list, such lines are left out and
        their messages appended: see :func:`ghatnakram.evaluate.read_gold`).
    """
    from .evaluate import read_gold

    stories = {story["id"]: story for story in read_gold(Path(path), skipped, labels=())}
    dated = [story for story in stories.values() if story["gold"].get("event_date")]
    correct = baseline = 0
    for story in dated:
        gold = story["gold"]["event_date"]
        predicted = event_date(story.get("text") or "", story.get("published"), story.get("title") or "")
        correct += str(predicted or "")[:10] == gold
        baseline += str(story.get("published") or "")[:10] == gold
    n = len(dated)
    return {
        "accuracy": correct / n if n else 0.0,
        "n": n,
        "correct": correct,
        "baseline_published": baseline / n if n else 0.0,
    }


def publication_day(published: str | None) -> date | None:
    """The publication day of an ISO date or datetime; a datetime with an offset is read in IST.

    >>> publication_day("2026-01-28T20:00:00+00:00")
    datetime.date(2026, 1, 29)
    """
    if not published:
        return None
    value = published.strip()
    try:
        if len(value) <= 10:
            return date.fromisoformat(value)
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(IST)
    return moment.date()


# --- the event-date vote -----------------------------------------------------------------


# A figure: digits not glued to a name ("कोविड-19") and not a span of time ("24 घंटे में").
_FIGURE = re.compile(r"(?<![-\w])[0-9][0-9,.]*(?![\w])(?!\s*(?:घंटे|घंटों|दिन|दिनों|साल|वर्ष|महीने|महीनों|मिनट|बजे))")


@lru_cache(maxsize=1024)
def _sentence_figures(text: str, sentence: int) -> frozenset[str]:
    """The figures of sentence ``sentence`` of ``text`` (see :func:`_figures`): read once, however
    many of its dates vote."""
    return frozenset(_figures(sentence_offsets(text)[sentence][1]))


def _figures(text: str) -> set[str]:
    """The figures a text gives, as written without separators: "1,165" → "1165"."""
    return {m.group().replace(",", "").rstrip(".") for m in _FIGURE.finditer(ascii_digits(text))}


def _event_candidates(text: str, title: str, published: str | None):
    for found in _find(title, published):
        yield found, True
    for found in _find(text, published):
        yield found, False


def _vote(found: _Found, in_title: bool, pub: date | None) -> float:
    """How much one date supports its day as the event date (0: not at all)."""
    if not found.exact or found.anchor or found.pluperfect or found.dateline or found.background:
        return 0.0
    if _recalls_days_ago(found.mention):
        return 0.0
    if pub is not None:
        before = (pub - date.fromisoformat(found.mention.day)).days
        if not 0 <= before <= EVENT_WINDOW_DAYS:
            return 0.0
    weight = TITLE_WEIGHT if in_title else 1.0 / (1.0 + SENTENCE_DECAY * found.mention.sentence)
    if found.at_day:
        weight *= AT_DAY_WEIGHT
    if found.mention.text == "आज":
        weight *= TODAY_WEIGHT
    return weight


def _recalls_days_ago(mention: DateMention) -> bool:
    """Whether a date counts two or more days back ("दो दिन पहले ही डब्ल्यूएचओ ने …", "पत्नी में भी दो
    दिन पहले पुष्टि हो चुकी है"): news recalls an earlier happening that way; its own is today's or
    yesterday's (on dev such dates named the event's day once in 16)."""
    match = _AGO.match(mention.text) if mention.kind == "relative" else None
    return bool(match) and AGO_DIRECTIONS[match["dir"]] < 0 and (_number(match["count"]) or 0) >= 2


# --- the resolver ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved date and what :func:`event_date` needs to weigh it."""

    mention: DateMention
    exact: bool = True  # one day (not a period, not a clock time alone)
    at_day: bool = False  # followed by को / a part of the day: the day something happened
    anchor: bool = False  # followed by से / तक / के बाद: a bound, not the happening
    pluperfect: bool = False  # its clause ends in था/थी/थे: background
    dateline: bool = False  # the dateline's date ("मथुरा, तीन मई (भाषा)", "लखनऊ, 24 अक्टूबर।")
    background: bool = False  # its sentence opens as background ("गौरतलब है कि", "इससे पहले")


@dataclass(frozen=True, slots=True)
class _Hit:
    """What one pattern matched at one place, resolved."""

    start: int
    end: int
    kind: str
    day: date | None = None
    exact: bool = True
    clock: str | None = None


# find_dates and event_date both read the dates of the same article text: keep the last few.
@lru_cache(maxsize=128)
def _find(text: str, published: str | None) -> tuple[_Found, ...]:
    """All dates of ``text``, in text order, with what :func:`event_date` weighs."""
    if not text:
        return ()
    reference, dateline_end = _reference_day(text, publication_day(published))
    hits = list(_hits(text, reference))
    if not hits:
        return ()
    starts = [start for start, _ in sentence_offsets(text)]
    found: list[_Found] = []
    clocks: list[_Hit] = []
    for hit in hits:
        if hit.kind == "time":
            clocks.append(hit)
            continue
        after = text[hit.end : hit.end + 60]
        sentence = _sentence_of(starts, hit.start)
        mention = DateMention(
            text=text[hit.start : hit.end], day=hit.day.isoformat(), start=hit.start, end=hit.end,
            sentence=sentence, kind=hit.kind,
        )
        found.append(
            _Found(
                mention, exact=hit.exact, at_day=bool(_AT_DAY.match(after)),
                anchor=bool(_ANCHOR.match(after)), pluperfect=_is_pluperfect(text, hit.end),
                dateline=hit.end <= dateline_end,
                background=bool(BACKGROUND_OPENER.search(text, max(starts[sentence] if starts else 0, hit.start - SENTENCE_REACH), hit.start)),
            )
        )
    return tuple(_attach_clocks(_apply_appositions(found, text), clocks, text, starts, reference))


def _hits(text: str, reference: date | None):
    """Resolved expressions of every kind, in text order, not overlapping: at each word
    that may begin one, the first kind whose pattern matches there."""
    taken = 0
    for trigger in _TRIGGER.finditer(text):
        start = trigger.start()
        if start < taken:
            continue
        for kind in _TRIGGER_KINDS.get(_key(trigger.group()), ()):
            pattern, resolve = _KINDS[kind]
            match = pattern.match(text, start)
            hit = resolve(match, text, reference) if match else None
            if hit is not None and (hit.day is not None or hit.clock is not None):
                taken = hit.end
                yield hit
                break


def _reference_day(text: str, pub: date | None) -> tuple[date | None, int]:
    """The day relative words count from, and where the dateline ends (0 if there is none).

    A dated dateline ("मथुरा, तीन मई (भाषा)", "लखनऊ, 24 अक्टूबर।") gives the day the story was filed; its कल
    and weekdays count from that day, not from the (often later) publication day.
    """
    match = _DATELINE.match(text)
    if not match:
        return pub, 0
    date_match = _DAY_MONTH.match(match["date"])
    hit = _resolve_day_month(date_match, match["date"], pub) if date_match else None
    if hit is None or hit.day is None or (pub is not None and not 0 <= (pub - hit.day).days <= 3):
        return pub, 0
    return hit.day, match.end("date")


def _sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence that holds ``offset``."""
    return max(bisect_right(starts, offset) - 1, 0)


def _end_within_reach(end: re.Pattern, text: str, offset: int) -> int:
    """Where the clause or sentence from ``offset`` ends (the first match of ``end``), read no further
    than :data:`SENTENCE_REACH` characters."""
    reach = min(offset + SENTENCE_REACH, len(text))
    found = end.search(text, offset, reach)
    return found.start() if found else reach


def _is_pluperfect(text: str, offset: int) -> bool:
    """Whether the clause after ``offset`` ends in था/थी/थे ("… को लौटा था", "… भरे भी नहीं थे कि")."""
    end = _end_within_reach(_CLAUSE_END, text, offset)
    if _PLUPERFECT.search(text, offset, end):
        return True
    return bool(_NOT_YET.search(text, offset, end) and _WHEN.match(text, end))


def _apply_appositions(found: list[_Found], text: str) -> list[_Found]:
    """Let a date in apposition decide: "बुधवार (28 जनवरी 2026)", "आज यानी 16 मार्च",
    "रविवार आठ मार्च", "15 अप्रैल बुधवार", "1 मई- शुक्रवार"; and "कल यानी शनिवार" is the
    Saturday nearest the day कल gave."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i].mention, out[i + 1].mention
        if _is_weekday_of(first, second, text) or _is_weekday_of(second, first, text):
            weekday, dated = (i, i + 1) if first.kind == "weekday" else (i + 1, i)
            out[weekday] = _with(out[weekday], day=out[dated].mention.day)
            continue
        if first.kind not in ("weekday", "relative") or not out[i].exact:
            continue
        if not _APPOSITION.fullmatch(text, first.end, second.start):
            continue
        if second.kind in ("absolute", "numeric"):
            out[i] = _with(out[i], day=second.day)
        elif second.kind == "weekday" and first.kind == "relative":
            near = date.fromisoformat(first.day)
            shift = (date.fromisoformat(second.day).weekday() - near.weekday() + 3) % 7 - 3
            day = (near + timedelta(days=shift)).isoformat()
            out[i], out[i + 1] = _with(out[i], day=day), _with(out[i + 1], day=day)
    return out


def _is_weekday_of(weekday: DateMention, dated: DateMention, text: str) -> bool:
    """Whether a bare weekday stands right next to a written date as its name
    ("रविवार आठ मार्च", "रविवार, 8 मार्च", "15 अप्रैल बुधवार", "8 मई- शुक्रवार")."""
    if weekday.kind != "weekday" or dated.kind not in ("absolute", "numeric"):
        return False
    start, end = (weekday.end, dated.start) if weekday.start < dated.start else (dated.end, weekday.start)
    return bool(_NEXT_TO.fullmatch(text, start, end))


def _with(found: _Found, **changes) -> _Found:
    return replace(found, mention=replace(found.mention, **changes))


def _attach_clocks(found: list[_Found], clocks: list[_Hit], text: str, starts: list[int],
                   reference: date | None) -> list[_Found]:
    """Give each clock time to the date in its sentence just before it (else just after it).
    A clock time with no date in its sentence becomes a ``time`` mention on the day last
    mentioned (or the publication day)."""
    out = list(found)
    exact = [i for i, f in enumerate(out) if f.exact]  # in text order
    exact_ends = [out[i].mention.end for i in exact]
    exact_in_sentence = defaultdict(list)
    for i in exact:
        exact_in_sentence[out[i].mention.sentence].append(i)
    for clock in clocks:
        sentence = _sentence_of(starts, clock.start)
        same = exact_in_sentence.get(sentence, [])
        before = [i for i in same if out[i].mention.end <= clock.start]
        target = before[-1] if before else (same[0] if same else None)
        if target is not None:
            if out[target].mention.time is None:
                out[target] = _with(out[target], time=clock.clock)
            continue
        earlier = bisect_right(exact_ends, clock.start)  # exact dates that end before the clock
        day = out[exact[earlier - 1]].mention.day if earlier else (reference.isoformat() if reference else None)
        if day is not None:
            written = text[clock.start : clock.end]
            mention = DateMention(written, day, clock.start, clock.end, sentence, "time", clock.clock)
            out.append(_Found(mention, exact=False))
    out.sort(key=lambda f: f.mention.start)
    return out


# --- the resolvers: each turns one match of its pattern into a _Hit (or None) -----------


def _resolve_day_month(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    month_word = match["month"].rstrip(".")
    if month_word.isascii() and len(month_word) <= 3 and not match["year"]:
        return None  # "5 may", "2 mar" without a year are too easily something else
    return _absolute(match, pub)


def _resolve_month_day(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    return _absolute(match, pub)


def _absolute(match: re.Match, pub: date | None) -> _Hit:
    month = _MONTHS.get(_key(match["month"].rstrip(".")))
    day = _number(match["day"])
    year = int(ascii_digits(match["year"])) if match["year"] else None
    resolved = _calendar_day(year, month, day, pub) if month and day else None
    return _Hit(match.start(), match.end(), "absolute", resolved)


def _resolve_numeric(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    day, month, year = (int(ascii_digits(match[g])) for g in ("day", "month", "year"))
    return _Hit(match.start(), match.end(), "numeric", _calendar_day(year, month, day, pub))


def _calendar_day(year: int | None, month: int, day: int, pub: date | None) -> date | None:
    """The date; without a year, the year that puts it nearest ``pub`` (a future day counts double)."""
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if pub is None:
        return None
    best, best_cost = None, None
    for candidate_year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue
        ahead = (candidate - pub).days
        cost = 2 * ahead if ahead > 0 else -ahead
        if best_cost is None or cost < best_cost:
            best, best_cost = candidate, cost
    return best


def _number(token: str) -> int | None:
    """A day or a count written in digits (Latin or Devanagari) or as a Hindi word."""
    digits = ascii_digits(token)
    digits = digits[:-2] if digits[-2:].lower() in ("st", "nd", "rd", "th") else digits
    if digits.isdigit():
        return int(digits)
    return _NUMBERS.get(_key(token))


def _resolve_weekday(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    if pub is None:
        return None
    weekday = _WEEKDAYS[_key(match["weekday"])]
    direction = _DIRECTIONS[_key(match["dir"])] if match["dir"] else None
    if direction is None and _tense_after(text, match.end()) > 0:
        direction = 0 if weekday == pub.weekday() else 1  # "बैठक बुधवार को होगी": the coming one
    return _Hit(match.start(), match.end(), "weekday", _weekday_day(pub, weekday, direction))


def _weekday_day(pub: date, weekday: int, direction: int | None) -> date:
    """The ``weekday`` near ``pub``: by default (or 0) the latest on or before ``pub``
    (the same day allowed); -1 the last one strictly before; +1 the next one after."""
    back = (pub.weekday() - weekday) % 7
    if direction == -1:
        return pub - timedelta(days=back or 7)
    if direction == 1:
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    return pub - timedelta(days=back)


def _resolve_deictic(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    if pub is None:
        return None
    word = match["word"]
    if word == "आज":
        shift = 0
    else:
        # News reports what happened: कल is far more often yesterday than tomorrow, so it
        # is yesterday unless the verb after it is future ("कल बैठक होगी").
        sign = 1 if _tense_after(text, match.end()) > 0 else -1
        shift = sign * (1 if word == "कल" else 2)
    return _Hit(match.start(), match.end(), "relative", pub + timedelta(days=shift))


def _resolve_last_day(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    if pub is None:
        return None
    return _Hit(match.start(), match.end(), "relative", pub - timedelta(days=1))


def _tense_after(text: str, offset: int) -> int:
    """+1 if the first verb group after ``offset`` in its sentence is future, -1 if past, 0 if none.

    A verb group is the first tense-marked word and the two words after it, so that
    "किया जाएगा" (will be done) is future although "किया" alone is past.
    """
    words = [_key(w) for w in _WORD.findall(text, offset, _end_within_reach(_SENTENCE_END, text, offset))]
    for i, word in enumerate(words):
        if word == "की" and (words[i + 1] if i + 1 < len(words) else "") not in _KI_VERB_NEXT:
            continue  # "कल की बैठक": a postposition, not "did"
        if word in PAST_WORDS or word == "की" or _is_future(word):
            return 1 if any(_is_future(w) for w in words[i : i + 3]) else -1
    return 0


def _is_future(word: str) -> bool:
    return word in FUTURE_WORDS or bool(_FUTURE_ENDING.search(word))


def _resolve_ago(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    count = _number(match["count"])
    if pub is None or count is None or count > 400:
        return None
    sign = AGO_DIRECTIONS[match["dir"]]
    if sign > 0 and _tense_after(text, match.end()) < 0:
        return None  # "73 दिन बाद ये संख्या 1000 के पार पहुंची": after something else, not after publication
    days = _AGO_UNITS[_key(match["unit"])]
    if days == 0:
        return _Hit(match.start(), match.end(), "relative", _add_months(pub, sign * count), exact=False)
    day = pub + timedelta(days=sign * count * days)
    return _Hit(match.start(), match.end(), "relative", day, exact=days == 1)


def _add_months(day: date, months: int) -> date:
    """The first day of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _resolve_period(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    if pub is None:
        return None
    direction = _DIRECTIONS[_key(match["dir"])]
    period = _PERIODS[_key(match["unit"])]
    if period == "week":
        start = pub - timedelta(days=pub.weekday()) + timedelta(weeks=direction)
    elif period == "month":
        start = _add_months(pub, direction)
    else:
        start = date(pub.year + direction, 1, 1)
    return _Hit(match.start(), match.end(), "relative", start, exact=False)


def _resolve_clock(match: re.Match, text: str, pub: date | None) -> _Hit | None:
    """A clock time as ``HH:MM+05:30`` (IST unless GMT/UTC is named)."""
    hour = _number(match["hour"])
    minute = int(ascii_digits(match["minute"] or match["bm"] or "0"))
    if hour is None:
        return None
    if match["frac"]:
        minute += _FRACTIONS[_key(match["frac"])]
        if minute < 0:
            hour, minute = hour - 1, minute + 60
    part = _DAYPARTS.get(_key(match["part"])) if match["part"] else None
    ampm = (match["ampm"] or "").lower()[:1]
    if ampm == "p" or (part == "pm" and hour < 12) or (part == "night" and 6 <= hour < 12):
        hour += 12
    elif (ampm == "a" or part in ("am", "night")) and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    zone = match["zone1"] or match["zone2"] or match["zone3"] or "IST"
    return _Hit(match.start(), match.end(), "time", clock=f"{hour:02d}:{minute:02d}{ZONES[zone]}")


# Each kind of expression: its pattern and its resolver, in priority order (the first
# that matches at a position wins).
_KINDS: dict[str, tuple[re.Pattern, Callable[[re.Match, str, date | None], _Hit | None]]] = {
    "numeric": (_NUMERIC, _resolve_numeric),
    "day_month": (_DAY_MONTH, _resolve_day_month),
    "month_day": (_MONTH_DAY, _resolve_month_day),
    "ago": (_AGO, _resolve_ago),
    "clock": (_TIME, _resolve_clock),
    "period": (_PERIOD, _resolve_period),
    "weekday": (_WEEKDAY, _resolve_weekday),
    "deictic": (_DEICTIC, _resolve_deictic),
    "last_day": (_LAST_DAY, _resolve_last_day),
}


def _spellings(word: str) -> set[str]:
    """The ways ``word`` is typed: nukta precomposed, decomposed or left out; ZWJ/ZWNJ
    after a virama or not; Latin in lower, title or upper case."""
    if word.isascii():
        return {word.lower(), word.title(), word.upper()}
    forms = [""]
    word = unicodedata.normalize("NFC", word)
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch == "\u093c":
            choices = ["\u093c", ""]
        elif nxt == "\u093c" and ch in _NUKTA_LETTERS:
            choices = [ch, _NUKTA_LETTERS[ch]]
        elif ch == "\u094d":
            choices = ["\u094d", "\u094d\u200c", "\u094d\u200d"]
        else:
            choices = [ch]
        forms = [form + choice for form in forms for choice in choices]
    return set(forms)


def _trie(words) -> str:
    """A regex matching any of ``words`` at the start of a word. Its top-level branches each
    begin with a plain character, so that the regex engine skips fast to where one might begin."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    # Right after the first character, check that no letter came before it: cheap there,
    # and it keeps the plain first character that lets the engine skip ahead.
    word_start = rf"(?<![{_WORDCH}].)"
    return "(?:" + "|".join(re.escape(ch) + word_start + emit(child) for ch, child in sorted(tree.items())) + ")"


# The words that may begin a date expression, and the kinds to try there, in order.
_TRIGGER_GROUPS = (
    (tuple("0123456789०१२३४५६७८९"), ("numeric", "day_month", "ago", "clock")),
    (tuple(NUMBER_WORDS), ("day_month", "ago", "clock")),
    (tuple(MONTH_NAMES), ("month_day",)),
    (tuple(DIRECTIONS), ("period", "weekday", "last_day")),
    (("बीती",), ("last_day",)),
    (tuple(WEEKDAYS), ("weekday",)),
    (tuple(DAYPARTS) + tuple(CLOCK_FRACTIONS), ("clock",)),
    (("आज", "कल", "परसों"), ("deictic",)),
)


def _trigger_kinds() -> dict[str, tuple[str, ...]]:
    """The kinds to try at each trigger word (by its first word's key), in order."""
    table: dict[str, tuple[str, ...]] = {}
    for words, kinds in _TRIGGER_GROUPS:
        for word in words:
            key = _key(word.split()[0])
            table[key] = table.get(key, ()) + tuple(k for k in kinds if k not in table.get(key, ()))
    return table


_TRIGGER_KINDS = _trigger_kinds()
# One fast scan for every trigger word in every spelling finds the few places worth
# trying the kinds' own patterns (one scan per pattern would cost four times as much).
_TRIGGER = re.compile(
    _trie({form for words, _ in _TRIGGER_GROUPS for word in words for form in _spellings(word.split()[0])})
)
