"""The web pages, rendered server-side: story list, search, story page sections, citations, escaping."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from html import unescape
from pathlib import Path

import httpx
import pytest
from test_api_data import build_store, rich_brief

from storyline.config import Settings
from storyline.records import Brief, TimelineEntry
from storyline.serve.api import create_app
from storyline.serve.render import _section_templates, brief_html, brief_sections, timeline_chart

HTML = {"Accept": "text/html"}


@pytest.fixture
def store(tmp_path: Path):
    settings = Settings(db=str(tmp_path / "web.db"), token="t")
    s = build_store(settings.db_path(), settings)
    yield s
    s.close()


@pytest.fixture
def app(store):
    return create_app(Settings(db=str(store.path), token="t"), store=store, background=False)


def get(app, url: str, **params: str) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as c:
            return await c.get(url, params=params, headers=HTML)

    return asyncio.run(go())


def text_of(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_story_list_and_search(app, store):
    r = get(app, "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for sid in ("s-bridge", "s-orchard", "s-library"):
        assert store.get_brief(sid).headline in text_of(r.text)
    assert 'href="/stories/s-bridge"' in r.text and 'name="viewport"' in r.text
    found = get(app, "/", q="girder")
    assert "/stories/s-bridge" in found.text and "/stories/s-orchard" not in found.text
    assert "1 story" in text_of(found.text)
    none = get(app, "/", q="zeppelin")
    assert "No story matches" in none.text
    dated = get(app, "/", **{"from": "2024-04-01"})
    assert "/stories/s-orchard" in dated.text and "/stories/s-library" not in dated.text


def test_story_page_shows_every_section(app, store):
    rich_brief(store)
    r = get(app, "/stories/s-bridge")
    assert r.status_code == 200
    html = r.text
    for sid in ("summary", "timeline", "entities", "quotes", "disagreements", "new_since", "sources"):
        assert f'<section id="{sid}">' in html, sid
    assert "<svg" in html and "circle" in html            # the timeline chart on a time axis
    assert "Mara Quint" in html and "council leader" in html and 'href="/entities/e-quint"' in html
    assert "six weeks" in html and "two months" in html and 'class="vs"' in html
    # a citation carries its passage and links to it, highlighted, in the article page
    m = re.search(r'<span class="cite"[^>]*>\[(\d)\]<span class="pop"[^>]*><b>([^<]*)</b><q>([^<]+)</q>'
                  r'<a class="go" href="([^"]+)"', html)
    assert m, html[:2000]
    passage, href = unescape(m.group(3)), unescape(m.group(4))
    assert href.startswith("/articles/") and "#passage" in href
    art = get(app, href.split("#")[0].split("?")[0], **dict(p.split("=") for p in href.split("?")[1].split("#")[0].split("&")))
    assert f'<mark id="passage">{passage}</mark>'.replace("'", "&#39;") in art.text or passage in text_of(art.text)
    assert '<mark id="passage">' in art.text


def test_story_page_only_shows_sections_that_exist(app, store):
    html = get(app, "/stories/s-library").text
    assert '<section id="summary">' in html and '<section id="sources">' in html
    brief = store.get_brief("s-library")
    for field, section in (("timeline", "timeline"), ("quotes", "quotes"), ("disagreements", "disagreements")):
        assert (f'<section id="{section}">' in html) == bool(getattr(brief, field)), field


def test_sections_are_one_template_per_brief_field():
    fields = [f.name for f in dataclasses.fields(Brief)]
    names = [n for n, _ in _section_templates()]
    assert names == [f for f in fields if f in names]      # in the order of the Brief's fields
    assert {"summary", "timeline", "entities", "quotes", "disagreements", "new_since"} <= set(names)
    folder = Path(__file__).resolve().parents[1] / "storyline" / "serve" / "web" / "templates" / "sections"
    assert {p.stem for p in folder.glob("*.html")} == set(names)   # no template without its field
    b = Brief(story_id="s", headline="h", timeline=(TimelineEntry("2020", "year", "x"),))
    assert [n for n, _ in brief_sections(b)] == ["summary", "timeline"]


def test_article_page_escapes_everything(app):
    r = get(app, "/articles/orchard-1")
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in r.text
    hl = get(app, "/articles/orchard-1", s="2", e="12")
    assert '<mark id="passage">late frost</mark>' in hl.text
    out_of_range = get(app, "/articles/orchard-1", s="5", e="99999")
    assert out_of_range.status_code == 200 and "<mark" not in out_of_range.text


def test_entity_page_and_html_errors(app, store):
    rich_brief(store)
    r = get(app, "/entities/e-quint")
    assert r.status_code == 200 and "Mara Quint" in r.text and "/stories/s-bridge" in r.text
    listed = get(app, "/", entity="Mara Quint")
    assert "Stories about Mara Quint" in listed.text
    missing = get(app, "/stories/s-nope")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
    assert "Not found" in missing.text


def test_standalone_brief_is_self_contained_and_escaped(store):
    b = store.get_brief("s-orchard")
    texts = {a.id: a.text for a in store.get_articles(["orchard-1", "orchard-2"])}
    from storyline.serve.render import passages_for

    html = brief_html(b, passages=passages_for(b, texts))
    assert "<script>alert" not in html
    assert not re.search(r'<(link|script)[^>]+(href|src)=', html)   # no external files
    assert "<style>" in html and 'class="pop"' in html


def test_timeline_chart_positions_follow_time():
    entries = [TimelineEntry("2019-01-08", "day", "a"), TimelineEntry("2018-06", "month", "b"),
               TimelineEntry("2017", "year", "c"), TimelineEntry("undated", "", "d")]
    chart = timeline_chart(entries)
    assert chart is not None
    xs = {p["index"]: p["x"] for p in chart["points"]}
    assert set(xs) == {1, 2, 3}
    assert xs[3] < xs[2] < xs[1]
    assert chart["ticks"] and all(chart["x0"] <= t["x"] <= chart["x1"] for t in chart["ticks"])
    same_day = timeline_chart([TimelineEntry("2020-01-01", "day", "a"), TimelineEntry("2020-01-01", "day", "b")])
    assert same_day and len({p["y"] for p in same_day["points"]}) == 2    # stacked, not drawn on top
    assert timeline_chart([TimelineEntry("soon", "", "x")]) is None


def test_story_list_shows_each_story_first_summary_sentence(app, store):
    html = get(app, "/").text
    for sid in ("s-bridge", "s-orchard", "s-library"):
        first = store.get_brief(sid).summary[0].text
        assert first[:60] in text_of(html), sid


def test_timeline_chart_stays_small_when_crowded():
    many = [TimelineEntry(f"2020-01-{d:02d}", "day", f"event {d}") for d in range(1, 29)] * 3
    chart = timeline_chart(many)
    assert chart is not None and len(chart["points"]) == len(many)
    assert len({p["y"] for p in chart["points"]}) <= 6 and chart["height"] < 250


def test_timeline_chart_gives_room_to_events_crowded_into_days_of_a_long_axis():
    # the shipped examples' shape: two background events months before, ten within five days
    days = ["2025-03-10"] * 3 + ["2025-03-11"] * 3 + ["2025-03-12", "2025-03-13", "2025-03-13", "2025-03-14"]
    entries = [TimelineEntry("2024-06", "month", "a"), TimelineEntry("2025-01", "month", "b")] + [
        TimelineEntry(d, "day", f"e{i}") for i, d in enumerate(days)]
    chart = timeline_chart(entries)
    assert chart is not None and len(chart["points"]) == len(entries)
    pts = chart["points"]
    for a in pts:   # no dot drawn over another (dots are 18 px wide)
        for b in pts:
            if a is not b:
                assert abs(a["x"] - b["x"]) >= 18 or abs(a["y"] - b["y"]) >= 18, (a, b)
    by_index = {p["index"]: p["x"] for p in pts}
    assert by_index[1] < by_index[2] < by_index[3] <= by_index[9] < by_index[12]   # still in time order
    xs = [t["x"] for t in chart["ticks"]]
    assert xs == sorted(xs) and all(b - a >= 40 for a, b in zip(xs, xs[1:]))      # labels apart
    assert all(chart["x0"] <= x <= chart["x1"] for x in xs)
    # a chart with room stays linear in time
    even = timeline_chart([TimelineEntry(f"2020-{m:02d}-01", "day", "x") for m in (1, 2, 3, 4, 5)])
    steps = [b["x"] - a["x"] for a, b in zip(even["points"], even["points"][1:])]
    assert max(steps) - min(steps) < 0.15 * max(steps)


def test_a_direct_quote_is_marked_once():
    """A direct quote shown in quotation marks gets none added when its words carry their own (a
    quote in two parts around "Marsh said")."""
    from storyline.records import Quote, QuoteGroup

    both = Quote(start=0, end=60, text='"The air is clean," Marsh said. "But the line stays shut."', kind="direct",
                 article_id="a")
    bare = Quote(start=70, end=90, text="We will pay every cost", kind="direct", article_id="a")
    b = Brief(story_id="s", headline="t", quotes=(QuoteGroup(speaker="Helen Marsh", quotes=(both, bare)),))
    html = unescape(brief_html(b))
    assert '“"The air' not in html and '"The air is clean,"' in html
    assert "“We will pay every cost”" in html


def test_the_terminal_brief_has_every_section_the_markdown_has(store):
    """`storyline brief` in a terminal shows the same sections as the markdown and html briefs,
    "what each new article adds" included."""
    from rich.console import Console

    from storyline.serve.render import brief_markdown, brief_rich

    from storyline.records import NewSince, SummarySentence

    b = store.get_brief("s-orchard")
    assert b is not None
    added = SummarySentence(text="Growers asked the ministry for emergency loans on Monday.", citations=())
    b = dataclasses.replace(b, new_since=(NewSince(article_id=str(b.articles[-1]["id"]), added=(added,)),))
    console = Console(width=200, record=True)
    console.print(brief_rich(b))
    shown = console.export_text()
    for title in re.findall(r"^## (.+)$", brief_markdown(b), flags=re.M):
        assert title in shown
    assert b.new_since[0].added[0].text[:40] in shown


def test_a_long_reported_value_wraps_under_itself_in_the_terminal() -> None:
    """In the terminal's "Where the sources differ", the words a long value is reported in wrap
    indented under the value, not back at the panel's edge where the next slot's name stands."""
    from rich.console import Console

    from storyline.records import Brief, Citation, ClaimValue, Disagreement
    from storyline.serve.render import brief_rich

    said = "Fourteen of the freight train's fifty-two cars came off the tracks near the Harlow Road crossing"
    b = Brief(story_id="s", headline="h", articles=({"id": "a", "source": "A"}, {"id": "b", "source": "B"}),
              disagreements=(Disagreement(slot="cars derailed", values=(
                  ClaimValue(value="14", said=said, citations=(Citation("a", 0, 5),)),
                  ClaimValue(value="12", said="12 cars derailed", citations=(Citation("b", 0, 5),)))),))
    console = Console(width=60, record=True)
    console.print(brief_rich(b))
    panel = console.export_text().split("Where the sources differ")[1].split("╰")[0]
    lines = [ln.strip("│ ").rstrip(" │") for ln in panel.splitlines()[1:] if ln.strip("│ ")]
    assert lines[0] == "cars derailed" and len(lines) > 3
    assert all(ln.startswith("│ │   ") for ln in panel.splitlines()[2:] if ln.strip("│ ╰─"))


def test_brief_page_folds_long_lists_of_speakers_and_quotes() -> None:
    from datetime import date

    import storyline
    from storyline.serve.render import brief_html

    arts = [storyline.Article(id=f"x{k}", source=f"Outlet {k}", published=date(2031, 5, 1 + k % 5), text=(
        "The Tallow river flood forced thousands from their homes in Brenmoor on Monday. "
        f"\"We have never seen water this high,\" said Resident{k} Speaker{k}, a farmer. "
        "Mayor Ilse Varga said the town would open two more shelters. "
        "\"Help is on the way,\" Varga said. \"We will not leave anyone behind,\" Varga said. "
        "\"Stay indoors,\" Varga said. \"Boats are coming,\" Varga said. \"The army is here,\" Varga said. "
        "\"Schools are closed,\" Varga said.")) for k in range(24)]
    b = storyline.brief(arts)
    assert len(b.quotes) > 20
    html = brief_html(b)
    assert f"{len(b.quotes) - 20} more speakers" in html
    varga = next(g for g in b.quotes if "Varga" in g.speaker)
    assert len(varga.quotes) > 5 and f"{len(varga.quotes) - 5} more from {varga.speaker}" in html
    # folded, not dropped: every speaker is still on the page
    assert all(g.speaker in html for g in b.quotes)
    assert html.count("<details") == html.count("</details>")


def test_a_sentence_that_hundreds_of_articles_carry_shows_a_few_marks_and_counts_the_rest():
    """A summary sentence of a story of 300 copies: the first WEB_REFS marks open their passages, the
    others are counted in one link to the sources ("+288 more", their labels in its title), not a line
    of 300 marks that cannot wrap; a sentence of few sources shows each mark."""
    from storyline.records import Brief, Citation, SummarySentence
    from storyline.serve.render import WEB_REFS, brief_html

    text = "The Tallow river flood closed the Brenmoor bridge on Monday."
    cited = tuple(Citation(f"a{k:03d}", 0, len(text)) for k in range(300))
    b = Brief(story_id="s", headline="h", articles=tuple({"id": c.article_id, "source": f"Outlet {k}"}
                                                         for k, c in enumerate(cited)),
              summary=(SummarySentence(text=text, citations=cited), SummarySentence(text=text, citations=cited[:3])))
    html = brief_html(b)
    assert html.count('class="cite"') == WEB_REFS + 3
    assert html.count("more-cites") >= 1 and f">+{300 - WEB_REFS} more</a>" in html
    assert f'title="also [{WEB_REFS + 1}][{WEB_REFS + 2}]' in html and "[300]\"" in html


def test_a_markdown_sentence_that_hundreds_of_articles_carry_counts_the_rest():
    """In the Markdown too a sentence of 300 copies shows the first WEB_REFS marks and how many more
    ("+288"), not 300 marks; a sentence of few sources shows each mark; the sources list keeps all."""
    from storyline.records import Brief, Citation, SummarySentence
    from storyline.serve.render import WEB_REFS, brief_markdown

    text = "The Tallow river flood closed the Brenmoor bridge on Monday."
    cited = tuple(Citation(f"a{k:03d}", 0, len(text)) for k in range(300))
    b = Brief(story_id="s", headline="h", articles=tuple({"id": c.article_id, "source": f"Outlet {k}"}
                                                         for k, c in enumerate(cited)),
              summary=(SummarySentence(text=text, citations=cited), SummarySentence(text=text, citations=cited[:3])))
    first, second = [line for line in brief_markdown(b).splitlines() if "Tallow" in line]
    assert first.endswith(f"[{WEB_REFS}] +{300 - WEB_REFS}") and "[300]" not in first
    assert second.endswith("[1][2][3]")


def test_a_cited_value_is_shown_in_its_sentence():
    """The popup of "(other reports: about 2,500 [3])" shows the sentence that says it, not "2,500"."""
    from storyline.records import Brief, Citation, SummarySentence
    from storyline.serve.render import passages_for

    text = "Fire crews evacuated homes. About 2,500 people spent two nights in shelters, officials said."
    k = text.index("2,500")
    b = Brief(story_id="s", headline="h", summary=(SummarySentence(
        text="Fire crews evacuated homes.", citations=(Citation("a", 0, 27), Citation("a", k, k + 5))),))
    shown = passages_for(b, {"a": text})
    assert shown[f"a:{k}:{k + 5}"] == "About 2,500 people spent two nights in shelters, officials said."
    assert shown["a:0:27"] == "Fire crews evacuated homes."


def test_the_story_list_does_not_repeat_a_headline_that_is_the_first_summary_sentence(app, store):
    b = store.get_brief("s-library")
    assert len(b.summary) >= 2
    first, second = b.summary[0].text, b.summary[1].text
    store.put_brief(dataclasses.replace(b, headline=first))   # a story without titles: its lead is its headline
    html = get(app, "/").text
    item = text_of(html.split('href="/stories/s-library"', 1)[1].split("</li>", 1)[0])
    assert item.count(first[:40]) == 1 and second[:40] in item
    # a headline cut from the sentence, or a sentence that says more, keeps the sentence under it
    from storyline.serve.render import list_teaser

    assert list_teaser("The new public library on Quay Street opened …", [first, second]) == first
    assert list_teaser("Library opens", [first]) == first
    assert list_teaser("Rain fell on Tuesday.", ["Rain fell on Tuesday (March 5, 2024)."]) is None


def test_the_pager_says_newer_and_older_only_for_a_list_in_time_order(app):
    by_size = get(app, "/", sort="size", offset="1").text
    assert 'rel="prev">← Previous</a>' in by_size and "Newer" not in by_size
    found = get(app, "/", q="the", offset="1").text   # best matches first
    assert 'rel="prev">← Previous</a>' in found and "Newer" not in found
    assert 'rel="prev">← Newer</a>' in get(app, "/", offset="1").text


def test_an_untitled_tokenized_article_reads_as_its_brief_shows_it(app, store):
    from storyline.pipeline import ingest_articles
    from storyline.records import Article

    text = ("The ferry `` Morwen '' ran aground off Skellig Point on Sunday -LRB- local time -RRB- . "
            "Its captain said the crew was safe .")
    ingest_articles(store, [Article(id="ferry-1", source="Coast Desk", published="2024-05-05", text=text)])
    page = get(app, "/articles/ferry-1").text
    h1 = text_of(page.split("<h1>", 1)[1].split("</h1>", 1)[0])
    assert "The ferry “Morwen” ran aground" in h1 and "(untitled)" not in h1   # its lead, marked as derived
    assert 'class="derived"' in page
    body = text_of(page.split('class="article-text">', 1)[1].split("</div>", 1)[0])
    assert "“Morwen” ran aground off Skellig Point on Sunday (local time)." in body and "-LRB-" not in body
    s = text.index("Its captain")
    lit = get(app, "/articles/ferry-1", s=str(s), e=str(len(text))).text
    assert '<mark id="passage">Its captain said the crew was safe.</mark>' in lit   # cited words still marked


def test_the_list_heading_names_both_the_entity_and_the_words_searched(app, store):
    rich_brief(store)
    both = get(app, "/", entity="Mara Quint", q="girder").text
    assert "<h1>Stories about Mara Quint matching “girder”</h1>" in both
    assert "<h1>Stories matching “girder”</h1>" in get(app, "/", q="girder").text


def test_the_list_page_answers_odd_offsets_and_unknown_names_in_words(app, store):
    past = get(app, "/", offset="99999999")
    assert past.status_code == 200 and "No more stories" in past.text
    assert 'href="/?offset=0" rel="prev"' in past.text          # "newer" leads back to the list's last page
    word = get(app, "/", offset="abc")
    assert word.status_code == 200 and "“abc” is not a page offset" in text_of(word.text)
    assert "/stories/s-bridge" in word.text                     # the first page, shown
    assert get(app, "/", offset="1" * 5000).status_code == 200  # a number past any store's end, not an error
    nobody = text_of(get(app, "/", entity="zzzz").text)
    assert "No name “zzzz” is in the store" in nobody and "fewer words" not in nobody
    bad = get(app, "/articles/orchard-1", s="abc")               # other pages' odd requests have a title
    assert bad.status_code == 422 and "<h1>Invalid request</h1>" in bad.text


def test_an_order_the_story_list_does_not_know_is_said_so(app):
    """`/?sort=bogus` names the orders there are and lists by the default one, as a bad offset or
    date is said so on the same page; "relevance" without a search words and unknown parameters
    (`page=abc`) say nothing."""
    bad = " ".join(text_of(get(app, "/", sort="bogus").text).split())
    assert "“bogus” is not an order (sort= takes updated, size or published): the stories are listed by updated." in bad
    searched = " ".join(text_of(get(app, "/", sort="oldest", q="bridge").text).split())
    assert "(sort= takes relevance, updated, size or published): the stories are listed by relevance" in searched
    for quiet in ({"sort": "relevance"}, {"sort": "size"}, {"page": "abc"}):
        assert "is not an order" not in get(app, "/", **quiet).text


def test_an_undated_story_says_so_in_the_lists(app, store):
    with store.transaction() as c:
        c.execute("INSERT INTO stories (id, title, first_seen, updated, size, dirty) "
                  "VALUES ('s-undated', 'Lighthouse keeper retires', 'x', '2024-05-01T00:00:00', 1, 0)")
        c.execute("INSERT INTO story_entities (story_id, entity_id, name, label, articles) "
                  "VALUES ('s-undated', 'person:ivo-brandt', 'Ivo Brandt', 'PERSON', 1)")
    listed = text_of(get(app, "/").text)
    assert "Lighthouse keeper retires 1 article · undated · updated 2024-05-01" in " ".join(listed.split())
    assert "named in 1 · undated" in " ".join(text_of(get(app, "/entities/person:ivo-brandt").text).split())


def test_an_undated_story_page_says_undated_in_its_heading_and_under_its_sources(store):
    """A brief none of whose articles has a day says "undated" in its heading and after each source's
    name (an article of a dated story that is itself undated says so too), not a blank."""
    b = store.get_brief("s-bridge")
    undated = dataclasses.replace(b, first_published=None, last_published=None,
                                  articles=tuple({**a, "published": None, "published_inferred": False}
                                                 for a in b.articles))
    page = " ".join(text_of(brief_html(undated)).split())
    assert f"{len(b.articles)} articles · undated" in page
    sources = page.split("Sources", 1)[1]
    assert sources.count("undated") == len(b.articles), sources
    dated = " ".join(text_of(brief_html(b)).split())
    assert "undated" not in dated


def test_entity_page_shows_each_story_span_and_links_the_stories_it_leaves_out(app, store, monkeypatch):
    import storyline.serve.api as api

    with store.transaction() as c:
        for sid, first, last, updated in (("s-ferry-1", "2023-02-01", "2023-03-15", "2024-05-02T00:00:00"),
                                          ("s-ferry-2", "2024-01-10", "2024-01-10", "2024-05-01T00:00:00")):
            c.execute("INSERT INTO stories (id, title, first_seen, updated, first_published, last_published, size, "
                      "dirty) VALUES (?, 'Ferry line', 'x', ?, ?, ?, 2, 0)", (sid, updated, first, last))
            c.execute("INSERT INTO story_entities (story_id, entity_id, name, label, articles) "
                      "VALUES (?, 'org:norby-ferries', 'Norby Ferries', 'ORG', 1)", (sid,))
    page = " ".join(text_of(get(app, "/entities/org:norby-ferries").text).split())
    assert "2023-02-01 to 2023-03-15" in page and "named in 1 · 2024-01-10 ·" in page
    assert "all of them" not in page
    monkeypatch.setattr(api, "ENTITY_PAGE_STORIES", 1)
    html = get(app, "/entities/org:norby-ferries").text
    assert "/stories/s-ferry-1" in html and "/stories/s-ferry-2" not in html
    assert "The 1 most recently updated of 2 stories naming Norby Ferries" in " ".join(text_of(html).split())
    assert 'href="/?entity=org%3Anorby-ferries"' in html
    assert api.ENTITY_PAGE_STORIES == 1 and store.get_entity("org:norby-ferries", limit=1)["total"] == 2


def test_the_search_box_finds_a_word_typed_without_its_accents_or_sharp_s(app, store):
    """The page's search, as the API's: "strassenbahn" finds "Straßenbahn", "zurich" finds "Zürich"."""
    b = store.get_brief("s-library")
    store.put_brief(dataclasses.replace(b, headline="Zürich's Straßenbahn stops at the new library"))
    for typed in ("strassenbahn", "zurich", "STRASSENBAHN"):
        found = get(app, "/", q=typed).text
        assert "/stories/s-library" in found and "/stories/s-bridge" not in found, typed
