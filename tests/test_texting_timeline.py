"""Session 23 (persona21, readers19's new readers): the texter's chat English, a period asked as a time, and the
homophone and name checks around a count (多少钱才, 一件事干) and a short title (张局来…)."""

from retriever.answerability.texting import untexted


def test_chat_abbreviations_are_written_out():
    assert untexted("how many full-time grid ppl") == "how many full-time grid people"
    assert untexted("the ministry n the hunan dept over the last few yrs") == (
        "the ministry and the Hunan department over the last few years"
    )
    assert untexted("is there an app or smth? and is it 24/7") == "is there an app or something? and is it 24/7"
    assert untexted("does he think the data is in good shape or nah") == "does he think the data is in good shape or not"


def test_question_words_reactions_and_hedges():
    assert untexted("whats the deal w/ dalian's boilers lol how many did they tear out") == (
        "Dalian's boilers, how many did they tear out"
    )
    assert untexted("idk if this is in there but how old is he") == "how old is he"
    assert untexted("idk much about jining but how many grid ppl do they have") == (
        "jining, how many grid people do they have"
    )
    assert untexted("whats the deadline for the rest tho") == "what is the deadline for the rest"


def test_lower_case_proper_names_are_capitalised():
    assert untexted("whats a good pho place in hanoi lol") == "what is a good pho place in Hanoi"


def test_a_question_with_capitals_or_chinese_is_left_alone():
    for question in ("What Is the Capital of France?", "How many boilers did Dalian remove?", "大连 lol 拆了多少台"):
        assert untexted(question) == question


def test_a_period_is_asked_as_a_time():
    from retriever.answerability.kinds import asked_kind
    from retriever.answerability.timeline import a_period

    assert a_period("季度") and a_period("季度主要污染指标") and a_period("时期")
    assert not a_period("部门") and not a_period("酒店")
    assert asked_kind("济宁是哪个季度主要污染指标反弹的？", "zh", {}) == ()


def test_spoken_laizhe_closing_a_clause():
    from retriever.answerability.preamble import spoken

    assert spoken("那个小镇多少人来着，湿地建好以后又盖了啥？") == "那个小镇多少人，湿地建好以后又盖了啥？"


def test_short_title_before_a_verb_names_a_person():
    from retriever.conversation.pronouns import titled_people

    assert titled_people("张局来环保局之前在哪儿上班？", True) == [(0, 2)]
    assert titled_people("大连形成了什么新格局？", True) == []
    assert titled_people("王总结了哪些经验？", True) == []
