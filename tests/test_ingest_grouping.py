"""Ingest runs: `storyline ingest` (and a POST to /api/articles) begins each run by counting the run's
document frequencies and, while the store is short of its latent sample, fitting a provisional latent
basis on what it holds and the run; it ends each run with a consolidation over the stories the run
touched. So one run groups a folder as `storyline.cluster()` does, and later runs record their merges
as ordinary merge events that the store applies."""
from __future__ import annotations

import asyncio
import json
import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import httpx

from storyline import Article
from storyline.config import Settings
from storyline.group.stories import StoryClusterer, _PairState, cluster, stream_order
from storyline.pipeline import group_pending, ingest_articles, ingest_paths, load_clusterer, regroup
from storyline.serve.api import create_app
from storyline.store.sqlite import SQLiteStore

# Five subjects; a report picks one of five interchangeable words for each of six slots, so two
# reports of one subject share about one word in five: the single pass of the stream splits each
# subject into several stories, which a consolidation can join.
SLOTS = {
    "ferry": ["ferry vessel boat launch hovercraft", "sank capsized foundered listed grounded",
              "strait channel crossing sound narrows", "passengers travellers commuters tourists riders",
              "rescuers lifeboats coastguard divers helicopters", "storm gale squall swell tempest"],
    "mine": ["mine colliery pit quarry seam", "collapse cave-in rockfall subsidence landslip",
             "miners workers diggers crews labourers", "trapped stranded buried entombed cornered",
             "shaft tunnel gallery adit drift", "drilling boring excavation tunnelling digging"],
    "orchestra": ["orchestra symphony ensemble philharmonic band", "conductor maestro director baton leader",
                  "concert recital performance gala programme", "violins strings cellos violas basses",
                  "premiere debut opening launch unveiling", "audience listeners crowd patrons subscribers"],
    "wildfire": ["wildfire blaze bushfire inferno firestorm", "hectares acres hillsides slopes ridges",
                 "firefighters crews brigades smokejumpers volunteers", "evacuation exodus retreat flight withdrawal",
                 "smoke embers ash soot cinders", "winds gusts breezes draughts updrafts"],
    "budget": ["budget spending outlay appropriation estimates", "deficit shortfall gap overrun hole",
               "taxes levies duties tariffs excises", "minister treasurer chancellor secretary comptroller",
               "parliament assembly legislature senate chamber", "cuts savings reductions trims austerity"],
}


def _reports(n: int = 100, seed: int = 0) -> tuple[list[Article], list[str]]:
    rng = random.Random(seed)
    subjects = sorted(SLOTS)
    arts, labels = [], []
    for i in range(n):
        subject = subjects[i % len(subjects)]
        words = [rng.choice(slot.split()) for slot in SLOTS[subject]]
        rng.shuffle(words)
        arts.append(Article(text=" ".join(words) + ".", published=date(2023, 3, 1) + timedelta(days=i // 25)))
        labels.append(subject)
    return arts, labels


def _partition(ids: list[str]) -> set[frozenset[int]]:
    groups: dict[str, set[int]] = {}
    for i, sid in enumerate(ids):
        groups.setdefault(sid, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def _pieces(ids: list[str], labels: list[str]) -> Counter[str]:
    """How many stories each subject is spread over."""
    return Counter(label for label, _ in set(zip(labels, ids)))


def _pure(ids: list[str], labels: list[str]) -> bool:
    return all(len({labels[i] for i in g}) == 1 for g in _partition(ids))


def _old_path(arts: list[Article]) -> list[str]:
    """What `storyline ingest` did before: the stream alone, no pass at the end of the run."""
    c = StoryClusterer()
    c.partial_fit([arts[i] for i in stream_order(arts)])
    return [c.story_of(a.id) for a in arts]


def _write_folder(folder: Path, arts: list[Article]) -> None:
    folder.mkdir()
    with open(folder / "reports.jsonl", "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps({"id": a.id, "text": a.text, "published": a.published.isoformat()}) + "\n")


def test_one_ingest_run_of_a_folder_groups_as_cluster_does(tmp_path: Path) -> None:
    arts, labels = _reports()
    _write_folder(tmp_path / "in", arts)
    store = SQLiteStore(tmp_path / "s.db")
    report = ingest_paths(store, [tmp_path / "in"], Settings(db=str(tmp_path / "s.db")))
    assert len(report.new) == len(arts) and not report.failed
    stored = [store.article_story(a.id) or "" for a in arts]
    old = _old_path(arts)
    # the old path split subjects that the run's end joins, without mixing two subjects
    assert len(set(stored)) < len(set(old))
    assert _pure(stored, labels) and _pure(old, labels)
    pieces_old, pieces_now = _pieces(old, labels), _pieces(stored, labels)
    assert sum(pieces_now.values()) < sum(pieces_old.values())
    # exactly the stories of `storyline.cluster()` (offline: the whole folder known at once)
    assert _partition(stored) == _partition(cluster(arts))
    # the joins are merge events the store applied: the merged-away stories are gone, their briefs too
    merges = [e for e in store.story_events() if e["kind"] == "merge"]
    assert merges
    listed = {r["id"] for r in store.list_stories(limit=1000)}
    for e in merges:
        assert e["other_id"] not in listed and store.get_brief(e["other_id"]) is None
        assert store.merged_into(e["other_id"]) in set(stored)
    assert {sid for sid in stored} <= listed
    store.close()


def test_a_second_run_records_merges_that_the_store_applies(tmp_path: Path) -> None:
    """A second run of under a quarter of the store continues the stream (a larger one regroups)."""
    arts, labels = _reports(150, seed=1)
    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"))
    ingest_articles(store, arts[:125])
    group_pending(store, settings)
    after_first = len(store.story_events())
    first = [store.article_story(a.id) for a in arts[:125]]
    ingest_articles(store, arts[125:])
    group_pending(store, settings)
    stored = [store.article_story(a.id) or "" for a in arts]
    later = store.story_events()[after_first:]
    ended = [e for e in later if e["kind"] == "merge" and e["detail"].get("consolidate")]
    assert ended  # the second run's end joined stories
    for e in ended:
        assert store.story_article_ids(e["other_id"]) == []          # its articles moved
        assert store.merged_into(e["other_id"]) in set(stored)        # its address redirects
    # every article of the first run is in its story or in the one its story merged into
    for sid, now in zip(first, stored[:125]):
        assert now == sid or store.merged_into(sid or "") == now
    assert _pure(stored, labels)
    store.close()


def test_five_runs_stay_close_to_one_run(tmp_path: Path) -> None:
    """What holds across run boundaries (five runs see five sets of document frequencies and bases,
    not one): on these reports, one run and five runs alike keep every story to one subject, and one
    run gives the stories of `cluster()`. (Figures on the shared sets: the bench's storyline-ingest-5
    row.)"""
    arts, labels = _reports(150, seed=2)
    runs = []
    for k in (1, 5):
        store = SQLiteStore(tmp_path / f"s{k}.db")
        settings = Settings(db=str(tmp_path / f"s{k}.db"))
        size = len(arts) // k
        for lo in range(0, len(arts), size):
            ingest_articles(store, arts[lo:lo + size])
            group_pending(store, settings)
        runs.append([store.article_story(a.id) or "" for a in arts])
        store.close()
    assert _pure(runs[0], labels) and _pure(runs[1], labels)
    assert _partition(runs[0]) == _partition(cluster(arts))


def test_a_run_does_not_depend_on_how_its_articles_are_batched() -> None:
    """The stream itself does not depend on batching; a run's result depends on the run alone."""
    arts, _ = _reports(120, seed=3)
    out = []
    for batch in (1, 7, 120):
        c = StoryClusterer()
        feats = c.begin_run(arts)
        for lo in range(0, len(feats), batch):
            c.partial_fit(feats[lo:lo + batch])
        c.end_run()
        out.append(([c.story_of(a.id) for a in arts], [(e.story_id, e.other_id) for e in c.events_]))
    assert out[0] == out[1] == out[2]
    assert out[0][1]  # the run's end did merge


def test_a_short_stream_keeps_a_provisional_basis_until_its_sample_is_complete() -> None:
    arts, _ = _reports(260, seed=4)
    c = StoryClusterer(latent_sample=250)
    c.partial_fit(c.begin_run(arts[:110]))
    c.end_run()
    assert c.provisional and c._fitted_on == 110 and len(c._sample) == 110
    restored = StoryClusterer(latent_sample=250)  # the next run, from the saved state
    restored.load_globals(c.globals_bytes())
    for blob in (c.story_bytes(s) for s in sorted(c.open)):
        assert blob is not None
        restored.load_story(blob)
    assert restored.provisional and restored._fitted_on == 110
    basis = restored.projection
    restored.partial_fit(restored.begin_run(arts[110:120]))  # grew by less than a quarter: kept
    restored.end_run()
    assert restored.projection is basis
    restored.partial_fit(restored.begin_run(arts[120:160]))  # by more: refitted on the 160
    restored.end_run()
    assert restored.projection is not basis and restored._fitted_on == 160
    # every article's latent vector is in its story's sum, from the basis now in use
    assert sum(s.nz for s in restored.open.values()) == 160
    restored.partial_fit(restored.begin_run(arts[160:]))  # completes the sample: the stream's own basis
    restored.end_run()
    assert not restored.provisional and not restored._sample
    assert restored.projection is not None and restored._fitted_on == 0
    assert sum(s.nz for s in restored.open.values()) == len(arts)


def test_runs_on_a_tiny_store() -> None:
    """The first run of a store too small for a latent basis ends with cluster()'s pass on words and
    names (a folder of a few dozen articles is grouped as cluster() groups it); a later short run on
    such a store has no pass (a pass over a few articles' frequencies merges what it should not)."""
    arts, _ = _reports(30, seed=5)
    first, later = sorted(arts[:20], key=lambda a: a.id), arts[20:]
    c = StoryClusterer()
    c.partial_fit(c.begin_run(first))
    c.end_run()
    assert c.projection is None
    assert _partition([c.story_of(a.id) for a in first]) == _partition(cluster(first))
    c.partial_fit(c.begin_run(later))
    before = [c.story_of(a.id) for a in arts]
    assert c.end_run() == 0 and [c.story_of(a.id) for a in arts] == before


def test_the_run_pass_costs_the_run_not_the_store() -> None:
    """A run of two reports after hundreds of stories considers their stories and candidates only."""
    arts, _ = _reports(400, seed=6)
    c = StoryClusterer(latent_sample=200)  # the basis is final after 200 reports
    c.partial_fit(arts[:398])
    c.end_run()
    c.partial_fit(arts[398:])
    seen = c._run_stories()
    assert 1 <= len(seen) <= 2 * (1 + c.max_candidates) < len(c.open) + 2 * (1 + c.max_candidates)
    assert {c.story_of(a.id) for a in arts[398:]} <= {s.id for s in seen}


def test_a_post_batch_gets_the_same_end_of_run(tmp_path: Path) -> None:
    """POST /api/articles is an ingest run: its batch ends with the same pass."""
    arts, labels = _reports()
    settings = Settings(db=str(tmp_path / "api.db"), token="t0ken", max_request_bytes=2_000_000)
    store = SQLiteStore(settings.db_path())
    app = create_app(settings, store=store, background=False)
    body = [{"id": a.id, "text": a.text, "published": a.published.isoformat()} for a in arts]

    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.post("/api/articles?wait=true", json=body, headers={"Authorization": "Bearer t0ken"})

    r = asyncio.run(post())
    assert r.status_code in (200, 201), r.text
    stored = [store.article_story(a.id) or "" for a in arts]
    assert _partition(stored) == _partition(cluster(arts))
    assert len(set(stored)) < len(set(_old_path(arts))) and _pure(stored, labels)
    assert any(e["detail"].get("consolidate") for e in store.story_events())
    store.close()


def test_the_run_pass_in_groups_gives_the_stories_of_one_pass() -> None:
    """Over more stories than one dense pass may hold, the run's pass goes group by group (pairs that
    could merge) and ends with the stories one pass over all of them gives."""
    arts, _ = _reports(300, seed=7)
    out = []
    for cap in (4000, 15):
        c = StoryClusterer(max_consolidate_run=cap)
        c.partial_fit(c.begin_run(arts))
        assert cap > len(c.open) or len(c._run_stories()) > cap  # the small cap does go in groups
        c.end_run()
        out.append(_partition([c.story_of(a.id) for a in arts]))
    assert out[0] == out[1]


def test_runs_on_a_small_store_group_as_one_run(tmp_path: Path) -> None:
    """A store holding fewer grouped articles than a latent basis needs (run_min_sample) keeps its
    grouping provisional: each run groups the stored articles again with its own, so that a store fed
    in short runs has, while it is that small, the stories one run over the same articles gives
    (`cluster()`), and its first stories keep their ids."""
    arts, labels = _reports(90, seed=8)
    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"))
    first: list[str] = []
    for lo in range(0, len(arts), 15):
        ingest_articles(store, arts[lo:lo + 15])
        group_pending(store, settings)
        if not first:
            first = [store.article_story(a.id) or "" for a in arts[:15]]
    stored = [store.article_story(a.id) or "" for a in arts]
    assert _partition(stored) == _partition(cluster(arts))
    assert _pure(stored, labels)
    assert set(first) & set(stored)  # stories of the first run that kept their first article kept their ids
    listed = {r["id"] for r in store.list_stories(limit=1000)}
    assert set(stored) <= listed
    for e in store.story_events():  # a story a regroup emptied leads to a story that holds articles
        if e["kind"] == "merge":
            assert store.merged_into(e["other_id"]) in set(stored)
    # past run_min_sample, runs of under a quarter of the store continue the stream until together they
    # add a quarter (at 150 articles: the store is grouped again, its provisional basis fitted on the 150)
    # and every sampled article's story is found under the id it is stored under
    more, _ = _reports(80, seed=9)
    for lo in range(0, 80, 20):
        ingest_articles(store, more[lo:lo + 20])
        group_pending(store, settings)
    c = load_clusterer(store, settings)
    assert c.provisional and c._fitted_on == 150
    assert sum(s.nz for s in c.open.values()) == 170
    store.close()


def test_a_run_that_adds_a_quarter_of_a_short_stream_groups_it_again(tmp_path: Path) -> None:
    """While a store is short of its latent sample, its articles were placed on the statistics of fewer
    articles and a continuing run leaves their pieces apart: a run that adds a quarter or more of what it
    holds (the growth that refits its provisional basis) groups the store again with its articles, as
    one run over all of them would (`cluster()`); a smaller run, or one that completes the sample,
    continues the stream (at most five times the run's articles are placed again)."""
    c = StoryClusterer()
    assert not c.regroups(0, 500) and c.regroups(60, 1)  # a first run; a store under run_min_sample
    assert c.regroups(400, 100) and not c.regroups(400, 99)
    assert not c.regroups(4000, 1000)  # the run completes the sample: the stream's own basis
    arts, labels = _reports(250, seed=4)
    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"))
    for part in (arts[:150], arts[150:]):  # the second run adds two thirds of the store
        ingest_articles(store, part)
        group_pending(store, settings)
    stored = [store.article_story(a.id) or "" for a in arts]
    assert _partition(stored) == _partition(cluster(arts))
    assert _pure(stored, labels)
    store.close()


def test_short_runs_that_add_a_quarter_together_group_the_store_again(tmp_path: Path) -> None:
    """Runs of under a quarter of the store each continue the stream, but once together they have added a
    quarter since the store was last grouped as a whole, the run that completes the quarter groups it
    again, as a single run of that quarter would (one run over all the articles: `cluster()`). Counted
    per run, a store fed in short runs never regrouped and drifted further from one run with each."""
    arts, labels = _reports(200, seed=11)
    store = SQLiteStore(tmp_path / "s.db")
    settings = Settings(db=str(tmp_path / "s.db"))
    ingest_articles(store, arts[:160])
    group_pending(store, settings)
    for lo in range(160, 200, 10):  # four runs of 10: each under a quarter of the store, 40 in all
        c = load_clusterer(store, settings)
        assert c.regroups(lo, 10) == (lo + 10 == 200)
        ingest_articles(store, arts[lo:lo + 10])
        group_pending(store, settings)
    stored = [store.article_story(a.id) or "" for a in arts]
    assert _partition(stored) == _partition(cluster(arts))
    assert _pure(stored, labels)
    store.close()


AVALANCHE = ["avalanche snowslide slide slip cascade", "skiers climbers hikers mountaineers trekkers",
             "slope couloir gully face cornice", "buried swept engulfed smothered trapped",
             "beacons probes shovels dogs transceivers", "resort valley pass summit chalet"]
SAID = "officials said reported told confirmed added warned announced".split()


def test_a_continuing_run_joins_the_pieces_of_a_subject_of_its_own_as_a_first_run_does() -> None:
    """A run that continues a stream passes at the continuing bar for pairs with stories of earlier runs,
    but two stories both begun in the run are judged at the first run's bar: the run knew all their
    articles before placing the first, and a subject new to the store (scored on a basis fitted before
    it) that the single pass cut in two is joined, as one run over the store joins it."""
    arts, labels = _reports(120, seed=0)
    rng = random.Random(100)
    later = []
    for i in range(20):  # a subject no earlier report has, with a few words every report may use
        words = [rng.choice(slot.split()) for slot in AVALANCHE] + [rng.choice(SAID) for _ in range(2)]
        rng.shuffle(words)
        later.append(Article(text=" ".join(words) + ".", published=date(2023, 3, 6) + timedelta(days=i // 10)))
    c = StoryClusterer()
    c.partial_fit(c.begin_run(arts))
    c.end_run()
    assert c.provisional
    c.partial_fit(c.begin_run(later))  # a sixth more: the run continues the stream
    assert len({c.story_of(a.id) for a in later}) == 2
    c.end_run()
    assert len({c.story_of(a.id) for a in later}) == 1
    assert _pure([c.story_of(a.id) for a in arts + later], labels + ["avalanche"] * len(later))


def test_a_continuing_run_joins_a_lone_article_to_an_earlier_story_as_a_first_run_does() -> None:
    """A continuing run's pass holds a pair with a story of an earlier run to the continuing bar, but a
    lone article of the run (the single pass found it no story) is judged at the first run's bar, against
    any story: an article with three of its five words from an earlier story's subject (two new to the
    store) is that story's, as one run over the store places it; no other story is touched."""
    arts, labels = _reports(120, seed=0)
    rng = random.Random(0)
    later, subjects = [], sorted(SLOTS)
    for i in range(19):  # further reports of the five subjects
        words = [rng.choice(slot.split()) for slot in SLOTS[subjects[i % 5]]]
        rng.shuffle(words)
        later.append(Article(text=" ".join(words) + ".", published=date(2023, 3, 6)))
    words = [rng.choice(slot.split()) for slot in SLOTS["ferry"][:3]] + ["harbour", "pier"]
    rng.shuffle(words)
    lone = Article(text=" ".join(words) + ".", published=date(2023, 3, 6))
    c = StoryClusterer()
    c.partial_fit(c.begin_run(arts))
    c.end_run()
    assert c.provisional
    c.partial_fit(c.begin_run(later + [lone]))  # a sixth more: the run continues the stream
    assert c.open[c.story_of(lone.id)].size == 1
    c.end_run()
    ferry = {c.story_of(a.id) for a, label in zip(arts, labels) if label == "ferry"}
    assert c.story_of(lone.id) in ferry
    assert _pure([c.story_of(a.id) for a in arts + later + [lone]],
                 labels + [subjects[i % 5] for i in range(19)] + ["ferry"])


def _made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def _desks_and_beats() -> list[Article]:
    """A wire's folder of 140 items: from twenty desks (each item has three of its desk's eight words) and
    four beats of five events, reported twice each; a first run over it finds far more stories than a
    provisional basis of 140 articles has dimensions, and is tried again on a finer one."""
    rng = random.Random(8)
    desks = [[_made_up_word(rng) for _ in range(8)] for _ in range(20)]
    arts: list[Article] = []
    for u in range(100):
        words = [_made_up_word(rng) for _ in range(7)] + rng.sample(desks[u % 20], 3)
        rng.shuffle(words)
        arts.append(Article(id=f"u{u}", text=" ".join(words) + ".", published=date(2024, 1, 1) + timedelta(days=u % 20)))
    for b in range(4):
        beat = [_made_up_word(rng) for _ in range(8)]
        for e in range(5):
            event = [_made_up_word(rng) for _ in range(5)]
            for r in range(2):
                words = rng.sample(beat, 6) + rng.sample(event, 4)
                rng.shuffle(words)
                arts.append(Article(id=f"b{b}e{e}r{r}", text=" ".join(words) + ".",
                                    published=date(2024, 1, 1) + timedelta(days=3 * e + r)))
    return arts


def test_a_first_run_that_finds_many_stories_regroups_on_a_finer_basis_as_cluster_does(tmp_path: Path) -> None:
    """A wire's folder holds many unrelated items (from twenty desks: each item has three of its desk's
    eight words) and a few beats (reports of several events on one subject): a first pass on the basis
    a store of 140 articles gets finds far more stories than the basis has dimensions, so ``cluster()``
    runs again on a finer one; one ingest run of the folder does the same, gives its stories, and keeps
    the finer basis for the runs after it. (Items that share no word at all join on no basis.)"""
    arts = _desks_and_beats()
    offline = cluster(arts)
    assert len(set(offline)) > len(set(cluster(arts, latent_refit=0)))  # the refit matters here
    store = SQLiteStore(tmp_path / "wire.db")
    store.add_articles(arts)
    settings = Settings()
    group_pending(store, settings)
    stored = [store.article_story(a.id) for a in arts]
    assert _partition(stored) == _partition(offline)
    assert load_clusterer(store, settings).min_dims > 0
    regroup(store, settings, briefs=False)  # a regroup is one run over the store: the same stories
    assert _partition([store.article_story(a.id) for a in arts]) == _partition(offline)


def test_a_run_tells_its_progress_with_growing_counts(tmp_path: Path) -> None:
    """A run's long steps are heard with their counts (``StoryClusterer.progress``): the words read and
    the articles placed, every hundred articles, of the whole run (a run in several chunks counts on
    across them), and the merge pass's stories settled, of all; each step's counts only grow."""
    from storyline.group.stories import MERGING, PLACING, READING

    arts, _ = _reports(250, seed=4)
    heard: list[tuple[str, int, int]] = []
    c = StoryClusterer()
    c.progress = lambda step, done, total: heard.append((step, done, total))
    for chunk in (arts[:130], arts[130:]):   # one run in two chunks, as the pipeline feeds a long run
        c.partial_fit(c.begin_run(chunk, run_size=len(arts)))
    c.end_run()
    steps = {step: [(d, t) for s, d, t in heard if s == step] for step in (READING, PLACING, MERGING)}
    assert steps[READING] == [(100, 130), (130, 130), (100, 120), (120, 120)]
    assert steps[PLACING] == [(100, 250), (130, 250), (230, 250), (250, 250)]
    merging = steps[MERGING]
    assert merging and merging[-1][0] == merging[-1][1] > 1
    assert all(a[0] <= b[0] for a, b in zip(merging, merging[1:]))
    # the pipeline passes a caller's hook on: an ingest of a folder hears its articles placed
    _write_folder(tmp_path / "in", arts[:40])
    heard.clear()
    store = SQLiteStore(tmp_path / "s.db")
    ingest_paths(store, [tmp_path / "in"], Settings(db=str(tmp_path / "s.db")),
                 grouping=lambda step, done, total: heard.append((step, done, total)))
    assert (PLACING, 40, 40) in heard
    store.close()


def test_a_first_run_tried_again_reads_each_article_once_and_tells_its_fits(tmp_path: Path, monkeypatch) -> None:
    """A first run tried again on a finer basis (``_refitted``) places the words its first try read,
    instead of reading every article's words again (seconds for thousands); and each fit of a latent
    basis is a step of its own (FITTING 0 of 1, then 1 of 1), not a silent end of the words read."""
    import storyline.group.stories as stories
    from storyline.group.stories import FITTING

    arts = _desks_and_beats()
    read: Counter[str] = Counter()
    real = stories.features

    def counted(a: Article) -> stories.Features:
        read[a.id] += 1
        return real(a)

    monkeypatch.setattr(stories, "features", counted)
    heard: list[tuple[str, int, int]] = []
    store = SQLiteStore(tmp_path / "wire.db")
    store.add_articles(arts)
    settings = Settings()
    group_pending(store, settings, grouping=lambda step, done, total: heard.append((step, done, total)))
    assert load_clusterer(store, settings).min_dims > 0   # (it was tried again)
    assert set(read.values()) == {1} and len(read) == len(arts)
    assert [(d, t) for s, d, t in heard if s == FITTING] == [(0, 1), (1, 1)] * 2   # a fit at each try's start


def test_a_run_tells_it_is_saving_its_stories_while_it_saves_them(tmp_path: Path) -> None:
    """The stories of a run are stored in one transaction (seconds for thousands of articles): the hook
    hears it as the grouping's last step (SAVING, 0 of 1, then 1 of 1, around the write), in a store's
    first run, in a run that continues the stream and in one that groups a small store again."""
    from storyline.pipeline import SAVING

    arts, _ = _reports(170, seed=5)
    heard: list[tuple[str, int, int] | str] = []

    def run(store: SQLiteStore, batch: list[Article]) -> list[tuple[str, int, int] | str]:
        for name in ("save_grouping", "replace_grouping"):   # each write heard when it is made
            real = getattr(SQLiteStore, name)
            setattr(store, name, lambda *a, _real=real, _name=name, **k: (heard.append(_name), _real(store, *a, **k))[1])
        heard.clear()
        store.add_articles(batch)
        group_pending(store, Settings(), grouping=lambda step, done, total: heard.append((step, done, total)))
        return heard[-3:]

    store, small = SQLiteStore(tmp_path / "s.db"), SQLiteStore(tmp_path / "small.db")
    assert run(store, arts[:150]) == [(SAVING, 0, 1), "save_grouping", (SAVING, 1, 1)]    # a first run
    assert run(store, arts[150:160]) == [(SAVING, 0, 1), "save_grouping", (SAVING, 1, 1)]  # the stream continued
    run(small, arts[:40])
    assert run(small, arts[160:170]) == [(SAVING, 0, 1), "replace_grouping", (SAVING, 1, 1)]  # grouped again
    store.close()
    small.close()


TRIAL = ["fraud embezzlement bribery kickback forgery", "trial hearing proceedings testimony case",
         "treasurer accountant clerk auditor director", "water utility pipeline reservoir sewer",
         "jury prosecutors defence witnesses lawyers", "millions funds accounts invoices payments"]


def test_a_continuing_run_does_not_join_a_lone_article_to_a_story_it_shares_only_a_person_and_a_town_with() -> None:
    """A lone article of a continuing run judged at the first run's bar must share more than a name's words
    with the earlier story: a judge of a town named to an arts council is not news of the fraud trial she
    presides over in that town (the two share her name, her title and the town, nothing of the event)."""
    arts, labels = _reports(120, seed=0)
    rng = random.Random(0)
    trial = []
    for i in range(6):
        words = [w for slot in TRIAL for w in rng.sample(slot.split(), 3)]
        rng.shuffle(words)
        trial.append(Article(text=f"{' '.join(words[:9])} Judge Marta Kovalenko {' '.join(words[9:-1])} Grenholm "
                                  f"{words[-1]}. Defendant Piet Olafsen denied it; prosecutor Ines Carvalho and the "
                                  "Brandvik Water Board disagreed.", published=date(2023, 3, 1) + timedelta(days=i)))
    later, subjects = [], sorted(SLOTS)
    for i in range(19):  # further reports of the five subjects
        words = [rng.choice(slot.split()) for slot in SLOTS[subjects[i % 5]]]
        rng.shuffle(words)
        later.append(Article(text=" ".join(words) + ".", published=date(2023, 3, 7)))
    lone = Article(text="Judge Marta Kovalenko of Grenholm was named to the national arts council; she will advise on "
                        "museums, theatres, festivals and grants for young painters and composers.",
                   published=date(2023, 3, 8))
    c = StoryClusterer()
    c.partial_fit(c.begin_run(arts + trial))
    c.end_run()
    assert c.provisional and len({c.story_of(a.id) for a in trial}) == 1
    c.partial_fit(c.begin_run(later + [lone]))  # a sixth more: the run continues the stream
    assert c.open[c.story_of(lone.id)].size == 1
    c.end_run()
    assert c.story_of(lone.id) != c.story_of(trial[0].id)
    assert c.open[c.story_of(lone.id)].size == 1
    assert _pure([c.story_of(a.id) for a in arts + later], labels + [subjects[i % 5] for i in range(19)])


def test_a_continuing_runs_lone_article_without_a_latent_vector_keeps_the_ordinary_evidence_rule() -> None:
    """A lone article of a continuing run that shares no word with the latent basis (nor does the earlier story
    of one article it matches) is judged on shared words at the pass's own bar, not at the first run's: the
    stricter lone rule (three shared words besides names) is not its rule, two shared words are enough."""
    arts, _ = _reports(120, seed=0)
    rng = random.Random(1)
    fire = Article(text="glassworks kiln collapsed overnight gaffers evacuated cullet stores burned annealing lehr.",
                   published=date(2023, 3, 1))
    later, subjects = [], sorted(SLOTS)
    for i in range(19):
        later.append(Article(text=" ".join(rng.choice(slot.split()) for slot in SLOTS[subjects[i % 5]]) + ".",
                             published=date(2023, 3, 7)))
    lone = Article(text="glassworks kiln insurers assessors tallied smashed moulds crucibles tongs blowpipes.",
                   published=date(2023, 3, 8))
    c = StoryClusterer()
    c.partial_fit(c.begin_run(arts + [fire]))
    c.end_run()
    assert c.provisional
    c.partial_fit(c.begin_run(later + [lone]))
    assert c.open[c.story_of(lone.id)].size == 1
    c.end_run()
    assert c.story_of(lone.id) == c.story_of(fire.id)


CLIMB = ["climber mountaineer alpinist hiker guide", "ridge summit peak col icefall",
         "brother sibling partner friend companion", "fell plunged slipped tumbled dropped",
         "rescue search helicopter winch stretcher", "cave crevasse ledge bivouac shelter"]
MOURNING = "colleagues hospital mourned surgeon wards silence dean teaching patience research".split()


def _climbs(rng: random.Random, n: int, first_day: int, extra: int = 0) -> list[Article]:
    """Reports of Darrowby climbers who fell on Mount Kestrel in Norland (three of each slot's five words), each
    with ``extra`` words of the colleagues' mourning."""
    out = []
    for i in range(n):
        words = [w for slot in CLIMB for w in rng.sample(slot.split(), 3)] + rng.sample(MOURNING, extra)
        rng.shuffle(words)
        out.append(Article(text=f"A Darrowby {' '.join(words[:9])} on Mount Kestrel {' '.join(words[9:])} in Norland.",
                           published=date(2023, 3, 1) + timedelta(days=first_day + i)))
    return out


def _other_reports(rng: random.Random, n: int) -> list[Article]:
    subjects = sorted(SLOTS)
    return [Article(text=" ".join(rng.sample([rng.choice(slot.split()) for slot in SLOTS[subjects[i % 5]]], 6)) + ".",
                    published=date(2023, 3, 7)) for i in range(n)]


def test_a_continuing_runs_lone_article_joins_on_two_words_outside_every_name() -> None:
    """A lone article of a continuing run judged at the first run's bar needs two shared words outside the names,
    every word of its own names counted as a name's (a title and a first name too): a note on a Darrowby surgeon
    who plunged into a crevasse shares the town and two words of the event (plunged, crevasse) with the story of
    the Darrowby climbers' fall, and joins it, as one run over the store joins it."""
    arts, labels = _reports(120, seed=0)
    rng = random.Random(0)
    climbs = _climbs(rng, 6, 0)
    later = _other_reports(rng, 19)
    lone = Article(text="Colleagues at the Darrowby hospital mourned a surgeon who plunged into a crevasse; wards "
                        "observed a silence and the dean praised her teaching, patience and research.",
                   published=date(2023, 3, 8))
    c = StoryClusterer()
    c.partial_fit(c.begin_run(arts + climbs))
    c.end_run()
    assert c.provisional and len({c.story_of(a.id) for a in climbs}) == 1
    c.partial_fit(c.begin_run(later + [lone]))  # a sixth more: the run continues the stream
    assert c.open[c.story_of(lone.id)].size == 1
    c.end_run()
    assert c.story_of(lone.id) == c.story_of(climbs[0].id)
    assert _pure([c.story_of(a.id) for a in arts + climbs], labels + ["climb"] * 6)
    offline = cluster(arts + climbs + later + [lone])  # one run over all of them
    assert offline[-1] == offline[len(arts)]


def test_a_continuing_run_judges_an_earlier_lone_article_against_a_story_it_grew_as_a_first_run_does() -> None:
    """A lone article of an earlier run was held apart from a story without the articles a later run adds to it;
    the later run's pass judges the two at the first run's bar, as one run over all of them would: a note on a
    Darrowby surgeon's fall, alone after the first run, joins the climbers' story once the run has added four
    reports of it that tell of her colleagues' mourning."""
    arts, labels = _reports(120, seed=0)
    rng = random.Random(0)
    climbs = _climbs(rng, 6, 0)
    lone = Article(text="Colleagues at the Darrowby hospital mourned a surgeon who plunged; wards observed a silence "
                        "and the dean praised her teaching, patience and research.", published=date(2023, 3, 6))
    c = StoryClusterer()
    c.partial_fit(c.begin_run(arts + climbs + [lone]))
    c.end_run()
    assert c.provisional and c.open[c.story_of(lone.id)].size == 1
    later, more = _other_reports(rng, 15), _climbs(rng, 4, 7, extra=3)
    c.partial_fit(c.begin_run(later + more))  # a sixth more: the run continues the stream
    assert {c.story_of(a.id) for a in more} == {c.story_of(climbs[0].id)} and c.open[c.story_of(lone.id)].size == 1
    c.end_run()
    assert c.story_of(lone.id) == c.story_of(climbs[0].id)
    assert _pure([c.story_of(a.id) for a in arts + later], labels + [sorted(SLOTS)[i % 5] for i in range(15)])
    offline = cluster(arts + climbs + [lone] + later + more)  # one run over all of them
    assert offline[len(arts) + len(climbs)] == offline[len(arts)]


def test_a_continuing_runs_pass_finds_the_stories_it_grew_without_resolving_every_story_of_the_run() -> None:
    """The stories a continuing run grew (``_PairState.grown``) are read off the run's stories as merges keep them,
    once per story of a group, not by resolving every story the run touched for each group of its pass (a cost
    that grew with the run's stories times the pass's groups); a story a merge joined to another is found grown."""
    arts, _ = _reports(120, seed=0)
    rng = random.Random(0)
    climbs = _climbs(rng, 6, 0)
    c = StoryClusterer()
    c.partial_fit(c.begin_run(arts + climbs))
    c.end_run()
    later = _other_reports(rng, 15) + _climbs(rng, 4, 7)
    c.partial_fit(c.begin_run(later))
    calls = []
    resolve = c.resolve
    c.resolve = lambda sid: calls.append(sid) or resolve(sid)  # type: ignore[method-assign]
    c.own_bar = c.consolidate_latent_threshold
    stories = sorted(c.open.values(), key=lambda s: s.first_seq)
    grown = _PairState(c, stories, c.consolidate_threshold or 0.0).grown
    assert not calls and grown is not None
    assert {s.id for s, g in zip(stories, grown.tolist()) if g} == {resolve(sid) for sid in c.run_touched}
    c.own_bar = None
    c.end_run()
