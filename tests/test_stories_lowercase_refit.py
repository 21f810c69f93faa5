from __future__ import annotations

import random

from storyline import Article
from storyline.group import stories as st
from storyline.group.stories import StoryClusterer, cluster, features, lower_cased

CASED = ("The Tarran river burst its banks near Kelso Bridge on Monday, and Mayor Ingrid Halvorsen asked the "
         "Northern Army Command for help as the water rose past the old Mill Street bridge. Families from "
         "Kelso Bridge spent the night at the Saint Anne school, where the Red Cross opened a shelter.")


def test_a_lower_cased_copy_gives_no_names_but_keeps_its_words() -> None:
    lowered = ". ".join(s.strip().capitalize() for s in CASED.lower().split(". "))
    assert not lower_cased(CASED) and lower_cased(lowered)
    cased, low = features(Article(text=CASED)), features(Article(text=lowered))
    assert cased.names and not low.names  # sentence openers are not names
    assert low.words == features(Article(text=CASED.lower())).words  # words do not depend on case
    assert not lower_cased("too short to tell. a few words only.")


def _pairs(n: int, seed: int = 3) -> list[Article]:
    """``n`` two-article stories, each with its own rare words over a shared vocabulary."""
    rng = random.Random(seed)
    common = [f"common{i}" for i in range(60)]
    arts = []
    for s in range(n):
        own = [f"event{s}x{i}" for i in range(8)]
        for _ in range(2):
            arts.append(Article(text=" ".join(rng.sample(own, 6) + rng.sample(common, 10)) + "."))
    return arts


def test_a_basis_too_coarse_for_the_stories_found_is_fitted_again(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    arts = _pairs(40)
    fitted: list[int] = []
    real = st.Projection.fit

    def spy(vectors, n_features, *, k=None, **kw):  # type: ignore[no-untyped-def]
        fitted.append(k)
        return real(vectors, n_features, k=k, **kw)

    monkeypatch.setattr(st.Projection, "fit", spy)
    ids = cluster(arts, run_min_sample=0)   # 80 articles: below the size where a basis is fitted at all
    k0 = st.latent_dims(len(arts))
    found = len(set(ids))
    assert found > 2 * k0  # forty events, an 18-dimension basis
    assert fitted == [k0, min(found, len(arts) - 1)]
    assert ids == cluster(arts, latent_dims=fitted[1], run_min_sample=0)  # the second pass is the result
    assert cluster(arts, latent_refit=0, run_min_sample=0) == cluster(arts, latent_dims=k0, run_min_sample=0)
    # each two-article story is found whole, and no story mixes two events
    assert all(ids[2 * s] == ids[2 * s + 1] for s in range(40))
    assert len(set(ids)) == 40


def test_a_small_collection_gets_no_latent_basis(monkeypatch, example_articles) -> None:  # type: ignore[no-untyped-def]
    """A basis fitted on a few dozen articles is degenerate (centring removes what they share): the
    five example reports of one derailment, grouped through one, were split into three stories."""
    fitted: list[int] = []
    real = st.Projection.fit
    monkeypatch.setattr(st.Projection, "fit", lambda *a, **kw: fitted.append(1) or real(*a, **kw))
    assert len(set(cluster(example_articles))) == 1
    assert fitted == []
    assert len(set(cluster(_pairs(40)))) == 40 and fitted == []     # 80 articles: still none


def test_consolidation_joins_the_pairs_the_stream_left_apart() -> None:
    arts = _pairs(12, seed=5)
    c = StoryClusterer(threshold=0.95, latent_threshold=9.0, adaptive=0.0, latent_weight=0.0)
    ids = c.partial_fit(arts)
    assert len(set(ids)) == len(arts)  # nothing joined in the stream
    merged = c.consolidate(0.3)
    assert merged == 12
    got = [c.resolve(s) for s in ids]
    assert all(got[2 * s] == got[2 * s + 1] for s in range(12)) and len(set(got)) == 12
    assert len(c.events_) == 12 and all(e.kind == "merge" for e in c.events_)
