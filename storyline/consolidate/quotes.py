"""Who said what in a story: quotes grouped by speaker, across articles.

- Speakers are canonicalised by a simple rule until the entity module provides ids: the full name
  ("Governor Helen Marsh" -> "Helen Marsh"), a pronoun or bare surname resolved inside its article
  (``Quote.speaker_resolved``), a surname matched to the one full name of the story that ends in
  it, and spelling variants of one person ("Dariusz"/"Darius Kowalczyk") kept together as aliases.
- With ``entity_of`` (a mapping or a function from a speaker mention ``(article_id, start, end)``
  to an entity id) the entity ids decide instead and the names only label the groups.
- The same quote reported by several outlets is one entry with every citation (normalised word
  overlap; wire copies therefore collapse too).

Groups come most-quoted first.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from functools import lru_cache
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Mapping, Sequence, Union

from ..analyze.timex import WEEKDAYS
from ..analyze.ner_roles import IRREGULAR_DEMONYMS, PERSON_NOUNS, ROLE_HEADS, ROLE_MODS, TITLE_SEX, first_name_sex, name_sex, sex_clash
from ..analyze.entities import lowercase_word
from ..analyze.quotes import (OPENING_WORDS, PREPOSITIONS, broadcast_staff, governed, held_cue, is_turn, speech_cue,
                              staff_title, without_medium)
from ..analyze.sentences import headline_end
from ..records import Article, Citation, Entity, Quote, QuoteGroup
from .names import similar_names
from .summary_text import personal_page

__all__ = ["denial_cue", "group_quotes", "is_claim", "names_a_speaker", "not_a_place", "relayed", "speaker_name", "similar_names", "same_quote", "with_cue"]

MentionKey = tuple[str, int, int]
EntityOf = Union[Mapping[MentionKey, str], Callable[[MentionKey], "str | None"]]

_PRONOUNS = frozenset("he she they it we i you who him her them this that".split())
_TITLE_WORDS = frozenset("""
president vice minister prime foreign spokesman spokeswoman spokesperson chief leader governor senator
secretary director executive chairman chairwoman mayor analyst adviser advisor ambassador general
commissioner official candidate nominee professor judge police lawyer attorney fire presidential
mr mrs ms dr gov sen rep gen the a an former acting deputy
""".split())
_WORD = re.compile(r"[\w’']+")
_NAME_JOINERS = frozenset(["of", "de", "la", "van", "von", "bin", "al", "el", "da", "di", "del", "the", "and"])


def _norm(s: str) -> str:
    return " ".join(s.replace("’", "'").split())


_PERSON_PRONOUNS = frozenset("he she him her".split())
_CALENDAR = frozenset(w for w in WEEKDAYS if len(w) > 3) | frozenset("today yesterday tomorrow tonight".split())


# "Nick Davis in Port-au-Prince says": a name, then where it is
_LOCATIVE = re.compile(r"(?:([A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*)*)\s+)?\b(?:in|at|from|near|outside|inside|"
                       r"(?<![Aa]ccording )to|into|across)\s+(?:the\s+(?:[a-z]+\s+){0,2})?"
                       # the last of a list of places: "officials in Milan, Madrid, Amsterdam and Brussels"
                       r"(?P<list>(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*,\s+)*)$")


def not_a_place(q: Quote, text: str) -> Quote:
    """``q`` with its speaker moved off a place that only says where the speaker is: "The BBC's Nick
    Davis in Port-au-Prince says ..." is Nick Davis's; "a nurse who works just outside the capital
    Port-au-Prince says ..." has no named speaker, nor have "executives ... that have flocked to Kuala
    Lumpur told ..." and "officials in Milan, Madrid, Amsterdam and Brussels have indicated ...".
    Unchanged when the speaker phrase does not follow "in", "at", "from", "near", "outside",
    "inside", "to", "into" or "across" (or a list of names after one)."""
    if q.speaker_start is None or q.speaker_resolved or not text:
        return q
    for _ in range(3):  # a place after a place: "The BBC's Barbara Plett at the UN in New York says" is hers
        m = _LOCATIVE.search(text, max(0, q.speaker_start - 80), q.speaker_start)
        if not m or (m.group("list") and not re.search(r"\s(?:and|or)\s", q.speaker or "")):
            return q  # a list ends on "and": "In Beijing, Xi said" is no list of places
        if not m.group(1):
            return replace(q, speaker=None, speaker_start=None, speaker_end=None)
        q = replace(q, speaker=m.group(1), speaker_start=m.start(1), speaker_end=m.end(1))
    return q


_VAGUE = re.compile(r"(?:(?:a lot of|lots of|many|some|most|few|other|all|these|those|the|a|an|one)\s+)?"
                    r"(?:people|folks|others|everyone|everybody|nobody|no one|someone|somebody|many|some|most|"
                    r"experts|analysts|observers|critics|commentators|scientists|researchers|sources?|"
                    r"witness(?:es)?|reports?|media\s+reports?|news\s+reports?)")
_CONTRACTION = re.compile(r"n['’]?t|['’]?(?:s|re|ll|ve|d|m)|and|but|or|so|then|also|yet")


def _proper_tail(words: Sequence[str]) -> list[str]:
    """The capitalised words ending ``words`` (no title, no possessive), last first."""
    tail: list[str] = []
    for w in reversed(words):
        bare = re.sub(r"['’]s$", "", w)
        if bare[:1].isupper() and bare.lower().strip(".") not in _TITLE_WORDS and bare == w and w not in OPENING_WORDS:
            tail.append(w)
        else:
            break
    return tail


def _opener_word(w: str) -> bool:
    """A capitalised word that opens a sentence before a name and is no part of it ("But Microsoft",
    "As Clinton", "Both Clinton", "Under Bush"): a word the language writes in lower case."""
    if w in OPENING_WORDS:
        return True
    return w[1:].islower() and lowercase_word(w) and not first_name_sex(w)


# words that end a body's name, not a person's ("National Institutes of Health", "The Times of London")
_BODY_WORDS = frozenset("""university universities institute institutes academy division bureau ministry department
authority association center centre council committee court board coalition times bar bank agency commission party
group program programme service services society foundation office club league union fund organization
organisation""".split())


def _person_head(words: Sequence[str]) -> bool:
    """Whether ``words`` end on a person's name, named as one: after a title or a role ("Dr. Jonathan
    Kay", "analyst John Hetherington") or with a first name ("Jean-Marc Leger"); no body's name
    ("National Institutes", "Chinese University")."""
    tail = _proper_tail(words)[::-1]
    if not tail or any(w.lower().strip(".") in _BODY_WORDS for w in tail):
        return False
    before = words[len(words) - len(tail) - 1].lower().strip(".") if len(tail) < len(words) else ""
    return before in _TITLE_WORDS or before in ROLE_HEADS or (len(tail) >= 2 and first_name_sex(tail[0]) != 0) \
        or (len(tail) >= 2 and "-" in tail[0])


def speaker_name(q: Quote) -> str | None:
    """A display name for a quote's speaker: the resolved full name, else the proper-name tail of the
    speaker phrase, else the phrase itself (organisations: "The agency"). None for bare pronouns."""
    if q.speaker_resolved and q.speaker_resolved.lower() not in _PRONOUNS:  # "he" read as "I": unresolved
        return _norm(q.speaker_resolved)
    if not q.speaker:
        return None
    sp = _norm(q.speaker).strip(" ,")
    if sp.lower() in _PRONOUNS or _CONTRACTION.fullmatch(sp.lower()) or _VAGUE.fullmatch(sp.lower()) \
            or sp.lower() in ("the", "a", "an", "this", "that", "these", "those") or sp in OPENING_WORDS:
        return None  # a pronoun, a tokenized contraction ("n't", "'re"), no one in particular ("a lot of
        # people"), or an article the extractor was left with ("... decried the atrocities, and said ...")
    first = re.split(r"[\s'’]", sp.lower(), maxsplit=1)[0]
    if first in ("i", "we", "you") and len(sp.split()) > 1:
        return None  # "I don't", "We 're": words of a quotation read as its speaker
    if ((first in _PRONOUNS or first == "let") and re.search(r"['’]", sp)) or \
            re.sub(r"['’]s?$", "", sp.lower()) in _CALENDAR:
        return None  # "They've", "Let's", "Friday's": no one (but "He Yafei", "Sunday Times")
    sp = re.sub(r",(?!\d{3}\b).*$", "", sp)  # appositive: "Kerr Putney, the police chief," -> "Kerr Putney" (not "2,500")
    words = without_medium(sp.split())  # ("the Interfax news agency" is Interfax)
    post = next((i for i, w in enumerate(words) if i > 0 and w in PREPOSITIONS), None)
    if post is not None and _person_head(words[:post]):
        # a name before a post-modifier: "Dr. Jonathan Kay of the Lahey Clinic in Burlington" is Kay,
        # "Mr. Leger of the Quebec polling firm Leger & Leger" is Leger (not "Secretary of State ...")
        words = words[:post]
    tail = _proper_tail(words)
    if governed(words, len(tail)):
        tail = []  # "A bodyguard to Michael Jackson": the phrase is the speaker, not the name in it
    if tail and len(tail) < len(words) or (tail and len(tail) >= 2):
        name = " ".join(reversed(tail))
        # "The league made a counterproposal Friday, asking ...": a day is no one
        return None if re.sub(r"['’]s?$", "", name.lower()) in _CALENDAR else name
    return sp[0].upper() + sp[1:] if sp else None


@lru_cache(maxsize=16384)  # a story's quotes are compared pairwise: each text is read once
def _content_words(text: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(text))


def same_quote(a: str, b: str, threshold: float = 0.7) -> bool:
    """The same words reported twice: one contains the other, or their word bigrams overlap."""
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return False
    ja, jb = " ".join(wa), " ".join(wb)
    if ja in jb or jb in ja:
        return min(len(wa), len(wb)) >= 4 or ja == jb
    ba = set(zip(wa, wa[1:]))
    bb = set(zip(wb, wb[1:]))
    if not ba or not bb:
        return False
    return len(ba & bb) / min(len(ba), len(bb)) >= threshold


@dataclass(slots=True)
class _Entry:
    quote: Quote
    citations: list[Citation] = field(default_factory=list)
    cited: set[tuple[str, int]] = field(default_factory=set)  # (article, start) of each citation

    def __post_init__(self) -> None:
        self.cited.update((c.article_id, c.start) for c in self.citations)

    def cite(self, cites: Iterable[Citation]) -> None:
        """Add the citations not there yet (one per article and place)."""
        for c in cites:
            if (c.article_id, c.start) not in self.cited:
                self.cited.add((c.article_id, c.start))
                self.citations.append(c)


@dataclass(slots=True)
class _Speaker:
    key: str
    names: Counter[str] = field(default_factory=Counter)
    entity_id: str | None = None
    entries: list[_Entry] = field(default_factory=list)


def _lookup(entity_of: EntityOf | None, key: MentionKey) -> str | None:
    if entity_of is None:
        return None
    if callable(entity_of):
        return entity_of(key)
    return entity_of.get(key)


def _canonical_names(names: Sequence[str]) -> dict[str, str]:
    """name -> canonical name: a one-word name goes to the only longer name ending (or starting) in
    it; spelling variants go to the most frequent spelling."""
    counts = Counter(names)
    full = [n for n in counts if len(n.split()) >= 2]
    # a word joins only a longer proper name ("North" is not "North Korean and Chinese state media")
    proper = [n for n in full if all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in n.split())]
    out: dict[str, str] = {}
    for n in counts:
        if len(n.split()) == 1 and n[:1].isupper():
            hits = sorted((f for f in proper if n in f.split()), key=lambda f: -counts[f])
            # the only full name with this word, or one that clearly dominates the others
            if len(hits) == 1 or (len(hits) > 1 and counts[hits[0]] >= 3 * counts[hits[1]]):
                out[n] = hits[0]
    # spelling variants among full names: union into the most frequent spelling
    parent = {n: n for n in full}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_word: dict[str, list[str]] = defaultdict(list)
    for n in full:
        for w in set(n.split()):
            if len(w) >= 3:
                by_word[w].append(n)
    for group in by_word.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if similar_names(a, b):
                    ra, rb = find(a), find(b)
                    if ra != rb:
                        parent[rb] = ra
    best: dict[str, str] = {}
    for n in full:
        r = find(n)
        if r not in best or (counts[n], n) > (counts[best[r]], best[r]):
            best[r] = n
    for n in full:
        out[n] = best[find(n)]
    for n, target in list(out.items()):
        if target in out and out[target] != target:
            out[n] = out[target]
    return out


_FULL_NAME = re.compile(r"\b[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+)){1,2}\b")


def speaker_sex(q: Quote) -> int:
    """The sex a quote's speaker phrase tells: "he" 1, "she" 2, a title before its last word ("Mrs
    Jackson", "a press conference Mrs Jackson") that title's; else 0."""
    words = (q.speaker or "").split()
    if len(words) == 1 and words[0].lower() in _PERSON_PRONOUNS:
        return 1 if words[0].lower() in ("he", "him") else 2
    return TITLE_SEX.get(words[-2].lower().rstrip("."), 0) if len(words) >= 2 else 0


def _surnames_in_article(items: list[tuple[Quote, str, str | None]],
                         by_id: Mapping[str, Article]) -> list[tuple[Quote, str, str | None]]:
    """A one-word speaker name ("Trump") becomes the full name of its article that ends in it
    ("Donald Trump"): the only one, or, when the article names several ("Michael Jackson",
    "Jermaine Jackson"), the one written last before the quote (not as a possessive); never one of
    the other sex than the speaker phrase tells ("Mrs Jackson", "she")."""
    cache: dict[str, dict[str, list[tuple[int, str, bool]]]] = {}
    out = []
    for q, name, ent in items:
        if len(name.split()) == 1 and name[:1].isupper() and q.article_id in by_id:
            fulls = cache.get(q.article_id)
            if fulls is None:
                fulls = defaultdict(list)
                for m in _FULL_NAME.finditer(by_id[q.article_id].text):
                    possessive = bool(re.search(r"['’]s$", m.group()))
                    words = re.sub(r"['’]s$", "", m.group()).split()
                    while words and _opener_word(words[0]):
                        words = words[1:]  # "So Jackson spoke up": Jackson
                    if len(words) >= 2 and words[0].lower() not in _TITLE_WORDS:
                        fulls[words[-1]].append((m.start(), " ".join(words), possessive))
                cache[q.article_id] = fulls
            sex = speaker_sex(q)
            hits = [h for h in fulls.get(name, []) if not sex_clash(sex, name_sex(h[1]))]
            if len({full for _, full, _ in hits}) == 1:
                name = hits[0][1]
            elif hits:
                before = [(pos, full) for pos, full, poss in hits if pos < q.start and not poss]
                if before:
                    name = max(before)[1]
        out.append((q, name, ent))
    return out


# words that end the main clause of an indirect content: a bare noun phrase before one of them
# ("confirmed the leader's trip while he was still there") reports no claim
_SUBORDINATE = frozenset("while but when after before because since although though whereas which who whose "
                         "where".split())
_FINITE = frozenset("""
is are was were be been being am will would can could may might must shall should has have had do does did
met came went took made said got gave left spent held became began found told saw knew thought brought kept ran
sent won lost paid put set led fell rose broke hit cut built sold bought stood fled
""".split())
_CLAUSE_OPENERS = frozenset("that whether if how why what which when where who to".split())
_AUXILIARIES = frozenset("is are was were be been am will would can could may might must shall should has have had "
                         "do does did".split())
# an inverted condition with a plain noun for subject, then its main clause ("should voters reject the
# plan, taxes would rise", "were prices to fall, ...", "had officials acted sooner, ...")
_CONDITIONAL = re.compile(r"\W*(?:should|were|had)\s+(?!(?:be|been|being|not|never|also|still|only|just|to)\b)"
                          r"[a-z]+(?<!ed)(?<!ly)(?<!ing)\s+[^,;]{2,80},\s+\S", re.IGNORECASE)
# the subject of an inverted clause ("had the dam failed, ...", "were he mayor, ...")
_SUBJECT_WORDS = frozenset("the a an his her their its our my this these those he she it they we i you".split())
# words after which a word ending in "s" is a plural noun, not a verb ("76.7 million prescriptions",
# "pain in adults", "the new drugs", "their labels")
_BEFORE_PLURAL = frozenset("""
a an the these those this that its their his her our my your many some several all both more most fewer few
other such no any each every two three four five six seven eight nine ten dozen dozens hundred hundreds
thousand thousands million millions billion billions trillion of in on at by for from with to into about
among between against over under through during without within across and or new old
""".split())


# verbs of deed, not of saying, that the extractor takes as cues because their object can be what
# someone said or wrote ("ordered police to break up the demonstrations", "approved the plan")
_ACTION_CUES = frozenset("""
approve approves approved approving order orders ordered ordering support supports supported supporting
offer offers offered offering issue issues issued issuing present presents presented presenting identify
identifies identified identifying encourage encourages encouraged encouraging cite cites cited citing discuss
discusses discussed discussing repeat repeats repeated repeating list lists listed listing post posts posted
posting seek seeks sought seeking oppose opposes opposed opposing signal signals signaled signalled answered
projected remembered highlighted highlighting emailed write writes wrote written writing
""".split())
_LIVES = re.compile(r"(?:the\s+)?lives\b|(?:(?:more|fewer)\s+than\s+|at\s+least\s+|about\s+|nearly\s+|some\s+)?"
                    r"(?:[\d,.]+|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|many)\s+"
                    r"(?:more\s+)?(?:lives|victims)\b", re.IGNORECASE)


def _plural_after(word: str) -> bool:
    """Whether a word ending in "s" after ``word`` is a plural noun: after a determiner, a number or a
    preposition ("76.7 million prescriptions", "in adults")."""
    low = word.lower()
    return low in _BEFORE_PLURAL or low[:1].isdigit()


# words that no verb in "-s" follows (articles, possessives, plural quantities, prepositions; not "this
# makes", "all comes", "more needs"), and the words that follow a noun phrase's plural head and never
# its verb's subject: a preposition, a joiner, a number or a name ("the tariffs on March 8")
_ONLY_BEFORE_NOUNS = _BEFORE_PLURAL - frozenset("this that all some more most any each every and or new old no".split())
_AFTER_PLURAL_HEAD = frozenset("""of in on at by for from with to into about among between against over under through
during without within across and or but""".split())


def _plural_head(words: Sequence[str], k: int) -> bool:
    """Whether ``words[k]``, ending in "s", heads a noun phrase that a verb of saying took as its
    object: after a word no verb follows, and before a word that no subject's verb is ("announced the
    tariffs on March 8, but ..."; not "said the cautions apply doubly", whose plural is the subject)."""
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return words[k - 1].lower() in _ONLY_BEFORE_NOUNS and (
        not nxt or nxt.lower() in _AFTER_PLURAL_HEAD or nxt[:1].isdigit() or nxt[:1].isupper())


def is_claim(q: Quote) -> bool:
    """True when a quote's content can be shown as what its speaker said: a quotation, or an indirect
    content that is a clause ("that ...", "Kim would be visiting ..."). False for a bare noun phrase
    that a reporting verb took as its object ("confirmed the North Korean leader's trip while he was
    still in the country", "announced his visit but provided no details", "announced the tariffs on
    March 8, but exempted ...", "offered a glimmer of hope"): a verb must come, and before any
    subordinate or contrasting clause."""
    if q.kind != "indirect":
        return True
    cue = (q.cue or "").lower().split()
    if cue and cue[-1] in ("claimed", "claims", "claim") and _LIVES.match(q.text):
        return False  # "the fire has claimed 40 lives": no one's claim
    # a deed's object reads as a clause only by a verb, not by a plural noun ("the FDA approved
    # Vioxx for menstrual pain in adults", "doctors wrote 76.7 million prescriptions")
    action = bool(cue) and cue[-1] in _ACTION_CUES
    # (not a verb of reference, whose object is its judgement, nor a denial, whose object is what is denied: both
    # are shown with their cue, "called the charges a farce", "has denied the charges")
    saying = speech_cue(q.cue) and not _DENIAL.search(q.cue or "")
    words = re.findall(r"[\w'’-]+", q.text)
    if not words:
        return False
    if words[0].lower() in _CLAUSE_OPENERS:
        return True
    if words[0].lower() in ("nothing", "little") and re.search(r"[,;:]", q.text):
        # "he said nothing, and the family assumed ...": the object alone, no words told; its own clause, up to
        # the comma, must tell ("said nothing would change", "said little progress had been made, and ...")
        return is_claim(replace(q, text=re.split(r"\s*[,;:]", q.text, maxsplit=1)[0]))
    if words[0].lower() in _AUXILIARIES and not (len(words) > 1 and (
            words[1][0].isupper() or words[1].lower() in _SUBJECT_WORDS)) and not _CONDITIONAL.match(q.text):
        return False  # "names he said would be released soon", "what he said was true": its subject is elsewhere
    for k, w in enumerate(words):
        lw = w.lower().replace("’", "'")
        if lw in _SUBORDINATE and k > 0:  # an opening "But"/"After ..." starts the claim itself
            return False
        if lw in _FINITE or (k > 0 and len(lw) > 3 and lw.endswith("ed")) or \
                (k > 0 and lw.endswith("s") and not lw.endswith(("'s", "ss", "us", "is", "ics"))
                 and not (action and _plural_after(words[k - 1])) and not (saying and _plural_head(words, k))):
            return True
    return False  # no verb at all: "offered a glimmer of hope", "dismissed the league's latest proposal"


# a cue that says the opposite of its content ("denied any links to criminal gangs", "is refusing to
# extradite him") or negates the saying ("did not say", "won't say", "has never claimed")
_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
                     r"dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing))\b", re.IGNORECASE)
_NOT = r"(?:\bnot|n['’]t|\bnever)"  # the words that negate a verb
_NEGATION = re.compile(rf"(?:{_NOT}|\bno\s+longer)\b", re.IGNORECASE)
_NOT_ONLY = re.compile(r"(?:\bnot|n['’]t)\s+(?:simply|merely|only|just)\b", re.IGNORECASE)  # "did not simply say": said
_NEGATED_BEFORE = re.compile(rf"{_NOT}\s*(?:(?:explicitly|directly|publicly|specifically|formally|officially|"
                             r"personally|yet|ever)\s+)?$")  # "It did not | say", "has not explicitly | acknowledged"
# the negated auxiliary a cue's content takes along: "did not | deny", "won't | say"
_NEGATED_AUX = re.compile(r"(?:\b(?:did|does|do|will|would|could|has|have|had|is|are|was|were)\s+)?(?:not|never)\s+$|"
                          r"\b\w+n['’]t\s+$")
# what such a cue leaves unsaid: "declined to comment", "did not say how many", "won't say whether"
_UNSAID = re.compile(r"(?:that\s+)?(?:to\s+(?:say|comment|answer|discuss|reveal|confirm|elaborate|give|identify|disclose|"
                     r"name|specify|speculate|provide|release|respond|be\s+named|be\s+identified)\b|"
                     r"whether|if|how|who|what|when|where|why|which)\b", re.IGNORECASE)


def denial_cue(q: Quote, text: str) -> bool:
    """Whether the quote's cue denies, refuses or negates what follows it ("Yilmaz has denied", "Italy
    is refusing", "It did not say", "Estrada won't say"), read from the cue and the words just before it."""
    cue = q.cue or ""
    before = text[max(0, q.cue_start - 12):q.cue_start] if text and q.cue_start is not None else ""
    return bool(_DENIAL.search(cue) or _NEGATION.search(cue) or _NEGATED_BEFORE.search(before))


_REQUEST = re.compile(r"\b(?:ask|asks|asked|asking|urge|urges|urged|urging|call(?:s|ed|ing)?\s+on|appeal(?:s|ed|ing)?\s+to|"
                      r"order|orders|ordered|tell|tells|told|encourage[sd]?|advise[sd]?|warn(?:s|ed)?)\b", re.IGNORECASE)
_INFINITIVE = re.compile(r"\s*(?:not\s+)?to\s+[a-z]")


def with_cue(q: Quote, text: str) -> Quote | None:
    """A quote as a reader must see it when its cue is part of what it says: a cue that denies or
    negates ("denied any links to criminal gangs", not "any links to criminal gangs" under his name)
    or a verb of reference whose object is the writer's words ("called them politically motivated",
    not "them politically motivated"), and a request, whose content alone is an infinitive ("asked
    residents to boil their water", not "to boil their water"); None when the cue leaves the content
    unsaid ("declined to comment", "did not say how many people were killed"). Other quotes, and
    quotations, unchanged."""
    if q.kind == "direct" or not text or q.cue_start is None or q.cue_end is None or not (q.cue or "")[:1].isalpha():
        return q  # (a headline's colon is no word of what was said: "Lynch: No outside influence ...")
    denial = denial_cue(q, text)
    if denial and _UNSAID.match(q.text):
        return None
    if denial and not _DENIAL.search(q.cue or "") and speech_cue(q.cue) and not _NOT_ONLY.search(q.cue or ""):
        return None  # "has not said that he lied", "never acknowledged having an affair": words not said
    if not denial and speech_cue(q.cue) and not (_REQUEST.search(q.cue or "") and _INFINITIVE.match(q.text)):
        return q  # (a request shows whom it asks: "asked residents to boil their water", not "to boil ...")
    if not (q.cue_end <= q.start and q.start - q.cue_end <= 40):
        return q  # the content stands before its cue ("..., he denied"): shown as it is
    if q.speaker_start is not None and q.speaker_end is not None and q.cue_end <= q.speaker_start < q.speaker_end <= q.start:
        return q  # the speaker is the cue's object ("quoted an aide as saying ..."): the words are the aide's
    start = q.cue_start
    before = _NEGATED_AUX.search(text[max(0, start - 16):start])
    if before:
        start -= len(before.group(0))
    return replace(q, start=start, text=text[start:q.end], fragments=())


# the head nouns of a speaker phrase that names no entity: people, groups, bodies and the documents
# that speak for them ("The 36-year-old outfielder", "Relatives of Qin", "a police statement")
_SPEAKER_NOUNS = PERSON_NOUNS | frozenset("""
authority authorities police government ministry department agency company firm committee commission council
court jury panel board group organization organisation party union campaign team club league military army navy
troops family families staff source statement report study survey poll letter memo document website newspaper
paper magazine broadcaster channel station network television radio service office administration embassy
regime cabinet parliament congress senate mission charity fund bank institute university hospital school men
women children whip crew media
""".split())
_HEAD_ENDS = frozenset("of to for at with in from on by near who which that".split())
# bodies that speak in one word ("Police said")
_BODIES = frozenset("police government military staff congress parliament senate cabinet army navy".split())
# nouns with a person's ending that name no one ("Major", "Other", "Posters")
_NOT_PEOPLE = frozenset("""
other another order number water center centre after under over power matter error factor sector interior major
minor corner border summer winter october november december september later never ever either neither rather
together whether however weather chapter quarter register monster computer disaster barrier cancer theater
theatre meter liter cluster filter tower river dinner manner banner finger silver super poster posters
""".split())
_PERSON_ENDING = re.compile(r"(?:er|or|ist|ian|eer|man|woman|men|women)s?$")


def names_a_speaker(name: str, label: str | None = None, resolved: bool = False) -> bool:
    """Whether a quote's speaker, as shown, can have said it: a pronoun resolved to a name; an entity
    that is no nationality or event (``label`` "MISC": "Honduran", "Republican"); a name of two or
    more capitalised words; or a phrase whose head is a person, a group, a body or a document
    ("The 36-year-old outfielder", "Police", "a statement"). Not a single capitalised word the
    entities do not know ("Few", "Six", "When", "Difficult") nor a phrase with another head ("The
    prize", "The deaths", "A hurricane", "Making phone")."""
    if resolved:
        return True
    if label is not None:  # a nationality or party speaks only as its people ("Republicans", not "Republican")
        # (the head decides: "Senate Republicans", "House Democrats" speak as "Republicans" do)
        return label != "MISC" or bool(re.fullmatch(r"[A-Z][\w-]+(?:ans|ists|ites|is|ers)", (name.split() or [""])[-1]))
    words = [w for w in re.findall(r"[\w’'.-]+", name) if w]
    if not words:
        return False
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return True  # a name the tagger did not read ("Columbia Presbyterian Medical Center")
    cut = next((k for k, w in enumerate(words[1:], 1) if w.lower() in _HEAD_ENDS), None)
    if cut is not None:
        words = words[:cut]  # "Relatives of Qin", "A bodyguard to Michael Jackson": the phrase before speaks
    head = re.sub(r"['’]s?$", "", words[-1]).lower()
    plural = head.endswith("s") and len(head) > 3
    if head.endswith("es") and not head.endswith("ies") and head[:-2] in _SPEAKER_NOUNS:
        singular = head[:-2]  # "witnesses"
    else:
        singular = head[:-1] if plural else head
    known = head in _SPEAKER_NOUNS or singular in _SPEAKER_NOUNS
    person = (len(singular) > 4 and singular not in _NOT_PEOPLE and head not in _NOT_PEOPLE
              and bool(_PERSON_ENDING.search(singular)) and not singular.endswith("ing"))
    if len(words) == 1 and words[0][:1].isupper():
        # one capitalised word the entities do not know: a group ("Police", "Prosecutors"), not a
        # rank or a word that opens a sentence ("Major", "Few", "Recognize")
        return (plural and (known or person or head.endswith("ans"))) or head in _BODIES
    return known or (words[-1][:1].islower() and person)


_NOT_RELAYERS = frozenset("one two three some many most several others all who which that whose whom".split())


def _relayer_like(via: str) -> bool:
    """Whether a speaker can be named as relaying another's words: not a participle, a count, a
    people's name or a phrase left open ("Carrying", "One", "Palestinian", "Lawmakers who")."""
    words = via.split()
    last = words[-1].lower()
    return not (last in _NOT_RELAYERS or (len(words) == 1 and (last.endswith(("ing", "an", "ese"))
                                                               or not words[0][:1].isupper())))


# the verbs with which a source relays what another said ("..., Xinhua noted", "the newspaper reported")
_REPORTING = frozenset("""said says say reported reports report noted notes added adds quoted quotes quoting
wrote writes told tells stated states cited cites citing according announced announces recounted recalled
explained explains confirmed confirms""".split())


def _reports(cue: str | None) -> bool:
    """Whether a cue is a verb that relays another's words."""
    return any(w in _REPORTING for w in (cue or "").lower().split())  # "noted", "according to", "also said"


def relayed(qs: Sequence[Quote], nameable: Callable[[Quote], bool] | None = None) -> list[Quote]:
    """The quotes of one article with each quote reported inside another source's report given once.

    "Kim told Xi he hopes the meeting will achieve results, Xinhua noted": the words are Kim's, and
    Xinhua relays them; the quote stays with Kim only, ``reported_by`` naming Xinhua. The rule:
    when one quote (speaker and content) lies inside another's content, the inner one is kept, as
    relayed by the outer speaker, if its cue is a verb of saying ("told", "said"); if its cue is a
    verb of reference ("discussed", "called"), the words are the reporter's description and the
    outer quote is kept instead."""
    drop: set[int] = set()
    out = list(qs)
    # the quotes by where they begin (speaker or words), so that each quote reads only those inside it
    inner = sorted((min(b.start, b.speaker_start), j) for j, b in enumerate(qs)
                   if b.speaker_start is not None and b.speaker_end is not None)
    begins = [k for k, _ in inner]
    for i, a in enumerate(qs):
        within = sorted(j for _, j in inner[bisect.bisect_left(begins, a.start):bisect.bisect_right(begins, a.end)])
        for j in within:
            b = qs[j]
            if i == j or i in drop or j in drop or b.speaker_start is None or b.speaker_end is None:
                continue
            if not (a.start <= min(b.start, b.speaker_start) and max(b.end, b.speaker_end) <= a.end):
                continue
            if (a.start, a.end) == (b.start, b.end):
                continue
            # an inner speaker no one can name ("he" unresolved, "Deputy") does not take the words from
            # the one who reported them: the outer quote stays, the inner goes
            if speech_cue(b.cue) and (nameable(b) if nameable is not None else speaker_name(b) is not None):
                drop.add(i)
                via = speaker_name(a)
                if via and (via.split()[0].lower() in _CLAUSE_OPENERS or not _relayer_like(via)
                            or (len(via.split()) > 1 and not names_a_speaker(via))):
                    via = None  # "(as reported by Extramarital affairs)", "(... by Whether Tuesday's)"; "Xinhua" is one
                if via and not _reports(a.cue):
                    via = None  # "Asked how much the North Koreans had demanded, Rubin said ...": no relay
                if via and not out[j].reported_by:
                    out[j] = replace(out[j], reported_by=via)
            else:
                drop.add(j)
    return [q for k, q in enumerate(out) if k not in drop]


_IT = frozenset(["it", "it's"])


def _continued_speakers(qs: Sequence[Quote], person: Callable[[Quote], bool]) -> list[Quote]:
    """"The agency said ... It said ...": a quote whose speaker is "it" continues the speaker of the
    quote just before it in the article (within 400 characters), when that speaker is not a person."""
    out: list[Quote] = []
    for q in sorted(qs, key=lambda q: q.start):
        if (q.speaker or "").strip().lower() in _IT and out and q.speaker_start is not None:
            prev = out[-1]
            if (prev.speaker and prev.speaker.strip().lower() not in _PRONOUNS and not person(prev)
                    and 0 <= q.speaker_start - prev.end < 400):
                q = replace(q, speaker=prev.speaker, speaker_start=prev.speaker_start, speaker_end=prev.speaker_end,
                            speaker_resolved=prev.speaker_resolved, speaker_entity_id=prev.speaker_entity_id)
        out.append(q)
    return out


def group_quotes(articles: Sequence[Article], quotes: Mapping[str, Sequence[Quote]] | None = None, *,
                 entity_of: EntityOf | None = None, min_words: int = 3,
                 entity_names: Mapping[str, str] | None = None,
                 entity_labels: Mapping[str, str] | None = None,
                 entity_aliases: Mapping[str, Sequence[str]] | None = None,
                 people: Sequence[Entity] | None = None) -> list[QuoteGroup]:
    """The quotes of one story grouped by speaker, most-quoted speaker first.

    ``quotes`` maps article id -> its quotes (extracted here when absent). ``entity_of`` optionally
    maps a speaker mention ``(article_id, speaker_start, speaker_end)`` to an entity id; mentions it
    maps are grouped by that id. Quotes without a speaker, or with an unresolved pronoun, are left
    out; so are contents shorter than ``min_words`` words, and indirect contents that are no claim
    (``is_claim``). A quote relayed by another source is kept once, under its speaker (``relayed``).
    ``entity_names`` (entity id -> canonical name) names the groups of known entities; with
    ``entity_labels`` (entity id -> label) "it said" continues the non-person speaker before it;
    ``entity_aliases`` (entity id -> the other names the story writes it under) let a speaker the
    entities did not map join the one entity that goes by its name ("Muammar Gaddafi", a spelling
    of "Moammar Gadhafi"). ``people`` (the story's entities, with their roles and mentions) let a
    speaker named by a role only ("Israel's prime minister", "the president") join the person who
    holds it (``role_holder``); the three mappings not given are read from them."""
    if people is not None:
        entity_names = {e.id: e.name for e in people} if entity_names is None else entity_names
        entity_labels = {e.id: e.label for e in people} if entity_labels is None else entity_labels
        entity_aliases = {e.id: e.aliases for e in people} if entity_aliases is None else entity_aliases
    by_id = {a.id: a for a in articles}
    if quotes is None:
        from ..analyze.quotes import extract_quotes

        quotes = {a.id: extract_quotes(a.text, a.id) for a in articles}
    items: list[tuple[Quote, str, str | None]] = []

    def entity_at(q: Quote, aid: str) -> str | None:
        """The entity the quote's speaker mention is (None: not mapped)."""
        if q.speaker_start is None or q.speaker_end is None:
            return None
        return _lookup(entity_of, (aid, q.speaker_start, q.speaker_end))

    def label_of(ent: str | None) -> str | None:
        return entity_labels.get(ent) if ent and entity_labels is not None else ("PERSON" if ent else None)

    def person(q: Quote) -> bool:
        if q.speaker_resolved:
            return True
        ent = entity_at(q, q.article_id)
        if ent and entity_labels is not None:
            return entity_labels.get(ent) == "PERSON"
        return entity_labels is None  # without labels, never guess that "it" is the speaker before

    def nameable(q: Quote) -> bool:
        """Whether the quote's speaker can be shown (the tests of the speakers below)."""
        name = speaker_name(q)
        if name is None:
            return False
        return (entity_of is None or bool(q.speaker_resolved)
                or names_a_speaker(name, label_of(entity_at(q, q.article_id))))

    # a broadcast's own people (anchors, correspondents) are no sources of the story: their turns are
    # the programme's talk ("WOLF BLITZER, CNN ANCHOR: ..." had made him its most quoted speaker)
    staff = broadcast_staff(by_id[aid].text for aid in quotes if aid in by_id)
    for aid, qs in quotes.items():
        if aid in by_id and personal_page(by_id[aid].text or "", by_id[aid].lang):
            continue  # readers' comments, a diary: the anecdotes' speakers are no sources of the story
        qs = [q if q.article_id == aid else _with_article(q, aid) for q in qs]
        # (a quote read inside a staff turn and given its label is the programme's talk too: "JANE HOLT, CNN
        # CORRESPONDENT: ... protesters filled the square, demanding that ...")
        qs = [q for q in qs if q.speaker not in staff and not (is_turn(q) and _small_talk(q.text))
              and not ((q.speaker or "").isupper() and staff_title(q.speaker or ""))]  # ("CNN CORRESPONDENT:")
        # (a turn that tells what others said stays its speaker's: "MARSH: Not before the agency tells us
        # it is safe" is hers)
        turns = [q for q in qs if is_turn(q)]
        qs = relayed(_continued_speakers([q for q in qs if not is_turn(q)], person), nameable) + turns
        text = by_id[aid].text if aid in by_id else ""
        # a headline written into the text is no one's words ("Kasich Just Revealed The 1 Thing ...")
        head = headline_end(text, by_id[aid].title) if text else 0
        for q in qs:
            if q.start < head or not is_claim(q):
                continue
            shown = with_cue(q, text)
            if shown is None:
                continue
            q = _without_dateline(not_a_place(shown, text))
            if _furniture(q.text):
                continue  # "graf 3 pvs": a wire desk's note read as what "Chile said"
            if _absolute(q, text):
                continue  # "With nearly all 23,000 polling stations reporting, the party had ...": no one spoke
            if _hypothetical(q, text):
                continue  # "Repairs, if the survey confirms the damage, ...": no one has said it
            if _points_back(q):
                continue  # "suggesting that could win Beijing better terms": what "that" is, the quote leaves out
            if held_cue(q.cue):
                continue  # "wants to renegotiate", "knew that", "were frustrated that": held, not said
            name = speaker_name(q)
            if name is None or len(_content_words(q.text)) < min_words:
                continue
            ent = entity_at(q, aid) or q.speaker_entity_id
            items.append((q, name, ent))
    items = _surnames_in_article(items, by_id)
    canon = _canonical_names([n for _, n, _ in items])
    # a quote whose speaker mention the entities did not map ("he" resolved to a name, a spelling
    # variant) joins the entity that another quote's same name maps to, when it maps to one only
    ents_of: dict[str, set[str]] = defaultdict(set)
    for _, name, ent in items:
        if ent:
            ents_of[name.lower()].add(ent)
            ents_of[canon.get(name, name).lower()].add(ent)
    known: dict[str, set[str]] = defaultdict(set)  # every name of an entity -> the entities it names
    for ent_id, names in (entity_aliases or {}).items():
        for n in [*names, (entity_names or {}).get(ent_id, "")]:
            if n:
                known[n.lower()].add(ent_id)
    speakers: dict[str, _Speaker] = {}
    alike: dict[str, set[str]] = {}  # a name -> the entities of the names like it (``similar_names``)
    for q, name, ent in items:
        cname = canon.get(name, name)
        if cname != name and sex_clash(speaker_sex(q), name_sex(cname)):
            cname = name  # "Mrs. Varga" is no short form of "Anton Varga"
        if label_of(ent) not in (None, "PERSON"):
            cname = name  # a group's or a body's one word is no surname: "Republicans" is not "Senate Republicans"
        if not ent:
            found = ents_of.get(cname.lower()) or ents_of.get(name.lower())
            if not found:
                low = cname.lower()
                if low not in alike:  # (one word is like no other name: ``similar_names`` needs two)
                    alike[low] = {e for n, es in ents_of.items() if similar_names(n, low) for e in es} \
                        if len(low.split()) > 1 else set()
                found = alike[low]
            if len(found) != 1:
                found = known.get(cname.lower()) or known.get(name.lower()) or found
            ent = next(iter(found)) if found and len(found) == 1 else None
        if entity_of is not None and not names_a_speaker(cname, label_of(ent), bool(q.speaker_resolved)):
            continue  # "Few", "Six", "A hurricane": no one who could have said it
        if label_of(ent) not in (None, "PERSON") and (q.speaker or "").strip().lower() in _PERSON_PRONOUNS:
            continue  # "he said", read as a place or an organisation: no one we can name
        if ent and entity_names and sex_clash(speaker_sex(q), name_sex(entity_names.get(ent, ""))):
            if (q.speaker or "").strip().lower() in _PERSON_PRONOUNS:
                continue  # "she said" resolved to a man: no one we can name
            ent = None  # "Mrs Jackson" mapped to "Michael Jackson": her own name, not his entity
        key = f"e:{ent}" if ent else "n:" + cname.lower()
        sp = speakers.setdefault(key, _Speaker(key, entity_id=ent))
        sp.names[cname] += 1
        if name != cname:
            sp.names[name] += 0
        art = by_id.get(q.article_id)
        _add_quote(sp, q, [Citation(q.article_id, q.start, q.end, art.source if art else None)])
    labels = {}
    for sp in speakers.values():
        label = max(sp.names, key=lambda n: (sp.names[n], len(n.split()), n))
        if sp.entity_id and entity_names and entity_names.get(sp.entity_id):
            if label != entity_names[sp.entity_id]:
                sp.names[label] += 0
            label = entity_names[sp.entity_id]
        labels[sp.key] = label
    _join_nameless(speakers, labels)
    _join_short_names(speakers, labels)
    _join_role_speakers(speakers, labels, people or ())
    groups = []
    for sp in speakers.values():
        label = labels[sp.key]
        aliases = tuple(sorted(n for n in sp.names if n != label))
        entries = sorted(sp.entries, key=lambda e: (-len(e.citations), e.quote.article_id, e.quote.start))
        groups.append(QuoteGroup(
            speaker=label, entity_id=sp.entity_id,
            # a quote is not "as reported by" its own speaker
            quotes=tuple(replace(e.quote, reported_by=None)
                         if e.quote.reported_by and (e.quote.reported_by == label or e.quote.reported_by in aliases
                                                     or similar_names(e.quote.reported_by, label)
                                                     or set(e.quote.reported_by.split()) <= set(label.split()))
                         else e.quote for e in entries),
            aliases=aliases,
            citations=tuple(tuple(e.citations) for e in entries),
        ))
    # a guest's turns in one programme count as one quote of theirs, as one article's quote would
    groups.sort(key=lambda g: (-_quote_count(g.quotes), -sum(len(c) for c in g.citations), g.speaker))
    return groups


TURN_WORDS = 12  # a guest's shorter turn is talk with the host ("It's always a pleasure to be with you, Fareed.")


def _small_talk(text: str) -> bool:
    """A transcript's turn too short to say anything of the story, or a question."""
    return len(re.findall(r"\b[^\W\d_]{2,}\b|\b\d[\d,.]*\b", text)) < TURN_WORDS or text.rstrip().endswith("?")


def _quote_count(qs: Sequence[Quote]) -> int:
    """Quotes, a transcript's turns counted once per article."""
    return sum(not is_turn(q) for q in qs) + len({q.article_id for q in qs if is_turn(q)})


def _add_quote(sp: _Speaker, q: Quote, cites: Sequence[Citation]) -> None:
    """Add a quote to a speaker: to the entry saying the same (its citations joined, the longer
    wording kept), else as a new entry."""
    for e in sp.entries:
        if same_quote(e.quote.text, q.text):
            e.cite(cites)
            if len(q.text) > len(e.quote.text) and q.kind == e.quote.kind:
                e.quote = q
            return
    sp.entries.append(_Entry(q, list(cites)))


def _join_nameless(speakers: dict[str, _Speaker], labels: dict[str, str]) -> None:
    """A speaker without an entity joins the one entity speaker shown under the same name (one
    "Chris Hunt" in the list, not two: a quote's "Hunt" the entities could not tie to one person)."""
    named: dict[str, list[str]] = defaultdict(list)
    for key, sp in speakers.items():
        if sp.entity_id:
            named[labels[key].lower()].append(key)
    for key, sp in list(speakers.items()):
        home = named.get(labels[key].lower(), [])
        if sp.entity_id or len(home) != 1:
            continue
        _move_speaker(speakers, key, home[0])


def _move_speaker(speakers: dict[str, _Speaker], key: str, into_key: str) -> None:
    """Speaker ``key`` joins speaker ``into_key``: its quotes (citations merged) and its names."""
    sp, into = speakers.pop(key), speakers[into_key]
    for e in sp.entries:
        _add_quote(into, e.quote, e.citations)
    for n in sp.names:
        into.names[n] += 0


def _join_short_names(speakers: dict[str, _Speaker], labels: dict[str, str]) -> None:
    """A speaker shown under a short form of another's name ("Gazette" / "Egyptian Gazette") joins it
    when the two are given the same words (wire copies of one report): one speaker, every citation."""
    def share(a: _Speaker, b: _Speaker) -> bool:
        return any(same_quote(x.quote.text, y.quote.text) for x in a.entries for y in b.entries)

    words = {k: set(label.lower().split()) for k, label in labels.items()}
    for key in sorted(speakers, key=lambda k: len(labels[k].split())):
        sp = speakers.get(key)
        if sp is None:
            continue
        homes = [k for k, other in speakers.items() if k != key and words[key] < words[k] and share(sp, other)]
        if len(homes) == 1:
            _move_speaker(speakers, key, homes[0])


# a speaker named by a role alone: "Israel's prime minister", "The president", "the White House press
# secretary" (an owner's name, then lower-case words ending on a role)
_ROLE_ONLY = re.compile(r"(?:[Tt]he\s+)?(?:(?P<owner>(?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*)\s?['’]s\s+|"
                        r"(?P<body>(?:[A-Z][\w.&-]*\s+)+))?(?P<role>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*)")


# offices one person holds at a time in a body ("the president", "the judge"), not a body's many voices
# ("the spokesman" of an article may be any ministry's, "the official", "the lawyer")
_OFFICES = frozenset("""president president-elect minister premier chancellor king queen emperor empress pope speaker
mayor governor judge sheriff ceo chairman chairwoman secretary-general director-general""".split())


def _holds(shown_role: str, role: str, owner: str) -> bool:
    """Whether a person's ``shown_role`` ("Israeli Prime Minister") is ``role`` ("prime minister"), of
    ``owner`` when one is named ("israel"): only a country's or a body's name may open it, no "Vice"
    or "Former" ("Vice President" is not "the president")."""
    low = shown_role.lower()
    if low == role:
        return not owner
    if not low.endswith(" " + role):
        return False
    before = shown_role[:len(shown_role) - len(role)].split()
    return all(w[:1].isupper() and w.lower() not in ROLE_MODS for w in before) and _opens_on_place(low, owner)


# the heads of a state, a government or a party, whom "the leader" names ("the Cuban leader": the "Cuban
# President"; "prime minister" too)
_LEADERS = frozenset("president premier chancellor king queen emperor empress chairman dictator leader".split())
_COMPLEMENT = re.compile(r"\s+(?:of|for|at|to|with|in|on)\s+")


def describes(description: str, role: str) -> bool:
    """Whether a definite description of a speaker ("the Cuban leader", "the opposition leader", "the
    spokesman") tells the ``role`` an article gave a person ("Cuban President", "leader of the opposition
    party", "spokesman for the ministry"): the same head noun, or "leader" for a head of a state, a
    government or a party; every word before the head among the role's words; and no other word before
    the role's head ("the president" is no "Vice President", "the spokesman" no "Union spokesman": another
    body's may speak)."""
    words = description.lower().split()
    if len(words) < 2 or words[0] != "the":
        return False
    mods, head = words[1:-1], words[-1]
    low = re.sub(r"['’]s\b", "", role.lower())
    front = [w for w in _COMPLEMENT.split(low, maxsplit=1)[0].split() if w not in ("the", "a", "an")]
    if not front:
        return False
    if front[-1] != head:
        if head != "leader" or not (front[-1] in _LEADERS or front[-2:] == ["prime", "minister"]):
            return False
        front = front[:-2] if front[-2:] == ["prime", "minister"] else front[:-1]
    else:
        front = front[:-1]
    said = set(re.findall(r"[\w-]+", low))
    return all(m in said for m in mods) and all(w in mods for w in front)


# a place -> its people's adjective where that is not made from its name, and the adjective -> its places
_SAME_PLACE: dict[str, tuple[str, ...]] = {
    w: tuple(dict.fromkeys([a for p, a in IRREGULAR_DEMONYMS.items() if p == w]
                           + [p for p, a in IRREGULAR_DEMONYMS.items() if a == w]))
    for w in {*IRREGULAR_DEMONYMS, *IRREGULAR_DEMONYMS.values()}}


def _opens_on_place(low_role: str, owner: str) -> bool:
    """Whether a lower-cased role opens on its ``owner``'s name, or on a word sharing its first four
    letters ("israel": "israeli prime minister"), or on its people's adjective where that is made
    otherwise ("france": "french president"; "dutch": "netherlands prime minister")."""
    return low_role.startswith(owner[:4]) or any(low_role.startswith(w + " ") for w in _SAME_PLACE.get(owner, ()))


def role_holder(speaker: str, people: Sequence[Entity], articles: Iterable[str]) -> Entity | None:
    """The person of the story a speaker named by a role alone is: the one person whose roles end on
    that role ("Israel's prime minister": the one "Israeli Prime Minister"; an owner or a body named
    must open the role: "France's president" is no "U.S. President"), or, of several, the one the
    quotes' ``articles`` mention at least twice as often as any other ("the president" of a story
    on Trump's talks with Macron: Trump). None when it is no role or no one holds it clearly."""
    m = _ROLE_ONLY.fullmatch(speaker.strip())
    if m is None or m["role"].split()[-1] not in _OFFICES:  # (each office is a role's head word)
        return None
    role = m["role"].lower()
    owner = (m["owner"] or m["body"] or "").strip().lower()
    holders = [e for e in people if e.label == "PERSON" and any(_holds(r, role, owner) for r in e.roles)]
    if len(holders) <= 1:
        return holders[0] if holders else None
    arts = set(articles)
    count = {e.id: sum(n for a, n in e.mentions.items() if a in arts) for e in holders}
    first, second = sorted(holders, key=lambda e: count[e.id], reverse=True)[:2]
    return first if count[first.id] >= 2 * max(count[second.id], 1) else None


def _join_role_speakers(speakers: dict[str, _Speaker], labels: dict[str, str], people: Sequence[Entity]) -> None:
    """A speaker named by a role alone joins the person who holds it (``role_holder``): "Israel's prime
    minister" is Benjamin Netanyahu, not a second speaker beside him."""
    for key, sp in list(speakers.items()):
        if sp.entity_id:
            continue
        holder = role_holder(labels[key], people, {e.quote.article_id for e in sp.entries})
        if holder is None:
            continue
        home = f"e:{holder.id}"  # (the key an entity's speaker has)
        if home not in speakers:
            speakers[home] = _Speaker(home, entity_id=holder.id)
            labels[home] = holder.name
        _move_speaker(speakers, key, home)


# "With nearly all 23,000 polling stations reporting, ...": an absolute phrase, whose participle tells
# of no one's words
_WITH_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*)With\s+(?:[\w,.-]+ ){0,3}[\d,]*$")


def _absolute(q: Quote, text: str) -> bool:
    """Whether a quote's cue is the participle of an absolute phrase opening on "With"."""
    return bool(q.cue and q.cue.endswith("ing") and q.speaker_start is not None and text
                and _WITH_BEFORE.search(text, max(0, q.speaker_start - 40), q.speaker_start))


_IF_BEFORE = re.compile(r"(?<!\beven )(?<!\bas )\b(?:if|unless|whether)\s+$", re.IGNORECASE)  # ("even if X insisted": X did)


def _hypothetical(q: Quote, text: str) -> bool:
    """Whether a quote's speaker opens a condition ("if the survey confirms ...", "unless the board
    says ...") or a question ("investigating whether Trump told Comey ..."): words that may be said,
    which the extractor reports as attributions do."""
    return bool(q.speaker_start is not None and text and q.cue_start is not None and q.cue_start > q.speaker_start
                and _IF_BEFORE.search(text, max(0, q.speaker_start - 12), q.speaker_start))


# reported speech whose subject is a "that" pointing back at what its sentence said before ("suggesting
# that could win Beijing better terms", "said that would be a mistake"): no claim a reader can follow alone
_THAT_POINTS_BACK = re.compile(r"that\s+(?:could|would|will|can|may|might|should|must|is|was|has|had|'s|’s|"
                               r"means|meant|makes|made|seems|seemed)\b", re.IGNORECASE)


def _points_back(q: Quote) -> bool:
    """Whether an indirect quote's content is a claim about a "that" its own words do not say."""
    return q.kind == "indirect" and bool(_THAT_POINTS_BACK.match(q.text))


def _without_dateline(q: Quote) -> Quote:
    """A quote that opens its article's lead without the dateline ("ANKARA, Turkey (AP) _ About 10,000
    Turkish soldiers ..., news reports said" is what the reports said, not the dateline)."""
    from .summary_text import dateline_end

    cut = dateline_end(q.text)
    if not 0 < cut < len(q.text):
        return q
    return replace(q, start=q.start + cut, text=q.text[cut:],
                   fragments=tuple((max(s, q.start + cut), e) for s, e in q.fragments if e > q.start + cut))


def _furniture(text: str) -> bool:
    from .summary_text import is_furniture

    return is_furniture(text)


def _with_article(q: Quote, aid: str) -> Quote:
    from dataclasses import replace

    return replace(q, article_id=aid)
