"""Quality parity of the Milvus backend with the local one: the gold questions through both, the same vectors.

The Milvus index is a copy of the local index (index.store.migrate: the same chunks, vectors and tokens),
so the figures measure only what the backend changes: Milvus' search and, with the jieba analyzers,
Milvus' own tokenisation. Figures are given for the tune and held-out parts of eval/gold.jsonl
(eval/sets/gold_split.json) and for all questions; nothing is tuned here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from eval.run import collect, compute

SPLIT = Path(__file__).resolve().parent / "sets" / "gold_split.json"
METRICS = ("recall@5", "mrr@10")


def splits(questions) -> dict[str, list]:
    """The gold questions by split: tune, heldout, and all."""
    heldout = set(json.loads(SPLIT.read_text(encoding="utf-8"))["heldout"])
    return {
        "tune": [q for q in questions if q.id not in heldout],
        "heldout": [q for q in questions if q.id in heldout],
        "all": list(questions),
    }


def observe(retriever, questions, modes: Sequence[str]) -> dict:
    """Search and answer every question with one retriever (eval.run.collect)."""
    return collect(retriever, questions, modes)


def observe_answers(retriever, questions, k: int = 10) -> dict:
    """A cheaper observe() for the hybrid mode: one answer(k=10) per question gives its ranking and abstention."""
    import time

    per_query = {}
    for q in questions:
        started = time.perf_counter()
        answer = retriever.answer(q.question, k=k)
        seconds = time.perf_counter() - started
        per_query[q.id] = {
            "ranking": [h.chunk_id for h in answer.passages],
            "texts": [h.text for h in answer.passages],
            "search_s": seconds,
            "answer_s": seconds,
            "abstained": bool(answer.abstained),
            "confidence": float(answer.confidence),
            "sentence": answer.highlights[answer.answer_index].sentence if answer.highlights else "",
        }
    return {"hybrid": per_query}


def compare(questions, chunks: dict[str, str], reference: dict, other: dict) -> dict:
    """Per split and mode: each backend's R@5 and MRR@10, their difference, and how often they agree.

    Args:
        questions: the gold questions.
        chunks: chunk id -> text (the same for both backends).
        reference, other: observations from observe() (local backend first).

    Returns:
        split -> mode -> figures.
    """
    out: dict = {}
    for split, qs in splits(questions).items():
        ids = {q.id for q in qs}
        ref = compute(qs, chunks, {m: {i: o for i, o in obs.items() if i in ids} for m, obs in reference.items()})
        oth = compute(qs, chunks, {m: {i: o for i, o in obs.items() if i in ids} for m, obs in other.items()})
        out[split] = {}
        for mode in reference:
            a, b = ref["modes"][mode]["overall"], oth["modes"][mode]["overall"]
            same_abstention = sum(reference[mode][q.id]["abstained"] == other[mode][q.id]["abstained"] for q in qs)
            same_top1 = sum(reference[mode][q.id]["ranking"][:1] == other[mode][q.id]["ranking"][:1] for q in qs)
            same_top5 = sum(set(reference[mode][q.id]["ranking"][:5]) == set(other[mode][q.id]["ranking"][:5]) for q in qs)
            out[split][mode] = {
                "n": len(qs),
                **{f"local_{m}": a[m] for m in METRICS},
                **{f"milvus_{m}": b[m] for m in METRICS},
                **{f"delta_{m}": b[m] - a[m] for m in METRICS},
                "same_abstention": same_abstention / len(qs),
                "same_top1": same_top1 / len(qs),
                "same_top5_set": same_top5 / len(qs),
                "local_abstention_recall": ref["modes"][mode]["abstention"]["recall"],
                "milvus_abstention_recall": oth["modes"][mode]["abstention"]["recall"],
                "local_false_abstention": ref["modes"][mode]["abstention"]["false_abstention_rate"],
                "milvus_false_abstention": oth["modes"][mode]["abstention"]["false_abstention_rate"],
                "local_answer_p50_ms": ref["modes"][mode]["latency"]["answer"]["p50_ms"],
                "milvus_answer_p50_ms": oth["modes"][mode]["latency"]["answer"]["p50_ms"],
            }
    return out


def meets_targets(figures: dict, tolerance: float = 0.02, agreement: float = 0.97) -> list[str]:
    """The parity targets a comparison misses (empty when R@5 and MRR are within tolerance and abstention agrees)."""
    missed = []
    for split, modes in figures.items():
        for mode, row in modes.items():
            for metric in METRICS:
                if abs(row[f"delta_{metric}"]) > tolerance:
                    missed.append(f"{split}/{mode}: {metric} differs by {row[f'delta_{metric}']:+.3f}")
            if row["same_abstention"] < agreement:
                missed.append(f"{split}/{mode}: same abstention on {row['same_abstention']:.1%} of questions")
    return missed
