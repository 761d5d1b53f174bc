"""Open an index folder: check its manifest against the embedder and tokenizer in use, open its backend."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from index.embed import Embedder, load_embedder
from index.errors import EmbedderError, IndexCorruptError, IndexMismatchError
from index.store.base import Backend
from index.store.manifest import REBUILD_HINT, Manifest, read_manifest
from index.tokenize import tokenizer_id

_DOC_ID = re.compile(r"[\w.-]+")  # what build.doc_id_for makes: no path separators


@dataclass
class OpenIndex:
    """An opened index: its folder, manifest, backend, and the embedder to query it with."""

    path: Path
    manifest: Manifest
    backend: Backend
    embedder: Embedder

    def source_lines(self, doc_id: str) -> list[str] | None:
        """The lines of a document's extracted text (for the source viewer); None when not stored."""
        if self.manifest.doc(doc_id) is None:
            return None
        file = self.path / "docs" / f"{doc_id}.txt"
        return file.read_text(encoding="utf-8").splitlines() if file.is_file() else None


def _embedder_for(manifest: Manifest, path: Path, embedder: Embedder | str | None) -> Embedder:
    if embedder is not None and not isinstance(embedder, str):
        return embedder
    recorded = manifest.embedder
    try:
        return load_embedder(embedder or recorded.id, recorded.query_prompt, recorded.passage_prompt)
    except EmbedderError as error:
        hint = REBUILD_HINT.format(path=path)
        raise EmbedderError(f"{error}; {path} was built with embedder {recorded.id!r}: install it, or {hint}") from None


def open_index(path: str | Path, embedder: Embedder | str | None = None, verify: bool = True) -> OpenIndex:
    """Load and check an index folder; nothing is ever built here.

    Args:
        path: the index folder.
        embedder: the embedder to query with; None loads the one recorded in the manifest.
            An embedder other than the one the index was built with is refused.
        verify: check every file's sha256 (sizes are always checked).

    Raises:
        IndexNotFoundError, IndexCorruptError, IndexMismatchError, EmbedderError, BackendError.
    """
    path = Path(path)
    manifest = read_manifest(path, verify=verify)
    hint = REBUILD_HINT.format(path=path)
    tokenizer = tokenizer_id()
    if manifest.tokenizer != tokenizer:
        raise IndexMismatchError(f"{path} was tokenized with {manifest.tokenizer!r}, this forumqa uses {tokenizer!r}; {hint}")
    for doc in manifest.docs:
        if not _DOC_ID.fullmatch(doc.doc):
            raise IndexCorruptError(f"{path}: manifest has a bad document id {doc.doc!r}; {hint}")
    model = _embedder_for(manifest, path, embedder)
    manifest.check(model, tokenizer, path)
    try:
        backend = _open_backend(path, manifest, _read_lexicon(path / "lexicon.json"))
    except IndexCorruptError as error:
        raise IndexCorruptError(f"{path}: {error}; {hint}") from None
    held = backend.chunks.count()
    if manifest.chunk_count != held:
        backend.close()
        if manifest.backend_kind == "milvus":
            hint = f"an add or remove was interrupted or another process changed the collection: run it again, or {hint}"
        raise IndexCorruptError(f"{path}: the backend holds {held} chunks, the manifest says {manifest.chunk_count}; {hint}")
    return OpenIndex(path, manifest, backend, model)


def _open_backend(path: Path, manifest: Manifest, lexicon: dict) -> Backend:
    kind = manifest.backend_kind
    if kind == "local":
        from index.store.local import open_local

        return open_local(path, lexicon, manifest.dense)
    if kind == "milvus":
        from index.store.milvus import open_milvus

        return open_milvus(path, manifest, lexicon)
    raise IndexMismatchError(f"{path} uses the storage backend {kind!r}, which this forumqa does not know")


def _read_lexicon(path: Path) -> dict[str, list[str]]:
    try:
        lexicon = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise IndexCorruptError(f"cannot read index file {path.name} ({str(error)[:160]})") from None
    if not isinstance(lexicon, dict) or not all(isinstance(v, list) for v in lexicon.values()):
        raise IndexCorruptError(f"cannot read index file {path.name} (not a mapping of English keys to Chinese terms)")
    return lexicon
