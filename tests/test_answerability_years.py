"""year_absent: the year a question asks against the years the answering sentences speak of (retriever/answerability/years.py)."""

from __future__ import annotations

from dataclasses import replace

from index.records import Chunk, Kind
from retriever.answerability.features import analyse
from retriever.answerability.years import asked_years, document_years, marked_years, passage_years, year_absent
from tests.test_answerability import DALIAN, chunk, evidence, facts  # noqa: F401 (the fixture)


def test_a_passage_speaks_of_the_years_it_writes_names_or_implies():
    assert marked_years("2011-2015年共削减", None) == {2011, 2012, 2013, 2014, 2015}
    assert marked_years("“十二五”期间，共削减", None) == {2011, 2012, 2013, 2014, 2015}
    assert marked_years("十三五规划提出", None) == {2016, 2017, 2018, 2019, 2020}
    assert marked_years("今年拆除了，去年拆除了", 2016) == {2016, 2015}
    assert marked_years("二〇一五年完成", None) == {2015}
    assert passage_years("全市共拆除1416台燃煤锅炉。", 2016) == {2016}  # no time: the document's own year
    assert passage_years("全市共拆除1416台燃煤锅炉。", None) is None  # nor a document year: cannot be told
    assert asked_years("2015年大连拆除了多少台燃煤锅炉？") == {2015}
    assert asked_years("How many boilers did Dalian remove in 2016?") == {2016}
    assert asked_years("大连拆除了多少台燃煤锅炉？") == set()


def test_the_document_year_is_its_title_s_else_its_name_s():
    title = replace(chunk("d#0", "", "推进改革创新改善环境质量——2016全国环保厅局长论坛对话录"), doc="d", kind=Kind.TITLE.value)
    speech = replace(chunk("d#1", "张海冰", "2015年排放量下降。"), doc="d")
    other = replace(chunk("e#0", "张海冰", "没有年份。"), doc="archive-2014-07")
    assert document_years([title, speech, other]) == {"d": 2016, "archive-2014-07": 2014}
    assert document_years([replace(chunk("x#0", "", "没有年份。"), doc="x")]) == {}


def _dalian(text: str) -> Chunk:
    return replace(chunk("d#1", "张海冰", text), doc="d")


def test_the_sentence_giving_the_asked_number_decides_not_a_year_elsewhere_in_the_passage():
    passage = _dalian("10月底，全市共拆除1416台燃煤锅炉。据测算，今年削减二氧化硫约12499吨，是2015年排放量的11.1%。")
    from retriever.answerability.units import chinese_units

    words = chinese_units(["拆除", "燃煤", "锅炉"])
    years = {"d": 2016}
    assert year_absent("2015年大连拆除了多少台燃煤锅炉？", [passage], years, words, "台") == 1.0
    assert year_absent("2016年大连拆除了多少台燃煤锅炉？", [passage], years, words, "台") == 0.0
    assert year_absent("大连拆除了多少台燃煤锅炉？", [passage], years, words, "台") == 0.0  # no year asked
    assert year_absent("2015年大连拆除了多少台燃煤锅炉？", [passage], {}, words, "台") == 0.0  # no year known
    # a narration's time carries on to the sentences after it; 去年 counts from the document's year
    told = _dalian("2015年，大连开展整治。全市共拆除1416台燃煤锅炉。")
    assert year_absent("2015年大连拆除了多少台燃煤锅炉？", [told], years, words, "台") == 0.0
    last_year = _dalian("去年全市共拆除1416台燃煤锅炉。")
    assert year_absent("2015年大连拆除了多少台燃煤锅炉？", [last_year], years, words, "台") == 0.0
    assert year_absent("2016年大连拆除了多少台燃煤锅炉？", [last_year], years, words, "台") == 1.0


def test_year_absent_through_the_features(facts):  # noqa: F811
    dalian = chunk("c1", "张海冰", DALIAN)
    dated = replace(facts, doc_years={"doc": 2016})
    terms = ("大连", "拆除", "台", "燃煤", "锅炉")
    other = analyse(evidence("2015年大连拆除了多少台燃煤锅炉？", terms, [dalian]), dated)
    same = analyse(evidence("2016年大连拆除了多少台燃煤锅炉？", terms, [dalian]), dated)
    assert other.values["year_absent"] == 1.0 and same.values["year_absent"] == 0.0
    assert analyse(evidence("2015年大连拆除了多少台燃煤锅炉？", terms, [dalian]), facts).values["year_absent"] == 0.0


def test_a_decade_told_or_a_span_to_the_present_asked_is_every_year_of_it():
    assert marked_years("但上世纪 90 年代时，广州流行一句口头语", 2016) == set(range(1990, 2000))
    assert asked_years("What saying was popular in Guangzhou in the 1990s?") == set()  # a decade sets a scene (nm6)
    assert asked_years("What grade has the water kept since 2011?") >= set(range(2011, 2030))
    assert asked_years("2011年以来水质保持在几类？") >= {2011, 2016}
    words = ()
    nineties = _dalian("我是土生土长的广州人，上世纪90年代时，广州流行一句口头语：河水可以当墨水卖。")
    assert year_absent("What saying was popular in Guangzhou in the 1990s?", [nineties], {"d": 2016}, words) == 0.0
    undated = _dalian("南水北调中线水源地水质持续保持Ⅱ类以上水平。")
    assert year_absent("What grade has the water kept since 2011?", [undated], {"d": 2016}, words) == 0.0


def test_a_sentence_naming_the_asked_year_answers_of_it_in_other_words_than_the_asked_ones():
    from retriever.answerability.units import chinese_units

    career = _dalian("1980年在大学担任副教授。1984年6月至1985年1月任县委宣传部副部长。")
    words = chinese_units(["担任", "职务"])
    assert year_absent("1984年6月至1985年1月，他担任什么职务？", [career], {}, words) == 0.0
    assert year_absent("1964年，他担任什么职务？", [career], {}, words) == 1.0
    # a plan period's five years are no naming of one of them
    plan = _dalian("“十三五”期间，继续办好论坛。今年论坛在海口举办。")
    assert year_absent("2018年论坛在哪里举办？", [plan], {"d": 2016}, chinese_units(["论坛", "举办"])) == 1.0
