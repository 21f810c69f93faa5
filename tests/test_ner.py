"""The NER building blocks: tokens, shapes, chunking, span repairs, and the trained models."""

from __future__ import annotations

from conftest import DATA, need

from storyline.analyze.entities import MODEL_DIR, repair_spans, tag_tokens
from storyline.analyze.ner_features import bio_spans, short_shape, tokenize, word_shape


def test_tokenize_news_english() -> None:
    text = "U.S. President Donald Trump didn't visit South Korea's capital on Jan. 7-10, aides said."
    toks = [text[a:b] for a, b in tokenize(text)]
    assert toks[:4] == ["U.S.", "President", "Donald", "Trump"]
    assert "did" in toks and "n't" in toks
    assert toks[toks.index("Korea") + 1] == "'s"
    assert "Jan." in toks and "7-10" in toks
    assert toks[-1] == "."
    # ordinals and decades are one token, as the tagger was trained on them
    text = "Persson scored in the 81st minute, a goal of the 1990s kind, 2nd to none; 5sec"
    toks = [text[a:b] for a, b in tokenize(text)]
    assert {"81st", "1990s", "2nd"} <= set(toks) and "5sec" not in toks
    # a share written without its nought (a table's winning percentage) is one token, a sentence's stop is not
    text = "Tarnby 46 6 54 .462 14 1/2\nHe hit .300 in the year."
    toks = [text[a:b] for a, b in tokenize(text)]
    assert ".462" in toks and ".300" in toks and toks[-1] == "."
    # a currency's sign with its country is one token ("C$ 0.45"), a bare dollar sign its own
    text = "The bond fell C$ 0.45 and US$20 million; fees of $5."
    toks = [text[a:b] for a, b in tokenize(text)]
    assert "C$" in toks and "US$" in toks and "$" in toks
    # a compass point's initial before its country is part of the name
    import storyline

    names = [(m.text, m.label) for m in storyline.recognize_entities("N. Korea urges S. Korea to return a veteran.")]
    assert names == [("N. Korea", "LOC"), ("S. Korea", "LOC")]
    # a lawmaker's party and state is one token, no name of its own
    text = "But Sen. Robert Torricelli, D-N.J., said the results were bad."
    assert "D-N.J." in [text[a:b] for a, b in tokenize(text)]
    import storyline

    assert [m.text for m in storyline.recognize_entities(text)] == ["Robert Torricelli"]


def test_shapes() -> None:
    assert word_shape("Jinping") == "Xxxxx"
    assert short_shape("Eui-keum") == "Xx-x"
    assert short_shape("U.S.") == "X.X."


def test_bio_spans_follow_conlleval() -> None:
    tags = ["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-MISC", "I-MISC"]
    assert bio_spans(tags) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 7, "MISC")]


def test_repairs_glued_word_and_short_syllable() -> None:
    toks = ["Both", "Trump", "and", "Moon", "Jae", "In", ",", "met"]
    assert repair_spans(toks, [(0, 2, "PER"), (3, 5, "PER")]) == [(1, 2, "PER"), (3, 6, "PER")]


def test_repairs_split_a_name_run_across_a_title() -> None:
    toks = ["his", "counterpart", ",", "South", "Korean", "President", "Moon", "Jae", "In", ",", "said"]
    assert repair_spans(toks, [(3, 8, "MISC")]) == [(3, 5, "MISC"), (6, 9, "PER")]
    # a title that starts a name is left alone
    assert repair_spans(["the", "Queen", "Elizabeth", "Hospital"], [(1, 4, "ORG")]) == [(1, 4, "ORG")]


def test_repairs_leave_a_portfolio_before_an_office_and_its_holder_to_the_title() -> None:
    # "Former Varno Defense Secretary Willa Brant": Varno, then the title, then the person
    toks = ["Former", "Varno", "Defense", "Secretary", "Willa", "Brant", "said"]
    assert repair_spans(toks, [(1, 3, "PER"), (4, 6, "PER")]) == [(1, 2, "PER"), (4, 6, "PER")]
    # a span run across the whole title is cut at the office and the portfolio
    toks = ["Ostrow", "Homeland", "Security", "Adviser", "Frances", "Kell", "said"]
    assert repair_spans(toks, [(0, 6, "ORG")]) == [(0, 1, "ORG"), (4, 6, "PER")]
    # a name that ends on such a word keeps it before a company's titles and where no person follows
    toks = ["Dunmore", "Energy", "Chief", "Executive", "Jim", "Rale", "said"]
    assert repair_spans(toks, [(0, 2, "ORG"), (4, 6, "PER")]) == [(0, 2, "ORG"), (4, 6, "PER")]
    toks = ["the", "Varno", "Defense", "Secretary", "said"]
    assert repair_spans(toks, [(1, 3, "ORG")]) == [(1, 3, "ORG")]


def test_repairs_join_a_nationality_to_the_organisation_it_names() -> None:
    toks = ["the", "Korean", "Central", "News", "Agency", "said"]
    assert repair_spans(toks, [(1, 2, "MISC"), (2, 5, "ORG")]) == [(1, 5, "ORG")]
    # not across a gap, and not a person after a nationality
    assert repair_spans(["Korean", "and", "Central", "Bank"], [(0, 1, "MISC"), (2, 4, "ORG")]) == [(0, 1, "MISC"), (2, 4, "ORG")]
    assert repair_spans(["Korean", "Kim", "Il"], [(0, 1, "MISC"), (1, 3, "PER")]) == [(0, 1, "MISC"), (1, 3, "PER")]


def test_models_ship_small() -> None:
    sizes = {p.name: p.stat().st_size for p in MODEL_DIR.iterdir()}
    assert {"ner-accurate.crfsuite", "ner-fast.crfsuite", "ner-resources.json.gz", "coref-pairs.json.gz"} <= set(sizes)
    # the tagger's CRFs (7.7 MB, trained on CoNLL-2003 and FiNER-ORD) and the coreference ensemble of
    # four runs (about 4.4 MB gzipped)
    assert sum(sizes.values()) < 14_000_000


def _ner_docs(path, limit: int | None = None) -> list[list[tuple[list[str], list[str]]]]:  # type: ignore[no-untyped-def]
    """The first ``limit`` documents of a NER split as (tokens, tags) sentences."""
    import json

    docs: dict[str, list] = {}
    with path.open() as fh:
        for line in fh:
            r = json.loads(line)
            if limit is not None and r["doc"] not in docs and len(docs) == limit:
                break
            docs.setdefault(r["doc"], []).append((r["tokens"], r["tags"]))
    return list(docs.values())


def test_tagger_on_a_conll_sample() -> None:
    """A floor well below the dev figure on the first dev documents: catches a broken model."""
    tp = fp = fn = 0
    for d in _ner_docs(need(DATA / "ner" / "conll2003" / "dev.jsonl"), 30):
        pred = tag_tokens([t for t, _ in d])
        for (_, gold), p in zip(d, pred):
            g, q = set(bio_spans(gold)), set(bio_spans(p))
            tp, fp, fn = tp + len(g & q), fp + len(q - g), fn + len(g - q)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 > 0.85


def test_a_middle_initial_stays_in_the_name() -> None:
    import storyline

    for mode in ("accurate", "fast"):
        names = [(m.text, m.label) for m in storyline.recognize_entities(
            "George W. Bush met William H. Carr in Dallas. The team played in group A. The fans left.", mode)]
        assert ("George W. Bush", "PERSON") in names and ("William H. Carr", "PERSON") in names
        assert not any(t.startswith("A.") for t, _ in names)


def test_a_first_initial_stays_in_the_name() -> None:
    import storyline

    # a scoreboard line: initials open a line or follow a bracket or a comma
    text = ("Surrey 429-7 ( C. Lewis 80 not out , M. Butcher 70 , G. Kersey 63 ) , Kent 108-3 .\n"
            "M. Slater run out 9\n")
    names = [(m.text, m.label) for m in storyline.recognize_entities(text)]
    for person in ("C. Lewis", "M. Butcher", "G. Kersey", "M. Slater"):
        assert (person, "PERSON") in names, names


def test_a_name_after_a_kinship_word_is_a_person() -> None:
    import storyline

    text = ("The agency said Kim departed Monday afternoon with his wife, Ri Sol Ju, and other top officials. "
            "Later his sister Kim Yo Jong arrived.")
    labels = {m.text: m.label for m in storyline.recognize_entities(text)}
    assert labels["Ri Sol Ju"] == "PERSON" and labels["Kim Yo Jong"] == "PERSON"


def test_a_place_named_x_of_y_is_one_place() -> None:
    import storyline

    text = ("Oil has been spewing into the Gulf of Mexico since April. Tankers crossed the Strait of Hormuz "
            "and the Bay of Bengal. He studied at the University of Texas.")
    for mode in ("accurate", "fast"):
        names = {(m.text, m.label) for m in storyline.recognize_entities(text, mode)}
        assert {("Gulf of Mexico", "LOC"), ("Strait of Hormuz", "LOC"), ("Bay of Bengal", "LOC"),
                ("University of Texas", "ORG")} <= names


def test_financial_news_names_from_raw_text() -> None:
    """FiNER-ORD dev (financial news) through ``storyline.recognize_entities`` on the rebuilt text,
    persons, organisations and places scored by exact span and type: the tagger learned from it
    (dev F1 0.80; a tagger trained on CoNLL-2003 alone scores 0.69 there)."""
    import storyline

    tp = fp = fn = 0
    for d in _ner_docs(need(DATA / "ner" / "finer_ord" / "dev.jsonl")):
        text, gold, pos = "", set(), 0
        for toks, tags in d:
            starts = [pos + sum(len(t) + 1 for t in toks[:i]) for i in range(len(toks))]
            gold |= {(starts[a], starts[b - 1] + len(toks[b - 1]), t) for a, b, t in bio_spans(tags)}
            text += " ".join(toks) + "\n"
            pos = len(text)
        pred = {(m.start, m.end, {"PERSON": "PER"}.get(m.label, m.label))
                for m in storyline.recognize_entities(text) if m.label != "MISC"}
        tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    assert 2 * tp / (2 * tp + fp + fn) > 0.77


def test_shipped_lexicon_and_case_ratios_reach_the_features() -> None:
    """The open-data lexicon and the case ratios ship with the model and show up as features,
    case-insensitively (an all-caps headline word gets the same lexicon tags)."""
    from storyline.analyze.entities import _resources
    from storyline.analyze.ner_features import sentence_features

    res = _resources()
    assert "country" in res.lexicon[("germany",)]
    assert res.capratio["germany"] > res.capratio["the"]
    normal = sentence_features(["Talks", "in", "Germany", "ended"], res)
    shout = sentence_features(["TALKS", "IN", "GERMANY", "ENDED"], res)
    assert "x=B-country" in normal[2] and "x=B-country" in shout[2]
    assert "1:x=B-country" in normal[1]


def test_a_name_without_the_words_the_tagger_took_in_around_it() -> None:
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    assert ("Nantucket", "LOC") in names("The jet crashed off the Massachusetts island of Nantucket on Sunday.")
    found = names("Rough seas will go on, said Navy Capt. Burt March. The Navy said more.")
    assert ("Burt March", "PERSON") in found and not any("Capt" in t for t, _ in found)
    assert ("Swissair", "ORG") in names("It was the worst crash since Swissair Flight 111 went down off Nova Scotia.")
    assert ("Gulf of Mexico", "LOC") in names("Oil reached the Gulf of Mexico coast.")


def test_a_name_with_a_digit_is_no_person() -> None:
    from storyline.analyze.entities import repair_spans

    tokens = "the Swissair MD-11 that crashed off Nova Scotia".split()
    assert repair_spans(tokens, [(1, 3, "PER")]) == [(1, 3, "MISC")]
    assert repair_spans("Louis XIV built it".split(), [(0, 2, "PER")]) == [(0, 2, "PER")]


def test_a_tokenized_texts_brackets_are_brackets() -> None:
    import storyline

    text = ("Aid groups such as Medecins Sans Frontieres -LRB- MSF -RRB- said on Monday the Disasters Emergency "
            "Committee -LRB- DEC -RRB- had raised money .")
    assert [(m.text, m.label) for m in storyline.recognize_entities(text)] == [
        ("Medecins Sans Frontieres", "ORG"), ("MSF", "ORG"), ("Disasters Emergency Committee", "ORG"), ("DEC", "ORG")]


def test_an_apposition_ends_with_its_sentence() -> None:
    """"Ann Lint, president of Dorne Data Inc.\\nTo be sure, ...": the role is "president of Dorne
    Data Inc", not one run on into the next sentence's opening words."""
    from storyline.analyze.entities import recognize_entities

    text = ("Sales fell short of hopes, said Ann Lint, president of Dorne Data Inc.\n"
            "To be sure, sales of the harbor software rose 46 percent last year.\n")
    roles = {m.text: m.role for m in recognize_entities(text) if m.label == "PERSON"}
    assert roles.get("Ann Lint") == "president of Dorne Data Inc", roles


def test_tokenize_abbreviations_as_the_tagger_was_trained_on_them() -> None:
    def toks(text: str) -> list[str]:
        return [text[a:b] for a, b in tokenize(text)]

    # an abbreviation made an adjective, a town's state, a dateline in capitals
    assert "U.S.-led" in toks("A U.S.-led force landed.")
    assert toks("SAN MARCO , Calif. 1996-08-23")[3] == "Calif."
    assert "Wash.-based" in toks("The Redmond, Wash.-based firm grew.")
    assert toks("ST. ANSELM 1996-08-30")[0] == "ST."
    # not a word that is only written like a state: "Ill." that closes a sentence after no town
    assert toks("He was Ill. Then he left.")[2:4] == ["Ill", "."]
    # a first initial after a lower-case word ("c Varma b S. Tolley", "governor C. Ranjan")
    got = toks("R. Hollis c Varma b S. Tolley 8 ; the governor C. Ranjan said ; vitamin C. The end")
    assert "S." in got and "C." in got and got[-3:] == [".", "The", "end"]


def test_a_name_read_as_a_body_is_a_persons_when_its_last_word_alone_is_one() -> None:
    # "Meadows" looks plural, and the tagger reads "Tiger Meadows" as an organisation; the text writes
    # "Meadows" alone for a person ("Meadows said"): the full name is that person's
    from storyline.analyze.entities import recognize_entities

    got = {m.text: m.label for m in recognize_entities(
        "Tiger Meadows won the Kelby Open on Sunday . Meadows said the course was hard .")}
    assert got.get("Tiger Meadows") == "PERSON", got
    # a body's kind word keeps an organisation one ("Meadows Group" beside a Mr Meadows)
    got = {m.text: m.label for m in recognize_entities(
        "Meadows Group shares rose on Monday . Meadows said sales were strong .")}
    assert got.get("Meadows Group", "ORG") == "ORG", got
    # a place the text writes after "in" or "the" stays what the tagger read
    got = {m.text: m.label for m in recognize_entities(
        "Settlers will build homes in Tiger Meadows . Meadows said the plan was legal .")}
    assert got.get("Tiger Meadows") != "PERSON", got


def test_a_club_named_with_a_common_word_opens_a_league_tables_row() -> None:
    from storyline.analyze.entities import _page_table

    # played, won, drawn, lost, for, against, points: "Progress" is a club, though news writes the word
    # in lower case; a row whose figures are no league table's keeps the word out ("Spring" below)
    sents = [["Tarnby", "5", "4", "1", "0", "12", "3", "13"], ["North", "Vell", "5", "3", "1", "1", "9", "4", "10"],
             ["Oxmere", "5", "2", "1", "2", "6", "6", "7"], ["Kell", "5", "1", "2", "2", "5", "7", "5"],
             ["Progress", "5", "1", "0", "4", "3", "10", "3"], ["Spring", "5", "4", "4", "1", "6", "5", "16"]]
    spans = [[(0, 1, "ORG")], [(0, 2, "ORG")], [(0, 1, "ORG")], [(0, 1, "ORG")], [], []]
    assert _page_table(sents, spans) == spans[:4] + [[(0, 1, "ORG")], []]


def test_a_possessive_inside_a_name_stays_in_it() -> None:
    from storyline.analyze.entities import repair_spans

    # what follows the possessive names nothing by itself: the whole is one name
    toks = "fans of Brannock 's Old Boys cheered as Kestle 's of Harwick and Tarvo 's Investors Service rose".split()
    spans = [(2, 6, "ORG"), (8, 12, "ORG"), (13, 17, "ORG")]
    assert repair_spans(toks, spans) == spans
    # a place owns what follows its possessive, and a name after it is its own
    toks = "Norway 's Foreign Ministry said the North 's Korean Central News Agency lied".split()
    assert repair_spans(toks, [(0, 4, "ORG"), (6, 13, "ORG")]) == [(2, 4, "ORG"), (8, 13, "ORG")]


def test_a_countrys_name_is_no_short_name_of_its_council() -> None:
    from storyline.analyze.entities import _consistent_labels
    from storyline.records import Mention

    ms = [Mention(0, 14, "Norway Council", "ORG"), Mention(30, 36, "Norway", "LOC"),
          Mention(50, 67, "Northline Freight", "ORG"), Mention(80, 89, "Northline", "LOC")]
    # "Northline Freight ... Northline" is the company; "Norway Council ... Norway" is the country
    assert [m.label for m in _consistent_labels(ms)] == ["ORG", "LOC", "ORG", "ORG"]


def test_a_news_agencys_dateline_names_its_place() -> None:
    # the capitals before an agency's mark are the dateline's place, and the agency's letters no town's
    toks = "VELLMOOR ( AP ) _ Hundreds of Tarnby fans cheered .".split()
    assert repair_spans(toks, [(0, 1, "ORG"), (7, 8, "ORG")]) == [(0, 1, "LOC"), (7, 8, "ORG")]
    toks = "PORT ANSEL ( Reuters ) - Shares rose .".split()
    assert repair_spans(toks, [(0, 2, "ORG"), (3, 4, "ORG")]) == [(0, 2, "LOC"), (3, 4, "ORG")]
    # a dash alone follows a place of the lists, not a kicker's word nor a person's name
    assert repair_spans("BALTIMORE -- Shares rose .".split(), [(0, 1, "ORG")]) == [(0, 1, "LOC")]
    assert repair_spans("CLINTON -- He spoke .".split(), [(0, 1, "PER")]) == [(0, 1, "PER")]
    assert repair_spans("EXCLUSIVE -- Tarnby fans cheered .".split(), [(2, 3, "ORG")]) == [(2, 3, "ORG")]
    # a body's name in capitals stays the body's, without the agency's letters
    assert repair_spans("UNITED NATIONS ( AP ) _ The council met .".split(), [(0, 2, "ORG")]) == [(0, 2, "ORG")]


def test_a_wire_dateline_with_its_state_day_or_budget_slug_names_its_place() -> None:
    # a town in capitals with its state or the day before the dash is a place, whatever the tagger read
    toks = "KELDORVAN , Wessex _ Gov. Tomas Reyd spoke .".split()
    assert repair_spans(toks, [(0, 1, "ORG"), (2, 3, "LOC"), (5, 7, "PER")]) == [(0, 1, "LOC"), (2, 3, "LOC"), (5, 7, "PER")]
    toks = "KELDORVAN , August 7 ( Xinhua ) -- Scientists from Tarnby agreed .".split()
    assert repair_spans(toks, [(0, 1, "ORG"), (5, 6, "ORG"), (10, 11, "LOC")]) == [(0, 1, "LOC"), (5, 6, "ORG"), (10, 11, "LOC")]
    # after a budget's slug: the town is a place and the slug no name
    toks = "HARBOUR-TALKS _ KELDORVAN _ Negotiators for Tarnby met .".split()
    assert repair_spans(toks, [(0, 1, "ORG"), (2, 3, "ORG"), (6, 7, "LOC")]) == [(2, 3, "LOC"), (6, 7, "LOC")]
    toks = "VELL-COLUMN _ KELDORVAN , Wessex _ The Democrats were wrong .".split()
    assert repair_spans(toks, [(0, 1, "MISC"), (2, 3, "PER"), (4, 5, "LOC"), (7, 8, "MISC")]) == [
        (2, 3, "LOC"), (4, 5, "LOC"), (7, 8, "MISC")]
    # a slug of words joined by hyphens alone before its lead is no name; the lead's names stay
    toks = "RACE-REYD _ Tomas Reyd , who won both races , spoke .".split()
    assert repair_spans(toks, [(0, 1, "ORG"), (2, 4, "PER")]) == [(2, 4, "PER")]
    # no dash after the capitals and their comma: no dateline ("TARNBY , a town ...")
    toks = "KELDORVAN , Wessex and Tarnby met .".split()
    assert repair_spans(toks, [(0, 1, "ORG"), (2, 3, "LOC"), (4, 5, "LOC")]) == [(0, 1, "ORG"), (2, 3, "LOC"), (4, 5, "LOC")]


def test_names_after_a_title_in_the_plural_are_people() -> None:
    # "under Presidents Vell and Reyd": two people, not one body; the title is no part of the first name
    toks = "He served under Presidents Vell and Reyd .".split()
    assert repair_spans(toks, [(4, 7, "ORG")]) == [(4, 5, "PER"), (6, 7, "PER")]
    toks = "The war was led by Generals Tarrow and Kelby .".split()
    assert repair_spans(toks, [(5, 7, "PER"), (8, 9, "ORG")]) == [(6, 7, "PER"), (8, 9, "PER")]
    toks = "He met Presidents Vell , Tarrow and Reyd .".split()
    assert repair_spans(toks, [(3, 8, "ORG")]) == [(3, 4, "PER"), (5, 6, "PER"), (7, 8, "PER")]
    # one name after the title, or a body's name with lower-case words, is left alone
    toks = "Governors Island and Tarrow Park reopened .".split()
    assert repair_spans(toks, [(0, 2, "LOC"), (3, 5, "LOC")]) == [(0, 2, "LOC"), (3, 5, "LOC")]


def test_an_article_opens_no_persons_name() -> None:
    toks = "VELLMOOR , Dravia _ The Tomas Reyd who danced around his rivals is gone .".split()
    assert repair_spans(toks, [(0, 1, "LOC"), (2, 3, "LOC"), (4, 7, "PER")]) == [(0, 1, "LOC"), (2, 3, "LOC"), (5, 7, "PER")]
    # nor a name an article and lower-case words open
    assert repair_spans("The new Grand Tarvo may look like the old .".split(), [(0, 4, "ORG")]) == [(2, 4, "ORG")]
    # "An" is also a given name
    assert repair_spans("An Marvel won .".split(), [(0, 2, "PER")]) == [(0, 2, "PER")]
    # a body's or a place's name keeps its article
    toks = "I read The Tarnby Times in The Hague .".split()
    assert repair_spans(toks, [(2, 5, "ORG"), (6, 8, "LOC")]) == [(2, 5, "ORG"), (6, 8, "LOC")]


def test_a_rank_or_title_is_no_part_of_a_name() -> None:
    # a rank's abbreviation opens no person's name, nor a title a body's the tagger read before a given name
    toks = "Lt. Col. Barry Vellan , military spokesman , says so".split()
    assert repair_spans(toks, [(1, 4, "ORG")]) == [(2, 4, "PER")]
    assert repair_spans(toks, [(0, 4, "PER")]) == [(2, 4, "PER")]
    assert repair_spans("Sgt. Tomas A. Reyden , 31 , used dogs".split(), [(0, 4, "PER")]) == [(1, 4, "PER")]
    # a rank whose stop the tokenizer took for a sentence's is the next name's title, no part of a body
    toks = "to the chairman of the Tarnby Aviation Authority Brig .".split()
    assert repair_spans(toks, [(5, 9, "ORG")]) == [(5, 8, "ORG")]
    assert repair_spans("met Brig . Gen. Tomas Reyd".split(), [(1, 2, "LOC"), (4, 6, "PER")]) == [(4, 6, "PER")]
    # a body opening on a role word and no given name keeps it
    assert repair_spans("General Tarvo Motors said".split(), [(0, 3, "ORG")]) == [(0, 3, "ORG")]


def test_a_span_run_across_of_between_a_person_and_a_name_is_two() -> None:
    from storyline.analyze.entities import _split_at_person_of
    from storyline.records import Mention

    ms = [Mention(0, 10, "Tomas Dorn", "PERSON"), Mention(30, 46, "Dorn of Tarvocom", "PERSON"),
          Mention(60, 88, "Tarnby of Wang Youcai", "ORG"), Mention(100, 116, "Omar bin Rashid", "PERSON"),
          Mention(120, 141, "Tarvans of bin Rashid", "ORG"), Mention(150, 175, "College of Anna Reyd", "ORG")]
    got = [(m.text, m.label) for m in _split_at_person_of(ms + [Mention(190, 201, "Wang Youcai", "PERSON")])]
    assert got == [("Tomas Dorn", "PERSON"), ("Dorn", "PERSON"), ("Tarvocom", "ORG"), ("Tarnby", "ORG"),
                   ("Wang Youcai", "PERSON"), ("Omar bin Rashid", "PERSON"), ("Tarvans", "ORG"), ("bin Rashid", "PERSON"),
                   ("College of Anna Reyd", "ORG"), ("Wang Youcai", "PERSON")]
    assert [m.start for m in _split_at_person_of(ms)[1:3]] == [30, 38]
    # a name after "of" that opens on a given name of the lists is a person's too
    got = [m.text for m in _split_at_person_of([Mention(0, 34, "Republicanism of Dwight Eisenhower", "ORG")])]
    assert got == ["Republicanism", "Dwight Eisenhower"]
    # a title alone before "of" is an office, though a person on the page bears it as a surname
    ms = [Mention(0, 10, "Ivar Duke", "PERSON"), Mention(20, 33, "Duke of Tarnby", "ORG")]
    assert [m.text for m in _split_at_person_of(ms)] == ["Ivar Duke", "Duke of Tarnby"]
    # a person's full name before "of" and a body's: a given name of the lists opens it, or the page
    # writes its last word alone; the first "of" cuts when the body's name holds another
    ms = [Mention(0, 46, "Bulent Vellcit of the Democratic Left Party", "ORG"), Mention(60, 68, "Vellcit", "LOC")]
    assert [(m.text, m.label) for m in _split_at_person_of(ms)][:2] == [("Bulent Vellcit", "PERSON"),
                                                                      ("Democratic Left Party", "ORG")]
    ms = [Mention(0, 48, "Philip Okundo of the Kelby Bureau of Standards", "ORG")]
    assert [(m.text, m.label) for m in _split_at_person_of(ms)] == [("Philip Okundo", "PERSON"),
                                                                   ("Kelby Bureau of Standards", "ORG")]
    # a body whose words before "of" end on a common word stays whole, and so does the tail of a name after "of"
    ms = [Mention(0, 20, "Royal Bank of Tarnby", "ORG")]
    assert [m.text for m in _split_at_person_of(ms)] == ["Royal Bank of Tarnby"]
    text = "the Church of Jesus Christ of Latter-day Vells"
    ms = [Mention(14, 46, "Jesus Christ of Latter-day Vells", "ORG")]
    assert [m.text for m in _split_at_person_of(ms, text)] == ["Jesus Christ of Latter-day Vells"]


def test_a_name_written_as_a_bodys_is_no_thing() -> None:
    from storyline.analyze.entities import _kind_named_orgs
    from storyline.records import Mention

    text = "The radical group Tarvan Jihad struck. A Tarvan Jihad official spoke."
    ms = [Mention(18, 30, "Tarvan Jihad", "MISC"), Mention(41, 53, "Tarvan Jihad", "MISC")]
    assert [m.label for m in _kind_named_orgs(text, ms)] == ["ORG", "ORG"]
    text = "He met members of Velkan Jihad, an Egypt-based group behind the attack."
    assert [m.label for m in _kind_named_orgs(text, [Mention(18, 30, "Velkan Jihad", "MISC")])] == ["ORG"]
    # a people is no body: a plural, or a people's word
    text = "The Kelvans, an ethnic group of the north, marched with the group Haitian."
    ms = [Mention(4, 11, "Kelvans", "MISC"), Mention(66, 73, "Haitian", "MISC")]
    assert [m.label for m in _kind_named_orgs(text, ms)] == ["MISC", "MISC"]


def test_a_peoples_word_is_no_person_body_or_place() -> None:
    # a people's word made from its land's name (Uzbekistan, Comoros), before the noun or title it qualifies
    assert repair_spans("An Uzbek poet left .".split(), [(1, 2, "ORG")]) == [(1, 2, "MISC")]
    assert repair_spans("Comoran gendarmes woke him .".split(), [(0, 1, "PER")]) == [(0, 1, "MISC")]
    assert repair_spans("He met Tajik President Omar Velk .".split(), [(2, 3, "LOC"), (4, 6, "PER")])[0] == (2, 3, "MISC")
    # the plural of a people's word the gazetteer lists ("Croat"), alone among peoples
    toks = "Serbs , Croats and Velkans fought .".split()
    assert (2, 3, "MISC") in repair_spans(toks, [(0, 1, "MISC"), (2, 3, "PER")])
    # a verb after the word, or a party named by a plural after a people's word, is left alone
    assert repair_spans("Uzbek said it would fly .".split(), [(0, 1, "ORG")]) == [(0, 1, "ORG")]
    assert repair_spans("the Australian Democrats voted .".split(), [(1, 3, "ORG")]) == [(1, 3, "ORG")]


def test_a_body_named_across_and_is_one() -> None:
    toks = "He met the Ways and Means Committee on Monday .".split()
    assert repair_spans(toks, [(5, 7, "ORG")]) == [(3, 7, "ORG")]
    toks = "he told the House Ways and Means Committee".split()
    assert repair_spans(toks, [(3, 4, "ORG"), (6, 8, "ORG")]) == [(3, 8, "ORG")]
    toks = "officials of the Roads and Bridges Authority came".split()
    assert repair_spans(toks, [(5, 7, "ORG")]) == [(3, 7, "ORG")]
    # a name before "and" is a name of its own; no body's word, no body
    toks = "the Senate and House Ethics Committee met".split()
    assert repair_spans(toks, [(1, 2, "ORG"), (3, 6, "ORG")]) == [(1, 2, "ORG"), (3, 6, "ORG")]
    toks = "the Velk and Tarvan Motors deal".split()
    assert repair_spans(toks, [(3, 5, "ORG")]) == [(3, 5, "ORG")]


def test_a_title_before_an_office_and_its_holder_is_the_holders() -> None:
    # "Deputy" governs the name after "Counsel": the words between name the office's body, no person
    toks = "the answer that Deputy Marrow House Counsel Ann Holt gave".split()
    assert repair_spans(toks, [(4, 6, "LOC"), (7, 9, "PER")]) == [(4, 6, "LOC"), (7, 9, "PER")]
    # a name right after the title stays a person's
    assert repair_spans("the answer that Deputy Marrow Vell gave".split(), [(4, 6, "LOC")]) == [(4, 6, "PER")]


def test_a_title_and_a_name_after_a_names_comma_are_another_persons() -> None:
    """In a list of people, "<name>, <title> <name>" is two people: the title is the later one's, no
    apposition of the name before it (nor does it make a place before the comma a person's name)."""
    from storyline.analyze.entities import recognize_entities

    def roles(text: str) -> dict[str, str | None]:
        return {m.text: m.role for m in recognize_entities(text) if m.label == "PERSON"}

    found = roles("Guests at the gala included Torvin Hale, former Velish Prime Minister Ardo Menck, and the singer Lisa Crane.")
    assert found.get("Torvin Hale") is None and found.get("Ardo Menck") == "former Velish Prime Minister", found
    found = roles("The telethon drew designers Mara Lind and Tobin Voss, former Foreign Minister Ilan Ferro and the soprano Ada Wren.")
    assert found.get("Tobin Voss") is None and found.get("Ilan Ferro") == "former Foreign Minister", found
    # an apposition whose title names a person in a possessive or after "of" stays one
    assert roles("Tipper Vane, wife of Vice President Al Vane, visited the camp.")["Tipper Vane"] == \
        "wife of Vice President Al Vane"
    assert roles("Ann Lee, President Tom Vane's adviser, said the plan would work.")["Ann Lee"] == \
        "President Tom Vane 's adviser"


def test_a_place_read_as_a_person_is_a_place_after_in_or_its_kind() -> None:
    from storyline.analyze.entities import recognize_entities

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in recognize_entities(text)]

    # a place of the lists after "in", though a given name too; not a common surname, nor a longer name's word
    text = ("Starting in April, Denver will host the fan convention. More than 15,000 fans packed a museum in "
            "Denver for the three-day event, which landed in Denver on the same weekend.")
    assert names(text)[1:] == [("Denver", "LOC"), ("Denver", "LOC")], names(text)
    assert names("Voters have confidence in Clinton, the poll said.") == [("Clinton", "PERSON")]
    assert names("He spoke at Lawrence High School on Monday.") == [("Lawrence High School", "ORG")]
    # a kind of place before "of", or an apposition naming one
    assert ("Nueva Corvina", "LOC") in names("In the flood-ravaged neighborhood of Nueva Corvina, rescuers loaded dogs.")
    found = names("Tourists swarmed to Doi Kamvela, Thailand's highest peak at 2,565 meters, and Doi Pramet, "
                  "another mountain with a temple on top.")
    assert ("Doi Kamvela", "LOC") in found and ("Doi Pramet", "LOC") in found, found
    # a role's field is no place's kind
    assert names("Calvin Rerock, the county attorney, charged him.") == [("Calvin Rerock", "PERSON")]
    assert names("Tom Vell, a city council member, spoke.") == [("Tom Vell", "PERSON")]


def test_a_person_whose_apposition_names_a_place_in_a_clause_or_an_object_stays_a_person() -> None:
    """A kind of place after a relative pronoun or a determiner of its own is the object of a clause or a
    phrase in the apposition, not its head ("Ann Lee, a nurse who loves the city"); a name in a
    possessive after a kind of place is no place ("the peak of Ann Lee's career")."""
    from storyline.analyze.entities import recognize_entities

    def label(text: str, name: str) -> str:
        return next(m.label for m in recognize_entities(text) if m.text == name)

    assert label("Ann Lee, a nurse who loves the city, spoke on Monday.", "Ann Lee") == "PERSON"
    assert label("Tom Vane, the man who founded the village, died on Monday.", "Tom Vane") == "PERSON"
    assert label("Maria Cole, a councilwoman representing the neighborhood, objected.", "Maria Cole") == "PERSON"
    assert label("It came at the peak of Michael Jordan's career.", "Michael Jordan") == "PERSON"
    assert label("It came at the peak of Michael Jordan 's career .", "Michael Jordan") == "PERSON"   # (tokenized)
    assert label("Tourists swarmed to Doi Kamvela, Thailand's highest peak, on Monday.", "Doi Kamvela") == "LOC"


def test_a_site_or_a_business_named_like_a_person_is_no_person() -> None:
    """A name the tagger reads as a person's that ends on a site's or a business's head ("Falls", "Dam",
    "Heights", "Winery", "High") is that site or business; a head the lists hold as a common surname
    leaves the person ("Ricki Lake", "Grant Hill"), and so do given names before a rarer one ("John Tower")."""
    from storyline.analyze.entities import recognize_entities

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in recognize_entities(text)]

    assert names("Water poured over Owen Falls Dam on Tuesday.") == [("Owen Falls Dam", "LOC")]
    assert names("The police searched the Wappingers Falls home of Ann Tarvo.") == [
        ("Wappingers Falls", "LOC"), ("Ann Tarvo", "PERSON")]
    assert ("Gundlach-Bundschu Winery", "ORG") in names("Jeff Bundschu of Gundlach-Bundschu Winery said the harvest was late.")
    assert repair_spans(["Tarvo", "Heights", "residents", "met"], [(0, 2, "PER")]) == [(0, 2, "LOC")]
    assert repair_spans(["at", "Tarvo", "High", "on", "Monday"], [(1, 3, "PER")]) == [(1, 3, "ORG")]
    assert names("Ricki Lake and Grant Hill arrived on Monday.") == [("Ricki Lake", "PERSON"), ("Grant Hill", "PERSON")]
    # given names before a surname the lists hold, however rare, stay a person
    assert names("Senator John Tower said the vote was close.") == [("John Tower", "PERSON")]
    assert ("Mary G. Harbor", "PERSON") in names("Mary G. Harbor, a teacher, met Tom Garden on Monday.")


def test_a_sentence_adverb_in_ly_opening_a_sentence_is_no_name() -> None:
    """An adverb made with "-ly" from a word news writes in lower case ("Interestingly", "Logistically"),
    which the vocabulary does not hold, is a common word at a sentence's start; no given name in "-ly"
    is made so ("Kimberly", "Carly")."""
    from storyline.analyze.entities import _lowercase_word, recognize_entities

    found = [m.text for m in recognize_entities("Interestingly, the Tarvo Party drew more young voters than Ann Vell expected.")]
    assert found == ["Tarvo Party", "Ann Vell"], found
    assert _lowercase_word("Logistically") and _lowercase_word("Outwardly")
    assert not any(_lowercase_word(w) for w in ("Kimberly", "Carly", "Beverly", "Italy", "Connolly"))


def test_a_title_the_tagger_took_in_before_a_given_name_is_no_part_of_it() -> None:
    # a role word, a noun naming a person by what they do, or a role's modifier before a given name
    assert repair_spans("said Assemblyman Joseph Kravel , D-Union .".split(), [(1, 4, "PER")]) == [(2, 4, "PER")]
    toks = "State Wildlife Pathologist Ward Stonel said it .".split()
    assert repair_spans(toks, [(1, 5, "PER")]) == [(3, 5, "PER")]
    assert repair_spans("Students Natalie Brookner , Paige Herrin".split(), [(0, 3, "PER")])[0] == (1, 3, "PER")
    # a list's item the tagger left the title out of, which the list's rule takes in
    toks = "Students Natalie Brookner , Paige Herrin , Ann Tolvey and Tom Varnell died .".split()
    got = repair_spans(toks, [(1, 3, "PER"), (4, 6, "PER"), (7, 9, "PER"), (10, 12, "PER")])
    assert got[0] == (1, 3, "PER")
    # the words before the title name a body of their own, and keep its type
    toks = "says Shamrock Principal Tom Davison with regret".split()
    assert repair_spans(toks, [(1, 5, "ORG")]) == [(1, 2, "ORG"), (3, 5, "PER")]
    toks = "invited University of Tarnby Regent Ward Connelly to speak".split()
    assert repair_spans(toks, [(1, 7, "ORG")]) == [(1, 4, "ORG"), (5, 7, "PER")]
    # after an office's role word and "of", the words before the name are the office's
    toks = "Kelby Minister of Public Health Sam Ongerok told them".split()
    assert repair_spans(toks, [(3, 7, "ORG")]) == [(5, 7, "PER")]
    toks = "medical Officer of Health S.K. Sharif was quoted".split()
    assert repair_spans(toks, [(1, 6, "ORG")]) == [(4, 6, "PER")]
    # a nickname, a title written with the name, a body or a place named after a person keep their span
    assert repair_spans("Sugar Ray Leonid fought".split(), [(0, 3, "PER")]) == [(0, 3, "PER")]
    assert repair_spans("Lady Diana Spenwell came".split(), [(0, 3, "PER")])[0][1:] == (3, "PER")
    assert repair_spans("the Democratic Karen Buddhist Army".split(), [(1, 5, "ORG")]) == [(1, 5, "ORG")]
    assert repair_spans("on Avenue Victor Hugo".split(), [(1, 4, "LOC")]) == [(1, 4, "LOC")]
    assert repair_spans("Senator John Tower spoke".split(), [(1, 3, "PER")]) == [(1, 3, "PER")]


def test_two_bodies_joined_by_and_or_or_are_two() -> None:
    toks = "with the Tarnby Defense Department or Vell Transport Department .".split()
    assert repair_spans(toks, [(2, 9, "ORG")]) == [(2, 5, "ORG"), (6, 9, "ORG")]
    toks = "the Kelby Research Institute and Tarvan Health Fund said .".split()
    assert repair_spans(toks, [(1, 8, "ORG")]) == [(1, 4, "ORG"), (5, 8, "ORG")]
    # one body whose name holds "and" stays one
    toks = "the Department of Health and Human Services said".split()
    assert repair_spans(toks, [(1, 7, "ORG")]) == [(1, 7, "ORG")]
    toks = "the Kelby Securities and Investment Commission said".split()
    assert repair_spans(toks, [(1, 6, "ORG")]) == [(1, 6, "ORG")]


def test_a_peoples_word_the_tagger_took_in_before_a_person_is_no_part_of_the_name() -> None:
    """People's or creeds' words the tagger ran into the person they qualify ("Bosnian Serb Tomas Vrel",
    "South African Ann Reyd", "Sunni Omar Vell") are a people's word (MISC) and the person; a body or a
    thing named after a people keeps its name ("British Airways", "Belgian Grand Prix"), and a given
    name that is a creed's word too opens the person's name ("Christian Vell")."""
    toks = "set by South African Ann Reyd at the games".split()
    assert repair_spans(toks, [(2, 6, "ORG")]) == [(2, 4, "MISC"), (4, 6, "PER")]
    toks = "the trial of Bosnian Serb Dragan Vrel opened".split()
    assert repair_spans(toks, [(3, 7, "PER")]) == [(3, 5, "MISC"), (5, 7, "PER")]
    toks = "Sunni Omar Vell was prime minister".split()
    assert repair_spans(toks, [(0, 3, "PER")]) == [(0, 1, "MISC"), (1, 3, "PER")]
    for toks, span in (("he flew British Airways home".split(), (2, 4, "ORG")),
                       ("he won the Belgian Grand Prix".split(), (3, 6, "MISC")),
                       ("the Democratic Karen Buddhist Army fought".split(), (1, 5, "ORG")),
                       ("Christian Vell captained the flight".split(), (0, 2, "PER"))):
        assert repair_spans(toks, [span]) == [span]


def test_two_one_word_names_joined_by_and_are_two() -> None:
    """A body's span of two one-word names across "and" ("Tarvox and Quellby", "Prozac, Zoloft and
    Paxil") is two bodies, unless a side may be a founder's name or a common word ("Marks and Spencer",
    "Globe and Mail") or the lists know the whole."""
    toks = "allowed Tarvox and Quellby to discuss toys".split()
    assert repair_spans(toks, [(1, 4, "ORG")]) == [(1, 2, "ORG"), (3, 4, "ORG")]
    for toks in ("shares of Marks and Spencer rose".split(), "quoted by The Globe and Mail newspaper".split()):
        k = toks.index("and")
        assert repair_spans(toks, [(k - 1, k + 2, "ORG")]) == [(k - 1, k + 2, "ORG")]


def test_a_cup_or_a_ball_named_after_a_title_in_the_plural_keeps_its_name() -> None:
    # the tagger's span opens on the title and runs across no "and": a cup's, a ball's or a club's name
    toks = "The Presidents Cup and Tarvo Cup drew crowds .".split()
    assert repair_spans(toks, [(1, 3, "MISC"), (4, 6, "MISC")]) == [(1, 3, "MISC"), (4, 6, "MISC")]
    toks = "She danced at the Governors Ball and Velkfest .".split()
    assert repair_spans(toks, [(4, 6, "MISC"), (7, 8, "ORG")]) == [(4, 6, "MISC"), (7, 8, "ORG")]
    # a span across "and" is still two people
    toks = "Justices Vell and Reyd dissented .".split()
    assert repair_spans(toks, [(0, 4, "ORG")]) == [(1, 2, "PER"), (3, 4, "PER")]


def test_a_firms_or_a_kickers_words_before_a_comma_and_a_dash_are_no_dateline() -> None:
    # "AT&T" is no town, "SPORTS" and "Weather" are words news writes in lower case
    toks = "AT&T , Velcom -- Both carriers raised prices .".split()
    assert repair_spans(toks, [(0, 1, "ORG"), (2, 3, "ORG")]) == [(0, 1, "ORG"), (2, 3, "ORG")]
    assert repair_spans("SPORTS , Weather -- Here is the list .".split(), [(0, 1, "ORG")]) == [(0, 1, "ORG")]


def test_capitalised_words_in_quotes_are_a_works_title() -> None:
    """Two to seven capitalised words in double quotes (link words in lower case) are one title, CoNLL's
    MISC, however the tagger cut or typed them; not a nickname inside a name, a person's title's
    nickname, a cry, or a quote in a headline of capitalised words."""
    toks = 'She is best known for " Ice Cold in Varnholm " and " The Folding Chair " .'.split()
    assert repair_spans(toks, [(9, 10, "LOC"), (14, 16, "MISC")]) == [(6, 10, "MISC"), (13, 16, "MISC")]
    toks = 'It was billed as the " Return of the Tarvo Legend " on Sunday .'.split()
    assert repair_spans(toks, [(9, 11, "PER")]) == [(6, 11, "MISC")]
    toks = 'He read " Sleeping Bread " aloud .'.split()
    assert repair_spans(toks, []) == [(3, 5, "MISC")]
    # a name the tagger read whole keeps its type; a title's nickname, a cry, two words with a name inside are left
    toks = 'The " Velk Team " won again .'.split()
    assert repair_spans(toks, [(2, 4, "ORG")]) == [(2, 4, "ORG")]
    toks = 'a politician with a " Mr Tidy " reputation'.split()
    assert repair_spans(toks, [(6, 7, "PER")]) == [(6, 7, "PER")]
    toks = 'The crowd shouted " Death to the Tarvans " again .'.split()
    assert repair_spans(toks, [(7, 8, "MISC")]) == [(7, 8, "MISC")]
    toks = 'The men shouted " Allahu Vellbar " loudly .'.split()
    assert repair_spans(toks, [(4, 5, "PER")]) == [(4, 5, "PER")]
    toks = 'Mayor Says " Big Plans " Are Coming Soon'.split()
    assert repair_spans(toks, []) == []


def test_the_last_two_names_of_a_list_joined_by_and_are_two() -> None:
    """After a body's name and a comma, a body's span across its one "and" is the list's last two
    items ("A , B and C"), unless each side is a founder's word alone ("Marks and Spencer")."""
    toks = "Envoys of Tarvo Bank , Kelby Trust , Banc Nine and First Vellmore met .".split()
    spans = [(2, 4, "ORG"), (5, 7, "ORG"), (8, 13, "ORG")]
    assert repair_spans(toks, spans) == [(2, 4, "ORG"), (5, 7, "ORG"), (8, 10, "ORG"), (11, 13, "ORG")]
    toks = "Shoppers like Tesco , Marks and Spencer and others .".split()
    assert repair_spans(toks, [(2, 3, "ORG"), (4, 7, "ORG")]) == [(2, 3, "ORG"), (4, 7, "ORG")]
    # no name and comma before it: one name
    toks = "He said Banc Nine and First Vellmore merged .".split()
    assert repair_spans(toks, [(2, 6, "ORG")]) == [(2, 6, "ORG")]


def test_a_name_after_a_competitor_and_country_on_a_results_line_is_a_team() -> None:
    """After a person's name and a country in brackets, a name the tagger read as a person's that opens
    on no given name, and a figure follows, is the competitor's team ("Reyd Tarvo"); a list of players
    ("Ann Lee ( Italy ) , Tom Vell , Al Reyd") and a name its country follows are left alone."""
    toks = "1. Ivo Zarnet ( Italy ) , Reyd Tarvo , 53.980".split()
    assert repair_spans(toks, [(1, 3, "PER"), (4, 5, "LOC"), (7, 9, "PER")]) == [(1, 3, "PER"), (4, 5, "LOC"), (7, 9, "ORG")]
    toks = "70 Ann Lee ( Italy ) , Tom Vell , Al Reyd".split()
    spans = [(1, 3, "PER"), (4, 5, "LOC"), (7, 9, "PER"), (10, 12, "PER")]
    assert repair_spans(toks, spans) == spans
    toks = "2. Ivo Zarnet ( Italy ) , Reyd Tarvo ( Peru ) 10.2".split()
    spans = [(1, 3, "PER"), (4, 5, "LOC"), (7, 9, "PER"), (10, 11, "LOC")]
    assert repair_spans(toks, spans) == spans


def test_a_craft_named_after_its_kind_is_one_everywhere_on_the_page() -> None:
    """A name right after a vessel's or a craft's kind ("the submarine Kestrel", "aircraft carriers Tom
    Vell and Tarvo") or a navy's prefix is the craft's (MISC) on the whole page, whatever the tagger read
    (a town, a person); after a celestial body's kind ("moon Tarvo") a place."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    got = names("The nuclear submarine Kestrel sank in the Barents Sea. Kestrel had 118 men aboard.")
    assert got.count(("Kestrel", "MISC")) == 2
    got = names("Planes on the aircraft carriers Tom Vell and Tarvo flew again. The Tom Vell leads a battle group.")
    assert ("Tarvo", "MISC") in got and got.count(("Tom Vell", "MISC")) == 2
    got = names("Jupiter's moon Tarvo has volcanoes. Scientists say Tarvo is hot.")
    assert got.count(("Tarvo", "LOC")) == 2
    assert ("Russian", "MISC") in names("The Russian submarine sank near Vellmore.")
    # "and" after a kind in the singular joins no other name to the craft
    assert ("Russia", "LOC") in names("The submarine Kestrel and Russia's Northern Fleet were named.")



def test_a_craft_named_after_a_place_leaves_the_place_a_place() -> None:
    """A craft often bears a place's name, and its story names the place too: where the page writes the name
    bare after a preposition of place or in a bare possessive ("residents of Vellmark", "Vellmark's
    government"), it is the place; the craft takes its article ("the Vellmark")."""
    import storyline

    text = "The submarine Dorn sank in the Velm Sea on Saturday. In the city of Dorn, relatives gathered at the church."
    got = [(m.text, m.label) for m in storyline.recognize_entities(text) if m.text == "Dorn"]
    assert got == [("Dorn", "MISC"), ("Dorn", "LOC")], got
    text = "The ferry Ostland sank off Norland on Monday. Crowds in Ostland laid flowers at the port."
    got = [(m.text, m.label) for m in storyline.recognize_entities(text) if m.text == "Ostland"]
    assert got == [("Ostland", "MISC"), ("Ostland", "LOC")], got


def test_a_common_word_capitalised_before_a_bodys_name_opens_it() -> None:
    """A word news writes in lower case, capitalised mid-sentence after a word in lower case or a
    possessive, right before a body's name the tagger cut after it, is the name's first word; not an
    article, a title, a sentence's first word, nor in a headline of capitalised words."""
    toks = "data from the Jet Tarvo Laboratory in Vellmore , which runs it .".split()
    assert repair_spans(toks, [(4, 6, "ORG"), (7, 8, "LOC")]) == [(3, 6, "ORG"), (7, 8, "LOC")]
    toks = "a scientist at Kelby 's Jet Tarvo Laboratory said".split()
    assert repair_spans(toks, [(3, 4, "ORG"), (6, 8, "ORG")]) == [(3, 4, "ORG"), (5, 8, "ORG")]
    for toks, span in (("he told The Tarvo Herald on Monday".split(), (3, 5, "ORG")),
                       ("Jet Tarvo Laboratory said so".split(), (1, 3, "ORG")),
                       ("Jet Lands At Tarvo Field Today".split(), (3, 5, "LOC"))):
        assert repair_spans(toks, [span]) == [span]


def test_a_place_listed_with_other_places_stays_a_place_beside_a_craft_of_its_name() -> None:
    """A craft named after a place leaves the place a place where the page lists it with another place
    ("Norland and Ostland" after "the ferry Ostland"); the craft keeps its name elsewhere."""
    import storyline

    text = ("The ferry Ostland sank on its way to Velmholm. Divers from Norland and Ostland searched the wreck. "
            "The Ostland carried 900 people. Kelland , Ostland , Sarmia protested.")
    got = [(m.text, m.label) for m in storyline.recognize_entities(text) if m.text == "Ostland"]
    assert got == [("Ostland", "MISC"), ("Ostland", "LOC"), ("Ostland", "MISC"), ("Ostland", "LOC")], got


def test_a_lists_links_are_read_alike_by_every_rule_of_lists() -> None:
    """The links between a list's names are one rule (``_LIST_LINK``; ``_LIST_JOINT`` the conjunctions): a
    serial comma before "and" ("Vellco, Tarvo, and Kessberg") splits a span the tagger ran across the list,
    "or" joins a name to a craft's after a kind in the plural ("the aircraft carriers Vell or Tarvo") and "&"
    to a product's ("the drugs Zorvex & Melidra")."""
    import storyline
    from storyline.analyze.entities import split_joined_names
    from storyline.records import Mention

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    ms = [Mention(start=0, end=27, text="Vellco, Tarvo, and Kessberg", label="ORG", article_id="a")] + [
        Mention(start=a, end=a + len(w), text=w, label="ORG", article_id="a")
        for a, w in ((40, "Vellco"), (50, "Tarvo"), (60, "Kessberg"))]
    assert [m.text for m in split_joined_names(ms)][:3] == ["Vellco", "Tarvo", "Kessberg"]
    got = names("Planes on the aircraft carriers Vell or Tarvo flew again. Tarvo docked in Norport on Monday.")
    assert got.count(("Tarvo", "MISC")) == 2, got
    got = names("Doctors prescribe the drugs Zorvex & Melidra. Melidra sales rose at Tarnby Corp.")
    assert got.count(("Melidra", "MISC")) == 2, got


def test_an_organisations_first_word_alone_is_its_short_name() -> None:
    """The first word of an organisation the page names in full, written alone where the tagger read
    nothing ("earn Real a point", "Real looked"), or in a span the tagger ran across a list of such
    words ("grab Tarvo or Vell"), is that organisation; not before a capitalised word or a noun of a
    body's kind ("the ruling Tarvo league"), nor a given name or a place of the lists."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    text = ("Tarvo Bancorp Inc. and Vell Bancshares Inc. are for sale. Rivals could grab Tarvo or Vell . "
            "Tarvo and Vell did not return calls. The deal would help Tarvo grow.")
    got = names(text)
    assert got.count(("Tarvo", "ORG")) == 3 and got.count(("Vell", "ORG")) == 2, got
    assert not any(" or " in n or " and " in n for n, _ in got), got
    got = names("Real Madrid drew 1-1 . The late goal earned Real a point . Real looked beaten at the break .")
    assert got.count(("Real", "ORG")) == 2, got
    # a sentence's first word stands alone before a past form or an auxiliary, not before a plural noun
    from storyline.analyze.entities import _bare_short_name

    text = "It fell .\n\nSpace experts consider it small . Tarvo looked beaten . Tarvo has won ."
    assert [_bare_short_name(text, a, a + 5) for a in (text.index("Space"), text.index("Tarvo"),
                                                        text.rindex("Tarvo"))] == [False, True, True]
    # a creed's word that opens a body's name is no short name for it
    from storyline.analyze.entities import _short_name_word

    assert [_short_name_word(w) for w in ("Shiite", "Socialist", "University", "Tarvo")] == [False, False, False, True]
    # a given name that opens a firm's name ("Mary Kay Inc.") is no short name for it
    assert ("Mary", "ORG") not in names("Mary Kay Inc. sells soap . She met Mary at noon .")


def test_a_day_that_opens_a_bodys_name_is_no_short_name_and_the_reading_stays_linear() -> None:
    """"The Sunday Times" does not make "on Sunday" an organisation; a long run of words glued by commas
    after a short name is read once (no rescan of the run from every word)."""
    import time

    import storyline
    from storyline.analyze.entities import _short_names
    from storyline.records import Mention

    got = [(m.text, m.label) for m in storyline.recognize_entities(
        "The Sunday Times printed the letter. The paper said on Sunday that the minister would resign.")]
    assert ("Sunday", "ORG") not in got, got
    text = "Tarvo Bancorp won . the " + "Tarvo," * 40000
    t0 = time.perf_counter()
    _short_names(text, [Mention(start=0, end=13, text="Tarvo Bancorp", label="ORG", article_id="a")])
    assert time.perf_counter() - t0 < 3.0


def test_a_craft_named_after_its_kind_a_comma_and_the_is_a_craft() -> None:
    """A craft's kind before a comma and "the" names the craft after them ("the heavy-lifting barge, the
    Sea Kestrel") as it does right before it; a barge and a tug are crafts."""
    import storyline

    got = [(m.text, m.label) for m in storyline.recognize_entities(
        "The wreck was lifted by the heavy-lifting barge, the Sea Kestrel, and towed to port. "
        "Crews on the tug Tarvo Star waited.")]
    assert ("Sea Kestrel", "MISC") in got and ("Tarvo Star", "MISC") in got, got
    # no apposition closed by a comma: "the" opens a clause's subject
    got = [(m.text, m.label) for m in storyline.recognize_entities(
        "In addition to two submarines, the Navy sent a surface ship.")]
    assert ("Navy", "ORG") in got, got


def test_a_name_written_as_a_movement_or_a_sect_is_a_body_not_a_person() -> None:
    """A name of two words or more read as a person's, opening on no given name, is a body of people's
    everywhere on the page where the page writes it with a noun of a faith or a cause before or after it
    ("the sect Tarvo Gong", "the Tarvo Gong spiritual movement"); a person's name is left alone."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    got = names("The ministry accused Tarvo Gong of inciting disturbances. The Tarvo Gong movement has "
                "millions of members.")
    assert [label for n, label in got if n == "Tarvo Gong"] == ["ORG", "ORG"], got
    got = names("Leaders of the Buddhist spiritual group, Tarvo Gong, were detained. Tarvo Gong denied it.")
    assert [label for n, label in got if n == "Tarvo Gong"] == ["ORG", "ORG"], got
    assert ("Tom Vell", "PERSON") in names("Tom Vell said the movement would go on.")
    assert ("Charlie Vell", "PERSON") in names("As the head of a national organization, Charlie Vell has seen it all.")


def test_a_peoples_word_spelt_with_no_h_is_a_peoples_word() -> None:
    """"Kazak" (Kazakhstan's people in the older spelling, "kh" written "k") before a title or a noun is a
    people's word, MISC, as "Kazakh" is."""
    import storyline

    got = [(m.text, m.label) for m in storyline.recognize_entities("He met Kazak President Tom Vell in Velmore.")]
    assert ("Kazak", "MISC") in got, got


def test_a_headline_in_capitals_reads_its_names_from_the_body_and_the_lists() -> None:
    """With no case to go by, a line of capitals takes its names from the document's lines in mixed case and
    from the tagger's lists: a name the body writes twice or more with one type that the tagger read as none
    there ("TARVIK" of "Tarvik drew ... Tarvik coach"); a name the tagger ran across a word news writes in
    lower case, cut to the body's name of its type ("VASKO ARRIVES" -> "VASKO"); a state's or a people's
    name of the lists ("NEW HAMPSHIRE", "IRAQIS", "SOUTH AFRICAN")."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    got = names("RUGBY - TARVIK SCRAPE DRAW .\nTarvik drew 1-1 with Vell on Saturday .\n"
                "Tarvik coach Tom Brand said the draw was fair .")
    assert ("TARVIK", "ORG") in got, got
    got = names("ENVOY VASKO ARRIVES IN CHILE .\nSANTIAGO 1996-08-31\nEnvoy Ana Vasko arrived in Chile on "
                "Saturday .\nVasko will meet the president .")
    assert ("VASKO", "PERSON") in got, got
    assert ("NEW HAMPSHIRE", "LOC") in names("TWO DIE AS NEW HAMPSHIRE MOTEL EXPLODES .\nA blast destroyed a motel .")
    assert ("IRAQIS", "MISC") in names("SEVEN IRAQIS CHARGED WITH HIJACK .\nSeven men were charged on Friday .")
    got = names("HOCKEY - VELL TAKES OVER AS SOUTH AFRICAN COACH .\nTom Vell will coach the team .")
    assert ("SOUTH AFRICAN", "MISC") in got, got
    # a word that makes the name another kind stays in it ("MALAYSIAN OPEN", an event; the body writes
    # "Malaysian" alone), and so does a word news writes as a name
    got = names("BADMINTON - MALAYSIAN OPEN RESULTS .\nResults from the tournament on Friday :\n"
                "Malaysian players won twice , and Malaysian fans cheered .")
    assert ("MALAYSIAN OPEN", "MISC") in got, got


def test_a_lands_dwellers_in_ers_are_a_people_and_i_m_is_no_name() -> None:
    """The people of a land named with "-ers" after a country's, a region's or a capital's name of the lists
    ("Quebecers", "Icelanders"), also after a quantifier that opens the sentence ("Many Quebecers"), are a
    people (MISC), not a person; "I'm", "I'll" (the pronoun glued to its verb) are no name; a broadcaster
    named "Radio ..." is a body whatever its last word ("Radio Free Asia", not a place)."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    got = names("Many Quebecers voted for sovereignty. French Quebecers and English Quebecers disagree. "
                "Quebecers went to the polls.")
    assert got and all(label == "MISC" for _, label in got) and ("Quebecers", "MISC") in got, got
    # a surname or a team in "-ers" is none ("Sanders": no land "Sand" of the lists' kinds)
    assert ("Tom Sanders", "PERSON") in names("Tom Sanders said the vote was close.")
    assert [n for n, _ in names("\"I'm not afraid,\" said Tom Vell. \"I'm going home.\" I'm sure, he said.")] == ["Tom Vell"]
    assert names("The broadcaster Radio Free Asia reported the arrests. Radio Free Asia said the monks were held.") \
        == [("Radio Free Asia", "ORG"), ("Radio Free Asia", "ORG")]


def test_a_headline_in_capitals_takes_no_common_word_for_a_body_name_or_a_listed_one() -> None:
    """A line of capitals takes a body's name only where news writes its word as a name ("MAY" of "DEAL MAY
    SLIP" is the verb, though the body writes "May said" twice), and a listed people's word only where the
    body does not write it in lower case ("SWEDES" of "frost damaged swedes", a root); a company's name that
    ends on its trade stays whole ("FORD MOTOR"); "I'M" in capitals is no name; "Radio City Music Hall" is a
    building, not a broadcaster; "Hamburgers" (the food: news writes "hamburger") are no land's dwellers."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    got = names("VELKA SAYS TRADE DEAL MAY SLIP\nPrime Minister Ana May said on Monday the deal could be late. "
                "May told lawmakers she would stay. May added that talks would go on.")
    assert [n for n, _ in got if n.isupper()] == ["VELKA"], got
    assert names("FROST HITS SWEDES AND TURNIPS\nFarmers near Tarby said frost damaged swedes on Monday.") \
        == [("Tarby", "LOC")]
    assert ("FORD MOTOR", "ORG") in names("FORD MOTOR RECALLS CARS\nFord said it would recall 900 cars. Ford "
                                          "shares fell.")
    assert "I'M" not in [n for n, _ in names("I'M NOT QUITTING, SAYS VELL\nTom Vell said on Monday he would stay.")]
    assert ("Radio City Music Hall", "LOC") in names("The band played at Radio City Music Hall in New York on Friday.")
    assert ("Hamburgers", "MISC") not in names("Hamburgers and fries were served.")


def test_no_name_runs_across_a_headline_in_capitals_or_a_fixtures_row() -> None:
    """A headline in capitals with no final stop, as wide as the text's widest line, is a line of its own, and
    so are a fixtures table's rows and the heading after one: no name runs from the headline's last word
    into the body's first ("VELL\\nTom Vell" had been one name) nor from a row's side into the heading
    ("Vell\\nDivision")."""
    import storyline

    text = ("HARBOR LEAGUE - TARNBY BEAT VELL\nTom Vell scored.\n"
            "Fixtures on Saturday :\nOxmere v Vell\nDivision two\nSorn v Brae\n")
    names = [m.text for m in storyline.recognize_entities(text)]
    assert not any("\n" in n for n in names), names
    assert "Tom Vell" in names, names


def test_a_place_in_a_capitals_headline_that_the_body_writes_as_a_common_word_is_no_name() -> None:
    """A one-word place of a line of capitals whose word the body writes only in lower case ("CHILE PRICES
    SOAR" over "chile prices rose") is that common word; where the body writes the country ("Chile said") it
    stays a place."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    got = names("CHILE PRICES SOAR AFTER FROST\nWholesale chile prices rose on Monday as frost hit the crop in Tarby.")
    assert got == [("Tarby", "LOC")], got
    got = names("CHILE SAYS TALKS TO GO ON\nChile said on Monday talks with Peru would go on.")
    assert ("CHILE", "LOC") in got, got


def test_a_name_read_as_a_person_before_a_spacecrafts_kind_is_the_craft() -> None:
    """A name right before a spacecraft's kind ("NASA's Kessler spacecraft") is the craft (MISC), and so is
    every mention of it on the page ("Kessler sent back pictures"), not the person it is named after, whose
    full name stays a person's ("Anton Kessler"); a bare "probe" is an inquiry's too ("the Starr probe")."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    got = names("NASA's Kessler spacecraft reached Saturn on Monday. Kessler sent back pictures of the rings. "
                "The craft is named for Anton Kessler, who studied the rings.")
    assert ("Kessler", "PERSON") not in got and ("Kessler", "MISC") in got, got
    assert ("Anton Kessler", "PERSON") in got, got
    assert ("Starr", "PERSON") in names("Prosecutors widened the Starr probe. Kenneth Starr said nothing.")


def test_a_name_the_tagger_continues_with_another_type_is_one_name() -> None:
    """An inside tag of another type continues the name before it ("Radio/B-LOC City/I-LOC Music/I-PER
    Hall/I-PER" is one name, typed by its end), where the conlleval chunks cut it; a name opening on "Radio"
    and ending on a building's word is the building, a place."""
    import storyline
    from storyline.analyze.entities import continued_spans

    assert continued_spans(["O", "B-LOC", "I-LOC", "I-PER", "I-PER", "O", "B-PER", "B-ORG"]) == [
        (1, 5, "PER"), (6, 7, "PER"), (7, 8, "ORG")]
    got = [(m.text, m.label) for m in storyline.recognize_entities(
        "The show at Radio City Music Hall sold out. Radio City holds 6,000 people.")]
    assert ("Radio City Music Hall", "LOC") in got, got


def test_a_capitals_place_the_body_writes_in_an_address_a_name_or_a_list_stays_a_place() -> None:
    """The body's lower case of an address or a tag ("www.turkey.gov", "#turkey") is no common word; a word the
    body's tagger reads as a name ("the jordan river"), or a line of capitals lists with a place ("ANKARA,
    TURKEY", "CHINA, JAPAN"), is the place: none drops the headline's place."""
    import storyline

    def names(text: str) -> list[tuple[str, str]]:
        return [(m.text, m.label) for m in storyline.recognize_entities(text)]

    got = names("TURKEY RAISES INTEREST RATES\nThe central bank raised its main rate on Monday, the ministry said "
                "on www.turkey.gov and under #turkey.")
    assert ("TURKEY", "LOC") in got, got
    got = names("TURKEY RAISES RATES\nANKARA, TURKEY\nThe central bank raised rates, hitting turkey farmers who "
                "borrow to feed their flocks.")
    assert got.count(("TURKEY", "LOC")) == 2, got
    got = names("CHINA, JAPAN SIGN TRADE PACT\nThe deal cuts duties on fine china and steel, officials in Tokyo said.")
    assert ("CHINA", "LOC") in got, got
    got = names("JORDAN SIGNS WATER DEAL\nThe cabinet in Amman signed the deal on Monday, officials said. Water "
                "from the jordan river will be shared.")
    assert ("JORDAN", "LOC") in got, got


def test_a_full_name_before_a_spacecrafts_kind_is_the_craft_there_only() -> None:
    """A full name right before a spacecraft's kind ("the Ada Tarvo telescope") is the craft there; the same
    full name elsewhere is the person it honours ("named after Ada Tarvo")."""
    import storyline

    got = [(m.text, m.label) for m in storyline.recognize_entities(
        "The Ada Tarvo telescope sent back its first pictures on Monday. The telescope is named after Ada Tarvo, "
        "who ran the space agency in the 1960s.")]
    assert got[:2] == [("Ada Tarvo", "MISC"), ("Ada Tarvo", "PERSON")], got


def test_a_broadcasters_centre_keeps_the_taggers_reading() -> None:
    """A broadcaster's name ending on "Centre" is the broadcaster as often as its building ("TV Centre said"):
    the tagger's reading stands, where a hall or a tower is the building."""
    import storyline

    got = [(m.text, m.label) for m in storyline.recognize_entities(
        "TV Centre said on Monday it would air the debate. The Tarby channel TV Centre is owned by the city.")]
    assert ("TV Centre", "ORG") in got and ("TV Centre", "LOC") not in got, got
