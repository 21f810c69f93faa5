"""A latent (LSA) space for story clustering: a truncated SVD of the articles' TF-IDF vectors.

Two articles of one story often share few rare words (a long story's later articles talk about the
trial, the earlier ones about the crime), but their words co-occur across the collection: a low-rank
projection of the TF-IDF vectors puts them close. The basis is fitted on a sample of articles (the
whole collection offline, the stream's first articles online), restricted to the terms seen in at
least two of them, and the projected vectors are centred on the sample's mean before they are
normalised (the first singular direction of raw TF-IDF is the "average article", which would make
every pair of articles look alike).
"""

from __future__ import annotations

import json
import struct
import zlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["Projection", "latent_dims", "term_basis"]

OVERSAMPLES = 10  # extra random directions of the range finder (scikit-learn's default)
POWER_ITERATIONS = 5
BLOCK = 64  # columns of the range multiplied at a time


def latent_dims(n: int, *, scale: float = 2.0, low: int = 10, high: int = 300, linear: float = 0.0) -> int:
    """How many latent dimensions for a sample of ``n`` articles: ``scale * sqrt(n)`` or, if larger,
    ``linear * n`` (a large collection holds thousands of events that must stay apart), at least
    ``low`` (never more than n - 1) and at most ``high``."""
    k = max(scale * n ** 0.5, linear * n)
    return int(max(1, min(n - 1, max(low, min(high, round(k))))))


def term_basis(m: "sparse.csr_matrix", k: int, *, seed: int = 0) -> np.ndarray:
    """The ``k`` leading right singular vectors of ``m`` (articles x terms), one column per dimension
    (terms x k, float64): scikit-learn's ``TruncatedSVD(k, algorithm="randomized", n_iter=5,
    random_state=seed)`` step for step (Halko et al.'s range finder with LU-normalised power
    iterations, the same draws, the same sign rule: the same numbers), in less memory. With more terms
    than articles each step holds a terms x (k + 10) matrix (127 MB for 740 dimensions over 21,000
    terms); scikit-learn holds three at once (the LU and QR steps' copies, a copy of the range for its
    product with ``m``), this two at most: the factorisations work in place and the product is taken
    a block of columns at a time (each entry summed as before)."""
    from scipy import linalg

    rng = np.random.RandomState(seed)
    size = k + OVERSAMPLES
    tall = m.shape[0] < m.shape[1]  # fewer articles than terms: the range is found among the terms
    a = m.T if tall else m
    q = rng.normal(size=(a.shape[1], size))
    for _ in range(POWER_ITERATIONS):
        q = linalg.lu(a @ q, permute_l=True, overwrite_a=True, check_finite=False)[0]
        q = linalg.lu(a.T @ q, permute_l=True, overwrite_a=True, check_finite=False)[0]
    q = linalg.qr(np.asfortranarray(a @ q), mode="economic", overwrite_a=True, check_finite=False)[0]
    width = q.shape[1]  # size, or fewer when the matrix has fewer rows or columns (the LU steps' rank)
    bt = np.empty((a.shape[1], width))  # (q.T @ a).T, as scipy computes it, without a C-ordered copy of q
    for j in range(0, width, BLOCK):
        bt[:, j:j + BLOCK] = a.T @ q[:, j:j + BLOCK]
    uhat, _, vt = linalg.svd(bt.T, full_matrices=False, lapack_driver="gesdd")
    del bt
    if tall:  # the terms' side is q @ uhat (all its columns, then the first k: the same sums)
        del vt
        full = q @ uhat
        del q
        u = np.ascontiguousarray(full[:, :k])
        del full
    else:
        del q
        u = np.ascontiguousarray(vt[:k].T)
    # scikit-learn's sign rule (svd_flip on the components): each dimension's largest term is positive;
    # read a block of dimensions at a time (an argmax down the columns copies what it reads)
    for j in range(0, k, BLOCK):
        block = u[:, j:j + BLOCK]
        block *= np.sign(block[np.abs(block).argmax(axis=0), np.arange(block.shape[1])])[np.newaxis, :]
    return u


class Projection:
    """Hashed term weights -> a unit vector in a ``k``-dimensional centred latent space."""

    __slots__ = ("cols", "comps", "mean", "_pos", "_blob")

    def __init__(self, cols: np.ndarray, comps: np.ndarray, mean: np.ndarray, n_features: int) -> None:
        self.cols = np.asarray(cols, dtype=np.int64)          # the hashed terms the basis knows
        self.comps = np.ascontiguousarray(comps, dtype=np.float32)  # len(cols) x k
        self.mean = np.asarray(mean, dtype=np.float64)       # k: the sample's mean projection
        self._pos = np.full(n_features, -1, dtype=np.int32)
        self._pos[self.cols] = np.arange(len(self.cols), dtype=np.int32)
        self._blob: bytes | None = None  # its serialised form, once made or read (a basis never changes)

    @property
    def k(self) -> int:
        return int(self.comps.shape[1])

    @classmethod
    def fit(cls, vectors: Sequence[dict[int, float]], n_features: int, *, k: int | None = None,
            min_df: int = 2, seed: int = 0) -> "Projection | None":
        """Fit on ``vectors`` (hashed term -> weight, one per article); None if too few to fit."""
        from scipy import sparse

        vecs = [v for v in vectors if v]
        if len(vecs) < 3:
            return None
        keys = np.concatenate([np.fromiter(v.keys(), np.int64, len(v)) for v in vecs])
        vals = np.concatenate([np.fromiter(v.values(), np.float64, len(v)) for v in vecs])
        indptr = np.concatenate([[0], np.cumsum([len(v) for v in vecs])])
        cols, inverse, df = np.unique(keys, return_inverse=True, return_counts=True)
        m = sparse.csr_matrix((vals, inverse, indptr), shape=(len(vecs), len(cols)))
        keep = np.flatnonzero(df >= min_df)
        if len(keep) < 3:
            return None
        m = m[:, keep]
        k = min(k or latent_dims(len(vecs)), len(vecs) - 1, len(keep) - 1)
        if k < 1:
            return None
        comps = term_basis(m, k, seed=seed)
        return cls(cols[keep], comps, (m @ comps).mean(axis=0), n_features)

    def project(self, vec: dict[int, float]) -> np.ndarray | None:
        """The unit latent vector of one article (None if it shares no term with the basis)."""
        if not vec:
            return None
        keys = np.fromiter(vec.keys(), np.int64, len(vec))
        pos = self._pos[keys]
        hit = pos >= 0
        if not hit.any():
            return None
        vals = np.fromiter(vec.values(), np.float64, len(vec))[hit]
        z = vals @ self.comps[pos[hit]].astype(np.float64) - self.mean
        norm = float(np.sqrt(z @ z))
        return z / norm if norm > 0 else None

    def to_bytes(self) -> bytes:
        if self._blob is None:
            head = json.dumps({"n": len(self.cols), "k": self.k, "nf": len(self._pos)}).encode()
            # stored, not compressed (level 0, still a zlib stream: older blobs and these load alike): the
            # basis is float noise that level 1 shrank by 6% in seconds of a save
            self._blob = zlib.compress(b"".join([struct.pack("<I", len(head)), head, self.cols.tobytes(),
                                                 self.comps.tobytes(), self.mean.tobytes()]), 0)
        return self._blob

    @classmethod
    def from_bytes(cls, blob: bytes) -> "Projection":
        raw = zlib.decompress(blob)
        (n,) = struct.unpack("<I", raw[:4])
        h = json.loads(raw[4:4 + n])
        off = 4 + n
        cols = np.frombuffer(raw, np.int64, h["n"], off)
        off += 8 * h["n"]
        comps = np.frombuffer(raw, np.float32, h["n"] * h["k"], off).reshape(h["n"], h["k"])
        off += 4 * h["n"] * h["k"]
        mean = np.frombuffer(raw, np.float64, h["k"], off)
        out = cls(cols.copy(), comps.copy(), mean.copy(), h["nf"])
        out._blob = bytes(blob)
        return out
