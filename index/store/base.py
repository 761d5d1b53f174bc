"""What a storage backend must do, keyed by chunk id: the seam between storage and ranking.

A backend holds passages (chunks), their vectors and their sentences' vectors, and a lexical
index. The retriever asks it for dense and lexical top-k lists (with filters), fetches chunks by
id and checks whether a string occurs in some passage; everything above this interface
(fusion, highlighting, answerability, conversation) is shared by all backends.

Two backends: ``local`` (FAISS + bm25s files in the index folder, index/store/local.py) and
``milvus`` (index/store/milvus.py). Writers stage a complete new index and publish it atomically.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from index.records import Chunk

Run = list[tuple[str, float]]  # (chunk id, score), best first


@dataclass(frozen=True)
class Filter:
    """Restrict a search to one speaker, one document and/or some passage kinds (None: no restriction)."""

    speaker: str | None = None
    doc: str | None = None
    kinds: tuple[str, ...] | None = None

    @property
    def empty(self) -> bool:
        return self.speaker is None and self.doc is None and self.kinds is None


NO_FILTER = Filter()


class DenseIndex(Protocol):
    """Passage vectors: approximate or exact inner-product top-k, and the stored vectors by chunk id."""

    def search(self, vectors: np.ndarray, k: int, where: Filter = NO_FILTER) -> list[Run]:
        """Top-k chunk ids per query vector (rows of vectors), best first; fewer when fewer pass the filter."""
        ...

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """The passage vectors of these chunks, shape (len(ids), dim)."""
        ...


class SentenceIndex(Protocol):
    """Sentence vectors, grouped by the chunk they belong to."""

    def search(self, vectors: np.ndarray, k: int, where: Filter = NO_FILTER) -> list[Run]:
        """Per query vector, up to k chunks ranked by their best sentence's inner product (approximate over a large
        index: the chunks are candidates, scored exactly from vectors())."""
        ...

    def vectors(self, ids: Sequence[str]) -> list[np.ndarray]:
        """For each chunk id, its sentences' vectors in the chunk's sentence order, shape (n_sentences, dim)."""
        ...


class SparseIndex(Protocol):
    """A lexical (BM25) index over the passages' tokens."""

    def search(self, terms: Sequence[str], k: int, where: Filter = NO_FILTER) -> Run:
        """Top-k chunks by BM25 over the terms, best first; only chunks that match a term (score > 0).

        Terms with a prefix (index.tokenize.TERM_WEIGHTS: 'py:' pinyin) count with their prefix's weight.
        """
        ...

    def known(self, terms: Sequence[str]) -> list[str]:
        """The terms that occur in the index's vocabulary."""
        ...


class ChunkStore(Protocol):
    """The passages themselves."""

    def get(self, ids: Sequence[str]) -> list[Chunk]:
        """The chunks with these ids, in the same order (KeyError for an unknown id)."""
        ...

    def contains_text(self, text: str) -> bool:
        """True when the text occurs inside one passage (never across two), both in index.normalize.search_key form."""
        ...

    def count(self, where: Filter = NO_FILTER) -> int:
        """How many chunks pass the filter."""
        ...

    def all(self) -> list[Chunk]:
        """Every chunk, in index order (for evaluation and listings; not on the query path)."""
        ...


@dataclass
class Backend:
    """An opened index: its four parts and the bilingual lexicon, read-only and safe to share between threads."""

    kind: str
    passages: DenseIndex
    sentences: SentenceIndex
    sparse: SparseIndex
    chunks: ChunkStore
    lexicon: dict[str, list[str]] = field(default_factory=dict)

    def close(self) -> None:
        for part in (self.passages, self.sentences, self.sparse, self.chunks):
            closer = getattr(part, "close", None)
            if closer is not None:
                closer()


@dataclass(frozen=True)
class Batch:
    """Documents to write: their chunks, one vector per chunk and one per sentence, and the BM25 tokens.

    ``chunks[i].sentence_ids`` index ``sentence_vectors`` of this batch (0-based within the batch);
    writers renumber them.
    """

    chunks: list[Chunk]
    passage_vectors: np.ndarray
    sentence_vectors: np.ndarray
    tokens: list[list[str]]
    texts: tuple[str, ...] = ()  # each passage's BM25-indexed text, with its context (index/represent.py: lexical_text)


class IndexWriter(Protocol):
    """Stages a new version of an index and publishes it atomically (a killed writer changes nothing)."""

    def add(self, batch: Batch) -> None:
        """Stage a batch of documents (their ids must not be in the index: remove them first)."""
        ...

    def remove(self, doc_ids: Sequence[str]) -> None:
        """Stage the removal of these documents' chunks."""
        ...

    def commit(self, manifest_fields: dict) -> object:
        """Write everything, then publish the new version atomically; returns the Manifest written."""
        ...
