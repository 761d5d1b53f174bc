"""Figures of an open-retrieval run over CMRC 2018: pure functions over ranked (document, passage text) lists.

A passage is relevant when it comes from the question's own paragraph and contains one of its
answer spans (NFKC, whitespace removed: eval.metrics.contains_answer).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from math import comb

from eval.metrics import contains_answer

__all__ = ["BUDGET", "METRICS", "Ranked", "answer_within", "contains_answer", "evaluate", "per_question", "sign_test", "table"]

BUDGET = 600  # characters a reader reads from the top of the results
METRICS = ("doc@1", "passage_r@1", "r@5", "mrr@10", "answer@600", "doc@5")
TITLES = {"doc@1": "doc@1", "passage_r@1": "passage R@1", "r@5": "R@5", "mrr@10": "MRR@10",
          "answer@600": "answer in 600 chars", "doc@5": "doc@5"}


@dataclass(frozen=True)
class Ranked:
    """One retrieved passage: its document and its text as shown."""

    doc: str
    text: str


def relevant(item: Ranked, doc: str, answers: Sequence[str]) -> bool:
    return item.doc == doc and contains_answer(item.text, answers)


def answer_within(ranked: Sequence[Ranked], doc: str, answers: Sequence[str], budget: int = BUDGET) -> bool:
    """True when an answer span of the right paragraph lies within the first `budget` characters read, in rank order."""
    left = budget
    for item in ranked:
        if left <= 0:
            break
        if item.doc == doc and contains_answer(item.text[:left], answers):
            return True
        left -= len(item.text)
    return False


def per_question(question, ranked: Sequence[Ranked]) -> dict[str, float]:
    """Every metric for one question's ranking."""
    ranks = [i for i, item in enumerate(ranked[:10], start=1) if relevant(item, question.doc, question.answers)]
    return {
        "doc@1": float(bool(ranked) and ranked[0].doc == question.doc),
        "passage_r@1": float(bool(ranks) and ranks[0] == 1),
        "r@5": float(bool(ranks) and ranks[0] <= 5),
        "mrr@10": 1.0 / ranks[0] if ranks else 0.0,
        "answer@600": float(answer_within(ranked, question.doc, question.answers)),
        "doc@5": float(any(item.doc == question.doc for item in ranked[:5])),
    }


def sign_test(a: Sequence[float], b: Sequence[float]) -> dict:
    """Paired two-sided exact sign test: questions where a beats b, b beats a, and the p-value."""
    wins = sum(1 for x, y in zip(a, b) if x > y)
    losses = sum(1 for x, y in zip(a, b) if x < y)
    n = wins + losses
    tail = sum(comb(n, i) for i in range(min(wins, losses) + 1)) / 2**n if n else 1.0
    return {"wins": wins, "losses": losses, "p": min(1.0, 2 * tail)}


def evaluate(questions: Sequence, rankings: Mapping[str, Mapping[str, Sequence[Ranked]]], reference: str = "forumqa hybrid") -> dict:
    """Figures per system, sign tests of the reference against each other system, and the reference's misses."""
    systems, per = {}, {}
    for system, by_question in rankings.items():
        values = {q.id: per_question(q, by_question.get(q.id, [])) for q in questions}
        per[system] = values
        systems[system] = {m: sum(v[m] for v in values.values()) / max(len(values), 1) for m in METRICS}
    tests = {}
    if reference in per:
        for system in per:
            if system != reference:
                tests[system] = {
                    m: sign_test([per[reference][q.id][m] for q in questions], [per[system][q.id][m] for q in questions])
                    for m in ("passage_r@1", "doc@1", "answer@600")
                }
    misses = {}
    if reference in per:
        misses = {m: [q.id for q in questions if not per[reference][q.id][m]] for m in ("doc@1", "passage_r@1", "r@5")}
    return {"systems": systems, "sign_tests": tests, "reference": reference, "misses": misses}


def table(results: dict) -> str:
    """The side-by-side table (Markdown)."""
    header = ["system"] + [TITLES[m] for m in METRICS]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for system, figures in results["systems"].items():
        lines.append("| " + " | ".join([system] + [f"{figures[m]:.3f}" for m in METRICS]) + " |")
    return "\n".join(lines)
