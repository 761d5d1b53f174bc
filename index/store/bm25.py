"""BM25 over jieba tokens in bm25s' file format: built with numpy from token ids, top-k from the posting lists.

The index is bm25s' (Lucene BM25, k1 1.5, b 0.75; a CSC matrix of precomputed scores, saved with bm25s,
no pickle; read back without bm25s by index/store/bm25_read.py). Building it from token ids with numpy gives
bm25s' scores about 10x faster than ``bm25s.BM25.index`` on a million passages. A query sums only the posting
lists of its terms, so its cost grows with how often the terms occur, not with the number of passages.

Tokens come in fields by prefix (index.tokenize.TERM_WEIGHTS: exact terms, ``py:`` pinyin, ``en:`` English
glosses); FieldedBm25 keeps one model per field, so each field has its own passage lengths and the
pinyin and English tokens leave the exact terms' scores as they are, and sums their weighted scores.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.store.bm25_read import StoredBm25, load_bm25  # noqa: F401 - reading is there, re-exported here
from index.store.bm25_topk import column_max, large, maxscore_top, posting_lists, save_column_max, top_of_lists
from index.tokenize import TERM_WEIGHTS, document_tokens, prefix_of

K1, B = 1.5, 0.75
EMPTY = ""  # the token of a passage with no tokens (as bm25s does), so every passage has a length


def _model(data, indices, indptr, num_docs: int, vocab: dict[str, int]):
    import bm25s

    model = bm25s.BM25(k1=K1, b=B, method="lucene")
    model.scores = {"data": data, "indices": indices, "indptr": indptr, "num_docs": int(num_docs)}
    model.vocab_dict = vocab
    model.nonoccurrence_array = None
    return model


def _entries(ids, offsets, column_of, width: int, empty: int, block: int):
    """(doc, column, term frequency) of every distinct (passage, token), a block of passages at a time, by doc."""
    n = len(offsets) - 1
    for start in range(0, n, block):
        stop = min(n, start + block)
        lengths = np.diff(offsets[start : stop + 1])
        docs = np.repeat(np.arange(start, stop, dtype=np.int64), lengths)
        tokens = column_of[np.asarray(ids[int(offsets[start]) : int(offsets[stop])], dtype=np.int64)]
        keys, tf = np.unique(docs * width + tokens, return_counts=True)
        doc, column = np.divmod(keys, width)
        blank = np.flatnonzero(lengths == 0) + start  # bm25s gives an empty passage the token '' once
        if len(blank):
            doc = np.concatenate([doc, blank])
            column = np.concatenate([column, np.full(len(blank), empty, np.int64)])
            tf = np.concatenate([tf, np.ones(len(blank), tf.dtype)])
        yield doc, column, tf


def build_bm25_ids(ids: np.ndarray, offsets: np.ndarray, vocabulary: list[str], block: int = 1 << 16):
    """A bm25s index from token ids: ids[offsets[i]:offsets[i+1]] are passage i's tokens (vocabulary indexes).

    Tokens that no passage uses are left out. Memory stays near the size of the result: the posting lists are
    filled in two passes over blocks of passages (counting, then placing), never sorted as a whole.
    """
    offsets = np.asarray(offsets, dtype=np.int64)
    n = len(offsets) - 1
    lengths = np.diff(offsets)
    present = np.bincount(np.asarray(ids), minlength=len(vocabulary)) > 0 if len(ids) else np.zeros(len(vocabulary), bool)
    vocabulary = [vocabulary[int(i)] for i in np.flatnonzero(present)]
    column_of = np.cumsum(present) - 1  # vocabulary id -> column among the used ones
    empty = -1
    if (lengths == 0).any():
        empty = vocabulary.index(EMPTY) if EMPTY in vocabulary else len(vocabulary)
        if empty == len(vocabulary):
            vocabulary.append(EMPTY)
    width = max(len(vocabulary), 1)
    df = np.zeros(width, np.int64)
    for _, column, _ in _entries(ids, offsets, column_of, width, empty, block):
        df += np.bincount(column, minlength=width)
    indptr = np.zeros(width + 1, np.int64)
    np.cumsum(df, out=indptr[1:])
    data = np.empty(int(indptr[-1]), np.float32)
    indices = np.empty(int(indptr[-1]), np.int32)
    filled = indptr[:-1].copy()
    idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))
    doc_length = np.maximum(lengths, 1).astype(np.float64)
    avg = float(doc_length.mean()) if n else 1.0
    for doc, column, tf in _entries(ids, offsets, column_of, width, empty, block):
        order = np.argsort(column, kind="stable")  # by column, passages in order within each
        doc, column, tf = doc[order], column[order], tf[order].astype(np.float64)
        first = np.concatenate([[True], column[1:] != column[:-1]])
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(column)), 0))
        position = filled[column] + (np.arange(len(column)) - group_start)
        data[position] = idf[column] * tf / (K1 * ((1 - B) + B * doc_length[doc] / avg) + tf)
        indices[position] = doc
        np.add.at(filled, column[first], np.diff(np.append(np.flatnonzero(first), len(column))))
    return _model(data, indices, indptr, n, {t: i for i, t in enumerate(vocabulary)})


def build_bm25(tokens: list[list[str]]):
    """A bm25s index over pre-tokenized passages (row order = passage rows)."""
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(t, len(vocabulary)) for doc in tokens for t in doc]
    offsets = np.zeros(len(tokens) + 1, dtype=np.int64)
    np.cumsum([len(doc) for doc in tokens], out=offsets[1:])
    return build_bm25_ids(np.asarray(ids, dtype=np.int64), offsets, list(vocabulary))


def build_bm25_texts(texts: list[str]) -> FieldedBm25:
    """A fielded BM25 index over the passage tokens (index.tokenize.document_tokens) of texts."""
    return FieldedBm25.build([document_tokens(t) for t in texts])


def save_bm25(model, folder: Path) -> None:
    """Save a model in bm25s' format, with its posting lists' largest scores (index/store/bm25_topk.py)."""
    model.save(str(folder), show_progress=False)
    data, indptr = model.scores["data"], model.scores["indptr"]
    if len(data) == int(indptr[-1]):  # (index/store/bm25_build.py saves the lists apart, and their maxima)
        save_column_max(folder, column_max(data, indptr))


def bm25_scores(model, query_tokens: list[str]) -> np.ndarray | None:
    """BM25 score of every document for the tokens, or None when no token is in the vocabulary."""
    known = [t for t in query_tokens if t in model.vocab_dict]
    if not known:
        return None
    return np.asarray(model.get_scores(known), dtype=np.float32)


def top_of_postings(
    docs: np.ndarray, weights: np.ndarray, k: int, allowed: np.ndarray | None = None, summed: bool = False,
    total: int = 0,
) -> list[tuple[int, float]]:
    """(row, score) of the top-k rows with a positive summed score, best first, ties by row.

    Args:
        docs, weights: posting entries (a row may repeat: its scores are summed).
        k: how many at most.
        allowed: optional bool array over rows (True: allowed), or a float mask (non-zero: allowed).
        summed: the rows are already distinct (one posting list).
        total: the number of rows (0: unknown); long posting lists are then summed in a dense array.
    """
    if allowed is not None and len(docs):
        keep = np.asarray(allowed[docs], dtype=bool)
        docs, weights = docs[keep], weights[keep]
    if not len(docs) or k <= 0:
        return []
    if summed:
        unique, scores = docs, weights
    elif total and len(docs) * 8 > total:  # long posting lists: one pass over a dense array is cheaper
        dense = np.bincount(docs, weights=weights, minlength=total)
        unique = np.flatnonzero(dense)
        scores = dense[unique].astype(np.float32)
    else:  # short ones: sort only the postings
        unique, inverse = np.unique(docs, return_inverse=True)
        scores = np.bincount(inverse, weights=weights).astype(np.float32)
    positive = scores > 0
    unique, scores = unique[positive], scores[positive]
    if len(scores) > k:
        cut = np.partition(scores, len(scores) - k)[len(scores) - k]  # the k-th best score
        keep = scores >= cut
        unique, scores = unique[keep], scores[keep]
    order = np.lexsort((unique, -scores))[:k]
    return [(int(unique[i]), float(scores[i])) for i in order]


def bm25_top(model, query_tokens: list[str], k: int, allowed: np.ndarray | None = None,
             span: tuple[int, int] | None = None) -> list[tuple[int, float]]:
    """(row, score) of the top-k documents with a positive score, best first, ties by row.

    Args:
        model: a bm25s index.
        query_tokens: tokens (repeats count, as in bm25s); those not in the vocabulary are ignored.
        k: how many at most.
        allowed: optional bool array over documents (True: allowed), or a float mask (non-zero: allowed).
        span: optional (start, stop): only documents in range(start, stop) (a document filter).
    """
    return _top(posting_lists(model, query_tokens, 1.0, span), k, int(model.scores["num_docs"]), allowed)


def _top(lists, k: int, total: int, allowed) -> list[tuple[int, float]]:
    """The top-k of the posting lists: MaxScore when they are long (it reads only part of them), else summed whole;
    the same result either way (index/store/bm25_topk.py)."""
    return maxscore_top(lists, k, total, allowed) if large(lists) else top_of_lists(lists, k, total, allowed)


FIELD_DIRS = {"py:": "pinyin", "en:": "english"}  # where each prefixed field's model is saved, inside bm25/


class FieldedBm25:
    """One bm25s model per kind of token (index.tokenize.TERM_WEIGHTS): exact terms, pinyin, English glosses.

    The exact model is saved in the BM25 folder itself (as before fields existed), each other field
    in a subfolder (FIELD_DIRS).
    """

    def __init__(self, models: dict[str, object]) -> None:
        self.models = models

    @classmethod
    def build_ids(cls, ids: np.ndarray, offsets: np.ndarray, vocabulary: list[str]) -> FieldedBm25:
        """The fields of passages given as token ids (see build_bm25_ids); every field has every passage."""
        ids = np.asarray(ids, dtype=np.int64)
        offsets = np.asarray(offsets, dtype=np.int64)
        n = len(offsets) - 1
        prefixes = list(TERM_WEIGHTS)
        field_of = np.asarray([prefixes.index(prefix_of(t)) for t in vocabulary], dtype=np.int64)
        token_field = field_of[ids] if len(ids) else np.zeros(0, np.int64)
        doc_of = np.repeat(np.arange(n, dtype=np.int64), np.diff(offsets))
        models = {}
        for index, prefix in enumerate(prefixes):
            mask = token_field == index
            if prefix and not mask.any():
                continue
            counts = np.bincount(doc_of[mask], minlength=n)
            field_offsets = np.zeros(n + 1, dtype=np.int64)
            np.cumsum(counts, out=field_offsets[1:])
            models[prefix] = build_bm25_ids(ids[mask], field_offsets, vocabulary)
        return cls(models)

    @classmethod
    def build(cls, tokens: list[list[str]]) -> FieldedBm25:
        """The fields of pre-tokenized passages (row order = passage rows)."""
        vocabulary: dict[str, int] = {}
        ids = [vocabulary.setdefault(t, len(vocabulary)) for doc in tokens for t in doc]
        offsets = np.zeros(len(tokens) + 1, dtype=np.int64)
        np.cumsum([len(doc) for doc in tokens], out=offsets[1:])
        return cls.build_ids(np.asarray(ids, dtype=np.int64), offsets, list(vocabulary))

    @classmethod
    def load(cls, folder: Path) -> FieldedBm25:
        models = {"": load_bm25(folder)}
        for prefix, name in FIELD_DIRS.items():
            if (folder / name).is_dir():
                models[prefix] = load_bm25(folder / name)
        return cls(models)

    def parts(self) -> list[tuple[str, object]]:
        """(folder relative to the BM25 folder, model) of each field: '' for the exact terms."""
        return [("" if not prefix else FIELD_DIRS[prefix], model) for prefix, model in self.models.items()]

    def save(self, folder: Path) -> None:
        for name, model in self.parts():
            save_bm25(model, folder / name if name else folder)

    @property
    def exact(self):
        return self.models[""]

    @property
    def num_docs(self) -> int:
        return int(self.exact.scores["num_docs"])

    def vocabulary(self) -> frozenset[str]:
        """Every term of every field (the empty padding token left out)."""
        return frozenset(t for m in self.models.values() for t in m.vocab_dict if t)

    def has(self, term: str) -> bool:
        model = self.models.get(prefix_of(term))
        return model is not None and term in model.vocab_dict

    def top(self, terms: list[str], k: int, allowed: np.ndarray | None = None,
            span: tuple[int, int] | None = None) -> list[tuple[int, float]]:
        """(row, score) of the top-k passages by the weighted sum of each field's BM25, best first, ties by row; span:
        only the rows in range(*span)."""
        groups: dict[str, list[str]] = {}
        for term in terms:
            groups.setdefault(prefix_of(term), []).append(term)
        if set(groups) <= {""}:
            return bm25_top(self.exact, groups.get("", []), k, allowed, span)
        fields = [(self.models[p], group, TERM_WEIGHTS[p]) for p, group in groups.items()
                  if p in self.models and TERM_WEIGHTS[p] > 0]
        lists = [postings for model, group, weight in fields for postings in posting_lists(model, group, weight, span)]
        return _top(lists, k, self.num_docs, allowed)
