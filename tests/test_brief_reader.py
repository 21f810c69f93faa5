"""What a demanding reader sees in a brief: titles for untitled articles, datelines out of the timeline,
the entry points that print it."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import storyline
from storyline.consolidate.brief import lead_title
from storyline.serve.render import brief_html, brief_json, brief_markdown

ROOT = Path(__file__).resolve().parents[1]

_UNTITLED = storyline.Article(
    id="u1", source="wire", url=None, title=None, published=date(2024, 5, 2),
    text="In this May 1, 2024, file photo provided by the city, the harbour crane stands idle. "
         "Dock workers watch.\n\n"
         "HARBOURTON -- Dock workers at the port of Harbourton walked off the job on Thursday, halting "
         "every crane and leaving forty ships waiting offshore, the union said.\n\n"
         "The strike is the first at the port in twelve years.")
_TITLED = storyline.Article(
    id="t1", source="daily", url=None, title="Harbourton dock strike halts cranes", published=date(2024, 5, 2),
    text="Dock workers at the port of Harbourton walked off the job on Thursday, halting every crane, "
         "the union said. The strike is the first at the port in twelve years.")


def test_lead_title_skips_caption_and_dateline_and_is_cut_short():
    t = lead_title(_UNTITLED)
    assert t.startswith("Dock workers at the port of Harbourton walked off the job")
    assert "HARBOURTON" not in t and "photo" not in t
    assert t.endswith("…") and len(t.split()) <= 13


def test_lead_title_is_empty_for_a_titled_article():
    assert lead_title(_TITLED) == ""


def test_untitled_source_shows_its_lead_marked_as_derived_everywhere():
    b = storyline.brief([_UNTITLED, _TITLED])
    md = brief_markdown(b)
    assert "(untitled)" not in md
    assert "*Dock workers at the port of Harbourton" in md and "no title" in md
    html = brief_html(b)
    assert '<em class="derived"' in html and "Dock workers at the port of Harbourton" in html
    arts = {a["id"]: a for a in json.loads(brief_json(b))["articles"]}
    assert arts["u1"]["title"] is None  # the title is not rewritten: the derived one is a field of its own
    assert arts["u1"]["lead_title"].startswith("Dock workers")
    assert arts["t1"]["lead_title"] == ""


def test_timeline_entry_leaves_out_a_dateline_not_at_the_article_start():
    tl = storyline.timeline([_UNTITLED])
    texts = [t.text for t in tl if t.date == "2024-05-02"]
    assert texts and texts[0].startswith("Dock workers at the port")
    c = [t for t in tl if t.date == "2024-05-02"][0].citations[0]
    assert _UNTITLED.text[c.start:].startswith("Dock workers")


def test_cli_module_runs_as_a_script(tmp_path):
    r = subprocess.run([sys.executable, "-m", "storyline.serve.cli", "--help"], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "ingest" in r.stdout
