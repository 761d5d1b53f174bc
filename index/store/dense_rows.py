"""Dense rows of a local index: vectors searched through FAISS, or exactly with numpy when small (DenseRows)."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

from index.store.faiss_dense import Selectors, rescore, search_faiss
from index.store.files import NpyRows
from index.store.rows import Allowed

EXACT_LIMIT = 20_000  # a filter that leaves at most this many vectors is searched exactly


class DenseRows:
    """Vectors searched through FAISS, or exactly with numpy when the index is flat and small (FAISS is then not even
    loaded), and memory-mapped for exact scores; a filter becomes a FAISS ID selector.

    rescored: an ANN index's hits are re-scored from the stored vectors (true cosines); False keeps the index's own
    scores (IVF: from 8-bit codes, within about 0.002), for a source of candidates that are scored again later.
    """

    def __init__(self, vectors: np.ndarray, rerank: int, kind: str, index=None, load_index=None, header=None,
                 rescored: bool = True) -> None:
        self._vectors = np.asarray(vectors)  # an ndarray view of the memory map
        self._index, self._load_index, self._header = index, load_index, header
        self.exact = kind == "flat" and len(self._vectors) <= EXACT_LIMIT
        self._float32: np.ndarray | None = None
        self._approximate = kind != "flat"
        self._rescored = self._approximate and rescored
        self._rerank = rerank if kind == "ivf" else 1
        # A large (ANN) index's rows are read with pread, not through the memory map: a few hundred rows per query,
        # and the pages they come from then stay out of the process's resident memory (a mapped file's touched pages
        # count in its RSS, about 100 KB a row here). A small flat index is scanned whole: the map suits it.
        use_pread = self._approximate and isinstance(vectors, np.memmap)
        self._rows = NpyRows(Path(vectors.filename)) if use_pread else self._vectors
        self._selectors = Selectors(len(vectors))
        self._cache: dict[int, tuple] = {}
        self._lock = threading.Lock()
        self._index_lock = threading.Lock()

    @property
    def index(self):
        """The FAISS index (read on first use when the search is exact)."""
        with self._index_lock:
            if self._index is None:
                self._index = self._load_index()
        return self._index

    @property
    def stored(self):
        """The FAISS index when it has been read, else its file's FlatHeader (both have ntotal and d)."""
        return self._index if self._index is not None else self._header

    def _selector(self, allowed: Allowed):
        with self._lock:
            found = self._cache.get(id(allowed))
            if found is None or found[0] is not allowed:
                if len(self._cache) >= 256:  # many distinct filters: start over rather than grow
                    self._cache.clear()
                selector, keep = self._selectors.make(allowed.rows, allowed.start, allowed.stop)
                found = self._cache[id(allowed)] = (allowed, selector, keep)
            return found[1]

    def top(self, query: np.ndarray, k: int, allowed: Allowed | None) -> tuple[np.ndarray, np.ndarray]:
        """(rows, exact scores) of the k best vectors for one query, best first, ties by row."""
        if allowed is None and self.exact:
            if self._float32 is None:  # float32 (sentence vectors are stored as float16), as FAISS would hold them
                self._float32 = np.asarray(self._vectors, np.float32)
            return _exact_range(self._float32, query, 0, len(self._float32), k)
        if allowed is not None and allowed.count <= EXACT_LIMIT:
            if allowed.is_range:
                return _exact_range(self._rows, query, allowed.start, allowed.stop, k)
            return rescore(self._rows, query, allowed.rows, k)
        wanted = k * self._rerank
        selector = None if allowed is None else self._selector(allowed)
        count = None if allowed is None else allowed.count
        rows, scores = search_faiss(self.index, query[None, :], wanted, selector=selector, allowed_count=count)[0]
        if self._rescored:
            return rescore(self._rows, query, rows, k)
        return rows[:k], scores[:k]

    def vectors(self, rows: np.ndarray) -> np.ndarray:
        """The stored vectors of these rows, as float32 (NpyRows and ndarrays both take rows in any order)."""
        return np.asarray(self._rows[np.asarray(rows, np.int64)], np.float32)


def _exact_range(vectors: np.ndarray, query: np.ndarray, start: int, stop: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(rows, scores) of the k best of vectors[start:stop] by exact inner product, best first, ties by row."""
    scores = np.asarray(vectors[start:stop], np.float32) @ query
    rows = np.arange(start, stop, dtype=np.int64)
    top = np.lexsort((rows, -scores))[:k]
    return rows[top], scores[top]
