"""The local backend, write side: streams documents into a staging folder with bounded memory.

Documents arrive as Batches (index/store/base.py) and are appended to the files at once: chunk lines,
passage vectors (float32), sentence vectors (float16), token ids, row codes and bigram pairs. An index
given as ``base`` has its kept documents copied first, byte ranges and array slices as they are (nothing is
embedded or tokenized again). ``finish`` then builds FAISS (an IVF reuses the base's trained cells), BM25
and the bigram index from the files.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np

from index.records import Chunk
from index.store.base import Batch
from index.store.bm25 import save_bm25
from index.store.bm25_build import read_slice, write_fielded_bm25
from index.store.faiss_dense import DenseSettings, build_faiss, empty_like
from index.store.files import NpyAppender, NpyRows, copy_rows
from index.store.local import (
    BM25,
    CHUNKS,
    PASSAGE_FAISS,
    PASSAGE_VECTORS,
    SENTENCE_FAISS,
    SENTENCE_VECTORS,
    TOKEN_IDS,
    TOKEN_OFFSETS,
    TOKEN_VOCAB,
)
from index.store.ngrams import BigramWriter, bigram_pairs, fold_text
from index.store.rows import DOCS, RowTable, chunk_id

Progress = Callable[[str, int, int], None]  # (step, done, total)
CHUNK_FIELDS = tuple(f.name for f in fields(Chunk))


@dataclass(frozen=True)
class WriteResult:
    """What a writer wrote: counts, the BM25 vocabulary (for the lexicon) and the manifest sections it owns."""

    chunk_count: int
    sentence_count: int
    vocabulary: frozenset[str]
    dense: dict
    backend: dict


class LocalWriter:
    """Stages a local index: the kept documents of a base index (if any), then the added batches.

    Args:
        staged: an empty staging folder (published by the caller once everything is written).
        dense: which FAISS indexes to build.
        base: an existing local index folder whose documents are kept unless removed (call remove() first).
        progress: receives (step, done, total) while FAISS and BM25 are built.
    """

    def __init__(self, staged: Path, dense: DenseSettings = DenseSettings(), base: Path | None = None,
                 progress: Progress | None = None) -> None:
        self.staged, self.dense, self.base = Path(staged), dense, base
        self.progress = progress or (lambda step, done, total: None)
        self._removed: set[str] = set()
        self._started = False
        self.rows = 0
        self.sentences = 0

    # --- streaming ---------------------------------------------------------------------------------

    def remove(self, doc_ids: Sequence[str]) -> None:
        if self._started:
            raise RuntimeError("remove() must come before add()")
        self._removed.update(doc_ids)

    def _start(self, dim: int | None) -> None:
        self._started = True
        for folder in ("vectors", "faiss", "rows", "tokens"):
            (self.staged / folder).mkdir(exist_ok=True)
        self._chunks = open(self.staged / CHUNKS, "wb")
        self._bytes = 0
        self._offsets: list[np.ndarray] = [np.zeros(1, np.int64)]
        self._sentence_counts: list[np.ndarray] = []
        self._sentence_ids = NpyAppender(self.staged / "rows/sentence_ids.npy", np.int32)
        self._token_ids = NpyAppender(self.staged / TOKEN_IDS, np.int32)
        self._token_counts: list[np.ndarray] = []
        self._vocab: dict[str, int] = {}
        self._speakers: dict[str, int] = {}
        self._kinds: dict[str, int] = {}
        self._speaker_codes: list[np.ndarray] = []
        self._kind_codes: list[np.ndarray] = []
        self._docs: list[tuple[str, int, int]] = []  # (doc, first row, first sentence)
        self._bigrams = BigramWriter(self.staged)
        self.dim = dim
        self._passages = self._sentences = None
        if self.base is not None:
            self._copy_base()

    def _vectors(self, dim: int) -> None:
        if self._passages is None:
            self.dim = dim
            self._passages = NpyAppender(self.staged / PASSAGE_VECTORS, np.float32, dim)
            self._sentences = NpyAppender(self.staged / SENTENCE_VECTORS, np.float16, dim)

    def add(self, batch: Batch) -> None:
        """Append a batch of whole documents (their ids must not be in the index: remove them first)."""
        if not self._started:
            self._start(None)
        if not batch.chunks:
            return
        self._vectors(int(batch.passage_vectors.shape[1]))
        taken = {doc for doc, _, _ in self._docs}
        docs: dict[str, list[int]] = {}
        for i, chunk in enumerate(batch.chunks):
            docs.setdefault(chunk.doc, []).append(i)
        for doc, members in docs.items():
            if doc in taken:
                raise ValueError(f"document {doc!r} is already in the index; remove it first")
            if members != list(range(members[0], members[-1] + 1)):
                raise ValueError(f"the chunks of document {doc!r} are not contiguous in the batch")
            self._add_doc(batch, doc, members)

    def _add_doc(self, batch: Batch, doc: str, members: list[int]) -> None:
        chunks = [batch.chunks[i] for i in members]
        sids = [s for c in chunks for s in c.sentence_ids]
        first = min(sids, default=0)
        count = (max(sids) + 1 - first) if sids else 0
        self._docs.append((doc, self.rows, self.sentences))
        lines = []
        for number, chunk in enumerate(chunks):
            if chunk.chunk_id != chunk_id(doc, number):
                raise ValueError(f"chunk {chunk.chunk_id!r} should be numbered {chunk_id(doc, number)!r}")
            row = {name: getattr(chunk, name) for name in CHUNK_FIELDS}  # (dataclasses.asdict deep-copies: slow)
            row["sentence_ids"] = [s - first for s in chunk.sentence_ids]
            if not chunk.context:
                del row["context"]  # most passages have none: their stored form is as it was (Chunk.to_json)
            lines.append((json.dumps(row, ensure_ascii=False) + "\n").encode())
        self._write_lines(lines)
        self._passages.append(batch.passage_vectors[members[0] : members[-1] + 1])
        self._sentences.append(batch.sentence_vectors[first : first + count])
        self._sentence_counts.append(np.asarray([len(c.sentence_ids) for c in chunks], np.int64))
        self._sentence_ids.append(np.asarray([s - first + self.sentences for s in sids], np.int32))
        tokens = [batch.tokens[i] for i in members]
        vocab, speakers, kinds = self._vocab, self._speakers, self._kinds
        self._token_ids.append(np.asarray([vocab.setdefault(t, len(vocab)) for ts in tokens for t in ts], np.int32))
        self._token_counts.append(np.asarray([len(ts) for ts in tokens], np.int64))
        self._speaker_codes.append(np.asarray([speakers.setdefault(c.speaker, len(speakers)) for c in chunks], np.int32))
        self._kind_codes.append(np.asarray([kinds.setdefault(c.kind, len(kinds)) for c in chunks], np.int16))
        folded = [fold_text(c.text) for c in chunks]
        self._bigrams.add(*bigram_pairs(folded, self.rows))
        self._bigrams.add_texts(folded)
        self.rows += len(chunks)
        self.sentences += count

    def _write_lines(self, lines: list[bytes]) -> None:
        sizes = np.fromiter((len(line) for line in lines), dtype=np.int64, count=len(lines))
        self._offsets.append(self._bytes + np.cumsum(sizes))
        self._chunks.write(b"".join(lines))
        self._bytes += int(sizes.sum())

    def _copy_base(self) -> None:
        """Copy the base index's kept documents: chunk lines, vectors, tokens, codes and bigrams as they are."""
        base = self.base
        table = RowTable(base)
        a = table.a
        passages = np.load(base / PASSAGE_VECTORS, mmap_mode="r", allow_pickle=False)
        sentences = np.load(base / SENTENCE_VECTORS, mmap_mode="r", allow_pickle=False)
        self._vectors(int(passages.shape[1]))
        token_ids = np.load(base / TOKEN_IDS, mmap_mode="r", allow_pickle=False)
        token_offsets = np.load(base / TOKEN_OFFSETS, allow_pickle=False)
        vocab = json.loads((base / TOKEN_VOCAB).read_text(encoding="utf-8"))
        vocab_map = np.asarray([self._vocab.setdefault(t, len(self._vocab)) for t in vocab], np.int32)
        speaker_map = np.asarray([self._speakers.setdefault(s, len(self._speakers)) for s in table.speakers], np.int32)
        kind_map = np.asarray([self._kinds.setdefault(k, len(self._kinds)) for k in table.kinds], np.int16)
        row_map = np.full(table.count, -1, dtype=np.int64)
        with open(base / CHUNKS, "rb") as source:
            for index, doc in enumerate(table.docs):
                if doc in self._removed:
                    continue
                r0, r1 = int(a["doc_rows"][index]), int(a["doc_rows"][index + 1])
                s0, s1 = int(a["doc_sentences"][index]), int(a["doc_sentences"][index + 1])
                self._docs.append((doc, self.rows, self.sentences))
                row_map[r0:r1] = np.arange(self.rows, self.rows + r1 - r0)
                b0, b1 = int(a["offsets"][r0]), int(a["offsets"][r1])
                source.seek(b0)
                self._chunks.write(source.read(b1 - b0))
                self._offsets.append(self._bytes + np.asarray(a["offsets"][r0 + 1 : r1 + 1], np.int64) - b0)
                self._bytes += b1 - b0
                copy_rows(passages, [(r0, r1)], self._passages)
                copy_rows(sentences, [(s0, s1)], self._sentences)
                p0, p1 = int(a["sentence_ptr"][r0]), int(a["sentence_ptr"][r1])
                self._sentence_counts.append(np.diff(np.asarray(a["sentence_ptr"][r0 : r1 + 1], np.int64)))
                self._sentence_ids.append(np.asarray(a["sentence_ids"][p0:p1], np.int64) - s0 + self.sentences)
                t0, t1 = int(token_offsets[r0]), int(token_offsets[r1])
                self._token_ids.append(vocab_map[np.asarray(token_ids[t0:t1], np.int64)])
                self._token_counts.append(np.diff(token_offsets[r0 : r1 + 1]))
                self._speaker_codes.append(speaker_map[a["speaker"][r0:r1]])
                self._kind_codes.append(kind_map[a["kind"][r0:r1]])
                self.rows += r1 - r0
                self.sentences += s1 - s0
        with open(base / CHUNKS, "rb") as source:  # folded again only for a base index without ngrams/texts.bin
            def text_of(row: int) -> str:
                start, end = int(a["offsets"][row]), int(a["offsets"][row + 1])
                return fold_text(json.loads(os.pread(source.fileno(), end - start, start))["text"])

            self._bigrams.add_base(base, row_map, text_of=text_of)

    # --- finishing ---------------------------------------------------------------------------------

    def finish(self) -> WriteResult:
        """Close the streamed files and build FAISS, BM25 and the row files in the staging folder."""
        import faiss

        if not self._started:
            self._start(None)
        if self._passages is None:
            raise ValueError("an index needs at least one document")
        self._chunks.close()
        for appender in (self._passages, self._sentences, self._sentence_ids, self._token_ids):
            appender.close()
        self._write_rows()
        self._bigrams.finish()
        trained = self._base_ivf()
        passages = NpyRows(self.staged / PASSAGE_VECTORS)  # read in blocks, not mapped: memory stays bounded
        sentences = NpyRows(self.staged / SENTENCE_VECTORS)
        passage_index, passage_kind = build_faiss(passages, self.dense, trained=trained,
                                                  log=lambda done, total: self.progress("passage index", done, total))
        faiss.write_index(passage_index, str(self.staged / PASSAGE_FAISS))
        del passage_index
        sentence_index, sentence_kind = build_faiss(sentences, self.dense, nprobe=self.dense.sentence_nprobe,
                                                    log=lambda done, total: self.progress("sentence index", done, total))
        faiss.write_index(sentence_index, str(self.staged / SENTENCE_FAISS))
        del sentence_index
        self.progress("BM25 index", 0, self.rows)
        vocabulary = self._write_bm25()
        return WriteResult(
            chunk_count=self.rows,
            sentence_count=self.sentences,
            vocabulary=vocabulary,
            dense={**self.dense.to_json(), "built": passage_kind, "sentences_built": sentence_kind},
            backend={"kind": "local"},
        )

    def _base_ivf(self):
        """The base index's trained IVF cells (empty), when the base has them and the collection has not grown 4x."""
        if self.base is None or self.dense.resolve(self.rows) != "ivf":
            return None
        import faiss

        try:
            base = faiss.read_index(str(self.base / PASSAGE_FAISS))
        except RuntimeError:
            return None
        return empty_like(base) if base.ntotal * 4 >= self.rows else None

    def _write_rows(self) -> None:
        rows = self.staged / "rows"
        offsets = np.concatenate(self._offsets)
        np.save(rows / "offsets.npy", offsets, allow_pickle=False)
        counts = np.concatenate(self._sentence_counts) if self._sentence_counts else np.zeros(0, np.int64)
        pointer = np.zeros(len(counts) + 1, np.int64)
        np.cumsum(counts, out=pointer[1:])
        np.save(rows / "sentence_ptr.npy", pointer, allow_pickle=False)
        members = np.load(rows / "sentence_ids.npy", allow_pickle=False).astype(np.int64)
        owners = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
        order = np.argsort(members, kind="stable")
        owner_counts = np.bincount(members, minlength=self.sentences)
        owner_ptr = np.zeros(self.sentences + 1, np.int64)
        np.cumsum(owner_counts, out=owner_ptr[1:])
        np.save(rows / "owner_ptr.npy", owner_ptr, allow_pickle=False)
        np.save(rows / "owners.npy", owners[order].astype(np.int32), allow_pickle=False)
        np.save(rows / "speaker.npy", _cat(self._speaker_codes, np.int32), allow_pickle=False)
        np.save(rows / "kind.npy", _cat(self._kind_codes, np.int16), allow_pickle=False)
        doc_rows = np.asarray([r for _, r, _ in self._docs] + [self.rows], np.int64)
        doc_sentences = np.asarray([s for _, _, s in self._docs] + [self.sentences], np.int64)
        np.save(rows / "doc_rows.npy", doc_rows, allow_pickle=False)
        np.save(rows / "doc_sentences.npy", doc_sentences, allow_pickle=False)
        meta = {"docs": [d for d, _, _ in self._docs], "speakers": list(self._speakers), "kinds": list(self._kinds)}
        (self.staged / DOCS).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        token_counts = _cat(self._token_counts, np.int64)
        token_offsets = np.zeros(len(token_counts) + 1, np.int64)
        np.cumsum(token_counts, out=token_offsets[1:])
        np.save(self.staged / TOKEN_OFFSETS, token_offsets, allow_pickle=False)

    def _write_bm25(self, block: int = 1 << 24) -> frozenset[str]:
        """The stored vocabulary (tokens of removed documents dropped) and the fielded BM25 index, both streamed
        from the token ids file (index/store/bm25_build.py): memory stays bounded."""
        ids = np.load(self.staged / TOKEN_IDS, mmap_mode="r", allow_pickle=False)
        offsets = np.load(self.staged / TOKEN_OFFSETS, allow_pickle=False)
        vocabulary = list(self._vocab)
        used = np.zeros(len(vocabulary), bool)
        for start in range(0, len(ids), block):
            used[read_slice(ids, start, start + block)] = True
        del ids
        if not used.all():  # tokens of removed documents are dropped from the stored vocabulary
            remap = np.full(len(vocabulary), -1, np.int32)
            remap[used] = np.arange(int(used.sum()), dtype=np.int32)
            source = np.load(self.staged / TOKEN_IDS, mmap_mode="r", allow_pickle=False)
            out = NpyAppender(self.staged / f"{TOKEN_IDS}.new", np.int32)
            for start in range(0, len(source), block):
                out.append(remap[read_slice(source, start, start + block)])
            out.close()
            del source
            (self.staged / f"{TOKEN_IDS}.new").replace(self.staged / TOKEN_IDS)
            vocabulary = [vocabulary[int(i)] for i in np.flatnonzero(used)]
        (self.staged / TOKEN_VOCAB).write_text(json.dumps(vocabulary, ensure_ascii=False), encoding="utf-8")
        ids = np.load(self.staged / TOKEN_IDS, mmap_mode="r", allow_pickle=False)
        return write_fielded_bm25(ids, offsets, vocabulary, self.staged / BM25,
                                  progress=lambda done, total: self.progress("BM25 index", done, total),
                                  save=lambda model, folder: save_bm25(model, folder))  # looked up at call time


def _cat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)


def write_lexicon(folder: Path, lexicon: dict) -> None:
    (folder / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")


def discard(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
