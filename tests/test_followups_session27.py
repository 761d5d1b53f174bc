"""Session 27 (fu10): "the other one" after a turn that names two (先问济宁，再问大连。济宁…？ → 另一个呢？), a question after
such a statement, a correction that gives another kind of name (不是湘潭，是张海冰), "more detail" turns in English, a
back-reference that asks a person's attribute, a place of its own after an omitted subject, and a preposition jieba
glues to the next word (按导则…)."""

import pytest

from retriever.conversation import turns
from tests.test_followups_session26 import LEXICON, three_cities


@pytest.fixture(scope="module")
def knowledge():
    return three_cities()


def _ask(knowledge, question, *history):
    from retriever.rewrite import rewrite

    return rewrite(question, list(history), knowledge, lexicon=LEXICON).text


def test_the_other_one_after_a_turn_that_names_two(knowledge):
    asked = "先问济宁，再问大连。济宁拆除了多少台燃煤锅炉？"
    for other in ("另一个呢？", "那另一个城市呢？", "另外那个呢？"):
        assert _ask(knowledge, other, asked) == "大连拆除了多少台燃煤锅炉？"
    assert _ask(knowledge, "那大连呢？", "我想问问济宁和大连。济宁拆除了多少台燃煤锅炉？") == "大连拆除了多少台燃煤锅炉？"
    english = "Two places I'm curious about: Jining and Dalian. How many boilers did Jining dismantle?"
    for other in ("And the other one?", "What about the other city?", "The other one?", "And the other?"):
        assert _ask(knowledge, other, english) == "How many boilers did Dalian dismantle?"
    # a statement naming one entity is part of the question (Dalian got … from a bank. Which bank was it?)
    assert turns.prefaces("大连从银行拿到了3亿元。是哪家银行？", True) == [("大连从银行拿到了3亿元。", "是哪家银行？")]
    assert _ask(knowledge, "那济宁呢？", "大连从银行拿到了3亿元。是哪家银行？") != "是哪家银行？"
    assert turns.prefaces("济宁拆除了多少台？大连呢？", True) == []  # a question first is no statement
    assert turns.asks_other("另一家呢？", True) and not turns.asks_other("另一个问题是什么？", True)
    assert turns.asks_other("What about the other company?", False) and not turns.asks_other("The other day?", False)


def test_a_correction_that_gives_another_kind_of_name_keeps_the_kind(knowledge):
    assert _ask(knowledge, "不是湘潭，是张海冰", "湘潭拆除了多少台燃煤锅炉？") == "大连拆除了多少台燃煤锅炉？"
    assert _ask(knowledge, "不是湘潭，是大连", "湘潭拆除了多少台燃煤锅炉？") == "大连拆除了多少台燃煤锅炉？"
    assert _ask(knowledge, "不对，我问的是济宁", "湘潭拆除了多少台燃煤锅炉？") == "济宁拆除了多少台燃煤锅炉？"


@pytest.mark.parametrize("turn", ["Go into more detail, please.", "Elaborate on that.", "More details, please.",
                                  "Say more about that?", "Can you say more?"])
def test_more_detail_asks_the_last_question_again(knowledge, turn):
    assert _ask(knowledge, turn, "How many boilers did Dalian dismantle?") == "How many boilers did Dalian dismantle?"


def test_more_detail_in_chinese(knowledge):
    for turn in ("具体说说", "详细讲讲？", "能展开说说吗？", "能说得具体些吗？"):
        assert _ask(knowledge, turn, "大连拆除了多少台燃煤锅炉？") == "大连拆除了多少台燃煤锅炉？"


def test_a_back_reference_that_asks_a_persons_attribute_is_about_the_person(knowledge):
    asked = _ask(knowledge, "说回第一个问题，是哪一年出生的？老家是哪里的？", "大连拆除了多少台燃煤锅炉？", "湘潭发行了多少专项债券？")
    assert asked == "张海冰是哪一年出生的？老家是哪里的？"
    assert _ask(knowledge, "回到第一个问题，在哪里任职？", "大连拆除了多少台燃煤锅炉？", "湘潭发行了多少专项债券？").startswith("张海冰")


def test_a_place_of_its_own_takes_only_the_city(knowledge):
    assert _ask(knowledge, "吴家港工业区也在治理名单里吗", "湘潭市长对活儿干得慢的单位咋整？") == "湘潭吴家港工业区也在治理名单里吗"
    assert _ask(knowledge, "竹埠港也搬走了吗？", "湘潭市长对活儿干得慢的单位咋整？").startswith("湘潭竹埠港")


def test_a_preposition_glued_to_the_next_word_still_opens_the_predicate(knowledge):
    assert _ask(knowledge, "按导则一共关掉了多少家厂子啊？", "济宁纳入导则体系整治的污染源有多少家？") == "济宁按导则一共关掉了多少家厂子啊？"
    assert _ask(knowledge, "只要数字就行，按导则一共关掉了多少家厂子啊？", "济宁纳入导则体系整治的污染源有多少家？") == (
        "济宁按导则一共关掉了多少家厂子啊？")


def test_that_thing_after_a_format_clause_is_the_cities_on_the_real_index(retriever):
    from retriever.conversation import complete

    done = complete(retriever, "一句话概括一下，那个网格要搞到啥程度，口号咋说的？", ["南阳三源两和一中心里的两和是指哪两条河"])
    assert done.text == "南阳那个网格要搞到啥程度，口号咋说的？"


def test_english_omitted_subject_is_put_in_a_place_not_a_person(knowledge):
    # a salary is a person's attribute, so the person is found; 'in' takes their city (r239: not 'in Xu Wei')
    asked = _ask(knowledge, "What is the monthly salary of a grid inspector?", "How many grid inspectors does Jining have?")
    assert asked == "What is the monthly salary of a grid inspector in Jining?"


def test_what_about_x_then_a_question_of_its_own(knowledge):
    own = "How much did Xiangtan raise in bonds?"
    assert _ask(knowledge, f"What about Xiangtan? {own}", "How many boilers did Dalian dismantle?") == own
    assert _ask(knowledge, "What about Xiangtan? How much did they raise in bonds?",
                "How many boilers did Dalian dismantle?") == own
    assert turns.same_question("What about Xiangtan?", False) is None  # the plain ellipsis, as before


def test_one_who_says_it_is_not_what_an_omitted_subject_is_about(knowledge):
    assert _ask(knowledge, "拆了多少台燃煤锅炉？", "主持人说去大连调研时发现了什么？") == "大连拆了多少台燃煤锅炉？"
    assert _ask(knowledge, "他是哪里的局长？", "张海冰说湘潭的做法怎么样？") == "张海冰是哪里的局长？"  # a person: who says it


def test_a_bare_other_one_is_the_conversations_other_or_nothing(knowledge):
    assert _ask(knowledge, "另一个呢？", "大连拆除了多少台燃煤锅炉？", "济宁呢？") == "大连拆除了多少台燃煤锅炉？"
    # two named in the question itself: no one other; searched as typed, not glued into the last question
    assert _ask(knowledge, "另一个呢？", "大连和济宁各拆了多少台燃煤锅炉？") == "另一个呢？"
    assert _ask(knowledge, "And the other one?", "How many boilers did Dalian and Jining each dismantle?") == "And the other one?"
