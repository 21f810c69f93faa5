"""Page template learned from the articles: a line written word for word on pages that are no copies
of each other is no summary sentence, timeline entry, quote or novelty; copies keep their shared lines."""

from __future__ import annotations

from pathlib import Path

from storyline import Article, brief, summarize, timeline
from storyline.config import Settings
from storyline.consolidate.brief import build_brief
from storyline.consolidate.template import line_hash, line_key, template_lines, without_template
from storyline.pipeline import brief_now, store_template
from storyline.store.schema import MIGRATIONS
from storyline.store.sqlite import SQLiteStore

_AD = "Views expressed in the comments below do not represent those of the Daily Planet."
_TRENDING = "Two men charged in death of Chicago teen who sang at the parade."
_BODIES = [
    "The city council voted on Monday to close the old harbour bridge for repairs. "
    "Engineers found cracks in two of its steel supports last month.",
    "Drivers faced long delays on Tuesday after the harbour bridge closed. "
    "Buses were sent on a detour through the northern tunnel for the week.",
    "The mayor said on Wednesday the bridge repairs would cost about 4 million dollars. "
    "Work crews began removing the damaged supports overnight.",
    "Shop owners near the bridge said their sales fell sharply during the closure. "
    "\"We have never had a month this quiet,\" said Ana Ruiz, who runs a bakery by the bridge.",
]


_OTHER = ["A ferry service across the harbour will run every hour until the bridge opens again.",
          "Cyclists may still cross the harbour bridge on the footpath, the council said on Thursday.",
          "Traffic on the ring road doubled in the first week of the closure, according to city figures.",
          "The harbour master said larger boats could pass under the bridge while the work goes on."]


def _pages() -> list[Article]:
    """Four pages of a site with its template lines, four of other sites without."""
    return [Article(id=f"a{i}", text=f"{b} {_TRENDING} {_AD}", published=f"2024-03-0{i + 1}")
            for i, b in enumerate(_BODIES)] + [Article(id=f"o{i}", text=t, published="2024-03-05")
                                               for i, t in enumerate(_OTHER)]


def _said(texts: list[str]) -> str:
    return " ".join(texts).lower()


def test_template_lines_found_on_independent_pages_only() -> None:
    assert template_lines(_pages()) == {line_key(_AD), line_key(_TRENDING)}
    # the same report three times (a wire story reprinted) shares every line: copies keep them
    copies = [Article(id=f"c{i}", text=_BODIES[0] + " " + _BODIES[1]) for i in range(3)]
    assert template_lines(copies) == frozenset()


def test_blanked_lines_keep_offsets() -> None:
    arts, sentences = without_template(_pages())
    for before, after in zip(_pages(), arts):
        assert len(after.text) == len(before.text)
        assert "Daily Planet" not in after.text and "Chicago" not in after.text
        assert after.text.startswith(before.text[:40])
        assert all(after.text[s.start:s.end].strip() for s in sentences[after.id])


def test_summary_leaves_out_template_lines() -> None:
    said = _said([s.text for s in summarize(_pages(), max_words=120)])
    assert "harbour bridge" in said
    assert "daily planet" not in said and "chicago" not in said


def test_summary_of_copies_keeps_their_lines() -> None:
    copies = [Article(id=f"c{i}", text=_BODIES[0] + " " + _BODIES[2]) for i in range(3)]
    said = _said([s.text for s in summarize(copies, max_words=60)])
    assert "city council voted" in said


def test_timeline_and_brief_leave_out_template_lines() -> None:
    pages = [Article(id=a.id, text=a.text.replace(_TRENDING, "Two men were charged on Friday in the death of a "
                                                             "Chicago teen who sang at the parade."),
                     published=a.published) for a in _pages()]
    assert "chicago" not in _said([e.text for e in timeline(pages)])
    b = brief(pages)
    assert "chicago" not in b.headline.lower() and "planet" not in b.headline.lower()
    assert "chicago" not in _said([s.text for s in b.summary] + [e.text for e in b.timeline])
    assert any("Ruiz" in g.speaker for g in b.quotes)


def test_brief_looks_for_the_template_once(monkeypatch) -> None:
    # a brief blanks the template lines first; its summaries and timeline read what is left, without
    # looking again (the look is a good part of a large story's brief)
    import storyline.consolidate.brief as brief_mod
    import storyline.consolidate.summary as summary_mod
    import storyline.consolidate.timeline as timeline_mod
    calls: list[int] = []

    def counted(arts, sentences=None, extra=()):  # type: ignore[no-untyped-def]
        calls.append(len(arts))
        return without_template(arts, sentences, extra)

    for mod in (brief_mod, summary_mod, timeline_mod):
        monkeypatch.setattr(mod, "without_template", counted)
    b = build_brief("bridge", _pages(), about="bridge")
    assert calls == [len(_pages())]
    assert "harbour bridge" in _said([s.text for s in b.summary])
    assert "planet" not in _said([s.text for s in b.summary] + [e.text for e in b.timeline])


_FLOOD = [
    "Heavy rain flooded the lower town on Thursday and forced two schools to close.",
    "Firefighters pumped water out of forty basements along the river road on Friday.",
    "The weather office warned that more storms would reach the valley over the weekend.",
]


def _store_of_two_stories(tmp_path: Path, holders: list[str]) -> SQLiteStore:
    """Two stories: the bridge (two pages) and the flood (three pages), ``holders[i]`` closing page i."""
    store = SQLiteStore(tmp_path / "t.db")
    texts = _BODIES[:2] + _FLOOD
    store.add_articles([Article(id=f"p{i}", text=f"{t} {holders[i]}", published=f"2024-03-0{i + 1}")
                        for i, t in enumerate(texts)])
    store.assign({"p0": "bridge", "p1": "bridge", "p2": "flood", "p3": "flood", "p4": "flood"})
    return store


def test_store_knows_a_line_of_other_stories_pages(tmp_path: Path) -> None:
    store = _store_of_two_stories(tmp_path, [_AD] * 5)
    bridge = store.get_articles(store.story_article_ids("bridge"))
    assert "planet" in _said([s.text for s in build_brief("bridge", bridge).summary])  # two pages tell too little
    assert store_template(store, bridge) == {line_hash(line_key(_AD))}
    b = brief_now(store, "bridge", Settings())
    assert b is not None and "harbour bridge" in _said([s.text for s in b.summary])
    assert "planet" not in _said([s.text for s in b.summary] + [e.text for e in b.timeline] + [b.headline])


def test_store_keeps_a_reprinted_report_split_across_stories(tmp_path: Path) -> None:
    """A report reprinted whole by five papers, its copies put in two stories, is no template."""
    store = SQLiteStore(tmp_path / "t.db")
    report = _BODIES[2] + " " + _BODIES[3]
    store.add_articles([Article(id=f"r{i}", text=report + f" Reported by desk number {i} of the paper.")
                        for i in range(5)])
    store.assign({"r0": "one", "r1": "one", "r2": "two", "r3": "two", "r4": "two"})
    assert store_template(store, store.get_articles(["r0", "r1"])) == frozenset()


def test_store_lines_of_articles_stored_before_the_schema(tmp_path: Path) -> None:
    store = _store_of_two_stories(tmp_path, [_AD] * 5)
    with store.transaction() as c:  # a store of schema 6: no lines kept yet
        c.execute("DROP TABLE article_lines")
        c.execute("DROP TABLE brief_views")  # (and the later schema's)
        c.execute("PRAGMA user_version = 6")
    store.close()
    store = SQLiteStore(tmp_path / "t.db")
    assert store.schema_version == len(MIGRATIONS)
    assert store_template(store, store.get_articles(["p0", "p1"])) == {line_hash(line_key(_AD))}


def test_a_store_counts_a_pages_lines_by_its_plain_sentence_ends() -> None:
    """What a store keeps of each article (``line_hashes``) is cut without the sentence splitter's
    cost: a line, cut after a final mark (a closing quote kept) before a capital."""
    from storyline.consolidate.template import line_hashes, page_lines

    text = ('The ferry "was late." Crews waited at the pier for an hour or more.\n'
            "Views expressed in the comments are not those of the Harbour Post.")
    assert [text[s:e] for s, e in page_lines(text)] == [
        'The ferry "was late."', "Crews waited at the pier for an hour or more.",
        "Views expressed in the comments are not those of the Harbour Post."]
    assert line_hash(line_key("Views expressed in the comments are not those of the Harbour Post.")) \
        in line_hashes(Article(id="a", text=text))
