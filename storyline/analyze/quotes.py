"""Who said what: attribution (quote) extraction for English news, by rules.

A quote is a *content* span attributed to a *speaker* (source) through a *cue* ("said", "told
reporters", "according to"). Three kinds, told apart by quotation marks in the content:

- ``direct``: the content is a quoted passage (``"We are ...," Lu told reporters``),
- ``indirect``: no quotation marks (``He said Beijing remains supportive of ...``),
- ``mixed``: reported speech with a quoted fragment (``he hopes they will "meet each other halfway"``).

How it works (all linear in the text, no model):

1. Quoted passages are found first (straight and curly double quotes, multi-paragraph quotes that
   reopen at each paragraph). They are atomic: sentences are split outside them only, and cue
   words inside a quotation are never taken as cues.
2. In each sentence every reporting verb of the lexicon (with its auxiliaries and adverbs: "has
   often said") and every "according to" is a cue candidate. Its speaker is the noun phrase left of
   it (``Fire chief Tomas Reyes told``) or, when inverted, right of it (``said Maria Lind``).
3. The content is what the cue introduces: the clause after it (after time adjuncts and the
   object of "told"), or the text before the speaker when the sentence starts with the content
   (``"...," Trump said Sunday``), or both halves of a quotation split by its cue
   (``"A," he said, "B."``), or the quoted paragraph(s) after ``X said:``.
4. A pronoun speaker is resolved to the nearest preceding named speaker (or person-like name) of
   the article when one is clear; a bare surname to the full name used earlier.

The spans follow PolNeAR's conventions: content keeps a leading "that" but not sentence-final
punctuation outside quotation marks; direct content includes its quotation marks.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache
from itertools import islice
from dataclasses import dataclass, replace
from typing import Callable, Iterable, Sequence

from ..records import Quote
from .ner_features import PTB_BRACKETS
from .sentences import NEWS_AGENCIES, OPENING_PHRASE_WORDS, comments_start, common_word, line_per_sentence
from .timex import IRREGULAR_PAST, SMALL, TENS, WEEKDAYS, live_log, live_stamp_cuts, live_stamp_end
from .ner_roles import (GENERATIONS, KIN_SEX, PERSON_NOUNS, ROLE_HEADS, ROLE_MODS, TITLE_SEX, first_name_sex, name_sex, pronoun_sex,
                        sex_clash)

__all__ = ["extract_quotes", "quoted_regions", "with_typewriter_marks", "QUOTED_PASSAGE", "speaker_labels", "transcript_labels", "is_turn", "broadcast_staff",
           "staff_title", "titled_label", "quote_aware_sentences", "speech_cue", "held_cue", "CUE_VERBS", "OPENING_WORDS"]

# --- lexicon --------------------------------------------------------------------------------------

# Reporting verbs, all inflected forms. Chosen from the verbs that introduce attributions in news
# (checked for how often they do so on PolNeAR's training split); verbs of belief are left out of
# the strong set because they are mostly used without attribution.
_SPEECH = """
say says said saying tell tells told telling adds added adding write writes wrote written writing
note notes noted noting report reports reported reporting announce announces announced announcing
suggest suggests suggested suggesting argue argues argued arguing explain explains explained explaining
acknowledge acknowledges acknowledged acknowledging claim claims claimed claiming insist insists insisted
insisting warn warns warned warning state stated stating declare declares declared declaring
predict predicts predicted predicting confirm confirms confirmed confirming indicate indicates indicated
reveal reveals revealed recall recalls recalled recalling contend contends contended contending
assert asserts asserted asserting maintain maintains maintained stress stresses stressed stressing
emphasize emphasizes emphasized emphasised concede concedes conceded conceding admit admits admitted
admitting deny denies denied denying reply replies replied replying respond responds responded
ask asks asked asking tweet tweets tweeted tweeting complain complains complained complaining
observe observes observed remark remarks remarked vow vows vowed vowing pledge pledges pledged
promise promises promised promising urge urges urged urging estimate estimates estimated
allege alleges alleged alleging charge charges charged testify testifies testified
announce declare boast boasts boasted boasting joke jokes joked joking quip quips quipped
shout shouts shouted yell yells yelled scream screams screamed whisper whispered mused muse muses
sing sings sang
agree agrees agreed agreeing conclude concludes concluded concluding predict
inform informs informed assure assures assured assuring reiterate reiterates reiterated reiterating
caution cautions cautioned cautioning point points pointed pointing continue continues continued
believe believes believed think thinks thought hope hopes hoped hoping fear fears feared
expect expected worry worries worried show shows showed find finds found
"""
# Verbs of evaluation and reference whose object is the attributed content ("Clinton blasted him
# for not paying income tax", "called the plan a disgrace").
_OBJECT = """
call calls called calling describe describes described describing endorse endorses endorsed endorsing
accuse accuses accused accusing criticize criticizes criticized criticizing criticise criticised
express expresses expressed expressing refer refers referred referring cite cites cited citing
defend defends defended defending praise praises praised praising question questions questioned
questioning reject rejects rejected rejecting mention mentions mentioned mentioning blast blasts blasted
blasting dismiss dismisses dismissed dismissing denounce denounces denounced denouncing blame blames
blamed blaming echo echoes echoed echoing mock mocks mocked mocking condemn condemns condemned condemning
remind reminds reminded reminding voice voices voiced voicing decry decries decried tout touts touted
touting railed slam slams slammed slamming lament laments lamented bemoan bemoaned
assail assailed reference referenced wonder wonders wondered liken likened imply implies implied
signal signals signaled signalled hint hints hinted forecast thank thanked thanking
decline declines declined declining refuse refuses refused refusing attack attacks attacked attacking
applaud applauded portray portrays portrayed recommend recommends recommended propose proposes proposed
proposing retweet retweeted quote quoted quoting chant chants chanted speak speaks spoke speaking talking
supported offered sought opposed posted issued talked discussed discuss discussing ordered identified
repeated repeating listed challenged deemed requested encouraged threatened approved presented disclosed
answered highlighted highlighting emailed pleaded projected remembered doubted urging demanded demanding
identify identifies disclose discloses disclosing
"""
# Verbs of intention and wish, cues only before an infinitive ("Trump wants to renegotiate NAFTA",
# "the campaign plans to ..."): the plan is the attributed content, shown with its verb (a verb of
# reference for ``speech_cue``), never a bare object ("wants a recount", "the plan")
_INTENT = frozenset("""want wants wanted wanting plan plans planned planning intend intends intended intending
decide decides decided deciding aim aims aimed aiming seek seeks sought seeking wish wishes wished""".split())
# Verbs of knowing and feeling, cues only before "that" ("Trump knew that ...", "The Post has learned
# that ...", "Republicans felt that ...")
_KNOW = frozenset("""know knows knew learn learns learned learnt discover discovers discovered realize realizes
realized realise realises realised understand understands understood feel feels felt recognize recognizes
recognized suspect suspects suspected""".split())
# Adjectives of attitude after a copula, cues only before "that" (or, the second set, an infinitive):
# "Protesters were frustrated that ...", "Trump is convinced that ...", "Cruz is determined to ..."
_ATTITUDE_THAT = frozenset("""sure certain confident convinced aware concerned worried frustrated hopeful optimistic
pessimistic adamant skeptical sceptical afraid fearful glad happy pleased disappointed upset angry furious
surprised unaware persuaded""".split())
_ATTITUDE_TO = frozenset("determined eager willing reluctant unwilling".split())
_ATTITUDE = _ATTITUDE_THAT | _ATTITUDE_TO
_COPULAS = frozenset("is are was were be been being am remain remains remained seem seems seemed appear appears "
                     "appeared become became".split())
_SAY_VERBS = frozenset(_SPEECH.split())
CUE_VERBS: frozenset[str] = _SAY_VERBS | frozenset(_OBJECT.split()) | _INTENT | _KNOW
_OBJECT_VERBS = frozenset(_OBJECT.split()) | _INTENT | _ATTITUDE
# verbs whose object follows them, never a speaker inverted after them (", said Ellis" but not ", ordered Ellis")
_OBJECT_ONLY = frozenset(_OBJECT.split()) - _SAY_VERBS


def speech_cue(cue: str | None) -> bool:
    """True when ``cue`` ("told", "has said", "also warned") is a verb of saying, whose content is the
    speaker's own words; False for verbs of reference or evaluation ("discussed", "called"), whose
    object is the writer's description of what was talked about, and for verbs of knowing ("knew",
    "has learned"), which tell what someone holds true, not what they said."""
    words = [w for w in re.findall(r"[a-z]+", (cue or "").lower())]
    verbs = [w for w in words if w in CUE_VERBS]
    return bool(verbs) and verbs[-1] not in _OBJECT_VERBS and verbs[-1] not in _KNOW


def held_cue(cue: str | None) -> bool:
    """True when ``cue`` attributes a plan, a knowledge or a feeling ("wants", "knew", "were frustrated"):
    what the writer says someone intends, knows or feels, an attribution as PolNeAR counts them, but no
    statement of theirs."""
    words = re.findall(r"[a-z]+", (cue or "").lower())
    return bool(words) and (words[-1] in _INTENT or words[-1] in _KNOW or words[-1] in _ATTITUDE)


# Participles that hang on the sentence's subject: "Trump attacked Clinton, saying ..."
_PARTICIPLES = frozenset(w for w in CUE_VERBS if w.endswith("ing"))
# Verbs whose first complement is a person told (skip it before the content).
_TELL = frozenset("tell tells told telling inform informs informed assure assures assured assuring "
                  "warn warns warned warning remind reminds reminded ask asks asked asking urge urges "
                  "urged urging".split())
# promises name whom they are made to before a that-clause ("promised the voters that taxes would
# fall"), while a bare object is the promise ("promised a new bridge")
_PROMISE = frozenset("promise promises promised promising".split())
# Weak cues: need an explicit clause ("that ...") or a quotation, never a bare object.
_WEAK = frozenset("believe believes believed think thinks thought hope hopes hoped hoping fear fears "
                  "feared expect expects expected worry worries worried continue continues continued "
                  "point points pointed pointing agree agrees agreed agreeing state states stated "
                  "charge charges charged claim claims estimate estimates estimated maintain maintains "
                  "maintained note notes report reports promise promises show shows showed shown find "
                  "declare declares declared declaring "
                  "finds found".split()) | _KNOW
# Verbs of manner: speech, but their bare object is a song or a slogan ("sings ballads at home",
# "shouted slogans"), so they too need a clause or a quotation
_MANNER = frozenset("sing sings sang singing shout shouts shouted shouting yell yells yelled yelling scream screams "
                    "screamed screaming whisper whispers whispered whispering".split())
# Verbs of asking: what is asked may be an infinitive after the one asked ("asked Gupta to serve"),
# but not after a clause or a preposition ("asked why ...", "urged respect for their right to")
_ASK = frozenset("ask asks asked asking urge urges urged urging".split())
_NOT_ASKED = frozenset("that whether if why how what when where who whom which for about of in on at from with by "
                       "into over".split())
# "who asked not to be named", "asked that his name not be used": a source's anonymity, no content
_ANONYMITY = re.compile(r"\s*(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+anonymous|"
                        r"for\s+anonymity|that\s+(?:his|her|their)\s+names?\s+not\s+be)\b", re.IGNORECASE)
_PARTICLE_AFTER = {"point": ("out", "to"), "points": ("out", "to"), "pointed": ("out", "to"),
                   "pointing": ("out", "to"),
                   "refer": ("to",), "refers": ("to",), "referred": ("to",), "referring": ("to",),
                   "call": ("on", "for"), "calls": ("on", "for"), "called": ("on", "for"),
                   "calling": ("on", "for"), "talked": ("about",), "pushed": ("for",), "pleaded": ("for",),
                   "respond": ("to",), "responds": ("to",), "responded": ("to",), "responding": ("to",),
                   "reply": ("to",), "replies": ("to",), "replied": ("to",), "replying": ("to",)}

_AUX = frozenset("has have had is are was were be been being will would can could should may might must "
                 "did does do also later then again previously earlier once repeatedly recently further now "
                 "first last initially subsequently often frequently publicly privately still never "
                 "not just already reportedly allegedly quickly flatly".split()) | frozenset(
    w.replace("'", q) for w in "won't wouldn't didn't doesn't don't hasn't haven't hadn't isn't wasn't can't "
                               "couldn't".split() for q in "'’")
_ROLE_NOUNS = frozenset("spokeswoman spokesman spokesperson official officials director president chairman "
                        "chairwoman head member members analyst analysts expert experts professor economist "
                        "economists researchers lawyer lawyers attorney aide aides adviser advisers advisor "
                        "source sources data report study poll survey leaders leader representative "
                        "representatives executive executives officer officers chief bodyguard bodyguards "
                        "publicist".split())
_AUX_VERBS = frozenset("has have had is are was were be been will would can could should may might must "
                       "did does do".split())
_IRREGULAR_PAST = frozenset("said told wrote thought found forecast".split())
# verbs of saying in -s that no noun spells: before a noun that is also a cue ("Lind says praise from
# Berg helps") they stay the verb
_NEVER_NOUNS = frozenset("says tells adds asks argues insists explains writes thinks believes suggests".split())
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_PRONOUNS = frozenset("he she they it we i you who".split())
_STOP = frozenset("""
and or but nor that which whom whose when where while as because if whether although though since after before
until than so yet in on at for with from by to about into over under through during against between
among without within across per via upon onto off out up down around near like unlike despite amid amidst
is are was were be been being has have had do does did will would can could should may might must
him her them us me not no this these those there here what why how
""".split()) | _AUX
_POSSESSIVE = re.compile(r"\w['’]s?$")
_CONTRACTED = frozenset("he she it that there who what here let where".split())  # "He's claimed", "It's reported"


def _possessive(word: str) -> bool:
    """Whether a token is a possessive ("Obama's", "voters'"), not a contraction ("He's", "It's")."""
    return bool(_POSSESSIVE.search(word)) and re.split(r"['’]", word.lower())[0] not in _CONTRACTED
_DETS = frozenset("the a an his her their its our my your this that these those one two three several "
                  "some many most other another".split())
_MULTITUDES = frozenset("dozens hundreds thousands millions scores tens".split())
_DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
                  "tomorrow earlier later recently".split())
_TIME_HEADS = frozenset("morning afternoon evening night week month year weekend day".split())
# the time heads' plurals that tell how long ("in recent weeks", "two years ago"), and both together
_TIME_PLURALS = frozenset("weeks months years days".split())
_TIME_WORDS = _TIME_HEADS | _TIME_PLURALS
_PREP_ADJ = frozenset("on in at during after before late early last this next".split())

_ABBREV = frozenset("mr mrs ms dr gov sen rep st lt gen col sgt capt prof jr sr inc corp co ltd vs "
                    "jan feb mar apr jun jul aug sep sept oct nov dec no u.s u.k u.n d.c p.m a.m "
                    "rev pres atty supt cmdr adm maj".split())

# --- tokens and regions ---------------------------------------------------------------------------

# ("Murray 's" and "-LRB- CDC -RRB-": tokenized text, whose bracket tokens read as brackets)
_TOKEN = re.compile(r"-[LR][RSC]B-|\w+(?:[’'\-&.]\w+)*|['’][sS]\b|[^\w\s]", re.UNICODE)
_OPEN = "“"
_CLOSE = "”"
_DQ = '"'
_QUOTE_CHARS = frozenset('"“”')
_QMARK = re.compile('["“”]')


@dataclass(frozen=True, slots=True)
class _Tok:
    start: int
    end: int
    text: str
    low: str
    quoted: bool


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


# a straight mark that can only close: after the quotation's last punctuation and before its
# attribution ('... never been made , " Trump said'), in a text written a sentence per line, where a
# quotation of several sentences runs over several lines without reopening; so does a curly closing
# mark with no opening one on its line ('... to stay in jail,” said Greenway'); in other texts, the
# paragraph right after the one the quotation was left open in
_CLOSING_DQ = re.compile(r'[,.?!]\s?["”]\s+(?:[A-Z][\w.’\'-]*\s+){0,3}(?:' + "|".join(sorted(
    {"said", "says", "told", "added", "asked", "wrote", "tweeted", "explained", "continued", "insisted"}))
    + r")\b")
_LINES_BACK = 8  # lines a quotation of one sentence per line may run over
# a verb of saying and a comma right before a mark: it opens what was said ('Jones said , " Trump ...')
_CUE_BEFORE = re.compile(r"\b(?:said|says|told|added|asked|wrote|tweeted|stated|declared|explained|replied)\s*[,:]?\s*$",
                         re.IGNORECASE)


def _closes_glued(text: str, i: int, end: int) -> bool:
    """Whether an opening mark at ``i`` is glued after the punctuation that ends a quotation and followed
    by a space (or the paragraph's ``end``): scraped text's '“We will rebuild,“ said Lind', where it can
    only close (an opening mark is followed by the quotation's first word)."""
    return text[i - 1:i] in (",", ".", "?", "!") and (i + 1 >= end or text[i + 1].isspace())


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted passage, quotation marks included. A quotation left open at the
    end of a paragraph continues when the next paragraph opens with a quotation mark, or up to a mark
    that closes it before its attribution (``_CLOSING_DQ``) in the next paragraph (in a text of one
    sentence per line, a few lines on)."""
    regions: list[tuple[int, int]] = []
    paras = _paragraphs(text)
    carry: int | None = None  # start of a quotation continued from the previous paragraph
    unclosed: tuple[int, int] | None = None  # (region, paragraph) of the last quotation cut at a paragraph's end
    lines = line_per_sentence(text) if text.count("\n") >= 2 else False
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        if carry is not None and text[ps] not in _QUOTE_CHARS:
            regions.append((carry, paras[pi - 1][1]))
            unclosed = (len(regions) - 1, pi - 1)
            carry = None
        for qm in _QMARK.finditer(text, ps, pe):
            i = qm.start()
            ch = text[i]
            if (ch in (_DQ, _CLOSE) and open_at is None and carry is None and unclosed is not None
                    and pi - unclosed[1] <= (_LINES_BACK if lines else 1) and unclosed[0] == len(regions) - 1
                    and _CLOSING_DQ.match(text, max(ps, i - 2) if text[i - 1:i] == " " else max(ps, i - 1))
                    and not _CUE_BEFORE.search(text, ps, i)):  # ('Jones said , " Trump told us ..."' opens)
                regions[unclosed[0]] = (regions[unclosed[0]][0], i + 1)
                unclosed = None
                continue
            if ch == _OPEN and open_at is not None and _closes_glued(text, i, pe):
                ch = _CLOSE  # '"We will rebuild,“ said Lind': an opening mark glued to the quotation's end
            if ch == _OPEN or (ch == _DQ and open_at is None):
                if open_at is None:
                    open_at = i
            elif ch == _CLOSE or ch == _DQ:
                if open_at is not None:
                    start = carry if carry is not None else open_at
                    regions.append((start, i + 1))
                    carry = None
                    open_at = None
        if open_at is not None:
            # open at paragraph end: continue into the next one if it reopens
            nxt = paras[pi + 1][0] if pi + 1 < len(paras) else None
            if nxt is not None and text[nxt] in (_OPEN, _DQ):
                carry = carry if carry is not None else open_at
            else:
                start = carry if carry is not None else open_at
                regions.append((start, pe))
                unclosed = (len(regions) - 1, pi)
                carry = None
    if carry is not None and paras:
        regions.append((carry, paras[-1][1]))
    return sorted(set(regions))


def _tokens(text: str, start: int, end: int, regions: Sequence[tuple[int, int]]) -> list[_Tok]:
    toks = []
    ri = bisect.bisect_right(regions, (start, len(text) + 1)) - 1 if regions else 0
    ri = max(0, ri)
    for m in _TOKEN.finditer(text, start, end):
        s, e = m.start(), m.end()
        while ri < len(regions) and regions[ri][1] <= s:
            ri += 1
        inside = ri < len(regions) and regions[ri][0] < s and e < regions[ri][1]
        word = m.group()
        if word[:1] == "-" and len(word) == 5:
            word = PTB_BRACKETS.get(word, word)
        toks.append(_Tok(s, e, word, word.lower(), inside))
    return toks


_LAST_TWO_WORDS = re.compile(r"\b([A-Z][\w’'-]*\s+[A-Z][a-z]{1,3})$")


def _name_end_dot(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` after a title's abbreviation ends a name written elsewhere in the
    text without it ("... by strongman Hun Sen. Sam Rainsy wrote ..." where "Hun Sen's" is written):
    the sentence ends there."""
    m = _LAST_TWO_WORDS.search(text, max(0, dot - 40), dot)
    return m is not None and re.search(re.escape(m.group(1)) + r"(?![.\w])", text) is not None


_QUOTATION_AFTER = re.compile(r"\s+([\"“])\x1f?(?=[A-Z])")


def _dot_before_quotation(text: str, mask: bytearray, dot: int, prev: str) -> bool:
    """Whether the dot at ``dot`` after an abbreviation ``prev`` that is no title ("D-N.Y.", "Inc.") ends
    the sentence because a quotation opens after it with a capital ('declared Rep. Tom Berg, D-N.Y.
    "It is a sad day."': two sentences, two quotations)."""
    if prev in _ABBREVIATED:
        return False  # ('Sen. "Tex" Lind': the title's name follows)
    m = _QUOTATION_AFTER.match(text, dot + 1)
    if m is None or mask[m.start(1)] or m.start(1) + 1 >= len(mask) or not mask[m.start(1) + 1]:
        return False
    close = m.start(1) + 1
    while close < len(mask) and mask[close]:
        close += 1
    # what is said ends on its own mark ('"It is a sad day."', '"We won,"'), a name in quotation marks does
    # not ('the U.S. "Patriot Act" on Monday': one sentence)
    return text[m.start(1) + 1:close].rstrip("\x1f'’ ")[-1:] in (".", ",", "!", "?", "…")


def _sentences(text: str, regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans; never split inside a quoted passage, but a paragraph break always ends one
    (except inside a multi-paragraph quotation)."""
    mask = bytearray(len(text))
    for s, e in regions:
        mask[s + 1:max(s + 1, e - 1)] = b"\x01" * max(0, e - 1 - (s + 1))
    out: list[tuple[int, int]] = []
    for ps, pe in _merge_paragraphs(text, regions):
        s = ps
        for m in re.finditer(r"[.!?]+[\"”“’)\x1f]*(?=\s+[\"“A-Z0-9(])", text[ps:pe]):
            k = ps + m.start()
            if mask[k]:
                # inside a quotation: a sentence may still end with the quotation's closing mark
                # ('... "the question is the timing." Gov. Pat McCrory said ...'), unless what
                # follows is only its attribution ('"Why?" Trump asked.'); a typewriter mark ('')
                # is a mark and its filler
                close = ps + m.end() - 1
                while close > k and text[close] == "\x1f":
                    close -= 1
                if not (text[close] in _QUOTE_CHARS and not mask[close] and
                        not _ATTRIB_ONLY.match(text, ps + m.end())):
                    continue
            if text[k] == ".":
                w = re.search(r"([\w.]+)$", text[max(s, k - 64):k])
                prev = w.group(1).lower() if w else ""
                if ((prev in _ABBREV and not _name_end_dot(text, k)) or (len(prev) == 1 and prev.isalpha())
                        or re.fullmatch(r"(\w\.)+\w", prev)) and not _dot_before_quotation(text, mask, k, prev):
                    continue
            e = ps + m.end()
            out.append((s, e))
            s = e
            while s < pe and text[s].isspace():
                s += 1
        if s < pe:
            out.append((s, pe))
    spans = [piece for s, e in out for piece in _capped(text, mask, s, e)]
    spans = [piece for s, e in spans for piece in _past_caption(text, regions, s, e)]
    return _past_live_stamps(text, mask, spans) if live_log(text) else spans


# a picture's or a video's caption, a name and the words it quotes ('Ban Ki-moon: "Haiti will need
# every ounce of help"'), run into the sentence after it without a stop
_CAPTION = re.compile(r"[A-Z][^:.!?\n\"“”]{0,50}?[ ]?:[ ]+(?=[\"“])")


def _caption_quote(text: str, regions: Sequence[tuple[int, int]], s: int, e: int) -> tuple[int, int] | None:
    """The quotation a sentence ``text[s:e]`` opens with after a name and a colon, or None."""
    m = _CAPTION.match(text, s, e)
    return _quote_starting(regions, m.end()) if m else None


def _past_caption(text: str, regions: Sequence[tuple[int, int]], s: int, e: int) -> list[tuple[int, int]]:
    """``text[s:e]`` cut after a caption's quotation (``_caption_quote``) when a sentence of three
    words or more follows it."""
    q = _caption_quote(text, regions, s, e)
    if q is None or q[1] >= e or len(text[q[1]:e].split()) < 3 or not text[q[1]:e].lstrip()[:1].isupper():
        return [(s, e)]
    rest = q[1] + len(text[q[1]:e]) - len(text[q[1]:e].lstrip())
    return [(s, q[1]), (rest, e)]


def _past_live_stamps(text: str, mask: bytearray, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` of a live page cut before each entry time inside them (not inside a quotation) and
    begun past the entry time that opens them: "1532 Among those trapped ..., Mr Preval tells the
    Miami Herald" quotes no "1532", and "1340 UN chief Ban Ki-moon" is no speaker's name."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        cuts = [c for c in live_stamp_cuts(text, s, e) if not mask[c]]
        for a, b in zip([s, *cuts], [*cuts, e]):
            a = live_stamp_end(text, a, b)
            b = a + len(text[a:b].rstrip())
            if b > a:
                out.append((a, b))
    return out


MAX_SENTENCE = 3000  # characters; a longer "sentence" (text without punctuation) is cut at spaces


def _capped(text: str, mask: bytearray, s: int, e: int) -> list[tuple[int, int]]:
    """``[s, e)`` cut at spaces into spans of at most ``MAX_SENTENCE`` characters, outside a
    quotation where one allows: the attribution rules read a sentence's words pair by pair, and
    text without punctuation would make one sentence of a whole page."""
    out: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE:
        lo, cut = s + MAX_SENTENCE // 2, s + MAX_SENTENCE
        space = text.rfind(" ", lo, cut)
        while space > lo and mask[space]:
            space = text.rfind(" ", lo, space)
        if space <= lo:
            space = text.rfind(" ", lo, cut)
        if space <= lo:
            break
        out.append((s, space))
        s = space + 1
    out.append((s, e))
    return out


_TAIL_START = re.compile(r"\s+(?=[A-Z])")
_TAIL_MARK = re.compile(r"[.!?\n\"“”]")
_TAIL_LENGTH = 82
_TAIL_SAY = frozenset("said says asked asks wrote writes tweeted added adds replied remarked continued".split())
_TAIL_ADJUNCTS = frozenset("of in on at during as when while after before from with".split())


def _attrib_tail(text: str, pos: int) -> tuple[str, bool] | None:
    """The sentence that opens with a capital after ``pos`` up to its stop, of at most ``_TAIL_LENGTH``
    characters and with no quotation mark or line break in it, else None; and whether a title's or an
    initial's dot, or one before a comma, is inside it ('"Enough!" Sen. Ana Lind, D-Ore., said.')."""
    m = _TAIL_START.match(text, pos)
    if m is None:
        return None
    s = m.end()
    dotted = False
    for k in _TAIL_MARK.finditer(text, s, min(len(text), s + _TAIL_LENGTH)):
        c = k.start()
        if text[c] == "." and (text[c + 1:c + 2] == "," or _abbreviation_before(text, s, c)):
            dotted = True
            continue
        return (text[s:c + 1], dotted) if text[c] in ".!?" else None
    return None


def _abbreviation_before(text: str, s: int, dot: int) -> bool:
    """Whether the word before the dot at ``dot`` is a title's abbreviation or an initial ("Sen.", "J.")."""
    w = re.search(r"\b[A-Za-z]+$", text[s:dot])
    return w is not None and (w.group().lower() in _ABBREV and w.group()[0].isupper() or len(w.group()) == 1
                              and w.group().isupper())


def _bare_attribution(words: Sequence[str], cue: int) -> bool:
    """Whether the cue ``words[cue]`` is a plain verb of saying that ends its sentence or goes on with an
    adjunct ("said.", "said of the plan.", "asked, smiling."): an attribution and no sentence of its own
    ("A spokesman for Mr. Lind declined to comment.", "Mayor Ana Lind wrote a letter ..."); a day after
    it is an adjunct too ("said Monday.", "said Tuesday night."), and so is the one told ("told reporters.",
    "asked reporters on Monday.")."""
    verb = words[cue].lower()
    if verb not in _TAIL_SAY and verb not in ("told", "tells"):
        return False
    k = cue + 1
    if verb in _TELL and k < len(words) and words[k].lower() in _AUDIENCE - _DETERMINERS:
        k += 1
    return k == len(words) or words[k].lower() in _TAIL_ADJUNCTS or words[k].lower() in _DAYS \
        or words[k].lower().endswith("ing")


# a quotation's attribution that goes on with an adjunct, not a clause of its own ('"Why?" Trump said of
# Apple in February, when ...', '... Mr. Biden said, clutching the lectern'; not '... said in a
# statement that ...')
_ATTRIB_ADJUNCT = re.compile(r"\s+[A-Z][\w.’'-]*(?:\s+[\w.’'-]+){0,5}?\s+(?:said|says|asked|asks|wrote|writes|tweeted|"
                             r"added|adds|replied|remarked|continued)\s*,?\s+(?![\w.’'-]+(?:\s+[\w.’'-]+){0,7}\s+that\b)"
                             r"(?:of|in|on|at|during|as|when|while|after|before|from|with|[a-z]{3,}ing)\b")


class _AttribOnly:
    """Matches where the text after a closing quotation is only its attribution ('Vitter demanded.')."""

    @staticmethod
    def match(text: str, pos: int) -> bool:
        if _ATTRIB_ADJUNCT.match(text, pos):
            return True
        found = _attrib_tail(text, pos)
        if found is None:
            return False
        tail, dotted = found
        words = re.findall(r"[\w’'-]+", tail)
        if re.match(r"[A-Z][a-z]+ly,", tail):
            return False  # "Publicly, Gingrich has expressed confidence ...": a sentence of its own
        cue = next((k for k, w in enumerate(words) if w.lower() in CUE_VERBS), None)
        return len(words) <= 12 and cue is not None and not _clause_follows(words, cue) and (
            not dotted or _bare_attribution(words, cue))


def _clause_follows(words: Sequence[str], cue: int) -> bool:
    """A subject pronoun or "that" and a word more after the cue ``words[cue]``: the cue reports a
    clause of its own ('... “gender identity.” Cruz says he is not familiar with it.'), so the
    quotation before is not its words. Not "it" or "that" as the cue's object, an adjunct after it
    ('"We must go." Lind said it again at the rally.', '... Lind said that on Monday.')."""
    if cue + 2 >= len(words):
        return False
    word = words[cue + 1].lower()
    opener = re.sub(r"['’]\w+$", "", word)
    if opener not in _TAIL_CLAUSE_OPENERS:
        return False
    after = words[cue + 2].lower()
    return not (word in ("it", "that") and (after in _OBJECT_TAILS or after.endswith("ly")))


_TAIL_CLAUSE_OPENERS = frozenset("he she they we i it that".split())


_ATTRIB_ONLY = _AttribOnly()


def quote_aware_sentences(text: str) -> list[tuple[int, int]]:
    """Fast sentence spans (regex rules) that never split inside a quotation."""
    return _sentences(text, quoted_regions(text))


def _merge_paragraphs(text: str, regions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    paras = _paragraphs(text)
    starts = [r[0] for r in regions]
    reach: list[int] = []  # furthest end of the regions starting up to each index
    for _, e in regions:
        reach.append(max(e, reach[-1]) if reach else e)
    merged: list[tuple[int, int]] = []
    for s, e in paras:
        k = bisect.bisect_left(starts, s) - 1
        if merged and k >= 0 and reach[k] > s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


# --- speaker phrases ------------------------------------------------------------------------------

def _is_cap(t: _Tok) -> bool:
    return t.text[:1].isupper()


def _np_ok(t: _Tok) -> bool:
    if t.quoted or t.text in _QUOTE_CHARS:
        return False
    if t.text in ("’s", "'s", "-", "&", "."):
        return True
    if not t.text[0].isalnum():
        return False
    if t.low in _STOP and not _is_cap(t):
        return t.low in ("of",)
    return t.low not in _FINITE_SAY or not t.text.islower()  # "Russert said Putin had called ...": Putin


# finite verbs of saying, which end a noun phrase read leftwards from a cue
_FINITE_SAY = frozenset("said says told tells added adds wrote writes stated declared explained argued insisted "
                        "warned claimed announced testified replied asked".split())


_SUBORDINATORS = frozenset("because as since while although though after before when unless until".split())
# words before a "who" that opens a question, not a relative clause ("It is unclear who ordered it")
_ASKS_WHO = frozenset("unclear clear know knows knew known ask asks asked say says said tell tells told describe "
                      "described wonder wonders wondered see saw sure matter determine identify identified is was "
                      "are were about on of to decide decided".split())


_YEAR = re.compile(r"(?:19|20)\d\d")


def _before_time(toks: Sequence[_Tok], b: int) -> int:
    """Where a time adjunct of a time word and its day or modifier ending at toks[b-1] starts ("last
    week", "late last month", "on Thursday evening"), else ``b``: "Spicer on Thursday evening said",
    "Feinstein last week said" are Spicer's and Feinstein's words."""
    if b < 3 or toks[b - 1].low not in _TIME_HEADS or toks[b - 1].quoted:
        return b
    k = b - 2
    if toks[k].low in ("last", "this", "next") or (toks[k].low in _DAYS and toks[k].low not in ("earlier", "later")):
        while k > 0 and toks[k - 1].low in ("on", "late", "early", "earlier", "later"):
            k -= 1
        return k if k > 0 else b
    return b


# nouns in -ly, which end a noun phrase as other nouns do ("the family of the victim said")
_LY_NOUNS = frozenset("family daily weekly monthly quarterly assembly rally ally supply reply monopoly anomaly tally "
                      "bully belly jelly folly".split())


def _left_np(toks: Sequence[_Tok], i: int) -> tuple[int, int] | None:
    """Token index range [a, b) of the noun phrase ending at toks[i-1] (subject of a cue at i)."""
    b = i
    if b == 0:
        return None
    before_time = _before_time(toks, b)
    if before_time < b:  # (when no phrase is read before them, the time words as before)
        np = _left_np(toks, before_time)
        if np is not None:
            return np
    if b >= 2 and toks[b - 1].low in _DAYS and toks[b - 2].low in ("on", "late", "early"):
        b -= 2  # "Sanders on Tuesday said"
    elif b >= 2 and toks[b - 1].low in _DAYS and toks[b - 1].low not in ("today",):
        b -= 1
    if b == 0:
        return None
    last = toks[b - 1]
    if last.low in _PRONOUNS and not last.quoted:
        return (b - 1, b)
    partitive = _partitive_start(toks, b)
    if partitive is not None:
        return (partitive, b)
    rel = next((k for k in range(b - 2, max(0, b - 13), -1) if toks[k].low in ("who", "whose")), None)
    if rel is not None and rel > 0 and toks[rel - 1].text[:1].isalpha() and toks[rel - 1].low not in _ASKS_WHO \
            and not any(t.text in (",", ";", ":", "(", ")") or t.quoted or t.text in _QUOTE_CHARS
                        or t.low in ("and", "but", "or", "while") for t in toks[rel:b]):
        # "Officials who asked not to be named said ...": the relative clause tells who speaks
        np = _left_np(toks, rel)
        if np is not None:
            return (np[0], b)
    a = b
    if toks[a - 1].text == ")":
        # "Paul D. Ryan (R-Wis.) said": step over a short parenthesis
        k = a - 1
        while k > 0 and a - k < 8 and toks[k].text != "(":
            k -= 1
        if toks[k].text == "(" and k > 0:
            a = k
    while a > 0 and b - a < 14:
        t = toks[a - 1]
        if not _np_ok(t):
            # "A spokeswoman for Hillary Clinton", "Obama and Clinton", "Not everyone", "all the ..."
            if 2 <= a < b and t.low in ("for", "from", "at", "with", "in", "on", "to", "of") and toks[a - 2].low in _ROLE_NOUNS:
                a -= 1  # (a preposition with its object: "prompting officers to respond" has no speaker "officers to")
                continue
            if a >= 2 and a < b and t.low in ("for", "of", "on") and _is_cap(toks[a - 2]) and _is_cap(toks[a]) \
                    and not toks[a - 2].quoted and toks[a - 2].low not in _DAYS \
                    and toks[a].low not in _DAYS and toks[a].low not in _MONTHS:
                a -= 1  # a name with a preposition inside: "Center for Strategic & International Studies"
                continue
            if a >= 2 and t.low == "and" and _is_cap(toks[a - 2]) and _is_cap(toks[a]) and not toks[a - 2].quoted:
                a -= 1
                continue
            if t.low in ("all", "both") or (t.low == "not" and a == 1):
                a -= 1
            elif t.low == "her" and a < b and not _is_cap(toks[a]) and toks[a].low not in _STOP:
                a -= 1  # "her deputy told": the possessive determiner opens the phrase, as "his" does
            break
        a -= 1
        # sentence-initial capital "The"/"A" is fine; stop after a determiner (it starts the NP)
        if toks[a].low in _DETS and toks[a].low not in ("one", "two", "three", "several", "some", "many",
                                                        "most", "other", "another"):
            break
    percent = _percent_start(toks, a, b)
    if percent is not None:
        return (percent, b)
    if 2 <= a < b and toks[a].low == "the" and toks[a - 1].low in ("of", "at", "from") and _is_cap(toks[a - 2]) \
            and not toks[a - 2].quoted:
        # "Professor Jonathan Charney of the Vanderbilt Law School": the person before the body
        k = a - 2
        while k > 0 and b - k < 16 and (_is_cap(toks[k - 1]) or toks[k - 1].text == ".") and not toks[k - 1].quoted:
            k -= 1
        a = k
        if a >= 3 and toks[a - 1].low == "the" and toks[a - 2].low in ("for", "at", "with"):
            a -= 1  # "for the Ministry of the Interior"
        if a >= 2 and toks[a - 1].low in ("for", "at", "with") and toks[a - 2].low in _ROLE_NOUNS:
            a -= 2  # "A spokesman for the Ministry of the Interior"
            if a >= 1 and toks[a - 1].low in _DETS:
                a -= 1
    elif 2 <= a < b and toks[a].low in ("the", "a", "an") and toks[a - 1].low in ("of", "for", "at", "to", "from") \
            and toks[a - 2].low in _ROLE_NOUNS and not toks[a - 2].quoted:
        a -= 2  # "The head of the United Nations", "A spokesman for the ministry": the role, not the body
        if a >= 1 and toks[a - 1].low in _DETS:
            a -= 1
    if a < b and toks[a].text == "(":
        return None
    while a < b and (toks[a].low in ("of", "-", ".", "’s", "'s", "&") or
                     ((toks[a].low in _STOP or toks[a].low in _SUBORDINATORS) and b - a > 1 and toks[a].low not in _DETS
                      and not (a == 0 and toks[a].low == "not"))
                     or (toks[a].low in _PARTICIPLES and b - a > 1 and not _is_cap(toks[a]))):
        a += 1  # "But Mr. Obama said" -> "Mr. Obama"; "..., saying Bush refused" -> "Bush"
    while a + 1 < b and (toks[a].low in _DAYS or toks[a].low in _MONTHS or _YEAR.fullmatch(toks[a].text)) \
            and _is_cap(toks[a + 1]) \
            and a > 0 and toks[a - 1].low in ("on", "in", "by", "since", "until", "last", "this", "next", "early", "late"):
        a += 1  # "On Monday Trump said" -> "Trump" (not "Monday Night Football announcers said"), "Since 2003 China"
    if a >= b:
        return None
    # the phrase must end in a noun-like word (not an adjective/adverb we cannot tell: accept words)
    if toks[b - 1].low.endswith("ly") and toks[b - 1].low not in _LY_NOUNS and not _is_cap(toks[b - 1]):
        return None
    share = _share_start(toks, a, b)
    if share is not None:
        return (share, b)
    if b - a == 1 and toks[a].low in _DETS and not _quantifier_subject(toks, a):
        return None
    if b - a == 1 and (toks[a].low in _SUBORDINATORS or toks[a].low in ("when", "whenever", "if", "once")):
        return None  # "When asked about it, ...": a clause's opening word, no one
    if all(t.low in _MONTHS or t.low in _DAYS or t.text[:1].isdigit() for t in toks[a:b]):
        return None
    # a capitalised first token of the sentence followed by lowercase-only words is still an NP
    return (a, b)



# words that take a part of a group ("most of them", "each of whom") and the pronouns of the group
# (not "none" or "neither": "None of them said a word" tells that no one spoke, as "no one said" does)
_PARTITIVES = frozenset("all both each most many some several few half either".split())
_GROUP_PRONOUNS = frozenset("them us you whom those".split())


def _partitive_start(toks: Sequence[_Tok], b: int) -> int | None:
    """Where a part of a group named by a pronoun starts whose pronoun ends the phrase at ``toks[b - 1]``
    ("most of them said", "two of whom told", "Nearly 10 percent of them say"): a subject as "most
    workers" is, with the words that qualify a share; else None."""
    if b < 3 or toks[b - 1].low not in _GROUP_PRONOUNS or toks[b - 2].low != "of" \
            or any(t.quoted for t in toks[b - 3:b]):
        return None
    k = b - 3
    if toks[k].low in ("percent", "%") and k >= 1 and toks[k - 1].text[:1].isdigit():
        k -= 1  # "10 percent of them"
    elif toks[k].low not in _PARTITIVES and not _number_word(toks[k].low):
        return None
    return _qualified_start(toks, k)


# quantifiers that stand for a noun phrase of people ("Many said ...", "Some have suggested that ...")
_QUANTIFIER_PRONOUNS = frozenset("some many most several another one two three".split())
# words after which a clause's subject starts
_AFTER_NOUN = frozenset("in with of for at from to near on among about into over by against between".split())
_CLAUSE_OPENERS = _SUBORDINATORS | frozenset("and but or that if so yet".split())


def _quantifier_subject(toks: Sequence[_Tok], a: int) -> bool:
    """Whether a quantifier alone at ``toks[a]`` is a clause's subject, a pronoun for people ("Several
    said they would leave", "While some criticized the plan, many said ...", "Most believe that"): at
    the start of a clause, not a determiner whose noun was left out of the phrase nor an object ("got
    some support", "in one report")."""
    if toks[a].low not in _QUANTIFIER_PRONOUNS or toks[a].quoted:
        return False
    if a + 1 < len(toks):
        verb = toks[a + 1].low
        if verb.endswith("ing") or _noun_form(verb) and a + 2 < len(toks) and toks[a + 2].low in _AFTER_NOUN:
            return False  # "Some warning signs", "Many calls to the office": the quantifier's noun
        if toks[a].low == "most" and verb.endswith("ly"):
            return False  # "he has, most recently, defended": an adverb of degree
    if a == 0:
        return True
    prev = toks[a - 1]
    return prev.low in _CLAUSE_OPENERS or (prev.text in (",", ";", ":", "—", "–", "--") and not prev.quoted)


# words that qualify a share ("about six in 10", "more than 40 percent"), of one word and of two
_SHARE_QUALIFIERS = frozenset("about nearly almost roughly just only some over under around fully".split())
_SHARE_QUALIFIER_PAIRS = frozenset(["more than", "fewer than", "less than", "a full", "a mere", "well over"])
_SHARE_QUALIFIED = "|".join(sorted(_SHARE_QUALIFIER_PAIRS | _SHARE_QUALIFIERS, key=len, reverse=True))


def _qualified_start(toks: Sequence[_Tok], start: int) -> int:
    """``start``, the first word of a share, moved back over the words that qualify it ("about",
    "only", "more than")."""
    if start >= 2 and f"{toks[start - 2].low} {toks[start - 1].low}" in _SHARE_QUALIFIER_PAIRS:
        return start - 2
    if start >= 1 and toks[start - 1].low in _SHARE_QUALIFIERS:
        return start - 1
    return start


def _share_start(toks: Sequence[_Tok], a: int, b: int) -> int | None:
    """Where a share of the form "six in 10" or "four out of 10" starts whose second number opens the
    phrase toks[a:b] ("Six in 10 said", "About four out of 10 voters said": those polled speak, as "six in
    10 voters" do), with the words that qualify it ("More than one in five"), or None."""
    k = a - 1 if a >= 1 and toks[a - 1].low == "in" else a - 2 if a >= 2 and toks[a - 1].low == "of" \
        and toks[a - 2].low == "out" else None
    if k is None or k < 1 or not _number_word(toks[a].low) or not _number_word(toks[k - 1].low) \
            or toks[k - 1].quoted or toks[a].quoted:
        return None
    return _qualified_start(toks, k - 1)


def _percent_start(toks: Sequence[_Tok], a: int, b: int) -> int | None:
    """Where a share written with a sign starts whose "%" ends the phrase read leftwards at ``a`` (the
    phrase ``toks[a:b]`` empty or "of ..."): "42% say", "Only 42% of voters say", with the words that
    qualify it, as "42 percent" is read; else None."""
    if a < 2 or toks[a - 1].text != "%" or not toks[a - 2].text[:1].isdigit() or toks[a - 2].quoted \
            or not (a == b or toks[a].low == "of"):
        return None
    start = _qualified_start(toks, a - 2)
    prev = toks[start - 1] if start > 0 else None
    if prev is not None and prev.text.isalpha() and prev.text.islower() and prev.low not in _CLAUSE_OPENERS:
        return None  # "Prices rose 5% ...": an amount, no subject
    return start


# prepositions that attach a phrase to the noun before them in a subject ("Police in Ohio", "A man
# with a dog", "The lawyers for the family of the victim", "sources close to the talks")
_NOUN_PREPOSITIONS = frozenset("in with of for at from to near on among inside outside about".split())
# (not "by": "A review by The Courier shows" is The Courier's finding)


def _time_or_medium(toks: Sequence[_Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] is a time ("recent weeks", "December 1992") or where words were said ("his
    speech"): a prepositional phrase of the verb, not of its subject."""
    last = toks[b - 1]
    return last.low in _TIME_WORDS or last.low in _MONTHS \
        or last.low in _DAYS or bool(_YEAR.fullmatch(last.text)) or last.low in _SPEECH_NOUNS \
        or last.low in ("interview", "interviews", "speech", "address", "letter", "post")


def _subject_with_phrase(toks: Sequence[_Tok], np: tuple[int, int]) -> tuple[int, int]:
    """The subject noun phrase whose prepositional phrase ``np`` ends: "A man with a dog told" is
    the man's, "Police in Ohio said" the police's, "officials in a briefing with those reporters
    acknowledged" the officials' (the phrase with its modifiers, as a reader names the speaker); a
    time or a speech after the subject is left out ("Trump in recent weeks said": Trump)."""
    a, b = np
    for _ in range(3):
        p = a - 1 if a >= 1 and toks[a - 1].low in ("those", "these", "this", "that") else a
        if p < 2 or toks[p - 1].low not in _NOUN_PREPOSITIONS or toks[p - 1].quoted:
            break
        head = _left_np(toks, p - 1)
        if head is None or head[1] != p - 1 or b - head[0] > 16 or toks[head[1] - 1].low in _PRONOUNS \
                or (head[0] > 0 and toks[head[0]].text.islower() and (toks[head[0] - 1].low in _AUX_VERBS or toks[head[0] - 1].low == "to")):
            break  # (a verb's phrase: "companies that have flocked to Kuala Lumpur told")
        if _time_or_medium(toks, a, b):
            b = p - 1
        a = head[0]
    return (a, b)


def _person_member(toks: Sequence[_Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] can be one of the people a list of speakers names: a name (capitalised words,
    with titles, initials and a place: "Ohio Gov. John Kasich", "Sen. Rand Paul of Kentucky") or a
    determiner's phrase of a person ("a spokesman", "his aides", "a spokesman for the city"); not after a
    preposition ("In Paris, Reed and Hale said": a place, then the list)."""
    words = [t for t in toks[a:b] if t.text not in (".", "-")]
    if not words or any(t.quoted for t in words) or (a > 0 and toks[a - 1].low in _NOT_FIELDS and toks[a - 1].low != "and"):
        return False
    if _is_cap(words[0]) and words[0].low not in _DETS and words[0].low not in _PRONOUNS \
            and all(_is_cap(t) or t.low in ("of", "for") for t in words) and _is_cap(words[-1]):
        return words[0].text not in OPENING_WORDS and words[0].low not in _DAYS and words[0].low not in _MONTHS
    # (the head before a phrase of its own: "a spokesman for the city")
    head = next((words[x - 1] for x in range(2, len(words)) if words[x].low in _NOUN_PREPOSITIONS), words[-1]).low
    return len(words) >= 2 and words[0].low in _DETERMINERS and (
        head in PERSON_NOUNS or head.rstrip("s") in PERSON_NOUNS or head in _ROLE_NOUNS or bool(_PERSON_HEAD.search(head)))


def _coordinated(toks: Sequence[_Tok], np: tuple[int, int]) -> tuple[int, int]:
    """The whole list of people a subject ``np`` ends ("Tom Reed, Ann Hale and a spokesman said",
    "Carson, Cruz, and Rand Paul said"): the speakers are all of them, as PolNeAR marks them. Each
    member must be a person's name or a determiner's phrase of a person (``_person_member``), the last
    joined by "and" (after a comma only in a list of three or more); ``np`` unchanged when no such
    list ends it ("Prices rose and the mayor said", "The mayor met Hale, and Reed said")."""
    a, b = np
    k = next((x for x in range(a + 1, b - 1) if toks[x].low == "and"), None)
    if k is not None and _person_member(toks, a, k) and _person_member(toks, k + 1, b):
        start = a  # the phrase is a list of two already ("Ted Cruz and Rand Paul"): the members before it
    elif a >= 2 and toks[a - 1].low == "and" and _person_member(toks, a, b):
        oxford = toks[a - 2].text == ","
        m = _left_np(toks, a - 1 - oxford)
        if m is None or m[1] != a - 1 - oxford or not _person_member(toks, *m) \
                or (oxford and (m[0] < 2 or toks[m[0] - 1].text != ",")):
            return np
        start = m[0]
    else:
        return np
    while start >= 2 and toks[start - 1].text == ",":
        m = _left_np(toks, start - 1)
        if m is None or m[1] != start - 1 or not _person_member(toks, *m):
            break
        start = m[0]
    return (start, b)


def _list_members(toks: Sequence[_Tok]) -> list[tuple[int, int]] | None:
    """The token ranges of the people a speaker phrase ``toks`` lists ("Tom Reed, Ann Hale and a
    spokesman", "Sanders and his aides"): two or more ``_person_member`` phrases set off by commas, the
    last after "and"; None for any other phrase ("Kerr Putney, the police chief", "Dan Backer, the fund's
    lawyer, treasurer and strategist")."""
    cuts = [x for x, t in enumerate(toks) if t.text == "," or t.low == "and"]
    if not cuts or toks[cuts[-1]].low != "and" or any(toks[x].low == "and" for x in cuts[:-1]):
        return None
    members, a = [], 0
    for x in cuts:
        if x > a:
            members.append((a, x))
        a = x + 1
    members.append((a, len(toks)))
    return members if len(members) >= 2 and all(_person_member(toks, *m) for m in members) else None


# the end of a name after a comma ("Donald J. Trump for President, Inc.", "Martin Luther King, Jr.")
_NAME_SUFFIXES = frozenset("inc ltd llc plc corp co".split()) | GENERATIONS


_OBJECT_PREPOSITIONS = frozenset("by of to for from with at on into about against under over than like".split())
# what follows a cue's object "it" or "that" and no subject does: an adverb of time or a preposition
_OBJECT_TAILS = frozenset("again twice once too then before in".split()) | _OBJECT_PREPOSITIONS | _DAYS
_PLACE_BEFORE = frozenset("in of at from near outside".split())


_STATE_FIRST_WORDS = frozenset("New North South West Rhode".split())  # a two-word state's first word


def _place_preposition(toks: Sequence[_Tok], k: int) -> int | None:
    """The index of the preposition before the place whose comma ``toks[k]`` is ("in Columbus, Ohio",
    "of Flint, Mich.", "in Aurora, Colorado, in July"), or None."""
    if k < 2 or not _is_cap(toks[k - 1]) or toks[k - 1].quoted:
        return None
    w = k - 2 if k > 2 and toks[k - 2].text in _STATE_FIRST_WORDS else k - 1  # ("New Jersey", "South Carolina")
    if toks[w - 1].text == ",":  # the comma closing the state: "in Aurora, Colorado, in July", "of Ames, New Jersey,"
        return _place_preposition(toks, w - 1)
    if k + 1 >= len(toks) or not _is_cap(toks[k + 1]):
        return None
    m = k - 1
    while m > 0 and k - m < 4 and (_is_cap(toks[m - 1]) or toks[m - 1].text == ".") and not toks[m - 1].quoted:
        m -= 1
    return m - 1 if m > 0 and toks[m - 1].low in _PLACE_BEFORE else None


def _inner_comma(toks: Sequence[_Tok], k: int) -> bool:
    """A comma inside a speaker's appositive that does not close it: a place's ("Cory Lane, of Flint,
    Mich., said") or an age's ("Cory Lane, 22, of Flint")."""
    if k >= 2 and toks[k - 1].text.isdigit() and toks[k - 2].text == ",":
        return True
    return _place_preposition(toks, k) is not None


def _before_parenthesis(toks: Sequence[_Tok], np: tuple[int, int]) -> int:
    """The last word of the noun phrase ``np`` before a parenthesis that closes it ("Ana Lind
    (D-Maine)": "Lind"), else its last word."""
    a, b = np
    if toks[b - 1].text == ")":
        k = next((k for k in range(b - 2, a, -1) if toks[k].text == "("), None)
        if k is not None:
            return k - 1
    return b - 1


def _which_subject(middle: Sequence[_Tok]) -> bool:
    """Whether words set off by commas are a relative clause whose subject is "which", its verb right
    after it ("The board, which was criticized for months, said"): a verb of saying there is the
    clause's, as after "who"; not "which analysts called ...", whose verb may be the sentence's."""
    return len(middle) > 1 and middle[0].low == "which" and _verb_form(middle[1])


def _appositive(toks: Sequence[_Tok], comma: int) -> tuple[tuple[int, int], int] | None:
    """'Kerr Putney, the police chief, said' / 'Ed Rendell, who served ..., agreed': the speaker
    runs from the name to the closing comma. Returns (token range, index where the name starts)."""
    k = comma - 1
    limit = 40 if any(t.low in ("who", "which", "whose") for t in toks[max(0, comma - 40):comma]) else 18
    place = None  # the preposition before a place whose commas were passed
    while k >= 0 and comma - k <= limit and (toks[k].text != "," or toks[k + 1].low in _NAME_SUFFIXES
                                             or _inner_comma(toks, k)):
        if place is not None and toks[k].text in _QUOTE_CHARS and not toks[k].quoted:
            break  # ('"...," Tom Berg of Ames, Iowa, whose son died, said': the quotation opens the sentence)
        if toks[k].quoted or toks[k].text in _QUOTE_CHARS or toks[k].text in ";:" or (
                toks[k].text == "." and not (k > 0 and toks[k - 1].end == toks[k].start)):
            return None
        if toks[k].text == "," and toks[k + 1].low not in _NAME_SUFFIXES:
            place = _place_preposition(toks, k)
        k -= 1
    if (k < 1 or toks[k].text in _QUOTE_CHARS) and place is not None:
        # "Officials in Dover, Delaware, said": the sentence's subject, with its place
        head = _left_np(toks, place)
        return ((head[0], comma + 1), head[0]) if head is not None else None
    if k < 1 or toks[k].text != "," or comma - k < 2:
        return None
    middle = toks[k + 1:comma]
    if middle[0].low not in ("who", "which", "whose") and not all(t.text in (",", ".") or
            _np_ok(t) or (t.low in _STOP and t.low not in _AUX_VERBS and t.low not in _PRONOUNS
                          and t.low not in ("that", "which", "when", "while", "because", "if", "not"))
            for t in middle):
        return None
    if any(t.low in CUE_VERBS and not _modifier_base(toks, m) and not _naming_participle(toks, m)
           for m, t in enumerate(middle, k + 1)) and middle[0].low not in ("who", "whose") \
            and not _which_subject(middle):
        return None
    if k <= 6 and toks[0].low in _FRONTED and toks[0].low not in _SUBORDINATORS and _is_cap(toks[0]) \
            and _is_cap(middle[0]) and not any(t.text == "," for t in toks[1:k]):
        # "On New Year, Tom Berg of River Vale, Iowa, said": the phrase opening the sentence is when or
        # where, the name after its comma the subject, with its place's commas
        return (k + 1, comma + 1), k + 1
    head = _left_np(toks, k)
    head_word = _before_parenthesis(toks, head) if head is not None else 0  # ("Rep. Ana Lind (D-Maine), who")
    if head is not None and not _is_cap(toks[head_word]) and middle[0].low in ("who", "which") \
            and toks[head[0]].low in ("the", "a", "an") and head[0] == 0 and head[1] - head[0] >= 2:
        # "The tracking poll, which tracks support daily, showed ...": the sentence's subject
        return (head[0], comma + 1), head[0]
    if head is None or not _is_cap(toks[head_word]):
        # "His sister, Janet Jackson, said": a description, then the person's name between commas;
        # what is said before ends before the description ("..., his top aide, Tom Hale, said", '"...,"
        # the press secretary, Ana Lind, said')
        if head is not None and _is_name_run(middle):
            start = head[0]
            while start > 1 and toks[start - 1].low == "of" and not toks[start - 2].quoted \
                    and toks[start - 2].text.isalpha() and toks[start - 2].text.islower():
                # the description's head before its "of" phrase: '"...," the first secretary of the
                # harbor committee, Ana Lind, said' (the quotation ends before "the first secretary")
                left = _left_np(toks, start - 1)
                if left is None or left[0] >= start - 1:
                    break
                start = left[0]
            m = start  # (and its determiner before adjectives the noun reader stops at: "the first secretary")
            while m > 1 and start - m < 3 and toks[m - 1].text.isalpha() and toks[m - 1].text.islower() \
                    and toks[m - 1].low not in _DETS:
                m -= 1
            if m > 1 and m < start and toks[m - 1].low in _DETS:
                start = m - 1
            after_words = start > 0 and (toks[start - 1].text == "," or toks[start - 1].text in _QUOTE_CHARS)
            return (k + 1, comma), start if after_words else k + 1
        return None
    return (head[0], comma + 1), head[0]


def _inverted_after_object(toks: Sequence[_Tok], head: int, cb: int) -> bool:
    """Whether a verb after an appositive whose head (at ``toks[head]``) is a preposition's object
    ("approval by the FDA, in the same way the agency approves drugs, said ...") is followed by its
    speaker: a noun phrase that ends the sentence or its clause ("said Michael Brandt, president of
    ..."); a preposition's object is no subject."""
    if head == 0 or toks[head - 1].low not in _OBJECT_PREPOSITIONS:
        return False
    right = _right_np(toks, cb)
    return right is not None and (right[1] >= len(toks) or toks[right[1]].text in (",", ".", ";"))


def _modifier_base(toks: Sequence[_Tok], m: int) -> bool:
    """Whether the cue word toks[m] is a bare form that modifies the noun after it ("a state senator",
    "the Ohio state treasurer", "a former report writer", "director of state campaigns"), no verb: no
    -s, -ed or -ing, after a determiner, an owner, a name, "of" or an adjective, before a lower-case
    word ("brands find suppliers" is a verb's), also after a noun there ("a talk show host")."""
    t = toks[m]
    if t.low.endswith(("s", "ed", "ing")) or t.low in _IRREGULAR_PAST or m < 1 or m + 1 >= len(toks):
        return False
    return _premodifier_slot(toks, m - 1, 2) and toks[m + 1].text[:1].islower() and toks[m + 1].text.isalpha()


def _premodifier_slot(toks: Sequence[_Tok], k: int, depth: int) -> bool:
    """Whether a noun's modifier may follow toks[k]: a determiner, an owner, a name, "of", an adjective,
    or (``depth`` times) a lower-case word that itself follows one ("a talk show host")."""
    before = toks[k]
    if before.low in _DETS or before.low == "of" or _possessive(before.text) or _is_cap(before) \
            or _modifier_like(before) or before.low == "former":
        return True
    return depth > 0 and k > 0 and before.text.isalpha() and before.text.islower() and before.low not in _STOP \
        and before.low not in _AUX_VERBS and _premodifier_slot(toks, k - 1, depth - 1)


def _is_name_run(toks: Sequence[_Tok]) -> bool:
    """Two to four capitalised words and nothing else ("Janet Jackson", "Kim Eui-keum"), a title's
    abbreviation with its dot among them ("Mrs. Lind", "Dr. Ana Lind")."""
    words = [t for m, t in enumerate(toks) if not (t.text == "." and m > 0 and toks[m - 1].low in _ABBREVIATED
                                                   and toks[m - 1].end == t.start)]
    return 2 <= len(words) <= 4 and all(_is_cap(t) and not t.quoted and t.low not in _PRONOUNS for t in words)


def _appositive_name(toks: Sequence[_Tok], start: int, limit: int) -> tuple[int, int] | None:
    """The name set off by commas right after a subject's description ("Another of Michael's
    sisters, Janet Jackson, has also said"): its token range, or None."""
    c1 = next((m for m in range(start, min(limit, start + 6)) if toks[m].text == ","), None)
    if c1 is None or any(t.low in CUE_VERBS or t.quoted for t in toks[start:c1]):
        return None
    c2 = next((m for m in range(c1 + 1, min(limit, c1 + 6)) if toks[m].text == ","), None)
    if c2 is None or not _is_name_run(toks[c1 + 1:c2]):
        return None
    return c1 + 1, c2


def _extend_appositive(toks: Sequence[_Tok], np: tuple[int, int], clause_before: bool = True) -> tuple[int, int]:
    """'said Ryan Ellis, a Republican tax consultant.' -> the speaker runs to the sentence end, or to the
    comma before a quotation; 'said an official who asked not to be named, ...' -> to the end of its
    clause. Without ``clause_before`` (a quotation before the cue), no clause resumes after the speaker:
    a participle there opens the description ('"...," said Tom Berg, retired Army general')."""
    a, b = np
    n = len(toks)
    if b - a > 1 and toks[b - 1].low in ("who", "whose"):
        b -= 1  # "said an official who asked not to be named": the relative pronoun opens the clause
    if b < n and b > a and (toks[b].low in ("who", "whose") or toks[b].low == "with" and toks[b - 1].low == "familiar"):
        # "said an official who asked not to be named", "said the Democrat who is familiar with ...",
        # "said a person familiar with the talks": the clause tells who the speaker is, to its comma
        end = next((k for k in range(b, n) if toks[k].text in (",", ";", ":", "(", "—", "–")), n)
        extended = _speaker_to(toks, a, b, end)
        if extended is not None:
            return extended
    if b + 1 < n and toks[b].text == "," and not toks[b + 1].quoted and toks[b + 1].text not in _QUOTE_CHARS \
            and toks[b + 1].low not in CUE_VERBS and not toks[b + 1].low.endswith("ing") \
            and not (clause_before and _resumed_clause(toks, b + 1)) \
            and toks[b + 1].low not in ("and", "but", "while", "as", "because", "though", "although", "when") \
            and (toks[b + 1].low in _DETS or toks[b + 1].low in ("who", "whose") or _is_cap(toks[b + 1])
                 or toks[b + 1].low.isalpha() or _age_after(toks, b)):
        # (to the comma before a quotation: 'said Ana Lind, an economist in Ames, "the towns will ..."', or
        # before the verb of the clause the attribution interrupts: "The vote, said Tom Berg, R-Texas, was ...")
        end = next((k for k in range(b + 2, n) if toks[k].text == "," and (
            _quotation_next(toks, k + 1) or clause_before and _resumed_clause(toks, k + 1)
            and not _relative_awaits_verb(toks, b + 1, k))), n)
        extended = _speaker_to(toks, a, b, end)
        if extended is not None:
            return extended
    return np


def _age_after(toks: Sequence[_Tok], comma: int) -> bool:
    """An age set off by commas after a name: 'Said Tom Berg, 42, "..."' (the age describes the speaker)."""
    return comma + 2 < len(toks) and toks[comma + 1].text.isdigit() and len(toks[comma + 1].text) <= 3 \
        and toks[comma + 2].text == ","


def _unclosed_apposition(toks: Sequence[_Tok], np: tuple[int, int], ca: int, cb: int) -> int | None:
    """Where the name starts whose apposition, left open by a missing comma, is the subject ``np``:
    "Sen. Kara Dune (D-NY), a supporter of the plan told ...", "Tom Hale, the ministry's spokesman
    said ..." (the speaker is Kara Dune, Tom Hale, not the description). The name: two capitalised
    words or more (a title, initials, a party's parenthesis) that a person can bear, opening its clause;
    the description: a determiner's or an owner's phrase of a person's noun; the cue (toks[ca:cb]) a
    finite verb of one person ("said", "has told", "writes"; "the president of the Indiana state
    firefighters union" has none) and not parenthetical ("Clinton, a top aide said, is ..." is the
    aide's). None otherwise ("In Paris, the spokesman said")."""
    a, b = np
    first = toks[ca].low
    if not (first.endswith(("s", "ed")) or first in _IRREGULAR_PAST or first in _FINITE_AUX):
        return None
    if a < 3 or toks[a - 1].text != "," or (cb < len(toks) and toks[cb].text == ",") \
            or not (toks[a].low in ("a", "an", "the") or _possessive(toks[a].text)) \
            or not any(t.low in PERSON_NOUNS or t.low in ROLE_HEADS for t in toks[a:b]):
        return None
    k = a - 1
    if toks[k - 1].text == ")":  # "Dune (D-NY),"
        k = next((m for m in range(k - 2, max(0, k - 8), -1) if toks[m].text == "("), 0)
    r = k
    while r > 0 and (_is_cap(toks[r - 1]) or toks[r - 1].text == ".") and not toks[r - 1].quoted:
        r -= 1
    words = [t.text for t in toks[r:k] if t.text != "."]
    if len(words) < 2 or not (r == 0 or toks[r - 1].text in (",", ":") or toks[r - 1].text in _QUOTE_CHARS) \
            or toks[r].low in _NOUN_PREPOSITIONS or toks[r].low in _PREP_ADJ \
            or any(t.low in _DAYS or t.low in _MONTHS for t in toks[r:k]) or not _person_like(" ".join(words)):
        return None
    return r


def _speaker_to(toks: Sequence[_Tok], a: int, b: int, end: int) -> tuple[int, int] | None:
    """The speaker ``toks[a:b]`` run on to ``end`` (less a closing mark), or None when that is long
    (over 25 words) or holds a quotation."""
    while end > b + 1 and toks[end - 1].text in (".", "!", "?"):
        end -= 1
    if end - b <= 25 and not any(t.quoted or t.text in _QUOTE_CHARS for t in toks[b:end]):
        return (a, end)
    return None


_WEEKDAY_WORDS = frozenset(w for w in WEEKDAYS if w.endswith("day"))
_WIRE_NAMES = frozenset(NEWS_AGENCIES)
_DATELINE_DASHES = frozenset(["—", "–", "--", "-", "_"])


def _after_dateline(toks: Sequence[_Tok], k: int, limit: int) -> int:
    """The first token after a dateline opening the clause at ``k`` ("WASHINGTON, Dec. 8 (UPI) —",
    "Washington (AFP) –"), or ``k`` when it opens with none."""
    for m in range(k + 1, min(limit, k + 12)):
        if toks[m].text in _DATELINE_DASHES and toks[m - 1].end < toks[m].start \
                and (m + 1 >= limit or toks[m].end < toks[m + 1].start or toks[m + 1].text in _DATELINE_DASHES):
            head = toks[k:m]
            comma = next((x for x, t in enumerate(head) if t.text == ","), len(head))
            city = all(t.text.isupper() or t.text in (".", "'") for t in head[:comma]) and len(toks[k].text) > 1
            if all(_is_cap(t) or t.text in (",", ".", "(", ")") or t.text.isdigit() for t in head) \
                    and (city or any(t.text in _WIRE_NAMES for t in head)):
                while m + 1 < limit and toks[m + 1].text in _DATELINE_DASHES:
                    m += 1  # ("--" is two tokens)
                return m + 1
            return k
        if not (_is_cap(toks[m]) or toks[m].text in (",", ".", "(", ")") or toks[m].text.isdigit()):
            return k
    return k


def _told_of(toks: Sequence[_Tok], i: int) -> bool:
    """Whether the cue toks[i] is a verb before "of" and what was said ("Voss warned of ..."), not a
    noun ("a warning of", "talks of a merger")."""
    return toks[i].low in _OF_TOPIC and toks[i + 1].low == "of" and not (i > 0 and toks[i - 1].low in _DETS) \
        and not (toks[i].low.endswith("s") and (i == 0 or not _is_cap(toks[i - 1]) and toks[i - 1].low not in _PRONOUNS))


_ASKED = frozenset("asked pressed questioned challenged confronted".split())  # "Asked about the vote, Hale said"


def _participle_opening(toks: Sequence[_Tok], k: int) -> bool:
    """Whether toks[k] opens a participle's phrase: a word news text writes in lower case, in -ing
    ("Walking", "Facing") or after an adverb ("Hastily politicizing"), or "Asked" and its kin, before a
    lower-case word (not a name: "Manning said", "Beijing has")."""
    w, nxt = toks[k], toks[k + 1]
    if _is_cap(nxt) and not w.low.endswith("ly"):
        return False
    if w.low.endswith("ly") and nxt.low.endswith("ing") and nxt.text.islower():
        return common_word(w.text)
    return (w.low.endswith("ing") or w.low in _ASKED) and common_word(w.text)


def _phrase_comma(toks: Sequence[_Tok], k: int, limit: int) -> int | None:
    """The comma closing a phrase that opens at ``toks[k]`` (within 24 tokens, before ``limit``), or None."""
    return next((m for m in range(k + 1, min(limit, k + 25)) if toks[m].text == "," and not _town_comma_before_state(toks, m, limit)), None)


def _town_comma_before_state(toks: Sequence[_Tok], m: int, limit: int) -> bool:
    """Whether the comma toks[m] stands between a town and its state, which a comma closes ("in Salem,
    New Hampshire, Trump went ..."; not "in Columbia, Sanders stepped up ...")."""
    if _place_preposition(toks, m) is None:
        return False
    close = next((x for x in range(m + 2, min(limit, m + 5)) if toks[x].text == ","), None)
    return close is not None and all(_is_cap(t) or t.text == "." for t in toks[m + 1:close])


# adverbs that open a sentence before its subject and a comma ("However, ...", "Meanwhile, ...")
_OPENING_ADVERBS = frozenset("""however still instead meanwhile nonetheless nevertheless moreover furthermore indeed
afterward afterwards later earlier now then today yesterday overall again also thus therefore finally outside
inside absent beyond throughout""".split())
_LATER = frozenset("later earlier ago".split())
_LATER_OR_AROUND = _LATER | frozenset(["before", "after"])   # "Two weeks later,", "The day before,"


def _opening_adverb(toks: Sequence[_Tok], k: int) -> bool:
    """Whether the capitalised toks[k] opens an adverbial phrase before the subject: an adverb ("However",
    "Ultimately", "Shortly after ..."), or a span of time before "later" ("Hours later")."""
    w = toks[k]
    if not _is_cap(w) or w.quoted:
        return False
    if w.low in _OPENING_ADVERBS:
        return True
    if w.low.endswith("ly") and w.low not in _LY_NOUNS and (
            common_word(w.text) or w.low.endswith(("ally", "ately", "ively", "ously", "ingly", "edly"))):
        return toks[k + 1].text == "," or toks[k + 1].text.islower()
    if toks[k + 1].low in _LATER and (w.low.endswith("s") and common_word(w.text) or _number_word(w.low)):
        return True
    # a time before "later", "before" and the like, then its comma: "The day before,", "Two weeks later,"
    c = next((m for m in range(k + 1, min(len(toks), k + 5)) if toks[m].text == ","), None)
    return c is not None and toks[c - 1].low in _LATER_OR_AROUND \
        and any(t.low in _TIME_HEADS or t.low.rstrip("s") in _TIME_HEADS for t in toks[k:c - 1])


# besides a capitalised word or a pronoun, the words that may open the subject after an opening adverb's comma
# ("However, the families ...", "Hours later, at a rally, ...")
_AFTER_ADVERB = _DETS | OPENING_PHRASE_WORDS


def _comma_then_subject(toks: Sequence[_Tok], k: int, limit: int, more: frozenset[str] = frozenset()) -> int | None:
    """Where the subject starts after the comma that closes a phrase opening at toks[k] (``_phrase_comma``):
    right after it, when a capitalised word, a pronoun or a word of ``more`` is there; None otherwise."""
    c = _phrase_comma(toks, k, limit)
    if c is None or c + 1 >= limit:
        return None
    nxt = toks[c + 1]
    return c + 1 if _is_cap(nxt) or nxt.low in _PRONOUNS or nxt.low in more else None


def _subject_np(toks: Sequence[_Tok], limit: int) -> tuple[int, int] | None:
    """The subject at the start of the clause (after a leading adverbial and its comma)."""
    # (after a dateline: "WASHINGTON, Dec. 8 (UPI) — Clinton's aide rallied ..., saying")
    k = _after_dateline(toks, 0, limit) if limit > 0 else 0
    if k < limit and toks[k].text in _QUOTE_CHARS:  # '``...,'' the leader, Rep. Dick Armey, told ...'
        close = next((m for m in range(k + 1, limit) if toks[m].text in _QUOTE_CHARS), None)
        if close is None:
            return None
        k = close + 1
    elif k + 1 < limit and toks[k].low in ("and", "but", "yet") and _is_cap(toks[k + 1]) and toks[k + 1].low not in _STOP:
        k += 1  # "But Mr. Guerrero, a Republican ..., said he ...": the clause's subject follows the conjunction
    elif k < limit and (toks[k].low in _STOP or toks[k].low in ("speaking", "meanwhile", "still", "instead")) \
            and toks[k].low not in _PRONOUNS:
        c = _phrase_comma(toks, k, limit)
        if c is None:
            return None
        k = c + 1
    elif k + 2 < limit and _opening_adverb(toks, k):
        # "However, he held his fire ..., calling", "Hours later, Trump returned ..., telling", "Shortly
        # after the merger, the families had mobilized, warning": the subject follows the comma
        k = _comma_then_subject(toks, k, limit, _AFTER_ADVERB) or k
    elif k > 0 and k + 1 < limit and toks[k].low.endswith("ing") and not _is_cap(toks[k + 1]):
        # a participle's phrase after a dateline ("BUENA PARK, Calif. — Rallying supporters in the park,
        # Clinton vowed ..."), not a name ("King Harald", "Sterling Bank"): its comma, then the subject
        c = _phrase_comma(toks, k, limit)
        if c is not None and c + 1 < limit:
            k = c + 1
    elif k + 1 < limit and _participle_opening(toks, k):
        # a participle's phrase opening the sentence ("Hastily politicizing the tragedy, Trump cast the
        # blame ..., saying", "Walking to the next house, Ebeling ... and said"): the subject follows its comma
        k = _comma_then_subject(toks, k, limit) or k
    for _ in range(2):  # a second opening phrase: "At an event in Ames, Iowa, on Sunday, Mrs. Clinton ..."
        after = _comma_then_subject(toks, k, limit) if 0 < k < limit and toks[k].text.islower() \
            and toks[k].low in OPENING_PHRASE_WORDS else None
        if after is None:
            break
        k = after
    if k >= limit:
        return None
    if toks[k].low in _PRONOUNS:
        return (k, k + 1)
    b = k
    seen_cap = possessed = False
    while b < limit and b - k < 8 and _np_ok(toks[b]):
        t = toks[b]
        possessed = possessed or (b > k and seen_cap and toks[b - 1].text.endswith(("’s", "'s")))
        if b > k and t.low in _WEEKDAY_WORDS and toks[b - 1].low not in _DETS \
                and not (b + 1 < limit and _is_cap(toks[b + 1])):
            break  # "Gov. George W. Bush Thursday granted ...": the day is no part of the name (not "The Sunday Times")
        if t.low in _DETS or t.low == "of" or t.low in _MULTITUDES:
            pass  # ("Thousands of protesters ..., demanding": no name, the head follows)
        elif _is_cap(t) or t.text in ("’s", "'s", "-", ".", "&"):
            seen_cap = seen_cap or _is_cap(t)
        elif possessed and t.text.isalpha() and t.low not in CUE_VERBS and t.low not in _AUX_VERBS \
                and not t.low.endswith("ed"):
            pass  # the head after a name's possessive: "Tomas's father", "Britain's prime minister, who ..."
        elif seen_cap or t.low in CUE_VERBS or t.low.endswith("ed"):
            break
        b += 1
    if b > k and not _is_name_run(toks[k:b]):
        named = _appositive_name(toks, b, limit)
        if named is not None:
            return named
    # a name, a role and its holder's name: "Bush spokesman Scott McClellan shed little light ...,
    # saying ..." is McClellan's, not Bush's
    r = b
    while r < limit and r - b < 3 and toks[r].low in _ROLE_WORDS_BEFORE_NAME:
        r += 1
    if b > k and r > b and toks[r - 1].low in _ROLE_NOUNS and r < limit and _is_cap(toks[r]):
        e = r
        while e < limit and e - r < 4 and (_is_cap(toks[e]) or toks[e].text == ".") \
                and toks[e].low not in _DAYS and toks[e].low not in _MONTHS:
            e += 1  # ("Apple chief executive Tim Cook Monday unveiled ...": Tim Cook)
        return (k, e)
    return (k, b) if b > k else None


_ROLE_WORDS = ROLE_HEADS | ROLE_MODS | frozenset(["manager", "commissioner", "coach", "owner", "founder"])
_ROLE_WORDS_BEFORE_NAME = _ROLE_NOUNS | ROLE_MODS


# words before a role that are no field of it ("said Obama alongside prime minister David Cameron")
_NOT_FIELDS = frozenset("alongside beside besides amid amidst outside inside near after before during at on in of "
                        "for from by to about against among between behind beyond despite following including "
                        "like over since through toward towards under unlike until upon within without while as "
                        "than and or but with via per".split())


def _role_after_name(toks: Sequence[_Tok], a: int, b: int) -> bool:
    """Whether toks[b] is a role word that a name qualifies ("said the NBA commissioner, David Stern",
    "said former MSN general manager Russell Siegelman", "said the Central Mat-Su fire chief, James
    Steele"): the phrase goes on to its head."""
    if b - a >= 6:
        return False
    if toks[b].low in _ROLE_WORDS:
        return True
    # a field before the role word: "said the Central Mat-Su fire chief, James Steele"
    return (b + 1 < len(toks) and toks[b + 1].low in ROLE_HEADS and toks[b].text.isalpha()
            and toks[b].text.islower() and toks[b].low not in CUE_VERBS and toks[b].low not in _STOP
            and toks[b].low not in _NOT_FIELDS and not toks[b].low.endswith(("ing", "ed", "ly")))


def _after_possessive(toks: Sequence[_Tok], a: int, b: int) -> bool:
    """Whether toks[b] is among the few lower-case words after a possessive in toks[a:b] ("Syria's
    official news agency"): the noun the possessive belongs to."""
    for k in range(b - 1, max(a, b - 4) - 1, -1):
        if toks[k].low.endswith(("’s", "'s")):
            return True
        if _is_cap(toks[k]) or toks[k].low in CUE_VERBS:
            return False
    return False


# the words that open a counted phrase of people ("one Sanders supporter", "two Kasich delegates")
_COUNTED = frozenset("a an one two three four five several some many other another".split())
_DOCUMENT_HEADS = frozenset("poll polls report reports survey statement study analysis memo letter".split())
_PERSON_HEAD = re.compile(r"(?:er|or|ist|ant|ent|ian|ee)s?$")


def _ordinal_before_noun(toks: Sequence[_Tok], a: int, b: int) -> bool:
    """Whether toks[b] is "first" or "last" between a determiner that opens the phrase at ``a`` and a
    lower-case noun ("the first secretary", "the last member"), not the adverb ("first said")."""
    return a < b and toks[b].low in ("first", "last") and toks[b - 1].low in _DETS and b + 1 < len(toks) \
        and toks[b + 1].text.isalpha() and toks[b + 1].text.islower() and toks[b + 1].low not in _STOP


def _right_np(toks: Sequence[_Tok], i: int) -> tuple[int, int] | None:
    """Noun phrase starting at toks[i] (inverted speaker: ``said Maria Lind``)."""
    a = i
    if a >= len(toks):
        return None
    if toks[a].low in _PRONOUNS:
        return (a, a + 1)
    b = a
    seen_cap = False
    while b < len(toks) and b - a < 12 and (_np_ok(toks[b]) or _ordinal_before_noun(toks, a, b) or (
            seen_cap and toks[b].low in ("for", "at", "on", "in") and not _is_cap(toks[b])) or (
            b > a and toks[b].low in ("for", "at", "with") and toks[b - 1].low in _ROLE_NOUNS)):
        t = toks[b]
        if _ordinal_before_noun(toks, a, b):
            b += 1  # "said the first secretary of the committee": an adjective, not the adverb "first said"
            continue
        if b > a and t.low in ("for", "at", "with") and toks[b - 1].low in _ROLE_NOUNS:
            b += 1  # "a spokeswoman for the company"
            continue
        if t.text == "." and not (b > a and toks[b - 1].end == t.start and len(toks[b - 1].text) <= 4
                                  and _is_cap(toks[b - 1]) and b + 1 < len(toks) and _is_cap(toks[b + 1])):
            break  # a full stop, not "Mr." / "Del."
        if t.low in _DAYS and b > a:
            break
        if seen_cap and t.low in ("for", "at", "on", "in") and b + 1 < len(toks) and _is_cap(toks[b + 1]) \
                and toks[b + 1].low not in _DAYS and toks[b + 1].low not in _MONTHS:
            b += 1  # "the Roper Center for Public Opinion Research"
            continue
        if not _np_ok(t):
            break
        if seen_cap and b > a and not _is_cap(t) and toks[a].low in _COUNTED and _is_cap(toks[b - 1]) \
                and (t.low in PERSON_NOUNS or t.low.rstrip("s") in PERSON_NOUNS or _PERSON_HEAD.search(t.low)
                     or t.low in _DOCUMENT_HEADS):
            b += 1  # "said one Sanders supporter", "two Kasich delegates", "a CNN poll": the head after the name
            continue
        stop = next((x for x in range(b, min(len(toks), b + 4)) if toks[x].text in ".,;!?"
                     or toks[x].low in _DAYS or toks[x].low in _WHEN_WORDS),
                    len(toks) if len(toks) <= b + 3 else None) if seen_cap and b > a and toks[a].low in _DETS else None
        if stop is not None and stop > b and _NOUNS_TO_END.fullmatch(" ".join(x.text for x in toks[b:stop])) \
                and not any(x.low in CUE_VERBS for x in toks[b:stop]):
            # "said the printed Lint slate card.", "said a Varn forum this week": the phrase's own nouns
            # to the clause's end or a time
            b = stop
            break
        if b > a and not _is_cap(t) and (t.low in CUE_VERBS and toks[b - 1].low not in _DETERMINERS or (seen_cap and t.low not in ("of", "’s", "'s")
                                                                 and t.text not in ("-", ".")
                                                                 and not (t.low in _DETS and toks[b - 1].low
                                                                          in ("of", "for", "at", "on", "in"))
                                                                 and not _after_possessive(toks, a, b)
                                                                 and not _role_after_name(toks, a, b))):
            break  # "said Mexico demanded" -> "Mexico" (but "said Syria's official news agency")
        seen_cap = seen_cap or (_is_cap(t) and t.low not in _DETS)
        b += 1
    while b > a + 1 and toks[b - 1].low in ("of", "for", "at", "on", "in", "the", "a", "an"):
        b -= 1  # "Mr. King of" -> "Mr. King"
    if b == a:
        return None
    if not any(_is_cap(t) or t.low in _DETS for t in toks[a:b]) and toks[a].low not in _DETS:
        # "said officials" is fine, but "said tomorrow" is not a speaker
        if toks[a].low in _DAYS:
            return None
    if toks[a].low in _DAYS:
        return None
    return (a, b)


# one to three lower-case words, no function word among them: the nouns after a name in "the Lint
# slate card"
_WHEN_WORDS = frozenset("this last next today tonight yesterday now".split())
_NOT_NOUNS = (r"(?!(?:of|for|at|on|in|to|and|or|but|that|this|these|those|last|next|who|which|when|while|as|after|"
              r"before|the|a|an|his|her|their|its|today|tonight|yesterday|here|there|now|is|are|was|were|has|"
              r"have|had|will|would|can|could|should|may|might|must|wants|says|taken|given|written|seen|shown|done|"
              r"made|held|again|afterwards?|though|too|also|once|more|still|later|instead|alone|anyway|either|"
              r"emeritus|[a-z-]+ed|[a-z-]+ing|[a-z-]+self|[a-z-]+selves|"
              rf"(?!(?:{'|'.join(sorted(_LY_NOUNS))})\b)[a-z-]+ly)\b)")  # (adverbs in -ly; not "family")
_NOUNS_TO_END = re.compile(rf"{_NOT_NOUNS}[a-z][a-z-]+(?:\s+{_NOT_NOUNS}[a-z][a-z-]+){{0,2}}")


# --- one sentence ---------------------------------------------------------------------------------

@dataclass(slots=True)
class _Found:
    start: int
    end: int
    fragments: tuple[tuple[int, int], ...]
    speaker: tuple[int, int] | None
    cue: tuple[int, int]
    possessed: bool = False  # its cue a noun of saying after its possessor ("his claim that ...")
    relayer: tuple[int, int] | None = None  # the medium that quotes the speaker ("the agency quoted an aide as saying")


# adverbs between a subject and its reporting verb that do not end in -ly ("has always maintained")
_CUE_ADVERBS = frozenset("always also never often still already just now then again long later once ever even "
                         "since first".split())


# verbs of aspect before a participle, part of its cue ("has lately started asking", "began writing")
_ASPECT = frozenset("start starts started begin begins began begun stop stops stopped keep keeps kept "
                    "resume resumes resumed".split())


def _cue_span(toks: Sequence[_Tok], i: int) -> tuple[int, int]:
    """Token range of the cue at toks[i] with its auxiliaries/adverbs to the left, and a verb of aspect
    before a participle ("Trump has lately started asking ...": the subject is Trump's)."""
    a = i
    if i > 1 and toks[i].low.endswith("ing") and toks[i - 1].low in _ASPECT and not toks[i - 1].quoted \
            and not _is_cap(toks[i - 1]):
        a = i - 1
    while a > 0 and not toks[a - 1].quoted and not (_is_cap(toks[a - 1]) and a - 1 > 0) and (
            toks[a - 1].low in _AUX or toks[a - 1].low in _CUE_ADVERBS or
                                                 (toks[a - 1].low.endswith("ly") and toks[a - 1].low.isalpha()
                                                  and not _is_cap(toks[a - 1]) and len(toks[a - 1].low) > 4)):
        a -= 1
    b = i + 1
    part = _PARTICLE_AFTER.get(toks[i].low)
    if part and b < len(toks) and toks[b].low in part:
        b += 1
    elif b < len(toks) and toks[b].low == "about" and toks[i].low not in ("said", "say", "says", "saying"):
        b += 1  # "talked about", "asked about", "worried about": the particle is part of the cue
    elif b < len(toks) and toks[b].low == "of" and _told_of(toks, i):
        b += 1  # "spoke of", "warned of": the cue's, what was spoken of is after it
    return a, b


_ABBREVIATED = frozenset("mr mrs ms dr sen rep gov gen lt col capt sgt prof st jr sr adm maj cpl".split())


def _abbreviation_dot(toks: Sequence[_Tok], k: int) -> bool:
    """Whether the "." at ``k`` ends an abbreviation inside a name ("told Mr. Comey that", "Sen.
    Bob Corker", "John F. Kennedy", "U.S. Senators"), not the sentence."""
    if toks[k].text != "." or not 0 < k < len(toks) - 1:
        return False
    if "." in toks[k - 1].text and toks[k + 1].text[:1].isalpha():
        return True  # "told U.S. senators", "warned the U.S. there would be ..."
    return toks[k + 1].text[:1].isupper() and (toks[k - 1].low in _ABBREVIATED
                                               or (len(toks[k - 1].text) == 1 and toks[k - 1].text.isupper()))


def _town_comma(toks: Sequence[_Tok], k: int, end: int, town: int) -> bool:
    """Whether the comma ``toks[k]`` is one of a place name's, inside a phrase that reaches a "that":
    between a town and its state ("Salem, New Hampshire", both capitalised) or, after that one, the
    comma closing the state before more of the phrase ("in Manchester, New Hampshire, breakfast spot
    that"; not "in Buffalo, New York, that" nor "..., on Monday that": the phrase ends there)."""
    if not _is_cap(toks[k - 1]) or k + 1 >= end or toks[k + 1].quoted or toks[k + 1].low in _STOP:
        return False
    if not any(t.low == "that" for t in toks[k + 2:k + 12]):
        return False
    return town == 1 or (not town and _is_cap(toks[k + 1]))


_TIME_ADVERBS = _CUE_ADVERBS | frozenset(["only", "earlier"])


def _modified_time(toks: Sequence[_Tok], j: int, end: int) -> bool:
    """Whether ``toks[j]`` opens a time phrase of two words ("last week", "this morning", "late Monday")."""
    return toks[j].low in _TIME_MODIFIERS and j + 1 < end and (
        toks[j + 1].low in _TIME_HEADS or toks[j + 1].low in _DAYS)


def _time_subject(toks: Sequence[_Tok], k: int, end: int) -> bool:
    """Whether the time phrase ending before ``toks[k]`` is the subject of the verb there, no adjunct
    ("said only Tuesday would work", "said only last week was quiet")."""
    return k < end and _verb_form(toks[k])


_LONE_ADVERBS = frozenset("meanwhile afterward afterwards again also too instead".split())


def _verb_adverb(t: _Tok) -> bool:
    """Whether a word after a cue is an adverb of its verb ("repeatedly", "privately", "meanwhile",
    "only"), in lower case and outside a quotation."""
    if t.quoted or not t.text.isalpha() or not t.text.islower():
        return False
    return t.low in _TIME_ADVERBS or t.low in _LONE_ADVERBS or (t.low.endswith("ly") and t.low not in _LY_NOUNS)


# prepositions that open a phrase of time, place or occasion: an adjunct between a cue and what was said ("said in a
# statement that", "announced within hours of the fire that"), or one that opens the sentence (``_FRONTED``: "Through
# a spokesman, Lind said ...")
_ADJUNCT_OPENERS = frozenset("on in at during after before via through within following upon".split())


# a sentence's adverb set off by commas after its verb ("He added, however, that ...")
_ASIDE_ADVERBS = frozenset("""however though nonetheless nevertheless meanwhile instead moreover furthermore
too also again still""".split())


def _skip_adjuncts(toks: Sequence[_Tok], j: int, end: int) -> int:
    """Skip time words and short prepositional adjuncts after a cue ("said on Tuesday", "said in a
    statement"); returns the index where the content may begin."""
    while j < end:
        t = toks[j]
        if t.low in _DAYS:
            j += 1
            continue
        if _modified_time(toks, j, end):
            j += 2
            continue
        if t.low in _TIME_ADVERBS and not t.quoted and j + 1 < end and (
                toks[j + 1].low in _DAYS or _modified_time(toks, j + 1, end)) \
                and not _time_subject(toks, j + (2 if toks[j + 1].low in _DAYS else 3), end):
            j += 1  # an adverb of a time phrase: "reported just today", "said only last week"
            continue
        if t.low in _TIME_HEADS and j > 0 and toks[j - 1].low in _DAYS:
            j += 1
            continue
        if j + 2 < end and toks[j + 1].low == "that" and not toks[j + 1].quoted and _verb_adverb(t) \
                and (_looks_clause(toks, j + 2) or toks[j + 2].low in _DETS or toks[j + 2].text in _QUOTE_CHARS):
            j += 1  # "said repeatedly that", "reported meanwhile that": the adverb is the verb's, not said
            continue
        if t.low in _ADJUNCT_OPENERS and j + 1 < end:
            # a prepositional phrase ends at a comma or at "that" (not at the commas around a town's
            # state: "told a crowd in Salem, New Hampshire, on Monday that ...")
            k, town = j + 1, 0
            while k < end and k - j <= 10 + 3 * town and (toks[k].text not in (",", ":") or _town_comma(toks, k, end, town)) \
                    and toks[k].low != "that" and not toks[k].quoted and toks[k].text not in _QUOTE_CHARS:
                town += toks[k].text == ","
                k += 1
            if k < end and (toks[k].text in (",", ":") or toks[k].low == "that") and k - j <= 10 + 3 * town:
                j = k
                continue
            if k - j <= 4 and (k >= end or toks[k].text in (".",)):
                j = k
                continue
            # short time PP: "on Tuesday"
            if toks[j + 1].low in _DAYS or (toks[j + 1].text[:1].isdigit()):
                j += 2
                continue
            return j
        if t.text in (",", ":", "—", "–"):
            j += 1
            continue
        if j + 1 < end and toks[j - 1].text == "," and toks[j + 1].text == "," and t.low in _ASIDE_ADVERBS \
                and not t.quoted:
            j += 2  # "added, however, that ...", "said, though, the pier ...": the adverb set off is the verb's
            continue
        return j
    return j


def _trim_content(text: str, s: int, e: int) -> tuple[int, int]:
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:!?—–-"):
        e -= 1  # final punctuation outside quotation marks is not content
    while s < e and (text[s].isspace() or text[s] in ":,"):
        s += 1  # ('quoted him as saying: Sharon's appointment ...': the colon opens what was said)
    return s, e


def _quote_starting(regions: Sequence[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    k = bisect.bisect_left(regions, (pos, -1))
    if k < len(regions) and regions[k][0] == pos:
        return regions[k]
    return None


_HEADLINE = re.compile(r"(?P<spk>[A-Z][^:.!?\n]{0,50}?):\s+(?P<content>\S[^\n]*)")
_NOT_SPEAKER_LABEL = frozenset("update updated watch video photos photo read related breaking editor's note "
                               "correction exclusive live analysis opinion listen more see also".split())


def _finite_cue(word: str) -> bool:
    """A verb of saying in a finite form, in lower case ("responded", "tweeted", "continues"): the
    verb of a sentence, no headline's label ("Report:", "Revealed:")."""
    return word.islower() and word in CUE_VERBS and (word.endswith(("ed", "es")) or word in _IRREGULAR_PAST)


def _headline(text: str, start: int, end: int) -> _Found | None:
    """'Graham: Trump's Rhetoric Destroying GOP's Chance.' -- a headline attributing with a colon."""
    m = _HEADLINE.fullmatch(text, start, end)
    if m is None:
        return None
    spk = m.group("spk").strip()
    words = spk.split()
    if not words or len(words) > 6 or spk.lower() in _NOT_SPEAKER_LABEL or any(ch.isdigit() for ch in spk) \
            or any(w in _FINITE_SAY or _finite_cue(w) for w in words) \
            or ("," in spk and any(w.islower() and w not in ("of", "the", "and", "for") for w in spk.split(",")[0].split())):
        return None  # ('Additionally, Lint said: "..."' is a sentence with its own verb)
    s, e = _trim_content(text, m.start("content"), m.end("content"))
    if len(text[s:e].split()) < 3:
        return None
    a = m.start("spk")
    cue = (m.end("spk"), m.end("spk") + 1)
    if len(words) > 1 and words[-1].lower() in ("says", "said", "tells", "told"):
        # "Lint Says: The pier must close": the verb is the cue, not part of the name
        spk = spk[:spk.rfind(words[-1])].rstrip()
        cue = (a + len(spk) + 1, m.end("spk"))
    return _Found(s, e, ((s, e),), (a, a + len(spk)), cue)


def _sentence_quotes(text: str, toks: list[_Tok], next_para_quote: tuple[int, int] | None,
                     title: bool = False) -> list[_Found]:
    """Every attribution of one sentence (its tokens ``toks``)."""
    found: list[_Found] = []
    if title:
        head = _headline(text, toks[0].start, toks[-1].end) if toks else None
        if head is not None:
            return [head]
    n = len(toks)
    used: set[int] = set()
    tok_at = {t.start: k for k, t in enumerate(toks)}
    tok_end = {t.end: k for k, t in enumerate(toks)}
    dash = _dash_attribution(text, toks)
    if dash is not None:
        found.append(dash)
    for i, t in enumerate(toks):
        if t.quoted or i in used:
            continue
        if t.low in _SPEECH_NOUNS and t.text.islower():
            f = _possessor_quote(text, toks, i)
            if f is not None:
                found.append(f)
                used.add(i)
                continue
        if t.low == "according" and i + 1 < n and toks[i + 1].low == "to":
            f = _according(text, toks, i)
            if f:
                found.append(f)
            continue
        if t.low in _QUOTING and not _is_cap(t):
            # "The agency quoted an aide as saying ...", "Holm was quoted by the agency as saying ...":
            # the one quoted speaks, not the medium
            passive = i > 0 and _passive_before(toks, i)
            f = _passive_quoted(text, toks, i, next_para_quote) if passive else _quoted_as_saying(text, toks, i)
            if f is not None:
                found.append(f)
                used.add(i)
                saying = None if passive else _bare_saying(toks, i)
                if saying is not None:
                    used.add(saying)  # ("quoted officials saying that ...": one quote, not a second of "saying")
                continue
        if t.low not in CUE_VERBS and t.low not in _ATTITUDE \
                or _is_cap(t) and i > 0 and not (title and _is_cap(toks[i - 1])):
            continue
        if _is_cap(t) and i + 1 < n and toks[i + 1].low in CUE_VERBS and toks[i + 1].text.islower():
            continue  # "Nadia Said told reporters": a name (in a headline's capitals too), the cue after it
        if _is_cap(t) and i > 1 and _is_cap(toks[i - 1]) and toks[i - 2].low in _PLACE_BEFORE \
                and toks[i - 2].text.islower() and not (i + 1 < n and _is_cap(toks[i + 1])):
            # "Tom Berg of New Hope, Iowa": a place's name after a lower-case preposition (not a headline's
            # cue before its capitalised words: "Mayor of Ames Says Bridge Is Safe")
            continue
        if t.low == "opposed" and i + 1 < n and toks[i + 1].low == "to":
            continue  # "groups opposed to the talks", "as opposed to": the adjective (the verb takes its object)
        if i > 0 and _passive_before(toks, i) and t.low not in _ATTITUDE and (
                t.low.endswith("ed") or t.low in ("said", "told", "thought", "known", "written", "shown", "found")):
            continue  # passive: "is said to have met", "was announced", "isn't threatened" -- no speaker named here
        if _raised_passive(toks, i):
            continue  # "Two men said to be smugglers were held": a passive without its auxiliary
        if i + 1 < n and toks[i + 1].low in ("by", "of", "for") and t.low not in ("said", "say", "says") \
                and not _asked_of(toks, i) and not _told_of(toks, i):
            # passive / nominal uses: "claims of", "reported by" (not "asked of the council that", "warned of")
            continue
        if 0 < i and i + 2 < n and toks[i + 1].low in ("with", "at") and t.low in _OBJECT_ONLY and t.low.endswith("ed") \
                and not _is_cap(toks[i + 2]) and toks[i - 1].low not in _PRONOUNS and toks[i - 1].low not in _AUX \
                and toks[i - 1].text != ",":
            # a verb that takes its object, passive: "countries threatened with ...", "projected at $4.6
            # trillion" (not "he hinted at a reprieve", "discussed with Milosevic a document")
            continue
        if not (t.low.endswith("ed") or t.low.endswith("ing") or t.low in _IRREGULAR_PAST) and (
                (i + 1 < n and (toks[i + 1].low in _AUX_VERBS
                                or toks[i + 1].low in CUE_VERBS and t.low not in _NEVER_NOUNS))
                or (i > 0 and toks[i - 1].low in _DETS and not _quantifier_subject(toks, i - 1))):
            continue  # a noun: "a broken rail was", "the report said", "his calls" (not "Some say")
        if t.low.endswith("ed") and 0 < i < n - 1 and (toks[i - 1].low in _DETS or _possessive(toks[i - 1].text)
                                                     or _number_word(toks[i - 1].low)) \
                and toks[i + 1].text[:1].islower() and toks[i + 1].low not in _AUX_VERBS \
                and toks[i + 1].low not in ("that", "to", "on", "in", "at", "by", "with", "as", "it", "he", "she", "they"):
            continue  # a participle before its noun: "Obama's reported choice", "the alleged victim"
        if t.low.endswith("ing") and t.low in _OBJECT_VERBS and 0 < i and toks[i - 1].text != "," \
                and not (i > 1 and toks[i - 1].text in _QUOTE_CHARS and toks[i - 2].text == ",") \
                and toks[i - 1].low not in _AUX \
                and toks[i - 1].low not in ("and", "but", "while", "by", "after", "before", "without"):
            continue  # "a series of tweets criticizing ...", "insulting remarks": not a speaker's verb
        if _what_said(toks, i):
            continue  # "the significance of what El-Batouty said": the words are not given here
        ca, cb = _cue_span(toks, i)
        if i == 1 and t.low == "quote" and toks[0].low == "to":
            f = _to_quote(text, toks)
            if f is not None:
                found.append(f)
                used.update(range(ca, cb))
            continue
        comma = _opening_adverbial(toks, ca)
        if comma is not None:
            f = _adverbial_quote(text, toks, i, ca, cb, comma)
            if f is not None:
                found.append(f)
                used.update(range(ca, cb))
            continue
        last = None
        # (the last one that is no view held inside another: "Ginsburg said she did not want to think
        # about it and predicted ..." is Ginsburg's prediction)
        before = next((g for g in reversed(found) if not _nested_view(text, g, found)), None)
        if before is not None and before.speaker is not None and before.cue[1] <= toks[ca].start:
            a = tok_at.get(before.speaker[0])
            b = tok_end.get(before.speaker[1])
            if a is not None and b is not None:
                last = (a, b + 1)
        f = _attribution(text, toks, ca, cb, i, next_para_quote, last)
        if f is not None:
            found.append(f)
            used.update(range(ca, cb))
    found = [f for f in found if not _nested_view(text, f, found)]
    found = [_before_next_speaker(text, toks, f, found) for f in found]
    found = [_poll_frame(text, toks, f) for f in found]
    found = _cut_coordinated(text, found)
    return [f for f in found if not _message_before_saying(text, f, found)]


# what a seller quotes ("To quote a price, ..."), not one quoted
_PRICE_NOUNS = frozenset("price prices rate rates fee fees premium premiums bid bids figure figures cost costs".split())


def _to_quote(text: str, toks: Sequence[_Tok]) -> _Found | None:
    """'To quote the mayor, the town is broke.': the one quoted is the phrase after "To quote", what was
    said the clause after its comma (no speaker "To")."""
    r = _right_np(toks, 2)
    if r is None:
        return None
    comma = next((m for m in range(r[1], min(len(toks) - 1, r[1] + 6)) if toks[m].text == ","), None)
    if comma is None or any(t.quoted or t.text in _QUOTE_CHARS for t in toks[2:comma]) \
            or toks[r[1] - 1].low in _PRICE_NOUNS or toks[comma + 1].low in ("who", "whose", "which"):
        return None  # ("To quote a price, dealers ...": the seller's quote; "To quote the mayor, who ...")
    s, e = _trim_content(text, toks[comma + 1].start, toks[-1].end)
    if e - s <= 3:
        return None
    return _Found(s, _end_with_quote(text, (s, e)), ((s, e),), (toks[r[0]].start, toks[comma - 1].end),
                  (toks[0].start, toks[1].end))


def _before_next_speaker(text: str, toks: Sequence[_Tok], f: _Found, found: Sequence[_Found]) -> _Found:
    """``f``, whose words follow its cue inside a clause or phrase that opens the sentence with a
    subordinator or a preposition, ended at the comma before another attribution's speaker inside them
    when that attribution's words follow its own cue: the opening clause ends there ('When a man
    shouted, "Stop," Lind joked about it', 'Although Lind told the paper that she knew him, she said
    they never met': the man's words are "Stop,", Lind's what she told the paper)."""
    k = _after_dateline(toks, 0, len(toks)) if toks else 0
    if len(f.fragments) != 1 or f.cue[1] > f.start or f.speaker is None or k >= len(toks) \
            or not (_is_cap(toks[k]) and (toks[k].low in _FRONTED_CLAUSE or toks[k].low in _FRONTED)) \
            or toks[k].start >= f.speaker[0]:
        return f
    for g in found:
        if g is f or g.speaker is None or not f.start < g.speaker[0] < f.end or g.start < g.cue[1] \
                or text[g.speaker[0]:g.speaker[1]].lower() in _RELATIVES or "," in text[g.speaker[1]:g.cue[0]]:
            continue  # (not a relative clause's "who" nor a name set off: "the mayor, Ana Lind, had said")
        j = g.speaker[0]
        while j > f.start and text[j - 1].isspace():
            j -= 1
        if text[j - 1:j] in _QUOTE_CHARS and text[j - 2:j - 1] == ",":
            return replace(f, end=j, fragments=((f.start, j),))
        if text[j - 1:j] == ",":
            return replace(f, end=j - 1, fragments=((f.start, j - 1),))
    close = _QMARK.search(text, f.start + 1, f.end) if text[f.start] in _QUOTE_CHARS else None
    if close is not None and text[close.start() - 1] == "," and text[close.end():f.end].strip():
        # ('When a man shouted, "Stop," Lind smiled': the quotation's comma closes the opening clause)
        return replace(f, end=close.end(), fragments=((f.start, close.end()),))
    return f


# a share of those polled ("29 percent", "Six in 10 voters", "a majority of Democrats", "most respondents")
_POLL_SHARE = re.compile(rf"(?i)(?:(?:{_SHARE_QUALIFIED})\s+)*(?:[\w.-]+\s*(?:percent|per cent|%)|[\w-]+\s+in\s+(?:10|ten)|"
                         r"(?:a\s+|the\s+)?(?:majority|plurality|minority|third|quarter|half|two-thirds|three-quarters|"
                         r"most)\b)")
_POLLS = frozenset("poll polls survey surveys".split())


def _poll_frame(text: str, toks: Sequence[_Tok], f: _Found) -> _Found:
    """``f``, or, when a sentence opening "In a ... poll," tells what a share of those polled said
    ("In a CNN poll, 29 percent said they would ..."), the poll's attribution: the poll speaks, with
    "In" for cue, the sentence after its comma for content (as PolNeAR marks a poll's result). The
    share's own words are no speaker's: "29 percent" is a number of the poll."""
    if f.speaker is None or not toks or toks[0].low != "in":
        return f
    c = next((k for k in range(1, min(len(toks), 24)) if toks[k].text == "," or toks[k].quoted), None)
    if c is None or toks[c].quoted or c + 1 >= len(toks) or not any(t.low in _POLLS for t in toks[1:c]):
        return f
    share = _POLL_SHARE.match(text, toks[c + 1].start)  # (the share's speaker may leave out "just", "about")
    if share is None or not toks[c + 1].start <= f.speaker[0] < share.end():
        return f
    s, e = _trim_content(text, toks[c + 1].start, toks[-1].end)
    return _Found(s, _end_with_quote(text, (s, e)), ((s, e),), (toks[1].start, toks[c - 1].end), (toks[0].start, toks[0].end))


def _nested_view(text: str, f: _Found, found: Sequence[_Found]) -> bool:
    """Whether a belief verb's quote ``f`` lies inside another quote's content, so is part of that
    content, not a new quote ("Clinton said she thinks ..."): on PolNeAR train such nested ones are
    right 1 time in 4. Not a verb of saying coordinated with the other, its speaker the same ("He did
    not mention them but did note that he had won the most states")."""
    word = _cue_word(text, f)
    if f.possessed and f.speaker is not None:
        # "Rhodes sought to clarify Mr. Obama's comment that ...": the claim is part of what the other
        # quote tells (PolNeAR marks it inside, not as a quote of its own)
        return any(g is not f and g.start <= f.speaker[0] < g.end for g in found)
    return word in _NESTED_AWAY and any(g is not f and g.start <= f.cue[0] < g.end
                                        and (g.speaker != f.speaker or word in _HELD)
                                        and not _coordinated_holder(text, f, g) for g in found)


def _coordinated_holder(text: str, f: _Found, g: _Found) -> bool:
    """Whether the view ``f`` inside ``g``'s content is a clause of its own, its subject right after
    ", but", ", and", ", while" or ";" in that content ("Some fear ..., but most believe ..."); not a
    pronoun's, who goes on with the words told ("said she hopes ..., but she knows that ..."), nor what
    a second poll shows (", while other surveys show ...": PolNeAR leaves it in the first content)."""
    sp = f.speaker
    return sp is not None and g.start < sp[0] < f.cue[0] and text[sp[0]:sp[1]].lower() not in _CLAUSE_PRONOUNS \
        and _cue_word(text, f) not in _EVIDENCE_VERBS \
        and _COORD.search(text, max(g.start, sp[0] - 12), sp[0]) is not None


def _time_possessive(toks: Sequence[_Tok], a: int, b: int) -> bool:
    """Whether toks[a:b] is only a time's possessive ("Wednesday's", "last week's", "2015's"), which
    before a cue's noun form names an event, not a speaker ("Wednesday's attacks")."""
    if b - a >= 2 and toks[b - 1].low in ("'s", "’s"):
        b -= 1  # tokenized text: "Wednesday 's"
    elif not _possessive(toks[b - 1].text):
        return False
    word = re.split(r"['’]", toks[b - 1].low)[0]
    return (word in _DAYS or word in _TIME_HEADS or word in _MONTHS or bool(_YEAR.fullmatch(word))) and all(
        t.low in _PREP_ADJ for t in toks[a:b - 1])


# the words before a passive participle: a copula, negated too ("isn't threatened", "was not
# expected"), or a verb that takes a state ("remain threatened", "are considered threatened")
_PASSIVE_AUX = frozenset("is was are were be been being remain remains remained seem seems seemed become became "
                         "becomes considered deemed listed classified".split()) | frozenset(
    w.replace("'", q) for w in "isn't wasn't aren't weren't".split() for q in "'’")


def _asked_of(toks: Sequence[_Tok], i: int) -> bool:
    """Whether the cue at toks[i] is "asked of" someone, then what was asked: "The mayor asked of the
    council that it delay the vote" (not "the questions asked of the candidates were dull")."""
    if not (toks[i].low.startswith("ask") and i + 1 < len(toks) and toks[i + 1].low == "of"):
        return False
    for t in toks[i + 2:i + 10]:
        if t.low in ("that", "whether", "if", "to"):
            return True
        if t.quoted or not t.text[:1].isalnum() or t.low in _AUX_VERBS:
            return False
    return False


def _passive_before(toks: Sequence[_Tok], i: int) -> bool:
    """Whether the verb at toks[i] follows a passive's auxiliary (``_PASSIVE_AUX``), or one and "not"."""
    return toks[i - 1].low in _PASSIVE_AUX or (i > 1 and toks[i - 1].low in ("not", "never") and toks[i - 2].low in _PASSIVE_AUX)


# verbs of report whose passive raises the subject and drops the auxiliary in a reduced clause ("Some of
# them said to be missing were found", "a man reported to have fled"): no one named here says it
_RAISING = frozenset("said reported alleged rumored rumoured thought believed".split())


def _raised_passive(toks: Sequence[_Tok], i: int) -> bool:
    """Whether the cue at toks[i] is a passive of report before "to be" / "to have" ("said to be
    missing", "reported to have resigned"): a verb of saying takes no infinitive of "be" or "have"
    in the active. Not after a pronoun subject, whose verb is active ("He said to be careful", "he said
    to be heard over the noise"): a pronoun takes no reduced relative."""
    return toks[i].low in _RAISING and i + 2 < len(toks) and toks[i + 1].low == "to" \
        and toks[i + 2].low in ("be", "have") and not toks[i + 2].quoted \
        and not (i > 0 and toks[i - 1].low in _PRONOUNS)


def _number_word(word: str) -> bool:
    """A cardinal in digits or words ("14", "nine", "twenty"): before a participle, its noun's count
    ("nine threatened salmon populations")."""
    return (word.isdigit() and not _YEAR.fullmatch(word)) or word in SMALL or word in TENS  # ("in January of 1995 revealed")


_NESTED_AWAY = _WEAK | _INTENT | _ATTITUDE  # cues that inside another quote are its words
# those of them that tell a view or plan held, or a thing shown, not a thing said: inside a quote of the
# same speaker's they stay its words ("Singh said he was alarmed and wanted to see ...", "... has time
# to step up and show that he is worthy")
_HELD = _INTENT | _ATTITUDE | _KNOW | frozenset("""think thinks thought hope hopes hoped hoping fear fears feared
expect expects expected worry worries worried show shows showed shown find finds found""".split())
_SAY = frozenset(["said", "says", "say", "told", "tells"])  # the plain verbs of saying


def _what_said(toks: Sequence[_Tok], i: int) -> bool:
    """Whether the cue at toks[i] ends a free relative ("what El-Batouty said", "what the officials
    told him"): a "what" a few words before, with only its subject between, and no quotation after
    (what someone called "the dollar drain" gives the words)."""
    if (toks[i].low not in _SAY and toks[i].low not in ("wrote", "writes")) or (
            i + 1 < len(toks) and (toks[i + 1].quoted or toks[i + 1].text in _QUOTE_CHARS)):
        return False
    if i + 1 < len(toks) and toks[i + 1].low in _AUX_VERBS:
        return False  # "what it said was an assassination attempt": a claim about the thing
    for k in range(i - 1, max(-1, i - 5), -1):
        if toks[k].low == "what":
            return k < i - 1
        if toks[k].quoted or not toks[k].text[:1].isalnum() or toks[k].low in CUE_VERBS or toks[k].low in _AUX_VERBS:
            return False
    return False


# the verbs by which a medium relays another's words "as saying" ("quoted an aide as saying",
# "cited a diplomat as saying"): the one quoted speaks, not the medium
_QUOTING = frozenset("quoted quotes cited cites".split())


def _as_saying(toks: Sequence[_Tok], i: int, first: int) -> int | None:
    """The index of the "as" of "as saying" (or "as telling") after the relaying verb at toks[i], its
    first word looked for at ``first``, within a dozen words; None when there is none."""
    return next((k for k in range(first, min(len(toks) - 1, i + 14)) if toks[k].low == "as"
                 and toks[k + 1].low in ("saying", "telling")), None)


def _bare_saying(toks: Sequence[_Tok], i: int) -> int | None:
    """The index of "saying" (or "telling") right after the one a medium quotes, with no "as" ("Israel
    radio quoted officials saying ...", "quoted a senior official, Ali Baz, saying ..."): within a dozen
    words of the verb at toks[i], none of them punctuation but commas or a quotation; None when there
    is none."""
    for k in range(i + 2, min(len(toks), i + 14)):
        if toks[k].low in ("saying", "telling") and not toks[k].quoted:
            return k
        if toks[k].quoted or not (toks[k].text[:1].isalnum() or toks[k].text == ",") or toks[k].low in CUE_VERBS:
            return None
    return None


def _passive_quoted(text: str, toks: list[_Tok], i: int,
                    next_para_quote: tuple[int, int] | None) -> _Found | None:
    """'"...," Holm was quoted as saying by the agency', "Holm was quoted by the daily Hurriyet on
    Saturday as saying that ...", "The ministry was cited by Interfax as saying ...": the subject of
    the passive said the words; the cue runs from its auxiliary to "saying". None without "as
    saying" after the verb, or with a quotation or a clause's comma between."""
    k = _as_saying(toks, i, i + 1)
    if k is None or any(t.quoted or t.text in _QUOTE_CHARS or t.text in ",;:" for t in toks[i + 1:k]):
        return None
    end = k + 2 if _medium_after(toks, k + 2) else len(toks)
    return _attribution(text, toks[:end], _cue_span(toks, i)[0], k + 2, i, next_para_quote)


_MEDIUM_OPENERS = frozenset("by in to on at from during".split())


def _medium_after(toks: Sequence[_Tok], j: int) -> bool:
    """Whether the words from toks[j] to the sentence's end only tell where or when the words came
    out ("as saying by the news agency TT.", "as saying in the newspaper Expressen.", "as telling The
    Sunday Times."): a phrase, after "telling" its addressee, with no clause, comma or quotation."""
    rest = [t for t in toks[j:] if t.text not in ".!?"]
    if not rest or any(t.quoted or t.text in _QUOTE_CHARS or t.text in ",;:" or t.low in ("that", "whether")
                       or t.low in _AUX_VERBS for t in rest):
        return False
    return rest[0].low in _MEDIUM_OPENERS or rest[0].low in _DAYS or toks[j - 1].low == "telling"


def _quoted_as_saying(text: str, toks: Sequence[_Tok], i: int) -> _Found | None:
    """'..., an Associated Press report quoted a law enforcement official as saying.': the speaker
    is the one quoted, and what was said is the clause before the report (or, when none is, the
    words after "as saying": "The paper quoted an aide as saying the talks would resume")."""
    k = _as_saying(toks, i, i + 2)
    verb = k + 1 if k is not None else _bare_saying(toks, i)  # ("quoted officials saying ...")
    if verb is None:
        return None
    one = _quoted_one(toks, i + 1, verb - 1 if k is not None else verb)
    if one is None:
        return None
    speaker = (toks[one[0]].start, toks[one[1] - 1].end)
    cue = (toks[i].start, toks[i].end)
    source = _left_np(toks, i)
    relayer = (toks[source[0]].start, toks[source[1] - 1].end) if source is not None else None
    # "as telling reporters (that) ...": the one told is no part of what was said
    j = _past_addressee(toks, verb + 1, "telling") if toks[verb].low == "telling" else verb + 1
    j = _skip_adjuncts(toks, j, len(toks))  # ("as saying on Monday that ...")
    after = [t for t in toks[j:] if t.text not in ".!?,:"]
    if after and after[0].low == "that" and not after[0].quoted:
        after = after[1:]  # "as saying that ..."
    if len(after) >= 3 and not _looks_adjunct(toks, j) and not (j < len(toks) and toks[j].text == ","
                                                                  and not after[0].quoted
                                                                  and after[0].text not in _QUOTE_CHARS):
        s, e = _trim_content(text, after[0].start, toks[-1].end)
        return _Found(s, _end_with_quote(text, (s, e)), ((s, e),), speaker, cue, relayer=relayer)
    end = source[0] if source is not None else i
    if end >= 3 and toks[end - 1].text == "," and not any(
            t.low in _SAY and not t.quoted for t in toks[:end]):
        s, e = _trim_content(text, toks[0].start, toks[end - 1].end)
        return _Found(s, e, ((s, e),), speaker, cue, relayer=relayer) if e > s else None
    return None


def _quoted_one(toks: Sequence[_Tok], a: int, b: int) -> tuple[int, int] | None:
    """The token range of the one a medium quotes, toks[a:b] ("an aide"); of a description and a name
    set off by commas, the name ("quotes a former executive, Ram Shriram, as saying": Ram Shriram; "quotes
    Steve Ballmer, Microsoft's president, as saying": Steve Ballmer). None with a quotation or other
    punctuation inside."""
    if a >= b or any(t.quoted or t.text in _QUOTE_CHARS or t.text in ";:" for t in toks[a:b]):
        return None
    commas = [x for x in range(a, b) if toks[x].text == ","]
    if not commas:
        return a, b
    if len(commas) != 2 or commas[0] == a or commas[1] != b - 1 or commas[0] + 1 == commas[1]:
        return None
    if all(_is_cap(t) for t in toks[commas[0] + 1:b - 1]) and not all(_is_cap(t) for t in toks[a:commas[0]]):
        return commas[0] + 1, b - 1
    return a, commas[0]


def _cue_word(text: str, f: _Found) -> str:
    words = text[f.cue[0]:f.cue[1]].lower().split()
    return words[-1] if words else ""


# "... but described", "... and then said", "... before adding"
_BEFORE_CUE = re.compile(r"\s+(?:(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+)?|(?:before|while|after)\s+)$")
_COORD = re.compile(r"(?:,\s*(?:and|but|while)|;)\s*$")
_AND_BEFORE = re.compile(r"\s+(?:and|but)\s+$")
_CLOSED_COORD = re.compile(r"([,;]?[\"”])\s+(?:and|but|while)\s+(?=[A-Z])")
_OPENS_SUBORDINATE = re.compile(r"(?:^|[.!?\"”]\s+|\n\s*)(?:Even\s+)?(?:While|Although|Though|As|Because|Since|"
                                r"Whereas|If|When|After|Before|Until|Unless|Once)\s+$")
_CLOSED_THEN = re.compile(r"([,;.!?][\"”])\s+(?:but|while|though|although|yet)\b")
_CLOSED_BUT_PRONOUN = re.compile(r"(,[\"”])\s+but\s+(?:he|she|they|it)\b")
_PAST_FORMS = frozenset(IRREGULAR_PAST) | _IRREGULAR_PAST | frozenset("drove wore chose rode".split())
# the main clause after a sentence's opening subordinate clause: a comma, its subject (a name, a pronoun
# or a determiner's noun phrase, a few words with no comma) and its finite verb ("After Trump announced
# tariffs on steel, his administration granted ...")
_MAIN_CLAUSE = re.compile(r",\s+(?:[A-Z][\w.’'-]*|the|a|an|his|her|its|their|our|my|he|she|they|it|we|I|you)"
                          r"(?:\s+[\w’'-]+){0,5}?\s+(?:is|are|was|were|has|have|had|will|would|can|could|should|"
                          r"may|might|must|did|does|do|[a-z]{3,}ed|" + "|".join(sorted(_PAST_FORMS - CUE_VERBS)) + r")\b"
                          # (or a verb in the present after a pronoun or a determiner's noun: ", the plan stands")
                          r"|,\s+(?:he|she|it|(?:the|a|an|his|her|its|their|our|my)\s+[a-z]+)\s+[a-z]{2,}[^s\W]s\b(?![’'])")


# the past forms of the cue verbs ("said", "praised", "told")
_SAY_PAST = frozenset(w for w in CUE_VERBS if w.endswith("ed")) | frozenset("said told wrote spoke thought sought".split())
# a second predicate of the subject: "and even brushed", ", and then walked", "and said"
_AND_VERB = re.compile(r",?\s+and\s+(?P<adv>(?:then|even|also|later|again|finally|quickly|still|just|promptly|"
                       r"immediately|briefly)\s+)?(?P<verb>[a-z]+)\b")


def _past_verb(word: str, adverb: str | None) -> bool:
    """Whether ``word`` after "and" is a verb in the past: a verb of saying or reference ("and
    said", "and praised"), an irregular past ("and left"), or a regular one after an adverb ("and
    even brushed"; bare, "and trained volunteers" may be a noun phrase)."""
    return word in _SAY_PAST or word in IRREGULAR_PAST or bool(adverb and word.endswith("ed") and len(word) > 4)


def _cut_coordinated(text: str, found: list[_Found]) -> list[_Found]:
    """'X has called on ..., and China's minister urged ...': the first content ends where the
    second attribution's speaker begins after ', and' / ';'."""
    out = []
    for f in found:
        end = f.end
        for g in found:
            if g is f or g.speaker is None:
                continue
            if len(f.fragments) > 1 and f.fragments[0][1] <= f.cue[0] and f.cue[1] <= g.cue[0] \
                    and g.cue[1] <= f.fragments[1][0] <= g.start:
                # '"A," Holt said before adding: "B."': the second half is the second cue's
                end = min(end, f.fragments[0][1])
                continue
            if f.start < g.start < end and g.end <= g.cue[0] and text[g.start] in _QUOTE_CHARS \
                    and text[max(0, g.start - 8):g.start].rstrip().endswith(":"):
                # 'Holt asserted that the town had changed: "It is gone," she said': the quotation after
                # the colon is the second attribution's, the first ends at the colon
                end = min(end, _trim_content(text, f.start, g.start)[1])
                continue
            if f.cue[0] < f.start < g.cue[0] < end and g.speaker[0] < f.start:
                # "X said Y, adding Z": Y ends at the comma before the second cue (not at one inside
                # quotation marks: 'called him "a bright, able man" but described ...' ends before "but")
                # (and without a comma: "pledged one of the biggest relief efforts and said Haiti would
                # ..." ends before the "and" of the second cue)
                comma = text.rfind(",", f.start, g.cue[0])
                if comma <= f.start or (text[comma + 1:comma + 2] not in _QUOTE_CHARS
                                        and _in_quotation(text, comma)) \
                        or text[comma + 1:comma + 2].isdigit():  # ("makes $41,000 a year and questioned")
                    m = _BEFORE_CUE.search(text, max(f.start, g.cue[0] - 60), g.cue[0])  # (near the cue: linear)
                    comma = m.start() if m else -1
                if comma > f.start and not text[comma:g.cue[0]].strip(", ").count(" ") > 2:
                    end = min(end, _end_with_quote(text, _trim_content(text, f.start, comma)))
                continue
            if f.start < g.speaker[0] < end and g.end <= g.speaker[0] and g.start <= f.start and g.cue[0] > f.cue[0]:
                # '... told Kim that he hopes ..., Xinhua reported': the inner content stops before
                # the outer attribution that closes the sentence, at its cue when the cue comes first
                # ("..., said the report", "..., according to a statement")
                stop = min(g.speaker[0], g.cue[0]) if g.cue[0] > f.start else g.speaker[0]
                end = min(end, _end_with_quote(text, _trim_content(text, f.start, stop)))
                continue
            if not (f.start < g.speaker[0] < end) or g.speaker[0] < f.cue[0]:
                continue
            m = _COORD.search(text, max(f.start, g.speaker[0] - 80), g.speaker[0])
            if m is None and text.startswith("to ", f.start) and _cue_word(text, g) in _FINITE_SAY:
                # "Police vowed to catch them and politicians said ...": a plan ends before the
                # next clause's subject
                m = _AND_BEFORE.search(text, max(f.start, g.speaker[0] - 8), g.speaker[0])
            if m:
                end = min(end, _trim_content(text, f.start, m.start())[1])
            elif f.speaker is not None and _OPENS_SUBORDINATE.search(text, max(0, f.speaker[0] - 24), f.speaker[0]) \
                    and text[g.speaker[0] - 2:g.speaker[0]] == ", " and text[g.speaker[1]:g.speaker[1] + 1] != "," \
                    and text[g.cue[1]:g.cue[1] + 1] != "," and g.start > g.cue[1]:
                # "While Comey has said that ..., Lewandowski said ...": the subordinate clause ends
                # at the comma before the main clause's speaker
                end = min(end, _end_with_quote(text, _trim_content(text, f.start, g.speaker[0] - 2)))
        if f.speaker is not None and f.start > f.cue[0] and text[f.start] not in _QUOTE_CHARS \
                and _OPENS_SUBORDINATE.search(text, max(0, f.speaker[0] - 24), f.speaker[0]):
            # "After Trump announced tariffs on steel, his administration granted ...": what the
            # subordinate clause reports ends at the comma before the main clause
            for m in _MAIN_CLAUSE.finditer(text, f.start, end):
                if not _in_quotation(text, m.start()):
                    end = min(end, _trim_content(text, f.start, m.start())[1])
                    break
        if text[f.start] not in _QUOTE_CHARS and f.start > f.cue[0] and _cue_word(text, f) in _OBJECT_ONLY:
            # "praised his staff and even brushed ...": the object of a verb of reference ends where
            # a second verb of the same subject begins
            m = next((m for m in _AND_VERB.finditer(text, f.start, end) if _past_verb(m.group("verb"), m.group("adv"))
                      and not _in_quotation(text, m.start())), None)
            if m is not None:
                end = min(end, _trim_content(text, f.start, m.start())[1])
        # '... to "meet each other halfway," and China's foreign minister urged ...': a quotation
        # closed before ", and" + a new capitalised subject ends the content there
        m = _CLOSED_COORD.search(text, f.start, end)
        if m and m.start() > f.start:
            end = min(end, m.start() + len(m.group(1)))
        if text[f.start] not in _QUOTE_CHARS and f.start > f.cue[0]:
            # 'Reid said both men are "non-entities in the Senate," but he gave the Texan a compliment':
            # after a quotation closed on its comma, "but" and a pronoun open the writer's clause
            m = _CLOSED_BUT_PRONOUN.search(text, f.start, end)
            if m and not _in_quotation(text, m.end(1) + 1):
                end = min(end, m.start() + len(m.group(1)))
        if text[f.start] in _QUOTE_CHARS:
            # 'said: "... was a mistake," but in fact Clinton used one': a quotation closed on a mark
            # before "but", "while", "though" or "yet" is all that was said
            for m in _CLOSED_THEN.finditer(text, f.start + 1, end):
                close = m.start() + len(m.group(1))
                if text[close - 1] == _CLOSE or text.count(_DQ, f.start, close) % 2 == 0:
                    end = min(end, close)
                    break
        if end != f.end and end > f.start:
            frags = tuple((a, min(b, end)) for a, b in f.fragments if a < end)
            f = _Found(f.start, end, frags, f.speaker, f.cue)
        out.append(f)
    return out


_DASHES = frozenset("―—–")


def _dash_attribution(text: str, toks: list[_Tok]) -> _Found | None:
    """'"Quotation." ― Name' (a reader's or interviewee's words signed with a dash)."""
    for k in range(1, len(toks) - 1):
        if toks[k].text in _DASHES and toks[k - 1].text in _QUOTE_CHARS and not toks[k - 1].quoted:
            r = _right_np(toks, k + 1)
            if r is None or not _is_cap(toks[r[0]]):
                return None
            a, b = r
            end = b
            while end < len(toks) and toks[end].text in ".":
                end += 1
            if end != len(toks):
                return None
            q0 = next((j for j in range(k - 1) if toks[j].text in _QUOTE_CHARS and not toks[j].quoted), None)
            if q0 is None:
                return None
            s, e = toks[q0].start, toks[k - 1].end
            return _Found(s, e, ((s, e),), (toks[a].start, toks[b - 1].end), (toks[k].start, toks[k].end))
    return None


_TALK = frozenset("talk talks talked talking speak speaks spoke speaking".split())
# verbs whose "of" opens what was said ("warned of a long recession", "spoke of a new beginning")
_OF_TOPIC = _TALK | frozenset("warn warns warned warning complain complains complained complaining".split())
_IRREGULAR_PLURALS = frozenset("men women children people police staff crew media".split())
# cue verbs whose bare form is also a noun ("the Iraq attack", "a Kremlin call for calm"); "say" and
# "argue" are verbs after any subject ("The Chinese say ...")
_NOUN_VERBS = frozenset("attack call claim charge comment answer report reply appeal demand request offer promise "
                        "question challenge threat plea pledge vow boast joke shout quote concern fear hope worry "
                        "order counter warning remark statement plan aim wish tweet".split())


def _no_topic(toks: Sequence[_Tok], i: int, cb: int) -> bool:
    """Whether a verb of talking ``toks[i]`` (its cue ending before ``cb``) tells no topic: "The two men
    talked in the Red Carpet Room", "Speaking to reporters, ..." (not "talked about", "spoke of", "talked
    on the economy"; "speaking on Fox News" is where)."""
    verb = toks[i].low
    if verb not in _TALK or toks[cb - 1].low in ("about", "of"):
        return False
    topic = ("of", ":") if verb.startswith(("spo", "spe")) else ("of", "on", ":")
    return not (cb < len(toks) and (toks[cb].low in topic or toks[cb].text in _QUOTE_CHARS))


def _noun_form(verb: str) -> bool:
    """Whether a cue's form may be a noun ("calls", "remarks", "claim"; "said" never is one)."""
    return verb in _NOUN_VERBS or verb[:-1] in _NOUN_VERBS


# adjectives that stand between a determiner and a noun ("his recent attacks") and have no ending
# that ``_modifier_like`` reads
_PRE_NOUN_ADJECTIVES = frozenset("""recent latest last first second third earlier previous harsh stern sharp blunt
fresh new own repeated constant relentless frequent written brief angry bitter veiled strong""".split())


_MODALS = frozenset("will would can could should may might must does did do".split())


def _finite_word(t: _Tok) -> bool:
    """A finite verb by its form: an auxiliary, a past in -ed or an irregular past."""
    w = t.low
    return w in _FINITE_AUX or w in _PAST_FORMS or (len(w) > 4 and w.endswith("ed"))


def _verb_form(t: _Tok) -> bool:
    """A verb right after a subject, by its form: an auxiliary or a finite verb (``_finite_word``)."""
    return t.low in _AUX_VERBS or _finite_word(t)


def _subject_clause_end(toks: Sequence[_Tok], k: int, n: int) -> int:
    """Where the that-clause opening at ``toks[k]`` ends when its noun phrase is the sentence's subject
    ("Brill's claim that the levee had been inspected drew scorn": at "drew"): at the first finite verb
    after the clause's own verb group (its first finite verb, a bare verb after a modal, then participles,
    "been", "not" and adverbs in -ly), not after a comma or a joiner; the sentence's end when none is
    found."""
    j = next((m for m in range(k + 1, n) if _finite_word(toks[m])), n) + 1
    if j < n and toks[j - 1].low in _MODALS and toks[j].text.isalpha():
        j += 1  # "will reopen"
    while j < n and (toks[j].low in ("been", "be", "being", "not", "never")
                     or toks[j].low.endswith(("ed", "en", "ing", "ly"))):
        j += 1
    for m in range(j, n):
        if toks[m].text in (",", ";", ":") or toks[m].low in ("and", "or", "but", "who", "which", "that"):
            return n
        if _finite_word(toks[m]):
            return m
    return n


def _adjectives_before(toks: Sequence[_Tok], ca: int) -> int:
    """Where the adjectives before a noun at ``ca`` open ("his recent attacks": at "recent")."""
    k = ca
    while k > 0 and (_modifier_like(toks[k - 1]) or toks[k - 1].low in _PRE_NOUN_ADJECTIVES):
        k -= 1
    return k


def _modified_noun(toks: Sequence[_Tok], ca: int, verb: str) -> bool:
    """Whether the cue at ``ca`` in a noun's form is a noun after a determiner and adjectives ("his
    recent attacks on", "its pointed attacks", "the harsh remarks"): no speaker and verb."""
    if not (verb in _NOUN_VERBS or (verb.endswith("s") and verb[:-1] in _NOUN_VERBS)):
        return False
    k = _adjectives_before(toks, ca)
    return 0 < k < ca and toks[k - 1].low in _NOUN_BEFORE


# nouns of saying and of a view held, which tell what their possessor said or holds when a that-clause
# or a quotation follows them ("his claim that ...", "Obama's remark "...""); alone they are no quote
_SPEECH_NOUNS = frozenset("""claim claims remark remarks comment comments statement statements assertion assertions
suggestion suggestions argument arguments warning warnings insistence promise promises pledge pledges vow vows
assurance assurances complaint complaints charge charges accusation accusations allegation allegations
prediction predictions contention declaration declarations admission admissions announcement announcements
view views belief beliefs fear fears hope hopes concern concerns response answer reply message point position
theory boast boasts threat threats denial denials explanation observation observations conclusion idea notion
impression opinion question retort quip joke insinuation implication proposition reminder
acknowledgment acknowledgement tweet tweets""".split())
_POSSESSIVE_PRONOUNS = frozenset("his her their its my our".split())


def _possessor(toks: Sequence[_Tok], k: int) -> tuple[int, int] | None:
    """The possessor whose phrase ends at ``toks[k - 1]``: a possessive pronoun ("his") or a phrase in
    -'s ("Obama's", "the senator's"), not a time ("Wednesday's")."""
    if k == 0:
        return None
    last = toks[k - 1]
    if last.low in _POSSESSIVE_PRONOUNS:
        return (k - 1, k)
    if not (_possessive(last.text) or last.low in ("'s", "’s")):
        return None
    a = k - 1 if _possessive(last.text) else k - 2
    while a > 0 and (_is_cap(toks[a - 1]) and (_is_cap(toks[a]) or toks[a].text == ".")
                     and toks[a - 1].low not in _STOP and toks[a - 1].text not in OPENING_WORDS
                     or toks[a - 1].text == "." and _abbreviation_dot(toks, a - 1)):
        a -= 1  # "Tom Brill's", "Mr. Trump's"
    if not _is_cap(toks[a]):
        d = next((d for d in range(a - 1, max(-1, a - 4), -1) if toks[d].low in _DETS), None)
        if d is None or any(t.low in _STOP or not t.text.isalpha() for t in toks[d + 1:a]):
            return None
        a = d  # "the senator's", "the Republican senator's"
    return None if a < 0 or _time_possessive(toks, a, k) else (a, k)


# words that open an adverbial phrase before its participle ("After thanking the crowd, he ...")
_OPENING_PREPOSITIONS = frozenset("after before while since upon on by without in when once having".split())


def _opening_adverbial(toks: Sequence[_Tok], ca: int) -> int | None:
    """The comma closing an adverbial phrase that opens the sentence with the cue at ``ca`` ("After
    thanking the crowd, he said ...", "Having announced that ..., Judge Berman ...", "Saying ..., the
    mayor left"), when a subject follows it: the phrase's speaker is that subject; else None."""
    w = toks[ca].low
    if not (w.endswith("ing") or w in _ASKED or ca > 0 and toks[ca - 1].low == "having"):
        return None
    k = _after_dateline(toks, 0, ca) if ca > 0 else 0
    opened = ca == k + 1 and toks[k].low in _OPENING_PREPOSITIONS and (
        w.endswith("ing") or toks[k].low == "having" or w in _ASKED)
    if not (opened or ca == k and w.endswith("ing")):
        return None
    c = next((m for m in range(ca + 1, min(len(toks), ca + 40)) if toks[m].text == "," and not toks[m].quoted), None)
    if c is None or c + 1 >= len(toks) or not (_is_cap(toks[c + 1]) or toks[c + 1].low in _PRONOUNS
                                               or toks[c + 1].low in _DETS):
        return None
    return c


def _adverbial_quote(text: str, toks: Sequence[_Tok], i: int, ca: int, cb: int, comma: int) -> _Found | None:
    """The quote of a cue ``toks[i]`` in an opening adverbial phrase closed at ``comma``: what follows
    the cue up to the comma, said by the subject after it; none for one asked ("When asked about it,
    Hale said") or a name given ("After calling it a hoax, ...")."""
    speaker = _subject_np(toks, len(toks))
    if speaker is None or speaker[0] != comma + 1 or toks[i].low in _ASKED or toks[i].low in _NAMING \
            or toks[i].low == "calling" or cb >= comma or _no_topic(toks, i, cb):
        return None
    s, e = _trim_content(text, toks[cb].start, toks[comma - 1].end)
    e = _end_with_quote(text, (s, e))
    return _Found(s, e, ((s, e),), (toks[speaker[0]].start, toks[speaker[1] - 1].end),
                  (toks[ca].start, toks[cb - 1].end))


def _possessor_quote(text: str, toks: Sequence[_Tok], i: int) -> _Found | None:
    """A noun of saying after its possessor, then a that-clause or a quotation: "his claim that the
    bridge was safe", "Obama's statement that ...", "her remark "...""; "His answer was that ...".
    The possessor is the speaker. Not "his remarks were criticised", nor a relative "that" ("his
    remarks that angered voters")."""
    n = len(toks)
    speaker = _possessor(toks, _adjectives_before(toks, i))
    if speaker is None:
        return None
    k = i + 1
    if k < n and toks[k].low in _COPULAS and toks[k].low not in ("be", "been", "being"):
        k += 1  # "His answer was that ..."
    # (a quotation right after the noun is mostly another's word for the remark: 'Trump's comments
    # "are based on his opinion"', 'calling Trump's charge "pathetic"')
    if not (k + 1 < n and toks[k].low == "that" and not toks[k].quoted and not toks[k + 1].low.endswith("ed") and (
            _looks_clause(toks, k + 1) or _subject_then_aux(toks, k + 1) or toks[k + 1].low in _DETS
            or toks[k + 1].text in _QUOTE_CHARS)):
        return None
    last = n
    if toks[0].low in OPENING_PHRASE_WORDS:  # "Despite Brill's claim that ..., the river rose": to the comma
        last = next((m for m in range(k, n) if toks[m].text == "," and not toks[m].quoted), n)
    elif k == i + 1 and speaker[0] <= _after_dateline(toks, 0, n):
        last = _subject_clause_end(toks, k, n)  # "Brill's claim that the levee held drew scorn": to "drew"
    s, e = _trim_content(text, toks[k].start, toks[last - 1].end)
    e = _end_with_quote(text, (s, e))
    cue = (toks[_adjectives_before(toks, i)].start, toks[k - 1].end)  # ("his earlier statements")
    return _Found(s, e, ((s, e),), (toks[speaker[0]].start, toks[speaker[1] - 1].end), cue, possessed=True)


def _noun_use(toks: Sequence[_Tok], speaker: tuple[int, int], ca: int, verb: str) -> bool:
    """Whether a cue in its bare form after a singular phrase with an article is a noun, not a verb
    ("initiating the Iraq attack as his own impeachment loomed", "the Kremlin call for calm")."""
    sa, sb = speaker
    if ca != sb or verb not in _NOUN_VERBS:
        return False
    last = toks[sb - 1].low
    return toks[sa].low in ("the", "a", "an", "this", "that") and not last.endswith("s") \
        and last not in _IRREGULAR_PLURALS


# verbs that name or describe rather than report, at the start of a sentence a participle ("Called the
# Larry Bird exception, it ..."): no one is said to speak
_NAMING = frozenset("called named dubbed termed described labelled labeled branded".split())
_NAME_GIVING = _NAMING - {"described"}
_NAMES_NOW = frozenset("call calls calling dub dubs dubbing term terms terming".split())
_NAME_ENDS = frozenset("which that who where and or".split())


def _after_noun(toks: Sequence[_Tok], ca: int) -> bool:
    """Whether a participle at ``toks[ca]`` follows a comma or a common noun ("the disease, called",
    "a company called", "the procedure sometimes called"), where a verb would follow its subject."""
    if ca == 0:
        return False
    prev = toks[ca - 1]
    return prev.text == "," or (prev.text.isalpha() and prev.text.islower() and prev.low not in _STOP
                                and prev.low not in _PRONOUNS)


def _naming_participle(toks: Sequence[_Tok], i: int) -> bool:
    """Whether ``toks[i]`` gives a name after a comma or a noun: "the disease, called osteoarthritis,",
    "a firm called Norvik Labs, which ...": no one's words."""
    return toks[i].low in _NAME_GIVING and i + 1 < len(toks) and _after_noun(toks, i) and (
        _name_given(toks, i + 1) or _set_off_passive(toks, i))


def _set_off_passive(toks: Sequence[_Tok], i: int) -> bool:
    """Whether a participle at ``toks[i]`` opens a phrase set off by commas of a few plain words ("the
    disk of dust, called the solar nebula, shaded ...", "Lind, called a traitor by her rivals,
    resigned"): a passive aside of the noun before it, no one's words."""
    if toks[i - 1].text != "," or toks[i + 1].low in ("it", "him", "her", "them", "me", "us", "you", "himself",
                                                         "herself", "itself", "themselves"):
        return False  # ("attacked the plan, called it a disaster, and left": a verb of the subject's)
    m = next((m for m in range(i + 1, min(len(toks), i + 9)) if not toks[m].text[:1].isalnum()), None)
    # (not a list of the subject's verbs: "attacked the plan, called the plan a disaster, and left"; nor
    # a verb of calling out: "Lind, a senator, called over her shoulder, "...")
    return m is not None and m > i + 1 and toks[m].text == "," and not toks[m].quoted \
        and not (m + 1 < len(toks) and (toks[m + 1].low in _JOINERS or toks[m + 1].text in _QUOTE_CHARS))


def _name_given(toks: Sequence[_Tok], j: int) -> bool:
    """Whether what follows a naming participle at ``toks[j]`` is one name and nothing more ("the
    disease, called osteoarthritis, which ...", "the tax, called the Fair Share Levy, will pass", "a
    party called Night Owls at the old mill"): a capitalised run (after "the" or "a"), one lower-case
    word or a quoted title (``_quoted_name``), then punctuation, a relative word, a preposition or the
    end; not "called the plan a disgrace" or "called Trump unfit", whose verb tells a view."""
    n = len(toks)
    k = j + (j < n and toks[j].low in ("the", "a", "an"))
    if k + 1 < n and toks[k].text in _QUOTE_CHARS and toks[k + 1].quoted:
        # (after a noun, not a comma: "Lind, called ''a crank'' by his rivals," is a name of his)
        return j > 1 and toks[j - 2].text != "," and _quoted_name(toks, k)
    if k >= n or toks[k].quoted or not toks[k].text[:1].isalnum():
        return False
    run, first = _is_cap(toks[k]), k
    if run:
        while k < n and (_is_cap(toks[k]) or _abbreviation_dot(toks, k)
                         or toks[k].low in ("of", "and", "for") and k + 1 < n and _is_cap(toks[k + 1])):
            k += 1
        if k < n and toks[k].low in ("'s", "’s"):
            return False  # "called Mr. Obama's remarks a wake-up call": a possessor, the object follows
    elif k == j:
        k += 1  # one lower-case word: "called osteoarthritis"
    else:
        return False
    # (a preposition after a capitalised name: "a party called Night Owls at the mill"; not "called
    # again for", a call for something)
    # (not a day: "the union called Friday for a strike" is a call for it)
    return k >= n or toks[k].low in _NAME_ENDS \
        or run and toks[k].low in _NAME_PREPOSITIONS and not (k - first == 1 and toks[first].low in _DAYS | _MONTHS) \
        or (not toks[k].text[:1].isalnum() and toks[k].text not in _QUOTE_CHARS)


_TITLE_LENGTH = 8  # words a quoted name may have ('a book called "Women Who Work"')


def _quoted_name(toks: Sequence[_Tok], k: int) -> bool:
    """Whether the quotation opening at ``toks[k]`` after a naming participle is a title and nothing
    more: a few words closed by a stop or a comma of their own, or followed by punctuation, a relative
    word, a preposition or the end ('a show called "Brokers," written by ...', 'a book called "Women
    Who Work" and ...'); not 'called "the plan" a disgrace', whose verb tells a view."""
    n = len(toks)
    m = k + 1
    while m < n and toks[m].quoted and m - k <= _TITLE_LENGTH:
        m += 1
    if m >= n or toks[m].quoted or toks[m].text not in _QUOTE_CHARS:
        return False
    after = m + 1
    return toks[m - 1].text in (",", ".") or after >= n or toks[after].low in _NAME_ENDS \
        or toks[after].low in _NAME_PREPOSITIONS or not toks[after].text[:1].isalnum()


# a preposition after a name a naming participle gives ('a band called Night Owls in 2010')
_NAME_PREPOSITIONS = _OBJECT_PREPOSITIONS | {"in"}


def _bare_common_subject(toks: Sequence[_Tok], np: tuple[int, int], verb: str) -> bool:
    """Whether a verb's "subject" is one capitalised common word right after a list's heading in
    capitals, before a verb in -s: "DO Keep jokes tight" (not "Brown says ...": a surname may be a
    common word)."""
    a, b = np
    if b - a != 1 or not verb.endswith("s") or verb.endswith("ss") or a == 0:
        return False
    from .entities import LIST_HEADS

    # right after the heading word ("WASHINGTON (AP) — Long says" is a dateline and a surname)
    return toks[a - 1].text in LIST_HEADS and common_word(toks[a].text)


_DETERMINERS = frozenset("the a an his her their its our my your this these those".split())
_PLACE_PREPOSITIONS = frozenset("of in on at for to from with by about".split())
# where or when the one told was told ("told delegates here that ...", "told reporters today that")
_TOLD_WHERE = frozenset("here there today yesterday tonight again privately publicly earlier later".split())
# who is told after "to" ("explained to reporters that", "reiterated to the committee that")
_AUDIENCE = frozenset("""the his her their him them me us reporters journalists lawmakers supporters voters
investigators members colleagues officials senators crowd audience committee panel court jury""".split())
# words after which a cue's form is a noun ("such calls", "these claims", "his remarks")
_NOUN_BEFORE = frozenset("such these those the a an his her their its our my your".split())
# quantity words, which are subjects of their own ("Dozens more said", "Many said") unless a verb precedes
_QUANTITY = frozenset("many more several few".split())
_JOINERS = frozenset("and but or while".split())
_PLEAS = frozenset("guilty innocent no".split())
# what is written that tells nothing: instruments, not texts ("doctors wrote 4 million prescriptions",
# "wrote a check to the charity", "wrote the code"), unlike "wrote an op-ed" or "wrote that ..."
_WRITE = frozenset("write writes wrote written writing".split())
_INSTRUMENTS = frozenset("""prescription prescriptions check checks cheque cheques ticket tickets code software
policy policies loan loans mortgage mortgages premium premiums option options""".split())
_OBJECT_ENDS = frozenset("for to of in on at with by since that about and or from".split())


def _written_instrument(toks: Sequence[_Tok], j: int) -> bool:
    """Whether the object opening at ``toks[j]`` after a verb of writing is an instrument written, no
    text: its noun phrase (up to a preposition or punctuation, a few words) holds one."""
    for k in range(j, min(len(toks), j + 6)):
        t = toks[k]
        if t.quoted or t.low in _OBJECT_ENDS or not t.text[:1].isalnum():
            return False
        if t.low in _INSTRUMENTS:
            # the phrase's head, not a modifier ("wrote a policy paper arguing ...", "a loan application")
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            return nxt is None or nxt.low in _OBJECT_ENDS or not nxt.text[:1].isalnum()
    return False


def _one_promised(head: _Tok) -> bool:
    """Whether the last word before a promise's "that" ends the one it is made to (a pronoun, a name, a
    person's noun: "promised him that", "promised Mira Pold that", "promised the voters that"), not a
    thing promised whose relative clause the "that" opens ("promised a review that would ...")."""
    low = head.low
    return low in ("me", "you", "him", "her", "us", "them") or _is_cap(head) or low in _IRREGULAR_PLURALS \
        or low in PERSON_NOUNS or low.rstrip("s") in PERSON_NOUNS


def _clause_after_told(toks: Sequence[_Tok], j: int, k: int) -> int | None:
    """Where the clause opens after a verb of telling whose one-told run ``toks[j:k]`` (no "that")
    ended at an auxiliary ``toks[k]``, or None to leave it at ``k``. "told reporters the dam would
    hold": the clause's subject opens at the last determiner (not at "the" after "of": "told the head
    of the agency budgets would shrink" opens at the plural noun after the one told); "told employees
    layoffs would begin", "told reporters Tom Brae would resign": one word told; "warning growth will
    slow", "warned the layoffs must be restricted": no one told."""
    det_first = toks[j].low in _DETERMINERS
    d = next((d for d in range(k - 1, j + 1 if det_first else j, -1) if toks[d].low in _DETERMINERS), None)
    head = j + 1 if det_first else j  # ("told our children honesty is ...")
    if d is not None:
        if toks[d - 1].low in _PLACE_PREPOSITIONS:
            # "told the head of the agency budgets would shrink": a plural noun after the one told's
            # last noun opens the clause; else unclear
            last = toks[k - 1]
            return k - 1 if k - 1 > d + 1 and last.low.endswith("s") and last.text.islower() \
                and toks[k - 2].text.islower() and toks[k - 2].low not in _STOP else None
        return d
    if k - head >= 2 and not _is_cap(toks[head]) and (toks[head].low in _AUDIENCE or toks[head].low.endswith("s")):
        return head + 1
    if k - head >= 2 and _is_cap(toks[head]):
        r = next((r for r in range(head, k) if not _is_cap(toks[r])), k)
        return r if r < k else None  # ("told reporters Tom Brae would" is read above)
    if (k - j == 1 and not (_is_cap(toks[j]) or toks[j].low in _AUDIENCE or toks[j].low in _STOP or det_first)) \
            or (k - j == 2 and det_first and not _is_cap(toks[j + 1])):
        return j
    return None


_CLAUSE_PRONOUNS = frozenset("he she they we i".split())


def _clause_pronoun(toks: Sequence[_Tok], np: tuple[int, int]) -> bool:
    """A subject pronoun alone with a word after it ("said he backed ..."): the subject of the clause
    told, not an inverted speaker ('"...," said he.')."""
    a, b = np
    return b == a + 1 and toks[a].low in _CLAUSE_PRONOUNS and b < len(toks) and toks[b].text[:1].isalpha() \
        and not toks[b].quoted


# words between a subject and its verb that are no part of either: a floating quantifier ("have both
# argued"), an adverb without -ly ("has twice complained", "has nevertheless called")
_FLOATING = frozenset("both all each".split())
_PLAIN_ADVERBS = frozenset("twice thrice nevertheless nonetheless instead quite well indeed thus therefore too "
                           "ever soon long".split())
# heads of a short phrase of time or manner between a subject and its verb ("have in the past said", "have in
# fact reported", "for the first time cited", "in a later interview said")
_ADJUNCT_HEADS = _TIME_WORDS | frozenset("""hours past particular fact time times
interview interviews point general turn addition public private""".split())
_ADJUNCT_PREPOSITIONS = frozenset("in at for on during over".split())
_TIME_OPENERS = frozenset("last this next past a an one earlier".split())
_AGO_WORDS = frozenset("less more than about nearly almost just some few a an".split())
_NOT_INSIDE_ADJUNCT = frozenset("and or but nor that which whom whose to of with by from as if than".split())


def _adjunct_word(t: _Tok) -> bool:
    return not t.quoted and t.text.islower() and (
        t.low in _AUX or t.low in _CUE_ADVERBS or t.low in _FLOATING or t.low in _PLAIN_ADVERBS
        or (t.low.endswith("ly") and t.low.isalpha() and len(t.low) > 4 and t.low not in _LY_NOUNS))


def _adjunct_phrase(toks: Sequence[_Tok], k: int) -> int:
    """Where a phrase of time or manner ending at toks[k-1] starts ("last year", "this past week", "two
    weeks ago", "in the past", "for the first time", "at any time Thursday"), else ``k``."""
    m = k - 1
    if toks[m].low in _DAYS and _is_cap(toks[m]) and m > 0:
        m -= 1  # ("at any time Thursday")
    w = toks[m]
    if w.quoted:
        return k
    if w.low == "ago":
        j = m
        while j > 0 and m - j < 5 and not toks[j - 1].quoted and (
                toks[j - 1].low in _AGO_WORDS or toks[j - 1].low in _ADJUNCT_HEADS or _number_word(toks[j - 1].low)):
            j -= 1
        return j if j < m - 1 else k
    if not (w.text.islower() and w.low in _ADJUNCT_HEADS):
        return k
    for j in range(m - 1, max(-1, m - 5), -1):
        t = toks[j]
        if t.low in _ADJUNCT_PREPOSITIONS and t.text.islower():
            return j
        if not (t.text.isalpha() and t.text.islower()) or t.low in _AUX_VERBS or t.low in _PRONOUNS \
                or t.low in _NOT_INSIDE_ADJUNCT:
            break
    j = m
    while j > 0 and (j == m or toks[j].low == "past") and toks[j - 1].text.islower() \
            and (toks[j - 1].low in _TIME_OPENERS or _number_word(toks[j - 1].low)):
        j -= 1  # "last year", "this past week", "a month"
    if j < m and j > 0 and toks[j - 1].low in ("late", "early") and toks[j - 1].text.islower():
        j -= 1  # "late last week"
    return j if j < m and w.low in _TIME_WORDS else k


def _adjuncts_before(toks: Sequence[_Tok], ca: int) -> int:
    """Where the words between a cue at ``ca`` and its subject start: auxiliaries, adverbs, floating
    quantifiers and short phrases of time or manner ("Beck, who ..., last week said", "Trump and Sanders
    have both argued", "Gore's friends have in the past said"); ``ca`` when there are none."""
    k = ca
    while k > 1:
        if _adjunct_word(toks[k - 1]) and not (toks[k - 1].low in _FLOATING and (
                toks[k - 2].low in _JOINERS or toks[k - 2].text in _QUOTE_CHARS or toks[k - 2].quoted)):
            k -= 1  # (not a quantifier that is the subject: "And both vowed")
            continue
        j = _adjunct_phrase(toks, k)
        if j == k:
            break
        k = j
    return k


def _dash_opening(toks: Sequence[_Tok], k: int) -> int | None:
    """The index of the dash that opens the aside closed by the dash toks[k-1] ("Mr. Bush - in a line
    aimed at Trump - declared"), or None."""
    close = toks[k - 1].text
    if close not in _DASHES and close != "-":
        return None
    double = close == "-" and k > 1 and toks[k - 2].text == "-"  # ("--")
    for m in range(k - 2 - double, max(0, k - 40), -1):
        t = toks[m]
        if t.text in (";", ":") or (t.text == "." and not t.quoted and not _abbreviation_dot(toks, m)):
            return None  # (a quotation inside the aside is part of it: "- who said he would "bomb" them -")
        if t.text == close and t.end < toks[m + 1].start:
            a = m - 1 if double and toks[m - 1].text == "-" and toks[m - 1].end == t.start else m
            if (a < m or not double) and toks[a - 1].end < toks[a].start:
                return a
    return None


def _spaced_dash(toks: Sequence[_Tok], m: int) -> int:
    """The number of tokens of a dash with spaces around it starting at toks[m] (" — ", " - ", " -- "),
    else 0."""
    t = toks[m]
    if t.quoted or not (t.text in _DASHES or t.text == "-") or m == 0 or toks[m - 1].end == t.start:
        return 0
    w = 2 if t.text == "-" and m + 1 < len(toks) and toks[m + 1].text == "-" and toks[m + 1].start == t.end else 1
    return w if m + w < len(toks) and toks[m + w - 1].end < toks[m + w].start else 0


def _aside_close(toks: Sequence[_Tok], ca: int, start: int) -> int | None:
    """The index of the dash closing an aside that opens with a dash before the cue at ``ca`` ("Trump -
    who said he would win - said ...": what the aside's cue tells ends at its closing dash), or None."""
    opening = next((m for m in range(ca - 1, max(-1, ca - 30), -1) if _spaced_dash(toks, m)), None)
    if opening is None:
        return None
    kind = toks[opening].text
    return next((m for m in range(start + 1, len(toks)) if toks[m].text == kind and _spaced_dash(toks, m)
                 and _spaced_dash(toks, m) == _spaced_dash(toks, opening)), None)


def _participle_aside_end(toks: Sequence[_Tok], subject_end: int, ca: int, start: int) -> int | None:
    """The index of the comma closing a participle set off right after its subject ("Lind, recalling the
    rules of an older council, suggested that ...": what "recalling" tells ends before ", suggested"),
    or None: the comma before a finite verb of the subject's clause (not a participle of the content's
    noun, "the plan, approved by the board,"); none past a semicolon or a colon. A quotation inside the
    aside is its words ('Lind, citing "the old rules," suggested ...'): the closing mark after its comma
    closes the aside."""
    if subject_end != ca - 1 or toks[ca - 1].text != ",":
        return None
    for m in range(start + 1, len(toks) - 1):
        t = toks[m]
        if t.text in (";", ":") and not t.quoted:
            return None
        if _closing_comma(toks, m) and _verb_form(toks[m + 1]) and not toks[m + 1].quoted \
                and not (m + 2 < len(toks) and toks[m + 2].low == "by"):
            return m
    return None


def _closing_comma(toks: Sequence[_Tok], m: int) -> bool:
    """Whether ``toks[m]`` is a comma outside a quotation, or the closing mark of a quotation that ends
    on a comma ('"the old rules,"')."""
    t = toks[m]
    if t.quoted:
        return False
    return t.text == "," or t.text in _QUOTE_CHARS and m > 0 and toks[m - 1].quoted and toks[m - 1].text == ","


def _subject_before_aside(toks: Sequence[_Tok], comma: int) -> tuple[int, int] | None:
    """The subject before a participle aside that the comma at ``comma`` closes ("Lind, recalling the
    rules of an older council, suggested that ...": Lind suggested; 'Lind, citing "the old rules,"
    said ...'), or None."""
    if not _closing_comma(toks, comma):
        return None
    for k in range(comma - 2, max(0, comma - 40), -1):
        t = toks[k]
        if t.quoted or t.text in _QUOTE_CHARS:
            continue
        if t.text in (";", ":"):
            return None
        if t.text == "," and toks[k + 1].low in _PARTICIPLES:
            subject = _subject_np(toks, k)
            if subject is not None and _participle_aside_end(toks, subject[1], k + 1, k + 1) == comma:
                return subject
            return None
    return None


def _speaker_before(toks: Sequence[_Tok], k: int) -> tuple[tuple[int, int], int] | None:
    """The subject ending right before toks[k] (a verb and the words before it): a speaker set off by
    commas, one before an aside between dashes, or a noun phrase with its prepositional phrase; with
    the index where the words said before it end."""
    if k < 1:
        return None
    if toks[k - 1].text == ",":
        return _appositive(toks, k - 1)
    dash = _dash_opening(toks, k)
    if dash is not None:
        return _speaker_before(toks, dash)
    np = _left_np(toks, k)
    if np is None:
        return None
    np = _subject_with_phrase(toks, np)
    return np, np[0]


# what a speaker sends or puts out, the object of that verb before a participle of saying ("issued a
# statement saying", "sent a fundraising email Wednesday saying", "fired back a response suggesting"):
# the speaker is the verb's subject
_MESSAGES = frozenset("""statement statements email emails e-mail letter letters tweet tweets response responses
release releases note notes message messages memo memos text texts post posts reply column op-ed editorial article
pitch syllabus notice""".split())
_VERB_PARTICLES = frozenset("out back up off".split())


# verbs of putting out a message ("issued a statement", "posted a note")
_PUT_OUT = frozenset("""issue issues issued issuing release releases released releasing post posts posted posting
send sends sent sending publish publishes published publishing""".split())
_MESSAGE_OBJECT = re.compile(r"(?:a|an|the|his|her|its|their|our|my|this|that)\s+(?:[\w-]+\s+){0,2}?(?:"
                             + "|".join(sorted(_MESSAGES)) + r")\b")


def _message_before_saying(text: str, f: _Found, found: Sequence[_Found]) -> bool:
    """Whether ``f`` only tells that its speaker put out a message ("issued a statement", "posted a
    tweet") whose words a participle of saying right after gives as a quote of the same speaker ("...
    issued a statement on Monday, saying ..."): the message is that quote's medium, no content."""
    if f.speaker is None or f.start < f.cue[1] or _cue_word(text, f) not in _PUT_OUT \
            or not _MESSAGE_OBJECT.match(text, f.start):
        return False
    return any(g is not f and g.speaker == f.speaker and f.start < g.cue[0] <= f.end + 2
               and _cue_word(text, g) in _SAY_PARTICIPLES for g in found)


def _message_sender(toks: Sequence[_Tok], np: tuple[int, int]) -> tuple[int, int] | None:
    """The subject of the verb whose object ``np`` is a message ("Black Lives Matter issued a statement
    saying ..."), or None when ``np`` is no such object."""
    a, b = np
    head = next((m for m in range(a + 1, b) if toks[m].low in _NOUN_PREPOSITIONS), b) - 1
    if toks[head].low not in _MESSAGES or a < 2:
        return None
    v = a - 1 if toks[a - 1].low not in _VERB_PARTICLES else a - 2
    w = toks[v]
    if w.quoted or not (w.text.isalpha() and w.text.islower()) or w.low in _STOP or w.low in _DETS \
            or not (_finite_word(w) or w.low.endswith(("ing", "s"))):
        return None
    found = _speaker_before(toks, _cue_span(toks, v)[0])
    return found[0] if found is not None else None


def _verb_after(toks: Sequence[_Tok], k: int) -> bool:
    """Whether toks[k], after a noun phrase, is a finite verb of the phrase's own: a past ("said his
    survey showed"), a negative ("couldn't") or a verb in -s after a plain noun ("said the plan
    fails"), not a participle that describes the phrase ("said the officer involved in it")."""
    t = toks[k]
    if t.quoted or not t.text.isalpha() and not t.low.endswith(("n't", "n’t")) or not t.text.islower() \
            or toks[k - 1].low in ("who", "that", "which"):
        return False  # (a relative clause: "said an official who asked not to be named")
    if t.low.endswith(("n't", "n’t")):
        return True
    if k + 1 < len(toks) and toks[k + 1].low in ("by", "in", "with", "at", "for", "to", "from", "on"):
        return False
    return _finite_word(t)


# cue words that are nouns far more often than verbs (PolNeAR train: "attacks" read as a cue was
# right 3 times in 100): after a modifier they are nouns ("terrorist attacks", "raised new questions")
_MOSTLY_NOUNS = frozenset("attack attacks question questions remark remarks tweet tweets".split())
_QUESTIONS = frozenset(["questions", "question"])


def _noun_modifier(toks: Sequence[_Tok], ca: int) -> bool:
    """Whether the word before a cue at ``ca`` makes it a noun: a lower-case word that is no pronoun,
    auxiliary, adverb or person ("terrorist attacks", "sexist remarks", "raised questions"; not "she
    attacks", "the senator questions"), a number ("the 9/11 attacks") or a name after "the" ("the
    Paris attacks")."""
    if ca < 1 or toks[ca - 1].quoted:
        return False
    t = toks[ca - 1]
    if t.text[:1].isdigit():
        return True
    if _is_cap(t):
        return ca >= 2 and toks[ca - 2].low == "the" and t.low not in _PRONOUNS
    return t.text.replace("-", "").isalpha() and t.text.islower() and t.low not in _PRONOUNS \
        and t.low not in _AUX and t.low not in _CUE_ADVERBS and t.low not in PERSON_NOUNS \
        and t.low.rstrip("s") not in PERSON_NOUNS and t.low not in _ROLE_NOUNS \
        and not (t.low.endswith("ly") and t.low not in _LY_NOUNS)


def _verb_before_object(toks: Sequence[_Tok], ca: int) -> int | None:
    """The index of the verb whose object a noun cue at ``ca`` is, over up to two modifiers ("has raised
    new questions", "deflected numerous questions", "have two main questions"), or None."""
    for k in range(ca - 1, max(-1, ca - 4), -1):
        t = toks[k]
        if t.quoted or not t.text.replace("-", "").isalpha() or not t.text.islower():
            return None
        if _finite_word(t) or (t.low.endswith("ing") and len(t.low) > 5) or t.low in _AUX_VERBS:
            return k
        if t.low in _STOP:
            return None
    return None


def _told_clause(toks: Sequence[_Tok], told: str, cb: int, post_start: int, post_tokens: Sequence[_Tok]) -> int | None:
    """Where the clause of a verb of telling starts past its addressee (``toks[cb:post_start]``) and a
    place after it ("told reporters in Ames the plan failed", "told Kim that ..."); None when what follows
    is no clause of its own (a phrase about the telling: "told reporters in Ames.")."""
    n = len(toks)
    if told not in _TELL or not cb < post_start < n or toks[post_start - 1].text in (",", ";", ":") \
            or len(post_tokens) < 3:
        return None
    k = post_start
    if toks[k].low in _PLACE_BEFORE and k + 1 < n and _is_cap(toks[k + 1]):
        k += 1  # (a place named after the one told: "in Ames", "at Fort Dix")
        while k < n and _is_cap(toks[k]) and not toks[k].quoted:
            k += 1
        if not (k < n and (toks[k].low in _PRONOUNS or toks[k].low in _DETS)):
            return None
    if k + 2 < n and not toks[k].quoted and (toks[k].low == "that" or _looks_clause(toks, k)):
        return k
    return None


def _past_addressee(toks: Sequence[_Tok], j: int, verb: str) -> int:
    """Where what was said starts after a verb of telling (or asking) whose addressee opens at
    ``toks[j]`` ("told reporters that", "told Kim that", "told The Associated Press"): past the one
    told, or ``j`` when what follows is not read as one."""
    n = len(toks)
    # skip the addressee: "told reporters", "told Kim that", "told The Associated Press"
    k = j
    while k < n and k - j < 6 and not toks[k].quoted and toks[k].text not in _QUOTE_CHARS \
            and (toks[k].text not in (",", ":", ".") or _abbreviation_dot(toks, k)) \
            and toks[k].low not in ("that", "whether", "if") \
            and (toks[k].low not in _STOP or toks[k].low in ("of", "me", "him", "her", "us", "them")
                 or (k > j and toks[k].low in _TOLD_WHERE)):
        if k > j and toks[k].low in _PRONOUNS:
            break
        if k > j and toks[k].low in _TOLD_WHERE and k + 1 < n and toks[k + 1].low in _AUX_VERBS:
            break  # "told reporters there was ...": the clause's own subject
        k += 1
    if j < k < n and toks[k].low in _AUX_VERBS and not toks[k].quoted:
        d = _clause_after_told(toks, j, k)
        if d is not None:
            k = j = d
    opens = ("that", "to") if verb in _ASK else ("that",)  # "asked Dr. Gupta, a neurosurgeon, to serve"
    if k < n and k > j and toks[k].text in _QUOTE_CHARS and (_possessive(toks[k - 1].text) or toks[k - 1].low in ("'s", "’s")):
        # "told CNN's "Situation Room" that ...": a show's title is part of the one told
        m = next((m for m in range(k + 2, min(n, k + 12)) if toks[m].low == "that"
                  and toks[m - 1].text in _QUOTE_CHARS), None)
        if m is not None:
            k = m
    if k < n and toks[k].low in ("and", "or"):
        # "told business and political leaders in Singapore on Tuesday that ...": a longer addressee
        m = next((m for m in range(k + 1, min(n, k + 16)) if toks[m].low in opens), None)
        if m is not None and not any(t.quoted or t.text in (",", ":", ".") for t in toks[k:m]):
            k = m
    if k < n and toks[k].text == ",":
        # "told Kim Jong Un, who is visiting, that ...": skip the addressee's appositive
        m = next((m for m in range(k + 1, min(n, k + 25)) if toks[m].low in opens
                  and toks[m - 1].text == ","), None)
        if m is not None and not any(t.quoted for t in toks[k:m]):
            k = m
    if verb in _ASK and (k >= n or toks[k].low != "to"):
        # "asked the CNN correspondent Dr Sanjay Gupta to join ...": the one asked, then what
        m = next((m for m in range(j, min(n, j + 16)) if toks[m].low == "to"), None)
        if m is not None and m > j and not any(
                t.quoted or t.text in _QUOTE_CHARS or (t.text in (",", ":", ";", ".") and not _abbreviation_dot(toks, x))
                or t.low in _NOT_ASKED or t.low in CUE_VERBS
                for x, t in enumerate(toks[j:m], start=j)):
            k = m - 1 if toks[m - 1].low in ("not", "never") and m - 1 > j else m  # "urged members not to"
    if k > j and (k >= n or toks[k].text in (",", ":", ".") or toks[k].low in ("that", "whether", "if") or
                  toks[k].text in _QUOTE_CHARS or toks[k].low in _PRONOUNS or toks[k].low in _STOP):
        j = k
    return j


# the words that open a participle's phrase after its clause's verb ("said ... before adding"), and the
# participles of saying that may follow them (not "after refusing to leave", "while talking about")
_BEFORE_PARTICIPLE = frozenset("while before after".split())
_THEN = frozenset(["then", "later"])  # adverbs that open a second verb of a clause's subject (", then added")
_SAY_PARTICIPLES = (_PARTICIPLES & _SAY_VERBS) - _WEAK


def _finite_before(toks: Sequence[_Tok], k: int) -> bool:
    """Whether a verb of the clause precedes toks[k] (a participle's phrase that follows its
    clause, not one that opens the sentence: "After saying ..., Holt left"), within 40 words."""
    return any(_finite_word(t) or t.low in CUE_VERBS for t in islice(toks, max(0, k - 40), k) if not t.quoted)


def _lead_in(toks: Sequence[_Tok], close: int) -> int | None:
    """Where the quotation that closes at toks[close] opens when a colon of the writer's text leads
    into it ('Holt declared the need for calm: "Stay home," she said': the writer's clause before the
    colon is no part of what she said), else None."""
    k = close - 1
    while k > 0 and toks[k].quoted:
        k -= 1
    if k > 1 and toks[k].text in _QUOTE_CHARS and toks[k - 1].text == ":" and not toks[k - 1].quoted \
            and toks[k - 2].low not in CUE_VERBS:  # ('Trump said: "...," the Times reported': all the Times')
        return k
    return None


def _quotation_next(toks: Sequence[_Tok], k: int) -> bool:
    """Whether a quotation opens at toks[k], after a comma or a colon or none ('said, "..."')."""
    if k < len(toks) and toks[k].text in (",", ":"):
        k += 1
    return k < len(toks) and toks[k].text in _QUOTE_CHARS


_TITLE_SMALL_WORDS = frozenset("a an and at by for from in of on or the to with".split())


def _title_quotation(toks: Sequence[_Tok], k: int) -> bool:
    """Whether the quotation that opens at ``toks[k]`` is a title of two to eight words in title case
    ('his book, "The Iron Habit."', 'whose film, "Songs of the Valley," opens'), not words resumed."""
    end = next((m for m in range(k + 1, min(len(toks), k + 14)) if toks[m].text in _QUOTE_CHARS), None)
    if end is None:
        return False
    words = [t.text for t in toks[k + 1:end] if t.text not in (",", ".", "!", "?", ":", "'s", "’s", "-")]
    return 2 <= len(words) <= 8 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS for w in words)


def _relative_aside(toks: Sequence[_Tok], comma: int) -> bool:
    """Whether the words before ``comma`` close an aside set off after the sentence's subject that a
    relative clause runs in ("Tom Berg, a consultant who had tried to stop him,"): a comma after the
    opening words, then "who", "which" or "whose" before ``comma``, no other comma, no quotation."""
    k = _after_dateline(toks, 0, comma) if comma > 0 else 0
    first = next((m for m in range(k + 1, comma) if toks[m].text == ","), None)
    if first is None or any(t.quoted or t.text in _QUOTE_CHARS or t.text in (",", ";") for t in toks[first + 1:comma]):
        return False
    return any(t.low in ("who", "which", "whose") for t in toks[first + 1:comma])


def _stray_comma_subject(toks: Sequence[_Tok], comma: int) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence and ends at ``comma`` (after a dateline), when nothing
    else is before it: the subject a stray comma parts from its verb ('Ana Lind, said, "..."')."""
    np = _left_np(toks, comma)
    k = _after_dateline(toks, 0, comma) if comma > 0 else 0
    return np if np is not None and np[0] == k and np[1] == comma else None


# (and two that open no adjunct after a cue: "since" tells what was said, "said since 2001 the fund has grown"; "amid"
# follows a noun read as a cue, "appeared on interview shows amid news reports that question ...")
_FRONTED = _ADJUNCT_OPENERS | {"since", "amid"}


def _fronted_end(toks: Sequence[_Tok], end: int) -> int | None:
    """Where the words before the subject at ``toks[end]`` end when a comma closes them (the comma's
    index), or a comma and a quotation's closing mark ('On NBC's "Today,"': ``end``); None otherwise."""
    if end > 0 and toks[end - 1].text == ",":
        return end - 1
    if end > 1 and toks[end - 1].text in _QUOTE_CHARS and toks[end - 2].text == ",":
        return end
    return None


def _fronted_adverbial(toks: Sequence[_Tok], comma: int, clause: bool = True) -> bool:
    """Whether the words before ``comma`` (after a dateline) are only a phrase of time, place or
    occasion that opens the sentence ("In a speech last June,", "On Thursday,", "Last week,", "At
    the end of the day, however,"): a preposition's or a time's phrase of a few words, no verb, no
    quotation in it; such a phrase tells no one's words, the cue after its subject reports what follows;
    with ``clause`` (a word after the cue, or a quotation closing the phrase), an opening subordinate
    clause too (``_fronted_clause``): with neither, 'When we met he lied, Lind said.' is all said."""
    k = _after_dateline(toks, 0, comma)
    end = comma
    if end - 2 >= k and toks[end - 2].text == "," and toks[end - 1].low in _OPENING_ADVERBS:
        end -= 2  # ("At day's end, however,")
    phrase = toks[k:end]
    if len(phrase) > 2 and phrase[-1].text in _QUOTE_CHARS and phrase[-2].text == ",":
        phrase = [*phrase[:-2], phrase[-1]]  # ('On NBC's "Today,"': the comma closes the phrase)
    if clause and _fronted_clause(phrase):
        return True
    if not 0 < len(phrase) <= 10 or not (phrase[0].low in _FRONTED or phrase[0].low in _DAYS
                                         or phrase[0].low in _TIME_MODIFIERS and _looks_adjunct(toks, k)):
        return False
    phrase = _past_title(phrase)
    return all(not t.quoted and (t.text[:1].isalnum() or t.text in ("’s", "'s", "-"))
               and not (t.text.islower() and (_finite_word(t) or t.low in ("that", "who", "which")))
               and not _opens_subject(t, phrase[i].low) for i, t in enumerate(phrase[1:]))


_FRONTED_CLAUSE = _SUBORDINATORS | frozenset(["once", "whenever"])  # (not "if": "If they met, neither said")
_RELATIVES = frozenset("who whom which that".split())


def _fronted_clause(phrase: Sequence[_Tok]) -> bool:
    """Whether ``phrase``, the words that open the sentence up to the comma before its subject, is a
    subordinate clause ("When a man in the crowd shouted, "Stop,"", "As the mayor walked in", "After
    the court refused to hear it"): it tells when or why the subject spoke, not what was said; a
    capitalised subordinator, then a clause of up to 40 words with no sentence's end in it, and no comma
    but one that a verb of saying's quotation follows (not 'Because of the vote, "we lost," Lind said')."""
    return 1 < len(phrase) <= 40 and phrase[0].low in _FRONTED_CLAUSE and _is_cap(phrase[0]) \
        and not phrase[0].quoted and not any(
            not t.quoted and (t.text in ".!?;" or t.text == "," and not (
                phrase[m + 1].text in _QUOTE_CHARS and m > 0 and phrase[m - 1].low in CUE_VERBS))
            for m, t in enumerate(phrase[:-1]))


def _past_title(phrase: Sequence[_Tok]) -> Sequence[_Tok]:
    """``phrase`` without a title it quotes after a preposition or a possessive ('on NBC's "Today,"',
    'in an interview on "Morning Talk"'): a quotation of up to six capitalised words is a name."""
    out: list[_Tok] = []
    k = 0
    while k < len(phrase):
        t = phrase[k]
        if t.text in _QUOTE_CHARS and not t.quoted and out and (
                out[-1].low in PREPOSITIONS or out[-1].low in _FRONTED or out[-1].text in ("’s", "'s")):
            m = next((m for m in range(k + 1, min(len(phrase), k + 10)) if phrase[m].text in _QUOTE_CHARS
                      and not phrase[m].quoted), None)
            words = [w for w in phrase[k + 1:m] if w.text[:1].isalnum()] if m is not None else []
            if m is not None and 0 < len(words) <= 6 and all(w.text[:1].isupper() or w.text.isdigit() for w in words):
                k = m + 1
                continue
        out.append(t)
        k += 1
    return out


def _opens_subject(t: _Tok, prev: str) -> bool:
    """Whether ``t`` (after the word ``prev``) opens a clause's subject inside a sentence's opening words: a
    subject pronoun ("In the end we all lose"), or a determiner after no preposition ("In winter the roads
    freeze", "On Sundays the trains run late"); a phrase of time or place has neither."""
    return t.low in _PRONOUNS or t.low in ("everyone", "everybody", "nobody") \
        or t.low in _DETERMINERS and prev not in _FRONTED and prev not in PREPOSITIONS


def _semicolon_clause(toks: Sequence[_Tok], j: int) -> int | None:
    """Where the words after a cue at ``toks[j]`` (no quotation opening them) end at a semicolon
    before a clause of the writer's: "say the country has more billionaires; Wealth-X tallies 585",
    "ordered them to leave; the police arrived at noon"; not before "that", "and" or "but" (a list of
    what was said: "said that the pier is safe; that it will open"). None when no such semicolon."""
    if j >= len(toks) or toks[j].text in _QUOTE_CHARS:
        return None
    m = next((m for m in range(j + 1, len(toks)) if toks[m].text == ";" and not toks[m].quoted), None)
    if m is None or m + 1 >= len(toks) or toks[m + 1].low in ("that", "and", "but", "or", "whether", "how", "why"):
        return None
    # (a clause: a subject or an opening adjunct; not a list's next item, "; his clothing line; ...",
    # "; helped marshal protesters")
    nxt = toks[m + 1]
    return m if _looks_clause(toks, m + 1) or nxt.text[:1].isdigit() or nxt.low in _ADJUNCT_OPENERS \
        or nxt.low in ("by", "last", "more") else None


def _name_quotation_end(toks: Sequence[_Tok], j: int) -> int | None:
    """Past the quotation that a naming verb's words open with at ``toks[j]``, when the sentence goes on
    after it: what "calls" quotes is the name ('what Lind calls "a no-surprises policy" will ...',
    'called it "a disgrace," and threatened ...'), the rest is the writer's; None otherwise."""
    if j >= len(toks) or toks[j].text not in _QUOTE_CHARS or toks[j].quoted:
        return None
    m = next((m for m in range(j + 1, len(toks)) if toks[m].text in _QUOTE_CHARS and not toks[m].quoted), None)
    if m is None or m + 1 >= len(toks) or all(t.text in ".!?" for t in toks[m + 1:]):
        return None
    return m + 1


def _attribution(text: str, toks: list[_Tok], ca: int, cb: int, i: int,
                 next_para_quote: tuple[int, int] | None, last: tuple[int, int] | None = None) -> _Found | None:
    n = len(toks)
    verb = toks[i].low
    if verb.startswith("plead") and cb < n and (toks[cb].low in _PLEAS or (
            toks[cb].low == "not" and cb + 1 < n and toks[cb + 1].low in _PLEAS)):
        return None  # "pleaded guilty to a misdemeanor charge": a plea in court, not a statement
    if cb == i + 1 and _naming_participle(toks, i):
        # "the disease, called osteoarthritis, ...", "a firm called Norvik Labs, which ...": a name
        # given, no one's words (not "Hale called Rook, his rival, a liar")
        return None
    if verb in _WRITE and cb < n and _written_instrument(toks, cb):
        return None  # "doctors wrote 4 million prescriptions": an instrument written, nothing told
    if verb in ("thank", "thanks") and cb < n and toks[cb].low == "you":
        return None  # "Marek Tadlow, thank you.": a formula of thanks, no one's report of what was said
    weak = verb in _WEAK or verb in _MANNER
    cue = (toks[ca].start, toks[cb - 1].end)
    prev = toks[ca - 1].text if ca > 0 else ""
    inverted = participle = False
    speaker_tok: tuple[int, int] | None = None
    pre_end_tok = 0
    if verb in _PARTICIPLES and prev == ",":
        # "Trump attacked Clinton, saying ...": the speaker is the sentence's subject (or that of
        # the attribution just before: '"...," he said, adding that ...')
        speaker_tok = last or _subject_np(toks, ca - 1)
        participle = True
    elif prev == ",":
        app = _appositive(toks, ca - 1)
        if app is not None and _inverted_after_object(toks, app[1], cb):
            app = None  # "... approval by the FDA, in the same way ..., said Michael Brandt, a ...": his words
        aside_subject = _subject_before_aside(toks, ca - 1) if app is None else None
        if app is not None:
            speaker_tok, pre_end_tok = app
        elif aside_subject is not None:
            # "Lind, recalling the old rules, suggested that ...": the subject before the participle's aside
            speaker_tok = aside_subject
            participle = True
        elif toks[ca].low in _THEN and ca < i and ca > 1:
            # "Holt said the plan was fine, then added that ...": a second verb of the clause's subject
            speaker_tok = last or _subject_np(toks, ca - 1)
            participle = True
        elif verb in _TELL or verb in _OBJECT_ONLY:
            # "..., Rep. Dick Armey of Texas, told Livingston": who is told follows the verb, the
            # speaker stands before the comma; so does a verb's object ("a judge, in response to a
            # request, ordered the department to ...": no one speaks after the verb)
            speaker_tok = _subject_np(toks, ca - 1)
            if speaker_tok is not None:
                pre_end_tok = speaker_tok[0]
        else:
            speaker_tok = _right_np(toks, cb)  # "..., said Maria Lind"
            if speaker_tok is not None and (speaker_tok[1] < n and (
                    toks[speaker_tok[1]].low in _AUX_VERBS or _clause_pronoun(toks, speaker_tok)
                    or _verb_after(toks, speaker_tok[1])) or toks[cb].low == "of"):
                # "X, a professor, said McConnell's trip was ...", "X, 58, who lives in Ames, said he
                # backed ...", "X, writing for the court, said the law failed ...", "X, the union's
                # head, said of his members": not inverted, the subject is left and the pronoun or the
                # noun phrase opens what was said
                speaker_tok = _subject_np(toks, ca - 1)
                participle = True
            elif speaker_tok is None and cb < n and toks[cb].low in _POSSESSIVE_PRONOUNS:
                # "X, a pollster, said her survey showed ...": the subject is left
                speaker_tok = _subject_np(toks, ca - 1)
                participle = True
            elif speaker_tok is None and _quotation_next(toks, cb):
                # 'Mayor Ana Lind, said, "We will ..."': a stray comma between the sentence's subject and
                # its verb, the quotation after it
                speaker_tok = _stray_comma_subject(toks, ca - 1)
                if speaker_tok is None and _relative_aside(toks, ca - 1):
                    # 'Tom Berg, a consultant who had tried to stop him, said, "..."': the subject
                    # before the aside its relative clause made the appositive reader miss
                    speaker_tok = _subject_np(toks, ca - 1)
                    if speaker_tok is not None and toks[speaker_tok[1]].text != ",":
                        speaker_tok = None  # ("The report, which Lind wrote, said": no subject "The")
                if speaker_tok is not None:
                    pre_end_tok = speaker_tok[0]
            else:
                inverted = speaker_tok is not None
                if speaker_tok is not None:
                    speaker_tok = _extend_appositive(toks, speaker_tok)
    elif ca == 0:
        if verb in _NAMING or verb == "calling" or verb in _TELL:
            # "Calling the North's claim nonsense, Seoul ...", "Called the Bird exception, it ...";
            # "Asked about the vote, Hale said ...", "Ask any farmer": the one asked is no speaker
            return None
        speaker_tok = _right_np(toks, cb)  # "Said Ellis: ..."
        inverted = speaker_tok is not None
        if speaker_tok is not None:
            # 'Said Ana Lind, an economist, "..."': the description set off before the quotation is the speaker's
            described = _extend_appositive(toks, speaker_tok, clause_before=False)
            if described[1] < n - 1 and toks[described[1]].text == "," and _quotation_next(toks, described[1] + 1):
                speaker_tok = described
    elif verb in _SAY_PARTICIPLES and prev.lower() in _BEFORE_PARTICIPLE and ca > 1 and _finite_before(toks, ca - 1):
        # '"...," Holt said before adding: "..."', "Holt said the plan was fine, while warning that
        # ...": a second participle of saying, its subject the clause's
        speaker_tok = last or _subject_np(toks, ca - 1)
        participle = True
    elif prev in ("and", "but") and ca > 1:
        # "Marsh declared a state of emergency and said ...": the subject of the first verb (after a
        # comma too: "Paul said the plan would fail, and called him a liar")
        speaker_tok = last or _subject_np(toks, ca - 1)
        participle = True
    elif prev in _QUOTE_CHARS and verb in _PARTICIPLES and ca > 1 and toks[ca - 2].text == ",":
        # 'hailed the vote as "fantastic," telling reporters ...': the participle's speaker is the
        # sentence's subject, not the one told
        speaker_tok = last or _subject_np(toks, ca - 1)
        participle = True
    elif prev in _QUOTE_CHARS and (aside := _subject_before_aside(toks, ca - 1)) is not None:
        # 'Lind, citing "the old rules," said the port ...': a participle's aside after the subject
        # closes on its quotation; the subject speaks, not the words after the verb
        speaker_tok = aside
        participle = True
    elif prev in _QUOTE_CHARS:
        speaker_tok = _right_np(toks, cb)  # '"...," said the agency'
        if speaker_tok is not None and verb in _TELL and speaker_tok[1] < n \
                and toks[speaker_tok[1]].low in ("for", "to", "that", "about", "if", "whether"):
            # 'Sam Rainsy, who called it "full of loopholes," asked Sihanouk for his help': the one
            # asked follows, the speaker is the sentence's subject
            speaker_tok = _subject_np(toks, ca - 1)
            participle = True
        inverted = speaker_tok is not None and not participle
        if speaker_tok is not None and inverted:
            speaker_tok = _extend_appositive(toks, speaker_tok, clause_before=False)
    else:
        if _noun_form(verb) and (prev.lower() in _NOUN_BEFORE or _modified_noun(toks, ca, verb) or (
                prev.lower() in _QUANTITY and ca >= 2 and toks[ca - 2].text.isalpha()
                and toks[ca - 2].text.islower() and toks[ca - 2].low not in _JOINERS)):
            # "makes such calls", "the claims", "his remarks", "his recent attacks", "raised more
            # questions": a noun
            return None
        if verb in _MOSTLY_NOUNS and _noun_modifier(toks, ca):
            if verb not in _QUESTIONS:
                return None  # "terrorist attacks", "the Paris attacks", "his sexist remarks": a noun
            v = _verb_before_object(toks, ca)
            if v is None:
                return None
            # "Trump has raised questions about ...": the questions are the subject's (as PolNeAR marks them)
            found = _speaker_before(toks, _cue_span(toks, v)[0])
            if found is None:
                return None
            speaker_tok = found[0]
            participle = True
        sk = _adjuncts_before(toks, ca)
        if participle:
            pass
        elif sk < ca and toks[sk - 1].low in ("and", "but") and sk > 1:
            # "The employee first said ..., but in a later interview said ...": the first verb's subject
            speaker_tok = last or _subject_np(toks, sk - 1)
            participle = True
        moved = _speaker_before(toks, sk) if (sk < ca or _dash_opening(toks, ca) is not None) \
            and not participle else None
        if moved is None and sk < ca and toks[sk - 1].text == "," and not participle:
            # a subject set off by a phrase the appositive reader does not take ("Beck, who backed Cruz,
            # R-Texas, and opposed Trump, last week said"): the clause's subject
            speaker_tok = _subject_np(toks, sk - 1)
            participle = speaker_tok is not None
        if moved is not None:
            # "Beck, who ..., last week said", "Trump and Sanders have both argued", "Mr. Bush - in a
            # line aimed at Trump - declared": the subject before the words between it and the verb
            speaker_tok, pre_end_tok = moved
        elif not participle:
            speaker_tok = _left_np(toks, ca)
            if speaker_tok is not None and toks[speaker_tok[1] - 1].low == "of":
                return None  # "a new round of attacks", "a majority of pledged delegates": the cue is a noun
            if speaker_tok is not None and ca == speaker_tok[1] and toks[ca].low in _SPEECH_NOUNS \
                    and _after_possessive(toks, speaker_tok[0], ca):
                return None  # "Lin's fear that ...", "Brill's repeated claim": ``_possessor_quote`` reads it
            if speaker_tok is not None:
                if _noun_use(toks, speaker_tok, ca, verb):
                    return None
                if verb.endswith("ing") and cb < n and toks[cb].low in _AUX_VERBS and ca == speaker_tok[1]:
                    return None  # "no tsunami warning was issued": a noun, the subject of its own verb
                if _bare_common_subject(toks, speaker_tok, verb):
                    return None  # "DO Keep jokes tight": a verb and its noun, no one joking
                speaker_tok = _coordinated(toks, _subject_with_phrase(toks, speaker_tok))
                named = _unclosed_apposition(toks, speaker_tok, ca, cb)
                if named is not None:
                    speaker_tok = (named, speaker_tok[1])  # "Sen. Kara Dune (D-NY), a supporter of the plan told"
                pre_end_tok = speaker_tok[0]
                sender = _message_sender(toks, speaker_tok) if verb in _PARTICIPLES else None
                if sender is not None:
                    speaker_tok = sender  # "Black Lives Matter issued a statement saying ...": its sender's
                    participle = True
    if speaker_tok is None:
        return None
    if not inverted and _modal_question(toks, speaker_tok[0], i):
        return None  # "Will doctors recommend that ...?", "Would you say ...?": asked of, no one's view
    if not inverted and _given_name_will(toks, speaker_tok[0], i):
        speaker_tok = (speaker_tok[0] - 1, speaker_tok[1])  # "Will Smith said": a name, not a modal
    # "Comey's remarks – and Bill Clinton caused a furor": after a possessive the cue is a noun, which
    # reports only a that-clause or a quotation ("Brill's claim that the pier was safe")
    noun_cue = not inverted and not participle and (_possessive(toks[speaker_tok[1] - 1].text) or toks[
        speaker_tok[1] - 1].low in ("'s", "’s")) and _noun_form(verb)  # ("Vask's said": Vask has said; "Obama 's remarks" tokenized)
    if noun_cue and _time_possessive(toks, *speaker_tok):
        return None  # "after Wednesday's attacks in Dorne, amid reports that ...": a time owns no words
    if _no_topic(toks, i, cb):
        return None  # "The two men talked in the Red Carpet Room, reserved for ...": no content told
    if verb in _OBJECT_VERBS:
        weak = False
    sa, sb = speaker_tok
    if inverted:
        pre_end_tok = ca
    has_pre = False
    if pre_end_tok > 0 and not participle:
        prev_tok = toks[pre_end_tok - 1]
        if prev_tok.text == "," or prev_tok.text in _QUOTE_CHARS or prev_tok.text in ("—", "–"):
            has_pre = pre_end_tok >= 3 or (pre_end_tok >= 1 and toks[0].text in _QUOTE_CHARS) or (
                # "Windows, he asserted, would never ...": a one-word subject before a parenthetical cue
                # ("Prices, said Tom Berg, a trader, rose": after an inverted speaker, its verb resumes)
                pre_end_tok == 2 and _is_cap(toks[0]) and (sb if inverted else cb) + 1 < n
                and toks[sb if inverted else cb].text == ","
                and (toks[cb + 1].low in _AUX_VERBS if not inverted
                     else _resumed_clause(toks, sb + 1) and sb + 2 < n and toks[sb + 2].text not in ".!?"))
    if verb in _ASK and cb < n and _ANONYMITY.match(text, toks[cb - 1].end):
        return None  # "an official, who asked not to be named, said ...": no one's words
    # content after the cue
    j = cb if not inverted else speaker_tok[1]
    told = verb if verb in _TELL else toks[cb - 1].low  # ("was quoted as telling reporters ...")
    if not inverted and told in _TELL and not (toks[cb - 1].low == "of" and verb in _OF_TOPIC):  # ("warned of")
        j = _past_addressee(toks, j, told)
    elif not inverted and verb in _PROMISE:
        k = _past_addressee(toks, j, verb)
        if k < n and toks[k].low == "that" and 0 < k - j <= 6 and not any(t.low in ("and", "or") for t in toks[j:k]) \
                and _one_promised(toks[k - 1]):
            j = k  # (not "promised a veto and tried to make the case that ...", "promised a review that would ...")
    post_start = _skip_adjuncts(toks, j, n)
    if post_start < n and _topic_opener(toks, post_start, verb):
        # "said of the inquiry: ...", "said of his members that ...", 'said about the plan, "..."': the
        # topic, then what was said
        m = next((m for m in range(post_start + 1, min(n, post_start + 10))
                  if toks[m].text in (":", ",") or toks[m].low == "that" or toks[m].text in _QUOTE_CHARS), None)
        if m is not None and (toks[m].text != "," or _quotation_next(toks, m + 1)) \
                and not any(t.quoted for t in toks[post_start:m]):
            post_start = m + (toks[m].text in (":", ","))
        elif m is None and verb in ("said", "says", "say") and _topic_to_end(toks, post_start):
            post_start = n  # "She said of the encounter.": what it was about, nothing said after the cue
    if post_start < n and toks[post_start].low == "to" and verb not in _TELL:
        # "whispered to her lawyer that she was innocent", "reiterated to ABC News that ...": the one
        # told, then the clause (not "agreed to a plan that ...")
        m = next((m for m in range(post_start + 1, min(n, post_start + 7)) if toks[m].low == "that"), None)
        if m is not None and not any(t.quoted or not t.text[:1].isalnum() for t in toks[post_start:m]) \
                and (verb in _MANNER or (all(_is_cap(t) or t.low in _AUDIENCE for t in toks[post_start + 1:m])
                                         and m + 1 < n and (toks[m + 1].text == "," or _looks_clause(toks, m + 1)))):
            post_start = m
    if verb in _OBJECT_VERBS or verb.startswith(("express", "voic", "rais", "made", "make")):
        # "expressed concern that ...", "made the case that ...": the clause is the content
        for k in range(post_start, min(n, post_start + 4)):
            if toks[k].low == "that" and k > post_start and toks[k - 1].low in ("and", "or"):
                break  # "confirmed that Obama has offered the job and that Gupta had accepted": another verb's
            if toks[k].low == "that" and toks[k - 1].low in _SPEECH_NOUNS \
                    and _possessor(toks, _adjectives_before(toks, k - 1)) is not None:
                break  # "repeated his claim that ...": the claim is his own quote, the object is all of it
            if toks[k].low == "that" and k > post_start and not (k + 1 < n and toks[k + 1].low in _AUX_VERBS):
                post_start = k
                break  # (not a relative "that": "discussed the recent violence that has marred ...")
            if toks[k].quoted or not toks[k].text[0].isalnum():
                break
    if verb in _INTENT and (not _infinitive(toks, post_start) or inverted or noun_cue
                            or toks[sa].low == "you" and sb - sa == 1
                            or any(t.low in _MODAL_ADVICE for t in toks[ca:i])
                            or ca == i and verb in ("intended", "aimed")):
        # "wants a recount", "planned for months": no plan told; "Trump's plan to ...": a noun;
        # "Clinton may want to ...", "you want to ...": the writer's advice, no one's plan;
        # "rules intended to ...": a participle (a plan is "had intended", "never intended")
        return None
    if (verb in _INTENT or verb in _KNOW) and ca == i and (
            _modifier_like(toks[sb - 1]) or any(t.low in _CAUSATIVE for t in toks[max(0, sa - 1):sb])):
        return None  # "fairly expansive plans to ...": a noun; "make every American feel that": no one's view
    if verb in _ATTITUDE and not (
            any(t.low in _COPULAS for t in toks[ca:i]) and toks[sa].low not in _NO_HOLDER
            and not inverted and not participle and not noun_cue
            and (post_start < n and toks[post_start].low == "that" if verb in _ATTITUDE_THAT
                 else _infinitive(toks, post_start))):
        return None  # "the concerned parents", "it is certain that": no one holds the view here
    if verb in _KNOW and any(t.low in ("about", "of", "how") for t in toks[i + 1:post_start]):
        return None  # "didn't know about that merger talk": a topic known of, no clause held true
    if verb in _INTENT or verb in _ATTITUDE:
        has_pre = False  # the plan follows its verb
    if cb < n and toks[cb].text == "," and _opening_phrase_cue(toks, ca) and not _quotation_next(toks, cb) \
            and not (cb + 1 < n and toks[cb + 1].low == "that"):
        # "After Lind testified, the panel ...", "To loud chants, Lind said ...": the cue closes a phrase
        # or a clause that opens the sentence; what follows its comma is the main clause, not its words
        post_start = n
    if _only_place(toks, post_start):
        # "Lind reported from Tallinn.": where the reporter was, nothing told after the cue (what a
        # quotation before it told stays: '"We will rebuild," Holt said from Ames.')
        post_start = n
    post_tokens = [t for t in toks[post_start:] if t.text not in ".!?"]
    post = None
    if post_start < n and toks[post_start].text == ";" and has_pre and not _looks_adjunct(toks, 0) \
            and not (post_start + 1 < n and toks[post_start + 1].text in _QUOTE_CHARS):
        post_tokens = []  # "She did receive some, he said; his agents found them": what was said is before
    if len(post_tokens) >= 2 or (post_tokens and post_tokens[0].quoted is False and
                                 post_tokens[0].text in _QUOTE_CHARS):
        s0 = toks[post_start].start
        close = _aside_close(toks, ca, post_start)
        if close is None and participle and prev == "," and verb in _PARTICIPLES:
            close = _participle_aside_end(toks, sb, ca, post_start)
            if close is not None and toks[close].text in _QUOTE_CHARS:
                close += 1  # (the quotation that ends the aside is its words, up to its closing mark)
        if close is None and (verb in _NAMING or verb in _NAMES_NOW):
            close = _name_quotation_end(toks, post_start)
        if close is None:
            close = _semicolon_clause(toks, post_start)
        s, e = _trim_content(text, s0, toks[close - 1].end if close is not None else toks[-1].end)
        if e > s:
            post = (s, e)
    pre = None
    if has_pre:
        first = toks[0].start
        s, e = _trim_content(text, first, toks[pre_end_tok - 1].end)
        # keep a closing quotation mark's comma: ',"' belongs to the quote
        if toks[pre_end_tok - 1].text in _QUOTE_CHARS:
            e = toks[pre_end_tok - 1].end
            lead = _lead_in(toks, pre_end_tok - 1)
            if lead is not None:
                s = toks[lead].start  # 'Holt declared the need for calm: "Stay home," she said': the quotation
        if e > s:
            pre = (s, e)
    fronted_end = _fronted_end(toks, pre_end_tok)
    if pre is not None and fronted_end is not None \
            and _fronted_adverbial(toks, fronted_end, clause=post is not None or fronted_end == pre_end_tok
                                    or any(t.text[:1].isalnum() for t in toks[post_start:])) and (
            post is None or toks[post_start - 1].text != "," or _looks_adjunct(toks, post_start)):
        # "In a speech last June, she said: ...", "In the 1990s, Lind said, when she was a clerk, a boss
        # ...": when and where, what was said follows (not "In his town, Lind said, boats are late")
        pre = None
    if pre is not None and post is not None and post_start < n and (
            inverted and (toks[post_start].low in _PARTICIPLES or toks[post_start].low in _SUBORDINATORS)
            or toks[post_start - 1].text == "," and _participle_phrase(toks, post_start)
            and not _opening_phrase(toks, pre_end_tok) and not _predicate_after(toks, post_start)):
        # "It was bad, said a spokeswoman, adding ...", "..., said a trader, because ...", "It was bad,
        # the spokeswoman said, speaking anonymously": what was said is before the cue; a participle
        # after it tells how it was said
        post = None
        inner = _inner_clause_start(toks, pre_end_tok) if not inverted and toks[pre_end_tok - 1].text == "," else None
        if inner is not None:  # ("The warrant charges that the mayor lied, she said, citing ...": from "the mayor")
            pre = (toks[inner].start, pre[1])
    if pre is not None and post is not None:
        pre_is_quote = text[pre[1] - 1] in _QUOTE_CHARS
        post_is_quote = text[post[0]] in _QUOTE_CHARS
        if pre_is_quote and post_is_quote and not _title_quotation(toks, next(
                k for k in range(post_start, n) if toks[k].start >= post[0])):  # "A," he said, "B."
            s, e = pre[0], _end_with_quote(text, post)
            return _Found(s, e, (pre, (post[0], e)), (toks[sa].start, toks[sb - 1].end), cue)
        told_at = _told_clause(toks, told, cb, post_start, post_tokens) if pre_is_quote and not post_is_quote else None
        if told_at is not None:
            # '"We will stay," Lind told reporters in Ames the plan failed.': the clause after the one
            # told is told too, as much as the quotation before the cue
            post = (toks[told_at].start, post[1])
            return _Found(pre[0], _end_with_quote(text, post), (pre, post), (toks[sa].start, toks[sb - 1].end), cue)
        if pre_is_quote and _opening_phrase(toks, pre_end_tok) and len(post_tokens) >= 4 \
                and (toks[post_start].low == "that" or _looks_clause(toks, post_start) or toks[post_start].low in _DETS):
            pre = None  # 'Quoting "well-placed sources," the Guardian said the charge was ...': what was said follows
        elif pre_is_quote or (_looks_adjunct(toks, post_start) and not (
                verb in _OBJECT_VERBS and toks[post_start].low in ("to", "about", "of", "on"))
                and not ((verb in _COMMIT or verb in _ASK) and _infinitive(toks, post_start))):
            post = None
        elif post_is_quote:
            pre = None  # "Asked about the cause, O'Neill said, "Not going into that.""
        elif toks[pre_end_tok - 1].text == "," and post_start > 0 and toks[post_start - 1].text == "," \
                and (not inverted or _resumed_clause(toks, post_start)):
            # parenthetical cue: "And perhaps, he said, it could help ..." -> one envelope (inverted too
            # when the clause's verb follows: "The vote, said Tom Berg, was a test")
            inner = _inner_clause_start(toks, pre_end_tok)
            if inner is not None:  # "Inspectors confirmed that the papers, Ruiz said, were ...": from "the papers"
                pre = (toks[inner].start, pre[1])
            return _Found(pre[0], post[1], (pre, post), (toks[sa].start, toks[sb - 1].end), cue)
        else:
            pre = None
    if noun_cue and (post is None or not (toks[post_start].low == "that" or text[post[0]] in _QUOTE_CHARS)):
        return None
    if weak and verb in _EVIDENCE_VERBS and _evidence_subject(toks, sa, ca):
        weak = False  # "A Fox News poll shows Sanders with 47 percent", "..., fundraising documents show."
        if cb < n and toks[cb].low in _PLACE_AFTER_FOUND and any(t.low in ("show", "shows", "showed") for t in toks[cb:]):
            return None  # "The records found in his home show ...": a participle, what shows comes after
        sa = _evidence_np(toks, sa)
        if sa > 0 and toks[sa - 1].low.endswith("ing") and not _is_cap(toks[sa - 1]) and toks[sa - 1].low not in _ING_NOUNS:
            return None  # "After reading the results of the test Hadley found ...": his finding, not theirs
    if post is not None:
        s, e = post
        e = _end_with_quote(text, post)
        if weak and not (toks[post_start].low == "that" or text[s] in _QUOTE_CHARS):
            if not ((verb in ("believe", "believes", "believed", "think", "thinks", "thought", "hope",
                              "hopes", "hoped", "fear", "fears", "feared", "expect", "expects", "expected")
                     and (_looks_clause(toks, post_start) or _subject_then_aux(toks, post_start)))
                    or (verb in _KNOW and _subject_then_aux(toks, post_start))):
                return None
        if not weak and len(post_tokens) < 2:
            return None
        k = post_start
        while k < n and (toks[k].text == "," or toks[k].low in ("however", "also", "though")
                         or (toks[k].low.endswith("ly") and toks[k].text.islower())):
            k += 1   # "added, however, that", "added bitterly, ..."
        if verb in _ADD and not (k < n and (toks[k].low == "that" or toks[k].text[:1] in _QUOTE_CHARS
                                            or _looks_clause(toks, k) or _subject_then_aux(toks, k))
                                 or toks[post_start - 1].text == ":"):
            return None  # "the diversion adds nineteen kilometres to each trip": an amount added, no words
        return _Found(s, e, ((s, e),), (toks[sa].start, toks[sb - 1].end), cue)
    if pre is not None:
        if weak and text[pre[1] - 1] not in _QUOTE_CHARS:
            return None
        return _Found(pre[0], pre[1], (pre,), (toks[sa].start, toks[sb - 1].end), cue)
    # "X said:" at the end of a paragraph, then a quoted paragraph
    rest = text[toks[cb - 1].end:toks[-1].end + 1] if cb <= n else ""
    if next_para_quote is not None and rest.strip().startswith(":"):
        s, e = next_para_quote
        return _Found(s, e, ((s, e),), (toks[sa].start, toks[sb - 1].end), cue)
    return None


def _predicate_after(toks: Sequence[_Tok], k: int) -> bool:
    """Whether the phrase opening at ``toks[k]`` is set off inside the clause the cue interrupts: the
    clause's verb follows its closing comma ("The storm, forecasters said, moving north, would bring rain")."""
    end = next((m for m in range(k, len(toks)) if toks[m].text in (",", ";", ":", ".", "!", "?")), len(toks))
    return end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].low in _AUX_VERBS


def _participle_phrase(toks: Sequence[_Tok], k: int) -> bool:
    """Whether ``toks[k]`` opens a present participle's phrase ("speaking anonymously", "citing
    court papers"); not a noun ("morning"), "including" (a list goes on), nor a gerund that is a
    clause's subject ("replacing him would be hard", "revoking clearances is ...")."""
    t = toks[k]
    if not (len(t.text) > 4 and t.text.islower() and t.low.endswith("ing") and not t.quoted) \
            or t.low in _ING_NOUNS or t.low == "including":
        return False
    if t.low in _PARTICIPLES:
        return True  # ("adding that ...", "noting ...")
    end = next((m for m in range(k + 1, min(len(toks), k + 5)) if toks[m].text in (",", ";", ":", ".")
                or toks[m].low == "that"), min(len(toks), k + 5))
    return not any(u.low in _AUX_VERBS for u in toks[k + 1:end])


def _only_place(toks: Sequence[_Tok], j: int) -> bool:
    """Whether what follows a cue from ``toks[j]`` is only "from" and a place, to the sentence's end or
    a semicolon ("reported from Oakland, Calif.; Gearan, from Washington")."""
    if j + 1 >= len(toks) or toks[j].low != "from" or not _is_cap(toks[j + 1]):
        return False
    for t in toks[j + 1:]:
        if t.text == ";":
            return True
        if not (_is_cap(t) or t.text in (",", ".", "!")) or t.quoted:
            return False
    return True


# words that open a phrase or a clause before the sentence's subject ("After", "To", "With", "Amid";
# not "As": "As Lind said, the plan failed" tells what she said)
_OPENING_PHRASE = (_FRONTED | _FRONTED_CLAUSE | frozenset("""to for of with from by against amidst among despite
without under over through toward towards""".split())) - {"as"}


def _opening_phrase_cue(toks: Sequence[_Tok], ca: int) -> bool:
    """Whether the cue at ``toks[ca]`` is inside a phrase or a clause that opens the sentence (after a
    dateline) with a capitalised preposition or subordinator, no comma, quotation or stop before it."""
    k = _after_dateline(toks, 0, ca) if ca > 0 else 0
    return k < ca and toks[k].low in _OPENING_PHRASE and _is_cap(toks[k]) and not toks[k].quoted \
        and not any(t.text in ",;:.!?" or t.text in _QUOTE_CHARS or t.quoted for t in toks[k + 1:ca])


def _relative_awaits_verb(toks: Sequence[_Tok], a: int, k: int) -> bool:
    """Whether a relative clause opens in ``toks[a:k]`` with no verb yet ("a tall man who, like Berg,"):
    the verb after ``k`` is that clause's, not a clause resumed after an attribution."""
    j = next((m for m in range(k - 1, a - 1, -1) if toks[m].low in ("who", "which", "whose")), None)
    return j is not None and not any(_verb_form(t) for t in toks[j + 1:k])


def _resumed_clause(toks: Sequence[_Tok], k: int) -> bool:
    """Whether ``toks[k]``, after the comma that closes an inverted attribution set off inside a clause,
    is that clause's finite verb in lower case ("The vote, said Tom Berg, was a test")."""
    return k < len(toks) and not toks[k].quoted and toks[k].text.isalpha() and toks[k].text.islower() \
        and _verb_form(toks[k])


def _topic_opener(toks: Sequence[_Tok], j: int, verb: str) -> bool:
    """Whether ``toks[j]`` opens what a verb of saying was about: "of" ("said of the plan"), or "about"
    before no number ("said about the plan", not "said about 40 people died"); not after a verb whose
    "of" or "about" phrase is what it tells ("warned of floods", "talked about the plan")."""
    if verb in _OF_TOPIC or toks[j].quoted:
        return False
    if toks[j].low == "of":
        return True
    return toks[j].low == "about" and verb in _SAY and j + 1 < len(toks) and not toks[j + 1].text[:1].isdigit() \
        and not _number_word(toks[j + 1].low) and toks[j + 1].low not in _SHARE_QUALIFIERS


def _topic_to_end(toks: Sequence[_Tok], j: int) -> bool:
    """Whether the phrase that ``toks[j]`` opens ("of the encounter", "about the mayor") runs to the
    sentence's end as a short noun phrase: no verb, pronoun subject, quotation or second clause in it."""
    rest = [t for t in toks[j + 1:] if t.text not in ".!?"]
    return 0 < len(rest) <= 8 and all(
        t.text[:1].isalnum() and not t.quoted and t.low not in _AUX_VERBS and t.low not in _CLAUSE_PRONOUNS
        and t.low not in _CLAUSE_OPENERS and t.low not in CUE_VERBS for t in rest)


_QUESTION_MODALS = frozenset("will would can could should shall might".split())


def _modal_question(toks: Sequence[_Tok], sa: int, i: int) -> bool:
    """Whether the subject at ``toks[sa]`` follows a modal that opens a question ("Will doctors
    recommend that everyone get the operation?", "Or would you say it failed?"): the writer asks what
    someone may say or think; no one has said it. A modal takes the verb's bare form: before a past
    or a present in -s ("Will Smith said ...?", "Can Kerr says ...?") the word is a name."""
    return sa > 0 and toks[sa - 1].low in _QUESTION_MODALS and not toks[sa - 1].quoted \
        and any(t.text == "?" and not t.quoted for t in toks[-2:]) and not _tensed(toks, i)


def _given_name_will(toks: Sequence[_Tok], sa: int, i: int) -> bool:
    """Whether a capitalized "Will" right before the capitalized subject at ``toks[sa]`` is a given
    name: its verb at ``toks[i]`` is tensed, which no modal governs ("Will Smith said", "Will Kerr
    warns")."""
    return sa > 0 and toks[sa - 1].text == "Will" and _is_cap(toks[sa]) and _tensed(toks, i)


def _tensed(toks: Sequence[_Tok], i: int) -> bool:
    """Whether the verb at ``toks[i]`` is a past or a third person's present ("said", "warned",
    "says"), which no modal governs; not after "have" or "be" ("Would you have said ...?")."""
    w = toks[i].low
    return (w in _PAST_FORMS or w.endswith("ed") or (w.endswith("s") and not w.endswith("ss"))) \
        and not (i > 0 and toks[i - 1].low in ("have", "be"))


_CAUSATIVE = frozenset("make makes made making let lets help helps helped".split())
# verbs of commitment, whose infinitive is what was promised ("the mayor, Ann Brill, pledged to rebuild
# the town": not the words before the speaker)
_COMMIT = frozenset("""pledge pledges pledged pledging promise promises promised promising vow vows vowed vowing
agree agrees agreed agreeing threaten threatens threatened threatening swear swears swore offer offers offered
offering""".split())


def _modifier_like(t: _Tok) -> bool:
    """A lower-case word that reads as an adjective, a participle or a number, not as a subject's
    head ("expansive plans", "dampened plans", "1959 plans")."""
    return t.text[:1].isdigit() or (t.text.islower() and t.low not in _PRONOUNS and t.low not in _STOP
                                     and t.low.endswith(("ed", "ive", "al", "ful", "ous", "ic", "ing"))
                                     and t.low not in PERSON_NOUNS and t.low not in _ROLE_NOUNS)


_NO_HOLDER = frozenset("it there this that what which".split())  # "It is clear that ..."
_MODAL_ADVICE = frozenset("may might could should would".split())


def _infinitive(toks: Sequence[_Tok], k: int) -> bool:
    """Whether an infinitive opens at ``toks[k]``: "to" (or "not to") and a lower-case word that is no
    determiner or pronoun ("to renegotiate", not "to the deal", "to him")."""
    if k < len(toks) and toks[k].low == "not":
        k += 1
    return k + 1 < len(toks) and toks[k].low == "to" and toks[k + 1].text[:1].islower() \
        and toks[k + 1].text.isalpha() and toks[k + 1].low not in _DETS and toks[k + 1].low not in _PRONOUNS \
        and toks[k + 1].low not in ("him", "her", "them", "us", "me", "what", "which", "whom")


_PLACE_AFTER_FOUND = frozenset("in at on inside near during under among with".split())
_ADD = frozenset("add adds added adding".split())
# nouns in -ing before a finding's subject: a time ("This morning a new poll shows"), not a reader
_ING_NOUNS = frozenset("morning evening spring building meeting hearing briefing ruling wedding funding".split())
# What a poll or a record "shows" or "found" is its finding, told with or without "that"
_EVIDENCE_VERBS = frozenset("show shows showed shown find finds found".split())
_EVIDENCE_NOUNS = frozenset("""poll polls survey surveys analysis analyses review study studies report reports record
records document documents filing filings data result results figures numbers statistics tally count audit
investigation probe census estimates email emails memo letter transcript research""".split())
# (not a photo or a video: what a caption "shows" is a scene, not a finding)


def _inner_clause_start(toks: Sequence[_Tok], end: int) -> int | None:
    """Where the words before a parenthetical cue start when they are what another cue reports
    ("Inspectors confirmed that the papers, Ruiz said, were authentic": after "that"), else None."""
    for k in range(end - 2, 1, -1):
        verb = k - 2 if toks[k - 1].low.endswith("ly") else k - 1  # ("reportedly confirmed that")
        if toks[k].low == "that" and not toks[k].quoted and verb > 0 and toks[verb].low in _SAY_VERBS \
                and toks[verb].text.islower() and toks[verb - 1].low not in _COPULAS:  # ("being informed that")
            return k + 1
    return None


def _evidence_subject(toks: Sequence[_Tok], sa: int, ca: int) -> bool:
    """Whether the subject of a cue is a poll, a study or a record, whose finding is what it "shows":
    its head right before the cue, or before the complement that names whose it is ("A review by The
    Times shows", "Early results of exit polls conducted by Edison Research show"); not one that none
    made ("no investigation found"), nor a word of an aside ("House Republicans, battered in public
    opinion polls, had found")."""
    j = ca - 1
    while j > sa and toks[j].low in _AUX:
        j -= 1
    if j < 0 or "no" in (toks[sa].low, toks[sa - 1].low if sa > 0 else "") \
            or (toks[sa].low.endswith("ing") and not _is_cap(toks[sa]) and toks[sa].low not in _ING_NOUNS):
        return False
    if toks[j].low in _EVIDENCE_NOUNS and not toks[j].quoted:
        return True
    # within the subject ("Early results of exit polls conducted by ..."), or right before it when it
    # was read from the complement on ("A review by The Times": "The Times")
    for k in range(j, max(0, sa - 2), -1):
        if not toks[k].text[:1].isalnum() or toks[k].quoted:
            break
        if toks[k].low in ("by", "of", "from") and toks[k - 1].low in _EVIDENCE_NOUNS:
            return True
    return False


def _evidence_np(toks: Sequence[_Tok], sa: int) -> int:
    """Where a finding's subject starts when what was read as its speaker is the topic of an "of"
    ("A review of the police department found ...": the review, not the department), else ``sa``."""
    if sa >= 2 and toks[sa - 1].low == "of" and toks[sa - 2].low in _EVIDENCE_NOUNS:
        k = sa - 2
        while k > 0 and sa - 2 - k < 3 and toks[k - 1].text[:1].isalnum() and (
                toks[k - 1].low in _DETS or not (_is_cap(toks[k - 1]) or toks[k - 1].low in _STOP
                                                 or toks[k - 1].low.endswith("ing"))):
            k -= 1
            if toks[k].low in _DETS:
                break
        return k
    return sa


def _end_with_quote(text: str, span: tuple[int, int]) -> int:
    """Content ending in '."' keeps the closing mark (it was trimmed with the full stop)."""
    s, e = span
    j = e
    while j < len(text) and text[j] in ".,!?;:":
        j += 1
    if j < len(text) and text[j] in _QUOTE_CHARS and text.count('"', s, e) % 2 == 1 or \
            (j < len(text) and text[j] == _CLOSE and text.count(_OPEN, s, e) > text.count(_CLOSE, s, e)):
        return j + 1
    return e


def _opening_phrase(toks: Sequence[_Tok], end: int) -> bool:
    """Whether toks[:end] is a participle's phrase that opens the sentence and quotes a few words
    ('Quoting "well-placed sources,"', 'Citing "obligations in Tennessee,"', 'Speaking on NBC's
    "Today,"', 'Walking in to chants of "Ana! Ana!,"': a stop inside the quotation ends no sentence):
    no one's content, the cue's comes after it."""
    if not (0 < end <= 16 and toks[0].text[:1].isupper()
            and not any(t.text in ".!?" and not t.quoted for t in toks[:end])):
        return False
    first = toks[0].low
    # (or a time or place: 'Sunday on Fox News's "Sunday Morning Futures,"', 'On NBC's "Today,"')
    return (first.endswith("ing") and first not in ("according", "during", "nothing")) or first in _DAYS \
        or first in ("on", "in", "during", "at")


_TIME_MODIFIERS = frozenset("this last next late early".split())


def _looks_adjunct(toks: Sequence[_Tok], j: int) -> bool:
    """Whether ``toks[j]`` opens a phrase of time or place ("in Ames", "last week", "on Monday"); a
    modifier of time only before a time ("this week", "late last month"), not "this was the chance"."""
    if j >= len(toks):
        return False
    if toks[j].low in _TIME_MODIFIERS:
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        return nxt in _TIME_WORDS or nxt in _DAYS or nxt in _MONTHS or nxt in _TIME_MODIFIERS or nxt == "past"
    return toks[j].low in _PREP_ADJ or toks[j].low in _DAYS or toks[j].low in (
        "in", "at", "on", "during", "after", "before", "while", "when", "as", "of", "to", "from", "with", "about", "for")


_FINITE_AUX = frozenset("is are was were has have had will would can could should may might must does did "
                         "do".split())


def _subject_then_aux(toks: Sequence[_Tok], j: int) -> bool:
    """A that-less clause: a short subject of words (no preposition, punctuation or verb of the cue's
    own) and then a finite auxiliary ("hoped electric utilities would ...", "knew the polls were ...")."""
    for k in range(j, min(len(toks), j + 6)):
        t = toks[k]
        if t.low in _FINITE_AUX:
            return k > j
        if t.quoted or not t.text[:1].isalnum() or t.low in PREPOSITIONS or t.low in (
                "that", "to", "and", "or", "but", "if", "whether", "how", "what", "why", "when", "as", "not"):
            return False
    return False


def _looks_clause(toks: Sequence[_Tok], j: int) -> bool:
    """A subject-like word follows: a pronoun, a determiner or a capitalised name."""
    return j < len(toks) and (toks[j].low in _PRONOUNS or toks[j].low in ("the", "this", "there", "it")
                              or _is_cap(toks[j]))


_ACCORDING_OPENERS = frozenset("but and yet so also however now still even".split())


def _source_apposition(toks: Sequence[_Tok], sb: int) -> int | None:
    """Where a description set off after a source ends (its closing comma, or the sentence's end
    mark): "according to Juan Lind, a lawyer in the case." / "according to Lind, the board's head, ..."
    tell who the source is, not what was said; None when ``toks[sb]`` opens no such phrase (a
    determiner's or an owner's noun phrase, no verb or pronoun in it)."""
    n = len(toks)
    if sb + 2 >= n or toks[sb].text != "," or not (toks[sb + 1].low in ("a", "an", "the")
                                                    or _possessive(toks[sb + 1].text)):
        return None
    end = next((m for m in range(sb + 1, n) if toks[m].text in (",", ";", ":") or toks[m].text in _QUOTE_CHARS), n)
    if end < n and toks[end].text != ",":
        return None
    while end == n and end > sb + 2 and toks[end - 1].text in (".", "!", "?"):
        end -= 1
    phrase = toks[sb + 1:end]
    # a name's description ("public filings, a huge sum for ..." describes the amount): no verb,
    # pronoun or clause in it, nor an amount ("Sales rose, according to Hale, the most in a decade"),
    # nor a name after "the" ("according to Fox News, the State Department reported ...": a clause)
    if len(phrase) < 2 or len(phrase) > 25 or not _is_cap(toks[sb - 1]) or (
            phrase[0].low == "the" and not phrase[1].text.islower()) or any(
            t.low in _AUX_VERBS or t.low in CUE_VERBS or t.low in _PRONOUNS or t.low in _CLAUSE_OPENERS
            or t.quoted or t.low in _TIME_WORDS or t.low in ("most", "least", "than") for t in phrase):
        return None
    return end


_NORMS = frozenset("""rule rules plan plans guideline guidelines law laws schedule schedules formula formulas formulae
tradition traditions custom customs instruction instructions procedure procedures script scripts protocol protocols
regulation regulations policy policies standard standards principle principles criteria criterion terms timetable
timetables specifications orders directions""".split())


def _norm_followed(toks: Sequence[_Tok], sa: int, sb: int) -> bool:
    """Whether the noun phrase ``toks[sa:sb]`` after "according to" names a rule, plan or custom ("diagnosed
    according to a set of guidelines written by the Velm Academy", "ran according to schedule"): a head noun
    (before "of" or a modifier after it) that means "following" the norm, no one's words told."""
    for k in range(sa, sb):
        t = toks[k]
        if not t.text[:1].isalnum() or (t.low in _OBJECT_PREPOSITIONS and t.low != "of"):
            break
        if t.low in _NORMS and t.text.islower() and (k + 1 == sb or not toks[k + 1].text[:1].isalpha()
                                                     or not toks[k + 1].text.islower() or toks[k + 1].low
                                                     in ("of", "that", "which") or toks[k + 1].low.endswith(("ed", "en"))):
            return True
    return False


def _according(text: str, toks: list[_Tok], i: int) -> _Found | None:
    """'..., according to X.' / 'According to X, ...'."""
    n = len(toks)
    r = _right_np(toks, i + 2)
    if r is None or i > 0 and toks[i - 1].text[:1].isalnum() and _norm_followed(toks, *r):
        return None  # (a manner adjunct right after its verb; "According to state law, ..." tells what the law says)
    sa, sb = r
    # a name with "and" in it runs on to the comma: "According to the US National Oceanic and
    # Atmospheric Administration, no tsunami warning was issued"
    if sb < n and toks[sb].low in ("and", "&") and sb > sa and _is_cap(toks[sb - 1]):
        c = next((m for m in range(sb + 1, min(n, sb + 7)) if toks[m].text == ","), None)
        if c is not None and c > sb + 1 and all(_is_cap(t) or t.low in ("of", "and", "&", "the", "for")
                                                 for t in toks[sb + 1:c]) and _is_cap(toks[c - 1]):
            sb = c
    if sb < n and (_possessive(toks[sb - 1].text) or toks[sb - 1].low in ("'s", "’s")):
        # a possessive owns the noun after it: "According to the agency's report on the flood, ..."
        head = _right_np(toks, sb)
        if head is not None and head[0] == sb:
            sb = head[1]
    if sb < n and toks[sb].low in CUE_VERBS and toks[sb].text.islower() and (
            sb + 1 >= n or toks[sb + 1].text in ",." or toks[sb + 1].low in ("by", "from", "of")):
        # a noun that is also a verb of saying ends the source: "According to the police report, ...",
        # "according to exclusive reports from the capital" (not the adjective "exclusive" alone)
        sb += 1
    # the source's maker or origin is part of it: "a count by The Associated Press", "the most recent
    # data available from the FBI"
    while sb + 1 < n and toks[sb].low in ("by", "from") and (_is_cap(toks[sb + 1]) or toks[sb + 1].low in _DETS):
        more = _right_np(toks, sb + 1)
        if more is None or more[1] <= sb + 1:
            break
        sb = more[1]
    # extend over "of"-phrases and possessives already included; stop at comma
    cue = (toks[i].start, toks[i + 1].end)
    spk = (toks[sa].start, toks[sb - 1].end)
    described = _source_apposition(toks, sb)
    if described is not None:  # (the source's description is the source's: "according to Lind, a lawyer")
        spk = (toks[sa].start, toks[described - 1].end)
        sb = described
    opener = all(t.low in _ACCORDING_OPENERS or t.text in _QUOTE_CHARS for t in toks[:i])
    if i > 0 and toks[i - 1].text != "," and not opener:
        # "Clinton leads by 271 delegates according to a count by The Associated Press": what was
        # counted comes before, with or without a comma
        s, e = _trim_content(text, toks[0].start, toks[i - 1].end)
        words = [t for t in toks[:i] if t.text[:1].isalnum()]
        if len(words) < 4 or toks[i - 1].low in _AUX_VERBS:
            return None  # ("Now, this is according to the committee": no content told)
        return _Found(s, e, ((s, e),), spk, cue) if e - s > 3 else None
    if i > 0 and toks[i - 1].text == ",":
        if sb + 1 < n - 1 and toks[sb].text == "," and i - 1 >= 1:
            # "Fundraising, according to the campaign, surged ...": one envelope around the cue
            s, e = _trim_content(text, toks[0].start, toks[-1].end)
            return _Found(s, _end_with_quote(text, (s, e)), ((s, toks[i - 1].start), (toks[sb + 1].start, e)),
                          spk, cue)
        s, e = _trim_content(text, toks[0].start, toks[i - 1].start)
        if e - s > 3:
            return _Found(s, _end_with_quote(text, (s, e)), ((s, e),), spk, cue)
        return None
    k = _source_comma(toks, sb)
    if k < n and toks[k].text == ",":
        spk = (toks[sa].start, toks[k - 1].end)
        k += 1
    if k < n - 1:
        s, e = _trim_content(text, toks[k].start, toks[-1].end)
        e = _end_with_quote(text, (s, e))
        if e - s > 3:
            return _Found(s, e, ((s, e),), spk, cue)
    return None


def _source_comma(toks: Sequence[_Tok], sb: int) -> int:
    """Where the source that opens the sentence ("According to a report by the commission on farm
    subsidies in the west, ...") ends: at the comma after ``sb`` when only a prepositional phrase's words
    come before it (no verb, quotation or clause), else ``sb``."""
    if sb >= len(toks) or toks[sb].low not in _NOUN_PREPOSITIONS or toks[sb].quoted:
        return sb
    for k in range(sb + 1, min(len(toks), sb + 12)):
        t = toks[k]
        if t.text == ",":
            return k
        if t.quoted or not t.text[:1].isalnum() or _verb_form(t) or t.low in _CLAUSE_OPENERS and t.low not in _JOINERS \
                or t.low in _CLAUSE_PRONOUNS:
            return sb
    return sb


def _continue_quote(text: str, f: _Found, sents: Sequence[tuple[int, int]], si: int,
                    para_starts: dict[int, int], regions: Sequence[tuple[int, int]]) -> _Found:
    """'"A," he said. "B. C."' -- quoted sentences that follow in the same paragraph continue
    the quote (PolNeAR keeps them as fragments of one attribution)."""
    frags = list(f.fragments)
    end = f.end
    k = si + 1
    while k < len(sents) and sents[k][0] not in para_starts:
        r = _quote_starting(regions, sents[k][0])
        if r is None or text[sents[k][0]:sents[k][1]][r[1] - r[0]:].strip(" .,;:!?") != "":
            break
        frags.append(r)
        end = r[1]
        k += 1
    if end == f.end:
        return f
    return _Found(f.start, end, tuple(frags), f.speaker, f.cue, relayer=f.relayer)


# --- kind and speaker resolution -----------------------------------------------------------------

def _kind(text: str, fragments: Iterable[tuple[int, int]]) -> str:
    frags = list(fragments)
    has_q = any(_QMARK.search(text, s, e) for s, e in frags)
    if not has_q:
        return "indirect"
    whole = all(text[s] in _QUOTE_CHARS and text[e - 1] in _QUOTE_CHARS for s, e in frags)
    if whole:
        return "direct"
    # a quotation whose closing mark sits right after the span (',"' trimmed) is direct too
    return "mixed"


_NAME = re.compile(r"\b(?:[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|[A-Z]\.))+)")
_TITLE_WORDS = frozenset("president minister spokesman spokeswoman spokesperson chief leader governor "
                         "senator secretary director officer executive chairman chairwoman mayor analyst "
                         "adviser advisor ambassador general commissioner official candidate nominee "
                         "professor judge police lawyer attorney representative congressman congresswoman "
                         "archbishop reverend sheriff".split())
_HONORIFICS = frozenset("mr mrs ms dr sen gov rep gen lt col sgt capt prof rev".split())
_NOT_PERSON_WORDS = frozenset("the agency ministry department company news said house party committee "
                              "association council office times post journal press service university "
                              "government court police state states "
                              # an opening conjunction or a quantifier read as a speaker ("While praising
                              # Primakov, she ...", "Some said ..."): no one to carry a later pronoun
                              "while whereas although though unless because whenever when after before since if "
                              "once some many most several others they we you it this these those both each "
                              "every few so but and or yet also".split())
# a headline's words ("President Holm Explains His Faith"): no person's name has them
_POSSESSIVE_WORDS = frozenset("His Her Its Their My Our Your".split())


_TITLED = re.compile(r"\b((?i:" + "|".join(sorted(
    "president minister spokesman spokeswoman spokesperson leader governor senator secretary director "
    "executive chairman chairwoman mayor analyst adviser advisor ambassador commissioner chief official "
    "candidate nominee professor judge lawyer attorney Mr. Mrs. Ms. Dr. Gov. Sen. Rep. Gen.".split(),
    key=len, reverse=True)).replace(".", r"\.") + r"))\s+((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+){0,3})")


Titled = list[tuple[int, str]]  # (position, full name) of "spokesman Lu Kang"-like mentions


def _titled_names(text: str) -> Titled:
    out = []
    for m in _TITLED.finditer(text):
        name = _name_tail(m.group(2))
        if name and _person_like(name):
            out.append((m.start(2), name))
    return out


def _full_name(name: str, prior: list[tuple[int, str]], titled: Titled, before: int, sex: int = 0) -> str:
    """A one-word name completed from an earlier full name ('Marsh' -> 'Helen Marsh'), not one of the
    other sex (``sex``, from the speaker's title: "Mrs Jackson" is not "Michael Jackson")."""
    if len(name.split()) > 1:
        return name
    for _, full in reversed(prior):
        if len(full.split()) > 1 and name in full.split() and not sex_clash(sex, name_sex(full)):
            return full
    # else the nearest titled name before it ("singer Michael Jackson ... his brother, singer
    # Jermaine Jackson, ... Jackson said": Jermaine)
    k = bisect.bisect_left(titled, (before, ""))
    for pos, full in reversed(titled[max(0, k - 4 * RECENT_SPEAKERS):k]):  # (the last 200)
        if len(full.split()) >= 2 and name in full.split() and not sex_clash(sex, name_sex(full)):
            return full
    return name


@lru_cache(maxsize=4096)
def _person_like(name: str) -> bool:
    words = name.split()
    if not words or any(w.lower() in _NOT_PERSON_WORDS or w.lower().rstrip(".,") in _COMPANY_WORDS
                        or w in _POSSESSIVE_WORDS for w in words) \
            or words[0] in ("St.", "St", "Saint"):
        return False  # ("St. Albans yanked the scholarship": a school, a town, a church; "Walt Disney Co.")
    if len(words) == 1 and (words[0].lower() in _PRONOUNS or words[0] in _OPENER_WORDS or words[0].lower() in _STOP
                            or words[0] in _NOT_NAME_OPENERS):
        return False  # a capital "He" opening a sentence is no one's name ("He Xintong" is), nor "Even", "While"
    return all(w[:1].isupper() for w in words)


PREPOSITIONS = frozenset("to for of with from at by near behind against about like in".split())
_COMPANY_WORDS = frozenset("co inc corp ltd llc plc ag sa nv gmbh associates university".split())
# words that open a sentence before its subject, with no comma ("So Jackson spoke up", "Yet Jones says")
_LEAD_OPENERS = ("So", "But", "And", "Yet", "Still", "Now", "Then", "Even", "Also", "Thus")
# words that open a sentence or a clause with a capital and are no one's name ("Even as Archbishop
# Desmond Tutu delivered the report, he seemed ...")
_NOT_NAME_OPENERS = frozenset("Even Only Just So As If When While Although Though Because Once Unless Whether "
                              "Perhaps Maybe Whatever Whoever Wherever Both Either Neither Each Every Such".split())
# every capitalised word that opens a sentence before a name and is no part of it ("But Microsoft said",
# "As Clinton spoke", "After Ahmed was arrested")
OPENING_WORDS = frozenset(_LEAD_OPENERS) | _NOT_NAME_OPENERS | frozenset("After Before Since Until".split())


_POSSESSOR_WORD = re.compile(r"[A-Z][\w.-]*['’]s")  # a capitalised possessive ("Canada's")


def governed(words: Sequence[str], tail: int) -> bool:
    """Whether the last ``tail`` of ``words`` (a name ending a speaker phrase) follow a
    preposition: "A bodyguard to Michael Jackson" is the bodyguard, not Jackson; "Investigators in
    the bombing of the embassy in Tanzania" are the investigators."""
    if not 0 < tail < len(words):
        return False
    if tail + 1 < len(words) and _POSSESSOR_WORD.fullmatch(words[-tail - 1]):
        # (past a place's owner: "a small town in Canada's Prairies" is the town's, "a marquee at Big
        # Bat's Texaco" the marquee)
        owner = tail + 1
        while owner + 1 < len(words) and owner - tail < 3 and words[-owner - 1][:1].isupper():
            owner += 1
        tail = owner
    before = words[-tail - 1].lower()
    # (past an article: "Tom Brandt of the United Kingdom" is Brandt)
    return before in PREPOSITIONS or (before in ("the", "a", "an") and tail + 1 < len(words)
                                      and words[-tail - 2].lower() in PREPOSITIONS)


# the last words of organisations' names with "and" in them ("the National Oceanic and Atmospheric
# Administration", "Health and Human Services"; not "Mubarak and Ehud Barak")
_ORG_LAST_WORDS = frozenset("""administration services service commission council association agency institute
institutes development affairs technology research health control prevention trade industry industries foundation
society societies security exchange company co corporation corp inc bureau department committee fund trust trusts
union center centre organization organisation board authority""".split())


def _tail_words(words: Sequence[str]) -> list[str]:
    """The capitalised words that end ``words``, last first, short of a title or a word that names no
    person; "and" joins two of them in an organisation's name ("the US National Oceanic and
    Atmospheric Administration"), not two people ("Ivanov and Sergeyev")."""
    tail: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        lw = w.lower().rstrip(".")
        if lw in ROLE_HEADS and len(tail) >= 2 and first_name_sex(tail[-1]):
            break  # a role before a first name and a surname is no part of the name ("German Chancellor Angela
            # Merkel": "German" would read as a man's first name; "Queen Margrethe" keeps its one-word name)
        if w[:1].isupper() and lw not in _TITLE_WORDS and lw not in _NOT_PERSON_WORDS and lw not in _HONORIFICS \
                and w not in _LEAD_OPENERS:
            tail.append(w)
        elif lw in ("and", "&") and len(tail) >= 2 and k > 0 and words[k - 1][:1].isupper() \
                and tail[0].lower().rstrip(".") in _ORG_LAST_WORDS:
            tail.append(w)
        else:
            break
    return tail


# the kind of outlet after its name: "the Interfax news agency", "the state-run Xinhua news agency"
_MEDIUM_NOUNS = frozenset("news agency newspaper daily broadcaster television tv radio wire".split())
# (not "network", "paper", "website": "The Brae network said ..." is no one named Brae)


def without_medium(words: Sequence[str]) -> list[str]:
    """A speaker phrase less the kind of outlet after a name: "the Interfax news agency" is Interfax
    ("the Trump campaign", "the Varn Post editorial board" keep their heads)."""
    k = len(words)
    while k > 1 and words[k - 1] in _MEDIUM_NOUNS:
        k -= 1
    return list(words[:k]) if k < len(words) and words[k - 1][:1].isupper() else list(words)


# an owner opening a phrase, words after it ("The Courier's Nina Vale", not "McDonald's", nor "A
# spokesman for Canada's Transportation Safety Board")
_OWNER = re.compile(r"^(?:(?:The|the)\s+)?(?:[A-Z][\w.&-]*\s+)*[A-Z][\w.&-]*[’']s\s+(?=\S)")


def _name_tail(speaker: str) -> str:
    """The proper-name tail of a speaker phrase: 'fire chief Tomas Reyes' -> 'Tomas Reyes'; none
    when the name is a preposition's object ('A bodyguard to Michael Jackson' is not Jackson)."""
    parts = speaker.split(",")
    owner = _OWNER.search(parts[0])
    # (after an owner: "The Courier's Nina Vale in Marlow" is Nina Vale)
    words = without_medium(parts[0][owner.end() if owner else 0:].replace("’s", "").replace("'s", "").split())
    tail = _tail_words(words)
    # a name before a post-modifier ("Representative Barney Frank of Massachusetts", "Dr. Jonathan Kay
    # of the Lahey Clinic in Burlington", "Ann Lee of the rights group Harbor Trust": not the group's
    # name), else none when the tail is a preposition's object ("A spokesman for Canada's Transportation
    # Safety Board" is no one's name)
    post = next((i for i, w in enumerate(words) if i > 1 and w.lower() in PREPOSITIONS
                 and words[i - 1][:1].isupper()), None)
    head = _tail_words(words[:post]) if post is not None and post < len(words) - len(tail) else []
    # (a person's: a first name before the surname, not "The French Bureau of Accident Investigation")
    first_named = head if len(head) >= 2 and any(first_name_sex(w) for w in head[1:]) else []
    if first_named or governed(words, len(tail)):
        tail = first_named
    if len(tail) < 2 and len(parts) > 1:
        # a description, then the name set off by commas: "Shepherd's father, Dennis," -> "Dennis" (a
        # known first name, or two words and more; not "R-Utah", "Monday"); "The Director of the WFP
        # office in Geneva, Charles Vincent," -> "Charles Vincent" (a full name after a one-word tail)
        named = parts[1].split()
        if tail:  # after a one-word tail, only a full name with a first name
            person = len(named) >= 2 and bool(first_name_sex(named[0]))
        else:
            person = len(named) >= 2 or bool(first_name_sex(named[0])) if named else False
        if person and 0 < len(named) <= 4 and all(w[:1].isupper() and w.isalpha() and w.lower() not in _NOT_PERSON_WORDS
                                                  and w.lower() not in _DAYS and w.lower() not in _MONTHS for w in named):
            return " ".join(named)
    return " ".join(_whole_body_name(words, list(reversed(tail))))


_NAME_JOINERS = frozenset(["for", "of", "on", "&", "and"])


def _whole_body_name(words: Sequence[str], tail: list[str]) -> list[str]:
    """A tail that ends a body's longer name is that whole name: "Strategic & International Studies"
    of "the Center for Strategic & International Studies" is the Center's; a person's name (a first
    name in it) stays as it is."""
    k = len(words) - len(tail)
    if tail and tail[0].lower() in PREPOSITIONS and k >= 1 and words[k - 1][:1].isupper():
        # a name does not open on a preposition: "Against Smoking" ends "the National Committee Against
        # Smoking" (the body's word "Committee" had cut it)
        while k >= 1 and words[k - 1][:1].isupper() and words[k - 1].lower().rstrip(".") not in _TITLE_WORDS \
                and words[k - 1] not in ("The", "A", "An") and words[k - 1] not in _LEAD_OPENERS:
            k -= 1
        return list(words[k:])
    if not tail or k < 2 or words[k - 1].lower() not in _NAME_JOINERS or not words[k - 2][:1].isupper() \
            or any(first_name_sex(w) for w in tail):
        return tail
    while k >= 2 and words[k - 1].lower() in _NAME_JOINERS and words[k - 2][:1].isupper():
        k -= 2
        while k >= 1 and words[k - 1][:1].isupper() and words[k - 1].lower().rstrip(".") not in _TITLE_WORDS \
                and not words[k - 1].split("-")[-1][:1].islower():  # (not "Washington-based")
            k -= 1
    whole = list(words[k:])
    # (a body's name, not two people or two countries: "Ivanov and Sergeyev", "the United States and Britain")
    return whole if any(w.lower() in _BODY_WORDS for w in whole) else tail


_BODY_WORDS = _ORG_LAST_WORDS | frozenset("""centers centres commission institute ministry office league coalition
citizens councils committees studies organizations agencies""".split())


def _surname_sex(text: str, surname: str, before: int) -> int:
    """The sex of every first name written with ``surname`` in ``text`` before ``before``, when they
    agree ("Michael Jackson" ... "Jackson": 1; also "Katherine Jackson" before it: 0)."""
    if not text or " " in surname:
        return 0
    unknown, men, women = _sexes_up_to(text, ("first name", surname),
                                       r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?" + re.escape(surname) + r"\b",
                                       lambda m: name_sex(m.group(1) + " " + surname), before)
    return 1 if men and not unknown and not women else 2 if women and not unknown and not men else 0


_SexCounts = tuple[int, int, int]  # how many of unknown sex, men, women


def _sexes_up_to(text: str, key: tuple[str, str], pattern: str, sex_of: Callable[[re.Match[str]], int],
                 before: int) -> _SexCounts:
    """How many of ``pattern``'s matches in ``text`` that end by ``before`` ``sex_of`` tells to be of
    unknown sex, a man's, a woman's. The matches are read once per text and ``key`` (a per-text
    index), so that a long article's pronouns each cost a lookup, not a reading of the text."""
    index = _sex_index(text)
    if key not in index:
        ends: list[int] = []
        counts: list[_SexCounts] = [(0, 0, 0)]
        for m in re.finditer(pattern, text):
            sex = sex_of(m)
            ends.append(m.end())
            unknown, men, women = counts[-1]
            counts.append((unknown + (sex == 0), men + (sex == 1), women + (sex == 2)))
        index[key] = (ends, counts)
    ends, counts = index[key]
    return counts[bisect.bisect_right(ends, before)]


@lru_cache(maxsize=16)
def _sex_index(text: str) -> dict[tuple[str, str], tuple[list[int], list[_SexCounts]]]:
    """The index ``_sexes_up_to`` fills for one text (by rule and name, as they are asked for)."""
    return {}


_TITLE_WORDS_SEX = "|".join(sorted((w for w, x in TITLE_SEX.items() if x), key=len, reverse=True))
_KIN_WORDS_SEX = "|".join(sorted((w for w, x in KIN_SEX.items() if x), key=len, reverse=True))


_TITLE_JUST_BEFORE = re.compile(rf"\b({_TITLE_WORDS_SEX})\.?\s+$", re.IGNORECASE)
_SPEAKER_TITLE = re.compile(rf"\s*({_TITLE_WORDS_SEX})\b\.?\s+[A-Z]", re.IGNORECASE)
_TITLE_BEFORE = re.compile(rf"\b({_TITLE_WORDS_SEX})\b\.?\s+([\w’'-]+)", re.IGNORECASE)
_KIN_BEFORE = re.compile(rf"\b({_KIN_WORDS_SEX}),?\s+([\w’'-]+(?:\s+[\w’'-]+){{0,4}})", re.IGNORECASE)


@lru_cache(maxsize=64)
def _title_index(text: str) -> tuple[tuple[tuple[int, str, int], ...], tuple[tuple[int, str, int], ...]]:
    """Every title and family tie of ``text`` with the word(s) after it and the sex it tells, read
    once per text: (position, following word(s) lower-cased, sex)."""
    titles = tuple((m.start(), m.group(2).lower(), TITLE_SEX.get(m.group(1).lower(), 0))
                   for m in _TITLE_BEFORE.finditer(text))
    kins = tuple((m.start(), m.group(2).lower(), KIN_SEX.get(m.group(1).lower(), 0)) for m in _KIN_BEFORE.finditer(text))
    return titles, kins


def _titled_sex(text: str, name: str, before: int) -> int:
    """The sex the titles and family ties written before a full name tell, when they agree: "Ms. He"
    or "his wife, He Xintong" (a family name first, which no census first name tells), "Mr. Jiang".
    A one-word name tells nothing so ("Mrs. Clinton" is not the president)."""
    words = name.split() if text else []
    if len(words) < 2:
        return 0
    titles, kins = _title_index(text)
    ends, low = {words[0].lower(), words[-1].lower()}, name.lower()
    sexes = {x for pos, w, x in titles if pos < before and w in ends}
    sexes |= {x for pos, w, x in kins if pos < before and (w == low or w.startswith(low + " "))}
    sexes.discard(0)
    return sexes.pop() if len(sexes) == 1 else 0


def _known_sex(text: str, name: str, before: int) -> int:
    """The sex of a person's name: its first name, else the pronouns after it, else the titles and
    family ties before it."""
    return name_sex(name) or _told_sex(text, name, before) or _titled_sex(text, name, before)


# a name followed by its age is a person's, whatever the first name ("Rute Vicente Oliveira, a 48-year-old
# manicurist,", "Wang Youcai, 32,")
_AGE_AFTER = re.compile(r",\s+(?:an?\s+\d{1,3}-year-old\b|\d{1,3},)")


def _aged(text: str, name: str) -> bool:
    """Whether the article introduces ``name`` with an age ("Rute Vicente Oliveira, a 48-year-old
    manicurist,")."""
    at = text.find(name)
    return at >= 0 and bool(_AGE_AFTER.match(text, at + len(name)))


def _told_sex(text: str, name: str, before: int) -> int:
    """The sex the pronouns after ``name``'s mentions before ``before`` give it, when they agree
    ("Luiz Claudio Silveira, a 34-year-old horse trainer, said he planned": 1)."""
    if not text or not name:
        return 0
    last = name.split()[-1]
    _, men, women = _sexes_up_to(text, ("pronoun", last), r"\b" + re.escape(last) + r"\b",
                                 lambda m: pronoun_sex(text, m.end()), before)
    return 0 if bool(men) == bool(women) else 1 if men else 2


def _from_first_name(run: str) -> str:
    """The name in a run of capitalised words that opens on a first name ("Katherine Jackson"), or
    on common words before one ("Pro Golfer Doug Tewell" -> "Doug Tewell"), when a surname
    follows it; "" when none ("Rute Vicente Oliveira" is no "Vicente Oliveira")."""
    words = run.split()
    k = 0
    while k < len(words) - 2 and not first_name_sex(words[k]) and common_word(words[k]):
        k += 1
    return " ".join(words[k:]) if first_name_sex(words[k]) and k < len(words) - 1 else ""


@lru_cache(maxsize=16)
def _names_written(text: str) -> tuple[list[int], list[str]]:
    """The names ``text`` writes with a first name or an age, read once per text: their ends, in
    order, and the names (see ``_full_names_before``)."""
    ends: list[int] = []
    names: list[str] = []
    for m in _NAME.finditer(text):
        name = _from_first_name(m.group(0))
        if name or _AGE_AFTER.match(text, m.end()):
            ends.append(m.end())
            names.append(_name_tail(name or m.group(0)))
    return ends, names


class _FullNames:
    """A name's word -> the last full name written with it before ``at`` (see
    ``_full_names_before``), looked up word by word: the article's names are indexed once per text,
    so a long article's pronouns each cost a lookup, not a pass over every name before them."""

    def __init__(self, text: str, at: int, people: Sequence[str]) -> None:
        self._named = _names_by_word(text)
        self._at = at
        self._people = people
        self._of_people: dict[str, str] | None = None

    def get(self, word: str) -> str | None:
        if self._of_people is None:
            self._of_people = {}
            for name in dict.fromkeys(reversed(self._people)):  # the last written first
                if name and len(name.split()) > 1 and _person_like(name):
                    for w in name.split():
                        self._of_people.setdefault(w, name)
        if word in self._of_people:
            return self._of_people[word]
        ends, names = self._named.get(word, ((), ()))
        k = bisect.bisect_left(ends, self._at)
        return names[k - 1] if k else None

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


@lru_cache(maxsize=16)
def _names_by_word(text: str) -> dict[str, tuple[list[int], list[str]]]:
    """A word -> the ends and the full names (two words or more, a person's) that ``text`` writes
    with it and a first name or an age, in order."""
    index: dict[str, tuple[list[int], list[str]]] = {}
    for end, name in zip(*_names_written(text)):
        if name and len(name.split()) > 1 and _person_like(name):
            for w in name.split():
                ends, names = index.setdefault(w, ([], []))
                ends.append(end)
                names.append(name)
    return index


def _full_names_before(text: str, at: int, people: Sequence[str]) -> _FullNames:
    """A name's word -> the last full name written with it before ``at``: ``people`` (the article's
    speakers and titled names so far) and the names the article wrote with a first name."""
    return _FullNames(text, at, people)


def _people_in(text: str, lo: int, hi: int, fulls: _FullNames,
               skip: Sequence[tuple[int, int]] = ()) -> set[str]:
    """The people of ``fulls`` that ``text[lo:hi]`` names, not counting words inside ``skip``."""
    found = (fulls.get(re.sub(r"['’]s$", "", m.group(0)))
             for m in re.finditer(r"\b[A-Z][\w’'\-]+", text[lo:hi])
             if not any(a <= lo + m.start() < b for a, b in skip))
    return {name for name in found if name is not None}


@lru_cache(maxsize=16)
def _quotations(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """``quoted_regions`` of a text, typewriter marks (``...'') read as quotation marks, read once per
    text, with their starts (the regions follow each other without overlap: looked up by bisection)."""
    regions = quoted_regions(with_typewriter_marks(text))
    return regions, [a for a, _ in regions]


def _quoted_between(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The quotations of ``text`` that start before ``hi`` and end after ``lo``."""
    regions, starts = _quotations(text)
    k = j = bisect.bisect_left(starts, hi)
    while j > 0 and regions[j - 1][1] > lo:
        j -= 1
    return regions[j:k]


def _in_quotation(text: str, at: int) -> bool:
    """Whether ``text[at]`` lies strictly inside a quotation (not on its marks)."""
    regions, starts = _quotations(text)
    k = bisect.bisect_left(starts, at) - 1
    return k >= 0 and at < regions[k][1]


def _person_before(text: str, at: int, people: Sequence[str], after: int = 0,
                   skip: tuple[int, int] | None = None) -> str | None:
    """The person the pronoun's own sentence names before it, by a full name of ``people`` (the
    article's speakers and titled names so far) or one the article wrote before with a first name
    ("Anwar's face was bruised and he said ...": Anwar Ibrahim); None when it names none, "" when
    several. Not in the words of the quote the pronoun closes (from ``after`` on): "an undetermined
    number of Gadhafi soldiers were killed, she said" names no speaker; nor in quotation marks
    (""I prefer Kasich," he said": a speaker's own words do not name him), nor in ``skip``."""
    if not text:
        return None
    start = max(_stop_before(text, at), text.rfind("\n", 0, at), at - 200, after - 1) + 1
    quoted = _quoted_between(text, start, at)
    whom = _WHOM_BEFORE.search(text, start, at)
    if whom:  # "... with Mr. Abe, whom he described as ...": the one "whom" stands for is not "he"
        quoted.append(whom.span(1))
    found = _people_in(text, start, at, _full_names_before(text, at, people), [*quoted, *([skip] if skip else [])])
    return found.pop() if len(found) == 1 else ("" if found else None)


# a name, then an object's relative pronoun right before the pronoun, its clause's subject
_WHOM_BEFORE = re.compile(r"((?:[A-Z][\w’'\-]*\.?\s+)*[A-Z][\w’'\-]+)\s*,?\s+whom\s+(?:[a-z]+\s+){0,2}$")


def _stop_before(text: str, at: int) -> int:
    """Where the sentence before ``at`` ends, less one (-1 when none): after its mark and any closing
    quotation marks (''Politicking.'' Democrats ...''), not after a title's period ("Mr. Abe")."""
    ends = _sentence_ends(text)
    k = bisect.bisect_right(ends, at) - 1
    while k >= 0:
        word = re.search(r"(\w+)([.!?])\W*$", text[max(0, ends[k] - 16):ends[k]])
        if not word or word.group(1).lower() not in _ABBREVIATED \
                or _name_end_dot(text, max(0, ends[k] - 16) + word.start(2)):
            return ends[k] - 1
        k -= 1
    return -1


# a sentence's end: its mark, closing quotation marks (and the filler of a typewriter mark), a space
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"”’'\x1f)]*\s+|\n\s*")
_SUBJECT_LEAD = re.compile(r"[\s(]*(?:(?:Former|Then-|Then|Ex-|Mr|Mrs|Ms|Dr|Gen|Gov|Sen|Rep|President|Premier|"
                           r"Prime\s+Minister|Minister|Judge|Police\s+Chief)\.?\s+)*")
# adverbial phrases set off before a sentence's subject: "Similarly, on many levels, D'Amato's ...",
# "However, Villa-Vicencio appealed ...", "Before the cameras, Vacco waved ..." (an adverb or a
# preposition first, lower-case words after it, so that "Lahoud, 62," and "In Beijing, Xi said" are
# not skipped; one with a pronoun, "As far as she is concerned, Slepian ...", is not skipped either)
_OPENERS = ("However|Meanwhile|Instead|Still|Yet|But|And|Now|Then|Later|Earlier|Today|Yesterday|Indeed|Moreover|"
            "Furthermore|Nevertheless|Nonetheless|Thus|Also|Again|Too|In|On|At|After|Before|During|Toward|Towards|"
            "For|With|Without|Since|Under|Unlike|Like|By|From|Despite|Amid|Among|Over|Through|Until|Within|"
            # adverbs in -ly, named: a surname ends so too ("Reilly, the company chairman, ...")
            "Similarly|Additionally|Separately|Finally|Initially|Eventually|Originally|Apparently|Reportedly|"
            "Ultimately|Subsequently|Consequently|Accordingly|Clearly|Obviously|Currently|Recently|Previously|"
            "Publicly|Privately|Generally|Usually|Typically|Increasingly|Importantly|Notably|Specifically|Fortunately|"
            "Unfortunately|Surprisingly|Interestingly|Ironically|Predictably|Understandably|Traditionally|Historically")
_ADVERBIALS = re.compile(rf"[\s(]*(?:{_OPENERS})(?:\s+[a-z][\w'’-]*){{0,5}}\s*,\s+"
                         r"(?:[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,5}\s*,\s+)*")
_OPENER_WORDS = frozenset(_OPENERS.split("|"))
_PERSONAL = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|i|we|you)\b")


@lru_cache(maxsize=16)
def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of ``text`` ends (``_SENTENCE_END``), read once per text."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def _ends_before(text: str, at: int, window: int) -> list[int]:
    """The sentence ends in the ``window`` characters before ``at``."""
    ends = _sentence_ends(text)
    return ends[bisect.bisect_right(ends, max(0, at - window)):bisect.bisect_right(ends, at)]


def _subject_before(text: str, at: int, people: Sequence[str], pronoun: str = "") -> str | None:
    """The person who opens the sentence before the pronoun's, as its subject ("Anwar Ibrahim
    appeared in court on Tuesday. He said he had been beaten ..."): a pronoun that its own
    sentence does not resolve most often continues the subject before it. A sentence told by the
    same ``pronoun`` ("He thought he was headed for surgery.", "But after treatments with Jacobson,
    he is holding off.") carries the subject on from the one before it (up to three back). "As for
    Katcoff, he is sold." opens on Katcoff. None when that sentence opens on no one person."""
    if not text:
        return None
    ends = _ends_before(text, at, 1500)
    if at <= 1500 and (not ends or ends[0] > 0):
        ends = [0, *ends]  # the text's first sentence opens at its start
    if len(ends) < 2 or at - ends[-1] > 200:
        return None
    chain = re.compile(rf"(?:^|[,;:]\s*|\b(?:and|then|but)\s+)\W*{pronoun}\s+[a-z]", re.IGNORECASE) \
        if pronoun in ("he", "she") else None
    for k in range(2, min(len(ends), 4) + 1):
        prev, own = ends[-k], ends[-k + 1]
        found = _opening_person(text, prev, own, people)
        if k > 2 and found is not None and name_sex(found) != (1 if pronoun == "he" else 2):
            return None  # a subject carried on over a sentence is told by its first name's sex only
        if found is not None or chain is None or not chain.search(text[prev:own]) \
                or re.search(r"[\"“”]|``|''", text[prev:own]):
            return found  # (a quotation's own "He does not believe ..." carries no one on)
    return None


# a sentence that opens on a role and names its holder in apposition: "Thompson's spokesman, Kevin
# Keane, did ...", "A spokesman for the board, Jim Harris, said ...", "The director of the office in
# Geneva, Charles Vincent, remarked ..." (the name: two to four capitalised words, then a verb)
_ROLE_THEN_NAME = re.compile(r"(?:[A-Z][\w’'\-]*['’]s\s+|(?:A|An|The)\s+)(?P<role>[^,.;:\"“”]{2,80}?),\s+"
                             r"([A-Z][a-z][\w’'\-]*(?:\s+(?:[A-Z]\.|[A-Z][\w’'\-]+)){1,3}),\s+[a-z]")


# a person's description set off after a name ("Scott Marshall, a state biologist, spoke ..."; not
# "Walt Disney Co. reported ...")
_PERSON_APPOSITION = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:" + "|".join(
    sorted(PERSON_NOUNS | ROLE_HEADS, key=len, reverse=True)) + r")\b")


def _opening_person(text: str, prev: int, own: int, people: Sequence[str]) -> str | None:
    """The one person who opens ``text[prev:own]`` as its subject (see ``_subject_before``)."""
    topic = re.match(r"[\s(]*As\s+for\s+", text[prev:own])  # "As for Katcoff, he is sold."
    opening = None if topic else _ADVERBIALS.match(text, prev, own)
    if opening and _PERSONAL.search(opening.group(0)):
        opening = None
    lead = _SUBJECT_LEAD.match(text, prev + topic.end() if topic else opening.end() if opening else prev)
    lo = lead.end() if lead else prev
    named = _ROLE_THEN_NAME.match(text, lo, own)
    if named and first_name_sex(named.group(2).split()[0]) \
            and any(w in _ROLE_NOUNS or w in ROLE_HEADS for w in named.group("role").lower().split()):
        return named.group(2)  # "Thompson's spokesman, Kevin Keane, did not hold out much hope."
    opener = re.match(rf"(?:{'|'.join(_LEAD_OPENERS)})\s+(?=[A-Z])", text[lo:own])
    if opener:
        lo += opener.end()  # "So Jackson spoke up to ask": Jackson
    m = re.match(r"[A-Z][\w’'\-]+(?:\s+(?:[A-Z][\w’'\-]+|[A-Z]\.))*(?:['’]s)?(?=[\s,])", text[lo:own])
    if m is None:
        return None
    if m.group(0).endswith(("'s", "’s")):
        # a possessive: "D'Amato's Republican credentials seem secure. He ..." is about D'Amato, but
        # "Anwar's lawyer said ..." is about the lawyer
        head = re.match(r"\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*)\b", text[lo + m.end():own])
        if head is None or head.group(1) in PERSON_NOUNS or head.group(1).rstrip("s") in PERSON_NOUNS:
            return None
    fulls = _full_names_before(text, own, people)
    first = m.group(0).split()[0]
    if first not in fulls and (first.lower() in _NOT_PERSON_WORDS or first.lower() in _PRONOUNS
                               or first in _OPENER_WORDS):
        # "While Daniel Marcus ... said ..., Kelly is more pessimistic", "With Gates at his side,
        # James Cannavino said ...", "In Warren County, officials ...": no name opens it
        return None
    found = _people_in(text, lo, lo + m.end(), fulls)  # ("Pro Golfer Doug Tewell, who ...")
    if not found:
        # a full name no one has quoted yet, its first name a person's: "Scott Marshall, a state
        # biologist, spoke to the council. ... he said"
        words = m.group(0).split()
        if 2 <= len(words) <= 3 and first_name_sex(words[0]) and not m.group(0).endswith(("'s", "’s")) \
                and words[0] not in _OPENER_WORDS and _PERSON_APPOSITION.match(text, lo + m.end(), own):
            return m.group(0)
    return found.pop() if len(found) == 1 else None


def _only_other_person(text: str, at: int, people: Sequence[str], full: str) -> str | None:
    """The one person the sentence before the pronoun's names, when the speaker before (``full``) is
    named in none of the last three sentences: "Foley said ... Critics noted that the sentences came
    a week after Jiang delivered a speech. ``The Western mode ... ,'' he said" is Jiang's."""
    ends = _ends_before(text, at, 1500)
    if len(ends) < 3 or at - ends[-1] > 200:
        return None
    recent = text[ends[-3]:at]
    if any(re.search(r"\b" + re.escape(w) + r"\b", recent) for w in full.split() if len(w) > 1):
        return None
    fulls = _full_names_before(text, at, people)
    found = _people_in(text, ends[-2], ends[-1], fulls)
    if len(found) != 1:
        return None
    person = found.pop()
    # not one of two, nor the object of "of" or "about" ("Raymond and Noto are different
    # personalities", "the participation of Vladimir Putin", "reservations about Livingston"); one
    # that other prepositions govern often speaks next ("bilingual, like Nicole Girard. ``If you are
    # bilingual ...,'' she said"), and is kept: a man a bill is named after is read so too
    words = "|".join(re.escape(w) for w in person.split())
    for m in re.finditer(rf"\b(?:{words})\b(?:\s+(?:{words})\b)*", text[ends[-2]:ends[-1]]):
        before = text[ends[-2]:ends[-2] + m.start()].split()[-1:]
        if (before and before[0].lower() in ("and", "or", "of", "about", "against")) \
                or re.match(r",?\s+(?:and|or)\s", text[ends[-2] + m.end():ends[-2] + m.end() + 6]):
            return None
    return person


def _woman_named_since(text: str, since: int, at: int, people: Sequence[str],
                       own: tuple[int, int] | None = None) -> str | None:
    """The one woman (by her first name, her title or the pronouns after her) that ``text`` names
    after ``since`` in the pronoun's sentence and the two before it, outside quotations and the
    pronoun's own quote (``own``); None when none or several."""
    ends = _ends_before(text, at, 1500) if text else []
    lo = max(since, ends[-3] if len(ends) >= 3 else max(0, at - 1500))
    if lo >= at:
        return None
    skip = _quoted_between(text, lo, at) + ([own] if own else [])
    fulls = _full_names_before(text, at, people)
    women = {n for n in _people_in(text, lo, at, fulls, skip) if _known_sex(text, n, at) == 2}
    women |= {fulls.get(n.split()[-1]) or n for n in _kin_named(text, lo, at, skip, 2)}
    return women.pop() if len(women) == 1 else None


# a family tie written right before a name ("his sister Marla", "his wife, Ri Sol Ju"), the kin word
# in any case, the name in capitals
_KIN_NAME = re.compile(rf"\b(?i:({_KIN_WORDS_SEX})),?\s+((?:[A-Z][\w’'-]+\s+){{0,3}}[A-Z][\w’'-]+)")


def _kin_named(text: str, lo: int, hi: int, skip: Sequence[tuple[int, int]], sex: int) -> set[str]:
    """The people ``text[lo:hi]`` names right after a family tie of sex ``sex`` ("Jackson's sister
    Marla": a woman, though the census may not know her first name and no surname follows it), outside
    ``skip``; not a name whose first name is of the other sex or a common word ("his sister Of"), nor
    one after a plural ("his sisters Marla and Tess" names two)."""
    found = set()
    for m in _KIN_NAME.finditer(text, lo, hi):
        kin, name = m.group(1).lower(), m.group(2)
        first = name.split()[0]
        if KIN_SEX.get(kin, 0) == sex and kin[:-1] not in KIN_SEX and not any(a <= m.start(2) < b for a, b in skip) \
                and not sex_clash(sex, first_name_sex(first)) and _person_like(name) \
                and (first_name_sex(first) or not common_word(first)):
            found.add(name)
    return found


RECENT_SPEAKERS = 50


_NESTED_QUOTE = re.compile(r"‘[^’']*['’]")


def _free_relative(text: str, at: int, own: tuple[int, int] | None) -> str | None:
    """The words ``own`` the pronoun at ``at`` says after it inside a free relative ("brushed what he
    said was dandruff off ..."), whose words run on into the outer clause; None when it says none so."""
    if own and own[0] > at and re.search(r"\bwhat\s+$", text[max(0, at - 6):at], re.IGNORECASE):
        return text[own[0]:own[1]]
    return None


def _named_in(name: str, words: str, *, possessive: bool = True) -> bool:
    """Whether ``words`` name the person ``name`` by its last word, a possessive too ("Macron's suit")
    unless ``possessive`` is False, not as part of another name ("Macron Street")."""
    after = r"(?!\s+[A-Z])" if possessive else r"(?!['’]|\s+[A-Z])"
    return bool(re.search(rf"\b{re.escape(name.split()[-1])}\b" + after, words))


def _resolve(speaker: str, speaker_start: int, written: dict[str, int], titled: Titled,
             text: str = "", titled_speakers: dict[tuple[int, str], int] | None = None,
             told: tuple[int, int] | None = None, own: tuple[int, int] | None = None) -> str | None:
    """A full name for a pronoun or a bare surname, when the article makes it clear. ``written``:
    each person the article quoted before -> where last written, in the order of their last
    writing (the caller keeps it as it reads, so that a long article's pronouns do not each read
    every quote before them). Only the last ``RECENT_SPEAKERS`` people quoted are weighed: a pronoun
    or a surname does not reach further back, and a long page's pronouns do not each weigh every
    name before them. ``told``: the words of the quote just before, when a person named said them: a
    titled name inside them is no speaker nearer than theirs ("``... loyal to leader Moammar Gadhafi
    ...,'' Colvin said. ..., she said" is Colvin's). ``own``: the words of the pronoun's own quote."""
    seen = [(pos, name) for name, pos in reversed(list(islice(reversed(written.items()), RECENT_SPEAKERS)))]
    low = {"him": "he", "her": "she"}.get(speaker.lower(), speaker.lower())  # "quoted him as saying"
    if speaker == "He":
        # the family name He ("Ms. He", "He Xintong") when the article writes one before: a capital
        # cannot tell it from the pronoun, and the pronoun would be hers
        last_named = max((p for p in [*seen, *titled[:bisect.bisect_left(titled, (speaker_start, ""))]]
                          if _person_like(p[1])), default=None)
        # only when that person is the last one named, and lately ("He Yafei met the envoy. ...
        # Yang spoke for an hour. He said ..." is Yang's)
        if last_named and "He" in last_named[1].split() and len(last_named[1].split()) > 1 \
                and speaker_start - last_named[0] < 600:
            return last_named[1]
    if low in ("he", "she"):
        # the nearest preceding named speaker or titled person ("spokesman Lu Kang"), not one whose
        # first name is of the other sex
        sex = 1 if low == "he" else 2
        after = own[1] if own and own[1] <= speaker_start else 0  # (where the pronoun's own quote ends)
        k = bisect.bisect_left(titled, (speaker_start, ""))
        # each name once, where it was last written (an article quotes its people many times)
        nearest: dict[str, int] = {name: pos for pos, name in seen}
        for pos, name in [t for t in titled[max(0, k - 8):k] if t[0] >= speaker_start - 800
                          and not (told and told[0] <= t[0] < told[1])]:
            if _person_like(name) and pos > nearest.get(name, -1):
                nearest[name] = pos
        cands = [(pos, name) for name, pos in nearest.items()]
        whom = _WHOM_BEFORE.search(text, max(0, speaker_start - 200), speaker_start) if text else None
        if whom:  # "... Mr. Abe, whom he described as ...": not Abe
            cands = [(pos, name) for pos, name in cands if not whom.start(1) <= pos < whom.end(1)]
        # (a bare surname by the full names the article wrote it in before: "Jackson" after "Singer
        # Michael Jackson" is him)
        def sex_of(pos: int, name: str) -> int:
            full = _full_name(name, seen, titled, pos)
            # (a speaker written with a title: "``No,'' Ms. Moore replied" is a woman, whatever the
            # other Moores of the article)
            title = _TITLE_JUST_BEFORE.search(text, max(0, pos - 10), pos) if text else None
            return (titled_speakers or {}).get((pos, name), 0) \
                or (TITLE_SEX.get(title.group(1).lower(), 0) if title else 0) \
                or _surname_sex(text, name, pos) or _known_sex(text, full, speaker_start)

        sex_said = {(pos, name): sex_of(pos, name) for pos, name in cands}
        cands = [c for c in cands if not sex_clash(sex, sex_said[c])]
        relative = _free_relative(text, speaker_start, own)
        # (the quotation's words, not those it quotes in turn)
        quoted = _NESTED_QUOTE.sub(" ", text[own[0]:own[1]]) \
            if own is not None and text[own[0]:own[0] + 1] in ('"', "“", "'", "‘", "`") else None

        def named_by_own(name: str) -> bool:
            # a quotation names others, not the one who speaks it ("''Rubio is not going after the
            # leader,'' he said" is not Rubio's, though Rubio was named last; nor is '"Why did Mr.
            # Rubio agree?" he asked', whose quotation opens on Rubio); nor do the words after "what he
            # said was", which run on into the outer verb's object ("brushed what he said was dandruff
            # off Macron's suit" is not Macron's)
            if quoted is not None:
                return _named_in(name, quoted, possessive=False)
            return relative is not None and _named_in(name, relative)

        cands = [c for c in cands if not named_by_own(c[1])]
        known = [n for _, n in seen] + [n for _, n in titled[:k]]
        if sex == 2 and cands and not sex_said[max(cands)] and any(sex_said[c] == 2 for c in cands):
            # "she": the woman named before, rather than a nearer word of unknown sex that the article
            # never writes after a first name ("While", "Some", "Intensity"; not "Levin" of "Maurie
            # Levin") and that neither sentence names ("..., Gottschalt offers her own advice. ``...,'' she said")
            near_name = max(cands)[1]
            ends = _ends_before(text, speaker_start, 600)
            lately = text[ends[-2] if len(ends) >= 2 else max(0, speaker_start - 600):speaker_start]
            if len(near_name.split()) == 1 \
                    and not re.search(r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?" + re.escape(near_name) + r"\b", text) \
                    and not re.search(r"\b" + re.escape(near_name) + r"\b", lately):
                cands = [c for c in cands if sex_said[c] == 2]
        if not cands:
            # no speaker before of its sex: the person who opens the sentence before, when nothing
            # says that person is of the other sex ("Rute Vicente Oliveira, a 48-year-old manicurist,
            # also planned to vote ... She said ...")
            subject = _subject_before(text, speaker_start, known, low) if _person_before(text, speaker_start, known, after) is None \
                else None
            if subject and not sex_clash(sex, _known_sex(text, subject, speaker_start)) \
                    and not named_by_own(subject):
                return subject
            return None
        pos, name = max(cands)
        full = _full_name(name, seen, titled, speaker_start, sex)
        if sex == 2 and not sex_said[(pos, name)] and not _known_sex(text, full, speaker_start):
            # "she" after a speaker of unknown sex: the one woman named since, by her first name, in the
            # sentences just before ("..., Varoufakis said. Chancellor Angela Merkel addressed
            # parliament. ``...,'' she said" is Merkel's)
            woman = _woman_named_since(text, pos, speaker_start, known, own)
            if woman and not set(woman.split()) & set(full.split()):
                return woman
        # an indirect quote around the pronoun that opens on a pronoun of its sex tells of the speaker
        # himself; the names after it are not his ("He's leaning toward Kasich, he said, because ...")
        wrapped = own if own and own[0] < speaker_start < own[1] and re.match(
            rf"\W*{low}\b", text[own[0]:speaker_start], re.IGNORECASE) else None
        near = _person_before(text, speaker_start, known, after, wrapped)
        if near is None and own and after:
            # ... but a name the quote's words make an owner of is its speaker's own ("Kelly's group
            # does not manage the spy satellites, he said")
            inner = _person_before(text, speaker_start, known)
            if inner and re.search(r"\b" + re.escape(inner.split()[-1]) + r"['’]s\b", text[own[0]:own[1]]):
                near = inner
        if near is not None and not set(near.split()) & set(full.split()):
            # someone else is named in the pronoun's own sentence: that person, if one and of its sex
            return near if near and not sex_clash(sex, _known_sex(text, near, speaker_start)) else None
        if near is None:
            subject = _subject_before(text, speaker_start, known, low)
            # (a name of unknown sex is no evidence enough to move the pronoun to it, unless nothing
            # tells the sex of the speaker before either and that one is no person, or the person
            # opening the sentence before was introduced with an age: "Rute Vicente Oliveira, 48, ...")
            if subject and not set(subject.split()) & set(full.split()) \
                    and not named_by_own(subject):
                subject_sex = _known_sex(text, subject, speaker_start)
                unknown = not subject_sex and not _known_sex(text, full, speaker_start)
                if subject_sex == sex or (unknown and (_aged(text, subject) or not _person_like(full))):
                    return subject  # the sentence before is about another person, of the pronoun's sex
            other = _only_other_person(text, speaker_start, known, full)
            if other and not sex_clash(sex, _known_sex(text, other, speaker_start)) and not named_by_own(other):
                return other
        return None if sex_clash(sex, _known_sex(text, full, speaker_start)) else full
    if low in ("they", "it", "we", "i", "you", "who"):
        return None
    tail = _name_tail(speaker)
    if tail and len(tail.split()) == 1:
        full = _full_name(tail, seen, titled, speaker_start, name_sex(speaker))
        return full if full != tail else None
    return tail if tail and tail != speaker else None


def _member_names(text: str, toks: Sequence[_Tok], members: Sequence[tuple[int, int]], written: dict[str, int],
                  titled: Titled, titled_speakers: dict[tuple[int, str], int]) -> list[str]:
    """The names of the people a list of speakers ``toks`` writes (``members``: each one's token range
    there): each member by the full name the article gave before ("Tom Reed" for "Reed"), by its name
    ("John Kasich" for "Ohio Gov. John Kasich") or as written ("a spokesman")."""
    names = []
    for a, b in members:
        if _is_cap(toks[a]) and toks[a].low not in _DETS:  # a name less its place: "Sen. Rand Paul of Kentucky"
            # (not a determiner that opens the sentence: "The president and his doctors say")
            b = next((x for x in range(a + 1, b) if not _is_cap(toks[x]) and toks[x].text != "."), b)
        words = text[toks[a].start:toks[b - 1].end]
        names.append(_resolve(words, toks[a].start, written, titled, text, titled_speakers)
                     or _name_tail(words) or words)
    return names


# "X quoted Jong as saying", "quoting his client as saying", "quoted Fatos Klosi, the head of Shik,
# ..., as saying": the one quoted (up to seven words, then up to two parts of an apposition set off
# by commas)
_QUOTED_AS = re.compile(r"\s+((?:[\w.’'-]+\s+){0,6}?[\w.’'-]+)(?:(?:,(?:\s+[\w.’'-]+){1,8}){1,2},)?"
                        r"\s+as\s+(?:saying|telling|stating|declaring)\b(?:\s+that\b)?\s*")


def _quoted_as(text: str, f: _Found) -> tuple[_Found, str | None]:
    """"``...,'' KCNA quoted Jong as saying": the words are Jong's, relayed by KCNA; returns the
    quote with the one quoted as its speaker (and its content from after "as saying (that)" when it
    was read from the cue on) and the relayer's phrase, or the quote unchanged and None."""
    quoted = _QUOTED_AS.match(text, f.cue[1]) \
        if text[f.cue[0]:f.cue[1]].lower().endswith((*_QUOTING, "quoting", "citing")) else None
    if quoted is None:
        return f, None
    start, frags = f.start, f.fragments
    # (only a content read from the cue on starts after "as saying": a quotation before the cue that
    # runs on into the next one ('"A," the radio quoted him as saying Sunday. "B."') keeps both)
    if f.cue[0] <= f.start <= quoted.start(1) < quoted.end() < f.end:
        start = quoted.end()
        frags = tuple((max(a, start), b) for a, b in frags if b > start)
    if f.relayer is not None:  # the one quoted read already (``_quoted_as_saying``), the name of an apposition too
        return f, text[f.relayer[0]:f.relayer[1]]
    relayer = text[f.speaker[0]:f.speaker[1]] if f.speaker else None
    return _Found(start, f.end, frags, (quoted.start(1), quoted.end(1)), f.cue), relayer


# a preposition right before a speaker phrase: the phrase is its object, not the one who spoke
_GOVERNED_AT = re.compile(r"\b(?:" + "|".join(sorted(PREPOSITIONS)) + r")\s+$", re.IGNORECASE)


def _restore_marks(work: str, f: _Found) -> _Found:
    """A span that ends on the first half of a two-character quotation mark takes the second."""
    def fix(e: int) -> int:
        return e + 1 if work[e - 1] == '"' and e < len(work) and work[e] == "\x1f" else e

    frags = tuple((a, fix(b)) for a, b in f.fragments)
    return _Found(f.start, fix(f.end), frags, f.speaker, f.cue)


# --- public ---------------------------------------------------------------------------------------

# a relative clause about someone else between a speaker and the verb: "Monica Hawkins, whose cousin,
# Jay Jasan, died on the flight, said ..." is Hawkins's; "said Jane B. Lathem, whose son, Ray W.
# Lathem, died in the crash" is Jane B. Lathem's (a "who" clause is left in the span: the speaker's
# display name stops at its comma anyway)
_WHOSE_BEFORE = re.compile(r"([A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|[A-Z]\.)){1,3}),\s+whose\s+[a-z]+(?:\s+[a-z]+)?,\s+$")
_WHOSE_IN = re.compile(r",\s+whose\s")


def _whose(text: str, f: _Found) -> _Found:
    """``f`` with its speaker moved out of a relative clause about someone else (``_WHOSE_BEFORE``),
    or cut where a relative clause after it begins."""
    if not f.speaker:
        return f
    a, b = f.speaker
    m = _WHOSE_BEFORE.search(text, max(0, a - 100), a)
    if m and re.search(r",\s+[a-z]", text[a:b]):  # ("Jay Jasan, died on the flight,": not "Tim Cook")
        return _Found(f.start, f.end, f.fragments, (m.start(1), m.end(1)), f.cue)
    w = _WHOSE_IN.search(text, a, b)
    if w and w.start() > a:
        return _Found(f.start, f.end, f.fragments, (a, w.start()), f.cue)
    return f


# A transcript's speaker label opening a line: "PENCE: ...", "CHRIS WALLACE, FOX NEWS: ...", "SEN.
# MARCO RUBIO (R-FLA.): ...", "COOPER -LRB- voice over -RRB- : ..." (a tokenized text), after an
# opening quotation mark when a transcript is quoted whole. The name: up to four words in capitals.
_LABEL_BRACKET = r"(?:[ ]?(?:\([^()\n]{0,60}\)|-LRB-(?:(?!-[LR]RB-)[^\n]){0,60}-RRB-)){0,3}"
SPEAKER_LABEL = re.compile(
    r"(?m)^[ \t]*[\"“]?(?P<name>[A-Z][A-Z.'’-]*[A-Z.](?:[ ][A-Z][A-Z.'’-]*[A-Z.]){0,3})" + _LABEL_BRACKET
    + r"(?P<title>[ ]?,[ ][A-Z][A-Z.,'’&/ -]{1,80}?)?" + _LABEL_BRACKET + r"[ ]?(?P<colon>:)[ \t]+(?=\S)")
# labels that head a page's furniture or an interview's turns, not a speaker's name
_NOT_SPEAKER_LABELS = frozenset("""update updated updates note editor's editors correction corrections clarification
watch video videos photo photos photograph graphic caption file see related read more also source sources advertisement
breaking exclusive click here analysis opinion live warning transcript transcripts begin end voice over
listen subscribe sign contact email twitter facebook topics tags published location date title subject from to cc
re fw top stories headlines sports weather traffic business politics world national local entertainment health
science tech q a question answer unidentified male female crowd group protesters protester announcer narrator
various audience soundbite sot vo commercial break crosstalk inaudible laughter applause music bio summary background disclaimer
follow share print comments comment credit credits image images map chart table key facts
moderator host hosts reporter reporters interviewer caller callers plaintiff defendant witness participant
student students teacher man woman men women voices spokesman spokeswoman official
results election anchor correspondent meteorologist contributor producer analyst""".split())
TRANSCRIPT_TURNS = 2  # speaker labels, of two or more people, that make a text a transcript


# function words, which run-in heads have and names do not ("HOW IT WORKS:", "THE PACKAGE:", "IN ATLANTA:")
_LABEL_STOP = frozenset("""the a an of in on at for with to from by into about over under after before how what
why when where who whom which it its is are was were be and or but nor this that these those our your my we you they
their his her not no so if than as""".split())


def speaker_labels(text: str) -> list[re.Match[str]]:
    """The transcript speaker labels of ``text`` (``SPEAKER_LABEL``), page furniture ("UPDATE:",
    "EDITOR'S NOTE:", "Q:") and run-in heads with function words ("HOW IT WORKS:", "IN ATLANTA:")
    left out. Read once per text: the recogniser and the quote extractor both ask."""
    return list(_speaker_labels(text or ""))


@lru_cache(maxsize=8)
def _speaker_labels(text: str) -> tuple[re.Match[str], ...]:
    return tuple(m for m in SPEAKER_LABEL.finditer(text)
                 if not any(w.lower().strip(".") in _NOT_SPEAKER_LABELS or re.split(r"['’]", w.lower())[0] in _LABEL_STOP
                            for w in m.group("name").split()))


# the words of someone speaking to others: a transcript's turns use them, a list of run-in heads
# ("AUSTRALIA: Even pubs are succumbing ...", "PRICE RANGE: $40,000 ...") seldom does
_SPEAKING = re.compile(r"\b(?:I|I'm|I've|I'll|I'd|[Ww]e|[Ww]e're|[Ww]e've|[Ww]e'll|[Yy]ou|[Yy]ou're|[Yy]ou've|[Yy]our|"
                       r"[Mm]y|[Oo]ur|us|me|[Ll]et's)\b")  # (case kept: "the US slowdown" is no one speaking)
_SPEAKING_CAPS = re.compile(r"\b(?:I|I'M|WE|WE'RE|YOU|YOU'RE|YOUR|MY|OUR|ME|LET'S)\b")  # ("US" may be the country)


def _spoken(turn: str) -> bool:
    """Whether a turn speaks in the first or second person (a turn in capitals too)."""
    return bool((_SPEAKING_CAPS if turn.isupper() else _SPEAKING).search(turn))


# a quoted passage (typewriter, curly or straight marks), its words in the group that matched
QUOTED_PASSAGE = re.compile(r"``(.*?)''|“(.*?)”|\"(.*?)\"", re.DOTALL)
SPOKEN_SHARE = 0.3  # the share of a transcript's turns that speak so


_ANONYMOUS = re.compile(r"(?:unidentified|unknown|unnamed|anonymous)\s+(?:male|female|man|woman|speaker|voice|person)\b",
                        re.I)


def is_anonymous_label(name: str) -> bool:
    """Whether a transcript's label names no one ("UNIDENTIFIED MALE", "Unknown speaker")."""
    return bool(_ANONYMOUS.match(name))


def transcript_labels(text: str, least: int = 2,
                      labels: Sequence[re.Match[str]] | None = None) -> list[re.Match[str]]:
    """The speaker labels of ``text`` when it is a transcript: at least ``least`` labels, of two or
    more people, one of whom speaks twice, and turns that read as speech (``SPOKEN_SHARE`` of them in the first or second
    person); none otherwise. ``labels``: ``speaker_labels(text)`` when already read."""
    labels = speaker_labels(text) if labels is None else list(labels)
    surnames = Counter(m.group("name").split()[-1] for m in labels)
    if len(labels) < least or len({m.group("name") for m in labels}) < 2 or max(surnames.values()) < 2:
        return []  # (run-in heads name each thing once: "AUSTRALIA: ...", "BELGIUM: ..."; speakers take turns)
    ends = [m.start() for m in labels[1:]] + [len(text)]
    # (what a turn quotes is someone else's speech: "AUSTRALIA: ... ``If your boss smokes ...''")
    spoken = sum(_spoken(QUOTED_PASSAGE.sub(" ", text[m.end():min(e, m.end() + 1500)])) for m, e in zip(labels, ends))
    return labels if spoken >= SPOKEN_SHARE * len(labels) else []


# a label's title that makes the speaker one of the broadcaster's own people, whose turns are the
# programme's talk ("WOLF BLITZER, CNN ANCHOR", "NIC ROBERTSON, CNN SENIOR INTERNATIONAL CORRESPONDENT");
# a producer, an editor or an analyst only of a broadcaster ("CNN NATIONAL SECURITY ANALYST", not
# "FILM PRODUCER" or "EDITOR, THE LANCET", guests)
_STAFF_TITLE = re.compile(r"\b(?:ANCHOR|HOST|CO-HOST|CORRESPONDENT|REPORTER|METEOROLOGIST|MODERATOR|NEWSCASTER|"
                          r"PRESENTER)\b")
_MEDIA_STAFF_TITLE = re.compile(r"\b(?:PRODUCER|CONTRIBUTOR|EDITOR|COLUMNIST|COMMENTATOR|ANALYST|BUREAU CHIEF)\b")
_MEDIUM = re.compile(r"\b(?:NEWS|CNN|MSNBC|FOX|NBC|CBS|ABC|BBC|NPR|PBS|CNBC|TV|RADIO|TELEVISION)\b")


def is_turn(q: Quote) -> bool:
    """Whether a quote is a transcript's turn (``_transcript_turns``): a label in capitals, then ":"."""
    return q.cue == ":" and (q.speaker or "").isupper()


def staff_title(title: str) -> bool:
    """Whether a label's title (in capitals) makes its bearer one of a broadcaster's own people."""
    return bool(_STAFF_TITLE.search(title) or (_MEDIA_STAFF_TITLE.search(title) and _MEDIUM.search(title)))


def broadcast_staff(texts: Iterable[str]) -> set[str]:
    """The labels (in capitals) whose turns are no source's words in the transcripts among ``texts``:
    the broadcasters' own people (anchors, hosts, correspondents) by their full labels ("WOLF BLITZER")
    and their surnames alone ("BLITZER"). A surname that a guest's label gives too ("SEN. MARY HOLT"
    beside "JOHN HOLT, CNN ANCHOR") is among them: "HOLT:" alone is no one's for sure."""
    staff: set[str] = set()
    for t in texts:
        for m in speaker_labels(t):
            if staff_title(m.group("title") or ""):
                staff.add(m.group("name"))
    return staff | {n.split()[-1] for n in staff}


def titled_label(name: str) -> str:
    """A name in capitals as a name is written: "CHRIS WALLACE" -> "Chris Wallace", "MCCAIN" ->
    "McCain", "O'BRIEN" -> "O'Brien"."""
    def word(w: str) -> str:
        t = "".join(p[:1].upper() + p[1:].lower() if p else p for p in re.split(r"(?<=['’-])", w))
        return re.sub(r"^(Mc)([a-z])", lambda m: m.group(1) + m.group(2).upper(), t)
    return " ".join(word(w) for w in name.split())


def _transcript_turns(text: str, article_id: str, taken: Sequence[Quote],
                      labels: Sequence[re.Match[str]]) -> list[Quote]:
    """The turns of a transcript: each label's words to the end of its paragraph (in a text of one
    sentence per line, up to the next label or stage direction, at most ``_TURN_LINES`` lines), a
    direct quote of the one the label names. Only in a text with ``TRANSCRIPT_TURNS`` labels of two
    or more people; not where another quote already spans the same words. The speaker is written as a
    name ("PENCE" -> "Mike Pence" when the text writes him so, else "Pence")."""
    labels = transcript_labels(text, TRANSCRIPT_TURNS, labels)
    if not labels:
        return []
    per_line = "\n\n" not in text and line_per_sentence(text)
    starts = {m.start() for m in labels}
    taken_spans = {(q.start, q.end) for q in taken}
    given: dict[str, set[str]] = {}  # a surname -> the labels that give it a first name ("WALLACE": "CHRIS WALLACE")
    for m in labels:
        words = _untitled(m.group("name").split())
        if len(words) >= 2:
            given.setdefault(words[-1], set()).add(" ".join(words))
    full = {last: names.pop() for last, names in given.items() if len(names) == 1}  # (two Pences: neither)
    written: dict[str, str] = {}  # each label's name as the text writes it, read once
    out: list[Quote] = []
    for m in labels:
        s = m.end()
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        if per_line and any(x > m.start() for x in starts):  # (the last turn: nothing tells where it ends)
            for _ in range(_TURN_LINES - 1):
                nxt = e + 1
                far = text.find("\n", nxt)
                line = text[nxt:len(text) if far < 0 else far]
                if nxt >= len(text) or nxt in starts or line.startswith(("-LRB-", "(")) or _REPORTED_LINE.search(line):
                    break  # (the narration after a programme's last turn: "`` We need help , '' Perry said .")
                e = len(text) if far < 0 else far
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s < 2 or (s, e) in taken_spans:
            continue
        name = m.group("name")
        if name not in written:
            written[name] = _written_name(text, full.get(name, name))
        a, b = m.span("name")
        colon = m.span("colon")
        out.append(Quote(start=s, end=e, text=text[s:e], kind="direct", speaker=name, speaker_start=a,
                         speaker_end=b, cue=":", cue_start=colon[0], cue_end=colon[1], article_id=article_id,
                         speaker_resolved=written[name], fragments=((s, e),)))
    return out


_TURN_LINES = 8
_REPORTED_LINE = re.compile(r"``|''|[\"“”]|\b(?:said|says)\b")


def _untitled(words: list[str]) -> list[str]:
    """A label's words less the titles and roles before the name ("SEN. MARCO RUBIO": MARCO RUBIO;
    "HOUSE SPEAKER PAUL RYAN": PAUL RYAN; a name of two words is kept)."""
    while len(words) > 1 and (words[0].lower().rstrip(".") in _HONORIFICS or words[0].lower() in _TITLE_WORDS
                              or (len(words) > 2 and words[0].lower() in ROLE_HEADS | ROLE_MODS)):
        words = words[1:]
    return words


def _given_name(word: str) -> bool:
    """Whether a capitalised word before a surname can be a given name ("Barack", "Mary"; not
    "President", "Gov", "Monday", "The")."""
    low = word.lower()
    return bool(first_name_sex(word)) or not (low in _TITLE_WORDS or low in _HONORIFICS or low in _STOP
                                              or low in _DAYS or low in _MONTHS or low in _DETS
                                              or low in _NOT_PERSON_WORDS)


def _written_name(text: str, label: str) -> str:
    """How the text writes the person a label in capitals names: the full name it gives the surname
    ("PENCE" after "Gov. Mike Pence" -> "Mike Pence"), else the label written as a name."""
    words = label.split()
    sex = TITLE_SEX.get(words[0].lower().rstrip("."), 0) if len(words) > 1 else 0  # ("MRS. PENCE": a woman)
    words = _untitled(words)
    for m in re.finditer(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", text, re.IGNORECASE):
        if not m.group().isupper() and m.group()[:1].isupper():
            name = " ".join(m.group().split())  # as the text writes it ("ELBARADEI": "ElBaradei")
            break
    else:
        name = titled_label(" ".join(words))
    if len(words) == 1 and len(name) > 1:
        fulls = {f"{m.group(1)} {name}" for m in re.finditer(r"\b([A-Z][a-z]+(?:\s+[A-Z]\.)?)\s+" + re.escape(name) + r"\b", text)
                 if _given_name(m.group(1).split()[0]) and not sex_clash(sex, first_name_sex(m.group(1).split()[0]))}
        if len(fulls) == 1:  # (not when two of that name are written: "Mary Pence", "Mike Pence")
            return fulls.pop()
    return name


# three marks right after a word close a single quotation inside a typewriter one ("'a harbor,'''"):
# the single mark first, then the double
_CLOSING_TRIPLE = re.compile(r"(?<=[^\s'])'''")


def with_typewriter_marks(text: str) -> str:
    """``text`` with typewriter quotes (''...'' and ``...'') read as quotation marks: each one mark plus
    a filler of the same length, so that offsets stay those of ``text``; three marks that close a
    single quotation inside a typewriter one read as the single mark, then the double one."""
    if "''" in text or "``" in text:
        if "'''" in text:
            text = _CLOSING_TRIPLE.sub("'\"\x1f", text)
        return text.replace("``", '"\x1f').replace("''", '"\x1f')
    return text


def extract_quotes(text: str, article_id: str = "", *, typewriter_marks_quote: bool = True) -> list[Quote]:
    """Direct, indirect and mixed quotes of ``text`` with speaker and cue spans (see module doc).

    Offsets are character offsets into ``text``. Never raises on odd input: text it cannot read
    yields fewer quotes, not an error. Typewriter quotation marks (''...'', ``...'') delimit quotes
    either way; with ``typewriter_marks_quote=False`` they do not make a quote direct or mixed
    (the convention of the PolNeAR conversion, which counts double quotation marks only)."""
    if not text or not isinstance(text, str):
        return []
    original = text
    text = with_typewriter_marks(text)
    regions = quoted_regions(text)
    titled = _titled_names(text)
    paras = _paragraphs(text)
    para_starts = {s: k for k, (s, _) in enumerate(paras)}
    if live_log(text):  # (a live page's entry opens a paragraph past its time: ``_past_live_stamps``)
        para_starts.update({live_stamp_end(text, s, e): k for k, (s, e) in enumerate(paras)})
    quotes: list[Quote] = []
    written: dict[str, int] = {}  # each person quoted so far -> where last written (see ``_resolve``)
    titled_speakers: dict[tuple[int, str], int] = {}  # a prior speaker written with a title -> its sex
    seen: set[tuple[int, int]] = set()
    # a speaker's words, or (sentence, "he"/"she"), -> whom they were resolved to
    by_span: dict[tuple[int, int] | tuple[int, str], str] = {}
    sents = _sentences(text, regions)
    for si, (ss, se) in enumerate(sents):
        toks = _tokens(text, ss, se, regions)
        if not toks:
            continue
        nxt = None
        if si + 1 < len(sents) and sents[si + 1][0] in para_starts:
            nxt = _quote_starting(regions, sents[si + 1][0])
        title = si == 0 and bool(paras) and (ss, se) == paras[0] and len(toks) <= 40
        # (a caption that quotes a name: 'Ban Ki-moon: "Haiti will need every ounce of help"')
        title = title or _caption_quote(text, regions, ss, se) is not None
        try:
            found = _sentence_quotes(text, toks, nxt, title)
        except Exception:  # a malformed sentence never fails its article
            continue
        for f in found:
            if f.cue[0] >= f.end and text[f.end - 1] in _QUOTE_CHARS:
                f = _continue_quote(text, f, sents, si, para_starts, regions)
            if (f.start, f.end) in seen or f.end <= f.start:
                continue
            seen.add((f.start, f.end))
            relayed_by, relayer = _quoted_as(original, f)
            him = None  # "quoted him as saying": whom "him" is, resolved once
            if relayer is not None and relayed_by.speaker:
                quoted = original[relayed_by.speaker[0]:relayed_by.speaker[1]]
                if quoted.lower() in ("him", "her"):
                    him = _resolve(quoted, relayed_by.speaker[0], written, titled, original, titled_speakers)
                    if him is None:
                        relayer = None  # "NTV quoted him as saying" with no one "him" can be: the quote stays NTV's
            if relayer is not None:
                f = relayed_by
            kind = _kind(text if typewriter_marks_quote else original, f.fragments)
            if text is not original:
                f = _restore_marks(text, f)
            f = _whose(original, f)
            speaker = original[f.speaker[0]:f.speaker[1]] if f.speaker else None
            before = quotes[-1] if quotes and quotes[-1].speaker_resolved else None
            # one pronoun is one person: ""I prefer Kasich," he said, noting he had backed Rubio"; so
            # is a pronoun said again in its sentence ("Victory is vital, he said after meeting
            # Trump aides, because he said party leaders ...")
            again = speaker.lower() if speaker and speaker.lower() in ("he", "she") else None
            resolved = him or (f.speaker and by_span.get(f.speaker)) or (again and by_span.get((si, again))) or (
                _resolve(speaker, f.speaker[0], written, titled, original, titled_speakers,
                         (before.start, before.end) if before else None, (f.start, f.end))
                if speaker and f.speaker else None)
            if resolved and f.speaker:
                by_span.setdefault(f.speaker, resolved)
                if again:
                    by_span.setdefault((si, again), resolved)
            elif speaker and not again and (resolved or _person_like(_name_tail(speaker) or "")):
                # someone named speaks in between: a later "he" of the sentence may be that one
                by_span.pop((si, "he"), None)
                by_span.pop((si, "she"), None)
            said_by_toks = _tokens(text, *f.speaker, regions) if speaker and f.speaker and " and " in speaker else []
            members = _list_members(said_by_toks) if said_by_toks else None
            if members:
                # a list of people speaks as a group: each named in full where the article tells who
                # ("Reed, Hale and a spokesman" after "Senator Tom Reed" and "Gov. Ann Hale"), none of
                # them alone; a later "he" may be one of them (the last named, as ``_resolve`` weighs them)
                names = _member_names(original, said_by_toks, members, written, titled, titled_speakers)
                resolved = ", ".join(names[:-1]) + " and " + names[-1]
                for name, (a, _) in zip(names, members):
                    if _person_like(name):  # (each where the list writes it)
                        written[name] = max(said_by_toks[a].start, written.pop(name, -1))
            full = None if members else resolved or (
                speaker if speaker and _person_like(_name_tail(speaker) or "") else None)
            if full and f.speaker and not resolved and _GOVERNED_AT.search(original, max(0, f.speaker[0] - 12), f.speaker[0]):
                full = None  # "Investigators in the bombing of the embassy in Tanzania said ...": no later "he"
            speaker_words = (speaker or "").split()
            outlet = bool(speaker) and without_medium(speaker_words) != speaker_words
            # (nor what shows or found something, a poll or a record: "results of the 1999 Massachusetts
            # Comprehensive Assessment System show ..."; "Wentz found that ..." is a man)
            said_by = (speaker or "").lower().split()
            finding = _cue_word(original, f) in _EVIDENCE_VERBS and bool(said_by) and (
                said_by[0] in _DETS or any(w.strip(",.") in _EVIDENCE_NOUNS for w in said_by))
            if full and not outlet and not finding:  # ("the Interfax news agency said": an outlet, whom no later "she" is)
                tail = _name_tail(full) or full
                if _person_like(tail):
                    written[tail] = max(f.start, written.pop(tail, -1))  # (the last written last)
                    speaker_title = _SPEAKER_TITLE.match(speaker or "")
                    if speaker_title:
                        titled_speakers[(f.start, tail)] = TITLE_SEX.get(speaker_title.group(1).lower(), 0)
            quotes.append(Quote(
                start=f.start, end=f.end, text=original[f.start:f.end],
                kind=kind,
                speaker=speaker,
                speaker_start=f.speaker[0] if f.speaker else None,
                speaker_end=f.speaker[1] if f.speaker else None,
                cue=original[f.cue[0]:f.cue[1]], cue_start=f.cue[0], cue_end=f.cue[1],
                article_id=article_id,
                speaker_resolved=resolved,
                fragments=f.fragments,
                reported_by=_name_tail(relayer) or relayer if relayer else None,
            ))
    found_labels = speaker_labels(original)
    if found_labels:  # a label's words are no cue ("COOPER (voice over):" is not Cooper voicing anything)
        heads = [m.start("name") for m in found_labels]

        def in_label(at: int | None) -> bool:
            k = bisect.bisect_right(heads, at) - 1 if at is not None else -1
            return k >= 0 and at is not None and at < found_labels[k].start("colon")

        quotes = [q for q in quotes if not in_label(q.cue_start)]
    turns = _transcript_turns(original, article_id, quotes, found_labels)
    if turns:  # a turn replaces what was read of its label before ("ROWE (voice over):" as one speaker)
        colons = {q.cue_start for q in turns}
        quotes = [q for q in quotes if q.cue_start not in colons] + turns
    cut = comments_start(original)
    if cut is not None:  # what readers wrote under the article is no one's quote of its story
        cut = original.rfind("\n", 0, cut) + 1  # (from the line of the first comment's mark)
        quotes = [q for q in quotes if q.end <= cut and (q.speaker_end or 0) <= cut]
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes
