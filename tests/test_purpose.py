"""The work product an asker names (做PPT用，翻译核对：, 抢答题：, For my slide on Dalian:) is no part of what they ask;
the hypothetical asker's supposed self (假如我是竹埠港的企业主) keeps only the text's words and the place supposed."""

from __future__ import annotations

import random

import pytest

from eval import variants_readers26
from retriever.answerability.preamble import unframed
from retriever.answerability.purpose import purposed


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("做PPT用，南阳的监管网格分几级？", "南阳的监管网格分几级？"),
        ("做PPT要一页写南阳的区位，它位于哪三省交界处？", "南阳的区位，它位于哪三省交界处？"),
        ("做会议纪要要写大连的督察频率，督查组多久督察一次？", "大连的督察频率，督查组多久督察一次？"),
        ("PPT里要放：湘潭抽了多少干部？", "湘潭抽了多少干部？"),
        ("翻譯稿裡要寫南陽建立了幾項制度？", "南陽建立了幾項制度？"),
        ("抢答题：济宁行政处罚金额是多少万元？", "济宁行政处罚金额是多少万元？"),
        ("For my slide on Dalian: how many boilers were torn down?", "Dalian: How many boilers were torn down?"),
        ("I'm translating this piece — what tonnage did Dalian cut?", "What tonnage did Dalian cut?"),
        ("Quiz round: which two cities signed the pact?", "Which two cities signed the pact?"),
        ("Slide Title: Dalian Cuts Sulphur Dioxide by How Many Tonnes?", "Dalian Cuts Sulphur Dioxide by How Many Tonnes?"),
    ],
)
def test_the_work_product_comes_off(question, asked):
    assert purposed(question) == asked


@pytest.mark.parametrize(
    "question",
    ["表扬了谁？", "翻译成英文，大连叫什么？", "记录显示大连拆了几台？", "Table 3 shows what?", "PPT"],
)
def test_fails_open_without_a_purpose_head(question):
    assert purposed(question) == question


def test_the_hypothetical_asker_keeps_the_texts_words_and_the_place_supposed():
    written = ("竹埠港", "企业").__contains__
    assert unframed("假如我是竹埠港的企业主，那里的企业退出了多少家？", written) == "竹埠港的企业退出了多少家？"
    assert unframed("假如我去海南岛度假，哪个海滩人最少？", written).startswith("海南岛")


def test_variants_wrap_every_voice():
    rng = random.Random(1)
    kinds = {k for text in ("大连拆了多少台锅炉？", "How many boilers did Dalian tear down?")
             for k, _ in variants_readers26.variants(text, rng)}
    assert kinds == set(variants_readers26.KINDS)
