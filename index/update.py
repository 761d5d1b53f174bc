"""Change an index without rebuilding it: add new or changed documents, remove documents, list them.

Only the added documents are read, embedded and tokenized; the kept ones are copied from the index as
they are. Like a build, each change is staged beside the index and published atomically under the
index's lock, so a killed ``add`` or ``remove`` leaves the index as it was.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from index.chunk import ChunkSettings
from index.embed import Embedder, load_embedder
from index.errors import EmbedderError, IndexMismatchError, InvalidArgumentError
from index.records import DocRecord
from index.store.faiss_dense import DenseSettings
from index.store.files import build_lock
from index.store.manifest import REBUILD_HINT, Manifest, read_manifest
from index.tokenize import tokenizer_id


@dataclass(frozen=True)
class Change:
    """What an add did: documents added, replaced (their file changed) and left as they were."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...] = ()
    manifest: Manifest | None = None


def _checked_base(index: Path) -> Manifest:
    manifest = read_manifest(index, verify=True)
    if manifest.backend_kind not in ("local", "milvus"):
        raise IndexMismatchError(f"{index} uses the {manifest.backend_kind!r} backend, which this forumqa does not know")
    if manifest.tokenizer != tokenizer_id():
        raise IndexMismatchError(f"{index} was tokenized with {manifest.tokenizer!r}, this forumqa uses "
                                 f"{tokenizer_id()!r}; {REBUILD_HINT.format(path=index)}")
    return manifest


def _embedder(manifest: Manifest, index: Path, embedder: Embedder | str | None) -> Embedder:
    recorded = manifest.embedder
    if embedder is None or isinstance(embedder, str):
        try:
            embedder = load_embedder(embedder or recorded.id, recorded.query_prompt, recorded.passage_prompt)
        except EmbedderError as error:
            raise EmbedderError(f"{error}; {index} was built with embedder {recorded.id!r}: install it") from None
    manifest.check(embedder, manifest.tokenizer, index)
    return embedder


def _same_file(record: DocRecord, path: Path) -> bool:
    try:
        return Path(record.source).resolve() == path.resolve()
    except OSError:
        return False


def add_documents(
    files: Sequence[str | Path],
    index: str | Path,
    embedder: Embedder | str | None = None,
    log=lambda message: None,
    progress: bool = False,
) -> Change:
    """Add documents to an index, embedding only those that are new or whose file changed.

    A document is matched to the index by its own id (.jsonl) or by its source file; a file whose
    sha256 differs from the one recorded replaces its document, an identical one is skipped.

    Args:
        files: document files or folders of them.
        index: an index folder built by build_index.
        embedder: the index's embedder (default: the one its manifest names).
        log: receives progress lines.
        progress: show a progress bar on stderr.

    Returns:
        The Change made (the new manifest in Change.manifest; None when nothing changed).

    Raises:
        DocumentError, IndexNotFoundError, IndexCorruptError, IndexMismatchError, EmbedderError.
    """
    from index.build import doc_id_for, write_index
    from index.collect import expand_folders
    from index.readers import read_sources

    started = time.perf_counter()
    index = Path(index)
    if not files:
        raise InvalidArgumentError("add needs at least one document file")
    sources = [(Path(f), source) for f in expand_folders(files, log) for source in read_sources(f)]
    with build_lock(index):
        base = _checked_base(index)
        model = _embedder(base, index, embedder)
        records = {d.doc: d for d in base.docs}
        taken = set(records)
        added, replaced, unchanged, todo = [], [], [], []
        for path, source in sources:
            doc_id = source.doc_id or next((d.doc for d in base.docs if _same_file(d, path)), "")
            if doc_id and doc_id in records:
                if records[doc_id].sha256 == source.sha256:
                    unchanged.append(doc_id)
                    continue
                replaced.append(doc_id)
            else:
                doc_id = doc_id_for(doc_id or path.stem, taken)
                added.append(doc_id)
            taken.add(doc_id)
            todo.append((source, doc_id))
        if not todo:
            log(f"{index}: nothing to add ({len(unchanged)} unchanged)")
            return Change((), (), tuple(unchanged))
        chunking = ChunkSettings(**base.chunking)
        dense = _dense(base)
        manifest = write_index(index, todo, model, chunking, dense, base=base, removed=replaced, log=log,
                               progress=progress, started=started)
    log(f"{index}: added {len(added)}, replaced {len(replaced)}, unchanged {len(unchanged)} documents; "
        f"{manifest.chunk_count} chunks in {time.perf_counter() - started:.1f}s")
    return Change(tuple(added), tuple(replaced), tuple(unchanged), manifest=manifest)


def remove_documents(doc_ids: Sequence[str], index: str | Path, log=lambda message: None) -> Manifest:
    """Remove documents from an index (nothing is embedded).

    Args:
        doc_ids: ids of documents in the index (see list_documents).
        index: an index folder.
        log: receives progress lines.

    Returns:
        The new manifest.

    Raises:
        InvalidArgumentError: an unknown id, or every document removed.
    """
    from index.build import write_index

    started = time.perf_counter()
    index = Path(index)
    with build_lock(index):
        base = _checked_base(index)
        known = [d.doc for d in base.docs]
        unknown = [d for d in doc_ids if d not in known]
        if unknown or not doc_ids:
            raise InvalidArgumentError(f"no document {', '.join(map(repr, unknown)) or '(none given)'} in {index}; "
                                       f"it has: {', '.join(known)}")
        if set(doc_ids) >= set(known):
            raise InvalidArgumentError(f"removing every document would leave {index} empty; delete the folder instead")
        dense = _dense(base)
        manifest = write_index(index, [], _Recorded(base), ChunkSettings(**base.chunking), dense, base=base,
                               removed=list(doc_ids), log=log, started=started)
    log(f"{index}: removed {len(set(doc_ids))} documents; {manifest.chunk_count} chunks left")
    return manifest


def _dense(base: Manifest) -> DenseSettings:
    """The FAISS settings a local index was built with (a Milvus index keeps its own, in its backend section)."""
    if base.backend_kind != "local":
        return DenseSettings()
    return DenseSettings.from_json({k: v for k, v in base.dense.items() if k not in ("built", "sentences_built")})


class _Recorded:
    """The embedder an index records, standing in where nothing is embedded (remove)."""

    def __init__(self, manifest: Manifest) -> None:
        info = manifest.embedder
        self.id, self.dim, self.query_prompt, self.passage_prompt = info.id, info.dim, info.query_prompt, info.passage_prompt

    def encode_queries(self, texts):  # pragma: no cover - never called
        raise RuntimeError("nothing is embedded when documents are removed")

    encode_passages = encode_queries


def list_documents(index: str | Path) -> list[DocRecord]:
    """The documents of an index, in index order (the manifest is read, no file is hashed).

    Raises:
        IndexNotFoundError, IndexCorruptError, IndexMismatchError.
    """
    return list(read_manifest(Path(index), verify=False).docs)
