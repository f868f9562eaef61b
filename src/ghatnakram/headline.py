"""Article headlines: the outlet's own title, or one written from the lead when there is none.

A generated headline is the lead sentence compressed the way Hindi news headlines are. Hand
rules first: no dateline or byline, no weekday ("शनिवार को"), no bracketed glosses, no closing
auxiliary ("… सामने आए हैं" → "… सामने आए"), reported speech as "X: …" ("मंत्री ने कहा कि …" →
"मंत्री: …"). Then a word CRF trained on title/text pairs (``training/train_headline.py``,
shipped as ``resources/headline_words.crfsuite`` and ``headline_settings.json``) decides
whether the opening circumstance goes ("कोरोना संक्रमण के मद्देनजर …"), whole phrases only and
never the actor, the speaker or a verb (:func:`kept_words`); a sentence of up to 20 words stays
whole, a longer one is cut at a clause boundary to at most 16 words (more only to finish a verb;
a cut that would leave a phrase waiting for its verb starts from the main clause instead, or
keeps the sentence whole: see :func:`_cut`). :func:`rule_headline` is the rules alone.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable

from .canon import ORGANISATION_NAMES, without_titles
from .clean import READ_ALSO
from .events import places_in
from .models import Article
from .normalize import CARDINALS, WORD_CHARS, is_dateline, split_sentences
from .places import lies_within, resolve_place

MAX_WORDS = 16  # titles on events-dev average 15 words
# A whole sentence up to this long is kept whole: cut at MAX_WORDS it would lose its verb and
# read as a fragment ("… ट्रेन से गिरकर"); real titles run this long too (a fifth are 17–20 words).
MAX_WHOLE_WORDS = 20
# ... and up to this long when the cut would leave no verb at all, a fragment no desk would print
# ("… उपचुनाव के लिए नामांकन के अंतिम दिन"): a long headline reads better than half a sentence.
MAX_WHOLE_WORDS_BEFORE_A_FRAGMENT = 24
# ... and up to this long when no clause of it stands alone: the cut would leave no verb ("… इंदौर में
# इस", a trailing "में" once tidied) or a phrase waiting for it (a case marker or an oblique infinitive
# at its end: "… बसों के प्रवेश पर"), and the sentence opens with no circumstance to drop.
MAX_WHOLE_WORDS_BEFORE_A_BROKEN_CUT = 30
MIN_WORDS = 5  # a rule never leaves fewer words than this
# The rules read no further into a lead sentence than this: a headline keeps at most
# MAX_WHOLE_WORDS_BEFORE_A_BROKEN_CUT of its words, and a text with no sentence break (a scraped
# page's one long line) must not make every rule scan all of it.
MAX_LEAD_WORDS = 150
MAX_LEAD_WORD_CHARS = 40  # a longer "word" is junk (a run of letters or digits with no space)


def _nfc_alt(words: str) -> str:
    return "|".join(sorted((re.escape(unicodedata.normalize("NFC", w)) for w in words.split()), key=len, reverse=True))


_W = WORD_CHARS
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
# "नई दिल्ली, 28 मार्च (भाषा)" · "नयी दिल्ली, चार मार्च (भाषा)" · "नई दिल्ली, एजेंसियां।" · "लखनऊ, जेएनएन।" · "हाथरस[जेएनएन]:"
_DATELINE = re.compile(
    rf"^(?:[^\s,:।]+\s+){{0,3}}?[^\s,:।]+\s*(?:,\s*(?:[0-9०-९]{{1,2}}|[^\s,()]+)\s+(?:{_MONTHS}))?\s*"
    rf"(?:[,(\[]\s*(?:{_AGENCIES})\s*[)\]]?)\s*[।:.]?\s*"
)
# "पटना :" · "वाशिंगटनः" · "Coronavirus in Delhi:" · "संवाद सहयोगी, कायमगंज :" at the start of the lead.
_PLACE_PREFIX = re.compile(r"^(?:[^\s:।]+\s+){0,3}?[^\s:।]+\s*[:ः]\s+")
_LATIN_PREFIX = re.compile(r"^[A-Za-z0-9#@][A-Za-z0-9 ,.'’&#@-]*?\s*[:|]\s*")


def strip_dateline(sentence: str) -> str:
    """The sentence without a dateline or byline in front ("नई दिल्ली, 28 मार्च (भाषा)", "पटना :")."""
    for pattern in (_DATELINE, _LATIN_PREFIX, _PLACE_PREFIX, _DATELINE):
        match = pattern.match(sentence)
        if match and match.end() < len(sentence):
            sentence = sentence[match.end():]
    return sentence.strip()


# --- what a headline leaves out ------------------------------------------------------

_BRACKETS = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])")
_WEEKDAYS = _nfc_alt("सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार")
_DAY_PARTS = _nfc_alt("सुबह शाम रात रात्रि दोपहर देर_रात देर_शाम तड़के देर_रात्रि").replace("_", r"\s+")
# "शनिवार को", "शनिवार से", "बुधवार की देर शाम", "गुरुवार देर रात", "14 अप्रैल की रात", "आज", "कल", "बीते दिनों",
# "करीब 11:40 बजे", "शाम 4 बजे से रात 12 बजे तक", "बुधवार सुबह 9 बजे तक" (a tally's hour): when it happened, not what. A date alone stays ("22 मार्च को जनता कर्फ्यू"): it may be news.
_CLOCK = r"[0-9०-९]{1,2}(?:[:.][0-9०-९]{2})?\s*बजे"
_NOT_A_BOUND = rf"(?!\s+(?:तक|से|के|की|का){_END})"  # "आज तक", "अब से", "कल के" are no time of the happening
_WEEKDAY_AND_PART = rf"(?:{_WEEKDAYS})(?:\s+(?:की|के)?\s*(?:{_DAY_PARTS}))?"  # "बुधवार", "बुधवार की देर शाम"
_TIME_ADVERBIAL = re.compile(
    rf"{_START}(?:{_WEEKDAY_AND_PART}\s+(?:(?:करीब|लगभग)\s+)?{_CLOCK}\s+तक{_END}|"
    rf"{_WEEKDAY_AND_PART}(?:\s+(?:को|से)(?:\s+ही)?{_END}|{_NOT_A_BOUND})|"  # "मंगलवार को ही" goes whole
    rf"[0-9०-९]{{1,2}}\s+(?:{_MONTHS})\s+(?:की|को)\s+(?:{_DAY_PARTS})(?:\s+को)?|"
    rf"(?:आज|कल){_NOT_A_BOUND}(?:\s+(?:{_DAY_PARTS}))?|अब{_NOT_A_BOUND}|(?:पिछले|बीते)\s+(?:दिनों|सप्ताह|हफ्ते)|"
    rf"(?:(?:{_DAY_PARTS})\s+)?{_CLOCK}\s+से\s+(?:(?:{_DAY_PARTS})\s+)?{_CLOCK}\s+तक|"
    rf"(?:(?:करीब|लगभग|तकरीबन)\s+)?{_CLOCK}(?!\s+(?:तक|से){_END}))\s+"
)
_MANNER = re.compile(rf"{_START}(?:लगातार|तेजी\s+से|तेज़ी\s+से|फिलहाल|अभी(?!\s+(?:तक|से){_END}))\s+")
_OPENERS = re.compile(
    rf"^(?:{_nfc_alt('बता_दें_कि बताते_चलें_कि गौरतलब_है_कि उल्लेखनीय_है_कि दरअसल वहीं इधर उधर इसके_साथ_ही इसके_अलावा इसके_अतिरिक्त इससे_पहले इसके_बाद साथ_ही हालांकि लेकिन और इस_बीच आपको_बता_दें_कि खबर_है_कि खबर_आ_रही_है_कि बताया_जाता_है_कि बताया_जा_रहा_है_कि बताया_गया_कि बता_दें सूत्रों_का_कहना_है_कि').replace('_', r'[ ]+')}){_END},?\s+"
)
# "देश की राजधानी दिल्ली" → "दिल्ली": an apposition that tells a reader what they know.
_CAPITAL_OF = re.compile(r"\s*\bकी\s+राजधानी\s+(?=\S)")
_WHOSE_CAPITAL = frozenset(("देश", "प्रदेश", "राज्य"))
# "राजधानी दिल्ली में" → "दिल्ली में"; "राष्ट्रीय राजधानी में" names no place after it and stays.
_BARE_CAPITAL = re.compile(rf"{_START}(?<!की\s)(?<!राष्ट्रीय\s)राजधानी\s+(?=\S)")
# Attribution the headline does without: "स्वास्थ्य विभाग के मुताबिक, …", "…, जानकारी के अनुसार".
_ATTRIBUTION_HEAD = re.compile(r"^(?:\S+\s+){0,5}?\S+\s+(?:के\s+मुताबिक|के\s+अनुसार)\s*,?\s+")
_THAT = r"(?:\s+(?:है|था|थी|थे))?\s*(?:,\s*)?कि"  # "कहा कि", "कहा है कि", "बताया था, कि"
# The verb of reported speech, after "ने" and what it governs: "ने कहा कि", "ने बताया कि", "ने ट्वीट कर कहा कि",
# "ने कहा, …".
_SPEECH = re.compile(
    r"^(?P<who>(?:\S+\s+){0,9}?\S+)\s+ने\s+(?P<how>(?:(?!ने\s)\S+\s+){0,15}?)"
    r"(?:कहा|बताया|लिखा|दावा\s+किया|घोषणा\s+की|निर्देश\s+दिया|निर्देश\s+दिए|आदेश\s+दिया|स्पष्ट\s+किया|जानकारी\s+दी|चेतावनी\s+दी|आशंका\s+जताई|अपील\s+की)"
    rf"(?:{_THAT}|\s*,|(?=\s+['‘“\"]))\s+(?P<what>.+)$"  # "ने कहा (था) कि …", "ने कहा, …" or "ने कहा '…"
)
# Speech whose speaker a headline cannot name: a pronoun ("उन्होंने … कहा कि Y"), or none left once the
# opening is gone ("कहा कि Y"). What was said is the headline.
_UNNAMED_SPEECH = re.compile(
    r"^(?:(?:उन्\u200d?होंने|इन्\u200d?होंने|उसने|इसने|मैंने|हमने)\s+(?:\S+\s+){0,10}?)?"  # also "उन्‍होंने" with a joiner
    rf"(?:कहा|बताया){_THAT}\s+(?P<what>.+)$"
)
# "X का कहना है कि …", "X का मानना है कि …": a view, given as "X: …" like reported speech.
_VIEW = re.compile(r"^(?P<who>(?:\S+\s+){0,5}?\S+)\s+(?:का|की|के)\s+(?:कहना|मानना)\s+है\s+कि\s+(?P<what>.+)$")
# Who says it, too vague or too close to be a headline's speaker: "हमारा मानना है कि", "लोगों का कहना है".
_NO_SPEAKER = frozenset("हमारा मेरा उनका इनका सूत्रों लोगों".split())
# Not after a genitive that is the predicate ("छह पॉजिटिव बिष्णुगढ़ के हैं": without हैं it ends on a
# postposition); "की है" is most often a verb ("घोषणा की है").
_TRAILING_AUX = re.compile(r"(?<!\sका)(?<!\sके)\s+(?:है|हैं|था|थी|थे)(?=[\s।.!?]*$)")
# Intransitive roots that news tells with जाना or चुकना ("पटरी से उतर गए", "संख्या पहुंच चुकी है"),
# which headlines write in the simple perfective ("उतरे", "पहुंची"). Only these: "दिल्ली गए" is
# "went to Delhi".
_WENT_ROOTS = "उतर मिल पहुंच पहुँच बढ़ घट लग फंस फँस बच निकल टूट डूब रुक बिक खुल जुड़ बदल भर गिर मर बिगड़ फैल हट थम पलट सिमट उमड़ लुढ़क फिसल चढ़ उछल सूख बन चल छिड़ जम"
_WENT = re.compile(rf"{_START}(?P<root>{'|'.join(_WENT_ROOTS.split())}|आ)\s+(?P<went>गया|गए|गये|गई|गयी|चुका|चुके|चुकी){_END}")
_SIMPLE_PERFECTIVE_ENDING = {"गया": "ा", "गए": "े", "गये": "े", "गई": "ी", "गयी": "ी", "चुका": "ा", "चुके": "े", "चुकी": "ी"}


def _simple_perfective(match: re.Match) -> str:
    """"उतर गए" → "उतरे", "बढ़ गई" → "बढ़ी", "आ गया" → "आया"."""
    root, ending = match["root"], _SIMPLE_PERFECTIVE_ENDING[match["went"]]
    if root == "आ":
        return {"ा": "आया", "े": "आए", "ी": "आई"}[ending]
    return root + ending


# Perfective compounds as headlines write them: "हो गई" → "हुई", "कर दिया" → "किया", "उतर गए" → "उतरे".
_PERFECTIVE = [
    (re.compile(rf"{_START}हो\s+(?:गया|चुका){_END}"), "हुआ"),
    (re.compile(rf"{_START}हो\s+(?:गए|गये|चुके){_END}"), "हुए"),
    (re.compile(rf"{_START}हो\s+(?:गई|गयी|चुकी){_END}"), "हुई"),
    (re.compile(rf"{_START}कर\s+(?:दिया|लिया){_END}"), "किया"),
    (re.compile(rf"{_START}कर\s+(?:दिए|दिये|लिए|लिये){_END}"), "किए"),
    (re.compile(rf"{_START}कर\s+(?:दी|ली){_END}"), "की"),
    (_WENT, _simple_perfective),
]
# Predicates a headline states without their light verb, and the light verbs ("बंद किए गए", "पुष्टि हुई").
_PREDICATE_WORDS = frozenset(unicodedata.normalize("NFC", "मौत मौतें निधन बंद संक्रमित पॉजिटिव निगेटिव पुष्टि रद्द ठीक घोषित "
                                                   "स्थगित तैनात गिरफ्तार भर्ती लागू शुरू जारी सील रिहा दर्ज क्वारंटाइन").split())
_PREDICATES = _nfc_alt(" ".join(_PREDICATE_WORDS))
_LIGHT_VERBS = _nfc_alt("हुआ हुई हुए हुईं किया की किए किये गया गई गए गयी गये दिया दी दिए दिये पाया पाई पाए पायी "
                        "रहेगा रहेगी रहेंगे रहा रही रहे मिला मिली मिले")
_LIGHT_VERB_AFTER_PREDICATE = re.compile(rf"{_START}(?P<predicate>{_PREDICATES})(?:\s+(?:{_LIGHT_VERBS}){_END}){{1,3}}(?=\s*(?:,|$))")
# Words that make a clause need its verb: an agent ("डीएम ने आदेश दिया") or a relative ("जो ठीक हुआ").
_NEEDS_ITS_VERB = re.compile(rf"{_START}(?:ने|जो|जिस|जिसे|जिसमें|जिसके|जिन|जिन्हें|जिनमें|जिनके|जिन्होंने){_END}")
# A count's "सामने आए" at the end goes ("… 5 नए मामले सामने आए" → "… 5 नए मामले"), but not in a
# clause a contrast opens ("…, लेकिन नये पॉजिटिव केस सामने आए"): without its verb it says nothing.
# Nor "… की मदद के लिए सामने आए" (came forward to help).
_SAMNE_AAYE = re.compile(r"(?<!बात)(?<!रूप\sमें)(?<!लिए)\s+सामने\s+(?:आए|आये|आया|आई|आयी)(?=[\s।.!?]*$)")  # "… के रूप में सामने आए": emerged as
_CONTRAST = re.compile(rf"{_START}(?:लेकिन|जबकि|मगर|परंतु){_END}")
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s[-–—]\s|\s(?:और|लेकिन|जबकि|क्योंकि|ताकि|जिससे|जिसके|जिसमें|जहां|जो|यानी|यानि|अर्थात)\s")
# A sentence that ends in "है" and runs on into the next without a danda ("… फैसला किया है तत्काल
# प्रभाव से …"): "है" followed by a word that does not continue the clause.
# Not after a pronoun ("वे हैं मध्य प्रदेश …": a copula), nor before a word that carries the clause on.
_GOES_ON = _nfc_alt("कि और तो जो जब क्योंकि लेकिन जबकि तथा एवं या ही भी ये यह वह वो इस इसे इसमें उस उसे उसमें उसी")
_RUN_ON_END = re.compile(rf"(?<!\sवे)(?<!\sये)(?<!\sयह)(?<!\sवह)\s(?:है|हैं)(?=\s+(?!(?:{_GOES_ON})(?:\s|$))[^\s,।])")
# "A में जहां B, वहीं C" (while B, C) is two clauses side by side, not a relative "where": both stay,
# without the correlatives ("एक तरफ जहां … , वहीं …" too).
_WHILE = re.compile(r"(?:\s+एक\s+(?:तरफ|ओर))?\s+(?:जहां|जहाँ)\s+(?P<first>[^,।]+),\s*वहीं\s+")
# "अगर/यदि X तो Y" at the start of a lead (after its speaker, if any): Y is the news, X its condition.
_CONDITION = re.compile(r"^(?P<speaker>[^:।]{1,80}:\s+)?(?:अगर|यदि)\s+(?:(?!\sतो\s).)+?,?\s+तो\s+(?P<then>.+)$")


def _without_the_condition(text: str) -> str:
    """"अगर राज्यों … नजर डालें तो तमिलनाडु में R0 2.01 है" → "तमिलनाडु में R0 2.01 है"; "पासवान:
    यदि … तेजी आती है तो सरकार …" → "पासवान: सरकार …"; left whole when what follows तो is too
    short to stand alone ("… तो किया जाएगा")."""
    match = _CONDITION.match(text)
    if not match or len(match["then"].split()) < MIN_WORDS:
        return text
    return (match["speaker"] or "") + match["then"]


_RELATIVE = re.compile(r",?\s+(?:जिसके|जिसमें|जिससे|जिन्होंने|जिनमें|जिनके|जिसका|जिसकी|जहां|जहाँ)\s.*$")
_TRAILING = re.compile(r"[\s।॥.,;:!?—–-]+$")


def _drop_capital_apposition(text: str) -> str:
    """"उत्तर प्रदेश की राजधानी लखनऊ में" → "लखनऊ में": the capital's name is enough. The words
    before "की राजधानी" go only when they are a place (or देश/राज्य), else nothing changes."""
    match = _CAPITAL_OF.search(text)
    if not match:
        return _drop_bare_capital(text)
    words = text[: match.start()].split()
    for n in range(min(3, len(words)), 0, -1):
        owner = " ".join(words[-n:])
        if owner in _WHOSE_CAPITAL or resolve_place(owner) is not None:
            shorter = " ".join(words[:-n] + [text[match.end() :]])
            return shorter if len(shorter.split()) >= MIN_WORDS else text
    return text


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
    text = _TRAILING.sub("", text)
    infinitive = _INFINITIVE_OF_A_PREDICATE.search(text)
    if infinitive and _is_oblique_infinitive(word_core(infinitive["verb"])):
        return text  # "लड़ाई … ब्लॉक करने की है" is what the fight is about, not a perfective "की है"
    if _HABITUAL_BEFORE_AUX.search(text):
        return text  # "ठीक हो जाते हैं", "दिवालिया हो सकती हैं": without it the habitual reads unfinished
    return _TRAILING_AUX.sub("", text)


_INFINITIVE_OF_A_PREDICATE = re.compile(r"(?P<verb>\S+ने)\s+की\s+(?:है|हैं|था|थी)[\s।.!?]*$")
# A habitual or "can" form before the closing auxiliary, not a noun a genitive governs ("की आवश्यकता है").
_HABITUAL_BEFORE_AUX = re.compile(r"(?<!\sकी)(?<!\sका)(?<!\sके)\s+\S+(?:ता|ती|ते)\s+(?:है|हैं|था|थी|थे)[\s।.!?]*$")


def _as_speech(text: str) -> str:
    """"X ने कहा कि Y" and "X का कहना है कि Y" → "X: Y"; "उन्होंने कहा कि Y" → "Y"."""
    unnamed = _UNNAMED_SPEECH.match(text)
    if unnamed and len(unnamed["what"].split()) >= MIN_WORDS:
        return unnamed["what"]
    match = _SPEECH.match(text) or _VIEW.match(text)
    if not match or match.group("who").split()[-1] in _NO_SPEAKER:
        return text
    if match.groupdict().get("how") and word_core(match.group("what").split()[0]) in _BACK_REFERENCES:
        return text  # "… की पुष्टि करते हुए बताया कि इसके मरीजों की संख्या …": इसके needs the account it points back to
    speaker = match.group("who").split()
    who = speaker[-3:]
    while len(who) > 1 and (word_core(who[0]) in _NEVER_AT_EDGE | _NEVER_FIRST or _is_participle(who, 1)
                            or word_core(who[0]) == "हुए"):
        who = who[1:]  # "… को संबोधित करते हुए गेब्रीयेसस ने कहा" → "गेब्रीयेसस: …"
    if len(who) < len(speaker) and word_core(speaker[-len(who) - 1]) not in _CASE_MARKERS:
        # a title cut from what qualified it goes too ("देश के रक्षा | मंत्री राजनाथ सिंह" → "राजनाथ सिंह"),
        # not one whole after its genitive ("उत्तर प्रदेश के | सीएम योगी आदित्यनाथ")
        who = without_titles(" ".join(who)).split()
    return f"{' '.join(who[:-1] + [_direct_plural(who[-1])])}: {match.group('what')}"


# Words of what was said that point back into how it was said.
_BACK_REFERENCES = frozenset("इसके इसकी इसका इससे इसमें इसे उसके उसकी उसका उससे उसमें उसे".split())


def _direct_plural(word: str) -> str:
    """A plural noun before ने in the form a headline names a speaker by: "अधिकारियों ने" →
    "अधिकारी:", "वैज्ञानिकों ने" → "वैज्ञानिक:" (not "नेताओं", whose direct form is another word)."""
    if word.endswith("ियों"):
        return word[: -len("ियों")] + "ी"
    return word[: -len("ों")] if re.search(r"[\u0915-\u0939\u0958-\u095f]ों$", word) else word


# A count's circumstance before its total: "… के पांच नये मामले सामने आने के बाद भारत में … की संख्या 39
# हुई" → "… के पांच नये मामले सामने आए, भारत में … की संख्या 39 हुई". The verbal noun becomes the headline's
# form of what happened (the count first, then the total, as news headlines give them); an oblique
# "संक्रमणों के सामने आने" or "मामलों के बाद" would need its noun changed too, and is left alone.
_FIGURE_WORD = rf"(?:[0-9०-९]|{_START}(?:{_nfc_alt(' '.join(CARDINALS))}|पहली|पहला)(?!\S))"
_COUNT_THEN_TOTAL = re.compile(
    rf"^(?P<count>.*?{_FIGURE_WORD}.*?)\s+"
    r"(?P<what>(?<!के\s)सामने\s+आने|(?:की\s+)?मौत(?:\s+होने)?|की\s+पुष्टि(?:\s+होने)?|(?:मामले|केस)(?:\s+आने)?)"
    r"\s+(?:के\s+बाद|के\s+साथ(?:\s+ही)?)\s+(?P<total>.*(?:संख्या|आंकड़ा|आंकड़े).*)$"
)
_VERBAL_NOUN = re.compile(r"\s+(?:होने|आने)$")  # "की मौत होने" → "की मौत", "मामले आने" → "मामले"


def _count_then_total(text: str) -> str:
    """A count and the total it brings as two clauses (see :data:`_COUNT_THEN_TOTAL`), where both
    fit a headline uncut (MAX_WHOLE_WORDS); a longer sentence's headline is its total alone
    (:func:`_after_the_circumstance`)."""
    match = _COUNT_THEN_TOTAL.match(text)
    if not match:
        return text
    what = " ".join(match.group("what").split())
    what = "सामने आए" if what == "सामने आने" else _VERBAL_NOUN.sub("", what)
    both = f"{match.group('count')} {what}, {match.group('total')}"
    return both if len(both.split()) <= MAX_WHOLE_WORDS else text


def _drop_bare_capital(text: str) -> str:
    """"राजधानी पटना में …" → "पटना में …": before a place's name "राजधानी" says nothing more;
    before anything else it is the capital itself ("राजधानी को", "राजधानी समेत राज्य का …")."""
    return _BARE_CAPITAL.sub(lambda m: "" if _place_named_at(text, m.end()) else m.group(), text)


def _place_named_at(text: str, at: int) -> bool:
    """Whether the words from ``at`` start with a place's name (of up to three words: "नई दिल्ली")."""
    words = [_TRAILING.sub("", word) for word in text[at:].split(maxsplit=3)[:3]]
    return any(resolve_place(" ".join(words[:n])) is not None for n in range(len(words), 0, -1) if words[n - 1])


_drop_samne = _sub(_SAMNE_AAYE)

RULES = {
    "dateline": strip_dateline,
    "brackets": _sub(_BRACKETS),
    "openers": _sub(_OPENERS),
    "attribution": _sub(_ATTRIBUTION_HEAD),
    "time": _sub(_TIME_ADVERBIAL),
    "manner": _sub(_MANNER),
    "apposition": _drop_capital_apposition,
    "speech": _as_speech,
    "while": _sub(_WHILE, r" \g<first>, "),
    "condition": _without_the_condition,
    "relative": _sub(_RELATIVE),
    "count then total": _count_then_total,
    "aux": _end_aux,
    "perfective": _perfective,
    "samne": lambda text: text if _CONTRAST.search(text) else _drop_samne(text),
}


def compress(sentence: str) -> str:
    """A lead sentence in headline form (see the module docstring)."""
    text = sentence
    for rule in RULES.values():
        text = rule(text)
    return _end_aux(_cut(_TRAILING.sub("", text)))


# Words that finish a verb: a cut before them would leave "… हड़ताल को टाल" for "… टाल दिया गया".
_VERB_TAIL = frozenset(
    "दिया दी दिए दिये गया गई गयी गए गये लिया ली लिए लिये रहा रही रहे है हैं था थी थे सकता सकती सकते "
    "जा जाएगा जाएगी जाएंगे जाता जाती जाते चुका चुकी चुके लगा लगी लगे हुआ हुई हुए".split()
)
MAX_VERB_TAIL = 3


def _cut(text: str) -> str:
    """``text`` as it is up to MAX_WHOLE_WORDS words, else cut to at most MAX_WORDS words, at the
    last clause break if one is late enough and leaves a clause with its verb; a cut that would
    split a verb from its auxiliaries takes up to MAX_VERB_TAIL more words, and one that would keep
    no verb at all, or leave a phrase waiting for it (:func:`_dangles`), leaves a sentence of up to
    MAX_WHOLE_WORDS_BEFORE_A_FRAGMENT words whole; a longer one starts from who acted
    (:func:`_from_the_agent`) or from its main clause (:func:`_after_the_circumstance`), else it
    stays whole up to MAX_WHOLE_WORDS_BEFORE_A_BROKEN_CUT words, and a longer one ends at its first
    clause if that is whole (:func:`_first_whole_clause`)."""
    words = text.split()
    if len(words) <= MAX_WHOLE_WORDS:
        return text
    cut = " ".join(words[:MAX_WORDS])
    breaks = _clause_breaks(cut)
    ends = [m.start() for n, m in enumerate(breaks) if len(cut[: m.start()].split()) >= MIN_WORDS + 2
            and _has_a_verb(cut[breaks[n - 1].end() if n else 0 : m.start()].split())]  # "… नहीं करती, समृद्ध | और गरीब": no clause
    if ends:
        clause = cut[: ends[-1]].split()
        if not _dangles(clause):  # not "… में भर्ती एक | और मरीज में …"
            return _TRAILING.sub("", " ".join(clause))
    end = MAX_WORDS
    if _is_figure(words[end - 1]) or word_core(words[end - 1]) in CARDINALS:  # "… कुल मामले 70 | से 80 हजार": a figure goes whole
        while end < min(len(words), MAX_WORDS + MAX_VERB_TAIL) and (
                _is_figure(words[end]) or _TRAILING.sub("", words[end]) in _FIGURE_GOES_ON
                or words[end] == "में" and end + 1 < len(words) and words[end + 1] == "से"):  # "10 में से 9"
            end += 1
        if end < len(words) and word_core(words[end]) not in _NEVER_AT_EDGE:
            end += 1  # "… विश्व के 65 | देशों": a figure ends with what it counts
    if end < len(words) and word_core(words[end]) in _CONJUNCT_VERB_PERFECTIVES:
        end += 1  # "… भारी भीड़ लगने पर नाखुशी | जताई": the verb of the noun before it goes with it
    while end < min(len(words), MAX_WORDS + MAX_VERB_TAIL) and _TRAILING.sub("", words[end]) in _VERB_TAIL:
        end += 1
    if not _has_a_verb(words[:end]) or _dangles(words[:end]):
        if len(words) <= MAX_WHOLE_WORDS_BEFORE_A_FRAGMENT:
            return text
        agent = _from_the_agent(words)
        if agent:  # "… खेल की बदौलत भारत ए ने … सीरीज़ जीत ली": what happened starts with who acted
            return _cut(" ".join(agent))
        main = _after_the_circumstance(words)
        if main:  # "… की पुष्टि होने के बाद बिहार में … संख्या बढ़ कर चार हुई": what happened after it
            return _cut(" ".join(main))
        if len(words) <= MAX_WHOLE_WORDS_BEFORE_A_BROKEN_CUT:
            return text
        clause = _first_whole_clause(text)
        if clause:  # "… तूफान ने कम से कम 16 लोगों की जान ले ली | जबकि …": the clause, not "… 16 लोगों"
            return clause
    return _TRAILING.sub("", " ".join(words[:end]))


def _first_whole_clause(text: str) -> str | None:
    """The sentence up to its first clause break after MAX_WORDS words and within
    MAX_WHOLE_WORDS_BEFORE_A_FRAGMENT, when what comes before it is a main clause ending on its
    verb ("… तूफान ने कम से कम 16 लोगों की जान ले ली | जबकि …"); not a clause the sentence opens
    with "जब", "अगर", "भले" …, whose main clause is still to come, nor a relative clause ("… के 45
    लोग जो … शामिल हुए"). None when there is no such break."""
    breaks = _clause_breaks(text)
    for n, m in enumerate(breaks):
        clause = text[: m.start()].split()
        if len(clause) <= MAX_WORDS:
            continue
        if len(clause) > MAX_WHOLE_WORDS_BEFORE_A_FRAGMENT or any(word_core(w) in _SUBORDINATORS for w in clause):
            return None
        relative = n > 0 and breaks[n - 1].group().strip() in _RELATIVE_BREAKS
        if not relative and _ends_on_a_verb(clause) and not _dangles(clause):
            return _TRAILING.sub("", " ".join(clause))
    return None


_RELATIVE_BREAKS = frozenset("जो जिसके जिसमें जिससे जहां".split())
_BE_FORMS = frozenset("हो होता होती होते होगा होगी होंगे".split())


def _ends_on_a_verb(words: list[str]) -> bool:
    """Whether the last word is a verb: an auxiliary or light verb, a form of होना or करना, or a perfective."""
    core = word_core(words[-1])
    return core in _VERB_TAIL or core in _BE_FORMS or core in _CONJUNCT_VERB_PERFECTIVES or _is_finite_verb(core)


# Perfectives of the verbs of conjunct verbs, which make a verb of the noun before them: "(चिंता) जताई", "(रोक) लगाई", "(कदम) उठाए".
_CONJUNCT_VERB_PERFECTIVES = frozenset(
    "जताई जताए जताये लगाई लगाए लगाये उठाई उठाए उठाये बढ़ाई बढ़ाए बढ़ाये घटाई घटाए घटाये दिखाई दिखाए दिखाये".split()
)


def _clause_breaks(text: str) -> list[re.Match]:
    """The clause breaks of ``text`` (:data:`_CLAUSE_BREAK`), but not the "और" of a count (:func:`_more_of_a_count`)."""
    return [m for m in _CLAUSE_BREAK.finditer(text) if not _more_of_a_count(text, m)]


def _more_of_a_count(text: str, clause_break: re.Match) -> bool:
    """Whether a clause break is the "और" of a count ("19 और लोगों की मौत", "एक और मरीज": more), no "and"."""
    if clause_break.group().strip() != "और":
        return False
    before = text[: clause_break.start()].split()
    return bool(before) and (_is_figure(before[-1]) or word_core(before[-1]) in CARDINALS)


def _after_the_circumstance(words: list[str]) -> list[str] | None:
    """The main clause of a long sentence that opens with a circumstance ("… की पुष्टि होने के बाद
    बिहार में … संख्या बढ़ कर चार हुई" → "बिहार में … चार हुई"): the words after the last
    circumstance that leaves a clause with a verb after it and no place untold ("रूस में … नए मामले
    सामने आने के बाद देश में …" keeps Russia; see :func:`_keeps_its_places`). In a sentence too long
    to stay whole, a main clause that names no place and no one who acted takes the place the
    sentence opens with (:func:`_opening_place`). None when there is none."""
    cores = [word_core(w) for w in words]
    for i in range(len(words) - 1, 1, -1):
        if (cores[i - 1], cores[i]) not in _CLAUSE_BEFORE:
            continue
        if "कि" in cores[:i] or any(w.endswith(":") for w in words[:i]):
            return None  # inside what someone said: the speaker and the telling go first
        start = i + 1 + (i + 1 < len(words) and cores[i + 1] == "ही")
        rest = words[start:]
        if len(rest) < MIN_WORDS + 2 or not _tells_what_happened(rest) or _dangles(rest):
            continue
        if _keeps_its_places(words[:start], rest):
            if cores[start] not in _NEVER_OPENS_A_CLAUSE:
                return rest
            continue
        place = _opening_place(words[:start]) if len(words) > MAX_WHOLE_WORDS_BEFORE_A_BROKEN_CUT else None
        # Not where the main clause names who acted: "… कलबुर्गी में … मौत की पुष्टि होने के बाद राज्य
        # सरकार ने …" did not happen in Kalaburagi only. Nor where it names a place of its own ("देश में").
        if (place and cores[start] not in _NEVER_AFTER_A_PLACE and "ने" not in cores[start:]
                and not places_in(" ".join(rest)) and "में" not in cores[start : start + MAX_PLACE_WORDS + 1]):
            return place + rest  # "ईरान में … मौत के साथ ही | इस बीमारी से मरने वालों की संख्या …"
    return None


MAX_PLACE_WORDS = 3  # words of the place an opening "X में" names


def _opening_place(words: list[str]) -> list[str] | None:
    """The "X में" a sentence opens with, when X names every place of ``words`` ("ईरान में कोरोना
    वायरस से और 135 लोगों की मौत के साथ ही" → "ईरान में"); None when it does not open so."""
    cores = [word_core(w) for w in words[: MAX_PLACE_WORDS + 1]]
    if "में" not in cores[1:]:
        return None
    phrase = words[: cores.index("में") + 1]
    named = places_in(" ".join(phrase[:-1]))
    if not named or not _keeps_its_places(words, phrase):
        return None
    return phrase


def _keeps_its_places(dropped: list[str], kept: list[str]) -> bool:
    """Whether every place named in ``dropped`` is named in ``kept``, or lies within a place it names
    (नालंदा within बिहार)."""
    named = places_in(" ".join(kept))
    return all(any(lies_within(place, outer) for outer in named) for place in places_in(" ".join(dropped)))


MAX_AGENT_WORDS = 5  # words of the name before ने that a long lead may start from


def _from_the_agent(words: list[str]) -> list[str] | None:
    """The words of a sentence from the one who acts on: the name before its first ने, after the
    circumstance a long lead opens with ("… शानदार खेल की बदौलत भारत ए ने …", "… के बाद, …");
    None when there is no such circumstance, or the name runs long."""
    cores = [word_core(w) for w in words]
    if "ने" not in cores[:MAX_WORDS]:
        return None
    agent_end = cores.index("ने")
    start = agent_end
    while start > 0 and cores[start - 1] not in _POSTPOSITIONS and not words[start - 1].endswith(","):
        start -= 1
    # Only after a circumstance ("की बदौलत", "के बाद", "…,"): after a plain case marker the words
    # before ने may be a clause about the one who acts ("वुहान से लौटे एक छात्र ने").
    if start == 0 or start == agent_end or agent_end - start > MAX_AGENT_WORDS:
        return None
    if cores[start - 1] not in _COMPOUND_POSTPOSITIONS and not words[start - 1].endswith(","):
        return None
    return words[start:]


def _dangles(words: list[str]) -> bool:
    """Whether a cut keeping ``words`` leaves a phrase waiting for its verb or its noun: it ends on a
    case marker ("… बसों के प्रवेश पर", "… की पुष्टि होने के बाद बिहार में"), an oblique infinitive ("…
    की पुष्टि होने"), a noun in its oblique plural ("… दो युवकों"), a word waiting for its noun ("…
    कि किसी") or a participle of what goes on meanwhile ("… उनकी प्रशंसा करते हुए"), or a clause it
    opens has no verb yet ("… चेतावनी जारी की है कि स्वास्थ्यकर्मियों के लिए …")."""
    last = len(words) - 1
    while last > 0 and word_core(words[last]) in _PARTICLES:
        last -= 1  # "… की हत्या उनके ही": what the particle stresses dangles
    core = word_core(words[last])
    if core in _POSTPOSITIONS or _is_oblique_infinitive(core) or _is_oblique_plural(core) or core in _WAITING_FOR_A_NOUN:
        return True
    if _a_clause_left_without_its_verb(words):
        return True
    return core in _WHILE_PARTICIPLE_ENDS and len(words) > 1 and word_core(words[-2]).endswith(("ते", "ती"))


# Words that wait for the noun they go with: "… प्रार्थना करता हूं कि किसी", "… उसी तेजी के साथ इसको".
_WAITING_FOR_A_NOUN = frozenset(
    "किसी कोई इस उस इन उन इसको उसको इनको उनको इसे उसे अपने अपनी अपना हर प्रत्येक "
    "उनके उनकी उनका उसके उसकी उसका इसके इसकी इसका इनके इनकी इनका".split()  # "… की हत्या उनके (ही साझेदार ने …)"
)
_CLAUSE_OPENERS = frozenset("कि जब अगर यदि क्योंकि ताकि".split())
# Openers of a clause whose main clause is still to come ("जब …", "भले … हो, …"); "कि" opens what was said.
_SUBORDINATORS = _CLAUSE_OPENERS - {"कि"} | frozenset("यद्यपि भले".split())


def _a_clause_left_without_its_verb(words: list[str]) -> bool:
    """Whether the last clause the words open ("… चेतावनी जारी की है कि स्वास्थ्यकर्मियों के लिए …",
    "… ने जब वहां के हालात") is cut before its verb."""
    opener = max((i for i, word in enumerate(words) if word_core(word) in _CLAUSE_OPENERS), default=None)
    return opener is not None and not _has_a_verb(words[opener + 1:])


_WHILE_PARTICIPLE_ENDS = frozenset("हुए हुये हुई".split())
_WHILE_WORDS = _WHILE_PARTICIPLE_ENDS | frozenset("समय वक्त".split())  # "करते हुए", "करती हुई", "करते समय"
_ALL_OF = frozenset("दोनों तीनों चारों पांचों सभों".split())  # "both", "all three": no case marker needed


def _is_oblique_plural(core: str) -> bool:
    """A noun in its oblique plural ("लोगों", "देशों"), which waits for its case marker."""
    return len(core) > 3 and core.endswith("ों") and core not in _ALL_OF  # not the verb "हों"


def _has_a_verb(words: list[str]) -> bool:
    """Whether words cut from a sentence keep a finite verb: an auxiliary or light verb
    (:func:`_has_verb`; not the city गया of "गया के गांधी मैदान"), a form of करना ("मना किया"), or a
    perfective of coming, being found or reaching ("… के पार पहुंचा")."""
    verbs = [i for i in range(len(words)) if not _is_the_city_gaya(words, i)]
    return _has_verb(words, verbs) or any(
        _is_finite_verb(word_core(word)) and not _while_doing(words, i) for i, word in enumerate(words))


def _tells_what_happened(words: list[str]) -> bool:
    """Whether words keep a finite verb (:func:`_has_a_verb`) or end on a predicate a headline states
    without its light verb ("… को 15 मार्च तक बंद", once "किया गया" is gone)."""
    return _has_a_verb(words) or word_core(words[-1]) in _PREDICATE_WORDS


def _while_doing(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a participle of what goes on meanwhile ("प्रवेश करते समय", "काम करते
    हुए"), not the verb of its clause."""
    return i + 1 < len(words) and word_core(words[i + 1]) in _WHILE_WORDS


def _is_finite_verb(core: str) -> bool:
    """A form of करना, a perfective of coming, being found or reaching, or a causative perfective
    ("उठाया", "लगाया"; a few nouns end so too: छाया, माया)."""
    return core in _FINITE_VERBS or (len(core) > 3 and core.endswith("ाया") and core not in _NOUNS_LIKE_PERFECTIVES)


_NOUNS_LIKE_PERFECTIVES = frozenset("छाया माया काया साया पराया सहाया".split())


_FINITE_VERBS = frozenset(
    "किया किए किये करेगा करेगी करेंगे करता करती करते "
    "आया आए आये आई आयी आईं मिला मिले मिली मिलीं पहुंचा पहुंचे पहुंची पहुँचा पहुँचे पहुँची".split()
)


_FIGURE_GOES_ON = frozenset("से हजार हज़ार लाख करोड़ सौ फीसदी फीसद प्रतिशत".split())


def _is_figure(word: str) -> bool:
    return bool(re.fullmatch(r"[0-9०-९][0-9०-९.,]*%?", _TRAILING.sub("", word)))


_LIST_BULLET = re.compile(r"^\s*[-–—•*▪●]+(?:\s+|(?![0-9०-९]))")


def strip_list_mark(sentence: str) -> str:
    """The sentence without the mark of a list item in front ("-डेढ़ से तीन रुपये में …", "• …");
    a minus before a figure ("-5 डिग्री") stays."""
    return _LIST_BULLET.sub("", sentence)


def lead_sentences(text: str, count: int = 3) -> list[str]:
    """The first ``count`` sentences that say something: no datelines, bylines or questions."""
    out = []
    for sentence in split_sentences(text):
        sentence = _BRACKETS.sub("", strip_dateline(_bounded(sentence)))  # the agency's brackets mark the dateline
        sentence = strip_list_mark(sentence)
        if is_dateline(sentence) or sentence.endswith("?"):
            continue
        out.append(_first_of_run_on(sentence))
        if len(out) == count:
            break
    return out


def _bounded(sentence: str) -> str:
    """``sentence`` up to its first MAX_LEAD_WORDS words, each cut to MAX_LEAD_WORD_CHARS; as it is if it is shorter."""
    words = sentence.split()
    if len(words) <= MAX_LEAD_WORDS and all(len(w) <= MAX_LEAD_WORD_CHARS for w in words):
        return sentence
    return " ".join(w[:MAX_LEAD_WORD_CHARS] for w in words[:MAX_LEAD_WORDS])


def _first_of_run_on(sentence: str) -> str:
    """A long sentence up to the "है" that ends it where a missing danda runs it on into the next
    ("… का फैसला किया है तत्काल प्रभाव से यह आदेश लागू …" → "… का फैसला किया है")."""
    if len(sentence.split()) <= MAX_WHOLE_WORDS:
        return sentence
    ends = [m.end() for m in _RUN_ON_END.finditer(sentence) if len(sentence[: m.end()].split()) >= MIN_WORDS + 2]
    if not ends or _RELATIVE_WORD.search(sentence[: ends[0]]):  # "जो … शेयर किया है उसमें …" goes on
        return sentence
    return sentence[: ends[0]]


_RELATIVE_WORD = re.compile(rf"{_START}(?:जो|जिस|जिसे|जिसमें|जिन|जिन्हें|जब|जहां|जहाँ|जैसे|जितना|जितने){_END}")


def rule_headline(text: str) -> str:
    """A headline by the hand rules alone: the lead sentence through :func:`compress`.

    >>> rule_headline("नई दिल्ली, 28 मार्च (भाषा)। स्वास्थ्य मंत्रालय ने शनिवार को बताया कि देश में कोरोना के 34 मामले सामने आए हैं।")
    'स्वास्थ्य मंत्रालय: देश में कोरोना के 34 मामले'
    """
    leads = lead_sentences(text, 1)
    return compress(leads[0]) if leads else ""


# --- the trained compressor --------------------------------------------------------------
# The lead sentence, through the hand rules above but not cut, is read by a word CRF
# (python-crfsuite, trained by training/train_headline.py on title/text pairs) that gives each
# word a probability of staying in a headline. word_units/needs_what_follows/required_units
# group the words into Hindi phrases; kept_words drops the opening phrases the model is sure a
# headline leaves out, and tidy() and the 16-word cut put the rest in headline form. Word
# identity is a feature only for the common words listed in the settings file (frequent in
# every training source: function words, news verbs); other words are seen through suffixes,
# shape, entity tag, position and how often the article repeats them, so the model does not
# memorise topics.

WORD_MODEL = "headline_words.crfsuite"
SETTINGS_FILE = "headline_settings.json"
HEADLINE_TRAINING_COMMAND = "python training/train_headline.py"
KEEP, DROP = "K", "D"

_NOT_WORD = "[^\\w\u0900-\u0963\u0966-\u097f\u200c\u200d]+"
_EDGE_MARKS = re.compile(f"^{_NOT_WORD}|{_NOT_WORD}$")
_QUOTES_OPEN = "\"'“‘"
_QUOTES_CLOSE = "\"'”’"
_DIGITS = re.compile(r"[0-9०-९]")
_LATIN = re.compile(r"[A-Za-z]")
_TIME_WORDS = frozenset(
    unicodedata.normalize("NFC", w) for w in
    "सोमवार मंगलवार बुधवार गुरुवार बृहस्पतिवार शुक्रवार शनिवार रविवार सुबह शाम रात रात्रि दोपहर तड़के देर आज कल "
    "जनवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर दिसंबर दिसम्बर".split()
)
_CASE_MARKERS = frozenset("का की के को में से ने पर तक".split())
# Second words of compound postpositions: "के बाद", "के चलते", "के मुताबिक", "की ओर", "की बदौलत".
_COMPOUND_POSTPOSITIONS = frozenset(
    "बाद लिए चलते दौरान साथ बीच तहत कारण खिलाफ पास अनुसार मुताबिक ओर तरफ जरिए बारे अंदर बाहर मद्देनजर बदौलत अलावा लेकर".split()
)
_POSTPOSITIONS = _CASE_MARKERS | _COMPOUND_POSTPOSITIONS
# Words a headline neither starts nor ends with: case markers, conjunctions, particles.
_NEVER_AT_EDGE = _CASE_MARKERS | _COMPOUND_POSTPOSITIONS | frozenset(
    "और व एवं तथा या कि लेकर भी ही तो जो जिसे जिसमें जिससे जबकि लेकिन हालांकि क्योंकि इस उस यह वह इसके उसके "
    "द्वारा वाले वाली वाला".split()
)
_TIME_NOUNS = frozenset("समय वक्त वक़्त दौरान बार साल वर्ष दिन हफ्ते सप्ताह महीने".split())
_MAY_CLOSE = frozenset("में पर तक".split())  # a headline may end "… अपने चरम पर", "… संकट में"
_VERB_MARKERS = frozenset("की के का".split())  # also "did" at a sentence's end: "मुलाकात की"
_NEVER_FIRST = frozenset("है हैं था थी थे गया गई गए रहे रही रहा नहीं भी ही तो".split())
_NEVER_OPENS_A_CLAUSE = _NEVER_AT_EDGE | _NEVER_FIRST | _VERB_TAIL  # the main clause after a circumstance
# Words a main clause may not open with when the place of the circumstance before it is put in
# front: those a headline never opens with, but for a determiner ("ईरान में इस बीमारी से …"), and
# pronouns that stand for what the circumstance told ("चीन में उससे पूरी तरह स्वस्थ होकर …").
_NEVER_AFTER_A_PLACE = (_NEVER_OPENS_A_CLAUSE - {"इस", "उस"}) | frozenset(
    "इससे उससे इसे उसे इन्हें उन्हें इनसे उनसे इसका इसकी उसका उसकी इनका इनकी उनका उनकी".split())


@lru_cache(maxsize=1 << 16)
def word_core(word: str) -> str:
    """A word without the punctuation at its edges, lower case: "कहा," → "कहा"."""
    return _EDGE_MARKS.sub("", word).lower()


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _shape(core: str) -> str:
    if not core:
        return "punct"
    if _DIGITS.search(core):
        return "num"
    return "latin" if _LATIN.search(core) else "word"


def _quoted(words: list[str]) -> list[bool]:
    """Which words sit inside quotation marks."""
    inside, out = False, []
    for word in words:
        opens = word[:1] in _QUOTES_OPEN
        closes = word.rstrip("।.,")[-1:] in _QUOTES_CLOSE
        out.append(inside or opens)
        if opens and not (closes and len(word) > 1):
            inside = True
        elif closes:
            inside = False
    return out


def _word_view(core: str, common: frozenset[str]) -> str:
    return core if core in common else f"~{core[-2:]}"


_POSITIONS = (0, 1, 2, 4, 7, 11, 16, 24)


def word_features(words: list[str], tags: list[str], counts: Counter, common: frozenset[str]) -> list[list[str]]:
    """CRF features of each word of a lead sentence (see the section comment above).

    :param words: the sentence split on whitespace (:func:`prepare_lead`).
    :param tags: NER tags (BIO) of the words' cores.
    :param counts: how often each core occurs in the whole article.
    :param common: words whose identity is a feature.
    """
    cores = [word_core(w) for w in words]
    quoted = _quoted(words)
    n = len(words)
    ne_at = cores.index("ने") if "ने" in cores else -1
    ki_at = cores.index("कि") if "कि" in cores else n
    commas = 0
    out = []
    for i, (word, core) in enumerate(zip(words, cores)):
        view = _word_view(core, common)
        f = ["b", f"w={view}", f"s1={core[-1:]}", f"s2={core[-2:]}", f"s3={core[-3:]}", f"shape={_shape(core)}",
             f"len={_bucket(len(core), (1, 2, 4, 7))}", f"pos={_bucket(i, _POSITIONS)}",
             f"rpos={_bucket(n - 1 - i, _POSITIONS)}", f"dec={10 * i // n}", f"n={_bucket(n, (8, 12, 18, 25, 35))}",
             f"ner={tags[i]}", f"doc={_bucket(counts[core] - 1, (0, 1, 2, 5))}", f"clause={min(commas, 3)}"]
        if core in common:
            f.append("common")
        if core in _TIME_WORDS:
            f.append("time")
        if word[-1:] in ",;:।.!?—":
            f.append(f"after={word[-1]}")
        if quoted[i]:
            f.append("quoted")
        if ne_at >= 0:
            f.append("ne=" + ("before" if i < ne_at else "at" if i == ne_at else "after"))
        if i > ki_at:
            f.append("after_ki")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if not 0 <= j < n:
                f.append(f"w{offset:+d}=<edge>")
                continue
            f.append(f"w{offset:+d}={_word_view(cores[j], common)}")
            if abs(offset) == 1:
                f += [f"ner{offset:+d}={tags[j]}", f"w{offset:+d}|w={_word_view(cores[j], common)}|{view}"]
        commas += word.endswith((",", ";", "—", ":"))
        out.append(f)
    return out


def prepare_lead(sentence: str) -> list[str]:
    """A lead sentence as the compressor sees it, split on whitespace: through the hand rules of
    :data:`RULES` (no weekday, no opener, reported speech as "X: …", …) but not cut to length."""
    for rule in RULES.values():
        sentence = rule(sentence)
    return sentence.split()


def deletion_labels(words: list[str], title: str) -> list[str]:
    """KEEP for the words that a longest common subsequence with ``title`` uses, DROP for the rest.

    Compared as the ROUGE scorer compares (:func:`ghatnakram.evaluate.rouge_tokens`); a word
    is kept when any of its scorer tokens is matched.

    >>> deletion_labels("दिल्ली में शनिवार को 12 नए मामले मिले".split(), "दिल्ली में 12 नए मामले")
    ['K', 'K', 'D', 'D', 'K', 'K', 'K', 'D']
    """
    from .evaluate import rouge_tokens

    pieces = [(token, i) for i, word in enumerate(words) for token in rouge_tokens(word)]
    ref = rouge_tokens(title)
    table = [[0] * (len(ref) + 1) for _ in range(len(pieces) + 1)]
    for a in range(len(pieces) - 1, -1, -1):
        for b in range(len(ref) - 1, -1, -1):
            table[a][b] = table[a + 1][b + 1] + 1 if pieces[a][0] == ref[b] else max(table[a + 1][b], table[a][b + 1])
    kept: set[int] = set()
    a = b = 0
    while a < len(pieces) and b < len(ref):
        if pieces[a][0] == ref[b]:
            kept.add(pieces[a][1])
            a, b = a + 1, b + 1
        elif table[a + 1][b] >= table[a][b + 1]:
            a += 1
        else:
            b += 1
    return [KEEP if i in kept else DROP for i in range(len(words))]


@dataclass(frozen=True)
class Lead:
    """An article's lead sentence as the word model reads it."""

    words: list[str]
    tags: list[str]
    counts: Counter


def read_lead(text: str, tag=None) -> Lead:
    """The lead sentence of cleaned ``text`` (:func:`lead_sentences`, :func:`prepare_lead`), its
    NER tags (``tag``: a token list to BIO tags; the shipped NER model by default) and the
    article's word counts. A text with no sentence that says something (a table, a list of short
    lines) is led by its first line; ``words`` is empty only for a text without words."""
    leads = lead_sentences(text, 1) or [" ".join(_bounded(sentence).split()) for sentence in split_sentences(text)[:1]]
    words = prepare_lead(leads[0]) if leads else []
    if tag is None:
        from .ner import load_tagger

        tag = load_tagger().tag
    tags = tag([word_core(w) or w for w in words]) if words else []
    return Lead(words, tags, Counter(word_core(w) for w in text.split()))


def word_units(words: list[str], tags: list[str]) -> list[list[int]]:
    """Word indexes that a headline keeps or drops together: a word with the case markers and
    postpositions after it ("राज्यों को", "देशों के बाद", "अल-शरा ने"), a name ("अहमद अल-शरा",
    from the NER tags), a speaker before "X: …", and the closing predicate (:func:`predicate_start`)."""
    speaker, predicate = _speaker_end(words), predicate_start(words)
    markers = _CASE_MARKERS | _COMPOUND_POSTPOSITIONS
    units: list[list[int]] = []
    for i, (word, tag) in enumerate(zip(words, tags)):
        after_pause = i > 0 and words[i - 1][-1:] in ",;:ः—"  # "हर्षवर्द्धन: | भारत …" even if tagged one name
        if units and not after_pause and (tag.startswith("I-") or word_core(word) in markers or i <= speaker or i > predicate):
            units[-1].append(i)
        else:
            units.append([i])
    return units


MAX_PREDICATE = 6  # words; a longer tail is not one predicate


def predicate_start(words: list[str]) -> int:
    """Where the closing predicate starts: the word before the last case marker, with all that
    follows ("… अपनी [चपेट में ले लिया]", "… कोरोना वायरस [भारत में भी पैर पसारने लगा]");
    without a case marker, the last two words.

    >>> predicate_start("चीन से फैले वायरस ने पूरी दुनिया को अपनी चपेट में ले लिया".split())
    9
    """
    cores = [word_core(w) for w in words]
    # the last word is left out: a closing "की"/"के" is the verb ("मुलाकात की")
    last = max((i for i, core in enumerate(cores[:-1]) if core in _CASE_MARKERS and core != "ने" and i > 0), default=-1)
    start = last - 1 if last > 0 else len(words) - 2
    return max(start, len(words) - MAX_PREDICATE, 0)


def _speaker_end(words: list[str]) -> int:
    """Index of the word that closes a speaker ("मंत्रालय:" in "स्वास्थ्य मंत्रालय: …"), or -1."""
    return next((i for i, word in enumerate(words[:5]) if word.endswith((":", "ः")) and i + 1 < len(words)), -1)


def required_units(words: list[str], units: list[list[int]]) -> list[bool]:
    """The units a headline must keep: who acted (the first "X ने"), who is quoted ("X: …") and
    what happened (the predicate, the last unit). Dropping the actor changes the news:
    "सीरिया के राष्ट्रपति [अहमद अल-शरा ने] … पुतिन से मुलाकात की"."""
    speaker = _speaker_end(words)
    first_ne = next((u for u, unit in enumerate(units) if any(word_core(words[i]) == "ने" for i in unit)), -1)
    return [u in (first_ne, len(units) - 1) or speaker in unit or _has_verb(words, unit) for u, unit in enumerate(units)]


def _has_verb(words: list[str], unit: list[int]) -> bool:
    """A unit holding an auxiliary or light verb ("पाई गई है"): dropping it leaves a clause
    without its verb. "देखते हुए" is a participle, not a verb of the clause."""
    return any(word_core(words[i]) in _VERB_TAIL and not _is_participle(words, i) and not _is_for(words, i) for i in unit)


def _is_participle(words: list[str], i: int) -> bool:
    return i > 0 and word_core(words[i]) in ("हुए", "ही") and word_core(words[i - 1]).endswith("ते")


def _is_the_city_gaya(words: list[str], i: int) -> bool:
    """"गया के गांधी मैदान में", "गया जिले": the city of Gaya, not the auxiliary गया."""
    return word_core(words[i]) == "गया" and i + 1 < len(words) and word_core(words[i + 1]) in _AFTER_A_PLACE


_AFTER_A_PLACE = frozenset("के की का में से जिले जिला शहर जंक्शन स्टेशन".split())


def _is_for(words: list[str], i: int) -> bool:
    """"के लिए" is the postposition "for", not a form of लेना ("ले लिए")."""
    return i > 0 and word_core(words[i]) in ("लिए", "लिये") and word_core(words[i - 1]) == "के"


_PHRASE_CLOSERS = frozenset("ने में से को पर तक".split()) | _COMPOUND_POSTPOSITIONS
_CONJUNCTIONS = frozenset("और तथा एवं व लेकिन जबकि वहीं तो".split())


def needs_what_follows(words: list[str], units: list[list[int]]) -> list[bool]:
    """Units that belong with the unit after them. Hindi puts a modifier before its head: a
    genitive ("शराब की" → "दुकानों"), a number or an adjective ("76" → "वर्षीय" → "व्यक्ति"),
    the first part of a compound ("मातृ" → "दिवस"). A phrase ends at the subject's "ने", at a
    case marker or postposition that attaches it to the verb ("… में", "… के मद्देनजर"), at a
    comma or colon, and at the end of the sentence.
    """
    def ends_phrase(unit: list[int]) -> bool:
        last, following = words[unit[-1]], unit[-1] + 1
        before_conjunction = following < len(words) and word_core(words[following]) in _CONJUNCTIONS
        if word_core(last) in _PHRASE_CLOSERS and _relative_participle_at(words, following):
            return False  # "मुख्यमंत्री कार्यालय में | हुई बैठक में …": the place is the meeting's
        return (word_core(last) in _PHRASE_CLOSERS or last[-1:] in ",;:ः—" or before_conjunction
                or _is_participle(words, unit[-1]) or word_core(last) in _VERB_TAIL  # "… देखते हुए", "… गई है"
                or _names_a_day(words, unit[-1]))

    return [u + 1 < len(units) and not ends_phrase(unit) for u, unit in enumerate(units)]


def _relative_participle_at(words: list[str], i: int) -> bool:
    """Whether a participle that describes a noun starts at ``words[i]``: "हुई" before its noun
    ("… में हुई बैठक"; not the verb of its clause, "… में बैठक हुई", "… में हुई है"), or a verb
    with वाला ("… में आने वाले यात्री", "… में दी जाने वाली राशि")."""
    if i + 1 >= len(words):
        return False
    following = word_core(words[i + 1])
    if word_core(words[i]) in _HUA:
        return bool(following) and following not in _VERB_TAIL and following not in _NEVER_AT_EDGE and words[i][-1:] not in ",;:।."
    then = word_core(words[i + 2]) if i + 2 < len(words) else ""
    return following in _WALA or (following == "जाने" and then in _WALA)


_HUA = frozenset("हुई हुए हुआ हुये हुयी".split())
_WALA = frozenset("वाला वाली वाले".split())


def _no_opening_ends_here(words: list[str], units: list[list[int]], leads_on: list[bool]) -> list[bool]:
    """Where an opening the word model drops may not end: where ``leads_on``; before a verb, or a unit
    whose next unit is a verb, as a headline does not open with a verb and its auxiliary ("… देखने को
    | मिला, हालांकि …", "देशभर में जहां … महाराष्ट्र से | आए हैं, वहीं …"); and before an oblique
    infinitive, which would lose its object ("… नागरिकों और किसी इलाके को | बचाने के लिए")."""
    def may_not_end(u: int) -> bool:
        if u + 1 >= len(units):
            return True
        first = word_core(words[units[u + 1][0]])
        if _is_finite_verb(first) or _is_oblique_infinitive(first):
            return True
        return u + 2 < len(units) and _opens_with_verb(words, units[u + 2]) and not _has_verb(words, units[u + 1])

    return [on or may_not_end(u) for u, on in enumerate(leads_on)]


def _opens_with_verb(words: list[str], unit: list[int]) -> bool:
    return word_core(words[unit[0]]) in _VERB_TAIL and not _is_participle(words, unit[0])


def kept_words(
    keep_probability: list[float], units: list[list[int]], required: list[bool], leads_on: list[bool], drop_below: float
) -> list[int]:
    """Indexes of the words to keep: the lead without the opening phrases the word model is
    confident a headline leaves out ("कोरोना संक्रमण के मद्देनजर | देश में लॉकडाउन का तीसरा
    चरण शुरू हुआ"). The opening dropped ends where a phrase ends (not at a unit that
    ``leads_on``) and holds no ``required`` unit; the longest such opening whose words' summed
    log-odds of staying, shifted so that ``drop_below`` is even, is most negative goes.

    Dropping phrases inside the sentence as well scored +0.003 more ROUGE-L on dev but read
    worse (a speaker's "हालांकि यह भी कहा कि" gone, "ध्यान में" left of "… को ध्यान में रखते हुए").

    >>> kept_words([0.01, 0.02, 0.9, 0.8], [[0], [1], [2], [3]], [False] * 4, [True, False, False, False], 0.05)
    [2, 3]
    >>> kept_words([0.01, 0.02, 0.9, 0.8], [[0], [1], [2], [3]], [False] * 4, [True, True, False, False], 0.05)
    [0, 1, 2, 3]
    """
    shift = math.log(drop_below / (1 - drop_below))
    best_cut, best_gain, gain = 0, 0.0, 0.0
    for u, unit in enumerate(units[:-1]):
        if required[u]:
            break
        gain -= sum(math.log(max(keep_probability[i], 1e-6) / max(1 - keep_probability[i], 1e-6)) - shift for i in unit)
        if not leads_on[u] and gain > best_gain:
            best_cut, best_gain = u + 1, gain
    return [i for unit in units[best_cut:] for i in unit]


def without_least_kept_phrases(words: list[str], tags: list[str], kept: list[int], units: list[list[int]], required: list[bool],
                               leads_on: list[bool], keep_probability: list[float], limit: int,
                               name_alone: bool = False) -> list[int] | None:
    """The kept words shortened to at most ``limit`` by leaving out whole phrases, by the round
    :func:`_drop_rank` gives them and, within a round, those the word model least expects a
    headline to keep first; never a required unit (the actor, the speaker, a verb, the predicate).
    With ``name_alone``, the designation before the actor's name may go as well. None when even
    then the words do not fit. A long lead keeps its verb this way, where a cut would end it
    mid-phrase ("भारत ए ने देहरादून में खेले गए तीसरे").

    >>> words = "चंदनपुर सीट के उपचुनाव में वर्मा ने जीत दर्ज की".split()
    >>> units = [[0], [1, 2], [3, 4], [5, 6], [7, 8, 9]]
    >>> without_least_kept_phrases(words, ["O"] * 10, list(range(10)), units, [False, False, False, True, True],
    ...                            [True, True, False, False, False], [0.5] * 10, 5)
    [5, 6, 7, 8, 9]
    """
    kept_set = set(kept)
    leads_on, participles = _participles_lead_on(words, units, leads_on)
    if any(required[u] and u not in participles for u in range(len(units) - 1) if _has_verb(words, units[u])):
        return None  # two clauses: which one to keep is not a matter of phrases
    phrases = _with_arguments_of_verbal_nouns(_phrases(words, units, kept_set, leads_on), units, words)
    phrases, designation = _designation_apart(phrases, units, words, tags)
    words_of = [[i for u in p for i in units[u] if i in kept_set] for p in phrases]
    # After "X ने", the phrase that opens what X said ("… बदलाव करते हुए कहा कि …") holds X's verb.
    agent = next((i for ws in words_of for i in ws if word_core(words[i]) == "ने"), None)
    needed = [any(required[u] and u not in participles for u in p)
              or agent is not None and any(word_core(words[i]) == "कि" and i > agent for i in ws)
              for p, ws in zip(phrases, words_of)]
    has_actor = any(word_core(words[i]) == "ने" for ws in words_of[1:] for i in ws)
    rank = {n: _drop_rank(words, words_of[n], p, participles, opens_before_actor=n == 0 and has_actor)
            for n, p in enumerate(phrases) if not needed[n]}
    if designation is not None and name_alone:
        rank[designation] = 2
    rank = {n: r for n, r in rank.items() if r is not None}
    droppable = sorted(rank, key=lambda n: (rank[n], sum(keep_probability[i] for i in words_of[n]) / len(words_of[n]), n))
    size, dropped = len(kept), set()
    for n in droppable:
        if size <= limit:
            break
        dropped.add(n)
        size -= len(words_of[n])
    if size > limit:
        return None
    return [i for n, phrase_words in enumerate(words_of) if n not in dropped for i in phrase_words]


def _phrases(words: list[str], units: list[list[int]], kept: set[int], leads_on: list[bool]) -> list[list[int]]:
    """The kept units grouped into phrases: units that lead on to the next (:func:`needs_what_follows`,
    a participle with what it modifies and the phrase it takes: "[सीट पर हुए उपचुनाव में]"),
    up to a circumstance's last word; a unit opening with "और" or holding only a particle stays
    with the phrase before ("[देहरादून में खेले गए तीसरे और निर्णायक वनडे में]")."""
    phrases: list[list[int]] = [[]]
    for u, unit in enumerate(units):
        if not any(i in kept for i in unit):
            continue
        attaches_back = word_core(words[unit[0]]) in _CONJUNCTIONS or all(word_core(words[i]) in _PARTICLES for i in unit)
        if attaches_back and not phrases[-1] and len(phrases) > 1:
            phrases.pop()
        phrases[-1].append(u)
        if not leads_on[u] or word_core(words[unit[-1]]) in _CIRCUMSTANCE_HEADS:
            phrases.append([])
    return [p for p in phrases if p]


# Postpositions of a circumstance, which a headline leaves out before anything else: "X की
# बदौलत", "X के दम पर", "X के बीच", "X के मद्देनजर", "X के पास", "X को देखते हुए".
_CIRCUMSTANCE_ENDS = frozenset({
    ("की", "बदौलत"), ("दम", "पर"), ("के", "बीच"), ("के", "चलते"), ("के", "दौरान"), ("के", "कारण"),
    ("के", "मद्देनजर"), ("के", "पास"), ("के", "नजदीक"), ("के", "नज़दीक"), ("देखते", "हुए"),
})
# Last words of a circumstance that the phrase grouping does not close a phrase at.
_CIRCUMSTANCE_HEADS = frozenset(second for _, second in _CIRCUMSTANCE_ENDS) - _PHRASE_CLOSERS - _VERB_TAIL
# What a long sentence tells before its main clause (see _after_the_circumstance): "X होने के बाद",
# "X आने के साथ ही", "X के चलते"; not where it happened ("X के पास").
_CLAUSE_BEFORE = _CIRCUMSTANCE_ENDS - {("के", "पास"), ("के", "नजदीक"), ("के", "नज़दीक")} | {("के", "बाद"), ("के", "साथ")}
# Genitives after a participle start a new noun phrase: the participle then modifies another
# word than the place the phrase ends in ("शुरू हुआ कोरोना वायरस दुनिया के 70 देशों में").
_GENITIVES = frozenset("का की के इसके उसके इनके उनके इसकी उसकी".split())


def _is_circumstance(words: list[str], phrase_words: list[int], phrase_units: list[int], participles: set[int]) -> bool:
    """A phrase a long headline can do without: a circumstance ("… की बदौलत", "… के बीच", not
    "अमेरिका और चीन के बीच"), or a place or occasion described by a participle ("लखनऊ में
    खेले गए पहले मैच में")."""
    cores = [word_core(words[i]) for i in phrase_words]
    if cores[0] in _DIRECT_DEMONSTRATIVES:
        return False  # "यह बीमारी लोगों के बीच | फर्क नहीं करती": the subject, not a circumstance
    if tuple(cores[-2:]) in _CIRCUMSTANCE_ENDS:
        return not (cores[-1] == "बीच" and "और" in cores)  # "between A and B" is no circumstance
    if cores[-1] != "में" or not any(u in participles for u in phrase_units):
        return False
    last_participle = max((n for n, i in enumerate(phrase_words) if word_core(words[i]) in _PARTICIPLE_ENDS), default=len(cores))
    return not any(core in _GENITIVES for core in cores[last_participle + 1:])


_DIRECT_DEMONSTRATIVES = frozenset("यह ये वह वे यही वही".split())  # not "इस बीच", "उस दौरान"


def _drop_rank(words: list[str], phrase_words: list[int], phrase_units: list[int], participles: set[int],
               opens_before_actor: bool) -> int | None:
    """In which round a long headline leaves a phrase out, or None if never: first a
    circumstance, then the place, occasion or purpose the sentence opens with before its actor
    "X ने" ("चंदनपुर सीट के उपचुनाव में | Y ने …", "कोरोना से बचाव के लिए | Y ने …", "नामांकन के
    अंतिम दिन | Y ने …")."""
    if _is_circumstance(words, phrase_words, phrase_units, participles):
        return 0
    last = word_core(words[phrase_words[-1]])
    return 1 if opens_before_actor and (last in _PHRASE_CLOSERS - {"को", "ने", "से"} or last == "दिन") else None


def _names_a_day(words: list[str], i: int) -> bool:
    """Whether word ``i`` closes a phrase naming a day without a postposition, as an opening
    does once its weekday is gone: "नामांकन के अंतिम दिन (सोमवार को) | X ने …"; not "एक दिन पहले"."""
    following = word_core(words[i + 1]) if i + 1 < len(words) else ""
    return word_core(words[i]) == "दिन" and following not in _DAY_GOES_ON


_DAY_GOES_ON = frozenset("पहले बाद भर से तक".split())


def _designation_apart(phrases: list[list[int]], units: list[list[int]], words: list[str], tags: list[str]
                       ) -> tuple[list[list[int]], int | None]:
    """The phrases with the designation before the actor's name as a phrase of its own, and its
    index (None if there is none): "[बिहार के उपमुख्यमंत्री एवं भाजपा के वरिष्ठ नेता] [सुशील कुमार
    मोदी ने]". A long headline may name the actor by name alone."""
    for n, phrase in enumerate(phrases):
        actor = next((k for k, u in enumerate(phrase) if word_core(words[units[u][-1]]) == "ने"), None)
        if actor is None:
            continue
        name_starts = tags[units[phrase[actor]][0]] == "B-PER"
        before = phrase[:actor]
        if name_starts and before and not any(tags[i].endswith("PER") for u in before for i in units[u]):
            return phrases[:n] + [before, phrase[actor:]] + phrases[n + 1:], n
        return phrases, None
    return phrases, None


def _with_arguments_of_verbal_nouns(phrases: list[list[int]], units: list[list[int]], words: list[str]) -> list[list[int]]:
    """Phrases with a circumstance built on a verbal noun joined to the phrase before it, which
    is its argument: "[बिहार में चार लोगों में] [संक्रमण की पुष्टि होने के बाद]" go together."""
    out: list[list[int]] = []
    for phrase in phrases:
        cores = [word_core(words[i]) for u in phrase for i in units[u]]
        verbal = any(_is_oblique_infinitive(c) and nxt in ("के", "की") for c, nxt in zip(cores, cores[1:]))
        before = word_core(words[units[out[-1][-1]][-1]]) if out else ""
        if before in _PHRASE_CLOSERS and verbal and tuple(cores[-2:]) in _CIRCUMSTANCE_ENDS | _CLAUSE_BEFORE:
            out[-1] = out[-1] + phrase
        else:
            out.append(phrase)
    return out


_PARTICIPLE_ENDS = _VERB_TAIL | _WALA
_PARTICLES = frozenset("ही भी तो".split())  # belong to the phrase before them: "… आने के साथ ही"


def _participles_lead_on(words: list[str], units: list[list[int]], leads_on: list[bool]) -> tuple[list[bool], set[int]]:
    """``leads_on`` with each participle joined to the noun it modifies and to the phrase before
    its verb, and the units holding participles: in "सीट पर हुए उपचुनाव में", "खेले गए
    तीसरे", "होने वाले उपचुनाव" the verb is no clause's own; it describes the next word."""
    unit_of = {i: u for u, unit in enumerate(units) for i in unit}
    out, participles = list(leads_on), set()
    for i in range(1, len(words) - 1):
        following = word_core(words[i + 1])
        if (word_core(words[i]) not in _PARTICIPLE_ENDS or words[i][-1:] in ",;:ः—"
                or following in _VERB_TAIL | _CONJUNCTIONS | _CASE_MARKERS | _COMPOUND_POSTPOSITIONS or not following):
            continue
        verb = i
        while verb > 0 and word_core(words[verb - 1]) not in _PHRASE_CLOSERS and words[verb - 1][-1:] not in ",;:ः—":
            verb -= 1
        for u in range(max(unit_of[verb] - 1, 0), unit_of[i] + 1):
            out[u] = True
        participles.update(range(unit_of[verb], unit_of[i] + 1))
    return out, participles


def _about_to(words: list[str]) -> bool:
    """The words end "… होने को" (is about to): an infinitive's को is the headline's verb, not a marker left hanging."""
    before = word_core(words[-2]) if len(words) > 1 else ""
    return word_core(words[-1]) == "को" and _is_oblique_infinitive(before)


def _is_oblique_infinitive(core: str) -> bool:
    """Whether a word core is a verb's oblique infinitive ("होने", "आने"), not a pronoun with ने ("उन्होंने")."""
    return len(core) > 2 and core.endswith("ने") and core not in _NE_NOT_VERBS


# Words ending in ने that are no infinitive: pronouns with the agent marker, "अपने", "सामने".
_NE_NOT_VERBS = frozenset("अपने उसने इसने जिसने किसने सबने हमने मैंने तुमने आपने उन्होंने इन्होंने जिन्होंने किन्होंने सामने".split())


def tidy(words: list[str], ends_sentence: bool = False) -> str:
    """Kept words as a headline: no case marker or conjunction at either edge, no closing
    auxiliary or full stop, perfectives as headlines write them, quotes balanced.

    ``ends_sentence``: the last word closes the lead sentence, so a closing "की"/"के" is the
    verb ("मुलाकात की"), not a case marker left hanging.
    """
    while words and (word_core(words[0]) in _NEVER_AT_EDGE | _NEVER_FIRST or not word_core(words[0])):
        that = word_core(words[0]) in ("इस", "उस")
        words = words[1:]
        if that and words and word_core(words[0]) in _TIME_NOUNS:
            words = words[1:]  # "उस समय | हड़कंप मच गया": the time goes with its "that"
    while words and not (ends_sentence and len(words) > 1 and word_core(words[-1]) in _VERB_MARKERS) and (
        _dangles_at_the_end(words) or not word_core(words[-1])
    ) and not _about_to(words):
        ends_sentence = False
        words = words[:-1]
    return _predicate_alone(_end_aux(_perfective(_TRAILING.sub("", _balanced_quotes(" ".join(words))))))


# Quotation marks by kind, opening a word (or standing before one: "'' अन्य …") or closing one, in
# any pairing ("‘सामाजिक दूरी'", "“…”"); an apostrophe inside a Latin word ("India's") is neither.
_QUOTE_MARKS = [re.compile(rf"(?<![{_W}])(?P<open>[{marks}]+)(?=\s*[{_W}])|(?<=[{_W}])[{marks}]+(?![{_W}])")
                for marks in ("'‘’", '"“”')]


def _balanced_quotes(text: str) -> str:
    """``text`` without the quotation marks left open or never opened: a headline cut inside a
    quote ("… ने कहा 'दुनिया … युद्ध में") must not leave it hanging; a closed pair stays."""
    hanging: list[tuple[int, int]] = []
    for marks in _QUOTE_MARKS:
        opened: list[tuple[int, int]] = []
        for mark in marks.finditer(text):
            if mark.group("open"):
                opened.append(mark.span())
            elif opened:
                opened.pop()
            else:
                hanging.append(mark.span())
        hanging += opened
    for start, end in sorted(hanging, reverse=True):
        text = text[:start] + text[end:]
    return " ".join(text.split()) if hanging else text


def _dangles_at_the_end(words: list[str]) -> bool:
    """Whether the last word cannot end a headline: a case marker or conjunction, or the second word
    of a compound postposition after its case marker ("… के चलते"); without one it is a verb or a
    predicate ("… सीजन में ही चलते", "… विधेयक पास"), as "वाले" is after an infinitive ("… के रहने वाले")."""
    last = word_core(words[-1])
    if last in _COMPOUND_POSTPOSITIONS:  # but "… खतरे से बाहर" (out of) is a predicate
        return len(words) > 1 and word_core(words[-2]) in _CASE_MARKERS and (last, word_core(words[-2])) != ("बाहर", "से")
    if last in _WALA and len(words) > 1 and _is_oblique_infinitive(word_core(words[-2])):
        return False  # the predicate of a dropped copula: "… नोएडा के रहने वाले", "… बूस्टर मिलने वाला"
    return last in _NEVER_AT_EDGE - _MAY_CLOSE


def _predicate_alone(text: str) -> str:
    """A clause that ends in a predicate noun or adjective and its light verb ends in the predicate,
    as headlines write it: "पंजाब में पहली मौत हुई" → "… पहली मौत", "सभी स्कूल बंद किए गए" → "…
    बंद", "तीन लोग संक्रमित पाए गए" → "… संक्रमित". Not after an agent or a relative ("डीएम ने
    … बंद किया", "जो ठीक हुआ" need their verb)."""
    def alone(match: re.Match) -> str:
        clause = text[text.rfind(",", 0, match.start()) + 1 : match.start()]
        return match[0] if _NEEDS_ITS_VERB.search(clause) else match["predicate"]

    shorter = _LIGHT_VERB_AFTER_PREDICATE.sub(alone, text)
    if len(shorter.split()) < MIN_WORDS:
        return text
    if shorter != text and word_core(shorter.split()[-1]) in _PATIENT_PREDICATES:
        bare = _without_the_patients_ko(shorter)
        return bare if len(bare.split()) >= MIN_WORDS else shorter
    return shorter


# Predicates whose passive names what they were done to with "को" ("सिविल कोर्ट को बंद किया गया"):
# without the light verb a headline names it bare, as the subject ("सिविल कोर्ट बंद"). Not "जारी",
# whose "को" is whom it was issued to ("कलेक्टरों को गाइडलाइन जारी").
_PATIENT_PREDICATES = frozenset(unicodedata.normalize("NFC", "बंद रद्द स्थगित सील घोषित रिहा गिरफ्तार तैनात भर्ती "
                                                          "क्वारंटाइन लागू शुरू संक्रमित पॉजिटिव निगेटिव").split())
_ENDS_A_NOUN_PHRASE = _POSTPOSITIONS - {"का", "की", "के"} | {"ने"}
MAX_WORDS_AFTER_THE_PATIENT = 5  # "… को | 18 अक्तूबर तक | स्थगित", "… को | दो दिन के लिए | सील"


def _without_the_patients_ko(text: str) -> str:
    """A headline ending in a predicate of :data:`_PATIENT_PREDICATES` without the "को" of what it
    was done to: "झारखंड में सिविल कोर्ट को बंद" → "झारखंड में सिविल कोर्ट बंद", "कोरोना को महामारी
    घोषित" → "कोरोना महामारी घोषित". Unchanged where the noun would need another form once bare:
    a plural ("स्कूलों को", whose direct form a headline cannot tell from its spelling alone), or a
    noun after a genitive "के" ("HCL के एक कर्मचारी को" would need "का")."""
    words = text.split()
    ko = max((i for i, word in enumerate(words) if word_core(word) == "को"), default=None)
    if ko is None or ko == 0 or len(words) - ko - 2 > MAX_WORDS_AFTER_THE_PATIENT:
        return text
    between = [word_core(word) for word in words[ko + 1 : -1]]
    if any(core in _CASE_MARKERS and core not in ("तक", "के") for core in between) or "लेकर" in between:
        return text  # "… को लेकर …", "… को छोड़कर अपने घरों में बंद": no patient
    start = ko
    while start > 0 and word_core(words[start - 1]) not in _ENDS_A_NOUN_PHRASE and not words[start - 1].endswith(","):
        start -= 1  # back over the noun phrase, its genitives too: "HCL के एक कर्मचारी को"
    noun = word_core(words[ko - 1])
    if noun in _TIME_WORDS or _is_figure(noun) or _is_oblique_plural(noun):
        return text
    if any(word_core(word) == "के" for word in words[start:ko]):
        return text
    return " ".join(words[:ko] + words[ko + 1 :])


class HeadlineModel:
    """The trained word CRF and the settings it was trained with."""

    def __init__(self, word_model: bytes, settings: dict):
        import pycrfsuite

        self._bytes = word_model  # crfsuite reads the model in place: keep the bytes alive
        self._words = pycrfsuite.Tagger()
        self._words.open_inmemory(word_model)
        self.common = frozenset(settings["common_words"])
        self.drop_below = float(settings["drop_below"])

    def keep_probability(self, lead: Lead) -> list[float]:
        """For each word of the lead, the model's probability that a headline keeps it."""
        self._words.set(word_features(lead.words, lead.tags, lead.counts, self.common))
        return [self._words.marginal(KEEP, i) for i in range(len(lead.words))]

    def headline(self, lead: Lead) -> str:
        """The headline for an article's lead (empty when it has no lead sentence): the lead
        without the opening the model is confident a headline leaves out, in headline form,
        whole up to MAX_WHOLE_WORDS, else cut at a clause break to MAX_WORDS."""
        if not lead.words:
            return ""
        units = word_units(lead.words, lead.tags)
        probability = self.keep_probability(lead)
        required, leads_on = required_units(lead.words, units), needs_what_follows(lead.words, units)
        kept = kept_words(probability, units, required, _no_opening_ends_here(lead.words, units, leads_on), self.drop_below)
        ends_sentence = bool(kept) and kept[-1] == len(lead.words) - 1
        text = tidy([lead.words[i] for i in kept], ends_sentence=ends_sentence)
        if len(kept) < len(lead.words):  # the opening gone, "X ने कहा कि Y" may now be told as "X: Y"
            text = _as_speech(text)
        if len(text.split()) > MAX_WHOLE_WORDS:
            for limit, name_alone in ((MAX_WORDS, False), (MAX_WHOLE_WORDS, False), (MAX_WHOLE_WORDS, True)):
                shorter = without_least_kept_phrases(lead.words, lead.tags, kept, units, required, leads_on, probability,
                                                     limit, name_alone)
                if shorter:
                    return tidy([lead.words[i] for i in shorter], ends_sentence=ends_sentence)
        cut = _cut(text)
        return cut if cut == text else tidy(cut.split())


@cache
def load_headline_model() -> HeadlineModel:
    """The headline model shipped in ``ghatnakram/resources`` (loaded once per process).

    Raises :class:`ghatnakram.ner.ModelMissingError` naming the missing file and the training command.
    """
    return load_headline_model_from(resources.files("ghatnakram").joinpath("resources"))


def load_headline_model_from(folder) -> HeadlineModel:
    """Load the word CRF and its settings from ``folder`` (a path or a package resource)."""
    from .ner import ModelMissingError

    folder = Path(folder) if isinstance(folder, str) else folder
    model, settings = folder.joinpath(WORD_MODEL), folder.joinpath(SETTINGS_FILE)
    for needed in (model, settings):
        if not needed.is_file():
            raise ModelMissingError(
                f"headline model file missing: {needed}. Train it from the repository root with: "
                f"{HEADLINE_TRAINING_COMMAND} (reads ../shared/data)"
            )
    return HeadlineModel(model.read_bytes(), json.loads(settings.read_text(encoding="utf-8")))


def generate_headline(text: str, model: HeadlineModel | None = None) -> str:
    """A headline written from an article's cleaned text alone (see the section comment above).

    >>> generate_headline("पटना : बिहार में कोरोना वायरस के संक्रमण से शनिवार को एक और मौत हो गयी है.")
    'बिहार में कोरोना वायरस के संक्रमण से एक और मौत'
    """
    return in_headline_form((model or load_headline_model()).headline(read_lead(text)))


# The short forms Hindi headlines write for offices, a state and bodies a lead names in full
# ("प्रधानमंत्री नरेंद्र मोदी ने …" → "पीएम नरेंद्र मोदी ने …"): on events-dev the titles write पीएम 9
# times to प्रधानमंत्री's 3, सीएम 8 to 3, यूपी 13 to 5, and on the unseen raw stories 9 to 0, 7 to 7, 13 to 2.
# An organisation's is the one-word name canon.ORGANISATION_NAMES gives it first (भारतीय जनता पार्टी → भाजपा).
HEADLINE_SHORT_FORMS = {
    "प्रधानमंत्री": "पीएम",
    "उप मुख्यमंत्री": "डिप्टी सीएम",
    "उपमुख्यमंत्री": "डिप्टी सीएम",
    "मुख्यमंत्री": "सीएम",
    "जिलाधिकारी": "डीएम",
    "उत्तर प्रदेश": "यूपी",
    **{name: names[0] for _, names in ORGANISATION_NAMES if " " not in names[0] for name in names[1:] if " " in name},
}
_LONG_FORM = re.compile(f"{_START}(?:{'|'.join(sorted(map(re.escape, HEADLINE_SHORT_FORMS), key=len, reverse=True))}){_END}")


def in_headline_form(headline: str) -> str:
    """A headline with the short forms of :data:`HEADLINE_SHORT_FORMS` for what it names in full.

    >>> in_headline_form("उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ ने सभी स्कूल बंद करने के निर्देश दिए")
    'यूपी के सीएम योगी आदित्यनाथ ने सभी स्कूल बंद करने के निर्देश दिए'
    """
    return _LONG_FORM.sub(lambda m: HEADLINE_SHORT_FORMS[m.group()], headline)


def headline_for(article: Article) -> str:
    """The article's title if it has one that tells a happening (without a page's list number or
    desk prefix); else one written from its lead."""
    title = title_as_headline(article.title)
    return title if title and not names_no_happening(title) else generate_headline(article.text) or title


# A numbered item's mark, or a list's count after its place: "11- चीन", "मणिपुर -1", "शिवहर - एक".
_ITEM_NUMBER = re.compile(
    rf"^\s*[0-9०-९]{{1,3}}\s*[-–)]\s*|\s*[-–]\s*(?:[0-9०-९]{{1,3}}|{_nfc_alt(' '.join(CARDINALS))})\s*$")
_CLOCK_OR_DATE_WORDS = re.compile(r"(?i)\b(?:am|pm|ist|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b|[0-9०-९]+|[^\w\s\u0900-\u097f]|_")
# Hindi words of a clock time or a span of one: "सुबह 08:00-10:00 बजे तक".
_CLOCK_WORDS = frozenset("सुबह शाम रात दोपहर तड़के बजे बजकर मिनट तक से".split())
# Words of a byline: "भागलपुर, वरीय संवाददाता", "नई दिल्ली (एजेंसी)".
_BYLINE_WORDS = frozenset("संवाददाता प्रतिनिधि एजेंसी एजेंसियां ब्यूरो रिपोर्टर जेएनएन डेस्क".split())


def names_no_happening(title: str) -> bool:
    """Whether a title only names a place (with a list's number: "11- चीन", "शिवहर - एक"), a clock
    time or a date ("11:08 AM, 29-MAR-2020", "सुबह 08:00-10:00 बजे तक"), or a byline ("भागलपुर,
    वरीय संवाददाता", "दुर्गेश नंदन झा, नई दिल्ली"). Page furniture a reader cannot tell the story
    by: a headline written from the lead stands in for it."""
    core = _ITEM_NUMBER.sub("", title).strip(" ,;:-–")
    if not set(_CLOCK_OR_DATE_WORDS.sub(" ", core).split()) - _CLOCK_WORDS:
        return True
    words = re.findall(r"[\w\u0900-\u097f]+", core)
    is_byline = len(words) <= 5 and bool(_BYLINE_WORDS.intersection(words))
    return is_byline or _name_and_place(core) or resolve_place(core) is not None


def _name_and_place(title: str) -> bool:
    """A reporter's name and the place filed from: "दुर्गेश नंदन झा, नई दिल्ली"."""
    head, comma, tail = title.rpartition(",")
    return bool(comma) and 0 < len(head.split()) <= 3 and resolve_place(tail.strip()) is not None


# How a newspaper's web page dresses a title: a list number ("2.भारत में …", "4- संक्रमण …") and a desk or
# section before a slash ("पटना / …", "बॉलीवुड / …", "रांची \ …").
_TITLE_NUMBER = re.compile(r"^\s*(?:[0-9०-९]{1,2}\s*(?:\.\s*|[-–)]\s+)(?=[^\s0-9०-९])|[-–—•*]+\s*(?=[^\s0-9०-९]))")
# A "read this too" link's words in front of a title: "यह भी पढ़ें: …", "ये खबर भी पढ़ें- …".
_READ_ALSO = re.compile(rf"^(?:{READ_ALSO})\s*[:\-–—]*\s*")
_DESK_PREFIX = re.compile(r"^[^/\\|:।]{1,25}?\s+[/\\]\s+(?=\S)")
_DEVANAGARI = re.compile("[\u0900-\u097f]")
# A colon or semicolon the title runs into the next word ("… मुलाकात की:दोनों नेता …"); not a clock's (10:55).
_GLUED_PAUSE = re.compile(r"(?<=[^\s0-9०-९])([:;])(?=[^\s0-9०-९:;/])")


def title_as_headline(title: str) -> str:
    """A title as a headline: without the page's list number, desk prefix or an English search
    kicker in front of Hindi ("Coronavirus Update : बिहार में …").

    >>> title_as_headline("2.भारत में कोरोना के 251 मामले")
    'भारत में कोरोना के 251 मामले'
    >>> title_as_headline("पटना / बिहार में 61 नये मामले")
    'बिहार में 61 नये मामले'
    >>> title_as_headline("अल-शरा ने पुतिन से मुलाकात की:दोनों नेता पहली बार आमने-सामने आए")
    'अल-शरा ने पुतिन से मुलाकात की: दोनों नेता पहली बार आमने-सामने आए'
    """
    headline = _DESK_PREFIX.sub("", _TITLE_NUMBER.sub("", _READ_ALSO.sub("", (title or "").strip(), count=1))).strip()
    rest = _LATIN_PREFIX.sub("", headline, count=1)
    headline = rest if rest != headline and _DEVANAGARI.search(rest[:1] or "") else headline
    return _GLUED_PAUSE.sub(r"\1 ", headline)



# --- evaluation -------------------------------------------------------------------------------

def score_headlines(path, generate: Callable[[str], str] = generate_headline, skipped: list[str] | None = None) -> dict:
    """Mean ROUGE-L F1 of headlines generated from text alone (by ``generate``, from cleaned
    text) against the titles of a labelled file shaped like events-dev (each title removed
    before generating; stories without a title are skipped), next to the first sentence cut
    to 20 words.

    Tokens as the reference scorer takes them: NFC, characters other than word and Devanagari
    characters to spaces, lower case, split on whitespace (:func:`ghatnakram.evaluate.rouge_tokens`).
    """
    from .clean import clean_article
    from .evaluate import read_gold, rouge_l

    scored = generated = baseline = 0.0
    for row in read_gold(Path(path), skipped, labels=()):
        if not row.get("title"):
            continue
        article = clean_article(Article(id=str(row["id"]), outlet=str(row.get("outlet", "")), text=row.get("text") or ""))
        sentences = split_sentences(article.text)
        generated += rouge_l(row["title"], generate(article.text))
        baseline += rouge_l(row["title"], " ".join(sentences[0].split()[:20]) if sentences else "")
        scored += 1
    if not scored:
        raise ValueError(f"{path}: no story has a title to compare with: give stories a 'title'")
    return {"stories": int(scored), "headline_rouge_l": generated / scored, "first_sentence_20_words_rouge_l": baseline / scored}
