"""Dense vector indexes over L2-normalised embeddings: exact FAISS IndexFlatIP, or IVF above a size threshold.

IVF (an inverted file over k-means cells, vectors stored as 8-bit scalar codes) is built from vectors
streamed in batches, searched with ``nprobe`` cells and re-scored exactly from the stored float vectors
(index/store/local.py keeps them memory-mapped), so its scores are true cosines. HNSW remains available
(``--dense-index hnsw``) but builds about 20x slower at a million vectors and cannot drop documents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

import numpy as np

from index.errors import InvalidArgumentError

# Flat (exact) search is cheap and exact up to here; above it an ANN index is built. Measured on the
# 2-core machine (eval/reports/bench.md): single-query Flat passes ~10 ms between 10k and 100k vectors.
ANN_THRESHOLD = 50_000
HNSW_THRESHOLD = ANN_THRESHOLD  # the former name
ADD_BATCH = 65_536  # vectors added to FAISS at a time (bounded memory for memory-mapped input)


class DenseKind(str, Enum):
    """The FAISS index to build: exact flat, IVF, HNSW, or chosen by size (auto: flat, then IVF)."""

    AUTO = "auto"
    FLAT = "flat"
    IVF = "ivf"
    HNSW = "hnsw"


@dataclass(frozen=True)
class DenseSettings:
    """Which FAISS index to build, and its parameters."""

    kind: DenseKind = DenseKind.AUTO
    ann_threshold: int = ANN_THRESHOLD
    nprobe: int = 64  # IVF cells searched per passage query at 1,024 cells, scaled by sqrt(cells / 1,024) (ivf_nprobe)
    sentence_nprobe: int = 16  # for the sentence index (a source of candidates, re-scored exactly; not scaled)
    rerank: int = 2  # IVF: candidates re-scored exactly = rerank x k (x2 finds what x4 did: bench notes)
    hnsw_m: int = 32
    ef_construction: int = 80
    ef_search: int = 256

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "kind", DenseKind(self.kind))
        except ValueError:
            allowed = ", ".join(repr(k.value) for k in DenseKind)
            raise InvalidArgumentError(f"dense index kind must be one of {allowed}, got {self.kind!r}") from None
        for name in ("ann_threshold", "nprobe", "sentence_nprobe", "rerank", "hnsw_m", "ef_construction", "ef_search"):
            if getattr(self, name) < 1:
                raise InvalidArgumentError(f"{name} must be a positive integer, got {getattr(self, name)!r}")

    def resolve(self, count: int) -> str:
        """The index kind to build for count vectors: 'flat', 'ivf' or 'hnsw'."""
        if self.kind != DenseKind.AUTO:
            return self.kind.value
        return "ivf" if count >= self.ann_threshold else "flat"

    def to_json(self) -> dict:
        return {
            "kind": self.kind.value,
            "ann_threshold": self.ann_threshold,
            "nprobe": self.nprobe,
            "sentence_nprobe": self.sentence_nprobe,
            "rerank": self.rerank,
            "hnsw_m": self.hnsw_m,
            "ef_construction": self.ef_construction,
            "ef_search": self.ef_search,
        }

    @classmethod
    def from_json(cls, data: dict) -> DenseSettings:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        if "hnsw_threshold" in data and "ann_threshold" not in data:
            known["ann_threshold"] = data["hnsw_threshold"]
        return cls(**known)


def ivf_cells(count: int) -> int:
    """IVF cells for count vectors: about sqrt(n), a power of two, at least 64 (1M: 1,024 cells of ~1,000)."""
    return max(64, 2 ** round(math.log2(math.sqrt(max(count, 1)))))


def ivf_nprobe(nprobe: int, cells: int) -> int:
    """Cells to search in an IVF index of this many cells, for a setting given at 1,024 cells.

    On e5-like vectors the recall@10 after re-scoring follows sqrt(cells) rather than the share of cells searched:
    32 of 256 cells (100k passages) gives 0.98 as 64 of 1,024 (1M) does, and 64 of 256 costs twice the time for 1.00.
    Small indexes search at least min(nprobe, 32) cells.
    """
    return max(1, min(cells, max(min(nprobe, 32), round(nprobe * math.sqrt(cells / 1024)))))


def _batches(vectors: np.ndarray, size: int = ADD_BATCH):
    for start in range(0, len(vectors), size):
        yield np.ascontiguousarray(vectors[start : start + size], dtype=np.float32)


def train_ivf(vectors: np.ndarray, dim: int, seed: int = 0):
    """An empty, trained IVF index (8-bit scalar codes) for vectors like these; k-means on a sample."""
    import faiss

    cells = ivf_cells(len(vectors))
    sample_size = min(len(vectors), 48 * cells)
    rng = np.random.default_rng(seed)
    picks = np.sort(rng.choice(len(vectors), sample_size, replace=False))
    sample = np.ascontiguousarray(vectors[picks], dtype=np.float32)
    quantizer = faiss.IndexFlatIP(dim)
    index = faiss.IndexIVFScalarQuantizer(quantizer, dim, cells, faiss.ScalarQuantizer.QT_8bit, faiss.METRIC_INNER_PRODUCT)
    index.cp.min_points_per_centroid = 1  # 48 points per cell are enough here; silences the warning
    index.train(sample)
    return index


def build_faiss(vectors: np.ndarray, settings: DenseSettings = DenseSettings(), trained=None, log=None, nprobe: int = 0):
    """Build a FAISS inner-product index over normalised vectors (shape (n, d); may be memory-mapped).

    Args:
        vectors: the vectors, row i gets id i.
        settings: which index.
        trained: for IVF, an already trained empty index to fill (keeps the cells of an earlier build).
        log: optional callable(done, total) for progress.
        nprobe: IVF cells searched per query, as is (0: settings.nprobe scaled to the cells, ivf_nprobe).

    Returns:
        (the index, the kind built: 'flat', 'ivf' or 'hnsw').
    """
    import faiss

    kind = settings.resolve(len(vectors))
    dim = vectors.shape[1]
    if kind == "hnsw":
        index = faiss.IndexHNSWFlat(dim, settings.hnsw_m, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = settings.ef_construction
        index.hnsw.efSearch = settings.ef_search
    elif kind == "ivf":
        index = trained if trained is not None and trained.d == dim else train_ivf(vectors, dim)
        index.nprobe = nprobe or ivf_nprobe(settings.nprobe, index.nlist)
    else:
        index = faiss.IndexFlatIP(dim)
    done = 0
    for batch in _batches(vectors):
        index.add(batch)
        done += len(batch)
        if log is not None:
            log(done, len(vectors))
    return index, kind


@dataclass(frozen=True)
class FlatHeader:
    """What the header of a FAISS IndexFlatIP file says: its vector count and dimension (as index.ntotal, index.d)."""

    ntotal: int
    d: int


FLAT_IP_FOURCC = b"IxFI"
FLAT_HEADER_BYTES = 45  # fourcc, d (int32), ntotal, two unused int64, is_trained (1 byte), metric (int32), float count


def flat_header(path) -> FlatHeader | None:
    """The header of a FAISS IndexFlatIP file (faiss' write_index layout), read without FAISS; None when the file is
    not one or its size disagrees with its header (FAISS itself then reads it, and names what is wrong)."""
    import struct

    try:
        with open(path, "rb") as file:
            head = file.read(FLAT_HEADER_BYTES)
            size = file.seek(0, 2)
    except OSError:
        return None
    if len(head) < FLAT_HEADER_BYTES or head[:4] != FLAT_IP_FOURCC:
        return None
    d, ntotal = struct.unpack_from("<iq", head, 4)
    (floats,) = struct.unpack_from("<Q", head, FLAT_HEADER_BYTES - 8)
    if d <= 0 or ntotal < 0 or floats != ntotal * d or size != FLAT_HEADER_BYTES + 4 * floats:
        return None
    return FlatHeader(ntotal, d)


def faiss_kind(index) -> str:
    """What a FAISS index is: 'flat', 'ivf', 'hnsw' (as build_faiss names them) or 'other'."""
    import faiss

    for kind, cls in (("flat", faiss.IndexFlat), ("ivf", faiss.IndexIVF), ("hnsw", faiss.IndexHNSW)):
        if isinstance(index, cls):
            return kind
    return "other"


def empty_like(index):
    """An empty copy of a trained IVF index (its cells kept), or None for other kinds."""
    import faiss

    if not isinstance(index, faiss.IndexIVF):
        return None
    copy = faiss.clone_index(index)
    copy.reset()
    return copy


class Selectors:
    """FAISS ID selectors for row sets (a range, or a bitmap over all ids), built once and kept alive."""

    def __init__(self, total: int) -> None:
        self.total = total

    def make(self, rows: np.ndarray, start: int = -1, stop: int = -1):
        import faiss

        if start >= 0:
            return faiss.IDSelectorRange(start, stop), None
        bits = np.zeros((self.total + 7) // 8, dtype=np.uint8)
        rows = np.asarray(rows, dtype=np.int64)
        np.bitwise_or.at(bits, rows >> 3, (1 << (rows & 7)).astype(np.uint8))
        return faiss.IDSelectorBitmap(self.total, faiss.swig_ptr(bits)), bits


def search_faiss(index, queries: np.ndarray, k: int, allowed: np.ndarray | None = None, ef_search: int = 0,
                 selector=None, allowed_count: int | None = None, nprobe: int = 0):
    """Top-k by inner product, best first, FAISS's -1 padding removed.

    Args:
        index: a FAISS index built by build_faiss.
        queries: (q, d) float32 normalised query vectors.
        k: hits wanted per query; k above the corpus size returns every (allowed) vector.
        allowed: optional int64 ids the results are restricted to (a filter).
        ef_search: HNSW search breadth (0: the index's own).
        selector: a ready FAISS IDSelector (instead of allowed), with allowed_count ids.
        nprobe: IVF cells to search (0: the index's own).

    Returns:
        A list per query of (ids int64 array, scores float32 array).
    """
    import faiss

    if selector is None and allowed is not None:
        allowed = np.ascontiguousarray(allowed, dtype=np.int64)
        selector, allowed_count = faiss.IDSelectorBatch(allowed), len(allowed)
    total = index.ntotal if selector is None else min(index.ntotal, allowed_count or 0)
    k = min(k, total)
    if k <= 0:
        return [(np.zeros(0, np.int64), np.zeros(0, np.float32)) for _ in range(len(queries))]
    params = None
    is_hnsw = isinstance(index, faiss.IndexHNSW)
    is_ivf = isinstance(index, faiss.IndexIVF)
    if selector is not None or (is_hnsw and ef_search) or (is_ivf and nprobe):
        if is_hnsw:
            params = faiss.SearchParametersHNSW()
            params.efSearch = max(ef_search or index.hnsw.efSearch, k)
        elif is_ivf:
            params = faiss.SearchParametersIVF()
            params.nprobe = nprobe or index.nprobe
        else:
            params = faiss.SearchParameters()
        if selector is not None:
            params.sel = selector
    scores, ids = index.search(np.ascontiguousarray(queries, dtype=np.float32), k, params=params)
    results = []
    for row_ids, row_scores in zip(ids, scores):
        keep = row_ids >= 0
        results.append((row_ids[keep].astype(np.int64), row_scores[keep].astype(np.float32)))
    return results


def rescore(vectors: np.ndarray, query: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Exact inner products of the query with the stored vectors of ids; the top k, best first, ties by id."""
    if len(ids) == 0:
        return ids, np.zeros(0, np.float32)
    sorted_ids = np.sort(ids)
    scores = np.asarray(vectors[sorted_ids], dtype=np.float32) @ query.astype(np.float32)
    top = np.lexsort((sorted_ids, -scores))[:k]
    return sorted_ids[top], scores[top].astype(np.float32)
