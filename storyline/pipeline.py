"""The one entry point that the CLI, the HTTP API and the distributed runner call.

    sources -> ingest -> (store articles) -> group -> consolidate -> store briefs

Each step is idempotent: an interrupted run is completed by running it again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Collection, Iterable, Iterator, Mapping, Sequence

from .config import Settings
from .consolidate.brief import article_info, build_brief, focus_brief
from .consolidate.template import template_keys
from .errors import InputError, InputWarning, NotAnArticle, StoreError
from .group.stories import (Features, ProgressHook, StoryClusterer, date_order, features, one_step, renamed_state,
                             stream_order)
from .ingest import iter_articles
from .ingest.checks import add_warning
from .ingest.revisions import continues
from .records import AnalyzedArticle, Article, Brief, from_dict, to_dict
from .serve.views import store_brief_views
from .store.sqlite import SQLiteStore

__all__ = ["IngestReport", "RegroupReport", "ingest_paths", "ingest_articles", "update_stories", "group_pending",
           "load_clusterer", "regroup", "regroup_due", "watch_round"]

log = logging.getLogger("storyline")

Progress = Callable[[int], None]


@dataclass(slots=True)
class IngestReport:
    new: list[str] = field(default_factory=list)
    duplicate: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)  # inputs that could not be read or parsed
    left_aside: list[InputError] = field(default_factory=list)  # read, but no article: an empty page, a site's notice
    stories: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (where, reason): stored, but with a change
    unchanged: list[str] = field(default_factory=list)  # watched URLs that answered 304 Not Modified
    undated: list[str] = field(default_factory=list)  # new articles stored without a publication date
    captured: list[str] = field(default_factory=list)  # of those, the ones dated by their page's capture
    older: list[str] = field(default_factory=list)  # feed items left out: published before the kept window
    revised: list[str] = field(default_factory=list)  # stored before, came again changed (a correction, a file completed)
    regrouped: RegroupReport | None = None  # the whole store grouped again by this run (``group_pending``)

    @property
    def ok(self) -> bool:
        """Every input was stored or knowingly left aside (``left_aside``): none failed."""
        return not self.failed


def ingest_articles(store: SQLiteStore, items: Iterable[Article | InputError], *, batch_size: int = 500,
                    progress: Progress | None = None, report: IngestReport | None = None) -> IngestReport:
    """Store articles in batches (one transaction each); errors are collected, never raised (and not
    logged above INFO: the caller shows ``report.failed`` once), an input that holds no article
    (``NotAnArticle``: an empty page, a site's notice) in ``report.left_aside``. The warnings an article carries
    (``meta["warnings"]``, e.g. a dropped absurd date) go to ``report.warnings`` when it stores the article
    (new or revised), not when it finds it stored already. ``progress`` hears of
    each input as it is read (a batch is stored after its last article is read)."""
    report = report or IngestReport()
    batch: list[Article] = []

    def flush() -> None:
        if batch:
            stored = store.add_articles(batch)
            report.new.extend(stored.new)
            fresh = set(stored.new)
            undated = [a for a in batch if a.published is None and a.id in fresh]
            report.undated.extend(a.id for a in undated)
            report.captured.extend(a.id for a in undated if a.captured is not None)
            report.duplicate.extend(stored.duplicate)
            report.revised.extend(stored.revised)
            if stored.revised:
                _renew_signatures(store, stored.revised)
            # an article's warnings are told when this run stores it, not at each run that finds it stored
            again = set(stored.duplicate).difference(stored.new, stored.revised)
            report.warnings.extend(w for a in batch if a.id not in again for w in _warnings_of(a))
            batch.clear()

    for item in items:
        if isinstance(item, InputWarning):
            report.warnings.append((item.where, item.reason))
            continue
        if isinstance(item, InputError):
            log.info("skipped %s", item)
            (report.left_aside if isinstance(item, NotAnArticle) else report.failed).append(item)
            if progress:
                progress(1)
            continue
        batch.append(_as_file_version(store, item))
        if progress:
            progress(1)
        if len(batch) >= batch_size:
            flush()
    flush()
    return report


def _warnings_of(article: Article) -> list[tuple[str, str]]:
    """(where, reason) of each warning ``article`` carries (``meta["warnings"]``)."""
    return [(str(w.get("where", article.id)), str(w.get("reason", "")))
            for w in article.meta.get("warnings", ()) if isinstance(w, dict)]


def _renew_signatures(store: SQLiteStore, article_ids: Sequence[str]) -> None:
    """The near-duplicate signatures of revised articles, of their new words: a copy of the
    corrected or completed version is then found a copy of it (a first version of three
    paragraphs shares too few words with a copy of the whole article to be found one)."""
    sigs = {a.id: f.sig.tobytes() for a in store.get_articles(article_ids)
            if (f := features(a)).sig is not None}
    store.renew_signatures(sigs)


def _as_file_version(store: SQLiteStore, a: Article) -> Article:
    """An article read from a file of its own (a text or HTML file), with the file's absolute path in
    ``meta["file"]``; under the id of the article first stored from that file when it is that article
    grown or edited (``continues``: read while it was being written, then again complete; corrected
    since), so that the store takes it as a new version rather than as another article."""
    path = a.meta.get("path")
    if not path or a.url or "feed_item" in a.meta or not isinstance(path, str):
        return a
    where = os.path.abspath(path)
    a = replace(a, meta={**a.meta, "file": where})
    first_id = store.file_article_id(where)
    if first_id is None or first_id == a.id:   # (a file read again as it was: nothing more to read)
        return a
    first = store.get_article(first_id)
    return replace(a, id=first.id) if first is not None and continues(first.text, a.text) else a


def ensure_analyses(store: SQLiteStore, articles: Sequence[Article], *, ner_mode: str = "accurate",
                    cache: bool = True, any_tagger: bool = False) -> dict[str, AnalyzedArticle]:
    """The per-article analysis of ``articles``: from the store's cache, the missing ones computed
    (once, in one transaction) and cached, unless ``cache`` is False (a server's read leaves the
    store alone). ``any_tagger``: an article the store holds analysed by the other entity tagger (a
    store ingested with ``--ner fast``) keeps that analysis, instead of every article being tagged
    again (half a minute for a story of 500 articles) for a read of the brief built from it."""
    from .analyze.analyze import analysis_from_dict, analysis_to_dict, analysis_version, analyze_article
    from .analyze.entities import MODES

    by_id = {a.id: a for a in articles}
    cached = store.get_analyses(by_id, analysis_version(ner_mode))
    for other in MODES if any_tagger else ():
        if other != ner_mode and len(cached) < len(by_id):
            cached.update(store.get_analyses([i for i in by_id if i not in cached], analysis_version(other)))
    out = {aid: analysis_from_dict(by_id[aid], d) for aid, d in cached.items()}
    missing = [a for a in articles if a.id not in out]
    if missing:
        fresh = {a.id: analyze_article(a, ner_mode=ner_mode) for a in missing}
        if cache:
            store.put_analyses({aid: analysis_to_dict(an) for aid, an in fresh.items()}, analysis_version(ner_mode))
        out.update(fresh)
    return out


def load_clusterer(store: SQLiteStore, settings: Settings) -> StoryClusterer:
    """The online clusterer with the state the store holds (the open stories, not the corpus)."""
    c = new_clusterer(settings)
    globals_blob, stories, sigs = store.load_grouping()
    if globals_blob:
        c.load_globals(globals_blob)
    for blob in stories:
        c.load_story(blob)
    for aid, sid, sig in sigs:
        c.load_signature(aid, sid, sig)
    return c


def group_pending(store: SQLiteStore, settings: Settings, *, chunk: int = 5000,
                  grouping: ProgressHook | None = None) -> RegroupReport | None:
    """Put the articles not yet in a story into stories (online: continues the stored stream), in
    chunks of ``chunk`` articles, each saved in one transaction. Each chunk begins a run
    (``StoryClusterer.begin_run``: the chunk's document frequencies counted first, and a provisional
    latent basis while the stream is short of its sample); the end of the run
    (``StoryClusterer.end_run``) consolidates the stories it touched and their candidates, and its
    merges are stored like any late merge.

    A store that holds fewer grouped articles than a latent basis needs (``run_min_sample``, 100) keeps
    its grouping provisional (words and names over a few dozen articles' frequencies): the run groups
    those articles again with its own, as one run over all of them would (``regroup``: at most
    ``run_min_sample`` earlier articles placed again). So does a run that brings a store short of its
    latent sample to a quarter more than it held when last grouped as a whole, in one run or several
    (``StoryClusterer.regroups``: its earlier articles were placed on fewer articles' statistics; at most
    five times the store's articles placed again in all).
    Returns what such a regroup did (None when the run continued the stream): stories of earlier runs
    can be joined or parted by it, which the caller tells. ``grouping`` hears the clusterer's long steps
    (``StoryClusterer.progress``: words read, articles placed, stories merged; done of total)."""
    pending = store.unassigned_articles(limit=chunk)
    if not pending:
        return None
    c = load_clusterer(store, settings)
    c.progress = grouping
    total = store.unassigned_count()  # the whole run, which comes in chunks
    if not c.n_docs and total <= len(pending):  # a store's first run, in one chunk
        _first_run(store, settings, pending, grouping)
        return None
    if c.regroups(store.count_articles() - total, total):
        return _regroup(store, settings, chunk=chunk, grouping=grouping)
    while pending:
        order = stream_order(pending)
        ids = [pending[i].id for i in order]
        c.partial_fit(c.begin_run([pending[i] for i in order], run_size=total))
        _save_grouping(store, c, ids, grouping)
        pending = store.unassigned_articles(limit=chunk)
    if c.end_run() or c.touched or c.closed:  # its merges and closes (nothing to save when none)
        _save_grouping(store, c, [], grouping)
    return None


def _first_run(store: SQLiteStore, settings: Settings, articles: Sequence[Article],
               grouping: ProgressHook | None = None) -> None:
    """A store's first run, over all its ``articles``, grouped as ``cluster()`` groups them
    (``_refitted``), saved in one transaction."""
    ordered = [articles[i] for i in stream_order(articles)]
    ids = [a.id for a in ordered]
    arts: list[Article | Features] = list(ordered)

    def run(c: StoryClusterer, _: bool) -> None:
        feats = c.begin_run(arts, run_size=len(arts))
        arts[:] = feats  # a second try (``_refitted``) places the words the first one read, not read again
        c.partial_fit(feats)
        c.end_run()

    _save_grouping(store, _refitted(lambda: load_clusterer(store, settings), run, ids, grouping), ids, grouping)


def _refitted(make: Callable[[], StoryClusterer], run: Callable[[StoryClusterer, bool], None],
              ids: Sequence[str], grouping: ProgressHook | None = None) -> StoryClusterer:
    """A clusterer from ``make`` after ``run`` (one ingest run over the articles ``ids``; its flag:
    whether it is the first try), tried again on a latent basis with one dimension per story when the
    run found more stories than its provisional basis can keep apart (``refit_dims``), as ``cluster()``
    runs its pass again; later runs keep at least that many dimensions (``min_dims``). ``grouping``
    hears each try's steps (``StoryClusterer.progress``; a second try counts from the start again)."""
    c = make()
    c.progress = grouping
    run(c, True)
    dims = c.refit_dims(len({c.story_of(aid) for aid in ids}), len(ids))
    if dims:
        c = make()
        c.progress = grouping
        c.min_dims = dims
        run(c, False)
    c.progress = None
    return c


@dataclass(slots=True)
class RegroupReport:
    """What a regroup did: ``stories_before`` and ``stories_after`` count the stories holding articles;
    ``changed`` are the stories whose articles changed (their briefs rebuilt), ``gone`` each story
    left empty with the story now holding most of its articles (its id leads there; None when all
    its articles were forgotten), ``forgotten`` the articles deleted."""

    articles: int = 0
    stories_before: int = 0
    stories_after: int = 0
    changed: list[str] = field(default_factory=list)
    gone: dict[str, str | None] = field(default_factory=dict)
    briefs: list[str] = field(default_factory=list)
    forgotten: list[str] = field(default_factory=list)


def new_clusterer(settings: Settings) -> StoryClusterer:
    """A clusterer with no stream behind it, set up as ``settings`` say."""
    return StoryClusterer(threshold=settings.story_threshold, window_days=settings.story_window_days,
                          dedup_threshold=settings.dedup_threshold)


def regroup(store: SQLiteStore, settings: Settings, *, chunk: int = 5000, progress: Progress | None = None,
            total: Progress | None = None, brief_progress: Progress | None = None,
            brief_total: Progress | None = None, briefs: bool = True,
            forget: Iterable[str] = (), grouping: ProgressHook | None = None) -> RegroupReport:
    """Group every stored article again, as one ingest run over the whole store would (in stream
    order: the stories ``cluster()`` finds for these articles), and put the result in place of the
    stored grouping in one transaction; then rebuild the briefs of the stories that changed.

    Stories grown over many ingest runs (a feed followed for weeks) drift from what one run over
    the same articles finds: a long story can end up in pieces. A regroup mends that; its cost grows
    with the store (features of every article, one pass), so it is a maintenance step, not part of
    each run. A story keeps its stored id when it keeps most of its articles (``kept_ids``: the
    address a reader follows stays with the story, whichever article it began with); a stored story
    left with no new story of its own leads, by a "merge" event, to the one holding most of its
    articles.
    ``total`` / ``progress`` hear the articles grouped, ``brief_total`` / ``brief_progress`` the
    briefs rebuilt; ``briefs=False`` leaves the changed stories marked for the next update to rebuild;
    ``grouping`` hears the grouping's steps (``StoryClusterer.progress``, then ``SAVING``).

    ``forget``: article ids deleted from the store in the same transaction (see ``forget``); the
    grouping is then the one run over the articles that remain would find."""
    with store.update_lock():
        report = _regroup(store, settings, chunk=chunk, progress=progress, total=total, forget=forget,
                          grouping=grouping)
        if report.articles or report.forgotten:
            store.set_kv(REGROUPED_AT, _utc_now().isoformat(timespec="seconds"))
            if briefs:
                report.briefs = _update_stories(store, settings, progress=brief_progress, total=brief_total)
    return report


def _regroup(store: SQLiteStore, settings: Settings, *, chunk: int = 5000, progress: Progress | None = None,
             total: Progress | None = None, forget: Iterable[str] = (),
             grouping: ProgressHook | None = None) -> RegroupReport:
    """``regroup`` under the update lock, its briefs left out (the stories it changed are marked for
    the next update to rebuild). A story takes the stored id of the story most of its articles were
    in (``kept_ids``), not the id of its first article that one run over the store would give it."""
    gone_ids = set(forget)
    index = store.article_index()
    kept = [row for row in index if row[0] not in gone_ids]
    report = RegroupReport(articles=len(kept))
    report.forgotten = [row[0] for row in index if row[0] in gone_ids]
    if not index or (not kept and not report.forgotten):
        return report
    if total:
        total(len(kept))
    ids = [kept[i][0] for i in date_order([published for _, published, _, _ in kept])]
    c = _refitted(lambda: new_clusterer(settings),
                  lambda c, first: _one_run(store, c, ids, chunk, progress if first else None), ids, grouping)
    with one_step(grouping, SAVING):
        _replace_grouping(store, c, ids, index, report)
    return report


def _replace_grouping(store: SQLiteStore, c: StoryClusterer, ids: Sequence[str],
                      index: Sequence[tuple[str, str | None, str | None, str | None]], report: RegroupReport) -> None:
    """Put ``c``'s grouping of the articles ``ids`` in place of the stored one (``index``: the store's
    ``article_index`` before), story ids kept (``kept_ids``); ``report`` gets what changed."""
    _, _, _, sigs = c.drain()
    new = {aid: c.story_of(aid) for aid in ids}
    dups = {aid: c.duplicates_[aid] for aid in ids if aid in c.duplicates_}
    old = {aid: (sid, dup) for aid, _, sid, dup in index}
    states = {sid: blob for sid in c.open if (blob := c.story_bytes(sid)) is not None}
    names = kept_ids(old, new)   # the stories that remain keep their ids (one run's come from positions)
    new = {aid: names.get(sid, sid) for aid, sid in new.items()}
    states = {names.get(sid, sid): renamed_state(blob, names[sid]) if sid in names else blob
              for sid, blob in states.items()}
    report.stories_before, report.stories_after, report.changed, report.gone = regroup_changes(old, new, dups)
    store.replace_grouping(globals_blob=c.globals_bytes(names), assignments=new, duplicates=dups,
                           states=states,
                           sigs={aid: sig.tobytes() for aid, sig in sigs.items()},
                           changed=report.changed, gone=report.gone,
                           detail={"articles": len(ids)}, forget=report.forgotten)


def _one_run(store: SQLiteStore, c: StoryClusterer, ids: Sequence[str], chunk: int, progress: Progress | None) -> None:
    """One run of ``c`` over the stored articles ``ids`` (in stream order), read ``chunk`` at a time."""
    for k in range(0, len(ids), chunk):
        part = store.get_articles(ids[k:k + chunk])
        c.partial_fit(c.begin_run(part, run_size=len(ids)))
        if progress:
            progress(len(part))
    if ids:
        c.end_run()


def regroup_changes(old: dict[str, tuple[str | None, str | None]], new: dict[str, str],
                    dups: dict[str, str]) -> tuple[int, int, list[str], dict[str, str | None]]:
    """What replacing a grouping changes. ``old``: article id -> (story, copy of) as stored; ``new``
    and ``dups``: article id -> story, and -> the article it copies, as regrouped (an article of
    ``old`` missing from ``new`` is forgotten). Returns the number of stories before and after, the
    stories whose articles (or copy marks) changed, and each story left with none of its articles
    -> the story now holding most of them (None when none of them is left)."""
    before: dict[str, set[str]] = defaultdict(set)
    after: dict[str, set[str]] = defaultdict(set)
    for aid, (sid, _) in old.items():
        if sid:
            before[sid].add(aid)
    for aid, sid in new.items():
        after[sid].add(aid)
    changed = sorted(sid for sid, members in after.items()
                     if members != before.get(sid) or any(dups.get(a) != old.get(a, (None, None))[1] for a in members))
    gone: dict[str, str | None] = {}
    for sid, members in before.items():
        if sid not in after:
            left = Counter(new[a] for a in members if a in new)
            gone[sid] = left.most_common(1)[0][0] if left else None
    return len(before), len(after), changed, gone


def kept_ids(old: dict[str, tuple[str | None, str | None]], new: dict[str, str]) -> dict[str, str]:
    """New story id -> the id it is stored under: the stored story most of its articles were in, when
    no other new story (a larger one first) takes it. A stored id goes with the most of its articles,
    not with its first one: a story whose first article parts from it keeps its address and the
    new story that holds that article takes another id. A new story that takes no stored id keeps
    its own id unless another story took it; then it gets a fresh one (``_fresh_id``)."""
    by_new: dict[str, Counter[str]] = defaultdict(Counter)
    for aid, sid in new.items():
        was = old.get(aid, (None, None))[0]
        if was:
            by_new[sid][was] += 1
    order = sorted(set(new.values()), key=lambda k: (-sum(by_new[k].values()), k))
    taken: set[str] = set()
    out: dict[str, str] = {}
    for sid in order:
        for was, _ in sorted(by_new[sid].items(), key=lambda kv: (-kv[1], kv[0])):
            if was not in taken:
                taken.add(was)
                out[sid] = was
                break
    for sid in order:
        if sid not in out:
            out[sid] = sid if sid not in taken else _fresh_id(sid, taken)
            taken.add(out[sid])
    return {sid: to for sid, to in out.items() if to != sid}


def _fresh_id(sid: str, taken: set[str]) -> str:
    """An id for the new story ``sid`` whose own id another story took, derived from it."""
    for k in range(1, 1000):
        cand = "s-" + hashlib.blake2b(f"{sid}/{k}".encode(), digest_size=6).hexdigest()
        if cand not in taken:
            return cand
    raise RuntimeError(f"no free story id for {sid}")


REGROUPED_AT = "grouping.regrouped_at"


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def forget(store: SQLiteStore, settings: Settings, article_ids: Iterable[str], **kw: Any) -> RegroupReport:
    """Delete ``article_ids`` (and their cached analyses) from the store, and group what remains again
    as one run over it would (``regroup``, same keywords), in one transaction: no story state,
    signature or copy mark keeps a trace of them. The stories that held them get new briefs; a
    story left with none of its articles is emptied. Ids not stored are ignored. Reading the same
    article again later stores it anew."""
    return regroup(store, settings, forget=article_ids, **kw)


def regroup_due(store: SQLiteStore, every: float, *, now: datetime | None = None) -> bool:
    """Whether a store that is regrouped every ``every`` seconds (0: never) is due: that long since
    its last regroup, or, never regrouped, since its first article was stored."""
    if every <= 0:
        return False
    since = store.get_kv(REGROUPED_AT) or store.first_ingested()
    if since is None:
        return False
    then = datetime.fromisoformat(since)
    if then.tzinfo is None:
        then = then.replace(tzinfo=timezone.utc)
    return ((now or _utc_now()) - then).total_seconds() >= every


DAY = 86_400.0


def maintenance_every(settings: Settings) -> float:
    """Seconds between scheduled maintenances (``maintain``): ``regroup_every``, or a day when only
    ``keep_days`` is set; 0: none."""
    return settings.regroup_every or (DAY if settings.keep_days > 0 else 0.0)


def maintenance_due(store: SQLiteStore, settings: Settings, *, now: datetime | None = None) -> bool:
    """Whether the scheduled maintenance (``maintain``) is due (see ``maintenance_every``)."""
    return regroup_due(store, maintenance_every(settings), now=now)


def maintain(store: SQLiteStore, settings: Settings, *, now: datetime | None = None, **kw: Any) -> RegroupReport:
    """The scheduled maintenance of a store that follows feeds: forget the articles published more
    than ``settings.keep_days`` days ago (stored that long ago, for an undated one; none when it is 0)
    and regroup the rest (``forget`` / ``regroup``, same keywords)."""
    old: list[str] = []
    if settings.keep_days > 0:
        cutoff = ((now or _utc_now()) - timedelta(days=settings.keep_days)).date().isoformat()
        old = store.select_articles(before=cutoff)
    return regroup(store, settings, forget=old, **kw)


SAVING = "saving"  # the grouping's last step, told to its ``ProgressHook`` as a step of one piece


def _save_grouping(store: SQLiteStore, c: StoryClusterer, ids: Sequence[str],
                   grouping: ProgressHook | None = None) -> None:
    """Store what changed in the clusterer since the last save, with the stories of ``ids``; ``grouping``
    hears the step (``SAVING``: seconds for a run of thousands of articles)."""
    with one_step(grouping, SAVING):
        touched, closed, events, sigs = c.drain()
        store.save_grouping(
            globals_blob=c.globals_bytes(),
            assignments={aid: c.story_of(aid) for aid in ids},
            duplicates={aid: c.duplicates_[aid] for aid in ids if aid in c.duplicates_},
            states={sid: blob for sid in sorted(touched) if (blob := c.story_bytes(sid)) is not None},
            closed=closed,
            sigs={aid: sig.tobytes() for aid, sig in sigs.items()},
            events=[(e.kind, e.story_id, e.other_id, json.dumps(e.detail), e.articles) for e in events],
        )


def update_stories(store: SQLiteStore, settings: Settings, *, progress: Progress | None = None,
                   total: Progress | None = None, on_wait: Callable[[], None] | None = None,
                   report: IngestReport | None = None, grouping: ProgressHook | None = None) -> list[str]:
    """Group articles not yet in a story, then rebuild the brief of every story that changed (only
    those: the stories of the new articles and any story a late merge touched). ``total`` hears how
    many briefs will be rebuilt, ``progress`` each one done. One updater at a time per store, across
    processes (``store.update_lock``; ``on_wait`` hears that another one holds it). ``report.regrouped``
    gets what the grouping did when it grouped the whole store again (``group_pending``); ``grouping``
    hears the grouping's steps (``group_pending``)."""
    with store.update_lock(on_wait):
        return _update_stories(store, settings, progress=progress, total=total, report=report, grouping=grouping)


def _update_stories(store: SQLiteStore, settings: Settings, *, progress: Progress | None,
                    total: Progress | None, report: IngestReport | None = None,
                    grouping: ProgressHook | None = None) -> list[str]:
    regrouped = group_pending(store, settings, grouping=grouping)
    if report is not None and regrouped is not None:
        report.regrouped = regrouped
    dirty = store.dirty_stories()
    if total:
        total(len(dirty))
    if settings.dask:  # the analyses and briefs on a Dask cluster (storyline.distributed)
        from .distributed import update_on_cluster

        return update_on_cluster(store, settings, dirty, progress=progress)
    for sid in dirty:
        update_story_here(store, settings, sid)
        if progress:
            progress(1)
    return dirty


def update_story_here(store: SQLiteStore, settings: Settings, story_id: str) -> None:
    """Rebuild one story's brief in this process (its missing analyses computed and cached)."""
    articles, new_ids = story_inputs(store, story_id)
    analyses = ensure_analyses(store, articles, ner_mode=settings.ner_mode)
    put_story_brief(store, safe_brief(story_id, articles, max_words=settings.summary_words, analyses=analyses,
                                      new_ids=new_ids, earlier=earlier_versions(store, articles),
                                      template=store_template(store, articles)))


STORE_TEMPLATE_PAGES = 5   # a line on this many pages of the store, of two stories or more, is template ...


def store_template(store: SQLiteStore, articles: Sequence[Article]) -> frozenset[str]:
    """The ``line_hash`` of the lines of ``articles`` that the store holds on the pages of other
    stories too: on ``STORE_TEMPLATE_PAGES`` pages or more, of two stories or more, of which
    ``TEMPLATE_MIN_PAGES`` are no copies of each other (``template_keys``): a site's advertisement or
    trending headline that a story's own pages write once."""
    lines, pages = store.template_pages([a.id for a in articles], min_articles=STORE_TEMPLATE_PAGES)
    return template_keys(pages, lines=lines) if lines else frozenset()


def story_inputs(store: SQLiteStore, story_id: str) -> tuple[list[Article], list[str]]:
    """A story's stored articles and those added since its last brief (on a rebuild with none added,
    those its brief already told as new: the brief still tells what the last additions added)."""
    ids = store.story_article_ids(story_id)
    old = store.get_brief(story_id)
    before = {str(a.get("id")) for a in old.articles} if old is not None else set()
    new_ids = [i for i in ids if i not in before] if old is not None else []
    if old is not None and not new_ids:
        held = set(ids)
        new_ids = [n.article_id for n in old.new_since if n.article_id in held]
    return store.get_articles(ids), new_ids


def earlier_versions(store: SQLiteStore, articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> the text each revised article had before its latest version (what its brief
    shows the revision changed)."""
    return store.earlier_texts(a.id for a in articles if a.meta.get("revised_at"))


def _brief_extra(store: SQLiteStore, story_id: str) -> dict[str, Any]:
    """What the store keeps beside a story's brief: the groups of near-duplicate copies among its articles."""
    return {"duplicate_groups": _dup_groups(store.duplicates_in(story_id))}


def put_story_brief(store: SQLiteStore, brief: Brief) -> None:
    """Store a story's brief with the groups of near-duplicate copies among its articles, then its
    rendered views (``serve.views``: what a server shows of it, so that serving it is a look-up)."""
    raw = store.put_brief(brief, extra=_brief_extra(store, brief.story_id))
    try:
        store_brief_views(store, brief.story_id, raw)
    except Exception:  # a rendering is an extra: a server renders it on request
        log.exception("views of story %s not rendered", brief.story_id)


def put_first_story_brief(store: SQLiteStore, brief: Brief) -> str | None:
    """Store a brief a server built for a reader of a story the store holds no brief of yet, with the
    story's groups of near-duplicate copies (``SQLiteStore.put_first_brief``: only while the store
    holds none and the story's articles are the brief's; the updater's brief replaces it). Returns
    the JSON text stored, or None when it was not: another writer holds the store (a reader is never
    kept waiting for it), the store cannot be written, or the story has changed."""
    try:
        return store.put_first_brief(brief, extra=_brief_extra(store, brief.story_id), wait=False)
    except (sqlite3.Error, StoreError) as exc:
        log.debug("brief of story %s built for a reader not kept: %s", brief.story_id, exc)
        return None


def rebuild_briefs(store: SQLiteStore, settings: Settings, story_ids: Sequence[str] | None = None, *,
                   progress: Progress | None = None, total: Progress | None = None) -> list[str]:
    """Rebuild the briefs of ``story_ids`` (every story when None) with this version's code and
    ``settings`` (after an upgrade, or a new summary length); returns the stories rebuilt."""
    with store.update_lock():
        store.mark_dirty(story_ids)
        return _update_stories(store, settings, progress=progress, total=total)


def brief_now(store: SQLiteStore, story_id: str, settings: Settings, *, about: str | None = None,
              cache: bool = True, reuse: bool = True) -> Brief | None:
    """The story's brief built now from its stored articles, with ``settings.summary_words`` and,
    given ``about``, its summary focused on that person, organisation, place or subject (see
    ``build_brief``); None when the story has no articles. Analyses come from the store's cache; the
    missing ones are computed, and stored too when ``cache`` (a server's read leaves the store alone).
    A focus on a story whose stored brief holds all its articles starts from that brief (``reuse``;
    ``focus_brief``: a summary's cost, not a whole brief's). The articles keep the analyses the stored
    brief was built from, whichever entity tagger made them (``storyline rebuild --ner`` changes it)."""
    arts = store.get_articles(store.story_article_ids(story_id))
    if not arts:
        return None
    analyses = ensure_analyses(store, arts, ner_mode=settings.ner_mode, cache=cache, any_tagger=True)
    stored = store.get_brief(story_id) if about and reuse else None
    if stored is not None and {str(a["id"]) for a in stored.articles} == {a.id for a in arts}:
        return focus_brief(stored, arts, about=about or "", max_words=settings.summary_words, analyses=analyses)
    return build_brief(story_id, arts, max_words=settings.summary_words, analyses=analyses, about=about,
                       earlier=earlier_versions(store, arts), template=store_template(store, arts))


def safe_brief(story_id: str, articles: Sequence[Article], *, max_words: int,
               analyses: dict[str, AnalyzedArticle] | None = None, new_ids: Sequence[str] = (),
               earlier: Mapping[str, str] | None = None, template: Collection[str] = ()) -> Brief:
    """The story's brief; if consolidation fails on odd input, a bare brief (headline and sources)
    is stored instead and the error logged, so one story never stops the others. ``template``: the
    ``line_hash`` of lines known as page template (``store_template``)."""
    try:
        return build_brief(story_id, articles, max_words=max_words, analyses=analyses, new_ids=new_ids,
                           earlier=earlier, template=template)
    except Exception:
        log.exception("brief of story %s failed; storing its sources only", story_id)
        titles = [a.title for a in articles if a.title]
        return Brief(story_id=story_id, headline=titles[0] if titles else " ".join(articles[0].text.split()[:12]),
                     articles=tuple(article_info(a) for a in articles))


def _dup_groups(dups: dict[str, str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for aid, rep in sorted(dups.items()):
        groups.setdefault(rep, [rep]).append(aid)
    return [g for _, g in sorted(groups.items())]


def new_stories(store: SQLiteStore, report: IngestReport) -> list[str]:
    """The stories of ``report`` that hold only articles it stored: those its ingest began (not those
    another process began meanwhile, nor old stories that two new articles merged)."""
    fresh = set(report.new)
    return [s for s in report.stories if (ids := store.story_article_ids(s)) and fresh.issuperset(ids)]


def _known(store: SQLiteStore, report: IngestReport) -> Callable[[Article], bool]:
    """``store.known_item`` that also counts, in ``report.duplicate``, the feed items it lets a reader
    skip (their pages are not fetched again): a second ingest of a feed says "5 already stored"."""
    def known(item: Article) -> bool:
        if store.known_item(item):
            report.duplicate.append(item.id)
            return True
        return False
    return known


PAGE_POLLS = 4  # polls that try a feed item's linked page before its teaser is stored


def _page_retries(store: SQLiteStore, polls: int = PAGE_POLLS) -> Callable[[str], int]:
    """For ``read_url(retry=...)``: counts, in the store, the polls that failed to read a feed item's
    linked page, and says how many polls are left to try it (0: store the teaser)."""
    def retry(article_id: str) -> int:
        key = f"page-tries:{article_id}"
        tries = int(store.get_kv(key) or 0) + 1
        store.set_kv(key, str(tries))
        return max(0, polls - tries)
    return retry


def ingest_paths(store: SQLiteStore, paths: Sequence[str | os.PathLike[str]], settings: Settings, *,
                 progress: Progress | None = None, briefs_total: Progress | None = None,
                 briefs_progress: Progress | None = None, stage: Callable[[str], None] | None = None,
                 grouping: ProgressHook | None = None, read: Progress | None = None) -> IngestReport:
    """Read every article under ``paths``, store the new ones, update their stories' briefs.
    ``progress`` hears of each input read, ``read`` of the bytes of the files read (``iter_articles``;
    ``ingest.input_size`` tells their total); ``briefs_total``/``briefs_progress`` of the briefs rebuilt;
    ``stage`` of each step begun after the reading ("grouping", or waiting for another process that
    updates the store); ``grouping`` of the grouping's steps (``group_pending``). The stories reported are those of the articles stored, whoever updated them
    (another process, such as a server's updater, may have grouped them first)."""
    report = IngestReport()
    ingest_articles(store, iter_articles(paths, max_bytes=settings.max_article_bytes,
                                         max_text_bytes=settings.text_limit(), known=_known(store, report),
                                         read=read),
                    progress=progress, report=report)
    if stage is not None:
        stage("grouping into stories")
    updated = update_stories(store, settings, progress=briefs_progress, total=briefs_total,
                             on_wait=(lambda: stage("waiting for another process updating this store (a server's "
                                                    "updater, another ingest)")) if stage is not None else None,
                             report=report, grouping=grouping)
    done = set(updated)
    report.stories = updated + [s for s in store.stories_of(report.new + report.revised) if s not in done]
    return report


def _within_keep(items: Iterable[Article | InputError], settings: Settings,
                 report: IngestReport) -> Iterator[Article | InputError]:
    """``items`` without the articles published before the store's window (``keep_days``): a feed
    that still lists them would have them stored at each poll and forgotten at each regroup."""
    if settings.keep_days <= 0:
        yield from items
        return
    cutoff = (_utc_now() - timedelta(days=settings.keep_days)).date()
    for item in items:
        if isinstance(item, Article) and item.published is not None and item.published < cutoff:
            report.older.append(item.id)
            continue
        yield item


def watch_round(store: SQLiteStore, urls: Sequence[str], settings: Settings, *,
                progress: Progress | None = None) -> IngestReport:
    """One poll of ``urls`` (feeds, pages): each is fetched conditionally with the validators
    (ETag, Last-Modified) its previous poll stored, items already stored are skipped before their
    pages are fetched, and the new articles are stored and grouped and their stories' briefs
    rebuilt. The validators are saved only once the articles of that URL are stored."""
    from .ingest.web import Fetched, fetch, read_url

    report = IngestReport()

    def fetcher(where: str, **kw: Any) -> Fetched | None:  # notes a 304 (only the feed is conditional)
        got = fetch(where, **kw)
        if got is None:
            report.unchanged.append(where)
        return got

    for url in dict.fromkeys(u.strip() for u in urls):   # a URL given twice is polled once
        key = f"watch:{url}"
        raw = store.get_kv(key)
        validators: dict[str, str] = json.loads(raw) if raw else {}
        held_key = f"page-held:{url}"
        held: dict[str, dict[str, Any]] = json.loads(store.get_kv(held_key) or "{}")
        seen: set[str] = set()
        items = read_url(url, max_bytes=settings.max_article_bytes, max_text_bytes=settings.text_limit(),
                         known=_known(store, report), validators=validators, retry=_page_retries(store),
                         fetcher=fetcher, seen=seen,
                         hold=lambda a: held.__setitem__(a.id, to_dict(a)))
        ingest_articles(store, _within_keep(items, settings, report), progress=progress, report=report)
        if held:
            # a teaser held back for its page that has left the feed is stored as it is, not lost
            left = [from_dict(Article, d) for i, d in held.items() if seen and i not in seen and not store.has_article(i)]
            if left:
                ingest_articles(store, (add_warning(a, str(a.meta.get("where", url)), "the item left the feed before its "
                                                   "linked page could be read; the feed's teaser is stored")
                                        for a in left), report=report)
            held = {i: d for i, d in held.items() if not store.has_article(i) and (not seen or i in seen)}
            store.set_kv(held_key, json.dumps(held, sort_keys=True))
        store.set_kv(key, json.dumps(validators, sort_keys=True))
    report.stories = update_stories(store, settings, report=report)
    return report
