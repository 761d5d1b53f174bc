"""BM25 top-k that reads only part of the posting lists of frequent terms (MaxScore), exactly as summing them all.

Every posting list has an upper bound: its largest score (stored beside the lists at build time, COLUMN_MAX), times
its field's weight. The lists are taken in order of falling bound and their postings summed into candidates, until
the bounds of the lists left add up to less than the k-th best partial score so far (theta: partial sums of real
passages are lower bounds of their scores). A passage that none of the lists taken holds then cannot reach the top
k, so the lists left (the frequent terms, low idf, long lists) are only searched for the candidates (the rows of a
list are sorted), and a candidate whose partial score plus the bounds left falls below theta is dropped. The
survivors are scored again in the query's term order, in float64 as ``np.bincount`` sums (index/store/bm25.py
top_of_postings), so every score, and so every tie, is the one summing all postings gives.

At a million passages the gold questions' terms hold about 170,000 postings (median); this reads about 25,000.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

COLUMN_MAX = "column_max.npy"  # float32, one per column: the largest score in its posting list
SMALL = 1 << 15  # a query whose lists hold fewer postings is summed whole
DENSE = 32  # summed postings above 1/DENSE of the rows: candidates found by a pass over the summing array
TINY = float(np.finfo(np.float32).tiny)  # below every positive partial score
SLACK = 1e-4  # relative margin of every bound test: the float32 partial sums' rounding (at most ~1e-5 for a few
# hundred terms) can never decide a comparison

_local = threading.local()  # a float32 summing array per thread (reused; only its touched entries are reset)


@dataclass(frozen=True)
class Postings:
    """One query term's posting list: passage rows (ascending), their scores, the field's weight, an upper bound."""

    rows: np.ndarray
    scores: np.ndarray
    weight: float
    top: float | None = None  # the largest score, when stored (else read from the list when asked)

    @property
    def bound(self) -> float:
        """The largest weighted score of the list."""
        top = self.top if self.top is not None else (np.max(self.scores) if len(self.scores) else 0.0)
        return float(np.float32(top) * np.float32(self.weight))

    def weighted(self, at=slice(None)) -> np.ndarray:
        """The scores at these positions times the weight, in float32 (as the stored scores times the weight in float32)."""
        scores = np.asarray(self.scores[at])
        return scores if self.weight == 1.0 else scores * np.float32(self.weight)


def column_max(data: np.ndarray, indptr: np.ndarray) -> np.ndarray:
    """The largest score of each column (posting list) of a CSC score matrix; 0 for an empty column."""
    indptr = np.asarray(indptr, np.int64)
    out = np.zeros(len(indptr) - 1, np.float32)
    filled = np.flatnonzero(np.diff(indptr) > 0)
    if len(filled):
        out[filled] = np.maximum.reduceat(np.asarray(data, np.float32), indptr[filled])
    return out


def save_column_max(folder: Path, maxima: np.ndarray) -> None:
    np.save(Path(folder) / COLUMN_MAX, np.asarray(maxima, np.float32), allow_pickle=False)


def read_column_max(folder: Path, columns: int) -> np.ndarray | None:
    """The stored column maxima of a bm25 folder; None when the index predates them.

    Raises:
        ValueError: the file does not have one value per column.
    """
    path = Path(folder) / COLUMN_MAX
    if not path.exists():
        return None
    maxima = np.load(path, allow_pickle=False)
    if maxima.ndim != 1 or len(maxima) != columns or maxima.dtype != np.float32:
        raise ValueError(f"{COLUMN_MAX} has {maxima.shape} {maxima.dtype} values for {columns} columns")
    return maxima


def posting_lists(model, terms: list[str], weight: float, span: tuple[int, int] | None = None) -> list[Postings]:
    """The posting lists of the terms in a model's vocabulary, in term order (a repeated term repeats); with span,
    only their rows in range(*span) (a document's rows: two binary searches a list, not a pass over it)."""
    data, indices, indptr = model.scores["data"], model.scores["indices"], model.scores["indptr"]
    maxima = getattr(model, "column_max", None)
    known = getattr(model, "known_max", None)  # an index without column_max.npy: maxima found so far (StoredBm25)
    out = []
    for term in terms:
        column = model.vocab_dict.get(term)
        if column is None:
            continue
        a, b = int(indptr[column]), int(indptr[column + 1])
        if span is not None:
            a, b = a + np.searchsorted(indices[a:b], span[0]), a + np.searchsorted(indices[a:b], span[1])
        top = float(maxima[column]) if maxima is not None else None if known is None else known.get(column)
        postings = Postings(indices[a:b], data[a:b], weight, top)
        if top is None and known is not None and b - a >= SMALL:
            known[column] = float(np.max(postings.scores))  # read once, not on every query
            postings = Postings(postings.rows, postings.scores, weight, known[column])
        out.append(postings)
    return out


def top_of_lists(lists: list[Postings], k: int, total: int, allowed=None) -> list[tuple[int, float]]:
    """(row, score) of the top-k rows summing the lists whole (index/store/bm25.py top_of_postings)."""
    from index.store.bm25 import top_of_postings

    if not lists:
        return []
    docs = np.concatenate([np.asarray(p.rows, np.int64) for p in lists])
    weights = np.concatenate([p.weighted() for p in lists])
    return top_of_postings(docs, weights, k, allowed, summed=len(lists) == 1, total=total)


def large(lists: list[Postings]) -> bool:
    """Whether MaxScore pays: several lists holding SMALL postings or more."""
    return len(lists) > 1 and sum(len(p.rows) for p in lists) >= SMALL


def _below(value, theta: float) -> bool:
    """value (an upper bound of a score) is certainly below theta, rounding included."""
    return value * (1 + SLACK) < theta


def _floor(theta: float, left: float) -> float:
    """A partial score below this, with at most left still to add, is certainly below theta (rounding included)."""
    return theta / (1 + SLACK) - left


def _kth(values: np.ndarray, k: int) -> float:
    return float(np.partition(values, len(values) - k)[len(values) - k]) if len(values) >= k else 0.0


def _find(rows: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(positions in rows, which of wanted are there) for sorted rows and sorted wanted (both int32)."""
    pos = np.searchsorted(rows, wanted)
    inside = pos < len(rows)
    hit = np.zeros(len(wanted), bool)
    hit[inside] = np.asarray(rows[pos[inside]]) == wanted[inside]
    return pos, hit


def _accumulator(total: int) -> np.ndarray:
    acc = getattr(_local, "acc", None)
    if acc is None or len(acc) != total:
        acc = _local.acc = np.zeros(total, np.float32)
    return acc


def _candidates(lists: list[Postings], order: list[int], rest: np.ndarray, k: int, total: int, allowed):
    """Sum the lists in order until the bounds left fall below theta: (sorted int32 rows that can still reach theta,
    their partial sums, theta, the position in order of the first list not summed)."""
    acc = _accumulator(total)
    touched: list[np.ndarray] = []
    theta, j = 0.0, 0
    try:
        while j < len(order) and not (theta > 0 and _below(rest[j], theta)):
            postings = lists[order[j]]
            rows, scores = np.asarray(postings.rows), postings.weighted()
            if allowed is not None:
                keep = np.asarray(allowed[rows], dtype=bool)
                rows, scores = rows[keep], scores[keep]
            acc[rows] += scores
            touched.append(rows)
            theta = max(theta, _kth(acc[rows], k))
            j += 1
        left, summed = rest[j], sum(len(rows) for rows in touched)
        floor = max(_floor(theta, left), TINY)  # a row no list summed (or the filter left out) holds 0: never a candidate
        if summed * DENSE > total:  # many postings summed: one pass over the summing array beats sorting them
            found = np.flatnonzero(acc >= floor)
        else:
            found = np.unique(np.concatenate([rows[acc[rows] >= floor] for rows in touched] or [[]]))
        found = found.astype(np.int32)
        partial = acc[found]
    finally:
        if sum(len(rows) for rows in touched) * DENSE > total:
            acc.fill(0.0)
        else:
            for rows in touched:
                acc[rows] = 0.0
    return found, partial, max(theta, _kth(partial, k)), j


def maxscore_top(lists: list[Postings], k: int, total: int, allowed=None) -> list[tuple[int, float]]:
    """(row, score) of the top-k rows by the summed scores of the lists, best first, ties by row.

    The same result as top_of_postings over the concatenated lists (index/store/bm25.py), scores to the last bit.

    Args:
        lists: the query's posting lists, in the query's term order.
        k: how many at most.
        total: the number of rows.
        allowed: optional bool (or non-zero float) array over rows.
    """
    if k <= 0 or not lists:
        return []
    bound = [p.bound for p in lists]
    order = sorted(range(len(lists)), key=lambda i: (-bound[i], i))
    bounds = np.array([bound[i] for i in order], np.float64)
    rest = np.append(np.cumsum(bounds[::-1])[::-1], 0.0)  # rest[j]: the bounds of order[j:] summed
    found, partial, theta, j = _candidates(lists, order, rest, k, total, allowed)
    for at in range(j, len(order)):
        keep = partial >= _floor(theta, rest[at])
        found, partial = found[keep], partial[keep]
        if not len(found):
            break
        postings = lists[order[at]]
        pos, hit = _find(postings.rows, found)
        partial[hit] += postings.weighted(pos[hit])
        theta = max(theta, _kth(partial, k))  # (partial sums in float32: the slack covers their rounding)
    found = found[partial >= _floor(theta, 0.0)]
    exact = np.zeros(len(found), np.float64)
    for postings in lists:  # the query's term order, as bincount sums the concatenated postings
        pos, hit = _find(postings.rows, found)
        exact[hit] += postings.weighted(pos[hit])
    scores = exact.astype(np.float32)
    positive = scores > 0
    found, scores = found[positive].astype(np.int64), scores[positive]
    order = np.lexsort((found, -scores))[:k]
    return [(int(found[i]), float(scores[i])) for i in order]
