"""Canonical entities across a story: one name per person, organisation and place.

Mentions from the recogniser are merged in three steps:

1. **Within an article**: a full name opens a local entity; a short form ("Kim", "Xi", "Xinhua")
   joins the local entity whose name contains it, and when several do (two Kims), the one named
   most often so far in the article (the salient one), the latest on ties. An acronym ("KCNA")
   joins the entity whose initials it spells.
2. **Across articles**: local entities merge when their names are the same after normalisation
   ("Kim Jong Un" / "Kim Jong-un", "U.N." / "UN"), when one name is a part of exactly one other
   ("Xinhua" / "Xinhua News Agency"), when an acronym spells the other ("KCNA"), and when two
   person names differ only by spelling or romanisation and share a role ("Kim Eui-keum" /
   "Kim Eui-kyeom", both "presidential spokesperson"); every spelling is kept as an alias.
3. **Nominal mentions**: "the North Korean leader" links to the one entity that carries that role.

The canonical name is the fullest form (most words) among those written at least a quarter as often
as the most frequent name of two words or more, the most frequent among those.
"""

from __future__ import annotations

import bisect
import dataclasses
import gzip
import hashlib
import itertools
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..analyze import timex as _TX
from ..analyze.entities import _PLACE_KINDS
from ..analyze.entities import country_or_capital as _country_or_capital
from ..analyze.entities import (LIST_HEADS, craft_context, given_name_or_initials, known_place, place_kinds, product_context,
                                spelled_by, split_joined_names)
from ..analyze.ner_features import PTB_BRACKETS
from ..analyze.quotes import is_anonymous_label, titled_label
from ..analyze.sentences import common_word, sentence_spans
from ..analyze.ner_roles import (DEMONYM_ENDINGS, KIN_SEX, KIN_WORDS, NAME_NUMBERS, PERSON_NOUNS, ROLE_SEX, TITLE_SEX,
                                 common_surname, first_name_sex, pronoun_sex, role_head, sex_clash)
from ..records import Article, Entity, Mention, Timex
from .names import edit_distance, search_fold
from .stopwords import ENGLISH_STOP_WORDS
from .summary_text import lower_cased_page

_log = logging.getLogger(__name__)

__all__ = ["LocalEntity", "consolidate_entities", "entity_id_for", "name_tokens", "resolve_mentions", "resolve_rules"]

_POSS = re.compile(r"(?:['’]s|['’])$")
_SPLIT = re.compile(r"[\s\-–‐]+")
_FUNCTION = frozenset(["of", "the", "and", "for", "de", "la", "le", "del", "da", "di", "von", "van", "al", "el", "on", "in"])
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "capt", "prof", "president", "chairman", "leader", "minister", "premier", "king", "queen", "prince", "pope", "sir", "lord", "lady",
                     "sgt", "maj", "adm", "cpl", "pvt", "spc", "brig"])
# a military or academic rank before a person's full name, left out of the name shown ("Col. Steven Lee
# Jordan" is Steven Lee Jordan, "Staff Sgt. Ivan Frederick" Ivan Frederick), a cleric's or a county
# sheriff's too ("Rev Jesse Jackson", "Genesee County Sheriff Robert J. Pickell")
_RANK = re.compile(r"^(?:(?:[A-Z][\w'’-]*\s+){1,2}County\s+(?=Sheriff\b))?"
                   r"(?:(?:Rev\.?|Reverend|Sheriff|Staff|Master|First|Command|Sergeant|Sgt\.?|Gen\.?|General|Col\.?|"
                   r"Colonel|Lt\.?|Lieutenant|"
                   r"Capt\.?|Captain|Maj\.?|Major|Adm\.?|Admiral|Cpl\.?|Corporal|Pvt\.?|Private|Spc\.?|Specialist|"
                   r"Brig\.?|Brigadier|Dr\.?|Prof\.?|Patrol|Police|Officer|Detective|Det\.|Deputy|Trooper|"
                   r"Inspector|Insp\.|Constable|Const\.)\s+)+(?=[A-Z][\w'’-]*\.?\s+[A-Z])")


@lru_cache(maxsize=1 << 16)  # a story's few thousand names are compared in hundreds of thousands of pairs
def name_tokens(name: str, *, short_forms: bool = True) -> tuple[str, ...]:
    """Lower-cased word tokens of a name: possessive, dots and hyphens dropped, leading titles
    removed ("Chairman Kim" -> ("kim",), "Kim Jong-un" -> ("kim", "jong", "un"), "U.N." -> ("un",)),
    and with ``short_forms`` a place's shortened word written out ("Mt Cook" -> ("mount", "cook"));
    the coreference models read the tokens as written, as they were trained."""
    s = _POSS.sub("", name.strip()).replace(".", "").lower()
    toks = [t for t in _SPLIT.split(s) if t and re.search(r"\w", t)]
    toks = [re.sub(r"^\W+|\W+$", "", t) for t in toks]
    toks = [t for t in toks if t]
    while len(toks) > 1 and (toks[0] in _TITLES or (toks[0] in ("general", "secretary") and len(toks) > 2)
                             or (short_forms and toks[0] in _POLICE_RANKS and len(toks) > 2
                                 and toks[-1] not in _ORG_GENERIC and toks[-1] not in _ORG_HEADS)):
        toks.pop(0)  # "Secretary General Ban Ki-moon" -> ban ki moon, but "General Motors" stays
    if toks and toks[0] == "the":
        toks.pop(0)
    if len(toks) < 2 or not short_forms:  # "St." alone, "ST" (the Star-Telegram) are no street
        return tuple(toks)
    last = len(toks) - 1
    return tuple(_ORDINALS.get(t) or (_SHORT_WORDS if k < last else _SHORT_ENDS).get(t, t) for k, t in enumerate(toks))


# a police rank before a full name ("Patrol Officer Ray Scheidnes" is Ray Scheidnes)
_POLICE_RANKS = frozenset("patrol police officer detective det deputy trooper inspector insp constable const "
                          "sergeant captain lieutenant corporal".split())
# a place's word a name may shorten: before another word ("Mt Cook" is Mount Cook, "St. Louis" Saint
# Louis, "Ft. Worth" Fort Worth), at its end ("Main St" Main Street, "East 5th Ave" East Fifth
# Avenue); an ordinal in figures or words ("5th", "Fifth")
_SHORT_WORDS = {"mt": "mount", "st": "saint", "ste": "sainte", "ft": "fort"}
_SHORT_ENDS = {"st": "street", "ave": "avenue", "av": "avenue", "blvd": "boulevard", "rd": "road"}
_ORDINALS = {f"{k}{'st' if k % 10 == 1 and k != 11 else 'nd' if k % 10 == 2 and k != 12 else 'rd' if k % 10 == 3 and k != 13 else 'th'}": w
             for k, w in enumerate("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
                                   "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
                                   "twentieth".split(), start=1)}


# words written as one that an acronym spells as two ("PAL": Philippine Air Lines, "Philippine Airlines")
_COMPOUND_INITIALS = {"airlines": "al", "airways": "aw"}


def _initials(toks: Sequence[str], *, split: bool = False, whole: Collection[str] = ()) -> str:
    """The first letters of a name's words ("British Airways" -> "ba"); with ``split``, a compound
    gives the letters of its parts ("Philippine Airlines" -> "pal"); a word in ``whole`` (an acronym
    the name is written with: "US Navy") gives all its letters ("usn", not "un")."""
    return "".join(t if t in whole else (_COMPOUND_INITIALS.get(t, t[0]) if split else t[0])
                   for t in toks if t not in _FUNCTION)


_COMPANY_ENDINGS = frozenset("plc inc corp corporation co ltd llc sa ag nv".split())
_ACRONYM_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,7}")  # ("UNFCCC Secretariat": not "US")


def _acronym_words(surfaces: Iterable[str]) -> frozenset[str]:
    """The words a name is written with as acronyms of their own ("US" of "US Navy", "U.N." of "U.N.
    Security Council"), as ``name_tokens`` writes them; not in a name written all in capitals
    ("RED CROSS")."""
    out: set[str] = set()
    for s in surfaces:
        words = [w.strip(",;:()\"'’") for w in _POSS.sub("", s).split()]
        if len(words) < 2 or all(w.replace(".", "").isupper() for w in words if w):
            continue
        out.update(w.replace(".", "").lower() for w in words if _ACRONYM_WORD.fullmatch(w))
    return frozenset(out)


# the states AP style writes with two dotted letters ("Raleigh, N.C.", "Washington, D.C."), by their names
_DOTTED_STATES = {"nc": ("north", "carolina"), "nd": ("north", "dakota"), "nh": ("new", "hampshire"),
                  "nj": ("new", "jersey"), "nm": ("new", "mexico"), "ny": ("new", "york"), "ri": ("rhode", "island"),
                  "sc": ("south", "carolina"), "sd": ("south", "dakota"), "dc": ("district", "of", "columbia")}


def _is_acronym_of(short: Sequence[str], long: Sequence[str], whole: Collection[str] = ()) -> bool:
    """'kcna' ~ 'korean central news agency'; 'un security council' ~ 'united nations security council';
    an acronym among the longer name's words (``whole``, as ``_acronym_words`` finds them) is spelt
    whole: 'usn' ~ 'us navy', not 'un'. A state's two letters ("N.C.", "D.C.") are that state's alone,
    not a body's ("National Center", "DaimlerChrysler Corp.")."""
    if len(short) >= len(long) or not short:
        return False
    if len(short) == 1 and short[0] in _DOTTED_STATES:
        return tuple(long) == _DOTTED_STATES[short[0]]
    if len(short) == 1 and len(short[0]) == 2 and tuple(short) in _STATE_NAMES:
        # so are a state's or a union's two letters ("US", "UK", "EU"; not the "UNFCCC Secretariat")
        return _STATE_NAMES[tuple(short)] in (tuple(long), _STATE_NAMES.get(tuple(long)))
    acr = short[0]
    if len(acr) < 2:
        return False
    rest = tuple(short[1:])
    if rest and tuple(long[-len(rest):]) != rest:
        return False
    head = [t for t in long[:len(long) - len(rest)] if t not in _FUNCTION]
    if len(head) < 2:
        return False
    if not any(t in whole for t in head):
        return acr in (_initials(head), _initials(head, split=True))
    if tuple(short) in _STATE_NAMES:
        return False  # "USA" is the state, not the "U.S. Army" its letters also spell
    if len(head) == 2 and head[0] == acr and head[1] in _COMPANY_ENDINGS:
        return True  # the acronym with its company's legal ending: "BP" of "BP Plc"
    return acr in (_initials(head, whole=whole), _initials(head, split=True, whole=whole))


_ORG_GENERIC = frozenset(["communications", "industries", "enterprises", "software", "news", "agency", "agencies", "corp", "corporation", "inc", "ltd", "llc", "plc", "co", "company", "companies", "group", "party", "bank", "airlines", "airways", "air", "motors", "holdings", "international", "freight", "rail", "railway", "railways", "systems", "technologies", "university", "college", "association", "federation", "union", "council", "times", "post", "journal", "press", "service", "services", "network", "broadcasting", "television", "tv", "radio", "foundation", "institute", "club", "fc",
                          # an industry's word after a company's own name ("Arch" / "Arch Petroleum Inc")
                          "petroleum", "oil", "gas", "energy", "resources", "mining", "mines", "minerals", "chemical",
                          "chemicals", "pharmaceutical", "pharmaceuticals", "electronics", "steel", "telecom",
                          "telecommunications", "financial", "securities", "insurance", "investments", "medical",
                          "foods", "products", "exploration", "shipping", "entertainment", "media"])
# a newspaper called by the last word of its name ("the Times" for "The New York Times")
_MASTHEADS = frozenset("times post journal herald tribune globe telegraph guardian observer chronicle gazette "
                       "examiner inquirer courier".split())
_DIRECTIONS = frozenset(["north", "south", "east", "west"])
_FEATURES = frozenset(["gulf", "bay", "strait", "straits"])  # a place "X of Y" a story calls "the X"
# a country or a union of them before an organisation's own name ("U.S. Coast Guard", "U.N. Security
# Council"; "British Red Cross" is another one)
_COUNTRY_WORDS = frozenset(["us", "usa", "uk", "un", "eu"])


# Official (long) names of states and the names news writes for them: one place for a reader
# ("the Democratic People's Republic of Korea (DPRK)" is North Korea). Keys and values are name_tokens.
_STATE_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("democratic", "people's", "republic", "of", "korea"): ("north", "korea"),
    ("dprk",): ("north", "korea"),
    ("republic", "of", "korea"): ("south", "korea"),
    ("people's", "republic", "of", "china"): ("china",),
    ("prc",): ("china",),
    ("russian", "federation"): ("russia",),
    ("united", "states", "of", "america"): ("united", "states"),
    ("us",): ("united", "states"),   # "U.S.", "US"
    ("usa",): ("united", "states"),
    ("uk",): ("united", "kingdom"),  # "U.K.", "UK"
    ("islamic", "republic", "of", "iran"): ("iran",),
    ("syrian", "arab", "republic"): ("syria",),
    ("kingdom", "of", "saudi", "arabia"): ("saudi", "arabia"),
    ("socialist", "republic", "of", "vietnam"): ("vietnam",),
    ("federal", "republic", "of", "germany"): ("germany",),
    ("french", "republic"): ("france",),
    ("republic", "of", "india"): ("india",),
    ("lao", "people's", "democratic", "republic"): ("laos",),
    ("bolivarian", "republic", "of", "venezuela"): ("venezuela",),
}
# the unions of states news names by their letters ("UN", "U.N.", "EU"): one body however many pages
# use the letters and however few spell them out (unlike "CNN", which one page may spell as another
# network); a body, not a place
_UNION_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("un",): ("united", "nations"),
    ("eu",): ("european", "union"),
}
_STATE_NAMES.update(_UNION_NAMES)
# a state's other usual name: "America" alone is the United States (the continents are "North",
# "South", "Latin America" or "the Americas"), "Britain" the United Kingdom, "Holland" the Netherlands;
# the state only where the tagger read a place (``_usual_name``)
_OTHER_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {
    ("america",): ("united", "states"),
    ("britain",): ("united", "kingdom"),
    ("great", "britain"): ("united", "kingdom"),
    ("holland",): ("netherlands",),
}
_STATE_NAMES.update(_OTHER_NAMES)

# a US state as AP style abbreviates it after a town ("Laramie, Wyo.", "Pensacola, Fla."): that state,
# shown by its name ("Wash." is left out: "Washington" alone is most often the capital)
_US_STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California", "colo": "Colorado",
    "conn": "Connecticut", "del": "Delaware", "fla": "Florida", "ga": "Georgia", "ill": "Illinois",
    "ind": "Indiana", "kan": "Kansas", "kans": "Kansas", "ky": "Kentucky", "la": "Louisiana", "md": "Maryland",
    "mass": "Massachusetts", "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nev": "Nevada", "okla": "Oklahoma", "ore": "Oregon",
    "pa": "Pennsylvania", "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont", "va": "Virginia",
    "wis": "Wisconsin", "wyo": "Wyoming",
}
_US_STATE_NAMES = frozenset(_US_STATE_ABBREVIATIONS.values())
_STATE_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.?")  # "Colo.", "Va" (not "LA", "PA", "M.D.")


def _us_state_of(group: Iterable["LocalEntity"]) -> str | None:
    """The US state that every spelling of these local entities abbreviates ("Colo.", "Colo"), if one
    does, read as a place and written once with its dot ("Mo" alone may be a person's name, "Mass" a
    church's)."""
    group = list(group)
    surfaces = {x.strip() for e in group for x in e.surfaces}
    short = {x for x in surfaces if x not in _US_STATE_NAMES}  # (the state's own name may be among them)
    states = {_US_STATE_ABBREVIATIONS.get(name_tokens(x)[0]) if _STATE_ABBREVIATION.fullmatch(x) else None
              for x in short}
    if len(states) != 1 or not (all(e.label == "LOC" for e in group) and any(x.endswith(".") for x in short)) \
            or not surfaces - short <= states:
        return None
    return states.pop()


def _usual_name(e: "LocalEntity") -> tuple[str, ...] | None:
    """The usual name of the state a local entity is named by another way ("DPRK", "Britain", "Wyo.")."""
    state = _us_state_of([e])
    if state:
        return tuple(state.lower().split())
    if e.full in _OTHER_NAMES and e.label != "LOC":
        return None  # "Tom Holland ... Holland said", "Captain America", "America's Cup": no state
    return _STATE_NAMES.get(e.full)


# words a story puts before an organisation's name that are no part of it ("Daily Milliyet", "Ailing
# Philippine Airlines"), and the adjectives of a name's people or faith ("Islamic
# Virtue Party", "Chinese Communist Party")
_ORG_EPITHETS = frozenset("daily ailing embattled troubled beleaguered".split())
_ADJECTIVE_WORD = re.compile("[a-z]+(?:" + "|".join(("ic", *DEMONYM_ENDINGS)) + ")")


# a family tie told right before a name ("Trump's son, Donald Trump Jr.", "his father, Fred Trump Sr.",
# "Jackson's daughter, Paris Jackson"), or a list of children the name is in ("three children, Michael
# Joseph Jackson Jr, Paris Jackson and Prince Michael Jackson II"), not one of the person's own ("Martin
# Luther King Jr., the son of a Baptist preacher")
_FAMILY_BEFORE = re.compile(r"(?:(?:['’]s|\b[Hh]is|\b[Hh]er)\s+(?:(?:eldest|oldest|youngest|late)\s+)?(?:"
                            + KIN_WORDS + r"|dad|namesake)"
                            r"|\b(?:children|sons|daughters|kids)\s*[,:]?"
                            r"(?:\s*(?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*\s*(?:,|,?\s+and)){0,3}"
                            r"(?:\s+[A-Z][\w'’.-]*)?)\s*,?\s*$")  # (a title the name is written with: "and Prince ")


def _contains(short: Sequence[str], long: Sequence[str], label: str = "PERSON", *,
              family: Collection[tuple[str, ...]] = ()) -> bool:
    """Is ``short`` a short form of ``long``? People: any of their names ("Kim", "Xi", "Trump"),
    but a given and family name are no short form of the same with a generation that the story
    tells is a son's or a father's (``family``, the names written after a family tie: "Trump's son,
    Donald Trump Jr."), nor is that name one
    of a name without it; a bare "Trump" may be either ("Martin Luther King" is Martin Luther King
    Jr. where the story tells of no son).
    Organisations: the name without generic words ("Xinhua" / "Xinhua News Agency"). Places: only
    "the North" for "North Korea"; "Brennick" is not "Brennick General Hospital"."""
    words = set(short)
    if not short or len(short) >= len(long) or not words <= set(long):
        return False
    if label == "PERSON" or label == "NAME":
        if long[-1] in _INSTITUTION_HEADS and long[-1] not in words:
            return False  # a body or a building named for a person is not that person ("Carter Center")
        if family and (tuple(short) in family or tuple(long) in family) \
                and [t for t in short if t in NAME_NUMBERS] != [t for t in long if t in NAME_NUMBERS]:
            return len(short) == 1
        return True
    extra = [t for t in long if t not in words]
    if label == "ORG" and any(t in _GROUPS_OF_PEOPLE for t in extra):
        return False  # a body's members are not the body ("Senate" / "Senate Democrats")
    if label == "ORG":
        # "Xinhua" / "Xinhua News Agency"; "Cathay" / "Cathay Pacific" (one word more); "Coast Guard" /
        # "U.S. Coast Guard"; "Virtue Party" / "Islamic Virtue Party"; "Milliyet" / "Daily Milliyet"
        prefix = tuple(long[:len(short)]) == tuple(short)
        suffix = tuple(long[len(long) - len(short):]) == tuple(short)
        return (prefix and (all(t in _ORG_GENERIC for t in extra) or len(extra) == 1)) or \
            (suffix and len(short) == 1 and short[0] in _MASTHEADS) or \
            (suffix and len(short) >= 2 and all(t in _COUNTRY_WORDS for t in extra)) or \
            (suffix and len(extra) == 1 and (extra[0] in _ORG_EPITHETS
                                             or (len(short) >= 2 and _ADJECTIVE_WORD.fullmatch(extra[0]) is not None)))
    if label == "LOC":
        # "the North" for "North Korea"; "the Gulf" for "the Gulf of Mexico"
        return len(short) == 1 and long[0] == short[0] and (
            (short[0] in _DIRECTIONS and "country" in place_kinds(tuple(long)))  # not "the South" for South Carolina
            or (short[0] in _FEATURES and len(long) >= 3 and long[1] == "of"))
    return False


def _state_word(full: Sequence[str]) -> bool:
    """Whether a name of one word is a state's or a capital's ("Singapore", "America"): no short form of an
    organisation's longer name ("Singapore Airlines", "America News Service")."""
    return len(full) == 1 and (_country_or_capital(full[0]) or tuple(full) in _OTHER_NAMES)


_Companies = Mapping[str, frozenset[tuple[str, ...]]]


def _company_names(mentions: Iterable[Mention]) -> dict[str, frozenset[tuple[str, ...]]]:
    """The companies a story names with a legal ending ("Microsoft Corp.", "Tarvo Motor Co."), by their
    first word: their names without the ending (("microsoft",), ("tarvo", "motor"))."""
    out: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for m in mentions:
        toks = name_tokens(m.text) if m.label == "ORG" else ()
        name = _without_ending(toks)
        if 0 < len(name) < len(toks):
            out[toks[0]].add(name)
    return {w: frozenset(names) for w, names in out.items()}


def _without_ending(toks: Sequence[str]) -> tuple[str, ...]:
    """A company's name without its legal endings ("tarvo motor co" -> ("tarvo", "motor")); its first word stays."""
    k = len(toks)
    while k > 1 and toks[k - 1] in _COMPANY_ENDINGS:
        k -= 1
    return tuple(toks[:k])


def _not_the_company(short: Sequence[str], long: Sequence[str], companies: _Companies) -> bool:
    """Whether a one-word name is a company the story names with a legal ending, and ``long`` another
    thing named after it, no form of that company's name: "Microsoft" (of "Microsoft Corp.") is no short
    form of "Microsoft Network", nor "Tarvo" (of "Tarvo Motor Co.") of "Tarvo Explorer"; "Goldman" (of
    "Goldman Sachs Group Inc.") is one of "Goldman Sachs"."""
    names = companies.get(short[0]) if len(short) == 1 else None
    if not names:
        return False
    base = _without_ending(long)
    return not any(base == name[:len(base)] for name in names)


def entity_id_for(label: str, name: str) -> str:
    h = hashlib.blake2b(f"{label}\0{name.lower()}".encode(), digest_size=6)
    return "e" + h.hexdigest()


@dataclass
class LocalEntity:
    """Mentions of one entity inside one article (before the cross-article merge)."""

    label: str
    article_id: str
    names: Counter[tuple[str, ...]] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    genders: Counter[int] = field(default_factory=Counter)  # the sex its titles give ("Mrs Jackson": 2)
    acronyms: set[tuple[str, ...]] = field(default_factory=set)  # defined in brackets: "Agence France-Presse (AFP)"
    kin: set[str] = field(default_factory=set)  # family names of a relative known by a given name ("his father, Henry")
    apart: set[tuple[str, ...]] = field(default_factory=set)  # names the article writes beside it ("Trump and Melania Trump")
    last: int = 0
    pos: int = 0  # its place among its article's local entities
    _full: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def full(self) -> tuple[str, ...]:
        """The fullest name (the longest, then the most used); kept until the next mention is added."""
        if self._full is None:
            self._full = max(self.names, key=lambda n: (len(n), self.names[n]))
        return self._full

    def tokens(self) -> set[str]:
        return {t for n in self.names for t in n}

    def add(self, m: Mention, toks: tuple[str, ...], order: int, gender: int = 0) -> None:
        self.names[toks] += 1
        if gender:
            self.genders[gender] += 1
        self._full = None
        # (a name wrapped at a line's end is the name: "The\nOval" is shown as "The Oval")
        self.surfaces[_POSS.sub("", " ".join(m.text.split()))] += 1
        if m.role and m.role not in self.roles:
            self.roles.append(m.role)
        self.mentions.append(m)
        self.last = order


def _label_ok(m: Mention, e_label: str, short: bool) -> bool:
    if m.label == e_label:
        return True
    if e_label == "PERSON":
        # a surname the tagger typed otherwise ("Chairman Kim" as LOC) still joins its person,
        # but not an abbreviation ("U.N." is not the "Un" of "Kim Jong Un")
        last = m.text.split()[-1] if m.text.split() else ""
        return short and last[:1].isupper() and not last.isupper() and "." not in last
    return False


def _label_surname(m: Mention, e: LocalEntity) -> bool:
    """Whether a short word in capitals is the family name of a person whom the page names in capitals
    too: a transcript's turn label ("COOPER:" after "ANDERSON COOPER, CNN ANCHOR:"), not an acronym."""
    return (m.label == e.label == "PERSON" and len(e.full) >= 2 and name_tokens(m.text) == e.full[-1:]
            and any(" " in x and x.isupper() for x in e.surfaces))


def _abbrev(text: str) -> bool:
    """'U.N.', 'US', 'KCNA': such a form joins a longer name only by spelling its initials ("Gen.
    Miller" is a titled name, no abbreviation)."""
    w = text.strip()
    return (" " not in w and "." in w) or (w.isupper() and len(w) <= 6)


_ROYAL = frozenset(["prince", "princess", "king", "queen"])


def _royal_word(text: str) -> str | None:
    """The royal title a name opens with ("Prince Michael" -> "prince"), or None."""
    words = text.split()
    first = words[0].lower().rstrip(".") if words else ""
    return first if first in _ROYAL else None


def _royal_title(e: LocalEntity) -> str | None:
    """The royal title every surface of ``e`` opens with ("Prince Michael"), or that its roles name
    when the tagger left the title out of the name ("King [Hussein]'s absence"), or None."""
    titles = {_royal_word(s) for s in e.surfaces}
    if None in titles and e.roles:
        titles = {_royal_word(r.split()[-1]) for r in e.roles}
    return titles.pop() if len(titles) == 1 and None not in titles else None


# --- the sex of a person, so that a "Mrs Jackson" is no short form of "Michael Jackson" ----------
# 1 a man, 2 a woman, 0 not known (storyline.analyze.ner_roles: titles, roles, the census first names).

_WORD_BEFORE = re.compile(r"([A-Za-zñ]+)\.?\s+$")


def _title_sex(text: str, m: Mention) -> int:
    """The sex a title gives the mention: its own first word ("Mrs Jackson") or the word just before
    it ("Mrs. [Jackson]", as taggers trained on CoNLL leave titles out of the name)."""
    return TITLE_SEX.get(_title_of(text, m), 0)


def _title_of(text: str, m: Mention) -> str:
    """The title of a mention in lower case (see ``_title_sex``), or ""."""
    words = m.text.split()
    first = words[0].lower().rstrip(".") if words else ""
    if first in TITLE_SEX and len(words) > 1:
        return first
    before = _WORD_BEFORE.search(text[max(0, m.start - 12):m.start]) if text else None
    return before.group(1).lower() if before and before.group(1).lower() in TITLE_SEX else ""


# a spouse's title before the family name alone ("Mrs. Yeltsin"), with the family words it may stand for
_SPOUSE_TITLES = {"mrs": frozenset(["wife", "widow"]), "mr": frozenset(["husband", "widower"])}


def _titled_spouse(ents: Sequence[LocalEntity], text: str, m: Mention, toks: tuple[str, ...],
                   kin: str | None) -> LocalEntity | None:
    """The one person of the page a spouse's title and a family name alone ("Mrs. Yeltsin") and a spouse
    known by a given name ("Boris Yeltsin's doctors ..., his wife Naina said", ``_kin_surname``) both
    name: the one spouse of that family name the page names by a given name alone, or (``kin``, the
    given name's mention after the titled one) the one titled family name of that spouse's sex. None
    where there is none or more than one."""
    if m.label != "PERSON" or len(toks) != 1 or (kin is None and _title_of(text, m) not in _SPOUSE_TITLES):
        return None
    if kin is None:
        ties = _SPOUSE_TITLES.get(_title_of(text, m), frozenset())
        sex = _title_sex(text, m)
        hits = [e for e in ents if e.label == "PERSON" and toks[0] in e.kin
                and all(len(n) == 1 for n in e.names) and e.roles and all(role_head(r) in ties for r in e.roles)
                and not any(_tie_sex(text, x) == sex for x in e.mentions)]
    else:
        ties = frozenset([role_head(m.role or "") or ""])
        hits = [e for e in ents if e.label == "PERSON" and set(e.names) == {(kin,)}
                and any(_SPOUSE_TITLES.get(_title_of(text, x), frozenset()) >= ties
                        and _tie_sex(text, m) != _title_sex(text, x) for x in e.mentions)]
    return hits[0] if len(hits) == 1 else None


_TIE_BEFORE = re.compile(r"\b(his|her)\s+(?:husband|wife|widow|widower),?\s*$", re.I)


def _tie_sex(text: str, m: Mention) -> int:
    """The sex of the one whose spouse the mention is, by the possessive before its family word ("his
    husband Tom": 1), or 0. A spouse of the title's sex ("Mr. Lind" beside "his husband Tom") leaves the
    title to that person as much as to the spouse."""
    before = _TIE_BEFORE.search(text[max(0, m.start - 20):m.start]) if text else None
    return (1 if before.group(1).lower() == "his" else 2) if before else 0


def _name_spouse(e: LocalEntity) -> None:
    """Give a spouse that a given name and a titled family name both name its full name ("Naina" and
    "Mrs. Yeltsin": "Naina Yeltsin"), by which the other pages' "Naina" and "Mrs. Yeltsin" find it."""
    given = [n for n in e.names if len(n) == 1 and n[0] not in e.kin]
    family = [n for n in e.names if len(n) == 1 and n[0] in e.kin]
    if len(given) == 1 and len(family) == 1:
        e.names[given[0] + family[0]] += 0
        e._full = None


def _name_sex(toks: Sequence[str]) -> int:
    """The sex of a full name's first name, when the census gives it to one sex ("Michael Jackson": 1)."""
    return first_name_sex(toks[0]) if len(toks) >= 2 else 0


def _entity_sex(e: LocalEntity, short: Sequence[str] = ()) -> int:
    """The sex of a local entity: its titles when they agree, else a family or stage role, else the
    first name of its fullest name, unless ``short`` (a form being matched to it) holds that word:
    "Mr Kim" is a short form of "Kim Jong Un", whatever "Kim" tells in the census."""
    if len(e.genders) == 1:
        return next(iter(e.genders))
    if e.genders:
        return 0
    roles = {ROLE_SEX.get(role_head(r) or "", 0) for r in e.roles} - {0}
    if len(roles) == 1:
        return roles.pop()
    return 0 if e.full[:1] and e.full[0] in short else _name_sex(e.full)


def _defined_by(text: str, m: Mention, prev: Mention | None) -> int | None:
    """Where the name ends that a short form in brackets right after it stands for ("Agence
    France-Presse (AFP)"): the end of ``prev``, when ``m`` is a word in capitals in brackets that
    follow it; else None."""
    if prev is None or not text or " " in m.text.strip() or not m.text.isupper() or len(m.text) < 2:
        return None
    if text[prev.end:m.start].strip() != "(" or text[m.end:m.end + 1] != ")" or prev.text.isupper():
        return None  # ("LONDON (AP)": a dateline's agency)
    # the short form spells the name ("AFP" / "Agence France-Presse", "USGS" / "US Geological Survey"),
    # not "Ankara (AFP)" nor "Greg Rutherford (GBR)"
    phrase = " ".join(w for w in re.split(r"[\s-]+", prev.text.lower()) if w)
    return prev.end if spelled_by(m.text.lower(), phrase) else None


# what stands between two names of two people: "and", "or", a comma, and lower-case words (a role:
# "and first lady", "and his wife"); a possessive and a family tie ("Trump's son, Donald Trump Jr.")
_COORDINATED = re.compile(r"\s*(?:,|,?\s*and|&|or)\s+(?:[a-z][a-z-]*\s+){0,3}|"
                          r"\s*['’]s\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(KIN_SEX)) + r")\s*,?\s*")


def _local_entities(article_id: str, mentions: Sequence[Mention], text: str = "",
                    family: Collection[tuple[str, ...]] = (), companies: _Companies | None = None) -> list[LocalEntity]:
    ents: list[LocalEntity] = []
    companies = companies or {}
    # which entities can match a name at all, so that a long page is not compared pairwise: by each
    # word of their names (exact forms, short forms, longer forms all share one) and by the first
    # letter of their first word that is not a function word (acronyms)
    by_word: dict[str, set[int]] = defaultdict(set)
    by_letter: dict[str, set[int]] = defaultdict(set)
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    ended_at: dict[int, LocalEntity] = {}  # the entity of the mention ending at each offset
    # full names first pass is implicit: a short form seen before its full name opens an entity
    # that the full name then absorbs (below) when it is the only candidate.
    for i, m in enumerate(ordered):
        toks = name_tokens(m.text)
        if not toks:
            continue
        near = set().union(*(by_word.get(t, ()) for t in toks), by_letter.get(toks[0][:1], ()))
        pool = [ents[k] for k in sorted(near)]  # in the order the entities were opened
        # (the ones with every word of this name: only they can have it, or a longer form of it)
        every = set.intersection(*(by_word.get(t, set()) for t in toks))
        titled = _title_sex(text, m) if m.label == "PERSON" else 0
        sex = (titled or _name_sex(toks)) if m.label == "PERSON" else 0
        if m.label == "PERSON" and not sex and len(toks) == 1 and text:
            # a bare surname's own sentence ("Jackson ... caused his own death") keeps it from a
            # namesake of the other sex on the page ("Katherine Jackson")
            sex = pronoun_sex(text, m.end)
        kin = _kin_surname(text, m, toks, ordered[max(0, i - 8):i])
        # "President Trump and Melania Trump", "Trump and first lady Melania Trump": two people
        beside = ended_at.get(ordered[i - 1].end) if i and m.label == "PERSON" and text \
            and _COORDINATED.fullmatch(text, ordered[i - 1].end, m.start) else None
        exact = [e for e in pool if e.pos in every and toks in e.names and e.label == m.label
                 and (_kin_of(kin, e.full[-1]) or e.full == toks)
                 and not sex_clash(sex, _entity_sex(e, toks) or (titled and _pronouns_tell(text, e)))]
        if exact and m.role and m.label == "PERSON" and len(toks) == 1:
            # "President Clinton" after "Mrs Clinton" and "Bill Clinton": the namesake of that office
            namesakes = [e for e in pool if e.pos in every and e.label == "PERSON" and len(e.full) >= 2
                         and _contains(toks, e.full, "PERSON", family=family) and not sex_clash(sex, _entity_sex(e, toks))]
            office = _by_office(namesakes, m.role)
            if len(office) < len(namesakes):
                exact = office
        defined = _defined_by(text, m, ordered[i - 1] if i else None)
        # "Mrs. Varga" after "his wife Zsazsa": the wife, before a namesake of no known sex ("Tibor
        # Varga", whose first name the census lacks), unless a woman of that name is on the page too
        spouse = _titled_spouse(ents, text, m, toks, None) if titled and kin is None else None
        if spouse is not None and any(_entity_sex(e) == titled for e in pool if e is not spouse and e.pos in every):
            spouse = None
        if spouse is not None and (defined is None or defined not in ended_at):
            target = spouse
        elif defined is not None and defined in ended_at:
            # "Agence France-Presse (AFP)", "the United Nations Children's Fund (UNICEF)": the article
            # says the short form is the name before it
            target = ended_at[defined]
            target.acronyms.add(toks)
        elif exact:
            target = max(exact, key=lambda e: (len(e.mentions), e.last))
        else:
            # "British" is no short form of "British Airways", nor "Singapore" (the tagger's ORG) of "Singapore Airlines"
            demonym = (m.label == "MISC" and len(toks) == 1) or _state_word(toks)
            royal = _royal_word(m.text) if len(toks) == 1 else None
            cands = [e for e in pool if (e is not beside and e.pos in every and _label_ok(m, e.label, len(toks) == 1)
                                         and _kin_of(kin, e.full[-1])
                                         and _contains(toks, e.full, e.label, family=family)
                                         and not _not_the_company(toks, e.full, companies)
                                         and not (len(toks) == 1 and _abbrev(m.text) and not _label_surname(m, e))
                                         and not demonym
                                         and (royal is None or royal in map(_royal_word, e.surfaces))
                                         and not sex_clash(sex, _entity_sex(e, toks)))
                     or (_is_acronym_of(toks, e.full, _acronym_words(e.surfaces)) and (m.label == "PERSON") == (e.label == "PERSON"))]
            if len(toks) == 1 and toks[0] in _MASTHEADS and len({e.full for e in cands}) > 1:
                cands = []  # two newspapers of that word on the page: "the Post" is either
            if len(toks) == 1 and m.label == "PERSON" and len(cands) > 1 and first_name_sex(toks[0]):
                # a word alone is a surname before it is a first name: "John said" after "Tom John"
                # is he, not the more written John Kasich (when the word is a given name there: not
                # "Lee" of Lee Sang-min, whose family name comes first)
                surnamed = [e for e in cands if len(e.full) >= 2 and e.full[-1] == toks[0]]
                if surnamed and all(_given_name_first(e.full) for e in cands if e.full[0] == toks[0]):
                    cands = surnamed
            if len(toks) == 1 and m.label == "PERSON" and len(cands) > 1:
                # a person the article calls by the first name is not the one it calls by the surname
                # ("Elian" the boy, "Gonzalez" his father Juan Miguel Gonzalez): the namesakes not so called
                # (one the article mostly calls by the first name: "Serena" once after "Serena Williams"
                # is still the Williams of a later "Williams said")
                by_first = [e for e in cands if len(e.full) >= 2 and e.full[-1] == toks[0]
                            and e.names[(e.full[0],)] > e.names[e.full]]
                if by_first and len(by_first) < len(cands):
                    cands = [e for e in cands if e not in by_first]
            if len(toks) == 1 and m.label == "PERSON" and len(cands) > 1 and m.role:
                cands = _by_office(cands, m.role)
            if cands:
                target = max(cands, key=lambda e: (len(e.mentions), e.last))
            else:
                # a full name that completes an earlier short form ("Xi" ... "Xi Jinping")
                shorter = [e for e in pool if e.label == m.label and e is not beside and _contains(e.full, toks, m.label, family=family)
                           # a longer name before the first word of a full one ("Paris-Michael Katherine
                           # Jackson" after "Katherine Jackson") is left to the merge across articles
                           and (len(e.full) == 1 or e.full[0] == toks[0] or m.label != "PERSON")
                           and not (len(e.full) == 1 and all(_abbrev(x) for x in e.surfaces))
                           and not (e.label == "MISC" and len(e.full) == 1)
                           and not _state_word(e.full) and not _not_the_company(e.full, toks, companies)
                           and _royal_title(e) in (None, _royal_word(m.text))
                           and all(_kin_of(k, toks[-1]) for k in e.kin)  # (not "his father, Henry" ... "Henry Hyde")
                           # (a surname written with a high office, "President Clinton", is not completed by a
                           # full name without it, "Hillary Rodham Clinton": the merge across articles finds its own)
                           and not (m.label == "PERSON" and len(e.full) == 1 and not m.role and _high_offices([e]))
                           and not sex_clash(sex, _entity_sex(e) or _pronouns_tell(text, e))]
                spouse = _titled_spouse(ents, text, m, toks, kin) if len(shorter) != 1 and kin else None
                if len(shorter) == 1:
                    target = shorter[0]
                elif spouse is not None:
                    target = spouse  # "his wife Naina" and "Mrs. Yeltsin": one woman
                else:
                    target = LocalEntity(label=m.label, article_id=article_id)
                    target.pos = len(ents)
                    ents.append(target)
        target.add(m, toks, i, titled)
        if kin:
            target.kin.add(kin)
        if spouse is not None:
            _name_spouse(spouse)
        if beside is not None and beside is not target:
            beside.apart.add(toks)
        ended_at[m.end] = target
        for t in toks:
            by_word[t].add(target.pos)
        head = [t for t in toks if t not in _FUNCTION]
        if head:
            by_letter[head[0][:1]].add(target.pos)
    return ents


def _by_office(cands: list[LocalEntity], role: str) -> list[LocalEntity]:
    """Which of a page's namesakes a surname with a title means ("President Clinton" beside "Bill
    Clinton" and "Secretary of State Hillary Clinton"): those the page gave that office, else those it
    gave no other (a family tie is no office)."""
    head = role_head(role)
    if head is None or head in KIN_SEX:
        return cands
    head = _HEAD_CLASS.get(head, head)
    same = [e for e in cands if head in _role_heads(e)]
    if same:
        return same
    free = [e for e in cands if not _role_heads(e)]
    return free or cands


def _given_name_first(full: Sequence[str]) -> bool:
    """Whether a person's name reads given name first ("John Kasich"), not family name first, as
    Korean and Chinese names are written ("Lee Sang-min", "Kim Jong Un": a hyphenated given name, or
    syllables of up to three letters after the family name)."""
    rest = full[1:]
    return bool(rest) and not any("-" in w for w in rest) and not all(len(w) <= 3 for w in rest)


def _titled_person(group: Sequence[LocalEntity]) -> bool:
    """Whether an article gives the name a person's title or role ("Prime Minister Hun Sen"): a
    person then in the articles that write it bare, whatever the tagger read there."""
    return any(e.label == "PERSON" and e.roles for e in group)


def _kin_only(e: LocalEntity) -> bool:
    """Whether a local entity is known only as someone's relative: it has roles, all of them kin."""
    return bool(e.roles) and all(role_head(r) in KIN_SEX for r in e.roles)


def _kin_surname(text: str, m: Mention, toks: tuple[str, ...], before: Sequence[Mention]) -> str | None:
    """For a given name alone that the article makes someone's relative ("Charlie Gonzalez ... the
    Texas seat of his father, Henry"), the family name of the person named last before it
    (``before``, in text order): the relative bears it ("Clinton and his wife, Hillary"), not that
    of another Henry on the page. None for any other mention, and when no one is named just before."""
    head = role_head(m.role or "")
    if len(toks) != 1 or m.label != "PERSON" or head not in KIN_SEX or not _given_name(m.text, toks[0]):
        return None
    # (not another relative known by a given name: "Shepherd's father, Dennis, ... his mother, Judy")
    person = next((p for p in reversed(before) if p.label == "PERSON" and p.end <= m.start
                   and not (len(name_tokens(p.text)) == 1 and (first_name_sex(name_tokens(p.text)[0])
                                                                  or role_head(p.role or "") in KIN_SEX))), None)
    if person is None or m.start - person.end >= 200 or not _one_sentence(text, person.start, m.start):
        return None  # (named in its own sentence only)
    names = name_tokens(person.text)
    return names[-1] if names else None


def _given_name(written: str, word: str) -> bool:
    """Whether a word alone after a family word ("his wife Naina") reads as a given name: one the census
    gives a person, or a capitalised word news text does not write in lower case (not "his son,
    Junior")."""
    return bool(first_name_sex(word)) or (written[:1].isupper() and not common_word(written))


def _one_sentence(text: str, a: int, b: int) -> bool:
    """Whether offsets ``a`` and ``b`` of ``text`` are in one of its sentences (``sentence_spans``)."""
    spans = sentence_spans(text)
    k = bisect.bisect_right([s for s, _ in spans], a) - 1
    return k >= 0 and spans[k][0] <= a and b < spans[k][1]


def _kin_of(kin: str | None, family: str) -> bool:
    """Whether a relative whose kin's family name is ``kin`` (see _kin_surname) can bear ``family``:
    the same name, or the same spelt another way ("Shepherd" / "Shepard", "Fazil" / "Fazul")."""
    return kin is None or kin == family or SequenceMatcher(None, kin, family).ratio() >= 0.8


_SPOUSE_AFTER = re.compile(r"['’]s\s+(wife|husband)\b")


def _pronouns_tell(text: str, e: LocalEntity) -> int:
    """The sex the pronouns after an entity's bare names tell, when at least two agree and none
    differs, or a spouse it is said to have ("Clinton's wife"): "President Clinton ... Clinton
    said he" is no earlier short form of a later "Hillary Rodham Clinton" on the page, nor of
    "Mrs. Clinton" after "Clinton's wife, Hillary"."""
    votes: Counter[int] = Counter()
    for m in e.mentions if text else ():
        if len(name_tokens(m.text)) == 1:
            spouse = _SPOUSE_AFTER.match(text, m.end)
            votes[(1 if spouse.group(1) == "wife" else 2) if spouse else pronoun_sex(text, m.end)] += 2 if spouse else 1
    votes.pop(0, None)
    return next(iter(votes)) if len(votes) == 1 and sum(votes.values()) >= 2 else 0


class _DSU:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


_HEAD_CLASS = {"spokesman": "spokesperson", "spokeswoman": "spokesperson", "spokespeople": "spokesperson",
               "chairwoman": "chairman", "chairperson": "chairman", "chair": "chairman", "advisor": "adviser"}


# a family tie is no office: two sons of one man ("Saif al-Islam Gadhafi", "Saadi Gadhafi") share the role
# "son" and a surname, and are two people
def _role_heads(e: LocalEntity) -> set[str]:
    return {_HEAD_CLASS.get(h, h) for r in e.roles if (h := role_head(r)) and h not in KIN_SEX}


# the offices of a head of a state, a government, a state or a town, which one person holds one at a time
_HIGH_OFFICES = {"president": "president", "gov": "governor", "governor": "governor", "king": "king", "queen": "queen",
                 "emperor": "emperor", "sultan": "sultan", "mayor": "mayor", "chancellor": "chancellor",
                 "premier": "premier"}


def _high_offices(group: Iterable[LocalEntity]) -> set[str]:
    """The high offices (``_HIGH_OFFICES``) a name's local entities are given ("President", "then Gov.")."""
    return {_HIGH_OFFICES[h] for e in group for h in _role_heads(e) if h in _HIGH_OFFICES}


def _spelling_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Kim Eui-keum' / 'Kim Eui-kyeom', 'Darius Kowalczyk' / 'Dariusz Kowalczyk': as many words,
    one of them spelt differently (or the family name first and the same), or every one of them
    close ('Moammar Gadhafi' / 'Muammar Gaddafi'), and close overall."""
    if len(a) < 2 or len(a) != len(b) or a == b:
        return False
    pairs = [(x, y) for x, y in zip(a, b) if x != y]
    # every word romanised another way ("Moammar Gadhafi" / "Muammar Gaddafi"): each still close
    every = len(pairs) == len(a) and all(SequenceMatcher(None, x, y).ratio() >= 0.7 for x, y in pairs)
    if len(pairs) > 1 and a[0] != b[0] and not every:
        return False
    # each word spelt differently is still that word ("keum"/"kyeom", "Aleksandr"/"Alexander"), not
    # another name ("Herb"/"Buck"): one that starts otherwise is within two edits (a quarter of a
    # long word), as a shared ending is no shared name ("Viktor Gerashchenko" of Russia's Central
    # Bank / "Viktor Yushchenko" of Ukraine's, both chairmen)
    if any(SequenceMatcher(None, x, y).ratio() < 0.55
           or (x[0] != y[0] and edit_distance(x, y, cap=12) > max(2, min(len(x), len(y)) // 4)) for x, y in pairs):
        return False
    return SequenceMatcher(None, "".join(a), "".join(b)).ratio() >= (0.8 if every else 0.75)


# English short forms of first names ("Ed Chernoff" / "Edward Chernoff"); forms of two names ("Pat":
# Patrick or Patricia) or names in their own right ("Frank", "Jack") are left out
_NICKNAMES = {
    "ed": "edward", "eddie": "edward", "ted": "edward", "bob": "robert", "rob": "robert", "bobby": "robert",
    "bill": "william", "will": "william", "billy": "william", "mike": "michael", "mick": "michael",
    "jim": "james", "jimmy": "james", "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard",
    "rich": "richard", "dave": "david", "dan": "daniel", "danny": "daniel", "joe": "joseph", "tony": "anthony",
    "chris": "christopher", "steve": "steven", "stephen": "steven", "ben": "benjamin", "sam": "samuel",
    "alex": "alexander", "andy": "andrew", "drew": "andrew", "nick": "nicholas", "matt": "matthew",
    "ron": "ronald", "don": "donald", "ken": "kenneth", "larry": "lawrence",
    "jerry": "gerald", "greg": "gregory", "jeff": "jeffrey", "fred": "frederick", "tim": "timothy",
    "vince": "vincent", "walt": "walter", "hank": "henry", "harry": "henry", "johnny": "john",
    "chuck": "charles", "charlie": "charles", "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth",
    "kate": "katherine", "katie": "katherine", "kathy": "katherine", "cathy": "catherine",
    "jenny": "jennifer", "jen": "jennifer", "sue": "susan", "suzy": "susan", "peggy": "margaret",
    "maggie": "margaret", "meg": "margaret", "becky": "rebecca", "debbie": "deborah", "deb": "deborah",
    "pam": "pamela", "barb": "barbara", "vicky": "victoria", "nate": "nathan", "phil": "philip",
    "doug": "douglas", "abe": "abraham", "judy": "judith", "jack": "john", "pete": "peter", "pat": "patrick",
    "ray": "raymond", "gene": "eugene", "newt": "newton", "al": "albert", "sandy": "sandra", "cindy": "cynthia",
    "patty": "patricia", "trish": "patricia", "terry": "terence", "tess": "theresa", "teddy": "theodore",
    "arik": "ariel",
}


def _first_name(w: str) -> str:
    return _NICKNAMES.get(w, w)


def _nickname_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Ed Chernoff' / 'Edward Chernoff': the same name but for a first name and its short form; one
    may add middle names ('Bill Clinton' / 'William Jefferson Clinton')."""
    if len(a) > len(b):
        a, b = b, a
    return (len(a) >= 2 and a[0] != b[0] and a[-1] == b[-1] and set(a[1:-1]) <= set(b[1:-1])
            and _first_name(a[0]) == _first_name(b[0]))


def _typo_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Dikemebe Mutombo' / 'Dikembe Mutombo': one long word (6+ letters) misspelt by a letter or
    two, or one word romanised two ways ('Farouq' / 'Farouk al-Sharaa'), the other words the same,
    or the given names of a long name each a letter apart; close enough to merge without a shared role."""
    if len(a) < 2 or len(a) != len(b):
        return False
    pairs = [(x, y) for x, y in zip(a, b) if x != y]
    if len(pairs) == 1:
        x, y = pairs[0]
        return (min(len(x), len(y)) >= 6 and SequenceMatcher(None, x, y).ratio() >= 0.85) or \
            (min(len(x), len(y)) >= 4 and _romanised(x) == _romanised(y))
    # a name of three words or more with its family name the same and each other word transliterated
    # by a letter ("Lamen Khalifa Fhimah" / "Lamin Khalifah Fhimah")
    return (len(a) >= 3 and len(pairs) < len(a) and a[-1] == b[-1] and len(a[-1]) >= 4
            and all(min(len(x), len(y)) >= 4 and (edit_distance(x, y, cap=3) <= 1 or _romanised(x) == _romanised(y))
                    for x, y in pairs))


# one sound written two ways by two romanisations ("Farouq" / "Farouk", "Gadhafi" / "Gaddafi")
_ROMANISED = ((re.compile(r"q"), "k"), (re.compile(r"ou"), "u"), (re.compile(r"ph"), "f"),
              (re.compile(r"([dkgt])h"), r"\1"), (re.compile(r"ee"), "i"), (re.compile(r"y$"), "i"),
              (re.compile(r"(.)\1"), r"\1"))


def _romanised(word: str) -> str:
    for rx, rep in _ROMANISED:
        word = rx.sub(rep, word)
    return word


_VOWELS = re.compile(r"[aeiouyhw]")
_HARD = {"g": "k", "q": "k", "c": "k"}


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A word as it sounds in the romanisations news uses for one name: its first letter (g, q and c
    as k), then its consonants, doubled letters once ("Gadhafi", "Gaddafi", "Qaddafi", "Kadhafi": kdf;
    "Moammar", "Muammar": mr)."""
    w = _romanised(re.sub(r"[^a-z]", "", word.lower()))
    if not w:
        return ""
    key = _HARD.get(w[0], w[0]) + _VOWELS.sub("", w[1:])
    return re.sub(r"(.)\1+", r"\1", key)


def name_sound(name: str) -> str:
    """A name's ``sound_key`` word by word ("Moammar Gadhafi" and "Muammar Qaddafi": "mr kdf"), the key
    under which the store finds every spelling of a name."""
    return " ".join(sound_key(t) for t in _sounded(name))


def spelled_alike(a: str, b: str) -> bool:
    """Two spellings of one name: the same words, or words that sound alike (``sound_key``) and are
    close in letters, those of five letters or more ("Gaddafi" / "Gadhafi" / "Qaddafi")."""
    ta, tb = _sounded(a), _sounded(b)
    if ta == tb:
        return bool(ta)
    return len(ta) == len(tb) and all(x == y or (min(len(x), len(y)) >= 5 and _romanised_word(x, y))
                                      for x, y in zip(ta, tb))


def _romanised_word(x: str, y: str) -> bool:
    """One word in two romanisations: it sounds the same (``sound_key``), ends on the same letter
    ("Petrov" / "Petrova" are a man's and a woman's name) and is close in letters, and the two are not
    both common family names ("Sanders" / "Saunders", "Miller" / "Mueller" are two families)."""
    return (sound_key(x) == sound_key(y) and x[-1] == y[-1] and SequenceMatcher(None, x, y).ratio() >= 0.7
            and not (common_surname(x) and common_surname(y)))


def _sounded(name: str) -> tuple[str, ...]:
    """The words of a name that tell it apart: no title, no Arabic article ("Muammar al-Gaddafi"), each
    folded as a reader without its accents types it (``search_fold``: "Ørsted" as "orsted", "Müller" as
    "muller"; a name in ASCII as it is)."""
    return tuple(t for t in map(search_fold, _untitled(name_tokens(name))) if t not in ("al", "el"))


def _untitled(full: tuple[str, ...]) -> tuple[str, ...]:
    """A person's name less the titles and ranks it opens with."""
    k = 0
    while k < len(full) - 2 and (full[k] in _TITLES or full[k] in _RANK_WORDS):
        k += 1
    return full[k:]


_RANK_WORDS = frozenset("general colonel lieutenant captain major admiral sergeant corporal private brigadier "
                        "commander marshal field".split())


def _romanised_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Moammar Gadhafi' / 'Muammar Gaddafi' / 'Muammar Qaddafi': as many words, each the same or the
    same word in another romanisation (``sound_key``) and close in letters, the family name of five
    letters or more. ('Ali Hassan' / 'Ali Hussein' sound alike but are two names: too far in letters.)"""
    a, b = _untitled(a), _untitled(b)   # ("Colonel Muammar Qaddafi")
    if len(a) < 2 or len(a) != len(b) or a == b or min(len(a[-1]), len(b[-1])) < 5:
        return False
    return all(x == y or _romanised_word(x, y) for x, y in zip(a, b))


_SPELLING = ((re.compile(r"isation"), "ization"), (re.compile(r"ise$"), "ize"), (re.compile(r"our$"), "or"),
             (re.compile(r"tre$"), "ter"), (re.compile(r"ence$"), "ense"), (re.compile(r"ogue$"), "og"))


def _british_american(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'World Health Organisation' / 'Organization', 'Ministry of Defence' / 'Defense': one name in
    British and American spelling (an article may write both, quoting another outlet)."""
    if len(a) != len(b) or a == b:
        return False

    def norm(w: str) -> str:
        for rx, rep in _SPELLING:
            w = rx.sub(rep, w)
        return w
    return all(x == y or norm(x) == norm(y) for x, y in zip(a, b))


def _place_and_its_adjective(x: str, y: str) -> bool:
    """Whether ``y`` is the adjective made from the known place ``x`` by a regular ending ("palestine" /
    "palestinian", "russia" / "russian", "japan" / "japanese", "iraq" / "iraqi", "mexico" / "mexican"); not
    another place's ("nigerian" is Nigeria's, not Niger's), nor one of a name the lists give a country and a
    region ("Georgia National Guard", the state's, and "Georgian National Guard", the country's)."""
    return len(x) >= 4 and y in {x + "n", x + "an", x + "ian", x + "i", x + "ese", x[:-1] + "an", x[:-1] + "ian",
                                 x[:-1] + "ese"} and known_place(x) and not (y[:-1] != x and known_place(y[:-1])) \
        and not {"country", "region"} <= place_kinds((x,))


def _adjective_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Palestine National Council' / 'Palestinian National Council', 'Asia Pacific Economic Cooperation' /
    'Asian Pacific ...': one body's name with a place or its adjective before its other words, those the
    same; not a last word ("Latin America" / "Latin American": a place and an adjective)."""
    if len(a) != len(b) or len(a) < 2:
        return False
    pairs = [(k, x, y) for k, (x, y) in enumerate(zip(a, b)) if x != y]
    return len(pairs) == 1 and pairs[0][0] < len(a) - 1 and (
        _place_and_its_adjective(pairs[0][1], pairs[0][2]) or _place_and_its_adjective(pairs[0][2], pairs[0][1]))


def _merge_across(locals_: list[LocalEntity], family: Collection[tuple[str, ...]] = (),
                  companies: _Companies | None = None) -> list[list[LocalEntity]]:
    n = len(locals_)
    companies = companies or {}
    dsu = _DSU(n)
    # the same full name is one entity whatever type the tagger gave it in each article
    # ("Northline Freight" read as ORG in one article and as LOC in another)
    by_name: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, e in enumerate(locals_):
        by_name[e.full].append(i)
    # ... but a "Mrs Jackson" and a "Mr Jackson" (or a bare "Jackson") are kept apart until the
    # short forms have found their longer names (below)
    sex = [_entity_sex(e) if e.label == "PERSON" else 0 for e in locals_]
    fulls: list[tuple[tuple[str, tuple[str, ...]], int]] = []
    parts_of: dict[tuple[str, ...], dict[int, int]] = {}
    members: dict[int, list[int]] = {}  # the local entities of each part, by its first
    for full, idx in by_name.items():
        parts: dict[int, list[int]] = defaultdict(list)
        for j in idx:
            parts[sex[j]].append(j)
        parts_of[full] = {g: part[0] for g, part in parts.items()}
        for part in parts.values():
            members[part[0]] = part
            for j in part[1:]:
                dsu.union(part[0], j)
            votes = Counter(locals_[j].label for j in part for _ in locals_[j].mentions)
            fulls.append((("PERSON" if _titled_person([locals_[j] for j in part]) else votes.most_common(1)[0][0],
                            full), part[0]))
    # indexes, so that a story with many names is not compared pairwise
    by_token: dict[str, list[int]] = defaultdict(list)
    by_initials: dict[str, list[int]] = defaultdict(list)
    weight_of: Counter[tuple[str, ...]] = Counter()
    for e in locals_:
        weight_of[e.full] += len(e.mentions)
    whole_of: dict[int, frozenset[str]] = {}  # the acronym words each longer name is written with ("US" of "US Navy")
    for k, ((_, f2), _) in enumerate(fulls):
        if len(f2) > 1:
            for t in set(f2):
                by_token[t].append(k)
            words = [t for t in f2 if t not in _FUNCTION]
            whole = whole_of[k] = _acronym_words(s for j in members[fulls[k][1]] for s in locals_[j].surfaces)
            for acr in {_initials(words, whole=whole), _initials(words, split=True, whole=whole)}:
                by_initials[acr].append(k)
    # a name that is part of exactly one longer name of the same type; an acronym
    into: list[tuple[int, tuple[str, ...], int]] = []  # (a person's name of 2+ words, its words, the longer one)
    for (label, full), i in fulls:
        if label == "MISC" and len(full) == 1:
            continue  # a demonym ("British") is no short form of a longer name ("British Airways")
        abbrev = len(full) == 1 and all(_abbrev(x) for x in locals_[i].surfaces)
        if label == "ORG" and _state_word(full):
            continue  # "Singapore" read as an organisation beside "Singapore Airlines" is the country
        cands = set(by_token.get(full[0], ())) | set(by_initials.get(full[0], ()))
        if len(full) > 1:
            cands |= set(by_token.get(full[-1], ()))
        every = set.intersection(*(set(by_token.get(t, ())) for t in set(full)))  # (with all its words)
        matched = [k for k in cands
                   if (k in every and fulls[k][0][0] == label and not abbrev
                       and _contains(full, fulls[k][0][1], label, family=family)
                       and not _not_the_company(full, fulls[k][0][1], companies))
                   or ((fulls[k][0][0] == "PERSON") == (label == "PERSON") and _is_acronym_of(full, fulls[k][0][1],
                                                                                               whole_of[k])
                       # a widely used acronym is not renamed by one page's expansion of it ("CNN" on
                       # hundreds of pages, "Christian News Network" on one; "US" and "United States"
                       # on many stay one)
                       and not (len(by_name[full]) >= 3 and len(by_name[fulls[k][0][1]]) == 1))]
        if label == "ORG" and len(full) == 1 and full[0] in _MASTHEADS \
                and len({fulls[k][0][1] for k in matched if len(fulls[k][0][1]) > 1}) > 1:
            matched = []  # "the Post" of a story naming the Washington Post and the Jerusalem Post: either
        if label == "PERSON" and len(full) == 1 and first_name_sex(full[0]):
            # a given name alone is no short form of a middle name ("Wayne" of "Matthew Wayne Shepard");
            # a family name in the middle is ("Pinochet" of "Augusto Pinochet Ugarte")
            matched = [k for k in matched if full[0] in (fulls[k][0][1][0], fulls[k][0][1][-1])]
            if all(_kin_only(locals_[j]) and locals_[j].kin for j in by_name[full]):
                # "his father, Henry" is no other Henry the story names, but the one of the family name
                # of the person named before him ("his mother, Judy" after "Matthew Shepard")
                kin = {k for j in by_name[full] for k in locals_[j].kin}
                matched = [k for k in matched if any(_kin_of(x, fulls[k][0][1][-1]) for x in kin)]
        if label == "PERSON" and len(full) == 1:
            # a surname an article writes beside a longer name ("Trump and first lady Melania Trump")
            # is not that person
            apart = {n for j in members[i] for n in locals_[j].apart}
            matched = [k for k in matched if fulls[k][0][1] not in apart]
            # "President Clinton" on five pages is not the "then Gov. George Clinton" of a sixth: a longer
            # name that held other high offices only is a namesake
            offices = _high_offices(locals_[j] for j in members[i])
            if offices:
                matched = [k for k in matched if not (other := _high_offices(locals_[j] for j in members[fulls[k][1]]))
                           or other & offices]
        if sex[i]:  # "Mrs Jackson" is no short form of "Michael Jackson" but may be one of "Katherine Jackson"
            matched = [k for k in matched if not sex_clash(sex[i], _entity_sex(locals_[fulls[k][1]], full))]
        royal = _royal_title(locals_[i])
        if royal and len(full) == 1:
            # "Prince Michael" (a son) is no short form of "Michael Jackson"; "King Abdullah" is one of
            # "King Abdullah bin Abdulaziz"
            matched = [k for k in matched if royal in map(_royal_word, locals_[fulls[k][1]].surfaces)]
        longer = {dsu.find(fulls[k][1]) for k in matched}
        if len(longer) > 1 and len({fulls[k][0][1] for k in matched}) == 1:
            # one longer name whose articles were kept apart by sex alone ("Mr. Kim" in one, no title in
            # another): its parts are joined again below (_reunite_by_sex), so it is one name here
            longer = {dsu.find(fulls[matched[0]][1])}
        if len(longer) > 1 and label == "ORG" and all(fulls[k][0][1][:len(full)] == full for k in matched) \
                and _one_kind_of_suffix([fulls[k][0][1][len(full):] for k in matched]):
            # "Cathay Pacific": "Cathay Pacific Airways" and "Cathay Pacific Airlines" are one airline
            for k in matched:
                dsu.union(i, fulls[k][1])
            continue
        if len(longer) == 1 and len(full) > 1 and label == "PERSON":
            into.append((i, full, fulls[matched[0]][1]))  # joined below, once every such name is known
        elif len(longer) == 1:
            dsu.union(i, longer.pop())
        elif len(longer) > 1 and len(full) == 1:
            # two Kims: the short form goes to the most named of them, story-wide
            best = max(matched, key=lambda k: (weight_of[fulls[k][0][1]], -fulls[k][1]))
            dsu.union(i, fulls[best][1])
    _join_longer_names(dsu, into, locals_, family)
    _reunite_by_sex(dsu, parts_of, sex, locals_)
    # a state's official name ("Democratic People's Republic of Korea", "DPRK") and its usual name
    # (not an acronym an article spelt out as something else: "Pew Research Center (PRC)")
    spelt: dict[int, bool] = defaultdict(bool)
    for j, f in enumerate(locals_):
        if len(f.full) > 1 and f.full not in _STATE_NAMES:
            spelt[dsu.find(j)] = True
    home: dict[tuple[str, ...], int] = {}  # each state's first name written, when the usual one is not
    for i, e in enumerate(locals_):
        common = _usual_name(e)
        if not common or (len(e.full) == 1 and spelt[dsu.find(i)]):
            continue
        if by_name.get(common):
            dsu.union(i, by_name[common][0])
        else:  # ("UK" and "Britain", "Colo." twice, with no "United Kingdom" or "Colorado" written)
            dsu.union(i, home.setdefault(common, i))
    # one word that an article uses as the short form of an organisation ("Northline Freight ...
    # Northline says") is that organisation in the other articles too, whatever type the tagger gave it,
    # but a demonym is not ("the Libyan Council" on one page does not make every "Libyan" a council), nor
    # a place the story names on its own on more pages than the organisation is called by it ("Washington"
    # on twenty pages, the short form of "the Washington Institute" on one)
    short_of: dict[tuple[str, ...], set[int]] = defaultdict(set)
    # (nor a surname on a page that names its person in full: "Clinton" beside Hillary Clinton is no
    # short form of "the Clinton Foundation" in the other articles)
    named_in_full = {(e.article_id, e.full[-1]) for e in locals_ if e.label == "PERSON" and len(e.full) >= 2}
    for i, e in enumerate(locals_):
        if e.label == "ORG":
            for name in e.names:
                if len(name) == 1 and name != e.full and (e.article_id, name[0]) not in named_in_full:
                    short_of[name].add(i)
    for i, e in enumerate(locals_):
        owners = {dsu.find(k) for k in short_of.get(e.full, ())}
        if e.label not in ("ORG", "MISC") and len(e.full) == 1 and len(owners) == 1 and not _state_word(e.full) \
                and not (e.label == "LOC" and len(by_name[e.full]) > len(short_of[e.full])):
            dsu.union(i, owners.pop())
    # an acronym an article defines in brackets ("Agence France-Presse (AFP)") is that name in the other
    # articles too, whatever type the tagger gave either
    acronym_of: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for i, e in enumerate(locals_):
        for acronym in e.acronyms:
            if acronym != e.full:
                acronym_of[acronym].add(i)
    for i, e in enumerate(locals_):
        owners = {dsu.find(k) for k in acronym_of.get(e.full, ())}
        # (not a widely used acronym that one page spells out as something else: "CNN" on many pages)
        if len(e.full) == 1 and len(owners) == 1 and not (len(by_name[e.full]) >= 3 and len(acronym_of[e.full]) == 1):
            dsu.union(i, owners.pop())
    # a bare surname the tagger read as an organisation ("Ecevit, who served as prime minister ...") is the
    # person it names when an article that writes it names one person of that surname in full
    persons: dict[str, set[int]] = defaultdict(set)
    person_arts: dict[int, set[str]] = defaultdict(set)
    for i, e in enumerate(locals_):
        if e.label == "PERSON" and len(e.full) >= 2:
            persons[e.full[-1]].add(dsu.find(i))
    for i, e in enumerate(locals_):
        person_arts[dsu.find(i)].add(e.article_id)
    for i, e in enumerate(locals_):
        roots = persons.get(e.full[0], set()) if e.label == "ORG" and len(e.full) == 1 \
            and not any(_abbrev(x) for x in e.surfaces) else set()  # ("U.N." is no surname of Kim Jong Un)
        if len(roots) == 1 and e.article_id in person_arts[next(iter(roots))]:
            dsu.union(i, next(iter(roots)))
    # spelling / romanisation variants of a person with the same role (blocked by first and last word)
    # and, without a role, a long word misspelt, when no article names both (that would be two people);
    # an organisation or a place spelt two ways ("World Health Organisation" / "Organization",
    # "Ministry of Defence" / "Defense") by the same test for a long word
    blocks: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for i, e in enumerate(locals_):
        if e.label in ("PERSON", "ORG", "LOC") and len(e.full) >= 2:
            blocks[(e.label, 0, e.full[0])].append(i)
            blocks[(e.label, 1, e.full[-1])].append(i)
            if e.label == "PERSON" and e.roles:  # every word romanised another way: "Gadhafi" / "Gaddafi"
                blocks[(e.label, 2, e.full[-1][:2])].append(i)
            if e.label == "PERSON":  # ... "Qaddafi" too, with no role given
                blocks[(e.label, 3, sound_key(e.full[-1]))].append(i)
    articles_of: dict[tuple[str, ...], set[str]] = defaultdict(set)  # the articles writing each full name
    for e in locals_:
        articles_of[e.full].add(e.article_id)
    for block in blocks.values():
        for x in range(len(block)):
            i = block[x]
            for j in block[x + 1:]:
                a, b = locals_[i], locals_[j]
                if dsu.find(i) == dsu.find(j) or sex_clash(sex[i], sex[j]):
                    continue  # (first names or titles of two sexes: "Alexandra" / "Alexander Moss" are two people)
                # (two spellings in one article are two people: "minister Moussa Koussa met minister Mussa Kusa")
                unshared = not (articles_of[a.full] & articles_of[b.full])
                if (a.label == "PERSON" and a.roles and b.roles and _spelling_variant(a.full, b.full)
                        and (_role_heads(a) & _role_heads(b)) and unshared) \
                        or (_typo_variant(a.full, b.full) and unshared) \
                        or (a.label == "PERSON" and _nickname_variant(a.full, b.full)) \
                        or (a.label == "PERSON" == b.label and _romanised_name(a.full, b.full) and unshared) \
                        or (a.label != "PERSON" and _british_american(a.full, b.full)) \
                        or (a.label == "ORG" == b.label and _adjective_variant(a.full, b.full)) \
                        or (a.label == "ORG" == b.label and _suffix_variant(a.full, b.full)) \
                        or (len(a.full) != len(b.full) and "".join(a.full) == "".join(b.full)):  # "LaToya" / "La Toya"
                    dsu.union(i, j)
    groups: dict[int, list[LocalEntity]] = defaultdict(list)
    for i, e in enumerate(locals_):
        groups[dsu.find(i)].append(e)
    return list(groups.values())


# the words a company's name may end on, in kinds that say the same ("Airways" / "Airlines")
_SUFFIX_KINDS = ({"airlines", "airways", "air", "lines"},
                 {"corp", "corporation", "co", "company", "inc", "incorporated", "ltd", "limited", "plc", "llc"},
                 {"railway", "railways", "rail", "railroad"})


_SUFFIX_KIND = {w: i for i, kind in enumerate(_SUFFIX_KINDS) for w in kind}


def _one_kind_of_suffix(tails: Sequence[Sequence[str]]) -> bool:
    """Whether names that add these words to one short name are one organisation: each adds words
    of one kind only, the same kind for all ("Cathay Pacific" + "Airways" / "Airlines"; not "Tata" +
    "Motors" / "Group")."""
    kinds = {_SUFFIX_KIND.get(t) for tail in tails for t in tail}
    return all(tails) and len(kinds) == 1 and None not in kinds


def _suffix_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Cathay Pacific Airways' / 'Cathay Pacific Airlines', 'Delta Air Lines' / 'Delta Airlines':
    one name and two endings of one kind."""
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    return k > 0 and _one_kind_of_suffix([a[k:], b[k:]])


def _join_longer_names(dsu: _DSU, into: Sequence[tuple[int, tuple[str, ...], int]],
                       locals_: Sequence[LocalEntity], family: Collection[tuple[str, ...]] = ()) -> None:
    """A person's name of two words or more joins the one longer name that holds it ("Hosni Mubarak"
    / "Muhammad Hosni Sayyid Mubarak"), unless that longer name holds two such names with other first
    words: then only a name that starts as it does joins it ("Paris-Michael Katherine Jackson" is
    Paris Jackson, not her grandmother Katherine Jackson). Nor does a relative's name join a longer
    one with another first name, or a name join a relative's with another first name (``family``: the
    names written after a family tie): a family shares its surname, and a child's middle name is often
    a parent's ("his father, Joseph Jackson" is not "Michael Joseph Jackson Jr"; "Michael Jackson" is
    not his daughter "Paris Michael Katherine Jackson")."""
    by_long: dict[int, list[tuple[int, tuple[str, ...], int]]] = defaultdict(list)
    for i, full, j in into:
        by_long[dsu.find(j)].append((i, full, j))
    for names in by_long.values():
        firsts = {full[0] for _, full, _ in names}
        for i, full, j in names:
            long = locals_[j].full
            relative = long in family or full in family or _kin_only(locals_[i])
            if full[0] == long[0] or (len(firsts) == 1 and not relative):
                dsu.union(i, j)


def _reunite_by_sex(dsu: _DSU, parts_of: dict[tuple[str, ...], dict[int, int]], sex: Sequence[int],
                    locals_: Sequence[LocalEntity]) -> None:
    """One name's local entities that were kept apart by sex ("Mrs Jackson", "Mr Jackson", a bare
    "Jackson") join again, unless the groups they have reached by now hold people of two sexes: the
    bare "Jackson" that went to "Michael Jackson" stays away from "Mrs Jackson"; "Mr Smith" and
    "Smith", with no longer name in the story, are one."""
    sexes: dict[int, set[int]] = defaultdict(set)
    mentions: Counter[int] = Counter()  # of each group, as the short forms left them
    for j, g in enumerate(sex):
        if g:
            sexes[dsu.find(j)].add(g)
        mentions[dsu.find(j)] += len(locals_[j].mentions)
    for parts in parts_of.values():
        if len(parts) < 2:
            continue
        # the sexed parts first, the one whose group is the most mentioned first
        order = sorted(parts, key=lambda g: (g == 0, -mentions[dsu.find(parts[g])]))
        for g in order[1:]:
            a, b = dsu.find(parts[order[0]]), dsu.find(parts[g])
            if a == b or any(sex_clash(x, y) for x in sexes[a] for y in sexes[b]):
                continue
            dsu.union(a, b)
            root = dsu.find(a)
            sexes[root] = sexes.pop(a, set()) | sexes.pop(b, set()) | sexes[root]


def _distinct_names(groups: Sequence[Sequence[LocalEntity]], labels: Sequence[str], names: Sequence[str]) -> list[str]:
    """Two entities the merge kept apart under one canonical name ("Michael Jackson" the singer, and his
    son "Michael Joseph Jackson Jr", most of whose mentions read "Michael Jackson"): the most mentioned
    keeps the name, each other takes its fullest form no other entity is named by (and so an id of its
    own)."""
    out = list(names)
    by_name: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (label, name) in enumerate(zip(labels, names)):
        by_name[(label, name)].append(i)
    taken = {(label, name) for label, name in zip(labels, names)}
    for (label, _), idx in by_name.items():
        if len(idx) < 2:
            continue
        idx.sort(key=lambda i: -sum(len(e.mentions) for e in groups[i]))
        for i in idx[1:]:
            forms: Counter[str] = Counter()
            for e in groups[i]:
                forms.update(e.surfaces)
            free = [f for f in forms if (label, f) not in taken and name_tokens(f)]
            if free:
                out[i] = max(free, key=lambda f: (len(name_tokens(f)), forms[f], len(f)))
                taken.add((label, out[i]))
    return out


_SHOWN_TITLES = {"mr": "Mr.", "mrs": "Mrs.", "ms": "Ms.", "miss": "Miss", "dr": "Dr."}


def _titled_namesakes(groups: Sequence[Sequence[LocalEntity]], labels: Sequence[str], names: Sequence[str],
                      texts: dict[str, str]) -> list[str]:
    """A person named by a surname alone that another person of the story bears ("Clinton" beside "Bill
    Clinton": Mrs. Clinton, whom the story never names in full) is shown with the title the articles
    give her ("Mrs. Clinton"), so that a reader does not take one for the other."""
    out = list(names)
    surnames = {name_tokens(n)[-1] for n, label in zip(names, labels) if label == "PERSON" and len(name_tokens(n)) >= 2}
    for i, (g, label, name) in enumerate(zip(groups, labels, names)):
        toks = name_tokens(name)
        if label != "PERSON" or len(name.split()) != 1 or not toks or toks[-1] not in surnames:
            continue
        titles: Counter[str] = Counter()
        for e in g:
            for m in e.mentions:
                before = _WORD_BEFORE.search(texts.get(m.article_id, "")[max(0, m.start - 12):m.start])
                if before and before.group(1).lower() in _SHOWN_TITLES:
                    titles[_SHOWN_TITLES[before.group(1).lower()]] += 1
        if titles:
            out[i] = f"{titles.most_common(1)[0][0]} {name}"
    return out


_TOKENIZED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
_TOKENIZED_POSSESSIVE = re.compile(r"(?<=\w) (['’]s?)(?=\s|$)")


def _closed(surface: str) -> str:
    """A name as typeset: a tokenized corpus's "Strauss - Kahn" is "Strauss-Kahn" (inside one name a
    spaced hyphen between two words is the tokenizer's, not a dash), its "People 's Republic" and
    "Boarding Schools ' Association" are "People's Republic" and "Boarding Schools' Association"."""
    if " - " in surface:
        surface = _TOKENIZED_HYPHEN.sub("-", surface)
    return _TOKENIZED_POSSESSIVE.sub(r"\1", surface) if " '" in surface or " ’" in surface else surface


_PTB_BRACKET_TOKEN = re.compile("|".join(map(re.escape, PTB_BRACKETS)))


def _surfaces(group: Sequence[LocalEntity]) -> Counter[str]:
    """How often the group's mentions write each form of its name, forms typeset as names are; a form
    holding a tokenized text's bracket ("Barack -RRB- Obama", the tagger's span run across it) is no
    name to show, unless the group has no other, then shown without it."""
    surf: Counter[str] = Counter()
    for e in group:
        for x, c in e.surfaces.items():
            surf[_closed(x)] += c
    if not any(_PTB_BRACKET_TOKEN.search(x) for x in surf):
        return surf
    plain = Counter({x: c for x, c in surf.items() if not _PTB_BRACKET_TOKEN.search(x)})
    if plain:
        return plain
    cleaned: Counter[str] = Counter()
    for x, c in surf.items():
        cleaned[" ".join(_PTB_BRACKET_TOKEN.sub(" ", x).split()) or x] += c
    return cleaned


def _canonical(group: Sequence[LocalEntity]) -> str:
    surf = _surfaces(group)
    # a state is shown by its usual name, its official one kept as an alias
    usual = {_STATE_NAMES[t] for t in map(name_tokens, surf) if t in _STATE_NAMES}
    if usual:
        named = Counter({x: c for x, c in surf.items() if name_tokens(x) in usual})
        if named:
            surf = named
    state = _us_state_of(group)
    if state:  # "Colo." alone: Colorado
        return state
    # the fullest form, among the forms written often enough: a full name that one page spells out once
    # ("Muhammad Hosni Sayyid Mubarak") does not replace the one the articles use ("Hosni Mubarak")
    full = max(surf.values()) if surf else 0
    multi = [c for x, c in surf.items() if len(name_tokens(x)) >= 2]
    bar = max(1, 0.25 * max(multi)) if multi else 1
    usual_forms = [x for x in surf if surf[x] >= bar or surf[x] == full] or list(surf)
    # a word the story puts before the name is no part of it ("Daily Milliyet", "Ailing Philippine Airlines")
    plain = {name_tokens(x) for x in surf}
    usual_forms = [x for x in usual_forms if not (len(name_tokens(x)) > 1 and name_tokens(x)[0] in _ORG_EPITHETS
                                                  and name_tokens(x)[1:] in plain)] or usual_forms
    # (a title or rank before the name adds no word of it: "Colonel Muammar Qaddafi" is no fuller than
    # the "Moammar Gadhafi" most articles write)
    return max(usual_forms, key=lambda s: (len(_untitled(name_tokens(s))), surf[s], s[:1].isupper() and not s.isupper(),
                                           len(s)))


def _role_key(role: str) -> str:
    words = role.lower().split()
    while words and words[0] in ("the", "a", "an"):
        words.pop(0)
    return " ".join(words)


def _nominal_mentions(articles: Sequence[Article], entities: dict[str, list[str]],
                      label_of: dict[str, str]) -> list[Mention]:
    """'the North Korean leader' for the one entity whose role is 'North Korean leader'."""
    by_role: dict[str, set[str]] = defaultdict(set)
    for eid, roles in entities.items():
        for r in roles:
            k = _role_key(r)
            if len(k.split()) >= 2 and "'s" not in k and "’s" not in k:
                by_role[k].add(eid)
    owner = {key: next(iter(eids)) for key, eids in by_role.items() if len(eids) == 1}
    out: list[Mention] = []
    if not owner:
        return out
    # one pattern for every role, longest first, so that each text is read once
    alts = "|".join(r"\s+".join(map(re.escape, k.split())) for k in sorted(owner, key=len, reverse=True))
    pat = re.compile(r"\b(?i:the\s+(" + alts + r"))\b(?!\s+[A-Z])")
    for a in articles:
        for mm in pat.finditer(a.text):
            holder = owner.get(" ".join(mm.group(1).lower().split()))
            if holder is not None:
                out.append(Mention(start=mm.start(), end=mm.end(), text=mm.group(0), label=label_of[holder],
                                   article_id=a.id, entity_id=holder))
    return out


_GENERATION_AFTER = re.compile(r"\s+(?:Jr|Sr|II|III|IV)\b\.?")


def with_generation(m: Mention, text: str) -> Mention:
    """A person's mention with the generation written right after it that the tagger left out
    ("Prince Michael Jackson II" read as "Michael Jackson"): the generation tells another person of the
    name (a son), who is no short form of the one without it."""
    if m.label != "PERSON" or not text or text[m.start:m.end] != m.text:
        return m
    gen = _GENERATION_AFTER.match(text, m.end)
    if gen is None:
        return m
    return dataclasses.replace(m, end=gen.end(), text=text[m.start:gen.end()])


# a royal title that is also a given name, right before a person's mention ("Prince ", "Princess ")
_GIVEN_TITLE_BEFORE = re.compile(r"\b(Prince|Princess|Queen)\s+$")


def _full_with_generation(words: Sequence[str]) -> bool:
    """A given name, a family name and a generation ("Michael Jackson II"): no royal's name."""
    return len(words) >= 3 and bool(_GENERATION_AFTER.fullmatch(" " + words[-1])) and first_name_sex(words[0]) > 0 \
        and all(w[:1].isupper() for w in words[1:-1])


def given_title_name(name: str) -> bool:
    """Whether a person's ``name`` opens with a royal title that is the person's given name ("Prince
    Michael Jackson II": ``with_given_title``)."""
    words = name.split()
    return bool(words) and _GIVEN_TITLE_BEFORE.match(words[0] + " ") is not None and _full_with_generation(words[1:])


def with_given_title(m: Mention, text: str) -> Mention:
    """A person's mention with the royal title before it that is the person's given name: before a
    given name, a family name and a generation ("Prince Michael Jackson II", a son named Prince, not a
    prince named Michael Jackson II); a royal's name has no family name and generation both ("Prince
    Charles", "Queen Elizabeth II", "Prince Norodom Ranariddh" keep their title)."""
    if m.label != "PERSON" or not text or text[m.start:m.end] != m.text or not _full_with_generation(m.text.split()):
        return m
    title = _GIVEN_TITLE_BEFORE.search(text, max(0, m.start - 10), m.start)
    if title is None or not first_name_sex(title.group(1)):
        return m
    role = None if m.role and m.role.lower() == title.group(1).lower() else m.role
    return dataclasses.replace(m, start=title.start(1), text=text[title.start(1):m.end], role=role)


_PAIR = re.compile(r"^([A-Z][\w'’.]*)[-–]([A-Z][\w'’.]*)$")


def drop_pair_compounds(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions less the pair compounds ("Kim-Trump summit", "China-DPRK relations"): one
    hyphenated word whose two halves each start a name mentioned elsewhere in the story. They
    name a relation between two entities, not an entity of their own."""
    words: set[str] = set()
    for m in mentions:
        if not _PAIR.match(m.text or ""):
            words.update(w.lower() for w in name_tokens(m.text or ""))
    out = []
    for m in mentions:
        p = _PAIR.match(m.text or "")
        if p and p.group(1).lower() in words and p.group(2).lower() in words:
            continue
        out.append(m)
    return out


_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss"})
_SCHOLAR_TITLES = frozenset({"dr", "prof"})
_GLUE_TITLES = _HONORIFICS | _SCHOLAR_TITLES


def _glue_title(words: str) -> bool:
    """Whether ``words`` open on an honorific before a name ("Dr Murray", "Mrs. Rowe")."""
    first, _, rest = words.partition(" ")
    return first.rstrip(".").lower() in _GLUE_TITLES and rest[:1].isupper()


def split_glued(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with glued person spans split: a page that runs a caption or a name into the
    next name without punctuation ("Speaking to Newsbeat Jermaine Jackson criticised ...", "Marlon,
    Jackie and Tito Jackson Michael Jackson fan Helen ...") gives one span for two names. A person
    span is split when it ends in a person's full name (two words or more) that the story names on
    its own, what comes before is a name the story also names on its own, and both are named more
    often than the glued span; or when it holds an honorific after a name ("Jackson Dr Murray", a
    headline run into a caption): a title opens a name, and both names are named more often alone."""
    seen: Counter[tuple[str, ...]] = Counter()
    person: set[tuple[str, ...]] = set()
    label_of: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for m in mentions:
        t = name_tokens(m.text or "")
        seen[t] += 1
        label_of[t][m.label] += 1
        if m.label == "PERSON":
            person.add(t)
    out: list[Mention] = []
    for m in mentions:
        text = m.text or ""
        whole = name_tokens(text)
        cut = None
        if len(whole) >= 3:
            for w in re.finditer(r"(?<=\s)\S", text):
                head, tail = name_tokens(text[:w.start()]), name_tokens(text[w.start():])
                # (a title glued after a name makes a person of what follows, whatever the tagger read)
                titled = _glue_title(text[w.start():])
                if ((len(set(tail) - NAME_NUMBERS) >= 2 and m.label == "PERSON") or titled) \
                        and tail in person and head and head in seen \
                        and min(seen[head], seen[tail]) > seen[whole]:
                    cut = w.start()
                    break
        if cut is None:
            out.append(m)
            continue
        head_text = text[:cut].rstrip()
        out.append(dataclasses.replace(m, end=m.start + len(head_text), text=head_text,
                                       label=label_of[name_tokens(head_text)].most_common(1)[0][0]))
        out.append(dataclasses.replace(m, start=m.start + cut, text=text[cut:], label="PERSON"))
    return out


_ROLE_ACRONYMS = frozenset({"ceo"})


_ROLE_PREPOSITIONS = frozenset("over against about for with to by from on in at of under after before among "
                               "between than like into onto upon toward towards".split())


def shown_role(role: str) -> str | None:
    """A role as an entity lists it, or None: an honorific alone ("Ms", "Cardiff Ms") tells no
    role, nor does a word in capitals ("KING", a transcript's speaker label; "CEO" is one), and a
    possessive cut from its owner ("'s sister") or a preposition before it ("over leader") keeps its
    role words ("sister", "leader"); a word in capitals before "Dr" or "Prof" is no part of the role
    but the object of the verb before it ("told the BBC Dr Murray": "Dr")."""
    words = role.split()
    while words and (words[0] in ("'s", "’s") or words[0] in _ROLE_PREPOSITIONS):
        words.pop(0)  # "protests over leader X": the role is "leader"
    if len(words) >= 2 and words[-1].rstrip(".").lower() in _SCHOLAR_TITLES and words[-2].isupper():
        words = words[-1:]
    shown = " ".join(words)
    head = role_head(shown) if shown else None
    if head is None or head in _HONORIFICS:
        return None
    if shown.isupper() and head not in _ROLE_ACRONYMS:
        return None  # a transcript's speaker label ("KING:"), not a role
    return shown


def _role_form(role: str) -> str:
    """A role compared without case, dots and spacing: "U.S. President" and "US President" are one."""
    return " ".join(role.lower().replace(".", "").split())


_CAMEL = re.compile(r"^[a-z]+[A-Z]")


_TIME_ZONES = frozenset("ET EST EDT CT CST CDT MT MST MDT PT PST PDT GMT BST CET CEST UTC".split())


_PARTY_TAG = re.compile(r"[RDI]-(?!Day\b)(?:[A-Z][A-Za-z]*\.?){1,2}(?:\s?[A-Z][a-z]*\.?)?")


_CURRENCY = re.compile(r"[A-Z]{1,3}\$")


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
_SHOUTED_SMALL = frozenset("no not and or the of a an in on to is it we be all our".split())


def _lower_words(articles: Sequence[Article]) -> frozenset[str]:
    """The words of four letters or more that the story's articles write in lower case."""
    return frozenset(w for a in articles for w in _LOWER_WORD.findall(a.text or ""))


def _shouted(text: str, lower: Collection[str]) -> bool:
    """Common words in capitals, not a name: a slogan or a tweet's shouting ("NO COLLUSION", "WITCH
    HUNT") whose every word the story also writes in lower case (or is a small word: "NO", "THE"). A
    single word must be long (seven letters or more), so that an acronym ("NATO", "AIDS") stays."""
    words = [w.strip(".,'’!?") for w in text.split()]
    if not words or not all(w.isupper() and w.isalpha() for w in words):
        return False
    if len(words) == 1:
        return len(words[0]) >= 7 and words[0].lower() in lower
    return all(w.lower() in lower or w.lower() in _SHOUTED_SMALL for w in words) \
        and any(len(w) >= 4 for w in words)


def _list_heading(text: str) -> bool:
    """Whether a name opens on a list's heading in capitals (``LIST_HEADS``, "DO NOT" too) before a
    capitalised word: "DO Keep jokes tight", "DON'T Do anything ..."."""
    words = text.split()
    k = 1 if words and words[0] in LIST_HEADS else 0
    if k and len(words) > 2 and words[0] == "DO" and words[1] == "NOT":
        k = 2
    return 0 < k < len(words) and bool(re.match(r"[A-Z][a-z]", words[k]))


def _name_like(text: str) -> bool:
    """A mention a reader can take as a name: it starts with a capital or a digit, a name particle
    ("de Gaulle") or a brand's lower-case letter ("iPhone"); not "inter-Korean summit", which is an
    adjective the tagger took in with its capitalised part."""
    t = text.strip()
    if ("'" in t or "’" in t) and pronoun_form(t) is not None:  # "I'm", "We're" opening a quotation (not "US")
        return False
    if f"-{t.strip('-').upper()}-" in PTB_BRACKETS:  # tokenized text's "-LRB-" is a bracket, not an organisation
        return False
    if t.upper() in _TIME_ZONES:  # "2 p.m. ET": a clock's zone, not an organisation
        return False
    if _PARTY_TAG.fullmatch(t):  # "Rep. Tom DeLay, R-Texas": a party and a state, no organisation
        return False
    if _CURRENCY.fullmatch(t):  # "US$ 20 million": a currency, no name of the United States
        return False
    if all(w.lower().rstrip(".") in _TITLES or w.lower().rstrip(".") in _POLICE_RANKS for w in t.split()):
        return False  # "Sgt.", "Lt. Col.", "Police" (of "Police Captain Tom Lee"): a rank, no one
    if t.count("(") != t.count(")"):  # "West) Bank": a bracket of the text cut into the name
        return False
    if _list_heading(t):  # "DO Keep jokes tight", "DON'T Do anything ...": a list's heading
        return False
    if is_anonymous_label(t) or re.search(r"\s[:,]\s", t) and len(t.split()) > 2:
        # a transcript's turn label: no one named ("UNIDENTIFIED MALE"), or its label run into the
        # turn's words ("E.D. HILL : Keeping", "No , no , no , no , no.")
        return False
    if not t or not t[0].islower():
        return bool(t)
    first = t.split()[0]
    return bool(_CAMEL.match(first)) or (first in _FUNCTION and len(t.split()) > 1)


_DISEASE_AFTER = re.compile(r"(?:['’]s)?[ ]+(?:[Dd]isease|[Dd]iseases|[Ss]yndrome|[Dd]isorder|[Pp]alsy|[Ss]arcoma|"
                            r"[Ll]ymphoma)\b")
_POSSESSIVE_END = re.compile(r"['’]s(?![\w'’])")


def _disease_eponyms(mentions: Sequence[Mention], texts: Mapping[str, str]) -> list[Mention]:
    """The mentions less a disease's eponym: "Parkinson" of "Parkinson's disease" or "Lyme disease" is no
    person, body or place, and neither is "people with Parkinson's" in a story that names the disease
    so (its possessive alone is the disease's short name); the name written bare stays."""
    def after(m: Mention) -> str:
        return texts.get(m.article_id, "")[m.end:m.end + 20]

    eponyms = {m.text for m in mentions if _DISEASE_AFTER.match(after(m))}
    if not eponyms:
        return list(mentions)
    return [m for m in mentions if m.text not in eponyms
            or not (_POSSESSIVE_END.match(after(m)) or _DISEASE_AFTER.match(after(m)))]


# the titles and ranks written before a full name: a person's, a soldier's, an office's, hyphenated or
# not ("Secretary-General", "Justice")
_TITLES_BEFORE_NAMES = _TITLES | _RANK_WORDS | frozenset(["secretary-general", "secretary", "director-general",
                                                          "justice", "chief", "sheik", "sheikh"])


def _titled_form(form: str, forms: Collection[str]) -> bool:
    """Whether ``form`` is a full name of ``forms`` with a title or a rank before it ("Secretary-General
    Tomas Vell", "Lt. Col. Tomas Vell"; not "General Motors" of "Motors"), or one of them with a
    sentence's stop after it ("Tomas Vell." of "... an attempt on Tomas Vell."; not a company's
    abbreviated ending: "Tarvo Corp." is its full form)."""
    words = form.split()
    k = 0
    while k < len(words) - 1 and words[k].lower().rstrip(".") in _TITLES_BEFORE_NAMES:
        k += 1
    titled = k > 0 and len(words) - k >= 2 and " ".join(words[k:]) in forms
    stopped = form.endswith(".") and form[:-1] in forms and words[-1].lower()[:-1] not in _COMPANY_ENDINGS
    return titled or stopped


def shown_aliases(name: str, surfaces: Sequence[str]) -> tuple[str, ...]:
    """The other names of an entity worth showing: its surfaces less the name itself, less the
    capitals of a form already shown (a dateline's "BRENNICK" for Brennick, a turn label's "COOPER" for
    Anderson Cooper), less a form with "the"
    before it ("The Trump" of "The Trump administration") and less a form shown with a title before it
    or a stop after it ("Sgt. Tomas Vell", "Tomas Vell."); an acronym ("NTSA") stays."""
    mixed = {name.lower(), *name.lower().split()} | {a.lower() for a in surfaces if not a.isupper()}
    forms = {name, *surfaces}
    return tuple(a for a in surfaces if a != name and not (a.isupper() and a.lower() in mixed)
                 and not (a[:4].lower() == "the " and a[4:].lower() in mixed) and not _titled_form(a, forms))


_STORM = re.compile(r"(?:Hurricane|Tropical\s+Storm|Storm|Super\s+Typhoon|Typhoon|Cyclone|Tropical\s+Cyclone|"
                    r"Tropical\s+Depression)\s+([A-Z][a-z]+)$")


def _storm_name(group: Sequence[LocalEntity]) -> str | None:
    """The name of the storm a group of mentions is ("Hurricane Mitch" -> "Mitch"), or None."""
    for e in group:
        for surface in e.surfaces:
            m = _STORM.match(surface)
            if m:
                return m.group(1)
    return None


_ORG_HEADS = frozenset("center centre institute institution foundation university college school academy ministry department "
                       "committee commission council agency association federation union party bank company corp "
                       "corporation inc ltd group fund society church hospital court tribunal board bureau office "
                       "service services league club team army navy police patrol guard organization organisation "
                       "airlines airways motors holdings industries enterprises partners mortgage insurance securities "
                       "network networks newspaper magazine".split())
# heads that name a body, never a place
_BODY_HEADS = frozenset("institute institution foundation university college academy ministry department committee "
                        "commission council agency association federation corporation fund society tribunal board "
                        "bureau patrol".split())
# heads of a body's or a building's name, never of a person's ("Carter Center", "Nevsky Monastery")
_INSTITUTION_HEADS = _BODY_HEADS | frozenset("center centre hospital museum library monastery cathedral stadium".split())
_LAND_AND_WATER = frozenset("river island islands valley mountain mountains lake bay sea ocean gulf strait peninsula "
                            "canyon desert coast".split())
_PLACE_HEADS = _LAND_AND_WATER | frozenset("province county state region district street avenue square airport port "
                                           "harbour harbor park bridge".split())


# heads of a land's or water's feature, never a body's name ("Nottingham Forest" is a club: no forest)
_NATURE_HEADS = _LAND_AND_WATER | frozenset("ridge glacier peak volcano creek hills".split())
_SHIP_PREFIXES = frozenset("USS HMS HMAS HMCS INS MV MS SS RMS USNS".split())
# heads of an event's or prize's name, never a person's ("Tony Awards", "Nobel Prize", "Super Bowl")
_EVENT_HEADS = frozenset("awards award prize prizes games olympics cup festival championship championships "
                         "bowl marathon".split())


def _place_case(name: str, label: str) -> str:
    """A place known only from a dateline in capitals ("BRUSSELS, Belgium (AP) _") in the case a
    reader writes it ("Brussels"); short capitals ("UK", "UAE") and initials ("U.S.") stay. A person
    known only from a transcript's label ("CAIN:") is written as a name ("Cain")."""
    if label == "PERSON" and name.isupper() and "." not in name and len(name.replace(" ", "")) >= 3:
        return titled_label(name)
    if label == "LOC" and name.isupper() and len(name.replace(" ", "")) >= 4 and "." not in name \
            and not (" " not in name and len(name) <= 5 and sum(c in "AEIOU" for c in name) < 2
                     and not known_place(name.lower())):  # "USGS" stays; "BASRA", "KIEV", "BONN" do not
        return " ".join(w.capitalize() if len(w) > 3 or i == 0 else w.lower() for i, w in enumerate(name.split()))
    return name


# the small words inside a person's name that its own language writes in lower case
_NAME_PARTICLES = _FUNCTION | frozenset("della du des der den ter ten bin ibn bint y e dos das do".split())


def _person_case(name: str, written: Iterable[str]) -> str:
    """A person's name with the capitals a page in lower case lost ("Kevin harlow" -> "Kevin Harlow", "Kevin
    mcbride" -> "Kevin McBride", as another form of the name writes a word if one does); a particle stays in lower case
    ("Vincent van Gogh", "Osama bin Laden"), and so does a common small word the tagger ran into the name
    ("Darryl it"); a name that opens in lower case is left as written."""
    words = name.split()
    if not words or not words[0][:1].isupper() or not any(w.islower() for w in words[1:]):
        return name
    capital = {w.lower(): w for s in written for w in s.split() if w[:1].isupper() and not w.isupper()}
    return " ".join(capital.get(w, _capitalised(w)) if w.islower() and w[:1].isalpha() and w not in _NAME_PARTICLES
                    and w not in ENGLISH_STOP_WORDS else w for w in words)


_SURNAME_PARTICLES = _NAME_PARTICLES - {"of", "the", "and", "for", "on", "in", "y", "e"}


def _particle_surnames(mentions: Sequence[Mention]) -> list[Mention]:
    """A family name that opens on a particle, written alone and with a capital ("Van den Tarvo said", "De
    Vell"), is a person's whatever type the tagger read in it, where the story names a person with it in
    full with the particle in lower case ("Hans van den Tarvo", "Ana de Vell"); not a place the lists know
    ("La Paz", whatever "Carlos de la Paz" is called)."""
    tails: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.label == "PERSON":  # (the particle in lower case in the full name: not "Will La Nina")
            words = (m.text or "").split()
            tails.update(name_tokens(" ".join(words[k:])) for k in range(1, len(words) - 1) if words[k] in _SURNAME_PARTICLES)
    if not tails:
        return list(mentions)
    return [dataclasses.replace(m, label="PERSON") if m.label != "PERSON" and name_tokens(m.text or "") in tails
            and not place_kinds(name_tokens(m.text or "")) & _PLACE_KINDS else m for m in mentions]


_CAPITAL_AFTER = re.compile(r"^(?:mc|o['’])(?=[a-z]{2})")  # "McCain", "O'Brien"


def _capitalised(word: str) -> str:
    """A family name written in lower case as it is written with its capitals: the first letter, and the one
    after "Mc" or "O'" ("mccain" -> "McCain", "o'brien" -> "O'Brien", "weiner" -> "Weiner")."""
    head = _CAPITAL_AFTER.match(word)
    k = head.end() if head else 0
    return word[:1].upper() + word[1:k] + word[k:k + 1].upper() + word[k + 1:] if k else word[:1].upper() + word[1:]


# plural words for people of one origin, faith or politics, which the tagger sometimes reads as a body
_GROUPS_OF_PEOPLE = frozenset("""latinos latinas latinx hispanics blacks whites evangelicals catholics protestants
muslims jews christians hindus sikhs mormons democrats republicans independents conservatives liberals
progressives millennials""".split())


# what only a body or a person does ("Merck said", "Pfizer Inc.", "a spokesman for Searle")
_BODY_AFTER = re.compile(r"^(?:['’]s)?\s+(?:said|says|announced|reported|told|Inc\b|Corp\b|Co\b|spokes(?:man|woman)|"
                         r"chief|executives?|officials?|shares?|stock)")
_BODY_BEFORE = re.compile(r"\b(?:spokes(?:man|woman|person)|chairman|president|executives?|officials?)\s+(?:for|of|at)\s+$")


_COMPOUND_ADJECTIVE = re.compile(r"-(?:based|led|style|made|built|born|run|owned|backed|speaking)$")
_PEOPLE_STEM = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i|ic)")


@lru_cache(maxsize=4096)
def people_word(name: str) -> bool:
    """Whether a name of the kind MISC is a people's, a faith's or a party's word or an adjective ("Chinese",
    "Serbs", "Republicans", "London-based") rather than a thing's name ("Vioxx", "Arab League"): the
    tagger's gazetteer lists it (or its singular) as MISC, or it is a people's word made from a place's
    name ("Kenyans": Kenya) or one its land's name is made from ("Uzbek": Uzbekistan)."""
    from ..analyze.entities import _land_people, _place_of_people, _resources

    words = name.split()
    if not words:
        return True
    last = words[-1].split("-")[-1]  # "Sino-Mongolian", "Ibero-American": the last part tells
    if _COMPOUND_ADJECTIVE.search(name):
        return True
    gaz = _resources().gazetteer
    single = last[:-1] if last.endswith("s") else last
    if any("MISC" in gaz.get(tuple(f.split()), ()) for f in {name, last, single}) \
            or single.lower() + "s" in _GROUPS_OF_PEOPLE:  # "Muslim", "Muslims"
        return True
    low = single.lower()
    if _land_people(single):  # "Uzbek": Uzbekistan
        return True
    return bool(_PEOPLE_STEM.fullmatch(single)) and (
        _place_of_people(single) or _place_of_people(single[:-1])
        or any(len(p) >= 4 and known_place(p) for p in (low[:-1], low[:-2], low + "s", low[:-1] + "a", low[:-2] + "os")))


def _body_named(group: Sequence["LocalEntity"], texts: Mapping[str, str]) -> bool:
    """Whether one of a name's mentions stands where only a body or a person does (``_BODY_AFTER``,
    ``_BODY_BEFORE``)."""
    for e in group:
        for m in e.mentions:
            text = texts.get(m.article_id, "")
            if _BODY_AFTER.match(text[m.end:m.end + 60]) or _BODY_BEFORE.search(text[max(0, m.start - 30):m.start]):
                return True
    return False


def _product_named(group: Sequence["LocalEntity"], texts: Mapping[str, str]) -> bool:
    """Whether one of a name's mentions stands where a product's name does (``product_context``)."""
    return any(product_context(texts.get(m.article_id, ""), m.start, m.end) for e in group for m in e.mentions)


def _craft_named(group: Sequence["LocalEntity"], texts: Mapping[str, str]) -> bool:
    """Whether one of a name's mentions stands where a craft's name does (``craft_context``)."""
    return any(craft_context(texts.get(m.article_id, ""), m.start, m.end) for e in group for m in e.mentions)


def _head_label(name: str, label: str, role: bool = False) -> str:
    """A person's label on a name whose head word names an organisation or a place ("Carter Center",
    "Ulua River"), or a place's on an organisation's ("Brookings Institution"), is the tagger's slip:
    the head tells the kind; not for a name with a person's ``role`` ("Mayor Linda Park")."""
    if label not in ("PERSON", "LOC", "ORG") or role:
        return label
    head = name.split()[-1].lower().strip(".")
    if head in _GROUPS_OF_PEOPLE and label == "ORG" and name.split()[0].lower() == head:
        return "MISC"  # "Latinos", "Evangelicals": people of one kind, no organisation
    if " " not in name:
        return label
    if label == "LOC":  # "Brookings Institution" read as a place (not "West Bank", "World Trade Center")
        return "ORG" if head in _BODY_HEADS else label
    if label == "ORG":  # "Zurbriggens Ridge" read as a body (not a ship: "USS Blue Ridge")
        return "LOC" if head in _NATURE_HEADS and name.split()[0] not in _SHIP_PREFIXES else label
    if head in _PLACE_HEADS and _given_name_and_surname(name):
        return label  # "Anthony Lake", "Ray Park": a common surname after a given name
    return ("ORG" if head in _ORG_HEADS else "LOC" if head in _PLACE_HEADS
            else "MISC" if head in _EVENT_HEADS else label)


def _given_name_and_surname(name: str) -> bool:
    """Whether a person's name of two or three words reads as a person's whatever its last word: a
    given name of the census lists, maybe a middle name or initial, and a common family name of
    the lists ("Anthony Lake", "Ray Park", "Tom H. Street"; not "Hyde Park", "Central Park")."""
    words = name.split()
    return 2 <= len(words) <= 3 and first_name_sex(words[0]) != 0 and common_surname(words[-1]) \
        and all(given_name_or_initials(w) for w in words[1:-1])


def _join_storms(groups: list[list[LocalEntity]]) -> tuple[list[list[LocalEntity]], list[bool]]:
    """A storm told by its name alone ("Mitch", read as a person) is the storm the story names in
    full ("Hurricane Mitch"): one entity, of no person's kind. Returns the groups and, for each,
    whether it is a storm."""
    named = [_storm_name(g) for g in groups]
    storms = {name.lower(): k for k, name in enumerate(named) if name}
    joined: dict[int, list[LocalEntity]] = {k: list(g) for k, g in enumerate(groups)}
    for k, g in enumerate(groups):
        fulls = {e.full for e in g}
        home = storms.get(next(iter(fulls))[0]) if len(fulls) == 1 and len(next(iter(fulls))) == 1 else None
        if home is not None and home != k and k in joined:
            joined[home].extend(joined.pop(k))
    return list(joined.values()), [bool(named[k]) for k in joined]


_CONTINENTS = frozenset(["africa", "america", "antarctica", "asia", "australia", "europe", "oceania", "eurasia",
                         "latin america", "north america", "south america", "central america", "east asia",
                         "southeast asia", "south asia", "central asia", "middle east", "the middle east"])


def _family(articles: Sequence[Article], by_art: Mapping[str, Sequence[Mention]]) -> frozenset[tuple[str, ...]]:
    """The people's names (two words or more) that some article of the story writes right after a family
    tie ("Trump's son, Donald Trump Jr.", "three children, Michael Joseph Jackson Jr, Paris Jackson and
    ..."): there a name with a generation is a son's or a father's, and the name without it another
    person; a relative's name is no longer name of a namesake with another first name."""
    out = set()
    for a in articles:
        for m in by_art.get(a.id, ()):
            toks = name_tokens(m.text or "")
            if m.label == "PERSON" and len(toks) >= 2 \
                    and _FAMILY_BEFORE.search((a.text or "")[max(0, m.start - 160):m.start]):
                out.add(toks)
    return frozenset(out)


def consolidate_entities(articles: Sequence[Article], mentions: Iterable[Mention],
                         *, nominals: bool = True) -> tuple[list[Entity], list[Mention]]:
    """Canonical entities of a story and its mentions with ``entity_id`` set.

    ``mentions`` carry ``article_id`` (as ``recognize_entities(..., article_id=...)`` gives them).
    Entities are sorted by importance: articles naming them, then mentions.
    """
    lower = _lower_words(articles)
    texts = {a.id: a.text or "" for a in articles}
    mentions = [with_given_title(with_generation(m, texts.get(m.article_id, "")), texts.get(m.article_id, ""))
                for m in _disease_eponyms(list(mentions), texts)
                if _name_like(m.text or "") and not _shouted(m.text or "", lower)]
    by_art: dict[str, list[Mention]] = defaultdict(list)
    for m in _particle_surnames(split_glued(drop_pair_compounds(split_joined_names(mentions)))):
        by_art[m.article_id].append(m)
    locals_: list[LocalEntity] = []
    family = _family(articles, by_art)
    companies = _company_names(m for ms in by_art.values() for m in ms)
    for a in articles:
        locals_.extend(_local_entities(a.id, by_art.get(a.id, []), a.text, family, companies))
    groups, storm = _join_storms(_merge_across(locals_, family, companies))
    entities: list[Entity] = []
    linked: list[Mention] = []
    roles_of: dict[str, list[str]] = {}
    label_of: dict[str, str] = {}
    # (the kind the full names were read as: "Ecevit" alone may read as an organisation, "Bulent Ecevit" not)
    # (and a name an article gives a person's title, "Prime Minister Hun Sen", is a person in the
    # articles that write it bare, whatever the tagger read there)
    labels = ["MISC" if is_storm else "PERSON" if _titled_person(g)
              else Counter(m.label for e in ([e for e in g if len(e.full) >= 2] or g)
                           for m in e.mentions).most_common(1)[0][0]
              for g, is_storm in zip(groups, storm)]
    # a group that holds a state's other name ("Britain", "Colo.") is that place, whatever the tagger
    # read in "Great Britain" or "La."
    labels = ["LOC" if label != "MISC" and any(_usual_name(e) and e.full not in _UNION_NAMES for e in g) else label
              for g, label in zip(groups, labels)]
    canonical = [_place_case(_canonical(g), label) for g, label in zip(groups, labels)]
    labels = [_head_label(name, label, any(e.roles for e in g)) for g, name, label in zip(groups, canonical, labels)]
    # (a person's name from a page in lower case shown with its capitals: "Kevin mccarthy" as "Kevin McCarthy")
    lowered = {a.id for a in articles if lower_cased_page(a.text or "")}
    recased = [label == "PERSON" and any(e.article_id in lowered for e in g) for g, label in zip(groups, labels)]
    canonical = [_RANK.sub("", name) if label == "PERSON" else name for name, label in zip(canonical, labels)]
    canonical = [_person_case(name, _surfaces(g)) if again else name for g, name, again in zip(groups, canonical, recased)]
    # a body's name the tagger took for a thing's: one that says, reports or has a spokesman ("the Arab
    # League said", "ITAR-Tass reported"), not a people's word ("Palestinians said")
    labels = ["ORG" if label == "MISC" and not is_storm and not people_word(name) and _body_named(g, texts)
              else label for g, label, name, is_storm in zip(groups, labels, canonical, storm)]
    # a name of one word that some article of the story writes where a product's name stands ("the drug
    # Vioxx", "Viagra, the impotency pill") is a product everywhere, whatever the others' tagger read
    # (and so is a craft's: "the Galileo spacecraft" on one page, "Galileo sent pictures" read as a body on another)
    labels = ["MISC" if label != "MISC" and " " not in name and not any(e.roles for e in g)
              and (_product_named(g, texts) or _craft_named(g, texts))
              else label for g, label, name in zip(groups, labels, canonical)]
    # a country or a capital named alone is a place, whatever a page about its airline made of it; a
    # continent is no person ("the senior director for Asia")
    labels = ["LOC" if (label == "ORG" and " " not in name and _country_or_capital(name.lower()))
              or (label == "PERSON" and name.lower() in _CONTINENTS) else label
              for name, label in zip(canonical, labels)]
    names = _titled_namesakes(groups, labels, _distinct_names(groups, labels, canonical),
                              {a.id: a.text or "" for a in articles})
    for g, label, name, again in zip(groups, labels, names, recased):
        eid = entity_id_for(label, name)
        aliases = _surfaces(g)
        roles: list[str] = []
        counts: Counter[str] = Counter()
        # (a title the name itself opens with is no role besides it: "Prince" of "Prince Michael Jackson II")
        own_title = _role_form(name.split()[0]) if label == "PERSON" and given_title_name(name) else ""
        for e in g:
            for r in filter(None, map(shown_role, e.roles)):
                if _role_form(r) not in {_role_form(x) for x in roles} and _role_form(r) != own_title:  # "U.S. President" = "US President"
                    roles.append(r)
            counts[e.article_id] += len(e.mentions)
            linked.extend(dataclasses.replace(m, entity_id=eid) for m in e.mentions)
        roles_of[eid] = roles
        label_of[eid] = label
        entities.append(Entity(id=eid, name=name, label=label,
                               aliases=shown_aliases(name, list(dict.fromkeys(
                                   _person_case(a, aliases) if again else a for a, _ in aliases.most_common()))),
                               roles=tuple(roles), mentions=dict(counts)))
    if nominals:
        taken = {(m.article_id, m.start) for m in linked}
        extra = [m for m in _nominal_mentions(articles, roles_of, label_of) if (m.article_id, m.start) not in taken]
        if extra:
            add: dict[str, Counter[str]] = defaultdict(Counter)
            for m in extra:
                add[m.entity_id or ""][m.article_id] += 1
            linked.extend(extra)
            entities = [dataclasses.replace(e, mentions=dict(Counter(e.mentions) + add[e.id])) if e.id in add else e
                        for e in entities]
    entities.sort(key=lambda e: (-len(e.mentions), -sum(e.mentions.values()), e.name))
    linked.sort(key=lambda m: (m.article_id, m.start))
    return entities, linked


# --- the whole story, for the Brief ---------------------------------------------------------

# --- resolve_entities: any given mentions (names, nominals, pronouns) -----------------------

_PRON_PERSON = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself"])
_PRON_THING = frozenset(["it", "its", "itself"])
_PRON_PLURAL = frozenset(["they", "them", "their", "theirs", "themselves"])
_PRON_FIRST = frozenset(["i", "me", "my", "mine", "myself"])
_PRON_WE = frozenset(["we", "us", "our", "ours", "ourselves"])
_PRON_YOU = frozenset(["you", "your", "yours", "yourself"])
_PRON_OTHER = frozenset(["who", "whom", "whose", "which", "that", "this", "these", "those", "there", "here", "where"])
PRONOUNS = _PRON_PERSON | _PRON_THING | _PRON_PLURAL | _PRON_FIRST | _PRON_WE | _PRON_YOU | _PRON_OTHER
_DETS_ALL = frozenset(["a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some", "any", "another", "each", "every", "no", "one", "two", "three"])
_TIME_WORDS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "yesterday", "tomorrow", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year", "day", "hour", "minute", "weekend"])


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s]+", text.strip()) if w]


_CONTRACTION = re.compile(r"^\W*(\w+?)(?:\s*['’](?:s|m|re|ve|d|ll))?\W*$")


def pronoun_form(text: str) -> str | None:
    """The pronoun a mention is, contractions and quotes aside ("I'm" -> "i", "We 're" -> "we"),
    else None."""
    m = _CONTRACTION.match(text.strip().lower())
    return m.group(1) if m and m.group(1) in PRONOUNS else None


def _mention_kind(text: str) -> str:
    ws = _words(text)
    low = [w.lower() for w in ws]
    if pronoun_form(text) is not None:
        return "pronoun"
    if any(ch.isdigit() for ch in text) or any(w.strip(".,") in _TIME_WORDS for w in low):
        return "time"
    content = [w for w, lw in zip(ws, low) if lw not in _DETS_ALL and re.search(r"\w", w)]
    if any(w[:1].isupper() for w in content):
        return "proper"
    return "nominal"


def _singular(w: str) -> str:
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _head(text: str) -> str:
    ws = [w.lower() for w in _words(text) if re.search(r"\w", w) and w not in ("'s", "’s")]
    if not ws:
        return text.strip().lower()
    # "the head of state" / "a member of the team": the head comes before "of"
    for i, w in enumerate(ws):
        if w == "of" and i > 0:
            return _singular(ws[i - 1])
    return _singular(ws[-1])


def resolve_rules(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[str]:
    """Entity ids by rules alone (the fallback when the pair model is not available).

    Names go through the same merging as the Brief (short forms, acronyms, variants); common-noun
    mentions join by head word; pronouns join the nearest fitting mention before them in their
    article. Every mention gets an id; an unresolved one gets an id of its own.
    """
    texts = {a.id: a.text for a in articles}
    n = len(mentions)
    dsu = _DSU(n)
    surf = []
    kinds = []
    for m in mentions:
        t = texts.get(m.article_id)
        s = t[m.start:m.end] if t is not None and 0 <= m.start < m.end <= len(t) else m.text
        surf.append(s)
        kinds.append(_mention_kind(s))
    # 1. names: local entities per article, then the cross-article merge
    by_art: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_art[m.article_id].append(i)
    locals_: list[LocalEntity] = []
    owner: dict[int, int] = {}
    for aid, idx in by_art.items():
        names = [i for i in idx if kinds[i] == "proper"]
        ms = [Mention(start=mentions[i].start, end=mentions[i].end, text=surf[i], label="NAME", article_id=aid,
                      entity_id=str(i)) for i in names]
        for e in _local_entities(aid, ms):
            k = len(locals_)
            locals_.append(e)
            for m in e.mentions:
                owner[int(m.entity_id or 0)] = k
    groups = _merge_across(locals_)
    for g in groups:
        ids = [int(m.entity_id or 0) for e in g for m in e.mentions]
        for j in ids[1:]:
            dsu.union(ids[0], j)
    # 2. common nouns and times: same head (times: same text)
    by_key: dict[tuple[str, str], int] = {}
    for i in range(n):
        if kinds[i] == "nominal":
            key = ("n", _head(surf[i]))
        elif kinds[i] == "time":
            key = ("t", " ".join(w.lower() for w in _words(surf[i]) if w.lower() not in _DETS_ALL))
        else:
            continue
        if key in by_key:
            dsu.union(by_key[key], i)
        else:
            by_key[key] = i
    # 3. pronouns: nearest earlier mention in the article that fits
    for aid, idx in by_art.items():
        order = sorted(idx, key=lambda i: (mentions[i].start, mentions[i].end))
        for pos, i in enumerate(order):
            if kinds[i] != "pronoun":
                continue
            p = surf[i].lower()
            want = "plural" if p in _PRON_PLURAL else "person" if p in _PRON_PERSON else \
                "thing" if p in _PRON_THING | _PRON_OTHER else "speaker"
            for j in reversed(order[:pos]):
                if mentions[i].start - mentions[j].end > 400:
                    break
                kj = kinds[j]
                if kj in ("pronoun", "time"):
                    if kj == "pronoun" and surf[j].lower() in (_PRON_PERSON if want == "person" else ()):
                        dsu.union(i, j)
                        break
                    continue
                if want == "person" and kj == "proper":
                    dsu.union(i, j)
                    break
                if want == "plural" and (kj == "proper" or surf[j].lower().endswith("s")):
                    dsu.union(i, j)
                    break
                if want == "thing" and kj in ("nominal", "proper"):
                    dsu.union(i, j)
                    break
                if want == "speaker":
                    break
    return [f"e{dsu.find(i)}" for i in range(n)]


# --- pairwise model for resolve_entities ----------------------------------------------------
# Every pair of mentions gets a feature vector (same head word, name containment, the two
# mentions' kinds, same article and sentence distance, similarity of the two articles, whether
# a common noun appears next to the name, pronoun antecedent position, time classes, ...);
# boosted trees trained by scripts/train_coref.py on the ECB+ train topics score it; pairs inside
# one article are rescored by a second model (below), and the cross-article pairs of a common noun
# with a name or another common noun by two more (cross_probs); cross-article pairs get two-hop support
# through article-mates (propagate); mentions are clustered on 1 - p with the linkage and
# threshold chosen on the dev topics. The trees (bags of three per model) are a gzipped JSON file in storyline/models. Cost is
# quadratic in the mentions given at once (one story or topic).


KINDS = ("proper", "nominal", "pronoun", "time")
_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n")
_WORD = re.compile(r"\w[\w'’-]*")

BASE_NAMES = [
    "bias", "same_head", "same_text", "name_sub", "tok_jacc", "same_doc", "same_sent", "sent_dist",
    "doc_sim", "head_c2", "head_c1", "ctx_head_doc", "ctx_head_topic", "antecedent", "antecedent_proper",
    "salience", "same_pron", "head_in_other", "top_name_same_doc", "top_name_of_doc", "cooc",
    "assoc_word", "assoc_word_n", "assoc_cls", "assoc_cls_n", "nearest_prop", "ment_dist", "first_prop",
    "kind_code", "sent_sim", "ctx_jacc", "time_class_lo", "time_class_hi", "time_same_class", "weekday_cmp",
    "year_cmp", "date_cmp", "num_cmp", "role_near", "role_excl", "role_near_doc",
    "role_cls", "type_fit", "type_only", "type_own_doc",
]
PAIR_KINDS = [f"{KINDS[a]}-{KINDS[b]}" for a in range(4) for b in range(a, 4)]
FEATURE_NAMES = BASE_NAMES


@dataclass
class MentionInfo:
    doc: int
    start: int
    end: int
    text: str
    kind: str
    head: str
    toks: frozenset[str]
    name: tuple[str, ...]
    sent: int
    ctx: frozenset[str]
    num: int = -1  # a count or age written in or just before the mention ("23 pirates", "a 61-year-old man")
    acronym: bool = False  # a pronoun's letters written as an acronym in prose ("US officials"; ``_acronym_in_prose``)


def _sent_bounds(text: str) -> list[int]:
    return [m.end() for m in _SENT_END.finditer(text)]


def _acronym_in_prose(s: str, text: str, start: int, end: int) -> bool:
    """Whether the mention ``s`` at ``start:end`` of ``text`` is a pronoun's letters written as an acronym
    in prose ("US officials", "the IT department"): two capitals or more beside a word of its line not in
    capitals, not in a line of capitals ("LET US PRAY") nor beside a small word in capitals (a shout: "IT WAS a lie")."""
    if not (s.isupper() and s.isalpha() and len(s) >= 2):
        return False
    before = _WORD.findall(text[max(0, start - 40):start].rsplit("\n", 1)[-1])[-1:]
    after = _WORD.findall(text[end:end + 40].split("\n", 1)[0])[:1]
    return any(not w.isupper() for w in before + after) and not any(w.isupper() and w.lower() in ENGLISH_STOP_WORDS
                                                                    for w in before + after)


def mention_infos(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[MentionInfo]:
    doc_of = {a.id: i for i, a in enumerate(articles)}
    texts = [a.text for a in articles]
    bounds = [_sent_bounds(t) for t in texts]
    lower_vocab = {w for t in texts for w in _WORD.findall(_URL.sub(" ", t)) if w.islower()}
    out = []
    for m in mentions:
        d = doc_of.get(m.article_id, -1)
        t = texts[d] if d >= 0 else ""
        ok = d >= 0 and 0 <= m.start < m.end <= len(t)
        s = t[m.start:m.end] if ok else (m.text or "")
        kind = _mention_kind(s)
        if kind == "nominal" and _head(s) in _TIMEISH_HEADS:
            kind = "time"
        if kind == "proper" and ok and _capitalised_by_style(s, t, m.start, m.end, lower_vocab):
            kind = "nominal"
        words = [w.lower() for w in _WORD.findall(s)]
        if ok:
            left = [w.lower() for w in _WORD.findall(t[max(0, m.start - 60):m.start])][-5:]
            right = [w.lower() for w in _WORD.findall(t[m.end:m.end + 60])][:5]
            ctx = frozenset(left + right)
            sent = bisect.bisect_right(bounds[d], m.start)
            num = _number_before(t[max(0, m.start - 30):m.start], s)
        else:
            ctx, sent, num = frozenset(), 0, -1
        out.append(MentionInfo(doc=d, start=m.start, end=m.end, text=s, kind=kind,
                               head=(pronoun_form(s) or _head(s)) if kind == "pronoun" else _head(s),
                               toks=frozenset(w for w in words if w not in _DETS_ALL),
                               name=name_tokens(s, short_forms=False) if kind == "proper" else (), sent=sent,
                               ctx=ctx, num=num, acronym=kind == "pronoun" and ok and _acronym_in_prose(s, t, m.start, m.end)))
    return out


_NUMBER_WORDS = {w: k for k, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                                              "nine", "ten", "eleven", "twelve"])}


def _number_before(left: str, s: str) -> int:
    """The last number among the mention's words or the three words before it, -1 if none."""
    words = [w.lower() for w in _WORD.findall(left)][-3:] + [w.lower() for w in _WORD.findall(s)]
    val = -1
    for w in words:
        w = w.split("-")[0]
        if w.isdigit() and len(w) <= 3:
            val = int(w)
        elif w in _NUMBER_WORDS and w != "one":
            val = _NUMBER_WORDS[w]
    return val


_TIMEISH_HEADS = frozenset(["second", "twice", "again", "once", "first", "third", "fourth", "time", "annual", "season",
                            "offseason", "anniversary", "decade", "quarter", "half", "period", "era", "tonight"])
_URL = re.compile(r"^[ \t]*(?:https?\s*:|www\s*\.).*$|\S*(?:https?:|www\.|\.com|\.html?)\S*", re.M)


def _capitalised_by_style(s: str, text: str, start: int, end: int, lower_vocab: set[str]) -> bool:
    """A common noun capitalised by a headline's title case or capitals ("Driver", "GRANDMOTHER",
    "Police"): every word of the mention is written in lower case elsewhere in the articles, and
    its line is in title case or the mention is in capitals."""
    words = [w for w in _WORD.findall(s) if w.lower() not in _DETS_ALL]
    if not words or not all(_POSS.sub("", w).lower() in lower_vocab for w in words):
        return False
    if s.isupper():
        return True
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = [w for w in _WORD.findall(text[lo:hi if hi >= 0 else len(text)]) if len(w) >= 4]
    return len(line) >= 2 and sum(w[:1].isupper() for w in line) >= 0.7 * len(line)


@lru_cache(maxsize=1)
def _clusters() -> dict[str, tuple[str, ...]]:
    try:
        from ..analyze.entities import _resources

        return dict(_resources().clusters)
    except Exception:  # noqa: BLE001 - the word clusters only add a feature
        return {}


def _doc_sim(articles: Sequence[Article]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [a.text for a in articles]
    try:
        x = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
        return np.asarray((x @ x.T).todense(), dtype=np.float32)
    except ValueError:  # empty vocabulary
        return np.eye(len(texts), dtype=np.float32)


def assoc_keys(info: Sequence[MentionInfo]) -> tuple[list[str], list[str]]:
    """Two type keys per mention for the learned association tables: by word (a common noun's
    head, a pronoun, the word cluster of a name's last word) and by word cluster."""
    cl = _clusters()
    kw, kc = [], []
    for x in info:
        if x.kind == "proper":
            last = x.name[-1] if x.name else x.head
            c = cl.get(last)
            kw.append("P" + (c[1] if c else "?"))
            kc.append("P" + (c[0] if c else "?"))
        elif x.kind == "nominal":
            c = cl.get(x.head)
            kw.append("N" + x.head)
            kc.append("N" + (c[1] if c else "?"))
        elif x.kind == "pronoun":
            kw.append("R" + x.head)
            kc.append("R" + x.head)
        else:
            kw.append("T")
            kc.append("T")
    return kw, kc


def assoc_key(a: str, b: str) -> str:
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


def _assoc_feature(keys: Sequence[str], table: dict[str, Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Coreference rate and log count of each pair's key pair in the table (rate -1 when unseen)."""
    n = len(keys)
    uniq = sorted(set(keys))
    uid = {k: i for i, k in enumerate(uniq)}
    rate = np.full((len(uniq), len(uniq)), -1.0, dtype=np.float32)
    cnt = np.zeros((len(uniq), len(uniq)), dtype=np.float32)
    for a, ka in enumerate(uniq):
        for b in range(a, len(uniq)):
            v = table.get(assoc_key(ka, uniq[b]))
            if v:
                rate[a, b] = rate[b, a] = (v[0] + 0.1) / (v[1] + 1.0)
                cnt[a, b] = cnt[b, a] = np.log1p(v[1])
    ids = np.array([uid[k] for k in keys]) if n else np.zeros(0, dtype=np.int64)
    return rate[np.ix_(ids, ids)], cnt[np.ix_(ids, ids)]


def pair_features(articles: Sequence[Article], info: Sequence[MentionInfo],
                  assoc: dict[str, dict[str, Sequence[int]]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Pair features, an (n, n, F) array, and the kind-pair code of each pair, an (n, n) array.
    ``assoc`` holds the learned type-association tables ("word", "cls") of the model."""
    n = len(info)
    nb = len(BASE_NAMES)
    base = np.zeros((n, n, nb), dtype=np.float32)
    if n == 0:
        return base, np.zeros((0, 0), dtype=np.int64)
    cl = _clusters()
    heads = [x.head for x in info]
    hid = {h: k for k, h in enumerate(sorted(set(heads)))}
    H = np.array([hid[h] for h in heads])
    T = np.array([hash(" ".join(sorted(x.toks))) for x in info])
    D = np.array([x.doc for x in info])
    S = np.array([x.sent for x in info])
    K = np.array([KINDS.index(x.kind) for x in info])
    c2 = np.array([hash(cl.get(h, ("", "", "#" + h))[2]) for h in heads])
    c1 = np.array([hash(cl.get(h, ("", "#" + h, ""))[1]) for h in heads])
    sim = _doc_sim(articles)
    same_doc = D[:, None] == D[None, :]
    base[..., 0] = 1
    base[..., 1] = H[:, None] == H[None, :]
    base[..., 2] = (T[:, None] == T[None, :]) & (np.array([bool(x.toks) for x in info])[:, None])
    base[..., 5] = same_doc
    base[..., 6] = same_doc & (S[:, None] == S[None, :])
    base[..., 7] = np.where(same_doc, np.log1p(np.abs(S[:, None] - S[None, :])), 0)
    if len(sim):  # no articles given: every mention outside them, no article similarity
        base[..., 8] = sim[np.ix_(np.maximum(D, 0), np.maximum(D, 0))]
    base[..., 9] = c2[:, None] == c2[None, :]
    base[..., 10] = c1[:, None] == c1[None, :]
    props = [i for i in range(n) if info[i].kind == "proper"]
    for a in props:
        for b in props:
            if a < b:
                A, B = set(info[a].name), set(info[b].name)
                if A and B:
                    base[a, b, 3] = base[b, a, 3] = float(A <= B or B <= A)
    for i in range(n):
        for j in range(i + 1, n):
            if info[i].toks and info[j].toks and (info[i].toks & info[j].toks):
                v = len(info[i].toks & info[j].toks) / len(info[i].toks | info[j].toks)
                base[i, j, 4] = base[j, i, 4] = v
    # context: a common noun written next to a name ("actress Tara Reid") in the article or topic
    name_ctx: dict[tuple[str, ...], set[str]] = {}
    for p in props:
        name_ctx.setdefault(info[p].name, set()).update(info[p].ctx)
    nominal = [i for i in range(n) if info[i].kind == "nominal"]
    for i in nominal:
        for p in props:
            if info[i].head in info[p].ctx and info[i].doc == info[p].doc:
                base[i, p, 11] = base[p, i, 11] = 1
            if info[i].head in name_ctx.get(info[p].name, ()):
                base[i, p, 12] = base[p, i, 12] = 1
    # pronoun antecedents: the nearest earlier non-pronoun mention, and the nearest earlier name
    order = sorted(range(n), key=lambda i: (info[i].doc, info[i].start))
    last_any = last_prop = -1
    prev_doc = None
    for i in order:
        if info[i].doc != prev_doc:
            last_any = last_prop = -1
            prev_doc = info[i].doc
        if info[i].kind == "pronoun":
            if last_any >= 0:
                base[i, last_any, 13] = base[last_any, i, 13] = 1
            if last_prop >= 0:
                base[i, last_prop, 14] = base[last_prop, i, 14] = 1
        elif info[i].kind != "time":
            last_any = i
            if info[i].kind == "proper":
                last_prop = i
    # salience: how often a name's head is used in its article
    cnt: dict[tuple[int, str], int] = {}
    per_doc: dict[int, int] = {}
    for x in info:
        cnt[(x.doc, x.head)] = cnt.get((x.doc, x.head), 0) + 1
        per_doc[x.doc] = per_doc.get(x.doc, 0) + 1
    sal = np.array([cnt[(x.doc, x.head)] / per_doc[x.doc] if x.kind == "proper" else 0.0 for x in info])
    base[..., 15] = np.maximum(sal[:, None], sal[None, :])
    low = np.array([hash(x.head if x.kind == "pronoun" else x.text.lower()) for x in info])
    base[..., 16] = (K[:, None] == 2) & (K[None, :] == 2) & (low[:, None] == low[None, :])
    hin = np.zeros((n, n), dtype=bool)
    for i in range(n):
        if info[i].kind in ("nominal", "proper"):
            for j in range(n):
                if i != j and info[i].head in info[j].toks and info[j].kind in ("nominal", "proper"):
                    hin[i, j] = True
    base[..., 17] = hin | hin.T
    # the main name of each article, and how often a noun shares articles with a name
    keys = [x.name[-1] if x.name else "" for x in info]
    doc_keys: dict[int, Counter[str]] = defaultdict(Counter)
    doc_heads: dict[int, set[str]] = defaultdict(set)
    for i, x in enumerate(info):
        if keys[i]:
            doc_keys[x.doc][keys[i]] += 1
        elif x.kind == "nominal":
            doc_heads[x.doc].add(x.head)
    top = {d: c.most_common(1)[0][0] for d, c in doc_keys.items() if c}
    docs_with_key: dict[str, set[int]] = defaultdict(set)
    for d, c in doc_keys.items():
        for k in c:
            docs_with_key[k].add(d)
    docs_with_head: dict[str, set[int]] = defaultdict(set)
    for d, hs in doc_heads.items():
        for h in hs:
            docs_with_head[h].add(d)
    for i in range(n):
        if info[i].kind not in ("nominal", "pronoun"):
            continue
        t_i = top.get(info[i].doc)
        hd = docs_with_head.get(info[i].head, set())
        for p in props:
            k = keys[p]
            if not k:
                continue
            v18 = float(info[p].doc == info[i].doc and k == t_i)
            v19 = float(k == t_i)
            v20 = len(hd & docs_with_key[k]) / len(hd) if hd else 0.0
            base[i, p, 18] = base[p, i, 18] = v18
            base[i, p, 19] = base[p, i, 19] = v19
            base[i, p, 20] = base[p, i, 20] = v20
    # the kinds of the two mentions: each kind pair has its own weights
    ka = np.minimum(K[:, None], K[None, :])
    kb = np.maximum(K[:, None], K[None, :])
    code = (ka * (9 - ka)) // 2 + kb - ka  # index of (a, b), a <= b, in PAIR_KINDS
    # learned associations of the two mentions' types ("host" with a person's name, "it" with "quake")
    kw, kc = assoc_keys(info)
    base[..., 21], base[..., 22] = _assoc_feature(kw, (assoc or {}).get("word", {}))
    base[..., 23], base[..., 24] = _assoc_feature(kc, (assoc or {}).get("cls", {}))
    # within an article: the nearest name before a noun or pronoun, mentions in between, first name
    first_prop: dict[int, int] = {}
    last_p = -1
    prev_doc = None
    rank = np.zeros(n, dtype=np.float32)
    r = 0
    for i in order:
        if info[i].doc != prev_doc:
            last_p, prev_doc, r = -1, info[i].doc, 0
        rank[i] = r
        r += 1
        if info[i].kind == "proper":
            first_prop.setdefault(info[i].doc, i)
            last_p = i
        elif info[i].kind in ("nominal", "pronoun") and last_p >= 0:
            base[i, last_p, 25] = base[last_p, i, 25] = 1
    base[..., 26] = np.where(same_doc, np.log1p(np.abs(rank[:, None] - rank[None, :])), -1)
    fp = np.zeros(n, dtype=np.float32)
    for i in first_prop.values():
        fp[i] = 1
    base[..., 27] = np.maximum(fp[:, None], fp[None, :])
    base[..., 28] = code
    # the two mentions' sentences (TF-IDF cosine over the sentences holding mentions) and contexts
    base[..., 29] = _sentence_sim(articles, info)
    for i in range(n):
        ci = info[i].ctx
        if not ci:
            continue
        for j in range(i + 1, n):
            cj = info[j].ctx
            if cj:
                inter = len(ci & cj)
                if inter:
                    base[i, j, 30] = base[j, i, 30] = inter / len(ci | cj)
    # times: the class of each expression (a day, a week, a year, a repetition, a duration, ...) and
    # whether weekdays, years and month-days agree ("Friday" / "on Friday night", "2014" / "next year")
    tv = time_keys(articles, info)
    tc = np.array([t[0] for t in tv])
    base[..., 31] = np.minimum(tc[:, None], tc[None, :])
    base[..., 32] = np.maximum(tc[:, None], tc[None, :])
    base[..., 33] = (tc[:, None] == tc[None, :]) & (tc[:, None] > 0)
    for col, part in ((34, 1), (35, 2), (36, 3)):
        vals = np.array([t[part] for t in tv])
        known = (vals[:, None] >= 0) & (vals[None, :] >= 0)
        base[..., col] = np.where(known, np.where(vals[:, None] == vals[None, :], 1.0, -1.0), 0.0)
    nums = np.array([x.num for x in info])
    known = (nums[:, None] >= 0) & (nums[None, :] >= 0)
    base[..., 37] = np.where(known, np.where(nums[:, None] == nums[None, :], 1.0, -1.0), 0.0)
    roles = _name_roles(articles, {x.name[-1] for x in info if x.kind == "proper" and x.name})
    base[..., 38:41] = _role_windows(articles, info, roles)
    base[..., 41:45] = _type_windows(info, roles)
    return base, code.astype(np.int64)


_TOKEN = re.compile(r"\w[\w'’.-]*|[^\w\s]")
_LINK_VERBS = frozenset(["is", "was", "will", "would", "be", "been", "as", "became", "becomes", "named", "remains"])
_ROLE_STOP = frozenset(["said", "says", "and", "or", "but", "who", "which", "that", "to", "in", "on", "at", "by",
                        "for", "with", "from", "of"])


def _role_words(tokens: Sequence[str], lows: Sequence[str], k: int) -> set[str]:
    """Role words written with the name whose last word is ``tokens[k]``: the lower-case words just
    before the name ("Oscar host Hugh Jackman"), the words of an apposition after it
    ("Jackman , the host of ...") or before it ("the host , Hugh Jackman"), and of a predicate
    ("Jackman will be the host", "Cheeks as head coach"); singular, lower case."""
    start = k
    while start > 0 and tokens[start - 1][:1].isupper() and start > k - 4:
        start -= 1
    out: set[str] = set()
    j = start - 1
    while j >= 0 and j >= start - 3 and tokens[j][:1].isalpha() and lows[j] not in _ROLE_STOP and lows[j] not in _DETS_ALL:
        out.add(_singular(lows[j]))
        j -= 1
    if start >= 2 and tokens[start - 1] == ",":
        j = start - 2
        while j >= 0 and j >= start - 5 and tokens[j][:1].isalpha() and lows[j] not in _ROLE_STOP:
            out.add(_singular(lows[j]))
            j -= 1
    j = k + 1
    if j < len(tokens) and (tokens[j] in (",", "(") or lows[j] in _LINK_VERBS):
        j += 1
        while j < len(tokens) and lows[j] in _LINK_VERBS:
            j += 1
        for t in range(j, min(j + 5, len(tokens))):
            if not tokens[t][:1].isalpha() or lows[t] in _ROLE_STOP:
                break
            out.add(_singular(lows[t]))
    return out - _DETS_ALL


def _name_roles(articles: Sequence[Article], lasts: Collection[str]) -> dict[str, dict[int, set[str]]]:
    """The role words (_role_words) each article writes with each capitalised occurrence of a
    name's last word in ``lasts``: {last word: {article index: role words}}; one pass per article."""
    roles: dict[str, dict[int, set[str]]] = defaultdict(dict)
    for d, a in enumerate(articles):
        tokens = _TOKEN.findall(a.text)
        lows = [t.lower() for t in tokens]
        for k, w in enumerate(lows):
            if w in lasts and tokens[k][:1].isupper():
                roles[w].setdefault(d, set()).update(_role_words(tokens, lows, k))
    return roles


def _names_and_nouns(info: Sequence[MentionInfo]) -> tuple[list[int], list[int]]:
    """The indices of the names (proper mentions with a name) and of the common nouns in ``info``."""
    return ([i for i, x in enumerate(info) if x.kind == "proper" and x.name],
            [i for i, x in enumerate(info) if x.kind == "nominal"])


def _role_windows(articles: Sequence[Article], info: Sequence[MentionInfo],
                  roles: Mapping[str, Mapping[int, set[str]]] | None = None) -> np.ndarray:
    """Topic-wide evidence that a common noun names the role of a name (_role_words): for each
    (noun, name) pair, the share of the articles writing the name's last word that give it the
    noun's head as a role; the share of all the head's role uses (over the topic's names) that
    are this name's; and whether the noun's own article gives the name that role. (n, n, 3).
    ``roles``: _name_roles of the names' last words, when already read."""
    n = len(info)
    out = np.zeros((n, n, 3), dtype=np.float32)
    props, noms = _names_and_nouns(info)
    if not props or not noms:
        return out
    if roles is None:
        roles = _name_roles(articles, {info[i].name[-1] for i in props})
    heads = {info[i].head for i in noms}
    hits: dict[tuple[str, str], int] = {}
    for last, per_doc in roles.items():
        for ws in per_doc.values():
            for h in heads & ws:
                hits[(h, last)] = hits.get((h, last), 0) + 1
    total: dict[str, int] = defaultdict(int)
    for (h, _), c in hits.items():
        total[h] += c
    for i in noms:
        h = info[i].head
        for j in props:
            last = info[j].name[-1]
            c = hits.get((h, last), 0)
            if not c:
                continue
            docs = roles.get(last, {})
            out[i, j] = out[j, i] = (c / max(len(docs), 1), c / total[h], float(h in docs.get(info[i].doc, ())))
    return out


# the coarse type a common noun's head gives its referent (a person, a body, a place or building)
_ORG_NOUNS = (_ORG_HEADS | frozenset("firm maker manufacturer carrier retailer studio band label chain operator developer "
                                     "publisher government administration outfit brand franchise squad broadcaster "
                                     "newspaper".split())) - {"guard", "patrol", "office"}
_SITE_NOUNS = (_PLACE_HEADS | _INSTITUTION_HEADS | frozenset(
    "city town village country nation capital island area neighborhood neighbourhood suburb community territory "
    "facility clinic center centre hospital prison jail hotel restaurant bar building house home mansion school "
    "church stadium arena theater theatre venue site scene resort peak office store".split())) - _BODY_HEADS
_NOUN_TYPES = (("person", PERSON_NOUNS - _ORG_NOUNS - _SITE_NOUNS), ("body", _ORG_NOUNS - _SITE_NOUNS),
               ("site", _SITE_NOUNS))
_SITE_FIRST_WORDS = frozenset("mount mt lake cape port fort".split())


@lru_cache(maxsize=1)
def _cluster_types() -> dict[str, str]:
    """The type of a word class (the third word cluster) when at least five of the listed nouns
    fall in it and four fifths of them are of one type ("cop", "comedian" beside "man", "actress")."""
    cl = _clusters()
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for t, words in _NOUN_TYPES:
        for w in words:
            if w in cl:
                votes[cl[w][2]][t] += 1
    out = {}
    for c, v in votes.items():
        t, k = v.most_common(1)[0]
        if sum(v.values()) >= 5 and k >= 0.8 * sum(v.values()):
            out[c] = t
    return out


def _listed_type(word: str) -> str | None:
    """The type of ``word`` in the lists of person, body and site nouns (``_NOUN_TYPES``), else None."""
    return next((t for t, words in _NOUN_TYPES if word in words), None)


def noun_type(head: str) -> str | None:
    """"person", "body" or "site" for a common noun's head ("actress", "firm", "clinic"; else by the
    head's word class: "cop" as "man"), None when unknown."""
    t = _listed_type(head)
    if t is None:
        c = _clusters().get(head)
        t = _cluster_types().get(c[2]) if c else None
    return t


def _own_type(x: MentionInfo) -> str | None:
    """The type a name's own words tell: a one-word name that is a common noun written with a
    capital ("Police", "Coach"), a body's or site's last word ("Roe Industries", "Roe Clinic"), a
    site's first word ("Mount Roe"), an acronym ("NYPD"), a known first name ("Jane Roe")."""
    name = x.name
    last = name[-1]
    t = _listed_type(last)
    if len(name) == 1 and t is not None:
        return t
    if t in ("body", "site") or last in _ORG_GENERIC:
        return t or "body"
    if name[0] in _SITE_FIRST_WORDS and len(name) >= 2:
        return "site"
    if len(name) == 1 and 2 <= len(x.text.strip()) <= 5 and x.text.strip().isupper() and not _country_or_capital(last):
        return "body"
    if len(name) >= 2 and first_name_sex(name[0]):
        return "person"
    return None


def name_types(names: Iterable[MentionInfo], roles: Mapping[str, Mapping[int, set[str]]]) -> dict[str, str]:
    """The coarse type of each name's last word in a topic, from the topic's own text: what the
    names' own words tell (_own_type, or a people's word: "Australian"; a person's first name wins
    over the rest), else the type most of the role words the articles give it have ("actress Jane
    Roe", "Roe , the actress", "the company Roe"), else a site when the tagger's place lists know
    the name (the weakest: "Obama" is a town there). Words with no evidence are left out."""
    own: dict[str, Counter[str]] = defaultdict(Counter)
    places: set[str] = set()
    for x in names:
        if not x.name:
            continue
        t = _own_type(x) or ("person" if len(x.name) == 1 and people_word(x.text.strip()) else None)
        if t is not None:
            own[x.name[-1]][t] += 1
        elif place_kinds(x.name) or (len(x.name) == 1 and known_place(x.name[0])):
            places.add(x.name[-1])
    out = {last: "person" if c["person"] else c.most_common(1)[0][0] for last, c in own.items()}
    for last, per_doc in roles.items():
        top = Counter(t for ws in per_doc.values() for w in ws for t in (noun_type(w),) if t).most_common(2)
        if top and last not in out and (len(top) == 1 or top[0][1] > top[1][1]):  # a tie tells nothing
            out[last] = top[0][0]
    for last in places:
        out.setdefault(last, "site")
    return out


def _type_windows(info: Sequence[MentionInfo], roles: Mapping[str, Mapping[int, set[str]]]) -> np.ndarray:
    """Whether a common noun and a name can be one thing, read from the topic's own text, for each
    (noun, name) pair: the share of the articles writing the name's last word that give it a role
    of the noun head's word class ("star" for a name called "actress" elsewhere); whether the
    name's type (name_types) fits the noun's (1, -1 when both are known and differ, else 0); 1 / the
    number of names of the noun's type in the name's article when the name is of that type (1: the
    only person the article names); and the number of names of the noun's type in the noun's own
    article (none: the noun's referent is named elsewhere, if anywhere). (n, n, 4)."""
    n = len(info)
    out = np.zeros((n, n, 4), dtype=np.float32)
    props, noms = _names_and_nouns(info)
    if not props or not noms:
        return out
    cl = _clusters()
    word_cls = {info[i].head: cl[info[i].head][2] for i in noms if info[i].head in cl}
    role_cls: dict[str, dict[str, int]] = {}
    for last, per_doc in roles.items():
        counts: Counter[str] = Counter()
        for ws in per_doc.values():
            counts.update({cl[w][2] for w in ws if w in cl})
        role_cls[last] = dict(counts)
    types = name_types((info[i] for i in props), roles)
    typed: dict[tuple[int, str], set[str]] = defaultdict(set)
    for i in props:
        last = info[i].name[-1]
        if last in types:
            typed[(info[i].doc, types[last])].add(last)
    P = np.array(props)
    docs_of = [max(len(roles.get(info[j].name[-1], {})), 1) for j in props]
    tcode = {t: k + 1 for k, (t, _) in enumerate(_NOUN_TYPES)}
    tt = np.array([tcode.get(types.get(info[j].name[-1], ""), 0) for j in props])
    count = {t: np.array([max(len(typed[(info[j].doc, t)]), 1) for j in props]) for t in tcode}
    shares: dict[str, np.ndarray] = {}
    for i in noms:
        nt = noun_type(info[i].head)
        c = word_cls.get(info[i].head)
        if c is not None and c not in shares:
            shares[c] = np.array([role_cls.get(info[j].name[-1], {}).get(c, 0) / d for j, d in zip(props, docs_of)])
        code = tcode[nt] if nt else 0
        fit = np.where((tt > 0) & (code > 0), np.where(tt == code, 1.0, -1.0), 0.0)
        row = out[i, P]
        row[:, 0] = shares[c] if c is not None else 0.0
        row[:, 1] = fit
        row[:, 2] = np.where(fit > 0, 1.0 / count[nt], 0.0) if nt else 0.0
        row[:, 3] = len(typed.get((info[i].doc, nt), ())) if nt else -1
        out[i, P] = row
        out[P, i] = row
    return out


TIME_CLASSES = ("none", "day", "clock", "week", "month", "year", "repeat", "duration")
_REPEAT_WORDS = frozenset(["twice", "again", "once", "thrice", "time", "times"])
_YEAR_WORDS = frozenset(["annual", "season", "offseason", "anniversary"])
_FULL_DATE = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)")
_CLOCK = re.compile(r"T\d\d")
_MONTH_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d\d|XX|Q\d|QX|SP|SU|FA|WI|H\d)$")
_YEAR_VALUE = re.compile(r"^(?:\d{4}|XXXX)$")


def time_key(ts: Sequence[Timex], text: str) -> tuple[int, int, int, int]:
    """(class, weekday 0-6, year, month*100+day) of a time mention from the TIMEX3 expressions of
    storyline.analyze.timex that overlap it (``ts``, longest first; "Sunday , February 22 , 2009"
    can be three), -1 when absent; the class, of the longest, indexes TIME_CLASSES. Without a
    timex, ordinals and repetition words ("a second time", "twice") are a repetition and "annual",
    "season" a year; anything else is class 0 (not a time)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not ts:
        ws = set(words)
        if len(words) <= 4 and (ws & _REPEAT_WORDS or ws & set(_TX.ORDINALS)):
            return 6, -1, -1, -1
        return (5 if ws & _YEAR_WORDS else 0), -1, -1, -1
    year = md = wd = -1
    for t in ts:
        v = t.value or ""
        if year < 0 and v[:4].isdigit():
            year = int(v[:4])
        m = _FULL_DATE.match(v)
        if m and md < 0:
            md = int(m.group(2)) * 100 + int(m.group(3))
    if year > 0 and md > 0:
        try:
            wd = date(year, md // 100, md % 100).weekday()
        except ValueError:
            wd = -1
    if wd < 0:
        wd = next((_TX.WEEKDAYS[w] - 1 for w in words if w in _TX.WEEKDAYS), -1)
    t = ts[0]
    v = t.value or ""
    if t.type == "DURATION":
        cls = 7
    elif t.type == "SET":
        cls = 6
    elif t.type == "TIME":
        cls = 2 if _CLOCK.search(v) else 1
    elif _FULL_DATE.match(v) or v.endswith("REF"):
        cls = 1
    elif "-W" in v:
        cls = 3
    elif _MONTH_VALUE.match(v):
        cls = 4
    elif _YEAR_VALUE.match(v):
        cls = 5
    else:
        cls = 1
    return cls, wd, year, md


def time_keys(articles: Sequence[Article], info: Sequence[MentionInfo]) -> list[tuple[int, int, int, int]]:
    """time_key of each time mention, and of each common noun that a timex overlaps ("two nights");
    (0, -1, -1, -1) for the others. Each article is tagged once
    by the TimeML grammar (with its publication date when known, so that "the next day" follows
    the dates before it); a mention takes the timexes overlapping it, else its own words are
    tagged alone."""
    tagged: dict[int, list[Timex]] = {}
    out = []
    for x in info:
        if x.kind not in ("time", "nominal"):
            out.append((0, -1, -1, -1))
            continue
        ts: list[Timex] = []
        if x.doc >= 0:
            if x.doc not in tagged:
                a = articles[x.doc]
                tagged[x.doc] = _safe_timexes(a.text, a.published)
            ts = [t for t in tagged[x.doc] if min(t.end, x.end) > max(t.start, x.start)]
        if not ts and x.kind == "time":
            ts = _safe_timexes(x.text, None)
        if not ts and x.kind == "nominal":
            out.append((0, -1, -1, -1))
            continue
        out.append(time_key(sorted(ts, key=lambda t: t.start - t.end), x.text))
    return out


def _safe_timexes(text: str, dct: date | None) -> list[Timex]:
    try:
        return _TX.tag_timexes(text, dct)
    except Exception:  # noqa: BLE001 - a time key is one feature among many; never fail a batch
        _log.debug("timex tagging failed", exc_info=True)
        return []


def _sentence_sim(articles: Sequence[Article], info: Sequence[MentionInfo]) -> np.ndarray:
    """Cosine similarity (TF-IDF, stop words out) of the sentences that hold each pair of mentions."""
    n = len(info)
    texts = [a.text for a in articles]
    bounds = [_sent_bounds(t) for t in texts]
    sents: dict[tuple[int, int], int] = {}
    sid = np.zeros(n, dtype=np.int64)
    spans: list[str] = []
    for i, x in enumerate(info):
        key = (x.doc, x.sent)
        if key not in sents:
            sents[key] = len(spans)
            if x.doc >= 0:
                b = bounds[x.doc]
                lo = b[x.sent - 1] if x.sent > 0 else 0
                hi = b[x.sent] if x.sent < len(b) else len(texts[x.doc])
                spans.append(texts[x.doc][lo:hi])
            else:
                spans.append(x.text)
        sid[i] = sents[key]
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer

        v = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(spans)
        sim = np.asarray((v @ v.T).todense(), dtype=np.float32)
    except (ValueError, ImportError):
        sim = np.eye(len(spans), dtype=np.float32)
    return sim[np.ix_(sid, sid)]


MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "coref-pairs.json.gz"


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> dict | None:
    """The pair model (gradient-boosted trees as arrays, or logistic weights per kind pair), or
    None when absent or trained on other features."""
    p = Path(path)
    if not p.exists():
        return None
    raw = gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes()
    data = json.loads(raw)
    if data.get("features") != FEATURE_NAMES or data.get("kinds") != PAIR_KINDS:
        return None
    if "trees" in data:
        data["T"] = tree_arrays(data["trees"])
    else:
        data["W"] = np.array(data["coef"], dtype=np.float32)
        data["b"] = np.array(data["intercept"], dtype=np.float32)
    w = data.get("within")
    if w is not None and w.get("features") == WITHIN_NAMES + FEATURE_NAMES:
        data["W_T"] = tree_arrays(w["trees"])
    for c in data.get("cross", {}).values():
        c["T"] = tree_arrays(c["trees"])
    mg = data.get("merge")
    if mg is not None and mg.get("features") == MERGE_NAMES:
        mg["T"] = tree_arrays(mg["trees"])
    an = data.get("anaphoricity")
    if an is not None and an.get("features") == ANAPHORIC_NAMES:
        an["T"] = tree_arrays(an["trees"])
    return data


def tree_arrays(t: dict[str, list]) -> dict[str, np.ndarray]:
    return {k: np.array(t[k], dtype=np.float64 if k in ("threshold", "value") else np.int32)
            for k in ("feature", "threshold", "left", "right", "value", "leaf", "root")}


def tree_logits(x: np.ndarray, trees: dict[str, np.ndarray], depth: int) -> np.ndarray:
    """Sum of the leaf values of boosted trees for rows ``x`` (nodes of all trees in flat arrays;
    a row goes left when its feature is <= the threshold). Rows that reach a leaf drop out of the
    walk (a third faster than walking every row to the full depth)."""
    out = np.zeros(len(x))
    leaf_of = trees["leaf"].astype(bool)
    feature, threshold, left, right = trees["feature"], trees["threshold"], trees["left"], trees["right"]
    for root in trees["root"]:
        node = np.full(len(x), root, dtype=np.int32)
        live = np.arange(len(x))  # the rows not yet at a leaf
        for _ in range(depth):
            at = node[live]
            inner = ~leaf_of[at]
            if not inner.all():
                live, at = live[inner], at[inner]
            if not len(live):
                break
            go_left = x[live, feature[at]] <= threshold[at]
            node[live] = np.where(go_left, left[at], right[at])
        out += trees["value"][node]
    return out


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def tree_probs(x: np.ndarray, trees: dict[str, np.ndarray], depth: int, offset: float) -> np.ndarray:
    """Probabilities of a boosted-tree classifier (node arrays ``trees``) for feature rows ``x``."""
    return _sigmoid(tree_logits(np.asarray(x, dtype=np.float64), trees, int(depth)) + offset)


def pair_probs(base: np.ndarray, code: np.ndarray, model: dict) -> np.ndarray:
    if "T" in model:
        n = base.shape[0]
        iu = np.triu_indices(n, 1)
        z = np.zeros((n, n))
        if len(iu[0]):
            v = tree_logits(base[iu].astype(np.float64), model["T"], int(model["depth"])) + model["offset"]
            z[iu] = v
            z.T[iu] = v
        return _sigmoid(z)
    z = np.einsum("ijf,ijf->ij", base, model["W"][code]) + model["b"][code]
    return _sigmoid(z)


def cross_pairs(info: Sequence[MentionInfo], kind_pair: str) -> np.ndarray:
    """Mask (upper triangle) of the pairs from two different articles whose kinds are
    ``kind_pair`` ("proper-nominal": a name and a common noun, either order)."""
    ka, kb = kind_pair.split("-")
    k = np.array([x.kind for x in info])
    d = np.array([x.doc for x in info])
    m = ((k[:, None] == ka) & (k[None, :] == kb)) | ((k[:, None] == kb) & (k[None, :] == ka))
    return np.triu(m & (d[:, None] != d[None, :]), 1)


def cross_probs(p: np.ndarray, info: Sequence[MentionInfo], base: np.ndarray, model: dict) -> np.ndarray:
    """``p`` with the cross-article pairs of some kind pairs (a common noun with a name or another
    common noun: "the host" in one article, "Hugh Jackman" in another) scored by their own model,
    when the model has one."""
    models = model.get("cross") or {}
    if not models or len(info) < 2:
        return p
    p = p.copy()
    for kind_pair, m in models.items():
        sel = cross_pairs(info, kind_pair)
        if sel.any():
            q = tree_probs(base[sel], m["T"], m["depth"], m["offset"])
            p[sel] = q
            p.T[sel] = q
    return p


def propagate(p: np.ndarray, docs: Sequence[int]) -> np.ndarray:
    """Two-hop support for cross-article pairs: a mention whose article-mate is linked to a mention
    of another article ("the man" -> "Eric Kirkpatrick" in one article, "Kirkpatrick" in another)
    gets max(p, p_within(i, k) * p(k, j)) with it. Same-article pairs are left as they are."""
    n = p.shape[0]
    if n < 3:
        return p
    d = np.asarray(docs)
    same = d[:, None] == d[None, :]
    cross = np.where(same, 0.0, p)
    h = np.zeros_like(p)
    for doc in np.unique(d):
        idx = np.flatnonzero(d == doc)
        if len(idx) < 2:
            continue
        q = p[np.ix_(idx, idx)].copy()
        np.fill_diagonal(q, 0.0)
        h[idx] = (q[:, :, None] * cross[idx][None, :, :]).max(axis=1)
    h = np.maximum(h, h.T)
    return np.where(same, p, np.maximum(p, h))


def cluster_mentions(p: np.ndarray, threshold: float, method: str = "average") -> list[int]:
    """Agglomerative clusters (average or weighted linkage) of a symmetric probability matrix;
    a label per mention."""
    n = p.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [0]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    d = 1.0 - (p + p.T) / 2
    np.fill_diagonal(d, 0)
    z = linkage(squareform(np.clip(d, 0, 1), checks=False), method=method)
    return [int(x) for x in fcluster(z, t=1.0 - threshold, criterion="distance")]


# --- entity-level second pass: learned merging of first-pass clusters -------------------------
# The first pass (pair probabilities, propagation, average link at its threshold) leaves clusters
# that belong together apart, most often a cluster of common nouns without a name ("the driver" in
# articles that never name him) and the named cluster of its referent. A second boosted-tree model
# scores pairs of *clusters* on what the mention-pair model cannot see: the first-pass
# probabilities between all their members (max, mean, min, how many above 0.5, inside one article
# and across articles), the pair features aggregated over all member pairs (role evidence, type
# associations, heads, time and count agreement), the kinds each cluster is made of, whether both
# have names and their last words agree or clash, gender and number, and the articles: how many
# hold both clusters (two clusters in one article that the within-article model kept apart are
# likely different), the share of the topic's articles each covers. Clusters are merged greedily,
# best pair first, rescoring the merged cluster against the others, until the best score is under
# the model's threshold. Trained by scripts/train_coref.py on the train topics with cross-fitted
# first-pass probabilities (each fold of topics scored by models trained on the other folds).

_MERGE_MAX = (("same_head", 1), ("name_sub", 3), ("tok_jacc", 4), ("ctx_head_topic", 12), ("cooc", 20),
              ("assoc_word", 21), ("assoc_cls", 23), ("sent_sim", 29), ("role_near", 38), ("role_excl", 39),
              ("role_near_doc", 40), ("year", 35), ("date", 36), ("weekday", 34), ("num", 37),
              ("head_in_other", 17))
_MERGE_MIN = (("year", 35), ("date", 36), ("weekday", 34), ("num", 37))
_MERGE_MEAN = (("doc_sim", 8), ("same_head", 1), ("assoc_word", 21))

MERGE_NAMES = (["p_max", "p_mean", "p_min", "n_above_half", "share_above_half", "p_max_same_article",
                "pairs_same_article", "p_max_across", "p_mean_across"]
               + [f"max_{k}" for k, _ in _MERGE_MAX] + [f"min_{k}" for k, _ in _MERGE_MIN]
               + [f"mean_{k}" for k, _ in _MERGE_MEAN]
               + ["size_a", "size_b"] + [f"{k}_share_a" for k in KINDS] + [f"{k}_share_b" for k in KINDS]
               + ["articles_a", "articles_b", "shared_articles", "shared_articles_share", "no_shared_article",
                  "articles_either", "name_agree", "name_clash", "gender_clash", "number_clash", "same_noun_head",
                  "topic_articles"])


@dataclass(frozen=True)
class _Cluster:
    size: int
    kinds: tuple[float, ...]
    docs: frozenset[int]
    lasts: frozenset[str]
    toks: frozenset[str]
    head: str
    genders: frozenset[int]
    plural: float


def _cluster_summary(members: np.ndarray, info: Sequence[MentionInfo], gender: np.ndarray,
                     plural: np.ndarray) -> _Cluster:
    xs = [info[i] for i in members]
    kinds = Counter(x.kind for x in xs)
    heads = Counter(x.head for x in xs if x.kind == "nominal")
    pl = [plural[i] for i in members if info[i].kind != "proper"]
    return _Cluster(size=len(xs), kinds=tuple(kinds[k] / len(xs) for k in KINDS),
                    docs=frozenset(x.doc for x in xs),
                    lasts=frozenset(x.name[-1] for x in xs if x.kind == "proper" and x.name),
                    toks=frozenset(t for x in xs if x.kind == "proper" for t in x.name),
                    head=min(heads, key=lambda h: (-heads[h], h)) if heads else "",
                    genders=frozenset(int(gender[i]) for i in members) - {0},
                    plural=float(np.mean(pl)) if pl else -1.0)


def _block_aggregates(p: np.ndarray, base: np.ndarray, docs: np.ndarray, rows: Sequence[np.ndarray],
                      cols: Sequence[np.ndarray]) -> list[np.ndarray]:
    """The first-pass probabilities and pair features aggregated over the member pairs of every
    (row cluster, column cluster): a (len(rows), len(cols)) array per block feature of MERGE_NAMES."""
    same = docs[:, None] == docs[None, :]

    def red(m: np.ndarray, op: np.ufunc) -> np.ndarray:
        r = np.array([op.reduce(m[g], axis=0) for g in rows])
        return np.array([op.reduce(r[:, g], axis=1) for g in cols]).T

    count = np.outer([len(g) for g in rows], [len(g) for g in cols]).astype(np.float64)
    n_same = red(same.astype(np.float64), np.add)
    across = np.where(same, 0.0, p)
    above = red((p > 0.5).astype(np.float64), np.add)
    out = [red(p, np.maximum), red(p, np.add) / count, red(p, np.minimum), above, above / count,
           red(np.where(same, p, 0.0), np.maximum), n_same, red(across, np.maximum),
           red(across, np.add) / np.maximum(count - n_same, 1)]
    out += [red(base[..., c].astype(np.float64), np.maximum) for _, c in _MERGE_MAX]
    out += [red(base[..., c].astype(np.float64), np.minimum) for _, c in _MERGE_MIN]
    out += [red(base[..., c].astype(np.float64), np.add) / count for _, c in _MERGE_MEAN]
    return out


def _merge_row(block: Sequence[float], a: _Cluster, b: _Cluster, n_docs: int) -> list[float]:
    """Features of one cluster pair; the cluster with more names (then the larger) comes first."""
    if (b.kinds[0], b.size) > (a.kinds[0], a.size):
        a, b = b, a
    shared = len(a.docs & b.docs)
    return [*block, a.size, b.size, *a.kinds, *b.kinds, len(a.docs) / n_docs, len(b.docs) / n_docs, shared,
            shared / max(1, min(len(a.docs), len(b.docs))), float(shared == 0), len(a.docs | b.docs) / n_docs,
            float(bool(a.lasts & b.lasts)), float(bool(a.lasts) and bool(b.lasts) and not (a.toks & b.toks)),
            float(len(a.genders) == 1 and len(b.genders) == 1 and a.genders != b.genders),
            float(a.plural >= 0 and b.plural >= 0 and abs(a.plural - b.plural) > 0.5),
            float(bool(a.head) and a.head == b.head), n_docs]


def cluster_pair_features(p: np.ndarray, base: np.ndarray, info: Sequence[MentionInfo], n_docs: int,
                          groups: Sequence[np.ndarray], summaries: Sequence[_Cluster] | None = None) -> np.ndarray:
    """MERGE_NAMES features of every pair of clusters (``groups``: member indexes), one row per
    pair (a, b), a < b, in the order of ``np.triu_indices(len(groups), 1)``."""
    if summaries is None:
        gender = np.array([_gender(x) for x in info])
        plural = np.array([_plural(x) for x in info])
        summaries = [_cluster_summary(g, info, gender, plural) for g in groups]
    docs = np.array([x.doc for x in info])
    blocks = _block_aggregates(p, base, docs, groups, groups)
    iu = np.triu_indices(len(groups), 1)
    rows = [_merge_row([f[a, b] for f in blocks], summaries[a], summaries[b], max(n_docs, 1)) for a, b in zip(iu[0].tolist(), iu[1].tolist())]
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(MERGE_NAMES))


def merge_sequence(p: np.ndarray, base: np.ndarray, info: Sequence[MentionInfo], n_docs: int,
                   labels: Sequence[int], score: Callable[[np.ndarray], np.ndarray],
                   stop: float, alone: np.ndarray | None = None) -> list[tuple[float, np.ndarray, np.ndarray]]:
    """The greedy merges of the clusters ``labels`` (best scored pair first, the merged cluster
    rescored against the others) down to ``stop``: (score, members of the kept cluster, members of
    the absorbed one) per merge. ``score`` maps rows of MERGE_NAMES features to probabilities.
    ``alone`` (a flag per mention, optional): a cluster that is one flagged mention (a predicted
    singleton) takes part in no merge."""
    labs = np.asarray(labels)
    groups = [np.flatnonzero(labs == u) for u in dict.fromkeys(labs.tolist())]
    k = len(groups)
    if k < 2:
        return []
    n_docs = max(n_docs, 1)
    docs = np.array([x.doc for x in info])
    gender = np.array([_gender(x) for x in info])
    plural = np.array([_plural(x) for x in info])
    p = (p + p.T) / 2
    summ = [_cluster_summary(g, info, gender, plural) for g in groups]
    iu = np.triu_indices(k, 1)
    S = np.full((k, k), -np.inf)
    S[iu] = score(cluster_pair_features(p, base, info, n_docs, groups, summ))
    if alone is not None:
        single = np.array([len(g) == 1 and bool(alone[g[0]]) for g in groups])
        S[single, :] = S[:, single] = -np.inf
    alive = np.ones(k, dtype=bool)
    merges: list[tuple[float, np.ndarray, np.ndarray]] = []
    while True:
        a, b = divmod(int(np.argmax(S)), k)
        if not np.isfinite(S[a, b]) or S[a, b] < stop:
            break
        merges.append((float(S[a, b]), groups[a], groups[b]))
        groups[a] = np.concatenate([groups[a], groups[b]])
        alive[b] = False
        S[b, :] = S[:, b] = -np.inf
        summ[a] = _cluster_summary(groups[a], info, gender, plural)
        others = [c for c in range(k) if alive[c] and c != a]
        if not others:
            break
        blocks = _block_aggregates(p, base, docs, [groups[a]], [groups[c] for c in others])
        s = score(np.array([_merge_row([f[0, j] for f in blocks], summ[a], summ[c], n_docs)
                            for j, c in enumerate(others)], dtype=np.float64))
        for j, c in enumerate(others):
            if alone is None or not single[c]:
                S[min(a, c), max(a, c)] = s[j]
    return merges


def apply_merges(labels: Sequence[int], merges: Sequence[tuple[float, np.ndarray, np.ndarray]],
                 threshold: float) -> list[int]:
    """``labels`` after the merges of ``merge_sequence`` that scored at least ``threshold``."""
    lab = np.array(labels)
    for s, a, b in merges:
        if s < threshold:
            break
        lab[b] = lab[a[0]]
    return [int(x) for x in lab]


def merge_scorer(m: dict) -> Callable[[np.ndarray], np.ndarray]:
    """Probabilities of the second-pass model ``m`` (trees as arrays under "T") for feature rows."""
    def score(x: np.ndarray) -> np.ndarray:
        return tree_probs(x, m["T"], m["depth"], m["offset"])
    return score


def merge_clusters(p: np.ndarray, base: np.ndarray, info: Sequence[MentionInfo], n_docs: int,
                   labels: Sequence[int], model: dict, alone: np.ndarray | None = None) -> list[int]:
    """The first-pass clusters ``labels`` merged greedily by the second-pass model (``model``:
    trees, depth, offset, threshold) while the best cluster pair scores at least its threshold;
    a cluster that is one mention flagged in ``alone`` stays as it is."""
    t = float(model["threshold"])
    return apply_merges(labels, merge_sequence(p, base, info, n_docs, labels, merge_scorer(model), t, alone), t)


# --- anaphoricity: has a mention any coreferent mention in the topic? ------------------------
# CoNLL F1 counts singletons: B-cubed and CEAF-e reward a mention left alone when it is alone in
# gold ("a shotgun", "yesterday" in one article). A mention-level boosted-tree model predicts
# whether a mention has a coreferent mention among the topic's mentions, from its kind,
# determiner, number, how often its key (a name's last word, a noun's head) is mentioned and
# written in the topic's articles, how often it has a coreferent mention in train (a prior per key,
# shipped as a table), the first-pass probabilities to the other mentions (best, second best,
# margin, inside and across articles, how many above 0.3 and 0.5) and the size of its first-pass
# clusters at two thresholds. A mention predicted to be a singleton is joined by no second-pass
# merge, and leaves its cluster when its mean probability to the other members is low.

_DET_CLASS = {"the": 1, "a": 2, "an": 2, "this": 3, "that": 3, "these": 3, "those": 3, "his": 4, "her": 4, "its": 4,
              "their": 4, "our": 4, "my": 4, "your": 4, "some": 5, "any": 5, "another": 5, "each": 5, "every": 5,
              "no": 5}

ANAPHORIC_NAMES = [
    "is_proper", "is_nominal", "is_pronoun", "is_time", "determiner", "n_words", "plural", "gender", "count_before",
    "key_mentions", "key_articles", "key_text_articles", "key_text_share", "key_text_count", "p_max", "p_second",
    "p_margin", "p_max_same_article", "p_max_across", "n_above_half", "n_above_03", "p_sum", "sentence",
    "article_mentions", "topic_articles", "topic_mentions", "headline", "same_text_mentions", "first_of_key_in_article",
    "key_prior", "key_prior_count", "cluster_size_03", "cluster_articles_03", "cluster_size_05", "cluster_articles_05",
]


def anaphoricity_key(x: MentionInfo) -> str:
    """The type a mention is counted under in the anaphoricity prior: kind and a name's last word or
    the head ("proper:jackman", "nominal:host")."""
    return f"{x.kind}:{x.name[-1] if x.kind == 'proper' and x.name else x.head}"


def anaphoricity_features(p: np.ndarray, info: Sequence[MentionInfo], articles: Sequence[Article],
                          prior: dict[str, Sequence[int]] | None = None) -> np.ndarray:
    """ANAPHORIC_NAMES features of every mention, (n, F): ``p`` the first-pass probabilities,
    ``prior`` the (coreferent, total) mention counts of each anaphoricity key in train."""
    n = len(info)
    if n == 0:
        return np.zeros((0, len(ANAPHORIC_NAMES)))
    n_docs = max(len(articles), 1)
    keys = [anaphoricity_key(x) for x in info]
    words = [k.split(":", 1)[1] for k in keys]
    docs = np.array([x.doc for x in info])
    key_count = Counter(keys)
    key_docs: dict[str, set[int]] = defaultdict(set)
    for k, x in zip(keys, info):
        key_docs[k].add(x.doc)
    text_words = [Counter(w.lower() for w in _WORD.findall(a.text)) for a in articles]
    same_text = Counter(x.text.lower() for x in info)
    doc_count = Counter(docs.tolist())
    first_of_key: dict[tuple[int, str], int] = {}
    for i in sorted(range(n), key=lambda i: (info[i].doc, info[i].start)):
        first_of_key.setdefault((info[i].doc, keys[i]), i)
    q = np.array(p, dtype=np.float64)
    np.fill_diagonal(q, 0.0)
    same = docs[:, None] == docs[None, :]
    ranked = -np.sort(-q, axis=1)
    sizes = []
    for t in (0.3, 0.5):
        lab = np.array(cluster_mentions(q + np.eye(n), t, "average"))
        size = Counter(lab.tolist())
        arts = {u: len(set(docs[lab == u].tolist())) for u in size}
        sizes.append([(size[u], arts[u]) for u in lab])
    rows = []
    for i, x in enumerate(info):
        ws = [w.lower() for w in _WORD.findall(x.text)]
        det = _DET_CLASS.get(ws[0], 6 if ws[0].isdigit() else 0) if ws else 0
        in_docs = sum(1 for c in text_words if c.get(words[i], 0) > 0)
        p1 = float(ranked[i, 0]) if n > 1 else 0.0
        p2 = float(ranked[i, 1]) if n > 2 else 0.0
        pos, tot = (prior or {}).get(keys[i], (0, 0))
        rows.append([x.kind == "proper", x.kind == "nominal", x.kind == "pronoun", x.kind == "time", det, len(ws),
                     _plural(x), _gender(x), x.num, key_count[keys[i]] - 1, len(key_docs[keys[i]]) - 1, in_docs,
                     in_docs / n_docs, np.log1p(sum(c.get(words[i], 0) for c in text_words)), p1, p2, p1 - p2,
                     float(np.max(np.where(same[i], q[i], 0.0))), float(np.max(np.where(same[i], 0.0, q[i]))),
                     float((q[i] > 0.5).sum()), float((q[i] > 0.3).sum()), float(q[i].sum()), x.sent,
                     doc_count[x.doc], n_docs, n, float(x.sent <= 1), same_text[x.text.lower()] - 1,
                     float(first_of_key[(x.doc, keys[i])] == i), (pos + 1) / (tot + 2), np.log1p(tot),
                     *sizes[0][i], *sizes[1][i]])
    return np.array(rows, dtype=np.float64)


def anaphoricity(p: np.ndarray, info: Sequence[MentionInfo], articles: Sequence[Article], model: dict) -> np.ndarray:
    """The probability that each mention has a coreferent mention in the topic (``model``: trees
    as arrays under "T", depth, offset, the key prior table)."""
    if not len(info):
        return np.zeros(0)
    x = anaphoricity_features(p, info, articles, model.get("prior"))
    return tree_probs(x, model["T"], model["depth"], model["offset"])


def pop_singletons(labels: Sequence[int], p: np.ndarray, alone: np.ndarray, bar: float) -> list[int]:
    """``labels`` where each flagged mention (``alone``: predicted singletons) whose mean probability
    to the other members of its cluster is under ``bar`` leaves it for a cluster of its own."""
    lab = np.array(labels)
    nxt = int(lab.max()) + 1 if len(lab) else 0
    for u in np.unique(lab):
        g = np.flatnonzero(lab == u)
        if len(g) < 2:
            continue
        for i in g:
            if alone[i] and p[i, g[g != i]].mean() < bar:
                lab[i] = nxt
                nxt += 1
    return [int(x) for x in lab]


def resolve_mentions(articles: Sequence[Article], mentions: Sequence[Mention],
                     threshold: float | None = None) -> list[str]:
    """Entity ids for arbitrary mentions of the given articles (see ``storyline.resolve_entities``):
    the pair model and average-link clusters, or the rules when the model is missing."""
    model = load_model()
    if model is None or not mentions:
        return resolve_rules(articles, mentions)
    info = mention_infos(articles, mentions)
    base, code = pair_features(articles, info, model.get("assoc"))
    p = within_probs(pair_probs(base, code, model), articles, info, base, model)
    p = cross_probs(p, info, base, model)
    if model.get("propagate"):
        p = propagate(p, [x.doc for x in info])
    labels = cluster_mentions(p, model["threshold"] if threshold is None else threshold,
                              model.get("linkage", "average"))
    if "merge" in model and "T" in model["merge"]:
        an = model.get("anaphoricity")
        alone = None
        if an is not None and "T" in an and an.get("threshold") is not None:
            alone = anaphoricity(p, info, articles, an) < float(an["threshold"])
        labels = merge_clusters(p, base, info, len(articles), labels, model["merge"], alone)
        if alone is not None and an is not None:
            labels = pop_singletons(labels, p, alone, float(an["bar"]))
    return [f"c{x}" for x in checked_clusters(labels, p, base, info)]


# --- checks after the clustering: what no entity can be ----------------------------------------
# Deterministic rules over the final clusters, each about something the pair and merge models weigh
# among many features but get wrong in a few large clusters: one day cannot be two weekdays, a "he"
# is no woman's, and a name of two words or more written alike in two clusters is one entity.

def checked_clusters(labels: Sequence[int], p: np.ndarray, base: np.ndarray, info: Sequence[MentionInfo]) -> list[int]:
    """The final clusters ``labels`` after the checks below (``p``: the pair probabilities, ``base``:
    the pair features)."""
    labels = split_weekdays(labels, p, base[..., BASE_NAMES.index("weekday_cmp")])
    labels = move_sex_clashes(labels, p, [mention_sex(x) for x in info], [x.kind == "pronoun" for x in info])
    labels = split_led_groups(labels, p, info)
    labels = split_two_people(labels, p, info)
    return join_acronyms(join_same_names(labels, info), info)


def split_weekdays(labels: Sequence[int], p: np.ndarray, weekday_cmp: np.ndarray) -> list[int]:
    """``labels`` with each cluster whose time mentions name two or more weekdays ("On Friday", "On
    Saturday") split by weekday; a member without one goes with the weekday group it has the highest
    mean probability to. ``weekday_cmp``: 1 where two mentions' weekdays agree, -1 where they differ
    (the pair feature), 0 where either has none."""
    lab = np.array(labels)
    nxt = int(lab.max()) + 1 if len(lab) else 0
    sym = (p + p.T) / 2
    for u in np.unique(lab):
        g = np.flatnonzero(lab == u)
        dated = [int(i) for i in g if weekday_cmp[i, i] > 0]
        groups: list[list[int]] = []
        for i in dated:
            grp = next((x for x in groups if weekday_cmp[i, x[0]] > 0), None)
            if grp is None:
                groups.append([i])
            else:
                grp.append(i)
        if len(groups) < 2:
            continue
        groups.sort(key=len, reverse=True)
        nxt = _regroup(lab, g, groups, sym, nxt)
    return [int(x) for x in lab]


def _regroup(lab: np.ndarray, members: np.ndarray, groups: Sequence[Sequence[int]], sym: np.ndarray, nxt: int) -> int:
    """Split the cluster of ``members`` in ``lab`` (in place) into ``groups``: the first keeps the
    cluster's label, the others take new labels from ``nxt`` on; a member of no group goes with the
    group it has the highest mean probability to (``sym``), the first on a tie. Returns the next
    free label."""
    new = [int(lab[members[0]])] + list(range(nxt, nxt + len(groups) - 1))
    for i in members:
        k = next((k for k, x in enumerate(groups) if i in x), None)
        if k is None:
            k = int(np.argmax([sym[i, x].mean() for x in groups]))
        lab[i] = new[k]
    return nxt + len(groups) - 1


def mention_sex(x: MentionInfo) -> int:
    """1 male, 2 female, 0 unknown: a he / she pronoun, or a full name whose first name the census
    gives to one sex ("Regina Benjamin": 2)."""
    if x.kind == "pronoun":
        c = _PRON_CLASS.get(x.head, 0)
        return c if c in (1, 2) else 0
    return _name_sex(x.name) if x.kind == "proper" else 0


def move_sex_clashes(labels: Sequence[int], p: np.ndarray, sex: Sequence[int], movable: Sequence[bool]) -> list[int]:
    """``labels`` with each movable mention (a pronoun) of a known ``sex`` whose cluster's other
    members tell the other sex (at least two of them, and more than tell its own) moved to the cluster
    it has the highest mean probability to among those that do not tell the other sex, or alone when
    that is under 0.1. ``sex``: 1 male, 2 female, 0 unknown, as ``mention_sex`` reads it."""
    lab = np.array(labels)
    nxt = int(lab.max()) + 1 if len(lab) else 0
    sx = np.asarray(sex)
    sym = (p + p.T) / 2
    groups = {int(u): np.flatnonzero(lab == u) for u in np.unique(lab)}
    votes = {u: (int((sx[g] == 1).sum()), int((sx[g] == 2).sum())) for u, g in groups.items()}
    for i in np.flatnonzero(np.isin(sx, (1, 2)) & np.asarray(movable, dtype=bool)):
        u, own = int(lab[i]), int(sx[i]) - 1
        if not _tells_other_sex(votes[u], own, less_own=1, at_least=2):
            continue
        best, where = 0.1, None
        for v, g in groups.items():
            if v != u and not _tells_other_sex(votes[v], own) and float(sym[i, g].mean()) >= best:
                best, where = float(sym[i, g].mean()), v
        if where is None:
            where, nxt = nxt, nxt + 1
        lab[i] = where
    return [int(x) for x in lab]


# a group a person leads, named by the name before it ("Obama administration", "the Bush team"; not
# "government", "regime": a country's, as often as a person's)
_LED_GROUPS = frozenset("administration team campaign camp cabinet family aide staff supporter "
                        "spokesman spokeswoman lawyer attorney".split())


def _leader(x: MentionInfo) -> tuple[str, ...]:
    """The written name of the person a mention names a group of ("Obama administration" -> obama),
    or () when it is no such mention: a name followed by a lower-case word for a group a person
    leads."""
    words = x.text.split()
    if x.kind != "proper" or len(words) < 2 or not words[-1].islower() or not words[-2][:1].isupper():
        return ()
    return _written_name(x)[:-1] if _singular(words[-1].lower()) in _LED_GROUPS else ()


def split_led_groups(labels: Sequence[int], p: np.ndarray, info: Sequence[MentionInfo]) -> list[int]:
    """``labels`` with the group a person leads taken out of the person's cluster: when a cluster
    holds both a name ("Obama", "Barack Obama") and a group named after it ("Obama administration",
    "Obama team"), the groups leave it for a cluster of their own, and each other member but those
    names goes with the part it has the higher mean probability to (``p``)."""
    lab = np.array(labels)
    nxt = int(lab.max()) + 1 if len(lab) else 0
    sym = (p + p.T) / 2
    written = [_written_name(x) if x.kind == "proper" else () for x in info]
    led = [_leader(x) for x in info]
    for u in np.unique(lab):
        g = np.flatnonzero(lab == u)
        leaders = {led[i] for i in g if led[i]}
        named = [int(i) for i in g if not led[i] and any(written[i][-len(m):] == m for m in leaders)]
        groups = [int(i) for i in g if led[i] and any(written[j][-len(led[i]):] == led[i] for j in named)]
        if groups:
            named = [i for i in named if any(written[i][-len(led[j]):] == led[j] for j in groups)]
            nxt = _regroup(lab, g, [named, groups], sym, nxt)
    return [int(x) for x in lab]


def _tells_other_sex(votes: tuple[int, int], own: int, less_own: int = 0, at_least: int = 1) -> bool:
    """Whether a cluster's (male, female) ``votes``, ``less_own`` of them of the sex ``own`` (0 male,
    1 female) left out, tell the other sex: ``at_least`` of them, and more than tell ``own``."""
    other, same = votes[1 - own], votes[own] - less_own
    return other >= at_least and other > same


_LEADING_PREPOSITIONS = frozenset("in on at near of from to off outside inside into across along around by for with "
                                  "the".split())


def _written_name(x: MentionInfo) -> tuple[str, ...]:
    """A name's words as written, without the prepositions and article before it ("in the Gulf of
    Aden" -> gulf of aden), initials a tokenizer spaced out read as one word ("U . S ." -> us)."""
    toks: list[str] = []
    for letters, t in itertools.groupby(x.name, key=lambda w: len(w) == 1 and w.isalpha()):
        toks.extend(["".join(t)] if letters else list(t))
    while toks and toks[0] in _LEADING_PREPOSITIONS:
        toks.pop(0)
    return tuple(toks)


def _person_full_name(x: MentionInfo) -> tuple[str, ...]:
    """A person's full name as written ("Dr. Mark Heller" -> mark heller): a name of two to four words,
    with no comma, opening on a first name the census gives to one sex; () for any other mention (not
    "Robert Wood Johnson Foundation Trustee , Regina Benjamin")."""
    written = _written_name(x) if x.kind == "proper" and "," not in x.text else ()
    return written if 2 <= len(written) <= 4 and first_name_sex(written[0]) else ()


def _two_people(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two persons' full names name two people, neither name's words all in the other's ("Mark
    Felt" / "W Mark Felt", "Ana Lind" / "Dean Ana Lind"): their first names tell two sexes, neither the
    short form that opens the other ("John Jenkin" / "Katie Jenkin"; not "Alex Lind" / "Alexandra
    Lind"), or the first names differ and the words after them share none ("Mark Heller" / "Shawn
    Holley"; not "Fred LaRue" / "Frederick C LaRue", "Bill Lind Jr." / "William Lind", "Hillary Rodham"
    / "Hillary Clinton")."""
    if set(a) <= set(b) or set(b) <= set(a):
        return False
    if first_name_sex(a[0]) != first_name_sex(b[0]) and not (a[0].startswith(b[0]) or b[0].startswith(a[0])):
        return True
    return a[0] != b[0] and not set(a[1:]) & set(b[1:])


def split_two_people(labels: Sequence[int], p: np.ndarray, info: Sequence[MentionInfo]) -> list[int]:
    """``labels`` with each cluster that holds the full names of two people (``_two_people``) split by
    person: the full names that do not name two people group together (a name that may be either of two,
    "Alex Lind" of "Alexandra Lind" and of "Alexander Lind", joins no group), the largest group keeps the
    cluster, and each other member goes with the group it has the highest mean probability to (``p``)."""
    lab = np.array(labels)
    nxt = int(lab.max()) + 1 if len(lab) else 0
    sym = (p + p.T) / 2
    full = [_person_full_name(x) for x in info]
    for u in np.unique(lab):
        named = [int(i) for i in np.flatnonzero(lab == u) if full[i]]
        names = sorted({full[i] for i in named})
        if len(names) < 2:
            continue
        dsu = _DSU(len(names))
        apart = {(a, b) for a, b in itertools.combinations(range(len(names)), 2) if _two_people(names[a], names[b])}
        # a short form that may be either of two people ("Alex Lind" of "Alexandra Lind" and of "Alexander
        # Lind") ties neither to the other: its mentions go where they are most tied, as the unnamed do
        bridges = {n for a, b in apart for n in range(len(names))
                   if n not in (a, b) and (min(a, n), max(a, n)) not in apart and (min(b, n), max(b, n)) not in apart}
        for a, b in itertools.combinations(range(len(names)), 2):
            if (a, b) not in apart and a not in bridges and b not in bridges:
                dsu.union(a, b)
        person = {n: dsu.find(k) for k, n in enumerate(names) if k not in bridges}
        groups = [[i for i in named if person.get(full[i]) == r] for r in sorted(set(person.values()))]
        if len(groups) > 1:
            groups.sort(key=len, reverse=True)
            nxt = _regroup(lab, np.flatnonzero(lab == u), groups, sym, nxt)
    return [int(x) for x in lab]


_CAPITALS_ACRONYM = re.compile(r"[A-Z]{2,6}")  # an acronym as news writes it ("IE", "NFL"; not "U.S.")


def join_acronyms(labels: Sequence[int], info: Sequence[MentionInfo]) -> list[int]:
    """``labels`` with the cluster of an acronym written in capitals ("IE", "NFL") joined to the one
    cluster holding a name of two words or more that it spells ("Internet Explorer", "National Football
    League"); an acronym that spells names in two clusters ("AP": "Associated Press", "American Pie")
    joins neither. Two letters spell no person's full name ("AP" is not "Ana Price"; "JFK" is "John F.
    Kennedy"). A pronoun's letters written as an acronym in prose ("US officials", read as "us" by the
    models) move alone to the one cluster of the name they spell ("United States"), their cluster staying."""
    written = [_written_name(x) if x.kind == "proper" else (x.text.lower(),) if x.acronym else () for x in info]
    holders: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for w, u in zip(written, labels):
        if len(w) >= 2:
            holders[w].add(u)
    people = {_person_full_name(x) for x in info}
    by_key: dict[tuple[str, ...], set[tuple[str, ...]]] = defaultdict(set)  # the names each acronym can spell
    for name in holders:
        for key in {(_initials(name),), (_initials(name, split=True),), name, _STATE_NAMES.get(name, name)}:
            by_key[key].add(name)
    spelt_by: dict[tuple[str, ...], set[int]] = {}  # each acronym's clusters, found once
    dsu = _DSU(int(max(labels, default=-1)) + 1)
    moved: dict[int, int] = {}  # a pronoun's letters as an acronym ("US") leave their cluster for the name's alone
    for i, (x, w, u) in enumerate(zip(info, written, labels)):
        if len(w) != 1 or not any(_CAPITALS_ACRONYM.fullmatch(t) for t in x.text.split()):
            continue
        if w not in spelt_by:
            names = by_key.get(w, set()) | by_key.get(_STATE_NAMES.get(w, w), set()) | by_key.get(_DOTTED_STATES.get(w[0], w), set())
            spelt_by[w] = {v for name in names if _is_acronym_of(w, name) and not (len(w[0]) == 2 and name in people)
                           for v in holders[name]}
        spelt = set(spelt_by[w])
        if len(spelt) == 1 and x.acronym:
            moved[i] = spelt.pop()
        elif len(spelt) == 1:
            dsu.union(spelt.pop(), u)
    return [dsu.find(moved.get(i, u)) for i, u in enumerate(labels)]


def join_same_names(labels: Sequence[int], info: Sequence[MentionInfo]) -> list[int]:
    """``labels`` with the clusters joined that each hold a name of two words or more written alike
    (dots, a possessive, a title and the prepositions before it aside: "U.S. Surgeon General" /
    "U . S . Surgeon General")."""
    dsu = _DSU(int(max(labels, default=-1)) + 1)
    first: dict[tuple[str, ...], int] = {}
    for x, u in zip(info, labels):
        key = _written_name(x) if x.kind == "proper" else ()
        if len(key) >= 2:
            dsu.union(first.setdefault(key, u), u)
    return [dsu.find(u) for u in labels]


# --- within an article: a mention-ranking pair model ----------------------------------------
# Inside one article, the pairs (earlier mention a, later mention b) get their own model,
# trained on same-article pairs only: agreement of pronoun class, gender and number, the
# apposition / copula / relative-clause patterns between the two ("Jim O'Brien, who", "X, the
# coach", "X is the host"), the rank of a among the mentions before b, how often the two types
# corefer inside one article in train, and the pair features above. Its probabilities replace
# the general model's for same-article pairs.

_MALE = frozenset(["he", "him", "his", "himself", "man", "men", "boy", "father", "son", "husband", "brother", "king",
                   "actor", "mr", "sir", "prince", "uncle", "nephew", "grandfather", "dad", "gentleman", "boyfriend",
                   "chairman", "spokesman", "businessman", "congressman", "sportsman", "policeman", "fireman"])
_FEMALE = frozenset(["she", "her", "hers", "herself", "woman", "women", "girl", "mother", "daughter", "wife", "sister",
                     "queen", "actress", "mrs", "ms", "miss", "princess", "aunt", "niece", "grandmother", "mom",
                     "lady", "girlfriend", "chairwoman", "spokeswoman", "businesswoman", "congresswoman", "singer-actress"])
_PLURAL_WORDS = frozenset(["people", "police", "men", "women", "children", "staff", "crew", "forces", "troops", "they",
                           "them", "their", "theirs", "themselves", "we", "us", "our", "ours", "these", "those"])
_PRON_CLASS = {**{w: 1 for w in ("he", "him", "his", "himself")}, **{w: 2 for w in ("she", "her", "hers", "herself")},
               **{w: 3 for w in _PRON_THING}, **{w: 4 for w in _PRON_PLURAL}, **{w: 5 for w in _PRON_FIRST},
               **{w: 6 for w in _PRON_WE}, **{w: 7 for w in _PRON_YOU}, **{w: 8 for w in ("who", "whom", "whose")},
               **{w: 9 for w in ("which", "that")}, **{w: 10 for w in ("where", "there", "here")},
               **{w: 11 for w in ("this", "these", "those")}}
_COPULA = re.compile(r"^\s*(?:[,(]\s*)?(?:who\s+|which\s+)?(?:is|was|are|were|'s|became|becomes|has been|had been|"
                     r"named|as|,\s*as)\s*(?:also\s+)?(?:the|a|an|its|his|her|their)?\s*$", re.I)
_APPOS = re.compile(r"^\s*(?:,|\(|-|–|:)\s*(?:the|a|an|his|her|its|their|our)?\s*$", re.I)
_APPOS_MOD = re.compile(r"^\s*(?:,|\(|-|–|—|:)\s*(?:the|a|an|his|her|its|their|our)?\s*(?:[\w'’.-]+\s+){0,6}$", re.I)
_PREDICATE = re.compile(r"^\s*,?\s*(?:who\s+|which\s+)?(?:(?:will|would|to|could|may|might|is|was|has|had|have)\s+)?"
                        r"(?:be|been|is|was|are|were|become|became|becomes|named|picked|chosen|announced|unveiled|"
                        r"selected|appointed|tapped|set|as)\b(?:\s+[\w'’.-]+){0,5}\s*$", re.I)
_GAP_STOP = frozenset(["and", "or", "but", "said", "says", "say", "told", "than", "with", "while", "after", "before"])
_POSS_GAP = re.compile(r"^\s*(?:['’]\s*s?)\s*$")

WITHIN_NAMES = [
    "kind_a", "kind_b", "pron_a", "pron_b", "gender_a", "gender_b", "gender_clash", "plural_a", "plural_b",
    "number_clash", "ment_between", "sent_between", "char_gap", "rank_nonpron", "rank_prop", "rank_same_kind",
    "gap_appos", "gap_copula", "gap_poss", "gap_empty", "relative_next", "a_first_in_sent", "b_first_in_sent",
    "a_headline", "a_head_count", "b_head_count", "a_chain_prop", "w_assoc_word", "w_assoc_word_n", "w_assoc_cls",
    "w_assoc_cls_n", "lower_text_same", "b_head_in_a", "a_head_in_b", "rank_gender_ok", "gap_appos_mod",
    "gap_predicate", "gap_words",
]


def _gender(x: MentionInfo) -> int:
    """1 male, 2 female, 0 unknown: from the mention's own words, else the words around a name."""
    words = [w.lower() for w in _WORD.findall(x.text)] + ([x.head] if x.kind == "pronoun" else [])
    for ws in (words, list(x.ctx) if x.kind == "proper" else []):
        m = any(w in _MALE for w in ws)
        f = any(w in _FEMALE for w in ws)
        if m != f:
            return 1 if m else 2
    return 0


def _plural(x: MentionInfo) -> int:
    words = [w.lower() for w in _WORD.findall(x.text)]
    if not words:
        return 0
    if x.kind == "pronoun":
        return int(x.head in _PLURAL_WORDS)
    if x.kind == "proper":
        return 0
    h = x.head
    last = words[-1] if "of" not in words else words[max(words.index("of") - 1, 0)]
    return int(last in _PLURAL_WORDS or (last != h and last.endswith("s")))


def within_features(articles: Sequence[Article], info: Sequence[MentionInfo], base: np.ndarray,
                    assoc: dict[str, dict[str, Sequence[int]]] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Features of the same-article pairs: rows (P, len(WITHIN_NAMES) + the general pair features
    of ``base``) and index pairs (P, 2), the earlier mention first."""
    texts = [a.text for a in articles]
    by_doc: dict[int, list[int]] = defaultdict(list)
    for i, x in enumerate(info):
        if x.doc >= 0:
            by_doc[x.doc].append(i)
    kw, kc = assoc_keys(info)
    wword = (assoc or {}).get("within_word", {})
    wcls = (assoc or {}).get("within_cls", {})
    gender = [_gender(x) for x in info]
    plural = [_plural(x) for x in info]
    pron = [_PRON_CLASS.get(x.head, 0) if x.kind == "pronoun" else 0 for x in info]
    kind = [KINDS.index(x.kind) for x in info]
    rows: list[list[float]] = []
    pairs: list[tuple[int, int]] = []
    for d, idx in by_doc.items():
        idx.sort(key=lambda i: (info[i].start, info[i].end))
        head_count = Counter(info[i].head for i in idx)
        first_in_sent = set()
        seen_sent: set[int] = set()
        for i in idx:
            if info[i].sent not in seen_sent:
                seen_sent.add(info[i].sent)
                first_in_sent.add(i)
        props_so_far: list[int] = []
        for pb, b in enumerate(idx):
            xb = info[b]
            # ranks of the candidates before b, nearest first
            r_np = r_pr = r_sk = r_g = 0
            for pa in range(pb - 1, -1, -1):
                a = idx[pa]
                xa = info[a]
                gap = texts[d][xa.end:xb.start] if xa.end <= xb.start else ""
                short = len(gap) <= 30
                gap_words = _WORD.findall(gap) if len(gap) <= 80 else ["?"] * 20
                short_words = xa.sent == xb.sent and len(gap_words) <= 7 and not any(
                    w.lower() in _GAP_STOP for w in gap_words)
                g_clash = float(gender[a] > 0 and gender[b] > 0 and gender[a] != gender[b])
                n_clash = float(xa.kind != "proper" and plural[a] != plural[b] and xb.kind in ("pronoun", "nominal"))
                va = wword.get(assoc_key(kw[a], kw[b]))
                vc = wcls.get(assoc_key(kc[a], kc[b]))
                chain_prop = float(xa.kind == "proper" and any(info[p].head == xa.head for p in props_so_far
                                                               if info[p].start < xa.start))
                rows.append([
                    kind[a], kind[b], pron[a], pron[b], gender[a], gender[b], g_clash, plural[a], plural[b], n_clash,
                    pb - pa - 1, xb.sent - xa.sent, np.log1p(max(xb.start - xa.end, 0)), r_np, r_pr, r_sk,
                    float(short and bool(_APPOS.match(gap))), float(short and bool(_COPULA.match(gap))),
                    float(short and bool(_POSS_GAP.match(gap))), float(gap.strip() == ""),
                    float(pron[b] in (8, 9, 10) and pa == pb - 1 and len(gap) <= 4),
                    float(a in first_in_sent), float(b in first_in_sent), float(xa.sent <= 1),
                    head_count[xa.head], head_count[xb.head], chain_prop,
                    (va[0] + 0.1) / (va[1] + 1.0) if va else -1.0, np.log1p(va[1]) if va else 0.0,
                    (vc[0] + 0.1) / (vc[1] + 1.0) if vc else -1.0, np.log1p(vc[1]) if vc else 0.0,
                    float(xa.text.lower() == xb.text.lower()), float(xb.head in xa.toks), float(xa.head in xb.toks),
                    r_g,
                    float(short_words and xb.kind == "nominal" and bool(_APPOS_MOD.match(gap))),
                    float(short_words and xb.kind == "nominal" and bool(_PREDICATE.match(gap))),
                    min(len(gap_words), 20),
                ])
                pairs.append((a, b))
                if xa.kind not in ("pronoun", "time"):
                    r_np += 1
                if xa.kind == "proper":
                    r_pr += 1
                if xa.kind == xb.kind:
                    r_sk += 1
                if not g_clash and xa.kind != "time":
                    r_g += 1
            if xb.kind == "proper":
                props_so_far.append(b)
    if not pairs:
        return np.zeros((0, len(WITHIN_NAMES) + base.shape[-1]), dtype=np.float32), np.zeros((0, 2), dtype=np.int64)
    P = np.array(pairs, dtype=np.int64)
    return np.concatenate([np.array(rows, dtype=np.float32), base[P[:, 0], P[:, 1]]], axis=1), P


def within_probs(p: np.ndarray, articles: Sequence[Article], info: Sequence[MentionInfo], base: np.ndarray,
                 model: dict) -> np.ndarray:
    """``p`` with the same-article pairs scored by the within-article model, when the model has one."""
    w = model.get("W_T")
    if w is None:
        return p
    X, P = within_features(articles, info, base, model.get("assoc"))
    if not len(P):
        return p
    q = tree_probs(X, w, model["within"]["depth"], model["within"]["offset"])
    p = p.copy()
    p[P[:, 0], P[:, 1]] = q
    p[P[:, 1], P[:, 0]] = q
    return p
