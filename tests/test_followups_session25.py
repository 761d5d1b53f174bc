"""Session 25 (fu8): a share of the amount just asked, 'X, how many left', the other one when the conversation has no
other, the counted noun a measure word keeps, and pronouns whose person the question itself describes."""

import pytest

from retriever.conversation import pronouns, shares
from retriever.conversation.corrections import bare_other, correction


def _knowledge(count):
    """Conversation knowledge of the first count bureau chiefs (Dalian, Jining, Xiangtan)."""
    from index.records import Speaker
    from retriever.conversation.knowledge import build_knowledge

    speakers = [Speaker(name, f"{province}{city}环保局局长", f"{province}{city}环保局", "局长")
                for name, province, city in (("张海冰", "辽宁省", "大连市"), ("许伟", "山东省", "济宁市"),
                                             ("苏国军", "湖南省", "湘潭市"))]
    return build_knowledge(speakers[:count], ["大连市2016年举全市之力。"], LEXICON)


@pytest.fixture(scope="module")
def knowledge():
    return _knowledge(3)


@pytest.fixture(scope="module")
def pair():
    return _knowledge(2)


LEXICON = {
    "dalian": ["大连"], "jining": ["济宁"], "xiangtan": ["湘潭"], "hunan": ["湖南"], "shandong": ["山东"],
    "boiler": ["锅炉"], "zhang": ["张"], "haibing": ["海冰"], "su": ["苏"], "guojun": ["国军"], "xu": ["许"], "wei": ["伟"],
}


def _ask(knowledge, question, *history):
    from retriever.rewrite import rewrite

    return rewrite(question, list(history), knowledge, lexicon=LEXICON).text


def test_a_share_of_the_amount_just_asked_carries_that_amount():
    last = "To what extent did Dalian's boiler campaign reduce soot, in tonnes?"
    asked = shares.share_of_last("What was that as a proportion of the prior year's total?", last, False)
    assert asked.startswith("To what extent did Dalian's boiler campaign reduce soot") and "proportion" in asked
    assert shares.share_of_last("那占上年总量的比例是多少？", "大连烟尘减少了多少吨？", True) == "大连烟尘减少了多少吨，占上年总量的比例是多少？"
    assert shares.share_of_last("那是多少？", "大连烟尘减少了多少吨？", True) is None  # no share asked
    own = "In tonnes, how much soot did the clean-up remove, and what share of its 2015 emissions was that?"
    assert shares.share_of_last(own, last, False) is None  # the amount it asks is its own
    assert shares.share_of_last("Dalian says it checked 100% of its cars; how many is that?", "How many boilers?", False,
                                named=True) is None  # a question of its own


def test_a_thing_put_first_is_what_how_many_counts(knowledge):
    assert _ask(knowledge, "ok xiangtan then, boilers, how many left", "how many boilers did dalian scrap") == (
        "How many boilers left in xiangtan?"
    )
    from retriever.rewrite import _fronted_count

    assert _fronted_count("Boilers upgraded, how many?") == "How many Boilers upgraded?"
    assert _fronted_count("Dalian, how many boilers were upgraded?") == "Dalian, how many boilers were upgraded?"
    assert _fronted_count("In 2016, how much was cut?") == "In 2016, how much was cut?"


def test_the_other_one_with_no_other_in_the_conversation(knowledge, pair):
    assert bare_other("the other one", False) and bare_other("另一个", True) and not bare_other("the other city", False)
    assert correction("不是张海冰，另一个呢？", True).new == "另一个"
    # three speakers and none other in the conversation: 'the other one' names no one, nothing is asked in its place
    assert _ask(knowledge, "不是张海冰，另一个呢？", "张海冰调任环保局之前做什么工作？") == "不是张海冰，另一个呢？"
    # two speakers: the other one is the index's other one
    assert _ask(pair, "不是张海冰，另一个呢？", "张海冰调任环保局之前做什么工作？") == "许伟调任环保局之前做什么工作？"
    # the conversation's other one first
    assert _ask(knowledge, "不是许伟，另一个呢？", "张海冰调任环保局之前做什么工作？", "许伟呢？") == (
        "张海冰调任环保局之前做什么工作？"
    )


def test_a_measure_word_keeps_the_noun_it_counts(knowledge):
    from retriever.rewrite import _counted_in

    assert _counted_in("济宁新建的126个空气站花了多少钱？", "个") == "空气站"
    assert _counted_in("湘潭发行了多少专项债券？", "个") == ""


def test_a_pronoun_after_a_person_the_question_describes_is_that_person():
    def first(question, chinese):
        return pronouns.pronouns(question, chinese)[0]

    q = "The man from the listed landscaping firm: how long, by his account, has his company been in existence?"
    assert pronouns.person_before(first(q, False), q, False)
    q = "做园林的那家上市公司的副总，说他年轻时常去哪里游泳？"
    assert pronouns.person_before([p for p in pronouns.pronouns(q, True) if p.text == "他"][0], q, True)
    q = "As a young man, which river did he go swimming in?"
    assert not pronouns.person_before(first(q, False), q, False)
    # the that of 'Is it true that the …' points at nothing
    assert not [p for p in pronouns.pronouns("Is it true that the water stays at Class II?", False) if p.text.startswith("that")]
