"""BM25 over jieba tokens with bm25s."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.tokenize import tokenize


def build_bm25(texts: list[str]):
    """A bm25s index over the jieba tokens of texts (chunk order = document ids)."""
    import bm25s

    model = bm25s.BM25()
    tokens = [tokenize(t) or [""] for t in texts]
    model.index(tokens, show_progress=False)
    return model


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
