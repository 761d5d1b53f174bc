"""Session 29 (fu12): follow-ups refused or searched worse than their source (followups24's tune half and
eval.followups_patterns) — a turn that narrows the last question to part of its place (那只要市区的呢？, Just the urban
districts?), a confirmed name after filler words (嗯，是许伟。他…？), the question after a turn's head when no rule
completed the turn (You said that: …?), and 为什么 after the subject of a yes/no question (区锦雄为什么说…？)."""

import pytest

from retriever.conversation import turns
from retriever.conversation.asking_again import ask_again
from tests.test_followups_session26 import LEXICON, three_cities


@pytest.fixture(scope="module")
def knowledge():
    return three_cities()


def _ask(knowledge, question, *history):
    from retriever.rewrite import rewrite

    return rewrite(question, list(history), knowledge, lexicon=LEXICON).text


def test_a_narrowing_turn_names_the_part_of_the_place():
    assert turns.narrowed("那只要市区的呢？", True) == "市区"
    assert turns.narrowed("光城区呢？", True) == "城区" and turns.narrowed("只算农村的？", True) == "农村"
    assert turns.narrowed("Just the urban districts?", False) == "the urban districts"
    assert turns.narrowed("And the rural areas alone, please?", False) == "the rural areas"
    # a question of its own, or a thing that is no part of a place: no narrowing
    assert turns.narrowed("市区拆了多少台？", True) == "" and turns.narrowed("只要数字", True) == ""
    assert turns.narrowed("Just the number, please.", False) == ""


def test_the_narrowed_question_replaces_the_whole_place():
    assert turns.narrowed_question("大连全市拆了多少台燃煤锅炉？", "市区", 2, True) == "大连市区拆了多少台燃煤锅炉？"
    assert turns.narrowed_question("大连拆了多少台燃煤锅炉？", "市区", 2, True) == "大连市区拆了多少台燃煤锅炉？"
    assert turns.narrowed_question("南阳的农村污水怎么处理？", "城区", 2, True) == "南阳的城区污水怎么处理？"
    assert turns.narrowed_question("How many boilers did Dalian dismantle citywide?", "urban districts", 27, False) == (
        "How many boilers did Dalian dismantle in the urban districts?")
    assert turns.narrowed_question("How did Nanyang treat sewage in the rural areas?", "the urban areas", 7, False) == (
        "How did Nanyang treat sewage in the urban areas?")
    assert turns.narrowed_question("拆了多少台燃煤锅炉？", "市区", None, True) == ""  # no place, no whole: nothing to narrow


def test_narrowing_follow_ups(knowledge):
    assert _ask(knowledge, "那只要市区的呢？", "大连全市拆了多少台燃煤锅炉？") == "大连市区拆了多少台燃煤锅炉？"
    assert _ask(knowledge, "光市区呢？", "大连拆了多少台燃煤锅炉？") == "大连市区拆了多少台燃煤锅炉？"
    assert _ask(knowledge, "just the urban districts?", "How many coal boilers did Dalian dismantle citywide?") == (
        "How many coal boilers did Dalian dismantle in the urban districts?")


def test_a_confirmed_name_after_filler_words(knowledge):
    assert turns.confirmed("嗯，是许伟。他配备了多少名网格员？", True, [(3, 5)]) == (3, 5, "他配备了多少名网格员？")
    assert _ask(knowledge, "嗯，是许伟。他们配备了多少名网格员？", "济宁的环保局长是谁？").startswith(("济宁", "许伟"))
    assert turns.confirmed("Yes, Dalian. Whats the deal with the boilers?", False, [(5, 11)])[2].startswith("Whats")


def test_the_question_after_a_head_no_rule_completed(knowledge):
    asked = _ask(knowledge, "You said that: is it Peking University that serves as Jining's air-quality 'housekeeper'?",
                 "How much did Jining spend on new air stations?")
    assert asked == "Is it Peking University that serves as Jining's air-quality 'housekeeper'?"
    # how to answer before a question that stands alone: searched as typed (stand-alone questions do not change)
    typed = "In one sentence, how does Su Guojun describe the present moment for environmental work?"
    assert _ask(knowledge, typed, "济宁拆除了多少台燃煤锅炉？") == typed


def test_why_goes_after_the_subject():
    assert ask_again("许伟说污染治理并非一事吗？", "为什么", True, ["许伟"]) == "许伟为什么说污染治理并非一事？"
    # a subject that runs on into 的: 为什么 opens the question as before
    assert ask_again("大连市环保局的同志现在腰杆变硬了吗？", "为什么", True, ["大连市"]) == "为什么大连市环保局的同志现在腰杆变硬了？"
