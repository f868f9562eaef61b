"""Event headlines and summaries, storyline titles and timelines: pure functions over the
articles of one event (or the event records of one storyline).

* :func:`event_headline` — of the articles' headlines, the one that shares most with the
  other articles (the most representative, not the first or the longest);
* :func:`event_summary` — 2–4 lead sentences drawn from all the event's articles, the most
  central first, none repeating another, each kept with its article and outlet;
* :func:`storyline_title` and :func:`timeline` — a storyline's title and one line per event.

Agency copies (``duplicate_of`` set) add nothing a reader has not seen, so sentences are
drawn from originals only.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from .events import places_in
from .facts import DURATIONS
from .headline import generate_headline, headline_for, is_dateline, strip_dateline, strip_list_mark
from .models import Article, in_publication_order
from .normalize import BACKGROUND_OPENER, ends_a_sentence, split_sentences, word_keys
from .places import lies_within, parents

SUMMARY_SENTENCES = (2, 4)
INFORMATIVE_WORDS = 5  # content words below which an event headline is too short to tell the event
LEAD_SENTENCES = 6  # sentences a summary may come from, per article
MAX_OVERLAP = 0.4  # content-word Jaccard above which a sentence repeats one already chosen
RESTATED_FIGURE_OVERLAP = 0.2  # the same, for a sentence that also states a figure already chosen
SENTENCE_WORDS = (6, 45)
FACT_BONUS, MAX_FACTS = 0.05, 3  # a sentence stating counts and names is worth more to a reader

STOPWORDS = frozenset(unicodedata.normalize("NFC", w) for w in """
का के की को में से पर ने तक भी ही और या व एवं तथा है हैं था थे थी हो होगा होगी होंगे होने हुआ हुई हुए
कर करने करते किया किए गया गई गए गयी गये रहा रही रहे जा जाता जाती जाते जाने कि यह वह ये वे इस उस इन उन
इसके उसके इसे उसे उन्होंने एक लिए साथ बाद पहले अब आज कल बताया कहा दिया दी लेकर बीच जो जिस जिसके नहीं
""".split())
# A sentence opening with these leans on the one before it: pronouns ("उन्होंने कहा …", "वह उस
# कार्यक्रम में शामिल थे", "इन लोगों के …", "यही तकनीक …"), relatives ("जिसके बाद … संख्या बढ़कर 6542
# हो गई"), "there" ("यहां … 20 लोग"), connectives ("जबकि, इससे …", "हालांकि …", "ऐसे में …", "इसी बीच …",
# "बाद में …", "इधर, …"). Poor on its own: a summary takes one only when too few sentences stand alone,
# or right after the sentence it leans on. ("साथ ही …" adds a fact that reads well anywhere.)
_DANGLING = frozenset(unicodedata.normalize("NFC", w) for w in (
    "उन्होंने इसके इससे इसमें इसकी इसका वहीं उनके उनका उनकी यह ये इस इन उस उन इसी उसी यही यहीं वही "
    "वह वे उसने उसके उसका उसकी उसे उन्हें उन्हीं उनमें इनमें यहां यहाँ वहां वहाँ इधर उधर "
    "जिसमें जिसके जिसकी जिसका जिससे जिसे जिसने जिनमें जिनके जिनकी जिनका जिनसे जिन्हें जिन्होंने "
    "जबकि हालांकि हालाँकि लेकिन मगर परंतु किंतु बल्कि इसलिए अतः बाद फिर").split())

_NOW = frozenset(unicodedata.normalize("NFC", w) for w in "अभी अब फिलहाल तब".split())
# "Such" leans only as "in such a situation": "ऐसे लोग जिनमें लक्षण हों, …" opens a sentence of its own.
_IN_SUCH_A_CASE = frozenset(unicodedata.normalize("NFC", w) for w in ("ऐसे में", "ऐसी स्थिति", "ऐसे हालात"))

# A perfective participle with था/थी/थे: "मिले थे", "आई थी", "कर गया था", "दी थी".
_PLUPERFECT = re.compile(unicodedata.normalize("NFC", r"[\u0900-\u097f]*[ाीेई]\s+(?:था|थी|थे|थीं)(?![\u0900-\u097f])"))

# A news agency's wire slug ("दि28 वायरस लॉकडाउन लीड …", "वि3 कोरोना …"): several wire items glued into one line.
_WIRE_SLUG = re.compile(unicodedata.normalize("NFC", r"(?<!\S)(?:दि|वि|प्रादे|अर्थ|खेल)\d{1,3}\s"))


def content_words(text: str) -> set[str]:
    """The comparison keys of a text's words, without function words."""
    return {k for k in word_keys(text) if k not in STOPWORDS and len(k) > 1}


def event_headline(articles: list[Article]) -> str:
    """The headline that best represents the event: the one sharing most words with the others,
    if it has enough words of its own to say what happened; where every title only labels the page
    ("कोरोना वायरस अपडेट"), one written from a lead."""
    if not articles:
        return ""
    heads = [headline_for(a) for a in articles]
    if all(_tells_little(h) for h in heads):
        heads = [_written_if_more_telling(a, h) for a, h in zip(articles, heads)]
    if len(articles) == 1:
        return heads[0]
    contexts = [content_words(h + " " + " ".join(split_sentences(a.text)[:2])) for h, a in zip(heads, articles)]

    def support(i: int) -> float:
        words = content_words(heads[i])
        if not words:
            return 0.0
        others = [c for j, c in enumerate(contexts) if j != i]
        return sum(len(words & c) / len(words) for c in others) / len(others) + 0.1 * bool(articles[i].title)

    # "कोरोना वायरस अपडेट" shares all its words with every article and says nothing
    informative = [_is_informative(h) for h in heads]
    current = [not tells_background(h) for h in heads]
    return heads[max(range(len(heads)), key=lambda i: (informative[i], current[i], support(i), -i))]


def _is_informative(headline: str) -> bool:
    return len(content_words(headline)) >= INFORMATIVE_WORDS


def _tells_little(headline: str) -> bool:
    """A title of a label's words ("कोरोना वायरस अपडेट", "ताजा परामर्श", "Spotlight"), not a short
    headline that tells a happening ("नोएडा में दो स्कूल बंद", "पंजाब में 1 मामला")."""
    telling = {k for k in word_keys(headline) if k not in STOPWORDS and k not in _LABEL_WORDS and (len(k) > 1 or k.isdigit())}
    return len(telling) <= MAX_LABEL_WORDS


MAX_LABEL_WORDS = 1
# Words of a page's label rather than of a happening: the topic every story shares, "update", "live".
_LABEL_WORDS = frozenset(word_keys(
    "कोरोना कोरोनावायरस वायरस कोविड कोविड-19 अपडेट अपडेट्स लाइव ताजा खबर खबरें न्यूज समाचार बड़ी "
    "corona coronavirus covid covid-19 live update updates news"))


def _written_if_more_telling(article: Article, head: str) -> str:
    """The headline written from the article's lead where its title only labels the page
    (:func:`_tells_little`) and the lead tells more; else ``head``."""
    if not article.title:
        return head  # already written from the lead
    written = generate_headline(article.text)
    return written if _is_informative(written) and not _ANNOUNCES_A_LIST.search(written) else head


# A lead that only announces the list after it: a wire's digest ("… जारी मुख्य समाचार इस प्रकार हैं :").
_ANNOUNCES_A_LIST = re.compile(r"इस\s+प्रकार|निम्नलिखित|निम्न\s+प्रकार")


def tells_background(headline: str) -> bool:
    """Whether a headline is told in the pluperfect ("शनिवार को 41 लोग मिले थे संक्रमित", "8 मार्च
    को कनाडा से लखनऊ आई थी महिला डॉक्टर"): what led up to the event, not the event; a live blog's
    section heads read so."""
    return bool(_PLUPERFECT.search(headline))


def event_summary(articles: list[Article], max_sentences: int = SUMMARY_SENTENCES[1]) -> list[dict]:
    """2–4 sentences that together say what happened, each with its article and outlet.

    Candidates are the first sentences of every original article (no datelines, questions,
    background or wire slugs). Each scores by how many other articles share its words, plus a
    bonus for coming early and one for the counts and names it states; the best are chosen in
    turn, skipping any that repeat one already chosen (the same words, or the same count of the
    same thing: see :func:`_repeats`). A sentence leaning on the one before it ("जिसके बाद …",
    "ऐसे में …") is taken only when too few stand alone, or when there is room and that one is
    chosen; it then follows it.
    The best opens the summary, since it says most plainly what happened; the others follow in
    publication and reading order.
    """
    originals = [a for a in articles if not a.duplicate_of] or list(articles)
    candidates = _candidates(originals)
    if not candidates:
        return []
    spread = Counter(w for a in originals for w in content_words(a.text))
    ranked = sorted(candidates, key=lambda c: (c.leans, -_centrality(c, spread, len(originals))))
    chosen: list[_Candidate] = []
    for candidate in ranked:
        if len(chosen) == max_sentences or (candidate.leans and len(chosen) >= SUMMARY_SENTENCES[0]):
            break
        if not _repeats(candidate, chosen):
            chosen.append(candidate)
    for candidate in ranked:  # room left: a sentence leaning on a chosen one reads well right after it
        if len(chosen) < max_sentences and candidate.leans and candidate not in chosen \
                and _follows_one_of(candidate, chosen) and not _repeats(candidate, chosen):
            chosen.append(candidate)
    order = {a.id: i for i, a in enumerate(in_publication_order(originals))}
    chosen[1:] = sorted(chosen[1:], key=lambda c: (order[c.article.id], c.position))
    return [{"text": c.text, "article": c.article.id, "outlet": c.article.outlet} for c in _after_what_they_lean_on(chosen)]


def _follows_one_of(candidate: _Candidate, chosen: list[_Candidate]) -> bool:
    return any(c.article is candidate.article and c.position == candidate.position - 1 for c in chosen)


def _after_what_they_lean_on(chosen: list[_Candidate]) -> list[_Candidate]:
    """The summary's order with each leaning sentence moved right after the sentence before it in its
    article, when that one is in the summary."""
    out: list[_Candidate] = []
    for candidate in chosen:
        if not (candidate.leans and _follows_one_of(candidate, chosen)):
            out.append(candidate)
            out.extend(c for c in chosen if c.leans and c.article is candidate.article and c.position == candidate.position + 1)
    return out


class _Candidate(NamedTuple):
    """A lead sentence a summary may take: its words, how many counts and names it states (facts),
    the counts themselves (figures: value and what it counts), and whether it leans on the
    sentence before it."""

    article: Article
    position: int
    text: str
    words: set[str]
    facts: int
    figures: frozenset
    leans: bool


def _candidates(articles: list[Article]) -> list[_Candidate]:
    """The lead sentences fit for a summary: no datelines, questions, background or wire slugs."""
    out = []
    for article in articles:
        facts = _facts_per_sentence(article)
        figures = _figures_per_sentence(article)
        position = 0
        for index, sentence in enumerate(split_sentences(article.text)[: LEAD_SENTENCES + 1]):
            sentence = strip_list_mark(strip_dateline(sentence))
            words = sentence.split()
            if is_dateline(sentence) or sentence.endswith("?") or not words:
                continue
            if (SENTENCE_WORDS[0] <= len(words) <= SENTENCE_WORDS[1]
                    and not BACKGROUND_OPENER.match(sentence) and not _WIRE_SLUG.search(sentence)):
                out.append(_Candidate(article, position, sentence, content_words(sentence), facts[index],
                                      figures.get(index, frozenset()), _leans(words)))
            position += 1
    return out


def _leans(words: list[str]) -> bool:
    """Whether a sentence opens leaning on the one before it: with one of :data:`_DANGLING`, "in such a
    situation", or a word of time before one of them ("अभी यह तीसरे चरण में नहीं पहुंचा")."""
    opening = [word.rstrip(",") for word in words[:2]]
    return (opening[0] in _DANGLING or " ".join(opening) in _IN_SUCH_A_CASE
            or (opening[0] in _NOW and opening[1:] != [] and opening[1] in _DANGLING))


def _facts_per_sentence(article: Article) -> Counter:
    """Sentence index → how many counts (with what they count) and names of people and
    organisations the analysis found in it. Places are left out: background sentences name
    them as often as news does ("चीन से फैले कोरोना वायरस ने पूरी दुनिया को …")."""
    analysis = article.analysis
    if analysis is None:
        return Counter()
    return Counter([q.sentence for q in analysis.quantities if q.unit]
                   + [m.sentence for m in analysis.entities if m.type in ("PER", "ORG")])


def _figures_per_sentence(article: Article) -> dict[int, frozenset]:
    """Sentence index → the counts it states, as (value, what it counts): "42 और लोगों की मौत" → (42, deaths).
    Spans of time, ages and "times" are left out: "24 घंटे में", "38 वर्षीय" are said of many things."""
    by_sentence: dict[int, set] = {}
    for q in (article.analysis.quantities if article.analysis else ()):
        if q.unit and q.unit not in _NOT_FIGURES:
            by_sentence.setdefault(q.sentence, set()).add((q.value, q.unit))
    return {i: frozenset(f) for i, f in by_sentence.items()}


_NOT_FIGURES = DURATIONS | {"times"}


def _repeats(candidate: _Candidate, chosen: list[_Candidate]) -> bool:
    """Whether a candidate sentence says again what the chosen ones said: most of the same words as
    one of them, or only counts they gave, in partly the same words ("चीन में कोरोनावायरस से 42 और
    लोगों की मौत होने की सूचना है" after "… चीन में और 42 लोगों की मौत के साथ …"). A sentence with a
    count of its own says something new ("आज हुई 14 मौतों में से 10 अकेले कोलकाता में हुई हैं")."""
    given = frozenset().union(*(c.figures for c in chosen))
    restates_counts = bool(candidate.figures) and candidate.figures <= given
    return any(_jaccard(candidate.words, c.words) >= MAX_OVERLAP
               or (restates_counts and candidate.figures & c.figures and _jaccard(candidate.words, c.words) >= RESTATED_FIGURE_OVERLAP)
               for c in chosen)


def _centrality(candidate: _Candidate, spread: Counter, articles: int) -> float:
    """Mean share of articles its words occur in, a bonus for the lead sentence, and one for the
    facts it states: "कोरोना वायरस का प्रकोप बढ़ता जा रहा है" shares the topic's words with every
    article yet tells a reader nothing."""
    if not candidate.words:
        return 0.0
    shared = sum(min(spread[w], articles) for w in candidate.words) / (len(candidate.words) * max(articles, 1))
    return shared + 0.5 / (1 + candidate.position) + FACT_BONUS * min(candidate.facts, MAX_FACTS)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def summary_text(summary: list[dict]) -> str:
    """A summary's sentences as one paragraph; a sentence that a line break ended, not a danda
    or full stop (a spokesman's name and post under a quote), gets a danda so it does not run on."""
    return " ".join(_ended(s["text"]) for s in summary)


def _ended(sentence: str) -> str:
    sentence = sentence.rstrip()
    return sentence if ends_a_sentence(sentence) else f"{sentence}।"


# --- storylines ---------------------------------------------------------------------------------

def storyline_title(events: list[dict]) -> str:
    """The headline of the event whose words run through the most of the storyline's events,
    among those that name the place most of its events are about and say enough to tell an
    event: a state's running story is titled by a headline naming the state, not by "कोरोना
    वायरस अपडेट".

    :param events: event records (``headline``, ``articles``, ``entities``) of one storyline.
    """
    if not events:
        return ""
    words = [content_words(e["headline"]) for e in events]
    place = _main_place(events)
    # A district's or a city's story may be told by its state's name: Kolkata's by Bengal's.
    around = _with_its_states(place) if place else set()

    def rank(i: int) -> tuple:
        named = places_in(events[i]["headline"])
        # naming the place beats naming a district or city inside it ("पटना …" of Bihar's story)
        names_place = 2 if around & set(named) else 1 if place and any(lies_within(n, place) for n in named) else 0
        reach = sum(len(words[i] & w) / max(len(words[i]), 1) for j, w in enumerate(words) if j != i)
        return names_place, len(words[i]) >= INFORMATIVE_WORDS, reach, len(events[i]["articles"]), -i

    return events[max(range(len(events)), key=rank)]["headline"]


def _main_place(events: list[dict]) -> str | None:
    """The gazetteer id of the place more than half of the events are about, the most first; or
    None. An event naming a district or a city is about its state too (a state's running story
    is told district by district), not about its country."""
    named = Counter(p for e in events for p in _places_of(e))
    place, count = min(named.items(), key=lambda kv: (-kv[1], kv[0]), default=(None, 0))
    return place if place and count * 2 > len(events) else None


def _places_of(event: dict) -> set[str]:
    """Gazetteer ids of the places an event record names, with the states (not countries) they lie in."""
    named = {x["canonical"].removeprefix("LOC:") for x in event.get("entities", ()) if x["canonical"].startswith("LOC:")}
    return set().union(*map(_with_its_states, named))


def _with_its_states(place_id: str) -> set[str]:
    """A place's gazetteer id with those of the places it lies in below its country (its state)."""
    return {place_id, *(p.id for p in parents(place_id) if p.kind != "country")}


def timeline(events: list[dict]) -> list[str]:
    """One line per event, in the order given (the storyline's timeline order): date, headline, outlets."""
    return [f"{e['event_date'] or '—'} · {e['headline']} [{', '.join(e['outlets'])}]" for e in events]
