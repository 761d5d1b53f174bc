"""Rules for how session 19's readers write (readers15's personas): the mainland netizen's cheers, pinyin initialisms
and emoji around a question (666, yyds, 👍), a round figure given for the exact one asked (一千多台？具体多少台), a verb
of likeness with its result complement (形容成什么), a speaker named by the title the text gives them (那位副总裁说，…),
an either-or question with one alternative the text never writes (an SOE or a listed company), a kind asked after
which (Which programme did …), and the partitive those of a follow-up (How many of those were …?). Reworded questions,
not the sets' rows; the real index for the judge."""

from __future__ import annotations

import pytest

from retriever.answerability.comparison import yardstick
from retriever.answerability.focus import _points
from retriever.answerability.preamble import netizen
from retriever.conversation.pronouns import pronouns


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("湘潭发了多少亿债券 666", "湘潭发了多少亿债券"),
        ("大连拆了几台锅炉 yyds，求告知", "大连拆了几台锅炉，求告知"),
        ("南阳的水质达标了吗👍👍", "南阳的水质达标了吗"),
        ("xswl 济宁罚了多少钱", "济宁罚了多少钱"),
    ],
)
def test_the_netizens_cheers_and_initialisms_come_off(question, read):
    assert netizen(question) == read


@pytest.mark.parametrize(
    "question",
    ["济宁有666个网格员吗", "大连的PPP项目", "大连 app 叫什么", "pm2.5是多少", "湘江 xiangjiang 流经哪里", "Jining has how many staff"],
)
def test_a_figure_an_acronym_or_a_word_stays(question):
    assert netizen(question, lambda t: t.lower() in ("ppp", "app")) == question


@pytest.mark.parametrize(
    ("text", "number"),
    [("拆了1000多台燃煤锅炉", "1000"), ("抽了30来个", "30"), ("有100余名", "100"), ("大约2000名", "2000")],
)
def test_a_round_figure_is_the_askers_not_the_texts(text, number):
    start = text.index(number)
    assert yardstick(text, start, start + len(number))


@pytest.mark.parametrize(("text", "number"), [("有1416台", "1416"), ("2016年多少", "2016"), ("拆了1416台，多少", "1416")])
def test_an_exact_figure_stays_one_the_text_must_write(text, number):
    start = text.index(number)
    assert not yardstick(text, start, start + len(number))


def test_a_verb_of_likeness_with_its_result_complement_asks_the_phrase():
    assert _points([("水", "n"), ("被", "p"), ("形容", "n"), ("成", "n")])
    assert _points([("比喻", "v"), ("为", "p")])
    assert not _points([("改造", "v"), ("成", "n")])  # 改造成什么: what it became is asked
    assert not _points([("成", "n")])


def test_the_partitive_those_points_at_what_was_counted():
    assert [p.text for p in pronouns("And how many of these are still in use?", False)] == ["these"]
    assert [p.text for p in pronouns("How many of those closed down?", False)] == ["those"]
    # those before its noun points as a demonstrative does (the other pattern), not as the partitive
    assert all(p.want.name != "ANY" for p in pronouns("How many of those boilers were removed?", False))


@pytest.mark.parametrize(
    "question",
    [
        "普邦的副总裁讲，九十年代珠江的河水被比喻成什么？",
        "济宁的专职网格员大约一千名，准确是多少名？",
        "大连提标改造的锅炉一千三百多台，具体数字呢？👍👍",
        "湘潭抽了三十来名处级领导？准确是几名 666",
        "湘潭的专项债券发了十几亿？到底是多少亿 yyds",
        "Is Pubang Landscape a listed firm or an SOE?",
        "Which platform did Jining build with Tsinghua University to back its air-quality decisions?",
    ],
)
def test_readers15_phrasings_are_answered(retriever, question):
    assert not retriever.answer(question, k=3).abstained


@pytest.mark.parametrize(
    "question",
    [
        "Which system did Changsha build with Tsinghua University to back its air-quality decisions?",
        "Jining 环境APP 下载量 有几十万吗 yyds",
    ],
)
def test_another_city_or_an_unwritten_attribute_is_still_refused(retriever, question):
    assert retriever.answer(question, k=3).abstained


def test_a_partitive_follow_up_keeps_what_was_counted(retriever):
    answer = retriever.answer(
        "And how many of those were located in the urban districts?",
        k=3,
        history=["How many coal-fired boilers were torn down across Dalian?"],
    )
    assert "boilers" in answer.rewritten and not answer.abstained
