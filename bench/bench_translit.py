"""How close the letter-by-letter Latin form of a Hindi name comes to its usual English spelling.

Names of people have no list of English spellings here, but Indian places do: the gazetteer
(``resources/places.tsv``) pairs each state, district and Indian town with its English name
(Gadchiroli, Kondagaon, Dantewada). Their names follow the same sounds and spelling habits as
people's, so this scores :func:`ghatnakram.translit.to_latin` with the gazetteer lookup and the
English loanwords turned off against those English names: the share spelled exactly (letters
only, case ignored) and the mean rapidfuzz Indel similarity.

    python bench/bench_translit.py [--misses]
"""

from __future__ import annotations

import argparse
import re

from rapidfuzz.distance import Indel

from ghatnakram.places import all_places
from ghatnakram.translit import to_latin


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", text.lower())


def indian_place_names() -> list[tuple[str, str]]:
    """(Hindi, English) of every Indian state, district and town of the gazetteer."""
    return [(p.hi, p.en) for p in all_places()
            if p.kind in ("state", "district", "city") and p.id.split(":")[1] == "IN" and p.hi and p.en]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print the names not spelled exactly")
    args = parser.parse_args()
    pairs = indian_place_names()
    exact, similarity = 0, 0.0
    for hindi, english in pairs:
        latin = to_latin(hindi, gazetteer=False, loanwords=False)
        same = _letters(latin) == _letters(english)
        exact += same
        similarity += Indel.normalized_similarity(_letters(latin), _letters(english))
        if args.misses and not same:
            print(f"{hindi}\t{english}\t{latin}")
    print(f"Indian place names: {len(pairs)}; spelled as in English {exact} ({exact / len(pairs):.3f}); "
          f"mean similarity {similarity / len(pairs):.4f}")


if __name__ == "__main__":
    main()
