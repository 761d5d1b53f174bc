"""Pick, in a passage, the sentence that best supports the question."""

from __future__ import annotations

import re

import numpy as np

from index.chunk import Chunk
from retriever.query import norm
from retriever.types import Highlight, Hit

LEXICAL_WEIGHT = 0.15
QUESTION_PENALTY = 0.05  # a sentence that asks a question rarely answers one
QUANTITY_BONUS = 0.05  # 'how many' questions are answered by sentences with numbers
SHORT_SENTENCE = 25  # a sentence this short ('三是创新融资机制。') is a heading: highlight the next one with it
_QUANTITY_QUESTION = re.compile(r"多少|几[个台家名项次年天]|多长|多大|多高|how (many|much|long)|what percentage", re.I)
_DIGIT = re.compile(r"\d")


def term_overlap(terms: list[str], sentence: str) -> float:
    """Share of the distinct query terms (weighted by length) that occur in the sentence."""
    distinct = {t for t in terms if len(t) > 1 or not t.isascii()}
    if not distinct:
        return 0.0
    text = norm(sentence)
    total = sum(len(t) for t in distinct)
    return sum(len(t) for t in distinct if t in text) / total


def sentence_score(text: str, cosine: float, terms: list[str], quantity: bool) -> float:
    """cosine + lexical overlap, less a penalty for questions, plus a bonus for numbers when a quantity is asked."""
    score = cosine + LEXICAL_WEIGHT * term_overlap(terms, text)
    if text.rstrip("”’」』）)").endswith(("？", "?")):
        score -= QUESTION_PENALTY
    if quantity and _DIGIT.search(text):
        score += QUANTITY_BONUS
    return score


def best_sentence(
    hit: Hit,
    chunk: Chunk,
    sentences: list[dict],
    sentence_vectors: np.ndarray,
    query_vector: np.ndarray,
    terms: list[str],
    question: str = "",
) -> Highlight:
    """The chunk sentence that best supports the question (with the next one when it is only a heading)."""
    quantity = bool(_QUANTITY_QUESTION.search(question))
    ids = list(chunk.sentence_ids)
    scores = [
        sentence_score(sentences[i]["text"], float(sentence_vectors[i] @ query_vector), terms, quantity) for i in ids
    ]
    best = int(np.argmax(scores))
    chosen = [sentences[ids[best]]]
    if len(chosen[0]["text"]) < SHORT_SENTENCE and best + 1 < len(ids):
        chosen.append(sentences[ids[best + 1]])
    start = hit.text.find(chosen[0]["text"])
    end = hit.text.find(chosen[-1]["text"], max(start, 0)) + len(chosen[-1]["text"]) if start >= 0 else -1
    if start < 0 or end < start:
        start, end = 0, len(chosen[0]["text"])
    return Highlight(
        chunk_id=hit.chunk_id,
        sentence=hit.text[start:end],
        start=start,
        end=end,
        line_start=chosen[0]["line_start"],
        line_end=chosen[-1]["line_end"],
        score=float(scores[best]),
    )
