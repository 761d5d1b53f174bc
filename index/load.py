"""Load an index folder into memory, checking it against its manifest and the embedder in use."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from index.chunk import Chunk
from index.embed import Embedder, load_embedder
from index.errors import EmbedderError, IndexCorruptError, IndexMismatchError
from index.sparse import load_bm25
from index.store import REBUILD_HINT, read_jsonl, read_manifest
from index.tokenize import TOKENIZER_ID

_DOC_ID = re.compile(r"[\w.-]+")  # what build.doc_id_for makes: no path separators


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
    lexicon: dict[str, list[str]] = field(default_factory=dict)

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
        try:
            embedder = load_embedder(
                embedder or recorded.get("id", ""),
                query_prompt=recorded.get("query_prompt", ""),
                passage_prompt=recorded.get("passage_prompt", ""),
            )
        except EmbedderError as error:
            built = recorded.get("id")
            raise EmbedderError(f"{error}; {path} was built with embedder {built!r}: install it, or {hint}") from None
    if embedder.id != recorded.get("id") or int(embedder.dim) != recorded.get("dim"):
        raise IndexMismatchError(
            f"{path} was built with embedder {recorded.get('id')!r} (dim {recorded.get('dim')}), "
            f"not {embedder.id!r} (dim {embedder.dim}); query it with that embedder or {hint} --embedder ..."
        )

    def read(name: str, reader):
        try:
            return reader(path / name)
        except IndexCorruptError as error:
            raise IndexCorruptError(f"{error}; {hint}") from None
        except Exception as error:  # noqa: BLE001 - any parse failure of a file is corruption
            reason = (str(error).splitlines() or [type(error).__name__])[0][:160]
            raise IndexCorruptError(f"{path}: cannot read index file {name} ({reason}); {hint}") from None

    chunks = read("chunks.jsonl", lambda p: [Chunk.from_json(row) for row in read_jsonl(p)])
    sentences = read("sentences.jsonl", read_jsonl)
    sentence_vectors = read("sentence_vectors.npy", lambda p: np.load(p, allow_pickle=False))
    index = read("faiss.index", lambda p: faiss.read_index(str(p)))
    bm25 = read("bm25", load_bm25)
    lexicon = read("lexicon.json", _read_lexicon)

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
    for chunk in chunks:  # a citation or highlight must never point outside the index
        if not _valid_chunk(chunk, len(sentences)):
            raise IndexCorruptError(f"{path}: chunk {chunk.chunk_id!r} has bad line numbers or sentence ids; {hint}")
    if index.d != recorded.get("dim"):
        raise IndexCorruptError(f"{path}: faiss.index has dimension {index.d}, the manifest says {recorded.get('dim')}; {hint}")

    docs = {}
    for doc in manifest.get("docs", []):
        if not isinstance(doc.get("doc"), str) or not _DOC_ID.fullmatch(doc["doc"]):
            raise IndexCorruptError(f"{path}: manifest has a bad document id {doc.get('doc')!r}; {hint}")
        file = path / "docs" / f"{doc['doc']}.txt"
        docs[doc["doc"]] = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    data = IndexData(path, manifest, chunks, sentences, sentence_vectors, index, bm25, docs, lexicon)
    return data, embedder


def _read_lexicon(path: Path) -> dict[str, list[str]]:
    lexicon = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(lexicon, dict) or not all(isinstance(v, list) for v in lexicon.values()):
        raise ValueError("not a mapping of English keys to Chinese terms")
    return lexicon


def _valid_chunk(chunk: Chunk, sentence_count: int) -> bool:
    """Integer lines with line_start <= line_end, and sentence ids inside sentences.jsonl."""
    numbers = (chunk.line_start, chunk.line_end, *chunk.sentence_ids)
    if not all(isinstance(n, int) and not isinstance(n, bool) for n in numbers):
        return False
    return 0 < chunk.line_start <= chunk.line_end and all(0 <= i < sentence_count for i in chunk.sentence_ids)
