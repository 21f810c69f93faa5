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

The canonical name is the fullest form (most words), the most frequent among those.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..analyze.ner_roles import role_head
from ..records import Article, Entity, Mention

_log = logging.getLogger(__name__)

__all__ = ["LocalEntity", "consolidate_entities", "entity_id_for", "name_tokens", "resolve_mentions", "resolve_rules"]

_POSS = re.compile(r"(?:['’]s|['’])$")
_SPLIT = re.compile(r"[\s\-–‐]+")
_FUNCTION = frozenset(["of", "the", "and", "for", "de", "la", "le", "del", "da", "di", "von", "van", "al", "el", "on", "in"])
_TITLES = frozenset(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "capt", "prof", "president", "chairman", "leader", "minister", "premier", "king", "queen", "prince", "pope", "sir", "lord", "lady"])


def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-cased word tokens of a name: possessive, dots and hyphens dropped, leading titles
    removed ("Chairman Kim" -> ("kim",), "Kim Jong-un" -> ("kim", "jong", "un"), "U.N." -> ("un",))."""
    s = _POSS.sub("", name.strip()).replace(".", "").lower()
    toks = [t for t in _SPLIT.split(s) if t and re.search(r"\w", t)]
    toks = [re.sub(r"^\W+|\W+$", "", t) for t in toks]
    toks = [t for t in toks if t]
    while len(toks) > 1 and toks[0] in _TITLES:
        toks.pop(0)
    if toks and toks[0] == "the":
        toks.pop(0)
    return tuple(toks)


def _initials(toks: Sequence[str]) -> str:
    return "".join(t[0] for t in toks if t not in _FUNCTION)


def _is_acronym_of(short: Sequence[str], long: Sequence[str]) -> bool:
    """'kcna' ~ 'korean central news agency'; 'un security council' ~ 'united nations security council'."""
    if len(short) >= len(long) or not short:
        return False
    acr = short[0]
    if len(acr) < 2:
        return False
    rest = tuple(short[1:])
    if rest and tuple(long[-len(rest):]) != rest:
        return False
    head = [t for t in long[:len(long) - len(rest)] if t not in _FUNCTION]
    return len(head) >= 2 and _initials(head) == acr


_ORG_GENERIC = frozenset(["news", "agency", "agencies", "corp", "corporation", "inc", "ltd", "llc", "plc", "co", "company", "companies", "group", "party", "bank", "airlines", "airways", "air", "motors", "holdings", "international", "freight", "rail", "railway", "railways", "systems", "technologies", "university", "college", "association", "federation", "union", "council", "times", "post", "journal", "press", "service", "services", "network", "broadcasting", "television", "tv", "radio", "foundation", "institute", "club", "fc"])
_DIRECTIONS = frozenset(["north", "south", "east", "west"])


def _contains(short: Sequence[str], long: Sequence[str], label: str = "PERSON") -> bool:
    """Is ``short`` a short form of ``long``? People: any of their names ("Kim", "Xi", "Trump").
    Organisations: the name without generic words ("Xinhua" / "Xinhua News Agency"). Places: only
    "the North" for "North Korea"; "Brennick" is not "Brennick General Hospital"."""
    if not short or len(short) >= len(long) or not set(short) <= set(long):
        return False
    if label == "PERSON" or label == "NAME":
        return True
    extra = [t for t in long if t not in set(short)]
    if label == "ORG":
        return tuple(long[:len(short)]) == tuple(short) and all(t in _ORG_GENERIC for t in extra)
    if label == "LOC":
        return len(short) == 1 and short[0] in _DIRECTIONS and long[0] == short[0]
    return False


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
    last: int = 0

    @property
    def full(self) -> tuple[str, ...]:
        return max(self.names, key=lambda n: (len(n), self.names[n]))

    def tokens(self) -> set[str]:
        return {t for n in self.names for t in n}

    def add(self, m: Mention, toks: tuple[str, ...], order: int) -> None:
        self.names[toks] += 1
        self.surfaces[_POSS.sub("", m.text.strip())] += 1
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


def _abbrev(text: str) -> bool:
    """'U.N.', 'US', 'KCNA': such a form joins a longer name only by spelling its initials."""
    w = text.strip()
    return "." in w or (w.isupper() and len(w) <= 6)


def _local_entities(article_id: str, mentions: Sequence[Mention]) -> list[LocalEntity]:
    ents: list[LocalEntity] = []
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    # full names first pass is implicit: a short form seen before its full name opens an entity
    # that the full name then absorbs (below) when it is the only candidate.
    for i, m in enumerate(ordered):
        toks = name_tokens(m.text)
        if not toks:
            continue
        exact = [e for e in ents if toks in e.names and e.label == m.label]
        if exact:
            target = max(exact, key=lambda e: (len(e.mentions), e.last))
        else:
            cands = [e for e in ents if (_label_ok(m, e.label, len(toks) == 1) and _contains(toks, e.full, e.label)
                                         and not (len(toks) == 1 and _abbrev(m.text)))
                     or (_is_acronym_of(toks, e.full) and (m.label == "PERSON") == (e.label == "PERSON"))]
            if cands:
                target = max(cands, key=lambda e: (len(e.mentions), e.last))
            else:
                # a full name that completes an earlier short form ("Xi" ... "Xi Jinping")
                shorter = [e for e in ents if e.label == m.label and _contains(e.full, toks, m.label)
                           and not (len(e.full) == 1 and all(_abbrev(x) for x in e.surfaces))]
                if len(shorter) == 1:
                    target = shorter[0]
                else:
                    target = LocalEntity(label=m.label, article_id=article_id)
                    ents.append(target)
        target.add(m, toks, i)
    return ents


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


def _role_heads(e: LocalEntity) -> set[str]:
    return {_HEAD_CLASS.get(h, h) for r in e.roles if (h := role_head(r))}


def _spelling_variant(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """'Kim Eui-keum' / 'Kim Eui-kyeom', 'Darius Kowalczyk' / 'Dariusz Kowalczyk': as many words,
    one of them spelt differently (or the family name first and the same), and close overall."""
    if len(a) < 2 or len(a) != len(b) or a == b:
        return False
    differ = sum(x != y for x, y in zip(a, b))
    if differ > 1 and a[0] != b[0]:
        return False
    return SequenceMatcher(None, "".join(a), "".join(b)).ratio() >= 0.75


def _merge_across(locals_: list[LocalEntity]) -> list[list[LocalEntity]]:
    n = len(locals_)
    dsu = _DSU(n)
    # the same full name is one entity whatever type the tagger gave it in each article
    # ("Northline Freight" read as ORG in one article and as LOC in another)
    by_name: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, e in enumerate(locals_):
        by_name[e.full].append(i)
    by_full: dict[tuple[str, tuple[str, ...]], int] = {}
    for full, idx in by_name.items():
        for j in idx[1:]:
            dsu.union(idx[0], j)
        votes = Counter(locals_[j].label for j in idx for _ in locals_[j].mentions)
        by_full[(votes.most_common(1)[0][0], full)] = idx[0]
    fulls = list(by_full.items())
    # indexes, so that a story with many names is not compared pairwise
    by_token: dict[str, list[int]] = defaultdict(list)
    by_initials: dict[str, list[int]] = defaultdict(list)
    weight_of: Counter[tuple[str, ...]] = Counter()
    for e in locals_:
        weight_of[e.full] += len(e.mentions)
    for k, ((_, f2), _) in enumerate(fulls):
        if len(f2) > 1:
            for t in set(f2):
                by_token[t].append(k)
            by_initials[_initials([t for t in f2 if t not in _FUNCTION])].append(k)
    # a name that is part of exactly one longer name of the same type; an acronym
    for (label, full), i in fulls:
        abbrev = len(full) == 1 and all(_abbrev(x) for x in locals_[i].surfaces)
        cands = set(by_token.get(full[0], ())) | set(by_initials.get(full[0], ()))
        if len(full) > 1:
            cands |= set(by_token.get(full[-1], ()))
        matched = [k for k in cands
                   if (fulls[k][0][0] == label and not abbrev and _contains(full, fulls[k][0][1], label))
                   or ((fulls[k][0][0] == "PERSON") == (label == "PERSON") and _is_acronym_of(full, fulls[k][0][1]))]
        longer = {dsu.find(fulls[k][1]) for k in matched}
        if len(longer) == 1:
            dsu.union(i, longer.pop())
        elif len(longer) > 1 and len(full) == 1:
            # two Kims: the short form goes to the most named of them, story-wide
            best = max(matched, key=lambda k: (weight_of[fulls[k][0][1]], -fulls[k][1]))
            dsu.union(i, fulls[best][1])
    # spelling / romanisation variants of a person with the same role (blocked by first and last word)
    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, e in enumerate(locals_):
        if e.label == "PERSON" and len(e.full) >= 2 and e.roles:
            blocks[(0, e.full[0])].append(i)
            blocks[(1, e.full[-1])].append(i)
    for members in blocks.values():
        for x in range(len(members)):
            i = members[x]
            for j in members[x + 1:]:
                if dsu.find(i) != dsu.find(j) and _spelling_variant(locals_[i].full, locals_[j].full) \
                        and (_role_heads(locals_[i]) & _role_heads(locals_[j])):
                    dsu.union(i, j)
    groups: dict[int, list[LocalEntity]] = defaultdict(list)
    for i, e in enumerate(locals_):
        groups[dsu.find(i)].append(e)
    return list(groups.values())


def _canonical(group: Sequence[LocalEntity]) -> str:
    surf: Counter[str] = Counter()
    for e in group:
        surf.update(e.surfaces)
    return max(surf, key=lambda s: (len(name_tokens(s)), surf[s], s[:1].isupper() and not s.isupper(), len(s)))


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
    out: list[Mention] = []
    for key, eids in by_role.items():
        if len(eids) != 1:
            continue
        eid = next(iter(eids))
        words = r"\s+".join(map(re.escape, key.split()))
        pat = re.compile(r"\b(?i:the\s+" + words + r")\b(?!\s+[A-Z])")
        for a in articles:
            for mm in pat.finditer(a.text):
                out.append(Mention(start=mm.start(), end=mm.end(), text=mm.group(0), label=label_of[eid],
                                   article_id=a.id, entity_id=eid))
    return out


def consolidate_entities(articles: Sequence[Article], mentions: Iterable[Mention],
                         *, nominals: bool = True) -> tuple[list[Entity], list[Mention]]:
    """Canonical entities of a story and its mentions with ``entity_id`` set.

    ``mentions`` carry ``article_id`` (as ``recognize_entities(..., article_id=...)`` gives them).
    Entities are sorted by importance: articles naming them, then mentions.
    """
    by_art: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_art[m.article_id].append(m)
    locals_: list[LocalEntity] = []
    for a in articles:
        locals_.extend(_local_entities(a.id, by_art.get(a.id, [])))
    groups = _merge_across(locals_)
    entities: list[Entity] = []
    linked: list[Mention] = []
    roles_of: dict[str, list[str]] = {}
    label_of: dict[str, str] = {}
    for g in groups:
        name = _canonical(g)
        label = Counter(m.label for e in g for m in e.mentions).most_common(1)[0][0]
        eid = entity_id_for(label, name)
        aliases: Counter[str] = Counter()
        roles: list[str] = []
        counts: Counter[str] = Counter()
        for e in g:
            aliases.update(e.surfaces)
            for r in e.roles:
                if r.lower() not in {x.lower() for x in roles}:
                    roles.append(r)
            counts[e.article_id] += len(e.mentions)
            linked.extend(dataclasses.replace(m, entity_id=eid) for m in e.mentions)
        roles_of[eid] = roles
        label_of[eid] = label
        entities.append(Entity(id=eid, name=name, label=label,
                               aliases=tuple(a for a, _ in aliases.most_common() if a != name),
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


def _mention_kind(text: str) -> str:
    ws = _words(text)
    low = [w.lower() for w in ws]
    if len(ws) == 1 and low[0] in PRONOUNS:
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
# a common noun appears next to the name, pronoun antecedent position, ...); a logistic
# regression trained by scripts/train_coref.py on the ECB+ train topics scores it; mentions are
# clustered by average linkage on 1 - p with a threshold tuned on the dev topics. The weights are
# a small JSON file in storyline/models. Cost is quadratic in the mentions given at once (one
# story or topic).


KINDS = ("proper", "nominal", "pronoun", "time")
_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n")
_WORD = re.compile(r"\w[\w'’-]*")

BASE_NAMES = [
    "bias", "same_head", "same_text", "name_sub", "tok_jacc", "same_doc", "same_sent", "sent_dist",
    "doc_sim", "head_c2", "head_c1", "ctx_head_doc", "ctx_head_topic", "antecedent", "antecedent_proper",
    "salience", "same_pron", "head_in_other", "top_name_same_doc", "top_name_of_doc", "cooc",
    "assoc_word", "assoc_word_n", "assoc_cls", "assoc_cls_n", "nearest_prop", "ment_dist", "first_prop",
    "kind_code", "sent_sim", "ctx_jacc",
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


def _sent_bounds(text: str) -> list[int]:
    return [m.end() for m in _SENT_END.finditer(text)]


def mention_infos(articles: Sequence[Article], mentions: Sequence[Mention]) -> list[MentionInfo]:
    doc_of = {a.id: i for i, a in enumerate(articles)}
    texts = [a.text for a in articles]
    bounds = [_sent_bounds(t) for t in texts]
    out = []
    for m in mentions:
        d = doc_of.get(m.article_id, -1)
        t = texts[d] if d >= 0 else ""
        ok = d >= 0 and 0 <= m.start < m.end <= len(t)
        s = t[m.start:m.end] if ok else (m.text or "")
        kind = _mention_kind(s)
        words = [w.lower() for w in _WORD.findall(s)]
        if ok:
            left = [w.lower() for w in _WORD.findall(t[max(0, m.start - 60):m.start])][-5:]
            right = [w.lower() for w in _WORD.findall(t[m.end:m.end + 60])][:5]
            ctx = frozenset(left + right)
            sent = bisect.bisect_right(bounds[d], m.start)
        else:
            ctx, sent = frozenset(), 0
        out.append(MentionInfo(doc=d, start=m.start, end=m.end, text=s, kind=kind, head=_head(s),
                               toks=frozenset(w for w in words if w not in _DETS_ALL),
                               name=name_tokens(s) if kind == "proper" else (), sent=sent, ctx=ctx))
    return out


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
            kw.append("R" + x.text.lower())
            kc.append("R" + x.text.lower())
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
    low = np.array([hash(x.text.lower()) for x in info])
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
    return base, code.astype(np.int64)


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


MODEL_PATH = Path(__file__).resolve().parents[1] / "models" / "coref-pairs.json"


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> dict | None:
    """The pair model (gradient-boosted trees as arrays, or logistic weights per kind pair), or
    None when absent or trained on other features."""
    p = Path(path)
    if not p.exists():
        return None
    data = json.loads(p.read_text())
    if data.get("features") != FEATURE_NAMES or data.get("kinds") != PAIR_KINDS:
        return None
    if "trees" in data:
        t = data["trees"]
        data["T"] = {k: np.array(t[k], dtype=np.float64 if k in ("threshold", "value") else np.int32)
                     for k in ("feature", "threshold", "left", "right", "value", "leaf", "root")}
    else:
        data["W"] = np.array(data["coef"], dtype=np.float32)
        data["b"] = np.array(data["intercept"], dtype=np.float32)
    return data


def tree_logits(x: np.ndarray, trees: dict[str, np.ndarray], depth: int) -> np.ndarray:
    """Sum of the leaf values of boosted trees for rows ``x`` (nodes of all trees in flat arrays;
    a row goes left when its feature is <= the threshold)."""
    out = np.zeros(len(x))
    rows = np.arange(len(x))
    for root in trees["root"]:
        node = np.full(len(x), root, dtype=np.int32)
        for _ in range(depth):
            leaf = trees["leaf"][node].astype(bool)
            if leaf.all():
                break
            go_left = x[rows, trees["feature"][node]] <= trees["threshold"][node]
            node = np.where(leaf, node, np.where(go_left, trees["left"][node], trees["right"][node]))
        out += trees["value"][node]
    return out


def pair_probs(base: np.ndarray, code: np.ndarray, model: dict) -> np.ndarray:
    if "T" in model:
        n = base.shape[0]
        iu = np.triu_indices(n, 1)
        z = np.zeros((n, n))
        if len(iu[0]):
            v = tree_logits(base[iu].astype(np.float64), model["T"], int(model["depth"])) + model["offset"]
            z[iu] = v
            z.T[iu] = v
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
    z = np.einsum("ijf,ijf->ij", base, model["W"][code]) + model["b"][code]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


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


def resolve_mentions(articles: Sequence[Article], mentions: Sequence[Mention],
                     threshold: float | None = None) -> list[str]:
    """Entity ids for arbitrary mentions of the given articles (see ``storyline.resolve_entities``):
    the pair model and average-link clusters, or the rules when the model is missing."""
    model = load_model()
    if model is None or not mentions:
        return resolve_rules(articles, mentions)
    info = mention_infos(articles, mentions)
    base, code = pair_features(articles, info, model.get("assoc"))
    p = pair_probs(base, code, model)
    labels = cluster_mentions(p, model["threshold"] if threshold is None else threshold,
                              model.get("linkage", "average"))
    return [f"c{x}" for x in labels]
