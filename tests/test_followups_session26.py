"""Session 26 (fu9): a turn that goes back to an earlier question (回到刚才第一个问题，…, Back to the first question, …),
"same question for X" (同样的问题换成X, Same question but for X?), a turn that only says how to answer (只说数字,
Just the number, please.), "which ones" after a how-many question, and a thing named before the count."""

import pytest

from retriever.conversation import turns
from retriever.conversation.clauses import replace_object


@pytest.fixture(scope="module")
def knowledge():
    return three_cities()


def three_cities():
    """大连, 济宁 and 湘潭 with their bureau chiefs (also session 27's tests)."""
    from index.records import Speaker
    from retriever.conversation.knowledge import build_knowledge

    speakers = [Speaker(name, f"{province}{city}环保局局长", f"{province}{city}环保局", "局长")
                for name, province, city in (("张海冰", "辽宁省", "大连市"), ("许伟", "山东省", "济宁市"),
                                             ("苏国军", "湖南省", "湘潭市"))]
    return build_knowledge(speakers, ["大连市2016年举全市之力。"], LEXICON)


LEXICON = {"dalian": ["大连"], "jining": ["济宁"], "xiangtan": ["湘潭"], "boiler": ["锅炉"], "xu": ["许"], "wei": ["伟"]}


def _ask(knowledge, question, *history):
    from retriever.rewrite import rewrite

    return rewrite(question, list(history), knowledge, lexicon=LEXICON).text


def test_back_reference_names_the_turn():
    names = [["大连"], ["济宁"], ["湘潭"]]
    assert turns.back_reference("回到刚才第一个问题，市里抽调了几名处级领导？", True, names) == (0, "市里抽调了几名处级领导？")
    assert turns.back_reference("再问回第二个问题，一共几家？", True, names)[0] == 1
    assert turns.back_reference("回到刚才问济宁的那个问题，一共几家？", True, names)[0] == 1
    assert turns.back_reference("还是刚才那个问题，湘潭呢？", True, names) == (2, "湘潭呢？")
    assert turns.back_reference("Back to the first question, how many were upgraded?", False, [["Dalian"], ["Jining"]]) == (
        0, "how many were upgraded?")
    assert turns.back_reference("Going back to the one about Jining: how many?", False, [["Jining"], ["Dalian"]])[0] == 0
    assert turns.back_reference("As I asked before, how many?", False, [["Jining"], ["Dalian"]])[0] == 0
    # no turn named, or one the conversation does not have: not a back-reference
    assert turns.back_reference("再问回大连，削减了多少吨二氧化硫？", True, names) is None
    assert turns.back_reference("还是没有解决吗？", True, names) is None
    assert turns.back_reference("回到第五个问题，一共几家？", True, names) is None
    assert turns.back_reference("Back to Xiangtan: how much?", False, [["Jining"], ["Dalian"]]) is None


def test_same_question_for_x():
    assert turns.same_question("同样的问题，烟尘呢？", True) == ("烟尘", "")
    assert turns.same_question("同样的问题换成济宁", True) == ("济宁", "")
    assert turns.same_question("还是同样的问题，王奇呢？", True) == ("王奇", "")
    assert turns.same_question("济宁呢？同样的问题。", True) == ("济宁", "")
    assert turns.same_question("换成许伟呢？济宁纳入整治的污染源一共几家？", True) == ("许伟", "济宁纳入整治的污染源一共几家？")
    assert turns.same_question("Same question but for Wang Qi?", False) == ("Wang Qi", "")
    assert turns.same_question("Ask the same about Xiangtan.", False) == ("Xiangtan", "")
    assert turns.same_question("Xu Wei, same question?", False) == ("Xu Wei", "")
    assert turns.same_question("同样的问题，是什么？", True) is None  # asks something itself
    assert turns.same_question("济宁拆除了多少台锅炉？", True) is None
    assert turns.same_question("How many boilers did Jining remove?", False) is None


def test_format_and_list_turns():
    for text, chinese in (("只说数字", True), ("给个数就行", True), ("用一句话说", True), ("简单说一下", True),
                          ("Just the number, please.", False), ("In one sentence, please.", False), ("Keep it short.", False)):
        assert turns.format_only(text, chinese), text
    for text, chinese in (("济宁拆除了多少台锅炉？", True), ("数字是多少？", True), ("What is the number of boilers?", False)):
        assert not turns.format_only(text, chinese), text
    assert turns.without_format("只说数字，氮氧化物那项呢？", True) == "氮氧化物那项呢？"
    assert turns.without_format("Just the number, please: and how many were upgraded?", False) == "and how many were upgraded?"
    assert turns.without_format("Returning to Nanyang, in one sentence: what is it?", False) == "Returning to Nanyang, what is it?"
    assert turns.without_format("Just the number, please.", False) == "Just the number, please."
    assert turns.without_format("大连拆除了多少台，提标改造了多少台？", True) == "大连拆除了多少台，提标改造了多少台？"
    assert turns.asks_list("具体是哪几项？", True) and turns.asks_list("List them.", False) and turns.asks_list("Which ones?", False)
    assert not turns.asks_list("是什么？", True) and not turns.asks_list("Which city?", False)
    assert turns.list_of("南阳配套建立了几项制度？", True) == "南阳配套建立了哪几项制度？"
    assert turns.list_of("How many measures did Jining take?", False) == "What measures did Jining take?"


def test_a_thing_named_before_the_count_is_replaced():
    assert replace_object("大连整治共削减二氧化硫多少吨？", "氮氧化物") == "大连整治共削减氮氧化物多少吨？"
    assert replace_object("大连拆除了多少台燃煤锅炉？", "烟尘") == "大连拆除了多少烟尘？"  # the thing after the count, as before


def test_conversations(knowledge):
    first, second = "湘潭发行了多少专项债券？", "济宁配备了多少名网格员？"
    assert _ask(knowledge, "回到第一个问题，一共拆了多少台？", first, second).startswith("湘潭")
    assert _ask(knowledge, "回到第一个问题。", first, second) == first
    assert _ask(knowledge, "同样的问题换成大连", second) == "大连配备了多少名网格员？"
    assert _ask(knowledge, "只说数字", first) == first
    assert _ask(knowledge, "Just the number, please.", "How many boilers did Dalian remove?") == "How many boilers did Dalian remove?"
    assert _ask(knowledge, "具体是哪几项？", "济宁配套建立了几项制度？") == "济宁配套建立了哪几项制度？"
    # a question of its own after an unrelated history is left as typed
    assert _ask(knowledge, "大连拆除了多少台燃煤锅炉？", first) == "大连拆除了多少台燃煤锅炉？"
