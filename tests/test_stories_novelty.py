from __future__ import annotations

from datetime import date

from storyline import Article
from storyline.consolidate.novelty import new_since

OLD = Article(text="The ferry Saga Wind ran aground near Holm island on Tuesday morning. All forty passengers were "
                   "taken ashore by lifeboats from the coast guard station.", published=date(2022, 6, 7))
COPY = Article(text="All forty passengers were taken ashore by lifeboats from the coast guard station. The ferry Saga "
                    "Wind ran aground near Holm island on Tuesday morning.", published=date(2022, 6, 8))
UPDATE = Article(text="The ferry Saga Wind ran aground near Holm island on Tuesday morning. Divers found a long crack "
                      "in the hull and the owner said the ship will be towed to a dry dock in Varberg.",
                 published=date(2022, 6, 9))


def test_new_since_keeps_only_what_the_new_articles_added_and_cites_it() -> None:
    out = new_since([OLD, COPY, UPDATE], [COPY.id, UPDATE.id])
    assert [n.article_id for n in out] == [UPDATE.id]        # the copy added nothing
    (added,) = out[0].added
    assert added.text.startswith("Divers found a long crack")
    (cite,) = added.citations
    assert UPDATE.text[cite.start:cite.end] == added.text


def test_nothing_new_when_no_article_is_new() -> None:
    assert new_since([OLD, UPDATE], []) == ()


def test_a_header_or_a_shorter_retelling_is_not_new() -> None:
    """"Here is what we know..." adds nothing, nor does a shorter retelling of an earlier sentence
    ("passengers were taken ashore" after "All forty passengers were taken ashore by lifeboats");
    what is left is the sentence with words the story had not used."""
    late = Article(text="Here is what we know about the grounding of the Saga Wind so far. The forty passengers "
                        "were taken ashore from the ferry. Salvage crews from Gothenburg pumped fuel out of the "
                        "tanks overnight to stop a spill.", published=date(2022, 6, 10))
    (out,) = new_since([OLD, late], [late.id])
    assert [s.text[:14] for s in out.added] == ["Salvage crews "]
