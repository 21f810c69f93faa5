"""The heavy stages on a Dask cluster: per-article analysis and per-story consolidation.

Grouping is a stream (each article is placed against the stories before it) and stays where the
store is; what grows with the corpus is the work per story: tagging every article (the entity
tagger reads about 20,000 words a second on one core) and building each brief. With ``Settings.dask``
set (``STORYLINE_DASK``, or ``--dask`` on ``ingest``, ``rebuild`` and ``regroup``), that work runs
as one task per changed story on Dask (https://www.dask.org), the same functions as on one machine:

    ingest -> store -> group (here) -> [analysis + brief per story] (Dask workers) -> store (here)

``"local"`` (or ``"local:N"``) starts N worker processes on this machine (every core by default);
any other value is a scheduler's address (``tcp://10.0.0.5:8786``), whose workers must have the
same storyline installed (``pip install 'storyline[dask]'``). Workers never touch the store: each
task is given its articles and their cached analyses and returns the brief and the analyses it
computed, which the caller stores. A failing task is logged and its story is rebuilt by the caller,
in its own process; the others go on.
"""

from __future__ import annotations

import itertools
import logging
import os
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from distributed import Client

    from ..config import Settings
    from ..store.sqlite import SQLiteStore

__all__ = ["StoryJob", "StoryDone", "run_story_job", "cluster_client", "local_workers", "map_stories",
           "update_on_cluster", "require_dask"]

log = logging.getLogger("storyline")

IN_FLIGHT_PER_THREAD = 4  # tasks submitted ahead for each worker thread: busy workers, bounded memory


@dataclass(frozen=True, slots=True)
class StoryJob:
    """What a worker needs to build one story's brief: its articles (``to_dict`` form), the cached
    analyses of those that have one (by article id), the articles added since the last brief, and the
    text each revised article had before its latest version (by article id)."""

    story_id: str
    articles: tuple[dict[str, Any], ...]
    analyses: dict[str, dict[str, Any]] = field(default_factory=dict)
    new_ids: tuple[str, ...] = ()
    earlier: dict[str, str] = field(default_factory=dict)
    max_words: int = 100
    ner_mode: str = "accurate"
    template: tuple[str, ...] = ()    # the lines the store knows as page template (``store_template``)


@dataclass(frozen=True, slots=True)
class StoryDone:
    """A worker's answer: the brief (``to_dict`` form), the analyses it computed (to be cached) and
    the seconds the task took."""

    story_id: str
    brief: dict[str, Any]
    analyses: dict[str, dict[str, Any]] = field(default_factory=dict)
    seconds: float = 0.0


def run_story_job(job: StoryJob) -> StoryDone:
    """Analyse the articles that have no cached analysis and build the story's brief: what
    ``storyline ingest`` does for one story on one machine (a pure function of the job)."""
    from ..analyze.analyze import analysis_from_dict, analysis_to_dict, analyze_article
    from ..pipeline import safe_brief
    from ..records import Article, from_dict, to_dict

    t0 = time.perf_counter()
    arts = [from_dict(Article, d) for d in job.articles]
    cached = {a.id: analysis_from_dict(a, job.analyses[a.id]) for a in arts if a.id in job.analyses}
    fresh = {a.id: analyze_article(a, ner_mode=job.ner_mode) for a in arts if a.id not in cached}
    brief = safe_brief(job.story_id, arts, max_words=job.max_words, analyses={**cached, **fresh},
                       new_ids=job.new_ids, earlier=job.earlier, template=job.template)
    return StoryDone(story_id=job.story_id, brief=to_dict(brief),
                     analyses={aid: analysis_to_dict(an) for aid, an in fresh.items()},
                     seconds=time.perf_counter() - t0)


def local_workers(address: str) -> int | None:
    """N for "local:N", every core for "local", None for a scheduler's address."""
    if address == "local":
        return os.cpu_count() or 1
    if address.startswith("local:"):
        n = address.split(":", 1)[1]
        if not n.isdigit() or int(n) < 1:
            raise ConfigError(f"dask setting {address!r}: write local:N with N a number of workers (1 or more)")
        return int(n)
    if "://" not in address:
        raise ConfigError(f"dask setting {address!r}: give local, local:N or a scheduler address such as "
                          "tcp://host:8786")
    return None


def require_dask(address: str) -> None:
    """Raise ConfigError when ``address`` names no cluster or Dask is not installed."""
    local_workers(address)
    try:
        import distributed  # noqa: F401
    except ImportError as exc:
        raise ConfigError(f"dask setting {address!r} needs Dask: pip install 'storyline[dask]'") from exc


@contextmanager
def cluster_client(address: str) -> Iterator[Client]:
    """A Dask client for ``address`` ("local", "local:N" or a scheduler address), closed (and a local
    cluster stopped) on exit."""
    require_dask(address)
    from distributed import Client, LocalCluster

    workers = local_workers(address)
    if workers is None:
        try:
            client = Client(address, timeout="20s")
        except OSError as exc:
            raise ConfigError(f"no Dask scheduler answers at {address} ({exc})") from exc
        try:
            yield client
        finally:
            client.close()
        return
    # one thread per process: the tagger and the summarizer are Python, which threads would serialise
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def map_stories(client: Client, jobs: Iterable[StoryJob], *,
                window: int | None = None) -> Iterator[tuple[StoryJob, StoryDone | None]]:
    """Run ``jobs`` on the cluster, at most ``window`` at a time (jobs are built only as earlier ones
    finish, so a million stories never sit in memory at once); yields each job with its answer as it
    comes, or with None when its task failed (logged). Task keys are unique per call, so that two
    callers sharing one scheduler never receive each other's results."""
    from distributed import as_completed

    if window is None:
        window = IN_FLIGHT_PER_THREAD * max(1, sum(client.nthreads().values()))
    run = uuid.uuid4().hex[:12]
    todo = iter(jobs)
    job_of: dict[str, StoryJob] = {}
    pending: dict[str, Any] = {}

    def submit(job: StoryJob, k: int) -> Any:
        key = f"story-{run}-{k}"
        job_of[key] = job
        pending[key] = client.submit(run_story_job, job, pure=False, key=key)
        return pending[key]

    running = as_completed([submit(job, k) for k, job in enumerate(itertools.islice(todo, window))])
    k = window
    try:
        for fut in running:
            job = job_of.pop(fut.key)
            pending.pop(fut.key, None)
            try:
                answer: StoryDone | None = fut.result()
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException:  # a worker lost, a task cancelled or raising: the caller decides
                log.exception("story task %s (story %s) failed on the cluster", fut.key, job.story_id)
                answer = None
            finally:
                fut.release()
            yield job, answer
            nxt = next(todo, None)
            if nxt is not None:
                running.add(submit(nxt, k))
                k += 1
    finally:
        for fut in pending.values():  # the caller stopped early: no task left running for nobody
            fut.cancel()


def update_on_cluster(store: SQLiteStore, settings: Settings, story_ids: Iterable[str], *,
                      progress: Callable[[int], None] | None = None, client: Client | None = None) -> list[str]:
    """Rebuild the briefs of ``story_ids`` on the cluster ``settings.dask`` names (or on ``client``),
    storing each brief and the analyses it computed as it arrives; a story whose task failed, or that
    holds no articles, is rebuilt here, in this process, so that every story given is done. Returns
    the stories rebuilt."""
    from ..analyze.analyze import analysis_version
    from ..pipeline import earlier_versions, put_story_brief, store_template, story_inputs, update_story_here
    from ..records import Brief, from_dict, to_dict

    version = analysis_version(settings.ner_mode)
    here: list[str] = []

    def jobs() -> Iterator[StoryJob]:
        for sid in story_ids:
            arts, new_ids = story_inputs(store, sid)
            if not arts:
                here.append(sid)  # nothing to ship: its bare brief is built here
                continue
            yield StoryJob(story_id=sid, articles=tuple(to_dict(a) for a in arts),
                           analyses=store.get_analyses([a.id for a in arts], version), new_ids=tuple(new_ids),
                           earlier=earlier_versions(store, arts), max_words=settings.summary_words,
                           ner_mode=settings.ner_mode, template=tuple(sorted(store_template(store, arts))))

    def run(c: Client) -> list[str]:
        done: list[str] = []
        for job, answer in map_stories(c, jobs()):
            if answer is None:
                here.append(job.story_id)
                continue
            if answer.analyses:
                store.put_analyses(answer.analyses, version)
            put_story_brief(store, from_dict(Brief, answer.brief))
            done.append(answer.story_id)
            if progress:
                progress(1)
        for sid in here:
            update_story_here(store, settings, sid)
            done.append(sid)
            if progress:
                progress(1)
        return done

    if client is not None:
        return run(client)
    with cluster_client(settings.dask) as c:
        return run(c)
