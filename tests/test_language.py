"""Articles in other languages: told apart, grouped apart, summarised without the English-only analyses."""

from __future__ import annotations

import json
from pathlib import Path

import storyline
from storyline.analyze.analyze import analyze_article
from storyline.ingest.language import detect_language

EN = [
    "North Korean leader Kim Jong Un arrived in Beijing on Tuesday for talks with Chinese President Xi Jinping, "
    "state media said, in his fourth visit to China in less than a year as he prepares for a second summit.",
    "Kim Jong Un met Xi Jinping in Beijing on Tuesday, the North's state media said, ahead of a possible second "
    "summit with the US president, in a visit that marks his fourth trip to China since last March.",
]
FR = [
    "Le dirigeant nord-coréen Kim Jong Un est arrivé mardi à Pékin pour des entretiens avec le président chinois "
    "Xi Jinping, ont annoncé les médias d'État. Il s'agit de sa quatrième visite en Chine en moins d'un an. "
    "« Nous voulons la paix », a déclaré un porte-parole.",
    "Kim Jong Un a rencontré Xi Jinping mardi à Pékin, selon les médias d'État du Nord, avant un possible "
    "deuxième sommet avec le président américain. Le dirigeant est arrivé en train blindé, accompagné de sa femme.",
]
DE = ("Der nordkoreanische Machthaber Kim Jong Un ist am Dienstag zu Gesprächen mit Staatschef Xi Jinping in "
      "Peking eingetroffen, wie staatliche Medien berichteten. Es ist sein vierter Besuch in China.")


def _read(text: str, **extra: object) -> storyline.Article:
    return storyline.read_article({"text": text, "published": "2019-01-08", **extra})


def test_the_language_is_told_from_the_words() -> None:
    assert [_read(t).lang for t in [*EN, *FR, DE]] == ["en", "en", "fr", "fr", "de"]
    # too few words to tell: the default stands, and a source that names its language is believed
    assert detect_language("Xi Jinping") == "en"
    assert _read(FR[0], lang="en").lang == "en"


def test_articles_in_two_languages_make_two_stories() -> None:
    ids = storyline.cluster([_read(t) for t in [*EN, *FR]])
    assert ids[0] == ids[1] and ids[2] == ids[3] and ids[0] != ids[2]


def test_english_only_analyses_are_left_out_of_another_language() -> None:
    fr = analyze_article(_read(FR[0]))
    assert fr.sentences and fr.mentions == () and fr.quotes == ()
    en = analyze_article(_read(EN[0]))
    assert any(m.text == "Xi Jinping" for m in en.mentions)


def test_a_french_story_gets_a_cited_brief_of_its_own(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from storyline.serve.cli import app

    src = tmp_path / "mixed.jsonl"
    src.write_text("\n".join(json.dumps({"text": t, "published": "2019-01-08", "title": t[:30]})
                             for t in [*EN, *FR]), encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    assert runner.invoke(app, ["--db", db, "ingest", str(src)]).exit_code == 0
    listing = json.loads(runner.invoke(app, ["--db", db, "stories", "--format", "json"]).output)
    assert len(listing["items"]) == 2
    fr_story = next(s for s in listing["items"] if s["title"].startswith("Le dirigeant") or
                    s["title"].startswith("Kim Jong Un a"))
    out = runner.invoke(app, ["--db", db, "brief", fr_story["id"], "--format", "json"])
    brief = json.loads(out.output)
    assert brief["summary"] and all(s["citations"] for s in brief["summary"])
    assert all("Pékin" in s["text"] or "train" in s["text"] or "Chine" in s["text"] for s in brief["summary"])
    # the reader is told why the brief has no entities or quotes, in every format
    md = runner.invoke(app, ["--db", db, "brief", fr_story["id"], "--format", "md"]).output
    assert "Written in French: names and quotes are read in English articles only" in md
    page = runner.invoke(app, ["--db", db, "brief", fr_story["id"], "--format", "html"]).output
    assert "Written in French" in page
    en_story = next(s for s in listing["items"] if s["id"] != fr_story["id"])
    assert "Written in" not in runner.invoke(app, ["--db", db, "brief", en_story["id"], "--format", "md"]).output


def test_sentences_are_split_by_the_rules_of_the_article_language() -> None:
    # English rules end a sentence at the ordinal "8." of a German date
    text = ("Der nordkoreanische Machthaber Kim Jong Un ist am 8. Januar zu Gesprächen mit Staatschef Xi Jinping "
            "in Peking eingetroffen, wie staatliche Medien berichteten. Er bleibt bis zum 10. Januar in China. "
            "Es ist bereits sein vierter Besuch in China seit dem vergangenen Jahr, sagte ein Sprecher.")
    article = _read(text)
    assert article.lang == "de"
    sentences = [s.text for s in analyze_article(article).sentences]
    assert sentences[1] == "Er bleibt bis zum 10. Januar in China." and len(sentences) == 3


def test_a_story_with_a_few_articles_in_another_language_says_how_many() -> None:
    from storyline.records import Brief
    from storyline.serve.render import language_note

    arts = ({"id": "a", "lang": "vi"}, {"id": "b"}, {"id": "c"})
    note = language_note(Brief(story_id="s", headline="h", articles=arts))
    assert note == ("1 of 3 articles are in Vietnamese: their names and quotes are not read, and their dates "
                    "only where written in numbers.")
    assert language_note(Brief(story_id="s", headline="h", articles=({"id": "a"},))) is None
