"""The fact-checker's claim and the resident's own context are read as the question they ask (session 16, readers12's
personas: retriever/answerability/preamble.py claimed, english_claimed, situated)."""

from __future__ import annotations

from pathlib import Path

import pytest

from retriever.answerability.preamble import claimed, english_claimed, situated, unframed

TEXT = (Path(__file__).resolve().parents[1] / "data" / "env-forum-2016.txt").read_text(encoding="utf-8")
FLAT = "".join(TEXT.split())


def contains(word: str) -> bool:
    return word in FLAT


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # the claim's figure, right or wrong, is the number asked; its source and its check ask nothing
        ("网上说大连全市一共拆掉了一千四百来台小锅炉，这说法靠谱吗？", "大连全市一共拆掉了多少台小锅炉？"),
        ("有人说济宁配了两千多名专职网格员，这个数靠谱吗？", "济宁配了多少名专职网格员？"),
        ("济宁今年环保罚款罚了四千多万，是真的不？", "济宁今年环保罚款罚了多少万？"),
        ("有人说湘潭拿到了20亿元的支持，这个数对吗", "湘潭拿到了多少亿元的支持？"),
        ("我看到一篇文章说济宁布设了500个空气自动监测微站，这个数字准确吗？", "济宁布设了多少个空气自动监测微站？"),
        ("有人讲竹埠港一共退出了50家企业，对不对啊？", "竹埠港一共退出了多少家企业？"),
        ("有人说济宁的网格员每月工资三千块，是真的吗？", "济宁的网格员每月工资多少块？"),  # a near miss: 工资 is asked
        # no figure: the claim asked as a yes/no question
        ("我邻居说济宁的环境违法举报电话只有白天有人接，是这样吗？", "济宁的环境违法举报电话只有白天有人接吗？"),
        # the speaker named to check reads 谁
        ("“环保工作的春天来了”是王奇说的吗？", "“环保工作的春天来了”是谁说的？"),
        ("是许伟说的“腰杆特别硬”吗？", "“腰杆特别硬”是谁说的？"),
        ("“治污先治官”这句话是许伟说的吗？", "“治污先治官”这句话是谁说的？"),
    ],
)
def test_a_claim_checked_is_read_as_the_question_it_checks(question, asked):
    assert claimed(question) == asked


@pytest.mark.parametrize(
    "question",
    [
        "湘江湘潭段水质达到二类标准",  # 准 of 标准 is no check
        "大连拆除了多少台燃煤锅炉？",
        "济宁一共配备了多少名网格员，对吗？",  # it asks already
        # a check of the first question, then another question: the second is asked (a near miss stays one)
        "“线上千里眼监控”是湘潭苏国军提出来的吧？湘潭装了多少个视频监控点？",
        "听说许伟局长说过“环保工作的春天来了”，济宁为此增加了多少个执法编制？",
    ],
)
def test_a_question_that_checks_no_claim_stays_as_typed(question):
    assert claimed(question) == question


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("我是湘潭人，小时候在竹埠港边上长大，那边的化工厂现在还在不在？", "湘潭竹埠港的化工厂现在还在不在？"),
        ("我是大连人，家里烧了十几年小锅炉，想问问全市到底拆了多少台？", "大连锅炉，全市到底拆了多少台？"),
        ("本人广州长大，小时候常去珠江边玩，后来广州治理珠江花了多少钱？", "后来广州治理珠江花了多少钱？"),
        ("我老家在南阳农村，村里的生活污水现在是谁来运营处理的？", "南阳农村，村里的生活污水现在是谁来运营处理的？"),
    ],
)
def test_the_residents_context_keeps_only_the_words_the_text_writes(question, asked):
    assert situated(question, contains) == asked


@pytest.mark.parametrize(
    "question",
    [
        "我邻居说济宁的环境违法举报电话只有白天有人接，是这样吗？",  # hearsay: a claim, not the asker's context
        "我想了解一下，济宁在城边上摆了多少个测空气的小站？",
        "我们大连拆了多少台锅炉？",
    ],
)
def test_no_context_clause_no_change(question):
    assert situated(question, contains) == question


def test_the_persona_opening_still_comes_off_whole():
    assert unframed("我是做环保的，想问一下：大连拆锅炉花了多长时间？", contains) == "大连拆锅炉花了多长时间？"


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Did Zhang Haibing say that pollution control cannot rely on state money alone?",
         "Who said that pollution control cannot rely on state money alone?"),
        ("Did Ou Jinxiong say how much money went into the town's artificial lake?",
         "How much money went into the town's artificial lake?"),
        ("Is it Peking University that serves as Jining's air-quality 'housekeeper'?",
         "Who serves as Jining's air-quality 'housekeeper'?"),
        ("Someone told me Jining fined polluters 80 million yuan by the end of November. Is that right?",
         "Jining fined polluters how much by the end of November?"),
        ("Dalian scrapped about 2,000 small coal boilers citywide. Is that accurate?",
         "Dalian scrapped how many small coal boilers citywide?"),
        ("My neighbour in Dalian says the boiler campaign cost 5 billion yuan. Is that right?",
         "In Dalian, the boiler campaign cost how much?"),
        ("I'm from Nanyang. A friend says our water supply to the north is 6 billion cubic metres. Is that right?",
         "In Nanyang, our water supply to the north is how many cubic metres?"),
    ],
)
def test_an_english_claim_checked_is_read_as_the_question_it_checks(question, asked):
    assert english_claimed(question) == asked


@pytest.mark.parametrize(
    "question",
    [
        "How many boilers did Dalian remove?",
        "Is it true that Nanyang's water stays at Class II?",  # the skeptic's frame: doubting() takes it
        "Did Dalian really finish its boiler clean-up in under a year?",
        "I'm from Xiangtan. Who actually heads the heavy-metal clean-up group there?",
    ],
)
def test_an_english_question_that_checks_no_claim_stays_as_typed(question):
    assert english_claimed(question) == question


def test_fact_check_label_comes_off():
    assert unframed("Fact check: did Ou Jinxiong say Pubang has 5,000 employees?") == (
        "Who said that Pubang has 5,000 employees?"
    )
