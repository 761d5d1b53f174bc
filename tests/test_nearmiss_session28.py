"""Session 28, nm9: near misses asking a finer grain or another attribute than the text gives: the day or the month of
a time given as a year, the holder of a role by the role's own word, an English kind after 哪家, a quality grade."""

from __future__ import annotations

from eval.nearmiss_generated import generate
from eval.questions import EvalQuestion
from retriever.answerability import eras
from retriever.answerability.answer_check import DAY, GRADE, MONTH, PERSON, gives
from retriever.answerability.asked import answer_kind, asked_roles, asks_day, asks_grade, asks_month
from retriever.answerability.kinds import asked_kind

_LEXICON = {"bank": ["银行"], "hotel": ["酒店"]}


def test_a_date_asked_by_its_noun_asks_the_day():
    question = "Please advise the date on which Dalian held its joint municipal environmental work conference."
    assert answer_kind(question, "en") == "time" and asks_day(question)
    assert asks_day("会议召开的日期是哪天？") and answer_kind("会议召开的日期是哪天？", "zh") == "time"
    assert answer_kind("How many boilers has Dalian removed to date?", "en") is None  # to date: so far
    eras.RULES_BEFORE = 28
    try:
        assert answer_kind(question, "en") != "time" and not asks_day(question)  # was a name (which Dalian)
    finally:
        eras.RULES_BEFORE = None


def test_a_month_is_answered_by_a_month_or_a_day_not_by_a_year():
    assert asks_month("湘潭是几月确立这个机制的？") and asks_month("In which month did the campaign start?")
    assert not asks_month("论坛是几月几号召开的？")  # the day is asked
    assert gives("2016年12月17日在海口召开", MONTH, []) and gives("截至11月底", MONTH, [])
    assert not gives("湘潭从2012年初开始确立机制", MONTH, []) and not gives("用三个月时间整治", MONTH, [])
    assert gives("12月17日", DAY, [])


def test_a_role_holder_stands_by_the_roles_word():
    question = "The Ministry of Environmental Protection, who was minister when it talk to Jining?"
    assert asked_roles(question, "en") == ("部长",)
    assert asked_roles("湘潭市长叫什么名字？", "zh") == ("市长",)
    assert asked_roles("大连市委书记亲自签了责任书？跟谁签的", "zh") == ()  # the role is the doer, not asked
    assert asked_roles("Who did the mayor sign with?", "en") == ()
    assert gives("济宁市环保局局长许伟介绍", PERSON, [], role=("局长",))
    assert not gives("济宁市环保局局长许伟介绍", PERSON, [], role=("部长",))


def test_an_english_kind_after_which_in_a_chinese_question():
    assert asked_kind("湘潭 bank 配套 3 亿元 是哪家 bank 给的?", "zh", _LEXICON) == ("银行",)
    assert asked_kind("是哪家 xyzzy 给的?", "zh", _LEXICON) == ()  # an unknown word asks no kind (fail open)


def test_a_quality_grade_is_answered_by_a_grade():
    assert asks_grade("so yeah what was Guangzhou's Pearl River water grade after the clean-up")
    assert asks_grade("治理后珠江的水质类别是什么？")
    assert not asks_grade("How did Guangzhou clean up the Pearl River?")
    assert gives("出境断面水质稳定达到Ⅲ类", GRADE, []) and gives("空气质量优良天数增加", GRADE, [])
    assert not gives("后来广州市政府花了10年的力气，才重新把这条河变清", GRADE, [])
    assert not gives("杜绝各类水污染事件发生", GRADE, [])


def test_generated_finer_grain_and_kind_rows():
    questions = [
        EvalQuestion("x1", "湘潭确立这一机制是在哪一年？", ("2012年初",), "fact", "zh", "tune", "gold"),
        EvalQuestion("x2", "论坛是什么时候召开的？", ("12月17日",), "fact", "zh", "tune", "gold"),
        EvalQuestion("x3", "济宁与哪所高校签署了协议？", ("清华大学",), "fact", "zh", "tune", "gold"),
    ]
    rows = {(p, s): (q, a) for p, s, q, a in generate(questions)}
    assert rows[("day_finer", "x1")] == ("湘潭确立这一机制是在哪一天？", False)
    assert rows[("month_same", "x2")][1] and rows[("day_same", "x2")][1]
    assert rows[("kind_english", "x3")] == ("济宁与哪所 university 签署了协议？", True)
    assert not rows[("kind_english_other", "x3")][1]
