"""storyline serve under load: story list and brief pages, and ingest over HTTP, on a large store.

    python bench/serve.py            # 100k articles stored, 8 s per phase
    python bench/serve.py --quick    # 5k articles, 3 s per phase

The store is built quickly by bulk insert (the store's own add_articles/assign/put_brief): stories are
copies of the DUC 2003/2004/2006 and TAC 2011 clusters (../shared/data/mds), each copy with its own
article ids and dates, and a brief built once per cluster by storyline's own consolidation, then
re-pointed at the copy's articles (offsets stay valid: the texts are the same). `storyline serve`
then runs as a separate process (uvicorn, --workers 2) and a load generator in this process
(asyncio, raw HTTP/1.1 keep-alive, loopback) drives it for a fixed time per phase; all on the
same 2 cores. Latency is measured per request from send to last byte.

Floors (issue #7): list and brief pages p95 < 100 ms and >= 300 requests/s, no errors;
ingest over HTTP >= 200 articles/s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data" / "mds"
SETS = ["duc2004", "duc2003", "duc2006", "tac2011_multiling_en"]
TOKEN = "bench-token"

from storyline.consolidate.brief import build_brief
from storyline.records import Article, Brief, from_dict, to_dict
from storyline.serve.views import store_brief_views
from storyline.store.sqlite import SQLiteStore

# --- the store ------------------------------------------------------------------------------------

def load_clusters(limit: int | None) -> list[list[dict[str, Any]]]:
    clusters = []
    for name in SETS:
        path = DATA / name / "clusters.jsonl"
        if not path.exists():
            continue
        for line in path.open(encoding="utf-8"):
            docs = [d for d in json.loads(line)["documents"] if d.get("text", "").strip()]
            if docs:
                clusters.append(docs)
    if not clusters:
        sys.exit(f"no data: {DATA} (the shared DUC/TAC clusters) is not present on this machine")
    return clusters[:limit] if limit else clusters


def _title(d: dict[str, Any]) -> str:
    if d.get("title"):
        return str(d["title"]).strip().capitalize()
    words = d["text"].split()
    return " ".join(words[:9])


def template_briefs(clusters: list[list[dict[str, Any]]]) -> list[tuple[list[Article], str]]:
    """Each cluster as articles and its brief's JSON, built once with storyline's consolidation."""
    out = []
    for ci, docs in enumerate(clusters):
        arts = [Article(id=f"t{ci}-{j}", text=d["text"], title=_title(d), source=d.get("source") or "wire",
                        published=(d.get("date") or None)) for j, d in enumerate(docs)]
        b = build_brief(f"t{ci}", arts, max_words=100)
        out.append((arts, json.dumps(to_dict(b))))
    return out


def build_store(path: Path, n_articles: int, templates: list[tuple[list[Article], str]]) -> tuple[int, int]:
    """Bulk-insert ``n_articles`` copies of the template stories. Returns (articles, stories)."""
    from dataclasses import replace
    from datetime import timedelta

    store = SQLiteStore(path)
    batch: list[Article] = []
    assign: dict[str, str] = {}
    briefs: list[str] = []
    k = n = 0
    while n < n_articles:
        arts, bjson = templates[k % len(templates)]
        sid = f"s-{k:06d}"
        shift = timedelta(days=(k * 7) % 3650)
        ids = {a.id: f"a{k:06d}-{j}" for j, a in enumerate(arts)}
        for a in arts:
            if n >= n_articles:
                break
            pub = a.published + shift if a.published else None
            batch.append(replace(a, id=ids[a.id], published=pub, title=f"{a.title} ({k})" if k else a.title))
            assign[ids[a.id]] = sid
            n += 1
        s = bjson.replace('"story_id": "t' + str(k % len(templates)) + '"', f'"story_id": "{sid}"')
        for old, new in ids.items():
            s = s.replace(f'"{old}"', f'"{new}"')
        briefs.append(s)
        k += 1
        if len(batch) >= 5000:
            store.add_articles(batch)
            batch.clear()
    store.add_articles(batch)
    store.assign(assign)
    present = set(assign)
    stored = []
    for s in briefs:
        b = from_dict(Brief, json.loads(s))
        keep = tuple(a for a in b.articles if a["id"] in present)
        stored.append((b.story_id, store.put_brief(replace(b, articles=keep))))
    # what the pipeline does after storing each brief (``put_story_brief``): its web page and Markdown
    # rendered and kept, so that serving them is a look-up
    t0 = time.perf_counter()
    for sid, raw in stored:
        store_brief_views(store, sid, raw)
    print(f"  rendered the views of {len(stored)} briefs in {time.perf_counter() - t0:.1f} s", flush=True)
    n_stories = store.count_stories()
    store.close()
    return n, n_stories


# --- the load generator ---------------------------------------------------------------------------

async def _one(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> tuple[int, int]:
    writer.write(raw)
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    length = 0
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        if line[:15].lower() == b"content-length:":
            length = int(line[15:].strip())
    body = await reader.readexactly(length) if length else b""
    return status, len(body)


async def _load(port: int, make: Callable[[random.Random], tuple[str, str, bytes]], seconds: float,
                conns: int) -> dict[str, Any]:
    lat: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def worker(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < stop:
                method, path, body = make(rng)
                head = (f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html,application/json\r\n"
                        f"Authorization: Bearer {TOKEN}\r\n")
                if body:
                    head += f"Content-Type: application/x-ndjson\r\nContent-Length: {len(body)}\r\n"
                t0 = time.perf_counter()
                try:
                    status, _ = await _one(reader, writer, head.encode() + b"\r\n" + body)
                except (ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError):
                    errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                lat.append(time.perf_counter() - t0)
                if status >= 400:
                    errors += 1
        finally:
            writer.close()

    t_start = time.perf_counter()
    await asyncio.gather(*[worker(i) for i in range(conns)])
    wall = time.perf_counter() - t_start
    lat.sort()

    def pct(p: float) -> float:
        return lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")

    return {"requests": len(lat), "rps": len(lat) / wall, "p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99),
            "mean": statistics.fmean(lat) * 1000 if lat else float("nan"), "errors": errors, "wall": wall}


# --- the server -------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, workers: int, cache: bool = True) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    env = {**os.environ, "STORYLINE_TOKEN": TOKEN, "STORYLINE_READ_TOKEN": "",
           "STORYLINE_SERVE_CACHE": "1" if cache else "0"}
    proc = subprocess.Popen([sys.executable, "-m", "storyline", "--db", str(db), "serve", "--port", str(port),
                             "--workers", str(workers)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as r:
                if r.status == 200:
                    return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    sys.exit("storyline serve did not start: " + (proc.stderr.read().decode()[-2000:] if proc.stderr else ""))


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def health(port: int) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=10) as r:
        return json.load(r)  # type: ignore[no-any-return]


# --- main -------------------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="5k articles, 3 s per phase")
    ap.add_argument("--articles", type=int, help="articles in the store (default 100000; quick 5000)")
    ap.add_argument("--seconds", type=float, help="seconds per load phase (default 8; quick 3)")
    ap.add_argument("--conns", type=int, default=8, help="concurrent keep-alive connections")
    ap.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    ap.add_argument("--ingest", type=int, help="articles posted over HTTP (default 4000; quick 1000)")
    ap.add_argument("--batch", type=int, default=200, help="articles per POST (JSON Lines)")
    ap.add_argument("--store", type=Path, help="reuse (or build and keep) the store at this path")
    ap.add_argument("--only", choices=["read", "ingest"], help="run only the read phases or only the ingest")
    ap.add_argument("--no-cache", action="store_true", help="serve without the page cache (every request "
                    "queries the store and renders)")
    args = ap.parse_args()
    n_articles = args.articles or (5000 if args.quick else 100_000)
    seconds = args.seconds or (3.0 if args.quick else 8.0)
    n_ingest = args.ingest or (1000 if args.quick else 4000)

    tmp = Path(tempfile.mkdtemp(prefix="storyline-bench-serve-"))
    db = args.store or tmp / "bench.db"
    try:
        clusters = load_clusters(12 if args.quick else None)
        t0 = time.perf_counter()
        templates = template_briefs(clusters)
        t_templates = time.perf_counter() - t0
        if not db.exists():
            t0 = time.perf_counter()
            part = db.with_name(db.name + ".part")
            for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
                leftover.unlink(missing_ok=True)
            n, n_stories = build_store(part, n_articles, templates)
            part.rename(db)
            print(f"built the store: {n} articles, {n_stories} stories in {time.perf_counter() - t0:.1f} s "
                  f"(+{t_templates:.1f} s for {len(templates)} template briefs); "
                  f"{db.stat().st_size / 1e6:.0f} MB", flush=True)
        store = SQLiteStore(db)
        story_ids = [r["id"] for r in store.list_stories(sort="updated", limit=1_000_000)]
        n_stored = store.count_articles()
        titles = [r["title"] or "" for r in store.list_stories(sort="size", limit=500)]
        store.close()
        words = sorted({w.lower() for t in titles for w in t.split() if len(w) > 4 and w.isalpha()})[:300] or ["news"]
        pages = max(1, min(len(story_ids) // 25, 40))

        proc, port = start_server(db, args.workers, cache=not args.no_cache)
        rows: list[tuple[str, dict[str, Any]]] = []
        try:
            phases: list[tuple[str, Callable[[random.Random], tuple[str, str, bytes]]]] = [
                ("story list page  GET /?offset=", lambda r: ("GET", f"/?offset={25 * r.randrange(pages)}", b"")),
                ("story list API   GET /api/stories", lambda r: (
                    "GET", f"/api/stories?limit=20&offset={20 * r.randrange(pages)}&sort="
                           f"{r.choice(['updated', 'size', 'published'])}", b"")),
                ("search page      GET /?q=word", lambda r: ("GET", f"/?q={r.choice(words)}", b"")),
                ("brief page       GET /stories/{id}", lambda r: ("GET", f"/stories/{r.choice(story_ids)}", b"")),
                ("brief JSON       GET /api/stories/{id}/brief", lambda r: (
                    "GET", f"/api/stories/{r.choice(story_ids)}/brief", b"")),
                ("brief Markdown   ?format=md", lambda r: (
                    "GET", f"/api/stories/{r.choice(story_ids)}/brief?format=md", b"")),
            ]
            if args.only == "ingest":
                phases = []
            for _, make in phases:  # warm-up: worker threads, connections, SQLite page cache
                asyncio.run(_load(port, make, 0.5, 2))
            for name, make in phases:
                rows.append((name, asyncio.run(_load(port, make, seconds, args.conns))))
                print(f"  {name}: {rows[-1][1]['rps']:.0f} req/s, p95 {rows[-1][1]['p95']:.1f} ms", flush=True)

            ingest_res = None
            if args.only != "read":
                # ingest over HTTP: new copies of the template stories, JSON Lines batches, 2 connections
                rng = random.Random(7)
                run_id = f"{time.time_ns():x}"          # new ids on every run, also on a reused store
                docs = [(ci, a) for ci, (arts, _) in enumerate(templates) for a in arts]
                lines = []
                for i in range(n_ingest):
                    ci, a = docs[i % len(docs)]
                    lines.append(json.dumps({"id": f"http-{run_id}-{i:06d}", "title": f"{a.title} (update {i})",
                                             "source": a.source, "text": a.text + f"\n\nUpdate {i} of run {run_id}: {rng.random():.6f}",
                                             "published": a.published.isoformat() if a.published else None}))
                batches = [("\n".join(lines[i:i + args.batch]) + "\n").encode() for i in range(0, len(lines), args.batch)]
                it = iter(batches)

                async def ingest_all() -> dict[str, Any]:
                    results = await asyncio.gather(*[_post_all(port, it, TOKEN) for _ in range(2)])
                    return {"requests": sum(r[0] for r in results), "errors": sum(r[1] for r in results)}

                t0 = time.perf_counter()
                res = asyncio.run(ingest_all())
                t_ack = time.perf_counter() - t0
                h = health(port)
                stored = h["articles"] - n_stored
                t_wait0 = time.perf_counter()
                caught_up = None
                limit_s = 60 if args.quick else 180
                while time.perf_counter() - t_wait0 < limit_s:
                    if health(port)["pending"] == 0:
                        caught_up = time.perf_counter() - t0
                        break
                    time.sleep(0.25)
                ingest_res = (res, t_ack, stored, caught_up, limit_s)
        finally:
            stop_server(proc)

        print()
        print(f"storyline serve, {n_stored} articles / {len(story_ids)} stories stored, uvicorn --workers "
              f"{args.workers}, page cache {'off' if args.no_cache else 'on'}, {args.conns} keep-alive connections, "
              f"{seconds:.0f} s per phase, "
              f"{os.cpu_count()} CPUs shared with the load generator")
        print()
        print(f"| {'phase':<42} | {'requests':>8} | {'req/s':>7} | {'p50 ms':>7} | {'p95 ms':>7} | {'p99 ms':>7} "
              f"| {'errors':>6} | floor (p95<100ms, >=300/s) |")
        print(f"|{'-' * 44}|{'-' * 10}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 8}|{'-' * 28}|")
        for name, r in rows:
            met = r["p95"] < 100 and r["rps"] >= 300 and r["errors"] == 0
            print(f"| {name:<42} | {r['requests']:>8} | {r['rps']:>7.0f} | {r['p50']:>7.1f} | {r['p95']:>7.1f} | "
                  f"{r['p99']:>7.1f} | {r['errors']:>6} | {'met' if met else 'NOT met':<26} |")
        print()
        if ingest_res is not None:
            res, t_ack, stored, caught_up, limit_s = ingest_res
            rate = stored / t_ack if t_ack else 0.0
            print(f"| ingest over HTTP ({args.batch}/POST, JSONL, 2 conns)   | articles | seconds | articles/s | floor |")
            print("|---|---|---|---|---|")
            print(f"| stored and acknowledged (202)                  | {stored} | {t_ack:.2f} | {rate:.0f} | "
                  f"{'met' if rate >= 200 and res['errors'] == 0 else 'NOT met'} (>=200/s) |")
            if caught_up is not None:
                print(f"| ... and every story's brief rebuilt          | {stored} | {caught_up:.2f} | "
                      f"{stored / caught_up:.0f} | (no floor) |")
            else:
                print(f"| ... and every story's brief rebuilt          | {stored} | >{limit_s} | "
                      f"<{stored / (t_ack + limit_s):.0f} | not caught up within {limit_s} s |")
            print(f"HTTP errors during ingest: {res['errors']} of {res['requests']} requests")
    finally:
        if not args.store:
            shutil.rmtree(tmp, ignore_errors=True)


async def _post_all(port: int, it: Any, token: str) -> tuple[int, int]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    n = errors = 0
    try:
        for body in it:
            head = (f"POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                    f"Content-Type: application/x-ndjson\r\nContent-Length: {len(body)}\r\n\r\n").encode()
            status, _ = await _one(reader, writer, head + body)
            n += 1
            if status >= 400:
                errors += 1
    finally:
        writer.close()
    return n, errors


if __name__ == "__main__":
    main()
