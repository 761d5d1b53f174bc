"""Session 24, nm5: a fact asked of a year the text never speaks of (years.py, eval/calibrate_years.py)."""

from __future__ import annotations

import random
from dataclasses import replace

from eval.calibrate_years import unspoken_years, with_year, year_swaps
from retriever.answerability.years import asked_years, year_absent
from tests.test_answerability import chunk


def _cmrc(text: str):
    return replace(chunk("p#1", "", text), doc="TRIAL_1")  # a document of no year of its own


def test_a_year_before_1900_is_read_with_its_nian():
    assert asked_years("1147年，卡塞雷斯的人口有多少？") == {1147}
    assert asked_years("截至1872年，该院具有高级职称的教师有多少人？") == {1872}
    assert asked_years("这座寺有1500年的历史吗？") == set()  # a span of years, no year
    assert asked_years("1000年前这里是什么？") == set()


def test_a_sentence_of_no_time_in_a_passage_of_other_years_tells_of_those():
    from retriever.answerability.units import chinese_units

    passage = _cmrc("2004年他加入国家队。他在世锦赛中击败了两名运动员。2008年他打破世界纪录。")
    assert year_absent("在1980年世锦赛中，他击败了哪两个运动员？", [passage], {}) == 1.0
    assert year_absent("在2004年世锦赛中，他击败了哪两个运动员？", [passage], {}) == 0.0
    undated = _cmrc("他在世锦赛中击败了两名运动员。")
    assert year_absent("在1980年世锦赛中，他击败了哪两个运动员？", [undated], {}) == 0.0  # no year at all: cannot tell
    # 同年7月 of a year named before the passage: cannot be told either
    same = _cmrc("同年7月，日本政府授予其国民荣誉赏。第8回（1962年度）文艺春秋漫画赏。")
    words = chinese_units(["日本政府", "授予"])
    assert year_absent("1992年7月，日本政府授予她什么奖项？", [same], {}, words) == 0.0
    assert year_absent("1992年7月，日本政府授予她什么奖项？", [_cmrc("7月，日本政府授予其国民荣誉赏。第8回（1962年度）文艺春秋漫画赏。")], {}, words) == 1.0


def test_year_swaps_ask_a_figure_of_a_year_before_every_one_the_text_speaks_of():
    passages = [replace(chunk("d#0", "", "2016全国环保厅局长论坛。"), doc="env-forum-2016", kind="title"),
                replace(chunk("d#1", "张海冰", "上世纪90年代时，广州流行一句口头语。“十二五”期间削减。"), doc="env-forum-2016")]
    assert unspoken_years(passages) == list(range(1975, 1990))
    assert with_year("2015年大连拆除了多少台燃煤锅炉？", "zh", 1984) == "1984年大连拆除了多少台燃煤锅炉？"
    assert with_year("大连拆除了多少台燃煤锅炉？", "zh", 1984) == "1984年，大连拆除了多少台燃煤锅炉？"
    assert with_year("How many boilers did Dalian remove?", "en", 1984) == "In 1984, how many boilers did Dalian remove?"
    assert with_year("普邦园林是哪一年上市的？", "zh", 1984) is None  # a when-question: the year would answer it
    assert with_year("2011年以来水质保持在几类？", "zh", 1984) is None  # a span already set
    assert with_year("王奇说了什么？", "zh", 1984) is None  # no figure asked, no year named

    class Retriever:
        chunks = passages

    class Question:
        def __init__(self, qid, text, lang="zh"):
            self.id, self.question, self.lang = qid, text, lang

    made = year_swaps(Retriever, [Question("q1", "大连拆除了多少台燃煤锅炉？"), Question("q2", "王奇说了什么？")],
                      random.Random(0))
    assert [(e.label, e.origin, e.group) for e in made] == [(0, "year swap of q1", "q1")]
    assert made[0].question.endswith("年，大连拆除了多少台燃煤锅炉？")
