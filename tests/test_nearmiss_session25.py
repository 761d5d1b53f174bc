"""Session 25, nm6: a fact asked of a year the text writes of another fact (eval/calibrate_years.py)."""

from __future__ import annotations

import random
from dataclasses import replace

from eval.calibrate_years import told_elsewhere, written_year_swaps
from retriever.answerability.years import year_absent
from tests.test_answerability import chunk

_DOC = "env-forum-2016"


def _passages():
    return [
        replace(chunk("d#0", "", "2016全国环保厅局长论坛。"), doc=_DOC, kind="title"),
        replace(chunk("d#1", "许伟", "2012年初，湘潭市确立了工作机制。"), doc=_DOC),
        replace(chunk("d#2", "张海冰", "大连拆除了1416台燃煤锅炉。"), doc=_DOC),
        replace(chunk("d#4", "区锦雄", "上世纪90年代时，广州流行一句口头语。"), doc=_DOC),
        replace(chunk("d#3", "王奇", "2015年南阳关停了28家企业。"), doc=_DOC),
    ]


def test_a_year_written_of_another_fact_and_apart_from_the_answers_years():
    passages = _passages()
    years = {_DOC: 2016}
    # the answer's passage speaks of 2016 (its document's): 2012 is written elsewhere; 2015 is too near; the 1990s are
    # a decade the text names but never writes in digits (a name check would read them as unknown)
    assert told_elsewhere(passages, ["1416台"], years) == [2012]
    assert told_elsewhere(passages, ["工作机制"], years) == []  # its passage speaks of 2012 and 2016: none outside
    assert told_elsewhere(passages, ["没有的答案"], years) == []  # no passage holds the answer
    assert year_absent("2012年，大连拆除了多少台燃煤锅炉？", [passages[2]], years) == 1.0


def test_written_year_swaps_put_the_year_before_a_figure_question():
    class Retriever:
        chunks = _passages()

    class Question:
        def __init__(self, qid, text, answers, lang="zh"):
            self.id, self.question, self.answers, self.lang = qid, text, answers, lang

    made = written_year_swaps(Retriever, [
        Question("q1", "大连拆除了多少台燃煤锅炉？", ("1416台",)),
        Question("q2", "How many boilers did Dalian remove?", ("1416",), "en"),
        Question("q3", "湘潭是哪一年确立工作机制的？", ("2012年",)),  # a when-question: the year would answer it
    ], random.Random(0), every=1)
    assert [(e.label, e.question, e.group) for e in made] == [
        (0, "2012年，大连拆除了多少台燃煤锅炉？", "q1"), (0, "In 2012, how many boilers did Dalian remove?", "q2"),
    ]


def test_a_decade_sets_the_scene_and_is_no_year_asked():
    from retriever.answerability.years import asked_years

    assert asked_years("区总说九十年代广州的河水脏成啥样，老百姓咋调侃的？") == set()
    assert asked_years("What was the Pearl River like in the 1990s?") == set()
    assert asked_years("2015年大连拆除了多少台燃煤锅炉？") == {2015}
