"""eval/variants.py: readers' exam, technical, opinion and own-context variants of answerable tune questions."""

from __future__ import annotations

import random
from pathlib import Path

from eval import variants as V
from eval.questions import EvalQuestion


def _q(text: str, answers=("843台",), lang="zh") -> EvalQuestion:
    return EvalQuestion(id="x1", question=text, answers=tuple(answers), category="plain", lang=lang, split="tune", set="gold")


def test_blank_takes_the_asked_slot():
    rng = random.Random(1)
    (v,) = V.blank_zh("济宁出台了多少类行业治污技术导则？", rng)
    assert "____类" in v and "多少" not in v and v.rstrip("（填空）").endswith("。")
    assert V.blank_zh("大连拆了多少台锅炉，花了几年？", rng) == []  # two asked slots: no single blank
    assert V.blank_zh("大连 锅炉 多少台", rng) == []  # a keyword query
    (e,) = V.blank_en("What is the theme of the forum?", rng)
    assert e.endswith("The theme of the forum is ____.")
    (e,) = V.blank_en("How many boilers did Dalian remove?", rng)
    assert e.endswith("Dalian removed ____ boilers.")


def test_choice_adds_the_answer_and_other_amounts_of_the_text():
    rng = random.Random(3)
    (v,) = V.choice_zh(_q("大连市区完成了多少台燃煤锅炉的整治？"), [], rng)
    assert "843台" in v and v.count("台") >= 4 and ("A" in v and "B" in v and "C" in v)
    (e,) = V.choice_en(_q("How many boilers did Dalian overhaul?", lang="en"), [], rng)
    assert "(a)" in e and "(c)" in e and "843" in e


def test_abbreviations_opinion_and_context():
    rng = random.Random(1)
    assert V.abbrev_zh("大连削减了多少二氧化硫？", rng) == ["大连削减了多少SO₂？"]
    assert V.abbrev_zh("环保部门现在怎么样？", rng) == []  # 环保部门 is no ministry
    assert V.abbrev_en("How much sulfur dioxide did Dalian cut?", rng) == ["How much SO2 did Dalian cut?"]
    (o,) = V.opinion_zh("区锦雄说人们到海南岛旅游实际上享受的是什么？", rng)
    assert "区锦雄" in o and ("看来" in o or "认为" in o or "之见" in o)
    assert V.opinion_en("What does Ou Jinxiong say China neglected?", rng)[0].startswith(("In Ou Jinxiong's view",
                                                                                          "From Ou Jinxiong's point"))
    assert V.context_zh("大连拆了多少台锅炉？", rng)[0].endswith("大连拆了多少台锅炉？")
    assert V.context_en("How many boilers did Dalian remove?", rng)[0] != "How many boilers did Dalian remove?"


def test_pick_is_seeded_and_keeps_per_kind():
    questions = [_q("大连市区完成了多少台燃煤锅炉的整治？"), _q("How many boilers did Dalian overhaul?", lang="en")]
    a, b = V.pick(questions, 1, seed=5), V.pick(questions, 1, seed=5)
    assert a == b and a
    kinds = [k for _, k, _ in a]
    assert len(kinds) == len(set(kinds)) and set(kinds) <= set(V.KINDS)


def test_bad_arguments_get_one_line_errors(tmp_path, capsys):
    reports = Path(__file__).resolve().parent.parent / "eval" / "reports" / "variants_probe"
    assert V.main(["--out", str(reports)]) == 2
    assert not reports.exists()
    assert V.main(["--out", str(tmp_path / "o"), "--per-kind", "-1"]) == 2
    assert V.main(["--out", str(tmp_path / "o"), "--per-kind", "many"]) == 2
    assert V.main(["--out", str(tmp_path / "o"), "--index", str(tmp_path / "nowhere")]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4 and all(line.startswith("error:") for line in lines)
    assert not (tmp_path / "o").exists()
