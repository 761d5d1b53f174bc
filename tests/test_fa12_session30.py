"""Session 30 (fa12): nonsense in the styles readers send (a pasted address, path or code, a test message, a polite
opening alone, random characters) and the checks that misfired on CMRC's answerable rows (a month range's stamp, 哪里
answered by an office or a source). Real jieba; the questions are this file's own, not rows of the sets."""

from __future__ import annotations

from retriever.answerability.answer_check import gives
from retriever.answerability.asked import PLACE
from retriever.answerability.names import code_only, makes_word, nonsense
from retriever.answerability.years import stamps

TEXT = "大连市拆除燃煤锅炉1416台。竹埠港28家企业全部关停。网格员巡查。"


def _contains(word: str) -> bool:
    return bool(word) and word in TEXT


def test_pasted_junk_alone_is_nonsense():
    for question in ("https://t.cn/data", "www.example.com", "C:/Program Files/aaa/aaa.exe", "/home/user/新建.pdf",
                     "D:\\新建文件夹\\abc.txt", "新建文本文档 (3).txt", "IMG_1234.JPG", "试试看", "测一下",
                     "不好意思", "可以问你个问题吗？", "may I ask?", "I have a question", "excuse me",
                     "<div>test</div>", "for i in range(10): pass", 'print("hello")', "SELECT * FROM users;"):
        assert nonsense(question, {}, contains=_contains) == 1.0, question


def test_a_real_question_around_junk_or_short_is_read():
    for question in ("网格员？", "竹埠港", "请问一下大连拆了多少台锅炉", "https://t.cn/x 大连拆了多少台锅炉", "锅炉测试",
                     "Dalian boilers?", "尝试试点", "PM2.5浓度", "GDP(2016)?", "$5 billion"):
        assert nonsense(question, {}, contains=_contains) == 0.0, question


def test_code_is_the_whole_question_only():
    assert code_only("a = b + c") and code_only("import numpy as np") and code_only("$ ls -la")
    for question in ("for Dalian: boilers", "How many boilers (10 tonnes or less) did Dalian remove?", "大连 = ?",
                     "What is x = 5?"):
        assert not code_only(question), question


def test_random_characters_make_no_word_but_the_texts_names_do():
    assert not makes_word("禽予结住", _contains)
    assert makes_word("竹埠港", _contains)  # the text's name, whatever jieba knows
    assert makes_word("网格员", _contains)


def test_a_month_stamp_is_read_with_its_year():
    assert stamps("1984年6月至1985年1月，他担任什么职务？") == {(1984, 6), (1985, 1)}
    assert stamps("2016年大连拆了多少台") == set()


def test_where_one_served_or_whence_a_thing_came_is_answered_by_an_office_or_a_source():
    assert gives("怡良最初在刑部任笔帖式，后升为员外郎。", PLACE, ["怡良", "任职"])
    assert gives("六十进制源于公元前三千年的苏美人。", PLACE, ["六十进制", "发源"])
    assert not gives("怡良是清朝官员。", PLACE, ["怡良", "任职"])
