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
        block = {
            "retrieval": {"gold": {"recall@1": r1, "recall@5": 1.0, "mrr@10": 1.0}},
            "answer_sentence": 0.9,
            "abstention": {"out_of_scope": 1.0, "near_miss": 0.9, "nonsense": 1.0, "false_abstention": false_rate},
        }
        return {"modes": {"hybrid": {"splits": {"tune": block, "heldout": block}}}, "config": {}, "questions": {}}

    from eval.expected import expected_figures

    expected = expected_figures(results(0.90, 0.02))
    assert set(expected["modes"]["hybrid"]) == {"tune", "heldout"}
    assert regressions(results(0.89, 0.03), expected) == []
    lines = regressions(results(0.85, 0.10), expected)
    assert any("heldout gold_recall@1" in line for line in lines) and any("false_abstention" in line for line in lines)


def test_summary_per_split_and_category(tmp_path):
    from eval import report, summary
    from eval.questions import EvalQuestion

    questions = [
        EvalQuestion("a1", "q", ("1416台",), "number", "zh", "tune", "gold"),
        EvalQuestion("a2", "q", ("992名",), "typo", "zh", "heldout", "readers"),
        EvalQuestion("n1", "q", (), "near_miss", "zh", "heldout", "readers"),
        EvalQuestion("n2", "q", (), "nonsense", "mixed", "heldout", "readers"),
    ]
    chunks = {"c1": "拆除1416台", "c2": "网格员992名"}
    obs = {
        "a1": {"ranking": ["c1"], "texts": ["拆除1416台"], "abstained": False, "confidence": 0.9, "sentence": "拆除1416台"},
        "a2": {"ranking": ["c1", "c2"], "texts": ["拆除1416台", "网格员992名"], "abstained": True, "confidence": 0.2,
               "sentence": "拆除1416台"},
        "n1": {"ranking": ["c1"], "texts": ["x"], "abstained": True, "confidence": 0.1, "sentence": ""},
        "n2": {"ranking": ["c1"], "texts": ["x"], "abstained": False, "confidence": 0.6, "sentence": ""},
    }
    for o in obs.values():
        o |= {"search_s": 0.01, "answer_s": 0.02}
    mode = summary.summarize_mode(questions, chunks, obs)
    held = mode["splits"]["heldout"]
    assert held["retrieval"]["readers"]["recall@1"] == 0.0 and held["retrieval"]["readers"]["recall@5"] == 1.0
    assert held["abstention"]["near_miss"] == 1.0 and held["abstention"]["nonsense"] == 0.0
    assert held["abstention"]["false_abstention"] == 1.0 and held["categories"]["readers/typo"]["answer_sentence"] == 0.0
    assert mode["splits"]["tune"]["categories"]["gold/number"]["answer_sentence"] == 1.0
    assert mode["splits"]["all"]["questions"] == 4
    results = {"questions": {"gold": {"tune": 1}}, "modes": {"hybrid": mode}, "significance": {},
               "config": {"embedder": "e", "chunk_count": 2, "answer_k": 5, "created_at": "now"}}
    paths = report.write_reports(results, tmp_path / "reports")
    assert [p.name for p in paths] == ["eval.md", "eval.png", "reliability.png", "eval.json"]
    text = paths[0].read_text(encoding="utf-8")
    assert "readers/near_miss" in text and "held-out" in text and "reliability.png" in text


def test_reliability_bins_and_calibration_error():
    from eval.summary import reliability

    perfect = reliability([0.05, 0.05, 0.95, 0.95], [False, False, True, True])
    assert perfect["ece"] == pytest.approx(0.05) and [b["n"] for b in perfect["bins"]] == [2, 2]
    wrong = reliability([0.95, 0.95], [False, False])
    assert wrong["ece"] == pytest.approx(0.95) and wrong["brier"] == pytest.approx(0.9025)


def test_tune_misses_table_counts_ranks_per_group():
    from eval.misses import table
    from eval.questions import EvalQuestion

    def q(qid, category):
        return EvalQuestion(qid, "?", ("a",), category, "zh", "tune", "gold")

    rows = [(q("1", "fact"), {"hybrid": (1, [])}), (q("2", "fact"), {"hybrid": (4, [])}), (q("3", "number"), {"hybrid": (None, [])})]
    lines = {line.split()[0]: line for line in table(rows).splitlines()}
    assert "R@1 0.500  R@5 1.000  MRR 0.625" in lines["gold/fact"]
    assert "R@1 0.333  R@5 0.667  MRR 0.417" in lines["ALL"]
