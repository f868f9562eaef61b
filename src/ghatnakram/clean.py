"""Cleaning stage: normalise an article and remove what is not the story.

Two kinds of boilerplate go:

* promos, found by fixed Hindi and English patterns — related-story blocks
  ("ये खबर भी पढ़ें… …पूरी खबर यहां पढ़ें…" and everything it introduces),
  "और पढ़ें: …" / "यह भी पढ़ें" lines, share and subscribe prompts, separator rules,
  and a page's closing list of other stories, each a headline with its date on a line of its own;
* lines an outlet repeats across many of its articles, learned from the store
  (see :class:`LineStats` in the store): the caller passes a predicate.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from typing import Callable

import lxml.html

from .models import Article
from .normalize import normalize_line, normalize_text, split_sentences
from .places import COMMON_WORD_PLACES, places_named

# The words of a "read this too" link: "ये खबर भी पढ़ें", "यह भी पढ़ें" (headline strips them from titles too).
READ_ALSO = r"(?:ये|यह|इसे|इन्हें)?\s*(?:खबर|खबरें|ख़बर|ख़बरें|स्टोरी)?\s*भी\s+पढ़ें"
_FULL_STORY = r"पूरी\s+(?:खबर|ख़बर|स्टोरी)\s+(?:यहां|यहाँ|यहा)\s+पढ़ें[\s.…:।]*"
_RULE = r"[—–\-_*=~•]{3,}"

# "ये खबर भी पढ़ें… <promo> पूरी खबर यहां पढ़ें…" inside a line, with any rule before it.
_INLINE_PROMO = re.compile(
    rf"(?:{_RULE}\s*)?{READ_ALSO}\s*[:…।.\-–—]*.*?(?:{_FULL_STORY}|$)",
)
# Lines that only introduce other stories.
_PROMO_LINE = re.compile(
    rf"^\s*(?:{READ_ALSO}|और\s+पढ़ें|पढ़ें|यहां\s+पढ़ें|also\s+read|read\s+more|read\s+also)\s*[:…।.\-–—]",
    re.IGNORECASE,
)
_FULL_STORY_LINE = re.compile(rf"^\s*{_FULL_STORY}$")
_RULE_LINE = re.compile(rf"^\s*{_RULE}\s*$")
_PROMPT_VERB = re.compile(
    r"फॉलो\s+कर|फ़ॉलो\s+कर|सब्सक्राइब|सब्\u200dसक्राइब|डाउनलोड\s+कर|शेयर\s+कर|लाइक\s+कर|जुड़ें|ज्वाइन\s+कर|"
    r"क्लिक\s+कर|follow\s+us|subscribe|download\s+(?:the\s+)?app|share\s+this",
    re.IGNORECASE,
)
_PROMPT_TARGET = re.compile(
    r"फेसबुक|फ़ेसबुक|ट्विटर|एक्स\s+पर|इंस्टाग्राम|यूट्यूब|व्हाट्सऐप|व्हाट्सएप|व्हाट्सअप|टेलीग्राम|ऐप|एप|चैनल|"
    r"न्यूज़लेटर|न्यूजलेटर|गूगल\s+न्यूज|नोटिफिकेशन|facebook|twitter|instagram|youtube|whatsapp|telegram|"
    r"\bapp\b|newsletter|google\s+news|यहां|लिंक",
    re.IGNORECASE,
)
_PROMPT_MAX_WORDS = 30
# A line that is only a date ("2 मई 2020", "02 May 2020 10:15 AM"): a story list prints one under each headline.
_DATE_LINE = re.compile(
    r"^\s*[0-9०-९]{1,2}\s+(?:जनवरी|फरवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|"
    r"दिसंबर|दिसम्बर|[A-Za-z]{3,9}),?\s+(?:19|20|१९|२०)[0-9०-९]{2}(?:,?\s+[0-9०-९]{1,2}:[0-9०-९]{2}(?:\s*[AaPp][Mm])?)?\s*$"
)
_STORY_LIST_ITEM_LINES = 4  # lines from one date line to the next in a story list: section, headline, date
_STORY_LIST_MIN_ITEMS = 3  # two dated lines may be a story's own chronology
_STORY_LIST_HEADLINE_WORDS = 25


_MARKUP = re.compile(r"<(?:p|br|div|span|a|script|style|iframe|b|i|strong|em|li|ul|ol|h[1-6]|img|figure|table)\b[^>]*>|&(?:nbsp|amp|quot|lt|gt|#\d+);", re.IGNORECASE)


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per line; scripts, styles and embeds dropped.

    Text without markup is returned as it is.
    """
    if not _MARKUP.search(fragment):
        return fragment
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for junk in root.xpath(".//script | .//style | .//iframe | .//noscript"):
        junk.drop_tree()
    for block in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        block.tail = "\n" + (block.tail or "")
    return root.text_content()


def strip_promos(text: str) -> str:
    """Remove related-story blocks, "और पढ़ें" lines, share prompts and rules from normalised text.

    >>> strip_promos("रूस ने कहा। ——- ये खबर भी पढ़ें… दूसरी खबर। पूरी खबर यहां पढ़ें…\\nशीर्षक")
    'रूस ने कहा।\\nशीर्षक'
    """
    kept: list[str] = []
    for line in text.split("\n"):
        if "पढ़ें" in line:  # the cheap test first: most lines have no promo
            line = _INLINE_PROMO.sub("", line).strip()
        if line and not is_promo_line(line):
            kept.append(line)
        elif not line and kept and kept[-1]:
            kept.append("")
    return "\n".join(kept).strip()


def strip_story_list(text: str) -> str:
    r"""Cut a page's list of other stories and all that follows it: three or more date lines, each
    under a short headline (and section label), at most a few lines apart.

    >>> strip_story_list("सेना ने सलाम किया।\nIndia News\nदूसरी खबर\n2 मई 2020\nIndia News\nतीसरी खबर\n2 मई 2020\nचौथी खबर\n1 मई 2020")
    'सेना ने सलाम किया।'
    """
    lines = text.split("\n")
    dated = [i for i, line in enumerate(lines) if _DATE_LINE.match(line)]
    for k in range(len(dated) - _STORY_LIST_MIN_ITEMS + 1):
        run = dated[k : k + _STORY_LIST_MIN_ITEMS]
        if all(_is_story_list_item(lines[a + 1 : b]) for a, b in zip(run, run[1:])):
            cut = max(run[0] - (run[1] - run[0]) + 1, 0)
            return "\n".join(lines[:cut]).strip() or text
    return text


def _is_story_list_item(lines: list[str]) -> bool:
    """The lines between two dates of a story list: a headline, perhaps a section label, nothing long."""
    return 0 < len(lines) < _STORY_LIST_ITEM_LINES and all(len(line.split()) <= _STORY_LIST_HEADLINE_WORDS for line in lines)


def is_promo_line(line: str) -> bool:
    """True for a line that points the reader elsewhere rather than telling the story."""
    if _PROMO_LINE.match(line) or _FULL_STORY_LINE.match(line) or _RULE_LINE.match(line):
        return True
    short = len(line.split()) <= _PROMPT_MAX_WORDS
    return short and bool(_PROMPT_VERB.search(line)) and bool(_PROMPT_TARGET.search(line))


@lru_cache(maxsize=8192)
def line_key(line: str) -> str:
    """A short stable key of a normalised line, for counting repeated lines per outlet.

    Cached: ingest asks for the key of each line of an article up to four times (cleaning ahead,
    then storing: the stored counts, then the check), and an outlet's boilerplate lines recur."""
    return hashlib.blake2b(line.encode("utf-8"), digest_size=8).hexdigest()


MIN_COUNTED_LINE = 12  # characters; shorter lines ("फोटो", a dateline) repeat by chance


def remove_repeated_lines(text: str, is_repeated: Callable[[str], bool]) -> str:
    """Drop the lines of ``text`` that ``is_repeated`` says the outlet prints everywhere."""
    kept = [line for line in text.split("\n") if not (line and is_repeated(line))]
    return "\n".join(kept).strip() or text  # an article is never all boilerplate


def drop_title_line(text: str, title: str) -> str:
    """Drop the body's first line when it only repeats the headline (HTML pages print it as h1)."""
    first, _, rest = text.partition("\n")
    return rest.strip() if title and first.strip() == title and rest.strip() else text


# A title field longer than this that holds a sentence end, or far longer, has swallowed the
# story's lead (a scraper took the headline, dateline and first paragraph as one).
RUN_ON_TITLE_WORDS = 25
RUN_ON_TITLE_ALWAYS = 40
# Where a dateline may end after the headline: "रांची :", "वाराणसीः", "नयी दिल्ली,".
_DATELINE_MARK = re.compile(r"\s*[:ः,]\s+")
_MIN_HEADLINE_WORDS = 3
_MAX_PLACE_WORDS = 2
_MIN_GLUED_PLACE = 4  # characters: a short place name ("मऊ") ends too many words by chance


def split_run_on_title(title: str) -> tuple[str, str]:
    """(headline, lead) of a normalised title field: ("", "") for none, (title, "") for a headline.

    A title that runs on into the story is cut at its dateline, a known place before ":" or ","
    (glued to the headline's last word when the page lost the line break). One that opens with
    its dateline, or a far longer one with none, is all lead: the article has no headline.

    >>> split_run_on_title("सीएम ने की उच्चस्तरीय बैठकरांची : मुख्यमंत्री कार्यालय में हुई बैठक में मुख्य सचिव ने "
    ...                    "मुख्यमंत्री को हालात की जानकारी दी. इससे पहले सदन में सदस्यों ने सरकार को आगाह कराया.")[0]
    'सीएम ने की उच्चस्तरीय बैठक'
    """
    words = title.split()
    if len(words) <= RUN_ON_TITLE_WORDS or (len(words) <= RUN_ON_TITLE_ALWAYS and len(split_sentences(title)) < 2):
        return title, ""
    for mark in _DATELINE_MARK.finditer(title):
        head = title[: mark.start()]
        place_start = _dateline_place_start(head)
        if place_start is None:
            continue
        headline = head[:place_start].strip()
        if not headline or (headline.endswith(",") and len(headline.split()) <= _MAX_PLACE_WORDS):
            return "", title  # the dateline opens it, perhaps after a byline: "रांचीः …", "जासं, मथुरा : …"
        if len(headline.split()) < _MIN_HEADLINE_WORDS or len(headline.split()) > RUN_ON_TITLE_WORDS:
            continue
        return ("", title) if len(split_sentences(headline)) > 1 else (headline, title[place_start:].strip())
    return ("", title) if len(words) > RUN_ON_TITLE_ALWAYS else (title, "")  # a long headline of two sentences stays one


def _dateline_place_start(head: str) -> int | None:
    """Where the place that ``head`` ends with starts (its last one or two words, or the end of
    its last word, glued to the word before), or None if it does not end with a known place."""
    starts = [0] + [m.end() for m in re.finditer(r"\s+", head)]
    for start in starts[-_MAX_PLACE_WORDS:]:
        if _names_a_dateline_place(head[start:]):
            return start
    for cut in range(starts[-1] + 2, len(head) - _MIN_GLUED_PLACE + 1):
        if unicodedata.category(head[cut]) not in ("Mn", "Mc") and _names_a_dateline_place(head[cut:]):
            return cut  # the first letter of a place glued on, not a vowel sign
    return None


def _names_a_dateline_place(name: str) -> bool:
    return name not in COMMON_WORD_PLACES and bool(places_named(name))


def clean_article(article: Article, is_repeated: Callable[[str], bool] = lambda line: False) -> Article:
    """Normalise title and body and remove boilerplate; ``raw_text`` keeps the body as read.
    A title that ran on into the lead keeps its headline; the lead goes before the body."""
    raw = article.raw_text or article.text
    whole_title = normalize_line(html_fragment_text(article.title))
    title, lead = split_run_on_title(whole_title)
    body = normalize_text(html_fragment_text(raw))
    if lead:  # a headline-only story's reader gave it its title as its text: that title is the lead
        body = lead if normalize_line(body) == whole_title else f"{lead}\n{body}"
    text = remove_repeated_lines(drop_title_line(strip_story_list(strip_promos(body)), title), is_repeated)
    return replace(
        article,
        raw_text=raw,
        text=text,
        title=title,
        outlet=normalize_line(article.outlet),
        author=normalize_line(article.author) if article.author else None,
    )
