"""Session 26, nm7: an amount asked of a named body or place stands by its number; 'how much clout' asks no number."""

from __future__ import annotations

from retriever.answerability.answer_check import clause_number, named_object
from retriever.answerability.quantity import asked_unit
from retriever.answerability.units import Unit
from tests.test_answerability import chunk


def _unit(label: str, *forms: str) -> Unit:
    return Unit(label, 4.0, (label, *forms))


def test_an_amount_asked_of_a_named_body_needs_the_name_by_the_number():
    tsinghua = _unit("tsinghua", "清华", "清华大学")
    pay = _unit("paying", "投入", "资金")
    jining = chunk("d#1", "许伟", "我们与清华大学合作，建立了大气管家。去年空气改善明显。全市环保系统投入资金4085万元。")
    # Jining pays 40.85 million yuan into something; Tsinghua stands two sentences before: no amount paid to Tsinghua
    # (the sentence before a number's first clause is its context, as for every clause_number window)
    assert clause_number("", [tsinghua], [jining], [pay, tsinghua]) == 0.0
    told = chunk("d#2", "许伟", "我们每年向清华大学支付资金500万元。")
    assert clause_number("", [tsinghua], [told], [pay, tsinghua]) == 1.0
    # a name the passages never write is left to the other checks (fails open: the attribute's share as before)
    elsewhere = chunk("d#3", "许伟", "全市环保系统投入资金4085万元。")
    assert clause_number("", [tsinghua], [elsewhere], [pay, tsinghua]) == 0.5


def test_named_objects_are_names_of_places_and_bodies_not_common_words():
    assert named_object(_unit("zhubugang", "竹埠港")) and named_object(_unit("tsinghua", "清华大学"))
    assert not named_object(_unit("town", "乡镇", "小镇")) and not named_object(_unit("previous", "过去"))


def test_how_much_clout_asks_an_extent_not_a_number():
    assert asked_unit("before the new joint inspections, how much clout did dalian's environment bureau have?") is None
    assert asked_unit("how much say did the bureau have?") is None
    assert asked_unit("how much money did jining spend?") is not None
    assert asked_unit("how much power does the plant generate?") is not None
