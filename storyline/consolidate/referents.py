"""Whom a sentence's opening pronoun means, when its article makes that clear.

A timeline entry shown out of its article ("He is a free man.") leans on the sentences before it.
``opening_referent`` names the person an opening "He", "She", "His" or "Her" refers to, reading back
from the sentence: the nearest sentence that names anyone names exactly one person who can be meant
(not one of the other sex, by a title or a first name), or the answer is None. It never guesses
between two people, and it reads no further back than ``LOOK_BACK`` sentences: a wrong name shown as
fact is worse than a pronoun left as written. ``without_unplaced`` leaves out of a reader's timeline
an entry still opening on a pronoun ("Its report is due ...") where another entry tells its day.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..analyze.ner_roles import PERSON_NOUNS, ROLE_MODS, ROLE_SEX, name_sex, sex_clash
from ..analyze.quotes import quoted_regions, with_typewriter_marks
from ..records import Entity, Mention, TimelineEntry
from .timeline_rank import quote_only

__all__ = ["LOOK_BACK", "bracketed", "leans_on_pronoun", "opening_pronoun", "opening_referent", "with_referents",
           "without_unplaced"]

LOOK_BACK = 2  # sentences before the pronoun's own that may name its person
CHAIN = 3  # sentences opening on the same "He" or "She" that pass a referent on
# the pronoun before a lower-case word or a contraction ("He said", "Her lawyer", "He's"); not "He Yafei",
# "His Holiness", "Her Majesty's", "He-Man"
_OPENING = re.compile(r"[\s\"“'‘(\[-]*(He|She|His|Her)(?=['’](?:s|d|ll)\b|\s+[a-z])")
_SEX = {"He": 1, "His": 1, "She": 2, "Her": 2}


def opening_pronoun(sentence: str) -> tuple[int, int, int] | None:
    """(start, end, sex) of the personal pronoun that opens ``sentence``, else None. ("Its" is left
    alone: it mostly means the thing its sentence before names last, "Apple unveiled the new iPhone.
    Its battery ...", not the subject.)"""
    m = _OPENING.match(sentence)
    return (m.start(1), m.end(1), _SEX[m.group(1)]) if m else None


def opening_referent(text: str, start: int, sentences: Sequence[tuple[int, int]],
                     people: Sequence[tuple[int, int, str]], quoted: Sequence[tuple[int, int]] = ()) -> str | None:
    """The name of the person the pronoun opening the sentence at ``start`` of ``text`` means.

    ``sentences``: the article's sentence spans, in order; ``people``: its person mentions as
    (start, end, name), the name the story gives that person (the canonical one, so that "Mandela" and
    "Nelson Mandela" are one), in order. None when the sentence opens on no personal pronoun, when no
    sentence of the last ``LOOK_BACK`` before it names a person, or when the nearest that does names
    more than one who can be meant. A name inside ``quoted`` spans (quotation marks) is no one the
    narrative's pronoun means: "``The Year of the Death of Ricardo Reis'' ... His latest book" is the
    author's; when the pronoun itself is quoted, every name counts. A sentence between that opens on the
    same "He" or "She" and has no other subject passes its own referent on ("Tom Brae spoke first. He
    said the fee was paid. He said his client had the receipts"), up to ``CHAIN`` sentences back."""
    return _referent(text, start, sentences, people, quoted, CHAIN)


def _referent(text: str, start: int, sentences: Sequence[tuple[int, int]], people: Sequence[tuple[int, int, str]],
              quoted: Sequence[tuple[int, int]], chain: int) -> str | None:
    found = opening_pronoun(text[start:start + 40])
    if found is None:
        return None
    sex = found[2]
    at = start + found[0]
    if any(x <= at < y for x, y in quoted):
        return None  # a pronoun in someone's quoted words: whom the speaker means, not told here
    before = [s for s in sentences if s[1] <= at]
    for s, e in reversed(before[-LOOK_BACK:]):
        named = [(a, b, name) for a, b, name in people
                 if s <= a and b <= e and not any(x <= a and b <= y for x, y in quoted)]
        same = chain > 0 and _opens_on(text, s, sex, quoted)  # "He said ... He said ...": one subject
        if not named:
            if same:
                return _referent(text, s, sentences, people, quoted, chain - 1)
            continue
        # the nearest sentence that names anyone decides: its subject, if a person fits, else no one
        # ("Deputies arrested Tom Reyes. He told reporters ..." may be the sheriff; "Tom Brae's father
        # spoke. He said ..." is the father; "A gunman who shot Tom Brae was arrested. He ..." the gunman);
        # a role of the other sex before the name tells it apart too ("His wife, Jennifer, ... His sons")
        fits = {name for a, b, name in named if _subject(text, s, a, b) and not sex_clash(sex, name_sex(name))
                and not any(sex_clash(sex, ROLE_SEX.get(w, 0)) for w in re.findall(r"[a-z]+", text[s:a]))}
        if not fits and same:
            return _referent(text, s, sentences, people, quoted, chain - 1)
        if len(fits) != 1:
            return None  # (one of two that a sex tells apart is meant; two who fit, none)
        name = next(iter(fits))
        if any(ROLE_SEX.get(w) == sex for w in re.findall(r"[a-z]+", text[s:e])):
            return None  # "Comeaux stabbed his wife ... She survived": someone of that sex, unnamed
        return name
    return None


def _opens_on(text: str, s: int, sex: int, quoted: Sequence[tuple[int, int]]) -> bool:
    """Whether the sentence at ``s`` opens on "He" or "She" of ``sex``, outside quotation marks."""
    found = opening_pronoun(text[s:s + 40])
    return found is not None and found[2] == sex and text[s + found[0]:s + found[1]] in ("He", "She") \
        and not any(x <= s + found[0] < y for x, y in quoted)


# words that may stand before a subject's name in its sentence: a title or a role in capitals ("Sheriff",
# "Army Spc.", "Northline"), an article, a lower-case role or walk of life ("chief executive", "spokeswoman",
# "His personal doctor, Conrad Murray", "paramedic Richard Senneff"), an opening phrase's time ("On Monday,"),
# another subject ("Thomas Brandvold and Mary Lund met"); each lower-case word is one of ``_BEFORE_WORDS``.
# Each word is read one way only (possessive ``*+``), so that the match takes time linear in the words
# before the name, not exponential: a capitalised word is one word, never a capital and a lower-case
# word ("Deputy", not "D" + "eputy": a long sentence of capitalised words held a brief for hours); a
# lower-case word ends at a hyphen only where a capitalised word follows it ("anti-" + "U.S."), the one
# place where ending there reads more of the sentence than going on does.
_BEFORE_SUBJECT = re.compile(r"[\s\"“'‘(]*+(?:(?:[A-Z][\w.’'-]*+|[a-z](?:\w++|-++(?!\d*[A-Z]))*+(?:-++(?=\d*[A-Z]))?+\b"
                             r"|[,\d])\s*+)*+$")
_BEFORE_WORDS = PERSON_NOUNS | ROLE_MODS | frozenset(
    """the a an his her their its personal trucker and on in at late early last this monday tuesday wednesday thursday
    friday saturday sunday morning afternoon evening night week year""".split())


def _subject(text: str, s: int, a: int, b: int) -> bool:
    """Whether the name at ``a``..``b`` is its sentence's subject: only titles, roles and an opening
    time before it in the sentence from ``s``, and no possessive after it ("Sam Ortiz's lawyer")."""
    return bool(_BEFORE_SUBJECT.match(text, s, a)) and not re.match(r"\s?['’]s?\b", text[b:b + 3]) \
        and all(w in _BEFORE_WORDS for w in re.findall(r"(?<![\w.’'-])[a-z][\w-]*", text[s:a]))


def bracketed(sentence: str, name: str | None) -> str:
    """``sentence`` with ``name`` set in brackets after its opening pronoun ("He [Nelson Mandela] is a
    free man."); the sentence as it is without a name."""
    found = opening_pronoun(sentence) if name else None
    if found is None:
        return sentence
    return f"{sentence[:found[1]]} [{name}]{sentence[found[1]:]}"


def with_referents(entries: Sequence[TimelineEntry], texts: Mapping[str, str],
                   sentences: Mapping[str, Sequence[tuple[int, int]]], mentions: Sequence[Mention],
                   entities: Sequence[Entity]) -> list[TimelineEntry]:
    """Timeline entries whose opening pronoun names, in brackets, the person its article means by
    it ("He [Nelson Mandela] is a free man."), read from the first citation that opens on it.
    ``texts`` and ``sentences``: each article's text and sentence spans; ``mentions``: the story's
    mentions linked to ``entities`` (``entity_id``)."""
    people_of = {e.id: e.name for e in entities if e.label == "PERSON"}
    people: dict[str, list[tuple[int, int, str]]] = {}
    for m in mentions:
        if m.entity_id in people_of:
            people.setdefault(m.article_id, []).append((m.start, m.end, people_of[m.entity_id]))
    for spans in people.values():
        spans.sort()
    out = []
    for entry in entries:
        name = None
        if opening_pronoun(entry.text) is not None:
            for c in entry.citations:
                text = texts.get(c.article_id, "")
                if opening_pronoun(text[c.start:c.start + 40]) is not None:
                    name = opening_referent(text, c.start, sentences.get(c.article_id, ()),
                                            people.get(c.article_id, ()), _quoted(text))
                    break
        out.append(replace(entry, text=bracketed(entry.text, name)) if name else entry)
    return out


# an opening pronoun or possessive of the narrative, before a lower-case word or a contraction ("Its
# preliminary report is due", "Their heads were found", "They had been abducted", "It said the flights
# ..."); not an opening quotation ("“He was just making a career,” his sister said": its speaker
# tells whom), nor a pronoun a name in brackets follows, nor "It" alone ("It was not clear whether ...")
_LEANING = re.compile(r"(?:…\s*)?(?:He|She|His|Her|Him|Its|They|Their|Them|It(?=\s+(?:said|says|added|"
                      r"announced|reported|told|claimed|has\s+said|had\s+said)\b))(?=['’](?:s|d|ll|re|ve)\b|\s+[a-z])")


def leans_on_pronoun(text: str) -> bool:
    """Whether ``text`` opens on a pronoun or possessive whose referent it does not show ("Its
    preliminary report is due within 30 days, a spokeswoman said."): out of its article, whose?"""
    return bool(_LEANING.match(text))


def without_unplaced(entries: Sequence[TimelineEntry]) -> list[TimelineEntry]:
    """The timeline without the entries that open on a pronoun left unresolved (``leans_on_pronoun``)
    or are a quotation a pronoun says (``quote_only``: "“It was too painful,” she said.") on a day
    that another entry, one that reads on its own, tells: that entry gives the day's news, and a
    reader cannot tell whose "Its report" or "Their heads" the other means, nor who speaks. An entry
    alone on its day stays (the day would be lost), and so does one dated by a month or a year: the
    others of a year ("He was arrested in 2003 ...") tell other events of the background, not its news."""
    unplaced = [_unplaced(e.text) for e in entries]
    told = {e.date for e, out in zip(entries, unplaced) if e.granularity == "day" and not out}
    return [e for e, out in zip(entries, unplaced) if e.date not in told or not out]


def _unplaced(text: str) -> bool:
    return leans_on_pronoun(text) or quote_only(text)


def _quoted(text: str) -> list[tuple[int, int]]:
    """The quoted passages of ``text``, typewriter quotes (``...'') too."""
    return quoted_regions(with_typewriter_marks(text))
