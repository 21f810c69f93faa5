"""Briefs as JSON, Markdown, self-contained HTML and rich terminal output."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..records import Brief, to_dict

__all__ = ["brief_json", "brief_markdown", "brief_html", "brief_rich", "citation_labels"]


def citation_labels(brief: Brief) -> dict[str, int]:
    """Article id -> footnote number, in the order articles are listed in the brief."""
    return {str(a["id"]): i for i, a in enumerate(brief.articles, start=1)}


def _article_name(a: Any) -> str:
    parts = [a.get("source") or a.get("title") or a.get("id")]
    if a.get("published"):
        parts.append(str(a["published"]) + (" (inferred)" if a.get("published_inferred") else ""))
    return ", ".join(str(p) for p in parts if p)


def brief_json(brief: Brief, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(brief), indent=indent, ensure_ascii=False)


def brief_markdown(brief: Brief) -> str:
    labels = citation_labels(brief)
    lines = [f"# {brief.headline}", ""]
    if brief.first_published:
        span = brief.first_published if brief.first_published == brief.last_published else \
            f"{brief.first_published} to {brief.last_published}"
        lines += [f"*{len(brief.articles)} articles, {span}*", ""]
    lines += ["## Summary", ""]
    for s in brief.summary:
        refs = "".join(f"[{labels.get(c.article_id, '?')}]" for c in s.citations)
        lines.append(f"- {s.text} {refs}")
    if brief.timeline:
        lines += ["", "## Timeline", ""]
        for t in brief.timeline:
            refs = "".join(f"[{labels.get(c.article_id, '?')}]" for c in t.citations)
            lines.append(f"- **{t.date}** {t.text} {refs}")
    if brief.entities:
        lines += ["", "## People, organisations and places", ""]
        for e in brief.entities:
            extra = []
            if e.roles:
                extra.append("; ".join(e.roles))
            if len(e.aliases) > 1:
                extra.append("also: " + ", ".join(a for a in e.aliases if a != e.name))
            lines.append(f"- **{e.name}** ({e.label})" + (f": {' | '.join(extra)}" if extra else ""))
    if brief.quotes:
        lines += ["", "## Who said what", ""]
        for g in brief.quotes:
            lines.append(f"- **{g.speaker}**")
            for q in g.quotes:
                lines.append(f"  - {q.text} [{labels.get(q.article_id, '?')}]")
    if brief.disagreements:
        lines += ["", "## Where the sources differ", ""]
        for d in brief.disagreements:
            vals = "; ".join(
                f"{v.value} " + "".join(f"[{labels.get(c.article_id, '?')}]" for c in v.citations)
                for v in d.values)
            lines.append(f"- **{d.slot}**: {vals}")
    if brief.new_since:
        lines += ["", "## What each new article adds", ""]
        for n in brief.new_since:
            for s in n.added:
                lines.append(f"- [{labels.get(n.article_id, '?')}] {s.text}")
    lines += ["", "## Sources", ""]
    for a in brief.articles:
        title = a.get("title") or "(untitled)"
        link = f" <{a['url']}>" if a.get("url") else ""
        lines.append(f"{labels[str(a['id'])]}. {title} ({_article_name(a)}){link}")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _env():  # type: ignore[no-untyped-def]
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.serve", "web/templates"),
        autoescape=jinja2.select_autoescape(default=True, default_for_string=True),
        trim_blocks=True, lstrip_blocks=True,
    )


def brief_html(brief: Brief, *, passages: dict[str, str] | None = None, standalone: bool = True) -> str:
    """A self-contained HTML page of the brief. Every piece of article text is escaped.

    ``passages`` maps "article_id:start:end" to the cited text, shown when a citation is opened.
    """
    labels = citation_labels(brief)
    return _env().get_template("brief_page.html").render(
        brief=brief, labels=labels, passages=passages or {}, article_name=_article_name,
        standalone=standalone)


def brief_rich(brief: Brief):  # type: ignore[no-untyped-def]
    """A rich renderable of the brief for the terminal."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    labels = citation_labels(brief)
    parts: list[Any] = []
    summ = Text()
    for s in brief.summary:
        summ.append("• " + s.text + " ")
        summ.append("".join(f"[{labels.get(c.article_id, '?')}]" for c in s.citations), style="cyan")
        summ.append("\n")
    parts.append(Panel(summ, title="Summary", title_align="left"))
    if brief.timeline:
        t = Table(show_header=True, header_style="bold", box=None)
        t.add_column("date", style="green", no_wrap=True)
        t.add_column("event")
        t.add_column("src", style="cyan")
        for e in brief.timeline:
            t.add_row(e.date, e.text, "".join(f"[{labels.get(c.article_id, '?')}]" for c in e.citations))
        parts.append(Panel(t, title="Timeline", title_align="left"))
    if brief.entities:
        t = Table(show_header=True, header_style="bold", box=None)
        t.add_column("name", style="bold")
        t.add_column("kind")
        t.add_column("roles / also written")
        t.add_column("articles", justify="right")
        for e in brief.entities[:15]:
            also = [a for a in e.aliases if a != e.name]
            desc = "; ".join(list(e.roles[:2]) + ([("also: " + ", ".join(also[:4]))] if also else []))
            t.add_row(e.name, e.label, desc, str(len(e.mentions)))
        parts.append(Panel(t, title="People, organisations and places", title_align="left"))
    if brief.quotes:
        q = Text()
        for g in brief.quotes:
            q.append(g.speaker + "\n", style="bold")
            for qu in g.quotes[:3]:
                q.append(f"  {qu.text} ")
                q.append(f"[{labels.get(qu.article_id, '?')}]\n", style="cyan")
        parts.append(Panel(q, title="Who said what", title_align="left"))
    if brief.disagreements:
        d = Text()
        for dis in brief.disagreements:
            d.append(dis.slot + ": ", style="bold")
            d.append("  vs  ".join(
                v.value + " " + "".join(f"[{labels.get(c.article_id, '?')}]" for c in v.citations)
                for v in dis.values) + "\n")
        parts.append(Panel(d, title="Where the sources differ", title_align="left"))
    src = Text()
    for a in brief.articles:
        src.append(f"[{labels[str(a['id'])]}] ", style="cyan")
        src.append(f"{a.get('title') or '(untitled)'} — {_article_name(a)}\n")
    parts.append(Panel(src, title="Sources", title_align="left"))
    span = ""
    if brief.first_published:
        span = f"  ·  {brief.first_published}" + (
            f" to {brief.last_published}" if brief.last_published != brief.first_published else "")
    return Panel(Group(*parts), title=f"[bold]{brief.headline}[/bold]",
                 subtitle=f"{len(brief.articles)} articles{span}")
