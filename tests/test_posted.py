"""The social-media poster's wrapper and the dialect's place words (retriever/answerability/posted.py, session 28)."""

from retriever.answerability.posted import undialected, unposted


def test_hashtag_plea_and_closing_plea_come_off():
    assert unposted("#求问# 家人们大连拆了多少台锅炉？谢谢大佬") == "大连拆了多少台锅炉？"
    assert unposted("@大连环保 蹲一个大连《意见》提出了多少项措施？求科普") == "@大连环保 大连《意见》提出了多少项措施？"
    assert unposted("有没有懂的济宁罚款多少万？在线等，挺急的") == "济宁罚款多少万？"


def test_topic_hashtag_stays_as_words_unless_written():
    assert unposted("#湘潭# 专项债多少亿？") == "湘潭，专项债多少亿？"
    assert unposted("#大连# 家人们大连督查组多久查一回？") == "大连督查组多久查一回？"


def test_english_pleas_and_tags():
    assert unposted("#askingforafriend ELI5: how many boilers did Dalian tear down? pls") == (
        "how many boilers did Dalian tear down?")
    assert unposted("ngl curious how many quarters Jining ran in a row") == "how many quarters Jining ran in a row"
    assert unposted("#pollution how big was the town?") == "how big was the town?"
    assert unposted("#Jining Is it Peking University? thx in advance") == "Jining: Is it Peking University?"


def test_fails_open_as_typed():
    # nothing left, or no question left: as typed
    assert unposted("#家人们# ngl 蹲一个 pls") == "#家人们# ngl 蹲一个 pls"
    assert unposted("asking for a friend: best budget phone this year pls") == (
        "asking for a friend: best budget phone this year pls")
    # a keyword query as one hashtag, words that only look like pleas inside the question
    assert unposted("#大连 燃煤锅炉 提标改造#") == "#大连 燃煤锅炉 提标改造#"
    assert unposted("济宁到底有多急") == "济宁到底有多急"
    assert unposted("网友们怎么评价珠江的水？") == "网友们怎么评价珠江的水？"


def test_dialect_place_words():
    assert undialected("大连那旮沓一共拆了多少台锅炉？") == "大连一共拆了多少台锅炉？"
    assert undialected("济宁那疙瘩网格整了多少个？") == "济宁网格整了多少个？"
    assert undialected("那嘎达有多少锅炉？") == "那里有多少锅炉？"
    assert undialected("大连那边拆了多少台？") == "大连那边拆了多少台？"
