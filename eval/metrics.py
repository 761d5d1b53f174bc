"""Quality metrics over ranked lists: pure functions, no I/O (ranx computes the IR metrics).

Relevance is derived from the gold answer strings: a chunk is relevant to a question when its
NFKC-normalised, whitespace-free text contains one of the question's answer strings.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from index.normalize import fold as norm

CUTOFFS = (1, 3, 5, 10)
# "Recall@k" is answer recall (DPR top-k accuracy): at least one relevant chunk in the top k,
# ranx's hit_rate@k. ranx's own recall@k would divide by the number of relevant chunks.
RANX_METRICS = {f"recall@{k}": f"hit_rate@{k}" for k in CUTOFFS} | {"mrr@10": "mrr@10", "ndcg@10": "ndcg@10"}
HEADLINE = tuple(RANX_METRICS)
NO_RELEVANT = "__no_relevant_chunk__"  # stands in when no chunk contains an answer (counts as a miss)
NO_HIT = "__no_hit__"  # stands in for an empty ranking (ranx needs one document per query)
READING_BUDGET = 600


def contains_answer(text: str, answers: Iterable[str]) -> bool:
    """True when the normalised text contains one of the normalised answer strings."""
    haystack = norm(text)
    return any(norm(a) and norm(a) in haystack for a in answers)


def relevance(answers_by_query: Mapping[str, Sequence[str]], chunks: Mapping[str, str]) -> dict[str, dict[str, int]]:
    """Qrels: query id -> {chunk id: 1} for every chunk whose text contains an answer string.

    Args:
        answers_by_query: query id -> answer strings (answerable questions only).
        chunks: chunk id -> chunk text.
    """
    normed = {cid: norm(text) for cid, text in chunks.items()}
    qrels = {}
    for qid, answers in answers_by_query.items():
        needles = [norm(a) for a in answers if norm(a)]
        found = {cid: 1 for cid, text in normed.items() if any(n in text for n in needles)}
        qrels[qid] = found or {NO_RELEVANT: 1}
    return qrels


def ranking_to_run(rankings: Mapping[str, Sequence[str]]) -> dict[str, dict[str, float]]:
    """A ranx run whose scores reproduce the given order exactly (ties in retriever scores cannot reorder it)."""
    run = {}
    for qid, ids in rankings.items():
        ids = list(dict.fromkeys(ids))
        run[qid] = {cid: float(len(ids) - i) for i, cid in enumerate(ids)} or {NO_HIT: 0.0}
    return run


def per_query_metrics(qrels: Mapping, rankings: Mapping[str, Sequence[str]]) -> dict[str, dict[str, float]]:
    """Each headline metric for each query: metric -> query id -> value."""
    from ranx import Qrels, Run, evaluate

    ids = sorted(qrels)
    q = Qrels({qid: dict(qrels[qid]) for qid in ids})
    run = Run(ranking_to_run({qid: rankings.get(qid, ()) for qid in ids}))
    evaluate(q, run, list(RANX_METRICS.values()), return_mean=False, make_comparable=True)
    # ranx keeps each query's value by id in run.scores: no reliance on the order it returns arrays in
    return {name: {qid: float(run.scores[ranx_name][qid]) for qid in ids} for name, ranx_name in RANX_METRICS.items()}


def mean_by_group(per_query: Mapping[str, Mapping[str, float]], groups: Mapping[str, str]) -> dict[str, dict[str, float]]:
    """Mean of each metric per group: group -> metric -> mean (plus 'n', the group's size)."""
    members: dict[str, list[str]] = {}
    for qid, group in groups.items():
        members.setdefault(group, []).append(qid)
    out = {}
    for group, qids in sorted(members.items()):
        row = {metric: float(np.mean([values[q] for q in qids])) for metric, values in per_query.items()}
        out[group] = row | {"n": len(qids)}
    return out


def first_relevant_rank(qrels: Mapping[str, Mapping[str, int]], ranking: Sequence[str]) -> int | None:
    """1-based rank of the first relevant chunk, None when none is retrieved."""
    for rank, cid in enumerate(ranking, start=1):
        if cid in qrels:
            return rank
    return None


def reading_budget_hit(passages: Sequence[str], answers: Sequence[str], budget: int = READING_BUDGET) -> bool:
    """True when an answer string lies within the first `budget` characters of the passages joined in order."""
    return contains_answer("".join(passages)[:budget], answers)


def abstention_metrics(abstained: Mapping[str, bool], answerable: Mapping[str, bool]) -> dict[str, float]:
    """Precision and recall of abstaining on out-of-scope questions, and the false-abstention rate on answerable ones."""
    oos = [q for q, a in answerable.items() if not a]
    ans = [q for q, a in answerable.items() if a]
    abstain_ids = [q for q, x in abstained.items() if x]
    true_abstain = sum(1 for q in oos if abstained[q])
    false_abstain = sum(1 for q in ans if abstained[q])
    return {
        "precision": true_abstain / len(abstain_ids) if abstain_ids else 1.0,
        "recall": true_abstain / len(oos) if oos else 1.0,
        "false_abstention_rate": false_abstain / len(ans) if ans else 0.0,
        "out_of_scope": len(oos),
        "answerable": len(ans),
    }


def latency_summary(seconds: Sequence[float]) -> dict[str, float]:
    """p50, p95 and mean in milliseconds."""
    if not len(seconds):
        return {"p50_ms": math.nan, "p95_ms": math.nan, "mean_ms": math.nan, "n": 0}
    ms = np.asarray(seconds, dtype=float) * 1000
    return {
        "p50_ms": float(np.percentile(ms, 50)),
        "p95_ms": float(np.percentile(ms, 95)),
        "mean_ms": float(ms.mean()),
        "n": len(ms),
    }


def significance(qrels: Mapping, rankings_by_mode: Mapping[str, Mapping[str, Sequence[str]]], max_p: float = 0.05) -> dict:
    """Paired significance between modes (ranx compare, two-sided paired t-test) on the headline metrics.

    Returns:
        mode -> other mode -> metric -> p-value, and 'max_p'.
    """
    from ranx import Qrels, Run, compare

    if len(rankings_by_mode) < 2:
        return {"max_p": max_p, "p_values": {}}
    ids = sorted(qrels)
    q = Qrels({qid: dict(qrels[qid]) for qid in ids})
    runs = [Run(ranking_to_run({qid: r.get(qid, ()) for qid in ids}), name=mode) for mode, r in rankings_by_mode.items()]
    report = compare(q, runs, metrics=list(RANX_METRICS.values()), max_p=max_p, make_comparable=True).to_dict()
    inverse = {v: k for k, v in RANX_METRICS.items()}
    p_values = {
        mode: {
            other: {inverse[m]: float(p) for m, p in by_metric.items()}
            for other, by_metric in report[mode]["comparisons"].items()
        }
        for mode in rankings_by_mode
    }
    return {"max_p": max_p, "test": report["stat_test"], "p_values": p_values}
