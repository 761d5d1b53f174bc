"""eval/paraphrase_stress.py: the general transforms of answerable tune questions and the misfire report."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np

from eval import paraphrase_stress as ps


def test_question_words_swap_counts_and_which():
    assert "大连拆除了几台燃煤锅炉？" in ps.question_words("大连拆除了多少台燃煤锅炉？")
    assert "济宁配备了多少名网格员？" in ps.question_words("济宁配备了几名网格员？")
    assert "南阳要杜绝什么现象？" in ps.question_words("南阳要杜绝哪些现象？")
    assert "What number of boilers did Dalian remove?" in ps.question_words("How many boilers did Dalian remove?")


def test_particles_add_and_drop_politeness():
    assert "请问大连拆除了多少台燃煤锅炉呢？" in ps.particles("大连拆除了多少台燃煤锅炉？")
    assert "大连拆除了多少台燃煤锅炉？" in ps.particles("请问大连拆除了多少台燃煤锅炉？")
    assert all(v != "大连拆除了多少台燃煤锅炉？" for v in ps.particles("大连拆除了多少台燃煤锅炉？"))


def test_reorder_and_move():
    assert ps.reorder("大连那些燃煤锅炉，一共拆了多少台？") == ["一共拆了多少台，大连那些燃煤锅炉？"]
    assert ps.reorder("How many boilers, in Dalian?") == []
    assert ps.move_question("中国环境报认为改革的核心内容是什么？") == ["什么是中国环境报认为改革的核心内容？"]


def test_variants_are_deterministic_and_leave_the_original_out():
    q = "大连一共拆除了多少台燃煤锅炉？"
    a, b = ps.variants(q, random.Random(1)), ps.variants(q, random.Random(1))
    assert a == b and a and all(v != q for _, v in a)
    assert {k for k, _ in a} <= set(ps.KINDS)


def test_misfires_counts_a_feature_whose_term_falls():
    model = {"features": ["focus_known", "unknown_names"], "mean": [0.0, 0.0], "scale": [1.0, 1.0],
             "coef": [3.0, -3.0], "intercept": 0.0, "threshold": 1 / 3}
    from retriever.answerability import FEATURES

    x = np.zeros((2, len(FEATURES)))
    x[:, FEATURES.index("focus_known")] = 1.0
    xv = x.copy()
    xv[0, FEATURES.index("focus_known")] = 0.0  # the first variant loses focus_known
    report = ps.misfires(x, xv, ["synonym", "particle"], model, 1 / 3)
    assert report["misfires"]["focus_known"]["fires"] == 1
    assert report["misfires"]["unknown_names"]["fires"] == 0
    assert report["overall"]["variants"] == 2


def test_bad_arguments_get_one_line_errors(tmp_path, capsys):
    """--out inside eval/reports and a --reuse file that does not exist: exit 2 with one 'error:' line, nothing written."""
    from eval.paraphrase_stress import main

    reports = Path(__file__).resolve().parent.parent / "eval" / "reports" / "paraphrase_probe"
    assert main(["--out", str(reports)]) == 2
    assert not reports.exists()
    assert main(["--out", str(tmp_path / "out"), "--reuse", str(tmp_path / "missing.jsonl")]) == 2
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("error:")]
    assert len(lines) == 2 and "eval/reports" in lines[0] and "missing.jsonl" in lines[1]


def test_synonym_swaps_keep_the_sense_and_leave_quotes_alone():
    assert ps.same_sense("拆除", "拆毁") and ps.same_sense("对话", "谈话")
    # one shared bare meaning names other things in a text: 'bureau chief', 'trade', 'earth'
    assert not ps.same_sense("局长", "司长") and not ps.same_sense("行业", "经贸") and not ps.same_sense("地球", "泥土")
    q = "“拆除锅炉”行动拆除了多少台？"
    assert all(v.startswith("“拆除锅炉”") for v in ps.chinese_synonyms(q, random.Random(1)))
