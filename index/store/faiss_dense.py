"""Dense vector index over L2-normalised embeddings: exact FAISS IndexFlatIP, HNSW above a size threshold."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

import numpy as np

from index.errors import InvalidArgumentError

# Flat (exact) search is cheap and exact up to here; above it HNSW is chosen. Measured on the 2-core
# machine (eval/reports/bench.md): single-query Flat passes ~10 ms between 10k and 100k vectors of
# d=384 (sooner when the cores are busy), while HNSW keeps recall@10 >= 0.95 at well under 10 ms.
HNSW_THRESHOLD = 50_000


class DenseKind(str, Enum):
    """The FAISS index to build: exact flat, HNSW, or chosen by size (auto)."""

    AUTO = "auto"
    FLAT = "flat"
    HNSW = "hnsw"


@dataclass(frozen=True)
class DenseSettings:
    """Which FAISS index to build, and the HNSW parameters."""

    kind: DenseKind = DenseKind.AUTO
    hnsw_threshold: int = HNSW_THRESHOLD
    hnsw_m: int = 32
    ef_construction: int = 80
    ef_search: int = 256  # 1M synthetic e5-like vectors: recall@10 0.937 at 128, 0.978 at 256 (3.8 ms)

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", DenseKind(self.kind))
        except ValueError:
            allowed = ", ".join(repr(k.value) for k in DenseKind)
            raise InvalidArgumentError(f"dense index kind must be one of {allowed}, got {self.kind!r}") from None
        for name in ("hnsw_threshold", "hnsw_m", "ef_construction", "ef_search"):
            if getattr(self, name) < 1:
                raise InvalidArgumentError(f"{name} must be a positive integer, got {getattr(self, name)!r}")

    def resolve(self, count: int) -> str:
        """The index kind to build for count vectors: 'flat' or 'hnsw'."""
        if self.kind != DenseKind.AUTO:
            return self.kind.value
        return "hnsw" if count >= self.hnsw_threshold else "flat"

    def to_json(self) -> dict:
        return {
            "kind": self.kind.value,
            "hnsw_threshold": self.hnsw_threshold,
            "hnsw_m": self.hnsw_m,
            "ef_construction": self.ef_construction,
            "ef_search": self.ef_search,
        }


def build_faiss(vectors: np.ndarray, settings: DenseSettings = DenseSettings()):
    """Build a FAISS inner-product index over normalised vectors (shape (n, d), float32).

    Returns:
        (the index, the kind built: 'flat' or 'hnsw').
    """
    import faiss

    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    kind = settings.resolve(len(vectors))
    dim = vectors.shape[1]
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = settings.ef_construction
        index.hnsw.efSearch = settings.ef_search
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(vectors)
    return index, kind


def search_faiss(index, queries: np.ndarray, k: int, allowed: np.ndarray | None = None, ef_search: int = 0):
    """Top-k by inner product, best first, FAISS's -1 padding removed.

    Args:
        index: a FAISS index built by build_faiss.
        queries: (q, d) float32 normalised query vectors.
        k: hits wanted per query; k above the corpus size returns every (allowed) vector.
        allowed: optional int64 ids the results are restricted to (a filter).
        ef_search: HNSW search breadth (0: the index's own).

    Returns:
        A list per query of (ids int64 array, scores float32 array).
    """
    import faiss

    total = index.ntotal if allowed is None else len(allowed)
    k = min(k, total)
    if k <= 0:
        return [(np.zeros(0, np.int64), np.zeros(0, np.float32)) for _ in range(len(queries))]
    params = None
    is_hnsw = isinstance(index, faiss.IndexHNSW)
    if allowed is not None or (is_hnsw and ef_search):
        params = faiss.SearchParametersHNSW() if is_hnsw else faiss.SearchParameters()
        if allowed is not None:
            params.sel = faiss.IDSelectorBatch(np.ascontiguousarray(allowed, dtype=np.int64))
        if is_hnsw:
            params.efSearch = max(ef_search or index.hnsw.efSearch, k)
    scores, ids = index.search(np.ascontiguousarray(queries, dtype=np.float32), k, params=params)
    results = []
    for row_ids, row_scores in zip(ids, scores):
        keep = row_ids >= 0
        results.append((row_ids[keep].astype(np.int64), row_scores[keep].astype(np.float32)))
    return results
