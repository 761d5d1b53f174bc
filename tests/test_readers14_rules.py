"""Rules for how session 18's readers write (readers14's personas): a class in Roman numerals (总体已达Ⅱ类标准), a manner
adverb jieba tags a noun (特地邀请), a slipped word ending in a preposition's character (专向 for 专项), and the tip of
the tongue (就是那个啥来着). Reworded questions, not the sets' rows; the real index for the judge."""

from __future__ import annotations

import pytest

from retriever.answerability.focus import adverb
from retriever.answerability.names import nonsense
from retriever.answerability.quantity import COUNT, asked_unit, gives_count, number_pattern
from retriever.slips import _word_ending_coverb, corrected, find_slips

TEXT = "湘潭发行湘江流域重金属污染治理专项债券18亿元。我们的方向是治理。"


def _fixed(question: str) -> str:
    return corrected(question, find_slips(question, lambda t: t in {"湘潭", "专项", "债券"}, lambda t: t in TEXT))


def test_a_class_or_grade_is_asked_as_one():
    assert asked_unit("湘江水质总体达到几类") == "类" and asked_unit("达到几级标准") == "级"
    assert asked_unit("邀请了哪两类人") is None and asked_unit("几类人") == ""


def test_a_class_in_roman_numerals_is_a_number():
    assert gives_count("总体已达ii类标准", "类")  # Ⅱ类 folded by NFKC
    assert number_pattern("类").search("水质保持iii类以上")
    assert not number_pattern(COUNT).search("水质保持iii类以上")  # no answer to how many of anything
    assert number_pattern("级").search("达到iv级")
    assert not gives_count("taxi类", "类") and not number_pattern(COUNT).search("iphone类产品")


@pytest.mark.parametrize("word", ["特地", "特意", "故意", "亲自", "专程", "顺便"])
def test_a_manner_adverb_is_no_asked_attribute(word):
    assert adverb(word)


@pytest.mark.parametrize("word", ["环节", "家庭", "供应", "大会", "早期", "每周", "全面", "基本", "专项"])
def test_a_noun_or_an_adjective_stays_asked(word):
    assert not adverb(word)


def test_a_slip_ending_in_a_prepositions_character_reads_as_the_text_word():
    assert _fixed("湘潭的专向债券有多少亿？") == "湘潭的专项债券有多少亿？"
    assert _fixed("我们的方向是什么？") == "我们的方向是什么？"  # the text writes it
    # only a preposition's character at the end of a word jieba cuts whole: before its object it stays function
    assert _word_ending_coverb("专向", 0, None, [(0, "专向")])
    assert not _word_ending_coverb("向东", 0, None, [(0, "向东")])
    assert not _word_ending_coverb("了向", 0, None, [(0, "了向")])
    assert not _word_ending_coverb("专向", 0, "", [(0, "专")])  # a stretch across words


@pytest.mark.parametrize("question", ["呃呃呃就是那个啥来着", "就是那个什么", "嗯，那个谁来着"])
def test_the_tip_of_the_tongue_names_nothing(question):
    assert nonsense(question, {}) == 1.0


@pytest.mark.parametrize("question", ["湘潭那个啥来着", "那个谁说的环保工作的春天来了", "这什么意思"])
def test_a_placeholder_beside_a_word_still_asks(question):
    assert nonsense(question, {}) == 0.0


@pytest.mark.parametrize(
    "question",
    [
        "论坛经验交流环节特地邀请了哪两类人？", "湘潭的湘江水质总体达到了几类标准？", "湘潭发的专向债卷是多少亿？",
        "湘潭专向债券发了多少亿", "How many times larger was Xiangtan's bond issue than the bank's matching funds?",
    ],
)
def test_readers14_phrasings_are_answered(retriever, question):
    assert not retriever.answer(question, k=3).abstained


def test_the_tip_of_the_tongue_is_refused(retriever):
    assert retriever.answer("嗯嗯就是那个什么来着", k=3).abstained
