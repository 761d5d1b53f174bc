"""Pick, in a passage, the sentence that best supports the question."""

from __future__ import annotations

import numpy as np

from index.chunk import Chunk
from retriever.query import norm
from retriever.types import Highlight, Hit

LEXICAL_WEIGHT = 0.15


def term_overlap(terms: list[str], sentence: str) -> float:
    """Share of the distinct query terms (weighted by length) that occur in the sentence."""
    distinct = {t for t in terms if len(t) > 1 or not t.isascii()}
    if not distinct:
        return 0.0
    text = norm(sentence)
    total = sum(len(t) for t in distinct)
    return sum(len(t) for t in distinct if t in text) / total


def best_sentence(
    hit: Hit, chunk: Chunk, sentences: list[dict], sentence_vectors: np.ndarray, query_vector: np.ndarray, terms: list[str]
) -> Highlight:
    """The chunk sentence scoring highest on cosine(query, sentence) + LEXICAL_WEIGHT x term overlap."""
    best = None
    for sentence_id in chunk.sentence_ids:
        sentence = sentences[sentence_id]
        score = float(sentence_vectors[sentence_id] @ query_vector) + LEXICAL_WEIGHT * term_overlap(terms, sentence["text"])
        if best is None or score > best[0]:
            best = (score, sentence)
    score, sentence = best
    start = max(hit.text.find(sentence["text"]), 0)
    return Highlight(
        chunk_id=hit.chunk_id,
        sentence=sentence["text"],
        start=start,
        end=start + len(sentence["text"]),
        line_start=sentence["line_start"],
        line_end=sentence["line_end"],
        score=score,
    )
