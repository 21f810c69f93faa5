from __future__ import annotations

import subprocess
import sys

import numpy as np

from storyline import Article
from storyline.group.dedup import DedupIndex, duplicate_groups, duplicate_of, signature

BASE = (
    "The harbour authority of Port Alder closed the northern quay on Monday after a crane collapsed onto a "
    "cargo ship during the morning shift. Two dock workers were taken to the county hospital with minor "
    "injuries, according to a spokeswoman for the authority.\n\n"
    "Inspectors from the maritime safety board arrived in the afternoon and sealed off the area. The crane, "
    "built in 1987, had passed its last inspection in March, the operator said in a written statement.\n\n"
    "Shipping companies were told to divert vessels to the southern terminal until further notice. Local "
    "traders warned that delays could last for weeks if the quay stays closed through the holiday season.\n\n"
    "The mayor of Port Alder called for an independent inquiry and promised support for the injured workers "
    "and their families. A union representative said cranes at the port had been poorly maintained for years."
)
OTHER = (
    "A regional orchestra in the valley town of Merrow announced a new season of free concerts in public "
    "parks, funded by a grant from the cultural ministry. The conductor said the programme would mix "
    "classical works with pieces by young local composers, and rehearsals start next month in the old "
    "library hall. Tickets are not needed but seating is limited."
)


def edited(text: str) -> str:
    paras = text.split("\n\n")
    paras[1], paras[2] = paras[2], paras[1]          # paragraphs moved
    del paras[3]                                      # one dropped
    paras.append("Officials expect a first report on the collapse by the end of the week.")  # one added
    return "\n\n".join(paras)


def test_an_edited_copy_with_a_new_headline_is_a_near_duplicate() -> None:
    a = Article(text=BASE, title="Crane collapses at Port Alder", published="2024-05-06")
    b = Article(text=edited(BASE), title="UPDATE: quay shut after crane accident", published="2024-05-07")
    c = Article(text=OTHER, title="Free concerts in Merrow parks", published="2024-05-06")
    groups = duplicate_groups([b, c, a])
    assert groups == [(a.id, b.id)]                    # the earliest is the representative
    assert duplicate_of([b, c, a]) == {b.id: a.id}


def test_exact_copies_match_and_unrelated_texts_do_not() -> None:
    idx = DedupIndex()
    assert idx.add("x", signature(BASE)) is None
    assert idx.add("y", signature(OTHER)) is None
    assert idx.add("z", signature(BASE)) == "x"
    assert len(idx) == 3
    idx.remove("x")
    assert idx.query(signature(BASE))[0][0] == "z"


def test_signatures_are_stable_across_processes() -> None:
    code = ("from storyline.group.dedup import signature; import sys; "
            "sys.stdout.write(signature(sys.argv[1]).tobytes().hex())")
    out = subprocess.run([sys.executable, "-c", code, BASE], capture_output=True, text=True, check=True).stdout
    assert bytes.fromhex(out) == signature(BASE).tobytes()


def test_the_index_forgets_the_oldest_past_its_bound_and_rejects_bad_settings() -> None:
    idx = DedupIndex(max_items=2)
    for k, t in (("a", BASE), ("b", OTHER), ("c", "short note about something else entirely")):
        idx.insert(k, signature(t))
    assert "a" not in idx and len(idx) == 2
    for bad in ({"threshold": 0.0}, {"bands": 5}):
        try:
            DedupIndex(**bad)  # type: ignore[arg-type]
        except ValueError:
            pass
        else:
            raise AssertionError(f"accepted {bad}")
    assert np.all(signature("") == 0xFFFFFFFF)
