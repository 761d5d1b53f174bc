"""BM25 over jieba tokens with bm25s: build, save, load, and top-k retrieval with a document mask."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.tokenize import tokenize


def build_bm25(tokens: list[list[str]]):
    """A bm25s index over pre-tokenized documents (row order = document rows); empty documents get ''."""
    import bm25s

    model = bm25s.BM25()
    model.index([t or [""] for t in tokens], show_progress=False)
    return model


def build_bm25_texts(texts: list[str]):
    """A bm25s index over the jieba tokens (index.tokenize) of texts."""
    return build_bm25([tokenize(t) for t in texts])


def save_bm25(model, folder: Path) -> None:
    model.save(str(folder), show_progress=False)


def load_bm25(folder: Path):
    import bm25s

    return bm25s.BM25.load(str(folder), allow_pickle=False, show_progress=False, verbosity=0)


def bm25_scores(model, query_tokens: list[str]) -> np.ndarray | None:
    """BM25 score of every document for the tokens, or None when no token is in the vocabulary."""
    known = [t for t in query_tokens if t in model.vocab_dict]
    if not known:
        return None
    return np.asarray(model.get_scores(known), dtype=np.float32)


def bm25_top(model, query_tokens: list[str], k: int, mask: np.ndarray | None = None) -> list[tuple[int, float]]:
    """(row, score) of the top-k documents with a positive score, best first, ties by row.

    Args:
        model: a bm25s index.
        query_tokens: tokens; those not in the vocabulary are ignored.
        k: how many at most.
        mask: optional float array over documents (1 allowed, 0 excluded), bm25s' weight_mask.
    """
    known = [t for t in query_tokens if t in model.vocab_dict]
    total = int(model.scores["num_docs"])
    if not known or k <= 0 or total == 0:
        return []
    depth = min(total, k + 16)  # a little deeper, so ties at the cut are settled by row below
    docs, scores = model.retrieve([known], k=depth, show_progress=False, weight_mask=mask, n_threads=0)
    pairs = [(int(d), float(s)) for d, s in zip(docs[0], scores[0]) if s > 0]
    pairs.sort(key=lambda item: (-item[1], item[0]))
    return pairs[:k]
