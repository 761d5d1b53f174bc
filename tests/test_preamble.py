"""The asker's framing (请问、我想了解一下、Could you tell me, thanks) is no part of what a question asks."""

from __future__ import annotations

import pytest

from retriever.answerability.features import analyse
from retriever.answerability.preamble import unframed
from tests.test_answerability import DALIAN, LEXICON, NANYANG, SPEAKERS, chunk, evidence


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("请问济宁建了几个空气站？", "济宁建了几个空气站？"),
        ("我想了解一下，济宁在城边上摆了多少个测空气的小站？", "济宁在城边上摆了多少个测空气的小站？"),
        ("我是做环保的，想问一下：大连拆锅炉花了多长时间？", "大连拆锅炉花了多长时间？"),
        ("麻烦问下，南阳的河长制最后要变成什么？谢谢！", "南阳的河长制最后要变成什么？"),
        ("Could you tell me: who is Wang Qi?", "who is Wang Qi?"),
        ("I'd like to know, which policy paper lays out Dalian's roadmap?", "which policy paper lays out Dalian's roadmap?"),
        ("Quick question - when was the forum held? Thanks!", "when was the forum held?"),
    ],
)
def test_the_askers_opening_and_thanks_come_off(question, asked):
    assert unframed(question) == asked


@pytest.mark.parametrize(
    "question",
    [
        "作为南水北调中线水源地，南阳采取了什么措施？",  # 作为 + what the place is: part of the question
        "请问",  # nothing would be left: stays what it is (nonsense)
        "你好",
        "Questions about Dalian",
        "Tell me",
        "How many boilers did Dalian remove?",
    ],
)
def test_a_question_without_framing_stays_as_typed(question):
    assert unframed(question) == question


def test_the_features_read_the_question_without_its_framing():
    from retriever.answerability.entities import entities_from_knowledge
    from retriever.answerability.features import IndexFacts
    from retriever.conversation.knowledge import build_knowledge

    names = build_knowledge(SPEAKERS, [DALIAN, NANYANG], LEXICON)
    facts = IndexFacts(entities_from_knowledge(names), names, lambda s: bool(s) and s in DALIAN + NANYANG, LEXICON)
    dalian = chunk("c1", "张海冰", DALIAN)
    terms = ("大连", "拆除", "台", "燃煤", "锅炉")
    plain = analyse(evidence("大连拆除了多少台燃煤锅炉？", terms, [dalian]), facts)
    framed = analyse(evidence("我是做环保的，想了解一下大连拆除了多少台燃煤锅炉？", ("做", "环保", "想", "了解", *terms), [dalian]), facts)
    assert framed.values == plain.values


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When an owner of an old polluting car could not be contacted, how did Dalian track them down?", None),
        ("If the boilers were removed, when did it happen?", "time"),
        ("When the forum was held, who spoke first?", "person"),
        ("When was the forum held?", "time"),
        ("When, exactly, did the forum start?", "time"),
    ],
)
def test_a_leading_when_clause_sets_the_scene_and_the_main_clause_asks(question, kind):
    from retriever.answerability.asked import answer_kind

    assert answer_kind(question, "en") == kind


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # a reporter dictating by voice input: fillers at the opening and close, 就是说 between run-on clauses
        ("那个就是说大连督察组查出问题以后是怎么弄的", "大连督察组查出问题以后是怎么弄的"),
        ("嗯那个湘潭跟长沙签的协议全名叫什么来着", "湘潭跟长沙签的协议全名叫什么"),
        ("济宁这边有没有发专项债券就是说发了多少亿", "济宁这边有没有发专项债券，发了多少亿"),
        ("我不太明白，苏局长说执法人员是够的还是不够的？", "苏局长说执法人员是够的还是不够的？"),
        # a learner: 们 after a counted noun, 位 for what is no person, 什么的 + noun
        ("我想知道南阳市有多少位网格员们？", "南阳市有多少位网格员？"),
        ("在大连的黄标车工作里，哪一位部门是最主要的力量？", "在大连的黄标车工作里，哪一个部门是最主要的力量？"),
        ("南阳有什么的问题？", "南阳有什么问题？"),
        # an official: 关于…的情况，请简述 / 请简述…的情况, in simplified or traditional characters
        ("关于大连市《职责规定》涉及市政府工作部门数量的情况，请列明。", "大连市《职责规定》涉及市政府工作部门数量"),
        ("请简述大连市与清华大学签署合作协议的情况。", "大连市与清华大学签署合作协议。"),
        ("關於大連市黨政聯合督察組的督察頻次，請簡述。", "大連市黨政聯合督察組的督察頻次"),
    ],
)
def test_fillers_learner_slips_and_official_wrapping_come_off(question, asked):
    assert unframed(question) == asked


@pytest.mark.parametrize(
    "question",
    [
        "海口这次论坛一共有多少位厅局长到会？",  # 位 of persons stays
        "他们是怎么做的？",  # a pronoun's 们 stays
        "区锦雄说绿水清山就是金山银山是从哪里看出来的？",  # 就是 is no 就是说
        "南阳排名第一位的是什么？",
    ],
)
def test_what_the_rules_leave_alone(question):
    assert unframed(question) == question


def test_a_channel_check_is_no_question():
    from retriever.answerability.names import nonsense

    assert nonsense(unframed("喂喂听得到吗那个嗯"), LEXICON, ["听", "得到"]) == 1.0
    assert nonsense("能听见我吗", LEXICON, ["听见"]) == 1.0
    assert nonsense(unframed("呃那个谁谁谁，好吧就这样"), LEXICON, ["谁谁谁", "好"]) == 1.0
    assert nonsense("南阳听取了谁的意见？", LEXICON, ["南阳", "听取", "意见"]) == 0.0


def test_the_quiz_writers_english():  # session 26, en7 (read by exam.examined, persona24's module)
    from retriever.answerability.exam import examined

    assert examined("Fill in the blank: Dalian removed ___ coal-fired boilers under 10 tonnes.") == \
        "Dalian removed how many coal-fired boilers under 10 tonnes?"
    assert examined("Complete the sentence: Xiangtan issued bonds worth ___ yuan.") == \
        "Xiangtan issued bonds worth how much yuan?"
    assert examined("Fill in the blank: Nanyang used ___ to replace water-using firms.") == \
        "Nanyang used what to replace water-using firms?"
    assert examined("How many grid officers does Jining have? (a) 162 (b) 992 (c) 1416") == \
        "How many grid officers does Jining have?"
    assert examined("Which of the following is true of Dalian's boilers: A. 1416 removed B. 2000 removed") == \
        "What is true of Dalian's boilers?"
    assert examined("Which model did Xiangtan use? A) PPP B) BOT C) franchise") == "Which model did Xiangtan use?"
    for typed in ("Who said a) this and b) that?", "What is plan A. Is plan B better?", "How many boilers did Dalian remove?"):
        assert examined(typed) == typed
