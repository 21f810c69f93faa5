"""Roles of people: the title or apposition attached to a PERSON mention.

* Pre-nominal titles: "Chinese President Xi Jinping", "South Korea's presidential spokesperson
  Kim Eui-keum", "spokesman Lu Kang", "Chairman Kim". The run of title words, nationality words
  and possessive place/organisation names right before the name.
* Appositions: "Lu Kang, a spokesman for the foreign ministry, said" and "his wife, Ri Sol Ju".

The role is kept as written (determiners dropped), so "North Korean leader" can later be matched
by "the North Korean leader" in the consolidation.
"""

from __future__ import annotations

import bisect
import dataclasses
import gzip
import json
import logging
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from ..records import Mention
from .ner_features import tokenize

__all__ = ["DEMONYM_END", "DEMONYM_ENDINGS", "GENERATIONS", "IRREGULAR_DEMONYMS", "KIN_SEX", "KIN_WORDS", "NAME_NUMBERS", "ROLE_HEADS", "ROLE_MODS", "ROLE_SEX", "TITLE_SEX", "attach_roles", "first_name_sex", "name_sex", "role_head",
           "sex_clash"]

_log = logging.getLogger(__name__)

ROLE_HEADS = frozenset(["president", "vice-president", "president-elect", "leader", "minister", "premier", "chancellor", "secretary", "chairman", "chairwoman", "chairperson", "chair", "chief", "director", "ambassador", "envoy", "official", "officer", "governor", "mayor", "senator", "congressman", "congresswoman", "representative", "lawmaker", "legislator", "king", "queen", "prince", "princess", "emperor", "empress", "general", "commander", "adviser", "advisor", "aide", "analyst", "professor", "researcher", "correspondent", "reporter", "editor", "ceo", "founder", "manager", "head", "coach", "captain", "judge", "prosecutor", "attorney", "lawyer", "inspector", "sergeant", "lieutenant", "colonel", "major", "admiral", "marshal", "wife", "husband", "lady", "son", "daughter", "father", "mother", "brother", "sister", "uncle", "aunt", "actor", "actress", "singer", "star", "diplomat", "negotiator", "dictator", "ruler", "deputy", "counsel", "economist", "strategist", "expert", "scientist", "doctor", "pope", "bishop", "cardinal", "priest", "rabbi", "imam", "candidate", "nominee", "delegate", "commissioner", "administrator", "executive", "treasurer", "sheriff", "detective", "owner", "partner", "investor", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "speaker", "whip", "representative-elect", "prosecutor-general", "attorney-general", "secretary-general", "director-general", "dr", "mr", "mrs", "ms", "sen", "rep", "gov", "gen", "col", "lt", "capt", "prof"])

ROLE_MODS = frozenset(["presidential", "vice", "deputy", "chief", "senior", "former", "foreign", "prime", "state", "top", "defense", "defence", "finance", "interior", "trade", "national", "security", "first", "supreme", "acting", "executive", "assistant", "general", "special", "then", "late", "leading", "veteran", "opposition", "party", "ministry", "affairs", "junior", "lead", "official", "principal", "associate", "managing", "communications", "press", "operating", "financial", "technical", "technology", "information", "marketing", "commercial", "medical", "legal", "scientific", "investment", "economic", "majority", "minority", "house", "senate"])

# the words of a government office's title before its role word that name no body of their own
# ("Defense" of "Defense Secretary", "Homeland Security" of "Homeland Security Adviser"; not "House",
# "Ministry", "Party"), and the role words such a title ends on
PORTFOLIO_WORDS = (ROLE_MODS - frozenset(["ministry", "party", "house", "senate", "state", "opposition", "official"])) \
    | frozenset(["treasury", "homeland", "justice", "energy", "commerce", "labor", "labour", "education", "health",
                 "transport", "transportation", "agriculture", "housing", "environment", "home", "culture", "veterans",
                 "intelligence", "economy", "industry", "tourism", "immigration"])
OFFICE_HEADS = frozenset(["secretary", "minister", "adviser", "advisor"])

# lower-case words that can stand before a role word without being part of the role ("said chief ...")
_NOT_MODIFIERS = frozenset("""said says told and but with for from that when after before while than who which are
was were been has have had will would new its his her their the our your with into onto about also then
reporters according met asked named called where whom whose this these those there here not""".split())
_DETS = frozenset(["a", "an", "the", "his", "her", "their", "its", "our", "your", "my"])
# the words that tell a father from his son of the same name ("Donald Trump Jr."), and the numbers
# of a name that are no name of their own ("Robert S. Mueller III")
GENERATIONS = frozenset(["jr", "sr"])
NAME_NUMBERS = GENERATIONS | frozenset(["ii", "iii", "iv"])
_BEFORE_VERB = frozenset(["will", "would", "can", "could", "should", "must", "may", "might", "did", "does", "do",
                          "not"])
# verbs that take a person as object, after "to" ("forgot to give candidate Donald Trump"): no field
# of a role ("according to fire chief", "spoke to police chief" keep theirs)
_VERBS_BEFORE_A_PERSON = frozenset("give tell ask send let help call name meet see thank urge hand pay allow force "
                                   "warn invite remind show offer hire elect appoint".split())
# how the name of a people ends ("Korean", "Chinese", "British", "Israeli"), as a tuple and as a pattern
DEMONYM_ENDINGS = ("an", "ese", "ish", "i")
DEMONYM_END = "(?:" + "|".join(DEMONYM_ENDINGS) + ")"
# the places (lower-cased) whose people's adjective is not made from the place's name ("France":
# "French", "the Netherlands": "Dutch"), which no test of a shared stem can tell
IRREGULAR_DEMONYMS = {"france": "french", "netherlands": "dutch", "holland": "dutch", "switzerland": "swiss",
                      "spain": "spanish", "denmark": "danish", "poland": "polish", "finland": "finnish",
                      "ireland": "irish", "wales": "welsh", "philippines": "filipino", "myanmar": "burmese",
                      "laos": "lao", "ivory coast": "ivorian", "united arab emirates": "emirati", "uae": "emirati",
                      "el salvador": "salvadoran", "madagascar": "malagasy", "united kingdom": "british",
                      "uk": "british", "united states": "american", "u.s.": "american", "us": "american"}
_STOP_APPOS = frozenset(",;:.!?()\"“”")
_WORD = re.compile(r"\w")


def role_head(role: str) -> str | None:
    """The last role word of ``role`` ("South Korea's presidential spokesperson" -> "spokesperson")."""
    for w in reversed(role.lower().replace(".", "").split()):
        if w in ROLE_HEADS:
            return w
    return None


# --- the sex of a person: 1 a man, 2 a woman, 0 not known ------------------------------------------
# Told by a title written with the name ("Mrs Jackson"), a family or stage role ("his mother,
# Katherine Jackson"), or a first name the census gives to one sex only ("Michael"). Used to keep a
# "Mrs Jackson" from being a short form of "Michael Jackson", and a "she" from being him.

TITLE_SEX = {**{w: 1 for w in ("mr", "mister", "sir", "lord", "king", "prince", "duke", "monsieur", "herr",
                                "signor", "senor", "señor")},
             **{w: 2 for w in ("mrs", "ms", "miss", "lady", "madam", "madame", "mme", "dame", "queen", "princess",
                                "duchess", "frau", "signora", "senora", "señora")}}
# family ties, with the sex each tells (0: either): a kinship word before a name makes it a person
# ("his wife, Ri Sol Ju"), and a family tie is no shared office (two "sons" of one man are two people)
KIN_SEX = {**{w: 1 for w in ("husband", "widower", "son", "sons", "brother", "brothers", "father", "grandson",
                              "grandfather", "uncle", "nephew", "boyfriend", "fiancé", "fiance", "stepson",
                              "stepfather")},
           **{w: 2 for w in ("wife", "widow", "daughter", "daughters", "sister", "sisters", "mother",
                              "granddaughter", "grandmother", "aunt", "niece", "girlfriend", "fiancée", "fiancee",
                              "stepdaughter", "stepmother")},
           **{w: 0 for w in ("spouse", "cousin")}}
KIN_WORDS = "|".join(sorted(KIN_SEX, key=len, reverse=True))  # the family words as a pattern's alternatives, longest first
ROLE_SEX = {**{w: g for w, g in KIN_SEX.items() if g},
            **{w: 1 for w in ("actor", "king", "prince")},
            **{w: 2 for w in ("actress", "queen", "princess", "chairwoman", "spokeswoman", "congresswoman", "lady")}}
FIRST_NAMES_PATH = Path(__file__).resolve().parent.parent / "models" / "first-names.json.gz"


@lru_cache(maxsize=1)
def _names_table() -> dict[str, list[str]]:
    """``scripts/build_first_names.py``'s table: "male", "female" first names, common "surnames"."""
    try:
        with gzip.open(FIRST_NAMES_PATH, "rt", encoding="utf-8") as fh:
            return dict(json.load(fh))
    except (OSError, ValueError):
        _log.warning("no first-name table at %s: titles and pronouns no longer tell two people of one "
                     "surname apart", FIRST_NAMES_PATH)
        return {}


@lru_cache(maxsize=1)
def _first_names() -> dict[str, int]:
    """First name -> 1 or 2 ({} when the table is missing)."""
    table = _names_table()
    return {**{n: 1 for n in table.get("male", ())}, **{n: 2 for n in table.get("female", ())}}


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(_names_table().get("surnames", ()))


def common_surname(word: str) -> bool:
    """Whether ``word`` (any case) is one of the census's most common family names ("Sanders",
    "Saunders", "Miller", "Mueller"): two such are two families, not two spellings of one."""
    return word.lower() in _surnames()


def first_name_sex(word: str) -> int:
    """1 or 2 when the census gives the first name ``word`` (any case) to one sex, else 0."""
    return _first_names().get(word.lower(), 0)


def name_sex(name: str) -> int:
    """The sex a written name tells: its title ("Mrs Jackson", "Mr. Okafor"), else the first name of a
    name of two words or more ("Katherine Jackson"); 0 for a bare surname or an unknown first name."""
    words = [w.strip(".,") for w in name.split()]
    words = [w for w in words if w]
    if len(words) >= 2 and words[0].lower() in TITLE_SEX:
        return TITLE_SEX[words[0].lower()]
    return first_name_sex(words[0]) if len(words) >= 2 else 0


# nouns that name a person (a role, a kin, a walk of life): the head of a phrase that can be a speaker
# or the person a pronoun stands for ("A bodyguard to Michael Jackson", "the 36-year-old outfielder")
PERSON_NOUNS = ROLE_HEADS | frozenset("""
man woman boy girl child baby teenager person people officer doctor nurse student teacher driver pilot suspect
victim worker employee soldier friend neighbour neighbor resident witness patient gunman attacker author writer
reporter journalist photographer farmer fisherman miner monk climber survivor passenger prisoner inmate detainee
hostage defendant plaintiff dissident activist agent artist athlete champion winner player guard bodyguard
publicist assistant maid housekeeper chef cook nanny manager employer staffer official aide adviser expert
member representative executive spokesperson protester demonstrator rebel fighter militant veteran refugee
migrant citizen voter fan customer user owner tenant landlord parent relative cousin grandparent sibling
colleague partner rival opponent critic supporter observer investigator prosecutor diplomat lawmaker legislator
firefighter rescuer volunteer organizer organiser officer trooper sheriff medic paramedic surgeon physician
pharmacist psychologist psychiatrist therapist coroner pathologist engineer technician scientist researcher
historian economist analyst professor lecturer principal headmaster pastor minister cleric preacher
""".split())


# the first subject or possessive pronoun after a name in its own sentence; "her" and "him" are left out
# ("Jackson hugged her": she is someone else)
_NEXT_PRONOUN = re.compile(r"[^.!?;\n\"“”]{0,80}?\b(he|his|himself|she|herself)\b", re.IGNORECASE)
_WORD = re.compile(r"[\w’'-]+")


def pronoun_sex(text: str, end: int) -> int:
    """The sex the rest of a name's sentence gives it (the name ends at ``end``): the first "he",
    "his", "himself", "she" or "herself" after it when no other person can be meant in between, no
    capitalised word and no person's noun ("Jackson was a drug addict who caused his own death": 1;
    "Jackson 's mother said she", "Jackson told Murray he": 0)."""
    if re.match(r"\s*['’]\s?s\b", text[end:end + 4]):
        return 0  # "Jackson's lawyer said he": the pronoun is the owned person's
    m = _NEXT_PRONOUN.match(text, end)
    if not m:
        return 0
    between = _WORD.findall(text[end:m.start(1)])
    if any(w[:1].isupper() or w.lower() in PERSON_NOUNS or w.lower().rstrip("s") in PERSON_NOUNS
           for w in between):
        return 0
    return 1 if m.group(1).lower() in ("he", "his", "himself") else 2


def sex_clash(a: int, b: int) -> bool:
    """Both known and different."""
    return bool(a and b and a != b)


class _Covering:
    """The first of ``mentions`` (in their order) that covers a span, found by the starts: a long
    text's mentions are not each read for every word before a name."""

    def __init__(self, mentions: Sequence[Mention]) -> None:
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        self._mentions = [mentions[i] for i in order]
        self._index = order
        self._starts = [m.start for m in self._mentions]
        self._reach: list[int] = []  # the furthest end of the mentions up to each one, by start
        for m in self._mentions:
            self._reach.append(max(m.end, self._reach[-1] if self._reach else m.end))

    def __call__(self, a: int, b: int) -> Mention | None:
        best = None
        j = bisect.bisect_right(self._starts, a) - 1
        while j >= 0 and self._reach[j] >= b:
            m = self._mentions[j]
            if m.end >= b and (best is None or self._index[j] < self._index[best]):
                best = j
            j -= 1
        return self._mentions[best] if best is not None else None


def _sentence_start(text: str, pos: int) -> bool:
    """True when ``pos`` opens a sentence (only spaces and quotes after a full stop or a line start)."""
    while pos > 0 and text[pos - 1] in " \t\"“'‘":
        pos -= 1
    return pos == 0 or text[pos - 1] in ".!?\n"


# a verb that takes a person right after a name, ending its clause: the name is its subject and the
# role its missing object ("the deputy Nichols murdered."; not "the police chief Mark Jones resigned",
# nor "the civil rights leader Medgar Evers murdered in 1963", a participle)
_OBJECT_CLAUSE = re.compile(r"\s+(?:murdered|killed|shot|stabbed|attacked|assaulted|beat|struck|robbed|kidnapped|"
                            r"abducted|raped|injured|wounded|hired|fired|replaced|defeated|sued|arrested|"
                            r"interviewed|appointed|nominated)\b(?=\s*(?:[.,;:!?\n]|$))")


def _of_title(text: str, toks: Sequence[tuple[int, int]]) -> int | None:
    """The index of a capitalised role word that opens a title with "of" and one or two capitalised
    words right before a name ("Chief of Staff Ada Vask", "Secretary of State Tom Hale", "Director of
    National Intelligence Per Lind"), or None."""
    n = len(toks)
    for words in (1, 2):
        h = n - words - 2
        if h < 0:
            continue
        head = text[toks[h][0]:toks[h][1]]
        if head[:1].isupper() and head.lower() in ROLE_HEADS and text[toks[h + 1][0]:toks[h + 1][1]] == "of" \
                and all(text[a:b][:1].isupper() and text[a:b].isalpha() for a, b in toks[h + 2:]):
            return h
    return None


def _pre_role(text: str, m: Mention, covering: _Covering, report_start: int = 0) -> str | None:
    lo = max(0, m.start - 120, report_start if report_start <= m.start else 0)
    nl = text.rfind("\n", lo, m.start)
    if nl >= 0:
        lo = nl + 1
    toks = tokenize(text, lo, m.start)
    k = len(toks)
    of = _of_title(text, toks)
    if of is not None:
        k = of + 1  # (the run is read on from the role word before "of": "White House Chief of Staff")
    first = k
    has_head = False
    fields = 0  # field nouns taken before the role word
    while k > 0:
        a, b = toks[k - 1]
        w = text[a:b]
        lw = w.lower().rstrip(".")
        cov = covering(a, b)
        if lw in ROLE_HEADS:
            has_head = True
        elif lw in ROLE_MODS or (lw in PORTFOLIO_WORDS and w[:1].isupper()):
            pass  # ("deputy", "Treasury" of "Treasury Secretary")
        elif cov is not None and cov is not m and cov.label in ("MISC", "LOC", "ORG"):
            # a nationality or a place/organisation name: jump to its start
            while k > 0 and toks[k - 1][0] >= cov.start:
                k -= 1
            if k > 0 and text[toks[k - 1][0]:toks[k - 1][1]].lower() in ("in", "at"):
                break  # the place of a phrase before the title ("the US general in Haiti Lt Gen Ken Keen")
            first = k
            continue
        elif lw in ("'s", "’s") and k > 1 and covering(*toks[k - 2]) is not None:
            pass
        elif w[:1].isupper() and w.endswith(DEMONYM_ENDINGS) and len(w) > 3 and k < len(toks):
            pass  # an untagged nationality word ("Korean", "Chinese") inside a title run
        elif (k < len(toks) and has_head and fields < 2
              and (fields == 1 or text[toks[k][0]:toks[k][1]].lower().rstrip(".") in ROLE_HEADS)
              and text[toks[k][0]:toks[k][1]].islower()  # "police chief"; a title's capital ends the run ("want President")
              and w.isalpha() and len(w) > 2 and w.lower() not in _NOT_MODIFIERS
              and (w.islower() or (w[1:].islower() and _sentence_start(text, a)))
              and not w.endswith(("ly", "ed", "ing"))
              # (a verb after a modal, or one that takes a person after "to", is no field: "forgot to
              # give candidate Donald Trump")
              and not (k >= 2 and text[toks[k - 2][0]:toks[k - 2][1]].lower() in _BEFORE_VERB)
              and not (k >= 2 and text[toks[k - 2][0]:toks[k - 2][1]].lower() == "to"
                       and w.lower() in _VERBS_BEFORE_A_PERSON)):
            # a noun naming the field of the role right before it ("fire chief", "police chief"), or two
            # ("public works director", "coast guard commander"); the run goes on only to a modifier
            # ("deputy fire chief") or a name ("Riverton police chief")
            fields += 1
            k -= 1
            first = k
            continue
        else:
            break
        k -= 1
        first = k
    if not has_head or first >= len(toks):
        return None
    before = [text[a:b].lower() for a, b in toks[max(0, first - 4):first]]
    det = next((i for i in range(len(before) - 1, -1, -1) if before[i] in ("the", "a", "an")), None)
    if det is not None and all(w.isalpha() or w in ("'s", "’s") for w in before[det + 1:]) \
            and _OBJECT_CLAUSE.match(text, m.end):
        return None  # "the court reporter Nichols murdered": the role is the one he murdered
    # a title run must end on a role word or a name-ish word right before the person
    span = text[toks[first][0]:toks[-1][1]]
    words = span.split()
    while words and words[0].lower() in _DETS:
        words.pop(0)
    role = " ".join(words)
    return role if role and role_head(role) else None


def _titles_a_listed_person(text: str, toks: Sequence[tuple[int, int]], m: Mention, covering: _Covering) -> bool:
    """Whether the words after a name's comma are a title and another person's name, which a list names
    beside it ("attended by Blair, Foreign Secretary Rob Kell and ...", "at Camp Ferris, former sergeant
    Tom Vane, 32"): no apposition of the name before, but the later person's own title. A person named
    inside a title after its possessive keeps it an apposition ("Ann Lee, President Tom Vane's adviser")."""
    run = [text[a:b] for a, b in toks]
    k = next((i for i, w in enumerate(run[:5]) if w.lower().rstrip(".") in ROLE_HEADS), None)
    if k is None or not all(w.lower() in _DETS | ROLE_MODS or w[:1].isupper() for w in run[:k]):
        return False
    while k < len(run) and (run[k].lower().rstrip(".") in ROLE_HEADS or run[k].lower() in ROLE_MODS):
        k += 1
    if k == len(run) or not run[k][:1].isupper():
        return False
    named = covering(*toks[k])
    return (named is not None and named is not m and named.label == "PERSON" and named.start == toks[k][0]
            and not text.startswith(("'s", "’s"), named.end))


def _appos_role(text: str, m: Mention, sentence_end: int | None = None, covering: _Covering | None = None) -> str | None:
    rest = text[m.end:m.end + 200]
    if not rest.startswith(", "):
        return None
    # (an apposition ends with its sentence: "Ann Lee, president of Acme Inc.\nTo be sure, ..." gives
    # "president of Acme Inc.", not a role run on into the next sentence's opening words)
    limit = min(len(text), m.end + 200, sentence_end if sentence_end is not None else len(text))
    toks = tokenize(text, m.end + 2, limit)
    words: list[str] = []
    stop = ""
    for a, b in toks[:14]:
        w = text[a:b]
        if w in _STOP_APPOS or w.lower() in ("who", "which", "that", "said", "says", "told"):
            stop = w
            break
        words.append(w)
    else:
        if not (words and len(toks) < 14 and limit == sentence_end):
            return None
        stop = "."  # the sentence's end closes it
    # "<name>, a spokesman for ..." / "<name>, spokesman for ...": a determiner or a role word first,
    # closed by punctuation or a clause (the loop above returned None when nothing closed it)
    if not words or words[0].lower() not in _DETS | ROLE_HEADS | ROLE_MODS:
        return None
    if covering is not None and _titles_a_listed_person(text, toks[:len(words)], m, covering):
        return None
    while words and words[0].lower() in _DETS:
        words.pop(0)
    if not words or not any(w.lower() in ROLE_HEADS for w in words[:4]):
        return None
    head = next(i for i, w in enumerate(words) if w.lower() in ROLE_HEADS)
    last_role = max(i for i, w in enumerate(words) if w.lower() in ROLE_HEADS)
    after = words[last_role + 1:]
    if stop.lower() in ("said", "says", "told") and after and all(w[:1].isupper() for w in after):
        # "... to Mark Teixeira, general manager Tony Reagins said": another titled person speaks
        return None
    if stop != "," and head + 1 < len(words) and _VERB_AFTER_ROLE.fullmatch(words[head + 1]):
        # "In his appearance with Kim, the president addressed questions ...": a clause, no apposition
        # (one a second comma closes is one: "John Smith, the prosecutor assigned to the case, said")
        return None
    while words and words[-1].lower() in _TRAILING:
        words.pop()  # "Tietmeyer, head of the bank on which ...": "head of the bank"
    return " ".join(words)


# a finite verb right after a role word: the phrase is the subject of a clause ("the president addressed")
_VERB_AFTER_ROLE = re.compile(r"[a-z]+ed|is|was|has|had|will|would|says|said|told|added|can|could|did")
# words a role cut before a relative clause cannot end on
_TRAILING = frozenset("on in at of for to with by from about and or the a an".split())


# a person's name of two words or more closed by a comma ("Tim Pendry, "), not an opening phrase
# ("On Monday, ", "In London, ")
_NAME_BEFORE = re.compile(r"(?<![\w.])(?!(?:On|In|At|After|Before|By|For|From|With|During|Since|Until|Last|This|Early|Late)\b)"
                          r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*)+,\s*$")


def _before_appos_role(text: str, m: Mention) -> str | None:
    """'his wife, Ri Sol Ju': a short determiner + role phrase ending in a comma before the name."""
    before = text[max(0, m.start - 60):m.start]
    mm = re.search(r"\b(?:his|her|their|its|the)\s+((?:[\w-]+\s+){0,2}?[\w-]+),\s*$", before, re.IGNORECASE)
    if not mm or _NAME_BEFORE.search(before[:mm.start()]):
        return None  # "Tim Pendry, his London-based adviser, Idris said": the adviser is Pendry
    phrase = mm.group(1)
    return phrase if phrase.split()[-1].lower() in ROLE_HEADS else None


def attach_roles(text: str, mentions: Sequence[Mention], sentence_ends: Sequence[int] = (),
                 report_start: int = 0) -> list[Mention]:
    """``mentions`` with ``role`` set on PERSON mentions that carry a title or an apposition (which
    ends with the sentence, when ``sentence_ends``, the sorted ends of the text's sentences, are given).
    A title is not read across ``report_start``, the end of a headline the text opens with ("... to
    constrain Iran President Trump and ...": no "Iran President")."""
    out = []
    covering = _Covering(mentions)
    for m in mentions:
        if m.label != "PERSON" or m.role:
            out.append(m)
            continue
        k = bisect.bisect_left(sentence_ends, m.end)
        end = sentence_ends[k] if k < len(sentence_ends) else None
        role = _pre_role(text, m, covering, report_start) or _appos_role(text, m, end, covering) or _before_appos_role(text, m)
        out.append(dataclasses.replace(m, role=role) if role else m)
    return out
