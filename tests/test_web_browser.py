"""A real browser (Debian's chromium driven by Playwright) against `storyline serve` with the seeds."""

from __future__ import annotations

import json
import os
import socket
import struct
import subprocess
import sys
import time
import urllib.request
import zlib
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _storyline(*args: str, env: dict[str, str]) -> list[str]:
    return [sys.executable, "-m", "storyline", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra")
    if not SEEDS.exists():
        pytest.skip(f"shared seeds not present: {SEEDS}")
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "seeds.db"
    env = {**os.environ, "STORYLINE_TOKEN": "browser-token", "STORYLINE_READ_TOKEN": ""}
    subprocess.run(_storyline("--db", str(db), "ingest", "--quiet", str(SEEDS), env=env), env=env, check=True,
                   capture_output=True, timeout=120)
    port = _free_port()
    proc = subprocess.Popen(_storyline("--db", str(db), "serve", "--host", "127.0.0.1", "--port", str(port),
                                       env=env), env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/api/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"storyline serve did not start: {out[-2000:]}")
                time.sleep(0.2)
        yield base, tmp
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def _png_pixels(data: bytes) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and raw rows of an 8-bit RGB/RGBA PNG (what chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    h = depth = ctype = 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + n
    assert depth == 8 and ctype in (2, 6)
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def test_story_list_story_page_and_citations(server, browser):
    base, tmp = server
    stories = json.load(urllib.request.urlopen(base + "/api/stories"))
    assert stories["total"] >= 1
    story = stories["items"][0]
    brief = json.load(urllib.request.urlopen(base + f"/api/stories/{story['id']}/brief"))

    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.goto(base + "/")
    link = page.locator(f'a[href="/stories/{story["id"]}"]')
    assert link.is_visible() and link.inner_text().strip() == brief["headline"]

    page.fill('form.search:not(.mini) input[name="q"]', "Kim")
    page.click('form.search:not(.mini) button[type="submit"]')
    page.wait_for_load_state()
    assert page.locator(f'a[href="/stories/{story["id"]}"]').is_visible()

    page.locator(f'a[href="/stories/{story["id"]}"]').first.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().strip() == brief["headline"]
    summary = page.locator("section#summary li")
    assert summary.count() == len(brief["summary"]) >= 1
    assert brief["summary"][0]["text"][:40] in summary.first.inner_text()
    for name in ("timeline", "entities", "quotes", "disagreements", "new_since"):
        if brief.get(name):
            assert page.locator(f"section#{name}").is_visible(), name
    assert page.locator("section#sources li").count() == len(brief["articles"])

    # hovering a citation shows the passage it cites
    cite = page.locator("section#summary .cite").first
    pop = cite.locator(".pop")
    assert not pop.is_visible()
    cite.hover()
    pop.wait_for(state="visible", timeout=3000)
    first_cite = brief["summary"][0]["citations"][0]
    art = json.load(urllib.request.urlopen(base + f"/api/articles/{first_cite['article_id']}"))
    passage = art["text"][first_cite["start"]:first_cite["end"]]
    assert " ".join(passage.split())[:60] in " ".join(pop.inner_text().split())
    page.screenshot(path=str(tmp / "story-hover.png"))

    # clicking keeps it open (touch screens), and its link opens the passage highlighted in the article
    page.mouse.move(0, 0)
    pop.wait_for(state="hidden", timeout=3000)
    cite.click()
    pop.wait_for(state="visible", timeout=3000)
    page.mouse.move(0, 0)
    assert pop.is_visible() and cite.get_attribute("aria-expanded") == "true"
    shot = tmp / "story.png"
    page.screenshot(path=str(shot), full_page=True)
    pop.locator("a.go").click()
    page.wait_for_load_state()
    mark = page.locator("mark#passage")
    assert mark.is_visible()
    assert " ".join(mark.inner_text().split()) == " ".join(passage.split())

    # the screenshot is a real page, not a blank one
    w, h, bpp, rows = _png_pixels(shot.read_bytes())
    assert w >= 1000 and h >= 600
    pixels = [row[i:i + 3] for row in rows[::3] for i in range(0, w * bpp, bpp * 3)]
    colours = set(pixels)
    dark = sum(1 for p in pixels if sum(p) < 250)       # text on the white page
    assert len(colours) > 20 and dark > 0.002 * len(pixels), (len(colours), dark, len(pixels))
    page.close()


def test_phone_width_reads_without_sideways_scrolling(server, browser):
    base, tmp = server
    story = json.load(urllib.request.urlopen(base + "/api/stories"))["items"][0]
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    for url in ("/", f"/stories/{story['id']}"):
        page.goto(base + url)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, (url, overflow)
    cite = page.locator("section#summary .cite").first
    cite.tap()
    pop = cite.locator(".pop")
    pop.wait_for(state="visible", timeout=3000)
    box = pop.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 376
    page.screenshot(path=str(tmp / "phone.png"))
    page.close()
