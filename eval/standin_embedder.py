"""A stand-in embedder for benchmarks at scale: hashed character bigrams through a fixed random projection.

It costs microseconds per text, so a 100k-passage index builds in minutes, and texts that share words get
similar vectors, so searches touch the index the way real queries do. It is never used for quality figures.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

from index.embed.base import normalised

BUCKETS = 4096


class StandInEmbedder:
    """Deterministic bag-of-bigrams vectors of dimension dim (384, like multilingual-e5-small)."""

    query_prompt = ""
    passage_prompt = ""

    def __init__(self, dim: int = 384, seed: int = 0) -> None:
        self.dim = dim
        self.id = f"standin-bigram-{dim}"
        self._projection = np.random.default_rng(seed).standard_normal((BUCKETS, dim)).astype(np.float32)

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        counts = np.zeros((len(texts), BUCKETS), dtype=np.float32)
        for row, text in enumerate(texts):
            grams = [text[i : i + 2] for i in range(max(len(text) - 1, 1))]
            for gram in grams:
                counts[row, zlib.crc32(gram.encode("utf-8")) % BUCKETS] += 1.0
        return normalised(counts @ self._projection)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(list(texts))

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(list(texts))
