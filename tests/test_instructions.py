"""The chatbot user's instructions, the quiz writer's naming of the text (session 17,
retriever/answerability/preamble.py instructed, self_referenced) and the stress variants of those readers."""

from __future__ import annotations

import pytest

from eval.abstention_stress import _keywords, variants
from retriever.answerability.preamble import instructed, self_referenced, unframed


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("请根据这篇对话录回答：大连市区拆除了多少台锅炉？", "大连市区拆除了多少台锅炉？"),
        ("請根據對話錄回答：濟寧設立了多少個網格？", "濟寧設立了多少個網格？"),
        ("根据文章内容，湘潭获得了多少配套资金？请简要回答。", "湘潭获得了多少配套资金？"),
        ("按照文中的说法，大连提标改造了多少台锅炉？用一句话回答。", "大连提标改造了多少台锅炉？"),
        ("湘潭抽调了多少名处级领导？请直接给出答案，不要解释。", "湘潭抽调了多少名处级领导？"),
        ("济宁布设了多少个微站？只回答数字即可。", "济宁布设了多少个微站？"),
        ("南水北调往北边送了多少水，说个大概就行", "南水北调往北边送了多少水"),
        ("简单说说，大连环保局为啥说话没分量？", "大连环保局为啥说话没分量？"),
        ("用一句话概括湘潭在融资机制上的创新", "湘潭在融资机制上的创新"),
        ("请引用原文说明济宁对小锅炉做了什么。", "济宁对小锅炉做了什么。"),
        ("列出湘潭确定的四大片区。", "湘潭确定的四大片区。"),
        ("只给数字：济宁立案处罚多少起？", "济宁立案处罚多少起？"),
        ("文中提到的“两网融合”指什么？", "“两网融合”指什么？"),
        ("考考大家：普邦园林有几年历史了？", "普邦园林有几年历史了？"),
        ("Based on the transcript, how many grid officers did Jining assign?", "how many grid officers did Jining assign?"),
        ("In one sentence, what did Guangzhou say about its river?", "what did Guangzhou say about its river?"),
        ("Give me the figure only: how many firms left Zhubu Port?", "how many firms left Zhubu Port?"),
        ("Answer from the text, no explanation: how much did Jining fine?", "how much did Jining fine?"),
        ("How many boilers did Dalian upgrade? Answer briefly.", "How many boilers did Dalian upgrade?"),
        ("Quote the sentence where Su Guojun says spring has come.", "Su Guojun says spring has come."),
        ("Explain briefly what Jining means by two networks.", "what Jining means by two networks."),
    ],
)
def test_the_chatbot_users_instructions_come_off(question, asked):
    assert instructed(question) == asked
    assert unframed(question) != question


@pytest.mark.parametrize(
    "question",
    ["这篇对话录的主标题是什么？", "说明书在哪里？", "列车几点到？", "总结会在哪开？", "回答问题的人是谁？",
     "Name of the moderator?", "Listed companies?", "According to the editor's note, for whom is the paper writing?",
     "请回答：。。。"],
)
def test_a_question_that_only_looks_instructed_stays(question):
    assert instructed(question) == question


def test_the_text_named_by_the_quiz_writer_is_no_asked_word():
    assert self_referenced("这篇对话录的主持人是谁？") == "主持人是谁？"
    assert self_referenced("本文中的“三见”是什么？") == "“三见”是什么？"
    assert self_referenced("这里的锅炉拆了多少？") == "这里的锅炉拆了多少？"
    assert self_referenced("该市的人口是多少？") == "该市的人口是多少？"


def test_stress_variants_instruct_and_keywords():
    kinds = {v.kind: v.question for v in variants("q1", "大连拆除了多少台燃煤锅炉？", "zh", places=["大连"])}
    assert kinds["instruct"].endswith("大连拆除了多少台燃煤锅炉？") or kinds["instruct"].startswith("大连拆除了")
    assert kinds["keywords"] == "大连 拆除 燃煤 锅炉 数量"
    assert _keywords("南阳位于哪里") == "南阳 位于"
    assert _keywords("是谁？") == ""
    english = {v.kind: v.question for v in variants("q2", "How many boilers did Dalian remove?", "en")}
    assert "boilers" in english["instruct"] and english["instruct"] != "How many boilers did Dalian remove?"
