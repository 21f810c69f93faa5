"""Named-entity recognition: PERSON, ORG, LOC and MISC mentions with character offsets.

A linear-chain CRF (python-crfsuite) trained by ``scripts/train_ner.py`` on CoNLL-2003 English
(``make model``). Two settings share one code path:

* ``accurate`` (the default): rich features, word clusters, gazetteer, document-level features;
* ``fast``: a handful of features per token, for bulk ingest.

The models ship in ``storyline/models/`` and are loaded once per process. Each mention carries its
``role`` when a title or apposition is attached to a person ("Chinese President Xi Jinping",
"Lu Kang, a spokesman for the foreign ministry"); see :mod:`storyline.analyze.ner_roles`.
"""

from __future__ import annotations

import bisect
import dataclasses
import gzip
import json
import re
import threading
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from ..errors import ConfigError
from ..records import Mention
from .ner_roles import (KIN_SEX, KIN_WORDS, NAME_NUMBERS, OFFICE_HEADS, PORTFOLIO_WORDS, ROLE_HEADS, ROLE_MODS, TITLE_SEX,
                        common_surname, first_name_sex)
from .sentences import NEWS_AGENCIES
from .timex import MONTHS, WEEKDAYS
from .ner_features import (PTB_BRACKETS, STATE_ABBREVIATIONS, DocStats, Resources, bio_spans, capitals_line,
                           doc_label_features, doc_stats, sentence_features, tokenize)

__all__ = ["MODEL_DIR", "MODES", "load_resources", "product_context", "recognize_entities", "repair_spans",
           "split_joined_names", "tag_tokens"]

MODEL_DIR = Path(__file__).resolve().parents[1] / "models"
MODES = ("accurate", "fast")
LABEL_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_LOCK = threading.Lock()


def load_resources(path: Path) -> Resources:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    clusters = {w: tuple(c) for w, c in data["clusters"].items()}
    gaz = {tuple(k): frozenset(v) for k, v in data["gazetteer"]}
    return Resources(clusters=clusters, gazetteer=gaz, gaz_max=int(data.get("gaz_max", 6)),
                     lexicon={tuple(k): frozenset(v) for k, v in data.get("lexicon", [])},
                     capratio=dict(data.get("capratio", {})))


@lru_cache(maxsize=1)
def _resources() -> Resources:
    path = MODEL_DIR / "ner-resources.json.gz"
    if not path.exists():
        raise ConfigError(f"NER resources missing at {path}; run `make model` (scripts/train_ner.py)")
    return load_resources(path)


@lru_cache(maxsize=3)
def _tagger(mode: str):  # type: ignore[no-untyped-def]
    """The CRF of a setting; "accurate-doc" is the optional second (document-level) pass of the
    accurate setting, None when it is not shipped."""
    if mode not in (*MODES, "accurate-doc"):
        raise ConfigError(f"unknown NER mode {mode!r}; use one of {MODES}")
    path = MODEL_DIR / f"ner-{mode}.crfsuite"
    if mode == "accurate-doc" and not path.exists():
        return None
    if not path.exists():
        raise ConfigError(f"NER model missing at {path}; run `make model` (scripts/train_ner.py)")
    try:
        import pycrfsuite
    except ImportError as e:  # pragma: no cover - a core dependency
        raise ConfigError("python-crfsuite is needed for NER: pip install python-crfsuite") from e
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag_tokens(sentences: Sequence[Sequence[str]], mode: str = "accurate") -> list[list[str]]:
    """BIO tags (CoNLL types PER/ORG/LOC/MISC) for the tokenised sentences of one document."""
    res = _resources()
    tagger = _tagger(mode)
    st = doc_stats(sentences, res) if mode == "accurate" else None
    second = _tagger("accurate-doc") if mode == "accurate" else None
    # a very long text is featurised a batch of sentences at a time (and again for the second pass)
    # rather than held at once, which took ~3 KB a token (700 MB for a 0.9 MB text); a text of one
    # batch keeps its features for the second pass
    groups = _token_batches(sentences, _BATCH_TOKENS)
    held = _features(sentences, res, st, mode) if len(groups) == 1 else None

    def batch(lo: int, hi: int) -> list[list[list[str]]]:
        return held if held is not None else _features(sentences[lo:hi], res, st, mode)

    out: list[list[str]] = []
    for lo, hi in groups:
        fs = batch(lo, hi)
        with _LOCK:  # a crfsuite Tagger is not thread-safe
            out.extend(tagger.tag(f) if f else [] for f in fs)
    if second is None:
        return out
    extra = doc_label_features(sentences, out)
    final: list[list[str]] = []
    for lo, hi in groups:
        with _LOCK:
            final.extend(second.tag([a + b for a, b in zip(f, x)]) if f else []
                         for f, x in zip(batch(lo, hi), extra[lo:hi]))
    return final


def _features(sentences: Sequence[Sequence[str]], res: Resources, st: DocStats | None,
              mode: str) -> list[list[list[str]]]:
    """The tagger's features of each token of ``sentences`` (none for an empty sentence)."""
    return [sentence_features(toks, res, st, mode) if toks else [] for toks in sentences]


_BATCH_TOKENS = 20_000  # tokens whose features are held at once


def _token_batches(sentences: Sequence[Sequence[str]], size: int) -> list[tuple[int, int]]:
    """Runs of whole sentences of about ``size`` tokens: ``[(lo, hi), ...]`` covering them all."""
    groups: list[tuple[int, int]] = []
    lo = n = 0
    for i, toks in enumerate(sentences):
        n += len(toks)
        if n >= size:
            groups.append((lo, i + 1))
            lo, n = i + 1, 0
    if lo < len(sentences) or not groups:
        groups.append((lo, len(sentences)))
    return groups


_ABBREV_END = re.compile(r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Gov|Sen|Rep|Prof|Capt|Maj|Rev|"
                         r"Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Co|Corp|Inc|Ltd|vs|Mt|Ft)\.)$")


def _quick_sentences(tokens: list[tuple[int, int]], text: str) -> list[list[tuple[int, int]]]:
    """Sentences from tokens by rule (for the fast setting): a line break, or . ! ? (and a closing
    quote) followed by a capitalised word or an opening quote, unless the dot ends an abbreviation."""
    out: list[list[tuple[int, int]]] = []
    cur: list[tuple[int, int]] = []
    n = len(tokens)
    words = [text[a:b] for a, b in tokens]
    i = 0
    while i < n:
        a, b = tokens[i]
        if cur and "\n" in text[cur[-1][1]:a]:
            out.append(cur)
            cur = []
        cur.append((a, b))
        w = words[i]
        if w in (".", "!", "?") or (len(w) > 2 and w.endswith(".") and w[-3] != "." and not _ABBREV_END.search(w)):
            j = i + 1
            if j < n and words[j] in ('"', "”", "’", "'") and j + 1 < n and words[j + 1][:1].isupper():
                cur.append(tokens[j])
                i = j
                j += 1
            nxt = words[j] if j < n else ""
            if not nxt or nxt[:1].isupper() or nxt[:1] in "\"“‘(":
                out.append(cur)
                cur = []
        i += 1
    if cur:
        out.append(cur)
    return out


def _sentence_token_spans(text: str, mode: str = "accurate") -> list[list[tuple[int, int]]]:
    if mode == "fast":
        return _quick_sentences(tokenize(text), text)
    from .sentences import split_sentences

    spans = []
    for s in split_sentences(text):
        toks = tokenize(text, s.start, s.end)
        if toks:
            spans.append(toks)
    return spans


_LEADING = frozenset(["both", "and", "but", "or", "when", "while", "after", "before", "if", "as", "since", "however", "meanwhile", "so", "yet", "also", "then", "though", "although", "because"])


_TITLES = frozenset(["president", "vice-president", "minister", "premier", "chancellor", "secretary", "chairman",
                     "chairwoman", "leader", "ambassador", "envoy", "governor", "mayor", "senator", "king", "queen",
                     "prince", "princess", "spokesman", "spokeswoman", "spokesperson", "secretary-general"])


def _split_titles(tokens: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span the tagger ran across a title ("South Korean President Moon Jae In", "Bush Homeland
    Security Adviser Frances Townsend") is two names: what comes before the title keeps its type, the
    capitalised words after it are a person."""
    out = []
    for s, e, typ in spans:
        for k in range(s + 1, e - 1):
            if ((tokens[k].lower() in _TITLES or _office_title(tokens, k)) and tokens[k][:1].isupper()
                    and all(t[:1].isupper() and t[:1].isalpha() for t in tokens[k + 1:e])
                    # (a surname after a given name is no title: "Martin Luther King Jr.")
                    and not (typ == "PER" and first_name_sex(tokens[s]))
                    and not all(t.lower().rstrip(".") in NAME_NUMBERS for t in tokens[k + 1:e])):
                out.append((s, k, typ))
                out.append((k + 1, e, "PER"))
                break
        else:
            out.append((s, e, typ))
    return out


# the endings of a noun naming a person by what they do or are ("Assemblyman", "Pathologist", "Regent", "Students")
_AGENT_END = re.compile(r"[A-Z][a-z]+(?:man|woman|men|women|ist|ists|ent|ents)")
_NAME_WORD = re.compile(r"(?:[A-Z][\w'’]*|[a-z]{1,3}-[A-Z][\w'’]*)")  # a given name's surname ("Tadic", "el-Demiri")
_SURNAME_WORDS = 2  # words after the given name a person's name has at most in a glued span


def _title_word(word: str, office: bool = False) -> bool:
    """Whether a capitalised word before a given name is a title of that person, no part of the name:
    a role word or a role's modifier ("Officer", "Principal"), a noun that names a person by what they do
    ("Assemblyman", "Pathologist", "Regent", "Students"), and, after an office's role word and "of", any
    word news writes in lower case ("Minister of Public Health Sam Vell").
    Not a given name itself ("Hunter S. Vell"), a nickname ("Sugar Ray Vell"), nor a title written as a
    part of the name ("Lady Ann Vell", "Father Tom Reyd")."""
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()) or first_name_sex(word) \
            or "first" in place_kinds((word.lower(),)):
        return False
    low = word.lower()
    if low in _NAME_TITLES:
        return False
    return low in ROLE_HEADS or low in ROLE_MODS or bool(_AGENT_END.fullmatch(word)) \
        or (office and _resources().capratio.get(low, "4") <= "2")


def _office_before(tokens: Sequence[str], s: int, k: int) -> bool:
    """Whether an office's role word and "of" stand in tokens[s:k] or right before it ("Officer of
    Health", "Minister of" before "Public Health Sam Vell")."""
    return any(tokens[j].lower() in ROLE_HEADS and tokens[j + 1] == "of" for j in range(max(s - 2, 0), k - 1))


def _person_after_title(tokens: Sequence[str], s: int, e: int, typ: str) -> int | None:
    """The start of a person's name that ends the span ``s:e`` after a title the tagger took in
    ("Assemblyman Tom Vell", "Wildlife Pathologist Ann Reyd", "Kelby Principal Tom Dorn", "Minister of
    Public Health Sam Vell"): a given name of the census lists or initials, one or two capitalised words
    after it, and a title word right before it; None when there is none. A place's span is left alone
    ("Avenue Victor Hugo")."""
    if typ == "LOC" or e - s < 3 or tokens[e - 1].lower().rstrip(".") in _KIND_HEADS:
        return None
    for k in range(max(s + 1, e - 1 - _SURNAME_WORDS), e - 1):
        if given_name_or_initials(tokens[k]) and all(_NAME_WORD.fullmatch(t) for t in tokens[k + 1:e]) \
                and _title_word(tokens[k - 1], _office_before(tokens, s, k)):
            return k
    return None


def _split_person_after_title(tokens: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span that ends on a person's name after a title (``_person_after_title``) is that person; the
    words before the title keep the span's type when they name something of their own ("Kelby
    Principal Tom Dorn": the Kelby school; "University of Tarnby Regent Ann Reyd"), and are the title's
    when they hold an office ("Officer of Health Ann Reyd", "Minister of Public Health Sam Vell") or the
    tagger read the whole as a person's ("Wildlife Pathologist Ann Reyd")."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        k = _person_after_title(tokens, s, e, typ)
        if k is None:
            out.append((s, e, typ))
            continue
        head = k - 1 if _title_word(tokens[k - 1]) else k
        if typ != "PER" and head > s and not _office_before(tokens, s, k):
            out.append((s, head, typ))
        out.append((k, e, "PER"))
    return out


# the words of a creed's branch, which stand before a believer's name as a people's word does ("Sunni Ali Vell")
_CREEDS = frozenset(["sunni", "shiite", "shia", "alawite", "druze", "maronite"])
_PEOPLE_NAME_WORDS = 4  # words of a person's name after a people's words ("Libyans Abdel Basset Ali al-Tarvi")
# the last words of an armed or a political body named for a people ("Karen National Army"), never a person's
_PEOPLE_BODY_ENDS = frozenset("army front movement league union alliance forces militia brigade brigades".split())


def _peoples_word(tokens: Sequence[str], k: int) -> bool:
    """Whether the capitalised word tokens[k] names a people or a creed ("Serb", "Sunni", "Haitian",
    "Uzbek", "Libyans") and no given name ("Christian")."""
    word = tokens[k]
    return word[:1].isupper() and word[1:].islower() and not first_name_sex(word) and (
        word.lower() in _CREEDS or "MISC" in _resources().gazetteer.get((word,), ()) or _people_word(word)
        or _land_people(word) or _people(tokens, k, k + 1))


def _person_after_people(tokens: Sequence[str], s: int, e: int, typ: str) -> int | None:
    """The start of a person's name that ends the span ``s:e`` after a people's or a creed's words the
    tagger took in ("Bosnian Serb Tomas Vell", "South Tarvian Ann Reyd", "Sunni Omar Vell"): one or more
    such words (compass words may open them), then a given name of the census lists or initials and one
    to three more name words; where the tagger read a person, any name words news writes
    capitalised ("Bosnian Serb Dragan Vrel"). None when there is none, or when the words after name a
    thing or a body ("Belgian Grand Prix", "Democratic Karen Buddhist Army")."""
    k = s
    while k < e - 2 and tokens[k].lower() in _PEOPLE_MODIFIERS:
        k += 1
    if not (k < e - 2 and _peoples_word(tokens, k)):
        return None
    while k < e - 2 and _peoples_word(tokens, k):
        k += 1
    rest = tokens[k:e]
    if not 2 <= len(rest) <= _PEOPLE_NAME_WORDS or not all(_NAME_WORD.fullmatch(t) for t in rest) \
            or rest[-1].lower().rstrip(".") in _KIND_HEADS:
        return None
    res = _resources()
    if res.gazetteer.get(tuple(rest), frozenset()) - {"PER"} or any(_peoples_word(tokens, j) for j in range(k + 1, e)) \
            or rest[-1].lower().rstrip(".") in _BODY_ENDS or rest[-1].lower() in _PEOPLE_BODY_ENDS:
        return None  # a thing's or a body's name ("Belgian Grand Prix", "Democratic Karen Buddhist Army")
    named = given_name_or_initials(rest[0]) or (typ == "PER" and all(res.capratio.get(t.lower(), "4") > "2" for t in rest))
    return k if named else None


def _split_people_before_person(tokens: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span the tagger ran from a people's or a creed's words into the person they qualify ("Bosnian
    Serb Tomas Vell", "set by South Tarvian Ann Reyd") is two names: the people's words (CoNLL's MISC)
    and the person (``_person_after_people``); not a body or a place named after a people ("British
    Airways", "American Samoa": no given name follows)."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        k = _person_after_people(tokens, s, e, typ)
        if k is None:
            out.append((s, e, typ))
        else:
            out.extend([(s, k, "MISC"), (k, e, "PER")])
    return out


def _office_title(tokens: Sequence[str], k: int) -> bool:
    """Whether tokens[k] is the role word of an office's title ("Secretary", "Adviser") that a
    portfolio's capitalised word opens ("Defense Secretary") and a given name follows."""
    return (0 < k < len(tokens) - 1 and tokens[k].lower() in OFFICE_HEADS and tokens[k][:1].isupper()
            and tokens[k - 1][:1].isupper() and tokens[k - 1].lower() in PORTFOLIO_WORDS
            and first_name_sex(tokens[k + 1]) != 0)


# words that date a role ("Former Clinton Defense Secretary")
_ROLE_TIMES = frozenset(["former", "late", "acting", "outgoing", "incoming"])


def _opens_title(tokens: Sequence[str], e: int) -> bool:
    """Whether the capitalised portfolio words from tokens[e] on open an office's title and its
    holder's name ("Defense Secretary William Cohen")."""
    k = e
    while k < len(tokens) and tokens[k][:1].isupper() and tokens[k].lower() in PORTFOLIO_WORDS:
        k += 1
    return k > e and _office_title(tokens, k)


def _without_title_opening(tokens: Sequence[str], s: int, e: int) -> tuple[int, int]:
    """Span tokens[s:e] without the opening of an office's title it ran into: its last capitalised
    words name a portfolio and the office's role word and a given name follow ("Former Clinton
    Defense Secretary William Cohen": "Clinton", not a person "Clinton Defense" nor an organisation
    "Former Clinton Defense"; "Obama Treasury Secretary Timothy Geithner": "Obama"). A span that is
    all portfolio is kept."""
    if not _office_title(tokens, e):
        return s, e
    k = e
    while k > s and tokens[k - 1][:1].isupper() and tokens[k - 1].lower() in PORTFOLIO_WORDS:
        k -= 1
    if k == s:
        return s, e
    while k - s > 1 and tokens[s].lower() in _ROLE_TIMES:
        s += 1
    return s, k


# the last words of a company's name (not of a body: "State Law and Order Restoration Council" is one)
_COMPANY_ENDS = frozenset("airlines airways corp corporation inc co ltd plc llc ag sa nv holdings".split())


def _two_bodies(tokens: Sequence[str], s: int, cut: int, e: int) -> bool:
    """Whether the words on both sides of the conjunction at ``cut`` end on a body's word, each side two
    words or more ("the Kelby Research Institute and Tarvan Health Fund", "the Defense Department or
    Transportation Department"): two bodies, as no one body's name holds another's ("House Ways and Means
    Committee", "Department of Health and Human Services" do not end on one before it)."""
    return all(b - a >= 2 and tokens[b - 1].lower().rstrip(".") in _BODY_ENDS for a, b in ((s, cut), (cut + 1, e)))


def _founders_word(word: str) -> bool:
    """Whether a word may name one of a firm's founders or partners ("Marks and Spencer", "Ernst and
    Young"), or be part of one name with the word across "and" ("Trade and Industry", "Globe and
    Mail"): a given name or a surname of the census lists, or a word news writes in lower case."""
    return bool(place_kinds((word.lower(),)) & {"first", "first2", "last", "last2"}) \
        or _resources().capratio.get(word.lower(), "4") <= "2"


def _two_words_and(tokens: Sequence[str], s: int, e: int) -> bool:
    """Whether the span ``s:e`` is two one-word names joined by "and" ("Hasbro and Galoob", "Prozac,
    Zoloft and Paxil"): two title-case words, neither a founder's word (``_founders_word``), and no
    name of the tagger's lists as a whole."""
    if e - s != 3 or tokens[s + 1] != "and":
        return False
    a, b = tokens[s], tokens[e - 1]
    return all(w[:1].isupper() and w.isalpha() and not w.isupper() and not _founders_word(w) for w in (a, b)) \
        and tuple(tokens[s:e]) not in _resources().gazetteer


def _list_end_cut(tokens: Sequence[str], s: int, e: int) -> int | None:
    """Where the span ``s:e``, which follows a name and a comma ("Tarvo Bank , Kelby One and First
    Vell"), is cut at its one "and": the last two items of a list of names ("A , B and C"), each of
    title-case words or figures, no "of" among them; None when it is not so, or when both sides are a
    founder's word alone (``_founders_word``: "Tesco , Marks and Spencer")."""
    if tokens[s - 1] != "," or tokens[s:e].count("and") != 1:
        return None
    cut = tokens.index("and", s, e)
    sides = (tokens[s:cut], tokens[cut + 1:e])
    if not all(side and all(w[:1].isupper() or w[:1].isdigit() for w in side) for side in sides):
        return None
    return None if all(len(side) == 1 and _founders_word(side[0]) for side in sides) else cut


# a title in the plural, which names each of the people after it ("Presidents Ford and Carter")
_PLURAL_TITLES = frozenset("""presidents senators sens. reps. representatives govs. governors generals gens. drs. doctors
judges justices messrs. ministers premiers chancellors mayors cardinals bishops professors profs. admirals""".split())


def _plural_title(word: str) -> bool:
    """Whether a capitalised word is a title in the plural ("Presidents", "Sens.")."""
    return word[:1].isupper() and word.lower() in _PLURAL_TITLES


def _people_after_plural_title(tokens: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names after a title in the plural and joined by "and" or commas are people, one each ("under
    Presidents Ford and Carter", "Generals Vell and Reyd"), whatever the tagger read: a span run across
    "and" is cut there, the title is no part of the first name, and the names after "and" or a comma
    that it left apart are people too. Only words in title case, two names or more, none ending on a
    place's or a body's head ("Tarrow Park"), and not a place's span opening on the title ("Governors
    Island")."""
    out = list(spans)
    for i, (s, e, typ) in enumerate(spans):
        t = s if _plural_title(tokens[s]) else s - 1
        if t < 0 or not _plural_title(tokens[t]) or (t == s and (e - s < 2 or typ == "LOC"
                                                                  or typ != "PER" and "and" not in tokens[s:e])):
            continue  # (a place named so: "Governors Island"; a cup, a ball or a club: "the Presidents Cup")
        end = e
        later = [j for j in range(i + 1, len(spans)) if spans[j][0] >= e]
        for j in later:  # the names the tagger left apart: "Generals Vell" "and" "Reyd"
            if spans[j][0] == end + 1 and tokens[end] in ("and", ","):
                end = spans[j][1]
            else:
                break
        words = tokens[t + 1:end]
        if not words or not all(w[:1].isupper() and w[:1].isalpha() or w in ("and", ",") for w in words) \
                or "and" not in words or words[0] in ("and", ",") or words[-1] in ("and", ","):
            continue
        bounds = [t + 1] + [b for k in range(t + 1, end) if tokens[k] in ("and", ",") for b in (k, k + 1)] + [end]
        names = [(a, b, "PER") for a, b in zip(bounds[::2], bounds[1::2])]
        if any(b - a > 3 or tokens[b - 1].lower().rstrip(".") in _KIND_HEADS for a, b, _ in names):
            continue
        out = [sp for sp in out if not (t <= sp[0] < end)] + names
    return sorted(out)


def _split_coordinated(tokens: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person span joined by "and" ("Jermaine and Randy") is two people, peoples joined by "and"
    or commas ("Pakistanis and Kuwaitis") two peoples, and a conjunction that ends a span is no part
    of it ("Somalis and"); organisations keep
    theirs ("Marks and Spencer", "Procter and Gamble Co."), unless both sides are names of two
    words or more and the second ends as a company's name does ("Cathay Pacific and Northwest
    Airlines")."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        while e - s > 1 and tokens[e - 1].lower() in ("and", "or", "&"):
            e -= 1  # "Somalis and": the tagger ran on into the conjunction
        cuts = [k for k in range(s + 1, e - 1) if tokens[k].lower() in ("and", "or", ",")]
        if cuts:
            bounds = [s] + [b for k in cuts for b in (k, k + 1)] + [e]
            parts = list(zip(bounds[::2], bounds[1::2]))
            if all(b > a and _people(tokens, a, b) for a, b in parts):
                out.extend((a, b, "MISC") for a, b in parts)  # "Pakistanis and Kuwaitis": two peoples
                continue
        if typ == "ORG" and _two_words_and(tokens, s, e):
            out.extend([(s, s + 1, typ), (e - 1, e, typ)])  # "Hasbro and Galoob": two companies
            continue
        cut = _list_end_cut(tokens, s, e) if typ == "ORG" and out and out[-1][1] == s - 1 and out[-1][2] == typ else None
        if cut is not None:
            out.extend([(s, cut, typ), (cut + 1, e, typ)])  # "Tarvo Bank , Kelby One and First Vell": three banks
            continue
        if typ == "ORG" and e - s >= 5:
            cut = next((k for k in range(s + 2, e - 2) if tokens[k] in ("and", "or")), None)
            if cut is not None and (_two_bodies(tokens, s, cut, e) or (
                    tokens[cut] == "and" and tokens[e - 1].lower().rstrip(".") in _COMPANY_ENDS
                    and tokens[cut + 1].lower().rstrip(".") not in _COMPANY_ENDS)) \
                    and all(t[:1].isupper() for t in tokens[s:cut]) and all(t[:1].isupper() for t in tokens[cut + 1:e]):
                out.extend([(s, cut, typ), (cut + 1, e, typ)])
                continue
        if typ == "PER":
            cuts = [k for k in range(s + 1, e - 1) if tokens[k] in ("and", "&")]
            if cuts and all(tokens[k + 1][:1].isupper() and tokens[k - 1][:1].isupper() for k in cuts):
                bounds = [s] + [b for k in cuts for b in (k, k + 1)] + [e]
                out.extend((a, b, typ) for a, b in zip(bounds[::2], bounds[1::2]))
                continue
        out.append((s, e, typ))
    return out


_PLURAL_POSSESSORS = frozenset(["people", "women", "men", "children", "workers", "peoples", "veterans", "farmers"])
# derivational endings of abstract nouns: capitalised only because they open a sentence ("Militarization has ...")
_ABSTRACT_END = re.compile(r"(?:ization|isation|ification|ness|ism|ment|ity)$")


def _first_word(tokens: Sequence[str]) -> int:
    """Index of the sentence's first word (after opening quotes and brackets)."""
    i = 0
    while i < len(tokens) and tokens[i] in ('"', "“", "'", "‘", "(", "[", "``", "-", "--", "—"):
        i += 1
    return i


def _lowercase_word(w: str) -> bool:
    """True for a word that news text writes in lower case mid-sentence ("Residents", "Militarization"):
    its capital at a sentence's start makes no name."""
    if not (w[:1].isupper() and w[1:].islower() and w.isalpha()):
        return False
    low = w.lower()
    bin_ = _resources().capratio.get(low)
    if bin_ is not None:
        return bin_ == "0"
    return (bool(_ABSTRACT_END.search(low)) and len(w) > 7) or _adverb_of_a_common_word(low)


_ADVERB_STEM = 5  # letters the word an adverb is made from has at least ("interesting": not "car" of "Carly")


def _adverb_of_a_common_word(low: str) -> bool:
    """Whether a lower-cased word the vocabulary does not hold is an adverb made with "-ly" from a word
    news writes in lower case ("interestingly", "logistically", "outwardly"): no given name is one."""
    return (low.endswith("ly") and len(low) - 2 >= _ADVERB_STEM
            and _resources().capratio.get(low[:-2], "4") <= "1")


lowercase_word = _lowercase_word  # (read by the brief's quote grouping: "But Microsoft" is Microsoft)


def known_word(w: str) -> bool:
    """Whether the tagger's vocabulary of news words (their capitalisation counts) holds ``w`` (any
    case): "moon", "govt" are known, an abbreviation cut from its word ("amb") is not."""
    return w.lower() in _resources().capratio


def written_as_name(w: str) -> bool:
    """Whether news text writes ``w`` with a capital as a rule, as a name ("ann", "rogers"; not "plan", "the"):
    the tagger's vocabulary's capitalisation, a word it does not hold counting as a name ("velk")."""
    return _resources().capratio.get(w.lower(), "4") > "2"


def usual_case(words: Sequence[str]) -> list[str]:
    """Words written in capitals ("AN", "AUSTRALIAN", "MAN", "NEW", "ZEALAND") in the case news text
    writes them mid-sentence: a word it writes in lower case is lower ("man"), a place, a known name
    or a people's word has its capital ("New Zealand", "Australian"), others stay as written ("FBI",
    "NAACP": an acronym cannot be told from a name by its letters)."""
    res = _resources()
    low = [w.lower() for w in words]
    out = list(words)
    k = 0
    while k < len(words):
        span = next((n for n in (3, 2) if k + n <= len(words) and tuple(low[k:k + n]) in res.lexicon), 0)
        if span:  # "NEW ZEALAND", "LOS ANGELES"
            out[k:k + span] = [w[:1] + w[1:].lower() for w in words[k:k + span]]
            k += span
            continue
        bin_ = res.capratio.get(low[k])
        if words[k] not in ("US", "UK", "UN", "EU") and bin_ is not None and bin_ < "3":
            out[k] = low[k]
        elif (low[k],) in res.lexicon or "MISC" in res.gazetteer.get((words[k][:1] + low[k][1:],), ()) \
                or _place_of_people(low[k]):
            out[k] = words[k][:1] + low[k][1:]
        k += 1
    return out


_ARTICLES = frozenset(["The", "A", "An"])


def _without_article(tokens: Sequence[str], s: int, e: int, typ: str) -> int:
    """The start of a span past an article the tagger took in: no person's name opens with "The" ("The
    Muhammad Ali who danced ...", after a dateline's dash; "An" is a given name, "An Marchal"), nor any
    name with an article and the lower-case words after it ("The new Grand Cherokee")."""
    if e - s < 2 or tokens[s] not in _ARTICLES:
        return s
    k = s + 1
    while k < e and tokens[k].isalpha() and tokens[k].islower():
        k += 1
    return k if k < e and (k > s + 1 or (typ == "PER" and tokens[s] == "The")) else s


def _drop_common_opening(tokens: Sequence[str], s: int, e: int) -> int:
    """The start of a span that opens a sentence, past a common word the tagger took in with its
    capital: "Militarization" alone is no name (returns ``e``); "Residents of Brennick" is "Brennick", "Many
    Quebecers" (a people's plural after a quantifier) "Quebecers"."""
    if not _lowercase_word(tokens[s]):
        return s
    if e - s == 1:
        return e
    if tokens[s + 1] == "of" and e - s > 2:
        return s + 2
    if _people(tokens, s + 1, e):
        return s + 1
    return s


# lower-case words before a name that only a person can be ("Cambodian leader Hun Sen"); not words
# that also stand before a company or a team ("partner", "owner", "official", "chief", "head")
_PERSON_ROLES = frozenset("""president leader minister premier chancellor chairman chairwoman ambassador envoy governor
mayor senator congressman congresswoman spokesman spokeswoman spokesperson king queen prince princess coach
lawyer attorney prosecutor judge actor actress singer wife husband son daughter father mother brother sister
dictator economist professor striker midfielder defender goalkeeper""".split())


def _after_title(tokens: Sequence[str], s: int) -> bool:
    """Whether tokens[s] follows a person's title ("President", "Sen.", "Tsar") or a lower-case word only a
    person can be ("leader")."""
    if s == 0:
        return False
    before = tokens[s - 1]
    head = before.lower().rstrip(".")
    return (before[:1].isupper() and (head in ROLE_HEADS or head in _ROYAL_TITLES)) or before in _PERSON_ROLES


def _titles_a_later_name(tokens: Sequence[str], e: int) -> bool:
    """Whether a capitalised role word and a capitalised word follow the span ending at tokens[e]: a
    title before the span governs that later name, and the span names its office ("Deputy White
    House Counsel Bruce Lindsey": "White House" is no person's name)."""
    return e + 1 < len(tokens) and tokens[e][:1].isupper() and tokens[e].lower().rstrip(".") in ROLE_HEADS \
        and tokens[e + 1][:1].isupper()


def _titled_name(tokens: Sequence[str], s: int, e: int) -> bool:
    """Whether tokens[s:e] can be a person's name after a role word: title-case words, not a place
    of the tagger's lists, not ending on a word naming an organisation or a place."""
    words = tokens[s:e]
    if not all(w[:1].isupper() and not w.isupper() and w[:1].isalpha() for w in words):
        return False
    head = words[-1].lower().rstrip(".")
    return head not in _ORG_HEADS and head not in _PLACE_HEADS and not known_place(" ".join(words).lower())


_LONE_INITIAL = re.compile(r"[A-Z]\.")


def _name_proper(tokens: Sequence[str], s: int, e: int, typ: str) -> tuple[int, int]:
    """A span without the words around a name that the tagger took in: a place's kind before "of"
    ("the Massachusetts island of Nantucket" is Nantucket), a title before a person's name ("said
    Navy Capt. Burt March": the Navy; not a person's "Hun Sen"), "Flight" before its number ("Swissair
    Flight 111": Swissair)."""
    for k in range(s + 1, e - 2):
        if tokens[k + 1] == "of" and (tokens[k] in _PLACE_NOUNS or tokens[k] in _PLACE_HEADS):
            s = k + 3 if tokens[k + 2].lower() == "the" and k + 3 < e else k + 2
            break
    while (typ != "PER" and e - s > 1 and e < len(tokens) and tokens[e - 1][:1].isupper() and tokens[e][:1].isupper()
           and tokens[e][1:].islower() and not _lowercase_word(tokens[e])
           and tokens[e - 1].lower().rstrip(".") in ROLE_HEADS):
        e -= 1
    if e - s > 1 and tokens[e - 1] == "Flight" and e < len(tokens) and tokens[e][:1].isdigit():
        e -= 1
    return s, e


# titles that are also part of a name ("Mother Teresa", "Prince Charles", "Lady Gaga")
_NAME_TITLES = frozenset(["prince", "lady"]) | frozenset(KIN_SEX)


# a monarch's or a royal's titles, and a regnal number ("II", "XVI")
_ROYAL_TITLES = frozenset(["king", "queen", "prince", "princess", "emperor", "empress", "sultan", "pope", "tsar",
                           "tsarina", "czar", "czarina", "emir"])
_REGNAL_NUMBER = re.compile(r"[IVX]+")
_REIGN_NAME_WORDS = 2  # words of a monarch's name the given-name lists need not know ("Emperor Akihito")


def _royal_name(tokens: Sequence[str], s: int, e: int) -> bool:
    """Whether tokens[s:e] is a royal or a monarch's title and a name: a known given name and more
    given names or a regnal number ("Queen Elizabeth II", "King Carl XVI Gustaf"), or one or two
    title-case words that name no place nor body, and a regnal number or not ("Emperor Akihito",
    "Sultan Qaboos", "Tsar Ivor IV"): a person, whom the title or the number made the tagger read as a
    body; not after "the" (a ship: "the Queen Elizabeth II") nor run on into a capitalised word or a
    number ("Queen Elizabeth II Centre", "Queen Mary 2")."""
    if not (e - s >= 2 and tokens[s][:1].isupper() and tokens[s].lower() in _ROYAL_TITLES
            and not (s > 0 and tokens[s - 1].lower() == "the")
            and not (e < len(tokens) and (tokens[e][:1].isupper() or tokens[e][:1].isdigit()))):
        return False
    if first_name_sex(tokens[s + 1]) != 0 and all(_REGNAL_NUMBER.fullmatch(t) or first_name_sex(t) for t in tokens[s + 2:e]):
        return True
    n = e - 1 if e - s >= 3 and _REGNAL_NUMBER.fullmatch(tokens[e - 1]) else e
    return n - s - 1 <= _REIGN_NAME_WORDS and _titled_name(tokens, s + 1, n)


def _after_royal_title(tokens: Sequence[str], s: int) -> bool:
    """Whether tokens[s] follows a royal or a monarch's title ("King", "Tsar")."""
    return s > 0 and tokens[s - 1][:1].isupper() and tokens[s - 1].lower() in _ROYAL_TITLES


# the abbreviated military ranks AP style writes before a name ("Sgt.", "Spc.", "Brig. Gen.")
_RANKS = frozenset(["sgt", "spc", "cpl", "pvt", "pfc", "maj", "adm", "brig", "cmdr", "lt", "col", "capt", "gen"])


def _title_opening(tokens: Sequence[str], s: int, e: int) -> bool:
    """Whether a person's span opens on a title before the name ("King Arvid Tolm", "Cardinal
    Revik", "PRESIDENT VOSS", "Sgt. Tomas Reyd"): a capitalised role word or rank followed by
    capitalised words."""
    head = tokens[s].lower().rstrip(".")
    return (e - s >= 2 and tokens[s][:1].isupper() and (head in ROLE_HEADS or head in _RANKS)
            and head not in _NAME_TITLES and all(t[:1].isupper() for t in tokens[s + 1:e]))


def _titled_person(tokens: Sequence[str], s: int, e: int, typ: str) -> bool:
    """Whether tokens[s:e] is a title and a person's name, whatever type the tagger read: a person's
    span opening on a title, or another's whose name after the title opens on a given name of the
    census lists ("Col. Barry Vell", which the tagger took for a body; not "General Motors", nor
    a building after "the": "the Queen Elizabeth Hospital")."""
    return _title_opening(tokens, s, e) and (typ == "PER" or (
        first_name_sex(tokens[s + 1]) != 0 and _titled_name(tokens, s + 1, e) and not (s > 0 and tokens[s - 1].lower() == "the")
        and tokens[e - 1].lower() not in _PLACE_OF_A_NAME))


def _rank_closing(tokens: Sequence[str], s: int, e: int) -> bool:
    """Whether a span ends on an abbreviated rank whose stop the tokenizer cut off as a sentence's
    ("the Tarnby Aviation Authority Brig . Gen. Tomas Reyd"): the rank is the next name's title."""
    return e > s and e < len(tokens) and tokens[e] == "." and tokens[e - 1].lower() in _RANKS


# a building or place named after its saint, founder or owner ("St Aldric's Hospital", "St. Mary's
# Church"): the possessive is inside the name, the word after it alone is no name
_PLACE_OF_A_NAME = frozenset("hospital church cathedral chapel college school university hall park square "
                             "street road bridge abbey infirmary clinic academy gardens".split())


def _possessive_inside(tokens: Sequence[str], s: int, k: int, e: int) -> bool:
    """Whether the possessive ``tokens[k]`` of the span ``s:e`` is inside one name ("Brannock 's Old Boys",
    "Kestle 's of Harwick", "New Year 's Day", "Tarvo 's Investors Service"): what follows it names
    nothing by itself (it opens in lower case, or news writes all its words in lower case), and what
    precedes it is no place's name (the place owns what follows: "Norway 's Foreign Ministry")."""
    tail = tokens[k + 1:e]
    if not (tail[0][:1].islower() or not any(w[:1].isupper() for w in usual_case(tail))):
        return False
    return not place_kinds(tuple(w.lower() for w in tokens[s:k])) & _PLACE_KINDS


def _join_at_initial(tokens: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two person spans that meet are one name when the first ends on a middle initial (no name
    does: "Robert S." + "Mueller III") or a two-word name meets a one-word one ("Sarah Huckabee" +
    "Sanders", where the page's many "Ms. Sanders" had the tagger open a name at "Sanders")."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        if out and typ == "PER" and out[-1][2] == "PER" and out[-1][1] == s and out[-1][1] - out[-1][0] >= 2 \
                and ((_LONE_INITIAL.fullmatch(tokens[s - 1]) and tokens[s - 1].endswith("."))
                     or (out[-1][1] - out[-1][0] == 2 and e - s == 1)):
            out[-1] = (out[-1][0], e, typ)
        else:
            out.append((s, e, typ))
    return out


_WEEKDAYS = frozenset(w.title() for w in WEEKDAYS if w.endswith("day"))  # "Monday" ... "Sunday"
# the months, whole or cut short with a dot ("Aug."), but for those that open names too ("May Department
# Stores", "Jan Holm Realty")
_MONTH_WORDS = frozenset(m for m in MONTHS if len(m) > 4 or m in ("june", "july")) | frozenset(
    m + "." for m in MONTHS if len(m) <= 4 and m not in ("may", "june", "july"))
LIST_HEADS = frozenset(["DO", "DON'T", "DON’T", "DONT", "NEVER", "ALWAYS", "AVOID"])  # a list's headings
_DAY_NAMERS = frozenset("good black holy easter cyber palm ash maundy super bloody bowl".split())  # "Good Friday"


# words that open a sentence and end no name (a scraped page glues sentences: "Adobe Reader Meanwhile in ...",
# a fact box its fields: "... Earth Song The civil rights leader ...", "Gary , Ostland Also known as : ...")
_NEXT_OPENERS = frozenset(["He", "She", "It", "They", "We", "Meanwhile", "However", "Moreover", "The", "Also"])
_FINITE_AUX = frozenset(["is", "are", "was", "were", "has", "have", "had", "will", "would"])
_LABEL_WORDS = 3  # lower-case words of a fact box's label after its capitalised first word ("Also known as :")


def _opens_label(tokens: Sequence[str], k: int) -> bool:
    """Whether tokens[k] opens the label of a fact box's next field ("Best-known songs :", "Also
    known as :"): a capitalised word news text writes in lower case, then one to ``_LABEL_WORDS``
    lower-case words, none a verb of saying or a finite "be" or "have" ("Rich said :", "the Fair Play
    rankings are :"), and a colon (not a label of one word: "NYC Time :")."""
    parts = tokens[k].split("-")
    if not (_lowercase_word(parts[0]) and all(p.islower() for p in parts[1:])):
        return False
    from .quotes import CUE_VERBS

    for j in range(k + 1, min(k + 2 + _LABEL_WORDS, len(tokens))):
        if tokens[j] == ":":
            return j > k + 1
        if not tokens[j].isalpha() or not tokens[j].islower() or tokens[j] in CUE_VERBS or tokens[j] in _FINITE_AUX:
            return False
    return False


# a place's or a body's name made an adjective by a participle ("Tarvik-based", "U.S.-led", "Dublin-born")
_PARTICIPLE_ADJECTIVE = re.compile(r"[A-Z][\w.'’]*-(?:[a-z]+ed|born|run|made|bound|owned)")


def _split_after_participle(tokens: Sequence[str],
                            spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A span the tagger ran from a name made an adjective by a participle into the name it qualifies
    ("Tarvik-based Holm Bank Corp.") is two: the adjective (CoNLL's MISC) and the name."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        k = next((k for k in range(s, e - 1) if _PARTICIPLE_ADJECTIVE.fullmatch(tokens[k])), None)
        if k is None or not tokens[k + 1][:1].isupper():
            out.append((s, e, typ))
        else:
            out.extend([(s, k + 1, "MISC"), (k + 1, e, typ)])
    return out


_PRONOUN_CONTRACTION = re.compile(r"I['’](?:[mM]|ll|LL|ve|VE|[dD])")  # and in capitals: "I'M"


def repair_spans(tokens: Sequence[str], spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Small fixes the CRF gets wrong on news text: a sentence-initial function word glued to a name
    ("Both Trump") is dropped; a short capitalised last syllable of a person's name that the tagger
    read as a word ("Moon Jae In,") is taken in when punctuation closes it."""
    split = list(spans)
    for before in (_split_after_participle, _join_at_initial, _split_titles, _split_person_after_title,
                   _split_people_before_person, _split_coordinated, _people_after_plural_title):
        split = before(tokens, split)
    out = []
    for s, e, typ in split:
        while e - s > 1 and tokens[s].lower() in _LEADING:
            s += 1
        if _PRONOUN_CONTRACTION.fullmatch(tokens[s]):
            continue  # "I'm", "I'll": the pronoun glued to its verb is no name, nor what it opens ("I'm OK")
        s = _without_article(tokens, s, e, typ)
        if e - s > 1 and tokens[e - 1] in _WEEKDAYS and tokens[e - 2].lower() not in _DAY_NAMERS:
            e -= 1  # "at the Wasilla Bible Church Friday night": the day is no part of the name
        if (e - s > 1 and typ != "PER" and tokens[s][:1].isupper() and tokens[s].lower() in _MONTH_WORDS
                and tokens[s + 1][:1].isupper()):  # (not "March of Dimes")
            s += 1  # "the July KVX meeting", "from January to June Pelko sold": the month is a date's
        if e - s > 1 and ((tokens[e - 1] in _NEXT_OPENERS and tokens[e - 2] not in ("'s", "’s"))
                          or _opens_label(tokens, e - 1)):
            # "you may need Adobe Reader She said ...": the next sentence, glued on, opens after the name, as
            # does a fact box's next field ("... Earth Song The civil ...", "Kelby Best-known songs : ...")
            e -= 1
        if tokens[s] in LIST_HEADS:
            # a list's heading: "DO Keep jokes tight", "DO Channel Johnny Carson" (Carson is the name)
            s += 1
            while s < e and _lowercase_word(tokens[s]):
                s += 1
            if s >= e:
                continue
        # "the North 's Korean Central News Agency": the name is what follows the possessive; an
        # irregular plural's possessive is inside the name ("Democratic People 's Republic of Korea")
        for k in range(e - 2, s, -1):
            if tokens[k] in ("'s", "’s") and tokens[k - 1].lower() not in _PLURAL_POSSESSORS \
                    and not (e - k == 2 and tokens[k + 1].lower() in _PLACE_OF_A_NAME) \
                    and not _possessive_inside(tokens, s, k, e):
                s = k + 1
                break
        if s == _first_word(tokens) and e > s:
            s = _drop_common_opening(tokens, s, e)
            if s >= e:
                continue
        if e - s == 1 and _LONE_INITIAL.fullmatch(tokens[s]):
            continue  # an initial alone is no name ("Q. What did you see?")
        if e - s == 1 and tokens[s].endswith("$"):
            out.append((s, e, "MISC"))  # a currency ("C$", "US$"), as CoNLL-2003 labels it
            continue
        s, e = _name_proper(tokens, s, e, typ)
        if typ in ("ORG", "MISC") and _royal_name(tokens, s, e):
            typ = "PER"  # (not a place's: "Prince Rupert", "Prince George" are towns)
        if typ != "PER" and _rank_closing(tokens, s, e):
            e -= 1
            if e == s:
                continue  # "Brig . Gen. Tomas Reyd": a rank alone, cut off by its stop, is no name
        while _titled_person(tokens, s, e, typ):
            s, typ = s + 1, "PER"  # "King Arvid Tolm", "Lt. Col. Tomas Vell": the titles are no part of the name
        if typ == "PER" and e < len(tokens) and tokens[e] == "I" and _after_royal_title(tokens, s):
            e += 1  # "Queen Elizabeth I born": after a monarch's title and name, "I" is the regnal number
        s, e = _without_title_opening(tokens, s, e)
        if typ == "PER" and e - s >= 2 and e < len(tokens) and tokens[e][:1].isupper() \
                and tokens[e].lower().rstrip(".") in ROLE_HEADS and _people_word(tokens[e - 1]):
            e -= 1  # "... the BBC's Matt Frei Haitian President Rene Preval": the people's word is the title's
        # a name right after a title is a person ("Chairman Kim", "President Moon Jae In"), and so is
        # one after a lower-case word that only people are ("leader Hun Sen", "spokesman Lu Kang")
        # (not the body of a later title's office: "Deputy White House Counsel Bruce Lindsey")
        if (typ != "PER" and _after_title(tokens, s) and all(t[:1].isupper() for t in tokens[s:e])
                and (tokens[s - 1][:1].isupper() or _titled_name(tokens, s, e)) and not _titles_a_later_name(tokens, e)):
            typ = "PER"
        if (typ == "PER" and e - s >= 2 and e < len(tokens) and 2 <= len(tokens[e]) <= 3
                and tokens[e][:1].isupper() and tokens[e][1:].islower() and tokens[e].isalpha()
                and (e + 1 == len(tokens) or tokens[e + 1] in (",", ".", ")", ";"))):
            e += 1
        typ = ("MISC" if _adjective_use(tokens, s, e, typ) or _people(tokens, s, e) or _people_adjective(tokens, s, e, typ)
               else _type_by_head(tokens, s, e, typ))
        if typ == "PER" and any(ch.isdigit() for t in tokens[s:e] for ch in t):
            typ = "MISC"  # no person's name has a digit: "Swissair MD-11", "Boeing 767" are machines
        out.append((s, e, typ))
    for after in (_with_town_letter, _bracketed_given_name, _quoted_nickname, _quoted_title, _capitalised_word_before, _list_of_names, _join_and_of, _join_and_before, _join_nationality,
                  _join_place_of, _place_by_context, _result_line, _team_after_country, _result_headline, _dateline):
        out = after(tokens, out)
    return out


# a result's verbs in a headline, one side beating or holding the other ("TARNBY BEAT VELL 3-1")
_RESULT_VERBS = frozenset("""beat beats defeat defeats down downs thrash thrashes rout routs edge edges crush crushes
stun stuns upset upsets hammer hammers trounce trounces oust ousts topple topples overpower overpowers
outclass outclasses whitewash whitewashes hold holds""".split())
_RESULT_NAME_WORDS = 3  # words of the name after a result's verb


def _result_headline(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """In a line of capitals a result's verb stands between two names of one type ("TARNBY BEAT
    VELL HARBOUR 3-1", "OKARRO BEATS VELLINI IN FINAL"): a name the tagger ran on across the verb
    is cut there, and the capitalised words after it (up to three, up to a figure, a mark or a word
    news writes in lower case), which it left out or ran in, are a name of the type of the one
    before it."""
    if not capitals_line(tokens):
        return spans
    common: list[str] | None = None
    out = list(spans)
    for k in range(1, len(tokens) - 1):
        if tokens[k].lower() not in _RESULT_VERBS:
            continue
        # the name before the verb, or the one the tagger ran on across it
        subject = next((sp for sp in out if sp[0] < k <= sp[1]), None)
        if subject is None:
            continue
        s, e, typ = subject
        common = common or usual_case(tokens)
        j = k + 1
        while j < len(tokens) and j - k <= _RESULT_NAME_WORDS and tokens[j][:1].isalpha() and not common[j].islower():
            j += 1
        if j - k > _RESULT_NAME_WORDS or (j < len(tokens) and tokens[j][:1].isalpha() and not common[j].islower()):
            continue  # a longer run of capitalised words: no name the verb's object alone
        j = max(j, e)
        if j == k + 1 or any(sp != subject and sp[0] < j and k < sp[1] for sp in out):
            continue
        out = sorted([sp for sp in out if sp != subject] + [(s, k, typ), (k + 1, j, typ)])
    return out


_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")


_DATELINE_DASHES = frozenset(["_", "--", "—"])
_DATELINE_PLACES = frozenset(["city", "capital", "country", "region"])


def _agency_mark(tokens: Sequence[str], k: int) -> bool:
    """Whether a news agency's mark in brackets starts at tokens[k]: "( AP )", "( Reuters )"."""
    return k + 2 < len(tokens) and tokens[k] == "(" and tokens[k + 1] in NEWS_AGENCIES and tokens[k + 2] == ")"


def _agency_dateline(tokens: Sequence[str], k: int, known: frozenset[str] | None, kinds: frozenset[str]) -> bool:
    """Whether the capitals tokens[:k] (``known``: their types in the tagger's lists, ``kinds``: their
    place kinds) open a news agency's dateline: its mark follows them ("BOSTON ( AP ) _"), or a dash
    does after a place of the tagger's lists that is no person's name ("BALTIMORE --"; not a kicker's
    "EXCLUSIVE --" nor "CLINTON --")."""
    return _agency_mark(tokens, k) or (k < len(tokens) and tokens[k] in _DATELINE_DASHES
                                       and bool(kinds & _DATELINE_PLACES) and known != frozenset(["PER"]))


_SLUG = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")


def _town_word(word: str) -> bool:
    """Whether a word may be part of a dateline's town or state: letters (maybe with ".", "'" or "-"),
    and no word news writes in lower case (a kicker's "SPORTS", "BREAKING"; "AT&T" is no town)."""
    return word.replace(".", "").replace("'", "").replace("-", "").isalpha() \
        and _resources().capratio.get(word.lower(), "4") > "2"


def _capitals_end(tokens: Sequence[str], k: int) -> int:
    """The end of the run of words in capitals from tokens[k] on (the sentence's last token left out)."""
    while k < len(tokens) - 1 and tokens[k].isupper() and tokens[k][:1].isalpha():
        k += 1
    return k


def _wire_rest(tokens: Sequence[str], k: int) -> tuple[int, int] | None:
    """After a town in capitals (tokens[:k]), the rest of a wire service's dateline up to the dash
    that opens its lead: its state or country after a comma ("AUSTIN , Texas _", "SELBY , Ala. , _",
    "DOVER , D.C. --"), the day ("KELDOR , August 7 ( Xinhua ) --", then maybe a single hyphen), an
    agency's mark. ``(a, b)``: the state's words (``a == b`` when none); None when no state nor day
    comes before the dash, or no dash after them, or a word of the town or its state is no place's
    (``_town_word``: "... , Weather --")."""
    j = a = b = k
    if j < len(tokens) and tokens[j] == ",":
        j = a = b = j + 1
        while b < len(tokens) and b - a < 3 and tokens[b][:1].isupper() and tokens[b][:1].isalpha() \
                and (not tokens[b].isupper() or "." in tokens[b]) and tokens[b].lower().rstrip(".") not in MONTHS:
            b += 1
        if not all(_town_word(w) for w in tokens[a:b]):
            return None
        j = b + (b < len(tokens) and tokens[b] == "," and b > a)
    day = j + 1 < len(tokens) and tokens[j].lower().rstrip(".") in MONTHS and tokens[j + 1].isdigit()
    j += 2 * day
    mark = _agency_mark(tokens, j)
    j += 3 * mark
    if (a == b and not day) or j >= len(tokens) or not (tokens[j] in _DATELINE_DASHES or (tokens[j] == "-" and (day or mark))):
        return None
    return a, b


def _slug_dateline(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A wire dateline the ``_dateline`` rule does not read: a town in capitals with its state or the
    day before the dash ("AUSTIN , Texas _ ...", "KELDOR , August 7 ( Xinhua ) -- ..."), maybe after
    a news service's budget slug ("WATER-TALKS _ ATLANTA _ ...": a word in capitals, or several
    joined by hyphens, and "_"). The town and its state are places, whatever the tagger read in the
    capitals (an organisation, a person), and the slug is no name; a slug of words joined by hyphens
    alone before its lead ("RACE-RESULTS _ Two drivers ...") is none either. A town the tagger's
    lists know as an organisation only, and no place, is left alone ("UNITED NATIONS")."""
    s = 2 if len(tokens) > 3 and tokens[1] == "_" and _SLUG.fullmatch(tokens[0]) else 0
    k = _capitals_end(tokens, s)
    rest = _wire_rest(tokens, k) if k > s and all(_town_word(w) for w in tokens[s:k]) else None
    if rest is None and s and k > s and tokens[k] == "_":
        rest = (k, k)  # "SLUG _ ATLANTA _": the slug before tells the town
    out = [sp for sp in spans if sp[0] > 0] if s and (rest is not None or "-" in tokens[0]) else spans
    if rest is None or (_resources().gazetteer.get(tuple(tokens[s:k])) == frozenset(["ORG"])
                        and not place_kinds(tuple(t.lower() for t in tokens[s:k]))):
        return out
    a, b = rest
    return [(s, k, "LOC")] + ([(a, b, "LOC")] if b > a else []) + [sp for sp in out if sp[0] >= max(k, b)]


def _dateline(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A wire story's dateline, "OAKMERE , Wisconsin 2003-05-11" (a place in capitals, maybe its
    country or state after a comma, and the date), names places (CoNLL-2003 train: 895 of 907 such
    lines), unless the capitals are an organisation's name the tagger knows and no place of its lists
    ("UNITED NATIONS"; a city the train split's tables know as a team is still a city). So does a news
    agency's dateline opening a lead, "BOSTON ( AP ) _ ...", "NEW YORK ( AP ) -- ..." (the tagger had
    read the city in capitals as a team; the agency's letters are no town's). Other wire datelines:
    ``_slug_dateline``."""
    if len(tokens) < 2:
        return spans
    k = _capitals_end(tokens, 0)
    if k == 0:
        return spans
    dated = _ISO_DATE.fullmatch(tokens[-1]) is not None
    rest = tokens[k:-1]
    if dated:
        if rest and not (len(rest) > 1 and rest[0] == "," and all(t[:1].isupper() for t in rest[1:])):
            return spans
    elif not (_agency_mark(tokens, k) or (k < len(tokens) and tokens[k] in _DATELINE_DASHES)):
        return _slug_dateline(tokens, spans)
    # (the capitals looked up once, for both kinds of dateline)
    known = _resources().gazetteer.get(tuple(tokens[:k]))
    kinds = place_kinds(tuple(t.lower() for t in tokens[:k]))
    if not dated and (known == frozenset(["ORG"]) and not kinds or not _agency_dateline(tokens, k, known, kinds)):
        return _slug_dateline(tokens, spans)
    if known == frozenset(["ORG"]) and not kinds:
        return spans
    if not dated:
        return [(0, k, "LOC")] + [sp for sp in spans if sp[0] >= k]
    return [(0, k, "LOC")] + ([(k + 1, len(tokens) - 1, "LOC")] if rest else [])


_TOWN_LETTER = re.compile(r"[A-Z]{1,2}")


def _with_town_letter(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A club's name with the letters of its town in brackets, which tell it from its namesakes
    ("Vorek ( T )", "Sloga ( KV )"), is one name; not an acronym the name spells ("Civic Union ( CU )")."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        if out and out[-1][1] > s:
            continue  # the letters, taken in by the name before
        letters = tokens[e + 1] if e + 2 < len(tokens) and tokens[e] == "(" and tokens[e + 2] == ")" else ""
        if typ == "ORG" and _TOWN_LETTER.fullmatch(letters) and letters not in NEWS_AGENCIES \
                and not _spelled_by(letters, " ".join(tokens[s:e]).lower()):
            e += 3
        out.append((s, e, typ))
    return out


def _result_sides(tokens: Sequence[str]) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The two sides of a result's line, "Harrowgate 31 North Vell 28" (capitalised words and a score,
    twice), as token ranges; None for any other sentence."""
    if not tokens or not tokens[-1].isdigit():
        return None
    nums = [i for i, t in enumerate(tokens) if t.isdigit()]
    if len(nums) != 2 or nums[1] != len(tokens) - 1 or nums[0] == 0 or nums[0] + 1 == nums[1]:
        return None
    if not all(t[:1].isupper() for t in [*tokens[:nums[0]], *tokens[nums[0] + 1:nums[1]]]):
        return None
    return (0, nums[0]), (nums[0] + 1, nums[1])


def _result_line(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """On a result's line ("Harrowgate 31 Vell 28", "North Vell 27 Tarn 28") each side is one name of
    the type of the sides' other names: two teams when the tagger found one (it misses a team named
    as a town or a word), two countries when it found a country and no team."""
    sides = _result_sides(tokens)
    types = {t for _, _, t in spans}
    if sides is None or not types & {"ORG", "LOC"}:
        return spans
    typ = "ORG" if "ORG" in types else "LOC"
    return [(a, b, typ) for a, b in sides]


def _no_name_follows(tokens: Sequence[str], e: int) -> bool:
    """Whether a figure or a word in lower case follows tokens[e - 1] on its line, maybe after a comma
    ("Reyd Tarvo , 54.6", "Velkor same time"), not a bracket nor a capitalised word (another name)."""
    k = e + (e < len(tokens) and tokens[e] == ",")
    return k < len(tokens) and (tokens[k][:1].isdigit() or tokens[k][:1].islower())


def _capitalised_word_before(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A word news writes in lower case, capitalised mid-sentence right before a body's, a place's or a
    thing's name, is the name's first word ("the Jet Propulsion Laboratory", "NASA 's Jet Propulsion
    Laboratory"), which the tagger left out as a common word: its capital tells it. Only after a word
    in lower case or a possessive, so never a sentence's or a quote's first word, and never an article
    (the tagger's reading of "the Guardian" stands), a title ("Chairman"), nor in a headline of
    capitalised words."""
    out = list(spans)
    for i, (s, e, typ) in enumerate(out):
        if typ == "PER" or s < 2 or (i and out[i - 1][1] >= s - 1):
            continue
        if (_lowercase_word(tokens[s - 1]) and tokens[s - 1] not in _ARTICLES and not _title_word(tokens[s - 1])
                and (tokens[s - 2].islower() or tokens[s - 2] in ("'s", "’s")) and not _capitalised_headline(tokens)):
            out[i] = (s - 1, e, typ)
    return out


def _team_after_country(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """On a results line a competitor's name and country in brackets go on with the competitor's team
    or car maker ("1. Tom Vell ( Canada ) , Reyd Tarvo , 54.6", "Ann Lee ( Italy ) Velkor 11"): a name
    the tagger read as a person's there, after the bracket and maybe a comma, is an organisation when
    it is two words or more, opens on no given name or initials of the lists, and a figure or a word in
    lower case follows it on its line, not a country in brackets nor another name (a list of players:
    "Ann Lee ( Italy ) , Tom Vell , Al Reyd", "... , Tom Vell ( Peru )", "... , Oje Alu" at the line's
    end, its country on the next)."""
    if "(" not in tokens:
        return spans
    out = list(spans)
    for i in range(2, len(out)):
        s, e, typ = out[i]
        person, country = out[i - 2], out[i - 1]
        if (typ == "PER" and person[2] == "PER" and country[2] == "LOC" and tokens[person[1]] == "("
                and country[0] == person[1] + 1 and country[1] == s - 1 - (tokens[s - 1] == ",")
                and tokens[country[1]] == ")" and e - s >= 2 and _no_name_follows(tokens, e)
                and not given_name_or_initials(tokens[s])):
            out[i] = (s, e, "ORG")
    return out


_INITIALS = re.compile(r"(?:[A-Z]\.){1,4}")


def given_name_or_initials(word: str) -> bool:
    """A given name of the first-name lists ("Tom", "Annie") or initials ("A.J.")."""
    return _INITIALS.fullmatch(word) is not None or first_name_sex(word) != 0


def _bracketed_given_name(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A person's name with a given name or initials in brackets, "( Tom ) Seaver", "Ann Lee ( Annie )
    Varr", "Alan John ( A.J. ) Brell", is one name, however the tagger cut it at the brackets; not a
    place or a club in brackets ("Ann Lee ( Dravia ) Tom Varr": a doubles pair, a player and a club)."""
    if "(" not in tokens:
        return spans
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        k = next((j for j in (s - 1, s - 3) if j >= 0 and j + 3 < e and tokens[j] == "(" and tokens[j + 2] == ")"
                  and tokens[j + 1][:1].isupper()), -1)
        if k < 0 or not given_name_or_initials(tokens[k + 1]) or not all(t[:1].isupper() for t in tokens[k + 3:e]):
            out.append((s, e, typ))
            continue
        inner = out[-1] if out and out[-1][:2] == (k + 1, k + 2) else None
        before = out[-2 if inner else -1] if len(out) > (1 if inner else 0) else None
        if inner is not None and inner[2] == "LOC":
            out.append((s, e, typ))
        elif before is not None and before[2] == "PER" and before[1] == k and (typ == "PER" or s == k + 1):
            del out[-2 if inner else -1:]
            out.append((before[0], e, "PER"))  # "Ann Lee" + "( Annie ) Varr" or "Annie ) Varr"
        elif s == k + 1 and typ == "PER":
            out.append((k, e, typ))  # "( Tom ) Seaver": the bracket the name's words close
        else:
            out.append((s, e, typ))
    return out


_QUOTE_MARKS = frozenset(['"', "“", "”", "``", "''", "'", "‘", "’"])
_NICKNAME_WORDS = 4   # words of a nickname in quotes
_NICKNAME_LINKS = frozenset(["of", "the", "de", "la", "el"])


def _nickname_end(tokens: Sequence[str], k: int) -> int | None:
    """The end of a person's name that goes on at ``k`` with a nickname in quotes and the surname
    ('" Hands of Stone " Duran'): one to four capitalised words (a link word between them) in a pair
    of quotes, then one or two capitalised words; None when the tokens at ``k`` are not so."""
    if k >= len(tokens) or tokens[k] not in _QUOTE_MARKS:
        return None
    j = k + 1
    while j < len(tokens) and j - k <= _NICKNAME_WORDS and (tokens[j][:1].isupper() or tokens[j] in _NICKNAME_LINKS):
        j += 1
    if j == k + 1 or j >= len(tokens) or tokens[j] not in _QUOTE_MARKS or not tokens[j - 1][:1].isupper():
        return None
    e = j + 1
    while e < len(tokens) and e - j <= 2 and tokens[e][:1].isupper() and tokens[e].isalpha() and not _lowercase_word(tokens[e]):
        e += 1
    return e if e > j + 1 else None


def _quoted_nickname(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A given name, a nickname in quotes and a surname are one person's name ('Roberto " Hands of
    Stone " Duran', 'Hector " Macho " Camacho'), as CoNLL-2003 writes it, however the tagger cut or
    typed its parts; the given name is one of the first-name lists, or the end of a person's name the
    tagger found ("Ann Lee")."""
    if not _QUOTE_MARKS.intersection(tokens):
        return spans
    person_end = {e: s for s, e, typ in spans if typ == "PER"}
    merges: list[tuple[int, int]] = []
    k = 1
    while k < len(tokens) - 3:
        e = _nickname_end(tokens, k) if tokens[k - 1][:1].isupper() else None
        if e is not None and (k in person_end or first_name_sex(tokens[k - 1]) != 0):
            merges.append((person_end.get(k, k - 1), e))
            k = e
        else:
            k += 1
    if not merges:
        return spans
    inside = [-1] * len(tokens)  # the merge each token is in (one pass: a page of nicknames stays linear)
    for i, (s, e) in enumerate(merges):
        inside[s:e] = [i] * (e - s)
    crossed = {i for s, e, _ in spans for i in set(inside[s:e]) - {-1}
               if not (merges[i][0] <= s and e <= merges[i][1])}
    kept = [(s, e) for i, (s, e) in enumerate(merges) if i not in crossed]  # (a name runs across a person's edge)
    taken = {inside[s] for s, _ in kept}
    return sorted([sp for sp in spans if inside[sp[0]] < 0 or inside[sp[0]] not in taken]
                  + [(s, e, "PER") for s, e in kept])


_TITLE_OPEN = frozenset(['"', "“", "``"])
_TITLE_CLOSE = frozenset(['"', "”", "''"])
_TITLE_WORDS = 7  # words of a title in quotes at most
# the words a title writes in lower case between its capitalised ones ("Anne of a Thousand Days"), and its marks
_TITLE_LINKS = frozenset("""of the a an in on at for and or with from by as into upon 's ’s de la du del von
: - &""".split())


def _word_of_a_title(word: str) -> bool:
    """Whether a word may stand in a work's title written with capitals: a capitalised word, a figure
    ("Apollo 13"), or a link word of ``_TITLE_LINKS``."""
    return word[:1].isupper() or word.isdigit() or word in _TITLE_LINKS


def _capitalised_headline(words: Sequence[str]) -> bool:
    """Whether three words or more are all capitalised, as a headline writes them ("Mayor Says Vote Is Near")."""
    alpha = [w for w in words if w[:1].isalpha()]
    return len(alpha) >= 3 and all(w[:1].isupper() for w in alpha)


def _quoted_title(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Two to seven words in double quotes, each capitalised but for the link words a title writes in
    lower case ("of", "the", "in"), the first and the last capitalised, are one name, a work's or an
    event's title (CoNLL-2003's MISC: '" Ice Cold in Alex "', '" The Crying Game "', '" Return of the
    Legend "'), where the tagger read nothing in them or cut the title short, or read a place's or a
    person's name in a title that its link words tell ("Alex" of "Ice Cold in Alex"). A name the
    tagger found whole keeps its type ('" Dream Team "'), and so do a quote inside a name (a nickname),
    one opening on a person's title ('" Mr Clean "'), and words of a cry ('" Freedom for Ukraine ! "',
    '" Death to tyrants "': "to" links no title here); not in a line of capitals, nor in a headline of
    capitalised words, where every quote reads so."""
    if not _TITLE_OPEN.intersection(tokens) or capitals_line(tokens):
        return spans
    out = spans
    k = 0
    while k < len(tokens):
        if tokens[k] not in _TITLE_OPEN:
            k += 1
            continue
        j = next((i for i in range(k + 1, min(len(tokens), k + _TITLE_WORDS + 2)) if tokens[i] in _TITLE_CLOSE), None)
        if j is None:
            k += 1
            continue
        s, e = k + 1, j
        if (e - s >= 2 and tokens[s][:1].isupper() and tokens[e - 1][:1].isupper()
                and all(_word_of_a_title(w) for w in tokens[s:e])
                and not _capitalised_headline([*tokens[:k], *tokens[e + 1:]])
                and not any(a < s < b or a < e < b or (a < s and e < b) for a, b, _ in out)
                and not any(a == s and b == e for a, b, _ in out) and not _after_title(tokens, s + 1)
                and (_TITLE_LINKS.intersection(tokens[s:e]) or all(t == "MISC" for a, b, t in out if s <= a < e))):
            out = sorted([sp for sp in out if not (s <= sp[0] and sp[1] <= e)] + [(s, e, "MISC")])
        k = j + 1
    return out


def _page_results(sents: Sequence[Sequence[str]],
                  spans: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """A result's line on which the tagger found no team or country ("Tarnby 31 Vells 33" among other
    results) holds one name a side of the type the page's other result lines have (``_result_line``):
    a page of results is one sport's, its sides all teams or all countries."""
    sides = [_result_sides(toks) for toks in sents]
    votes = Counter(sp[0][2] for sd, sp in zip(sides, spans)
                    if sd is not None and [(a, b) for a, b, _ in sp] == list(sd))
    if not votes:
        return spans
    typ = votes.most_common(1)[0][0]
    return [[(a, b, typ) for a, b in sd] if sd is not None and not {t for _, _, t in sp} & {"ORG", "LOC"} else sp
            for sd, sp in zip(sides, spans)]


def _two_thirds_type(typed: Counter[str], at_least: int, of: int | None = None) -> str | None:
    """The type most of a group of names were read as (``typed``: type -> names), when at least
    ``at_least`` of them and two of every three of ``of`` (the group's size; by default the names
    typed) were; None otherwise. A list's items, a table's rows and a digest's headings are of one type."""
    if not typed:
        return None
    typ, k = typed.most_common(1)[0]
    total = sum(typed.values()) if of is None else of
    return typ if k >= at_least and 3 * k >= 2 * total else None


_LIST_ITEM_WORDS = 3  # words of one name in a list
_LIST_MIN = 4         # names a list has at least


def _list_items(tokens: Sequence[str]) -> list[list[tuple[int, int]]]:
    """The runs of a sentence that list names: four or more items of one to three capitalised words
    each, joined by commas or "and" ("Brell , Oxley , Tamm and Varr"), as token ranges."""
    n = len(tokens)
    if tokens.count(",") + tokens.count("and") < _LIST_MIN - 1:
        return []

    def item(i: int) -> int | None:
        j = i
        while j < n and j - i <= _LIST_ITEM_WORDS and tokens[j][:1].isupper():
            j += 1
        return j if i < j <= i + _LIST_ITEM_WORDS and (j == n or not tokens[j][:1].isalnum()
                                                        or tokens[j][:1].islower()) else None

    runs: list[list[tuple[int, int]]] = []
    i = 0
    while i < n:
        j = item(i)
        if j is None:
            i += 1
            continue
        run = [(i, j)]
        while j < n - 1 and tokens[j] in (",", "and") and (k := item(j + 1)) is not None:
            run.append((j + 1, k))
            j = k
        if len(run) >= _LIST_MIN:
            runs.append(run)
        i = j
    return runs


def _list_of_names(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names of a list are of one type ("Brell , Oxley , Tamm , Varr": a team's players, or a
    list of countries): where the tagger gave most of its items one type (three or more, two of
    every three it typed), an item it typed otherwise, ran into the next item ("Tamm , Varr") or
    left out takes that type; not an item news text writes in lower case ("Given" opening a line), nor
    an organisation among places ("Duke , Kentucky , Kansas and Arizona": teams named after places); a
    person's item without the title that opens it ("Students Tom Vell , Ann Reyd , ...")."""
    for run in _list_items(tokens):
        lo, hi = run[0][0], run[-1][1]
        inside = [sp for sp in spans if lo <= sp[0] and sp[1] <= hi]
        if any(sp[0] < lo < sp[1] or sp[0] < hi < sp[1] for sp in spans):
            continue  # a name runs across the list's edge
        typ = _two_thirds_type(Counter(t for a, b, t in inside if (a, b) in run), 3)
        if typ is None:
            continue
        named = {(a, b): t for a, b, t in inside}
        keep = [(a, b, named[(a, b)] if typ == "LOC" and named.get((a, b)) == "ORG" else typ) for a, b in run
                if (a, b) in named or any(a < y and x < b for x, y, _ in inside)
                or not (b - a == 1 and _lowercase_word(tokens[a]))]
        # (an item a title opens is the person after it: "Students Tom Vell , Ann Reyd , ...")
        keep = [(_person_after_title(tokens, a, b, t) or a, b, t) if t == "PER" else (a, b, t) for a, b, t in keep]
        spans = sorted([sp for sp in spans if not (lo <= sp[0] and sp[1] <= hi)] + keep)
    return spans


# a table's cell of figures: "46", ".462", "14", "1/2", "-", "+3", "1,204", "10.52"
_FIGURE_CELL = re.compile(r"[-+]?(?:\d[\d.,/:-]*|\.\d+)|-")
_ROW_CELLS = 3  # figures a table's row has at least


def _row_name(tokens: Sequence[str]) -> tuple[int, int] | None:
    """The name that opens a table's row ("Tarnby 46 6 54 .462 14 1/2", "North Vell 4 1 1 2 5 10 4"): one
    to four capitalised words, then only figures, three or more; None for any other line."""
    if not tokens or not _FIGURE_CELL.fullmatch(tokens[-1]):
        return None
    k = 0
    while k < min(len(tokens), 5) and tokens[k][:1].isupper():
        k += 1
    if not 0 < k <= 4 or len(tokens) - k < _ROW_CELLS or not all(_FIGURE_CELL.fullmatch(t) for t in tokens[k:]):
        return None
    return 0, k


_STANDINGS_CELLS = 6  # whole numbers a league table's row has at least: played, won, drawn, lost, for, against


def _standings_row(cells: Sequence[str]) -> bool:
    """Whether a table row's figures are a league table's: whole numbers, six or more, the first the
    games played and the sum of the next three, won, drawn and lost ("5 3 1 1 9 4 10")."""
    return (len(cells) >= _STANDINGS_CELLS and all(c.isdigit() for c in cells)
            and int(cells[0]) == sum(int(c) for c in cells[1:4]))


def _page_table(sents: Sequence[Sequence[str]],
                spans: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """The names that open a table's rows are of one type ("Tarnby 46 6 54 .462": teams in a table of
    standings, players in one of scores): where the tagger gave two of every three rows' names one
    type (three or more), a row's name it typed otherwise, ran on or left out takes that type; not a
    word news text writes in lower case ("Net 12.5 11.0 10.2"), unless its figures are a league table's
    (``_standings_row``: a club named with a common word, "Progress 5 1 0 4 3 10 3")."""
    rows = [_row_name(toks) for toks in sents]
    typed = Counter(sp[0][2] for row, sp in zip(rows, spans) if row is not None and len(sp) == 1 and sp[0][:2] == row)
    typ = _two_thirds_type(typed, 3, sum(row is not None for row in rows))
    if typ is None:
        return spans
    # (a name the tagger ran on into a figure is a club's own: "Tarnby 1860 4 1 1 2")
    return [[(0, max(row[1], sp[0][1]) if sp and sp[0][0] == 0 else row[1], typ)]
            if row is not None and (sp or not (row[1] == 1 and usual_case(toks[:1])[0].islower())
                                    or _standings_row(toks[row[1]:])) else sp
            for row, sp, toks in zip(rows, spans, sents)]


_RULE_MARKS = frozenset(["-", "--", "*", "=", "_", "~"])
_HEADING_WORDS = 4  # words of a name that heads a part of a page alone on its line


def _ruled_headings(sents: Sequence[Sequence[str]]) -> list[bool]:
    """Which lines head a part of a page set off by a rule ("- - - -"): a line right after the rule,
    of one to four words in capitals and no figure ("KOMPAS", "DAILY VELL" in a press digest)."""
    out = [False] * len(sents)
    for i in range(1, len(sents)):
        rule, toks = sents[i - 1], sents[i]
        if len(rule) >= 3 and all(t in _RULE_MARKS for t in rule) and 0 < len(toks) <= _HEADING_WORDS \
                and all(t[:1].isalpha() and t.isupper() for t in toks):
            out[i] = True
    return out


def _page_headings(sents: Sequence[Sequence[str]],
                   spans: list[list[tuple[int, int, str]]]) -> list[list[tuple[int, int, str]]]:
    """The names that head the parts of a page set off by rules (``_ruled_headings``: the papers of a
    press digest) are of one type: where the tagger read two or more of them whole, and two of every
    three as one type, a heading it typed otherwise, cut or left out is one name of that type; not a
    heading of words news writes in lower case ("FRONT PAGE")."""
    heads = _ruled_headings(sents)
    if sum(heads) < 3:
        return spans
    typ = _two_thirds_type(Counter(sp[0][2] for h, sp, toks in zip(heads, spans, sents)
                                   if h and len(sp) == 1 and sp[0][:2] == (0, len(toks))), 2)
    if typ is None:
        return spans
    return [[(0, len(toks), typ)] if h and (sp or not all(w.islower() for w in usual_case(toks))) else sp
            for h, sp, toks in zip(heads, spans, sents)]


def _join_and_of(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"Texas Board of Pardons" "and" "Paroles" is one body: an organisation named "... of X" (or
    "for X") then "and" and one capitalised word that news text does not write capitalised on its
    own (no case ratio, or a low one: "Paroles", "Prevention"; not "Reuters", "Boeing")."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        if out and typ == "ORG" and e - s == 1 and out[-1][2] == "ORG" and out[-1][1] + 1 == s \
                and tokens[s - 1] == "and" and any(t in ("of", "for") for t in tokens[out[-1][0] + 1:out[-1][1] - 1]) \
                and tokens[s][:1].isupper() and tokens[s][1:].islower() and tokens[s].isalpha() \
                and _resources().capratio.get(tokens[s].lower(), "0") <= "2":
            out[-1] = (out[-1][0], e, "ORG")
            continue
        out.append((s, e, typ))
    return out


# the last words of a body's name that may open on two words joined by "and" ("Ways and Means Committee")
_AND_BODY_HEADS = frozenset("committee committees service services department commission council agency bureau "
                            "administration office board institute foundation association authority force network "
                            "fund".split())
# the last words that end the name of a body ("... Institute", "... Department", "... Corp.")
_BODY_ENDS = _AND_BODY_HEADS | _COMPANY_ENDS | frozenset(["ministry", "university", "party", "company", "group"])


def _join_and_before(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"the Ways and Means Committee" is one body, whose name the tagger began after "and": a name of an
    organisation that ends on a body's word, right after "and" and one capitalised word inside the
    sentence that the tagger left out and no list of names holds, takes that word in when "the" or
    "of" opens it, or a body's name of one word right before it, which joins too ("the House Ways and
    Means Committee"); not "Senate and House Ethics Committee" ("Senate" is a name of its own), nor
    "Britain and France" (no body's word)."""
    out: list[tuple[int, int, str]] = []
    tagged = {k for a, b, _ in spans for k in range(a, b)}
    for s, e, typ in spans:
        word = tokens[s - 2] if s >= 3 else ""
        if typ == "ORG" and s >= 3 and tokens[s - 1] == "and" and tokens[e - 1].lower() in _AND_BODY_HEADS \
                and (s - 2) not in tagged and word.isalpha() and word[:1].isupper() and word[1:].islower() \
                and (word,) not in _resources().gazetteer and not known_place(word.lower()) and not first_name_sex(word):
            if tokens[s - 3].lower() in ("the", "of"):
                out.append((s - 2, e, typ))
                continue
            if out and out[-1][1:] == (s - 2, "ORG") and out[-1][0] == s - 3:
                out[-1] = (s - 3, e, typ)
                continue
        out.append((s, e, typ))
    return out


# the endings of a people's or a creed's adjective ("European", "Asian", "Chinese", "British", "Islamic")
_ADJECTIVE_END = re.compile(r"[A-Z][a-z]+(?:ean|ian|ese|ish|ic)")
# lower-case words after a name that make it the subject of a verb ("Nissan said"), not an adjective
_AFTER_SUBJECT = frozenset("is was has had will would can could may might must should and or of to".split())
_VERBISH = re.compile(r"[a-z]+(?:ed|s)|" + "|".join(sorted(_AFTER_SUBJECT)))


def _adjective_use(tokens: Sequence[str], s: int, e: int, typ: str) -> bool:
    """One adjective of a people read as an organisation, before the noun it qualifies ("European
    currency", "European defense policy" are no European Union); places keep theirs ("Pacific
    coast")."""
    return (e - s == 1 and typ == "ORG" and e < len(tokens) and _ADJECTIVE_END.fullmatch(tokens[s]) is not None
            and tokens[e][:1].islower() and tokens[e].isalpha() and not _VERBISH.fullmatch(tokens[e]))


# the words that may stand before a people's plural in its name ("North Koreans", "Continental Europeans")
_PEOPLE_MODIFIERS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western",
                               "central", "continental", "ethnic"])
_PLACES_OF_PEOPLE = frozenset(["europe", "asia", "africa", "america", "arabia", "korea", "scandinavia"])


def country_or_capital(token: str) -> bool:
    """Whether a lower-cased word is a country or a capital in the tagger's place lists."""
    return token in _countries_and_capitals()


def place_kinds(words: tuple[str, ...]) -> frozenset[str]:
    """The kinds ("country", "region", "city" ...) the tagger's place lists give a lower-cased name."""
    return _resources().lexicon.get(words, frozenset())


def known_place(word: str) -> bool:
    """Whether a lower-cased word is a place of any kind in the tagger's place lists ("bonn", "rome")."""
    return (word,) in _resources().lexicon


@lru_cache(maxsize=1)
def _countries_and_capitals() -> frozenset[str]:
    """The one-word countries and capitals of the tagger's place lists, read once."""
    return frozenset(k[0] for k, kinds in _resources().lexicon.items() if len(k) == 1 and kinds & {"country", "capital"})


def _place_of_people(stem: str) -> bool:
    """Whether a people's singular ("Kuwaiti", "Korean", "Somali", "European", "Italian") is made
    from a country's or a continent's name ("Kuwait", "Korea", "Somalia", "Europe", "Italy")."""
    low = stem.lower()
    for place in (low[:-1], low[:-2], low + "a", low[:-1] + "a", low[:-3] + "y"):
        if len(place) >= 4 and (country_or_capital(place) or place in _PLACES_OF_PEOPLE):
            return True
    return False


def _people_word(word: str) -> bool:
    """A people's adjective made from its place's name ("Haitian", "Italian"; not "Victoria")."""
    return _ADJECTIVE_END.fullmatch(word) is not None and _place_of_people(word)


def _land_people(word: str) -> bool:
    """A people's word that its land's name is made from ("Uzbek": Uzbekistan, "Kazakh": Kazakhstan; "Kazak",
    the older spelling with no "h" for the Russian "kh") or made from its land's name ending in -os
    ("Comoran": Comoros), by the tagger's country lists."""
    low = word.lower()
    return len(low) >= 4 and word[:1].isupper() and word[1:].islower() and (
        country_or_capital(low + "istan") or country_or_capital(low + "stan")
        or (low.endswith("k") and country_or_capital(low + "hstan"))
        or (low.endswith("an") and len(low) >= 6 and country_or_capital(low[:-2] + "os")))


# the kinds of the tagger's place lists whose dwellers news names with "-ers" ("Quebecers", "Londoners")
_DWELLERS_LANDS = frozenset(["country", "region", "capital", "continent"])


def _land_dwellers(tokens: Sequence[str], s: int, e: int) -> bool:
    """The people of a land named in the plural with "-ers" after its name ("Quebecers", "Icelanders",
    "Londoners", "New Zealanders", "Mainers"; maybe after a people's word: "French Quebecers"): a country,
    a region or a capital of the tagger's lists, not a compass word ("Northerners"), and the word is no
    place itself ("Yonkers")."""
    last = tokens[e - 1]
    if not last.endswith("ers") or known_place(last.lower()) or not written_as_name(last[:-1]):
        return False  # (nor one whose singular news writes in lower case: "Hamburgers", "Coasters")
    gaz = _resources().gazetteer
    for stem in (last[:-3], last[:-2] if last[-3] == "e" and last[-4:-3] != "e" else ""):
        low = stem.lower()
        if len(low) < 4 or low in _PEOPLE_MODIFIERS:
            continue
        for k in range(s, e):  # the land's name may open on the words before ("New Zealanders")
            if place_kinds((*(t.lower() for t in tokens[k:e - 1]), low)) & _DWELLERS_LANDS \
                    and all("MISC" in gaz.get((t,), ()) or _people_word(t) for t in tokens[s:k]):
                return True
    return False


def _people(tokens: Sequence[str], s: int, e: int) -> bool:
    """A people named in the plural ("Kuwaitis", "North Koreans", "Saudi Arabians", "Continental
    Europeans", "Croats", "Uzbeks"): a nationality (CoNLL's MISC), not a person or an organisation. The
    last word is the plural of a people's singular made from a place's name or listed as MISC by the
    tagger's gazetteer (and no place or other name itself: "the Americas"); the words before it are
    compass words or peoples too (compass words only before a plural of the gazetteer's: "Australian
    Democrats" is a party). A team named after a people keeps its city ("Cleveland Indians")."""
    last = tokens[e - 1]
    if not (last[:1].isupper() and last[1:].islower() and last.endswith("s") and len(last) > 4):
        return False
    if _land_dwellers(tokens, s, e):
        return True
    gaz = _resources().gazetteer
    stem = last[:-1]
    if last.endswith(("ans", "is")) and len(last) > 5 and _place_of_people(stem):
        return all(t.lower() in _PEOPLE_MODIFIERS or "MISC" in gaz.get((t,), ()) for t in tokens[s:e - 1])
    # (a plural after a people's word may name a party: "Australian Democrats")
    return (("MISC" in gaz.get((stem,), ()) or _land_people(stem)) and not gaz.get((last,), frozenset()) - {"MISC"}
            and not known_place(last.lower()) and all(t.lower() in _PEOPLE_MODIFIERS for t in tokens[s:e - 1]))


# the same, where a plural noun after the name is its noun ("Uzbek officials", "Uzbek said")
_SUBJECT_VERBS = _AFTER_SUBJECT | frozenset("said says told are were have".split())


def _people_adjective(tokens: Sequence[str], s: int, e: int, typ: str) -> bool:
    """One people's word read as a person, a body or a place before the lower-case noun or the title it
    qualifies ("Comoran gendarmes", "an Uzbek poet", "Uzbek President Islam Karimov"): CoNLL's MISC.
    The word is made from its land's name (``_land_people``, ``_people_word``); a verb after it
    ("Uzbek said") leaves it alone."""
    if e - s != 1 or typ == "MISC" or e >= len(tokens):
        return False
    word, after = tokens[s], tokens[e]
    if not (_land_people(word) or _people_word(word)):
        return False
    if after[:1].isupper():
        return after.lower() in ROLE_HEADS
    return after.isalpha() and after.islower() and after not in _SUBJECT_VERBS and not after.endswith("ed")


# a geographic feature named "X of Y": "Gulf of Mexico", "Strait of Hormuz", "Bay of Bengal"
_PLACE_OF = frozenset(["gulf", "bay", "strait", "straits", "sea", "lake", "cape", "isle", "isles", "island",
                       "islands", "mount", "horn"])


def _join_place_of(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """"the Gulf of Mexico" is one place, whether the tagger read "Gulf" and "Mexico" as two places,
    left "Gulf" out, or took the whole for an organisation."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        if e - s >= 3 and tokens[s + 1] == "of" and tokens[s].lower() in _PLACE_OF and tokens[s][:1].isupper():
            typ = "LOC"
        elif e - s == 2 and tokens[s] in ("Lake", "Mount", "Cape") and typ in ("ORG", "MISC"):
            typ = "LOC"  # "Lake Geneva", "Mount Everest"
        elif (s >= 2 and tokens[s - 1] == "of" and tokens[s - 2][:1].isupper()
              and tokens[s - 2].lower() in _PLACE_OF and typ in ("LOC", "MISC")):
            if out and out[-1][0] == s - 2 and out[-1][1] == s - 1:
                out.pop()
            s, typ = s - 2, "LOC"
        out.append((s, e, typ))
    return out


# the last word of a name that says what kind of thing it names
_ORG_HEADS = frozenset(["securities", "bancorp", "corp", "corporation", "inc", "ltd", "llc", "plc", "group",
                        "holdings", "agency", "ministry", "university", "company", "airlines", "airways", "party",
                        "council", "committee", "association", "foundation", "institute", "commission", "bureau",
                        "department", "partners", "capital", "insurance", "motors", "freight", "railways"])
# ("bank", "union" and "county" are left out: "West Bank", "Soviet Union", "Notts County" the football club)
_PLACE_HEADS = frozenset(["peninsula", "island", "islands", "river", "valley", "mountains", "mountain", "sea", "ocean",
                          "gulf", "bay", "strait", "straits", "lake", "desert", "coast", "plateau", "province",
                          "district", "region", "canyon", "basin", "delta", "archipelago", "lakes",
                          "sound", "creek", "glacier", "volcano", "fjord", "lagoon",
                          "reef", "highlands", "lowlands", "steppe"])


# the heads of a site's or a business's name, which the tagger reads as a person's when the words before
# are a person's ("Wappingers Falls", "Skywalker Ranch", "Sangiacomo Vineyards", "Owen Falls Dam"); a
# person's name stays one (_given_names_and_surname: "Ricki Lake", "John Tower", "Tom Garden")
_SITE_HEADS = dict.fromkeys("falls heights dam ranch garden gardens palace farm plaza mall stadium airport canyon "
                            "creek harbor harbour tower towers square avenue boulevard road zoo cemetery".split(),
                            "LOC") | dict.fromkeys("winery wineries vineyard vineyards cellars brewery distillery "
                                                   "high".split(), "ORG")


# the last words that name a body's, a place's or a site's kind: no person's name ends on one
_KIND_HEADS = _ORG_HEADS | _PLACE_HEADS | frozenset(_SITE_HEADS)


# the first word of an organisation's name in other languages
_ORG_FIRST = frozenset(["Agence", "Agencia", "Agenzia", "Banco", "Banque", "Banca", "Compagnie", "Compañía", "Groupe",
                        "Grupo", "Société", "Societe", "Sociedad", "Società", "Partido", "Parti", "Partito"])
# and of a broadcaster's, in any language ("Radio Free Asia", "Television New Zealand"), unless it names the
# building ("Radio City Music Hall", "TV Tower": a place)
_BROADCASTER_FIRST = frozenset(["Radio", "Television", "TV"])
_INSTITUTION_HEADS = frozenset(["centre", "center"])  # a building's words that name a body as often
_BUILDING_HEADS = frozenset(_SITE_HEADS) | frozenset(["hall", "centre", "center", "theatre", "theater", "building",
                                                      "arena"])


def _type_by_head(tokens: Sequence[str], s: int, e: int, typ: str) -> str:
    """A name of two words or more that ends on a word naming its kind keeps that kind: "Carrow
    Securities" is an organisation, "Korean Peninsula" a place, whatever the tagger read."""
    if e - s < 2 or not tokens[e - 1][:1].isupper():
        return typ
    head = tokens[e - 1].lower().rstrip(".")
    if tokens[s] in _BROADCASTER_FIRST and head in _BUILDING_HEADS:
        # "Radio City Music Hall", "TV Tower": the building; a centre is a broadcaster too ("TV Centre", Moscow's
        # channel): the tagger's reading stands
        return typ if head in _INSTITUTION_HEADS else "LOC"
    if tokens[s] in _ORG_FIRST or tokens[s] in _BROADCASTER_FIRST:
        return "ORG"  # "Agence France-Presse", "Banco Santander", "Radio Free Asia"
    if head in _ORG_HEADS:
        return "ORG"
    if head in _PLACE_HEADS and typ != "PER":  # "Ricki Lake" stays a person
        return "LOC"
    if typ == "PER" and head in _SITE_HEADS and not _given_names_and_surname(tokens[s:e]):
        return _SITE_HEADS[head]
    return typ


def _given_names_and_surname(words: Sequence[str]) -> bool:
    """Whether a name reads as a person's whatever its last word: given names or initials before a last
    word the lists hold as a surname ("John Tower", "Mary G. Harbor"), or a common surname after anything
    ("Ricki Lake")."""
    kinds = place_kinds((words[-1].lower().rstrip("."),))
    if "last" in kinds:
        return True
    return "last2" in kinds and all(
        "first" in place_kinds((w.lower(),)) or (len(w.rstrip(".")) == 1 and w[:1].isupper()) for w in words[:-1])


_VERB_AFTER = frozenset(["will", "would", "is", "was", "are", "were", "has", "had", "have", "can", "could", "should",
                         "may", "might", "must", "remains", "remain", "reopened", "closed", "opened"])
_PLACE_BEFORE = frozenset(["near", "outside", "around", "across"])
_PLACE_NOUNS = frozenset(["port", "town", "city", "village", "province", "region", "county", "district", "state",
                          "capital", "island", "suburb", "outskirts"])


# the US states as news writes them after a town ("Wayne, Neb.", "Laramie, Wyoming"), lower-cased
_US_STATES = frozenset(a.lower() + "." for a in STATE_ABBREVIATIONS) | frozenset(
    "n.h. n.j. n.m. n.y. n.c. n.d. r.i. s.c. s.d. w.va. alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii "
    "idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota "
    "mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah "
    "vermont virginia wisconsin wyoming".split())


def _town_of_state(tokens: Sequence[str], s: int, e: int, typ: str) -> bool:
    """'from Wayne, Neb., to Boston': a short name right before a comma, a US state and a mark (or
    the end) is a town, whatever the tagger read; not a person of two words ("Joe Smith, Texas")."""
    if typ == "LOC" or not (e - s == 1 or (e - s == 2 and typ != "PER")) or e + 1 >= len(tokens) or tokens[e] != ",":
        return False
    state, k = tokens[e + 1].lower(), e + 2
    if state + "." in _US_STATES and k < len(tokens) and tokens[k] == ".":  # "Neb" "." as the tokenizer splits it
        state, k = state + ".", k + 1
    if k + 1 < len(tokens) and tokens[k] == "," and tokens[k + 1][:1].isupper():
        return False  # a list of names ("Duke, Kentucky, Kansas and Arizona"), not a town and its state
    return state in _US_STATES and (k == len(tokens) or tokens[k] in (",", ".", ";", ":", ")") or tokens[k - 1].endswith("."))


def _place_by_context(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A one-word organisation that stands where only a place can ("near Carrow", "the port of Carrow")
    is a place, and so is the second of two names a route joins when the first is a place and a verb
    follows ("between Brennick and Carrow will"; not "between Israel and Hizbollah guerrillas"), and
    a town before its state ("Wayne, Neb.")."""
    out = list(spans)
    for i, (s, e, typ) in enumerate(spans):
        if _town_of_state(tokens, s, e, typ):
            out[i] = (s, e, "LOC")
            continue
        if typ != "ORG" or e - s != 1:
            continue
        before = tokens[s - 1].lower() if s > 0 else ""
        place = before in _PLACE_BEFORE or (before == "of" and s > 1 and tokens[s - 2].lower() in _PLACE_NOUNS)
        if not place and before == "and" and i > 0 and s > 2 and tokens[s - 3].lower() == "between":
            # "the line between Brennick and Carrow will ...": the second of two places a route joins
            ps, pe, pt = spans[i - 1]
            after = tokens[e].lower() if e < len(tokens) else ""
            place = pt == "LOC" and (ps, pe) == (s - 2, s - 1) and after in _VERB_AFTER
        if place:
            out[i] = (s, e, "LOC")
    return out


def _join_nationality(tokens: Sequence[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A nationality written right before an organisation's name is part of that name for
    storyline ("Korean Central News Agency", "French Interior Ministry": one organisation, not any
    interior ministry), where CoNLL-2003 labels it as MISC + ORG; not before an acronym, which is
    the whole body's name ("the Dravian U.N. mission", "a Dravian KPV group")."""
    out: list[tuple[int, int, str]] = []
    for s, e, typ in spans:
        if (out and typ == "ORG" and out[-1][2] == "MISC" and out[-1][1] == s and out[-1][1] - out[-1][0] == 1
                and tokens[s - 1].isalpha() and tokens[s - 1][:1].isupper() and not tokens[s - 1].isupper()
                and not tokens[s].isupper()):
            out[-1] = (out[-1][0], e, "ORG")
        else:
            out.append((s, e, typ))
    return out


def _propagate_person_names(text: str, sent_spans: list[list[tuple[int, int]]], mentions: list[Mention],
                            article_id: str) -> list[Mention]:
    """A word of a person's full name found elsewhere in the document, capitalised and left
    untagged, is that person ("Paula Grant ... Grant later flew home")."""
    names = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()}
    # (not a month's name: "June Tarrow ... in June"; "May" is a family name as often as a month)
    names = {w for w in names if w[:1].isupper() and w[1:].islower() and len(w) > 2 and not _people_word(w)
             and w.lower() not in _MONTH_WORDS}
    if not names:
        return mentions
    covered = [(m.start, m.end) for m in mentions]
    covered.sort()
    starts = [a for a, _ in covered]
    extra = []
    for sp in sent_spans:
        for a, b in sp:
            w = text[a:b]
            if w not in names:
                continue
            k = bisect.bisect_right(starts, a) - 1
            if k >= 0 and covered[k][0] <= a < covered[k][1]:
                continue
            extra.append(Mention(start=a, end=b, text=w, label="PERSON", article_id=article_id))
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


# the links between the names of a list: a comma, a conjunction, or both ("Vell, Tarvo", "Vell and Tarvo", "Vell,
# Tarvo, and Kessler", "Vell & Tarvo"; a tokenised text writes " , "); ``_LIST_JOINT`` a conjunction only, a
# comma allowed before it (a comma alone may end a clause: "the drug Vell, Tarvo said")
_CONJUNCTION = r"(?:and|or|&)"
_LIST_LINK = re.compile(rf"[ ]?,\s*(?:{_CONJUNCTION}\s+)?|\s+{_CONJUNCTION}\s+")
_LIST_JOINT = re.compile(rf",?\s+{_CONJUNCTION}\s+")


def split_joined_names(mentions: list[Mention], short: frozenset[str] = frozenset()) -> list[Mention]:
    """A span the tagger ran across a list of names ("Exxon and Mobil", "Royal Dutch, Exxon") is
    those names when the document (or the story: any list of mentions) writes each of them alone
    elsewhere (or with a company's ending, "Mobil Corp."); a name with a conjunction
    of its own ("Marks and Spencer", "Bosnia and Herzegovina") is kept whole when the parts are
    not all names of the document. Each part takes the label it has alone; ``short`` holds the short names
    of organisations the page writes in full (``_short_names``: "Tarvo" of "Tarvo Bancorp"), parts too
    when the parts differ ("Tarvo and Tarvo" stays whole)."""
    alone: dict[str, Counter[str]] = {}
    for m in mentions:
        if not _LIST_LINK.search(m.text):
            alone.setdefault(m.text, Counter())[m.label] += 1
            words = m.text.split()
            if len(words) >= 2 and words[-1].lower().rstrip(".") in _COMPANY_ENDS:  # "Mobil" of "Mobil Corp."
                alone.setdefault(" ".join(words[:-1]), Counter())[m.label] += 1
    if not alone and not short:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        cuts = list(_LIST_LINK.finditer(m.text))
        bounds = [0] + [b for c in cuts for b in (c.start(), c.end())] + [len(m.text)]
        parts = list(zip(bounds[::2], bounds[1::2]))
        names = [m.text[a:b] for a, b in parts]
        if not cuts or not (all(n in alone for n in names)
                            or (all(n in alone or n in short for n in names) and len(set(names)) == len(names))):
            out.append(m)
            continue
        out.extend(dataclasses.replace(m, start=m.start + a, end=m.start + b, text=m.text[a:b],
                                       label=alone[m.text[a:b]].most_common(1)[0][0] if m.text[a:b] in alone else "ORG")
                   for a, b in parts)
    return out


def _metonymic_place(name: str) -> bool:
    """Whether a name is a place of the tagger's lists, which news also writes for a body of it (a
    city or a state for its team, a capital for its government): a place in one sentence ("in
    Tacoma", "EVERETT AT TACOMA") and an organisation in the next ("Tacoma won"), so a mention
    the tagger read as the place keeps that reading against the page's majority."""
    return bool(place_kinds(tuple(name.lower().split())))


# the kinds of the tagger's place lists that are places (its other lists are of given names and surnames)
_PLACE_KINDS = frozenset(["city", "region", "country", "capital", "continent"])
# "in" right before a name, and the word before it
_IN_BEFORE = re.compile(r"(?:(?<![\w'’.-])([\w'’-]+)[ ]+)?(?<![\w'’.-])in[ ]+$", re.IGNORECASE)
# nouns of a holding, before "in" and a company ("shares in Tarnby", "a stake in Vell")
_HOLDING_NOUNS = frozenset("share shares stake stakes holding holdings interest interests invest invested "
                           "investing investment investments".split())


def _places_after_in(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place of the tagger's place lists right after "in" ("fans in Tarnby", "a campsite in Vell") is
    the place, not its team or its club, whatever the page's other mentions made it (CoNLL-2003 train:
    489 of 493 such names); not a possessive ("in Tarnby 's 3-1 win": the team's). So is one the tagger
    read as a person ("landed in Denver", a given name too), unless it is a common surname of the
    lists ("confidence in Clinton") or a capitalised word follows ("in Lawrence High School"): no
    person of CoNLL-2003 train, dev or FiNER-ORD dev is such a name after "in". Run after the page's
    vote, so that it sways no other mention ("the fans of Tarnby")."""
    out = []
    for m in mentions:
        found = _IN_BEFORE.search(text, max(0, m.start - 24), m.start) if m.label in ("ORG", "PERSON") else None
        kinds = place_kinds(tuple(m.text.lower().split())) if found else frozenset()
        if found and (found.group(1) or "").lower() not in _HOLDING_NOUNS \
                and not text.startswith((" 's", " ’s", "'s", "’s"), m.end) and kinds & _PLACE_KINDS \
                and (m.label == "ORG" or ("last" not in kinds and not _CAPITAL_NEXT.match(text, m.end))):
            m = dataclasses.replace(m, label="LOC")
        out.append(m)
    return out


# a capitalised word right after a name
_CAPITAL_NEXT = re.compile(r"[ ]+[A-Z]")
# the nouns of a kind of place whose name follows with "of" ("the village of Vell"), or that heads an
# apposition after a place's name ("Vell, Tarnia's highest peak", "Vell, a city of 400,000")
_PLACE_KIND_WORDS = _PLACE_NOUNS | frozenset(["neighborhood", "neighbourhood", "hamlet", "settlement", "peak",
                                              "mountain", "volcano"]) - frozenset(["state", "outskirts"])
_KIND_OF_BEFORE = re.compile(r"(?<![\w'’-])(?:%s)[ ]+of[ ]+$" % "|".join(sorted(_PLACE_KIND_WORDS)), re.IGNORECASE)
# the apposition: a determiner or a place's possessive, at most four words (no preposition: not "a native
# of the city"; no relative pronoun nor determiner, which open a clause or an object: not "a nurse who
# loves the city", "a councilwoman representing the neighborhood"), and the place's kind, which ends the
# phrase or opens its complement ("a city of", "the highest peak at"; not "the county attorney")
_KIND_APPOSITION = re.compile(r",[ ]+(?:a|an|the|another|[A-Z][\w.-]*(?:[ ][A-Z][\w.-]*)*[ ]?['’]s)[ ]+"
                              r"(?:(?!(?:of|in|at|on|for|from|to|with|by|who|whom|whose|which|that|a|an|the|his|her|its|their)[ ])"
                              r"[\w'’-]+[ ]+){0,4}?"
                              r"(?:%s)(?=[ ]*[,.;:(]|[ ]+(?:of|at|on|in|with|near|where)\b)"
                              % "|".join(sorted(_PLACE_KIND_WORDS)))


def _places_by_their_kind(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name the tagger read as a person that a kind of place introduces ("the Arab village of Abu
    Vell", "the neighborhood of Nueva Tarn") or that an apposition names as one ("Doi Vell, Tarnia's
    highest peak", "Brennick, a city of half a million") is that place. Run after the page's vote."""
    out = []
    for m in mentions:
        if m.label == "PERSON" and ((_KIND_OF_BEFORE.search(text, max(0, m.start - 24), m.start)
                                     and not _POSSESSIVE_AFTER.match(text, m.end))   # ("the peak of Ann Lee's career")
                                    or _KIND_APPOSITION.match(text, m.end, min(len(text), m.end + 80))):
            m = dataclasses.replace(m, label="LOC")
        out.append(m)
    return out


# words of a report of games, of which a page that names teams after their towns has three or more
_SPORT_WORDS = frozenset("""match matches game games season goal goals scored innings inning homer homered homers
coach striker midfielder league cup championship victory draw drew beat defeated won wickets runs pitcher pitched
playoff playoffs semifinal seeded tournament champions soccer football rugby cricket tennis golf baseball basketball
hockey athletics boxing cycling""".split())
# a result's verbs between two sides ("Tarnby edged Vell")
_SIDE_VERBS = (r"beat|beats|beating|defeat|defeats|defeated|defeating|edge|edges|edged|rout|routs|routed|down|downs|"
               r"downed|crush|crushes|crushed|thrash|thrashes|thrashed|stun|stuns|stunned|upset|upsets|hammered|"
               r"trounced|blanked|outlasted|outdueled")
# a side's word right before a town's name: a result's verb or word, or a title ("victory over Tarnby", "champions Vell")
_SIDE_BEFORE = re.compile(rf"(?<![\w'’-])(?:{_SIDE_VERBS}|(?:win|wins|victory|victories|lead|triumph|success)[ ]+over|"
                          r"champions|holders|v|vs|versus)[ ]+$", re.IGNORECASE)
# right after a town's name that opens a clause: a result's verb, a plural verb, a player of it, or a possessive
# and a name or a side's role ("Tarnby won", "Vell were", "Tarnby striker", "Vell 's Tom Brell", "Vell 's manager")
_SIDE_AFTER = re.compile(rf"[ ]+(?:(?:{_SIDE_VERBS}|won|lost|drew|rallied|are|were|coach|defender|striker|"
                         r"midfielder|goalkeeper)\b|['’]s[ ]+(?:[A-Z]|(?:manager|coach|captain|defence|attack|goalkeeper)\b))")
_WORD_BEFORE = re.compile(r"([\w'’.-]+)[ ]+$")
# a result played at home or away, with its score or not: both sides are teams ("Tarnby won 2-0 at home to
# Vell", "Vell lost away to Tarnby"); no player of a game of two people plays at home
_RESULT_VERB = rf"(?:{_SIDE_VERBS}|drew|held|lost|won|tied)"
_HOME_OR_AWAY = r"(?:at[ ]+home|away)[ ]+(?:to|against)"
_HOME_BEFORE = re.compile(rf"(?<![\w'’-]){_RESULT_VERB}(?P<score>[ ]+\d+-\d+)?[ ]+{_HOME_OR_AWAY}[ ]+$")
_HOME_AFTER = re.compile(rf"[ ]+{_RESULT_VERB}(?P<score>[ ]+\d+-\d+)?[ ]+{_HOME_OR_AWAY}\b")


def _town_team(name: str) -> bool:
    """Whether a name is a town's or a US state's of the tagger's place lists (not a country's or a
    capital's: a country's side is the country itself in CoNLL-2003, a place)."""
    kinds = place_kinds(tuple(name.lower().split()))
    return ("city" in kinds or name.lower() in _US_STATES) and not kinds & {"country", "capital"}


@lru_cache(maxsize=4)
def _sport_page(text: str) -> bool:
    """Whether ``text`` reports games: three or more of ``_SPORT_WORDS`` (read once per text, for each pass
    that asks)."""
    return len(_SPORT_WORDS.intersection(re.findall(r"[a-z]+", text.lower()))) >= 3


def _line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts, looked for at most 24 characters back (no scan of a long
    line): the start of what a name's clause may open on."""
    return text.rfind("\n", max(0, pos - 24), pos) + 1


def _opens_clause(text: str, start: int, lo: int, leading: frozenset[str] = _LEADING) -> bool:
    """Whether the name at ``start`` opens its clause: no word before it back to ``lo`` (at most 24
    characters), a capitalised word or a figure before it, or a word that leads a clause (``leading``)."""
    before = _WORD_BEFORE.search(text, max(lo, start - 24), start)
    return before is None or not before.group(1)[:1].islower() or before.group(1).lower() in leading


def _home_or_away_side(text: str, m: Mention) -> bool:
    """Whether ``m`` is a side of a result played at home or away, with its score or on a page of games: the
    name that opens the clause ("Tarnby won 2-0 at home to Vell"; not "the team from Tarnby lost at home to
    ...") or the one after it ("Vell lost away to Tarnby 2-1")."""
    hit = _HOME_BEFORE.search(text, max(0, m.start - 40), m.start)
    if hit is None and _opens_clause(text, m.start, _line_start(text, m.start)):
        hit = _HOME_AFTER.match(text, m.end)
    return hit is not None and (hit.group("score") is not None or _SCORE_AFTER.match(text, m.end) is not None
                                or _sport_page(text))


def _teams_named_for_towns(text: str, mentions: list[Mention]) -> list[Mention]:
    """On a page that reports games (three or more of ``_SPORT_WORDS``), a town's name the tagger
    read as the place is its team where a side stands: after a result's word or a title ("victory over
    Tarnby", "champions Vell"), or opening a clause before a result's verb, a plural verb, a player's
    role or a possessive and a name ("Tarnby won", "Vell were", "Tarnby 's Tom Brell"). CoNLL-2003
    types a club named after its town as an organisation; not a name run on into a capitalised word
    ("the Tarnby Games"). A place's name (not a country's: its side is the country itself) that is a side of a
    result at home or away is its team's (``_home_or_away_side``)."""
    out = []
    for m in mentions:
        if m.label == "LOC" and _home_or_away_side(text, m) and "country" not in place_kinds(tuple(m.text.lower().split())):
            m = dataclasses.replace(m, label="ORG")
        elif m.label == "LOC" and _town_team(m.text):
            line = _line_start(text, m.start)
            side = (_SIDE_BEFORE.search(text, max(line, m.start - 24), m.start) is not None
                    or (_opens_clause(text, m.start, line) and _SIDE_AFTER.match(text, m.end) is not None))
            if side and not re.match(r"[ ]+[A-Z]", text[m.end:m.end + 2]) and _sport_page(text):
                m = dataclasses.replace(m, label="ORG")
        out.append(m)
    return out


# between two sides of a result, with its score or not ("Tarnby drew 1-1 with Vell", "Tarnby beat Vell",
# "Tarnby lost 2-1 to Vell")
_RESULT_GAP = re.compile(rf"[ ]+{_RESULT_VERB}(?:[ ]+\d+-\d+)?(?:[ ]+(?:with|to|against|at))?[ ]+")
_SCORE_AFTER = re.compile(r"[ ]+\d+-\d+\b")
# right after a team's name: a club's officer or player, or a possessive and a side's part ("Vell chairman
# Tom Brell", "Vell ' keeper", "Vell 's defence"); a plural verb where the name opens a clause ("Vell were")
_TEAM_PART_AFTER = re.compile(r"(?:[ ]?['’]s?)?[ ]+(?:chairman|keeper|goalkeeper|striker|defender|midfielder|defence|"
                              r"defense|attack|midfield)\b")
_PLURAL_AFTER = re.compile(r"[ ]+(?:were|are)\b")
_LEADING_NO_AND = _LEADING - {"and", "or"}  # ("Tom and Vell were": no clause opens after "and")


def _team_sign(text: str, ms: Sequence[Mention], i: int) -> bool:
    """Whether ms[i], a name read as a person's, stands where a team does: a side of a result whose
    other side is an organisation ("Real Madrid drew 1-1 with Vell", "Vell beat Real Madrid 2-1"; on a
    page of games, or with the score), or on a page of games before a club's officer, a player or a
    side's part, or opening a clause before a plural verb ("Vell chairman", "Vell were unable"), or a side of a
    result at home or away ("Vell won 2-0 at home to Tarnby")."""
    m = ms[i]
    if _home_or_away_side(text, m):
        return True
    sides = [(ms[i - 1], ms[i - 1].end, m.start)] if i else []
    sides += [(ms[i + 1], m.end, ms[i + 1].start)] if i + 1 < len(ms) else []
    for other, a, b in sides:
        if other.label == "ORG" and _RESULT_GAP.fullmatch(text, a, b) and (
                _sport_page(text) or re.search(r"\d-\d", text[a:b]) or _SCORE_AFTER.match(text, max(m.end, other.end))):
            return True
    if not _sport_page(text):
        return False
    if _TEAM_PART_AFTER.match(text, m.end):
        return True
    if m.text.endswith("s"):
        return False  # (a plural's own verb: "Boomers were idealistic")
    return _opens_clause(text, m.start, 0, _LEADING_NO_AND) and _PLURAL_AFTER.match(text, m.end) is not None


def _teams_read_as_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name the tagger read as a person's is a team's where the page writes it as one
    (``_team_sign``), and so is every name of the page that opens on the same word ("Vell",
    "Vell Coruna"), unless a given name or the surname of a person the page names in full ("Tom Vell"):
    CoNLL-2003 types a club an organisation."""
    teams = set()
    surnames = {m.text.split()[-1] for m in mentions if m.label == "PERSON" and " " in m.text}
    for i, m in enumerate(mentions):
        first = m.text.split()[0]
        if m.label == "PERSON" and first not in teams and not first_name_sex(first) and first not in surnames:
            if _team_sign(text, mentions, i):
                teams.add(first)
    if not teams:
        return mentions
    return [dataclasses.replace(m, label="ORG") if m.label == "PERSON" and m.text.split()[0] in teams else m
            for m in mentions]


# a bare capitalised word of letters, and what stands right before and after it
_BARE_WORD = re.compile(r"(?<![\w&'’.-])[A-Z][a-z]+(?![\w&'’-])")
_MID_SENTENCE_BEFORE = re.compile(r"(?:(?<![^\s(])[a-z\d][\w'’-]*|[,;(])[ ]*$")  # "for Real", "2 , Real"
_BEFORE_CHARS = 30  # characters read before a short name
_BODY_KIND_WORDS = frozenset(["league", "party", "club", "team", "union", "bank", "front", "movement", "army"])
# a verb's form that a sentence's subject takes and no plural noun is ("Tarvo looked", not "Space experts")
_PAST_OR_AUXILIARY = re.compile(r"[a-z]+ed|said|says|told|is|was|has|had|will|would|can|could|did|does|may|might|must")
_CLAUSE_START_BEFORE = re.compile(r"(?:^|[\n.!?])[ ]*$")
_NEXT_WORD = re.compile(r"[ ]*([^\s]{1,40})")  # (bounded: no rescan of a long run of words glued by commas)


def _short_name_word(word: str) -> bool:
    """Whether the first word of an organisation's full name may stand alone for it ("Real" of "Real
    Madrid", "Mercantile" of "Mercantile Bancorp Inc."): not an article, a title, a given name or a
    common family name, a day or a month ("Sunday" of "Sunday Times"), a place of the lists, a people's
    or a creed's word ("Shiite" of "Shiite Parliament") or a follower's ("Socialist" of "Socialist
    Party"), nor a word that names the body's kind ("University")."""
    low = word.lower()
    return (word not in _ARTICLES and not first_name_sex(word) and not common_surname(word)
            and not place_kinds((low,)) & _PLACE_KINDS and not _ADJECTIVE_END.fullmatch(word) and not _peoples_word([word], 0)
            and not _AGENT_END.fullmatch(word) and low not in WEEKDAYS and low not in MONTHS
            and low not in _KIND_HEADS and low not in _PERSON_ROLES and not _title_word(word))


def _bare_short_name(text: str, a: int, b: int) -> bool:
    """Whether the word at ``text[a:b]`` stands alone as a name: no capitalised word right after it nor a
    noun of a body's kind ("the ruling Tarvo league": a name written carelessly in lower case), and in
    mid-sentence after a lower-case word, a figure or a comma ("earn Real a point", "for Real with"), or
    opening a sentence before a past form or an auxiliary ("Real looked", "Tarvo has"; not "Space experts")."""
    nxt = _NEXT_WORD.match(text, b)
    after = nxt.group(1) if nxt else ""
    if after[:1].isupper() or after in _KIND_HEADS or after in _AND_BODY_HEADS or after in _BODY_KIND_WORDS:
        return False
    if _MID_SENTENCE_BEFORE.search(text, max(0, a - _BEFORE_CHARS), a):
        return True
    return bool(_CLAUSE_START_BEFORE.search(text, max(0, a - 3), a)) and bool(_PAST_OR_AUXILIARY.fullmatch(after))


def _short_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """An organisation the page names in full ("Real Madrid", "Tarvo Bancorp Inc.") is written by its
    first word alone too ("Real looked beaten", "grab Tarvo or Vell"): that word, standing alone where
    the tagger read nothing (``_bare_short_name``), is the organisation, and a span the tagger ran across
    a list of such words ("Tarvo , Vell and Reyd") is those organisations. Not a word
    ``_short_name_word`` rules out."""
    short = {ws[0] for m in mentions if m.label == "ORG" and len(ws := m.text.split()) >= 2 and _short_name_word(ws[0])}
    if not short:
        return mentions
    mentions = split_joined_names(mentions, frozenset(short))
    spans = sorted((m.start, m.end) for m in mentions)
    m_starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))
    found = []
    for w in _BARE_WORD.finditer(text):
        if w.group() not in short:
            continue
        i = bisect.bisect_right(m_starts, w.start()) - 1
        if (i >= 0 and reach[i] > w.start()) or not _bare_short_name(text, w.start(), w.end()):
            continue
        found.append(Mention(start=w.start(), end=w.end(), text=w.group(), label="ORG",
                             article_id=mentions[0].article_id))
    return sorted([*mentions, *found], key=lambda m: m.start) if found else mentions


# a company's full name with a possessive inside: "Tarvo 's Bancshares Inc.", "Tarvo's Stores Corp"
_POSSESSIVE_COMPANY = re.compile(r"(?<![\w&-])([A-Z][\w&-]*)[ ]?['’]s((?:[ ]+[A-Z][\w&.-]*){0,3}[ ]+(?:Inc|Corp|"
                                 r"Corporation|Co|Ltd|Plc|PLC|LLC|Holdings|Group|Service|Services|Stores|Association)\b\.?)")
_CAPITALISED_WORD = re.compile(r"(?<![\w&-])[A-Z][\w&-]*")
_POSSESSIVE_AFTER = re.compile(r"[ ]?['’]s\b")


def _possessive_companies(text: str, mentions: list[Mention]) -> list[Mention]:
    """A company whose name holds a possessive ("Tarvo 's Bancshares Inc.", a founder's or a trade's
    name) is written so once in full and then as "Tarvo 's" alone: where the page writes the word
    before the possessive always with it (twice or more), the full name is one organisation and
    each "Tarvo 's" is that organisation's short name, possessive included, as CoNLL-2003 writes
    it; not the possessive of a name the page writes alone too ("Merck 's Medco Inc.": Merck's unit)."""
    if "s" not in text:
        return mentions
    fulls = list(_POSSESSIVE_COMPANY.finditer(text))
    if not fulls:
        return mentions
    named = {full.start(): full.end() for full in fulls}
    words = {full.group(1) for full in fulls}
    uses: dict[str, list[tuple[int, int]]] = {}  # (one pass over the page's capitalised words, however many names)
    for u in _CAPITALISED_WORD.finditer(text):
        if u.group(0) in words:
            after = _POSSESSIVE_AFTER.match(text, u.end())
            uses.setdefault(u.group(0), []).append((u.start(), after.end() if after else -1))
    spans = sorted((a, named.get(a, b)) for found in uses.values() if len(found) >= 2 and all(b > 0 for _, b in found)
                   for a, b in found)
    if not spans:
        return mentions
    starts = [a for a, _ in spans]

    def taken(m: Mention) -> bool:  # does a company's name overlap the mention? (the names do not overlap)
        i = bisect.bisect_left(starts, m.end) - 1
        return i >= 0 and spans[i][1] > m.start

    article = mentions[0].article_id if mentions else ""
    added = [Mention(start=a, end=b, text=text[a:b], label="ORG", article_id=article) for a, b in spans]
    return sorted([m for m in mentions if not taken(m)] + added, key=lambda m: (m.start, m.end))


# lower-case nouns of a kind of organisation, right before its name ("the news-stand chain Pelko", "the news
# weekly Der Morgen", "the first division team Vorek Tarn"); not those a person is too ("broker", "publisher")
_ORG_KIND_BEFORE = re.compile(r"\b(?:chain|company|firm|team|club|newspaper|daily|weekly|magazine|agency|airline|"
                              r"insurer|retailer|manufacturer|broadcaster|conglomerate|consortium|carmaker|automaker|"
                              r"bank)\s+$")


# a body of people that acts as one, right before its name ("the radical group Tarvan Jihad") or in
# the apposition after it ("Tarvan Jihad, an Egypt-based group"); an ethnic or a religious group is a
# people ("the Kelvans, an ethnic group": a plural, left alone)
_BODY_KIND_BEFORE = re.compile(r"\b(?:group|movement|organi[sz]ation|faction|militia)\s+$")
_BODY_KIND_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:group|movement|organi[sz]ation|faction|militia)\b")


def _body_named(text: str, m: Mention) -> bool:
    """Whether a name the tagger read as a thing (MISC) is written as a body's, after or before a
    noun of a body of people; not a people's word nor a plural."""
    return (m.label == "MISC" and not m.text.endswith("s") and not _people_word(m.text)
            and (_BODY_KIND_BEFORE.search(text, max(0, m.start - 20), m.start) is not None
                 or _BODY_KIND_AFTER.match(text, m.end) is not None))


# a body of people of a faith or a cause right before a name of two words or more ("the banned sect Tarvo Gong",
# "the spiritual group, Tarvo Gong,", "the cult known as Tarvo Gong"), or right after it, maybe after one word
# of its kind ("the Tarvo Gong movement", "the Tarvo Gong spiritual movement")
_CAUSE_BODIES = r"(?:movement|organi[sz]ation|sect|cult)"
_CAUSE_BEFORE = re.compile(rf"\b(?:{_CAUSE_BODIES}|group|faction|militia)(?:,|[ ]+(?:known|called)[ ]+as)?[ ]+$")
_CAUSE_AFTER = re.compile(rf"[ ]+(?:[a-z]+(?:al|ous|ic|ist|ion)[ ]+)?{_CAUSE_BODIES}\b")
_APPOSITION_CLOSE = re.compile(r"[ ]?,")  # the comma that closes an apposition ("the barge, the Sea Kestrel, has")


def _cause_named(text: str, m: Mention) -> bool:
    """Whether a name of two words or more the tagger read as a person's or a thing, opening on no given
    name of the lists, is written as a body of people's by a noun of a faith or a cause before it (in an
    apposition closed by a comma where a comma stands between: not "the organization, Tom Vell has")
    or after it (``_CAUSE_BEFORE``, ``_CAUSE_AFTER``)."""
    if m.label not in ("PERSON", "MISC") or " " not in m.text or "first" in place_kinds((m.text.split()[0].lower(),)) \
            or first_name_sex(m.text.split()[0]):
        return False
    before = _CAUSE_BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is not None and ("," not in before.group() or _APPOSITION_CLOSE.match(text, m.end)):
        return True
    return _CAUSE_AFTER.match(text, m.end) is not None


def _kind_named_orgs(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name the tagger read as a person's that the page writes right after a noun of a kind of
    organisation ("chain Pelko") is that organisation everywhere on it, unless the page gives it as
    a person's: with a given name ("Anna Pelko"), or opening on a given name itself; and one it read
    as a thing that the page writes as a body of people's ("the radical group Tarvan Jihad") is that
    body everywhere on it; so is a name read as a person's that the page writes as a body of a faith's
    or a cause's, there or where it is read as a thing (``_cause_named``: "the Tarvo Gong movement")."""
    people = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()[1:]}
    named = {m.text for m in mentions if m.label == "PERSON" and m.text not in people
             and not first_name_sex(m.text.split()[0]) and _ORG_KIND_BEFORE.search(text, max(0, m.start - 20), m.start)}
    read_as_people = {m.text for m in mentions if m.label == "PERSON"} - people
    causes = {m.text for m in mentions if m.text in read_as_people and _cause_named(text, m)}
    persons_bodies = named | causes
    things_bodies = {m.text for m in mentions if _body_named(text, m)} | causes
    return [dataclasses.replace(m, label="ORG") if (m.label == "PERSON" and m.text in persons_bodies)
            or (m.label == "MISC" and m.text in things_bodies) else m for m in mentions]


def _capitals_as_body(text: str, sent_spans: Sequence[Sequence[tuple[int, int]]],
                      mentions: list[Mention]) -> list[Mention]:
    """A name in a line of capitals (a headline: "VOSS TAKES LEAD AT TARNBY", but not a dateline's
    place) has the type the document's other lines give it, in mixed case ("Lars Voss ... Voss
    birdied"), where the tagger, with no case to go by, read another: the type most of those
    mentions have (none on a tie), or a person's for one word that ends a person's full name there.
    A place of the tagger's lists read as a place or an organisation keeps its type, and so does a
    people's plural: a city's or a people's name is a team's too ("TARNBY AT VELL", "VELL BEAT INDIANS")."""
    caps = [sp for sp in sent_spans
            if sp and capitals_line([text[a:b] for a, b in sp]) and not _ISO_DATE.fullmatch(text[sp[-1][0]:sp[-1][1]])]
    if not caps:
        return mentions
    starts = [sp[0][0] for sp in caps]

    def in_capitals(m: Mention) -> bool:
        return _line_at(caps, starts, m.start) is not None

    votes: dict[str, Counter[str]] = {}
    surnames: set[str] = set()
    for m in mentions:
        if in_capitals(m):
            continue
        votes.setdefault(m.text.lower(), Counter())[m.label] += 1
        if m.label == "PERSON" and " " in m.text:
            surnames.add(m.text.split()[-1].lower())
    out = []
    for m in mentions:
        label = m.label
        words = m.text.split()
        if in_capitals(m) and not (m.label in ("LOC", "ORG") and _metonymic_place(m.text)) \
                and not _people([w[:1] + w[1:].lower() for w in words], 0, len(words)):
            top = votes.get(m.text.lower(), Counter()).most_common(2)
            if top and top[0][1] >= 2 and (len(top) == 1 or top[0][1] > top[1][1]):
                label = top[0][0]
            elif not top and m.text.lower() in surnames:
                label = "PERSON"
        out.append(m if label == m.label else dataclasses.replace(m, label=label))
    out = _widened_by_body(text, caps, starts, _cut_to_body_names(text, caps, starts, out, votes), votes)
    out = _common_places_in_capitals(text, sent_spans, caps, starts, out)
    return _listed_in_capitals(text, caps, _added_from_body(text, caps, out, votes), votes)


_COMMON_WORD_LETTERS = 3  # letters of a headline's place read as a common word at least (not "US" of "us")


def _common_places_in_capitals(text: str, sent_spans: Sequence[Sequence[tuple[int, int]]],
                               caps: Sequence[Sequence[tuple[int, int]]], starts: Sequence[int],
                               mentions: list[Mention]) -> list[Mention]:
    """A one-word place in a line of capitals (``caps``, their first offsets ``starts``) whose word the
    document's other lines write in lower case and never with a capital ("TURKEY PRICES RISE" over "wholesale
    turkey prices", "CHILE PRICES SOAR" over "chile prices") is that common word, no name: with no case to go
    by in the headline, the body's own writing tells the common noun from the land of the same spelling. A
    word of two letters is left ("US" of "us"); a person's or a body's name too (CoNLL-2003 train tags
    capitals words the body writes in lower case as such: "EMBASSY", "TOUR"), and one the body's tagger reads as
    a name ("the jordan river") or a line of capitals lists with a place ("ANKARA, TURKEY", "CHINA, JAPAN"); an
    address's or a tag's lower case ("www.turkey.gov", "#turkey") is no common word (``_PROSE_WORD``)."""
    if not any(m.label == "LOC" and len(m.text) >= _COMMON_WORD_LETTERS and m.text.isalpha()
               and _line_at(caps, starts, m.start) is not None for m in mentions):
        return mentions  # (no place of a line of capitals: the body's words are not read)
    lower = set(_PROSE_WORD.findall(text))
    if not lower:
        return mentions
    heads = set(starts)  # (the lines of capitals are sentences of their own)
    capitalised = {text[a:b].lower() for sp in sent_spans if sp and sp[0][0] not in heads
                   for a, b in sp if text[a].isupper()}
    capitalised |= {m.text.lower() for i, m in enumerate(mentions)  # a name of the body, or listed with a place
                    if _line_at(caps, starts, m.start) is None or _listed_with_a_capitals_place(text, mentions, i)}
    return [m for m in mentions
            if not (m.label == "LOC" and len(m.text) >= _COMMON_WORD_LETTERS and m.text.isalpha()
                    and m.text.lower() in lower and m.text.lower() not in capitalised
                    and _line_at(caps, starts, m.start) is not None)]


# a word of prose in lower case: not of an address, a handle or a tag ("www.turkey.gov", "@turkey", "#turkey")
_PROSE_WORD = re.compile(r"(?<![\w'’@#./-])[a-z]+(?![\w'’-]|[.@/:]\w)")
# (a line of capitals writes "AND", and links a dateline's place by a hyphen too)
_CAPITALS_LIST_LINK = re.compile(rf"{_LIST_LINK.pattern}|[ ]?-[ ]?", re.IGNORECASE)


def _listed_with_a_capitals_place(text: str, mentions: Sequence[Mention], i: int) -> bool:
    """Whether mention ``i`` is joined to a neighbouring place by a list's link of capitals ("GREECE AND
    TURKEY", a dateline's "ANKARA, TURKEY"): then it is a place too."""
    return any(0 <= j < len(mentions) and mentions[j].label == "LOC"
               and _CAPITALS_LIST_LINK.fullmatch(text[min(mentions[j].end, mentions[i].end):
                                                      max(mentions[j].start, mentions[i].start)]) is not None
               for j in (i - 1, i + 1))


def _body_type(votes: Mapping[str, Counter[str]], name: str, at_least: int) -> str | None:
    """The type most of the document's mixed-case mentions of ``name`` (lower-cased) have, when at least
    ``at_least`` have it and no other type ties it."""
    top = votes.get(name, Counter()).most_common(2)
    if top and top[0][1] >= at_least and (len(top) == 1 or top[0][1] > top[1][1]):
        return top[0][0]
    return None


# the last words of an event's or a paper's name ("Malaysian Open", "European Cup", "Official Journal"), or of a
# body's, a place's, a site's or a company's ("Ford Motor", "Tata Steel"): a headline's name that ends on one is
# a name of that kind, whole
_NAME_KIND_WORDS = _KIND_HEADS | frozenset("""open cup cups championship championships trophy games prix classic
tournament stakes masters series bowl rally marathon derby league tour challenge journal post times herald news
daily gazette motor electronics industries chemical chemicals pharmaceuticals petroleum steel""".split())
_BODY_NAME_WORDS = 4  # words of a name of the document's other lines looked for in a line of capitals


def _body_name_opening(words: Sequence[str], label: str, votes: Mapping[str, Counter[str]]) -> int | None:
    """The words of the longest name of the document's other lines that opens ``words``, a headline's name in
    capitals read as ``label`` that those lines never write ("VASKO ARRIVES", "VENICE FESTIVAL"), when that
    name is of the tagger's type and every word after it is one news writes in lower case ("arrives",
    "festival"); None when a word after it makes the name another kind ("JAKARTA POST", a paper; "U.S. OPEN",
    "MALAYSIAN OPEN", events) or is one news writes as a name ("GREATER" of "VELL GREATER OPEN")."""
    low = [w.lower() for w in words]
    for n in range(min(_BODY_NAME_WORDS, len(words) - 1), 0, -1):
        typ = _body_type(votes, " ".join(low[:n]), 1)
        if typ:
            rest = low[n:]
            return n if typ == label and not any(w in _NAME_KIND_WORDS or written_as_name(w) for w in rest) else None
    return None


def _cut_to_body_names(text: str, caps: Sequence[Sequence[tuple[int, int]]], starts: Sequence[int],
                       mentions: list[Mention], votes: dict[str, Counter[str]]) -> list[Mention]:
    """A name in a line of capitals that the tagger ran across a common word after it, with no case to tell
    where a name ends ("ENVOY VASKO ARRIVES", "TALKS AT VENICE FESTIVAL"), is the name the document's other
    lines write in mixed case that opens it ("Vasko", "Venice"; ``_body_name_opening``), when those lines
    never write it whole, nor inside a longer name ("JONES MEDICAL" of "Jones Medical Corp")."""
    inside: set[str] = set()  # the runs of words inside the body's names ("jones medical" of "jones medical corp")
    for name in votes:
        words = name.split()
        inside.update(" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1))
    out: list[Mention] = []
    for m in mentions:
        li = _line_at(caps, starts, m.start)
        n = None
        if li is not None and " " in m.text and m.text.lower() not in inside:
            toks = [(a, b) for a, b in caps[li] if m.start <= a and b <= m.end]
            n = _body_name_opening([text[a:b] for a, b in toks], m.label, votes)
        if n is None:
            out.append(m)
            continue
        end = toks[n - 1][1]
        out.append(dataclasses.replace(m, end=end, text=text[m.start:end]))
    return out


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]+(?![\w'’-])")  # a word in lower case ("swedes"; not "al" of "al-Assad")
_COMPASS_BEFORE = re.compile(r"(?<![\w.])(?:NORTH|SOUTH|EAST|WEST|NORTHERN|SOUTHERN|EASTERN|WESTERN|CENTRAL|[NSEW]\.)"
                             r"(?:[ ]|(?<=\.))$")
_LAND_KINDS = frozenset(["country", "region", "continent"])  # (not "city": its list holds "Reading", "Mobile")


def _listed_in_capitals_at(words: Sequence[str]) -> tuple[int, str] | None:
    """The name the tagger's lists know that opens ``words`` of a line of capitals: a country's, a state's
    or a region's name of up to three words, its last one written as a name ("NEW HAMPSHIRE", "TEXAS"), a
    place; a people's word or plural news writes as a name ("COLOMBIAN", "CHECHENS"), MISC. (words, type)
    or None."""
    low = [w.lower() for w in words]
    for n in range(min(3, len(words)), 0, -1):
        if place_kinds(tuple(low[:n])) & _LAND_KINDS and written_as_name(low[n - 1]):
            return n, "LOC"
    word = words[0][:1] + low[0][1:]
    gaz = _resources().gazetteer.get((word,), frozenset())
    if len(word) > 2 and word.isalpha() and written_as_name(word) \
            and (_people([word], 0, 1) or _people_word(word) or _land_people(word) or gaz == {"MISC"}):
        return 1, "MISC"
    return None


def _listed_in_capitals(text: str, caps: Sequence[Sequence[tuple[int, int]]], mentions: list[Mention],
                        votes: dict[str, Counter[str]]) -> list[Mention]:
    """Words of a line of capitals the tagger read as no name, with no case to go by, that its lists know
    as a land's or a people's name ("TWO DIE AS NEW HAMPSHIRE MOTEL BURNS", "SEVEN IRAQIS HELD", "SOUTH
    AFRICAN COACH"; ``_listed_in_capitals_at``) are that place (LOC) or people (MISC), unless the
    document's other lines write them as a name of another type (a team named for its town or a people) or
    write them in lower case, as common words ("FROST HITS SWEDES" of "frost damaged swedes")."""
    named = {a for m in mentions for a in range(m.start, m.end)}
    lower = set(_LOWER_WORD.findall(text))
    added: list[tuple[int, int, str]] = []
    for line in caps:
        k = 0
        while k < len(line):
            a = line[k][0]
            hit = None if a in named or not text[a].isalpha() or text[a - 1:a].isalnum() else _listed_in_capitals_at(
                [text[x:y] for x, y in line[k:k + 3]])
            if hit is None:
                k += 1
                continue
            n, typ = hit
            b = line[k + n - 1][1]
            compass = _COMPASS_BEFORE.search(text, max(0, a - 12), a) if typ == "MISC" else None
            if compass and compass.start() not in named:
                a = compass.start()  # "SOUTH AFRICAN", "S.AFRICAN": the people's compass word is theirs
            if not any(x in named for x, _ in line[k:k + n]) and set(votes.get(text[a:b].lower(), {typ: 1})) == {typ} \
                    and not all(text[x:y].lower() in lower for x, y in line[k:k + n]):
                added.append((a, b, typ))
            k += n
    return _with_names(text, mentions, added)


def _added_from_body(text: str, caps: Sequence[Sequence[tuple[int, int]]], mentions: list[Mention],
                     votes: dict[str, Counter[str]]) -> list[Mention]:
    """Words of a line of capitals the tagger read as no name ("LEBED , VORKS SIGN DEAL", "TARVIK SCRAPE
    DRAW") that are a name of three letters or more the document's other lines write in mixed case at
    least twice with one type ("the Vorks", "Vorks said"; "Tarvik drew") are that name, the longest such,
    of that type, unless it is a word that follows a subject, a verb's ("MAY" of "DEAL MAY SLIP", "May said")."""
    named = {a for m in mentions for a in range(m.start, m.end)}
    added: list[tuple[int, int, str]] = []
    for line in caps:
        k = 0
        while k < len(line):
            hit = None
            for n in range(min(_BODY_NAME_WORDS, len(line) - k), 0, -1):
                toks = line[k:k + n]
                if any(a in named or not text[a].isalpha() for a, _ in toks) or toks[-1][1] - toks[0][0] < 3 \
                        or (n == 1 and text[toks[0][0]:toks[0][1]].lower() in _AFTER_SUBJECT):
                    continue
                typ = _body_type(votes, " ".join(text[a:b] for a, b in toks).lower(), 2)
                if typ:
                    hit = (toks[0][0], toks[-1][1], typ, n)
                    break
            if hit is None:
                k += 1
                continue
            a, b, typ, n = hit
            added.append((a, b, typ))
            k += n
    return _with_names(text, mentions, added)


def _with_names(text: str, mentions: list[Mention], added: Sequence[tuple[int, int, str]]) -> list[Mention]:
    """``mentions`` with the names ``added`` as (start, end, type) of the same article, in text order."""
    if not added:
        return mentions
    article_id = mentions[0].article_id if mentions else ""
    return sorted(mentions + [Mention(start=a, end=b, text=text[a:b], label=typ, article_id=article_id)
                              for a, b, typ in added], key=lambda m: (m.start, m.end))


def _line_at(lines: Sequence[Sequence[tuple[int, int]]], starts: Sequence[int], pos: int) -> int | None:
    """The index of the line (its tokens' spans; ``starts``: each line's first offset, ascending) that
    holds the offset ``pos``, or None."""
    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < lines[i][-1][1] else None


_WIDEN_WORDS = 2  # words a headline's name may take in on either side


def _widened_by_body(text: str, caps: Sequence[Sequence[tuple[int, int]]], starts: Sequence[int],
                     mentions: list[Mention], votes: dict[str, Counter[str]]) -> list[Mention]:
    """A name in a line of capitals that the tagger cut short ("LIEGE" of "THREE STANDARD LIEGE
    PLAYERS") is the longest name of the document's other lines (``votes``: lower-cased names and
    their types) that it makes with up to two capitalised words beside it that no other name has.
    (Look-ups by sorted offsets: a page all in capitals has thousands of lines and names.)"""
    spans = sorted((m.start, m.end) for m in mentions)
    m_starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))   # the furthest end of the names starting so far

    def named(a: int) -> bool:  # is offset ``a`` inside a name?
        i = bisect.bisect_right(m_starts, a) - 1
        return i >= 0 and reach[i] > a

    taken = {(a, b) for sp in caps for a, b in sp if named(a)}
    token_at: dict[int, tuple[dict[int, int], dict[int, int]]] = {}   # line -> its tokens by start, by end
    out = []
    for m in mentions:
        li = _line_at(caps, starts, m.start)
        line = caps[li] if li is not None else []
        if li is not None and li not in token_at:
            token_at[li] = ({a: x for x, (a, _) in reversed(list(enumerate(line)))},
                            {b: x for x, (_, b) in reversed(list(enumerate(line)))})
        k = token_at[li][0].get(m.start) if li is not None else None
        h = token_at[li][1].get(m.end) if li is not None else None
        if k is None or h is None:
            out.append(m)
            continue
        best: tuple[int, int] | None = None
        for lo in range(max(0, k - _WIDEN_WORDS), k + 1):
            for hi in range(h, min(len(line) - 1, h + _WIDEN_WORDS) + 1):
                extra = [line[x] for x in (*range(lo, k), *range(h + 1, hi + 1))]
                name = " ".join(text[a:b] for a, b in line[lo:hi + 1]).lower()
                if extra and name in votes and not any(t in taken or not text[t[0]].isalpha() for t in extra) \
                        and (best is None or hi - lo > best[1] - best[0]):
                    best = (lo, hi)
        if best is None:
            out.append(m)
            continue
        taken.update(line[best[0]:best[1] + 1])
        a, b = line[best[0]][0], line[best[1]][1]
        out.append(dataclasses.replace(m, start=a, end=b, text=text[a:b], label=votes[text[a:b].lower()].most_common(1)[0][0]))
    return out


# a title only a person is written with, right before a name ("Mrs. Clinton", "Mr Brown")
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mme|Dr)\.?[ ]$")


_OF_THE = re.compile(r" of (?:the )?")
_OF_BEFORE = re.compile(r"(?<![\w'’-])of[ ]+$")
# a title alone before "of" is an office of a place or a body, no person's name ("the Duke of York",
# "the King of Jordan", "Bishop of Durham"), though a person on the page bears it as a surname
_OFFICE_OF = ROLE_HEADS | _ROYAL_TITLES | frozenset(TITLE_SEX)


def _split_at_person_of(mentions: list[Mention], text: str = "") -> list[Mention]:
    """A span the tagger ran across "of" between a person's name and another name ("Dorn of
    Tarvocom", a spokesman and his company; "Kelby of Vellmark", a lawmaker and his state; "the
    trial in Tarnby of Anna Reyd"; "the Tarvans of bin Rashid") is two names when one side is a
    person's: the page writes it as a person's full name or as the last words of one ("Tomas Dorn",
    "Omar bin Rashid"), or it is title-case words opening on a given name of the census lists. A
    body or a place named after a person keeps its name ("College of Anna Reyd": its kind word
    opens it). Each part takes the label the page gives it alone, a person's part a person's, a place
    of the lists a place's, else the span's own. A body's span that opens on a person's full name
    (``full_name``: "Bulent Vell of the Tarvan Left Party") is cut at its first "of"."""
    if not any(" of " in m.text for m in mentions):
        return mentions
    people = {m.text for m in mentions if m.label == "PERSON" and " " in m.text and " of " not in m.text}
    tails = {" ".join(w[i:]) for p in people for w in [p.split()] for i in range(len(w))}
    alone = {m.text for m in mentions if " " not in m.text}
    heads = _ORG_HEADS | _PLACE_HEADS | _PLACE_OF_A_NAME | _PLACE_NOUNS
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        votes.setdefault(m.text, Counter())[m.label] += 1

    def person(name: str, given: bool = False) -> bool:
        words = name.split()
        return name in tails or (given and len(words) >= 2 and first_name_sex(words[0]) != 0
                                 and all(w[:1].isupper() and w[1:].islower() for w in words)
                                 and words[-1].lower() not in heads)

    def full_name(name: str) -> bool:
        """A person's full name before "of" ("Bulent Vell of the Tarvan Left Party", "Mimi Reyd of Kelby
        Winery"): two or three title-case words, no body's or place's word among them, whose last is no
        word news writes in lower case ("Royal Bank") and opens on a given name of the lists or is
        written alone on the page ("Vell said")."""
        words = name.split()
        return (2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
                and not any(w.lower() in heads for w in words)
                and _resources().capratio.get(words[-1].lower(), "4") > "2"
                and (first_name_sex(words[0]) != 0 or words[-1] in alone))

    def label_of(name: str, default: str, given: bool) -> str:
        if person(name, given):
            return "PERSON"
        if name in votes:
            return votes[name].most_common(1)[0][0]
        return "LOC" if known_place(name.lower()) else default

    out: list[Mention] = []
    for m in mentions:
        cut = list(_OF_THE.finditer(m.text))
        a = m.text[:cut[0].start()] if cut else ""
        # (the first "of" then: "... of the Kenya Bureau of Standards"; not a name's tail after "of": "the Church
        # of Jesus Christ of Latter-day Saints")
        named = bool(cut) and m.label != "PERSON" and full_name(a) and not _OF_BEFORE.search(text, max(0, m.start - 8), m.start)
        if len(cut) != 1 and not named:
            out.append(m)
            continue
        b = m.text[cut[0].end():]
        if not (named or person(a) or person(b, given=True)) \
                or any(w.lower().rstrip(".") in heads for w in a.split()) or a.lower() in _OFFICE_OF:
            out.append(m)
            continue
        default = "ORG" if m.label == "PERSON" else m.label
        out.append(dataclasses.replace(m, end=m.start + len(a), text=a,
                                       label="PERSON" if named else label_of(a, default, False)))
        out.append(dataclasses.replace(m, start=m.start + cut[0].end(), text=b, label=label_of(b, default, True)))
    return out


def _consistent_labels(mentions: list[Mention], titled: frozenset[str] = frozenset(),
                       text: str = "", unsure: frozenset[int] = frozenset()) -> list[Mention]:
    """One sense per document: the same name gets its most frequent label everywhere in the text (on a
    tie each keeps its own; the mentions starting at ``unsure`` offsets, which the tagger read as part
    of a title, count only when the name has no other), but a name written after a person's title there
    (``titled``: "Prime Minister Hun Sen") is a person everywhere,
    and a single word that is part of a person's full name there is that person; a place the tagger
    read as a place stays one where the page mostly writes it for a team (``_metonymic_place``); a name right after
    "Mrs." or "Mr" in ``text`` is a person's whatever the rest of the page makes it ("Mrs. Clinton" on a
    page of the Clinton Foundation)."""
    sure = {m.text for m in mentions if m.start not in unsure}
    votes: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.start not in unsure or m.text not in sure:
            votes.setdefault(m.text, Counter())[m.label] += 1
    # (not a people's word a name was run into: "Haitian" of "Tom Brayle Haitian" is "the Haitian capital")
    person_words = {w for m in mentions if m.label == "PERSON" and " " in m.text for w in m.text.split()
                    if not _people_word(w)}
    # "Northline Freight ... Northline says": the name without its kind word is the organisation
    # (not a people's adjective: "European" is no "European Union"; not a place's name: "Liberia" is no
    # "Liberia Council", "Sudan" no "Sudan Airways")
    org_short = {m.text.split()[0] for m in mentions if m.label == "ORG" and len(m.text.split()) >= 2
                 and all(w.lower().rstrip(".") in _ORG_HEADS for w in m.text.split()[1:])
                 and not _ADJECTIVE_END.fullmatch(m.text.split()[0])
                 and not place_kinds((m.text.split()[0].lower(),)) & _PLACE_KINDS}
    # "Tiger Woods ... Woods said": a name of two or three words the tagger read as an organisation
    # ("Woods" a plural-looking family name) is a person's when the text writes its last word alone
    # for a person, and no word of it names a kind of body
    # (not a place's name the text writes after a preposition of place or an article: "at Har Homa",
    # "the Gornje Obrinje massacre", whose last word the tagger read alone as a person's)
    person_alone = {w for w, c in votes.items() if " " not in w and c.most_common(1)[0][0] == "PERSON"
                    and c["PERSON"] > c["ORG"]}
    placed = {m.text for m in mentions if text and _PLACE_OR_THING_BEFORE.search(text, max(0, m.start - 8), m.start)}
    out = []
    for m in mentions:
        top = votes[m.text].most_common(2)
        # a tie is no majority: each mention keeps its own label
        label = m.label if len(top) > 1 and top[0][1] == top[1][1] else top[0][0]
        if label == "ORG" and m.text not in placed and _surname_of_a_person(m.text, person_alone):
            label = "PERSON"
        if m.label == "LOC" and label == "ORG" and _metonymic_place(m.text):
            label = m.label
        if m.text in titled or (text and _HONORIFIC_BEFORE.search(text, max(0, m.start - 6), m.start)):
            label = "PERSON"
        elif " " not in m.text and m.text in org_short:
            label = "ORG"
        elif " " not in m.text and m.text in person_words and m.text[1:].islower():
            label = "PERSON"
        out.append(m if label == m.label else dataclasses.replace(m, label=label))
    return out


_PLACE_OR_THING_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|on|around|near|[Tt]he)\s+$")


def _surname_of_a_person(name: str, person_alone: Collection[str]) -> bool:
    """Whether ``name`` is two or three capitalised words whose last one ``person_alone`` holds (the
    text writes it alone for a person) and none a body's kind word ("Tiger Woods", not "Goldman Sachs
    Group")."""
    words = name.split()
    return 2 <= len(words) <= 3 and words[-1] in person_alone \
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() and w.lower() not in _ORG_HEADS for w in words)


_ACRONYM_PLACE_HEADS = _PLACE_HEADS | frozenset(["zone", "area", "territory", "corridor", "border", "crossing"])


def _spelled_by(acronym: str, phrase: str) -> bool:
    """True when ``phrase`` (lower-case words) is what ``acronym`` stands for, letters taken in order as
    Schwartz & Hearst (2003) match short and long forms: the first letter starts the phrase, the last
    starts its last word, the others are found in order in between ("DMZ" / "demilitarized zone")."""
    a = acronym.lower()
    words = phrase.split()
    if len(a) < 2 or len(words) < 2 or len(words) > len(a) or words[0][0] != a[0] or words[-1][0] != a[-1]:
        return False
    body = " ".join(words[:-1])[1:]
    pos = 0
    for ch in a[1:-1]:
        pos = body.find(ch, pos)
        if pos < 0:
            return False
        pos += 1
    return True


spelled_by = _spelled_by  # (read by entity merging: "Agence France-Presse (AFP)")


# a kinship word just before a name, in apposition or as a title: "his wife, Ri Sol Ju," / "wife Ri Sol Ju"
_KIN_BEFORE = re.compile(r"\b(?:" + KIN_WORDS + r")\s*,?\s*$", re.IGNORECASE)


def _kin_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name right after a kinship word ("his wife, Ri Sol Ju") is a person, whatever type the
    tagger gave it."""
    return [dataclasses.replace(m, label="PERSON")
            if m.label != "PERSON" and _KIN_BEFORE.search(text, max(0, m.start - 40), m.start) else m
            for m in mentions]


_WHO_AFTER = re.compile(r"[ ]+who\b")
_ARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:[Aa]n?|[Tt]he)[ ]+(?:[a-z-]+[ ]+)?$")


def _people_who(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name of one word that the tagger read as an organisation is a person's where "who" follows it
    with no comma ("his alliance with Vesko who was ousted": a body's name, like a team's, takes a
    comma and "who" in loose prose: "Pfizer , who"), but on a page of games ("Vell who beat ..."); not
    an organisation's name of the tagger's lists or a word news text writes in lower case ("Labour who"),
    one in capitals, nor one after an article, a member of a people or a band ("a native Quebecker who",
    "the Vells who")."""
    out = []
    for m in mentions:
        if (m.label == "ORG" and " " not in m.text and m.text[1:].islower() and _WHO_AFTER.match(text, m.end)
                and not _lowercase_word(m.text) and "ORG" not in _resources().gazetteer.get((m.text,), ())
                and not _ARTICLE_BEFORE.search(text, max(0, m.start - 24), m.start) and not _sport_page(text)):
            m = dataclasses.replace(m, label="PERSON")
        out.append(m)
    return out


def _acronym_places(text: str, mentions: list[Mention]) -> list[Mention]:
    """An all-capitals acronym that the article spells out as a lower-case phrase naming a kind of
    place ("a heavily fortified demilitarized zone ... along the DMZ") is a place."""
    found: dict[str, bool] = {}  # an acronym named a hundred times is looked up once

    def spelled_out(w: str) -> bool:
        if w not in found:
            found[w] = any(_spelled_before(text, w, head) for head in _ACRONYM_PLACE_HEADS
                           if head.startswith(w[-1].lower()))
        return found[w]

    out = []
    for m in mentions:
        w = m.text
        if m.label in ("ORG", "MISC") and w.isalpha() and w.isupper() and 2 <= len(w) <= 5 and spelled_out(w):
            m = dataclasses.replace(m, label="LOC")
        out.append(m)
    return out


# nouns of medicines and goods sold by name ("the drug Tamiflu", "Ritalin, a mild stimulant"), a lexicon class
_PRODUCT_NOUNS = (r"(?:drugs?|medicines?|medications?|pills?|tablets?|capsules?|painkillers?|pain\s+relievers?|vaccines?|"
                  r"antivirals?|anti-virals?|antibiotics?|antidepressants?|anti-depressants?|stimulants?|sedatives?|"
                  r"inhibitors?|remed(?:y|ies)|treatments?)")
# the nouns of a body that a product's noun may qualify ("the drug maker Merck", "Merck, the drug company")
_MAKER_NOUNS = r"(?:makers?|manufacturers?|compan(?:y|ies)|firms?|giants?|groups?|industry|distributors?|units?|divisions?)"
# what stands right before a product's name: its kind ("the antiviral drug Tamiflu", "drugs such as
# Ritalin"), a dose or a prescription ("doses of Tamiflu", "20 mg of Prozac", "prescribed Vioxx"), a
# brand or its maker ("the trade name Ritalin", "marketed as Ritalin", "the maker of Ritalin")
_PRODUCT_BEFORE = re.compile(
    rf"(?:\b{_PRODUCT_NOUNS}(?:\s+(?:such\s+as|like|including|called|named|known\s+as))?[ \t]+|"
    rf"\b{_PRODUCT_NOUNS},\s+(?:such\s+as|like|including)\s+|"  # (not a clause's end: "for medical treatment, Garzon asked")
    rf"\bsuch\s+{_PRODUCT_NOUNS}\s+as\s+|\bunder\s+the\s+names?\s+|"
    r"\b(?:doses?|courses?|milligrams?|mg|prescriptions?)\s+(?:of|for)\s+|\d\s*(?:mg|milligrams?)\s+|"
    r"\bprescrib(?:e|es|ed|ing)\s+|\b(?:brand|trade)\s+names?\s+|\bmarketed\s+(?:as|under\s+the\s+(?:brand\s+|trade\s+)?names?)\s+|"
    r"\bmakers?\s+of\s+)$", re.IGNORECASE)
# what follows a product's name: a registered or trade mark, its kind in apposition ("Viagra, the
# impotency pill"; not "Merck, the drug maker"), or its maker ("Relenza, made by GlaxoSmithKline")
_PRODUCT_AFTER = re.compile(
    rf"\s*(?:[®™]|,\s+(?:a|an|the|its|their|[A-Z][\w&.-]*\s?['’]s)\s+(?:[\w-]+\s+){{0,4}}?{_PRODUCT_NOUNS}\b"
    rf"(?!\s+{_MAKER_NOUNS}\b)|,?\s+(?:(?:made|manufactured|marketed|produced)\s+by\s+[A-Z]|known\s+generically\b))")
# a company's own product: "its Lipitor pill", "their Vioxx drug"
_OWN_BEFORE = re.compile(r"\b(?:its|their)\s+$")
_KIND_AFTER = re.compile(rf"\s+{_PRODUCT_NOUNS}\b")


def product_context(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands where a product's name does (``_PRODUCT_BEFORE``,
    ``_PRODUCT_AFTER``): "the drug Vioxx", "doses of Tamiflu", "Ritalin, a stimulant", "Relenza, made
    by GlaxoSmithKline". Not a possessive ("drugs such as Merck's Vioxx": Merck is the maker)."""
    if re.match(r"['’]s?\b", text[end:end + 2]):
        return False
    own = _OWN_BEFORE.search(text[max(0, start - 8):start]) and _KIND_AFTER.match(text, end, end + 30)
    return bool(_PRODUCT_BEFORE.search(text, max(0, start - 60), start) or _PRODUCT_AFTER.match(text, end) or own)


def _products(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name of one word that the article writes once where a product's name stands
    (``product_context``), or joined to such a name by a conjunction (``_LIST_JOINT``: "the drugs Tamiflu and Relenza"),
    is a product's everywhere in it (CoNLL's MISC), not the organisation, place or person the
    tagger read elsewhere ("Vioxx has made steady gains", "taking Ritalin")."""
    named: set[str] = set()
    last: Mention | None = None
    for m in mentions:
        if " " not in m.text and (product_context(text, m.start, m.end) or (
                last is not None and last.text in named and _LIST_JOINT.fullmatch(text, last.end, m.start))):
            named.add(m.text)
        last = m
    return [dataclasses.replace(m, label="MISC") if m.text in named else m for m in mentions]


# a vessel's or a craft's kind right before its name ("the nuclear submarine Kestrel", "the space shuttle
# Atlantis", "aircraft carriers Vell and Tarvo") or before a comma and "the" ("the heavy-lifting barge, the Sea
# Kestrel"), and a celestial body's ("Jupiter's moon Io", "the planet Mars")
_CRAFT_BEFORE = re.compile(
    r"\b(?P<kind>(?:sub|war)?ships?|vessels?|submarines?|battleships?|cruisers?|destroyers?|frigates?|"
    r"aircraft\s+carriers?|tankers?|freighters?|ferry|ferries|liners?|yachts?|trawlers?|icebreakers?|barges?|"
    r"tug(?:boat)?s?|shuttles?|spacecraft|spaceships?|space\s+probes?|orbiters?|landers?|rovers?|telescopes?|"
    r"space\s+stations?)(?:\s+|,\s+the\s+)$")
_BODY_BEFORE = re.compile(r"\b(?:moons?|planets?|asteroids?|comets?)\s+$")
# a spacecraft's kind right after a name ("the Galileo spacecraft", "NASA's Tarvo orbiter"; not a bare "probe",
# an inquiry's too: "the Starr probe", nor "satellite", a broadcaster's: "the Murdoch satellite venture")
_CRAFT_AFTER = re.compile(r"\s+(?:spacecraft|spaceships?|space\s+(?:probes?|telescopes?|stations?|shuttles?)|"
                          r"orbiters?|landers?|telescopes?)\b")
# the prefixes of a navy's or a mail ship's name ("USS Vell", "HMS Tarvo") that name nothing else (not the
# consolidation's "SS", "MS", "INS": a corps, an illness, an agency)
_NAVY_PREFIXES = frozenset(["USS", "HMS", "RMS", "HMCS", "HMAS"])
# a preposition of place right before a name with no article ("in Kursk", "the city of Kursk"; the craft is "the Kursk")
_BARE_PLACE_BEFORE = re.compile(r"(?<![\w-])(?:in|from|near|of|to|into|across|outside|around)\s+$")


def craft_context(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` stands where a craft's name does: right after a vessel's or a
    craft's kind in lower case ("the space probe Tarvo", ``_CRAFT_BEFORE``) or right before a spacecraft's
    kind ("the Tarvo orbiter", ``_CRAFT_AFTER``), unless in capitals there: an agency's acronym names the
    craft's owner ("the NASA spacecraft", "an ESA orbiter")."""
    craft = _CRAFT_BEFORE.search(text, max(0, start - 30), start)
    return bool((craft and "," not in craft.group()) or (_CRAFT_AFTER.match(text, end) and not text[start:end].isupper()))


def _written_as_place(text: str, m: Mention) -> bool:
    """Whether the page writes mention ``m``, which the tagger read as a place, as one: bare after a
    preposition of place ("residents of Kursk") or in a bare possessive ("Estonia's government"), where a
    craft's name takes its article ("aboard the Kursk", "the Estonia's bow")."""
    before = text[max(0, m.start - 16):m.start]
    return m.label == "LOC" and (bool(_BARE_PLACE_BEFORE.search(before)) or (
        text.startswith(("'s", "’s"), m.end) and not re.search(r"\b[Tt]he\s+$", before)))


def _crafts_named(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name the article writes right after a vessel's or a craft's kind in lower case ("the nuclear
    submarine Kestrel", "the space shuttle Atlantis", "the aircraft carrier Tom Vell"), or after a navy's
    prefix ("USS Tarvo"), or a name the tagger read as a person's right before a spacecraft's kind ("the Tarvo
    spacecraft", "the Tarvo orbiter": no person modifies a craft; ``_CRAFT_AFTER``), or joined by a conjunction (``_LIST_JOINT``) to such a name after a kind in the plural ("aircraft carriers
    Vell and Tarvo"; not "the submarine Kestrel and Russia"), names that craft everywhere in it (CoNLL's
    MISC: "The Tom Vell leads a battle group"), not the place, body or person the tagger read ("Kursk" is
    a town too, "Galileo" a man); one after a celestial body's kind ("Jupiter's moon Io", "the planet
    Tarvo") is a place. A people's word is left alone, and so is a mention elsewhere that the page writes as
    the place the craft is named after (``_written_as_place``: "the ferry Estonia" ... "Estonia's government"),
    and one it lists with another place is that place (``_listed_with_a_place``: "Sweden and Estonia")."""
    kinds: dict[str, str] = {}
    named: set[int] = set()  # the starts of the names right after a kind or a prefix
    here: set[int] = set()  # the starts of full names before a craft's kind, the craft at that place only
    plural: Mention | None = None  # the last name after a kind in the plural ("carriers Vell")
    for m in mentions:
        before = text[max(0, m.start - 30):m.start]
        words = m.text.split()
        if not _people_word(m.text):
            prefixed = len(words) > 1 and words[0] in _NAVY_PREFIXES
            craft, body = _CRAFT_BEFORE.search(before), _BODY_BEFORE.search(before)
            if craft and "," in craft.group() and not _APPOSITION_CLOSE.match(text, m.end):
                craft = None  # ("two submarines, the Navy had": no apposition)
            kind_after = m.label == "PERSON" and _CRAFT_AFTER.match(text, m.end) is not None
            if craft or prefixed or body or kind_after:
                named.add(m.start)
            if kind_after and len(words) > 1 and not (craft or prefixed):
                here.add(m.start)  # a full name names the craft there only, elsewhere whom it honours ("James Webb")
            elif craft or prefixed or kind_after:
                kinds[m.text] = "MISC"
                if prefixed:
                    kinds[" ".join(words[1:])] = "MISC"  # "RMS Tarvo" ... "the Tarvo"
            elif body:
                kinds[m.text] = "LOC"
            elif plural is not None and _LIST_JOINT.fullmatch(text, plural.end, m.start):
                kinds[m.text] = kinds[plural.text]
            kind = craft or body
            plural = m if kind is not None and kind.group(kind.lastindex or 0).rstrip().endswith("s") else None
        else:
            plural = None
    if not kinds and not here:
        return mentions
    out = []
    for i, m in enumerate(mentions):
        label = "MISC" if m.start in here else m.label
        if m.text in kinds and m.start not in named and _listed_with_a_place(text, mentions, i, kinds):
            label = "LOC"
        elif m.text in kinds and (m.start in named or not _written_as_place(text, m)):
            label = kinds[m.text]
        out.append(m if label == m.label else dataclasses.replace(m, label=label))
    return out


def _listed_with_a_place(text: str, mentions: Sequence[Mention], i: int, kinds: Mapping[str, str]) -> bool:
    """Whether the page writes mention ``i`` in a list with a place that names no craft ("Sweden and
    Estonia", "Estonia , Latvia" after "the ferry Estonia"): then it is that place, whatever the tagger read."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(mentions) and mentions[j].label == "LOC" and mentions[j].text not in kinds:
            a, b = (mentions[j].end, mentions[i].start) if j < i else (mentions[i].end, mentions[j].start)
            if _LIST_LINK.fullmatch(text, a, b):
                return True
    return False


# the broadcast bands, which name no station on their own ("89.3 FM", "on FM", "FM radio"; "Joy FM" is one)
_BANDS = frozenset(["AM", "FM"])
_BAND_AFTER = re.compile(r"\s*(?:/|radio|frequenc|relay|network|band|dial|station|transmitter)", re.IGNORECASE)


# a fact box's label of a list of works ("Hits:", "Best-known songs:", "Famous books :"), opening a line or a
# sentence with a capital (not a sentence's "... sells books: Tom Reed, the owner, said"), and where the
# list ends: its line's end or a sentence's stop, within ``_LIST_CHARS`` characters
_WORKS = ("Hits?", "Songs?", "Singles", "Albums?", "Books?", "Novels?", "Films?", "Movies?", "Poems?")
_WORKS_LABEL = re.compile(r"(?:^|(?<=\n)|(?<=[.!?;][ ]))[ \t]*(?:[A-Z][\w'’-]*[ ]+(?:[a-z][\w'’-]*[ ]+)?(?:"
                          + "|".join(f"[{w[0]}{w[0].lower()}]{w[1:]}" for w in _WORKS) + ")|(?:" + "|".join(_WORKS)
                          + "))[ ]?:[ ]*")
_LIST_END = re.compile(r"\n|[.!?;](?:[ ]|$)")
_LIST_CHARS = 300
# what stands around one item of such a list: the label, a comma or "and" before it; a comma, "and", a
# bracket (a year) or the list's end after it, quotes allowed
_QUOTE_OPEN = re.compile(r"[\"“‘']?")
_ITEM_BEFORE = re.compile(r"(?:,|\band)[ ]*[\"“‘']?$")
# (not an apposition: "Anna Marsh, the agent, said")
_ITEM_AFTER = re.compile(r"[\"”’']?[ ]*(?:,(?![ ]*(?:the|a|an|his|her|their|its)\b)|\(|and\b|$)")


def _works_listed(text: str, mentions: list[Mention]) -> list[Mention]:
    """A name that is a whole item of a fact box's list of works ("Hits: Blue Morning, Paper Moon",
    "Best-known songs : Marta Lane , Night Train") is a work's title (CoNLL's MISC), not the person,
    body or place the tagger read in a title's capitals."""
    if not mentions:
        return mentions
    starts = [m.start for m in mentions]
    out = list(mentions)
    for label in _WORKS_LABEL.finditer(text):
        a = label.end()
        stop = _LIST_END.search(text, a, a + _LIST_CHARS)
        b = stop.start() if stop else min(len(text), a + _LIST_CHARS)
        for i in range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)):
            m = out[i]
            first = _QUOTE_OPEN.match(text, a, m.start)
            if (m.end <= b and m.label != "MISC" and _ITEM_AFTER.match(text, m.end, b)
                    and ((first is not None and first.end() == m.start)
                         or _ITEM_BEFORE.search(text, max(a, m.start - 8), m.start))):
                out[i] = dataclasses.replace(m, label="MISC")
    return out


def _band(text: str, m: Mention) -> bool:
    """Whether ``m`` is a broadcast band alone: after a frequency ("89.3 FM"), after "on" ("broadcasting
    on FM in Haiti") or before a word of broadcasting ("FM radio", "AM/FM"); not "the FM spokesman"."""
    if m.text not in _BANDS:
        return False
    before = text[max(0, m.start - 12):m.start]
    return bool(re.search(r"(?:\d|\bon\s|/)\s*$", before) or _BAND_AFTER.match(text, m.end))


_LOWER_RUN = re.compile(r"[a-z][a-z-]+")  # a word of lower-case letters and hyphens


def _spelled_before(text: str, acronym: str, head: str) -> bool:
    """Does ``text`` write ``head`` after up to len(acronym) - 1 lower-case words that, with it, spell
    ``acronym`` ("demilitarized zone" for "DMZ")?"""
    for hm in re.finditer(r"(?<![\w-])%s\b" % re.escape(head), text):
        words = text[max(0, hm.start() - 120):hm.start()].split()[-(len(acronym) - 1):]
        run: list[str] = []
        for word in reversed(words):  # the lower-case words right before the head
            if not _LOWER_RUN.fullmatch(word):
                break
            run.insert(0, word)
        if any(_spelled_by(acronym, " ".join(run[-k:]) + " " + head) for k in range(1, len(run) + 1)):
            return True
    return False


_EDGE_MARK = re.compile(r"[!?,;:\"“”'‘’()\[\]]+")


_CLOSING = {")": "(", "]": "["}
_OPENING = {o: c for c, o in _CLOSING.items()}


def _inner_pair(toks: Sequence[str], s: int, e: int, k: int) -> bool:
    """Whether the bracket toks[k], at an edge of the span toks[s:e], pairs a bracket within it that
    a word of the name precedes or follows ("Vorek ( T )", "( Dave ) Pellow"; not "( Reuters )")."""
    if toks[k] in _CLOSING:
        return any(toks[j] == _CLOSING[toks[k]] for j in range(s + 1, k))
    closing = _OPENING.get(toks[k])
    return closing is not None and any(toks[j] == closing for j in range(k + 1, e - 1))


def _without_edge_marks(toks: Sequence[str], s: int, e: int) -> tuple[int, int]:
    """A tagged span without the marks at its edges ("USA !!!!!" -> "USA"), but for a name's own single
    "!" or "?" ("Yahoo !", "Jeopardy!"), an abbreviation's dot and a bracket that pairs one inside
    the name ("Vorek ( T )", "( Dave ) Pellow")."""
    def run(ks: Sequence[int]) -> int:
        n = 0
        for k in ks:
            if not _EDGE_MARK.fullmatch(toks[k]) or _inner_pair(toks, s, e, k):
                break
            n += 1
        marks = [toks[k] for k in ks[:n]]
        return 0 if n == 1 and marks[0] in ("!", "?") else n

    e -= run(range(e - 1, s - 1, -1))
    s += run(range(s, e))
    return s, e


def _turn_speakers(text: str, mentions: list[Mention]) -> list[Mention]:
    """In a transcript, a name the tagger found as a turn's label ("WOLF BLITZER, CNN ANCHOR:",
    "BLITZER:") is a person's: capitals alone had read as a place or an organisation. A transcript:
    one whose turns read as speech, or whose labels call someone by a full name and then by the last
    word of it alone (run-in heads do not: "AUSTRALIA:", "PRICE RANGE:")."""
    from .quotes import is_anonymous_label, speaker_labels, transcript_labels

    labels = speaker_labels(text)
    if not labels:
        return mentions
    said = transcript_labels(text, labels=labels)
    if not said:
        alone = {m.group("name") for m in labels if " " not in m.group("name")}
        full = {m.group("name").split()[-1] for m in labels if " " in m.group("name")}
        said = [m for m in labels if m.group("name").split()[-1] in alone & full]
    names = {(m.start("name"), m.end("name")) for m in said if not is_anonymous_label(m.group("name"))}
    if not names:
        return mentions
    return [dataclasses.replace(m, label="PERSON") if (m.start, m.end) in names and m.label != "PERSON" else m
            for m in mentions]


def continued_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """The names of a tag sequence, where a name the tagger continued with an inside tag of another type
    ("Radio/B-LOC City/I-LOC Music/I-PER Hall/I-PER", "Civil/B-MISC War/I-MISC Conservation/I-ORG
    Corps/I-ORG") is one name of the type it ends with: an inside tag says the name goes on, and its last
    words, the name's head, tell its kind. (``bio_spans`` cuts there, as the conlleval rules do.)"""
    out: list[tuple[int, int, str]] = []
    for a, b, typ in bio_spans(tags):
        if out and out[-1][1] == a and tags[a].startswith("I-"):
            a = out.pop()[0]
        out.append((a, b, typ))
    return out


def recognize_entities(text: str, mode: str = "accurate", *, article_id: str = "",
                       roles: bool = True) -> list[Mention]:
    """Named-entity mentions in ``text`` (character offsets), in text order.

    ``mode`` is ``"accurate"`` (default) or ``"fast"``. With ``roles`` a person's title or
    apposition is attached as ``Mention.role``.
    """
    if not text or not text.strip():
        return []
    sent_spans = _sentence_token_spans(text, mode)
    # (a tokenized text's brackets read as the brackets the tagger was trained on)
    sents = [[PTB_BRACKETS.get(text[a:b], text[a:b]) for a, b in sp] for sp in sent_spans]
    tags = tag_tokens(sents, mode)
    mentions: list[Mention] = []
    titled: set[str] = set()
    unsure: set[int] = set()  # the starts of names before an office's title ("Obama" of "Obama Treasury Secretary ...")
    repaired = _page_headings(sents, _page_table(sents, _page_results(sents, [repair_spans(toks, continued_spans(tg))
                                                                           for toks, tg in zip(sents, tags)])))
    for sp, toks, found in zip(sent_spans, sents, repaired):
        for s, e, typ in found:
            s, e = _without_edge_marks(toks, s, e)
            if s >= e:
                continue
            a, b = sp[s][0], sp[e - 1][1]
            mentions.append(Mention(start=a, end=b, text=text[a:b], label=LABEL_MAP.get(typ, "MISC"),
                                    article_id=article_id))
            if typ == "PER" and e - s >= 2 and _after_title(toks, s):
                titled.add(text[a:b])
            if _opens_title(toks, e):
                unsure.add(a)
    mentions = _split_at_person_of(split_joined_names(_propagate_person_names(text, sent_spans, mentions, article_id)), text)
    mentions = _acronym_places(text, _consistent_labels(_people_who(text, _kin_people(text, mentions)), frozenset(titled), text,
                                                         frozenset(unsure)))
    mentions = _short_names(text, mentions)
    mentions = _capitals_as_body(text, sent_spans, _teams_read_as_people(
        text, _teams_named_for_towns(text, _places_by_their_kind(text, _places_after_in(text, mentions)))))
    mentions = _possessive_companies(text, mentions)
    mentions = [m for m in _crafts_named(text, _products(text, _kind_named_orgs(text, mentions))) if not _band(text, m)]
    if ":" in text:
        mentions = _turn_speakers(text, _works_listed(text, mentions))
    if roles:
        from .ner_roles import attach_roles
        from .sentences import headline_end

        mentions = attach_roles(text, mentions, sorted(sp[-1][1] for sp in sent_spans if sp), headline_end(text))
    return mentions
