from __future__ import annotations

from datetime import date

import storyline
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


_FIGHT = ("Rep. Bob Livingston is running a telephone campaign to replace Newt Gingrich as speaker of the House. "
          "Many Republicans blamed Gingrich for the party's losses in the midterm elections on Tuesday. "
          "Whoever wins the Republican nomination for speaker must stand for election by the full House in "
          "January. A small band of Republicans vowed they would not vote to re-elect Gingrich. "
          "Gingrich's allies said his counter-campaign had given some members pause about ousting him.")
DAY1 = Article(id="d1", source="Wire", published=date(1998, 11, 4), text=_FIGHT)
DAY1B = Article(id="d1b", source="Times", published=date(1998, 11, 5),
                text="A struggle for control of the House is under way. " + _FIGHT)
QUIT = Article(id="d2", source="Post", published=date(1998, 11, 6),
               text="WASHINGTON (AP) _ Newt Gingrich was driven from office Friday by a party that turned on him "
                    "after its losses in the midterm elections. He said he would not run for another term as "
                    "speaker and would leave the House.")
FEATURE = Article(id="d3", source="Weekly", published=date(1998, 11, 6),
                  text="As political comebacks go, the one Gingrich dreamed of was always going to be a long shot "
                       "for a man so many colleagues had come to resent. Colleagues still speak of his energy.")


def test_a_changed_figure_is_new_and_news_on_the_subject_comes_before_new_words_off_it() -> None:
    old = Article(id="old", published=date(2031, 5, 4), text=(
        "A strong earthquake struck the coastal city of Portvale on Tuesday. The earthquake has killed 45 people, "
        "the interior ministry said on Tuesday night. Rescue teams from three countries are searching collapsed "
        "buildings for survivors."))
    toll = Article(id="n1", published=date(2031, 5, 5), text=(
        "The earthquake has killed 120 people, the interior ministry said on Wednesday."))
    assert [s.text for n in new_since([old, toll], ["n1"]) for s in n.added] == [toll.text]
    mixed = Article(id="n3", published=date(2031, 5, 5), text=(
        "A congressman from Ohio resigned on Wednesday after a scandal over photographs he posted online. "
        "The earthquake death toll in Portvale has risen to 120, the interior ministry said. Shakespeare wrote "
        "Henry V about a king who led his army to victory at Agincourt in 1415. Rescue teams found two "
        "survivors in the rubble of a hotel in Portvale."))
    added = [s.text for n in new_since([old, mixed], ["n3"], max_sentences=2) for s in n.added]
    assert added == ["The earthquake death toll in Portvale has risen to 120, the interior ministry said.",
                     "Rescue teams found two survivors in the rubble of a hotel in Portvale."]


def test_the_latest_development_closes_the_brief_summary() -> None:
    from storyline.consolidate.novelty import latest_lead

    lead = latest_lead([DAY1, DAY1B, QUIT])
    assert lead is not None and lead.text.startswith("Newt Gingrich was driven from office Friday")  # no dateline
    b = storyline.brief([DAY1, DAY1B, QUIT])
    last = b.summary[-1]
    assert last.text.startswith("Newt Gingrich was driven from office Friday (Nov. 6, 1998)")
    assert [c.article_id for c in last.citations] == ["d2"]
    assert sum(len(s.text.split()) for s in b.summary) <= 110  # the budget, with the dates written out


def test_a_feature_lead_an_old_lead_or_a_one_day_story_adds_no_latest_development() -> None:
    from storyline.consolidate.novelty import latest_lead

    assert latest_lead([DAY1, DAY1B, FEATURE]) is None          # a feature says no day
    scene = Article(id="d5", source="Post", published=date(1998, 11, 6),
                    text="On a grey morning last Friday, Newt Gingrich drove to his office in the Capitol for what "
                         "would be his last week as speaker.")
    assert latest_lead([DAY1, DAY1B, scene]) is None             # nor a scene looking back on "last Friday"
    retold = Article(id="d4", source="Post", published=date(1998, 11, 6),
                     text="Many Republicans blamed Gingrich on Friday for the party's losses in the midterm elections.")
    assert latest_lead([DAY1, DAY1B, retold]) is None           # old news
    assert latest_lead([DAY1, Article(id="x", published=date(1998, 11, 4), text=QUIT.text)]) is None  # one day


def test_page_matter_and_another_storys_lead_are_no_latest_development() -> None:
    from storyline.consolidate.novelty import latest_lead

    stamp = Article(id="d6", source="CNN", published=date(1998, 11, 6),
                    text="November 6, 1998 | By Ann Lee Gingrich was driven from office Friday by a party that "
                         "turned on him after its losses in the midterm elections.")
    review = Article(id="d7", source="BBC", published=date(1998, 11, 6),
                     text="A new comedy about a faux film crew drew 2.5 million viewers on Friday, the channel said.")
    assert latest_lead([DAY1, DAY1B, stamp]) is None
    assert latest_lead([DAY1, DAY1B, review]) is None
    assert latest_lead([DAY1, DAY1B, QUIT]) is not None


def test_a_pages_time_stamp_or_failed_include_is_nothing_new() -> None:
    old = Article(id="o", published=date(2031, 3, 4), text="The Varn dam held on Monday after three days of rain, "
                  "engineers said. Water levels in the reservoir fell overnight.")
    new = Article(id="n", published=date(2031, 3, 5), text=(
        "Page last updated at 05:32 GMT, Tuesday, 5 March 2031 05:32 UK [an error occurred while processing "
        "this directive] Villages below the dam were evacuated by the army. "
        "Engineers will inspect the spillway of the Varn dam on Thursday morning."))
    (n,) = new_since([old, new], ["n"])
    texts = [s.text for s in n.added]
    assert texts and not any("last updated" in t or "directive" in t for t in texts), texts
    # the news after the stamp and the include's error is kept, cited from where it starts
    assert "Villages below the dam were evacuated by the army." in texts
    kept = next(s for s in n.added if s.text.startswith("Villages"))
    assert new.text[kept.start:kept.end] == kept.text


def test_a_new_hard_news_lead_is_shown_before_background_richer_in_new_words() -> None:
    """The article's lead, when it tells the day and the story had not carried it, is its news ("three
    survivors were pulled from the mud on Wednesday"), shown before background paragraphs with more
    words new to the story."""
    first = Article(id="f1", published=date(2033, 3, 7),
                    text="The Brisco dam burst on Monday, flooding the valley town of Orlen. Dozens of homes in "
                         "Orlen were swept away by the water from the dam.")
    later = Article(id="f2", published=date(2033, 3, 9),
                    text="Rescuers pulled three survivors from the mud below the burst dam in Orlen on Wednesday. "
                         "The Brisco dam was built in 1931 by the Kessler engineering company of Hartfield, designed by "
                         "the architect Maurice Delacroix, and raised twice during the postwar decades. "
                         "The dam above Orlen once supplied drinking water to Varn, Tessel, Marrow and Quint, four "
                         "market towns strung along the old coastal railway. "
                         "Geologists from Lund had warned in a study published in 2019 that seepage beneath the "
                         "eastern abutment of the dam threatened Orlen.")
    (out,) = new_since([first, later], [later.id], max_sentences=2)
    assert out.added[0].text.startswith("Rescuers pulled three survivors"), [s.text for s in out.added]


def test_a_new_article_adds_its_news_without_its_dateline_or_a_syndication_credit() -> None:
    old = Article(id="o", text="The ferry Saga Wind ran aground near Holm island on Tuesday morning.", published=date(2022, 6, 7))
    new = Article(id="n", published=date(2022, 6, 8), text=(
        "VARBERG, June 8 (Xinhua) -- Divers found a long crack in the hull of the ferry Saga Wind on Wednesday.\n\n"
        "(Distributed by Nordic Wire Special Features)"))
    (added,) = new_since([old, new], ["n"])[0].added
    assert added.text.startswith("Divers found a long crack")
    (cite,) = added.citations
    assert new.text[cite.start:cite.end] == added.text


def test_a_lower_case_pages_dateline_is_not_shown_in_what_its_article_adds() -> None:
    # a page written in lower case but for each sentence's first letter opens on a lower-cased dateline
    old = Article(id="o", published=date(2022, 6, 7), text="The ferry saga wind ran aground near holm island on "
                  "tuesday morning, and all forty of the passengers on board were taken ashore by the lifeboats.")
    new = Article(id="n", published=date(2022, 6, 8), text=(
        "Varberg ( reuters ) - divers found a long crack in the hull of the ferry saga wind on wednesday, the owner "
        "of the ship said. The ship will be towed to a dry dock in the port of varberg once the weather clears, and "
        "the owner said that an inquiry into the grounding of the ferry would open in the town of holm next week."))
    added = new_since([old, new], ["n"])[0].added
    assert added[0].text.startswith("Divers found a long crack"), [s.text for s in added]
    (cite,) = added[0].citations
    assert new.text[cite.start:cite.end].startswith("divers found")


def test_a_lower_case_pages_matter_is_trimmed_as_the_readers_brief_trims_it() -> None:
    # what each new article adds reads a lower-case page's matter by the brief's rule (``lower_page_open_end``): a
    # photo's teaser and its credit glued before the lead's dateline, an advertisement's label before a later sentence
    old = Article(id="o", published=date(2022, 6, 7), text="The ferry saga wind ran aground near holm island on "
                  "tuesday morning, and all forty of the passengers on board were taken ashore by the lifeboats.")
    new = Article(id="n", published=date(2022, 6, 8), text=(
        "A tug pulls at the ferry saga wind off the coast of holm island on... ( associated press ) varberg ( ap ) — "
        "divers found a long crack in the hull of the ferry saga wind on wednesday, the owner of the ship said. "
        "Advertisement the ship will be towed to a dry dock in the port of varberg once the weather clears, and "
        "the owner said that an inquiry into the grounding of the ferry would open in the town of holm next week."))
    added = new_since([old, new], ["n"])[0].added
    assert [s.text[:14] for s in added] == ["Divers found a", "The ship will "], [s.text for s in added]
    assert new.text[added[1].citations[0].start:].startswith("the ship will")
    # and a photo's caption is one by the brief's rule (``lower_page_caption``): by the credit in brackets after it
    new = Article(id="n", published=date(2022, 6, 8), text=(
        "The captain of the ferry saga wind waits on the quay of the port of varberg with the crew of the ship. "
        "( ann velk/the varberg post ) divers found a long crack in the hull of the ferry saga wind on wednesday, "
        "the owner of the ship said. An inquiry into the grounding of the ferry will open in the town of holm next "
        "week, and the crew will be heard."))
    added = new_since([old, new], ["n"])[0].added
    assert [s.text[:10] for s in added] == ["Divers fou", "An inquiry"], [s.text for s in added]


def test_what_a_lower_case_page_shows_past_its_matter_is_read_for_its_shape() -> None:
    # the news after a photo's credit is a sentence of its own once the credit is trimmed (not dropped for the
    # bracket that opens the page's sentence), and what is left of a teaser's sentence must be a sentence's length
    old = Article(id="o", published=date(2031, 3, 2), text="The barge mira sank in the canal near dorwick on monday "
                  "night, and the crew of three swam ashore before the police closed the towpath to walkers.")
    new = Article(id="n", published=date(2031, 3, 3), text=(
        "Lena tarrow points at the wreck of the barge mira from the bank of the canal at dorwick. ( photo: pim olst, "
        "the dorwick herald ) dorwick – the canal trust said on tuesday that cranes would lift the barge out of the water. "
        "A crane lifts the bow of the barge mira at dorwick on a cold morning... ( associated press ) it rose. "
        "Walkers will be let back onto the towpath once the wreck is gone, the trust said in a statement on tuesday."))
    added = new_since([old, new], ["n"])[0].added
    assert [s.text[:14] for s in added] == ["The canal trus", "Walkers will b"], [s.text for s in added]
    assert new.text[added[0].citations[0].start:].startswith("the canal trust")


def test_a_person_placed_in_the_picture_opens_no_dateline_of_a_lower_case_page() -> None:
    # "(pictured)" after a name is no station's mark in brackets: the aside between dashes is the sentence's own
    old = Article(id="o", published=date(2031, 3, 2), text="The barge mira sank in the canal near dorwick on monday "
                  "night, and the crew of three swam ashore before the police closed the towpath to walkers.")
    new = Article(id="n", published=date(2031, 3, 3), text=(
        "Cranes lifted the barge mira out of the canal at dorwick on tuesday, the canal trust said in a statement. "
        "Lena tarrow (pictured) – the first woman to skipper a barge on the canal – said on tuesday that she would "
        "never sail the mira again."))
    added = new_since([old, new], ["n"])[0].added
    assert any(s.text.startswith("Lena tarrow (pictured) – the first woman") for s in added), [s.text for s in added]


def test_a_lower_case_pages_photo_caption_is_not_what_its_article_adds() -> None:
    old = Article(id="o", published=date(2022, 6, 7), text="The ferry saga wind ran aground near holm island on "
                  "tuesday morning, and all forty of the passengers on board were taken ashore by the lifeboats.")
    new = Article(id="n", published=date(2022, 6, 8), text=(
        "File - in this june 7, 2022, file photo, a tug pulls at the ferry saga wind off the coast of holm island. "
        "Divers found a long crack in the hull of the ferry saga wind on wednesday, the owner of the ship said, and "
        "an inquiry into the grounding of the ferry will open in the town of holm next week."))
    added = new_since([old, new], ["n"])[0].added
    assert [s.text[:12] for s in added] == ["Divers found"], [s.text for s in added]


def test_a_truncated_pages_cut_last_sentence_is_shown_to_its_first_whole_sentence_or_not_at_all() -> None:
    old = Article(id="o", published=date(2022, 6, 7), text="The ferry Saga Wind ran aground near Holm island on "
                  "Tuesday morning, and all forty of the passengers on board were taken ashore by the lifeboats.")
    # the page stops mid-sentence: its last words are no news ("... the harbour master of")
    cut = Article(id="c", published=date(2022, 6, 8), text=(
        "Divers found a long crack in the hull of the ferry Saga Wind on Wednesday, the owner of the ship said. "
        "The inquiry into the grounding will be led by the harbour master of"))
    added = new_since([old, cut], ["c"])[0].added
    assert [s.text[:12] for s in added] == ["Divers found"], [s.text for s in added]
    # a run-on last sentence keeps its first whole sentence, cited to those words
    run_on = Article(id="r", published=date(2022, 6, 8), text=(
        "Divers found a long crack in the hull of the ferry Saga Wind on Wednesday, the owner of the ship said. "
        "The inquiry into the grounding will open in Holm next week. \"we want to know who steered the ship onto"))
    shown = [s.text for s in new_since([old, run_on], ["r"])[0].added]
    assert shown[-1] == "The inquiry into the grounding will open in Holm next week.", shown


def test_a_cut_pages_first_whole_sentence_may_end_on_a_weekday_a_role_or_a_quote_not_on_a_title() -> None:
    old = Article(id="o", published=date(2022, 6, 7), text="The ferry Saga Wind ran aground near Holm island on "
                  "Tuesday morning, and all forty of the passengers on board were taken ashore by the lifeboats.")
    for whole in ("The inquiry into the grounding will open in Holm on Monday.",
                  "The inquiry into the grounding will be led by the town's mayor.",
                  "The harbour master told the inquiry: \"the ship came in far too fast.\"",
                  "The inquiry will hear the Rev. Ola Brandt, who saw the ship strike the rocks near Holm."):
        run_on = Article(id="r", published=date(2022, 6, 8), text=(
            "Divers found a long crack in the hull of the ferry Saga Wind on Wednesday, the owner of the ship said. "
            + whole + " \"we want to know who steered the ship onto"))
        shown = [s.text for s in new_since([old, run_on], ["r"])[0].added]
        assert shown[-1] == whole, shown
