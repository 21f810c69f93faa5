"""Temporal expressions: extents, TIMEX3 types and values, tense and anchoring, seed articles."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from conftest import DATA, ROOT, need

import storyline
from storyline.analyze.dct import with_inferred_dates
from storyline.analyze.timex import tag_timexes

THU = date(2019, 1, 10)  # a Thursday
WED = date(2019, 1, 9)


def tags(text: str, dct: date | None = THU) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in storyline.tag_timexes(text, dct)]


def one(text: str, dct: date | None = THU):
    found = storyline.tag_timexes(text, dct)
    assert len(found) == 1, found
    return found[0]


# --- the seed articles: every timex, with the value a careful reader gives it --------------------

SEED_000 = [
    ("Thursday", "DATE", "2019-01-10"),
    ("1953", "DATE", "1953"),
    ("three years", "DURATION", "P3Y"),
    ("The year 2018", "DATE", "2018"),
    ("The year", "DATE", "2018"),  # "The year began ...": the year just named
    ("the six months", "DURATION", "P6M"),
    ("Thursday", "DATE", "2019-01-10"),
]
SEED_001 = [  # undated: anchored at its inferred date, 2019-01-08
    ("Tuesday", "DATE", "2019-01-08"),
    ("a year", "DURATION", "P1Y"),
    ("Tuesday", "DATE", "2019-01-08"),
    ("Tuesday morning", "TIME", "2019-01-08TMO"),
    ("Jan. 7-10", "DATE", "2019-01-07"),
    ("late Monday night", "TIME", "2019-01-07TNI"),
    ("last year", "DATE", "2018"),
    ("last June", "DATE", "2018-06"),
    ("the not-too-distant future", "DATE", "FUTURE_REF"),
    ("Sunday", "DATE", "2019-01-06"),
    ("last week", "DATE", "2019-W01"),
    ("the future", "DATE", "FUTURE_REF"),
]
SEED_003 = [
    ("June 19, 2018", "DATE", "2018-06-19"),
    ("Tuesday, Jan. 8, 2019", "DATE", "2019-01-08"),
    ("today", "DATE", "2019-01-09"),
    ("the past 10 months", "DURATION", "P10M"),
    ("Tuesday morning", "TIME", "2019-01-08TMO"),
    ("Tuesday afternoon", "TIME", "2019-01-08TAF"),
    ("Tuesday", "DATE", "2019-01-08"),
    ("Monday afternoon", "TIME", "2019-01-07TAF"),
    ("Tuesday", "DATE", "2019-01-08"),
    ("years", "DURATION", "PXY"),
    ("2011", "DATE", "2011"),
    ("the past year", "DATE", "2018"),  # "have improved over the past year": the calendar year before
    ("decades-long", "DURATION", "PXDE"),
    ("2017", "DATE", "2017"),
    ("one day", "DATE", "FUTURE_REF"),
    ("last year", "DATE", "2018"),
    ("last June", "DATE", "2018-06"),
    ("Tuesday", "DATE", "2019-01-08"),
    ("decades", "DURATION", "PXDE"),
    ("September", "DATE", "2018-09"),
    ("more than a year", "DURATION", "P1Y"),
]


@pytest.fixture
def seeds(seed_articles):
    dated = with_inferred_dates(seed_articles)
    return {a.meta["path"].rsplit("/", 1)[-1][:3]: a for a in dated}


@pytest.mark.parametrize("name,expected", [("000", SEED_000), ("001", SEED_001), ("003", SEED_003)])
def test_every_seed_timex(seeds, name, expected):
    a = seeds[name]
    found = storyline.tag_timexes(a.text, a.published)
    assert [(t.text, t.type, t.value) for t in found] == expected
    for t in found:
        assert a.text[t.start:t.end] == t.text


def test_seed_001_range_and_inferred_date(seeds):
    a = seeds["001"]
    assert a.published == date(2019, 1, 8) and a.published_inferred
    rng = next(t for t in storyline.tag_timexes(a.text, a.published) if t.text == "Jan. 7-10")
    assert (rng.value, rng.range_end) == ("2019-01-07", "2019-01-10")
    late = next(t for t in storyline.tag_timexes(a.text, a.published) if "Monday" in t.text)
    assert late.mod == "END"


def test_seed_003_more_than_is_a_modifier(seeds):
    t = next(t for t in storyline.tag_timexes(seeds["003"].text, WED) if t.text == "more than a year")
    assert t.mod == "MORE_THAN"


# --- tense decides bare weekdays and months -----------------------------------------------------

def test_past_tense_weekday_is_the_past_one():
    assert one("Kim arrived in Beijing Tuesday.").value == "2019-01-08"


def test_future_tense_weekday_is_the_coming_one():
    assert one("Kim will meet Xi on Tuesday.").value == "2019-01-15"
    assert one("The talks are scheduled for Saturday.").value == "2019-01-12"
    # the future of a report: a Thursday paper's "would resume on Saturday" is two days ahead
    assert one("Bluewater Lines said it would resume service on Saturday.", date(2025, 4, 3)).value == "2025-04-05"
    assert one("He would have resigned on Friday.", date(2025, 4, 3)).value == "2025-03-28"
    assert one("His appointment would have to be approved by the Cabinet on Tuesday.", date(1998, 10, 9)).value \
        == "1998-10-13"
    # a schedule told in the present: a Sunday paper's "decides Monday" is the next day
    assert one("Feerick decides Monday whether the suspension stands.", date(1998, 10, 18)).value == "1998-10-19"
    # a day set before its clause takes the clause's modal; a present passive is no past
    assert one("On Monday, Garzon will reportedly broaden the case.", date(1998, 10, 18)).value == "1998-10-19"
    assert one("On Monday, police arrested two men.", date(1998, 10, 18)).value == "1998-10-12"
    assert one("On Sunday, Clinton plans to visit American troops.", date(1998, 11, 21)).value == "1998-11-22"
    assert one("On Monday, officials are expected to announce the deal.", date(1998, 11, 21)).value == "1998-11-23"
    assert one("Results are expected as soon as voting is completed on Sunday.", date(1998, 10, 3)).value \
        == "1998-10-04"
    assert one("Ecevit prepares to be sworn in Friday.", date(1998, 12, 31)).value == "1999-01-01"
    assert one("Clinton is to meet with Prime Minister Netanyahu and Yasser Arafat on Monday in Gaza.",
               date(1998, 12, 11)).value == "1998-12-14"
    # (a possessive day is the day of a thing, not of what would be done: a ruling already made)
    assert one("His relatives said they would look for ways around Wednesday's ruling.",
               date(2000, 1, 7)).value == "2000-01-05"


def test_the_end_of_a_span_after_a_past_verb_is_the_nearest_such_day():
    # reported on a Wednesday: the crossings are off until tomorrow, not until the Thursday of last week
    assert one("The operator cancelled all crossings until Thursday.", date(2024, 9, 4)).value == "2024-09-05"
    # reported on a Friday: the shop reopened after yesterday
    assert one("The shop was closed until Thursday.", date(2024, 9, 6)).value == "2024-09-05"
    # a deadline: reported on a Wednesday, "by Thursday or Friday" is this week's
    days = [t.value for t in tag_timexes("They hoped to get supplies in by Thursday or Friday.", date(2010, 1, 13))]
    assert days == ["2010-01-14", "2010-01-15"]
    # what a day leads up to, or a span it opens, reported two days before (a Tuesday) and a day after;
    # not across a clause (the day he was slain is the one before the report)
    for text, dct, value in (
            ("Campaigners gathered ahead of Thursday's election.", date(2005, 12, 13), "2005-12-15"),
            ("Police were out in force ahead of Thursday's election.", date(2005, 12, 16), "2005-12-15"),
            ("The side that faced them in the match starting Thursday was named.", date(2006, 12, 5), "2006-12-07"),
            ("Protests had grown ahead of a speech by the president on Saturday.", date(2006, 12, 15), "2006-12-16"),
            ("The doctor performed abortions until he was slain on Friday.", date(1998, 10, 28), "1998-10-23")):
        assert one(text, dct).value == value, text


def test_a_decade_is_its_first_three_digits():
    assert [t.value for t in tag_timexes("During the 1970s and the late 1980s, and in the nineties.",
                                         date(2005, 1, 1))] == ["197", "198", "199"]


def test_a_day_after_a_year_is_no_known_day():
    t = "The league was founded in 1946. The next day, the first games were announced."
    values = [x.value for x in storyline.tag_timexes(t, date(1998, 10, 3))]
    assert values[0] == "1946" and values[1] == "XXXX-XX-XX"


def test_schedule_phrasing_is_future():
    assert one("The vote is Wednesday.", date(2013, 3, 19)).value == "2013-03-20"
    assert one("The plant opens Monday.", date(2013, 3, 19)).value == "2013-03-25"
    assert one("The road will stay closed until Thursday.", date(2025, 3, 11)).value == "2025-03-13"
    # what was expected, told in the past, is still ahead of the report
    assert one("The ministry said Mubarak also was expected in Ankara, possibly on Monday.",
               date(1998, 10, 4)).value == "1998-10-05"
    assert one("He said Monday the talks had failed.", date(1998, 10, 4)).value == "1998-09-28"


def test_year_ranges():
    t = one("He played in the 2012-13 season.")
    assert (t.text, t.value, t.range_end) == ("2012-13", "2012", "2013")
    assert one("on 2012-08-01").value == "2012-08-01"


def test_weekday_equal_to_dct_is_the_dct():
    assert one("Xinhua reported Thursday that talks went well.").value == "2019-01-10"


def test_last_and_next_weekday():
    assert one("They met last Friday.").value == "2019-01-04"
    assert one("They meet next Monday.").value == "2019-01-14"


def test_bare_month_follows_tense():
    assert one("The summit was held in December.").value == "2018-12"
    assert one("A summit will be held in December.").value == "2019-12"
    assert one("Talks resumed in March.", date(2019, 6, 1)).value == "2019-03"
    # a month two months ahead of a December report, in the past tense, is this year's; a coming one is
    # still the coming one
    for text, dct, value in (
            ("There were protests after the king assumed total control in February.", date(2005, 12, 7), "2005-02"),
            ("Suicide attacks killed almost 40 people during February's election.", date(2005, 12, 15), "2005-02"),
            ("The company said the plant would reopen in January.", date(2005, 12, 28), "2006-01")):
        assert one(text, dct).value == value, text


def test_month_day_near_the_dct_in_past_context_stays_in_its_year():
    # an offer extended to a date a few weeks ahead is not last year's date
    assert one("The company extended its offer to Nov. 20.", date(1989, 11, 2)).value == "1989-11-20"


def test_relative_months_and_years():
    assert tags("last June and next month", WED) == [("last June", "DATE", "2018-06"),
                                                     ("next month", "DATE", "2019-02")]
    assert one("It happened last year.").value == "2018"
    assert one("It happened two weeks ago.").value == "2018-W52"
    assert one("He left three days ago.").value == "2019-01-07"


# --- the reference time: a date mentioned earlier anchors anaphoric expressions -----------------

def test_next_day_is_anchored_on_the_date_mentioned_before():
    found = tags("On Jan. 7 the delegation landed in Hanoi. The next day it left for Beijing.", date(2019, 1, 20))
    assert found == [("Jan. 7", "DATE", "2019-01-07"), ("The next day", "DATE", "2019-01-08")]


def test_two_days_later_and_that_day():
    found = tags("The deal was signed on March 3, 2015. Two days later the board resigned. "
                 "That day shares fell.", THU)
    assert found == [("March 3, 2015", "DATE", "2015-03-03"), ("Two days later", "DATE", "2015-03-05"),
                     ("That day", "DATE", "2015-03-05")]


def test_year_earlier_after_a_quarter_is_that_quarter_a_year_before():
    found = tags("Profit rose in the third quarter from a year earlier.", date(1989, 10, 30))
    assert found == [("the third quarter", "DATE", "1989-Q3"), ("a year earlier", "DATE", "1988-Q3")]


# --- extents and values from the TimeML guidelines ---------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("over the past 10 months", ("the past 10 months", "DURATION", "P10M")),
    ("on Monday afternoon", ("Monday afternoon", "TIME", "2019-01-07TAF")),
    ("earlier this week", ("earlier this week", "DATE", "2019-W02")),
    ("in the 1990s", ("the 1990s", "DATE", "199")),
    ("every Friday", ("every Friday", "SET", "XXXX-WXX-5")),
    ("right now", ("right now", "DATE", "PRESENT_REF")),
    ("since 1953", ("1953", "DATE", "1953")),
    ("at 10 a.m. Tuesday", ("10 a.m. Tuesday", "TIME", "2019-01-08T10:00")),
    ("for two hours", ("two hours", "DURATION", "PT2H")),
    ("in the first quarter of 2018", ("the first quarter of 2018", "DATE", "2018-Q1")),
    ("in mid-November", ("mid-November", "DATE", "2018-11")),
    ("recently", ("recently", "DATE", "PAST_REF")),
    ("the 20th century", ("the 20th century", "DATE", "19")),
    ("on 2019-01-08", ("2019-01-08", "DATE", "2019-01-08")),
    ("twice a week", ("a week", "SET", "P1W")),
    ("daily", ("daily", "SET", "P1D")),
    ("yesterday morning", ("yesterday morning", "TIME", "2019-01-09TMO")),
    ("tonight", ("tonight", "TIME", "2019-01-10TNI")),
    ("nearly two decades", ("nearly two decades", "DURATION", "P20Y")),
    ("in nineteen ninety-six", ("nineteen ninety-six", "DATE", "1996")),
])
def test_guideline_examples(text, expected):
    assert tags(text) == [expected]


def test_seasons():
    assert one("Elections are due in the fall.").value == "2019-FA"
    assert one("They met last summer.").value == "2018-SU"


def test_modifiers():
    assert one("in early 2018").mod == "START"
    assert one("late last year").mod == "END"
    assert one("about three weeks").mod == "APPROX"


def test_not_timexes():
    for text in ("He hopes for a second summit.", "The 6-year-old boy smiled.", "She is 52 years old.",
                 "the Winter Olympics", "You may go.", "They paid $1,953 for it.", "It costs $2 a year.",
                 "He said the current president agreed.", "the fall of the Berlin Wall",
                 "Prices led the fall in bank stocks."):
        assert tags(text) == [], text


def test_without_a_dct_relative_values_are_underspecified():
    assert tags("Kim arrived Tuesday, not on Jan. 8, 2019.", None) == [
        ("Tuesday", "DATE", "XXXX-XX-XX"), ("Jan. 8, 2019", "DATE", "2019-01-08")]
    assert one("last June", None).value == "XXXX-06"


def test_bad_input_never_raises():
    assert tag_timexes(None, THU) == []  # type: ignore[arg-type]
    assert tag_timexes("", THU) == []
    assert tag_timexes("Feb. 30, 2019 and 13/45/2019 and the 9999 quarter", THU) is not None
    tag_timexes("x" * 10000 + " Tuesday", THU)


def test_dct_as_datetime_or_string():
    from datetime import datetime

    assert one("Kim arrived Tuesday.", datetime(2019, 1, 10, 15, 30)).value == "2019-01-08"  # type: ignore[arg-type]
    assert one("Kim arrived Tuesday.", "2019-01-10").value == "2019-01-08"  # type: ignore[arg-type]
    assert one("Kim arrived Tuesday.", "not a date").value == "XXXX-XX-XX"  # type: ignore[arg-type]


def test_offsets_and_article_id():
    text = "Officials said on Tuesday, Jan. 8, 2019, that Kim arrived."
    t = tag_timexes(text, WED, article_id="a1")[0]
    assert text[t.start:t.end] == t.text == "Tuesday, Jan. 8, 2019" and t.article_id == "a1"


def test_tempeval3_training_data_floor():
    need(DATA / "timex" / "te3-tbaq" / "docs.jsonl")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import timex as bench  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    scores = bench.evaluate(bench.load_docs(), bench.storyline_spans).table()
    assert scores["relaxed_f1"] >= 0.91
    assert scores["value_f1"] >= 0.79
    assert scores["type_acc"] >= 0.92





def test_a_street_number_is_no_year() -> None:
    from datetime import date

    import storyline

    tag = lambda t: [(x.text, x.value) for x in storyline.tag_timexes(t, date(2031, 2, 1))]  # noqa: E731
    assert tag("The couple is heading for 1600 Pennsylvania Avenue.") == []
    assert tag("He moved to 221 Baker Street in 1881.") == [("1881", "1881")]
    assert tag("In 1999 Smith Street was renamed.") == [("1999", "1999")]


def test_a_forecast_weekday_is_the_coming_one():
    dct = date(2031, 3, 3)  # a Monday
    for text in ("Forecasters expect more rain on Wednesday.", "More rain on Wednesday could raise the river.",
                 "The agency predicts snow on Wednesday."):
        vals = [t.value for t in storyline.tag_timexes(text, dct) if t.text.endswith("Wednesday")]
        assert vals == ["2031-03-05"], (text, vals)
    # "could have" looks back
    vals = [t.value for t in storyline.tag_timexes("The fire could have started on Wednesday.", dct)]
    assert vals == ["2031-02-26"]


@pytest.mark.parametrize("text, value", [
    ("The launch took a minute and a half.", "PT1M30S"),
    ("The meeting lasted an hour and a half.", "PT1H30M"),
    ("He served two and a half years.", "P2Y6M"),
    ("They talked for 2.5 minutes.", "PT2M30S"),
])
def test_half_units_keep_their_unit(text, value):
    (t,) = tag_timexes(text, date(2020, 5, 5))
    assert (t.type, t.value) == ("DURATION", value)


def test_a_24_hour_clock_time_is_no_year() -> None:
    dct = date(2010, 1, 13)
    live = ("Updates as they come in. 1504 An aid agency pledges 100,000 pounds to the relief effort. 1508 The "
            "archbishop was among those killed, priests said. 1514 The president tells a newspaper thousands died. "
            "Pictures of the palace 1623 The first lady speaks "
            "to reporters. In 1946 a quake hit the other side of the island. The quake struck at 1653 (2153 GMT) "
            "south-west of the capital.")
    got = {t.text: (t.type, t.value) for t in tag_timexes(live, dct)}
    # a live page's entry times, one glued to a caption, and one with its GMT conversion are times of the day
    assert got["1504"] == ("TIME", "2010-01-13T15:04")
    assert got["1508"] == ("TIME", "2010-01-13T15:08")
    assert got["1623"] == ("TIME", "2010-01-13T16:23")
    assert got["1653"] == ("TIME", "2010-01-13T16:53")
    # "1600 GMT" is a time of the day, not the year 1600
    assert [(t.type, t.value) for t in tag_timexes("The deadline is 1600 GMT.", dct)] == [("TIME", "2010-01-13T16:00")]
    # a year after its preposition stays a year, and one entry time alone on a normal page is not a live page
    assert [v for k, v in got.items() if "1946" in k] == [("DATE", "1946")]
    one = "1504 An aid agency pledges money. It said more would come."
    assert [(t.type, t.value) for t in tag_timexes(one, dct)] == [("DATE", "1504")]
    # and the timeline no longer dates the live page's events 500 years back
    art = storyline.Article(id="live", text=live, title="Live", published=dct)
    assert all(e.date.startswith("2010") or e.date == "1946" for e in storyline.timeline([art]))


def test_a_span_of_weekdays_ends_after_it_starts_and_a_stamp_time_is_of_the_page() -> None:
    saturday = date(2031, 3, 1)
    got = [(t.text, t.value) for t in tag_timexes(
        "A curfew from 4 p.m. Saturday to 8 a.m. Sunday has been imposed in the capital.", saturday)]
    assert got == [("4 p.m. Saturday", "2031-03-01T16:00"), ("8 a.m. Sunday", "2031-03-02T08:00")]
    # a list of days is no span
    listed = [t.value for t in tag_timexes("Statements were made Friday and Thursday by the lawyer.", saturday)]
    assert listed == ["2031-02-28", "2031-02-27"]
    # "can" looks ahead like "could": the new government is appointed on the coming Saturday
    friday = date(2031, 2, 28)
    ahead = tag_timexes("The president says he asked the cabinet to resign so he can appoint a new one Saturday.", friday)
    assert [t.value for t in ahead] == ["2031-03-01"]
    # the time of a page's update stamp is of the page's own day, whatever day the text named before
    stamped = tag_timexes("Protests began on Tuesday.\n(Updated 5:31 p.m.) The president spoke.", friday)
    assert [t.value for t in stamped] == ["2031-02-25", "2031-02-28T17:31"]



def test_following_without_the_is_a_preposition_not_the_next_weekday() -> None:
    saturday = date(2031, 3, 8)
    got = [(t.text, t.value) for t in tag_timexes(
        "The cabinet delayed its vote following Friday's bombing at the market. Talks resumed the following "
        "Monday.", saturday)]
    assert got == [("Friday", "2031-03-07"), ("the following Monday", "2031-03-10")]


def test_a_date_just_after_a_past_passive_is_in_the_past() -> None:
    from datetime import date

    from storyline.analyze.timex import tag_timexes

    def values(text: str) -> list[str]:
        return [t.value for t in tag_timexes(text, date(2030, 12, 9))]

    # in a December report, "was seized on Jan. 29" is last January, not next
    assert values("The aid worker was seized on Jan. 29.") == ["2030-01-29"]
    assert values("He had been freed in January.") == ["2030-01"]
    # what is ahead stays ahead
    assert values("Talks will be held in January.") == ["2031-01"]
    assert values("The vote was postponed until Jan. 29.") == ["2031-01-29"]


def test_an_infinitive_participle_tells_no_past() -> None:
    from datetime import date

    from storyline.analyze.timex import tag_timexes

    def value(text: str) -> str:
        return tag_timexes(text, date(2030, 9, 19))[0].value  # a Thursday

    assert value("Engineers expect the well to be completely sealed on Saturday.") == "2030-09-21"
    assert value("The well is due to be sealed Saturday.") == "2030-09-21"
    assert value("The well was sealed on Saturday.") == "2030-09-14"


def test_numbers_and_phrases_that_look_like_dates() -> None:
    from datetime import date

    from storyline.analyze.timex import tag_timexes

    def tagged(text: str) -> list[tuple[str, str]]:
        return [(t.text, t.value) for t in tag_timexes(text, date(2031, 8, 23))]

    # a numbered thing is no year; a year of one's life is no calendar year
    assert tagged("The UN Security Council resolution 1973 set up a no-fly zone.") == []
    assert tagged("Flight 1549 landed on the river.") == []
    assert tagged("I was in my last year in high school.") == []
    assert tagged("In 1973 the war began.") == [("1973", "1973")]
    # a year after a comma without a space, and after a clock time and its day, is the date's
    assert tagged("She was governor from Jan 2,2003 to Jan 4,2007.") == [
        ("Jan 2,2003", "2003-01-02"), ("Jan 4,2007", "2007-01-04")]
    assert tagged("It was just after midnight on March 24, 1989 that the tanker hit the reef.") == [
        ("midnight on March 24, 1989", "1989-03-24T24:00")]


def test_the_day_after_an_event_is_not_the_day_after_the_last_date() -> None:
    from datetime import date

    from storyline.analyze.timex import tag_timexes

    got = [(t.text, t.value) for t in tag_timexes(
        "He was fired on Sept. 2, the day after controls were imposed. He was last seen Nov. 3, the day "
        "before the raid. The day after tomorrow is a holiday.", date(2030, 11, 3))]
    assert ("Sept. 2", "2030-09-02") in got and ("The day after tomorrow", "2030-11-05") in got, got
    assert not any(v in ("2030-09-03", "2030-11-02") for _, v in got), got


def test_a_far_will_of_the_sentence_looks_ahead_when_nothing_nearer_tells() -> None:
    from datetime import date

    from storyline.analyze.timex import tag_timexes

    text = ("The panel will resume considering the involuntary manslaughter charge against the doctor "
            "on Monday. Officials will decide soon. The jury met on Monday.")
    got = [t.value for t in tag_timexes(text, date(2031, 11, 7))]  # a Friday
    assert got == ["2031-11-10", "2031-11-03"], got
    # a participle after the far modal is the modal's ("will be announced ... Friday" looks ahead);
    # the same sentence in the past does not
    wednesday = date(2031, 4, 9)
    text = "The results will be announced by the national election commission in the capital Friday."
    assert [t.value for t in tag_timexes(text, wednesday)] == ["2031-04-11"]
    text = "The results were announced by the national election commission in the capital Friday."
    assert [t.value for t in tag_timexes(text, wednesday)] == ["2031-04-04"]
    # (an active participle far from the modal is another clause's past)
    text = "The inquiry will examine why the ferry capsized off the northern coast of the island near Kalmar on Friday."
    assert [t.value for t in tag_timexes(text, wednesday)] == ["2031-04-04"]


def test_a_live_page_is_read_on_the_day_of_its_last_update() -> None:
    from datetime import date

    from storyline.analyze.timex import live_days, tag_timexes

    page = ("(Update 11:02 a.m. Friday in Cairo, 4:02 a.m. ET) The government froze the president's assets, "
            "officials said Friday. The president said Thursday night he would stay.")
    thursday = date(2031, 2, 13)
    assert live_days(page, thursday) == [(0, date(2031, 2, 14))]
    got = {t.text: t.value for t in tag_timexes(page, thursday)}
    assert got["Friday"] == "2031-02-14" and got["Thursday night"].startswith("2031-02-13"), got
    # a page without such stamps keeps its date; a weekday stamp of days before it changes nothing
    assert live_days("Officials said Friday the talks failed.", thursday) == []
    assert [d for _, d in live_days("(Updated 9 p.m. Monday) Talks failed.", thursday)] == [thursday]


def test_a_plan_noun_or_a_relative_clause_is_no_plan_of_a_fronted_day() -> None:
    d = date(1998, 9, 2)  # a Wednesday
    assert one("On Sunday, plans to build a new dam were unveiled.", d).value == "1998-08-30"
    assert one("On Sunday, an official who is due to retire resigned.", d).value == "1998-08-30"
    assert one("On Sunday, Clinton plans to visit American troops.", d).value == "1998-09-06"


def test_due_for_a_weekday_is_the_coming_one_and_this_day_last_year_is_a_day() -> None:
    wed = date(1998, 10, 28)
    (tx,) = tag_timexes("De Klerk said he would sue to block the report, which was due for release Thursday.", wed)
    assert tx.value == "1998-10-29"
    (tx,) = tag_timexes("On this day last year, a fourth bomb exploded on a bus.", date(2006, 7, 7))
    assert (tx.text, tx.value) == ("this day last year", "2005-07-07")
    (tx,) = tag_timexes("A year ago today the bridge fell.", date(2006, 7, 7))
    assert tx.value == "2005-07-07"


def test_dates_inside_a_page_without_punctuation_read_as_in_a_sentence() -> None:
    """A page without sentence ends reads the few thousand characters around each date as its
    sentence: the dates it holds get the values they get in a short sentence."""
    filler = " ".join("the river rose over the old bridge and farmers moved their herds uphill".split() * 300)
    short = "the water fell on Tuesday and the road opened on March 3"
    text = filler + " " + short + " " + filler
    dct = date(2019, 1, 9)
    want = [(t.text, t.value) for t in tag_timexes(short, dct)]
    got = [(t.text, t.value) for t in tag_timexes(text, dct)]
    # ("the road opened on March 3" in a January report: an opening that is over, last March's)
    assert want == [("Tuesday", "2019-01-08"), ("March 3", "2018-03-03")] and got == want


def test_an_awards_title_is_no_time():
    text = "He was voted European Player of the Year in 1968, and his side team of the year."
    assert [(t.text, t.value) for t in tag_timexes(text, date(2005, 12, 3))] == [("1968", "1968")]
    assert [t.value for t in tag_timexes("Sales were the highest of the year.", date(2005, 12, 3))] == ["2005"]


def test_a_march_named_with_a_capitalised_preposition_is_no_month() -> None:
    from storyline import tag_timexes

    dct = date(2018, 4, 30)
    assert [t.text for t in tag_timexes("They had walked for a week as part of the March Without Borders.", dct)] \
        == ["a week"]
    assert [(t.text, t.value) for t in tag_timexes("The March Treasury report was late.", dct)] == [("March", "2018-03")]


def test_a_that_clause_after_a_weekday_tells_the_reported_tense_not_the_days() -> None:
    # "says Tuesday that he will resign": the "will" is what was said, the saying was on Tuesday
    wed = date(2011, 2, 2)
    for text, want in [("The mayor says Tuesday that he will resign.", "2011-02-01"),
                       ("The mayor's announcement Tuesday that he will resign in May does not go far enough.",
                        "2011-02-01"),
                       ("A spokesman suggested Thursday that the port could reopen in March.", "2011-01-27"),
                       ("The council meets Thursday to decide whether the port will reopen.", "2011-02-03"),
                       ("The council will vote Thursday that the port reopens.", "2011-02-03"),
                       # a plan to say it: the day looks ahead all the same
                       ("The central bank is likely to signal on Thursday that rates will rise.", "2011-02-03"),
                       ("The minister is poised to announce Tuesday that subsidies will end.", "2011-02-08")]:
        got = [t.value for t in tag_timexes(text, wed) if t.text in ("Tuesday", "Thursday")]
        assert got == [want], (text, got)
    # only a that-clause right after the expression is what was said ("ahead of a November election
    # that is widely expected to ..." is still the coming November)
    got = [t.value for t in tag_timexes("The party looks weak ahead of a November election that is widely expected "
                                        "to erode its majority.", date(2010, 5, 24)) if t.text == "November"]
    assert got == ["2010-11"], got


def test_a_present_progressive_before_a_weekday_is_an_arrangement_ahead() -> None:
    friday = date(2024, 3, 8)
    for text in ("I've got in touch with the others and we're meeting on Saturday.",
                 "I 've got in touch with the others and we 're meeting on Saturday .",
                 "The minister is flying to Brenton on Saturday.",
                 "About 300 reporters are also gearing up for the Third Harbour Conference on Saturday."):
        got = [t.value for t in tag_timexes(text, friday) if t.text == "Saturday"]
        assert got == ["2024-03-09"], (text, got)
    got = [t.value for t in tag_timexes("They were meeting on Saturday when the bridge fell.", friday)]
    assert got == ["2024-03-02"], got


def test_a_fronted_weekday_takes_the_modal_of_a_long_clause() -> None:
    # "On Sunday, <a subject of many words> will ...": the modal is the day's, however far
    got = tag_timexes("On Sunday, the new two-storey Riverside children's hospital on Mill Street will open its doors.",
                      date(2021, 6, 18))
    assert [(t.text, t.value) for t in got] == [("Sunday", "2021-06-20")]


def test_last_and_earlier_tell_a_past_only_of_a_time() -> None:
    fri = date(2021, 6, 18)
    # "its last rival" is no "last week"; "no earlier than Monday" looks ahead
    assert one("The Larks are to face their last rival, the Owls, on Sunday.", fri).value == "2021-06-20"
    assert one("Final results are expected no earlier than Monday.", fri).value == "2021-06-21"
    assert one("The Larks beat the Owls on Sunday, earlier than planned.", fri).value == "2021-06-13"


def test_plan_verbs_used_as_nouns_and_a_causal_due_to_tell_no_future() -> None:
    wed = date(2021, 6, 16)
    for text in ("The mayor, who arrived here on a surprise visit on Tuesday, spoke to the press.",
                 "Observers said the council vote on Tuesday showed a split.",
                 "Rioters threw stones and the police fired shots in return on Tuesday.",
                 "Two players pulled out due to injuries on Tuesday.",
                 "A lorry and a car collided head on Tuesday night near the bridge."):
        got = [t.value[:10] for t in tag_timexes(text, wed) if t.text.startswith("Tuesday")]
        assert got == ["2021-06-15"], (text, got)
    # the verbs themselves still look ahead
    assert one("The council votes on Friday.", wed).value == "2021-06-18"
    assert one("The ferry is due to leave on Friday.", wed).value == "2021-06-18"


def test_a_modal_governs_a_whole_clause_but_not_a_participle_after_a_noun() -> None:
    sun = date(2021, 6, 13)
    # a day joined to the next takes its modal; a modal further back than a few words still counts
    assert [t.value for t in tag_timexes("The summit on Friday and Saturday will gather forty leaders.", sun)] \
        == ["2021-06-18", "2021-06-19"]
    text = "The drafts written by the advisers will be handed to the ministers for their discussion on Tuesday."
    assert [t.value for t in tag_timexes(text, sun)] == ["2021-06-15"]
    # "would" and "is expected to" look ahead from the far end of a long clause
    text = "He said that without a deal the utility would move towards cutting off the water supply at dawn Monday."
    assert [t.value for t in tag_timexes(text, sun) if t.text == "Monday"] == ["2021-06-14"]
    text = "If the bill fails, the premier is widely expected to ask the governor general to recall parliament on Tuesday."
    assert [t.value for t in tag_timexes(text, sun)] == ["2021-06-15"]
    # a participle after a noun is a past of its own ("the deal clinched on Friday"), and so is one
    # after a comma ("will offer a chance, local radio reported Friday")
    text = "The envoy said the panel will oversee the handling of the deal clinched on Friday."
    assert [t.value for t in tag_timexes(text, sun)] == ["2021-06-11"]
    text = "The new road will offer a faster route to the coast, local radio reported Friday."
    assert [t.value for t in tag_timexes(text, sun)] == ["2021-06-11"]


def test_a_past_verb_before_that_is_not_the_tense_of_the_that_clause() -> None:
    text = "The minister said Tuesday that Sunday's local elections will go ahead as planned."
    got = [(t.text, t.value) for t in tag_timexes(text, date(2021, 6, 16))]
    assert got == [("Tuesday", "2021-06-15"), ("Sunday", "2021-06-20")], got


def test_a_date_before_a_colon_in_a_schedule_is_a_date() -> None:
    got = tag_timexes("Programme:\nJune 22: heats\nJune 23: finals", date(2021, 6, 18))
    assert [(t.text, t.value) for t in got] == [("June 22", "2021-06-22"), ("June 23", "2021-06-23")]


def test_numbers_with_thousands_separators_count_units() -> None:
    got = tag_timexes("The abbey was built about 1,200 years ago and stood for more than 1,000 years.",
                      date(2021, 6, 18))
    assert [(t.text, t.value) for t in got] == [("about 1,200 years ago", "0821"),
                                                ("more than 1,000 years", "P1000Y")]


def test_a_newspaper_named_for_a_day_is_no_day() -> None:
    sat = date(2021, 6, 19)
    for text in ("He quit, the Sunday Times reported.", "He told the Mail on Sunday that he quit."):
        assert tag_timexes(text, sat) == [], text
    assert [t.value for t in tag_timexes("He told the Sunday Herald on Friday that he quit.", sat)] == ["2021-06-18"]


def test_quarter_and_half_abbreviations_and_day_first_slash_dates() -> None:
    dct = date(2013, 3, 18)
    got = [(t.text, t.value) for t in tag_timexes("Sales rose in Q4 2012 and 2Q 2013; H1 results and Q1 look weak.",
                                                  dct)]
    assert got == [("Q4 2012", "2012-Q4"), ("2Q 2013", "2013-Q2"), ("H1", "2013-H1"), ("Q1", "2013-Q1")], got
    assert tag_timexes("The H1N1 flu hit the Audi Q3 plant.", dct) == []
    assert [t.value for t in tag_timexes("Last updated 18/03/2013.", dct)] == ["2013-03-18"]
    assert [t.value for t in tag_timexes("Filed 03/12/2013.", dct)] == ["2013-03-12"]


def test_a_share_is_no_quarter_and_a_sum_is_no_year() -> None:
    dct = date(2013, 3, 18)
    for text in ("Rates rose a quarter percentage point.", "Three quarters of a million people left.",
                 "The party won a quarter of the vote.", "Exports were 1950 million dollars."):
        assert tag_timexes(text, dct) == [], text
    assert [t.value for t in tag_timexes("Profit fell in the quarter.", dct)] == ["2012-Q4"]


def test_a_part_of_one_unit_is_a_duration_of_that_part() -> None:
    dct = date(2013, 3, 18)
    for text, value in (("The talks lasted half an hour.", "PT30M"), ("It took half a century to build.", "P50Y"),
                        ("He ruled for a quarter century.", "P25Y"), ("She waited a half-hour.", "PT30M"),
                        ("It took a quarter of an hour.", "PT15M"), ("The flight took an hour and a half.", "PT1H30M")):
        assert [(t.type, t.value) for t in tag_timexes(text, dct)] == [("DURATION", value)], text
    assert [t.value for t in tag_timexes("The mill closed a quarter century ago.", dct)] == ["1988"]


def test_a_year_before_the_common_era_is_written_bc() -> None:
    got = tag_timexes("The shrine was raised 2,500 years ago.", date(2013, 3, 18))
    assert [(t.text, t.value) for t in got] == [("2,500 years ago", "BC0488")]


def test_durations_of_falling_units_in_a_row_are_one_duration() -> None:
    dct = date(2013, 3, 18)
    for text, span, value in (("She won in 1 hour 08 minutes 14 seconds.", "1 hour 08 minutes 14 seconds", "PT1H8M14S"),
                              ("The final took two hours, 5 minutes and 3 seconds.", "two hours, 5 minutes and 3 seconds",
                               "PT2H5M3S"),
                              ("He served three years and two months in jail.", "three years and two months", "P3Y2M")):
        assert [(t.text, t.value) for t in tag_timexes(text, dct)] == [(span, value)], text
    # a list of durations of the same unit stays a list
    assert len(tag_timexes("The tour took two days and three nights.", dct)) == 2


def test_a_half_or_quarter_of_a_game_is_no_calendar_half_or_quarter() -> None:
    dct = date(2013, 3, 18)
    for text in ("Ortiz scored early in the second half.", "The Hawks led 54-43 in the fourth quarter.",
                 "He struggled in the first half of the season."):
        assert tag_timexes(text, dct) == [], text
    report = ("The Rovers won the match 2-1. Their keeper saved a penalty and the striker scored twice. "
              "Nothing much happened in the second half.")
    assert tag_timexes(report, dct) == []
    for text, value in (("Sales fell in the second half.", "2013-H2"), ("The economy grew in the third quarter.",
                                                                         "2012-Q3"),
                        ("Net income rose in the fiscal-first quarter.", "2013-Q1")):
        assert [t.value for t in tag_timexes(text, dct)] == [value], text


def test_a_span_of_months_named_as_a_quarter_or_period() -> None:
    dct = date(2013, 11, 20)
    for text, span, value in (("Exports rose in the July-September quarter.", "the July-September quarter", "2013-Q3"),
                              ("Sales fell in the January-June period.", "the January-June period", "2013-H1"),
                              ("Income rose in the January-September period.", "the January-September period",
                               "2013-01")):
        assert [(t.text, t.value) for t in tag_timexes(text, dct)] == [(span, value)], text


def test_the_new_year_and_a_season_of_play() -> None:
    dct = date(2013, 11, 20)
    assert [(t.text, t.value) for t in tag_timexes("A vote is likely early in the new year.", dct)] \
        == [("the new year", "2014")]
    assert tag_timexes("Shops shut for the New Year holiday.", dct) == []
    got = [(t.text, t.value) for t in tag_timexes("He scored 30 goals last season and 12 this season.", dct)]
    assert got == [("last season", "PAST_REF"), ("this season", "PRESENT_REF")], got


def test_clock_times_of_twenty_four_hours_and_after_a_date() -> None:
    dct = date(2013, 3, 18)
    got = [(t.text, t.type, t.value) for t in tag_timexes("The ultimatum runs out at 0600 (GMT).", dct)]
    assert got == [("0600", "TIME", "2013-03-18T06:00")], got
    # a conversion in brackets after a local time is the same time
    got = [t.text for t in tag_timexes("The blast came at 10:35 a.m. (0635 GMT).", dct)]
    assert got == ["10:35 a.m."], got
    got = [(t.text, t.type, t.value) for t in tag_timexes("The panel met on March 12, 14:05 in Rome.", dct)]
    assert got == [("March 12, 14:05", "TIME", "2013-03-12T14:05")], got


def test_a_month_and_day_with_a_slash_where_a_day_is_wanted() -> None:
    dct = date(2013, 3, 18)
    assert [t.value for t in tag_timexes("The game on 3/14 was close.", dct)] == ["2013-03-14"]
    assert tag_timexes("They won 3/4 of the vote, and 7/10 of the seats.", dct) == []


def test_weekday_and_month_tense_of_plans_told_in_the_present_and_plans_since_changed() -> None:
    mon = date(2013, 3, 18)
    for text, value in (("The cup games kick off on Wednesday.", "2013-03-20"),
                        ("The new paper starts publication on Sunday.", "2013-03-24"),
                        ("The court had been scheduled to hear motions beginning on Friday.", "2013-03-15"),
                        ("Rain on Wednesday could raise the river.", "2013-03-20")):
        assert [t.value for t in tag_timexes(text, mon)] == [value], text
    nov = date(2013, 11, 6)
    for text, value in (("The dialogue was last scheduled for July 25.", "2013-07-25"),
                        ("The costs of a spill in August could reach millions.", "2013-08"),
                        ("Talks began in October which is expected to last a decade.", "2013-10")):
        assert [t.value for t in tag_timexes(text, nov) if t.type == "DATE"] == [value], text


def test_durations_offered_as_alternatives_stay_apart() -> None:
    dct = date(2013, 3, 18)
    got = [(t.text, t.value) for t in tag_timexes("The repairs could take one year, 40 days or even three months.", dct)]
    assert got == [("one year", "P1Y"), ("40 days", "P40D"), ("three months", "P3M")], got
    got = [t.value for t in tag_timexes("The ban may last two years, five months, nine days or a week.", dct)]
    assert got == ["P2Y", "P5M", "P9D", "P1W"], got
    # a sum told with commas is still one duration
    got = [(t.text, t.value) for t in tag_timexes("The climb took 3 hours, 12 minutes or so.", dct)]
    assert got == [("3 hours, 12 minutes or so", "PT3H12M")], got


def test_a_half_the_smaller_unit_does_not_take_whole_stays_a_decimal() -> None:
    dct = date(2013, 3, 18)
    for text, value in (("The strike lasted a week and a half.", "P1.5W"), ("It took 2.5 weeks.", "P2.5W"),
                        ("The fair ran a month and a half.", "P45D"), ("He served a year and a half.", "P1Y6M"),
                        ("The siege lasted a day and a half.", "P1DT12H")):
        assert [t.value for t in tag_timexes(text, dct)] == [value], text


def test_a_twenty_four_hour_time_before_its_day_is_of_that_day() -> None:
    wed = date(2013, 3, 20)
    for text, span, value in (("The pipeline will shut at 0700 GMT on Monday.", "0700 GMT on Monday", "2013-03-25T07:00"),
                              ("The pipeline shut from 0700 GMT Monday.", "0700 GMT Monday", "2013-03-18T07:00"),
                              ("Voting opens at 0600 GMT on March 24.", "0600 GMT on March 24", "2013-03-24T06:00")):
        assert [(t.text, t.type, t.value) for t in tag_timexes(text, wed)] == [(span, "TIME", value)], text


def test_each_entry_of_a_live_page_is_read_on_its_own_day() -> None:
    from storyline.analyze.timex import live_days

    # newest entry first; the page is dated Saturday, its entries run from Saturday evening past midnight
    page = ("(Update 1:15 a.m. Sunday in Lagos, 8:15 p.m. ET) Troops sealed the port, officials said Sunday. "
            "(Update 11:40 p.m. Lagos, 6:40 p.m. ET) Sirens could be heard Saturday night across the city. "
            "(Update 9:05 p.m. Lagos, 4:05 p.m. ET) The mayor will speak Sunday, an aide said.")
    saturday = date(2031, 3, 15)
    # (and past the last entry, the page's own date)
    assert [d for _, d in live_days(page, saturday)] == [date(2031, 3, 16), saturday, saturday, saturday]
    got = [(t.text, t.value) for t in tag_timexes(page, saturday) if "ET" not in t.text]
    assert got == [("1:15 a.m. Sunday", "2031-03-16T01:15"), ("Sunday", "2031-03-16"), ("11:40 p.m.", "2031-03-15T23:40"),
                   ("Saturday night", "2031-03-15TNI"), ("9:05 p.m.", "2031-03-15T21:05"), ("Sunday", "2031-03-16")], got
    # a page dated the day before its first entry: its days come from the weekdays its stamps name
    page = ("(Update 12:10 a.m. Thursday in Lagos, 7:10 p.m. ET Wednesday) Talks broke up. "
            "(Update 2:30 p.m. Lagos, 9:30 a.m. ET) Marchers plan a rally in the city Wednesday. "
            "(Update 9:00 a.m. Wednesday in Lagos, 4 a.m. ET) Shops stayed shut.")
    tuesday = date(2031, 3, 11)
    assert [d for _, d in live_days(page, tuesday)][:3] == [date(2031, 3, 13), date(2031, 3, 12), date(2031, 3, 12)]
    assert {t.text: t.value for t in tag_timexes(page, tuesday)}["Wednesday"] == "2031-03-12"
    # another section's text far past the last entry is of the page's date
    tail = page + " Traders shrugged off the news." * 12 + " Markets rallied on Tuesday."
    assert [t.value for t in tag_timexes(tail, tuesday) if t.text == "Tuesday"] == ["2031-03-11"]


def test_what_could_be_heard_or_seen_on_a_day_is_past() -> None:
    monday = date(2013, 3, 18)
    for text, value in (("Heavy gunfire could be heard Sunday night in the city.", "2013-03-17TNI"),
                        ("Residents could see smoke on Saturday over the port.", "2013-03-16"),
                        ("The vote could be delayed until Friday.", "2013-03-22")):
        assert [t.value for t in tag_timexes(text, monday)] == [value], text


def test_a_past_form_right_before_a_weekday_outweighs_a_could_after_it() -> None:
    thursday = date(2031, 3, 13)
    # what was done or said on the day, with a "could" of what follows: the day before the paper's
    for text, value in (("The rescue drill launched on Wednesday could end the standoff.", "2031-03-12"),
                        ("The harbour master said on Monday storms could close the port.", "2031-03-10"),
                        ("Farmers who filed by Tuesday could get the aid.", "2031-03-11"),
                        # a "could" with no past form before the day still looks ahead
                        ("Snow on Saturday could close the pass.", "2031-03-15"),
                        ("The ferry could sail on Saturday.", "2031-03-15")):
        assert [t.value for t in tag_timexes(text, thursday)] == [value], text


def test_a_fronted_day_before_a_tokenized_comma_and_a_hyphened_participle() -> None:
    sunday = date(2011, 6, 5)
    for text in ("On Monday , a curfew will start early .",  # a tokenized text's comma
                 "On Monday, a state-imposed curfew will start one hour earlier than it did, TV reported.",
                 "On Monday, US-backed forces will attack."):
        assert [t.value for t in tag_timexes(text, sunday) if t.text == "Monday"] == ["2011-06-06"], text
    assert [t.value for t in tag_timexes("Fighters attacked on Monday.", sunday)] == ["2011-05-30"]


def test_a_date_that_opens_a_name_is_no_date() -> None:
    dct = date(2031, 5, 6)
    for text in ("A commander of the 3rd of March Martyrs Brigade spoke.", "Police closed the 9 October Bridge.",
                 "The June 2 Youth Movement called a strike.", "Leaders of the November 4 Uprising met."):
        assert tag_timexes(text, dct) == [], text
    # the day of an event, or a date before a sentence's subject, is a date
    for text, value in (("A March 17 Security Council resolution allowed force.", "2031-03-17"),
                        ("On March 3 Square Enix released a game.", "2031-03-03")):
        assert [t.value for t in tag_timexes(text, dct)] == [value], text


def test_a_fronted_day_looks_ahead_only_with_its_own_clause_modal() -> None:
    tuesday = date(2031, 7, 22)
    # a modal of a clause within, or one without a subject of its own (the day set off by commas), is not the day's
    for text, value in (("On Thursday, Moss stuck to the estimate that the leak will be plugged by August.", "2031-07-17"),
                        ("The foreman, who ran the rig at the time of its explosion, on 20 April, will not testify.",
                         "2031-04-20")):
        assert [t.value for t in tag_timexes(text, tuesday)][0] == value, text
    assert [t.value for t in tag_timexes("On Thursday, the next round will play out in court.", tuesday)] == ["2031-07-24"]


def test_what_a_place_braces_for_on_a_day_is_ahead() -> None:
    monday = date(2031, 3, 17)
    assert [t.value for t in tag_timexes("The capital braced for a general strike Tuesday.", monday)] == ["2031-03-18"]
    assert [t.value for t in tag_timexes("Residents braced themselves on Sunday.", monday)] == ["2031-03-16"]


def test_the_end_of_a_span_of_weekdays_is_the_first_such_day_after_its_start() -> None:
    sunday = date(2031, 3, 16)
    # "until" and "through" alone would name the nearest such day, here the coming one: a week after the start
    for text in ("The delegations were holed up in a hotel from Tuesday until Wednesday.",
                 "Ferries were halted Tuesday through Wednesday.",
                 "Roads closed from 10 p.m. Tuesday until 6 a.m. Wednesday."):
        assert [t.value[:10] for t in tag_timexes(text, sunday)] == ["2031-03-11", "2031-03-12"], text
    assert [t.value for t in tag_timexes("Shares were bought from Feb. 3 to Tuesday.", sunday)] == ["2031-02-03",
                                                                                                    "2031-03-11"]


def test_a_participle_of_the_subject_is_no_verb_of_a_fronted_days_clause() -> None:
    sunday = date(2031, 3, 16)
    for text in ("On Monday, the newly appointed minister will speak.",
                 "On Monday, residents of flooded towns will return home.",
                 "On Monday, the newly elected mayor plans to visit the dam."):
        assert [t.value for t in tag_timexes(text, sunday)] == ["2031-03-17"], text
    # the clause's own verb in the past
    assert [t.value for t in tag_timexes("On Monday, aides announced the minister will speak.", sunday)] == [
        "2031-03-10"]
    # a day that does not open its clause is no fronted day
    assert [t.value for t in tag_timexes("The envoy rebuffed the plan on Monday, saying monitors will not visit.",
                                         sunday)] == ["2031-03-10"]


def test_a_capitalised_unit_after_its_determiner_is_a_title() -> None:
    monday = date(2031, 3, 17)
    for text in ("The Week, a weekly digest, printed the letter.", "She spoke to The Week on Thursday.",
                 'Mr. Lane, speaking on "This Week," said the talks had stalled.',
                 "Gold coins were sold in the Year of the Horse."):
        assert "The Week" not in [t.text for t in tag_timexes(text, monday)], text
        assert not [t for t in tag_timexes(text, monday) if t.text.lower().endswith(("week", "year"))], text
    # a headline's capitals, and the lower-case unit, are times
    assert [t.value for t in tag_timexes("Shares Slide This Week", monday)] == ["2031-W12"]
    assert [t.value for t in tag_timexes("The week ended with a rally.", monday)] == ["2031-W12"]


def test_a_quarter_told_as_ahead_is_not_the_quarter_results_compare() -> None:
    report = date(2031, 11, 3)
    text = ("Orbis Corp.'s third-quarter profit fell 8%. The company said the storm last month will lead to a "
            "fourth-quarter charge. In the latest quarter, its shipping arm lost $4 million, against a profit of "
            "$2 million a year ago.")
    got = {t.text: t.value for t in tag_timexes(text, report)}
    assert got["the latest quarter"] == "2031-Q3" and got["a year ago"] == "2030-Q3", got
    # a quarter the report gives results for is the one compared, fiscal or not
    text = "Lumo Inc. reported lower fourth-quarter earnings. Sales in the latest period rose 5% from a year earlier."
    got = {t.text: t.value for t in tag_timexes(text, report)}
    assert got["the latest period"] == "2031-Q4" and got["a year earlier"] == "2030-Q4", got


def test_a_plan_told_in_the_pluperfect_is_a_plan_since_changed() -> None:
    monday = date(2031, 3, 17)
    for text in ("The offer was extended to April 2. It had been due to expire Friday evening.",
                 "The offer previously had been scheduled to expire at midnight Friday.",
                 "The vote had been expected to take place on Friday."):
        assert [t.value[:10] for t in tag_timexes(text, monday)][-1] == "2031-03-14", text
    assert [t.value for t in tag_timexes("The offer is due to expire Friday.", monday)] == ["2031-03-21"]


def test_a_month_far_from_its_clauses_modal_looks_ahead_as_a_weekday_does() -> None:
    march = date(2031, 3, 5)
    for text, value in (("Captain Rhee will be named commander of the research vessel Aurora for a voyage in December.",
                         "2031-12"),
                        ("The two airlines will almost double their flights between Lagos and Accra from August 6.",
                         "2031-08-06")):
        assert [t.value for t in tag_timexes(text, march)] == [value], text
    # a past further on is the clause's own ("who died in September")
    text = "The match will be played in honour of Ole Berg, a former captain of the club, who died in September."
    assert [t.value for t in tag_timexes(text, date(2031, 11, 15))] == ["2031-09"]


def test_a_participle_after_its_article_is_an_adjective_not_a_past() -> None:
    october = date(2031, 10, 23)
    for text, value in (("The dividend would be paid on a still unspecified date in January.", "2032-01"),
                        ("The premier sees few changes after an expected federal election in January.", "2032-01")):
        assert [t.value for t in tag_timexes(text, october)] == [value], text
    assert [t.value for t in tag_timexes("The dividend was suspended in January.", october)] == ["2031-01"]


def test_last_after_a_modal_or_to_is_the_verb_and_the_units_a_duration() -> None:
    for text, want in (("The drought could last months, the farmers' union warned.", [("months", "PXM")]),
                       ("The hearing is expected to last two weeks.", [("two weeks", "P2W")]),
                       ("The siege of the port, which lasted just hours, ended at dawn.", [("hours", "PTXH")])):
        assert [(t.text, t.value) for t in tag_timexes(text, THU) if t.type == "DURATION"] == want, text
    # a time's "last" stays one: "the last two weeks", "compared to last year"
    assert tags("Sales rose 4% compared to last year and fell in the last two weeks.") == [
        ("last year", "DATE", "2018"), ("the last two weeks", "DURATION", "P2W")]


def test_a_day_of_a_past_year_written_with_its_year_keeps_it_when_named_again() -> None:
    text = ("The harbour has been closed since the flood of October 3, 2014. Before October 3, ferries ran "
            "hourly; the port authority met on October 3.")
    assert [t.value for t in tag_timexes(text, THU) if t.text.startswith("October")] == [
        "2014-10-03", "2014-10-03", "2014-10-03"]
    # a chronology naming the day in two years names no year for it; a day ahead is the coming one
    alone = "On the night of 3 May, a fire broke out."
    text = "3 May 2016: the plant opens. 3 May 2017: it closes. " + alone
    assert [t.value for t in tag_timexes(text, THU)][-1] == tag_timexes(alone, THU)[0].value
    text = "The mandate runs until December 31, 2019. The envoy is stepping down on December 31."
    assert [t.value for t in tag_timexes(text, date(2018, 12, 20))] == ["2019-12-31", "2018-12-31"]


def test_a_fiscal_quarter_is_of_its_fiscal_year_not_a_calendar_quarter_still_ahead() -> None:
    march = date(2031, 3, 20)
    for text, want in (("Brindle Corp. said net income rose in fiscal 2031's second quarter.",
                        [("fiscal 2031's second quarter", "2031-Q2")]),
                       ("Sales in 2030's fourth quarter fell.", [("2030's fourth quarter", "2030-Q4")]),
                       ("Brindle's fiscal third-quarter profit rose 18%.", [("fiscal third-quarter", "2031-Q3")]),
                       ("Profit in the second quarter ended Feb. 28 rose.",
                        [("the second quarter", "2031-Q2"), ("Feb. 28", "2031-02-28")])):
        assert [(t.text, t.value) for t in tag_timexes(text, march)] == want, text
    # a calendar quarter not yet begun is last year's
    assert [t.value for t in tag_timexes("Sales in the third quarter fell.", march)] == ["2030-Q3"]


def test_a_half_or_quarter_of_the_year_is_one_expression() -> None:
    assert tags("Growth slowed in the second half of the year.") == [("the second half of the year", "DATE", "2019-H2")]
    assert tags("Costs fell in the first quarter of the fiscal year.") == [
        ("the first quarter of the fiscal year", "DATE", "2019-Q1")]


def test_an_amount_of_each_unit_is_one_set() -> None:
    assert tags("The clinic is open seven days a week and the nurses work 12 hours a day.") == [
        ("seven days a week", "SET", "P1W"), ("12 hours a day", "SET", "P1D")]
    # not a compound duration ("for 20 years, five days a week"), not before "ago"
    assert tags("He has trained for 20 years, five days a week.") == [
        ("20 years", "DURATION", "P20Y"), ("five days a week", "SET", "P1W")]
    assert tags("It grew 5% a year for two years a decade ago.") == [
        ("two years", "DURATION", "P2Y"), ("a decade ago", "DATE", "2009")]


def test_a_time_word_ending_a_title_after_a_name_is_no_time() -> None:
    for text in ("Ms. Varga told USA Today on Monday that the plant would close.",
                 "The mayor told ABC's This Week that the bridge would reopen.",
                 "The senator told CBS This Morning on Monday that she would run.",
                 "Mr. Holm spoke on Quarry News Daily about the strike."):
        assert [t.text for t in tag_timexes(text, THU)] == (["Monday"] if "Monday" in text else []), text
    # a headline in title case keeps its time, and so does a sentence's first word
    assert tags("Harbor Stocks Fall This Week") == [("This Week", "DATE", "2019-W02")]
    assert tags("Today, the council voted to close the harbor.") == [("Today", "DATE", "2019-01-10")]


def test_this_past_and_this_coming_belong_to_the_expression() -> None:
    assert tags("The council met this past week and will vote this coming March.") == [
        ("this past week", "DATE", "2019-W01"), ("this coming March", "DATE", "2019-03")]


def test_a_couple_of_units_without_an_article_is_two() -> None:
    assert tags("Rents may rise over the next couple of years.") == [("the next couple of years", "DURATION", "P2Y")]
    assert tags("Rents rose in the last couple months.") == [("the last couple months", "DURATION", "P2M")]


def test_a_quarter_of_a_plain_noun_is_a_share_not_three_months() -> None:
    assert tags("Less than a quarter of donors gave more than $200.") == []
    assert tags("Nearly a quarter of voters were undecided.") == []
    # a quarter of a unit or of a year is still time, and so are quarters of losses
    assert tags("The shift lasted a quarter of an hour.") == [("a quarter of an hour", "DURATION", "PT15M")]
    assert tags("The firm turned a profit after several quarters of losses.") == [
        ("several quarters", "DURATION", "PXQ")]


def test_a_holidays_week_or_weekend_is_one_expression_of_its_week() -> None:
    april = date(2031, 4, 16)  # Easter 2031 is Sunday April 13
    assert [(t.text, t.value) for t in tag_timexes("The envoys met over Easter weekend.", april)] == [
        ("Easter weekend", "2031-W15-WE")]
    assert [(t.text, t.value) for t in tag_timexes("Pilgrims gathered as Easter week began.", april)] == [
        ("Easter week", "2031-W15")]
    # a Monday holiday's weekend is the one before it: Memorial Day 2031 is Monday May 26
    june = date(2031, 6, 10)
    assert [(t.text, t.value) for t in tag_timexes("Traffic was heavy over the Memorial Day weekend.", june)] == [
        ("Memorial Day weekend", "2031-W21-WE")]
    # a holiday season or break is still no date
    assert tags("The Christmas holiday season was quiet.") == []


def test_a_month_or_day_a_sentence_leads_up_to_is_ahead() -> None:
    spring = date(2030, 4, 20)
    for text, want in (("The party hopes to keep its lead ahead of November elections.", "2030-11"),
                       ("The builder has given himself until November 3 to raise the funds.", "2030-11-03"),
                       ("The mayor served until November.", "2029-11")):
        assert [t.value for t in tag_timexes(text, spring)] == [want], text


def test_a_plan_verb_after_two_modifying_words_is_a_noun() -> None:
    # "a White House visit Friday" is no visit ahead: the Friday before a Wednesday's report
    wed = date(2030, 5, 1)
    text = "The chancellor spoke with reporters after returning from a White House visit Friday."
    assert [t.value for t in tag_timexes(text, wed)] == ["2030-04-26"]


def test_a_vote_named_by_its_month_is_the_coming_one_long_before_it() -> None:
    april = date(2030, 4, 28)
    for text in ("A string of primary wins frees the governor to shift her focus toward the November election.",
                 "The race for the seat is the marquee contest of the November ballot."):
        assert [t.value for t in tag_timexes(text, april)] == ["2030-11"], text
    # soon after it, it is the last one
    assert [t.value for t in tag_timexes("The November election still stirs debate.", date(2031, 1, 20))] == [
        "2030-11"]


def test_a_rule_that_goes_into_effect_on_a_day_looks_ahead() -> None:
    may = date(2030, 5, 19)
    assert [t.value for t in tag_timexes("The law takes effect on Jan. 1.", may)] == ["2031-01-01"]
    assert [t.value for t in tag_timexes("Once the rule goes into effect on Dec. 1, many workers will get more pay.",
                                         may)] == ["2030-12-01"]
    assert [t.value for t in tag_timexes("The rule goes into effect Monday.", may)] == ["2030-05-20"]


# --- twenty-fifth round, continued: leftovers of modern news ------------------------------------------


def test_vague_past_and_spans_of_events_are_found() -> None:
    assert tags("The orchard was planted a long time ago, neighbours say.") == [
        ("a long time ago", "DATE", "PAST_REF")]
    assert tags("I ran into the baker the other day at the ferry.") == [("the other day", "DATE", "PAST_REF")]
    assert tags("The glassworks could close in a matter of weeks.") == [("a matter of weeks", "DURATION", "PXW")]
    assert tags("Over the years the quarry has filled with rain.") == [("the years", "DURATION", "PXY")]
    assert tags("Divers arrived hours after the storm.") == [("hours", "DURATION", "PTXH")]
    assert tags("Days before the regatta, the harbour was dredged.") == [("Days", "DURATION", "PXD")]
    # a noun's plural unit is no duration
    assert tags("In the days before the regatta the harbour was dredged.") == []


def test_a_quarter_century_is_twenty_five_years() -> None:
    assert tags("Ferry fares rose over the past quarter-century.") == [
        ("the past quarter-century", "DURATION", "P25Y")]
    assert tags("Unemployment in the valley is near its quarter-century low.") == [
        ("quarter-century", "DURATION", "P25Y")]


def test_earlier_or_later_in_the_day_is_the_day_told_of() -> None:
    # TBAQ's extent: "the day"; the day is the last one named when it is of the publication's week
    assert tags("The council met earlier in the day.") == [("the day", "DATE", "2019-01-10")]
    assert tags("On Monday the mayor flew to Oslo. Later in the day she met the king.") == [
        ("Monday", "DATE", "2019-01-07"), ("the day", "DATE", "2019-01-07")]
    assert tags("The bridge opened on May 2, 1931. Later in the day a parade crossed it.")[-1] == (
        "the day", "DATE", "2019-01-10")


def test_a_part_of_the_day_after_an_event() -> None:
    assert tags("The morning after the debate, the candidates toured a factory.") == [
        ("The morning", "TIME", "XXXX-XX-XXTMO")]


def test_alternative_amounts_and_repeated_many_are_one_expression() -> None:
    assert tags("The mill shut three or four months ago.") == [("three or four months ago", "DATE", "2018-09")]
    assert tags("The pier burned many, many years ago.") == [("many, many years ago", "DATE", "PAST_REF")]
    assert tags("Repairs will take 10 or 12 days.") == [("10 or 12 days", "DURATION", "P12D")]


def test_over_an_amount_is_more_than_it_unless_it_is_a_period() -> None:
    found = storyline.tag_timexes("The ferry has been idle for over a year.", THU)
    assert [(t.text, t.value, t.mod) for t in found] == [("over a year", "P1Y", "MORE_THAN")]
    # "over" as the preposition of a period stays out
    assert tags("The loan is repaid over three years.") == [("three years", "DURATION", "P3Y")]


def test_an_imperatives_day_is_ahead() -> None:
    # THU is a Thursday: the coming Sunday and Tuesday
    assert [t.value for t in tag_timexes('"Go back to your stalls on Sunday," the mayor told the traders.', THU)] == [
        "2019-01-13"]
    assert [t.value for t in tag_timexes("Join us Tuesday for a reading at the library.", THU)] == ["2019-01-15"]
    # a sentence in no tense that asks nothing keeps the past day
    assert [t.value for t in tag_timexes("The reading on Tuesday at the library.", THU)] == ["2019-01-08"]


def test_a_deadline_named_by_its_day_is_the_nearest_such_day_until_it_passes() -> None:
    wed = date(2030, 5, 1)  # a Wednesday: Saturday is three days on
    assert [t.value for t in tag_timexes("Saturday's truce deadline had been scrapped, the envoy said.", wed)] == [
        "2030-05-04"]
    assert [t.value for t in tag_timexes("Saturday's truce deadline passed without a deal.", wed)] == ["2030-04-27"]


def test_a_quarter_told_as_a_percentage_is_a_share() -> None:
    assert tags("Just over a quarter, 26 percent, backed the levy.") == []
    assert tags("Nearly a quarter (24%) of the fleet is idle.") == []
    assert tags("The levy lasted a quarter, then lapsed.") == [("a quarter", "DURATION", "P1Q")]


def test_a_plan_in_a_past_report_keeps_its_month_ahead() -> None:
    spring = date(2030, 4, 12)
    text = "The senator said she was confident about winning back the governorship in November."
    assert [t.value for t in tag_timexes(text, spring)] == ["2030-11"]
    # a past event stays past
    assert [t.value for t in tag_timexes("The senator said she was fined for speeding in November.", spring)] == [
        "2029-11"]


def test_the_day_before_an_event_set_off_after_a_date_is_that_date() -> None:
    # "Nov. 3, the day before the raid": the apposition names Nov. 3 itself, not Nov. 2; "before" is the
    # signal of an event, no part of the expression (TimeML; TBAQ's "Oct. 12, the day before the plunge")
    got = tag_timexes("Police sealed the farm on Nov. 3, the day before inspectors closed the border.", date(2031, 11, 20))
    assert [(t.text, t.value) for t in got] == [("Nov. 3", "2031-11-03"), ("the day", "2031-11-03")]
    assert [t.text for t in tag_timexes("They met the day before yesterday.", date(2031, 11, 20))] == [
        "the day before yesterday"]
    # without the comma, the day before a date of the text is the day before it
    got = tag_timexes("Inspectors arrived on Nov. 3. The farm had been sealed the day before.", date(2031, 11, 20))
    assert [(t.text, t.value) for t in got] == [("Nov. 3", "2031-11-03"), ("the day before", "2031-11-02")]


def test_a_present_event_or_a_day_set_for_it_is_ahead() -> None:
    # news tells a coming event in the present simple, its object between the verb and the day; a thing "set for"
    # a day is planned (dct a Sunday)
    sun = date(2026, 11, 22)
    for text, value in (("The funeral is set for Monday.", "2026-11-23"),
                        ("The team plays Monday.", "2026-11-23"),
                        ("The visiting champions play host to the league leaders on Wednesday.", "2026-11-25"),
                        ("The province goes to the polls on Thursday.", "2026-11-26"),
                        ("The new tariff comes into force on Monday.", "2026-11-23"),
                        ("The assembly opens its winter session here on Friday.", "2026-11-27"),
                        ("Anna Berg formally takes over the shipping group Friday.", "2026-11-27"),
                        ("The tournament gets under way in June.", "2027-06")):
        assert [t.value for t in tag_timexes(text, sun)] == [value], text
    # no present of the day's event: a plain form after "did" or "to", a possessive day, a span of a habit, a
    # photo's caption ("attend"), an adjective ("welcome"), a name in capitals ("Meet the Press")
    for text, values in (("The team did not play on Monday.", ["2026-11-16"]),
                         ("He wanted to play on Friday.", ["2026-11-20"]),
                         ("The club celebrates Monday's victory.", ["2026-11-16"]),
                         ("Shops open for trade from Monday to Friday.", ["2026-11-16", "2026-11-20"]),
                         ("Thousands attend a protest Thursday.", ["2026-11-19"]),
                         ("It was certainly welcome news Thursday.", ["2026-11-19"]),
                         ("The senator told Meet the Press on Thursday that he would run.", ["2026-11-19"])):
        assert [t.value for t in tag_timexes(text, sun) if t.type == "DATE"] == values, text


def test_open_after_a_past_linking_verb_is_an_adjective() -> None:
    # "opens Monday" is a plan; "remained open Monday" tells what was (dct a Wednesday)
    wed = date(2026, 11, 25)
    for text, value in (("The ferry terminal remained open Monday.", "2026-11-23"),
                        ("Most pharmacies were open on Monday.", "2026-11-23"),
                        ("The new ferry terminal opens Monday.", "2026-11-30")):
        assert [t.value for t in tag_timexes(text, wed)] == [value], text


def test_a_day_led_up_to_in_a_clause_of_no_tense_is_the_nearest() -> None:
    # a condition to be met before a day, a scheduled event of a day's that something leads to or is for: the
    # nearest such day, as "until Tuesday" is (dct a Sunday); not a past ability, a past event, or no condition
    sun = date(2026, 11, 22)
    for text, value in (("The prisoner is executed unless the judge intervenes before Tuesday.", "2026-11-24"),
                        ("The club turn their attention to Tuesday's match with Ajax.", "2026-11-24"),
                        ("Norway await them in Tuesday's final.", "2026-11-24"),
                        ("Spain are one of the eight seeds for Tuesday's draw.", "2026-11-24"),
                        ("If I could see it coming, why couldn't you before Tuesday?", "2026-11-17"),
                        ("The shop existed before Tuesday.", "2026-11-17"),
                        ("Two dead in Tuesday's blast.", "2026-11-17")):
        assert [t.value for t in tag_timexes(text, sun)] == [value], text


def test_a_fronted_day_before_a_long_subject_and_its_plan() -> None:
    # "On Tuesday, <subject> plans to ...": the subject may be a long name (dct a Sunday)
    sun = date(2026, 11, 22)
    text = "On Tuesday, the National Association of Retired Ferry Pilots plans to hold a rally."
    assert [t.value for t in tag_timexes(text, sun)] == ["2026-11-24"]
    text = "On Tuesday, the National Association of Retired Ferry Pilots said it would hold a rally."
    assert [t.value for t in tag_timexes(text, sun)] == ["2026-11-17"]


def test_a_present_passive_in_a_clause_of_time_or_condition_is_ahead() -> None:
    # "when nominations are announced Tuesday": what is to happen (dct a Sunday); a headline's present passive
    # tells a past
    sun = date(2026, 11, 22)
    for text, value in (("The film should feature when the shortlists are announced Tuesday.", "2026-11-24"),
                        ("Engineers say the flow goes on until two relief wells meant to plug the reservoir are "
                         "finished in February.", "2027-02"),
                        ("Two loud blasts are heard early Tuesday near the port.", "2026-11-17")):
        assert [t.value for t in tag_timexes(text, sun)] == [value], text


def test_that_year_and_that_month_are_the_ones_the_text_last_named() -> None:
    # "that year" / "that month": the year (month) the text last named, never the publication's; a month or a date
    # told as "that year"'s takes that year; with none named, the year stays unknown (dct a Wednesday in 2026)
    wed = date(2026, 11, 25)
    text = "The mill opened in 1998. On 14 June that year, a fire closed it; later that month it reopened."
    assert tags(text, wed) == [("1998", "DATE", "1998"), ("14 June", "DATE", "1998-06-14"),
                               ("that year", "DATE", "1998"), ("later that month", "DATE", "1998-06")]
    text = "Lena Holt joined the band in March 2004. By August of that year she had left it."
    assert [v for _, _, v in tags(text, wed)] == ["2004-03", "2004-08", "2004"]
    text = "The council met in 2019. It was petitioned on 2 May and 9 July that year by the fishermen."
    assert [v for _, _, v in tags(text, wed)] == ["2019", "2019-05-02", "2019-07-09", "2019"]
    text = "The harbour froze on Monday. On 3 March that year, the ice broke."
    assert [v for _, _, v in tags(text, wed)] == ["2026-11-23", "XXXX-03-03", "XXXX"]
    text = "The mill opened in 1998. A flood came on Tuesday. Later that month the mill shut."
    assert tags(text, wed)[-1] == ("Later that month", "DATE", "XXXX-XX")


def test_a_day_a_frame_looks_ahead_to_is_the_coming_one() -> None:
    # "in the run-up to Sunday's elections", "ahead of Sunday's vote" in a clause of no tense or a present: the
    # coming Sunday (dct a Monday); told in the past, the nearest ("were deployed ahead of Sunday's vote")
    mon = date(2026, 11, 23)
    for text, value in (("Parties are touring the villages in the run-up to Sunday's council elections.", "2026-11-29"),
                        ("Banners everywhere ahead of Sunday's vote.", "2026-11-29"),
                        ("On the eve of Sunday's referendum, the capital stays calm.", "2026-11-29"),
                        ("Police were deployed ahead of Sunday's vote.", "2026-11-22")):
        assert [t.value for t in tag_timexes(text, mon)] == [value], text


def test_a_relative_clause_set_off_by_commas_does_not_tell_the_days_tense() -> None:
    # "the envoy, who said ..., will travel on Friday": the main clause decides (dct a Monday)
    mon = date(2026, 11, 23)
    for text, value in (("The envoy will meet the elders, who said they were ready, on Friday.", "2026-11-27"),
                        ("On Friday, the envoy, who said the truce was holding, will travel to Tromso.", "2026-11-27"),
                        ("On Friday the envoy, who said the truce was holding, will travel to Tromso.", "2026-11-27"),
                        ("The minister, who will retire next spring, resigned on Friday.", "2026-11-20"),
                        ("The envoy, who arrived on Friday, will speak at noon.", "2026-11-20")):
        assert [t.value for t in tag_timexes(text, mon) if t.text == "Friday"] == [value], text
    # a "said" in a free relative after the day is no tense of its clause ("for what a spokesman said would be")
    text = ("She will open the autumn fair on Tuesday before meeting the apple growers on Thursday for what an aide said "
            "was a long talk.")
    assert [t.value for t in tag_timexes(text, mon)] == ["2026-11-24", "2026-11-26"]


def test_a_clock_time_before_its_day_does_not_change_the_day() -> None:
    # "resumes at 3 p.m. Tuesday" is the Tuesday "resumes Tuesday" is; "at 9:05 a.m. (0305 GMT) Tuesday": the day
    # after the clock time's conversion is its day (dct a Wednesday)
    wed = date(2026, 11, 25)
    for plain, clocked in (("The hearing resumes Tuesday.", "The hearing resumes at 3 p.m. Tuesday."),
                           ("The court convenes on Monday.", "The court convenes at 10:00 GMT on Monday."),
                           ("Voting ends Sunday.", "Voting ends at 11 pm Sunday."),
                           ("The truce takes effect Sunday.", "The truce takes effect at 6 a.m. Sunday."),
                           ("The blast happened Sunday.", "The blast happened at 11 pm Sunday.")):
        day = tag_timexes(plain, wed)[0].value
        assert tag_timexes(clocked, wed)[0].value[:10] == day, clocked
    text = "The quay collapsed on Monday. A second one fell at about 9:05 a.m. (0305 GMT) Tuesday."
    assert [t.value for t in tag_timexes(text, wed)] == ["2026-11-23", "2026-11-24T09:05", "2026-11-24"]


def test_the_past_year_is_the_calendar_year_before() -> None:
    # "over the past year", "in the past week", "in the last month": the calendar unit before the publication's, as
    # "this past week" and "last year" are (dct a Thursday in the second week of 2019)
    for text, value in (("Orchard prices climbed over the past year.", "2018"),
                        ("Two ferries ran aground in the past week.", "2019-W01"),
                        ("The choir rehearsed twice in the last month.", "2018-12"),
                        ("The last year has been a quiet one for the harbour.", "2018"),
                        ("The past weekend brought snow to the valley.", "2019-W01-WE")):
        assert [(t.type, t.value) for t in tag_timexes(text, THU)] == [("DATE", value)], text
    # on a Sunday the past weekend is the one under way
    assert [t.value for t in tag_timexes("The past weekend brought snow.", date(2019, 1, 13))] == ["2019-W02-WE"]
    # a final week, a "last" that may be a final one and a decade stay periods
    for text in ("Canvassers knocked on doors in the last week of the campaign.",
                 "The pact runs to 2031, the last year covered by the treaty.",
                 "The moor has dried out over the past decade."):
        assert all(t.type == "DURATION" for t in tag_timexes(text, THU) if "last" in t.text or "past" in t.text), text


def test_the_past_year_and_a_half_is_no_calendar_year() -> None:
    # a fraction or an approximation makes it a period longer than the calendar unit before
    for text in ("The ferry has been idle for the past year and a half.", "Prices rose over the past month or so.",
                 "Two boats sank in the past week or two."):
        assert all(t.type == "DURATION" for t in tag_timexes(text, THU) if "past" in t.text), text


def test_a_month_a_past_verb_dates_lies_behind_even_just_ahead() -> None:
    # in a December report a January (or a January day) that a past form before it dates is last January: the
    # event told is over ("had boycotted an election in January", "since January", "said in January")
    december = date(2031, 12, 12)
    for text, value in (("Opposition voters, who had boycotted an election in January, turned out in force.", "2031-01"),
                        ("The party took power after a landslide win in January.", "2031-01"),
                        ("Factory orders rose at the fastest pace since January.", "2031-01"),
                        ("The mayor said in January that the bridge was safe.", "2031-01"),
                        ("Hundreds of farmers who marched on the capital on January 9 were fined.", "2031-01-09")):
        assert [t.value for t in tag_timexes(text, december)] == [value], text
    # a plan or a report of what is to come, a month led up to and a date that names an event stay ahead
    for text, value in (("The minister announced elections in January.", "2032-01"),
                        ("The vote was postponed to January.", "2032-01"),
                        ("The league was ready to cut fees at a meeting in January.", "2032-01"),
                        ("The rebels have alleged the January 23 polls will be rigged.", "2032-01-23"),
                        ("The orchestra, followed by a choir, performs on January 6.", "2032-01-06")):
        assert [t.value for t in tag_timexes(text, december)] == [value], text


def test_a_year_earlier_of_a_reports_nine_months_is_the_year_before_not_the_quarter() -> None:
    # a quarterly report's "a year earlier" is the quarter a year before; after "For the nine months" it is those nine
    # months a year before, a part of the year before (as "year-earlier" and "the 2030 period" are), no quarter
    text = ("Harbor Mills Inc. said third-quarter profit rose 8% to $12 million from $11 million a year earlier. "
            "For the nine months, profit was $40 million, up from $31 million a year earlier. In the first nine "
            "months, sales were $90 million, against $80 million in the 2030 period. For the nine months, the miller "
            "reported net of $2 million, compared with year-earlier net of $1 million.")
    got = [(t.text, t.value) for t in tag_timexes(text, date(2031, 10, 20)) if t.type == "DATE"]
    assert got == [("third-quarter", "2031-Q3"), ("a year earlier", "2030-Q3"), ("a year earlier", "2030"),
                   ("the 2030 period", "2030"), ("year-earlier", "2030")]


def test_in_the_morning_is_a_part_of_the_day_told_of() -> None:
    # "in the morning", "during the night": a TIME of the day told of (the last day named, of the publication's
    # week), as "earlier in the day" is that day; a clock hour "in the afternoon" is that hour
    text = "Dealers sold heavily on Tuesday. Prices recovered in the afternoon, and rain fell during the night."
    assert tags(text) == [("Tuesday", "DATE", "2019-01-08"), ("the afternoon", "TIME", "2019-01-08TAF"),
                          ("the night", "TIME", "2019-01-08TNI")]
    assert tags("Pickets gathered at the gate in the morning.") == [("the morning", "TIME", "2019-01-10TMO")]
    assert tags("The ferry left at 4 in the morning.") == [("4 in the morning", "TIME", "2019-01-10T04:00")]
    assert tags("The polls closed at 3 o'clock in the afternoon.") == [
        ("3 o'clock in the afternoon", "TIME", "2019-01-10T15:00")]
    # a thing of that part of the day, or a part of another time, is no time of its own
    for text in ("Comets shone in the night sky.", "He wrote poems in the evening of his life.",
                 "The hut collapsed in the night of the storm."):
        assert tags(text) == [], text


def test_in_the_morning_of_a_habit_is_no_calendar_day() -> None:
    # a generic or habitual sentence tells of no one day: its part of the day has no date (XXXX-XX-XX)
    for text, value in (("I wake up in the morning.", "XXXX-XX-XXTMO"),
                        ("Markets open in the morning, traders say.", "XXXX-XX-XXTMO"),
                        ("The old ferryman usually crossed the lake in the evening.", "XXXX-XX-XXTEV"),
                        ("Owls hunt during the night.", "XXXX-XX-XXTNI")):
        assert [v for _, _, v in tags(text)] == [value], text
    # a past, a future or a day named keeps the day told of
    for text, value in (("The rebels attacked in the morning, police said.", "2019-01-10TMO"),
                        ("The minister will speak in the afternoon.", "2019-01-10TAF"),
                        ("On Tuesday the markets open in the morning.", "2019-01-08TMO")):
        assert [v for _, _, v in tags(text)][-1:] == [value], text


def test_a_scheduled_event_in_the_present_keeps_its_part_of_the_day() -> None:
    # news tells a coming event in the present: after a day of the publication's week, an event verb before "in the
    # morning" gives one occasion, the next morning still to come (Thursday's report: the Wednesday named -> Thursday;
    # Thursday named -> Friday; a coming Saturday named -> that Saturday), not a habit
    for text, value in (("Divers found nothing on Wednesday. Rescue teams resume the search in the morning.",
                         "2019-01-10TMO"),
                        ("The hearing ended on Thursday. The court rules on the appeal in the afternoon.",
                         "2019-01-11TAF"),
                        ("The summit opens on Saturday. The leaders meet the press in the evening.", "2019-01-12TEV")):
        assert [v for _, _, v in tags(text)][-1:] == [value], text
    # a habit stays one: no day dated, a habitual adverb, or no event verb
    for text in ("Markets open in the morning, traders say.",
                 "Fog lifted on Wednesday. The ferry usually departs in the evening.",
                 "It rained on Wednesday. I wake up in the morning."):
        assert [v for _, _, v in tags(text)][-1:][0].startswith("XXXX-XX-XXT"), text
    # a day named in the sentence itself was read so before
    assert tags("The court rules on Friday.") == [("Friday", "DATE", "2019-01-11")]
    assert tags("Voters go to the polls tomorrow.") == [("tomorrow", "DATE", "2019-01-11")]

def test_a_date_that_opens_its_sentence_takes_the_tense_of_the_clause_after_its_comma() -> None:
    # "In January, ...": the clause after the comma is the date's, however far its verb; a past there puts a month
    # that lies within the coming weeks back a year, a modal there puts it ahead
    oct27 = date(1989, 10, 27)
    for text, value in (("In January, the mill hired a new chief engineer.", "1989-01"),
                        ("In December, a month after the merger, the bakery closed its last shop.", "1988-12"),
                        ("In January, the mill will hire a new chief engineer.", "1990-01"),
                        ("In February, the council would vote on the plan.", "1990-02")):
        assert [t.value for t in tag_timexes(text, oct27)][:1] == [value], text
    # a weekday: a modal after the comma looks ahead, a plan's participle does not ("the hastily planned trip")
    assert tags("On Saturday, the envoy would be shown the new port.") == [("Saturday", "DATE", "2019-01-12")]
    assert tags("On Tuesday, when the minister cut short a hastily planned trip, the talks stalled.") == [
        ("Tuesday", "DATE", "2019-01-08")]


def test_a_period_of_vs_or_a_title_ends_no_sentence() -> None:
    # the clause after a fronted month's comma runs past "vs." and "Dr." (no sentence ends there): its past verb puts
    # a January that lies ahead of an October report back a year
    oct27 = date(1989, 10, 27)
    for text in ("In January, a week after the Smith vs. Jones ruling, a fire destroyed the mill.",
                 "In January, a week after the visit of Dr. Alder, the clinic closed its doors."):
        assert [t.value for t in tag_timexes(text, oct27)][:1] == ["1989-01"], text

def test_a_modal_further_back_outweighs_a_participle_of_a_noun_after_the_date() -> None:
    # "will ... by August in a push for routes untouched by the strike": the participle after the date is a noun's
    # (a noun phrase between), the date's clause is the modal's: the coming August, out of the 60 characters' reach
    feb13 = date(1998, 2, 13)
    text = ("The airline will nearly double its flights between Lisbon and Oslo by August in a push for routes "
            "untouched by the strike.")
    assert [t.value for t in tag_timexes(text, feb13)] == ["1998-08"]
    # a past verb right after the date is the date's own ("and on Monday criticised")
    text = ("The lawyer has argued it will be very hard for his client to win and on Monday criticised the trial "
            "as chaotic.")
    assert tags(text) == [("Monday", "DATE", "2019-01-07")]

def test_the_current_quarter_is_the_one_under_way() -> None:
    # "the current quarter" is the quarter the publication date falls in, not the one a report gives figures for
    text = "Net income rose in the third quarter. The brewer expects a loss in the current quarter."
    assert tags(text, date(1989, 10, 26)) == [("the third quarter", "DATE", "1989-Q3"),
                                              ("the current quarter", "DATE", "1989-Q4")]


def test_a_reporters_search_with_could_tells_a_past_day() -> None:
    # "could be located", "could be reached for comment" tell of a reporter's search, done: the weekday before; a
    # "could" of a plan still looks ahead
    for text in ("Neither the mayor nor his aides could be located Wednesday at the town hall.",
                 "Neither lawyer could be reached for comment Wednesday."):
        assert tags(text) == [("Wednesday", "DATE", "2019-01-09")], text
    assert tags("A deal could be reached on Saturday.") == [("Saturday", "DATE", "2019-01-12")]


def test_the_week_of_a_day_is_the_week_that_holds_it() -> None:
    # "the week of March 6" is one expression: the week of the year that holds the day
    assert tags("The appeal may be heard the week of March 6, lawyers said.", date(2000, 2, 24)) == [
        ("the week of March 6", "DATE", "2000-W10")]
    assert tags("Shares slid during the week of Jan. 3, 1999.") == [("the week of Jan. 3, 1999", "DATE", "1998-W53")]


def test_the_last_half_of_a_year_and_a_span_or_so_ago() -> None:
    # "the last half of 1989", "the latter half of the year" are its second half, as "the second half" is; "last
    # quarter" alone stays the quarter before
    d = date(1989, 10, 26)
    assert tags("Profits will lag for the last half of 1989.", d) == [("the last half of 1989", "DATE", "1989-H2")]
    assert tags("Two stores open in the latter half of the year.", d) == [
        ("the latter half of the year", "DATE", "1989-H2")]
    assert [(t, "-Q" in v) for t, _, v in tags("Sales fell last quarter.", d)] == [("last quarter", True)]
    # "a week or so ago" is a date, as "a week ago" is
    assert tags("A week or so ago, the crew repaired the dam.") == [("A week or so ago", "DATE", "2019-W01")]


def test_midday_after_its_preposition_is_a_clock_time() -> None:
    # "at midday", "until about midday on Sunday": noon (TimeML's T12:00); "the midday heat" is no time
    assert tags("The judge will hear the case at midday.") == [("midday", "TIME", "2019-01-10T12:00")]
    assert tags("Talks go on until about midday on Sunday.") == [("about midday on Sunday", "TIME", "2019-01-13T12:00")]
    for text in ("Tourists hid from the midday heat.", "In midday trading, the index slipped."):
        assert tags(text) == [], text


def test_midday_before_the_noun_it_modifies_is_no_time() -> None:
    # "about midday naps", "after midday prayers": "midday" modifies the noun after it, no clock time; before a
    # preposition, a conjunction or a day it stays noon
    for text in ("The doctor wrote a column about midday naps.", "Pilgrims gathered after midday prayers."):
        assert tags(text) == [], text
    assert tags("The ferry left around midday and reached the island at dusk.") == [
        ("around midday", "TIME", "2019-01-10T12:00")]
    assert tags("The polls close at midday Sunday.") == [("midday Sunday", "TIME", "2019-01-13T12:00")]


def test_a_hope_looks_ahead_and_a_plan_since_changed_does_not() -> None:
    # "hope to", "hoping to" tell a plan, as "plan to" does; "had been initially scheduled for" a plan since changed
    assert tags("The two clubs hope to sign the deal on Monday.") == [("Monday", "DATE", "2019-01-14")]
    assert tags("Officials said they were hoping to reopen the bridge in March.") == [("March", "DATE", "2019-03")]
    assert tags("The vote had been initially scheduled for January 25, but was delayed.", date(2019, 4, 11)) == [
        ("January 25", "DATE", "2019-01-25")]


def test_a_month_before_a_comma_and_a_number_is_still_a_month() -> None:
    # a number after a month and a comma that is no day and no year is the clause's ("In May, 60 percent of ...");
    # a year or a day and a year after the comma stay the date's
    for text, value in (("Since October, 14 villages have reported no new cases.", "2018-10"),
                        ("In May, 60 percent of voters backed the plan.", "2018-05"),
                        ("Prices rose 1.4 percent in October, 0.2 points more than a year before.", "2018-10")):
        assert [t.value for t in tag_timexes(text, THU) if t.type == "DATE"][:1] == [value], text
    assert tags("The mill closed in March, 2009.") == [("March, 2009", "DATE", "2009-03")]


def test_weekdays_in_the_plural_are_a_set() -> None:
    # "on Sundays" is every Sunday (TimeML: SET XXXX-WXX-7); "Tuesday nights" keeps its part of the day
    assert tags("The fish market is closed on Sundays.") == [("Sundays", "SET", "XXXX-WXX-7")]
    assert tags("The choir meets Tuesdays and Thursdays.") == [("Tuesdays", "SET", "XXXX-WXX-2"),
                                                               ("Thursdays", "SET", "XXXX-WXX-4")]
    assert tags("The quiz airs on Tuesday nights.") == [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]


def test_two_weekdays_told_as_alternatives_lie_within_a_week() -> None:
    # "Sunday night or early Monday", "late Friday or early Saturday": next to each other, the one nearer the
    # publication date kept (a Monday's and a Friday's report)
    text = "The tanker was expected to begin pumping Sunday night or early Monday."
    assert [t.value for t in tag_timexes(text, date(2019, 1, 14))] == ["2019-01-13TNI", "2019-01-14"]
    text = "A new leader was to be named late Friday or early Saturday."
    assert [t.value for t in tag_timexes(text, date(2019, 1, 11))] == ["2019-01-11", "2019-01-12"]


def test_a_sum_a_quarterly_report_compares_with_is_of_the_same_period_a_year_before() -> None:
    # in a quarterly report, "a year ago" and "last year" right after a sum of money (or "last year's" before one) are
    # the time of the figure compared with: the reported quarter a year before, not the calendar year; in a sentence
    # of a year's figures, the year before
    text = ("Orchard Looms Corp. reported third-quarter net income of $5 million, or 20 cents a share. "
            "The weaver's rug division earned $2 million, compared with a loss of $1 million last year. "
            "Sales in the latest period were $80 million, up 9% from last year's $73 million. "
            "For the period ended Sept. 29, the loss was $3 million, or 12 cents a share, a year ago.")
    got = [(t.text, t.value) for t in tag_timexes(text, date(2031, 10, 20)) if t.type == "DATE"]
    assert got == [("third-quarter", "2031-Q3"), ("last year", "2030-Q3"), ("the latest period", "2031-Q3"),
                   ("last year", "2030-Q3"), ("Sept. 29", "2031-09-29"), ("a year ago", "2030-Q3")]
    yearly = ("Orchard Looms Corp. reported a fourth-quarter loss of $1 million. The results made net income for the "
              "year ended Aug. 31 $9 million, down from $12 million last year.")
    got = [(t.text, t.value) for t in tag_timexes(yearly, date(2031, 10, 20)) if t.type == "DATE"]
    assert got[-1] == ("last year", "2030")
    # no quarter told, a percentage, or a sum with its own verb between: the calendar year before
    for text in ("The weaver earned $2 million, compared with a loss of $1 million last year.",
                 "Orchard Looms reported third-quarter profit of $5 million. Exports grew to 30% from 20% last year.",
                 "Orchard Looms said third-quarter profit will be lower than the 16 cents a share it reported last "
                 "year."):
        got = [(t.text, t.value) for t in tag_timexes(text, date(2031, 10, 20)) if "year" in t.text]
        assert got[-1] == ("last year", "2030"), text


def test_a_sum_paid_after_a_quarter_told_is_of_the_calendar_year_before() -> None:
    # a sum right before "last year" in a text that told of a quarter is a report's figure only where its sentence
    # tells of results or a comparison; a sum paid, fined or spent is of the year before (not the quarter)
    for text in ("Orchard Looms reported third-quarter net income of $5 million. Its chief executive was paid "
                 "$4 million last year.",
                 "Jobless claims fell in the second quarter. The city raised its minimum wage to $15 last year.",
                 "Orchard Looms earned $5 million in the third quarter. The weaver was fined $2 million last year by "
                 "the trade board."):
        got = [(t.text, t.value) for t in tag_timexes(text, date(2031, 10, 20)) if "year" in t.text]
        assert got[-1] == ("last year", "2030"), text


def test_the_same_period_last_year_is_one_expression_of_the_quarter_reported() -> None:
    # "the corresponding period last year", "last year's quarter", "the quarter a year ago": one expression, the
    # quarter a report is of a year before (TimeML's extent); of another span ("the year to March") or of no quarter
    # told, "last year" stays its own
    text = ("Birchwood Ferries Inc. posted a net loss of $4 million for the third quarter ended Sept. 30. "
            "That compares with net income of $1 million, or 9 cents a share, for the corresponding period last year. "
            "Fares for last year's quarter were about $6 million. For the quarter a year ago, the line earned $2 million.")
    got = [(t.text, t.value) for t in tag_timexes(text, date(2031, 10, 20)) if t.type == "DATE"]
    assert got == [("the third quarter", "2031-Q3"), ("Sept. 30", "2031-09-30"),
                   ("the corresponding period last year", "2030-Q3"), ("last year's quarter", "2030-Q3"),
                   ("the quarter a year ago", "2030-Q3")]
    other = ("Birchwood Ferries Inc. reported third-quarter results on Monday. In the year to March, freight rose 8%, "
             "against 3% in the same period last year.")
    got = [(t.text, t.value) for t in tag_timexes(other, date(2031, 10, 20)) if t.type == "DATE"]
    assert got[-1] == ("last year", "2030")
    assert [(t.text, t.value) for t in tag_timexes("Freight rose 8% against the same period last year.",
                                                   date(2031, 10, 20))] == [("last year", "2030")]


def test_a_quarter_a_report_compares_with_is_not_the_quarter_it_reports() -> None:
    # a quarter earlier than the one a report is of, after "after", "from", "than" ..., is a term of comparison: "a
    # year ago" and "the year-earlier period" after it still speak of the reported quarter
    text = ("Larchmont Paper Co. posted a 12% gain in third-quarter profit. After a weak second quarter, the mill "
            "credited its tissue sales. Costs were lower than a year ago. Charges taken in the year-earlier period "
            "were large.")
    got = [(t.text, t.value) for t in tag_timexes(text, date(2031, 11, 2))]
    assert got == [("third-quarter", "2031-Q3"), ("second quarter", "2031-Q2"), ("a year ago", "2030-Q3"),
                   ("the year-earlier period", "2030-Q3")]
    # a quarter told as the one reported on after the first still becomes it
    told = "Larchmont Paper Co. posted third-quarter profit. In the second quarter, costs were lower than a year ago."
    assert [t.value for t in tag_timexes(told, date(2031, 11, 2))][-1] == "2030-Q2"


def test_a_month_or_season_before_a_year_said_in_words_is_one_date() -> None:
    # a broadcast's transcript writes years in words: "January nineteen ninety-seven" is one month, "the winter of
    # nineteen ninety-four" one season (not the publication year's month and a year of their own)
    assert tags("January nineteen ninety-seven. A bomb went off in Atlanta.", date(1998, 2, 27))[0] == (
        "January nineteen ninety-seven", "DATE", "1997-01")
    assert tags("Oil hit that level in the winter of nineteen ninety-four.", date(1998, 2, 23)) == [
        ("the winter of nineteen ninety-four", "DATE", "1994-WI")]
    assert tags("In May twenty people died.", date(1998, 6, 1)) == [("May", "DATE", "1998-05")]


def test_the_day_before_a_day_named_is_the_day_next_to_it() -> None:
    # "the day before last Tuesday's hearing" is the Monday; "the day after Christmas" Dec. 26; "the day after the
    # raid" stays a day of an event not dated
    got = tags("The day before last Tuesday's hearing, Ruiz went to see his uncle.", date(2000, 2, 24))
    assert got[0] == ("The day", "DATE", "2000-02-21")
    assert tags("The vote was held the day after Christmas.", date(2031, 1, 10))[0] == ("the day", "DATE", "2030-12-26")
    assert tags("Ruiz left the day after the raid.")[0] == ("the day", "DATE", "XXXX-XX-XX")


def test_that_day_after_a_month_named_is_a_day_of_that_month() -> None:
    # "that same day", "the same day" after "last October": a day of that month (1998-10-XX), not a day unknown
    text = "Dr. Alder was shot last October. His name on the list was crossed out that same day."
    assert tags(text, date(1999, 2, 6)) == [("last October", "DATE", "1998-10"),
                                            ("that same day", "DATE", "1998-10-XX")]
    assert tags("The ferry sank in 2019. The same day the port closed.")[-1] == ("The same day", "DATE", "2019-XX-XX")
    assert tags("The ferry sank on Monday. That same day the port closed.")[-1] == (
        "That same day", "DATE", "2019-01-07")


def test_a_weekday_joined_to_weekdays_in_the_plural_is_a_set_too() -> None:
    # "on Monday and Tuesday nights": every Monday night as every Tuesday night; a singular "Tuesday night" after it
    # leaves Monday a day
    assert tags("Two flights will leave Perth on Monday and Tuesday nights.") == [
        ("Monday", "SET", "XXXX-WXX-1TNI"), ("Tuesday nights", "SET", "XXXX-WXX-2TNI")]
    assert tags("He met her on Monday and Tuesday night.")[0] == ("Monday", "DATE", "2019-01-07")


def test_a_part_of_the_day_told_by_its_edge_is_a_time() -> None:
    # "mid-afternoon yesterday", "late morning Tuesday": one TIME of the day named (it was the day alone); "by mid
    # afternoon", "in the late evening": the day told of; "a late morning flight" and "early morning of March 30" are
    # no time of their own
    assert tags("In Oslo at mid-afternoon yesterday, Brekke shares were up.") == [
        ("mid-afternoon yesterday", "TIME", "2019-01-09TAF")]
    assert tags("The ferry docked at midafternoon Tuesday.") == [("midafternoon Tuesday", "TIME", "2019-01-08TAF")]
    assert tags("By mid afternoon, the herders had moved on.") == [("mid afternoon", "TIME", "2019-01-10TAF")]
    assert tags("The vote came in the late morning.") == [("the late morning", "TIME", "2019-01-10TMO")]
    assert tags("Lund took a late morning flight to Bergen.") == []
    assert tags("The search went on until early morning of March 30.", date(2019, 4, 2)) == [
        ("March 30", "DATE", "2019-03-30")]


def test_the_previous_month_of_a_report_told_on_a_day_is_next_to_the_month_reported() -> None:
    # "Exports rose in February, the bureau said Thursday. Compared with the previous month, ...": January, not the
    # month before Thursday's; a day of the text's own events ("It shut on Tuesday. The following month ...") stays
    # the anchor, and "the previous month" names no month of its own to anchor on
    got = tags("Tile exports rose in February, after growing in the previous month, the bureau said Thursday. "
               "Compared with the previous month, the February exports fell.", date(2030, 4, 5))
    assert [v for _, _, v in got] == ["2030-02", "2030-01", "2030-04-04", "2030-01", "2030-02"]
    got = tags("The mill opened in June. It shut on Tuesday. The following month, it reopened.", date(2030, 4, 10))
    assert got[-1] == ("The following month", "DATE", "2030-05")


def test_the_weeks_ahead_and_the_years_end_are_expressions() -> None:
    # "in the weeks ahead" is "in the coming weeks" (FUTURE_REF), "by year's end" is "by year end"; both were missed
    assert tags("Brokers expect more selling in the weeks ahead.") == [("the weeks ahead", "DATE", "FUTURE_REF")]
    assert tags("The mill must repay the loan by year's end.") == [("year's end", "DATE", "2019-12-31")]


def test_today_opening_a_state_told_in_the_present_is_the_present() -> None:
    # "Today," before a clause that tells a state in the present is the present set against a past (PRESENT_REF), not
    # the day; the day when the clause tells an event ("went out"), a plan ("is expected to") or goes on ("are marching")
    assert tags("Decades ago the clan owned the valley. Today, the clan is neither rich nor landed.")[-1] == (
        "Today", "DATE", "PRESENT_REF")
    assert tags("Today, the combined levy is 12 percent.") == [("Today", "DATE", "PRESENT_REF")]
    assert tags("And today, a ferry ticket is dearer than a flight.") == [("today", "DATE", "PRESENT_REF")]
    assert tags("Today, the lamp went out twice in Bergen.") == [("Today", "DATE", "2019-01-10")]
    assert tags("Today, the court is expected to rule on the levy.") == [("Today", "DATE", "2019-01-10")]
    assert tags("Today, crowds are marching through Bergen.") == [("Today", "DATE", "2019-01-10")]


def test_a_count_of_days_from_a_month_or_a_year_named_counts_from_no_day_we_know() -> None:
    # "a day earlier" after "in 2005" is no Dec. 31, 2004, "three months later" after "in 2005" no April: the text
    # named no day (month) to count from, as "the next day" after "in 1988" names none; after a day it counts from it
    assert tags("The mill opened in 2005. A day earlier, the mayor resigned.")[-1] == (
        "A day earlier", "DATE", "XXXX-XX-XX")
    assert tags("The dam burst in 2005. Three months later, the valley was dry.")[-1] == (
        "Three months later", "DATE", "XXXX-XX")
    assert tags("The dam burst on March 3, 2005. Three days later, the valley was dry.")[-1] == (
        "Three days later", "DATE", "2005-03-06")


def test_a_season_keeps_its_determiner() -> None:
    # "the summer" is one expression, as "the week" and "the quarter" are; storyline had left "the" out of a season alone
    assert tags("Sales of the kettle slowed over the summer.") == [("the summer", "DATE", "2019-SU")]
    assert tags("The ferry will resume in the early spring.") == [("the early spring", "DATE", "2019-SP")]
    assert tags("The dam was finished in the winter of 1994.") == [("the winter of 1994", "DATE", "1994-WI")]
    assert tags("Over the past summer, the lake shrank.")[0] == ("the past summer", "DATE", "2018-SU")
    assert tags("The fall of the old mill was sudden.") == []


def test_a_range_of_amounts_and_or_so_are_one_expression() -> None:
    # "two to three weeks", as "two or three weeks", is one amount told roughly (the larger); "from two to six days" and
    # "between two to six days" give a range's two ends; "the next year or so" is one approximate expression
    assert tags("The repair should take two to three weeks.") == [("two to three weeks", "DURATION", "P3W")]
    assert tags("The mill will hire over the next 12 to 18 months.") == [
        ("the next 12 to 18 months", "DURATION", "P18M")]
    assert tags("The wait grew from two to six days.") == [("six days", "DURATION", "P6D")]
    assert tags("The ferry will stay closed over the next year or so.") == [("the next year or so", "DATE", "2020")]
    assert tags("Rents rose over the past ten years or so.") == [("the past ten years or so", "DURATION", "P10Y")]


def test_an_event_verb_in_the_present_before_a_month_and_day_looks_ahead() -> None:
    # "begins Oct. 1", as "begins on Oct. 1", is a scheduled start, the Oct. 1 ahead; "the year that begins": "that"
    # determines no plural, so "begins" is the relative clause's verb, no noun
    march = date(2031, 3, 20)
    assert tags("The ferry season opens Oct. 1.", march) == [("Oct. 1", "DATE", "2031-10-01")]
    assert tags("The council set the levy for the year that begins Oct. 1.", march)[-1] == (
        "Oct. 1", "DATE", "2031-10-01")
    assert tags("The ferry season opened Oct. 1.", march) == [("Oct. 1", "DATE", "2030-10-01")]


def test_a_month_and_day_that_names_a_nouns_event_does_not_look_ahead() -> None:
    # "faces charges in the Oct. 1 attack", "an inquiry into the crash of Oct. 1": the day names an event told before,
    # no time of the present verb; "The council meets again Oct. 1" looks ahead
    november = date(2031, 11, 5)
    assert tags("Harlow faces charges in the Oct. 1 attack.", november) == [("Oct. 1", "DATE", "2031-10-01")]
    assert tags("A panel opens an inquiry into the crash of Oct. 1.", november) == [("Oct. 1", "DATE", "2031-10-01")]
    assert tags("The parish council meets again Oct. 1.", november) == [("Oct. 1", "DATE", "2032-10-01")]


def test_a_day_after_an_incidents_noun_is_the_incidents_not_the_present_verbs() -> None:
    # "faces charges over the attack Oct. 1 on a bus": the day follows the incident's noun, a past event told, however
    # far back the present verb stands; the day of the verb's own object ("faces a hearing Oct. 1") looks ahead
    november = date(2031, 11, 5)  # a Wednesday
    assert tags("Harlow faces charges over the attack Oct. 1 on a ferry.", november) == [
        ("Oct. 1", "DATE", "2031-10-01")]
    assert tags("Harlow faces charges over the harbour crash on Monday.", november) == [
        ("Monday", "DATE", "2031-11-03")]
    assert tags("Harlow faces a hearing Oct. 1 in Dunmore.", november) == [("Oct. 1", "DATE", "2032-10-01")]
    assert tags("The parish council meets the ferry crews on Monday.", november) == [("Monday", "DATE", "2031-11-10")]


def test_or_so_before_a_saying_is_no_approximation() -> None:
    # "left last week or so he said": "or so" opens what was said, the week is told as such
    assert tags("Brannock left the farm last week or so he said.") == [("last week", "DATE", "2019-W01")]
    assert tags("The parcel came last month or so the courier says.") == [("last month", "DATE", "2018-12")]


def test_a_lower_case_march_or_may_before_a_day_and_a_year_is_the_month() -> None:
    # a page written in lower case: "march" and "may" before a day and a four-digit year, or after "on" or "since", are
    # months, as "january 5, 2015" already was; any lower-case month's full name before a year is one ("in june 2009")
    assert tags("Crews met in vellmar march 2, 2030 to plan the dam.") == [("march 2, 2030", "DATE", "2030-03-02")]
    assert tags("As of may 12, 2030, the ferry ran on time.") == [("may 12, 2030", "DATE", "2030-05-12")]
    assert tags("The pier has been shut since may 3.", date(2030, 6, 1)) == [("may 3", "DATE", "2030-05-03")]
    assert tags("The crawl of the archive started march, 2030.") == [("march, 2030", "DATE", "2030-03")]
    assert tags("the pier opened in june 2029 after repairs.") == [("june 2029", "DATE", "2029-06")]
    # the verbs stay verbs
    assert tags("The scouts may 3 times march 2 miles.") == []


def test_a_day_is_ahead_when_likely_to_or_a_present_clause_of_time_says_so() -> None:
    # "likely to" looks ahead as "expected to" does ("was likely to announce his choice before leaving Thursday" in a
    # Wednesday's report: the Thursday after); a clause of time told in the present after the day ("when it meets")
    # tells what is ahead, where the main clause has no tense of its own ("gets a chance Monday")
    wed, sun = date(2031, 1, 8), date(2031, 1, 5)
    assert tags("The paper said Varga was likely to name a deputy before leaving Thursday for Oslo.", wed)[-1] == (
        "Thursday", "DATE", "2031-01-09")
    assert tags("The guild gets a chance Monday to have its say when it meets the mayor.", sun) == [
        ("Monday", "DATE", "2031-01-06")]
    # told in the past, the clause of time and the day are past; a plural noun before its verb is no present
    assert tags("The guild got a chance Monday to have its say when it met the mayor.", sun) == [
        ("Monday", "DATE", "2030-12-30")]
    assert tags("He hurt his knee jumping from the wall Tuesday when Karst troops stormed the fort.", wed) == [
        ("Tuesday", "DATE", "2031-01-07")]


def test_a_caption_in_the_present_with_a_clause_of_time_tells_a_past_day() -> None:
    # a photo's caption tells a past in the present, its clause of time too ("after her team wins"): only a scheduled
    # event's verb in the clause ("when it meets") tells a day ahead
    sun = date(2031, 1, 5)
    assert tags("Ilsa Brand celebrates Saturday after her team wins the Dorn cup.", sun) == [
        ("Saturday", "DATE", "2031-01-04")]
    assert tags("A boy waves a flag Friday when the Vorn parade passes his house.", sun) == [
        ("Friday", "DATE", "2031-01-03")]
    assert tags("The guild gets a chance Monday to speak when its members meet the mayor.", sun) == [
        ("Monday", "DATE", "2031-01-06")]


def test_a_day_after_an_incidents_noun_the_present_verbs_own_object_looks_ahead() -> None:
    # "meets to discuss the crash on Friday", "visits the site of the collapse on Thursday": the incident's noun is the
    # verb's own object, no topic after "over" or "into", and the day is the meeting's or the visit's, ahead
    november = date(2031, 11, 5)  # a Wednesday
    assert tags("The parish council meets to discuss the ferry crash on Friday.", november) == [
        ("Friday", "DATE", "2031-11-07")]
    assert tags("Harlow visits the site of the pier collapse on Thursday.", november) == [
        ("Thursday", "DATE", "2031-11-06")]


def test_a_day_after_the_victims_of_an_incident_is_the_incidents() -> None:
    # "visits the victims of the bombing on Monday": there are victims or survivors only once the incident is over, so
    # the day after them and the incident's noun is the incident's, told before; the site of an incident is no such
    # noun ("visits the site of the pier collapse on Thursday" looks ahead, above)
    november = date(2031, 11, 5)  # a Wednesday
    assert tags("The mayor of Dunmore visits the victims of the ferry bombing on Monday.", november) == [
        ("Monday", "DATE", "2031-11-03")]
    assert tags("Harlow meets survivors of the harbour blast Monday.", november) == [("Monday", "DATE", "2031-11-03")]
    assert tags("Harlow meets the crews of the harbour tugs Monday.", november) == [("Monday", "DATE", "2031-11-10")]


def test_an_abbreviations_period_ends_no_clause_before_a_day() -> None:
    # "would respect the privacy by not attending the burial in Casper, Wyo., on Saturday": the state's abbreviation
    # ends no sentence, so the clause's "would" further back still tells the day ahead
    november = date(2031, 11, 5)  # a Wednesday
    assert tags("The guild said it would keep its distance by not attending the service in Dunmore, Wyo., on "
                "Saturday.", november) == [("Saturday", "DATE", "2031-11-08")]
    assert tags("The guild said it would keep its distance by not attending the service in Dunmore on Saturday.",
                november) == [("Saturday", "DATE", "2031-11-08")]


def test_a_day_after_an_incident_with_a_time_of_its_own_is_no_incidents() -> None:
    # "meets survivors of the 1998 crash on Monday": an incident dated in its own phrase (a year, a month, "last year's")
    # was not on the day after it, which is the present verb's again (as with no incident before the day)
    november = date(2031, 11, 5)  # a Wednesday
    assert tags("Harlow meets survivors of the 1998 harbour blast on Monday.", november) == [
        ("1998", "DATE", "1998"), ("Monday", "DATE", "2031-11-10")]
    assert tags("Harlow opens an inquiry into the October ferry crash on Monday.", november) == [
        ("October", "DATE", "2031-10"), ("Monday", "DATE", "2031-11-10")]
    assert tags("Harlow meets survivors of the harbour blast on Monday.", november) == [("Monday", "DATE", "2031-11-03")]
