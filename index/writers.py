"""A build's writer: choosing it (a new local or Milvus build, or an update) and driving its publish, abort and close."""

from __future__ import annotations

import shutil
from pathlib import Path

from index.errors import IndexCorruptError, IndexMismatchError, IndexNotFoundError
from index.store.faiss_dense import DenseSettings
from index.store.local_write import LocalWriter
from index.store.manifest import Manifest, read_manifest
from index.store.milvus_conn import MilvusSettings


def make_writer(staged: Path, dense: DenseSettings, milvus: MilvusSettings | None, out: Path, progress=None):
    """The writer of a new build: local FAISS + bm25s files, or new Milvus collections (replacing out's, if any)."""
    if milvus is None:
        return LocalWriter(staged, dense, progress=progress)
    from index.store.milvus_write import MilvusWriter

    return MilvusWriter(staged, milvus, previous=previous_backend(out))


def update_writer(staged: Path, out: Path, manifest: Manifest, dense: DenseSettings = DenseSettings(), progress=None):
    """The writer that adds or removes documents of the index at out, on the backend its manifest names."""
    if manifest.backend_kind == "milvus":
        from index.store.milvus_write import MilvusWriter

        return MilvusWriter(staged, base=(manifest.backend, out))
    return LocalWriter(staged, dense, base=out, progress=progress)


def previous_backend(out: Path) -> dict | None:
    """The backend section of the index now at out (None when there is none or it cannot be read)."""
    try:
        return read_manifest(out, verify=False).backend
    except (IndexNotFoundError, IndexCorruptError, IndexMismatchError):
        return None


def after_publish(writer) -> None:
    """Tell a writer its folder is published (a Milvus build then drops the collections it replaced)."""
    if hasattr(writer, "published"):
        writer.published()


def abort_writer(writer) -> None:
    """Undo what a failed writer left outside the staging folder (new Milvus collections)."""
    if hasattr(writer, "abort"):
        writer.abort()


def close_writer(writer) -> None:
    """Release what a writer holds (a Milvus connection)."""
    if hasattr(writer, "close"):
        writer.close()


class Staged:
    """A writer's staged build, used as ``with Staged(writer, staged) as stage:`` around writing and publishing.

    Call ``stage.published()`` right after the folder is published (the writer's after_publish hook runs); leaving
    the block without it aborts the writer. Either way the writer is closed and the staging folder removed.
    """

    def __init__(self, writer, staged: Path) -> None:
        self.writer, self.staged, self.done = writer, staged, False

    def __enter__(self) -> Staged:
        return self

    def published(self) -> None:
        """The staged folder is published: tell the writer (a Milvus build drops the collections it replaced)."""
        self.done = True
        after_publish(self.writer)

    def __exit__(self, *exc) -> None:
        if not self.done:
            abort_writer(self.writer)
        close_writer(self.writer)
        shutil.rmtree(self.staged, ignore_errors=True)
