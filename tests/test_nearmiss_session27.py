"""Session 27, nm8: how the text states a number: its unit's dimension, its bound's side, a name's numeral, the asker's
own figure in another scale."""

from __future__ import annotations

import pytest

from eval.nearmiss_generated import generate
from eval.questions import EvalQuestion
from retriever.answerability import eras
from retriever.answerability.answer_check import _unquoted, clause_number, quoted_numbers
from retriever.answerability.english_units import named_measure
from retriever.answerability.quantity import asked_unit, bounds_in, has_number, other_side
from retriever.answerability.units import Unit
from tests.test_answerability import chunk


def _unit(label: str, *forms: str) -> Unit:
    return Unit(label, 4.0, (label, *forms))


def test_a_unit_of_measure_after_duoshao_asks_its_dimension():
    assert asked_unit("湘潭锰矿地质公园占地多少公顷？") == "公顷"
    assert asked_unit("削减了多少公斤二氧化硫？") == "公斤"
    assert asked_unit("多少克拉") == ""  # carats: no weight of the table
    assert has_number("公园占地300亩", "公顷") and has_number("占地2平方公里", "公顷")  # another unit of the area
    assert not has_number("拆除1416台燃煤锅炉，投资2亿元", "公顷")  # a count or a sum of money is no area
    assert has_number("削减二氧化硫约12499吨", "公斤")
    eras.RULES_BEFORE = 27
    try:
        assert asked_unit("湘潭锰矿地质公园占地多少公顷？") == ""  # before: any number
    finally:
        eras.RULES_BEFORE = None


def test_how_much_percent_asks_a_percentage():
    assert asked_unit("xiangtan heavy metal bond 1.8 billion, interest rate is how much percent?") == "%"
    assert asked_unit("how much did jining spend?") == ""


def test_a_bound_on_the_other_side_counts_other_things():
    assert bounds_in("大连市区拆除的604台燃煤锅炉中,10吨以上的有____台?") == [("10", "up")]
    assert bounds_in("how many boilers over 10 tonnes") == [("10", "up")]
    assert bounds_in("boilers of 10 tonnes or more") == [("10", "up")]
    assert other_side([("10", "up")], "全市共拆除1416台10吨以下燃煤锅炉")
    assert not other_side([("10", "down")], "全市共拆除1416台10吨以下燃煤锅炉")
    assert not other_side([("10", "up")], "全市共拆除1416台燃煤锅炉")  # no bound written: the attribute's share decides
    boilers, torn = _unit("锅炉"), _unit("拆除")
    dalian = chunk("d#1", "张海冰", "全市共拆除1416台10吨以下燃煤锅炉。")
    assert clause_number("台", [boilers], [dalian], [boilers, torn], ("10",), "", [("10", "down")]) == 1.0
    assert clause_number("台", [boilers], [dalian], [boilers, torn], ("10",), "", [("10", "up")]) == 0.0
    # the unit of a bound names the things' size, not the asked number's unit
    assert named_measure("how many coal-fired boilers over 10 tonnes did dalian tear down?") == ""
    assert named_measure("what is the area, in hectares?") == "公顷"


def test_a_numeral_inside_a_quoted_name_counts_nothing():
    firms, shut = _unit("企业"), _unit("取缔")
    nanyang = chunk("d#2", "王奇", "彻底取缔重污染的“十五小”企业，专项整治九大重点行业。")
    assert clause_number("个数", [firms], [nanyang], [firms, shut], (), "企业") == 0.0
    counted = chunk("d#3", "王奇", "彻底取缔重污染的“十五小”企业120家。")
    assert clause_number("个数", [firms], [counted], [firms, shut], (), "企业") == 1.0


def test_the_askers_figure_in_another_scale_is_no_answer():
    assert quoted_numbers("How much of Jining's 40.85 million yuan in fines has been collected?") == ("40.85", "4085")
    assert "18" in quoted_numbers("bond 1.8 billion, interest rate?")
    assert "4085" not in _unquoted("行政处罚金额4085万元", ("4085",))
    assert not has_number(_unquoted("行政处罚金额4085万元", ("4085",)), "元")  # its 万 goes with it


def test_the_generator_rewrites_by_the_texts_ways_of_stating():
    rows = [
        EvalQuestion("x1", "大连拆除了多少台10吨以下燃煤锅炉？", ("1416台",), "number", "zh", "tune", "gold"),
        EvalQuestion("x2", "What percentage of the sources were shut?", ("24%",), "paraphrase_english", "en", "tune", "gold"),
        EvalQuestion("x3", "大连削减了多少吨烟尘？", ("9300吨",), "number", "zh", "tune", "gold"),
        EvalQuestion("x4", "湘潭的市长是谁？", (), "near_miss", "zh", "tune", "gold"),
    ]
    made = generate(rows, seed=1)
    kinds = {(p, s) for p, s, _, _ in made}
    assert ("bound_flip", "x1") in kinds and ("measure_other", "x1") in kinds
    assert ("percent_much", "x2") in kinds and ("measure_same", "x3") in kinds
    assert not any(s == "x4" for _, s, _, _ in made)  # only answerable questions are rewritten
    assert any(q == "大连拆除了多少台10吨以上燃煤锅炉？" and not a for _, _, q, a in made)


@pytest.mark.parametrize("argv", [["--seed", "x"], ["--index", "/no/such/index"], ["--bogus"]])
def test_the_generator_cli_gives_one_line_errors(argv, capsys):
    from eval.nearmiss_generated import main

    assert main(argv) == 2
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ")
