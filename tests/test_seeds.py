"""The three seed reports parse as the issue says and brief into one cited story."""

from __future__ import annotations

from datetime import date

import storyline


def test_seed_dates_and_titles(seed_articles):
    by_name = {a.meta["path"].rsplit("/", 1)[-1][:3]: a for a in seed_articles}
    assert by_name["000"].published == date(2019, 1, 10)
    assert by_name["003"].published == date(2019, 1, 9)
    assert by_name["001"].published is None
    assert by_name["001"].title == "Kim Jong Un makes 4th visit to China in a year"
    # the body's first sentence stays whole after the date marker
    assert by_name["000"].text.startswith("Chinese President Xi Jinping told North Korean leader Kim Jong Un")
    assert by_name["003"].text.startswith("In this June 19, 2018, file photo")
    assert "date 2019" not in by_name["000"].text


def test_seed_ids_are_stable(seeds_dir):
    p = sorted(seeds_dir.glob("*.txt"))[0]
    assert storyline.read_article(p).id == storyline.read_article(p).id
    assert storyline.read_article(p.read_text()).id == storyline.read_article(p).id


def test_seed_summary_cites_every_carrier(seed_articles):
    summary = storyline.summarize(seed_articles, max_words=100)
    assert 3 <= len(summary) <= 6
    assert sum(len(s.text.split()) for s in summary) <= 100
    ids = {a.id for a in seed_articles}
    texts = {a.id: a.text for a in seed_articles}
    for s in summary:
        assert s.citations, s.text
        assert s.article_id in {c.article_id for c in s.citations}
        for c in s.citations:
            assert c.article_id in ids
            assert 0 <= c.start < c.end <= len(texts[c.article_id])
        # the sentence itself is found at its offsets
        assert texts[s.article_id][s.start:s.end] == s.text
    # at least one fact is carried by more than one outlet
    assert any(len({c.article_id for c in s.citations}) > 1 for s in summary)


def test_seed_people_keep_their_own_names_only(seed_articles):
    import storyline

    ents = {e.name: e for e in storyline.brief(seed_articles).entities}
    assert set(ents["Kim Jong Un"].aliases) <= {"Kim"}           # not the "U.N." of the same article
    assert ents["Kim Eui-kyeom"].aliases == ("Kim Eui-keum",)     # one spokesman under both spellings
    assert ents["United States"].label == "LOC" and "Lu Kang" in ents


def test_a_brief_of_twenty_words_tells_the_main_news_not_an_aside(seed_articles):
    b = storyline.brief(seed_articles, max_words=20)
    assert len(b.summary) == 1 and "arrived in Beijing" in b.summary[0].text, [s.text for s in b.summary]
