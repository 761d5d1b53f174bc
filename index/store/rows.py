"""The row table of a local index: chunk id <-> row without a dict per chunk, filter codes, sentence links.

Rows are positions in chunks.jsonl. Each document's chunks are contiguous rows numbered
``doc#0000``, ``doc#0001``..., and its sentences are contiguous sentence rows, so a small per-document
table gives a chunk's row from its id (and back) and a document filter is a range. Speaker and kind
filters use one small integer code per row. Chunk -> sentences and sentence -> chunks are CSR arrays.

Files (all .npy, no pickle, memory-mapped where large)::

    rows/docs.json         document ids with their first row and first sentence (in row order),
                           and the speaker and kind names the codes stand for
    rows/doc_rows.npy      int64 (docs + 1): first row of each document, then the row count
    rows/doc_sentences.npy int64 (docs + 1): first sentence row of each document, then the sentence count
    rows/speaker.npy       int32 per row: index into the speaker names
    rows/kind.npy          int16 per row: index into the kind names
    rows/offsets.npy       int64 (rows + 1): byte offset of each chunk's line in chunks.jsonl
    rows/sentence_ptr.npy  int64 (rows + 1) and rows/sentence_ids.npy int32: each chunk's sentence rows
    rows/owner_ptr.npy     int64 (sentences + 1) and rows/owners.npy int32: the chunks holding each sentence
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.store.base import Filter

DOCS = "rows/docs.json"
RECENT_IDS = 65_536  # chunk ids remembered from search results, so fetching them again needs no parsing
ARRAYS = ("doc_rows", "doc_sentences", "speaker", "kind", "offsets", "sentence_ptr", "sentence_ids", "owner_ptr", "owners")


def chunk_id(doc: str, number: int) -> str:
    """The id of a document's chunk number (what index.chunk makes)."""
    return f"{doc}#{number:04d}"


@dataclass(frozen=True)
class Allowed:
    """The rows that pass a filter: a sorted array of rows, which may be exactly range(start, stop)."""

    rows: np.ndarray  # int64, sorted
    count: int
    start: int = -1  # >= 0 when the rows are exactly range(start, stop)
    stop: int = -1

    @property
    def is_range(self) -> bool:
        return self.start >= 0


class RowTable:
    """Row <-> chunk id, filter codes and sentence links of an opened local index (read-only, thread-safe)."""

    def __init__(self, folder: Path) -> None:
        meta = json.loads((folder / DOCS).read_text(encoding="utf-8"))
        self.docs: list[str] = list(meta["docs"])
        self.speakers: list[str] = list(meta["speakers"])
        self.kinds: list[str] = list(meta["kinds"])
        # plain ndarray views of the memory maps (np.memmap's own indexing costs microseconds a call)
        arrays = {name: np.asarray(np.load(folder / f"rows/{name}.npy", mmap_mode="r", allow_pickle=False))
                  for name in ARRAYS}
        self.a = arrays
        self.doc_index = {doc: i for i, doc in enumerate(self.docs)}
        self._speaker_code = {name: i for i, name in enumerate(self.speakers)}
        self._kind_code = {name: i for i, name in enumerate(self.kinds)}
        self._lock = threading.Lock()
        self._recent: dict[str, int] = {}  # chunk id -> row of ids returned lately (bounded; see ids)

    @property
    def count(self) -> int:
        return int(self.a["doc_rows"][-1]) if len(self.a["doc_rows"]) else 0

    @property
    def sentence_count(self) -> int:
        return int(self.a["doc_sentences"][-1]) if len(self.a["doc_sentences"]) else 0

    def row_of(self, cid: str) -> int:
        """The row of a chunk id (KeyError when the index has no such chunk)."""
        row = self._recent.get(cid)
        if row is not None:
            return row
        doc, sep, number = cid.rpartition("#")
        index = self.doc_index.get(doc) if sep else None
        if index is None or not number.isdigit():
            raise KeyError(cid)
        first, stop = int(self.a["doc_rows"][index]), int(self.a["doc_rows"][index + 1])
        row = first + int(number)
        if row >= stop or chunk_id(doc, int(number)) != cid:
            raise KeyError(cid)
        return row

    def rows(self, ids: Sequence[str]) -> np.ndarray:
        return np.asarray([self.row_of(i) for i in ids], dtype=np.int64)

    def doc_of_rows(self, rows) -> np.ndarray:
        return np.searchsorted(self.a["doc_rows"], np.asarray(rows, dtype=np.int64), side="right") - 1

    def ids(self, rows) -> list[str]:
        rows = np.asarray(rows, dtype=np.int64)
        docs = self.doc_of_rows(rows)
        numbers = (rows - self.a["doc_rows"][docs]).tolist()
        rows = rows.tolist()
        ids = [chunk_id(self.docs[d], n) for d, n in zip(docs.tolist(), numbers)]
        # the ids a search returns come back to rows() when their vectors or chunks are fetched: remember them
        if len(self._recent) > RECENT_IDS:
            self._recent.clear()
        self._recent.update(zip(ids, rows))
        return ids

    def sentences_of(self, row: int) -> np.ndarray:
        ptr = self.a["sentence_ptr"]
        return np.asarray(self.a["sentence_ids"][int(ptr[row]) : int(ptr[row + 1])], dtype=np.int64)

    def sentences_of_rows(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(every sentence row of these chunks, in order; where each chunk's sentences end in it)."""
        ptr = self.a["sentence_ptr"]
        starts, stops = ptr[rows], ptr[rows + 1]
        counts = (stops - starts).astype(np.int64)
        positions = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        return np.asarray(self.a["sentence_ids"][positions], dtype=np.int64), np.cumsum(counts)

    def owners_of(self, sentence_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(sentence index into sentence_rows, owner row) pairs for each chunk holding each sentence."""
        ptr = self.a["owner_ptr"]
        starts, stops = ptr[sentence_rows], ptr[sentence_rows + 1]
        counts = (stops - starts).astype(np.int64)
        which = np.repeat(np.arange(len(sentence_rows)), counts)
        positions = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        return which, np.asarray(self.a["owners"][positions], dtype=np.int64)

    @lru_cache(maxsize=64)  # noqa: B019 - one table per opened index; filters are few
    def allowed(self, where: Filter) -> Allowed | None:
        """The rows that pass the filter (computed once per filter), or None for no filter."""
        if where.empty:
            return None
        start, stop = 0, self.count
        if where.doc is not None:
            index = self.doc_index.get(where.doc)
            if index is None:
                return Allowed(np.zeros(0, np.int64), 0)
            start, stop = int(self.a["doc_rows"][index]), int(self.a["doc_rows"][index + 1])
        if where.speaker is None and where.kinds is None:
            return Allowed(np.arange(start, stop, dtype=np.int64), stop - start, start, stop)
        mask = np.ones(stop - start, dtype=bool)
        if where.speaker is not None:
            code = self._speaker_code.get(where.speaker, -1)
            mask &= self.a["speaker"][start:stop] == code
        if where.kinds is not None:
            codes = [self._kind_code[k] for k in where.kinds if k in self._kind_code]
            mask &= np.isin(self.a["kind"][start:stop], codes)
        rows = np.flatnonzero(mask).astype(np.int64) + start
        return Allowed(rows, len(rows))

    @lru_cache(maxsize=64)  # noqa: B019
    def mask(self, where: Filter) -> np.ndarray | None:
        """A boolean array over all rows, True for the rows that pass the filter (None: no filter)."""
        allowed = self.allowed(where)
        if allowed is None:
            return None
        mask = np.zeros(self.count, dtype=bool)
        mask[allowed.rows] = True
        return mask

    @lru_cache(maxsize=64)  # noqa: B019
    def allowed_sentences(self, where: Filter) -> Allowed | None:
        """The sentence rows of the chunks that pass the filter."""
        allowed = self.allowed(where)
        if allowed is None:
            return None
        if where.speaker is None and where.kinds is None and where.doc is not None:
            index = self.doc_index.get(where.doc)
            if index is not None:
                start, stop = int(self.a["doc_sentences"][index]), int(self.a["doc_sentences"][index + 1])
                return Allowed(np.arange(start, stop, dtype=np.int64), stop - start, start, stop)
        ptr = self.a["sentence_ptr"]
        starts, stops = ptr[allowed.rows], ptr[allowed.rows + 1]
        counts = (stops - starts).astype(np.int64)
        positions = np.repeat(starts - np.cumsum(counts) + counts, counts) + np.arange(int(counts.sum()))
        rows = np.unique(np.asarray(self.a["sentence_ids"][positions], dtype=np.int64))
        return Allowed(rows, len(rows))
