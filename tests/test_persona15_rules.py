"""Rules for readers14's and followups14's tune misses left by session 18 (persona15): a half-remembered figure asked
again (好像发了十几个亿，到底是多少来着？ / I seem to remember … How old is it really?), a guess checked after the question
(Was it below one percent?), a one-character verb with its aspect particle (发了 for the text's 发行), a department the
text names by its function (公安系统 for 哪个部门), a sentence opening with a demonstrative (这场攻坚战…) about the passage's
topic, the rest of a list the text closes with 等, a kind asked by a compound (哪家融资平台公司), and English 'it' after
'Which <Name> <thing> …?'. Reworded questions, not the sets' rows; the real index for the judge."""

from __future__ import annotations

import pytest

from index.wordforms import base_forms
from retriever.answerability.answer_check import gives
from retriever.answerability.kinds import asked_kind, kind_named
from retriever.answerability.lists import excluded_members, rest_named
from retriever.answerability.preamble import english_remembered, guess_checked, remembered, unframed
from retriever.answerability.units import aspected


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("大连好像拆了一千多台锅炉，究竟是多少？", "大连，拆了多少台锅炉？"),
        ("我记得济宁罚了四千多万，具体是多少？", "济宁罚了多少万？"),
        ("湘潭那个债似乎发了二十来个亿，准确是多少啊？", "湘潭那个债，发了多少亿？"),
        ("湘潭发了多少亿？", "湘潭发了多少亿？"),  # nothing recalled
        ("好像是王奇说的，到底是谁？", "好像是王奇说的，到底是谁？"),  # no figure asked again
    ],
)
def test_a_half_remembered_figure_is_the_number_asked(question, asked):
    assert remembered(question) == asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("I think Dalian tore down about 1,400 boilers. How many was it exactly?", "Dalian tore down how many boilers?"),
        ("If I remember right, the Pubang firm had been around for fifteen years. What's the real number?",
         "The Pubang firm had been around for how many years?"),
        ("I remember the forum. How old is it really?", "I remember the forum. How old is it really?"),  # no figure
        ("I think Dalian removed 1,400 boilers. Who led the work?", "I think Dalian removed 1,400 boilers. Who led the work?"),
    ],
)
def test_an_english_half_remembered_figure_is_the_number_asked(question, asked):
    assert english_remembered(question) == asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("How many boilers did Dalian remove? Was it more than a thousand?", "How many boilers did Dalian remove?"),
        ("湘潭发了多少亿债券？有没有超过20亿？", "湘潭发了多少亿债券？"),
        ("What did Dalian do? Was it effective?", "What did Dalian do? Was it effective?"),  # no figure guessed
        ("Was it below one percent?", "Was it below one percent?"),  # nothing asked before the guess
    ],
)
def test_a_guess_checked_after_the_question_asks_nothing_more(question, asked):
    assert guess_checked(question) == asked


def test_the_recollection_is_no_asker_context():
    assert unframed("我记得济宁罚了四千多万，具体是多少？") == "济宁罚了多少万？"


def test_a_verb_with_its_aspect_particle_is_found_by_the_verb():
    assert aspected("发了") == ["发"] and aspected("建了") == ["建"]
    assert aspected("通过") == [] and aspected("为了") == [] and aspected("好了") == [] and aspected("发行") == []


def test_going_and_doing_are_forms_of_go_and_do():
    assert "go" in base_forms("going") and "do" in base_forms("doing")


def test_a_department_named_by_its_function_answers_which_department():
    asked = ["大连", "黄标车", "部门", "主力"]
    assert gives("这场攻坚战，全市公安系统是主力军。", "name", asked, ("部门",))
    assert not gives("这场攻坚战，大家都是主力军。", "name", asked, ("部门",))
    assert not gives("这场攻坚战，全市公安系统是主力军。", "name", asked, ("公司",))  # a company is no department


TEXT = ["相继出台实施了建筑工地、煤炭堆场、港口码头等9类行业治污技术导则", "专项整治酿造、造纸、化工、制革四大重点行业"]


def test_the_rest_of_a_list_closed_with_deng_is_not_named():
    members = excluded_members("那几类导则，除了建筑工地、煤炭堆场和港口码头，其余的是哪些？")
    assert members == ["建筑工地", "煤炭堆场", "港口码头"]
    assert rest_named(members, TEXT) == 0.0
    assert rest_named(["酿造", "造纸"], TEXT) == 1.0  # 化工、制革 follow
    assert rest_named(["港口码头"], TEXT) == 1.0  # others stand before it
    assert rest_named(["养殖"], TEXT) is None  # not written: no evidence either way
    assert excluded_members("除了建筑工地，济宁还做了什么？") == []  # no list's rest asked... of a named list
    assert excluded_members("济宁出台了哪些导则？") == []


def test_a_kind_asked_by_a_compound_is_the_compound_and_its_modifier():
    assert asked_kind("湘潭是通过哪家融资平台公司发的债？", "zh", {}) == ("融资平台公司", "融资平台")
    assert asked_kind("湘潭引进的是哪家民营环保企业？", "zh", {}) == ("民营环保企业", "民营环保")
    assert asked_kind("南阳的项目是哪家第三方公司运营的", "zh", {}) == ("公司",)
    assert asked_kind("论坛在哪家酒店举行", "zh", {}) == ("酒店",)
    assert kind_named(("融资平台公司", "融资平台"), ["通过融资平台,发行专项债券18亿元"]) == 0.0


@pytest.mark.parametrize(
    "question",
    [
        "济宁罚款那个事，我记得好像罚了三千多万，到底多少来着？",
        "I seem to recall the Pubang landscaping company had been around for fifteen years. How old is it actually?",
        "大连淘汰黄标车，主要是哪个部门出的力？",
        "What percentage of its 2015 sulphur dioxide emissions did Dalian's boiler clean-up cut? Was it over ten percent?",
    ],
)
def test_reworded_readers14_questions_are_answered(retriever, question):
    assert not retriever.answer(question, k=3).abstained


@pytest.mark.parametrize(
    "question",
    ["湘潭发那18亿专项债，用的是哪家融资平台公司？", "南阳那九大重点行业，除了酿造、造纸和化工，其余六个分别是什么？"],
)
def test_a_name_or_list_member_the_text_never_gives_is_refused(retriever, question):
    assert retriever.answer(question, k=3).abstained


def test_it_after_which_named_thing_is_that_thing(retriever):
    answer = retriever.answer("What does it do for the city?", k=3, history=["Which Tsinghua school helps Jining with air quality?"])
    assert "Tsinghua school" in answer.rewritten and "Jining" in answer.rewritten
