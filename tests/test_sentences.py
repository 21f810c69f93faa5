"""Sentence splitting on the shapes of news English (cases written for this suite)."""

from __future__ import annotations

import pytest

from storyline.analyze.entities import recognize_entities
from storyline.analyze.sentences import _pysbd_sentences, headline_end, sentence_spans, split_sentences

# (text, expected sentences)
CASES: list[tuple[str, list[str]]] = [
    ("The talks open Jan. 8 in Geneva. Delegates arrive a day earlier.",
     ["The talks open Jan. 8 in Geneva.", "Delegates arrive a day earlier."]),
    ("The U.S. team landed late. It was raining.", ["The U.S. team landed late.", "It was raining."]),
    ("Mr. Lu declined to comment. His office did not reply.",
     ["Mr. Lu declined to comment.", "His office did not reply."]),
    ("The vote closes at 8 a.m. Tuesday in most states.", ["The vote closes at 8 a.m. Tuesday in most states."]),
    ("Doors open at 9 a.m. Monday. Queues formed early.",
     ["Doors open at 9 a.m. Monday.", "Queues formed early."]),
    ('She hopes the meeting will achieve "results," the agency noted. Talks resume Friday.',
     ['She hopes the meeting will achieve "results," the agency noted.', "Talks resume Friday."]),
    ('The mayor said the figures would be "released in due course." Reporters left.',
     ['The mayor said the figures would be "released in due course."', "Reporters left."]),
    ("The war ground to a stalemate. Militarization followed for decades.",
     ["The war ground to a stalemate.", "Militarization followed for decades."]),
    ("Gov. Ana Reyes met Sen. Tom Hale. They spoke for an hour.",
     ["Gov. Ana Reyes met Sen. Tom Hale.", "They spoke for an hour."]),
    ("Prices rose 3.5 percent in May. Wages rose 2.1 percent.",
     ["Prices rose 3.5 percent in May.", "Wages rose 2.1 percent."]),
    ("The U.N. Security Council met on Friday. It adopted no text.",
     ["The U.N. Security Council met on Friday.", "It adopted no text."]),
    ("Officials from the U.K. and the E.U. met. No deal was reached.",
     ["Officials from the U.K. and the E.U. met.", "No deal was reached."]),
    ("Dr. Mina Patel leads the team. She joined in 2015.",
     ["Dr. Mina Patel leads the team.", "She joined in 2015."]),
    ("The firm, based in St. Louis, hired 40 people. More will follow.",
     ["The firm, based in St. Louis, hired 40 people.", "More will follow."]),
    ("Acme Inc. reported a loss. Its shares fell.", ["Acme Inc. reported a loss.", "Its shares fell."]),
    ("Shares of Globex Corp. rose 4% on Monday.", ["Shares of Globex Corp. rose 4% on Monday."]),
    # a dash after an abbreviation continues the sentence (AP's "_", "--", an em dash)
    ("The tool used against Globex Corp. _ the Sherman Act _ is vague. It dates from 1890.",
     ["The tool used against Globex Corp. _ the Sherman Act _ is vague.", "It dates from 1890."]),
    ("He left Acme Inc. -- a move few expected. It rained.",
     ["He left Acme Inc. -- a move few expected.", "It rained."]),
    ('"We always believe in dialogue," the spokesman told reporters. He gave no details.',
     ['"We always believe in dialogue," the spokesman told reporters.', "He gave no details."]),
    ('"This is over. We are going home," she said.', ['"This is over. We are going home," she said.']),
    ("Is this the end? Nobody knows.", ["Is this the end?", "Nobody knows."]),
    ("It worked! Engineers cheered.", ["It worked!", "Engineers cheered."]),
    ("He was born on Sept. 3, 1961, in Ohio.", ["He was born on Sept. 3, 1961, in Ohio."]),
    ("The plan passed Feb. 2. Critics objected.", ["The plan passed Feb. 2.", "Critics objected."]),
    ("The No. 2 official resigned. A successor was named.",
     ["The No. 2 official resigned.", "A successor was named."]),
    ("Troops left at 5 p.m. The border reopened.", ["Troops left at 5 p.m.", "The border reopened."]),
    ("The visit ran Jan. 7-10. It was his fourth.", ["The visit ran Jan. 7-10.", "It was his fourth."]),
    ("He met President George W. Bush in 2004.", ["He met President George W. Bush in 2004."]),
    ("The company, Smith & Co., denied it. Investors were unconvinced.",
     ["The company, Smith & Co., denied it.", "Investors were unconvinced."]),
    ("We are negotiating a location ... it will be announced soon, he said.",
     ["We are negotiating a location ... it will be announced soon, he said."]),
    ("The talks stalled last June. Both sides blamed each other.",
     ["The talks stalled last June.", "Both sides blamed each other."]),
    ("BEIJING -- The motorcade headed out today. Its destination was not announced.",
     ["BEIJING -- The motorcade headed out today.", "Its destination was not announced."]),
    ("Washington (AP) -- The Senate voted 51-49. The bill now goes to the House.",
     ["Washington (AP) -- The Senate voted 51-49.", "The bill now goes to the House."]),
    ("The rate is 0.25 pct. Analysts expected more.", ["The rate is 0.25 pct.", "Analysts expected more."]),
    ("It cost $1.2 billion. That is a record.", ["It cost $1.2 billion.", "That is a record."]),
    ("Lt. Gen. Park Sung-min spoke first. Col. Lee followed.",
     ["Lt. Gen. Park Sung-min spoke first.", "Col. Lee followed."]),
    ("The report (see p. 4) is short. It has no annex.", ["The report (see p. 4) is short.", "It has no annex."]),
    ("He said: \"No.\" Then he left.", ["He said: \"No.\"", "Then he left."]),
    ("Ri Sol Ju travelled with him. So did top officials.",
     ["Ri Sol Ju travelled with him.", "So did top officials."]),
    ("Ms. Kim Eui-keum said the trip was a stepping stone. Seoul welcomed it.",
     ["Ms. Kim Eui-keum said the trip was a stepping stone.", "Seoul welcomed it."]),
    ("The flight left at 10:30 a.m. local time. It landed safely.",
     ["The flight left at 10:30 a.m. local time.", "It landed safely."]),
    ("Police arrested 12 people, e.g. protesters and onlookers, on Sunday.",
     ["Police arrested 12 people, e.g. protesters and onlookers, on Sunday."]),
    ("Vol. 3 of the report was leaked. The ministry denied it.",
     ["Vol. 3 of the report was leaked.", "The ministry denied it."]),
    ("The Rev. Jesse Jackson arrived. Crowds gathered.", ["The Rev. Jesse Jackson arrived.", "Crowds gathered."]),
    ("Trading in N.Y. stocks was thin. The dollar slipped.",
     ["Trading in N.Y. stocks was thin.", "The dollar slipped."]),
    ("Kim arrived on Tuesday, Jan. 8, 2019 for a summit. It was his birthday.",
     ["Kim arrived on Tuesday, Jan. 8, 2019 for a summit.", "It was his birthday."]),
    # ranks and titles before a name are no sentence end, a time zone after "p.m." belongs to it
    ("In January 2005, a court martial found Army Spc. Charles Graner guilty. He was jailed.",
     ["In January 2005, a court martial found Army Spc. Charles Graner guilty.", "He was jailed."]),
    ("Pfc. Lynndie England and Pvt. Jeremy Sivits were convicted. Both appealed.",
     ["Pfc. Lynndie England and Pvt. Jeremy Sivits were convicted.", "Both appealed."]),
    ("Fr. Michael Kelly led the prayers. Insp. Ann Ross spoke after him.",
     ["Fr. Michael Kelly led the prayers.", "Insp. Ann Ross spoke after him."]),
    ("Leaders left after threats from strongman Hun Sen. Hun Sen denied it.",
     ["Leaders left after threats from strongman Hun Sen.", "Hun Sen denied it."]),
    ("But Sen. Joe Biden and Texas Sen. Phil Gramm agreed, as did Majority Leader Sen. Trent Lott.",
     ["But Sen. Joe Biden and Texas Sen. Phil Gramm agreed, as did Majority Leader Sen. Trent Lott."]),
    ("The ceremony began at 8 p.m. China Standard Time and ended late. Fireworks followed.",
     ["The ceremony began at 8 p.m. China Standard Time and ended late.", "Fireworks followed."]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:30] for c in CASES])
def test_splits(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


def test_at_least_forty_cases() -> None:
    assert len(CASES) >= 40


def test_offsets_point_into_text() -> None:
    text = "Line one ends here.\nLine two is a new paragraph.\n\n  A third, after a blank line.  "
    sents = split_sentences(text, "a1")
    assert [s.text for s in sents] == ["Line one ends here.", "Line two is a new paragraph.",
                                      "A third, after a blank line."]
    for s in sents:
        assert text[s.start:s.end] == s.text and s.article_id == "a1"
    assert [s.index for s in sents] == [0, 1, 2]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "The council met on Monday and voted\nto close the bridge for repairs. Work starts soon."
    assert [s.text.replace("\n", " ") for s in split_sentences(text)] == [
        "The council met on Monday and voted to close the bridge for repairs.", "Work starts soon."]


def test_empty_text() -> None:
    assert sentence_spans("") == [] and sentence_spans("   \n\n ") == []


def test_a_very_long_paragraph_is_split_like_its_parts() -> None:
    """Paragraphs of many thousand characters (a feed item without line breaks) are cut at plain
    sentence ends before the segmenter sees them (its cost grows with the square of its input); the
    sentences are the same as for a short paragraph of the same sentences, and no cut falls after
    an abbreviation such as "vs."."""
    from storyline.analyze.sentences import sentence_spans

    unit = ("The Kelso ferry was late again on Tuesday, passengers said. The court heard Kelso vs. Brand on "
            "Monday. Mayor Lena Park said \"we will fix it\" at 5 p.m. on Friday. ")
    short = {unit[s:e] for s, e in sentence_spans(unit)}
    long_text = unit * 400
    spans = sentence_spans(long_text)
    assert {long_text[s:e] for s, e in spans} == short
    assert len(spans) == 400 * len(sentence_spans(unit))


def texts(t: str) -> list[str]:
    """The sentences of ``t`` as text."""
    return [s.text for s in split_sentences(t)]


def test_a_caption_run_into_the_next_sentence_is_split_off() -> None:
    # a page's caption or by-line without a stop, then the story
    assert texts("Our reporter on the ground in Port-au-Prince The US is mounting one of the biggest relief "
                 "operations in its recent history.") == [
        "Our reporter on the ground in Port-au-Prince",
        "The US is mounting one of the biggest relief operations in its recent history."]
    # a fact box's label of two words, the first in capitals
    assert texts("YANKEES Pitching The starting pitching enabled the Yankees to advance past Cleveland.") == [
        "YANKEES Pitching", "The starting pitching enabled the Yankees to advance past Cleveland."]
    assert len(texts("NEW YORK The team won again on Sunday night at the stadium.")) == 1
    # also in a tokenized one-sentence-per-line text
    assert texts("Aerial view of the valley under water The river rose two metres overnight , officials said .\n"
                 "More rain is expected on Friday .\n")[:2] == [
        "Aerial view of the valley under water", "The river rose two metres overnight , officials said ."]
    # a name after a word that introduces one, a sentence with a verb before "The", or an opening phrase
    # without its comma, stay whole
    for whole in ("Fans of hip-hop trio The Fugees gathered outside the hall on Friday night.",
                  "The singer, who gained fame as a member of the trio The Fugees, was born in 1972.",
                  "In a statement on Monday the group said it would appeal the ruling.",
                  "Crowds waited for hours outside the stadium The band played until midnight."):
        assert texts(whole) == [whole], whole


def test_a_heading_in_capitals_and_a_caption_before_a_day_are_split_off() -> None:
    assert texts("PIET AND ANNA, CHILDREN OF DUNMORE The moment four-year-old Piet emerged in the arms of a "
                 "rescuer On Sunday, five days after the flood, firemen saved two children from a barn.") == [
        "PIET AND ANNA, CHILDREN OF DUNMORE", "The moment four-year-old Piet emerged in the arms of a rescuer",
        "On Sunday, five days after the flood, firemen saved two children from a barn."]
    # a day after a name's capital, or a transcript's label, stays in its sentence
    for whole in ("The visit of the Valley Mayor On Monday was planned by the staff of the office.",
                  "ANNA VOSS, VALLEY NEWS ANCHOR: We are live in Dunmore tonight with the latest news."):
        assert texts(whole) == [whole], whole


def test_a_headline_run_into_the_first_sentence_is_split_off() -> None:
    # a page's headline, with its verb, run into the lead without a mark
    assert texts("Valley flood rescue operation declared over A 23-year-old man has been pulled alive from "
                 "a collapsed barn near Dunmore. He was taken to hospital.") == [
        "Valley flood rescue operation declared over",
        "A 23-year-old man has been pulled alive from a collapsed barn near Dunmore.", "He was taken to hospital."]
    assert texts("Second pupil tested for measles Two more children are being treated at Brennick General, "
                 "the school said.")[0] == "Second pupil tested for measles"
    assert texts("Stars raising millions for the valley More than 100 musicians took part in a concert for "
                 "the flooded towns.")[0] == "Stars raising millions for the valley"
    # only the first sentence; a headline in title case, a name after a word that introduces one, an
    # opening phrase and a short rest stay whole
    for whole in ("Mayor Just Vowed To Never Utter These 2 Words During Her Campaign And It Says A Lot.",
                  "Fans of the folk trio The eleven sisters gathered outside the hall on Friday night.",
                  "In a statement on Monday the group said it would appeal the ruling at once.",
                  "Crowds waited for hours outside the stadium The band played until midnight.",
                  # a name's or a label's end: a number word or a name's part after capitals, a label
                  # word, a possessive, "A is"
                  "The largest evacuation since World War Two was ordered on Sunday as the storm came ashore.",
                  "A man has been arrested by Wessex Valley Police after a woman was hurt in Dunmore on Sunday.",
                  "A gang who sold class A drugs across three counties has been jailed for a total of 40 years.",
                  "The cast of the hit drama This is Home will return for a final season next year, it said.",
                  "Children who lack vitamin A are more likely to lose their sight, the study of 4,000 found."):
        assert texts(whole) == [whole], whole
    lead = "The council met on Monday. "
    assert len(texts(lead + "Flood defences declared ready A new wall now guards the harbour from storms.")) == 2


def test_a_headline_opening_on_a_name_ends_where_the_lead_names_him_again_with_a_title() -> None:
    """"Berg signals ... Ostmark President Tomas Berg said ...": the headline's subject, named bare, is
    named again with a title within sixteen words: the lead opens on the title, even after a place
    ("Ostmark") the headline ends on, but with a country's abbreviation ("US President"). A sentence
    whose subject acts in the past or with an auxiliary, names another person after the title, or
    runs on to the title after a function word ("lawyers for Dr Berg"), stays whole."""
    for head, lead in [("Berg signals softer line on Ostmark", "President Tomas Berg said on Monday that the border would reopen."),
                       ("Lund warns Vestria on tariffs as Vik aims to save the pact",
                        "Governor Ada Lund said the duties would rise in May."),
                       ("Tomas Berg: Vik memos show 'she leaked the files'",
                        "Prime Minister Tomas Berg commented on the release of the memos on Friday."),
                       ("Tomas Berg makes flood statement", "US President Tomas Berg has vowed full support to the valley.")]:
        text = f"{head} {lead} It was the third such call."
        assert text[:headline_end(text)] == head, text
        assert texts(text)[0] == head
    for whole in ("Berg met Vik in the capital and then Ostmark President Berg said the talks had gone well.",
                  "Berg says the deal was signed by Ostmark President Anna Vik and Vestria Premier Ola Dahl.",
                  "Berg has made three visits to the valley since the flood and President Berg will go again.",
                  "Berg decides not to give evidence and lawyers for Dr Tomas Berg say they will call no witness."):
        assert headline_end(whole) == 0, whole


def test_a_headline_with_commas_or_a_colon_and_a_lead_opening_on_a_common_word_is_split_off() -> None:
    # a headline may hold a comma or a colon, and the lead may open on any word news writes in lower
    # case ("Lifeboat crews", "Heavy rain") or on "The" before a name ("The City Council")
    for head, lead in [("Ferry runs aground off Brenton, lifeboats called out",
                        "Lifeboat crews took all 40 passengers off the stranded vessel on Monday."),
                       ("Harbour master: This is the worst storm in a decade",
                        "The coast guard closed the port on Tuesday after waves damaged the pier."),
                       ("Council adviser says all new building is on hold",
                        "The City Council has banned construction near the river while the flood is studied."),
                       ("Mayor Ana Lint warned the flood threatened the valley's farms",
                        "Heavy rain hampered efforts to shore up the levee, with high winds keeping boats away.")]:
        assert texts(f"{head} {lead} It was the third storm this winter.") == [
            head, lead, "It was the third storm this winter."], (head, lead)
    # such a headline is the page's headline: no sentence of the report
    text = "Ferry runs aground off Brenton, lifeboats called out Lifeboat crews took all 40 passengers off."
    assert text[:headline_end(text)] == "Ferry runs aground off Brenton, lifeboats called out"
    # a capitalised word after a name's word or a function word, a time's colon or a number go on
    for whole in ("Towns along the Baltic and North Seas may not be ready for the storms forecast this winter.",
                  "The cast of the drama This is Home will return for a final season next year, it said.",
                  "12 March 2024 Last updated at 09:41 GMT Help A ferry carrying 40 passengers has run aground.",
                  "The stadium holds 2050 Fans of both clubs say it is far too small for a final."):
        assert texts(whole)[0].startswith(whole[:40]), whole


def test_a_tokenized_text_of_headlines_and_tables_keeps_a_line_a_sentence() -> None:
    # no line ends in a mark, but every comma, colon and bracket is set off by spaces: a tokenized
    # text, whose line breaks end sentences (a name never runs on into the next line)
    text = ("Results of Major League\nBaseball games played on Friday ( home team in CAPS ) :\n"
            "Leading results : Michael Johnson ( U.S. ) , Frankie\nFredericks ( Namibia ) , Ato Boldon\n")
    assert [s.text for s in split_sentences(text)] == [ln for ln in text.split("\n") if ln]
    names = {m.text for m in recognize_entities(text)}
    assert not any("\n" in n for n in names), names
    # prose wrapped at a fixed width keeps its sentences across the wraps
    prose = "Officials said on Friday that the bridge,\nclosed since March, would reopen\nnext week."
    assert [s.text for s in split_sentences(prose)] == [prose]


def test_a_live_pages_entry_time_starts_a_sentence() -> None:
    live = ("Updates as they come in. 1504 An aid agency pledges money to the relief effort. 1508 The "
            "archbishop was among those killed. 1514 The president speaks to a newspaper. The prime minister "
            "says thousands may have died 2050 The president tells a broadcaster 30,000 may have died.")
    texts = [s.text for s in split_sentences(live)]
    assert "The prime minister says thousands may have died" in texts
    assert "2050 The president tells a broadcaster 30,000 may have died." in texts
    # on a page that is no live log, a number before a capital is left alone
    plain = "The stadium holds 2050 Fans of both clubs say it is too small."
    assert [s.text for s in split_sentences(plain)] == [plain]


def test_reader_comments_under_an_article_are_no_sentences_of_it() -> None:
    page = ("Rebels took the coastal town on Sunday after two days of fighting. The army pulled back to the "
            "capital overnight.\n\nJanuary 28, 2031 at 12:44 pm | Reply The president has a delicate terrain to "
            "move through.\n\nJanuary 28, 2031 at 1:02 pm | Reply We should stay out of it and let them decide.")
    assert [s.text for s in split_sentences(page)] == [
        "Rebels took the coastal town on Sunday after two days of fighting.",
        "The army pulled back to the capital overnight."]
    # one such mark alone (an article quoting a site's button) cuts nothing
    one = "The site added a button marked | Reply under each story. Readers used it at once."
    assert len(split_sentences(one)) == 2
    # a blog's comments in other shapes: "At 13:18 26th Apr 2031, name wrote:", a moderator's note, a
    # stamp opening a line
    blog = ("Health officials said the virus had spread to five countries. Vaccines are months away.\n"
            "At 13:18 26th Apr 2031 , flufan wrote : This comment was removed because the moderators found it "
            "broke the house rules .\nAt 5:49 pm on 27 Apr 2031 , ghost wrote : I worry that you can .")
    texts = [s.text for s in split_sentences(blog)]
    assert texts[-1].endswith("Vaccines are months away.") and not any("wrote" in t for t in texts), texts
    page2 = ("The trial ended on Monday.\n12th August 2031 - 23:07 This comment was removed because the "
             "moderators found it broke the house rules .\n13th August 2031 - 08:15 Justice at last .")
    assert [s.text for s in split_sentences(page2)] == ["The trial ended on Monday."]


def test_abbreviations_and_closing_quotes_stay_with_their_sentence() -> None:
    from storyline.analyze.sentences import sentence_spans

    def split(t: str) -> list[str]:
        return [t[a:b] for a, b in sentence_spans(t)]

    # a party and state tag before a comma does not end the sentence
    assert split("The announcement by Rep. Tom Reyl, R-La., that he would resign stunned the House.") == [
        "The announcement by Rep. Tom Reyl, R-La., that he would resign stunned the House."]
    # a title after an opening typewriter quote is no sentence end
    assert len(split("``Mr. Reyl's resignation was wrong,'' declared Rep. Ada Lind.")) == 1
    assert split("He declared, ``Cpl. Cue Ball Reyl is reporting for duty.'' Lind complained.") == [
        "He declared, ``Cpl. Cue Ball Reyl is reporting for duty.''", "Lind complained."]
    # the closing mark of an open quotation ends its sentence, not the next one
    assert split("He said: “I had no books until I was 18.” His first novel flopped.") == [
        "He said: “I had no books until I was 18.”", "His first novel flopped."]
    assert split('"We will win," he said. "The fight goes on." Nobody answered.') == [
        '"We will win," he said.', '"The fight goes on."', "Nobody answered."]


def test_a_company_suffix_after_co_does_not_start_a_sentence() -> None:
    from storyline.analyze.sentences import sentence_spans

    t = "Vioxx, the new pain pill from Merck & Co. Inc. that promises to be easier on the stomach, works. He joined Procter & Gamble Co. He left."
    assert [t[a:b] for a, b in sentence_spans(t)] == [
        "Vioxx, the new pain pill from Merck & Co. Inc. that promises to be easier on the stomach, works.",
        "He joined Procter & Gamble Co.", "He left."]


def test_text_without_sentence_ends_is_cut_into_bounded_sentences() -> None:
    """A page without punctuation (a scraped list, a machine transcript) has no sentence end; it is
    cut at spaces into sentences of at most a few thousand characters, every word kept once and in
    order, so that no later stage reads a whole page as one sentence."""
    from storyline.analyze.sentences import MAX_PIECE, sentence_spans

    words = "the river rose over the old bridge and the farmers moved their herds to higher ground".split()
    text = " ".join(words[i % len(words)] for i in range(12_000))
    spans = sentence_spans(text)
    assert len(spans) > 10
    assert max(e - s for s, e in spans) <= MAX_PIECE
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()
    # (and a real sentence end inside such a page is still one)
    unit = " ".join(words) + " "
    with_ends = (unit * 200).rstrip() + ". The water fell on Monday. The " + (unit * 30).rstrip() + "."
    assert "The water fell on Monday." in [with_ends[s:e] for s, e in sentence_spans(with_ends)]


def test_a_tokenized_line_too_long_for_one_sentence_is_split() -> None:
    # a tokenized page that runs its sentences into one line: no stage should read it as one sentence
    unit = "Officials in Carrow , the capital , said on Monday that 12 people were hurt . "
    text = unit * 100 + "\n" + unit * 100
    spans = sentence_spans(text)
    assert 200 <= len(spans) <= 210 and max(e - s for s, e in spans) < 100
    # short lines stay a sentence each
    assert len(sentence_spans(unit + "\n" + unit + "\n" + unit)) == 3


def test_the_headline_a_text_opens_with_is_found_by_its_title_or_its_title_case() -> None:
    from storyline.analyze.sentences import headline_end

    text = "Harbor Board Fires Pier Manager.\n\nThe Dorne harbor board fired its pier manager on Monday."
    assert text[:headline_end(text, "Harbor Board Fires Pier Manager")] == "Harbor Board Fires Pier Manager."
    assert headline_end(text, None) == len("Harbor Board Fires Pier Manager.")  # title case alone
    # a headline and its deck over two lines; a site's name after the title
    deck = "Pier manager fired; \nBoard cites two failed inspections.\n\nThe board met on Monday."
    assert deck[:headline_end(deck, "Pier manager fired; Board cites two failed inspections")].endswith("inspections.")
    plain = "Board fires pier manager after inspections\n\nThe board met on Monday."
    assert headline_end(plain, "Board fires pier manager after inspections - Dorne Herald") == plain.index("\n")
    # a lead is no headline: not the title, not in title case, or a wire's dateline
    assert headline_end("The board met on Monday.\n\nIt fired the manager.", "Board fires manager") == 0
    assert headline_end("DORNE, May 2 (Xinhua) -- Following Are The Harbor Results\n\nTable.", None) == 0


def test_a_heading_line_in_a_text_of_one_paragraph_per_line_is_a_sentence_of_its_own() -> None:
    """A live page's headings ("DORNE MOURNS", "Herald Disputes Report On Oake") end in no mark; in
    a text whose lines are paragraphs they are no wrapped lines, so no sentence (and no name) runs
    across them ("Oake\\nHerald" had been one person); a hard-wrapped text keeps its wraps."""
    from storyline.analyze.sentences import sentence_spans

    text = ("The pier collapsed on Monday.\nTwo fishermen were hurt.\nDORNE MOURNS\nDorne mourned the dead "
            "on Tuesday.\nHerald Disputes Report On Oake\nThe Herald was quick to push back.\n")
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert "DORNE MOURNS" in got and "Herald Disputes Report On Oake" in got, got
    names = [m.text for m in recognize_entities(text)]
    assert not any("\n" in n for n in names), names
    wrapped = ("The harbor board of Dorne met on Monday and voted to close\nthe pier until engineers finish "
               "their survey of\nthe structure. Two fishermen were hurt when\nPart of it fell.\n")
    assert len(sentence_spans(wrapped)) == 2


def test_a_datelines_dash_stays_on_its_sentence_and_a_bullet_does_not() -> None:
    """"CASPER, Wyo. - Sen. Ted Cruz ...": the state's abbreviation ends no sentence before the
    dateline's dash (the timeline had shown "- Sen. Ted Cruz ..."), and the brief shows the sentence
    without its dateline; a list's dashes at line starts stay items."""
    from storyline.consolidate.summary_text import trim_span

    text = "DORNE, Ore. - Harbor manager Tamsin Oake resigned on Monday.\nWhat we know:\n- The pier is closed.\n"
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got[0] == "DORNE, Ore. - Harbor manager Tamsin Oake resigned on Monday.", got
    assert "- The pier is closed." in got
    i, j, _ = trim_span(got[0], lead=True, attributions=False)
    assert got[0][i:j] == "Harbor manager Tamsin Oake resigned on Monday."


def test_a_lead_is_no_headline_and_short_wrapped_paragraphs_keep_their_wraps() -> None:
    from storyline.analyze.sentences import headline_end

    lead = "Freedonia's parliament approved the budget on Tuesday.\nThe vote was 80-20.\nIt now goes to the king."
    assert headline_end(lead, "Freedonia's parliament approved the budget on Tuesday") == 0
    assert headline_end("Dorne United beat Carrow City 3-1 at Harbor Park on Wednesday.\n\nThe win lifts them.") == 0
    wrapped = ("The board met on Monday and voted to close the pier for\nrepairs.\n\nOake said the engineers had\n"
               "exaggerated the damage.\n\nThe vote was close.\n\nLint left early.\n")
    assert [wrapped[s:e] for s, e in sentence_spans(wrapped)][:2] == [
        "The board met on Monday and voted to close the pier for\nrepairs.",
        "Oake said the engineers had\nexaggerated the damage."]


def test_second_review_probes_of_lines_dashes_and_leads() -> None:
    from storyline.analyze.sentences import headline_end

    lines = ("A pier fell.\nB boats sank.\nC crews came.\nD divers dove.\nE engineers met.\nCouncilor Tom Brae said "
             "the council would vote on a repair\nplan in March, after the engineers report.\nF files closed.")
    assert "Councilor Tom Brae said the council would vote on a repair\nplan in March, after the engineers " \
           "report." in [lines[s:e] for s, e in sentence_spans(lines)]
    assert len(sentence_spans("Lint lives in Dorne. - Brae lives in Vask.")) == 2
    lead = ("Mayor Ada Lint said on Tuesday that she will close the Dorne pier in March after engineers found "
            "cracks in two of its piles.")
    assert headline_end(lead + "\n\nThe decision came after a survey.", lead[:-1]) == 0


def test_a_pages_update_stamp_opening_its_text_ends_where_the_news_starts() -> None:
    from storyline.analyze.sentences import byline_end

    for stamp in ("12 March 2024 Last updated at 09:41 GMT Help ", "Last updated : 12 March , 2024 - 09:41 GMT ",
                  "Page last updated at 09:41 GMT , Tuesday , 12 March 2024 10:41 UK "):
        text = stamp + "A ferry carrying 40 passengers has run aground off Brenton."
        assert byline_end(text) == len(stamp), (stamp, text[byline_end(text):])
    assert byline_end("12 March 2024 was a day the town will remember.") == 0


def test_a_decimal_written_with_a_space_after_its_point_ends_no_sentence() -> None:
    assert texts("The index decreased by 34. 58 points to close at 3,334.13 points. Turnover was worth 3. 46 "
                 "trillion crowns on Monday.") == [
        "The index decreased by 34. 58 points to close at 3,334.13 points.",
        "Turnover was worth 3. 46 trillion crowns on Monday."]
    assert texts("The party won in 1998. 58 percent of voters backed it.") == [
        "The party won in 1998.", "58 percent of voters backed it."]


def test_a_wrapped_texts_table_rows_headings_and_fields_are_lines_of_their_own() -> None:
    """A hard-wrapped wire item of results: its rows ("DORNE 72 53 .576 -"), headings ("EASTERN
    DIVISION") and fields ("Issuer: Vask Harbor") are much shorter than its wrapped lines, or a table's
    rows ending in figures, or a label line ("Bowling (to date): ..."), so no sentence (and no name)
    runs across them; a wrap before a figure or after "the" stays a wrap."""
    text = ("Results of the harbor league matches played on Sunday between the\n"
            "coastal clubs (home team in capitals):\n"
            "EASTERN DIVISION\n"
            "DORNE 72 53 .576 -\n"
            "VASK 67 58 .536 5\n"
            "Issuer: Vask Harbor\n"
            "Rating: A\n"
            "T. Brae c Lint b Oake 12\n"
            "R. Lint lbw b Tamsin Oake 54\n"
            "To bat: Ada Lint, Tom Brae, Wilm Oake, Piet\n"
            "Varn, Tamsin Oake, Rolf Nissa, Henk Abra\n"
            "Bowling (to date): Lint 9-1-49-0, Brae 9-3-28-0\n\n"
            "Prize money from the\n$450,000 purse was shared by the two captains on the\nquay.\n")
    got = [text[s:e] for s, e in sentence_spans(text)]
    for line in ("EASTERN DIVISION", "DORNE 72 53 .576 -", "VASK 67 58 .536 5", "Issuer: Vask Harbor", "Rating: A",
                 "T. Brae c Lint b Oake 12", "R. Lint lbw b Tamsin Oake 54",
                 "To bat: Ada Lint, Tom Brae, Wilm Oake, Piet\nVarn, Tamsin Oake, Rolf Nissa, Henk Abra",
                 "Prize money from the\n$450,000 purse was shared by the two captains on the\nquay."):
        assert line in got, (line, got)
    assert got[0].endswith("(home team in capitals):"), got
    names = [m.text for m in recognize_entities(text)]
    assert "Henk Abra" in names and not any("Bowling" in n for n in names), names


def test_the_sentence_around_a_short_span_is_found_without_splitting_the_article() -> None:
    from storyline.analyze.sentences import sentence_around

    text = ("The storm reached the coast on Monday. Officials said 2,500 people fled, Mr. Okafor said. "
            "It ended at 5 p.m. Then 40 more boats came back.\nA new paragraph starts here.")
    for value, sentence in (("2,500", "Officials said 2,500 people fled, Mr. Okafor said."),
                            ("40", "It ended at 5 p.m. Then 40 more boats came back.")):
        i = text.index(value)
        s, e = sentence_around(text, i, i + len(value))
        assert text[s:e] == sentence
    quoted = '"The water rose 12 feet," the mayor said. Schools closed.'
    i = quoted.index("12")
    s, e = sentence_around(quoted, i, i + 2)
    assert quoted[s:e] == '"The water rose 12 feet," the mayor said.'


def test_the_verb_cue_set_test_agrees_with_the_pattern() -> None:
    from storyline.analyze.sentences import VERB_CUE, has_verb_cue

    for text in ("Rescuers said the bridge held.", "Oil in the water at the site of the spill.", "He won't go.",
                 "The Mayor Was Re-elected", "Protesters demand a vote", "A wanted man", "Crews built a levee.",
                 "SAID AND DONE", "Ferries docked at the pier.", "the report of the inquiry"):
        assert has_verb_cue(text) == bool(VERB_CUE.search(text)), text


def test_a_result_table_keeps_its_headings_and_last_rows_apart() -> None:
    """A results page's heading before a single result or a run of rows ("Harbor division two") and
    the last row before a note ("Played on Friday :") end their lines, though they end in no mark:
    a result's line is a sentence of its own, and so are the rows around it."""
    text = ("Harbor league results :\n"
            "Harbor division two\n"
            "Tarnby 2 North Vell 1\n"
            "Harbor division three\n"
            "Oxmere 0 Sorn 3\n"
            "Vask 1 Dorne 1\n"
            "Played on Friday :\n"
            "Brae 4 Lint 2\n")
    got = [text[s:e] for s, e in sentence_spans(text)]
    for line in ("Harbor division two", "Tarnby 2 North Vell 1", "Harbor division three", "Oxmere 0 Sorn 3",
                 "Vask 1 Dorne 1", "Played on Friday :"):
        assert line in got, (line, got)


_ABBREVIATED = (
    "Mr. Tom Arvel met Dr. Ines Vok at 5 p.m. on Jan. 5 in St. Olaf. The U.S. Sen. Ruth Kell said no. 5 is "
    "the number. Gov. Ann Lee, Ph.D., spoke e.g. of the co. records, i.e. the ledgers of Arvel Bros. Inc. "
    "MR. ARVEL agreed. Mr. Arvel left at 6 a.m. and Mr. Vok at 7. Capt. Loy wrote {mr} Loy in braces. "
    "Prof. Hale and prof. Dunn met Lt. Col. Ries on Fig. 3 and No. 4. Mt. Tabor is 2 km. away. Jr. stayed. "
    "Mrs. Lee said: Mr. Arvel, Mr. Vok and Mr. Loy. Co. is short for company."
)


@pytest.mark.parametrize("lang, text", [
    ("en", _ABBREVIATED),
    ("en", "The firm, Vell Co., made records. A record co. in St. Ives closed. " * 3),
    ("de", "Dr. Arno Vell kam um 5 Uhr. Er sagte z.B. nichts. Die Fa. Vell u. Co. KG schloss. Nr. 5 ging."),
    ("fr", "M. Arvel est venu. Mme. Vok a dit non, p. ex. hier. Le Dr. Lenoir part."),
    ("es", "El Sr. Arvel llegó. La Sra. Vok dijo que no, p. ej. ayer. El Dr. Soto se fue."),
])
def test_the_sentences_are_pysbds_own(lang, text):
    # the splitter reads pysbd's sentences without its per-sentence matching and with a quicker
    # abbreviation pass: they must be the very sentences pysbd's own segmenter gives
    import pysbd

    own = [s.strip() for s in pysbd.Segmenter(language=lang, clean=False).segment(text)]
    assert [s.strip() for s in _pysbd_sentences(text, lang)] == own
    assert len(own) >= 3


def test_a_headline_in_capitals_a_dateline_and_a_fixtures_row_are_lines_of_their_own() -> None:
    """A headline in capitals as wide as the text's widest line, a dateline on its own line ("DORNE
    1996-08-30"), a fixtures table's rows ("Tarnby v North Vell") and the heading before one end
    their lines, though they end in no mark: no sentence (and no name) runs across them. Prose
    wrapped at a fixed width keeps its wraps, before a capitalised word too, and so does a
    paragraph written all in capitals."""
    text = ("HARBOR LEAGUE - TARNBY BEAT VELL IN THE DORNE CUP FINAL\n"
            "DORNE 1996-08-30\n"
            "Tom Vell scored twice on Sunday as Tarnby won the cup.\n"
            "Fixtures on Saturday :\n"
            "Tarnby v North Vell\n"
            "Division two\n"
            "Oxmere v Sorn\n")
    got = [text[s:e] for s, e in sentence_spans(text)]
    for line in ("HARBOR LEAGUE - TARNBY BEAT VELL IN THE DORNE CUP FINAL", "DORNE 1996-08-30",
                 "Tom Vell scored twice on Sunday as Tarnby won the cup.", "Fixtures on Saturday :",
                 "Tarnby v North Vell", "Division two", "Oxmere v Sorn"):
        assert line in got, (line, got)
    wrapped = ("The harbor board met on Monday in Dorne, where Mayor Ada\nLint said the pier would stay "
               "closed until the engineers\nFinish their survey.\nTHE PIER WAS BUILT BY THE HARBOR BOARD OF DORNE "
               "IN 1902\nAND WAS CLOSED ONCE BEFORE.\nIt reopened in 1950.\n")
    assert [wrapped[s:e] for s, e in sentence_spans(wrapped)] == [
        "The harbor board met on Monday in Dorne, where Mayor Ada\nLint said the pier would stay closed until the "
        "engineers\nFinish their survey.", "THE PIER WAS BUILT BY THE HARBOR BOARD OF DORNE IN 1902\nAND WAS "
        "CLOSED ONCE BEFORE.", "It reopened in 1950."]


def test_an_acronym_or_a_row_like_line_wrapped_in_prose_ends_no_sentence() -> None:
    """A narrow column's wrapped line that is one acronym in capitals ("NATO") or reads like a fixtures
    row ("Roe v Wade") with the sentence running on after it ends no sentence, nor the line before it."""
    for text in ("Ann Velk, who heads\nNATO\nOperations in the\nnorth, spoke on\nMonday in Oslo.\n",
                 "Lawyers cited\nRoe v Wade\nbefore the judge\non Monday, Velk said.\n"):
        assert [text[s:e] for s, e in sentence_spans(text)] == [text.strip()]
