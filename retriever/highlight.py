"""Pick, in a passage, the sentence that best supports the question."""

from __future__ import annotations

import re

import numpy as np

from index.normalize import search_key
from index.records import Chunk
from retriever.types import Highlight

LEXICAL_WEIGHT = 0.15
QUESTION_PENALTY = 0.05  # a sentence that asks a question rarely answers one
QUANTITY_BONUS = 0.05  # 'how many' questions are answered by sentences with numbers
SHORT_SENTENCE = 25  # a sentence this short ('三是创新融资机制。') is a heading: highlight the next one with it
_QUANTITY_QUESTION = re.compile(r"多少|几[个台家名项次年天]|多长|多大|多高|how (many|much|long)|what percentage", re.I)
_DIGIT = re.compile(r"\d")


def term_overlap(terms: list[str], sentence: str) -> float:
    """Share of the distinct query terms (weighted by length) that occur in the sentence (both in canonical form)."""
    distinct = {t for t in terms if len(t) > 1 or not t.isascii()}
    if not distinct:
        return 0.0
    text = search_key(sentence)
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


def best_sentence(chunk: Chunk, cosines: np.ndarray, terms: list[str], question: str = "") -> Highlight:
    """The chunk sentence that best supports the question (with the next one when it is only a heading).

    Args:
        chunk: the passage, with its sentences' offsets and lines.
        cosines: each of its sentences' cosine with the question (from the dense run).
        terms: the question's BM25 terms.
        question: the question text.
    """
    sentences = chunk.sentences()
    if not sentences:
        return Highlight(chunk.chunk_id, chunk.text, 0, len(chunk.text), chunk.line_start, chunk.line_end, 0.0)
    quantity = bool(_QUANTITY_QUESTION.search(question))
    scores = [sentence_score(text, float(c), terms, quantity) for (_, text, *_), c in zip(sentences, cosines)]
    best = int(np.argmax(scores))
    chosen = [sentences[best]]
    if len(chosen[0][1]) < SHORT_SENTENCE and best + 1 < len(sentences):
        chosen.append(sentences[best + 1])
    start, end = chosen[0][2], chosen[-1][3]
    return Highlight(
        chunk_id=chunk.chunk_id,
        sentence=chunk.text[start:end],
        start=start,
        end=end,
        line_start=chosen[0][4],
        line_end=chosen[-1][5],
        score=float(scores[best]),
    )
