"""The Embedder protocol: what the index and the retriever need of an embedding model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

BATCH = 16


@runtime_checkable
class Embedder(Protocol):
    """An embedding model: float32, L2-normalised arrays of shape (n, dim) for queries and passages."""

    id: str
    dim: int
    query_prompt: str
    passage_prompt: str

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def normalised(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (float32, C-contiguous, at least 2-D)."""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)
