"""The reverse-lookup reader's, the headline writer's and the range reader's frames (retriever/answerability/lookup.py)."""

import pytest

from retriever.answerability.lookup import headline_asked, range_guessed, reverse_asked
from retriever.answerability.preamble import unframed


@pytest.mark.parametrize("typed, meant", [
    ("“604台”在大连的讲述里指的是什么？", "604台在大连的讲述里指的是什么？"),
    ("“54061” 这个 number 指的是济宁的什么？", "54061 这个数 指的是济宁的什么？"),
    ("What does the number 992 count in Jining?", "What does 992 count in Jining?"),
    ("102 — what does that number stand for in the forum?", "What does 102 stand for in the forum?"),
])
def test_a_quoted_or_named_figure_is_the_key_not_a_name_or_an_asked_number(typed, meant):
    assert reverse_asked(typed) == meant


@pytest.mark.parametrize("typed", [
    "“抓两头带中间”是南阳的什么思路？",  # a quoted phrase stays quoted (quotes.py checks it)
    "How many boilers did Dalian remove? The number 1416 — right?",
    "What is the number of grid officers in Jining?",  # no meaning asked: the number is asked
])
def test_other_quotes_and_numbers_stay_as_typed(typed):
    assert reverse_asked(typed) == typed


@pytest.mark.parametrize("typed, meant", [
    ("Dalian Boiler Purge: How Many Axed Citywide?", "How many axed citywide in Dalian Boiler Purge?"),
    ("Xiangtan bond: interest rate?", "What is the interest rate of Xiangtan bond?"),
    ("Mayor of Nanyang: Who?", "Who is the mayor of Nanyang?"),
    ("Jining Grid Staff: Head Count?", "What is the head count of Jining Grid Staff?"),
])
def test_a_headline_is_read_as_the_sentence_it_asks(typed, meant):
    assert headline_asked(typed) == meant


@pytest.mark.parametrize("typed", [
    "Jining guideline drive: thousands of polluters in scope?",  # a yes/no tail
    "Xiangtan: how many small coal boilers were torn out during its clean-up?",  # a question of its own
    "asking for a friend: how much did Dalian pay each yellow-label car owner?",
    "ELI5: what is PPP?",
    "南阳：多少个网格？",
])
def test_a_topic_before_a_question_of_its_own_stays(typed):
    assert headline_asked(typed) == typed


@pytest.mark.parametrize("typed, meant", [
    ("大连拆除了多少台燃煤锅炉，是不是有上千台？", "大连拆除了多少台燃煤锅炉？"),
    ("大连拆除了多少台燃煤锅炉，大概上千台吧？", "大连拆除了多少台燃煤锅炉？"),
    ("How much did Guangzhou spend cleaning its river — hundreds of billions?",
     "How much did Guangzhou spend cleaning its river — hundreds of billions?"),  # English: as typed
])
def test_a_range_guess_after_a_number_asked(typed, meant):
    assert range_guessed(typed) == meant


@pytest.mark.parametrize("typed, meant", [
    ("济宁立案处罚的罚款金额大概上千万元吗？", "济宁立案处罚的罚款金额多少万元？"),
    ("济宁关停的污染源是不是有小一千家？", "济宁关停的污染源有多少家？"),
    ("大连那个黄标车排查出动了几千个交警是吧？", "大连那个黄标车排查出动了多少个交警？"),
    ("大连今年锅炉整治砍掉的二氧化硫是不是过万吨了？", "大连今年锅炉整治砍掉的二氧化硫多少万吨了？"),
    ("冒昧请教一下，济宁开通的举报渠道几小时受理举报？", "济宁开通的举报渠道几小时受理举报？"),
    ("不知道方不方便问一下，济宁有多少网格员？", "济宁有多少网格员？"),
])
def test_the_range_readers_guess_is_the_number_asked_and_the_hedge_asks_nothing(typed, meant):
    assert unframed(typed) == meant


def test_a_tag_after_no_figure_stays():
    assert unframed("他们是去年开始的吧？") == "他们是去年开始的吧？"


def test_readers25_voices_are_seeded_and_know_no_question():
    import random

    from eval import variants_readers25 as v

    assert v.headline_en("How many boilers did Dalian remove?", random.Random(1))[0].endswith("?")
    assert ":" in v.headline_en("How many boilers did Dalian remove?", random.Random(1))[0]
    assert v.range_zh("大连拆除了多少台锅炉？", random.Random(2)) == v.range_zh("大连拆除了多少台锅炉？", random.Random(2))
    assert v.reverse_en("Who chairs the forum?", random.Random(3)) == []  # no answer figure: no reverse variant
    assert v.how_en("How did Jining hire its grid officers?", random.Random(4))[0].endswith("hire its grid officers?")
