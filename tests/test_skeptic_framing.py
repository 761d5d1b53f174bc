"""The skeptic's, the Hong Kong/Taiwan reader's and the bilingual student's phrasings ask what the plain question asks
(session 15): a doubt, negation or presupposition frame, written Cantonese and Taiwan's words come off or are read in
their mainland written form, for the search and the judge alike."""

from __future__ import annotations

import pytest

from index.colloquial import mainland, written_form
from retriever.answerability.features import analyse
from retriever.answerability.preamble import doubting, unframed
from tests.test_answerability import DALIAN, LEXICON, NANYANG, SPEAKERS, chunk, evidence


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("大连是不是根本没拆锅炉？", "大连是不是拆锅炉？"),
        ("济宁难道没有配网格员吗", "济宁配网格员吗"),
        ("大连真的拆过燃煤锅炉吗，到底拆了几台？", "大连拆过燃煤锅炉吗，拆了几台？"),
        ("湘潭对年终考核不合格的单位难道不追究吗？", "湘潭对年终考核不合格的单位追究吗？"),
        ("南阳不是光管城里吗，村里的垃圾污水管不管", "南阳是光管城里，村里的垃圾污水管不管"),
        ("大连市区拆除了多少台燃煤锅炉，难道一台都没有吗？", "大连市区拆除了多少台燃煤锅炉"),
        ("大连拆除了多少台燃煤锅炉，是真的吗？", "大连拆除了多少台燃煤锅炉"),
        ("济宁配了多少网格员，对吧？", "济宁配了多少网格员"),
        ("Isn't it true that Xiangtan got no money from the ministry?", "Xiangtan got no money from the ministry?"),
        ("Is it really true that Dalian's police went door to door?", "Dalian's police went door to door?"),
        ("Didn't the moderator say duty shouldn't fall on one bureau?", "Did the moderator say duty shouldn't fall on one bureau?"),
        ("Did Dalian remove its boilers, right?", "Did Dalian remove its boilers?"),
    ],
)
def test_the_skeptics_frame_comes_off(question, asked):
    assert unframed(question) == asked


@pytest.mark.parametrize(
    "question",
    [
        "大连不是省会",  # no question: 不是 without 吗 stays
        "湘潭的副市长是不是一年才开一回调度会？",  # 是不是 asks; nothing to take off
        "How many boilers did Dalian remove?",
        "Why shouldn't the bureau carry it alone?",  # a negation inside the question is what it asks
        "真正的难点是什么？",  # 真正 is a word, not the doubting 真
    ],
)
def test_what_the_doubt_rules_leave_alone(question):
    assert doubting(question) == question


@pytest.mark.parametrize(
    ("question", "written"),
    [
        ("大連嗰度啲督察組係咪會問責㗎？", "大连那里督察组是不是会问责？"),
        ("大連拆咗幾多台燃煤鍋爐？", "大连拆了多少台燃煤锅炉？"),
        ("邊個負責南陽嘅河長制？", "谁负责南阳的河长制？"),
        ("大連邊個部門負責？", "大连哪个部门负责？"),
        ("濟寧喺邊度設咗微型站？", "济宁在哪里设了微型站？"),
        ("湘潭點解要關停竹埠港啲企業？", "湘潭为什么要关停竹埠港企业？"),
    ],
)
def test_written_cantonese_reads_as_written_chinese(question, written):
    assert written_form(question) == written


def test_the_judge_reads_cantonese_in_its_written_form():
    assert unframed("大連嗰度啲督察組係咪真係會問責㗎？") == "大连那里督察组是不是会问责？"


@pytest.mark.parametrize(("word", "form"), [("资讯", "信息"), ("网路", "网络"), ("软体", "软件"), ("燃煤", ""), ("信息", "")])
def test_taiwans_words_have_their_mainland_form(word, form):
    assert mainland(word) == form


def _facts():
    from retriever.answerability.entities import entities_from_knowledge
    from retriever.answerability.features import IndexFacts
    from retriever.conversation.knowledge import build_knowledge

    names = build_knowledge(SPEAKERS, [DALIAN, NANYANG], LEXICON)
    return IndexFacts(entities_from_knowledge(names), names, lambda s: bool(s) and s in DALIAN + NANYANG, LEXICON)


@pytest.mark.parametrize(
    "doubted",
    ["大连到底拆除了多少台燃煤锅炉，是真的吗？", "大连拆除了多少台燃煤锅炉，难道一台都没有吗？"],
)
def test_the_features_read_the_question_without_its_doubt(doubted):
    facts = _facts()
    dalian = chunk("c1", "张海冰", DALIAN)
    terms = ("大连", "拆除", "台", "燃煤", "锅炉")
    plain = analyse(evidence("大连拆除了多少台燃煤锅炉？", terms, [dalian]), facts)
    framed = analyse(evidence(doubted, (*terms, "真的", "难道", "一台", "没有"), [dalian]), facts)
    assert framed.values == plain.values


@pytest.mark.parametrize(
    ("doubted", "plain"),
    [
        ("济宁难道没有配网格员吗", "济宁配网格员吗"),
        ("大连是不是根本没拆锅炉？", "大连是不是拆锅炉？"),
        ("Isn't it true that Dalian removed coal-fired boilers?", "Dalian removed coal-fired boilers?"),
        ("大連嗰度拆咗幾多台燃煤鍋爐㗎？", "大连那里拆了多少台燃煤锅炉？"),
    ],
)
def test_the_search_reads_the_question_without_its_doubt(retriever, doubted, plain):
    assert retriever.parse(doubted).terms == retriever.parse(plain).terms


def test_a_taiwan_word_the_index_lacks_is_searched_by_its_mainland_form(retriever):
    from retriever.query import regional_terms

    known = retriever._known
    if not known("信息") or known("资讯"):
        pytest.skip("the session index does not hold 信息 without 资讯")
    assert "信息" in regional_terms(["资讯"], known)
    assert regional_terms(["信息"], known) == []  # a word the index holds keeps its exact match alone
