"""The answer check reads paraphrases it used to refuse (session 9): English kinds after 'which', names listed before
their count, ranks (第几), measure words of things, spoken place-holders, verbs tagged as names, two entities asked;
and the leave-one-set-out table of python -m eval.calibrate_validate --test all.
"""

from __future__ import annotations

import pytest

from eval.calibrate_validate import table
from index.records import Chunk
from retriever.answerability.answer_check import stated_answer
from retriever.answerability.asked import NAME
from retriever.answerability.kinds import asked_kind, kind_named
from retriever.answerability.names import person_name
from retriever.answerability.quantity import ORDINAL, asked_unit, gives_count, has_number
from retriever.answerability.units import Unit
from retriever.service import judge


def unit(word: str) -> Unit:
    return Unit(word, float(min(len(word), 4)), (word,))


def passage(speaker: str, text: str) -> Chunk:
    return Chunk("c", "doc", speaker, "", "", 0, 1, 1, text, (0,), ((0, len(text)),), ((1, 1),))


def test_an_english_kind_skips_numbers_and_adjectives_and_ends_at_a_verb_or_a_plural_head(retriever):
    lexicon = retriever.answerability.facts.lexicon
    assert asked_kind("Which three major river basins come together at Nanyang?", "en", lexicon) == ("流域",)
    assert "会议" not in asked_kind("Which three provinces meet at Nanyang?", "en", lexicon)  # meet is a verb
    assert asked_kind("Which bank provided the funds?", "en", lexicon) == ("银行",)


def test_names_listed_before_their_count_name_the_kind():
    assert kind_named(("流域",), ["南阳市位于豫鄂陕三省交界处，长江、黄河、淮河三大流域交汇地。"]) == 1.0
    assert kind_named(("酒店",), ["海口有两家五星级的酒店。"]) == 0.0  # a count alone names nothing


def test_a_rank_is_asked_by_di_ji_and_given_by_the_first():
    assert asked_unit("南阳的面源污染治理试验区是全国第几个？") == ORDINAL
    assert has_number("全力推进全国首个国家重点流域面源污染综合治理试验区建设", ORDINAL)
    assert not has_number("全力推进国家重点流域面源污染综合治理试验区建设", ORDINAL)


def test_measure_words_of_things_answer_one_another_but_not_of_people():
    assert gives_count("建成12个污水处理厂", "座") and gives_count("拆除1416台燃煤锅炉", "家")
    assert not gives_count("全市3000余名交警逐台上门排查", "辆")


def test_a_word_tagged_as_a_name_without_a_surname_is_no_person():
    assert person_name("张海冰") and person_name("欧阳明")
    assert not person_name("空气监测")


def test_a_stated_answer_is_looked_for_with_the_other_asked_words_when_no_focus_word_is_written():
    text = passage("张海冰", "张海冰：《意见》为大连推进绿色发展描绘出了详细的路线图。")
    paper, roadmap = Unit("paper", 4.0, ("paper", "造纸")), unit("路线图")
    assert stated_answer(NAME, [paper], [text], ["paper", "路线图"]) == 0.0
    assert stated_answer(NAME, [paper], [text], ["paper", "路线图"], attribute=[roadmap]) == 1.0


@pytest.mark.parametrize(
    "question",
    [
        "济宁城区周边装了多少个空气监测微站？",  # 空气监测 (tagged nr) is no unknown name
        "大连锅炉那块儿一共拆掉了多少台？",  # 那块儿 points at the boilers
        "Which three major river basins come together at Nanyang?",
    ],
)
def test_paraphrases_the_answer_check_misread_are_answered(retriever, question):
    verdict = judge(retriever, question)
    assert not verdict.abstained, (question, verdict.reason)
    assert verdict.analysis.values["focus_known"] == 1.0 and verdict.analysis.values["unknown_names"] == 0.0


def test_a_comparison_of_two_cities_needs_an_answer_in_each(retriever):
    both = judge(retriever, "南阳和济宁哪个城市的空气质量排名更靠前？").analysis.values["stated_answer"]
    one = judge(retriever, "济宁的空气质量排名怎么样，是哪个城市？").analysis.values["stated_answer"]
    assert both < one


def test_the_cross_set_table_has_a_line_a_set_and_the_pooled_line():
    results = {
        "gold": {"questions": 4, "false_abstention": 0.0, "near_miss": None, "out_of_scope": 0.5, "nonsense": None,
                 "log_loss": 0.1},
        "pooled": {"questions": 4, "false_abstention": 0.25, "near_miss": 0.75, "out_of_scope": 0.5, "nonsense": 1.0,
                   "log_loss": 0.2, "one_misfire": 0.5},
    }
    lines = table(results).splitlines()
    assert len(lines) == 3 and lines[0].split()[:2] == ["left", "out"] and lines[0].split()[-1] == "one_misfire"
    assert lines[1].split() == ["gold", "4", "0.000", "-", "0.500", "-", "0.1", "-"]
    assert lines[2].split()[:4] == ["pooled", "4", "0.250", "0.750"] and lines[2].split()[-1] == "0.500"
