"""Articles written for the serve tests (three small stories), and a store built from them."""

from __future__ import annotations

from pathlib import Path

from storyline.config import Settings
from storyline.pipeline import ingest_articles, update_stories
from storyline.records import (
    Article,
    Brief,
    Citation,
    ClaimValue,
    Disagreement,
    Entity,
    NewSince,
    Quote,
    QuoteGroup,
    SummarySentence,
    TimelineEntry,
)
from storyline.store.sqlite import SQLiteStore

BRIDGE = [
    dict(id="bridge-1", source="Harbour Herald", title="Old swing bridge closes after crack found",
         published="2024-03-04", url="https://herald.example/bridge-1",
         text="Engineers closed the Saltmarsh swing bridge on Monday after finding a crack in its main girder. "
              "The council said the bridge would stay shut for at least six weeks. "
              "Commuters face a detour of twelve kilometres through the ring road."),
    dict(id="bridge-2", source="County Post", title="Saltmarsh bridge shut for repairs",
         published="2024-03-05",
         text="The Saltmarsh swing bridge was closed on Monday after engineers found a crack in its main girder. "
              "Council leader Mara Quint said repairs could take two months. "
              "Ferry operators said they would add extra crossings during the closure."),
]
ORCHARD = [
    dict(id="orchard-1", source="Valley Times", title="Frost destroys half of the apple blossom",
         published="2024-04-20",
         text="A late frost destroyed about half of the apple blossom in the Ardley valley on Friday night. "
              "Growers said the harvest would be the smallest in a decade. "
              "<script>alert('x')</script> The growers' union asked for emergency support."),
    dict(id="orchard-2", source="Farm Weekly", title="Ardley growers count frost losses",
         published="2024-04-22",
         text="Growers in the Ardley valley said a late frost on Friday destroyed about half of the apple blossom. "
              "The growers' union asked the ministry for emergency support."),
]
LIBRARY = [
    dict(id="library-1", source="Town Crier", title="New library opens with a reading marathon",
         published="2023-11-02",
         text="The new public library on Quay Street opened on Thursday with a twelve-hour reading marathon. "
              "More than four hundred people signed up for library cards on the first day."),
]
STORIES = {"s-bridge": BRIDGE, "s-orchard": ORCHARD, "s-library": LIBRARY}


def build_store(path: Path, settings: Settings) -> SQLiteStore:
    """A store with the three stories above (each its own story) and their briefs."""
    store = SQLiteStore(path)
    arts = {sid: [Article(**d) for d in items] for sid, items in STORIES.items()}
    ingest_articles(store, [a for items in arts.values() for a in items])
    store.assign({a.id: sid for sid, items in arts.items() for a in items})
    update_stories(store, settings)
    return store


def rich_brief(store: SQLiteStore) -> Brief:
    """The bridge story's brief with every section filled (as later stages will fill them), stored."""
    b = store.get_brief("s-bridge")
    assert b is not None
    a1, a2 = store.get_articles(["bridge-1", "bridge-2"])

    def cite(a: Article, phrase: str) -> Citation:
        start = a.text.index(phrase)
        return Citation(article_id=a.id, start=start, end=start + len(phrase))

    quote_text = "repairs could take two months"
    qs = a2.text.index(quote_text)
    richer = Brief(
        story_id=b.story_id, headline=b.headline, summary=b.summary,
        timeline=(TimelineEntry(date="2024-03-04", granularity="day", text="The bridge is closed.",
                                citations=(cite(a1, "closed the Saltmarsh swing bridge on Monday"),)),
                  TimelineEntry(date="2024-04", granularity="month", text="Repairs expected to end.",
                                citations=(cite(a1, "at least six weeks"),))),
        entities=(Entity(id="e-quint", name="Mara Quint", label="PERSON", aliases=("Mara Quint", "Quint"),
                         roles=("council leader",), mentions={"bridge-2": 1}),
                  Entity(id="e-saltmarsh", name="Saltmarsh", label="LOC", mentions={"bridge-1": 1, "bridge-2": 1})),
        quotes=(QuoteGroup(speaker="Mara Quint", entity_id="e-quint",
                           quotes=(Quote(start=qs, end=qs + len(quote_text), text=quote_text, kind="indirect",
                                         speaker="Mara Quint", cue="said", article_id="bridge-2"),)),),
        disagreements=(Disagreement(slot="length of the closure",
                                    values=(ClaimValue("six weeks", (cite(a1, "at least six weeks"),)),
                                            ClaimValue("two months", (cite(a2, "two months"),)))),),
        new_since=(NewSince(article_id="bridge-2", added=(SummarySentence(
            text="Ferry operators said they would add extra crossings during the closure.",
            citations=(cite(a2, "Ferry operators said they would add extra crossings during the closure."),),
            article_id="bridge-2"),)),),
        articles=b.articles, first_published=b.first_published, last_published=b.last_published)
    store.put_brief(richer)
    return richer
