"""Text features for the summarizer (internal): tokens, stems, concepts, sentence checks.

A *concept* is a stemmed word bigram that is not made of stop words only (Gillick & Favre 2009);
a sentence's concepts are the set of them it contains. Stems come from the Snowball English
stemmer, cached per word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Sequence

from ..analyze.ner_features import PTB_BRACKETS
from ..analyze.ner_roles import DEMONYM_END, DEMONYM_ENDINGS, ROLE_HEADS, ROLE_MODS
from ..analyze.quotes import CUE_VERBS
from ..analyze.sentences import (NEWS_AGENCIES, WIRE_AGENCIES, byline_end, has_verb_cue, has_verb_word, sentence_spans,
                                 stamp_only)
from ..analyze.timex import IRREGULAR_PAST, MONTH_NAMES, MONTHS, UNITS, WEEKDAY_NAMES, WEEKDAYS
from ..records import Article
from .disagreements import stated_numbers
from .stopwords import ENGLISH_STOP_WORDS

__all__ = [
    "supports",
    "cut_off",
    "ends_sentence",
    "date_line_end",
    "fact_stems",
    "STOP",
    "tokens",
    "stems",
    "content_stems",
    "bigram_concepts",
    "count_words",
    "truncate_bytes",
    "truncate_words",
    "is_dangling",
    "is_candidate_shape",
    "furniture_phrase",
    "furniture_phrase_rows",
    "compress",
    "trim_span",
    "lower_dateline_end",
    "lower_cased_page",
    "lower_caption",
    "credited_caption",
    "closing_definite_speaker",
    "late_pronoun_subject",
    "count_definite_heads",
    "dateline_place",
    "placed_here",
    "lower_furniture_end",
    "lower_page_open_end",
    "lower_page_caption",
    "sentence_case",
    "text_features",
    "token_info",
    "names_actor",
    "stem_many",
]

_TOKEN = re.compile(r"[a-z0-9]+")
STOP = ENGLISH_STOP_WORDS | frozenset({
    "said", "says", "say", "told", "mr", "mrs", "ms", "dr", "s", "t", "ll", "ve", "re", "d", "m",
    "also", "would", "could", "one", "new", "year", "years", "like", "just", "get", "got",
})

_DANGLING = re.compile(
    r"^[\"“'‘`(\[]*(?:He|She|It|They|His|Her|Its|Their|Them|Him|This|That|These|Those|But|And|Also|However|"
    r"Meanwhile|Still|Yet|So|Then|Instead|There|Here|Such|Both|Nor|Or|Moreover|Furthermore|Besides|"
    r"Later|Earlier|Afterward|Afterwards|Thus|Hence|Therefore|Otherwise|Nevertheless|Nonetheless|"
    r"Similarly|Likewise|Indeed|In addition|At the same time|The same|Another|Other|Others|"
    r"On the other hand|As a result|After that|Since then|By then|Which|Whereupon)\b"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|we|We|we're|We're|my|My|our|Our|me|us|you|You|your|Your)\b")
# a heading or a speaker label: up to four words, or a transcript's label in capitals with the
# speaker's title ("BARACK OBAMA, PRESIDENT OF THE UNITED STATES: ...")
_LABEL_OPENER = re.compile(r"^[^\W\d][\w'’-]*(?:\s+[\w'’-]+){0,3}\s?:\s|^[A-Z][A-Z'’.-]*(?:[\s,]+[A-Z][A-Z'’.-]*)+\s*:\s"
                           r"|^Q\.\s")   # an interview's question ("Q. Earlier this month ...")
# page furniture a scraped page keeps (comment threads, sharing and moderation lines), and a
# broadcast transcript's noise: words prose does not use (plain substring tests: this runs on
# every sentence of every summary)
_FURNITURE_LOWER = ("report abuse", "not pre-screened", "click here", "all rights reserved", "follow us on",
                    # a paper's print note, a programme's listing, a monitoring service's tag
                    "a version appeared on p", "available until", "bbc monitoring",
                    "uk time,", "uk time |", "uk time ,",
                    # an archived copy's notice about the archive's crawls ("These crawls are part of an
                    # effort to archive pages as they are created ..."), a newsletter's sign-up box
                    "donating their crawl data", "crawls are part of an effort", "as the pages that are referenced",
                    "focused crawls are", "no more 404", "thanks for signing up",
                    # a player's notice where the page had a video ("you need to have both Javascript
                    # enabled and Flash installed")
                    "javascript enabled", "enable javascript", "flash installed", "flash player",
                    "may need adobe reader",
                    # a page's video player where it could not play ("Cannot play media. Sorry, this media
                    # is not available in your territory.", "Media playback is unsupported on your device")
                    "not play media", "cannot play media", "media is not available", "media playback is unsupported")
# a broadcaster's page keeps its bullet points and its picture captions glued to the text, where they
# end is unknown: "Story highlights ...", "Image copyright AP Image caption ..."
_FURNITURE_START = ("story highlights", "image copyright", "image caption")
# a wire desk's editing notes ("Hamas is, 2nd graf pvs", "graf 3 pvs", "SUBS 3rd graf")
# a wire's editing tag on a line of its own ("[CORRECTED 05:30 GMT]", "(Corrects spelling of name in
# paragraph 3)", "(Updates with details)"): a note to editors, no event
_EDIT_TAG = re.compile(r"^\s*[\[(]\s*(?:CORRECTED|CORRECTS?|CORRECTION|UPDATED|UPDATES?|REFILED|REFILES?|REPEATED|REPEATS?|"
                       r"RECASTS?|ADDS|WRITETHRU|FIXES)\b[^\[\]()]{0,100}[\])]\s*\.?\s*$", re.IGNORECASE)
_WIRE_NOTE = re.compile(r"\b(?:\d+(?:st|nd|rd|th)\s+graf|graf\s+\d+|graf\s+pvs)\b", re.IGNORECASE)
# a telephone number: a desk's contact line, a syndicate's sales office, a tip line ("call 1-800-444-0267",
# "(817) 390-7614", "at 703-691-2131"): whom to call, not what happened
_PHONE = re.compile(r"(?:\(\d{3}\)\s*|\b(?:1-)?\d{3}[-.])\d{3}[-.]\d{4}\b|\b1-8\d\d-[\dA-Z]{3}-[\dA-Z]{4}\b")
# what every form of ``_PHONE`` holds, three digits, a dash or a dot, three more: a cheap test first, written to
# scan for the dash or dot (a fast scan for one character class) and look back for the digits only there
_PHONE_HINT = re.compile(r"[-.](?<=\d{3}[-.])[\dA-Z]{3}")
_FURNITURE_CAPS = ("RETWEET", "INAUDIBLE", "CROSSTALK", "UNINTELLIGIBLE", "VIDEOTAPE", "COMMERCIAL BREAK")
# a photo credit glued to what follows ("AP Photo\/Transocean BP has begun ...", "Photo credits: REUTERS/...")
_CREDIT_OPEN = re.compile(r"^(?:(?:AP|AFP|Reuters|REUTERS|Getty(?:\s+Images)?|EPA)\s+Photos?\s*\\?/|Photo\s+credits?:"
                          r"|(?:YES|Yes)\s*\|\s*(?:NO|No)\b)")  # a reader poll's buttons: "YES | NO Egyptian President ..."


# a fact box's field run into the text: a label of one to four words opening on a capital, a colon,
# then its value ("Born : August 29 , 1958 , Gary , Indiana Also known as : ...", "Age: 50 Hometown:
# Dallas"); the label stands at the text's start or after a value (a capitalised word, a figure),
# never after a lower-case word ("... where Plato asks: ..." is prose) nor in brackets (a page's stamp:
# "(Updated: 1:19 a.m. Monday)")
_FIELD = re.compile(r"(?:^|(?<=\s))(?<![a-z]\s)(?<!-LRB-\s)([A-Z][\w'’-]*(?:\s+(?:\w|['’]\w)[\w'’.-]*){0,3}?)\s?:\s")
# a label that is a clause's subject and verb, a speaker's ("She added: ...", "Plato asks: ...")
_NO_FIELD_OPEN = frozenset("i he she it we they you this that there".split())
# a chronology's day ("June 25 : ... 7 May 2009 : ..."): a dated entry a timeline wants, no fact box's field
_DAY_LABEL = re.compile(rf"\d|\b{MONTH_NAMES}\b|\b{WEEKDAY_NAMES}\b")


def label_run(text: str, least: int = 2) -> bool:
    """Whether ``text`` holds ``least`` fields or more of a fact box, a list of headlines or a transcript
    run into one sentence ("Born : August 29 , 1958 , Gary , Indiana , US Also known as : The King of
    Pop", "Clinton : Gadhafi should step down Daughter : ..."): labels and values, no prose a summary,
    a timeline or a quote can stand on."""
    if text.count(":") < least:
        return False
    n = 0
    for m in _FIELD.finditer(text):
        words = m.group(1).lower().split()
        if words[0] not in _NO_FIELD_OPEN and words[-1] not in CUE_VERBS and not _DAY_LABEL.search(m.group(1)):
            n += 1
            if n >= least:
                return True
    return False


def _holds_any(text: str, parts: Sequence[str]) -> bool:
    """``any(p in text for p in parts)`` by a plain loop (half the cost of the generator's, on
    every sentence of every summary)."""
    for p in parts:
        if p in text:
            return True
    return False


def furniture_phrase(text: str) -> bool:
    """Whether ``text`` holds one of the words of page furniture or transcript noise that ``is_furniture``
    looks for anywhere in a sentence ("Report abuse", "(INAUDIBLE)"; ``_FURNITURE_CAPS`` as written,
    ``_FURNITURE_LOWER`` in any case). None of them holds a line break, so a story's sentences joined by
    line breaks hold one exactly when one of the sentences does: one scan tells it for all of them."""
    return _holds_any(text, _FURNITURE_CAPS) or _holds_any(text.lower(), _FURNITURE_LOWER)


def furniture_phrase_rows(texts: Sequence[str]) -> set[int]:
    """The positions of the ``texts`` holding one of ``furniture_phrase``'s words, looked for in all of them
    at once first (most stories hold none)."""
    if not furniture_phrase("\n".join(texts)):
        return set()
    return {k for k, t in enumerate(texts) if furniture_phrase(t)}


def is_furniture(text: str, phrases: bool = True) -> bool:
    """Whether a sentence is page furniture or transcript noise (a date stamp alone, "January 30, 2011 at 10:18 am |
    Report abuse | ...", "Comments are not pre-screened before they post.", "(INAUDIBLE)"), a contact
    line with a telephone number ("Questions should be directed to ... 800-950-3739"), or opens
    with a photo credit ("AP Photo/Transocean BP has begun ...": where the credit ends is unknown) or
    a reader poll's buttons ("YES | NO Egyptian President Hosni Mubarak stepped down ..."), or runs a fact
    box's fields together (``label_run``). ``phrases=False`` tells that the text holds none of
    ``furniture_phrase``'s words (the caller tested its story's sentences at once), which are then not looked for."""
    if (phrases and _holds_any(text, _FURNITURE_CAPS)) or _CREDIT_OPEN.match(text) or stamp_only(text) \
            or label_run(text):
        return True
    low = text.lower()
    return (phrases and _holds_any(low, _FURNITURE_LOWER)) or low.lstrip(" \"“'‘(").startswith(_FURNITURE_START) \
        or ("graf" in low and bool(_WIRE_NOTE.search(text))) \
        or (bool(_PHONE_HINT.search(text)) and bool(_PHONE.search(text))) or bool(_EDIT_TAG.match(text))


# "Let's talk about ...": a transcript's talk; "Let the Egyptians remember ...", "Let us hope ...": a
# columnist's call
_LETS = re.compile(r"Let\s?['’]s\b|Let\s+(?:us|me|the|them|him|her|it|this|that|there|no|every|all)\s")
_QUOTE_OPEN = re.compile(r"^\s*(?:``|\"|“|''|')")


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    """The Snowball English stemmer: PyStemmer's (C) without its own word cache (the callers cache
    stems; PyStemmer's cache made every new word cost 3x more), else snowballstemmer's."""
    try:
        import Stemmer

        return Stemmer.Stemmer("english", 0)
    except ImportError:  # pragma: no cover - PyStemmer is a dependency
        import snowballstemmer

        return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def stem_many(words: list[str]) -> list[str]:
    """The stems of ``words`` in one call of the stemmer (``_stem`` of each, with less overhead)."""
    return [str(w) for w in _stemmer().stemWords(words)]


def tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens (the same split ROUGE uses)."""
    return _TOKEN.findall(text.lower())


def stems(text: str) -> list[str]:
    return [_stem(t) for t in tokens(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the tokens that are neither stop words nor single characters."""
    return [_stem(t) for t in tokens(text) if t not in STOP and len(t) > 1]


NUMBER_WORDS = frozenset("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                          "fifteen sixteen seventeen eighteen nineteen twenty".split())
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_TITLE_WORDS = ROLE_HEADS | ROLE_MODS


def fact_stems(text: str) -> set[str]:
    """Stems of the content words that tell what happened: lower-case words that are not stop words
    (names, which every article of a story repeats, and numbers are left out, and so is a title
    before a name, "chief executive" in "chief executive Dariusz Kowalczyk met families")."""
    words = _WORDS.findall(text)
    out = set()
    for i, w in enumerate(words):
        if w[0].isupper():
            continue
        lw = w.lower()
        # (``_titles_name`` holds only for a title word: the set test first)
        if lw in STOP or len(lw) < 3 or lw in NUMBER_WORDS or (lw in _TITLE_WORDS and _titles_name(words, i)):
            continue
        out.add(_stem(lw))
    return out


def _titles_name(words: Sequence[str], i: int) -> bool:
    """Whether lower-case ``words[i]`` is part of a title just before a name: role words up to a
    capitalised word ("chief executive Dariusz", "presidential spokesman Kim")."""
    j = i
    while j < len(words) and words[j][0].islower() and words[j].lower() in _TITLE_WORDS:
        j += 1
    return j > i and j < len(words) and words[j][0].isupper()


# a verb told as expected, planned or possible, not as done: "are expected to arrive", "will resume"
_EXPECTED = re.compile(r"\b(?:(?:expected|scheduled|due|set|slated|planned|plans?|hopes?|hoped|going|is|are|was|were)"
                       r"\s+to|will|would|could|may|might|shall|'ll)\s+(?:not\s+)?(?:be\s+|have\s+)?([a-z]{3,})\b",
                       re.IGNORECASE)


def _expected_stems(sentence: str) -> frozenset[str]:
    return frozenset(_stem(m.group(1).lower()) for m in _EXPECTED.finditer(sentence))


def _done_stems(sentence: str) -> frozenset[str]:
    """The stems of the verbs a sentence tells in the past ("arrived", "began")."""
    return frozenset(_stem(w) for w in re.findall(r"[a-z]+", sentence.lower())
                     if (len(w) > 4 and w.endswith("ed")) or w in IRREGULAR_PAST)


def supports(claim: str, other: str, coverage: float = 0.5) -> bool:
    """Whether ``other`` (a sentence of another article) carries the fact of ``claim`` (a summary
    sentence): it states none of the claim's numbers while stating others of its own ("12 cars" for
    "Fourteen cars"), it tells as expected what the claim tells as done ("are expected to arrive on
    Thursday" for "arrived on Thursday"), or it shares under ``coverage`` of the claim's fact words (a
    sentence on the same people saying something else) -> False. A claim of names alone is not judged
    by words."""
    (a, fa), (b, fb) = _facts(claim), _facts(other)
    if a and b and not a & b:
        return False
    # (the word test before the verbs' (their reading costs more): each test alone can say False)
    if coverage > 0 and fa and len(fa & fb) < max(1, round(coverage * len(fa))):
        return False  # (coverage <= 0 or no fact word: numbers only, or a claim of names alone)
    expected = _expected_stems(other)
    return not (expected and not _EXPECTED.search(claim) and expected & _done_stems(claim))


_CONDITION = re.compile(r"\b(?:if|unless|provided\s+that|in\s+case)\b", re.IGNORECASE)


def carries_whole(claim: str, other: str) -> bool:
    """Whether ``other`` can carry the whole of ``claim``, as a citation says: it states one of the
    claim's numbers when the claim states any ("has won stage 13" is not carried by "also won
    yesterday's stage"), and it does not make a condition of what the claim states as a fact ("If
    there is evidence of a crime, the case will be shifted to the FBI" does not carry "The FBI is
    taking over the case")."""
    a = fact_numbers(claim)
    if a and not a & fact_numbers(other):
        return False
    return not (_CONDITION.search(other) and not _CONDITION.search(claim))


def fact_words(sentence: str) -> frozenset[str]:
    """The stems of a sentence's fact words (``fact_stems``), cached."""
    return _facts(sentence)[1]


def fact_numbers(sentence: str) -> frozenset[float]:
    """The numbers a sentence states (``stated_numbers``), cached."""
    return _facts(sentence)[0]


@lru_cache(maxsize=4096)
def _facts(sentence: str) -> tuple[frozenset[float], frozenset[str]]:
    """(numbers, fact words) of a sentence, read once: a summary sentence is checked against a
    sentence of every other article, and a timeline group's first event against every later one."""
    return frozenset(stated_numbers(sentence)), frozenset(fact_stems(sentence))


def bigram_concepts(text: str) -> set[str]:
    """The stemmed bigrams of ``text`` that hold at least one content word."""
    toks = tokens(text)
    out: set[str] = set()
    for a, b in zip(toks, toks[1:]):
        if (a in STOP or len(a) < 2) and (b in STOP or len(b) < 2):
            continue
        out.add(_stem(a) + " " + _stem(b))
    return out


_TOKEN_INFO: dict[str, tuple[str, bool]] = {}


def token_info(t: str) -> tuple[str, bool]:
    """(stem, is a content word) of a lower-cased token, cached."""
    got = _TOKEN_INFO.get(t)
    if got is None:
        if len(_TOKEN_INFO) > 500_000:
            _TOKEN_INFO.clear()
        got = _TOKEN_INFO[t] = (_stem(t), t not in STOP and len(t) > 1)
    return got


def text_features(text: str) -> tuple[list[str], list[bool], list[str], set[str]]:
    """(stems of all tokens, which tokens are content words, stems of the content tokens, bigram
    concepts) in one pass."""
    info = [token_info(t) for t in _TOKEN.findall(text.lower())]
    st = [x[0] for x in info]
    mask = [x[1] for x in info]
    content = [x[0] for x in info if x[1]]
    bigrams = {a[0] + " " + b[0] for a, b in zip(info, info[1:]) if a[1] or b[1]}
    return st, mask, content, bigrams


def count_words(text: str) -> int:
    """Words as whitespace-separated tokens (what ``max_words`` counts)."""
    return len(text.split())


def truncate_bytes(text: str, max_bytes: int) -> str:
    """Cut ``text`` to at most ``max_bytes`` UTF-8 bytes, never inside a character."""
    raw = text.encode("utf-8")
    if len(raw) <= max_bytes:
        return text
    return raw[: max(0, max_bytes)].decode("utf-8", errors="ignore")


def truncate_words(text: str, max_words: int) -> str:
    """The prefix of ``text`` that ends with its ``max_words``-th whitespace-separated word."""
    if max_words <= 0:
        return ""
    if len(text.split()) <= max_words:
        return text
    m = _head_words(max_words).match(text)     # one C-level match, not a Python loop over words
    return text[: m.end()] if m else text


@lru_cache(maxsize=1024)
def _head_words(n: int) -> re.Pattern[str]:
    """Matches ``text`` up to the end of its ``n``-th run of non-space characters (the ``n``-th
    match of ``\\S+``)."""
    return re.compile(r"\s*(?:\S+\s+){%d}\S+" % (n - 1))


_EARLY_THEN = re.compile(r"^(?:\S+\s+){1,8}?then\s+(?!\w+\s+(?:than|if)\b)", re.IGNORECASE)


_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                       "january", "february", "march", "april", "may", "june", "july", "august",
                       "september", "october", "november", "december"})
_NAME_JOINERS = frozenset({"of", "de", "da", "del", "du", "van", "von", "bin", "al", "la", "le", "and", "&"})
_DEMONYM_ENDS = (*DEMONYM_ENDINGS, "ch")     # Korean, Chinese, British, Israeli; French
_EDGE = "\"“”'‘’`()[],.;:!?"


def names_actor(text: str, common: Callable[[str], bool] = lambda w: False, within: int = 5) -> bool:
    """True when a proper name opens the sentence's subject: a run of capitalised words (with
    joiners such as "of") starting among its first ``within`` words ("Kim Jong Un arrived...",
    "Opposition leader Tomas Reyl arrived...", "Kim's trip comes..."); False when the actor is
    only described ("The North Korean leader is said to...", "Chinese state media reported that
    Kim...") or the sentence opens otherwise ("In this photo...", "Tuesday also happens...").
    Runs that do not name: function and calendar words, one or two words ending like a demonym
    before a lower-case word ("North Korean leader"), and words that ``common(word)`` says the
    source writes in lower case elsewhere (a sentence-initial common noun such as "Officials")."""
    words = text.split()[:within + 8]
    i = 0
    while i < min(within, len(words)):
        core = words[i].strip(_EDGE)
        if not core[:1].isupper():
            i += 1
            continue
        run: list[str] = []
        j = i
        while j < len(words):
            w = words[j]
            core = w.strip(_EDGE)
            possessive = core.endswith(("'s", "’s"))
            core = core[:-2] if possessive else core
            if core[:1].isupper() or (run and core.lower() in _NAME_JOINERS):
                run.append(core)
                j += 1
                if possessive or w.rstrip("\"”’')]").endswith((",", ";", ":")):   # "Kim's ...", "Kim Jong Un, who ..."
                    break
            else:
                break
        before_lower = j < len(words) and words[j].strip(_EDGE)[:1].islower()
        while run and run[-1].lower() in _NAME_JOINERS:
            run.pop()
        names = [w for w in run if w.lower() not in STOP and w.lower() not in _CALENDAR]
        demonym = before_lower and 0 < len(names) <= 2 and names[-1].lower().endswith(_DEMONYM_ENDS)
        if names and not demonym and not all(common(w) for w in names):
            return True
        i = max(j, i + 1)
    return False


def is_dangling(text: str) -> bool:
    """True when the sentence leans on an earlier one ("He said...", "But the ...", "X then said")."""
    return bool(_DANGLING.match(text) or ("then" in text.lower() and _EARLY_THEN.match(text)))


# "The owners say that figure is ...", "This proposal would ...": a thing the sentence before named
_BACK_NP = re.compile(
    r"^(?:\S+\s+){0,6}?(?:this|that|these|those)\s+(?:[a-z-]+\s+)?(?:figures?|numbers?|proposals?|plans?|"
    r"moves?|decisions?|deals?|claims?|offers?|agreements?|reports?|ideas?|views?|positions?|statements?|"
    r"comments?|remarks?|incidents?|steps?|measures?|requests?|demands?|approach|threats?|warnings?|"
    r"estimates?|changes?|talks|efforts?|tactics?)\b", re.IGNORECASE)


# "The latter threat is key", "the former was ...", "Such a move ...", "All of these satellites ...",
# "Most of that aid ...": a pick among things named before
_BACK_PICK = re.compile(r"^(?:\S+\s+){0,3}?of\s+(?:this|that|these|those)\s+(?!(?:year|week|month|day|time|morning|"
                        r"afternoon|evening|night|weekend|summer|winter|spring|autumn|fall|decade|centur(?:y|ie))s?\b)[a-z]|"
                        r"^(?:\S+\s+){0,6}?the\s+latter\b|^(?:\S+\s+){0,6}?the\s+former\s*(?:[,;]|is\b|was\b|are\b|"
                        r"were\b|has\b|had\b|said\b|says\b)|^Such\s+(?:an?\s+)?[a-z]|"
                        r"^(?:(?:all|both|some|many|most|none|each|one|two|several)\s+of\s+)?(?:these|those)\b"
                        r"(?!\s+(?:days|years|weeks|months|hours|times|decades|who|whom|whose|with|without|in|"
                        r"at|from|on|of|under|over|aged|living|killed|injured|arrested|affected)\b)", re.IGNORECASE)


# "Next week, it will consider ...": a pronoun subject after an opening phrase
_LATE_PRONOUN = re.compile(r"^[\"“]?[A-Z][^,;:\"“”]{0,40},\s+(?:he|she|it|they|his|her|its|their)\s")

# ... and with no comma after the phrase ("On Thursday she won ...", "In 1988 he clashed with ..."): a reader's brief
_LATE_PRONOUN_BARE = re.compile(r"^[\"“]?(?:On|In|At|By|Last|Earlier|Later|Until|During|Since|Next)\s+"
                                r"(?:[\w.'’-]+\s+){1,3}?(?:he|she|they)\s+[a-z]")


def late_pronoun_subject(text: str) -> bool:
    """Whether ``text`` opens on a phrase of time or place and then a pronoun subject, with or without a comma
    between ("Next week, it will ...", "On Thursday she won ..."): the pronoun stands for one named before."""
    return bool(_LATE_PRONOUN.match(text) or _LATE_PRONOUN_BARE.match(text))

# "With that in mind, ...", "Despite this, ...": an opening phrase about what came before
_BACK_OPENER = re.compile(r"^(?:With|Given|Despite|Because of|After|Before|Beyond|Besides|For|Against|Like|Unlike|"
                          r"Apart from|Aside from|Other than|Except for|Along with|In spite of|Thanks to|Due to|"
                          r"As a result of|In response to|In addition to|On top of)\s+(?:that|this|these|those|it|them|"
                          r"all this)\b")


# "At that point, controllers lost contact ...", "Among those was ...", "Until then, ...": a time or a
# group the sentence before set; "Initially thought to have been the bomber." (no subject of its own);
# "The EU went on to state ...": a narration's next step
_BACK_SETTING = re.compile(
    r"^[\"“]?(?:(?:At|By)\s+(?:that|the\s+same)\s+(?:point|time|moment|stage)\b|By\s+this\s+time\b|Until\s+then\b"
    r"|Up\s+to\s+then\b|(?:Among|Of)\s+(?:them|those|these)\s+(?:was|were|is|are)\b|In\s+(?:that|either)\s+case\b"
    r"|At\s+the\s+time\s*,"
    r"|(?:(?:Initially|Originally|Previously|Once|Widely|Long)\s+)?(?:thought|believed|considered|described|regarded|"
    r"reported|presumed)\s+(?:to|as)\b[^,]*$)"
    r"|^[^,;:]{1,60}\bwent\s+on\s+to\s+(?:say|state|add|tell|describe|call|note|explain|warn|insist)\b")


# a broadcast's talk: "Obviously the story of the day is ...", "Well, we are watching ...", "Now,
# let me bring in ...": it answers or leads on from what was said before it
_TALK = re.compile(r"^[\"“'‘]*(?:(?:Well|Now|Look|Listen|Yes|Yeah|No|OK|Okay|Again|Anyway|Actually|Basically|"
                   r"Frankly|Honestly|Remember|Sure),|(?:Obviously|Of course|Clearly|Anyway|Actually|Basically|"
                   r"Okay|OK|Yeah|You know|I mean)\b)")


# a connective set off by commas early in the sentence: "The Islamic-oriented Virtue Party, however,
# withheld ...", "Police, meanwhile, ...": it answers a sentence the reader has not seen
_LATE_CONNECTIVE = re.compile(r"^[^,.;:]{1,80},\s+(?:however|meanwhile|though|nevertheless|nonetheless|"
                              r"moreover|furthermore|in turn|in contrast|by contrast|for (?:its|his|her|their) part|"
                              r"instead|too|also),\s", re.IGNORECASE)


# an item of a numbered list ("5) Ask other countries to arm the rebels.", "2. The fund must ..."): out
# of its list, whose list and whose advice it is are unknown; a tokenized corpus writes its bracket
# "5 -RRB- Ask ..." ("-LRB- 5 -RRB- Ask ...")
_LIST_ITEM = re.compile(r"\s*(?:\(|-LRB-\s?)?\d{1,2}(?:[.)]|\s?-RRB-)\s+[A-Z]")


def leans_back(text: str) -> bool:
    """True when the sentence points back with a demonstrative ("that figure", "this proposal")
    near its start or opens on a thing the sentence before named ("The proposal came as ...",
    "The issue was ..."), opens with a phrase and then a pronoun ("Next week, it will ..."), with a
    phrase about what came before ("With that in mind, ...", "At that point, ...", "Among those was ..."),
    with a broadcast's talk
    ("Obviously ...", "Well, ..."), sets off a connective early ("The party, however, ..."), or is an
    aside in brackets, or is an item of a numbered list: out of its article, the reader does
    not know what it points to. An exclamation ("The US is coming to help the people of Egypt!", a
    reader's comment) is no reporting either, nor what ought to be that no one is said to hold ("The
    IMF should calm investors by ...": an editorial's view), nor a subordinate clause alone ("When the
    agency says so.")."""
    return bool(_BACK_NP.match(text) or _BACK_THE.match(text) or _BACK_PICK.match(text) or _LATE_PRONOUN.match(text)
                or _BACK_OPENER.match(text) or _BACK_SETTING.search(text) or _TALK.match(text) or _CUT_SHORT.search(text)
                or _LATE_CONNECTIVE.match(text) or _LIST_ITEM.match(text)
                or _EXCLAIM.search(text) or _ASIDE.match(text) or _orphan_pronoun(text) or _opinion(text) or _BACK_POLL.match(text)
                or (_ENDS_ABOUT.search(text) and not _WH.search(text)) or bool(_CLAUSE_ALONE.match(text)))


# a poll named before, by its bare head: "The poll has a margin of error of 3 points.", "The survey found
# ...", "The poll's respondents ...", "The margin of error is 5 points." (not "The poll by the Marist Institute showed ...", which names it): out
# of its article, a reader does not know whose poll, nor when
_BACK_POLL = re.compile(r"^The\s+(?:new\s+|latest\s+|same\s+)?(?:poll|survey)(?:['’]s\s|\s+(?:has|had|is|was|were|also|"
                        r"found|finds|shows?|showed|surveyed|questioned|interviewed|asked|included|includes|gives?|"
                        r"gave|puts?)\b)|^(?:The|Its)\s+(?:sampling\s+)?margin\s+of\s+(?:sampling\s+)?error\b")


# a subordinate clause standing alone, an answer to the sentence before ("When the World Health
# Organization says so.", "Because the pumps failed."); "Since 1990 the index ..." is whole
_CLAUSE_ALONE = re.compile(r"(?:When|Because|Although|Though|Unless|Whether|If)\s+(?:[^\s,;:]+\s+){0,10}[^\s,;:]+\s?[.!]"
                           r"[\"”']?\s*$")


# a photo caption's shapes: a date and a colon before it ("Apr. 21: An oil slick is seen as the rig
# burns"), its present passive ("is pictured", "are seen outside the court", "is seen rising"), a
# credit in brackets at its end
# a wire photo's caption opens "In this June 19, 2018, file photo provided by ...", "FILE - In this
# undated photo ...", "In this image made from video ..."
_IN_THIS_PHOTO = (rf"(?:FILE\s*(?:PHOTO)?\s*[-–—:_]+\s*)?In\s+this\s+(?:(?:{MONTH_NAMES}|\d{{1,4}}|file|undated|handout|"
                  r"aerial|recent|satellite|combination|AP|AFP|Reuters)\s*,?\s+){0,5}"
                  r"(?:photos?|images?|pictures?|handout|frame\s+grab|screen\s*grab|video\s+(?:grab|image|still)|still)\b")
# such a caption's lead-in, to the comma before what the photo shows ("... News Agency, Chinese President
# Xi Jinping, right, shakes hands with ...")
PHOTO_LEAD = re.compile(_IN_THIS_PHOTO + r"[^,;:.]*,\s+")
# where a person stands in the photo (", right,", "(L)"), said only of the picture
PHOTO_PLACE = re.compile(r"\s*(?:,\s+(?:far\s+|second\s+from\s+|third\s+from\s+)?(?:left|right|centre|center|top|bottom|"
                         r"front|back|foreground|background)\s*,(?=\s)|\s\((?:L|R|C|left|right|center|centre)\))")
# what a person in a picture is shown doing, in a caption's present tense
_PICTURE_VERBS = (r"(?:speaks|addresses|gestures|waves|listens|looks|walks|arrives|attends|delivers|shakes|stands|sits|"
                  r"smiles|talks|greets|poses|reacts|holds|leaves|departs)")
# (three patterns, each tried only where it can match: one whole pattern searched every sentence
# for its opening shapes at every position)
_CAPTION_OPEN = re.compile(
    rf"(?:(?:AP|Reuters|AFP|Getty\s+Images|EPA)\s+)?{MONTH_NAMES}\s+\d{{1,2}}\s*:\s"
    rf"|{_IN_THIS_PHOTO}"
    # "This image made from video shows ..."
    r"|This\s+(?:(?:undated|handout|file|aerial|recent|satellite)\s+)*(?:photo|image|picture)\s+"
    r"(?:provided|released|taken|made|shows|obtained|courtesy|distributed|from)\b"
    # "President Trump addresses the media as he met with ...": a name, a picture's present verb
    rf"|(?:[A-Z][\w.'’-]*\s+){{1,6}}{_PICTURE_VERBS}\b[^.;]*?\b"
    r"(?:as|during|while)\s")
_CAPTION_SEEN = re.compile(r"\b(?:is|are)\s+(?:pictured\b|seen\s+(?:in|at|on|near|during|outside|inside|from|\w+ing)\b)")
_CAPTION_CREDIT = re.compile(r"[(\[](?:AP|Reuters|AFP|Getty|EPA)(?:\s+Photo)?(?:/[^)\]]*)?[)\]]\s*\.?$")


# an outlet's caveat about its own reporting ("CNN could not immediately confirm reports for many areas
# in Libya.", "The footage could not be independently verified."): no news of the story
_CAVEAT = re.compile(r"\b(?:could|can|was|were|has|have)\s*(?:not|n't|been\s+unable\s+to|unable\s+to)\s+"
                     r"(?:be\s+)?(?:(?:immediately|independently|yet)\s+)*(?:confirm|verif)", re.IGNORECASE)


def is_caveat(text: str) -> bool:
    """An outlet's caveat about what it could not confirm, not a fact of the story."""
    return bool(_CAVEAT.search(text)) and len(text.split()) <= 25


def caption_shape(text: str) -> bool:
    """A photo caption's shape: "Apr. 21: An oil slick is seen as the Deepwater Horizon oil rig burns
    in the Gulf of Mexico.", "Protesters are pictured outside the court.", "... (AP Photo/...)"."""
    return bool(_CAPTION_OPEN.match(text)) \
        or (("pictured" in text or "seen" in text) and bool(_CAPTION_SEEN.search(text))) \
        or (("(" in text or "[" in text) and bool(_CAPTION_CREDIT.search(text)))


def caption_like(text: str) -> bool:
    """A likely photo caption: no verb (``verbless``), or a caption's shape (``caption_shape``), or a
    video's blurb (``_VIDEO_BLURB``)."""
    return verbless(text) or caption_shape(text) or bool(_VIDEO_BLURB.match(text) and not _NOT_BLURB.search(text))


# a video's blurb on a broadcaster's page: its reporter, named, "reports from" a place, "describes" or
# "explains how" ("The BBC's Mark Doyle reports from a field hospital in Port-au-Prince.", "Matthew
# Price describes the grim scenes at a hospital.", "Helen Marsh has more on the flooding."): what the
# film shows, not news. A person's name of two or three words says it ("Witness reports on how ...",
# "Tesla reports on ...", "NASA reports from orbit show ..." are not), and news has its attribution,
# its day or its "has more than" ("Goldman Sachs reports on Tuesday ...", "... according to court
# papers", "Marco Rubio has more delegates ...")
_VIDEO_BLURB = re.compile(
    r"^(?:The\s+)?(?:(?:BBC|CNN|ITV|Sky|NBC|CBS|ABC|NPR|Al\s+Jazeera)\s?(?:'s|’s)\s+)?"
    r"(?:[A-Z][a-z]+\s+)?[A-Z][a-z][\w.'’-]*\s+[A-Z][\w.'’-]+\s+(?:[A-Z][\w.'’-]+\s+)?"
    r"(?:reports\s+(?:from|on)\b|describes\b|explains\s+(?:how|why|what)\b|sends\s+this\s+report\b|"
    r"has\s+(?:more|the\s+latest|this\s+report)(?=\s*(?:[.:]|on\b|here\b|from\b|$)))")
_NOT_BLURB = re.compile(r"\b(?:that|said|says|as|according\s+to|court\s+papers|next\s+week|"
                        r"in\s+an?\s+(?:letter|statement|filing|report|interview)|"
                        rf"{WEEKDAY_NAMES})\b")


_FIGURE = re.compile(r"(?<![\w.])[-+]?\.?\d[\d.,/:-]*(?![\w])")


def table_line(text: str) -> bool:
    """A table's row, a form's field or a heading, no sentence: no verb, and no letter in lower case
    ("TEXAS AT KANSAS CITY", "NEW YORK 72 53 .576 -") or two figures in eight words or fewer, the last
    word one ("Operating profit 9.75 vs 5.79"; not "Dorne beat Vask 6-5 on Thursday, August 22.")."""
    if not verbless(text):
        return False
    return text.upper() == text or (len(text.split()) <= 8 and len(_FIGURE.findall(text)) >= 2
                                    and text.rstrip()[-1:].isdigit())


def verbless(text: str) -> bool:
    """"Oil in the water at the site of the Deepwater Horizon oil spill.": likely a caption or a heading,
    no sentence. The cues miss plain present verbs ("Protesters demand ..."), so this only keeps a
    sentence from opening a summary; a long sentence is taken to have a verb."""
    return len(text.split()) <= 25 and not has_verb_cue(text)


_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself)\b", re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<=\s)[\"“'‘(]?([A-Z][\w.'’-]*)")
_NOT_NAMES = frozenset("I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
                       "June July August September October November December Jan. Feb. Mar. Apr. Aug. Sept. Sep. "
                       "Oct. Nov. Dec. He She His Her Him".split())


# a person the sentence itself introduces ("A 25-year-old man was arrested after he ..."), who can be
# what its "he" or "she" stands for
_PERSON_NOUN = re.compile(
    r"\b(?:man|woman|boy|girl|child|baby|teenager|person|officer|doctor|nurse|student|teacher|driver|"
    r"pilot|suspect|victim|worker|employee|soldier|father|mother|son|daughter|brother|sister|husband|"
    r"wife|widow|friend|neighbou?r|leader|president|minister|premier|chancellor|governor|mayor|senator|"
    r"congressman|congresswoman|lawmaker|candidate|player|coach|captain|judge|lawyer|attorney|prosecutor|"
    r"spokes(?:man|woman|person)|official|resident|witness|patient|gunman|attacker|singer|actor|actress|"
    r"author|writer|reporter|journalist|photographer|director|chairman|chairwoman|chief|executive|"
    r"founder|owner|king|queen|prince|princess|pope|priest|bishop|monk|farmer|fisherman|miner|"
    r"climber|survivor|passenger|prisoner|inmate|detainee|hostage|defendant|plaintiff|dissident|"
    r"activist|protester|athlete|champion|winner|star|artist|scientist|researcher|professor|"
    r"economist|analyst|diplomat|envoy|ambassador|general|colonel|commander|sergeant|agent|guard)s?\b",
    re.IGNORECASE)


def _orphan_pronoun(text: str) -> bool:
    """"The police came soon after he returned home.": a person the sentence neither names nor
    introduces ("A man was arrested after he ..." does)."""
    if not _PERSON_PRONOUN.search(text) or _PERSON_NOUN.search(text):
        return False
    first = _FIRST_WORD.match(text)
    if first and first.group(1).lower() not in STOP and first.group(1) not in _NOT_NAMES \
            and not _demonym_at(text, first.start(1)):
        return False  # "Hariri said he would resign": the sentence opens on its person
    return not any(m.group(1) not in _NOT_NAMES and not _demonym_at(text, m.start(1))
                   for m in _CAPITALISED.finditer(text))


def _demonym_at(text: str, at: int) -> bool:
    """Whether a people's adjective qualifies a noun at ``at`` ("An Israeli tribunal", "A Sunni
    cleric"), not a name that ends like one before its verb ("Gadhafi underwent surgery", "Greenspan
    also used")."""
    m = _ADJECTIVE_DEMONYM.match(text, at)
    return m is not None and m.group().split()[1] not in _VERB_LIKE


# words after a name that are its verb or an adverb before one, never a noun a people's word qualifies
_VERB_LIKE = frozenset(IRREGULAR_PAST) | frozenset("also has had is was will would could should can may might did does then "
                                        "still never already later again once just now often underwent "
                                        "won lost fell rose sought fought led ran saw spent sent brought bought "
                                        "kept felt stood sat wrote spoke broke chose drove flew grew knew threw "
                                        "hid struck swore took became".split())


# a bare definite subject that opens a sentence, after an opening phrase or not ("The reports, officials
# said, included caveats.", "According to U.S. sources, the camps were used ...", "The country's envoy
# said ..."): its noun phrase is "the", at most two modifiers and its head, and a comma, a verb or an
# auxiliary ends it; a name ("The radical group Islamic Jihad"), a complement ("The causes of the crash")
# or a restrictive clause ("The conference that was held ...") tells which one, so no head is given
_THE_OPENING = re.compile(r"[\"“]?(?:[A-Z][^,;:\"“”]{0,60},\s+)?[Tt]he\s+")
_NP_WORD = re.compile(r"[a-z][a-z-]*")
_NOT_IN_NP = frozenset("of in on at to for from by with about against among between into over under the a an and or "
                       "that who whom whose which where when than as".split())
_AFTER_SUBJECT = _VERB_LIKE | frozenset("are were have said says remains remained must do shall".split())


def definite_subject(text: str) -> str | None:
    """The head noun of a bare definite subject opening ``text`` ("The law is intended ..." -> "law",
    "The first photograph is ..." -> "photograph", "The country's envoy ..." -> "country"), else None.
    Such a subject points at something the article named before, unless the article mentions it first
    there (``brief.unresolved_references``)."""
    m = _THE_OPENING.match(text)
    if m is None:
        return None
    words = text[m.end():].split(None, 4)
    for k, w in enumerate(words[:3]):
        core = w.rstrip(",")
        poss = core.endswith(("'s", "’s"))
        core = core[:-2] if poss else core
        if not _NP_WORD.fullmatch(core) or core in _NOT_IN_NP:
            return None
        if poss or w.endswith(","):
            return core
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if nxt in _AFTER_SUBJECT or (len(nxt) > 4 and nxt.endswith("ed") and nxt.isalpha() and nxt.islower()):
            return core
    return None



# a closing attribution to a bare definite speaker (", the spokesman said.", ", the newspaper reported Monday."): at
# most one modifier before the head, no name after it
_CLOSING_DEFINITE = re.compile(r",\s+the\s+(?:[a-z-]+\s+)?([a-z]+)\s+(?:said|says|added|reported|told\s+[a-z]+)"
                               r"(?:\s+[A-Za-z]+day)?\s*[.!][\"”'’]*\s*$")


def closing_definite_speaker(text: str) -> str | None:
    """The head of a bare definite speaker closing ``text`` ("..., the spokesman said." -> "spokesman"), else None.
    Like a definite subject, it points at a speaker its article named before (``brief.unresolved_references``)."""
    m = _CLOSING_DEFINITE.search(text) if "the" in text else None
    return m.group(1) if m else None

# a thing a news reader knows without being told which one, whatever came before ("The press has picked up
# on the buzz.", "The public was not told."): a definite subject with such a head points back at nothing
UNIQUE_HEADS = frozenset("press public media internet web world sun moon earth".split())


# a pronoun object of the verb that follows a sentence's opening subject ("An Israeli warplane shot it down.",
# "Police arrested him on Friday."): it cannot stand for that subject (that would be "itself", "himself"), so it
# stands for something the sentence before named. The verb is the first past form, after one to four words
# with no comma and no opening subordinator ("After the drone crossed, a jet shot it down" names its own);
# an "it" followed by an auxiliary is the subject of a reported clause ("The company said it would ..."), one
# followed by a word and "to" or "that" holds the place of what follows ("made it clear that ...")
_OPENING_WORD = re.compile(r"[\w'’.-]+")
_SUBORDINATOR = frozenset("after before when while if although though because as since once until unless whether "
                          "despite with without".split())
_AUXILIARY = frozenset("is was were are has had have will would could can should may might must did does".split())
# an idiom's "it", which stands for nothing ("called it quits", "took it easy", "played it safe", "made it big")
_IT_IDIOM = frozenset("quits easy safe big".split())
_OBJECT_HER_NEXT = frozenset("on in at for after before during from with as and to near outside inside".split())


def object_pronoun_back(text: str) -> bool:
    """Whether the verb after ``text``'s opening subject takes a pronoun object ("it", "him", "them", "her"
    as an object) that can only stand for what a sentence before named."""
    words = list(_OPENING_WORD.finditer(text, 0, 200))
    for k, m in enumerate(words[:5]):
        w = m.group()
        if k == 0 and w.lower() in _SUBORDINATOR:
            return False
        if not ((len(w) > 4 and w.endswith("ed") and w.islower()) or w in IRREGULAR_PAST or w == "said"):
            continue
        if k == 0 or k + 1 >= len(words) or "," in text[:m.start()]:
            return False
        pron, after = words[k + 1].group(), [n.group() for n in words[k + 2:k + 4]]
        if pron in ("him", "them"):
            return True
        if pron == "her":
            return not after or after[0].lower() in _OBJECT_HER_NEXT
        if pron != "it" or w == "said" or (w == "made" and after and after[0] in ("to", "through", "clear", "home")) \
                or (after and after[0] in _IT_IDIOM):
            return False  # ("made it to the final", "made it clear on Tuesday that ...", "called it quits": no
            #               thing named before)
        return not (after and after[0] in _AUXILIARY) and not (len(after) > 1 and after[1] in ("to", "that"))
    return False


# a verb whose object or complement the sentence before gave, closing the sentence ("The Taliban refused.",
# "Officials said the company did not."); "Asked to comment, the company declined." gives it, and a passive
# ("His request was refused.") has its subject for the object
_BARE_VERB_END = re.compile(r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
                            r"\b(?:refused|declined|agreed|complied|relented|did\s+so|(?:did|does|do|would|will|has|have|had|"
                            r"could|can)\s+not)\s*[.!][\"”'’]*\s*$")


# what rises and falls: "declined" after one of these is a fall ("Shares of Acme declined."), no refusal
_AMOUNT_SUBJECT = re.compile(r"\b(?:shares?|stocks?|prices?|index|indexes|indices|dow|nasdaq|rates?|yields?|sales|"
                             r"profits?|earnings|revenues?|output|exports|imports|production|unemployment|"
                             r"inflation|spending|demand|value|currency|dollar|euro|yen|bonds?)\b", re.IGNORECASE)


def bare_verb_end(text: str) -> bool:
    """Whether ``text`` closes on a verb whose object the sentence before gave ("The Taliban refused.");
    not "declined" said of an amount ("Shares of Acme declined.": they fell)."""
    m = _BARE_VERB_END.search(text)
    if m is None or re.search(r"\basked\b", text, re.IGNORECASE):
        return False
    return not (m.group().startswith("declined") and _AMOUNT_SUBJECT.search(text, 0, m.start()))


# "for those attacks", "in that and other attacks", "these measures": a demonstrative before its noun,
# anywhere in the sentence (an opening "These ..." is ``is_dangling``); not a time ("these days"), a
# group a clause or phrase describes ("those who ...", "those killed") nor a number ("those two")
_DEMONSTRATIVE_NOUN = re.compile(r"\b(?:(?:these|those)\s+|(?:that|this)\s+and\s+other\s+)(?!(?:days|years|weeks|months|"
                                 r"hours|times|decades|who|whom|whose|with|without|in|at|from|on|of|under|over|aged|"
                                 r"living|killed|injured|wounded|arrested|affected|responsible|involved|present|close|"
                                 r"two|three|four|five|six|seven|eight|nine|ten|are|were|have|had|will|would|can|could)\b)"
                                 r"([a-z][a-z-]*)")


def demonstrative_heads(text: str) -> list[str]:
    """The nouns that ``text`` points back to with a demonstrative ("those attacks" -> "attacks")."""
    return [m.group(1) for m in _DEMONSTRATIVE_NOUN.finditer(text)]



# "the two leaders", "the four diseases": a definite count of things, which the text before it names one by one;
# a complement, a relative clause or a participle after it tells which ("the two men accused of ...")
_COUNTS = {w: k for k, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
_COUNT_DEFINITE = re.compile(r"\b[Tt]he\s+(two|three|four|five|six|seven|eight|nine|ten)\s+([a-z]+s|men|women|people|"
                             r"children)\b(?!['’-]|\s+(?:of|in|at|on|from|for|with|by|to|who|whom|whose|that|which|[a-z]+ing|"
                             r"accused|charged|arrested|detained|held|killed|injured|wounded|named|involved|convicted|"
                             r"suspected|elected|nominated|chosen|left|remaining)\b)")
# a run of capitalised words: a name ("Hafez Assad", "Syria")
_NAME_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")


# units of time, whose definite count is a span of time, no things named before ("in the two weeks since the flood")
_TIME_UNIT_HEADS = frozenset([f"{unit}s" for unit in UNITS] + ["centuries"])


def count_definite_heads(text: str) -> list[str]:
    """The heads of the definite counts in ``text`` ("The two leaders met ..." -> "leaders") that point back at
    things no words before them in the sentence name: fewer names than the count before the phrase ("Iran
    offered to mediate between Syria and Turkey and sent envoys to the two countries" names them); not a span
    of time ("In the two weeks since the flood, ...")."""
    out: list[str] = []
    for m in _COUNT_DEFINITE.finditer(text):
        if m.group(2) in _TIME_UNIT_HEADS:
            continue
        names = [r for r in _NAME_RUN.findall(text, 0, m.start())
                 if r.split()[0].lower() not in STOP and r.lower() not in WEEKDAYS and r.lower() not in MONTHS]
        if len(names) < _COUNTS[m.group(1).lower()]:
            out.append(m.group(2))
    return out

_FIRST_WORD = re.compile(r"\s*[\"“'‘(]?([A-Z][\w.'’-]*)")


# a people's name before the noun it qualifies ("An Israeli tribunal ... found him"): no person named
_ADJECTIVE_DEMONYM = re.compile(rf"[A-Z][a-z]+{DEMONYM_END}\s+(?!said\b|says\b|told\b)[a-z]+\b(?<!ed)")


# "The issue was ...", "The move came after ...", "Libya's action comes after ...": a bare "the" (or a
# possessive) + a noun of what was said or done
# before, as the subject, or an event that "came as / after" another: the sentence before told which
# one (a story's own "the deal", "the plan" is left alone: the brief tells which)
_BACK_THE = re.compile(r"^The\s+(?:(?:issue|problem|question|answer|reason|move|request|idea|point|difference|"
                       r"matter|result|change|step|measure|order|decision|announcement|postponement|delay|"
                       r"extension|suspension|cancellation|withdrawal|reversal|response|remarks?|comments?|"
                       r"criticism|warning)\s+"
                       r"(?:is|was|are|were|has|had|came|comes|would|will|could|can|also|remains|remained|does|did|"
                       r"means|meant)\b|"
                       r"[a-z]+\s+(?:came|comes)\s+(?:as|after|amid|just|a day|a week|only|(?:\w+\s+)?(?:days|hours|"
                       r"weeks|months|years))\b)|"
                       # a count standing for people named before: "All three were charged", "The two met"
                       r"^(?:All|The|Both|Another|The other)\s+(?:two|three|four|five|six|seven|eight|nine|ten)\s+"
                       r"(?:were|are|was|is|have|had|will|would|met|said|face|faced|remain|remained)\b|"
                       r"^Both\s+(?:were|are|have|had|will|would|said)\b|"
                       # a source named before: "The newspaper said ...", "The agency quoted ..."; "In the other, ..."
                       r"^The\s+(?:newspaper|paper|agency|daily|magazine|broadcaster|network|station|report|statement|"
                       r"party|committee|company|firm|group|campaign|ministry|department|organi[sz]ation|lawsuit|suit)"
                       r"\s+(?:said|says|reported|reports|quoted|quotes|added|cited|alleged|alleges|claimed|claims|"
                       r"argued|argues)\b|^In\s+the\s+other\b|"
                       r"^[A-Z][\w.-]*\s?(?:'s|’s)\s+[a-z]+\s+(?:came|comes)\s+(?:as|after|amid|just|days|hours|weeks|only)\b")
# "(The federal government could approve the project if the state refuses.)": an aside
_ASIDE = re.compile(r"^\((?:[^()]|\([^()]*\))*\)\s*$")


# an exclamation closes the sentence, before any closing quote or bracket; or a reader's question
# ("... for the security of this World??? .", "Why not? ."): doubled marks, or a "?" before a stray stop
# what ought to be, told by no one: an editorial's or a columnist's view ("The International Monetary Fund
# should calm investors by ..."), not a report; "Officials said the bridge should close" is one
_WHEN = re.compile(rf"\b(?:{WEEKDAY_NAMES}|today|tonight|tomorrow|"
                   r"soon|later|next|within|by\s+(?:the\s+)?(?:end|early|late|mid)|this\s+(?:week|month|year|"
                   r"morning|afternoon|evening)|\d{4})\b|" + MONTH_NAMES, re.IGNORECASE)
_OUGHT = re.compile(r"\b(?:should|ought\s+to)\s+(?:not\s+)?(?!have\b)[a-z]+", re.IGNORECASE)


def _opinion(text: str) -> bool:
    if not _OUGHT.search(text) or _WHEN.search(text):
        return False  # (a "should" with a time is an expectation: "The storm should reach the coast on Tuesday")
    from ..analyze.quotes import CUE_VERBS  # a verb of saying or of reference tells who holds it

    return not ({w.lower() for w in re.findall(r"[A-Za-z]+", text)} & (CUE_VERBS | {"according", "ordered"}))


_EXCLAIM = re.compile(r"!\s?[\"'”’)]*\s*$|[?!]{2,}|\?\s+\.\s*$")
# "A lot of people are concerned about.": "about" strands only after a wh-word or "all" ("what it is all about.")
_ENDS_ABOUT = re.compile(r"\babout\s?[.!?][\"'”’]?$")
_WH = re.compile(r"\b(?:what|which|who|whom|whatever|all)\b", re.IGNORECASE)
# "Prices rose by more than.", "the price of.": a sentence that stops on an article, a conjunction,
# "of" or "than" was cut short (a transcript, a bad split); a stranded preposition is English
# ("what the plan was for.") and is kept
_CUT_SHORT = re.compile(r"\b(?:the|a|an|and|or|but|of|than)\s?[.!?][\"'”’]?$")


# the first person singular; "I" before a lower-case word or a contraction (not "World War I", "Phase I ended")
_SINGULAR_FIRST = re.compile(r"\b(?:my|me|mine|My)\b|(?<![A-Z][a-z]{2} )(?<![A-Z][a-z]{3} )(?<![A-Z][a-z]{4} )"
                             r"(?<![A-Z][a-z]{5} )(?<![A-Z][a-z]{6} )(?<![A-Z][a-z]{7} )(?<![A-Z][a-z]{8} )"
                             r"\bI(?=\s+[a-z]|\s?['’](?:m|ve|d|ll)\b)")
_SENTENCE_OPENER = re.compile(r"(?:^|[.!?]\s+|[\"“(]\s*)(?:(?!(?:Phase|War|Title|Class|Stage|Type|Level|Part|Chapter|Act|Book|"
                              r"Article|Category|Grade|Division|Tier|Schedule|Group|Zone)\b)[A-Z][a-z]+\s+)?I(?=\s)")
_QUOTED_WORDS = re.compile(r"“[^”]*”|\"[^\"]*\"|``.*?''")


def speaks_for_self(sentence: str) -> bool:
    """Whether a sentence speaks in the first person singular outside its quotations ("My partner
    and I returned ...", "Yesterday I called the helpline"): a reader's, a diarist's or a columnist's
    own account, no reporting of the story's events. ("I" after a capitalised word counts only where
    it opens the sentence after one word: "When I arrived", not "World War I ended".)"""
    bare = _QUOTED_WORDS.sub(" ", sentence) if ('"' in sentence or "“" in sentence or "``" in sentence) else sentence
    return bool(_SINGULAR_FIRST.search(bare) or _SENTENCE_OPENER.search(bare))


PERSONAL_SHARE = 0.45  # the share of a page's sentences in the first person singular that make it a personal page
PERSONAL_MIN = 12      # sentences a page needs before it is called so


@lru_cache(maxsize=1024)
def personal_page(text: str, lang: str = "en") -> bool:
    """Whether a page is a personal one (readers' comments, a diary, a blog of anecdotes): at least
    ``PERSONAL_MIN`` sentences, ``PERSONAL_SHARE`` of them speaking for themselves. What such a page
    says is no report of the story: no summary, timeline or who-said-what is read from it."""
    spans = sentence_spans(text, lang)
    return len(spans) >= PERSONAL_MIN and \
        sum(speaks_for_self(text[s:e]) for s, e in spans) >= PERSONAL_SHARE * len(spans)


def personal_pages(articles: Sequence[Article]) -> set[int]:
    """The positions of the personal pages (``personal_page``) among a story's ``articles``, which
    tell none of its events and are no source of its facts; none when the story is only such pages
    (then they are all it has to tell)."""
    found = {k for k, a in enumerate(articles) if a.text and personal_page(a.text, a.lang)}
    return found if len(found) < len(articles) else set()


# lower-cased tokens that every match of _FIRST_PERSON holds (a cheap necessary condition)
FIRST_PERSON_TOKENS = frozenset({"i", "we", "my", "our", "me", "us", "you", "your"})


def is_candidate_shape(text: str, first_person: bool = True, phrases: bool = True) -> bool:
    """False for questions, headers, quotes that open the sentence, byline debris and page furniture.
    ``first_person=False`` tells that the text holds none of ``FIRST_PERSON_TOKENS`` (the
    first-person scan is then skipped), ``phrases=False`` that it holds none of ``furniture_phrase``'s
    words (``is_furniture``)."""
    t = text.strip()
    if not t or t.endswith(("?", ":", ",", ";")):
        return False
    if _QUOTE_OPEN.match(t):
        return False
    if (t.count('"') % 2) or (t.count("``") != t.count("''")) or (t.count("“") != t.count("”")):
        return False
    first = t.lstrip("\"“'‘`([")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    # (every form of ``_LABEL_OPENER`` holds a colon but "Q. ": the cheap test first)
    if ((":" in t or t.startswith("Q.")) and _LABEL_OPENER.match(t)) or _LETS.match(t) or is_furniture(t, phrases):
        return False  # "The investigation: the agency ...", an explainer's heading; "BLITZER: ...", a transcript
    return not (first_person and _FIRST_PERSON.search(t))  # the costliest check last


# "..., said X" must open with a comma or a closing quote: in "..., Governor X said at a news
# conference." the verb's subject stands before it, and cutting from the verb would leave "Governor X."
# Every run of spaces is read one way (possessive quantifiers), so that a sentence with a long run
# of them takes no time that grows as a power of its length. The pieces, each followed by the end
# "[.!] then spaces": what may open the tail, a comma, a quote, a comma, spaces between them but only
# after the first (``_TAIL_OPEN``, which ends on one of them when any); who said it, 2-50 characters
# with no "," "." ";" quote or backtick, spaces around them (``_SAYER``: all spaces, or a core of 1
# or 2-50 characters between runs of spaces, with the lengths ",?\s+[^...]{2,50}?\s+" allows); the
# reporter after "according to" or "said", 2-60 characters with no "," "." ";" (``_SOURCE``); where
# and how after the verb, 2-40 characters, never a "that" clause (``_WHERE``).
_QUOTE_MARK = r"(?:''|\"|”)"
_TAIL_OPEN = rf"(?:,?+\s*+(?:{_QUOTE_MARK}(?:\s*+,)?|,)|,)?"
_SAYER = (r"(?:\s{4,}+|\s\s++[^\s,.;\"`']\s++|\s[^\s,.;\"`']\s\s++|"
          r"\s++[^\s,.;\"`'][^,.;\"`']{0,48}[^\s,.;\"`']\s++)")
_SOURCE = r"(?:\s{3,}+|\s\s++[^\s,.;]\s*+|\s[^\s,.;]\s++|\s++[^\s,.;][^,.;]{0,58}[^\s,.;]\s*+)"
_WHERE = (r"(?:\s{2,}+|(?!\bthat\b)[^\s,.;\"`']\s++|"
          r"(?:(?!\bthat\b)[^,.;\"`']){1,39}(?!\bthat\b)[^\s,.;\"`']\s*+)")
_ATTRIB_TAIL = re.compile(
    rf"(?:{_TAIL_OPEN}\s++according to{_SOURCE}|"
    rf"(?:,|{_QUOTE_MARK})(?:\s*+,)?\s++(?:said|says|told|reported){_SOURCE}|"
    rf"{_TAIL_OPEN}{_SAYER}(?:said|says|told reporters|reported|added|announced)"
    r"(?:\s++(?:on\s++)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s*+"
    # or where and how: "..., Governor X said at a news conference." (never a "that" clause)
    rf"|\s++(?:in|at|on|during|after|late|early|earlier|last|this|via|from|to)\b{_WHERE}|\s*+))"
    r"([.!])\s*+$"
)
_OPENING = ",'\"”"   # besides spaces, what may open an attribution match
_ATTRIB_WORDS = ("said", "says", "told", "reported", "added", "announced", "according")
_ATTRIB_WORD = re.compile(rf"\b(?:{'|'.join(_ATTRIB_WORDS)})\b")


def _attribution_word(text: str, start: int) -> bool:
    """``_ATTRIB_WORD.search(text, start)``, the pattern tried only where one of its words is found as a
    plain substring from ``start`` on (most sentences' last clause holds none)."""
    for w in _ATTRIB_WORDS:
        if text.find(w, start) >= 0:
            return _ATTRIB_WORD.search(text, start) is not None
    return False


_PAREN = re.compile(r"\s+\((?![A-Z]{2,6}\))[^()]{1,80}\)")
# the agencies whose name in brackets makes a dateline: wires, then broadcasters and others
_WIRES = "|".join(WIRE_AGENCIES)
_AGENCIES = "|".join(NEWS_AGENCIES)
# "PARIS (AP) _ ", "WASHINGTON (CNN) -- ", "RIO DE JANEIRO, Brazil _ ", and in tokenized corpora "WASHINGTON -LRB- CNN -RRB- - "
# a page's update stamp, also after a kicker in capitals and in tokenized text: "(Updated: 1:38 a.m.
# Monday, Libya; 6:38 p.m. Sunday ET): ", "TIMELINE: Six remarkable days in Libya -LRB- Updated : ... -RRB- :",
# "(Updated 5:31 p.m. (0031 in Egypt)) ", "(Update 2:31 p.m. Cairo, 7:31 a.m. ET) "
UPDATED_STAMP = re.compile(r"(?:--?\s*)?(?:[A-Z]{4,}\s?:\s+[^()\n]{0,80}?)?(?:\(|-LRB-)\s*Updated?\s*:?"
                           r"(?:(?:\(|-LRB-)[^()\n]{0,30}?(?:\)|-RRB-)|[^()\n]){0,80}?(?:\)|-RRB-)\s*(?::|--?|—)?\s*")
_DATELINE = re.compile(r"^(?:[A-Z][A-Z .,'-]{2,40}(?:\s*\([A-Za-z. ]{2,20}\))?\s*(?:_|--|—)|"
                       r"[A-Z][A-Z .'-]{2,40},\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+){0,2}\s*(?:_|--|—|-(?=\s))|"
                       rf"[A-Z][A-Z .'-]{{2,40}},\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}\s*\((?:{_WIRES})\)"
                       r"\s*(?:_|--|—|:)?|"
                       r"[A-Z][A-Z .,']{2,40}-LRB-\s?[A-Za-z. ]{2,20}\s?-RRB-\s*(?:_|--|—|-|:)?|"
                       rf"[A-Z][A-Za-z0-9 .,'-]{{2,40}}\((?:{_AGENCIES})\)\s*(?:_|--|—|-|:)?|"
                       # a wire site's stamp, then its dateline: "GENEVA | Thu Jun 11, 2009 7:03 pm EDT GENEVA
                       # (Reuters) - ", "Aug 21 (Reuters) - "
                       r"(?:[A-Z][A-Z .'-]{2,30}\s*\|\s*[A-Z][a-z]{2}\s+[A-Z][a-z]{2}\s+\d{1,2}\s*,\s*\d{4}\s+"
                       r"\d{1,2}:\d\d\s*[ap]m\s+[A-Z]{2,4}\s+)?[A-Z][A-Za-z0-9 .,'-]{1,40}?\s?"
                       rf"(?:\(|-LRB-\s?)(?:{_AGENCIES})(?:\)|\s?-RRB-)\s*(?:_|--|—|-|:)|"
                       rf"\((?:{_AGENCIES})\)\s*(?:_|--|—|:)|-LRB-\s?(?:{_AGENCIES})\s?-RRB-\s*(?:_|--|—|:)|"
                       + UPDATED_STAMP.pattern + r")\s+")


# a wire's dateline on a line of its own: a place in capitals and the day, no agency or dash
# ("LONDON 1996-08-30", "MANCHESTER, England 1996-08-29", "ST. LOUIS, Aug 30"), as wire copy archived
# line by line carries it (Reuters' RCV1 and the corpora cut from it) before its lead, after the
# reporter's name on a line of its own when there is one ("Karin Holm\nHALDEN 2031-05-02\n")
_DATE_LINE = re.compile(rf"(?:[A-Z][a-z]+(?:[ \t]+[A-Z][A-Za-z.'’-]+){{1,3}}[ \t]*\n)?[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){{0,4}}(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+){{0,2}})?"
                        rf",?[ \t]+(?:(?:19|20)\d\d-[01]\d-[0-3]\d|{MONTH_NAMES}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?)"
                        r"[ \t]*(?:\n\s*|$|(?<=\d\d-\d\d)\s+(?=[A-Z0-9\"“]))")  # (a day written 1996-08-30: also on one line)


def date_line_end(text: str) -> int:
    """Where a dateline on a line of its own opening ``text`` ends, past its line break ("LONDON
    1996-08-30\n"; the whole of a ``text`` that is only that line), 0 when it opens with none."""
    m = _DATE_LINE.match(text)
    return m.end() if m else 0


def _date_line_lead(text: str) -> int:
    """Where a dateline on a line of its own ends when words follow it ("LONDON 1996-08-30\nPakistan
    declared ..."), 0 otherwise (a ``text`` that is only the dateline keeps it)."""
    end = date_line_end(text)
    return end if end < len(text.rstrip()) else 0


def dateline_end(text: str) -> int:
    """Where a dateline opening ``text`` ends ("ANKARA, Turkey (AP) _ ", "LONDON 1996-08-30\n"), 0
    when it opens with none."""
    m = _DATELINE.match(text)
    return m.end() if m else _date_line_lead(text)



# the place a wire's dateline names: its town in capitals and the region after a comma, not a day ("BUFFALO,
# N.Y. _ ", "CAIRO, Egypt (AP) _ ", "MOSCOW, July 3 (Xinhua) -- ", "LONDON 1996-08-30")
_DATELINE_PLACE = re.compile(rf"([A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){{0,3}})(?![\w'’-])"
                             rf"(?:,[ \t]+(?!{MONTH_NAMES}\b)([A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+){{0,2}}))?")


def dateline_place(text: str) -> str | None:
    """The place named by a wire's dateline opening ``text`` ("BUFFALO, N.Y. _ The clinic ..." -> "Buffalo,
    N.Y."; "MOSCOW, July 3 (Xinhua) -- ..." -> "Moscow"), its town written as a name; None without one."""
    end = dateline_end(text)
    m = _DATELINE_PLACE.match(text, 0, end) if end else None
    if m is None:
        return None
    town = " ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split())
    return f"{town}, {m.group(2)}" if m.group(2) else town


# a wire story's "here": the place of its dateline ("met here Sunday"); not "here and there", "here is", "here's",
# nor the idioms of time and of lasting ("from here on", "here on out", "is here to stay")
_HERE = re.compile(r"(?<![\w'’-])here\b(?![’'-]|\s+(?:(?:and\s+there|is|are|was|were|to\s+stay|on\s+(?:out|in))\b|on\s*(?:[,.;:]|$)))")


def placed_here(text: str, place: str | None) -> str:
    """``text`` with its first "here" outside a quotation followed by the ``place`` it means (the article's
    dateline, which a summary does not show: "met here Sunday" -> "met here (Cairo, Egypt) Sunday"); as it
    was without a place or where it names the place's town itself."""
    if not place or "here" not in text or place.split(",")[0].lower() in text.lower():
        return text
    for m in _HERE.finditer(text):
        before = text[:m.start()]
        if before.count('"') % 2 or before.count("“") > before.count("”"):
            continue  # (a speaker's "here" is where the speaker is)
        return f"{text[:m.end()]} ({place}){text[m.end():]}"
    return text

# "(CNN) -- ": an agency's mark alone; a page's update stamp (``UPDATED_STAMP``)
_DATELINE_MARK = re.compile(rf"_|--|—|\s-\s|-RRB-|\((?:{_AGENCIES})\)|\(Update|-LRB- Update")
# a news agency's dateline further down a page that holds several stories ("BEIRUT (Reuters) --")
# a news agency's name in brackets, as a tokenized corpus writes them too: "(Reuters)", "-LRB- AP -RRB-"
_AGENCY_MARK = rf"(?:\(|-LRB-\s?)(?:{_AGENCIES}|Bloomberg|dpa)(?:\)|\s?-RRB-)"
_AGENCY_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'-]{2,40}(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?"
                              + _AGENCY_MARK + r"\s*(?:_|--|—|-|:)?\s+")
# a news agency's dateline after what a scraped page runs into its first sentence: a byline and the
# story's highlights, which have no marks between them ("By the CNN Wire Staff NATO, U.N. ponder
# Libya solution NATO has launched ... Tripoli, Libya (CNN) -- NATO has launched ..."), or a
# headline before the wire's stamp ("Full Article Libya rebels reject ... BENGHAZI, Libya | Mon Apr
# 11, 2011 ... BENGHAZI, Libya (Reuters) - Libyan rebels ..."): the news starts after the mark
_INNER_DATELINE = re.compile(_AGENCY_MARK + r"\s*(?:_|--|—|-)\s+(?=[A-Z0-9\"“`])")
_INNER_DATELINE_WITHIN = 700  # characters into a sentence: highlights are a few lines


def _open_quote_before(text: str, lo: int, hi: int) -> bool:
    """Whether a quotation opened in ``text[lo:hi]`` is still open at ``hi``: an agency's mark inside
    it is quoted ("... under the line 'Kabul (AP) - Militants attacked' was false"), no dateline."""
    part = text[lo:hi]
    return (part.count('"') % 2 == 1 or part.count("“") > part.count("”") or part.count("``") > part.count("''")
            or len(re.findall(r"(?:^|[\s(:])'(?=\w)", part)) > len(re.findall(r"(?<=[\w.,!?])'(?=[\s.,;:)]|$)", part)))


# a blog entry's header glued to its first sentence: its author and its time stamp ("Clare Spencer |
# 09:51 UK time, Friday, 28 May 2010 Commentators react to ...")
_BLOG_STAMP = re.compile(rf"(?:[A-Z][\w.'’-]*\s+){{1,4}}\|\s*\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?\s*)?"
                         rf"(?:[A-Z]{{2,4}}\s*)?(?:time\s*)?,?\s*(?:(?:{WEEKDAY_NAMES})\s*,?\s*)?"
                         rf"\d{{1,2}}\s+(?:{MONTH_NAMES})\.?\s*,?\s+\d{{4}}\s+(?=[A-Z\"“])")


def _page_lead_end(text: str, lead: bool, start: int = 0) -> int:
    """Where the news starts past what a scraped page runs into a sentence before it (``start``
    when nothing is): a byline with its outlet opening the article (``lead``), a blog entry's
    author and time stamp (``_BLOG_STAMP``), or a byline, highlights, a headline or a dateline
    written twice before a news agency's dateline (``_INNER_DATELINE``: "BOOTHVILLE, La. --
    BOOTHVILLE, La. (AP) -- The ...")."""
    i = byline_end(text) if lead and not start else start
    if "|" in text[i:i + 60]:
        stamp = _BLOG_STAMP.match(text, i)
        if stamp and stamp.end() < len(text.rstrip()):
            i = stamp.end()
    if "(" in text[:_INNER_DATELINE_WITHIN] or "-LRB-" in text[:_INNER_DATELINE_WITHIN]:
        m = _INNER_DATELINE.search(text, i, _INNER_DATELINE_WITHIN + 40)
        if m and m.start() < _INNER_DATELINE_WITHIN and m.end() < len(text.rstrip()) \
                and not _open_quote_before(text, i, m.start()):
            i = m.end()
    return i


_DAY = re.compile(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?=[ ,.])")


def compress(text: str, *, days: bool = False, parts: str = "dpa") -> str:
    """Drop what a summary can spare: datelines (``d`` in ``parts``), short parentheticals (``p``),
    trailing attributions ("..., officials said.", ``a``) and, with ``days``, bare weekday mentions.
    The result is still a sentence."""
    out = _DATELINE.sub("", text) if "d" in parts else text
    if "p" in parts:
        out = _PAREN.sub("", out)
    if days:
        out = _DAY.sub("", out)
    m = _ATTRIB_TAIL.search(out) if "a" in parts else None
    if m and len(out[: m.start()].split()) >= 8 and not re.search(r"``|\"|“", out[: m.start()]):
        out = out[: m.start()].rstrip(" ,") + m.group(1)
    return out if out[:1].isupper() or out[:1].isdigit() else text


def _attribution_tail(body: str) -> re.Match[str] | None:
    """``_ATTRIB_TAIL.search(body, len(body) - 160)``, with the search started where a match can
    start. The pattern ends with "[.!] then spaces"; between its attribution word and that mark
    it allows no "," "." or ";", and such a character inside a match can only be a comma of its
    opening run of commas, quotes and spaces. So the word follows the last such character ``k``,
    and a match starts no earlier than the run of commas, quotes and spaces that ends at ``k``."""
    end = len(body.rstrip()) - 1
    if end < 0 or body[end] not in ".!":
        return None
    lo = max(0, len(body) - 160)
    k = max(body.rfind(",", 0, end), body.rfind(".", 0, end), body.rfind(";", 0, end))
    if not _attribution_word(body, max(k + 1, lo)):
        return None
    start = k
    while start > lo and (body[start - 1] in _OPENING or body[start - 1].isspace()):
        start -= 1
    return _ATTRIB_TAIL.search(body, max(start, lo))


# a page's furniture glued before a sentence: an advertisement's label and a "continue reading" link
# ("Advertisement Continue reading the main story The Brooklyn district attorney said ..."), a
# picture's caption toggle with its credit written twice ("... enlarge this image toggle caption Jim
# Cole/AP Jim Cole/AP Voters in 11 states ..."), a credit in brackets ("(Photo: Jason Minto) ...")
_FURNITURE_OPEN = re.compile(
    r"^(?:(?:Photo\s+)?Advertisement\s+(?=(?-i:[A-Z\x22“]))|Continue\s+reading\s+(?:the\s+main\s+story|below)\s+)+"
    r"|^.{0,160}?\benlarge\s+this\s+image\s+toggle\s+caption\s+(\S.{0,50}?)\s+\1\s+"
    r"|^\(\s*Photo:[^()]{1,120}\)\s+", re.IGNORECASE)


def furniture_open_end(text: str) -> int:
    """Where page furniture glued before ``text``'s sentence ends (``_FURNITURE_OPEN``), 0 when
    there is none or nothing follows it."""
    if len(text) <= 12 or not (text[:1] in "AaCcPp(" or "toggle caption" in text[:220]):
        return 0  # (the cheap test first: this runs on every sentence of every summary)
    m = _FURNITURE_OPEN.match(text)
    return m.end() if m and m.end() < len(text.rstrip()) else 0


# a page's date stamp glued before the first words ("Saturday, March 26, 2005 Up to four times ..."):
# a full date and then a capital, no comma or verb between them
# (a weekday before it, or no space after it: "June 4, 1989 Chinese troops open fire" is a chronology's line)
_DATE_STAMP = re.compile(rf"\s*(?:{WEEKDAY_NAMES},\s+{MONTH_NAMES}\.?\s+\d{{1,2}},\s+\d{{4}}\s*"
                         rf"|{MONTH_NAMES}\.?\s+\d{{1,2}},\s+\d{{4}})(?=[A-Z][a-z])")


# a dateline of a page written in lower case but for its first letter (Multi-News): a place of one to four
# words, a region or a day after a comma, an agency or a station in brackets, then a dash and the news in
# lower case ("Dubai (reuters) - the incursion ...", "New york, aug. 17 (upi) -- a video ...", "Velm
# ( kvlm/kdrn ) – every day ...", "Minneapolis -- the game ...", "Washington — the scandal ..."); without
# an agency, a dash that opens an aside closed by another ("Velk -- the mayor -- said ...") is none
# (a press release's wire writes its mark between two dashes: "New york -- ( business wire ) -- the company ...")
_LOWER_PLACE = r"[a-z'’.-]+(?:\s+[a-z][a-z'’.-]*){0,3}(?:,\s+[a-z][a-z.]+(?:\s+[a-z.]+){0,2}(?:\s+\d{1,2})?)?\s*"
# (between dashes only a wire's or an agency's name: "The answer -- (mostly) -- is ..." holds an aside)
_WIRE_NAME = r"(?:(?i:%s)|associated\s+press|business\s+wire|(?:pr|globe)\s+newswire)" % _AGENCIES
# (a word that places a person in the picture is no station: "Ann velk (pictured) – the first woman ... – said")
_PICTURE_PLACE = r"(?:pictured|left|right|center|centre|above|below|top|bottom|inset)\s*\)"
_LOWER_AGENCY = (rf"(?:(?:--|—|–)\s*\(\s*{_WIRE_NAME}|\(\s*(?:{_WIRE_NAME}|(?![a-z]-|{_PICTURE_PLACE})[a-z][a-z0-9&/.-]{{1,24}}))"
                 r"\s*\)\s*(?:_|--|—|–|-|:)")
_LOWER_DATELINE = re.compile(rf"[A-Z]{_LOWER_PLACE}(?:(?P<agency>{_LOWER_AGENCY})|(?P<dash>--|—|–|_))\s+(?=[a-z0-9\"“])")
# the same after furniture trimmed before it, where the page wrote no capital: "... ( associated press ) miami ( ap
# ) — a quarter-century after ..." (a photo's teaser, then the story's dateline), "... ( photo: ann velk ) velm – a
# former ..." (a caption's credit, then the lead's dateline: a dash alone there)
# the stop words a place's name may hold ("New york", "New delhi"; not a possessive's "s": "Velk's answer — ...")
_PLACE_STOP = STOP - {"new"}
_LOWER_NEXT_DATELINE = re.compile(rf"[a-z]{_LOWER_PLACE}(?:(?P<agency>{_LOWER_AGENCY})|(?P<dash>--|—|–|_))\s+(?=[a-z0-9\"“])")


_INNER_INITIAL = re.compile(r"(?<=[a-z,] )[A-Za-z]")


def lower_cased_page(text: str) -> bool:
    """Whether a page is written in lower case but for each sentence's first letter (as Multi-News is):
    of the words inside its sentences (after a lower-case word or a comma, in its first 3,000
    characters, 20 at least), under 2% open on a capital (a page of news names people and places there)."""
    initials = _INNER_INITIAL.findall(text, 0, 3000)
    return len(initials) >= 20 and sum(c.isupper() for c in initials) < 0.02 * len(initials)


def lower_dateline_end(text: str, lead: bool = True) -> int:
    """Where a lower-case page's dateline opening ``text`` ends (``_LOWER_DATELINE``), 0 when it opens with
    none. Only the ``lead`` opens on a dateline of a place and a dash alone ("Yesterday -- a day after ..." further
    down is the article's own words); an agency's mark in brackets opens a story anywhere on a page ("... speaks
    during a news... Fresno, calif. ( ap ) — a missing woman ..."). (A reader's brief of a ``lower_cased_page``
    only: the benchmark summaries read such pages as they are.)"""
    head = text[:60]
    m = _LOWER_DATELINE.match(text) if text[:1].isupper() and ("-" in head or "—" in head or "–" in head
                                                                or "_" in head) else None
    if m is None:
        return 0
    if m.group("dash") and (not lead or m.group("dash") in text[m.end():]
                            or not _PLACE_STOP.isdisjoint(tokens(text[:m.start("dash")]))):
        # (a place's words hold no stop word but "new": "The answer — more money." and "Velk's answer — ..." open on
        # no dateline; "New york — the ..." does)
        return 0
    return m.end()


# a lower-case page's furniture: an advertisement's or a photo's label before the words of the news ("Advertisement
# the agency said ...", "Story continued below the mayor ...", "Photo an official said ...": on such a page the word
# after it is in lower case too), a wire photo's caption ("File - in this march 3, 2018, file photo, ...")
_LOWER_FURNITURE = re.compile(r"(?:(?:Photo\s+)?Advertisement(?:\s*[-–—]\s*continue\s+reading\s+below)?"
                              r"|Story\s+continued\s+below)\s+(?=[a-z0-9\"“])"
                              # a byline with its outlet and the writer's role ("By ann velk – velm post senior
                              # reporter a 36-year-old man ...")
                              # (a name of two or three words, an outlet with no article: not "By monday — the new
                              # editor said ...")
                              r"|By\s+[a-z][\w'’.-]*(?:\s+[a-z][\w'’.-]*){1,2}\s*(?:--|[-–—])\s*"
                              r"(?:(?!(?:the|a|an|its|his|her|their|our)\s)[a-z0-9][\w.'’&-]*\s+){0,3}?"
                              r"(?:(?:senior|staff|chief|contributing|political|white\s+house)\s+)?"
                              r"(?:reporter|correspondent|writer|editor|contributor)\s+(?=[a-z0-9\"“])"
                              # a page's sharing buttons ("Share on more share on more the senator ...")
                              r"|(?:[Ss]hare\s+on\s+(?:more|facebook|twitter|email|whatsapp|pinterest|linkedin|reddit)\s+)+"
                              r"(?=[a-z0-9\"“])"
                              # a video player's buttons ("Close skip in skip x embed x share the mayor ...", "X embed
                              # x share video: ...")
                              r"|(?:Close\s+)?(?:(?:Skip|skip)\s+(?:in\s+skip|ad)\s+)?(?:X|x)\s+embed\s+x\s+share"
                              r"(?:\s+video\s*:)?\s+(?=[a-z0-9\"“])"
                              r"|Photo\s+(?=(?:a|an|the|this|these|those|his|her|its|their)\s)"
                              # a page's section labels: a picture's caption, an article's body, a paper's abstract
                              # (and its first heading: "Abstract background: ..."), an analysis's kicker before
                              # words that open a clause ("Analysis of the data shows ..." is a subject)
                              r"|(?:Caption|Article\s+body|Abstract(?:\s+(?:background|context|importance|objectives?|"
                              r"purpose|introduction)(?:\s*/\s*aims)?)?"
                              r"|Analysis(?=\s+(?:a|an|the|this|these|those|he|she|it|they|we|i|after|as|when|while|if)\s)"
                              # (a medical journal's abstract opens on "Importance": "Importance severe ..."; not
                              # "Importance of the vote was ...")
                              r"|Importance(?!\s*,|\s+(?:of|to|for|in|is|was|lies|has|had|and|will|would|aside|[a-z]{3,}ed)\b))"
                              r"\s*[:—–-]?[\s\u200b]+(?=[a-z0-9\"“])")
# a page's time stamp glued before a lower-case page's news: a label and a day ("Update, 7/10/2017: ...", "Published
# on oct 17, 2018 ...", "Posted: tuesday, august 16, 2011 ..."), a day and year with a clock time ("November 9, 2030
# 6: 15 pm ...", "Updated october 9, 2030, 4: 30 pm ..."), or a day and year written twice ("Dec 07, 2030 dec 07,
# 2030 ..."); a day and year alone stays (a chronology's entry: "June 4, 1989 the army ...")
_STAMP_MONTH_DAY = rf"(?:(?i:{WEEKDAY_NAMES}),?\s+)?(?i:{MONTH_NAMES})\s*\d{{1,2}}(?:st|nd|rd|th)?"
_STAMP_DATE = rf"(?:{_STAMP_MONTH_DAY},?\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"  # a day with its year
STAMP_TIME = (r",?\s+(?:at\s+)?\d{1,2}\s?:\s?\d{2}(?:\s?:\s?\d{2})?(?:\s*[ap]\.?m\.?)?"
               r"(?:\s+(?:et|est|edt|ct|cst|cdt|mt|mdt|pt|pst|pdt|gmt|utc|bst)\b)?")
_STAMP_LABEL = r"(?:(?:last\s+)?updated?|published|posted|uploaded)(?:\s+on)?\s*[:,]?\s*"
_STAMP_PART = (rf"(?:{_STAMP_LABEL}(?:{_STAMP_DATE}|{_STAMP_MONTH_DAY})(?:{STAMP_TIME})?|{_STAMP_DATE}{STAMP_TIME}"
               rf"|{_STAMP_DATE}\s+{_STAMP_DATE})")
_LOWER_STAMP = re.compile(rf"(?:{_STAMP_PART}\s*[/|]?\s*)*{_STAMP_PART}\s*[:|]?\s+(?=[a-z0-9\"“(])", re.IGNORECASE)
# a photo's teaser glued before the news: a headline or a caption cut with an ellipsis (a short aside in brackets
# and all: "... of the ostland party (op), waves to ..."), then the photo's credit in brackets ("Velk has
# apologized... (associated press) in a statement issued thursday, velk says ...")
_LOWER_TEASER = re.compile(rf"(?:[^()]|\([^()]{{1,30}}\)){{3,300}}?(?:\.\.\.|…)\s*\(\s*(?:associated\s+press|getty\s+images|(?i:{_AGENCIES})"
                           r"(?:\s+photo)?(?:\s*/[^()]{0,40})?)\s*\)\s+(?=[a-z0-9\"“])")
_LOWER_CAPTION = re.compile(_IN_THIS_PHOTO, re.IGNORECASE)
# a photo's caption closed by its credit in brackets, glued before the news ("Ann velk waves to sailors in velm. (
# photo: bo dorn, ap ) the ferry line said ...", "... eight sailors (photo: provided) \"we ...")
# (the words before the credit close a sentence, or the word after it goes on none: "... on monday (photo: bo dorn)
# after its engine failed, ..." is one sentence of news)
_LOWER_PHOTO_CREDIT = re.compile(r"(?P<caption>[^()]{0,300}?)\(\s*photo\s*:[^()]{1,60}\)\s+(?=[a-z0-9\"“])", re.IGNORECASE)
_CLAUSE_GOES_ON = frozenset("and or but nor than to of for with by after before since until because unless while whereas "
                            "as was were is are has have had will would could can".split())
# a photo's caption on a lower-case page: "in this undated <whose> photo, ...", where a person stands in the picture
# (", right,", "(r)"), "shown here", "is photographed", and a caption's dated close: a place, then the day set off by
# commas or a space ("... speaks at a news conference in velm, ostland, march 14, 2017.", "... in velm, ostland
# march 14, 2017."), or the day after "on" or a weekday and then the place ("... feeds her baby on february 3, 2016
# in velm, ostland.", "... at the air base saturday march 29, 2014 in velm, ostland.")
_LOWER_IN_THIS = re.compile(rf"(?:file\s*(?:photo)?\s*[-–—:_]+\s*)?in\s+this\s+(?:[\w'’.-]+\s+|(?:\d+|{WEEKDAY_NAMES}),\s+){{0,6}}?"
                            r"(?:photos?|images?|pictures?|frame\s+grab|screen\s*grab|video\s+(?:grab|image|still))\b",
                            re.IGNORECASE)
_LOWER_PHOTO_WORDS = re.compile(r"\b(?:shown|pictured)\s+(?:here|above|below|at\s+(?:left|right))\b"
                                r"|\b(?:is|are)\s+photographed\b")
_LOWER_PHOTO_PLACE = re.compile(r"(?<!left)(?<!right)(?<!center)(?<!centre)" + PHOTO_PLACE.pattern, re.IGNORECASE)  # (not "the left, right, and centre")
_CAPTION_WORD = r"(?!(?:on|of|by|since|until|from|to|before|after|and|or)\b)[\w'’.-]+"  # (no "in velm on tuesday")
_CAPTION_PLACE = rf"(?:{_CAPTION_WORD}\s+){{0,4}}{_CAPTION_WORD}"
_LOWER_DATED_CLOSE = re.compile(rf"\b(?:in|at|near|outside)\s+{_CAPTION_PLACE}(?:,\s+{_CAPTION_PLACE})?"
                                rf"(?:,?\s+(?i:{WEEKDAY_NAMES}))?,?\s+(?:[a-z]+\.(?:[a-z]+\.)*\s+)?"
                                rf"(?i:{MONTH_NAMES})\s+\d{{1,2}},\s+\d{{4}}\s*\.?\s*$"
                                rf"|\b(?:on\s+(?:(?i:{WEEKDAY_NAMES}),?\s+)?|(?i:{WEEKDAY_NAMES}),?\s+)"
                                rf"(?i:{MONTH_NAMES})\s+\d{{1,2}},\s+\d{{4}}\s+in\s+[\w .'’-]+(?:,\s+[\w .'’-]+)?\.?\s*$")
# a photo's credit opening a lower-case page's sentence: an agency or a platform, a slash and its photographer or
# show, or a photographer, a slash and the agency ("Reuters/ann velk \"we ...", "Youtube/bo dorn in a recent
# interview, ...", "Velk / getty images dr. dorn said ..."); the credit's names end before a word no name holds
# a sentence told in the past (a caption tells what the picture shows): its subject of one to three words, then
# "was", "were" or "died" ("Velk was born on ..."; not a photo's teaser glued before its caption)
# a wire photo's caption that says what the picture shows, in lower case: "This undated photo provided by the
# velm police shows ...", "File - this wednesday, dec. 13, 2017, file photo provided by ... shows ...", "Handout
# photo released by ... shows ..." (a photo's words, then who gave it out or "shows")
_LOWER_THIS_PHOTO = re.compile(r"(?:x\s+)?(?:file\s*[-–—:_]+\s*)?(?:this|handout)\s+(?:[\w'’.,-]+\s+){0,6}?"
                               r"(?:photos?|images?|pictures?|frame\s+grab|screen\s*grab|video\s+(?:grab|image|still))\s+"
                               r"(?:provided|released|taken|made|shows|obtained|courtesy|distributed|from)\b", re.IGNORECASE)
# a caption's close on the picture's day with its year, then perhaps its place, after a person's act in the
# picture's present (``_PICTURE_VERBS``): "... reacts as he leaves the court in velm on feb. 3, 2016.", "... speaks
# during a vigil on wednesday, aug. 22, 2018, in dorn park." (news tells a past day in the past: "spoke ... on")
_LOWER_YEAR_CLOSE = re.compile(rf"\b(?i:{MONTH_NAMES})\s+\d{{1,2}},\s+\d{{4}}(?:,?\s+(?:in|at|near|outside)\s+[^.;]{{1,80}})?"
                               r"\s*\.?\s*$")
_YEAR_IN = re.compile(r"\d{4}")
_LOWER_PICTURE_VERB = re.compile(rf"\b{_PICTURE_VERBS}\b")
# a relative clause opened up to three words before a verb ("who attends ...", "in which velk stands ...")
_RELATIVE_BEFORE = re.compile(r"\b(?:who|whom|whose|which|that|where)\s+(?:[\w'’.-]+\s+){0,2}$")
_PAST_OPEN = re.compile(r"(?:[\w'’.-]+\s+){1,3}(?:was|were|died)\b", re.IGNORECASE)
_CREDIT_SOURCES = (r"(?:reuters|ap|afp|epa|getty\s+images|wireimage|filmmagic|youtube|twitter|instagram|facebook|shutterstock"
                   r"|istock)")
_PLATFORM = re.compile(r"(?:youtube|twitter|instagram|facebook)\b", re.IGNORECASE)
_CREDIT_BY = re.compile(rf"(?i:{_CREDIT_SOURCES})\s?/\s?")
_CREDIT_TO = re.compile(rf"(?:[a-z0-9][\w.'’-]*\s+){{0,2}}[a-z0-9][\w.'’-]*\s?/\s?(?i:{_CREDIT_SOURCES})\s+", re.IGNORECASE)
_CREDIT_NAME = re.compile(r"([a-z][\w.'’-]*)\s+")
# the words that open the news after a photo's credit: an article, a pronoun, a preposition, a conjunction
_CREDIT_NEXT = frozenset("a an the this that these those his her its their our my he she it they we i you there "
                         "in on at after as when while for from with by of to since during amid before until if but "
                         "and everyone everybody someone nobody some many most all".split())


def lower_furniture_end(text: str) -> int:
    """Where an advertisement's or a photo's label glued before a ``lower_cased_page``'s sentence ends ("Advertisement
    while the vote ...", "Photo an official said ..."; ``furniture_open_end`` asks a capital after it, which such a
    page does not write), a video player's buttons ("Close skip in skip x embed x share the mayor ..."), a photo's
    credit (``_lower_credit_end``: "Reuters/ann velk \"we ..."; ``_LOWER_BRACKET_CREDIT``: "( bo dorn/the velm post )
    the ferry ..."), its teaser ("Velk has apologized... (associated
    press) in a statement ...") or its caption closed by a credit in brackets ("... ( photo: bo dorn ) the ferry
    ..."), and a dateline after it (``_past_dateline``: "... (associated press) velm ( ap ) — a ferry ..."), 0 when
    there is none or nothing follows it. (A reader's brief only.)"""
    m = _LOWER_FURNITURE.match(text) if text[:1] in "ABCIPSX" else None
    if m is None and text[:1] in "ADFJMNOPSUTW" and any(c.isdigit() for c in text[:40]):
        m = _LOWER_STAMP.match(text)
    if m is None:
        end = _lower_credit_end(text) if "/" in text[:60] else 0
        credit = False
        if not end and text[:1] == "(":  # a credit in brackets after its caption ("( bo dorn/the velm post ) the ...")
            bracket = _LOWER_BRACKET_CREDIT.match(text)
            end, credit = (bracket.end(), True) if bracket else (0, False)
        if not end and "(" in text[:360] and ("..." in text[:320] or "…" in text[:320]):
            teaser = _LOWER_TEASER.match(text)
            end = teaser.end() if teaser else 0
        if not end and "hoto" in text[:370]:
            caption = _LOWER_PHOTO_CREDIT.match(text)
            if caption and caption.group("caption").rstrip()[-1:] not in ("", ".", "!", "?", '"', "”", "'", "’") \
                    and text[caption.end():].split(maxsplit=1)[0].lower() in _CLAUSE_GOES_ON:
                caption = None
            end, credit = (caption.end(), True) if caption else (0, False)
        return _past_dateline(text, end, dash=credit) if end < len(text.rstrip()) else 0
    end = m.end() + furniture_open_end(text[m.end():])  # ("Advertisement continue reading the main story ...")
    return _past_dateline(text, end) if end < len(text.rstrip()) else 0


def lower_page_open_end(text: str, lead: bool = True) -> int:
    """Where the page's matter opening a ``lower_cased_page``'s sentence ends, 0 when there is none: furniture glued
    before it (``lower_furniture_end``: "Advertisement the agency said ...", a photo's credit or teaser) or its
    dateline (``lower_dateline_end``: a place's and a dash in the ``lead`` only, an agency's anywhere). One rule
    for every reader of such a page: the reader's brief, and what each new article adds."""
    return lower_furniture_end(text) or lower_dateline_end(text, lead=lead)


def _past_dateline(text: str, end: int, dash: bool = False) -> int:
    """``end`` (where furniture trimmed from a lower-case page's sentence ends), or past the dateline that follows
    it there in lower case: an agency's ("... ( associated press ) miami ( ap ) — a quarter-century ..."), or with
    ``dash`` (after a caption's credit, where a story's lead opens) a place's and a dash, whose words hold no
    function word ("... ( photo: ann velk ) velm – a former ..."); 0 stays 0."""
    if not end:
        return end
    m = _LOWER_NEXT_DATELINE.match(text, end)
    if m is None or m.end() >= len(text.rstrip()):
        return end
    if m.group("dash") and (not dash or not _PLACE_STOP.isdisjoint(tokens(text[end:m.start("dash")]))):
        return end
    return m.end()


def _lower_credit_end(text: str) -> int:
    """Where a photo's credit opening a lower-case page's sentence ends (``_CREDIT_SOURCES``): "Velk / getty images"
    past its agency, "Reuters/ann velk" before the first word no name holds (a stop word: "in a recent interview")
    or a quotation mark, three names at most; 0 when there is none."""
    to = _CREDIT_TO.match(text)
    if to and not _PLATFORM.match(text):  # (platforms listed are no credit: "Facebook / instagram said it ...")
        return to.end()
    by = _CREDIT_BY.match(text)
    if by is None or _PLATFORM.match(text, by.end()):  # ("Twitter/facebook users shared ...": two platforms)
        return 0
    end = by.end()
    for _ in range(3):
        name = _CREDIT_NAME.match(text, end)
        if name is None or name.group(1).lower() in STOP or name.group(1).endswith("ing"):
            break
        end = name.end()
        if text[end:end + 1] in "\"“":
            return end
    nxt = _CREDIT_NAME.match(text, end)
    return end if end > by.end() and nxt is not None and nxt.group(1).lower() in _CREDIT_NEXT else 0


def lower_caption(text: str) -> bool:
    """Whether a ``lower_cased_page``'s sentence is a photo's caption (``caption_shape`` reads its capitals): a
    wire photo's ("File - in this march 3, 2018, file photo, the senator speaks ...", "In this undated police
    photo, ..."), one that places its people in the picture ("Ann velk, right, ...", "... greets ostland's
    president (r) ..."), says "shown here" or "is photographed", or closes on the picture's place and day (a
    place, then the day set off by commas: "... in velm, ostland, march 14, 2017."; the day, then the place:
    "... on february 3, 2016 in velm, ostland."; not "... on tuesday, march 3, 2015."), says what a wire photo shows
    ("This undated photo provided by the velm police shows ...", "Handout photo released by ... shows ..."), or
    tells a person's act in the picture's present and closes on its day with the year, the picture's place in it
    ("... reacts as she leaves the court in velm on feb. 3, 2016."; news tells a past day in the past: "... spoke
    in velm on feb. 3, 2016."). (A reader's brief only.)"""
    if _LOWER_CAPTION.match(text) or _LOWER_IN_THIS.match(text) or _LOWER_PHOTO_WORDS.search(text) \
            or (text[:1] in "FHTXfhtx" and _LOWER_THIS_PHOTO.match(text)):
        return True
    tail = max(0, len(text) - 120)
    if _YEAR_IN.search(text, tail) and (" in " in text or " at " in text) and _LOWER_YEAR_CLOSE.search(text, tail) \
            and _picture_act(text):
        return True
    if ("," in text or "(" in text) and _LOWER_PHOTO_PLACE.search(text):
        return True
    return (text[-12:].rstrip(" .")[-4:].isdigit() or " in " in text[-60:]) and not (_PAST_OPEN.match(text) and not _LOWER_TEASER.match(text)) \
        and bool(_LOWER_DATED_CLOSE.search(text))


# a photo's credit in brackets that follows its caption on a lower-case page: a photographer and an agency or a
# paper with a slash between them, or a credit's label ("( ann velk/the velm post ) the ferry ...", "( ap photo/bo
# dorn ) ...", "( photo: ann velk, velm times ) ...", "( picture: getty images ) ..."; not "( 12/4/2030 )" nor "( and/or )")
_CREDIT_AFTER = re.compile(r"\s*\(\s*(?:(?:photo|picture|image)\s*(?:by|:)[^()]{1,80}"
                           # (no list of roles, label but a credit's, web address nor reporters' names: "( reporting by ann
                           # velk/bo dorn; editing by ... )", "( source: ... )", "( velm.com/news )")
                           r"|(?![^()]{0,200}(?:;|(?<!credit):|\.[a-z]{2,}\s?/|\b(?:reporting|writing|editing)\s+by\b))"
                           r"(?=[^()]{0,60}[a-z]\s?/)[^()/]{0,60}[a-z]\s?/\s?(?![^()]{0,20}\bor\b)[a-z]{2}[^()]{0,60})\)",
                           re.IGNORECASE)

# such a credit opening the sentence after its caption, an agency's name in brackets after it ("( ap photo/bo dorn ) (
# associated press ) the ...")
_LOWER_BRACKET_CREDIT = re.compile(_CREDIT_AFTER.pattern + rf"(?:\s*\(\s*(?:associated\s+press|{_AGENCIES})\s*\))?"
                                   r"\s+(?=[a-z0-9\"“])", re.IGNORECASE)


def credited_caption(sentence: str, text: str, end: int) -> bool:
    """Whether a ``lower_cased_page``'s sentence ending at ``end`` of its page ``text`` is a photo's caption by its
    place: a photo's credit in brackets follows it (``_CREDIT_AFTER``: "Ann velk stands in her office in velm. ( bo
    dorn/the velm post ) the ferry line said ..."; a caption tells what the picture shows in any tense). One that
    quotes is news before a picture ("\"we will sail, \" velk said."). (A reader's brief only.)"""
    return text[end:end + 3].lstrip()[:1] == "(" and _CREDIT_AFTER.match(text, end) is not None \
        and not ('"' in sentence or "“" in sentence)


def lower_page_caption(sentence: str, text: str, end: int | None) -> bool:
    """Whether a ``lower_cased_page``'s sentence ending at ``end`` of its page ``text`` is a photo's caption: by its
    words (``lower_caption``) or by the credit that follows it (``credited_caption``; ``end`` None: a sentence with no
    place in the page, read by its words only). One rule for the reader's brief and what each new article adds."""
    return lower_caption(sentence) or (end is not None and credited_caption(sentence, text, end))


def _picture_act(text: str) -> bool:
    """Whether ``text`` tells a person's act in the picture's present (``_PICTURE_VERBS``) outside a relative clause
    ("Ann velk waves to ..."; not "The minister, who attends the summit in velm, resigned on ...")."""
    return any(not _RELATIVE_BEFORE.search(text, max(0, m.start() - 60), m.start())
               for m in _LOWER_PICTURE_VERB.finditer(text))


# the first word of a sentence, up to a space
_FIRST_WORD_RUN = re.compile(r"\S+")


def sentence_case(text: str) -> str:
    """``text`` opening on a capital where its first word has none ("the drone crossed ..." after a lower-case
    page's dateline: "The drone crossed ..."; "e-mail messages show ..." -> "E-mail messages show ..."): a sentence
    opens on a capital whatever its first word's hyphens, apostrophes or dots; "eBay said ..." (a capital inside
    its first word) stays, and so does a first word that opens on no letter."""
    m = _FIRST_WORD_RUN.match(text)
    if m is None or not text[:1].islower() or any(c.isupper() for c in m.group()):
        return text
    return text[:1].upper() + text[1:]


def _dateline_mark(text: str) -> bool:
    """``_DATELINE_MARK.search(text, 0, 80)``, tried only where the first 80 characters hold "-", "(",
    "_" or "—", one of which every form of the mark holds (most sentences hold none there)."""
    head = text[:80]
    return ("-" in head or "(" in head or "_" in head or "—" in head) and bool(_DATELINE_MARK.search(head))


_ENDS = re.compile(r"[.!?][\"”’'`)\]]*$|[\"”’'`]{1,2}$")
_CLOSERS = "\"”’'`)]"


def ends_sentence(text: str) -> bool:
    """Whether single-line text ends as a sentence does (``_ENDS.search(text)``), read without scanning
    it: a final mark, then only closing quotes or brackets; or a closing quote last."""
    return text[-1:] in ("\"", "”", "’", "'", "`") or text.rstrip(_CLOSERS)[-1:] in (".", "!", "?")


def cut_off(sentence: str, end: int, text_end: int) -> bool:
    """Whether a sentence ending at ``end`` is the cut end of a truncated page: its article's text
    (``text_end``: where the text ends, less closing white space) stops there with no final mark
    ("... the party of the president who appointed each justice is a reliable")."""
    return end >= text_end and not ends_sentence(sentence)


def trim_span(text: str, lead: bool = True, attributions: bool = True) -> tuple[int, int, str]:
    """``(i, j, tail)`` such that ``text[i:j] + tail`` is the sentence without page furniture glued
    before it (``furniture_open_end``), without its dateline ("PARIS (AP) _ ") and without a closing
    attribution ("..., officials said Tuesday."), ``tail`` being the sentence's final mark when an
    attribution was dropped, else "". Only the ends move, so the result stays the words at known
    offsets."""
    i = furniture_open_end(text)
    # a dateline opens an article: only its first sentence (``lead``) is looked at, but for a news
    # agency's, which can open any story of a page
    m = (_DATELINE.match(text) if lead else _AGENCY_DATELINE.match(text)) \
        if not i and _dateline_mark(text) else None
    if m and (text[m.end():m.end() + 1].isupper() or text[m.end():m.end() + 1].isdigit()):
        i = m.end()
    elif not i and lead:
        i = _date_line_lead(text)   # "LONDON 1996-08-30\nPakistan declared ..."
    i = _page_lead_end(text, lead, i)
    stamp = _DATE_STAMP.match(text, i)
    if stamp and stamp.end() < len(text.rstrip()) - 20:
        i = stamp.end()   # "Tuesday, January 18, 2005Through a telethon ...": the page's date, glued on
    body = text[i:]
    if not attributions:
        return i, len(text), ""
    # the attribution closes the sentence: look only at its end
    m = _attribution_tail(body)
    if m and len(body[: m.start()].split()) >= 8 and not re.search(r"``|\"|“", body[: m.start()]) \
            and not said_content(body[: m.start()], body[m.start():]):
        return i, i + len(body[: m.start()].rstrip(" ,\n")), m.group(1)
    return i, len(text), ""


# a closing "said" with its speaker after it ("..., said Mara Velk."): what follows it must be a
# speaker, no clause ("..., said it has not cut any crossings.", "..., said that ..."); a passive
# "was said to be safe" reports no speaker at all
_SAID_FIRST = re.compile(r"[\s,]*(?:said|says|told|reported)\s+(\S+)(.*)", re.DOTALL)
_CLAUSE_OPENERS = frozenset("that he she it they we i there of about how what why whether".split())
_PASSIVE_SAID = re.compile(r"\b(?:was|were|is|are|be|been|being)\s+(?:said|reported)\b")


def said_content(kept: str, tail: str) -> bool:
    """Whether a closing attribution match ``tail`` after ``kept`` holds what was said, not who said
    it: the sentence's subject stands before it, so that its "said" is the sentence's own verb
    ("Mara Velk, a spokeswoman for the ferry line, said it has not cut any winter crossings.", "The
    harbor master, Tomas Brenn, said on Monday that ...", "Ines Farrow, the youngest climber, told of
    her night in the snow cave.", "Councillor Pell, the head of the panel, was said to be safe.").
    With the speaker after the verb ("..., said Mara Velk.") the words after it are a name or a noun
    phrase; after a quotation ("...,'' said a man who gave his name as Sami.") they may be anything.
    A word written with a capital there is a name's, no verb ("..., said May Brenn.", "said Drew Halley")."""
    if _PASSIVE_SAID.search(tail):
        return True
    m = _SAID_FIRST.match(tail)
    if m is None:
        return False
    first, rest = m.group(1), m.group(2)
    lower = " ".join(w for w in (first + rest).split() if not w[:1].isupper())
    return first.lower() in _CLAUSE_OPENERS or has_verb_word(lower) or not has_verb_cue(kept)


# what a tokenized corpus (Penn Treebank style: TDT, DUC, Timeline17) writes in place of ordinary
# typography (its brackets: ``PTB_BRACKETS``), and what a reader expects to see instead
_PTB_CLITIC = re.compile(r"(?<=\w) (n't|['’](?:s|re|ve|ll|d|m)\b)", re.IGNORECASE)
_PTB_PLURAL_POSSESSIVE = re.compile(r"(?<=[a-z]s) (['’])(?= \w)")  # "Egyptians ' food" -> "Egyptians' food"
_PTB_PUNCT = re.compile(r"(?<=[\w\"”’')\]%]) ([.,;:!?%](?![\w.]))")   # not an ellipsis " ... "
_PTB_OPEN = re.compile(r"([(\[“$]) (?=\S)")
_PTB_CLOSE = re.compile(r"(?<=\S) ([)\]”])")
# a typewriter quote ('') after a space, an opening bracket or a dash and before a word opens a quotation
# (a wire's "a complex ''because ..."); any other closes one, as every '' of a tokenized corpus does
_TYPEWRITER_OPEN = re.compile(r"(?<![^\s(\[—–])''(?=\w)")
_PTB_SINGLE = re.compile(r"`\s?([^`'\n]{1,200}?)\s?'(?!\w)")
# a spaced hyphen between two words of a tokenized text: a split compound ("so - called") unless the word
# after it opens a clause or a phrase ("BP - which", "the spill - and"), outside a chain of them ("hit -
# and - run", "state - of - the - art")
_PTB_HYPHEN = re.compile(r"(\w+) - (?=(\w+)( - (?=\w))?)")
# prefixes a split compound may put before a capitalised word ("anti - American", "mid - April")
_CAPITAL_PREFIXES = frozenset("anti pro non mid post pre ex pan trans un all neo sub super ultra inter intra "
                              "euro afro franco anglo".split())
_DASH_OPENERS = frozenset(
    "a an the which who whom whose this these those it its he she they we i you his her their our my and but or "
    "nor so yet although though because while whereas if unless including is are was were has have had will "
    "would could should can may might must not there what where when as such even".split())
_KEPT_HYPHEN = re.compile(r"[^\W\d_]-[^\W\d_]")   # a hyphen left inside a word ("clean-up"): its " - " is a dash
_PTB_POUND = re.compile(r"(?<!\S)# (?=\d)")       # a tokenized corpus's pound sign ("# 53m")


_DLRS = re.compile(r"\b(?:US\s+)?dlrs\.?\s+(\d)")
# a hyphen set off by spaces that no dash can be: after a number before its unit ("59 - year - old",
# "Sixteen - year - old", "third - floor", "12 - gauge"; not "won 65 - 53 - even so"), in "year - old",
# after a prefix ("anti - piracy")
_SPACED_HYPHEN = re.compile(r"((?:\d|\b(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|"
                            r"[Ee]leven|[Tt]welve|[A-Za-z]+teen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|"
                            r"[Ss]eventy|[Ee]ighty|[Nn]inety|[Hh]undred|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|"
                            r"[Ff]ifth))(?=\s-\s(?:year|month|week|day|hour|minute|mile|yard|foot|inch|meter|metre|"
                            r"kilometer|kilometre|gauge|point|game|member|stor[ey]y|floor|car|man|person|page|"
                            r"round|seat|lap|percent|room|acre|pound|ton|caliber|calibre|mm|km|degree|place|"
                            r"quarter|term|time)s?\b)|"
                            r"\b(?:years?|months?|weeks?|days?)(?=\s-\sold\b)|"
                            r"\b(?:anti|co|non|pre|post|ex|self|semi|multi|mid))\s-\s(?=[a-z])")
# a lead-in in capitals before the sentence goes on in lower case ("AN AUSTRALIAN climber who ...",
# "A MAN has been charged"): a tabloid's typography
_LEAD_OPENER = re.compile(r"(?:A|AN|THE|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|\d+)\s")  # not "NEW YORK police"
_SHOUTED_LEAD = re.compile(r"^((?:[A-Z][A-Z'’-]*\s+){1,5}[A-Z][A-Z'’-]*)(?=\s+[a-z])")


def _recased(lead: str) -> str:
    """A lead-in in capitals as a sentence's start writes it: "AN AUSTRALIAN" -> "An Australian"."""
    from ..analyze.entities import usual_case

    shown = usual_case(lead.split())
    shown[0] = shown[0][:1].upper() + shown[0][1:]
    return " ".join(shown)


_PTB_ESCAPE = re.compile(r"\\([/*])")


def display_text(text: str) -> str:
    """``text`` as a reader should see it: a tokenized corpus's brackets (-LRB-), detached clitics
    ("Libya 's", "do n't"), detached punctuation ("said ." "fees , and") and typewriter quotes
    (``...'') in ordinary typography. Text that is not tokenized comes back as it was, but for
    ``...'' and ''...'' quotes, which become “...” (a '' opens a quote after a space and before a
    word, closes one elsewhere; the source's spacing kept), a wire's " _ " dash and "dlrs 5" for $5. A tokenized text's
    spaced hyphen joins a split compound ("so - called") but stays a dash where the text keeps its
    hyphens in words or the next word opens a clause ("BP - which"); its "# 53m" is "£53m"."""
    ptb = "``" in text or "''" in text   # (typewriter quotes or brackets: written as a tokenized corpus is)
    if ptb:
        text = _TYPEWRITER_OPEN.sub("“", text.replace("``", "“")).replace("''", "”")
    if "`" in text:  # single quotes: ` speechless ' -> ‘speechless’
        text = _PTB_SINGLE.sub(r"‘\1’", text)
    if "-" in text:
        for tok, ch in PTB_BRACKETS.items():
            if tok in text:
                ptb = True
                text = text.replace(tok, ch)
    if "\\" in text:  # a tokenized corpus's escapes: "2-1\/2-year", "A\/H1N1", "Swine Flu \* Reuters"
        text = _PTB_ESCAPE.sub(r"\1", text)
    if " " not in text:
        return text
    kept_hyphens = bool(_KEPT_HYPHEN.search(text))
    lead = _SHOUTED_LEAD.match(text)
    if lead and sum(c.isalpha() for c in lead.group(1)) >= 4 and _LEAD_OPENER.match(lead.group(1)):
        text = _recased(lead.group(1)) + text[lead.end():]
    if " - " in text:
        text = _SPACED_HYPHEN.sub(r"\1-", text)
    if " _ " in text:  # a wire's typewriter dash: "The returns _ an even break _ left ..."
        text = text.replace(" _ ", " — ")
    if "dlrs" in text:  # a wire's "dlrs 2.6 million" is "$2.6 million"
        text = _DLRS.sub(r"$\1", text)
    tokenized = bool(_PTB_PUNCT.search(text) or _PTB_CLITIC.search(text))
    if (tokenized or ptb) and "# " in text:  # PTB writes "£53m" as "# 53m"
        text = _PTB_POUND.sub("£", text)
    text = _PTB_CLITIC.sub(r"\1", text)
    text = _PTB_PLURAL_POSSESSIVE.sub(r"\1", text)
    text = _PTB_PUNCT.sub(r"\1", text)
    text = _PTB_OPEN.sub(r"\1", text)
    if tokenized and " - " in text and not kept_hyphens:  # a tokenized hyphen ("so - called", "Kim Jong - un")
        text = _tokenized_hyphens(text)
    return _PTB_CLOSE.sub(r"\1", text)


def _tokenized_hyphens(text: str) -> str:
    """A tokenized text's spaced hyphens between words joined as in a compound ("so-called"), but for
    dashes: one before a word that opens a clause ("BP - which"), one before a capitalised word after a
    number or a lower-case word other than a prefix ("June 14 - Rebels took", "the relief - Officials
    said"; not "anti - American") or a capitalised function word ("BP - In May"), and, after a dash
    before a clause's opener, the next one at least three words on, which closes that aside ("BP -
    which owns the well - fell"), unless a prefix stands before it."""
    out: list[str] = []
    last = 0
    opened_at: int | None = None   # the word count where an aside opened by a dash began
    for m in _PTB_HYPHEN.finditer(text):
        out.append(text[last:m.end(1)])
        before, after, chained = m.group(1), m.group(2), bool(m.group(3))
        words_in = len(text[last:m.end(1)].split()) if opened_at is not None else 0
        capital_after = after[:1].isupper() and (before.isdigit() or after.lower() in STOP
                                                 or (before.islower() and before not in _CAPITAL_PREFIXES))
        chained = chained or (m.start() == last and out[-2:-1] == ["-"])   # the last link of a chain
        if not chained and after.lower() in _DASH_OPENERS:
            dash, opened_at = True, 0
        elif not chained and capital_after:
            dash, opened_at = True, None
        elif (opened_at is not None and not chained and opened_at + words_in >= 3
              and before.lower() not in _CAPITAL_PREFIXES):
            dash, opened_at = True, None
        else:
            dash = False
            if opened_at is not None:
                opened_at += words_in
        out.append(" - " if dash else "-")
        last = m.end()
    out.append(text[last:])
    return "".join(out)
