"""A headline by deletion from the first lead sentences (sentence compression over phrases).

Where :class:`ghatnakram.headline.HeadlineModel` reads the first lead sentence and may only drop
its opening, this compressor reads the first ``SENTENCES`` lead sentences (through the same hand
rules) and chooses which *phrases* and *clauses* to keep, in text order, so a headline can join
the first sentence's news with a fact from the second ("दिल्ली में कोरोना के 10 केस, सफदरजंग में
पहले से तय ऑपरेशन पर रोक").

1. Words are grouped into phrases (:func:`passage_phrases`: a word with its case markers, a name,
   a modifier with its head, the closing predicate, as :func:`ghatnakram.headline.word_units`
   and :func:`~ghatnakram.headline.needs_what_follows` group them) and phrases into clauses
   (split at a comma, semicolon, dash or a clause-joining conjunction).
2. A word CRF (python-crfsuite, ``training/train_headline_compressor.py``, shipped as
   ``resources/headline_compressor.crfsuite`` and ``headline_compressor.json``) gives each word
   a probability of staying, from the features of :func:`passage_features`: the single-sentence
   features of :func:`ghatnakram.headline.word_features` plus the sentence it is in and the
   phrase and clause around it.
3. The decoder (:func:`choose_phrases`) keeps whole phrases only. A clause is either left out
   whole or kept with its *required* phrases: who acted ("X ने"), who is quoted ("X: …") and
   its verbs (:func:`ghatnakram.headline.required_units`), so no kept clause loses its verb.
   A clause that opens with a relative word ("जिसके …", "जो …") is never kept: it leans on
   the clause before. Among the choices of at most ``max_words`` words, the one with the best
   expected ROUGE-L F1 is taken: 2·Σ p / (words + ``title_words``), the kept words' summed keep
   probabilities standing for the expected overlap with a title of ``title_words`` words, less
   ``clause_cost`` for every clause after the first (each joint is a comma a reader must jump).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .headline import (
    _CONJUNCTIONS,
    _VERB_TAIL,
    Lead,
    lead_sentences,
    needs_what_follows,
    prepare_lead,
    required_units,
    tidy,
    word_core,
    word_features,
    word_units,
)

COMPRESSOR_MODEL = "headline_compressor.crfsuite"
COMPRESSOR_SETTINGS = "headline_compressor.json"
COMPRESSOR_TRAINING_COMMAND = "python training/train_headline_compressor.py"
SENTENCES = 3
KEEP = "K"

# Words that open a clause leaning on the one before: relative pronouns and "जिससे"-type links.
_RELATIVE_OPENERS = frozenset(
    "जो जिसे जिसमें जिससे जिसके जिसका जिसकी जिन्होंने जिनमें जिनके जिनका जिनकी जिन्हें जहां जहाँ जब जबकि क्योंकि ताकि".split()
)
# Words that start a clause after a comma without a comma of their own: "…, और …", "…, लेकिन …".
_CLAUSE_CONJUNCTIONS = _CONJUNCTIONS | frozenset("लेकिन जबकि क्योंकि ताकि जिससे जिसके जिसमें जहां जो".split())
_CLOSING_AUX = frozenset("है हैं था थी थे".split())
# A sentence that opens with these points back to the one before: read as a weaker source.
_ANAPHORS = frozenset("उन्होंने इन्होंने उसने इसने वह वे यह ये इसके उसके इसमें उसमें इससे उससे इसी उसी इसलिए वहीं वहां यहां साथ".split())


@dataclass(frozen=True)
class Phrase:
    """Word indexes (into the passage's flat word list) kept or dropped together."""

    words: tuple[int, ...]
    required: bool  # kept whenever its clause is


@dataclass(frozen=True)
class Clause:
    sentence: int
    phrases: tuple[Phrase, ...]
    leans_back: bool  # opens with a relative word: never kept

    @property
    def words(self) -> list[int]:
        return [i for phrase in self.phrases for i in phrase.words]


@dataclass(frozen=True)
class Passage:
    """The first lead sentences as the compressor reads them."""

    sentences: list[Lead]  # each prepared by the hand rules, with its NER tags and the article's counts

    @property
    def words(self) -> list[str]:
        return [w for lead in self.sentences for w in lead.words]


def read_passage(text: str, tag=None, count: int = SENTENCES) -> Passage:
    """The first ``count`` lead sentences of cleaned ``text`` (:func:`ghatnakram.headline.lead_sentences`),
    each through the hand rules, with NER tags (``tag``: tokens to BIO tags; the shipped NER by default)."""
    if tag is None:
        from .ner import load_tagger

        tag = load_tagger().tag
    counts = Counter(word_core(w) for w in text.split())
    leads = []
    for sentence in lead_sentences(text, count):
        words = prepare_lead(sentence)
        if words:
            leads.append(Lead(words, tag([word_core(w) or w for w in words]), counts))
    return Passage(leads)


def _starts_clause(words: list[str], i: int) -> bool:
    """A clause starts at word ``i``: after a comma, semicolon, dash or colon, or at a conjunction."""
    if i == 0:
        return True
    return words[i - 1][-1:] in ",;—" or word_core(words[i]) in _CLAUSE_CONJUNCTIONS or words[i] in ("-", "–", "—")


def sentence_clauses(lead: Lead, sentence: int, offset: int) -> list[Clause]:
    """The clauses of one prepared sentence, each a run of whole phrases; indexes shifted by ``offset``."""
    words = lead.words
    units = word_units(words, lead.tags)
    required = required_units(words, units)
    leads_on = needs_what_follows(words, units)
    phrases: list[tuple[list[int], bool]] = []
    for u, unit in enumerate(units):
        if phrases and (u > 0 and leads_on[u - 1]) and not _starts_clause(words, unit[0]):
            phrases[-1][0].extend(unit)
            phrases[-1] = (phrases[-1][0], phrases[-1][1] or required[u])
        else:
            phrases.append((list(unit), required[u]))
    clauses: list[list[tuple[list[int], bool]]] = []
    for phrase in phrases:
        if not clauses or _starts_clause(words, phrase[0][0]):
            clauses.append([])
        clauses[-1].append(phrase)
    out = []
    for clause in clauses:
        first = word_core(words[clause[0][0][0]])
        out.append(Clause(sentence, tuple(Phrase(tuple(i + offset for i in ws), req) for ws, req in clause),
                          leans_back=first in _RELATIVE_OPENERS and (sentence > 0 or clause is not clauses[0])))
    return out


def passage_clauses(passage: Passage) -> list[Clause]:
    out, offset = [], 0
    for s, lead in enumerate(passage.sentences):
        out += sentence_clauses(lead, s, offset)
        offset += len(lead.words)
    return out


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _closer(word: str) -> str:
    core = word_core(word)
    if word[-1:] in ",;:ः—":
        return "pause"
    if core in ("ने", "में", "से", "को", "पर", "तक", "का", "की", "के"):
        return core
    if core in _VERB_TAIL:
        return "verb"
    return "other"


def passage_features(passage: Passage, common: frozenset[str]) -> list[list[str]]:
    """CRF features of each word of the passage: the single-sentence features of
    :func:`ghatnakram.headline.word_features`, and the sentence, phrase and clause around it."""
    out: list[list[str]] = []
    clauses = passage_clauses(passage)
    where: dict[int, tuple[Clause, int, Phrase, int]] = {}
    for clause in clauses:
        for p, phrase in enumerate(clause.phrases):
            for i in phrase.words:
                where[i] = (clause, p, phrase, len(clause.phrases))
    words = passage.words
    seen: set[str] = set()
    offset = 0
    first_cores = {word_core(w) for w in passage.sentences[0].words} if passage.sentences else set()
    for s, lead in enumerate(passage.sentences):
        opener = word_core(lead.words[0]) if lead.words else ""
        sentence_feats = [f"sent={s}", f"anaphor={opener in _ANAPHORS}"]
        if s:
            shared = sum(word_core(w) in first_cores for w in lead.words) / len(lead.words)
            sentence_feats.append(f"shared1={_bucket(int(10 * shared), (1, 3, 5))}")
        for i, f in enumerate(word_features(lead.words, lead.tags, lead.counts, common)):
            g = offset + i
            clause, p, phrase, n_phrases = where[g]
            core = word_core(words[g])
            at = phrase.words.index(g)
            ph = "S" if len(phrase.words) == 1 else "B" if at == 0 else "E" if at == len(phrase.words) - 1 else "I"
            extra = sentence_feats + [
                f"ph={ph}", f"phlen={_bucket(len(phrase.words), (1, 2, 3, 5))}", f"phend={_closer(words[phrase.words[-1]])}",
                f"phreq={phrase.required}", f"phidx={_bucket(p, (0, 1, 2, 4))}", f"phridx={_bucket(n_phrases - 1 - p, (0, 1, 2, 4))}",
                f"clause_first={clause is clauses[0] or clause.words[0] == offset}", f"leans={clause.leans_back}",
                f"cllen={_bucket(len(clause.words), (3, 6, 10, 16))}", f"seen={core in seen}",
            ]
            extra += [f"sent={s}|{x}" for x in f if x.startswith(("pos=", "w=", "ner=", "ne="))]
            out.append(f + extra)
            seen.add(core)
        offset += len(lead.words)
    return out


def choose_words(
    keep_probability: list[float], clauses: list[Clause], max_words: int, title_words: float, clause_cost: float,
    min_words: int = 5,
) -> list[int]:
    """Indexes of the words to keep (see the module docstring): whole phrases, each kept clause
    with its required phrases, at most ``max_words`` words, the best expected F1 less
    ``clause_cost`` per extra clause. Exact, by dynamic programming over (words kept, clauses kept)."""
    NEG = -math.inf
    # best[n][c] = (value, chosen words) with n words in c clauses
    best: list[list[tuple[float, tuple[int, ...]] | None]] = [[None] * (len(clauses) + 1) for _ in range(max_words + 1)]
    best[0][0] = (0.0, ())
    for clause in clauses:
        if clause.leans_back:
            continue
        options = _clause_options(clause, keep_probability, max_words)
        if not options:
            continue
        new = [row[:] for row in best]
        for n in range(max_words + 1):
            for c in range(len(clauses)):
                if best[n][c] is None:
                    continue
                value, chosen = best[n][c]
                for k, (v, ws) in options.items():
                    if n + k > max_words:
                        continue
                    cand = (value + v, chosen + ws)
                    slot = new[n + k][c + 1]
                    if slot is None or cand[0] > slot[0]:
                        new[n + k][c + 1] = cand
        best = new
    top, top_score = (), NEG
    for n in range(1, max_words + 1):
        for c in range(1, len(clauses) + 1):
            if best[n][c] is None:
                continue
            value, chosen = best[n][c]
            score = 2 * value / (n + title_words) - clause_cost * (c - 1) - (1.0 if n < min_words else 0.0)
            if score > top_score:
                top, top_score = chosen, score
    return sorted(top)


def _clause_options(clause: Clause, keep_probability: list[float], max_words: int) -> dict[int, tuple[float, tuple[int, ...]]]:
    """For each length, the clause's best selection: its required phrases and the optional phrases
    that add the most keep probability (a knapsack over the optional phrases)."""
    required = [i for phrase in clause.phrases if phrase.required for i in phrase.words]
    base = sum(keep_probability[i] for i in required)
    table: dict[int, tuple[float, tuple[int, ...]]] = {len(required): (base, tuple(required))}
    for phrase in clause.phrases:
        if phrase.required:
            continue
        gain = sum(keep_probability[i] for i in phrase.words)
        for n, (v, ws) in list(table.items()):
            m = n + len(phrase.words)
            if m <= max_words and (m not in table or table[m][0] < v + gain):
                table[m] = (v + gain, ws + phrase.words)
    table.pop(0, None)  # a clause kept with no word is no clause
    return table


def render(passage: Passage, kept: list[int]) -> str:
    """Kept words as a headline: a comma where words of one clause or sentence are followed by
    another's after a gap, no auxiliary closing a clause inside the headline, then
    :func:`ghatnakram.headline.tidy`."""
    words = passage.words
    clauses = passage_clauses(passage)
    clause_of = {i: c for c, clause in enumerate(clauses) for i in clause.words}
    out: list[str] = []
    for a, i in enumerate(kept):
        word = words[i]
        joint = a > 0 and clause_of[i] != clause_of[kept[a - 1]]
        gap = a > 0 and (kept[a - 1] + 1 != i or clauses[clause_of[i]].sentence != clauses[clause_of[kept[a - 1]]].sentence)
        if joint and len(out) > 1 and word_core(out[-1]) in _CLOSING_AUX:
            out.pop()  # "… मामले हुए हैं, और …" → "… मामले हुए, और …": headlines drop the auxiliary
            gap = True
        if joint and gap and out[-1][-1:] not in ",;:ः—" and word_core(word) not in _CONJUNCTIONS:
            out[-1] = out[-1].rstrip("।.") + ","
        # a sentence-final danda or full stop inside the headline becomes a comma
        if a + 1 < len(kept) and word[-1:] in "।.":
            word = word.rstrip("।.") + ","
        out.append(word)
    ends = bool(kept) and kept[-1] + 1 == sum(len(lead.words) for lead in passage.sentences[: _sentence_of(passage, kept[-1]) + 1])
    return tidy(out, ends_sentence=ends)


def _sentence_of(passage: Passage, index: int) -> int:
    for s, lead in enumerate(passage.sentences):
        if index < len(lead.words):
            return s
        index -= len(lead.words)
    raise IndexError(index)


class CompressorModel:
    """The trained passage CRF and the decoder's settings."""

    def __init__(self, model: bytes, settings: dict):
        import pycrfsuite

        self._bytes = model  # crfsuite reads the model in place: keep the bytes alive
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open_inmemory(model)
        self.common = frozenset(settings["common_words"])
        self.sentences = int(settings["sentences"])
        self.max_words = int(settings["max_words"])
        self.title_words = float(settings["title_words"])
        self.clause_cost = float(settings["clause_cost"])

    def keep_probability(self, passage: Passage) -> list[float]:
        self._tagger.set(passage_features(passage, self.common))
        return [self._tagger.marginal(KEEP, i) for i in range(len(passage.words))]

    def headline(self, passage: Passage) -> str:
        """The headline for a passage (empty when it has no sentence)."""
        if not passage.words:
            return ""
        kept = choose_words(self.keep_probability(passage), passage_clauses(passage), self.max_words,
                            self.title_words, self.clause_cost)
        return render(passage, kept)


@cache
def load_compressor() -> CompressorModel:
    """The compressor shipped in ``ghatnakram/resources`` (loaded once per process)."""
    return load_compressor_from(resources.files("ghatnakram").joinpath("resources"))


def load_compressor_from(folder) -> CompressorModel:
    from .ner import ModelMissingError

    folder = Path(folder) if isinstance(folder, str) else folder
    model, settings = folder.joinpath(COMPRESSOR_MODEL), folder.joinpath(COMPRESSOR_SETTINGS)
    for needed in (model, settings):
        if not needed.is_file():
            raise ModelMissingError(
                f"headline compressor file missing: {needed}. Train it from the repository root with: "
                f"{COMPRESSOR_TRAINING_COMMAND} (reads ../shared/data)"
            )
    return CompressorModel(model.read_bytes(), json.loads(settings.read_text(encoding="utf-8")))


def compressed_headline(text: str, model: CompressorModel | None = None) -> str:
    """A headline compressed from the first lead sentences of cleaned ``text``."""
    model = model or load_compressor()
    return model.headline(read_passage(text, count=model.sentences))

