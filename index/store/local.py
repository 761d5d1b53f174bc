"""The local backend, read side: FAISS for passage and sentence vectors, bm25s for BM25, chunks on disk.

Files of a local index folder (beside manifest.json, lexicon.json and docs/, which every backend has)::

    chunks.jsonl             one Chunk per line in row order; sentence ids relative to the document's first
    rows/                    the row table (index/store/rows.py): offsets, filter codes, sentence links
    tokens/ids.npy           int32 BM25 token ids of every chunk, concatenated (tokens/offsets.npy: int64 per row)
    tokens/vocab.json        the token of each id (to rebuild BM25 when documents are added or removed)
    vectors/passages.npy     float32 (chunks, dim), memory-mapped
    vectors/sentences.npy    float16 (sentences, dim), memory-mapped
    faiss/passages.index     FAISS inner-product index over the passage vectors (flat, IVF or HNSW)
    faiss/sentences.index    the same over the sentence vectors
    bm25/                    bm25s index of the exact terms (numpy arrays + json, no pickle), memory-mapped;
                             bm25/pinyin/ and bm25/english/ the same for the py: and en: fields; each with
                             column_max.npy, its posting lists' largest scores (index/store/bm25_topk.py)
    ngrams/                  character-bigram index and folded texts for contains_text (index/store/ngrams.py)

Nothing is held per chunk in memory: a chunk is read from its byte range when asked for. Rows are
positions in chunks.jsonl; nothing above this module sees them: every result is keyed by chunk id.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from index.errors import IndexCorruptError
from index.records import Chunk
from index.store.base import NO_FILTER, Backend, Filter, Run
from index.store.bm25 import FieldedBm25
from index.store.dense_rows import EXACT_LIMIT, DenseRows
from index.store.faiss_dense import faiss_kind, flat_header
from index.store.ngrams import BigramIndex, fold_text
from index.store.rows import RowTable

CHUNKS = "chunks.jsonl"
TOKEN_IDS = "tokens/ids.npy"
TOKEN_OFFSETS = "tokens/offsets.npy"
TOKEN_VOCAB = "tokens/vocab.json"
PASSAGE_VECTORS = "vectors/passages.npy"
SENTENCE_VECTORS = "vectors/sentences.npy"
PASSAGE_FAISS = "faiss/passages.index"
SENTENCE_FAISS = "faiss/sentences.index"
BM25 = "bm25"
SENTENCE_FANOUT = 4  # sentence hits fetched per chunk wanted (a chunk has several sentences)
FOLDED_CACHE = 16_384  # folded chunk texts kept for contains_text (a few MB)
CHUNK_CACHE = 2_048  # chunks kept as read (a search, then answer()'s evidence and highlights, fetch the same ones)


class _DenseTable:
    """A dense index over row-table rows (shared by passages and sentences)."""

    def __init__(self, table: RowTable, dense: DenseRows) -> None:
        self.table, self.dense = table, dense

    @property
    def index(self):
        return self.dense.index


class FaissPassages(_DenseTable):
    """Passage vectors: top-k by chunk id, and the stored vectors."""

    def search(self, vectors: np.ndarray, k: int, where: Filter = NO_FILTER) -> list[Run]:
        allowed = self.table.allowed(where)
        runs = []
        for query in np.asarray(vectors, np.float32):
            rows, scores = self.dense.top(query, k, allowed)
            runs.append(list(zip(self.table.ids(rows), scores.tolist())))
        return runs

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        return self.dense.vectors(self.table.rows(ids))


class FaissSentences(_DenseTable):
    """Sentence vectors; a hit on a sentence counts for every chunk that holds it."""

    def search(self, vectors: np.ndarray, k: int, where: Filter = NO_FILTER) -> list[Run]:
        allowed_rows = self.table.allowed(where)
        allowed = self.table.allowed_sentences(where)
        runs = []
        for query in np.asarray(vectors, np.float32):
            sentence_rows, scores = self.dense.top(query, k * SENTENCE_FANOUT, allowed)
            which, owners = self.table.owners_of(sentence_rows)
            owner_scores = scores[which]
            if allowed_rows is not None:
                keep = self.table.mask(where)[owners]
                owners, owner_scores = owners[keep], owner_scores[keep]
            order = np.lexsort((owners, -owner_scores))
            owners, owner_scores = owners[order], owner_scores[order]
            _, first = np.unique(owners, return_index=True)  # each chunk's best sentence
            best = np.sort(first)[:k]
            runs.append(list(zip(self.table.ids(owners[best]), owner_scores[best].tolist())))
        return runs

    def vectors(self, ids: Sequence[str]) -> list[np.ndarray]:
        rows, ends = self.table.sentences_of_rows(self.table.rows(ids))
        block = self.dense.vectors(rows)
        ends = ends.tolist()
        return [block[a:b] for a, b in zip([0, *ends[:-1]], ends)]  # views, one per chunk


class Bm25Sparse:
    """BM25 top-k over the posting lists of the query terms, one model per field (exact, pinyin, English);
    a filter is a boolean row mask."""

    def __init__(self, table: RowTable, fields: FieldedBm25) -> None:
        self.table, self.fields, self.model = table, fields, fields.exact

    def search(self, terms: Sequence[str], k: int, where: Filter = NO_FILTER) -> Run:
        allowed = self.table.allowed(where)
        if allowed is not None and allowed.is_range:  # a document: its rows of each posting list, found by bisection
            pairs = self.fields.top(list(terms), k, span=(allowed.start, allowed.stop))
        else:
            pairs = self.fields.top(list(terms), k, self.table.mask(where))
        ids = self.table.ids([row for row, _ in pairs])
        return [(cid, score) for cid, (_, score) in zip(ids, pairs)]

    def known(self, terms: Sequence[str]) -> list[str]:
        return [t for t in terms if self.fields.has(t)]


class DiskChunks:
    """The chunks, read from chunks.jsonl by byte range (positional reads: no mapped pages stay resident)."""

    def __init__(self, table: RowTable, path: Path) -> None:
        self.table = table
        self._file = open(path, "rb")
        self._offsets = table.a["offsets"]
        self.bigrams = BigramIndex(path.parent, self.folded)

    def line(self, row: int) -> bytes:
        start = int(self._offsets[row])
        return os.pread(self._file.fileno(), int(self._offsets[row + 1]) - start, start)

    @lru_cache(maxsize=FOLDED_CACHE)  # noqa: B019 - contains_text checks the same first candidates for many needles
    def folded(self, row: int) -> str:
        """The text of the chunk at a row in its folded (search key) form."""
        return fold_text(json.loads(self.line(row))["text"])

    @lru_cache(maxsize=CHUNK_CACHE)  # noqa: B019 - answer() reads its hits' chunks again (frozen: safe to share)
    def chunk(self, row: int) -> Chunk:
        """The chunk at a row, its sentence ids made index-wide."""
        chunk = Chunk.from_json(json.loads(self.line(row)))
        doc = self.table.doc_index[chunk.doc]
        first = int(self.table.a["doc_sentences"][doc])
        return replace(chunk, sentence_ids=tuple(first + s for s in chunk.sentence_ids))

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        return [self.chunk(row) for row in self.table.rows(ids)]

    @lru_cache(maxsize=4096)  # noqa: B019 - the same names are asked about again and again
    def contains_text(self, text: str) -> bool:
        return self.bigrams.contains(fold_text(text))

    def count(self, where: Filter = NO_FILTER) -> int:
        allowed = self.table.allowed(where)
        return self.table.count if allowed is None else allowed.count

    def all(self) -> list[Chunk]:
        return [self.chunk.__wrapped__(self, row) for row in range(self.table.count)]  # not through the cache

    def close(self) -> None:
        self._file.close()
        self.bigrams.close()


def open_local(path: Path, lexicon: dict[str, list[str]], dense: dict | None = None) -> Backend:
    """Open a local index folder (the manifest already checked): FAISS, bm25s and the row table.

    Raises:
        IndexCorruptError: a file cannot be read, or the files disagree (index.load adds the folder and the fix).
    """
    from index.store.local_check import check_local

    dense = dense or {}
    rerank = int(dense.get("rerank", 4))
    table = _read(path, "rows", lambda p: RowTable(p.parent))
    passages = _read(path, PASSAGE_VECTORS, lambda p: np.load(p, mmap_mode="r", allow_pickle=False))
    sentences = _read(path, SENTENCE_VECTORS, lambda p: np.load(p, mmap_mode="r", allow_pickle=False))
    passage_rows = _dense_rows(path, PASSAGE_FAISS, passages, rerank, dense.get("built"))
    # a sentence hit only nominates its chunk; candidates.dense_scores scores every sentence of the chunks nominated exactly
    sentence_rows = _dense_rows(path, SENTENCE_FAISS, sentences, 1, dense.get("sentences_built"), rescored=False)
    bm25 = _read(path, BM25, FieldedBm25.load)
    chunks = _read(path, CHUNKS, lambda p: DiskChunks(table, p))
    try:
        check_local(path, table, chunks, passages, sentences, passage_rows.stored, sentence_rows.stored, bm25)
    except ValueError as error:
        chunks.close()
        raise IndexCorruptError(str(error)) from None
    return Backend(
        kind="local",
        passages=FaissPassages(table, passage_rows),
        sentences=FaissSentences(table, sentence_rows),
        sparse=Bm25Sparse(table, bm25),
        chunks=chunks,
        lexicon=lexicon,
    )


def _dense_rows(path: Path, name: str, vectors: np.ndarray, rerank: int, built: str | None,
                rescored: bool = True) -> DenseRows:
    """The dense search over vectors: a small flat index is searched exactly and its FAISS file read only if asked for
    (its header is checked here)."""

    def load():
        import faiss

        return _read(path, name, lambda p: faiss.read_index(str(p)))

    header = flat_header(path / name) if built == "flat" and len(vectors) <= EXACT_LIMIT else None
    if header is not None:
        return DenseRows(vectors, rerank, "flat", load_index=load, header=header)
    index = load()
    return DenseRows(vectors, rerank, faiss_kind(index), index=index, rescored=rescored)


def _read(folder: Path, name: str, reader):
    """reader(folder / name); any failure is IndexCorruptError naming the file."""
    try:
        return reader(folder / name)
    except IndexCorruptError as error:
        raise IndexCorruptError(f"{name}: {error}") from None
    except Exception as error:  # noqa: BLE001 - any parse failure of a file is corruption
        reason = (str(error).splitlines() or [type(error).__name__])[0][:160]
        raise IndexCorruptError(f"cannot read index file {name} ({reason})") from None
