"""Inferred publication dates, the merged story timeline, and explicit dates for relative ones."""

from __future__ import annotations

from datetime import date

import storyline
from storyline import Article
from storyline.analyze.dct import infer_dct, with_inferred_dates
from storyline.analyze.timex import tag_timexes, value_to_date
from storyline.consolidate.timeline import explicit_dates, explicit_span, format_value

# --- DCT inference ---------------------------------------------------------------------------------


def _by_name(articles):
    return {a.meta["path"].rsplit("/", 1)[-1][:3]: a for a in articles}


def test_seed_001_gets_2019_01_08_from_its_story(seed_articles):
    seeds = _by_name(seed_articles)
    assert seeds["001"].published is None
    assert infer_dct(seeds["001"], [seeds["000"], seeds["003"]]) == date(2019, 1, 8)
    # one other article is enough to give the year; the weekday and "Jan. 7-10" give the day
    assert infer_dct(seeds["001"], [seeds["000"]]) == date(2019, 1, 8)
    dated = _by_name(with_inferred_dates(seed_articles))
    assert dated["001"].published == date(2019, 1, 8) and dated["001"].published_inferred
    assert not dated["000"].published_inferred and dated["000"].published == date(2019, 1, 10)


def test_infer_from_own_dates_needs_a_weekday_tied_to_them():
    tied = Article(text="A fire broke out at the mill on Saturday, Oct. 23, 1999. Officials said on Saturday the "
                        "damage was severe, and on Sunday they reopened the road.")
    # Saturday is Oct. 23, 1999; Sunday the day after, the latest day reported
    assert infer_dct(tied) == date(1999, 10, 24)
    loose = Article(text="The minister said on Monday that the strike, which began on March 3, 2021, is over.")
    # no weekday lands on a day the article names: its dates alone do not date it
    assert infer_dct(loose) is None
    # a weekday of the news that lands on a date of its history by chance (July 22, 2016 was a
    # Friday) dates nothing: only a date written with its weekday ties
    chance = Article(text="The committee filed a lawsuit on Friday against the campaign. WikiLeaks published the "
                          "first stolen emails on July 22, 2016. The campaign answered on Friday.")
    assert infer_dct(chance) is None


def test_inferred_date_makes_the_reported_days_most_recent():
    undated = Article(text="The plant closed on Monday. Inspectors arrived on Tuesday, and the leak was sealed "
                           "early on Wednesday. The road will reopen on Thursday.")
    other = Article(text="A leak closed the plant.", published=date(2025, 3, 11))
    # Monday..Wednesday are past, Thursday is ahead: written on Wednesday, March 12
    assert infer_dct(undated, [other]) == date(2025, 3, 12)


def test_infer_needs_some_anchor():
    assert infer_dct(Article(text="Officials met on Tuesday to discuss the plan.")) is None
    assert with_inferred_dates([Article(text="No dates at all here.")])[0].published is None


def test_dated_article_keeps_its_date():
    a = Article(text="It rained Tuesday.", published=date(2020, 5, 1))
    assert infer_dct(a, [Article(text="x", published=date(1999, 1, 1))]) == date(2020, 5, 1)


def test_year_comes_from_the_story_and_day_from_the_weekday():
    undated = Article(text="Protesters gathered on Saturday, June 4-6 being the planned days of action.")
    other = Article(text="Thousands marched.", published=date(2022, 6, 5))
    # June 4, 2022 was a Saturday
    assert infer_dct(undated, [other]) == date(2022, 6, 4)


# --- timeline --------------------------------------------------------------------------------------

def test_timeline_of_the_seed_story(seed_articles):
    entries = storyline.timeline(seed_articles)
    dates = [e.date for e in entries]
    starts = [value_to_date(d) for d in dates]
    assert None not in starts and starts == sorted(starts)  # oldest first
    assert {"1953", "2018-06", "2018-06-19", "2019-01-07", "2019-01-08", "2019-01-10"} <= set(dates)
    assert "2019-01-07/2019-01-10" in dates  # 001's "Jan. 7-10", a range
    ids = {a.id for a in seed_articles}
    texts = {a.id: a.text for a in seed_articles}
    for e in entries:
        assert e.granularity in ("day", "month", "year")
        assert e.citations and e.text
        for c in e.citations:
            assert c.article_id in ids and texts[c.article_id][c.start:c.end].strip()
    # the arrival on Tuesday is told by 001 (only through its inferred date) and 003
    seeds = _by_name(seed_articles)
    jan8 = [e for e in entries if e.date == "2019-01-08"]
    assert {c.article_id for e in jan8 for c in e.citations} == {seeds["001"].id, seeds["003"].id}
    # the Singapore summit "last June" is one event cited by both articles that mention it
    june = [e for e in entries if e.date == "2018-06"]
    assert len(june) == 1 and len({c.article_id for c in june[0].citations}) == 2
    assert june[0].granularity == "month"


def test_timeline_merges_the_same_event_and_keeps_different_ones():
    a = Article(text="The bridge collapsed on Monday, killing four people. Rescue teams arrived on Tuesday.",
                published=date(2023, 3, 15), source="A")
    b = Article(text="Four people died when the bridge collapsed Monday.", published=date(2023, 3, 14), source="B")
    c = Article(text="The mayor resigned on Monday over an unrelated budget scandal.",
                published=date(2023, 3, 14), source="C")
    entries = storyline.timeline([a, b, c])
    monday = [e for e in entries if e.date == "2023-03-13"]
    assert len(monday) == 2
    collapse = next(e for e in monday if "bridge" in e.text)
    assert {x.article_id for x in collapse.citations} == {a.id, b.id}
    assert [e.date for e in entries] == ["2023-03-13", "2023-03-13", "2023-03-14"]


def test_a_clause_is_listed_once_under_its_newest_date():
    a = Article(text="The council voted on Tuesday to reopen the Weir bridge, which had been closed since March 2022. "
                     "The bridge first opened in 1931.", published=date(2024, 9, 4), source="A")
    entries = storyline.timeline([a])
    assert [(e.date, e.text.split()[1]) for e in entries] == [("1931", "bridge"), ("2024-09-03", "council")]


def test_a_clause_a_written_day_opens_is_listed_under_it_not_under_a_later_weekday():
    """"On March 3, the eve of the first of the new Friday markets, the baker vanished" is March 3's:
    the day that opens the clause dates its verb; the Friday nearer the article's date names the
    markets. Where the written day does not open the clause (a background "that began on March 3",
    a stamp, a plan) the nearest day is still the clause's news."""
    def dates(text: str, published: date) -> list[str]:
        return [e.date for e in storyline.timeline([Article(text=text, published=published, source="A")])]

    assert dates("On March 3, the eve of the first of the new Friday markets, the baker vanished from "
                 "the square.", date(2024, 3, 14)) == ["2024-03-03"]
    assert dates("On Saturday, May 11, 2024, riots broke out in the port over a killing by police eight "
                 "days ago.", date(2024, 5, 20)) == ["2024-05-11"]
    assert dates("The mayor said on Monday that the strike, which began on March 3, was over.",
                 date(2024, 3, 14)) == ["2024-03-11"]
    assert dates("On Dec. 15 voters will choose a new council, the board said on Monday.", date(2023, 12, 6)) \
        == ["2023-12-04"]


def test_a_weekday_in_a_sentence_a_written_day_opens_dates_no_sentence_of_a_summarised_timeline() -> None:
    from storyline.consolidate.timeline_rank import day_mentions

    text = ("On March 3, the eve of the first of the new Friday markets, the baker vanished from the square. "
            "The mayor said on Monday that the strike, which began on March 2, was over. "
            "Thursday, March 14, 2024; 9:30 AM The council met on Wednesday.")
    spans, days, naming = day_mentions(text, date(2024, 3, 14))
    # the Friday (March 8) still weighs as a day, but the first sentence is March 3's; a background
    # "which began on March 2" and a page's stamp leave the weekday its sentence
    assert {(i, d.isoformat()) for i, d in days if (i, d) not in naming} == {
        (0, "2024-03-03"), (1, "2024-03-11"), (1, "2024-03-02"), (2, "2024-03-14"), (2, "2024-03-13")}
    assert (0, date(2024, 3, 8)) in days


def test_a_timeline_entry_does_not_open_with_the_sentence_befores_closing_quote():
    a = Article(text="The coach said, ``We will be back.'' That was in 1998, before the club folded.",
                published=date(2024, 9, 4), source="A")
    (entry,) = storyline.timeline([a])
    assert entry.date == "1998" and entry.text.startswith("That was in 1998")


def test_a_dateline_alone_is_no_timeline_entry_and_a_spelt_out_day_gets_no_note():
    a = Article(text="Friday, July 6, 2007\n\nThe race starts in London on the 7th of July, the organisers said on "
                     "Friday.", published=date(2007, 7, 6), source="A")
    entries = storyline.timeline([a])
    assert [e.text.split()[0] for e in entries] == ["The"]
    shown = explicit_dates("The race starts on the 7th of July, they said on Friday.",
                           tag_timexes("The race starts on the 7th of July, they said on Friday.", date(2007, 7, 6)))
    assert shown == "The race starts on the 7th of July, they said on Friday (July 6, 2007)."


def test_a_tokenized_possessive_day_is_noted_after_its_s():
    t = "Thousands died in Tuesday 's earthquake in Haiti ."
    assert explicit_dates(t, tag_timexes(t, date(2010, 1, 14))) == (
        "Thousands died in Tuesday 's (Jan. 12, 2010) earthquake in Haiti .")


def test_timeline_survives_bad_articles():
    assert storyline.timeline([]) == []
    assert storyline.timeline([Article(text="")]) == []


def test_brief_carries_the_timeline_and_inferred_dates(seed_articles):
    b = storyline.brief(seed_articles)
    assert b.timeline and all(e.citations for e in b.timeline)
    info = {a["id"]: a for a in b.articles}
    inferred = [a for a in info.values() if a["published_inferred"]]
    assert len(inferred) == 1 and inferred[0]["published"] == "2019-01-08"


# --- explicit dates -------------------------------------------------------------------------------

def test_explicit_dates_writes_out_relative_ones():
    text = "Kim arrived Tuesday and met Xi, who visited Singapore last June."
    txs = tag_timexes(text, date(2019, 1, 9))
    assert explicit_dates(text, txs) == ("Kim arrived Tuesday (Jan. 8, 2019) and met Xi, who visited Singapore "
                                         "last June (June 2018).")


def test_explicit_dates_gives_a_bare_month_its_year():
    text = "In May, the government proposed equal treatment; the list has grown since November."
    txs = tag_timexes(text, date(1998, 12, 2))
    assert explicit_dates(text, txs) == ("In May 1998, the government proposed equal treatment; the list has "
                                         "grown since November 1998.")


def test_explicit_dates_leaves_absolute_ones_and_uses_offsets():
    article = "Intro. On Jan. 8, 2019 Kim arrived; he left Thursday's meeting early."
    txs = tag_timexes(article, date(2019, 1, 11))
    start = article.index("On ")
    sent = article[start:]
    assert explicit_dates(sent, txs, offset=start) == (
        "On Jan. 8, 2019 Kim arrived; he left Thursday's (Jan. 10, 2019) meeting early.")


def test_explicit_span_uses_the_inferred_date(seed_articles):
    a = _by_name(with_inferred_dates(seed_articles))["001"]
    start = a.text.index("North Korean Leader Kim Jong Un arrived")
    end = a.text.index(".", start) + 1
    assert explicit_span(a, start, end) == ("North Korean Leader Kim Jong Un arrived in Beijing Tuesday "
                                           "(Jan. 8, 2019) for his fourth visit to China in a year.")


def test_format_value():
    assert format_value("2019-01-08") == "Jan. 8, 2019"
    assert format_value("2019-01-08TMO") == "Jan. 8, 2019"
    assert format_value("2018-06") == "June 2018"
    assert format_value("1953") == "1953"
    assert format_value("PRESENT_REF") is None and format_value("P3Y") is None


def test_a_possessive_date_does_not_date_the_sentence_and_cut_clauses_say_so() -> None:
    a = Article(id="a", published=date(2025, 3, 14), text=(
        "Shares in the rail operator fell 9 percent on Friday as investors weighed the cost of Monday's derailment. "
        "The year began with strikes at the port, saw the rail operator's new chief take office in the spring after "
        "a long search by the board of directors and its shareholders, and the opening of a second freight terminal "
        "in Dunmore in 2024, which the company said would double its capacity within five years of operation."))
    entries = storyline.timeline([a])
    shares = [e for e in entries if e.text.startswith("Shares")]
    assert [e.date for e in shares] == ["2025-03-14"]            # Friday, not Monday's derailment
    cut = [e for e in entries if e.date == "2024"]
    assert cut and all(e.text.startswith("…") or e.text.endswith("…") for e in cut)


def test_a_day_after_a_possessive_names_the_event_not_the_sentences_day() -> None:
    from storyline.consolidate.timeline_rank import names_another_event

    text = "Ivan Dorn on Tuesday became the first candidate approved for Ruritania's June 27 presidential election."
    got = {t.text: names_another_event(text, t) for t in storyline.tag_timexes(text, date(2031, 4, 15))}
    assert got == {"Tuesday": False, "June 27": True}
    for text in ("Delegates arrived for its June 27 congress.", "Delegates arrived for the party's June 27 congress."):
        assert [names_another_event(text, t) for t in storyline.tag_timexes(text, date(2031, 4, 15))] == [True]
    for text in ("Voters go to the polls on June 27 in Ruritania.", "It's June 27 already and nothing is done.",
                 "Kenya's June 7 embassy bombing killed 213 people.", "Police arrested her June 3 outside her home."):
        assert [names_another_event(text, t) for t in storyline.tag_timexes(text, date(2031, 4, 15))] == [False]


def test_a_day_that_names_an_event_and_a_present_today_date_no_sentence() -> None:
    from storyline.consolidate.timeline_rank import day_mentions

    text = ("DAR ES SALAAM, Tanzania (AP) _ Investigators in the Aug. 7 bombing of the embassy said Saturday they "
            "had made ``great strides.''\n\nThe bombing on Aug. 7 killed 11 people. Our society today is in danger, "
            "the judge said.")
    spans, days, naming = day_mentions(text, date(1998, 9, 5))
    by_sentence = {text[spans[i][0]:spans[i][1]].split()[0]: d.isoformat() for i, d in days if (i, d) not in naming}
    # the brief's timeline reads these days: the investigators spoke on Saturday, the bombing was on
    # Aug. 7, and "our society today" is no day's news (the days only named still weigh as days)
    assert by_sentence == {"DAR": "1998-09-05", "The": "1998-08-07"}, by_sentence
    assert {d.isoformat() for _, d in days} == {"1998-08-07", "1998-09-05"}


def test_events_with_other_numbers_stay_apart() -> None:
    a = Article(id="a", published=date(2025, 3, 11), text="Fourteen cars of the freight train derailed near Tarrow "
                                                          "on Monday, the fire service said.")
    b = Article(id="b", published=date(2025, 3, 12), text="Twelve cars of the freight train derailed near Tarrow "
                                                          "on Monday, the safety agency said.")
    monday = [e for e in storyline.timeline([a, b]) if e.date == "2025-03-10"]
    assert len(monday) == 2 and all(len(e.citations) == 1 for e in monday)


def test_a_page_stamp_dates_no_event_and_is_not_shown() -> None:
    import storyline

    a = storyline.Article(id="p1", published=date(2031, 9, 13), source="Web", text=(
        "Page last updated at 09:14 GMT, Tuesday, 13 September 2031 10:14 UK (an error occurred while "
        "processing this directive) Jamie Ortega will host the tribute concert in Cardiff next month.\n\n"
        "The concert was first planned for June 2030, organisers said."))
    entries = storyline.timeline([a])
    assert [(e.date, e.text) for e in entries] == [
        ("2030-06", "The concert was first planned for June 2030, organisers said."),
        ("2031-10", "Jamie Ortega will host the tribute concert in Cardiff next month.")]


def test_a_comment_threads_time_stamps_are_no_events() -> None:
    import storyline

    a = storyline.Article(id="c1", published=date(2031, 2, 1), source="Web", text=(
        "The council approved the new bridge on January 28, 2031.\n\n"
        "January 30, 2031 at 10:18 am | Report abuse | Nobody asked the residents."))
    assert [e.date for e in storyline.timeline([a])] == ["2031-01-28"]


def test_a_forecast_dates_no_event_but_a_scheduled_closure_does() -> None:
    from datetime import date

    import storyline

    texts = ["Flood waters rose across the valley on Monday. Forecasters expect more rain on Wednesday, "
             "which could push the river higher.",
             "Heavy rain fell on Monday. More rain on Wednesday could raise the river again. "
             "Westford schools will stay closed until Friday, the council said."]
    arts = [storyline.Article(id=f"t{i}", published=date(2031, 3, 3), text=t) for i, t in enumerate(texts)]
    days = {e.date for e in storyline.timeline(arts)}
    assert "2031-03-05" not in days and "2031-02-26" not in days  # neither the coming nor the last Wednesday
    assert {"2031-03-03", "2031-03-07"} <= days


def test_a_summarized_timeline_shows_no_page_furniture() -> None:
    from datetime import date

    import storyline

    arts = [storyline.Article(id=f"r{i}", published=date(2031, 5, 2 + i % 3), text=(
        "Rescue teams reached the flooded villages on May 1 after the river burst its banks. "
        f"6:28 pm ET May 1 , 2031 RETWEET Mayor to attend the state dinner as guest number {i} - wp . "
        "The army flew in food and tents on May 2 for the families who lost their homes.")) for i in range(8)]
    entries = storyline.timeline(arts, max_dates=3, per_date=2)
    assert entries and not [e for e in entries if "RETWEET" in e.text]


def test_a_holiday_that_qualifies_a_noun_dates_nothing() -> None:
    from storyline.analyze.timex import tag_timexes
    from storyline.consolidate.timeline import dated_events, explicit_dates

    dct = date(1998, 10, 30)
    t = "A fire turned a dance hall jammed with teen-age Halloween revelers into a deathtrap."
    assert explicit_dates(t, tag_timexes(t, dct)) == t            # no "(Oct. 31, 1998)" after "Halloween"
    assert dated_events(Article(id="a", text=t, published=dct)) == []
    t = "The fire broke out on Halloween night."
    assert explicit_dates(t, tag_timexes(t, dct)) == "The fire broke out on Halloween (Oct. 31, 1998) night."
    assert [e.date for e in dated_events(Article(id="b", text=t, published=dct))] == ["1998-10-31"]


def test_an_event_told_twice_is_shown_in_the_words_that_read_alone() -> None:
    from storyline.consolidate.timeline import timeline

    a = Article(id="a", source="one", published=date(2024, 3, 6),
                text="The mayor of Marlow opened the new toll bridge over the river on Monday. It cost 40 million.")
    b = Article(id="b", source="two", published=date(2024, 3, 6),
                text="Crowds gathered by the river. He opened the new toll bridge on Monday.")
    entries = [e for e in timeline([b, a]) if e.date == "2024-03-04"]
    assert len(entries) == 1 and len({c.article_id for c in entries[0].citations}) == 2
    assert entries[0].text.startswith("The mayor of Marlow opened the new toll bridge"), entries[0].text


def test_a_page_update_stamp_dates_no_event_and_leaves_the_entry() -> None:
    from storyline import Article, timeline

    page = Article(title="Libya", published="2011-02-21", text=(
        "219 people are dead, according to medical sources.\n"
        "(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET): Libya's army has been told to restore "
        "security at any price, state TV said on Sunday.\n"
        "TIMELINE: Six remarkable days in Libya -LRB- Updated : 1:19 a.m. Monday , Libya -RRB- : The son of "
        "Moammar Gadhafi warned on Sunday of civil war."))
    entries = [(e.date, e.text) for e in timeline([page])]
    assert ("2011-02-20", "Libya's army has been told to restore security at any price, state TV said on Sunday.") \
        in entries
    assert any(d == "2011-02-20" and t.startswith("The son of Moammar Gadhafi") for d, t in entries)
    assert not any(d == "2011-02-21" or "Updated" in t for d, t in entries)
    # a long story's summarised timeline shows its entries without the stamp or an agency's mark too
    wire = Article(title="Libya", published="2011-02-16", text=(
        "-LRB- CNN -RRB- -- Unprecedented demonstrations spread on Wednesday to Libya , where police clashed "
        "with protesters in Benghazi .\nSeveral people were arrested in Benghazi on Wednesday ."))
    summarised = timeline([page, wire], max_dates=4, per_date=2)
    assert summarised and not any("Updated" in e.text or "CNN" in e.text[:12] for e in summarised), summarised


def test_a_follow_up_weeks_later_naming_the_same_weekday_dates_the_same_event() -> None:
    from storyline import Article, timeline

    arts = [Article(id="a", title="q", published="2031-01-15",
                    text="A magnitude 7.0 earthquake struck Kestrel on Tuesday, destroying much of its capital."),
            Article(id="b", title="q2", published="2031-01-16",
                    text="The magnitude 7.0 earthquake that struck Kestrel on Tuesday destroyed much of the capital."),
            Article(id="c", title="q3", published="2031-01-23",
                    text="A week after the magnitude 7.0 earthquake struck Kestrel on Tuesday, aid is arriving."),
            Article(id="d", title="q4", published="2031-01-23",
                    text="Rescuers pulled a girl from the rubble on Tuesday, officials said.")]
    by_date = {e.date: {c.article_id for c in e.citations} for e in timeline(arts)}
    # the follow-up's "Tuesday" is the quake's, told the week before; a new event of its own week stays
    assert by_date["2031-01-14"] == {"a", "b", "c"}
    assert by_date["2031-01-21"] == {"d"}


def test_a_summarised_timeline_takes_no_photo_caption() -> None:
    from storyline import Article, timeline

    arts = [Article(id=f"a{k}", title="t", published="2031-02-14", text=(
        "Protesters marched through the capital on Monday to demand the minister's resignation. "
        "Garbage containers are seen burning as protesters stage a demonstration on February 14, 2031. "
        "Police said 40 people were arrested on Monday after the march."))
            for k in range(3)]
    texts = [e.text for e in timeline(arts, max_dates=3, per_date=3)]
    assert texts and not any("are seen burning" in t for t in texts), texts


def test_a_wire_photo_caption_tells_what_it_shows_on_its_day() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2031-01-09", text=(
        "In this June 19, 2030, file photo provided by the state news agency, President Ada Lind, right, "
        "shakes hands with Premier Tomas Reyl during a welcome ceremony in Halden. "
        "Reyl arrived in Halden on Tuesday for his fourth visit in a year. "
        "The two leaders first met in June 2030, officials said."))
    got = {e.date: e.text for e in timeline([a])}
    assert "2031-01-07" in got and "2030-06" in got, got
    # the photo's day is the day of what it shows, told without the caption's lead-in and where who stands
    assert got["2030-06-19"].startswith("President Ada Lind shakes hands with Premier Tomas Reyl during"), got



def test_two_days_written_as_a_span_are_one_entry_over_the_span() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2031-07-25", text=(
        "The rider told his team that he was in Mexico from June 4 through June 26. "
        "The festival ran between March 3 and March 9, organisers said. "
        "Statements were filed on June 4 and June 26."))
    got = {(e.date, e.text.split()[1]) for e in timeline([a])}
    assert ("2031-06-04/2031-06-26", "rider") in got and ("2031-03-03/2031-03-09", "festival") in got
    # two days listed with "and", without "between", are two days
    assert not any(d.startswith("2031-06-04/") and w == "were" for d, w in got)


def test_a_record_held_since_a_date_is_no_event_of_that_date() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2031-11-29", text=(
        "The government collapsed on Wednesday after losing a confidence vote. "
        "It was the fourth government to collapse since 2027. "
        "Turnout was the lowest since early 2029. The island has been divided since 1974."))
    dates = {e.date for e in timeline([a])}
    assert "2031-11-26" in dates
    assert not {"2027", "2029"} & dates, dates
    assert "1974" in dates  # the start of a state that still holds is an event


def test_a_month_or_year_of_a_closing_aside_does_not_date_the_present_news_before_it() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2031-11-12", text=(
        "The frigate Varna seized two skiffs off Halden on Thursday. "
        "This is the fifth such operation of her patrol in the strait, which commenced in September. "
        "It is the third rescue by a patrol that began in August, the navy said. "
        "\"We will find them,\" said Governor Ada Lind, who has struggled to keep order since being elected in 2029. "
        "The worst raid was that of the trawler Osk, which was sunk off Halden in 2030."))
    dates = {e.date for e in timeline([a])}
    assert "2031-11-06" in dates
    assert not {"2031-09", "2031-08", "2029"} & dates, dates
    assert "2030" in dates  # a main clause in the past tells of the aside's time


def test_a_count_since_a_date_far_after_its_ordinal_is_no_event_of_that_date() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2031-11-12", text=(
        "The frigate Varna seized two skiffs off Halden on Thursday. "
        "The raid was the fifth successful operation by the crew of the frigate during its current patrol mission "
        "in the Gulf of Halden since September this year."))
    assert "2031-09" not in {e.date for e in timeline([a])}


def test_an_event_told_by_its_month_and_by_its_day_is_one_entry_on_the_day() -> None:
    from storyline import Article, timeline

    arts = [Article(id=f"a{k}", title="t", published="2030-11-03", source=f"s{k}", text=t) for k, t in enumerate([
        "Reyl was fired as deputy premier in September and arrested later that month.",
        "Prime Minister Ada Lind fired Reyl in September after accusing him of corruption.",
        "Reyl was suddenly fired by Lind on Sept. 2, the day after capital controls were imposed.",
        "The summit opens in Halden on Nov. 17. Three new members will join the group in November."])]
    entries = timeline(arts)
    fired = [e for e in entries if "fired" in e.text]
    assert len(fired) == 1 and fired[0].date == "2030-09-02", [(e.date, e.text) for e in entries]
    assert {c.article_id for c in fired[0].citations} == {"a0", "a1", "a2"}
    assert fired[0].text.startswith("Reyl was suddenly fired by Lind on Sept. 2")
    # another event of the month stays apart
    assert any(e.date == "2030-11" and "join" in e.text for e in entries)


def test_a_clock_time_does_not_cut_an_entry_at_its_colon() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2031-08-22", text=(
        "Brent crude for October delivery fell 84 cents on Sunday to settle at $108.36 a barrel by 4:46 pm "
        "in London as traders weighed the chance that Libyan exports would resume within weeks, while "
        "analysts at three banks said output would take a year or more to recover fully after the war."))
    texts = [e.text for e in timeline([a])]
    assert any("by 4:46 pm in London" in t for t in texts), texts


def test_a_small_story_of_too_many_events_gets_a_summarised_timeline() -> None:
    from storyline import Article, timeline
    from storyline.consolidate.timeline import MAX_EVERY

    # one background piece that dates a hundred past years, and two reports of the event
    years = " ".join(f"The club won the regional cup in {y}." for y in range(1901, 2001))
    arts = [Article(id="bg", title="t", published="2031-05-04", source="s0", text=years),
            *(Article(id=f"r{k}", title="t", published="2031-05-04", source=f"s{k + 1}",
                      text="The stadium roof collapsed on Saturday, killing 12 fans. Rescuers worked through "
                           "Saturday night.") for k in range(2))]
    entries = timeline(arts)
    assert 0 < len(entries) <= MAX_EVERY // 2, len(entries)
    assert any(e.date == "2031-05-03" for e in entries)
    # a story of few events still lists every one
    assert len(timeline(arts[1:])) >= 1 and all(e.date.startswith("2031") for e in timeline(arts[1:]))


def test_a_forecast_years_ahead_is_no_event() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2031-08-25", text=(
        "Rebels took the capital on Sunday. Ten years from now the country will be discussing a new "
        "constitution, one analyst said, and its oil contracts are in force to 2062. "
        "Elections are planned for next June."))
    dates = {e.date for e in timeline([a])}
    assert "2031-08-24" in dates and "2032-06" in dates, dates  # a plan within the year stays
    assert not {"2041", "2062"} & dates, dates


def test_today_as_the_present_of_a_comparison_is_no_event() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2031-06-09", text=(
        "Carbon levels were greater in the last interglacial period than they are today. "
        "The country today is a lot more open than it was. Polls suggest that if an election were held today, "
        "the party would win. The minister resigned today."))
    texts = [e.text for e in timeline([a])]
    assert texts == ["The minister resigned today."], texts
    # nor does a summary sentence write a date after such a "today"
    from storyline.consolidate.timeline import explicit_span

    assert explicit_span(a, 0, len(a.text)) == a.text.replace("resigned today.", "resigned today (June 9, 2031).")


def test_today_as_the_subject_or_of_a_possessive_is_the_day() -> None:
    # one rule reads "today" as the present (``today_as_the_present``, the tagger's): "Today is a sad day", "and today
    # is the happiest day" tell of the day itself, "the organisers of today's parade" of the day's parade; the present
    # stays no day ("Norway today is richer", "Today, the levy is 12 percent": the tagger's PRESENT_REF)
    from storyline import timeline
    from storyline.analyze.timex import today_as_the_present

    def reading(text: str) -> str | None:
        i = text.lower().index("today")
        return today_as_the_present(text, i, i + 5)

    assert reading("Today is a sad day for the valley, the mayor said.") is None
    assert reading("Yesterday was grim and today is the happiest day for us, she said.") is None
    assert reading("Police arrested the organisers of today's parade in Tarrow.") is None
    assert reading("Norway today is a lot richer than it was.") == "aside"
    assert reading("Rents are higher than they are today.") == "aside"
    assert reading("Today, the levy is 12 percent.") == "state"
    a = Article(id="a", title="t", published="2031-06-09", text=(
        "Today is the first day of the ferry strike in Tarrow, the union said. Norway today is a lot richer than it was."))
    assert [(e.date, e.text) for e in timeline([a])] == [
        ("2031-06-09", "Today is the first day of the ferry strike in Tarrow, the union said.")]


def test_a_small_storys_background_is_kept_short_and_its_own_days_whole() -> None:
    from storyline import Article, timeline
    from storyline.consolidate.timeline import MAX_BACKGROUND

    # a profile recalls ten past seasons; the two reports tell the story's own days
    past = " ".join(f"The club won the regional cup in {y}." for y in range(1991, 2001))
    arts = [Article(id="bg", title="t", published="2031-05-04", source="s0", text=past),
            Article(id="r1", title="t", published="2031-05-04", source="s1",
                    text="The stadium roof collapsed on Saturday, killing 12 fans. The club cancelled Sunday's "
                         "match on Friday. The club won the regional cup in 1998, its fans recalled."),
            Article(id="r2", title="t", published="2031-05-05", source="s2",
                    text="Investigators arrived at the stadium on Sunday. The club won the regional cup in 1998.")]
    entries = timeline(arts)
    background = [e for e in entries if e.date < "2031"]
    assert len(background) == MAX_BACKGROUND
    assert "1998" in {e.date for e in background}          # the past event most articles recall stays
    assert {"2031-05-02", "2031-05-03", "2031-05-04"} <= {e.date for e in entries}


def test_an_undated_storys_background_is_kept_short_and_reads_on_its_own() -> None:
    """No article of the story has a date: it is taken to happen around the latest date its
    articles name, and of its past the entries that read on their own are kept first ("It
    happened in 1990." points back to a sentence the timeline does not show)."""
    from storyline import Article, timeline
    from storyline.consolidate.timeline import MAX_BACKGROUND

    past = " ".join(f"The club won the regional cup in {y}." for y in range(1991, 2001))
    arts = [Article(id="bg", title="t", source="s0", text=past + " It happened in 1990."),
            Article(id="r1", title="t", source="s1",
                    text="The club will play the final on May 4, 2031. It happened in 1990, too."),
            Article(id="r2", title="t", source="s2",
                    text="Tickets for the final on May 4, 2031 sold out. The club won the regional cup in 1998.")]
    assert all(a.published is None for a in arts)
    entries = timeline(arts)
    background = [e for e in entries if e.date < "2031"]
    assert len(background) == MAX_BACKGROUND
    assert "1990" not in {e.date for e in background}
    assert "1998" in {e.date for e in background}
    assert "2031-05-04" in {e.date for e in entries}


def test_a_text_cut_off_mid_sentence_dates_no_event_with_its_last_words() -> None:
    from storyline import Article, timeline

    a = Article(id="a", published="2019-03-02", source="s",
                text="The couple married in 2010. Their home in Water Mill was sold in 2016. During a 2012")
    assert [e.date for e in timeline([a])] == ["2010", "2016"]


def test_the_day_a_past_state_ends_dates_no_event_but_a_put_off_event_keeps_its_day() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2024-09-10", text=(
        "Mayor Dan Whitfield declared a local emergency on Monday and asked residents to boil their water "
        "until Wednesday. The hearing was postponed until Friday, the court said."))
    got = {e.date: e.text for e in timeline([a])}
    assert set(got) == {"2024-09-09", "2024-09-13"}, got
    assert got["2024-09-09"].startswith("Mayor Dan Whitfield declared")


def test_the_end_of_a_past_state_through_a_date_dates_no_event() -> None:
    from storyline import Article, timeline

    a = Article(id="a", title="t", published="2024-09-10", text=(
        "The council closed the old bridge in March and kept the ferry running through June. "
        "The ferry will also run through Friday, the council said."))
    got = {e.date: e.text for e in timeline([a])}
    assert set(got) == {"2024-03", "2024-09-13"}, got  # (a state's announced end is its schedule)


def test_relative_days_of_a_wire_item_count_from_the_day_its_dateline_names() -> None:
    from storyline.analyze.dct import dateline_day

    a = Article(id="a", published=date(1997, 8, 28), title="t", text=(
        "OTTAWA, August 27 (Xinhua) -- Canada's unity minister sent a letter to the Quebec premier, which was "
        "published today. The premier will answer on Friday."))
    got = {e.text: e.date for e in storyline.timeline([a])}
    assert got == {"Canada's unity minister sent a letter to the Quebec premier, which was published today.": "1997-08-27",
                   "The premier will answer on Friday.": "1997-08-29"}, got
    # a dateline of the paper's own day, or of none, changes nothing; nor does one far from it
    assert dateline_day("PARIS, Aug. 28 (AFP) - The talks ended.", date(1997, 8, 28)) is None
    assert dateline_day("WASHINGTON _ The talks ended.", date(1997, 8, 28)) is None
    assert dateline_day("BEIJING, Dec. 31 (Xinhua) -- The talks ended.", date(1998, 1, 1)) == date(1997, 12, 31)
    assert dateline_day("BEIJING, March 3 (Xinhua) -- The talks ended.", date(1998, 1, 1)) is None


def test_a_day_that_is_the_subjects_own_and_a_wire_lead_keep_their_dates() -> None:
    a = Article(id="a", published=date(1998, 8, 30), text=(
        "NAIROBI, Kenya (AP) -- The Aug. 7 bombing of the U.S. Embassy killed 213 people and wounded 5,000. "
        "The FBI arrested two suspects on Friday."))
    assert {e.date for e in storyline.timeline([a])} == {"1998-08-07", "1998-08-28"}
    b = Article(id="b", published=date(1998, 8, 28), text=(
        "OTTAWA, August 27 (Xinhua) -- Canada announced new sanctions against Yugoslavia, the foreign ministry "
        "said. Foreign Minister Lloyd Axworthy had warned of sanctions on Monday."))
    got = {e.date: e.text for e in storyline.timeline([b])}
    assert got["1998-08-27"].startswith("Canada announced new sanctions")


def test_a_lead_about_last_week_is_no_news_of_its_papers_day() -> None:
    from storyline import Article, timeline

    day = date(1998, 10, 4)
    arts = [Article(id="a", published=day, text="At a shelter in Puerto Rico last week, Hillary Rodham Clinton spoke "
                                                 "of a grant to rebuild homes. Crews restored power to the capital on "
                                                 "Sunday, the utility said."),
            Article(id="b", published=day, text="Crews restored power to most of the capital on Sunday. The utility "
                                                 "said the last homes would have power by Tuesday.")]
    entries = timeline(arts, max_dates=3, per_date=3)
    assert entries and not any("last week" in e.text for e in entries if e.date == day.isoformat()), entries


def test_a_later_lead_sentence_about_last_week_is_no_news_of_its_papers_day() -> None:
    # a lead's sentence after the first that opens on an earlier week tells no news of the paper's day either (the
    # check had read only the text's first sentence)
    from storyline import Article, timeline

    day = date(2031, 7, 14)
    text = ("The harbour board of Dorn approved a new sea wall on Monday. Last week, a regional court rejected the "
            "fishermen's appeal against the old wall. The wall will cost 40 million euros.")
    entries = timeline([Article(id="a", published=day, text=text)], max_dates=2, per_date=3)
    assert entries and not any(e.text.startswith("Last week") for e in entries), entries


def test_a_year_that_names_a_brand_dates_no_sentence() -> None:
    from storyline import Article, timeline

    a = Article(id="a", published=date(2007, 9, 1), text="If they still support Beijing 2008, the island's team "
                "will march. The team was founded in 1998.")
    dates = {e.date for e in timeline([a])}
    assert "2008" not in dates and "1998" in dates, dates
    # a year before the event it dates is its day's: "In the 2004 Games he won six"
    b = Article(id="b", published=date(2007, 9, 1), text="In the 2004 Games he won six gold medals in the pool.")
    assert "2004" in {e.date for e in timeline([b])}


def test_a_lead_about_today_that_compares_with_last_year_stays_the_days_news() -> None:
    from storyline.consolidate.timeline_rank import _PAST_PERIOD

    assert _PAST_PERIOD.match("At a shelter in Puerto Rico last week, Hillary Rodham Clinton spoke of a grant.")
    for t in ("Acme Corp. said its quarterly profit rose 12 percent from a year ago, beating forecasts.",
              "The minister, who resigned last month, spoke on Monday."):
        assert not _PAST_PERIOD.match(t), t


def test_a_year_to_measure_against_dates_no_event() -> None:
    from storyline.consolidate.timeline import dated_events

    a = Article(id="a", text="Rich nations should cut emissions by 25 to 40 percent from 1990 levels, the draft says. "
                             "The treaty was signed in 1997.", published=date(2007, 12, 10))
    assert [e.date for e in dated_events(a)] == ["1997"]


def test_a_year_or_a_day_that_names_the_event_in_a_dated_sentence_dates_nothing() -> None:
    from storyline.consolidate.timeline import dated_events

    a = Article(id="a", text="A diplomat said Annan traveled to Libya on Saturday to discuss the 1988 Pan Am "
                             "bombing. Annan wants the suspects tried for the Dec. 21, 1988, bombing over Lockerbie.",
                published=date(1998, 12, 7))
    assert [e.date for e in dated_events(a)] == ["1998-12-05"]


def test_an_entry_cites_only_the_articles_that_tell_its_fact() -> None:
    """Two sentences of one day that share names but tell two things ("Investigators from the NTSA
    arrived on Tuesday ..." / "The NTSA said on Tuesday that 12 cars had derailed") are not each
    other's source."""
    arts = [Article(id="metro", published=date(2025, 3, 12), text=(
                "Investigators from the National Transport Safety Agency arrived on Tuesday and recovered the "
                "train's data recorder. Residents went home on Wednesday.")),
            Article(id="ledger", published=date(2025, 3, 14), text=(
                "The National Transport Safety Agency said on Tuesday that 12 cars had derailed. Shares fell "
                "on Friday.")),
            Article(id="wire", published=date(2025, 3, 12), text=(
                "Residents returned to their homes on Wednesday after crews sealed the tank cars."))]
    entries = storyline.timeline(arts)
    (cars,) = [e for e in entries if "12 cars" in e.text]
    assert [c.article_id for c in cars.citations] == ["ledger"]


def test_a_new_event_on_a_weekday_a_week_later_is_not_the_first_one_told_again() -> None:
    """"Adler resigned on Monday over the fire a week earlier" (June 9) is not the fire "on Monday
    night" (June 2) that a follow-up reads as the Monday before."""
    arts = [Article(id="fire", published=date(2025, 6, 3), text=(
                "A fire broke out at the Meridian Logistics warehouse in the Port of Kelvar on Monday night, "
                "forcing the closure of the eastern docks.")),
            Article(id="quit", published=date(2025, 6, 9), text=(
                "The head of the Port of Kelvar authority, Sven Adler, resigned on Monday over the fire at the "
                "Meridian Logistics warehouse a week earlier."))]
    days = {e.date: [c.article_id for c in e.citations] for e in storyline.timeline(arts)}
    assert days.get("2025-06-09") == ["quit"] and days.get("2025-06-02") == ["fire"]


def test_a_story_of_undated_articles_is_dated_from_the_one_that_dates_itself():
    """No article has a date; one writes "Sunday, April 29, 2018" and tells of Sunday: the others
    are dated around it, as from a published article of the story."""
    caption = Article(id="m", text="Migrants gathered at the fence in Tijuana on Sunday, April 29, 2018. They "
                                   "reached the border crossing on Sunday after a month on the road.")
    other = Article(id="o", text="Hundreds of migrants reached the border on Sunday. Officials said on Saturday "
                                 "that the crossing was full.")
    dated = {a.id: a for a in with_inferred_dates([caption, other])}
    assert dated["m"].published == date(2018, 4, 29) and dated["o"].published == date(2018, 4, 29)
    assert dated["o"].published_inferred


def test_an_undated_article_lists_a_passage_once_and_no_year_inside_an_undated_day():
    """No date to resolve "late Thursday": the year inside what was tweeted dates nothing; a sentence
    naming two days ("on 1/6/17 ... sent the next day") is one entry, under its first day."""
    art = Article(id="u", text=(
        "President Trump late Thursday tweeted that the memos show no collusion with Russia in 2016. "
        "Comey wrote the first memo on 1/6/17, and sent it the next day to his deputy."))
    entries = storyline.timeline([art])
    assert [e.date for e in entries] == ["2017-01-06"]


def test_said_earlier_is_no_time_before_a_weekday_event():
    """A follow-up's "The earthquake on Tuesday ..., officials said earlier" still tells of the
    quake's Tuesday, a week before its own."""
    a = Article(id="a", published=date(2018, 9, 5), text="A powerful earthquake struck the island on Tuesday, "
                                                         "killing 12 people.")
    b = Article(id="b", published=date(2018, 9, 12), text="The earthquake on Tuesday killed 12 people on the "
                                                          "island, officials said earlier.")
    assert [(e.date, sorted(c.article_id for c in e.citations)) for e in storyline.timeline([a, b])] == \
        [("2018-09-04", ["a", "b"])]


def test_a_pages_date_stamp_on_its_own_line_is_no_event_and_no_part_of_the_next_sentence() -> None:
    """"Originally published 05 / 03 / 2013 at 10:20 AM EDT" on a line of its own had run into the
    next line's sentence and been shown as that sentence's timeline entry."""
    from storyline import Article, timeline
    from storyline.analyze.sentences import split_sentences

    text = ("Originally published 05 / 03 / 2013 at 10:20 AM EDT\nThe singer checked into the clinic on "
            "Thursday night, her agent said.\nMay 3\nThe clinic declined to comment.")
    assert [s.text for s in split_sentences(text, "a")][:2] == [
        "Originally published 05 / 03 / 2013 at 10:20 AM EDT",
        "The singer checked into the clinic on Thursday night, her agent said."]
    entries = timeline([Article(id="a", title="t", published="2013-05-03", source="s", text=text)])
    assert [(e.date, e.text) for e in entries] == [
        ("2013-05-02", "The singer checked into the clinic on Thursday night, her agent said.")]



def test_an_undated_page_of_a_web_archive_is_dated_by_its_weekdays_before_its_capture() -> None:
    text = ("The county council voted on Tuesday to close the Old Mill bridge to lorries. Engineers will "
            "inspect its arches on Friday, the council said.")
    captured = Article(text=text, meta={"captured": "2026-03-05T10:00:00Z"})   # a Thursday
    assert infer_dct(captured) == date(2026, 3, 3)
    assert infer_dct(Article(text=text)) is None   # nothing else dates it


# --- an undated article's own dates against its story's ----------------------------------------------

def test_a_date_in_the_web_address_dates_an_undated_article_ahead_of_its_story() -> None:
    from storyline.analyze.dct import url_date

    assert url_date("https://news.example.org/2016/03/14/harbour-crane-falls/") == date(2016, 3, 14)
    assert url_date("http://example.com/metro/20070503/council-vote") == date(2007, 5, 3)
    assert url_date("http://example.com/world/2010-05-05-strike-day_N.htm") == date(2010, 5, 5)
    assert url_date("http://example.com/view/20100505-268325/Strike") == date(2010, 5, 5)
    assert url_date("https://example.co.uk/film/2013/aug/02/festival-opens") == date(2013, 8, 2)
    assert url_date("https://example.com/sport/2013/3/8/4081296/cup-draw") == date(2013, 3, 8)
    # a month's folder with a title that opens on a number, a long id, a date to come, two dates
    assert url_date("https://blog.example.com/2013/08/5-reasons-to-cycle") is None
    assert url_date("https://example.com/story-e6frfkyi-1225862790476") is None
    assert url_date("https://example.com/2099/01/01/far-ahead") is None
    assert url_date("https://example.com/2012/09/10/retrial/2011-04-02-first-trial") is None
    assert url_date("https://someblog.example.com/2005_05_01_archive.html") is None
    assert url_date(None) is None and url_date("not a url") is None

    undated = Article(text="The crane toppled into the harbour on Monday, the port said.",
                      url="https://news.example.org/2016/03/14/harbour-crane-falls/")
    story = [Article(text="A new crane arrived.", published=date(2019, 6, 10)),
             Article(text="The crane was tested.", published=date(2019, 6, 12))]
    assert infer_dct(undated, story) == date(2016, 3, 14)
    # an old text at a new address: its own days ("Friday, Nov. 3, 2006" told of on Friday) outweigh it
    moved = Article(text="The crane toppled into the harbour on Friday, Nov. 3, 2006. Divers searched on Friday.",
                    url="https://news.example.org/2016/03/14/harbour-crane-falls/")
    assert infer_dct(moved, story) == date(2006, 11, 3)


def test_the_story_does_not_date_an_article_whose_own_days_are_of_another_time() -> None:
    """Its story is of June 2019; the article writes "Tuesday, March 4, 2014" and tells of that
    Tuesday: it is dated from its own words, not moved into June 2019. With no weekday of its own
    to tie to the written day it stays undated: a wrong date is worse than none."""
    story = [Article(text="The river rose again.", published=date(2019, 6, 10)),
             Article(text="Volunteers filled sandbags.", published=date(2019, 6, 11))]
    tied = Article(text="Flood water reached the old tannery on Tuesday, March 4, 2014. Volunteers worked "
                        "through Tuesday night to save the stock, and on Wednesday the water fell.")
    assert infer_dct(tied, story) == date(2014, 3, 5)
    untied = Article(text="Flood water reached the old tannery on Tuesday, March 4, 2014, and stayed "
                          "for a week.")
    assert infer_dct(untied, story) is None
    # two days of its own, close together and far from the story's: of another time too
    pair = Article(text="The levee broke on Feb. 27, 2014 and the town was evacuated on March 1, 2014. "
                        "Crews returned on Friday.")
    assert infer_dct(pair, story) is None
    # one date of its history, however often told, and a plan ahead of the story leave the story's date
    history = Article(text="The dam, finished on May 2, 1961, failed on Monday. The May 2, 1961 opening "
                           "had drawn crowds. Repairs will start on Sunday, Oct. 6, 2019.")
    assert infer_dct(history, story) == date(2019, 6, 10)


def test_a_story_that_mixes_times_dates_a_weekday_only_article_by_the_names_it_shares() -> None:
    """One undated article is of another time than the story's dated one ("Tuesday, March 4, 2014"
    in a story of June 2019): the story mixes two floods. An undated article with only a weekday
    is dated from the dated article when it names its people and places, and left undated when it
    names those of the other time's article (a wrong date is worse than none); one that names a
    day near the story's is dated from it as before."""
    dated = Article(id="d", published=date(2019, 6, 10),
                    text="The Ashby river rose again on Monday in Lindale, and mayor Petra Oakes closed the ferry.")
    other_time = Article(id="x", text="Flood water reached the Crane Street tannery in Hollin on Tuesday, March 4, "
                                      "2014, and Karl Wendt moved his stock upstairs.")
    like_other = Article(id="w", text="Karl Wendt said on Sunday that the Crane Street tannery in Hollin would reopen.")
    like_dated = Article(id="v", text="Petra Oakes said on Sunday that the Lindale ferry on the Ashby would stay shut.")
    near = Article(id="n", text="Water crested on Sunday, a day before the June 10 warning in Hollin was lifted.")
    out = {a.id: a for a in with_inferred_dates([dated, other_time, like_other, like_dated, near])}
    assert out["x"].published is None and out["w"].published is None
    assert out["v"].published == date(2019, 6, 9) and out["v"].published_inferred
    assert out["n"].published == date(2019, 6, 9)
    # without the article of another time, the story dates the weekday as before
    out = {a.id: a for a in with_inferred_dates([dated, like_other])}
    assert out["w"].published == date(2019, 6, 9)


def test_a_live_pages_entry_time_dates_its_entry_but_is_not_shown() -> None:
    from storyline.consolidate.timeline import dated_events

    text = ("Live: floods in Marlow county. (All times GMT.)\n"
            "2012 The river authority says the water level at Brenton bridge has begun to fall.\n"
            "2008 Rescue boats have reached the village of Oakley, where families spent the night on roofs.\n"
            "1958 County leader Dana Pell says the emergency shelters at the village school are now full.\n")
    # (entry times that read as years too: they date their entries to the page's day, not to 2012)
    events = dated_events(Article(id="live", text=text, published=date(2024, 3, 5)))
    assert events and all(e.date == "2024-03-05" for e in events), [(e.date, e.text) for e in events]
    assert not any(e.text[:4].isdigit() for e in events), [e.text for e in events]
    assert any(e.text.startswith("Rescue boats have reached") for e in events), [e.text for e in events]


def test_a_pages_update_stamp_dates_its_lead_which_is_shown_without_it() -> None:
    from storyline.consolidate.timeline import dated_events

    text = ("12 March 2024 Last updated at 09:41 GMT Help A ferry carrying 40 passengers has run aground off "
            "Brenton.\nAll the passengers were taken off by lifeboat crews.")
    events = dated_events(Article(id="ferry", text=text, published=date(2024, 3, 12)))
    assert [(e.date, e.text[:20]) for e in events] == [("2024-03-12", "A ferry carrying 40 ")], \
        [(e.date, e.text) for e in events]


def test_a_month_ahead_in_a_forecast_dates_no_event_yet() -> None:
    from storyline.consolidate.timeline import dated_events

    a = Article(id="a", published=date(2010, 5, 27), text=(
        "The leak could turn into a liability for the mayor ahead of November elections. "
        "The council will vote on the budget in November. Talks on the port began in March."))
    got = [(e.date, e.text) for e in dated_events(a)]
    assert [d for d, _ in got] == ["2010-11", "2010-03"], got
    assert "liability" not in got[0][1], got


def test_a_readers_timeline_dates_a_lead_about_yesterday_on_yesterday_only() -> None:
    from storyline import Article
    from storyline.consolidate.timeline import timeline

    day = date(2005, 11, 24)  # a Thursday
    arts = [Article(id="a", published=day, text="The Lakemoor index rose 3.2 points to close at 812.4 on Thursday. "
                                                 "The Lakemoor index lost 5.1 points to close at 809.2 on Wednesday."),
            Article(id="b", published=day, text="Shares in Lakemoor closed higher on Thursday, the index up 3.2 "
                                                 "points. Banks led the gains.")]
    got = {(e.date, e.text[:30]) for e in timeline(arts, max_dates=3, per_date=3, reader=True)}
    assert ("2005-11-23", "The Lakemoor index lost 5.1 po") in got, got
    assert ("2005-11-24", "The Lakemoor index lost 5.1 po") not in got, got


def test_a_numeric_date_gets_no_note_and_editors_tags_and_table_rows_are_no_events() -> None:
    """"Expected sale date: 08/26/96" spells its day out in figures: no "(Aug. 26, 1996)" after it; a
    wire's "[CORRECTED 05:30 GMT]" and a table's rows or headings are no timeline entries."""
    from storyline.consolidate.summary_text import is_furniture, table_line

    text = "The bonds are due on 08/26/96 and the vote is on 26.08.1996, the board said Friday."
    assert explicit_dates(text, tag_timexes(text, date(1996, 8, 24))) == (
        "The bonds are due on 08/26/96 and the vote is on 26.08.1996, the board said Friday (Aug. 23, 1996).")
    assert is_furniture("[ CORRECTED 05:30 GMT ]") and is_furniture("(Corrects spelling of name in paragraph 3)")
    assert not is_furniture("The plane (updated in 1990) flew on Friday.")
    for row in ("THURSDAY, AUGUST 22 SCHEDULE", "DORNE AT VASK", "DORNE 72 53 .576 -", "Operating profit 9.75 vs 5.79"):
        assert table_line(row), row
    for sentence in ("Dorne beat Vask 6-5 on Thursday, August 22.", "Profit rose to 9.75 million from 5.79 million."):
        assert not table_line(sentence), sentence


def test_explicit_dates_writes_out_a_relative_week_by_its_first_day():
    """"Last week" and "this weekend's" name a week of the calendar: a reader away from the paper's
    day reads which (its Monday; a weekend's Saturday), as for "Tuesday"."""
    text = "Last week, the Dorn council agreed to the harbour wall; the vote of this weekend's meeting will tell."
    txs = tag_timexes(text, date(2031, 3, 12))  # a Wednesday
    assert explicit_dates(text, txs) == (
        "Last week (week of March 3, 2031), the Dorn council agreed to the harbour wall; the vote of this "
        "weekend's (weekend of March 15, 2031) meeting will tell.")


def test_a_holiday_that_qualifies_a_noun_in_capitals_dates_nothing() -> None:
    # a name's capitals: "Dozen Easter Egg Podcasts", "Christmas Island" date nothing in a full timeline, nor their
    # sentence in a summary's day mentions; "Christmas Day", a clause run on after the holiday ("... on Easter The
    # bishop said") and one that goes on ("on Thanksgiving and ...") keep the holiday's day
    from storyline.consolidate.timeline import dated_events
    from storyline.consolidate.timeline_rank import day_mentions

    dct = date(2030, 4, 25)
    for t in ("Hear the Dozen Easter Egg Podcasts from the archive again.", "Ferries to Christmas Island sailed."):
        assert dated_events(Article(id="a", text=t, published=dct)) == [], t
        _, pairs, other = day_mentions(t, dct)
        assert set(pairs) <= other, t  # (the day weighs, but the sentence tells of no event of it)
    t = "Pilgrims filled the square on Christmas Day."
    assert [e.date for e in dated_events(Article(id="b", text=t, published=date(2030, 12, 28)))] == ["2030-12-25"]
    t = "Pilgrims filled the square on Easter The bishop spoke."
    assert [e.date for e in dated_events(Article(id="c", text=t, published=dct))] == ["2030-04-21"]
    t = "Crowds marched on Thanksgiving and the mayor spoke."
    assert [e.date for e in dated_events(Article(id="d", text=t, published=date(2030, 12, 2)))] == ["2030-11-28"]


def test_a_page_of_many_dates_reads_each_sentence_and_each_dates_neighbours_once(monkeypatch) -> None:
    # a table or a chronology writes thousands of dates: whether a sentence tells an event of the story
    # (furniture, a reader's own account) is read once a sentence, not once a date; the dates around
    # one date are found by where they start, not by reading every date of the page for each
    import storyline.consolidate.timeline as tl
    from storyline.records import Timex

    class Counted(list):  # the dates dated_events reads, counting every date it takes from the list
        taken = 0

        def __iter__(self):  # type: ignore[no-untyped-def]
            for x in super().__iter__():
                Counted.taken += 1
                yield x

    reads: list[str] = []
    real = tl.speaks_for_self
    monkeypatch.setattr(tl, "speaks_for_self", lambda s: reads.append(s) or real(s))
    spans_of_days = tl._spans_of_days
    monkeypatch.setattr(tl, "_spans_of_days", lambda text, txs: Counted(spans_of_days(text, txs)))
    lines, txs, pos = [], [], 0
    for i in range(400):  # a chronology of Tolvik's harbour, four years a line, no full stop
        years = [str(1900 + (4 * i + k) % 120) for k in range(4)]
        line = f"the Tolvik harbour board met in {years[0]} and again in {years[1]}, then in {years[2]} and {years[3]}"
        at = 0
        for y in years:
            at = line.index(y, at)
            txs.append(Timex(start=pos + at, end=pos + at + 4, text=y, type="DATE", value=y))
            at += 4
        lines.append(line)
        pos += len(line) + 2
    text = "; ".join(lines)
    events = tl.dated_events(Article(id="h", text=text, published=date(2031, 5, 6), title="Harbour"), txs)
    assert events
    sentences = tl.sentence_spans(text, "en")
    assert len(reads) <= len(sentences) < len(txs) // 10
    assert Counted.taken <= 3 * len(txs)  # (every date to itself, and its neighbours: not 1,600 x 1,600)


def test_one_date_per_clause_compares_a_clause_with_its_neighbours_only() -> None:
    # 20,000 dated clauses, one after another: each is checked against the clauses it overlaps, not every
    # clause kept before it (which took the square of their number: minutes); overlapping clauses still
    # keep the one date nearest the article's day
    import time

    from storyline.consolidate.timeline import Event, _one_date_per_clause
    from storyline.records import Citation

    day = date(2031, 5, 6)

    def event(value: str, start: int, end: int) -> Event:
        return Event(date=value, granularity="year" if len(value) == 4 else "day", text="the harbour wall rose",
                     citation=Citation(article_id="h", start=start, end=end), published=day)

    events = [event(str(1900 + i % 120), 30 * i, 30 * i + 25) for i in range(20_000)]
    t = time.perf_counter()
    assert _one_date_per_clause(events, day) == events
    assert time.perf_counter() - t < 5.0  # (about 0.05 s; the square of 20,000 is minutes)
    near, far = event("2031-05-05", 10, 40), event("1998", 0, 50)
    apart = event("2031-05-01", 50, 80)
    assert _one_date_per_clause([far, near, apart], day) == [near, apart]


def test_a_year_that_names_a_noun_dates_no_event_of_its_clause() -> None:
    from storyline.consolidate.timeline import dated_events

    def years(text: str) -> list[str]:
        return [e.date for e in dated_events(Article(id="a", text=text, published=date(2011, 5, 3)))]

    # the year is the name of what the clause tells of: the 2004 pact, their 2009 returns, the party's 2010 hopefuls
    assert years("The rebels have rejected the 2004 Arvel pact as a betrayal of the farmers.") == []
    assert years("Without the law, donors would have had to wait for their 2009 tax returns.") == []
    assert years("One of Norland's 2010 presidential hopefuls, Ida Brem, said the plan was a mistake.") == []
    assert years("That 2003 treaty is set to lapse next spring, the ministry said.") == []
    # a time's preposition before it, or a subject told in the past, and the year dates the clause
    assert years("During the 2006 Winter Games in Turin, the tenor sang to a recording.") == ["2006"]
    assert years("The 2004 flood destroyed half of the old town.") == ["2004"]
    assert years("The council approved the plan in 2009 after a long fight.") == ["2009"]
    assert years("After Ada K. Moll's 2009 landslide, her party held 40 seats.") == ["2009"]
    assert years("The mayor was proud even though the relay of 2012 Summer Games will skip the town.") == []
    assert years("By the end of 2009 Lund had sold the mill.") == ["2009"]


def test_a_date_of_a_clause_of_comparison_dates_no_event_of_its_sentence() -> None:
    # "as it did in 1996" stands for an earlier event the sentence compares its own with: its year is that event's,
    # not the sentence's ("would finish first" is no event of 1996); a year of the clause itself still dates it
    from storyline import Article
    from storyline.consolidate.timeline import dated_events

    a = Article(id="a", published=date(2031, 11, 25), text=(
        "Polls suggest the Harbour party would finish first, as it did in the last election in 2027. "
        "The board may deliver a flood warning, just as they did in 2029. The Harbour party won 21 percent in 2027."))
    assert [(e.date, e.text) for e in dated_events(a)] == [("2027", "The Harbour party won 21 percent in 2027.")]


def test_an_item_of_a_list_is_no_lead_of_its_papers_day() -> None:
    # a bullet that opens a line ("_ A broad-based tax cut ...") opens an item of the list its sentence before
    # announces ("will include:"): no sentence of the item is news of the paper's day by itself in a summarised timeline
    from storyline import Article, timeline

    day = date(2031, 7, 1)
    text = ("The harbour board of Dorn unveiled a new budget on Thursday. The plan will include:\n\n"
            "_ A toll cut that will benefit all ferry riders. Every rider pays the toll twice a day.\n\n"
            "_ A new pier for the fishing fleet.")
    entries = timeline([Article(id="a", published=day, text=text)], max_dates=2, per_date=5)
    assert entries and not any(e.text.startswith(("_", "A toll", "Every", "A new pier")) for e in entries), entries


def test_a_clause_of_cause_after_as_keeps_its_date() -> None:
    # "as the council had cut the fare in 2029" is a clause of its own (a cause), no comparison standing for a verb
    # left out ("as it did in 2029"): its year dates its event
    from storyline import Article
    from storyline.consolidate.timeline import dated_events

    a = Article(id="a", published=date(2031, 11, 25), text=(
        "Ferry fares in Dorn rose, as the council had cut the subsidy in 2029. "
        "Traffic eased on the Vorn bridge, as it was widened in 2030. "
        "The Harbour party would finish first, as it did in 2027."))
    assert [e.date for e in dated_events(a)] == ["2029", "2030"]


def _harbour_table() -> str:
    # a table of the Tolvik harbour's works: a row a line, no full stop, some rows cut by a semicolon or a
    # dash, so that the page is one long sentence of hundreds of dates
    rows = []
    for i in range(60):
        mark = "; then" if i % 7 == 3 else (" -- " if i % 11 == 5 else "")
        rows.append(f"Pier {i} | {1900 + i} | June {1 + i % 28}{mark} | rebuilt | Monday")
    return "\n".join(rows)


def test_a_dates_clause_is_cut_at_the_marks_found_once_a_sentence() -> None:
    # the clause marks of a sentence are found once, then bisected for each date: the clause around a date is
    # the same as reading the sentence from its start for the marks before and after that date
    import re

    from storyline.consolidate.timeline import _CLAUSE_MARK, _MAX_TEXT, _Clauses

    text = _harbour_table()
    clauses = _Clauses(text)
    assert clauses.around(0, 100, 40, 44) == (0, 100)  # a short sentence is its own clause
    table_year = text.index("1903")
    assert text[slice(*clauses.around(0, len(text), table_year, table_year + 4))] == (
        "Pier 0 | 1900 | June 1 | rebuilt | Monday\nPier 1 | 1901 | June 2 | rebuilt | Monday\n"
        "Pier 2 | 1902 | June 3 | rebuilt | Monday\nPier 3 | 1903 | June 4")
    after = text.index("1904")
    assert text[slice(*clauses.around(0, len(text), after, after + 4))].startswith("then | rebuilt | Monday\nPier 4")

    def reread(s: int, e: int, ts: int, te: int) -> tuple[int, int]:  # the clause read from the sentence's start
        lo, hi = s, e
        for m in _CLAUSE_MARK.finditer(text[s:e]):
            if s + m.start() < ts:
                lo = s + m.end()
            elif s + m.start() >= te:
                hi = s + m.start()
                break
        while lo < hi and text[lo] in " ,":
            lo += 1
        return lo, hi

    starts = [m.start() for m in re.finditer(r"\b(?:19\d\d|June \d+|Monday)", text)]
    assert len(starts) == 180 and len(text) > _MAX_TEXT
    for s in (0, 37):
        for ts in starts:
            assert clauses.around(s, len(text), ts, ts + 4) == reread(s, len(text), ts, ts + 4)
    assert len(clauses._marks) == 2  # (one search a sentence)


def test_an_aside_is_sought_from_the_first_word_it_could_open_with() -> None:
    # whether a month or year dates only a closing relative clause is read from the first "which", "who" or "that"
    # before the date (the page's found once), as reading the clause from its start would: a table's clause of
    # hundreds of dates with no such word is not read again for each
    import re

    from storyline.consolidate.timeline_rank import AsideWords, dates_an_aside

    text = ("This is the third pier of the harbour, which opened in 1903. The pier that is oldest has stood, "
            "who knows,  which was rebuilt in 1911 and that was painted in 1920.\n" + _harbour_table()
            + "\nThe crane is new, the port said, which came in 1930, the port says.")
    words = AsideWords(text)
    first = text.index("1903")
    assert dates_an_aside(text, 0, first, first + 5, words)
    table = text.index("Pier 30")
    assert words.first(table, len(text) - 60) is None  # (no aside word in the rows)
    dates = [m.start() for m in re.finditer(r"\b(?:19\d\d|June)\b", text)]
    cuts = [0, 20, 39, 40, 41, 60, 61, 100, text.index("who"), text.index("  which") + 1, table, len(text) - 60]
    for s in cuts:
        for at in dates:
            if s <= at:
                for e in (at + 4, at + 5, len(text)):
                    assert dates_an_aside(text, s, at, e, words) == dates_an_aside(text, s, at, e), (s, at, e)


def test_a_clause_of_only_calendar_words_is_read_from_the_words_found_once() -> None:
    # whether a clause writes any word besides its date and more calendar words is answered from the page's
    # words found once, as reading the clause's words (cut at its ends and around the date) would
    import re

    from storyline.consolidate.timeline import _CALENDAR_WORDS, _CalendarWords

    text = "Friday, July 6, 2007\n" + _harbour_table() + "\nMonday June 5 Tuesdayx"
    words = _CalendarWords(text)
    assert words.date_only(0, 20, 8, 14)  # "Friday, July 6, 2007": a dateline on its own
    assert not words.date_only(0, 60, 8, 14)  # "... Pier 0 | 1900": a row of the table
    assert words.date_only(21, 25, 21, 23) is False  # "Pi" is left of "Pier": a word still
    end = len(text)
    assert words.date_only(end - 22, end - 1, end - 22, end - 16)  # "Tuesday" of "Tuesdayx", cut at the end
    assert not words.date_only(end - 22, end, end - 22, end - 16)

    def reread(s: int, e: int, ts: int, te: int) -> bool:
        rest = text[s:ts] + " " + text[te:e]
        return not any(w.lower() not in _CALENDAR_WORDS for w in re.findall(r"[A-Za-z]{2,}", rest))

    cuts = [0, 3, 8, 14, 20, 21, 23, 60, 61, 200, end - 22, end - 16, end - 3, end]
    for s in cuts:
        for e in cuts:
            for ts in cuts:
                for te in cuts:
                    if s <= e and ts <= te:
                        assert words.date_only(s, e, ts, te) == reread(s, e, ts, te), (s, e, ts, te)


def test_the_brief_reads_the_timexes_its_analysis_found_and_tags_again_a_page_changed_since(monkeypatch) -> None:
    # the brief's analysis has tagged each page's timexes: its timeline reads them rather than tagging every page
    # again (a table of dates took seconds more); a page whose text or date is not what the analysis read is tagged
    import storyline.consolidate.timeline as tl
    from storyline.analyze.analyze import analyze_article
    from storyline.consolidate.brief import build_brief

    given: list[object] = []  # the timexes the timeline gives dated_events, a page at a time
    real = tl.dated_events
    monkeypatch.setattr(tl, "dated_events", lambda article, timexes=None: given.append(timexes) or real(article, timexes))
    arts = [Article(id="h1", title="Tolvik pier reopens", published=date(2031, 5, 6),
                    text="Tolvik harbour reopened its north pier on Monday, the port board said. The pier was "
                         "closed in March 2030 after a storm."),
            Article(id="h2", title="Tolvik pier", published=date(2031, 5, 7),
                    text="The north pier of Tolvik harbour reopened on Monday after a year of works.")]
    brief = build_brief("s", arts)
    assert [e.date for e in brief.timeline] == ["2030-03", "2031-05-05"]
    assert len(given) == 2 and all(t for t in given)
    an = analyze_article(arts[0])
    assert tl._timexes_as_read(arts[0], an) == an.timexes
    assert tl._timexes_as_read(arts[0], None) is None
    assert tl._timexes_as_read(Article(id="h1", text=arts[0].text.replace("Monday", "Sunday")), an) is None
    assert tl._timexes_as_read(Article(id="h1", text=arts[0].text, published=date(2031, 5, 9)), an) is None


def test_a_pages_time_stamp_inside_its_text_dates_no_event() -> None:
    # a scraped page's stamps glued to its news, its sentences cut at a clock's colon ("4: 00 pm"): a clause of
    # nothing but a stamp (a date after a stamp's label or before one, a clock, a byline's name) is no event; a stamp
    # before its lead still dates the lead, and a verb of the news ("updated on", "published Jan. 9") its clause
    from storyline.consolidate.timeline import dated_events

    text = ("Home » velk's profile ferry fares and harbour dues submitted by: velk on jan 4, 2031 - ( last updated: "
            "aug 4, 2031 ) according to the harbour board, fares rose by a third over the year and the ferry line, which "
            "runs four boats between velm and the outer islands, plans to add a fifth boat before the winter storms "
            "close the harbour mouth. Breaking news emails. Oct. 26, 2031, "
            "4: 00 pm gmt / updated oct. 26, 2031, 11: 58 pm gmt by ann dorn the ferry line charged on friday "
            "was a small one. posted: tuesday, june 28, 2031 10: 28 pm edt updated: tuesday, july 5, 2031 10: 47 am "
            "edt when help arrived the pier was shut. The board's report, updated on March 3, 2031, found the fares "
            "too high. The study was published Jan. 9, 2031 in the harbour journal.")
    a = Article(id="a", text=text)
    events = [(e.date, e.text) for e in dated_events(a)]
    assert [d for d, t in events if "velk on jan 4" in t or "pm gmt" in t[:12]] == []  # (stamps cut at a colon)
    assert [d for d, t in events if "harbour board" in t or "report" in t or "journal" in t] \
        == ["2031-08-04", "2031-03-03", "2031-01-09"]


def test_a_day_of_a_closing_aside_that_looks_ahead_dates_no_event_of_its_sentence() -> None:
    # a closing relative clause that tells what is still ahead ("which is to begin on Nov. 16", "that will take place
    # next March 11") dates the aside's event only: the main clause's news (a saying, a plan) is not of that day, in
    # the every-event timeline and in the summarised one's candidates alike; an aside's past day ("the bill, which the
    # house approved on Wednesday") is often the story's event and still dates it, and a restrictive clause without
    # its comma tells the main clause's own event ("will visit ... during a trip that will begin on Nov. 3")
    from storyline.consolidate.timeline import dated_events
    from storyline.consolidate.timeline_rank import day_mentions

    text = ("Ode said the crews had no word yet on the ferry trip, which is to begin on Nov. 16. "
            "The harbour report was handed out in Velm, ahead of a conference on the port, that will take place next March 11. "
            "Velk warned of strikes over the fare rise, which takes effect Thursday. "
            "The board backed the fare bill, which the council approved on Wednesday. "
            "Ode will visit the islands during a four-day trip that will begin on Nov. 3.")
    a = Article(id="a", text=text, published=date(2031, 10, 28))
    assert [e.date for e in dated_events(a)] == ["2031-10-22", "2031-11-03"]
    spans, days, naming = day_mentions(text, date(2031, 10, 28))
    assert sorted(str(d) for i, d in days if (i, d) not in naming) == ["2031-10-22", "2031-11-03"]


def test_a_closing_asides_day_written_with_its_year_or_weekday_dates_no_event_of_its_sentence() -> None:
    # the rest of the sentence after an aside's day is read past the day's own commas ("Nov. 16, 2031",
    # "Tuesday, Nov. 16"): the day written in full dates the aside only, as the bare "Nov. 16" does
    from storyline.consolidate.timeline import dated_events
    from storyline.consolidate.timeline_rank import day_mentions

    text = ("Ode said the crews had no word yet on the ferry trip, which is to begin on Nov. 16, 2031. "
            "Velk warned of strikes over the fare rise, which takes effect on Tuesday, Nov. 4.")
    a = Article(id="a", text=text, published=date(2031, 10, 28))
    assert dated_events(a) == []
    spans, days, naming = day_mentions(text, date(2031, 10, 28))
    assert [d for i, d in days if (i, d) not in naming] == []
