"""Who said something (asked.asks_speaker): answered by the speaker of a passage that says it, with no number asked."""

from __future__ import annotations

import pytest

from retriever.answerability.asked import asks_speaker, more_number
from retriever.answerability.quantity import asked_unit
from retriever.service import judge


@pytest.mark.parametrize(
    ("question", "lang"),
    [("Who talked about grid inspectors?", "en"), ("Which official described the grid?", "en"),
     ("Who pointed out the problem?", "en"), ("谁谈到了网格员？", "zh"), ("提出河长制的是谁？", "zh")],
)
def test_a_speech_verb_in_a_who_question_asks_the_speaker(question, lang):
    assert asks_speaker(question, lang)


@pytest.mark.parametrize(
    ("question", "lang"),
    [("Who runs the city bureau?", "en"), ("Who presides over the meeting?", "en"), ("Who operates the plants?", "en"),
     ("大连环保目标责任书是由谁签署的？", "zh"), ("这场对话的主持人是谁？", "zh"),
     ("济宁是被哪位领导约谈的？", "zh")],
)
def test_a_who_question_of_another_deed_asks_no_speaker(question, lang):
    assert not asks_speaker(question, lang)


def test_a_who_question_asks_a_number_only_in_so_many_words():
    assert asked_unit("who talked about the number of grid inspectors?") is None
    assert asked_unit("谁谈到了供水量？") is None and more_number("Who talked about the boilers' age?", "en") is None
    assert asked_unit("谁拆除了多少台锅炉？") == "台"
    assert asked_unit("what is the number of grid inspectors?") == ""


def test_a_speaker_question_is_answered_by_the_speakers_words(retriever):
    verdict = judge(retriever, "Who talked about grid inspectors?")
    assert verdict.analysis.values["stated_answer"] == 1.0
    answer = retriever.answer("Who talked about the Pearl River?", k=5)
    chosen = answer.passages[answer.answer_index]
    assert chosen.kind == "speech" and chosen.citation.speaker == "区锦雄"


def test_the_name_of_a_role_asks_a_person_as_in_chinese():
    from retriever.answerability.asked import answer_kind, asks_role

    question = "What is the name of Xiangtan's deputy mayor in charge of heavy-metal work?"  # 副市长叫什么名字
    assert answer_kind(question, "en") == "person" and asks_role(question, "en")
    assert answer_kind("What is the name of the pilot zone?", "en") == "name"
