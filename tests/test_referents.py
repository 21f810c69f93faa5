"""Whom an opening "He" or "She" means, and the timeline entry that names it in brackets."""

from __future__ import annotations

from datetime import date

import storyline
from storyline.analyze.sentences import sentence_spans
from storyline.consolidate.referents import _quoted, bracketed, opening_referent


def _referent(text: str, people: list[tuple[str, str]]) -> str | None:
    """``people``: (written name, the name the story gives) pairs, found in ``text`` in order."""
    spans, at = [], 0
    for written, name in people:
        a = text.index(written, at)
        spans.append((a, a + len(written), name))
        at = a + len(written)
    sents = sentence_spans(text)
    last = sents[-1][0]
    return opening_referent(text, last, sents, spans, _quoted(text))


def _brief_timeline(text: str) -> list[str]:
    """The timeline entries of the brief of two outlets' copies of ``text``."""
    arts = [storyline.Article(id=f"a{k}", source=f"paper{k}", published=date(2024, 5, 8), text=text) for k in range(2)]
    return [e.text for e in storyline.brief(arts).timeline]


def test_the_one_person_the_sentence_before_names_as_its_subject_is_meant():
    text = "The trucker Oskar Brandvold crossed the border on Monday. He is now free on bail."
    assert _referent(text, [("Oskar Brandvold", "Oskar Brandvold")]) == "Oskar Brandvold"
    # an object, an owner or a quote's speaker is no subject, and the sentence that names them decides
    for text in ("Sheriff Dan Miller spoke on Monday. Deputies arrested Tom Reyes on Tuesday. He told reporters.",
                 "Tom Brae's father spoke to reporters on Tuesday. He said his son was innocent.",
                 "\"We have the right man,\" said Sam Ortiz. He was freed on Tuesday anyway."):
        names = [n for n in ("Dan Miller", "Tom Reyes", "Tom Brae", "Sam Ortiz") if n in text]
        assert _referent(text, [(n, n) for n in names]) is None, text


def test_two_people_who_fit_give_no_answer_but_a_sex_tells_them_apart():
    two = "Thomas Brandvold and Henry Lund met in Oslo on Monday. He left for Bergen the next day."
    assert _referent(two, [("Thomas Brandvold", "Thomas Brandvold"), ("Henry Lund", "Henry Lund")]) is None
    told = "Thomas Brandvold and Mary Lund met in Oslo on Monday. She left for Bergen the next day."
    assert _referent(told, [("Thomas Brandvold", "Thomas Brandvold"), ("Mary Lund", "Mary Lund")]) == "Mary Lund"


def test_someone_of_the_pronouns_sex_left_unnamed_gives_no_answer():
    text = "Brandvold stabbed his wife during a visit to the prison in 1999. She survived the attack."
    assert _referent(text, [("Brandvold", "Brandvold")]) is None


def test_a_name_inside_a_title_in_quotation_marks_is_no_one_meant():
    text = ('Marta Quill wrote "The Year of Tomas Verne" in 1984. His first book was a failure.')
    assert _referent(text, [("Marta Quill", "Marta Quill"), ("Tomas Verne", "Tomas Verne")]) is None


def test_no_one_named_close_before_gives_no_answer():
    text = ("Oskar Brandvold crossed the border on Monday. The bridge was closed for repairs. "
            "Trucks waited for hours in the rain. He is now free on bail.")
    assert _referent(text, [("Oskar Brandvold", "Oskar Brandvold")]) is None


def test_bracketed_sets_the_name_after_the_pronoun():
    assert bracketed("He is a free man.", "Oskar Brandvold") == "He [Oskar Brandvold] is a free man."
    assert bracketed("His lawyer spoke.", None) == "His lawyer spoke."
    # a name, a title or a word that opens like a pronoun is none
    for sentence in ("He Yafei met him on Tuesday.", "His Holiness received him.", "Her Majesty's Revenue said so.",
                     "He-Man actor Dolph Cole spoke."):
        assert bracketed(sentence, "Tom Brae") == sentence


def test_a_brief_timeline_entry_opening_on_he_names_him():
    entries = _brief_timeline("The trucker Oskar Brandvold was stopped at the Svinesund border on Monday. "
                              "He was released on bail on Tuesday after a hearing in Halden.")
    assert any(t.startswith("He [Oskar Brandvold] was released on bail") for t in entries), entries


def test_a_quoted_pronoun_and_a_title_abbreviation():
    quoted = 'Sam Ortiz, the prosecutor, spoke on Monday. "He will go to prison," Ortiz said of Tom Brae.'
    sents = sentence_spans(quoted)
    at = quoted.index('"He')
    assert opening_referent(quoted, at, sents, [(0, 9, "Sam Ortiz")], _quoted(quoted)) is None
    # "Atty." ends no sentence, so the one questioned stays the sentence's subject
    text = "Tom Brae was questioned for hours by Atty. Sam Ortiz on Monday. He was freed on Tuesday."
    assert _referent(text, [("Tom Brae", "Tom Brae"), ("Sam Ortiz", "Sam Ortiz")]) == "Tom Brae"


def test_its_is_left_as_written():
    # "Its" mostly means what the sentence before names last, not its subject: no name is guessed
    entries = _brief_timeline("The Harbour Safety Board unveiled the new patrol boat on Tuesday. "
                              "Its engines were tested on Wednesday off the Svinesund coast.")
    assert any(t.startswith("Its engines were tested") for t in entries), entries


def test_an_entry_opening_on_an_unresolved_possessive_gives_way_to_its_days_other_news():
    text = ("The Halden Bridge Authority closed the Varne bridge on Tuesday after inspectors found a crack. "
            "The inquiry: the National Roads Board is leading it. "
            "Its final report is due within two weeks, board spokeswoman Lina Ovre said on Tuesday.")
    entries = _brief_timeline(text)
    assert any(e.startswith("The Halden Bridge Authority closed") for e in entries), entries
    assert not any(e.startswith("Its final report") for e in entries), entries


def test_an_unresolved_opening_stays_when_it_alone_tells_its_date():
    from storyline.records import TimelineEntry
    from storyline.consolidate.referents import without_unplaced

    alone = TimelineEntry(date="2024-05-07", granularity="day", text="Their boat sank off Vardo on Tuesday.")
    year = TimelineEntry(date="2019", granularity="year", text="He was arrested in 2019 on fraud charges.")
    other = TimelineEntry(date="2019", granularity="year", text="The Varne bridge opened in 2019.")
    assert without_unplaced([year, other, alone]) == [year, other, alone]


def test_what_counts_as_an_opening_that_leans_on_a_pronoun():
    from storyline.consolidate.referents import leans_on_pronoun

    for text in ("Its report is due on Friday.", "Their heads were found on Tuesday.", "They had been seized.",
                 "It said the flights would resume.", "He's due in court on Friday.", "… She left on Monday."):
        assert leans_on_pronoun(text), text
    for text in ("“He was a careful man,” his sister said on Tuesday.", "He [Tom Brae] left on Tuesday.",
                 "It was not clear whether the bridge would open.", "Her Majesty's ship sailed on Monday.",
                 "Itsuki Mori arrived on Monday.", "The board said its report is due."):
        assert not leans_on_pronoun(text), text


def test_a_quotation_a_pronoun_says_gives_way_to_its_days_other_news():
    text = ("The Halden Bridge Authority closed the Varne bridge on Tuesday after inspectors found a crack. "
            "Drivers queued for hours at the ferry. "
            "“It was just too painful to watch,” she said on Tuesday.")
    entries = _brief_timeline(text)
    assert any(e.startswith("The Halden Bridge Authority closed") for e in entries), entries
    assert not any("too painful" in e for e in entries), entries


def test_a_role_or_walk_of_life_before_the_subjects_name_keeps_it_the_subject():
    text = ("The footage showed the band rehearsing. His lawyer, Tomas Verne, who spoke to reporters, has denied "
            "the charge. He has always maintained that the contract was void.")
    assert _referent(text, [("Tomas Verne", "Tomas Verne")]) == "Tomas Verne"
    text = ("Also on Wednesday, paramedic Oskar Lund said the patient was pale. He said the ambulance came late.")
    assert _referent(text, [("Oskar Lund", "Oskar Lund")]) == "Oskar Lund"
    # a verb before the name still makes it the object; a role of the other sex tells the name apart
    assert _referent("Police interviewed his personal physician Dr Oskar Lund on Monday. He denied it.",
                     [("Oskar Lund", "Oskar Lund")]) is None
    assert _referent("His wife, Marit, is from Halden. His two sons were born in Bergen.", [("Marit", "Marit")]) is None


def test_a_sentence_opening_on_the_same_pronoun_passes_its_referent_on():
    text = ("Tom Brae told reporters that Sam Ortiz had never signed the lease. He said any payment to Ortiz was a "
            "loan. He said the receipts were kept at the bank.")
    assert _referent(text, [("Tom Brae", "Tom Brae"), ("Sam Ortiz", "Sam Ortiz"), ("Ortiz", "Sam Ortiz")]) == "Tom Brae"
    text = ("Tom Brae left the court on Monday. He was taken to the station. He gave his fingerprints. He is free "
            "on bail.")
    assert _referent(text, [("Tom Brae", "Tom Brae")]) == "Tom Brae"


def test_a_long_run_of_capitalised_words_before_a_name_is_read_at_once():
    """The words before a name are read one way each: a sentence of many capitalised words that is no
    subject's opening (a semicolon among them) took a time exponential in its words (a brief of a
    wire story held for hours); a role before a name still makes it the subject."""
    import time

    titles = "Harbour Master Provost Marshal Regional Warden Deputy Inspector Pilots"
    text = (f"{titles}; Tom Brae closed the pier at Varnholt on Monday. He said the storm would pass. "
            f"He ordered the ferries home.")
    started = time.perf_counter()
    assert _referent(text, [("Tom Brae", "Tom Brae")]) is None
    assert time.perf_counter() - started < 0.5
    text = "The trucker Tom Brae closed the pier at Varnholt on Monday. He said the storm would pass."
    assert _referent(text, [("Tom Brae", "Tom Brae")]) == "Tom Brae"
