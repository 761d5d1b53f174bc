"""Load an index folder into memory, checking it against its manifest and the embedder in use."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.chunk import Chunk
from index.embed import Embedder, load_embedder
from index.errors import IndexCorruptError, IndexMismatchError
from index.sparse import load_bm25
from index.store import REBUILD_HINT, read_jsonl, read_manifest
from index.tokenize import TOKENIZER_ID


@dataclass
class IndexData:
    """Everything a retriever needs, in memory: nothing is read from disk after load."""

    path: Path
    manifest: dict
    chunks: list[Chunk]
    sentences: list[dict]
    sentence_vectors: np.ndarray
    faiss: object
    bm25: object
    docs: dict[str, list[str]] = field(default_factory=dict)

    @property
    def speakers(self) -> dict[str, dict]:
        """Speaker name -> {'name', 'role', 'organisation', 'title'} over all documents."""
        found: dict[str, dict] = {}
        for doc in self.manifest.get("docs", []):
            for speaker in doc.get("speakers", []):
                found.setdefault(speaker["name"], speaker)
        return found


def load_index(path: str | Path, embedder: Embedder | str | None = None, verify: bool = True) -> tuple[IndexData, Embedder]:
    """Load and check an index folder.

    Args:
        path: the index folder.
        embedder: the embedder to query with; None loads the one recorded in the manifest.
            An embedder other than the one the index was built with is refused.
        verify: check every file's sha256 (sizes are always checked).

    Returns:
        (the index data, the embedder to use).

    Raises:
        IndexNotFoundError, IndexCorruptError, IndexMismatchError, EmbedderError.
    """
    import faiss

    path = Path(path)
    manifest = read_manifest(path, verify=verify)
    hint = REBUILD_HINT.format(path=path)
    recorded = manifest.get("embedder", {})
    tokenizer = manifest.get("tokenizer", {}).get("id")
    if tokenizer != TOKENIZER_ID:
        raise IndexMismatchError(f"{path} was tokenized with {tokenizer!r}, this forumqa uses {TOKENIZER_ID!r}; {hint}")
    if embedder is None or isinstance(embedder, str):
        embedder = load_embedder(
            embedder or recorded.get("id", ""),
            query_prompt=recorded.get("query_prompt", ""),
            passage_prompt=recorded.get("passage_prompt", ""),
        )
    if embedder.id != recorded.get("id") or int(embedder.dim) != recorded.get("dim"):
        raise IndexMismatchError(
            f"{path} was built with embedder {recorded.get('id')!r} (dim {recorded.get('dim')}), "
            f"not {embedder.id!r} (dim {embedder.dim}); query it with that embedder or {hint} --embedder ..."
        )

    try:
        chunks = [Chunk.from_json(row) for row in read_jsonl(path / "chunks.jsonl")]
        sentences = read_jsonl(path / "sentences.jsonl")
        sentence_vectors = np.load(path / "sentence_vectors.npy", allow_pickle=False)
        index = faiss.read_index(str(path / "faiss.index"))
        bm25 = load_bm25(path / "bm25")
    except IndexCorruptError:
        raise
    except Exception as error:  # noqa: BLE001 - any parse failure of a file is corruption
        raise IndexCorruptError(f"{path}: cannot read index files ({str(error).splitlines()[0][:160]}); {hint}") from None

    count = manifest.get("chunk_count")
    counts = {
        "chunks.jsonl": len(chunks),
        "faiss.index": int(index.ntotal),
        "bm25": int(bm25.scores["num_docs"]),
    }
    for name, found in counts.items():
        if found != count:
            raise IndexCorruptError(f"{path}: {name} holds {found} chunks, the manifest says {count}; {hint}")
    if sentence_vectors.shape != (len(sentences), recorded.get("dim")) or len(sentences) != manifest.get("sentence_count"):
        raise IndexCorruptError(f"{path}: sentence vectors do not match sentences.jsonl; {hint}")
    if index.d != recorded.get("dim"):
        raise IndexCorruptError(f"{path}: faiss.index has dimension {index.d}, the manifest says {recorded.get('dim')}; {hint}")

    docs = {}
    for doc in manifest.get("docs", []):
        file = path / "docs" / f"{doc['doc']}.txt"
        docs[doc["doc"]] = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    data = IndexData(path, manifest, chunks, sentences, sentence_vectors, index, bm25, docs)
    return data, embedder
