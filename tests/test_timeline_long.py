"""Timelines of long-running topics: the days that matter, a few sentences each (max_dates, per_date)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Sequence

import pytest

import storyline
from storyline import Article
from storyline.analyze.sentences import sentence_spans
from storyline.consolidate.timeline import _every_event
from storyline.consolidate.timeline_rank import SMALL_STORY, auto_size


def _art(i: int, day: date, text: str, source: str = "") -> Article:
    return Article(id=f"a{i}", title="", published=day, text=text, source=source or f"outlet{i % 4}")


D = date(2024, 3, 1)

BREACH = "The Kessel dam breached on March 4, 2024, flooding the lower valley of Brindlemoor."
WIRE = "Rescue crews from three counties reached the flooded villages of Brindlemoor by boat on Monday."


def _flood_topic() -> list[Article]:
    """Twelve articles on a dam breach: the breach day is reported by most, a council vote on
    March 8 by one stray article, a 1911 flood by one background piece."""
    arts = [
        _art(0, D + timedelta(days=3), "Engineers warned on Sunday that cracks were spreading across the Kessel dam. "
             "Residents of Brindlemoor were told to prepare for an evacuation."),
        _art(1, D + timedelta(days=3), "Water levels behind the Kessel dam rose sharply on Sunday after days of rain. "
             "The regional authority said inspectors were watching the spillway."),
    ]
    follow = [
        "Officials said the breach on March 4 forced two thousand people from their homes in Brindlemoor.",
        "Since the dam gave way on March 4, the river has stayed above its banks across the valley.",
        "Farmers counted their losses after the March 4 breach left fields under a metre of water.",
        "An inquiry will examine why warnings before the March 4 collapse of the Kessel dam went unheeded.",
        "Insurers estimated the damage from the March 4 dam breach at forty million euros.",
    ]
    for i in range(5):
        arts.append(_art(2 + i, D + timedelta(days=4 + i % 3), f"{BREACH} {follow[i]} {WIRE}"))
    arts.append(_art(7, D + timedelta(days=5), "Rescue crews from three counties reached the flooded villages of "
                     "Brindlemoor by boat on Monday, officials said. Shelters in the town hall were full by nightfall."))
    arts.append(_art(8, D + timedelta(days=9), "The town council voted on March 8, 2024 to rename the harbour promenade "
                     "after a retired schoolteacher. The vote passed narrowly after a long debate."))
    arts.append(_art(9, D + timedelta(days=10), "Brindlemoor last flooded on May 2, 1911, when a storm surge swept "
                     "through the harbour. Old photographs of that flood hang in the museum."))
    arts.append(_art(10, D + timedelta(days=11), "Repairs to the Kessel dam began on March 12, 2024, the regional "
                     "authority said. Engineers expect the work to take most of the year."))
    arts.append(_art(11, D + timedelta(days=11), "Work to rebuild the Kessel dam started on Tuesday, with cranes "
                     "lifting the first concrete blocks into the breach."))
    return arts


def _days(entries) -> list[str]:
    return sorted({e.date for e in entries})


def test_max_dates_and_per_date_are_respected():
    arts = _flood_topic()
    for max_dates, per_date in ((1, 1), (2, 1), (3, 2)):
        entries = storyline.timeline(arts, max_dates=max_dates, per_date=per_date)
        days = _days(entries)
        assert 1 <= len(days) <= max_dates
        for d in days:
            assert sum(e.date == d for e in entries) <= per_date
        assert [e.date for e in entries] == sorted(e.date for e in entries)  # oldest first
        for e in entries:
            assert e.granularity == "day" and e.text and e.citations and 0 < e.importance <= 1
    assert len(_days(storyline.timeline(arts, max_dates=3, per_date=2))) == 3


def test_the_most_reported_day_is_kept_over_a_stray_one():
    arts = _flood_topic()
    top = storyline.timeline(arts, max_dates=1, per_date=1)
    assert [e.date for e in top] == ["2024-03-04"]
    assert "Kessel" in top[0].text or "breach" in top[0].text
    three = _days(storyline.timeline(arts, max_dates=3, per_date=1))
    assert "2024-03-04" in three and "2024-03-08" not in three  # one stray article's council vote
    # a day outside the articles' publication span (a 1911 flood in a background piece) never comes
    everything = storyline.timeline(arts, max_dates=50, per_date=3)
    assert all(e.date.startswith("2024-") for e in everything)
    assert "1911" in {e.date[:4] for e in storyline.timeline(arts)}  # the full listing still has it


def test_no_two_sentences_of_a_day_say_the_same_and_copies_are_cited():
    arts = _flood_topic()
    entries = storyline.timeline(arts, max_dates=4, per_date=3)
    for d in _days(entries):
        texts = [e.text.lower() for e in entries if e.date == d]
        assert len(texts) == len(set(texts))
    # the wire sentence five articles carry (and a sixth, with an attribution) is cited to all of them
    wire = [e for e in storyline.timeline(arts, max_dates=10, per_date=3) if "by boat" in e.text]
    assert len(wire) <= 1
    if wire:
        assert len({c.article_id for c in wire[0].citations}) >= 5
        for c in wire[0].citations:
            text = next(a.text for a in arts if a.id == c.article_id)
            assert "by boat" in text[c.start:c.end]


def test_a_small_story_lists_every_event_as_before():
    arts = _flood_topic()
    assert len(arts) <= SMALL_STORY and auto_size(len(arts)) is None
    entries = storyline.timeline(arts)
    dates = {e.date for e in entries}
    assert {"1911-05-02", "2024-03-04", "2024-03-08", "2024-03-12"} <= dates  # every dated event stays
    assert [(e.date, e.text) for e in entries] == [(e.date, e.text) for e in _every_event(arts)]
    breach = max((e for e in entries if e.date == "2024-03-04"), key=lambda e: e.importance)
    stray = next(e for e in entries if e.date == "2024-03-08")
    assert breach.importance > stray.importance  # importance: the share of articles reporting it


def test_a_large_topic_gets_a_readable_timeline_without_arguments():
    start = date(2023, 1, 2)
    arts = []
    for i in range(60):
        day = start + timedelta(days=i)
        arts.append(_art(i, day, f"The harbour strike in Port Avel entered day {i + 1} on {day:%B} {day.day}, {day.year}. "
                                 f"Dockers in Port Avel held a rally on {day:%B} {day.day} outside the port offices. "
                                 f"Talks between the union and the port authority were adjourned again."))
    max_dates, per_date = auto_size(len(arts)) or (0, 0)
    assert 10 <= max_dates <= 40 and per_date == 2
    entries = storyline.timeline(arts)
    days = _days(entries)
    assert 1 <= len(days) <= max_dates
    assert all(sum(e.date == d for e in entries) <= per_date for d in days)
    assert len(entries) < len(_every_event(arts))


def test_bad_sizes_are_refused_and_bad_articles_skipped():
    arts = _flood_topic()
    for bad in (0, -3, 2.5, "5", True):
        with pytest.raises(ValueError, match="max_dates"):
            storyline.timeline(arts, max_dates=bad)
        with pytest.raises(ValueError, match="per_date"):
            storyline.timeline(arts, per_date=bad)
    junk = arts + [Article(id="empty", text="", published=D), Article(id="undated", text="No dates at all."),
                   "not an article"]
    assert _days(storyline.timeline(junk, max_dates=1, per_date=1)) == ["2024-03-04"]
    assert storyline.timeline([], max_dates=3, per_date=1) == []
    assert storyline.timeline([Article(text="Nothing dated here.")], max_dates=3) == []


def test_tokenized_one_sentence_per_line_text_keeps_its_lines():
    lines = ["Rescuers said : `` We reached the village before dawn . ''",
             "`` Nobody was hurt , '' the mayor said .",
             "The road was closed ... but reopened later .",
             "Was the dam inspected ?",
             "The council -LRB- which met Monday -RRB- agreed ."]
    text = " \n".join(lines) + " "
    assert [text[s:e] for s, e in sentence_spans(text)] == lines
    # prose with one paragraph per line is still split into its sentences
    prose = "The dam broke. Crews came by boat.\nThe mayor thanked them."
    assert len(sentence_spans(prose)) == 3


def test_a_tokenized_comma_keeps_the_year_with_its_day():
    (tx,) = storyline.tag_timexes("The dam breached on March 4 , 2024 at dawn .", date(2025, 1, 1))
    assert tx.value == "2024-03-04"


def test_a_lead_naming_another_weeks_day_is_not_filed_under_its_papers_day() -> None:
    from storyline.consolidate.timeline_rank import summarize_timeline

    sat = date(1998, 10, 24)
    arts = [_art(k, sat, "Monday, however, in a Washington courtroom, the government opened its case against "
                         "Microsoft with a long statement. " + other) for k, other in enumerate((
                "Lawyers for the company argued the browser was part of Windows.",
                "The judge allowed the first witness to take the stand.",
                "Executives of rival firms sat in the gallery."))]
    arts.append(_art(3, date(1998, 10, 20), "” The trial of Microsoft opened on Monday in Washington, lawyers said. "
                                            "Hamas is, 2nd graf pvs."))
    entries = summarize_timeline(arts, None, 2)
    on = {e.date: [x.text for x in entries if x.date == e.date] for e in entries}
    assert not any(t.startswith("Monday, however") for t in on.get("1998-10-24", []))
    # (Monday shows the sentence that reads on its own first: "Monday, however, ..." leans on the one before it)
    assert any(t.startswith(("Monday, however", "The trial of Microsoft opened")) for t in on["1998-10-19"]), on
    assert all(not t.startswith("”") and "graf" not in t for ts in on.values() for t in ts)


def test_a_quotation_told_only_by_a_pronoun_is_no_event_of_the_day() -> None:
    from storyline.consolidate.timeline_rank import _usable

    assert not _usable("“It's either of the two, and we will see which one,” he said.")
    assert not _usable("``It does not provide for the retention of the pilots,'' he said in a statement.")
    assert _usable("“We won,” said Smith, who led the team to a title on Monday.")


def test_a_daily_report_in_the_same_words_with_other_figures_is_not_cited_for_another_day() -> None:
    """A wire's daily market report repeats its sentences with the day's figures: the turnover of
    one day is not carried by the turnover of the next, so an entry cites only the reports that
    give its own figures (the same figures told by a second outlet on the same day are cited)."""
    figures = [("1.8 billion", "2.26 trillion", "248.5 million"), ("2.3 billion", "2.5 trillion", "274.6 million"),
               ("1.5 billion", "1.9 trillion", "209.1 million"), ("1.3 billion", "1.7 trillion", "187.2 million")]
    arts = []
    for k, (shares, rupiah, dollars) in enumerate(figures):
        day = D + timedelta(days=7 * k)
        text = (f"Share prices on the Lakeview exchange ended higher on {day:%A}, led by banking stocks. "
                f"Turnovers totaled {shares} shares worth {rupiah} rupiah ({dollars} U.S. dollars).")
        arts.append(_art(k, day, text, source="wire"))
    arts.append(_art(9, D + timedelta(days=7), arts[1].text.replace("led by banking stocks", "on bank buying"),
                     source="paper"))
    entries = storyline.timeline(arts, max_dates=10, per_date=2)
    turnover = [e for e in entries if "Turnovers totaled" in e.text]
    assert turnover
    for e in turnover:
        shown = e.text.split("worth")[0]
        cited = {c.article_id for c in e.citations}
        carriers = {a.id for a in arts if shown.strip() in a.text}
        assert cited == carriers, (e.text, cited, carriers)
    assert any(len({c.article_id for c in e.citations}) == 2 for e in turnover)


def _led(day: date, lead: str, others: Sequence[str]) -> list[Article]:
    """Articles of ``day`` that each open on ``lead`` and go on with one of ``others``."""
    return [_art(k, day, f"{lead} {other}") for k, other in enumerate(others)]


def test_a_lead_dated_by_an_earlier_year_is_not_filed_under_its_papers_day() -> None:
    from storyline.consolidate.timeline_rank import summarize_timeline, tells_earlier_year

    day = date(2009, 7, 20)
    entries = summarize_timeline(_led(day, "Marta Quill became the first woman to lead the Brindlemoor rowing club in 2002.",
                                      ("The club named her its chair on Monday after a close vote.",
                                       "The board voted on Monday to make her its chair.",
                                       "Members elected her chair of the board on Monday.")), None, 2)
    assert entries and not any("in 2002" in e.text for e in entries), [e.text for e in entries]
    assert tells_earlier_year("The clinic has served the bayou since 1987 and charges no fee.", day)
    for news in ("A jury found Tom Brae guilty of giving Ortiz a dose of propofol, which killed him in 2008.",
                 "Sales fell in 2008, the company said.", "The 2008 law requires new filings.",
                 "On Monday the court heard a case filed in 2004.", "The plant closed in March and reopened in June."):
        assert not tells_earlier_year(news, day), news


def test_a_lead_dated_by_a_span_of_earlier_years_is_background_but_not_one_in_a_relative_clause() -> None:
    """The main clause's time decides: a span of years that ends before the paper's year dates it
    (a preposition's, or the subject's: "The 2009-2011 drought left ..."); a year in a relative
    clause does not ("The dispute, which began in 2009, flared again" is the paper's news)."""
    from storyline.consolidate.timeline_rank import summarize_timeline, tells_earlier_year

    day = date(2014, 5, 6)
    for background in ("The 2009-2011 drought left the farmers of Orlaith valley without water.",
                       "From 2009 to 2011 the Tarnby plant dumped its waste into the river.",
                       "Between 2009 and 2011 the Tarnby plant dumped its waste into the river.",
                       "The Tarnby plant dumped its waste into the river in 2009-2011."):
        assert tells_earlier_year(background, day), background
    for news in ("The border dispute, which began in 2009, flared again near Orlaith.",
                 "From 2009 to 2014 the Tarnby plant dumped its waste into the river.",
                 "The Tarnby plant dumped its waste into the river in 2012-2014.",
                 "The plant, which dumped waste from 2009 to 2011, reopened under new owners.",
                 "Banks still hold bonds bought before the 2008-2009 crisis.",
                 "The fare rise was the biggest since a cut between March and May 2009.",
                 "Ticket sales were higher than in 2009."):
        assert not tells_earlier_year(news, day), news
    entries = summarize_timeline(_led(day, "The 2009-2011 drought left the farmers of Orlaith valley without water.",
                                      ("The valley's council voted to build a new reservoir near the farms.",
                                       "Its council approved a reservoir for the valley's farms after a vote.",
                                       "Council members voted for a reservoir to serve the valley's farms.")), None, 2)
    assert entries and not any("drought" in e.text for e in entries), [e.text for e in entries]


def test_an_exclamation_outside_quotation_marks_is_no_event_of_the_day() -> None:
    from storyline.consolidate.timeline_rank import _usable

    assert not _usable("Readers, start planning your summer moves today!")
    assert not _usable("Seventy minutes of sleep since Monday morning!")
    assert _usable("“We won the title on Monday!” said Smith, the team's captain.")


def test_a_lead_dated_by_years_counted_back_is_background_as_a_year_written() -> None:
    """"That was five years ago, ...": a year counted back from the paper's day dates the lead as a
    written year does; a demonstrative "That" opens no relative clause; a clause's own "ago" in a
    relative clause or a comparison still leaves the lead the paper's news."""
    from storyline.consolidate.timeline_rank import summarize_timeline, tells_earlier_year

    day = date(2011, 3, 14)
    for background in ("That was five years ago, long before the Brindlemoor clinic opened its doors.",
                       "Ten years ago this week, the Tarnby plant dumped its waste into the river.",
                       "That was in 2006, when the Tarnby plant opened."):
        assert tells_earlier_year(background, day), background
    for news in ("Marta Quill, who founded the Brindlemoor clinic five years ago, resigned on Monday.",
                 "Ticket sales were higher than a decade ago.", "Two months ago the Tarnby plant closed."):
        assert not tells_earlier_year(news, day), news
    entries = summarize_timeline(_led(day, "That was five years ago, long before the Brindlemoor clinic opened its doors.",
                                      ("The clinic's board voted to hire four nurses on Monday.",
                                       "Its board approved four new nurses for the clinic on Monday.",
                                       "On Monday the board voted for four more nurses at the clinic.")), None, 2)
    assert entries and not any("five years ago" in e.text for e in entries), [e.text for e in entries]


def test_years_counted_back_as_a_measure_leave_the_lead_the_papers_news() -> None:
    """"compared with five years ago", "the level of a decade ago": the time measures today's figure, as
    "compared with 2006" does."""
    from storyline.consolidate.timeline_rank import tells_earlier_year

    day = date(2011, 3, 14)
    for news in ("Ferry fares are up 40 percent compared with five years ago.",
                 "Ferry fares are now double the level of a decade ago."):
        assert not tells_earlier_year(news, day), news
    assert tells_earlier_year("That was five years ago, before the Tarnby ferry sank.", day)
    # a long sentence: what precedes each time is read near it, so it is read in linear time
    assert tells_earlier_year("That was five years ago " * 2000, day)


def test_a_time_in_a_participle_phrase_dates_the_noun_not_the_sentence() -> None:
    """"The man, convicted in 2009 of fraud, was arrested": the year tells what the man went through; the
    lead is its paper's news (a day in such a phrase still makes its sentence a candidate of that day: "That
    resolution, approved on March 17, created a no-fly zone" tells of March 17)."""
    from storyline.consolidate.timeline_rank import in_participle_phrase, tells_earlier_year

    day = date(2011, 3, 10)  # a Thursday
    for news in ("Oskar Brandvold, convicted in 2009 of fraud, was arrested in Tarnby.",
                 "The Tarnby bridge, damaged by a storm in 2008, reopened to traffic.",
                 "Founded in 1998 by two brothers, the Brindlemoor mill closed its doors."):
        assert not tells_earlier_year(news, day), news
    assert tells_earlier_year("Oskar Brandvold was convicted in 2009 of fraud in Tarnby.", day)
    text = "A ferry carrying 300 people, hit by a wave on Tuesday, sank off Tarnby on Wednesday."
    assert in_participle_phrase(text, 0, text.index("Tuesday"), text.index("Tuesday") + 7)
    # a verb of the clause with its object, or a phrase the sentence ends on, is no such phrase
    for own in ("The storm hit Tarnby, killed 20 people on Tuesday, and moved north.",
                "Jadallah Azous, a former minister, appealed for talks on Tuesday, in a sign of change."):
        at = own.index("Tuesday")
        assert not in_participle_phrase(own, 0, at, at + 7), own
    # a series of the subject's verbs, and a participle of the report itself, date the sentence's event
    for own in ("Ferry fares climbed in Tarnby on Monday, peaked on Tuesday, then fell.",
                "Talks on the Tarnby pier stalled, resumed on Tuesday, officials said.",
                "Asked on Tuesday about the pier sold in 2009, Oskar Brandvold said it would stay open."):
        at = own.index("Tuesday")
        assert not in_participle_phrase(own, 0, at, at + 7), own


def test_a_time_in_a_participle_phrase_without_commas_dates_the_noun() -> None:
    """"The driver arrested on Monday appeared in court on Wednesday": Monday is the driver's arrest, the
    sentence tells Wednesday's hearing; a clause's own verb, a verb of saying and a relative clause are no
    such phrase."""
    import storyline
    from storyline.consolidate.timeline_rank import in_participle_phrase

    for text, when in (("The driver arrested on Monday appeared in court in Tarnby on Wednesday.", "Monday"),
                       ("Police said the man arrested on Tuesday in Tarnby was a local farmer.", "Tuesday"),
                       ("Two men injured in the blast on Sunday remain in hospital.", "Sunday"),
                       ("The Brindlemoor mill built in 1998 closed its doors.", "1998")):
        at = text.index(when)
        assert in_participle_phrase(text, 0, at, at + len(when)), text
    for text, when in (("The driver arrested on Monday appeared in court on Wednesday.", "Wednesday"),
                       ("The plan was approved on Monday and will take effect on Friday.", "Monday"),
                       ("The company announced on Monday profits were lower than it hoped.", "Monday"),
                       ("The council approved on Tuesday plans for a new pier.", "Tuesday"),
                       ("The council published on Tuesday revised plans for a new pier.", "Tuesday"),
                       ("The storm that hit Tarnby on Tuesday moved north on Wednesday.", "Tuesday"),
                       ("The minister resigned on Monday after the vote.", "Monday")):
        at = text.index(when)
        assert not in_participle_phrase(text, 0, at, at + len(when)), text
    a = storyline.Article(id="a", text="The driver arrested on Monday appeared in court in Tarnby on Wednesday.",
                          published=date(2011, 3, 10), source="A")
    assert [e.date for e in storyline.timeline([a])] == ["2011-03-09"]
    b = storyline.Article(id="b", text="Police questioned the driver arrested on Monday.",
                          published=date(2011, 3, 10), source="B")
    assert [e.date for e in storyline.timeline([b])] == ["2011-03-07"]   # no other date: the sentence's day


def test_a_time_in_a_participle_phrase_dates_no_entry_of_a_full_timeline() -> None:
    import storyline

    a = storyline.Article(id="a", text="The Brindlemoor mill, opened in 1998 by two brothers, closed its doors. "
                                       "Oskar Brandvold, convicted in 2009 of fraud, was arrested on Monday in Tarnby.",
                          published=date(2011, 3, 10), source="A")
    got = [(e.date, e.text[:20]) for e in storyline.timeline([a])]
    assert got == [("2011-03-07", "Oskar Brandvold, con")], got
    # a day in such a phrase of a sentence with no other date is the sentence's day
    b = storyline.Article(id="b", text="Firefighters, called to the Brindlemoor mill on Monday, found two bodies inside.",
                          published=date(2011, 3, 10), source="B")
    assert [e.date for e in storyline.timeline([b])] == ["2011-03-07"]


def test_a_day_shows_a_sentence_that_reads_on_its_own_before_one_that_leans_on_the_sentence_before() -> None:
    """"However, the crews were safe.", "These boats ...": out of its article such a sentence reads wrong; a day that has a
    sentence reading on its own shows that one, however central the leaning one; a day with nothing else still shows it."""
    from storyline.consolidate.timeline_rank import leans_on_context, summarize_timeline

    assert leans_on_context("However, the ferry crews of Brindlemoor were safe, the harbour master said.")
    assert leans_on_context("These boats were built for the Orlaith river.")
    assert not leans_on_context("The ferry crews of Brindlemoor were safe, the harbour master said.")
    day = date(2011, 3, 14)
    leaning = "However, the ferry crews of Brindlemoor were safe after the storm, the harbour master said."
    entries = summarize_timeline(_led(day, leaning, (
        "The storm sank two ferries in Brindlemoor harbour, but the ferry crews were safe.",
        "The ferry crews of Brindlemoor were safe after the storm.",
        "Two ferries sank in the storm at Brindlemoor, the harbour master said.")), None, 1)
    assert [e.text for e in entries] and not any(e.text.startswith("However") for e in entries), [
        e.text for e in entries]
    alone = summarize_timeline([_art(0, day, leaning)], None, 1)
    assert [e.text for e in alone] == [leaning]
