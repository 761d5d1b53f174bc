"""Metric functions on small hand-made rankings (no index needed)."""

from __future__ import annotations

import pytest

from eval import metrics
from eval.expected import regressions


def test_relevance_is_normalised_substring():
    chunks = {"c1": "拆除燃煤锅炉 1416 台", "c2": "别的内容", "c3": "ＡＢＣ"}
    qrels = metrics.relevance({"q1": ["1416台"], "q2": ["abc"], "q3": ["不存在"]}, chunks)
    assert qrels["q1"] == {"c1": 1}
    assert qrels["q2"] == {"c3": 1}
    assert qrels["q3"] == {metrics.NO_RELEVANT: 1}


def test_per_query_metrics_follow_the_given_order():
    qrels = {"a": {"c2": 1}, "b": {"c9": 1}, "c": {"c1": 1}}
    rankings = {"a": ["c1", "c2", "c3"], "b": ["c1"], "c": []}
    values = metrics.per_query_metrics(qrels, rankings)
    assert values["recall@1"] == {"a": 0.0, "b": 0.0, "c": 0.0}
    assert values["recall@3"]["a"] == 1.0
    assert values["mrr@10"]["a"] == pytest.approx(0.5)
    assert values["mrr@10"]["b"] == 0.0


def test_reading_budget_and_abstention():
    assert metrics.reading_budget_hit(["x" * 590, "1416台"], ["1416台"])
    assert not metrics.reading_budget_hit(["x" * 598, "1416台"], ["1416台"])
    result = metrics.abstention_metrics({"o1": True, "o2": False, "a1": True, "a2": False}, {"o1": False, "o2": False, "a1": True, "a2": True})
    assert result["recall"] == 0.5 and result["precision"] == 0.5 and result["false_abstention_rate"] == 0.5


def test_regressions_respect_tolerance_and_direction():
    def results(r1, false_rate):
        overall = {name: 1.0 for name in ("recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10", "reading_budget", "answer_sentence")}
        overall["recall@1"] = r1
        return {"modes": {"hybrid": {"overall": overall, "abstention": {"recall": 1.0, "precision": 1.0, "false_abstention_rate": false_rate}}},
                "config": {}, "questions": 1}

    from eval.expected import expected_figures

    expected = expected_figures(results(0.90, 0.02))
    assert regressions(results(0.89, 0.03), expected) == []
    lines = regressions(results(0.85, 0.10), expected)
    assert any("recall@1" in line for line in lines) and any("false_abstention_rate" in line for line in lines)
