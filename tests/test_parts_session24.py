"""Session 24 (parts2): a question of two parts is checked part by part (answer_check.asked_parts, features.analyse:
the answer checks take the weaker part's), a count written as a numeral heading a word (五水共治, 九大重点行业) is a count
(quantity.numbered_word), and an amount noun after a or an (do for an area) asks no amount (asked.more_number).
The questions are this file's own."""

from __future__ import annotations

from retriever.answerability.answer_check import asked_parts
from retriever.answerability.asked import more_number
from retriever.answerability.quantity import COUNT, gives_count, numbered_word
from retriever.service import evidence_for


def test_two_questions_joined_by_and_are_two_parts():
    assert asked_parts("How many staff does the bureau have, and in how many offices?") == [
        "How many staff does the bureau have?", "how many offices?",
    ]
    assert asked_parts("Who chaired the meeting, and what is her post?") == ["Who chaired the meeting?", "what is her post?"]
    assert len(asked_parts("In tonnes, how much coal was burnt, and what share of the total was that?")) == 2


def test_one_question_with_two_question_words_is_one_part():
    assert asked_parts("When and where was the meeting held?") == []
    assert asked_parts("What did he say, and why?") == []
    assert asked_parts("How many boilers were removed?") == []


def test_chinese_clauses_each_asking_are_parts():
    assert asked_parts("这个区一共建了多少个站，资金又是从哪里来的？") == ["这个区一共建了多少个站？", "资金又是从哪里来的？"]
    # a clause asking nothing belongs to the part after it; 几十亿 and 十几个 ask nothing
    assert asked_parts("截至去年年底，全市立案了多少起，罚款又是多少？") == ["截至去年年底，全市立案了多少起？", "罚款又是多少？"]
    assert asked_parts("营业收入大概几十亿，具体是多少？") == []
    assert asked_parts("好像发了十几个亿，到底是多少？") == []


def test_a_numeral_heading_the_counted_word_is_a_count():
    assert numbered_word("实施“五水共治”的意见", COUNT, ("水",))
    assert numbered_word("确定了九大重点行业", COUNT, ("行业", "重点"))
    assert not numbered_word("实施“五水共治”的意见", COUNT, ("河",))
    assert not numbered_word("四大片区47个重点项目", COUNT, ("项目",))  # 四大 counts the areas, not the projects
    assert not numbered_word("第三大城市", COUNT, ("城市",)) and not numbered_word("二是加强水污染防治", COUNT, ("水",))
    assert not numbered_word("九大重点行业", "元", ("行业",))
    assert not gives_count("确定了九大重点行业", COUNT)  # no number pattern reads it without the counted word


def test_an_amount_noun_after_an_article_asks_no_amount():
    assert more_number("What can good governance do for an area?", "en") is None
    assert more_number("What is the area of the new park?", "en") == ""


def test_a_two_part_question_is_judged_by_its_weaker_part(retriever):
    judge = retriever.answerability
    both = judge.analyse(evidence_for(retriever, "湘潭的联席会议制度以谁为总召集人？确定的重点项目一共有多少个？")).values
    assert both["clause_number"] == 1.0 and both["focus_sentence"] == 1.0
    # one part the text never gives (a subsidy per boiler): the number checks stay low
    half = judge.analyse(evidence_for(retriever, "大连拆了多少台燃煤锅炉，每拆一台给了企业多少补贴？")).values
    assert half["clause_number"] < 0.5


def test_a_later_part_naming_nothing_of_its_own_is_no_part(retriever):
    # 有多少名 asks how many of the officers the first part names: one question, checked whole
    judge = retriever.answerability
    whole = judge.analyse(evidence_for(retriever, "大连有没有像济宁那样的专职网格员，有多少名？")).values
    assert whole["clause_number"] < 0.5


def test_a_part_leaning_on_a_part_the_text_never_mentions_is_refused(retriever):
    # the final is the 2018 World Cup's, which the text never mentions: the whole is refused
    assert retriever.answer("Who won the 2018 World Cup, and who scored in the final?", k=5).abstained
    # a part naming a subject of the text's own is still answered, the other part named in the notice
    answer = retriever.answer("Who won the 2018 World Cup, and how many coal-fired boilers did Dalian remove?", k=5)
    assert not answer.abstained and "World Cup" in answer.notice
