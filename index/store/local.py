"""The local backend, read side: FAISS for passage and sentence vectors, bm25s for BM25, chunks in memory.

Files of a local index folder (beside manifest.json, lexicon.json and docs/, which every backend has)::

    chunks.jsonl             one Chunk per line, in row order
    tokens.jsonl             each chunk's BM25 tokens (to rebuild BM25 when documents are added or removed)
    vectors/passages.npy     float32 (chunks, dim), memory-mapped on load
    vectors/sentences.npy    float32 (sentences, dim), memory-mapped on load
    faiss/passages.index     FAISS inner-product index over the passage vectors (flat or HNSW)
    faiss/sentences.index    the same over the sentence vectors
    bm25/                    bm25s index (numpy arrays + json, no pickle)

Rows are positions in chunks.jsonl; nothing above this module sees them: every result is keyed by chunk id.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.errors import IndexCorruptError
from index.normalize import fold
from index.records import Chunk
from index.store.base import NO_FILTER, Backend, Filter, Run
from index.store.bm25 import bm25_top, load_bm25
from index.store.faiss_dense import search_faiss
from index.store.files import read_jsonl

CHUNKS = "chunks.jsonl"
TOKENS = "tokens.jsonl"
PASSAGE_VECTORS = "vectors/passages.npy"
SENTENCE_VECTORS = "vectors/sentences.npy"
PASSAGE_FAISS = "faiss/passages.index"
SENTENCE_FAISS = "faiss/sentences.index"
BM25 = "bm25"
SENTENCE_FANOUT = 4  # sentence hits fetched per chunk wanted (a chunk has several sentences)


class Rows:
    """Chunks in row order with their ids, and the rows that pass a filter (cached per filter)."""

    def __init__(self, chunks: list[Chunk]) -> None:
        self.chunks = chunks
        self.row_of = {c.chunk_id: i for i, c in enumerate(chunks)}
        self._columns = {
            "speaker": np.asarray([c.speaker for c in chunks], dtype=object),
            "doc": np.asarray([c.doc for c in chunks], dtype=object),
            "kind": np.asarray([c.kind for c in chunks], dtype=object),
        }
        self._lock = threading.Lock()

    def ids(self, rows) -> list[str]:
        return [self.chunks[int(r)].chunk_id for r in rows]

    def rows(self, ids: Sequence[str]) -> np.ndarray:
        return np.asarray([self.row_of[i] for i in ids], dtype=np.int64)

    @lru_cache(maxsize=64)  # noqa: B019 - one Rows per loaded index; filters are few
    def allowed(self, where: Filter) -> np.ndarray | None:
        """The rows that pass the filter (int64, sorted), or None for no filter."""
        if where.empty:
            return None
        mask = np.ones(len(self.chunks), dtype=bool)
        if where.speaker is not None:
            mask &= self._columns["speaker"] == where.speaker
        if where.doc is not None:
            mask &= self._columns["doc"] == where.doc
        if where.kinds is not None:
            mask &= np.isin(self._columns["kind"], list(where.kinds))
        return np.flatnonzero(mask).astype(np.int64)


class FaissPassages:
    """Passage vectors in FAISS (search) and in a memory-mapped array (vectors by id)."""

    def __init__(self, rows: Rows, index, vectors: np.ndarray) -> None:
        self.rows, self.index, self._vectors = rows, index, vectors

    def search(self, vectors: np.ndarray, k: int, where: Filter = NO_FILTER) -> list[Run]:
        results = search_faiss(self.index, vectors, k, self.rows.allowed(where))
        return [list(zip(self.rows.ids(ids), scores.tolist())) for ids, scores in results]

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        return np.asarray(self._vectors[self.rows.rows(ids)], dtype=np.float32)


class FaissSentences:
    """Sentence vectors in FAISS; a hit on a sentence counts for every chunk that holds it."""

    def __init__(self, rows: Rows, index, vectors: np.ndarray) -> None:
        self.rows, self.index, self._vectors = rows, index, vectors
        owners: dict[int, list[int]] = {}
        for row, chunk in enumerate(rows.chunks):
            for sid in chunk.sentence_ids:
                owners.setdefault(sid, []).append(row)
        self._owners = owners

    def _allowed_sentences(self, where: Filter) -> np.ndarray | None:
        allowed = self.rows.allowed(where)
        if allowed is None:
            return None
        ids = {sid for row in allowed for sid in self.rows.chunks[int(row)].sentence_ids}
        return np.asarray(sorted(ids), dtype=np.int64)

    def search(self, vectors: np.ndarray, k: int, where: Filter = NO_FILTER) -> list[Run]:
        allowed_rows = self.rows.allowed(where)
        allowed = None if allowed_rows is None else set(allowed_rows.tolist())
        results = search_faiss(self.index, vectors, k * SENTENCE_FANOUT, self._allowed_sentences(where))
        runs = []
        for sentence_ids, scores in results:
            best: dict[int, float] = {}
            for sid, score in zip(sentence_ids.tolist(), scores.tolist()):
                for row in self._owners.get(sid, ()):
                    if (allowed is None or row in allowed) and score > best.get(row, -np.inf):
                        best[row] = score
            ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:k]
            runs.append([(self.rows.chunks[row].chunk_id, score) for row, score in ranked])
        return runs

    def vectors(self, ids: Sequence[str]) -> list[np.ndarray]:
        chunks = [self.rows.chunks[self.rows.row_of[i]] for i in ids]
        return [np.asarray(self._vectors[list(c.sentence_ids)], dtype=np.float32) for c in chunks]


class Bm25Sparse:
    """BM25 top-k with bm25s; a filter becomes bm25s' weight mask."""

    def __init__(self, rows: Rows, model) -> None:
        self.rows, self.model = rows, model

    @lru_cache(maxsize=64)  # noqa: B019 - one per loaded index
    def _mask(self, where: Filter) -> np.ndarray | None:
        allowed = self.rows.allowed(where)
        if allowed is None:
            return None
        mask = np.zeros(len(self.rows.chunks), dtype=np.float32)
        mask[allowed] = 1.0
        return mask

    def search(self, terms: Sequence[str], k: int, where: Filter = NO_FILTER) -> Run:
        pairs = bm25_top(self.model, list(terms), k, self._mask(where))
        return [(self.rows.chunks[row].chunk_id, score) for row, score in pairs]

    def known(self, terms: Sequence[str]) -> list[str]:
        return [t for t in terms if t in self.model.vocab_dict]


class MemoryChunks:
    """The chunks, and their folded texts joined with a separator no query contains."""

    def __init__(self, rows: Rows) -> None:
        self.rows = rows
        self._folded = "\x00".join(fold(c.text) for c in rows.chunks)

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        return [self.rows.chunks[self.rows.row_of[i]] for i in ids]

    def contains_text(self, text: str) -> bool:
        needle = fold(text).replace("\x00", "")
        return bool(needle) and needle in self._folded

    def count(self, where: Filter = NO_FILTER) -> int:
        allowed = self.rows.allowed(where)
        return len(self.rows.chunks) if allowed is None else len(allowed)

    def all(self) -> list[Chunk]:
        return list(self.rows.chunks)


def open_local(path: Path, lexicon: dict[str, list[str]]) -> Backend:
    """Open a local index folder (the manifest already checked): FAISS, bm25s and the chunks.

    Raises:
        IndexCorruptError: a file cannot be read, or the files disagree (index.load adds the folder and the fix).
    """
    import faiss

    rows = Rows(_read(path, CHUNKS, lambda p: [Chunk.from_json(row) for row in read_jsonl(p)]))
    passages = _read(path, PASSAGE_VECTORS, lambda p: np.load(p, mmap_mode="r", allow_pickle=False))
    sentences = _read(path, SENTENCE_VECTORS, lambda p: np.load(p, mmap_mode="r", allow_pickle=False))
    passage_index = _read(path, PASSAGE_FAISS, lambda p: faiss.read_index(str(p)))
    sentence_index = _read(path, SENTENCE_FAISS, lambda p: faiss.read_index(str(p)))
    bm25 = _read(path, BM25, load_bm25)
    try:
        _check_counts(rows, passages, sentences, passage_index, sentence_index, bm25)
    except ValueError as error:
        raise IndexCorruptError(str(error)) from None
    return Backend(
        kind="local",
        passages=FaissPassages(rows, passage_index, passages),
        sentences=FaissSentences(rows, sentence_index, sentences),
        sparse=Bm25Sparse(rows, bm25),
        chunks=MemoryChunks(rows),
        lexicon=lexicon,
    )


def _read(folder: Path, name: str, reader):
    """reader(folder / name); any failure is IndexCorruptError naming the file."""
    try:
        return reader(folder / name)
    except IndexCorruptError as error:
        raise IndexCorruptError(f"{name}: {error}") from None
    except Exception as error:  # noqa: BLE001 - any parse failure of a file is corruption
        reason = (str(error).splitlines() or [type(error).__name__])[0][:160]
        raise IndexCorruptError(f"cannot read index file {name} ({reason})") from None


def _check_counts(rows: Rows, passages, sentences, passage_index, sentence_index, bm25) -> None:
    """Every part must hold one entry per chunk (or sentence); a chunk's sentences must exist."""
    n, m = len(rows.chunks), len(sentences)
    found = {
        CHUNKS: n,
        PASSAGE_VECTORS: len(passages),
        PASSAGE_FAISS: int(passage_index.ntotal),
        BM25: int(bm25.scores["num_docs"]),
    }
    for name, count in found.items():
        if count != n:
            raise ValueError(f"{name} holds {count} chunks, {CHUNKS} holds {n}")
    if int(sentence_index.ntotal) != m:
        raise ValueError(f"{SENTENCE_FAISS} holds {sentence_index.ntotal} sentences, {SENTENCE_VECTORS} holds {m}")
    if passages.ndim != 2 or sentences.ndim != 2 or passages.shape[1:] != sentences.shape[1:]:
        raise ValueError(f"sentence vectors and passage vectors have shapes {passages.shape} and {sentences.shape}")
    if passage_index.d != passages.shape[1]:
        raise ValueError(f"{PASSAGE_FAISS} has dimension {passage_index.d}, the vectors {passages.shape[1]}")
    if len(rows.row_of) != n:
        raise ValueError(f"{CHUNKS} repeats a chunk id")
    for chunk in rows.chunks:  # a citation or highlight must never point outside the index
        numbers = (chunk.line_start, chunk.line_end, *chunk.sentence_ids)
        if not all(isinstance(x, int) and not isinstance(x, bool) for x in numbers):
            raise ValueError(f"chunk {chunk.chunk_id!r} has non-integer line numbers or sentence ids")
        if not 0 < chunk.line_start <= chunk.line_end or not all(0 <= i < m for i in chunk.sentence_ids):
            raise ValueError(f"chunk {chunk.chunk_id!r} has bad line numbers or sentence ids")
        if len(chunk.sentence_spans) != len(chunk.sentence_ids) or any(
            not 0 <= a <= b <= len(chunk.text) for a, b in chunk.sentence_spans
        ):
            raise ValueError(f"chunk {chunk.chunk_id!r} has bad sentence offsets")
