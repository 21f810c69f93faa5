"""Sentence splitting for news English, with character offsets into the article text.

pysbd's rule set (Golden Rules of sentence boundaries) does the splitting inside a paragraph; a
few news-specific repairs follow: "10 a.m. Monday" stays whole, a split before a lowercase word is
undone. Paragraphs are blank-line blocks; inside one, a line break after sentence-final
punctuation also ends a paragraph (one-paragraph-per-line files), other line breaks are wraps.

Tokenized corpora with one sentence per line (Penn Treebank style: "said . ''", "-LRB-", "do n't",
as in TDT, DUC and Timeline17) are recognized by their detached final marks and keep one line = one
sentence: pysbd would cut "`` We won . ''" after the full stop and "We ... won" at the dots.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from ..records import Article, Sentence
from .timex import IRREGULAR_PAST, MONTH_NAMES, WEEKDAY_NAMES, live_log, live_stamp_cuts

__all__ = ["NEWS_AGENCIES", "UPDATED_OPEN", "VERB_CUE", "WIRE_AGENCIES", "byline_end", "comments_start", "has_verb_cue", "headline_end", "report_sentences",
           "split_sentences", "sentence_around", "sentence_spans", "paragraph_spans"]

# the agencies whose name in brackets makes a dateline ("PARIS (AP) _"): wires, then broadcasters
WIRE_AGENCIES = ("AP", "Reuters", "AFP", "Xinhua", "UPI")
NEWS_AGENCIES = WIRE_AGENCIES + ("CNN",)
_BLOCK = re.compile(r"\n[ \t]*\n+")
_LINE_END_SENT = re.compile(r"[.!?:\"”’')\]]\s*$")
# a page's date stamp alone: "Originally published 05 / 03 / 2013 at 10:20 AM EDT", "09/10/10 08:23 PM ET"
_STAMP_WORDS = re.compile(rf"\b(?:originally|first|last|published|posted|updated|modified|on|at|am|pm|a\.m\.|p\.m\.|"
                          rf"[A-Z]{{1,2}}[SD]?T|GMT|UTC|{MONTH_NAMES}|{WEEKDAY_NAMES})(?!\w)", re.IGNORECASE)


# a writer's name: two to four capitalised words, not a day or a month ("By Friday, CNN Correspondent
# X had reached ..." is no byline)
_BYLINE_NAME = rf"(?!(?:{WEEKDAY_NAMES}|{MONTH_NAMES})\b)[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){{1,3}}"
# an outlet, with the writer's title at it ("Associated Press Writer", "CNN National Security Producer")
_OUTLET = (r"(?:CNN|Reuters|AFP|Bloomberg(?:\s+News)?|BBC(?:\s+World)?\s+News|NPR|(?:The\s+)?Associated\s+Press|AP)"
           r"(?:\s+(?:[A-Z][a-z]+\s+){0,3}(?:Writer|Correspondent|Reporter|Editor|Producer|Analyst|Contributor))?")
# a byline opening an article, where its outlet tells where it ends ("By Salma Abdelaziz, CNN The
# unrest ...", "January 30, 2011 | By Tarek Osman, Special to CNN This week ...", "By the CNN Wire
# Staff Saudi King Abdullah ...", "By Richard Black Environment correspondent, BBC News The oil
# ...", "From Mohammed Tawfeeq, CNN Hundreds of ...", "By JOHN SMITH, Associated Press Writer The
# ..."); a byline without its outlet ("By Lisa Rein and Ed O'Keefe BP has ...") gives no end
_BYLINE_OPEN = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*,\s*\d{4}\s*\|\s*)?(?:By|From)\s+(?:"
    r"the\s+(?:CNN|AP|AFP|Reuters|BBC|Associated\s+Press)\s+Wires?\s+[Ss]taff"
    rf"|{_BYLINE_NAME}(?:\s*,\s*{_BYLINE_NAME})*(?:\s*,?\s+and\s+{_BYLINE_NAME})?"
    rf"(?:\s*,\s*(?:(?:Special\s+)?(?:to|for|For)\s+)?{_OUTLET}|\s+for\s+{_OUTLET}"
    rf"|\s+(?:[A-Z][a-z]+\s+){{0,2}}(?:correspondent|reporter|editor|writer)\s*,\s*{_OUTLET}))"
    r"\s+(?=[A-Z0-9\"“`])")


# a byline that a page's date stamp ends ("By Shelley DuBois, reporterFebruary 7, 2011: 5:46 AM ET
# ", "By JP Mangalindan, Writer February 1, 2011 "), or such a stamp with its time alone ("February 7
# , 2011 : 8:43 AM ET "): the stamp tells where it ends, with or without an outlet
_BYLINE_STAMP = re.compile(
    rf"^(?:By\s+{_BYLINE_NAME}(?:\s*,\s*(?:[A-Za-z]+\s?){{1,3}}?)?\s*)?"
    rf"(?:{MONTH_NAMES})\.?\s+\d{{1,2}}\s*,\s*\d{{4}}"
    r"(?P<time>\s*:?\s*\d{1,2}\s*:\s*\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{1,4}\b)?)?\s+(?=[A-Z0-9\"“`])")


# a page's update stamp opening its text, with the day before or after it and a help link after it
# ("24 June 2010 Last updated at 14:59 GMT Help ", "Last updated : 14 January , 2010 - 17:26 GMT ",
# "Page last updated at 08:58 GMT , Thursday , 24 June 2010 09:58 UK ")
UPDATED_OPEN = re.compile(
    rf"(?:\d{{1,2}}\s+(?:{MONTH_NAMES})\s+\d{{4}}\s+)?(?:Page\s+last|Last|PAGE\s+LAST|LAST)\s+(?:updated|UPDATED)"
    r"\s*(?:at|on)?\s*:?\s*[^.!?\n]{0,60}?(?:\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b)"
    r"(?:\s*[,-]?\s*\d{1,2}[:.]\d{2}\b)?(?:\s*(?:GMT|UTC|UK|BST|ET|EST|EDT|CET)\b)*(?:\s+Help)?\s+"
    rf"(?=[A-Z0-9\"“`])(?!(?:GMT|UTC|UK|BST|ET|EST|EDT|CET|{WEEKDAY_NAMES}|{MONTH_NAMES})\b|\d{{1,2}}(?:[:.]\d\d|\s+[A-Z]))")


def byline_end(text: str) -> int:
    """Where a byline with its outlet opening ``text`` ends (``_BYLINE_OPEN``: "By Salma Abdelaziz,
    CNN ", "January 30, 2011 | By the CNN Wire Staff "), or a byline or a page's time stamp that a
    date stamp ends (``_BYLINE_STAMP``), or a page's update stamp (``UPDATED_OPEN``: "24 June 2010
    Last updated at 14:59 GMT Help "); 0 when the text opens with none."""
    if text[:1].isdigit() or text.startswith(("Last ", "Page ", "LAST ", "PAGE ")):
        m = UPDATED_OPEN.match(text)
        return m.end() if m else 0
    if not text.startswith(("By ", "From ", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                            "Nov", "Dec")):
        return 0
    m = _BYLINE_OPEN.match(text)
    if m:
        return m.end()
    m = _BYLINE_STAMP.match(text)
    return m.end() if m and (text.startswith("By ") or m.group("time")) else 0


_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[A-Za-z]")


def stamp_only(text: str) -> bool:
    """Whether a line or a sentence is a date or time stamp and nothing else (a line of its own: no
    sentence goes on from it into the next line). (Compiled patterns: this runs on every sentence a
    summary reads, where ``re.search``'s look-up of its pattern cost more than the search.)"""
    if len(text) > 80 or not _DIGIT.search(text):
        return False
    return not _LETTER.search(_STAMP_WORDS.sub(" ", text))
_AMPM_END = re.compile(r"\b(?:a\.m\.|p\.m\.|A\.M\.|P\.M\.)$")
_TIME_CONT = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|yesterday|"
    r"tonight|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|January|February|March|April|May|June|"
    r"July|August|September|October|November|December|[A-Z]{2,4}T\b|[ECMP]T\b|GMT|UTC|local|"
    r"(?:[A-Z][a-z]+\s+){1,2}(?:(?:Standard|Daylight|Summer)\s+)?[Tt]ime)\b"
)
# a title before a name that pysbd takes for a sentence end ("Army Spc. Charles Graner", "Pfc.
# Lynndie England", "Fr. Michael Kelly"); "Sen." and "Gen." are left to pysbd ("Hun Sen." ends one)
_TITLE_END = re.compile(r"(?:^|[\s(\"“`'‘])(?:Spc|Pfc|Pvt|Cpl|Sgt|S[Ss]gt|Capt|Cmdr|Cmndr|Cdr|Adm|Maj|Brig|Insp|Det|Supt|Fr|Msgr|Mr|Mrs|Ms|Dr|"
                        r"Gov|Rep|Gen|Lt|Col|Prof|Rev|Atty|Amb)\.$")
# a piece that opens on a comma or a semicolon continues the sentence before ("Rep. Robert
# Livingston, R-La., that he would ...")
_MARK_START = re.compile(r"^[,;]")
# "CASPER, Wyo. - Sen. Ted Cruz ...": a dash on the same line goes on the sentence (a dateline's)
_DASH_START = re.compile(r"^(?:-{1,2}|—|–|_)\s")
_DATELINE_ONLY = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}, (?:[A-Z][a-z]{1,5}\.|(?:[A-Z]\.){2,3})$")
# a closing quotation mark, then the next sentence: the mark ends the sentence before
_CLOSER_START = re.compile(r"^(?:''|”|\")(?=\s+\S)")


def _open_quote(text: str, closer: str) -> bool:
    """Whether ``text`` leaves a quotation open that ``closer`` ('' ” or ") can close."""
    if closer == '"':
        return text.count('"') % 2 == 1
    return text.count("``") + text.count("“") > text.count("''") + text.count("”")
_NAME_START = re.compile(r"^[A-Z][a-z]")
_LOWER_START = re.compile(r"^(?:[\"“'‘(\[]|(?:_|--|—|–)\s*)?[a-z]")  # also "Corp. _ the Sherman Act ..."
_NUM_ABBREV_END = re.compile(r"(?:^|\s)(?:No|Nos|Vol|Vols|Art|Sec|Ch|Fig|Figs|pp?|Para|Pt|Op)\.$")
_DIGIT_START = re.compile(r"^\d")
# a decimal written with a space after its point ("fell by 34. 58 points", "worth 3. 46 trillion won"), as
# some wires do: no sentence ends at the point (a year before it, "in 1998. 58 percent ...", may end one)
_SPLIT_DECIMAL_END = re.compile(r"(?:^|[\s(])\d{1,3}(?:,\d{3})*\.$")
_DECIMAL_REST = re.compile(r"^\d{1,3}\s+(?:points?|percent|per\s+cent|pct|trillion|billion|million|thousand|"
                           r"yuan|won|yen|dollars|euros|pounds|rupees|rupiah|baht|pesos)\b")
_CLOSERS_ONLY = re.compile(r"^(?:''|'|\"|”|’|\)|\]|-RRB-|-RSB-|\s)+$")
_TOKENIZED_END = re.compile(r"\S\s+(?:[.!?]|\.\.\.|''|'|-RRB-)\s*$")
_TOKENIZED_SHARE = 0.6  # this share of a text's lines ending in a detached mark: one sentence per line
_LONG_LINE = 2000  # characters: a line longer than this is no one sentence
_DETACHED_MARK = re.compile(r"\S [,;:)](?=[ \t])|\( (?=\S)")
_ATTACHED_MARK = re.compile(r"[\w\"'][,;:)](?=[ \t])|\((?=\w)")
_DETACHED_MIN = 3


# a finite verb, as far as words tell without a tagger: an auxiliary or modal, "said", a past form, or
# a present one before an object or a particle ("begins the", "plans to", "warns that"). Its first
# branch's whole words (``_VERB_WORDS``) are also found by a set test (``has_verb_cue``: the pattern's
# search costs about 10 µs a sentence, the set test under 1)
_VERB_WORDS = ("is are was were be been being has have had do does did will would can could may might must shall "
               "should said says say".split() + list(IRREGULAR_PAST)
               + "put set fled sank built won't can't isn't aren't wasn't weren't hasn't haven't didn't doesn't".split())
VERB_CUE = re.compile(
    r"\b(?:" + "|".join(_VERB_WORDS) + r")\b|(?<!\ba )(?<!\ban )(?<!\bthe )\b[A-Za-z]{2,}ed\b|"
    r"\b[a-z]{3,}s\b(?= (?:a|an|the|to|that|its|his|her|their|on|in|at|for|with|up|out|down|off|over|back|"
    r"into|from|about|this|these|those|some|no|more|it|him|them|us)\b)", re.IGNORECASE)
_VERB_WORD_SET = frozenset(_VERB_WORDS)


def has_verb_word(text: str) -> bool:
    """Whether ``text`` holds one of ``VERB_CUE``'s whole words (an auxiliary, a modal, "said", an
    irregular past): its surest cues, without the "-ed" and "-s" forms a noun may take ("officials in")."""
    return not _VERB_WORD_SET.isdisjoint(text.lower().split())


def has_verb_cue(text: str) -> bool:
    """Whether ``text`` holds a verb cue (``VERB_CUE``): the set test first, the pattern when it fails."""
    return has_verb_word(text) or bool(VERB_CUE.search(text))


# a caption or a fact-box line run into the sentence after it without a stop ("BBC reporter on the
# ground in Port-au-Prince The US is mounting one of the biggest relief operations ..."): a sentence
# opener after a lower-case letter or a digit, where the words before it have no verb
_GLUE = re.compile(r"(?<=[a-z0-9%])\s+(?=(?:The|A|An|He|She|It|They|We|This|These|Those|Most|Many)\s+[\w$])")
# words after which "The X" is a name, not a new sentence ("hip-hop trio The Fugees", "told The Times")
_NAMES_NEXT = frozenset("""of and or to in at on by for from with as than that like said says say told tells according
called named dubbed titled nicknamed band group trio duo quartet newspaper paper magazine journal film movie show
series album song single book novel play programme program channel station network club team hotel restaurant bar
ship vessel website site blog column guitarist singer drummer while whereas but who which where whose""".split())


# a sentence's own opening phrase without its comma ("In a statement on Monday the group ...")
OPENING_PHRASE_WORDS = frozenset("""according in on at after before during for with under since despite amid among as by from
over following when while if although though because once until""".split())


def _glued(text: str, start: int, end: int) -> int | None:
    """Where a verbless caption run into the next sentence ends, inside ``text[start:end]``, or None."""
    for m in _GLUE.finditer(text, start, min(end, start + 200)):
        head = text[start:m.start()]
        words = head.split()
        # (or a fact box's label of two words, the first in capitals: "YANKEES Pitching The starting ...")
        label = len(words) == 2 and len(words[0]) >= 3 and words[0].isalpha() and words[0].isupper()
        if not (3 <= len(words) <= 20 or label):
            continue
        if (words[-1].lower() in _NAMES_NEXT or head.lstrip()[:1] in "\"“'‘(" or has_verb_cue(head)
                or words[0].lower() in OPENING_PHRASE_WORDS):
            return None  # the words before have a verb: no caption (nor is any later opener one's end)
        if _sentence_after(words, text[m.end():end]):
            return m.end()
    return None


# a page's headline (or a picture's caption) run into its first sentence without a mark: "Haiti
# earthquake rescue operation declared over A 23-year-old man has been pulled alive ...", "Second
# pupil tested for swine flu A second child is being treated ...": a lower-case word or a number,
# then a sentence's usual opener and a lower-case word
_HEADLINE_GLUE = re.compile(r"(?<=[a-z0-9%])\s+(?=(?:(?:The|A|An|He|She|It|They|We|This|These|Those|Most|Many|Two|Three|"
                            r"Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands|Police|Officials|More|"
                            r"Some|Almost|Nearly|About|There)"
                            r"\s+[a-z0-9$]|The\s+[A-Z]|(?P<word>[A-Z][a-z]+)\s+[a-z]))")
# words a headline does not end with, before the capital of a word that news writes in lower case
_FUNCTION_WORDS = _NAMES_NEXT | frozenset("""is are was were be been being has have had do does did will would can could
should may might must a an the this these those his her its their our my your not no into onto over under after
before about""".split())
# marks a headline may hold ("Rig sinks in Gulf, oil spill risk looms", "Napolitano: This is a spill of
# national significance"): a sentence's own end, a bracket, a semicolon or a clock's time ("Last updated
# at 09:41 GMT", a page's stamp that its lead keeps) is none of a headline's
_HEADLINE_MARKS = re.compile(r"[;.!?(]|\d:\d")


def _glued_headline(text: str, start: int, end: int) -> int | None:
    """Where a headline run into an article's first sentence ends (a head of 4-16 words with no
    mark, not in title case, then at least six words with a verb), or None. Looked for in the
    first sentence only: met in 108 of 3,330 T17 pages, never in DUC, TAC, Multi-News, PolNeAR,
    ECB+ or NewsWCL50."""
    for m in _HEADLINE_GLUE.finditer(text, start, min(end, start + 160)):
        head = text[start:m.start()]
        words = head.split()
        if not 4 <= len(words) <= 16 or _HEADLINE_MARKS.search(head):
            continue
        if m.group("word") and not (words[-1].isalpha() and words[-1].islower() and words[-1] not in _FUNCTION_WORDS
                                    and common_word(m.group("word"))):
            continue  # "... spill risk looms Fire boat crews battle": a word news writes in lower case opens
            #           the sentence after a headline's last word; a name does not ("... led by Jindal
            #           aides"), nor a title's word after a function word ("the drama This is Home will")
        if _capitalised(words):
            return None  # a headline in title case ("Hillary Just Vowed To Never Utter These 2 Words ..."):
            #              its capitals tell no sentence's start
        if words[-1].lower() in _NAMES_NEXT or words[0].lower() in OPENING_PHRASE_WORDS:
            return None  # "... starred in The ...", "In a statement The ..."
        if _sentence_after(words, text[m.end():end]):
            return m.end()
    return _titled_lead(text, start, end)


# a name opening a headline, then a verb in the present or a colon ("Donald Trump warns ...", "Trump:
# ..."), and a run of capitalised words opening the lead run into it ("... pact President Trump warned")
_HEAD_NAME = re.compile(r"(?:[A-Z][\w'’-]+\s+){0,2}([A-Z][\w'’-]+)(?=\s*:|\s+(?!(?:is|was|has|does)\b)[a-z]+s\b)")
_CAPITALS = re.compile(r"\s+((?:[A-Z][\w'’.-]*\s+){1,5})(?=[a-z])")
_NON_SPACE = re.compile(r"\S+")


def _titled_lead(text: str, start: int, end: int) -> int | None:
    """Where a headline that opens on a person's name ends when the lead run into it opens on a title
    and that same person's surname: "Trump signals openness to a new deal with Iran President Trump
    and his wife welcomed ..." (no sentence of news names its subject bare, then again with a title,
    within sixteen words), or None. A title there would read as the role of the headline's last name
    ("Iran President")."""
    opener = _HEAD_NAME.match(text, start)
    if opener is None:
        return None
    for m in _CAPITALS.finditer(text, opener.end(), min(end, start + 160)):
        spans = [w.span() for w in _NON_SPACE.finditer(text, m.start(1), m.end(1))]
        run = [text[a:b] for a, b in spans]
        # (the title may follow a place the headline ends on: "... to constrain Iran President Trump and")
        i = next((i for i in range(len(run)) if 0 < _title_words(run[i:]) < len(run) - i <= _title_words(run[i:]) + 3),
                 None)
        if i is None or run[-1] != opener.group(1):
            continue
        i -= 1 if i and run[i - 1].isupper() else 0  # (a country's abbreviation is the title's: "US President")
        head = text[start:spans[i][0]].rstrip()
        words = head.split()
        if 4 <= len(words) <= 16 and not _HEADLINE_MARKS.search(head) and words[-1].lower() not in _FUNCTION_WORDS \
                and not _capitalised(words) \
                and _sentence_after(words, text[spans[i][0]:end]):
            return spans[i][0]
    return None


def _capitalised(words: Sequence[str]) -> bool:
    """Whether a headline's words after its first are mostly capitalised (title case: "Hillary Just
    Vowed To Never Utter These 2 Words"), whose capitals tell no sentence's start."""
    return sum(w[:1].isupper() for w in words[1:]) >= 0.6 * (len(words) - 1)


def _title_words(run: Sequence[str]) -> int:
    """How many of a run's first words are a title (role modifiers, then a role's head: "Prime
    Minister", "Sen."), 0 when they are none."""
    from .ner_roles import ROLE_HEADS, ROLE_MODS  # (ner_roles reads the tagger's tokenizer: on use)

    low = [w.lower().rstrip(".") for w in run]
    k = 0
    while k < len(low) and low[k] in ROLE_MODS and low[k] not in ROLE_HEADS:
        k += 1
    return k + 1 if k < len(low) and low[k] in ROLE_HEADS else 0


def common_word(word: str) -> bool:
    """Whether news text writes ``word`` in lower case mid-sentence (its capital opens a sentence)."""
    from .entities import lowercase_word  # (the tagger's lexicon is read only when a text needs it)

    return lowercase_word(word)


def _sentence_after(words: list[str], rest: str) -> bool:
    """Whether ``rest``, after a caption's or a headline's ``words``, is a sentence of its own: at
    least six words with a verb, its opener no part of a name or a label they end with
    (``_name_goes_on``: "vitamin A is ...", "class A drugs")."""
    return not _name_goes_on(words, rest) and len(rest.split()) >= 6 and has_verb_cue(rest)


# words after which a capitalised opener is a name's or a label's end, not a sentence's start ("class
# A drugs", "vitamin A", "the hit drama This is Us", "network operator Three")
_LABEL_BEFORE = frozenset("""class vitamin hepatitis type grade plan category strain drama sitcom comedy remake thriller
documentary operator broadcaster carrier""".split())
_NAME_OPENERS = frozenset("Two Three Four Five Six Seven Eight Nine Ten Police Officials".split())
_A_THEN_VERB = re.compile(r"(?:A|An)\s+(?:is|are|was|were|has|have)\b")


def _name_goes_on(words: list[str], rest: str) -> bool:
    """Whether the opener after ``words`` goes on a name or a label they end with: a possessive
    ("Stephen King's It"), a label word ("vitamin A"), a capitalised word before a number word or a
    name's part ("World War Two", "Thames Valley Police", "Sir Thomas More"), "A is"."""
    last = words[-1]
    if last.endswith(("'s", "’s")) or last in ("'s", "’s") or last.lower() in _LABEL_BEFORE:
        return True
    opener = rest.split(maxsplit=1)[0] if rest.strip() else ""
    if last[:1].isupper() and (opener in _NAME_OPENERS or (opener == "More" and not rest.startswith("More than"))):
        return True
    return bool(_A_THEN_VERB.match(rest))


def _at_stamps(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` cut before each live-page entry time inside it (``timex.live_stamp_cuts``)."""
    cuts = live_stamp_cuts(text, s, e)
    if not cuts:
        return [(s, e)]
    bounds = [s, *cuts, e]
    return [(a, a + len(text[a:b].rstrip())) for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


# a section's heading in capitals run into the sentence after it ("NAZER AND FRANGINA, CHILDREN IN
# DELMAS The moment ..."): three words or more in capitals, then a word in lower case after a capital
_CAPS_HEAD = re.compile(r"(?:[A-Z][A-Z'’.-]*,?[ ]+){2,}[A-Z][A-Z'’.-]*[A-Z](?=[ ]+[A-Z][a-z])")
# a day told after a caption's last word ("in the arms of a rescuer On Sunday, five days after ...")
_DAY_GLUE = re.compile(r"(?<=[a-z])\s+(?=(?:On|By|Since|Until|Last|Early|Late|Earlier|Later)\s+(?:Monday|Tuesday|"
                       r"Wednesday|Thursday|Friday|Saturday|Sunday)\b)")


def _caps_head(text: str, start: int, end: int) -> int | None:
    """Where a heading in capitals run into the sentence after it ends (``_CAPS_HEAD``), or None."""
    m = _CAPS_HEAD.match(text, start, end)
    if m is None or sum(ch.isalpha() for ch in m.group()) < 12:
        return None
    rest = m.end() + len(text[m.end():end]) - len(text[m.end():end].lstrip())
    return rest if _sentence_after(m.group().split(), text[rest:end]) else None


def _day_glued(text: str, start: int, end: int) -> int | None:
    """Where a sentence opening with its day begins after a caption run into it (``_DAY_GLUE``;
    a capital after a word in lower case is no sentence's middle, as after a name's it may be), when
    what follows is a sentence."""
    for m in _DAY_GLUE.finditer(text, start, min(end, start + 200)):
        words = text[start:m.start()].split()
        if 3 <= len(words) <= 25 and words[-1].islower() and _sentence_after(words, text[m.end():end]):
            return m.end()
    return None


def _split_glued(text: str, spans: list[tuple[int, int]], lang: str) -> list[tuple[int, int]]:
    if not lang.lower().startswith("en"):
        return spans
    if live_log(text):
        spans = [piece for s, e in spans for piece in _at_stamps(text, s, e)]
    heads: list[tuple[int, int]] = []
    for s, e in spans:
        cut = _caps_head(text, s, e)
        heads.extend([(s, s + len(text[s:cut].rstrip())), (cut, e)] if cut is not None else [(s, e)])
    spans = heads
    out: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(spans):
        cut = _glued(text, s, e)
        if cut is None:
            cut = _day_glued(text, s, e)
        if cut is None and k == 0:
            cut = _glued_headline(text, s, e)
        if cut is None:
            out.append((s, e))
        else:
            head_end = s + len(text[s:cut].rstrip())
            out.extend([(s, head_end), (cut, e)])
    return out


@lru_cache(maxsize=8)
def _segmenter(lang: str = "en"):  # type: ignore[no-untyped-def]
    """pysbd's rules for ``lang`` (an ISO 639-1 code) where it has them, else its English ones."""
    import pysbd
    from pysbd.languages import LANGUAGE_CODES

    code = lang.split("-")[0].lower()
    segmenter = pysbd.Segmenter(language=code if code in LANGUAGE_CODES else "en", clean=False)
    segmenter.language_module = _with_quick_abbreviations(segmenter.language_module)
    return segmenter


_SPACE = re.compile(r"\s")


def _with_quick_abbreviations(language):  # type: ignore[no-untyped-def]
    """pysbd's rules of a language whose abbreviation pass gives what pysbd's gives, at a fraction of its
    cost, where the language keeps pysbd's own pass. That pass searches the text for each abbreviation
    the text holds anywhere, even inside a word ("co" in "record"), with an expression compiled anew
    once the expression cache is full, then rewrites the whole text once per place the abbreviation is
    written. Here an abbreviation of letters that opens no word is passed over, and the rewrite runs
    once per spelling found (a second run of the same rewrite changes nothing); a text with a brace
    goes through pysbd's own pass (its look at the letter after an abbreviation only reads braces)."""
    from pysbd.abbreviation_replacer import AbbreviationReplacer

    base = language.AbbreviationReplacer if hasattr(language, "AbbreviationReplacer") else AbbreviationReplacer
    if (base.search_for_abbreviations_in_string is not AbbreviationReplacer.search_for_abbreviations_in_string
            or base.scan_for_replacements is not AbbreviationReplacer.scan_for_replacements):
        return language  # (a language with a pass of its own keeps it)

    class QuickReplacer(base):
        def search_for_abbreviations_in_string(self, text: str) -> str:
            if "{" in text:
                return str(super().search_for_abbreviations_in_string(text))
            lowered = text.lower()
            word_starts = " " + _SPACE.sub(" ", text.casefold())  # (as loose as pysbd's search: "ſt" is "st")
            for abbr in self.lang.Abbreviation.ABBREVIATIONS:
                stripped = abbr.strip()
                if stripped not in lowered or (re.escape(stripped) == stripped and " " + stripped not in word_starts):
                    continue
                found = re.findall(r"(?:^|\s|\r|\n){}".format(stripped), text, flags=re.IGNORECASE)
                for spelling in dict.fromkeys(f.strip() for f in found):
                    text = self.scan_for_replacements(text, spelling, 0, [])
            return text

    return type(language.__name__, (language,), {"AbbreviationReplacer": QuickReplacer})


_PARAGRAPH_LINES = 0.6  # the share of lines ending a sentence that makes a text one paragraph per line


def _lines_are_paragraphs(text: str) -> bool:
    """Whether ``text`` writes one paragraph per line (most of its lines end a sentence, as pages
    and exports do, unlike hard-wrapped text): a line that ends in no mark is then a heading of its
    own ("ORLANDO MOURNS", a live page's "CNN Disputes ... On Carson"), not a wrapped line."""
    # (only the lines inside a block count: the last line of every block ends a sentence in any text)
    inner = [ln for block in _BLOCK.split(text) for ln in block.strip("\n").split("\n")[:-1] if ln.strip()]
    return len(inner) >= 3 and sum(1 for ln in inner if _LINE_END_SENT.search(ln)) >= _PARAGRAPH_LINES * len(inner)


_SHORT_LINE = 0.6    # a line under this share of its block's widest line is no wrapped line
_WRAP_WIDTH = 40     # characters: the widest line of a block that is hard-wrapped at all
# a line that opens on a label and a colon: a form's or a table's field ("Issuer: Akron", "Bowling (to
# date): ...", "Fall of wickets: 1-64"), not a wrapped sentence's next words
_WRAP_WORDS = frozenset("the a an and or of to but nor its his her their our your my this that these those".split())
_FIGURE_END = re.compile(r"(?:^|\s)\d[\d.,/-]*$")
_LABEL_LINE = re.compile(r"[A-Z][\w'’.&/-]*(?:[ \t]+[\w'’.&/-]+){0,3}(?:[ \t]+\([^()\n]{1,30}\))?:[ \t]")
# a dateline on a line of its own: a place in capitals (and its country or state), then the day
# ("LONDON 1996-08-30", "DORNE, Ore. Aug. 30", "AL-AIN, United Arab Emirates 1996-12-06")
_DATELINE_LINE = re.compile(rf"[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){{0,3}}(?:[ ]?,[ ]?[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){{0,3}})?"
                            rf"[ ]+(?:\d{{4}}-\d\d-\d\d|(?:{MONTH_NAMES})[ ]+\d{{1,2}}(?:[ ]?,[ ]?\d{{4}})?)")
# a fixtures table's row: two sides, each of capitalised words, with "v" or "vs" between ("Tarnby v North Vell")
_FIXTURE_ROW = re.compile(r"[A-Z][\w.'’&-]*(?:[ ][A-Z][\w.'’&-]*)*[ ](?:v|vs\.?)(?:[ ][A-Z][\w.'’&-]*)*[ ][A-Z][\w'’&-]*")
_CAPITALS_LETTERS = 4  # a line of capitals holds this many letters or more: a headline, not an initialism's wrap


def _capitals_line(line: str) -> bool:
    """Whether ``line`` is written in capitals ("SOCCER - TARNBY BEAT VELL", "LONDON 1996-08-30"), in two
    words or more: a word alone is as often an acronym wrapped in a narrow column ("who heads\nNATO\nOperations")."""
    return line.isupper() and " " in line and sum(ch.isalpha() for ch in line) >= _CAPITALS_LETTERS


def _line_ends_paragraph(text: str, line_start: int, nl: int, width: int) -> bool:
    """Whether the line ``text[line_start:nl]`` of a hard-wrapped block (``width``: its widest line) ends
    its paragraph though it ends in no mark: a line much shorter than the wrap width (a heading, a
    table's or a form's row: "NEW YORK 72 53 .576 -", "Issuer: Akron"), a dateline or a fixtures row
    ("LONDON 1996-08-30", "Tarnby v Vell") or one before it, a headline in capitals before a line that is
    not, or one before a line that opens on a label ("Bowling (to date): ..."), unless the next line
    opens in lower case (a wrap)."""
    nxt = text[nl + 1:nl + 2]
    if not nxt or nxt.islower() or nxt.isspace():
        return False
    line = text[line_start:nl].strip()
    last = line.rsplit(None, 1)[-1] if line else ""  # (in lower case: "Rating: A" ends on a grade)
    if not last or last in OPENING_PHRASE_WORDS or last in _WRAP_WORDS:
        return False  # "Results from the\n$450,000 Toshiba Classic ...": no heading ends on "the"
    if width >= _WRAP_WIDTH and len(line) < _SHORT_LINE * width:
        return True
    # a dateline or a fixtures table's row and the line before each, a headline in capitals before a line
    # in mixed case: lines of their own in a text of any width (no name runs on across them)
    below_end = text.find("\n", nl + 1)
    below_line = text[nl + 1:len(text) if below_end < 0 else below_end].strip()
    below_wraps = below_end >= 0 and text[below_end + 1:below_end + 2].islower()  # ("cited\nRoe v Wade\nbefore")
    if _DATELINE_LINE.fullmatch(line) or _FIXTURE_ROW.fullmatch(line) or not below_wraps and (
            _DATELINE_LINE.fullmatch(below_line) or _FIXTURE_ROW.fullmatch(below_line)):
        return True
    if _capitals_line(line) and not below_line.isupper():
        return True
    label = _LABEL_LINE.match(text, nl + 1)
    if label is not None and not has_verb_cue(label.group()):
        return True
    # a table's rows, each ending in its figure ("N. Hussain c Anwar b Younis 12", "G. Thorpe lbw b Akram 54"),
    # its last row ("... Vell 1" before "Played on Friday :"), a result's line ("Tarnby 2 Vell 1") and the
    # heading before a result or two rows ("Division two")
    if not nxt.isupper():
        return False
    below = _table_row(text, nl + 1)
    if _FIGURE_END.search(line):
        above = text.rfind("\n", 0, line_start - 1) + 1 if line_start > 0 else -1
        return below is not None or _SCORE_LINE.fullmatch(line) is not None \
            or (above >= 0 and _table_row(text, above) == line_start - 1)
    return below is not None and (_table_row(text, below + 1) is not None
                                  or _SCORE_LINE.fullmatch(text, nl + 1, below) is not None)


# a result's line: a side's capitalised words and its score, twice ("Tarnby 2 North Vell 1")
_SCORE_LINE = re.compile(r"(?:[A-Z][\w.'’-]*[ \t]+)+\d{1,3}[ \t]+(?:[A-Z][\w.'’-]*[ \t]+)+\d{1,3}")


def _table_row(text: str, start: int) -> int | None:
    """The end of the line opening at ``start`` when it is a table's row, opening in capitals and ending
    in a figure ("Tarnby 2 Vell 1"); None for any other line (or none)."""
    if not text[start:start + 1].isupper():
        return None
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    return end if _FIGURE_END.search(text[start:end].rstrip()) else None


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each paragraph, whitespace trimmed."""
    every_line = "\n" in text and _lines_are_paragraphs(text)
    pos = 0
    for m in list(_BLOCK.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        block_start = pos
        line_start = block_start
        i = block_start
        width = max((len(ln.strip()) for ln in text[block_start:end].split("\n")), default=0)
        while True:
            nl = text.find("\n", i, end)
            if nl == -1:
                break
            if (every_line and not text[nl + 1:nl + 2].islower()) or _LINE_END_SENT.search(text[line_start:nl]) \
                    or stamp_only(text[line_start:nl]) or _line_ends_paragraph(text, line_start, nl, width):
                yield from _trim(text, block_start, nl)
                block_start = nl + 1
            line_start = nl + 1
            i = nl + 1
        yield from _trim(text, block_start, end)
        if m is None:
            break
        pos = m.end()


def _trim(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


MAX_PIECE = 4000  # pysbd's abbreviation pass costs the square of its input: longer paragraphs are cut first
_SAFE_CUT = re.compile(r"(?<=[a-z0-9][.!?])[\"”’)]?\s+(?=[\"“]?[A-Z])")


def _pieces(text: str, start: int, end: int, forced: set[int] | None = None) -> list[tuple[int, int]]:
    """``[start, end)`` cut into pieces of at most about ``MAX_PIECE`` characters, each cut at a
    plain sentence end (a lower-case word or digit, a full stop, space, a capital), so that pysbd
    sees each piece alone; where no such end is near, at a weaker break (``_weak_cut``), whose
    position is added to ``forced``: no sentence runs on across it (every later stage reads a
    sentence whole, and text without punctuation must not make one sentence of a page)."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_PIECE:
        cut = None
        for m in _SAFE_CUT.finditer(text, start + MAX_PIECE // 2, start + MAX_PIECE):
            if _plain_end(text, m.start()):
                cut = m.end()
        if cut is None:
            cut = next((m.end() for m in _SAFE_CUT.finditer(text, start + MAX_PIECE, min(end, start + 4 * MAX_PIECE))
                        if _plain_end(text, m.start())), None)
        if cut is None:
            # no plain sentence end within reach (a list, text without punctuation): cut after the
            # last mark and space, else at the last space, so that no piece grows without bound
            cut = _weak_cut(text, start + MAX_PIECE // 2, start + MAX_PIECE)
            if cut is None:
                break
            if forced is not None:
                forced.add(cut)
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


_WEAK_END = re.compile(r"[.!?;:,][\"”’)]*\s+")


def _weak_cut(text: str, lo: int, hi: int) -> int | None:
    """Where to cut ``text[lo:hi]`` when it has no plain sentence end: after its last mark and
    space, else after its last space; None when it has no space at all."""
    last = None
    for last in _WEAK_END.finditer(text, lo, hi):
        pass
    if last is not None:
        return last.end()
    space = max(text.rfind(" ", lo, hi), text.rfind("\n", lo, hi))
    return space + 1 if space >= lo else None


_NOT_ENDS = frozenset(["vs", "approx", "cf", "al", "no", "nos", "esp", "incl", "etc", "e.g", "i.e", "p.m", "a.m"])


def _plain_end(text: str, stop: int) -> bool:
    """Whether the word before the mark at ``text[stop - 1]`` ends a sentence for sure (not "vs.")."""
    i = stop - 1
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    return text[i:stop - 1].lower() not in _NOT_ENDS


def _split_paragraph(text: str, start: int, end: int, lang: str = "en") -> list[tuple[int, int]]:
    if end - start > MAX_PIECE:
        spans: list[tuple[int, int]] = []
        forced: set[int] = set()
        for ps, pe in _pieces(text, start, end, forced):
            spans.extend(_split_piece(text, ps, pe, lang))
        return _repair(text, spans, forced)
    return _split_piece(text, start, end, lang)


def _pysbd_sentences(text: str, lang: str = "en") -> list[str]:
    """pysbd's sentences of ``text`` before its ``Segmenter.segment`` maps each back onto the text (a regex
    compiled per sentence and a scan from the text's start for each: the square of a paragraph's length);
    the caller finds them in the text itself."""
    segmenter = _segmenter(lang)
    return list(segmenter.processor(text).process() or [])


def _split_piece(text: str, start: int, end: int, lang: str = "en") -> list[tuple[int, int]]:
    para = text[start:end].replace("\n", " ")
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in _pysbd_sentences(para, lang):
        s = piece.strip()
        if not s:
            continue
        i = para.find(s, pos)
        if i < 0:  # pysbd changed the text: fall back to whole remaining paragraph
            spans.extend(_trim(text, start + pos, end))
            pos = len(para)
            break
        spans.append((start + i, start + i + len(s)))
        pos = i + len(s)
    if pos < len(para) and para[pos:].strip():
        rest = list(_trim(text, start + pos, end))
        spans.extend(rest)
    return _repair(text, spans)


# "... strongman Hun Sen. Hun Sen complained ...": "Sen." after a capitalised word inside the
# sentence that does not qualify a senator ("Democratic Sen.", "Ohio Sen.", "Majority Leader Sen.",
# "U.S. Sen.") ends a name, and the sentence
_SEN_END = re.compile(r"\b([A-Z][a-z]+) Sen\.(\s+)(?=[A-Z][a-z])")
_SENATOR_QUALIFIERS = frozenset(
    "Democratic Democrat Republican Independent GOP State Former Then Senior Junior Veteran Freshman "
    "Leader Chairman Chairwoman Whip Majority Minority Ranking Assistant Deputy Acting "
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii "
    "Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan "
    "Minnesota Mississippi Missouri Montana Nebraska Nevada Hampshire Jersey Mexico York Carolina "
    "Dakota Ohio Oklahoma Oregon Pennsylvania Rhode Island Tennessee Texas Utah Vermont Virginia "
    "Washington Wisconsin Wyoming".split())


def _split_sen(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans cut after a surname "Sen." that pysbd took for a senator's title."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if "Sen." not in text[s:e]:
            out.append((s, e))
            continue
        start = s
        for m in _SEN_END.finditer(text, s, e):
            # the name's first word is not the sentence's ("But Sen. Smith ...")
            if m.group(1) not in _SENATOR_QUALIFIERS and text[s:m.start(1)].strip(" \"“'‘("):
                out.append((start, m.start(2)))
                start = m.end(2)
        out.append((start, e))
    return out


# "Merck & Co. Inc. that promises ...": a company's abbreviated suffix goes on after "Co." or "Corp."
_COMPANY_END = re.compile(r"\b(?:Co|Corp|Cos|Bros)\.$")
_COMPANY_SUFFIX_START = re.compile(r"(?:Inc|Ltd|Corp|LLC|PLC|L\.P|S\.A|AG|N\.V)\b")


def _repair(text: str, spans: list[tuple[int, int]], forced: Iterable[int] = ()) -> list[tuple[int, int]]:
    """``spans`` with the cuts pysbd makes wrongly mended; never across a ``forced`` cut."""
    spans = _split_sen(text, spans)
    cuts = sorted(forced)
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and not (cuts and bisect.bisect_left(cuts, out[-1][1]) < bisect.bisect_right(cuts, s)):
            ps, pe = out[-1]
            prev, cur = text[ps:pe], text[s:e]
            if ((_AMPM_END.search(prev) and _TIME_CONT.match(cur)) or _LOWER_START.match(cur)
                    or (_TITLE_END.search(prev) and _NAME_START.match(cur))
                    or _CLOSERS_ONLY.match(cur) or _MARK_START.match(cur)
                    or (_DASH_START.match(cur) and "\n" not in text[pe:s] and _DATELINE_ONLY.match(prev))
                    or (_NUM_ABBREV_END.search(prev) and _DIGIT_START.match(cur))
                    or (_SPLIT_DECIMAL_END.search(prev) and _DECIMAL_REST.match(cur))
                    or (_COMPANY_END.search(prev) and _COMPANY_SUFFIX_START.match(cur))):
                out[-1] = (ps, e)
                continue
            closer = _CLOSER_START.match(cur)
            if closer and _open_quote(prev, closer.group(0)):  # "... reporting for duty.'' Gephardt complained.": the mark is the quotation's end
                out[-1] = (ps, s + closer.end())
                s += closer.end()
                while s < e and text[s].isspace():
                    s += 1
        out.append((s, e))
    return out


def sentence_spans(text: str, lang: str = "en") -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of ``text``, written in ``lang``."""
    return list(_cached_spans(text, lang))


@lru_cache(maxsize=64)
def line_per_sentence(text: str) -> bool:
    """Whether ``text`` is a tokenized one-sentence-per-line text: at least two lines, and most of
    them end in a mark set off by a space ("won . ''", "why ?"), which untokenized prose never does,
    or its commas, colons and brackets are set off by spaces (three or more, and 20 times those
    written against a word)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return False
    ends = sum(1 for ln in lines if _TOKENIZED_END.search(ln))
    if ends >= _TOKENIZED_SHARE * len(lines):
        return True
    # headlines, tables and lists end in no mark, but a tokenized text sets off every comma, colon
    # and bracket ("Lancashire 197-8 ( W. Hegg 54 ) , Kent"), and it keeps its sentences a line each
    detached = len(_DETACHED_MARK.findall(text))
    return detached >= _DETACHED_MIN and 20 * len(_ATTACHED_MARK.findall(text)) <= detached


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans.extend(_trim(text, pos, pos + len(line)))
        pos += len(line) + 1
    return spans


# the marks of a page's reader comments: "January 28, 2011 at 12:44 pm | Reply", "Posted by: raynetherwood |
# May 30, 2010 1:59 PM | Report abuse", "February 24, 2011 03:14 pm at 3:14 pm |"
_COMMENT_MARK = re.compile(r"\|\s*(?:Reply|Report abuse)\b|\bPosted by\s*:|"
                           r"\b\d{1,2}:\d\d\s*[ap]m\s+at\s+\d{1,2}:\d\d\s*[ap]m\b|"
                           # "At 13:18 26th Apr 2009, Jim213 wrote:", a moderator's note, a stamp opening a
                           # line ("12th August 2011 - 23:07 ..."), "February 10, 2011 at 7:36 am |"
                           r"\bAt\s+\d{1,2}:\d\d(?:\s*[ap]m)?\s+(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\s+\d{4}"
                           r"\s*,\s*[^\n]{1,40}?\s+wrote\s*:|\bThis comment was removed by the moderators|"
                           r"\bThis comment was removed because the moderators|"
                           r"(?:^|\n)\s*\d{1,2}(?:st|nd|rd|th)\s+[a-z]+\s+\d{4}\s+-\s+\d{1,2}:\d\d\b|"
                           r"\b[a-z]+\s+\d{1,2}\s*,\s*\d{4}\s+at\s+\d{1,2}:\d\d\s*[ap]m\s*\||"
                           # a line opening on a blog comment's stamp: "January 31st, 2011 5:12 am ET"
                           rf"(?:^|\n)\s*(?:{MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)\s*,\s*\d{{4}}\s+\d{{1,2}}:\d\d\s*[ap]\.?m\b",
                           re.IGNORECASE)
COMMENT_MARKS = 2  # this many marks make a page's tail its readers' comments


def comments_start(text: str) -> int | None:
    """Where a page's reader comments begin (its first comment mark, when it has ``COMMENT_MARKS`` or
    more), or None: what readers wrote under an article is not its reporting."""
    marks = list(zip(range(COMMENT_MARKS), _COMMENT_MARK.finditer(text)))
    return marks[0][1].start() if len(marks) >= COMMENT_MARKS else None


def _sure_end(text: str, m: re.Match[str]) -> bool:
    """Whether a ``_SAFE_CUT`` ends a sentence for sure: not after "vs." (``_plain_end``) nor a title."""
    return _plain_end(text, m.start()) and not _TITLE_END.search(text, max(0, m.start() - 12), m.start())


def sentence_around(text: str, start: int, end: int, reach: int = 500) -> tuple[int, int]:
    """The (start, end) of the sentence holding ``text[start:end]``, found by a plain scan of its line
    within ``reach`` characters (``_SAFE_CUT``, ``_sure_end``), not by the splitter: for a short span shown in its
    sentence, where splitting the whole article would cost more than the page that shows it."""
    lo = max(text.rfind("\n", 0, start) + 1, start - reach)
    nl = text.find("\n", end)
    hi = min(len(text) if nl < 0 else nl, end + reach)
    s = lo
    for m in _SAFE_CUT.finditer(text, lo, start):
        if _sure_end(text, m):
            s = m.end()
    e = hi
    for m in _SAFE_CUT.finditer(text, end, hi):
        if _sure_end(text, m):
            e = m.start() + len(m.group().rstrip())
            break
    return s, max(e, end)


@lru_cache(maxsize=2048)
def _cached_spans(text: str, lang: str = "en") -> tuple[tuple[int, int], ...]:
    # the same article is split by several stages (analysis, summary, timeline): split it once
    if line_per_sentence(text):
        # (a line too long to be one sentence is split as a paragraph is: a tokenized text may run
        # its sentences into one line, and no later stage should read a whole page as one sentence)
        spans = []
        for s, e in _line_spans(text):
            spans.extend(_split_paragraph(text, s, e, lang) if e - s > _LONG_LINE else [(s, e)])
        spans = _split_glued(text, spans, lang)
    else:
        spans = []
        for ps, pe in paragraph_spans(text):
            spans.extend(_split_paragraph(text, ps, pe, lang))
        spans = _split_glued(text, spans, lang)
    cut = comments_start(text)
    # a page's reader comments are no sentences of its article (the sentence holding the first mark on)
    return tuple((s, e) for s, e in spans if cut is None or e <= cut)


_NORM_WORD = re.compile(r"\w+")
_WIRE_TAG = re.compile(r"\((?:" + "|".join(NEWS_AGENCIES) + r")\)")  # a wire's dateline opens a lead, not a headline
_LEAD_WORDS = 15    # a sentence this long that repeats the title is a lead the feed also made its title
_HEAD_LINES = 3      # lines a headline (with its deck) may take
_HEAD_CHARS = 400    # and characters


def _norm_words(text: str) -> list[str]:
    return _NORM_WORD.findall(text.lower())


_TITLE_SMALL = frozenset("a an the and or nor but of in on at to for by with from as vs via per off out up into over "
                         "onto upon than".split())


def _title_case(line: str) -> bool:
    """A line written as a headline: four or more words of four letters or more, and every word in
    lower case a short function word ("Pier Collapse Stuns Dorne As Board Faces Questions"; not
    "Manchester United beat Real Madrid 3-1 at Old Trafford")."""
    words = re.findall(r"[^\W\d_][\w'’-]*", line)
    return sum(len(w) >= 4 for w in words) >= 4 and all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)


@lru_cache(maxsize=2048)
def headline_end(text: str, title: str | None = None) -> int:
    """Where the headline an article's text opens with ends, or 0: the first lines (up to three) when
    they repeat the article's ``title`` (exports of scraped pages and some corpora write the headline
    and its deck into the text; a site's name after the title is allowed), or, whatever the title, a
    first line in title case that stands alone before a blank line ("Clinton Wins Delaware's
    Democratic Primary"), or a headline run into the first sentence without a mark (``_glued_headline``:
    "Oil spill reaches the coast Thick oil washed ashore ..."). A headline is no sentence of the report:
    no summary, timeline or lead."""
    want = _norm_words(title) if title else []
    words: list[str] = []
    pos = lines = 0
    site = 0  # the end of a first line that is the title less a site's name ("... - Politico")
    while want and lines < _HEAD_LINES:
        nl = text.find("\n", pos)
        if nl < 0 or nl > _HEAD_CHARS:
            break
        line = text[pos:nl]
        more = _norm_words(line)
        pos = nl + 1
        if not more:
            continue  # blank lines
        words += more
        lines += 1
        if words == want:
            # a lead that a feed also made the title ("... on Tuesday.\nThe vote was ...") stays: a
            # line ending a sentence is the headline only over a blank line or in title case
            alone = text[nl:nl + 4].replace(" ", "").startswith("\n\n")
            ended = _LINE_END_SENT.search(line) is not None
            if ended and not _title_case(line) and (not alone or len(more) >= _LEAD_WORDS) and lines == 1:
                return 0
            return nl
        if lines == 1 and len(words) >= 4 and want[:len(words)] == words and len(want) - len(words) <= 4:
            site = nl
        if not (len(words) < len(want) and want[:len(words)] == words):
            break  # the lines no longer spell the title
    if site:
        return site
    first = text.lstrip("\n")
    nl = first.find("\n")
    start = len(text) - len(first)
    if 0 < nl <= _HEAD_CHARS and first[nl:nl + 2].replace(" ", "").startswith("\n\n") and _title_case(first[:nl]) \
            and not _WIRE_TAG.search(first, 0, nl):
        return start + nl
    cut = _glued_headline(text, start, start + (nl if nl >= 0 else len(first)))
    return start + len(text[start:cut].rstrip()) if cut is not None else 0


def report_sentences(article: Article, sentences: Sequence[Sentence] | None = None) -> list[Sentence]:
    """The sentences of an article's report (``sentences`` when already split), less the headline its
    text may open with (``headline_end``)."""
    ss = list(sentences or split_sentences(article.text, article.id, article.lang))
    head = headline_end(article.text, article.title) if article.text else 0
    return [s for s in ss if s.end > head] if head else ss


def split_sentences(text: str, article_id: str = "", lang: str = "en") -> list[Sentence]:
    """The sentences of ``text`` (written in ``lang``: pysbd's rules for it, where it has them) as
    Sentence records with offsets into ``text``."""
    return [Sentence(article_id=article_id, index=i, start=s, end=e, text=text[s:e])
            for i, (s, e) in enumerate(sentence_spans(text, lang))]
