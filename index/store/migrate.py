"""Copy a local index into Milvus without embedding anything again (the vectors and tokens are reused)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from index.errors import InvalidArgumentError
from index.records import Chunk
from index.represent import lexical_text
from index.store.base import Batch
from index.store.files import build_lock, publish, staging_dir
from index.store.local import open_local
from index.store.manifest import Manifest, read_manifest, write_manifest
from index.store.milvus_conn import MilvusSettings
from index.tokenize import document_tokens


def local_batches(folder: Path, manifest: Manifest) -> list[Batch]:
    """A local index's documents as writer batches, read through the storage seam (one batch per document).

    The vectors are the stored ones (sentence vectors as the local backend keeps them); the BM25 tokens are
    computed again from each passage's indexed text, with its document's title and heading, as the build made them
    (the manifest's tokenizer id is the one in use, so they are the same).
    """
    titles = {d.doc: d.title for d in manifest.docs}
    backend = open_local(folder, {}, manifest.dense)
    try:
        chunks = backend.chunks.all()
        by_doc: dict[str, list[Chunk]] = {}
        for chunk in chunks:
            by_doc.setdefault(chunk.doc, []).append(chunk)
        batches = []
        for doc_chunks in by_doc.values():
            ids = [c.chunk_id for c in doc_chunks]
            texts = tuple(lexical_text(c, titles.get(c.doc, "")) for c in doc_chunks)
            passages = np.asarray(backend.passages.vectors(ids), dtype=np.float32)
            vectors: dict[int, np.ndarray] = {}
            for chunk, matrix in zip(doc_chunks, backend.sentences.vectors(ids)):
                for sid, row in zip(chunk.sentence_ids, np.asarray(matrix, dtype=np.float32)):
                    vectors.setdefault(sid, row)
            order = sorted(vectors)
            new = {sid: i for i, sid in enumerate(order)}
            batches.append(
                Batch(
                    chunks=[replace(c, sentence_ids=tuple(new[s] for s in c.sentence_ids)) for c in doc_chunks],
                    passage_vectors=passages,
                    sentence_vectors=np.asarray([vectors[s] for s in order], dtype=np.float32).reshape(len(order), -1),
                    tokens=[document_tokens(t) for t in texts],
                    texts=texts,
                )
            )
        return batches
    finally:
        backend.close()


def migrate_index(source: str | Path, out: str | Path, milvus: MilvusSettings) -> Manifest:
    """Write a local index's passages, vectors and tokens into new Milvus collections and publish a folder for them.

    Args:
        source: a local index folder (checked against its manifest).
        out: the Milvus index folder to create or replace (may be source itself).
        milvus: where and how to build in Milvus.

    Returns:
        The manifest written (the source's documents, embedder and settings; a Milvus backend section).
    """
    from index.writers import Staged, make_writer

    started = time.perf_counter()
    source, out = Path(source), Path(out)
    manifest = read_manifest(source)
    if manifest.backend_kind != "local":
        raise InvalidArgumentError(f"{source} is a {manifest.backend_kind} index; --from-index needs a local one")
    batches = local_batches(source, manifest)
    lexicon = (source / "lexicon.json").read_text(encoding="utf-8")
    docs = {p.name: p.read_bytes() for p in (source / "docs").glob("*.txt")}
    with build_lock(out):
        staged = staging_dir(out)
        writer = make_writer(staged, None, milvus, out)
        with Staged(writer, staged) as stage:
            for batch in batches:
                writer.add(batch)
            result = writer.finish()
            (staged / "lexicon.json").write_text(lexicon, encoding="utf-8")
            (staged / "docs").mkdir()
            for name, data in docs.items():
                (staged / "docs" / name).write_bytes(data)
            new = replace(
                manifest, dense=result.dense, backend=result.backend, chunk_count=result.chunk_count,
                sentence_count=result.sentence_count, build_seconds=round(time.perf_counter() - started, 2), files={},
            )
            new = write_manifest(staged, new)
            publish(staged, out)
            stage.published()
    return new
