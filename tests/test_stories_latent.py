from __future__ import annotations

import random
from datetime import date, timedelta

import numpy as np

from storyline import Article
from storyline.group.latent import Projection, latent_dims
from storyline.group.stories import N_FEATURES, StoryClusterer, cluster

TOPICS = [
    "harbour ferry collision captain coastguard passengers lifeboats fog pier inquiry hull",
    "orchestra conductor symphony premiere violinist concert hall rehearsal composer audience",
    "vaccine trial volunteers dose antibodies regulator laboratory placebo researchers efficacy",
    "glacier meltwater expedition climbers summit avalanche crevasse rescue helicopter base",
    "bakery flour prices wheat harvest millers drought farmers bread shortage cooperative",
]
FILLER = "morning officials week statement local region report evening city spokesman".split()


def _stream(n_per_topic: int, seed: int = 1) -> tuple[list[Article], list[int]]:
    rng = random.Random(seed)
    arts, gold = [], []
    start = date(2022, 5, 1)
    for i in range(n_per_topic):
        for t, topic in enumerate(TOPICS):
            words = topic.split()
            body = rng.sample(words, 6) + rng.sample(FILLER, 3)
            rng.shuffle(body)
            text = " ".join(body).capitalize() + ". " + " ".join(rng.sample(words, 4)) + "."
            arts.append(Article(text=text, published=start + timedelta(days=i)))
            gold.append(t)
    return arts, gold


def test_the_latent_basis_is_fitted_after_the_sample_and_stories_get_latent_vectors() -> None:
    arts, gold = _stream(8)
    c = StoryClusterer(latent_sample=20, latent_stream_dims=8)
    ids = c.partial_fit(arts)
    assert c.projection is not None and c.projection.k == 8
    stories = {c.resolve(s) for s in ids}
    assert all(c.open[s].nz == c.open[s].size for s in stories)  # the sample was given vectors too
    # each synthetic topic is one story, and no story mixes two topics
    assert len(stories) == len(TOPICS)
    assert all(len({gold[i] for i, s in enumerate(ids) if c.resolve(s) == sid}) == 1 for sid in stories)


def test_a_stream_saved_and_loaded_mid_sample_gives_the_same_stories() -> None:
    arts, _ = _stream(8)
    whole = StoryClusterer(latent_sample=20)
    expect = [whole.resolve(s) for s in whole.partial_fit(arts)]
    first = StoryClusterer(latent_sample=20)
    got = first.partial_fit(arts[:12])             # 12 of the 20 sample articles seen
    second = StoryClusterer(latent_sample=20)
    second.load_globals(first.globals_bytes())
    for sid in first.open:
        second.load_story(first.story_bytes(sid) or b"")
    assert second.projection is None and len(second._sample) == 12
    got += second.partial_fit(arts[12:])
    assert second.projection is not None
    assert [second.resolve(s) for s in got] == expect


def test_a_projection_survives_a_round_trip_and_projects_to_unit_vectors() -> None:
    rng = np.random.default_rng(0)
    vecs = [{int(k): float(v) for k, v in zip(rng.integers(0, 300, 20), rng.random(20))} for _ in range(60)]
    p = Projection.fit(vecs, N_FEATURES, k=8)
    assert p is not None and p.k == 8
    q = Projection.from_bytes(p.to_bytes())
    for v in vecs[:5]:
        a, b = p.project(v), q.project(v)
        assert a is not None and b is not None
        assert np.allclose(a, b) and abs(float(a @ a) - 1.0) < 1e-9
    assert p.project({10**6 - 1: 1.0}) is None  # a term the basis never saw: no vector


def test_without_the_latent_space_cluster_still_works() -> None:
    arts, gold = _stream(4)
    ids = cluster(arts, latent_weight=0.0)
    assert len(set(ids)) == len(TOPICS)


def test_a_short_stream_gets_its_basis_at_the_end_of_cluster() -> None:
    arts, gold = _stream(4)  # 20 articles, fewer than the latent sample
    ids = cluster(arts, idf="stream")
    assert len(set(ids)) == len(TOPICS)
    c = StoryClusterer()
    c.partial_fit(arts)
    assert c.projection is None  # still collecting its sample
    c._fit_latent()
    assert c.projection is not None and c.projection.k == latent_dims(20)
    assert all(s.nz == s.size for s in c.open.values())


def test_large_collections_get_more_latent_dimensions_than_the_square_root_rule() -> None:
    # small collections keep 2 * sqrt(n); from a few thousand articles on, a share of n (many events)
    assert latent_dims(1351, linear=0.03, high=400) == latent_dims(1351) == 74
    assert latent_dims(10_000, linear=0.03, high=400) == 300 > latent_dims(10_000)
    assert latent_dims(100_000, linear=0.03, high=400) == 400


def test_a_basis_saved_compressed_by_an_earlier_release_still_loads() -> None:
    """Bases are now stored uncompressed (float noise barely shrinks, and compressing it took most of a
    save); a store written by an earlier release, its basis compressed at zlib level 1, loads the same basis."""
    import json
    import struct
    import zlib

    rng = np.random.default_rng(3)
    cols, comps, mean = np.array([1, 4, 9], np.int64), rng.standard_normal((3, 2)).astype(np.float32), np.zeros(2)
    head = json.dumps({"n": 3, "k": 2, "nf": 16}).encode()
    old = zlib.compress(struct.pack("<I", len(head)) + head + cols.tobytes() + comps.tobytes() + mean.tobytes(), 1)
    p = Projection.from_bytes(old)
    assert p.cols.tolist() == [1, 4, 9] and np.array_equal(p.comps, comps)
    again = Projection.from_bytes(Projection(p.cols, p.comps, p.mean, 16).to_bytes())
    assert np.array_equal(again.comps, comps) and again.project({4: 1.0}) is not None


def _tfidf_like(n_docs: int, n_terms: int, per_doc: int, seed: int) -> list[dict[int, float]]:
    rng = np.random.RandomState(seed)
    return [{int(t): float(w) for t, w in zip(rng.choice(n_terms, per_doc, replace=False), rng.rand(per_doc) + 0.1)}
            for _ in range(n_docs)]


def _same_release(u: np.ndarray, svd: object) -> bool:
    """Whether scikit-learn's randomized SVD still draws as the basis does (its first direction agrees)."""
    return bool(np.allclose(np.abs(u[:, 0]), np.abs(svd.components_[0]), atol=1e-6))  # type: ignore[attr-defined]


def test_the_latent_basis_is_scikit_learns_truncated_svd_to_the_last_bit() -> None:
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    from storyline.group.latent import term_basis

    # more terms than articles, fewer, and fewer articles than the dimensions and the oversampling
    for n_docs, n_terms, k in ((60, 900, 25), (400, 150, 40), (20, 90, 15)):
        vecs = _tfidf_like(n_docs, n_terms, 40, seed=n_docs)
        m = sparse.csr_matrix([[v.get(t, 0.0) for t in range(n_terms)] for v in vecs])
        svd = TruncatedSVD(k, algorithm="randomized", n_iter=5, random_state=0)
        z = svd.fit_transform(m)
        u = term_basis(m, k, seed=0)
        # the same numbers (the same draws and steps); a later scikit-learn may draw otherwise, so what must
        # hold is what the grouping reads: orthonormal directions keeping as much of the articles as its
        # basis, each dimension's largest term positive
        assert np.allclose(u.T @ u, np.eye(k), atol=1e-9)
        assert np.isclose(np.linalg.norm(m @ u), np.linalg.norm(z), rtol=1e-9)
        assert (u[np.abs(u).argmax(axis=0), np.arange(k)] > 0).all()
        assert np.allclose(np.abs(u), np.abs(svd.components_.T), atol=1e-6) or not _same_release(u, svd)


def test_fitting_the_latent_basis_holds_at_most_two_terms_by_dimensions_matrices_at_once() -> None:
    # a refit of many dimensions over many more terms than articles (a first run of 3,000 articles:
    # 740 dimensions, 21,000 terms, 127 MB a matrix): scikit-learn's randomized SVD held three such
    # matrices at once and more (its LU and QR steps copy, its product with the articles copies)
    import tracemalloc

    n_docs, n_terms, k = 300, 12000, 250
    vecs = _tfidf_like(n_docs, n_terms, 120, seed=7)
    one = n_terms * (k + 10) * 8
    tracemalloc.start()
    try:
        p = Projection.fit(vecs, N_FEATURES, k=k)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert p is not None and p.k == k
    assert peak < 2.5 * one, f"{peak / one:.2f} terms x dimensions matrices at the peak"
