"""Rough edges a newcomer met driving the command line, each pinned by what the user sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.serve.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def run(db: Path, *args: str):
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("review") / "ex.db"
    r = run(db, "ingest", "-q", str(EXAMPLES))
    assert r.exit_code == 0, r.output
    return db


def _story_id(db: Path) -> str:
    r = run(db, "brief", "--format", "json")
    assert r.exit_code == 0, r.output
    return str(json.loads(r.output)["story_id"])


def test_brief_accepts_the_first_characters_of_a_story_id(examples_db: Path) -> None:
    sid = _story_id(examples_db)
    for ref in (sid[:6], sid[2:8]):          # "s-adfb" and "adfb47"
        r = run(examples_db, "brief", ref, "--format", "json")
        assert r.exit_code == 0, r.output
        assert json.loads(r.output)["story_id"] == sid
    r = run(examples_db, "brief", "s-nothere")
    assert r.exit_code == 2 and "no story 's-nothere'" in r.output


def test_brief_out_picks_the_format_from_the_file_name(examples_db: Path, tmp_path: Path) -> None:
    for name, check in (("b.md", lambda t: t.startswith("# ")),
                        ("b.json", lambda t: "story_id" in json.loads(t)),
                        ("b.html", lambda t: t.lstrip().lower().startswith("<!doctype html"))):
        r = run(examples_db, "brief", "--out", str(tmp_path / name))
        assert r.exit_code == 0, r.output
        assert check((tmp_path / name).read_text(encoding="utf-8")), name
    # an explicit --format still wins over the extension
    r = run(examples_db, "brief", "--format", "md", "--out", str(tmp_path / "b.txt"))
    assert r.exit_code == 0 and (tmp_path / "b.txt").read_text(encoding="utf-8").startswith("# ")


def test_brief_out_into_a_missing_folder_is_a_clear_error(examples_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "brief.md"
    r = run(examples_db, "brief", "--out", str(target))
    assert r.exit_code == 2
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert "cannot write" in r.output and "no-such-folder" in r.output


def test_help_names_arguments_in_capitals() -> None:
    r = runner.invoke(app, ["ingest", "--help"])
    assert "PATH" in r.output and "{paths}" not in r.output
    r = runner.invoke(app, ["brief", "--help"])
    assert "STORY" in r.output and "first characters" in r.output
