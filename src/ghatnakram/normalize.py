"""Hindi text handling: normalisation, sentence splitting and tokenisation.

Pure, table-driven functions. Everything is NFC; ZWJ/ZWNJ (which change how a
conjunct is drawn) are kept. Under NFC the precomposed nukta letters (U+0958–U+095F,
e.g. "क़") decompose to letter + nukta, so compare only strings that went through
:func:`normalize_text`. A colon after a Devanagari letter stays a colon: it is not
turned into visarga ("आनंद:भारत" is a headline separator, not "आनंदःभारत").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ZWNJ, ZWJ = "\u200c", "\u200d"
DANDA, DOUBLE_DANDA = "\u0964", "\u0965"

_DEVANAGARI_DIGITS = "०१२३४५६७८९"
_TO_ASCII_DIGITS = str.maketrans(_DEVANAGARI_DIGITS, "0123456789")

# Characters mapped one to one. Quotes go to the curly forms; spaces to a plain space.
_CHAR_MAP = str.maketrans(
    {
        "\u201e": "\u201c",  # „ low double quote
        "\u201f": "\u201c",  # ‟
        "\u00ab": "\u201c",  # «
        "\u00bb": "\u201d",  # »
        "\u301d": "\u201c",
        "\u301e": "\u201d",
        "\uff02": '"',
        "\u2033": '"',  # ″ double prime used as a quote
        "\u201a": "\u2018",  # ‚ low single quote
        "\u201b": "\u2018",  # ‛
        "\u2032": "\u2019",  # ′ prime used as an apostrophe
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\t": " ",
        "\u2028": "\n",
        "\u2029": "\n",
        "\r": "\n",
    }
)

# Any character _CHAR_MAP changes: most texts have none, and looking is cheaper than translating.
_MAPPED_CHAR = re.compile("[" + re.escape("".join(map(chr, _CHAR_MAP))) + "]")
# Invisible characters that carry nothing in running text. ZWJ/ZWNJ are NOT here.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e]")
# C0/C1 control characters other than newline.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_DEVANAGARI_LETTER = "\u0900-\u0963\u0966-\u097f\ua8e0-\ua8ff"
# Characters that continue a word, for regex classes: Devanagari letters, signs and digits (not the
# danda: "… हो गई।शुक्रवार को …" is two words), \w, ZWJ and ZWNJ.
WORD_CHARS = rf"{_DEVANAGARI_LETTER}\w{ZWJ}{ZWNJ}"
# A pipe or a Latin full stop misused as danda, or a run of dandas.
_PIPE_DANDA = re.compile(rf"(?<=[{_DEVANAGARI_LETTER}\s])\s*\|(?!\|)")
_DANDA_RUN = re.compile(f"{DANDA}{{2,}}|\\|\\|")
_STRAIGHT_DOUBLE = re.compile(r'"')
_SPACES = re.compile(r"[ ]{2,}")
_CLOSING_PUNCT = (DANDA, DOUBLE_DANDA, "?", "!", ",")


def normalize_text(text: str) -> str:
    """Return ``text`` in the project's canonical form.

    NFC; curly quotes; danda for a pipe used as one (and ``॥`` for ``||``); no
    invisible or control characters except ZWJ/ZWNJ and newlines; single spaces;
    no space before danda or other closing punctuation; trimmed lines; at most one
    blank line in a row. Digits are left as written (see :func:`ascii_digits`).

    >>> normalize_text("वह आया |  फिर “गया” ||")
    'वह आया। फिर “गया”॥'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    if _MAPPED_CHAR.search(text):
        text = text.translate(_CHAR_MAP)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    if "|" in text or DANDA * 2 in text:
        text = _PIPE_DANDA.sub(DANDA, _DANDA_RUN.sub(DOUBLE_DANDA, text))
    text = _curl_straight_quotes(text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    text = _drop_space_before_punctuation(text)
    return _squeeze_blank_lines([line.strip() for line in text.split("\n")])


def normalize_line(text: str) -> str:
    """Normalise a one-line field (title, outlet, author): as :func:`normalize_text`, joined by spaces."""
    return " ".join(normalize_text(text).split())


def _drop_space_before_punctuation(text: str) -> str:
    """"है ।" → "है।": spaces come single here, so plain replacing does what a regex would, faster."""
    for mark in _CLOSING_PUNCT:
        if " " + mark in text:
            text = text.replace(" " + mark, mark)
    return text


def _curl_straight_quotes(text: str) -> str:
    """Turn straight double quotes into opening or closing curly quotes by position."""
    if '"' not in text:
        return text

    def curl(match: re.Match) -> str:
        start = match.start()
        before = text[start - 1] if start else " "
        return "\u201c" if before.isspace() or before in "([{\u2018\u201c—–-:" else "\u201d"

    return _STRAIGHT_DOUBLE.sub(curl, text)


def _squeeze_blank_lines(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def ascii_digits(text: str) -> str:
    """Devanagari digits to ASCII: ``"२८ जनवरी"`` → ``"28 जनवरी"``."""
    return text.translate(_TO_ASCII_DIGITS)


def parse_int(token: str) -> int | None:
    """Read an integer written in Latin or Devanagari digits, with Indian or Western commas."""
    cleaned = ascii_digits(token).replace(",", "")
    return int(cleaned) if cleaned.isdigit() else None


_DEVANAGARI_RUN = re.compile("[\u0900-\u0963\u0971-\u097f\ua8e0-\ua8ff]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def devanagari_share(text: str, sample: int = 4000) -> float:
    """Share of letters (and vowel signs) that are Devanagari in the first ``sample`` characters.

    0.0 when there are no letters.
    """
    head = text[:sample]
    devanagari = sum(map(len, _DEVANAGARI_RUN.findall(head)))
    other = sum(map(len, _LETTER_RUN.findall(_DEVANAGARI_RUN.sub(" ", head))))
    letters = devanagari + other
    return devanagari / letters if letters else 0.0


# --- number words -------------------------------------------------------------

# The cardinals one to ninety-nine as Hindi news writes them, with their common spellings
# (dates read the days of a month among them, quantities every one).
CARDINALS: dict[str, int] = {
    unicodedata.normalize("NFC", word): value
    for value, spellings in enumerate(
        [
            "", "एक", "दो", "तीन", "चार", "पांच पाँच", "छह छः छै", "सात", "आठ", "नौ", "दस",
            "ग्यारह", "बारह", "तेरह", "चौदह", "पंद्रह पन्द्रह", "सोलह", "सत्रह", "अठारह", "उन्नीस", "बीस",
            "इक्कीस", "बाईस", "तेईस", "चौबीस", "पच्चीस", "छब्बीस", "सत्ताईस", "अट्ठाईस अठ्ठाईस", "उनतीस", "तीस",
            "इकतीस इकत्तीस", "बत्तीस", "तैंतीस", "चौंतीस", "पैंतीस", "छत्तीस", "सैंतीस", "अड़तीस", "उनतालीस", "चालीस",
            "इकतालीस", "बयालीस", "तैंतालीस", "चवालीस चौवालीस", "पैंतालीस", "छियालीस", "सैंतालीस", "अड़तालीस",
            "उनचास", "पचास", "इक्यावन", "बावन", "तिरपन", "चौवन", "पचपन", "छप्पन", "सत्तावन", "अट्ठावन",
            "उनसठ", "साठ", "इकसठ", "बासठ", "तिरसठ", "चौंसठ", "पैंसठ", "छियासठ", "सड़सठ", "अड़सठ", "उनहत्तर",
            "सत्तर", "इकहत्तर", "बहत्तर", "तिहत्तर", "चौहत्तर", "पचहत्तर", "छिहत्तर", "सतहत्तर", "अठहत्तर",
            "उन्यासी उनासी", "अस्सी", "इक्यासी", "बयासी", "तिरासी", "चौरासी", "पचासी", "छियासी", "सत्तासी",
            "अट्ठासी", "नवासी", "नब्बे", "इक्यानवे", "बानवे", "तिरानवे", "चौरानवे", "पचानवे", "छियानवे",
            "सत्तानवे", "अट्ठानवे", "निन्यानवे",
        ]
    )
    for word in spellings.split()
}


# --- sentences --------------------------------------------------------------

_TERMINATORS = f"{DANDA}{DOUBLE_DANDA}?!"
_CLOSERS = re.escape("\u201d\u2019\"')]}")
# Short Devanagari forms written with a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    normalize_text(a)
    for a in (
        "डॉ", "डा", "श्री", "श्रीमती", "कु", "सु", "प्रो", "मो", "मु", "एड", "ले", "जन", "कर्नल",
        "मि", "मिस", "सं", "क्र", "नं", "पृ", "रु", "ई", "ई.पू", "स्व", "पं", "उ", "प्र", "म", "वि", "द",
        "Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Rs", "No", "vs", "etc", "Jr", "Sr", "Lt", "Col", "Gen",
    )
)
_SENTENCE_END = re.compile(
    rf"(?:[{_TERMINATORS}]+|\.(?!\d)|…)[{_CLOSERS}]*(?=\s|$)|\n+"
    # Some outlets glue the next sentence to the stop: "खबर आयी.एक तरफ", "पहुंच गयी है।वहीं".
    rf"|(?:[{DANDA}{DOUBLE_DANDA}]+|(?<=[\u0900-\u0963])\.)(?=[\u0904-\u0939\u0958-\u0961\u0972-\u097f])"
)
# "नवभारतटाइम्स.कॉम": a web address, not two sentences.
_WEB_SUFFIX = re.compile(r"(?:कॉम|ओआरजी)(?![\u0900-\u097f])")  # not इन: "है.इन लोगों" is two sentences
_WORD_BEFORE = re.compile(rf"([{_DEVANAGARI_LETTER}\w.]+)$")
# One Latin capital: an initial ("A.K."). Devanagari initials are letter names (LETTER_NAMES):
# a generic one-syllable rule would also take the verbs "है." and "थे." for initials.
_INITIAL = re.compile(r"^[A-Z]$")


_CLOSED = re.compile(rf"(?:[{_TERMINATORS}.…]|[{_CLOSERS}])\s*$")


def ends_a_sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence does: with a danda, stop, question or exclamation mark,
    an ellipsis, or a closing quote or bracket (not where a line break alone ended it)."""
    return bool(_CLOSED.search(text))


def split_sentences(text: str) -> list[str]:
    """Split running Hindi text into sentences.

    Ends a sentence at । ॥ ? ! … and line breaks, and at a full stop unless it closes an
    abbreviation (डॉ., श्री.), an initial (ए.के., यू.एस.) or sits inside a number (2.5); also
    where the next sentence follows a danda or full stop with no space ("खबर आयी.एक तरफ").
    A closing quote or bracket stays with the sentence it closes.

    >>> split_sentences("डॉ. ए.के. शर्मा ने कहा, “हम तैयार हैं।” दर 2.5 प्रतिशत रही।")
    ['डॉ. ए.के. शर्मा ने कहा, “हम तैयार हैं।”', 'दर 2.5 प्रतिशत रही।']
    """
    return list(_sentences(text))


# Each stage of the analysis splits the same article again: keep the last few splits.
@lru_cache(maxsize=128)
def _sentences(text: str) -> tuple[str, ...]:
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and (_is_abbreviation(text[start : match.start()])
                                              or _WEB_SUFFIX.match(text, end)):
            continue
        piece = text[start:end].strip()
        if piece:
            sentences.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return tuple(sentences)


@lru_cache(maxsize=128)
def sentence_offsets(text: str) -> tuple[tuple[int, str], ...]:
    """Each sentence of :func:`split_sentences` with the offset in ``text`` where it starts.

    >>> sentence_offsets("पहला वाक्य। दूसरा वाक्य।")
    ((0, 'पहला वाक्य।'), (12, 'दूसरा वाक्य।'))
    """
    found, cursor = [], 0
    for sentence in _sentences(text):
        start = text.find(sentence, cursor)
        found.append((start, sentence))
        cursor = start + len(sentence)
    return tuple(found)


def first_sentences(text: str, count: int) -> list[str]:
    """The first ``count`` sentences of :func:`split_sentences`, without splitting all of a long text."""
    prefix = 2000
    while prefix < len(text):
        # Every sentence but the last of a prefix ends where it ends in the whole text.
        sentences = _sentences(text[:prefix])
        if len(sentences) > count:
            return list(sentences[:count])
        prefix *= 2
    return list(_sentences(text)[:count])


# English letters as Hindi writes them in initials: यू.एस., एम.पी., डब्ल्यू.एच.ओ.
LETTER_NAMES = frozenset(
    "ए बी सी डी ई एफ जी एच आई जे के एल एम एन ओ पी क्यू आर एस टी यू वी डब्ल्यू डबल्यू एक्स वाई जेड जैड".split()
)


def _is_abbreviation(before: str) -> bool:
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    parts = match.group(1).split(".")
    last = parts[-1]
    if last in ABBREVIATIONS or last in LETTER_NAMES or _INITIAL.match(last):
        return True
    return len(parts) > 1 and all(part in LETTER_NAMES or _INITIAL.match(part) for part in parts if part)


# --- tokens -----------------------------------------------------------------

_TOKEN = re.compile(
    rf"""
    [0-9०-९]+(?:[.,][0-9०-९]+)*%?               # numbers: 1,50,000  2.5  १२  40%
    | [{WORD_CHARS}]+(?:[-'’][{WORD_CHARS}]+)*   # words, hyphenated words (अल-शरा)
    | [^\s]                                       # any other single character
    """,
    re.VERBOSE,
)


def tokenize(text: str) -> list[str]:
    """Split text into word, number and punctuation tokens.

    Curly and straight quotes, danda, colon and brackets are tokens of their own, and so is
    a visarga typed as a colon ("पटनाः"; not that of :data:`VISARGA_WORDS`, "पुनः");
    hyphenated names stay whole; an abbreviation keeps its full stop (डॉ.).

    >>> tokenize("डॉ. पुतिन ने कहा, “प्रगति हुई है।”")
    ['डॉ.', 'पुतिन', 'ने', 'कहा', ',', '“', 'प्रगति', 'हुई', 'है', '।', '”']
    """
    return [text[start:end] for start, end in token_spans(text)]


VISARGA = "\u0903"
# Words that end in visarga (ः) as Hindi writes them: Sanskrit adverbs, छः, प्रातः. A visarga ending any
# other word stands for a colon: "नई दिल्लीः", "इस्लामाबादः", "कार्रवाईः" of datelines and headlines.
VISARGA_WORDS = frozenset(
    "अतः पुनः प्रायः प्रातः छः नमः मनः स्वतः क्रमशः अक्षरशः शनैः उच्चैः अंततः अन्ततः संभवतः सम्भवतः "
    "सामान्यतः साधारणतः मूलतः मुख्यतः विशेषतः पूर्णतः वस्तुतः फलतः प्रत्यक्षतः परोक्षतः नामतः "
    "अधिकांशतः अंशतः आंशिकतः प्रथमतः स्वभावतः स्पष्टतः सर्वतः सम्यक्तः यथार्थतः व्यक्तितः "
    "प्रमुखतः तत्वतः तत्त्वतः".split()
)


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each :func:`tokenize` token in ``text``."""
    spans = [match.span() for match in _TOKEN.finditer(text)]
    if VISARGA in text or "." in text:  # most sentences have neither: no token to split or join
        return _visargas_and_abbreviations(text, spans)
    return spans


def _visargas_and_abbreviations(text: str, matched: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The token spans ``matched`` with a visarga that stands for a colon split off, and an
    abbreviation's full stop joined to it."""
    spans: list[tuple[int, int]] = []
    for start, end in matched:
        if end - start > 2 and text[end - 1] == VISARGA and text[start:end] not in VISARGA_WORDS:
            spans.extend(((start, end - 1), (end - 1, end)))  # "दिल्लीः" is "दिल्ली" and a colon
            continue
        # A full stop right after a word (no space: it belongs to the previous token) closes an abbreviation.
        if end - start == 1 and text[start] == "." and spans and start > 0 and not text[start - 1].isspace():
            # A token opening with a full stop is a run of them ("..."): it takes this one too.
            if text[spans[-1][0]] == "." or _is_abbreviation(text[spans[-1][0] : start]):
                spans[-1] = (spans[-1][0], end)
                continue
        spans.append((start, end))
    return spans


@lru_cache(maxsize=200_000)
def token_key(token: str) -> str:
    """The form used to compare tokens: lower case, ASCII digits, no ZWJ/ZWNJ."""
    return ascii_digits(token).lower().replace(ZWJ, "").replace(ZWNJ, "")


def word_tokens(text: str) -> list[str]:
    """The word and number tokens of ``text`` (punctuation dropped), as written."""
    return [t for t in tokenize(text) if t[0].isalnum() or "\u0900" <= t[0] <= "\u097f"]


def word_keys(text: str) -> list[str]:
    """Comparison keys of the word and number tokens of ``text`` (punctuation dropped)."""
    return list(_word_keys(text))


@lru_cache(maxsize=128)
def _word_keys(text: str) -> tuple[str, ...]:
    # The stages of one article ask for the keys of the same title, lead and text several times
    # (duplicate check, event type, signature): a third of the time tokenising went to repeats.
    return tuple(map(token_key, word_tokens(text)))


_VERB_ENDING = re.compile(r"(?:है|हैं|था|थी|थे|गया|गई|गयी|गए|गये|हुआ|हुई|हुए|की|किया|दिया|रहा|रही|रहे)[।.!?]?$")


def is_dateline(sentence: str) -> bool:
    """A lead "sentence" that is only a dateline, a byline or a place: "नई दिल्ली", "लखनऊ, जेएनएन।"."""
    words = sentence.split()
    return len(words) <= 5 and not _VERB_ENDING.search(sentence)


# Words with which a reporter turns to background ("गौरतलब है कि …", "बता दें कि …", "इससे पहले …",
# "इसके एक दिन पहले …"):
# what follows them in their sentence recalls context, it does not report the happening.
BACKGROUND_OPENER = re.compile(
    rf"(?<![{WORD_CHARS}])(?:(?:गौरतलब|उल्लेखनीय|ज्ञात|विदित|मालूम)\s+(?:है|हो)(?:\s+कि)?"
    rf"|(?:बता\s+दें|बताते\s+चलें|ध्यान\s+रहे|याद\s+रहे)(?:\s+कि)?"
    rf"|(?:इससे|इसके)\s+(?:(?:एक|दो|तीन|चार|पांच|कुछ|[0-9]+)\s+(?:दिन|दिनों|हफ्ते|सप्ताह|महीने)\s+)?(?:पहले|पूर्व))(?![{WORD_CHARS}])"
)


# A dateline names where the reporter files from ("नई दिल्ली, जागरण संवाददाता ।", "पटना :",
# "वाशिंगटनः"): often not where the happening is, so it is the place of last resort.
_DATELINE = re.compile(r"^\s*[^\n।:ः,|(]{2,40}?(?:\s*[,/]\s*[^\n।:ः|(]{0,40}?)?\s*(?:[।:ः|\n]|\(\s*[^)]{1,20}\)\s*[।:ः]?)")


def dateline_end(text: str) -> int:
    """Where the dateline at the head of ``text`` ends, or 0 if there is none."""
    match = _DATELINE.match(text)
    if not match or len(tokenize(text[: match.end()])) > 8:
        return 0
    place = re.split(r"[,/:ः।|(\n]", text[: match.end()], maxsplit=1)[0]
    return match.end() if len(place.split()) <= 3 else 0
