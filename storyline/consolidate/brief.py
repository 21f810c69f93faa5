"""The Brief of one story: headline, cited summary and every other consolidated part."""

from __future__ import annotations

import bisect
import functools
import logging
import math
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Callable, Collection, Iterable, Mapping, Sequence

from ..analyze.dct import with_inferred_dates
from ..analyze.ner_roles import first_name_sex
from ..analyze.quotes import PREPOSITIONS
from ..analyze.sentences import headline_end
from ..analyze.timex import MONTHS, WEEKDAYS
from ..records import (AnalyzedArticle, Article, Brief, Citation, ClaimValue, Disagreement, Entity, Mention, QuoteGroup,
                       Revision, Sentence, SummarySentence, TimelineEntry)
from .disagreements import find_disagreements
from .entities import consolidate_entities, spelled_alike
from .quotes import describes, group_quotes
from .novelty import latest_lead, redundant_with
from .referents import with_referents, without_unplaced
from .revisions import revision_of
from .novelty import new_since as _new_since
from .summary import SummaryConfig, summarize, transcripts
from .summary_text import (NUMBER_WORDS, STOP, UNIQUE_HEADS, bare_verb_end, closing_definite_speaker, content_stems,
                           count_definite_heads, dateline_place, definite_subject, demonstrative_heads, display_text, late_pronoun_subject,
                           lower_cased_page,
                           object_pronoun_back, placed_here, sentence_case, stems, tokens, trim_span)
from .template import blank_analyses, without_template
from .timeline import timeline

__all__ = ["build_brief", "choose_headline", "cut_headline", "headline_from", "headline_title", "lead_title"]

log = logging.getLogger("storyline")


def choose_headline(articles: Sequence[Article], summary: Sequence[SummarySentence]) -> str:
    """The title that tells the story best: the one whose words the story's articles repeat most
    (for each title, the share of its content words found in each article's text, summed over the
    articles, times log(1 + its content words), so that a three-word explainer title does not win
    on share alone; ties to the shorter title, then the earlier article). It does not depend on the
    summary's length. Without titles, the first summary sentence; so too when the titles are a few
    in a story mostly without, and the best of them tells what the articles repeat poorly (under
    ``TITLE_COVERAGE`` of its words in the average article: one outlet's title of a side of the story)."""
    titled = [a for a in articles if a.title]
    if titled:
        texts = [set(content_stems(a.text)) for a in articles]

        def coverage(a: Article) -> float:
            words = set(content_stems(a.title or ""))
            return sum(len(words & t) / len(words) for t in texts) / len(texts) if words else 0.0

        def score(a: Article) -> float:
            return math.log1p(len(set(content_stems(a.title or "")))) * coverage(a)

        best = max(enumerate(titled), key=lambda ia: (round(score(ia[1]), 6), -len(ia[1].title or ""), -ia[0]))[1]
        if not (summary and 3 * len(titled) < len(articles) and coverage(best) < TITLE_COVERAGE):
            return headline_title(best.title or "")
    if summary:
        first = summary[0]
        source = next((a for a in articles if a.id == first.article_id), None)
        words = source.text[first.start:first.end] if source is not None and first.end > first.start else ""
        # the sentence's own words: no date note "(Nov. 7, 1998)" cut in half by the headline's length
        return headline_from(sentence_case(display_text(words if words.strip() else first.text)))
    return "Untitled story"


HEADLINE_WORDS = 14
# a sentence, or its first clause, up to this long is shown whole: cutting a few words off it
# ("... dropped their interest rate to 3 …") saves a reader less than it loses
HEADLINE_MAX_WORDS = 20
TITLE_COVERAGE = 0.35   # (a tenth of the titles of DUC 2003/2004 and TAC 2011 fall under; no story's best)
# an opening phrase that sets the scene before the news ("In a critical ruling for the league, ...",
# "On Monday, ...", "After weeks of talks, ...", "A day after the vote, ..."): a headline starts after it
_TO_COMMA = r"[^,;:\"“”]{0,110},\s+(?=[A-Za-z])"  # the rest of a phrase, to its comma
_SCENE = re.compile(r"^(?:In|On|At|After|Before|During|Amid|Despite|With|Following|Since|As|For|Under|By|"
                    r"(?:(?:A|An|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Several|Just|Only|\d+)\s+"
                    r"(?:minutes?|hours?|days?|weeks?|months?|years?)|Minutes|Hours|Days|Weeks|Months|Years)"
                    r"\s+(?:after|before|since|into))\b" + _TO_COMMA)

_AND_SCENE = re.compile(r"(?:and|or|but|nor)\s")
_ADJECTIVE_COMMA = re.compile(r"(?:On|In|At|During)\s+(?:a|an|the)\s+(?:warm|cold|hot|cool|sunny|rainy|bright|dark|"
                             r"quiet|busy|wet|dry|crisp|clear|cloudy|windy|chilly|humid|grey|gray|snowy|foggy|"
                             r"balmy|bitter|freezing|scorching|steamy|stormy),\s+[a-z]")
# a scene that goes on after its first comma with another phrase of its kind ("..., at the time he
# usually left for work, ...")
_SCENE_ON = re.compile(r"(?:at|in|on|after|before|during|amid|as|when|while)\s" + _TO_COMMA)
_SCENE_REST = re.compile(_TO_COMMA)
_SCENE_MORE = re.compile(r"(?:and|or|but|nor)\s" + _TO_COMMA)
# ... but a count ("At least 231 people have been confirmed dead ..., bringing ...") is the news itself
_NOT_SCENE = re.compile(r"^(?:At (?:least|most)|As (?:many|much|few|little))\b")


# a headline does not end on a word that needs the words after it ("... agreement with …", "to 3 …")
_NO_END = frozenset("a an the of to in on at for with by from into onto over under about against between among "
                    "during after before since until as than and or but nor that which who whom whose when while "
                    "where because his her its their our your my this these those is are was were be been being "
                    "has have had will would can could shall should may might must do does did not no very "
                    "more most some any each every such".split()) | NUMBER_WORDS \
    | frozenset("try tries want wants plan plans agree agrees decide decides seek seeks hope hopes refuse "
                "refuses continue continues need needs fail fails vow vows promise promises threaten threatens "
                "able going set due likely".split())   # ... nor on one that wants its "to" ("to try …")
# a word that opens a clause of its own: a headline may end before it, within HEADLINE_MAX_WORDS
_CLAUSE_OPENERS = frozenset("who which whose whom where as after before when while because since until amid despite "
                            "although though but following unless whereas".split())
# ... but not after a word it makes one phrase with ("only weeks after", "shortly before", "even as")
_BOUND_TO_NEXT = frozenset("shortly soon just right even long only such so well same minutes hours days weeks "
                           "months years moments".split())
# a word that opens a phrase: a headline may end before it, within HEADLINE_WORDS
_PHRASE_OPENERS = frozenset("in on at for with by from into onto over under against between during near outside "
                            "inside across through toward towards without within along among around to".split())
# a phrase set off by commas that a headline can do without: an apposition or a relative clause
# ("Bob Lane, the incoming speaker of the House, took ..." -> "Bob Lane took ...")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_ASIDE = re.compile(r",\s+(?:who|which|whose|a|an|the|[a-z]+ed)\s[^,;:()\"“”]{3,120}?,\s+"
                    rf"(?=(?!(?:and|or|but|nor)\b)[a-z]|{_WEEKDAY})")
# "also" leans on what came before it ("The ministry also said ..."): a headline stands alone
_ALSO = re.compile(r"(?<!\bbut)(?<!\bonly)(?<!\band)\s+also\b(?=\s+[a-z])", re.I)


# a wire service's note closing a title: a desk code ("(HLW)"), a part number ("(1)"), a release or
# update note ("(FOR RELEASE THE WEEK OF MON., MAY 17)", "(UPDATE 2)"): no words of the story
_TITLE_NOTE = re.compile(r"\s*\((?:[A-Z]{2,5}|\d{1,2}|(?:FOR\s+RELEASE|EMBARGOED|UPDATE|UPDATED|CORRECTED|REFILE)"
                         r"\b[^()]*)\)\s*$")
# a title that runs on into its deck ("Sanders lays off 200 staffers; Win or not, candidate says, ...")
_DECK = re.compile(r";\s+(?=[A-Z])")


def headline_title(title: str) -> str:
    """An article's title as a story's headline: less a wire service's closing note ("(HLW)", "(FOR
    RELEASE ...)"), and less its deck after a semicolon when the two are longer than a headline
    (``HEADLINE_WORDS``) or the deck is a word or two ("; Obituary")."""
    title = _TITLE_NOTE.sub("", title.strip()) or title.strip()
    deck = _DECK.search(title)
    if deck and len(title[:deck.start()].split()) >= 4 \
            and (len(title.split()) > HEADLINE_WORDS or len(title[deck.end():].split()) <= 2):
        title = title[:deck.start()]
    return title


def headline_from(sentence: str, max_words: int = HEADLINE_WORDS) -> str:
    """A headline made of a sentence for a story without titles: its main clause first (an opening
    dateline or scene-setting phrase left out: "In a critical ruling for the NBA, arbitrator John
    Feerick decides ..." -> "Arbitrator John Feerick decides ..."), without an "also" that leans on
    what came before, and whole up to ``HEADLINE_MAX_WORDS`` words; a longer one loses its asides
    set off by commas, then is cut (``cut_headline``) with "…"."""
    text = _past_datelines(" ".join(sentence.split()))
    m = _SCENE.match(text)
    if m and _NOT_SCENE.match(text):
        m = None
    if m and _ADJECTIVE_COMMA.match(text):
        # "On a warm, sunny morning last Friday, ...": the first comma parts two adjectives
        m = _SCENE_REST.match(text, m.end()) or m
        on = _SCENE_ON.match(text, m.end())
        if on:
            m = on
    end = m.end() if m else 0
    while m and _AND_SCENE.match(text, end):  # "With X, and Y, the government ...": the scene goes on
        more = _SCENE_MORE.match(text, end)
        end = more.end() if more else 0
        if not more:
            m = None
    if m and len(text[end:].split()) >= 6:
        rest = text[end:]
        text = rest[:1].upper() + rest[1:]
    text = _ALSO.sub("", text)
    if len(text.split()) > max(max_words, HEADLINE_MAX_WORDS):
        shorter = _ASIDE.sub(" ", text)
        if len(shorter.split()) >= 6:
            text = shorter
    return cut_headline(text, max_words)


def _past_datelines(text: str) -> str:
    """``text`` less the datelines and slugs that open it ("CUBA-FLIGHTS — MIAMI — As ..." -> "As ...")."""
    for _ in range(3):
        i = trim_span(text, lead=True, attributions=False)[0]
        if not i or len(text[i:].split()) < 6:
            break
        text = text[i:]
    return text


def cut_headline(text: str, max_words: int = HEADLINE_WORDS) -> str:
    """``text`` whole up to ``HEADLINE_MAX_WORDS`` words (``max_words`` when it is larger), else cut
    where a reader sees a whole phrase, with "…": after a comma or before a word that opens a clause
    ("who", "as", "but") within ``HEADLINE_MAX_WORDS`` words, else before a preposition within
    ``max_words``, never after a word that needs the next ("the", "of", "to", a number), nor inside a
    name."""
    words = text.split()
    longest = max(max_words, HEADLINE_MAX_WORDS)
    if len(words) <= longest:
        return text

    def ends_well(k: int) -> bool:
        last = words[k - 1].lower().strip("\"“”'‘’()")
        return bool(last) and last not in _NO_END and not last[0].isdigit() \
            and not (words[k - 1][:1].isupper() and words[k][:1].isupper())

    low = max_words // 2 + 1
    clause = [k for k in range(low, longest + 1)
              if words[k - 1].endswith((",", ";", ":"))
              or (words[k] in _CLAUSE_OPENERS and ends_well(k) and words[k - 1] not in _BOUND_TO_NEXT)]
    phrase = [k for k in range(low, max_words + 1) if words[k] in _PHRASE_OPENERS and ends_well(k)
              and not words[k - 1].endswith(("ed", "ing"))]
    plain = [k for k in range(low, max_words + 1) if ends_well(k)]
    cut = max(clause or phrase or plain or [max_words])
    return " ".join(words[:cut]).rstrip(",;:-— ") + " …"


LEAD_TITLE_WORDS = 12
# a photo caption opening an article ("In this June 19, 2018, file photo provided by ...") is not its lead
_CAPTION = re.compile(r"^(?:in this\b.{0,80}?\b(?:photo|image|picture|video)\b|(?:file )?photo:)", re.I | re.S)
_CREDIT = re.compile(r"\((?:AP|AFP|Reuters|Getty)(?: Photo| Images)?/[^)]*\)\s*$")


def lead_title(a: Article, max_words: int = LEAD_TITLE_WORDS) -> str:
    """A short title for an article that has none, taken from its lead: the first sentence that is not
    a photo caption, less its dateline ("BEIJING -- "), cut to ``max_words`` words with "…" when cut.
    "" when the article has a title or no text. It is shown marked as derived, never as the title."""
    from ..analyze.sentences import sentence_spans
    from .timeline import past_page_stamp

    if a.title or not a.text:
        return ""
    text = a.text
    spans = sentence_spans(text, a.lang)
    lead = ""
    for k, (s, e) in enumerate(spans[:6]):
        sent = " ".join(text[s:e].split())
        if _CAPTION.match(sent) or _CREDIT.search(sent):
            continue
        if k > 0 and spans[k - 1][1] > 0 and "\n" not in text[spans[k - 1][1]:s]:
            # the caption's paragraph goes on: its second sentence is still the caption
            prev = " ".join(text[spans[k - 1][0]:spans[k - 1][1]].split())
            if _CAPTION.match(prev) or _CREDIT.search(prev):
                continue
        sent = sent[past_page_stamp(sent, 0, len(sent)):]  # "Page last updated at 07:43 GMT, ..."
        i, j, _ = trim_span(sent, lead=True, attributions=False)
        lead = sent[i:j]
        if any(ch.isalpha() for ch in lead):
            break
        lead = ""
    if not lead and spans:
        lead = " ".join(text[spans[0][0]:spans[0][1]].split())
    words = display_text(lead).split()   # (cut as read: no "-RRB-" cut to "-RRB")
    if len(words) <= max_words:
        return " ".join(words)
    cut = max_words
    for k in range(max_words, max_words // 2, -1):  # end at a clause's comma when one is near the limit
        if words[k - 1].endswith((",", ";", ":")):
            cut = k
            break
    return " ".join(words[:cut]).rstrip(",;:-— ") + " …"


def _reported(arts: Sequence[Article]) -> list[Article]:
    """The articles a brief's timeline reads: not broadcast transcripts, whose talk ("Davos really
    sort of kicking off tomorrow morning, Wednesday") dates no event, unless the story has nothing else."""
    talk = transcripts(arts)
    return [a for k, a in enumerate(arts) if k not in talk] or list(arts)


def article_info(a: Article) -> dict[str, object]:
    """What a Brief lists of each of its articles; ``lead_title``: for an untitled article, a short
    title derived from its lead (see ``lead_title``), "" when it has a title."""
    info: dict[str, object] = {"id": a.id, "title": display_text(a.title) if a.title else a.title,
                               "source": a.source, "url": a.url,
                               "published": a.published.isoformat() if a.published else None,
                               "published_inferred": a.published_inferred}
    if a.published_inferred and a.meta.get("dated_by"):   # "capture": only the day its page was captured dates it
        info["dated_by"] = str(a.meta["dated_by"])
    if not a.english:
        info["lang"] = a.lang
    if a.meta.get("revised_at"):   # a new version replaced the first one stored (see SQLiteStore.add_articles)
        info["revised"] = str(a.meta["revised_at"])[:10]
    try:
        info["lead_title"] = lead_title(a)
    except Exception:  # a title is an extra: never lose the brief over it
        log.exception("lead title failed for article %s", a.id)
        info["lead_title"] = ""
    return info


def _complete(arts: Sequence[Article], analyses: Mapping[str, AnalyzedArticle] | None
              ) -> dict[str, AnalyzedArticle]:
    """The analysis of every article: the given ones, the missing ones computed here (once)."""
    from ..analyze.analyze import analyze_article

    have = dict(analyses or {})
    return {a.id: have[a.id] if a.id in have else analyze_article(a) for a in arts}


# nominal speakers: "the agency" is the organisation named with that word; "the company" the firm named before
# the bodies only a state has ("Its government", "its army"): after a place, the place's
_STATE_BODIES = frozenset(["government", "cabinet", "parliament", "legislature", "army", "military", "navy", "ministry"])
_FIRM_NOUNS = frozenset(["company", "firm", "operator", "carrier", "group", "airline", "railway", "business",
                         "manufacturer", "maker", "retailer", "lender", "insurer", "bank"])
_PUBLIC_BODY = frozenset(["agency", "ministry", "department", "council", "commission", "police", "service", "court",
                          "government", "bureau", "office", "authority", "board", "administration", "committee",
                          "cabinet", "parliament", "senate", "congress", "legislature", "assembly", "army",
                          "military", "navy"])
_DESCRIPTION = re.compile(r"(?i:the)\s+(?:[\w-]+\s+){0,3}[a-z][a-z-]*$")  # "the Cuban leader", "the spokesman"
_NOMINAL = re.compile(r"^(?:the|its|their)\s+(?:[a-z-]+\s+)?([a-z]+)$", re.I)
_PREP_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(PREPOSITIONS)) + r")\s+$", re.IGNORECASE)
_LOOK_BACK = 2000
_NEAR = 300
# (a place's owner may stand between: "a small town in Canada's Prairies", "an office at Norland's port")
_WHERE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside|inside)\s+(?:the\s+)?(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s?\s+)?$")


_TITLE_BETWEEN = re.compile(r"(?:\s+[A-Z][\w.’'-]*){1,4}\s+")  # capitalised words, no comma: a title
# a relative clause set off inside a speaker phrase ("Ann Lee of the Harbor Trust, which has often criticized
# Tom Bell,"): the names in it are the clause's, not the speaker's
# a lower-case word after a name, not a preposition: the name qualifies a noun ("an Obama aide"); "Ann Lee of
# the Harbor Trust" is Ann Lee
_NOUN_AFTER = re.compile(r"\s+(?!(?:" + "|".join(sorted(PREPOSITIONS)) + r")\b)[a-z]")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|whom)\b")


def _entity_in_span(linked: Sequence[Mention], texts: Mapping[str, str] | None = None):  # type: ignore[no-untyped-def]
    """A lookup (article_id, start, end) -> the entity a speaker phrase names: the name mention that
    ends the phrase ("presidential spokesman Kim Eui-kyeom" -> the spokesperson; "Chinese state
    media" names no entity, "Chinese" only qualifies it). With ``texts`` (article id -> text), a
    nominal phrase resolves to the organisation the article has just named: "the agency" to the
    last organisation before it whose name has that word ("National Transport Safety Agency"),
    "the company" to the last organisation before it that is not a public body; or to the one person
    it has named with that role ("the president" after "President Tomas Varga")."""
    by_art: dict[str, list[Mention]] = {}
    for m in linked:
        if m.entity_id:
            by_art.setdefault(m.article_id, []).append(m)
    for ms in by_art.values():
        ms.sort(key=lambda m: m.start)
    # (indexes, so that a page with thousands of names does not read all of them for each quote)
    starts = {aid: [m.start for m in ms] for aid, ms in by_art.items()}
    longest = {aid: max(m.end - m.start for m in ms) for aid, ms in by_art.items()}
    named_in: dict[str, Counter[str | None]] = {aid: Counter(m.entity_id for m in ms) for aid, ms in by_art.items()}

    def named_before(aid: str, start: int) -> list[Mention]:
        """The article's mentions that end before ``start``, at most _LOOK_BACK characters before it, in order."""
        ms = by_art.get(aid, [])
        lo = bisect.bisect_left(starts.get(aid, []), start - _LOOK_BACK - longest.get(aid, 0))
        hi = bisect.bisect_right(starts.get(aid, []), start)
        return [m for m in ms[lo:hi] if m.end <= start and start - m.end <= _LOOK_BACK]

    def nominal(aid: str, start: int, end: int) -> str | None:
        text = (texts or {}).get(aid)
        if not text:
            return None
        mm = _NOMINAL.match(text[start:end].strip())
        if not mm:
            return holder(aid, start, text[start:end].strip())
        noun = mm.group(1).lower()
        prior = named_before(aid, start)
        before = [m for m in reversed(prior) if m.label == "ORG"]
        named = named_in.get(aid, Counter())

        def fits(m: Mention) -> bool:
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", m.text)}
            return noun in words or (noun in _FIRM_NOUNS and not words & _PUBLIC_BODY)

        # the organisation just named, when its name has the noun ("the agency" after "the National
        # Transport Safety Agency") or it is a firm for "the company"; not one of a list of such
        # names ("joins the National Hockey League, the National Football League and ... the league
        # said": which league?)
        if mm.group(0).split()[0].lower() == "its":
            # "Its officials said", "its spokesman": the one organisation the article has just named
            # (the possessive points back to it, whatever the noun); when two are near, or a state's body
            # follows a place named after it ("Vellco dug in Tarvonia. Its government said": the country's), as "the" reads
            bodies = {m.entity_id for m in before if start - m.end <= _NEAR}
            if len(bodies) == 1 and not (noun in _STATE_BODIES and any(
                    m.label == "LOC" and m.end > before[0].end for m in prior)):
                return bodies.pop()
        near = {m.entity_id for m in before if start - m.end <= _NEAR and fits(m)}
        if before and start - before[0].end <= _NEAR and fits(before[0]) and len(near) == 1:
            return before[0].entity_id
        # further back, one whose name has the noun, or a firm for "the company", that the article
        # names more than once (not a league it mentions in passing)
        for m in before:
            if fits(m) and named[m.entity_id] >= 2:
                return m.entity_id
        return holder(aid, start, mm.group(0))

    def holder(aid: str, start: int, phrase: str) -> str | None:
        # "the president", "the Cuban leader", "the opposition leader": the one person the article has
        # named before with that role (``describes``: "President Tomas Varga of Molvania met the envoy.
        # The president said ...", "Cuban President Ana Ruiz ... the Cuban leader said"); none when two
        # have ("President Obama ... President Mubarak"), nor a "Vice President Ann Holt" or "the club's
        # president, Jan Kowal" for "the president"
        if not _DESCRIPTION.match(phrase):
            return None
        # (not a first name alone after the title: "(Prime Minister Yevgeny) Primakov" is a cut name)
        holders = {m.entity_id for m in named_before(aid, start) if m.label == "PERSON" and m.role
                   and describes(phrase, m.role) and not (" " not in m.text.strip() and first_name_sex(m.text.strip()))}
        return holders.pop() if len(holders) == 1 else None

    def lookup(key: tuple[str, int | None, int | None]) -> str | None:
        aid, start, end = key
        if start is None or end is None:
            return None
        ms = by_art.get(aid, [])
        text = (texts or {}).get(aid)
        clause = _RELATIVE_CLAUSE.search(text, start, end) if text else None
        if clause:
            end = clause.start()  # the speaker is the head before its relative clause
        inside = [m for m in ms[bisect.bisect_left(starts.get(aid, []), start):bisect.bisect_right(starts.get(aid, []), end)]
                  if m.end <= end]
        if inside:
            if text:
                # a person named in the phrase is its head, unless only a possessor ("Obama's spokesman
                # Robert Gibbs"): "Bill Clinton, the UN envoy for Haiti," and "the UN envoy for Haiti,
                # Bill Clinton," are both Bill Clinton's
                # nor the object of a preposition ("A bodyguard to Michael Jackson", "a lawyer for Dr Murray")
                # nor a name that qualifies a noun after it ("the Nobel committee", "an Obama aide")
                people = [m for m in inside if m.label == "PERSON" and not re.match(r"\s*['’]s?\b", text[m.end:m.end + 3])
                          and not _PREP_BEFORE.search(text, max(start, m.start - 12), m.start)
                          and not (m.end < end and _NOUN_AFTER.match(text, m.end, end))]
                # nor a name before a title and the title's holder ("Former Clinton Defense Secretary
                # William Cohen" is Cohen)
                people = [m for k, m in enumerate(people) if not (
                    k + 1 < len(people) and _TITLE_BETWEEN.fullmatch(text, m.end, people[k + 1].start))]
                if people:
                    return people[0].entity_id
                # "Xinhua, the state news agency of China,": the name before the apposition is the head
                comma = text.find(",", start, end)
                before = [m for m in inside if m.end <= comma] if comma > inside[0].start else []
                if before:
                    inside = before
                    end = comma
            last = inside[-1]
            if text and (_WHERE_BEFORE.search(text, max(start, last.start - 40), last.start)
                         or _PREP_BEFORE.search(text, max(start, last.start - 12), last.start)):
                return None  # "a Christian Aid staff member in Haiti", "a bodyguard to X": the member speaks
            rest = text[last.end:end] if text else ""
            if not rest.strip(" ,'’s\"”"):  # the name is the phrase's head
                return last.entity_id
            if last.label in ("PERSON", "ORG"):
                return None
        return nominal(aid, start, end)  # ("the Cuban leader": a people's name qualifies the role)

    return lookup


# a brief ends on whole sentences (benchmarks may fill the last words with a cut sentence)
# a reader's brief keeps who said it ("..., the fire service said"): sources disagree, and the brief shows it
# and leaves sentences that point back to what it does not show ("that figure") to fill a thin pool;
# it is stricter on repeats than the benchmarks: two sentences at TF-IDF cosine 0.4 tell one fact
# ("Forecasters warned that more rain on Wednesday could raise the river" / "expect more rain on
# Wednesday, which could push the river higher")
BRIEF_SUMMARY = SummaryConfig(fill_words=False, trim_attributions=False, reader=True, redundancy=0.4)
FOCUS_SUMMARY = replace(BRIEF_SUMMARY, query_only=True)  # a focused brief: only sentences on its subject


@functools.lru_cache(maxsize=65536)  # a focus folds every name of the story, thousands on a scraped page
def _fold(text: str) -> str:
    """Lower case, accents off, runs of other characters as one space: how a name asked is compared."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[^\W_]+", text))


def focus_entity(about: str, entities: Sequence[Entity]) -> Entity | None:
    """The entity ``about`` names: one whose name or a spelling of it is ``about`` (in any case, with or
    without accents and hyphens), else the most important one whose name holds all of ``about``'s
    words ("Trump" -> Donald Trump), else one whose name ``about`` spells another way ("Kadhafi" ->
    Moammar Gadhafi: ``spelled_alike``); None when it names none (a subject such as "sanctions")."""
    asked = _fold(about)
    if not asked:
        return None
    names = [(e, {_fold(n) for n in (e.name, *e.aliases)} - {""}) for e in entities]
    for e, ns in names:
        if asked in ns:
            return e
    words = set(asked.split())
    for e, ns in names:  # entities are sorted by importance
        if e.label != "MISC" and any(words <= set(n.split()) for n in ns):
            return e
    for e, ns in names:  # another spelling of the name, or of its last word ("Kadhafi" -> Moammar Gadhafi)
        if e.label != "MISC" and any(spelled_alike(about, n) or (" " not in about.strip() and spelled_alike(about, n.split()[-1]))
                                     for n in ns):
            return e
    return None


def _about(citations: Sequence[Citation], text: str, spans: Mapping[str, Sequence[tuple[int, int]]] | None,
           query: str | None) -> bool:
    """Whether a timeline entry tells of the focus: a cited passage holds one of the entity's mentions
    (``spans``), or its text holds a content word of ``query``."""
    if spans is not None:
        return any(c.start <= st < c.end for c in citations for st, _ in spans.get(c.article_id, ()))
    words = set(content_stems(query or ""))
    return bool(words & set(content_stems(text)))


def _readable(summary: Sequence[SummarySentence], arts: Sequence[Article]) -> list[SummarySentence]:
    """Summary sentences with their relative dates written out ("Tuesday (Jan. 8, 2019)"), anchored at
    the (possibly inferred) date of the article each was taken from, and a wire story's "here" followed
    by the place of its article's dateline ("met here (Cairo, Egypt) Sunday": ``placed_here``); offsets
    still cite the source."""

    from .timeline import explicit_span

    by_id = {a.id: a for a in arts}
    out = []
    for s in summary:
        a = by_id.get(s.article_id)
        if a is not None and a.published is not None and not s.truncated:
            try:
                s = replace(s, text=explicit_span(a, s.start, s.end) + (s.text[-1] if s.trimmed else ""))
            except Exception:  # a date we cannot write out leaves the sentence as it was
                log.exception("explicit dates failed in article %s", a.id)
        if a is not None and a.text and "here" in s.text:
            s = replace(s, text=placed_here(s.text, _dateline_place(a.text, a.title)))
        out.append(s)
    return out


@functools.lru_cache(maxsize=256)
def _dateline_place(text: str, title: str | None) -> str | None:
    """The place of the dateline that opens an article's body (after the headline it may open with)."""
    body = headline_end(text, title)
    return dateline_place(text[body:body + 200].lstrip())


def _states(s: SummarySentence, v: ClaimValue) -> bool:
    """Whether summary sentence ``s`` states value ``v``: the place of the value in an article lies
    inside one of the sentence's citations."""
    return any(c.article_id == vc.article_id and c.start <= vc.start and vc.end <= c.end
               for c in s.citations for vc in v.citations)


def _says(s: SummarySentence, v: ClaimValue) -> bool:
    """Whether the words summary sentence ``s`` shows state value ``v``: the place of the value lies
    inside the sentence's own span (its other citations are sentences of other articles that support
    it, which may state more than the words shown: "A train left the tracks." cites a report that
    also gives a count)."""
    if not s.article_id:
        return _states(s, v)
    return any(vc.article_id == s.article_id and s.start <= vc.start and vc.end <= s.end for vc in v.citations)


def mark_disputes(summary: Sequence[SummarySentence], disagreements: Sequence[Disagreement]
                  ) -> list[SummarySentence]:
    """Each summary sentence that states a value the sources disagree on ("Fourteen" cars, where
    two outlets say 12) carries the other values with their citations in ``differs``: a reader
    sees at the sentence that the fact is disputed."""
    out = []
    for s in summary:
        other: list[ClaimValue] = []
        for d in disagreements:
            stated = [v for v in d.values if _says(s, v)]
            if len(stated) == 1:
                other.extend(v for v in d.values if v is not stated[0])
        out.append(replace(s, differs=tuple(other)) if other else s)
    return out


# a disputed count, date or claim is one fact however many outlets state it; two people named in one
# story under two spellings are not one fact, so name disputes do not make sentences repeats
_ONE_FACT_KINDS = frozenset(["number", "date", "claim"])


def restated_disputes(summary: Sequence[SummarySentence], disagreements: Sequence[Disagreement]
                      ) -> set[tuple[str, int, int]]:
    """The source sentences (article id, start, end) a summary must leave out so that it does not state
    one disputed fact twice. When two summary sentences state values of the same disputed count, date
    or claim ("Fourteen of the train's 52 cars ..." and "The agency said that 12 cars had derailed."),
    the better-supported one (most citations, then the first) stays and shows the other values at the
    sentence (``mark_disputes``); the sentences carrying those other values are returned. Empty when
    nothing is stated twice."""
    drop: set[tuple[str, int, int]] = set()
    for d in disagreements:
        if d.kind not in _ONE_FACT_KINDS:
            continue
        stating = [s for s in summary if any(_states(s, v) for v in d.values)]
        if len(stating) < 2:
            continue
        keep = max(stating, key=lambda s: (len(s.citations), -stating.index(s)))
        for v in d.values:
            if not _states(keep, v):
                drop.update((c.article_id, c.start, c.end) for c in v.citations)
    return drop


# a class noun that a definite subject uses for a name said before it ("The company said ...", "The
# country's envoy ..."): its antecedent is that name, not the word
_NAME_CLASS = frozenset("company firm country nation city state town village province region island airline team club "
                        "agency ministry organization organisation".split())
_NAME_BACK = 400  # characters before a sentence read for the name its class noun stands for
# a capitalised word inside a sentence: after a lower-case word or a comma, not opening one
_INNER_NAME = re.compile(r"(?<=[a-z,]\s)[A-Z][\w'’-]*")


def _last_name(text: str) -> str | None:
    """The last capitalised word inside a sentence of ``text`` (lower case, possessive off) that is no
    day's or month's name ("shares fell on Tuesday. The company said ..."), else None."""
    names = [n for n in (re.sub(r"['’]s$", "", w).lower() for w in _INNER_NAME.findall(text))
             if n not in WEEKDAYS and n not in MONTHS]
    return names[-1] if names else None


class _ArticleWords:
    """Where the body of an article's text starts (after the headline it may open with:
    ``headline_end``), and where the first occurrence of each word stem of the body ends: read once
    an article and only as far as asked (a brief asks again of the same articles at each choice of its
    summary, mostly of their first sentences)."""

    def __init__(self, text: str, title: str | None) -> None:
        self.body = headline_end(text, title)
        self._words = _WORD.finditer(text.lower(), self.body)
        self._read = self.body  # where the words read so far end
        self._first: dict[str, int] = {}
        self._lock = threading.Lock()  # (the server's threads may brief stories of the same articles)

    def named_before(self, stem: str, at: int) -> bool:
        """Whether a word of stem ``stem`` ends in the body before ``at``."""
        with self._lock:
            while self._read < at:
                m = next(self._words, None)
                if m is None:
                    self._read = at
                    break
                self._first.setdefault(stems(m.group())[0], m.end())
                self._read = m.end()
            return self._first.get(stem, at + 1) <= at

    def first_end(self, stem: str) -> int | None:
        """Where the first word of stem ``stem`` in the body ends (read so far: after ``named_before``)."""
        return self._first.get(stem)


@functools.lru_cache(maxsize=256)
def _article_words(text: str, title: str | None) -> _ArticleWords:
    return _ArticleWords(text, title)


_WORD = re.compile(r"[a-z0-9]+")  # (the split of ``tokens``)


# the words of the noun phrase that an article's first mention of a thing heads: its modifiers back to a
# determiner ("the biggest meteor shower"), a name it stands in apposition to ("Velmair, the national
# carrier"; "the carrier, Velmair,") and a complement after it ("the summit of Pacific leaders in Dorn")
_MENTION_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_MENTION_WORD = re.compile(r"[\w'’.-]+")
_MENTION_COMPLEMENT = re.compile(r"\s+(?:of|in|at|from|for|on)\s+((?:[\w'’-]+ ?){1,6})")
_APPOSED_NAME = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),\s*$")
_NAME_APPOSED = re.compile(r",\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*),")


def mention_words(text: str, start: int, end: int) -> list[str]:
    """The words tying the mention ``text[start:end]`` of a head noun to what it belongs to: the modifiers
    before it back to a determiner ("the biggest meteor shower"), a name set beside it by commas ("Velmair,
    the national carrier", "the carrier, Velmair,") and the words of an "of", "in", "at", "from", "for" or
    "on" phrase after it up to a punctuation mark, six at most ("the summit of Pacific leaders"), unless the
    phrase tells a time ("the port on Monday", "for the first time": ``_time_word``)."""
    out: list[str] = []
    lo = max(0, start - 60)
    k = start
    for m in reversed(list(_MENTION_WORD.finditer(text, lo, start))[-4:]):
        w = m.group().lower()
        if text[m.end():k].strip() or w in STOP and w not in _MENTION_DETERMINERS:
            break   # (a mark between, or a word no noun phrase holds before its head: "that", "of")
        k = m.start()
        if w in _MENTION_DETERMINERS:
            break
        out.append(w)
    name = _APPOSED_NAME.search(text, lo, k)
    if name:
        out.extend(name.group(1).split())
    after = _NAME_APPOSED.match(text, end, end + 60) or _MENTION_COMPLEMENT.match(text, end, end + 80)
    if after and not (after.re is _MENTION_COMPLEMENT and any(_time_word(w) for w in after.group(1).split())):
        out.extend(after.group(1).split())
    return out


# nouns of time: a phrase holding one tells when, not what the noun before it belongs to ("the port on Monday")
_TIME_NOUNS = frozenset("time times day days week weeks weekend month months year years today yesterday tomorrow "
                        "tonight morning afternoon evening night hour hours".split())


def _time_word(word: str) -> bool:
    """Whether ``word`` tells a time: a weekday, a month, a noun of time, a number ("in 2019")."""
    w = word.lower().rstrip(".,;:")
    return w in _TIME_NOUNS or w in MONTHS or w in WEEKDAYS or w[:1].isdigit()


def _plural_of(word: str, head: str) -> bool:
    """Whether ``word`` is the plural of ``head`` ("reservations" of "reservation")."""
    return word != head and word.endswith("s") and not head.endswith("s")


def _head_said(head: str, said: Mapping[str, set[str]]) -> bool:
    """Whether a word the summary said before names ``head``'s thing by the word itself: a word of its stem
    ("the Romneys" after "Romney", "the vote" after "voted"; a plural names no single one: "reservations"
    is no "the reservation"), or a compound of a word of four letters or more and it ("the quake" after "an
    earthquake"; "support" holds no port, "million" no lion, and "-ship" is a suffix: "partnership")."""
    if any(not _plural_of(w, head) for w in said.get(stems(head)[0], ())):
        return True
    return len(head) >= 4 and head not in _SUFFIX_HEADS \
        and any(len(w) >= len(head) + 4 and w.endswith(head) for ws in said.values() for w in ws)


# a word that ends other words as a suffix, not as a compound's head ("partnership", "childhood")
_SUFFIX_HEADS = frozenset(["ship", "hood"])


def _mention_tied(text: str, words: _ArticleWords, head: str, said: Mapping[str, set[str]]) -> bool:
    """Whether the article's first mention of ``head`` (``mention_words``) holds a word whose stem the
    summary said before: the thing belongs to what the summary told ("the shower" first met as "the
    biggest meteor shower" after "meteors"; "the carrier" first met as "Velmair, the national carrier")."""
    stem = stems(head)[0]
    end = words.first_end(stem)
    if end is None:
        return False
    start = end
    while start > 0 and (text[start - 1].isalnum()):
        start -= 1
    return any(st != stem and st in said for st in content_stems(" ".join(mention_words(text, start, end))))


def _told(head: str, said: Mapping[str, set[str]], text: str, words: _ArticleWords | None, at: int) -> bool:
    """Whether the summary said ``head``'s thing before (``_head_said``), or what the article's first mention
    of it, before ``at``, belongs to (``_mention_tied``)."""
    return _head_said(head, said) or (words is not None and words.named_before(stems(head)[0], at)
                                      and _mention_tied(text, words, head, said))


def _points_back(head: str, said: Mapping[str, set[str]], text: str, words: _ArticleWords, at: int) -> bool:
    """Whether a definite ``head`` at ``at`` points back at a thing its article named before and the summary
    has not told (``_told``): "The agency said ..." shown without the agency."""
    return words.named_before(stems(head)[0], at) and not _told(head, said, text, words, at)


def _follows(s: SummarySentence, before: SummarySentence | None, text: str) -> bool:
    """Whether ``before`` is the sentence of its article right before ``s`` (nothing but space between)."""
    return (before is not None and before.article_id == s.article_id and before.end <= s.start
            and not text[before.end:s.start].strip())


def unresolved_references(summary: Sequence[SummarySentence], arts: Sequence[Article]) -> set[tuple[str, int, int]]:
    """The summary sentences (article id, start, end) that point back at a thing no sentence before
    them in the summary names: a demonstrative's noun ("wanted for those attacks") or the head of a
    bare definite subject ("The reports included several caveats.", "The law is intended ...") that
    its article named before it. A definite the article uses first there is the story's own or the
    scene's ("The crew reported smoke in the cockpit." after a crash) and stands; so does one whose
    noun, word for word, a sentence before it in the summary holds ("dozens of meteors ... The
    meteors are fragments ...": "reservations" does not name "the reservation"), and one a reader knows
    without being told which ("The press has picked up on ...": ``UNIQUE_HEADS``). A class noun stands
    for a name ("The country's envoy ...", "The company said ..."): it points back where the name its
    article gives last before it (``_last_name``) is not in the summary before it. The headline the
    text may open with (``headline_end``) is no sentence before: the lead's "The plane crashed ..."
    under "Plane crashes in Alps" is the story's own. A pronoun object of the opening clause's verb
    ("An Israeli warplane shot it down.", ``object_pronoun_back``) and a closing verb whose object the
    sentence before gave ("The Taliban refused.", ``bare_verb_end``) point back unless the summary
    sentence before is the one before it in its article. Each article's words are read once
    (``_article_words``)."""
    of = {a.id: a for a in arts}
    said: dict[str, set[str]] = defaultdict(set)  # stem -> the words of that stem said before
    said_words: set[str] = set()
    out: set[tuple[str, int, int]] = set()
    before: SummarySentence | None = None
    for s in summary:
        a = of.get(s.article_id)
        text = (a.text or "") if a is not None else ""
        words = _article_words(text, a.title) if a is not None and text else None
        heads = [h for h in demonstrative_heads(s.text) if not _told(h, said, text, words, s.start)]
        if not _follows(s, before, text):  # ("The two leaders met ...": the sentence before named them)
            heads += [h for h in count_definite_heads(s.text) if not _told(h, said, text, words, s.start)]
        head = definite_subject(s.text)
        if words is not None and head is not None and head not in UNIQUE_HEADS:
            if head in _NAME_CLASS:
                name = _last_name(text[max(words.body, s.start - _NAME_BACK):s.start])
                if name is not None and name not in said_words:
                    heads.append(head)
            elif _points_back(head, said, text, words, s.start):
                heads.append(head)
        speaker = closing_definite_speaker(s.text)  # (", the spokesman said.": the one its article named before)
        if words is not None and speaker is not None and speaker not in _NAME_CLASS \
                and _points_back(speaker, said, text, words, s.start):
            heads.append(speaker)
        leans = (object_pronoun_back(s.text) or bare_verb_end(s.text) or late_pronoun_subject(s.text)) \
            and not _follows(s, before, text)
        if s.article_id and (leans or heads):
            out.add((s.article_id, s.start, s.end))
        for t, st in zip(tokens(s.text), stems(s.text)):
            said[st].add(t)
        said_words.update(tokens(s.text))
        before = s
    return out


def _shown(summary: Iterable[SummarySentence]) -> tuple[SummarySentence, ...]:
    """A summary's sentences as a reader is shown them (``display_text``, ``sentence_case``)."""
    return tuple(replace(s, text=sentence_case(display_text(s.text))) for s in summary)


def _revisions(arts: Sequence[Article], earlier: Mapping[str, str]) -> tuple[Revision, ...]:
    """What the latest version of each revised article changed, newest revision first."""
    out: list[Revision] = []
    for a in arts:
        if a.id in earlier:
            try:
                r = revision_of(a, earlier[a.id])
            except Exception:  # an extra: never lose the brief over it
                log.exception("revision of article %s failed", a.id)
                continue
            if r is not None:
                out.append(replace(r, changes=tuple(replace(c, was=display_text(c.was), now=display_text(c.now))
                                                    for c in r.changes)))
    return tuple(sorted(out, key=lambda r: r.revised_at, reverse=True))


def _without(sentences: Mapping[str, Sequence[Sentence]], drop: set[tuple[str, int, int]]
             ) -> dict[str, list[Sentence]]:
    """The sentence splits less every sentence that overlaps a span of ``drop``."""
    return {aid: [s for s in ss if not any(a == aid and s.start < e and st < s.end for a, st, e in drop)]
            for aid, ss in sentences.items()}


def build_brief(story_id: str, articles: Sequence[Article], *, max_words: int = 100,
                analyses: Mapping[str, AnalyzedArticle] | None = None, new_ids: Iterable[str] = (),
                about: str | None = None, earlier: Mapping[str, str] | None = None,
                template: Collection[str] = ()) -> Brief:
    """Consolidate the articles of one story into its Brief; ``new_ids`` (the articles added since the
    last brief) fill ``new_since`` with what they added.

    ``about`` focuses the summary on a person, organisation or place of the story (any spelling the
    articles use: the sentences mentioning that entity) or, when it names none, on a subject (the
    sentences holding its words). Only such sentences are used; when there are none the summary is
    empty. The timeline keeps the dated events about it; the other sections are the story's whole,
    with the quotes of a focused speaker first.

    ``analyses`` (article id -> AnalyzedArticle, e.g. from the store's cache) saves re-analysing the
    articles; without it they are analysed here. ``earlier`` (article id -> the text a revised
    article had before its latest version) fills ``revisions`` with what each revision changed.

    Lines of the pages' template (``template.without_template``: those the story's articles repeat,
    and the line keys in ``template``, e.g. what a store has seen on the pages of other stories) are
    blanked out first: no section reads them.
    """
    ordered = _story_order(articles)
    whole = _complete(ordered, analyses)
    arts, sentences = without_template(ordered, {aid: list(an.sentences) for aid, an in whole.items()}, template)
    analyzed = blank_analyses(arts, whole)
    dates = sorted(a.published.isoformat() for a in arts if a.published)
    entities: list[Entity] = []
    linked: list[Mention] = []
    try:
        entities, linked = consolidate_entities(arts, [m for an in analyzed.values() for m in an.mentions])
    except Exception:  # entities are an extra: never lose the brief over them
        log.exception("entities failed for story %s", story_id)
    texts = {a.id: a.text for a in arts}
    entity_of = _entity_in_span(linked, texts)
    quotes: tuple[QuoteGroup, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    try:
        quotes = tuple(group_quotes(arts, quotes={aid: an.quotes for aid, an in analyzed.items()},
                                    entity_of=entity_of, people=entities))
        disagreements = tuple(find_disagreements(arts, speakers=[g.speaker for g in quotes]))
    except Exception:  # quotes and disagreements are extras: never lose the brief over them
        log.exception("quotes/disagreements failed for story %s", story_id)
    summary = full_names(named_speakers(_with_latest(_brief_summary(arts, sentences, disagreements, max_words,
                                                                   BRIEF_SUMMARY), arts, sentences, disagreements,
                                                     max_words), analyzed), entities, texts)
    brief = Brief(
        story_id=story_id,
        headline=display_text(_full_headline(choose_headline(arts, summary), arts, entities, summary, texts)),
        summary=_shown(summary),
        timeline=tuple(_named_timeline(arts, analyzed, linked, entities, whole)),
        quotes=tuple(replace(g, speaker=display_text(g.speaker)) for g in quotes),  # ("The school 's website")
        disagreements=tuple(replace(d, values=tuple(replace(v, said=display_text(v.said)) for v in d.values))
                            for d in disagreements),
        entities=tuple(replace(e, roles=tuple(display_text(r) for r in e.roles)) if e.roles else e
                       for e in entities),   # (a role's words joined as tokens: "head of Norland 's fleet")
        articles=tuple(article_info(a) for a in arts),
        new_since=tuple(replace(n, added=tuple(replace(s, text=display_text(s.text)) for s in n.added))
                        for n in _new_since(arts, new_ids)),
        revisions=_revisions(ordered, earlier or {}),  # (a revision compares whole pages)
        first_published=dates[0] if dates else None,
        last_published=dates[-1] if dates else None,
    )
    return _focused(brief, arts, analyzed, about, max_words) if about else brief


def _named_timeline(arts: Sequence[Article], analyzed: Mapping[str, AnalyzedArticle], linked: Sequence[Mention],
                    entities: Sequence[Entity], whole: Mapping[str, AnalyzedArticle]) -> list[TimelineEntry]:
    """The story's timeline as a reader sees it: display text, an opening "He" or "She" followed by
    whom its article means ("He [Nelson Mandela] is a free man.") where that is clear, and an entry
    that opens on a pronoun left unresolved or is a pronoun's quotation out where another entry
    tells its day (``without_unplaced``). ``whole``: the analyses of the pages before their template
    was blanked (the timexes of a page left whole are not tagged again)."""
    entries = [replace(e, text=display_text(e.text))
               for e in timeline(_reported(arts), reader=True, template_out=True, analyses=whole)]
    try:
        entries = with_referents(entries, {a.id: a.text for a in arts},
                                 {aid: [(s.start, s.end) for s in an.sentences] for aid, an in analyzed.items()},
                                 linked, entities)
    except Exception:  # a name in brackets is an extra: never lose the timeline over it
        log.exception("timeline referents failed")
    return without_unplaced(entries)


def _story_order(articles: Sequence[Article]) -> list[Article]:
    """The story's articles with their dates inferred where missing, oldest first (undated last)."""
    return sorted(with_inferred_dates(articles), key=lambda a: (a.published is None, a.published or "", a.id))


# words that go on a sentence cut at a time's dot ("around 7:30 p.m. Edt thursday when ...", "at 4:05 p.m. Where they
# found ..."): a time zone, the time's day or place, a preposition or conjunction, a relative adverb
_TIME_GOES_ON = frozenset("et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet local today tonight yesterday "
                          "tomorrow on at in to and or but after before near outside until when where while as according "
                          "that".split()) | frozenset(WEEKDAYS) | frozenset(MONTHS)
_TIME_DOT = re.compile(r"(?<![\w.])[ap]\.m\.$")
_FIRST = re.compile(r"[\w'’]+")
# a middle initial closing a lower-case page's sentence after a given name ("justice ann b." + "Velk said ...")
_INITIAL_DOT = re.compile(r"(?<![\w.'’-])([a-z][a-z'’-]+)\s+[a-z]\.$")
_INITIAL_HINT = re.compile(r"\s[a-z]\.\s+[A-Z]")


def _cut_at_dot(text: str, prev: Sentence, first: str) -> bool:
    """Whether a lower-case page's sentence ``prev`` was cut at a dot that ends no sentence, so that the next,
    opening on ``first``, goes on with it: a time's "a.m."/"p.m." before a word that goes on the time
    (``_TIME_GOES_ON``), or a middle initial between a given name and a surname (both written as names:
    "justice ann b." + "Velk said ..."; not "plan b." + "The vote ...")."""
    if _TIME_DOT.search(text, prev.start, prev.end):
        return first.lower() in _TIME_GOES_ON
    initial = _INITIAL_DOT.search(text, max(prev.start, prev.end - 40), prev.end)
    if initial is None:
        return False
    from ..analyze.entities import written_as_name  # (the tagger's module: read only when a page needs it)

    return written_as_name(initial.group(1)) and written_as_name(first)


def joined_at_cut_dots(arts: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]]
                       ) -> dict[str, list[Sentence]]:
    """The sentence splits with a lower-case page's sentence cut at a dot that ends none made whole again: such a
    page (Multi-News: ``lower_cased_page``) writes a capital after every dot, so "... around 7:30 p.m. Edt thursday
    when ..." and "... justice ann b. Velk said ..." read as two sentences; where the next opens on a word that goes
    on the time (a time zone, a day, "on", "when", "where" ...) or on a surname after a given name's initial
    (``_cut_at_dot``) the two are one. A page in its usual case is split as it is."""
    out = {aid: list(ss) for aid, ss in sentences.items()}
    for a in arts:
        ss = out.get(a.id)
        text = a.text or ""
        if not ss or ("a.m." not in text and "p.m." not in text and not _INITIAL_HINT.search(text)) \
                or not lower_cased_page(text):
            continue
        joined: list[Sentence] = []
        for s in ss:
            prev = joined[-1] if joined else None
            first = _FIRST.match(text, s.start)
            if prev is not None and first is not None and not text[prev.end:s.start].strip() \
                    and _cut_at_dot(text, prev, first.group()):
                joined[-1] = replace(prev, end=s.end, text=text[prev.start:s.end])
            else:
                joined.append(s)
        out[a.id] = joined
    return out


def _brief_summary(arts: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]],
                   disagreements: Sequence[Disagreement], max_words: int, config: SummaryConfig,
                   query: str | None = None, spans: Mapping[str, Sequence[tuple[int, int]]] | None = None
                   ) -> list[SummarySentence]:
    """The brief's summary: ``summarize`` with no sentence restating a dispute that another states
    nor pointing back at a thing that no sentence before it names (``unresolved_references``; a
    leaving sentence may let in one more such: looked at again), the relative dates written out and
    the disputed values marked."""
    sentences = joined_at_cut_dots(arts, sentences)
    summary = summarize(arts, max_words=max_words, config=config, sentences=sentences, query=query, focus=spans,
                        template_out=True)
    def faults(chosen: Sequence[SummarySentence]) -> set[tuple[str, int, int]]:
        return restated_disputes(chosen, disagreements) | unresolved_references(chosen, arts)

    def again(drop: set[tuple[str, int, int]]) -> list[SummarySentence]:
        return summarize(arts, max_words=max_words, config=config, sentences=_without(sentences, drop), query=query,
                         focus=spans, template_out=True)

    return mark_disputes(_readable(without_faults(summary, faults, again), arts), disagreements)


def without_faults(summary: list[SummarySentence], faults: Callable[[Sequence[SummarySentence]], set[tuple[str, int, int]]],
                   again: Callable[[set[tuple[str, int, int]]], list[SummarySentence]], tries: int = 3
                   ) -> list[SummarySentence]:
    """``summary`` chosen ``again`` without the sentences (article id, start, end) that ``faults`` finds in
    it, up to ``tries`` times; what the last choice still holds of them is left out of it (a shorter
    summary rather than one that leans on what it does not show, or states a fact twice)."""
    drop: set[tuple[str, int, int]] = set()
    for k in range(tries + 1):
        more = faults(summary) - drop
        if not more:
            return summary
        if k == tries:
            break
        drop |= more
        summary = again(drop)
    while True:  # (a sentence left out may have named what a later one leans on)
        kept = [s for s in summary if not any(a == s.article_id and s.start < e and st < s.end for a, st, e in more)]
        if len(kept) == len(summary) or not kept:  # (never an empty summary: its best sentence stays)
            return summary
        summary, more = kept, faults(kept)


def _with_latest(summary: list[SummarySentence], arts: Sequence[Article], sentences: Mapping[str, Sequence[Sentence]],
                 disagreements: Sequence[Disagreement], max_words: int) -> list[SummarySentence]:
    """The brief's summary ending on the story's latest development when it lacks it: the lead of
    the newest day that the earlier days do not carry (``latest_lead``) takes its words from the
    budget (at most half of it) and closes the summary, before only what its own article says after
    it; a sentence that restates it makes way."""
    try:
        latest = latest_lead(arts)
    except Exception:  # the latest lead is an extra: never lose the summary over it
        log.exception("latest lead failed")
        return summary
    if latest is None or any(_tells(s, latest) for s in summary):
        return summary
    words = len(latest.text.split())
    if words > max_words // 2:
        return summary
    rest = _brief_summary(arts, _without(sentences, {(latest.article_id, latest.start, latest.end)}),
                          disagreements, max_words - words, BRIEF_SUMMARY)
    rest = [s for s in rest if not _tells(s, latest)]
    return around_latest(rest, mark_disputes(_readable([latest], arts), disagreements))


def around_latest(rest: Sequence[SummarySentence], latest: Sequence[SummarySentence]) -> list[SummarySentence]:
    """``rest`` then the latest development, but what its own article says after it follows it
    ("Mayor Fenwick said Adler had done the right thing" tells of the resignation its lead reports)."""
    if not latest:
        return list(rest)
    lead = latest[0]

    def later(s: SummarySentence) -> bool:
        return s.article_id == lead.article_id and s.start > lead.start

    return [s for s in rest if not later(s)] + list(latest) + [s for s in rest if later(s)]


# a title or honorific before a surname: "Mr. Lahoud", "President Lahoud" name him well enough
# (or a first name, accented ones too: "José Mourinho", or a middle initial: "Robert F. Furchgott")
_TITLE_BEFORE = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Prof|Rev|Sgt|Adm|Maj)\.?|"
                           r"\b[A-ZÀ-ÖØ-Þ][^\W\d_]+|\b[A-Z]\.)\s+$")


_FULL_NAME = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}")


def _main_bearer(bearers: Sequence[Entity]) -> Entity | None:
    """The person a surname names in the story: its only bearer, or one mentioned at least three
    times as often as the others together (Matthew Shepard, not his parents Dennis and Judy)."""
    if len(bearers) == 1:
        return bearers[0]
    counts = sorted(((sum(e.mentions.values()), k) for k, e in enumerate(bearers)), reverse=True)
    top, rest = counts[0][0], sum(c for c, _ in counts[1:])
    return bearers[counts[0][1]] if top >= 3 * rest and top > 0 else None


def _full_headline(headline: str, arts: Sequence[Article], entities: Sequence[Entity],
                   summary: Sequence[SummarySentence], texts: Mapping[str, str]) -> str:
    """A headline taken from a summary sentence (the first: ``choose_headline``) names its person in
    full, as the sentence does, where the sentence's article (of ``texts``, by id) says who it is; a
    title of an article is left as its outlet wrote it."""
    if any(a.title and headline_title(a.title) == headline.strip() for a in arts):
        return headline
    first = summary[0].article_id if summary else ""
    return full_names([SummarySentence(text=headline, article_id=first)], entities, texts)[0].text


# a closing attribution to a pronoun: "..., he said." (the pronoun, then the verb, then the final mark)
_PRONOUN_SAID = re.compile(r",\s+(he|she)\s+(?:said|says|added|adds|told\s+[\w\s]{1,30}?|noted|explained|insisted)"
                           r"[.!]?[\"”'’]*\s*$")


def named_speakers(summary: Sequence[SummarySentence],
                   analyzed: Mapping[str, AnalyzedArticle]) -> list[SummarySentence]:
    """The summary with a closing "he said" naming the speaker its article resolves it to ("Alaska's
    salmon rivers are free of dams, he said." -> "..., Scott Marshall said."): out of its article, the
    pronoun names no one. Left as written when the article does not tell who it is."""
    out: list[SummarySentence] = []
    for s in summary:
        m = _PRONOUN_SAID.search(s.text)
        an = analyzed.get(s.article_id) if m else None
        if m and an is not None:
            who = next((q.speaker_resolved for q in an.quotes
                        if q.speaker_start is not None and s.start <= q.speaker_start < s.end
                        and (q.speaker or "").lower() == m.group(1) and q.speaker_resolved
                        and " " in q.speaker_resolved), None)
            if who:
                s = replace(s, text=s.text[:m.start(1)] + who + s.text[m.end(1):])
        out.append(s)
    return out


def full_names(summary: Sequence[SummarySentence], entities: Sequence[Entity],
               texts: Mapping[str, str] | None = None) -> list[SummarySentence]:
    """The summary with a person it first names by surname alone given the full name the story
    uses at that first mention ("Lahoud is to be sworn ..." -> "Emile Lahoud is to be sworn ...",
    "Shepard's friends" -> "Matthew Shepard's friends", "Qin was tried" -> "Qin Yongmin was tried":
    ``_surname``): out of its article, a bare surname names
    no one. Only a surname that one person of the story bears; a mention after a first name or a
    title ("President Lahoud") counts as naming him. The citations still point at the words. A word
    that is also the name of a place or a body of the story is that, not a surname ("against England"
    stays, whatever "Mohammad Akam\nEngland" a score card's line break made a person of). Given the
    articles' ``texts``, a sentence's surname is expanded only where its own article writes the full
    name: one that writes "Clinton" alone does not say which of the story's Clintons it means (the
    President, a governor of 1784 a merged mention made one person with him)."""
    bearers: dict[str, list[Entity]] = defaultdict(list)
    others = {n for e in entities if e.label != "PERSON" for n in (e.name, *e.aliases)}
    for e in entities:
        if e.label == "PERSON" and _FULL_NAME.fullmatch(e.name) and e.name.split()[0].lower() not in STOP \
                and _surname(e) not in others:
            bearers[_surname(e)].append(e)
    people = {last: bearer for last, es in bearers.items() if (bearer := _main_bearer(es)) is not None}
    named: set[str] = set()
    out: list[SummarySentence] = []
    for s in summary:
        text = s.text
        for last, bearer in people.items():
            if bearer.id in named or last not in text:  # the substring test first: a story may name thousands
                continue
            if _name_alone(bearer.name, text):  # named in full ("Wang Youcai", whose "Wang" a name word follows)
                named.add(bearer.id)
                continue
            # the surname alone: not "Wang Youcai" for a "Wang", not "Shepard Memorial Fund"
            m = _name_alone(last, text)
            if m is None or not _article_names(bearer, texts.get(s.article_id) if texts else None):
                continue
            named.add(bearer.id)
            if not _TITLE_BEFORE.search(text[:m.start()]):
                text = text[:m.start()] + bearer.name + text[m.end():]
        out.append(replace(s, text=text) if text != s.text else s)
    return out


def _article_names(person: Entity, article: str | None) -> bool:
    """Whether an article (None: not known) writes a full form of ``person``'s name ("George Clinton",
    not only "Clinton"): only then does its bare surname say which bearer of it is meant."""
    return article is None or any(" " in n and n in article for n in (person.name, *person.aliases))


def _name_alone(name: str, text: str) -> re.Match[str] | None:
    """The first place ``text`` writes ``name`` as a whole name: no word or name word runs on from it
    ("Shepard" in "Shepard said", not in "Shepard Memorial Fund" nor "Shepardson"). A name that is a
    month's is no name where it is written as a date ("May 7, 2019", "7 May", "in May", "last May")."""
    found = re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w-]|\s+[A-ZÀ-ÖØ-Þ][^\W\d_])", text)
    if name.lower() not in MONTHS:
        return next(found, None)
    return next((m for m in found if not _MONTH_AFTER.match(text, m.end())
                 and not _MONTH_BEFORE.search(text, max(0, m.start() - 24), m.start())), None)


# what makes a month's name a date: a day or a year after it, a day or a word of time before it, or
# another month joined to it ("March and May"; not "Johnson and May", a surname beside another)
_MONTH_AFTER = re.compile(r"\.?\s*,?\s*\d")
_MONTH_BEFORE = re.compile(r"(?:\d(?:st|nd|rd|th)?(?:\s+of)?|\b(?:in|since|until|till|by|of|last|next|early|mid|late"
                           r"|this|that|from|through|to|before|after|during|between)"
                           r"|\b(?:%s)\.?,?\s+(?:and|or))[\s-]+$" % "|".join(sorted(MONTHS)), re.IGNORECASE)


def _surname(person: Entity) -> str:
    """The word of a person's name the story writes alone for the person: the last ("Lahoud" of Emile
    Lahoud), or the first where the story writes that alone and never the last (a family name put
    first: "Qin" of Qin Yongmin, "Wang" of Wang Youcai)."""
    words = person.name.split()
    return words[0] if words[0] in person.aliases and words[-1] not in person.aliases else words[-1]


def _tells(s: SummarySentence, latest: SummarySentence) -> bool:
    """Whether summary sentence ``s`` carries ``latest``: it is taken from its words or restates them
    (a citation is not enough: a sentence cites every place that supports part of it)."""
    return (s.article_id == latest.article_id and s.start < latest.end and latest.start < s.end) \
        or redundant_with(s.text, latest.text)


def focus_brief(brief: Brief, articles: Sequence[Article], *, about: str, max_words: int = 100,
                analyses: Mapping[str, AnalyzedArticle] | None = None) -> Brief:
    """``brief`` (the story's whole brief, as built from ``articles``) focused on ``about``: a person,
    organisation or place of its entities (any spelling the articles use: the sentences mentioning
    that entity) or, when it names none, a subject (the sentences holding its words). Only such
    sentences make the summary (none: an empty summary); the timeline keeps the dated events about
    it, the quotes of a focused speaker come first, the other sections stay the story's whole.

    Only the mentions that share a name word with the entity are linked again, so a focus costs a
    summary, not a whole brief."""
    if not about.strip():
        return brief
    arts = _story_order(articles)
    return _focused(brief, arts, _complete(arts, analyses), about, max_words)


def _focused(brief: Brief, arts: Sequence[Article], analyzed: Mapping[str, AnalyzedArticle], about: str,
             max_words: int) -> Brief:
    """``focus_brief`` on the story's articles as ``build_brief`` orders them, every one analysed."""
    asked = " ".join(about.split())
    if not asked:
        return brief
    sentences = {aid: list(an.sentences) for aid, an in analyzed.items()}
    entity = focus_entity(asked, brief.entities)
    spans = _entity_spans(entity, brief.entities, arts, analyzed) if entity is not None else None
    query = None if entity is not None else asked
    summary = full_names(named_speakers(_brief_summary(arts, sentences, brief.disagreements, max_words,
                                                       FOCUS_SUMMARY, query, spans), analyzed), brief.entities,
                         {a.id: a.text for a in arts})
    quotes = brief.quotes
    if entity is not None:  # what the person said comes first
        quotes = tuple(sorted(quotes, key=lambda g: g.entity_id != entity.id))
    return replace(brief, summary=_shown(summary),
                   timeline=tuple(e for e in brief.timeline if _about(e.citations, e.text, spans, query)),
                   quotes=quotes, about=entity.name if entity is not None else asked,
                   about_entity=entity.id if entity is not None else None)


def _entity_spans(entity: Entity, entities: Sequence[Entity], arts: Sequence[Article],
                  analyzed: Mapping[str, AnalyzedArticle]) -> dict[str, list[tuple[int, int]]]:
    """Article id -> where ``entity`` (one of the story's ``entities``) is mentioned: the mentions
    sharing a name word with it are linked again (``consolidate_entities``, with the titles that refer
    to them: "the North Korean leader"), and those of every entity found that answers to one of its
    names, and is not another of the story's entities, kept."""
    names = {_fold(n) for n in (entity.name, *entity.aliases)} - {""}
    words = {w for n in names for w in n.split()}
    near = [m for an in analyzed.values() for m in an.mentions if words & set(_fold(m.text or "").split())]
    try:
        ents, linked = consolidate_entities(arts, near)
    except Exception:  # never lose the brief over it: the mentions of its names, unlinked
        log.exception("focus linking failed")
        return _focus_spans_of([m for m in near if _fold(m.text or "") in names])
    others = {_fold(e.name) for e in entities if e.id != entity.id}
    ids = {e.id for e in ents if names & {_fold(n) for n in (e.name, *e.aliases)} and _fold(e.name) not in others}
    return _focus_spans_of([m for m in linked if m.entity_id in ids])


def _focus_spans_of(mentions: Sequence[Mention]) -> dict[str, list[tuple[int, int]]]:
    """Article id -> the spans of ``mentions``."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        out.setdefault(m.article_id, []).append((m.start, m.end))
    return out
