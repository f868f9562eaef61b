"""A Hindi gazetteer: place names in Devanagari resolved to stable place ids.

The table ``resources/places.tsv`` is built by ``training/build_places.py`` from CLDR 37
(countries, regions, time-zone cities), i18n-iso-countries and covid19india's Hindi
state/district names; ``resources/PLACES_SOURCES.md`` has the sources and licences.

Ids: ``country:IN`` (ISO 3166-1 alpha-2), ``region:150`` (UN M.49, and ``region:EU``),
``state:IN:uttar-pradesh``, ``district:IN:uttar-pradesh:lucknow``, ``city:Europe/Moscow``
(the IANA time zone of the city), and for the few places added by hand ISO country + slug
(``city:CN:wuhan``). A district's parent is its state, a state's is its country.

Names match through :func:`ghatnakram.canon.name_key`, so मास्को and मॉस्को both find Moscow.

>>> resolve_place("मास्को").id, resolve_place("उत्तर प्रदेश में").id
('city:Europe/Moscow', 'state:IN:uttar-pradesh')
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .canon import _ANUSVARA, _ARTICLES, _HALF_NASAL, _loose_word, name_key

KINDS = ("country", "state", "region", "district", "city")  # preferred first when a name is shared
_RANK = {kind: i for i, kind in enumerate(KINDS)}
# Words after a place name that do not change the place: postpositions, "district", "city" …
_TRAILING = frozenset(
    "में के की का से को पर तक ने वाले जिले जिला ज़िले ज़िला जनपद शहर नगर महानगर राज्य प्रांत देश".split()
)
_MIN_LOOSE_LETTERS = 6  # a looser match (ट/त, श/स, व/ब …) only for names at least this long
_MAX_SHORT_LETTERS = 4  # names this short must also keep their vowel lengths: पूरी (whole) is not पुरी (Puri)
_SPELLING_DROP = dict.fromkeys(map(ord, "\u093c\u0903\u200c\u200d.\u0970- "), None)


@dataclass(frozen=True)
class Place:
    """One place of the gazetteer. ``hi`` is its preferred Hindi name, ``en`` its English one."""

    id: str
    kind: str  # country | region | state | district | city
    parent: str  # id of the containing place, or "" when the sources do not say
    en: str
    hi: str
    aliases: tuple[str, ...] = ()
    source: str = ""
    # Aliases with an English name of their own, as (alias, English) pairs: a district known by
    # its headquarters town (Khordha's "भुवनेश्वर" is Bhubaneswar, Gautam Buddha Nagar's "नोएडा" Noida).
    alias_en: tuple[tuple[str, str], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.hi, *self.aliases)

    def english(self, name: str) -> str:
        """The English name of the place as ``name`` calls it: the town's own name for a district
        called by its headquarters town, else :attr:`en`.

        >>> get_place("district:IN:odisha:khordha").english("भुबनेश्वर")
        'Bhubaneswar'
        """
        if not self.alias_en:
            return self.en
        key = _loose_key(name_key(name, "LOC"))
        return next((en for alias, en in self.alias_en if _loose_key(name_key(alias, "LOC")) == key), self.en)


# Place names that are also common words (a verb, a multiplier, a given name, a market, a
# settlement, a rest house, a loanword, a couplet, a case: "फेक न्यूज", "चेक", "कबीर का दोहा",
# "न मिलने की सूरत में"), or part of other names ("टीम इंडिया", "मेक इन इंडिया"): in a headline
# they name the place only where the place is marked as one.
COMMON_WORD_PLACES = frozenset(
    "गया गुना आनंद कृष्णा मंडी बस्ती सीधी पाली सागर धार संभल फेक चेक धर्मशाला दोहा सूरत इंडिया इण्डिया".split())


@lru_cache(maxsize=1)
def _table() -> dict[str, Place]:
    text = resources.files("ghatnakram").joinpath("resources/places.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return {
        row["id"]: Place(
            id=row["id"],
            kind=row["kind"],
            parent=row["parent"],
            en=row["en"],
            hi=row["hi"],
            aliases=tuple(a.split("=")[0] for a in row["aliases"].split("|") if a),
            source=row["source"],
            alias_en=tuple(tuple(a.split("=", 1)) for a in row["aliases"].split("|") if "=" in a),
        )
        for row in rows
    }


def _spelling(name: str) -> str:
    """A name as written, less nukta, visarga, joiners, dots and word breaks; ँ, and a nasal with
    virama before a consonant, as ं (बम्बई is बंबई: vowel length still counts, nasal spelling does not)."""
    spelled = unicodedata.normalize("NFC", name).translate(_SPELLING_DROP).replace("\u0901", "\u0902").lower()
    return _HALF_NASAL.sub(_ANUSVARA, spelled)


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Name key (also without word breaks) → place ids, and loose key → place ids.

    A short key maps to ``id`` only from names spelt the same way; it is stored as
    ``key + "|" + spelling`` so that vowel length still tells short names apart.
    """
    exact: dict[str, set[str]] = {}
    loose: dict[str, set[str]] = {}
    for place in _table().values():
        for name in (*place.names, place.en, *(en for _, en in place.alias_en)):
            key = name_key(name, "LOC")
            for form in {_exact_form(key, name), _exact_form(key.replace("-", ""), name)}:
                exact.setdefault(form, set()).add(place.id)
            if len(key.replace("-", "")) >= _MIN_LOOSE_LETTERS:
                loose.setdefault(_loose_key(key), set()).add(place.id)
    return (
        {k: tuple(sorted(v)) for k, v in exact.items()},
        {k: tuple(sorted(v)) for k, v in loose.items()},
    )


def _exact_form(key: str, name: str) -> str:
    return key if len(key.replace("-", "")) > _MAX_SHORT_LETTERS else f"{key}|{_spelling(name)}"


def _loose_key(key: str) -> str:
    return "".join(_loose_word(word) for word in key.split("-"))


def resolve_place_among(name: str, named: frozenset[str]) -> Place | None:
    """:func:`resolve_place`, but a name two places share is the one inside a place of ``named``
    (the ids of the other places a story names, and of what contains them): औरंगाबाद in a story
    that names बिहार is Bihar's district, not Maharashtra's.

    >>> resolve_place_among("औरंगाबाद", frozenset({"state:IN:bihar"})).id
    'district:IN:bihar:aurangabad'
    """
    place = resolve_place(name)
    if place is not None or not named:
        return place
    candidates = places_named(name)
    found = [p for p in candidates if p.kind == candidates[0].kind]
    containing = {p.id: {outer.id for outer in parents(p.id)} for p in found}
    shared = set.intersection(*containing.values()) if containing else set()  # India, for two districts
    inside = [p for p in found if (containing[p.id] - shared) & named]
    return inside[0] if len(inside) == 1 else None


def get_place(place_id: str) -> Place | None:
    """The place with this id, or None."""
    return _table().get(place_id)


def all_places() -> tuple[Place, ...]:
    """Every place of the gazetteer, in the table's order (by kind, then id)."""
    return tuple(_table().values())


def parents(place_id: str) -> list[Place]:
    """The places containing ``place_id``, nearest first: district → state → country."""
    chain: list[Place] = []
    place = get_place(place_id)
    while place and place.parent and len(chain) < 5:
        place = get_place(place.parent)
        if place:
            chain.append(place)
    return chain


def has_states(country_id: str) -> bool:
    """Whether the gazetteer knows states of this country (India's, the US's, China's provinces)."""
    return country_id in _divided_countries()


@lru_cache(maxsize=1)
def _divided_countries() -> frozenset[str]:
    return frozenset(p.parent for p in _table().values() if p.kind == "state")


def lies_within(place_id: str, outer_id: str) -> bool:
    """Whether a place is ``outer_id`` or lies inside it: a district within its state and country."""
    return place_id == outer_id or any(p.id == outer_id for p in parents(place_id))


def places_named(name: str) -> tuple[Place, ...]:
    """Every place ``name`` may mean, best kind first (several when the name is shared).

    Tries the name as written, then without trailing postpositions and words like जिले or
    शहर ("लखनऊ जिले में" → लखनऊ), then, for names of six or more letters, a looser key
    (ट/त, श/स, व/ब, ऐ/ए folded).
    """
    exact, loose = _indexes()
    words = name.split()
    while words:
        text = " ".join(words)
        key = name_key(text, "LOC")
        ids = exact.get(_exact_form(key, text)) or exact.get(_exact_form(key.replace("-", ""), text))
        if ids:
            return _ranked(ids)
        if words[-1] not in _TRAILING:
            break
        words = words[:-1]
    key = name_key(" ".join(words), "LOC")
    if len(key.replace("-", "")) >= _MIN_LOOSE_LETTERS and _loose_key(key) in loose:
        return _ranked(loose[_loose_key(key)])
    return ()


def may_name_a_place(words: list[str]) -> bool:
    """False only where :func:`places_named` of ``" ".join(words)`` is surely empty: neither the
    words nor what is left of them without trailing postpositions has the letters of a gazetteer
    name, strictly or loosely. Word by word and cached, so a caller can skip most word runs of a
    text cheaply (a run's key is its words' keys joined)."""
    keys = [_word_keys(word) for word in words]
    strict, loose = [k for k, _ in keys], [k for _, k in keys]
    if any(key.endswith(_ARTICLE_ENDINGS) for key in strict[:-1]):
        return True  # "अल" glues to the next word: the run's key is not its words' keys joined
    strict_keys, loose_keys = _letter_sets()
    for end in range(len(words), 0, -1):
        if "".join(strict[:end]) in strict_keys or "".join(loose[:end]) in loose_keys:
            return True
        if words[end - 1] not in _TRAILING:
            return False
    return False


_ARTICLE_ENDINGS = tuple(_ARTICLES)


@lru_cache(maxsize=100_000)
def _word_keys(word: str) -> tuple[str, str]:
    """A word's name key without word breaks, and its loose key."""
    key = name_key(word, "LOC")
    return key.replace("-", ""), _loose_key(key)


@lru_cache(maxsize=1)
def _letter_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Every gazetteer name's key without word breaks (and without the spelling short keys carry), and every loose key."""
    exact, loose = _indexes()
    return frozenset(form.split("|")[0].replace("-", "") for form in exact), frozenset(loose)


def load_indexes() -> None:
    """Build the name indexes now, not at the first name looked up: processes forked afterwards share them."""
    _letter_sets()  # built from _indexes()


def _ranked(ids: tuple[str, ...]) -> tuple[Place, ...]:
    table = _table()
    return tuple(sorted((table[i] for i in ids), key=lambda p: (_RANK[p.kind], p.id)))


@lru_cache(maxsize=50_000)
def resolve_place(name: str) -> Place | None:
    """The place ``name`` means, or None if the gazetteer does not know it or it is ambiguous.

    When a name is shared by places of different kinds the higher kind wins (चंडीगढ़ → the
    union territory, not the district). Two places of the same kind (औरंगाबाद in Bihar and in
    Maharashtra) give None: without context the name is ambiguous.

    >>> resolve_place("मॉस्को").en, resolve_place("लखनऊ").parent
    ('Moscow', 'state:IN:uttar-pradesh')
    """
    found = places_named(name)
    if not found or (len(found) > 1 and found[1].kind == found[0].kind):
        return None
    return found[0]


def places_of_adjective(word: str) -> tuple[Place, ...]:
    """The places of which ``word`` may be the adjective (ईरानी → ईरान, अमेरिकी → अमेरिका: the name
    with ी for its last vowel or after it); none for a word that names a place itself (दिल्ली) or
    is too short to tell.

    >>> [p.en for p in places_of_adjective("जापानी")], places_of_adjective("दिल्ली")
    (['Japan'], ())
    """
    if not word.endswith("ी") or len(word) < 4 or resolve_place(word) is not None:
        return ()
    return tuple(place for place in (resolve_place(word[:-1]), resolve_place(word[:-1] + "ा")) if place is not None)
