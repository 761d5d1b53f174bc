"""The local backend, write side: stage chunks, vectors, FAISS and BM25 files into a staging folder."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from index.records import Chunk
from index.store.base import Batch
from index.store.bm25 import build_bm25, save_bm25
from index.store.faiss_dense import DenseSettings, build_faiss
from index.store.files import read_jsonl, write_jsonl
from index.store.local import BM25, CHUNKS, PASSAGE_FAISS, PASSAGE_VECTORS, SENTENCE_FAISS, SENTENCE_VECTORS, TOKENS


@dataclass(frozen=True)
class WriteResult:
    """What a writer wrote: counts, the BM25 vocabulary (for the lexicon) and the manifest sections it owns."""

    chunk_count: int
    sentence_count: int
    vocabulary: frozenset[str]
    dense: dict
    backend: dict


class LocalWriter:
    """Stages a local index: the kept part of a base index (if any) followed by the added batches.

    Args:
        staged: an empty staging folder (published by the caller once everything is written).
        dense: which FAISS indexes to build.
        base: an existing local index folder whose documents are kept unless removed.
    """

    def __init__(self, staged: Path, dense: DenseSettings = DenseSettings(), base: Path | None = None) -> None:
        self.staged, self.dense, self.base = Path(staged), dense, base
        self._batches: list[Batch] = []
        self._removed: set[str] = set()

    def add(self, batch: Batch) -> None:
        self._batches.append(batch)

    def remove(self, doc_ids: Sequence[str]) -> None:
        self._removed.update(doc_ids)

    def _kept_base(self) -> tuple[list[Chunk], np.ndarray, np.ndarray, list[list[str]]]:
        """The base index's chunks not removed, with their passage rows, sentence rows (renumbered) and tokens."""
        if self.base is None:
            return [], np.zeros(0, np.int64), np.zeros(0, np.int64), []
        chunks = [Chunk.from_json(row) for row in read_jsonl(self.base / CHUNKS)]
        tokens = [row["tokens"] for row in read_jsonl(self.base / TOKENS)]
        keep = [i for i, c in enumerate(chunks) if c.doc not in self._removed]
        old_sentences = sorted({sid for i in keep for sid in chunks[i].sentence_ids})
        new_id = {old: new for new, old in enumerate(old_sentences)}
        kept = [replace(chunks[i], sentence_ids=tuple(new_id[s] for s in chunks[i].sentence_ids)) for i in keep]
        return kept, np.asarray(keep, np.int64), np.asarray(old_sentences, np.int64), [tokens[i] for i in keep]

    def finish(self) -> WriteResult:
        """Write every file of the local index into the staging folder."""
        import faiss

        chunks, passage_rows, sentence_rows, tokens = self._kept_base()
        passages: list[np.ndarray] = []
        sentences: list[np.ndarray] = []
        if self.base is not None:
            passages.append(np.load(self.base / PASSAGE_VECTORS, mmap_mode="r")[passage_rows])
            sentences.append(np.load(self.base / SENTENCE_VECTORS, mmap_mode="r")[sentence_rows])
        offset = len(sentence_rows)
        for batch in self._batches:
            chunks += [replace(c, sentence_ids=tuple(offset + s for s in c.sentence_ids)) for c in batch.chunks]
            passages.append(batch.passage_vectors)
            sentences.append(batch.sentence_vectors)
            tokens += batch.tokens
            offset += len(batch.sentence_vectors)
        dim = next((v.shape[1] for v in passages if v.ndim == 2 and v.size), 0)
        passage_matrix = _stack(passages, dim)
        sentence_matrix = _stack(sentences, dim)

        (self.staged / "vectors").mkdir(exist_ok=True)
        (self.staged / "faiss").mkdir(exist_ok=True)
        write_jsonl(self.staged / CHUNKS, (c.to_json() for c in chunks))
        write_jsonl(self.staged / TOKENS, ({"chunk_id": c.chunk_id, "tokens": t} for c, t in zip(chunks, tokens)))
        np.save(self.staged / PASSAGE_VECTORS, passage_matrix, allow_pickle=False)
        np.save(self.staged / SENTENCE_VECTORS, sentence_matrix, allow_pickle=False)
        passage_index, passage_kind = build_faiss(passage_matrix, self.dense)
        sentence_index, sentence_kind = build_faiss(sentence_matrix, self.dense)
        faiss.write_index(passage_index, str(self.staged / PASSAGE_FAISS))
        faiss.write_index(sentence_index, str(self.staged / SENTENCE_FAISS))
        bm25 = build_bm25(tokens)
        save_bm25(bm25, self.staged / BM25)
        return WriteResult(
            chunk_count=len(chunks),
            sentence_count=len(sentence_matrix),
            vocabulary=frozenset(t for t in bm25.vocab_dict if t),
            dense={**self.dense.to_json(), "built": passage_kind, "sentences_built": sentence_kind},
            backend={"kind": "local"},
        )


def _stack(parts: list[np.ndarray], dim: int) -> np.ndarray:
    parts = [np.asarray(p, dtype=np.float32).reshape(-1, dim) for p in parts if len(p)]
    return np.ascontiguousarray(np.concatenate(parts) if parts else np.zeros((0, dim), np.float32))


def write_lexicon(folder: Path, lexicon: dict) -> None:
    (folder / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
