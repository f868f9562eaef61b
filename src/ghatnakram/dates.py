"""Dates in Hindi news: find date expressions, resolve them to days, pick the event date.

Pure, table-driven functions; every regex is compiled at import. Nothing here calls
dateparser: it reads कल always as tomorrow, IST as Israel time and finds dates in
"14 वर्षों" and "8 दशक से", so a small hand-written resolver is both more correct and
far faster (well under a millisecond per article).

What :func:`find_dates` understands, each resolved against the publication day:

* absolute dates: "28 जनवरी 2026", "28 जनवरी, 2026", "जनवरी 28, 2026", "२८ जनवरी",
  "एक मार्च", "11-12 फरवरी", Hindi and English month names with their spelling
  variants (फरवरी/फ़रवरी, सितंबर/सितम्बर, अक्टूबर/अक्तूबर …); a month without a year takes
  the year that puts it nearest the publication day (a future day counts double);
* numeric dates, day first: "28/01/2026", "28.01.2026", "28-01-2026";
* weekdays: "बुधवार को", "सोमवार देर रात", "पिछले सोमवार", "अगले शुक्रवार";
* आज, कल, परसों (कल and परसों by the tense of the verb that follows);
* "दो दिन पहले", "10 दिन बाद", "एक हफ्ते पहले";
* periods: "पिछले हफ्ते", "अगले महीने" (kind ``relative``, the day is the period's first day);
* times of day: "सुबह 10 बजे", "रात 11:40 बजे", "10:15 IST" (IST is +05:30).

Never dates: durations and counts ("14 वर्षों", "8 दशक से", "24 घंटे", "28 लोग"),
percentages, and a year alone ("2015 में").
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from .models import DateMention
from .normalize import ascii_digits

__all__ = ["find_dates", "event_date", "score_event_dates", "IST"]

IST = timezone(timedelta(hours=5, minutes=30), "IST")

# --- tables -----------------------------------------------------------------

MONTHS: dict[str, int] = {
    "जनवरी": 1, "जनवरि": 1,
    "फरवरी": 2, "फ़रवरी": 2, "फ़र्वरी": 2, "फेब्रुअरी": 2,
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
    "सोमवार": 0, "मंगलवार": 1, "बुधवार": 2, "गुरुवार": 3, "बृहस्पतिवार": 3, "वीरवार": 3,
    "शुक्रवार": 4, "शनिवार": 5, "रविवार": 6, "इतवार": 6,
}

NUMBER_WORDS: dict[str, int] = {
    "एक": 1, "दो": 2, "तीन": 3, "चार": 4, "पांच": 5, "पाँच": 5, "छह": 6, "छः": 6, "छ:": 6,
    "सात": 7, "आठ": 8, "नौ": 9, "दस": 10, "ग्यारह": 11, "बारह": 12, "तेरह": 13, "चौदह": 14,
    "पंद्रह": 15, "पन्द्रह": 15, "सोलह": 16, "सत्रह": 17, "अठारह": 18, "उन्नीस": 19, "बीस": 20,
    "इक्कीस": 21, "बाईस": 22, "तेईस": 23, "चौबीस": 24, "पच्चीस": 25, "छब्बीस": 26,
    "सत्ताईस": 27, "अट्ठाईस": 28, "अठ्ठाईस": 28, "उनतीस": 29, "तीस": 30, "इकतीस": 31,
}

# Words that shift a weekday or a period: -1 the last one, +1 the next, 0 this one.
DIRECTIONS: dict[str, int] = {
    "पिछले": -1, "पिछली": -1, "बीते": -1, "गत": -1, "पिछला": -1,
    "अगले": 1, "अगली": 1, "आगामी": 1, "अगला": 1, "आने वाले": 1, "आने वाली": 1,
    "इस": 0, "इसी": 0,
}

# Units of "N दिन पहले" in days, and of periods ("पिछले हफ्ते").
UNIT_DAYS: dict[str, int] = {
    "दिन": 1, "दिनों": 1, "रोज": 1,
    "हफ्ते": 7, "हफ़्ते": 7, "हफ्ता": 7, "हफ़्ता": 7, "हफ्तों": 7, "हफ़्तों": 7,
    "सप्ताह": 7, "सप्ताहों": 7,
}
PERIODS: dict[str, str] = {
    "हफ्ते": "week", "हफ़्ते": "week", "हफ्ता": "week", "हफ़्ता": "week", "सप्ताह": "week",
    "महीने": "month", "महीना": "month", "माह": "month",
    "साल": "year", "वर्ष": "year", "बरस": "year",
}
BEFORE_AFTER: dict[str, int] = {"पहले": -1, "पूर्व": -1, "बाद": 1}

# Parts of the day: how a clock hour said after them maps to the 24-hour clock.
DAYPARTS: dict[str, str] = {
    "सुबह": "am", "सवेरे": "am", "प्रातः": "am", "प्रात:": "am", "तड़के": "am", "भोर": "am",
    "दोपहर": "pm", "शाम": "pm", "सायं": "pm", "रात": "night", "देर रात": "night", "आधी रात": "night",
}
# Fractions said before a clock hour: "साढ़े 10 बजे" is 10:30, "पौने 11 बजे" 10:45.
CLOCK_FRACTIONS: dict[str, int] = {"साढ़े": 30, "सवा": 15, "पौने": -15}
ZONES: dict[str, str] = {"IST": "+05:30", "GMT": "+00:00", "UTC": "+00:00"}

# कल and परसों point back or forward by the tense of the verb after them.
PAST_WORDS = frozenset(
    "था थी थे थीं गया गई गयी गए गये गईं गयीं हुआ हुई हुए हुईं हुयी किया किए किये दिया दिए दिये "
    "लिया ली रहा रही कहा बताया पाया आया आई आए आये".split()
)
FUTURE_WORDS = frozenset(
    "होगा होगी होंगे होंगी सकता सकती सकते रहेगा रहेगी रहेंगे जाएगा जाएगी जाएंगे जायेगा जायेगी "
    "जायेंगे करेगा करेगी करेंगे".split()
)
_FUTURE_ENDING = re.compile(r"(?:ेगा|ेगी|ेंगे|ेंगी|ेँगे|एगा|एगी|एंगे|एँगे|येगा|येगी|येंगे|ूंगा|ूँगा|ोगे)$")
# "की" is a verb ("मुलाकात की") only at the end of a clause or before an auxiliary.
_KI_AS_VERB_NEXT = frozenset("है हैं थी थीं गई गयी".split()) | {"", "।", ",", "और"}

# --- regex pieces -----------------------------------------------------------

_DEVA = "\u0900-\u097f"
_WORDCH = rf"{_DEVA}\w\u200c\u200d"
_START = rf"(?<![{_WORDCH}])"
_END = rf"(?![{_WORDCH}])"
_NUKTA_LETTERS = {"क": "\u0958", "ख": "\u0959", "ग": "\u095a", "ज": "\u095b", "ड": "\u095c",
                  "ढ": "\u095d", "फ": "\u095e", "य": "\u095f"}


def _flex(word: str) -> str:
    """A regex for ``word`` however it is typed: nukta precomposed, decomposed or left out,
    ZWJ/ZWNJ after a virama, Latin in any case."""
    word = unicodedata.normalize("NFC", word)
    out: list[str] = []
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch == "\u093c":
            continue
        if nxt == "\u093c" and ch in _NUKTA_LETTERS:
            out.append(f"(?:{ch}\u093c?|{_NUKTA_LETTERS[ch]})")
        elif ch == "\u094d":
            out.append("\u094d[\u200c\u200d]?")
        elif ch.isascii() and ch.isalpha():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alternation(words) -> str:
    return "(?:" + "|".join(_flex(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _key(word: str) -> str:
    """The table key of a matched word: NFC, no ZWJ/ZWNJ, lower case."""
    return unicodedata.normalize("NFC", word).replace("\u200c", "").replace("\u200d", "").lower()


def _lookup(table: dict, word: str):
    key = _key(word)
    if key in table:
        return table[key]
    return table.get(key.replace("\u093c", ""))


# Tables keyed by _key, so lookups work whichever way a word was typed.
MONTHS = {_key(k): v for k, v in MONTHS.items()} | {_key(k).replace("\u093c", ""): v for k, v in MONTHS.items()}

_DIGITS = "[0-9०-९]"
_DAY_NUM = rf"(?:{_DIGITS}{{1,2}}(?:st|nd|rd|th)?|{_alternation(NUMBER_WORDS)})"
_YEAR = rf"(?:[12][0-9]{{3}}|[१२][०-९]{{3}})"
_MONTH = _alternation(MONTHS)
_MONTH_DOT = rf"{_MONTH}\.?"
_WEEKDAY = _alternation(WEEKDAYS)
_SPACES = r"\s+"
_DIRECTION = _alternation(DIRECTIONS).replace("\\ ", _SPACES)
_DAYPART = _alternation(DAYPARTS).replace("\\ ", _SPACES)
_UNIT = _alternation(UNIT_DAYS | {"महीने": 0, "महीनों": 0, "माह": 0})
_NUMBER = rf"(?:{_DIGITS}{{1,3}}|{_alternation(NUMBER_WORDS)})"

# "28 जनवरी 2026", "28 जनवरी, 2026", "11-12 फरवरी", "15 से 19 अप्रैल", "२८ जनवरी"
_DAY_MONTH = re.compile(
    rf"{_START}(?P<days>{_DAY_NUM}(?:\s*(?:-|–|से|व|और|,)\s*{_DAY_NUM})*)\s*"
    rf"(?P<month>{_MONTH_DOT}){_END}(?:,?\s*(?P<year>{_YEAR}){_END})?"
)
# "जनवरी 28, 2026", "March 28, 2020", "जनवरी 28 को"
_MONTH_DAY = re.compile(
    rf"{_START}(?P<month>{_MONTH_DOT})\s+(?P<days>{_DIGITS}{{1,2}})(?:st|nd|rd|th)?{_END}"
    rf"(?:\s*,\s*(?P<year>{_YEAR}){_END}|(?=\s+को{_END}))"
)
# "28/01/2026", "28.01.2026", "28-01-2026" (day first, as written in India)
_NUMERIC = re.compile(
    rf"(?<![\w.,/-])(?P<d>{_DIGITS}{{1,2}})(?P<sep>[/.-])(?P<m>{_DIGITS}{{1,2}})(?P=sep)(?P<y>{_YEAR})(?![\w/-]|\.\d)"
)
_WEEKDAY_RE = re.compile(rf"{_START}(?:(?P<dir>{_DIRECTION})\s+)?(?P<wd>{_WEEKDAY}){_END}")
# आज, कल, परसों — not "आज-कल", "कल-कारखाने", not "आज तक" (so far / the channel).
_DEICTIC = re.compile(rf"{_START}(?<!-)(?P<w>आज|कल|परसों)(?![{_WORDCH}-])(?!\s+तक{_END})")
# "दो दिन पहले", "10 दिन बाद", "एक हफ्ते पहले" — not "परीक्षा से दो दिन पहले" (relative to something else).
_AGO = re.compile(
    rf"{_START}(?<!से )(?<!के )(?P<n>{_NUMBER})\s+(?P<unit>{_UNIT})\s+(?P<dir>पहले|पूर्व|बाद){_END}"
)
# "पिछले हफ्ते", "अगले महीने", "इस सप्ताह"
_PERIOD = re.compile(rf"{_START}(?P<dir>{_DIRECTION})\s+(?P<unit>{_alternation(PERIODS)}){_END}")
# "सुबह 10 बजे", "रात 11:40 बजे", "साढ़े 10 बजे", "10:15 IST", "11 बजकर 40 मिनट"
_TIME = re.compile(
    rf"{_START}(?:(?P<part>{_DAYPART})\s+(?:के\s+|में\s+)?(?:करीब\s+|लगभग\s+)?)?"
    rf"(?:(?P<frac>{_alternation(CLOCK_FRACTIONS)})\s+)?"
    rf"(?P<h>{_DIGITS}{{1,2}})"
    rf"(?:(?:\s*बजे|\s*बजकर\s*(?P<bm>{_DIGITS}{{1,2}})\s*मिनट)(?:\s*(?P<zone1>IST|GMT|UTC))?"
    rf"|[:.](?P<m>{_DIGITS}{{2}})\s*(?:बजे(?:\s*(?P<zone2>IST|GMT|UTC))?|(?P<zone3>IST|GMT|UTC)|(?P<ampm>[AaPp]\.?[Mm]\.?)))"
    rf"(?![\w])"
)
# What a date is followed by. "को", a part of the day or a clock time: the day something happened.
_AT_DAY = re.compile(
    rf"\s*(?:\([^()]{{0,40}}\)\s*)?(?:को|की\s+{_DAYPART}|{_DAYPART}|देर\s+शाम|तड़के|[0-9०-९]{{1,2}}\s*बजे){_END}"
)
# A starting point or a bound, not the happening: "19 अप्रैल से", "… के बाद", "… तक".
_ANCHOR = re.compile(rf"\s*(?:से|तक|के\s+बाद|के\s+पहले|के\s+बीच|के\s+दौरान|के\s+लिए|के\s+अंत|के\s+आखिर){_END}")
_SPLIT_DAYS = re.compile(rf"\s*(?:-|–|से|व|और|,)\s*")
_WORD_RE = re.compile(rf"[{_WORDCH}]+|[।?!,;:]")
_SENTENCE_END = re.compile(r"[।॥?!]+|(?<![0-9])\.(?=\s)|\n+")


# --- the resolver -------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Found:
    """A resolved date with what :func:`event_date` needs to weigh it."""

    mention: DateMention
    exact: bool  # resolved to one day (not a period or a time alone)
    at_day: bool  # followed by को / a part of the day: the day something happened
    anchor: bool  # followed by से / तक / के बाद: a bound, not the happening
    has_year: bool = False


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every date expression in ``text``, resolved to a day, in text order.

    :param text: cleaned article text.
    :param published: the publication date or datetime (ISO 8601, offset kept) or None;
        without it only dates that carry their year can be resolved.

    >>> [(m.text, m.day) for m in find_dates("बुधवार को बैठक हुई।", "2025-10-16")]
    [('बुधवार', '2025-10-15')]
    """
    return [found.mention for found in _find(text, published)]


def _find(text: str, published: str | None) -> list[_Found]:
    if not text:
        return []
    pub = publication_day(published)
    sentences = _sentence_spans(text)
    raw: list[tuple[int, int, dict]] = []
    for finder in _FINDERS:
        raw.extend(finder(text, pub))
    raw.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    found: list[_Found] = []
    times: list[tuple[int, int, str]] = []
    taken_until = -1
    for start, end, info in raw:
        if start < taken_until:
            continue
        if info["kind"] == "time":
            times.append((start, end, info["time"]))
            taken_until = end
            continue
        if info.get("day") is None:
            continue
        taken_until = end
        after = text[end : end + 60]
        found.append(
            _Found(
                DateMention(
                    text=text[start:end], day=info["day"].isoformat(), start=start, end=end,
                    sentence=_sentence_of(sentences, start), kind=info["kind"],
                ),
                exact=info.get("exact", True),
                at_day=bool(_AT_DAY.match(after)),
                anchor=bool(_ANCHOR.match(after)),
                has_year=info.get("has_year", False),
            )
        )
    return _attach_times(found, times, text, sentences, pub)


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
            return date.fromisoformat(value[:10])
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(IST)
    return moment.date()


def _sentence_spans(text: str) -> list[int]:
    """Start offsets of the sentences after the first (for bisecting an offset to its sentence)."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def _sentence_of(ends: list[int], offset: int) -> int:
    lo, hi = 0, len(ends)
    while lo < hi:
        mid = (lo + hi) // 2
        if ends[mid] <= offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _sentence_bounds(ends: list[int], index: int, size: int) -> tuple[int, int]:
    start = ends[index - 1] if index > 0 else 0
    end = ends[index] if index < len(ends) else size
    return start, end


def _int(token: str) -> int | None:
    token = ascii_digits(token).rstrip("stndrh")
    if token.isdigit():
        return int(token)
    return NUMBER_WORDS.get(_key(token))


def _nearest_year(month: int, day: int, pub: date) -> date | None:
    """The day in the year that puts it nearest ``pub``; a future day counts as twice as far."""
    best, best_cost = None, None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        delta = (candidate - pub).days
        cost = 2 * delta if delta > 0 else -delta
        if best_cost is None or cost < best_cost:
            best, best_cost = candidate, cost
    return best


def _make_day(year: int | None, month: int, day: int, pub: date | None) -> date | None:
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return _nearest_year(month, day, pub) if pub else None


def _find_day_month(text: str, pub: date | None):
    for match in _DAY_MONTH.finditer(text):
        month = MONTHS.get(_key(match["month"]).rstrip(".").replace("\u093c", ""))
        if month is None:
            continue
        if match["month"].isascii() and len(match["month"].rstrip(".")) <= 3 and not match["year"]:
            continue  # "5 may", "2 mar" without a year are too easily something else
        year = int(ascii_digits(match["year"])) if match["year"] else None
        first = _SPLIT_DAYS.split(match["days"])[0]
        day_num = _int(first)
        if day_num is None or not 1 <= day_num <= 31:
            continue
        day = _make_day(year, month, day_num, pub)
        yield match.start(), match.end(), {"kind": "absolute", "day": day, "has_year": year is not None}


def _find_month_day(text: str, pub: date | None):
    for match in _MONTH_DAY.finditer(text):
        month = MONTHS.get(_key(match["month"]).rstrip(".").replace("\u093c", ""))
        day_num = _int(match["days"])
        if month is None or day_num is None:
            continue
        year = int(ascii_digits(match["year"])) if match["year"] else None
        day = _make_day(year, month, day_num, pub)
        yield match.start(), match.end(), {"kind": "absolute", "day": day, "has_year": year is not None}


def _find_numeric(text: str, pub: date | None):
    for match in _NUMERIC.finditer(text):
        try:
            day = date(int(ascii_digits(match["y"])), int(ascii_digits(match["m"])), int(ascii_digits(match["d"])))
        except ValueError:
            continue
        yield match.start(), match.end(), {"kind": "numeric", "day": day, "has_year": True}


def _find_weekdays(text: str, pub: date | None):
    if pub is None:
        return
    for match in _WEEKDAY_RE.finditer(text):
        weekday = _lookup(WEEKDAYS, match["wd"])
        direction = _lookup(DIRECTIONS, " ".join(match["dir"].split())) if match["dir"] else None
        if direction is None and _tense_after(text, match.end()) == 1:
            direction = 0 if weekday == pub.weekday() else 1
        yield match.start(), match.end(), {"kind": "weekday", "day": _weekday_day(pub, weekday, direction)}


def _weekday_day(pub: date, weekday: int, direction: int | None) -> date:
    """The weekday nearest ``pub`` in ``direction``: None or 0 the latest on or before
    ``pub`` (same day allowed), -1 the last one strictly before, +1 the next one after."""
    back = (pub.weekday() - weekday) % 7
    if direction == -1:
        return pub - timedelta(days=back or 7)
    if direction == 1:
        return pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    return pub - timedelta(days=back)


def _find_deictic(text: str, pub: date | None):
    if pub is None:
        return
    for match in _DEICTIC.finditer(text):
        word = match["w"]
        if word == "आज":
            shift = 0
        else:
            # In news reporting कल is far more often yesterday (what happened) than
            # tomorrow (what is planned), so without a future verb it is yesterday.
            sign = 1 if _tense_after(text, match.end()) == 1 else -1
            shift = sign * (1 if word == "कल" else 2)
        yield match.start(), match.end(), {"kind": "relative", "day": pub + timedelta(days=shift)}


def _tense_after(text: str, offset: int) -> int:
    """+1 if the first finite verb after ``offset`` in its sentence is future, -1 if past, 0 if neither."""
    end = _SENTENCE_END.search(text, offset)
    words = _WORD_RE.findall(text, offset, end.start() if end else len(text))
    for i, word in enumerate(words):
        word = _key(word)
        if word in FUTURE_WORDS or _FUTURE_ENDING.search(word):
            return 1
        if word == "की":
            nxt = _key(words[i + 1]) if i + 1 < len(words) else ""
            if nxt in _KI_AS_VERB_NEXT:
                return -1
            continue
        if word in PAST_WORDS:
            return -1
    return 0


def _find_ago(text: str, pub: date | None):
    if pub is None:
        return
    for match in _AGO.finditer(text):
        count = _int(match["n"])
        unit = _key(match["unit"])
        if count is None or count > 400:
            continue
        sign = BEFORE_AFTER[match["dir"]]
        if unit in ("महीने", "महीनों", "माह"):
            day = _add_months(pub, sign * count)
            yield match.start(), match.end(), {"kind": "relative", "day": day, "exact": False}
            continue
        days = UNIT_DAYS.get(unit) or UNIT_DAYS.get(unit.replace("\u093c", ""), 1)
        yield match.start(), match.end(), {
            "kind": "relative", "day": pub + timedelta(days=sign * count * days), "exact": days == 1,
        }


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _find_periods(text: str, pub: date | None):
    if pub is None:
        return
    for match in _PERIOD.finditer(text):
        direction = _lookup(DIRECTIONS, " ".join(match["dir"].split()))
        period = _lookup(PERIODS, match["unit"])
        if period == "week":
            day = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * direction)
        elif period == "month":
            day = _add_months(pub.replace(day=1), direction)
        else:
            day = date(pub.year + direction, 1, 1)
        yield match.start(), match.end(), {"kind": "relative", "day": day, "exact": False}


def _find_times(text: str, pub: date | None):
    for match in _TIME.finditer(text):
        clock = _clock(match)
        if clock:
            yield match.start(), match.end(), {"kind": "time", "time": clock}


def _clock(match: re.Match) -> str | None:
    """``HH:MM+05:30`` for a matched clock time, or None if it is not a time of day."""
    hour = int(ascii_digits(match["h"]))
    minute = int(ascii_digits(match["m"] or match["bm"] or "0"))
    if match["frac"]:
        minute += CLOCK_FRACTIONS[_key(match["frac"])]
        if minute < 0:
            hour, minute = hour - 1, minute + 60
    part = DAYPARTS.get(" ".join(match["part"].split())) if match["part"] else None
    ampm = (match["ampm"] or "").lower()[:1]
    if ampm == "p" or (part == "pm" and hour < 12) or (part == "night" and 6 <= hour < 12):
        hour += 12
    elif (ampm == "a" or part in ("am", "night")) and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    zone = ZONES.get(match["zone1"] or match["zone2"] or match["zone3"] or "IST", "+05:30")
    return f"{hour:02d}:{minute:02d}{zone}"


def _attach_times(found: list[_Found], times, text: str, sentences: list[int], pub: date | None) -> list[_Found]:
    """Give each time of day to the date in its sentence just before it (or just after);
    a time with no date in its sentence stays on its own, on the day last mentioned."""
    if not times:
        return found
    out = list(found)
    for start, end, clock in times:
        sentence = _sentence_of(sentences, start)
        same = [i for i, f in enumerate(out) if f.mention.sentence == sentence and f.exact]
        before = [i for i in same if out[i].mention.end <= start]
        target = before[-1] if before else (same[0] if same else None)
        if target is not None:
            if out[target].mention.time is None:
                out[target] = _with_time(out[target], clock)
            continue
        earlier = [f for f in out if f.exact and f.mention.end <= start]
        day = earlier[-1].mention.day if earlier else (pub.isoformat() if pub else None)
        if day is None:
            continue
        mention = DateMention(text[start:end], day, start, end, sentence, "time", clock)
        out.append(_Found(mention, exact=False, at_day=False, anchor=False))
    out.sort(key=lambda f: f.mention.start)
    return out


def _with_time(found: _Found, clock: str) -> _Found:
    m = found.mention
    mention = DateMention(m.text, m.day, m.start, m.end, m.sentence, m.kind, clock)
    return _Found(mention, found.exact, found.at_day, found.anchor, found.has_year)


_FINDERS = (
    _find_day_month, _find_month_day, _find_numeric, _find_weekdays,
    _find_deictic, _find_ago, _find_periods, _find_times,
)
