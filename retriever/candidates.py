"""Candidate generation: a dense run and a lexical run from a backend, each a list of (chunk id, score)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from index.store.base import Backend, Filter, Run
from retriever.stages import start

SentenceScores = dict[str, np.ndarray]  # chunk id -> cosine of each of its sentences, in order


def sentence_scores(backend: Backend, vector: np.ndarray, ids: Sequence[str]) -> SentenceScores:
    """Each chunk's sentence cosines with the query vector."""
    return {cid: m @ vector for cid, m in zip(ids, backend.sentences.vectors(list(ids)))}


def dense_scores(
    backend: Backend, vector: np.ndarray, passage_run: Run, sentence_run: Run, depth: int, sentence_weight: float
) -> tuple[Run, SentenceScores]:
    """Dense scores from the passage index's run and the sentence index's run: (1 - w) x passage cosine + w x the
    best cosine of one of its sentences.

    Candidates are the top passages plus the passages of the best sentences, so a passage whose one sentence
    matches well (short facts, English questions) is not missed. Sentence scores are computed for the
    candidates only, and returned for highlighting.

    Returns:
        (the run, best first, at most depth long; the sentence cosines of every candidate).
    """
    passage = dict(passage_run)
    candidates = sorted(set(passage) | {cid for cid, _ in sentence_run})
    if not candidates:
        return [], {}
    missing = [cid for cid in candidates if cid not in passage]
    if missing:
        passage.update(zip(missing, (backend.passages.vectors(missing) @ vector).tolist()))
    sentences = sentence_scores(backend, vector, candidates)
    best = {cid: float(s.max()) if len(s) else passage[cid] for cid, s in sentences.items()}
    run = [(cid, (1 - sentence_weight) * passage[cid] + sentence_weight * best[cid]) for cid in candidates]
    run.sort(key=lambda item: (-item[1], item[0]))
    return run[:depth], sentences


def sparse_run(backend: Backend, terms: Sequence[str], depth: int, where: Filter) -> Run:
    """BM25 top-depth over the terms; empty when no term is in the index."""
    return backend.sparse.search(list(terms), depth, where) if terms else []


def both_runs(
    backend: Backend, vector: np.ndarray | None, terms: Sequence[str] | None, depth: int, where: Filter,
    sentence_weight: float, parallel: bool = False,
) -> tuple[Run, SentenceScores, Run]:
    """(dense run, its sentence cosines, BM25 run): dense_scores (when a vector is given) and sparse_run (when terms are).

    parallel: the sentence search and BM25 run in the helper thread while this one searches the passages
    (retriever/stages.py); the runs are the same either way.
    """
    query = None if vector is None else vector[None, :]
    side = start(lambda: (
        [] if query is None else backend.sentences.search(query, depth, where)[0],
        [] if terms is None else sparse_run(backend, terms, depth, where),
    ), parallel and query is not None)
    passage = [] if query is None else backend.passages.search(query, depth, where)[0]
    by_sentence, sparse = side.result()
    if query is None:
        return [], {}, sparse
    dense, sentences = dense_scores(backend, vector, passage, by_sentence, depth, sentence_weight)
    return dense, sentences, sparse
