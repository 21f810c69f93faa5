"""Behaviour of storyline.summarize on small clusters written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import storyline
from storyline import Article
from storyline.consolidate.summary import summarize
from storyline.consolidate.summary_text import compress, count_words

A1 = Article(
    id="a1", source="Harbor Gazette", published=date(2031, 3, 4),
    text=(
        "A pedestrian bridge over the Tallow River collapsed in the town of Brenmoor on Monday, injuring "
        "fourteen people who were crossing it during the morning rush.\n\n"
        "Emergency crews pulled the injured from the shallow water within an hour, and all fourteen were "
        "taken to Brenmoor General Hospital.\n\n"
        "He said the steel cables had been inspected last spring.\n\n"
        "Mayor Ilse Varga ordered every bridge in the town closed for inspection until further notice.\n\n"
        "The bridge, built in 1962, had been scheduled for repairs next year.\n\n"
        "Local shops near the river reported a quiet afternoon."
    ),
)
A2 = Article(
    id="a2", source="Valley Wire", published=date(2031, 3, 4),
    text=(
        "Fourteen people were injured when a pedestrian bridge over the Tallow River collapsed in Brenmoor "
        "on Monday morning.\n\n"
        "Mayor Ilse Varga ordered all bridges in the town closed for inspection until further notice.\n\n"
        "Engineer Tomas Reyl, who inspected the bridge last spring, said corrosion in the steel cables "
        "may have caused the failure.\n\n"
        "The town council will hold an emergency session on Wednesday to discuss repair funding."
    ),
)
A3 = Article(
    id="a3", source="Coastal Daily", published=date(2031, 3, 5),
    text=(
        "Investigators in Brenmoor are examining corroded steel cables after a pedestrian bridge over "
        "the Tallow River collapsed and injured fourteen people.\n\n"
        "Engineer Tomas Reyl said corrosion in the steel cables may have caused the failure of the bridge.\n\n"
        "Lu Kang, a spokesman for the regional transport ministry, said the ministry would pay for an "
        "independent review of every river crossing in the province.\n\n"
        "Residents said they had complained about rust on the bridge for years."
    ),
)
CLUSTER = [A1, A2, A3]


def _joined(out: list[storyline.SummarySentence]) -> str:
    return " ".join(s.text for s in out)


def test_public_api_returns_cited_sentences() -> None:
    out = storyline.summarize(CLUSTER, max_words=60)
    assert out
    for s in out:
        assert isinstance(s, storyline.SummarySentence)
        assert s.citations, "every summary sentence cites at least its own article"
        art = {a.id: a for a in CLUSTER}[s.article_id]
        # the sentence taken is where its offsets say
        assert "collapsed" in art.text[s.start:s.end] or art.text[s.start:s.end].split()[0] in s.text


@pytest.mark.parametrize("max_words", [15, 30, 45, 80])
def test_max_words_is_never_exceeded(max_words: int) -> None:
    out = storyline.summarize(CLUSTER, max_words=max_words)
    assert out
    assert count_words(_joined(out)) <= max_words


@pytest.mark.parametrize("max_bytes", [80, 200, 400])
def test_max_bytes_cuts_like_duc(max_bytes: int) -> None:
    out = storyline.summarize(CLUSTER, max_bytes=max_bytes)
    joined = "\n".join(s.text for s in out)
    assert len(joined.encode("utf-8")) <= max_bytes
    # the budget is used: at most one short tail left over
    assert len(joined.encode("utf-8")) >= max_bytes * 0.6


def test_a_byte_budget_is_filled_to_its_last_word() -> None:
    # DUC cuts a summary at its byte budget, so the bytes after the whole sentences go to the head
    # of one more sentence however few they are, as long as it keeps a whole word: "The" fits in 3
    # bytes, and a cut word alone ("Th") earns nothing and is no fill
    texts = {a.id: a.text for a in CLUSTER}
    for max_bytes in range(60, 400, 3):
        out = storyline.summarize(CLUSTER, max_bytes=max_bytes)
        used = len(" ".join(s.text for s in out).encode("utf-8"))
        assert max_bytes - used < 4, (max_bytes, used)
        for s in out:
            if s.truncated:
                source = texts[s.article_id]
                assert " " in s.text or not source[s.end:s.end + 1].isalnum(), s.text


def test_no_two_sentences_state_the_same_fact() -> None:
    out = storyline.summarize(CLUSTER, max_words=120)
    collapse = [s for s in out if "collapsed" in s.text]
    closed = [s for s in out if "closed for inspection" in s.text]
    cause = [s for s in out if "corrosion" in s.text.lower()]
    assert len(collapse) <= 1
    assert len(closed) <= 1
    assert len(cause) <= 1


def test_a_fact_told_by_many_cites_every_article_with_supporting_offsets() -> None:
    out = storyline.summarize(CLUSTER, max_words=60)
    lead = next(s for s in out if "collapsed" in s.text)
    cited = {c.article_id for c in lead.citations}
    assert cited == {"a1", "a2", "a3"}
    texts = {a.id: a.text for a in CLUSTER}
    for c in lead.citations:
        supporting = texts[c.article_id][c.start:c.end]
        assert "collapsed" in supporting and "bridge" in supporting
    # the mayor's order is told by two articles, not by the third
    order = [s for s in storyline.summarize(CLUSTER, max_words=120) if "Varga" in s.text]
    if order:
        assert {c.article_id for c in order[0].citations} == {"a1", "a2"}


def test_first_sentence_stands_on_its_own() -> None:
    for budget in (20, 40, 80, 120):
        out = storyline.summarize(CLUSTER, max_words=budget)
        assert not out[0].text.startswith(("He ", "She ", "They ", "But ", "It "))
    assert all("He said the steel cables" not in s.text for s in storyline.summarize(CLUSTER, max_words=120))


def test_query_biases_toward_a_person() -> None:
    plain = storyline.summarize(CLUSTER, max_words=30)
    focused = storyline.summarize(CLUSTER, max_words=30, query="Lu Kang")
    assert not any("Lu Kang" in s.text for s in plain)
    assert any("Lu Kang" in s.text for s in focused)


def test_query_biases_toward_a_subject() -> None:
    focused = storyline.summarize(CLUSTER, max_words=30, query="repair funding council")
    assert any("council" in s.text for s in focused)


def test_bad_and_tiny_input() -> None:
    assert storyline.summarize([]) == []
    assert storyline.summarize([Article(text="   ", id="blank")]) == []
    assert storyline.summarize(CLUSTER, max_words=0) == []
    one = storyline.summarize([A2], max_words=40)
    assert one and all(c.article_id == "a2" for s in one for c in s.citations)
    short = storyline.summarize([Article(text="Floods hit the valley.", id="s1"),
                                 Article(text="Floods hit the valley again.", id="s2")], max_words=10)
    assert short and count_words(_joined(short)) <= 10


def test_compression_keeps_a_sentence() -> None:
    assert compress("The council approved the new budget for the harbor repairs, officials said Tuesday.") == \
        "The council approved the new budget for the harbor repairs."
    assert compress("He said it was fine.") == "He said it was fine."


def test_a_run_of_spaces_leaves_the_attribution_cut_quick() -> None:
    import time

    for n in (80, 200):  # a pasted table's gap: each run of spaces was tried every way (20 s at 80, hours at 200)
        text = "The council voted on the harbor plan" + " " * n + "and the mayor said nothing more about it."
        t = time.perf_counter()
        assert compress(text) == text
        assert time.perf_counter() - t < 2.0
    assert compress("The council voted on the new harbor plan for the town,   the mayor said on Monday.") == \
        "The council voted on the new harbor plan for the town."


def test_many_articles_one_fact_cites_them_all() -> None:
    towns = ["Arlo", "Bexley", "Corran", "Dunmore", "Elwick", "Farrow", "Glenby", "Halden"]
    arts = []
    for i in range(300):
        t = towns[i % len(towns)]
        arts.append(Article(id=f"m{i}", published=date(2031, 3, 1 + i % 20), text=(
            f"Heavy storms flooded the river valley on the night of March {1 + i % 20}, forcing hundreds of "
            f"families in {t} to leave their homes.\n\n"
            f"Volunteers in {t} filled {100 + i} sandbags to protect the school and the clinic.\n\n"
            f"Report number {i} said the regional government promised emergency aid to farmers in the valley.")))
    out = summarize(arts, max_words=100)
    assert out and count_words(_joined(out)) <= 100
    flood = next(s for s in out if "flooded" in s.text)
    assert len({c.article_id for c in flood.citations}) >= 250


@pytest.mark.parametrize("kw", [{"max_words": 37}, {"max_words": 100}, {"max_bytes": 250}])
def test_text_is_found_at_its_offsets_even_when_cut(kw: dict[str, int]) -> None:
    texts = {a.id: a.text for a in CLUSTER}
    out = storyline.summarize(CLUSTER, **kw)
    assert out
    for s in out:
        # the words at the offsets; a trimmed closing attribution leaves the final mark appended
        at = texts[s.article_id][s.start:s.end]
        assert at == s.text or (s.trimmed and at + s.text[-1] == s.text)
    assert all(not s.truncated for s in out[:-1])


def test_trim_drops_dateline_and_closing_attribution_only_at_the_ends() -> None:
    from storyline.consolidate.summary_text import trim_span

    text = "OSLO (AP) _ The harbor authority closed the northern pier after the storm damaged it, officials said Monday."
    i, j, tail = trim_span(text)
    assert text[i:j] + tail == "The harbor authority closed the northern pier after the storm damaged it."
    short = "Prices rose, he said."
    assert trim_span(short) == (0, len(short), "")
    quoted = 'The plan "will not work for the families on the coast," the mayor said.'
    assert trim_span(quoted)[1] == len(quoted)


def test_a_closing_said_whose_subject_stands_before_it_keeps_what_was_said() -> None:
    # "X, a spokeswoman, said it ..." is the sentence's own verb with its content, no attribution to drop
    from storyline.consolidate.summary_text import trim_span

    for text in ("Mara Velk, a spokeswoman for the Dunmore ferry line, said it has not cut any winter crossings.",
                 "The harbor master of Arlo, Tomas Brenn, said on Monday that the pier would reopen in May.",
                 "Ines Farrow, the youngest climber on the ridge, told of her night in the snow cave.",
                 "Councillor Pell of Elwick, the head of the budget panel, was said to be safe in the vote.",
                 "Most of the cafes and shops in the old town of Halden are reported to be open again."):
        assert trim_span(text) == (0, len(text), ""), text
    for text, kept in (("The ferry line cut two of its winter crossings to Dunmore, said Mara Velk.",
                        "The ferry line cut two of its winter crossings to Dunmore."),
                       ("The pier at Arlo will reopen in May after the repairs, the harbor master said.",
                        "The pier at Arlo will reopen in May after the repairs."),
                       ("The pier at Arlo will reopen in May after the repairs, said officials in the town.",
                        "The pier at Arlo will reopen in May after the repairs.")):
        i, j, tail = trim_span(text)
        assert text[i:j] + tail == kept


def test_a_closing_said_before_a_name_that_is_also_a_verb_word_is_trimmed() -> None:
    # "May", "Will", "Rose", "Drew" open names: no modal or past after "said", the speaker still follows it
    from storyline.consolidate.summary_text import trim_span

    for name in ("May Brenn", "Will Tarran", "Rose Varga", "Drew Halley"):
        text = f"The ferry line cut two of its winter crossings to Dunmore after the storm, said {name}."
        i, j, tail = trim_span(text)
        assert text[i:j] + tail == "The ferry line cut two of its winter crossings to Dunmore after the storm.", name
    kept = "The ferry line cut two of its winter crossings to Dunmore, said it would add boats in May."
    assert trim_span(kept) == (0, len(kept), "")


def test_word_budget_is_used_to_the_end_when_there_is_enough_text() -> None:
    # whole sentences, then the head of one more when at least 6 words are left
    for max_words in (25, 40, 55, 70):
        out = summarize(CLUSTER, max_words=max_words)
        assert max_words - 6 < count_words(_joined(out)) <= max_words
        assert all(not s.truncated for s in out[:-1])


def test_the_cut_last_sentence_is_the_one_whose_head_tells_the_story() -> None:
    # the remainder of a byte budget takes the head of the sentence whose first words the story uses
    # most (what the budget keeps), not the first sentence that adds no word pair of the story
    lead = "Flood waters rose across the northern valley on Monday, forcing thousands of families from their homes."
    arts = [
        Article(id="v1", published=date(2031, 3, 4), text=(
            f"{lead} Local bakery owners in a quiet mountain town reported record sales of pastries over "
            "the weekend. The river crested at nine meters, the highest level in forty years.")),
        Article(id="v2", published=date(2031, 3, 4), text=(
            "Flood waters rose across the northern valley, forcing thousands of families from their homes "
            "on Monday. The river crested at nine meters on Monday night.")),
        Article(id="v3", published=date(2031, 3, 5), text=(
            "Thousands of families were forced from their homes as flood waters rose across the northern "
            "valley. Shelters across the valley took in families whose homes the flood waters had reached.")),
    ]
    out = summarize(arts, max_bytes=190)
    assert out[-1].truncated and out[-1].text.startswith("Shelters across the valley")


def _dock_strike() -> list[Article]:
    """Three wire copies of one report, each with a dateline and a closing attribution."""
    return [
        Article(id=f"w{i}", source=f"Wire {i}", published=date(2031, 5, 2), text=(
            f"KALMAR (AP) _ Dock workers at the Kalmar container port walked off the job on Friday over "
            f"a dispute about night shifts, union leaders said.\n\n"
            f"Report {i} noted that ships waited outside the harbor for {10 + i} hours.")) for i in range(3)]


def test_dateline_and_closing_attribution_are_left_out_but_cited() -> None:
    arts = _dock_strike()
    out = summarize(arts, max_words=40)
    lead = next(s for s in out if "walked off" in s.text)
    assert not lead.text.startswith("KALMAR") and "union leaders said" not in lead.text
    assert lead.trimmed and lead.text.endswith(".")
    assert len(lead.citations) == 3


def test_a_broadcasters_dateline_is_trimmed_too() -> None:
    from storyline.consolidate.summary_text import trim_span

    for t in ("CAIRO (CNN) -- Protesters filled the square on Friday.",
              "CAIRO -LRB- CNN -RRB- - Protesters filled the square on Friday."):  # a tokenized corpus
        i, j, tail = trim_span(t)
        assert t[i:j] + tail == "Protesters filled the square on Friday.", t
    # further down a page of several stories, only a news agency's dateline is one
    t = "BEIRUT -LRB- Reuters -RRB- -- Rebels trying to topple Gaddafi have fought alone ."
    i, j, tail = trim_span(t, lead=False)
    assert t[i:j] + tail == "Rebels trying to topple Gaddafi have fought alone ."
    t = "WASHINGTON _ The Senate voted."
    assert trim_span(t, lead=False)[:2] == (0, len(t))


def test_a_dateline_on_a_line_of_its_own_is_trimmed() -> None:
    # wire copy archived line by line carries its dateline alone on the first line: the place in
    # capitals and the day ("LONDON 1996-08-30"), no agency and no dash
    from storyline.consolidate.summary_text import trim_span

    for t in ("HALDEN 2031-05-02\nDock workers at the Halden container port walked off the job on Friday.",
              "PORT ELWIN, Norland 2031-05-02\nDock workers at the Halden container port walked off the job on Friday.",
              "ST. KARLS, May 2\nDock workers at the Halden container port walked off the job on Friday.",
              "HALDEN 2031-05-02 Dock workers at the Halden container port walked off the job on Friday."):
        i, j, tail = trim_span(t)
        assert t[i:j] + tail == "Dock workers at the Halden container port walked off the job on Friday.", t
    for t in ("HALDEN 2031-05-02", "NATO 2031 targets were met by the Halden port on Friday.",
              "HALDEN, May 2 (Reuters) - Dock workers walked off the job on Friday."):
        i, j, tail = trim_span(t)
        assert not t[i:j].startswith("- ") and (i == 0) == ("Reuters" not in t), t
    arts = [Article(id=f"w{i}", source="Wire", published=date(2031, 5, 2), text=(
        "HALDEN 2031-05-02\nDock workers at the Halden container port walked off the job on Friday over a "
        f"dispute about night shifts.\nShips waited outside the harbor for {10 + i} hours.")) for i in range(2)]
    lead = next(s for s in summarize(arts, max_words=40) if "walked off" in s.text)
    assert lead.text.startswith("Dock workers") and len(lead.citations) == 2
    entries = storyline.timeline(arts)
    assert entries and all(not e.text.startswith("HALDEN") for e in entries)
    alone = Article(id="w9", source="Wire", published=date(2031, 5, 2), text=(
        "Karin Holm\nHALDEN 2031-05-02\nDock workers at the Halden container port walked off the job on "
        "Friday over a dispute about night shifts."))
    assert [e.text.split()[0] for e in storyline.timeline([alone])] == ["Dock"]


def test_the_brief_keeps_who_said_it() -> None:
    # a reader must see whose claim a summary sentence reports; only the dateline goes
    from storyline.consolidate.brief import build_brief

    arts = _dock_strike()
    brief = build_brief("s1", arts, max_words=60)
    lead = next(s for s in brief.summary if "walked off" in s.text)
    assert "union leaders said" in lead.text and not lead.text.startswith("KALMAR")


def test_sentence_end_check_matches_its_pattern() -> None:
    """The fast end-of-sentence check accepts exactly what the original pattern accepted."""
    from storyline.consolidate.summary_text import _ENDS
    from storyline.consolidate.summary_text import ends_sentence as _ends_sentence

    cases = ["It rained.", "It rained", 'He left."', "Done!)", "Why?'", "x''", "", ".", "a)", "b.)]",
             "ends with a quote”", "no mark ’", "mid. sentence", "Stop.!"]
    for text in cases:
        assert _ends_sentence(text) == bool(_ENDS.search(text)), text


# a story whose first lead only describes its actor; another lead names him
OPENER_CLUSTER = [
    Article(id="e1", source="Harbor Gazette", published=date(2031, 5, 6), text=(
        "The opposition leader is said to have met with Prime Minister Elsa Brandt.\n\n"
        "Opposition leader Tomas Reyl arrived in Kestrel on Monday for his second visit to the capital this year.\n\n"
        "The talks were expected to cover the budget vote.")),
    Article(id="e2", source="Valley Wire", published=date(2031, 5, 6), text=(
        "Opposition leader Tomas Reyl arrived in Kestrel on Monday for his second visit to the capital this year.\n\n"
        "He met Prime Minister Elsa Brandt at her residence.\n\n"
        "Reyl's visit comes as parliament prepares to vote on the budget.")),
    Article(id="e3", source="Coastal Daily", published=date(2031, 5, 7), text=(
        "The opposition leader met with Prime Minister Elsa Brandt, state radio reported.\n\n"
        "Parliament will vote on the budget next week.")),
]


def test_summary_opens_with_a_sentence_that_names_its_actor() -> None:
    out = summarize(OPENER_CLUSTER, max_words=60)
    texts = [s.text for s in out]
    assert any(t.startswith("The opposition leader is said") for t in texts)   # both leads are told
    assert texts[0].startswith("Opposition leader Tomas Reyl arrived")


def _wire_and_daily(day: date, wire: list[str], daily: list[str]) -> list[Article]:
    """Two reports of one day, a paragraph per sentence."""
    return [Article(id=f"{source.lower()}-{day}", source=source, published=day, text="\n\n".join(paras))
            for source, paras in (("Wire", wire), ("Daily", daily))]


def test_summary_does_not_open_with_a_sentence_about_something_not_yet_introduced() -> None:
    arts = _wire_and_daily(date(2031, 12, 15), [
        "The decision was made at the climate conference in Halden on Saturday.",
        "It came after two weeks of talks among the delegates.",
        "Delegates from 180 countries agreed to cut coal subsidies by half before 2040.",
        "The agreement still needs to be ratified by national parliaments."], [
        "The decision was made at the climate conference in Halden on Saturday after two weeks of talks.",
        "It was welcomed by the delegates.",
        "Delegates from 180 countries agreed in Halden to cut coal subsidies by half before 2040."])
    texts = [s.text for s in summarize(arts, max_words=80)]
    assert any(t.startswith("The decision was made") for t in texts)   # told, but not first
    assert texts[0].startswith("Delegates from 180 countries agreed")


def test_a_caption_does_not_open_a_summary() -> None:
    arts = _wire_and_daily(date(2031, 5, 2), [
        "Oil in the water near the Kestrel platform in the Gulf of Arden.",
        "Crews tried to stop the leak from the platform for a third day.",
        "Up to 5,000 barrels of oil a day are leaking from the Kestrel platform into the Gulf of Arden."], [
        "Oil in the water near the Kestrel platform in the Gulf of Arden.",
        "Engineers said the valve had failed.",
        "Up to 5,000 barrels of oil a day are leaking from the Kestrel platform, engineers said."])
    texts = [s.text for s in summarize(arts, max_words=60)]
    assert texts and not texts[0].startswith("Oil in the water"), texts
    # a reader's brief leaves it out altogether, though both reports carry it
    brief = storyline.brief(arts)
    assert brief.summary and not any(s.text.startswith("Oil in the water") for s in brief.summary)
    from storyline.consolidate.summary_text import caption_like, verbless
    assert verbless("Oil in the water near the Kestrel platform in the Gulf of Arden.")
    assert verbless("A controlled burn of oil from the Kestrel well in the Gulf of Arden.")  # a participle as adjective
    assert not verbless("The injured man was taken to hospital.")
    assert not verbless("Up to 5,000 barrels of oil a day are leaking from the platform.")
    # a caption with a verb, by its shape: a date and a colon, "is seen rising", "are pictured", a credit
    for caption in ("May 3: A slick is seen as the Kestrel platform burns in the Gulf of Arden.",
                    "AP May 3 : Fire boats battle the blaze on the platform .",
                    "Smoke is seen rising from the platform on Tuesday.",
                    "Workers are pictured outside the terminal.",
                    "Oil on the beach at Halden (AP Photo/Ana Lind).",
                    "In this June 19, 2030, file photo, the premier shakes hands with the president.",
                    "FILE - In this undated photo released by police, the suspect is led to court.",
                    "This image made from video shows smoke over the platform."):
        assert caption_like(caption), caption
    for sentence in ("The minister is seen as the front-runner to lead the inquiry.",
                     "In this case, the judge ruled that photos taken by the police were admissible.",
                     "Up to 5,000 barrels of oil a day are leaking from the platform."):
        assert not caption_like(sentence), sentence


def test_names_actor_tells_a_named_subject_from_a_described_one() -> None:
    from storyline.consolidate.summary_text import names_actor

    common = {"officials", "opposition"}.__contains__
    named = ["Chancellor Ada Lind signed the treaty.", "Opposition leader Tomas Reyl arrived on Monday.",
             "Reyl's visit comes as parliament prepares to vote.", "The Bank of Kestrel raised rates.",
             "U.N. envoy Mira Sol met rebel leaders."]
    described = ["The opposition leader is said to have met with Prime Minister Elsa Brandt.",
                 "Kestrelian state media reported that Reyl came at the invitation of the premier.",
                 "The Kestrelian leader is said to have left.", "Officials said the bridge was closed.",
                 "Tuesday also happens to be his birthday.", "In this June 19 file photo, two ministers shake hands."]
    for t in named:
        assert names_actor(t, lambda w: common(w.lower())), t
    for t in described:
        assert not names_actor(t, lambda w: common(w.lower())), t


def test_attribution_search_starts_where_a_match_can_start() -> None:
    """trim_span's attribution search, started late to save time, finds what a search over the
    sentence's last 160 characters finds."""
    from storyline.consolidate import summary_text as T

    cases = [
        "Dock workers at the port walked off the job on Friday over night shifts, union leaders said.",
        "The ferry will resume service next week, according to the harbor office.",
        "Prices rose again in May, '' the minister told reporters on Tuesday.",
        "The council, which met on Monday, approved the plan, its chair said Tuesday.",
        "\"We will rebuild the bridge by spring,\" the mayor said.",
        "Two ships collided; the coast guard said nobody was hurt.",
        "Rain fell all day. Officials announced.",
        "The company reported a loss for the third quarter in a row, ” a spokesman added!",
        "Nothing here is attributed at all.",
        "Nobody said a word",
    ]
    for text in cases:
        old = (T._ATTRIB_TAIL.search(text, max(0, len(text) - 160))
               if text.rstrip()[-1:] in (".", "!") and T._ATTRIB_WORD.search(text, max(0, len(text) - 160)) else None)
        new = T._attribution_tail(text)
        assert (old and old.span()) == (new and new.span()), text


def test_first_person_check_can_be_skipped_only_without_first_person_tokens() -> None:
    from storyline.consolidate.summary_text import FIRST_PERSON_TOKENS, is_candidate_shape, tokens

    cases = ["The ferry resumed service on Monday.", "US officials met in Kestrel.", "I'm told the ferry resumed.",
             "The mayor said we would rebuild it.", "Officials urged you to stay home.", "Our ferry resumed."]
    for text in cases:
        holds = not FIRST_PERSON_TOKENS.isdisjoint(tokens(text))
        if not holds:
            assert is_candidate_shape(text, first_person=False) == is_candidate_shape(text), text
        else:
            assert is_candidate_shape(text, first_person=True) == is_candidate_shape(text), text
    assert not is_candidate_shape("The mayor said we would rebuild it.")


def test_word_cut_ends_with_the_nth_word_whatever_the_spacing() -> None:
    """``truncate_words`` finds the end of the n-th word with one regex match; it must agree with
    counting the runs of non-space characters one by one (what it did before)."""
    import re

    from storyline.consolidate.summary_text import truncate_words

    def by_loop(text: str, n: int) -> str:
        if n <= 0:
            return ""
        if len(text.split()) <= n:
            return text
        for k, m in enumerate(re.finditer(r"\S+", text), 1):
            if k == n:
                return text[: m.end()]
        return text

    texts = ["The mayor said the bridge would reopen on Monday.",
             "  Leading spaces,\ttabs\nand  newlines  between words ",
             "Non-breaking\u00a0space and\u2003em space — dash “quoted” words …",
             "one", "", "   ", "a b c d e f g h i j k l m n o p"]
    for text in texts:
        for n in range(-1, len(text.split()) + 3):
            assert truncate_words(text, n) == by_loop(text, n), (text, n)
    assert truncate_words("The mayor said the bridge would reopen.", 3) == "The mayor said"


def test_a_citation_needs_the_same_fact_not_just_the_same_names() -> None:
    """Another article is cited for a summary sentence only if its closest sentence tells that fact:
    not one that gives other numbers ("12 cars" for "fourteen cars") nor one on the same people
    doing something else."""
    lead = ("Fourteen of the freight train's cars left the rails near the Tarrow crossing on Monday night, "
            "the regional fire service said, and the tanker wagons leaked chlorine into the river.")
    arts = [
        Article(id="a", text=lead + " Crews worked through the night to seal the tanker wagons."),
        Article(id="b", text=lead + " Schools near the Tarrow crossing were closed."),
        Article(id="c", text="The regional fire service said 12 of the freight train's cars left the rails near "
                             "the Tarrow crossing. The tanker wagons were sealed by Tuesday morning."),
        Article(id="d", text="The regional fire service chief met Tarrow crossing residents on Tuesday. They "
                             "asked for a new road."),
    ]
    out = summarize(arts, max_words=60)
    by_text = {s.text: {c.article_id for c in s.citations} for s in out}
    twelve = [t for t in by_text if " 12 " in t]
    assert twelve and all(by_text[t] == {"c"} for t in twelve)        # a and b say fourteen
    assert all("d" not in cited for t, cited in by_text.items() if "residents" not in t)
    assert any(len(cited) > 1 for cited in by_text.values())           # shared facts are still cited


def test_a_citation_carries_the_claims_numbers_and_states_it_as_a_fact() -> None:
    """A sentence that tells none of a summary sentence's numbers, or makes a condition of its fact, is
    not cited for it."""
    from storyline.consolidate.summary_text import carries_whole

    assert not carries_whole("Novak has won stage 13 of the Tour.", "Novak also won yesterday's stage of the Tour.")
    assert carries_whole("Novak also won yesterday's stage of the Tour.", "Novak has won stage 13 of the Tour.")
    assert carries_whole("Novak has won stage 13 of the Tour.", "Novak won the 13th stage, stage 13, on Saturday.")
    crash = " The plane came down in a field near the airport."
    arts = [Article(id="c", text="If there is evidence of a crime, the investigation of the crash will be shifted to "
                                 "the FBI, officials said." + crash),
            Article(id="d", text="The FBI is taking over the investigation of the crash, officials said." + crash)]
    out = {s.text: [c.article_id for c in s.citations] for s in summarize(arts, max_words=40)}
    assert out["The FBI is taking over the investigation of the crash."] == ["d"]
    assert sorted(out["The plane came down in a field near the airport."]) == ["c", "d"]


def test_supports_reads_numbers_and_fact_words() -> None:
    from storyline.consolidate.disagreements import stated_numbers
    from storyline.consolidate.summary_text import supports

    assert stated_numbers("Fourteen of the 52 cars, on March 10, 2025, and 2,000 people") == {14, 52, 2000}
    # a scale word multiplies its number: "2.3 trillion rupiah" is no "2.3 billion shares"
    assert stated_numbers("2.3 billion shares worth 2.5 trillion rupiah") == {2.3e9, 2.5e12}
    claim = "The chief executive said the company was deeply sorry and would pay for the evacuation."
    assert supports(claim, "The company was deeply sorry, its chief executive said, and would pay for the evacuation.")
    assert not supports(claim, "The chief executive met evacuated families on Tuesday.")
    assert not supports("Fourteen cars derailed.", "The agency said 12 cars derailed.")
    assert supports("Fourteen cars derailed.", "14 cars came off the rails, 3 of them tankers.")
    # what one article expects is no source for what another tells as done
    done = "Investigators from the maritime board arrived on Thursday to inspect the hull."
    assert not supports(done, "Investigators from the maritime board are expected to arrive on Thursday to "
                              "inspect the hull.")
    assert supports(done, "Investigators from the maritime board arrived Thursday and began to inspect the hull.")
    assert supports("The ship ran aground on Tuesday near the harbor.",
                    "The ship ran aground on Tuesday near the harbor and would be towed off.")


def test_the_headline_does_not_change_with_the_summary_length() -> None:
    """The brief's headline is the title the story's articles repeat most, whatever the budget; a
    short explainer title ("What we know") does not win on a few common words."""
    arts = [
        Article(id="a", title="Freight train derails near Tarrow, chlorine leak forces evacuation",
                text="A freight train derailed near Tarrow on Monday and a tanker wagon leaked chlorine. Police "
                     "ordered the evacuation of 300 homes near the crossing. The driver was unhurt."),
        Article(id="b", title="Chlorine leak: Tarrow families leave homes after train derails",
                text="Families near Tarrow left their homes after a freight train derailed and leaked chlorine. "
                     "The evacuation covers 300 homes. Schools will stay closed on Tuesday."),
        Article(id="c", title="What we know about Tarrow",
                text="What we know about the Tarrow derailment: the freight train carried chlorine in two "
                     "tanker wagons; one leaked. About 300 homes were evacuated."),
    ]
    heads = {storyline.brief(arts, max_words=w).headline for w in (20, 60, 150)}
    assert len(heads) == 1 and heads != {"What we know about Tarrow"}


def test_explainer_headings_do_not_open_or_join_the_summary():
    """"The investigation: the agency is leading it." reads as a heading out of an explainer, not as
    a sentence of the story; a colon inside a sentence or a clock time is fine."""
    from storyline.consolidate.summary_text import is_candidate_shape

    assert not is_candidate_shape("The investigation: the safety agency is leading it.")
    assert not is_candidate_shape("Update: the line reopened on Friday.")
    assert is_candidate_shape("Fourteen cars left the tracks at 7:40 p.m. near the crossing.")
    assert is_candidate_shape("The governor named the agency that will lead the inquiry: the NTSA.")


_CORE = [
    "A pedestrian bridge over the Tallow River collapsed in Brenmoor on Monday, injuring fourteen people.",
    "Fourteen people were hurt when the Brenmoor footbridge over the Tallow River gave way on Monday morning.",
    "Rescue crews pulled the fourteen injured people from the Tallow River within an hour of the collapse.",
    "Mayor Ilse Varga closed every bridge in Brenmoor for inspection after the footbridge collapsed.",
    "Engineer Tomas Reyl said corroded steel cables may have caused the Brenmoor bridge to collapse.",
    "Inspectors examined the corroded steel cables of the collapsed bridge on Tuesday.",
    "Seven of the fourteen people injured in the bridge collapse were still in hospital on Tuesday.",
    "The collapsed footbridge over the Tallow River was built in 1962 and was due for repairs next year.",
    "Residents of Brenmoor said they had complained about rust on the bridge cables for years.",
    "The regional transport ministry will pay for a review of every river bridge after the Brenmoor collapse.",
    "Divers searched the Tallow River for pieces of the collapsed bridge on Tuesday.",
    "The Brenmoor council will meet on Wednesday to discuss rebuilding the collapsed bridge.",
    "Witnesses said the bridge deck tilted slowly before it fell into the Tallow River.",
    "A teacher who was crossing the bridge with her class said the children were pulled out by fishermen.",
    "The Tallow River was running high after a week of rain when the footbridge collapsed.",
    "Police closed the riverside road near the collapsed bridge so that cranes could lift the wreckage.",
    "The company that last repaired the bridge said its work had met every safety rule.",
    "Brenmoor schools stayed open, but buses took children around the closed bridges.",
    "Opposition councillors asked why a report on the bridge cables had not been published.",
    "The footbridge carried about three thousand people a day between the station and the old town.",
]
_STRAY = [
    "Parking fees in the old town will rise in April.",
    "A choir concert was moved to the school hall.",
    "The library extended its opening hours for students.",
    "Ticket sales for the autumn fair opened online.",
    "A new bakery opened in the market square.",
    "The football club signed a young goalkeeper.",
    "Snow is forecast for the hills at the weekend.",
    "The museum lent two paintings to a gallery abroad.",
    "A charity run raised money for the animal shelter.",
    "The post office will close early on Friday.",
    "A cycling club repainted the lines of its track.",
    "The swimming pool will be cleaned next month.",
]


def _local_news() -> list[Article]:
    """Six reports of the bridge collapse, each with two short items of local news of its own."""
    arts = []
    for k in range(6):
        core = [_CORE[(k * 3 + j) % len(_CORE)] for j in range(5)]
        paras = core[:3] + [_STRAY[2 * k % len(_STRAY)]] + core[3:] + [_STRAY[(2 * k + 1) % len(_STRAY)]]
        arts.append(Article(id=f"b{k}", text="\n\n".join(paras), published=date(2031, 3, 4 + k // 3), source=f"Outlet {k}"))
    return arts


def test_long_summary_keeps_to_the_story_once_its_main_facts_are_told() -> None:
    from dataclasses import replace

    from storyline.consolidate.summary import SummaryConfig

    arts = _local_news()
    stray = lambda out: sum(s.text in _STRAY for s in out)  # noqa: E731
    with_ramp = summarize(arts, max_words=150)
    without = summarize(arts, max_words=150, config=replace(SummaryConfig(), long_centrality=0.0))
    assert count_words(_joined(with_ramp)) <= 150
    assert stray(with_ramp) < stray(without)


def test_brief_leaves_out_what_no_other_article_tells() -> None:
    from storyline.consolidate.brief import BRIEF_SUMMARY

    arts = _local_news()
    for words in (100, 200):
        out = summarize(arts, max_words=words, config=BRIEF_SUMMARY)
        assert len(out) >= 5
        assert not [s.text for s in out if s.text in _STRAY]
    # one article alone: its every sentence is the story
    single = summarize(arts[:1], max_words=200, config=BRIEF_SUMMARY)
    assert any(s.text in _STRAY for s in single)


def test_centrality_counts_more_as_the_budget_grows() -> None:
    from storyline.consolidate.summary import SummaryConfig, centrality_weight

    cfg = SummaryConfig()
    weights = [centrality_weight(w, cfg) for w in (60, 100, 120, 150, 200, 250, 400)]
    assert weights[:3] == [0.0, 0.0, 0.0]
    assert weights == sorted(weights) and weights[-1] == weights[-2] == cfg.long_centrality


def test_a_sentence_that_is_mostly_a_quotation_is_no_first_choice() -> None:
    # half or more of its words quoted: a candidate only when the reporter's sentences run short
    from storyline.consolidate.summary import mostly_quoted

    assert mostly_quoted('"We will rebuild every house and every school in this valley," the mayor said.')
    assert mostly_quoted("``We will rebuild every house in this valley,'' the mayor said.")
    assert not mostly_quoted('The mayor said the town would "rebuild" after floods destroyed 300 homes.')
    assert not mostly_quoted('"No," he said.')  # too short to be a quotation passage


def test_a_brief_cites_no_article_that_tells_the_same_words_of_another_day() -> None:
    import storyline

    said = "President Clinton will meet Prime Minister Netanyahu and Yasser Arafat in the Gaza Strip on"
    a = storyline.Article(id="a", title="t", published=date(1998, 12, 11), source="A",
                          text=f"{said} Monday, officials said. The talks follow weeks of tension over the accord.")
    b = storyline.Article(id="b", title="t", published=date(1998, 11, 27), source="B",
                          text=f"{said} Dec. 15, officials said. The trip was announced in November.")
    c = storyline.Article(id="c", title="t", published=date(1998, 12, 12), source="C",
                          text=f"{said} Monday, aides said. Security was tight.")
    first = storyline.brief([a, b, c]).summary[0]
    assert "(Dec. 14, 1998)" in first.text
    assert sorted(x.article_id for x in first.citations) == ["a", "c"]   # b tells of Dec. 15


def test_a_brief_gives_a_count_once() -> None:
    """"All 143 people aboard were killed" and "The crash killed all 143 passengers and crew": in
    other words, the same toll; a reader's brief tells it once. Counts of other things stay."""
    from storyline.consolidate.brief import BRIEF_SUMMARY
    from storyline.consolidate.summary import count_phrases

    assert count_phrases("All 143 people aboard were killed.") == {("143", "")}
    assert count_phrases("The 10 people arrested in 2019 at 5 p.m. paid $20 million.") == {
        ("10", "people"), ("20", "million")}
    day = date(2024, 3, 4)
    texts = [
        "A passenger jet crashed into the sea off Carrow on Sunday night. All 143 people aboard the plane were "
        "killed. Divers recovered the flight data recorder on Monday. The airline grounded its other jets.",
        "The crash killed all 143 passengers and crew, the airline said. Divers recovered the flight data "
        "recorder from the sea floor on Monday. Investigators flew in from the capital.",
        "All 143 people on board died when the jet crashed off Carrow. The airline grounded its other jets "
        "of the same type. Investigators flew in from the capital on Monday.",
    ]
    arts = [Article(id=f"a{i}", text=t, published=day, title=f"t{i}") for i, t in enumerate(texts)]
    out = summarize(arts, max_words=100, config=BRIEF_SUMMARY)
    assert sum("143" in s.text for s in out) == 1, [s.text for s in out]


def test_a_brief_tells_one_fact_in_other_words_once_and_cites_every_teller() -> None:
    """"The festival board announced Friday that Nora Vell will be the host of the 30th annual
    Lantern Awards" and "On Friday, the body behind the Lantern Awards named singer Nora Vell as the
    host of the annual show": one fact in other words (each carries the other's fact words, the
    same day). A reader's brief tells it once and cites both articles; "was found guilty in the
    murder" and "charged with the murder" share one fact word and stay two facts."""
    from storyline.consolidate.brief import BRIEF_SUMMARY
    from storyline.consolidate.summary import one_fact

    day = date(2024, 11, 9)
    texts = [
        "The festival board announced Friday that Nora Vell will be the host of the 30th annual Lantern "
        "Awards in Harwick. Tickets for the ceremony in March sold out within an hour. Vell toured Europe "
        "last year with her band.",
        "On Friday, the body behind the Lantern Awards named singer Nora Vell as the host of the annual "
        "show. The ceremony will be broadcast live from the Harwick Opera House. Organisers hope her fans "
        "will lift the falling audience figures.",
    ]
    arts = [Article(id=f"a{i}", text=t, published=day, title=f"t{i}") for i, t in enumerate(texts)]
    out = summarize(arts, max_words=100, config=BRIEF_SUMMARY)
    hosts = [s for s in out if "host" in s.text]
    assert len(hosts) == 1, [s.text for s in out]
    assert sorted(c.article_id for c in hosts[0].citations) == ["a0", "a1"]
    assert not one_fact("Dale Orr, 20, was found guilty in the murder of Ann Pike.",
                        "Police have charged Dale Orr and Sam Lett with her murder.", day, day)
    assert not one_fact("Police charged Dale Orr with the murder of the nurse on the ward.",
                        "Detectives released Sam Lett without charge over the murder of the nurse on the ward.", day, day)
    assert not one_fact("Apple shares rose sharply in early trading on the index.",
                        "Microsoft shares fell sharply in early trading on the index.", day, day)
    assert not one_fact("The board announced on Friday that Vell will host the annual show.",
                        "The board announced on Monday that Vell will host the annual show.", day, day)


def test_a_headline_written_into_the_text_is_no_summary_or_timeline_sentence() -> None:
    """Exports that write each article's headline as its text's first line: the brief's summary and
    timeline tell the reports' sentences, not the headlines (a campaign story's summary had opened with
    "Hillary Just Got Blindsided By Stunning News- It’s A Game Changer.")."""
    heads = ["The old Dorne pier collapses on Monday, injuring two fishermen",
             "Dorne pier collapse on Monday hurts two fishermen as board faces questions"]
    bodies = ["The old pier in Dorne collapsed on Monday evening, injuring two fishermen. Harbor manager Tamsin "
              "Oake said the pier had failed two inspections. The board will meet on Friday.",
              "Part of the Dorne pier fell into the harbor on Monday, and two fishermen were hurt. Oake said "
              "inspectors had warned the board twice. Engineers will survey the rest of the pier this week."]
    arts = [Article(id=f"a{k}", title=h, text=f"{h}.\n\n{b}", published=date(2025, 5, 6), source=f"s{k}")
            for k, (h, b) in enumerate(zip(heads, bodies))]
    b = storyline.brief(arts)
    shown = [s.text for s in b.summary] + [e.text for e in b.timeline]
    assert shown and not any(h.lower() in t.lower() for h in heads for t in shown), shown


def test_a_sentence_sharing_two_words_and_no_name_does_not_carry_a_named_fact() -> None:
    """"Brill said he was "very close" to the inquiry" is not cited to "the inquiry into the ledgers is
    closed, the inquiry into the inquiry is just beginning" (two fact words, close and inquiry, and no
    name); a sentence that names Brill and tells the same does carry it."""
    a = Article(id="a", source="s1", published=date(2025, 3, 3), text=(
        "On Tuesday, harbor inspector Tom Brill said he was \"very close\" to the inquiry. The ledgers were "
        "sent to the board in January. Dorne's harbor board will meet on Friday."))
    b = Article(id="b", source="s2", published=date(2025, 7, 6), text=(
        "Although the inquiry into the ledgers is closed, the inquiry into the inquiry is just beginning. "
        "The board declined to comment."))
    c = Article(id="c", source="s3", published=date(2025, 3, 4), text=(
        "Inspector Tom Brill said on Tuesday that he was very close to finishing the inquiry into the ledgers. "
        "The harbor board meets on Friday."))
    out = summarize([a, b, c], max_words=60)
    first = next(s for s in out if "very close" in s.text)
    cited = {x.article_id for x in first.citations}
    assert "b" not in cited, cited


def test_a_name_in_other_words_still_carries_the_fact() -> None:
    """"The U.S." / "The United States", "Mayor Mara Lint" / "the mayor": the other sentence names the
    same one in other words and is cited."""
    from storyline.consolidate.summary import _thin_and_unnamed

    assert not _thin_and_unnamed("The U.S. closed its embassy on Monday.", "The United States closed its embassy on Monday.")
    assert not _thin_and_unnamed("Mayor Mara Lint resigned on Tuesday.", "The mayor resigned on Tuesday.")
    assert _thin_and_unnamed("Inspector Tom Brill said he was very close to the inquiry.",
                             "Although the inquiry is closed, the inquiry into the inquiry is just beginning.")


def test_a_contact_line_is_furniture_and_a_glued_date_stamp_is_trimmed() -> None:
    from storyline.consolidate.summary_text import is_furniture, trim_span

    assert is_furniture("Questions should be directed to the news desk at 800-950-3739.")
    assert is_furniture("You can call the critic at (817) 390-7614.")
    assert not is_furniture("The plane carried 212 passengers and 14 crew, and the score was 3-2.")
    text = "Tuesday, January 18, 2005Through a telethon, the stars raised millions for the victims of the flood."
    i, j, tail = trim_span(text)
    assert text[i:j] + tail == "Through a telethon, the stars raised millions for the victims of the flood."
    text = "January 18, 2005 was the day the stars raised millions for the victims of the flood."
    assert trim_span(text)[0] == 0      # a date the sentence is about stays


LIVE_PAGE = ("Live: floods in Marlow county. (All times GMT.)\n"
             "2150 The river authority says the water level at Brenton bridge has begun to fall after two days of rain.\n"
             "2132 Rescue boats have reached the village of Oakley, where dozens of families spent the night on roofs.\n"
             "2105 County leader Dana Pell says the emergency shelters at the village school are now full.\n"
             "1940 Forecasters warn that more heavy rain is expected across the valley tonight.\n")


def test_a_live_pages_entry_times_are_no_words_of_its_summary() -> None:
    out = summarize([Article(id="live", text=LIVE_PAGE, published=date(2024, 3, 5))], max_words=80)
    assert out
    assert not any(s.text[:4].isdigit() for s in out), [s.text for s in out]


def test_a_pages_update_stamp_and_its_video_player_are_no_words_of_its_summary() -> None:
    text = ("12 March 2024 Last updated at 09:41 GMT Help A ferry carrying 40 passengers has run aground off Brenton "
            "after losing power in a storm.\nCannot play media. Sorry, this media is not available in your territory.\n"
            "All the passengers were taken off by lifeboat crews and nobody was hurt, the coastguard said.\n"
            "The ferry operator said an inquiry into the loss of power would begin at once.")
    out = summarize([Article(id="ferry", text=text, published=date(2024, 3, 12))], max_words=80)
    joined = _joined(out)
    assert out and "Last updated" not in joined, joined
    assert joined.startswith("A ferry carrying 40 passengers"), joined
    # the reader's brief is not even filled with the player's notice (the benchmark summary may be)
    shown = " ".join(s.text for s in storyline.brief([Article(id="ferry", text=text, published=date(2024, 3, 12))]).summary)
    assert "media" not in shown and "Last updated" not in shown, shown


def test_lead_asks_caption_like_only_of_sentences_that_could_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """The opening sentence is the best-placed one that is no caption: ``caption_like`` is asked of
    the sentences best first until one is no caption (and of the rivals of an opener that names no
    actor), not of every sentence; the opener is the one the full filter picks."""
    import numpy as np

    import storyline.consolidate.summary as S
    from storyline.records import Sentence

    texts = ["Protesters are pictured outside the courthouse in Brookfield on Monday.",
             "The city council of Brookfield voted on Monday to close the old harbour bridge for repairs.",
             "Mayor Dana Lint said the repairs would take most of the coming winter season to finish.",
             "Engineers found deep cracks in two of the bridge's steel supports during a routine check.",
             "Ferry services will run twice an hour while the bridge stays closed to all traffic."]
    items = [S._Item(sent=Sentence("a", k, 0, len(t), t), art=0, pos=k, text=t, words=len(t.split()),
                     nbytes=len(t), end=len(t), shaped=True) for k, t in enumerate(texts)]
    cands = list(range(len(items)))
    score = np.array([9.0, 8.0, 7.0, 6.0, 5.0])
    asked: list[str] = []
    real = S.caption_like

    def counting(text: str) -> bool:
        asked.append(text)
        return real(text)

    def full_filter(order: list[int]) -> int:   # the rule as stated: captions out, then the best placed
        good = [k for k in order if not real(texts[k])] or order
        return min(good, key=lambda k: (items[k].pos, -score[k]))

    monkeypatch.setattr(S, "caption_like", counting)
    order = S._lead_with_context(cands, cands, items, None, score)
    assert order[0] == full_filter(cands) == 1
    assert texts[3] not in asked and texts[4] not in asked


def _invented_sentences(n: int, seed: int) -> list[str]:
    """Random sentences of invented words and the marks the summarizer's patterns look for."""
    import random

    rng = random.Random(seed)
    parts = ["The council", "voted", "on Monday", "Mayor Dana Lint", "is pictured", "are seen outside", "is seen rising",
             "was seen", "pictured", "Jan. 5:", "March 12 :", "AP", "In this file photo", "In this June 3, 2019, photo",
             "This image made from video shows", "Ana Rey speaks", "as she", "(AP Photo/Kim Lo)", "[Reuters]",
             "(EPA)", "BROOKFIELD (Reuters) -", "OSLO, Norway _", "--", "—", " - ", "-", "_", "(", ")", "(Updated 5 p.m.)",
             "-LRB- Update", "-RRB-", "(AFP)", '"', "“", "”", "``", "''", "the bridge", "repairs", "said", ".", ",",
             "quietly", "Getty Images", "Photo", "\n"]
    out = []
    for _ in range(n):
        words = [rng.choice(parts) for _ in range(rng.randint(1, 14))]
        out.append(rng.choice([" ", ""]).join(words) + rng.choice(["", ".", " .", ")", "\n"]))
    return out


def test_split_caption_pattern_answers_as_the_whole_one() -> None:
    """``caption_shape`` tries its opening shapes at the start only and the others where their words
    are: the same answers as the one pattern searched at every position."""
    import re

    from storyline.consolidate import summary_text as T

    whole = re.compile(rf"^(?:{T._CAPTION_OPEN.pattern})|{T._CAPTION_SEEN.pattern}|{T._CAPTION_CREDIT.pattern}")
    texts = _invented_sentences(6000, 7) + ["Protesters are pictured outside the court.", "Jan. 5: A slick is seen.",
                                            "The bridge reopened (AP Photo/Kim Lo)."]
    assert sum(T.caption_shape(t) for t in texts) > 100
    for t in texts:
        assert T.caption_shape(t) == bool(whole.search(t)), t


def test_dateline_mark_precheck_answers_as_the_pattern() -> None:
    from storyline.consolidate import summary_text as T

    texts = _invented_sentences(6000, 11) + ["x" * 79 + "(AP) -", "x" * 80 + "(AP) -", "WASHINGTON \u2014 The vote."]
    assert 100 < sum(T._dateline_mark(t) for t in texts) < len(texts)
    for t in texts:
        assert T._dateline_mark(t) == bool(T._DATELINE_MARK.search(t, 0, 80)), t


def test_mostly_quoted_precheck_answers_as_the_count() -> None:
    from storyline.analyze.quotes import QUOTED_PASSAGE
    from storyline.consolidate.summary import mostly_quoted

    def counted(text: str) -> bool:
        quoted = sum(len(next(g for g in m.groups() if g is not None).split()) for m in QUOTED_PASSAGE.finditer(text))
        return quoted >= 6 and 2 * quoted >= len(text.split())

    texts = _invented_sentences(6000, 13) + ['"We will rebuild the old bridge before the winter comes," Lint said.']
    assert sum(mostly_quoted(t) for t in texts) > 20
    for t in texts:
        assert mostly_quoted(t) == counted(t), t


def test_label_precheck_answers_as_the_pattern() -> None:
    """``is_candidate_shape`` tries the label pattern only on text holding a colon or opening "Q.":
    the same answers as the pattern tried on every sentence."""
    from storyline.consolidate import summary_text as T

    texts = _invented_sentences(6000, 17) + ["BLITZER: The ferry resumed.", "Q. Earlier this month the ferry stopped.",
                                             "Dana Lint, MAYOR OF TARROW: We rebuild.", "Update : the line reopened."]
    assert sum(bool(T._LABEL_OPENER.match(t)) for t in texts) > 50
    for t in texts:
        assert ((":" in t or t.startswith("Q.")) and bool(T._LABEL_OPENER.match(t))) == bool(T._LABEL_OPENER.match(t)), t
    assert not T.is_candidate_shape("Q. Earlier this month the ferry stopped at Tarrow.")


def test_word_ids_number_stems_in_order_of_first_appearance() -> None:
    """A call's word ids number its stems as they first appear (the order concept ids and ties
    follow), whatever the process met before; each code's low bit tells a content word."""
    from storyline.consolidate import summary as S

    S._token_codes(["zebras", "graze", "the", "plain"])   # stems met before, in another order
    toks = ["the", "runners", "ran", "the", "running", "race", "runner"]
    codes, gids, names = S._token_codes(toks)
    assert [names[g] for g in gids.tolist()] == ["the", "runner", "ran", "run", "race"]
    assert (codes >> 1).tolist() == [0, 1, 2, 0, 3, 4, 1]
    assert (codes & 1).tolist() == [0, 1, 1, 0, 1, 1, 1]
    again, gids2, _ = S._token_codes(toks)      # all known now: the same answer
    assert again.tolist() == codes.tolist() and gids2.tolist() == gids.tolist()


def test_supports_says_no_on_either_test() -> None:
    """``supports`` is false when the other sentence holds too few of the claim's fact words, and when
    it expects what the claim tells as done, whichever of the two is read first."""
    from storyline.consolidate.summary_text import supports

    claim = "Inspectors from the maritime board arrived on Thursday to examine the damaged hull."
    expects_few = "Inspectors are expected to arrive on Thursday."
    expects_all = "Inspectors from the maritime board are expected to arrive on Thursday to examine the damaged hull."
    assert not supports(claim, expects_few, 0.6)       # both tests say no
    assert not supports(claim, expects_all, 0.6)       # the verbs say no
    assert not supports(claim, "Inspectors came on Thursday.", 0.6)    # the words say no
    assert supports(claim, "Inspectors from the maritime board arrived Thursday to examine the damaged hull.", 0.6)
    assert supports(claim, expects_few, 0.0) is False and supports("Tarrow, Kestrel.", expects_few, 0.6) is True


def test_fact_stems_leave_out_a_title_before_a_name_only() -> None:
    from storyline.consolidate.summary_text import _stem, fact_stems

    assert fact_stems("The chief executive Dariusz Kowalczyk met families.") == {_stem("met"), _stem("families")}
    assert fact_stems("The chief executive met families.") == {_stem(w) for w in ("chief", "executive", "met", "families")}


def test_quality_features_take_the_centrality_computed_once() -> None:
    import numpy as np

    from storyline.consolidate import summary as S

    arts = [Article(id="a", text="A ferry ran aground near Tarrow on Monday. Forty passengers were taken off by boat. "
                                 "The harbor reopened on Tuesday."),
            Article(id="b", text="The Tarrow ferry ran aground on Monday with forty passengers aboard. Boats took "
                                 "them off. Divers will inspect the hull.")]
    ids = S._Ids()
    items = S._items(arts, None, S.SummaryConfig(), ids)
    tf = S._tfidf(ids, ids.n_words)
    cands = list(range(len(items)))
    args = (cands, items, np.ones(len(cands)), tf[cands], tf, len(arts), S.SummaryConfig(), ids.art)
    own = S._quality_features(*args)
    given = S._quality_features(*args, S._centrality(tf, tf[cands]))
    assert np.array_equal(own, given) and np.ptp(own[:, 4]) > 0


def test_a_brief_leaves_out_a_sentence_the_article_goes_on_after_in_lower_case() -> None:
    """"UN approves no-fly zone in Norland Norlandic amb." with "still hopeful for airstrikes ..." on
    the next line: captions run together and cut at an abbreviation's dot, a fragment; a
    reader's brief does not take it as a sentence of its own (a word like "iPhone" opens a sentence)."""
    import numpy as np

    from storyline.consolidate.brief import BRIEF_SUMMARY
    from storyline.consolidate.summary import _candidates, _items

    day = date(2024, 3, 4)
    text = ("The Kessling council approved a harbour wall on Thursday after the winter storms .\n"
            "UN approves no-fly zone in Norland Norlandic amb .\n"
            "still hopeful for airstrikes The fleet lost twelve boats in January .\n"
            "The wall will cost 40 million pounds , the council said .\n"
            "iPhone owners in the town filmed the vote from the public gallery .\n")
    items = _items([Article(id="a", text=text, published=day, title="t")], None, BRIEF_SUMMARY)
    keys = [it.text.encode() for it in items]
    cands = _candidates(items, keys, BRIEF_SUMMARY, np.zeros(len(items)), 100.0)
    shaped = {items[i].text for i in cands if items[i].shaped}
    assert not any("amb" in t for t in shaped), shaped
    assert any(t.startswith("The wall will cost") for t in shaped), shaped
    assert [it.text for it in items if it.runs_on] == ["UN approves no-fly zone in Norland Norlandic amb ."]


def test_a_brief_leaves_out_the_cut_end_of_a_truncated_page() -> None:
    """A page cut at a length limit ends mid-sentence ("... the bridge, which sits"): a reader's brief
    does not show the fragment; the benchmark's summaries are not reader briefs and keep it."""
    import numpy as np

    from storyline.consolidate.brief import BRIEF_SUMMARY
    from storyline.consolidate.summary import SummaryConfig, _candidates, _items

    text = ("The Kessling council approved a harbour wall on Thursday after the winter storms.\n"
            "The wall will cost 40 million pounds and take three years to build, the council said.\n"
            "Fishermen in the town said they had waited a decade for the wall beside the old bridge, which sits")
    arts = [Article(id="a", text=text + "  \n", published=date(2024, 3, 4), title="t")]
    items = _items(arts, None, BRIEF_SUMMARY)
    cands = _candidates(items, [it.text.encode() for it in items], BRIEF_SUMMARY, np.zeros(len(items)), 100.0)
    assert [it.text.split()[0] for it in items if it.runs_on] == ["Fishermen"]
    assert not any(items[i].text.startswith("Fishermen") and items[i].shaped for i in cands)
    assert not any(it.runs_on for it in _items(arts, None, SummaryConfig()))


def test_furniture_phrases_tested_on_a_storys_joined_sentences_answer_as_each_sentence() -> None:
    """``_candidates`` looks for page furniture's words once in its story's sentences joined by line
    breaks (``furniture_phrase_rows``) and tells ``is_candidate_shape`` which sentences hold none: the
    same answers as the words looked for in every sentence."""
    from storyline.consolidate import summary_text as T

    story = ["The ferry line resumed its winter crossings to Tarrow on Monday.",
             "Comments are not pre-screened before they post.", "Readers can Report Abuse on any reply.",
             "Dana Lint (INAUDIBLE) spoke at the pier.", "The harbor master said the pier will reopen."]
    assert [T.furniture_phrase(s) for s in story] == [False, True, True, True, False]
    assert T.furniture_phrase("\n".join(story)) and not T.furniture_phrase("\n".join(story[:1] + story[4:]))
    assert not T.furniture_phrase("Report\nabuse")    # a line break parts the words: no phrase of one sentence
    assert T.furniture_phrase_rows(story) == {1, 2, 3} and T.furniture_phrase_rows(story[:1] + story[4:]) == set()
    texts = _invented_sentences(3000, 19) + story
    for t in texts:
        shape = T.is_candidate_shape(t)
        if not T.furniture_phrase(t):
            assert T.is_candidate_shape(t, phrases=False) == shape, t
            assert T.is_furniture(t, phrases=False) == T.is_furniture(t), t
    assert T.is_furniture(story[1]) and not T.is_furniture(story[1], phrases=False)


def test_phone_and_attribution_prechecks_answer_as_their_patterns() -> None:
    """The telephone hint scans for its dash or dot and looks back for the digits, and the attribution
    word is looked for as a plain substring before its pattern: the same answers as the patterns
    they stand for."""
    import random
    import re

    from storyline.consolidate import summary_text as T

    old_hint = re.compile(r"\d{3}[-.][\dA-Z]{3}")
    rng = random.Random(23)
    pieces = ["call", "1-800-444-0267", "(817) 390-7614", "703.691.2131", "12-345", "123-AB", "123-ABC", "4567.89",
              "said", "says", "told", "reported", "added", "announced", "according to", "saidx", "resaid", "Lint",
              ",", ".", ";", " ", "-", "9", "99", "999", "A", "Told"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(5000)]
    texts += _invented_sentences(2000, 29)
    assert sum(bool(old_hint.search(t)) for t in texts) > 100
    for t in texts:
        assert bool(T._PHONE_HINT.search(t)) == bool(old_hint.search(t)), t
        for start in (0, len(t) // 2):
            assert T._attribution_word(t, start) == bool(T._ATTRIB_WORD.search(t, start)), t


def test_columns_stack_as_numpy_does() -> None:
    import numpy as np

    from storyline.consolidate import summary as S

    cols = [np.array([0.5, 1.0 / 3.0, -2.0]), np.arange(3, dtype=float), np.array([np.inf, 0.0, -0.0])]
    out = S._columns(*cols)
    assert out.dtype == np.float64 and out.flags.c_contiguous
    assert np.array_equal(out, np.column_stack(cols))
