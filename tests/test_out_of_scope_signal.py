"""specific_cover: whether one passage holds what is specific about a question (retriever/answerability/specificity.py)."""

from __future__ import annotations

import pytest

from retriever.answerability.specificity import COVER_GATE, passage_keys, specific_cover, specificity
from retriever.answerability.units import Unit


def unit(word: str) -> Unit:
    return Unit(word, float(min(len(word), 4)), (word,))


def test_a_word_every_passage_writes_weighs_nothing_and_one_no_passage_writes_weighs_most():
    assert specificity([True] * 9) < 0.06
    assert specificity([False] * 9) > specificity([True] + [False] * 8) > specificity([True] * 5 + [False] * 4)


def test_the_best_passage_share_of_the_specific_weight():
    keys = ["大连环保燃煤锅炉", "南阳环保", "济宁环保", "湘潭环保"]
    assert specific_cover([unit("大连"), unit("燃煤锅炉")], keys) == 1.0
    # 环保 is written everywhere: the question's weight is in 熊猫, which no passage writes
    assert specific_cover([unit("环保"), unit("熊猫")], keys) < 0.05 / COVER_GATE
    # 大连 and 南阳 are each written, never together: one passage holds half (the share counts over COVER_GATE)
    assert specific_cover([unit("大连"), unit("南阳")], keys) == pytest.approx(0.5 / COVER_GATE)
    assert specific_cover([], keys) == 1.0 and specific_cover([unit("大连")], []) == 1.0


def test_an_unwritten_word_weighs_only_as_a_chinese_noun_and_an_asked_entity_scores_one():
    keys = ["大连环保燃煤锅炉", "南阳环保", "济宁环保", "湘潭环保"]
    # 熊猫 is a thing asked about; 以前 and an English word no gloss maps are how the question is asked
    assert specific_cover([unit("燃煤锅炉"), unit("熊猫")], keys) < 0.5 / COVER_GATE
    assert specific_cover([unit("燃煤锅炉"), unit("以前")], keys) == 1.0
    assert specific_cover([unit("燃煤锅炉"), unit("boilor")], keys) == 1.0
    assert specific_cover([unit("环保"), unit("熊猫")], keys, entity_asked=True) == 1.0


def test_a_passage_holding_most_of_the_specificity_holds_it_all():
    """Above COVER_GATE the share counts as 1: the other evidence judges a question one passage mostly holds, and the
    feature does not take weight from the dense scores by ranking shares the text cannot tell apart."""
    keys = ["大连环保燃煤锅炉", "南阳环保", "济宁环保", "湘潭环保"]
    assert 0.5 < COVER_GATE < 2 / 3
    # 大连 and 燃煤锅炉 stand together, 南阳 elsewhere: two thirds of the weight in one passage
    assert specific_cover([unit("大连"), unit("燃煤锅炉"), unit("南阳")], keys) == 1.0
    # below the gate the feature is the share over the gate, monotone in the share
    half, third = specific_cover([unit("大连"), unit("南阳")], keys), specific_cover([unit("大连"), unit("南阳"), unit("济宁")], keys)
    assert third == pytest.approx((1 / 3) / COVER_GATE) and third < half < 1.0


def test_a_speakers_passage_is_read_with_the_speakers_names():
    from index.records import Chunk
    from retriever.answerability.entities import Entity

    chunk = Chunk("c1", "d", "王小明", "大连市环保局局长", "", 1, 1, 1, "我们拆除了燃煤锅炉。", ())
    keys = passage_keys([chunk], [Entity("王小明", ("王小明", "大连"))])
    assert "大连" in keys[0] and "燃煤锅炉" in keys[0]


@pytest.mark.parametrize("question", ["大连拆除了多少台燃煤锅炉？", "How many coal-fired boilers did Dalian remove?"])
def test_an_answerable_question_is_held_by_one_passage_of_the_real_index(retriever, question):
    from retriever.service import evidence_for

    assert retriever.answerability.analyse(evidence_for(retriever, question)).values["specific_cover"] > 0.9


@pytest.mark.parametrize("question", ["上海的垃圾分类政策是怎样的？", "杭州的共享单车管理办法是什么？", "北京的共享单车管理办法是什么？"])
def test_a_question_that_borrows_the_texts_words_is_held_by_no_passage(retriever, question):
    """Each borrows words the text writes (政策, 管理, 全国, 发电) and asks of a place or a thing it never discusses."""
    from retriever.service import evidence_for

    values = retriever.answerability.analyse(evidence_for(retriever, question)).values
    assert values["specific_cover"] < 0.4 / COVER_GATE
