"""Briefs as JSON, Markdown, self-contained HTML and rich terminal output."""

from __future__ import annotations

import bisect

import dataclasses
import json
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, Iterable
from urllib.parse import quote

from ..analyze.ner_roles import DEMONYM_END
from ..analyze.sentences import sentence_around
from ..consolidate.summary_text import display_text
from ..records import Brief, Change, Citation, Quote, Revision, SummarySentence, TimelineEntry, from_dict, to_dict

__all__ = [
    "brief_context",
    "brief_from_json",
    "brief_html",
    "brief_json",
    "brief_markdown",
    "brief_rich",
    "brief_sections",
    "citation_field",
    "citation_labels",
    "cited_spans",
    "list_teaser",
    "page_html",
    "passages_for",
    "path_segment",
    "timeline_chart",
]


def _articles(n: int) -> str:
    return f"{n} article" if n == 1 else f"{n} articles"


def brief_from_json(raw: str | bytes) -> Brief:
    """A Brief from its stored JSON (the brief pages' hot path; record type hints are cached)."""
    return from_dict(Brief, json.loads(raw))


def quote_citations(group: Any, i: int) -> tuple[Any, ...]:
    """Every article that reports quote ``i`` of a QuoteGroup (at least the one it was taken from)."""
    if i < len(group.citations) and group.citations[i]:
        return tuple(group.citations[i])
    q = group.quotes[i]
    return (Citation(article_id=q.article_id, start=q.start, end=q.end),)


def refs(citations: Iterable[Any], labels: Mapping[str, int], most: int | None = None) -> str:
    """"[1][3]": each cited article once, in footnote order; with ``most``, the first ``most`` and how
    many more ("[1][3][4][6][9][12] +7": a terminal column cannot hold forty)."""
    cited = [f"[{labels.get(c.article_id, '?')}]" for c in one_per_article(citations, labels)]
    if most is not None and len(cited) > most:
        return "".join(cited[:most]) + f" +{len(cited) - most}"
    return "".join(cited)


TERMINAL_REFS = 6  # cited articles shown after a sentence in the terminal
WEB_REFS = 12      # cited articles marked after a sentence on a page or in Markdown, before "+N more"
TERMINAL_NEW = 12  # sentences of "What each new article adds" in the terminal


def differs_note(s: Any, labels: Mapping[str, int]) -> str:
    """" (other reports: 12 [3][5])" for a summary sentence whose number, date or name the sources
    disagree on; "" otherwise."""
    if not getattr(s, "differs", ()):
        return ""
    return " (other reports: " + "; ".join(f"{v.shown} {refs(v.citations, labels)}" for v in s.differs) + ")"


LONG_STORY_DAYS = 7  # a story reported over more days than this dates each summary sentence


def reported_on(brief: Brief, s: Any) -> str:
    """The day of the article a summary sentence is shown from ("2016-09-30"; the summary runs in
    that order after its opening sentence), shown before the sentence when the story runs over more
    than ``LONG_STORY_DAYS``: a reader of months of polls or of an inquiry must know when each fact
    held. "" otherwise."""
    first, last = brief.first_published, brief.last_published
    if not first or not last:
        return ""
    try:
        if (date.fromisoformat(str(last)[:10]) - date.fromisoformat(str(first)[:10])).days <= LONG_STORY_DAYS:
            return ""
    except ValueError:
        return ""
    published = {str(a["id"]): str(a.get("published") or "") for a in brief.articles}
    if published.get(s.article_id):
        return published[s.article_id][:10]
    days = sorted(d for d in (published.get(c.article_id, "") for c in s.citations) if d)
    return days[0][:10] if days else ""


def quote_text(q: Any) -> str:
    """What a reader sees of a quote: its content pieces joined by " … " when the attribution splits
    it (""The air is clean," Marsh said. "But ..."" -> ""The air is clean," … "But ...""), else its text,
    less the "that" opening reported speech ("that 12 cars had derailed" -> "12 cars had derailed")."""
    get = q.get if isinstance(q, Mapping) else (lambda k, d=None: getattr(q, k, d))
    text, start, frags = get("text", "") or "", get("start", 0) or 0, get("fragments", ()) or ()
    pieces = []
    for f in frags:
        a, b = int(f[0]) - start, int(f[1]) - start
        if not (0 <= a < b <= len(text)):
            return text
        pieces.append(text[a:b].strip())
    shown = " … ".join(pieces) if len(pieces) > 1 else text
    # reported speech keeps its "that" in the record (the annotation convention); a reader sees the claim
    shown = re.sub(r"^that\s+(?=(?:the|a|an|he|she|it|they|we|i|you|his|her|its|their|our|there|this|these|those|no|"
                   r"some|all|many|most|both|each|every|another|any|such|several|few|more|much|if|when|while|because|after|before)\b"
                   r"|[A-Z0-9\"“])", "", shown)
    shown = display_text(shown)   # a tokenized corpus's "do n't", -LRB- and ``...'' in ordinary typography
    # a quotation cut from its sentence does not end on that sentence's comma: "results,"" -> "results""
    return re.sub(r",([\"”’'])$", r"\1", shown.rstrip()) if shown.rstrip().endswith((',"', ",”", ",’")) else shown


MARKDOWN_ENTITIES = 40  # entities a Markdown brief lists in full, as the web page shows them unfolded


# a people's name of two words: "North Korean", "South African" (not "Typhoon Haiyan")
_DEMONYM = re.compile(r"(?:North|South|East|West|Northern|Southern|Eastern|Western|Central)\s+[A-Z][a-z]+" + DEMONYM_END)


def listed_entities(entities: Sequence[Any]) -> list[Any]:
    """The entities in the order a reader looks for them: people, organisations and places first (and
    a named event that at least half as many articles tell as the most told name, "Hurricane
    Mitch"), then other names (nationalities, events: MISC), each part in the brief's order of
    importance."""
    mapping = bool(entities) and isinstance(entities[0], Mapping)
    label = (lambda e: e.get("label")) if mapping else (lambda e: e.label)
    name = (lambda e: e.get("name") or "") if mapping else (lambda e: e.name)
    spread = (lambda e: len(e.get("mentions") or {})) if mapping else (lambda e: len(e.mentions))
    widest = max((spread(e) for e in entities), default=0)

    def main(e: Any) -> bool:  # a named event most articles tell of ("Hurricane Mitch") is a main name
        words = name(e).split()  # (a people's name, "North Korean", is none)
        return label(e) != "MISC" or (len(words) > 1 and not _DEMONYM.fullmatch(name(e)) and widest > 1
                                      and spread(e) * 2 >= widest)

    return [e for e in entities if main(e)] + [e for e in entities if not main(e)]


def relayed_note(q: Any) -> str:
    """" (as reported by Xinhua)" for a quote that another source relays; "" otherwise."""
    via = getattr(q, "reported_by", None) if not isinstance(q, Mapping) else q.get("reported_by")
    return f" (as reported by {via})" if via else ""


def citation_labels(brief: Brief) -> dict[str, int]:
    """Article id -> footnote number, in the order articles are listed in the brief."""
    return {str(a["id"]): i for i, a in enumerate(brief.articles, start=1)}


def _named_and_dated(name: Any, a: Any, *, undated: str = "") -> str:
    """"<name>, <date>" ("inferred <date>" for an inferred one, "captured <date>" for one dated only by
    the capture of its page), the name left out when missing, ``undated`` in place of a missing date;
    ", revised <date>" after them for an article stored again changed."""
    parts = [str(name)] if name else []
    if a.get("published"):
        how = "captured " if a.get("dated_by") == "capture" else "inferred " if a.get("published_inferred") else ""
        parts.append(how + str(a["published"]))
    elif undated:
        parts.append(undated)
    if a.get("revised"):
        parts.append(f"revised {a['revised']}")
    return ", ".join(parts)


def _article_name(a: Any) -> str:
    return _named_and_dated(a.get("source") or a.get("title") or a.get("id"), a)


def _source_name(a: Any) -> str:
    """The outlet and date shown after an article's title in a list of sources (never the title
    again: an article without an outlet shows its date alone); an article with no date, not even an
    inferred one, says "undated", so that a reader of its story's sources is not left to guess."""
    return _named_and_dated(a.get("source"), a, undated=UNDATED)


UNTITLED = "(untitled)"
DERIVED_NOTE = "no title; its first words"


def shown_title(a: Mapping[str, Any]) -> tuple[str, bool]:
    """(what to show as an article's title, whether it is derived from its lead rather than its own
    title). An untitled article shows its ``lead_title`` (marked as derived by each renderer), or
    "(untitled)" when it has none either."""
    if a.get("title"):
        return str(a["title"]), False
    if a.get("lead_title"):
        return str(a["lead_title"]), True
    return UNTITLED, False


_WORD = re.compile(r"\w+")
_ASIDE = re.compile(r"\([^()]*\)")


def list_teaser(title: str | None, openings: Sequence[str]) -> str | None:
    """What a list of stories shows under a story's headline: the first of its summary's opening
    sentences that says more than the headline (a story without titles takes its first summary
    sentence as its headline, and the list would show that sentence twice); None when none does.
    A resolved date in brackets, "(March 5, 2024)", is no more."""
    told = {w.casefold() for w in _WORD.findall(title or "")}
    for text in openings:
        if not {w.casefold() for w in _WORD.findall(_ASIDE.sub(" ", text))} <= told:
            return text
    return None


def section_title(brief: Brief, title: str) -> str:
    """A focused section's title: "Summary: about <whom or what>" (the summary and the timeline of a
    focused brief tell only of its subject)."""
    return f"{title}: about {brief.about}" if brief.about else title


def summary_title(brief: Brief) -> str:
    return section_title(brief, "Summary")


_LANGUAGE_NAMES = dict(pair.split(":") for pair in (
    "fr:French de:German es:Spanish it:Italian pt:Portuguese nl:Dutch sv:Swedish da:Danish no:Norwegian "
    "nb:Norwegian nn:Norwegian fi:Finnish is:Icelandic pl:Polish cs:Czech sk:Slovak sl:Slovenian hr:Croatian "
    "sr:Serbian bs:Bosnian hu:Hungarian ro:Romanian bg:Bulgarian mk:Macedonian ru:Russian uk:Ukrainian "
    "be:Belarusian lt:Lithuanian lv:Latvian et:Estonian el:Greek tr:Turkish az:Azerbaijani ka:Georgian "
    "hy:Armenian ar:Arabic he:Hebrew fa:Persian ur:Urdu hi:Hindi bn:Bengali mr:Marathi ta:Tamil te:Telugu "
    "ml:Malayalam kn:Kannada gu:Gujarati pa:Punjabi ne:Nepali si:Sinhala th:Thai vi:Vietnamese id:Indonesian "
    "ms:Malay tl:Tagalog zh:Chinese ja:Japanese ko:Korean sw:Swahili am:Amharic af:Afrikaans ca:Catalan "
    "eu:Basque gl:Galician ga:Irish cy:Welsh sq:Albanian kk:Kazakh uz:Uzbek mn:Mongolian km:Khmer lo:Lao "
    "my:Burmese").split())


def language_note(brief: Brief) -> str | None:
    """A line for a brief with articles not in English: what is left out of them and why."""
    other = [str(a["lang"]) for a in brief.articles if a.get("lang")]
    if not other:
        return None
    names = ", ".join(sorted({_LANGUAGE_NAMES.get(x.split("-")[0].lower(), x) for x in other}))
    if len(other) == len(brief.articles):
        return (f"Written in {names}: names and quotes are read in English articles only, and dates only where "
                f"written in numbers.")
    return (f"{len(other)} of {len(brief.articles)} articles are in {names}: their names and quotes are not read, "
            f"and their dates only where written in numbers.")


def nothing_about(brief: Brief) -> str:
    """What a focused brief says when no sentence of its articles is about its subject."""
    return f"No sentence of these articles is about {brief.about}."


def brief_json(brief: Brief, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(brief), indent=indent, ensure_ascii=False)


def _md(text: str) -> str:
    """Article words as Markdown text: a "<" cannot open an HTML tag there ("<b>" in a title is shown,
    not rendered), on one line (a quote of several paragraphs stays inside its list item)."""
    return " ".join(text.split()).replace("<", "\\<")


def brief_markdown(brief: Brief) -> str:
    labels = citation_labels(brief)
    lines = [f"# {_md(brief.headline)}", ""]
    lines += [f"*{_articles(len(brief.articles))}, {dates_shown(brief.first_published, brief.last_published)}*", ""]
    note = language_note(brief)
    if note:
        lines += [f"*{note}*", ""]
    lines += [f"## {summary_title(brief)}", ""]
    if brief.about and not brief.summary:
        lines.append(nothing_about(brief))
    for s in brief.summary:
        cited = refs(s.citations, labels, WEB_REFS)
        day = reported_on(brief, s)
        other = differs_note(s, labels)   # (its space kept: "[2](other reports ...)" would read as a link)
        lines.append(f"- {f'*{day}* ' if day else ''}{_md(s.text)} {cited}{' ' + _md(other) if other else ''}")
    if brief.timeline:
        lines += ["", f"## {section_title(brief, 'Timeline')}", ""]
        for t in brief.timeline:
            cited = refs(t.citations, labels, WEB_REFS)
            lines.append(f"- **{t.date}** {_md(t.text)} {cited}")
    if brief.entities:
        lines += ["", "## People, organisations and places", ""]
        listed = listed_entities(brief.entities)
        for e in listed[:MARKDOWN_ENTITIES]:
            extra = []
            if e.roles:
                extra.append("; ".join(e.roles))
            if any(a != e.name for a in e.aliases):
                extra.append("also: " + ", ".join(a for a in e.aliases if a != e.name))
            lines.append(f"- **{_md(e.name)}** ({e.label})" + (f": {_md(' | '.join(extra))}" if extra else ""))
        if len(listed) > MARKDOWN_ENTITIES:  # as the web page folds them: the rest by name only
            lines.append(f"- and {len(listed) - MARKDOWN_ENTITIES} more: "
                         + _md(", ".join(e.name for e in listed[MARKDOWN_ENTITIES:])))
    if brief.quotes:
        lines += ["", "## Who said what", ""]
        for g in brief.quotes:
            lines.append(f"- **{_md(g.speaker)}**")
            for i, q in enumerate(g.quotes):
                lines.append(f"  - {_md(quote_text(q) + relayed_note(q))} {refs(quote_citations(g, i), labels, WEB_REFS)}")
    if brief.disagreements:
        lines += ["", "## Where the sources differ", ""]
        for d in brief.disagreements:
            lines.append(f"- **{_md(d.slot)}**" + (f" · {_md(d.note)}" if d.note else ""))
            for v in d.values:
                said = f': "{_md(v.said)}"' if v.said and v.said != v.shown else ""
                lines.append(f"  - {_md(v.shown)}{said} {refs(v.citations, labels)}")
    if brief.new_since:
        lines += ["", "## What each new article adds", ""]
        for n in brief.new_since:
            for s in n.added:
                lines.append(f"- [{labels.get(n.article_id, '?')}] {_md(s.text)}")
    if brief.revisions:
        lines += ["", f"## {REVISIONS_TITLE}", ""]
        names = {str(a["id"]): a for a in brief.articles}
        for r in brief.revisions:
            lines.append(f"- [{labels.get(r.article_id, '?')}] {_md(revised_by(names.get(r.article_id, {}), r))}")
            lines.extend(f"  - {_md(t)}" for t in change_lines(r))
    lines += ["", "## Sources", ""]
    for a in brief.articles:
        title, derived = shown_title(a)
        title = _md(title)
        if derived:
            title = f"*{title}* [{DERIVED_NOTE}]"
        link = _md_link(a.get("url"))
        name = _source_name(a)
        lines.append(f"{labels[str(a['id'])]}. {title}{f' ({_md(name)})' if name else ''}{link}")
    return "\n".join(lines) + "\n"


REVISIONS_TITLE = "Corrections and updates"


def revised_by(a: Mapping[str, Any], r: Revision) -> str:
    """Who revised and when: "Harlow Gazette, revised 2026-11-25"."""
    return ", ".join(x for x in (str(a.get("source") or a.get("title") or r.article_id),
                                 f"revised {r.revised_at[:10]}" if r.revised_at else "revised") if x)


def parts_shown(c: Change) -> bool:
    """Whether a rewritten sentence is shown with the words that changed in it ("was 3, now 4"),
    rather than with the whole sentence it replaced (a change too long to read as words)."""
    return bool(c.was_part and c.now_part and len(c.was_part.split()) + len(c.now_part.split()) <= 16)


def change_text(c: Change) -> str:
    """One change of a revision in words: a rewritten sentence and what changed in it, an added
    sentence, a sentence left out."""
    if c.was and c.now:
        if parts_shown(c):
            return f"Now: “{c.now}” (was “{c.was_part}”, now “{c.now_part}”)"
        return f"Now: “{c.now}” Before: “{c.was}”"
    if c.now:
        return f"Adds: “{c.now}”"
    return f"No longer says: “{c.was}”"


def change_lines(r: Revision) -> list[str]:
    """The changes of a revision in words, and how many more there are."""
    more = [f"and {r.more} more change{'' if r.more == 1 else 's'}"] if r.more else []
    return [change_text(c) for c in r.changes] + more


def _md_link(url: object) -> str:
    """A source's address as a Markdown autolink, when it is a web address ("javascript:" or "data:"
    would be made clickable by many renderers): anything else is shown as code, not linked."""
    if not isinstance(url, str) or not url.strip():
        return ""
    u = url.strip()
    if re.match(r"https?://[^\s<>]+$", u, re.IGNORECASE):
        return f" <{u}>"
    return " `" + u.replace("`", "'")[:300] + "`"


def day_span(first: object, last: object) -> str:
    """Days of publication from ``first`` to ``last``: "2000-08-14 to 2000-09-27", or the one day."""
    return f"{first} to {last}" if last and last != first else str(first)


UNDATED = "undated"   # a story, or an article, with no day of publication (not even an inferred one)


def dates_shown(first: object, last: object) -> str:
    """A story's days of publication as its lists and its brief's heading show them (``day_span``), or
    "undated" for a story none of whose articles has a day."""
    return day_span(first, last) if first else UNDATED


def story_span(row: Mapping[str, Any]) -> str:
    """``dates_shown`` of a story's row."""
    return dates_shown(row.get("first_published"), row.get("last_published"))


@lru_cache(maxsize=1)
def _env():  # type: ignore[no-untyped-def]
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.serve", "web/templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )
    env.globals["timeline_chart"] = timeline_chart
    env.globals["cites"] = jinja2.pass_context(_cites)
    env.globals["shown_title"] = shown_title
    env.globals["language_note"] = language_note
    env.globals["relayed_note"] = relayed_note
    env.globals["quote_text"] = quote_text
    env.globals["listed_entities"] = listed_entities
    env.globals["derived_note"] = DERIVED_NOTE
    env.globals["nothing_about"] = nothing_about
    env.globals["reported_on"] = reported_on
    env.globals["parts_shown"] = parts_shown
    env.globals["story_span"] = story_span
    env.globals["dates_shown"] = dates_shown
    env.filters["display"] = display_text
    return env


def citation_field(c: Any, name: str) -> Any:
    """A field of a citation given as a record or as a dict (a template's literal)."""
    return c[name] if isinstance(c, Mapping) else getattr(c, name)


def path_segment(value: Any) -> str:
    """A path segment: ids are the users' strings, so '?', '#', '/' and spaces are percent-encoded."""
    return quote(str(value), safe="")


def cites_html(citations: Iterable[Any], labels: Mapping[str, int], names: Mapping[str, str],
               passages: Mapping[str, str], link_for: Callable[[Any], str] | None = None) -> str:
    """The footnote marks of ``citations`` (one per article, ``one_per_article``), each opening a note
    with its source's name, the cited words and a link to them in the article (``link_for``: a
    citation's address; without it, the brief's list of sources). Written in Python, not as a
    template macro: a story's quotes carry hundreds of them, and the macro made most of a page's cost.
    After ``WEB_REFS`` marks the others are counted ("+508", their labels in its title, a link to the
    sources): a sentence of a story of 500 copies is no line of 500 marks and their notes."""
    from markupsafe import escape

    out = ['<span class="cites">']
    cited = one_per_article(citations, labels)
    for c in cited[:WEB_REFS]:
        aid = citation_field(c, "article_id")
        label = escape(labels.get(aid, "?"))
        passage = passages.get(f"{aid}:{citation_field(c, 'start')}:{citation_field(c, 'end')}", "")
        go = (f'<a class="go" href="{escape(link_for(c))}">Read it in the article →</a>' if link_for is not None
              else f'<a class="go" href="#src-{escape(labels.get(aid, ""))}">Source [{label}]</a>')
        out.append(f'<span class="cite" tabindex="0" role="button" aria-expanded="false" data-article="{escape(aid)}">'
                   f'[{label}]<span class="pop" role="note"><b>{escape(names.get(aid, ""))}</b>'
                   f'<q>{escape(passage)}</q>{go}</span></span>')
    if len(cited) > WEB_REFS:
        rest = refs(cited[WEB_REFS:], labels)
        out.append(f'<a class="more-cites" href="#sources" title="also {escape(rest)}">'
                   f'+{len(cited) - WEB_REFS} more</a>')
    out.append("</span>")
    return "".join(out)


def _cites(ctx: Any, citations: Iterable[Any]) -> Any:
    """``cites_html`` as the templates call it, reading the page's labels, names and passages."""
    from markupsafe import Markup

    link_for = ctx.get("link_for")
    return Markup(cites_html(citations, ctx["labels"], ctx["names"], ctx["passages"],
                             link_for if callable(link_for) else None))


def one_per_article(citations: Iterable[Any], labels: Mapping[str, int]) -> list[Any]:
    """The first citation of each cited article, in footnote order ("[1][3]", never "[3][1][3]")."""
    first: dict[str, Any] = {}
    for c in citations:
        aid = citation_field(c, "article_id")
        first.setdefault(aid, c)
    return [first[a] for a in sorted(first, key=lambda a: labels.get(a, 10**6))]


_TITLE = re.compile(r"\{#\s*title:\s*(.+?)\s*#\}")


@lru_cache(maxsize=1)
def _section_templates() -> tuple[tuple[str, str], ...]:
    """(Brief field, section title) for every Brief field that has a ``sections/<field>.html`` template,
    in the order of the Brief's fields. The title is the template's ``{# title: ... #}`` comment."""
    env = _env()
    have = set(env.list_templates())
    out = []
    for f in dataclasses.fields(Brief):
        name = f"sections/{f.name}.html"
        if name in have:
            src = env.loader.get_source(env, name)[0]
            m = _TITLE.search(src)
            out.append((f.name, m.group(1) if m else f.name.replace("_", " ").capitalize()))
    return tuple(out)


def brief_sections(brief: Brief) -> list[tuple[str, str]]:
    """The (field, title) of each section the brief has something to show in (the summary always)."""
    return [(name, section_title(brief, title) if name in ("summary", "timeline") else title)
            for name, title in _section_templates()
            if name == "summary" or getattr(brief, name, None)]


_PLAIN = (str, int, float, bool, type(None), dict)  # no citation inside (a dict: an entity's mention counts)


@lru_cache(maxsize=64)
def _walked_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name != "articles")


def cited_spans(brief: Brief) -> set[tuple[str, int, int]]:
    """Every (article_id, start, end) the brief cites, in any section."""
    spans: set[tuple[str, int, int]] = set()

    def walk(value: Any) -> None:
        if isinstance(value, _PLAIN):
            return
        if isinstance(value, Citation) or isinstance(value, Quote):
            spans.add((value.article_id, value.start, value.end))
        elif isinstance(value, SummarySentence):
            spans.update((c.article_id, c.start, c.end) for c in value.citations)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for name in _walked_fields(type(value)):
                walk(getattr(value, name))

    walk(brief)
    return spans


def passages_for(brief: Brief, texts: Mapping[str, str],
                 spans: Iterable[tuple[str, int, int]] | None = None) -> dict[str, str]:
    """"article_id:start:end" -> the cited words, for every span the brief cites (``texts``: id -> text;
    ``spans``: ``cited_spans(brief)`` when the caller has them).
    A span shorter than a sentence (a number or a name that the sources tell otherwise: "2,500") is
    shown with its sentence, so that a reader can check what it counts. A tokenized corpus's words
    ("Google 's -LRB- GOOG -RRB-") read in ordinary typography, as everywhere in the brief."""
    return {f"{aid}:{s}:{e}": display_text(_passage(texts.get(aid, ""), s, e))
            for aid, s, e in (cited_spans(brief) if spans is None else spans)}


_SHORT_SPAN = 40  # characters: a cited span this short is a value, shown in its sentence


def _passage(text: str, start: int, end: int) -> str:
    if end - start >= _SHORT_SPAN or not text:
        return text[start:end]
    s, e = sentence_around(text, start, end)
    return text[s:e].strip()


# --- the timeline as a chart on a time axis -----------------------------------------------------

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _when(value: str) -> tuple[date, str] | None:
    """The first day of a TIMEX-like date value and its granularity (day, month, year), or None."""
    m = _DATE.match(value or "")
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if d:
            return date(y, int(mo), int(d)), "day"
        if mo:
            return date(y, int(mo), 1), "month"
        return date(y, 1, 1), "year"
    except ValueError:
        return None


def _ticks(lo: date, hi: date) -> list[tuple[date, str]]:
    span = (hi - lo).days
    if span > 3 * 365:
        step = max(1, (hi.year - lo.year) // 6 + 1)
        return [(date(y, 1, 1), str(y)) for y in range(lo.year, hi.year + 2, step)]
    if span > 75:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 2
        step = max(1, months // 7 + 1)
        out = []
        for i in range(0, months, step):
            y, m = divmod(lo.month - 1 + i, 12)
            out.append((date(lo.year + y, m + 1, 1), f"{date(lo.year + y, m + 1, 1):%b %Y}"))
        return out
    step = max(1, span // 6 + 1)
    return [(date.fromordinal(lo.toordinal() + i), f"{date.fromordinal(lo.toordinal() + i):%d %b}")
            for i in range(0, span + 1, step)]


def _time_axis(days: Sequence[date], lo: date, hi: date, x0: float, x1: float,
               spread: float) -> Callable[[date], float]:
    """Date -> x. ``spread`` 0: linear in time; towards 1, the event dates ``days`` move towards even
    spacing (piecewise linear between them, still in time order), so that events crowded into a few
    days of a long span get room while the axis keeps its order."""
    knots = sorted({lo, hi, *days})
    span = max(1, (hi - lo).days)
    n = len(knots)
    xs = [x0 + (x1 - x0) * ((1 - spread) * (k - lo).days / span + spread * (i / (n - 1) if n > 1 else 0.0))
          for i, k in enumerate(knots)]
    ords = [k.toordinal() for k in knots]

    def xpos(d: date) -> float:
        o = d.toordinal()
        if o <= ords[0]:
            return round(xs[0], 1)
        if o >= ords[-1]:
            return round(xs[-1], 1)
        j = bisect.bisect_right(ords, o)   # ords[j - 1] <= o < ords[j]: the knots are distinct days
        a, b = ords[j - 1], ords[j]
        return round(xs[j - 1] + (xs[j] - xs[j - 1]) * (o - a) / (b - a), 1)
    return xpos


def _lanes(xs: Sequence[float], max_lanes: int, gap: float = 22) -> tuple[list[int], int, bool]:
    """A lane per dot (in the given order) so that dots in one lane are ``gap`` apart; the number of
    lanes; whether some dot found none free (crowded: it shares the lane whose last dot is furthest)."""
    lanes: list[float] = []
    out, crowded = [], False
    for x in xs:
        lane = next((k for k, last in enumerate(lanes) if x - last >= gap), None)
        if lane is None and len(lanes) < max_lanes:
            lane = len(lanes)
            lanes.append(x)
        elif lane is None:
            lane = min(range(len(lanes)), key=lambda k: lanes[k])
            crowded = True
        lanes[lane] = x
        out.append(lane)
    return out, len(lanes), crowded


def timeline_chart(entries: Sequence[TimelineEntry], *, width: int = 640,
                   max_lanes: int = 6) -> dict[str, Any] | None:
    """Positions for an SVG chart of timeline entries on a time axis (numbered dots stacked in lanes
    so that none overlaps), or None when fewer than one entry has a calendar date. When the dots
    would still overlap (many events within days of each other on a long axis), the axis gives the
    event dates more even room (``spread``, see ``_time_axis``); ticks keep their true dates."""
    dated = []
    for i, e in enumerate(entries, start=1):
        when = _when(e.date)
        if when:
            dated.append((i, when[0], when[1], e))
    if not dated:
        return None
    lo = min(d for _, d, _, _ in dated)
    hi = max(d for _, d, _, _ in dated)
    ticks = [t for t in _ticks(lo, hi)]
    lo = min(lo, ticks[0][0])
    hi = max(hi, ticks[-1][0])
    x0, x1 = 24, width - 24
    order = sorted(dated, key=lambda t: (t[1], t[0]))
    for spread in (0.0, 0.5, 0.75):
        xpos = _time_axis([d for _, d, _, _ in dated], lo, hi, x0, x1, spread)
        xs = [xpos(d) for _, d, _, _ in order]
        lanes, n_lanes, crowded = _lanes(xs, max_lanes)
        if not crowded:
            break
    points: list[dict[str, Any]] = [{"index": i, "x": x, "lane": lane, "date": e.date, "granularity": gran,
                                     "text": e.text if len(e.text) <= 160 else e.text[:157] + "…"}
                                    for (i, d, gran, e), x, lane in zip(order, xs, lanes)]
    axis_y = 20 + 24 * n_lanes
    for p in points:
        p["y"] = axis_y - 18 - 24 * p["lane"]
    shown: list[dict[str, Any]] = []
    right = float("-inf")
    for d, label in ticks:  # a label is about 7 px a character; one that would touch the last is left out
        if not lo <= d <= hi:
            continue
        x, w = xpos(d), 7 * len(label)
        anchor = "start" if x - x0 < w / 2 else "end" if x1 - x < w / 2 else "middle"  # inward at the ends
        left = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
        if left >= right + 6:
            shown.append({"x": x, "label": label, "anchor": anchor})
            right = left + w
    return {"width": width, "height": axis_y + 26, "axis_y": axis_y, "x0": x0, "x1": x1, "ticks": shown,
            "points": points, "first": dated[0][3].date if dated else "", "last": dated[-1][3].date if dated else ""}


def _names(brief: Brief) -> dict[str, str]:
    return {str(a["id"]): _article_name(a) for a in brief.articles}


def brief_context(brief: Brief, passages: Mapping[str, str] | None = None) -> dict[str, Any]:
    """What the brief templates need: labels, article names, cited passages, sections."""
    return {"brief": brief, "labels": citation_labels(brief), "names": _names(brief),
            "passages": dict(passages or {}), "source_name": _source_name,
            "sections": brief_sections(brief)}


def brief_html(brief: Brief, *, passages: dict[str, str] | None = None, standalone: bool = True) -> str:
    """A self-contained HTML page of the brief. Every piece of article text is escaped.

    ``passages`` maps "article_id:start:end" to the cited text, shown when a citation is opened.
    """
    return _env().get_template("brief_page.html").render(standalone=standalone, site=None,
                                                         **brief_context(brief, passages))


def page_html(template: str, **context: Any) -> str:
    """Render one of the web templates (the served site) with ``context``."""
    return _env().get_template(template).render(**context)


TERMINAL_TIMELINE = 25   # the terminal shows this many dated events (the most reported), the other formats all
TERMINAL_SPEAKERS = 12   # and the most quoted speakers
TERMINAL_QUOTES = 3      # quotes of each
TERMINAL_NAMES = 15      # main names (people, organisations, places) in the table, then other names up to
TERMINAL_ALL_NAMES = 18  # this many in all; a quoted person is always shown


def terminal_entities(brief: Brief) -> list[Any]:
    """The entities the terminal's table shows: the main names first (``listed_entities``), every
    person the brief quotes among them however rarely named (a spokesman quoted twice in one
    article), then the next names in that order to fill the table."""
    listed = listed_entities(brief.entities)
    quoted = {g.entity_id for g in brief.quotes if g.entity_id} | {g.speaker for g in brief.quotes}
    main = listed[:TERMINAL_NAMES]
    main += [e for e in listed[TERMINAL_NAMES:] if e.label == "PERSON" and (e.id in quoted or e.name in quoted)]
    rest = [e for e in listed[TERMINAL_NAMES:] if e not in main]
    return main + rest[:max(0, TERMINAL_ALL_NAMES - len(main))]


def terminal_timeline(entries: Sequence[Any], limit: int = TERMINAL_TIMELINE) -> list[Any]:
    """The entries a terminal shows: all when they fit, else the ``limit`` most reported (highest
    ``importance``; the earlier on ties), still in date order."""
    if len(entries) <= limit:
        return list(entries)
    keep = set(sorted(range(len(entries)), key=lambda i: (-float(getattr(entries[i], "importance", 0.0)), i))[:limit])
    return [e for i, e in enumerate(entries) if i in keep]


def brief_rich(brief: Brief):  # type: ignore[no-untyped-def]
    """A rich renderable of the brief for the terminal."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    labels = citation_labels(brief)
    parts: list[Any] = []
    summ = Table.grid(padding=(0, 1))   # a wrapped line stays under its sentence, not under the bullet
    summ.add_column(no_wrap=True)
    summ.add_column()
    for s in brief.summary:
        day = reported_on(brief, s)
        line = Text(day + " ", style="dim") if day else Text()
        line.append(s.text + " ")
        line.append(refs(s.citations, labels, TERMINAL_REFS), style="cyan")
        if s.differs:
            line.append(differs_note(s, labels), style="yellow")
        summ.add_row("•", line)
    if brief.about and not brief.summary:
        summ.add_row("", Text(nothing_about(brief), style="dim"))
    note = language_note(brief)
    if note:
        parts.append(Text(note, style="dim"))
    parts.append(Panel(summ, title=summary_title(brief), title_align="left"))
    if brief.timeline:
        t = Table(show_header=True, header_style="bold", box=None)
        t.add_column("date", style="green", no_wrap=True)
        t.add_column("event")
        t.add_column("src", style="cyan")
        entries = terminal_timeline(brief.timeline)
        for e in entries:
            t.add_row(e.date, e.text, refs(e.citations, labels, TERMINAL_REFS))
        more = len(brief.timeline) - len(entries)
        body: Any = Group(t, Text(f"{more} more dated events: brief --format html or md lists them all",
                                  style="dim")) if more else t
        parts.append(Panel(body, title=section_title(brief, "Timeline"), title_align="left"))
    if brief.entities:
        t = Table(show_header=True, header_style="bold", box=None)
        t.add_column("name", style="bold")
        t.add_column("kind")
        t.add_column("roles / also written")
        t.add_column("articles", justify="right")
        # people, organisations and places first: a demonym ("Chinese") must not push a quoted person out
        shown = terminal_entities(brief)
        for e in shown:
            also = [a for a in e.aliases if a != e.name]
            desc = "; ".join(list(e.roles[:2]) + ([("also: " + ", ".join(also[:4]))] if also else []))
            t.add_row(e.name, e.label, desc, str(len(e.mentions)))
        body = t
        if len(shown) < len(brief.entities):
            body = Group(t, Text(f"{len(brief.entities) - len(shown)} more names: brief --format html or md lists "
                                 "them all", style="dim"))
        parts.append(Panel(body, title="People, organisations and places", title_align="left"))
    if brief.quotes:
        said: list[Any] = []
        for g in brief.quotes[:TERMINAL_SPEAKERS]:
            said.append(Text(g.speaker, style="bold"))
            for i, qu in enumerate(g.quotes[:TERMINAL_QUOTES]):
                line = Text(quote_text(qu))
                line.append(relayed_note(qu) + " ", style="dim")
                line.append(refs(quote_citations(g, i), labels, TERMINAL_REFS), style="cyan")
                said.append(Padding(line, (0, 0, 0, 2)))   # wrapped lines stay indented under the speaker
            if len(g.quotes) > TERMINAL_QUOTES:
                more = len(g.quotes) - TERMINAL_QUOTES
                said.append(Padding(Text(f"{more} more {'quote' if more == 1 else 'quotes'} of {g.speaker}",
                                         style="dim"), (0, 0, 0, 2)))
        if len(brief.quotes) > TERMINAL_SPEAKERS:
            said.append(Text(f"{len(brief.quotes) - TERMINAL_SPEAKERS} more speakers: brief --format html or md "
                             "lists them all", style="dim"))
        parts.append(Panel(Group(*said), title="Who said what", title_align="left"))
    if brief.disagreements:
        rows: list[Any] = []
        for dis in brief.disagreements:
            rows.append(Text(dis.slot, style="bold"))
            for v in dis.values:   # a value's words wrapped under it, not at the panel's edge
                words = f'  "{v.said}"' if v.said and v.said != v.shown else ""
                rows.append(Padding(Text.assemble((v.shown, "bold"), (words, "italic"),
                                                  (" " + refs(v.citations, labels, TERMINAL_REFS), "cyan")),
                                    (0, 0, 0, 2)))
        parts.append(Panel(Group(*rows), title="Where the sources differ", title_align="left"))
    if brief.new_since:
        ns = Text()
        added = [(n.article_id, s) for n in brief.new_since for s in n.added]
        for aid, s in added[:TERMINAL_NEW]:
            ns.append(f"[{labels.get(aid, '?')}] ", style="cyan")
            ns.append(s.text + "\n")
        if len(added) > TERMINAL_NEW:
            ns.append(f"{len(added) - TERMINAL_NEW} more: brief --format html or md lists them all\n", style="dim")
        parts.append(Panel(ns, title="What each new article adds", title_align="left"))
    if brief.revisions:
        rv = Text()
        names = {str(a["id"]): a for a in brief.articles}
        for r in brief.revisions:
            rv.append(f"[{labels.get(r.article_id, '?')}] ", style="cyan")
            rv.append(revised_by(names.get(r.article_id, {}), r) + "\n", style="bold")
            for change in change_lines(r):
                rv.append(f"  {change}\n")
        parts.append(Panel(rv, title=REVISIONS_TITLE, title_align="left"))
    src = Text()
    for a in brief.articles:
        src.append(f"[{labels[str(a['id'])]}] ", style="cyan")
        title, derived = shown_title(a)
        src.append(title, style="italic" if derived else None)
        if derived:
            src.append(f" [{DERIVED_NOTE}]", style="dim")
        name = _source_name(a)
        src.append(f" — {name}\n" if name else "\n")
    parts.append(Panel(src, title="Sources", title_align="left"))
    return Panel(Group(*parts), title=f"[bold]{brief.headline}[/bold]",
                 subtitle=f"{_articles(len(brief.articles))}  ·  {dates_shown(brief.first_published, brief.last_published)}")
