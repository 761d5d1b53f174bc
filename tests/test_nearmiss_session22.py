"""A count answers only when its number counts the asked thing (session 22, nm3): the thing named after 多少/几 and its
measure word, or after "how many", stands in the number's own clause (or the one before it; before the sentence when
the number ends its clause with a bare measure word, the noun elided), not only one clause over where a number of
something else sits beside the asked words. Reworded questions and made-up sentences, not the sets' rows."""

from __future__ import annotations

import pytest

from index.normalize import canonical
from retriever.answerability.answer_check import clause_number
from retriever.answerability.features import Unit
from retriever.answerability.quantity import COUNT, asked_unit, counted_words, counts_things, has_number
from tests.test_answerability_subjects import chunk as _chunk


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("How many guest rooms do the two resorts have?", "guest rooms"),
        ("How many people came to the meeting in Wuhan?", "people"),
        ("how many company leave finally?", "company"),  # no plural within three words: the first is the thing
        ("How many tonne of grain does the mill handle?", "tonne"),
        ("那个开发区一共建了多少座污水处理厂？", "污水处理厂"),
        ("区里设了几个专题工作小组？", "专题工作小组"),
        ("一共罚了多少钱？", "钱"),
        ("每年要培训几次？", ""),  # the measure word alone: no thing named
        ("How much did the city spend?", ""),
    ],
)
def test_the_counted_thing_is_the_words_after_the_question_word(question, counted):
    assert counted_words(canonical(question)) == counted


def test_only_counts_of_things_or_people_name_their_thing():
    assert counts_things(COUNT) and counts_things("台") and counts_things("名")
    assert not counts_things("元") and not counts_things("%") and not counts_things("")


def test_a_number_of_another_thing_beside_the_asked_words_does_not_count_it():
    hotels = [_chunk("d", "小镇新建了两家五星级的酒店，客房装修一新。")]
    rooms = [Unit("客房", 1.0, ("客房",))]
    assert clause_number(COUNT, rooms, hotels, rooms) == 1.0  # before: 客房 one clause over
    assert clause_number(COUNT, rooms, hotels, rooms, counted="客房") == 0.0
    counted = [_chunk("d", "小镇新建了两家五星级的酒店，共有客房300间。")]
    assert clause_number(COUNT, rooms, counted, rooms, counted="客房") == 1.0


def test_a_bare_count_may_count_the_asked_thing_in_other_words():
    sources = [_chunk("d", "纳入整治的污染源达到3284家。其中，整改到位2798家，关停486家。")]
    words = [Unit("厂子", 1.0, ("厂子",)), Unit("关停", 1.0, ("关停",))]
    assert clause_number(COUNT, words, sources, words[1:], counted="厂子") == 1.0  # 486家: its noun told before


def test_the_rooms_of_the_hotels_in_the_forum(retriever):
    from retriever.service import evidence_for

    values = retriever.answerability.analyse(
        evidence_for(retriever, "How many rooms do the two five-star hotels in Pubang's wetland town have?")
    ).values
    assert values["clause_number"] < 0.5


@pytest.mark.parametrize(
    ("question", "unit"),
    [
        ("How many kilometres of new pipes did the county lay?", "公里"),
        ("What is the area of the lake, in hectares?", "公顷"),
        ("How long is the canal — a few hundred kilometres?", "公里"),
        ("In tonnes, how much dust did the campaign remove?", "吨"),
        ("How many square kilometres does the reserve cover?", "平方公里"),
        ("How much water went north, in cubic metres?", "立方米"),
        ("How many boilers did the city remove?", ""),
    ],
)
def test_a_unit_of_measure_an_english_question_names_is_the_asked_unit(question, unit):
    assert asked_unit(canonical(question)) == unit


def test_a_number_in_the_named_unit_answers_in_either_language():
    assert has_number("新建污水管网120千米", "公里") and not has_number("布设了175个空气微站", "公里")
    assert has_number("a pipeline of 46 km", "公里")  # an English text writes the unit in English
