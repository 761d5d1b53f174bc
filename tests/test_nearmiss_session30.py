"""Session 30 (nm11): 多少个 reads no number of levels; an English verb of paying asks a sum; a bound set once scopes
its sentence; a guessed round number is no question word."""

from __future__ import annotations

from eval.nearmiss_generated import generate
from eval.questions import EvalQuestion
from index.normalize import canonical
from retriever.answerability import eras
from retriever.answerability.focus import _guess
from retriever.answerability.quantity import asked_unit, asks_rate


def _unit(question: str) -> str | None:
    return asked_unit(canonical(question))


def test_an_english_verb_of_paying_asks_a_sum():
    assert _unit("What does Tsinghua charge Jining for it each year?") == "元"
    assert _unit("What does a grid officer earn?") == "元"
    assert _unit("What price does Xiangtan pay?") == "元"
    # what was bought, paid for or spent on is a thing; what X does to pay is a how; paying attention is no money
    assert _unit("What did Jining spend more than two hundred million yuan building?") is None
    assert _unit("What did Dalian pay for?") is None
    assert _unit("What does Xiangtan do to pay the bank back?") is None
    assert _unit("What did Dalian pay attention to?") is None
    eras.RULES_BEFORE = 30
    try:
        assert _unit("What does a grid officer earn?") is None
    finally:
        eras.RULES_BEFORE = None


def test_the_verb_mean_is_no_worked_out_average():
    question = canonical("What does the forum mean by the 'environmental butler', and what does Tsinghua charge for it each year?")
    assert asks_rate(question, asked_unit(question))
    average = canonical("What is the mean cost each year?")
    assert not asks_rate(average, asked_unit(average))


def test_a_guessed_round_number_is_no_question_word():
    cut = [("有", "v"), ("几", "m"), ("10", "m"), ("家", "m"), ("多少", "m")]
    assert _guess(cut, 1) and not _guess(cut, 4)
    assert _guess([("几十家", "m")], 0) and _guess([("十几台", "m")], 0)
    assert not _guess([("几", "m"), ("台", "q")], 0)


def test_a_guessed_round_number_asks_no_unit_when_a_question_word_follows():
    assert _unit("湘潭竹埠港重点区域是不是有几十家企业退出？具体多少公斤？") == "公斤"
    assert _unit("湘潭竹埠港重点区域是不是有几十家企业退出？具体多少家？") == "家"
    assert _unit("大连拆了几台锅炉？") == "台"


def test_generated_level_and_count_rows():
    questions = [
        EvalQuestion("x1", "南阳搞了几级环境监管网格啊？", ("市县乡村4级环境监管网格",), "fact", "zh", "tune", "gold"),
        EvalQuestion("x2", "济宁环保跟公安一块儿办了多少案子？", ("查处案件102个",), "fact", "zh", "tune", "gold"),
        EvalQuestion("x3", "南阳给北方送了多少水啊？", ("60亿立方米",), "fact", "zh", "tune", "gold"),
    ]
    rows = {(p, s, q): a for p, s, q, a in generate(questions)}
    assert rows[("levels_count", "x1", "南阳搞了多少个环境监管网格啊？")] is False
    assert rows[("count_ge", "x2", "济宁环保跟公安一块儿办了多少个案子？")] is True
    assert not any(s == "x3" and p == "count_ge" for p, s, _ in rows)
