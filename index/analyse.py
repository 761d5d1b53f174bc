"""One document made ready to write: parsed, chunked and tokenized (analyse), then embedded (embed_analysed)."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np

from index.chunk import ChunkSettings, chunk_document
from index.embed import Embedder
from index.errors import DocumentError
from index.readers import Source
from index.records import DocRecord
from index.represent import dense_weight, lexical_text, passage_text, sentence_text
from index.store.base import Batch
from index.store.manifest import now
from index.structure import parse
from index.tokenize import document_tokens

EMBED_BATCH = 32  # texts per embedder call (sorted by length, so a batch pads little)


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
    lexical_texts: tuple[str, ...] = ()  # per passage: the text BM25 indexes (represent.py lexical_text)


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
        # absolute, so that `forumqa docs` and add/remove (which match a file by its recorded source) mean the same
        # file from whatever folder they run in; a path relative to the index would break when the index moves
        source=os.path.abspath(source.path),
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
    lexical = tuple(lexical_text(c, title) for c in chunks)
    return Analysed(chunks, texts, sentence_texts, [document_tokens(t) for t in lexical], record, weights, lexical)


def embed_analysed(analysed: Analysed, embedder: Embedder) -> Batch:
    """The Batch of an analysed document: a text is embedded once however often it occurs (a one-sentence
    passage's sentence has the passage's own text, so it takes the passage's vector)."""
    texts = analysed.passage_texts
    vectors = embed_texts(embedder, texts + analysed.sentence_texts)
    if analysed.weights:
        vectors = vectors * np.asarray(analysed.weights, np.float32)[:, None]
    lexical = analysed.lexical_texts or tuple(texts)
    return Batch(analysed.chunks, vectors[: len(texts)], vectors[len(texts) :], analysed.tokens, lexical)


def prepare(source: Source, doc_id: str, embedder: Embedder, chunking: ChunkSettings) -> tuple[Batch, DocRecord]:
    """One document read, parsed, chunked, embedded and tokenized.

    Raises:
        DocumentError: the document has no text to index.
    """
    analysed = analyse(source, doc_id, chunking)
    return embed_analysed(analysed, embedder), analysed.record
