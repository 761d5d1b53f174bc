"""Rank fusion: pure functions over ranked runs (lists of (id, score), best first)."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

Run = Sequence[tuple[Hashable, float]]


def rrf(runs: Sequence[Run], k: int = 60, weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Reciprocal rank fusion: score(d) = sum_i w_i / (k + rank_i(d)), ranks from 1.

    Empty runs contribute nothing. Ties break by id so results repeat.
    """
    weights = weights or [1.0] * len(runs)
    scores: dict[Hashable, float] = {}
    for run, weight in zip(runs, weights):
        for rank, (doc, _) in enumerate(run, start=1):
            scores[doc] = scores.get(doc, 0.0) + weight / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def min_max(run: Run) -> list[tuple[Hashable, float]]:
    """Scale a run's scores to [0, 1]; a run whose scores are all equal maps to 1.0 (no zero division)."""
    if not run:
        return []
    values = [score for _, score in run]
    low, high = min(values), max(values)
    if high - low <= 1e-12:
        return [(doc, 1.0) for doc, _ in run]
    return [(doc, (score - low) / (high - low)) for doc, score in run]


def max_scaled(run: Run) -> list[tuple[Hashable, float]]:
    """Divide a run's (non-negative) scores by its maximum, so 0 stays 0 (for BM25, where 0 means no match)."""
    if not run:
        return []
    high = max(score for _, score in run)
    if high <= 1e-12:
        return [(doc, 0.0) for doc, _ in run]
    return [(doc, score / high) for doc, score in run]


NORMALISERS = {"minmax": min_max, "max": max_scaled}  # keys are retriever.settings.Norm values


def convex(
    runs: Sequence[Run], weights: Sequence[float], norms: Sequence[str] | None = None
) -> list[tuple[Hashable, float]]:
    """Convex combination of normalised scores ('minmax' by default, or 'max' per run).

    A document missing from a run scores 0 there. Ties break by id.
    """
    norms = norms or ["minmax"] * len(runs)
    scores: dict[Hashable, float] = {}
    for run, weight, norm in zip(runs, weights, norms):
        for doc, score in NORMALISERS[getattr(norm, "value", norm)](run):
            scores[doc] = scores.get(doc, 0.0) + weight * score
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def fuse(dense: Run, sparse: Run, mode: str, settings) -> list[tuple[Hashable, float]]:
    """The ranked list a search mode returns: one run alone, or both fused by the settings' method.

    A hybrid search whose BM25 run is empty (an English question with no mapped term) is the
    dense run alone, so BM25 adds no noise.

    Args:
        dense: the dense run.
        sparse: the BM25 run.
        mode: 'hybrid', 'dense' or 'bm25' (a retriever.types.Mode).
        settings: a retriever.settings.FusionSettings.
    """
    mode = getattr(mode, "value", mode)
    if mode == "dense" or (mode == "hybrid" and not sparse):
        return list(dense)
    if mode == "bm25":
        return list(sparse)
    if getattr(settings.method, "value", settings.method) == "convex":
        return convex([dense, sparse], settings.weights, settings.norms)
    return rrf([dense, sparse], k=settings.rrf_k, weights=settings.weights)
