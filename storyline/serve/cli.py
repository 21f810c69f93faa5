"""The `storyline` command line."""

from __future__ import annotations

import functools
import io
import json
import logging
import math
import os
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Callable, List, NoReturn, Optional, Sequence, TypeVar, cast

import platformdirs
import typer
from rich import filesize
from rich.console import Console
from rich.markup import escape as _esc
from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, Task, TaskID,
                           TextColumn, TimeElapsedColumn)
from rich.table import Column
from rich.text import Text

from ..config import Settings, default_db_path, load_settings
from ..errors import StorylineError
from ..records import Brief
from ..store.sqlite import SQLiteStore

if TYPE_CHECKING:
    from ..pipeline import IngestReport, RegroupReport


def _help_types() -> None:
    """How --help writes what a parameter takes: nothing after a flag (``--quiet``, not ``--quiet
    <bool>``, which reads as if it took a value) nor after an argument (its name says it), and a
    value's kind in capitals (``TEXT``, ``INTEGER``, ``PATH``) instead of a Python type. Recent typer
    releases print ``<bool>`` and ``<list[str]>``; older ones have no such hook and are left as they are."""
    core = getattr(typer, "core", None)
    option, argument = getattr(core, "TyperOption", None), getattr(core, "TyperArgument", None)
    if option is None or argument is None or not hasattr(option, "display_type_rich"):
        return
    kinds = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "Path": "PATH", "bool": ""}

    def option_type(self, ctx):  # type: ignore[no-untyped-def]
        more = "..." if getattr(self, "multiple", False) or self.nargs != 1 else ""  # (may be given again)
        if self.metavar is not None:
            return choices_in_lines(self.metavar) + more
        if self.is_flag:
            return None
        shown = kinds.get(getattr(self.type_descriptor.annotation, "__name__", ""), None)
        return (shown + more) if shown else self.display_type(ctx)

    option.display_type_rich = option_type
    argument.display_type_rich = lambda self, ctx: None
    if hasattr(argument, "_usage_display_name"):   # (typer 0.2x writes a required one "{PATH}...")
        argument._usage_display_name = _usage_name


def _usage_name(self: Any) -> str:
    """An argument in a usage line as Unix tools write it: "PATH..." when required, "[STORY]..." when not."""
    name = self.display_name_raw
    return (name if self.required else f"[{name}]") + ("..." if self.nargs != 1 else "")


CHOICES_WIDTH = 14   # the widest line of a help's list of choices: "updated|size|" over "published|" over "relevance"


def choices_in_lines(metavar: str, width: int = CHOICES_WIDTH) -> str:
    """A metavar that lists choices ("updated|size|published|relevance") in lines of at most ``width``
    characters, each broken after a bar: the help's narrow column of types would fold it inside a
    choice ("relev" over "ance"), for it has no space to break at. A shorter one is kept as it is."""
    lines: list[str] = []
    for choice in metavar.split("|"):
        if lines and len(lines[-1]) + 1 + len(choice) <= width:
            lines[-1] += "|" + choice
        else:
            lines.append(choice)
    return "|\n".join(lines)


_help_types()

app = typer.Typer(
    name="storyline",
    help="Turn piles and streams of news articles into consolidated, cited stories.\n\n"
         "Typical use: `storyline ingest FOLDER` then `storyline stories` and `storyline brief`.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130   # (128 + SIGINT, as shells report a command stopped by Ctrl-C)
EXIT_BROKEN_PIPE = 141   # (128 + SIGPIPE, as shells report a command whose reader stopped reading: `| head`)


def _reader_gone(stream: IO[str]) -> NoReturn:
    """The reader of ``stream`` stopped reading (`storyline stories | head`): end at once and in
    silence with ``EXIT_BROKEN_PIPE``, as a Unix tool that SIGPIPE ends does (what was stored is kept),
    not with exit code 1, which says that some inputs failed."""
    _to_devnull(stream)
    raise SystemExit(EXIT_BROKEN_PIPE)


def _cannot_write(stream: IO[str], exc: OSError) -> NoReturn:
    """Standard output could not be written (`storyline brief > /dev/full`: a full disk, a lost
    device): one line saying so on standard error and ``EXIT_USAGE``, as for a --out file that cannot
    be written, not a traceback."""
    _to_devnull(stream)
    err.print(f"[red]error:[/red] cannot write standard output: {_esc(exc.strerror or str(exc))}", highlight=False)
    raise SystemExit(EXIT_USAGE)


def _to_devnull(stream: IO[str]) -> None:
    """Point ``stream`` at /dev/null, so that Python's last flush at exit finds no closed pipe or full
    disk to complain about."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # a stream with no file behind it (a test's buffer)
        pass


class _Console(Console):
    """A console that ends the command as ``_reader_gone`` says when its reader stops reading (rich
    alone exits with code 1)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        _reader_gone(self.file)

    def _check_buffer(self) -> None:  # (where rich writes, and tells a broken pipe from other errors)
        try:
            super()._check_buffer()
        except OSError as exc:   # any other: a full disk under `storyline stories > file`
            self.quiet = True
            _cannot_write(self.file, exc)


def _help_consoles() -> None:
    """Typer writes --help and usage errors with rich consoles of its own, which end with exit code 1
    when the reader is gone (`storyline --help | head -3`): make them ``_Console``s, which end as
    every other output does. Typer releases without that hook are left as they are."""
    try:
        from typer import rich_utils
    except ImportError:  # (a Typer without rich)
        return
    make = getattr(rich_utils, "_get_rich_console", None)
    if make is None or getattr(make, "_ours", False):
        return

    def make_ours(stderr: bool = False) -> Console:
        made = make(stderr=stderr)
        made.__class__ = _Console  # (a subclass that adds behaviour, no state)
        return made

    make_ours._ours = True  # type: ignore[attr-defined]
    rich_utils._get_rich_console = make_ours


_help_consoles()


def _write(text: str) -> None:
    """``text`` on standard output as it is (JSON, Markdown, HTML), flushed: a reader gone is told
    here (``_reader_gone``), not at exit."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _reader_gone(sys.stdout)
    except OSError as exc:
        _cannot_write(sys.stdout, exc)


console = _Console()
err = _Console(stderr=True)
log = logging.getLogger("storyline.cli")

_Command = TypeVar("_Command", bound=Callable[..., None])


def _resumable(command: _Command) -> _Command:
    """A long command stopped by Ctrl-C says what became of its work (Typer alone exits 130 in
    silence): every step is committed as it ends, so the same command run again finishes it."""
    @functools.wraps(command)
    def run_it(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except KeyboardInterrupt:
            err.print("[yellow]interrupted:[/yellow] the work done so far is kept in the store; run the same "
                      "command again to finish it (an article already stored is not stored twice; a story "
                      "left without a fresh brief gets it then)")
            raise typer.Exit(EXIT_INTERRUPTED) from None
    return cast(_Command, run_it)


class _State:
    settings: Settings = Settings()


state = _State()


def _show_version(value: bool) -> None:
    if value:
        from .. import __version__

        console.print(f"storyline {__version__}", highlight=False)
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    db: Optional[Path] = typer.Option(None, "--db", help="SQLite store to use (default: $STORYLINE_DB, else "
                                      f"{default_db_path()}); ingest, watch and serve make it when it does not exist."),
    config: Optional[Path] = typer.Option(None, "--config", help="TOML or JSON settings file (default: "
                                          "$STORYLINE_CONFIG, else config.toml in "
                                          f"{Path(platformdirs.user_config_dir('storyline'))} if there)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what happens."),
    version: bool = typer.Option(False, "--version", is_eager=True, callback=_show_version,
                                 help="Print storyline's version and exit."),
) -> None:
    _log_to_stderr(logging.INFO if verbose else logging.WARNING)
    try:
        state.settings = load_settings(config, db=str(db) if db else None)
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc


def _log_to_stderr(level: int) -> None:
    """Log records of ``level`` and above to stderr, whatever level a library gives its own loggers:
    Dask's scheduler and nannies log at INFO, which without -v is no one's business (the handler's
    level, not only the root logger's, keeps them out). A no-op where logging is set up already."""
    handler = logging.StreamHandler()
    handler.setLevel(level)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", handlers=[handler])


def _store(*, write: bool = False, existing: bool = False) -> SQLiteStore:
    """The store; ``write``: refuse a read-only one at once (before reading any input); ``existing``: a
    command that only reads refuses a store that is not there (a mistyped --db) rather than make one."""
    path = state.settings.db_path()
    if existing and str(path) != ":memory:" and not Path(path).exists():
        err.print(f"[red]error:[/red] no store at {_esc(str(path))}: `storyline ingest` makes one (give --db or "
                  "set STORYLINE_DB to use another)", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        return SQLiteStore(state.settings.db_path(), readonly=not write)
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc


_DASK_HELP = ("Analyse articles and build briefs on Dask: local (every core of this machine), local:N "
              "(N worker processes) or a scheduler address (tcp://host:8786). Needs the dask extra: "
              "pip install 'storyline\\[dask]'.")


def _use_dask(dask: str | None) -> None:
    """Apply a --dask option (exit 2 on a value that names no cluster)."""
    if dask is None:
        return
    from dataclasses import replace

    from ..distributed import require_dask

    try:
        require_dask(dask)
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    state.settings = replace(state.settings, dask=dask)


def _use_ner(ner: str | None) -> None:
    """Apply a --ner option (exit 2 on a value that is not a tagger)."""
    if ner is None:
        return
    if ner not in ("accurate", "fast"):
        err.print(f"[red]error:[/red] --ner must be accurate or fast, not {ner!r}")
        raise typer.Exit(EXIT_USAGE)
    from dataclasses import replace

    state.settings = replace(state.settings, ner_mode=ner)


class _Count(MofNCompleteColumn):
    """"done/total" ("120/?" while the total is unknown); nothing for a step that counts nothing
    (a task made with ``counted=False``: the grouping, until the clusterer tells its first count). The
    reading (a task with a ``read`` field) counts bytes of its inputs, whose total is known before it
    begins (``ingest.input_size``; none for a URL): "1,203 read, 12.3/45.0 MB"."""

    def render(self, task: Task) -> Text:
        if not task.fields.get("counted", True):
            return Text("")
        if "read" in task.fields:
            size = task.fields.get("size")
            return Text(f"{task.fields['read']:,} read" + (f", {_bytes_of(task.completed, size)}" if size else ""),
                        style="progress.download")
        return super().render(task)


def _bytes_of(done: float, total: int) -> str:
    """"12.3/45.0 MB": ``done`` of ``total`` bytes, in the unit of the total."""
    unit, suffix = filesize.pick_unit_and_suffix(total, ["B", "kB", "MB", "GB", "TB"], 1000)
    digits = 0 if unit == 1 else 1
    return f"{done / unit:,.{digits}f}/{total / unit:,.{digits}f} {suffix}"


class _TimeLeft(ProgressColumn):
    """The time a running bar with a known total has left at its pace so far ("4:10 left"), once
    it has done some of it; nothing else (an ingest's briefs of thousands of articles take minutes).
    The pace is the whole run's, not rich's last 30 seconds': a run's steps differ in cost (a story of
    one article, one of fifty), and a short window made the estimate of an ingest's briefs swing from 4
    to 12 minutes, and stand still while a long step ran. A step taken up again with its count where it
    stood (the grouping's placing of articles, between two merge passes: "1000/2876") counts its pace from
    there (its ``begun`` field), not as if the count so far had taken the seconds since."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed
        done = task.completed - task.fields.get("begun", 0)  # since its clock started (a step taken up again)
        if task.finished or not task.total or done <= 0 or not elapsed:
            return Text("")
        left = elapsed * max(0.0, task.total - task.completed) / done
        minutes, seconds = divmod(int(left), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"{hours}:{minutes:02d}:{seconds:02d} left" if hours else f"{minutes}:{seconds:02d} left",
                    style="progress.remaining")


def _bars(quiet: bool, *, spinner: bool = False) -> Progress:
    """The progress bars of a long command, on stderr: what, how far, how long so far and how long
    left."""
    return Progress(*([SpinnerColumn()] if spinner else []), TextColumn("{task.description}"), BarColumn(),
                    _Count(table_column=Column(no_wrap=True)),
                    TimeElapsedColumn(), _TimeLeft(), console=err, disable=quiet)


def _begin(progress: Progress, task: TaskID, **shown: Any) -> None:
    """Show a step added unstarted (``start=False``) and start its clock: its time is its own, not the
    steps' before it."""
    if not progress.tasks[task].started:
        progress.start_task(task)
    progress.update(task, visible=True, **shown)


def _finish(progress: Progress, task: TaskID) -> None:
    """Mark a step done: its bar full at the count it reached, its clock stopped."""
    if not progress.tasks[task].started:
        progress.start_task(task)
    done = progress.tasks[task].completed
    progress.update(task, total=done or 1, completed=done or 1)


def _grouping_steps(progress: Progress, task: TaskID) -> Callable[[str, int, int], None]:
    """A ``StoryClusterer.progress`` hook that shows the grouping's steps on ``task``: "grouping into
    stories: placing articles 1200/5000", each step with its own clock (its time left is its own pace's);
    a step of one piece ("fitting topics": 0 of 1, then 1 of 1) shows its clock, no count."""
    shown = {"step": ""}

    def hook(step: str, done: int, total: int) -> None:
        what = f"grouping into stories: {step}"
        if step != shown["step"]:
            shown["step"] = step
            progress.reset(task, total=total, completed=done, description=what, counted=total > 1, visible=True,
                           begun=done)
        else:
            progress.update(task, total=total, completed=done)

    return hook


_SAME_WARNING_SHOWN = 3


def _print_counted(label: str, items: list[tuple[str, str]], more: tuple[str, str]) -> None:
    """One line on stderr for each (where, reason) of ``items`` under ``label``; a reason given to many
    inputs (a feed file of teasers, a crawl's cookie walls) for the first few, then counted (``more``:
    the singular and plural of what is counted)."""
    told: Counter[str] = Counter()
    for where, reason in items:
        told[reason] += 1
        if told[reason] <= _SAME_WARNING_SHOWN:
            err.print(f"{label} {_esc(where)}: {_esc(reason)}", highlight=False, soft_wrap=True)
    for reason, n in told.items():
        if n > _SAME_WARNING_SHOWN:
            err.print(f"{label} and {_n(n - _SAME_WARNING_SHOWN, *more)}: {_esc(reason)}",
                      highlight=False, soft_wrap=True)


def _print_problems(report: IngestReport) -> None:
    """Each input that failed, each left aside as no article, and each article stored with a warning,
    once, on stderr: one line each, never wrapped, so that a long path stays whole for a reader's copy
    and for grep. A warning given to many articles, or the same reason to many inputs left aside, is
    printed for the first few, then counted; every failure is printed."""
    _print_counted("[yellow]warning[/yellow]", report.warnings, ("more article", "more articles"))
    _print_counted("[dim]left aside[/dim]", [(f.where, f.reason) for f in report.left_aside],
                   ("more input", "more inputs"))
    for f in report.failed:
        _print_failed(f.where, f.reason)


def _print_failed(where: str, reason: str) -> None:
    """"failed <input>: <why>", on stderr, on one line however long."""
    err.print(f"[yellow]failed[/yellow] {_esc(where)}: {_esc(reason)}", highlight=False, soft_wrap=True)


@app.command(epilog="Examples: storyline ingest examples/ · storyline ingest 'feeds/*.xml' crawl.warc.gz · storyline --db news.db ingest https://example.org/rss")
@_resumable
def ingest(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Files, folders (read recursively) or glob patterns: "
                                      ".txt, .jsonl, .json, .html, RSS/Atom feeds, .warc(.gz); or http(s) "
                                      "URLs of feeds (teaser items get their linked page's text), pages "
                                      "or JSON exports."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ner: Optional[str] = typer.Option(None, "--ner", metavar="accurate|fast", help="Entity tagger: accurate (default) or fast "
                                      "(about 10x faster, for bulk ingest)."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="CLUSTER", help=_DASK_HELP),
) -> None:
    """Read articles, store the new ones, group them into stories and update the stories' briefs.

    An input read well that holds no article (an empty file or page, a site's notice such as a cookie wall or a web archive's note, a section page of headlines) is left aside: named, counted, not a failure.

    Exit code 0 when every input was stored or left aside as no article, 1 when some could not be read or parsed (the rest is stored), 2 on usage errors, 130 when stopped by Ctrl-C (what was stored is kept: run the same command again to finish).
    """
    from ..ingest import input_size, nothing_to_read
    from ..pipeline import ingest_paths, new_stories

    _use_ner(ner)
    _use_dask(dask)
    unreadable = nothing_to_read(paths)
    if unreadable:   # said at once: no bars of a run that reads nothing, no store made for nothing
        for e in unreadable:
            _print_failed(e.where, e.reason)
        err.print(f"[red]error:[/red] nothing to read in {_n(len(paths), 'input', 'inputs')} given: nothing stored",
                  highlight=False)
        raise typer.Exit(EXIT_SOME_FAILED)
    store = _store(write=True)
    with _bars(quiet, spinner=True) as progress:
        size = input_size(paths) if not quiet else None  # (a walk that counts: the reading's total and time left)
        task = progress.add_task("reading articles", total=size or None, read=0, size=size)
        grouping = progress.add_task("grouping into stories", total=None, visible=False, start=False, counted=False)
        task2 = progress.add_task("updating stories", total=None, visible=False, start=False)

        def briefs_total(n: int) -> None:  # reading is done, grouping too: now the briefs
            _finish(progress, task)
            _finish(progress, grouping)
            _begin(progress, task2, total=n)

        def stage(what: str) -> None:  # reading is done: grouping, or waiting for another updater
            _finish(progress, task)
            _begin(progress, grouping, description=what)

        def one_read(n: int) -> None:  # an input read (an article, or one it could not read)
            progress.update(task, read=progress.tasks[task].fields["read"] + n)

        report = ingest_paths(store, paths, state.settings, progress=one_read,
                              read=(lambda n: progress.advance(task, n)) if size else None,
                              briefs_total=briefs_total, briefs_progress=lambda n: progress.advance(task2, n),
                              stage=stage, grouping=_grouping_steps(progress, grouping))
    _print_problems(report)
    warned = f", [bold]{len(report.warnings)}[/bold] with warnings" if report.warnings else ""
    warned += f", [bold]{len(report.left_aside)}[/bold] left aside (not an article)" if report.left_aside else ""
    revised = f", [bold]{len(report.revised)}[/bold] revised (a new version of one stored)" if report.revised else ""
    console.print(f"[bold]{len(report.new)}[/bold] new, [bold]{len(report.duplicate)}[/bold] already stored"
                  f"{revised}{warned}, [bold]{len(report.failed)}[/bold] failed; {_n(len(report.stories), 'story', 'stories')} updated "
                  f"({len(new_stories(store, report))} new), {_n(store.count_articles(), 'article', 'articles')} in {store.path}", soft_wrap=True)
    if report.undated:
        console.print(f"[dim]{undated_note(len(report.undated), len(report.captured))}[/dim]", highlight=False)
    if report.regrouped is not None:
        console.print(f"[dim]{regrouped_note(report.regrouped)}[/dim]", highlight=False)
    if report.stories:
        _print_updated(store, report.stories)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SOME_FAILED)


def regroup_counts(report: RegroupReport) -> str:
    """What a regroup changed: "12 stories before, 9 now; 4 stories changed, 3 merged into others"."""
    return (f"{_n(report.stories_before, 'story', 'stories')} before, {report.stories_after} now; "
            f"{_n(len(report.changed), 'story', 'stories')} changed, {len(report.gone)} merged into others")


def regrouped_note(report: RegroupReport) -> str:
    """The line telling that a run grouped the whole store again (``pipeline.group_pending``): stories of
    earlier runs may have been joined or parted, which the list of updated stories alone does not say."""
    return (f"Grouped the store's {_n(report.articles, 'article', 'articles')} again, as one run over them would "
            f"(a small store's grouping is redone as it grows): {regroup_counts(report)}")


def undated_note(undated: int, captured: int) -> str:
    """What an ingest says of the new articles stored without a publication date, ``captured`` of which
    are pages of a crawl (a WARC record, a saved page): those are dated by their capture as a last resort."""
    head = f"{_n(undated, 'new article has', 'new articles have')} no publication date: "
    one = "is a page of a crawl, dated by its capture where its words name no day"
    many = "are pages of a crawl, dated by their capture where their words name no day"
    if captured == undated:
        return head + (f"it {one}" if undated == 1 else f"they {many}") + " (shown \"captured\")"
    return head + "relative dates (\"Tuesday\") in such an article are resolved from its story's other articles, " \
        "or left as written" + (f"; {captured} of them {one if captured == 1 else many}" if captured else "")


def _n(count: int, one: str, many: str) -> str:
    """ "1 story", "3 stories"."""
    return f"{count} {one if count == 1 else many}"


_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "15m", "1h", "1d"; ValueError when it is not such a duration."""
    t = text.strip().lower()
    unit = _UNITS.get(t[-1:], 0)
    number = t[:-1] if unit else t
    try:
        value = float(number) * (unit or 1)
    except ValueError:
        raise ValueError(f"not a duration: {text!r} (use e.g. 90s, 15m, 1h)") from None
    if not math.isfinite(value) or value <= 0:
        raise ValueError(f"not a positive duration: {text!r}")
    if value > 10 * 365 * 86_400:
        raise ValueError(f"not a duration under ten years: {text!r}")
    return value


def _watch_options(urls: List[str], every: str, *, once: bool = False) -> float:
    """The poll interval in seconds; exit 2 on a URL that is not http(s) or an interval under 10 s."""
    from ..ingest.web import is_url

    bad = [u for u in urls if not is_url(u)]
    if bad:
        err.print(f"[red]error:[/red] not an http(s) URL: {_esc(bad[0])} (use `storyline ingest` for files)")
        raise typer.Exit(EXIT_USAGE)
    try:
        interval = parse_interval(every)
    except ValueError as exc:
        err.print(f"[red]error:[/red] --every: {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    if interval < 10 and not once:
        err.print("[red]error:[/red] --every must be at least 10s (be kind to the servers you poll)")
        raise typer.Exit(EXIT_USAGE)
    twice = [u for u, n in Counter(u.strip() for u in urls).items() if n > 1]
    if twice:
        err.print(f"[dim]given more than once, polled once: {_esc(', '.join(twice))}[/dim]", highlight=False, soft_wrap=True)
    return interval


@app.command(epilog='Example: storyline watch https://example.org/rss --every 10m --keep 90d')
def watch(
    urls: List[str] = typer.Argument(..., metavar="URL", help="http(s) URLs of RSS/Atom feeds (or pages) to poll."),
    every: str = typer.Option("15m", "--every", help="Time between polls: 90s, 15m, 1h... (at least 10s)."),
    once: bool = typer.Option(False, "--once", help="Poll once and exit (for cron or systemd timers)."),
    ner: Optional[str] = typer.Option(None, "--ner", metavar="accurate|fast", help="Entity tagger: accurate (default) or fast."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="CLUSTER", help=_DASK_HELP),
    regroup_every: Optional[str] = typer.Option(None, "--regroup-every", help="Also regroup the whole store "
                                                "(`storyline regroup`) when this long has passed since the last "
                                                "regroup: 1d, 12h... (default: the regroup_every setting; 0: never)."),
    keep: Optional[str] = typer.Option(None, "--keep", help="Forget the articles published longer ago than "
                                       "this (90d...), at each regroup (daily without --regroup-every): a store "
                                       "that follows feeds for years stays a window. Default: the keep_days "
                                       "setting; 0: keep every article."),
) -> None:
    """Follow live feeds: poll each URL, store the new items (full text from a teaser's linked page), group them into stories, update the briefs, wait.

    Each poll is a conditional GET (ETag / Last-Modified kept in the store), so an unchanged feed costs one short request, and items already stored are not fetched again unless the feed changes them (a changed item's page is read again, and a corrected article is stored as a new version). Stop with Ctrl-C.

    Exit code 0 when the last poll read every URL (a page that holds no article is left aside, not failed), 1 when some failed, 2 on usage errors.
    """
    import time

    from ..pipeline import watch_round

    interval = _watch_options(urls, every, once=once)
    _use_ner(ner)
    _use_dask(dask)
    _use_duration("--regroup-every", regroup_every, "regroup_every")
    _use_duration("--keep", keep, "keep_days", 86_400.0)
    store = _store(write=True)
    ok = True
    on_sigterm = _stop_on_sigterm()
    try:
        while True:
            started = time.monotonic()
            try:
                report = watch_round(store, urls, state.settings)
                _regroup_if_due(store)
            except StorylineError:
                raise
            except (sqlite3.Error, OSError) as exc:
                # a store busy for long or a full disk: this poll is lost, the next one reads it again
                log.exception("poll failed")
                err.print(f"{time.strftime('%H:%M:%S')} [red]poll failed:[/red] {_esc(str(exc))}; "
                          + ("stopping" if once else "trying again at the next poll"), highlight=False, soft_wrap=True)
                ok = False
                if once:
                    break
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
                continue
            _print_problems(report)
            ok = report.ok
            console.print(f"{time.strftime('%H:%M:%S')} [bold]{len(report.new)}[/bold] new, "
                          f"{len(report.duplicate)} already stored, "
                          + (f"{len(report.revised)} revised, " if report.revised else "")
                          + (f"{len(report.left_aside)} left aside (not an article), " if report.left_aside else "")
                          + f"{len(report.failed)} failed; {_n(len(report.stories), 'story', 'stories')} updated, "
                          f"{_n(store.count_articles(), 'article', 'articles')} in {store.path}"
                          + (f"; {_n(len(report.unchanged), 'feed', 'feeds')} unchanged since the last poll"
                             if report.unchanged else "")
                          + (f"; {_n(len(report.older), 'item', 'items')} older than the kept "
                             f"{state.settings.keep_days:g} days left out" if report.older else ""),
                          highlight=False, soft_wrap=True)
            if report.regrouped is not None:
                console.print(f"[dim]{regrouped_note(report.regrouped)}[/dim]", highlight=False)
            if report.stories:
                _print_updated(store, report.stories)
            if once:
                break
            time.sleep(max(0.0, interval - (time.monotonic() - started)))
    except KeyboardInterrupt:
        console.print("stopped")
    finally:
        _restore_sigterm(on_sigterm)
    raise typer.Exit(EXIT_OK if ok else EXIT_SOME_FAILED)


def _stop_on_sigterm() -> Any:
    """Take SIGTERM (how systemd, docker and kill stop a service) as Ctrl-C: the poll under way stops
    as one stopped by Ctrl-C does, and "stopped" is printed. Without a handler a process started as a
    container's first process ignores SIGTERM, and is killed only when the grace time is out. The
    handler before, for ``_restore_sigterm``; None where none can be set (not the main thread)."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    try:
        return signal.signal(signal.SIGTERM, stop)
    except ValueError:
        return None


def _restore_sigterm(before: Any) -> None:
    import signal

    if before is not None:
        signal.signal(signal.SIGTERM, before)


def _use_duration(option: str, value: str | None, setting: str, unit: float = 1.0) -> None:
    """A duration option (``--regroup-every 1d``, ``--keep 90d``; "0" or "never": none) into the
    ``setting``, in ``unit`` seconds; exit 2 when it is not a duration."""
    from dataclasses import replace

    if value is None:
        return
    try:
        seconds = 0.0 if value.strip() in ("0", "never") else parse_interval(value)
    except ValueError as exc:
        err.print(f"[red]error:[/red] {option}: {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    changed: dict[str, Any] = {setting: seconds / unit}
    state.settings = replace(state.settings, **changed)


def _regroup_if_due(store: SQLiteStore) -> None:
    """The scheduled maintenance when it is due (the regroup_every and keep_days settings): old
    articles forgotten, the store regrouped (see `regroup`, `forget`)."""
    import time

    from ..pipeline import maintain, maintenance_due

    if maintenance_due(store, state.settings):
        report = maintain(store, state.settings)
        forgot = f"forgot {_n(len(report.forgotten), 'article', 'articles')} older than {state.settings.keep_days:g} " \
                 f"days, " if state.settings.keep_days > 0 else ""
        console.print(f"{time.strftime('%H:%M:%S')} {forgot}regrouped {_n(report.articles, 'article', 'articles')}: "
                      f"{report.stories_before} stories before, {report.stories_after} now; "
                      f"{_n(len(report.changed), 'story', 'stories')} changed", highlight=False, soft_wrap=True)



UPDATED_SHOWN = 10


def _print_updated(store: SQLiteStore, story_ids: Sequence[str]) -> None:
    """The stories a run updated, the largest first, at most ``UPDATED_SHOWN`` and how many more."""
    rows = sorted((r for r in (store.story_row(sid) for sid in dict.fromkeys(story_ids)) if r and r["size"]),
                  key=lambda r: (-r["size"], r["id"]))
    _print_story_rows(rows[:UPDATED_SHOWN])
    if len(rows) > UPDATED_SHOWN:
        console.print(f"[dim]and {len(rows) - UPDATED_SHOWN:,} more updated stories: storyline stories[/dim]",
                      highlight=False)


def _print_story_rows(rows: list[dict]) -> None:
    from rich.table import Table

    from .render import story_span

    t = Table(show_header=True, header_style="bold")
    t.add_column("story", style="cyan", no_wrap=True)
    t.add_column("articles", justify="right")
    t.add_column("dates", no_wrap=True)
    t.add_column("headline")
    for r in rows:
        # (as the web page's list and the brief's heading say it)
        t.add_row(r["id"], str(r["size"]), story_span(r), r["title"] or "")
    console.print(t)


@app.command(epilog="Examples: storyline stories --sort size · storyline stories --search 'port fire' · storyline stories --entity 'Kim Jong Un' --from 2019-01-01 -f json")
def stories(
    sort: Optional[str] = typer.Option(None, metavar="updated|size|published|relevance", help="updated, size or published; with --search also relevance "
                                       "(the default there). Default: updated."),
    limit: int = typer.Option(20, min=1, help="How many to list."),
    offset: int = typer.Option(0, min=0, help="Skip this many."),
    search: Optional[str] = typer.Option(None, "--search", "-s", help="Only stories whose headline, summary or "
                                         "entity names hold every word (the last one as a prefix); words joined "
                                         "by OR are alternatives: \"ammonia OR chlorine leak\"; a word "
                                         "with a minus before it is left out: \"derailment -Carrow\"."),
    entity: Optional[str] = typer.Option(None, "--entity", "-e", help="Only stories naming this entity (its "
                                         "name or any spelling the briefs list, in any case, or its id)."),
    since: Optional[str] = typer.Option(None, "--from", metavar="YYYY-MM-DD", help="Only stories with articles "
                                        "published on or after this day."),
    until: Optional[str] = typer.Option(None, "--to", metavar="YYYY-MM-DD", help="Only stories with articles "
                                        "published on or before this day."),
    fmt: str = typer.Option("text", "--format", "-f", metavar="text|json", help="text (a table) or json (one object: the stories "
                            "listed, with their first summary sentence, and how many match), for scripts."),
) -> None:
    """List the stories in the store, most recently updated first (or by size); --search, --entity, --from and --to filter them as the web page's search does."""
    if fmt not in ("text", "json"):
        err.print(f"[red]error:[/red] unknown format {fmt!r}: use text or json")
        raise typer.Exit(EXIT_USAGE)
    store = _store(existing=True)
    for name, value in (("--from", since), ("--to", until)):
        if value is not None and not _is_day(value):
            err.print(f"[red]error:[/red] {name} {_esc(repr(value))} is not a day: write YYYY-MM-DD")
            raise typer.Exit(EXIT_USAGE)
    if since and until and since > until:   # (as the API answers it; no story could match)
        err.print(f"[red]error:[/red] --from ({since}) is after --to ({until}): give the earlier day first")
        raise typer.Exit(EXIT_USAGE)
    filtered = bool(search or entity or since or until)
    if sort == "relevance" and not (search and search.strip()):
        sort = "updated"   # (as the API does: nothing to be relevant to)
    try:
        if filtered:
            rows, total = store.search_stories(q=search, entity=entity, date_from=since, date_to=until,
                                               sort=sort or ("relevance" if search else "updated"),
                                               limit=limit, offset=offset)
        else:
            rows, total = store.list_stories(sort=sort or "updated", limit=limit, offset=offset), store.count_stories()
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    if fmt == "json":
        teasers = store.story_teasers(r["id"] for r in rows)
        # the page of GET /api/stories (total, limit, offset, items), each item with its summary's opening
        out = {"total": total, "limit": limit, "offset": offset, "items": [
            {k: r.get(k) for k in ("id", "title", "size", "first_published", "last_published", "first_seen",
                                   "updated")} | {"href": f"/api/stories/{r['id']}", "page": f"/stories/{r['id']}",
                                                  "summary": teasers.get(r["id"])} for r in rows]}
        _write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return
    if not rows:
        if filtered and not total:
            console.print(f"No story matches, of {_n(store.count_stories(), 'story', 'stories')} in {store.path}",
                          highlight=False)
        elif total:
            console.print(f"No stories past --offset {offset}: {_n(total, 'story', 'stories')} in {store.path}", highlight=False)
        else:
            console.print("No stories yet: run `storyline ingest PATH` first.")
        return
    _print_story_rows(rows)
    if filtered and len(rows) < total:
        console.print(f"{_listed(offset, len(rows), total)} that match, of "
                      f"{_n(store.count_stories(), 'story', 'stories')} in {store.path}", highlight=False)
    elif filtered:
        console.print(f"{total} of {_n(store.count_stories(), 'story', 'stories')} in {store.path} match", highlight=False)
    else:
        console.print(f"{_listed(offset, len(rows), total)} in {store.path}", highlight=False)


def _listed(offset: int, shown: int, total: int) -> str:
    """Which of ``total`` stories a page of ``shown`` from ``offset`` lists: "12 stories" (all of them),
    "stories 21-40 of 585", "story 585 of 585"."""
    if shown >= total:
        return _n(total, "story", "stories")
    if shown == 1:
        return f"story {offset + 1} of {total}"
    return f"stories {offset + 1}-{offset + shown} of {total}"


def _is_day(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


BRIEF_FORMATS = ("text", "json", "md", "html")   # what `storyline brief --format` writes
_FORMAT_OF_SUFFIX = {".txt": "text", ".text": "text", ".json": "json", ".md": "md", ".markdown": "md",
                     ".html": "html", ".htm": "html"}


def brief_format_of(out: Path | None) -> str | None:
    """The format a brief written to ``out`` takes when no --format says it: the one its extension names
    (``_FORMAT_OF_SUFFIX``), text for no file or a name without an extension, and None for an extension
    that names none of ``BRIEF_FORMATS`` (``brief.pdf``: refused, never text under a name that says PDF). A dot
    before digits alone or words is no extension ("brief-v1.2", "Mr. Dorrell's brief"): text."""
    ext = out.suffix.lower() if out is not None else ""
    if not (ext[1:].isalnum() and not ext[1:].isdigit()):
        return "text"
    return _FORMAT_OF_SUFFIX.get(ext)


def _brief_formats_line() -> str:
    """The formats and the extensions that choose them: "text (.txt .text), json (.json), ..."."""
    return ", ".join(f"{f} ({' '.join(x for x, g in _FORMAT_OF_SUFFIX.items() if g == f)})" for f in BRIEF_FORMATS)


def _one_story(store: SQLiteStore, ref: str) -> str:
    """The id of the one story ``ref`` names (an id, a merged-away id, or the first characters of
    one); exit 2 naming the store when it names none, or listing the candidates when several."""
    from .views import STORY_CANDIDATES, several_stories

    found = store.find_stories(ref, limit=STORY_CANDIDATES)
    if len(found) == 1:
        return found[0]
    if not found:
        err.print(f"[red]error:[/red] no story {_esc(repr(ref))} in {_esc(str(store.path))} "
                  "(see `storyline stories`)", highlight=False)
    else:
        err.print(f"[red]error:[/red] {_esc(several_stories(ref, found))}", highlight=False)
    raise typer.Exit(EXIT_USAGE)


def _passages(store: SQLiteStore, brief: Brief) -> dict[str, str]:
    from .render import passages_for

    return passages_for(brief, store.article_texts(str(a["id"]) for a in brief.articles))


@app.command(epilog='Example: storyline rebuild --ner fast')
@_resumable
def rebuild(
    stories: Optional[List[str]] = typer.Argument(None, metavar="STORY", help="Story ids (or their first "
                                                  "characters); every story when none is given."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    ner: Optional[str] = typer.Option(None, "--ner", metavar="accurate|fast", help="Entity tagger: accurate (default) or fast."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="CLUSTER", help=_DASK_HELP),
) -> None:
    """Rebuild stored briefs with this version of storyline and the current settings (after an upgrade, or a new STORYLINE_SUMMARY_WORDS); articles and stories are kept as they are."""
    from ..pipeline import rebuild_briefs

    _use_ner(ner)
    _use_dask(dask)
    store = _store(write=True)
    ids = [_one_story(store, ref) for ref in stories] if stories else None
    if ids is None and not store.count_stories():
        err.print("No stories yet: run `storyline ingest PATH` first.")
        raise typer.Exit(EXIT_USAGE)
    with _bars(quiet) as progress:
        task = progress.add_task("rebuilding briefs", total=None)
        done = rebuild_briefs(store, state.settings, ids, total=lambda n: progress.update(task, total=n),
                              progress=lambda n: progress.advance(task, n))
    console.print(f"{_n(len(done), 'brief', 'briefs')} rebuilt in {store.path}")


def _regroup_shown(store: SQLiteStore, quiet: bool, forget: Sequence[str] = ()) -> RegroupReport:
    """``pipeline.regroup`` (or ``forget``) with progress bars for the grouping (its steps, as
    ``ingest`` shows them: ``_grouping_steps``) and the briefs."""
    from ..pipeline import regroup as regroup_store

    with _bars(quiet) as progress:
        grouping = progress.add_task("grouping into stories", total=None, counted=False)
        briefs = progress.add_task("rebuilding briefs", total=None, visible=False, start=False)

        def brief_total(n: int) -> None:  # the grouping is done: now the briefs
            _finish(progress, grouping)
            _begin(progress, briefs, total=n)

        report = regroup_store(store, state.settings, forget=forget, grouping=_grouping_steps(progress, grouping),
                               brief_total=brief_total, brief_progress=lambda n: progress.advance(briefs, n))
        _finish(progress, grouping)
        return report


@app.command(epilog='Example: storyline regroup')
@_resumable
def regroup(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
    ner: Optional[str] = typer.Option(None, "--ner", metavar="accurate|fast", help="Entity tagger for the rebuilt briefs: accurate "
                                      "(default) or fast."),
    dask: Optional[str] = typer.Option(None, "--dask", metavar="CLUSTER", help=_DASK_HELP),
) -> None:
    """Group every stored article into stories again, as one ingest run over the whole store would, and rebuild the briefs of the stories that changed.

    Stories grown over many runs (`storyline watch` for weeks, many small ingests) can end up in pieces that one run over the same articles keeps together. A story keeps its id when it keeps most of its articles, whichever article it began with; the id of a story left empty leads to the story now holding most of its articles. Its cost grows with the store (every article is read again): a maintenance step for a quiet hour, or a schedule (`storyline watch --regroup-every 1d`)."""
    _use_ner(ner)
    _use_dask(dask)
    store = _store(write=True)
    if not store.count_articles():
        err.print("No articles yet: run `storyline ingest PATH` first.")
        raise typer.Exit(EXIT_USAGE)
    report = _regroup_shown(store, quiet)
    console.print(f"{_n(report.articles, 'article', 'articles')} regrouped: {regroup_counts(report)}; "
                  f"{_n(len(report.briefs), 'brief', 'briefs')} rebuilt in {store.path}")


@app.command(epilog="Examples: storyline forget --before 2024-01-01 · storyline forget --source 'Daily Wire' --yes")
def forget(
    article_ids: Optional[List[str]] = typer.Argument(None, metavar="ARTICLE", help="Article ids "
                                                      "(see `storyline brief --format json`, or the web page's "
                                                      "article addresses)."),
    story: Optional[str] = typer.Option(None, "--story", help="Every article of this story (an id or its first "
                                        "characters)."),
    source: Optional[str] = typer.Option(None, "--source", help="Every article of this source (its name, any case)."),
    before: Optional[str] = typer.Option(None, "--before", metavar="YYYY-MM-DD", help="Every article published "
                                         "before this day (stored before it, for an article without a date): "
                                         "to keep a long-running store to a window."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars."),
) -> None:
    """Delete articles from the store: the given ids, or those of a story, a source or before a day (several selectors: the articles that match them all).

    The stories are then grouped again as one run over what remains would group them (see `storyline regroup`), in the same transaction, so no story keeps a trace of the forgotten articles; the stories that held them get new briefs, and a story left with none of its articles is gone. Grouped anew, other stories can change too (two close stories joined, as a regroup can join them); the report counts them. Reading the same article again later stores it anew. Exit code 0 when done (or nothing matched), 1 when declined, 2 on usage errors."""
    if not (article_ids or story or source or before):
        err.print("[red]error:[/red] say which articles to forget: ARTICLE ids, --story, --source or --before "
                  "(see `storyline forget --help`)")
        raise typer.Exit(EXIT_USAGE)
    if before is not None and not _is_day(before):
        err.print(f"[red]error:[/red] --before {_esc(repr(before))} is not a day: write YYYY-MM-DD")
        raise typer.Exit(EXIT_USAGE)
    store = _store(write=True)
    sid = _one_story(store, story) if story else None
    ids = store.select_articles(ids=article_ids or (), story=sid, source=source, before=before)
    stored = set(store.select_articles(ids=article_ids)) if article_ids else set()
    missing = [a for a in (article_ids or []) if a not in stored]
    for a in missing[:5]:
        err.print(f"no article {_esc(repr(a))} in {_esc(str(store.path))}", highlight=False)
    if not ids:
        console.print(f"No stored article matches: nothing forgotten in {store.path}", highlight=False)
        return
    total = store.count_articles()
    if not yes:
        if not sys.stdin.isatty():
            err.print(f"[red]error:[/red] this would forget {_n(len(ids), 'article', 'articles')} of {total}: "
                      "add --yes to confirm when not at a terminal")
            raise typer.Exit(EXIT_USAGE)
        if not typer.confirm(f"Forget {_n(len(ids), 'article', 'articles')} of {total} in {store.path}?"):
            raise typer.Exit(1)
    report = _regroup_shown(store, quiet, forget=ids)
    emptied = sum(1 for v in report.gone.values() if v is None)
    merged = len(report.gone) - emptied   # (the remaining articles grouped anew: stories can join)
    parted = report.stories_after - (report.stories_before - len(report.gone))  # (or part: new stories)
    console.print(f"{_n(len(report.forgotten), 'article', 'articles')} forgotten, {report.articles} left in "
                  f"{_n(report.stories_after, 'story', 'stories')} (were {report.stories_before}: {emptied} "
                  f"gone with them, {merged} merged into others"
                  + (f", {parted} new from parts of others" if parted > 0 else "") + "); "
                  f"{_n(len(report.briefs), 'brief', 'briefs')} rebuilt in {store.path}", highlight=False)


@app.command(epilog="Examples: storyline brief s-4c6f · storyline brief s-4c6f --about 'Lu Kang' -w 80 · storyline brief s-4c6f -o brief.html")
def brief(
    story: Optional[str] = typer.Argument(None, metavar="STORY", help="Story id, or its first characters "
                                          "(see `storyline stories`); default: the largest story."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", metavar="text|json|md|html", help="text, json, md or html (default: from the "
                                      "--out file's extension, .txt .json .md .html; text without --out or "
                                      "an extension; another extension is refused)."),
    words: Optional[int] = typer.Option(None, "--words", "-w", min=10, help="Summary length in words "
                                        "(rebuilds the brief)."),
    out_arg: Optional[str] = typer.Option(None, "--out", "-o", metavar="PATH", help="Write to this file instead of the terminal "
                                       "(-: standard output, as without it)."),
    about: Optional[str] = typer.Option(None, "--about", "-a", help="Focus the summary on a person, organisation "
                                        "or place (any spelling the articles use: \"Kim Eui-keum\", \"Trump\") "
                                        "or a subject (\"sanctions\"): only sentences about it are used. "
                                        "Rebuilds the brief."),
) -> None:
    """Show a story's brief: cited summary, timeline, entities, quotes, disagreements."""
    from dataclasses import replace

    from .render import brief_html, brief_json, brief_markdown, brief_rich

    # (the convention for standard output; "./-" names a file "-", which Path("./-") no longer tells apart)
    out = None if out_arg in (None, "-") else Path(out_arg)
    if fmt is None:
        fmt = brief_format_of(out)
        if fmt is None:
            assert out is not None
            err.print(f"[red]error:[/red] cannot tell what to write to {_esc(str(out))}: its extension "
                      f"{_esc(out.suffix)!r} names no format of a brief ({_brief_formats_line()}); give --format "
                      "or another extension", highlight=False)
            raise typer.Exit(EXIT_USAGE)
    if fmt not in BRIEF_FORMATS:
        err.print(f"[red]error:[/red] unknown format {fmt!r}: use {', '.join(BRIEF_FORMATS[:-1])} or {BRIEF_FORMATS[-1]}")
        raise typer.Exit(EXIT_USAGE)
    if out is not None and not out.parent.is_dir():
        err.print(f"[red]error:[/red] cannot write {_esc(str(out))}: no folder {_esc(str(out.parent))}")
        raise typer.Exit(EXIT_USAGE)
    store = _store(existing=True)
    if story is None:
        rows = store.list_stories(sort="size", limit=1)
        if not rows:
            err.print("No stories yet: run `storyline ingest PATH` first.")
            raise typer.Exit(EXIT_USAGE)
        story = rows[0]["id"]
    else:
        story = _one_story(store, story)
    about = " ".join((about or "").split()) or None
    b = store.get_brief(story)
    if b is None or words is not None or about:
        from ..pipeline import brief_now

        settings = replace(state.settings, summary_words=words) if words else state.settings
        b = brief_now(store, story, settings, about=about, reuse=words is None) or b
    if b is None:
        err.print(f"[red]error:[/red] story {_esc(story)} has no articles")
        raise typer.Exit(EXIT_USAGE)
    if fmt == "text" and not out:
        console.print(brief_rich(b))
        return
    if fmt == "text":
        buf = Console(file=io.StringIO(), width=100)
        buf.print(brief_rich(b))
        text = buf.file.getvalue()  # type: ignore[attr-defined]
    else:
        text = {"json": lambda: brief_json(b), "md": lambda: brief_markdown(b),
                "html": lambda: brief_html(b, passages=_passages(store, b))}[fmt]()
    if out:
        try:
            out.write_text(text, encoding="utf-8")
        except OSError as exc:
            err.print(f"[red]error:[/red] cannot write {_esc(str(out))}: {_esc(exc.strerror or str(exc))}")
            raise typer.Exit(EXIT_USAGE) from exc
        err.print(f"wrote {_esc(str(out))} ({fmt})", highlight=False)
    else:
        _write(text if text.endswith("\n") else text + "\n")


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen on ``host``:``port`` (None when it can), found out before
    anything is printed or started, so that a port in use is one clear line, not a server log."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"unknown host ({exc.strerror})"
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(addr)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return "the port is in use (another `storyline serve`?); choose another with --port"
            return exc.strerror or str(exc)
    return None


def print_write_command(console: Console, token: str, host: str, port: int) -> None:
    """Print the command that posts a JSONL file of articles to the server, on one line however narrow
    the terminal (a command wrapped inside its quotes breaks when pasted)."""
    console.print(f"  curl -H 'Authorization: Bearer {token}' -H 'Content-Type: application/x-ndjson' "
                  f"--data-binary @articles.jsonl http://{host}:{port}/api/articles",
                  soft_wrap=True, markup=False, highlight=False)


@app.command(epilog='Example: storyline serve --port 8080 --watch https://example.org/rss')
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (0.0.0.0: every interface)."),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes (each serves reads; "
                                "writes are serialised by the store)."),
    log_level: str = typer.Option("warning", "--log-level", metavar="warning|info|debug", help="uvicorn log level: warning, info, debug."),
    watch_urls: Optional[List[str]] = typer.Option(None, "--watch", metavar="URL", help="A feed URL to follow while serving "
                                                   "(repeat for more): polled as `storyline watch` does."),
    every: str = typer.Option("15m", "--every", help="Time between polls of the --watch feeds (at least 10s)."),
    regroup_every: Optional[str] = typer.Option(None, "--regroup-every", help="Regroup the whole store in the "
                                                "updater process when this long has passed since the last regroup: "
                                                "1d, 12h... (default: the regroup_every setting; 0: never)."),
    keep: Optional[str] = typer.Option(None, "--keep", help="Forget, in the updater process, the articles "
                                       "published longer ago than this (90d...), at each regroup (daily without "
                                       "--regroup-every). Default: the keep_days setting; 0: keep every article."),
) -> None:
    """Serve the HTTP API (/api/, schema at /openapi.json) and the web page (/) over the store.

    Writes (POST /api/articles) need the token from STORYLINE_TOKEN or the config file; when none is set, one is made up for this run and printed. Reads are open unless `read_token` is set.
    """
    import os
    import secrets

    try:
        import uvicorn  # noqa: F401  (there before anything is printed or started: `_serve`)
    except ImportError as exc:  # pragma: no cover - uvicorn is a core dependency
        err.print("[red]error:[/red] `storyline serve` needs uvicorn: pip install 'storyline'")
        raise typer.Exit(EXIT_USAGE) from exc
    watch = list(watch_urls or [])
    interval = _watch_options(watch, every)
    _use_duration("--regroup-every", regroup_every, "regroup_every")
    _use_duration("--keep", keep, "keep_days", 86_400.0)
    problem = _cannot_listen(host, port)
    if problem:
        err.print(f"[red]error:[/red] cannot listen on {_esc(host)} port {port}: {_esc(problem)}", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    settings = state.settings
    store = _store()
    if store.cannot_write and watch:
        err.print(f"[red]error:[/red] cannot follow feeds: storyline cannot write the store {_esc(str(store.path))} "
                  "(serve it without --watch to read it)", highlight=False)
        raise typer.Exit(EXIT_USAGE)
    token = settings.token
    made_up = not token
    if made_up:
        token = secrets.token_urlsafe(18)
    from dataclasses import fields as _fields

    for f in _fields(settings):  # the workers build their settings from the environment
        os.environ["STORYLINE_" + f.name.upper()] = str(getattr(settings, f.name))
    os.environ["STORYLINE_DB"] = str(store.path)
    os.environ["STORYLINE_TOKEN"] = token
    n_articles = store.count_articles()
    store.close()
    shown = "localhost" if host in ("127.0.0.1", "0.0.0.0", "::") else host
    err.print(f"storyline serving {store.path} ({n_articles} articles) on "
              f"[bold]http://{shown}:{port}/[/bold]  (API schema: http://{shown}:{port}/docs)")
    if store.cannot_write:   # (no updater: nothing can be stored)
        err.print("[yellow]note:[/yellow] storyline cannot write this store: serving it as it is, read-only "
                  "(POST /api/articles is refused)", highlight=False)
        os.environ["STORYLINE_SERVE_READ_ONLY"] = "1"
        _serve(host, port, workers, log_level)
        return
    if made_up:
        err.print(f"write token for this run: [bold]{token}[/bold]  (set STORYLINE_TOKEN to choose one)")
        print_write_command(err, token, shown, port)
    import multiprocessing

    from .api import run_updater

    # stories are updated by one process of their own, at a lower priority, so that rebuilding a large
    # brief never holds up the pages
    ctx = multiprocessing.get_context("spawn")
    updater = ctx.Process(target=run_updater, args=(load_settings(),), kwargs={"watch": watch, "every": interval},
                          name="storyline-updater", daemon=True)
    if watch:
        err.print(f"following {len(watch)} feed(s), polled every {every}")
    os.environ["STORYLINE_SERVE_UPDATER"] = "external"
    updater.start()
    try:
        _serve(host, port, workers, log_level)
    finally:
        updater.terminate()             # it stops between two updates (each one transaction)
        updater.join(timeout=30)
        if updater.is_alive():
            updater.kill()


def _serve(host: str, port: int, workers: int, log_level: str) -> None:
    """Run the HTTP server (uvicorn: each worker builds the app from the environment) until stopped."""
    import uvicorn

    uvicorn.run("storyline.serve.api:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=log_level in ("info", "debug", "trace"), server_header=False)


def run() -> None:
    """Console-script entry point."""
    try:
        app()
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(EXIT_USAGE)


if __name__ == "__main__":  # `python -m storyline.serve.cli ...` works like the `storyline` command
    run()
