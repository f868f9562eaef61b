"""Events: articles about one happening, grouped online in publication order.

In one topic most articles share vocabulary, so topic similarity alone merges
everything. An article's *signature* says what happened where and when: the event date,
the primary place (rolled up to its state or country), the kind of happening (a count
report, an order, an incident, a statement, a meeting), who acts, the numbers it
reports, and its recurrence cue. Structure decides; TF-IDF similarity over the title and
lead breaks ties.

:class:`EventClusterer` follows estimator rules: parameters in ``__init__``, learned
state in attributes ending in ``_``, ``fit`` resets, ``partial_fit`` continues, so one
``fit`` over a batch equals ``partial_fit`` article by article in the same order.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from itertools import chain
from typing import Iterable

from .canon import acronym_letters
from .event_type import incident_family
from .facts import DURATIONS, NUMBER_WORDS, find_quantities
from .models import Article, Mention, publication_order
from .normalize import dateline_end, first_sentences, word_keys, word_tokens
from .places import (COMMON_WORD_PLACES, all_places, get_place, has_states, lies_within, may_name_a_place, parents,
                     resolve_place)
from .translit import hindi_news_word

# Words that say what kind of happening an article reports (title and lead).
KIND_WORDS = {
    "count": "संख्या मामले मामलों केस संक्रमित पॉजिटिव पॉजीटिव मरीज मरीजों आंकड़ा आंकड़े बढ़कर मौत मौतें मौतों मृत्यु मृतकों टैली",
    "order": "आदेश निर्देश फैसला निर्णय घोषणा लॉकडाउन रोक प्रतिबंध बंद अनुमति मंजूरी नियम गाइडलाइन दिशा-निर्देश लागू पैकेज सील कर्फ्यू स्थगित रद्द टला टली टले निलंबित",
    "incident": "हादसा हादसे दुर्घटना आग हमला हमले गिरफ्तार हत्या फायरिंग विस्फोट धमाका धमाके टक्कर डूबे डूबा बेपटरी घायल मारपीट हंगामा झड़प लाठीचार्ज लूट",
    "statement": "कहा बोले बोलीं आरोप अपील चेतावनी बयान दावा निशाना सलाह",
    "meeting": "बैठक मुलाकात वार्ता बातचीत सम्मेलन दौरा समीक्षा",
}
# A headline that asks or forecasts ("क्या ...?", "जून में पीक पर होगा", "हो सकते हैं स्थिर") reports no count.
OUTLOOK_WORDS = frozenset(
    "क्या क्यों कैसे सकता सकते सकती होगा होगी होंगे अनुमान आशंका संभावना पीक चरम टिप्स उपाय".split()
)
_KIND_OF = {word: kind for kind, words in KIND_WORDS.items() for word in words.split()}
# Function words and the words of every story in a topic carry no signal of which happening.
STOP_WORDS = frozenset(
    "के का की में से को ने और है हैं था थी थे पर भी यह वह इस उस एक लिए कि तो ही हो गया गई गए किया कर "
    "रहे रहा रही जा साथ बाद तक अब नहीं सकता सकते होगा हुआ हुई हुए दिया दी वाले वाली लेकर बताया जो जब "
    "अपने अपनी उनके उन्होंने इसके लिये गयी गये वहीं बीच दौरान".split()
)
LEAD_SENTENCES = 2
# "पंजाब में पहली मौत" and "देश में चौथी मौत" may be one death: an ordinal of a tally counts deaths
# or cases, it does not say the happening recurs ("दूसरी मुलाकात"), so it does not keep reports apart.
TALLY_NOUNS = frozenset("मौत मौतें मामला मामले केस मरीज संक्रमित".split())
SEVERAL_STATES = 3  # states a count headline names to be the country's tally
# Where no place is named, "देश में" reports the country and "दुनियाभर में" the world.
SCOPE_WORDS = {
    "country:IN": "देश देशभर देश-भर राष्ट्रव्यापी",
    "world": "दुनिया दुनियाभर दुनिया-भर विश्व विश्वभर वैश्विक",
}
_SCOPE_OF = {word: scope for scope, words in SCOPE_WORDS.items() for word in words.split()}
TERM_ACRONYM_LETTERS = 3  # see _term
MAX_POSTING = 50  # events a word may index before it is too common to find candidates by
LOCALITY_SAME, LOCALITY_DIFFERENT, LOCALITY_ONE_SIDED = 0.1, -0.3, -0.1
DAILY_REPORT, OTHER_DAYS_REPORT, OTHER_DAYS_TOLL = 0.15, 0.5, 0.3
MEMBER_VETO = 0.0  # a member scoring an article below this keeps it out of the event
SHARED_FIGURE, SHARED_ROUND_FIGURE = 0.25, 0.1  # a figure both reports give: 3,042 says more than 3,000
SHARED_ACTOR, FURTHER_SHARED_ACTOR = 0.1, 0.05
SAME_OUTLET = 0.05  # two stories of one outlet are a little less likely one happening than two outlets' stories
# An article of no known day (no publication date, none in its text) escapes every test of days: only
# a closer likeness joins it to another. Of such articles' joins, nearly all were wrong.
UNDATED_PAIR = 0.2
OTHER_VEHICLES = 0.3  # two accidents whose reports name no vehicle in common
# Headlines that plainly report different kinds of happening ("इटली में 107 लोगों की मौत", a count;
# "इटली में स्कूल … बंद", an order) are two happenings, however much their leads share, unless both
# tell of one kind of incident: a fire's toll ("फैक्टरी में आग, 7 की मौत", a count) is the fire's news.
HEADLINE_KINDS_DIFFER = 0.5
# A word an article shares with an event and no other article has used so far (a village, a person,
# "लाठीचार्ज") is a sign of one happening that the cosine, spread over every word of two leads written
# apart, weighs little: each adds this much to the article's score with the event, up to two words.
ONLY_THEIR_WORD, ONLY_THEIR_WORDS_COUNTED = 0.04, 2
MAX_CANDIDATES = 30  # open events scored per article: those sharing the most keys with it
# Events no article has dated (no publication date, none in the text) cannot close by days: past this
# many, the least recently joined close, so that an archive of undated .txt files does not keep every
# event open (and load them all at every start). Closed a hundred at a time, so that they are sorted
# once per hundred new ones (counting them is a pass over the open events, after each undated article).
MAX_UNDATED_OPEN, UNDATED_SLACK = 1000, 100


@dataclass(frozen=True)
class Signature:
    """What an article says happened, where, when and by whom."""

    article_id: str
    published: str
    day: date | None  # event date, else publication day
    place: str | None  # primary place: the first place of the title, else of the lead
    places: frozenset[str]
    actors: frozenset[str]  # canonical entities (see _is_actor) of the lead, and of the text where the title names them too
    kind: str
    terms: dict[str, int]
    numbers: frozenset[float]
    ordinal: int | None
    # Unit TF-IDF vector of ``terms``, fixed when the article is assigned (with the document
    # frequencies of that moment), so a member's vector never has to be recomputed.
    vector: dict[str, float] | None = None
    # The district or city the headline is about, when it names one and not its state or country
    # as well: "मथुरा में 3 नए मरीज" is Mathura's news, "सीवान में 4 नए मामले, बिहार में संख्या 15" Bihar's.
    locality: str | None = None
    headline_place: str | None = None  # the headline's first place (state or country), when it names one
    # The running story a count follows when it is not the headline's first place: "देश में मिले तीन
    # नए मरीज, एक दिल्ली में" is the country's count, though one of the cases is Delhi's event.
    thread_place: str | None = None
    outlet: str = ""  # who published it: one outlet seldom reports one happening twice in a day
    headline_kind: str | None = None  # the kind the headline's own words plainly report (see headline_kind)
    diseases: frozenset[str] = frozenset()  # the diseases it reports on (see diseases_named)
    beat: str | None = None  # the news beat its headline reports (see news_beat)
    incident: str | None = None  # the family of its incident type (see event_type.incident_family), if it tells of one
    vehicles: frozenset[str] = frozenset()  # the kinds of vehicle its title and lead name (see vehicles_named)


def signature_to_dict(sig: Signature) -> dict:
    """A JSON-ready form of a signature (see :func:`signature_from_dict`)."""
    return {
        "article_id": sig.article_id, "published": sig.published, "day": sig.day.isoformat() if sig.day else None,
        "place": sig.place, "places": sorted(sig.places), "actors": sorted(sig.actors), "kind": sig.kind,
        "terms": sig.terms, "numbers": sorted(sig.numbers), "ordinal": sig.ordinal, "vector": sig.vector,
        "locality": sig.locality, "headline_place": sig.headline_place, "thread_place": sig.thread_place,
        "outlet": sig.outlet, "headline_kind": sig.headline_kind, "diseases": sorted(sig.diseases),
        "incident": sig.incident, "beat": sig.beat, "vehicles": sorted(sig.vehicles),
    }


def signature_from_dict(data: dict) -> Signature:
    return Signature(
        article_id=data["article_id"], published=data["published"],
        day=date.fromisoformat(data["day"]) if data["day"] else None, place=data["place"],
        places=frozenset(data["places"]), actors=frozenset(data["actors"]), kind=data["kind"],
        terms=dict(data["terms"]), numbers=frozenset(data["numbers"]), ordinal=data["ordinal"],
        vector=data.get("vector"), locality=data.get("locality"),
        headline_place=data.get("headline_place"), thread_place=data.get("thread_place"), outlet=data.get("outlet", ""),
        headline_kind=data.get("headline_kind"), diseases=frozenset(data.get("diseases", ())),
        incident=data.get("incident"), beat=data.get("beat"), vehicles=frozenset(data.get("vehicles", ())),
    )


@dataclass(frozen=True)
class TextSignature:
    """The part of a signature that the article's title, text and text analysis decide, before
    its entities are resolved: ingest computes it in the worker processes."""

    day: date | None
    lead_end: int  # where the lead sentences end in the text
    dateline_end: int
    title_places: tuple[str, ...]  # rolled up; else the scope the title names ("दुनियाभर")
    scopes: tuple[str, ...]  # scopes named in title and lead
    # The gazetteer's places in the lead (see _lead_places), read when the title names no place or
    # scope: what places the story then, unless the tagger found a place in the lead.
    lead_places: tuple[str, ...]
    kind: str
    terms: dict[str, int]
    numbers: frozenset[float]
    ordinal: int | None
    locality: str | None
    thread_place: str | None  # see Signature.thread_place
    headline_kind: str | None = None  # see Signature.headline_kind
    diseases: frozenset[str] = frozenset()  # see Signature.diseases
    beat: str | None = None  # see Signature.beat
    vehicles: frozenset[str] = frozenset()  # see Signature.vehicles


def signature(article: Article, text_part: TextSignature | None = None) -> Signature:
    """The signature of an analysed article (``text_part``: its :func:`text_signature`, if computed already)."""
    text_part = text_part or text_signature(article.title, article.text, article.published, article.analysis)
    mentions = [m for m in (article.analysis.entities if article.analysis else ()) if m.canonical]
    early = [m for m in mentions if m.start <= text_part.lead_end]
    national_desks = [m for m in early if _a_national_desks_dateline(article.text, m)]
    places = [rolled_up(m.place) for m in early if m.place and m.start >= text_part.dateline_end
              and not _told_as_elsewhere(article.text, m) and m not in national_desks]
    title_places = list(text_part.title_places)
    incident = incident_family(article.analysis.event_type) if article.analysis else None
    if not places and not title_places:
        # Neither names a place the tagger found: the lead as the gazetteer reads it, as the title is.
        # Not a place the news is likened to ("वुहान जैसी हालत"), nor New Delhi's national desk, except
        # for an incident (a desk names where a fire or a shootout was: one it does not place was there).
        placed = [m for m in early if m.place and not _likened_to(article.text, m) and (incident or m not in national_desks)]
        found = {m.place for m in mentions if m.place}
        places = list(text_part.lead_places) or _placed_by_dateline(article.text[: text_part.dateline_end],
                                                                    text_part.scopes, placed, found, incident is not None)
    return Signature(
        article_id=article.id,
        published=article.published or "",
        day=text_part.day,
        place=(title_places or places or [None])[0],
        places=frozenset(places + title_places),
        actors=frozenset(m.canonical for m in mentions if _is_actor(m)
                         and (m.start <= text_part.lead_end or m.text in article.title)),
        kind=text_part.kind,
        terms=text_part.terms,
        numbers=text_part.numbers,
        ordinal=text_part.ordinal,
        locality=text_part.locality,
        headline_place=(title_places or [None])[0],
        thread_place=text_part.thread_place,
        outlet=article.outlet or "",
        headline_kind=text_part.headline_kind,
        diseases=text_part.diseases,
        beat=text_part.beat,
        incident=incident,
        vehicles=text_part.vehicles,
    )


def _is_actor(mention: Mention) -> bool:
    """Who acts (a person, an organisation), or a place too small for the gazetteer (a village, a
    constituency, a railway halt): two reports that name the same one seldom tell of unrelated things."""
    return mention.type in ("PER", "ORG") or (mention.type == "LOC" and not mention.place)


def text_signature(title: str, text: str, published: str | None, analysis) -> TextSignature:
    """:class:`TextSignature` of an article; ``analysis`` is its text analysis (event date,
    quantities, recurrence) or None."""
    lead_sentences = first_sentences(text, LEAD_SENTENCES)
    lead = " ".join(lead_sentences)
    title_words, lead_words = word_keys(title), word_keys(lead)
    named_in_title = places_in(_without_dateline(title))
    title_places = [rolled_up(p) for p in named_in_title]
    title_scopes = _scopes(word_keys(_without_dateline(title)))
    if not title_places:
        # "दुनियाभर में 3,000 मौतें" is the world's count even when the lead goes on to name China.
        title_places = title_scopes[:1]
    kind = _kind_of_words(title_words + lead_words, title_words if title else lead_words)
    # One term in either script (_term): "GST Council" and "जीएसटी परिषद" share "gst".
    words = [_term(w) for w in title_words + title_words + lead_words if w not in STOP_WORDS and len(w) > 1]
    day = analysis.event_date if analysis and analysis.event_date else (published or "")[:10] or None
    lead_quantities = [q for q in (analysis.quantities if analysis else ()) if q.sentence < LEAD_SENTENCES]
    numbers = {q.value for q in lead_quantities + find_quantities(title) if _is_reported_count(q)}
    recurrence = analysis.recurrence if analysis else None
    lead_end = sum(len(s) for s in lead_sentences) + len(lead_sentences)
    return TextSignature(
        day=date.fromisoformat(day) if day else None,
        lead_end=lead_end,
        dateline_end=dateline_end(text),
        title_places=tuple(title_places),
        scopes=tuple(_scopes(title_words + lead_words)),
        lead_places=() if title_places else _lead_places(text[:lead_end]),
        kind=kind,
        terms=dict(Counter(words)),
        numbers=frozenset(numbers),
        ordinal=recurrence.ordinal if recurrence and recurrence.noun not in TALLY_NOUNS else None,
        locality=_locality(named_in_title),
        thread_place=_count_thread(kind, named_in_title, title_scopes, title),
        headline_kind=headline_kind(title_words),
        diseases=diseases_named(title_words) or diseases_named(word_keys(lead_sentences[0] if lead_sentences else "")),
        beat=news_beat(title_words),
        vehicles=vehicles_named(title_words + lead_words),
    )


@lru_cache(maxsize=65_536)
def _term(word: str) -> str:
    """The term a word key counts as, the same in either script: an acronym of three or more letters
    in Hindi letter names as its Latin letters ("जीएसटी" → "gst"; two-letter ones, यूपी, पीएम, डीएम,
    are left as they are); an English news word in Latin letters as the Hindi word news uses for it
    ("flood" → "बाढ़", resources/english_news_words.tsv)."""
    letters = acronym_letters(word, TERM_ACRONYM_LETTERS)
    if letters:
        return letters
    return (word.isascii() and hindi_news_word(word)) or word


def _count_thread(kind: str, named_in_title: list[str], title_scopes: list[str], title: str = "") -> str | None:
    """The country, for a count headline that names the country's scope beside a state ("देश में
    मिले तीन नए मरीज, एक दिल्ली में") or that counts across several Indian states ("राजस्थान,
    बंगाल, गुजरात में लॉकडाउन शुरू, कुल मामले हुए 315"): a national tally, not one state's. The
    world, for a count headline that names the world before any place ("दुनिया में मरने वालों की
    संख्या 3 लाख पार, जानिए लिस्ट में भारत कहां")."""
    if kind != "count" or not named_in_title:
        return None
    if _world_first(title):
        return "world"
    states = {p for p in named_in_title if p.startswith("state:IN:")}
    return "country:IN" if "country:IN" in title_scopes or len(states) >= SEVERAL_STATES else None


def _lead_places(lead: str) -> tuple[str, ...]:
    """The gazetteer's reading of the lead (rolled up), for the places the tagger misses
    ("भुबनेश्वर के पास … हादसे"); not the city a desk or a wire files from ("नयी दिल्ली, …")."""
    body = _TRAILING_DATELINE.sub(" ", lead[dateline_end(lead) :])
    return tuple(rolled_up(place) for place in places_in(body))


def _placed_by_dateline(dateline: str, scopes: tuple[str, ...], early: list[Mention], found: set[str],
                        incident: bool) -> list[str]:
    """The places of a story whose title and lead name none. A desk's city in India is where it
    happened, whatever country words the lead uses ("आगरा, जागरण संवाददाता । प्रधानमंत्री … देश …"
    under "12 नए केस आने से आंकड़ा पहुंचा 777 पर" is Agra's count); ``early`` are the lead's mentions
    of places, New Delhi's national desks left out. Where the tagger missed the desk's city in the
    dateline, the gazetteer reads it: a dateline in Latin letters ("JAMSHEDPUR:"), or a city the
    tagger names elsewhere in the story (``found``: the places of all its mentions; "फीरोजाबाद, जेएनएन ।"
    read only further on); New Delhi again only for an ``incident``. Else its scope words, the country
    "देश" being the dateline's when the dateline is abroad ("काठमांडू, पीटीआइ । … देश में"); else the
    dateline abroad; else any place the tagger found in the lead."""
    named = places_in(dateline)
    abroad = [rolled_up(place) for place in named if not lies_within(place, "country:IN")]
    desk = [rolled_up(m.place) for m in early if m.start < len(dateline)]
    if not desk:
        latin = _LATIN_START.match(dateline) is not None  # the tagger reads Devanagari names only
        desk = [rolled_up(place) for place in named if (incident or place != NEW_DELHI) and (latin or place in found)]
    if desk and not abroad:
        return desk
    return ([abroad[0] if abroad and scope == "country:IN" else scope for scope in scopes] or abroad
            or [rolled_up(m.place) for m in early])


NEW_DELHI = "district:IN:delhi:new-delhi"
_LATIN_START = re.compile(r"\s*[A-Za-z]")


def _without_dateline(title: str) -> str:
    """A headline without the "पटना / " a desk puts before it, or the "नयी दिल्ली" a wire puts after
    it ("… अनुपालन कराने को कहा : आधिकारिक बयान नयी दिल्ली"): the city it files from, not what it reports."""
    head, slash, rest = title.partition(" / ")
    title = rest if slash and len(head.split()) <= 2 else title
    return _TRAILING_DATELINE.split(title, maxsplit=1)[0]


def _locality(title_places: list[str]) -> str | None:
    """The first district or city of a headline, unless the headline also names a state or country."""
    kinds = [(p, get_place(p).kind if get_place(p) else None) for p in title_places]
    if any(kind in ("state", "country", "region") for _, kind in kinds):
        return None
    return next((p for p, kind in kinds if kind in ("district", "city")), None)


def _is_reported_count(quantity) -> bool:
    """A number that tells one report from another: not a small one, not a span of time ("24 घंटे में")."""
    return quantity.value >= 10 and quantity.unit not in DURATIONS


def _scopes(words: list[str]) -> list[str]:
    """"country:IN" or "world" for the scope words among ``words`` (word keys), in order; "देश"
    counted ("9 और देश प्रभावित", "कई देश") is countries, not the country, and a superlative
    measured against it ("दुनिया का सबसे बड़ा ज्वालामुखी", "देश में सबसे ज्यादा प्रभावित") is news
    of one place."""
    return [_SCOPE_OF[w] for i, w in enumerate(words)
            if w in _SCOPE_OF and not _counted(words, i) and not _superlative_over(words, i)]


def _world_first(title: str) -> bool:
    """Whether the title names the world before any place of its own."""
    match = _WORLD.search(title)
    return bool(match) and not places_in(title[: match.start()])


_WORLD = re.compile(r"(?<![\u0900-\u097f])(?:%s)(?![\u0900-\u097f])" % "|".join(SCOPE_WORDS["world"].split()))


def _counted(words: list[str], i: int) -> bool:
    before = words[i - 1] if i else ""
    if before in ("और", "अन्य") and i > 1:
        before = words[i - 2]
    return before.isdigit() or before in NUMBER_WORDS or before in _COUNTING_WORDS


_COUNTING_WORDS = frozenset("कई सभी विभिन्न दर्जनों सैकड़ों अनेक".split())


def _superlative_over(words: list[str], i: int) -> bool:
    return words[i + 2 : i + 3] == ["सबसे"] and words[i + 1] in _MEASURED_AGAINST


_MEASURED_AGAINST = frozenset("का की के में".split())  # "दुनिया का सबसे …", "देश में सबसे …"


# Case markers, auxiliaries and conjunctions: no place name begins with one, so a run of words
# starting there need not be looked up (about a third of a text's words).
_NEVER_BEGIN_A_PLACE = frozenset("के का की में से को ने पर तक और व एवं तथा या कि है हैं था थी थे हो भी ही तो".split())


def places_in(text: str, longest: int = 3) -> list[str]:
    """Gazetteer places named in a short text (a title), in order: Hindi names, and English ones as titles mix them.

    A place told as elsewhere is left out (see :func:`_elsewhere`): where someone came from
    ("इटली से लौटे 13 संदिग्ध"), what the news is set against ("चीन के बाद ईरान में …"). The other
    places named, or else the lead's, place the story.
    """
    words = word_tokens(text)
    found, i = [], 0
    while i < len(words):
        if words[i] in _NEVER_BEGIN_A_PLACE:
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            name = " ".join(words[i : i + n])
            if name.isascii():
                place = _english_places().get(name.lower())
            else:
                place = resolve_place(name) if may_name_a_place(words[i : i + n]) else None
            if place and len(name) > 2 and not _a_common_word_here(words, i, n):
                if not _elsewhere(words, i + n):
                    found.append(place.id)
                i += n
                break
        else:
            i += 1
    return found


def _a_national_desks_dateline(text: str, mention) -> bool:
    """Whether a mention of New Delhi opens a dateline, at the head of the text ("नई दिल्ली, जेएनएन ।
    बॉलीवुड सिंगर …") or inside it, after a line the page kept or a title that ran on ("… की सूचना
    आईबी ने दी थी नई दिल्ली (नभाटा): कोलकाता में …"): where the national desks file from, not where
    the news is."""
    return mention.place == NEW_DELHI and dateline_end(text[mention.start :]) > 0


def _told_as_elsewhere(text: str, mention) -> bool:
    """Whether a place the text names is told as elsewhere (see :func:`_elsewhere`): "दुबई से लौटे"."""
    return _elsewhere([mention.text] + word_tokens(text[mention.end : mention.end + 60])[:3], 1)


def _likened_to(text: str, mention) -> bool:
    """Whether the text likens something to a place it names ("उनके शहर की हालत वुहान जैसी हो सकती है")."""
    return _marker_at(word_tokens(text[mention.end : mention.end + 30])[:2], 0, _LIKENED_TO) is not None


def _a_common_word_here(words: list[str], i: int, n: int) -> bool:
    """Whether the place name ``words[i:i+n]`` is here the common word it also is: "भेजा गया" is
    no trip to Gaya, "चार गुना" no news of Guna. Such a name is the place only where a headline
    opens with it (a dateline) or a postposition or place noun follows it ("गया में", "गुना जिले")."""
    if n > 1 or words[i] not in COMMON_WORD_PLACES or i == 0:
        return False
    return i + 1 >= len(words) or words[i + 1] not in _PLACE_FOLLOWERS


_PLACE_FOLLOWERS = frozenset("में के की का से जिले जिला जिलें शहर प्रखंड नगर".split())
_LIKENED_TO = (("जैसा",), ("जैसी",), ("जैसे",), ("की", "तरह"))
_ELSEWHERE = (("से",), ("के", "बाद"), ("के", "बाहर")) + _LIKENED_TO
# The capital's dateline where a wire title ends (or runs on into the lead): "… कहा नयी दिल्ली, …".
_TRAILING_DATELINE = re.compile(r"\s(?:नयी|नई)\s+दिल्ली(?:\s*[,:।]|\s*$)")
# Things named after a place, which are not where the news is: "एर्नाकुलम एक्सप्रेस".
_NAMED_AFTER_PLACES = frozenset("एक्सप्रेस सुपरफास्ट".split())
# Where someone or something was on its way to, not where the news is: "आजमगढ़ से दिल्ली जा रही ट्रेन".
_HEADING_FOR = frozenset({("जा", "रहा"), ("जा", "रही"), ("जा", "रहे"), ("जा", "रहीं"), ("जाने", "वाली"),
                          ("जाने", "वाले"), ("जाने", "वाला"), ("की", "ओर")})
# "X से एक किलोमीटर दूर": what is measured from X happened near it.
_DISTANCE = frozenset("दूर किलोमीटर किमी मीटर".split())
# Verbs after "X से" that make X the place where a count was found, not where someone came from.
_FOUND_THERE = frozenset("मिले मिला मिली मिलीं सामने मामले केस मरीज संक्रमित पॉजिटिव".split())


def _elsewhere(words: list[str], end: int) -> bool:
    """Whether the place name ending at ``end`` is told as elsewhere: where someone came from
    ("दिल्ली से लौटे"), or what the news is set against or likened to ("चीन के बाद", "चीन के बाहर",
    "वुहान जैसी हालत"). The marker may
    close the matched name (a name is matched with its case marker: "चीन के") or follow it. A
    place a count comes from is the count's place: "पलामू से मिले 5 नये पॉजिटिव", and a place
    distances are measured from is near the news: "मनाली से एक किलोमीटर दूर". A train named
    after a place is not there: "एर्नाकुलम एक्सप्रेस"."""
    if end < len(words) and words[end] in _NAMED_AFTER_PLACES:
        return True
    if any(_heads_for(words, start) for start in (end - 1, end)):
        return True
    for start in (end - 1, end):
        marker = _marker_at(words, start, _ELSEWHERE)
        if marker:
            return marker != ("से",) or not (any(w in _FOUND_THERE for w in words[start + 1 : start + 3])
                                              or any(w in _DISTANCE for w in words[start + 1 : start + 5]))
    return False


def _marker_at(words: list[str], start: int, markers: tuple[tuple[str, ...], ...]) -> tuple[str, ...] | None:
    """The first of ``markers`` (word sequences) that ``words`` hold at ``start``, if any."""
    return next((marker for marker in markers if tuple(words[start : start + len(marker)]) == marker), None)


def _heads_for(words: list[str], start: int) -> bool:
    """Whether ``words[start:]`` says where someone was heading ("जा रही", "की ओर"), not on whose
    behalf ("की ओर से": "भारत की ओर से जवाब" is India's news)."""
    return tuple(words[start : start + 2]) in _HEADING_FOR and words[start + 2 : start + 3] != ["से"]


@lru_cache(maxsize=1)
def _english_places() -> dict:
    names = {en.lower(): p for p in all_places() for _, en in p.alias_en}
    return names | {p.en.lower(): p for p in all_places() if p.en}


def event_kind(text: str, headline: str = "") -> str:
    """The kind of happening the words of ``text`` report most: count, order, incident, statement, meeting,
    or other; a count that the ``headline`` asks about or forecasts is an "outlook", not a report."""
    return _kind_of_words(word_keys(text), word_keys(headline))


def headline_kind(words: list[str]) -> str | None:
    """The kind of happening a headline's words report, when one kind has more of its words than
    any other ("इटली में 107 लोगों की मौत": count); None when none or a tie ("… बंद, 3 मरीज")."""
    ranked = _kind_counts(words).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _kind_counts(words: list[str]) -> Counter:
    """How many of ``words`` say each kind of happening (:data:`KIND_WORDS`)."""
    return Counter(_KIND_OF[w] for w in words if w in _KIND_OF)


def _kind_of_words(words: list[str], headline_words: list[str]) -> str:
    kinds = _kind_counts(words)
    kind = kinds.most_common(1)[0][0] if kinds else "other"
    if kind == "count" and any(w in OUTLOOK_WORDS for w in headline_words):
        return "outlook"
    return kind


def rolled_up(place_id: str) -> str:
    """A district or city to its state; a city of a country the gazetteer knows no states of to
    the country ("ढाका" is Bangladesh's news; Beijing, in a country of provinces, stays a city);
    a state or country stays as it is."""
    place = get_place(place_id)
    if place is None or place.kind in ("state", "country", "region"):
        return place_id
    above = parents(place_id)
    state = next((p.id for p in above if p.kind == "state"), None)
    if state:
        return state
    country = next((p.id for p in above if p.kind == "country"), None)
    return country if country and not has_states(country) else place_id


@dataclass
class OpenEvent:
    """An event that new articles may still join: its latest members and its last event day."""

    id: str
    members: list[Signature] = field(default_factory=list)
    last_day: date | None = None
    keys: Counter = field(default_factory=Counter, repr=False)  # index keys of the members, with counts


@dataclass(frozen=True)
class Assignment:
    """Where one article went: its event, whether that event is new, and events merged into it."""

    article_id: str
    event_id: str
    new: bool
    merged: tuple[str, ...] = ()
    signature: Signature | None = None  # the article's signature as kept in the event (with its vector)


class EventClusterer:
    """Online event assignment over a window of open events.

    :param threshold: score an article needs with an event's closest member to join it.
    :param merge_threshold: an article scoring at least this with two open events shows they
        are one happening: the later event merges into the earlier one (its id redirects).
    :param max_day_gap: event dates further apart than this never share an event.
    :param window_days: events whose last day is this many days before the latest day seen are
        closed: they leave memory and take no new articles.
    :param max_members: members kept and compared per open event (the latest ones).
    """

    def __init__(self, threshold: float = 0.5, merge_threshold: float = 0.8, max_day_gap: int = 1,
                 window_days: int = 3, max_members: int = 20):
        self.threshold = threshold
        self.merge_threshold = merge_threshold
        self.max_day_gap = max_day_gap
        self.window_days = window_days
        self.max_members = max_members

    def fit(self, signatures: Iterable[Signature]) -> "EventClusterer":
        self._reset()
        return self.partial_fit(signatures)

    def partial_fit(self, signatures: Iterable[Signature]) -> "EventClusterer":
        for sig in signatures:
            self.add(sig)
        return self

    def add(self, sig: Signature) -> Assignment:
        """Assign one article (in publication order) to an open event or a new one."""
        if not hasattr(self, "labels_"):
            self._reset()
        self.documents_ += 1
        self.document_frequency_.update(sig.terms.keys())
        sig = replace(sig, vector=self.unit_vector(sig.terms))
        scored = sorted(((self._event_score(sig, e), e.id) for e in self._candidates(sig)), key=lambda x: (-x[0], x[1]))
        joined = [event_id_ for score, event_id_ in scored if score > self.threshold]
        if joined:
            event = self.open_events_[joined[0]]
            merging = [e for score, e in scored[1:] if score >= self.merge_threshold] if scored[0][0] >= self.merge_threshold else []
            merging += [e for score, e in scored[1:] if score > self.threshold and e not in merging
                        and _one_places_count_of_the_day(sig, event.members + self.open_events_[e].members)]
            event, merged = self._merge([event] + [self.open_events_[e] for e in merging])
        else:
            event, merged = OpenEvent(id=event_id(sig.article_id)), ()
            self.open_events_[event.id] = event
        self._join(event, sig)
        self._close_old_events(sig.day)
        if event.last_day is None:
            self._close_least_recent_undated()
        assignment = Assignment(sig.article_id, event.id, new=not joined, merged=merged, signature=sig)
        self.labels_[sig.article_id] = event.id
        for old in merged:
            self.redirects_[old] = event.id
        return assignment

    def load(self, open_events: Iterable[OpenEvent], document_frequency: dict[str, int], documents: int,
             latest_day: date | None) -> "EventClusterer":
        """Continue from saved state (see :meth:`state`): the open events, term document frequencies,
        the number of documents seen and the latest event day seen."""
        self._reset()
        self.document_frequency_.update(document_frequency)
        self.documents_ = documents
        self.latest_day_ = latest_day
        for event in open_events:
            self.open_events_[event.id] = event
            self._reindex(event)
        return self

    def labels(self) -> dict[str, str]:
        """Event id of every article seen, following merges."""
        return {article: self.resolve(event) for article, event in self.labels_.items()}

    def resolve(self, event_id_: str) -> str:
        while event_id_ in self.redirects_:
            event_id_ = self.redirects_[event_id_]
        return event_id_

    # -- learned state --
    def _reset(self) -> None:
        self.labels_: dict[str, str] = {}
        self.redirects_: dict[str, str] = {}
        self.open_events_: dict[str, OpenEvent] = {}
        self.closed_: list[str] = []  # events closed since the caller last cleared this list
        self.document_frequency_: Counter = Counter()
        self.documents_ = 0
        self.latest_day_: date | None = None
        self._index: dict[str, set[str]] = defaultdict(set)  # term / place / actor → open event ids

    def _join(self, event: OpenEvent, sig: Signature) -> None:
        bisect.insort(event.members, sig, key=signature_order)
        self._count_keys(event, sig, +1)
        for dropped in event.members[: -self.max_members]:
            self._count_keys(event, dropped, -1)
        del event.members[: -self.max_members]
        if sig.day and (event.last_day is None or sig.day > event.last_day):
            event.last_day = sig.day

    def _count_keys(self, event: OpenEvent, sig: Signature, step: int) -> None:
        """Index (step +1) or unindex (-1) one member's keys: an event is found by the keys of its current members."""
        for key in _index_keys(sig):
            event.keys[key] += step
            if event.keys[key] > 0:
                self._index[key].add(event.id)
            else:
                del event.keys[key]
                self._unindex(key, event.id)

    def _unindex(self, key: str, event_id_: str) -> None:
        posting = self._index.get(key)
        if posting is not None:
            posting.discard(event_id_)
            if not posting:
                del self._index[key]

    def _reindex(self, event: OpenEvent) -> None:
        for key in event.keys:
            self._unindex(key, event.id)
        event.keys = Counter()
        for sig in event.members:
            self._count_keys(event, sig, +1)

    def _merge(self, events: list[OpenEvent]) -> tuple[OpenEvent, tuple[str, ...]]:
        """Merge events into the one that started first (the first of ``events`` may be any)."""
        survivor = min(events, key=lambda e: (min(publication_order(m.published) for m in e.members), e.id))
        merged = []
        for event in events:
            if event is survivor:
                continue
            merged.append(event.id)
            members = sorted(survivor.members + event.members, key=signature_order)
            survivor.members = members[-self.max_members :]
            survivor.last_day = max((d for d in (survivor.last_day, event.last_day) if d), default=None)
            self._drop(event)
        self._reindex(survivor)
        return survivor, tuple(merged)

    def _drop(self, event: OpenEvent) -> None:
        del self.open_events_[event.id]
        for key in event.keys:
            self._unindex(key, event.id)

    def _close_old_events(self, day: date | None) -> None:
        if day is None or (self.latest_day_ is not None and day <= self.latest_day_):
            return
        self.latest_day_ = day
        for event in [e for e in self.open_events_.values() if e.last_day and (day - e.last_day).days > self.window_days]:
            self._drop(event)
            self.closed_.append(event.id)

    def _close_least_recent_undated(self) -> None:
        """Close the undated events beyond :data:`MAX_UNDATED_OPEN`, those whose latest member came
        earliest (members alone decide, so a store reloaded between articles closes the same ones)."""
        undated = [e for e in self.open_events_.values() if e.last_day is None]
        if len(undated) <= MAX_UNDATED_OPEN + UNDATED_SLACK:
            return
        undated.sort(key=lambda e: signature_order(e.members[-1]))
        for event in undated[: len(undated) - MAX_UNDATED_OPEN]:
            self._drop(event)
            self.closed_.append(event.id)

    def _candidates(self, sig: Signature) -> list[OpenEvent]:
        """The open events sharing the most index keys with ``sig`` (a word in every event finds nothing)."""
        open_events = []
        for event_id_ in most_hits_first(count_hits(self._index, _index_keys(sig), MAX_POSTING)):
            event = self.open_events_[event_id_]
            if sig.day and event.last_day and (sig.day - event.last_day).days > self.window_days:
                continue
            open_events.append(event)
            if len(open_events) == MAX_CANDIDATES:
                break
        return open_events

    # -- scoring --
    def _event_score(self, sig: Signature, event: OpenEvent) -> float:
        """The best pair score with a member, unless a member looks like another happening (a score
        below MEMBER_VETO): a national roundup that joined a state's count must not pull in the next
        national report, which the state's own reports contradict."""
        if self._outside_the_events_days(sig, event):
            return -1.0
        scores = [self.pair_score(sig, member) for member in event.members]
        if min(scores) < MEMBER_VETO:
            return min(scores)
        return max(scores) + ONLY_THEIR_WORD * min(self._words_only_they_share(sig, event), ONLY_THEIR_WORDS_COUNTED)

    def _words_only_they_share(self, sig: Signature, event: OpenEvent) -> int:
        """How many of ``sig``'s words some member of ``event`` uses and no other article seen so far
        does (the document frequencies already count ``sig``)."""
        return sum(1 for term in sig.terms
                   if (members := event.keys.get("t:" + term, 0)) and self.document_frequency_.get(term, 0) - 1 <= members)

    def _outside_the_events_days(self, sig: Signature, event: OpenEvent) -> bool:
        """Whether ``sig``'s day is further than ``max_day_gap`` from any member's: a running topic
        reported day after day must not chain into one event (3 March's report joining 2 March's,
        4 March's joining 3 March's, …); each member is compared with the article, not only the closest."""
        if not sig.day:
            return False
        days = [m.day for m in event.members if m.day]
        return bool(days and max(abs((sig.day - min(days)).days), abs((max(days) - sig.day).days)) > self.max_day_gap)

    def pair_score(self, a: Signature, b: Signature) -> float:
        """How strongly two articles look like reports of one happening."""
        if a.day and b.day and abs((a.day - b.day).days) > self.max_day_gap:
            return -1.0
        if a.ordinal and b.ordinal and a.ordinal != b.ordinal:
            return -1.0  # "the first meeting" and "the second meeting" are two happenings
        if not diseases_agree(a.diseases, b.diseases):
            return -1.0  # "स्वाइन फ्लू के 6 मरीज" and "कोरोना के 11 मामले": two outbreaks' news
        if not incidents_agree(a.incident, b.incident):
            return -1.0  # a state's cyclone and its Maoist attack on one day: two happenings
        score = self._cosine(a, b)
        if a.place and b.place:
            if a.place == b.place:
                score += 0.15
            elif not a.places & b.places:
                score -= 0.25
        score += self._locality_score(a, b)
        if _count_reports_of_one_place(a, b):
            # A place's count is one happening per day: the same day's reports join, other days' part,
            # unless they count one incident's toll (a flood's dead on its first and second day).
            if a.day == b.day:
                score += DAILY_REPORT
            else:
                score -= OTHER_DAYS_TOLL if _one_incident(a, b) else OTHER_DAYS_REPORT
        if a.kind == b.kind and a.kind != "other":
            score += 0.1
        if a.headline_kind and b.headline_kind and a.headline_kind != b.headline_kind and not _one_incident(a, b):
            score -= HEADLINE_KINDS_DIFFER
        if a.incident == b.incident == "accident" and a.vehicles and b.vehicles and not a.vehicles & b.vehicles:
            score -= OTHER_VEHICLES  # a bus overturned and a truck hit a tempo: two crashes of one district's day
        shared = a.numbers & b.numbers
        if shared:
            score += SHARED_FIGURE if any(not _is_round(n) for n in shared) else SHARED_ROUND_FIGURE
        score += _shared_actors_score(len(a.actors & b.actors))
        if a.day and b.day and a.day == b.day:
            score += 0.05
        if a.outlet and a.outlet == b.outlet:
            score -= SAME_OUTLET
        if not (a.day and b.day):
            score -= UNDATED_PAIR
        return score

    @staticmethod
    def _locality_score(a: Signature, b: Signature) -> float:
        """Two districts' news are two happenings; a district's and its state's are seldom one."""
        if a.locality and b.locality:
            return LOCALITY_SAME if a.locality == b.locality else LOCALITY_DIFFERENT
        return LOCALITY_ONE_SIDED if (a.locality or b.locality) else 0.0

    def _cosine(self, a: Signature, b: Signature) -> float:
        va, vb = a.vector or self.unit_vector(a.terms), b.vector or self.unit_vector(b.terms)
        if len(va) > len(vb):
            va, vb = vb, va
        # Over the shared terms only, in va's order: the same sum as over all of va's terms.
        return sum([w * vb[t] for t, w in va.items() if t in vb], 0.0)

    def unit_vector(self, terms: dict[str, int]) -> dict[str, float]:
        """The unit TF-IDF vector of ``terms`` with the document frequencies seen so far."""
        n = max(self.documents_, 1)
        # Smoothed IDF (+1, as scikit-learn's smooth_idf): early in a stream every term is rare.
        weights = {t: (1 + math.log(c)) * (math.log((n + 1) / (self.document_frequency_.get(t, 0) + 1)) + 1) for t, c in terms.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {t: w / norm for t, w in weights.items()} if norm else {}


# Diseases by the words news names them with; a flu is the swine or bird flu when the word before says so.
_DISEASE_PREFIXES = {"कोरोना": "covid", "कोविड": "covid", "corona": "covid", "covid": "covid"}
_DISEASE_WORDS = {
    "डेंगू": "dengue", "मलेरिया": "malaria", "चिकनगुनिया": "chikungunya", "इबोला": "ebola", "निपाह": "nipah",
    "जीका": "zika", "हैजा": "cholera", "प्लेग": "plague", "पोलियो": "polio", "खसरा": "measles", "चेचक": "smallpox",
    "टीबी": "tuberculosis", "तपेदिक": "tuberculosis", "एड्स": "hiv", "एचआईवी": "hiv",
    "फ्लू": "flu", "इन्फ्लुएंजा": "flu", "इंफ्लुएंजा": "flu",
    # Latin words as headlines mix them in ("Bird Flu व Swine Flu का खतरा").
    "dengue": "dengue", "malaria": "malaria", "ebola": "ebola", "nipah": "nipah", "zika": "zika",
    "flu": "flu", "influenza": "flu", "h1n1": "swine-flu", "h5n1": "bird-flu",
}
_FLU_KINDS = {"स्वाइन": "swine-flu", "बर्ड": "bird-flu", "swine": "swine-flu", "bird": "bird-flu"}
_NUKTA = "\u093c"

# News beats: kinds of news that run as one thread wherever they happen. A study from China and a
# vaccine trial in Chandigarh are both the research beat's news; the markets' fall is the markets'.
# The words are those a headline of the beat carries; a "शेयर" alone may be shared on social media.
# A headline of both beats ("वैक्सीन की खबर से उछला सेंसेक्स") is the first one's news.
BEAT_WORDS = {
    "markets": "सेंसेक्स निफ्टी sensex nifty",
    "research": "रिसर्च रीसर्च शोध शोधकर्ता शोधकर्ताओं अध्ययन स्टडी वैज्ञानिक वैज्ञानिकों वैक्सीन टीका टीके जर्नल "
                "research study vaccine scientists",
}
_BEAT_OF = {word: beat for beat, words in BEAT_WORDS.items() for word in words.split()}
_BEAT_PHRASES = {("शेयर", "बाजार"): "markets"}


# Vehicles by the words accident news names them with, by kind: one crash's reports name the same ones.
VEHICLE_WORDS = {
    "bus": "बस बसों", "truck": "ट्रक ट्रकों डंपर डम्पर कंटेनर ट्रेलर टैंकर", "tempo": "टेंपो टेम्पो ऑटो ई-रिक्शा",
    "car": "कार कारों जीप एसयूवी स्कॉर्पियो बोलेरो", "two-wheeler": "बाइक मोटरसाइकिल स्कूटी स्कूटर",
    "tractor": "ट्रैक्टर ट्रैक्टर-ट्रॉली", "train": "ट्रेन ट्रेनों रेलगाड़ी", "plane": "विमान हेलीकॉप्टर", "boat": "नाव",
}
_VEHICLE_OF = {word: kind for kind, words in VEHICLE_WORDS.items() for word in words.split()}


def vehicles_named(words: list[str]) -> frozenset[str]:
    """The kinds of vehicle among ``words`` (word keys; a compound such as "बस-ट्रक" by its parts):
    ["ट्रक-टेंपो", "की", "टक्कर"] → {"truck", "tempo"}."""
    return frozenset(_VEHICLE_OF[part] for word in words for part in (word, *word.split("-")) if part in _VEHICLE_OF)


def diseases_named(words: list[str]) -> frozenset[str]:
    """The diseases named among ``words`` (word keys): "यूपी के दो शहरों में स्वाइन फ्लू ने पसारे पांव"
    → {"swine-flu"}; "कोरोनावायरस: …" → {"covid"}."""
    words = [word.replace(_NUKTA, "") for word in words]  # "फ़्लू" is "फ्लू"
    found = set()
    for i, word in enumerate(words):
        disease = next((d for prefix, d in _DISEASE_PREFIXES.items() if word.startswith(prefix)), None) or _DISEASE_WORDS.get(word)
        if disease == "flu" and i > 0 and words[i - 1] in _FLU_KINDS:
            disease = _FLU_KINDS[words[i - 1]]
        if disease:
            found.add(disease)
    return frozenset(found)


def news_beat(words: list[str]) -> str | None:
    """The beat (see :data:`BEAT_WORDS`) a headline's words (word keys) report: "शेयर बाजार में
    भूचाल, सेंसेक्स 3124 अंक लुढ़का" → "markets"; "रिसर्च में बड़ा खुलासा" → "research"; else None."""
    words = [word.replace(_NUKTA, "") for word in words]  # "बाज़ार" is "बाजार"
    found = {_BEAT_OF[w] for w in words if w in _BEAT_OF} | {_BEAT_PHRASES[p] for p in zip(words, words[1:]) if p in _BEAT_PHRASES}
    return min(found, key=list(BEAT_WORDS).index, default=None)


def diseases_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether the diseases two reports name (none: no disease told) may be one outbreak's news."""
    return not (a and b) or bool(a & b)


def _one_incident(a: Signature, b: Signature) -> bool:
    """Whether both reports tell of an incident of one family (a fire's toll and the fire), where
    :func:`incidents_agree` also lets a report that tells of none go with either."""
    return a.incident is not None and a.incident == b.incident


def incidents_agree(a: str | None, b: str | None) -> bool:
    """Whether two incident families (None: no incident told) may be one happening or one thread."""
    return a is None or b is None or a == b


def _shared_actors_score(shared: int) -> float:
    """0.1 for one person or organisation both reports name, and 0.05 for each further one
    (up to three): the same three people are stronger evidence of one happening than one
    minister who is in every day's news."""
    return 0.0 if not shared else SHARED_ACTOR + FURTHER_SHARED_ACTOR * (min(shared, 3) - 1)


def _one_places_count_of_the_day(sig: Signature, members: list[Signature]) -> bool:
    """Whether ``sig`` and every member are count reports of one place on one day (and of one
    tally: not the world's list that names the country beside the country's own count). The place
    is the signature's, which the lead gives where the headline names none (a bulletin headed
    "कोरोना वायरस अपडेट"); :func:`_count_reports_of_one_place` asks the headline's. A count
    report that fits two such events shows them to be one happening (a place's count is one per
    day), whichever of its reports came first: read in another order, the reports that bridge
    them would have started one event."""
    return sig.kind == "count" and sig.place is not None and sig.day is not None and all(
        m.kind == "count" and m.day == sig.day and m.place == sig.place and m.thread_place == sig.thread_place
        for m in members)


def _count_reports_of_one_place(a: Signature, b: Signature) -> bool:
    """Two dated count reports whose headlines name the same place."""
    return (a.kind == b.kind == "count" and a.day is not None and b.day is not None
            and a.headline_place is not None and a.headline_place == b.headline_place and a.locality == b.locality)


def signature_order(sig: Signature) -> tuple[str, str]:
    """The order articles are assigned in: :func:`~.models.publication_order`, ties by id."""
    return publication_order(sig.published), sig.article_id


def _index_keys(sig: Signature) -> list[str]:
    return [f"t:{t}" for t in sig.terms] + [f"p:{p}" for p in sig.places] + [f"a:{a}" for a in sig.actors]


def count_hits(index: dict[str, set[str]], keys: Iterable[str], max_posting: int) -> Counter:
    """How many of ``keys`` each id is indexed by; a term (a ``t:`` key) indexing more than
    ``max_posting`` ids finds none: it is in every story."""
    findable = []
    for key in keys:
        posting = index.get(key, ())
        if len(posting) <= max_posting or not key.startswith("t:"):
            findable.append(posting)
    return Counter(chain.from_iterable(findable))  # one count, not one Counter.update per key


def most_hits_first(hits: Counter) -> list[str]:
    """The keys of ``hits``, the most counted first, ties by key."""
    return [key for _, key in sorted((-count, key) for key, count in hits.items())]


def event_id(first_article_id: str) -> str:
    """A stable event id from the id of the article that started it."""
    return "ev-" + hashlib.sha1(first_article_id.encode("utf-8")).hexdigest()[:12]


def _is_round(number: float) -> bool:
    """A round figure ("3000 से ज्यादा", "एक लाख के पार", "20 कोरोना पॉजिटिव", "10 मरीज मिले"): a
    number ending in zero, which two unrelated reports share by chance."""
    return number % 10 == 0
