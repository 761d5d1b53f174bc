"""The figures of an evaluation run, per split and per category: pure functions over the observations.

An observation is what one question got in one mode: its ranking (chunk ids), the passages' texts,
whether answer() abstained, its confidence and its answer sentence. Every figure is computed for
the tune split, the held-out split and both together ("all").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from eval import metrics

SPLITS = ("tune", "heldout", "all")
RETRIEVAL = ("recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10", "reading_budget")
GROUP_METRICS = ("recall@1", "recall@5", "mrr@10", "answer_sentence", "false_abstention")
UNANSWERABLE_KINDS = ("out_of_scope", "near_miss", "nonsense")
BINS = 10


def _mean(values: Sequence[float]) -> float:
    return float(np.mean(values)) if len(values) else float("nan")


def per_question(questions, chunks: Mapping[str, str], obs: Mapping[str, dict]) -> tuple[dict, dict]:
    """(qrels, metric -> question id -> value) for the answerable questions of one mode's observations."""
    answerable = [q for q in questions if q.answerable]
    qrels = metrics.relevance({q.id: q.answers for q in answerable}, chunks)
    values = metrics.per_query_metrics(qrels, {q.id: obs[q.id]["ranking"] for q in answerable})
    values["reading_budget"] = {q.id: float(metrics.reading_budget_hit(obs[q.id]["texts"], q.answers)) for q in answerable}
    values["answer_sentence"] = {q.id: float(metrics.contains_answer(obs[q.id]["sentence"], q.answers)) for q in answerable}
    values["false_abstention"] = {q.id: float(obs[q.id]["abstained"]) for q in answerable}
    return qrels, values


def block(questions, values: Mapping[str, Mapping[str, float]], obs: Mapping[str, dict]) -> dict:
    """The figures of one set of questions (one split): retrieval per set, categories, abstention, failures."""
    answerable = [q for q in questions if q.answerable]
    retrieval = {}
    for name in sorted({q.set for q in answerable}) + ["all"]:
        members = [q.id for q in answerable if name in ("all", q.set)]
        retrieval[name] = {m: _mean([values[m][i] for i in members]) for m in RETRIEVAL} | {"n": len(members)}
    categories = {}
    for group in sorted({q.group for q in questions}):
        members = [q for q in questions if q.group == group]
        if members[0].answerable:
            categories[group] = {m: _mean([values[m][q.id] for q in members]) for m in GROUP_METRICS}
        else:
            categories[group] = {"abstention": _mean([float(obs[q.id]["abstained"]) for q in members])}
        categories[group]["n"] = len(members)
    unanswerable = [q for q in questions if not q.answerable]
    abstained = [q for q in questions if obs[q.id]["abstained"]]
    abstention = {
        kind: _mean([float(obs[q.id]["abstained"]) for q in unanswerable if q.category == kind]) for kind in UNANSWERABLE_KINDS
    } | {
        "unanswerable": _mean([float(obs[q.id]["abstained"]) for q in unanswerable]),
        "false_abstention": _mean([float(obs[q.id]["abstained"]) for q in answerable]),
        "precision": _mean([float(not q.answerable) for q in abstained]) if abstained else 1.0,
    }
    return {
        "questions": len(questions),
        "answerable": len(answerable),
        "retrieval": retrieval,
        "answer_sentence": _mean([values["answer_sentence"][q.id] for q in answerable]),
        "abstention": abstention,
        "categories": categories,
        "reliability": reliability([obs[q.id]["confidence"] for q in questions], [q.answerable for q in questions]),
        "failures": {
            "not_top1": [q.id for q in answerable if values["recall@1"][q.id] == 0],
            "not_top5": [q.id for q in answerable if values["recall@5"][q.id] == 0],
            "answer_sentence": [q.id for q in answerable if values["answer_sentence"][q.id] == 0],
            "false_abstention": [q.id for q in answerable if obs[q.id]["abstained"]],
            "missed_abstention": [q.id for q in unanswerable if not obs[q.id]["abstained"]],
        },
    }


def reliability(confidences: Sequence[float], answerable: Sequence[bool], bins: int = BINS) -> dict:
    """Reliability of the confidence as a probability that the question is answerable.

    Returns:
        'bins' (lower edge, upper edge, n, mean confidence, share answerable), the expected
        calibration error 'ece' (bin-size-weighted |confidence - share|) and the Brier score.
    """
    conf = np.clip(np.asarray(confidences, dtype=float), 0.0, 1.0)
    truth = np.asarray(answerable, dtype=float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.minimum(np.digitize(conf, edges[1:-1]), bins - 1)
    rows, ece = [], 0.0
    for b in range(bins):
        mask = index == b
        n = int(mask.sum())
        if n:
            mean_conf, share = float(conf[mask].mean()), float(truth[mask].mean())
            ece += n / len(conf) * abs(mean_conf - share)
            rows.append({"low": float(edges[b]), "high": float(edges[b + 1]), "n": n, "confidence": mean_conf, "answerable": share})
    brier = float(np.mean((conf - truth) ** 2)) if len(conf) else float("nan")
    return {"bins": rows, "ece": float(ece), "brier": brier, "n": int(len(conf))}


def summarize_mode(questions, chunks: Mapping[str, str], obs: Mapping[str, dict]) -> dict:
    """Every figure of one mode: per split, plus latency over all questions."""
    _, values = per_question(questions, chunks, obs)
    splits = {split: block([q for q in questions if split in ("all", q.split)], values, obs) for split in SPLITS}
    return {
        "splits": splits,
        "latency": {
            "search": metrics.latency_summary([o["search_s"] for o in obs.values()]),
            "answer": metrics.latency_summary([o["answer_s"] for o in obs.values()]),
        },
    }


def overall(questions, chunks: Mapping[str, str], obs: Mapping[str, dict]) -> dict:
    """The overall figures of one mode on any questions (id, answers, answerable): retrieval and answer-sentence
    means over the answerable ones, abstention recall/precision and false abstention, latency."""
    _, values = per_question(questions, chunks, obs)
    answerable = [q for q in questions if q.answerable]
    figures = {m: _mean([values[m][q.id] for q in answerable]) for m in RETRIEVAL + ("answer_sentence",)}
    abstention = metrics.abstention_metrics(
        {q.id: obs[q.id]["abstained"] for q in questions}, {q.id: q.answerable for q in questions}
    )
    latency = {kind: metrics.latency_summary([obs[q.id][f"{kind}_s"] for q in questions]) for kind in ("search", "answer")}
    return {"overall": figures, "abstention": abstention, "latency": latency}


def significance(questions, chunks: Mapping[str, str], observations: Mapping[str, Mapping[str, dict]]) -> dict:
    """Paired significance between modes on the answerable gold questions (both splits)."""
    gold = [q for q in questions if q.answerable and q.set == "gold"]
    if not gold:
        return {"max_p": 0.05, "p_values": {}}
    qrels = metrics.relevance({q.id: q.answers for q in gold}, chunks)
    rankings = {mode: {q.id: obs[q.id]["ranking"] for q in gold} for mode, obs in observations.items()}
    return metrics.significance(qrels, rankings)
