"""Named entities and canonical entities across a story."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import storyline
from storyline import Article, Mention
from storyline.consolidate.entities import consolidate_entities, name_tokens


def _story(texts: list[str]) -> list[Article]:
    return [Article(text=t, title=f"t{i}") for i, t in enumerate(texts)]


def _dated(*texts: tuple[str, date]) -> list[Article]:
    """Articles "a", "b", ... of the given texts and days."""
    return [Article(id=chr(ord("a") + i), text=t, published=day, title=f"t{i}") for i, (t, day) in enumerate(texts)]


def _entities(arts: list[Article]):
    ms: list[Mention] = []
    from storyline.analyze.entities import recognize_entities

    for a in arts:
        ms.extend(recognize_entities(a.text, article_id=a.id))
    return consolidate_entities(arts, ms)


def _find(entities, name: str):
    hits = [e for e in entities if e.name == name or name in e.aliases]
    assert len(hits) == 1, f"{name}: {[(e.name, e.aliases) for e in hits]}"
    return hits[0]


def test_recognize_labels_and_offsets() -> None:
    text = ("Chinese President Xi Jinping met North Korean leader Kim Jong Un in Beijing on Tuesday, "
            "Xinhua News Agency said.")
    ms = storyline.recognize_entities(text)
    got = {(m.text, m.label) for m in ms}
    assert ("Xi Jinping", "PERSON") in got
    assert ("Kim Jong Un", "PERSON") in got
    assert ("Beijing", "LOC") in got
    assert ("Xinhua News Agency", "ORG") in got
    for m in ms:
        assert text[m.start:m.end] == m.text
    roles = {m.text: m.role for m in ms}
    assert roles["Xi Jinping"] == "Chinese President"
    assert roles["Kim Jong Un"] == "North Korean leader"


def test_document_level_consistency() -> None:
    text = "Acme chief executive Paula Grant met investors on Monday. Later, Grant flew home."
    ms = [m for m in storyline.recognize_entities(text) if m.label == "PERSON"]
    assert [m.text for m in ms] == ["Paula Grant", "Grant"]


def test_roles_titles_and_appositions() -> None:
    text = ("South Korea's presidential spokesperson Kim Eui-keum spoke first. Later, spokesman Lu Kang "
            "answered. Maria Lopez, a senior analyst at the bank, disagreed.")
    roles = {m.text: m.role for m in storyline.recognize_entities(text) if m.label == "PERSON"}
    assert roles.get("Kim Eui-keum") == "South Korea's presidential spokesperson"
    assert roles.get("Lu Kang") == "spokesman"
    assert roles.get("Maria Lopez") == "senior analyst at the bank"


def test_fast_mode_finds_names() -> None:
    ms = storyline.recognize_entities("Angela Merkel flew to Paris to meet Emmanuel Macron.", mode="fast")
    names = {m.text for m in ms}
    assert {"Angela Merkel", "Paris", "Emmanuel Macron"} <= names


def test_empty_and_odd_input() -> None:
    assert storyline.recognize_entities("") == []
    assert storyline.recognize_entities("   \n ") == []
    assert isinstance(storyline.recognize_entities("!!! ??? 123"), list)


def test_name_tokens_normalise() -> None:
    assert name_tokens("Kim Jong-un") == name_tokens("Kim Jong Un")
    assert name_tokens("U.N.") == ("un",)
    assert name_tokens("Chairman Kim") == ("kim",)


def test_short_forms_follow_the_salient_person() -> None:
    arts = _story([
        ("Acme chief executive Paula Grant met Paul Grant, her cousin, on Monday. Paula Grant said the talks "
         "went well. Grant later flew home."),
    ])
    ents, linked = _entities(arts)
    paula = _find(ents, "Paula Grant")
    short = [m for m in linked if m.text == "Grant"]
    assert short and all(m.entity_id == paula.id for m in short)


def test_spelling_variants_with_same_role_merge() -> None:
    arts = _story([
        "Presidential spokesman Park Ji-hoon said on Monday that talks would resume.",
        "The presidential spokesman Park Ji-hun told reporters the talks had been delayed.",
    ])
    ents, _ = _entities(arts)
    parks = [e for e in ents if e.label == "PERSON" and e.name.startswith("Park")]
    assert len(parks) == 1
    assert {parks[0].name, *parks[0].aliases} >= {"Park Ji-hoon", "Park Ji-hun"}
    assert len(parks[0].mentions) == 2


def test_a_leader_romanised_two_ways_is_one_person() -> None:
    arts = _story([
        "Libyan leader Moammar Gadhafi vowed on Tuesday to fight on.",
        "Libyan leader Muammar Gaddafi spoke on state television on Tuesday.",
        "Foreign minister Moussa Koussa met Interior minister Mussa Kusa's deputy.",
    ])
    ents, _ = _entities(arts)
    names = {e.name: e for e in ents if e.label == "PERSON"}
    leader = [e for e in names.values() if e.name.endswith(("Gadhafi", "Gaddafi"))]
    assert len(leader) == 1 and {leader[0].name, *leader[0].aliases} >= {"Moammar Gadhafi", "Muammar Gaddafi"}
    # without a shared role, close spellings stay two people
    assert len([n for n in names if n.startswith(("Moussa", "Mussa"))]) == 2


def test_two_common_family_names_that_sound_alike_are_two_people() -> None:
    arts = _story([
        "Special counsel Robert Mueller delivered his report to the Justice Department on Friday.",
        "The department's spokesman, Robert Miller, said the report would be read over the weekend.",
    ])
    ents, _ = _entities(arts)
    assert {"Robert Mueller", "Robert Miller"} <= {e.name for e in ents if e.label == "PERSON"}


def test_two_bank_chairmen_whose_surnames_share_an_ending_stay_two() -> None:
    arts = _story([
        "Russia's Central Bank Chairman Viktor Gerashchenko said the ruble would be defended.",
        "Ukraine's National Bank chairman Viktor Yushchenko was in Washington for talks with the IMF.",
    ])
    ents, _ = _entities(arts)
    names = {e.name: e for e in ents if e.label == "PERSON"}
    assert {"Viktor Gerashchenko", "Viktor Yushchenko"} <= set(names)
    assert "Viktor Yushchenko" not in names["Viktor Gerashchenko"].aliases


def test_a_middle_name_alone_is_no_short_form_and_a_town_before_its_state_is_a_place() -> None:
    arts = _story([
        "Matthew Wayne Shepard, the student who was beaten, was mourned at his funeral Friday. Shepard was 21.",
        "Vigils were held this week from Texas to Vermont, from Wayne, Neb., to Boston. Matthew Shepard died Monday.",
    ])
    ents, _ = _entities(arts)
    shepard = _find(ents, "Matthew Shepard")
    assert "Wayne" not in shepard.aliases
    assert any(e.name == "Wayne" and e.label == "LOC" for e in ents)
    # a family name in the middle still is one: "Pinochet" of "Augusto Pinochet Ugarte"
    ents, _ = _entities(_story(["Gen. Augusto Pinochet Ugarte was arrested in London. Pinochet is 82."]))
    assert "Pinochet" in _find(ents, "Augusto Pinochet Ugarte").aliases


def test_a_wife_named_late_in_the_article_takes_none_of_the_presidents_mentions() -> None:
    arts = _story([
        "President Clinton arrived in Jerusalem on Saturday. Clinton said he would meet Netanyahu. "
        "Later, Clinton said he was hopeful. Hillary Rodham Clinton visited a school.",
        "President Bill Clinton met Prime Minister Benjamin Netanyahu on Sunday. Clinton's wife, Hillary, "
        "and their daughter set out on their own schedule. Mrs. Clinton toured a school.",
    ])
    ents, linked = _entities(arts)
    bill, hillary = _find(ents, "Bill Clinton"), _find(ents, "Hillary Rodham Clinton")
    of_bill = [m for m in linked if m.entity_id == bill.id]
    assert not any("Mrs" in m.text or "Hillary" in m.text for m in of_bill)
    assert len(of_bill) == 5  # three in the first article, two in the second
    assert not hillary.roles  # "President" is his
    of_hillary = [m for m in linked if m.entity_id == hillary.id]
    assert [m.text for m in of_hillary] == ["Hillary Rodham Clinton", "Hillary", "Clinton"]  # "Mrs. Clinton"


def test_a_prince_is_no_short_form_of_a_commoner_of_his_first_name() -> None:
    a = Article(id="a", text="Michael Jackson's son Prince Michael spoke at the memorial. Michael Jackson died in June.")
    b = Article(id="b", text="King Abdullah bin Abdulaziz met the envoy. Michael Jackson sold millions of records.")
    c = Article(id="c", text="King Abdullah said the talks went well.")
    ms = [_at(a, "Michael Jackson", "PERSON"), _at(a, "Prince Michael", "PERSON"), _at(a, "Michael Jackson", "PERSON", 1),
          _at(b, "King Abdullah bin Abdulaziz", "PERSON"), _at(b, "Michael Jackson", "PERSON"),
          _at(c, "King Abdullah", "PERSON")]
    ents, _ = consolidate_entities([a, b, c], ms)
    mj = next(e for e in ents if e.name == "Michael Jackson")
    assert "Prince Michael" not in mj.aliases
    king = [e for e in ents if "Abdullah" in e.name]
    assert len(king) == 1 and set(king[0].mentions) == {"b", "c"}


def test_different_people_with_same_surname_stay_apart() -> None:
    arts = _story([
        "Finance minister Lee Min-ho met opposition leader Lee Jae-sung in Seoul on Monday.",
    ])
    ents, _ = _entities(arts)
    lees = {e.name for e in ents if e.label == "PERSON"}
    assert {"Lee Min-ho", "Lee Jae-sung"} <= lees


def test_resolve_entities_one_id_per_mention_across_articles() -> None:
    a1 = Article(text="Maria Lopez won the race in Madrid. Lopez thanked her coach.")
    a2 = Article(text="Spanish runner Maria Lopez said she would defend the title.")
    ms = [Mention(start=0, end=11, article_id=a1.id), Mention(start=36, end=41, article_id=a1.id),
          Mention(start=28, end=34, article_id=a1.id),
          Mention(start=15, end=26, article_id=a2.id), Mention(start=32, end=35, article_id=a2.id)]
    ids = storyline.resolve_entities([a1, a2], ms)
    assert len(ids) == len(ms)
    assert ids[0] == ids[1] == ids[3] == ids[4]
    assert ids[2] != ids[0]


def test_seeds_one_entity_each(seed_articles) -> None:
    b = storyline.brief(seed_articles)
    ents = list(b.entities)
    assert ents, "the brief carries entities"
    for name in ("Kim Jong Un", "Xi Jinping", "Donald Trump", "Moon Jae In", "Ri Sol Ju", "Lu Kang",
                 "Xinhua News Agency", "Yonhap News Agency", "Korean Central News Agency"):
        hits = [e for e in ents if e.name == name]
        assert len(hits) == 1, (name, [(e.name, e.aliases) for e in ents if name.split()[0] in e.name])
    # short forms resolve, no stray entity named by a short form
    names = {e.name for e in ents}
    for short in ("Kim", "Xi", "Trump", "Xinhua", "Lu"):
        assert short not in names
    kju = next(e for e in ents if e.name == "Kim Jong Un")
    assert len(kju.mentions) == 3 and kju.roles
    assert ents[0].name == "Kim Jong Un"  # the most important entity of the story comes first
    council = [e for e in ents if "Security Council" in e.name]
    assert len(council) == 1
    spokes = [e for e in ents if e.name in ("Kim Eui-keum", "Kim Eui-kyeom")]
    assert len(spokes) == 1
    assert {spokes[0].name, *spokes[0].aliases} >= {"Kim Eui-keum", "Kim Eui-kyeom"}
    assert any("spokes" in r for r in spokes[0].roles)


def test_resolve_entities_with_no_mentions() -> None:
    assert storyline.resolve_entities([Article(text="x")], []) == []


def test_fuller_form_elsewhere_in_the_document_is_a_feature() -> None:
    from storyline.analyze.ner_features import Resources, doc_stats, sentence_features

    sents = [["Shares", "of", "Vantorra", "Holdings", "SpA", "rose", "."],
             ["Vantorra", "said", "sales", "grew", "."]]
    res = Resources(gazetteer={("Vantorra", "Holdings", "SpA"): frozenset(["ORG"])})
    feats = sentence_features(sents[1], res, doc_stats(sents, res))[0]
    assert "dr:last=spa" in feats and "dr:gz=gORG" in feats
    # without the document, the bare name carries none of it
    assert not any(f.startswith("dr:") for f in sentence_features(sents[1], res, doc_stats(sents[1:], res))[0])



def test_a_pair_compound_is_not_an_entity() -> None:
    """"Kim-Trump summit", "China-DPRK relations": a hyphenated pair of names mentioned elsewhere in
    the story names a relation, not an entity of its own; a hyphenated name stays."""
    from storyline.consolidate.entities import consolidate_entities

    a = Article(id="a", text="Kim Jong Un met Donald Trump. A second Kim-Trump summit is planned. "
                             "Jean-Luc Brand of the ministry said China backs it.")
    from storyline.analyze.entities import recognize_entities

    mentions = recognize_entities(a.text, article_id="a")
    entities, _ = consolidate_entities([a], mentions)
    names = {e.name for e in entities}
    assert "Kim-Trump" not in names and {"Kim Jong Un", "Donald Trump"} <= names
    assert any(n.startswith("Jean-Luc") for n in names)


def _people(texts: list[str], surname: str):  # type: ignore[no-untyped-def]
    """The people of a story of ``texts`` (one article each) whose name ends with ``surname``."""
    ents, _ = _entities(_story(texts))
    return [e for e in ents if e.label == "PERSON" and e.name.endswith(surname)]


def test_two_people_with_one_role_and_different_first_names_stay_two() -> None:
    walters = _people([
        "Union president Herb Castellano said on Monday that the players would not give in.",
        "Former union president Buck Castellano told reporters the owners had made no offer.",
    ], "Castellano")
    assert sorted(e.name for e in walters) == ["Buck Castellano", "Herb Castellano"]


def test_a_long_name_misspelt_by_one_outlet_is_one_person_with_both_spellings() -> None:
    okonjo = _people([
        "Center Dikembe Okonjo scored 20 points as the Hawks won on Friday.",
        "The Hawks beat the Bulls on Friday behind 20 points from forward Dikemebe Okonjo.",
        "Dikembe Okonjo and Marcus Lane led the Hawks again on Sunday.",
    ], "Okonjo")
    assert len(okonjo) == 1 and okonjo[0].name == "Dikembe Okonjo"
    assert "Dikemebe Okonjo" in okonjo[0].aliases


def test_two_sons_of_one_man_are_two_people_though_both_are_his_son() -> None:
    sons = _people([
        "Gadhafi's son Saif Gadhafi warned of civil war on state television.",
        "Gadhafi's son Saadi Gadhafi said he would lead the army's elite unit.",
    ], "Gadhafi")
    assert {"Saadi Gadhafi", "Saif Gadhafi"} <= {e.name for e in sons}


def test_a_first_name_and_its_short_form_are_one_person() -> None:
    chernoff = _people([
        "Defense lawyer Edward Chernoff told the court his client was innocent.",
        "Ed Chernoff said the doctor would not testify.",
        "Edward Chernoff, who leads the defense, and Ed Chernoff's team left the court.",
    ], "Chernoff")
    assert len(chernoff) == 1 and {chernoff[0].name, *chernoff[0].aliases} >= {"Ed Chernoff", "Edward Chernoff"}


def _mentions_of(texts: list[str], surname: str) -> dict[str, list[str]]:
    """Each person of a story of ``texts`` whose name ends with ``surname`` -> the words just before
    each of their name mentions (where a title is written)."""
    arts = _story(texts)
    ents, linked = _entities(arts)
    text_of = {a.id: a.text for a in arts}
    out: dict[str, list[str]] = {}
    for e in ents:
        if e.label == "PERSON" and e.name.endswith(surname):
            out[e.name] = [text_of[m.article_id][max(0, m.start - 5):m.end] for m in linked if m.entity_id == e.id]
    return out


def test_a_title_of_the_other_sex_keeps_a_short_form_from_a_person_of_that_surname() -> None:
    people = _mentions_of([
        "The singer Daniel Okafor died on Thursday. Okafor had been rehearsing for months. His mother, "
        "Grace Okafor, was at the hospital. Mrs Okafor said she was heartbroken. Mr Okafor's doctor "
        "declined to comment.",
        "A judge granted Mrs. Okafor custody of the children on Monday. Mrs Okafor, 79, said she would "
        "raise them at her home. Daniel Okafor's will had named her as their guardian.",
        "Pauline Brandt met the premier on Tuesday. Samuel Brandt stayed at home. Mr Brandt said he was "
        "proud. Mrs Brandt said the talks went well.",
    ], "")
    grace = " | ".join(people["Grace Okafor"])
    daniel = " | ".join(people["Daniel Okafor"])
    # "Mrs Okafor" is the mother, in the article that names her and in the one that does not
    assert grace.count("Mrs") >= 3 and "Mrs" not in daniel, (grace, daniel)
    assert "Mr Okafor" in daniel and "Mr Okafor" not in grace
    assert any("Mr Brandt" in x for x in people["Samuel Brandt"])
    assert any("Mrs Brandt" in x for x in people["Pauline Brandt"])
    assert not any("Mrs" in x for x in people["Samuel Brandt"])


def test_a_pronoun_after_a_bare_surname_keeps_it_from_a_namesake_of_the_other_sex() -> None:
    from storyline.analyze.ner_roles import pronoun_sex

    people = _mentions_of([
        "Grace Okafor: 'Nothing will bring my son back.' The doctor was found guilty last month. "
        "The court will decide in January whether he must pay damages to Okafor's family. "
        "Prosecutors said the doctor lied about the night Daniel Okafor died. "
        "The defense argued that Okafor was an addict who caused his own death. "
        "They went on to argue that Okafor had somehow dosed himself.",
    ], "")
    # the two bare "Okafor" whose sentences say "his" and "himself" are the son's, not the mother's
    # (the one before the son is named goes to the only full name then)
    assert len(people["Daniel Okafor"]) == 3 and len(people["Grace Okafor"]) == 2, people
    # no pronoun of the name's own, or another person in between: nothing is told
    assert pronoun_sex("Okafor said she was tired", 6) == 2
    assert pronoun_sex("Okafor 's mother said she", 6) == 0
    assert pronoun_sex("Okafor told Brandt he", 6) == 0 and pronoun_sex("Okafor told the judge he", 6) == 0


def test_the_sex_of_a_first_name_says_nothing_when_the_short_form_is_that_word() -> None:
    from storyline.analyze.ner_roles import first_name_sex, name_sex
    from storyline.consolidate.entities import LocalEntity, _entity_sex

    assert first_name_sex("Michael") == 1 and first_name_sex("katherine") == 2
    # names worn by both sexes, or a woman's name in the US and a man's elsewhere, tell nothing
    assert not any(first_name_sex(w) for w in ("Kim", "Lee", "Jean", "Andrea", "Nikita", "Toni"))
    assert name_sex("Mrs. Okafor") == 2 and name_sex("Mr Okafor") == 1 and name_sex("Okafor") == 0
    e = LocalEntity(label="PERSON", article_id="a")
    e.add(Mention(start=0, end=11, text="Grace Nkosi", label="PERSON", article_id="a"), ("grace", "nkosi"), 0)
    assert _entity_sex(e) == 2
    # a family name written first ("Mr Grace" of "Grace Nkosi"): the census cannot say
    assert _entity_sex(e, ("grace",)) == 0


def test_a_story_calls_a_place_and_an_agency_by_a_shorter_name() -> None:
    ents, _ = _entities(_story([
        "Oil from the Kestrel platform reached the Gulf of Arden on Friday. The U.S. Coast Guard said "
        "the slick covered 600 square miles.",
        "The Coast Guard defended its response. Crews burned oil in the Gulf on Saturday, said Ardoil's "
        "Chief Operating Officer Doug Sutter.",
    ]))
    gulf = _find(ents, "Gulf of Arden")
    assert "Gulf" in gulf.aliases
    guard = _find(ents, "Coast Guard")
    assert {guard.name, *guard.aliases} >= {"U.S. Coast Guard", "Coast Guard"}
    assert any("Chief Operating Officer" in r for r in _find(ents, "Doug Sutter").roles)


def test_a_long_name_holding_two_peoples_names_joins_the_one_it_starts_as() -> None:
    people = _mentions_of([
        "The singer's mother, Katherine Okafor, was granted custody. Katherine Okafor spoke to reporters.",
        "His daughter Paris Okafor read a statement. Paris Okafor, 11, wept.",
        "The will names his daughter, Paris-Michael Katherine Okafor, and two sons.",
    ], "Okafor")
    # the granddaughter's full name is hers, not her grandmother's
    assert not any("Paris" in m for m in people["Katherine Okafor"]), people
    paris = [ms for ms in people.values() if any("Paris Okafor" in m for m in ms)]
    assert len(paris) == 1 and any("Paris-Michael" in m for m in paris[0]), people


def test_two_entities_kept_apart_never_share_a_name_or_an_id() -> None:
    from storyline.consolidate.entities import LocalEntity, _distinct_names

    def local(aid: str, *forms: str) -> LocalEntity:
        e = LocalEntity(label="PERSON", article_id=aid)
        for k, f in enumerate(forms):
            e.add(Mention(start=k, end=k + 1, text=f, label="PERSON", article_id=aid), tuple(f.lower().split()), k)
        return e

    singer = [local("a", "Michael Jackson", "Michael Jackson", "Jackson")]
    son = [local("b", "Michael Jackson", "Michael Joseph Jackson Jr")]
    names = _distinct_names([singer, son], ["PERSON", "PERSON"], ["Michael Jackson", "Michael Jackson"])
    assert names == ["Michael Jackson", "Michael Joseph Jackson Jr"]


def test_an_organisation_spelt_two_ways_is_one_entity() -> None:
    a = Article(id="a", text="The World Health Organisation warned of a pandemic on Monday, and the "
                             "World Health Organization said so too.")
    b = Article(id="b", text="The World Health Organization raised its alert level.")
    c = Article(id="c", text="The Australian Defence Ministry and the Austrian Defence Ministry met.")
    ms = [_at(a, "World Health Organisation", "ORG"), _at(a, "World Health Organization", "ORG"),
          _at(b, "World Health Organization", "ORG"),
          _at(c, "Australian Defence Ministry", "ORG"), _at(c, "Austrian Defence Ministry", "ORG")]
    ents, _ = consolidate_entities([a, b, c], ms)
    who = [e for e in ents if e.name.startswith("World Health")]
    assert len(who) == 1 and set(who[0].mentions) == {"a", "b"}
    assert {"World Health Organisation", "World Health Organization"} <= {who[0].name, *who[0].aliases}
    # (one article writes both spellings, quoting another outlet); two other names it writes side by
    # side stay two
    assert len([e for e in ents if "Defence Ministry" in e.name]) == 2


def test_a_contracted_pronoun_is_no_entity_but_us_is_the_united_states() -> None:
    text = "\"I'm not going anywhere,\" the US envoy said in Paris."
    (art,) = _story([text])
    tagged = [Mention(start=text.index(w), end=text.index(w) + len(w), text=w, label=lab, article_id=art.id)
              for w, lab in (("I'm", "ORG"), ("US", "LOC"), ("Paris", "LOC"))]
    ents, _ = consolidate_entities([art], tagged)
    assert sorted(e.name for e in ents) == ["Paris", "US"]


def test_a_demonym_is_no_short_form_and_a_bracket_token_no_name() -> None:
    a_text = "British Airways cancelled its flights to the island. British officials said help was coming -LRB- soon -RRB- ."
    b_text = "The British government sent a ship, and British Airways flew in supplies."
    a, b = _story([a_text, b_text])

    def ment(art: Article, text: str, word: str, label: str, nth: int = 0) -> Mention:
        start = -1
        for _ in range(nth + 1):
            start = text.index(word, start + 1)
        return Mention(start=start, end=start + len(word), text=word, label=label, article_id=art.id)

    tagged = [ment(a, a_text, "British Airways", "ORG"), ment(a, a_text, "British", "MISC", 1),
              ment(a, a_text, "LRB", "ORG"), ment(b, b_text, "British", "MISC"),
              ment(b, b_text, "British Airways", "ORG")]
    ents, _ = consolidate_entities([a, b], tagged)
    by_name = {e.name: e for e in ents}
    assert set(by_name) == {"British Airways", "British"}
    assert "British" not in by_name["British Airways"].aliases


def test_a_demonym_read_once_as_an_organisation_does_not_make_every_demonym_that_organisation() -> None:
    # one page names "the Libyan Council" and, its tagger reading "Libyan" there as an organisation,
    # writes "Libyan" as its short form; the demonym of the other pages stays a demonym
    a_text = "The US acts at the behest of the Libyan Council and the Libyan people."
    others = [f"Libyan rebels held the town on day {k}. Libyan forces shelled it." for k in range(3)]
    arts = _story([a_text, *others])
    tagged = [Mention(start=a_text.index("Libyan Council"), end=a_text.index("Libyan Council") + 14,
                      text="Libyan Council", label="ORG", article_id=arts[0].id),
              Mention(start=a_text.rindex("Libyan"), end=a_text.rindex("Libyan") + 6, text="Libyan", label="ORG",
                      article_id=arts[0].id)]
    for art, text in zip(arts[1:], others):
        tagged += [Mention(start=i, end=i + 6, text="Libyan", label="MISC", article_id=art.id)
                   for i in (text.index("Libyan"), text.rindex("Libyan"))]
    ents, _ = consolidate_entities(arts, tagged)
    by_name = {e.name: e for e in ents}
    assert by_name["Libyan"].label == "MISC" and sum(by_name["Libyan"].mentions.values()) == 6
    assert "Libyan Council" in by_name and sum(by_name["Libyan Council"].mentions.values()) <= 2


def test_general_in_a_title_is_no_part_of_the_name_but_general_motors_is() -> None:
    assert name_tokens("General Ban Ki-moon") == ("ban", "ki", "moon")
    assert name_tokens("Secretary General Ban Ki-Moon") == ("ban", "ki", "moon")
    assert name_tokens("General Motors") == ("general", "motors")


def test_people_joined_by_and_are_two_people() -> None:
    from storyline.analyze.entities import repair_spans

    toks = "Yesterday Jermaine and Randy Ostrow criticised Marks and Spencer .".split()
    spans = repair_spans(toks, [(1, 5, "PER"), (6, 9, "ORG")])
    assert (1, 2, "PER") in spans and (3, 5, "PER") in spans
    assert (6, 9, "ORG") in spans


def test_an_honorific_alone_is_no_role_and_a_cut_possessive_keeps_its_role() -> None:
    from storyline.consolidate.entities import shown_role

    assert shown_role("Ms") is None and shown_role("Cardiff Ms") is None and shown_role("Mr.") is None
    assert shown_role("'s sister") == "sister"
    assert shown_role("over leader") == "leader" and shown_role("against President") == "President"
    assert shown_role("Dr") == "Dr"
    assert shown_role("Chinese President") == "Chinese President"
    # an outlet a verb governs before the title ("told the BBC Dr Murray") is no part of the role
    assert shown_role("BBC Dr") == "Dr" and shown_role("Chief Medical Officer Dr") == "Chief Medical Officer Dr"


def test_a_verb_before_a_title_is_no_part_of_the_role() -> None:
    import storyline
    from storyline.consolidate.entities import shown_role

    ms = {m.text: m.role for m in storyline.recognize_entities(
        "Protesters want President Hosni Mubarak to leave. The police chief, Ana Lind, agreed. "
        "Fire chief Tomas Reyes said the road was closed.")}
    assert ms["Hosni Mubarak"] == "President"
    assert ms["Tomas Reyes"] == "Fire chief"
    # the place of a phrase before the title is no part of it
    ms = {m.text: m.role for m in storyline.recognize_entities(
        "The leading Dutch officer in Korvania Lt Gen Piet Maas said the roads were calm.")}
    assert ms["Piet Maas"] == "Lt Gen", ms
    assert shown_role("KING") is None and shown_role("CEO") == "CEO"


def test_a_title_is_not_read_across_the_end_of_a_headline_run_into_the_lead() -> None:
    """"Berg signals softer line on Chile President Tomas Berg said ...": the headline ends on
    "Chile", so Berg is "President", not "Chile President"; in a sentence the place stays his."""
    ms = {m.text: m.role for m in storyline.recognize_entities(
        "Berg signals softer line on Chile President Tomas Berg said on Monday that the border would reopen.")}
    assert ms["Tomas Berg"] == "President", ms
    ms = {m.text: m.role for m in storyline.recognize_entities(
        "The border will reopen, Chile President Tomas Berg said on Monday after the talks.")}
    assert ms["Tomas Berg"] == "Chile President", ms


def _at(art: Article, text: str, label: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = art.text.index(text, start + 1)
    return Mention(start=start, end=start + len(text), text=text, label=label, article_id=art.id)


def test_a_name_run_into_the_next_name_is_split() -> None:
    # pages without the comma: "Speaking to Newsbeat Jermaine Jackson ...", a caption run into a name
    a = Article(id="a", text="Speaking to Newsbeat Jermaine Jackson criticised the timing of the concert.")
    b = Article(id="b", text="Jermaine Jackson told Newsbeat the concert was badly timed. Tito Jackson agreed.")
    c = Article(id="c", text="Jermaine Jackson and Tito Jackson spoke to Newsbeat. Michael Jackson died in 2009.")
    d = Article(id="d", text="Marlon and Tito Jackson Michael Jackson fan Helen Rees was at the concert. "
                             "Michael Jackson sold millions of records.")
    ms = [_at(a, "Newsbeat Jermaine Jackson", "PERSON"),
          _at(b, "Jermaine Jackson", "PERSON"), _at(b, "Newsbeat", "ORG"), _at(b, "Tito Jackson", "PERSON"),
          _at(c, "Jermaine Jackson", "PERSON"), _at(c, "Tito Jackson", "PERSON"), _at(c, "Newsbeat", "ORG"),
          _at(c, "Michael Jackson", "PERSON"),
          _at(d, "Tito Jackson Michael Jackson", "PERSON"), _at(d, "Michael Jackson", "PERSON", 1)]
    entities, linked = consolidate_entities([a, b, c, d], ms)
    names = {e.name: e for e in entities}
    assert not [n for n in names if "Newsbeat Jermaine" in n or "Tito Jackson Michael" in n], list(names)
    assert set(names["Jermaine Jackson"].mentions) == {"a", "b", "c"}
    assert set(names["Newsbeat"].mentions) == {"a", "b", "c"} and names["Newsbeat"].label == "ORG"
    assert set(names["Michael Jackson"].mentions) == {"c", "d"} and set(names["Tito Jackson"].mentions) == {"b", "c", "d"}
    spans = {(m.article_id, a.text[m.start:m.end] if m.article_id == "a" else None) for m in linked}
    assert ("a", "Newsbeat") in spans and ("a", "Jermaine Jackson") in spans
    # a name the story also writes whole stays whole
    e = Article(id="e", text="Kim Jong Un met Kim Yo Jong. Kim Jong Un left.")
    ents, _ = consolidate_entities([e], [_at(e, "Kim Jong Un", "PERSON"), _at(e, "Kim Yo Jong", "PERSON"),
                                         _at(e, "Kim Jong Un", "PERSON", 1)])
    assert {x.name for x in ents} == {"Kim Jong Un", "Kim Yo Jong"}


def _found(texts: list[str], names: tuple[str, ...], label: str):  # type: ignore[no-untyped-def]
    """Articles of ``texts`` and a mention for every occurrence of ``names`` (longest first)."""
    from storyline.records import Article, Mention

    arts, mentions = [], []
    for i, t in enumerate(texts):
        aid = f"a{i}"
        arts.append(Article(id=aid, text=t))
        for name in names:
            start = 0
            while (k := t.find(name, start)) >= 0:
                if not any(m.article_id == aid and m.start <= k < m.end for m in mentions):
                    mentions.append(Mention(start=k, end=k + len(name), text=name, label=label, article_id=aid))
                start = k + len(name)
    return arts, mentions


def test_a_full_name_spelled_out_once_does_not_become_the_canonical_name() -> None:
    from storyline.consolidate.entities import consolidate_entities

    texts = [f"Hosni Mubarak spoke on day {d} of the protests." for d in range(1, 9)] + [
        "Muhammad Hosni Sayyid Mubarak was born in 1928.",
        "Barack Obama called. Obama said Mubarak should go. Obama repeated it.", "Obama spoke again."]
    arts, mentions = _found(texts, ("Muhammad Hosni Sayyid Mubarak", "Hosni Mubarak", "Barack Obama", "Obama",
                                    "Mubarak"), "PERSON")
    ents, _ = consolidate_entities(arts, mentions)
    names = {e.name for e in ents}
    assert "Hosni Mubarak" in names and "Muhammad Hosni Sayyid Mubarak" not in names, names
    mub = next(e for e in ents if e.name == "Hosni Mubarak")
    assert "Muhammad Hosni Sayyid Mubarak" in mub.aliases          # kept as a spelling
    assert "Barack Obama" in names                                   # a full name still beats a surname


def test_one_pages_expansion_of_a_widely_used_acronym_does_not_rename_it() -> None:
    from storyline.consolidate.entities import consolidate_entities

    texts = [f"CNN reported on day {d} that crowds gathered." for d in range(1, 7)] + [
        "The Christian News Network (CNN) said churches were closed."]
    arts, mentions = _found(texts, ("Christian News Network", "CNN"), "ORG")
    names = {e.name for e in consolidate_entities(arts, mentions)[0]}
    assert "CNN" in names, names
    # a union of states is one body whatever the share of pages that spell out its letters
    texts = [f"UN officials met on day {d}. The UN said aid was coming." for d in range(1, 8)] + [
        "The United Nations sent food. UN trucks arrived."]
    arts, mentions = _found(texts, ("United Nations", "UN"), "ORG")
    ents = consolidate_entities(arts, mentions)[0]
    assert [(e.name, e.label) for e in ents] == [("United Nations", "ORG")] and "UN" in ents[0].aliases, ents
    # an expansion written on several pages is the acronym's entity, however often the acronym is used
    texts = [f"US officials met on day {d}." for d in range(1, 8)] + [
        "The United States sent aid.", "The United States said more would come."]
    arts, mentions = _found(texts, ("United States", "US"), "LOC")
    assert [e.name for e in consolidate_entities(arts, mentions)[0]] == ["United States"]
    # an acronym a story spells out as widely as it uses it is still one entity with its expansion
    texts = ["The Korean Central News Agency (KCNA) said Kim left.", "KCNA reported the visit.",
             "The Korean Central News Agency said so.", "KCNA added details."]
    arts, mentions = _found(texts, ("Korean Central News Agency", "KCNA"), "ORG")
    ents = consolidate_entities(arts, mentions)[0]
    assert [e.name for e in ents] == ["Korean Central News Agency"] and "KCNA" in ents[0].aliases


def test_marks_at_the_edges_of_a_name_are_no_part_of_it() -> None:
    text = "Gadhafi is not our problem . \nLet the people decide . \nSupport USA !!!!! \nThey said so ."
    got = [m.text for m in storyline.recognize_entities(text)]
    assert "USA" in got and not any("!" in t for t in got), got
    # a name's own single mark stays: "Yahoo !" is how a tokenized corpus writes Yahoo!
    from storyline.analyze.entities import _without_edge_marks
    assert _without_edge_marks(["Yahoo", "!"], 0, 2) == (0, 2)
    assert _without_edge_marks(["USA", "!", "!", "!"], 0, 4) == (0, 1)
    assert _without_edge_marks(["“", "Kestrel", "Bank", "”"], 0, 4) == (1, 3)


def test_a_bracket_that_pairs_one_inside_a_name_stays_in_it() -> None:
    from storyline.analyze.entities import _without_edge_marks
    # a club told from its namesake by its town's letter, a nickname in brackets before a surname
    assert _without_edge_marks(["Vranje", "(", "K", ")"], 0, 4) == (0, 4)
    assert _without_edge_marks(["(", "Dave", ")", "Pellow"], 0, 4) == (0, 4)
    # a name that is all the brackets hold loses them
    assert _without_edge_marks(["(", "Trellis", ")"], 0, 3) == (1, 2)
    assert _without_edge_marks(["Trellis", ")"], 0, 2) == (0, 1)


def test_a_city_is_no_short_form_of_an_institute_and_a_time_zone_no_organisation() -> None:
    texts = [f"Officials in Washington said on day {d} that talks would go on. Washington urged calm." for d in range(4)]
    texts.append("Robert Satloff of the Washington Institute said at 2 p.m. ET that Washington should wait.")
    ents, _ = _entities(_story(texts))
    places = [e for e in ents if e.name == "Washington"]
    assert places and places[0].label == "LOC"
    assert not any(e.name == "ET" for e in ents)



def test_an_acronym_spelt_out_as_something_else_is_not_the_state_it_also_names() -> None:
    ents, _ = _entities(_story([
        "China reported new cases on Monday. The Chinese government said China would share data.",
        "The Pew Research Center polled 2,000 adults. Most were worried, the Pew Research Center said.",
        "The PRC confirmed two more cases on Tuesday.",
    ]))
    china = _find(ents, "China")
    assert "Pew Research Center" not in china.aliases and "PRC" not in china.aliases


def test_a_name_written_in_one_word_or_two_is_one_person() -> None:
    people = _people([
        "Singer LaToya Okafor said the family would attend the hearing.",
        "The singer's sister, La Toya Okafor, arrived at the court on Monday.",
    ], "Okafor")
    assert len(people) == 1 and {people[0].name, *people[0].aliases} >= {"LaToya Okafor", "La Toya Okafor"}


def test_party_tags_are_no_entities() -> None:
    ents, _ = _entities(_story(["Rep. Tom Reyl, R-La., said the vote was a farce. Sen. Ada Lind, D-N.Y., "
                                "disagreed. Rep. Jo Marr, D-Ohio, abstained. D-Day was remembered."]))
    names = {e.name for e in ents}
    assert not any(n.startswith(("R-", "D-N", "D-O")) for n in names), names
    assert {"Tom Reyl", "Ada Lind"} <= names


def _given(texts_and_mentions):
    """A story from texts with the mentions (surface, label) the tagger is supposed to have read."""
    arts, ms = [], []
    for k, (text, marks) in enumerate(texts_and_mentions):
        a = Article(text=text, title=f"t{k}", id=f"a{k}")
        arts.append(a)
        for surface, label in marks:
            i = text.index(surface)
            ms.append(Mention(article_id=a.id, start=i, end=i + len(surface), text=surface, label=label))
    return consolidate_entities(arts, ms)[0]


def test_a_storm_told_by_its_name_alone_is_the_named_storm_and_no_person() -> None:
    ents = _given([("Hurricane Mitch struck Honduras on Thursday.", [("Hurricane Mitch", "ORG"), ("Honduras", "LOC")]),
                   ("Mitch killed thousands in Honduras.", [("Mitch", "PERSON"), ("Honduras", "LOC")]),
                   ("Rescuers said Mitch was the worst storm in decades.", [("Mitch", "PERSON")])])
    storm = _find(ents, "Hurricane Mitch")
    assert storm.label == "MISC" and "Mitch" in storm.aliases and len(storm.mentions) == 3
    assert not [e for e in ents if e.label == "PERSON"]


def test_a_head_word_corrects_a_person_label_and_a_dateline_city_is_written_as_a_reader_writes_it() -> None:
    ents = _given([("The Carter Center sent observers. BRUSSELS, Belgium (AP) _ Envoys met.",
                    [("Carter Center", "PERSON"), ("BRUSSELS", "LOC"), ("Belgium", "LOC")]),
                   ("Floods rose along the Ulua River, where the UK sent help.",
                    [("Ulua River", "PERSON"), ("UK", "LOC")]),
                   ("The U.S. office opened.", [("U.S.", "LOC")]),
                   ("The Brookings Institution study on the West Bank was cited.",
                    [("Brookings Institution", "LOC"), ("West Bank", "LOC")]),
                   ("Voss Mortgage collapsed in 2007.", [("Voss Mortgage", "PERSON")])])
    assert _find(ents, "Carter Center").label == "ORG" and _find(ents, "Voss Mortgage").label == "ORG"
    assert _find(ents, "Ulua River").label == "LOC"
    assert _find(ents, "Brookings Institution").label == "ORG" and _find(ents, "West Bank").label == "LOC"
    assert {e.name for e in ents} >= {"Brussels", "UK", "U.S."}  # initials are no dateline capitals


def test_a_person_with_a_role_stays_a_person_whatever_the_last_word_of_her_name() -> None:
    a = storyline.read_article({"title": "Riverton", "published": "2020-01-01", "text": (
        "Mayor Linda Park opened the new office on Monday, officials said. Park said the park would open soon.")})
    (park,) = [e for e in storyline.brief([a]).entities if e.name == "Linda Park"]
    assert park.label == "PERSON" and park.roles == ("Mayor",)


def test_a_state_is_one_place_under_its_initials_and_its_name() -> None:
    ents = _given([("U.S. envoys met in Hanoi.", [("U.S.", "LOC"), ("Hanoi", "LOC")]),
                   ("The US and China spoke.", [("US", "LOC"), ("China", "LOC")]),
                   ("The United States sent envoys.", [("United States", "LOC")])])
    us = _find(ents, "United States")
    assert us.label == "LOC" and set(us.aliases) == {"U.S.", "US"} and len(us.mentions) == 3


def test_a_named_event_most_articles_tell_is_listed_with_the_main_names() -> None:
    from storyline.records import Entity
    from storyline.serve.render import listed_entities

    ents = [Entity(id="p", name="Carlos Flores", label="PERSON", mentions={"a": 1, "b": 1, "c": 1, "d": 1}),
            Entity(id="n", name="Honduran", label="MISC", mentions={"a": 1, "b": 1, "c": 1, "d": 1}),
            Entity(id="s", name="Hurricane Mitch", label="MISC", mentions={"a": 1, "b": 1, "c": 1}),
            Entity(id="l", name="Tegucigalpa", label="LOC", mentions={"a": 1})]
    assert [e.id for e in listed_entities(ents)] == ["p", "s", "l", "n"]


def test_a_peoples_name_is_no_main_name_and_the_terminal_shows_every_quoted_person() -> None:
    from storyline.records import Brief, Entity, QuoteGroup
    from storyline.serve.render import listed_entities, terminal_entities

    places = [Entity(id=f"l{k}", name=f"Town{k}", label="LOC", mentions={"a": 2, "b": 1}) for k in range(20)]
    korean = Entity(id="n", name="North Korean", label="MISC", mentions={"a": 1, "b": 1})
    lu = Entity(id="p", name="Lu Kang", label="PERSON", mentions={"b": 2})
    assert listed_entities([korean, *places])[-1] is korean
    brief = Brief(story_id="s", headline="h", entities=(korean, *places, lu),
                  quotes=(QuoteGroup(speaker="Lu Kang", entity_id="p"),))
    shown = terminal_entities(brief)
    assert lu in shown and len(shown) == 18 and korean not in shown


def test_one_person_under_a_nickname_a_middle_name_or_another_romanisation() -> None:
    ents = _given([("President William Jefferson Clinton spoke.", [("William Jefferson Clinton", "PERSON")]),
                   ("Bill Clinton left for Gaza.", [("Bill Clinton", "PERSON")]),
                   ("Hillary Rodham Clinton stayed home.", [("Hillary Rodham Clinton", "PERSON")]),
                   ("Foreign Minister Farouq al-Sharaa met him.", [("Farouq al-Sharaa", "PERSON")]),
                   ("Farouk al-Sharaa said so.", [("Farouk al-Sharaa", "PERSON")]),
                   ("Martin Smith and Marvin Smith ran.", [("Martin Smith", "PERSON"), ("Marvin Smith", "PERSON")])])
    bill = _find(ents, "William Jefferson Clinton")
    assert "Bill Clinton" in bill.aliases and "Hillary Rodham Clinton" not in bill.aliases
    assert "Farouk al-Sharaa" in _find(ents, "Farouq al-Sharaa").aliases
    assert _find(ents, "Martin Smith") is not _find(ents, "Marvin Smith")  # one letter apart: two people


def test_a_bare_surname_read_as_an_organisation_is_the_person_named_in_full_beside_it() -> None:
    ents = _given([("Bulent Ecevit was asked to form a government. Ecevit, who served as prime minister, agreed.",
                    [("Bulent Ecevit", "PERSON"), ("Ecevit", "ORG")]),
                   ("Bulent Ecevit met the president.", [("Bulent Ecevit", "PERSON")]),
                   ("Kim Jong Un met the U.N. envoy.", [("Kim Jong Un", "PERSON"), ("U.N.", "ORG")]),
                   ("Netscape Communications Corp. sued. Shares of Netscape rose.",
                    [("Netscape Communications Corp.", "ORG"), ("Netscape", "ORG")]),
                   ("Netscape said nothing.", [("Netscape", "ORG")])])
    ecevit = _find(ents, "Bulent Ecevit")
    assert ecevit.label == "PERSON" and "Ecevit" in ecevit.aliases
    assert "U.N." not in _find(ents, "Kim Jong Un").aliases  # initials are no surname
    assert "Netscape" in _find(ents, "Netscape Communications Corp.").aliases


def test_a_king_named_by_his_title_alone_is_no_short_form_of_another_namesake() -> None:
    arts = [Article(id="a0", title="t", text="Iraqi leader Saddam Hussein spoke on Monday."),
            Article(id="a1", title="t", text="Hassan is regent in King Hussein's absence.")]
    at = arts[1].text.index("Hussein")
    ms = [Mention(article_id="a0", start=13, end=27, text="Saddam Hussein", label="PERSON", role="Iraqi leader"),
          Mention(article_id="a1", start=at, end=at + 7, text="Hussein", label="PERSON", role="King")]
    ents = consolidate_entities(arts, ms)[0]
    assert len([e for e in ents if e.label == "PERSON"]) == 2


def test_a_name_cut_by_a_bracket_of_the_text_is_no_name() -> None:
    ents = _given([("Settlers in the (West) Bank protested.", [("West) Bank", "LOC")]),
                   ("Israel (the state) and the PLO met.", [("Israel", "LOC"), ("PLO", "ORG")])])
    assert {e.name for e in ents} == {"Israel", "PLO"}


def test_a_country_read_as_an_organisation_beside_its_airline_stays_the_country() -> None:
    ents = _given([("Estrada flew to Singapore, where Singapore Airlines is based. Singapore welcomed him.",
                    [("Singapore", "ORG"), ("Singapore Airlines", "ORG"), ("Singapore", "ORG")]),
                   ("Flights to Singapore resumed.", [("Singapore", "LOC")])])
    assert _find(ents, "Singapore").label == "LOC"
    assert "Singapore" not in _find(ents, "Singapore Airlines").aliases


def test_a_rank_is_no_part_of_the_name_shown_and_a_titled_surname_joins_the_full_name() -> None:
    ents = _given([("Col. Steven Lee Jordan was charged. Maj. Gen. Geoffrey D. Miller ran the camp, and Gen. Miller "
                    "recommended dogs. A Sgt. spoke.",
                    [("Col. Steven Lee Jordan", "PERSON"), ("Geoffrey D. Miller", "PERSON"), ("Gen. Miller", "PERSON"),
                     ("Sgt.", "PERSON")])])
    names = {e.name for e in ents}
    assert names == {"Steven Lee Jordan", "Geoffrey D. Miller"}, names
    assert "Gen. Miller" in _find(ents, "Geoffrey D. Miller").aliases


def test_a_clerics_or_a_county_sheriffs_title_is_no_part_of_the_name_shown() -> None:
    ents = _given([("Rev Amos Tully led the vigil. Marlow County Sheriff Dana K. Holt said the road was shut.",
                    [("Rev Amos Tully", "PERSON"), ("Marlow County Sheriff Dana K. Holt", "PERSON")]),
                   ("Rev Amos Tully and Sheriff Dana K. Holt spoke again.",
                    [("Rev Amos Tully", "PERSON"), ("Sheriff Dana K. Holt", "PERSON")])])
    assert {e.name for e in ents if e.label == "PERSON"} == {"Amos Tully", "Dana K. Holt"}, [e.name for e in ents]
    # a county's name alone is no title: "Marlow County Fair Board" is left as it is
    assert _find(_given([("The Marlow County Fair Board met.", [("Marlow County Fair Board", "ORG")])]),
                 "Marlow County Fair Board").label == "ORG"


def test_an_organisation_under_a_word_put_before_its_name_or_one_word_less_is_one() -> None:
    ents = _given([("The Islamic Virtue Party protested. The Daily Milliyet reported it. Cathay Pacific bid.",
                    [("Islamic Virtue Party", "ORG"), ("Daily Milliyet", "ORG"), ("Cathay Pacific", "ORG")]),
                   ("The Virtue Party, Milliyet said, lost. Cathay pulled out.",
                    [("Virtue Party", "ORG"), ("Milliyet", "ORG"), ("Cathay", "ORG")])])
    assert "Virtue Party" in _find(ents, "Islamic Virtue Party").aliases
    assert "Daily Milliyet" in _find(ents, "Milliyet").aliases       # shown without the epithet
    assert "Cathay" in _find(ents, "Cathay Pacific").aliases


def test_a_peoples_name_is_no_short_form_of_a_person_of_that_surname() -> None:
    ents = _given([("Tom French, a reporter, wrote the story. The French government protested.",
                    [("Tom French", "PERSON"), ("French", "MISC")])])
    assert {e.name for e in ents} == {"Tom French", "French"}


def test_an_airlines_initials_spell_air_lines_or_airways_as_one_word() -> None:
    ents = _given([("Philippine Airlines cut flights. British Airways did not.",
                    [("Philippine Airlines", "ORG"), ("British Airways", "ORG")]),
                   ("PAL said talks failed; BA said nothing.", [("PAL", "ORG"), ("BA", "ORG")])])
    assert "PAL" in _find(ents, "Philippine Airlines").aliases
    assert "BA" in _find(ents, "British Airways").aliases


def test_an_airline_under_two_endings_is_one_and_two_companies_joined_by_and_are_two() -> None:
    ents, _ = _entities(_story([
        "Cathay Pacific Airways cut 10 flights. Cathay Pacific said demand fell.",
        "Cathay Pacific Airlines will resume service on Monday.",
        "Tata Motors sold 100 cars. Tata Group is a large conglomerate.",
    ]))
    cathay = _find(ents, "Cathay Pacific Airways")
    assert "Cathay Pacific Airlines" in {cathay.name, *cathay.aliases}
    assert _find(ents, "Tata Motors") is not _find(ents, "Tata Group")  # other kinds of ending: two
    got = {(m.text, m.label) for m in storyline.recognize_entities(
        "Shares of Cathay Pacific and Northwest Airlines fell, and the State Law and Order Restoration Council met.")}
    assert {("Cathay Pacific", "ORG"), ("Northwest Airlines", "ORG")} <= got
    assert ("State Law and Order Restoration Council", "ORG") in got


def test_an_apposition_that_is_a_clause_or_belongs_to_the_name_before_is_no_role() -> None:
    def roles(text: str) -> dict[str, str | None]:
        return {m.text: m.role for m in storyline.recognize_entities(text) if m.label == "PERSON"}

    assert roles("Tietmeyer, head of the bank on which the ECB is modeled, said rates fell.")["Tietmeyer"] \
        == "head of the bank"
    got = roles("In a statement provided by Tim Pendry, his London-based adviser, Idris said he was innocent.")
    assert got["Tim Pendry"] == "London-based adviser" and got["Idris"] is None
    assert roles("After the talks with Lind, the president addressed a handful of questions.").get("Lind") is None
    assert roles("Xi met his wife, Peng Liyuan, on Monday.")["Peng Liyuan"] == "wife"


def test_a_peoples_adjective_is_no_short_form_of_an_organisation_it_begins() -> None:
    ents, _ = _entities(_story([
        "The European Commission cut its forecast. European leaders met in Brussels, and the European currency rose.",
        "The commission said European countries would cut rates.",
    ]))
    assert "European" not in _find(ents, "European Commission").aliases
    labels = {(m.text, m.label) for m in storyline.recognize_entities("The European currency fell.")}
    assert labels == {("European", "MISC")}


def test_roles_after_an_opening_phrase_or_with_a_participle_and_places_in_lists_stay() -> None:
    def roles(text: str) -> dict[str, str | None]:
        return {m.text: m.role for m in storyline.recognize_entities(text) if m.label == "PERSON"}

    assert roles("On Monday, his wife, Hillary Rodham Clinton, defended him.")["Hillary Rodham Clinton"] == "wife"
    assert roles("John Smith, the prosecutor assigned to the case, said the trial would start in May.")["John Smith"] \
        == "prosecutor assigned to the case"
    labels = {(m.text, m.label) for t in ("Storms battered the Pacific coast on Monday.",
                                           "Merrill Lynch and Co Inc said profits rose.",
                                           "Top seeds were Duke, Kentucky, Kansas and Arizona.")
              for m in storyline.recognize_entities(t)}
    assert ("Pacific", "LOC") in labels and ("Merrill Lynch and Co Inc", "ORG") in labels
    assert ("Duke", "LOC") not in labels
    ents, _ = _entities(_story(["Security Council secretary Aleksandr Lebed resigned on Monday.",
                                "Security Council secretary Alexander Lebed met the envoy."]))
    lebed = [e for e in ents if e.name.endswith("Lebed")]
    assert len(lebed) == 1


def test_a_people_named_in_the_plural_is_a_nationality_not_a_person_or_an_organisation() -> None:
    text = ("North Koreans crossed the border on Monday. The injured included Somalis and people from "
            "Yugoslavia. Thousands of Pakistanis and Kuwaitis marched in the capital. The Cleveland Indians won on "
            "Sunday. Lewis said the march was peaceful.")
    found = {m.text: m.label for m in storyline.recognize_entities(text)}
    for name in ("North Koreans", "Somalis", "Pakistanis", "Kuwaitis"):
        assert found.get(name) == "MISC", (name, found)
    assert found.get("Cleveland Indians") == "ORG" and found.get("Lewis") == "PERSON", found
    assert "Somalis and" not in found and "Pakistanis and Kuwaitis" not in found


def test_a_wife_named_by_title_and_surname_beside_her_husband_keeps_her_title() -> None:
    t1 = ("President Bill Clinton met the Senate leaders on Monday. \"We will work together,\" Clinton said. "
          "Mrs. Clinton told reporters in New York that she would campaign for the party in the fall.")
    t2 = "Bill Clinton spoke on Monday. Mrs. Clinton said the campaign would start in October."
    b = storyline.brief(_dated((t1, date(1999, 5, 3)), (t2, date(1999, 5, 3))))
    people = {e.name for e in b.entities if e.label == "PERSON"}
    assert {"Bill Clinton", "Mrs. Clinton"} <= people, people
    assert "Clinton" not in people
    assert any(g.speaker == "Mrs. Clinton" and any("campaign" in q.text for q in g.quotes) for g in b.quotes)
    # a surname no one else of the story bears stays as written
    one = storyline.brief([Article(id="c", text="Mrs. Orth said the school would reopen on Monday. The school "
                                                  "board agreed with Mrs. Orth on Tuesday.", published=date(1999, 5, 3),
                                   title="t")])
    assert "Orth" in {e.name for e in one.entities}


def test_a_name_ending_on_a_waters_or_lands_word_is_a_place() -> None:
    found = {m.text: m.label for m in storyline.recognize_entities(
        "Salmon returned to Puget Sound this year. Divers surveyed the Great Barrier Reef on Monday.")}
    assert found.get("Puget Sound") == "LOC" and found.get("Great Barrier Reef") == "LOC", found


def test_an_acronym_defined_in_brackets_is_its_name_in_every_article() -> None:
    t1 = ("Agence France-Presse (AFP) reported the quake. The US Geological Survey (USGS) measured it at 7.0. "
          "The United Nations Children's Fund (UNICEF) sent aid.")
    t2 = "AFP said the capital was hit. USGS said aftershocks followed. UNICEF said children were at risk."
    ents = {e.name: e for e in storyline.brief(_dated((t1, date(2010, 1, 13)), (t2, date(2010, 1, 14)))).entities}
    for full, short in (("Agence France-Presse", "AFP"), ("US Geological Survey", "USGS"),
                        ("United Nations Children's Fund", "UNICEF")):
        assert full in ents and short in ents[full].aliases and set(ents[full].mentions) == {"a", "b"}, ents
        assert short not in ents
    assert ents["Agence France-Presse"].label == "ORG"


def test_a_bracketed_short_form_joins_only_a_name_it_spells_and_dateline_towns_read_as_words() -> None:
    def ents(texts: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
        arts = _dated(*((t, date(2010, 1, 13)) for t in texts))
        return {e.name: (e.label, e.aliases) for e in storyline.brief(arts).entities}

    found = ents(["Ankara (AFP) - Turkish troops crossed the border on Monday, AFP reported.",
                  "Ankara (AFP) - Turkish troops pulled back on Tuesday, AFP reported."])
    assert found.get("Ankara", ("",))[0] == "LOC" and "Ankara" not in found.get("AFP", ("", ()))[1], found
    found = ents(["Greg Rutherford (GBR) won the long jump. GBR won three gold medals."])
    assert "GBR" not in found.get("Greg Rutherford", ("", ()))[1], found
    found = ents(["BASRA, Iraq (AP) _ Troops entered the city on Monday.", "USGS said the quake was strong."])
    assert "Basra" in found and "USGS" in found, found


def test_the_mention_covering_a_word_is_found_by_its_start() -> None:
    """The role reader asks, for each word before a name, which mention covers it; the index it
    asks answers as reading every mention in order would (the first that covers), overlaps too."""
    import random

    from storyline.analyze.ner_roles import _Covering

    rng = random.Random(7)
    for _ in range(50):
        mentions = []
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 300)
            mentions.append(Mention(text="x", label="ORG", start=a, end=a + rng.randint(1, 40)))
        covering = _Covering(mentions)
        for _ in range(40):
            a = rng.randint(0, 340)
            b = a + rng.randint(1, 10)
            first = next((m for m in mentions if m.start <= a and b <= m.end), None)
            assert covering(a, b) is first


def test_a_name_written_after_a_persons_title_is_a_person_in_every_article() -> None:
    """The tagger reads some names as places ("Hun Sen"); a lower-case word only a person can be
    ("leader") makes the name a person, and so does a title anywhere in the article or the story,
    for the bare mentions too."""
    from storyline.analyze.entities import recognize_entities

    text = "Cambodian leader Hun Sen met the king. Hun Sen said on Monday he would form a government."
    assert {(m.text, m.label) for m in recognize_entities(text)} >= {("Hun Sen", "PERSON")}
    assert all(m.label == "PERSON" for m in recognize_entities(text) if m.text == "Hun Sen")
    arts = _story(["Prime Minister Hun Sen opened the new bridge over the Mekong on Tuesday.",
                   "Hun Sen said the bridge would carry trucks. Hun Sen spoke for an hour in Phnom Penh."])
    ents, _ = consolidate_entities(arts, [m for a in arts for m in recognize_entities(a.text, article_id=a.id)])
    assert _find(ents, "Hun Sen").label == "PERSON"


def test_two_companies_the_tagger_ran_together_are_two() -> None:
    """"Exxon and Mobil" read as one organisation is the two companies when the article (or the story)
    names each alone; a name with its own conjunction stays whole."""
    from storyline.analyze.entities import recognize_entities

    text = ("Exxon Corp. agreed to buy Mobil Corp. on Tuesday. Shares of Exxon and Mobil rose. "
            "Marks and Spencer said sales fell.")
    names = {m.text for m in recognize_entities(text)}
    assert "Exxon and Mobil" not in names and {"Exxon", "Mobil"} <= names, names
    assert "Marks and Spencer" in names
    arts = _story(["Exxon Corp. agreed to buy Mobil Corp. for $75 billion.",
                   "The merger of Exxon and Mobil would make the largest oil company."])
    ents, _ = consolidate_entities(arts, [m for a in arts for m in recognize_entities(a.text, article_id=a.id)])
    assert not any(" and " in e.name for e in ents), [e.name for e in ents]
    assert _find(ents, "Exxon Corp.") is not _find(ents, "Mobil Corp.")


def test_an_interviews_question_and_answer_marks_are_no_initials() -> None:
    from storyline.analyze.entities import recognize_entities

    text = "Q. What did you see there?\nA. Nothing at all, said John Smith.\nM. Slater run out 9, A. Smith 5\n"
    names = {(m.text, m.label) for m in recognize_entities(text)}
    assert not any(t.startswith(("Q.", "A. Nothing")) for t, _ in names), names
    assert {("M. Slater", "PERSON"), ("A. Smith", "PERSON")} <= names


def test_a_councils_name_with_and_without_its_union_is_one_body() -> None:
    arts = _story(["The U.N. Security Council approved the plan on Monday after weeks of talks.",
                   "The Security Council endorsed the plan and agreed to suspend sanctions."])
    ents, _ = _entities(arts)
    body = _find(ents, "U.N. Security Council")
    assert "Security Council" in body.aliases and body.label == "ORG"


def test_a_long_name_transliterated_two_ways_is_one_person_and_kin_stay_apart() -> None:
    """"Lamen Khalifa Fhimah" / "Lamin Khalifah Fhimah": the family name the same and each given name a
    letter apart is one man, with no role to tell it; two brothers' names stay two."""
    ents, _ = _entities(_story([
        "Prosecutors accused Lamen Khalifa Fhimah of planting the bomb in Malta.",
        "The suspects, Abdel Basset al-Megrahi and Lamin Khalifah Fhimah, were flown to the Netherlands.",
        "Kim Jong Un and Kim Jong Il were named in the report."]))
    fhimah = _find(ents, "Lamen Khalifa Fhimah")
    assert {fhimah.name, *fhimah.aliases} == {"Lamen Khalifa Fhimah", "Lamin Khalifah Fhimah"}
    assert len([e for e in ents if e.name in ("Kim Jong Un", "Kim Jong Il")]) == 2


def test_a_relative_named_by_a_given_name_is_no_namesake_of_the_story() -> None:
    """"the seat of his father, Henry": a relative known by his given name bears the family name of
    the person named before him, not that of another Henry on the page or in the story; a wife
    named after her husband's family name is still the woman named in full."""
    arts = _story([
        "Rep. Henry Hyde said the committee would meet. Charlie Gonzalez won the Texas seat of his father, Henry.",
        "Rep. Henry Hyde led the inquiry on Thursday."])
    ents, _ = _entities(arts)
    hyde = _find(ents, "Henry Hyde")
    assert "Henry" not in hyde.aliases and "father" not in " ".join(hyde.roles)
    ents, _ = _entities(_story(["Hillary Rodham Clinton spoke in Harlem. Later President Clinton and his wife, "
                                "Hillary, flew to Chicago."]))
    assert "Hillary" in _find(ents, "Hillary Rodham Clinton").aliases


def test_a_relative_named_twice_by_a_given_name_is_one_person() -> None:
    ents, _ = _entities(_story(["Charlie Gonzalez won the Texas seat of his father, Henry. Rep. Henry Hyde spoke. "
                                "Charlie Gonzalez thanked his father, Henry, on Tuesday."]))
    henry = [e for e in ents if e.name == "Henry"]
    assert len(henry) == 1 and sum(henry[0].mentions.values()) == 2
    assert "Henry" not in _find(ents, "Henry Hyde").aliases


def test_a_currency_is_no_name_of_its_country() -> None:
    from storyline.analyze.entities import recognize_entities

    text = "The United States pledged US$ 20 million to Haiti. The U.S. aid arrived on Monday."
    assert ("US$", "MISC") in {(m.text, m.label) for m in recognize_entities(text)}
    ents, _ = _entities(_story([text, "The United States sent ships to Haiti."]))
    us = _find(ents, "United States")
    assert "US$" not in us.aliases and not any(e.name == "US$" for e in ents)


def test_a_family_named_together_stays_two_people() -> None:
    """"President Trump and Melania Trump": the surname alone before a relative named in full, in
    one coordination, is the other person; a man's title ("Mr. Trump") and the president's
    quotes stay his, not his wife's."""
    arts = _story([
        "President Trump and Melania Trump, the first lady, welcomed President Emmanuel Macron to the White "
        "House on Tuesday. Mr. Trump said the talks went well. Mr. Trump praised the visit.",
        "Trump and first lady Melania Trump hosted a dinner. Trump said the friendship was strong.",
        "President Donald Trump met Emmanuel Macron in Washington on Tuesday."])
    ents, linked = _entities(arts)
    melania = _find(ents, "Melania Trump")
    donald = _find(ents, "Donald Trump")
    assert melania.id != donald.id
    assert sum(melania.mentions.values()) <= 3 and "President" not in melania.roles
    assert "first lady" in [r.lower() for r in melania.roles]
    assert sum(donald.mentions.values()) >= 6


def test_a_son_of_the_same_name_is_another_person() -> None:
    """Where the story tells of a son ("Trump's son, Donald Trump Jr."), "Donald Trump" and
    "Donald Trump Jr." are two men; elsewhere a name with its generation and without it
    ("Johnnie Cochran Jr." / "Johnnie Cochran", "Martin Luther King Jr." / "Martin Luther King")
    are one."""
    arts = _story([
        "Trump's son, Donald Trump Jr., met a Russian lawyer in 2016. President Donald Trump defended "
        "the meeting. Trump said it was normal. Trump Jr. released the emails.",
        "Donald Trump said on Monday he would not resign. Also named were Donald Trump Jr. and Paul Manafort."])
    ents, _ = _entities(arts)
    father, son = _find(ents, "Donald Trump"), _find(ents, "Donald Trump Jr.")
    assert father.id != son.id and "Trump Jr." in son.aliases and "Donald Trump" not in son.aliases
    assert sum(father.mentions.values()) >= 3
    ents, _ = _entities(_story(["Johnnie Cochran Jr. led the defense. Johnnie Cochran told the jury to acquit."]))
    assert len([e for e in ents if e.name.startswith("Johnnie Cochran")]) == 1
    ents, _ = _entities(_story(["Martin Luther King Jr. spoke in Memphis.", "Martin Luther King marched in Selma."]))
    assert len([e for e in ents if e.name.startswith("Martin Luther King")]) == 1


def test_two_person_spans_meeting_at_an_initial_are_one_name() -> None:
    """The tagger can open a second name at a surname the page uses alone ("Robert S." + "Mueller
    III", "Sarah Huckabee" + "Sanders"); a name never ends on its middle initial."""
    from storyline.analyze.entities import repair_spans

    toks = "the special counsel , Robert S. Mueller III , said".split()
    assert repair_spans(toks, [(4, 6, "PER"), (6, 8, "PER")]) == [(4, 8, "PER")]
    toks = "secretary , Sarah Huckabee Sanders , said".split()
    assert repair_spans(toks, [(2, 4, "PER"), (4, 5, "PER")]) == [(2, 5, "PER")]
    toks = "Smith Jones and Brown".split()
    assert repair_spans(toks, [(0, 1, "PER"), (1, 2, "PER")]) == [(0, 1, "PER"), (1, 2, "PER")]


def test_a_verb_before_a_role_is_no_part_of_it_and_the_article_is_no_part_of_a_name() -> None:
    from storyline.analyze.entities import recognize_entities

    ms = recognize_entities("Somebody forgot to give candidate Donald Trump the memo.")
    assert [(m.text, m.role) for m in ms] == [("Donald Trump", "candidate")]
    arts = _story(["The Trump administration has justified the tariffs. President Donald Trump spoke on Monday.",
                   "Donald Trump said the tariffs would stay."])
    ents, _ = _entities(arts)
    assert "The Trump" not in _find(ents, "Donald Trump").aliases


def test_a_place_named_after_its_saint_keeps_the_possessive_inside_its_name() -> None:
    from storyline.analyze.entities import recognize_entities

    names = [m.text for m in recognize_entities("Three workers were taken to St Aldric's Hospital on Monday.")]
    assert names == ["St Aldric's Hospital"]
    # the name after a possessive is still its own ("the North's Korean Central News Agency")
    names = [m.text for m in recognize_entities("the North 's Korean Central News Agency said on Monday")]
    assert "Korean Central News Agency" in names


def test_a_role_after_according_to_keeps_its_field_and_a_son_of_another_family_splits_nothing() -> None:
    from storyline.analyze.entities import recognize_entities

    ms = recognize_entities("The fire started at noon, according to fire chief Mark Jones.")
    assert [(m.text, m.role) for m in ms] == [("Mark Jones", "fire chief")]
    ents, _ = _entities(_story(["Martin Luther King Jr., the son of a Baptist preacher, led the march in 1963.",
                                "Martin Luther King spoke in Memphis. King was shot."]))
    assert len([e for e in ents if e.label == "PERSON" and e.name.startswith("Martin Luther")]) == 1


def test_common_words_in_capitals_are_no_entity() -> None:
    """A tweet's "NO COLLUSION" or a section header "FIBROMYALGIA" whose words the story writes in
    lower case is no name; an acronym ("NATO") and a name in capitals stay."""
    arts = _story(["Trump tweeted that there was NO COLLUSION and that the inquiry was a hunt. Critics said "
                   "collusion was not the question.",
                   "NATO allies met in Brussels. JOHNNIE COCHRAN spoke for the defense."])
    ents, _ = _entities(arts)
    names = {e.name.upper() for e in ents}
    assert "NO COLLUSION" not in names and "NATO" in names


def test_a_continent_is_no_person() -> None:
    """The tagger read "the senior director for Asia" as a person on a long page: the story's Asia
    is a place whatever the mentions' labels."""
    text = "Pottinger is the senior director for Asia at the council."
    k = text.index("Asia")
    arts = [Article(id="a", text=text)]
    ents, _ = consolidate_entities(arts, [Mention(k, k + 4, "Asia", "PERSON", "a")])
    assert [(e.name, e.label) for e in ents] == [("Asia", "LOC")]


def test_a_shorter_full_name_joins_a_longer_one_whose_articles_differ_in_titles() -> None:
    """"Kim Jong" (a tokenized "Kim Jong - un") joins "Kim Jong Un", also when one article calls him
    "Mr. Kim" and another gives no title (the longer name's articles were kept apart by sex alone)."""
    arts = _story(["Kim Jong Un met the envoy in Pyongyang. Mr. Kim smiled for the cameras.",
                   "Kim Jong Un arrived in Beijing on Tuesday.",
                   "Kim Jong spoke to officials on Wednesday. Kim left."])
    ents, _ = _entities(arts)
    kims = [e for e in ents if e.label == "PERSON" and e.name.startswith("Kim")]
    assert len(kims) == 1 and kims[0].name == "Kim Jong Un"


def test_a_newspaper_called_by_the_last_word_of_its_name_is_one_body() -> None:
    """"The Dorne Herald reported ... the Herald said": one newspaper (the brief's who-said-what had
    "Herald" apart from "Dorne Herald")."""
    ents, _ = _entities(_story([
        "The Dorne Herald reported on Tuesday that the pier had failed two inspections. The Herald said "
        "harbor manager Tamsin Oake provided a written statement.",
        "Councillors met on Wednesday after the Dorne Herald's report on the pier.",
    ]))
    herald = _find(ents, "Dorne Herald")
    assert "Herald" in herald.aliases, (herald.name, herald.aliases)
    assert not any(e.name == "Herald" for e in ents)


def test_the_south_is_no_short_form_of_a_state_but_the_north_is_of_a_country() -> None:
    """"South Carolina" ... "Most voters in the South": the South is a region, not the state; "the
    North" of a story on North Korea is the country."""
    ents, _ = _entities(_story([
        "Mara Lint campaigned in South Carolina on Monday. Most voters in the South back her rival, "
        "said pollster Tom Vale.",
        "Lint will return to South Carolina before the primary. The South votes on March 1.",
    ]))
    carolina = _find(ents, "South Carolina")
    assert "South" not in carolina.aliases, carolina.aliases
    ents, _ = _entities(_story([
        "North Korea fired two missiles on Monday. The North said the test was a success.",
        "South Korea condemned the launch by North Korea.",
    ]))
    assert "North" in _find(ents, "North Korea").aliases


def test_people_of_one_kind_are_no_organisation() -> None:
    from storyline.consolidate.entities import _head_label

    assert _head_label("Latinos", "ORG") == "MISC"
    assert _head_label("Evangelicals", "ORG") == "MISC"
    assert _head_label("Democrats", "ORG") == "MISC"
    assert _head_label("Dorne Herald", "ORG") == "ORG"
    assert _head_label("Latinos", "PERSON") == "PERSON"


def test_a_masthead_word_shared_by_two_newspapers_joins_neither() -> None:
    ents, _ = _entities(_story([
        "The Freedonia Post reported the deal on Monday. The Sylvania Post said it was a forgery. The Post "
        "stood by its report.",
        "Both the Freedonia Post and the Sylvania Post covered the summit.",
    ]))
    for name in ("Freedonia Post", "Sylvania Post"):
        assert "Post" not in _find(ents, name).aliases, (name, _find(ents, name).aliases)


def test_the_titles_of_a_legislature_are_roles() -> None:
    """"House Speaker Paul Ryan", "Senate Majority Leader Mitch McConnell": the brief's list gives the
    title whole (it had given Ryan none and McConnell "Leader")."""
    ents, _ = _entities(_story([
        "House Speaker Mara Lint met Governor Tom Vale on Thursday. Senate Majority Leader Orrin Vask "
        "welcomed the meeting. House Majority Whip Dara Pell voted no.",
    ]))
    assert "House Speaker" in _find(ents, "Mara Lint").roles
    assert "Senate Majority Leader" in _find(ents, "Orrin Vask").roles
    assert "House Majority Whip" in _find(ents, "Dara Pell").roles


def test_a_word_alone_is_the_surname_of_the_one_who_bears_it_before_another_first_name() -> None:
    """"John said ..." after "Tom John, the district chairman," is Tom John, however often the story
    writes John Kasich: a word alone is a family name before it is a first name."""
    arts = _story([
        "Ohio Gov. John Kasich won his home state. Kasich said he would stay in the race. Kasich spoke to "
        "supporters in Columbus, where Kasich thanked volunteers. Tom John, the district chairman, said the "
        "delegates were unlikely to favor the front-runner. John said none were added to the party's slate."])
    ents, _ = _entities(arts)
    kasich = _find(ents, "John Kasich")
    assert "John" not in kasich.aliases and sum(kasich.mentions.values()) == 4, (kasich.aliases, kasich.mentions)
    assert _find(ents, "Tom John").label == "PERSON"


def test_a_family_name_written_first_stays_with_its_bearer() -> None:
    """"Lee told reporters" after "Foreign Minister Lee Sang-min" (family name first) and "envoy Dana
    Lee": the minister, written most, as before the surname rule."""
    arts = _story(["Foreign Minister Lee Sang-min arrived in Varn on Monday. Lee Sang-min met officials. Lee "
                   "Sang-min was greeted by Varn envoy Dana Lee. Lee told reporters the talks went well."])
    ents, _ = _entities(arts)
    assert "Lee" in _find(ents, "Lee Sang-min").aliases


def test_a_bare_surname_is_not_the_namesake_the_article_calls_by_the_first_name() -> None:
    """"Ortega" after the boy Tomas (called "Tomas" throughout) and his father Luis Ortega is the father:
    a person called by the first name is not the one called by the surname; the boy's words stay his."""
    text = ("Tomas Ortega, the 6-year-old boy at the center of a custody fight, stayed in Tampa on Friday. "
            "Tomas has lived with his great-aunt, Rosa Ortega, since November. Tomas went to school on Friday. "
            "His father, Luis Ortega, arrived from Lima last week. Ortega has told officials he intends to take "
            "his son back to Peru. Tomas's father, who is staying in a suburb, had said he does not want to "
            "meet the relatives.")
    b = storyline.brief([Article(text=text, title="Custody fight", source="Gazette")])
    said = {q.text: g.speaker for g in b.quotes for q in g.quotes}
    assert said["he intends to take his son back to Peru"] == "Luis Ortega"
    assert said.get("he does not want to meet the relatives") != "Tomas Ortega"
    aliases = {e.name: e.aliases for e in b.entities}
    assert "Ortega" not in aliases["Tomas Ortega"] and "Tomas" in aliases["Tomas Ortega"]


def test_a_body_named_of_one_thing_and_another_is_one_name() -> None:
    got = lambda t: [(m.text, m.label) for m in storyline.recognize_entities(t)]  # noqa: E731
    assert got("The Texas Board of Pardons and Paroles voted on Monday to deny clemency.") == [
        ("Texas Board of Pardons and Paroles", "ORG")]
    assert got("He spoke to the Ministry of Defence and Reuters on Friday.") == [
        ("Ministry of Defence", "ORG"), ("Reuters", "ORG")]


def test_a_bare_surname_stays_with_the_main_namesake_named_once_by_the_first_name() -> None:
    text = ("Serena Williams won her seventh title on Saturday. Her sister Venus Williams watched from the "
            "stands. Fans chanted 'Serena' as the match ended. Williams said after the match that she had "
            "felt pain in her shoulder all week.")
    b = storyline.brief([Article(text=text, title="Seventh title", source="Gazette")])
    aliases = {e.name: e.aliases for e in b.entities}
    assert "Williams" in aliases["Serena Williams"] and "Williams" not in aliases.get("Venus Williams", ())


def test_a_states_other_names_are_that_state_and_a_body_the_tagger_took_for_a_thing_speaks():
    texts = {"a": "A student died in Laramie, Wyo., police said. Britain condemned it. Hamdan Council said it grieved.",
             "b": "The student was from Wyoming. Britain and America sent words. Hamdan Council said it would meet.",
             "c": "In Casper, Wyo., the vigil went on. America mourned. Gallic voters said it was sad."}
    names = {"Wyo.": "LOC", "Wyoming": "LOC", "Britain": "LOC", "America": "LOC", "Hamdan Council": "MISC",
             "Gallic": "MISC", "Laramie": "LOC", "Casper": "LOC"}
    arts = [storyline.Article(id=k, text=t) for k, t in texts.items()]
    mentions = [Mention(m.start(), m.end(), name, label, aid) for aid, t in texts.items()
                for name, label in names.items() for m in re.finditer(re.escape(name), t)]
    entities, _ = consolidate_entities(arts, mentions)
    by = {e.name: e for e in entities}
    assert by["Wyoming"].label == "LOC" and "Wyo." in by["Wyoming"].aliases and "Wyo." not in by
    assert "United Kingdom" not in by and by["Britain"].label == "LOC"   # no usual name written: its own
    assert by["Hamdan Council"].label == "ORG"                           # it says things: a body
    assert by["Gallic"].label == "MISC"                                  # a people's word that says stays one


def test_one_man_in_three_romanisations_is_one_entity_and_any_spelling_focuses_on_him():
    from storyline.consolidate.brief import focus_entity

    texts = ["Libyan leader Moammar Gadhafi vowed on Monday to fight on. Gadhafi spoke on state television.",
             "Muammar Gaddafi told supporters in Tripoli on Monday that he would not leave. Gaddafi's son spoke.",
             "Colonel Muammar Qaddafi appeared on television on Monday. Qaddafi said he would die in Libya.",
             "Moammar Gadhafi's forces attacked Misrata on Monday, rebels said. Gadhafi has ruled since 1969.",
             "Ali Hassan, a doctor in Misrata, said the hospital was full. Ali Hussein, a driver, fled the city."]
    arts = [Article(id=f"a{i}", text=t, source=f"s{i}", published="2031-03-02") for i, t in enumerate(texts)]
    ents = storyline.brief(arts).entities
    people = [e for e in ents if e.label == "PERSON"]
    gadhafi = next(e for e in people if e.name == "Moammar Gadhafi")   # the form most articles write
    assert {"Muammar Gaddafi", "Qaddafi", "Gaddafi"} <= set(gadhafi.aliases)
    assert {"Ali Hassan", "Ali Hussein"} <= {e.name for e in people}   # they sound alike: two men
    for q in ("Gaddafi", "Qaddafi", "Kadhafi", "Muammar al-Gaddafi"):
        assert focus_entity(q, ents) is gadhafi, q


def test_a_woman_and_a_man_of_one_family_name_and_a_person_named_like_a_place_stay_apart():
    texts = ["Alexandra Petrova won the women's race in Sochi on Monday, officials said.",
             "Alexander Petrov won the men's race in Sochi on Monday. The actor Tom Holland watched.",
             "Holland said the race was fast. Crowds went to Mass before the races in Sochi."]
    arts = [Article(id=f"a{i}", text=t, source=f"s{i}", published="2026-03-02") for i, t in enumerate(texts)]
    names = {e.name: e for e in storyline.brief(arts).entities}
    assert "Alexandra Petrova" in names and "Alexander Petrov" in names
    assert "Netherlands" not in names and "Massachusetts" not in names


def test_a_transcripts_anonymous_turns_and_run_in_labels_are_no_names() -> None:
    text = ("NORA FELD, HOST: Dock workers at Harbourton walked out on Thursday.\n"
            "UNIDENTIFIED MALE: We will not go back until the pay is fixed, not one of us.\n"
            "UNIDENTIFIED FEMALE : No , no , no , no , no.\n"
            "FELD: The port owner, Harbourton Docks, said talks would resume on Friday.\n")
    b = storyline.brief([storyline.Article(id="tr", source="radio", published="2024-05-03", text=text)])
    names = {n for e in b.entities for n in (e.name, *e.aliases)}
    assert not any("UNIDENTIFIED" in n or "no , no" in n.lower() for n in names), names


def test_a_tokenized_corpus_hyphenated_name_is_shown_as_typeset() -> None:
    arts = _dated(("Marie Lanvier - Dupont , the mayor of Brelle , resigned on Monday . "
                   "Lanvier - Dupont denied wrongdoing , her lawyer said .", date(2021, 3, 2)),
                  ("Mayor Marie Lanvier-Dupont stepped down on Monday.", date(2021, 3, 2)))
    ents, _ = _entities(arts)
    mayor = _find(ents, "Marie Lanvier-Dupont")
    assert mayor.name == "Marie Lanvier-Dupont"
    assert all(" - " not in a for a in mayor.aliases), mayor.aliases


def test_a_transcripts_surname_label_is_the_person_its_full_label_names() -> None:
    text = ("ANNA BROOK, RIVER NEWS ANCHOR: Good evening. The harbour strike goes on.\n\n"
            "GIDEON PELL, HARBOUR WORKERS UNION: We will stay out.\n\n"
            "BROOK: Until when?\n\nPELL: Until the bonus is restored.\n\nBROOK: Gideon Pell, thank you.")
    ents, _ = _entities(_story([text]))
    people = {e.name: e for e in ents if e.label == "PERSON"}
    assert "Brook" not in people and "Pell" not in people, sorted(people)
    assert sum(people["Anna Brook"].mentions.values()) == 3  # her full label and her two turns
    assert "BROOK" not in people["Anna Brook"].aliases


def test_a_transcripts_turn_labels_are_people_though_written_in_capitals() -> None:
    from storyline.analyze.entities import recognize_entities

    text = ("HARALD BRENNER, RIVER NEWS ANCHOR: Happening now, the harbour strike. The dockers have stayed out for "
            "nine days.\n\nBRENNER: Let's go to the port. Ilse, what is the latest?\n\n"
            "ILSE VARGA, RIVER NEWS CORRESPONDENT: Harald, the port is empty and the union says the strike will go on."
            "\n\nBRENNER: Is the port authority talking to them?\n\nVARGA: Not yet, Harald.")
    labels = {m.label for m in recognize_entities(text) if m.text in ("BRENNER", "HARALD BRENNER", "VARGA", "ILSE VARGA")}
    assert labels == {"PERSON"}


def test_a_tokenized_corpus_possessive_inside_a_name_is_shown_as_typeset() -> None:
    arts = _dated(("The Boarding Schools ' Association said on Monday that the Harbour Workers ' Union would "
                   "meet it . The Boarding Schools ' Association called the talks useful .", date(2021, 3, 2)),)
    names = {e.name for e in _entities(arts)[0]}
    assert "Boarding Schools' Association" in names, names


def test_a_sentence_glued_to_a_name_leaves_its_opening_word_out_of_it() -> None:
    from storyline.analyze.entities import recognize_entities

    text = "To open the file you may need Adobe Reader Meanwhile in Tolvar , the ferry crews went back to work ."
    assert [m.text for m in recognize_entities(text) if m.text.startswith("Adobe")] == ["Adobe Reader"]


def test_an_acronym_word_in_a_longer_name_is_spelt_whole() -> None:
    # "UN" is not the initials of "US Navy" (U + N): its first word is an acronym of its own ("USN")
    ents = _given([("The US Navy sent a hospital ship to the port.", [("US Navy", "ORG")]),
                   ("The UN said its staff in the port were safe.", [("UN", "ORG")])])
    assert sorted((e.name, e.aliases) for e in ents) == [("UN", ()), ("US Navy", ())]
    ents = _given([("The US Navy sent a ship. The USN said a second would follow.", [("US Navy", "ORG"), ("USN", "ORG")])])
    assert [(e.name, e.aliases) for e in ents] == [("US Navy", ("USN",))]
    # a company's legal ending after its acronym: "BP" is "BP Plc"; "USA" stays the state, not "U.S. Army"
    ents = _given([("Kestrel Plc said the well was sealed.", [("Kestrel Plc", "ORG")]),
                   ("KBR Plc said the rig was safe. KBR added that work went on.", [("KBR Plc", "ORG"), ("KBR", "ORG")])])
    kbr = [e for e in ents if "KBR" in e.name]
    assert [(e.name, e.mentions) for e in kbr] == [("KBR Plc", {"a1": 2})], [(e.name, e.aliases) for e in ents]
    ents = _given([("The U.S. Army sent troops. The USA pledged more aid.", [("U.S. Army", "ORG"), ("USA", "LOC")])])
    assert not any("USA" in e.aliases for e in ents if e.name == "U.S. Army")


def test_a_peoples_word_before_a_title_is_no_part_of_the_name_before_it() -> None:
    # a caption run into the next sentence: "... the station's Tom Brayle Haitian President Marc Daviot
    # has said ...": Haitian is the title's, and "the Haitian capital" names no person
    text = ("The reporter spoke to the station's Tom Brayle Haitian President Marc Daviot has said thousands are "
            "feared dead. The Haitian capital was hit hard.")
    ms = storyline.recognize_entities(text)
    assert not any(m.label == "PERSON" and m.text.endswith("Haitian") for m in ms), [(m.text, m.label) for m in ms]
    assert all(m.label != "PERSON" for m in ms if m.text == "Haitian"), [(m.text, m.label) for m in ms]
    # nor does a people's word of a person's name make that word a person elsewhere in the page
    from storyline.analyze.entities import _consistent_labels
    got = _consistent_labels([Mention(start=0, end=18, text="Tom Brayle Haitian", label="PERSON"),
                              Mention(start=40, end=47, text="Haitian", label="MISC")])
    assert [m.label for m in got] == ["PERSON", "MISC"]


def test_a_city_read_as_a_place_stays_one_on_a_page_of_its_team() -> None:
    from storyline.analyze.entities import _consistent_labels

    # "Tacoma won ... Tacoma lead ... played in Tacoma": the team twice, the city once
    ms = [Mention(start=0, end=6, text="Tacoma", label="ORG"), Mention(start=20, end=26, text="Tacoma", label="ORG"),
          Mention(start=40, end=46, text="Tacoma", label="LOC"), Mention(start=60, end=68, text="Brennick", label="ORG"),
          Mention(start=70, end=78, text="Brennick", label="ORG"), Mention(start=80, end=88, text="Brennick", label="LOC")]
    assert [m.label for m in _consistent_labels(ms)] == ["ORG", "ORG", "LOC", "ORG", "ORG", "ORG"]
    # an organisation's reading of a place still gives way to the page's places
    ms = [Mention(start=0, end=6, text="Tacoma", label="LOC"), Mention(start=20, end=26, text="Tacoma", label="LOC"),
          Mention(start=40, end=46, text="Tacoma", label="ORG")]
    assert [m.label for m in _consistent_labels(ms)] == ["LOC", "LOC", "LOC"]


def test_a_surname_with_a_title_is_the_namesake_of_that_office() -> None:
    import storyline

    art = Article(id="a", source="wire", published=date(2024, 3, 2), title="Aid for Korvania",
                  text="Former president Tom Voss met aid groups on Friday. Secretary of State Anna Voss flies to "
                       "Korvania on Saturday. Mrs Voss said the aid would last. Mrs Voss added that roads were "
                       "open. President Voss said the fund had raised $20m.")
    people = {e.name: e.roles for e in storyline.brief([art]).entities if e.label == "PERSON"}
    assert not any("President" in r for r in people["Anna Voss"]), people
    assert any(r.lower().endswith("president") for r in people["Tom Voss"]), people


def test_a_body_named_after_a_person_stays_apart_from_her() -> None:
    ents = _given([("Voss charity ties questioned. Interests of the Voss Foundation grew when Anna Voss served.",
                    [("Voss", "ORG"), ("Voss Foundation", "ORG"), ("Anna Voss", "PERSON")]),
                   ("Voss said the emails were old.", [("Voss", "PERSON")]),
                   ("Anna Voss spoke in Dunmore.", [("Anna Voss", "PERSON")])])
    anna = _find(ents, "Anna Voss")
    assert "Voss Foundation" not in anna.aliases, ents
    assert _find(ents, "Voss Foundation").label == "ORG"
    # a name after "Mrs." is a person's, whatever the page's other mentions of the word make it
    from storyline.analyze.entities import _consistent_labels

    text = "The Voss Foundation paid. Mrs. Voss said so."
    ms = [Mention(start=4, end=19, text="Voss Foundation", label="ORG"),
          Mention(start=31, end=35, text="Voss", label="ORG")]
    assert [m.label for m in _consistent_labels(ms, frozenset(), text)] == ["ORG", "PERSON"]


def test_a_companys_name_without_its_industry_word_and_a_name_wrapped_at_a_line_end() -> None:
    """"Vask Petroleum Inc said ... Vask said ...": "Vask" is the company, one entity (and one speaker),
    not a second organisation; a name wrapped at a line's end ("Harbor\\nPark") is shown in one line."""
    arts = _story(["Vask Petroleum Inc said on Wednesday a well in the Dorne field tested 1,100 barrels a day.\n"
                   "Vask said full production has begun at the well.\n"
                   "The company owns a 16 percent interest, Vask said.\n",
                   "Scoreboard on the second day of the final test between Dorne and Vask at Harbor\n"
                   "Park on Friday, after Dorne beat Vask at Harbor Park on Monday:\n"])
    ents, _ = _entities(arts)
    vask = [e for e in ents if "Vask" in (e.name, *e.aliases) or e.name.startswith("Vask ")]
    assert len(vask) == 1, [(e.name, e.aliases) for e in vask]
    assert not any("\n" in a for e in ents for a in (e.name, *e.aliases)), [(e.name, e.aliases) for e in ents]


def test_a_product_is_no_organisation_person_or_place() -> None:
    """A name the article writes where a product's stands ("prescribed X", "X, a mild stimulant", "the
    antiviral drugs X and Y") is a product's (MISC) everywhere in it; a drug maker stays a body."""
    from storyline.analyze.entities import recognize_entities

    def labels(text: str) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for m in recognize_entities(text):
            out.setdefault(m.text, set()).add(m.label)
        return out

    got = labels("Doctors in Carrow prescribed Zelvaro to forty patients last spring. Zelvaro has since won a large "
                 "share of the market, and Norvex Corp. hopes Zelvaro will outsell its rivals.")
    assert got["Zelvaro"] == {"MISC"} and got["Norvex Corp."] == {"ORG"}, got
    got = labels("Sales of Morvella, a mild stimulant, rose sharply. Morvella was approved in May. Analysts at "
                 "Hallam Bank said Morvella would sell well.")
    assert got["Morvella"] == {"MISC"} and got["Hallam Bank"] == {"ORG"}, got
    assert labels("The antiviral drugs Fendrix and Qualtane seem to work, Bellcorp said.")["Fendrix"] == {"MISC"}
    got = labels("Drugmaker Brenlow Pharmaceuticals, the drug maker, said on Monday it would cut jobs. Brenlow said "
                 "profits fell.")
    assert got["Brenlow"] == {"ORG"}, got


def test_a_broadcast_band_alone_is_no_name() -> None:
    """"89.3 FM", "on FM", "FM radio": the band names no station; "Sunrise FM" does."""
    from storyline.analyze.entities import recognize_entities

    text = ("The station broadcasts on FM in Carrow's four largest towns: Carrow 89.3 FM and Dunmore 101.5 FM. "
            "Listeners can also tune in to FM radio at noon.")
    assert "FM" not in {m.text for m in recognize_entities(text)}, recognize_entities(text)
    assert "Sunrise FM" in {m.text for m in recognize_entities("Carrow's Sunrise FM said its reporter was safe.")}


def test_a_product_named_so_in_one_article_is_a_product_in_the_story() -> None:
    """One article writes "the drug Zelvaro"; the others only "Zelvaro has won ...": the story's entity
    is a product (MISC), listed after the people, organisations and places."""
    arts = _story(["Norvex Corp. said on Monday that the drug Zelvaro would reach pharmacies in May.",
                   "Zelvaro has won a large share of the market since May, Norvex Corp. said.",
                   "Zelvaro outsold its rivals in June, and Norvex Corp. raised its forecast.",
                   "Doctors say Zelvaro has helped thousands. Zelvaro costs little, Norvex Corp. said."])
    ents, _ = _entities(arts)
    assert _find(ents, "Zelvaro").label == "MISC", [(e.name, e.label) for e in ents]
    assert _find(ents, "Norvex Corp.").label == "ORG"


def test_a_clause_ending_on_a_product_noun_makes_no_product() -> None:
    """"... for medical treatment, Tarsen asked ...", "the anti-depressant Welbutrin, Tom Lippert was": the
    comma ends a clause; the name after it stays a person."""
    from storyline.analyze.entities import product_context, recognize_entities

    text = "Learning that Voss had entered Carrow for medical treatment, Tarsen asked the police to hold him."
    assert not product_context(text, text.index("Tarsen"), text.index("Tarsen") + 6)
    got = {(m.text, m.label) for m in recognize_entities(
        "Tom Lippert is a student in Carrow. After doctors prescribed the anti-depressant Welbutrin, Lippert was "
        "miserable.")}
    assert ("Lippert", "MISC") not in got, got
    text = "Stimulants, such as Morvella, are prescribed to children."
    assert product_context(text, text.index("Morvella"), text.index("Morvella") + 8)


def test_a_name_run_across_a_tokenized_bracket_is_no_alias() -> None:
    """A tagger's span run across a tokenized text's bracket ("Tomas -RRB- Welland") is no name to show:
    left out of the aliases where the entity has other forms, shown without the token where not."""
    text_a = "Tomas Welland , the mayor , spoke . -LRB- Mayor Tomas -RRB- Welland said the dam held ."
    text_b = "Orsk -LRB- Lower -RRB- Dam held , Tomas Welland said ."
    arts = [Article(id="a", title="t0", text=text_a), Article(id="b", title="t1", text=text_b)]

    def at(aid: str, text: str, span: str, label: str) -> Mention:
        start = text.index(span)
        return Mention(start=start, end=start + len(span), text=span, label=label, article_id=aid)

    ms = [at("a", text_a, "Tomas Welland", "PERSON"), at("a", text_a, "Tomas -RRB- Welland", "PERSON"),
          at("b", text_b, "Tomas Welland", "PERSON"), at("b", text_b, "Orsk -LRB- Lower -RRB- Dam", "LOC")]
    ents, _ = consolidate_entities(arts, ms)
    shown = {e.name: e.aliases for e in ents}
    assert shown == {"Tomas Welland": (), "Orsk Lower Dam": ()}, shown


def test_a_nationality_before_an_acronym_is_no_part_of_its_name() -> None:
    from storyline.analyze.entities import _join_nationality

    toks = ["the", "Dravian", "U.N.", "mission", "and", "the", "Dravian", "Interior", "Ministry", "of", "a",
            "Dravian", "KPV", "group"]
    spans = [(1, 2, "MISC"), (2, 3, "ORG"), (6, 7, "MISC"), (7, 9, "ORG"), (11, 12, "MISC"), (12, 13, "ORG")]
    assert _join_nationality(toks, spans) == [(1, 2, "MISC"), (2, 3, "ORG"), (6, 9, "ORG"), (11, 12, "MISC"),
                                              (12, 13, "ORG")]


def test_a_title_the_tagger_took_into_a_persons_name_is_dropped() -> None:
    from storyline.analyze.entities import repair_spans

    toks = ["Cardinal", "Tomas", "Vell", "and", "Mother", "Agnes", "met", "KING", "ORVAN", "."]
    assert repair_spans(toks, [(0, 3, "PER"), (4, 6, "PER"), (7, 9, "PER")]) == [(1, 3, "PER"), (4, 6, "PER"),
                                                                                 (8, 9, "PER")]


def test_a_month_that_opens_a_name_is_the_dates() -> None:
    from storyline.analyze.entities import repair_spans

    toks = ["the", "July", "KVX", "meeting", ",", "from", "May", "Harbour", "Stores", "and", "the", "March", "of",
            "Pennies", "drive", "with", "June", "Tarrow"]
    spans = [(1, 3, "ORG"), (6, 9, "ORG"), (11, 14, "ORG"), (16, 18, "PER")]
    assert repair_spans(toks, spans) == [(2, 3, "ORG"), (6, 9, "ORG"), (11, 14, "ORG"), (16, 18, "PER")]


def test_a_month_of_a_persons_name_is_no_person_alone() -> None:
    from storyline.analyze.entities import _propagate_person_names
    from storyline.analyze.ner_features import tokenize

    text = "June Tarrow spoke . Prices rose in June , Tarrow said ."
    spans = [tokenize(text)]
    got = _propagate_person_names(text, spans, [Mention(start=0, end=11, text="June Tarrow", label="PERSON")], "")
    assert [m.text for m in got] == ["June Tarrow", "Tarrow"]


def test_a_name_made_an_adjective_by_a_participle_is_apart_from_the_name_it_qualifies() -> None:
    from storyline.analyze.entities import repair_spans

    toks = ["Among", "them", "is", "Tarvik-based", "Holm", "Bank", "Corp.", "and", "the", "Dravia-led", "talks"]
    assert repair_spans(toks, [(3, 7, "ORG"), (9, 10, "MISC")]) == [(3, 4, "MISC"), (4, 7, "ORG"), (9, 10, "MISC")]


def test_each_side_of_a_results_line_is_one_name_of_one_type() -> None:
    from storyline.analyze.entities import repair_spans

    # the tagger found one team and read the other, a town's name, as a place or not at all
    assert repair_spans(["Harrowgate", "31", "North", "Vell", "28"], [(0, 1, "ORG"), (3, 4, "LOC")]) == [
        (0, 1, "ORG"), (2, 4, "ORG")]
    assert repair_spans(["Dravia", "2", "Kestonia", "0"], [(0, 1, "LOC")]) == [(0, 1, "LOC"), (2, 3, "LOC")]
    # a line of any other shape is left alone
    assert repair_spans(["Harrowgate", "beat", "Vell", "31", "28"], [(0, 1, "ORG")]) == [(0, 1, "ORG")]


def test_a_clubs_town_letters_in_brackets_are_part_of_its_name() -> None:
    from storyline.analyze.entities import repair_spans

    toks = ["Vorek", "(", "T", ")", "beat", "Sloga", "(", "KV", ")", "and", "the", "Civic", "Union", "(", "CU", ")"]
    spans = [(0, 1, "ORG"), (5, 6, "ORG"), (7, 8, "ORG"), (11, 13, "ORG"), (14, 15, "ORG")]
    assert repair_spans(toks, spans) == [(0, 4, "ORG"), (5, 9, "ORG"), (11, 13, "ORG"), (14, 15, "ORG")]


def test_a_name_after_a_noun_of_an_organisations_kind_is_that_organisation() -> None:
    from storyline.analyze.entities import _kind_named_orgs

    text = "The chain Pelko grew. Pelko said so. Anna Varg met the firm Varg. The club Tomas Reyd won. Broker Ulm spoke."
    def at(name: str, label: str, start: int = 0) -> Mention:
        a = text.index(name, start)
        return Mention(start=a, end=a + len(name), text=name, label=label)
    ms = [at("Pelko", "PERSON"), at("Pelko", "PERSON", 15), at("Anna Varg", "PERSON"), at("Varg", "PERSON", 40),
          at("Tomas Reyd", "PERSON"), at("Ulm", "PERSON")]
    # Pelko is the chain everywhere; Varg, a person's family name on the page, and a name that opens on a
    # given name stay people; a broker is a person
    assert [m.label for m in _kind_named_orgs(text, ms)] == ["ORG", "ORG", "PERSON", "PERSON", "PERSON", "PERSON"]


def test_a_wire_dateline_names_places() -> None:
    from storyline.analyze.entities import repair_spans

    assert repair_spans(["VELLMOOR", ",", "Dravia", "1996-08-29"], [(0, 1, "ORG")]) == [(0, 1, "LOC"), (2, 3, "LOC")]
    assert repair_spans(["PORT", "ANSEL", "1996-08-30"], [(1, 2, "PER")]) == [(0, 2, "LOC")]
    # not a line of another shape, nor a body's name the tagger knows in capitals
    assert repair_spans(["VELLMOOR", "WINS", "ON", "1996-08-29", "."], [(0, 1, "ORG")]) == [(0, 1, "ORG")]
    assert repair_spans(["UNITED", "NATIONS", "1996-08-29"], [(0, 2, "ORG")]) == [(0, 2, "ORG")]
    # a city the train split's tables know as a team is still the dateline's place
    assert repair_spans(["OAKLAND", ",", "California", "2003-05-11"], [(0, 1, "ORG"), (2, 3, "LOC")]) == [
        (0, 1, "LOC"), (2, 3, "LOC")]


def test_a_results_line_the_tagger_found_nothing_on_takes_the_pages_type() -> None:
    from storyline.analyze.entities import _page_results

    sents = [["Harrowgate", "31", "Vell", "28"], ["Tarnby", "17", "Oxmere", "23"], ["Results", "of", "Saturday", ":"]]
    spans = [[(0, 1, "ORG"), (2, 3, "ORG")], [(2, 3, "MISC")], []]
    assert _page_results(sents, spans) == [[(0, 1, "ORG"), (2, 3, "ORG")], [(0, 1, "ORG"), (2, 3, "ORG")], []]
    # a page with no typed result line has no type to give
    assert _page_results(sents[1:], spans[1:]) == spans[1:]


def test_the_names_of_a_list_are_of_one_type() -> None:
    from storyline.analyze.entities import repair_spans

    toks = ["Brell", ",", "Oxley", ",", "Tamm", ",", "Varr", ",", "Quist", ",", "Sorn", "and", "Ardo", "Pell", "."]
    # a player read as a place, two run into one organisation, one left out: all players
    spans = [(0, 1, "PER"), (2, 3, "LOC"), (4, 5, "PER"), (6, 9, "ORG"), (12, 14, "PER")]
    assert repair_spans(toks, spans) == [(0, 1, "PER"), (2, 3, "PER"), (4, 5, "PER"), (6, 7, "PER"),
                                         (8, 9, "PER"), (10, 11, "PER"), (12, 14, "PER")]
    # a list the tagger typed no way in particular is left alone
    mixed = [(0, 1, "PER"), (2, 3, "LOC"), (4, 5, "ORG"), (6, 7, "PER"), (12, 14, "LOC")]
    assert repair_spans(toks, mixed) == mixed


def test_a_given_name_in_brackets_is_part_of_the_persons_name() -> None:
    from storyline.analyze.entities import repair_spans

    toks = ("he saw ( Tom ) Seaver , Ann Lee ( Annie ) Varr , Alan John ( A.J. ) Brell , Tove ( Orsk ) Ulm Sand "
            "and Rolf Nissa ( Kestonia ) Oxmere .").split()
    spans = [(3, 6, "PER"), (7, 9, "PER"), (10, 13, "ORG"), (14, 16, "PER"), (17, 18, "ORG"), (19, 20, "PER"),
             (21, 22, "PER"), (23, 24, "ORG"), (25, 27, "PER"), (28, 30, "PER"), (31, 32, "LOC"), (33, 34, "ORG")]
    # a club or a place in brackets stays apart: a player and his club, a doubles pair
    assert repair_spans(toks, spans) == [(2, 6, "PER"), (7, 13, "PER"), (14, 20, "PER"), (21, 22, "PER"),
                                         (23, 24, "ORG"), (25, 27, "PER"), (28, 30, "PER"), (31, 32, "LOC"),
                                         (33, 34, "ORG")]


def test_the_names_that_open_a_tables_rows_are_of_one_type() -> None:
    from storyline.analyze.entities import _page_table

    sents = [["Standings", ":"], ["Tarnby", "64", "2", "43", ".596", "-"], ["North", "Vell", "60", "2", "49", ".550", "5"],
             ["Oxmere", "58", "1", "49", ".542", "6"], ["Kell", "52", "3", "50", ".510", "9"],
             ["Ulm", "50", "1", "53", ".485", "12"], ["Dorne", "48", "4", "53", ".475", "13"],
             ["Sorn", "46", "6", "54", ".462", "14", "1/2"], ["Brae", "43", "6", "62", ".414", "20"],
             ["Net", "12", "11", "10"]]
    spans = [[], [(0, 1, "ORG")], [(0, 2, "ORG")], [(0, 1, "ORG")], [(0, 1, "ORG")], [(0, 1, "ORG")], [(0, 1, "ORG")],
             [(0, 1, "PER")], [], []]
    # a team read as a person or left out is a team; "Net", a word written in lower case, no name
    assert _page_table(sents, spans) == spans[:7] + [[(0, 1, "ORG")], [(0, 1, "ORG")], []]
    # a club's name with a figure of its own keeps it ("Tarnby 1860")
    sents[1] = ["Tarnby", "1860", "64", "2", "43", ".596", "-"]
    assert _page_table(sents, [[], [(0, 2, "LOC")]] + spans[2:8] + [[(0, 1, "ORG")], []])[1] == [(0, 2, "ORG")]
    # a table whose rows the tagger typed no way in particular is left alone
    mixed = [[], [(0, 1, "ORG")], [(0, 2, "LOC")], [(0, 1, "PER")], [(0, 1, "PER")], [(0, 1, "ORG")], [], [], [], []]
    assert _page_table(sents, mixed) == mixed


def test_a_results_verb_in_a_capitals_headline_stands_between_two_names_of_one_type() -> None:
    from storyline.analyze.entities import repair_spans

    toks = "RUGBY LEAGUE - TARNBY BEAT VELL HARBOUR 42-36 IN SEMIFINAL .".split()
    # one name run on across the verb is two teams
    assert repair_spans(toks, [(3, 7, "ORG")]) == [(3, 4, "ORG"), (5, 7, "ORG")]
    # the name after the verb that the tagger left out takes the type of the one before it
    assert repair_spans(toks, [(3, 4, "LOC")]) == [(3, 4, "LOC"), (5, 7, "LOC")]
    toks = "TENNIS - OKARRO BEATS VELLINI IN FINAL .".split()
    assert repair_spans(toks, [(2, 3, "PER")]) == [(2, 3, "PER"), (4, 5, "PER")]
    # no name after the verb: a word written in lower case ("HOSTS"); nor in a line in mixed case
    assert repair_spans("SOCCER - TARNBY BEAT HOSTS 3-1 .".split(), [(2, 3, "ORG")]) == [(2, 3, "ORG")]
    assert repair_spans("Tarnby beat Vell Harbour 3-1 .".split(), [(0, 1, "ORG")]) == [(0, 1, "ORG")]


def test_a_name_in_a_capitals_headline_takes_the_type_the_body_gives_it() -> None:
    from storyline.analyze.entities import _capitals_as_body, _sentence_token_spans

    text = ("GOLF - OKARRO TAKES LEAD AT OSLO .\nOSLO 1996-08-31\nLars Okarro fired a 63 on Saturday in Oslo .\n"
            "Okarro leads by one .\n\" I putted well , \" said Okarro in Oslo .")
    spans = _sentence_token_spans(text)

    def mention(word: str, label: str, nth: int = 0) -> Mention:
        start = [m.start() for m in re.finditer(re.escape(word), text)][nth]
        return Mention(start=start, end=start + len(word), text=word, label=label)

    body = [mention("Lars Okarro", "PERSON"), mention("Okarro", "PERSON", 1), mention("Okarro", "PERSON", 2),
            mention("Oslo", "LOC"), mention("Oslo", "LOC", 1)]
    # the headline's capitals read as an organisation: the body's person; a dateline keeps its place
    found = _capitals_as_body(text, spans, [mention("OKARRO", "ORG"), mention("OSLO", "PERSON"),
                                            mention("OSLO", "ORG", 1)] + body)
    assert [m.label for m in found[:3]] == ["PERSON", "LOC", "ORG"]
    # a one-word name ending a person's full name there is that person
    assert _capitals_as_body(text, spans, [mention("OKARRO", "ORG"), body[0]])[0].label == "PERSON"
    # a place read as a team keeps its reading (a city's name in a results headline is its team's)
    # (the headline's "OKARRO", read as no name there, is taken from the body: the body's person)
    found = _capitals_as_body(text, spans, [mention("OSLO", "ORG")] + body)
    assert [(m.text, m.label) for m in found[:2]] == [("OKARRO", "PERSON"), ("OSLO", "ORG")]


def test_a_name_in_a_capitals_headline_cut_short_is_the_bodys_longer_name() -> None:
    from storyline.analyze.entities import _capitals_as_body, _sentence_token_spans

    text = "SOCCER - THREE OLD TARVIK PLAYERS BANNED .\nThe league banned three Old Tarvik players on Friday ."
    start = text.index("TARVIK")
    body = text.index("Old Tarvik")
    found = _capitals_as_body(text, _sentence_token_spans(text), [
        Mention(start=start, end=start + 6, text="TARVIK", label="LOC"),
        Mention(start=body, end=body + 10, text="Old Tarvik", label="ORG")])
    assert [(m.text, m.label) for m in found] == [("OLD TARVIK", "ORG"), ("Old Tarvik", "ORG")]


def test_a_title_with_of_before_a_name_is_its_role() -> None:
    """"White House Chief of Staff Ada Vask", "Secretary of State Tom Hale": a role word, "of" and one or
    two capitalised words before the name are the person's title (none had been read: "Staff" ended the
    run), so "the White House chief of staff" of a later sentence can be told as hers."""
    ents, _ = _entities(_story([
        "White House Chief of Staff Ada Vask met Secretary of State Tom Hale on Monday. Vask said the plan "
        "was dead. Hale said the memo was false."]))
    assert "White House Chief of Staff" in _find(ents, "Ada Vask").roles
    assert "Secretary of State" in _find(ents, "Tom Hale").roles


def test_family_members_sharing_a_surname_stay_apart_when_their_first_names_differ() -> None:
    # a list of children makes a namesake with a generation a son; a father whose given name is the
    # son's middle name is neither; the singer is not his daughter of a longer name
    ents, linked = _entities(_story([
        "Singer Michael Okafor died on Thursday. Michael Okafor was 50. The star had three children, Michael "
        "Joseph Okafor Jr, Paris Michael Katherine Okafor and Prince Michael Okafor II. Okafor had been due to tour.",
        "Michael Okafor's father, Joseph Okafor, said the family was devastated. Joseph Okafor asked for privacy.",
        "Speaking on the red carpet, Joe Okafor said he had concerns. Michael Okafor had been rehearsing.",
    ]))
    people = {e.name: e for e in ents if e.label == "PERSON" and e.name.endswith("Okafor")}
    assert {"Michael Okafor", "Joseph Okafor"} <= set(people), people
    assert not {"Joseph Okafor", "Joe Okafor", "Michael Okafor"} & set(_find(ents, "Michael Joseph Okafor Jr").aliases)
    assert "Joe Okafor" in people["Joseph Okafor"].aliases
    singer = people["Michael Okafor"]
    assert not any("Paris" in a or "Jr" in a or "II" in a for a in singer.aliases), singer.aliases
    # a generation the tagger left out of the span is the name's ("Prince Michael Okafor II" read as
    # "Michael Okafor" is the son, not the singer)
    from storyline.consolidate.entities import with_generation

    text = "The star had three children , Paris Okafor and Prince Michael Okafor II ."
    son = with_generation(Mention(start=text.index("Michael"), end=text.index(" II"), text="Michael Okafor",
                                  label="PERSON"), text)
    assert son.text == "Michael Okafor II" and text[son.start:son.end] == son.text


def test_a_title_glued_between_two_names_opens_the_second() -> None:
    # a headline run into a caption ("... Okafor Dr Murray is doing ..."): two people, not "Okafor Dr Murray"
    ents, _ = _entities(_story([
        "Doctor ` did not inject ' Okafor Dr Murray is doing all he can to help the inquiry , his spokeswoman "
        "says . Okafor died on Thursday . Dr Conrad Murray was with him . Murray spoke to police .",
        "Dr Murray met police . Singer Michael Okafor died . Okafor was 50 .",
    ]))
    assert not any("Dr" in e.name.split() for e in ents), [e.name for e in ents]
    murray = _find(ents, "Conrad Murray")
    assert "Dr Murray" in murray.aliases, murray.aliases


def test_a_known_place_right_after_in_is_the_place_not_its_team() -> None:
    from storyline.analyze.entities import recognize_entities

    text = ("Tom Vell played nine years for the Philadelphia Eagles . He thanked the Eagles and said his "
            "years in Philadelphia were the best of his life .")
    assert [(m.text, m.label) for m in recognize_entities(text) if m.text == "Philadelphia"] == [("Philadelphia", "LOC")]
    # a company one holds shares in stays a company
    text = "Shares in Slough rose 4 percent after the property group reported higher profits . Slough said rents rose ."
    assert {m.label for m in recognize_entities(text) if m.text == "Slough"} == {"ORG"}


def test_a_towns_name_where_a_side_stands_on_a_games_page_is_its_team() -> None:
    from storyline.analyze.entities import recognize_entities

    text = ("The champions won the league title after a victory over Atlanta . Atlanta lost in the final game of "
            "the season , and Atlanta 's Tom Brell scored late . The tournament was held in Atlanta .")
    assert [m.label for m in recognize_entities(text) if m.text == "Atlanta"] == ["ORG", "ORG", "ORG", "LOC"]
    text = "Tom Brell scored 30 points in the game . Detroit edged Atlanta 89-87 in the league on Friday ."
    assert [m.label for m in recognize_entities(text) if m.text in ("Detroit", "Atlanta")] == ["ORG", "ORG"]
    # "over" a place is a result's only after a win or a lead
    text = "The football team won the league match . After the game smoke drifted over Atlanta ."
    assert {m.label for m in recognize_entities(text) if m.text == "Atlanta"} == {"LOC"}
    # a page that reports no games keeps the town a place
    text = "The city council of Atlanta met on Monday . Atlanta won a grant for its new airport ."
    assert {m.label for m in recognize_entities(text) if m.text == "Atlanta"} == {"LOC"}


def test_a_nickname_in_quotes_is_inside_the_persons_name() -> None:
    from storyline.analyze.entities import recognize_entities

    text = ('Former champion Roberto " Iron Fist " Varrel climbs into the ring on Saturday . Varrel , 41 , '
            'wants a rematch against Hector " Macho " Tellen .')
    names = [(m.text, m.label) for m in recognize_entities(text)]
    assert ('Roberto " Iron Fist " Varrel', "PERSON") in names
    assert ('Hector " Macho " Tellen', "PERSON") in names
    assert ("Varrel", "PERSON") in names
    # a quoted word between a word and a name is no nickname
    assert [m.text for m in recognize_entities('He said " Hello " to Tom Brell .')] == ["Tom Brell"]


def test_the_names_that_head_a_pages_ruled_parts_are_of_one_type() -> None:
    from storyline.analyze.entities import recognize_entities

    text = "\n".join(["PRESS DIGEST - Vellish newspapers - May 3 .",
                      "Following is a summary of stories in leading newspapers in Surabaya .",
                      "- - - -", "KOMPARO", "The president has asked businessmen in Surabaya to share their experiences .",
                      "- - - -", "SURABAYA POST", "The central bank of Indonesia cut rates on Thursday .",
                      "- - - -", "MEDIA INDONESIA", "Around 2,000 cars arrived at the port of Surabaya on Thursday .",
                      "- - - -", "FRONT PAGE", "Prices rose .",
                      "- - - -", "REPUBLO", "The court has started to hear the suit ."])
    names = [(m.text, m.label) for m in recognize_entities(text)]
    assert ("MEDIA INDONESIA", "ORG") in names and ("INDONESIA", "LOC") not in names
    assert not any(t == "FRONT PAGE" for t, _ in names)


def test_a_company_named_with_a_possessive_keeps_it_in_its_names() -> None:
    from storyline.analyze.entities import recognize_entities

    text = ("Tarvo 's deal could spark mergers . The acquisition of Tarvo 's Bancshares Inc. by Vellbank Corp. "
            "was announced . Tarvo 's was the prize , analysts said .")
    names = [(m.text, m.label) for m in recognize_entities(text)]
    assert names == [("Tarvo 's", "ORG"), ("Tarvo 's Bancshares Inc.", "ORG"), ("Vellbank Corp.", "ORG"),
                     ("Tarvo 's", "ORG")]
    text = "Kestrel 's Investors Service - Rating Announcement . Kestrel 's rates the bonds Aa1 ."
    assert [m.text for m in recognize_entities(text) if m.label == "ORG"][:2] == ["Kestrel 's Investors Service",
                                                                                 "Kestrel 's"]
    # the possessive of a company the page also names alone is its owner's: two names
    names = [m.text for m in recognize_entities("Merck said it would sell Merck 's Medco Inc. unit . Merck 's shares rose .")]
    assert "Medco Inc." in names and "Merck 's Medco Inc." not in names


def test_a_royal_title_before_a_full_name_with_a_generation_is_the_given_name() -> None:
    # a son named Prince ("Prince Michael Okafor II") is no prince: the word is his name, no role;
    # a royal's name has no family name and generation both, and keeps its title as a role
    from storyline.consolidate.entities import given_title_name, with_given_title

    ents, _ = _entities(_story([
        "Prince Michael Okafor II , the singer 's eldest son , spoke at the memorial on Tuesday . "
        "Prince Michael said his father was kind .",
        "King Arvid visited Dorn on Monday . The king said the talks went well .",
    ]))
    son = _find(ents, "Prince Michael Okafor II")
    assert "Prince" not in son.roles, son.roles
    assert "King" in _find(ents, "Arvid").roles
    text = "Queen Elizabeth II and Prince Norodom Ranariddh met Princess Ada Vesk Jr ."
    for name, kept in (("Elizabeth II", False), ("Norodom Ranariddh", False), ("Ada Vesk Jr", True)):
        m = with_given_title(Mention(start=text.index(name), end=text.index(name) + len(name), text=name,
                                     label="PERSON"), text)
        assert (m.text != name) == kept and text[m.start:m.end] == m.text, m
    assert given_title_name("Princess Ada Vesk Jr") and not given_title_name("Prince Charles")


def test_a_royal_title_a_given_name_and_a_regnal_number_are_a_person() -> None:
    from storyline.analyze.entities import recognize_entities

    names = [(m.text, m.label) for m in recognize_entities(
        "Queen Elizabeth II opened the new session of parliament in Dorn on Tuesday .")]
    assert ("Elizabeth II", "PERSON") in names, names
    # a ship after "the", or with a number, is none
    for text in ("The Queen Elizabeth II sailed from Dorn .", "Queen Mary 2 docked in Dorn ."):
        assert not any(m.label == "PERSON" for m in recognize_entities(text)), text


def test_a_monarchs_title_before_a_name_the_lists_do_not_know_is_a_person() -> None:
    from storyline.analyze.entities import recognize_entities

    # the title made the tagger read a body: the name is a person's, without the title it has as a role
    names = [(m.text, m.label) for m in recognize_entities("Emperor Tarakuni opened the new bridge in Dorn on Monday .")]
    assert ("Tarakuni", "PERSON") in names, names
    names = [(m.text, m.label) for m in recognize_entities(
        "Crowds cheered Empress Maseko and Sultan Qadrel Bandi at the palace . Tsar Ivor IV ruled the land .")]
    assert {("Maseko", "PERSON"), ("Sultan Qadrel Bandi", "PERSON"), ("Ivor IV", "PERSON")} <= set(names), names
    # after a monarch's title and name, "I" is the regnal number
    assert ("Elizabeth I", "PERSON") in [(m.text, m.label) for m in recognize_entities("1533 - Queen Elizabeth I born .")]


def test_a_name_read_as_a_persons_where_a_team_stands_is_the_team() -> None:
    from storyline.analyze.entities import recognize_entities

    text = "Real Madrid drew 1-1 with Varvelo on Sunday . Barcelona coach Tom Brell said Varvelo played well ."
    assert [m.label for m in recognize_entities(text) if m.text == "Varvelo"] == ["ORG", "ORG"]
    text = ("Varvelo Coruna started strongly . But Varvelo were unable to score in the second half of the match , "
            "and Varvelo chairman Ivo Karn said the league game was lost .")
    names = [(m.text, m.label) for m in recognize_entities(text)]
    assert ("Varvelo Coruna", "ORG") in names and ("Varvelo", "ORG") in names and ("Ivo Karn", "PERSON") in names
    # players of a game of two people stay people
    text = "Tom Brell beat Ivo Karn 6-3 6-4 in the final of the tennis tournament . Karn were unable to win the match ."
    assert {m.label for m in recognize_entities(text)} == {"PERSON"}


def test_both_sides_of_a_result_at_home_or_away_are_teams() -> None:
    from storyline.analyze.entities import recognize_entities

    # no player of a game of two people plays at home: the sides are teams, a town's name too
    text = "Deportivo won 2-0 at home to Sevilla on Sunday ."
    assert [(m.text, m.label) for m in recognize_entities(text)] == [("Deportivo", "ORG"), ("Sevilla", "ORG")]
    text = "Varvelo drew 1-1 at home to Ostrano . Ostrano won 3-1 away to Varvelo ."
    assert {m.label for m in recognize_entities(text)} == {"ORG"}
    # a country's side is the country itself, a place, and a name inside the clause's subject is no side
    assert {m.label for m in recognize_entities("Italy drew 1-1 at home to Spain .")} == {"LOC"}
    text = "The team from the Tarnby Riviera lost 2-1 at home to Vellmark Rovers ."
    assert ("Tarnby Riviera", "LOC") in [(m.text, m.label) for m in recognize_entities(text)]


def test_a_name_stops_before_a_fact_boxs_next_label() -> None:
    from storyline.analyze.entities import recognize_entities

    text = ("Born : March 3 , 1961 , Kelby , Ostland Also known as : The Queen of Swing Best-known songs : "
            "Blue Harbor , Night Train The singer met the press .")
    names = [m.text for m in recognize_entities(text)]
    assert "Ostland" in names and "Queen of Swing" in names, names
    assert not any(n.endswith((" Also", " The", "Best-known")) for n in names), names
    # a name before a speaker's words keeps its last word
    assert "Tom Rich" in [m.text for m in recognize_entities("Tom Rich said : no .")]


def test_a_name_in_a_fact_boxs_list_of_works_is_a_title() -> None:
    from storyline.analyze.entities import recognize_entities

    text = "Karl Brenn was born in Tarvik in 1950 . Hits: Blue Morning, Paper Moon, Silver Lane . He died in 2009 ."
    names = [(m.text, m.label) for m in recognize_entities(text)]
    assert ("Karl Brenn", "PERSON") in names and not any(n in ("Silver Lane", "Blue Morning") and t != "MISC"
                                                         for n, t in names), names
    text = 'Born: 1950\nBest-known songs: Marta Lane, "Johnny Vell" (1994)\nSpouse: Rosa Vell'
    names = [(m.text, m.label) for m in recognize_entities(text)]
    assert ("Marta Lane", "MISC") in names and ("Johnny Vell", "MISC") in names, names
    # a name that is only part of an item, or in another field, keeps its type
    assert ("Rosa Vell", "PERSON") in names, names
    names = [(m.text, m.label) for m in recognize_entities("Books: Night Train by Karl Brenn")]
    assert ("Karl Brenn", "PERSON") in names, names
    # a sentence's "books:" is no fact box's label, and a name before an apposition is no item
    text = "The shop in Tarvik sells books: Tom Reed, the owner, said sales rose."
    assert ("Tom Reed", "PERSON") in [(m.text, m.label) for m in recognize_entities(text)]
    names = [(m.text, m.label) for m in recognize_entities("His books: Anna Marsh, the agent, said so.")]
    assert ("Anna Marsh", "PERSON") in names, names


def test_a_one_word_body_before_who_is_a_person() -> None:
    from storyline.analyze.entities import recognize_entities

    text = "Not even his alliance with Varkoz who was ousted for ties to the mob tarnished his image ."
    assert [(m.text, m.label) for m in recognize_entities(text)] == [("Varkoz", "PERSON")]
    # a known body's name keeps its type, as does a name after an article (a member of a people)
    assert [m.label for m in recognize_entities("Labour who won the vote said so .")] == ["ORG"]
    names = [(m.text, m.label) for m in recognize_entities(
        "Ivo Karn , a native Vellander who spent a decade in politics , spoke .")]
    assert ("Vellander", "PERSON") not in names


def test_a_diseases_eponym_is_no_entity() -> None:
    a = Article(id="a", text="Tom Varkel has Brennick's disease. People with Brennick's tire. Dr. Brennick named it.")
    b = Article(id="b", text="Tarvo disease spread in Oxmere, and Tarvo's cases rose.")

    def at(art: Article, name: str, label: str, nth: int = 0) -> Mention:
        start = [m.start() for m in re.finditer(re.escape(name), art.text)][nth]
        return Mention(start=start, end=start + len(name), text=name, label=label, article_id=art.id)

    ms = [at(a, "Tom Varkel", "PERSON"), at(a, "Brennick", "ORG"), at(a, "Brennick", "ORG", 1),
          at(a, "Brennick", "PERSON", 2), at(b, "Tarvo", "ORG"), at(b, "Oxmere", "LOC"), at(b, "Tarvo", "PERSON", 1)]
    ents, _ = consolidate_entities([a, b], ms)
    # "Brennick's disease", "people with Brennick's" and "Tarvo disease" name no one; "Dr. Brennick" does
    assert sorted((e.name, e.label, sum(e.mentions.values())) for e in ents) == [
        ("Brennick", "PERSON", 1), ("Oxmere", "LOC", 1), ("Tom Varkel", "PERSON", 1)]


def test_a_states_two_letters_are_no_bodys_acronym() -> None:
    arts = [Article(id="a", text="The Nordvell Center opened in Tarby, N.C., and in Albany, N.Y."),
            Article(id="b", text="The Nordvell Center grew, New York said.")]

    def at(art: Article, name: str, label: str) -> Mention:
        start = art.text.index(name)
        return Mention(start=start, end=start + len(name), text=name, label=label, article_id=art.id)

    ms = [at(arts[0], "Nordvell Center", "ORG"), at(arts[0], "Tarby", "LOC"), at(arts[0], "N.C.", "LOC"),
          at(arts[0], "Albany", "LOC"), at(arts[0], "N.Y.", "LOC"), at(arts[1], "Nordvell Center", "ORG"),
          at(arts[1], "New York", "LOC")]
    ents, _ = consolidate_entities(arts, ms)
    # "N.C." is North Carolina, not the center's letters; "N.Y." is still New York's
    assert _find(ents, "Nordvell Center").aliases == ()
    assert "N.Y." in _find(ents, "New York").aliases


def test_a_titled_or_stopped_form_of_a_shown_name_is_no_alias() -> None:
    from storyline.consolidate.entities import shown_aliases

    # a title or a rank before a full name shown, or a sentence's stop after it, adds no other name
    assert shown_aliases("Tomas Vell", ["Vell", "Secretary-General Tomas Vell", "Lt. Col. Tomas Vell"]) == ("Vell",)
    assert shown_aliases("Hun Sen", ["Hun Sen."]) == ()
    assert shown_aliases("Tarvo Corporation", ["Tarvo Corp", "Tarvo Corp."]) == ("Tarvo Corp", "Tarvo Corp.")
    # a body whose name opens on a role word keeps it, and so does a one-word remainder
    assert shown_aliases("Tarvo Motors", ["General Motors", "Motors"]) == ("General Motors", "Motors")
    assert shown_aliases("Tomas Vell", ["President Vell"]) == ("President Vell",)


def test_a_peoples_word_its_land_is_named_for_is_no_body() -> None:
    # "Tajik" (Tajikistan) before "officials" stays a people's word, no body that has officials
    text = "Tajik officials met the envoy on Monday. A Tajik poet read to them."
    arts = [Article(id="a1", text=text)]
    ms = [Mention(0, 5, "Tajik", "MISC", article_id="a1"), Mention(43, 48, "Tajik", "MISC", article_id="a1")]
    ents, _ = consolidate_entities(arts, ms)
    assert [(e.name, e.label) for e in ents] == [("Tajik", "MISC")]


def test_a_body_named_for_a_person_is_no_short_form_of_him() -> None:
    # the tagger read the centre as a person; "Vell" is the man, "Center" the centre
    a = Article(id="a", text="The Vell Center sent observers. Vell spoke on Monday. The Center said it was pleased.")
    ents, _ = consolidate_entities([a], [_at(a, "Vell Center", "PERSON"), _at(a, "Vell", "PERSON", 1),
                                         _at(a, "Center", "PERSON", 1)])
    center = _find(ents, "Vell Center")
    assert center.label == "ORG" and "Vell" not in center.aliases and "Center" in center.aliases
    assert _find(ents, "Vell").label == "PERSON"


def test_a_bodys_members_are_no_short_form_of_the_body() -> None:
    a = Article(id="a", text="Tarvan Senate Democrats met. The Tarvan Senate voted on Monday.")
    ents, _ = consolidate_entities([a], [_at(a, "Tarvan Senate Democrats", "ORG"), _at(a, "Tarvan Senate", "ORG", 1)])
    assert "Tarvan Senate" not in _find(ents, "Tarvan Senate Democrats").aliases


def test_a_states_letters_spell_no_other_name() -> None:
    # "UNFCCC Secretariat" is spelt "UNFCCCS", not "US": the US is the state
    a = Article(id="a", text="The head of the UNFCCC Secretariat spoke. The US refused. The United States left.")
    ents, _ = consolidate_entities([a], [_at(a, "UNFCCC Secretariat", "ORG"), _at(a, "US", "LOC"),
                                         _at(a, "United States", "LOC")])
    assert _find(ents, "UNFCCC Secretariat").aliases == ()
    assert "US" in _find(ents, "United States").aliases
    # a state's two letters are that state's, whatever other name's initials they also are
    b = Article(id="b", text="The United Sponsors met. The US agreed.")
    ents, _ = consolidate_entities([b], [_at(b, "United Sponsors", "ORG"), _at(b, "US", "LOC")])
    assert _find(ents, "United Sponsors").aliases == ()


def test_a_company_is_no_short_form_of_a_thing_named_after_it() -> None:
    a = Article(id="a", text="Tarvo Corp. sells software. Tarvo Corp. grew.")
    b = Article(id="b", text="Tarvo Network is an online service. Tarvo said it would grow. Tarvo sued.")
    ents, _ = consolidate_entities([a, b], [_at(a, "Tarvo Corp.", "ORG"), _at(a, "Tarvo Corp.", "ORG", 1),
                                            _at(b, "Tarvo Network", "ORG"), _at(b, "Tarvo", "ORG", 1),
                                            _at(b, "Tarvo", "ORG", 2)])
    assert _find(ents, "Tarvo Network").aliases == ()
    assert "Tarvo" in _find(ents, "Tarvo Corp.").aliases
    # the company's own shorter name is one of its forms
    c = Article(id="c", text="Velk Sachs Group Inc. grew.")
    d = Article(id="d", text="Velk Sachs advised them. Velk said so.")
    ents, _ = consolidate_entities([c, d], [_at(c, "Velk Sachs Group Inc.", "ORG"), _at(d, "Velk Sachs", "ORG"),
                                            _at(d, "Velk", "ORG", 1)])
    assert {"Velk Sachs", "Velk"} <= set(_find(ents, "Velk Sachs Group Inc.").aliases)


def test_a_states_name_is_no_short_form_of_a_bodys() -> None:
    a = Article(id="a", text="America's best heroine. New America News Service is the answer.")
    ents, _ = consolidate_entities([a], [_at(a, "America", "ORG"), _at(a, "America News Service", "ORG")])
    assert _find(ents, "America News Service").aliases == ()


def test_a_person_named_with_a_places_head_that_is_a_common_surname_stays_a_person() -> None:
    # "Lake" heads a place's name, and is a common family name after a given name
    a = Article(id="a", text="A threat against Anthony Lake was reported. Ann Park met him. Tarvo Lake froze.")
    ents, _ = consolidate_entities([a], [_at(a, "Anthony Lake", "PERSON"), _at(a, "Ann Park", "PERSON"),
                                         _at(a, "Tarvo Lake", "PERSON")])
    assert _find(ents, "Anthony Lake").label == "PERSON" and _find(ents, "Ann Park").label == "PERSON"
    assert _find(ents, "Tarvo Lake").label == "LOC"


def test_a_surname_with_a_high_office_joins_no_namesake_of_another() -> None:
    # "President Vell" on two pages is not the "then Gov. Tomas Vell" of a third, two centuries before
    a = Article(id="a", text="President Vell visited the reservation. Vell spoke.")
    b = Article(id="b", text="President Vell proposed a budget.")
    c = Article(id="c", text="Then Gov. Tomas Vell ignored the warnings.")
    ms = [_at(a, "Vell", "PERSON"), _at(a, "Vell", "PERSON", 1), _at(b, "Vell", "PERSON"), _at(c, "Tomas Vell", "PERSON")]
    ms = [dataclasses.replace(m, role="President") if m.text == "Vell" and m.start < 12 else m for m in ms]
    ms[-1] = dataclasses.replace(ms[-1], role="then Gov.")
    ents, _ = consolidate_entities([a, b, c], ms)
    assert "Vell" not in _find(ents, "Tomas Vell").aliases and sum(_find(ents, "Tomas Vell").mentions.values()) == 1
    # a namesake with no office, or the same one, is still that person
    d = Article(id="d", text="Tomas Vell won the vote.")
    ents, _ = consolidate_entities([a, b, d], ms[:3] + [_at(d, "Tomas Vell", "PERSON")])
    assert "Vell" in _find(ents, "Tomas Vell").aliases
    # on one page, a surname with the office is not completed by a later full name without it
    e = Article(id="e", text="President Vell spoke. Vell left. Ann Vell, his sister-in-law, stayed. Tomas Vell won.")
    f = Article(id="f", text="Tomas Vell, the president, spoke. Tomas Vell left.")
    ms = [dataclasses.replace(_at(e, "Vell", "PERSON"), role="President"), _at(e, "Vell", "PERSON", 1),
          _at(e, "Ann Vell", "PERSON"), _at(f, "Tomas Vell", "PERSON"), _at(f, "Tomas Vell", "PERSON", 1)]
    ents, _ = consolidate_entities([e, f], ms)
    assert sum(_find(ents, "Ann Vell").mentions.values()) == 1 and _find(ents, "Tomas Vell").mentions == {"e": 2, "f": 2}


def test_a_persons_name_from_a_lower_cased_source_is_shown_with_its_capitals() -> None:
    tail = " the vote was close, and the house met late into the night with members of both parties in the room."
    es, _ = _entities(_story([
        "Kevin harlow, the house majority leader, said on tuesday that the vote would go ahead. Kevin harlow said so." + tail,
        "Kevin harlow said on monday he was ready. Harlow spoke to reporters in the hall of the building." + tail,
        "Kevin mcbride, the house whip, said on tuesday that the vote would go ahead. Kevin mcbride said so. "
        "McBride said he was ready." + tail]))
    harlow = _find(es, "Kevin Harlow")
    assert "Kevin harlow" not in harlow.aliases
    assert _find(es, "Kevin McBride").label == "PERSON"  # the capitals another form of the name writes
    # a page written with its capitals keeps a name's small words as it writes them
    es, _ = _entities(_story(["President Daniel arap Tarvo of Kenya met the Ugandan leader in Nairobi on Monday.",
                              "Daniel arap Tarvo said the talks had gone well."]))
    assert _find(es, "Daniel arap Tarvo").label == "PERSON"
    # particles stay in lower case; a name written with its capitals, or opening in lower case, is unchanged
    from storyline.consolidate.entities import _person_case

    assert _person_case("Vincent van dorn", ["Vincent van dorn"]) == "Vincent van Dorn"
    assert _person_case("Dana mcgrath o'dell", []) == "Dana McGrath O'Dell"  # as such names are written
    assert _person_case("Osama bin Laden", []) == "Osama bin Laden"
    assert _person_case("bell hooks", []) == "bell hooks"
    assert _person_case("Darryl it", ["It"]) == "Darryl it"  # a small word the tagger ran into the name


def test_two_first_names_of_two_sexes_a_letter_or_two_apart_are_two_people() -> None:
    es, _ = _entities(_story(["Alexandra Moss won the race on Sunday.", "Alexander Moss came second on Sunday.",
                              "Alex Moss said the course was hard.", "Daniela Brandt and the team left.",
                              "Daniel Brandt and the team arrived."]))
    assert _find(es, "Alexandra Moss").name != _find(es, "Alexander Moss").name
    assert "Alex Moss" in _find(es, "Alexander Moss").aliases  # the short form of his name
    assert _find(es, "Daniela Brandt").name != _find(es, "Daniel Brandt").name


def test_a_name_one_page_writes_as_a_crafts_is_the_craft_in_every_page() -> None:
    es, _ = _entities(_story(["The Tarvo spacecraft reached Jupiter on Monday. Tarvo sent pictures of its moons.",
                              "Tarvo sent new pictures on Tuesday, NASA said.", "NASA said Tarvo was healthy."]))
    assert _find(es, "Tarvo").label == "MISC"  # not the body the tagger read where no craft's kind is written
    assert _find(es, "NASA").label == "ORG"


def test_a_bodys_name_with_a_place_or_its_adjective_before_its_other_words_is_one_body() -> None:
    es, _ = _entities(_story(["The Palestine Tarvo Council met on Monday in Gaza.",
                              "The Palestinian Tarvo Council voted on Tuesday."]))
    assert "Palestine Tarvo Council" in _find(es, "Palestinian Tarvo Council").aliases
    from storyline.consolidate.entities import _adjective_variant

    assert _adjective_variant(("mexico", "tarvo", "fund"), ("mexican", "tarvo", "fund"))
    assert not _adjective_variant(("latin", "america"), ("latin", "american"))  # a place and an adjective
    assert not _adjective_variant(("tarvo", "fund"), ("vell", "fund"))


def test_a_family_name_opening_on_a_capitalised_particle_is_the_person_named_in_full() -> None:
    es, _ = _entities(_story(["Hans van den Tarvo, the EU commissioner, said on Monday the talks would go on.",
                              "Van den Tarvo said the talks were useful. Talks resumed on Tuesday, Van den Tarvo said."]))
    hans = _find(es, "Hans van den Tarvo")
    assert hans.label == "PERSON" and "Van den Tarvo" in hans.aliases


def test_a_body_named_with_a_place_of_two_or_another_places_adjective_is_another_body() -> None:
    # Georgia the state and Georgia the country; "Nigerian" is Nigeria's, not Niger's
    es, _ = _entities(_story(["The Georgia Tarvo Guard trained with the Georgian Tarvo Guard in Tbilisi on Monday.",
                              "Soldiers of the Georgia Tarvo Guard flew home on Friday."]))
    assert _find(es, "Georgia Tarvo Guard").name != _find(es, "Georgian Tarvo Guard").name
    from storyline.consolidate.entities import _adjective_variant

    assert not _adjective_variant(("niger", "tarvo", "army"), ("nigerian", "tarvo", "army"))
    assert _adjective_variant(("palestine", "tarvo", "council"), ("palestinian", "tarvo", "council"))


def test_an_agencys_acronym_before_a_crafts_kind_stays_the_agency() -> None:
    es, _ = _entities(_story(["The NASA spacecraft reached Mars on Monday. NASA said the landing went well.",
                              "NASA said the rover was healthy and NASA engineers cheered."]))
    assert _find(es, "NASA").label == "ORG"  # the owner of "the NASA spacecraft", not its name


def test_a_place_named_like_a_particle_surname_stays_a_place() -> None:
    es, _ = _entities(_story(["Bolivian minister Ana de la Paz said on Monday that the talks in La Paz would go on.",
                              "Protesters marched in La Paz on Tuesday. La Paz was calm by night, de la Paz said."]))
    assert _find(es, "La Paz").label == "LOC" and "La Paz" not in _find(es, "Ana de la Paz").aliases
