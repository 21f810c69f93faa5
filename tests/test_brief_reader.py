"""What a demanding reader sees in a brief: titles for untitled articles, datelines out of the timeline,
the entry points that print it."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import storyline
from storyline.consolidate.brief import lead_title
from storyline.serve.render import brief_html, brief_json, brief_markdown

ROOT = Path(__file__).resolve().parents[1]

_UNTITLED = storyline.Article(
    id="u1", source="wire", url=None, title=None, published=date(2024, 5, 2),
    text="In this May 1, 2024, file photo provided by the city, the harbour crane stands idle. "
         "Dock workers watch.\n\n"
         "HARBOURTON -- Dock workers at the port of Harbourton walked off the job on Thursday, halting "
         "every crane and leaving forty ships waiting offshore, the union said.\n\n"
         "The strike is the first at the port in twelve years.")
_TITLED = storyline.Article(
    id="t1", source="daily", url=None, title="Harbourton dock strike halts cranes", published=date(2024, 5, 2),
    text="Dock workers at the port of Harbourton walked off the job on Thursday, halting every crane, "
         "the union said. The strike is the first at the port in twelve years.")


def test_lead_title_skips_caption_and_dateline_and_is_cut_short():
    t = lead_title(_UNTITLED)
    assert t.startswith("Dock workers at the port of Harbourton walked off the job")
    assert "HARBOURTON" not in t and "photo" not in t
    assert t.endswith("…") and len(t.split()) <= 13


def _said(text: str, article: storyline.Article) -> "storyline.SummarySentence":
    from storyline.records import SummarySentence

    start = article.text.index(text)
    return SummarySentence(text=text, article_id=article.id, start=start, end=start + len(text))


def test_a_summary_sentence_pointing_back_at_what_it_does_not_show_is_named() -> None:
    """"The reports included several caveats." leans on the reports its article named before; "for
    those attacks" on attacks named before; "The country's envoy" on the country's name. Each stands
    where a summary sentence before it names them; a definite its article uses first ("The crew
    reported smoke" after a crash) is the scene's own and stands."""
    from storyline.consolidate.brief import unresolved_references

    a = storyline.Article(
        id="k1", text="Officials in Dorn received two reports of a plot against the harbour in May. The reports, "
        "officials said, included several caveats. A ferry sank off Dorn on Sunday. The crew reported smoke in "
        "the engine room. Velm Odrin is wanted by Norland for those attacks. Aid workers reached Ostland on "
        "Monday. The country's envoy said the damage could reach billions.")
    reports = _said("The reports, officials said, included several caveats.", a)
    crew = _said("The crew reported smoke in the engine room.", a)
    attacks = _said("Velm Odrin is wanted by Norland for those attacks.", a)
    envoy = _said("The country's envoy said the damage could reach billions.", a)
    lead = _said("Officials in Dorn received two reports of a plot against the harbour in May.", a)
    aid = _said("Aid workers reached Ostland on Monday.", a)
    key = {(s.article_id, s.start, s.end): s.text for s in (reports, crew, attacks, envoy)}
    assert {key[k] for k in unresolved_references([reports, crew, attacks, envoy], [a])} == {
        reports.text, attacks.text, envoy.text}
    assert unresolved_references([lead, reports, crew, aid, envoy], [a]) == set()


def test_a_headline_or_a_day_named_before_a_summary_sentence_is_no_antecedent() -> None:
    """The lead's "The ferry was carrying ..." under the headline "Ferry sinks off Dorn" is the story's own, not
    a pointer back at the headline; "The company said ..." after a sentence ending "on Tuesday" stands
    for the company the summary named ("Tuesday" is no company's name)."""
    from storyline.consolidate.brief import unresolved_references

    a = storyline.Article(id="k5", title="Ferry sinks off Dorn",
                          text="Ferry sinks off Dorn\n\nThe ferry was carrying 40 people when it sank off Dorn on Sunday.")
    ferry = _said("The ferry was carrying 40 people when it sank off Dorn on Sunday.", a)
    assert unresolved_references([ferry], [a]) == set()
    b = storyline.Article(id="k6", text="Tarvocom cut 2,000 jobs in its phone unit. Its shares fell 5 percent in "
                          "trading on Tuesday. The company said the cuts would save money.")
    lead, company = _said("Tarvocom cut 2,000 jobs in its phone unit.", b), _said("The company said the cuts would save money.", b)
    assert unresolved_references([lead, company], [b]) == set()


def test_a_pronoun_object_or_a_bare_closing_verb_points_back_unless_its_sentence_before_is_shown() -> None:
    """"A patrol jet shot it down" cannot mean the jet by "it" (that would be "itself"): it leans on the
    drone of the sentence before, and stands only where the summary shows that sentence right before it;
    so does "The council refused." (refused what?). "The mayor said it would ..." ("it", a reported
    clause's subject) and "The woman lost her job" (a possessive) do not point back."""
    from storyline.consolidate.brief import unresolved_references
    from storyline.consolidate.summary_text import bare_verb_end, object_pronoun_back

    a = storyline.Article(
        id="k7", text="Border guards in Velm spotted a small drone over the river on Sunday. A patrol jet shot it down "
        "near the old mill. Farmers asked the council of Velm for new fences. The council refused.")
    drone, jet = _said("Border guards in Velm spotted a small drone over the river on Sunday.", a), \
        _said("A patrol jet shot it down near the old mill.", a)
    ask, refused = _said("Farmers asked the council of Velm for new fences.", a), _said("The council refused.", a)
    assert unresolved_references([drone, jet, ask, refused], [a]) == set()
    assert unresolved_references([jet, ask], [a]) == {(a.id, jet.start, jet.end)}
    assert unresolved_references([drone, ask, jet], [a]) == {(a.id, jet.start, jet.end)}
    assert unresolved_references([drone, refused], [a]) == {(a.id, refused.start, refused.end)}
    for text in ("Police in Dorn arrested him on Friday.", "Guards told them to leave the pier."):
        assert object_pronoun_back(text), text
    for text in ("The mayor said it would reopen the bridge.", "The woman lost her job in May.",
                 "After the drone crossed the river, a jet shot it down.", "The court found it hard to rule.",
                 "Mayor Fenwick announced it had closed the port."):
        assert not object_pronoun_back(text), text
    assert not bare_verb_end("Asked about the fences, the council declined.")
    # a passive has its object for subject, and "made it to", "made it clear" name nothing before
    assert not bare_verb_end("The request of the Velm farmers was refused.") and bare_verb_end("The council refused.")
    # "declined" said of an amount is a fall, no refusal
    assert not bare_verb_end("Shares of the Velm Timber Company declined.") and not bare_verb_end("Prices declined!")
    assert bare_verb_end("The Velm council declined.")
    assert not object_pronoun_back("The Velm rowers made it to the final on Sunday.")
    assert not object_pronoun_back("The mayor made it clear on Tuesday that the port would close.")


def test_a_thing_every_reader_knows_is_no_pointer_back() -> None:
    """"The press has picked up on the buzz." names no press the article told of before: the press, the
    public, the internet are known to every reader; "The studio ..." after the article named its studio
    still points back."""
    from storyline.consolidate.brief import unresolved_references

    a = storyline.Article(
        id="k8", text="Fans of the film lined up at the studio gates in Dorn. Critics talked to the press about the "
        "film. The press has picked up on the buzz. The studio has not given a date for the premiere.")
    lead, press = _said("Fans of the film lined up at the studio gates in Dorn.", a), _said("The press has picked up on the buzz.", a)
    studio = _said("The studio has not given a date for the premiere.", a)
    assert unresolved_references([press], [a]) == set()
    assert unresolved_references([press, studio], [a]) == {(a.id, studio.start, studio.end)}
    assert unresolved_references([lead, press, studio], [a]) == set()


def test_a_definite_tied_by_its_stem_a_compound_or_its_first_mention_to_what_the_summary_said_stands() -> None:
    """A definite subject its article named before stands where the summary said its thing in other words: a
    word of its stem ("The vote" after "voted"), a compound ending in it ("The quake" after "An earthquake"),
    or a word of the article's first mention of it: a modifier ("the biggest meteor shower" after "meteors")
    or a name in apposition ("Velmair, the national carrier"). Without them it still points back, and a
    plural is no single one ("The reservation" after "reservations")."""
    from storyline.consolidate.brief import unresolved_references

    voted = storyline.Article(id="m1", text="Residents of Dorn voted on Sunday to stop the dam.")
    vote = storyline.Article(id="m2", text="Dorn held a vote on the dam on Sunday. Turnout was low. "
                             "The vote was the first since 1990.")
    quake = storyline.Article(id="m3", text="An earthquake of magnitude 6 shook Dorn on Sunday.")
    hit = storyline.Article(id="m4", text="A strong quake hit the coast at dawn. The quake destroyed 300 homes in the port.")
    meteors = storyline.Article(id="m5", text="Thousands of meteors lit the sky over Dorn on Tuesday.")
    shower = storyline.Article(id="m6", text="Stargazers in Dorn saw the biggest meteor shower in decades. Clouds hid "
                               "it from some towns. The shower is caused by a comet.")
    flights = storyline.Article(id="m7", text="Velmair cancelled 40 flights on Monday.")
    carrier = storyline.Article(id="m8", text="Velmair, the national carrier of Ostland, grounded its fleet on Monday. "
                                "Unions had called a strike over pay. The carrier said flights would resume on Friday.")
    tribes = storyline.Article(id="m9", text="Many reservations in Ostland have casinos.")
    reservation = storyline.Article(id="m10", text="The Velk reservation opened a casino in May. Jobs came. "
                                    "The reservation's unemployment rate fell to 40 percent.")
    arts = [voted, vote, quake, hit, meteors, shower, flights, carrier, tribes, reservation]
    pairs = [(_said("Residents of Dorn voted on Sunday to stop the dam.", voted),
              _said("The vote was the first since 1990.", vote)),
             (_said("An earthquake of magnitude 6 shook Dorn on Sunday.", quake),
              _said("The quake destroyed 300 homes in the port.", hit)),
             (_said("Thousands of meteors lit the sky over Dorn on Tuesday.", meteors),
              _said("The shower is caused by a comet.", shower)),
             (_said("Velmair cancelled 40 flights on Monday.", flights),
              _said("The carrier said flights would resume on Friday.", carrier))]
    for first, then in pairs:
        assert unresolved_references([first, then], arts) == set(), then.text
        assert unresolved_references([then], arts) == {(then.article_id, then.start, then.end)}, then.text
    rate = _said("The reservation's unemployment rate fell to 40 percent.", reservation)
    assert unresolved_references([_said("Many reservations in Ostland have casinos.", tribes), rate], arts) == {
        (rate.article_id, rate.start, rate.end)}


def test_an_idioms_it_is_no_pronoun_object() -> None:
    """"The band called it quits" leans on nothing before: the idiom's "it" stands for no thing."""
    from storyline.consolidate.summary_text import object_pronoun_back

    for text in ("The Velk Quartet called it quits after its last tour.", "The coach played it safe on Sunday.",
                 "The rowers made it home on Friday."):
        assert not object_pronoun_back(text), text
    assert object_pronoun_back("The Velk Quartet called it off after its last tour.")


def test_a_lower_case_pages_dateline_opens_no_brief_sentence() -> None:
    """A page written in lower case but for its first letter (as Multi-News is) keeps its dateline in lower
    case too ("Dorn (reuters) - the drone ...", "Velm -- the game ..."): the brief starts with the news;
    a dash that opens an aside closed by another ("Velk -- the mayor -- said ...") is no dateline."""
    from storyline.consolidate.summary_text import lower_cased_page, lower_dateline_end

    text = "Dorn (reuters) - the drone that crossed into ostland on saturday exposed its weak air defences, an official said."
    assert text[lower_dateline_end(text):].startswith("the drone")
    text = "Velm -- the 2014 all-star game was one long tribute to the retiring captain of the home team."
    assert text[lower_dateline_end(text):].startswith("the 2014")
    assert lower_dateline_end("Velk -- the mayor of dorn -- said the bridge would reopen.") == 0
    a = storyline.Article(id="lc1", text="Dorn (reuters) - the drone that crossed into ostland on saturday exposed "
                          "its weak air defences, an official said on monday. Ostland has asked for new radar "
                          "stations along its coast.")
    b = storyline.brief([a])
    assert b.summary and b.summary[0].text.startswith("The drone that crossed"), b.summary
    assert b.headline.startswith("The drone"), b.headline
    # a page in its usual case keeps a dash of its own: "Officials — including the mayor, ..." is no dateline
    lead = "Officials — including the mayor of Dorn, Ana Velk, said the harbour at Dorn would reopen on Friday."
    a = storyline.Article(id="lc2", text=lead + " The ferries of Velmair will sail to Ostland again from Monday.")
    assert lower_dateline_end(lead) and not lower_cased_page(a.text)
    assert any(s.text.startswith("Officials — including") for s in storyline.brief([a]).summary)


def test_what_the_last_choice_of_a_summary_still_leans_on_is_left_out() -> None:
    """A summary is chosen again at most three times without the sentences that lean on what it does
    not show; what the last choice still holds of them leaves it rather than stay (a shorter summary),
    and so does a sentence whose support left with it."""
    from storyline.consolidate.brief import without_faults
    from storyline.records import SummarySentence

    def sent(k: int, text: str) -> SummarySentence:
        return SummarySentence(text=text, article_id="k9", start=100 * k, end=100 * k + len(text))

    lead, bad = sent(0, "Dock workers in Dorn walked out on Monday."), [sent(k, f"The cranes stood idle {k}.") for k in range(1, 6)]
    tried: list[set[tuple[str, int, int]]] = []

    def faults(chosen):  # type: ignore[no-untyped-def]
        return {(s.article_id, s.start, s.end) for s in chosen if s.text.startswith("The cranes")}

    def again(drop):  # type: ignore[no-untyped-def]
        tried.append(set(drop))
        return [lead, bad[len(tried)]]

    assert without_faults([lead, bad[0]], faults, again) == [lead]
    assert len(tried) == 3
    assert without_faults([lead], faults, again) == [lead]
    # never an empty summary: when every choice leans on what it does not show, the last one stays
    last = without_faults([bad[0]], faults, lambda drop: [sent(10 + len(drop), "The cranes were still.")])
    assert [s.text for s in last] == ["The cranes were still."]


def test_a_brief_does_not_open_on_a_thing_its_article_named_before() -> None:
    """The story's summary does not show "The reports ... included several caveats." without the
    reports; another sentence takes its place."""
    a = storyline.Article(
        id="k2", title=None, published=date(2031, 5, 6),
        text="He had read the two secret reports about a plot against the harbour twice in May. The "
             "reports, American officials said, included several caveats about the sources and the dates. "
             "The harbour police of Dorn arrested three men near the ferry pier on Friday night. The police "
             "said the three men carried maps of the harbour and radios. A judge in Dorn ordered the three "
             "men held without bail on Monday.")
    b = dataclasses.replace(a, id="k3", text=a.text.replace("Friday night", "Friday evening"))
    summary = [s.text for s in storyline.brief([a, b]).summary]
    assert summary and not any(t.startswith("The reports") for t in summary), summary


def test_lead_title_skips_a_byline_ended_by_a_page_stamp_and_reads_tokenized_words_as_written():
    for text in ("By Nora Feld, reporterMarch 4, 2024: 6:15 AM ET Dock workers at Harbourton walked out.",
                 "By Nora Feld, Writer March 4, 2024 Dock workers at Harbourton walked out.",
                 "March 4 , 2024 : 6:15 AM ET Dock workers at Harbourton walked out."):
        a = storyline.Article(id="b1", text=text + " The strike is the first in twelve years.")
        assert lead_title(a) == "Dock workers at Harbourton walked out.", text
    tok = storyline.Article(id="b2", text="The port 's owner -LRB- Harbourton Docks -RRB- said it does n't expect "
                                          "the cranes to move before Friday , or later .")
    assert lead_title(tok) == "The port's owner (Harbourton Docks) said it doesn't expect the cranes to …"


def test_lead_title_is_empty_for_a_titled_article():
    assert lead_title(_TITLED) == ""


def test_untitled_source_shows_its_lead_marked_as_derived_everywhere():
    b = storyline.brief([_UNTITLED, _TITLED])
    md = brief_markdown(b)
    assert "(untitled)" not in md
    assert "*Dock workers at the port of Harbourton" in md and "no title" in md
    html = brief_html(b)
    assert '<em class="derived"' in html and "Dock workers at the port of Harbourton" in html
    arts = {a["id"]: a for a in json.loads(brief_json(b))["articles"]}
    assert arts["u1"]["title"] is None  # the title is not rewritten: the derived one is a field of its own
    assert arts["u1"]["lead_title"].startswith("Dock workers")
    assert arts["t1"]["lead_title"] == ""


def test_timeline_entry_leaves_out_a_dateline_not_at_the_article_start():
    tl = storyline.timeline([_UNTITLED])
    texts = [t.text for t in tl if t.date == "2024-05-02"]
    assert texts and texts[0].startswith("Dock workers at the port")
    c = [t for t in tl if t.date == "2024-05-02"][0].citations[0]
    assert _UNTITLED.text[c.start:].startswith("Dock workers")


def test_cli_module_runs_as_a_script(tmp_path):
    r = subprocess.run([sys.executable, "-m", "storyline.serve.cli", "--help"], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and "ingest" in r.stdout


# --- entities ---------------------------------------------------------------------------------------

from storyline.analyze.entities import repair_spans  # noqa: E402


def _art(aid: str, text: str, title: str | None = "t", day: int = 2) -> storyline.Article:
    return storyline.Article(id=aid, source=aid, url=None, title=title, published=date(2024, 5, day), text=text)


def test_a_common_word_opening_a_sentence_is_no_name():
    text = ("Militarization has been the order of the day since the war. Residents of Harbourton "
            "gathered in the square on Monday.")
    names = {m.text for m in storyline.recognize_entities(text)}
    assert "Militarization" not in names
    assert "Residents of Harbourton" not in names


def test_irregular_plural_possessive_stays_inside_the_name():
    toks = ["the", "Democratic", "People", "'s", "Republic", "of", "Korea", "(", "DPRK", ")"]
    assert repair_spans(toks, [(1, 7, "LOC")]) == [(1, 7, "LOC")]
    # an ordinary possessive still starts the name after it
    toks = ["the", "North", "'s", "Korean", "Central", "News", "Agency"]
    assert repair_spans(toks, [(1, 7, "ORG")]) == [(3, 7, "ORG")]


def test_the_last_word_of_a_name_or_its_place_decides_its_kind():
    assert repair_spans(["Analysts", "at", "Carrow", "Securities"], [(2, 4, "LOC")]) == [(2, 4, "ORG")]
    assert repair_spans(["the", "Korean", "Peninsula", "issue"], [(1, 3, "MISC")]) == [(1, 3, "LOC")]
    assert repair_spans(["a", "train", "left", "near", "Carrow", "."], [(4, 5, "ORG")]) == [(4, 5, "LOC")]
    assert repair_spans(["the", "port", "of", "Carrow"], [(3, 4, "ORG")]) == [(3, 4, "LOC")]
    toks = ["between", "Israel", "and", "Hizbollah", "guerrillas"]
    assert repair_spans(toks, [(1, 2, "LOC"), (3, 4, "ORG")]) == [(1, 2, "LOC"), (3, 4, "ORG")]
    toks = ["the", "line", "between", "Brennick", "and", "Carrow", "will", "stay", "closed"]
    assert repair_spans(toks, [(3, 4, "LOC"), (5, 6, "ORG")]) == [(3, 4, "LOC"), (5, 6, "LOC")]
    assert repair_spans(["the", "West", "Bank"], [(1, 3, "LOC")]) == [(1, 3, "LOC")]
    # an organisation after a preposition that also takes organisations is left alone
    assert repair_spans(["shares", "in", "Carrow", "fell"], [(2, 3, "ORG")]) == [(2, 3, "ORG")]


def _entities(arts, mentions):
    from storyline.consolidate.entities import consolidate_entities

    return consolidate_entities(arts, mentions)[0]


def _m(a: storyline.Article, text: str, label: str, nth: int = 0, role: str | None = None) -> storyline.Mention:
    start = -1
    for _ in range(nth + 1):
        start = a.text.index(text, start + 1)
    return storyline.Mention(start=start, end=start + len(text), text=text, label=label, article_id=a.id, role=role)


def test_a_states_official_name_and_acronym_are_its_usual_name():
    a = _art("a", "The Democratic People's Republic of Korea (DPRK) fired a missile. North Korea said so.")
    b = _art("b", "North Korea tested a rocket.")
    ms = [_m(a, "Democratic People's Republic of Korea", "ORG"), _m(a, "DPRK", "LOC"), _m(a, "North Korea", "LOC"),
          _m(b, "North Korea", "LOC")]
    ents = _entities([a, b], ms)
    assert len(ents) == 1
    assert ents[0].name == "North Korea" and ents[0].label == "LOC"
    assert {"DPRK", "Democratic People's Republic of Korea"} <= set(ents[0].aliases)


def test_an_organisations_short_form_is_the_organisation_in_every_article():
    a = _art("a", "Shares in Northline Freight fell. Northline said the track was sound.")
    b = _art("b", "Northline chief executive Ann Lee met families.")
    ms = [_m(a, "Northline Freight", "ORG"), _m(a, "Northline", "ORG", nth=1), _m(b, "Northline", "LOC")]
    ents = _entities([a, b], ms)
    assert [e.name for e in ents] == ["Northline Freight"]
    assert ents[0].label == "ORG"


def test_lower_case_names_are_not_listed_and_roles_are_not_repeated():
    a = _art("a", "Leaders met at the inter-Korean Summit. U.S. President Joe Biden and US President Joe Biden.")
    ms = [_m(a, "inter-Korean Summit", "MISC"), _m(a, "Joe Biden", "PERSON", role="U.S. President"),
          _m(a, "Joe Biden", "PERSON", nth=1, role="US President")]
    ents = _entities([a], ms)
    assert [e.name for e in ents] == ["Joe Biden"]
    assert ents[0].roles == ("U.S. President",)


def test_a_role_keeps_the_noun_that_names_its_field():
    roles = {m.text: m.role for m in storyline.recognize_entities(
        "The town said fire chief Tomas Reyes would stay. Officials said police chief Ann Lee left.")
        if m.label == "PERSON"}
    assert roles.get("Tomas Reyes") == "fire chief"
    assert roles.get("Ann Lee") == "police chief"
    roles = {m.text: m.role for m in storyline.recognize_entities(
        "The city's public works director Sandra Ortiz said the pipes burst. Residents thanked coast guard "
        "commander Elena Brooks. Deputy fire chief Tom Reyes said the fire was out.") if m.label == "PERSON"}
    assert roles == {"Sandra Ortiz": "public works director", "Elena Brooks": "coast guard commander",
                     "Tom Reyes": "Deputy fire chief"}


# --- who said what -------------------------------------------------------------------------------

def _speakers(brief):
    return {g.speaker: [q.text for q in g.quotes] for g in brief.quotes}


def test_a_relayed_quote_is_given_once_to_its_speaker_with_the_relaying_source():
    from storyline.consolidate.quotes import group_quotes

    a = _art("a", 'Barack Obama told Angela Merkel on Friday he hopes the talks will bring "real results," '
                  "Reuters noted.")
    groups = group_quotes([a])
    where = {g.speaker: g.quotes for g in groups}
    assert "Reuters" not in where
    obama = [q for n, qs in where.items() if "Obama" in n for q in qs]
    assert obama and obama[0].reported_by == "Reuters"
    assert "real results" in obama[0].text


def test_a_described_topic_stays_with_the_reporting_source():
    from storyline.consolidate.quotes import relayed
    from storyline.records import Quote

    outer = Quote(start=0, end=80, text="x" * 80, kind="mixed", speaker="Reuters", speaker_start=90,
                  speaker_end=97, cue="reported")
    inner = Quote(start=40, end=80, text="y" * 40, kind="direct", speaker="Obama", speaker_start=0,
                  speaker_end=5, cue="discussed")
    assert relayed([outer, inner]) == [outer]
    told = dataclasses.replace(inner, cue="told")
    kept = relayed([outer, told])
    assert len(kept) == 1 and kept[0].speaker == "Obama" and kept[0].reported_by == "Reuters"


def test_a_noun_phrase_object_is_no_claim():
    from storyline.consolidate.quotes import is_claim
    from storyline.records import Quote

    def q(text: str, kind: str = "indirect") -> Quote:
        return Quote(start=0, end=len(text), text=text, kind=kind, speaker="media")

    assert not is_claim(q("the minister's trip while he was still in the country"))
    assert not is_claim(q("his visit but provided no details of what he has done"))
    assert not is_claim(q("a glimmer of hope")) and not is_claim(q("the league's latest proposal on Friday afternoon"))
    assert is_claim(q("Kim would be visiting the country Jan. 7-10"))
    # a relative clause's verb phrase: "names he said would be released soon", "what he said was true"
    assert not is_claim(q("would be publicly released soon")) and not is_claim(q("was true"))
    assert is_claim(q("had the dam failed, the town would have flooded"))
    assert is_claim(q("should voters reject the plan, taxes would rise"))
    assert is_claim(q("were prices to fall, the plant would close"))
    assert is_claim(q("that the talks failed"))
    assert is_claim(q("12 cars derailed, not 14 as first reported"))
    assert is_claim(q("the track between Brennick and Carrow will reopen on Thursday"))
    assert is_claim(q('"We will not reopen the line," she said', kind="direct"))


def test_a_deed_is_no_claim_but_a_denial_or_a_statement_is() -> None:
    from storyline.consolidate.quotes import group_quotes, is_claim
    from storyline.records import Quote

    def q(text: str, cue: str) -> Quote:
        return Quote(start=0, end=len(text), text=text, kind="indirect", speaker="they", cue=cue)

    # a deed's plural object is no verb
    assert not is_claim(q("Vioxx for menstrual pain in adults and teenagers", "approved"))
    assert not is_claim(q("two new drugs to treat arthritis since September", "has approved"))
    assert not is_claim(q("the lives of three officials", "have claimed"))
    assert not is_claim(q("more than 90 lives across Europe", "has claimed"))
    # a statement's verb still tells a claim, after a speech verb or a deed
    assert is_claim(q("the cautions apply doubly to them", "said"))
    assert is_claim(q("the charges were fabricated", "claimed"))
    assert is_claim(q("that the plant rejects its permits", "cited"))
    a = _art("a", "The regulator approved Vioxx for menstrual pain in adults on Friday. The company said its "
                  "shares rose in early trading. Anwar Ibrahim has denied the charges.")
    shown = [(g.speaker, qq.text) for g in group_quotes([a]) for qq in g.quotes]
    assert not any("Vioxx" in t for _, t in shown), shown
    assert any("shares rose" in t for _, t in shown) and any("denied the charges" in t for _, t in shown), shown


def test_nominal_and_pronoun_speakers_resolve_to_the_organisation_named_before():
    a = _art("a", "Investigators from the National Transport Safety Agency arrived on Tuesday. "
                  "The agency said 12 cars derailed, not 14 as first reported.\n\n"
                  "The Korean Central News Agency said Kim departed on Monday with his wife. "
                  "It said Kim is visiting China at the invitation of Xi.")
    sp = _speakers(storyline.brief([a]))
    assert "The agency" not in sp and "It" not in sp
    nt = [n for n in sp if "Safety Agency" in n]
    assert nt and any("12 cars derailed" in t for t in sp[nt[0]])
    kc = [n for n in sp if "Central News Agency" in n]
    assert kc and any("visiting China" in t for t in sp[kc[0]])


def test_the_group_is_never_a_cabinet_or_a_parliament():
    """"the group said" after "the Kelland Cabinet", where the tagger did not read the militant group
    named between as an organisation: a state's body is no "group" (nor "company")."""
    from storyline.consolidate.brief import _entity_in_span
    from storyline.records import Mention

    text = ("The envoy expects the Kelland Cabinet to approve the accord. The Cabinet met on Friday. "
            "The radical group Tarn Front claimed the bombing. \"This is not the last,\" the group said. "
            "Halden Foods cut prices. \"We will grow,\" the group said.")
    def org(name: str, at: int, eid: str) -> Mention:
        return Mention(at, at + len(name), name, "ORG", article_id="a", entity_id=eid)

    linked = [org("Kelland Cabinet", text.index("Kelland Cabinet"), "cab"),
              org("Cabinet", text.index("Cabinet met"), "cab"), org("Halden Foods", text.index("Halden"), "hf")]
    entity_of = _entity_in_span(linked, {"a": text})
    first = text.index("the group said")
    last = text.rindex("the group said")
    assert entity_of(("a", first, first + 9)) is None
    assert entity_of(("a", last, last + 9)) == "hf"


def test_a_nominal_speaker_after_a_list_of_its_kind_is_not_guessed():
    a = _art("a", "The Harbor Basketball League lost games to a strike. It now joins the Coastal Hockey League "
                  "and the Northern Football League in having lost games to a labor dispute. The league said "
                  "it would decide in two weeks whether to cancel more games.")
    sp = _speakers(storyline.brief([a]))
    assert not any(("Hockey" in n or "Football" in n) and any("two weeks" in t for t in ts) for n, ts in sp.items())


def test_a_person_after_a_preposition_in_the_speaker_phrase_is_not_the_speaker():
    a = _art("a", "Pop star Michael Jackson died in June. A bodyguard to Michael Jackson has testified that the "
                  "doctor ordered him to clean up the room. Secretary of State Hillary Clinton said the inquiry "
                  "must go on.")
    sp = _speakers(storyline.brief([a]))
    assert not any(n == "Michael Jackson" and any("clean up" in t for t in ts) for n, ts in sp.items())
    assert any(n.startswith("A bodyguard") and any("clean up" in t for t in ts) for n, ts in sp.items())
    assert any("Hillary Clinton" in n and any("inquiry" in t for t in ts) for n, ts in sp.items())


def test_a_place_speaker_is_not_given_to_a_longer_phrase_that_contains_its_name():
    a = _art("a", "North Korean and Chinese state media have announced the visit. Washington is pressing "
                  "North Korea to disarm, while the North says it has already done enough and it is time "
                  "to ease the sanctions.")
    sp = _speakers(storyline.brief([a]))
    assert not any("state media" in n and any("done enough" in t for t in ts) for n, ts in sp.items())


def test_a_quote_split_by_its_attribution_shows_its_pieces():
    from storyline.serve.render import quote_text
    from storyline.records import Quote

    text = '"The air is clean," Marsh said. "But we will wait."'
    q = Quote(start=0, end=len(text), text=text, kind="direct", speaker="Marsh", fragments=((0, 19), (32, 51)))
    assert quote_text(q) == '"The air is clean," … "But we will wait."'


def test_an_acronym_the_article_spells_out_as_a_kind_of_place_is_a_place():
    from storyline.analyze.entities import _spelled_by

    text = "The border is a heavily fortified demilitarized zone. Tensions along the DMZ eased this year."
    labels = {m.text: m.label for m in storyline.recognize_entities(text)}
    assert labels.get("DMZ") in (None, "LOC")  # never an organisation
    assert _spelled_by("DMZ", "demilitarized zone")
    assert not _spelled_by("NTSA", "transport safety agency")


def test_people_organisations_and_places_come_before_other_names():
    from storyline.records import Entity
    from storyline.serve.render import listed_entities

    es = [Entity(id="1", name="Chinese", label="MISC"), Entity(id="2", name="Xi Jinping", label="PERSON"),
          Entity(id="3", name="Beijing", label="LOC")]
    assert [e.name for e in listed_entities(es)] == ["Xi Jinping", "Beijing", "Chinese"]


def test_a_quotation_cut_from_its_sentence_drops_the_sentence_comma():
    from storyline.records import Quote
    from storyline.serve.render import quote_text

    t = 'he hopes the meeting will achieve "results,"'
    assert quote_text(Quote(start=0, end=len(t), text=t)) == 'he hopes the meeting will achieve "results"'


def test_timeline_entry_leaves_out_an_opening_connective():
    a = _art("c", "The mayor resigned on Monday. But even after the vote in March 2024, the council kept meeting. "
                  "However, the budget passed in April.", day=20)
    texts = {t.date: t.text for t in storyline.timeline([a])}
    assert texts["2024-03"].startswith("Even after the vote in March 2024")
    assert texts["2024-04"].startswith("The budget passed in April")


def _ferry_story() -> list[storyline.Article]:
    a = ("Fire broke out on the Halvard ferry in the Skarn strait on Monday night, and 31 passengers were "
         "taken to hospital with smoke injuries, the coast guard said. The ferry was carrying 420 people "
         "from Tornby to Velde when the fire started in its engine room. Coast guard boats took the "
         "passengers off the ship within two hours. The operator, Skarn Lines, said the ship would stay "
         "in port until inspectors had examined it.")
    b = ("Thirty-one passengers were taken to hospital after fire broke out on the Halvard ferry in the Skarn "
         "strait on Monday night, the coast guard said. The fire started in the engine room while the ferry "
         "was carrying 420 people from Tornby to Velde. Skarn Lines said the ship would stay in port until "
         "inspectors had examined it. Crew members fought the fire for an hour before it was put out.")
    c = ("The Halvard ferry stayed in port at Velde on Tuesday as inspectors boarded it. The health "
         "ministry said on Tuesday that 26 passengers had been taken to hospital. Skarn Lines cancelled "
         "all crossings of the strait until Thursday. Passengers said smoke filled the lower deck within "
         "minutes of the alarm.")
    return [storyline.Article(id=f"f{k}", source=src, url=None, title=None, published=date(2024, 9, d), text=t)
            for k, (src, d, t) in enumerate([("wire", 3, a), ("daily", 3, b), ("courier", 4, c)])]


def test_a_disputed_count_is_stated_once_in_the_summary_with_the_other_reports():
    brief = storyline.brief(_ferry_story(), max_words=120)
    disputes = [d for d in brief.disagreements if d.kind == "number"]
    assert [d.slot for d in disputes] == ["people injured"], "31 or 26 passengers taken to hospital"
    # "the ministry said on Tuesday that ..." dates the statement, not the fire: no date dispute
    assert not [d for d in brief.disagreements if d.kind == "date"]
    for d in disputes:
        stating = [s for s in brief.summary
                   if any(c.article_id == vc.article_id and c.start <= vc.start and vc.end <= c.end
                          for c in s.citations for v in d.values for vc in v.citations)]
        assert len(stating) == 1, [s.text for s in stating]
        assert stating[0].differs, "the sentence that states it shows what the other sources say"


def test_a_datelines_capitals_are_no_other_name_but_an_acronym_is():
    arts = [storyline.Article(id="a", published=date(2025, 3, 11),
                              text="BRENNICK, March 11 -- A train derailed near Brennick on Monday, officials in "
                                   "Brennick said. The National Transport Safety Agency (NTSA) will investigate."),
            storyline.Article(id="b", published=date(2025, 3, 11),
                              text="The derailment in Brennick forced hundreds from their homes, the mayor of "
                                   "Brennick said. The NTSA sent a team to the site.")]
    entities = {e.name: e for e in storyline.brief(arts).entities}
    assert entities["Brennick"].aliases == ()
    assert "NTSA" in entities["National Transport Safety Agency"].aliases


def test_reported_speech_is_shown_without_its_opening_that():
    from storyline.records import Quote
    from storyline.serve.render import quote_text

    t = "that 12 cars had derailed"
    assert quote_text(Quote(start=0, end=len(t), text=t, kind="indirect")) == "12 cars had derailed"
    t = "that another summit will allow a deal"
    assert quote_text(Quote(start=0, end=len(t), text=t, kind="indirect")) == "another summit will allow a deal"
    t = "that figure is hovering around 57 percent"  # "that" is the figure's, not the clause's
    assert quote_text(Quote(start=0, end=len(t), text=t, kind="indirect")) == t
    t = "That is not true"  # a direct quotation that opens with the word keeps it
    assert quote_text(Quote(start=0, end=len(t), text=t, kind="direct")) == "That is not true"


def test_an_untitled_storys_headline_starts_with_the_news_not_the_scene():
    from storyline.consolidate.brief import headline_from

    h = headline_from("In a ruling that both sides had awaited for weeks, the arbitrator ordered the league to pay "
                      "more than 200 players with guaranteed contracts during the lockout.")
    # (17 words: whole, under HEADLINE_MAX_WORDS)
    assert h == "The arbitrator ordered the league to pay more than 200 players with guaranteed contracts during the lockout."
    assert headline_from("On Monday, the bridge fell.") == "On Monday, the bridge fell."  # too short to cut
    # a count opening the sentence is the news, not a scene before it
    h = headline_from("At least 231 people have been confirmed dead in Honduras from the hurricane, bringing the "
                      "storm's death toll in the region to 357, the emergency commission said.")
    assert h.startswith("At least 231 people have been confirmed dead"), h
    # a scene of two parts ("With X, and Y, ...") is left out whole, never cut after its first part
    h = headline_from("With $30 billion drained from the reserves since August, and the stock market down 40 "
                      "percent this year, the government has been paralyzed by the coming elections.")
    assert h == "The government has been paralyzed by the coming elections.", h
    # a scene whose first comma parts two adjectives, and which goes on with another phrase
    h = headline_from("On a warm, sunny morning last Friday, at the time he usually left for work at the family "
                      "store, Tomas Reyl said goodbye to his grandmother for the last time.")
    assert h == "Tomas Reyl said goodbye to his grandmother for the last time.", h


def test_an_untitled_storys_headline_is_a_whole_sentence_when_it_is_a_little_over_the_length():
    from storyline.consolidate.brief import headline_from

    s = "Nine of the twelve harbour towns along the coast lowered their mooring fees to 4 percent."
    assert headline_from(s) == s   # not "... lowered their mooring fees to 4 …"
    s = "The valley's water board voted Friday to suspend indefinitely its deal to sell river water to the city."
    assert headline_from(s) == s


def test_an_untitled_storys_headline_is_cut_after_a_whole_phrase():
    from storyline.consolidate.brief import headline_from

    # before the clause that goes on, not inside it ("... who returned to …")
    h = headline_from("Police used foam and sirens against hundreds of anglers who returned to the closed piers of "
                      "Port Ellery and two other harbours on the eastern shore.")
    assert h == "Police used foam and sirens against hundreds of anglers …", h
    # before a preposition, never after a word that needs the next one ("... on an expected …")
    h = headline_from("Corvania and the regional lenders' fund moved closer Tuesday to agreement on an expected "
                      "$12 billion loan package for the country's struggling rail network.")
    assert h == "Corvania and the regional lenders' fund moved closer Tuesday to agreement …", h
    h = headline_from("The harbour master met Sunday with the ferry union leader Anna Brook to try to end "
                      "the long dispute between the crews and the owners over pay.")
    assert h == "The harbour master met Sunday with the ferry union leader Anna Brook …", h   # not "to try …"
    # not after a word bound to the clause opener ("only weeks after")
    h = headline_from("Talks on the canal treaty stalled again this month, only weeks after both delegations had "
                      "promised to sign the treaty in the presence of the regional press.")
    assert h == "Talks on the canal treaty stalled again this month …", h


def test_an_untitled_storys_headline_does_without_an_aside_to_reach_its_verb():
    from storyline.consolidate.brief import headline_from

    h = headline_from("Marta Velin, the newly elected head of the northern growers' association, took no part "
                      "Friday in the vote on whether to close the grain market for a month.")
    assert h == "Marta Velin took no part Friday in the vote on whether to close the grain market for a month.", h
    h = headline_from("The Eastern Rowing League, embroiled in a long dispute with its clubs over fees, "
                      "Tuesday canceled the first three weeks of the coming racing season.")
    assert h == "The Eastern Rowing League Tuesday canceled the first three weeks of the coming racing season.", h


def test_an_untitled_storys_headline_stands_alone_without_dateline_also_or_a_day_after():
    from storyline.consolidate.brief import headline_from

    assert headline_from("The port authority also said the north pier would stay shut until June.") \
        == "The port authority said the north pier would stay shut until June."
    assert headline_from("Not only the ferries but also the buses stopped running on Sunday.") \
        == "Not only the ferries but also the buses stopped running on Sunday."
    h = headline_from("FERRY-STRIKE — HARBOURTON — As both sides in the ferry dispute await a ruling, the "
                      "mayor of Harbourton travels to the capital to meet the transport minister.")
    assert h == "The mayor of Harbourton travels to the capital to meet the transport minister.", h
    h = headline_from("A day after the regional governor resigned, shop owners in Velmar reopened their doors "
                      "for the first time in a week.")
    assert h == "Shop owners in Velmar reopened their doors for the first time in a week.", h


def test_a_titled_storys_headline_has_no_wire_note_and_no_long_deck():
    from storyline.consolidate.brief import choose_headline, headline_title

    assert headline_title("FERRY STRIKE ENDS IN HARBOURTON (HLW)") == "FERRY STRIKE ENDS IN HARBOURTON"
    assert headline_title("Harbourton Bans Cars From Old Town (2)") == "Harbourton Bans Cars From Old Town"
    assert headline_title("GARDENS TAKE ON THE PESTS (FOR RELEASE THE WEEK OF MON., APRIL 3)") \
        == "GARDENS TAKE ON THE PESTS"
    assert headline_title("Rail union calls off the strike; Members vote to accept a deal, but the talks on "
                          "pensions go on") == "Rail union calls off the strike"
    assert headline_title("Ferry fares rise in Harbourton; Obituary") == "Ferry fares rise in Harbourton"
    assert headline_title("Fares rise; Boats stay") == "Fares rise; Boats stay"   # a short pair stays whole
    arts = [storyline.Article(id=f"w{k}", source="wire", title="FERRY STRIKE ENDS IN HARBOURTON (HLW)",
                              published=date(2024, 5, k + 1),
                              text="The ferry strike in Harbourton ended on Friday after the crews accepted a deal.")
            for k in range(2)]
    assert choose_headline(arts, []) == "FERRY STRIKE ENDS IN HARBOURTON"
    assert storyline.brief(arts).headline == "FERRY STRIKE ENDS IN HARBOURTON"


def test_the_league_is_not_a_league_the_article_mentions_once_in_passing():
    text = ("The National Football League locked out its players in 1987, and the league lost a month.\n\n"
            "The Northern Hockey Association canceled ten games on Tuesday. The league said it would refund fans "
            "within a month.\n\nPlayers met in Toronto on Wednesday.")
    brief = storyline.brief([storyline.Article(id="h1", source="wire", published=date(2024, 10, 9), text=text)])
    speakers = {g.speaker: g for g in brief.quotes}
    assert "National Football League" not in speakers, list(speakers)
    assert "The league" in speakers      # which league, the article does not say in so many words


def test_an_untitled_storys_headline_carries_no_date_note():
    text = ("Dock workers walked out on Monday at the port of Harbourton, halting every crane and leaving forty "
            "ships waiting offshore, the union said. The strike is the first at the port in twelve years.")
    arts = [storyline.Article(id=f"d{k}", source=src, title=None, published=date(2024, 5, 8), text=text)
            for k, src in enumerate(["wire", "daily"])]
    brief = storyline.brief(arts)
    assert brief.headline.startswith("Dock workers walked out on Monday at the port"), brief.headline
    assert "(" not in brief.headline
    assert any("Monday (May 6, 2024)" in s.text for s in brief.summary)  # the summary still writes the day out


def test_one_outlets_title_of_a_side_of_the_story_does_not_head_a_story_mostly_without_titles():
    text = ("Dock workers walked out on Monday at the port of Harbourton, halting every crane and leaving forty "
            "ships waiting offshore, the union said. The strike is the first at the port in twelve years. ")
    arts = [storyline.Article(id=f"d{k}", source=src, title=None, published=date(2024, 5, 8), text=text + extra)
            for k, (src, extra) in enumerate([("wire", "Talks resume on Friday."), ("daily", "Ferries still sail."),
                                              ("radio", "Police watched the gates."), ("tv", "Pay is the issue.")])]
    side = storyline.Article(id="d9", source="farm weekly", title="Growers fear rotting fruit as exports stall",
                             published=date(2024, 5, 8), text=text + "Fruit growers said their exports stalled.")
    brief = storyline.brief([*arts, side])
    assert brief.headline.startswith("Dock workers walked out on Monday"), brief.headline
    # a title that tells what the articles repeat heads the story, even alone among untitled ones
    fit = storyline.Article(id="d8", source="courier", title="Dock workers walk out at Harbourton port",
                            published=date(2024, 5, 8), text=text)
    assert storyline.brief([*arts, fit]).headline == "Dock workers walk out at Harbourton port"


def test_the_brief_leaves_out_sentences_that_point_back_to_what_it_does_not_show():
    base = ("Floods damaged 300 homes in the river town of Elmsford on Sunday, the county said. "
            "Officials say that figure could rise as more homes are inspected. "
            "Next week, it will open two shelters for families whose homes were flooded. "
            "The river rose four metres in twelve hours after two days of heavy rain. "
            "Volunteers filled sandbags at the town hall through the night. ")
    arts = [storyline.Article(id=f"e{k}", source=src, title=f"Floods hit Elmsford ({src})", published=date(2024, 4, 8),
                              text=base + extra)
            for k, (src, extra) in enumerate([("wire", "Schools stay closed on Monday."),
                                              ("daily", "The mayor asked residents to boil water."),
                                              ("radio", "Two bridges were closed to traffic.")])]
    texts = [s.text for s in storyline.brief(arts, max_words=80).summary]
    assert any(t.startswith("Floods damaged 300 homes") for t in texts), texts
    assert not any("that figure" in t or t.startswith("Next week, it") for t in texts), texts
    # the plain summarizer (benchmarks) keeps its own choice
    from storyline.consolidate.summary_text import leans_back
    assert leans_back("Officials say that figure could rise.") and not leans_back("This year the river rose.")


def test_a_dateline_with_a_region_in_title_case_is_trimmed():
    from storyline.consolidate.summary_text import trim_span
    t = "RIO DE JANEIRO, Brazil _ Brazilian voters appeared to re-elect President Cardoso on Sunday."
    i, j, _ = trim_span(t, lead=True, attributions=False)
    assert t[i:j].startswith("Brazilian voters")
    t = "SAN JOSE, Calif. -- Apple reported record sales of its phones for the quarter."
    i, j, _ = trim_span(t, lead=True, attributions=False)
    assert t[i:j].startswith("Apple reported")
    t = "The United States, Britain -- and France -- agreed to the plan on Monday."
    assert trim_span(t, lead=True, attributions=False)[0] == 0


def test_an_agency_mark_and_a_page_stamp_open_no_summary_sentence():
    from storyline.consolidate.summary_text import trim_span
    for t, starts in [
        ("(CNN) -- Unprecedented demonstrations spread Wednesday to Libya, where police clashed with crowds.",
         "Unprecedented demonstrations"),
        ("(Updated: 1:38 a.m. Monday, Libya; 6:38 p.m. Sunday ET): Libya's army has been told to restore order.",
         "Libya's army"),
        ("TIMELINE: Six remarkable days in Libya (Updated: 1:19 a.m. Monday, Libya): The son of the leader spoke.",
         "The son of the leader"),
        # the same stamp as a tokenized corpus writes it, and one without its colon: the timeline's pattern
        ("TIMELINE: Six remarkable days in Libya -LRB- Updated : 1:19 a.m. Monday , Libya -RRB- : The son of the "
         "leader spoke .", "The son of the leader"),
        ("(Updated 6:38 p.m. Sunday ET) Libya's army has been told to restore order.", "Libya's army"),
        ("TIMELINE : Six remarkable days in Libya -LRB- Updated : 1:19 a.m. Monday -RRB- : The son of the leader "
         "spoke .", "The son of the leader"),
        ("-LRB- CNN -RRB- -- Unprecedented demonstrations spread Wednesday to Libya .", "Unprecedented"),
        # a stamp with a time in brackets inside it, "Update" for "Updated", a dash after it
        ("(Updated 5:31 p.m. (0031 in Egypt)) The president asked the government to resign.", "The president"),
        ("-LRB- Updated 5:31 p.m. -LRB- 0031 in Egypt -RRB- -RRB- The president asked the cabinet to resign .",
         "The president"),
        ("-- (Update 1:50 a.m. Cairo, 6:50 p.m. ET) - Roughly 1,000 prisoners escaped from a prison.", "Roughly"),
        # a wire site's stamp before its dateline, and a dateline of a date
        ("GENEVA | Thu Jun 11 , 2031 7:03 pm EDT GENEVA -LRB- Reuters -RRB- - The agency declared a pandemic .",
         "The agency"),
        ("Aug 21 (Reuters) - Rebels entered the capital on Sunday.", "Rebels"),
    ]:
        i, j, _ = trim_span(t, lead=True, attributions=False)
        assert t[i:j].startswith(starts), t[i:j]


def test_a_sentence_opened_by_a_photo_credit_is_page_furniture():
    from storyline.consolidate.summary_text import is_furniture
    assert is_furniture("AP Photo\\/Transocean BP has begun work on a relief well to plug the leak.")
    assert is_furniture("Photo credits: REUTERS/Alexander Demianchuk (Twin bear cubs play in the zoo).")
    assert not is_furniture("The AP photo showed oil washing ashore in Louisiana on Friday.")
    # a reader poll's buttons before its question
    assert is_furniture("YES | NO Egyptian President Hosni Mubarak stepped down as president on February 11.")
    assert not is_furniture("Yes, the president stepped down on Friday, his spokesman said.")
    # a paper's print note, a programme's listing, a blog's byline stamp
    for t in ("A version appeared on p26 of the Main section of the Guardian on Thursday 16 September 2031.",
              "Broadcast on Radio 4 on Tuesday. Available until 12:00 AM Thu, 1 Jan 2099.",
              "Rajan Datar | 10:57 UK time, Friday, 22 January 2031"):
        assert is_furniture(t), t
    assert not is_furniture("The paper said a version of the plan appeared in a draft last year.")


def test_an_archive_notice_a_sign_up_box_and_glued_captions_are_page_furniture() -> None:
    from storyline.consolidate.summary_text import is_furniture
    for t in ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive.",
              "These crawls are part of an effort to archive pages as they are created.",
              "Sign up for our morning newsletter Thanks for signing up!",
              "Story highlights The council will vote on Thursday the dog is property under state law",
              "Image copyright AFP Image caption Protesters marched on the capital on Sunday."):
        assert is_furniture(t), t
    for t in ("Thousands sign up for the draft lottery every year.",
              "The archive holds 2,000 letters the poet wrote to her sister.",
              "The council kept the caption of the photo a secret."):
        assert not is_furniture(t), t


def test_furniture_glued_before_a_sentence_is_trimmed_off() -> None:
    from storyline.consolidate import summary_text
    for t, starts in [
        ("Advertisement Continue reading the main story The Brooklyn district attorney called a grand jury.",
         "The Brooklyn"),
        ("Photo Advertisement Continue reading the main story Agents are seeking the server's logs.", "Agents"),
        ("Voters pick governors enlarge this image toggle caption Jim Cole/AP Jim Cole/AP Voters in 11 states will "
         "pick their governors tonight.", "Voters in 11"),
        ("(Photo: Jason Minto/Special to the News) The pageant disqualified the winner last month.", "The pageant"),
    ]:
        i, j, _ = summary_text.trim_span(t, lead=False, attributions=False)
        assert t[i:j].startswith(starts), t[i:j]
    # a caption toggle whose credit is not written twice, and a sentence about advertisements, stay whole
    for t in ("Voters pick governors enlarge this image toggle caption Voters in 11 states go to the polls.",
              "Advertisement revenue fell by a third in the spring."):
        assert summary_text.trim_span(t, lead=False, attributions=False)[0] == 0, t


def test_a_summary_skips_archive_notices_and_advertisement_labels() -> None:
    from storyline import summarize
    notice = ("Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. "
              "Flood waters closed the bridge into Westford on Monday, the council said. ")
    arts = [_art("a", notice + _FLOOD[0]),
            _art("b", "Advertisement Continue reading the main story " + _FLOOD[1]),
            _art("c", notice + _FLOOD[2])]
    out = summarize(arts, max_words=120)
    assert out and not any("crawl" in s.text or "Advertisement" in s.text for s in out)
    for s in out:  # the words shown stand at the summary sentence's own offsets
        assert next(a.text for a in arts if a.id == s.article_id)[s.start:s.end].startswith(s.text.rstrip(".")[:20])
    assert any(s.article_id == "b" for s in out) or any(c.article_id == "b" for s in out for c in s.citations)


def test_a_time_or_group_set_before_and_a_sentence_without_subject_lean_back():
    from storyline.consolidate.summary_text import leans_back
    assert leans_back("At that point, air traffic controllers lost contact with the plane.")
    assert leans_back("Among those was a woman executed in 1998.")
    assert leans_back("Initially thought to have been the suicide bomber on the train.")
    assert leans_back("The EU went on to state that the vote was unfair.")
    assert not leans_back("Of the 200 passengers, 12 survived.")
    assert not leans_back("Known as the Butcher of Baghdad, al-Majid was hanged on Monday.")
    # an item of a numbered list (a reader's five points under a story), but not a figure
    assert leans_back("5) Ask other countries to arm the rebels.") and leans_back("2. The fund must act now.")
    assert not leans_back("2.5 million people fled the city on Monday.")
    assert not leans_back("Controllers lost contact with the plane at that point.")


def test_an_item_of_a_numbered_list_leans_back_in_a_tokenized_corpus_too():
    """A tokenized corpus (Penn Treebank style) writes a list item's bracket "-RRB-": the reader sees
    "3) Send more ferries to the harbour." and it is as much out of its list."""
    from storyline.consolidate.summary_text import leans_back
    assert leans_back("3 -RRB- Send more ferries to the harbour .")
    assert leans_back("-LRB- 4 -RRB- Close the bridge to lorries .")
    assert not leans_back("3 -LRB- of 12 -RRB- ferries sailed on Monday .")
    assert not leans_back("-LRB- Reuters -RRB- - Twelve ferries sailed on Monday .")


def test_a_pick_among_things_named_before_leans_back():
    from storyline.consolidate.summary_text import leans_back
    assert leans_back("The latter threat is key, according to the Justice Department.")
    assert leans_back("The former was fined, the court said.")
    assert leans_back("Such a move would be unprecedented.")
    assert not leans_back("The former president said he would run again.")
    assert not leans_back("The court fined the company on Monday.")
    assert leans_back("Most of that aid is moving to the eastern part of the country.")
    assert leans_back("Libya's action comes after the Security Council authorized the use of force.")
    assert leans_back("Libya 's action comes after the Security Council authorized the use of force.")  # tokenised copies
    assert not leans_back("Libya's army comes under fire every night in Misrata, residents said.")
    assert not leans_back("One of these days the river will flood the town again.")
    assert not leans_back("Some of this year's harvest was lost to the floods.")
    # a count standing for people named before, a move or an order told of before
    assert leans_back("All three were charged with trying to subvert the state.")
    assert leans_back("Both were released on Monday.")
    assert leans_back("The move does not necessarily mean the virus is more severe.")
    assert leans_back("The order comes five months after the spill began.")
    assert not leans_back("The two leaders met in Beijing on Tuesday.")
    assert not leans_back("The plan was approved by parliament on Monday.")
    # a reader's comment: doubled marks, or a question before a stray full stop
    assert leans_back("Does he believe the world should stand publicly NOW in support of this man??? .")
    assert leans_back("Why is nobody asking the obvious question? .")
    assert not leans_back("The minister asked whether the talks would resume.")
    assert leans_back("All of these satellites came through the shower unscathed.")
    assert leans_back("These measures will cost billions.")
    assert not leans_back("These days, few people write letters.")
    assert not leans_back("Those who fled the city returned on Monday.")


def test_first_person_words_are_never_a_speaker():
    from storyline.consolidate.quotes import speaker_name
    from storyline.records import Quote

    def q(speaker: str) -> Quote:
        return Quote(start=0, end=10, text="the deal is off", kind="indirect", speaker=speaker)

    assert speaker_name(q("I don't")) is None and speaker_name(q("We 're")) is None
    assert speaker_name(q("They've")) is None and speaker_name(q("Friday's")) is None
    assert speaker_name(q("The league made a counterproposal Friday")) is None
    assert speaker_name(q("Buck Williams")) == "Buck Williams"
    assert speaker_name(q("He Yafei")) == "He Yafei" and speaker_name(q("Sunday Times")) == "Sunday Times"


def test_the_speaker_is_the_person_not_the_place_named_beside_them():
    text = ("Floods cut the coastal road to Marlow on Sunday, the regional government said.\n\n"
            "The Courier's Nina Vale in Marlow says the water is still rising in the old town.\n\n"
            "The regional envoy for Marlow, Tomas Berg, said pumps would arrive on Monday.\n\n"
            "Tomas Berg, the regional envoy for Marlow, said the army would help.\n\n"
            "A volunteer working just outside the town of Marlow says the shelters are full.\n\n"
            "Tomas Berg's deputy Lena Dahl said the coastal road would reopen on Friday.")
    brief = storyline.brief([storyline.Article(id="m1", source="wire", published=date(2024, 2, 5), text=text)])
    speakers = {g.speaker: g for g in brief.quotes}
    assert "Marlow" not in speakers, list(speakers)
    assert "Nina Vale" in speakers
    assert len(speakers["Tomas Berg"].quotes) == 2
    assert "Lena Dahl" in speakers           # the possessor is not the speaker


def test_derived_title_skips_the_page_stamp() -> None:
    from storyline.consolidate.brief import lead_title
    from storyline.records import Article

    a = Article(id="p", text="Page last updated at 09:14 GMT, Tuesday, 13 September 2031.\n\n"
                             "Jamie Ortega will host the tribute concert in Cardiff next month.")
    assert lead_title(a) == "Jamie Ortega will host the tribute concert in Cardiff next month."


def test_a_sentence_cut_short_is_no_brief_sentence() -> None:
    from storyline.consolidate.summary_text import leans_back

    assert leans_back("The talks broke down over the price of.")
    assert leans_back("Prices rose by more than.")
    assert leans_back("A lot of people are concerned about .")
    assert not leans_back("That is what the protest is about.")
    assert not leans_back("Officials did not say what the plan was for.")
    assert not leans_back("He voted for Plan A.")


def test_a_broadcasts_talk_is_no_brief_sentence() -> None:
    from storyline.consolidate.summary_text import leans_back

    for t in ("Obviously the story of the day is what is happening in Cairo.", "Well, we are watching the square.",
              "Now, let me bring in our correspondent in Cairo.", "No, the army has not moved.",
              "Yeah, the crowds are growing.", "The US is coming to ` help ' the people of Egypt !"):
        assert leans_back(t), t
    for t in ("No one was hurt in the fire.", "Now-closed shops lined the street.", "Nowhere was calmer than Suez.",
              "Wellington police arrested two men."):
        assert not leans_back(t), t


def test_a_transcript_speaker_label_or_noise_is_no_summary_sentence() -> None:
    from storyline.consolidate.summary_text import is_candidate_shape

    assert not is_candidate_shape("BLITZER : Let 's talk about who 's in charge right now .")
    # a label in capitals with the speaker's title
    assert not is_candidate_shape("BARACK OBAMA , PRESIDENT OF THE UNITED STATES : The people of Egypt have rights .")
    assert is_candidate_shape("NATO and the UN agreed on a ceasefire on Monday.")
    assert not is_candidate_shape("Look at the (INAUDIBLE) coming to power.")
    assert not is_candidate_shape("Let's talk about the weather.")
    assert is_candidate_shape("Lettuce prices rose by a third in March.")


def test_page_furniture_is_no_summary_sentence() -> None:
    from storyline.consolidate.summary_text import is_candidate_shape

    assert not is_candidate_shape("Comments are not pre-screened before they post.")
    assert not is_candidate_shape("January 30, 2031 at 10:18 am | Report abuse | Nobody asked the residents.")
    # prose that shares a word with furniture stays
    assert is_candidate_shape("Many economists share this view.")
    assert is_candidate_shape("Candidates were pre-screened by the party.")


_SIDEBAR = "Two men charged in death of Chicago teen who performed in inauguration event."
_FLOOD = [
    "Flood waters rose across the river valley on Monday as heavy rain fell for a third day. The regional council "
    "ordered the evacuation of 2,000 homes near the river. Emergency crews used boats to reach families trapped in "
    "the town of Westford. The river peaked at 6.2 metres on Monday evening, officials said.",
    "Thousands of residents left their homes in the river valley after the council ordered an evacuation. Heavy "
    "rain fell for a third day and the river peaked at 6.2 metres. Boats carried families out of Westford, where "
    "streets were under water.",
    "The council said 2,000 homes were evacuated as the river valley flooded. Rescue crews in boats reached trapped "
    "families in Westford. Forecasters expect more rain on Wednesday, which could push the river higher.",
    "Heavy rain flooded the river valley for a third day. Forecasters warned that more rain on Wednesday could "
    "raise the river again. Westford schools will stay closed until Friday, the council said.",
]


def _flood_brief() -> storyline.Brief:
    # one site's pages open with the same sidebar headline on another story
    arts = [storyline.Article(id=f"f{i}", source="site-a" if i < 3 else "site-b", published=date(2031, 3, 3),
                              text=(_SIDEBAR + " " + body) if i < 3 else body)
            for i, body in enumerate(_FLOOD)]
    return storyline.brief(arts)


def test_a_sidebar_headline_copied_onto_a_sites_pages_is_not_summary():
    texts = [s.text for s in _flood_brief().summary]
    assert texts and not any("Chicago" in t for t in texts)


def test_a_brief_tells_a_forecast_once_and_dates_it_ahead():
    texts = [s.text for s in _flood_brief().summary]
    rain = [t for t in texts if "rain on Wednesday" in t]
    assert len(rain) == 1, texts
    assert "(March 5, 2031)" in rain[0]  # the coming Wednesday, not the one before publication


def test_an_aside_or_a_thing_named_before_opens_no_brief_sentence() -> None:
    from storyline.consolidate.summary_text import leans_back, trim_span

    for t in ("(The federal government could approve the project if the state refuses.)",
              "The proposal came as Bauer met with a group of parents.", "The issue was the tribe's casino.",
              "The announcement came a day after the talks broke down.",
              "Aside from that, only 63 percent of the residents finished high school.",
              "The police came soon after he returned home."):          # a person it never names
        assert leans_back(t), t
    assert not leans_back("The police came soon after Wang returned home, his wife said.")
    assert not leans_back("A 25-year-old man was arrested after he attacked a guard at the station.")
    for t in ("The proposal to build a dam was rejected by voters on Tuesday.", "The decisions of the court were final.",
              "The deal would create the world's largest oil company.",
              "Lawmakers passed the budget (after a long debate)."):
        assert not leans_back(t), t
    # a wire dateline with its date is a dateline too
    t = "OTTAWA, November 30 (Xinhua) -- Quebec's ruling party won a majority."
    i, j, tail = trim_span(t)
    assert t[i:j] + tail == "Quebec's ruling party won a majority."


def test_an_interviews_question_is_no_summary_sentence() -> None:
    from storyline.consolidate.summary_text import is_candidate_shape

    assert not is_candidate_shape("Q. Earlier this month the Energy Department said oil prices would stay soft.")
    assert is_candidate_shape("Quebec voters went to the polls on Monday in a tight race.")


def test_a_broadcast_transcript_gives_no_summary_sentence_when_reports_exist() -> None:
    from storyline.consolidate.summary import transcripts

    report = ("Protesters filled Harbour Square in Marlow on Friday to demand the mayor's resignation. "
              "Police said about 20,000 people joined the march, the largest in the city's history. "
              "The mayor said she would not resign and called the protest peaceful.")
    show = ("COOPER: Tonight, we are in Marlow, where the crowds keep growing.\n"
            "VALE: I can tell you the mayor is not going anywhere, and the council meets again on Tuesday.\n"
            "COOPER: What are the protesters asking for tonight, in their own words?\n"
            "VALE: They want the mayor gone, and they say they will march every single night until she goes.\n")
    arts = [storyline.Article(id=f"r{k}", source=f"paper{k}", published=date(2024, 5, 3), text=report)
            for k in range(2)] + [storyline.Article(id="tv", source="tv", published=date(2024, 5, 3), text=show)]
    assert transcripts(arts) == {2}
    brief = storyline.brief(arts, max_words=80)
    assert brief.summary and all(s.article_id != "tv" for s in brief.summary)
    # nor a timeline entry: the show's talk of "Tuesday" dates no event the reports tell
    assert brief.timeline and all(c.article_id != "tv" for e in brief.timeline for c in e.citations)
    # a story told only on air still gets a summary from its transcripts
    assert storyline.brief([arts[2]], max_words=40).summary


def test_a_columnists_call_and_a_title_case_agency_dateline() -> None:
    from storyline.consolidate.summary_text import is_candidate_shape, trim_span

    assert not is_candidate_shape("Let the Egyptians remember that after Mubarak, the country continues.")
    assert is_candidate_shape("Lettuce prices rose sharply in March after the floods in the valley.")
    t = "Washington -LRB- CNN -RRB- -- The United States is scrambling to respond ."
    i, j, tail = trim_span(t, lead=False)
    assert t[i:j] + tail == "The United States is scrambling to respond ."


def test_a_tokenized_corpus_reads_in_ordinary_typography() -> None:
    from storyline.consolidate.summary_text import display_text

    assert display_text("Not all the Gulf has -LRB- yet -RRB- been affected , officials said .") == \
        "Not all the Gulf has (yet) been affected, officials said."
    assert display_text("He said , `` We do n't know . '' It cost $ 5 million , or 8.2 % more .") == \
        "He said, “We don't know.” It cost $5 million, or 8.2% more."
    # a wire's typewriter quotes: a '' before a word after a space opens the quote, any other closes it
    assert display_text("The plan is complex ''because nobody agrees,'' an aide said.") == \
        "The plan is complex “because nobody agrees,” an aide said."
    assert display_text("''We found no new boats,'' Mr. Olvan said. ''None.''") == \
        "“We found no new boats,” Mr. Olvan said. “None.”"
    assert display_text("Jackson 's family was left ` speechless ' .") == "Jackson's family was left ‘speechless’."
    assert display_text(r"A 2-1\/2-year peak of A\/H1N1 , Swine Flu \* Reuters") == \
        "A 2-1/2-year peak of A/H1N1, Swine Flu * Reuters"   # the corpus's escapes
    # a tabloid's lead-in in capitals reads as a sentence's start; a hyphen no dash can be is one
    assert display_text("AN AUSTRALIAN climber who saw his brother fall was found.") == \
        "An Australian climber who saw his brother fall was found."
    assert display_text("A MAN has been charged. THE FBI said so.") == "A man has been charged. THE FBI said so."
    assert display_text("THE FBI said on Monday.") == "The FBI said on Monday."
    assert display_text("A NEW ZEALAND climber died.") == "A New Zealand climber died."
    assert display_text("NEW YORK police said so.") == "NEW YORK police said so."   # a name may open it: left
    assert display_text("Ravel, a 59 - year - old, was shot with a 12 - gauge gun on anti - piracy duty.") == \
        "Ravel, a 59-year-old, was shot with a 12-gauge gun on anti-piracy duty."
    assert display_text("They won 65 - 53 - even so, it was close.") == "They won 65 - 53 - even so, it was close."
    assert display_text("Sixteen - year - old Ray Dale worked in the third - floor room.") == \
        "Sixteen-year-old Ray Dale worked in the third-floor room."
    assert display_text("They came first - a great result.") == "They came first - a great result."
    assert display_text("The unrest is starting to affect Egyptians ' food supplies .") == \
        "The unrest is starting to affect Egyptians' food supplies."
    plain = 'A normal sentence, with commas. And "quotes" (and brackets) ... it goes on.'
    assert display_text(plain) == plain
    # a wire's typewriter dash and its dollars
    assert display_text("The returns _ an even break in the Senate _ stunned them.") == \
        "The returns — an even break in the Senate — stunned them."
    assert display_text("She will receive the dlrs 978,000 prize.") == "She will receive the $978,000 prize."
    assert display_text("a snake_case name and _x") == "a snake_case name and _x"
    # the brief of a tokenized story shows it so; its citations still point at the words
    text = ("Rescuers searched the collapsed school in Marlow on Monday , officials said .\n"
            "The mayor 's office said 40 children were safe .\n"
            "Rescuers searched the ruins through the night -LRB- local time -RRB- .\n")
    arts = [storyline.Article(id=f"t{k}", source=f"s{k}", published=date(2024, 3, 4), text=text) for k in range(2)]
    brief = storyline.brief(arts, max_words=60)
    assert brief.summary
    for s in brief.summary:
        assert " ," not in s.text and " 's" not in s.text and "-LRB-" not in s.text, s.text
        assert arts[0].text[s.citations[0].start:s.citations[0].end].split()[0] in s.text


def test_a_sites_standing_paragraph_and_its_caveats_are_no_news() -> None:
    from storyline.consolidate.summary_text import is_caveat

    # the site's paragraph opens each of its pages and shares the story's words
    standing = ("The Kestrel government keeps tight control on communications and has not answered requests from "
                "Wire One for access to Halden, where rebels and the army are fighting.")
    news = ["Rebels took the port of Halden on Monday after two days of fighting with the army.",
            "The army pulled back from Halden overnight, leaving its heavy weapons behind.",
            "At least 40 people were killed in the fighting in Halden, a hospital said on Monday.",
            "The government said on Monday that it would hold talks with the rebels about Halden."]
    arts = [storyline.Article(id=f"p{k}", source="Wire One", published=date(2031, 3, 3 + k),
                              text=f"{standing}\n\n{news[k]}") for k in range(4)]
    brief = storyline.brief(arts, max_words=120)
    assert brief.summary and not any("tight control on communications" in s.text for s in brief.summary)
    assert is_caveat("Wire One could not immediately confirm reports from many areas of Kestrel.")
    assert is_caveat("The footage could not be independently verified.")
    assert not is_caveat("The army could not hold the port and pulled back to the capital on Monday night.")


def test_a_markdown_brief_lists_forty_entities_in_full_and_names_the_rest() -> None:
    from dataclasses import replace

    from storyline.records import Entity
    from storyline.serve.render import MARKDOWN_ENTITIES

    a = _art("a", "Rescuers searched the ruins of the school in Marlow on Monday, officials said.")
    b = storyline.brief([a])
    many = tuple(Entity(id=f"e{k}", name=f"Person {k:02d}", label="PERSON", aliases=(), roles=(), mentions={"a": 1})
                 for k in range(MARKDOWN_ENTITIES + 5))
    md = brief_markdown(replace(b, entities=many))
    assert f"- **Person {MARKDOWN_ENTITIES - 1:02d}** (PERSON)" in md
    assert f"- and 5 more: Person {MARKDOWN_ENTITIES:02d}, " in md and f"**Person {MARKDOWN_ENTITIES:02d}**" not in md
    # a page lists 40 names unfolded and at most 500 in all: a list page of thousands of names had made
    # a brief page of megabytes
    crowd = tuple(Entity(id=f"e{k}", name=f"Person {k:04d}", label="PERSON", aliases=(), roles=(), mentions={"a": 1})
                  for k in range(1200))
    page = brief_html(replace(b, entities=crowd))
    assert page.count('class="ename"') == 500 and "1160 more" in page
    assert "and 700 more names (the JSON brief lists them all)" in page and "Person 0499" in page
    assert "Person 0500" not in page


def test_a_person_first_named_by_surname_gets_the_full_name_the_story_uses() -> None:
    from storyline.consolidate.brief import full_names
    from storyline.records import Entity, SummarySentence

    ents = [Entity(id="e1", name="Emile Lahoud", label="PERSON", mentions={"a": 9}),
            Entity(id="e2", name="Nassib Lahoud", label="PERSON", mentions={"a": 1}),
            Entity(id="e3", name="Rafik Hariri", label="PERSON", mentions={"a": 3}),
            Entity(id="e4", name="Dennis Shepard", label="PERSON", mentions={"a": 2}),
            Entity(id="e5", name="Judy Shepard", label="PERSON", mentions={"a": 2}),
            Entity(id="e6", name="Like Wang", label="PERSON", mentions={"a": 2}),
            Entity(id="e7", name="José Mourinho", label="PERSON", mentions={"a": 2})]
    out = full_names([SummarySentence(text="Lahoud is to be sworn in on Nov. 24."),
                      SummarySentence(text="Lahoud, 62, commanded the army."),
                      SummarySentence(text="Prime Minister Hariri said he was bowing out."),
                      SummarySentence(text="Shepard's friends gathered in Laramie."),
                      SummarySentence(text="Courts sentenced Xu Wenli and Wang Youcai."),
                      SummarySentence(text="Chelsea sacked José Mourinho on Monday.")], ents)
    assert [s.text for s in out] == [
        "Emile Lahoud is to be sworn in on Nov. 24.",     # the main bearer of the surname, once
        "Lahoud, 62, commanded the army.",
        "Prime Minister Hariri said he was bowing out.",  # a title names him well enough
        "Shepard's friends gathered in Laramie.",         # two Shepards of equal weight: no guess
        "Courts sentenced Xu Wenli and Wang Youcai.",     # a misread name ("Like Wang") changes nothing
        "Chelsea sacked José Mourinho on Monday."]        # an accented first name names him too


def test_a_surname_that_is_also_a_place_of_the_story_is_not_expanded() -> None:
    # a score card's line break had run a name into the next line's team ("... Tariq Velani\nEngland
    # 326 all out"): "against England" had become "against Tariq Velani England"
    from storyline.consolidate.brief import full_names
    from storyline.records import Entity, SummarySentence

    ents = [Entity(id="e1", name="Tariq Velani\nEngland", label="PERSON", mentions={"a": 1}),
            Entity(id="e2", name="England", label="LOC", mentions={"a": 6, "b": 4}),
            Entity(id="e3", name="Dara Quayle", label="PERSON", mentions={"a": 2})]
    out = full_names([SummarySentence(text="Ghazipur declared at 521-8 against England at the Oval."),
                      SummarySentence(text="Quayle took three wickets.")], ents)
    assert [s.text for s in out] == ["Ghazipur declared at 521-8 against England at the Oval.",
                                     "Dara Quayle took three wickets."]


def test_a_surname_is_expanded_only_where_its_article_says_which_bearer() -> None:
    # a merge of mentions had made the story's one "Thorne" the governor of an old article, and a
    # sentence about the senator (written "Sen. Thorne", then "Thorne") read "Ezra Thorne was ..."
    from storyline.consolidate.brief import full_names
    from storyline.records import Entity, SummarySentence

    ents = [Entity(id="e1", name="Ezra Thorne", label="PERSON", aliases=("Thorne",), mentions={"a": 1, "b": 9})]
    texts = {"a": "In 1790 Gov. Ezra Thorne signed the charter.",
             "b": "Sen. Thorne toured the valley. Thorne was greeted by farmers."}
    out = full_names([SummarySentence(text="Thorne was greeted by farmers.", article_id="b"),
                      SummarySentence(text="Thorne signed the charter.", article_id="a")], ents, texts)
    assert [s.text for s in out] == ["Thorne was greeted by farmers.",        # its article names no Ezra
                                     "Ezra Thorne signed the charter."]       # its article does
    # a headline taken from the first summary sentence: so too
    from storyline.consolidate.brief import _full_headline
    from storyline.records import Article

    arts = [Article(id=k, text=t) for k, t in texts.items()]
    assert _full_headline("Thorne greeted by farmers", arts, ents, out, texts) == "Thorne greeted by farmers"


def test_a_surname_that_is_a_month_is_no_name_where_it_is_written_as_a_date() -> None:
    # "warned Iran's leaders Tuesday (May 7, 2019)" had become "... (Helen May 7, 2019)"
    from storyline.consolidate.brief import full_names
    from storyline.records import Entity, SummarySentence

    ents = [Entity(id="e1", name="Helen May", label="PERSON", mentions={"a": 4, "b": 2})]
    out = full_names([SummarySentence(text="The minister warned the unions Tuesday (May 7, 2019) of cuts."),
                      SummarySentence(text="The strike began in May and ended on 3 May."),
                      SummarySentence(text="May said the talks would go on.")], ents)
    assert [s.text for s in out] == ["The minister warned the unions Tuesday (May 7, 2019) of cuts.",
                                     "The strike began in May and ended on 3 May.",
                                     "Helen May said the talks would go on."]
    # a surname beside another person's is a name; a month beside another month is a date
    out = full_names([SummarySentence(text="Talks ran from March and May into June."),
                      SummarySentence(text="Okafor and May met the unions on Tuesday.")], ents)
    assert [s.text for s in out] == ["Talks ran from March and May into June.",
                                     "Okafor and Helen May met the unions on Tuesday."]


def test_a_brief_opening_on_a_bare_surname_names_the_person_in_full() -> None:
    arts = [storyline.Article(id=f"a{k}", source=f"s{k}", published=date(1998, 11, 24), text=t) for k, t in enumerate([
        "Lahoud is to be sworn in for a six-year term on Nov. 24, the day President Elias Hrawi leaves "
        "office. Army commander Emile Lahoud won the backing of Syria.",
        "Lahoud is to be sworn in for a six-year term on Nov. 24 in Beirut. Parliament elected Emile Lahoud "
        "with 118 votes."])]
    b = storyline.brief(arts)
    assert b.summary[0].text.startswith("Emile Lahoud is to be sworn in")
    assert b.headline.startswith("Emile Lahoud is to be sworn in")


def test_a_connective_set_off_early_leans_back_and_a_title_abbreviation_ends_no_sentence() -> None:
    from storyline.analyze.sentences import split_sentences
    from storyline.consolidate.summary_text import leans_back

    assert leans_back("The Islamic-oriented Virtue Party, however, withheld immediate support.")
    assert leans_back("Police, meanwhile, arrested two men.")
    assert not leans_back("Mr. Smith, 62, a former commander, said the bill, however long, would pass.")
    text = "The tribunal cleared Cmndr. Zejnil Delalic, of the Bosnian Muslim Army, of responsibility."
    assert len(split_sentences(text, "a")) == 1


def test_a_sentence_about_someone_it_does_not_name_or_a_source_named_before_leans_back() -> None:
    from storyline.consolidate.summary_text import leans_back

    assert leans_back("An Israeli tribunal in 1983 found him indirectly responsible for the massacre.")
    assert leans_back("The newspaper said Prime Minister Netanyahu had agreed.")
    assert leans_back("In the other, Joe Lockhart said the president would veto it.")
    assert not leans_back("Hariri said he would resign.")            # it opens on its person
    # a name that ends as a people's word does ("Gadhafi", like "Israeli") is still a name
    assert not leans_back("Gadhafi underwent surgery last July after injuring his hip.")
    assert leans_back("An Emirati court jailed him for ten years.")     # a people's word before its noun
    assert leans_back("A Sunni cleric later praised him.")
    assert not leans_back("The Israeli cabinet approved Sharon and praised him.")
    assert not leans_back("The newspaper industry said profits fell.")


def test_what_ought_to_be_that_no_one_is_said_to_hold_is_no_report() -> None:
    from storyline.consolidate.summary_text import leans_back

    assert leans_back("The International Monetary Fund should calm investors by coming up with a bailout.")
    assert not leans_back("Officials said the bridge should be closed for a week.")
    assert not leans_back("Residents must leave their homes by Friday, the mayor ordered.")
    assert not leans_back("Under the plan, banks must hold more capital.")


def test_a_should_with_a_time_is_an_expectation_not_an_opinion() -> None:
    from storyline.consolidate.summary_text import leans_back

    assert not leans_back("The storm should reach the Florida coast late on Tuesday.")
    assert not leans_back("Repairs to the bridge should be completed by Friday.")


def test_a_brief_does_not_announce_what_later_articles_report_as_done() -> None:
    a = _art("a", "The Truth and Reconciliation Commission will release its final report on Thursday, its chairman "
                  "said. The report covers 34 years of apartheid abuses. Former president F.W. de Klerk has "
                  "threatened to sue.", day=27)
    b = _art("b", "The Truth and Reconciliation Commission released its final report on Thursday, blaming the "
                  "former government for most abuses. De Klerk won a court order blocking a passage about him. The "
                  "report covers 34 years of apartheid abuses.", day=30)
    a = dataclasses.replace(a, published=date(1998, 10, 27))
    b = dataclasses.replace(b, published=date(1998, 10, 30))
    texts = [s.text for s in storyline.brief([a, b]).summary]
    assert any("released its final report" in t for t in texts), texts
    assert not any("will release" in t for t in texts), texts


def test_a_closing_he_said_names_the_speaker_its_article_resolves() -> None:
    from storyline.analyze.analyze import analyze_article
    from storyline.consolidate.brief import named_speakers
    from storyline.records import SummarySentence

    text = ("Scott Marshall, a state biologist, spoke to the council on Monday. Alaska's salmon rivers are "
            "pristine and free of dams, he said. The council voted to study the dams.")
    a = _art("a", text)
    start = text.index("Alaska")
    end = text.index("The council")
    s = SummarySentence(text=text[start:end].strip(), article_id="a", start=start, end=end - 1)
    (out,) = named_speakers([s], {"a": analyze_article(a)})
    assert out.text == "Alaska's salmon rivers are pristine and free of dams, Scott Marshall said."
    # a pronoun the article does not resolve stays as written
    t2 = "The council met on Monday. The plan is sound, he said."
    b = _art("b", t2)
    s2 = SummarySentence(text="The plan is sound, he said.", article_id="b", start=t2.index("The plan"), end=len(t2))
    assert named_speakers([s2], {"b": analyze_article(b)})[0].text == "The plan is sound, he said."


def test_a_sentence_opening_on_a_decision_it_does_not_name_leans_back() -> None:
    from storyline.consolidate.summary_text import leans_back

    assert leans_back("The decision was made at this year's climate conference in Bali.")
    assert leans_back("The announcement was made after two weeks of talks.")
    assert not leans_back("The climate conference in Bali came to a conclusion on Saturday.")


def test_an_act_told_before_leans_back() -> None:
    """"The postponement would effectively leave the exemptions in place" tells of a postponement
    the reader has not been told of: it opens no summary."""
    from storyline.consolidate.summary_text import leans_back

    assert leans_back("The postponement would effectively leave the exemptions in place.")
    assert leans_back("The remarks came a day after the vote.")
    assert not leans_back("The White House postponed the tariffs on Monday.")
    # a body named before ("The party alleged ...", "The company said ...")
    assert leans_back("The party alleged that top officials conspired with Russia.")
    assert not leans_back("The Democratic Party alleged that top officials conspired with Russia.")


def test_a_picture_told_in_the_present_is_a_caption():
    from storyline.consolidate.summary_text import caption_like

    assert caption_like("President Trump addresses the media as he met with Japanese Prime Minister Shinzo Abe "
                        "at his Mar-a-Lago estate.")
    assert caption_like("Japanese Prime Minister Shinzo Abe speaks during a news conference in Tokyo.")
    assert not caption_like("Trump holds the key to the deal, officials said on Monday.")


def test_what_the_latest_article_says_after_its_lead_follows_the_lead():
    from storyline.consolidate.brief import around_latest
    from storyline.records import SummarySentence

    fire = SummarySentence(text="The blaze began late on Monday.", article_id="a", start=0, end=31)
    mayor = SummarySentence(text="Mayor Tobias Fenwick said Adler had done the right thing.", article_id="c",
                            start=120, end=176)
    lead = SummarySentence(text="Sven Adler resigned on Monday over the fire.", article_id="c", start=0, end=44)
    assert [s.text for s in around_latest([mayor, fire], [lead])] == [fire.text, lead.text, mayor.text]


def test_a_name_with_a_middle_initial_is_not_expanded_again() -> None:
    from storyline.consolidate.brief import full_names
    from storyline.records import Entity, SummarySentence

    ents = [Entity(id="e1", name="Robert F. Furchgott", label="PERSON", mentions={"a": 3})]
    out = full_names([SummarySentence(text="Robert F. Furchgott won the Nobel Medicine Prize.")], ents)
    assert out[0].text == "Robert F. Furchgott won the Nobel Medicine Prize."


def test_a_tokenized_hyphen_is_shown_as_a_hyphen_but_a_spaced_dash_of_raw_text_stays():
    from storyline.consolidate.summary_text import display_text

    assert display_text("Officials released the so - called memos on Thursday .") == \
        "Officials released the so-called memos on Thursday."
    assert display_text("The report - released Monday - said prices rose.") == \
        "The report - released Monday - said prices rose."


def test_a_shortened_place_word_and_a_names_head_word_tell_one_place_and_its_kind():
    """"Mt Cook" in one report and "Mount Cook" in another are one mountain, "East 5th Ave" and
    "East Fifth Avenue" one street; a name whose last word is a ridge is a place even where the
    tagger read a body ("Zurbriggens Ridge"), one whose last word is an award is no person ("Tony
    Awards"), a patrol is a body ("California Highway Patrol"); "Main St" is no saint."""
    a = storyline.Article(id="a", title="t", published=date(2024, 1, 5), source="A",
                          text="A climber died on Mt Cook after a fall from Zurbriggens Ridge. He had hosted "
                               "a Tony Awards party on Main St in Perth and lived on East 5th Ave.")
    b = storyline.Article(id="b", title="t", published=date(2024, 1, 6), source="B",
                          text="Rescuers searched Mount Cook for a second day. His flat on East Fifth Avenue was "
                               "empty, the California Highway Patrol said.")
    mentions = [_m(a, "Mt Cook", "LOC"), _m(a, "Zurbriggens Ridge", "ORG"), _m(a, "Tony Awards", "PERSON"),
                _m(a, "Main St", "LOC"), _m(a, "Perth", "LOC"), _m(a, "East 5th Ave", "LOC"),
                _m(b, "Mount Cook", "LOC"), _m(b, "East Fifth Avenue", "LOC"),
                _m(b, "California Highway Patrol", "LOC")]
    ents = {e.name: e for e in _entities([a, b], mentions)}
    assert ents["Mount Cook"].aliases == ("Mt Cook",) and sorted(ents["Mount Cook"].mentions) == ["a", "b"]
    street = [e for e in ents.values() if "East 5th Ave" in (e.name, *e.aliases)]
    assert len(street) == 1 and sorted(street[0].mentions) == ["a", "b"]
    assert ents["Zurbriggens Ridge"].label == "LOC"
    assert ents["Tony Awards"].label == "MISC"
    assert ents["California Highway Patrol"].label == "ORG"
    assert "Main St" in ents
    from storyline.consolidate.entities import name_tokens
    assert name_tokens("Mt Cook", short_forms=False) == ("mt", "cook")   # the coreference models' reading


def test_a_day_after_a_name_and_another_titled_speaker_are_no_part_of_a_name() -> None:
    """"at the Wasilla Bible Church Friday night": the day is no part of the church's name ("Good
    Friday" stays a day's name); "an offer to Mark Vale, general manager Tony Reed said": the title
    is Reed's, not an apposition to Vale."""
    got = {(m.text, m.role) for m in storyline.recognize_entities(
        "No one was hurt in the St. Mary Church Sunday, the chief said. The Owls made an offer "
        "to Mark Vale, general manager Tony Reed said Friday.")}
    assert ("St. Mary Church", None) in got
    assert ("Mark Vale", None) in got and ("Tony Reed", "general manager") in got


def test_a_police_rank_is_no_part_of_the_name_shown() -> None:
    """"California Highway Patrol Officer Ray Dunmore said": the man is Ray Dunmore (the name shown
    had been "Patrol Officer Ray Dunmore"), an officer."""
    a = storyline.Article(id="a", title="t", published=date(2024, 3, 2), source="s",
                          text="The player failed sobriety tests shortly after 2 a.m., California Highway Patrol "
                               "Officer Ray Dunmore said. Dunmore said the player was released.")
    b = storyline.Article(id="b", title="t", published=date(2024, 3, 2), source="t",
                          text="Officer Ray Dunmore said the player was booked into jail on Sunday.")
    people = {e.name: e for e in storyline.brief([a, b]).entities if e.label == "PERSON"}
    assert "Ray Dunmore" in people and "Officer" in people["Ray Dunmore"].roles
    assert sorted(people["Ray Dunmore"].mentions) == ["a", "b"]
    # a rank opening a body's name stays in it: two associations, not one; a list word opens no body
    c = storyline.Article(id="c", title="t", published=date(2024, 3, 2), source="u",
                          text="The Deputy Sheriffs Association said it would sue. The STOP Foundation said it would sue too.")
    d = storyline.Article(id="d", title="t", published=date(2024, 3, 2), source="v",
                          text="The Sheriffs Association met on Monday to discuss the suit.")
    names = {e.name for e in storyline.brief([c, d]).entities}
    assert {"Deputy Sheriffs Association", "Sheriffs Association", "STOP Foundation"} <= names


def test_a_lists_headings_in_capitals_are_no_names_and_no_speakers() -> None:
    """A page of do's and don'ts: "DO Keep jokes tight" had made "DO Keep" a person who "jokes", and
    the next "he joked" his; "DO Channel Johnny Carson" names Johnny Carson alone."""
    text = ("The host has a list of dos and don'ts.\nDO Keep jokes tight, snappy and to the point.\n"
            "Stewart pulled off a miracle last year.\nDO Channel Johnny Carson.\n"
            "Carson is considered the epitome of the host.\n"
            "“I see some new faces here,” he joked in one opening speech.")
    names = {m.text for m in storyline.recognize_entities(text)}
    assert "Johnny Carson" in names and not any(n.startswith(("DO ", "Keep")) for n in names)
    assert not any("Keep" in (q.speaker or "") or "Keep" in (q.speaker_resolved or "")
                   for q in storyline.extract_quotes(text))
    assert [q.speaker for q in storyline.extract_quotes("Brown says he will run for the seat.")] == ["Brown"]


def test_a_role_before_a_name_that_a_verb_makes_its_object_is_no_title() -> None:
    """"widow of a sheriff's deputy Nichols murdered": the deputy is the one he murdered, no title of
    Nichols (he had been listed as "deputy; court reporter"); "The police chief Mark Jones resigned"
    keeps its title."""
    roles = {m.text: m.role for m in storyline.recognize_entities(
        "“He smirked,” said the widow of a sheriff's deputy Nichols murdered. The police chief Mark Jones "
        "resigned on Friday.")
        if m.label == "PERSON"}
    assert roles.get("Nichols") is None
    assert roles.get("Mark Jones") == "police chief"
    # a participle is no verb with an object missing: the title stays
    roles = {m.text: m.role for m in storyline.recognize_entities(
        "A statue honors the civil rights leader Medgar Evers murdered in 1963.") if m.label == "PERSON"}
    assert roles.get("Medgar Evers") == "civil rights leader"


def test_a_long_running_story_dates_each_summary_sentence_and_a_short_one_does_not() -> None:
    """Months of polls: "Among likely voters, Lint and Brae are tied." must say when it held; a story
    of two days needs no dates beside its sentences."""
    from storyline.serve.render import reported_on

    texts = [("A Varn Institute poll released Thursday showed Mara Lint leading Tom Brae among likely voters in "
              "Dorne, 46 percent to 40 percent. The poll of 800 voters has a margin of error of 3 points.",
              date(2016, 3, 3)),
             ("A new Varn Institute poll released Friday showed Mara Lint and Tom Brae tied among likely voters in "
              "Dorne at 44 percent each, after the first debate. The poll of 900 voters has a margin of error "
              "of 3 points.", date(2016, 9, 30))]
    arts = [storyline.Article(id=f"p{i}", title=f"Dorne poll {i}", text=t, published=d, source="Varn Post")
            for i, (t, d) in enumerate(texts)]
    b = storyline.brief(arts)
    days = {reported_on(b, s) for s in b.summary}
    assert days and days <= {"2016-03-03", "2016-09-30"}, days
    md = brief_markdown(b)
    summary = md.split("## Summary", 1)[1].split("##", 1)[0]
    assert all(line.startswith(("- *2016-03-03* ", "- *2016-09-30* ")) for line in summary.strip().splitlines())
    assert '<time class="when" datetime="2016-' in brief_html(b)
    short = storyline.brief([dataclasses.replace(a, published=date(2016, 3, 3 + i)) for i, a in enumerate(arts)])
    assert {reported_on(short, s) for s in short.summary} == {""}
    assert "<time class=\"when\"" not in brief_html(short)


def test_the_president_speaks_as_the_one_president_the_article_named() -> None:
    one = ("President Tomas Varga of Molvania met the envoy on Monday. "
           "The president said the border would stay open for trucks.")
    two = ("President Tomas Varga of Molvania met President Ilse Brandt of Ostria on Monday. "
           "The president said the border would stay open for trucks.")
    for text, who in ((one, "Tomas Varga"), (two, None)):
        arts = [storyline.Article(id=f"a{k}", source=f"paper{k}", published=date(2024, 3, 4), text=text)
                for k in range(2)]
        groups = storyline.brief(arts).quotes
        border = [g for g in groups if any("border would stay open" in q.text for q in g.quotes)]
        if who:
            assert border and border[0].speaker == who
        else:  # two presidents: no one's name for sure
            assert all(g.speaker not in ("Tomas Varga", "Ilse Brandt") for g in border)


def test_the_president_is_no_vice_president_former_president_or_club_president() -> None:
    for text in ("Vice President Ann Holt met the envoy on Monday. \"We will not yield,\" the president said.",
                 "President Ilse Brand spoke on Monday. \"I will run again,\" the former president said.",
                 "Jan Kowal, the club's president, spoke on Monday. \"It is a great day for the nation,\" "
                 "the president said."):
        arts = [storyline.Article(id=f"a{k}", source=f"paper{k}", published=date(2024, 3, 4), text=text)
                for k in range(2)]
        names = [g.speaker for g in storyline.brief(arts).quotes]
        assert not set(names) & {"Ann Holt", "Ilse Brand", "Jan Kowal"}, (text, names)


def test_a_scraped_pages_byline_and_highlights_open_no_summary_sentence_or_headline() -> None:
    # scraped pages run a byline and the story's highlights, which have no marks between them,
    # into the first sentence; the news starts after the agency's dateline or the byline's outlet
    page = ("By the Metro Wire Staff Harbor bridge closed after crane collapse NEW : Ferry service doubled "
            "for commuters Engineers say repairs may take weeks Port Alder , Wessex -LRB- CNN -RRB- -- "
            "A construction crane collapsed onto the Harbor Bridge in Port Alder on Tuesday, closing it "
            "to traffic for at least three weeks.\n"
            "City engineers said the bridge's main span was not damaged but its deck must be rebuilt.\n"
            "The city doubled its ferry service for commuters on Wednesday.\n")
    column = ("March 3 , 2024 | By Nadia Korven , CNN The crane's operator was taken to hospital with minor "
              "injuries, the city said.\nInvestigators are examining the crane's cables and its load records.\n")
    arts = [storyline.Article(id="p1", text=page, published=date(2024, 3, 5), title=None, source="a"),
            storyline.Article(id="p2", text=column, published=date(2024, 3, 5), title=None, source="b")]
    b = storyline.brief(arts)
    assert b.summary
    for s in b.summary:
        assert not s.text.startswith("By ") and "Wire Staff" not in s.text and "|" not in s.text, s.text
        assert "-LRB-" not in s.text and "(CNN)" not in s.text, s.text
    assert b.headline.startswith(("A construction crane collapsed", "The crane's operator")), b.headline
    assert any(s.text.startswith("A construction crane collapsed onto the Harbor Bridge") for s in b.summary)
    one = [s for s in storyline.summarize(arts[1:], max_words=40) if "operator" in s.text]
    assert one and one[0].text.startswith("The crane's operator was taken to hospital"), one
    # offsets still point at the words shown
    assert column[one[0].start:one[0].start + 20] == one[0].text[:20]
    # a byline whose outlet is not written gives no end: the sentence is left as it is
    from storyline.consolidate.summary_text import trim_span
    t = "By Ann Lee and Tom Ward Harbor officials reopened the bridge on Friday."
    assert trim_span(t, lead=True, attributions=False)[0] == 0
    # an agency's mark inside a quotation is quoted, no dateline
    for t in ["The ministry said a post under the line 'Dunmore (AP) - Militants attacked' was false.",
              'The post read: "Dunmore (AP) - Two explosions shook the port," and was deleted.']:
        assert trim_span(t, lead=True, attributions=False)[0] == 0, t
    # a dateline written twice: the news starts after the agency's
    t = "BRENNICK, Wessex -- BRENNICK, Wessex (AP) -- Crews sealed the last tank car on Wednesday."
    i, j, _ = trim_span(t, lead=True, attributions=False)
    assert t[i:j].startswith("Crews sealed"), t[i:j]
    from storyline.analyze.sentences import byline_end
    for t, rest in [("By MARA VOSS, Associated Press Writer The storm reached the coast.", "The storm"),
                    ("From Ivo Tanner, CNN Hundreds of workers marched on Thursday.", "Hundreds"),
                    ("By Ruth Amsel Science correspondent, BBC News The survey found five wrecks.", "The survey"),
                    ("From Monday, the city will close roads, CNN reported.", "From Monday"),
                    ("By Ivo Tanner , CNN National Security Producer The drone flew for 30 hours.", "The drone"),
                    # a day or a place, then the outlet's reporter, is the sentence itself
                    ("By Friday, CNN Correspondent Lena Marsh had reached the border town.", "By Friday"),
                    ("From Dunmore, CNN Correspondent Lena Marsh reported that the port reopened.", "From Dunmore")]:
        assert t[byline_end(t):].startswith(rest), t
    # the analysis gives the story no names from a byline: the writer is no one in it
    from storyline.analyze.analyze import analyze_article
    names = {m.text for m in analyze_article(arts[1]).mentions}
    assert "Nadia Korven" not in names


def test_a_videos_blurb_is_no_summary_sentence() -> None:
    from storyline.consolidate.summary_text import caption_like

    for blurb in ("The BBC's Lena Marsh reports from a field hospital in the flooded town of Dunmore.",
                  "Ivo Tanner describes the scenes at the Brennick rail crossing after the derailment.",
                  "Hydrologist Ana Petrova explains how the new flood wall will hold back the river.",
                  "Ivo Tanner has more on the clean-up along the Ost valley line."):
        assert caption_like(blurb), blurb
    for news in ("Reuters reports that the minister resigned on Monday after the vote.",
                 "Northline reports a loss of 40 million euros for the quarter after the derailment.",
                 "Mayor Helen Marsh describes the plan as a disaster for the town and its harbour.",
                 "The company reports its results on Monday, a week later than planned.",
                 # "has more than", a report's modifier, a one-word maker, a day, an attribution
                 "Northline has more than 2,000 wagons on the valley lines and more on order.",
                 "Helen Marsh has more votes than any other candidate in the valley.",
                 "Witness reports on how the fire started have given different versions.",
                 "Carrow Securities reports on Tuesday, with analysts expecting a weak quarter.",
                 "Dunmore Bank explains why it closed the branch in a letter to customers."):
        assert not caption_like(news), news
    text = ("Ivo Tanner reports from the flooded valley town of Dunmore, where the river broke its banks.\n"
            "The Ost river burst its banks at Dunmore on Monday, flooding 300 homes, the council said.\n"
            "Crews evacuated the riverside streets overnight and opened two shelters.\n")
    other = ("The Ost river flooded 300 homes in Dunmore on Monday after days of rain, the council said.\n"
             "Two shelters opened in the town hall and a school, and crews pumped water through the night.\n")
    b = storyline.brief([storyline.Article(id="v1", text=text, published=date(2024, 3, 5), source="tv"),
                         storyline.Article(id="v2", text=other, published=date(2024, 3, 5), source="paper")])
    assert b.summary and not any("reports from" in s.text for s in b.summary)
    assert "reports from" not in b.headline


def test_a_blog_entrys_author_and_time_stamp_open_no_sentence() -> None:
    from storyline.consolidate.summary_text import trim_span

    for t in ("Lena Marsh | 09:51 UK time , Friday , 28 May 2010 Commentators react to the closing of the line .",
              "Ivo Tanner | 14:19 GMT, Monday, 25 January 2010 The valley radio began a daily bulletin for Dunmore."):
        for lead in (True, False):  # a blog's every entry opens so
            i, j, _ = trim_span(t, lead=lead, attributions=False)
            assert t[i:].startswith(("Commentators react", "The valley radio")), t[i:j]
    t = "Prices rose | 09:43 on Monday as traders bought shares of the rail operator."
    assert trim_span(t, lead=True, attributions=False)[0] == 0


def test_a_cited_passage_of_a_tokenized_text_reads_in_ordinary_typography():
    from storyline.serve.render import passages_for

    text = ("Dock workers at the port 's owner -LRB- Harbourton Docks -RRB- walked out on Thursday , the union "
            "said . `` We do n't move until the pay is fixed , '' a crane driver said .")
    a = storyline.Article(id="k1", source="wire", published=date(2024, 5, 2), text=text)
    b = storyline.brief([a])
    shown = " ".join(passages_for(b, {"k1": text}).values())
    assert "(Harbourton Docks)" in shown and "-LRB-" not in shown and "do n't" not in shown


def test_a_quote_of_several_paragraphs_stays_inside_its_markdown_list_item():
    from storyline.records import Brief, Citation, Quote, QuoteGroup

    said = "We will not go back.\n\nNot until the pay is fixed, and not one of us will."
    q = Quote(start=0, end=len(said), text=said, speaker="Nora Feld", article_id="a1")
    b = Brief(story_id="s", headline="Dock strike", articles=({"id": "a1", "source": "wire"},),
              quotes=(QuoteGroup(speaker="Nora Feld", quotes=(q,), citations=((Citation("a1", 0, len(said)),),)),))
    md = brief_markdown(b)
    part = md.split("## Who said what", 1)[1].split("\n## ", 1)[0]
    lines = [ln for ln in part.splitlines() if ln.strip()]
    assert all(ln.startswith(("- ", "  - ")) for ln in lines), lines
    assert any("We will not go back. Not until the pay is fixed" in ln for ln in lines)


def test_a_blogs_reader_comments_stamped_with_ordinal_days_are_not_its_reporting():
    from storyline.analyze.sentences import comments_start

    body = ("Dock workers at Harbourton walked out on Thursday, halting every crane, the union said. "
            "The strike is the first at the port in twelve years.")
    tail = ("\nMay 3rd , 2024 12:47 pm ET The owners are greedy and everyone knows the port is finished."
            "\nMay 4th, 2024 5:12 am ET Funny how nobody reports what the drivers earn.")
    assert comments_start(body + tail) == len(body)
    a = storyline.Article(id="bl", source="blog", published=date(2024, 5, 3), text=body + tail)
    assert not any("greedy" in s.text or "Funny" in s.text for s in storyline.brief([a]).summary)


_NEWS = [storyline.Article(id=f"n{k}", source=f"paper{k}", published=date(2024, 5, 6), title=f"Ferry strike day {k}",
                           text="Ferry crews in Tolvar walked off the job on Monday, halting every crossing to the "
                                "islands, the union said. The ferry company said talks would resume on Tuesday. "
                                "About 4,000 passengers were stranded at the Tolvar terminal overnight.")
         for k in range(2)]
_COMMENTS = storyline.Article(
    id="c", source="forum", published=date(2024, 5, 7), title="Your stories of the ferry strike",
    text=" ".join([
        "Send us your stories of the ferry strike.",
        "My sister and I waited at the Tolvar terminal on Monday for nine hours.",
        "I think the crews are right to strike.",
        "My daughter told me: \"We will sleep on the benches.\"",
        "I have never seen the terminal so full.",
        "The strike came as a bolt from the blue for the islanders.",
        "The island school shut its gates on Tuesday for want of teachers.",
        "I drove home in the end.",
        "My neighbour said the ferry company never listens to its crews.",
        "I hope it ends soon.",
        "I missed my brother's wedding on the island.",
        "My boss was not happy with me.",
        "I will take the plane next time.",
        "Thank you for all your stories.",
    ]))


def test_a_page_of_readers_comments_gives_no_summary_timeline_or_quotes():
    brief = storyline.brief([*_NEWS, _COMMENTS])
    cited = {c.article_id for s in brief.summary for c in s.citations}
    assert cited and "c" not in cited
    assert all(c.article_id != "c" for e in brief.timeline for c in e.citations)
    assert all(c.article_id != "c" for g in brief.quotes for cs in g.citations for c in cs)
    assert not any("waited at the Tolvar terminal" in e.text for e in brief.timeline)


def test_a_first_person_account_in_a_report_dates_no_event_but_a_war_named_with_a_numeral_does():
    report = storyline.Article(
        id="r", source="paper", published=date(2024, 5, 6), title="Ferry strike",
        text="Ferry crews in Tolvar walked off the job on Monday, halting every crossing, the union said. "
             "My partner and I returned to Tolvar on Sunday to find the terminal closed. "
             "The crossing first opened after World War I ended in 1918.")
    texts = [e.text for e in storyline.timeline([report])]
    assert any("walked off the job" in t for t in texts)
    assert not any("My partner and I" in t for t in texts)
    assert any("World War I ended" in t for t in texts)


def test_a_subordinate_clause_alone_is_no_summary_sentence():
    arts = [storyline.Article(id=f"v{k}", source=f"paper{k}", published=date(2024, 5, 6), title=f"Ferry {k}",
                              text="Ferry crews in Tolvar walked off the job on Monday, halting every crossing to the "
                                   "islands. When the ferry company pays the overtime it owes. In order to see this "
                                   "content you need to have both Javascript enabled and Flash installed. The ferry "
                                   "company said talks would resume on Tuesday.")
            for k in range(3)]
    said = " ".join(s.text for s in storyline.brief(arts).summary)
    assert "walked off the job" in said
    assert "When the ferry company pays" not in said and "Javascript" not in said


def test_a_video_players_notice_is_page_furniture():
    from storyline.consolidate.summary_text import is_furniture

    assert is_furniture("In order to see this content you need to have both Javascript enabled and Flash installed.")
    assert is_furniture("Most computers will open this document automatically, but you may need Adobe Reader.")
    assert not is_furniture("The ferry company said its booking site would reopen on Tuesday.")


def test_a_poll_named_before_by_its_bare_head_leans_back() -> None:
    from storyline.consolidate.summary_text import leans_back
    assert leans_back("The poll has a margin of error of 3 percentage points.")
    assert leans_back("The survey found that 52 percent of voters back the harbour plan.")
    assert leans_back("The margin of error is plus or minus 4 percentage points.")
    assert not leans_back("The poll by the Dover Institute showed Brill leading 46 percent to 44 percent.")
    assert not leans_back("The polls closed at 8 p.m. on Tuesday.")


def test_a_tokenized_texts_spaced_dash_between_words_stays_a_dash():
    """A tokenized text splits "so - called" but sets its dashes off too: a spaced hyphen before a word
    that opens a clause is a dash (and the one closing that aside), as is every spaced hyphen of a text
    that keeps its hyphens inside words; chains ("hit - and - run") and units still join."""
    from storyline.consolidate.summary_text import display_text

    for given, shown in (
            ("Shares in Corvane - which owns the quarry - fell 5 % .",
             "Shares in Corvane - which owns the quarry - fell 5%."),
            ("The clean-up crew - its boats idle - waited , officials said .",
             "The clean-up crew - its boats idle - waited, officials said."),
            ("The clean-up crew - local fishermen - waited , officials said .",
             "The clean-up crew - local fishermen - waited, officials said."),  # it keeps hyphens in words
            ("It was a hit - and - run near the state - of - the - art depot , police said .",
             "It was a hit-and-run near the state-of-the-art depot, police said."),
            ("A 41 - year - old on anti - piracy duty was hurt , police said .",
             "A 41-year-old on anti-piracy duty was hurt, police said."),
            ("March 9 - Rebels took the port , officials said .",
             "March 9 - Rebels took the port, officials said."),  # a capital after a number
            ("It came as a relief - Officials said so , and the pro - Western side agreed .",
             "It came as a relief - Officials said so, and the pro-Western side agreed."),
            ("Corvane - In May the quarry flooded , it said .",
             "Corvane - In May the quarry flooded, it said."),
            ("The know - it - all from Jean - Luc 's office , he said .",
             "The know-it-all from Jean-Luc's office, he said."),
    ):
        assert display_text(given) == shown, given


def test_a_tokenized_texts_pound_sign_is_a_pound_sign():
    from storyline.consolidate.summary_text import display_text

    assert display_text("Fines of $ 90m -LRB- # 55m -RRB- were paid .") == "Fines of $90m (£55m) were paid."
    assert display_text("The firm , which has lost # 12bn , said so .") == "The firm, which has lost £12bn, said so."
    assert display_text("Ranked # 1 in the poll.") == "Ranked # 1 in the poll."    # not tokenized: left
    assert display_text("Tag # 5 went missing.") == "Tag # 5 went missing."


def test_a_family_name_put_first_is_given_the_full_name_once() -> None:
    from storyline.consolidate.brief import full_names
    from storyline.records import Entity, SummarySentence

    people = [Entity(id="p1", name="Qiu Mingde", label="PERSON", aliases=("Qiu",), mentions={"a": 9}),
              Entity(id="p2", name="Lena Brandt", label="PERSON", aliases=("Brandt",), mentions={"a": 4})]

    def said(*texts: str) -> list[str]:
        return [s.text for s in full_names([SummarySentence(text=t, article_id="a", start=0, end=len(t))
                                            for t in texts], people)]

    # "Qiu" is the family name the story writes alone: the first bare mention gets the full name
    assert said("Qiu was tried on Monday.", "Qiu denied the charge.") == [
        "Qiu Mingde was tried on Monday.", "Qiu denied the charge."]
    # named in full first, the bare family name after it stays
    assert said("Qiu Mingde was tried on Monday.", "Qiu denied the charge.") == [
        "Qiu Mingde was tried on Monday.", "Qiu denied the charge."]
    assert said("Brandt spoke.") == ["Lena Brandt spoke."]


def test_a_fact_box_run_into_a_sentence_is_page_furniture() -> None:
    from storyline.consolidate.summary_text import is_furniture
    for t in ("Born : March 3 , 1961 , Kelby , Ostland Also known as : The Queen of Swing Best-known songs : "
              "Blue Harbor She met the press on Friday .",
              "Age: 41 Hometown: Kelby Occupation: crane driver",
              "Vesk : Tour goes on Daughter : Mother ` was tired ' Rell : No funeral plans The band flew home."):
        assert is_furniture(t), t
    # prose with colons: a speaker's words, a title, a list after a clause
    for t in ("Rell added: \"Time: that is what she lacked.\"",
              "The scientist asks: what would Plato say: nothing.",
              "It recalls a line from ``Harbor Nights: The Movie'': ``Stay.''",
              "She had one request: Tell no one: not even the band."):
        assert not is_furniture(t), t


def test_a_fact_box_gives_no_timeline_entry_nor_quote() -> None:
    box = ("Born : March 3 , 1961 , Kelby , Ostland Also known as : The Queen of Swing Best-known songs : Blue "
           "Harbor , Night Train She met the press to `` clear up some rumours '' , her manager Tomas Rell said.")
    a = storyline.Article(id="v1", source="daily", url=None, title="Singer Ada Vesk dies", published=date(2031, 6, 28),
                          text="Ada Vesk, the jazz singer, died on Thursday at her home in Dorn. " + box
                          + " Rell said the family would hold a funeral on Monday.")
    b = storyline.Article(id="v2", source="wire", url=None, title=None, published=date(2031, 6, 28),
                          text="Ada Vesk died on Thursday, her manager said. The funeral is set for Monday in Dorn.")
    brief = storyline.brief([a, b])
    assert brief.timeline and not any("Also known as" in e.text for e in brief.timeline)
    quotes = [q.text for g in brief.quotes for q in g.quotes]
    assert quotes and not any("Also known as" in q for q in quotes)


def test_a_chronologys_days_are_no_fact_box() -> None:
    from storyline.consolidate.summary_text import label_run
    assert not label_run("June 25 : Vesk dies in Dorn 7 June 2031 : Rell names a date for the funeral")
    assert label_run("Age: 41 Hometown: Kelby")


def test_an_entitys_role_is_shown_in_ordinary_typography_as_its_article_writes_it():
    """A role is read from the article's words and joined as tokens; the brief shows it as written
    ("head of Norland's Western Fleet", not "Norland 's"), as it shows a quote's speaker."""
    t1 = ("The frigate Tamsin sank in the Orrel Sea on Monday. But Vice-Admiral Pim Vosk, the head of Norland's "
          "Western Fleet, said earlier that there was still hope for the crew. Rescue boats searched the water.")
    t2 = ("The frigate Tamsin sank in the Orrel Sea on Monday, Vice-Admiral Pim Vosk, the head of Norland's "
          "Western Fleet, said. Vosk said 40 sailors were rescued by fishing boats near Harlby.")
    b = storyline.brief([storyline.Article(id="a", published=date(2024, 2, 6), source="wire", text=t1),
                         storyline.Article(id="b", published=date(2024, 2, 6), source="post", text=t2)])
    roles = [r for e in b.entities for r in e.roles]
    assert any("Norland's Western Fleet" in r for r in roles), roles
    assert not any(" 's" in r for r in roles), roles


def test_a_first_mentions_time_phrase_or_a_word_ending_in_its_head_ties_it_to_nothing() -> None:
    """"The port reopened" still points back after "... on Monday" (the first mention "the port on Monday"
    tells when, not what port) and after "support" (no compound of "port"), "million" or "partnership"."""
    from storyline.consolidate.brief import unresolved_references

    port = storyline.Article(id="t1", text="Ships crowded the port on Monday. Trade stalled. The port reopened on Friday.")
    then = _said("The port reopened on Friday.", port)
    for said in ("Velk closed its borders on Monday.", "Velk closed its borders in March 2019.",
                 "Velk pledged support for Dorn."):
        first = storyline.Article(id="t2", text=said)
        assert unresolved_references([_said(said, first), then], [first, port]) == {("t1", then.start, then.end)}, said
    lion = storyline.Article(id="t3", text="A lion escaped from the Dorn zoo. Keepers searched all night. The lion was found.")
    ship = storyline.Article(id="t4", text="A cargo ship ran aground. Crews worked all night. The ship was refloated.")
    for said, art, text in (("Dorn raised $3 million for its zoo.", lion, "The lion was found."),
                            ("Velk signed a partnership with Dorn.", ship, "The ship was refloated.")):
        first, s = storyline.Article(id="t5", text=said), _said(text, art)
        assert unresolved_references([_said(said, first), s], [first, art]) == {(art.id, s.start, s.end)}, said


def test_a_lower_case_pages_later_sentence_keeps_its_opening_words() -> None:
    """Only a page's lead opens on its dateline: "Yesterday -- a day after ..." later on keeps "Yesterday"."""
    a = storyline.Article(id="lc2", text="Dorn (reuters) - the drone that crossed into ostland on saturday exposed "
                          "its weak air defences, an official said on monday. ostland has asked for new radar "
                          "stations along its coast, the ministry said. Yesterday -- a day after the crossing, the "
                          "army said it had found the wreck of a second drone near the border.")
    b = storyline.brief([a], max_words=200)
    assert b.summary[0].text.startswith("The drone"), b.summary
    assert any("Yesterday -- a day after" in s.text for s in b.summary), b.summary


def test_a_brief_sentence_opens_on_a_capital_as_its_summary_reads_it() -> None:
    """A sentence opens on a capital whatever its first word's hyphen or apostrophe ("e-mail messages ..." ->
    "E-mail messages ..."), in the brief's headline as in its summary; a first word with a capital inside
    ("eBay") keeps its case."""
    from storyline.consolidate.summary_text import sentence_case

    assert sentence_case("e-mail messages show the mayor knew.") == "E-mail messages show the mayor knew."
    assert sentence_case("o'hara said no.") == "O'hara said no."
    assert sentence_case("eBay said no.") == "eBay said no." and sentence_case("3d printers sold out.") == "3d printers sold out."
    rest = (" The mayor of dorn has denied that he knew of the plan to close the harbour at velm before the vote on"
            " the new budget. The council of dorn will meet again on friday to hear the harbour master and the union"
            " of dock workers, who say the plan would cost the port of velm four hundred jobs by the end of the year.")
    a = storyline.Article(id="ec1", text="Dorn (ap) - e-mail messages show that the mayor of dorn knew of the plan to"
                          " close the harbour at velm a month before the vote." + rest)
    b = storyline.brief([a])
    assert b.headline.startswith("E-mail messages show"), b.headline
    assert b.summary[0].text.startswith("E-mail messages show"), b.summary


def test_a_lower_case_pages_spaced_agency_advertisement_and_caption_are_no_brief_words() -> None:
    """A lower-case page (Multi-News) writes its agency in spaced brackets ("Velm city, vt. ( ap ) — a ..."), an
    advertisement's label before a sentence in lower case ("Advertisement while ...") and a wire photo's caption
    in lower case ("File - in this march 3, 2018, file photo, ..."): a reader's brief shows none of them."""
    from storyline.consolidate.summary_text import lower_caption, lower_dateline_end, lower_furniture_end

    lead = "Velm city, vt. ( ap ) — a bridge over the dorn river will close for a year from monday, officials said."
    assert lead[lower_dateline_end(lead):].startswith("a bridge")
    assert lower_furniture_end("Advertisement while the bridge is shut, ferries will run.") == len("Advertisement ")
    assert lower_furniture_end("Advertisements for the ferry ran all week.") == 0
    assert lower_caption("File - in this march 3, 2018, file photo, ann velk speaks at the bridge in velm.")
    assert not lower_caption("In the third year of work on the bridge, costs rose.")
    text = (lead + " The bridge carries twelve thousand cars a day between velm and the town of ostra, and the"
            " work will mend its cracked piers. File - in this march 3, 2018, file photo, the mayor of velm, ann"
            " velk, speaks with drivers at the bridge in velm city. Advertisement while the bridge is shut,"
            " ferries of the dorn line will carry cars across the river every half hour, the mayor said.")
    b = storyline.brief([storyline.Article(id="lc3", text=text)], max_words=200)
    shown = " ".join(s.text for s in b.summary)
    assert b.summary[0].text.startswith("A bridge over the dorn river"), b.summary
    assert "( ap )" not in shown and "file photo" not in shown.lower() and "Advertisement" not in shown, shown
    assert "While the bridge is shut, ferries" in shown, shown


def test_a_wire_storys_here_is_its_datelines_place_in_a_brief() -> None:
    """A wire story's "here" is the place of its dateline, which a summary does not show: the brief writes it
    after the word ("met here (Velmar, Ostland) on Sunday"); a speaker's "here", "here and there" and a sentence
    naming the town keep their words, and an article without a dateline has no place to give."""
    from storyline.consolidate.summary_text import dateline_place, placed_here

    assert dateline_place("VELMAR, Ostland (AP) _ The ministers met.") == "Velmar, Ostland"
    assert dateline_place("DORN, March 3 (Xinhua) -- The ministers met.") == "Dorn"
    assert dateline_place("The ministers met in Dorn.") is None
    assert placed_here('"We stay here," she said.', "Dorn") == '"We stay here," she said.'
    assert placed_here("Crowds gathered here and there.", "Dorn") == "Crowds gathered here and there."
    assert placed_here("The talks in Dorn ended here.", "Dorn") == "The talks in Dorn ended here."
    a = storyline.Article(id="hr1", published="2031-05-04", text=(
        "VELMAR, Ostland (AP) _ The foreign ministers of Ostland and Norland met here Sunday to end a quarrel over"
        " fishing rights in the Velm Sea. The two ministers agreed to share the catch of herring for five years and"
        " to open talks on the boundary of their waters in June."))
    b = storyline.brief([a])
    assert any("met here (Velmar, Ostland) Sunday" in s.text for s in b.summary), b.summary


def test_here_in_an_idiom_of_time_or_lasting_names_no_place() -> None:
    """"From here on" is a time, "is here to stay" a lasting: neither is the dateline's place; "met here on
    Sunday" is."""
    from storyline.consolidate.summary_text import placed_here

    assert placed_here("From here on, the ferries sail at noon.", "Dorn") == "From here on, the ferries sail at noon."
    assert placed_here("The herring tax is here to stay.", "Dorn") == "The herring tax is here to stay."
    assert placed_here("They met here on Sunday.", "Dorn") == "They met here (Dorn) on Sunday."


def test_a_definite_count_whose_things_the_summary_never_named_points_back() -> None:
    """"The two leaders met ..." and "... afflicted by the four diseases" count things named before: shown without
    them (no names before the phrase in its sentence, no word of the head in the summary before, not right after
    the sentence before it in its article) they point back at nothing the reader saw; "between Ostland and Norland
    ... to the two countries" names its own, and a complement tells which ("the two men accused of ...")."""
    from storyline.consolidate.brief import unresolved_references
    from storyline.consolidate.summary_text import count_definite_heads

    assert count_definite_heads("The two leaders met in Dorn on Monday.") == ["leaders"]
    assert count_definite_heads("Velk offered to mediate between Ostland and Norland and sent envoys to the two "
                                "countries.") == []
    assert count_definite_heads("The two men accused of the theft were freed.") == []
    a = storyline.Article(id="cd1", text="President Ana Velk of Ostland flew to Dorn on Sunday. Premier Jon Hale of "
                          "Norland arrived a day later. The two leaders met on Monday and agreed to share the herring catch.")
    b = storyline.Article(id="cd2", text="Fishing boats from Ostland crowded the port of Dorn on Monday.")
    met = _said("The two leaders met on Monday and agreed to share the herring catch.", a)
    boats = _said("Fishing boats from Ostland crowded the port of Dorn on Monday.", b)
    assert unresolved_references([boats, met], [a, b]) == {(met.article_id, met.start, met.end)}
    hale = _said("Premier Jon Hale of Norland arrived a day later.", a)
    assert unresolved_references([hale, met], [a, b]) == set()   # (the sentence before it in its article)
    velk = _said("President Ana Velk of Ostland flew to Dorn on Sunday.", a)
    assert unresolved_references([velk, boats, met], [a, b]) == {(met.article_id, met.start, met.end)}
    chief = storyline.Article(id="cd3", text="The leaders of Ostland and Norland will meet in Dorn.")
    assert unresolved_references([_said("The leaders of Ostland and Norland will meet in Dorn.", chief), boats, met],
                                 [a, b, chief]) == set()   # (the summary said who the leaders are)


def test_a_definite_count_of_units_of_time_points_back_at_nothing() -> None:
    """"In the two weeks since the flood" counts a span of time, which no sentence before names one by one."""
    from storyline.consolidate.brief import unresolved_references
    from storyline.consolidate.summary_text import count_definite_heads

    assert count_definite_heads("In the two weeks since the flood, Dorn has rebuilt its bridge.") == []
    a = storyline.Article(id="tu1", text="In the two weeks since the flood, Dorn has rebuilt its bridge.")
    assert unresolved_references([_said("In the two weeks since the flood, Dorn has rebuilt its bridge.", a)], [a]) == set()


def test_a_pronoun_subject_after_an_opening_phrase_without_a_comma_points_back() -> None:
    """"On Thursday she won the vote." leans on the woman named before as "On Thursday, she ..." does: shown
    without the sentence before it in its article, it points back at nothing the reader saw."""
    from storyline.consolidate.brief import unresolved_references
    from storyline.consolidate.summary_text import late_pronoun_subject

    assert late_pronoun_subject("On Thursday she won the vote.") and late_pronoun_subject("In 1990 they moved.")
    assert not late_pronoun_subject("On Thursday the council won the vote.")
    a = storyline.Article(id="lp1", text="Ana Velk has fought the Dorn dam for years. On Thursday she won the vote "
                          "in the council of Ostland.")
    b = storyline.Article(id="lp2", text="The council of Ostland voted 40 to 12 against the Dorn dam on Thursday.")
    won, fought = _said("On Thursday she won the vote in the council of Ostland.", a), _said(
        "Ana Velk has fought the Dorn dam for years.", a)
    assert unresolved_references([_said(b.text, b), won], [a, b]) == {(won.article_id, won.start, won.end)}
    assert unresolved_references([fought, won], [a, b]) == set()


def test_a_closing_attribution_to_a_definite_speaker_named_before_points_back() -> None:
    """"..., the spokesman said." names the spokesman its article named before ("Sam Velk, a spokesman for the
    port"): shown without him, it points back; a speaker the article first mentions there, or one the summary
    said before, stands."""
    from storyline.consolidate.brief import unresolved_references
    from storyline.consolidate.summary_text import closing_definite_speaker

    assert closing_definite_speaker("The strike will end on Friday, the spokesman said.") == "spokesman"
    assert closing_definite_speaker("The strike will end on Friday, Sam Velk said.") is None
    a = storyline.Article(id="cs1", text="Sam Velk, a spokesman for the port of Dorn, said the cranes stood idle. "
                          "The strike will end on Friday, the spokesman said.")
    b = storyline.Article(id="cs2", text="Dock workers walked out on Monday over pay.")
    c = storyline.Article(id="cs3", text="Ships waited off Dorn. The port will reopen on Friday, the spokesman said.")
    end, out = _said("The strike will end on Friday, the spokesman said.", a), _said(b.text, b)
    assert unresolved_references([out, end], [a, b, c]) == {(end.article_id, end.start, end.end)}
    assert unresolved_references([_said("Sam Velk, a spokesman for the port of Dorn, said the cranes stood idle.", a),
                                  end], [a, b, c]) == set()
    assert unresolved_references([out, _said("The port will reopen on Friday, the spokesman said.", c)], [a, b, c]) == set()


def test_a_lower_case_pages_dateline_with_an_en_dash_a_station_or_a_day_and_a_later_agency_mark() -> None:
    """A lower-case page's dateline may close on an en dash ("Velm – a ..."), name a station in brackets ("( kvlm/kdrn
    ) —"), give its day after the place ("Dorn, aug. 17 (upi) --"), and a wire's mark opens a story further down a
    page ("... during a news... Velm, vt. ( ap ) — a ..."): none of it is a brief's words. A dash alone opens the lead
    only and after a place's words, which hold no stop word ("The answer – more ferries." keeps its words)."""
    from storyline.consolidate.summary_text import lower_dateline_end

    for text, news in (("Velm – a ferry sank in the dorn river on monday, police said.", "a ferry"),
                       ("Ostra city, vt. ( kvlm/kdrn ) — every day, ann velk walks to the ferry.", "every day"),
                       ("Dorn, aug. 17 (upi) -- a video of the ferry went viral.", "a video"),
                       ("Tel velm air base, ostland ( ap ) – looking thin, the sailor came home.", "looking thin")):
        assert text[lower_dateline_end(text):].startswith(news), text
    assert lower_dateline_end("Velm, vt. ( ap ) — a ferry sank.", lead=False) == len("Velm, vt. ( ap ) — ")
    assert lower_dateline_end("Yesterday -- a day after the vote, the ferry sank.", lead=False) == 0
    assert lower_dateline_end("The answer – more ferries on the dorn river.") == 0
    text = ("Ferry chief bo dorn speaks during a news... Velm, vt. ( ap ) — a ferry carrying forty people sank in the"
            " dorn river on monday after its engine failed, the coast guard said. All forty were pulled from the water"
            " by fishermen from the town of ostra, who heard the ferry's horn.")
    shown = " ".join(s.text for s in storyline.brief([storyline.Article(id="ld1", text=text)]).summary)
    assert "( ap )" not in shown and "(ap)" not in shown and "A ferry carrying forty people" in shown, shown


def test_a_lower_case_pages_photo_captions_credits_and_teasers_are_no_brief_words() -> None:
    """A lower-case page's photo caption reads by its words, not its capitals: who stands where (", right,", "(r)"),
    "shown here", "is photographed", "in this undated police photo", and a close on the picture's place and day ("...
    in velm, ostland, march 14, 2017.", "... in velm, ostland march 14, 2017.", "... on february 3, 2016 in velm,
    ostland.", "... saturday march 29, 2014 in velm, ostland."); a photo's credit ("Reuters/ann velk", "Bo dorn /
    getty images"), its teaser ("Velk has apologized... (associated press)", a short aside in brackets and all) and its label
    ("Photo an official ...") glued before the news are trimmed. A sentence of news keeps its day ("... in velm on
    tuesday, march 3, 2015.") and "the left, right, and centre" is no place in a picture."""
    from storyline.consolidate.summary_text import lower_caption, lower_furniture_end

    for caption in ("Ferry chief ann velk speaks during a news conference in velm, ostland, march 14, 2017.",
                    "The ferry's new timetable is photographed in velm, wednesday, march 15, 2017.",
                    "Ann velk feeds her dog on the deck of the ferry on february 3, 2016 in velm, ostland.",
                    "The ferry chief meets the mayor of dorn in velm wednesday, aug. 29, 2012.",
                    "Sailor bo dorn, right, died on monday when the ferry sank.",
                    "Ostland's president greets ann velk (r) after the vote in velm.",
                    "Ann velk, shown here on the ferry, is the new captain.",
                    "In this undated velm county police department photo, bo dorn poses for a portrait.",
                    "Ferry chief ann velk speaks at the harbour in velm, ostland march 14, 2017.",
                    "Ann velk speaks to sailors at the air base saturday march 29, 2014 in velm, ostland."):
        assert lower_caption(caption), caption
    for news in ("The ferry sank in velm on tuesday, march 3, 2015.", "Velk was released on oct. 4, 2011.",
                 "Critics on the left, right, and centre praised the ferry."):
        assert not lower_caption(news), news
    for glued, news in (('Reuters/ann velk "we saw the ferry sink," she said.', '"we saw'),
                        ("Youtube/bo dorn in a recent interview, the captain spoke.", "in a recent"),
                        ("Ostra61 / getty images dr. velk said the ferry was old.", "dr. velk"),
                        ("Velk has apologized... (associated press) in a statement, velk says she misspoke.", "in a "),
                        ("Photo an unidentified sailor told reporters the ferry sank.", "an unidentified"),
                        ("Ann velk of the ostland party (op), waves to sailors on the deck of the old ferry in velm"
                         " before it sank in the dorn river last... (associated press) the ferry line said it would"
                         " close.", "the ferry line")):
        assert glued[lower_furniture_end(glued):].startswith(news), glued
    assert lower_furniture_end("The dorn/velm line reopened on monday.") == 0
    text = ("Sailor bo dorn, right, died on monday when the ferry sank in the dorn river near the town of ostra."
            " Youtube/ann velk in a recent interview with the radio station of velm, the head of the ferry line said"
            " its boats were forty years old and its engines had failed twice this year. Forty people were pulled from"
            " the dorn river by fishermen from ostra after the ferry's engine failed on monday.")
    shown = " ".join(s.text for s in storyline.brief([storyline.Article(id="lc4", text=text)], max_words=200).summary)
    assert ", right," not in shown and "Youtube/" not in shown and "In a recent interview with the radio" in shown, shown


def test_a_lower_case_pages_photo_shows_captions_player_buttons_and_a_dateline_after_a_teaser_are_no_brief_words(
) -> None:
    """A lower-case page's wire photo caption saying what the photo shows ("This undated photo provided by the velm
    police shows ...", "Handout photo released by ... shows ..."), or telling a person's act in the picture's present
    with its place and closing on its day and year ("... reacts as she leaves the court in velm on feb. 3, 2030."), is
    no brief sentence; a video player's buttons ("Close skip in skip x embed x share", "X embed x share video:"), an
    "Uploaded on" stamp, a "/wireimage" credit and a caption closed by its credit in brackets ("... ( photo: bo
    dorn, ap ) ...") glued before the news are trimmed, and so is an agency's dateline after a trimmed teaser ("...
    (associated press) velm ( ap ) — a ferry ..."), a place's and a dash after such a credit, or an agency's
    between a release wire's dashes ("Velm -- ( business wire ) -- the ..."). News told in the past keeps its day
    and its words."""
    from storyline.consolidate.summary_text import lower_caption, lower_dateline_end, lower_furniture_end

    for caption in ("This undated photo provided by the velm police shows bo dorn, the ferry's captain.",
                    "File - this wednesday, dec. 13, 2030, file photo provided by the ostra sheriff's office shows a"
                    " sunken ferry.",
                    "Handout photo released by the ferry line shows its new deck in velm.",
                    "Ann velk reacts as she leaves the high court in central velm on feb. 3, 2030.",
                    "Ferry chief bo dorn speaks during a vigil on wednesday, aug. 22, 2030, in dorn park on the velm"
                    " campus."):
        assert lower_caption(caption), caption
    for news in ("Ann velk spoke to sailors in velm on feb. 3, 2030.", "This ferry photo contest drew forty entries.",
                 "The ferry line holds its vote on may 3, 2031.", "The ferry line said this photo was taken in velm."):
        assert not lower_caption(news), news
    for glued, news in (("Close skip in skip x embed x share the ferry sank on monday.", "the ferry"),
                        ("X embed x share video: divers in velm search the river.", "divers"),
                        ("Skip ad x embed x share a ferry sank in the dorn river.", "a ferry"),
                        ("Uploaded on apr 5, 2030 ann velk stars in a ferry advert.", "ann velk"),
                        ("Bo dorn/wireimage ann velk is to captain the ferry.", "ann velk"),
                        ("The ferry sank near velm on monday... (associated press) velm ( ap ) — a ferry carrying"
                         " forty people sank.", "a ferry carrying"),
                        ("( photo: bo dorn, ap ) velm – a ferry sank in the dorn river.", "a ferry sank"),
                        ('Eight sailors were rescued (photo: provided) "there was no warning," the captain said.',
                         '"there was')):
        assert glued[lower_furniture_end(glued):].startswith(news), glued
    for news in ("Closing the ferry line was a mistake, velk said.", "X-rays showed the sailor's arm was broken.",
                 "The photo (see below) shows the ferry.", "Ann velk ( the captain ) said the ferry sank."):
        assert lower_furniture_end(news) == 0, news
    text = "Velm -- ( business wire ) -- the ferry line named its new captain."
    assert text[lower_dateline_end(text):].startswith("the ferry line"), text
    text = ("Ferry chief bo dorn speaks during a news... (associated press) velm ( ap ) — a ferry carrying forty people"
            " sank in the dorn river on monday after its engine failed, the coast guard said. This undated photo"
            " provided by the velm police shows bo dorn, the ferry's captain, who steered it for forty years on the dorn"
            " river. All forty were pulled from the water by fishermen from the town of ostra.")
    shown = " ".join(s.text for s in storyline.brief([storyline.Article(id="ps1", text=text)], max_words=200).summary)
    assert "( ap )" not in shown and "photo provided" not in shown and "A ferry carrying forty people" in shown, shown


def test_a_lower_case_pages_sentence_cut_at_a_times_dot_is_whole_in_a_brief() -> None:
    """A lower-case page writes a capital after every dot, so "... around 7:30 p.m. Edt thursday when ..." is split at
    "p.m."; the brief reads the sentence whole where the next opens on a word that goes on the time (a time zone, a
    day, "where", "on" ...). A page in its usual case, and a next sentence of its own ("Police came"), stay split."""
    from storyline.consolidate.brief import joined_at_cut_dots
    from storyline.records import Sentence

    text = ("Police said ann velk, 61, a sailor, was on deck around 7: 30 p.m. Edt thursday when she fell into the dorn"
            " river. Divers came at 9 p.m. Police closed the ferry line between velm and ostra for the night, and the"
            " mayor of velm said the line would reopen on friday after the ferry was checked. The ferry line carries"
            " nine hundred people a day across the river, and its boats are forty years old.")
    a = storyline.Article(id="tm1", text=text)
    ss = storyline.split_sentences(text)
    assert ss[0].text.endswith("p.m.") and ss[1].text.startswith("Edt thursday")
    split = {a.id: [Sentence(a.id, k, s.start, s.end, s.text) for k, s in enumerate(ss)]}
    joined = joined_at_cut_dots([a], split)[a.id]
    assert joined[0].text.endswith("fell into the dorn river.") and joined[1].text == "Divers came at 9 p.m."
    assert len(joined) == len(ss) - 1
    usual = storyline.Article(id="tm2", text=text.replace("velk", "Velk").replace("dorn", "Dorn").replace(
        "velm", "Velm").replace("ostra", "Ostra").replace("Edt", "EDT"))
    assert joined_at_cut_dots([usual], {usual.id: split[a.id]})[usual.id] == split[a.id]
    shown = [s.text for s in storyline.brief([a], max_words=200).summary]
    assert not any(s.startswith("Edt") for s in shown), shown


def test_lower_page_news_sentences_read_as_no_caption_credit_or_dateline() -> None:
    from storyline.consolidate.summary_text import lower_caption, lower_dateline_end, lower_furniture_end

    # "in this <...>, ... photos" opens a caption only where the words between tell the picture's day
    assert not lower_caption("In this case, the photos show the suspect fleeing the bank.")
    assert lower_caption("In this friday, may 3, 2030 photo, velk waves to supporters in ostbury.")
    # a life told in the past with its day and place is news, not a caption's dated close
    assert not lower_caption("Velk was born on june 4, 1950 in velm, ostland.")
    assert lower_caption("Velk greets supporters on june 4, 2030 in velm, ostland.")
    # a poll's or platforms' name before a verb is no photo credit
    text = "Reuters/ipsos poll found that 40 percent of voters back the plan."
    assert lower_furniture_end(text) == 0
    assert lower_furniture_end("Facebook / instagram said it removed the posts on tuesday.") == 0
    assert lower_furniture_end("Reuters/ann velk the mayor said it was fine.") == len("Reuters/ann velk ")
    # a senator's party label in brackets before a dash is no station's dateline
    assert lower_dateline_end("Sen. ann velk (r-ostl.) - a longtime critic - spoke.", lead=False) == 0
    assert lower_dateline_end("Velm ( kvlm ) – the fire burned for hours.", lead=False) == len("Velm ( kvlm ) – ")


def test_a_lower_case_pages_time_stamps_and_section_labels_are_no_brief_words() -> None:
    """A lower-case page's time stamp glued before its news ("Update, 7/10/2030: ...", "Published on oct 17, 2030
    ...", "Updated october 9, 2030, 4: 30 pm ...", a day written twice) and its section labels ("Caption", "Article
    body", "Abstract background:", "Analysis" before a clause) are trimmed; a chronology's day and year alone, a
    subject "Analysis of ..." and "Published reports" keep their words."""
    from storyline.consolidate.summary_text import lower_furniture_end

    for glued, news in (("Update, 7/10/2030: nearly a week after the ferry sank, ann velk spoke.", "nearly a week"),
                        ("Published on oct 17, 2030 witnesses filmed the ferry sinking.", "witnesses filmed"),
                        ("Updated october 9, 2030, 4: 30 pm onlookers watched the ferry.", "onlookers watched"),
                        ("Posted: tuesday, august 16, 2030 it may be the first ferry strike.", "it may be"),
                        ("March 10, 2030 10: 54 am et the ferry line said it would close.", "the ferry line"),
                        ("Dec 07, 2030 dec 07, 2030 the ferry line named its new captain.", "the ferry line"),
                        ("Caption after forty years on the dorn river, the ferry was retired.", "after forty"),
                        ("Article body \u200b\u200b \u200b keep life jackets on the deck.", "keep life"),
                        ("Abstract background: although ferries are old, little is known.", "although ferries"),
                        ("Abstract ferry crossings fell by half in ten years.", "ferry crossings"),
                        ("Analysis he may still save the ferry line.", "he may")):
        assert glued[lower_furniture_end(glued):].startswith(news), glued
    for news in ("June 4, 1989 the army opened fire on the ferry.", "Analysis of the data shows a rise in crossings.",
                 "Published reports said the ferry line would close.", "May 5 was a big day for the ferry line."):
        assert lower_furniture_end(news) == 0, news


def test_a_sentence_trailing_off_on_an_ellipsis_is_no_brief_sentence() -> None:
    """A sentence that stops on an ellipsis glued to its last word or comma (a teaser: "... said wednesday, aug.
    31,...", "Mr. Velk, a velm-based...") goes on elsewhere or nowhere: a brief does not choose it while it has
    whole sentences; an ellipsis set off by spaces inside a quotation ending the sentence is another matter."""
    from storyline.consolidate.summary import _trailing_off

    assert _trailing_off("The ferry line said wednesday, aug. 31,...")
    assert _trailing_off("Mr. Velk, a velm-based…")
    assert not _trailing_off("The ferry line said it would close on friday.")
    assert not _trailing_off('"We will see ... ," the captain said.')
    text = ("Ferry chief ann velk said the ferry line between velm and ostra will close for a month after its oldest"
            " ferry sank in the dorn river last week,... Divers from ostra found the engine of the ferry on the river"
            " bed on tuesday. The ferry line between velm and ostra carries nine hundred people a day across the dorn"
            " river. Its oldest ferry sank in the dorn river last week after its engine failed.")
    shown = [s.text for s in storyline.brief([storyline.Article(id="el1", text=text)], max_words=40).summary]
    assert shown and not any(s.endswith(",...") for s in shown), shown


def test_a_lower_case_pages_sentence_cut_at_a_middle_initial_is_whole_in_a_brief() -> None:
    """A lower-case page writes a capital after every dot, so "... justice ann b. Velk said ..." is split at the
    initial; the brief reads the sentence whole where a given name stands before the initial and a surname opens the
    next (both words news writes as names). "... under plan b. The ..." stays split."""
    from storyline.consolidate.brief import joined_at_cut_dots
    from storyline.records import Sentence

    text = ("The ferry line's case came before justice ann b. Velk on monday in the court of velm. Velk asked why the"
            " line had let its oldest ferry sail on the dorn river after its engine failed twice this year. The line"
            " said it had a plan b. The plan was to sail the ferry at half speed until a new engine came from ostra,"
            " and the line's chief said the ferry had been checked by divers from ostra before it sailed.")
    a = storyline.Article(id="mi1", text=text)
    ss = storyline.split_sentences(text)
    assert ss[0].text.endswith("ann b.") and ss[1].text.startswith("Velk on monday")
    split = {a.id: [Sentence(a.id, k, s.start, s.end, s.text) for k, s in enumerate(ss)]}
    joined = joined_at_cut_dots([a], split)[a.id]
    assert joined[0].text.endswith("in the court of velm.") and len(joined) == len(ss) - 1
    assert any(s.text.endswith("a plan b.") for s in joined), [s.text for s in joined]


def test_a_lower_case_pages_asides_between_dashes_credits_inside_news_and_relative_clauses_stay_brief_words() -> None:
    """On a lower-case page an aside in brackets between dashes is no wire's mark ("The ferry -- (again) -- sank
    ..." opens on no dateline; "Velm -- ( business wire ) -- the ..." does), a photo credit in brackets inside a
    sentence of news that goes on after it ("... on monday (photo: bo dorn) after its engine failed, ...") trims
    nothing, and a picture's present verb in a relative clause ("The minister, who attends the summit in velm,
    resigned on may 3, 2029.") makes no caption."""
    from storyline.consolidate.summary_text import lower_caption, lower_dateline_end, lower_furniture_end

    for news in ("The ferry -- (again) -- sank in the dorn river.", "Velk and dorn -- (both) -- agreed to the inquiry."):
        assert lower_dateline_end(news) == 0 and lower_dateline_end(news, lead=False) == 0, news
    text = "Velm -- ( business wire ) -- the ferry line named its new captain."
    assert text[lower_dateline_end(text):].startswith("the ferry line"), text
    news = "The ferry sank near velm on monday (photo: bo dorn) after its engine failed, the coast guard said."
    assert lower_furniture_end(news) == 0, news
    glued = "Ann velk waves to sailors in velm. ( photo: bo dorn, ap ) the ferry line said it would pay."
    assert glued[lower_furniture_end(glued):].startswith("the ferry line"), glued
    for news in ("The minister, who attends the summit in velm, resigned on may 3, 2029.",
                 "The trial, in which velk stands accused, opens at the high court in velm on may 3, 2031."):
        assert not lower_caption(news), news
    assert lower_caption("Ann velk reacts as she leaves the high court in central velm on feb. 3, 2030.")
    fill = (" The ferry line said the engine had been checked in march. Divers from ostra searched the river for two"
            " days. The captain, bo dorn, had steered the ferry for forty years. Velm's mayor, ann velk, called for an"
            " inquiry. The ferry line said it would pay for the repairs. Fishermen pulled all the people from the water.")
    lead = "The ferry -- (again) -- sank in the dorn river near velm on monday after its engine failed."
    arts = [storyline.Article(id=f"da{k}", text=lead + fill.replace("two", w)) for k, w in enumerate(("two", "3", "four"))]
    shown = " ".join(s.text for s in storyline.brief(arts, max_words=120).summary)
    assert "Sank in the dorn" not in shown and "The ferry -- (again) -- sank" in shown, shown


def test_a_lower_case_pages_sentence_a_photo_credit_in_brackets_follows_is_a_caption() -> None:
    """On a lower-case page a photo's credit in brackets follows its caption ("Ann velk stands on the deck of the
    ferry in velm. ( bo dorn/the velm post ) the ferry line ..."): the sentence before such a credit is a caption in
    any tense, and the brief does not show it, but shows the lead after the credit; a sentence that quotes, or one
    before a bracket that is no credit (a day "( 4/12/2030 )", "( and/or )"), is news."""
    from storyline.consolidate.summary_text import credited_caption

    page = ("Ann velk stands on the deck of the ferry in velm. ( bo dorn/the velm post ) the ferry line said it would"
            " close. Velk waved. ( ap photo/ines farrow ) ( associated press ) the mayor spoke. The captain smiled."
            " ( photo: tomas brenn, velm times ) divers came. \"we will sail, \" velk said. ( bo dorn/the velm post )"
            " more. The line sank. ( 4/12/2030 ) a ferry sank. Velk may stay. ( and/or ) leave.")
    ends = [page.index(s) + len(s) for s in ("in velm.", "Velk waved.", "The captain smiled.", "velk said.",
                                             "The line sank.", "Velk may stay.")]
    sentences = [page[page.rindex(". ", 0, e - 1) + 2 if ". " in page[:e - 1] else 0:e] for e in ends]
    assert [credited_caption(s, page, e) for s, e in zip(sentences, ends)] == [True, True, True, False, False, False]
    caption = "Ann velk stands on the deck of the oldest ferry of the dorn river line at the pier in velm."
    rest = (" ( bo dorn/the velm post ) the ferry line between velm and ostra will close for a month after its oldest"
            " ferry sank in the dorn river last week. The ferry line said the engine had been checked in march. Divers"
            " from ostra searched the river for two days. The captain, bo dorn, had steered the ferry for forty years."
            " Velm's mayor, ann velk, called for an inquiry into the ferry line. Fishermen pulled all the people from"
            " the water.")
    arts = [storyline.Article(id=f"cc{k}", text=caption + rest.replace("two", w)) for k, w in enumerate(("two", "3", "four"))]
    shown = " ".join(s.text for s in storyline.brief(arts, max_words=120).summary)
    assert shown and "Ann velk stands on the deck" not in shown, shown
    assert "The ferry line between velm and ostra will close" in shown, shown  # (the lead after the credit)
    from storyline.consolidate.summary_text import lower_furniture_end

    glued = "( ap photo/bo dorn ) ( associated press ) velm ( ap ) — the ferry sank."
    assert glued[lower_furniture_end(glued):] == "the ferry sank.", glued
    assert lower_furniture_end("( 4/12/2030 ) a ferry sank in the dorn river.") == 0


def test_a_lower_case_pages_bylines_sharing_buttons_and_an_abstracts_importance_are_no_brief_words() -> None:
    """A lower-case page's byline with the writer's outlet and role ("By ann velk – velm post senior reporter a
    ..."), its sharing buttons ("Share on more share on more ..."), the "continue reading" link after an
    advertisement's label and a medical abstract's "Importance" heading are trimmed; "Importance of the vote ..." is
    a subject and "By noon -- the ferry ..." no byline."""
    from storyline.consolidate.summary_text import lower_furniture_end

    for glued, news in (("By ann velk – velm post senior reporter a 36-year-old man sailed the ferry.", "a 36-year-old"),
                        ("By bo dorn -- staff writer the ferry line will close.", "the ferry line"),
                        ("Share on more share on more the senator sailed on the ferry.", "the senator"),
                        ("Advertisement - continue reading below the ferry sank on monday.", "the ferry sank"),
                        ("Importance ferry crossings are a risk factor for sea sickness.", "ferry crossings")):
        assert glued[lower_furniture_end(glued):].startswith(news), glued
    for news in ("Importance of the vote was plain to the ferry line.", "By noon -- the ferry had sunk in the river.",
                 "Share prices of the ferry line fell."):
        assert lower_furniture_end(news) == 0, news


def test_a_lower_case_pages_dateline_of_a_place_named_new_is_trimmed() -> None:
    """A lower-case page's lead dateline of a place and a dash alone holds no function word ("The answer — more
    money." opens on none), but a place may hold a word the summary counts as a stop word ("New ostra — the ferry
    ...")."""
    from storyline.consolidate.summary_text import lower_dateline_end

    text = "New ostra — two nights after the ferry sank, the line's chief resigned."
    assert text[lower_dateline_end(text):].startswith("two nights"), text
    assert lower_dateline_end("The answer — more money for the ferry line.") == 0


def test_a_lower_case_pages_bylines_credits_importance_and_datelines_are_read_narrowly() -> None:
    """Review fixes: a byline names a writer in two or three words and an outlet with no article ("By monday — the new
    editor of the velm post said ..." keeps its subject); a bracket with a list of roles, a label or a web address
    after a sentence is no photo's credit ("( reporting by ann velk/bo dorn; editing by ... )" ends news); "Importance
    placed on ..." is a subject; a possessive holds a stop word no place holds ("Velk's answer — more money ...")."""
    from storyline.consolidate.summary_text import credited_caption, lower_dateline_end, lower_furniture_end

    for news in ("By monday — the new editor of the velm post said the ferry line would close.",
                 "By then -- the ferry reporter said it sank.", "Importance placed on safety has grown.",
                 "Importance aside, the ferry line voted to close."):
        assert lower_furniture_end(news) == 0, news
    sentence = "The harbour master said the ferry had sailed for sixty years."
    for bracket in ("( reporting by ann velk/bo dorn; editing by ines farrow )", "( source: velm port office/velm post )",
                    "( velm.com/ferry )"):
        assert not credited_caption(sentence, f"{sentence} {bracket} the line closed.", len(sentence)), bracket
    assert credited_caption(sentence, f"{sentence} ( bo dorn/the velm post ) the line closed.", len(sentence))
    assert lower_dateline_end("Velk's answer — more money for the ferry line.") == 0
    text = "New ostra — two nights after the ferry sank, the line's chief resigned."
    assert text[lower_dateline_end(text):].startswith("two nights"), text
