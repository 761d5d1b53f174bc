"""Load-time consistency checks of a local index: vectorised over the row arrays, sampled over chunk lines.

Every array is checked against the others in bulk (counts, shapes, ranges). Chunk lines are parsed for the
first and last chunk of every document (a damaged line, a chunk that points outside the index); the rest
are parsed when a query fetches them.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from index.records import Chunk


def check_local(folder: Path, table, chunks, passages, sentences, passage_index, sentence_index, bm25) -> None:
    """Raise ValueError naming the file and what disagrees."""
    from index.store.local import CHUNKS, PASSAGE_FAISS, PASSAGE_VECTORS, SENTENCE_FAISS, SENTENCE_VECTORS

    n, m, a = table.count, table.sentence_count, table.a
    _check_table(table)
    _check_sample(table, chunks)
    size = (folder / CHUNKS).stat().st_size
    if size != int(a["offsets"][-1]):
        raise ValueError(f"{CHUNKS} holds {size} bytes, its row offsets end at {int(a['offsets'][-1])}")
    texts = chunks.bigrams.texts
    if texts is not None:
        from index.store.ngrams import TEXTS

        size, ends = (folder / TEXTS).stat().st_size, texts.offsets
        if len(ends) != n + 1 or int(ends[-1]) != size or (len(ends) > 1 and np.any(ends[1:] < ends[:-1])):
            raise ValueError(f"{TEXTS} holds {size} bytes, its {len(ends) - 1} row offsets end at {int(ends[-1])}; "
                             f"{CHUNKS} holds {n} chunks")
    found = {PASSAGE_VECTORS: len(passages), PASSAGE_FAISS: int(passage_index.ntotal)}
    found |= {f"bm25/{name}".rstrip("/"): int(model.scores["num_docs"]) for name, model in bm25.parts()}
    for name, count in found.items():
        if count != n:
            raise ValueError(f"{name} holds {count} chunks, {CHUNKS} holds {n}")
    if len(sentences) != m or int(sentence_index.ntotal) != m:
        raise ValueError(f"{SENTENCE_VECTORS} holds {len(sentences)} sentences and {SENTENCE_FAISS} "
                         f"{sentence_index.ntotal}, the row table {m}")
    if passages.ndim != 2 or sentences.ndim != 2 or passages.shape[1:] != sentences.shape[1:]:
        raise ValueError(f"sentence vectors and passage vectors have shapes {passages.shape} and {sentences.shape}")
    if passages.dtype != np.float32 or sentences.dtype != np.float16:
        raise ValueError(f"vectors have types {passages.dtype} and {sentences.dtype}, not float32 and float16")
    if passage_index.d != passages.shape[1] or sentence_index.d != passages.shape[1]:
        raise ValueError(f"{PASSAGE_FAISS} has dimension {passage_index.d}, the vectors {passages.shape[1]}")


def _check_table(table) -> None:
    n, m, a = table.count, table.sentence_count, table.a
    docs = len(table.docs)
    shapes = {"doc_rows": docs + 1, "doc_sentences": docs + 1, "speaker": n, "kind": n, "offsets": n + 1,
              "sentence_ptr": n + 1, "owner_ptr": m + 1}
    for name, length in shapes.items():
        if a[name].ndim != 1 or len(a[name]) != length:
            raise ValueError(f"rows/{name}.npy holds {len(a[name])} entries, expected {length}")
    for name in ("doc_rows", "doc_sentences", "offsets", "sentence_ptr", "owner_ptr"):
        if a[name][0] != 0 or (len(a[name]) > 1 and (np.diff(a[name]) < 0).any()):
            raise ValueError(f"rows/{name}.npy is not an increasing table from 0")
    if int(a["sentence_ptr"][-1]) != len(a["sentence_ids"]) or int(a["owner_ptr"][-1]) != len(a["owners"]):
        raise ValueError("rows/sentence_ptr.npy or rows/owner_ptr.npy disagrees with the arrays it indexes")
    if len(a["sentence_ids"]) and not 0 <= int(np.min(a["sentence_ids"])) <= int(np.max(a["sentence_ids"])) < m:
        raise ValueError("rows/sentence_ids.npy has sentence ids outside the index")
    if len(a["owners"]) and not 0 <= int(np.min(a["owners"])) <= int(np.max(a["owners"])) < n:
        raise ValueError("rows/owners.npy has rows outside the index")
    if n and (int(a["speaker"].max()) >= len(table.speakers) or int(a["kind"].max()) >= len(table.kinds)
              or int(a["speaker"].min()) < 0 or int(a["kind"].min()) < 0):
        raise ValueError("rows/speaker.npy or rows/kind.npy has codes without names")
    if len(set(table.docs)) != docs:
        raise ValueError("rows/docs.json repeats a document")


def _check_sample(table, chunks) -> None:
    """Parse the first and last chunk line of every document and check them against the row table."""
    from index.store.local import CHUNKS

    a = table.a
    rows = sorted({int(r) for r in a["doc_rows"][:-1]} | {int(r) - 1 for r in a["doc_rows"][1:]})
    for row in rows:
        if row < 0 or row >= table.count:
            continue
        line = chunks.line(row)
        if not line:
            continue  # past the end of a truncated file: the size check names it
        try:
            data = json.loads(line)
        except ValueError:
            raise ValueError(f"{CHUNKS}: line {row + 1} is not valid JSON") from None
        try:
            chunk = chunks.chunk(row) if isinstance(data, dict) else None
        except KeyError as error:
            raise ValueError(f"{CHUNKS}: chunk on line {row + 1} names an unknown document {error}") from None
        except (TypeError, ValueError) as error:
            raise ValueError(f"cannot read index file {CHUNKS} (line {row + 1}: {error})") from None
        if chunk is None:
            raise ValueError(f"cannot read index file {CHUNKS} (line {row + 1} is not an object)")
        _check_chunk(chunk, row, table)


def _check_chunk(chunk: Chunk, row: int, table) -> None:
    """A citation or highlight must never point outside the index."""
    numbers = (chunk.line_start, chunk.line_end, *chunk.sentence_ids)
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in numbers):
        raise ValueError(f"chunk {chunk.chunk_id!r} has non-integer line numbers or sentence ids")
    if table.ids([row])[0] != chunk.chunk_id:
        raise ValueError(f"chunk {chunk.chunk_id!r} is on the row of {table.ids([row])[0]!r}")
    if not 0 < chunk.line_start <= chunk.line_end:
        raise ValueError(f"chunk {chunk.chunk_id!r} has bad line numbers")
    if list(chunk.sentence_ids) != table.sentences_of(row).tolist():
        raise ValueError(f"chunk {chunk.chunk_id!r} has sentence ids that disagree with the row table")
    if len(chunk.sentence_spans) != len(chunk.sentence_ids) or any(
        not 0 <= s <= e <= len(chunk.text) for s, e in chunk.sentence_spans
    ):
        raise ValueError(f"chunk {chunk.chunk_id!r} has bad sentence offsets")
