"""The fielded BM25 index of a local build, written from the token ids on disk with bounded memory.

The same index as ``FieldedBm25.build_ids`` (index/store/bm25.py: one bm25s model per field, scores equal to the
last bit), built without holding the token ids or the posting lists in memory:

1. one pass over blocks of passages finds each block's distinct (passage, token) pairs with their counts, adds
   them to the document frequencies and the passages' lengths per field, and appends them to bucket files by
   token id range;
2. each bucket in turn (token order, so column order) is sorted by token (passages stay in order), scored, and
   appended to its field's posting arrays, written straight into the bm25s files.

Memory stays at one block of passages or one bucket, whichever is larger, however large the collection.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import numpy as np

from index.store.bm25 import EMPTY, FIELD_DIRS, K1, B, _model, save_bm25
from index.store.bm25_topk import save_column_max
from index.store.files import NpyAppender
from index.tokenize import TERM_WEIGHTS, prefix_of

BLOCK = 1 << 13  # passages per block of the first pass
BUCKETS = 256  # token id ranges of the second pass
BUCKET_LIMIT = 1 << 22  # entries sorted at a time in the second pass (a bucket with more is read in token ranges)
DATA, INDICES = "data.csc.index.npy", "indices.csc.index.npy"


def write_fielded_bm25(ids: np.ndarray, offsets: np.ndarray, vocabulary: list[str], folder: Path,
                       block: int = BLOCK, progress: Callable[[int, int], None] | None = None,
                       save: Callable[[object, Path], None] = save_bm25) -> frozenset[str]:
    """Write the fielded BM25 index of passages given as token ids into folder (the exact terms' model in folder
    itself, each other field's in its FIELD_DIRS subfolder).

    Args:
        ids: every passage's token ids (vocabulary indexes), concatenated; may be memory-mapped.
        offsets: int64, passages + 1: passage i's tokens are ids[offsets[i]:offsets[i + 1]].
        vocabulary: the token of each id ('' must not be one).
        folder: the BM25 folder to create.
        block: passages per block (memory).
        progress: receives (passages done, passages) during the first pass.
        save: writes a bm25s model's files into a folder (index.store.bm25.save_bm25).

    Returns:
        Every term of every field (what FieldedBm25.vocabulary() gives).
    """
    offsets = np.asarray(offsets, dtype=np.int64)
    n, width = len(offsets) - 1, max(len(vocabulary), 1)
    if EMPTY in vocabulary:
        raise ValueError("the empty string cannot be a BM25 token")
    prefixes = list(TERM_WEIGHTS)
    field_of = np.asarray([prefixes.index(prefix_of(t)) for t in vocabulary], dtype=np.int64)
    tmp = Path(folder).parent / f".{Path(folder).name}-buckets"
    tmp.mkdir(parents=True)
    try:
        df, lengths = _bucket_pass(ids, offsets, field_of, len(prefixes), width, tmp, block, progress)
        return _write_fields(df, lengths, field_of, prefixes, vocabulary, n, width, tmp, Path(folder), save)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def read_slice(array: np.ndarray, start: int, stop: int) -> np.ndarray:
    """array[start:stop] of a 1-D array; a memory-mapped one is read with a plain file read, so that a pass over a
    large file does not leave its pages in the process's resident memory."""
    if not isinstance(array, np.memmap) or array.ndim != 1:
        return np.asarray(array[start:stop])
    count = max(0, min(stop, len(array)) - start)
    with open(array.filename, "rb") as handle:
        return np.fromfile(handle, dtype=array.dtype, count=count, offset=array.offset + start * array.itemsize)


def _bucket_span(width: int) -> int:
    return max(1, -(-width // BUCKETS))


def _bucket_pass(ids, offsets, field_of, fields: int, width: int, tmp: Path, block: int, progress):
    """Document frequencies (per token) and lengths (per field and passage); entries written to bucket files."""
    n = len(offsets) - 1
    df = np.zeros(width, np.int64)
    lengths = np.zeros((fields, n), np.int64)
    span = _bucket_span(width)
    for start in range(0, n, block):
        stop = min(n, start + block)
        size = stop - start
        tokens = read_slice(ids, int(offsets[start]), int(offsets[stop])).astype(np.int64)
        docs = np.repeat(np.arange(size, dtype=np.int64), np.diff(offsets[start : stop + 1]))
        lengths[:, start:stop] = np.bincount(field_of[tokens] * size + docs, minlength=fields * size).reshape(fields, size)
        keys, tf = np.unique(tokens * size + docs, return_counts=True)  # by token, then passage
        del tokens, docs
        column, doc = np.divmod(keys, size)
        del keys
        df += np.bincount(column, minlength=width)
        edges = np.searchsorted(column, np.arange(span, width, span))
        for bucket, (a, b) in enumerate(zip(np.concatenate([[0], edges]), np.concatenate([edges, [len(column)]]))):
            if b > a:
                rows = np.stack([doc[a:b] + start, column[a:b], tf[a:b]], axis=1).astype(np.int32)
                with open(tmp / f"{bucket:05d}.bin", "ab") as handle:
                    handle.write(rows.tobytes())
        if progress is not None:
            progress(stop, n)
    return df, lengths


def _write_fields(df, lengths, field_of, prefixes, vocabulary, n: int, width: int, tmp: Path, folder: Path, save):
    """Score each bucket's entries and append them to their field's posting files; then each field's indptr,
    vocabulary and parameters (bm25s' own save)."""
    present = df > 0
    fields = []
    for index, prefix in enumerate(prefixes):
        mask = present & (field_of == index)
        if prefix and not mask.any():
            continue
        target = folder / FIELD_DIRS[prefix] if prefix else folder
        target.mkdir(parents=True, exist_ok=True)
        columns = np.flatnonzero(mask)
        column_of = np.full(width, -1, np.int64)
        column_of[columns] = np.arange(len(columns))
        blank = np.flatnonzero(lengths[index] == 0)
        doc_length = np.maximum(lengths[index], 1).astype(np.float64)
        field_df = df[columns]
        if len(blank):
            field_df = np.append(field_df, len(blank))
        fields.append({
            "index": index, "target": target, "columns": columns, "column_of": column_of, "blank": blank,
            "df": field_df, "idf": np.log(1.0 + (n - field_df + 0.5) / (field_df + 0.5)), "doc_length": doc_length,
            "avg": float(doc_length.mean()) if n else 1.0,
            "data": NpyAppender(target / f".{DATA}", np.float32), "indices": NpyAppender(target / f".{INDICES}", np.int32),
            "max": np.zeros(len(field_df), np.float32),
        })
    by_index = {f["index"]: f for f in fields}
    span = _bucket_span(width)
    for name in sorted(os.listdir(tmp)):
        first = int(name.split(".")[0]) * span
        for lo, hi in _ranges(df, first, min(first + span, width)):
            rows = _bucket_rows(tmp / name, lo, hi)
            order = np.argsort(rows[:, 1], kind="stable")  # by token; passages stay in order within each
            doc, token, tf = (rows[order, i].astype(np.int64) for i in range(3))
            del rows, order
            token_field = field_of[token]
            for index in np.unique(token_field).tolist():
                f = by_index[index]
                keep = token_field == index
                _append(f, doc[keep], f["column_of"][token[keep]], tf[keep].astype(np.float64))
        (tmp / name).unlink()
    terms: set[str] = set()
    for f in fields:
        vocab = [vocabulary[int(i)] for i in f["columns"]]
        if len(f["blank"]):  # bm25s gives an empty passage the token '' once
            _append(f, f["blank"], np.full(len(f["blank"]), len(vocab), np.int64), np.ones(len(f["blank"])))
            vocab.append(EMPTY)
        f["data"].close()
        f["indices"].close()
        indptr = np.zeros(len(f["df"]) + 1, np.int64)
        np.cumsum(f["df"], out=indptr[1:])
        empty = np.zeros(0, np.float32)
        save(_model(empty, empty.astype(np.int32), indptr, n, {t: i for i, t in enumerate(vocab)}), f["target"])
        os.replace(f["target"] / f".{DATA}", f["target"] / DATA)
        os.replace(f["target"] / f".{INDICES}", f["target"] / INDICES)
        save_column_max(f["target"], f["max"])
        terms.update(t for t in vocab if t)
    return frozenset(terms)


def _ranges(df: np.ndarray, lo: int, hi: int, limit: int = BUCKET_LIMIT) -> list[tuple[int, int]]:
    """Token ranges [a, b) covering [lo, hi), each with at most limit entries (or a single token)."""
    out, start, total = [], lo, 0
    for token in range(lo, hi):
        if total and total + int(df[token]) > limit:
            out.append((start, token))
            start, total = token, 0
        total += int(df[token])
    out.append((start, hi))
    return out


def _bucket_rows(path: Path, lo: int, hi: int, piece: int = 1 << 22) -> np.ndarray:
    """The (passage, token, count) rows of a bucket file whose token is in [lo, hi), read a piece at a time."""
    parts = []
    with open(path, "rb") as handle:
        while True:
            rows = np.fromfile(handle, dtype=np.int32, count=3 * piece).reshape(-1, 3)
            if not len(rows):
                break
            keep = (rows[:, 1] >= lo) & (rows[:, 1] < hi)
            parts.append(rows if keep.all() else rows[keep])
    return np.concatenate(parts) if parts else np.zeros((0, 3), np.int32)


def _append(field: dict, doc: np.ndarray, column: np.ndarray, tf: np.ndarray) -> None:
    scale = K1 * ((1 - B) + B * field["doc_length"][doc] / field["avg"])
    scores = (field["idf"][column] * tf / (scale + tf)).astype(np.float32)
    field["data"].append(scores)
    field["indices"].append(doc)
    if len(column):  # each column's largest score (columns come sorted, each list whole in one call)
        starts = np.flatnonzero(np.concatenate([[True], column[1:] != column[:-1]]))
        field["max"][column[starts]] = np.maximum(field["max"][column[starts]], np.maximum.reduceat(scores, starts))
