"""Session 24 (fu7): corrections (不对，我问的是济宁的; no sorry, I meant Jining), requests for more (展开说说, anything
else he mentioned?), people named by description (the guy from Hunan, the other city) and 'what's the … city'."""

import pytest

from retriever.conversation import asking
from retriever.conversation.corrections import correction
from retriever.conversation.fragments import asks_more


@pytest.fixture(scope="module")
def knowledge():
    from index.records import Speaker
    from retriever.conversation.knowledge import build_knowledge

    speakers = [
        Speaker("张海冰", "辽宁省大连市环保局局长", "辽宁省大连市环保局", "局长"),
        Speaker("许伟", "山东省济宁市环保局局长", "山东省济宁市环保局", "局长"),
        Speaker("苏国军", "湖南省湘潭市环保局局长", "湖南省湘潭市环保局", "局长"),
    ]
    return build_knowledge(speakers, ["大连市2016年举全市之力。"], LEXICON)


LEXICON = {
    "dalian": ["大连"], "jining": ["济宁"], "xiangtan": ["湘潭"], "hunan": ["湖南"], "shandong": ["山东"],
    "boiler": ["锅炉"], "zhang": ["张"], "haibing": ["海冰"], "su": ["苏"], "guojun": ["国军"],
}


def _ask(knowledge, question, *history):
    from retriever.rewrite import rewrite

    return rewrite(question, list(history), knowledge, lexicon=LEXICON).text


def test_a_correction_names_what_the_latest_question_should_have_named():
    assert correction("不对，我问的是济宁的", True).new == "济宁"
    fix = correction("不是锅炉，是黄标车", True)
    assert (fix.new, fix.old) == ("黄标车", "锅炉")
    assert correction("我问的不是大连，是济宁", True).old == correction("济宁，不是大连", True).old == "大连"
    assert correction("no sorry, I meant Jining", False).new == "Jining"
    fix = correction("not Zhang, the other guy from Hunan", False)
    assert (fix.new, fix.old) == ("the other guy from Hunan", "Zhang")
    assert correction("不对，我问的是济宁拆了多少台", True).question
    # no correction: a question that only opens with 不是 or an apology for something else
    assert correction("换个问题湘潭实施企业退出的主体是哪两个区", True) is None
    assert correction("No problem.", False) is None
    assert correction("Which city cut soot, not sulphur?", False) is None
    assert correction("湘潭的水质是不是变好了？", True) is None


def test_the_corrected_question_keeps_the_rest_of_the_latest_one(knowledge):
    boilers = "大连拆除了多少台燃煤锅炉？"
    for turn in ("不对，我问的是济宁的", "不是大连，是济宁", "我是说济宁", "不对，是济宁", "我问的不是大连，是济宁"):
        assert _ask(knowledge, turn, boilers) == "济宁拆除了多少台燃煤锅炉？"
    assert _ask(knowledge, "不是锅炉，是黄标车", "大连怎么治理燃煤锅炉？") == "大连怎么治理黄标车？"
    english = "How many coal-fired boilers did Dalian demolish?"
    for turn in ("no sorry, I meant Jining", "Not Dalian, Jining.", "I meant Jining, not Dalian.", "Jining, not Dalian."):
        assert _ask(knowledge, turn, english) == "How many coal-fired boilers did Jining demolish?"


def test_a_person_named_by_place_or_by_contrast(knowledge):
    asked = "What did Zhang Haibing say about the bureau's role?"
    for turn in ("not Zhang, the other guy from Hunan", "What about the guy from Hunan?"):
        done = _ask(knowledge, turn, asked)  # the toy index has no English name for him: 苏国军 as written
        assert "Su Guojun" in done or "苏国军" in done, done
    assert _ask(knowledge, "另一个城市呢？", "大连拆除了多少台燃煤锅炉？", "济宁呢？") == "大连拆除了多少台燃煤锅炉？"


def test_a_request_for_more_asks_the_latest_question_again(knowledge):
    for turn in ("还有别的措施吗？", "展开说说", "能详细说说吗？", "多说点", "还有呢？"):
        assert asks_more(turn, True), turn
    for turn in ("anything else he mentioned?", "Can you elaborate?", "Any other measures?", "Could you expand on that?"):
        assert asks_more(turn, False), turn
    assert not asks_more("还有别的城市吗？", True) and not asks_more("Any other cities?", False)
    assert _ask(knowledge, "展开说说", "济宁采取了哪些措施？") == "济宁采取了哪些措施？"


def test_whats_the_city_asks_which_city():
    assert asking.asked_kind("whats the old industrial city w/ the heavy metal mess") is not None
    assert asking.asked_kind("What is the city's population?") is None
    assert asking.asked_kind("What was the city doing about it?") is None


def test_a_filler_or_another_kind_of_thing_is_no_correction_or_request_for_more(knowledge):
    boilers = "大连拆除了多少台燃煤锅炉？"
    assert _ask(knowledge, "嗯嗯喔喔啦啦", boilers) == "嗯嗯喔喔啦啦"  # a filler before nothing known
    assert _ask(knowledge, "还有哪些措施？", boilers) != boilers  # measures: what else Dalian did, not the count again
    assert _ask(knowledge, "还有别的情况吗？", boilers) == boilers
