"""Scoring follow-ups: ask each conversation once (collect) and turn the rankings into figures (pure).

A passage is relevant when it contains an answer string, as for the gold set.
"""

from __future__ import annotations

from collections.abc import Sequence

from eval import metrics
from eval.followups_sets import FIGURES, K


def collect(retriever, rows: Sequence[dict], condition: str, k: int = K) -> dict[str, dict]:
    """Ask every follow-up once; condition 'history' passes its history, 'alone' does not, and
    'reference' asks the set's reference rewrite alone. Returns the raw observations by id."""
    observations = {}
    for row in rows:
        if condition == "reference":
            answer = retriever.answer(row["rewritten"], k=k)
        else:
            answer = retriever.answer(row["question"], k=k, history=row["history"] if condition == "history" else None)
        observations[row["id"]] = {
            "ranking": [h.chunk_id for h in answer.passages],
            "abstained": bool(answer.abstained),
            "rewritten": answer.rewritten,
        }
    return observations


def _figures(rows: Sequence[dict], qrels: dict, observations: dict) -> dict:
    """R@1, R@5, MRR@10 and false abstention over the answerable rows, near-miss abstention over the rest."""
    answerable = [r for r in rows if r["answers"]]
    unanswerable = [r for r in rows if not r["answers"]]
    out: dict = {"n": len(rows), "answerable": len(answerable)}
    if answerable:
        per_query = metrics.per_query_metrics(
            {r["id"]: qrels[r["id"]] for r in answerable}, {r["id"]: observations[r["id"]]["ranking"] for r in answerable}
        )
        for name in FIGURES:
            out[name] = sum(per_query[name].values()) / len(answerable)
        out["false_abstention"] = sum(observations[r["id"]]["abstained"] for r in answerable) / len(answerable)
    if unanswerable:
        out["near_miss_abstention"] = sum(observations[r["id"]]["abstained"] for r in unanswerable) / len(unanswerable)
    out["rewritten"] = sum(bool(observations[r["id"]]["rewritten"]) for r in rows) / len(rows)
    return out


def retrieval_figures(rows: Sequence[dict], chunks: dict[str, str], observations: dict) -> dict:
    """recall@1, recall@5 and false_abstention over the rows that have answers ({} when none has; pure)."""
    answerable = [r for r in rows if r["answers"]]
    if not answerable:
        return {}
    qrels = metrics.relevance({r["id"]: r["answers"] for r in answerable}, chunks)
    ranks = [metrics.first_relevant_rank(qrels[r["id"]], observations[r["id"]]["ranking"]) for r in answerable]
    return {
        "recall@1": sum(rank == 1 for rank in ranks) / len(ranks),
        "recall@5": sum(rank is not None and rank <= 5 for rank in ranks) / len(ranks),
        "false_abstention": sum(observations[r["id"]]["abstained"] for r in answerable) / len(answerable),
    }


def score(rows: Sequence[dict], chunks: dict[str, str], observations: dict) -> dict:
    """Figures per split, and per split and category (pure: no retriever, no I/O).

    Returns:
        {split: {"all": figures, category: figures}, "all": figures}; a figures dict has n,
        answerable, recall@1, recall@5, mrr@10, false_abstention (over answerable rows),
        near_miss_abstention (over rows without answers) and rewritten (share rewritten).
    """
    qrels = metrics.relevance({r["id"]: r["answers"] for r in rows if r["answers"]}, chunks)
    out: dict = {"all": _figures(rows, qrels, observations)}
    for split in sorted({r["split"] for r in rows}):
        in_split = [r for r in rows if r["split"] == split]
        out[split] = {"all": _figures(in_split, qrels, observations)}
        for category in sorted({r["category"] for r in in_split}):
            out[split][category] = _figures([r for r in in_split if r["category"] == category], qrels, observations)
    return out


def failures(rows: Sequence[dict], chunks: dict[str, str], observations: dict) -> list[dict]:
    """The rows whose answer is not at rank 1 or whose abstention is wrong, with what was searched."""
    qrels = metrics.relevance({r["id"]: r["answers"] for r in rows if r["answers"]}, chunks)
    out = []
    for row in rows:
        obs = observations[row["id"]]
        if row["answers"]:
            rank = metrics.first_relevant_rank(qrels[row["id"]], obs["ranking"])
            if rank == 1 and not obs["abstained"]:
                continue
        elif obs["abstained"]:
            continue
        else:
            rank = None
        out.append({
            "id": row["id"], "split": row["split"], "category": row["category"], "rank": rank,
            "abstained": obs["abstained"], "searched": obs["rewritten"] or row["question"],
        })
    return out


def parity(rows: Sequence[dict], history: dict, reference: dict) -> dict[str, list[str]]:
    """Answerable rows refused only with history ('history_only': answered as the writer's own standalone question)
    or only as the reference ('reference_only')."""
    ids = [r["id"] for r in rows if r["answers"]]
    return {"history_only": [i for i in ids if history[i]["abstained"] and not reference[i]["abstained"]],
            "reference_only": [i for i in ids if reference[i]["abstained"] and not history[i]["abstained"]]}
