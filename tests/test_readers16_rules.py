"""Session 20's readers (readers16): a learner's misspelt English, tone-marked pinyin, English short forms and
honorifics, a layperson's everyday words, a duration said in words and a how-question about what people said.
Real index, real jieba and CC-CEDICT; the questions are this file's own, not rows of the sets."""

from __future__ import annotations

import json

import pytest

from index.romanisation import proper_name, titled_surnames
from index.spelling import one_edit, respelled, respelling, toneless_latin, written_out
from retriever.answerability.asked_action import how_action, saying
from retriever.answerability.quantity import DURATION, has_number
from retriever.query import clean_query


@pytest.fixture(scope="module")
def lexicon(index_dir):
    return json.loads((index_dir / "lexicon.json").read_text(encoding="utf-8"))


def test_tone_marks_are_folded_before_anything_reads_the_question():
    assert toneless_latin("Did Xiāngtán and Nányáng both clean rivers?") == "Did Xiangtan and Nanyang both clean rivers?"
    assert toneless_latin("Lǜ and 大连") == "Lü and 大连"
    assert toneless_latin("Da\u0300lia\u0301n") == "Dalian"  # combining marks
    assert clean_query("How did Jǐníng use its grid?")[0] == "How did Jining use its grid?"


def test_one_edit_keeps_the_first_letter():
    edits = one_edit("dailan")
    assert "dalian" in edits and "dailian" in edits
    assert not any(e[0] != "d" for e in edits)
    assert "nanyang" not in one_edit("anyang")


def test_a_misspelt_place_is_the_texts_place(lexicon):
    assert respelling("Deilan", lexicon, proper_name) == ""  # two edits away: no guess
    assert respelled("what did Dalain and Jinnning say?", lexicon, proper_name) == "what did Dalian and Jinnning say?"
    assert respelled("Why Jinning cut the coal?", lexicon, proper_name) == "Why Jining cut the coal?"
    assert respelled("Is Nanyan near a reservoir?", lexicon, proper_name) == "Is Nanyang near a reservoir?"


def test_a_place_with_another_first_letter_or_a_real_word_stays(lexicon):
    assert respelled("What is the population of Anyang?", lexicon, proper_name) == "What is the population of Anyang?"
    assert respelled("how did the city clean its water?", lexicon, proper_name) == "how did the city clean its water?"
    assert respelled("What did Zhang Haibing say?", lexicon, proper_name) == "What did Zhang Haibing say?"


def test_a_misspelt_common_word_is_the_word_the_lexicon_maps(lexicon):
    assert respelled("did the goverment close boilors?", lexicon, proper_name) == "did the government close boilers?"
    assert respelled("what enviroment problem", lexicon, proper_name) == "what environment problem"


def test_short_forms_and_honorifics_are_written_out(lexicon):
    assert written_out("Did the VP of Pubang talk?") == "Did the vice president of Pubang talk?"
    assert written_out("which dept. handles it") == "which department handles it"
    names = ["区锦雄", "张海冰", "许伟", "苏国军", "王奇", "中国环境报"]
    assert titled_surnames("When did Mr Ou start his firm?", names) == "When did Ou Jinxiong start his firm?"
    assert titled_surnames("What did Mr. Su Guojun plan?", names) == "What did Su Guojun plan?"
    assert titled_surnames("What did Mr Li say?", names) == "What did Mr Li say?"  # no speaker: the check sees Mr
    assert titled_surnames("What did Mr Ou Jianguo say?", names) == "What did Mr Ou Jianguo say?"  # someone else


def test_a_learners_question_is_answered_and_a_stranger_is_not(retriever):
    answer = retriever.answer("How many coal boilors the Dailan goverment pull down in the whole city?")
    assert not answer.abstained
    assert "1416" in answer.passages[0].text
    assert not retriever.answer("What did the Nányáng VP of the garden firm say about rivers?").notice.startswith("转录稿中没有提到")
    assert retriever.answer("What did Mr Li say about Dalian's boilers?").abstained


def test_a_duration_said_in_words_answers_how_long():
    assert has_number("我来这个单位时间不长，主要做协调", DURATION)
    assert has_number("工作时间较长", DURATION)
    assert not has_number("这项工作很重要", DURATION)


def test_a_how_question_about_what_people_said_asks_no_manner():
    assert saying("调侃") and saying("形容") and saying("打趣")
    assert not saying("招聘") and not saying("治理")
    assert how_action("街坊们当年是怎么调侃那条臭河的？", []) == ""
    assert how_action("这家公司是怎么招聘的？", []) == "招聘"


def test_everyday_money_and_boiler_words_find_the_texts_terms(retriever):
    answer = retriever.answer("湘潭靠发债筹钱，搞到了多少亿？")
    assert not answer.abstained
    assert "18亿元" in answer.passages[0].text
    assert "锅炉" in retriever.answer("大连拆了多少烧煤的炉子？").passages[0].text
