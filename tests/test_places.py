"""place_absent (retriever/answerability/places.py) and the place swaps (eval/calibrate_places.py), on the real index."""

from __future__ import annotations

import random

import pytest

from eval.calibrate_places import english_place, other_places, place_swaps
from retriever.service import judge


@pytest.mark.parametrize("question", ["长沙一共淘汰了多少辆黄标车？", "How many yellow-label vehicles did Changsha scrap?"])
def test_a_place_the_text_writes_elsewhere_is_absent_from_the_answering_passage(retriever, question):
    # 大连's passage answers every other word; 长沙 is written only beside 湘江 in 湘潭's
    assert judge(retriever, question).analysis.values["place_absent"] == 1.0


@pytest.mark.parametrize(
    "question",
    ["湘潭与长沙、株洲签订了什么协议？", "What agreement did Xiangtan sign with Changsha and Zhuzhou?",
     "How many yellow-label vehicles did Dalian scrap?", "这个论坛是在哪个城市开的？"],
)
def test_a_place_the_answering_passage_writes_or_a_kind_of_place_is_not_absent(retriever, question):
    assert judge(retriever, question).analysis.values["place_absent"] == 0.0


def test_a_quoted_term_of_another_city_is_absent_and_of_its_own_city_is_not(retriever):
    # the text's “三见” (见企业法人、见驾驶人、见车辆) are 大连's yellow-label cars, none of 南阳's
    assert judge(retriever, "南阳的“三见”指的是哪三见？").analysis.values["place_absent"] == 1.0
    assert judge(retriever, "大连的“三见”指的是哪三见？").analysis.values["place_absent"] == 0.0


def test_other_places_are_dictionary_places_of_no_speaker(retriever):
    places = other_places(retriever.chunks, retriever.answerability.facts.entities)
    assert {"长沙", "株洲"} <= set(places)
    assert not {"上市", "新建", "深度", "大连", "湘潭"} & set(places)  # tagged as places, glossed otherwise; speakers' cities
    assert english_place("湖北省") == "Hubei"


def test_a_place_swap_changes_only_the_city_and_leaves_questions_naming_the_speaker(retriever):
    from eval.questions import EvalQuestion

    def asked(qid, text, lang):
        return EvalQuestion(qid, text, ("x",), "fact", lang, "tune", "test")

    questions = [
        asked("a1", "How many yellow-label vehicles did Dalian scrap?", "en"),
        asked("a2", "大连一共淘汰了多少辆黄标车？", "zh"),
        asked("a3", "How many yellow-label vehicles did Zhang Haibing's Dalian scrap?", "en"),
    ]
    swaps = place_swaps(retriever, questions, retriever.answerability.facts, random.Random(0))
    by_id = {e.group: e.question for e in swaps}
    assert set(by_id) == {"a1", "a2"} and all(e.label == 0 for e in swaps)
    assert by_id["a1"].startswith("How many yellow-label vehicles did ") and "Dalian" not in by_id["a1"]
    assert by_id["a2"].endswith("一共淘汰了多少辆黄标车？") and "大连" not in by_id["a2"]


def test_the_reason_names_the_place_as_the_question_writes_it(retriever):
    verdict = judge(retriever, "How many yellow-label vehicles did Changsha scrap?")
    assert verdict.analysis.elsewhere == ("Changsha",)


@pytest.mark.parametrize(
    "question",
    ["全国拆除了多少台燃煤锅炉？", "How many coal-fired boilers were removed nationwide?",
     "How many coal-fired boilers were removed in China?", "How many grid inspectors are there across the country?"],
)
def test_the_whole_country_is_absent_from_a_citys_figure(retriever, question):
    # 大连's 1416台 and 济宁's 992名 are a city's figures: no answer for the country, in Chinese as in English
    assert judge(retriever, question).analysis.values["place_absent"] == 1.0


@pytest.mark.parametrize(
    "question",
    ["南阳的面源污染治理试验区是全国第几个？", "Which city has China's first national non-point source pollution pilot zone?",
     "When and where was the 2016 national forum of environmental protection bureau chiefs held?"],
)
def test_a_national_fact_the_text_gives_keeps_its_country(retriever, question):
    assert judge(retriever, question).analysis.values["place_absent"] == 0.0


def test_national_scope_is_read_in_either_language():
    from retriever.answerability.places import is_national, national_scope

    assert national_scope("全国拆除了多少台燃煤锅炉？", "zh") == ("全国", "全国")
    assert national_scope("How many were removed across the country?", "en")[0] == "the country"
    assert national_scope("How many were removed in the countryside?", "en") is None
    assert national_scope("What did the international team say?", "en") is None
    assert is_national(("全国", "国家")) and not is_national(("长沙",)) and not is_national(())


def test_a_persons_name_the_tagger_cuts_into_a_surname_and_a_place_names_no_place():
    # 严|长寿, 林|永康 (CMRC 2018 trial questions about the people the text names): no place is asked
    from retriever.answerability.places import asked_places

    text = "严长寿，出生于上海市。林永康育有3名子女。长沙的湘江。"

    def contains(word: str) -> bool:
        return word in text

    for question in ("严长寿的出生地在哪里？", "林永康有几个孩子？"):
        assert asked_places(question, "zh", [], [], contains) == []
    assert asked_places("长沙的湘江有多长？", "zh", [], [], contains) == [("长沙", ("长沙",)), ("湘江", ("湘江",))]
    assert asked_places("严长沙在哪里？", "zh", [], [], lambda w: w == "长沙") == [("长沙", ("长沙",))]  # no 严长沙 written
