"""Reading a saved bm25s index without importing bm25s (which pulls in scipy and, when installed, numba).

The query path needs only the parameters, the vocabulary and the three score arrays (memory-mapped); bm25s itself
is imported only for its own scoring (StoredBm25.get_scores, tests) or to save the index again.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from index.store.bm25_topk import read_column_max


class StoredBm25:
    """A saved bm25s index, read without importing bm25s (which pulls in scipy and, when installed, numba):
    its parameters, vocabulary and memory-mapped score arrays, all the query path uses."""

    def __init__(self, params: dict, vocab: dict[str, int], scores: dict, column_max: np.ndarray | None = None) -> None:
        self.params, self.vocab_dict, self.scores = params, vocab, scores
        self.column_max = column_max  # each posting list's largest score (index/store/bm25_topk.py), when stored
        self.known_max: dict[int, float] | None = {} if column_max is None else None  # else found when first needed
        self._model = None

    def bm25s(self):
        """The same index as a bm25s.BM25 object (for bm25s' own scoring)."""
        if self._model is None:
            from index.store.bm25 import _model

            model = _model(self.scores["data"], self.scores["indices"], self.scores["indptr"], self.scores["num_docs"],
                           self.vocab_dict)
            for name in ("k1", "b", "delta", "method", "idf_method"):
                if name in self.params:
                    setattr(model, name, self.params[name])
            self._model = model
        return self._model

    def get_scores(self, query_tokens: list[str]) -> np.ndarray:
        """bm25s' score of every document for the tokens."""
        return self.bm25s().get_scores(query_tokens)

    def save(self, folder: str, show_progress: bool = False) -> None:
        self.bm25s().save(folder, show_progress=show_progress)


def load_bm25(folder: Path) -> StoredBm25:
    """Open a saved index with its score arrays memory-mapped (pages are read as queries touch them)."""
    import orjson

    params = orjson.loads((folder / "params.index.json").read_bytes())
    vocab = orjson.loads((folder / "vocab.index.json").read_bytes())
    if params.get("method", "lucene") != "lucene" or not isinstance(vocab, dict):
        raise ValueError(f"it is not a Lucene BM25 index with a vocabulary (method {params.get('method')!r})")
    scores = {
        name: np.load(folder / f"{name}.csc.index.npy", mmap_mode="r", allow_pickle=False)
        for name in ("data", "indices", "indptr")
    }
    scores["num_docs"] = params.get("num_docs")
    indptr, indices = scores["indptr"], scores["indices"]
    if indptr.ndim != 1 or len(indptr) != len(vocab) + 1 or int(indptr[-1]) != len(indices):
        raise ValueError("its posting arrays disagree with its vocabulary")
    return StoredBm25(params, vocab, scores, read_column_max(folder, len(vocab)))
