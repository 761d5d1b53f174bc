"""Decide when the transcript does not answer a question (abstention), from retrieval evidence."""

from __future__ import annotations

from dataclasses import dataclass

from retriever.query import is_chinese


@dataclass(frozen=True)
class Abstainer:
    """confidence = top dense cosine + bm25_weight x query-term coverage, minus a per-language offset."""

    threshold: float = 0.8
    bm25_weight: float = 0.0
    english_offset: float = 0.0

    @classmethod
    def for_embedder(cls, embedder_id: str) -> Abstainer:
        return CALIBRATION.get(embedder_id, cls())

    def confidence(self, text: str, dense_run, sparse_run, terms, bm25) -> float:
        top_dense = dense_run[0][1] if dense_run else 0.0
        known = [t for t in terms if t in bm25.vocab_dict]
        coverage = len(known) / len(terms) if terms else 0.0
        offset = 0.0 if is_chinese(text) else self.english_offset
        return top_dense + self.bm25_weight * coverage + offset


CALIBRATION: dict[str, Abstainer] = {}
