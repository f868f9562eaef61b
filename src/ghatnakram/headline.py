"""Article headlines: the outlet's own title, or one written from the lead when there is none.

A generated headline is the lead sentence compressed the way Hindi news headlines are:
no dateline or byline, no weekday ("शनिवार को"), no bracketed glosses, no closing auxiliary
("… सामने आए हैं" → "… सामने आए"), reported speech as "X: …" ("मंत्री ने कहा कि …" →
"मंत्री: …"), and cut at a clause boundary to about 8–14 words.
"""

from __future__ import annotations

import re
import unicodedata

from .models import Article
from .normalize import split_sentences

MAX_WORDS = 16  # titles on events-dev average 15 words
MIN_WORDS = 5  # a rule never leaves fewer words than this


def _nfc_alt(words: str) -> str:
    return "|".join(sorted((re.escape(unicodedata.normalize("NFC", w)) for w in words.split()), key=len, reverse=True))


_W = "\u0900-\u0963\u0966-\u097f\\w\u200c\u200d"
_START = f"(?<![{_W}])"
_END = f"(?![{_W}])"

# --- datelines and bylines -------------------------------------------------------------

_AGENCIES = _nfc_alt(
    "भाषा पीटीआई पीटीआइ आईएएनएस आइएएनएस एएनआई एएनआइ वार्ता यूएनआई यूएनआइ एएफपी रॉयटर्स एजेंसी एजेंसियां एजेंसियों "
    "जेएनएन जागरण संवाददाता ब्यूरो डेस्क टेक_डेस्क ऑनलाइन_डेस्क स्पोर्ट्स_डेस्क न्यूज_डेस्क लाइव_हिन्दुस्तान "
    "हिन्दुस्तान_टीम हिंदुस्तान_टीम प्रतिनिधि संवाद_सहयोगी संवाद_सूत्र निज_संवाददाता वरिष्ठ_संवाददाता "
    "कार्यालय_संवाददाता मुख्य_संवाददाता संवाददाता PTI IANS ANI Reuters AFP"
).replace("_", r"\s+")
_MONTHS = _nfc_alt(
    "जनवरी फरवरी मार्च अप्रैल अप्रेल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर दिसंबर दिसम्बर"
)
# "नई दिल्ली, 28 मार्च (भाषा)" · "नई दिल्ली, एजेंसियां।" · "लखनऊ, जेएनएन।" · "हाथरस[जेएनएन]:"
_DATELINE = re.compile(
    rf"^(?:[^\s,:।]+\s+){{0,3}}?[^\s,:।]+\s*(?:,\s*[0-9०-९]{{1,2}}\s+(?:{_MONTHS}))?\s*"
    rf"(?:[,(\[]\s*(?:{_AGENCIES})\s*[)\]]?)\s*[।:.]?\s*"
)
# "पटना :" · "वाशिंगटनः" · "Coronavirus in Delhi:" · "संवाद सहयोगी, कायमगंज :" at the start of the lead.
_PLACE_PREFIX = re.compile(r"^(?:[^\s:।]+\s+){0,3}?[^\s:।]+\s*[:ः]\s+")
_LATIN_PREFIX = re.compile(r"^[A-Za-z0-9#@][A-Za-z0-9 ,.'’&#@-]*?\s*[:|]\s*")
_VERB_ENDING = re.compile(r"(?:है|हैं|था|थी|थे|गया|गई|गयी|गए|गये|हुआ|हुई|हुए|की|किया|दिया|रहा|रही|रहे)[।.!?]?$")


def strip_dateline(sentence: str) -> str:
    """The sentence without a dateline or byline in front ("नई दिल्ली, 28 मार्च (भाषा)", "पटना :")."""
    for pattern in (_DATELINE, _LATIN_PREFIX, _PLACE_PREFIX, _DATELINE):
        match = pattern.match(sentence)
        if match and match.end() < len(sentence):
            sentence = sentence[match.end():]
    return sentence.strip()


def is_dateline(sentence: str) -> bool:
    """A lead "sentence" that is only a dateline, a byline or a place: "नई दिल्ली", "लखनऊ, जेएनएन।"."""
    words = sentence.split()
    return len(words) <= 5 and not _VERB_ENDING.search(sentence)


# --- what a headline leaves out ------------------------------------------------------

_BRACKETS = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_WEEKDAYS = _nfc_alt("सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार")
_DAY_PARTS = _nfc_alt("सुबह शाम रात रात्रि दोपहर देर_रात देर_शाम तड़के देर_रात्रि").replace("_", r"\s+")
# "शनिवार को", "बुधवार की देर शाम", "गुरुवार देर रात", "आज", "बीते दिनों": when it happened, not what.
_TIME_ADVERBIAL = re.compile(
    rf"{_START}(?:(?:{_WEEKDAYS})(?:\s+(?:की|के)?\s*(?:{_DAY_PARTS}))?(?:\s+को)?|"
    rf"(?:आज|अब)(?!\s+(?:तक|से|के|की|का){_END})(?:\s+(?:{_DAY_PARTS}))?|(?:पिछले|बीते)\s+(?:दिनों|सप्ताह|हफ्ते))\s+"
)
_MANNER = re.compile(rf"{_START}(?:लगातार|तेजी\s+से|तेज़ी\s+से|फिलहाल|अभी)\s+")
_OPENERS = re.compile(
    rf"^(?:{_nfc_alt('बता_दें_कि बताते_चलें_कि गौरतलब_है_कि उल्लेखनीय_है_कि दरअसल वहीं इधर उधर इसके_साथ_ही साथ_ही हालांकि लेकिन और इस_बीच').replace('_', r'[ ]+')}){_END},?\s+"
)
# "देश की राजधानी दिल्ली" → "दिल्ली": an apposition that tells a reader what they know.
_APPOSITION = re.compile(rf"{_START}(?:(?:देश|प्रदेश|राज्य|बिहार|झारखंड)\s+की\s+)?राजधानी\s+(?=\S)")
# Attribution the headline does without: "स्वास्थ्य विभाग के मुताबिक, …", "…, जानकारी के अनुसार".
_ATTRIBUTION_HEAD = re.compile(r"^(?:\S+\s+){0,5}?\S+\s+(?:के\s+मुताबिक|के\s+अनुसार)\s*,?\s+")
# The verb of reported speech, after "ने" and what it governs: "ने कहा कि", "ने बताया कि", "ने ट्वीट कर कहा कि".
_SPEECH = re.compile(
    r"^(?P<who>(?:\S+\s+){0,5}?\S+)\s+ने\s+(?:(?:\S+\s+){0,10}?)"
    r"(?:कहा|बताया|दावा\s+किया|घोषणा\s+की|निर्देश\s+दिया|निर्देश\s+दिए|आदेश\s+दिया|स्पष्ट\s+किया|जानकारी\s+दी|चेतावनी\s+दी|आशंका\s+जताई|अपील\s+की)"
    r"(?:\s+है)?\s*(?:,\s*)?कि\s+(?P<what>.+)$"
)
_TRAILING_AUX = re.compile(r"\s+(?:है|हैं|था|थी|थे)(?=[\s।.!?]*$)")
# Perfective compounds as headlines write them: "हो गई" → "हुई", "कर दिया" → "किया".
_PERFECTIVE = [
    (re.compile(rf"{_START}हो\s+(?:गया|गए|गये|चुका|चुके){_END}"), "हुए"),
    (re.compile(rf"{_START}हो\s+(?:गई|गयी|चुकी){_END}"), "हुई"),
    (re.compile(rf"{_START}कर\s+(?:दिया|लिया){_END}"), "किया"),
    (re.compile(rf"{_START}कर\s+(?:दिए|दिये|लिए|लिये){_END}"), "किए"),
    (re.compile(rf"{_START}कर\s+(?:दी|ली){_END}"), "की"),
]
_SAMNE_AAYE = re.compile(r"\s+सामने\s+(?:आए|आये|आया|आई|आयी)(?=[\s।.!?]*$)")
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[-–—]\s|\s(?:और|लेकिन|जबकि|क्योंकि|ताकि|जिससे|जिसके|जिसमें|जहां|जो)\s")
_RELATIVE = re.compile(r",?\s+(?:जिसके|जिसमें|जिससे|जिन्होंने|जिनमें|जिनके|जिसका|जिसकी|जहां|जहाँ)\s.*$")
_TRAILING = re.compile(r"[\s।॥.,;:!?—–-]+$")


def _sub(pattern: re.Pattern, repl: str = "") -> "callable":
    def rule(text: str) -> str:
        shorter = pattern.sub(repl, text)
        return shorter if len(shorter.split()) >= MIN_WORDS else text
    return rule


def _perfective(text: str) -> str:
    for pattern, repl in _PERFECTIVE:
        text = pattern.sub(repl, text)
    return text


def _end_aux(text: str) -> str:
    return _TRAILING_AUX.sub("", _TRAILING.sub("", text))


def _as_speech(text: str) -> str:
    """"X ने कहा कि Y" → "X: Y"."""
    match = _SPEECH.match(text)
    if not match:
        return text
    who = " ".join(match.group("who").split()[-3:])
    return f"{who}: {match.group('what')}"


RULES = {
    "dateline": strip_dateline,
    "brackets": _sub(_BRACKETS),
    "openers": _sub(_OPENERS),
    "attribution": _sub(_ATTRIBUTION_HEAD),
    "time": _sub(_TIME_ADVERBIAL),
    "manner": _sub(_MANNER),
    "apposition": _sub(_APPOSITION),
    "speech": _as_speech,
    "relative": _sub(_RELATIVE),
    "aux": _end_aux,
    "perfective": _perfective,
    "samne": _sub(_SAMNE_AAYE),
}


def compress(sentence: str) -> str:
    """A lead sentence in headline form (see the module docstring)."""
    text = sentence
    for rule in RULES.values():
        text = rule(text)
    return _end_aux(_cut(_TRAILING.sub("", text)))


def _cut(text: str) -> str:
    """``text`` cut to at most MAX_WORDS words, at the last clause break if one is late enough."""
    words = text.split()
    if len(words) <= MAX_WORDS:
        return text
    cut = " ".join(words[:MAX_WORDS])
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(cut) if len(cut[: m.start()].split()) >= MIN_WORDS + 2]
    return _TRAILING.sub("", cut[: breaks[-1]] if breaks else cut)


def lead_sentences(text: str, count: int = 3) -> list[str]:
    """The first ``count`` sentences that say something: no datelines, bylines or questions."""
    out = []
    for sentence in split_sentences(text):
        sentence = strip_dateline(_BRACKETS.sub("", sentence))
        if is_dateline(sentence) or sentence.endswith("?"):
            continue
        out.append(sentence)
        if len(out) == count:
            break
    return out


def generate_headline(text: str) -> str:
    """A headline written from an article's text alone: its lead sentence in headline form.

    >>> generate_headline("नई दिल्ली, 28 मार्च (भाषा)। स्वास्थ्य मंत्रालय ने शनिवार को बताया कि देश में कोरोना के 34 मामले सामने आए हैं।")
    'स्वास्थ्य मंत्रालय: देश में कोरोना के 34 मामले'
    """
    leads = lead_sentences(text, 1)
    return compress(leads[0]) if leads else ""


def headline_for(article: Article) -> str:
    """The article's title if it has one; else one written from its lead."""
    return article.title or generate_headline(article.text)



# --- evaluation -------------------------------------------------------------------------------

def score_headlines(path) -> dict:
    """Mean ROUGE-L F1 of headlines generated from text alone against the titles of a labelled
    file shaped like events-dev (each title removed before generating; stories without a title
    are skipped), next to the first sentence cut to 20 words.

    Tokens as the reference scorer takes them: NFC, characters other than word and Devanagari
    characters to spaces, lower case, split on whitespace (:func:`ghatnakram.evaluate.rouge_tokens`).
    """
    from .clean import clean_article
    from .evaluate import read_gold, rouge_l

    scored = generated = baseline = 0.0
    for row in read_gold(path):
        if not row.get("title"):
            continue
        article = clean_article(Article(id=str(row["id"]), outlet=str(row.get("outlet", "")), text=row.get("text") or ""))
        sentences = split_sentences(article.text)
        generated += rouge_l(row["title"], generate_headline(article.text))
        baseline += rouge_l(row["title"], " ".join(sentences[0].split()[:20]) if sentences else "")
        scored += 1
    if not scored:
        raise ValueError(f"{path}: no story has a title to compare with: give stories a 'title'")
    return {"stories": int(scored), "headline_rouge_l": generated / scored, "first_sentence_20_words_rouge_l": baseline / scored}
