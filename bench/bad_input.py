"""Bad input at the ingest edge: does every bad input get one clear error (or warning) while the
good ones around it are stored, and what do the per-article checks cost?

Part 1 writes a batch of its own (good articles, and one input for each problem the review found:
lone surrogates, truncated and garbage WARC, gzipped JSON Lines, over-long texts, a JSON line of
binary data, absurd dates, HTML entities in RSS, an unreadable feed date, a number for 'text'),
ingests it as `storyline ingest` does (read, check, store in SQLite), and prints per case what
was expected and what happened. Nothing may raise.

Part 2 reads every document of ../shared/data/mds as JSON Lines and times the checks every article
now passes (string cleaning, text size, date range) against the whole read.

Part 3 times the analysis and the brief of one huge article of each odd shape (no punctuation, a
quotation mark never closed, thousands of "he said", thousands of different people, every word
capitalised, dates and abbreviations only), written here, against news text of the same size
(DUC 2004's articles run together), in the same run: an odd article must cost about what news
of its size costs, not the square of its size.

    python bench/bad_input.py            # parts 1 and 3, and part 2 on all MDS sets
    python bench/bad_input.py --quick    # part 1, part 2 on DUC 2004 only, part 3 at 100 kB
    python bench/bad_input.py --huge-kb 1000   # part 3 at the 1 MB text limit
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import sys
import tempfile
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import fmt_table  # noqa: E402
from _mds import available_sets, iter_clusters  # noqa: E402

from storyline.errors import InputError  # noqa: E402
from storyline.ingest import iter_articles  # noqa: E402
from storyline.ingest.checks import check_article  # noqa: E402
from storyline.pipeline import ingest_articles  # noqa: E402
from storyline.store.sqlite import SQLiteStore  # noqa: E402

BODY = ("Engineers at the Orla reservoir opened two spillways on {day}, the regional water office said, "
        "after a week of rain raised the level by {n} centimetres. Farmers downstream said fields near "
        "the river were already wet.")
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def _good(i: int) -> dict:
    return {"id": f"good-{i}", "title": f"Spillways opened, report {i}", "published": "2025-03-1" + str(i % 10),
            "text": BODY.format(day=DAYS[i % 5], n=10 + i)}


def _warc(n: int, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    for i in range(n):
        html = (f"<html><head><title>Orla report {i}</title></head><body><article><h1>Orla report {i}</h1>"
                f"<p>{BODY.format(day=DAYS[i % 5], n=30 + i)}</p><p>{BODY.format(day=DAYS[(i + 1) % 5], n=40 + i)}"
                "</p></article></body></html>").encode()
        hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(f"https://orla.example/{i}", "response", payload=io.BytesIO(html),
                                            http_headers=hh))
    return buf.getvalue()


def _cases(d: Path) -> list[tuple[str, list[Path], int, list[str], list[str]]]:
    """(case, files, articles expected, error substrings expected, warning substrings expected)."""
    cases = []
    p = d / "surrogate.jsonl"
    p.write_text("\n".join(json.dumps({**_good(i), "id": "", "text": _good(i)["text"] + " \ud800"}) for i in range(3)),
                 encoding="utf-8")
    cases.append(("lone surrogates in JSON", [p], 3, [], []))
    w = _warc(4, True)
    p = d / "trunc.warc.gz"
    p.write_bytes(w[: int(len(w) * 0.6)])  # inside the third record
    cases.append(("truncated .warc.gz (60%)", [p], 2, ["WARC file truncated or corrupt after 2 records"], []))
    w = _warc(4, False)
    p = d / "trunc.warc"
    p.write_bytes(w[: int(len(w) * 0.6)])  # inside the third record
    cases.append(("truncated .warc (60%)", [p], 2, ["WARC file truncated or corrupt after 2 records"], []))
    p = d / "garbage.warc"
    p.write_bytes(b"this is a list of groceries, not an archive\n" * 20)
    cases.append(("garbage .warc", [p], 0, ["not a WARC file"], []))
    p = d / "lines.jsonl.gz"
    p.write_bytes(gzip.compress("\n".join(json.dumps(_good(i)) for i in range(10, 15)).encode()))
    cases.append(("gzipped JSON Lines", [p], 5, [], []))
    p = d / "long.jsonl"
    p.write_text(json.dumps({**_good(20), "text": "Rain. " * 200_000}) + "\n" + json.dumps(_good(21)), encoding="utf-8")
    cases.append(("1.2 MB text in a JSON line", [p], 1, ["article text too long (1,200,000 bytes, limit 1,000,000: set max_article_text_bytes"],
                  []))
    p = d / "nul.jsonl"
    p.write_bytes(json.dumps(_good(30)).encode() + b"\n\x00\x00\x07\xff binary\n" + json.dumps(_good(31)).encode())
    cases.append(("NUL bytes in one JSON line", [p], 2, ["binary data in the line (NUL bytes)"], []))
    p1, p2 = d / "far.txt", d / "old.jsonl"
    p1.write_text("date 9999-12-31\nSpillways\n" + BODY.format(day="Monday", n=1), encoding="utf-8")
    p2.write_text(json.dumps({**_good(40), "published": "0001-01-01"}) + "\n"
                  + json.dumps({**_good(41), "published": "3024-04-30"}), encoding="utf-8")
    cases.append(("dates 9999 / 0001 / 3024", [p1, p2], 3, [], ["is after", "is before 1800-01-01", "is after"]))
    p = d / "entities.rss"
    p.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Orla&nbsp;Post</title>'
                 f"<item><title>Spillways&nbsp;open</title><pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate>"
                 f"<description>{BODY.format(day='Monday', n=50)}&nbsp;&mdash;&nbsp;update</description></item>"
                 f"<item><title>Bad date</title><pubDate>Funday, 40 Foo 2025</pubDate>"
                 f"<description>{BODY.format(day='Friday', n=51)}</description></item></channel></rss>",
                 encoding="utf-8")
    # the items are short: a local feed file's item of under 120 words is stored with a teaser warning
    cases.append(("RSS with &nbsp; and a bad pubDate", [p], 2, [],
                  ["unreadable date", "likely a teaser", "likely a teaser"]))
    p = d / "number.jsonl"
    p.write_text(json.dumps({"id": "n1", "text": 12345}) + "\n" + json.dumps(_good(60)), encoding="utf-8")
    cases.append(("'text': 12345", [p], 1, ["'text' must be a string"], []))
    item = "<item><title>{t}</title><description>{b}</description></item>"
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Orla Post</title>'
    p = d / "broken.rss"  # a bare "&", then the feed cut off inside its third item
    p.write_text(head + item.format(t="Bread & Butter fair", b=BODY.format(day="Monday", n=70))
                 + item.format(t="Spillways", b=BODY.format(day="Tuesday", n=71))
                 + item.format(t="Cut", b=BODY.format(day="Friday", n=72))[:40], encoding="utf-8")
    cases.append(("RSS with a bare & and cut mid-item", [p], 2, ["malformed feed XML"],
                  ["likely a teaser", "likely a teaser"]))
    p = d / "small-cut.jsonl.gz"  # cut in half: the whole lines before the cut are read
    z = gzip.compress("\n".join(json.dumps(_good(i)) for i in range(100, 400)).encode())
    p.write_bytes(z[: len(z) // 2])
    whole_lines = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(z[: len(z) // 2]).count(b"\n")
    cases.append(("small .jsonl.gz cut in half", [p], whole_lines, ["gzip file truncated"], []))
    p1, p2 = d / "utf32.txt", d / "noise.txt"
    p1.write_bytes(b"\xff\xfe\x00\x00" + ("Spillways\n" + BODY.format(day="Monday", n=90)).encode("utf-32-le"))
    p2.write_bytes(bytes(range(128, 256)) * 16)
    cases.append(("UTF-32 text; bytes of no known encoding", [p1, p2], 1, ["not text in a known encoding"], []))
    return cases


def part1() -> tuple[list[list], bool]:
    rows = []
    all_ok = True
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for name, files, n_art, errs, warns in _cases(d):
            store = SQLiteStore(d / f"{len(rows)}.db")
            noise = io.StringIO()
            crashed = ""
            try:
                with contextlib.redirect_stderr(noise):
                    report = ingest_articles(store, iter_articles(files))
            except Exception as exc:  # the point of the bench: this must never happen
                crashed = f"{type(exc).__name__}: {exc}"
                report = None
            store.close()
            if report is None:
                rows.append([name, n_art, "-", len(errs), "-", "-", crashed[:60], "NO"])
                all_ok = False
                continue
            got_errs = [f.reason for f in report.failed]
            got_warns = [r for _, r in report.warnings]
            ok = (len(report.new) == n_art and len(got_errs) == len(errs)
                  and all(any(e in g for g in got_errs) for e in errs)
                  and len(got_warns) == len(warns) and all(any(w in g for g in got_warns) for w in warns)
                  and "WARNING" not in noise.getvalue())
            all_ok &= ok
            shown = (got_errs + got_warns)[:1]
            rows.append([name, n_art, len(report.new), len(errs), len(got_errs), len(got_warns),
                         (shown[0][:70] if shown else ""), "yes" if ok else "NO"])
    return rows, all_ok


def part2(sets: list[str]) -> list[list]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "mds.jsonl"
        n_docs = 0
        with p.open("w", encoding="utf-8") as fh:
            for ds in sets:
                for c in iter_clusters(ds):
                    for doc in c["documents"]:
                        if doc["text"].strip():
                            fh.write(json.dumps({"id": f"{ds}:{doc['id']}", "title": doc.get("title"),
                                                 "published": doc.get("date"), "text": doc["text"]}) + "\n")
                            n_docs += 1
        t = time.perf_counter()
        items = list(iter_articles([p]))
        read_s = time.perf_counter() - t
        arts = [a for a in items if not isinstance(a, InputError)]
        t = time.perf_counter()
        for a in arts:
            check_article(a, "x")
        check_s = time.perf_counter() - t
        mb = p.stat().st_size / 1e6
        rows.append(["+".join(sets), n_docs, len(arts), len(items) - len(arts), f"{mb:.1f}",
                     f"{len(arts) / read_s:,.0f}", f"{check_s / max(len(arts), 1) * 1e6:.1f}",
                     f"{100 * check_s / read_s:.1f}%"])
    return rows


_WORDS = ("the council said on Tuesday that the mayor met the governor in the capital and she told reporters "
          "that the bridge would open").split()
_FIRST = "John Mary Peter Anna Paul Laura Mark Susan James Linda Robert Karen Michael Nancy David Lisa".split()
_LAST = "Smith Jones Brown Miller Davis Wilson Moore Taylor Anderson Thomas Jackson White Harris Martin Clark".split()


def _odd_texts(size: int) -> dict[str, str]:
    """Texts of about ``size`` characters, one per odd shape (seeded: the same text every run)."""
    import random

    rng = random.Random(0)

    def words(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n))

    def fill(make) -> str:  # type: ignore[no-untyped-def]
        parts, n = [], 0
        while n < size:
            parts.append(make())
            n += len(parts[-1]) + 1
        return " ".join(parts)[:size]

    return {
        "no punctuation": fill(lambda: words(20)),
        "quotation never closed": fill(lambda: '"' + words(12) + "\n"),
        'thousands of "he said"': fill(lambda: '"We will win this time," he said. "It is hard," she said. '
                                              "John Smith said."),
        "thousands of people": fill(lambda: f"{rng.choice(_FIRST)} {rng.choice(_LAST)}{rng.choice(_LAST).lower()} "
                                            f'said the plan would work. "It is hard," he said. President '
                                            f"{rng.choice(_LAST)} agreed."),
        "every word capitalised": fill(lambda: " ".join(w.capitalize() for w in words(20).split())),
        "dates and abbreviations": fill(lambda: " ".join(rng.choice(["Tuesday", "last June", "on Jan. 8", "2019",
                                                                     "two days later", "next week", "Gov.", "said"])
                                                         for _ in range(12))),
        # a chronology: a short dated sentence a paragraph, thousands of them
        "one-line paragraphs": fill(lambda: f"In {rng.randint(1950, 2019)} {rng.choice(_FIRST)} {rng.choice(_LAST)} "
                                            f"said the bridge would open on {rng.choice(['Tuesday', 'June 4'])}.\n\n"),
        # a quotation a line, each with its speaker and a date
        "a quotation a line": fill(lambda: f'"{words(10).capitalize()} by {rng.choice(["June", "2019"])}," said '
                                           f"{rng.choice(_FIRST)} {rng.choice(_LAST)}.\n"),
        # a table of names, years, days and figures, a row a line, no sentence end
        "table of dates and numbers": fill(lambda: f"{rng.choice(_FIRST)} {rng.choice(_LAST)} | {rng.randint(1950, 2019)} "
                                                   f"| June {rng.randint(1, 28)} | {rng.randint(1, 99)}.{rng.randint(0, 9)}%\n"),
    }


def part3(size: int) -> list[list]:
    import storyline
    from storyline.analyze.analyze import analyze_article
    from storyline.records import Article

    news = "\n\n".join(d["text"] for c in iter_clusters("duc2004") for d in c["documents"])
    shapes = _odd_texts(size)
    if news:
        shapes = {"news (DUC 2004 run together)": (news * (size // len(news) + 1))[:size], **shapes}
    rows = []
    base: tuple[float, float] | None = None
    for name, text in shapes.items():
        article = Article(id="odd", text=text, published="2019-01-09", title="Odd page")
        t = time.perf_counter()
        analyze_article(article)
        analysis = time.perf_counter() - t
        t = time.perf_counter()
        storyline.brief([article])
        whole = time.perf_counter() - t
        if news and base is None:
            base = (analysis, whole)  # the news text comes first
        rows.append([name, f"{len(text) / 1e3:,.0f}", f"{analysis:.1f}",
                     f"{analysis / base[0]:.1f}x" if base else "-", f"{whole:.1f}",
                     f"{whole / base[1]:.1f}x" if base else "-"])
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="part 2 on DUC 2004 only, part 3 at 100 kB")
    ap.add_argument("--huge-kb", type=int, default=500, help="size of part 3's articles, in kB (default 500)")
    ap.add_argument("--skip-huge", action="store_true", help="leave out part 3")
    args = ap.parse_args()
    rows, ok = part1()
    print("## Part 1: a batch of bad inputs among good ones (ingest into SQLite, as `storyline ingest`)\n")
    print(fmt_table(["case", "articles expected", "stored", "errors expected", "errors", "warnings",
                     "first message", "as expected"], rows))
    sets = available_sets()
    if args.quick:
        sets = [s for s in sets if s == "duc2004"] or sets[:1]
    if sets:
        print("\n## Part 2: cost of the per-article checks on real articles (read as JSON Lines)\n")
        print(fmt_table(["data", "documents", "articles read", "errors", "MB", "articles/s read",
                         "checks us/article", "checks share of read time"], part2(sets)))
    else:
        print("\n(part 2 skipped: ../shared/data/mds is not present)")
    if not args.skip_huge:
        size = 100_000 if args.quick else args.huge_kb * 1000
        print(f"\n## Part 3: one huge article of each odd shape ({size / 1e3:,.0f} kB), analysis and brief\n")
        print(fmt_table(["text", "kB", "analysis s", "vs news", "brief s", "vs news"],
                        part3(size)))
    print(f"\nall cases as expected: {'yes' if ok else 'NO'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
