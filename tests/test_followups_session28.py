"""Session 28 (fu11): turns whose rewrite was worse than the question alone (followups23's tune half) — "the other one"
followed by a question of its own (另一个呢？它…？), "the other city" with the name after it (不说湘潭了，另一个城市济宁…),
a confirmed name before a question (是许伟吧？他们…？, Right, Zhang Haibing. Where did he …?), the last answer quoted back
(你刚说的那个，湘潭…？), a person the question itself names before its pronoun (the editor-in-chief … he), and 'Right.
And …' openers. Each falls back to the question as typed when it names its own subject."""

import pytest

from retriever.conversation import parts, turns
from tests.test_followups_session26 import LEXICON, three_cities


@pytest.fixture(scope="module")
def knowledge():
    return three_cities()


def _ask(knowledge, question, *history, answered_by=None):
    from retriever.rewrite import rewrite

    return rewrite(question, list(history), knowledge, answered_by, lexicon=LEXICON).text


def test_the_other_one_then_a_question_of_its_own(knowledge):
    both = "先问济宁，再问大连。济宁拆除了多少台燃煤锅炉？"
    assert _ask(knowledge, "另一个呢？它配备了多少名网格员？", both) == "大连配备了多少名网格员？"
    assert _ask(knowledge, "另一个呢，该市配备了多少名网格员？", both) == "大连配备了多少名网格员？"
    assert _ask(knowledge, "另一个呢？它的网格员有多少？", "大连拆除了多少台燃煤锅炉？", "济宁呢？") == "大连的网格员有多少？"
    english = "I want to ask about Dalian and Jining. How many boilers did Dalian dismantle?"
    assert _ask(knowledge, "And the other one? How many grid officers does it have?", english) == (
        "How many grid officers does Jining have?")
    # the question names its own subject: as asked, the opener left out (never a guess in its place)
    assert _ask(knowledge, "另一个呢？湘潭的河长一共有多少名？", both) == "湘潭的河长一共有多少名？"
    assert turns.other_then_question("另一个呢？它跟长沙签的协议叫什么？", True) == "它跟长沙签的协议叫什么？"
    assert turns.other_then_question("另一个呢？", True) == "" and turns.other_then_question("另一个问题是什么？", True) == ""


def test_the_other_one_after_a_which_question_is_the_one_not_answered(knowledge):
    which = "济宁和湘潭，哪个城市和清华大学签了协议？"
    answered = lambda text: "许伟"  # noqa: E731 — the passage that answers it is 济宁's
    assert _ask(knowledge, "另一个呢？它跟长沙签的协议叫什么？", which, answered_by=answered) == "湘潭跟长沙签的协议叫什么？"
    # no one can tell which (no answer to look at, or a question that is no choice): as typed, the opener left out
    assert _ask(knowledge, "另一个呢？它跟长沙签的协议叫什么？", which) == "它跟长沙签的协议叫什么？"
    assert _ask(knowledge, "另一个呢？它的网格员有多少？", "大连和济宁各拆了多少台？", answered_by=answered) == "它的网格员有多少？"


def test_the_other_city_with_its_name_after_it_says_the_name_once(knowledge):
    asked = _ask(knowledge, "不说湘潭了，另一个城市济宁配备了多少名网格员？", "湘潭拆除了多少台燃煤锅炉？")
    assert asked == "济宁配备了多少名网格员？"
    asked = _ask(knowledge, "OK, that's Xiangtan. The other city, Jining: how many grid officers does it have?",
                 "How many boilers did Xiangtan dismantle?")
    assert asked == "How many grid officers does Jining have?"
    assert _ask(knowledge, "另一个城市的网格员有多少？", "大连拆除了多少台燃煤锅炉？", "济宁呢？") == "大连的网格员有多少？"


def test_a_confirmed_name_is_what_the_question_asks_about(knowledge):
    assert _ask(knowledge, "是许伟吧？他们那边配备了多少名网格员？", "济宁的环保局长是谁？").startswith("济宁")
    assert _ask(knowledge, "对，大连。该市配备了多少名网格员？", "大连拆除了多少台燃煤锅炉？") == "大连配备了多少名网格员？"
    assert _ask(knowledge, "Right, Dalian. How many grid officers does the city have?", "Who heads the Dalian bureau?") == (
        "How many grid officers does Dalian have?")
    # a question naming another one of its own is searched as typed
    typed = "对，大连。湘潭配备了多少名网格员？"
    assert _ask(knowledge, typed, "大连拆除了多少台燃煤锅炉？") == typed


def test_the_last_answer_quoted_back_before_a_question_that_names_its_subject(knowledge):
    asked = _ask(knowledge, "你刚说的银行那笔，我想问湘潭发行的专项债券是治理什么的？", "湘潭从银行拿到了多少配套资金？")
    assert asked == "湘潭发行的专项债券是治理什么的？"
    assert turns.quoted_back("You said that: how many boilers did Dalian dismantle?", False) == (
        "How many boilers did Dalian dismantle?")
    assert turns.quoted_back("你刚说的十八亿，利率是多少？", True) == "利率是多少？"  # names nothing: left to the other rules


def test_a_person_the_question_names_before_its_pronoun_is_its_referent(knowledge):
    typed = "You said the editor-in-chief: of which outlet is he editor-in-chief?"
    assert _ask(knowledge, typed, "Who heads the Dalian bureau?") == typed
    assert _ask(knowledge, "那个总编辑说他在哪家报社？", "大连拆除了多少台燃煤锅炉？") == "那个总编辑说他在哪家报社？"


def test_right_and_opener_leaves_no_stray_stop(knowledge):
    asked = _ask(knowledge, "Right. And how many grid officers are there?", "How many boilers did Dalian dismantle?")
    assert not asked.startswith((".", " ")) and asked[:1].isupper()


def test_the_other_one_is_no_part_of_its_own():
    assert parts.question_parts("另一个呢？湘潭的河长一共有多少名？") == []
    assert parts.question_parts("副总裁是谁？他是哪里人？") == ["副总裁是谁？", "他是哪里人？"]


def test_a_count_already_ending_in_its_unit_gets_no_second_unit(knowledge):
    assert _ask(knowledge, "那济宁呢？专门管网格的人有多少个？", "湘潭专门管网格的人有多少个？") == "济宁专门管网格的人有多少个？"


def test_a_rewrite_that_only_leaves_words_out_has_no_focus(knowledge):
    from retriever.rewrite import rewrite

    both = "先问济宁，再问大连。济宁拆除了多少台燃煤锅炉？"
    done = rewrite("另一个呢？湘潭的河长一共有多少名？", [both], knowledge, lexicon=LEXICON)
    assert done.text == "湘潭的河长一共有多少名？" and done.focus is None  # searched and judged as it would be alone
    done = rewrite("另一个呢？它配备了多少名网格员？", [both], knowledge, lexicon=LEXICON)
    assert done.text == "大连配备了多少名网格员？" and done.focus is not None
