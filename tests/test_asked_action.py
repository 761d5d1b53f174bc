"""What a search user's keywords and a how-question ask (retriever/answerability/asked_action.py): a key noun or an
action the transcript never writes is not reported there (session 18, readers13's tune near misses)."""

from __future__ import annotations

import pytest

from retriever.answerability.asked_action import how_action, keyword_asked, keyword_query

NAMES = ["普邦园林", "普邦", "济宁", "大连", "南阳", "湘潭"]


def test_keywords_ask_their_last_key_noun():
    assert keyword_asked("普邦园林 员工 人数", NAMES) == "员工"
    assert keyword_asked("济宁 环境APP 下载量", NAMES) == "下载量"
    assert keyword_asked("南阳 污水处理厂 名称", NAMES) == "污水处理厂"
    assert keyword_asked("大连 锅炉 拆除 数量", NAMES) == ""  # a verb is no key noun
    assert keyword_asked("对话人 湘潭市环保局 局长 姓名", NAMES) == "局长"
    assert keyword_asked("济宁 2016 数量", NAMES) == ""
    assert keyword_asked("普邦园林 人数", NAMES) == ""  # only the thing, nothing asked of it
    assert not keyword_query("普邦园林有多少员工？") and not keyword_query("员工")


def test_how_questions_ask_their_action():
    assert how_action("济宁的网格员是怎么招聘的？", NAMES) == "招聘"
    assert how_action("南阳如何选拔河长？", NAMES) == "选拔"
    assert how_action("大连是怎么找到车主的？", NAMES) == ""  # 找到: a colloquial form with a result complement
    assert how_action("南阳的水质怎么样？", NAMES) == ""
    assert how_action("这是怎么回事？", NAMES) == ""
    assert how_action("湘潭如何进行融资？", NAMES) == "融资"


@pytest.mark.parametrize(
    ("question", "word"),
    [
        ("普邦园林 员工 总数", "员工"),
        ("济宁 环境APP 下载量", "下载量"),
        ("济宁那些专职网格员是怎么招聘的？", "招聘"),
        ("南阳的河长是如何选拔的？", "选拔"),
    ],
)
def test_an_asked_noun_or_action_the_text_never_writes_is_refused(retriever, question, word):
    answer = retriever.answer(question, k=5)
    assert answer.abstained and word in answer.notice


@pytest.mark.parametrize(
    "question",
    ["济宁 网格员 数量", "大连 燃煤锅炉 拆除", "对话人 湘潭市环保局 局长 姓名", "普邦园林 小镇 人工湿地",
     "湘潭是怎么融资的？", "大连是怎么淘汰黄标车的？"],
)
def test_keywords_and_how_questions_the_text_answers_stay_answered(retriever, question):
    assert not retriever.answer(question, k=5).abstained
