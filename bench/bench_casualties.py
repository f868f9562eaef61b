"""Death and injury counts found in incident news, checked against the disaster-events annotation.

The disaster-events corpus (../shared/data/disaster-events/train, never copied into the
repository) marks each CASUALTIES argument of an incident ("12 लोगों की मौत हो गई", "15 लोग जख्मी
हो गए"). This takes the arguments that state exactly one count and say plainly whether it is of
the dead or the injured (a word of death: मौत, मृत, मरे, मारे …; of injury: घायल, जख्मी, चोट …; not
both; no age and no scale word), and asks whether :func:`ghatnakram.facts.find_quantities`, run on the whole sentence the
argument stands in, finds that count with that unit. The count in the argument is read here by a
small table of its own (digits, and number words up to twenty), not by the code under test.

Prints, per kind (deaths, injured): arguments checked, found with the right unit, found with
another unit or none, not found; ``--misses FILE`` writes each miss with its sentence for reading.

    python bench/bench_casualties.py [--corpus DIR] [--misses FILE]
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from ghatnakram.facts import find_quantities

sys.path.insert(0, str(Path(__file__).resolve().parent))
from disaster_to_jsonl import ANNOTATED_DIR, annotated_arguments, write_misses  # noqa: E402


_DEATH = re.compile(r"मौत|मृत|मरे|मारे|मरने|जान\s+(?:गई|गयी|गंवा|गँवा|चली)|शव|लाश")
_INJURY = re.compile(r"घायल|जख्मी|ज़ख्मी|जख्‍मी|चोट")
_WORDS = dict(zip(
    "एक दो तीन चार पांच छह सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस बीस".split(),
    range(1, 21)))
_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
_NUMBER = re.compile(r"\d[\d,]*")
_SENTENCE_END = re.compile(r"(?<=[।?!|])\s+")
# Arguments whose one number is no toll (an age: "78 वर्षीय बुजुर्ग की मौत", "ओमकार (35) की मौत") or
# is scaled by a word the small table does not read ("8 हजार लोगों की मौत", "दो दर्जन … मारे गए").
_NOT_A_TOLL = re.compile(r"\d+\s*(?:वर्षीय|वर्ष|साल|बरस)|\(\s*\d+\s*\)|हजार|हज़ार|लाख|करोड़|दर्जन|सौ")


def gold_count(argument: str) -> tuple[float, str] | None:
    """The one count an argument states and whether it is of deaths or injured, or None."""
    argument = unicodedata.normalize("NFC", argument)
    kinds = [kind for kind, cue in (("deaths", _DEATH), ("injured", _INJURY)) if cue.search(argument)]
    numbers = [float(m.group().replace(",", "")) for m in _NUMBER.finditer(argument.translate(_DIGITS))]
    numbers += [float(_WORDS[w]) for w in argument.split() if w in _WORDS]
    if len(kinds) != 1 or len(numbers) != 1 or _NOT_A_TOLL.search(argument):
        return None
    return numbers[0], kinds[0]


def sentence_of(text: str, argument: str) -> str | None:
    """The sentence (or line) of ``text`` the argument stands in."""
    for line in text.split("\n"):
        for sentence in _SENTENCE_END.split(line):
            if argument in sentence:
                return sentence
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ANNOTATED_DIR)
    parser.add_argument("--misses", type=Path)
    args = parser.parse_args()
    tally: dict[str, Counter] = {"deaths": Counter(), "injured": Counter()}
    misses = []
    for path, text, arguments in annotated_arguments(args.corpus, "CASUALTIES-ARG"):
        for argument in arguments:
            gold = gold_count(argument)
            sentence = sentence_of(text, argument) if gold else None
            if sentence is None:
                continue
            value, kind = gold
            found = [q.unit for q in find_quantities(sentence) if q.value == value]
            outcome = "right unit" if kind in found else "other unit" if found else "not found"
            tally[kind][outcome] += 1
            if outcome != "right unit":
                misses.append({"file": path.name, "gold": [value, kind], "found": found, "argument": argument,
                               "sentence": sentence, "outcome": outcome})
    for kind, counts in tally.items():
        total = sum(counts.values())
        print(f"{kind:8} {total:4} arguments: right unit {counts['right unit']} ({counts['right unit'] / max(total, 1):.3f}), "
              f"other unit {counts['other unit']}, not found {counts['not found']}")
    if args.misses:
        write_misses(args.misses, misses)


if __name__ == "__main__":
    main()
