"""Follow-ups refused for how they were asked (session 22), not for what the text lacks.

- a question of two parts (普邦园林的副总裁是谁？他是哪里人？, Who hosted the forum, and what is his role at the
  newspaper?) is judged part by part when the whole is refused: the parts the text answers are answered, and the
  notice names the part it does not (retriever/conversation/parts.py);
- jieba's dictionary tags some 1,650 common words as person names though they open with no surname (籍贯, 默契): one
  that CC-CEDICT glosses only as a common word is no unknown name (他的籍贯是哪里？ was 'never mentions 籍贯');
- the it of a cleft (Is it Peking University that serves as Jining's 'housekeeper'?) stands for the name after it, so
  a later 'that town' is Jining, not the city of the turn before.
"""

from __future__ import annotations

import pytest

from retriever.answerability.names import common_person_word
from retriever.conversation.parts import question_parts
from retriever.conversation.pronouns import pronouns


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("普邦园林的副总裁是谁？他是哪里人？", ["普邦园林的副总裁是谁？", "他是哪里人？"]),
        ("张局长干了多久，以前在哪儿上班？", ["张局长干了多久？", "以前在哪儿上班？"]),
        ("Who hosted the forum, and what is his role at the newspaper?",
         ["Who hosted the forum?", "What is his role at the newspaper?"]),
        ("What did he say? And why?", ["What did he say?", "Why?"]),
    ],
)
def test_a_question_of_two_parts_is_cut_into_its_questions(question, parts):
    assert question_parts(question) == parts


@pytest.mark.parametrize(
    "question",
    ["哪天、在哪个城市召开的？", "On what date and in which city did the forum open?", "湘潭呢，发了多少？",
     "湘潭发行了多少专项债券，用来干什么？", "你好，请问大连拆了多少锅炉？", "湘潭市里抽了多少处级干部去联系企业？"],
)
def test_one_question_is_not_cut(question):
    assert question_parts(question) == []


@pytest.mark.parametrize(
    ("history", "question"),
    [
        (["大连拆除了多少台燃煤锅炉？"], "普邦园林的副总裁是谁？他是哪里人？"),
        (["湘潭发行了多少专项债券？"], "Who hosted the forum, and what is his role at the newspaper?"),
        (None, "Who moderated the dialogue, and what is his job at the newspaper?"),
    ],
)
def test_a_two_part_question_the_text_answers_is_answered(retriever, history, question):
    answer = retriever.answer(question, k=5, history=history)
    assert not answer.abstained
    assert answer.query == question
    assert [h.rank for h in answer.passages] == list(range(1, len(answer.passages) + 1))
    assert len(answer.highlights) == len(answer.passages)


def test_the_part_the_text_does_not_answer_is_named(retriever):
    answer = retriever.answer("张海冰是哪里人？他在哪工作？", k=5)
    assert not answer.abstained
    assert "张海冰是哪里人" in answer.notice


@pytest.mark.parametrize("question", ["张海冰是哪一年出生的？老家是哪里的？", "什么叫碳排放权交易？全国试点是哪一年开始的？"])
def test_a_two_part_question_the_text_answers_in_no_part_is_refused(retriever, question):
    assert retriever.answer(question, k=5).abstained


def test_a_common_word_tagged_as_a_name_is_no_unknown_name(retriever):
    assert common_person_word("籍贯")
    assert not common_person_word("奥巴马")
    answer = retriever.answer("他的籍贯是哪里？", k=5, history=["普邦园林的副总裁是谁？"])
    assert "区锦雄" in answer.rewritten
    assert not answer.abstained
    assert retriever.answer("奥巴马对大连的环保怎么评价？", k=5).abstained


def test_an_origin_the_text_never_gives_is_still_refused(retriever):
    assert retriever.answer("张海冰的籍贯是哪里？", k=5).abstained


@pytest.mark.parametrize(
    "question",
    ["Is it Peking University that serves as Jining's air-quality 'housekeeper'?", "Was it Tsinghua who helped?",
     "It was Su Guojun who said that, right?"],
)
def test_the_it_of_a_cleft_is_no_pronoun(question):
    assert not [p for p in pronouns(question, False) if p.text.lower() == "it"]


@pytest.mark.parametrize("question", ["What did it cost?", "Is it true that Dalian did it?", "How did it go?"])
def test_other_its_are_still_pronouns(question):
    assert [p for p in pronouns(question, False) if p.text.lower() == "it"]


def test_that_town_after_a_cleft_is_the_city_it_names(retriever):
    history = ["To what extent, according to the Dalian bureau chief, did the 2015 boiler campaign cut sulphur dioxide?",
               "Is it Peking University that serves as Jining's air-quality 'housekeeper'?"]
    answer = retriever.answer("How many pollution sources in that town have been brought under the sector guideline regime?",
                              k=5, history=history)
    assert "Jining" in answer.rewritten
    assert not answer.abstained


def test_a_later_part_has_the_earlier_parts_as_completed_for_its_history():
    from retriever.conversation.parts import answer_by_parts
    from retriever.types import Answer, Citation, Highlight, Hit

    seen = []

    def ask(part, earlier):
        seen.append((part, earlier))
        hit = Hit(part, 1.0, 1, part, Citation("doc", "", "", 1, 1))
        highlight = Highlight(part, part, 0, 1, 1, 1, 1.0)
        rewritten = part.replace("他", "张海冰")
        return Answer(part, [hit], [highlight], part.startswith("之前"), 0.9,
                      rewritten=rewritten if rewritten != part else "")

    answer = answer_by_parts(ask, "他的履历是怎样的？之前在哪个单位？", ["大连环保局局长是谁？"], 5)
    assert seen[1] == ("之前在哪个单位？", ["大连环保局局长是谁？", "张海冰的履历是怎样的？"])
    assert "之前在哪个单位" in answer.notice
    assert answer.rewritten == "张海冰的履历是怎样的？"
