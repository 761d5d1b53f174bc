"""Answers of a kind: a list of the asked length ('which four areas'), a document's full title ('which rulebook'),
on their own, in the choice of the answer sentence (given cosines) and on the real index."""

from __future__ import annotations

import numpy as np

from retriever.answer_kinds import (
    ANY_COUNT,
    asked_list,
    asks_document,
    asks_how,
    asks_lack,
    asks_reason,
    gives_count,
    gives_document,
    gives_list,
    tells_lack,
    tells_reason,
)
from retriever.answer_sentence import FEATURES
from retriever.highlight import PassageContext, best_sentence, candidates, gives_kind, tells_time
from retriever.sentence_spans import refers_back, spans
from tests.test_highlight import asked, chunk

AREAS = "在对全市污染源调查的基础上，确定了竹埠港、锰矿地区、吴家巷工业区、湘乡五矿湖铁等四大片区47个重点项目。"
FOCUS = "二是突出治理重点。着眼近期与长远相结合，重点抓好竹埠港区域企业退出和锰矿重金属治理。"
ISSUED = "大连市还出台了《大连市环境保护管理职责规定（试行）》，构建“大环保”工作格局。"
DUTIES = "《规定》明确了大连市各级党委和政府的环境保护工作职责，明确了组织、宣传和机构编制3个市委工作部门的环境保护工作职责。"


def test_the_length_of_the_list_a_question_asks_for():
    assert asked_list("Which four areas did Xiangtan's clean-up focus on?") == 4
    assert asked_list("湘潭治污主要抓的是哪两块啊？") == 2
    assert asked_list("Nanyang sits on the border of which 3 provinces?") == 3
    assert asked_list("南阳跟哪几个省搞了联防联控啊？") == ANY_COUNT
    assert asked_list("Which kinds of pollution sources does Nanyang tackle?") == ANY_COUNT
    assert asked_list("What kind of agreement did Jining sign?") is None  # one kind
    assert asked_list("How many boilers did Dalian dismantle?") is None


def test_a_list_is_items_apart_of_the_asked_number_or_a_clause_that_counts_them():
    assert gives_list(AREAS, 4) and not gives_list(AREAS, 2)
    assert gives_list("重点抓好竹埠港区域企业退出和锰矿重金属治理。", 2)  # A和B
    assert gives_list("湘潭市确立了工作机制，筹建雨湖、岳塘经开区作为承担实施重化工业企业退出的主体。", 2)
    assert gives_list("南阳市位于豫鄂陕三省交界处。", 3)  # counted, not listed
    assert gives_list("坚持工业点源、农村面源和生活源等多源同治。", ANY_COUNT)
    assert not gives_list("着眼近期与长远相结合，重点抓好治理。", ANY_COUNT)


def test_a_question_for_a_documents_name_is_answered_by_its_full_title():
    assert asks_document("Which rulebook spells out the environmental duties of Dalian's government?")
    assert asks_document("大连出台的关于绿色发展的纲领性文件叫什么？") and asks_document("湘潭与长沙、株洲签订了什么协议？")
    assert not asks_document("Which system did Nanyang roll out everywhere?") and not asks_document("大连拆除了多少台锅炉？")
    assert not asks_document("What measures did Jining take against dust?")  # what was done, not a document's name
    assert gives_document(ISSUED) and not gives_document(DUTIES)  # 《规定》 only refers back to the title


def test_a_short_title_is_shown_with_the_sentence_that_writes_it_in_full():
    assert refers_back(DUTIES, ISSUED) and not refers_back(DUTIES, FOCUS)
    assert spans([ISSUED, DUTIES, FOCUS]) == [(0, 0, 1), (2, 2, 2)]
    assert spans([FOCUS, DUTIES]) == [(0, 0, 0), (1, 1, 1)]  # 《规定》 with no title before it stands alone
    passage = chunk([ISSUED, DUTIES])
    for question, terms in (("大连明确各部门环保职责的是哪个规定？", ["大连", "明确", "部门", "环保", "职责", "规定"]),
                            ("Which rulebook spells out the duties of Dalian's government?", ["dalian", "大连"])):
        assert "《大连市环境保护管理职责规定（试行）》" in best_sentence(passage, np.array([0.88, 0.91]), asked(question, terms)).sentence


def test_a_list_question_prefers_the_sentence_that_lists_that_many_in_either_language():
    passage = chunk([FOCUS, AREAS], "苏国军")
    cosines = np.array([0.915, 0.90])  # the sentence naming two focus points is closer
    chinese = asked("湘潭确定了哪四个重点片区？", ["湘潭", "确定", "重点", "片区"])
    english = asked("Which four areas did Xiangtan focus on?", ["xiangtan", "areas", "focus", "湘潭", "重点"])
    assert all("吴家巷工业区" in best_sentence(passage, cosines, q).sentence for q in (chinese, english))
    two = asked("湘潭治理重点抓的是哪两块？", ["湘潭", "治理", "重点"])
    assert "锰矿重金属治理" in best_sentence(passage, np.array([0.90, 0.92]), two).sentence


def test_english_auxiliaries_are_no_content_words():
    question = asked("How many people does the Shandong city have patrolling for pollution?", ["shandong", "山东"])
    assert not {"does", "have"} & {w.label for w in question.words}


def test_list_and_title_questions_on_the_real_index(retriever):
    for question in ("Which regulation sets out the environmental duties of Dalian's party and government departments?",
                     "大连明确各部门环保职责的是哪个规定？"):
        assert "《大连市环境保护管理职责规定（试行）》" in retriever.answer(question).text, question
    for question in ("Which four districts did Xiangtan pick for its 47 key projects?", "湘潭确定了哪四大片区？"):
        assert "竹埠港、锰矿地区、吴家巷工业区" in retriever.answer(question).text, question


def test_a_why_question_prefers_the_sentence_that_gives_a_reason_in_either_language():
    assert all(asks_reason(q) for q in ("济宁为什么压力大？", "济宁为啥压力那么大啊？", "Why was Jining under pressure?",
                                        "What pushed Jining into a crackdown?"))
    assert not asks_reason("湘潭把治理突出污染问题列为什么工程？")  # 列为 + 什么: which project, not why
    assert tells_reason("被环保部门约谈后，压力空前。") and tells_reason("这决定了南阳市是水质保护高度敏感的区域。")
    assert not tells_reason("济宁市委市政府高度重视，我们做了大量工作。")
    # between sentences that hold as much of the question, the one that gives the reason answers it
    jining = chunk(["济宁压力空前，市委市政府高度重视，我们做了大量工作。", "因为第一季度污染指标反弹，济宁被环保部门约谈，压力空前。"], "许伟")
    for question, terms in (("济宁为什么压力那么大？", ["济宁", "压力"]), ("Why was Jining under so much pressure?", ["济宁"])):
        why = asked(question, terms)
        assert why.reason
        assert "约谈" in best_sentence(jining, np.array([0.90, 0.89]), why).sentence, question


def test_each_question_word_test_counts_in_one_of_two_features_and_a_number_is_one():
    assert {"asked_kind", "asked_time", "number"} <= set(FEATURES)
    assert not {"listing", "document", "answer_kind", "host_words", "kind_asked", "date", "past", "after", "quantity",
                "unit_number"} & set(FEATURES)
    when = asked("What happened before the meeting on 12月17日, and when?", [])
    assert when.date and when.past and tells_time(when, "过去在12月17日召开。") == 2.0
    assert gives_kind(asked("湘潭治理重点抓的是哪两块？", ["湘潭"]), FOCUS, [], False, "speech") == 1.0


def test_why_questions_and_their_english_twins_highlight_the_same_reason_on_the_real_index(retriever):
    for chinese, english, reason in (
        ("济宁市年初为什么会面临空前的压力？", "Why was Jining under so much pressure early in 2016?", "约谈"),
        ("南阳为什么是水质保护高度敏感的区域？", "Why is Nanyang treated as an area where water quality is especially sensitive?",
         "这决定了"),
    ):
        zh, en = retriever.answer(chinese), retriever.answer(english)
        assert reason in zh.text and en.text == zh.text, chinese


def test_a_how_question_asks_the_means_and_a_count_of_what_was_done_is_no_means():
    assert asks_how("济宁环保的案子交给公安那块是咋接上的？") and asks_how("How did Dalian track them down?")
    assert not asks_how("How many boilers did Dalian dismantle?") and not asks_how("南阳的水质怎么样？")
    assert not asks_how("咋回事？") and not asks_how("How long did it take?")
    means = "健全环保行政执法与刑事司法衔接机制，实现行政处罚和刑事处罚无缝衔接。"
    counts = "全市环保公安联合查处环境违法案件76件，行政、刑事处理102人。"
    assert gives_count(counts) and gives_count("排查率做到了100%。") and not gives_count(means)
    passage = chunk([means, counts], "许伟")
    question = asked("济宁环保和公安是怎么衔接的？", ["济宁", "环保", "公安", "衔接"])
    assert question.how
    column = FEATURES.index("how_count")
    assert [c.features[column] for c in candidates(passage, np.array([0.9, 0.9]), question, np.ones(len(question.words)),
                                                   PassageContext())] == [0.0, 1.0]


def test_a_question_about_what_is_lacking_prefers_the_sentence_that_says_what_falls_short():
    assert asks_lack("Su Guojun 说环保部门缺什么") and asks_lack("What does the bureau lack?") and not asks_lack("缺点")
    assert tells_lack("目前，执法人员不足，同时，干部队伍建设也面临问题。") and not tells_lack("要提升环保部门的能力。")
    assert asks_lack("苏局长说现在环保部门人手够不够用？") and asks_lack("Does the bureau have enough staff?")
    assert asks_lack("资金是否充足？") and not asks_lack("够了") and not asks_lack("能够做到什么？")
    passage = chunk(["此外，要提升环保部门的能力，包括硬件建设和软件建设。", "目前，环保部门执法人员不足，干部队伍建设也面临问题。"], "苏国军")
    question = asked("苏国军说环保部门缺什么？", ["苏国军", "环保", "部门", "缺"])
    assert "执法人员不足" in best_sentence(passage, np.array([0.91, 0.90]), question).sentence
